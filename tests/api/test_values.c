/* API scenarios for values and static members, using only <hlffi.h>: making and reading values,
 * Haxe's conversions, NULL inputs, unknown names, wrong argument counts, exceptions, many handles,
 * and handles surviving collections.
 * usage: test_values ApiBasics.hl */
#include "api_test.h"

static void null_inputs(const char *path) {
    CHECK(hlffi_value_int(NULL, 1) == NULL);
    CHECK(hlffi_value_float(NULL, 1) == NULL);
    CHECK(hlffi_value_f32(NULL, 1) == NULL);
    CHECK(hlffi_value_bool(NULL, true) == NULL);
    CHECK(hlffi_value_string(NULL, "x") == NULL);
    CHECK(hlffi_value_null(NULL) == NULL);
    hlffi_value_free(NULL);
    CHECK(hlffi_value_as_int(NULL, 7) == 7);
    CHECK(hlffi_value_as_float(NULL, 1.5) == 1.5);
    CHECK(hlffi_value_as_f32(NULL, 2.5f) == 2.5f);
    CHECK(hlffi_value_as_bool(NULL, true) == true);
    CHECK(hlffi_value_as_string(NULL) == NULL);
    CHECK(hlffi_value_is_null(NULL));
    CHECK(hlffi_get_static_field(NULL, "ApiBasics", "counter") == NULL);
    CHECK(hlffi_set_static_field(NULL, "ApiBasics", "counter", NULL) == HLFFI_ERROR_NULL_VM);
    CHECK(hlffi_call_static(NULL, "ApiBasics", "add", 0, NULL) == NULL);

    /* Before a load: nothing to make values with. */
    hlffi_vm *vm = hlffi_create();
    CHECK(hlffi_value_int(vm, 1) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "no module") != NULL);
    CHECK(hlffi_call_static(vm, "ApiBasics", "add", 0, NULL) == NULL);
    hlffi_destroy(vm);

    vm = start_vm(path);
    CHECK(hlffi_get_static_field(vm, NULL, "counter") == NULL);
    CHECK(hlffi_get_static_field(vm, "ApiBasics", NULL) == NULL);
    CHECK(hlffi_call_static(vm, "ApiBasics", "add", 2, NULL) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "argv") != NULL);
    CHECK(hlffi_set_static_field(vm, "ApiBasics", "counter", NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
    hlffi_value *one = hlffi_value_int(vm, 1);
    hlffi_value *args[2] = {one, NULL};
    CHECK(hlffi_call_static(vm, "ApiBasics", "add", 2, args) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "argument 1") != NULL);
    hlffi_value_free(one);
    hlffi_destroy(vm);
}

static void values(hlffi_vm *vm) {
    hlffi_value *i = hlffi_value_int(vm, 42);
    hlffi_value *f = hlffi_value_float(vm, 2.75);
    hlffi_value *f32 = hlffi_value_f32(vm, 1.5f);
    hlffi_value *b = hlffi_value_bool(vm, true);
    hlffi_value *s = hlffi_value_string(vm, "h\xC3\xA9llo \xF0\x9F\x98\x80");
    hlffi_value *n = hlffi_value_null(vm);
    hlffi_value *ns = hlffi_value_string(vm, NULL);
    CHECK(i && f && f32 && b && s && n && ns);
    CHECK(hlffi_value_as_int(i, 0) == 42);
    CHECK(hlffi_value_as_float(i, 0) == 42.0); /* converted, not reinterpreted */
    CHECK(hlffi_value_as_f32(i, 0) == 42.0f);
    CHECK(hlffi_value_as_float(f, 0) == 2.75);
    CHECK(hlffi_value_as_int(f, 0) == 2);
    CHECK(hlffi_value_as_f32(f32, 0) == 1.5f);
    CHECK(hlffi_value_as_float(f32, 0) == 1.5);
    CHECK(hlffi_value_as_bool(b, false) == true);
    CHECK(hlffi_value_as_int(s, -9) == -9); /* a String is not an Int */
    CHECK(hlffi_value_as_int(n, -3) == -3);
    CHECK(hlffi_value_as_bool(n, true) == true);
    CHECK(hlffi_value_is_null(n));
    CHECK(hlffi_value_is_null(ns));
    CHECK(!hlffi_value_is_null(i));
    CHECK(!hlffi_value_is_null(s));
    CHECK(str_is(hlffi_value_as_string(i), "42"));
    CHECK(str_is(hlffi_value_as_string(f), "2.75"));
    CHECK(str_is(hlffi_value_as_string(b), "true"));
    CHECK(str_is(hlffi_value_as_string(n), "null"));
    CHECK(str_is(hlffi_value_as_string(s), "h\xC3\xA9llo \xF0\x9F\x98\x80"));
    /* A real Haxe String: its length is in UTF-16 units (h é l l o space + a surrogate pair = 8). */
    hlffi_value *len = hlffi_call_static(vm, "ApiBasics", "strLen", 1, &s);
    CHECK(hlffi_value_as_int(len, 0) == 8);
    hlffi_value_free(len);
    len = hlffi_call_static(vm, "ApiBasics", "strLen", 1, &ns);
    CHECK(hlffi_value_as_int(len, 0) == -1);
    hlffi_value_free(len);
    hlffi_value_free(i);
    hlffi_value_free(f);
    hlffi_value_free(f32);
    hlffi_value_free(b);
    hlffi_value_free(s);
    hlffi_value_free(n);
    hlffi_value_free(ns);
}

