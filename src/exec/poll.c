/* The poll point's slow path and the per-call budgets (see poll.h): host interrupts, the instruction and
 * time budgets of each call from the host, and (later) the collector's safepoint, all behind the one
 * countdown the interpreter charges. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdio.h>
#include <time.h>

#include "exec/exec.h"
#include "exec/poll.h"

static uint64_t now_ns(void) {
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        return 0;
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Sets the countdown to the next slice: at most HLI_POLL_SLICE, at most what the instruction budget has
 * left, zero when a request is pending (so the next charge enters the slow path). */
static void refill(hli_thread *th) {
    hlffi_vm *vm = th->vm;
    int32_t n = HLI_POLL_SLICE;
    if (vm->instruction_budget != 0) {
        uint64_t left = vm->instruction_budget > th->budget_used ? vm->instruction_budget - th->budget_used : 0;
        if (left < (uint64_t)n)
            n = (int32_t)left;
    }
    if (atomic_load_explicit(&vm->interrupt, memory_order_relaxed))
        n = 0;
    th->poll_refill = n;
    th->poll_ticks = n;
}

/* Aborts the run: the reason and the place (the top frame's function and line) go to vm->abort_text. */
static hli_status stop(hli_thread *th, const char *why) {
    hlffi_vm *vm = th->vm;
    char where[320] = "";
    if (th->nframes > 0) {
        hli_stack_entry e;
        hli_capture_stack(th, &e, 1);
        hli_format_stack_entry(vm, &e, where, sizeof where);
    }
    snprintf(vm->abort_text, sizeof vm->abort_text, "%s%s%s", why, where[0] ? " in " : "", where);
    th->abort_kind = HLI_ABORT_INTERRUPT;
    return HLI_ABORT;
}

hli_status hli_poll_slow(hli_thread *th) {
    hlffi_vm *vm = th->vm;
    /* What ran since the refill: the refill minus what is left (the countdown may be below zero; an
     * abort below zeroes it, which counts the rest of the slice too: budgets err on stopping early). */
    th->budget_used += (uint64_t)((int64_t)th->poll_refill - th->poll_ticks);
    /* An abort stays in force until the host's call ends: if a C layer in between swallowed it (an API
     * call made from a callback returns its error to the callback), the Haxe code around it stops here. */
    if (th->abort_kind != HLI_ABORT_NONE) {
        th->poll_ticks = th->poll_refill = 0;
        return HLI_ABORT;
    }
    /* `poll` first: a request that lands after this is seen now (interrupt set) or at the next slow path. */
    atomic_store(&th->poll, 0);
    if (atomic_exchange(&vm->interrupt, 0)) {
        atomic_store(&th->poll, 0);
        return stop(th, "interrupted by the host");
    }
    /* The collector's safepoint: with one thread per VM it returns at once; the threads issue makes a
     * stop-the-world collection park the thread here (and raise a request so that it comes promptly). */
    hli_gc_safepoint(vm->gc, NULL);
    if (vm->instruction_budget != 0 && th->budget_used > vm->instruction_budget) {
        char why[96];
        snprintf(why, sizeof why, "instruction budget of %llu spent", (unsigned long long)vm->instruction_budget);
        return stop(th, why);
    }
    if (th->deadline_ns != 0 && now_ns() >= th->deadline_ns) {
        char why[96];
        snprintf(why, sizeof why, "time budget of %u ms spent", (unsigned)vm->time_budget_ms);
        return stop(th, why);
    }
    refill(th);
    return HLI_OK;
}

void hli_poll_begin_slow(hli_thread *th) {
    hlffi_vm *vm = th->vm;
    th->abort_kind = HLI_ABORT_NONE;
    th->budget_used = 0;
    th->deadline_ns = vm->time_budget_ms != 0 ? now_ns() + (uint64_t)vm->time_budget_ms * 1000000u : 0;
    refill(th);
}

void hli_poll_exit(hli_thread *th) {
    hlffi_vm *vm = th->vm;
    if (vm->exit_hook != NULL)
        vm->exit_hook(vm, vm->exit_hook_userdata, vm->exit_code);
}

/* Only flags: the running thread's countdown is its own; its slow path sees the request within a
 * slice. `poll` wakes natives that wait outside the interpreter (sys_sleep). */
void hli_poll_request(hlffi_vm *vm) {
    atomic_store(&vm->interrupt, 1);
    hli_thread *th = vm->main_thread;
    if (th != NULL)
        atomic_store(&th->poll, 1);
}

hlffi_error_code hli_poll_abort_error(hlffi_vm *vm) {
    hli_thread *th = vm->main_thread;
    if (th != NULL && th->abort_kind == HLI_ABORT_OOM)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "execution stopped: out of memory");
    return HLI_VM_FAIL(vm, HLFFI_ERROR_INTERRUPTED, "execution stopped: %s",
                       vm->abort_text[0] ? vm->abort_text : "interrupted");
}
