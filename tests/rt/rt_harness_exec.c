/* Stand-ins for the exec-layer functions src/rt calls, so that the runtime is tested on its own: a GC
 * allocation that throws on exhaustion, HashLink-style error values (bytes boxes), and calls that
 * only reach natives (no interpreter here). Real programs use src/exec's versions. */
#include <stdarg.h>
#include <string.h>

#include "rt_harness.h"

void *hli_alloc(hli_thread *th, size_t size, hli_gc_kind kind) {
    void *p = hli_gc_alloc(th->vm->gc, size, kind);
    if (p == NULL && size > 0)
        hli_throw_oom(th, size);
    return p;
}

hli_status hli_throw(hli_thread *th, vdynamic *v) {
    th->exc_value = v;
    return HLI_EXC;
}

hli_status hli_throw_oom(hli_thread *th, size_t request) {
    (void)request;
    th->exc_value = NULL;
    th->abort_kind = HLI_ABORT_OOM;
    return HLI_ABORT;
}

hli_status hli_throw_error(hli_thread *th, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t n = strlen(msg);
    hli_uchar *u = hli_alloc(th, (n + 1) * sizeof(hli_uchar), HLI_GC_NOPTR);
    if (u == NULL)
        return HLI_ABORT;
    for (size_t i = 0; i < n; i++)
        u[i] = (uint8_t)msg[i];
    hli_root_push(th, &u);
    vdynamic *box = hli_alloc_box(th, HLI_T(bytes));
    hli_root_pop(th, 1);
    if (box == NULL)
        return HLI_ABORT;
    box->v.bytes = (uint8_t *)u;
    return hli_throw(th, box);
}

hli_status hli_call_fn(hli_thread *th, hli_fn *fn, const hli_reg *args, uint32_t nargs, hli_reg *ret) {
    hli_reg dummy, local[32];
    if (ret == NULL)
        ret = &dummy;
    ret->i64 = 0;
    if (fn->kind != HLI_FN_NATIVE)
        return hli_throw_error(th, "rt harness: no interpreter to call findex %u", fn->findex);
    if (nargs > 32 || nargs != fn->type->u.fun->nargs)
        return hli_throw_error(th, "rt harness: %u arguments for findex %u", nargs, fn->findex);
    if (nargs > 0)
        memcpy(local, args, nargs * sizeof(hli_reg));
    hli_root_range_push(th, local, nargs * sizeof(hli_reg));
    hli_status s = fn->native(th, local, ret);
    hli_root_range_pop(th);
    return s;
}

hli_status hli_call_closure(hli_thread *th, vclosure *c, const hli_reg *args, uint32_t nargs, hli_reg *ret) {
    if (c == NULL)
        return hli_throw_error(th, "Null access");
    if (c->hasValue == 2)
        return hli_wrapper_call(th, (vclosure_wrapper *)c, args, nargs, ret);
    if (!c->hasValue)
        return hli_call_fn(th, c->fun, args, nargs, ret);
    hli_reg local[33];
    if (nargs > 32)
        return hli_throw_error(th, "Too many arguments");
    local[0].p = c->value;
    if (nargs > 0)
        memcpy(local + 1, args, nargs * sizeof(hli_reg));
    hli_root_range_push(th, local, (nargs + 1) * sizeof(hli_reg));
    hli_status s = hli_call_fn(th, c->fun, local, nargs + 1, ret);
    hli_root_range_pop(th);
    return s;
}
