/* The try_ variants of the calls (hlffi-api.md "Exceptions"): the same calls, with the outcome told
 * apart: OK (the result), EXCEPTION (a Haxe exception: its message, as recorded for
 * hlffi_get_exception_message) or ERROR (bad names or arguments, no module ...: the error text). */
#include "api/api_internal.h"

/* The outcome of a call that returned r on vm (NULL vm: no VM to ask). */
static hlffi_call_result outcome(hlffi_vm *vm, hlffi_value *r, hlffi_value **out_result, const char **out_error,
                                 const char *no_vm_text) {
    if (r != NULL) {
        if (out_result != NULL)
            *out_result = r;
        else
            hlffi_value_free(r); /* nobody takes the result */
        return HLFFI_CALL_OK;
    }
    bool exc = vm != NULL && vm->error.code == HLFFI_ERROR_EXCEPTION_THROWN;
    if (out_error != NULL)
        *out_error = vm == NULL ? no_vm_text : exc ? hlffi_get_exception_message(vm) : hlffi_get_error(vm);
    return exc ? HLFFI_CALL_EXCEPTION : HLFFI_CALL_ERROR;
}

HLFFI_API hlffi_call_result hlffi_try_call_static(hlffi_vm *vm, const char *class_name, const char *method_name,
                                                  int argc, hlffi_value **argv, hlffi_value **out_result,
                                                  const char **out_error) {
    if (out_result != NULL)
        *out_result = NULL;
    if (out_error != NULL)
        *out_error = NULL;
    hlffi_value *r = hlffi_call_static(vm, class_name, method_name, argc, argv);
    return outcome(vm, r, out_result, out_error, "the VM is NULL");
}

HLFFI_API hlffi_call_result hlffi_try_call_method(hlffi_value *obj, const char *method_name, int argc,
                                                  hlffi_value **argv, hlffi_value **out_result,
                                                  const char **out_error) {
    if (out_result != NULL)
        *out_result = NULL;
    if (out_error != NULL)
        *out_error = NULL;
    hlffi_value *r = hlffi_call_method(obj, method_name, argc, argv);
    /* A NULL handle names no VM whose error could be read (a freed or stale one does: the error is
     * recorded there). */
    return outcome(hli_api_handle_vm(hli_handle_of(obj)), r, out_result, out_error, "the object handle is NULL");
}
