/* Pages from the system. Small pages come from chunks of 16 mapped together (mmap, 64 KiB-aligned);
 * an emptied page goes to a pool of resident pages for reuse, and the pool is trimmed after each
 * collection by giving pages back with madvise(MADV_DONTNEED) (their memory leaves the process's RSS
 * at once; the address range stays for reuse); a chunk whose pages are all given back is unmapped.
 * Large blocks get their own mapping, unmapped when they die. Mapping directly rather than through
 * malloc is what makes freed memory go back to the system: glibc keeps freed heap memory, and raises
 * its mmap threshold after each large free. Every byte is charged to the VM's hli_mem (limit, failure
 * injection) while it is resident. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, madvise */
#include "gc/gc_internal.h"

#include <string.h>
#include <sys/mman.h>

/* ---- page map ----------------------------------------------------------------------------------- */

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
            gc_map_put(gc, okeys[i] - 1, ovals[i]);
    hli_mem_free(gc->mem, okeys, ocap * sizeof *okeys);
    hli_mem_free(gc->mem, ovals, ocap * sizeof *ovals);
    return true;
}

bool gc_map_put(hli_gc *gc, uintptr_t pageno, gc_page *page) {
    if ((gc->map_count + 1) * 2 > gc->map_cap && !map_grow(gc))
        return false;
    uintptr_t key = pageno + 1;
    size_t i = gc_map_slot(key, gc->map_cap);
    while (gc->map_keys[i] != 0 && gc->map_keys[i] != key)
        i = (i + 1) & (gc->map_cap - 1);
    if (gc->map_keys[i] == 0)
        gc->map_count++;
    gc->map_keys[i] = key;
    gc->map_vals[i] = page;
    return true;
}

void gc_map_remove(hli_gc *gc, uintptr_t pageno) {
    if (gc->map_cap == 0)
        return; /* the map was never allocated (its first growth failed) */
    uintptr_t key = pageno + 1;
    size_t mask = gc->map_cap - 1, i = gc_map_slot(key, gc->map_cap);
    while (gc->map_keys[i] != key) {
        if (gc->map_keys[i] == 0)
            return;
        i = (i + 1) & mask;
    }
    /* Backward-shift deletion keeps probe sequences intact without tombstones. */
    for (size_t j = (i + 1) & mask; gc->map_keys[j] != 0; j = (j + 1) & mask) {
        size_t home = gc_map_slot(gc->map_keys[j], gc->map_cap);
        if (((j - home) & mask) >= ((j - i) & mask)) {
            gc->map_keys[i] = gc->map_keys[j];
            gc->map_vals[i] = gc->map_vals[j];
            i = j;
        }
    }
    gc->map_keys[i] = 0;
    gc->map_count--;
}

/* ---- mappings ----------------------------------------------------------------------------------- */

