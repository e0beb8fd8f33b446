/* API scenarios for maps, using only <hlffi.h>: String, Int, object and enum keys; maps made in C and
 * checked by Haxe code (ApiMaps.hx), maps made by Haxe read and changed in C, keys/values arrays, sizes
 * after removals and clears, and bad inputs. usage: test_maps ApiMaps.hl */
#include "api_test.h"

static hlffi_value *call(hlffi_vm *vm, const char *fn, int argc, hlffi_value *a, hlffi_value *b) {
    hlffi_value *argv[2] = {a, b};
    return hlffi_call_static(vm, "ApiMaps", fn, argc, argv);
}

static char *call_string(hlffi_vm *vm, const char *fn, hlffi_value *m) {
    hlffi_value *r = call(vm, fn, 1, m, NULL);
    char *s = hlffi_value_as_string(r);
    hlffi_value_free(r);
    return s;
}

/* map[key] := value for made handles, freeing them. */
static bool set_made(hlffi_vm *vm, hlffi_value *m, hlffi_value *k, hlffi_value *v) {
    bool ok = hlffi_map_set(vm, m, k, v);
    hlffi_value_free(k);
    hlffi_value_free(v);
    return ok;
}

static int get_int(hlffi_vm *vm, hlffi_value *m, hlffi_value *k) {
    hlffi_value *v = hlffi_map_get(vm, m, k);
    int r = hlffi_value_as_int(v, -1);
    hlffi_value_free(v);
    hlffi_value_free(k);
    return r;
}

static bool exists_made(hlffi_vm *vm, hlffi_value *m, hlffi_value *k) {
    bool r = hlffi_map_exists(vm, m, k);
    hlffi_value_free(k);
    return r;
}

static bool remove_made(hlffi_vm *vm, hlffi_value *m, hlffi_value *k) {
    bool r = hlffi_map_remove(vm, m, k);
    hlffi_value_free(k);
    return r;
}

/* Std.string of the array's elements joined with ",", after sorting them as strings. */
static char *sorted_join(hlffi_vm *vm, hlffi_value *arr) {
    int n = hlffi_array_length(arr);
    char *items[64];
    size_t total = 1;
    for (int i = 0; i < n && i < 64; i++) {
        hlffi_value *e = hlffi_array_get(vm, arr, i);
        items[i] = hlffi_value_as_string(e);
        hlffi_value_free(e);
        total += strlen(items[i]) + 1;
    }
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (strcmp(items[i], items[j]) > 0) {
                char *t = items[i];
                items[i] = items[j];
                items[j] = t;
            }
    char *out = malloc(total);
    out[0] = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0)
            strcat(out, ",");
        strcat(out, items[i]);
        free(items[i]);
    }
    return out;
}

