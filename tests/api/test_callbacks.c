/* hlffi v3 callbacks (hlffi-api.md "Callbacks (Haxe calling C)"): C functions registered by name, made
 * into Haxe function values, stored in static fields and called by Haxe (tests/api/hx/Callbacks.hx):
 * any arity, typed variants, results taken over, throwing from C, nesting and its depth limit,
 * unregistering, several VMs, no handle kept per call. */
#include "api_test.h"

#define NEAR(a, b) ((a) - (b) < 1e-12 && (b) - (a) < 1e-12)

static hlffi_vm *current; /* the VM the callbacks expect (v3 callbacks have no userdata) */

static int zero_mode, zero_calls;
static hlffi_value *zero_freed; /* a handle freed by the test, for zero_mode 3 */

static hlffi_value *cb_zero(hlffi_vm *vm, int argc, hlffi_value **argv) {
    (void)argv;
    CHECK(vm == current && argc == 0);
    zero_calls++;
    switch (zero_mode) {
    case 1:
        hlffi_throw_string(vm, "boom");
        return hlffi_value_int(vm, 1); /* ignored, and released: the throw wins */
    case 2: {
        hlffi_value *v = hlffi_value_int(vm, 7);
        hlffi_throw(vm, v);
        hlffi_value_free(v); /* hlffi_throw kept its own copy */
        return NULL;
    }
    case 3: return zero_freed;
    case 4: return NULL;
    case 5: {
        hlffi_throw_string(vm, "first");
        hlffi_throw_string(vm, "second"); /* the last one wins */
        return NULL;
    }
    default: return hlffi_value_int(vm, 42);
    }
}

static hlffi_value *cb_zero_again(hlffi_vm *vm, int argc, hlffi_value **argv) {
    (void)argc, (void)argv;
    return hlffi_value_string(vm, "again");
}

static hlffi_value *cb_ident(hlffi_vm *vm, int argc, hlffi_value **argv) {
    (void)vm;
    CHECK(argc == 1);
    return argv[0]; /* an argument handle: fine to return */
}

/* Makes a new String (so collections run inside callbacks): "<arg>!" */
static hlffi_value *cb_echo(hlffi_vm *vm, int argc, hlffi_value **argv) {
    CHECK(argc == 1);
    char *s = hlffi_value_as_string(argv[0]);
    char buf[64];
    snprintf(buf, sizeof buf, "%s!", s != NULL ? s : "?");
    free(s);
    return hlffi_value_string(vm, buf);
}

static hlffi_value *cb_add(hlffi_vm *vm, int argc, hlffi_value **argv) {
    CHECK(argc == 2);
    return hlffi_value_int(vm, hlffi_value_as_int(argv[0], -1000) + hlffi_value_as_int(argv[1], -1000));
}

static hlffi_value *cb_mul(hlffi_vm *vm, int argc, hlffi_value **argv) {
    CHECK(argc == 2);
    return hlffi_value_int(vm, hlffi_value_as_int(argv[0], 0) * hlffi_value_as_int(argv[1], 0));
}

static hlffi_value *cb_big(hlffi_vm *vm, int argc, hlffi_value **argv) {
    int s = 0;
    for (int i = 0; i < argc; i++)
        s = s * 2 + hlffi_value_as_int(argv[i], 0); /* order matters */
    return hlffi_value_int(vm, s);
}

static hlffi_value *t_add(hlffi_vm *vm, int argc, hlffi_value **argv) {
    CHECK(argc == 2);
    return hlffi_value_int(vm, hlffi_value_as_int(argv[0], 0) + hlffi_value_as_int(argv[1], 0));
}

static hlffi_value *t_concat(hlffi_vm *vm, int argc, hlffi_value **argv) {
    CHECK(argc == 2);
    char *a = hlffi_value_as_string(argv[0]), *b = hlffi_value_as_string(argv[1]);
    char buf[128];
    snprintf(buf, sizeof buf, "%s+%s", a ? a : "?", b ? b : "?");
    free(a);
    free(b);
    return hlffi_value_string(vm, buf);
}

