/* Function values (hlffi-api.md "Beyond hlffi v3"): C functions with userdata as Haxe function values
 * (hlffi_function_new), and any Haxe function value called from C (hlffi_function_call): closures, static
 * functions, bound methods with virtual dispatch, var-args functions, values made from C. Throwing from a
 * function value, nesting, lifetime through the GC, adversarial rebinding from Haxe. Module:
 * tests/api/hx/Functions.hx. */
#include "api_test.h"

#define NEAR(a, b) ((a) - (b) < 1e-9 && (b) - (a) < 1e-9)

/* userdata: an accumulator per function value */
typedef struct acc {
    int total, calls;
} acc;

static hlffi_value *fn_acc(hlffi_vm *vm, void *userdata, int argc, hlffi_value **argv) {
    acc *a = userdata;
    CHECK(argc == 1);
    a->calls++;
    a->total += hlffi_value_as_int(argv[0], 0);
    return hlffi_value_int(vm, a->total);
}

static hlffi_value *fn_square(hlffi_vm *vm, void *userdata, int argc, hlffi_value **argv) {
    (void)userdata;
    CHECK(argc == 1);
    int x = hlffi_value_as_int(argv[0], 0);
    return hlffi_value_int(vm, x * x);
}

static hlffi_value *fn_sub(hlffi_vm *vm, void *userdata, int argc, hlffi_value **argv) {
    (void)userdata;
    CHECK(argc == 2);
    return hlffi_value_float(vm, hlffi_value_as_float(argv[0], 0) - hlffi_value_as_float(argv[1], 0));
}

