/* Typed host natives (hlffi-api.md "Beyond hlffi v3"): C functions the host registers per VM before
 * loading, bound by the linker to Haxe's `@:hlNative("lib", "name")` declarations after checking the
 * signature, and called with unboxed arguments in hlffi_slot values. The linker asks this registry
 * through vm->host_natives before the VM's own natives; a bound native becomes an HLI_FN_HOST function
 * handle whose host_data is the registry entry (docs/internals/natives.md "Host functions"). */
#include <stdio.h>
#include <string.h>

#include "api/api_callbacks.h"
#include "api/api_internal.h"
#include "rt/rt.h"

typedef struct hli_host_native {
    char *text;          /* "lib\0name\0signature\0" */
    size_t text_size;
    const char *lib, *name, *sig;
    uint32_t nargs;      /* letters before '_' */
    char ret;            /* the letter after it */
    hlffi_native_typed_func fn;
    void *userdata;
} hli_host_native;

#define ARG_LETTERS "icslfdbBSDO"

void hli_host_natives_free(hlffi_vm *vm, hli_api_callbacks *cb) {
    for (uint32_t i = 0; i < cb->nnatives; i++)
        hli_mem_free(&vm->mem, cb->natives[i].text, cb->natives[i].text_size);
    hli_mem_free(&vm->mem, cb->natives, cb->natives_cap * sizeof *cb->natives);
    cb->natives = NULL;
    cb->nnatives = cb->natives_cap = 0;
}

/* Checks a signature ("<argument letters>_<return letter>"); NULL when valid, else the reason. */
static const char *check_signature(const char *sig, uint32_t *nargs, char *ret) {
    const char *us = strchr(sig, '_');
    if (us == NULL)
        return "no '_' between the arguments and the return type";
    size_t n = (size_t)(us - sig);
    if (n > HLI_HOST_MAX_ARGS)
        return "more than 255 arguments";
    for (size_t i = 0; i < n; i++)
        if (strchr(ARG_LETTERS, sig[i]) == NULL) /* sig[i] is not the NUL: it comes before '_' */
            return "an argument letter is not one of i c s l f d b B S D O";
    if (us[1] == 0 || us[2] != 0 || (us[1] != 'v' && strchr(ARG_LETTERS, us[1]) == NULL))
        return "the return type must be one letter of i c s l f d b B S D O v";
    *nargs = (uint32_t)n;
    *ret = us[1];
    return NULL;
}

HLFFI_API hlffi_error_code hlffi_register_native(hlffi_vm *vm, const char *lib, const char *name,
                                                 hlffi_native_typed_func fn, const char *signature, void *userdata) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    if (vm->module != NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_ALREADY_INITIALIZED, "hlffi_register_native must come before the load");
    if (lib == NULL || name == NULL || signature == NULL || fn == NULL || lib[0] == 0 || name[0] == 0)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_register_native: %s is NULL or empty",
                           lib == NULL || lib[0] == 0 ? "lib" : name == NULL || name[0] == 0 ? "name"
                                                            : signature == NULL             ? "signature"
                                                                                            : "fn");
    uint32_t nargs;
    char ret;
    const char *bad = check_signature(signature, &nargs, &ret);
    if (bad != NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_register_native %s@%s: signature \"%s\": %s", lib,
                           name, signature, bad);
    hli_api_callbacks *cb = hli_callbacks_get(vm);
    if (cb == NULL)
        return HLFFI_ERROR_OUT_OF_MEMORY;
    for (uint32_t i = 0; i < cb->nnatives; i++)
        if (strcmp(cb->natives[i].lib, lib) == 0 && strcmp(cb->natives[i].name, name) == 0)
            return HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_register_native: %s@%s is already registered",
                               lib, name);
    if (cb->nnatives == cb->natives_cap) {
        uint32_t ncap = cb->natives_cap ? cb->natives_cap * 2 : 8;
        hli_host_native *nn = hli_mem_array(&vm->mem, ncap, sizeof *nn);
        if (nn == NULL)
            return HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "hlffi_register_native: out of memory");
        if (cb->nnatives > 0)
            memcpy(nn, cb->natives, cb->nnatives * sizeof *nn);
        hli_mem_free(&vm->mem, cb->natives, cb->natives_cap * sizeof *nn);
        cb->natives = nn;
        cb->natives_cap = ncap;
    }
    size_t nl = strlen(lib) + 1, nn = strlen(name) + 1, ns = strlen(signature) + 1;
    char *text = hli_mem_alloc(&vm->mem, nl + nn + ns);
    if (text == NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "hlffi_register_native: out of memory");
    memcpy(text, lib, nl);
    memcpy(text + nl, name, nn);
    memcpy(text + nl + nn, signature, ns);
    /* The array may still grow, but only before the load: the linker's pointers come after. */
    cb->natives[cb->nnatives++] = (hli_host_native){text, nl + nn + ns, text, text + nl, text + nl + nn, nargs, ret,
                                                    fn, userdata};
    vm->host_natives = hli_host_natives_link;
    return HLFFI_OK;
}

/* ---- calling ------------------------------------------------------------------------------------------- */

#define ARGS_ON_STACK 16

static bool letter_is_handle(char c) { return c == 'S' || c == 'D' || c == 'O'; }

/* Every host native's entry: the arguments unboxed into slots (String, Dynamic and other references as
 * handles, freed after the call), the C function called, its result written back in the declared type. */
