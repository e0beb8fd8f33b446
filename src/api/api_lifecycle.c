/* Public lifecycle functions: create, init, load, entry, destroy, errors, versions. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_data.h"
#include "api/api_cache.h"
#include "api/api_callbacks.h"
#include "api/api_types.h"
#include "api/handles.h"
#include "exec/vm.h"
#include "verify/verify.h"
#include "exec/exec.h"

HLFFI_API hlffi_vm *hlffi_create(void) {
    hli_mem mem;
    hli_mem_init(&mem, 0);
    hlffi_vm *vm = hli_mem_alloc(&mem, sizeof(hlffi_vm));
    if (vm == NULL)
        return NULL;
    vm->mem = mem;
    vm->owner = pthread_self();
    hli_error_clear(&vm->error);
    return vm;
}

HLFFI_API hlffi_error_code hlffi_init(hlffi_vm *vm, int argc, char **argv) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    if (vm->initialized)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_ALREADY_INITIALIZED, "hlffi_init was already called on this VM");
    if (argc < 0 || (argc > 0 && argv == NULL))
        return HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "argc is %d but argv is %s", argc,
                           argv == NULL ? "NULL" : "set");
    if (argc > 0) {
        vm->argv = hli_mem_array(&vm->mem, (size_t)argc, sizeof(char *));
        vm->argv_sizes = hli_mem_array(&vm->mem, (size_t)argc, sizeof(size_t));
        if (vm->argv == NULL || vm->argv_sizes == NULL)
            goto oom;
        vm->argc = argc;
        for (int i = 0; i < argc; i++) {
            const char *a = argv[i] != NULL ? argv[i] : "";
            size_t n = strlen(a) + 1;
            if ((vm->argv[i] = hli_mem_alloc(&vm->mem, n)) == NULL)
                goto oom;
            memcpy(vm->argv[i], a, n);
            vm->argv_sizes[i] = n;
        }
    }
    vm->initialized = true;
    return HLFFI_OK;
oom:
    return HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while copying the arguments");
}

/* Loads and verifies a module image; the bytes are copied by the loader. */
static hlffi_error_code load_image(hlffi_vm *vm, const void *data, size_t size) {
    hli_error_clear(&vm->error);
    hli_module *m = hli_module_load(data, size, &vm->mem, &vm->error);
    if (m == NULL)
        return vm->error.code;
    size_t budget = size * HLI_LOAD_MEMORY_FACTOR + HLI_LOAD_MEMORY_SLACK;
    size_t used = m->arena_used + m->image_size;
    hlffi_error_code rc = hli_verify_module(m, &vm->mem, budget > used ? budget - used : 1, &vm->error);
    if (rc != HLFFI_OK) {
        hli_module_free(m);
        return rc;
    }
    vm->module = m;
    /* Link now, so that unresolvable natives fail the load (hlffi-api.md error table). */
    if ((rc = hli_prepare(vm)) != HLFFI_OK) {
        hli_module_free(m);
        vm->module = NULL;
        return rc;
    }
    return HLFFI_OK;
}

HLFFI_API hlffi_error_code hlffi_load_memory(hlffi_vm *vm, const void *data, size_t size) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    if (vm->module != NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_ALREADY_INITIALIZED, "a module is already loaded in this VM");
    if (data == NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_load_memory: data is NULL");
    return load_image(vm, data, size);
}

HLFFI_API hlffi_error_code hlffi_load_file(hlffi_vm *vm, const char *path) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    if (vm->module != NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_ALREADY_INITIALIZED, "a module is already loaded in this VM");
    if (path == NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_load_file: path is NULL");
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_FILE_NOT_FOUND, "cannot open %s: %s", path, strerror(errno));
    /* Read in chunks into a growing buffer: works for pipes and files whose size changes. */
    size_t cap = 0, size = 0;
    uint8_t *buf = NULL;
    hlffi_error_code rc = HLFFI_OK;
    for (;;) {
        if (size == cap) {
            size_t ncap = cap == 0 ? (size_t)64 << 10 : cap * 2;
            if (ncap > HLI_MAX_IMAGE_SIZE + 1)
                ncap = HLI_MAX_IMAGE_SIZE + 1;
            if (ncap == cap) {
                rc = HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_BYTECODE, "%s: larger than the 1 GiB this VM loads", path);
                break;
            }
            uint8_t *nb = hli_mem_alloc(&vm->mem, ncap);
            if (nb == NULL) {
                rc = HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while reading %s", path);
                break;
            }
            if (size > 0)
                memcpy(nb, buf, size);
            hli_mem_free(&vm->mem, buf, cap);
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + size, 1, cap - size, f);
        size += got;
        if (got == 0) {
            if (ferror(f))
                rc = HLI_VM_FAIL(vm, HLFFI_ERROR_FILE_NOT_FOUND, "cannot read %s: %s", path, strerror(errno));
            break;
        }
    }
    fclose(f);
    if (rc == HLFFI_OK)
        rc = load_image(vm, buf, size);
    hli_mem_free(&vm->mem, buf, cap);
    if (rc == HLFFI_OK) {
        size_t n = strlen(path) + 1;
        if ((vm->file_path = hli_mem_alloc(&vm->mem, n)) != NULL)
            memcpy(vm->file_path, path, n);
    }
    return rc;
}

HLFFI_API hlffi_error_code hlffi_call_entry(hlffi_vm *vm) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    if (vm->module == NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_NOT_INITIALIZED, "no module is loaded (call hlffi_load_file first)");
    if (vm->entry_done)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_ALREADY_INITIALIZED, "the entry point has already run");
    return hli_run_entry(vm);
}