static hlffi_value *fn_upper(hlffi_vm *vm, void *userdata, int argc, hlffi_value **argv) {
    (void)userdata;
    CHECK(argc == 1);
    char *s = hlffi_value_as_string(argv[0]);
    for (char *p = s; p != NULL && *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    hlffi_value *r = hlffi_value_string(vm, s);
    free(s);
    return r;
}

static hlffi_value *fn_throw(hlffi_vm *vm, void *userdata, int argc, hlffi_value **argv) {
    (void)argv;
    CHECK(argc == 0);
    if (userdata != NULL) {
        hlffi_throw_string(vm, userdata);
    } else {
        hlffi_value *v = hlffi_value_float(vm, 2.5);
        hlffi_throw(vm, v);
        hlffi_value_free(v);
    }
    return NULL;
}

/* Calls the function value in userdata with its argument plus one: C -> Haxe -> C nesting. */
static hlffi_value *fn_nested(hlffi_vm *vm, void *userdata, int argc, hlffi_value **argv) {
    CHECK(argc == 1);
    hlffi_value *x = hlffi_value_int(vm, hlffi_value_as_int(argv[0], 0) + 1);
    hlffi_value *r = hlffi_function_call(userdata, 1, &x);
    hlffi_value_free(x);
    return r; /* taken over (NULL when it failed) */
}

/* Calls itself through hlffi_function_call until the VM's C-entry bound stops it. */
static hlffi_value *self_fn;
static int self_depth, self_failed;
static hlffi_value *fn_self(hlffi_vm *vm, void *userdata, int argc, hlffi_value **argv) {
    (void)userdata, (void)argc, (void)argv;
    self_depth++;
    hlffi_value *r = hlffi_function_call(self_fn, 0, NULL);
    if (r == NULL) { /* pass the failure on as an exception */
        if (!self_failed)
            self_failed = self_depth;
        char msg[256];
        snprintf(msg, sizeof msg, "%s", hlffi_get_exception_message(vm));
        hlffi_throw_string(vm, msg);
    }
    return r;
}

static hlffi_value *call(hlffi_vm *vm, const char *fn, int argc, hlffi_value **argv) {
    return hlffi_call_static(vm, "Functions", fn, argc, argv);
}

static int call_int(hlffi_vm *vm, const char *fn, int argc, hlffi_value **argv, int fallback) {
    return take_int(call(vm, fn, argc, argv), fallback);
}

static char *call_str(hlffi_vm *vm, const char *fn, int argc, hlffi_value **argv) {
    return take_str(call(vm, fn, argc, argv));
}

static int fcall_int(hlffi_value *f, int argc, hlffi_value **argv, int fallback) {
    hlffi_value *r = hlffi_function_call(f, argc, argv);
    int v = hlffi_value_as_int(r, fallback);
    hlffi_value_free(r);
    return v;
}

/* ---- C functions called by Haxe ---------------------------------------------------------------------- */

static void c_values_in_haxe(hlffi_vm *vm) {
    acc a1 = {0, 0}, a2 = {100, 0};
    hlffi_value *f1 = hlffi_function_new(vm, fn_acc, 1, &a1), *f2 = hlffi_function_new(vm, fn_acc, 1, &a2);
    CHECK(f1 != NULL && f2 != NULL);
    hlffi_value *five = hlffi_value_int(vm, 5);
    hlffi_value *args[2] = {f1, five};
    CHECK(call_int(vm, "apply", 2, args, -1) == 5); /* through an (Int) -> Int wrapper */
    CHECK(call_int(vm, "apply", 2, args, -1) == 10);
    args[0] = f2;
    CHECK(call_int(vm, "apply", 2, args, -1) == 105); /* its own userdata */
    CHECK(a1.calls == 2 && a2.calls == 1);
    /* Array.map with a C function; two arguments as Dynamic; Strings */
    hlffi_value *sq = hlffi_function_new(vm, fn_square, 1, NULL);
    hlffi_value *ten = hlffi_value_int(vm, 10);
    hlffi_value *ms[2] = {ten, sq};
    CHECK(call_int(vm, "mapSum", 2, ms, -1) == 285);
    hlffi_value *sub = hlffi_function_new(vm, fn_sub, 2, NULL);
    hlffi_value *x = hlffi_value_float(vm, 5.5), *y = hlffi_value_int(vm, 2);
    hlffi_value *a3[3] = {sub, x, y};
    hlffi_value *r = call(vm, "apply2", 3, a3);
    CHECK(NEAR(hlffi_value_as_float(r, 0), 3.5));
    hlffi_value_free(r);
    hlffi_value *up = hlffi_function_new(vm, fn_upper, 1, NULL), *s = hlffi_value_string(vm, "héllo");
    hlffi_value *us[2] = {up, s};
    CHECK(str_is(call_str(vm, "applyString", 2, us), "HéLLO"));
    /* stored in a Dynamic static */
    CHECK(hlffi_set_static_field(vm, "Functions", "f", sq) == HLFFI_OK);
    hlffi_value *got = hlffi_get_static_field(vm, "Functions", "f");
    CHECK(fcall_int(got, 1, &ten, -1) == 100); /* C -> Haxe value -> C */
    hlffi_value_free(got);
    /* bad arguments */
    CHECK(hlffi_function_new(NULL, fn_square, 1, NULL) == NULL);
    CHECK(hlffi_function_new(vm, NULL, 1, NULL) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "fn is NULL") != NULL);
    CHECK(hlffi_function_new(vm, fn_square, -1, NULL) == NULL);
    CHECK(hlffi_function_new(vm, fn_square, 256, NULL) == NULL);
    hlffi_value *wide = hlffi_function_new(vm, fn_square, 255, NULL);
    CHECK(wide != NULL);
    hlffi_value_free(wide);
    hlffi_value *ab[] = {f1, f2, five, sq, ten, sub, x, y, up, s};
    for (size_t i = 0; i < sizeof ab / sizeof ab[0]; i++)
        hlffi_value_free(ab[i]);
}

static void throwing(hlffi_vm *vm) {
    hlffi_value *t1 = hlffi_function_new(vm, fn_throw, 0, "from C"), *t2 = hlffi_function_new(vm, fn_throw, 0, NULL);
    CHECK(str_is(call_str(vm, "callAndCatch", 1, &t1), "caught string from C"));
    CHECK(str_is(call_str(vm, "callAndCatch", 1, &t2), "caught 2.5"));
    /* called from C: the exception is recorded */
    CHECK(hlffi_function_call(t1, 0, NULL) == NULL);
    CHECK(strcmp(hlffi_get_exception_message(vm), "from C") == 0);
    hlffi_clear_exception(vm);
    hlffi_value_free(t1);
    hlffi_value_free(t2);
}

/* Values that are not functions, including raw pointers that carry no type (hl.Bytes), are refused. */
static void not_functions(hlffi_vm *vm) {
    hlffi_value *bytes = hlffi_bytes_new(vm, 8);
    hlffi_value *raw = hlffi_get_field(bytes, "b"); /* the hl.Bytes inside haxe.io.Bytes */
    CHECK(raw != NULL && hlffi_value_get_kind(raw) == HLFFI_TYPE_BYTES);
    CHECK(hlffi_function_call(raw, 0, NULL) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "not a function") != NULL);
    CHECK(hlffi_function_call(bytes, 0, NULL) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "not a function") != NULL);
    hlffi_value *i = hlffi_value_int(vm, 3);
    CHECK(hlffi_function_call(i, 0, NULL) == NULL);
    hlffi_value_free(i);
    hlffi_value_free(raw);
    hlffi_value_free(bytes);
}