static hli_status host_native_call(hli_thread *th, const hli_fn *fn, hli_reg *args, hli_reg *ret) {
    const hli_host_native *hn = fn->host_data;
    hlffi_vm *vm = th->vm;
    const hli_type_fun *ft = fn->type->u.fun;
    uint32_t n = hn->nargs;
    hlffi_slot stack_slots[ARGS_ON_STACK], *slots = stack_slots;
    hlffi_value *stack_h[ARGS_ON_STACK], **hv = stack_h;
    if (n > ARGS_ON_STACK) {
        slots = hli_mem_array(&vm->mem, n, sizeof *slots);
        hv = hli_mem_array(&vm->mem, n, sizeof *hv);
    }
    hli_status st = HLI_OK;
    if (slots == NULL || hv == NULL) {
        st = hli_throw_oom(th, n * sizeof *slots);
        goto done;
    }
    memset(slots, 0, (n > 0 ? n : 1) * sizeof *slots);
    memset(hv, 0, (n > 0 ? n : 1) * sizeof *hv);
    for (uint32_t i = 0; i < n && st == HLI_OK; i++) {
        hlffi_slot *s = &slots[i];
        const hli_reg *a = &args[i];
        switch (hn->sig[i]) {
        case 'i': s->i32 = a->i; break;
        case 'c': s->i32 = a->ui8; break;
        case 's': s->i32 = a->ui16; break;
        case 'l': s->i64 = a->i64; break;
        case 'f': s->f32 = a->f; break;
        case 'd': s->f64 = a->d; break;
        case 'b': s->b = a->b != 0; break;
        case 'B': s->ptr = a->p; break;
        default:
            if ((s->value = hv[i] = hli_handle_new(vm, ft->args[i], a)) == NULL)
                st = hli_throw_oom(th, sizeof(hli_handle));
        }
    }
    hlffi_slot r;
    memset(&r, 0, sizeof r);
    hlffi_value *outer = NULL;
    if (st != HLI_OK || (st = hli_host_enter(th, &outer)) != HLI_OK)
        goto done;
    hn->fn(vm, hn->userdata, slots, &r);
    st = hli_host_leave(th, outer);
    if (st != HLI_OK) {
        if (letter_is_handle(hn->ret))
            hli_host_drop_result(r.value, hv, n);
        goto done;
    }
    switch (hn->ret) {
    case 'i': ret->i = r.i32; break;
    case 'c': ret->ui8 = (uint8_t)r.i32; break;
    case 's': ret->ui16 = (uint16_t)r.i32; break;
    case 'l': ret->i64 = r.i64; break;
    case 'f': ret->f = r.f32; break;
    case 'd': ret->d = r.f64; break;
    case 'b': ret->b = r.b ? 1 : 0; break;
    case 'B': ret->p = r.ptr; break;
    case 'v': break;
    default: st = hli_host_take_result(th, r.value, ft->ret, ret, hv, n);
    }
done:
    for (uint32_t i = 0; hv != NULL && i < n; i++)
        hli_handle_free(hv[i]);
    if (slots != stack_slots)
        hli_mem_free(&vm->mem, slots, n * sizeof *slots);
    if (hv != stack_h)
        hli_mem_free(&vm->mem, hv, n * sizeof *hv);
    return st;
}

/* ---- linking ------------------------------------------------------------------------------------------- */

/* The signature letter of a bytecode type ('?' for the kinds host natives cannot take). */
static char letter_of(const hlffi_vm *vm, const hli_type *t) {
    switch (t->kind) {
    case HVOID: return 'v';
    case HI32: return 'i';
    case HUI8: return 'c';
    case HUI16: return 's';
    case HI64: return 'l';
    case HF32: return 'f';
    case HF64: return 'd';
    case HBOOL: return 'b';
    case HBYTES: return 'B';
    case HDYN: return 'D';
    default:
        if (t == vm->prog->string_type)
            return 'S';
        return hli_kind_is_ptr(t->kind) && t->kind != HMETHOD ? 'O' : '?';
    }
}

int hli_host_natives_link(hlffi_vm *vm, hli_fn *fn, const char *lib, const char *name) {
    hli_api_callbacks *cb = vm->callbacks;
    hli_host_native *hn = NULL;
    for (uint32_t i = 0; cb != NULL && i < cb->nnatives && hn == NULL; i++)
        if (strcmp(cb->natives[i].lib, lib) == 0 && strcmp(cb->natives[i].name, name) == 0)
            hn = &cb->natives[i];
    if (hn == NULL)
        return 0;
    const hli_type_fun *ft = fn->type->u.fun;
    char sig[HLI_HOST_MAX_ARGS + 4];
    size_t n = 0;
    bool ok = ft->nargs <= HLI_HOST_MAX_ARGS;
    for (uint32_t i = 0; ok && i < ft->nargs; i++)
        ok = (sig[n++] = letter_of(vm, ft->args[i])) != '?' && sig[n - 1] != 'v';
    if (ok) {
        sig[n++] = '_';
        sig[n++] = letter_of(vm, ft->ret);
        sig[n] = 0;
        ok = sig[n - 1] != '?';
    }
    char readable[256];
    hli_rt_type_str(vm, fn->type, readable, sizeof readable);
    if (!ok) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_MODULE_LOAD_FAILED,
                    "host native %s@%s: the module declares %s, which has a type host natives cannot take", lib, name,
                    readable);
        return -1;
    }
    if (strcmp(sig, hn->sig) != 0) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_MODULE_LOAD_FAILED,
                    "host native %s@%s: the module declares %s (signature \"%s\") but the host registered \"%s\"", lib,
                    name, readable, sig, hn->sig);
        return -1;
    }
    fn->kind = HLI_FN_HOST;
    fn->host = host_native_call;
    fn->host_data = hn;
    return 1;
}