HLFFI_API void hlffi_destroy(hlffi_vm *vm) {
    if (vm == NULL)
        return;
    hli_handles_destroy(vm);
    hli_caches_free(vm);
    hli_class_index_free(vm);
    hli_api_types_free(vm);
    hli_api_data_free(vm);
    hli_teardown(vm);
    hli_callbacks_free(vm); /* after the heap: host closures point at its signature types */
    hli_clear_exception(vm);
    hli_mem_free(&vm->mem, vm->file_path, vm->file_path ? strlen(vm->file_path) + 1 : 0);
    hli_module_free(vm->module);
    for (int i = 0; i < vm->argc; i++)
        hli_mem_free(&vm->mem, vm->argv[i], vm->argv_sizes[i]);
    hli_mem_free(&vm->mem, vm->argv, (size_t)vm->argc * sizeof(char *));
    hli_mem_free(&vm->mem, vm->argv_sizes, (size_t)vm->argc * sizeof(size_t));
    hli_mem mem = vm->mem;
    hli_mem_free(&mem, vm, sizeof(hlffi_vm));
}

HLFFI_API hlffi_error_code hlffi_vm_set_strict(hlffi_vm *vm, bool strict) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    if (vm->module != NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_ALREADY_INITIALIZED, "hlffi_vm_set_strict must come before the load");
    vm->strict_natives = strict;
    return HLFFI_OK;
}

HLFFI_API hlffi_error_code hlffi_vm_set_memory_limit(hlffi_vm *vm, size_t bytes) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    vm->mem.limit = bytes;
    return HLFFI_OK;
}

HLFFI_API const char *hlffi_get_error(hlffi_vm *vm) {
    if (vm == NULL)
        return "NULL VM";
    return vm->error.text;
}

HLFFI_API const char *hlffi_get_error_string(hlffi_error_code code) {
    switch (code) {
    case HLFFI_OK: return "success";
    case HLFFI_ERROR_NULL_VM: return "the VM is NULL";
    case HLFFI_ERROR_ALREADY_INITIALIZED: return "already initialized";
    case HLFFI_ERROR_NOT_INITIALIZED: return "not initialized";
    case HLFFI_ERROR_INIT_FAILED: return "initialization failed";
    case HLFFI_ERROR_DESTROY_FAILED: return "destruction failed";
    case HLFFI_ERROR_FILE_NOT_FOUND: return "file not found or unreadable";
    case HLFFI_ERROR_INVALID_BYTECODE: return "invalid bytecode";
    case HLFFI_ERROR_MODULE_LOAD_FAILED: return "module load failed";
    case HLFFI_ERROR_MODULE_INIT_FAILED: return "module initialization failed";
    case HLFFI_ERROR_ENTRY_POINT_NOT_FOUND: return "entry point not found";
    case HLFFI_ERROR_TYPE_NOT_FOUND: return "type not found";
    case HLFFI_ERROR_METHOD_NOT_FOUND: return "method not found";
    case HLFFI_ERROR_FIELD_NOT_FOUND: return "field not found";
    case HLFFI_ERROR_CALL_FAILED: return "call failed";
    case HLFFI_ERROR_EXCEPTION_THROWN: return "a Haxe exception was thrown";
    case HLFFI_ERROR_INVALID_TYPE: return "invalid type";
    case HLFFI_ERROR_TYPE_MISMATCH: return "type mismatch";
    case HLFFI_ERROR_NULL_VALUE: return "null value";
    case HLFFI_ERROR_RELOAD_NOT_SUPPORTED: return "hot reload not supported";
    case HLFFI_ERROR_RELOAD_NOT_ENABLED: return "hot reload not enabled";
    case HLFFI_ERROR_RELOAD_FAILED: return "hot reload failed";
    case HLFFI_ERROR_THREAD_NOT_STARTED: return "VM thread not started";
    case HLFFI_ERROR_THREAD_ALREADY_RUNNING: return "VM thread already running";
    case HLFFI_ERROR_THREAD_START_FAILED: return "VM thread start failed";
    case HLFFI_ERROR_THREAD_STOP_FAILED: return "VM thread stop failed";
    case HLFFI_ERROR_WRONG_THREAD: return "called from the wrong thread";
    case HLFFI_ERROR_EVENTLOOP_NOT_FOUND: return "event loop not found";
    case HLFFI_ERROR_EVENTLOOP_FAILED: return "event loop failed";
    case HLFFI_ERROR_OUT_OF_MEMORY: return "out of memory";
    case HLFFI_ERROR_INVALID_ARGUMENT: return "invalid argument";
    case HLFFI_ERROR_NOT_IMPLEMENTED: return "not implemented yet";
    case HLFFI_ERROR_UNKNOWN: return "unknown error";
    case HLFFI_ERROR_VERIFICATION_FAILED: return "bytecode verification failed";
    case HLFFI_ERROR_INTERRUPTED: return "interrupted";
    }
    return "unknown error code";
}

HLFFI_API void hlffi_update_stack_top(void *stack_marker) { (void)stack_marker; }
HLFFI_API void hlffi_gc_block(void) {}
HLFFI_API void hlffi_gc_unblock(void) {}

HLFFI_API const char *hlffi_get_version(void) { return HLFFI_VERSION_STRING; }
HLFFI_API const char *hlffi_get_hl_version(void) { return "1.17.0"; }
HLFFI_API bool hlffi_is_jit_mode(void) { return false; }
