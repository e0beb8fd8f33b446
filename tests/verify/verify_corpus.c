/* Loads and verifies real .hl files (what the Haxe compiler produced): every one must pass, within the
 * memory budget the API gives (8 x the file size + 64 KiB for load + verify). Prints one line per
 * rejection, and a summary with the work bound used, the memory peak and the load+verify speed.
 * Usage: verify_corpus [-v] [-t] FILE_OR_DIR...   (directories: every *.hl inside, not recursive)
 *   -v  one line per file;  -t  repeat each file for at least 50 ms for a steadier speed figure;
 *   -m N  also verify N operand mutants of each file (see mutate_file) */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/mem.h"
#include "load/module.h"
#include "verify/verify.h"

static int verbose, timing, mutations;
static unsigned nfiles, nrejected, nload_failed;
static double total_seconds, total_mb;
static double max_fuel_ratio; /* fuel used / fuel limit */
static double max_fuel_per_byte;
static double max_peak_ratio; /* load + verify peak / (8 x size + 64 KiB) */

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static unsigned char *read_file(const char *path, size_t *size) {
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    unsigned char *buf = malloc(n > 0 ? (size_t)n : 1);
    if (buf != NULL && n > 0 && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(fp);
    *size = (size_t)(n > 0 ? n : 0);
    return buf;
}

/* ---- Operand mutation (-m N): N variants of each file, each with one 1-byte operand of one op
 * replaced by a random 0..127 value. The structure stays valid, so the loader accepts the variant
 * and the verifier sees well-formed code with a random register, index or jump offset: it must
 * accept or reject it cleanly (run under sanitizers). ---------------------------------------------- */

static unsigned long mutants, mutants_accepted, mutants_rejected;
static uint32_t mrng = 2463534242u;

static uint32_t mrand(void) {
    mrng ^= mrng << 13;
    mrng ^= mrng >> 17;
    mrng ^= mrng << 5;
    return mrng;
}

/* Skips a vi at p; returns the byte after it. */
static const uint8_t *skip_vi(const uint8_t *p) {
    return (*p & 0x80) == 0 ? p + 1 : (*p & 0x40) == 0 ? p + 2 : p + 4;
}

/* Reads a vi at *p (advancing it). */
static int32_t read_vi(const uint8_t **p) {
    const uint8_t *s = *p;
    *p = skip_vi(s);
    if ((s[0] & 0x80) == 0)
        return s[0];
    if ((s[0] & 0x40) == 0)
        return (s[0] & 0x20) ? -((s[0] & 0x1F) << 8 | s[1]) : ((s[0] & 0x1F) << 8 | s[1]);
    int32_t v = (int32_t)((uint32_t)(s[0] & 0x1F) << 24 | (uint32_t)s[1] << 16 | (uint32_t)s[2] << 8 | s[3]);
    return (s[0] & 0x20) ? -v : v;
}

/* Records the vi at *p if it is a 1-byte form, and skips it. */
static void operand(const hli_module *m, const uint8_t **p, uint32_t *out, size_t *n, size_t cap) {
    if ((**p & 0x80) == 0 && *n < cap)
        out[(*n)++] = (uint32_t)(*p - m->image);
    *p = skip_vi(*p);
}

/* Collects the image offsets of every 1-byte operand of every op into out (at most cap); counts that
 * shape the encoding (the OCallN-family byte, OSwitch's count) are left alone. */
static size_t operand_bytes(const hli_module *m, uint32_t *out, size_t cap) {
    size_t n = 0;
    for (uint32_t i = 0; i < m->nfunctions; i++) {
        const hli_function *f = &m->functions[i];
        const uint8_t *p = m->image + f->code_offset;
        for (uint32_t k = 0; k < f->nops; k++) {
            hli_opcode op = (hli_opcode)*p++;
            int enc = hli_opcode_encoding(op);
            if (enc >= 0) {
                for (int j = 0; j < enc; j++)
                    operand(m, &p, out, &n, cap);
            } else if (enc == HLI_ENC_VAR) {
                operand(m, &p, out, &n, cap);
                operand(m, &p, out, &n, cap);
                int count = *p++;
                for (int j = 0; j < count; j++)
                    operand(m, &p, out, &n, cap);
            } else { /* OSwitch: register, count, offsets, end */
                operand(m, &p, out, &n, cap);
                int32_t count = read_vi(&p);
                for (int32_t j = 0; j < count; j++)
                    operand(m, &p, out, &n, cap);
                operand(m, &p, out, &n, cap);
            }
        }
    }
    return n;
}

static void mutate_file(const char *path, const unsigned char *data, size_t size, int variants) {
    hli_mem mem;
    hli_mem_init(&mem, 0);
    hli_error err;
    hli_error_clear(&err);
    hli_module *m = hli_module_load(data, size, &mem, &err);
    if (m == NULL)
        return;
    size_t cap = size, n;
    uint32_t *pos = malloc(cap * sizeof *pos);
    n = pos ? operand_bytes(m, pos, cap) : 0;
    hli_module_free(m);
    unsigned char *copy = malloc(size);
    for (int v = 0; v < variants && n > 0 && copy != NULL; v++) {
        memcpy(copy, data, size);
        copy[pos[mrand() % n]] = (unsigned char)(mrand() & 0x7F);
        hli_mem_init(&mem, 0);
        hli_error_clear(&err);
        m = hli_module_load(copy, size, &mem, &err);
        if (m == NULL)
            continue;
        size_t budget = size * HLI_LOAD_MEMORY_FACTOR + HLI_LOAD_MEMORY_SLACK;
        size_t used = m->arena_used + m->image_size;
        hlffi_error_code rc = hli_verify_module(m, &mem, budget > used ? budget - used : 1, &err);
        hli_module_free(m);
        mutants++;
        if (rc == HLFFI_OK)
            mutants_accepted++;
        else if (rc == HLFFI_ERROR_VERIFICATION_FAILED && strstr(err.text, " [") != NULL)
            mutants_rejected++;
        else {
            printf("MUTANT FAILED %s variant %d: code %d: %s\n", path, v, (int)rc, err.text);
            nrejected++;
        }
        if (mem.used != 0) {
            printf("MUTANT LEAK %s variant %d: %zu bytes\n", path, v, mem.used);
            nrejected++;
        }
    }
    free(copy);
    free(pos);
}

/* Loads and verifies one file; timing covers both, repeated to get a measurable duration. */
static void check_file(const char *path) {
    size_t size;
    unsigned char *data = read_file(path, &size);
    if (data == NULL) {
        printf("UNREADABLE %s\n", path);
        nload_failed++;
        return;
    }
    nfiles++;
    hli_mem mem;
    hli_mem_init(&mem, 0);
    hli_error err;
    hli_error_clear(&err);
    double t0 = now();
    int reps = 0;
    hli_verify_stats st;
    hlffi_error_code rc;
    do {
        hli_error_clear(&err);
        hli_module *m = hli_module_load(data, size, &mem, &err);
        if (m == NULL) {
            printf("LOAD FAILED %s: %s\n", path, err.text);
            nload_failed++;
            free(data);
            return;
        }
        /* The budget hlffi_load_memory gives the verifier: what is left of 8 x the file size + 64 KiB
         * after the loader's tables and image. */
        size_t budget = size * HLI_LOAD_MEMORY_FACTOR + HLI_LOAD_MEMORY_SLACK;
        size_t used = m->arena_used + m->image_size;
        rc = hli_verify_module_stats(m, &mem, budget > used ? budget - used : 1, &err, &st);
        hli_module_free(m);
        reps++;
    } while (timing && rc == HLFFI_OK && now() - t0 < 0.05 && reps < 50);
    double dt = (now() - t0) / reps;
    total_seconds += dt;
    total_mb += (double)size / 1e6;
    double peak_ratio = (double)mem.peak / (double)(size * HLI_LOAD_MEMORY_FACTOR + HLI_LOAD_MEMORY_SLACK);
    if (peak_ratio > max_peak_ratio)
        max_peak_ratio = peak_ratio;
    double ratio = st.fuel_limit ? (double)st.fuel_used / (double)st.fuel_limit : 0;
    if (ratio > max_fuel_ratio)
        max_fuel_ratio = ratio;
    double per_byte = size ? (double)st.fuel_used / (double)size : 0;
    if (per_byte > max_fuel_per_byte)
        max_fuel_per_byte = per_byte;
    if (rc != HLFFI_OK) {
        nrejected++;
        printf("REJECTED %s: %s\n", path, err.text);
    } else if (verbose)
        printf("ok %s: %zu bytes, %u functions, %llu ops, %.2f ms (%.1f MB/s), temp %zu bytes, fuel %llu (%.2f/byte)\n",
               path, size, st.functions, (unsigned long long)st.ops, dt * 1e3, (double)size / 1e6 / dt,
               st.temp_bytes, (unsigned long long)st.fuel_used, per_byte);
    if (mutations > 0)
        mutate_file(path, data, size, mutations);
    free(data);
}

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
            mutations = atoi(argv[++i]);
            continue;
        }
        if (strcmp(argv[i], "-v") == 0 || strcmp(argv[i], "-t") == 0) {
            verbose |= argv[i][1] == 'v';
            timing |= argv[i][1] == 't';
            continue;
        }
        DIR *d = opendir(argv[i]);
        if (d == NULL) {
            check_file(argv[i]);
            continue;
        }
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (!ends_with(e->d_name, ".hl"))
                continue;
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
            check_file(path);
        }
        closedir(d);
    }
    printf("verify_corpus: %u files, %u rejected, %u not loaded; %.1f MB in %.3f s (%.1f MB/s load+verify); "
           "work bound use max %.4f%% (%.1f units/byte); memory peak max %.0f%% of the budget\n",
           nfiles, nrejected, nload_failed, total_mb, total_seconds, total_seconds > 0 ? total_mb / total_seconds : 0,
           max_fuel_ratio * 100, max_fuel_per_byte, max_peak_ratio * 100);
    if (mutations > 0)
        printf("verify_corpus: %lu operand mutants: %lu accepted, %lu rejected\n", mutants, mutants_accepted,
               mutants_rejected);
    return (nrejected || nload_failed || nfiles == 0) ? 1 : 0;
}
