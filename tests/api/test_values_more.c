/* API scenarios for the values beyond hlffi v3, using only <hlffi.h>: Int64 both ways with Haxe's
 * conversions, strings with an explicit length (embedded NULs, multi-byte and invalid UTF-8, both ways),
 * anonymous objects built from C and read by Haxe code; bad inputs.
 * usage: test_values_more ApiLimits.hl */
#include "api_test.h"

static const char *module_path;

static hlffi_value *call1(hlffi_vm *vm, const char *method, hlffi_value *a) {
    return hlffi_call_static(vm, "ApiLimits", method, a != NULL ? 1 : 0, a != NULL ? &a : NULL);
}

static int call_int1(hlffi_vm *vm, const char *method, hlffi_value *a, int fallback) {
    hlffi_value *r = call1(vm, method, a);
    int v = hlffi_value_as_int(r, fallback);
    hlffi_value_free(r);
    return v;
}

static char *call_str1(hlffi_vm *vm, const char *method, hlffi_value *a) {
    hlffi_value *r = call1(vm, method, a);
    char *s = r != NULL ? hlffi_value_as_string(r) : NULL;
    hlffi_value_free(r);
    return s;
}

static void bad_inputs(void) {
    CHECK(hlffi_value_i64(NULL, 1) == NULL);
    CHECK(hlffi_value_as_i64(NULL, 77) == 77);
    CHECK(hlffi_value_string_len(NULL, "x", 1) == NULL);
    size_t len = 99;
    CHECK(hlffi_value_as_string_len(NULL, &len) == NULL && len == 0);
    CHECK(hlffi_value_as_string_len(NULL, NULL) == NULL);
    CHECK(hlffi_value_object(NULL) == NULL);
    hlffi_vm *vm = hlffi_create();
    CHECK(hlffi_value_i64(vm, 1) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "no module") != NULL);
    CHECK(hlffi_value_string_len(vm, "x", 1) == NULL);
    CHECK(hlffi_value_object(vm) == NULL);
    hlffi_destroy(vm);
}

static void int64(hlffi_vm *vm) {
    int64_t big = ((int64_t)1 << 40) + 5;
    hlffi_value *a = hlffi_value_i64(vm, big);
    CHECK(a != NULL && hlffi_value_as_i64(a, 0) == big);
    CHECK(str_is(hlffi_value_as_string(a), "1099511627781"));
    /* Haxe computes with it and checks it. */
    hlffi_value *args[2] = {a, hlffi_value_int(vm, -10)};
    hlffi_value *r = hlffi_call_static(vm, "ApiLimits", "i64Add", 2, args);
    CHECK(hlffi_value_as_i64(r, 0) == big - 10);
    CHECK(str_is(call_str1(vm, "i64Str", r), "1099511627771"));
    hlffi_value_free(r);
    hlffi_value *m = hlffi_value_i64(vm, INT64_MIN);
    CHECK(str_is(call_str1(vm, "i64Str", m), "-9223372036854775808"));
    hlffi_value_free(m);
    /* And from Haxe: (0x12345678 << 32) | 0x9abcdef0 as hl.I64, and haxe.Int64.make(-2, 0x9abcdef0). */
    r = call1(vm, "bigI64", NULL);
    CHECK(hlffi_value_as_i64(r, 0) == (int64_t)0x123456789abcdef0LL);
    CHECK(hlffi_value_as_int(r, -1) == (int32_t)0x9abcdef0u); /* Int keeps the low 32 bits */
    hlffi_value_free(r);
    r = call1(vm, "haxeInt64", NULL);
    CHECK(hlffi_value_as_i64(r, 0) == (int64_t)0xfffffffe9abcdef0ULL);
    /* Into haxe.Int64 parameters: an Int64 handle, an Int handle, and a haxe.Int64 Haxe made. */
    hlffi_value *big64 = hlffi_value_i64(vm, (int64_t)0x123456789abcdef0LL), *small = hlffi_value_int(vm, -5);
    CHECK(str_is(call_str1(vm, "haxeInt64Parts", big64), "305419896:-1698898192:1311768467463790320"));
    CHECK(str_is(call_str1(vm, "haxeInt64Parts", small), "-1:-5:-5"));
    CHECK(str_is(call_str1(vm, "haxeInt64Parts", r), "-2:-1698898192:-5993865488"));
    hlffi_value_free(big64);
    hlffi_value_free(small);
    hlffi_value_free(r);
    /* Conversions by Haxe's rules; the fallback for what does not convert. */
    hlffi_value *i = hlffi_value_int(vm, -7), *f = hlffi_value_float(vm, 2.75), *s = hlffi_value_string(vm, "12");
    hlffi_value *n = hlffi_value_null(vm);
    CHECK(hlffi_value_as_i64(i, 0) == -7);
    CHECK(hlffi_value_as_i64(f, 0) == 2);
    CHECK(hlffi_value_as_i64(n, 42) == 42);
    CHECK(hlffi_value_as_i64(s, 42) == 42);
    CHECK(!hlffi_has_exception(vm));
    /* An Int64 passed where Haxe wants an Int64 converts from an Int too. */
    hlffi_value *args2[2] = {i, args[1]};
    r = hlffi_call_static(vm, "ApiLimits", "i64Add", 2, args2);
    CHECK(hlffi_value_as_i64(r, 0) == -17);
    hlffi_value_free(r);
    hlffi_value_free(i);
    hlffi_value_free(f);
    hlffi_value_free(s);
    hlffi_value_free(n);
    hlffi_value_free(args[1]);
    hlffi_value_free(a);
}

