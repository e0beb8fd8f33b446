/* API scenarios for arrays, using only <hlffi.h>: Haxe arrays of every element type made in C and
 * checked by Haxe code (ApiArrays.hx sums/joins them), arrays made by Haxe read in C, growth from both
 * sides, hl.NativeArray with zero-copy pointers, @:struct arrays, and bad inputs of every kind.
 * usage: test_arrays ApiArrays.hl */
#include "api_test.h"

/* ApiArrays.<fn>(a [, b]) as a handle (the caller frees it). */
static hlffi_value *call(hlffi_vm *vm, const char *fn, hlffi_value *a, hlffi_value *b) {
    hlffi_value *argv[2] = {a, b};
    return hlffi_call_static(vm, "ApiArrays", fn, a == NULL ? 0 : b == NULL ? 1 : 2, argv);
}

static int call_int(hlffi_vm *vm, const char *fn, hlffi_value *a) {
    hlffi_value *r = call(vm, fn, a, NULL);
    int v = hlffi_value_as_int(r, -999999);
    hlffi_value_free(r);
    return v;
}

static double call_float(hlffi_vm *vm, const char *fn, hlffi_value *a) {
    hlffi_value *r = call(vm, fn, a, NULL);
    double v = hlffi_value_as_float(r, -999999);
    hlffi_value_free(r);
    return v;
}

static char *call_string(hlffi_vm *vm, const char *fn, hlffi_value *a) {
    hlffi_value *r = call(vm, fn, a, NULL);
    char *s = hlffi_value_as_string(r);
    hlffi_value_free(r);
    return s;
}

/* arr[i] := v for a made value, freeing it. */
static bool set_made(hlffi_vm *vm, hlffi_value *arr, int i, hlffi_value *v) {
    bool ok = hlffi_array_set(vm, arr, i, v);
    hlffi_value_free(v);
    return ok;
}

static bool push_made(hlffi_vm *vm, hlffi_value *arr, hlffi_value *v) {
    bool ok = hlffi_array_push(vm, arr, v);
    hlffi_value_free(v);
    return ok;
}

static int get_int(hlffi_vm *vm, hlffi_value *arr, int i) {
    hlffi_value *v = hlffi_array_get(vm, arr, i);
    int r = hlffi_value_as_int(v, -999999);
    hlffi_value_free(v);
    return r;
}

static char *get_string(hlffi_vm *vm, hlffi_value *arr, int i) {
    hlffi_value *v = hlffi_array_get(vm, arr, i);
    char *s = hlffi_value_as_string(v);
    hlffi_value_free(v);
    return s;
}

