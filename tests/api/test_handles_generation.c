/* Handle generations (docs/api.md "Values"): debug builds refuse a handle used after its slot was freed
 * and reused ("a stale handle (freed; its slot now holds another value)", INVALID_ARGUMENT on the
 * handle's VM) instead of reading, changing or freeing the value now in that slot; freeing a stale handle
 * is a no-op. Release builds (NDEBUG) check no generation (a handle is its slot's address): there the
 * stale-handle scenarios would read the new value, so they run only where the library tags handles
 * (debug builds on x86-64 and aarch64, the STALE_CHECKED blocks); a freed slot not yet reused is
 * reported as freed in every build. usage: test_handles_generation ApiBasics.hl */
#include "api_test.h"

#include <pthread.h>

#if !defined(NDEBUG) && (defined(__x86_64__) || defined(__aarch64__))
#define STALE_CHECKED 1
#endif

/* More handles than a fresh VM's first table segment has free slots, so every slot freed before is
 * reused (debug builds reuse freed slots last, release builds first). */
#define FILL 512

static const char *module_path;
static hlffi_value *fill[FILL];

static void make_fill(hlffi_vm *vm) {
    for (int i = 0; i < FILL; i++)
        fill[i] = hlffi_value_int(vm, 1000 + i);
}

/* Every fill handle still holds its own value. */
static int fill_intact(void) {
    for (int i = 0; i < FILL; i++)
        if (hlffi_value_as_int(fill[i], -1) != 1000 + i) {
            fprintf(stderr, "  fill[%d] reads %d\n", i, hlffi_value_as_int(fill[i], -1));
            return 0;
        }
    return 1;
}

static void free_fill(void) {
    for (int i = 0; i < FILL; i++)
        hlffi_value_free(fill[i]);
}

/* Freed, slot not reused yet: reported as freed in every build, and freeing it again is ignored. */
static void freed_not_reused(void) {
    hlffi_vm *vm = start_vm(module_path);
    hlffi_value *h = hlffi_value_int(vm, 7);
    CHECK(hlffi_value_as_int(h, -1) == 7);
    hlffi_value_free(h);
    CHECK(hlffi_value_get_type(h) == NULL && error_has(vm, "hlffi_value_get_type: a freed handle"));
    CHECK(hlffi_array_length(h) == -1 && error_has(vm, "freed handle"));
    CHECK(hlffi_value_get_kind(h) == HLFFI_TYPE_VOID);
    CHECK(hlffi_value_as_int(h, -1) == -1);
    hlffi_value_free(h); /* ignored */
    hlffi_value *x = hlffi_value_int(vm, 8), *y = hlffi_value_int(vm, 9);
    CHECK(hlffi_value_as_int(x, -1) == 8 && hlffi_value_as_int(y, -1) == 9);
    hlffi_value_free(x);
    hlffi_value_free(y);
    hlffi_destroy(vm);
}

/* Freed and reused: a stale handle, refused by every kind of function while the value now in its slot
 * stays untouched. */
