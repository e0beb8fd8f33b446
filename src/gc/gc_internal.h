/* The collector's data structures, shared by its files: gc.c (allocation, marking, sweeping),
 * gc_os.c (pages from the system: chunks, the free-page pool, large mappings, the page map),
 * gc_verify.c (the heap verifier) and gc_stats.c (statistics and pause times). */
#ifndef HLI_GC_GC_INTERNAL_H
#define HLI_GC_GC_INTERNAL_H

#include "gc/gc.h"
#include "gc/gc_debug.h"

#define PAGE_SHIFT 16
#define PAGE_SIZE ((size_t)1 << PAGE_SHIFT)
#define CHUNK_PAGES 16 /* pages are mapped 16 at a time (1 MiB), returned to the system one by one */
#define CHUNK_BYTES (PAGE_SIZE * CHUNK_PAGES)
#define SMALL_MAX ((size_t)32768) /* larger blocks get their own mapping */
#define MIN_BLOCK 16
#define BITMAP_WORDS (PAGE_SIZE / MIN_BLOCK / 64)
#define NCLASSES 45
#define HLI_GC_PAUSE_RING 1024 /* the last pauses, for the median */

#if defined(__GNUC__)
#define GC_LIKELY(x) __builtin_expect(!!(x), 1)
#define GC_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define GC_LIKELY(x) (x)
#define GC_UNLIKELY(x) (x)
#endif

/* A page's state. FREE pages hold no memory (never touched, or given back with madvise) and are not
 * charged to the VM's hli_mem; POOL pages are empty but resident (kept for reuse, charged). */
typedef enum gc_page_state { PG_FREE, PG_POOL, PG_SMALL, PG_LARGE } gc_page_state;

struct gc_chunk;

/* A 64 KiB page of one size class and kind, or a large block (its own mapping, one block). */
typedef struct gc_page {
    uint8_t *base;
    struct gc_chunk *chunk;     /* the chunk holding a small page; NULL for a large block */
    struct hli_gc_tctx *owner;  /* the allocation context allocating from this page, if any */
    struct gc_page *next_pool;  /* POOL pages: the pool's link */
    size_t size;                /* large: the requested size; small: the block size */
    size_t span;                /* bytes mapped: PAGE_SIZE, or the large block's mapping */
    uint32_t block_size;        /* 0 for a large block */
    uint32_t nblocks;
    uint32_t nlive;             /* allocated blocks */
    uint32_t cursor;            /* the next allocation searches from this block */
    uint32_t fresh;             /* blocks from here on were never handed out since the page was zero */
    uint32_t recip;             /* ceil(2^32 / block_size): offset -> block index without a division */
    uint8_t kind, cls, state;
    uint64_t alloc_bits[BITMAP_WORDS];
    uint64_t mark_bits[BITMAP_WORDS];
} gc_page;

/* CHUNK_PAGES consecutive pages of one mapping. */
typedef struct gc_chunk {
    uint8_t *base;
    uint32_t free_mask;         /* bit i: pages[i] is FREE */
    struct gc_chunk *prev, *next;             /* every chunk */
    struct gc_chunk *avail_prev, *avail_next; /* chunks with a FREE page */
    bool in_avail;
    gc_page pages[CHUNK_PAGES];
} gc_chunk;

/* Pages of one (size class, kind), or the large blocks: a vector; allocation contexts look for pages
 * with free blocks from `current` on (reset by each sweep). */
typedef struct page_list {
    gc_page **pages;
    uint32_t count, cap, current;
} page_list;

/* An allocation context: what one thread allocates from, without a lock (gc.h). */
struct hli_gc_tctx {
    hli_gc *gc;
    gc_page *cur[NCLASSES][HLI_GC_KIND_COUNT];
    uint64_t allocations;       /* blocks and bytes this context allocated (folded into the stats) */
    uint64_t allocated_bytes;
    uint64_t safepoints;
    struct hli_gc_tctx *next;   /* the collector's other contexts */
};

typedef struct mark_item {
    void *block;
    gc_page *page;
} mark_item;

struct hli_gc {
    hli_mem *mem;
    hli_gc_roots_fn roots;
    hli_gc_trace_fn trace;
    void *ctx;
    page_list lists[NCLASSES][HLI_GC_KIND_COUNT];
    page_list large;
    /* Page map: 64 KiB page number -> page, open addressing, linear probing, backward-shift deletion.
     * Holds every page of every chunk (whatever its state) and every 64 KiB of each large mapping. */
    uintptr_t *map_keys; /* page number + 1; 0 = empty */
    gc_page **map_vals;
    size_t map_cap, map_count;
    /* pages from the system */
    gc_chunk *chunks;
    gc_chunk *avail;
    gc_page *pool;
    size_t pool_count;
    size_t nchunks;
    size_t charged;             /* bytes of pages and large mappings charged to mem */
    size_t heap_bytes;          /* small pages in use (PAGE_SIZE each) and large mappings */
    size_t peak_bytes;          /* the most heap_bytes + pool reached */
    uint64_t returned_bytes;    /* bytes given back to the system (madvise, munmap) since creation */
    /* marking */
    mark_item *stack;
    size_t stack_len, stack_cap;
    bool stack_overflowed;      /* a push failed for lack of memory: rescan marked blocks */
    bool enabled;
    bool collecting;
    bool on_valgrind;
    bool verify;                /* HLFFI_GC_VERIFY: check the heap at every collection */
    bool verifying;             /* the verifier's own re-mark is running */
    uint8_t print_stats;        /* HLFFI_GC_STATS: 1, a summary on stderr when destroyed; 2, also a
                                   line per collection */
    const void *vfrom;          /* verify: the block being scanned (NULL: the roots) */
    gc_page *vfrom_page;
    uint32_t stress_every;
    bool stress_random;
    uint32_t stress_count;
    uint64_t rng;
    /* policy */
    size_t since_last;          /* bytes of capacity handed to contexts since the last collection */
    size_t trigger;             /* collect when since_last passes this */
    size_t live_after;          /* bytes in live blocks after the last sweep */
    /* statistics (gc_stats.c) */
    uint64_t collections;
    uint64_t pause_total_ns, pause_max_ns, pause_last_ns, mark_total_ns;
    uint64_t pauses[HLI_GC_PAUSE_RING];
    uint64_t created_ns;
    uint64_t folded_allocations, folded_bytes; /* from freed contexts */
    hli_gc_tctx main_ctx;       /* the VM's main thread */
    hli_gc_tctx *contexts;      /* contexts of other threads (hli_gc_context_new) */
    uint8_t class_of[SMALL_MAX / 8 + 1]; /* (size + 7) / 8 -> size class */
};

