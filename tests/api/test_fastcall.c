/* API scenarios for the host's fast entry into Haxe (src/exec/host_call.h) and for the cases it leaves to
 * the general entry, using only <hlffi.h>: typed and cached calls of every argument count the entry
 * copies specially, frames with many registers while collections run, deep recursion across register
 * segments and exceptions from deep inside (nothing is kept per call: the VM's memory does not grow
 * over many calls), calls nested in callbacks (the general entry, up to the C depth limit), Sys.exit,
 * budgets set and then cleared and a pending interrupt, and bad inputs.
 * usage: test_fastcall ApiFast.hl */
#include "api_test.h"

static hlffi_vm *the_vm;

static hlffi_cached_call *cache(hlffi_vm *vm, const char *name) {
    hlffi_cached_call *c = hlffi_cache_static_method(vm, "ApiFast", name);
    CHECK(c != NULL);
    return c;
}

/* The Int result of a typed call that must succeed; `fallback` otherwise. */
static int typed_int(hlffi_cached_call *c, const hlffi_slot *args, int argc, int fallback) {
    hlffi_slot out;
    out.i64 = -1;
    if (hlffi_call_typed(c, args, argc, &out) != HLFFI_OK) {
        fprintf(stderr, "  typed call failed: %s\n", hlffi_get_error(the_vm));
        return fallback;
    }
    return out.i32;
}

static int static_int(hlffi_vm *vm, const char *name) {
    hlffi_value *v = hlffi_get_static_field(vm, "ApiFast", name);
    int n = hlffi_value_as_int(v, -12345);
    hlffi_value_free(v);
    return n;
}

/* What the VM allocated outside the Haxe heap (module, tables, stacks, handles). */
static size_t vm_bytes(hlffi_vm *vm) {
    hlffi_stats st;
    CHECK(hlffi_vm_get_stats(vm, &st) == HLFFI_OK);
    return st.vm_bytes - st.heap_bytes;
}

static void argument_counts(hlffi_vm *vm) {
    hlffi_cached_call *zero = cache(vm, "zero"), *one = cache(vm, "one"), *two = cache(vm, "two"),
                      *three = cache(vm, "three"), *four = cache(vm, "four"), *six = cache(vm, "six"),
                      *store = cache(vm, "store");
    hlffi_slot in[6], out;
    CHECK(typed_int(zero, NULL, 0, -1) == 7);
    in[0].i32 = 41;
    CHECK(typed_int(one, in, 1, -1) == 42);
    in[0].i32 = 4, in[1].i32 = 2;
    CHECK(typed_int(two, in, 2, -1) == 42);
    in[0].i32 = 1, in[1].i32 = 2, in[2].i32 = 3;
    CHECK(typed_int(three, in, 3, -1) == 123);
    in[0].i32 = 1, in[1].f64 = 2.5, in[2].i32 = 3, in[3].f64 = 0.5;
    CHECK(hlffi_call_typed(four, in, 4, &out) == HLFFI_OK && out.f64 == 826.0);
    for (int i = 0; i < 6; i++)
        in[i].i32 = i + 1;
    CHECK(typed_int(six, in, 6, -1) == 123456);
    /* Void: the result slot is zeroed, and Haxe saw the argument */
    in[0].i32 = 77;
    out.i64 = -1;
    CHECK(hlffi_call_typed(store, in, 1, &out) == HLFFI_OK && out.i64 == 0);
    CHECK(static_int(vm, "seen") == 77);
    in[0].i32 = 78;
    CHECK(hlffi_call_typed(store, in, 1, NULL) == HLFFI_OK && static_int(vm, "seen") == 78);

    /* The same through handles (cached calls and calls by name share the entry) */
    hlffi_value *h[6];
    for (int i = 0; i < 6; i++)
        h[i] = hlffi_value_int(vm, 6 - i);
    hlffi_value *r = hlffi_call_cached(six, 6, h);
    CHECK(hlffi_value_as_int(r, -1) == 654321);
    hlffi_value_free(r);
    r = hlffi_call_static(vm, "ApiFast", "two", 2, h);
    CHECK(hlffi_value_as_int(r, -1) == 65);
    hlffi_value_free(r);
    r = hlffi_call_cached(zero, 0, NULL);
    CHECK(hlffi_value_as_int(r, -1) == 7);
    hlffi_value_free(r);
    for (int i = 0; i < 6; i++)
        hlffi_value_free(h[i]);

    /* bad inputs: nothing runs */
    CHECK(hlffi_call_typed(NULL, in, 2, &out) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_call_typed(two, NULL, 2, &out) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_call_typed(two, in, 3, &out) == HLFFI_ERROR_TYPE_MISMATCH);
    CHECK(hlffi_call_typed(two, in, -1, &out) == HLFFI_ERROR_TYPE_MISMATCH);
    CHECK(hlffi_call_cached(six, 5, h) == NULL && error_has(vm, "takes 6 arguments, 5 given"));
    hlffi_cached_call_free(store);
    CHECK(hlffi_call_typed(store, in, 1, &out) == HLFFI_ERROR_INVALID_ARGUMENT && error_has(vm, "freed"));
    CHECK(static_int(vm, "seen") == 78);
    hlffi_cached_call_free(zero);
    hlffi_cached_call_free(one);
    hlffi_cached_call_free(two);
    hlffi_cached_call_free(three);
    hlffi_cached_call_free(four);
    hlffi_cached_call_free(six);
}

