/* Test harness for the runtime object model (src/rt): a VM, a linked program and a thread built
 * directly from a module made with hlbuilder, without the interpreter. Natives of the module named in
 * a table become C functions; they stand in for Haxe methods (hooks such as __string) because the
 * harness's hli_call_fn only calls natives. rt_harness_exec.c supplies the exec-layer functions that
 * src/rt calls (hli_alloc, hli_throw*, hli_call_fn, hli_call_closure). */
#ifndef RT_HARNESS_H
#define RT_HARNESS_H

#include <stdio.h>

#include "hlbuilder.h"
#include "rt/rt.h"

extern int rth_failures;

#define CHECK(cond, ...)                                                              \
    do {                                                                              \
        if (!(cond)) {                                                                \
            rth_failures++;                                                           \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                             \
            fputc('\n', stderr);                                                      \
        }                                                                             \
    } while (0)

/* A native of the test module implemented in C (matched by name, library "test"). */
typedef struct rth_native {
    const char *name;
    hli_native_fn fn;
} rth_native;

typedef struct rth {
    hlffi_vm *vm;
    hli_thread *th;
    hli_module *m;
    hli_program *p;
    void *extra_roots[64]; /* test values kept alive across collections */
} rth;

/* Writes and loads b, builds the program (natives from the NULL-terminated table), links the runtime
 * types, creates the collector and a thread. Returns false (with a message) on failure. */
bool rth_open(rth *h, hlb_builder *b, const rth_native *natives);
void rth_close(rth *h);
/* Collects at every `every`-th allocation (0: off). */
void rth_stress(rth *h, uint32_t every);

/* The type of module type index i. */
hli_type *rth_type(rth *h, int32_t i);
/* The pending exception's message as UTF-8 ("" when none or not a bytes box), and clears it. */
const char *rth_exc(rth *h);
/* UTF-8 of a UTF-16 string (static buffer, overwritten by the next call). */
const char *rth_u8(const hli_uchar *s);
/* A UTF-16 copy of an ASCII/UTF-8 string (static rotating buffers). */
const hli_uchar *rth_u16(const char *s);
/* Std.string of v as UTF-8 ("<exception: msg>" if printing threw). */
const char *rth_str(rth *h, vdynamic *v);
/* The hash of an ASCII name (registered). */
int32_t rth_hash(rth *h, const char *name);
/* A new String value. */
vstring *rth_string(rth *h, const char *s);

#endif
