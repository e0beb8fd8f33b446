/* The interpreter's poll point (design.md principle 6): one countdown per thread, charged at backward
 * jumps and calls with the work about to run. The fast path is that subtraction and one test; when the
 * countdown reaches zero the slow path (poll.c) handles everything asynchronous or periodic: host
 * interrupts, instruction and time budgets, and later the collector's stop-the-world safepoint.
 * docs/internals/interpreter.md "The poll point" explains the accounting. */
#ifndef HLI_EXEC_POLL_H
#define HLI_EXEC_POLL_H

#include "exec/thread.h"

/* The most work between two runs of the slow path: bounds how late a request from another thread (an
 * interrupt; later a stop-the-world) or a spent time budget is noticed (microseconds). */
#define HLI_POLL_SLICE (1 << 14)

/* Charges `work` (1 .. 2^30, the ops about to run) to the thread's countdown; true when the slow path
 * is due. The countdown belongs to the running thread alone (other threads only raise flags that the
 * slow path reads), so this is a plain subtraction: no atomic, no data race. */
static inline bool hli_poll_charge(hli_thread *th, int32_t work) { return (th->poll_ticks -= work) <= 0; }

/* The slow path, with the top frame's pc saved: HLI_ABORT (abort_kind INTERRUPT, the reason and place
 * in vm->abort_text) when an interrupt is pending or a budget is spent; else refills the countdown. */
HLI_INTERNAL hli_status hli_poll_slow(hli_thread *th);
/* A call from the host into Haxe starts (the outermost C entry): clears the last abort and starts the
 * per-call budgets. Inline when the VM has no budget and no interrupt is pending (every call of a host
 * that sets no limits): then there is nothing to start but a full slice. */
HLI_INTERNAL void hli_poll_begin_slow(hli_thread *th);
static inline bool hli_poll_unlimited(const hlffi_vm *vm) {
    /* One test rather than two branches: the usual case is neither. */
    return (vm->budgets | atomic_load_explicit(&vm->interrupt, memory_order_relaxed)) == 0;
}
/* Without budgets, budget_used, deadline_ns and poll_refill are left as they are: only budgets read them
 * (the time budget's deadline is tested when nonzero, and setting or clearing a budget zeroes it:
 * api_limits.c), and a call with budgets starts them all in hli_poll_begin_slow. */
static inline void hli_poll_begin(hli_thread *th) {
    if (!hli_poll_unlimited(th->vm)) {
        hli_poll_begin_slow(th);
        return;
    }
    th->abort_kind = HLI_ABORT_NONE;
    th->poll_ticks = HLI_POLL_SLICE;
}
/* ... and ends with status st (returned): reports Sys.exit to the host's exit hook. */
HLI_INTERNAL void hli_poll_exit(hli_thread *th);
static inline hli_status hli_poll_end(hli_thread *th, hli_status st) {
    if (st == HLI_ABORT && th->abort_kind == HLI_ABORT_EXIT)
        hli_poll_exit(th);
    return st;
}
/* Asks the running (or next) call of the VM to stop at a poll point (within HLI_POLL_SLICE of work).
 * Thread- and async-signal-safe: lock-free atomic stores only. */
HLI_INTERNAL void hli_poll_request(hlffi_vm *vm);
/* The VM error for a call that ended in HLI_ABORT other than Sys.exit: INTERRUPTED with the reason and
 * place, or OUT_OF_MEMORY. Returns the code. */
HLI_INTERNAL hlffi_error_code hli_poll_abort_error(hlffi_vm *vm);

#endif
