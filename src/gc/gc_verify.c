/* The heap verifier (HLFFI_GC_VERIFY=1, hli_gc_verify): at every collection, while marking, every
 * pointer the roots and the traced blocks hold that falls in the collector's memory must be in a live
 * block (its start or inside it); after the mark and after the sweep, the structures must agree:
 * bitmaps, counts, page lists, the pool, the chunks, the page map, the contexts and the byte
 * accounting; after the sweep, a second mark from the roots must reach only live blocks. The first
 * inconsistency prints a report naming the page, block and word, and aborts: a verifier that goes on
 * would only report the consequences. */
#include "gc/gc_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *kind_name(unsigned k) {
    static const char *const names[] = {"NOPTR", "DYNAMIC", "RAW", "FINALIZER"};
    return k < HLI_GC_KIND_COUNT ? names[k] : "?";
}

static const char *state_name(unsigned s) {
    static const char *const names[] = {"free", "pooled", "small", "large"};
    return s <= PG_LARGE ? names[s] : "?";
}

static void describe_page(const gc_page *p) {
    if (p->state == PG_LARGE)
        fprintf(stderr, "large block %p (%zu bytes, kind %s)", (void *)p->base, p->size, kind_name(p->kind));
    else if (p->state == PG_SMALL)
        fprintf(stderr, "page %p (class %u: %u-byte blocks, kind %s, %u of %u live)", (void *)p->base, p->cls,
                p->block_size, kind_name(p->kind), p->nlive, p->nblocks);
    else
        fprintf(stderr, "%s page %p", state_name(p->state), (void *)p->base);
}

static _Noreturn void fail_page(const gc_page *p, const char *fmt, ...) HLI_PRINTF(2, 3);
static _Noreturn void fail_page(const gc_page *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "hlffi GC verify: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (p != NULL) {
        fprintf(stderr, "\n  in ");
        describe_page(p);
    }
    fprintf(stderr, "\n");
    abort();
}

#define CHECK(cond, p, ...)                                                                                     \
    do {                                                                                                        \
        if (!(cond))                                                                                            \
            fail_page(p, __VA_ARGS__);                                                                          \
    } while (0)

void gc_verify_bad_pointer(hli_gc *gc, const void *ptr, const gc_page *p) {
    fprintf(stderr, "hlffi GC verify: %s pointer %p points into the collector's memory but not into a live block\n",
            gc->verifying ? "after the sweep, a" : "a", ptr);
    fprintf(stderr, "  target: ");
    describe_page(p);
    size_t off = (size_t)((const uint8_t *)ptr - p->base);
    if (p->state == PG_SMALL) {
        uint32_t idx = gc_block_index(p, off);
        if (idx >= p->nblocks)
            fprintf(stderr, ", offset %zu: the page's unused tail", off);
        else
            fprintf(stderr, ", block #%u (+%zu): free", idx, off - (size_t)idx * p->block_size);
    } else if (p->state == PG_LARGE) {
        fprintf(stderr, ", offset %zu: %s", off, off >= p->size ? "past the block's end" : "a dead block");
    }
    fprintf(stderr, "\n  held by: ");
    if (gc->vfrom == NULL) {
        fprintf(stderr, "a root (globals, frame registers, temporary roots or handles)\n");
    } else {
        const gc_page *fp = gc->vfrom_page;
        size_t n = gc_block_bytes(fp), where = SIZE_MAX;
        for (size_t o = 0; o + sizeof(void *) <= n && where == SIZE_MAX; o += sizeof(void *)) {
            const void *w;
            memcpy(&w, (const uint8_t *)gc->vfrom + o, sizeof w);
            if (w == ptr)
                where = o;
        }
        const void *first;
        memcpy(&first, gc->vfrom, sizeof first);
        fprintf(stderr, "block %p (first word %p) in ", gc->vfrom, first);
        describe_page(fp);
        if (where != SIZE_MAX)
            fprintf(stderr, ", the word at +%zu", where);
        fprintf(stderr, "\n");
    }
    abort();
}

