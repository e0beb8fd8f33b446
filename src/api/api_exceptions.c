/* Public functions for the recorded Haxe exception and Sys.exit. */
#include "exec/vm.h"
#include "exec/exec.h"

HLFFI_API const char *hlffi_get_exception_message(hlffi_vm *vm) {
    return vm != NULL && vm->exc_message != NULL ? vm->exc_message : "";
}

HLFFI_API const char *hlffi_get_exception_stack(hlffi_vm *vm) {
    return vm != NULL && vm->exc_stack != NULL ? vm->exc_stack : "";
}

HLFFI_API bool hlffi_has_exception(hlffi_vm *vm) { return vm != NULL && vm->exc_message != NULL; }

HLFFI_API void hlffi_clear_exception(hlffi_vm *vm) {
    if (vm != NULL)
        hli_clear_exception(vm);
}

HLFFI_API bool hlffi_vm_get_exit_code(hlffi_vm *vm, int *code) {
    if (vm == NULL || !vm->exited)
        return false;
    if (code != NULL)
        *code = vm->exit_code;
    return true;
}