/* Values without a runtime type of their own (hl.Bytes) are not Int64s: the fallback, no crash. */
static void not_int64(hlffi_vm *vm) {
    hlffi_value *bytes = hlffi_bytes_new(vm, 16);
    hlffi_value *raw = hlffi_get_field(bytes, "b");
    CHECK(raw != NULL);
    CHECK(hlffi_value_as_i64(raw, 5) == 5);
    CHECK(hlffi_value_as_i64(bytes, 6) == 6);
    hlffi_value *null_value = hlffi_value_null(vm);
    CHECK(hlffi_value_as_i64(null_value, 7) == 7);
    hlffi_value_free(null_value);
    hlffi_value_free(raw);
    hlffi_value_free(bytes);
}

static void strings_with_length(hlffi_vm *vm) {
    /* An embedded NUL is a character like any other. */
    hlffi_value *s = hlffi_value_string_len(vm, "a\0b", 3);
    CHECK(call_int1(vm, "strLen", s, -2) == 3);
    hlffi_value *args[2] = {s, hlffi_value_int(vm, 1)};
    hlffi_value *r = hlffi_call_static(vm, "ApiLimits", "codeAt", 2, args);
    CHECK(hlffi_value_as_int(r, -1) == 0);
    hlffi_value_free(r);
    size_t len = 0;
    char *back = hlffi_value_as_string_len(s, &len);
    CHECK(back != NULL && len == 3 && memcmp(back, "a\0b", 4) == 0);
    free(back);
    hlffi_value_free(s);
    /* Multi-byte characters: length counts UTF-16 units; a prefix length cuts bytes, not characters
     * of the input we pass. */
    s = hlffi_value_string_len(vm, "\xc3\xa9\0\xe2\x82\xac\xf0\x9f\x98\x80zzz", 10);
    CHECK(call_int1(vm, "strLen", s, -2) == 5); /* é, NUL, €, and a surrogate pair */
    back = hlffi_value_as_string_len(s, &len);
    CHECK(back != NULL && len == 10 && memcmp(back, "\xc3\xa9\0\xe2\x82\xac\xf0\x9f\x98\x80", 11) == 0);
    free(back);
    hlffi_value_free(s);
    /* Invalid UTF-8 becomes U+FFFD. */
    s = hlffi_value_string_len(vm, "\xff", 1);
    back = hlffi_value_as_string_len(s, &len);
    CHECK(back != NULL && len == 3 && memcmp(back, "\xef\xbf\xbd", 4) == 0);
    free(back);
    hlffi_value_free(s);
    /* Empty, and NULL with length 0 (a null String), NULL with a length (refused). */
    s = hlffi_value_string_len(vm, "ignored", 0);
    CHECK(call_int1(vm, "strLen", s, -2) == 0);
    back = hlffi_value_as_string_len(s, &len);
    CHECK(back != NULL && len == 0 && back[0] == 0);
    free(back);
    hlffi_value_free(s);
    s = hlffi_value_string_len(vm, NULL, 0);
    CHECK(s != NULL && hlffi_value_is_null(s));
    CHECK(call_int1(vm, "strLen", s, -2) == -1);
    back = hlffi_value_as_string_len(s, &len);
    CHECK(back != NULL && len == 4 && strcmp(back, "null") == 0);
    free(back);
    hlffi_value_free(s);
    CHECK(hlffi_value_string_len(vm, NULL, 5) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "utf8 is NULL") != NULL);
    /* A String made by Haxe with a NUL inside comes back whole. */
    r = hlffi_call_static(vm, "ApiLimits", "withNul", 0, NULL);
    back = hlffi_value_as_string_len(r, &len);
    CHECK(back != NULL && len == 5 && memcmp(back, "x\0y\xc3\xa9", 6) == 0);
    free(back);
    back = hlffi_value_as_string_len(r, NULL); /* no length wanted */
    CHECK(back != NULL && strcmp(back, "x") == 0);
    free(back);
    hlffi_value_free(r);
    /* Other values: Std.string. */
    hlffi_value *i = hlffi_value_int(vm, 42);
    back = hlffi_value_as_string_len(i, &len);
    CHECK(back != NULL && len == 2 && strcmp(back, "42") == 0);
    free(back);
    hlffi_value_free(i);
    hlffi_value_free(args[1]);
}

