/* Reads a block after the collection that freed it (with --read-after-sweep): memcheck, told of the
 * collector's blocks by its client requests, and AddressSanitizer, through the poisoning of swept
 * blocks, must both report the read (tests/gc/CMakeLists.txt). Without the flag it only checks that
 * a live neighbour is still readable. */
#include "gc/gc.h"

#include <stdio.h>
#include <string.h>

static void *keep;

static void roots(hli_gc *gc, void *ctx) {
    (void)ctx;
    hli_gc_mark(gc, keep);
}

int main(int argc, char **argv) {
    hli_mem mem;
    hli_mem_init(&mem, 0);
    hli_gc *gc = hli_gc_create(&mem, roots, NULL, NULL);
    int *dead = hli_gc_alloc(gc, 64, HLI_GC_NOPTR);
    keep = hli_gc_alloc(gc, 64, HLI_GC_NOPTR); /* keeps the page in use */
    dead[3] = 7;
    ((int *)keep)[3] = 8;
    hli_gc_collect(gc);
    int v = ((volatile int *)keep)[3];
    if (argc > 1 && strcmp(argv[1], "--read-after-sweep") == 0)
        v += ((volatile int *)dead)[3];
    printf("read %d\n", v);
    hli_gc_destroy(gc);
    return v == 8 ? 0 : 1;
}
