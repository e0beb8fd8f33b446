/* Typed host natives (hlffi-api.md "Beyond hlffi v3"): C functions bound to `@:hlNative("host", ...)`
 * declarations of tests/api/hx/Natives.hx with hlffi_register_native before the load. Every slot kind in
 * and out, handles for String/Dynamic/objects, raw bytes, throwing, calling back into Haxe, the
 * signature check at load, strict mode, natives nobody registered, precedence over the VM's own, one
 * registry per VM, no handle kept per call. */
#include "api_test.h"

#define NEAR(a, b) ((a) - (b) < 1e-9 && (b) - (a) < 1e-9)

/* add(a:Int, b:Float):Int = a * scale + b * 2, scale from userdata (per VM) */
static void n_add(hlffi_vm *vm, void *userdata, const hlffi_slot *args, hlffi_slot *ret) {
    (void)vm;
    ret->i32 = args[0].i32 * *(const int *)userdata + (int)(args[1].f64 * 2);
}

static int all_ok;
static void n_all(hlffi_vm *vm, void *userdata, const hlffi_slot *args, hlffi_slot *ret) {
    (void)vm, (void)userdata;
    all_ok = args[0].i32 == 250 && args[1].i32 == 65000 && args[2].i64 == 1 && args[3].f32 == 0.5f &&
             args[4].f64 == 0.25 && args[5].b && args[6].i32 == -7;
    ret->f64 = args[0].i32 + args[1].i32 + (double)args[2].i64 + args[3].f32 + args[4].f64 + args[5].b + args[6].i32;
}

static void n_wide(hlffi_vm *vm, void *userdata, const hlffi_slot *args, hlffi_slot *ret) {
    (void)vm, (void)userdata;
    CHECK(args[0].i64 == (int64_t)3 << 40);
    ret->i64 = args[0].i64 + 1;
}

static void n_small(hlffi_vm *vm, void *userdata, const hlffi_slot *args, hlffi_slot *ret) {
    (void)vm, (void)userdata;
    ret->i32 = args[0].i32 + 1; /* a UI8 result keeps the low 8 bits */
}

static void n_single(hlffi_vm *vm, void *userdata, const hlffi_slot *args, hlffi_slot *ret) {
    (void)vm, (void)userdata;
    ret->f32 = args[0].f32 * 2;
}

static void n_neg(hlffi_vm *vm, void *userdata, const hlffi_slot *args, hlffi_slot *ret) {
    (void)vm, (void)userdata;
    ret->b = !args[0].b;
}

/* greet(s:String):String = "Hello, s!"; "bad" gives an Int (a cast exception), "null" a null String */
static void n_greet(hlffi_vm *vm, void *userdata, const hlffi_slot *args, hlffi_slot *ret) {
    (void)userdata;
    char *s = hlffi_value_as_string(args[0].value);
    if (s != NULL && strcmp(s, "bad") == 0) {
        ret->value = hlffi_value_int(vm, 1);
    } else if (hlffi_value_is_null(args[0].value)) {
        ret->value = NULL;
    } else {
        char buf[128];
        snprintf(buf, sizeof buf, "Hello, %s!", s ? s : "?");
        ret->value = hlffi_value_string(vm, buf);
    }
    free(s);
}

static void n_bytes(hlffi_vm *vm, void *userdata, const hlffi_slot *args, hlffi_slot *ret) {
    (void)vm, (void)userdata;
    const unsigned char *p = args[0].ptr;
    int sum = 0;
    for (int i = 0; p != NULL && i < args[1].i32; i++)
        sum += p[i];
    ret->i32 = sum;
}

static unsigned char fill_buf[8] = "wxyz";
static void n_fill(hlffi_vm *vm, void *userdata, const hlffi_slot *args, hlffi_slot *ret) {
    (void)vm, (void)userdata;
    CHECK(args[0].i32 == 4);
    ret->ptr = fill_buf; /* memory that outlives the call */
}

