/* Per-thread execution state, separate from the VM: call frames on a VM stack that never moves,
 * exception traps, the pending exception and its captured stack, and the temporary root stack that
 * C code in natives uses to keep GC pointers alive across allocations. This is also the interface
 * the runtime (src/rt) and the natives (src/std) use to allocate, throw and call back into Haxe. */
#ifndef HLI_EXEC_THREAD_H
#define HLI_EXEC_THREAD_H

#include <stdatomic.h>

#include "exec/vm.h"

#define HLI_MAX_EXC_STACK 256 /* frames captured per exception, as HashLink */
#define HLI_MAX_ROOTS 1024    /* temporary roots a thread may hold at once */
#define HLI_MAX_C_DEPTH 200   /* nested entries from C into the interpreter (natives calling back) */
#define HLI_MAX_RANGES 1024   /* temporary root ranges a thread may hold at once */
/* What the C code between two nested entries may push at most: an entry is refused ("Stack overflow")
 * when less is left, so deep nesting through natives and callbacks cannot overflow the root stacks. */
#define HLI_C_ENTRY_ROOTS 64
#define HLI_C_ENTRY_RANGES 16

/* A call frame. Registers live in the thread's register stack; frames in the frame stack. */
typedef struct hli_frame {
    hli_fn *fn;              /* the bytecode function running in this frame */
    const struct hli_iop *pc;/* where it resumes (the op after a call it made) */
    hli_reg *regs;           /* its registers: fn->code->nregs slots */
    int32_t ret_reg;         /* the caller's register for the result; -1 = none */
    uint8_t ret_mode;        /* how the result reaches the caller (exec/interp.h) */
    hli_type *ret_conv;      /* for converting returns: the type to convert to */
} hli_frame;

/* An exception handler pushed by OTrap. */
typedef struct hli_trap {
    uint32_t frame;          /* index of the frame that pushed it */
    const struct hli_iop *handler;
    int32_t exc_reg;         /* register of that frame receiving the exception */
} hli_trap;

/* One captured stack entry: a function and the op it was at. */
typedef struct hli_stack_entry {
    hli_fn *fn;
    uint32_t pc;
} hli_stack_entry;

/* Why an HLI_ABORT unwinds. */
typedef enum hli_abort_kind {
    HLI_ABORT_NONE,
    HLI_ABORT_EXIT,        /* Sys.exit(code) */
    HLI_ABORT_INTERRUPT,   /* host interrupt or budget */
    HLI_ABORT_OOM,         /* memory exhausted where no exception could be made */
} hli_abort_kind;

struct hli_thread {
    hlffi_vm *vm;
    /* frames (a growable array: frames may move, registers never do) */
    hli_frame *frames;
    uint32_t nframes, frames_cap, max_frames;
    /* registers: chained segments that never move (ORef hands out register addresses) */
    struct hli_reg_segment *seg;   /* current segment */
    hli_reg *reg_top;              /* first free slot in the current segment */
    hli_reg *reg_limit;            /* end of the current segment */
    size_t reg_bytes, max_reg_bytes;
    /* exceptions */
    hli_trap *traps;
    uint32_t ntraps, max_traps;
    vdynamic *exc_value;           /* the pending or last thrown exception */
    bool rethrow;                  /* the next throw keeps the captured stack (ORethrow) */
    hli_stack_entry exc_stack[HLI_MAX_EXC_STACK];
    uint32_t exc_stack_count;
    vclosure *error_handler;       /* set_error_handler */
    hli_abort_kind abort_kind;
    uint32_t blocking;             /* hl.Gc.blocking nesting */
    /* The poll point (exec/poll.h): a countdown of work charged at backward jumps and calls (this
     * thread's alone); at zero the slow path runs. `poll` is nonzero while an asynchronous request (host
     * interrupt) is pending, for code that waits outside the interpreter (sys_sleep) to return early. */
    _Atomic uint32_t poll;
    int32_t poll_ticks;
    int32_t poll_refill;           /* the countdown's value at its last refill */
    uint64_t budget_used;          /* work charged since the host's call began (instruction budget) */
    uint64_t deadline_ns;          /* CLOCK_MONOTONIC deadline of the host's call (time budget); 0: none */
    /* nested C entries: interpreter runs below this frame index return to C */
    uint32_t c_depth;
    uint32_t entry_frame;
    /* the lowest usable C stack address of the OS thread that last nested an entry (hli_c_stack_low) */
    pthread_t stack_thread;
    uintptr_t stack_low;
    /* temporary roots: addresses of C variables holding GC pointers, and ranges of slots (argument
     * arrays being built) scanned word by word */
    void **roots[HLI_MAX_ROOTS];
    uint32_t nroots;
    struct { const void *base; size_t size; } ranges[HLI_MAX_RANGES];
    uint32_t nranges;
};

/* ---- allocation ------------------------------------------------------------------------------- */

