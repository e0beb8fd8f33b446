/* hlffi v3's named callbacks (hlffi-api.md "Callbacks (Haxe calling C)"): a registry by name of C
 * functions, each made into a host closure (api_callbacks.h) on first hlffi_get_callback and kept
 * rooted by an internal handle until unregistered. Unregistering marks the closure dead, so a Haxe
 * value still holding it throws when called, while every other callback goes on working. */
#include <string.h>

#include "api/api_callbacks.h"
#include "api/api_internal.h"
#include "rt/rt.h"

typedef struct hli_named_cb {
    struct hli_named_cb *next;
    char *name;
    size_t name_size;
    hlffi_native_func func;
    uint32_t nargs;
    hlffi_arg_type *arg_types; /* nargs entries; NULL: every argument Dynamic */
    hlffi_arg_type ret_type;   /* HLFFI_ARG_DYNAMIC for untyped callbacks */
    hli_handle *closure;       /* the host closure, made on first hlffi_get_callback */
} hli_named_cb;

static void named_free(hlffi_vm *vm, hli_named_cb *e) {
    hli_mem_free(&vm->mem, e->name, e->name_size);
    hli_mem_free(&vm->mem, e->arg_types, e->nargs * sizeof *e->arg_types);
    hli_mem_free(&vm->mem, e, sizeof *e);
}

void hli_named_callbacks_free(hlffi_vm *vm, hli_api_callbacks *cb) {
    for (hli_named_cb *e = cb->named, *next; e != NULL; e = next) {
        next = e->next;
        named_free(vm, e); /* e->closure went with the handle table */
    }
    cb->named = NULL;
}

/* The entry named `name` and the link that points to it, or NULL. */
static hli_named_cb *find(hli_api_callbacks *cb, const char *name, hli_named_cb ***link) {
    hli_named_cb **l = &cb->named;
    for (; *l != NULL; l = &(*l)->next)
        if (strcmp((*l)->name, name) == 0)
            break;
    if (link != NULL)
        *link = l;
    return *l;
}

static bool register_cb(hlffi_vm *vm, const char *name, hlffi_native_func func, int nargs, bool typed,
                        const hlffi_arg_type *arg_types, hlffi_arg_type return_type, const char *fname) {
    if (vm == NULL)
        return false;
    const char *bad = name == NULL || name[0] == 0 ? "the name is NULL or empty"
                      : func == NULL                 ? "func is NULL"
                      : nargs < 0 || nargs > HLI_HOST_MAX_ARGS ? "nargs must be 0..255"
                      : typed && nargs > 0 && arg_types == NULL ? "arg_types is NULL"
                                                                 : NULL;
    for (int i = 0; bad == NULL && arg_types != NULL && i < nargs; i++)
        if (arg_types[i] <= HLFFI_ARG_VOID || arg_types[i] > HLFFI_ARG_DYNAMIC)
            bad = "an argument type is not INT, FLOAT, BOOL, STRING or DYNAMIC";
    if (bad == NULL && (return_type < HLFFI_ARG_VOID || return_type > HLFFI_ARG_DYNAMIC))
        bad = "the return type is not an hlffi_arg_type";
    if (bad != NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s: %s", fname, bad);
        return false;
    }
    hli_api_callbacks *cb = hli_callbacks_get(vm);
    if (cb == NULL)
        return false;
    if (find(cb, name, NULL) != NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s: a callback named %s is already registered", fname, name);
        return false;
    }
    hli_named_cb *e = hli_mem_alloc(&vm->mem, sizeof *e);
    size_t size = strlen(name) + 1;
    if (e == NULL || (e->name = hli_mem_alloc(&vm->mem, size)) == NULL)
        goto oom;
    e->name_size = size;
    memcpy(e->name, name, size);
    e->func = func;
    e->nargs = (uint32_t)nargs;
    e->ret_type = return_type;
    if (arg_types != NULL && nargs > 0) {
        if ((e->arg_types = hli_mem_array(&vm->mem, (size_t)nargs, sizeof *e->arg_types)) == NULL)
            goto oom;
        memcpy(e->arg_types, arg_types, (size_t)nargs * sizeof *arg_types);
    }
    e->next = cb->named;
    cb->named = e;
    return true;
oom:
    if (e != NULL)
        named_free(vm, e);
    HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "%s: out of memory", fname);
    return false;
}