static void lifetime(hlffi_vm *vm) {
    acc a = {0, 0};
    hlffi_value *f = hlffi_function_new(vm, fn_acc, 1, &a);
    hlffi_value_free(call(vm, "keep", 1, &f));
    hlffi_value_free(f); /* Haxe's reference keeps it alive */
    hlffi_value *n = hlffi_value_int(vm, 2000);
    CHECK(call_int(vm, "churn", 1, &n, -1) == 2000);
    hlffi_value_free(call(vm, "collect", 0, NULL));
    hlffi_value *zero = hlffi_value_int(vm, 0), *seven = hlffi_value_int(vm, 7);
    hlffi_value *args[2] = {zero, seven};
    CHECK(call_int(vm, "callKept", 2, args, -1) == 7 && a.calls == 1);
    hlffi_value_free(call(vm, "clearKept", 0, NULL));
    hlffi_value_free(call(vm, "collect", 0, NULL)); /* now it goes */
    hlffi_value_free(n);
    hlffi_value_free(zero);
    hlffi_value_free(seven);
}

static void rebinding(hlffi_vm *vm) {
    hlffi_value *sq = hlffi_function_new(vm, fn_square, 1, NULL);
    char *s = call_str(vm, "rebind", 1, &sq);
    CHECK(s != NULL);
    if (s != NULL) {
        CHECK(strstr(s, "made closure; caught Invalid call of a host function") != NULL);
        CHECK(strstr(s, "; caught Invalid call of a host function; reflect 25") != NULL);
        if (failures)
            fprintf(stderr, "  rebind: %s\n", s);
    }
    free(s);
    hlffi_value_free(sq);
}

/* ---- Haxe functions called from C ---------------------------------------------------------------------- */

static void haxe_values_from_c(hlffi_vm *vm) {
    hlffi_value *five = hlffi_value_int(vm, 5);
    hlffi_value *adder = call(vm, "makeAdder", 1, &five);
    hlffi_value *two = hlffi_value_int(vm, 2);
    CHECK(fcall_int(adder, 1, &two, -1) == 7);
    hlffi_value *tw = call(vm, "getTwice", 0, NULL);
    CHECK(fcall_int(tw, 1, &five, -1) == 10);
    /* Float argument given as Int: converted to the declared type */
    hlffi_value *ff = call(vm, "floatFn", 0, NULL);
    hlffi_value *fa[2] = {five, two};
    hlffi_value *r = hlffi_function_call(ff, 2, fa);
    CHECK(NEAR(hlffi_value_as_float(r, 0), 10.0));
    hlffi_value_free(r);
    /* a Void function gives a handle holding null */
    hlffi_value *vf = call(vm, "getVoid", 0, NULL);
    r = hlffi_function_call(vf, 1, &two);
    CHECK(r != NULL && hlffi_value_is_null(r));
    hlffi_value_free(r);
    /* bound methods dispatch virtually */
    hlffi_value *c = hlffi_new(vm, "Counter", 0, NULL), *d = hlffi_new(vm, "DoubleCounter", 0, NULL);
    hlffi_value *cadd = hlffi_get_field(c, "add"), *dadd = hlffi_get_field(d, "add");
    CHECK(cadd != NULL && dadd != NULL);
    CHECK(fcall_int(cadd, 1, &five, -1) == 5);
    CHECK(fcall_int(cadd, 1, &two, -1) == 7);
    CHECK(fcall_int(dadd, 1, &five, -1) == 10);
    /* a var-args function takes any count (as Dynamic) */
    hlffi_value *va = call(vm, "varArgs", 0, NULL);
    hlffi_value *three[3] = {two, five, five};
    CHECK(fcall_int(va, 3, three, -1) == 32);
    CHECK(fcall_int(va, 1, &five, -1) == 15);
    /* the function held as Dynamic */
    CHECK(hlffi_set_static_field(vm, "Functions", "f", tw) == HLFFI_OK);
    hlffi_value *dyn = hlffi_get_static_field(vm, "Functions", "f");
    CHECK(fcall_int(dyn, 1, &two, -1) == 4);
    /* a Haxe exception is recorded with its stack */
    hlffi_value *th = call(vm, "getThrower", 0, NULL), *msg = hlffi_value_string(vm, "haxe threw");
    CHECK(hlffi_function_call(th, 1, &msg) == NULL);
    CHECK(strcmp(hlffi_get_exception_message(vm), "haxe threw") == 0);
    CHECK(strstr(hlffi_get_exception_stack(vm), "Functions.thrower") != NULL);
    hlffi_clear_exception(vm);
    /* nesting: a C function value calling a Haxe closure calling C ... */
    hlffi_value *nested = hlffi_function_new(vm, fn_nested, 1, adder);
    CHECK(fcall_int(nested, 1, &two, -1) == 8); /* adder(2 + 1) */
    hlffi_value *ap[2] = {nested, two};
    CHECK(call_int(vm, "apply", 2, ap, -1) == 8);
    /* bad inputs */
    CHECK(hlffi_function_call(NULL, 0, NULL) == NULL);
    CHECK(hlffi_function_call(adder, 0, NULL) == NULL); /* wrong argc */
    CHECK(strstr(hlffi_get_error(vm), "takes 1 argument, 0 given") != NULL);
    CHECK(hlffi_function_call(adder, 2, fa) == NULL);
    CHECK(hlffi_function_call(adder, 1, NULL) == NULL);
    CHECK(hlffi_function_call(adder, -1, NULL) == NULL);
    CHECK(hlffi_function_call(adder, 1, &msg) == NULL); /* a String for an Int */
    CHECK(strstr(hlffi_get_error(vm), "argument 0: cannot convert") != NULL);
    hlffi_value *nulls[1] = {NULL};
    CHECK(hlffi_function_call(adder, 1, nulls) == NULL);
    CHECK(hlffi_function_call(five, 0, NULL) == NULL); /* not a function */
    CHECK(strstr(hlffi_get_error(vm), "not a function") != NULL);
    CHECK(hlffi_function_call(c, 0, NULL) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "not a function") != NULL);
    hlffi_value *nul = hlffi_value_null(vm), *nf = call(vm, "getNull", 0, NULL);
    CHECK(hlffi_function_call(nul, 0, NULL) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "null") != NULL);
    CHECK(hlffi_function_call(nf, 1, &two) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "null") != NULL);
    hlffi_value *freed = call(vm, "getTwice", 0, NULL);
    hlffi_value_free(freed);
    CHECK(hlffi_function_call(freed, 1, &two) == NULL); /* a freed handle (its slot is not reused yet) */
    CHECK(strstr(hlffi_get_error(vm), "freed") != NULL);
    hlffi_value *all[] = {five, adder, two, tw, ff, vf, c, d, cadd, dadd, va, dyn, th, msg, nested, nul, nf};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        hlffi_value_free(all[i]);
}