static hlffi_value *t_mix(hlffi_vm *vm, int argc, hlffi_value **argv) {
    CHECK(argc == 2);
    double x = hlffi_value_as_float(argv[0], 0);
    return hlffi_value_float(vm, hlffi_value_as_bool(argv[1], false) ? x * 2 : -x);
}

static int void_seen;
static hlffi_value *t_void(hlffi_vm *vm, int argc, hlffi_value **argv) {
    (void)vm;
    CHECK(argc == 1);
    void_seen = hlffi_value_as_int(argv[0], -1);
    return hlffi_value_int(vm, 99); /* a result for a Void callback: released */
}

static hlffi_value *t_wrong(hlffi_vm *vm, int argc, hlffi_value **argv) {
    (void)argc, (void)argv;
    return hlffi_value_string(vm, "not an int"); /* for an Int result: Haxe gets a cast exception */
}

static int rec_depth, rec_max, rec_failed;
static hlffi_value *cb_rec(hlffi_vm *vm, int argc, hlffi_value **argv) {
    CHECK(argc == 1);
    int n = hlffi_value_as_int(argv[0], 0);
    if (++rec_depth > rec_max)
        rec_max = rec_depth;
    hlffi_value *arg = hlffi_value_int(vm, n - 1);
    hlffi_value *r = hlffi_call_static(vm, "Callbacks", "recurse", 1, &arg);
    hlffi_value_free(arg);
    rec_depth--;
    if (r == NULL) { /* the depth limit, further in: pass its exception on */
        rec_failed++;
        CHECK(hlffi_get_error(vm)[0] != 0);
        char msg[256];
        snprintf(msg, sizeof msg, "%s", hlffi_get_exception_message(vm));
        hlffi_throw_string(vm, msg);
        return NULL;
    }
    int v = hlffi_value_as_int(r, 0);
    hlffi_value_free(r);
    return hlffi_value_int(vm, n + v);
}

/* ---- helpers -------------------------------------------------------------------------------------- */

static void set_cb(hlffi_vm *vm, const char *field, const char *name) {
    hlffi_value *f = hlffi_get_callback(vm, name);
    CHECK(f != NULL);
    CHECK(hlffi_set_static_field(vm, "Callbacks", field, f) == HLFFI_OK);
    hlffi_value_free(f);
}

static hlffi_value *call0(hlffi_vm *vm, const char *fn) { return hlffi_call_static(vm, "Callbacks", fn, 0, NULL); }

static int call_int(hlffi_vm *vm, const char *fn, int argc, hlffi_value **argv, int fallback) {
    return take_int(hlffi_call_static(vm, "Callbacks", fn, argc, argv), fallback);
}

static char *call_str(hlffi_vm *vm, const char *fn) { return take_str(call0(vm, fn)); }

/* Haxe calls a callback n times: no handle is left behind (the live handle count is unchanged). */
static bool no_handle_kept(hlffi_vm *vm, int n) {
    hlffi_stats before, after;
    CHECK(hlffi_vm_get_stats(vm, &before) == HLFFI_OK);
    hlffi_value *arg = hlffi_value_int(vm, n);
    int sum = call_int(vm, "sumWith", 1, &arg, -1);
    CHECK(sum == n * (n + 1) / 2);
    hlffi_value_free(arg);
    CHECK(hlffi_vm_get_stats(vm, &after) == HLFFI_OK);
    return after.live_handles == before.live_handles;
}

/* ---- scenarios ------------------------------------------------------------------------------------ */

