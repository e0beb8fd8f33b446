/* Interpreter core tests on modules built in C (tests/support/hlbuilder.h), needing no natives:
 * calls and recursion (100,000 deep), runaway recursion caught as "Stack overflow", exceptions
 * across frames, HashLink's integer and float-to-int semantics (hl-spec.md 3.3), and a GC-stress run.
 * Expected values come from hl-spec.md 3.3 (x86 semantics, "[verified]" clauses). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exec/exec.h"
#include "hlbuilder.h"
#include "rt/rt.h"

static int failures;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                          \
        }                                                                        \
    } while (0)

/* Loads b into a fresh VM and prepares it to run; NULL (with a message) on failure. */
static hlffi_vm *load(hlb_builder *b) {
    size_t size = 0;
    uint8_t *bytes = hlb_write(b, &size);
    hlffi_vm *vm = hlffi_create();
    if (hlffi_load_memory(vm, bytes, size) != HLFFI_OK || hli_prepare(vm) != HLFFI_OK) {
        fprintf(stderr, "load failed: %s\n", hlffi_get_error(vm));
        failures++;
        hlffi_destroy(vm);
        vm = NULL;
    }
    free(bytes);
    return vm;
}

/* Calls findex with i32 arguments; returns the status, the result in *out. */
static hli_status call_i(hlffi_vm *vm, int32_t findex, int32_t *out, int n, int32_t a0, int32_t a1) {
    hli_reg args[2], ret;
    args[0].i64 = 0, args[1].i64 = 0;
    args[0].i = a0, args[1].i = a1;
    hli_status st = hli_call_fn(vm->main_thread, &vm->prog->fns[findex], args, (uint32_t)n, &ret);
    *out = ret.i;
    return st;
}

static void test_fib_and_deep_recursion(void) {
    hlb_std s;
    hlb_builder *b = hlb_minimal(4, false, &s);
    int32_t tii = hlb_type_fun(b, s.ti32, 1, s.ti32);
    int32_t fib = hlb_add_function(b, tii, HLB_AUTO, 5, s.ti32, s.ti32, s.ti32, s.ti32, s.ti32);
    int32_t ffib = hlb_fn(b, fib)->findex;
    hlb_emit(b, fib, OInt, 1, hlb_int(b, 2), 0);
    hlb_emit(b, fib, OJSGte, 0, 1, 1);
    hlb_emit(b, fib, ORet, 0, 0, 0);
    hlb_emit(b, fib, OInt, 2, hlb_int(b, 1), 0);
    hlb_emit(b, fib, OSub, 3, 0, 2);
    hlb_emit_call(b, fib, 3, ffib, 1, 3);
    hlb_emit(b, fib, OSub, 2, 0, 1);
    hlb_emit_call(b, fib, 2, ffib, 1, 2);
    hlb_emit(b, fib, OAdd, 4, 3, 2);
    hlb_emit(b, fib, ORet, 4, 0, 0);
    /* count(n) = n == 0 ? 0 : count(n - 1) + 1, not tail-recursive */
    int32_t cnt = hlb_add_function(b, tii, HLB_AUTO, 4, s.ti32, s.ti32, s.ti32, s.ti32);
    int32_t fcnt = hlb_fn(b, cnt)->findex;
    hlb_emit(b, cnt, OInt, 1, hlb_int(b, 0), 0);
    hlb_emit(b, cnt, OJNotEq, 0, 1, 1);
    hlb_emit(b, cnt, ORet, 1, 0, 0);
    hlb_emit(b, cnt, OInt, 2, hlb_int(b, 1), 0);
    hlb_emit(b, cnt, OSub, 3, 0, 2);
    hlb_emit_call(b, cnt, 3, fcnt, 1, 3);
    hlb_emit(b, cnt, OAdd, 3, 3, 2);
    hlb_emit(b, cnt, ORet, 3, 0, 0);
    /* inf(n) = inf(n + 1): runaway recursion */
    int32_t inf = hlb_add_function(b, tii, HLB_AUTO, 2, s.ti32, s.ti32);
    int32_t finf = hlb_fn(b, inf)->findex;
    hlb_emit(b, inf, OInt, 1, hlb_int(b, 1), 0);
    hlb_emit(b, inf, OAdd, 0, 0, 1);
    hlb_emit_call(b, inf, 0, finf, 1, 0);
    hlb_emit(b, inf, ORet, 0, 0, 0);
    /* catcher(x) = try inf(x) catch (e) 42 */
    int32_t cat = hlb_add_function(b, tii, HLB_AUTO, 4, s.ti32, s.tdyn, s.ti32, s.ti32);
    int32_t fcat = hlb_fn(b, cat)->findex;
    hlb_emit(b, cat, OTrap, 1, 4, 0);
    hlb_emit(b, cat, OMov, 2, 0, 0);
    hlb_emit_call(b, cat, 2, finf, 1, 2);
    hlb_emit(b, cat, OEndTrap, 0, 0, 0);
    hlb_emit(b, cat, ORet, 2, 0, 0);
    hlb_emit(b, cat, OInt, 3, hlb_int(b, 42), 0);
    hlb_emit(b, cat, ORet, 3, 0, 0);
    hlffi_vm *vm = load(b);
    if (vm != NULL) {
        int32_t r = 0;
        CHECK(call_i(vm, ffib, &r, 1, 20, 0) == HLI_OK && r == 6765);
        CHECK(call_i(vm, fcnt, &r, 1, 100000, 0) == HLI_OK && r == 100000);
        CHECK(call_i(vm, fcat, &r, 1, 0, 0) == HLI_OK && r == 42);
        CHECK(vm->main_thread->nframes == 0 && vm->main_thread->ntraps == 0);
        /* Uncaught: the exception reaches the C caller as HLI_EXC, the thread is clean again. */
        CHECK(call_i(vm, finf, &r, 1, 0, 0) == HLI_EXC);
        CHECK(vm->main_thread->nframes == 0);
        /* The VM is usable afterwards. */
        CHECK(call_i(vm, ffib, &r, 1, 10, 0) == HLI_OK && r == 55);
        hlffi_destroy(vm);
    }
    hlb_free(b);
}