/* ---- structural checks -------------------------------------------------------------------------- */

static void check_small(const gc_page *p, bool marked) {
    uint32_t cls = p->cls;
    CHECK(cls < NCLASSES && p->block_size == hli_gc_class_sizes[cls], p, "block size %u for class %u", p->block_size,
          cls);
    CHECK(p->kind < HLI_GC_KIND_COUNT, p, "kind %u", p->kind);
    CHECK(p->nblocks == PAGE_SIZE / p->block_size, p, "%u blocks", p->nblocks);
    CHECK(p->recip == (uint32_t)((((uint64_t)1 << 32) + p->block_size - 1) / p->block_size), p, "divisor");
    CHECK(p->cursor <= p->nblocks && p->fresh <= p->nblocks, p, "cursor %u, fresh %u", p->cursor, p->fresh);
    uint32_t live = 0;
    for (uint32_t w = 0; w < BITMAP_WORDS; w++) {
        uint64_t valid = w * 64 + 64 <= p->nblocks ? ~(uint64_t)0
                         : w * 64 < p->nblocks     ? ((uint64_t)1 << (p->nblocks % 64)) - 1
                                                   : 0;
        uint64_t unused = w * 64 >= p->fresh     ? valid /* blocks never handed out */
                          : w * 64 + 64 <= p->fresh ? 0
                                                    : valid & ~(((uint64_t)1 << (p->fresh % 64)) - 1);
        CHECK((p->alloc_bits[w] & ~valid) == 0, p, "allocation bits past block %u", p->nblocks);
        CHECK((p->alloc_bits[w] & unused) == 0, p, "a block allocated past the never-used mark %u (word %u)",
              p->fresh, w);
        CHECK((p->mark_bits[w] & ~valid) == 0, p, "mark bits past block %u", p->nblocks);
        if (marked)
            CHECK((p->mark_bits[w] & ~p->alloc_bits[w]) == 0, p, "a free block is marked (word %u)", w);
        else
            CHECK(p->mark_bits[w] == 0, p, "mark bits left after the sweep (word %u)", w);
        live += gc_popcount(p->alloc_bits[w]);
    }
    CHECK(live == p->nlive, p, "%u blocks allocated, the count says %u", live, p->nlive);
}

static void check_empty(const gc_page *p) {
    CHECK(p->owner == NULL && p->nlive == 0 && p->nblocks == 1 && p->block_size == PAGE_SIZE, p,
          "an empty page with blocks or an owner");
    for (uint32_t w = 0; w < BITMAP_WORDS; w++)
        CHECK(p->alloc_bits[w] == 0 && p->mark_bits[w] == 0, p, "an empty page with bits set");
}

static void check_mapped(const hli_gc *gc, const gc_page *p, size_t span) {
    for (size_t off = 0; off < span; off += PAGE_SIZE)
        CHECK(gc_page_of(gc, p->base + off) == p && gc_page_of(gc, p->base + off + PAGE_SIZE - 1) == p, p,
              "the page map does not lead to the page at offset %zu", off);
}

