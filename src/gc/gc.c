/* The collector (see gc.h): allocation contexts and their fast path, marking with an explicit stack,
 * the sweep and the heap policy. Pages come from gc_os.c, which also keeps the page map that resolves
 * any address (interior pointers too) to its page in O(1). */
#include "gc/gc_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Collect no earlier than after this many bytes: small programs never collect. */
#define MIN_TRIGGER ((size_t)4 << 20)

/* 8-byte steps to 128 (HashLink's layouts are multiples of 8: a two-field object is 24 bytes), then
 * four classes per power of two; above 8 KiB, sizes that fill a 64 KiB page with little left over. */
const uint32_t hli_gc_class_sizes[NCLASSES] = {
    16,   24,   32,   40,   48,   56,   64,   72,    80,    88,    96,    104,   112,   120,   128,
    160,  192,  224,  256,  320,  384,  448,  512,   640,   768,   896,   1024,  1280,  1536,  1792,
    2048, 2560, 3072, 3584, 4096, 5120, 6144, 7168,  8192,  9360,  10912, 13104, 16384, 21840, 32768,
};

/* ---- page lists --------------------------------------------------------------------------------- */

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
    hli_mem_free(gc->mem, l->pages, l->cap * sizeof *l->pages);
    memset(l, 0, sizeof *l);
}

/* Sets up an empty page from gc_os_page for blocks of class cls and kind. */
static void page_setup(gc_page *p, uint32_t cls, hli_gc_kind kind, bool zeroed) {
    uint32_t bs = hli_gc_class_sizes[cls];
    p->block_size = bs;
    p->size = bs;
    p->nblocks = (uint32_t)(PAGE_SIZE / bs);
    p->recip = (uint32_t)((((uint64_t)1 << 32) + bs - 1) / bs);
    p->nlive = 0;
    p->cursor = 0;
    p->fresh = zeroed ? 0 : p->nblocks;
    p->cls = (uint8_t)cls;
    p->kind = (uint8_t)kind;
    p->state = PG_SMALL;
    p->owner = NULL;
}

/* ---- creation and destruction ------------------------------------------------------------------- */

static bool env_flag(const char *name) {
    const char *v = getenv(name);
    return v != NULL && v[0] != '\0' && strcmp(v, "0") != 0;
}

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
    gc->on_valgrind = HLI_ON_VALGRIND();
    gc->verify = env_flag("HLFFI_GC_VERIFY");
    const char *st = getenv("HLFFI_GC_STATS");
    gc->print_stats = (uint8_t)(st == NULL ? 0 : atoi(st) >= 2 ? 2 : atoi(st) == 1);
    gc->created_ns = gc_now_ns();
    gc->main_ctx.gc = gc;
    uint32_t c = 0;
    for (uint32_t u = 0; u <= SMALL_MAX / 8; u++) {
        while (hli_gc_class_sizes[c] < u * 8)
            c++;
        gc->class_of[u] = (uint8_t)c;
    }
    return gc;
}

static void run_finalizers(gc_page *p, bool only_unmarked) {
    if (p->kind != HLI_GC_FINALIZER)
        return;
    for (uint32_t i = 0; i < p->nblocks; i++) {
        if (!gc_bit(p->alloc_bits, i) || (only_unmarked && gc_bit(p->mark_bits, i)))
            continue;
        void *block = p->base + (size_t)i * p->block_size;
        hli_gc_finalizer fin;
        memcpy(&fin, block, sizeof fin);
        if (fin != NULL)
            fin(block);
    }
}

/* Tells valgrind every live block of p is gone (the page is about to be unmapped). */
static void vg_free_all(const hli_gc *gc, gc_page *p) {
    if (!gc->on_valgrind)
        return;
    for (uint32_t i = 0; i < p->nblocks; i++)
        if (gc_bit(p->alloc_bits, i))
            HLI_VG_FREELIKE(p->base + (size_t)i * p->block_size);
}