/* One (i32, i32) -> i32 function per arithmetic op. */
static void test_int_semantics(void) {
    static const int ops[] = {OSDiv, OSMod, OUDiv, OUMod, OShl, OSShr, OUShr, OMul, OSub};
    enum { N = sizeof ops / sizeof ops[0] };
    hlb_std s;
    hlb_builder *b = hlb_minimal(4, false, &s);
    int32_t tiii = hlb_type_fun(b, s.ti32, 2, s.ti32, s.ti32);
    int32_t fidx[N];
    for (int i = 0; i < N; i++) {
        int32_t f = hlb_add_function(b, tiii, HLB_AUTO, 3, s.ti32, s.ti32, s.ti32);
        fidx[i] = hlb_fn(b, f)->findex;
        hlb_emit(b, f, ops[i], 2, 0, 1);
        hlb_emit(b, f, ORet, 2, 0, 0);
    }
    int32_t tfi = hlb_type_fun(b, s.ti32, 1, s.tf64);
    int32_t toint = hlb_add_function(b, tfi, HLB_AUTO, 2, s.tf64, s.ti32);
    int32_t ftoint = hlb_fn(b, toint)->findex;
    hlb_emit(b, toint, OToInt, 1, 0, 0);
    hlb_emit(b, toint, ORet, 1, 0, 0);
    hlffi_vm *vm = load(b);
    if (vm != NULL) {
        int32_t r = 0;
        CHECK(call_i(vm, fidx[0], &r, 2, 7, 0) == HLI_OK && r == 0);                  /* Std.int(7/0) == 0 */
        CHECK(call_i(vm, fidx[0], &r, 2, INT32_MIN, -1) == HLI_OK && r == INT32_MIN); /* INT_MIN / -1 */
        CHECK(call_i(vm, fidx[0], &r, 2, -7, 2) == HLI_OK && r == -3);
        CHECK(call_i(vm, fidx[1], &r, 2, 7, 0) == HLI_OK && r == 0);                  /* 7 % 0 == 0 */
        CHECK(call_i(vm, fidx[1], &r, 2, -7, 3) == HLI_OK && r == -1);
        CHECK(call_i(vm, fidx[1], &r, 2, INT32_MIN, -1) == HLI_OK && r == 0);
        CHECK(call_i(vm, fidx[2], &r, 2, -1, 2) == HLI_OK && r == 0x7FFFFFFF);         /* unsigned */
        CHECK(call_i(vm, fidx[3], &r, 2, -1, 0) == HLI_OK && r == 0);
        CHECK(call_i(vm, fidx[4], &r, 2, 1, 33) == HLI_OK && r == 2);                  /* 1 << 33 == 2 */
        CHECK(call_i(vm, fidx[4], &r, 2, 1, 32) == HLI_OK && r == 1);
        CHECK(call_i(vm, fidx[5], &r, 2, -16, 2) == HLI_OK && r == -4);
        CHECK(call_i(vm, fidx[6], &r, 2, -1, 33) == HLI_OK && r == 0x7FFFFFFF);        /* -1 >>> 33 */
        CHECK(call_i(vm, fidx[7], &r, 2, 0x10000, 0x10000) == HLI_OK && r == 0);       /* wraps */
        CHECK(call_i(vm, fidx[8], &r, 2, INT32_MIN, 1) == HLI_OK && r == INT32_MAX);
        double cases[] = {NAN, 1e10, 2147483648.0, -2147483649.0, -1.9, 1.9};
        int32_t want[] = {INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, -1, 1};
        for (int i = 0; i < 6; i++) {
            hli_reg a, ret;
            a.d = cases[i];
            CHECK(hli_call_fn(vm->main_thread, &vm->prog->fns[ftoint], &a, 1, &ret) == HLI_OK && ret.i == want[i]);
        }
        hlffi_destroy(vm);
    }
    hlb_free(b);
}