/* dyn(d:Dynamic, p:Point):Dynamic: reads both through the API, returns the Point (an argument handle) */
static int dyn_seen;
static void n_dyn(hlffi_vm *vm, void *userdata, const hlffi_slot *args, hlffi_slot *ret) {
    (void)vm, (void)userdata;
    char *s = hlffi_get_field_string(args[0].value, "s");
    dyn_seen = hlffi_get_field_int(args[0].value, "x", -1) * 100 + hlffi_get_field_int(args[1].value, "y", -1);
    CHECK(str_is(s, "anon"));
    ret->value = args[1].value;
}

static void n_fail(hlffi_vm *vm, void *userdata, const hlffi_slot *args, hlffi_slot *ret) {
    (void)userdata, (void)ret;
    char *s = hlffi_value_as_string(args[0].value);
    hlffi_throw_string(vm, s);
    free(s);
}

static void n_square_back(hlffi_vm *vm, void *userdata, const hlffi_slot *args, hlffi_slot *ret) {
    (void)userdata;
    hlffi_value *a = hlffi_value_int(vm, args[0].i32);
    hlffi_value *r = hlffi_call_static(vm, "Natives", "square", 1, &a);
    ret->i32 = hlffi_value_as_int(r, -1);
    hlffi_value_free(a);
    hlffi_value_free(r);
}

static void n_unregistered(hlffi_vm *vm, void *userdata, const hlffi_slot *args, hlffi_slot *ret) {
    (void)vm, (void)userdata, (void)args;
    ret->i32 = 77;
}

static void n_neg_sqrt(hlffi_vm *vm, void *userdata, const hlffi_slot *args, hlffi_slot *ret) {
    (void)vm, (void)userdata;
    ret->f64 = -args[0].f64;
}

static int scale10 = 10, scale100 = 100;

/* Registers every host native of the module but "unregistered" (and "add" with the given scale). */
static void register_all(hlffi_vm *vm, int *scale) {
    CHECK(hlffi_register_native(vm, "host", "add", n_add, "id_i", scale) == HLFFI_OK);
    CHECK(hlffi_register_native(vm, "host", "all", n_all, "cslfdbi_d", NULL) == HLFFI_OK);
    CHECK(hlffi_register_native(vm, "host", "wide", n_wide, "l_l", NULL) == HLFFI_OK);
    CHECK(hlffi_register_native(vm, "host", "small", n_small, "i_c", NULL) == HLFFI_OK);
    CHECK(hlffi_register_native(vm, "host", "single", n_single, "f_f", NULL) == HLFFI_OK);
    CHECK(hlffi_register_native(vm, "host", "neg", n_neg, "b_b", NULL) == HLFFI_OK);
    CHECK(hlffi_register_native(vm, "host", "greet", n_greet, "S_S", NULL) == HLFFI_OK);
    CHECK(hlffi_register_native(vm, "host", "bytes", n_bytes, "Bi_i", NULL) == HLFFI_OK);
    CHECK(hlffi_register_native(vm, "host", "fill", n_fill, "i_B", NULL) == HLFFI_OK);
    CHECK(hlffi_register_native(vm, "host", "dyn", n_dyn, "DO_D", NULL) == HLFFI_OK);
    CHECK(hlffi_register_native(vm, "host", "fail", n_fail, "S_v", NULL) == HLFFI_OK);
    CHECK(hlffi_register_native(vm, "host", "square_back", n_square_back, "i_i", NULL) == HLFFI_OK);
}

static hlffi_vm *load(const char *path, int *scale, bool all) {
    hlffi_vm *vm = hlffi_create();
    register_all(vm, scale);
    if (all)
        CHECK(hlffi_register_native(vm, "host", "unregistered", n_unregistered, "_i", NULL) == HLFFI_OK);
    CHECK(hlffi_load_file(vm, path) == HLFFI_OK);
    CHECK(hlffi_call_entry(vm) == HLFFI_OK);
    return vm;
}

