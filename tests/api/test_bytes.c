/* API scenarios for bytes, using only <hlffi.h>: haxe.io.Bytes made in C (zeroed, from data, from UTF-8
 * text) checked by Haxe code (ApiBytes.hx), Bytes and raw hl.Bytes made by Haxe read in C, the
 * zero-copy pointer shared both ways, and every bound of every function. usage: test_bytes ApiBytes.hl */
#include <limits.h>

#include "api_test.h"

static hlffi_value *call(hlffi_vm *vm, const char *fn, int argc, hlffi_value *a, hlffi_value *b) {
    hlffi_value *argv[2] = {a, b};
    return hlffi_call_static(vm, "ApiBytes", fn, argc, argv);
}

static int call_int(hlffi_vm *vm, const char *fn, hlffi_value *a) {
    hlffi_value *r = call(vm, fn, 1, a, NULL);
    int v = hlffi_value_as_int(r, -999);
    hlffi_value_free(r);
    return v;
}

static char *call_string(hlffi_vm *vm, const char *fn, hlffi_value *a) {
    hlffi_value *r = call(vm, fn, 1, a, NULL);
    char *s = hlffi_value_as_string(r);
    hlffi_value_free(r);
    return s;
}

static hlffi_value *call_n(hlffi_vm *vm, const char *fn, int n) {
    hlffi_value *i = hlffi_value_int(vm, n);
    hlffi_value *r = call(vm, fn, 1, i, NULL);
    hlffi_value_free(i);
    return r;
}