/* thrower(x) throws x boxed; outer(x) catches it and returns the unboxed value + 1. */
static void test_exceptions(void) {
    hlb_std s;
    hlb_builder *b = hlb_minimal(4, false, &s);
    int32_t tii = hlb_type_fun(b, s.ti32, 1, s.ti32);
    int32_t thr = hlb_add_function(b, tii, HLB_AUTO, 2, s.ti32, s.tdyn);
    int32_t fthr = hlb_fn(b, thr)->findex;
    hlb_emit(b, thr, OToDyn, 1, 0, 0);
    hlb_emit(b, thr, OThrow, 1, 0, 0);
    int32_t mid = hlb_add_function(b, tii, HLB_AUTO, 1, s.ti32);
    int32_t fmid = hlb_fn(b, mid)->findex;
    hlb_emit_call(b, mid, 0, fthr, 1, 0);
    hlb_emit(b, mid, ORet, 0, 0, 0);
    int32_t out = hlb_add_function(b, tii, HLB_AUTO, 4, s.ti32, s.tdyn, s.ti32, s.ti32);
    int32_t fout = hlb_fn(b, out)->findex;
    hlb_emit(b, out, OTrap, 1, 3, 0);
    hlb_emit_call(b, out, 2, fmid, 1, 0);
    hlb_emit(b, out, OEndTrap, 0, 0, 0);
    hlb_emit(b, out, ORet, 2, 0, 0);
    hlb_emit(b, out, OSafeCast, 2, 1, 0);
    hlb_emit(b, out, OInt, 3, hlb_int(b, 1), 0);
    hlb_emit(b, out, OAdd, 2, 2, 3);
    hlb_emit(b, out, ORet, 2, 0, 0);
    hlffi_vm *vm = load(b);
    if (vm != NULL) {
        int32_t r = 0;
        CHECK(call_i(vm, fout, &r, 1, 41, 0) == HLI_OK && r == 42);
        hli_thread *th = vm->main_thread;
        CHECK(th->exc_stack_count == 3); /* thrower, mid, out */
        CHECK(th->nframes == 0 && th->ntraps == 0);
        hlffi_destroy(vm);
    }
    hlb_free(b);
}