/* Frames bigger than the entry's plain stores zero, holding objects while collections run (the GC
 * stress variant collects at every allocation). */
static void many_registers(hlffi_vm *vm) {
    hlffi_cached_call *many = cache(vm, "manyLocals");
    hlffi_slot in;
    int bad = 0;
    for (int i = 0; i < 300; i++) {
        in.i32 = i;
        if (typed_int(many, &in, 1, -1) != i + (i + 2) + 1 + (i >= 10 ? (i >= 100 ? 3 : 2) : 1) + 200)
            bad++;
    }
    CHECK(bad == 0);
    hlffi_cached_call_free(many);
}

/* Deep recursion takes more register segments (1 MiB each), and returns pop back through them; an
 * exception from the bottom unwinds them. After the first time nothing more is allocated however many
 * calls follow: a call that kept registers or frames would make the stacks grow. */
static void deep_and_steady(hlffi_vm *vm) {
    hlffi_cached_call *depth = cache(vm, "depth"), *deep_throw = cache(vm, "deepThrow"),
                      *zero = cache(vm, "zero"), *two = cache(vm, "two");
    hlffi_slot in[2], out;
    in[0].i32 = 100000;
    CHECK(typed_int(depth, in, 1, -1) == 100000);
    in[0].i32 = 240000; /* near the frame limit (250,000) */
    CHECK(typed_int(depth, in, 1, -1) == 240000);
    /* nothing below allocates in the Haxe heap either: the VM's bytes stay exactly the same */
    size_t bytes = vm_bytes(vm);
    int bad = 0;
    for (int i = 0; i < 5; i++) {
        in[0].i32 = 240000 - i;
        if (typed_int(depth, in, 1, -1) != 240000 - i)
            bad++;
    }
    for (int i = 0; i < 100000; i++) {
        in[0].i32 = i & 7, in[1].i32 = 1;
        if (typed_int(zero, NULL, 0, -1) != 7 || typed_int(two, in, 2, -1) != (i & 7) * 10 + 1)
            bad++;
    }
    hlffi_value *h = hlffi_value_int(vm, 3);
    hlffi_value *args[2] = {h, h};
    for (int i = 0; i < 20000; i++) {
        hlffi_value *r = hlffi_call_cached(two, 2, args);
        if (hlffi_value_as_int(r, -1) != 33)
            bad++;
        hlffi_value_free(r);
    }
    hlffi_value_free(h);
    CHECK(bad == 0);
    CHECK(vm_bytes(vm) == bytes);
    /* Exceptions from 100,000 frames deep (each would leave 2.4 MB of registers if it kept them; the
     * exception objects live in the heap, not counted) */
    for (int i = 0; i < 5; i++) {
        in[0].i32 = 100000;
        if (hlffi_call_typed(deep_throw, in, 1, &out) != HLFFI_ERROR_EXCEPTION_THROWN ||
            strcmp(hlffi_get_exception_message(vm), "bottom") != 0)
            bad++;
        hlffi_clear_exception(vm);
        in[0].i32 = 240000;
        if (typed_int(depth, in, 1, -1) != 240000)
            bad++;
    }
    CHECK(bad == 0);
    CHECK(vm_bytes(vm) < bytes + (512u << 10));
    /* a runaway recursion still stops as "Stack overflow", and the next call runs */
    in[0].i32 = 1000000;
    CHECK(hlffi_call_typed(depth, in, 1, &out) == HLFFI_ERROR_EXCEPTION_THROWN);
    CHECK(strstr(hlffi_get_exception_message(vm), "Stack overflow") != NULL);
    hlffi_clear_exception(vm);
    CHECK(typed_int(zero, NULL, 0, -1) == 7);
    hlffi_cached_call_free(depth);
    hlffi_cached_call_free(deep_throw);
    hlffi_cached_call_free(zero);
    hlffi_cached_call_free(two);
}

