/* Natives of exceptions and debugging (hl-spec.md 8.1 "Exceptions and debugging"): the last
 * exception's captured stack, the error handler, and the debugger no-ops. */
#include <string.h>

#include "exec/exec.h"
#include "rt/rt.h"
#include "std/natives.h"
#include "std/std_families.h"

/* exception_stack(): the last exception's frames, formatted as HashLink does (7.3), as a NativeArray
 * of UTF-16 bytes. Without debug info the array is empty, as in HashLink. */
static hli_status n_exception_stack(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    uint32_t n = th->vm->module->has_debug ? th->exc_stack_count : 0;
    varray *a = hli_alloc_array(th, HLI_T(bytes), (int32_t)n);
    if (a == NULL)
        return HLI_EXC;
    hli_root_push(th, &a);
    for (uint32_t i = 0; i < n; i++) {
        char line[512];
        hli_format_stack_entry(th->vm, &th->exc_stack[i], line, sizeof line);
        vstring *s = hli_string_from_utf8(th, line, strlen(line));
        if (s == NULL) {
            hli_root_pop(th, 1);
            return HLI_EXC;
        }
        hli_aptr(a, hli_uchar *)[i] = s->bytes;
    }
    hli_root_pop(th, 1);
    ret->p = a;
    return HLI_OK;
}

static hli_status n_set_error_handler(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    th->error_handler = args[0].p;
    return HLI_OK;
}

/* breakpoint(): HashLink traps into an attached native debugger; an embedded VM does nothing. */
static hli_status n_breakpoint(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)args, (void)ret;
    return HLI_OK;
}

const hli_native_def hli_std_exc_natives[] = {
    {"std", "exception_stack", "P_A", n_exception_stack},
    {"std", "set_error_handler", "PPD_v_v", n_set_error_handler},
    {"std", "breakpoint", "P_v", n_breakpoint},
    {NULL, NULL, NULL, NULL},
};