/* loop(n): allocates n boxes, keeping only the last in a register, under GC stress. */
static void test_gc_stress_loop(void) {
    hlb_std s;
    hlb_builder *b = hlb_minimal(4, false, &s);
    int32_t tii = hlb_type_fun(b, s.ti32, 1, s.ti32);
    int32_t f = hlb_add_function(b, tii, HLB_AUTO, 5, s.ti32, s.ti32, s.tdyn, s.ti32, s.ti32);
    int32_t ff = hlb_fn(b, f)->findex;
    hlb_emit(b, f, OInt, 1, hlb_int(b, 0), 0);     /* 0: i = 0 */
    hlb_emit(b, f, OInt, 3, hlb_int(b, 0), 0);     /* 1: sum = 0 */
    hlb_emit(b, f, OLabel, 0, 0, 0);               /* 2 */
    hlb_emit(b, f, OJSGte, 1, 0, 5);               /* 3: if i >= n -> 9 */
    hlb_emit(b, f, OToDyn, 2, 1, 0);               /* 4: box i */
    hlb_emit(b, f, OSafeCast, 4, 2, 0);            /* 5: unbox */
    hlb_emit(b, f, OAdd, 3, 3, 4);                 /* 6 */
    hlb_emit(b, f, OIncr, 1, 0, 0);                /* 7 */
    hlb_emit(b, f, OJAlways, -7, 0, 0);            /* 8: -> 2 */
    hlb_emit(b, f, ORet, 3, 0, 0);                 /* 9 */
    hlffi_vm *vm = load(b);
    if (vm != NULL) {
        hli_gc_set_stress(vm->gc, 7, false);
        int32_t r = 0;
        CHECK(call_i(vm, ff, &r, 1, 2000, 0) == HLI_OK && r == 1999 * 2000 / 2);
        hli_gc_stats st;
        hli_gc_get_stats(vm->gc, &st);
        CHECK(st.collections > 100);
        hlffi_destroy(vm);
    }
    hlb_free(b);
}

/* Natives (hl-spec.md 6.5): a signature that differs from the VM's fails the load naming both; a
 * native nobody provides loads and throws "Primitive or library is missing" when called, unless the
 * VM is strict, where the load fails listing it. */
static void test_native_linking(void) {
    hlb_std s;
    hlb_builder *b = hlb_minimal(4, false, &s);
    int32_t tbad = hlb_type_fun(b, s.ti32, 1, s.tf64); /* itos is (i32, ref<i32>) -> bytes */
    hlb_add_native(b, "std", "itos", tbad, HLB_AUTO);
    size_t size = 0;
    uint8_t *bytes = hlb_write(b, &size);
    hlffi_vm *vm = hlffi_create();
    CHECK(hlffi_load_memory(vm, bytes, size) == HLFFI_ERROR_MODULE_LOAD_FAILED);
    CHECK(strstr(hlffi_get_error(vm), "itos") != NULL && strstr(hlffi_get_error(vm), "PiRi_B") != NULL &&
          strstr(hlffi_get_error(vm), "Pd_i") != NULL);
    hlffi_destroy(vm);
    free(bytes);
    hlb_free(b);

    b = hlb_minimal(4, false, &s);
    int32_t tii = hlb_type_fun(b, s.ti32, 1, s.ti32);
    int32_t nat = hlb_add_native(b, "mylib", "nobody_has_this", tii, HLB_AUTO);
    int32_t f = hlb_add_function(b, tii, HLB_AUTO, 2, s.ti32, s.ti32);
    int32_t ff = hlb_fn(b, f)->findex;
    hlb_emit_call(b, f, 1, nat, 1, 0);
    hlb_emit(b, f, ORet, 1, 0, 0);
    bytes = hlb_write(b, &size);
    vm = hlffi_create();
    CHECK(hlffi_load_memory(vm, bytes, size) == HLFFI_OK);
    int32_t r = 0;
    CHECK(call_i(vm, ff, &r, 1, 1, 0) == HLI_EXC);
    hlffi_destroy(vm);
    vm = hlffi_create();
    CHECK(hlffi_vm_set_strict(vm, true) == HLFFI_OK);
    CHECK(hlffi_load_memory(vm, bytes, size) == HLFFI_ERROR_MODULE_LOAD_FAILED);
    CHECK(strstr(hlffi_get_error(vm), "mylib@nobody_has_this") != NULL);
    hlffi_destroy(vm);
    free(bytes);
    hlb_free(b);
}

int main(void) {
    test_fib_and_deep_recursion();
    test_int_semantics();
    test_exceptions();
    test_gc_stress_loop();
    test_native_linking();
    if (failures == 0)
        printf("test_interp: all checks passed\n");
    return failures == 0 ? 0 : 1;
}
