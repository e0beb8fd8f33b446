/* A bump allocator for a module's tables: many small arrays, all freed together, with a byte budget
 * so that no file can make the loader allocate more than a fixed multiple of its size. */
#ifndef HLI_LOAD_ARENA_H
#define HLI_LOAD_ARENA_H

#include <stddef.h>

#include "core/mem.h"

typedef struct hli_arena_chunk hli_arena_chunk;

typedef struct hli_arena {
    hli_mem *mem;
    hli_arena_chunk *chunks; /* newest first */
    size_t used;             /* bytes handed out plus chunk overhead */
    size_t budget;           /* used never exceeds this */
} hli_arena;

HLI_INTERNAL void hli_arena_init(hli_arena *a, hli_mem *mem, size_t budget);
/* Zeroed, 8-aligned memory for count x size bytes, or NULL when the budget or memory is exhausted. */
HLI_INTERNAL void *hli_arena_array(hli_arena *a, size_t count, size_t size);
HLI_INTERNAL void hli_arena_free_chunks(hli_mem *mem, hli_arena_chunk *chunks);

#endif
