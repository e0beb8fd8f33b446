/* The host's fast entry into a bytecode function (the embedding API's typed and cached calls), inline
 * so that a call from C crosses three functions only: the public one, hli_interp, and back. Its usual
 * case does only what that case needs; everything else goes through hli_call_copy (call.c), the general
 * entry with the same result. docs/internals/api-calls.md "Where the time goes" has the figures. */
#ifndef HLI_EXEC_HOST_CALL_H
#define HLI_EXEC_HOST_CALL_H

#include <string.h>

#include "exec/code.h"
#include "exec/exec.h"
#include "exec/poll.h"

/* Zeroes regs[0..n) of a new frame (limit: the end of its register segment). Most frames have few
 * registers: those are cleared with eight constant-size stores whatever n is, neither a call to memset
 * nor a branch on n, when the segment has room for eight (the slots past the frame are free: they lie
 * above the stack's top). */
static inline void hli_zero_regs(hli_reg *regs, uint32_t n, const hli_reg *limit) {
    if (n <= 8 && limit - regs >= 8)
        memset(regs, 0, 8 * sizeof(hli_reg));
    else
        memset(regs, 0, n * sizeof(hli_reg));
}

static inline void hli_set_frame(hli_frame *fr, hli_fn *fn, hli_reg *regs, int32_t ret_reg, uint8_t ret_mode,
                                 hli_type *ret_conv) {
    fr->fn = fn;
    fr->regs = regs;
    fr->pc = fn->code->ops;
    fr->ret_reg = ret_reg;
    fr->ret_mode = ret_mode;
    fr->ret_conv = ret_conv;
}

/* Writes `self` (when not NULL) then n 8-byte argument slots into a frame's first registers. */
static inline void hli_copy_args(hli_reg *regs, void *self, const void *args, uint32_t n) {
    if (self != NULL)
        (regs++)->p = self;
    const uint8_t *src = args;
    switch (n) { /* few arguments: plain moves (a loop gets vectorised with overlap checks) */
    case 4: memcpy(&regs[3], src + 3 * sizeof(hli_reg), sizeof(hli_reg)); /* fallthrough */
    case 3: memcpy(&regs[2], src + 2 * sizeof(hli_reg), sizeof(hli_reg)); /* fallthrough */
    case 2: memcpy(&regs[1], src + sizeof(hli_reg), sizeof(hli_reg)); /* fallthrough */
    case 1: memcpy(&regs[0], src, sizeof(hli_reg)); /* fallthrough */
    case 0: break;
    default: memcpy(regs, src, n * sizeof(hli_reg));
    }
}

/* hli_call_copy (thread.h) for a call from the host itself. The usual case: not from inside a callback
 * (no entry to nest in, so the depth and root-stack limits cannot be reached), no budget or interrupt
 * to start (poll.h), room in the current register segment and in the frame array, a function shorter
 * than a poll slice (the entry's charge cannot reach the slow path). Then nothing can fail before the
 * callee runs, and the entry's bookkeeping (the budgets' start, the charge, the depth) is a few stores.
 * *ret must not be NULL. */
static inline hli_status hli_call_host(hli_thread *th, hli_fn *fn, void *self, const void *args, uint32_t n,
                                       hli_reg *ret) {
    const hli_code *code = fn->code;
    hli_reg *regs = th->reg_top;
    uint32_t base = th->nframes;
    const hlffi_vm *vm = th->vm;
    /* (the first test is hli_poll_unlimited and c_depth == 0 in one) */
    if (HLI_UNLIKELY((th->c_depth | vm->budgets | atomic_load_explicit(&vm->interrupt, memory_order_relaxed)) != 0 ||
                     (size_t)(th->reg_limit - regs) < code->nregs || base == th->frames_cap ||
                     code->nops >= HLI_POLL_SLICE))
        return hli_call_copy(th, fn, self, args, n, ret);
    th->reg_top = regs + code->nregs;
    hli_zero_regs(regs, code->nregs, th->reg_limit);
    th->nframes = base + 1;
    hli_set_frame(&th->frames[base], fn, regs, -1, HLI_RET_DIRECT, NULL);
    hli_copy_args(regs, self, args, n);
    /* hli_poll_begin's unlimited case, then the entry's charge (run_pushed in call.c) */
    th->abort_kind = HLI_ABORT_NONE;
    th->poll_ticks = HLI_POLL_SLICE - (int32_t)code->nops;
    th->c_depth = 1;
    hli_status st = hli_interp(th, base, code, regs, ret);
    th->c_depth = 0;
    return hli_poll_end(th, st);
}

#endif