static void bad_registrations(hlffi_vm *vm) {
    static const hlffi_arg_type ii[2] = {HLFFI_ARG_INT, HLFFI_ARG_INT};
    static const hlffi_arg_type iv[2] = {HLFFI_ARG_INT, HLFFI_ARG_VOID};
    CHECK(!hlffi_register_callback(NULL, "x", cb_zero, 0));
    CHECK(!hlffi_register_callback(vm, NULL, cb_zero, 0));
    CHECK(hlffi_get_error(vm)[0] != 0);
    CHECK(!hlffi_register_callback(vm, "", cb_zero, 0));
    CHECK(!hlffi_register_callback(vm, "x", NULL, 0));
    CHECK(!hlffi_register_callback(vm, "x", cb_zero, -1));
    CHECK(!hlffi_register_callback(vm, "x", cb_zero, 256));
    CHECK(!hlffi_register_callback(vm, "zero", cb_add, 2)); /* already registered */
    CHECK(strstr(hlffi_get_error(vm), "already registered") != NULL);
    CHECK(!hlffi_register_callback_typed(vm, "x", t_add, 2, NULL, HLFFI_ARG_INT));
    CHECK(!hlffi_register_callback_typed(vm, "x", t_add, 2, iv, HLFFI_ARG_INT));
    CHECK(!hlffi_register_callback_typed(vm, "x", t_add, 2, ii, (hlffi_arg_type)99));
    CHECK(!hlffi_register_callback_typed(vm, "x", t_add, 2, ii, (hlffi_arg_type)-1));
    CHECK(hlffi_get_callback(vm, "x") == NULL); /* none of those registered it */
    CHECK(hlffi_get_callback(vm, NULL) == NULL);
    CHECK(hlffi_get_callback(NULL, "zero") == NULL);
    CHECK(!hlffi_unregister_callback(vm, "x"));
    CHECK(!hlffi_unregister_callback(vm, NULL));
    CHECK(!hlffi_unregister_callback(NULL, "zero"));
}

static void dynamic_callbacks(hlffi_vm *vm) {
    set_cb(vm, "cb0", "zero");
    set_cb(vm, "cb1", "ident");
    set_cb(vm, "cb2", "add");
    zero_mode = 0;
    CHECK(call_int(vm, "callCb0", 0, NULL, -1) == 42);
    hlffi_value *a = hlffi_value_int(vm, 5), *b = hlffi_value_int(vm, 37);
    hlffi_value *ab[2] = {a, b};
    CHECK(call_int(vm, "callCb2", 2, ab, -1) == 42);
    CHECK(call_int(vm, "callCb1", 1, &a, -1) == 5); /* the argument handle came back */
    hlffi_value *s = hlffi_value_string(vm, "héllo");
    hlffi_value *r = hlffi_call_static(vm, "Callbacks", "callCb1", 1, &s);
    CHECK(r != NULL && str_is(hlffi_value_as_string(r), "héllo"));
    hlffi_value_free(r);
    hlffi_value_free(s);
    hlffi_value_free(a);
    hlffi_value_free(b);
    /* the same callback from another hlffi_get_callback is the same function */
    hlffi_value *z1 = hlffi_get_callback(vm, "zero"), *z2 = hlffi_get_callback(vm, "zero");
    CHECK(z1 != NULL && z2 != NULL && z1 != z2); /* a new handle each time */
    hlffi_value_free(z1);
    hlffi_value_free(z2);
    CHECK(call_int(vm, "sameCallback", 0, NULL, 0) == 1);
    CHECK(call_int(vm, "isFunction", 0, NULL, 0) == 1);
    CHECK(call_int(vm, "viaReflect", 0, NULL, -1) == 7);
    /* twelve arguments, in order */
    set_cb(vm, "big", "big");
    int want = 0;
    for (int i = 1; i <= 12; i++)
        want = want * 2 + i;
    CHECK(call_int(vm, "callBig", 0, NULL, -1) == want);
    /* an untyped callback in a function-typed field: Haxe wraps it with conversions */
    set_cb(vm, "typedAdd", "add");
    hlffi_value *x = hlffi_value_int(vm, 2), *y = hlffi_value_int(vm, 3);
    hlffi_value *xy[2] = {x, y};
    CHECK(call_int(vm, "callTypedAdd", 2, xy, -1) == 5);
    hlffi_value_free(x);
    hlffi_value_free(y);
    /* a function type of another arity does not take it */
    hlffi_value *add = hlffi_get_callback(vm, "add");
    CHECK(hlffi_set_static_field(vm, "Callbacks", "typedVoid", add) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(hlffi_get_error(vm), "cannot convert (dynamic (dynamic,dynamic)) to (void (i32))") != NULL);
    if (failures)
        fprintf(stderr, "  error: %s\n", hlffi_get_error(vm));
    hlffi_value_free(add);
    /* results: NULL gives null, a freed handle throws */
    zero_mode = 4;
    r = call0(vm, "callCb0");
    CHECK(r != NULL && hlffi_value_is_null(r));
    hlffi_value_free(r);
    zero_freed = hlffi_value_int(vm, 1);
    hlffi_value_free(zero_freed);
    zero_mode = 3;
    CHECK(call0(vm, "callCb0") == NULL);
    CHECK(strstr(hlffi_get_exception_message(vm), "freed") != NULL);
    hlffi_clear_exception(vm);
    zero_mode = 0;
}