/* ---- calls nested in a callback: the general entry ---- */

static hlffi_cached_call *via_c, *nested_two, *nested_throw;
static int nest_calls;

/* nest(n): n == 0 returns two(4, 2) = 42; n > 0 returns viaC(n - 1) (each level one more C entry);
 * n < 0 calls deepThrow and passes its exception on. Every call typed, from inside Haxe code. */
static hlffi_value *cb_nest(hlffi_vm *vm, int argc, hlffi_value **argv) {
    CHECK(argc == 1);
    nest_calls++;
    int n = hlffi_value_as_int(argv[0], 0);
    hlffi_slot in[2], out;
    hlffi_error_code rc;
    if (n == 0) {
        in[0].i32 = 4, in[1].i32 = 2;
        rc = hlffi_call_typed(nested_two, in, 2, &out);
    } else if (n > 0) {
        in[0].i32 = n - 1;
        rc = hlffi_call_typed(via_c, in, 1, &out);
    } else {
        in[0].i32 = 50;
        rc = hlffi_call_typed(nested_throw, in, 1, &out);
        CHECK(rc == HLFFI_ERROR_EXCEPTION_THROWN);
    }
    if (rc != HLFFI_OK) { /* pass the failure on to the Haxe code around */
        char msg[256];
        snprintf(msg, sizeof msg, "%s", hlffi_get_exception_message(vm));
        hlffi_throw_string(vm, msg);
        return NULL;
    }
    return hlffi_value_int(vm, out.i32);
}

static void nested(hlffi_vm *vm) {
    CHECK(hlffi_register_callback(vm, "nest", cb_nest, 1));
    hlffi_value *f = hlffi_get_callback(vm, "nest");
    CHECK(hlffi_set_static_field(vm, "ApiFast", "nest", f) == HLFFI_OK);
    hlffi_value_free(f);
    via_c = cache(vm, "viaC");
    nested_two = cache(vm, "two");
    nested_throw = cache(vm, "deepThrow");
    hlffi_cached_call *caught = cache(vm, "viaCCaught"), *zero = cache(vm, "zero");
    hlffi_slot in;
    in.i32 = 0;
    CHECK(typed_int(via_c, &in, 1, -1) == 43);
    in.i32 = 30; /* 31 C entries deep, each returning through the one around it */
    nest_calls = 0;
    CHECK(typed_int(via_c, &in, 1, -1) == 73 && nest_calls == 31);
    /* an exception in a nested call, passed on by the callback, caught by Haxe around it */
    in.i32 = -1;
    CHECK(typed_int(caught, &in, 1, -1) == -1000);
    /* runaway: the C depth limit stops it as "Stack overflow", every level passes it on */
    in.i32 = 100000;
    hlffi_slot out;
    CHECK(hlffi_call_typed(via_c, &in, 1, &out) == HLFFI_ERROR_EXCEPTION_THROWN);
    CHECK(strstr(hlffi_get_exception_message(vm), "Stack overflow") != NULL);
    hlffi_clear_exception(vm);
    /* and the host's own calls take the fast entry again */
    CHECK(typed_int(zero, NULL, 0, -1) == 7);
    in.i32 = 2;
    CHECK(typed_int(via_c, &in, 1, -1) == 45);
    hlffi_cached_call_free(via_c);
    hlffi_cached_call_free(nested_two);
    hlffi_cached_call_free(nested_throw);
    hlffi_cached_call_free(caught);
    hlffi_cached_call_free(zero);
}