static void stale_after_reuse(void) {
    hlffi_vm *vm = start_vm(module_path);
    hlffi_value *name = hlffi_value_string(vm, "Rex");
    hlffi_value *animal = hlffi_new(vm, "Animal", 1, &name);
    hlffi_value *live = hlffi_new(vm, "Animal", 1, &name);
    hlffi_value *s = hlffi_value_string(vm, "old");
    CHECK(animal != NULL && live != NULL && s != NULL);
    hlffi_value_free(animal);
    hlffi_value_free(s);
    make_fill(vm);
#ifdef STALE_CHECKED
    /* The stale handles are other pointers than the ones now naming their slots. */
    for (int i = 0; i < FILL; i++)
        CHECK(fill[i] != s && fill[i] != animal);

    /* Getters and conversions */
    CHECK(hlffi_value_get_type(s) == NULL);
    CHECK(error_has(vm, "hlffi_value_get_type: a stale handle (freed; its slot now holds another value)"));
    CHECK(hlffi_value_get_kind(s) == HLFFI_TYPE_VOID); /* quiet, as for a freed handle */
    CHECK(hlffi_value_as_int(s, -1) == -1 && hlffi_value_as_float(s, -2.0) == -2.0);
    CHECK(hlffi_value_is_null(s));
    CHECK(hlffi_value_as_string(s) == NULL);
    CHECK(hlffi_get_field(animal, "name") == NULL && error_has(vm, "name: a stale handle"));
    CHECK(!hlffi_is_instance_of(animal, "Animal"));
    CHECK(hlffi_array_length(s) == -1 && error_has(vm, "array: a stale handle"));
    CHECK(hlffi_function_call(s, 0, NULL) == NULL && error_has(vm, "the function is a stale handle"));

    /* Stores: as the object and as the value */
    CHECK(!hlffi_set_field(animal, "age", fill[0]) && error_has(vm, "age: a stale handle"));
    CHECK(!hlffi_set_field(live, "age", s) && error_has(vm, "age argument 0: a stale handle"));
    CHECK(hlffi_set_static_field(vm, "ApiBasics", "counter", s) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(error_has(vm, "stale handle"));

    /* Call arguments: the general path, the all-typed fast path and a cached call */
    hlffi_value *two = hlffi_value_int(vm, 2);
    hlffi_value *args[2] = {s, two};
    CHECK(hlffi_call_static(vm, "ApiBasics", "add", 2, args) == NULL);
    CHECK(error_has(vm, "argument 0: a stale handle (freed; its slot now holds another value)"));
    args[0] = two;
    args[1] = s;
    CHECK(hlffi_call_static(vm, "ApiBasics", "add", 2, args) == NULL && error_has(vm, "argument 1: a stale handle"));
    hlffi_cached_call *add = hlffi_cache_static_method(vm, "ApiBasics", "add");
    CHECK(hlffi_call_cached(add, 2, args) == NULL && error_has(vm, "argument 1: a stale handle"));
    hlffi_value *method_args[2] = {two, two};
    CHECK(hlffi_call_method(animal, "grow", 2, method_args) == NULL && error_has(vm, "a stale handle"));
    args[1] = two;
    CHECK(take_int(hlffi_call_cached(add, 2, args), -1) == 4); /* the cache still works */
    hlffi_cached_call_free(add);
    hlffi_value_free(two);
    hlffi_cached_call *legs = hlffi_cache_instance_method(vm, "Animal", "legs");
    CHECK(hlffi_call_cached_method(legs, animal, 0, NULL) == NULL);
    CHECK(error_has(vm, "Animal.legs: the instance is a stale handle"));
    hlffi_slot ret;
    CHECK(hlffi_call_typed_method(legs, animal, NULL, 0, &ret) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(error_has(vm, "a stale handle"));
    CHECK(hlffi_call_typed_method(legs, live, NULL, 0, &ret) == HLFFI_OK && ret.i32 == 4);
    hlffi_cached_call_free(legs);
    hlffi_cached_call *len = hlffi_cache_static_method(vm, "ApiBasics", "strLen");
    hlffi_slot sarg = {.value = s};
    CHECK(hlffi_call_typed(len, &sarg, 1, &ret) == HLFFI_ERROR_INVALID_ARGUMENT && error_has(vm, "a stale handle"));
    hlffi_cached_call_free(len);

    /* Freeing a stale handle is a no-op: the values now in the slots survive, and no slot is freed
     * twice (new handles never land on a live one). */
    hlffi_value_free(s);
    hlffi_value_free(animal);
    CHECK(fill_intact());
    hlffi_value *more[8];
    for (int i = 0; i < 8; i++)
        more[i] = hlffi_value_int(vm, -i);
    CHECK(fill_intact());
    for (int i = 0; i < 8; i++) {
        CHECK(hlffi_value_as_int(more[i], 1) == -i);
        hlffi_value_free(more[i]);
    }
    /* The live object was never touched through the stale ones. */
    CHECK(take_int(hlffi_get_field(live, "age"), -1) == 0);
#else
    /* No generation check: the stale handles are the addresses of the slots the fill reused first. */
    CHECK(fill[0] == s && fill[1] == animal);
    CHECK(fill_intact());
#endif
    /* Freed again (with the fill): a freed handle once more, in every build. */
    free_fill();
    CHECK(hlffi_value_get_type(s) == NULL && error_has(vm, "hlffi_value_get_type: a freed handle"));
    hlffi_value_free(live);
    hlffi_value_free(name);
    hlffi_destroy(vm);
}

static void *free_one(void *arg) {
    hlffi_value_free(arg);
    return NULL;
}

static void free_from_thread(hlffi_value *h) {
    pthread_t t;
    CHECK(pthread_create(&t, NULL, free_one, h) == 0);
    pthread_join(t, NULL);
}

/* Freed from another thread (deferred until the owner's next allocation): stale once reused too, and a
 * stale handle freed from another thread is ignored as well. */
static void stale_after_deferred_free(void) {
    hlffi_vm *vm = start_vm(module_path);
    hlffi_value *h = hlffi_value_string(vm, "freed elsewhere");
    free_from_thread(h);
    make_fill(vm); /* drains the deferred free, then reuses the slot */
#ifdef STALE_CHECKED
    CHECK(hlffi_value_get_type(h) == NULL && error_has(vm, "a stale handle (freed; its slot now holds another value)"));
    free_from_thread(h); /* ignored */
    hlffi_value *n = hlffi_value_int(vm, 1); /* drains whatever was queued */
    CHECK(fill_intact());
    hlffi_value_free(n);
#else
    CHECK(fill_intact());
#endif
    free_fill();
    hlffi_destroy(vm);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_handles_generation ApiBasics.hl\n");
        return 2;
    }
    module_path = argv[1];
    freed_not_reused();
    stale_after_reuse();
    stale_after_deferred_free();
    return test_result("test_handles_generation");
}
