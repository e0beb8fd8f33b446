/* Replays inputs that once crashed or misled the loader, the verifier or the interpreter
 * (tests/regression/crashers/<name>.bin, found by the fuzzer or mutate_corpus): each must now be
 * accepted or rejected cleanly, with the promises fuzz_load checks (a known error code with a message,
 * nothing left allocated, load + verify peak memory within 8 x size + 64 KiB); an accepted one is also
 * run as mutate_corpus --run runs it (exec_variant.c: limits, system natives denied, output dropped,
 * stdin from /dev/null) and must end in a documented outcome.
 * Usage: replay_crashers PATH...   (files, or directories whose *.bin and *.hl files are replayed) */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "exec_variant.h"
#include "load/module.h"
#include "verify/verify.h"

static int replayed, broken;

static bool read_file(const char *path, uint8_t **data, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return false;
    size_t cap = 1 << 16, n = 0;
    uint8_t *d = malloc(cap);
    while (d != NULL) {
        n += fread(d + n, 1, cap - n, f);
        if (n < cap)
            break;
        cap *= 2;
        uint8_t *nd = realloc(d, cap);
        if (nd == NULL)
            free(d);
        d = nd;
    }
    fclose(f);
    if (d == NULL)
        return false;
    *data = d;
    *size = n;
    return true;
}

static void replay(const char *path) {
    uint8_t *data;
    size_t size;
    if (!read_file(path, &data, &size)) {
        fprintf(stderr, "%s: cannot read\n", path);
        broken++;
        return;
    }
    replayed++;
    hli_mem mem;
    hli_mem_init(&mem, 0);
    hli_error err;
    hli_error_clear(&err);
    size_t budget = size * HLI_LOAD_MEMORY_FACTOR + HLI_LOAD_MEMORY_SLACK;
    hlffi_error_code rc;
    hli_module *m = hli_module_load(data, size, &mem, &err);
    if (m == NULL) {
        rc = err.code;
    } else {
        size_t used = m->arena_used + m->image_size;
        rc = hli_verify_module(m, &mem, budget > used ? budget - used : 1, &err);
        hli_module_free(m);
    }
    exec_result run = {.outcome = EXEC_OUTCOMES};
    if (rc == HLFFI_OK) {
        exec_limits limits = EXEC_LIMITS_DEFAULT;
        exec_variant(data, size, &limits, &run);
    }
    free(data);
    const char *problem = NULL;
    if (rc != HLFFI_OK && rc != HLFFI_ERROR_INVALID_BYTECODE && rc != HLFFI_ERROR_VERIFICATION_FAILED &&
        rc != HLFFI_ERROR_OUT_OF_MEMORY)
        problem = "unexpected error code";
    else if (rc != HLFFI_OK && err.text[0] == 0)
        problem = "rejected without a message";
    else if (mem.used != 0)
        problem = "memory still allocated after hli_module_free";
    else if (mem.peak > budget)
        problem = "peak memory over 8 x size + 64 KiB";
    else if (run.outcome == EXEC_BROKEN)
        problem = "its execution broke a promise";
    printf("%s: %s (code %d%s%s; peak %zu of %zu)\n", path, problem ? problem : "ok", (int)rc,
           err.text[0] ? ": " : "", err.text, mem.peak, budget);
    if (run.outcome != EXEC_OUTCOMES)
        printf("  run: %s%s%s\n", exec_outcome_names[run.outcome], run.text[0] ? ": " : "", run.text);
    if (problem)
        broken++;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool wanted(const char *name) {
    size_t n = strlen(name);
    return (n > 4 && strcmp(name + n - 4, ".bin") == 0) || (n > 3 && strcmp(name + n - 3, ".hl") == 0);
}

static void replay_dir(const char *dir) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        fprintf(stderr, "%s: cannot open\n", dir);
        broken++;
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !wanted(e->d_name))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *names);
            if (nn == NULL)
                break;
            names = nn;
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (n > 0)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        replay(path);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH...\n", argv[0]);
        return 2;
    }
    if (exec_stdin_from_null() != 0) {
        fprintf(stderr, "replay_crashers: cannot redirect stdin from /dev/null\n");
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "%s: does not exist\n", argv[i]);
            broken++;
        } else if (S_ISDIR(st.st_mode)) {
            replay_dir(argv[i]);
        } else {
            replay(argv[i]);
        }
    }
    printf("replay_crashers: %d input(s) replayed, %d broken\n", replayed, broken);
    return broken ? 1 : 0;
}
