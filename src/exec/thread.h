/* Per-thread execution state, separate from the VM: call frames on a VM stack that never moves,
 * exception traps, the pending exception and its captured stack, and the temporary root stack that
 * C code in natives uses to keep GC pointers alive across allocations. This is also the interface
 * the runtime (src/rt) and the natives (src/std) use to allocate, throw and call back into Haxe. */
#ifndef HLI_EXEC_THREAD_H
#define HLI_EXEC_THREAD_H

#include "exec/vm.h"

#define HLI_MAX_EXC_STACK 256 /* frames captured per exception, as HashLink */
#define HLI_MAX_ROOTS 1024    /* temporary roots a thread may hold at once */
#define HLI_MAX_C_DEPTH 200   /* nested entries from C into the interpreter (natives calling back) */

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
    volatile uint32_t poll;        /* nonzero: the interpreter's poll point has work (interrupt, budget) */
    /* nested C entries: interpreter runs below this frame index return to C */
    uint32_t c_depth;
    uint32_t entry_frame;
    /* temporary roots: addresses of C variables holding GC pointers, and ranges of slots (argument
     * arrays being built) scanned word by word */
    void **roots[HLI_MAX_ROOTS];
    uint32_t nroots;
    struct { const void *base; size_t size; } ranges[HLI_MAX_ROOTS / 16];
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

/* ---- exceptions ------------------------------------------------------------------------------- */

/* Throws value v (captures the stack unless rethrowing); returns HLI_EXC. */
HLI_INTERNAL hli_status hli_throw(hli_thread *th, vdynamic *v);
/* Throws a runtime error as HashLink does: a `bytes` box holding the UTF-16 message (hl-spec.md 7.1).
 * printf-style, UTF-8 text. Returns HLI_EXC. */
HLI_INTERNAL hli_status hli_throw_error(hli_thread *th, const char *fmt, ...) HLI_PRINTF(2, 3);
/* Throws the out-of-memory error. */
HLI_INTERNAL hli_status hli_throw_oom(hli_thread *th, size_t request);

/* ---- calls from C into Haxe (natives calling back, the embedding API) ------------------------------ */

/* Calls function handle fn with args in its declared types; the result (its declared return type) in
 * *ret (may be NULL for void). Runs a nested interpreter; C nesting is bounded by HLI_MAX_C_DEPTH
 * (deeper calls throw "Stack overflow"). */
HLI_INTERNAL hli_status hli_call_fn(hli_thread *th, hli_fn *fn, const hli_reg *args, uint32_t nargs, hli_reg *ret);
/* Calls a closure value: a bound value becomes argument 0; wrappers convert their arguments and
 * result. args are in the closure type's argument types. */
HLI_INTERNAL hli_status hli_call_closure(hli_thread *th, vclosure *c, const hli_reg *args, uint32_t nargs,
                                         hli_reg *ret);

#endif