static void objects(hlffi_vm *vm) {
    hlffi_value *o = hlffi_value_object(vm);
    CHECK(o != NULL && !hlffi_value_is_null(o));
    CHECK(str_is(call_str1(vm, "objFields", o), ""));
    CHECK(hlffi_set_field_int(vm, o, "x", 3));
    hlffi_value *name = hlffi_value_string(vm, "abcd");
    CHECK(hlffi_set_field(o, "name", name));
    hlffi_value_free(name);
    CHECK(str_is(call_str1(vm, "objFields", o), "name,x"));
    CHECK(call_int1(vm, "objSum", o, -1) == 7);
    /* Passed where Haxe wants a structure type. */
    CHECK(str_is(call_str1(vm, "typed", o), "abcd3"));
    /* Read back from C. */
    CHECK(hlffi_get_field_int(o, "x", -1) == 3);
    CHECK(str_is(hlffi_get_field_string(o, "name"), "abcd"));
    /* Overwriting a field with another type. */
    CHECK(hlffi_set_field_string(vm, o, "x", "changed"));
    CHECK(str_is(hlffi_get_field_string(o, "x"), "changed"));
    /* Every object is new. */
    hlffi_value *o2 = hlffi_value_object(vm);
    CHECK(str_is(call_str1(vm, "objFields", o2), ""));
    hlffi_value_free(o2);
    hlffi_value_free(o);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_values_more ApiLimits.hl\n");
        return 2;
    }
    module_path = argv[1];
    bad_inputs();
    hlffi_vm *vm = start_vm(module_path);
    int64(vm);
    not_int64(vm);
    strings_with_length(vm);
    objects(vm);
    hlffi_destroy(vm);
    return test_result("test_values_more");
}