void hli_gc_destroy(hli_gc *gc) {
    if (gc == NULL)
        return;
    if (gc->verify) /* structure only: the roots may already be gone */
        gc_verify_heap(gc, false);
    if (gc->print_stats)
        gc_print_summary(gc);
    for (size_t c = 0; c < NCLASSES; c++)
        for (uint32_t i = 0; i < gc->lists[c][HLI_GC_FINALIZER].count; i++)
            run_finalizers(gc->lists[c][HLI_GC_FINALIZER].pages[i], false);
    for (uint32_t i = 0; i < gc->large.count; i++)
        run_finalizers(gc->large.pages[i], false);
    for (size_t c = 0; c < NCLASSES; c++)
        for (int k = 0; k < HLI_GC_KIND_COUNT; k++) {
            page_list *l = &gc->lists[c][k];
            for (uint32_t i = 0; i < l->count; i++)
                vg_free_all(gc, l->pages[i]);
            list_free(gc, l);
        }
    for (uint32_t i = 0; i < gc->large.count; i++) {
        vg_free_all(gc, gc->large.pages[i]);
        gc_os_large_free(gc, gc->large.pages[i]);
    }
    list_free(gc, &gc->large);
    while (gc->contexts != NULL)
        hli_gc_context_free(gc->contexts);
    gc_os_destroy(gc);
    hli_mem_free(gc->mem, gc->stack, gc->stack_cap * sizeof *gc->stack);
    hli_mem_free(gc->mem, gc, sizeof *gc);
}

/* ---- allocation contexts ------------------------------------------------------------------------ */

hli_gc_tctx *hli_gc_main_context(hli_gc *gc) { return &gc->main_ctx; }

hli_gc_tctx *hli_gc_context_new(hli_gc *gc) {
    hli_gc_tctx *t = hli_mem_alloc(gc->mem, sizeof *t);
    if (t == NULL)
        return NULL;
    t->gc = gc;
    t->next = gc->contexts;
    gc->contexts = t;
    return t;
}

/* The context stops allocating from its pages (they stay in their lists for any context). */
static void context_release(hli_gc_tctx *t) {
    for (size_t c = 0; c < NCLASSES; c++)
        for (int k = 0; k < HLI_GC_KIND_COUNT; k++)
            if (t->cur[c][k] != NULL) {
                t->cur[c][k]->owner = NULL;
                t->cur[c][k] = NULL;
            }
}

void hli_gc_context_free(hli_gc_tctx *t) {
    if (t == NULL || t == &t->gc->main_ctx)
        return;
    hli_gc *gc = t->gc;
    context_release(t);
    gc->folded_allocations += t->allocations;
    gc->folded_bytes += t->allocated_bytes;
    for (hli_gc_tctx **pp = &gc->contexts; *pp != NULL; pp = &(*pp)->next)
        if (*pp == t) {
            *pp = t->next;
            break;
        }
    hli_mem_free(gc->mem, t, sizeof *t);
}

void hli_gc_safepoint(hli_gc *gc, hli_gc_tctx *ctx) {
    /* One thread per VM: no other thread can be collecting, so there is nothing to wait for. The
     * threads issue: when a collection is requested, flush this context (context_release), mark the
     * thread stopped with its frames as roots, and wait for the collector to finish. */
    if (gc != NULL)
        (ctx != NULL ? ctx : &gc->main_ctx)->safepoints++;
}

/* ---- allocation --------------------------------------------------------------------------------- */

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

static bool may_collect(const hli_gc *gc) { return gc->enabled && !gc->collecting; }

/* Takes the first free block of p from its cursor: its index, or UINT32_MAX when p is full. */
static inline uint32_t page_take(gc_page *p) {
    uint32_t nwords = (p->nblocks + 63) / 64;
    for (uint32_t w = p->cursor / 64; w < nwords; w++) {
        uint64_t free_bits = ~p->alloc_bits[w];
        if (w == nwords - 1 && p->nblocks % 64 != 0)
            free_bits &= ((uint64_t)1 << (p->nblocks % 64)) - 1;
        if (free_bits == 0)
            continue;
        uint32_t idx = w * 64 + (uint32_t)__builtin_ctzll(free_bits);
        p->alloc_bits[w] |= (uint64_t)1 << (idx % 64);
        p->nlive++;
        p->cursor = idx + 1;
        return idx;
    }
    p->cursor = p->nblocks;
    return UINT32_MAX;
}