/* ---- Sys.exit, budgets, interrupts ---- */

static int exits, exit_code;
static void on_exit_hook(hlffi_vm *vm, void *userdata, int code) {
    (void)vm, (void)userdata;
    exits++;
    exit_code = code;
}

static void exit_and_limits(hlffi_vm *vm) {
    hlffi_cached_call *quit = cache(vm, "quit"), *spin = cache(vm, "spin"), *forever = cache(vm, "forever"),
                      *zero = cache(vm, "zero");
    hlffi_vm_set_exit_hook(vm, on_exit_hook, NULL);
    hlffi_slot in, out;
    in.i32 = 3;
    CHECK(hlffi_call_typed(quit, &in, 1, &out) == HLFFI_ERROR_CALL_FAILED && error_has(vm, "Sys.exit(3)"));
    CHECK(exits == 1 && exit_code == 3);
    hlffi_value *h = hlffi_value_int(vm, 4);
    CHECK(hlffi_call_cached(quit, 1, &h) == NULL && exits == 2 && exit_code == 4);
    hlffi_value_free(h);
    CHECK(typed_int(zero, NULL, 0, -1) == 7 && exits == 2);

    /* an instruction budget stops the typed call; cleared, the same call runs to its end */
    CHECK(hlffi_vm_set_instruction_budget(vm, 20000) == HLFFI_OK);
    in.i32 = 1000000;
    CHECK(hlffi_call_typed(spin, &in, 1, &out) == HLFFI_ERROR_INTERRUPTED && error_has(vm, "instruction budget"));
    in.i32 = 100;
    CHECK(typed_int(spin, &in, 1, -1) == 50); /* within the budget */
    CHECK(hlffi_vm_set_instruction_budget(vm, 0) == HLFFI_OK);
    in.i32 = 200000;
    CHECK(typed_int(spin, &in, 1, -1) == 100000);

    /* a time budget: its deadline must not outlive it (the next calls pass many poll points) */
    CHECK(hlffi_vm_set_time_budget(vm, 30) == HLFFI_OK);
    CHECK(hlffi_call_typed(forever, NULL, 0, &out) == HLFFI_ERROR_INTERRUPTED && error_has(vm, "time budget"));
    CHECK(hlffi_vm_set_time_budget(vm, 0) == HLFFI_OK);
    in.i32 = 200000;
    CHECK(typed_int(spin, &in, 1, -1) == 100000);
    hlffi_value *hs = hlffi_value_int(vm, 200000);
    hlffi_value *r = hlffi_call_cached(spin, 1, &hs);
    CHECK(hlffi_value_as_int(r, -1) == 100000);
    hlffi_value_free(r);
    hlffi_value_free(hs);

    /* a pending interrupt stops the next call at its entry, once */
    hlffi_vm_interrupt(vm);
    CHECK(hlffi_call_typed(zero, NULL, 0, &out) == HLFFI_ERROR_INTERRUPTED &&
          error_has(vm, "interrupted by the host in $ApiFast.zero"));
    CHECK(typed_int(zero, NULL, 0, -1) == 7);
    hlffi_vm_set_exit_hook(vm, NULL, NULL);
    hlffi_cached_call_free(quit);
    hlffi_cached_call_free(spin);
    hlffi_cached_call_free(forever);
    hlffi_cached_call_free(zero);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_fastcall ApiFast.hl\n");
        return 2;
    }
    hlffi_vm *vm = the_vm = start_vm(argv[1]);
    argument_counts(vm);
    many_registers(vm);
    deep_and_steady(vm);
    nested(vm);
    exit_and_limits(vm);
    hlffi_destroy(vm);
    return test_result("test_fastcall");
}