static void typed_callbacks(hlffi_vm *vm) {
    static const hlffi_arg_type ii[2] = {HLFFI_ARG_INT, HLFFI_ARG_INT};
    static const hlffi_arg_type ss[2] = {HLFFI_ARG_STRING, HLFFI_ARG_STRING};
    static const hlffi_arg_type fb[2] = {HLFFI_ARG_FLOAT, HLFFI_ARG_BOOL};
    static const hlffi_arg_type i1[1] = {HLFFI_ARG_INT};
    CHECK(hlffi_register_callback_typed(vm, "tadd", t_add, 2, ii, HLFFI_ARG_INT));
    CHECK(hlffi_register_callback_typed(vm, "tconcat", t_concat, 2, ss, HLFFI_ARG_STRING));
    CHECK(hlffi_register_callback_typed(vm, "tmix", t_mix, 2, fb, HLFFI_ARG_FLOAT));
    CHECK(hlffi_register_callback_typed(vm, "tvoid", t_void, 1, i1, HLFFI_ARG_VOID));
    CHECK(hlffi_register_callback_typed(vm, "twrong", t_wrong, 2, ii, HLFFI_ARG_INT));
    set_cb(vm, "typedAdd", "tadd");
    set_cb(vm, "typedConcat", "tconcat");
    set_cb(vm, "typedMix", "tmix");
    set_cb(vm, "typedVoid", "tvoid");
    hlffi_value *a = hlffi_value_int(vm, 40), *b = hlffi_value_int(vm, 2);
    hlffi_value *ab[2] = {a, b};
    CHECK(call_int(vm, "callTypedAdd", 2, ab, -1) == 42);
    CHECK(str_is(call_str(vm, "typedThroughDynamic"), "caught")); /* "x" is not an Int */
    hlffi_value *s1 = hlffi_value_string(vm, "ab"), *s2 = hlffi_value_string(vm, "€d");
    hlffi_value *ss_args[2] = {s1, s2};
    hlffi_value *r = hlffi_call_static(vm, "Callbacks", "callTypedConcat", 2, ss_args);
    CHECK(r != NULL && str_is(hlffi_value_as_string(r), "ab+€d"));
    hlffi_value_free(r);
    hlffi_value *f = hlffi_value_float(vm, 1.25), *t = hlffi_value_bool(vm, true), *fl = hlffi_value_bool(vm, false);
    hlffi_value *ft[2] = {f, t}, *ff[2] = {f, fl};
    r = hlffi_call_static(vm, "Callbacks", "callTypedMix", 2, ft);
    CHECK(NEAR(hlffi_value_as_float(r, 0), 2.5));
    hlffi_value_free(r);
    r = hlffi_call_static(vm, "Callbacks", "callTypedMix", 2, ff);
    CHECK(NEAR(hlffi_value_as_float(r, 0), -1.25));
    hlffi_value_free(r);
    CHECK(call_int(vm, "callTypedVoid", 1, &a, -1) == 40 && void_seen == 40);
    /* a typed callback returning a String for an Int: the Haxe caller gets a cast exception */
    set_cb(vm, "typedAdd", "twrong");
    CHECK(hlffi_call_static(vm, "Callbacks", "callTypedAdd", 2, ab) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "cast") != NULL || strstr(hlffi_get_error(vm), "Cast") != NULL);
    hlffi_clear_exception(vm);
    set_cb(vm, "typedAdd", "tadd");
    hlffi_value_free(a);
    hlffi_value_free(b);
    hlffi_value_free(s1);
    hlffi_value_free(s2);
    hlffi_value_free(f);
    hlffi_value_free(t);
    hlffi_value_free(fl);
}