/* A zeroed GC block; on exhaustion throws (HLI_EXC, out of memory) and returns NULL. May collect:
 * every GC pointer the caller holds must be in a register, a global or a temporary root. */
HLI_INTERNAL void *hli_alloc(hli_thread *th, size_t size, hli_gc_kind kind);

/* Temporary roots for C code: push the *address* of a local holding a GC pointer, pop before it goes
 * out of scope. Pushing past HLI_MAX_ROOTS is a fatal programming error caught in debug builds. */
static inline void hli_root_push(hli_thread *th, void *slot) { th->roots[th->nroots++] = (void **)slot; }
static inline void hli_root_pop(hli_thread *th, uint32_t n) { th->nroots -= n; }
static inline void hli_root_range_push(hli_thread *th, const void *base, size_t size) {
    th->ranges[th->nranges].base = base;
    th->ranges[th->nranges].size = size;
    th->nranges++;
}
static inline void hli_root_range_pop(hli_thread *th) { th->nranges--; }
/* True when one more nested entry from C (an interpreter run, a host function) must be refused: the
 * depth bound is reached, the temporary roots are running out, or the C stack is (each nested entry
 * uses some: sanitizer builds or a host thread with a small stack reach its end before the depth bound). */
HLI_INTERNAL bool hli_c_stack_low(hli_thread *th);
static inline bool hli_c_entry_full(hli_thread *th) {
    return th->c_depth >= HLI_MAX_C_DEPTH || th->nroots > HLI_MAX_ROOTS - HLI_C_ENTRY_ROOTS ||
           th->nranges > HLI_MAX_RANGES - HLI_C_ENTRY_RANGES || hli_c_stack_low(th);
}

/* ---- exceptions ------------------------------------------------------------------------------- */

/* Throws value v (captures the stack unless rethrowing); returns HLI_EXC. */
HLI_INTERNAL hli_status hli_throw(hli_thread *th, vdynamic *v);
/* Throws a runtime error as HashLink does: a `bytes` box holding the UTF-16 message (hl-spec.md 7.1).
 * printf-style, UTF-8 text. Returns HLI_EXC. */
HLI_INTERNAL hli_status hli_throw_error(hli_thread *th, const char *fmt, ...) HLI_PRINTF(2, 3);
/* Throws the out-of-memory error. */
HLI_INTERNAL hli_status hli_throw_oom(hli_thread *th, size_t request);

/* Calls a function handle that is not bytecode: the VM's natives, the host's (HLI_FN_HOST), or one
 * nobody provides (throws "Primitive or library is missing"). args: in its declared types. */
static inline hli_status hli_native_call(hli_thread *th, hli_fn *fn, hli_reg *args, hli_reg *ret) {
    if (fn->kind == HLI_FN_NATIVE)
        return fn->native(th, args, ret);
    if (fn->kind == HLI_FN_HOST)
        return fn->host(th, fn, args, ret);
    if (fn->denied) /* its family was denied (hlffi_vm_deny_natives) */
        return hli_throw_error(th, "%s@%s is denied by the host", fn->lib, fn->name);
    return hli_throw_error(th, "Primitive or library is missing");
}

/* ---- calls from C into Haxe (natives calling back, the embedding API) ------------------------------ */

/* Calls function handle fn with args in its declared types; the result (its declared return type) in
 * *ret (may be NULL for void). Runs a nested interpreter; C nesting is bounded by HLI_MAX_C_DEPTH
 * (deeper calls throw "Stack overflow"). */
HLI_INTERNAL hli_status hli_call_fn(hli_thread *th, hli_fn *fn, const hli_reg *args, uint32_t nargs, hli_reg *ret);
/* The embedding API's entry for bytecode function fn: hli_call_begin pushes its frame and returns its
 * registers (all zeroed) for the caller to write the arguments into, in their declared types (NULL with
 * "Stack overflow" thrown at the depth limits); then hli_call_run runs it to its return (*ret: the
 * result), or hli_call_cancel pops it unrun. */
HLI_INTERNAL hli_reg *hli_call_begin(hli_thread *th, hli_fn *fn);
HLI_INTERNAL hli_status hli_call_run(hli_thread *th, hli_reg *ret);
HLI_INTERNAL void hli_call_cancel(hli_thread *th);
/* The same in one step for arguments already in their declared types: `self` (when not NULL) then n
 * 8-byte slots copied into the first registers of fn's frame (bytecode). The API calls it through
 * hli_call_host (exec/host_call.h), which does the usual case of a call from the host inline. */
HLI_INTERNAL hli_status hli_call_copy(hli_thread *th, hli_fn *fn, void *self, const void *args, uint32_t n,
                                      hli_reg *ret);
/* Calls a closure value: a bound value becomes argument 0; wrappers convert their arguments and
 * result. args are in the closure type's argument types. */
HLI_INTERNAL hli_status hli_call_closure(hli_thread *th, vclosure *c, const hli_reg *args, uint32_t nargs,
                                         hli_reg *ret);

#endif