/* Zeroes n bytes (a multiple of 8): small blocks with a few stores of fixed sizes, which compilers
 * inline, rather than a call to memset for every object. */
static inline void zero_block(uint8_t *b, size_t n) {
    if (n > 128) {
        memset(b, 0, n);
        return;
    }
    if (n & 128)
        memset(b, 0, 128), b += 128;
    if (n & 64)
        memset(b, 0, 64), b += 64;
    if (n & 32)
        memset(b, 0, 32), b += 32;
    if (n & 16)
        memset(b, 0, 16), b += 16;
    if (n & 8)
        memset(b, 0, 8);
}

/* Block idx of p, handed out: zeroed (blocks never handed out since the page was zero need nothing:
 * the allocation cursor never passes `fresh`) and described to the memory checkers. The whole block,
 * not just the request: RAW blocks are scanned over their full size. */
static inline void *block_out(hli_gc_tctx *t, gc_page *p, uint32_t idx, size_t size) {
    uint8_t *b = p->base + (size_t)idx * p->block_size;
    bool zero = idx >= p->fresh;
    HLI_UNPOISON(b, p->block_size);
    if (GC_UNLIKELY(t->gc->on_valgrind))
        HLI_VG_MALLOCLIKE(b, p->block_size, zero);
    if (zero)
        p->fresh = idx + 1;
    else
        zero_block(b, p->block_size);
    t->allocations++;
    t->allocated_bytes += size;
    return b;
}

/* A page of (cls, kind) with a free block for context t: a page with free blocks nobody allocates
 * from, else an empty one from the system. Its free space counts towards the next collection. */
static gc_page *page_acquire(hli_gc *gc, hli_gc_tctx *t, uint32_t cls, hli_gc_kind kind) {
    page_list *l = &gc->lists[cls][kind];
    for (; l->current < l->count; l->current++) {
        gc_page *p = l->pages[l->current];
        if (p->nlive < p->nblocks && p->owner == NULL) {
            p->owner = t;
            gc->since_last += (size_t)(p->nblocks - p->nlive) * p->block_size;
            return p;
        }
    }
    bool zeroed;
    gc_page *p = gc_os_page(gc, &zeroed);
    if (p == NULL)
        return NULL;
    page_setup(p, cls, kind, zeroed);
    if (!list_add(gc, l, p)) {
        gc_os_page_release(gc, p);
        return NULL;
    }
    p->owner = t;
    gc->heap_bytes += PAGE_SIZE;
    if (gc->heap_bytes + gc->pool_count * PAGE_SIZE > gc->peak_bytes)
        gc->peak_bytes = gc->heap_bytes + gc->pool_count * PAGE_SIZE;
    gc->since_last += PAGE_SIZE;
    return p;
}

static void *alloc_large(hli_gc_tctx *t, size_t size, hli_gc_kind kind) {
    hli_gc *gc = t->gc;
    gc_page *p = NULL;
    for (int attempt = 0; attempt < 2 && p == NULL; attempt++) {
        if (attempt > 0) {
            if (!may_collect(gc))
                return NULL;
            /* Out of memory or at the limit: free what is dead, give every pooled page back, retry. */
            hli_gc_collect(gc);
            gc_os_trim(gc, 0);
        }
        p = gc_os_large(gc, size, kind);
        if (p != NULL && !list_add(gc, &gc->large, p)) {
            gc_os_large_free(gc, p);
            p = NULL;
        }
    }
    if (p == NULL)
        return NULL;
    gc->heap_bytes += p->span;
    if (gc->heap_bytes + gc->pool_count * PAGE_SIZE > gc->peak_bytes)
        gc->peak_bytes = gc->heap_bytes + gc->pool_count * PAGE_SIZE;
    gc->since_last += (size + 4095) & ~(size_t)4095; /* what it can make resident */
    HLI_UNPOISON(p->base, size);
    if (GC_UNLIKELY(gc->on_valgrind))
        HLI_VG_MALLOCLIKE(p->base, size, 1); /* a fresh mapping: zeros */
    t->allocations++;
    t->allocated_bytes += size;
    return p->base;
}