static void self_recursion(hlffi_vm *vm) {
    self_fn = hlffi_function_new(vm, fn_self, 0, NULL);
    CHECK(hlffi_function_call(self_fn, 0, NULL) == NULL);
    CHECK(self_failed > 50 && self_failed <= 201);
    CHECK(strstr(hlffi_get_exception_message(vm), "Stack overflow") != NULL);
    hlffi_clear_exception(vm);
    hlffi_value_free(self_fn);
    hlffi_value *sq = hlffi_function_new(vm, fn_square, 1, NULL), *three = hlffi_value_int(vm, 3);
    CHECK(fcall_int(sq, 1, &three, -1) == 9); /* the VM goes on */
    hlffi_value_free(sq);
    hlffi_value_free(three);
}

static void other_vm(hlffi_vm *vm, const char *path) {
    hlffi_vm *v2 = start_vm(path);
    hlffi_value *sq = hlffi_function_new(vm, fn_square, 1, NULL), *x = hlffi_value_int(v2, 4);
    CHECK(hlffi_function_call(sq, 1, &x) == NULL); /* an argument of another VM */
    CHECK(strstr(hlffi_get_error(vm), "another VM") != NULL);
    hlffi_value_free(sq);
    hlffi_value_free(x);
    hlffi_destroy(v2);
    /* before the load */
    hlffi_vm *v3 = hlffi_create();
    CHECK(hlffi_function_new(v3, fn_square, 1, NULL) == NULL);
    CHECK(strstr(hlffi_get_error(v3), "no module") != NULL);
    hlffi_destroy(v3);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_functions Functions.hl\n");
        return 2;
    }
    hlffi_vm *vm = start_vm(argv[1]);
    c_values_in_haxe(vm);
    throwing(vm);
    not_functions(vm);
    lifetime(vm);
    rebinding(vm);
    haxe_values_from_c(vm);
    self_recursion(vm);
    other_vm(vm, argv[1]);
    hlffi_destroy(vm);
    return test_result("test_functions");
}
