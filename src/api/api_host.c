/* Public host control (hlffi.h "Limits and host control"): where Haxe's output goes (the VM's print
 * function, src/exec/run.c hli_vm_print), the hook told of Sys.exit (called by src/exec/poll.c once the
 * call has unwound), and the current Haxe call stack for code running inside Haxe. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exec/code.h"
#include "exec/exec.h"

/* The VM's print function while a host hook is set: the VM itself is the userdata. */
static void print_to_hook(void *userdata, const char *utf8, size_t len, bool is_stderr) {
    hlffi_vm *vm = userdata;
    if (vm->print_hook != NULL)
        vm->print_hook(vm, vm->print_hook_userdata, utf8, len, is_stderr);
}

HLFFI_API void hlffi_vm_set_print_hook(hlffi_vm *vm, hlffi_print_func fn, void *userdata) {
    if (vm == NULL)
        return;
    vm->print_hook = fn;
    vm->print_hook_userdata = fn != NULL ? userdata : NULL;
    vm->print = fn != NULL ? print_to_hook : NULL; /* NULL: hli_vm_print's default, stdout/stderr */
    vm->print_userdata = fn != NULL ? vm : NULL;
}

HLFFI_API void hlffi_vm_set_exit_hook(hlffi_vm *vm, hlffi_exit_func fn, void *userdata) {
    if (vm == NULL)
        return;
    vm->exit_hook = fn;
    vm->exit_hook_userdata = fn != NULL ? userdata : NULL;
}

/* A growable malloc'ed text (the result is the caller's, so plain malloc, not VM memory). */
typedef struct text {
    char *buf;
    size_t len, cap;
    bool failed;
} text;

static void text_put(text *t, const char *s, size_t n) {
    if (t->failed)
        return;
    if (t->len + n + 1 > t->cap) {
        size_t ncap = t->cap != 0 ? t->cap * 2 : 256;
        while (ncap < t->len + n + 1)
            ncap *= 2;
        char *nb = realloc(t->buf, ncap);
        if (nb == NULL) {
            t->failed = true;
            return;
        }
        t->buf = nb;
        t->cap = ncap;
    }
    memcpy(t->buf + t->len, s, n);
    t->len += n;
    t->buf[t->len] = 0;
}

/* Every frame of the main thread, innermost first, as exception stacks show them (src/exec/report.c):
 * a frame's saved pc is the call it is making (the innermost: the native or callback running now). */
HLFFI_API char *hlffi_vm_get_call_stack(hlffi_vm *vm) {
    if (vm == NULL)
        return NULL;
    text t = {NULL, 0, 0, false};
    text_put(&t, "", 0);
    hli_thread *th = vm->main_thread;
    if (th != NULL && vm->module != NULL && vm->module->has_debug) {
        char line[512];
        for (uint32_t i = th->nframes; i > 0 && !t.failed; i--) {
            const hli_frame *fr = &th->frames[i - 1];
            hli_stack_entry e = {fr->fn, (uint32_t)(fr->pc - fr->fn->code->ops)};
            hli_format_stack_entry(vm, &e, line, sizeof line);
            text_put(&t, "Called from ", 12);
            text_put(&t, line, strlen(line));
            text_put(&t, "\n", 1);
        }
    }
    if (t.failed) {
        free(t.buf);
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while formatting the call stack");
        return NULL;
    }
    return t.buf;
}
