/* Public limits (hlffi.h "Limits and host control"): the per-call instruction and time budgets and the
 * host's interrupt, which the interpreter's poll point enforces (src/exec/poll.c), and the families of
 * natives a host denies before loading (applied by the linker, src/exec/link.c). */
#include "exec/poll.h"

/* Calls from the host start their budgets in hli_poll_begin_slow, and calls without budgets leave the
 * budget state as it is (poll.h): so a change restarts that state here, counting from now for a call
 * under way (a budget set from a callback) and never leaving a spent deadline behind for later calls. */
static void budgets_changed(hlffi_vm *vm) {
    vm->budgets = (vm->instruction_budget != 0) | (vm->time_budget_ms != 0);
    hli_thread *th = vm->main_thread;
    if (th != NULL) {
        th->budget_used = 0;
        th->deadline_ns = 0;
    }
}

HLFFI_API hlffi_error_code hlffi_vm_set_instruction_budget(hlffi_vm *vm, uint64_t instructions) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    vm->instruction_budget = instructions;
    budgets_changed(vm);
    return HLFFI_OK;
}

HLFFI_API hlffi_error_code hlffi_vm_set_time_budget(hlffi_vm *vm, uint32_t milliseconds) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    vm->time_budget_ms = milliseconds;
    budgets_changed(vm);
    return HLFFI_OK;
}

/* Atomic stores only (poll.c), so a signal handler or a watchdog thread may call it. */
HLFFI_API void hlffi_vm_interrupt(hlffi_vm *vm) {
    if (vm != NULL)
        hli_poll_request(vm);
}

/* Checks a family set for deny/allow: known bits only, and before the load (natives are bound then). */
static hlffi_error_code check_families(hlffi_vm *vm, unsigned families, const char *fn) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    if ((families & ~(unsigned)HLFFI_NATIVES_ALL_SYSTEM) != 0)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s: unknown native families 0x%x", fn,
                           families & ~(unsigned)HLFFI_NATIVES_ALL_SYSTEM);
    if (vm->module != NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_ALREADY_INITIALIZED, "%s must come before the load", fn);
    return HLFFI_OK;
}

HLFFI_API hlffi_error_code hlffi_vm_deny_natives(hlffi_vm *vm, unsigned families) {
    hlffi_error_code rc = check_families(vm, families, "hlffi_vm_deny_natives");
    if (rc == HLFFI_OK)
        vm->denied_natives |= families;
    return rc;
}

HLFFI_API hlffi_error_code hlffi_vm_allow_natives(hlffi_vm *vm, unsigned families) {
    hlffi_error_code rc = check_families(vm, families, "hlffi_vm_allow_natives");
    if (rc == HLFFI_OK)
        vm->denied_natives &= ~families;
    return rc;
}