static hlffi_value *call(hlffi_vm *vm, const char *fn, int argc, hlffi_value **argv) {
    return hlffi_call_static(vm, "Natives", fn, argc, argv);
}

static int call_int(hlffi_vm *vm, const char *fn, int argc, hlffi_value **argv, int fallback) {
    return take_int(call(vm, fn, argc, argv), fallback);
}

static char *call_str(hlffi_vm *vm, const char *fn, int argc, hlffi_value **argv) {
    return take_str(call(vm, fn, argc, argv));
}

static int add_via(hlffi_vm *vm, int a, double b) {
    hlffi_value *x = hlffi_value_int(vm, a), *y = hlffi_value_float(vm, b);
    hlffi_value *xy[2] = {x, y};
    int r = call_int(vm, "testAdd", 2, xy, -1);
    hlffi_value_free(x);
    hlffi_value_free(y);
    return r;
}

/* As test_callbacks.c: the 64 handles freed last are reused first, so a handle kept by the calls shows. */
/* Calls fn(n) (which calls host natives n times) and checks that no handle is left behind: the live
 * handle count is the same before and after. */
static bool no_handle_kept(hlffi_vm *vm, const char *fn, int n, int want) {
    hlffi_stats before, after;
    CHECK(hlffi_vm_get_stats(vm, &before) == HLFFI_OK);
    hlffi_value *arg = hlffi_value_int(vm, n);
    CHECK(call_int(vm, fn, 1, &arg, -1) == want);
    hlffi_value_free(arg);
    CHECK(hlffi_vm_get_stats(vm, &after) == HLFFI_OK);
    return after.live_handles == before.live_handles;
}

static void every_kind(hlffi_vm *vm) {
    CHECK(add_via(vm, 3, 2.5) == 35);
    hlffi_value *r = call(vm, "testAll", 0, NULL);
    CHECK(all_ok && NEAR(hlffi_value_as_float(r, 0), 65245.75));
    hlffi_value_free(r);
    CHECK(str_is(call_str(vm, "testWide", 0, NULL), "ok"));
    hlffi_value *x = hlffi_value_int(vm, 0x1FE);
    CHECK(call_int(vm, "testSmall", 1, &x, -1) == 255);
    hlffi_value_free(x);
    x = hlffi_value_float(vm, 1.5);
    r = call(vm, "testSingle", 1, &x);
    CHECK(NEAR(hlffi_value_as_float(r, 0), 3.0));
    hlffi_value_free(r);
    hlffi_value_free(x);
    x = hlffi_value_bool(vm, false);
    r = call(vm, "testNeg", 1, &x);
    CHECK(hlffi_value_as_bool(r, false) == true);
    hlffi_value_free(r);
    hlffi_value_free(x);
    x = hlffi_value_string(vm, "wörld");
    CHECK(str_is(call_str(vm, "testGreet", 1, &x), "Hello, wörld!"));
    CHECK(call_int(vm, "testGreetLength", 1, &x, -1) == 13); /* a real Haxe String: UTF-16 length */
    hlffi_value_free(x);
    x = hlffi_value_string(vm, NULL);
    r = call(vm, "testGreet", 1, &x);
    CHECK(r != NULL && hlffi_value_is_null(r));
    hlffi_value_free(r);
    hlffi_value_free(x);
    x = hlffi_value_string(vm, "bad"); /* the native returns an Int for a String */
    CHECK(call(vm, "testGreet", 1, &x) == NULL);
    CHECK(strstr(hlffi_get_exception_message(vm), "cast") != NULL);
    hlffi_clear_exception(vm);
    hlffi_value_free(x);
    CHECK(call_int(vm, "testBytes", 0, NULL, -1) == 532);
    CHECK(str_is(call_str(vm, "testFill", 0, NULL), "wz"));
    hlffi_value *three = hlffi_value_int(vm, 3), *four = hlffi_value_int(vm, 4);
    hlffi_value *xy[2] = {three, four};
    hlffi_value *p = hlffi_new(vm, "Point", 2, xy);
    r = call(vm, "testDyn", 1, &p);
    CHECK(dyn_seen == 104);
    CHECK(hlffi_is_instance_of(r, "Point") && hlffi_get_field_int(r, "x", -1) == 3);
    hlffi_value_free(r);
    hlffi_value_free(p);
    hlffi_value_free(three);
    hlffi_value_free(four);
    /* a host native as a function value */
    hlffi_value *f = call(vm, "asValue", 0, NULL);
    x = hlffi_value_int(vm, 4);
    hlffi_value *y = hlffi_value_float(vm, 0.5);
    hlffi_value *fa[2] = {x, y};
    r = hlffi_function_call(f, 2, fa);
    CHECK(hlffi_value_as_int(r, -1) == 41);
    hlffi_value_free(r);
    hlffi_value_free(f);
    hlffi_value_free(x);
    hlffi_value_free(y);
}

