/* API scenario: a sweep of bad inputs over the data and member functions, using only <hlffi.h>. Each
 * function is given, where it expects an array, a map, bytes, an enum value, an object or a value to
 * store, each kind of wrong handle (NULL, freed, holding null, an Int, a String, a value of the wrong
 * container kind, another VM's value) and must return its documented failure value with an error
 * recorded wherever a VM is known; then the VM must work as before. Run plainly, with the collector in
 * stress mode and under valgrind, this is also a crash and leak sweep.
 * usage: test_sweep ApiSweep.hl */
#include <limits.h>

#include "api_test.h"

static hlffi_vm *vm;

static hlffi_value *st(hlffi_vm *on, const char *name) {
    hlffi_value *v = hlffi_get_static_field(on, "ApiSweep", name);
    CHECK(v != NULL);
    return v;
}

/* Puts a known text in the VM's error, so that recorded() tells whether the next call recorded one. */
static void mark(void) {
    CHECK(hlffi_find_type(vm, "sweep.Marker") == NULL);
}

static int recorded(const char *call) {
    int ok = strstr(hlffi_get_error(vm), "sweep.Marker") == NULL && hlffi_get_error(vm)[0] != 0;
    if (!ok)
        fprintf(stderr, "  %s recorded no error\n", call);
    return ok;
}

