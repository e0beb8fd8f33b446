/* API scenarios for cached calls and typed calls, using only <hlffi.h>: static and instance caches
 * (virtual dispatch to overrides, a non-virtual method, objects of the wrong class), every numeric kind
 * through the typed path, references as handles, exceptions, wrong argument counts and kinds, freed and
 * NULL caches, handles of another VM, caches left alive at hlffi_destroy, and many calls that collect.
 * usage: test_cache ApiCache.hl */
#include "api_test.h"

/* Reads ApiCache.<name> as an Int (-999 when it cannot). */
static int static_int(hlffi_vm *vm, const char *name) {
    hlffi_value *v = hlffi_get_static_field(vm, "ApiCache", name);
    int r = hlffi_value_as_int(v, -999);
    hlffi_value_free(v);
    return r;
}

static void null_inputs(void) {
    CHECK(hlffi_cache_static_method(NULL, "ApiCache", "one") == NULL);
    CHECK(hlffi_cache_instance_method(NULL, "Shape", "area") == NULL);
    CHECK(hlffi_call_cached(NULL, 0, NULL) == NULL);
    CHECK(hlffi_call_cached_method(NULL, NULL, 0, NULL) == NULL);
    hlffi_cached_call_free(NULL);
    hlffi_slot ret;
    CHECK(hlffi_call_typed(NULL, NULL, 0, &ret) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_call_typed_method(NULL, NULL, NULL, 0, &ret) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_cached_call_get_argc(NULL) == -1);
    CHECK(hlffi_cached_call_get_kind(NULL, -1) == HLFFI_TYPE_VOID);
    hlffi_vm *vm = hlffi_create();
    CHECK(hlffi_cache_static_method(vm, "ApiCache", "one") == NULL);
    CHECK(error_has(vm, "no module"));
    CHECK(hlffi_cache_instance_method(vm, "Shape", "area") == NULL);
    hlffi_destroy(vm);
}