static void int_arrays(hlffi_vm *vm) {
    hlffi_value *a = hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_I32), 3);
    CHECK(a != NULL);
    CHECK(hlffi_is_instance_of(a, "hl.types.ArrayBytes_Int"));
    CHECK(hlffi_array_length(a) == 3);
    CHECK(get_int(vm, a, 2) == 0); /* zeroed */
    for (int i = 0; i < 3; i++)
        CHECK(set_made(vm, a, i, hlffi_value_int(vm, i + 1)));
    CHECK(push_made(vm, a, hlffi_value_int(vm, 10)));
    CHECK(call_int(vm, "sumInts", a) == 16);
    /* Haxe's conversions: a Float stored into Array<Int> is truncated, a String does not convert */
    CHECK(set_made(vm, a, 0, hlffi_value_float(vm, 7.9)));
    CHECK(get_int(vm, a, 0) == 7);
    CHECK(!set_made(vm, a, 0, hlffi_value_string(vm, "12")));
    CHECK(error_has(vm, "cannot convert"));
    /* a set past the end grows the array as `a[i] = v` does; the gap is zero */
    CHECK(set_made(vm, a, 6, hlffi_value_int(vm, 5)));
    CHECK(hlffi_array_length(a) == 7);
    CHECK(get_int(vm, a, 5) == 0);
    CHECK(call_int(vm, "sumInts", a) == 7 + 2 + 3 + 10 + 5);
    /* bounds */
    CHECK(hlffi_array_get(vm, a, 7) == NULL);
    CHECK(error_has(vm, "out of range"));
    CHECK(hlffi_array_get(vm, a, -1) == NULL);
    CHECK(!set_made(vm, a, -1, hlffi_value_int(vm, 1)));
    CHECK(error_has(vm, "out of range"));
    CHECK(!set_made(vm, a, 0x7fffffff, hlffi_value_int(vm, 1)));
    CHECK(hlffi_array_length(a) == 7);
    /* Haxe code growing a C array: C sees the new length and elements */
    hlffi_value *n = hlffi_value_int(vm, 4);
    hlffi_value *r = call(vm, "pushInts", a, n);
    CHECK(hlffi_value_as_int(r, -1) == 11);
    hlffi_value_free(r);
    hlffi_value_free(n);
    CHECK(hlffi_array_length(a) == 11);
    CHECK(get_int(vm, a, 10) == 9);
    /* many pushes (amortised growth), with collections on the way */
    long want = call_int(vm, "sumInts", a);
    for (int i = 0; i < 5000; i++) {
        CHECK(push_made(vm, a, hlffi_value_int(vm, i)));
        want += i;
        if (i % 500 == 0) { /* Haxe allocations in between, so collections run */
            hlffi_value *m = hlffi_value_int(vm, 2000);
            hlffi_value_free(call(vm, "makeInts", m, NULL));
            hlffi_value_free(m);
        }
    }
    CHECK(hlffi_array_length(a) == 5011);
    CHECK(call_int(vm, "sumInts", a) == (int)want);
    hlffi_value_free(a);

    /* an empty array made in C, filled by pushes only */
    a = hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_I32), 0);
    CHECK(hlffi_array_length(a) == 0);
    CHECK(hlffi_native_array_get_ptr(a) == NULL); /* no storage yet */
    CHECK(push_made(vm, a, hlffi_value_int(vm, 41)));
    CHECK(push_made(vm, a, hlffi_value_bool(vm, true)));
    CHECK(call_int(vm, "sumInts", a) == 42);
    int *p = hlffi_native_array_get_ptr(a); /* zero-copy view of Array<Int>'s storage */
    CHECK(p != NULL && p[0] == 41 && p[1] == 1);
    hlffi_value_free(a);

    /* read an Array<Int> made by Haxe */
    n = hlffi_value_int(vm, 5);
    a = call(vm, "makeInts", n, NULL);
    hlffi_value_free(n);
    CHECK(hlffi_array_length(a) == 5);
    CHECK(get_int(vm, a, 4) == 16);
    CHECK(set_made(vm, a, 5, hlffi_value_int(vm, 100)));
    CHECK(call_int(vm, "sumInts", a) == 0 + 1 + 4 + 9 + 16 + 100);
    hlffi_value_free(a);
}