static void made_in_c(hlffi_vm *vm) {
    hlffi_value *b = hlffi_bytes_new(vm, 16);
    CHECK(b != NULL && hlffi_is_instance_of(b, "haxe.io.Bytes"));
    CHECK(hlffi_bytes_get_length(b) == 16);
    CHECK(call_int(vm, "length", b) == 16);
    CHECK(call_int(vm, "sum", b) == 0); /* zeroed */
    unsigned char *p = hlffi_bytes_get_ptr(b);
    CHECK(p != NULL);
    for (int i = 0; i < 16; i++)
        p[i] = (unsigned char)i;
    CHECK(call_int(vm, "sum", b) == 120);
    CHECK(hlffi_bytes_set(b, 15, 255));
    CHECK(hlffi_bytes_get(b, 15) == 255 && p[15] == 255);
    CHECK(call_int(vm, "sum", b) == 105 + 255);
    hlffi_value *v = hlffi_value_int(vm, 9);
    hlffi_value_free(call(vm, "stamp", 2, b, v)); /* Haxe writes, C reads through the same pointer */
    hlffi_value_free(v);
    CHECK(p[0] == 1 && p[1] == 9 && p[15] == 9);
    CHECK(hlffi_bytes_get_ptr(b) == p); /* stable */
    CHECK(hlffi_bytes_fill(b, 2, 3, 0xAB));
    CHECK(str_is(call_string(vm, "hex", b), "0109ababab0909090909090909090909"));
    /* every bound */
    CHECK(hlffi_bytes_get(b, 16) == -1);
    CHECK(error_has(vm, "outside"));
    CHECK(hlffi_bytes_get(b, -1) == -1);
    CHECK(!hlffi_bytes_set(b, 16, 1));
    CHECK(!hlffi_bytes_set(b, 0, 256));
    CHECK(error_has(vm, "0..255"));
    CHECK(!hlffi_bytes_set(b, 0, -1));
    CHECK(!hlffi_bytes_fill(b, 10, 7, 0));
    CHECK(!hlffi_bytes_fill(b, -1, 2, 0));
    CHECK(!hlffi_bytes_fill(b, 0, -1, 0));
    CHECK(!hlffi_bytes_fill(b, 1, INT_MAX, 0)); /* pos + len overflows int */
    CHECK(!hlffi_bytes_fill(b, 0, 1, 300));
    CHECK(hlffi_bytes_fill(b, 16, 0, 0)); /* an empty range at the end is fine */
    CHECK(p[0] == 1);
    hlffi_value_free(b);

    const unsigned char data[5] = {'h', 0, 'l', 'l', 'o'};
    b = hlffi_bytes_from_data(vm, data, 5);
    CHECK(hlffi_bytes_get_length(b) == 5 && hlffi_bytes_get(b, 1) == 0);
    CHECK(memcmp(hlffi_bytes_get_ptr(b), data, 5) == 0);
    CHECK(call_int(vm, "sum", b) == 'h' + 'l' + 'l' + 'o');
    hlffi_value_free(b);

    b = hlffi_bytes_from_string(vm, "héllo wörld");
    CHECK(hlffi_bytes_get_length(b) == 13); /* UTF-8 bytes */
    CHECK(str_is(call_string(vm, "text", b), "héllo wörld"));
    CHECK(str_is(hlffi_bytes_to_string(b, 6), "héllo"));
    CHECK(str_is(hlffi_bytes_to_string(b, 0), ""));
    CHECK(hlffi_bytes_to_string(b, 14) == NULL);
    CHECK(hlffi_bytes_to_string(b, -1) == NULL);
    hlffi_value *dst = hlffi_bytes_new(vm, 5);
    CHECK(hlffi_bytes_blit(dst, 0, b, 8, 5)); /* "örld" */
    CHECK(str_is(hlffi_bytes_to_string(dst, 5), "örld"));
    CHECK(!hlffi_bytes_blit(dst, 1, b, 8, 5));
    CHECK(!hlffi_bytes_blit(dst, 0, b, 9, 5));
    CHECK(!hlffi_bytes_blit(dst, 0, b, -1, 1));
    CHECK(!hlffi_bytes_blit(dst, 0, b, 0, -1));
    CHECK(!hlffi_bytes_blit(dst, INT_MAX, b, 0, 1));
    CHECK(!hlffi_bytes_blit(dst, 0, NULL, 0, 1));
    CHECK(hlffi_bytes_blit(b, 1, b, 0, 4)); /* overlapping, as memmove */
    CHECK(str_is(hlffi_bytes_to_string(b, 5), "hh\xc3\xa9l"));
    /* compare: -1/0/1, INT_MIN on error */
    hlffi_value *x = hlffi_bytes_from_string(vm, "abcd"), *y = hlffi_bytes_from_string(vm, "abzd");
    CHECK(hlffi_bytes_compare(x, 0, y, 0, 2) == 0);
    CHECK(hlffi_bytes_compare(x, 0, y, 0, 3) == -1);
    CHECK(hlffi_bytes_compare(y, 0, x, 0, 4) == 1);
    CHECK(hlffi_bytes_compare(x, 3, y, 3, 1) == 0);
    CHECK(hlffi_bytes_compare(x, 0, y, 0, 0) == 0);
    CHECK(hlffi_bytes_compare(x, 0, y, 0, 5) == INT_MIN);
    CHECK(hlffi_bytes_compare(x, 2, y, 0, 3) == INT_MIN);
    CHECK(hlffi_bytes_compare(x, 0, NULL, 0, 1) == INT_MIN);
    CHECK(hlffi_bytes_compare(NULL, 0, y, 0, 1) == INT_MIN);
    hlffi_value_free(x);
    hlffi_value_free(y);
    hlffi_value_free(dst);
    hlffi_value_free(b);

    /* empty bytes */
    b = hlffi_bytes_new(vm, 0);
    CHECK(hlffi_bytes_get_length(b) == 0 && hlffi_bytes_get_ptr(b) != NULL);
    CHECK(hlffi_bytes_get(b, 0) == -1);
    CHECK(str_is(call_string(vm, "text", b), ""));
    hlffi_value_free(b);
    b = hlffi_bytes_from_string(vm, "");
    CHECK(hlffi_bytes_get_length(b) == 0);
    hlffi_value_free(b);
    b = hlffi_bytes_from_data(vm, NULL, 0);
    CHECK(b != NULL);
    hlffi_value_free(b);

    /* many buffers while the collector runs: each keeps its contents */
    hlffi_value *keep[64];
    for (int i = 0; i < 64; i++) {
        keep[i] = hlffi_bytes_new(vm, 4096);
        CHECK(hlffi_bytes_fill(keep[i], 0, 4096, i));
        hlffi_value_free(call_n(vm, "makeSeq", 20000)); /* garbage */
    }
    for (int i = 0; i < 64; i++) {
        CHECK(call_int(vm, "sum", keep[i]) == 4096 * i);
        hlffi_value_free(keep[i]);
    }
}

