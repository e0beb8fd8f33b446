/* Host objects (hlffi_value_host / hlffi_value_as_host) on tests/api/hx/ApiTypes.hx: Haxe code receives
 * them typed (hl.Abstract<"apihost">) and as Dynamic, keeps them and gives them back; each finalizer
 * runs exactly once, after the last reference is gone and a collection ran, or at hlffi_destroy. */
#include "api_test.h"

typedef struct resource {
    int id;
    int finalized; /* how many times the finalizer ran */
    void *seen_userdata;
} resource;

static void finalize(void *ptr, void *userdata) {
    resource *r = ptr;
    r->finalized++;
    r->seen_userdata = userdata;
}

static hlffi_vm *vm;

static hlffi_value *call(const char *fn, int argc, hlffi_value **argv) {
    hlffi_value *r = hlffi_call_static(vm, "ApiTypes", fn, argc, argv);
    CHECK(r != NULL);
    return r;
}

static void call_free(const char *fn, int argc, hlffi_value **argv) {
    hlffi_value_free(call(fn, argc, argv));
}

/* A major collection, then enough allocation for a few more. */
static void collect(void) {
    call_free("collect", 0, NULL);
    hlffi_value *n = hlffi_value_int(vm, 2000);
    call_free("churn", 1, &n);
    hlffi_value_free(n);
    call_free("collect", 0, NULL);
}

static void test_round_trip(void) {
    static resource r = {1, 0, NULL};
    int tag = 0;
    hlffi_value *h = hlffi_value_host(vm, "apihost", &r, finalize, &tag);
    CHECK(h != NULL);
    CHECK(hlffi_value_as_host(h, "apihost") == &r);
    CHECK(hlffi_value_as_host(h, NULL) == &r);
    CHECK(hlffi_value_as_host(h, "other") == NULL);
    CHECK(strstr(hlffi_get_error(vm), "not other") != NULL);
    CHECK(hlffi_value_get_kind(h) == HLFFI_TYPE_ABSTRACT);

    /* Typed: Haxe keeps it in a hl.Abstract<"apihost"> static and gives it back. */
    hlffi_value *ok = call("keepHost", 1, &h);
    CHECK(hlffi_value_as_bool(ok, false));
    hlffi_value_free(ok);
    hlffi_value *back = call("giveHost", 0, NULL);
    CHECK(hlffi_value_as_host(back, "apihost") == &r);
    hlffi_value *held = call("isHeld", 1, &h);
    CHECK(hlffi_value_as_bool(held, false)); /* the same pointer on the Haxe side */
    hlffi_value_free(held);
    hlffi_value *st = hlffi_get_static_field(vm, "ApiTypes", "heldHost");
    CHECK(hlffi_value_as_host(st, "apihost") == &r);
    hlffi_value_free(st);

    /* As Dynamic. */
    call_free("keepDynamic", 1, &h);
    hlffi_value *dyn = call("giveDynamic", 0, NULL);
    CHECK(hlffi_value_as_host(dyn, "apihost") == &r);
    CHECK(hlffi_value_is_abstract(dyn));
    CHECK(str_is(hlffi_value_get_abstract_name(dyn), "apihost"));
    CHECK(hlffi_value_get_kind(dyn) == HLFFI_TYPE_ABSTRACT);
    CHECK(hlffi_value_get_type(dyn) == hlffi_find_type(vm, "apihost"));
    hlffi_value *text = call("hostString", 1, &dyn);
    char *s = hlffi_value_as_string(text);
    CHECK(s != NULL && strstr(s, "apihost") != NULL);
    free(s);
    hlffi_value_free(text);
    /* Back into the typed parameter from the Dynamic handle. */
    hlffi_value *held2 = call("isHeld", 1, &dyn);
    CHECK(hlffi_value_as_bool(held2, false));
    hlffi_value_free(held2);

    /* Every handle gone, Haxe still holds it: alive. */
    hlffi_value_free(h);
    hlffi_value_free(back);
    hlffi_value_free(dyn);
    collect();
    CHECK(r.finalized == 0);
    hlffi_value *again = call("giveHost", 0, NULL);
    CHECK(hlffi_value_as_host(again, "apihost") == &r);
    hlffi_value_free(again);

    /* Haxe drops it: the next collection finalizes it, once. */
    call_free("dropAll", 0, NULL);
    collect();
    CHECK(r.finalized == 1);
    CHECK(r.seen_userdata == &tag);
    collect();
    CHECK(r.finalized == 1);
}