/* call must give fail; with `record`, an error must have been recorded on vm. */
#define FAILS(call, fail, record)                         \
    do {                                                  \
        mark();                                           \
        CHECK((call) == (fail));                          \
        if (record)                                       \
            CHECK(recorded(#call));                       \
    } while (0)

/* A handle-returning call must fail (NULL); a handle returned by mistake is freed. */
#define FAILS_H(call, record)                             \
    do {                                                  \
        mark();                                           \
        hlffi_value *got_ = (call);                       \
        CHECK(got_ == NULL);                              \
        hlffi_value_free(got_);                           \
        if (record)                                       \
            CHECK(recorded(#call));                       \
    } while (0)

/* Malloc'ed results. */
#define FAILS_S(call, record)                             \
    do {                                                  \
        mark();                                           \
        char *got_ = (call);                              \
        CHECK(got_ == NULL);                              \
        free(got_);                                       \
        if (record)                                       \
            CHECK(recorded(#call));                       \
    } while (0)

/* A freed handle whose slot the sweep does not reuse: release builds hand out the slot freed last first,
 * debug builds the slot freed first (hlffi_value_free), so it is freed between two batches of padding. */
static hlffi_value *freed_handle(void) {
    enum { PAD = 600 };
    hlffi_value *pad[2 * PAD];
    for (int i = 0; i < 2 * PAD; i++)
        pad[i] = hlffi_value_int(vm, i);
    hlffi_value *h = hlffi_value_int(vm, -1);
    for (int i = 0; i < PAD; i++)
        hlffi_value_free(pad[i]);
    hlffi_value_free(h);
    for (int i = PAD; i < 2 * PAD; i++)
        hlffi_value_free(pad[i]);
    CHECK(hlffi_value_get_kind(h) == HLFFI_TYPE_VOID); /* reads as freed */
    return h;
}

/* A wrong handle h in the place of each container and of the object of member functions. alone: h is
 * passed without the VM (its own VM is asked; a NULL handle names none, so nothing is recorded).
 * `other` marks another VM's value: the functions taking it alone work on its own VM, so only the
 * functions taking vm are swept with it. */
static void wrong_container(hlffi_value *h, bool other, hlffi_value *good_key) {
    bool rec = h != NULL; /* a freed handle still names its VM */
    hlffi_value *one = hlffi_value_int(vm, 1);
    float pair[2] = {1, 2};
    FAILS_H(hlffi_array_get(vm, h, 0), true);
    FAILS(hlffi_array_set(vm, h, 0, one), false, true);
    FAILS(hlffi_array_push(vm, h, one), false, true);
    FAILS(hlffi_array_set_struct(vm, h, 0, pair, (int)sizeof pair), false, true);
    FAILS(hlffi_map_set(vm, h, good_key, one), false, true);
    FAILS_H(hlffi_map_get(vm, h, good_key), true);
    FAILS(hlffi_map_exists(vm, h, good_key), false, true);
    FAILS(hlffi_map_remove(vm, h, good_key), false, true);
    FAILS_H(hlffi_map_keys(vm, h), true);
    FAILS_H(hlffi_map_values(vm, h), true);
    FAILS(hlffi_set_field_int(vm, h, "n", 1), false, true);
    if (other) {
        hlffi_value_free(one);
        return;
    }
    FAILS(hlffi_array_length(h), -1, rec);
    FAILS(hlffi_native_array_get_ptr(h), NULL, rec);
    FAILS(hlffi_array_get_struct(h, 0), NULL, rec);
    FAILS(hlffi_native_array_get_struct_ptr(h), NULL, rec);
    FAILS(hlffi_map_size(h), -1, rec);
    FAILS(hlffi_map_clear(h), false, rec);
    FAILS(hlffi_bytes_get_ptr(h), NULL, rec);
    FAILS(hlffi_bytes_get_length(h), -1, rec);
    FAILS(hlffi_bytes_blit(h, 0, h, 0, 1), false, rec);
    FAILS(hlffi_bytes_compare(h, 0, h, 0, 1), INT_MIN, rec);
    FAILS_S(hlffi_bytes_to_string(h, 1), rec);
    FAILS(hlffi_bytes_get(h, 0), -1, rec);
    FAILS(hlffi_bytes_set(h, 0, 1), false, rec);
    FAILS(hlffi_bytes_fill(h, 0, 1, 1), false, rec);
    FAILS(hlffi_enum_get_index(h), -1, rec);
    FAILS_S(hlffi_enum_get_name(h), rec);
    FAILS(hlffi_enum_get_param_count(h), -1, rec);
    FAILS_H(hlffi_enum_get_param(h, 0), rec);
    FAILS(hlffi_enum_is(h, 0), false, rec);
    FAILS(hlffi_enum_is_named(h, "Hearts"), false, rec);
    FAILS_S(hlffi_value_get_abstract_name(h), rec);
    FAILS(hlffi_value_as_host(h, NULL), NULL, rec);
    CHECK(!hlffi_value_is_abstract(h));
    /* Members: names no value here has. */
    FAILS_H(hlffi_get_field(h, "sweepNope"), rec);
    FAILS(hlffi_set_field(h, "sweepNope", one), false, rec);
    FAILS_H(hlffi_call_method(h, "sweepNope", 0, NULL), rec);
    FAILS(hlffi_get_field_int(h, "sweepNope", -7), -7, false);
    FAILS_S(hlffi_get_field_string(h, "sweepNope"), false);
    FAILS(hlffi_call_method_int(h, "sweepNope", 0, NULL, -7), -7, false);
    CHECK(!hlffi_is_instance_of(h, "Thing"));
    hlffi_value *res = one;
    const char *err = NULL;
    CHECK(hlffi_try_call_method(h, "sweepNope", 0, NULL, &res, &err) == HLFFI_CALL_ERROR);
    CHECK(res == NULL && err != NULL && err[0] != 0);
    hlffi_value_free(one);
}

/* A wrong handle v in the place of a value to store, a key, an argument or a parameter (functions taking
 * the VM: always an error recorded). */
static void wrong_value(hlffi_value *v) {
    hlffi_value *arr = st(vm, "ints"), *map = st(vm, "strMap"), *bytes = st(vm, "bytes");
    hlffi_value *thing = st(vm, "thing"), *key = hlffi_value_string(vm, "a");
    FAILS(hlffi_array_set(vm, arr, 0, v), false, true);
    FAILS(hlffi_array_push(vm, arr, v), false, true);
    FAILS(hlffi_map_set(vm, map, key, v), false, true);
    FAILS(hlffi_map_set(vm, map, v, key), false, true);
    FAILS(hlffi_bytes_blit(bytes, 0, v, 0, 1), false, true);
    FAILS(hlffi_bytes_compare(bytes, 0, v, 0, 1), INT_MIN, true);
    FAILS(hlffi_set_field(thing, "n", v), false, true);
    FAILS_H(hlffi_call_method(thing, "twice", 1, &v), true);
    FAILS_H(hlffi_call_static(vm, "ApiSweep", "touch", 1, &v), true);
    FAILS_H(hlffi_new(vm, "Thing", 1, &v), true); /* Thing takes no argument: a count error first */
    mark();
    CHECK(hlffi_set_static_field(vm, "ApiSweep", "calls", v) != HLFFI_OK);
    CHECK(recorded("hlffi_set_static_field"));
    hlffi_value *params[2] = {v, key};
    FAILS_H(hlffi_enum_alloc(vm, "Suit", 1, 2, params), true);
    hlffi_cached_call *c = hlffi_cache_static_method(vm, "ApiSweep", "touch");
    FAILS_H(hlffi_call_cached(c, 1, &v), true);
    hlffi_cached_call_free(c);
    hlffi_value_free(arr);
    hlffi_value_free(map);
    hlffi_value_free(bytes);
    hlffi_value_free(thing);
    hlffi_value_free(key);
}

/* Map keys of the wrong kind for each map (a null, an Int for a StringMap, a String for an IntMap ...). */
static void wrong_keys(void) {
    const char *maps[] = {"strMap", "intMap", "objMap", "enumMap"};
    hlffi_value *str = hlffi_value_string(vm, "a"), *nul = hlffi_value_null(vm), *f = hlffi_value_float(vm, 1.5);
    hlffi_value *one = hlffi_value_int(vm, 1);
    /* An ObjectMap takes any value as a key (by identity), an IntMap null (Haxe's cast makes it 0). */
    for (int i = 0; i < 4; i++) {
        hlffi_value *m = st(vm, maps[i]);
        int size = hlffi_map_size(m);
        if (i != 2)
            FAILS(hlffi_map_set(vm, m, i == 0 ? one : i == 1 ? str : f, one), false, true);
        if (i == 0 || i == 3)
            FAILS(hlffi_map_set(vm, m, nul, one), false, true);
        CHECK(hlffi_map_size(m) == size);
        hlffi_value_free(m);
    }
    hlffi_value_free(str);
    hlffi_value_free(nul);
    hlffi_value_free(f);
    hlffi_value_free(one);
}

/* Type pointers of the wrong kind or VM for the functions taking types. */
static void wrong_types(hlffi_vm *other) {
    hlffi_type *thing = hlffi_find_type(vm, "Thing"), *theirs = hlffi_find_type(other, "Pair");
    hlffi_type *intt = hlffi_find_type(vm, "Int");
    CHECK(thing != NULL && theirs != NULL && intt != NULL);
    FAILS_H(hlffi_array_new_struct(vm, theirs, 2), true);
    FAILS_H(hlffi_array_new_struct(vm, thing, 2), true);
    FAILS_H(hlffi_native_array_new_struct(vm, intt, 2), true);
    FAILS_H(hlffi_array_new(vm, hlffi_type_as_hl_type(theirs), 2), true);
    FAILS_H(hlffi_map_new(vm, hlffi_type_as_hl_type(theirs), NULL), true);
    FAILS_H(hlffi_map_new(vm, hlffi_type_builtin(HLFFI_TYPE_F64), NULL), true);
    FAILS_H(hlffi_array_new(vm, hlffi_type_builtin(HLFFI_TYPE_VOID), 2), true);
    FAILS_H(hlffi_array_new(vm, NULL, 2), true);
    FAILS_H(hlffi_native_array_new(vm, (hl_type *)(void *)&failures, 2), true); /* not a type at all */
    FAILS(hlffi_class_get_field_count(intt), -1, true);
    FAILS(hlffi_class_get_field_name(thing, 99), NULL, true);
    FAILS(hlffi_class_get_method_name(thing, -1), NULL, true);
    FAILS(hlffi_class_method_is_static(intt, 0), false, true);
    FAILS_S(hlffi_abstract_get_name(thing), true);
    CHECK(hlffi_type_get_kind(NULL) == HLFFI_TYPE_VOID);
    CHECK(hlffi_type_get_name(NULL) == NULL);
    CHECK(!hlffi_is_abstract(thing));
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_sweep ApiSweep.hl\n");
        return 2;
    }
    vm = start_vm(argv[1]);
    hlffi_vm *other = start_vm(argv[1]);
    hlffi_value *freed = freed_handle();
    hlffi_value *key = hlffi_value_string(vm, "a");
    hlffi_value *wrongs[] = {
        hlffi_value_null(vm), hlffi_value_int(vm, 5), hlffi_value_string(vm, "s"), st(vm, "natives"),
        st(vm, "card"), st(vm, "strMap"), st(vm, "bytes"), st(vm, "ints"), st(vm, "thing"),
    };
    size_t n = sizeof wrongs / sizeof wrongs[0];
    wrong_container(NULL, false, key);
    wrong_container(freed, false, key);
    wrong_container(wrongs[0], false, key); /* null */
    wrong_container(wrongs[1], false, key); /* an Int */
    const char *others[] = {"ints", "strMap", "bytes", "thing", "card", "pairs"};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        hlffi_value *theirs = st(other, others[i]);
        wrong_container(theirs, true, key);
        wrong_value(theirs);
        hlffi_value_free(theirs);
    }
    wrong_value(NULL);
    wrong_value(freed);
    /* Containers of the wrong kind for one another (each is right for one group, so only the calls that
     * no value of its kind accepts are checked). */
    hlffi_value *one = hlffi_value_int(vm, 1);
    for (size_t i = 0; i < n; i++) {
        hlffi_value *w = wrongs[i];
        const char *what = i < 3 ? "value" : i == 3 ? "natives" : i == 4 ? "card" : i == 5 ? "strMap" :
                           i == 6 ? "bytes" : i == 7 ? "ints" : "thing";
        bool array = i == 3 || i == 7, map = i == 5, bytes = i == 6, en = i == 4;
        if (!array) {
            FAILS(hlffi_array_length(w), -1, true);
            FAILS_H(hlffi_array_get(vm, w, 0), true);
            FAILS(hlffi_array_push(vm, w, one), false, true);
        }
        if (!map) {
            FAILS(hlffi_map_size(w), -1, true);
            FAILS_H(hlffi_map_keys(vm, w), true);
        }
        if (!bytes)
            FAILS(hlffi_bytes_get_length(w), -1, true);
        if (!en)
            FAILS(hlffi_enum_get_index(w), -1, true);
        FAILS(hlffi_array_get_struct(w, 0), NULL, true);
        FAILS(hlffi_value_as_host(w, NULL), NULL, true);
        (void)what;
    }
    hlffi_value_free(one);
    wrong_keys();
    wrong_types(other);
    /* The VM works on: a call, a container written and read back. */
    hlffi_value *three = hlffi_value_int(vm, 3);
    hlffi_value *r = hlffi_call_static(vm, "ApiSweep", "touch", 1, &three);
    CHECK(hlffi_value_as_int(r, 0) == 4);
    hlffi_value_free(r);
    hlffi_value *ints = st(vm, "ints");
    CHECK(hlffi_array_push(vm, ints, three) && hlffi_array_length(ints) == 4);
    hlffi_value *last = hlffi_array_get(vm, ints, 3);
    CHECK(hlffi_value_as_int(last, 0) == 3);
    hlffi_value_free(last);
    hlffi_value_free(ints);
    hlffi_value_free(three);
    hlffi_value *calls = st(vm, "calls");
    CHECK(hlffi_value_as_int(calls, -1) == 1); /* only the good call above reached Haxe */
    hlffi_value_free(calls);
    for (size_t i = 0; i < n; i++)
        hlffi_value_free(wrongs[i]);
    hlffi_value_free(key);
    hlffi_destroy(other);
    hlffi_destroy(vm);
    return test_result("test_sweep");
}
