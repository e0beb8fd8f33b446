/* Type reflection (hlffi_find_type, kinds, names, hlffi_list_types, class members), abstract types and
 * the kind and type of values, on tests/api/hx/ApiTypes.hx. */
#include "api_test.h"

static hlffi_vm *vm;

static hlffi_value *call0(const char *cls, const char *fn) {
    hlffi_value *v = hlffi_call_static(vm, cls, fn, 0, NULL);
    CHECK(v != NULL);
    return v;
}

static void test_not_loaded(void) {
    hlffi_vm *fresh = hlffi_create();
    CHECK(hlffi_find_type(fresh, "Int") == NULL);
    CHECK(hlffi_get_error_string(HLFFI_ERROR_NOT_INITIALIZED) != NULL);
    CHECK(strstr(hlffi_get_error(fresh), "no module") != NULL);
    CHECK(hlffi_list_types(fresh, NULL, NULL) == HLFFI_ERROR_NOT_INITIALIZED);
    CHECK(hlffi_abstract_find(fresh, "apihost") == NULL);
    CHECK(hlffi_value_host(fresh, "apihost", &fresh, NULL, NULL) == NULL);
    hlffi_destroy(fresh);
    CHECK(hlffi_find_type(NULL, "Int") == NULL);
    CHECK(hlffi_list_types(NULL, NULL, NULL) == HLFFI_ERROR_NULL_VM);
}

static void test_find(void) {
    hlffi_type *base = hlffi_find_type(vm, "Base");
    CHECK(base != NULL);
    CHECK(hlffi_type_get_kind(base) == HLFFI_TYPE_OBJ);
    CHECK(base != NULL && strcmp(hlffi_type_get_name(base), "Base") == 0);
    CHECK(hlffi_find_type(vm, "Base") == base); /* stable pointers */
    hlffi_type *geo = hlffi_find_type(vm, "apitypes.Geo");
    CHECK(geo != NULL && strcmp(hlffi_type_get_name(geo), "apitypes.Geo") == 0);
    hlffi_type *color = hlffi_find_type(vm, "Color");
    CHECK(hlffi_type_get_kind(color) == HLFFI_TYPE_ENUM);
    CHECK(color != NULL && strcmp(hlffi_type_get_name(color), "Color") == 0);
    hlffi_type *host = hlffi_find_type(vm, "apihost");
    CHECK(hlffi_type_get_kind(host) == HLFFI_TYPE_ABSTRACT);
    hlffi_type *str = hlffi_find_type(vm, "String");
    CHECK(hlffi_type_get_kind(str) == HLFFI_TYPE_OBJ);

    /* Basic names: one type per kind, named as found. */
    static const struct {
        const char *name, *canonical;
        hlffi_type_kind kind;
    } basics[] = {
        {"Int", "Int", HLFFI_TYPE_I32},          {"UInt", "Int", HLFFI_TYPE_I32},
        {"Float", "Float", HLFFI_TYPE_F64},      {"hl.F64", "Float", HLFFI_TYPE_F64},
        {"Single", "Single", HLFFI_TYPE_F32},    {"hl.F32", "Single", HLFFI_TYPE_F32},
        {"Bool", "Bool", HLFFI_TYPE_BOOL},       {"Dynamic", "Dynamic", HLFFI_TYPE_DYN},
        {"Any", "Dynamic", HLFFI_TYPE_DYN},      {"Void", "Void", HLFFI_TYPE_VOID},
        {"hl.Bytes", "hl.Bytes", HLFFI_TYPE_BYTES}, {"hl.UI8", "hl.UI8", HLFFI_TYPE_UI8},
        {"hl.UI16", "hl.UI16", HLFFI_TYPE_UI16}, {"hl.I64", "hl.I64", HLFFI_TYPE_I64},
        {"hl.Type", "hl.Type", HLFFI_TYPE_TYPE}, {"hl.NativeArray", "hl.NativeArray", HLFFI_TYPE_ARRAY},
    };
    for (size_t i = 0; i < sizeof basics / sizeof basics[0]; i++) {
        hlffi_type *t = hlffi_find_type(vm, basics[i].name);
        CHECK(t != NULL);
        CHECK(hlffi_type_get_kind(t) == basics[i].kind);
        CHECK(t == hlffi_find_type(vm, basics[i].canonical));
        const char *n = hlffi_type_get_name(t);
        CHECK(n != NULL && strcmp(n, basics[i].canonical) == 0);
    }

    /* Unknown names, exact match only, statics types are not classes. */
    const char *missing[] = {"Geo", "base", "Base ", "$Base", "apitypes.$Geo", "Nope", "", "hl.Abstract"};
    for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++) {
        CHECK(hlffi_find_type(vm, missing[i]) == NULL);
        CHECK(strstr(hlffi_get_error(vm), "dead-code elimination") != NULL);
    }
    CHECK(hlffi_find_type(vm, NULL) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "NULL") != NULL);

    /* Bad type pointers. */
    int junk[16] = {0};
    CHECK(hlffi_type_get_kind(NULL) == HLFFI_TYPE_VOID);
    CHECK(hlffi_type_get_kind((hlffi_type *)junk) == HLFFI_TYPE_VOID);
    CHECK(hlffi_type_get_name(NULL) == NULL);
    CHECK(hlffi_type_get_name((hlffi_type *)junk) == NULL);
    CHECK(hlffi_class_get_super((hlffi_type *)junk) == NULL);
    CHECK(hlffi_class_get_field_count((hlffi_type *)junk) == -1);
}

