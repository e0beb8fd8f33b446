/* The collector (see gc.h). Small blocks live in 64 KiB pages of one size class and kind, found from
 * any address through a hash map of page numbers (so interior pointers resolve in O(1)); large blocks
 * get their own 64 KiB-aligned mapping, registered in the same map for every page it spans. Marking
 * uses an explicit stack; sweeping rebuilds each page's allocation bitmap from its mark bitmap and
 * returns empty pages to the system. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "gc/gc.h"

#include <string.h>
#include <time.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HLI_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define HLI_ASAN 1
#endif
#ifdef HLI_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define PAGE_SHIFT 16
#define PAGE_SIZE ((size_t)1 << PAGE_SHIFT)
#define LARGE_MIN ((size_t)32768 + 1) /* blocks above the largest size class */
#define MIN_TRIGGER ((size_t)4 << 20)  /* collect no earlier than after this many bytes */

static const uint32_t class_sizes[] = {
    16,    32,    48,    64,    80,    96,    112,   128,   160,   192,   224,   256,   320,   384,
    448,   512,   640,   768,   896,   1024,  1280,  1536,  1792,  2048,  2560,  3072,  3584,  4096,
    5120,  6144,  7168,  8192,  10240, 12288, 14336, 16384, 20480, 24576, 28672, 32768,
};
#define NCLASSES (sizeof class_sizes / sizeof class_sizes[0])

typedef struct gc_page {
    uint8_t *base;
    size_t span;          /* bytes of the mapping (PAGE_SIZE for small pages) */
    uint32_t block_size;  /* large pages: 0 (one block of `size` bytes) */
    uint32_t nblocks;
    uint32_t nlive;       /* allocated blocks */
    uint32_t cursor;      /* allocation search starts at this block */
    size_t size;          /* large pages: the block's requested size */
    hli_gc_kind kind;
    uint64_t *alloc_bits;
    uint64_t *mark_bits;
} gc_page;

/* Pages of one (size class, kind): a vector, searched from `current` for free blocks. */
typedef struct page_list {
    gc_page **pages;
    uint32_t count, cap, current;
} page_list;

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
    /* Page map: open addressing over page numbers, linear probing, backward-shift deletion. */
    uintptr_t *map_keys; /* page number + 1; 0 = empty */
    gc_page **map_vals;
    size_t map_cap, map_count;
    mark_item *stack;
    size_t stack_len, stack_cap;
    bool stack_overflowed; /* a push failed for lack of memory: rescan marked blocks */
    bool enabled;
    bool collecting;
    uint32_t stress_every;
    bool stress_random;
    uint32_t stress_count;
    uint64_t rng;
    size_t since_last;      /* bytes allocated since the last collection */
    size_t trigger;         /* collect when since_last passes this */
    uint8_t class_of[(32768 / 16) + 1]; /* (size + 15) / 16 -> size class */
    hli_gc_stats stats;
};

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- page map ----------------------------------------------------------------------------------- */

static size_t map_slot(uintptr_t key, size_t cap) {
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1);
}

static gc_page *map_get(const hli_gc *gc, uintptr_t pageno) {
    if (gc->map_cap == 0)
        return NULL;
    uintptr_t key = pageno + 1;
    for (size_t i = map_slot(key, gc->map_cap);; i = (i + 1) & (gc->map_cap - 1)) {
        if (gc->map_keys[i] == key)
            return gc->map_vals[i];
        if (gc->map_keys[i] == 0)
            return NULL;
    }
}

static bool map_put(hli_gc *gc, uintptr_t pageno, gc_page *page);