static void string_maps(hlffi_vm *vm) {
    hlffi_type *st = hlffi_find_type(vm, "String");
    hlffi_value *m = hlffi_map_new(vm, hlffi_type_as_hl_type(st), hlffi_type_builtin(HLFFI_TYPE_I32));
    CHECK(m != NULL && hlffi_is_instance_of(m, "haxe.ds.StringMap"));
    CHECK(hlffi_map_size(m) == 0);
    CHECK(set_made(vm, m, hlffi_value_string(vm, "x"), hlffi_value_int(vm, 1)));
    CHECK(set_made(vm, m, hlffi_value_string(vm, "yé"), hlffi_value_int(vm, 2)));
    CHECK(set_made(vm, m, hlffi_value_string(vm, "x"), hlffi_value_int(vm, 10))); /* replaces */
    CHECK(hlffi_map_size(m) == 2);
    CHECK(str_is(call_string(vm, "describeStrings", m), "x=10,yé=2"));
    CHECK(get_int(vm, m, hlffi_value_string(vm, "yé")) == 2);
    hlffi_value *missing = hlffi_map_get(vm, m, hlffi_value_string(vm, "nope"));
    CHECK(missing != NULL && hlffi_value_is_null(missing)); /* Haxe's get: null */
    hlffi_value_free(missing);
    CHECK(exists_made(vm, m, hlffi_value_string(vm, "x")));
    CHECK(!exists_made(vm, m, hlffi_value_string(vm, "z")));
    CHECK(!exists_made(vm, m, hlffi_value_string(vm, NULL)));
    CHECK(!set_made(vm, m, hlffi_value_string(vm, NULL), hlffi_value_int(vm, 1)));
    CHECK(error_has(vm, "null"));
    CHECK(!set_made(vm, m, hlffi_value_int(vm, 3), hlffi_value_int(vm, 1))); /* an Int is no String key */
    CHECK(error_has(vm, "cannot convert"));
    /* Haxe writes, C reads */
    hlffi_value *k = hlffi_value_string(vm, "x");
    hlffi_value *r = call(vm, "getString", 2, m, k);
    CHECK(hlffi_value_as_int(r, 0) == 10);
    hlffi_value_free(r);
    hlffi_value_free(k);
    hlffi_value *keys = hlffi_map_keys(vm, m);
    CHECK(hlffi_is_instance_of(keys, "hl.types.ArrayObj") && hlffi_array_length(keys) == 2);
    CHECK(str_is(sorted_join(vm, keys), "x,yé"));
    hlffi_value_free(keys);
    hlffi_value *values = hlffi_map_values(vm, m);
    CHECK(str_is(sorted_join(vm, values), "10,2"));
    hlffi_value_free(values);
    CHECK(remove_made(vm, m, hlffi_value_string(vm, "x")));
    CHECK(!remove_made(vm, m, hlffi_value_string(vm, "x")));
    CHECK(hlffi_map_size(m) == 1);
    /* many keys, with collections while C holds only the map */
    for (int i = 0; i < 2000; i++) {
        char buf[16];
        snprintf(buf, sizeof buf, "k%d", i);
        CHECK(set_made(vm, m, hlffi_value_string(vm, buf), hlffi_value_int(vm, i)));
    }
    CHECK(hlffi_map_size(m) == 2001);
    CHECK(get_int(vm, m, hlffi_value_string(vm, "k1999")) == 1999);
    CHECK(hlffi_map_clear(m));
    CHECK(hlffi_map_size(m) == 0);
    CHECK(str_is(call_string(vm, "describeStrings", m), ""));
    CHECK(set_made(vm, m, hlffi_value_string(vm, "after"), hlffi_value_int(vm, 5)));
    CHECK(str_is(call_string(vm, "describeStrings", m), "after=5"));
    hlffi_value_free(m);

    /* a map made by Haxe */
    m = call(vm, "makeStrings", 0, NULL, NULL);
    CHECK(hlffi_map_size(m) == 3);
    CHECK(get_int(vm, m, hlffi_value_string(vm, "é")) == 3);
    CHECK(!exists_made(vm, m, hlffi_value_string(vm, "b")));
    CHECK(set_made(vm, m, hlffi_value_string(vm, "d"), hlffi_value_float(vm, 4)));
    keys = hlffi_map_keys(vm, m);
    CHECK(str_is(sorted_join(vm, keys), "a,c,d,é"));
    hlffi_value_free(keys);
    CHECK(str_is(call_string(vm, "describeStrings", m), "a=1,c=30,d=4,é=3"));
    hlffi_value_free(m);

    /* hl.Bytes as the key type also gives a StringMap (hlffi v3 users pass &hlt_bytes) */
    m = hlffi_map_new(vm, hlffi_type_builtin(HLFFI_TYPE_BYTES), NULL);
    CHECK(hlffi_is_instance_of(m, "haxe.ds.StringMap"));
    hlffi_value_free(m);
}