/* Chunks and their pages; returns the number of pages in use. */
static size_t check_chunks(const hli_gc *gc, bool marked, size_t *npool) {
    size_t nsmall = 0, n = 0;
    for (const gc_chunk *c = gc->chunks; c != NULL; c = c->next, n++) {
        CHECK(((uintptr_t)c->base & (PAGE_SIZE - 1)) == 0, NULL, "chunk %p is not aligned", (void *)c->base);
        CHECK(c->next == NULL || c->next->prev == c, NULL, "chunk list links at %p", (void *)c->base);
        CHECK(c->in_avail == (c->free_mask != 0), NULL, "chunk %p: free mask %#x, available list %d",
              (void *)c->base, c->free_mask, c->in_avail);
        CHECK(c->free_mask != (1u << CHUNK_PAGES) - 1, NULL, "chunk %p is wholly free but still mapped",
              (void *)c->base);
        for (uint32_t i = 0; i < CHUNK_PAGES; i++) {
            const gc_page *p = &c->pages[i];
            CHECK(p->base == c->base + (size_t)i * PAGE_SIZE && p->chunk == c, p, "page %u of chunk %p", i,
                  (void *)c->base);
            check_mapped(gc, p, PAGE_SIZE);
            bool is_free = (c->free_mask >> i) & 1;
            CHECK(is_free == (p->state == PG_FREE), p, "state %s but chunk free bit %d", state_name(p->state),
                  is_free);
            if (p->state == PG_SMALL) {
                check_small(p, marked);
                nsmall++;
            } else {
                CHECK(p->state == PG_FREE || p->state == PG_POOL, p, "state %u in a chunk", p->state);
                check_empty(p);
                *npool += p->state == PG_POOL;
            }
        }
    }
    CHECK(n == gc->nchunks, NULL, "%zu chunks listed, %zu counted", n, gc->nchunks);
    size_t navail = 0;
    for (const gc_chunk *c = gc->avail; c != NULL; c = c->avail_next, navail++)
        CHECK(c->in_avail && c->free_mask != 0 && navail <= n, NULL, "available chunk list at %p", (void *)c->base);
    return nsmall;
}

/* Each page in use is in the list of its class and kind, once; returns how many the lists hold. */
static size_t check_lists(const hli_gc *gc) {
    size_t total = 0;
    for (uint32_t c = 0; c < NCLASSES; c++)
        for (unsigned k = 0; k < HLI_GC_KIND_COUNT; k++) {
            const page_list *l = &gc->lists[c][k];
            CHECK(l->count <= l->cap && l->current <= l->count, NULL, "list of class %u kind %s: %u of %u, at %u",
                  c, kind_name(k), l->count, l->cap, l->current);
            for (uint32_t i = 0; i < l->count; i++) {
                gc_page *p = l->pages[i];
                CHECK(p->state == PG_SMALL && p->cls == c && p->kind == k, p, "in the list of class %u kind %s", c,
                      kind_name(k));
                CHECK(p->next_pool == NULL, p, "listed twice");
                p->next_pool = p; /* seen; cleared below */
            }
            total += l->count;
        }
    for (uint32_t c = 0; c < NCLASSES; c++)
        for (unsigned k = 0; k < HLI_GC_KIND_COUNT; k++)
            for (uint32_t i = 0; i < gc->lists[c][k].count; i++)
                gc->lists[c][k].pages[i]->next_pool = NULL;
    return total;
}

static void check_contexts(const hli_gc *gc, size_t nsmall_owned) {
    size_t owned = 0;
    for (const hli_gc_tctx *t = &gc->main_ctx; t != NULL; t = t == &gc->main_ctx ? gc->contexts : t->next) {
        CHECK(t->gc == gc, NULL, "context %p belongs to another collector", (const void *)t);
        for (uint32_t c = 0; c < NCLASSES; c++)
            for (unsigned k = 0; k < HLI_GC_KIND_COUNT; k++) {
                const gc_page *p = t->cur[c][k];
                if (p == NULL)
                    continue;
                CHECK(p->state == PG_SMALL && p->owner == t && p->cls == c && p->kind == k, p,
                      "context %p allocates class %u kind %s from it", (const void *)t, c, kind_name(k));
                owned++;
            }
    }
    CHECK(owned == nsmall_owned, NULL, "%zu pages have an owner, contexts hold %zu", nsmall_owned, owned);
}