/* hlffi_list_types: every name once, each one found again by hlffi_find_type. */
typedef struct listing {
    int count;
    int seen_base, seen_derived, seen_color, seen_shape, seen_geo, seen_host, seen_int, seen_string, seen_float;
    int statics, mismatches, duplicates;
    const char *names[2048];
} listing;

static void on_type(hlffi_type *t, void *ud) {
    listing *l = ud;
    const char *n = hlffi_type_get_name(t);
    if (n == NULL) {
        l->mismatches++;
        return;
    }
    for (int i = 0; i < l->count && i < 2048; i++)
        if (strcmp(l->names[i], n) == 0)
            l->duplicates++;
    if (l->count < 2048)
        l->names[l->count] = n;
    l->count++;
    if (hlffi_find_type(vm, n) != t)
        l->mismatches++;
    if (strchr(n, '$') != NULL)
        l->statics++;
    l->seen_base += strcmp(n, "Base") == 0;
    l->seen_derived += strcmp(n, "Derived") == 0;
    l->seen_color += strcmp(n, "Color") == 0;
    l->seen_shape += strcmp(n, "Shape") == 0;
    l->seen_geo += strcmp(n, "apitypes.Geo") == 0;
    l->seen_host += strcmp(n, "apihost") == 0;
    l->seen_int += strcmp(n, "Int") == 0;
    l->seen_string += strcmp(n, "String") == 0;
    l->seen_float += strcmp(n, "Float") == 0;
}

