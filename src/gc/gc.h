/* The garbage collector: a per-VM, precise, non-moving mark-and-sweep heap (design.md principle 4).
 * Blocks come from 64 KiB pages of one size class and kind each, large blocks from their own mappings.
 * Roots and the tracing of typed blocks are supplied by the layers above through callbacks, so the
 * collector itself knows nothing of frames or types. docs/internals/gc.md describes it. */
#ifndef HLI_GC_GC_H
#define HLI_GC_GC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/mem.h"

/* Allocation kinds (hl-spec.md 9.1). */
typedef enum hli_gc_kind {
    HLI_GC_NOPTR = 0,    /* never scanned: bytes, strings, number boxes, pointer-free objects */
    HLI_GC_DYNAMIC = 1,  /* first word is a type pointer; traced precisely by the trace callback */
    HLI_GC_RAW = 2,      /* every word may hold a GC pointer (checked against the heap) */
    HLI_GC_FINALIZER = 3,/* not scanned; first word is a finalizer called when the block dies */
    HLI_GC_KIND_COUNT
} hli_gc_kind;

typedef struct hli_gc hli_gc;

/* Callbacks: `roots` marks every root with hli_gc_mark; `trace` marks the children of a DYNAMIC
 * block (it receives the block and its usable size). */
typedef void (*hli_gc_roots_fn)(hli_gc *gc, void *ctx);
typedef void (*hli_gc_trace_fn)(hli_gc *gc, void *block, size_t size, void *ctx);
typedef void (*hli_gc_finalizer)(void *block);

typedef struct hli_gc_stats {
    uint64_t collections;
    uint64_t allocations;      /* blocks allocated since creation */
    uint64_t allocated_bytes;  /* bytes requested since creation (bytes_allocated_total) */
    size_t live_bytes;         /* bytes in live (not yet swept) blocks, counted at their block size */
    size_t heap_bytes;         /* bytes of pages in use and large blocks held */
    size_t pool_bytes;         /* empty pages kept resident for reuse */
    size_t peak_bytes;         /* the most heap_bytes + pool_bytes has been */
    uint64_t returned_bytes;   /* bytes given back to the system since creation */
    uint64_t pause_total_ns;   /* collection pauses: total, longest, last, and the median of the last */
    uint64_t pause_max_ns;     /* 1024 collections */
    uint64_t pause_last_ns;
    uint64_t pause_median_ns;
    uint64_t mark_total_ns;    /* the marking part of pause_total_ns */
    uint64_t elapsed_ns;       /* since the collector was created (for allocation throughput) */
    double last_pause_ms;      /* the same pauses in milliseconds */
    double max_pause_ms;
    double total_pause_ms;
} hli_gc_stats;

/* An allocation context: the state one thread allocates from (the page it takes blocks from, per size
 * class and kind), so that the fast path takes no lock. The collector has one for the VM's main
 * thread (hli_gc_main_context); the threads issue gives every other Haxe thread its own. */
typedef struct hli_gc_tctx hli_gc_tctx;

/* A collector whose memory is accounted in mem. Reads its debugging switches from the environment:
 * HLFFI_GC_VERIFY=1 (the heap verifier at every collection), HLFFI_GC_STATS=1 (a summary line on
 * stderr when destroyed; 2: also a line per collection). */
HLI_INTERNAL hli_gc *hli_gc_create(hli_mem *mem, hli_gc_roots_fn roots, hli_gc_trace_fn trace, void *ctx);
/* Frees every block and page (finalizers of live FINALIZER blocks run first). */
HLI_INTERNAL void hli_gc_destroy(hli_gc *gc);
/* A zeroed block of size bytes (size 0 gives NULL), or NULL when memory or the limit is exhausted even
 * after a collection. May collect first: every GC pointer the caller holds must be reachable from a root. */
HLI_INTERNAL void *hli_gc_alloc(hli_gc *gc, size_t size, hli_gc_kind kind);
/* The same from allocation context ctx (hli_gc_alloc is this with the main thread's context). */
HLI_INTERNAL void *hli_gc_alloc_in(hli_gc_tctx *ctx, size_t size, hli_gc_kind kind);
HLI_INTERNAL hli_gc_tctx *hli_gc_main_context(hli_gc *gc);
/* A context for another thread, NULL when out of memory; freed with hli_gc_context_free (its counts
 * stay in the statistics). */
HLI_INTERNAL hli_gc_tctx *hli_gc_context_new(hli_gc *gc);
HLI_INTERNAL void hli_gc_context_free(hli_gc_tctx *ctx);
/* The safepoint: the interpreter's poll point calls it for the running thread's context (NULL: the
 * main thread's). With one thread per VM it has nothing to wait for and returns at once; the threads
 * issue makes it block while another thread's collection stops the world (gc.md "Threads"). */
HLI_INTERNAL void hli_gc_safepoint(hli_gc *gc, hli_gc_tctx *ctx);
/* Marks the block containing p (interior pointers count; pointers outside the heap are ignored). Only
 * valid inside the roots and trace callbacks. */
HLI_INTERNAL void hli_gc_mark(hli_gc *gc, const void *p);
/* Marks every word of [p, p + size) that points into the heap (conservative range, for RAW data). */
HLI_INTERNAL void hli_gc_mark_range(hli_gc *gc, const void *p, size_t size);
HLI_INTERNAL void hli_gc_collect(hli_gc *gc);
/* The start and usable size of the live block containing p, or NULL when p is not in a live block. */
HLI_INTERNAL void *hli_gc_block_of(hli_gc *gc, const void *p, size_t *size);
HLI_INTERNAL void hli_gc_enable(hli_gc *gc, bool enable);
/* Stress mode: collect before every `every`-th allocation (0 = off); with `randomize`, at random with
 * probability 1/every instead. */
HLI_INTERNAL void hli_gc_set_stress(hli_gc *gc, uint32_t every, bool randomize);
HLI_INTERNAL void hli_gc_get_stats(const hli_gc *gc, hli_gc_stats *out);
/* Checks the whole heap now (as HLFFI_GC_VERIFY=1 does at every collection): prints a report on
 * stderr and aborts on the first inconsistency. Not inside the callbacks. */
HLI_INTERNAL void hli_gc_verify(hli_gc *gc);

#endif