static bool map_grow(hli_gc *gc) {
    size_t ncap = gc->map_cap ? gc->map_cap * 2 : 256;
    uintptr_t *keys = hli_mem_array(gc->mem, ncap, sizeof *keys);
    gc_page **vals = hli_mem_array(gc->mem, ncap, sizeof *vals);
    if (keys == NULL || vals == NULL) {
        hli_mem_free(gc->mem, keys, ncap * sizeof *keys);
        hli_mem_free(gc->mem, vals, ncap * sizeof *vals);
        return false;
    }
    uintptr_t *okeys = gc->map_keys;
    gc_page **ovals = gc->map_vals;
    size_t ocap = gc->map_cap;
    gc->map_keys = keys;
    gc->map_vals = vals;
    gc->map_cap = ncap;
    gc->map_count = 0;
    for (size_t i = 0; i < ocap; i++)
        if (okeys[i] != 0)
            map_put(gc, okeys[i] - 1, ovals[i]);
    hli_mem_free(gc->mem, okeys, ocap * sizeof *okeys);
    hli_mem_free(gc->mem, ovals, ocap * sizeof *ovals);
    return true;
}

static bool map_put(hli_gc *gc, uintptr_t pageno, gc_page *page) {
    if ((gc->map_count + 1) * 2 > gc->map_cap && !map_grow(gc))
        return false;
    uintptr_t key = pageno + 1;
    size_t i = map_slot(key, gc->map_cap);
    while (gc->map_keys[i] != 0 && gc->map_keys[i] != key)
        i = (i + 1) & (gc->map_cap - 1);
    if (gc->map_keys[i] == 0)
        gc->map_count++;
    gc->map_keys[i] = key;
    gc->map_vals[i] = page;
    return true;
}

static void map_remove(hli_gc *gc, uintptr_t pageno) {
    if (gc->map_cap == 0)
        return; /* the map was never allocated (its first growth failed) */
    uintptr_t key = pageno + 1;
    size_t mask = gc->map_cap - 1, i = map_slot(key, gc->map_cap);
    while (gc->map_keys[i] != key) {
        if (gc->map_keys[i] == 0)
            return;
        i = (i + 1) & mask;
    }
    /* Backward-shift deletion keeps probe sequences intact without tombstones. */
    for (size_t j = (i + 1) & mask; gc->map_keys[j] != 0; j = (j + 1) & mask) {
        size_t home = map_slot(gc->map_keys[j], gc->map_cap);
        if (((j - home) & mask) >= ((j - i) & mask)) {
            gc->map_keys[i] = gc->map_keys[j];
            gc->map_vals[i] = gc->map_vals[j];
            i = j;
        }
    }
    gc->map_keys[i] = 0;
    gc->map_count--;
}

/* ---- pages -------------------------------------------------------------------------------------- */

static size_t bitmap_bytes(uint32_t nblocks) { return ((size_t)nblocks + 63) / 64 * 8; }

static void page_free(hli_gc *gc, gc_page *p) {
    for (size_t off = 0; off < p->span; off += PAGE_SIZE)
        map_remove(gc, ((uintptr_t)p->base + off) >> PAGE_SHIFT);
    UNPOISON(p->base, p->span);
    hli_mem_free(gc->mem, p->base, p->span);
    hli_mem_free(gc->mem, p->alloc_bits, bitmap_bytes(p->nblocks));
    hli_mem_free(gc->mem, p->mark_bits, bitmap_bytes(p->nblocks));
    gc->stats.heap_bytes -= p->span;
    hli_mem_free(gc->mem, p, sizeof *p);
}