HLFFI_API bool hlffi_register_callback(hlffi_vm *vm, const char *name, hlffi_native_func func, int nargs) {
    return register_cb(vm, name, func, nargs, false, NULL, HLFFI_ARG_DYNAMIC, "hlffi_register_callback");
}

HLFFI_API bool hlffi_register_callback_typed(hlffi_vm *vm, const char *name, hlffi_native_func func, int nargs,
                                             const hlffi_arg_type *arg_types, hlffi_arg_type return_type) {
    return register_cb(vm, name, func, nargs, true, arg_types, return_type, "hlffi_register_callback_typed");
}

/* The VM type of an argument or return type (String: the module's class); NULL with the error set. */
static hli_type *arg_type(hlffi_vm *vm, hlffi_arg_type a) {
    switch (a) {
    case HLFFI_ARG_VOID: return HLI_T(void);
    case HLFFI_ARG_INT: return HLI_T(i32);
    case HLFFI_ARG_FLOAT: return HLI_T(f64);
    case HLFFI_ARG_BOOL: return HLI_T(bool);
    case HLFFI_ARG_DYNAMIC: return HLI_T(dyn);
    case HLFFI_ARG_STRING:
        if (vm->prog->string_type != NULL)
            return vm->prog->string_type;
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_NOT_FOUND, "the module has no String class for a String callback argument");
        return NULL;
    }
    return NULL;
}

/* Makes the host closure of entry e, with the types it was registered with. */
static bool make_closure(hlffi_vm *vm, hli_named_cb *e) {
    hli_type *args[HLI_HOST_MAX_ARGS];
    for (uint32_t i = 0; i < e->nargs; i++)
        if ((args[i] = e->arg_types != NULL ? arg_type(vm, e->arg_types[i]) : HLI_T(dyn)) == NULL)
            return false;
    hli_type *ret = arg_type(vm, e->ret_type);
    hli_host_sig *sig = ret != NULL ? hli_host_sig_get(vm, e->nargs, args, ret) : NULL;
    hli_host_closure *hc = sig != NULL ? hli_host_closure_new(vm, sig, HLI_HOST_V3, e->name) : NULL;
    if (hc == NULL)
        return false;
    hc->v3 = e->func;
    hli_reg r = {.p = hc};
    return (e->closure = hli_handle_alloc(vm, &sig->bound, &r)) != NULL;
}

HLFFI_API hlffi_value *hlffi_get_callback(hlffi_vm *vm, const char *name) {
    if (vm == NULL || hli_api_thread(vm) == NULL)
        return NULL;
    hli_named_cb *e = vm->callbacks != NULL && name != NULL ? find(vm->callbacks, name, NULL) : NULL;
    if (e == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_get_callback: no callback named %s is registered",
                    name != NULL ? name : "(NULL)");
        return NULL;
    }
    if (e->closure == NULL && !make_closure(vm, e))
        return NULL;
    return hli_handle_new(vm, e->closure->t, &e->closure->v);
}

HLFFI_API bool hlffi_unregister_callback(hlffi_vm *vm, const char *name) {
    if (vm == NULL)
        return false;
    hli_named_cb **link = NULL;
    hli_named_cb *e = vm->callbacks != NULL && name != NULL ? find(vm->callbacks, name, &link) : NULL;
    if (e == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_unregister_callback: no callback named %s is registered",
                    name != NULL ? name : "(NULL)");
        return false;
    }
    if (e->closure != NULL) {
        ((hli_host_closure *)e->closure->v.p)->dead = 1; /* Haxe may still hold it: calls now throw */
        hli_handle_free(hli_handle_ref(e->closure));
    }
    *link = e->next;
    named_free(vm, e);
    return true;
}