static void number_arrays(hlffi_vm *vm) {
    hlffi_value *a = hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_F64), 2);
    CHECK(hlffi_is_instance_of(a, "hl.types.ArrayBytes_Float"));
    CHECK(set_made(vm, a, 0, hlffi_value_float(vm, 0.25)));
    CHECK(set_made(vm, a, 1, hlffi_value_int(vm, 2))); /* Int to Float converts */
    CHECK(push_made(vm, a, hlffi_value_f32(vm, 0.5f)));
    CHECK(call_float(vm, "sumFloats", a) == 2.75);
    double *d = hlffi_native_array_get_ptr(a);
    CHECK(d != NULL && d[0] == 0.25 && d[2] == 0.5);
    hlffi_value_free(a);

    a = hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_F32), 1);
    CHECK(hlffi_is_instance_of(a, "hl.types.ArrayBytes_hl_F32"));
    CHECK(set_made(vm, a, 0, hlffi_value_f32(vm, 1.5f)));
    CHECK(push_made(vm, a, hlffi_value_float(vm, 0.25)));
    CHECK(call_float(vm, "sumSingles", a) == 1.75);
    hlffi_value *v = hlffi_array_get(vm, a, 1);
    CHECK(hlffi_value_as_f32(v, 0) == 0.25f);
    hlffi_value_free(v);
    hlffi_value_free(a);

    a = hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_UI16), 0);
    CHECK(hlffi_is_instance_of(a, "hl.types.ArrayBytes_hl_UI16"));
    CHECK(push_made(vm, a, hlffi_value_int(vm, 65535)));
    CHECK(push_made(vm, a, hlffi_value_int(vm, 65537))); /* truncated to 16 bits, as Haxe's cast */
    CHECK(call_int(vm, "sumUI16", a) == 65536);
    CHECK(get_int(vm, a, 1) == 1);
    hlffi_value_free(a);

    /* Bool, hl.I64 and UI8 arrays are ArrayObj of boxed values in Haxe 4.2.5 */
    a = hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_BOOL), 2);
    CHECK(hlffi_is_instance_of(a, "hl.types.ArrayObj"));
    CHECK(set_made(vm, a, 0, hlffi_value_bool(vm, true)));
    CHECK(push_made(vm, a, hlffi_value_bool(vm, true)));
    CHECK(push_made(vm, a, hlffi_value_bool(vm, false)));
    CHECK(call_int(vm, "countTrue", a) == 2);
    CHECK(hlffi_array_length(a) == 4);
    v = hlffi_array_get(vm, a, 3);
    CHECK(!hlffi_value_as_bool(v, true));
    hlffi_value_free(v);
    v = hlffi_array_get(vm, a, 1); /* never set: null, read as false by Haxe */
    CHECK(hlffi_value_is_null(v));
    hlffi_value_free(v);
    hlffi_value_free(a);

    a = hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_I64), 0);
    CHECK(push_made(vm, a, hlffi_value_int(vm, 40)));
    CHECK(push_made(vm, a, hlffi_value_int(vm, 2)));
    CHECK(call_float(vm, "sumI64", a) == 42.0);
    hlffi_value_free(a);

    a = hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_UI8), 1);
    CHECK(set_made(vm, a, 0, hlffi_value_int(vm, 300))); /* converted to UI8 as it is stored */
    CHECK(get_int(vm, a, 0) == 44);
    CHECK(!set_made(vm, a, 0, hlffi_value_string(vm, "x")));
    hlffi_value_free(a);

    /* Haxe-made arrays of each kind read in C */
    a = call(vm, "makeFloats", NULL, NULL);
    v = hlffi_array_get(vm, a, 2);
    CHECK(hlffi_array_length(a) == 3 && hlffi_value_as_float(v, 0) == 1e10);
    hlffi_value_free(v);
    hlffi_value_free(a);
    a = call(vm, "makeSingles", NULL, NULL);
    v = hlffi_array_get(vm, a, 1);
    CHECK(hlffi_value_as_f32(v, 0) == 2.5f);
    hlffi_value_free(v);
    hlffi_value_free(a);
    a = call(vm, "makeUI16", NULL, NULL);
    CHECK(get_int(vm, a, 0) == 65535 && get_int(vm, a, 1) == 7);
    hlffi_value_free(a);
    a = call(vm, "makeBools", NULL, NULL);
    v = hlffi_array_get(vm, a, 0);
    CHECK(hlffi_array_length(a) == 3 && hlffi_value_as_bool(v, false));
    hlffi_value_free(v);
    hlffi_value_free(a);
}

