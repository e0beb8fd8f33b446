/* Enums (hlffi-api.md "Enums") on tests/api/hx/ApiTypes.hx: constructors by name, values made in C and
 * checked by Haxe code (switch, ==), values made in Haxe and read in C, bad inputs. */
#include "api_test.h"

enum { RED, GREEN, BLUE, RGB, NAMED };                 /* Color's constructors */
enum { CIRCLE, RECT, EMPTY, TAGGED, SMALL };           /* Shape's */

static hlffi_vm *vm;

/* Calls ApiTypes.fn(v) and returns its Int result (fallback -999). */
static int call_int(const char *fn, hlffi_value *v) {
    hlffi_value *r = hlffi_call_static(vm, "ApiTypes", fn, 1, &v);
    int n = hlffi_value_as_int(r, -999);
    hlffi_value_free(r);
    return n;
}

static bool call_bool(const char *fn, int argc, hlffi_value **argv) {
    hlffi_value *r = hlffi_call_static(vm, "ApiTypes", fn, argc, argv);
    bool b = hlffi_value_as_bool(r, false);
    CHECK(r != NULL);
    hlffi_value_free(r);
    return b;
}

static double call_float(const char *fn, hlffi_value *v) {
    hlffi_value *r = hlffi_call_static(vm, "ApiTypes", fn, 1, &v);
    double d = hlffi_value_as_float(r, -999.0);
    hlffi_value_free(r);
    return d;
}

static void test_constructs(void) {
    CHECK(hlffi_enum_get_construct_count(vm, "Color") == 5);
    CHECK(hlffi_enum_get_construct_count(vm, "Shape") == 5);
    const char *names[] = {"Red", "Green", "Blue", "Rgb", "Named"};
    for (int i = 0; i < 5; i++)
        CHECK(str_is(hlffi_enum_get_construct_name(vm, "Color", i), names[i]));
    CHECK(str_is(hlffi_enum_get_construct_name(vm, "Shape", TAGGED), "Tagged"));

    CHECK(hlffi_enum_get_construct_name(vm, "Color", 5) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "no constructor 5") != NULL);
    CHECK(hlffi_enum_get_construct_name(vm, "Color", -1) == NULL);
    CHECK(hlffi_enum_get_construct_count(vm, "Base") == -1);
    CHECK(strstr(hlffi_get_error(vm), "not an enum") != NULL);
    CHECK(hlffi_enum_get_construct_count(vm, "Colour") == -1);
    CHECK(strstr(hlffi_get_error(vm), "not found") != NULL);
    CHECK(hlffi_enum_get_construct_count(vm, NULL) == -1);
    CHECK(hlffi_enum_get_construct_count(NULL, "Color") == -1);
    CHECK(hlffi_enum_get_construct_name(NULL, "Color", 0) == NULL);
    CHECK(hlffi_enum_get_construct_name(vm, "Int", 0) == NULL);
}