static void int_maps(hlffi_vm *vm) {
    hlffi_value *m = hlffi_map_new(vm, hlffi_type_builtin(HLFFI_TYPE_I32), hlffi_type_as_hl_type(hlffi_find_type(vm, "String")));
    CHECK(hlffi_is_instance_of(m, "haxe.ds.IntMap"));
    for (int i = 3; i >= -1; i--) {
        char buf[8];
        snprintf(buf, sizeof buf, "n%d", i);
        CHECK(set_made(vm, m, hlffi_value_int(vm, i), hlffi_value_string(vm, buf)));
    }
    CHECK(set_made(vm, m, hlffi_value_float(vm, 2.9), hlffi_value_string(vm, "two"))); /* key 2 */
    CHECK(hlffi_map_size(m) == 5);
    CHECK(str_is(call_string(vm, "describeInts", m), "-1=n-1,0=n0,1=n1,2=two,3=n3"));
    hlffi_value *v = hlffi_map_get(vm, m, hlffi_value_int(vm, 1));
    CHECK(str_is(hlffi_value_as_string(v), "n1"));
    hlffi_value_free(v);
    hlffi_value *keys = hlffi_map_keys(vm, m); /* an Array<Int> */
    CHECK(hlffi_is_instance_of(keys, "hl.types.ArrayBytes_Int"));
    CHECK(str_is(sorted_join(vm, keys), "-1,0,1,2,3"));
    hlffi_value_free(keys);
    CHECK(remove_made(vm, m, hlffi_value_int(vm, 0)));
    CHECK(!exists_made(vm, m, hlffi_value_int(vm, 0)));
    CHECK(hlffi_map_size(m) == 4);
    CHECK(!set_made(vm, m, hlffi_value_string(vm, "1"), hlffi_value_int(vm, 1)));
    CHECK(hlffi_map_clear(m) && hlffi_map_size(m) == 0);
    keys = hlffi_map_keys(vm, m);
    CHECK(keys != NULL && hlffi_array_length(keys) == 0);
    hlffi_value_free(keys);
    hlffi_value_free(m);

    m = call(vm, "makeInts", 0, NULL, NULL);
    CHECK(hlffi_map_size(m) == 4);
    CHECK(!exists_made(vm, m, hlffi_value_int(vm, 20)));
    CHECK(set_made(vm, m, hlffi_value_int(vm, 20), hlffi_value_string(vm, "back")));
    CHECK(str_is(call_string(vm, "describeInts", m), "0=v0,10=v1,20=back,30=v3,40=v4"));
    hlffi_value *values = hlffi_map_values(vm, m);
    CHECK(str_is(sorted_join(vm, values), "back,v0,v1,v3,v4"));
    hlffi_value_free(values);
    hlffi_value_free(m);
}

static hlffi_value *make_obj(hlffi_vm *vm, int id) {
    hlffi_value *i = hlffi_value_int(vm, id);
    hlffi_value *o = call(vm, "makeObj", 1, i, NULL);
    hlffi_value_free(i);
    return o;
}

static void object_maps(hlffi_vm *vm) {
    hlffi_type *ot = hlffi_find_type(vm, "Obj");
    hlffi_value *m = hlffi_map_new(vm, hlffi_type_as_hl_type(ot), hlffi_type_builtin(HLFFI_TYPE_F64));
    CHECK(hlffi_is_instance_of(m, "haxe.ds.ObjectMap"));
    hlffi_value *a = make_obj(vm, 2), *b = make_obj(vm, 3), *c = make_obj(vm, 2);
    hlffi_value *half = hlffi_value_float(vm, 0.5), *ten = hlffi_value_float(vm, 10);
    CHECK(hlffi_map_set(vm, m, a, half));
    CHECK(hlffi_map_set(vm, m, b, ten));
    CHECK(hlffi_map_size(m) == 2);
    CHECK(hlffi_map_exists(vm, m, a) && !hlffi_map_exists(vm, m, c)); /* by identity */
    hlffi_value *r = call(vm, "hasObject", 2, m, b);
    CHECK(hlffi_value_as_bool(r, false));
    hlffi_value_free(r);
    r = call(vm, "sumObjects", 1, m, NULL);
    CHECK(hlffi_value_as_float(r, 0) == 31);
    hlffi_value_free(r);
    hlffi_value *keys = hlffi_map_keys(vm, m);
    CHECK(hlffi_array_length(keys) == 2);
    hlffi_value *k0 = hlffi_array_get(vm, keys, 0);
    int id = hlffi_get_field_int(k0, "id", -1);
    CHECK(id == 2 || id == 3);
    hlffi_value_free(k0);
    hlffi_value_free(keys);
    CHECK(hlffi_map_remove(vm, m, a) && !hlffi_map_remove(vm, m, a));
    CHECK(hlffi_map_size(m) == 1);
    CHECK(hlffi_map_clear(m) && hlffi_map_size(m) == 0);
    hlffi_value_free(m);

    m = call(vm, "makeObjects", 2, a, b);
    CHECK(hlffi_map_size(m) == 2);
    hlffi_value *v = hlffi_map_get(vm, m, b);
    CHECK(hlffi_value_as_float(v, 0) == 2.5);
    hlffi_value_free(v);
    hlffi_value_free(m);
    hlffi_value_free(half);
    hlffi_value_free(ten);
    hlffi_value_free(a);
    hlffi_value_free(b);
    hlffi_value_free(c);
}