static void object_arrays(hlffi_vm *vm) {
    hlffi_type *string_t = hlffi_find_type(vm, "String");
    CHECK(string_t != NULL);
    hlffi_value *a = hlffi_array_new(vm, hlffi_type_as_hl_type(string_t), 2);
    CHECK(hlffi_is_instance_of(a, "hl.types.ArrayObj"));
    CHECK(set_made(vm, a, 0, hlffi_value_string(vm, "a")));
    CHECK(set_made(vm, a, 1, hlffi_value_string(vm, "é")));
    CHECK(!set_made(vm, a, 1, hlffi_value_int(vm, 3))); /* an Array<String> holds Strings */
    CHECK(error_has(vm, "cannot convert"));
    CHECK(push_made(vm, a, hlffi_value_string(vm, NULL)));
    CHECK(str_is(call_string(vm, "joinStrings", a), "a,é,null"));
    hlffi_value *s = hlffi_value_string(vm, "x");
    hlffi_value *r = call(vm, "pushStrings", a, s);
    CHECK(hlffi_value_as_int(r, -1) == 5);
    hlffi_value_free(r);
    hlffi_value_free(s);
    CHECK(str_is(get_string(vm, a, 0), "x0"));
    CHECK(str_is(get_string(vm, a, 4), "x"));
    CHECK(str_is(call_string(vm, "joinStrings", a), "x0,a,é,null,x"));
    /* many new strings pushed while the collector runs */
    for (int i = 0; i < 3000; i++) {
        char buf[16];
        snprintf(buf, sizeof buf, "s%d", i);
        CHECK(push_made(vm, a, hlffi_value_string(vm, buf)));
    }
    CHECK(str_is(get_string(vm, a, 3004), "s2999"));
    hlffi_value_free(a);

    a = call(vm, "makeStrings", NULL, NULL);
    CHECK(hlffi_array_length(a) == 3);
    CHECK(str_is(get_string(vm, a, 0), "héllo"));
    hlffi_value *e = hlffi_array_get(vm, a, 1);
    CHECK(e != NULL && hlffi_value_is_null(e));
    hlffi_value_free(e);
    CHECK(set_made(vm, a, 1, hlffi_value_string(vm, "mid")));
    CHECK(str_is(call_string(vm, "joinStrings", a), "héllo,mid,z"));
    hlffi_value_free(a);

    /* Array<Dynamic>: an ArrayDyn, any value boxed */
    a = hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_DYN), 0);
    CHECK(hlffi_is_instance_of(a, "hl.types.ArrayDyn"));
    CHECK(push_made(vm, a, hlffi_value_int(vm, 1)));
    CHECK(push_made(vm, a, hlffi_value_string(vm, "b")));
    CHECK(push_made(vm, a, hlffi_value_float(vm, 2.5)));
    CHECK(push_made(vm, a, hlffi_value_null(vm)));
    CHECK(set_made(vm, a, 5, hlffi_value_bool(vm, true)));
    CHECK(str_is(call_string(vm, "describe", a), "[1,b,2.5,null,null,true]:6"));
    CHECK(str_is(get_string(vm, a, 1), "b"));
    hlffi_value_free(a);
    a = call(vm, "makeDyn", NULL, NULL);
    CHECK(hlffi_array_length(a) == 4);
    CHECK(get_int(vm, a, 0) == 1);
    CHECK(str_is(get_string(vm, a, 1), "two"));
    CHECK(push_made(vm, a, hlffi_value_int(vm, 5)));
    CHECK(str_is(call_string(vm, "describe", a), "[1,two,3.5,null,5]:5"));
    hlffi_value_free(a);

    /* class instances, enums and nested arrays: element types from hlffi_find_type */
    hlffi_type *point_t = hlffi_find_type(vm, "Point");
    CHECK(point_t != NULL);
    a = hlffi_array_new(vm, hlffi_type_as_hl_type(point_t), 1);
    hlffi_value *args[2] = {hlffi_value_int(vm, 1), hlffi_value_int(vm, 2)};
    hlffi_value *p = hlffi_new(vm, "Point", 2, args);
    CHECK(hlffi_array_set(vm, a, 0, p));
    CHECK(hlffi_array_push(vm, a, p));
    CHECK(call_int(vm, "sumPoints", a) == 24);
    CHECK(!set_made(vm, a, 0, hlffi_value_string(vm, "no")));
    CHECK(push_made(vm, a, hlffi_value_null(vm)));
    CHECK(call_int(vm, "sumPoints", a) == 1024);
    hlffi_value *got = hlffi_array_get(vm, a, 1);
    CHECK(hlffi_get_field_int(got, "y", -1) == 2);
    hlffi_value_free(got);
    hlffi_value_free(p);
    hlffi_value_free(args[0]);
    hlffi_value_free(args[1]);
    hlffi_value_free(a);
    a = call(vm, "makePoints", NULL, NULL);
    got = hlffi_array_get(vm, a, 1);
    CHECK(hlffi_get_field_int(got, "x", -1) == 3);
    hlffi_value_free(got);
    hlffi_value_free(a);

    hlffi_type *color_t = hlffi_find_type(vm, "Color");
    CHECK(color_t != NULL);
    a = hlffi_array_new(vm, hlffi_type_as_hl_type(color_t), 0);
    CHECK(push_made(vm, a, hlffi_enum_alloc_simple(vm, "Color", 1)));
    hlffi_value *rgb[3] = {hlffi_value_int(vm, 7), hlffi_value_int(vm, 8), hlffi_value_int(vm, 9)};
    CHECK(push_made(vm, a, hlffi_enum_alloc(vm, "Color", 2, 3, rgb)));
    for (int i = 0; i < 3; i++)
        hlffi_value_free(rgb[i]);
    CHECK(str_is(call_string(vm, "colors", a), "Green;Rgb(7,8,9)"));
    hlffi_value_free(a);
    a = call(vm, "makeColors", NULL, NULL);
    CHECK(str_is(get_string(vm, a, 1), "Rgb(1,2,3)"));
    hlffi_value_free(a);

    hlffi_type *ints_t = hlffi_find_type(vm, "hl.types.ArrayBytes_Int");
    CHECK(ints_t != NULL);
    a = hlffi_array_new(vm, hlffi_type_as_hl_type(ints_t), 0);
    for (int i = 1; i <= 3; i++) {
        hlffi_value *inner = hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_I32), i);
        CHECK(set_made(vm, inner, 0, hlffi_value_int(vm, i * 10)));
        CHECK(push_made(vm, a, inner));
    }
    CHECK(call_int(vm, "sumNested", a) == 60);
    hlffi_value_free(a);
}