static gc_page *page_new(hli_gc *gc, size_t span, uint32_t block_size, uint32_t nblocks, hli_gc_kind kind) {
    gc_page *p = hli_mem_alloc(gc->mem, sizeof *p);
    if (p == NULL)
        return NULL;
    p->span = span;
    p->block_size = block_size;
    p->nblocks = nblocks;
    p->kind = kind;
    p->base = hli_mem_alloc_aligned(gc->mem, span, PAGE_SIZE);
    p->alloc_bits = hli_mem_alloc(gc->mem, bitmap_bytes(nblocks));
    p->mark_bits = hli_mem_alloc(gc->mem, bitmap_bytes(nblocks));
    bool mapped = p->base != NULL && p->alloc_bits != NULL && p->mark_bits != NULL;
    size_t off = 0;
    for (; mapped && off < span; off += PAGE_SIZE)
        mapped = map_put(gc, ((uintptr_t)p->base + off) >> PAGE_SHIFT, p);
    if (!mapped) {
        for (size_t o = 0; o + PAGE_SIZE <= off; o += PAGE_SIZE)
            map_remove(gc, ((uintptr_t)p->base + o) >> PAGE_SHIFT);
        hli_mem_free(gc->mem, p->base, span);
        hli_mem_free(gc->mem, p->alloc_bits, bitmap_bytes(nblocks));
        hli_mem_free(gc->mem, p->mark_bits, bitmap_bytes(nblocks));
        hli_mem_free(gc->mem, p, sizeof *p);
        return NULL;
    }
    POISON(p->base, span);
    gc->stats.heap_bytes += span;
    return p;
}

static bool list_add(hli_gc *gc, page_list *l, gc_page *p) {
    if (l->count == l->cap) {
        uint32_t ncap = l->cap ? l->cap * 2 : 8;
        gc_page **np = hli_mem_array(gc->mem, ncap, sizeof *np);
        if (np == NULL)
            return false;
        if (l->count > 0)
            memcpy(np, l->pages, l->count * sizeof *np);
        hli_mem_free(gc->mem, l->pages, l->cap * sizeof *np);
        l->pages = np;
        l->cap = ncap;
    }
    l->pages[l->count++] = p;
    return true;
}

static void list_free(hli_gc *gc, page_list *l) {
    for (uint32_t i = 0; i < l->count; i++)
        page_free(gc, l->pages[i]);
    hli_mem_free(gc->mem, l->pages, l->cap * sizeof *l->pages);
    memset(l, 0, sizeof *l);
}

/* Finds a free block in page p from its cursor; marks it allocated. */
static void *page_take(gc_page *p) {
    uint32_t nwords = (p->nblocks + 63) / 64;
    for (uint32_t w = p->cursor / 64; w < nwords; w++) {
        uint64_t free_bits = ~p->alloc_bits[w];
        if (w == nwords - 1 && p->nblocks % 64 != 0)
            free_bits &= ((uint64_t)1 << (p->nblocks % 64)) - 1;
        if (free_bits == 0)
            continue;
        uint32_t bit = (uint32_t)__builtin_ctzll(free_bits);
        uint32_t idx = w * 64 + bit;
        p->alloc_bits[w] |= (uint64_t)1 << bit;
        p->nlive++;
        p->cursor = idx + 1;
        return p->base + (size_t)idx * p->block_size;
    }
    p->cursor = p->nblocks;
    return NULL;
}

/* ---- allocation --------------------------------------------------------------------------------- */

hli_gc *hli_gc_create(hli_mem *mem, hli_gc_roots_fn roots, hli_gc_trace_fn trace, void *ctx) {
    hli_gc *gc = hli_mem_alloc(mem, sizeof *gc);
    if (gc == NULL)
        return NULL;
    gc->mem = mem;
    gc->roots = roots;
    gc->trace = trace;
    gc->ctx = ctx;
    gc->enabled = true;
    gc->trigger = MIN_TRIGGER;
    gc->rng = 0x2545F4914F6CDD1Dull;
    uint32_t c = 0;
    for (uint32_t u = 0; u <= 32768 / 16; u++) {
        while (class_sizes[c] < u * 16)
            c++;
        gc->class_of[u] = (uint8_t)c;
    }
    return gc;
}

static void run_finalizers(gc_page *p, bool only_unmarked) {
    if (p->kind != HLI_GC_FINALIZER)
        return;
    for (uint32_t i = 0; i < p->nblocks; i++) {
        uint64_t bit = (uint64_t)1 << (i % 64);
        if (!(p->alloc_bits[i / 64] & bit) || (only_unmarked && (p->mark_bits[i / 64] & bit)))
            continue;
        void *block = p->base + (size_t)i * p->block_size;
        hli_gc_finalizer fin;
        memcpy(&fin, block, sizeof fin);
        if (fin != NULL)
            fin(block);
    }
}