/* Parameterless constructors from C are the values Haxe itself uses. */
static void test_shared_values(void) {
    hlffi_value *red = hlffi_enum_alloc_simple(vm, "Color", RED);
    hlffi_value *green = hlffi_enum_alloc_simple(vm, "Color", GREEN);
    hlffi_value *blue = hlffi_enum_alloc(vm, "Color", BLUE, 0, NULL);
    CHECK(red != NULL && green != NULL && blue != NULL);
    CHECK(call_int("colorCode", red) == 1 && call_int("colorCode", green) == 2 && call_int("colorCode", blue) == 3);
    CHECK(call_bool("isRed", 1, &red));        /* c == Red: a pointer comparison in HashLink */
    CHECK(!call_bool("isRed", 1, &green));
    CHECK(call_bool("isBlue", 1, &blue));
    CHECK(call_bool("sameAsFavorite", 1, &green)); /* the static initialised to Green by the entry point */
    hlffi_value *haxe_green = hlffi_call_static(vm, "ApiTypes", "green", 0, NULL);
    hlffi_value *pair[] = {haxe_green, green};
    CHECK(call_bool("same", 2, pair));
    CHECK(call_int("colorFromDynamic", blue) == 3);

    /* Stored from C into a static, read back by Haxe. */
    CHECK(hlffi_set_static_field(vm, "ApiTypes", "favorite", blue) == HLFFI_OK);
    CHECK(call_bool("sameAsFavorite", 1, &blue));
    CHECK(hlffi_set_static_field(vm, "ApiTypes", "favorite", green) == HLFFI_OK);

    /* A constructor with parameters is not a simple one. */
    CHECK(hlffi_enum_alloc_simple(vm, "Color", RGB) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "takes 3 parameters") != NULL);
    CHECK(hlffi_enum_alloc_simple(vm, "Color", 9) == NULL);
    CHECK(hlffi_enum_alloc_simple(vm, "Base", 0) == NULL);
    CHECK(hlffi_enum_alloc_simple(vm, "Nope", 0) == NULL);
    CHECK(hlffi_enum_alloc_simple(vm, NULL, 0) == NULL);
    CHECK(hlffi_enum_alloc_simple(NULL, "Color", 0) == NULL);

    /* Reading them. */
    CHECK(hlffi_enum_get_index(red) == RED && hlffi_enum_get_param_count(red) == 0);
    CHECK(str_is(hlffi_enum_get_name(blue), "Blue"));
    CHECK(hlffi_enum_is(green, GREEN) && !hlffi_enum_is(green, RED));
    CHECK(hlffi_enum_is_named(green, "Green") && !hlffi_enum_is_named(green, "Red"));
    CHECK(hlffi_enum_get_param(red, 0) == NULL);
    hlffi_value *all[] = {red, green, blue, haxe_green};
    for (int i = 0; i < 4; i++)
        hlffi_value_free(all[i]);
}

