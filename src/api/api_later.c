/* The functions of the milestones that have not landed yet: integration modes and the event loop,
 * the dedicated VM thread, hot reload (hlffi-api.md, "Which error for which failure"). Each returns
 * its failure value and records HLFFI_ERROR_NOT_IMPLEMENTED naming itself, so a host can tell a known
 * gap from a failure. NON_THREADED, the mode every VM runs in today, is accepted. */
#include "exec/vm.h"

#define LATER(vm, fn) \
    ((vm) == NULL ? HLFFI_ERROR_NULL_VM \
                  : HLI_VM_FAIL(vm, HLFFI_ERROR_NOT_IMPLEMENTED, "%s is not implemented yet (a later milestone)", fn))

HLFFI_API hlffi_error_code hlffi_set_integration_mode(hlffi_vm *vm, hlffi_integration_mode mode) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    if (mode == HLFFI_MODE_NON_THREADED)
        return HLFFI_OK;
    if (mode != HLFFI_MODE_THREADED)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "unknown integration mode %d", (int)mode);
    return LATER(vm, "HLFFI_MODE_THREADED");
}

HLFFI_API hlffi_integration_mode hlffi_get_integration_mode(hlffi_vm *vm) {
    (void)vm;
    return HLFFI_MODE_NON_THREADED;
}

HLFFI_API hlffi_error_code hlffi_update(hlffi_vm *vm, float delta_time) {
    (void)delta_time;
    return LATER(vm, "hlffi_update");
}

HLFFI_API bool hlffi_has_pending_work(hlffi_vm *vm) {
    LATER(vm, "hlffi_has_pending_work");
    return false;
}

HLFFI_API hlffi_error_code hlffi_process_events(hlffi_vm *vm, hlffi_eventloop_type type) {
    (void)type;
    return LATER(vm, "hlffi_process_events");
}

HLFFI_API bool hlffi_has_pending_events(hlffi_vm *vm, hlffi_eventloop_type type) {
    (void)type;
    LATER(vm, "hlffi_has_pending_events");
    return false;
}

HLFFI_API hlffi_error_code hlffi_thread_start(hlffi_vm *vm) {
    return LATER(vm, "hlffi_thread_start");
}

HLFFI_API hlffi_error_code hlffi_thread_stop(hlffi_vm *vm) {
    return LATER(vm, "hlffi_thread_stop");
}

HLFFI_API bool hlffi_thread_is_running(hlffi_vm *vm) {
    (void)vm;
    return false; /* the truth: no VM thread runs until that milestone */
}

HLFFI_API hlffi_error_code hlffi_thread_call_sync(hlffi_vm *vm, hlffi_thread_func func, void *userdata) {
    (void)func, (void)userdata;
    return LATER(vm, "hlffi_thread_call_sync");
}

HLFFI_API hlffi_error_code hlffi_thread_call_async(hlffi_vm *vm, hlffi_thread_func func,
                                                   hlffi_thread_async_callback callback, void *userdata) {
    (void)func, (void)callback, (void)userdata;
    return LATER(vm, "hlffi_thread_call_async");
}

/* No VM argument, so nowhere to record the error: these do nothing until the threading milestone. */
HLFFI_API void hlffi_worker_register(void) {}
HLFFI_API void hlffi_worker_unregister(void) {}
HLFFI_API void hlffi_blocking_begin(void) {}
HLFFI_API void hlffi_blocking_end(void) {}

HLFFI_API hlffi_error_code hlffi_enable_hot_reload(hlffi_vm *vm, bool enable) {
    if (vm != NULL && !enable)
        return HLFFI_OK; /* disabled is the state every VM is in */
    return LATER(vm, "hot reload");
}

HLFFI_API bool hlffi_is_hot_reload_enabled(hlffi_vm *vm) {
    (void)vm;
    return false;
}

HLFFI_API hlffi_error_code hlffi_reload_module(hlffi_vm *vm, const char *path) {
    (void)path;
    return LATER(vm, "hlffi_reload_module");
}

HLFFI_API hlffi_error_code hlffi_reload_module_memory(hlffi_vm *vm, const void *data, size_t size) {
    (void)data, (void)size;
    return LATER(vm, "hlffi_reload_module_memory");
}

HLFFI_API void hlffi_set_reload_callback(hlffi_vm *vm, hlffi_reload_callback callback, void *userdata) {
    (void)callback, (void)userdata;
    LATER(vm, "hlffi_set_reload_callback");
}

HLFFI_API bool hlffi_check_reload(hlffi_vm *vm) {
    LATER(vm, "hlffi_check_reload");
    return false;
}