static void statics(hlffi_vm *vm) {
    hlffi_value *c = hlffi_get_static_field(vm, "ApiBasics", "counter");
    CHECK(hlffi_value_as_int(c, 0) == 5); /* main() set it */
    hlffi_value_free(c);
    hlffi_value *g = hlffi_get_static_field(vm, "ApiBasics", "greeting");
    CHECK(str_is(hlffi_value_as_string(g), "hello"));
    hlffi_value_free(g);

    hlffi_value *w = hlffi_value_string(vm, "world");
    CHECK(hlffi_set_static_field(vm, "ApiBasics", "greeting", w) == HLFFI_OK);
    hlffi_value_free(w);
    g = hlffi_get_static_field(vm, "ApiBasics", "greeting");
    CHECK(str_is(hlffi_value_as_string(g), "world"));
    hlffi_value_free(g);
    hlffi_value *seven = hlffi_value_int(vm, 7);
    CHECK(hlffi_set_static_field(vm, "ApiBasics", "ratio", seven) == HLFFI_OK); /* Int into a Float */
    hlffi_value *r = hlffi_get_static_field(vm, "ApiBasics", "ratio");
    CHECK(hlffi_value_as_float(r, 0) == 7.0);
    hlffi_value_free(r);
    hlffi_value *txt = hlffi_value_string(vm, "x");
    CHECK(hlffi_set_static_field(vm, "ApiBasics", "counter", txt) == HLFFI_ERROR_INVALID_ARGUMENT);
    hlffi_value_free(txt);

    hlffi_value *a = hlffi_value_int(vm, 40), *b = hlffi_value_int(vm, 2), *fl = hlffi_value_float(vm, 0.25);
    hlffi_value *args[2] = {a, b};
    hlffi_value *sum = hlffi_call_static(vm, "ApiBasics", "add", 2, args);
    CHECK(hlffi_value_as_int(sum, 0) == 42);
    hlffi_value_free(sum);
    args[1] = fl;
    hlffi_value *sc = hlffi_call_static(vm, "ApiBasics", "scale", 2, args);
    CHECK(hlffi_value_as_float(sc, 0) == 10.0);
    hlffi_value_free(sc);
    args[0] = fl; /* a Float where an Int is declared: converted (truncated) */
    args[1] = seven;
    sc = hlffi_call_static(vm, "ApiBasics", "scale", 2, args);
    CHECK(hlffi_value_as_float(sc, -1) == 0.0);
    hlffi_value_free(sc);
    hlffi_value *v = hlffi_call_static(vm, "ApiBasics", "touch", 0, NULL);
    CHECK(v != NULL && hlffi_value_is_null(v)); /* void: a handle holding null */
    hlffi_value_free(v);
    c = hlffi_get_static_field(vm, "ApiBasics", "counter");
    CHECK(hlffi_value_as_int(c, 0) == 6);
    hlffi_value_free(c);

    /* Failures. */
    CHECK(hlffi_call_static(vm, "ApiBasics", "add", 1, args) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "takes 2 arguments") != NULL);
    CHECK(hlffi_set_static_field(vm, "NoSuchClass", "x", a) == HLFFI_ERROR_TYPE_NOT_FOUND);
    CHECK(strstr(hlffi_get_error(vm), "NoSuchClass") != NULL && strstr(hlffi_get_error(vm), "@:keep") != NULL);
    CHECK(hlffi_call_static(vm, "NoSuchClass", "add", 0, NULL) == NULL);
    CHECK(hlffi_get_static_field(vm, "ApiBasics", "nope") == NULL);
    CHECK(strstr(hlffi_get_error(vm), "nope") != NULL && strstr(hlffi_get_error(vm), "-dce no") != NULL);
    CHECK(hlffi_call_static(vm, "ApiBasics", "nope", 0, NULL) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "ApiBasics.nope") != NULL);
    CHECK(hlffi_call_static(vm, "ApiBasics", "counter", 0, NULL) == NULL);
    CHECK(hlffi_set_static_field(vm, "ApiBasics", "add", a) == HLFFI_ERROR_TYPE_MISMATCH);

    /* A Haxe exception: NULL, EXCEPTION_THROWN, message and stack recorded. */
    hlffi_clear_exception(vm);
    hlffi_value *msg = hlffi_value_string(vm, "boom");
    CHECK(hlffi_call_static(vm, "ApiBasics", "fail", 1, &msg) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "failed: boom") != NULL);
    CHECK(hlffi_has_exception(vm));
    CHECK(strcmp(hlffi_get_exception_message(vm), "failed: boom") == 0);
    CHECK(strstr(hlffi_get_exception_stack(vm), "ApiBasics.hx") != NULL);
    hlffi_value_free(msg);
    /* The VM goes on working. */
    args[0] = a, args[1] = b;
    sum = hlffi_call_static(vm, "ApiBasics", "add", 2, args);
    CHECK(hlffi_value_as_int(sum, 0) == 42);
    hlffi_value_free(sum);
    hlffi_value_free(a);
    hlffi_value_free(b);
    hlffi_value_free(fl);
    hlffi_value_free(seven);
}

