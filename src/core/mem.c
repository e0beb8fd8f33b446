/* The allocation choke point (see mem.h). Sizes are passed back on free so that accounting needs no
 * per-block header. */
#include "core/mem.h"

#include <stdlib.h>

void hli_mem_init(hli_mem *mem, size_t limit) {
    mem->used = 0;
    mem->peak = 0;
    mem->limit = limit;
    mem->allocations = 0;
    mem->fail_at = 0;
}

void *hli_mem_alloc(hli_mem *mem, size_t n) {
    if (n == 0)
        return NULL;
    if (mem->limit != 0 && (n > mem->limit || mem->used > mem->limit - n))
        return NULL;
    if (mem->fail_at != 0 && mem->allocations + 1 == mem->fail_at) {
        mem->allocations++; /* count the failed attempt so that a sweep moves on */
        return NULL;
    }
    void *p = calloc(1, n);
    if (p == NULL)
        return NULL;
    mem->allocations++;
    mem->used += n;
    if (mem->used > mem->peak)
        mem->peak = mem->used;
    return p;
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
