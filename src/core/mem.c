/* The allocation choke point (see mem.h). Sizes are passed back on free so that accounting needs no
 * per-block header. */
#define _POSIX_C_SOURCE 200809L /* posix_memalign */
#include "core/mem.h"

#include <stdlib.h>
#include <string.h>

void hli_mem_init(hli_mem *mem, size_t limit) {
    mem->used = 0;
    mem->peak = 0;
    mem->limit = limit;
    mem->allocations = 0;
    mem->fail_at = 0;
}

/* The accounting every allocation goes through: limit, failure injection, counters. */
static bool admit(hli_mem *mem, size_t n) {
    if (mem->limit != 0 && (n > mem->limit || mem->used > mem->limit - n))
        return false;
    if (mem->fail_at != 0 && mem->allocations + 1 == mem->fail_at) {
        mem->allocations++; /* count the failed attempt so that a sweep moves on */
        return false;
    }
    return true;
}

static void *admitted(hli_mem *mem, void *p, size_t n) {
    if (p == NULL)
        return NULL;
    mem->allocations++;
    mem->used += n;
    if (mem->used > mem->peak)
        mem->peak = mem->used;
    return p;
}

void *hli_mem_alloc(hli_mem *mem, size_t n) {
    if (n == 0 || !admit(mem, n))
        return NULL;
    return admitted(mem, calloc(1, n), n);
}

void *hli_mem_alloc_aligned(hli_mem *mem, size_t n, size_t align) {
    if (n == 0 || !admit(mem, n))
        return NULL;
    void *p = NULL;
    if (posix_memalign(&p, align, n) != 0)
        return NULL;
    memset(p, 0, n);
    return admitted(mem, p, n);
}

void *hli_mem_array(hli_mem *mem, size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    return hli_mem_alloc(mem, count * size);
}

void hli_mem_free(hli_mem *mem, void *p, size_t n) {
    if (p == NULL)
        return;
    mem->used -= n;
    free(p);
}

bool hli_mem_charge(hli_mem *mem, size_t n) {
    if (n == 0 || !admit(mem, n))
        return false;
    admitted(mem, mem, n); /* any non-NULL pointer: only the counters matter */
    return true;
}

void hli_mem_uncharge(hli_mem *mem, size_t n) { mem->used -= n; }