static void test_alloc_params(void) {
    hlffi_value *one = hlffi_value_int(vm, 1), *f29 = hlffi_value_float(vm, 2.9), *three = hlffi_value_int(vm, 3);
    hlffi_value *rgb_args[] = {one, f29, three};
    hlffi_value *rgb = hlffi_enum_alloc(vm, "Color", RGB, 3, rgb_args); /* 2.9 -> Int 2, as Haxe casts */
    CHECK(rgb != NULL);
    CHECK(call_int("colorCode", rgb) == 65536 + 2 * 256 + 3);
    CHECK(call_int("colorFromDynamic", rgb) == 65536 + 2 * 256 + 3);
    CHECK(hlffi_enum_get_index(rgb) == RGB && hlffi_enum_get_param_count(rgb) == 3);
    hlffi_value *p1 = hlffi_enum_get_param(rgb, 1);
    CHECK(hlffi_value_as_int(p1, -1) == 2 && hlffi_value_get_kind(p1) == HLFFI_TYPE_I32);
    hlffi_value_free(p1);

    hlffi_value *hello = hlffi_value_string(vm, "hello"), *nul = hlffi_value_null(vm);
    hlffi_value *named = hlffi_enum_alloc(vm, "Color", NAMED, 1, &hello);
    CHECK(call_int("colorCode", named) == 1005);
    hlffi_value *unnamed = hlffi_enum_alloc(vm, "Color", NAMED, 1, &nul);
    CHECK(call_int("colorCode", unnamed) == -1);
    hlffi_value *pn = hlffi_enum_get_param(unnamed, 0);
    CHECK(pn != NULL && hlffi_value_is_null(pn));
    hlffi_value_free(pn);

    /* Shapes: Float parameters from Int, a nested enum, UI8/Bool/Single. */
    hlffi_value *two = hlffi_value_int(vm, 2), *w3 = hlffi_value_int(vm, 3), *h45 = hlffi_value_float(vm, 4.5);
    hlffi_value *circle = hlffi_enum_alloc(vm, "Shape", CIRCLE, 1, &two);
    CHECK(call_float("area", circle) == 12.0);
    hlffi_value *rect_args[] = {w3, h45};
    hlffi_value *rect = hlffi_enum_alloc(vm, "Shape", RECT, 2, rect_args);
    CHECK(call_float("area", rect) == 13.5);
    hlffi_value *tag = hlffi_value_string(vm, "t\xc3\xa9");
    hlffi_value *tagged_args[] = {tag, rect};
    hlffi_value *tagged = hlffi_enum_alloc(vm, "Shape", TAGGED, 2, tagged_args);
    CHECK(call_float("area", tagged) == 13.5);
    hlffi_value *tr = hlffi_call_static(vm, "ApiTypes", "tagOf", 1, &tagged);
    CHECK(str_is(hlffi_value_as_string(tr), "t\xc3\xa9"));
    hlffi_value_free(tr);
    hlffi_value *lvl = hlffi_value_int(vm, 200), *yes = hlffi_value_bool(vm, true), *q = hlffi_value_float(vm, 0.25);
    hlffi_value *small_args[] = {lvl, yes, q};
    hlffi_value *small = hlffi_enum_alloc(vm, "Shape", SMALL, 3, small_args);
    CHECK(call_float("area", small) == 200.25);
    hlffi_value *empty = hlffi_enum_alloc_simple(vm, "Shape", EMPTY);
    CHECK(call_float("area", empty) == 0.0);

    /* The values survive collections: only the handles hold them. */
    hlffi_value *n = hlffi_value_int(vm, 3000);
    hlffi_value *churned = hlffi_call_static(vm, "ApiTypes", "churn", 1, &n);
    CHECK(hlffi_value_as_int(churned, 0) == 3000 * 16);
    hlffi_value_free(churned);
    CHECK(call_float("area", tagged) == 13.5);
    CHECK(call_int("colorCode", named) == 1005);
    hlffi_value *inner = hlffi_enum_get_param(tagged, 1);
    CHECK(hlffi_enum_is_named(inner, "Rect") && hlffi_value_get_type(inner) == hlffi_find_type(vm, "Shape"));
    hlffi_value_free(inner);

    /* Wrong counts and unconvertible parameters. */
    CHECK(hlffi_enum_alloc(vm, "Color", RGB, 2, rgb_args) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "takes 3 parameters, 2 given") != NULL);
    CHECK(hlffi_enum_alloc(vm, "Color", RED, 1, rgb_args) == NULL);
    CHECK(hlffi_enum_alloc(vm, "Color", RGB, 3, NULL) == NULL);
    CHECK(hlffi_enum_alloc(vm, "Color", RGB, -1, rgb_args) == NULL);
    hlffi_value *bad_args[] = {one, hello, three};
    CHECK(hlffi_enum_alloc(vm, "Color", RGB, 3, bad_args) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "Rgb argument 1: cannot convert") != NULL);
    hlffi_value *null_args[] = {one, NULL, three};
    CHECK(hlffi_enum_alloc(vm, "Color", RGB, 3, null_args) == NULL);
    CHECK(hlffi_enum_alloc(vm, "Shape", TAGGED, 2, rgb_args) == NULL);  /* Int is not a Shape */
    CHECK(hlffi_enum_alloc(vm, "Color", 7, 0, NULL) == NULL);
    CHECK(hlffi_enum_alloc(NULL, "Color", RED, 0, NULL) == NULL);
    hlffi_value *gone = hlffi_value_int(vm, 1);
    hlffi_value_free(gone);
    hlffi_value *gone_args[] = {one, gone, three};
    CHECK(hlffi_enum_alloc(vm, "Color", RGB, 3, gone_args) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "freed") != NULL);

    hlffi_value *all[] = {one, f29, three, rgb, hello, nul, named, unnamed, two, w3, h45, circle, rect, tag,
                          tagged, lvl, yes, q, small, empty, n};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        hlffi_value_free(all[i]);
}