static void made_by_haxe(hlffi_vm *vm) {
    hlffi_value *s = hlffi_value_string(vm, "Grüße");
    hlffi_value *b = call(vm, "makeText", 1, s, NULL);
    hlffi_value_free(s);
    CHECK(hlffi_bytes_get_length(b) == 7);
    CHECK(str_is(hlffi_bytes_to_string(b, 7), "Grüße"));
    hlffi_value_free(b);
    b = call_n(vm, "makeSeq", 10);
    CHECK(hlffi_bytes_get_length(b) == 10 && hlffi_bytes_get(b, 9) == 63);
    hlffi_value_free(b);

    /* raw hl.Bytes: no length; operations bounded by the allocation */
    hlffi_value *raw = call_n(vm, "raw", 8);
    unsigned char *p = hlffi_bytes_get_ptr(raw);
    CHECK(p != NULL && p[7] == 8);
    CHECK(hlffi_bytes_get_length(raw) == -1);
    CHECK(error_has(vm, "no length"));
    CHECK(hlffi_bytes_get(raw, 3) == 4);
    CHECK(hlffi_bytes_set(raw, 0, 42) && p[0] == 42);
    CHECK(hlffi_bytes_get(raw, 1 << 20) == -1);
    CHECK(error_has(vm, "allocation"));
    hlffi_value *dst = hlffi_bytes_new(vm, 4);
    CHECK(hlffi_bytes_blit(dst, 0, raw, 4, 4));
    CHECK(hlffi_bytes_get(dst, 3) == 8);
    hlffi_value_free(dst);
    hlffi_value_free(raw);
    raw = call(vm, "rawConst", 0, NULL, NULL); /* a String's constant text: outside the GC heap */
    CHECK(hlffi_bytes_get_ptr(raw) == NULL);
    CHECK(error_has(vm, "outside the GC heap"));
    CHECK(hlffi_bytes_get(raw, 0) == -1);
    hlffi_value_free(raw);
}

static void bad_inputs(hlffi_vm *vm) {
    CHECK(hlffi_bytes_new(NULL, 1) == NULL);
    CHECK(hlffi_bytes_new(vm, -1) == NULL);
    CHECK(error_has(vm, "out of range"));
    CHECK(hlffi_bytes_from_data(vm, NULL, 3) == NULL);
    CHECK(hlffi_bytes_from_data(vm, "x", -1) == NULL);
    CHECK(hlffi_bytes_from_string(vm, NULL) == NULL);
    CHECK(hlffi_bytes_from_string(NULL, "x") == NULL);
    CHECK(hlffi_bytes_get_ptr(NULL) == NULL);
    CHECK(hlffi_bytes_get_length(NULL) == -1);
    CHECK(!hlffi_bytes_blit(NULL, 0, NULL, 0, 0));
    CHECK(hlffi_bytes_to_string(NULL, 0) == NULL);
    CHECK(hlffi_bytes_get(NULL, 0) == -1);
    CHECK(!hlffi_bytes_set(NULL, 0, 0));
    CHECK(!hlffi_bytes_fill(NULL, 0, 0, 0));
    hlffi_value *num = hlffi_value_int(vm, 1);
    CHECK(hlffi_bytes_get_ptr(num) == NULL);
    CHECK(error_has(vm, "not haxe.io.Bytes"));
    CHECK(hlffi_bytes_get_length(num) == -1);
    hlffi_value *str = hlffi_value_string(vm, "abc");
    CHECK(hlffi_bytes_get(str, 0) == -1);
    CHECK(error_has(vm, "not haxe.io.Bytes"));
    hlffi_value *nul = hlffi_value_null(vm);
    CHECK(hlffi_bytes_get_length(nul) == -1);
    CHECK(error_has(vm, "null"));
    hlffi_value *arr = hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_I32), 1);
    CHECK(hlffi_bytes_get_length(arr) == -1);
    hlffi_value *b = hlffi_bytes_new(vm, 2);
    hlffi_value *dead = hlffi_bytes_new(vm, 2);
    hlffi_value_free(dead); /* checked before any new handle can reuse its slot */
    CHECK(hlffi_bytes_get_ptr(dead) == NULL);
    CHECK(!hlffi_bytes_blit(b, 0, dead, 0, 1));
    CHECK(error_has(vm, "freed"));
    /* another VM's bytes */
    hlffi_vm *other = hlffi_create();
    CHECK(hlffi_bytes_new(other, 1) == NULL);
    CHECK(error_has(other, "no module"));
    hlffi_destroy(other);
    hlffi_value_free(b);
    hlffi_value_free(arr);
    hlffi_value_free(nul);
    hlffi_value_free(str);
    hlffi_value_free(num);
}

static void two_vms(const char *path, hlffi_vm *vm) {
    hlffi_vm *o = start_vm(path);
    hlffi_value *a = hlffi_bytes_new(vm, 4), *b = hlffi_bytes_new(o, 4);
    CHECK(!hlffi_bytes_blit(a, 0, b, 0, 1));
    CHECK(error_has(vm, "another VM"));
    CHECK(hlffi_bytes_compare(b, 0, a, 0, 1) == INT_MIN);
    CHECK(error_has(o, "another VM"));
    hlffi_value_free(a);
    hlffi_value_free(b);
    hlffi_destroy(o);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_bytes ApiBytes.hl\n");
        return 2;
    }
    hlffi_vm *vm = start_vm(argv[1]);
    made_in_c(vm);
    made_by_haxe(vm);
    bad_inputs(vm);
    two_vms(argv[1], vm);
    hlffi_destroy(vm);
    return test_result("test_bytes");
}
