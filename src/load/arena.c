/* Module arena (see arena.h). Chunks grow geometrically up to 1 MiB; a large request gets a chunk of
 * its own. */
#include "load/arena.h"

#include <stdint.h>

struct hli_arena_chunk {
    hli_arena_chunk *next;
    size_t size; /* usable bytes after the header */
    size_t pos;  /* bytes handed out */
    _Alignas(16) unsigned char data[];
};

#define CHUNK_MIN ((size_t)4 << 10)
#define CHUNK_MAX ((size_t)1 << 20)

void hli_arena_init(hli_arena *a, hli_mem *mem, size_t budget) {
    a->mem = mem;
    a->chunks = NULL;
    a->used = 0;
    a->budget = budget;
}

void *hli_arena_array(hli_arena *a, size_t count, size_t size) {
    if (count == 0 || size == 0)
        return NULL;
    if (count > SIZE_MAX / size / 2)
        return NULL;
    size_t n = (count * size + 7) & ~(size_t)7;
    hli_arena_chunk *c = a->chunks;
    if (c == NULL || c->size - c->pos < n) {
        size_t want = c == NULL ? CHUNK_MIN : c->size * 2;
        if (want > CHUNK_MAX)
            want = CHUNK_MAX;
        if (want < n)
            want = n;
        /* Budget: never hand out chunk space beyond what the budget allows. */
        size_t room = a->budget > a->used ? a->budget - a->used : 0;
        if (room < sizeof(hli_arena_chunk) + n)
            return NULL;
        if (want > room - sizeof(hli_arena_chunk))
            want = room - sizeof(hli_arena_chunk);
        hli_arena_chunk *nc = hli_mem_alloc(a->mem, sizeof(hli_arena_chunk) + want);
        if (nc == NULL)
            return NULL;
        nc->size = want;
        nc->pos = 0;
        nc->next = a->chunks;
        a->chunks = nc;
        a->used += sizeof(hli_arena_chunk) + want;
        c = nc;
    }
    void *p = c->data + c->pos;
    c->pos += n;
    return p; /* chunks come zeroed from hli_mem_alloc and are never reused */
}

void hli_arena_free_chunks(hli_mem *mem, hli_arena_chunk *chunks) {
    while (chunks != NULL) {
        hli_arena_chunk *next = chunks->next;
        hli_mem_free(mem, chunks, sizeof(hli_arena_chunk) + chunks->size);
        chunks = next;
    }
}