/* Values made by Haxe, read in C. */
static void test_from_haxe(void) {
    hlffi_value *a[] = {hlffi_value_int(vm, 1), hlffi_value_int(vm, 2), hlffi_value_int(vm, 3)};
    hlffi_value *rgb = hlffi_call_static(vm, "ApiTypes", "makeRgb", 3, a);
    CHECK(hlffi_enum_get_index(rgb) == RGB);
    CHECK(str_is(hlffi_enum_get_name(rgb), "Rgb"));
    CHECK(hlffi_enum_get_param_count(rgb) == 3);
    for (int i = 0; i < 3; i++) {
        hlffi_value *p = hlffi_enum_get_param(rgb, i);
        CHECK(hlffi_value_as_int(p, -1) == i + 1);
        hlffi_value_free(p);
    }
    CHECK(hlffi_enum_get_param(rgb, 3) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "no parameter 3") != NULL);
    CHECK(hlffi_enum_get_param(rgb, -1) == NULL);
    CHECK(hlffi_enum_is(rgb, RGB) && hlffi_enum_is_named(rgb, "Rgb") && !hlffi_enum_is_named(rgb, "Red"));
    CHECK(!hlffi_enum_is_named(rgb, NULL));

    hlffi_value *t = hlffi_value_string(vm, "x"), *w = hlffi_value_float(vm, 5.0);
    hlffi_value *ta[] = {t, w};
    hlffi_value *tagged = hlffi_call_static(vm, "ApiTypes", "makeTagged", 2, ta);
    CHECK(hlffi_enum_is_named(tagged, "Tagged"));
    hlffi_value *p0 = hlffi_enum_get_param(tagged, 0), *p1 = hlffi_enum_get_param(tagged, 1);
    CHECK(str_is(hlffi_value_as_string(p0), "x"));
    CHECK(hlffi_enum_get_index(p1) == RECT);
    hlffi_value *w0 = hlffi_enum_get_param(p1, 0), *h1 = hlffi_enum_get_param(p1, 1);
    CHECK(hlffi_value_as_float(w0, 0) == 5.0 && hlffi_value_as_float(h1, 0) == 2.0);
    CHECK(hlffi_value_get_kind(w0) == HLFFI_TYPE_F64);

    hlffi_value *small = hlffi_call_static(vm, "ApiTypes", "makeSmall", 0, NULL);
    hlffi_value *s0 = hlffi_enum_get_param(small, 0), *s1 = hlffi_enum_get_param(small, 1),
                *s2 = hlffi_enum_get_param(small, 2);
    CHECK(hlffi_value_as_int(s0, -1) == 200 && hlffi_value_get_kind(s0) == HLFFI_TYPE_UI8);
    CHECK(hlffi_value_as_bool(s1, false) && hlffi_value_get_kind(s1) == HLFFI_TYPE_BOOL);
    CHECK(hlffi_value_as_float(s2, 0) == 0.25 && hlffi_value_get_kind(s2) == HLFFI_TYPE_F32);
    CHECK(call_float("area", small) == 200.25); /* back to Haxe unchanged */

    /* Enums held as Dynamic. */
    hlffi_value *zero = hlffi_value_int(vm, 0), *seven = hlffi_value_int(vm, 7);
    hlffi_value *dred = hlffi_call_static(vm, "ApiTypes", "colorAsDynamic", 1, &zero);
    hlffi_value *d7 = hlffi_call_static(vm, "ApiTypes", "colorAsDynamic", 1, &seven);
    CHECK(hlffi_enum_get_index(dred) == RED && str_is(hlffi_enum_get_name(dred), "Red"));
    CHECK(call_bool("isRed", 1, &dred));
    CHECK(hlffi_enum_get_param_count(d7) == 3 && hlffi_enum_is_named(d7, "Rgb"));
    hlffi_value *p = hlffi_enum_get_param(d7, 2);
    CHECK(hlffi_value_as_int(p, -1) == 7);
    hlffi_value_free(p);

    hlffi_value *all[] = {a[0], a[1], a[2], rgb, t, w, tagged, p0, p1, w0, h1, small, s0, s1, s2, zero, seven, dred, d7};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        hlffi_value_free(all[i]);
}