static void native_arrays(hlffi_vm *vm) {
    hlffi_value *a = hlffi_native_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_I32), 4);
    CHECK(a != NULL && hlffi_array_length(a) == 4);
    int *p = hlffi_native_array_get_ptr(a);
    CHECK(p != NULL);
    for (int i = 0; i < 4; i++)
        p[i] = i + 1;
    CHECK(call_int(vm, "nativeSum", a) == 10);
    CHECK(set_made(vm, a, 3, hlffi_value_int(vm, 40)));
    CHECK(p[3] == 40 && get_int(vm, a, 0) == 1);
    CHECK(!set_made(vm, a, 4, hlffi_value_int(vm, 1))); /* a NativeArray has a fixed size */
    CHECK(error_has(vm, "does not grow"));
    CHECK(!push_made(vm, a, hlffi_value_int(vm, 1)));
    CHECK(error_has(vm, "NativeArray"));
    hlffi_value_free(a);

    a = hlffi_native_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_F64), 2);
    double *d = hlffi_native_array_get_ptr(a);
    d[0] = 1.25;
    d[1] = 2;
    CHECK(call_float(vm, "nativeSumF", a) == 3.25);
    hlffi_value_free(a);

    a = hlffi_native_array_new(vm, hlffi_type_as_hl_type(hlffi_find_type(vm, "String")), 2);
    CHECK(set_made(vm, a, 0, hlffi_value_string(vm, "na")));
    CHECK(set_made(vm, a, 1, hlffi_value_string(vm, "tive")));
    CHECK(str_is(call_string(vm, "nativeJoin", a), "native"));
    hlffi_value_free(a);

    hlffi_value *n = hlffi_value_int(vm, 3);
    a = call(vm, "makeNative", n, NULL);
    hlffi_value_free(n);
    p = hlffi_native_array_get_ptr(a);
    CHECK(hlffi_array_length(a) == 3 && p != NULL && p[2] == 102);
    CHECK(get_int(vm, a, 1) == 101);
    hlffi_value_free(a);

    a = hlffi_native_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_I32), 0);
    CHECK(a != NULL && hlffi_array_length(a) == 0 && hlffi_native_array_get_ptr(a) != NULL);
    hlffi_value_free(a);
    CHECK(hlffi_native_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_I32), -1) == NULL);
    CHECK(hlffi_native_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_F64), 0x7fffffff) == NULL);
    CHECK(error_has(vm, "out of range"));
    CHECK(hlffi_native_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_VOID), 1) == NULL);
}

typedef struct { float x, y, z; } vec3;