void gc_verify_heap(hli_gc *gc, bool marked) {
    size_t npool_seen = 0;
    size_t nsmall = check_chunks(gc, marked, &npool_seen);
    size_t npool = 0;
    for (const gc_page *p = gc->pool; p != NULL; p = p->next_pool, npool++) {
        CHECK(p->state == PG_POOL && npool < gc->pool_count, p, "in the pool (%zu of %zu)", npool, gc->pool_count);
    }
    CHECK(npool == gc->pool_count && npool == npool_seen, NULL, "pool: %zu linked, %zu counted, %zu pages pooled",
          npool, gc->pool_count, npool_seen);
    CHECK(check_lists(gc) == nsmall, NULL, "%zu pages in use, the lists hold another number", nsmall);
    size_t owned = 0;
    for (uint32_t c = 0; c < NCLASSES; c++)
        for (unsigned k = 0; k < HLI_GC_KIND_COUNT; k++)
            for (uint32_t i = 0; i < gc->lists[c][k].count; i++)
                owned += gc->lists[c][k].pages[i]->owner != NULL;
    check_contexts(gc, owned);
    size_t large_bytes = 0, large_pages = 0;
    for (uint32_t i = 0; i < gc->large.count; i++) {
        const gc_page *p = gc->large.pages[i];
        CHECK(p->state == PG_LARGE && p->chunk == NULL && p->block_size == 0 && p->nblocks == 1 && p->nlive == 1 &&
                  p->alloc_bits[0] == 1,
              p, "large block header");
        CHECK(p->size > SMALL_MAX && p->span >= p->size && p->span % PAGE_SIZE == 0, p, "large block sizes");
        CHECK(marked ? (p->mark_bits[0] & ~(uint64_t)1) == 0 : p->mark_bits[0] == 0, p, "large block mark bits");
        check_mapped(gc, p, p->span);
        large_bytes += p->span;
        large_pages += p->span / PAGE_SIZE;
    }
    CHECK(gc->map_count == gc->nchunks * CHUNK_PAGES + large_pages, NULL,
          "the page map holds %zu pages, chunks and large blocks %zu", gc->map_count,
          gc->nchunks * CHUNK_PAGES + large_pages);
    for (size_t i = 0; i < gc->map_cap; i++) {
        if (gc->map_keys[i] == 0)
            continue;
        const gc_page *p = gc->map_vals[i];
        uintptr_t addr = (gc->map_keys[i] - 1) << PAGE_SHIFT;
        CHECK(addr >= (uintptr_t)p->base && addr < (uintptr_t)p->base + p->span, p,
              "the page map sends address %p to a page that does not hold it", (void *)addr);
    }
    CHECK(gc->heap_bytes == nsmall * PAGE_SIZE + large_bytes, NULL,
          "heap bytes %zu, but %zu pages in use and %zu bytes of large blocks", gc->heap_bytes, nsmall, large_bytes);
    CHECK(gc->charged == gc->heap_bytes + gc->pool_count * PAGE_SIZE, NULL,
          "%zu bytes charged for %zu in use and %zu pooled", gc->charged, gc->heap_bytes,
          gc->pool_count * PAGE_SIZE);
    CHECK(gc->mem->used >= gc->charged, NULL, "the VM's memory counts %zu bytes, the collector alone %zu",
          gc->mem->used, gc->charged);
}

/* ---- reachability after the sweep --------------------------------------------------------------- */

static void clear_marks(page_list *l) {
    for (uint32_t i = 0; i < l->count; i++)
        memset(l->pages[i]->mark_bits, 0, sizeof l->pages[i]->mark_bits);
}

void gc_verify_reachable(hli_gc *gc) {
    gc->verifying = true;
    gc->vfrom = NULL;
    if (gc->roots)
        gc->roots(gc, gc->ctx);
    gc_drain(gc);
    gc_verify_heap(gc, true);
    for (size_t c = 0; c < NCLASSES; c++)
        for (int k = 0; k < HLI_GC_KIND_COUNT; k++)
            clear_marks(&gc->lists[c][k]);
    clear_marks(&gc->large);
    gc->verifying = false;
}
