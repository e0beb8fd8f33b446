/* Frames and the one re-entrant call entry from C into Haxe (natives calling back, the runtime's
 * hooks, the embedding API). Nesting of C entries is counted and bounded (design.md principle 6). */
#define _GNU_SOURCE /* pthread_getattr_np */
#include <pthread.h>
#include <string.h>

#include "exec/code.h"
#include "exec/exec.h"
#include "exec/host_call.h"
#include "exec/interp_ops.h"
#include "exec/poll.h"
#include "rt/rt.h"

/* Shared by hli_push_frame and the API's entry (hli_call_begin), where it is inlined. */
static inline hli_reg *push_frame(hli_thread *th, hli_fn *fn, int32_t ret_reg, uint8_t ret_mode, hli_type *ret_conv) {
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
    hli_zero_regs(regs, code->nregs, th->reg_limit);
    th->reg_top = regs + code->nregs;
    hli_set_frame(&th->frames[th->nframes++], fn, regs, ret_reg, ret_mode, ret_conv);
    return regs;
}

hli_reg *hli_push_frame(hli_thread *th, hli_fn *fn, int32_t ret_reg, uint8_t ret_mode, hli_type *ret_conv) {
    return push_frame(th, fn, ret_reg, ret_mode, ret_conv);
}

void hli_pop_frame(hli_thread *th) {
    hli_stack_release(th, th->frames[th->nframes - 1].regs);
    th->nframes--;
}

/* Runs the frame just pushed at index base to its return, as an entry from C: the entry is a poll point
 * like any call (charged with the function's length), and the outermost entry (from the host) starts
 * and ends the per-call budgets and reports Sys.exit (poll.c). On failure the frame is gone. */
static inline hli_status run_pushed(hli_thread *th, uint32_t base, hli_reg *ret) {
    bool top = th->c_depth == 0;
    if (top)
        hli_poll_begin(th);
    th->c_depth++;
    hli_status st = HLI_OK;
    if (hli_poll_charge(th, (int32_t)th->frames[base].fn->code->nops))
        st = hli_poll_slow(th);
    if (st == HLI_OK)
        st = hli_interp(th, base, th->frames[base].fn->code, th->frames[base].regs, ret);
    else
        while (th->nframes > base)
            hli_pop_frame(th);
    th->c_depth--;
    if (top)
        return hli_poll_end(th, st);
    if (st == HLI_ABORT) /* the Haxe code around this entry stops at its next poll point, whatever C does */
        th->poll_ticks = th->poll_refill = 0;
    return st;
}

hli_status hli_call_fn(hli_thread *th, hli_fn *fn, const hli_reg *args, uint32_t nargs, hli_reg *ret) {
    hli_reg dummy;
    if (ret == NULL)
        ret = &dummy;
    ret->i64 = 0;
    if (fn->kind != HLI_FN_BYTECODE) {
        hli_reg local[256 + 1];
        if (nargs > 256)
            return hli_throw_error(th, "Too many arguments");
        memcpy(local, args, nargs * sizeof(hli_reg));
        if (th->c_depth > 0)
            return hli_native_call(th, fn, local, ret);
        /* The host calling a native directly: still one call from the host (budgets, Sys.exit). */
        hli_poll_begin(th);
        th->c_depth++;
        hli_status st = hli_native_call(th, fn, local, ret);
        th->c_depth--;
        return hli_poll_end(th, st);
    }
    if (nargs != fn->code->nargs)
        return hli_throw_error(th, "Missing arguments : %u expected but %u passed", (unsigned)fn->code->nargs,
                               (unsigned)nargs);
    if (hli_c_entry_full(th))
        return hli_throw_error(th, "Stack overflow");
    uint32_t base = th->nframes;
    hli_reg *regs = hli_push_frame(th, fn, -1, HLI_RET_DIRECT, NULL);
    if (regs == NULL)
        return HLI_EXC;
    if (nargs > 0)
        memcpy(regs, args, nargs * sizeof(hli_reg));
    return run_pushed(th, base, ret);
}

/* The embedding API's entry (src/api), in two steps so that arguments are converted straight into the
 * callee's registers: no copy, and an argument that allocates while the next one converts stays rooted
 * (the pushed frame is scanned by its pointer map). */
hli_reg *hli_call_begin(hli_thread *th, hli_fn *fn) {
    if (hli_c_entry_full(th)) {
        hli_throw_error(th, "Stack overflow");
        return NULL;
    }
    return push_frame(th, fn, -1, HLI_RET_DIRECT, NULL);
}

hli_status hli_call_run(hli_thread *th, hli_reg *ret) { return run_pushed(th, th->nframes - 1, ret); }

void hli_call_cancel(hli_thread *th) { hli_pop_frame(th); }

/* The API's typed entry in general (hli_call_host in host_call.h is the usual case): the frame of
 * bytecode function fn, `self` first when not NULL, then n argument slots copied as they are. */
hli_status hli_call_copy(hli_thread *th, hli_fn *fn, void *self, const void *args, uint32_t n, hli_reg *ret) {
    if (hli_c_entry_full(th))
        return hli_throw_error(th, "Stack overflow");
    hli_reg *regs = push_frame(th, fn, -1, HLI_RET_DIRECT, NULL);
    if (regs == NULL)
        return HLI_EXC;
    hli_copy_args(regs, self, args, n);
    return run_pushed(th, th->nframes - 1, ret);
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
        if (hli_c_entry_full(th))
            return hli_throw_error(th, "Stack overflow");
        hli_status st = hli_op_call_converted(th, c, vals, types, nargs, -1, wt->ret, &local, &pushed);
        if (st != HLI_OK)
            return st;
        if (pushed)
            st = run_pushed(th, base, &local);
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
    if (nargs != 0) /* args may be NULL then */
        memcpy(local + 1, args, nargs * sizeof(hli_reg));
    hli_root_range_push(th, local, (nargs + 1) * sizeof(hli_reg));
    hli_status st = hli_call_fn(th, fn, local, nargs + 1, ret);
    hli_root_range_pop(th);
    return st;
}

/* What a nested entry may need below the point where it is checked: one native, one interpreter run
 * and what they call before the next check (sanitizer builds use far larger frames). */
#define C_STACK_MARGIN (512u * 1024u)

bool hli_c_stack_low(hli_thread *th) {
    if (th->stack_low == 0 || !pthread_equal(th->stack_thread, pthread_self())) {
        /* Once per OS thread that nests entries (a host may call a VM from several threads). */
        pthread_attr_t attr;
        void *addr = NULL;
        size_t size = 0;
        if (pthread_getattr_np(pthread_self(), &attr) != 0)
            return false; /* unknown: the depth bound alone applies */
        pthread_attr_getstack(&attr, &addr, &size);
        pthread_attr_destroy(&attr);
        th->stack_thread = pthread_self();
        th->stack_low = (uintptr_t)addr + (size > 2 * C_STACK_MARGIN ? C_STACK_MARGIN : size / 2);
    }
    /* The frame address, not a local's: ASan may move locals to a heap "fake stack". Stacks grow down
     * on every target hlffi builds for. */
    return (uintptr_t)__builtin_frame_address(0) < th->stack_low;
}