static void struct_arrays(hlffi_vm *vm) {
    hlffi_type *vt = hlffi_find_type(vm, "Vec3");
    CHECK(vt != NULL && hlffi_type_get_kind(vt) == HLFFI_TYPE_STRUCT);
    hlffi_value *a = hlffi_array_new_struct(vm, vt, 3);
    CHECK(a != NULL && hlffi_array_length(a) == 3);
    vec3 v = {1, 2, 3};
    CHECK(hlffi_array_set_struct(vm, a, 0, &v, sizeof v));
    vec3 *e = hlffi_array_get_struct(a, 2);
    CHECK(e != NULL);
    e->x = 4;
    CHECK(call_float(vm, "sumVecs", a) == 1 + 20 + 300 + 4);
    vec3 *all = hlffi_native_array_get_struct_ptr(a); /* contiguous: a C array of 3 */
    CHECK(all != NULL && all[0].z == 3 && &all[2] == e);
    hlffi_value *f = hlffi_value_float(vm, 2);
    hlffi_value_free(call(vm, "scaleVecs", a, f)); /* Haxe writes the structs C sees */
    hlffi_value_free(f);
    CHECK(all[0].y == 4 && all[2].x == 8);
    CHECK(!hlffi_array_set_struct(vm, a, 0, &v, 8));
    CHECK(error_has(vm, "struct_size"));
    CHECK(!hlffi_array_set_struct(vm, a, 3, &v, sizeof v));
    CHECK(!hlffi_array_set_struct(vm, a, 0, NULL, sizeof v));
    CHECK(hlffi_array_get_struct(a, -1) == NULL);
    hlffi_value_free(a);

    a = hlffi_native_array_new_struct(vm, vt, 2);
    vec3 *nv = hlffi_native_array_get_struct_ptr(a);
    CHECK(nv != NULL && hlffi_array_length(a) == 2);
    nv[0] = (vec3){1, 1, 1};
    nv[1] = (vec3){2, 0, 0};
    CHECK(call_float(vm, "sumNativeVecs", a) == 113);
    CHECK(hlffi_array_get_struct(a, 1) == &nv[1]);
    hlffi_value *i1 = hlffi_value_int(vm, 1);
    hlffi_value_free(call(vm, "replaceNativeVec", a, i1)); /* Haxe stores another struct in slot 1 */
    hlffi_value_free(i1);
    CHECK(hlffi_native_array_get_struct_ptr(a) == NULL);
    CHECK(error_has(vm, "contiguous"));
    vec3 *r = hlffi_array_get_struct(a, 1);
    CHECK(r != NULL && r->x == 9);
    hlffi_value_free(a);

    hlffi_value *n = hlffi_value_int(vm, 2);
    a = call(vm, "makeVecs", n, NULL);
    hlffi_value_free(n);
    r = hlffi_array_get_struct(a, 1);
    CHECK(r != NULL && r->x == 1 && r->y == 1.5f && r->z == -1);
    CHECK(hlffi_native_array_get_struct_ptr(a) == NULL); /* separate allocations: not contiguous */
    hlffi_value_free(a);

    CHECK(hlffi_array_new_struct(vm, hlffi_find_type(vm, "Point"), 1) == NULL);
    CHECK(error_has(vm, "not a @:struct"));
    CHECK(hlffi_native_array_new_struct(vm, NULL, 1) == NULL);
    CHECK(hlffi_array_new_struct(vm, vt, -1) == NULL);
    hlffi_value *ints = hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_I32), 1);
    CHECK(hlffi_array_get_struct(ints, 0) == NULL);
    CHECK(hlffi_native_array_get_struct_ptr(ints) == NULL);
    hlffi_value_free(ints);
}