static void test_list(void) {
    static listing l;
    memset(&l, 0, sizeof l);
    CHECK(hlffi_list_types(vm, on_type, &l) == HLFFI_OK);
    CHECK(l.count > 20 && l.count < 2048);
    CHECK(l.seen_base == 1 && l.seen_derived == 1 && l.seen_color == 1 && l.seen_shape == 1);
    CHECK(l.seen_geo == 1 && l.seen_host == 1 && l.seen_int == 1 && l.seen_string == 1 && l.seen_float == 1);
    CHECK(l.statics == 0);
    CHECK(l.mismatches == 0);
    CHECK(l.duplicates == 0);
    CHECK(hlffi_list_types(vm, NULL, NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
}

static int method_index(hlffi_type *t, const char *name) {
    int n = hlffi_class_get_method_count(t);
    for (int i = 0; i < n; i++)
        if (strcmp(hlffi_class_get_method_name(t, i), name) == 0)
            return i;
    return -1;
}

static void test_members(void) {
    hlffi_type *base = hlffi_find_type(vm, "Base"), *derived = hlffi_find_type(vm, "Derived");
    hlffi_type *t_int = hlffi_find_type(vm, "Int"), *t_string = hlffi_find_type(vm, "String");
    CHECK(hlffi_class_get_super(derived) == base);
    CHECK(hlffi_class_get_super(base) == NULL);

    /* Own fields only, in declaration order. */
    CHECK(hlffi_class_get_field_count(base) == 2);
    CHECK(strcmp(hlffi_class_get_field_name(base, 0), "id") == 0);
    CHECK(strcmp(hlffi_class_get_field_name(base, 1), "label") == 0);
    CHECK(hlffi_class_get_field_type(base, 0) == t_int);
    CHECK(hlffi_class_get_field_type(base, 1) == t_string);
    CHECK(hlffi_class_get_field_count(derived) == 3);
    CHECK(strcmp(hlffi_class_get_field_name(derived, 0), "extra") == 0);
    CHECK(strcmp(hlffi_class_get_field_name(derived, 1), "tint") == 0);
    CHECK(strcmp(hlffi_class_get_field_name(derived, 2), "counter") == 0);
    CHECK(hlffi_class_get_field_type(derived, 0) == hlffi_find_type(vm, "Float"));
    CHECK(hlffi_class_get_field_type(derived, 1) == hlffi_find_type(vm, "Color"));
    CHECK(hlffi_type_get_kind(hlffi_class_get_field_type(derived, 2)) == HLFFI_TYPE_UI16);

    /* Own instance methods (overrides included), then static methods; no static variables. */
    CHECK(hlffi_class_get_method_count(base) == 3);
    CHECK(strcmp(hlffi_class_get_method_name(base, 0), "describe") == 0);
    CHECK(strcmp(hlffi_class_get_method_name(base, 1), "ident") == 0);
    CHECK(strcmp(hlffi_class_get_method_name(base, 2), "make") == 0);
    CHECK(!hlffi_class_method_is_static(base, 0) && !hlffi_class_method_is_static(base, 1));
    CHECK(hlffi_class_method_is_static(base, 2));
    CHECK(hlffi_class_get_method_count(derived) == 3);
    CHECK(method_index(derived, "describe") == 0 && method_index(derived, "own") == 1);
    CHECK(method_index(derived, "create") == 2 && hlffi_class_method_is_static(derived, 2));
    CHECK(method_index(derived, "instances") == -1 && method_index(derived, "ident") == -1);
    hlffi_type *main_cls = hlffi_find_type(vm, "ApiTypes");
    CHECK(hlffi_class_get_field_count(main_cls) == 0);
    int m = method_index(main_cls, "colorCode");
    CHECK(m >= 0 && hlffi_class_method_is_static(main_cls, m));
    CHECK(method_index(main_cls, "main") >= 0 && method_index(main_cls, "favorite") == -1);
    hlffi_type *geo = hlffi_find_type(vm, "apitypes.Geo");
    CHECK(hlffi_class_get_field_count(geo) == 2 && hlffi_class_get_method_count(geo) == 1);
    CHECK(strcmp(hlffi_class_get_method_name(geo, 0), "sum") == 0 && !hlffi_class_method_is_static(geo, 0));

    /* Out of range, wrong kinds. */
    CHECK(hlffi_class_get_field_name(base, 2) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "out of range") != NULL);
    CHECK(hlffi_class_get_field_name(base, -1) == NULL);
    CHECK(hlffi_class_get_field_type(base, 99) == NULL);
    CHECK(hlffi_class_get_method_name(base, 3) == NULL);
    CHECK(hlffi_class_get_method_name(base, -1) == NULL);
    CHECK(!hlffi_class_method_is_static(base, 3));
    hlffi_type *color = hlffi_find_type(vm, "Color");
    CHECK(hlffi_class_get_field_count(color) == -1);
    CHECK(strstr(hlffi_get_error(vm), "not a class") != NULL);
    CHECK(hlffi_class_get_method_count(color) == -1);
    CHECK(hlffi_class_get_super(color) == NULL);
    CHECK(hlffi_class_get_field_name(t_int, 0) == NULL);
    CHECK(hlffi_class_get_field_count(NULL) == -1 && hlffi_class_get_method_count(NULL) == -1);
    CHECK(hlffi_class_get_field_name(NULL, 0) == NULL && hlffi_class_get_method_name(NULL, 0) == NULL);
    CHECK(hlffi_class_get_field_type(NULL, 0) == NULL && hlffi_class_get_super(NULL) == NULL);
}

static void test_abstract_types(void) {
    hlffi_type *host = hlffi_find_type(vm, "apihost");
    CHECK(hlffi_is_abstract(host));
    CHECK(str_is(hlffi_abstract_get_name(host), "apihost"));
    CHECK(hlffi_abstract_find(vm, "apihost") == host);
    CHECK(hlffi_abstract_find(vm, "hl_bytes_map") != NULL);
    CHECK(hlffi_abstract_find(vm, "Base") == NULL);
    CHECK(strstr(hlffi_get_error(vm), "apihost") == NULL && strstr(hlffi_get_error(vm), "Base") != NULL);
    CHECK(hlffi_abstract_find(vm, "nothere") == NULL);
    CHECK(hlffi_abstract_find(vm, NULL) == NULL);
    CHECK(hlffi_abstract_find(NULL, "apihost") == NULL);
    hlffi_type *base = hlffi_find_type(vm, "Base");
    CHECK(!hlffi_is_abstract(base) && !hlffi_is_abstract(NULL));
    CHECK(hlffi_abstract_get_name(base) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "not an abstract") != NULL);
    CHECK(hlffi_abstract_get_name(NULL) == NULL);

    /* A host value of a name the module has an abstract for has that type. */
    hlffi_value *h = hlffi_value_host(vm, "apihost", &vm, NULL, NULL);
    CHECK(hlffi_value_get_type(h) == host);
    CHECK(hlffi_value_is_abstract(h));
    CHECK(str_is(hlffi_value_get_abstract_name(h), "apihost"));
    hlffi_value_free(h);

    /* An abstract of the natives, inside a Dynamic. */
    hlffi_value *nat = call0("ApiTypes", "nativeAbstract");
    CHECK(hlffi_value_is_abstract(nat));
    CHECK(hlffi_value_get_kind(nat) == HLFFI_TYPE_ABSTRACT);
    CHECK(hlffi_value_get_type(nat) == hlffi_abstract_find(vm, "hl_bytes_map"));
    CHECK(str_is(hlffi_value_get_abstract_name(nat), "hl_bytes_map"));
    CHECK(hlffi_value_as_host(nat, NULL) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "not a host value") != NULL);
    hlffi_value_free(nat);

    hlffi_value *i = hlffi_value_int(vm, 3), *nul = hlffi_value_null(vm);
    CHECK(!hlffi_value_is_abstract(i) && !hlffi_value_is_abstract(nul) && !hlffi_value_is_abstract(NULL));
    CHECK(hlffi_value_get_abstract_name(i) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "not an abstract value") != NULL);
    CHECK(hlffi_value_get_abstract_name(NULL) == NULL);
    hlffi_value_free(i);
    hlffi_value_free(nul);
}

