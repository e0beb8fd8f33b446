/* Handles in, a Haxe call, a handle out (see api_call.h): what every handle-based call of the API does,
 * kept in one place so that its fast path serves them all. */
#include <stdio.h>
#include <string.h>

#include "api/api_call.h"
#include "api/api_internal.h"
#include "rt/rt.h"

#define NATIVE_ARGS_ON_STACK 16

/* The subject of a conversion's messages: "<what> argument <index>", or `what` for HLI_API_NO_INDEX. */
static const char *subject(char *buf, size_t size, const char *what, uint32_t index) {
    if (index == HLI_API_NO_INDEX)
        return what;
    snprintf(buf, size, "%s argument %u", what, (unsigned)index);
    return buf;
}

bool hli_api_arg_slow(hlffi_vm *vm, hli_thread *th, hlffi_value *ref, hli_type *to, hli_reg *out,
                      const char *what, uint32_t index) {
    const hli_handle *h = hli_handle_of(ref);
    char label[160];
    if (h == NULL || h->t == NULL || h->vm != vm)
        return hli_api_check_handle(vm, h, subject(label, sizeof label, what, index));
    /* Numbers and Bool: the kind is the whole type, and a handle stores them widened to a slot. */
    if (h->t == to || (h->t->kind == to->kind && to->kind <= HBOOL)) {
        *out = h->v;
        return true;
    }
    out->i64 = 0;
    /* An Int64 (or Int) for a haxe.Int64 parameter: Haxe 4.2 represents those as objects on HashLink. */
    uint32_t high, low;
    if ((h->t->kind == HI64 || h->t->kind == HI32) && hli_api_haxe_int64_layout(vm, to, &high, &low))
        return hli_api_haxe_int64_new(vm, th, to, h->t->kind == HI64 ? h->v.i64 : (int64_t)h->v.i, out);
    if (hli_dyn_cast(th, &h->v, h->t, to, out) == HLI_OK)
        return true;
    th->exc_value = NULL;
    char a[128], b[128];
    HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s: cannot convert %s to %s", subject(label, sizeof label, what, index),
                hli_rt_type_str(vm, h->t, a, sizeof a), hli_rt_type_str(vm, to, b, sizeof b));
    return false;
}

/* Natives (a static method bound to one): the arguments in a rooted local array. */
static hlffi_value *invoke_native(hlffi_vm *vm, hli_thread *th, hli_fn *fn, bool has_self, void *self, uint32_t n,
                                  hlffi_value **argv, const char *what) {
    const hli_type_fun *ft = fn->type->u.fun;
    uint32_t nargs = ft->nargs;
    hli_reg stack_args[NATIVE_ARGS_ON_STACK], *args = stack_args;
    if (nargs > NATIVE_ARGS_ON_STACK && (args = hli_mem_array(&vm->mem, nargs, sizeof *args)) == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory for the arguments");
        return NULL;
    }
    memset(args, 0, (nargs > 0 ? nargs : 1) * sizeof *args);
    hlffi_value *result = NULL;
    hli_root_range_push(th, args, nargs * sizeof *args); /* conversions may allocate (boxing) */
    uint32_t first = has_self ? 1 : 0;
    if (has_self)
        args[0].p = self;
    bool ok = true;
    for (uint32_t i = 0; i < n && ok; i++)
        ok = hli_api_arg(vm, th, argv[i], ft->args[first + i], &args[first + i], what, i);
    if (ok) {
        hli_reg ret;
        th->exc_value = NULL;
        hli_status st = hli_call_fn(th, fn, args, nargs, &ret);
        if (st != HLI_OK)
            hli_api_call_failed(vm, st);
        else
            result = hli_api_result(vm, ft->ret, &ret);
    }
    hli_root_range_pop(th);
    if (args != stack_args)
        hli_mem_free(&vm->mem, args, nargs * sizeof *args);
    return result;
}

hlffi_value *hli_api_invoke_slow(hlffi_vm *vm, hli_thread *th, hli_fn *fn, bool has_self, void *self, uint32_t n,
                                 hlffi_value **argv, const char *what) {
    if (fn->kind != HLI_FN_BYTECODE)
        return invoke_native(vm, th, fn, has_self, self, n, argv, what);
    hli_type **types = fn->type->u.fun->args;
    hli_reg *regs = hli_call_begin(th, fn);
    if (regs == NULL) {
        hli_api_call_failed(vm, HLI_EXC);
        return NULL;
    }
    if (has_self) {
        regs[0].p = self;
        regs++;
        types++;
    }
    for (uint32_t i = 0; i < n; i++)
        if (!hli_api_arg(vm, th, argv[i], types[i], &regs[i], what, i)) {
            hli_call_cancel(th);
            return NULL;
        }
    hli_reg ret;
    th->exc_value = NULL;
    hli_status st = hli_call_run(th, &ret);
    if (st != HLI_OK) {
        hli_api_call_failed(vm, st);
        return NULL;
    }
    return hli_api_result(vm, fn->type->u.fun->ret, &ret);
}
