/* exec_variant: see exec_variant.h. */
#define _POSIX_C_SOURCE 200809L

#include "exec_variant.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

const char *const exec_outcome_names[EXEC_OUTCOMES] = {"refused by the link or the limit", "returned", "threw",
                                                       "interrupted by a budget", "out of memory", "called Sys.exit",
                                                       "broke a promise"};

typedef struct run_state {
    uint64_t printed;
    bool exited;
} run_state;

static void drop_output(hlffi_vm *vm, void *userdata, const char *utf8, size_t length, bool is_stderr) {
    (void)vm, (void)utf8, (void)is_stderr;
    ((run_state *)userdata)->printed += length;
}

static void note_exit(hlffi_vm *vm, void *userdata, int code) {
    (void)vm, (void)code;
    ((run_state *)userdata)->exited = true;
}

static void broken(exec_result *out, const char *what, hlffi_error_code rc, const char *text) {
    out->outcome = EXEC_BROKEN;
    snprintf(out->text, sizeof out->text, "%s (code %d: %s)", what, (int)rc, text);
}

void exec_variant(const uint8_t *data, size_t size, const exec_limits *limits, exec_result *out) {
    memset(out, 0, sizeof *out);
    hlffi_vm *vm = hlffi_create();
    if (vm == NULL) {
        broken(out, "hlffi_create returned NULL", HLFFI_ERROR_OUT_OF_MEMORY, "");
        return;
    }
    run_state st = {0, false};
    if (hlffi_init(vm, 0, NULL) != HLFFI_OK || hlffi_vm_set_memory_limit(vm, limits->memory) != HLFFI_OK ||
        hlffi_vm_set_instruction_budget(vm, limits->ops) != HLFFI_OK ||
        hlffi_vm_set_time_budget(vm, limits->time_ms) != HLFFI_OK ||
        hlffi_vm_deny_natives(vm, HLFFI_NATIVES_ALL_SYSTEM) != HLFFI_OK) {
        broken(out, "setting up the VM failed", HLFFI_ERROR_UNKNOWN, hlffi_get_error(vm));
        hlffi_destroy(vm);
        return;
    }
    hlffi_vm_set_print_hook(vm, drop_output, &st);
    hlffi_vm_set_exit_hook(vm, note_exit, &st);
    out->load_rc = hlffi_load_memory(vm, data, size);
    switch (out->load_rc) {
    case HLFFI_OK: break;
    case HLFFI_ERROR_INVALID_BYTECODE:
    case HLFFI_ERROR_VERIFICATION_FAILED:
    case HLFFI_ERROR_MODULE_LOAD_FAILED:
    case HLFFI_ERROR_OUT_OF_MEMORY:
        out->outcome = EXEC_LOAD_REFUSED;
        snprintf(out->text, sizeof out->text, "%s", hlffi_get_error(vm));
        if (out->text[0] == 0)
            broken(out, "hlffi_load_memory failed without a message", out->load_rc, "");
        break;
    default: broken(out, "hlffi_load_memory: an undocumented code", out->load_rc, hlffi_get_error(vm)); break;
    }
    if (out->load_rc == HLFFI_OK) {
        hlffi_error_code rc = out->entry_rc = hlffi_call_entry(vm);
        int code = 0;
        switch (rc) {
        case HLFFI_OK:
            out->outcome = st.exited ? EXEC_EXITED : EXEC_RETURNED;
            if (st.exited != hlffi_vm_get_exit_code(vm, &code))
                broken(out, "the exit hook and hlffi_vm_get_exit_code disagree", rc, "");
            break;
        case HLFFI_ERROR_EXCEPTION_THROWN:
            out->outcome = EXEC_THREW;
            snprintf(out->text, sizeof out->text, "%s", hlffi_get_exception_message(vm));
            if (!hlffi_has_exception(vm))
                broken(out, "EXCEPTION_THROWN without a recorded exception", rc, "");
            break;
        case HLFFI_ERROR_INTERRUPTED:
        case HLFFI_ERROR_OUT_OF_MEMORY:
            out->outcome = rc == HLFFI_ERROR_INTERRUPTED ? EXEC_INTERRUPTED : EXEC_OOM;
            snprintf(out->text, sizeof out->text, "%s", hlffi_get_error(vm));
            if (out->text[0] == 0)
                broken(out, "hlffi_call_entry failed without a message", rc, "");
            break;
        default: broken(out, "hlffi_call_entry: an undocumented code", rc, hlffi_get_error(vm)); break;
        }
    }
    out->printed = st.printed;
    hlffi_destroy(vm);
}

int exec_stdin_from_null(void) {
    int fd = open("/dev/null", O_RDONLY);
    if (fd < 0)
        return -1;
    int rc = dup2(fd, 0) < 0 ? -1 : 0;
    close(fd);
    return rc;
}
