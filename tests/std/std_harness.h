/* Test harness for the std natives: a real VM (loader, linker, collector, interpreter) on a small module
 * made with hlbuilder that provides Haxe comparators for the sort natives; natives are called directly
 * through the registry (hli_std_find) with argument slots built in C. */
#ifndef STD_HARNESS_H
#define STD_HARNESS_H

#include <stdio.h>

#include "hlbuilder.h"
#include "rt/rt.h"
#include "std/std_internal.h"

extern int sth_failures;

#define CHECK(cond, ...)                                                              \
    do {                                                                              \
        if (!(cond)) {                                                                \
            sth_failures++;                                                           \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                             \
            fputc('\n', stderr);                                                      \
        }                                                                             \
    } while (0)

typedef struct sth {
    hlffi_vm *vm;
    hli_thread *th;
    /* findexes of the module's functions */
    int32_t cmp_i32;      /* (a, b) -> a - b */
    int32_t cmp_f64;      /* (a, b) -> a < b ? -1 : a > b ? 1 : 0 */
    int32_t cmp_minus1;   /* (a, b) -> -1 */
    int32_t cmp_plus1;    /* (a, b) -> 1 */
    int32_t cmp_throw;    /* (a, b) -> throw 42 */
    /* what the natives printed through the print hook */
    char out[8192];
    size_t outlen;
} sth;

/* Builds and loads the module, with program arguments argv[0..argc) and the collector in stress mode
 * (a collection at every allocation) when asked. Returns false with a message on failure. */
bool sth_open(sth *h, int argc, char **argv, bool stress);
void sth_close(sth *h);

/* Calls native std@name (which must exist) with args; the result in *ret. */
hli_status sth_call(sth *h, const char *name, hli_reg *args, hli_reg *ret);
/* The pending exception's message as UTF-8 ("" when none or not a runtime error) and clears it. */
const char *sth_exc(sth *h);
/* The shared closure of function findex (not GC memory). */
vclosure *sth_closure(sth *h, int32_t findex);

/* UTF-16 -> UTF-8 of n units (n < 0: up to the NUL), in a static rotating buffer. */
const char *sth_u8(const hli_uchar *s, int32_t n);
/* A UTF-16 copy of UTF-8 text (valid UTF-8 only) in a static rotating buffer, NUL-terminated;
 * *n receives the units if n != NULL. */
hli_uchar *sth_u16(const char *s, int32_t *n);
/* A GC copy of the UTF-16 of s (for natives that keep their argument, such as map keys). Unrooted. */
hli_uchar *sth_gc_u16(sth *h, const char *s);

#endif
