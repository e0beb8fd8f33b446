/* The garbage collector: a per-VM, precise, non-moving mark-and-sweep heap (design.md principle 4).
 * Blocks come from 64 KiB pages of one size class and kind each, large blocks from their own mappings.
 * Roots and the tracing of typed blocks are supplied by the layers above through callbacks, so the
 * collector itself knows nothing of frames or types. */
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
    uint64_t allocated_bytes;  /* bytes allocated since creation */
    size_t live_bytes;         /* bytes in live (not yet swept) blocks */
    size_t heap_bytes;         /* bytes of pages and large blocks held */
    double last_pause_ms;
    double max_pause_ms;
    double total_pause_ms;
} hli_gc_stats;

HLI_INTERNAL hli_gc *hli_gc_create(hli_mem *mem, hli_gc_roots_fn roots, hli_gc_trace_fn trace, void *ctx);
/* Frees every block and page (finalizers of live FINALIZER blocks run first). */
HLI_INTERNAL void hli_gc_destroy(hli_gc *gc);
/* A zeroed block of size bytes (size 0 gives NULL), or NULL when memory or the limit is exhausted even
 * after a collection. May collect first: every GC pointer the caller holds must be reachable from a root. */
HLI_INTERNAL void *hli_gc_alloc(hli_gc *gc, size_t size, hli_gc_kind kind);
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

#endif