/* The runtime kind and type of values, whatever the handle declares. */
static void test_value_kinds(void) {
    hlffi_type *derived = hlffi_find_type(vm, "Derived");
    struct {
        const char *fn;
        hlffi_type_kind kind;
        const char *type_name; /* NULL: only the kind is checked */
    } cases[] = {
        {"derivedAsBase", HLFFI_TYPE_OBJ, "Derived"}, {"derivedAsDynamic", HLFFI_TYPE_OBJ, "Derived"},
        {"intAsDynamic", HLFFI_TYPE_I32, "Int"},      {"floatAsDynamic", HLFFI_TYPE_F64, "Float"},
        {"stringAsDynamic", HLFFI_TYPE_OBJ, "String"}, {"green", HLFFI_TYPE_ENUM, "Color"},
        {"makeSmall", HLFFI_TYPE_ENUM, "Shape"},      {"geo", HLFFI_TYPE_OBJ, "apitypes.Geo"},
        {"closure", HLFFI_TYPE_FUN, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        hlffi_value *v = call0("ApiTypes", cases[i].fn);
        CHECK(hlffi_value_get_kind(v) == cases[i].kind);
        hlffi_type *t = hlffi_value_get_type(v);
        CHECK(t != NULL && hlffi_type_get_kind(t) == cases[i].kind);
        if (cases[i].type_name != NULL)
            CHECK(t == hlffi_find_type(vm, cases[i].type_name));
        hlffi_value_free(v);
    }
    hlffi_value *d = call0("ApiTypes", "derivedAsBase");
    CHECK(hlffi_value_get_type(d) == derived && hlffi_class_get_super(hlffi_value_get_type(d)) != NULL);
    hlffi_value_free(d);

    /* An anonymous structure: its type lists its fields. */
    hlffi_value *anon = call0("ApiTypes", "anon");
    hlffi_type_kind ak = hlffi_value_get_kind(anon);
    CHECK(ak == HLFFI_TYPE_VIRTUAL || ak == HLFFI_TYPE_DYNOBJ);
    if (ak == HLFFI_TYPE_VIRTUAL) {
        hlffi_type *vt = hlffi_value_get_type(anon);
        CHECK(hlffi_class_get_field_count(vt) == 2 && hlffi_class_get_method_count(vt) == 0);
        CHECK(hlffi_class_get_field_type(vt, 0) != NULL);
    }
    hlffi_value_free(anon);

    /* Null<Int>: a boxed Int, or null. */
    hlffi_value *five = hlffi_value_int(vm, 5), *minus = hlffi_value_int(vm, -1);
    hlffi_value *n5 = hlffi_call_static(vm, "ApiTypes", "nullableInt", 1, &five);
    hlffi_value *nn = hlffi_call_static(vm, "ApiTypes", "nullableInt", 1, &minus);
    CHECK(hlffi_value_get_kind(n5) == HLFFI_TYPE_I32 && hlffi_value_get_type(n5) == hlffi_find_type(vm, "Int"));
    CHECK(hlffi_value_get_kind(nn) == HLFFI_TYPE_NULL);
    CHECK(hlffi_type_get_kind(hlffi_value_get_type(nn)) == HLFFI_TYPE_NULL); /* the declared Null<Int> */
    CHECK(hlffi_type_get_name(hlffi_value_get_type(nn)) != NULL);

    /* Values made in C. */
    CHECK(hlffi_value_get_kind(five) == HLFFI_TYPE_I32 && hlffi_value_get_type(five) == hlffi_find_type(vm, "Int"));
    hlffi_value *f = hlffi_value_float(vm, 1.0), *b = hlffi_value_bool(vm, true), *s = hlffi_value_string(vm, "x");
    hlffi_value *nul = hlffi_value_null(vm), *f32 = hlffi_value_f32(vm, 1.0f);
    CHECK(hlffi_value_get_kind(f) == HLFFI_TYPE_F64 && hlffi_value_get_type(f) == hlffi_find_type(vm, "Float"));
    CHECK(hlffi_value_get_kind(f32) == HLFFI_TYPE_F32 && hlffi_value_get_type(f32) == hlffi_find_type(vm, "Single"));
    CHECK(hlffi_value_get_kind(b) == HLFFI_TYPE_BOOL && hlffi_value_get_type(b) == hlffi_find_type(vm, "Bool"));
    CHECK(hlffi_value_get_kind(s) == HLFFI_TYPE_OBJ && hlffi_value_get_type(s) == hlffi_find_type(vm, "String"));
    CHECK(hlffi_value_get_kind(nul) == HLFFI_TYPE_NULL && hlffi_value_get_type(nul) == hlffi_find_type(vm, "Dynamic"));

    /* Dynamic round trip keeps the runtime type. */
    hlffi_value *dd = call0("ApiTypes", "derivedAsDynamic");
    CHECK(hlffi_call_static(vm, "ApiTypes", "keepDynamic", 1, &dd) != NULL);
    hlffi_value *back = call0("ApiTypes", "giveDynamic");
    CHECK(hlffi_value_get_type(back) == derived);
    hlffi_value_free(back);
    hlffi_value_free(dd);

    /* Bad handles. */
    CHECK(hlffi_value_get_kind(NULL) == HLFFI_TYPE_VOID && hlffi_value_get_type(NULL) == NULL);
    hlffi_value *gone = hlffi_value_int(vm, 1);
    hlffi_value_free(gone);
    CHECK(hlffi_value_get_kind(gone) == HLFFI_TYPE_VOID && hlffi_value_get_type(gone) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "freed") != NULL);

    hlffi_value *all[] = {five, minus, n5, nn, f, b, s, nul, f32};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        hlffi_value_free(all[i]);
}

/* Several VMs: types are per VM. */
static void test_two_vms(const char *path) {
    hlffi_vm *other = start_vm(path);
    hlffi_type *a = hlffi_find_type(vm, "Base"), *b = hlffi_find_type(other, "Base");
    CHECK(a != NULL && b != NULL && a != b);
    CHECK(hlffi_find_type(other, "Int") != hlffi_find_type(vm, "Int"));
    hlffi_value *v = hlffi_value_int(other, 1);
    CHECK(hlffi_value_get_type(v) == hlffi_find_type(other, "Int"));
    hlffi_value_free(v);
    hlffi_destroy(other);
    CHECK(hlffi_find_type(vm, "Base") == a); /* the other VM's destruction leaves this one alone */
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_types ApiTypes.hl\n");
        return 2;
    }
    test_not_loaded();
    vm = start_vm(argv[1]);
    test_find();
    test_list();
    test_members();
    test_abstract_types();
    test_value_kinds();
    test_two_vms(argv[1]);
    hlffi_destroy(vm);
    return test_result("test_types");
}
