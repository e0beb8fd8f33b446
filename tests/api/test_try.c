/* API scenarios for the try_ variants, using only <hlffi.h>: OK with the result, EXCEPTION with the
 * Haxe exception's message (the recorded one: it outlives successful calls, is replaced by the next
 * exception and goes with hlffi_clear_exception), ERROR with the error text for bad names, counts,
 * arguments and handles; NULL out pointers. usage: test_try ApiCache.hl */
#include "api_test.h"

static void statics(hlffi_vm *vm) {
    hlffi_value *a[2] = {hlffi_value_int(vm, 40), hlffi_value_int(vm, 2)};
    hlffi_value *res = (hlffi_value *)&res; /* garbage: must be overwritten */
    const char *err = "garbage";
    CHECK(hlffi_try_call_static(vm, "ApiCache", "add", 2, a, &res, &err) == HLFFI_CALL_OK);
    CHECK(hlffi_value_as_int(res, 0) == 42 && err == NULL);
    hlffi_value_free(res);
    /* A void method: OK with a handle holding null; no out pointers: the result is freed here. */
    CHECK(hlffi_try_call_static(vm, "ApiCache", "touch", 0, NULL, &res, &err) == HLFFI_CALL_OK);
    CHECK(res != NULL && hlffi_value_is_null(res));
    hlffi_value_free(res);
    CHECK(hlffi_try_call_static(vm, "ApiCache", "add", 2, a, NULL, NULL) == HLFFI_CALL_OK);

    /* Exceptions: the message, the same text hlffi_get_exception_message gives. */
    hlffi_value *m = hlffi_value_string(vm, "first");
    res = (hlffi_value *)&res;
    CHECK(hlffi_try_call_static(vm, "ApiCache", "fail", 1, &m, &res, &err) == HLFFI_CALL_EXCEPTION);
    CHECK(res == NULL && err != NULL && strcmp(err, "cache failed: first") == 0);
    CHECK(err == hlffi_get_exception_message(vm));
    CHECK(hlffi_get_error_string(HLFFI_ERROR_EXCEPTION_THROWN) != NULL);
    /* It stays through a successful call, and through an error. */
    CHECK(hlffi_try_call_static(vm, "ApiCache", "add", 2, a, NULL, NULL) == HLFFI_CALL_OK);
    const char *err2 = NULL;
    CHECK(hlffi_try_call_static(vm, "ApiCache", "nope", 0, NULL, NULL, &err2) == HLFFI_CALL_ERROR);
    CHECK(strcmp(err, "cache failed: first") == 0 && hlffi_has_exception(vm));
    CHECK(err2 != NULL && strstr(err2, "ApiCache.nope") != NULL);
    /* The next exception replaces it; clearing forgets it. */
    hlffi_value *m2 = hlffi_value_string(vm, "second");
    CHECK(hlffi_try_call_static(vm, "ApiCache", "fail", 1, &m2, NULL, &err) == HLFFI_CALL_EXCEPTION);
    CHECK(strcmp(err, "cache failed: second") == 0);
    CHECK(hlffi_try_call_static(vm, "ApiCache", "fail", 1, &m2, NULL, NULL) == HLFFI_CALL_EXCEPTION);
    hlffi_clear_exception(vm);
    CHECK(!hlffi_has_exception(vm) && strcmp(hlffi_get_exception_message(vm), "") == 0);

    /* Errors: each with its text. */
    res = (hlffi_value *)&res;
    CHECK(hlffi_try_call_static(vm, "NoSuchClass", "add", 2, a, &res, &err) == HLFFI_CALL_ERROR);
    CHECK(res == NULL && strstr(err, "NoSuchClass") != NULL);
    CHECK(hlffi_try_call_static(vm, "ApiCache", "add", 1, a, &res, &err) == HLFFI_CALL_ERROR);
    CHECK(strstr(err, "takes 2 arguments, 1 given") != NULL);
    hlffi_value *s = hlffi_value_string(vm, "x");
    hlffi_value *as[2] = {a[0], s};
    CHECK(hlffi_try_call_static(vm, "ApiCache", "add", 2, as, &res, &err) == HLFFI_CALL_ERROR);
    CHECK(strstr(err, "argument 1") != NULL && strstr(err, "cannot convert") != NULL);
    CHECK(hlffi_try_call_static(vm, "ApiCache", "calls", 0, NULL, &res, &err) == HLFFI_CALL_ERROR);
    CHECK(strstr(err, "variable") != NULL);
    CHECK(hlffi_try_call_static(vm, NULL, "add", 2, a, &res, &err) == HLFFI_CALL_ERROR);
    CHECK(hlffi_try_call_static(vm, "ApiCache", "add", 2, NULL, NULL, NULL) == HLFFI_CALL_ERROR);
    CHECK(!hlffi_has_exception(vm)); /* errors record no exception */
    CHECK(hlffi_try_call_static(NULL, "ApiCache", "add", 2, a, &res, &err) == HLFFI_CALL_ERROR);
    CHECK(res == NULL && err != NULL && strstr(err, "NULL") != NULL);
    CHECK(hlffi_try_call_static(NULL, "ApiCache", "add", 2, a, NULL, NULL) == HLFFI_CALL_ERROR);

    hlffi_value_free(s);
    hlffi_value_free(m);
    hlffi_value_free(m2);
    hlffi_value_free(a[0]);
    hlffi_value_free(a[1]);
}