static void throwing(hlffi_vm *vm) {
    zero_mode = 1;
    CHECK(str_is(call_str(vm, "catchString"), "caught boom"));
    zero_mode = 2;
    CHECK(str_is(call_str(vm, "catchAny"), "caught 7"));
    zero_mode = 5;
    CHECK(str_is(call_str(vm, "catchAny"), "caught second"));
    zero_mode = 1; /* uncaught: recorded like any exception, with the Haxe caller on the stack */
    CHECK(call0(vm, "callCb0") == NULL);
    CHECK(strcmp(hlffi_get_exception_message(vm), "boom") == 0);
    CHECK(strstr(hlffi_get_exception_stack(vm), "Callbacks.callCb0") != NULL);
    hlffi_clear_exception(vm);
    zero_mode = 0;
    CHECK(call_int(vm, "callCb0", 0, NULL, -1) == 42); /* nothing left pending */
    /* outside a callback: refused, nothing thrown later */
    hlffi_value *v = hlffi_value_int(vm, 3);
    hlffi_throw(vm, v);
    CHECK(strstr(hlffi_get_error(vm), "only meaningful") != NULL);
    hlffi_throw_string(vm, "x");
    CHECK(strstr(hlffi_get_error(vm), "only meaningful") != NULL);
    hlffi_throw(NULL, v);
    hlffi_throw_string(NULL, "x");
    hlffi_value_free(v);
    CHECK(call_int(vm, "callCb0", 0, NULL, -1) == 42);
}

static void nesting(hlffi_vm *vm) {
    set_cb(vm, "rec", "rec");
    hlffi_value *n = hlffi_value_int(vm, 20);
    CHECK(call_int(vm, "recurse", 1, &n, -1) == 210);
    hlffi_value_free(n);
    CHECK(rec_failed == 0 && rec_max == 20);
    /* runaway recursion through C: stopped by the C-entry bound as a Haxe "Stack overflow" */
    rec_max = 0;
    n = hlffi_value_int(vm, 100000);
    CHECK(hlffi_call_static(vm, "Callbacks", "recurse", 1, &n) == NULL);
    CHECK(strstr(hlffi_get_exception_message(vm), "Stack overflow") != NULL);
    CHECK(rec_failed == rec_max && rec_max >= 50 && rec_max <= 200 && rec_depth == 0); /* each level passed it on */
    if (failures)
        fprintf(stderr, "  rec: failed %d max %d depth %d\n", rec_failed, rec_max, rec_depth);
    hlffi_value_free(n);
    hlffi_clear_exception(vm);
    n = hlffi_value_int(vm, 3);
    CHECK(call_int(vm, "recurse", 1, &n, -1) == 6); /* the VM goes on */
    hlffi_value_free(n);
}

static void unregistering(hlffi_vm *vm) {
    set_cb(vm, "cb1", "ident");
    hlffi_value_free(call0(vm, "hold"));
    CHECK(hlffi_unregister_callback(vm, "zero"));
    CHECK(hlffi_get_callback(vm, "zero") == NULL);
    CHECK(call0(vm, "callCb0") == NULL); /* Haxe still holds it: a clear exception */
    CHECK(strstr(hlffi_get_exception_message(vm), "zero was unregistered") != NULL);
    hlffi_clear_exception(vm);
    hlffi_value *a = hlffi_value_int(vm, 8), *b = hlffi_value_int(vm, 9);
    hlffi_value *ab[2] = {a, b};
    CHECK(call_int(vm, "callCb2", 2, ab, -1) == 17); /* the others work on */
    CHECK(call_int(vm, "callHeld", 1, &a, -1) == 8);
    /* the name can be used again; the old value still throws, the new one works */
    CHECK(hlffi_register_callback(vm, "zero", cb_zero_again, 0));
    CHECK(call0(vm, "callCb0") == NULL);
    hlffi_clear_exception(vm);
    set_cb(vm, "cb0", "zero");
    CHECK(str_is(call_str(vm, "callCb0"), "again"));
    /* unregistering one that was never fetched */
    CHECK(hlffi_register_callback(vm, "never", cb_zero, 0));
    CHECK(hlffi_unregister_callback(vm, "never"));
    CHECK(hlffi_unregister_callback(vm, "ident"));
    CHECK(call_int(vm, "callHeld", 1, &a, -1) == -1); /* held elsewhere in Haxe: throws too */
    hlffi_clear_exception(vm);
    hlffi_value_free(a);
    hlffi_value_free(b);
}