static void static_caches(hlffi_vm *vm) {
    hlffi_cached_call *one = hlffi_cache_static_method(vm, "ApiCache", "one");
    hlffi_cached_call *add = hlffi_cache_static_method(vm, "ApiCache", "add");
    hlffi_cached_call *touch = hlffi_cache_static_method(vm, "ApiCache", "touch");
    CHECK(one != NULL && add != NULL && touch != NULL);
    CHECK(hlffi_cached_call_get_argc(one) == 0 && hlffi_cached_call_get_argc(add) == 2);
    CHECK(hlffi_cached_call_get_kind(add, 0) == HLFFI_TYPE_I32 && hlffi_cached_call_get_kind(add, -1) == HLFFI_TYPE_I32);
    CHECK(hlffi_cached_call_get_kind(add, 2) == HLFFI_TYPE_VOID && hlffi_cached_call_get_kind(add, -2) == HLFFI_TYPE_VOID);
    CHECK(hlffi_cached_call_get_kind(touch, -1) == HLFFI_TYPE_VOID);

    hlffi_value *r = hlffi_call_cached(one, 0, NULL);
    CHECK(hlffi_value_as_int(r, 0) == 1);
    hlffi_value_free(r);
    hlffi_value *a[2] = {hlffi_value_int(vm, 40), hlffi_value_int(vm, 2)};
    for (int i = 0; i < 3; i++) {
        r = hlffi_call_cached(add, 2, a);
        CHECK(hlffi_value_as_int(r, 0) == 42);
        hlffi_value_free(r);
    }
    /* Haxe's conversions: a Float argument is truncated to the Int parameter. */
    hlffi_value *f = hlffi_value_float(vm, 2.75);
    hlffi_value *af[2] = {a[0], f};
    r = hlffi_call_cached(add, 2, af);
    CHECK(hlffi_value_as_int(r, 0) == 42);
    hlffi_value_free(r);
    /* Void: a handle holding null; the Haxe side counted the calls. */
    int before = static_int(vm, "calls");
    for (int i = 0; i < 5; i++) {
        r = hlffi_call_cached(touch, 0, NULL);
        CHECK(r != NULL && hlffi_value_is_null(r));
        hlffi_value_free(r);
    }
    CHECK(static_int(vm, "calls") == before + 5);

    /* Bad calls: each fails with its error and leaves the cache usable. */
    CHECK(hlffi_call_cached(add, 1, a) == NULL);
    CHECK(error_has(vm, "ApiCache.add takes 2 arguments, 1 given"));
    CHECK(hlffi_call_cached(add, -1, a) == NULL);
    CHECK(hlffi_call_cached(add, 2, NULL) == NULL);
    CHECK(error_has(vm, "NULL"));
    hlffi_value *s = hlffi_value_string(vm, "x");
    hlffi_value *as[2] = {a[0], s};
    CHECK(hlffi_call_cached(add, 2, as) == NULL);
    CHECK(error_has(vm, "argument 1") && error_has(vm, "cannot convert"));
    hlffi_value *an[2] = {NULL, a[1]};
    CHECK(hlffi_call_cached(add, 2, an) == NULL);
    CHECK(error_has(vm, "argument 0: NULL handle"));
    hlffi_value *dead = hlffi_value_int(vm, 1);
    hlffi_value_free(dead);
    hlffi_value *ad[2] = {a[0], dead};
    CHECK(hlffi_call_cached(add, 2, ad) == NULL);
    CHECK(error_has(vm, "freed"));
    CHECK(hlffi_call_cached_method(add, a[0], 2, a) == NULL);
    CHECK(error_has(vm, "static"));
    hlffi_slot sl[2];
    CHECK(hlffi_call_typed_method(add, a[0], sl, 2, NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
    r = hlffi_call_cached(add, 2, a);
    CHECK(hlffi_value_as_int(r, 0) == 42);
    hlffi_value_free(r);

    /* Unknown names and members that are not methods. */
    CHECK(hlffi_cache_static_method(vm, "NoSuchClass", "one") == NULL);
    CHECK(error_has(vm, "NoSuchClass") && error_has(vm, "@:keep"));
    CHECK(hlffi_cache_static_method(vm, "ApiCache", "nope") == NULL);
    CHECK(error_has(vm, "ApiCache.nope"));
    CHECK(hlffi_cache_static_method(vm, "ApiCache", "calls") == NULL);
    CHECK(error_has(vm, "variable"));
    CHECK(hlffi_cache_static_method(vm, NULL, "one") == NULL);
    CHECK(hlffi_cache_static_method(vm, "ApiCache", NULL) == NULL);

    /* Exceptions: recorded with their message, the cache still works afterwards. */
    hlffi_cached_call *fail = hlffi_cache_static_method(vm, "ApiCache", "fail");
    hlffi_value *msg = hlffi_value_string(vm, "bad");
    hlffi_clear_exception(vm);
    CHECK(hlffi_call_cached(fail, 1, &msg) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "cache failed: bad") != NULL);
    CHECK(hlffi_has_exception(vm) && strstr(hlffi_get_exception_message(vm), "cache failed: bad") != NULL);
    CHECK(strstr(hlffi_get_exception_stack(vm), "ApiCache.hx") != NULL);
    hlffi_slot in = {.value = msg}, out;
    CHECK(hlffi_call_typed(fail, &in, 1, &out) == HLFFI_ERROR_EXCEPTION_THROWN);
    r = hlffi_call_cached(one, 0, NULL);
    CHECK(hlffi_value_as_int(r, 0) == 1);
    hlffi_value_free(r);

    /* Freed caches: calling one is reported, freeing twice is harmless, the record is reused. */
    hlffi_cached_call_free(fail);
    CHECK(hlffi_call_cached(fail, 1, &msg) == NULL);
    CHECK(error_has(vm, "freed"));
    CHECK(hlffi_call_typed(fail, &in, 1, &out) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_cached_call_get_argc(fail) == -1);
    hlffi_cached_call_free(fail);
    hlffi_cached_call *again = hlffi_cache_static_method(vm, "ApiCache", "one");
    r = hlffi_call_cached(again, 0, NULL);
    CHECK(hlffi_value_as_int(r, 0) == 1);
    hlffi_value_free(r);

    hlffi_value_free(msg);
    hlffi_value_free(s);
    hlffi_value_free(f);
    hlffi_value_free(a[0]);
    hlffi_value_free(a[1]);
    hlffi_cached_call_free(again);
    hlffi_cached_call_free(one);
    hlffi_cached_call_free(add);
    /* touch stays alive: hlffi_destroy frees it (valgrind checks). */
}

/* A new Shape, Square or Cube (side 0 for Shape). */
static hlffi_value *make(hlffi_vm *vm, const char *cls, int id, double side) {
    hlffi_value *args[2] = {hlffi_value_int(vm, id), hlffi_value_float(vm, side)};
    hlffi_value *o = hlffi_new(vm, cls, strcmp(cls, "Shape") == 0 ? 1 : 2, args);
    CHECK(o != NULL);
    hlffi_value_free(args[0]);
    hlffi_value_free(args[1]);
    return o;
}

static double call_area(hlffi_cached_call *area, hlffi_value *o) {
    hlffi_value *r = hlffi_call_cached_method(area, o, 0, NULL);
    double d = hlffi_value_as_float(r, -1);
    hlffi_value_free(r);
    return d;
}

static void instance_caches(hlffi_vm *vm) {
    hlffi_value *shape = make(vm, "Shape", 1, 0), *square = make(vm, "Square", 2, 3), *cube = make(vm, "Cube", 3, 2);
    hlffi_cached_call *area = hlffi_cache_instance_method(vm, "Shape", "area");
    hlffi_cached_call *ident = hlffi_cache_instance_method(vm, "Shape", "ident");
    hlffi_cached_call *scaled = hlffi_cache_instance_method(vm, "Shape", "scaled");
    CHECK(area != NULL && ident != NULL && scaled != NULL);
    CHECK(hlffi_cached_call_get_argc(scaled) == 2 && hlffi_cached_call_get_kind(scaled, 1) == HLFFI_TYPE_F64);
    /* Virtual dispatch, alternating the object types and repeating each: every object gets its own
     * class's override. */
    for (int i = 0; i < 3; i++) {
        CHECK(call_area(area, shape) == 0.0);
        CHECK(call_area(area, square) == 9.0);
        CHECK(call_area(area, square) == 9.0);
        CHECK(call_area(area, cube) == 24.0);
        CHECK(call_area(area, cube) == 24.0);
        CHECK(call_area(area, shape) == 0.0);
    }
    CHECK(hlffi_get_field_int(square, "hits", -1) == 6 && hlffi_get_field_int(cube, "hits", -1) == 6);
    /* Cached on the subclass: a Shape is not a Square. */
    hlffi_cached_call *sq_area = hlffi_cache_instance_method(vm, "Square", "area");
    CHECK(call_area(sq_area, cube) == 24.0);
    CHECK(hlffi_call_cached_method(sq_area, shape, 0, NULL) == NULL);
    CHECK(error_has(vm, "not a Square"));
    /* A non-virtual method, and arguments converted from other kinds. */
    hlffi_value *x = hlffi_value_int(vm, 7);
    hlffi_value *r = hlffi_call_cached_method(ident, square, 1, &x);
    CHECK(hlffi_value_as_int(r, 0) == 2007);
    hlffi_value_free(r);
    hlffi_value *sargs[2] = {hlffi_value_float(vm, 2.0), hlffi_value_int(vm, 3)}; /* Float to Int, Int to Float */
    r = hlffi_call_cached_method(scaled, cube, 2, sargs);
    CHECK(hlffi_value_as_float(r, 0) == 24.0 * 2 * 3);
    hlffi_value_free(r);
    /* Wrong objects. */
    hlffi_value *other = hlffi_new(vm, "Other", 0, NULL);
    CHECK(hlffi_call_cached_method(area, other, 0, NULL) == NULL);
    CHECK(error_has(vm, "not a Shape"));
    CHECK(hlffi_call_cached_method(area, NULL, 0, NULL) == NULL);
    CHECK(error_has(vm, "NULL instance"));
    CHECK(hlffi_call_cached_method(area, x, 0, NULL) == NULL);
    CHECK(error_has(vm, "not an object"));
    hlffi_value *null = hlffi_value_null(vm);
    CHECK(hlffi_call_cached_method(area, null, 0, NULL) == NULL);
    CHECK(error_has(vm, "null"));
    CHECK(hlffi_call_cached_method(area, square, 1, &x) == NULL);
    CHECK(error_has(vm, "takes 0 arguments, 1 given"));
    CHECK(hlffi_call_cached(area, 0, NULL) == NULL);
    CHECK(error_has(vm, "instance"));
    /* An object held as Dynamic works too. */
    hlffi_value *dyn = hlffi_get_static_field(vm, "ApiCache", "hook"); /* null Dynamic-ish value */
    CHECK(hlffi_call_cached_method(area, dyn, 0, NULL) == NULL);
    hlffi_value_free(dyn);
    /* Unknown names. */
    CHECK(hlffi_cache_instance_method(vm, "Shape", "nope") == NULL);
    CHECK(error_has(vm, "Shape.nope"));
    CHECK(hlffi_cache_instance_method(vm, "NoSuchClass", "area") == NULL);
    CHECK(hlffi_cache_instance_method(vm, "ApiCache", "one") == NULL);
    /* An exception in a cached method. */
    hlffi_cached_call *boom = hlffi_cache_instance_method(vm, "Shape", "boom");
    CHECK(hlffi_call_cached_method(boom, cube, 0, NULL) == NULL);
    CHECK(strstr(hlffi_get_exception_message(vm), "shape 3 exploded") != NULL);

    /* Typed method calls. */
    hlffi_slot out;
    CHECK(hlffi_call_typed_method(area, square, NULL, 0, &out) == HLFFI_OK && out.f64 == 9.0);
    hlffi_slot in2[2] = {{.i32 = 2}, {.f64 = 0.5}};
    CHECK(hlffi_call_typed_method(scaled, cube, in2, 2, &out) == HLFFI_OK && out.f64 == 24.0);
    CHECK(hlffi_call_typed_method(scaled, other, in2, 2, &out) == HLFFI_ERROR_TYPE_MISMATCH);
    CHECK(hlffi_call_typed_method(scaled, cube, in2, 1, &out) == HLFFI_ERROR_TYPE_MISMATCH);
    CHECK(hlffi_call_typed_method(scaled, NULL, in2, 2, &out) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_call_typed(scaled, in2, 2, &out) == HLFFI_ERROR_INVALID_ARGUMENT);
    hlffi_slot id_in = {.i32 = 5};
    CHECK(hlffi_call_typed_method(ident, shape, &id_in, 1, &out) == HLFFI_OK && out.i32 == 1005);
    hlffi_slot name_out;
    hlffi_cached_call *name = hlffi_cache_instance_method(vm, "Shape", "name");
    CHECK(hlffi_call_typed_method(name, cube, NULL, 0, &name_out) == HLFFI_OK);
    CHECK(str_is(hlffi_value_as_string(name_out.value), "square"));
    hlffi_value_free(name_out.value);

    hlffi_value_free(null);
    hlffi_value_free(other);
    hlffi_value_free(sargs[0]);
    hlffi_value_free(sargs[1]);
    hlffi_value_free(x);
    hlffi_value_free(shape);
    hlffi_value_free(square);
    hlffi_value_free(cube);
    hlffi_cached_call_free(name);
    hlffi_cached_call_free(boom);
    hlffi_cached_call_free(sq_area);
    hlffi_cached_call_free(area);
    hlffi_cached_call_free(ident);
    hlffi_cached_call_free(scaled);
}

static void typed_calls(hlffi_vm *vm) {
    hlffi_slot out;
    hlffi_cached_call *add = hlffi_cache_static_method(vm, "ApiCache", "add");
    hlffi_slot in[7];
    in[0].i32 = 40;
    in[1].i32 = 2;
    CHECK(hlffi_call_typed(add, in, 2, &out) == HLFFI_OK && out.i32 == 42);
    in[0].i32 = 2147483647; /* Haxe Int arithmetic wraps */
    in[1].i32 = 1;
    CHECK(hlffi_call_typed(add, in, 2, &out) == HLFFI_OK && out.i32 == -2147483647 - 1);
    CHECK(hlffi_call_typed(add, in, 2, NULL) == HLFFI_OK);
    CHECK(hlffi_call_typed(add, in, 3, &out) == HLFFI_ERROR_TYPE_MISMATCH);
    CHECK(error_has(vm, "takes 2 arguments, 3 given"));
    CHECK(hlffi_call_typed(add, NULL, 2, &out) == HLFFI_ERROR_INVALID_ARGUMENT);

    /* Every numeric kind in: (a:UI8, b:UI16, c:Int, d:I64, e:Single, f:Float, g:Bool):Float. */
    hlffi_cached_call *mix = hlffi_cache_static_method(vm, "ApiCache", "mix");
    CHECK(hlffi_cached_call_get_kind(mix, 0) == HLFFI_TYPE_UI8 && hlffi_cached_call_get_kind(mix, 1) == HLFFI_TYPE_UI16);
    CHECK(hlffi_cached_call_get_kind(mix, 3) == HLFFI_TYPE_I64 && hlffi_cached_call_get_kind(mix, 4) == HLFFI_TYPE_F32);
    CHECK(hlffi_cached_call_get_kind(mix, 6) == HLFFI_TYPE_BOOL && hlffi_cached_call_get_kind(mix, -1) == HLFFI_TYPE_F64);
    in[0].i32 = 0x101; /* UI8 keeps the low byte: 1 */
    in[1].i32 = 0x10002; /* UI16: 2 */
    in[2].i32 = 3;
    in[3].i64 = 4;
    in[4].f32 = 0.5f;
    in[5].f64 = 0.25;
    in[6].b = true;
    CHECK(hlffi_call_typed(mix, in, 7, &out) == HLFFI_OK && out.f64 == 10.75);
    in[6].b = false;
    CHECK(hlffi_call_typed(mix, in, 7, &out) == HLFFI_OK && out.f64 == -10.75);

    /* Every numeric kind out. */
    hlffi_cached_call *big = hlffi_cache_static_method(vm, "ApiCache", "big");
    hlffi_slot b = {.i64 = 5000000000LL};
    CHECK(hlffi_call_typed(big, &b, 1, &out) == HLFFI_OK && out.i64 == 15000000000LL);
    hlffi_cached_call *half = hlffi_cache_static_method(vm, "ApiCache", "half");
    hlffi_slot h = {.f32 = 3.0f};
    CHECK(hlffi_call_typed(half, &h, 1, &out) == HLFFI_OK && out.f32 == 1.5f);
    hlffi_cached_call *ui8 = hlffi_cache_static_method(vm, "ApiCache", "ui8");
    hlffi_slot u = {.i32 = 300};
    CHECK(hlffi_call_typed(ui8, &u, 1, &out) == HLFFI_OK && out.i32 == 44);
    hlffi_cached_call *ui16 = hlffi_cache_static_method(vm, "ApiCache", "ui16");
    u.i32 = 70000;
    CHECK(hlffi_call_typed(ui16, &u, 1, &out) == HLFFI_OK && out.i32 == 4464);
    hlffi_cached_call *negate = hlffi_cache_static_method(vm, "ApiCache", "negate");
    hlffi_slot t = {.b = true};
    CHECK(hlffi_call_typed(negate, &t, 1, &out) == HLFFI_OK && out.b == false);
    t.b = false;
    CHECK(hlffi_call_typed(negate, &t, 1, &out) == HLFFI_OK && out.b == true);
    hlffi_cached_call *touch = hlffi_cache_static_method(vm, "ApiCache", "touch");
    int before = static_int(vm, "calls");
    out.i64 = -1;
    CHECK(hlffi_call_typed(touch, NULL, 0, &out) == HLFFI_OK && out.i64 == 0);
    CHECK(static_int(vm, "calls") == before + 1);

    /* References: handles in (a NULL handle passes null), a new handle out. */
    hlffi_cached_call *greet = hlffi_cache_static_method(vm, "ApiCache", "greet");
    CHECK(hlffi_cached_call_get_kind(greet, 0) == HLFFI_TYPE_OBJ && hlffi_cached_call_get_kind(greet, 1) == HLFFI_TYPE_DYN);
    hlffi_value *bob = hlffi_value_string(vm, "Bob"), *seven = hlffi_value_int(vm, 7);
    hlffi_slot g[2] = {{.value = bob}, {.value = seven}};
    CHECK(hlffi_call_typed(greet, g, 2, &out) == HLFFI_OK);
    CHECK(str_is(hlffi_value_as_string(out.value), "hi Bob/7"));
    hlffi_value_free(out.value);
    g[1].value = NULL;
    CHECK(hlffi_call_typed(greet, g, 2, &out) == HLFFI_OK);
    CHECK(str_is(hlffi_value_as_string(out.value), "hi Bob"));
    hlffi_value_free(out.value);
    g[0].value = seven; /* an Int where a String is expected does not convert */
    CHECK(hlffi_call_typed(greet, g, 2, &out) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(error_has(vm, "argument 0"));
    hlffi_cached_call *maybe = hlffi_cache_static_method(vm, "ApiCache", "maybe");
    hlffi_slot m = {.value = NULL};
    CHECK(hlffi_call_typed(maybe, &m, 1, &out) == HLFFI_OK && out.i32 == -1);
    m.value = seven;
    CHECK(hlffi_call_typed(maybe, &m, 1, &out) == HLFFI_OK && out.i32 == 14);

    /* Results of references through a handle-less caller: the handle is not made (ret NULL). */
    g[0].value = bob;
    CHECK(hlffi_call_typed(greet, g, 2, NULL) == HLFFI_OK);
    hlffi_value *last = hlffi_get_static_field(vm, "ApiCache", "lastText");
    CHECK(str_is(hlffi_value_as_string(last), "Bob"));
    hlffi_value_free(last);

    hlffi_value_free(bob);
    hlffi_value_free(seven);
    hlffi_cached_call *all[] = {add, mix, big, half, ui8, ui16, negate, touch, greet, maybe};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        hlffi_cached_call_free(all[i]);
}

/* Many cached calls that allocate: collections run between and inside them. */
static void collecting(hlffi_vm *vm) {
    hlffi_cached_call *churn = hlffi_cache_static_method(vm, "ApiCache", "churn");
    hlffi_value *n = hlffi_value_int(vm, 200);
    hlffi_value *kept[64];
    for (int i = 0; i < 2000; i++) {
        hlffi_value *r = hlffi_call_cached(churn, 1, &n);
        if (i < 64)
            kept[i] = r;
        else
            hlffi_value_free(r);
    }
    for (int i = 0; i < 64; i++) {
        CHECK(str_is(hlffi_value_as_string(kept[i]), "0,1,2,3,"));
        hlffi_value_free(kept[i]);
    }
    hlffi_slot in = {.i32 = 50}, out;
    for (int i = 0; i < 500; i++) {
        CHECK(hlffi_call_typed(churn, &in, 1, &out) == HLFFI_OK);
        hlffi_value_free(out.value);
    }
    hlffi_value_free(n);
    hlffi_cached_call_free(churn);
}

/* Two VMs: a cache and the handles of one do not mix with the other's. */
static void two_vms(const char *path, hlffi_vm *vm) {
    hlffi_vm *other = start_vm(path);
    hlffi_cached_call *add = hlffi_cache_static_method(other, "ApiCache", "add");
    hlffi_value *mine[2] = {hlffi_value_int(vm, 1), hlffi_value_int(vm, 2)};
    CHECK(hlffi_call_cached(add, 2, mine) == NULL);
    CHECK(error_has(other, "another VM's"));
    hlffi_value *theirs[2] = {hlffi_value_int(other, 1), hlffi_value_int(other, 2)};
    hlffi_value *r = hlffi_call_cached(add, 2, theirs);
    CHECK(hlffi_value_as_int(r, 0) == 3);
    hlffi_value_free(r);
    hlffi_cached_call *area = hlffi_cache_instance_method(other, "Shape", "area");
    hlffi_value *mine_shape = make(vm, "Shape", 9, 0);
    CHECK(hlffi_call_cached_method(area, mine_shape, 0, NULL) == NULL);
    CHECK(error_has(other, "another VM's"));
    hlffi_value_free(mine_shape);
    hlffi_value_free(mine[0]);
    hlffi_value_free(mine[1]);
    /* other is destroyed with its caches and handles still alive: nothing leaks. */
    hlffi_destroy(other);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_cache ApiCache.hl\n");
        return 2;
    }
    null_inputs();
    hlffi_vm *vm = start_vm(argv[1]);
    static_caches(vm);
    instance_caches(vm);
    typed_calls(vm);
    collecting(vm);
    two_vms(argv[1], vm);
    hlffi_destroy(vm);
    return test_result("test_cache");
}