static void methods(hlffi_vm *vm) {
    hlffi_value *id = hlffi_value_int(vm, 4);
    hlffi_value *shape = hlffi_new(vm, "Shape", 1, &id);
    hlffi_value *res = NULL;
    const char *err = "garbage";
    CHECK(hlffi_try_call_method(shape, "ident", 1, &id, &res, &err) == HLFFI_CALL_OK);
    CHECK(hlffi_value_as_int(res, 0) == 4004 && err == NULL);
    hlffi_value_free(res);
    CHECK(hlffi_try_call_method(shape, "ident", 1, &id, NULL, NULL) == HLFFI_CALL_OK);
    CHECK(hlffi_get_field_int(shape, "hits", -1) == 2);

    res = (hlffi_value *)&res;
    CHECK(hlffi_try_call_method(shape, "boom", 0, NULL, &res, &err) == HLFFI_CALL_EXCEPTION);
    CHECK(res == NULL && strcmp(err, "shape 4 exploded") == 0);
    CHECK(hlffi_try_call_method(shape, "nope", 0, NULL, &res, &err) == HLFFI_CALL_ERROR);
    CHECK(strstr(err, "nope") != NULL);
    CHECK(hlffi_try_call_method(shape, "ident", 0, NULL, &res, &err) == HLFFI_CALL_ERROR);
    CHECK(strstr(err, "takes 1 argument, 0 given") != NULL);
    CHECK(hlffi_try_call_method(id, "ident", 0, NULL, &res, &err) == HLFFI_CALL_ERROR);
    CHECK(strstr(err, "no members") != NULL);
    CHECK(hlffi_try_call_method(NULL, "ident", 1, &id, &res, &err) == HLFFI_CALL_ERROR);
    CHECK(res == NULL && err != NULL && strstr(err, "NULL") != NULL);
    CHECK(hlffi_try_call_method(NULL, "ident", 1, &id, NULL, NULL) == HLFFI_CALL_ERROR);
    hlffi_value *dead = hlffi_new(vm, "Shape", 1, &id);
    hlffi_value_free(dead);
    CHECK(hlffi_try_call_method(dead, "ident", 1, &id, &res, &err) == HLFFI_CALL_ERROR);
    CHECK(strstr(err, "freed") != NULL);
    hlffi_value *null = hlffi_value_null(vm);
    CHECK(hlffi_try_call_method(null, "ident", 1, &id, &res, &err) == HLFFI_CALL_ERROR);
    CHECK(strstr(err, "null") != NULL);
    hlffi_value_free(null);
    hlffi_value_free(shape);
    hlffi_value_free(id);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_try ApiCache.hl\n");
        return 2;
    }
    hlffi_vm *vm = start_vm(argv[1]);
    statics(vm);
    methods(vm);
    hlffi_destroy(vm);
    return test_result("test_try");
}