/* n bytes (a multiple of PAGE_SIZE) of zeroed memory aligned to PAGE_SIZE, or NULL. */
static uint8_t *os_map(size_t n) {
    size_t over = n + PAGE_SIZE;
    if (over < n)
        return NULL;
    uint8_t *m = mmap(NULL, over, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        return NULL;
    uint8_t *base = (uint8_t *)(((uintptr_t)m + PAGE_SIZE - 1) & ~(uintptr_t)(PAGE_SIZE - 1));
    if (base > m)
        munmap(m, (size_t)(base - m));
    if (m + over > base + n)
        munmap(base + n, (size_t)(m + over - (base + n)));
    return base;
}

static void os_unmap(hli_gc *gc, uint8_t *base, size_t n) {
    HLI_UNPOISON(base, n);
    munmap(base, n);
    gc->returned_bytes += n;
}

static void avail_add(hli_gc *gc, gc_chunk *c) {
    if (c->in_avail)
        return;
    c->in_avail = true;
    c->avail_prev = NULL;
    c->avail_next = gc->avail;
    if (gc->avail != NULL)
        gc->avail->avail_prev = c;
    gc->avail = c;
}

static void avail_remove(hli_gc *gc, gc_chunk *c) {
    if (!c->in_avail)
        return;
    c->in_avail = false;
    if (c->avail_prev != NULL)
        c->avail_prev->avail_next = c->avail_next;
    else
        gc->avail = c->avail_next;
    if (c->avail_next != NULL)
        c->avail_next->avail_prev = c->avail_prev;
}

static void chunk_unmap(hli_gc *gc, gc_chunk *c) {
    avail_remove(gc, c);
    for (uint32_t i = 0; i < CHUNK_PAGES; i++)
        gc_map_remove(gc, ((uintptr_t)c->base >> PAGE_SHIFT) + i);
    if (c->prev != NULL)
        c->prev->next = c->next;
    else
        gc->chunks = c->next;
    if (c->next != NULL)
        c->next->prev = c->prev;
    /* Pages still charged (POOL, SMALL) are only unmapped at destroy, with everything else. */
    for (uint32_t i = 0; i < CHUNK_PAGES; i++)
        if (c->pages[i].state != PG_FREE) {
            hli_mem_uncharge(gc->mem, PAGE_SIZE);
            gc->charged -= PAGE_SIZE;
        }
    os_unmap(gc, c->base, CHUNK_BYTES);
    gc->nchunks--;
    hli_mem_free(gc->mem, c, sizeof *c);
}

/* Free pages look like one unallocated block filling the page: hli_gc_mark ignores pointers into
 * them and the verifier reports them. */
static void page_reset(gc_page *p, gc_page_state state) {
    p->owner = NULL;
    p->next_pool = NULL;
    p->size = PAGE_SIZE;
    p->span = PAGE_SIZE;
    p->block_size = (uint32_t)PAGE_SIZE;
    p->nblocks = 1;
    p->nlive = 0;
    p->cursor = 0;
    p->fresh = 1;
    p->recip = (uint32_t)(((uint64_t)1 << 32) / PAGE_SIZE + 1);
    p->kind = 0;
    p->cls = 0;
    p->state = (uint8_t)state;
    memset(p->alloc_bits, 0, sizeof p->alloc_bits);
    memset(p->mark_bits, 0, sizeof p->mark_bits);
}

static gc_chunk *chunk_new(hli_gc *gc) {
    gc_chunk *c = hli_mem_alloc(gc->mem, sizeof *c);
    if (c == NULL)
        return NULL;
    c->base = os_map(CHUNK_BYTES);
    uint32_t i = 0;
    for (; c->base != NULL && i < CHUNK_PAGES; i++)
        if (!gc_map_put(gc, ((uintptr_t)c->base >> PAGE_SHIFT) + i, &c->pages[i]))
            break;
    if (c->base == NULL || i < CHUNK_PAGES) {
        for (uint32_t k = 0; k < i; k++)
            gc_map_remove(gc, ((uintptr_t)c->base >> PAGE_SHIFT) + k);
        if (c->base != NULL)
            munmap(c->base, CHUNK_BYTES);
        hli_mem_free(gc->mem, c, sizeof *c);
        return NULL;
    }
    for (i = 0; i < CHUNK_PAGES; i++) {
        c->pages[i].base = c->base + (size_t)i * PAGE_SIZE;
        c->pages[i].chunk = c;
        page_reset(&c->pages[i], PG_FREE);
    }
    c->free_mask = (1u << CHUNK_PAGES) - 1;
    HLI_POISON(c->base, CHUNK_BYTES);
    HLI_VG_NOACCESS(c->base, CHUNK_BYTES);
    c->next = gc->chunks;
    if (gc->chunks != NULL)
        gc->chunks->prev = c;
    gc->chunks = c;
    gc->nchunks++;
    avail_add(gc, c);
    return c;
}

/* ---- small pages -------------------------------------------------------------------------------- */

gc_page *gc_os_page(hli_gc *gc, bool *zeroed) {
    if (gc->pool != NULL) {
        gc_page *p = gc->pool;
        gc->pool = p->next_pool;
        gc->pool_count--;
        p->next_pool = NULL;
        *zeroed = false;
        return p;
    }
    gc_chunk *c = gc->avail;
    bool fresh_chunk = false;
    if (c == NULL) {
        c = chunk_new(gc);
        if (c == NULL)
            return NULL;
        fresh_chunk = true;
    }
    if (!hli_mem_charge(gc->mem, PAGE_SIZE)) {
        if (fresh_chunk)
            chunk_unmap(gc, c);
        return NULL;
    }
    gc->charged += PAGE_SIZE;
    uint32_t i = (uint32_t)__builtin_ctz(c->free_mask);
    c->free_mask &= ~(1u << i);
    if (c->free_mask == 0)
        avail_remove(gc, c);
    *zeroed = true;
    return &c->pages[i];
}

void gc_os_page_release(hli_gc *gc, gc_page *p) {
    page_reset(p, PG_POOL);
    p->next_pool = gc->pool;
    gc->pool = p;
    gc->pool_count++;
}

void gc_os_trim(hli_gc *gc, size_t keep_bytes) {
    while (gc->pool != NULL && gc->pool_count * PAGE_SIZE > keep_bytes) {
        gc_page *p = gc->pool;
        gc->pool = p->next_pool;
        gc->pool_count--;
        page_reset(p, PG_FREE);
        /* The kernel drops the page's memory; the next touch maps a zero page. */
        madvise(p->base, PAGE_SIZE, MADV_DONTNEED);
        gc->returned_bytes += PAGE_SIZE;
        hli_mem_uncharge(gc->mem, PAGE_SIZE);
        gc->charged -= PAGE_SIZE;
        gc_chunk *c = p->chunk;
        c->free_mask |= 1u << (uint32_t)(p - c->pages);
        if (c->free_mask == (1u << CHUNK_PAGES) - 1)
            chunk_unmap(gc, c);
        else
            avail_add(gc, c);
    }
}

/* ---- large blocks ------------------------------------------------------------------------------- */

gc_page *gc_os_large(hli_gc *gc, size_t size, hli_gc_kind kind) {
    size_t span = (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    if (!hli_mem_charge(gc->mem, span))
        return NULL;
    gc_page *p = hli_mem_alloc(gc->mem, sizeof *p);
    uint8_t *base = p != NULL ? os_map(span) : NULL;
    size_t off = 0;
    bool mapped = base != NULL;
    for (; mapped && off < span; off += PAGE_SIZE)
        mapped = gc_map_put(gc, ((uintptr_t)base + off) >> PAGE_SHIFT, p);
    if (!mapped) {
        for (size_t o = 0; o + PAGE_SIZE <= off; o += PAGE_SIZE)
            gc_map_remove(gc, ((uintptr_t)base + o) >> PAGE_SHIFT);
        if (base != NULL)
            munmap(base, span);
        hli_mem_free(gc->mem, p, sizeof *p);
        hli_mem_uncharge(gc->mem, span);
        return NULL;
    }
    gc->charged += span;
    p->base = base;
    p->chunk = NULL;
    p->size = size;
    p->span = span;
    p->block_size = 0;
    p->nblocks = 1;
    p->nlive = 1;
    p->kind = (uint8_t)kind;
    p->state = PG_LARGE;
    p->alloc_bits[0] = 1;
    /* The block is what it holds; the rest of the mapping is never touched, so never resident. */
    if (span > size) {
        HLI_POISON(base + size, span - size);
        HLI_VG_NOACCESS(base + size, span - size);
    }
    return p;
}

void gc_os_large_free(hli_gc *gc, gc_page *p) {
    for (size_t off = 0; off < p->span; off += PAGE_SIZE)
        gc_map_remove(gc, ((uintptr_t)p->base + off) >> PAGE_SHIFT);
    os_unmap(gc, p->base, p->span);
    hli_mem_uncharge(gc->mem, p->span);
    gc->charged -= p->span;
    hli_mem_free(gc->mem, p, sizeof *p);
}

void gc_os_destroy(hli_gc *gc) {
    while (gc->chunks != NULL)
        chunk_unmap(gc, gc->chunks);
    gc->pool = NULL;
    gc->pool_count = 0;
    hli_mem_free(gc->mem, gc->map_keys, gc->map_cap * sizeof *gc->map_keys);
    hli_mem_free(gc->mem, gc->map_vals, gc->map_cap * sizeof *gc->map_vals);
    gc->map_keys = NULL;
    gc->map_vals = NULL;
    gc->map_cap = gc->map_count = 0;
}
