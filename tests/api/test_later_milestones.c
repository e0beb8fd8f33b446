/* The functions of milestones that have not landed (event loop, VM thread, hot reload) say so: their
 * failure value and HLFFI_ERROR_NOT_IMPLEMENTED naming the function, never a crash or a fake success.
 * usage: test_later_milestones ApiBasics.hl */
#include "api_test.h"

static int not_implemented(hlffi_vm *vm, const char *what) {
    return strstr(hlffi_get_error(vm), what) != NULL && strstr(hlffi_get_error(vm), "not implemented") != NULL;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s ApiBasics.hl\n", argv[0]);
        return 2;
    }
    hlffi_vm *vm = start_vm(argv[1]);

    CHECK(hlffi_get_integration_mode(vm) == HLFFI_MODE_NON_THREADED);
    CHECK(hlffi_set_integration_mode(vm, HLFFI_MODE_NON_THREADED) == HLFFI_OK);
    CHECK(hlffi_set_integration_mode(vm, HLFFI_MODE_THREADED) == HLFFI_ERROR_NOT_IMPLEMENTED);
    CHECK(not_implemented(vm, "THREADED"));
    CHECK(hlffi_set_integration_mode(vm, (hlffi_integration_mode)7) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_update(vm, 0.016f) == HLFFI_ERROR_NOT_IMPLEMENTED);
    CHECK(not_implemented(vm, "hlffi_update"));
    CHECK(!hlffi_has_pending_work(vm));
    CHECK(hlffi_process_events(vm, HLFFI_EVENTLOOP_ALL) == HLFFI_ERROR_NOT_IMPLEMENTED);
    CHECK(!hlffi_has_pending_events(vm, HLFFI_EVENTLOOP_ALL));
    CHECK(not_implemented(vm, "hlffi_has_pending_events"));

    CHECK(hlffi_thread_start(vm) == HLFFI_ERROR_NOT_IMPLEMENTED);
    CHECK(!hlffi_thread_is_running(vm));
    CHECK(hlffi_thread_stop(vm) == HLFFI_ERROR_NOT_IMPLEMENTED);
    CHECK(hlffi_thread_call_sync(vm, NULL, NULL) == HLFFI_ERROR_NOT_IMPLEMENTED);
    CHECK(hlffi_thread_call_async(vm, NULL, NULL, NULL) == HLFFI_ERROR_NOT_IMPLEMENTED);
    hlffi_worker_register();
    hlffi_blocking_begin();
    hlffi_blocking_end();
    hlffi_worker_unregister();

    CHECK(hlffi_enable_hot_reload(vm, false) == HLFFI_OK);
    CHECK(hlffi_enable_hot_reload(vm, true) == HLFFI_ERROR_NOT_IMPLEMENTED);
    CHECK(!hlffi_is_hot_reload_enabled(vm));
    CHECK(hlffi_reload_module(vm, NULL) == HLFFI_ERROR_NOT_IMPLEMENTED);
    CHECK(hlffi_reload_module_memory(vm, "", 0) == HLFFI_ERROR_NOT_IMPLEMENTED);
    hlffi_set_reload_callback(vm, NULL, NULL);
    CHECK(not_implemented(vm, "hlffi_set_reload_callback"));
    CHECK(!hlffi_check_reload(vm));

    /* NULL VMs. */
    CHECK(hlffi_update(NULL, 0) == HLFFI_ERROR_NULL_VM);
    CHECK(hlffi_thread_start(NULL) == HLFFI_ERROR_NULL_VM);
    CHECK(hlffi_reload_module(NULL, "x.hl") == HLFFI_ERROR_NULL_VM);
    CHECK(hlffi_set_integration_mode(NULL, HLFFI_MODE_NON_THREADED) == HLFFI_ERROR_NULL_VM);

    /* The VM still works afterwards. */
    hlffi_value *r = hlffi_call_static(vm, "ApiBasics", "add", 2,
                                       (hlffi_value *[]){hlffi_value_int(vm, 2), hlffi_value_int(vm, 3)});
    CHECK(hlffi_value_as_int(r, 0) == 5);
    hlffi_value_free(r);
    hlffi_destroy(vm);
    return test_result("test_later_milestones");
}