void hli_gc_destroy(hli_gc *gc) {
    if (gc == NULL)
        return;
    for (size_t c = 0; c < NCLASSES; c++) {
        for (uint32_t i = 0; i < gc->lists[c][HLI_GC_FINALIZER].count; i++)
            run_finalizers(gc->lists[c][HLI_GC_FINALIZER].pages[i], false);
        for (int k = 0; k < HLI_GC_KIND_COUNT; k++)
            list_free(gc, &gc->lists[c][k]);
    }
    for (uint32_t i = 0; i < gc->large.count; i++)
        run_finalizers(gc->large.pages[i], false);
    list_free(gc, &gc->large);
    hli_mem_free(gc->mem, gc->map_keys, gc->map_cap * sizeof *gc->map_keys);
    hli_mem_free(gc->mem, gc->map_vals, gc->map_cap * sizeof *gc->map_vals);
    hli_mem_free(gc->mem, gc->stack, gc->stack_cap * sizeof *gc->stack);
    hli_mem_free(gc->mem, gc, sizeof *gc);
}

static bool stress_due(hli_gc *gc) {
    if (gc->stress_every == 0)
        return false;
    if (gc->stress_random) {
        gc->rng ^= gc->rng << 13, gc->rng ^= gc->rng >> 7, gc->rng ^= gc->rng << 17;
        return gc->rng % gc->stress_every == 0;
    }
    if (++gc->stress_count >= gc->stress_every) {
        gc->stress_count = 0;
        return true;
    }
    return false;
}

static void *alloc_small(hli_gc *gc, size_t size, hli_gc_kind kind) {
    uint32_t cls = gc->class_of[(size + 15) / 16];
    page_list *l = &gc->lists[cls][kind];
    for (; l->current < l->count; l->current++) {
        gc_page *p = l->pages[l->current];
        if (p->nlive < p->nblocks) {
            void *b = page_take(p);
            if (b != NULL)
                return b;
        }
    }
    uint32_t bs = class_sizes[cls];
    gc_page *p = page_new(gc, PAGE_SIZE, bs, (uint32_t)(PAGE_SIZE / bs), kind);
    if (p == NULL)
        return NULL;
    if (!list_add(gc, l, p)) {
        page_free(gc, p);
        return NULL;
    }
    l->current = l->count - 1;
    return page_take(p);
}