/* No page for class cls even after a collection (the limit, or the system, refuses one): a free
 * block of a larger class of the same kind will do. Every size class needs a page of its own, so
 * near the limit this is what lets a program that caught its out-of-memory error go on. */
static void *alloc_larger_class(hli_gc_tctx *t, uint32_t cls, hli_gc_kind kind, size_t size) {
    hli_gc *gc = t->gc;
    for (uint32_t c = cls + 1; c < NCLASSES; c++) {
        page_list *l = &gc->lists[c][kind];
        for (uint32_t i = 0; i < l->count; i++) {
            gc_page *p = l->pages[i];
            if (p->nlive < p->nblocks && (p->owner == NULL || p->owner == t)) {
                uint32_t idx = page_take(p);
                if (idx != UINT32_MAX)
                    return block_out(t, p, idx, size);
            }
        }
    }
    return NULL;
}

/* Everything but a block from the context's current page: collections (trigger, stress), a new page,
 * large blocks, failures. Stress mode allocates every block here (the context keeps no page). */
__attribute__((noinline)) static void *alloc_slow(hli_gc_tctx *t, size_t size, hli_gc_kind kind) {
    hli_gc *gc = t->gc;
    if (size == 0 || size > ((size_t)1 << 40) || (unsigned)kind >= HLI_GC_KIND_COUNT)
        return NULL;
    bool stress = gc->stress_every != 0;
    if (may_collect(gc) && (gc->since_last >= gc->trigger || (stress && stress_due(gc))))
        hli_gc_collect(gc);
    if (size > SMALL_MAX)
        return alloc_large(t, size, kind);
    uint32_t cls = gc->class_of[(size + 7) >> 3];
    gc_page *cur = t->cur[cls][kind];
    if (cur != NULL) { /* full: others may finish it after the next sweep */
        cur->owner = NULL;
        t->cur[cls][kind] = NULL;
    }
    gc_page *p = page_acquire(gc, t, cls, kind);
    if (p == NULL && may_collect(gc)) {
        hli_gc_collect(gc); /* out of memory or at the limit: free what is dead and retry once */
        p = page_acquire(gc, t, cls, kind);
    }
    if (p == NULL)
        return alloc_larger_class(t, cls, kind, size);
    uint32_t idx = page_take(p);
    void *b = block_out(t, p, idx, size);
    if (stress)
        p->owner = NULL;
    else
        t->cur[cls][kind] = p;
    return b;
}

void *hli_gc_alloc_in(hli_gc_tctx *t, size_t size, hli_gc_kind kind) {
    if (size - 1 < SMALL_MAX && (unsigned)kind < HLI_GC_KIND_COUNT) {
        gc_page *p = t->cur[t->gc->class_of[(size + 7) >> 3]][kind];
        if (GC_LIKELY(p != NULL)) {
            uint32_t idx = page_take(p);
            if (GC_LIKELY(idx != UINT32_MAX))
                return block_out(t, p, idx, size);
        }
    }
    return alloc_slow(t, size, kind);
}

void *hli_gc_alloc(hli_gc *gc, size_t size, hli_gc_kind kind) { return hli_gc_alloc_in(&gc->main_ctx, size, kind); }

/* ---- marking ------------------------------------------------------------------------------------ */