static hlffi_value *key_c(hlffi_vm *vm, int n) {
    hlffi_value *p = hlffi_value_int(vm, n);
    hlffi_value *k = hlffi_enum_alloc(vm, "Key", 2, 1, &p);
    hlffi_value_free(p);
    return k;
}

static void enum_maps(hlffi_vm *vm) {
    hlffi_type *kt = hlffi_find_type(vm, "Key");
    hlffi_value *m = hlffi_map_new(vm, hlffi_type_as_hl_type(kt), hlffi_type_builtin(HLFFI_TYPE_I32));
    CHECK(hlffi_is_instance_of(m, "haxe.ds.EnumValueMap"));
    CHECK(hlffi_map_size(m) == 0);
    CHECK(set_made(vm, m, key_c(vm, 7), hlffi_value_int(vm, 70)));
    CHECK(set_made(vm, m, hlffi_enum_alloc_simple(vm, "Key", 1), hlffi_value_int(vm, 2)));
    CHECK(set_made(vm, m, key_c(vm, 3), hlffi_value_int(vm, 30)));
    CHECK(set_made(vm, m, hlffi_enum_alloc_simple(vm, "Key", 0), hlffi_value_int(vm, 1)));
    CHECK(set_made(vm, m, key_c(vm, 3), hlffi_value_int(vm, 33))); /* an equal key (not the same value) */
    CHECK(hlffi_map_size(m) == 4);
    CHECK(str_is(call_string(vm, "describeEnums", m), "A=1,B=2,C(3)=33,C(7)=70"));
    CHECK(get_int(vm, m, key_c(vm, 7)) == 70);
    CHECK(get_int(vm, m, key_c(vm, 8)) == -1);
    CHECK(exists_made(vm, m, hlffi_enum_alloc_simple(vm, "Key", 1)));
    CHECK(!exists_made(vm, m, key_c(vm, 4)));
    hlffi_value *k = key_c(vm, 3);
    hlffi_value *r = call(vm, "getEnum", 2, m, k);
    CHECK(hlffi_value_as_int(r, 0) == 33);
    hlffi_value_free(r);
    hlffi_value_free(k);
    hlffi_value *keys = hlffi_map_keys(vm, m); /* in the tree's order */
    hlffi_value *e = hlffi_array_get(vm, keys, 2);
    CHECK(hlffi_array_length(keys) == 4 && str_is(hlffi_value_as_string(e), "C(3)"));
    hlffi_value_free(e);
    hlffi_value_free(keys);
    hlffi_value *values = hlffi_map_values(vm, m);
    e = hlffi_array_get(vm, values, 3);
    CHECK(hlffi_value_as_int(e, 0) == 70);
    hlffi_value_free(e);
    hlffi_value_free(values);
    CHECK(remove_made(vm, m, hlffi_enum_alloc_simple(vm, "Key", 1)));
    CHECK(!remove_made(vm, m, hlffi_enum_alloc_simple(vm, "Key", 1)));
    CHECK(hlffi_map_size(m) == 3);
    CHECK(!set_made(vm, m, hlffi_value_int(vm, 1), hlffi_value_int(vm, 1))); /* not an enum */
    CHECK(hlffi_map_clear(m) && hlffi_map_size(m) == 0);
    CHECK(str_is(call_string(vm, "describeEnums", m), ""));
    hlffi_value_free(m);

    m = call(vm, "makeEnums", 0, NULL, NULL);
    CHECK(hlffi_map_size(m) == 3);
    CHECK(get_int(vm, m, key_c(vm, 5)) == 50);
    CHECK(set_made(vm, m, hlffi_enum_alloc_simple(vm, "Key", 1), hlffi_value_int(vm, 9)));
    CHECK(str_is(call_string(vm, "describeEnums", m), "A=1,B=9,C(2)=20,C(5)=50"));
    hlffi_value_free(m);
}