/* A name the module has no abstract for: Haxe can still hold it as Dynamic. */
static void test_unknown_name(void) {
    static resource r = {2, 0, NULL};
    hlffi_value *h = hlffi_value_host(vm, "elsewhere", &r, finalize, NULL);
    CHECK(h != NULL);
    CHECK(hlffi_value_as_host(h, "elsewhere") == &r && hlffi_value_as_host(h, "apihost") == NULL);
    CHECK(str_is(hlffi_value_get_abstract_name(h), "elsewhere"));
    call_free("keepDynamic", 1, &h);
    hlffi_value_free(h);
    collect();
    CHECK(r.finalized == 0);
    hlffi_value *d = call("giveDynamic", 0, NULL);
    CHECK(hlffi_value_as_host(d, "elsewhere") == &r);
    CHECK(str_is(hlffi_value_get_abstract_name(d), "elsewhere"));
    /* Not an apihost: the typed parameter refuses it. */
    CHECK(hlffi_call_static(vm, "ApiTypes", "keepHost", 1, &d) == NULL);
    hlffi_value_free(d);
    call_free("dropAll", 0, NULL);
    collect();
    CHECK(r.finalized == 1);
}

/* A handle keeps it alive through collections; freeing the last handle lets it go. */
static void test_handle_only(void) {
    static resource r = {3, 0, NULL};
    hlffi_value *h = hlffi_value_host(vm, "apihost", &r, finalize, NULL);
    hlffi_value *copy = call("giveHost", 0, NULL); /* null: nothing held */
    CHECK(hlffi_value_is_null(copy) && hlffi_value_as_host(copy, NULL) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "not a host value") != NULL);
    hlffi_value_free(copy);
    collect();
    CHECK(r.finalized == 0 && hlffi_value_as_host(h, "apihost") == &r);
    hlffi_value_free(h);
    collect();
    CHECK(r.finalized == 1);

    /* No finalizer is fine too. */
    static resource quiet = {4, 0, NULL};
    hlffi_value *q = hlffi_value_host(vm, "apihost", &quiet, NULL, NULL);
    CHECK(hlffi_value_as_host(q, "apihost") == &quiet);
    hlffi_value_free(q);
    collect();
    CHECK(quiet.finalized == 0);
}

static void test_bad_inputs(void) {
    int x = 0;
    CHECK(hlffi_value_host(NULL, "apihost", &x, NULL, NULL) == NULL);
    CHECK(hlffi_value_host(vm, NULL, &x, NULL, NULL) == NULL);
    CHECK(hlffi_get_error(vm)[0] != 0);
    CHECK(hlffi_value_host(vm, "", &x, NULL, NULL) == NULL);
    CHECK(hlffi_value_host(vm, "apihost", NULL, NULL, NULL) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "ptr") != NULL);
    hlffi_value *i = hlffi_value_int(vm, 5), *nul = hlffi_value_null(vm), *s = hlffi_value_string(vm, "apihost");
    CHECK(hlffi_value_as_host(i, NULL) == NULL);
    CHECK(strstr(hlffi_get_error(vm), "not a host value") != NULL);
    CHECK(hlffi_value_as_host(s, "apihost") == NULL);
    CHECK(hlffi_value_as_host(nul, NULL) == NULL);
    CHECK(hlffi_value_as_host(NULL, "apihost") == NULL);
    hlffi_value *gone = hlffi_value_host(vm, "apihost", &x, NULL, NULL);
    hlffi_value_free(gone);
    CHECK(hlffi_value_as_host(gone, "apihost") == NULL);
    hlffi_value_free(i);
    hlffi_value_free(nul);
    hlffi_value_free(s);
}

/* At hlffi_destroy every live host value is finalized once: held by a handle, by Haxe, or by both. */
static void test_destroy(const char *path) {
    static resource by_handle = {5, 0, NULL}, by_haxe = {6, 0, NULL}, by_both = {7, 0, NULL};
    hlffi_vm *v = start_vm(path);
    hlffi_value *h1 = hlffi_value_host(v, "apihost", &by_handle, finalize, NULL);
    hlffi_value *h2 = hlffi_value_host(v, "apihost", &by_haxe, finalize, NULL);
    hlffi_value *h3 = hlffi_value_host(v, "apihost", &by_both, finalize, NULL);
    hlffi_value_free(hlffi_call_static(v, "ApiTypes", "keepHost", 1, &h2));
    hlffi_value_free(hlffi_call_static(v, "ApiTypes", "keepDynamic", 1, &h3));
    hlffi_value_free(h2);
    CHECK(h1 != NULL && by_handle.finalized + by_haxe.finalized + by_both.finalized == 0);
    hlffi_destroy(v);
    CHECK(by_handle.finalized == 1 && by_haxe.finalized == 1 && by_both.finalized == 1);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_host_objects ApiTypes.hl\n");
        return 2;
    }
    vm = start_vm(argv[1]);
    test_round_trip();
    test_unknown_name();
    test_handle_only();
    test_bad_inputs();
    hlffi_destroy(vm);
    test_destroy(argv[1]);
    return test_result("test_host_objects");
}
