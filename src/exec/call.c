/* Frames and the one re-entrant call entry from C into Haxe (natives calling back, the runtime's
 * hooks, the embedding API). Nesting of C entries is counted and bounded (design.md principle 6). */
#include <string.h>

#include "exec/code.h"
#include "exec/exec.h"
#include "exec/interp_ops.h"
#include "rt/rt.h"

hli_reg *hli_push_frame(hli_thread *th, hli_fn *fn, int32_t ret_reg, uint8_t ret_mode, hli_type *ret_conv) {
    const hli_code *code = fn->code;
    hli_reg *regs = th->reg_top;
    if ((size_t)(th->reg_limit - regs) < code->nregs && (regs = hli_stack_reserve(th, code->nregs)) == NULL) {
        hli_throw_error(th, "Stack overflow");
        return NULL;
    }
    if (th->nframes == th->frames_cap && !hli_frames_grow(th)) {
        hli_throw_error(th, "Stack overflow");
        return NULL;
    }
    memset(regs, 0, code->nregs * sizeof(hli_reg));
    th->reg_top = regs + code->nregs;
    hli_frame *fr = &th->frames[th->nframes++];
    fr->fn = fn;
    fr->regs = regs;
    fr->pc = code->ops;
    fr->ret_reg = ret_reg;
    fr->ret_mode = ret_mode;
    fr->ret_conv = ret_conv;
    return regs;
}

void hli_pop_frame(hli_thread *th) {
    hli_stack_release(th, th->frames[th->nframes - 1].regs);
    th->nframes--;
}

hli_status hli_call_fn(hli_thread *th, hli_fn *fn, const hli_reg *args, uint32_t nargs, hli_reg *ret) {
    hli_reg dummy;
    if (ret == NULL)
        ret = &dummy;
    ret->i64 = 0;
    if (fn->kind == HLI_FN_MISSING)
        return hli_throw_error(th, "Primitive or library is missing");
    if (fn->kind == HLI_FN_NATIVE) {
        hli_reg local[256 + 1];
        if (nargs > 256)
            return hli_throw_error(th, "Too many arguments");
        memcpy(local, args, nargs * sizeof(hli_reg));
        return fn->native(th, local, ret);
    }
    if (nargs != fn->code->nargs)
        return hli_throw_error(th, "Missing arguments : %u expected but %u passed", (unsigned)fn->code->nargs,
                               (unsigned)nargs);
    if (th->c_depth >= HLI_MAX_C_DEPTH)
        return hli_throw_error(th, "Stack overflow");
    uint32_t base = th->nframes;
    hli_reg *regs = hli_push_frame(th, fn, -1, HLI_RET_DIRECT, NULL);
    if (regs == NULL)
        return HLI_EXC;
    if (nargs > 0)
        memcpy(regs, args, nargs * sizeof(hli_reg));
    th->c_depth++;
    hli_status st = hli_interp(th, base, ret);
    th->c_depth--;
    return st;
}

hli_status hli_call_closure(hli_thread *th, vclosure *c, const hli_reg *args, uint32_t nargs, hli_reg *ret) {
    if (c == NULL)
        return hli_throw_error(th, "Null access");
    if (c->hasValue == 2) {
        /* A wrapper: convert from its declared types to the wrapped closure's. */
        const hli_reg *vals[256];
        hli_type *types[256];
        const hli_type_fun *wt = c->t->u.fun;
        if (nargs > 256 || nargs > wt->nargs)
            return hli_throw_error(th, "Too many arguments");
        for (uint32_t i = 0; i < nargs; i++) {
            vals[i] = &args[i];
            types[i] = wt->args[i];
        }
        hli_reg local;
        bool pushed = false;
        uint32_t base = th->nframes;
        if (th->c_depth >= HLI_MAX_C_DEPTH)
            return hli_throw_error(th, "Stack overflow");
        hli_status st = hli_op_call_converted(th, c, vals, types, nargs, -1, wt->ret, &local, &pushed);
        if (st != HLI_OK)
            return st;
        if (pushed) {
            th->c_depth++;
            st = hli_interp(th, base, &local);
            th->c_depth--;
        }
        if (ret != NULL)
            *ret = local;
        return st;
    }
    hli_fn *fn = c->fun;
    if (!c->hasValue)
        return hli_call_fn(th, fn, args, nargs, ret);
    hli_reg local[256 + 1];
    if (nargs > 256)
        return hli_throw_error(th, "Too many arguments");
    local[0].p = c->value;
    memcpy(local + 1, args, nargs * sizeof(hli_reg));
    hli_root_range_push(th, local, (nargs + 1) * sizeof(hli_reg));
    hli_status st = hli_call_fn(th, fn, local, nargs + 1, ret);
    hli_root_range_pop(th);
    return st;
}