static void bad_inputs(hlffi_vm *vm) {
    hl_type *i32 = hlffi_type_builtin(HLFFI_TYPE_I32);
    CHECK(hlffi_map_new(NULL, i32, i32) == NULL);
    CHECK(hlffi_map_new(vm, NULL, i32) == NULL);
    CHECK(hlffi_map_new(vm, hlffi_type_builtin(HLFFI_TYPE_F64), i32) == NULL);
    CHECK(error_has(vm, "no Haxe Map"));
    CHECK(hlffi_map_new(vm, i32, hlffi_type_builtin(HLFFI_TYPE_VOID)) == NULL);
    CHECK(!hlffi_map_set(NULL, NULL, NULL, NULL));
    CHECK(hlffi_map_get(vm, NULL, NULL) == NULL);
    CHECK(!hlffi_map_exists(vm, NULL, NULL));
    CHECK(!hlffi_map_remove(vm, NULL, NULL));
    CHECK(hlffi_map_keys(vm, NULL) == NULL);
    CHECK(hlffi_map_values(NULL, NULL) == NULL);
    CHECK(hlffi_map_size(NULL) == -1);
    CHECK(!hlffi_map_clear(NULL));
    hlffi_value *m = hlffi_map_new(vm, i32, NULL);
    hlffi_value *one = hlffi_value_int(vm, 1);
    CHECK(!hlffi_map_set(vm, m, one, NULL));
    CHECK(error_has(vm, "NULL handle"));
    CHECK(!hlffi_map_set(vm, m, NULL, one));
    CHECK(hlffi_map_size(one) == -1);
    CHECK(error_has(vm, "not a haxe.ds"));
    CHECK(hlffi_map_get(vm, one, one) == NULL);
    hlffi_value *arr = hlffi_array_new(vm, i32, 1);
    CHECK(!hlffi_map_clear(arr));
    hlffi_value_free(arr);
    hlffi_value *nul = hlffi_value_null(vm);
    CHECK(hlffi_map_size(nul) == -1);
    CHECK(error_has(vm, "null"));
    hlffi_value_free(nul);
    hlffi_value *dead = hlffi_map_new(vm, i32, NULL);
    hlffi_value_free(dead);
    CHECK(hlffi_map_size(dead) == -1);
    CHECK(!hlffi_map_set(vm, dead, one, one));
    CHECK(error_has(vm, "freed"));
    hlffi_vm *other = hlffi_create();
    CHECK(hlffi_map_new(other, i32, i32) == NULL);
    CHECK(error_has(other, "no module"));
    CHECK(!hlffi_map_set(other, m, one, one));
    hlffi_destroy(other);
    hlffi_value_free(one);
    hlffi_value_free(m);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_maps ApiMaps.hl\n");
        return 2;
    }
    hlffi_vm *vm = start_vm(argv[1]);
    string_maps(vm);
    int_maps(vm);
    object_maps(vm);
    enum_maps(vm);
    bad_inputs(vm);
    hlffi_destroy(vm);
    return test_result("test_maps");
}