HLI_INTERNAL extern const uint32_t hli_gc_class_sizes[NCLASSES];

static inline size_t gc_map_slot(uintptr_t key, size_t cap) {
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1);
}

/* The page holding address p (any state), or NULL when p is not in the collector's memory. */
static inline gc_page *gc_page_of(const hli_gc *gc, const void *p) {
    if (gc->map_cap == 0)
        return NULL;
    uintptr_t key = ((uintptr_t)p >> PAGE_SHIFT) + 1;
    for (size_t i = gc_map_slot(key, gc->map_cap);; i = (i + 1) & (gc->map_cap - 1)) {
        if (gc->map_keys[i] == key)
            return gc->map_vals[i];
        if (gc->map_keys[i] == 0)
            return NULL;
    }
}

/* The index of the block of small page p holding offset off (may be nblocks in the page's tail). */
static inline uint32_t gc_block_index(const gc_page *p, size_t off) {
    return (uint32_t)(((uint64_t)off * p->recip) >> 32);
}

/* Bits set in x, without the library call __builtin_popcountll becomes on baseline x86-64. */
static inline uint32_t gc_popcount(uint64_t x) {
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (uint32_t)((x * 0x0101010101010101ull) >> 56);
}

static inline bool gc_bit(const uint64_t *bits, uint32_t i) { return (bits[i / 64] >> (i % 64)) & 1; }

static inline size_t gc_block_bytes(const gc_page *p) { return p->block_size ? p->block_size : p->size; }

/* ---- gc_os.c ---------------------------------------------------------------------------------- */

HLI_INTERNAL bool gc_map_put(hli_gc *gc, uintptr_t pageno, gc_page *page);
HLI_INTERNAL void gc_map_remove(hli_gc *gc, uintptr_t pageno);
/* An empty page, charged, for a small size class (the caller sets it up with gc_page_setup); *zeroed
 * says its memory is all zeros. NULL when the system or the VM's limit refuses. */
HLI_INTERNAL gc_page *gc_os_page(hli_gc *gc, bool *zeroed);
/* Puts an empty small page into the pool (resident, charged). */
HLI_INTERNAL void gc_os_page_release(hli_gc *gc, gc_page *p);
/* Gives pool pages back to the system until at most keep_bytes remain pooled; unmaps chunks that
 * became wholly free. */
HLI_INTERNAL void gc_os_trim(hli_gc *gc, size_t keep_bytes);
/* A large block of `size` bytes in its own zeroed mapping, charged and registered. */
HLI_INTERNAL gc_page *gc_os_large(hli_gc *gc, size_t size, hli_gc_kind kind);
HLI_INTERNAL void gc_os_large_free(hli_gc *gc, gc_page *p);
/* Unmaps every chunk and frees the map (the caller freed the large blocks). */
HLI_INTERNAL void gc_os_destroy(hli_gc *gc);

/* ---- gc_verify.c ------------------------------------------------------------------------------ */

/* The structural checks (pages, bitmaps, lists, pool, page map, accounting); `marked`: right after a
 * mark, so mark bits must be a subset of the allocation bits, else they must all be clear. */
HLI_INTERNAL void gc_verify_heap(hli_gc *gc, bool marked);
/* After a sweep: marks again from the roots; every traced pointer must reach a live block. */
HLI_INTERNAL void gc_verify_reachable(hli_gc *gc);
/* hli_gc_mark met a pointer into the collector's memory that is not in a live block. */
HLI_INTERNAL void gc_verify_bad_pointer(hli_gc *gc, const void *ptr, const gc_page *p);
HLI_INTERNAL void gc_drain(hli_gc *gc);

/* ---- gc_stats.c ------------------------------------------------------------------------------- */

HLI_INTERNAL uint64_t gc_now_ns(void);
HLI_INTERNAL void gc_record_pause(hli_gc *gc, uint64_t pause_ns, uint64_t mark_ns);
HLI_INTERNAL void gc_print_summary(const hli_gc *gc);
HLI_INTERNAL void gc_print_collection(const hli_gc *gc, size_t free_bytes);

#endif
