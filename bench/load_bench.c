/* Load + verify benchmark: for each .hl file, the throughput of hli_module_load + hli_verify_module in
 * MB/s (best of several rounds) and the peak memory they allocate relative to the file size. Prints
 * figures only; it never decides pass or fail. usage: load_bench FILE.hl... */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "load/module.h"
#include "verify/verify.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static unsigned char *read_file(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    unsigned char *buf = n > 0 ? malloc((size_t)n) : NULL;
    if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *size = (size_t)n;
    return buf;
}

/* One load + verify in a fresh allocator; returns false (and prints why) when the file is rejected. */
static bool load_verify(const unsigned char *data, size_t size, size_t *peak) {
    hli_mem mem;
    hli_mem_init(&mem, 0);
    hli_error err;
    hli_error_clear(&err);
    hli_module *m = hli_module_load(data, size, &mem, &err);
    if (m != NULL) {
        size_t budget = size * HLI_LOAD_MEMORY_FACTOR + HLI_LOAD_MEMORY_SLACK;
        hli_verify_module(m, &mem, budget - (m->arena_used + m->image_size), &err);
        hli_module_free(m);
    }
    *peak = mem.peak;
    if (err.code != HLFFI_OK) {
        fprintf(stderr, "rejected: %s\n", err.text);
        return false;
    }
    return true;
}

int main(int argc, char **argv) {
    printf("%-36s %10s %10s %12s %10s\n", "file", "bytes", "MB/s", "peak bytes", "peak/size");
    for (int a = 1; a < argc; a++) {
        size_t size = 0, peak = 0;
        unsigned char *data = read_file(argv[a], &size);
        if (data == NULL) {
            fprintf(stderr, "cannot read %s\n", argv[a]);
            continue;
        }
        if (!load_verify(data, size, &peak)) {
            free(data);
            continue;
        }
        /* Enough rounds for ~0.3 s, best round reported (the machine is shared and noisy). */
        double best = 1e30;
        int rounds = 0;
        double start = now();
        while (rounds < 5 || (now() - start < 0.3 && rounds < 1000)) {
            double t0 = now();
            load_verify(data, size, &peak);
            double t = now() - t0;
            if (t < best)
                best = t;
            rounds++;
        }
        const char *name = argv[a];
        for (const char *p = argv[a]; *p; p++)
            if (*p == '/')
                name = p + 1;
        printf("%-36s %10zu %10.1f %12zu %9.2fx\n", name, size, (double)size / best / 1e6, peak,
               (double)peak / (double)size);
        free(data);
    }
    return 0;
}
