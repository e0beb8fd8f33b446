/* The allocation choke point: every byte the library allocates goes through an hli_mem, which
 * counts it, enforces an optional limit and can inject failures for tests. */
#ifndef HLI_CORE_MEM_H
#define HLI_CORE_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

typedef struct hli_mem {
    size_t used;          /* bytes currently allocated through this context */
    size_t peak;          /* highest value `used` reached */
    size_t limit;         /* 0 = unlimited; an allocation that would pass it fails */
    uint64_t allocations; /* number of successful allocations so far */
    uint64_t fail_at;     /* failure injection: allocation number fail_at (1-based) fails; 0 = off */
} hli_mem;

HLI_INTERNAL void hli_mem_init(hli_mem *mem, size_t limit);
/* Zeroed memory of n bytes, or NULL on exhaustion, limit or injected failure. n == 0 gives NULL. */
HLI_INTERNAL void *hli_mem_alloc(hli_mem *mem, size_t n);
/* Zeroed array of count elements of size bytes each, checking the product for overflow. */
HLI_INTERNAL void *hli_mem_array(hli_mem *mem, size_t count, size_t size);
/* Frees a block from hli_mem_alloc; n must be the size it was allocated with. NULL is fine. */
HLI_INTERNAL void hli_mem_free(hli_mem *mem, void *p, size_t n);
/* Zeroed memory of n bytes aligned to `align` (a power of two, at least sizeof(void*)); freed with
 * hli_mem_free like any other block. */
HLI_INTERNAL void *hli_mem_alloc_aligned(hli_mem *mem, size_t n, size_t align);
/* Accounts n bytes the caller maps itself (the collector's pages: src/gc/gc_os.c) as hli_mem_alloc
 * would: limit, failure injection, counters. False when refused; hli_mem_uncharge gives them back. */
HLI_INTERNAL bool hli_mem_charge(hli_mem *mem, size_t n);
HLI_INTERNAL void hli_mem_uncharge(hli_mem *mem, size_t n);

#endif