static void bad_inputs(hlffi_vm *vm) {
    hl_type *i32 = hlffi_type_builtin(HLFFI_TYPE_I32);
    CHECK(hlffi_array_new(NULL, i32, 1) == NULL);
    CHECK(hlffi_array_new(vm, NULL, 1) == NULL);
    CHECK(hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_VOID), 1) == NULL);
    CHECK(error_has(vm, "no array has elements of type void"));
    CHECK(hlffi_array_new(vm, i32, -1) == NULL);
    CHECK(hlffi_array_new(vm, i32, 0x7fffffff) == NULL);
    CHECK(error_has(vm, "out of range"));
    int junk = 5;
    CHECK(hlffi_array_new(vm, (hl_type *)&junk, 1) == NULL);
    CHECK(hlffi_array_length(NULL) == -1);
    CHECK(hlffi_array_get(NULL, NULL, 0) == NULL);
    CHECK(hlffi_array_get(vm, NULL, 0) == NULL);
    CHECK(!hlffi_array_set(NULL, NULL, 0, NULL));
    CHECK(!hlffi_array_push(vm, NULL, NULL));
    CHECK(hlffi_native_array_get_ptr(NULL) == NULL);
    CHECK(hlffi_array_get_struct(NULL, 0) == NULL);
    CHECK(!hlffi_array_set_struct(NULL, NULL, 0, NULL, 0));
    CHECK(hlffi_native_array_get_struct_ptr(NULL) == NULL);
    CHECK(hlffi_native_array_new(NULL, i32, 1) == NULL);
    CHECK(hlffi_array_new_struct(NULL, NULL, 1) == NULL);

    /* classes dead-code elimination removed from this module (it uses no Map and no Bytes) */
    CHECK(hlffi_map_new(vm, hlffi_type_as_hl_type(hlffi_find_type(vm, "String")), i32) == NULL);
    CHECK(error_has(vm, "haxe.ds.StringMap not found") && error_has(vm, "dead-code"));
    CHECK(hlffi_map_new(vm, i32, i32) == NULL);
    CHECK(error_has(vm, "haxe.ds.IntMap"));
    CHECK(hlffi_bytes_new(vm, 4) == NULL);
    CHECK(error_has(vm, "haxe.io.Bytes not found") && error_has(vm, "keep"));

    hlffi_value *a = hlffi_array_new(vm, i32, 1);
    CHECK(!hlffi_array_set(vm, a, 0, NULL));
    CHECK(error_has(vm, "NULL handle"));
    hlffi_value *num = hlffi_value_int(vm, 3);
    CHECK(hlffi_array_length(num) == -1);
    CHECK(error_has(vm, "not an array"));
    CHECK(hlffi_array_get(vm, num, 0) == NULL);
    CHECK(!hlffi_array_push(vm, num, num));
    hlffi_value *nul = hlffi_value_null(vm);
    CHECK(hlffi_array_length(nul) == -1);
    CHECK(error_has(vm, "null"));
    hlffi_value *str = hlffi_value_string(vm, "abc");
    CHECK(hlffi_array_length(str) == -1);
    CHECK(error_has(vm, "not an array"));
    hlffi_value_free(str);
    hlffi_value_free(nul);
    /* a freed handle, and handles of another VM */
    hlffi_value *dead = hlffi_array_new(vm, i32, 1);
    hlffi_value_free(dead);
    CHECK(hlffi_array_length(dead) == -1);
    CHECK(!hlffi_array_push(vm, dead, num));
    CHECK(error_has(vm, "freed"));
    hlffi_vm *other = hlffi_create();
    CHECK(hlffi_array_new(other, i32, 1) == NULL); /* no module */
    CHECK(error_has(other, "no module"));
    hlffi_destroy(other);
    hlffi_value_free(num);
    hlffi_value_free(a);
}

/* Handles of one VM refused by another loaded VM. */
static void two_vms(const char *path, hlffi_vm *vm) {
    hlffi_vm *b = start_vm(path);
    hlffi_value *a = hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_I32), 1);
    hlffi_value *v = hlffi_value_int(b, 1);
    CHECK(!hlffi_array_set(b, a, 0, v));
    CHECK(error_has(b, "another VM"));
    CHECK(!hlffi_array_set(vm, a, 0, v));
    CHECK(error_has(vm, "another VM"));
    CHECK(hlffi_array_get(b, a, 0) == NULL);
    CHECK(hlffi_array_new(b, hlffi_type_as_hl_type(hlffi_find_type(vm, "String")), 1) == NULL);
    CHECK(error_has(b, "another VM"));
    hlffi_value_free(v);
    hlffi_value_free(a);
    hlffi_destroy(b);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_arrays ApiArrays.hl\n");
        return 2;
    }
    hlffi_vm *vm = start_vm(argv[1]);
    int_arrays(vm);
    number_arrays(vm);
    object_arrays(vm);
    native_arrays(vm);
    struct_arrays(vm);
    bad_inputs(vm);
    two_vms(argv[1], vm);
    hlffi_destroy(vm);
    return test_result("test_arrays");
}