/* Enum functions on values that are not enums. */
static void test_not_enums(void) {
    hlffi_value *i = hlffi_value_int(vm, 1), *nul = hlffi_value_null(vm), *s = hlffi_value_string(vm, "Red");
    CHECK(hlffi_enum_get_index(i) == -1);
    CHECK(strstr(hlffi_get_error(vm), "not an enum value") != NULL);
    CHECK(hlffi_enum_get_index(s) == -1 && hlffi_enum_get_name(s) == NULL);
    CHECK(hlffi_enum_get_index(nul) == -1);
    CHECK(strstr(hlffi_get_error(vm), "null") != NULL);
    CHECK(hlffi_enum_get_param_count(nul) == -1 && hlffi_enum_get_param(nul, 0) == NULL);
    CHECK(!hlffi_enum_is(nul, 0) && !hlffi_enum_is_named(nul, "Red"));
    CHECK(!hlffi_enum_is(i, 1) && !hlffi_enum_is_named(s, "Red"));
    CHECK(hlffi_enum_get_index(NULL) == -1 && hlffi_enum_get_name(NULL) == NULL);
    CHECK(hlffi_enum_get_param_count(NULL) == -1 && hlffi_enum_get_param(NULL, 0) == NULL);
    CHECK(!hlffi_enum_is(NULL, 0) && !hlffi_enum_is_named(NULL, "Red"));
    hlffi_value *gone = hlffi_enum_alloc_simple(vm, "Color", RED);
    hlffi_value_free(gone);
    CHECK(hlffi_enum_get_index(gone) == -1);
    CHECK(strstr(hlffi_get_error(vm), "freed") != NULL);
    hlffi_value_free(i);
    hlffi_value_free(nul);
    hlffi_value_free(s);
}

/* Before the entry point the shared values do not exist yet; constructors with parameters work. */
static void test_before_entry(const char *path) {
    hlffi_vm *v = hlffi_create();
    CHECK(hlffi_load_file(v, path) == HLFFI_OK);
    CHECK(hlffi_enum_get_construct_count(v, "Color") == 5);
    CHECK(hlffi_enum_alloc_simple(v, "Color", RED) == NULL);
    CHECK(strstr(hlffi_get_error(v), "hlffi_call_entry") != NULL);
    hlffi_value *x = hlffi_value_string(v, "early");
    hlffi_value *named = hlffi_enum_alloc(v, "Color", NAMED, 1, &x);
    CHECK(named != NULL && hlffi_enum_is_named(named, "Named"));
    hlffi_value_free(x);
    hlffi_value_free(named);
    hlffi_destroy(v);
    hlffi_vm *empty = hlffi_create();
    CHECK(hlffi_enum_get_construct_count(empty, "Color") == -1);
    CHECK(hlffi_enum_alloc_simple(empty, "Color", 0) == NULL);
    hlffi_destroy(empty);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_enums ApiTypes.hl\n");
        return 2;
    }
    vm = start_vm(argv[1]);
    test_constructs();
    test_shared_values();
    test_alloc_params();
    test_from_haxe();
    test_not_enums();
    hlffi_value *count = hlffi_call_static(vm, "ApiTypes", "allColors", 0, NULL);
    CHECK(hlffi_value_as_int(count, -1) == 3); /* Type.allEnums: the parameterless ones */
    hlffi_value_free(count);
    hlffi_destroy(vm);
    test_before_entry(argv[1]);
    return test_result("test_enums");
}