static void many_calls(hlffi_vm *vm) {
    set_cb(vm, "cb2", "add");
    CHECK(no_handle_kept(vm, 20000));
    set_cb(vm, "cb1", "echo");
    hlffi_value *n = hlffi_value_int(vm, 3000);
    int want = 0;
    for (int i = 0; i < 3000; i++) {
        char buf[32];
        want += snprintf(buf, sizeof buf, "item%d!", i);
    }
    CHECK(call_int(vm, "churn", 1, &n, -1) == want);
    hlffi_value_free(n);
}

/* Two VMs with callbacks of the same name doing different things. */
static void two_vms(const char *path) {
    hlffi_vm *v1 = hlffi_create(), *v2 = hlffi_create();
    CHECK(hlffi_register_callback(v1, "op", cb_add, 2));
    CHECK(hlffi_register_callback(v2, "op", cb_mul, 2));
    CHECK(hlffi_load_file(v1, path) == HLFFI_OK && hlffi_call_entry(v1) == HLFFI_OK);
    CHECK(hlffi_load_file(v2, path) == HLFFI_OK && hlffi_call_entry(v2) == HLFFI_OK);
    set_cb(v1, "cb2", "op");
    set_cb(v2, "cb2", "op");
    hlffi_value *a1 = hlffi_value_int(v1, 6), *b1 = hlffi_value_int(v1, 7);
    hlffi_value *a2 = hlffi_value_int(v2, 6), *b2 = hlffi_value_int(v2, 7);
    hlffi_value *x1[2] = {a1, b1}, *x2[2] = {a2, b2}, *mixed[2] = {a1, b2};
    CHECK(call_int(v1, "callCb2", 2, x1, -1) == 13);
    CHECK(call_int(v2, "callCb2", 2, x2, -1) == 42);
    CHECK(hlffi_call_static(v1, "Callbacks", "callCb2", 2, mixed) == NULL); /* another VM's handle */
    CHECK(strstr(hlffi_get_error(v1), "another VM") != NULL);
    /* a callback of v2 stored in v1 is refused the same way */
    hlffi_value *f2 = hlffi_get_callback(v2, "op");
    CHECK(hlffi_set_static_field(v1, "Callbacks", "cb2", f2) == HLFFI_ERROR_INVALID_ARGUMENT);
    hlffi_value_free(f2);
    hlffi_value_free(a1);
    hlffi_value_free(b1);
    hlffi_value_free(a2);
    hlffi_value_free(b2);
    hlffi_destroy(v1);
    hlffi_destroy(v2);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_callbacks Callbacks.hl\n");
        return 2;
    }
    hlffi_vm *vm = hlffi_create();
    current = vm;
    CHECK(hlffi_init(vm, 0, NULL) == HLFFI_OK);
    /* registering may come before the load; making the function value needs the module */
    CHECK(hlffi_register_callback(vm, "zero", cb_zero, 0));
    CHECK(hlffi_get_callback(vm, "zero") == NULL);
    CHECK(strstr(hlffi_get_error(vm), "no module") != NULL);
    CHECK(hlffi_load_file(vm, argv[1]) == HLFFI_OK);
    CHECK(hlffi_call_entry(vm) == HLFFI_OK);
    CHECK(hlffi_register_callback(vm, "ident", cb_ident, 1));
    CHECK(hlffi_register_callback(vm, "echo", cb_echo, 1));
    CHECK(hlffi_register_callback(vm, "add", cb_add, 2));
    CHECK(hlffi_register_callback(vm, "big", cb_big, 12));
    CHECK(hlffi_register_callback(vm, "rec", cb_rec, 1));
    bad_registrations(vm);
    dynamic_callbacks(vm);
    typed_callbacks(vm);
    throwing(vm);
    nesting(vm);
    many_calls(vm);
    unregistering(vm);
    hlffi_destroy(vm);
    two_vms(argv[1]);
    /* registered, never fetched, VM destroyed: nothing left behind (valgrind) */
    hlffi_vm *v = hlffi_create();
    CHECK(hlffi_register_callback(v, "a", cb_zero, 0));
    hlffi_destroy(v);
    return test_result("test_callbacks");
}