static void throwing_and_nesting(hlffi_vm *vm) {
    hlffi_value *m = hlffi_value_string(vm, "native failed");
    CHECK(str_is(call_str(vm, "testFail", 1, &m), "caught native failed"));
    hlffi_value_free(m);
    hlffi_value *n = hlffi_value_int(vm, 12);
    CHECK(call_int(vm, "testSquareBack", 1, &n, -1) == 144);
    hlffi_value_free(n);
    CHECK(no_handle_kept(vm, "loop", 10000, 10000 * 9999 / 2 * 10 + 10000));
    int want = 0;
    for (int i = 0; i < 5000; i++) {
        char buf[32];
        want += (int)strlen("Hello, !") + snprintf(buf, sizeof buf, "n%d", i);
    }
    CHECK(no_handle_kept(vm, "loopGreet", 5000, want));
}

static void bad_registrations(const char *path) {
    hlffi_vm *vm = hlffi_create();
    CHECK(hlffi_register_native(NULL, "host", "add", n_add, "id_i", NULL) == HLFFI_ERROR_NULL_VM);
    CHECK(hlffi_register_native(vm, NULL, "add", n_add, "id_i", NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_register_native(vm, "", "add", n_add, "id_i", NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_register_native(vm, "host", NULL, n_add, "id_i", NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_register_native(vm, "host", "add", NULL, "id_i", NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_register_native(vm, "host", "add", n_add, NULL, NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
    static const char *bad[] = {"", "ii", "ii_", "ix_i", "i_ii", "v_i", "i_x", "_", "i__i", "S_V"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK(hlffi_register_native(vm, "host", "add", n_add, bad[i], NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
        CHECK(strstr(hlffi_get_error(vm), "signature") != NULL);
    }
    char many[300];
    memset(many, 'i', 256);
    strcpy(many + 256, "_i");
    CHECK(hlffi_register_native(vm, "host", "add", n_add, many, NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
    many[1] = '_', many[2] = 'v', many[3] = 0; /* "i_v" */
    CHECK(hlffi_register_native(vm, "host", "other", n_add, many, NULL) == HLFFI_OK);
    CHECK(hlffi_register_native(vm, "host", "other", n_add, "_v", NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(hlffi_get_error(vm), "already registered") != NULL);
    CHECK(hlffi_load_file(vm, path) == HLFFI_OK); /* registered but unused: fine */
    CHECK(hlffi_register_native(vm, "host", "late", n_add, "_v", NULL) == HLFFI_ERROR_ALREADY_INITIALIZED);
    hlffi_destroy(vm);
}

static void load_checks(const char *path) {
    /* a signature that differs from the module's: the load fails naming both */
    hlffi_vm *vm = hlffi_create();
    CHECK(hlffi_register_native(vm, "host", "add", n_add, "ii_i", &scale10) == HLFFI_OK);
    CHECK(hlffi_load_file(vm, path) == HLFFI_ERROR_MODULE_LOAD_FAILED);
    const char *e = hlffi_get_error(vm);
    CHECK(strstr(e, "host@add") != NULL && strstr(e, "\"id_i\"") != NULL && strstr(e, "\"ii_i\"") != NULL);
    hlffi_destroy(vm);
    vm = hlffi_create();
    CHECK(hlffi_register_native(vm, "host", "greet", n_greet, "D_S", NULL) == HLFFI_OK);
    CHECK(hlffi_load_file(vm, path) == HLFFI_ERROR_MODULE_LOAD_FAILED);
    CHECK(strstr(hlffi_get_error(vm), "\"S_S\"") != NULL);
    hlffi_destroy(vm);
    /* strict: the one not registered is named; with it, the module loads */
    vm = hlffi_create();
    CHECK(hlffi_vm_set_strict(vm, true) == HLFFI_OK);
    register_all(vm, &scale10);
    CHECK(hlffi_load_file(vm, path) == HLFFI_ERROR_MODULE_LOAD_FAILED);
    CHECK(strstr(hlffi_get_error(vm), "host@unregistered") != NULL && strstr(hlffi_get_error(vm), "host@add") == NULL);
    hlffi_destroy(vm);
    vm = hlffi_create();
    CHECK(hlffi_vm_set_strict(vm, true) == HLFFI_OK);
    register_all(vm, &scale10);
    CHECK(hlffi_register_native(vm, "host", "unregistered", n_unregistered, "_i", NULL) == HLFFI_OK);
    CHECK(hlffi_load_file(vm, path) == HLFFI_OK && hlffi_call_entry(vm) == HLFFI_OK);
    CHECK(str_is(call_str(vm, "testUnregistered", 0, NULL), "returned 77"));
    hlffi_destroy(vm);
    /* nothing registered: loads, and calling throws HashLink's message */
    vm = start_vm(path);
    CHECK(str_is(call_str(vm, "testUnregistered", 0, NULL), "Primitive or library is missing"));
    CHECK(add_via(vm, 1, 1) == -1);
    CHECK(strstr(hlffi_get_exception_message(vm), "Primitive or library is missing") != NULL);
    hlffi_destroy(vm);
    /* a host native of the VM's own library takes its place, in this VM only */
    vm = hlffi_create();
    CHECK(hlffi_register_native(vm, "std", "math_sqrt", n_neg_sqrt, "d_d", NULL) == HLFFI_OK);
    CHECK(hlffi_load_file(vm, path) == HLFFI_OK && hlffi_call_entry(vm) == HLFFI_OK);
    hlffi_vm *plain = start_vm(path);
    hlffi_value *n = hlffi_value_float(vm, 16), *m = hlffi_value_float(plain, 16);
    hlffi_value *r = call(vm, "root", 1, &n), *q = call(plain, "root", 1, &m);
    CHECK(NEAR(hlffi_value_as_float(r, 0), -16.0) && NEAR(hlffi_value_as_float(q, 0), 4.0));
    hlffi_value_free(r);
    hlffi_value_free(q);
    hlffi_value_free(n);
    hlffi_value_free(m);
    hlffi_destroy(plain);
    hlffi_destroy(vm);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_natives Natives.hl\n");
        return 2;
    }
    /* two VMs, the same natives with different userdata: each calls its own */
    hlffi_vm *a = load(argv[1], &scale10, false), *b = load(argv[1], &scale100, false);
    CHECK(add_via(a, 3, 2.5) == 35 && add_via(b, 3, 2.5) == 305);
    every_kind(a);
    throwing_and_nesting(a);
    CHECK(str_is(call_str(b, "testUnregistered", 0, NULL), "Primitive or library is missing"));
    hlffi_destroy(a);
    hlffi_destroy(b);
    bad_registrations(argv[1]);
    load_checks(argv[1]);
    return test_result("test_natives");
}