static void push(hli_gc *gc, void *block, gc_page *p) {
    if (gc->stack_len == gc->stack_cap) {
        size_t ncap = gc->stack_cap ? gc->stack_cap * 2 : 1024;
        mark_item *ns = hli_mem_array(gc->mem, ncap, sizeof *ns);
        if (ns == NULL) {
            gc->stack_overflowed = true; /* recovered by rescanning marked blocks (see gc_drain) */
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
    gc_page *p = gc_page_of(gc, ptr);
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
    uint32_t idx = gc_block_index(p, off);
    if (idx >= p->nblocks || !gc_bit(p->alloc_bits, idx))
        return NULL;
    if (size)
        *size = p->block_size;
    return p->base + (size_t)idx * p->block_size;
}

void hli_gc_mark(hli_gc *gc, const void *ptr) {
    if (ptr == NULL)
        return;
    gc_page *p = gc_page_of(gc, ptr);
    if (p == NULL)
        return;
    size_t off = (size_t)((const uint8_t *)ptr - p->base);
    uint32_t idx = p->block_size == 0 ? 0 : gc_block_index(p, off);
    uint64_t bit = (uint64_t)1 << (idx % 64);
    if (GC_UNLIKELY((p->block_size == 0 ? off >= p->size : idx >= p->nblocks) || !(p->alloc_bits[idx / 64] & bit))) {
        if (gc->verify)
            gc_verify_bad_pointer(gc, ptr, p); /* into the collector's memory, but no live block */
        return;
    }
    if (p->mark_bits[idx / 64] & bit)
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
    if (GC_UNLIKELY(gc->verify)) {
        gc->vfrom = block;
        gc->vfrom_page = p;
    }
    if (p->kind == HLI_GC_RAW)
        hli_gc_mark_range(gc, block, gc_block_bytes(p));
    else
        gc->trace(gc, block, gc_block_bytes(p), gc->ctx);
}

static void rescan_list(hli_gc *gc, page_list *l) {
    for (uint32_t i = 0; i < l->count; i++) {
        gc_page *p = l->pages[i];
        if (p->kind != HLI_GC_DYNAMIC && p->kind != HLI_GC_RAW)
            continue;
        for (uint32_t b = 0; b < p->nblocks; b++)
            if (gc_bit(p->mark_bits, b))
                scan(gc, p->base + (size_t)b * p->block_size, p);
    }
}

/* Blocks popped from the mark stack wait in a small queue after a prefetch, so that the first read of
 * each (its type word: a cache miss, most of the marking time) overlaps the scanning of others. */
#define PREFETCH_QUEUE 16

void gc_drain(hli_gc *gc) {
    for (;;) {
        mark_item queue[PREFETCH_QUEUE];
        unsigned head = 0, queued = 0;
        while (gc->stack_len > 0 || queued > 0) {
            if (gc->stack_len > 0 && queued < PREFETCH_QUEUE) {
                mark_item it = gc->stack[--gc->stack_len];
                __builtin_prefetch(it.block);
                queue[(head + queued++) % PREFETCH_QUEUE] = it;
                continue;
            }
            mark_item it = queue[head];
            head = (head + 1) % PREFETCH_QUEUE;
            queued--;
            scan(gc, it.block, it.page);
        }
        if (!gc->stack_overflowed)
            return;
        /* A push was lost: rescan every marked block of a scanned kind until nothing new is marked. */
        gc->stack_overflowed = false;
        for (size_t c = 0; c < NCLASSES; c++)
            for (int k = HLI_GC_DYNAMIC; k <= HLI_GC_RAW; k++)
                rescan_list(gc, &gc->lists[c][k]);
        rescan_list(gc, &gc->large);
    }
}

/* ---- sweeping ----------------------------------------------------------------------------------- */

/* Frees the unmarked blocks of p and clears its marks; returns its live block count. */
static uint32_t sweep_page(hli_gc *gc, gc_page *p) {
    run_finalizers(p, true);
    uint32_t nwords = (p->nblocks + 63) / 64, live = 0;
    for (uint32_t w = 0; w < nwords; w++) {
        uint64_t dead = p->alloc_bits[w] & ~p->mark_bits[w];
        while (dead != 0) {
            uint32_t idx = w * 64 + (uint32_t)__builtin_ctzll(dead);
            dead &= dead - 1;
            uint8_t *b = p->base + (size_t)idx * p->block_size;
            if (GC_UNLIKELY(gc->on_valgrind))
                HLI_VG_FREELIKE(b);
            HLI_POISON(b, gc_block_bytes(p));
        }
        p->alloc_bits[w] &= p->mark_bits[w];
        p->mark_bits[w] = 0;
        live += gc_popcount(p->alloc_bits[w]);
    }
    p->nlive = live;
    p->cursor = 0;
    return live;
}

/* Sweeps one list: empty small pages go to the pool, dead large blocks are unmapped. Adds the live
 * bytes to *live and the free bytes left in partly used pages to *free_bytes. */
static void sweep_list(hli_gc *gc, page_list *l, size_t *live, size_t *free_bytes) {
    uint32_t keep = 0;
    for (uint32_t i = 0; i < l->count; i++) {
        gc_page *p = l->pages[i];
        uint32_t n = sweep_page(gc, p);
        if (n > 0) {
            l->pages[keep++] = p;
            *live += (size_t)n * gc_block_bytes(p);
            *free_bytes += (size_t)(p->nblocks - n) * p->block_size;
        } else if (p->state == PG_LARGE) {
            gc->heap_bytes -= p->span;
            gc_os_large_free(gc, p);
        } else {
            gc->heap_bytes -= PAGE_SIZE;
            HLI_POISON(p->base, PAGE_SIZE);
            gc_os_page_release(gc, p);
        }
    }
    l->count = keep;
    l->current = 0;
}

static void release_contexts(hli_gc *gc) {
    context_release(&gc->main_ctx);
    for (hli_gc_tctx *t = gc->contexts; t != NULL; t = t->next)
        context_release(t);
}

void hli_gc_collect(hli_gc *gc) {
    if (gc->collecting)
        return;
    gc->collecting = true;
    uint64_t t0 = gc_now_ns();
    release_contexts(gc);
    gc->vfrom = NULL;
    if (gc->roots)
        gc->roots(gc, gc->ctx);
    gc_drain(gc);
    uint64_t t1 = gc_now_ns(), t1v = t1;
    if (gc->verify) { /* not counted in the pause */
        gc_verify_heap(gc, true);
        t1v = gc_now_ns();
    }
    size_t live = 0, free_bytes = 0;
    for (size_t c = 0; c < NCLASSES; c++)
        for (int k = 0; k < HLI_GC_KIND_COUNT; k++)
            sweep_list(gc, &gc->lists[c][k], &live, &free_bytes);
    sweep_list(gc, &gc->large, &live, &free_bytes);
    gc->live_after = live;
    gc->since_last = 0;
    /* The heap may grow by half of what survived (at least MIN_TRIGGER) before the next collection:
     * peak memory stays near 1.5 times the live data. Measured (bench/README.md "Collector"): growing
     * to twice the live data put MapInt's and MapString's peak RSS at 1.36 and 1.14 times HashLink's,
     * half at 1.28 and 1.04 times, for about 10% more time in MapString. Pooled pages beyond what
     * that growth can use, after the free blocks of partly used pages, go back to the system. */
    gc->trigger = live / 2 > MIN_TRIGGER ? live / 2 : MIN_TRIGGER;
    gc_os_trim(gc, gc->trigger > free_bytes ? gc->trigger - free_bytes : 0);
    uint64_t t2 = gc_now_ns();
    gc_record_pause(gc, (t1 - t0) + (t2 - t1v), t1 - t0);
    if (gc->print_stats >= 2)
        gc_print_collection(gc, free_bytes);
    if (gc->verify) {
        gc_verify_reachable(gc);
        gc_verify_heap(gc, false);
    }
    gc->collecting = false;
}

void hli_gc_enable(hli_gc *gc, bool enable) { gc->enabled = enable; }

void hli_gc_set_stress(hli_gc *gc, uint32_t every, bool randomize) {
    gc->stress_every = every;
    gc->stress_random = randomize;
    gc->stress_count = 0;
    release_contexts(gc); /* stress mode allocates every block through the slow path */
}

void hli_gc_verify(hli_gc *gc) {
    if (gc->collecting)
        return;
    gc->collecting = true;
    bool v = gc->verify;
    gc->verify = true;
    gc_verify_heap(gc, false);
    gc_verify_reachable(gc);
    gc->verify = v;
    gc->collecting = false;
}