static void *alloc_large(hli_gc *gc, size_t size, hli_gc_kind kind) {
    size_t span = (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    gc_page *p = page_new(gc, span, 0, 1, kind);
    if (p == NULL)
        return NULL;
    if (!list_add(gc, &gc->large, p)) {
        page_free(gc, p);
        return NULL;
    }
    p->size = size;
    p->alloc_bits[0] = 1;
    p->nlive = 1;
    return p->base;
}

static void *try_alloc(hli_gc *gc, size_t size, hli_gc_kind kind) {
    return size < LARGE_MIN ? alloc_small(gc, size, kind) : alloc_large(gc, size, kind);
}

void *hli_gc_alloc(hli_gc *gc, size_t size, hli_gc_kind kind) {
    if (size == 0 || size > ((size_t)1 << 40))
        return NULL;
    if (gc->enabled && !gc->collecting && (gc->since_last >= gc->trigger || stress_due(gc)))
        hli_gc_collect(gc);
    void *b = try_alloc(gc, size, kind);
    if (b == NULL && gc->enabled && !gc->collecting) {
        hli_gc_collect(gc); /* out of memory or at the limit: free what is dead and retry once */
        b = try_alloc(gc, size, kind);
    }
    if (b == NULL)
        return NULL;
    /* The whole block, not just `size`: RAW blocks are scanned over their full size class, so the
     * tail must hold zeros rather than a dead block's pointers. */
    size_t usable = size < LARGE_MIN ? class_sizes[gc->class_of[(size + 15) / 16]] : size;
    UNPOISON(b, usable);
    memset(b, 0, usable);
    gc->since_last += size;
    gc->stats.allocations++;
    gc->stats.allocated_bytes += size;
    gc->stats.live_bytes += size;
    return b;
}

/* ---- marking ------------------------------------------------------------------------------------ */

static void push(hli_gc *gc, void *block, gc_page *p) {
    if (gc->stack_len == gc->stack_cap) {
        size_t ncap = gc->stack_cap ? gc->stack_cap * 2 : 1024;
        mark_item *ns = hli_mem_array(gc->mem, ncap, sizeof *ns);
        if (ns == NULL) {
            gc->stack_overflowed = true; /* recovered by rescanning marked blocks (see drain) */
            return;
        }
        if (gc->stack_len > 0)
            memcpy(ns, gc->stack, gc->stack_len * sizeof *ns);
        hli_mem_free(gc->mem, gc->stack, gc->stack_cap * sizeof *ns);
        gc->stack = ns;
        gc->stack_cap = ncap;
    }
    gc->stack[gc->stack_len].block = block;
    gc->stack[gc->stack_len].page = p;
    gc->stack_len++;
}

void *hli_gc_block_of(hli_gc *gc, const void *ptr, size_t *size) {
    gc_page *p = map_get(gc, (uintptr_t)ptr >> PAGE_SHIFT);
    if (p == NULL)
        return NULL;
    size_t off = (size_t)((const uint8_t *)ptr - p->base);
    if (p->block_size == 0) {
        if (off >= p->size)
            return NULL;
        if (size)
            *size = p->size;
        return p->base;
    }
    uint32_t idx = (uint32_t)(off / p->block_size);
    if (idx >= p->nblocks || !(p->alloc_bits[idx / 64] & ((uint64_t)1 << (idx % 64))))
        return NULL;
    if (size)
        *size = p->block_size;
    return p->base + (size_t)idx * p->block_size;
}

void hli_gc_mark(hli_gc *gc, const void *ptr) {
    if (ptr == NULL)
        return;
    gc_page *p = map_get(gc, (uintptr_t)ptr >> PAGE_SHIFT);
    if (p == NULL)
        return;
    size_t off = (size_t)((const uint8_t *)ptr - p->base);
    uint32_t idx = p->block_size == 0 ? 0 : (uint32_t)(off / p->block_size);
    if (p->block_size == 0 ? off >= p->size : idx >= p->nblocks)
        return;
    uint64_t bit = (uint64_t)1 << (idx % 64);
    if (!(p->alloc_bits[idx / 64] & bit) || (p->mark_bits[idx / 64] & bit))
        return;
    p->mark_bits[idx / 64] |= bit;
    if (p->kind == HLI_GC_DYNAMIC || p->kind == HLI_GC_RAW)
        push(gc, p->base + (size_t)idx * p->block_size, p);
}

void hli_gc_mark_range(hli_gc *gc, const void *ptr, size_t size) {
    const uint8_t *b = ptr;
    for (size_t off = 0; off + sizeof(void *) <= size; off += sizeof(void *)) {
        void *w;
        memcpy(&w, b + off, sizeof w);
        hli_gc_mark(gc, w);
    }
}

static void scan(hli_gc *gc, void *block, gc_page *p) {
    size_t size = p->block_size ? p->block_size : p->size;
    if (p->kind == HLI_GC_RAW)
        hli_gc_mark_range(gc, block, size);
    else
        gc->trace(gc, block, size, gc->ctx);
}

static void drain(hli_gc *gc) {
    for (;;) {
        while (gc->stack_len > 0) {
            mark_item it = gc->stack[--gc->stack_len];
            scan(gc, it.block, it.page);
        }
        if (!gc->stack_overflowed)
            return;
        /* A push was lost: rescan every marked block of a scanned kind until nothing new is marked. */
        gc->stack_overflowed = false;
        for (size_t c = 0; c <= NCLASSES; c++)
            for (int k = HLI_GC_DYNAMIC; k <= HLI_GC_RAW; k++) {
                page_list *l = c < NCLASSES ? &gc->lists[c][k] : &gc->large;
                for (uint32_t i = 0; i < l->count; i++) {
                    gc_page *p = l->pages[i];
                    if (p->kind != HLI_GC_DYNAMIC && p->kind != HLI_GC_RAW)
                        continue;
                    for (uint32_t b = 0; b < p->nblocks; b++)
                        if (p->mark_bits[b / 64] & ((uint64_t)1 << (b % 64)))
                            scan(gc, p->base + (size_t)b * p->block_size, p);
                }
            }
    }
}

/* ---- sweeping ----------------------------------------------------------------------------------- */

/* Frees unmarked blocks of p; returns true when the page is now empty. */
static bool sweep_page(hli_gc *gc, gc_page *p) {
    run_finalizers(p, true);
    uint32_t nwords = (p->nblocks + 63) / 64, live = 0;
    for (uint32_t w = 0; w < nwords; w++) {
        uint64_t dead = p->alloc_bits[w] & ~p->mark_bits[w];
        while (dead != 0) {
            uint32_t bit = (uint32_t)__builtin_ctzll(dead);
            dead &= dead - 1;
            size_t bsize = p->block_size ? p->block_size : p->size;
            gc->stats.live_bytes -= bsize <= gc->stats.live_bytes ? bsize : gc->stats.live_bytes;
            POISON(p->base + (size_t)(w * 64 + bit) * p->block_size, bsize);
        }
        p->alloc_bits[w] &= p->mark_bits[w];
        p->mark_bits[w] = 0;
        live += (uint32_t)__builtin_popcountll(p->alloc_bits[w]);
    }
    p->nlive = live;
    p->cursor = 0;
    return live == 0;
}

static void sweep_list(hli_gc *gc, page_list *l) {
    uint32_t keep = 0;
    for (uint32_t i = 0; i < l->count; i++) {
        gc_page *p = l->pages[i];
        if (sweep_page(gc, p))
            page_free(gc, p);
        else
            l->pages[keep++] = p;
    }
    l->count = keep;
    l->current = 0;
}

void hli_gc_collect(hli_gc *gc) {
    if (gc->collecting)
        return;
    gc->collecting = true;
    double t0 = now_ms();
    if (gc->roots)
        gc->roots(gc, gc->ctx);
    drain(gc);
    for (size_t c = 0; c < NCLASSES; c++)
        for (int k = 0; k < HLI_GC_KIND_COUNT; k++)
            sweep_list(gc, &gc->lists[c][k]);
    sweep_list(gc, &gc->large);
    gc->since_last = 0;
    /* Let the heap grow to twice what survived before the next collection. */
    gc->trigger = gc->stats.live_bytes > MIN_TRIGGER ? gc->stats.live_bytes : MIN_TRIGGER;
    double pause = now_ms() - t0;
    gc->stats.collections++;
    gc->stats.last_pause_ms = pause;
    gc->stats.total_pause_ms += pause;
    if (pause > gc->stats.max_pause_ms)
        gc->stats.max_pause_ms = pause;
    gc->collecting = false;
}

void hli_gc_enable(hli_gc *gc, bool enable) { gc->enabled = enable; }

void hli_gc_set_stress(hli_gc *gc, uint32_t every, bool randomize) {
    gc->stress_every = every;
    gc->stress_random = randomize;
    gc->stress_count = 0;
}

void hli_gc_get_stats(const hli_gc *gc, hli_gc_stats *out) { *out = gc->stats; }