#define MANY 100000

static void many_handles(hlffi_vm *vm) {
    hlffi_value **hs = malloc(MANY * sizeof *hs);
    CHECK(hs != NULL);
    if (hs == NULL)
        return;
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < MANY; i++)
            hs[i] = i % 2 ? hlffi_value_int(vm, i) : hlffi_value_string(vm, "s");
        int bad = 0;
        for (int i = 1; i < MANY; i += 2)
            bad += hlffi_value_as_int(hs[i], -1) != i;
        CHECK(bad == 0);
        hlffi_value *last = hs[MANY - 1];
        for (int i = 0; i < MANY; i++)
            hlffi_value_free(hs[i]);
        hlffi_value *again = hlffi_value_int(vm, 1);
#ifdef NDEBUG
        /* Freed slots are reused (the table does not grow): the next handle takes the last freed one. */
        CHECK(again == last);
#else
        /* Debug builds reuse freed slots last, so a stale handle reads as freed, not as a new value. */
        CHECK(again != last);
        CHECK(hlffi_value_as_int(last, -7) == -7);
        CHECK(hlffi_value_is_null(last));
#endif
        hlffi_value_free(again);
    }
    free(hs);
}

static void survives_collections(hlffi_vm *vm) {
    hlffi_value *s = hlffi_value_string(vm, "kept alive");
    hlffi_value *g = hlffi_get_static_field(vm, "ApiBasics", "greeting");
    hlffi_value *n = hlffi_value_int(vm, 5000);
    hlffi_value *total = hlffi_call_static(vm, "ApiBasics", "churn", 1, &n);
    CHECK(hlffi_value_as_int(total, 0) == 5000 * 16);
    hlffi_value *w = hlffi_value_string(vm, "other");
    CHECK(hlffi_set_static_field(vm, "ApiBasics", "greeting", w) == HLFFI_OK); /* only the handle holds g's */
    hlffi_value_free(total);
    total = hlffi_call_static(vm, "ApiBasics", "churn", 1, &n);
    hlffi_value_free(total);
    CHECK(str_is(hlffi_value_as_string(s), "kept alive"));
    CHECK(str_is(hlffi_value_as_string(g), "world"));
    hlffi_value *len = hlffi_call_static(vm, "ApiBasics", "strLen", 1, &s);
    CHECK(hlffi_value_as_int(len, 0) == 10);
    hlffi_value_free(len);
    hlffi_value_free(s);
    hlffi_value_free(g);
    hlffi_value_free(n);
    hlffi_value_free(w);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_values ApiBasics.hl\n");
        return 2;
    }
    null_inputs(argv[1]);
    hlffi_vm *vm = start_vm(argv[1]);
    values(vm);
    statics(vm);
    many_handles(vm);
    survives_collections(vm);
    /* Handles left at destroy are freed with the VM. */
    CHECK(hlffi_value_int(vm, 3) != NULL);
    hlffi_destroy(vm);
    return test_result("test_values");
}
