/* The memory scenario of cached calls, using only <hlffi.h> (run plainly and under valgrind, which must
 * report 0 bytes lost and 0 still reachable after hlffi_destroy): 1,000 cycles of creating 3 caches
 * (alive at once), making 100 calls through them and freeing them; a 2-argument cached method called
 * 1,000 times with freshly made boxed values; caches left alive at hlffi_destroy. Between cycles the
 * VM's memory and live handles must stay flat (freed cache records are reused, results freed).
 * usage: test_cache_memory ApiCache.hl */
#include "api_test.h"

static hlffi_stats stats(hlffi_vm *vm) {
    hlffi_stats s;
    memset(&s, 0, sizeof s);
    CHECK(hlffi_vm_get_stats(vm, &s) == HLFFI_OK);
    return s;
}

/* One cycle: three caches alive at once, 100 calls through them, all freed. False on a wrong result. */
static bool cycle(hlffi_vm *vm, hlffi_value *shape, hlffi_value **args) {
    hlffi_cached_call *add = hlffi_cache_static_method(vm, "ApiCache", "add");
    hlffi_cached_call *one = hlffi_cache_static_method(vm, "ApiCache", "one");
    hlffi_cached_call *area = hlffi_cache_instance_method(vm, "Shape", "area");
    bool ok = add != NULL && one != NULL && area != NULL;
    for (int i = 0; i < 100 && ok; i++) {
        hlffi_value *r;
        switch (i % 3) {
        case 0:
            r = hlffi_call_cached(add, 2, args);
            ok = hlffi_value_as_int(r, 0) == 5;
            break;
        case 1:
            r = hlffi_call_cached(one, 0, NULL);
            ok = hlffi_value_as_int(r, 0) == 1;
            break;
        default:
            r = hlffi_call_cached_method(area, shape, 0, NULL);
            ok = hlffi_value_as_float(r, -1) == 0.0;
            break;
        }
        hlffi_value_free(r);
    }
    hlffi_cached_call_free(add);
    hlffi_cached_call_free(one);
    hlffi_cached_call_free(area);
    return ok;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_cache_memory ApiCache.hl\n");
        return 2;
    }
    hlffi_vm *vm = start_vm(argv[1]);
    hlffi_value *id = hlffi_value_int(vm, 7);
    hlffi_value *shape = hlffi_new(vm, "Shape", 1, &id);
    hlffi_value *args[2] = {hlffi_value_int(vm, 2), hlffi_value_int(vm, 3)};
    size_t handles = stats(vm).live_handles;

    int bad = 0;
    size_t warm_bytes = 0;
    for (int c = 0; c < 1000; c++) {
        bad += !cycle(vm, shape, args);
        if (c == 99)
            warm_bytes = stats(vm).vm_bytes;
    }
    CHECK(bad == 0);
    hlffi_stats after = stats(vm);
    CHECK(after.live_handles == handles);
    /* Cache records come back from the VM's pool: 900 more cycles allocate nothing that stays. */
    if (after.vm_bytes > warm_bytes)
        fprintf(stderr, "  VM memory grew from %zu to %zu bytes\n", warm_bytes, after.vm_bytes);
    CHECK(after.vm_bytes <= warm_bytes);

    /* A 2-argument cached method with boxed values: (Dynamic, Null<Int>) boxes both on the way in. */
    hlffi_cached_call *combine = hlffi_cache_instance_method(vm, "Shape", "combine");
    for (int i = 0; i < 1000; i++) {
        char text[32];
        snprintf(text, sizeof text, "v%d", i);
        hlffi_value *a[2] = {hlffi_value_string(vm, text), hlffi_value_int(vm, i)};
        hlffi_value *r = hlffi_call_cached_method(combine, shape, 2, a);
        char want[64];
        snprintf(want, sizeof want, "v%d:%d", i, i + 7);
        char *got = hlffi_value_as_string(r);
        if (got == NULL || strcmp(got, want) != 0)
            bad++;
        free(got);
        hlffi_value_free(r);
        hlffi_value_free(a[0]);
        hlffi_value_free(a[1]);
    }
    CHECK(bad == 0);
    CHECK(hlffi_get_field_int(shape, "hits", -1) == 1000 * 33 + 1000);
    CHECK(stats(vm).live_handles == handles);

    /* Left alive on purpose: hlffi_destroy frees them with the VM. */
    hlffi_cached_call *left[3] = {combine, hlffi_cache_static_method(vm, "ApiCache", "add"),
                                  hlffi_cache_instance_method(vm, "Square", "area")};
    CHECK(left[1] != NULL && left[2] != NULL);
    hlffi_value_free(id);
    hlffi_value_free(shape);
    hlffi_value_free(args[0]);
    hlffi_value_free(args[1]);
    hlffi_destroy(vm);
    return test_result("test_cache_memory");
}
