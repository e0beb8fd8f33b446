/* Recording an exception for the host: its message (Std.string of the value, hl-spec.md 5.6) and
 * its stack as HashLink's uncaught report prints it (7.2), kept on the VM until cleared. */
#include <stdio.h>
#include <string.h>

#include "exec/exec.h"
#include "rt/rt.h"

/* A growable UTF-8 text in VM memory. */
typedef struct text {
    hlffi_vm *vm;
    char *buf;
    size_t len, cap;
} text;

static void text_put(text *t, const char *s, size_t n) {
    if (t->len + n + 1 > t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 256;
        while (ncap < t->len + n + 1)
            ncap *= 2;
        char *nb = hli_mem_alloc(&t->vm->mem, ncap);
        if (nb == NULL)
            return;
        if (t->len > 0)
            memcpy(nb, t->buf, t->len);
        hli_mem_free(&t->vm->mem, t->buf, t->cap);
        t->buf = nb;
        t->cap = ncap;
    }
    memcpy(t->buf + t->len, s, n);
    t->len += n;
    t->buf[t->len] = 0;
}

/* Appends UTF-16 text as UTF-8 (lone surrogates become U+FFFD). */
static void text_put_utf16(text *t, const hli_uchar *s, int32_t len) {
    for (int32_t i = 0; i < len; i++) {
        uint32_t c = s[i];
        if (c >= 0xD800 && c < 0xDC00 && i + 1 < len && s[i + 1] >= 0xDC00 && s[i + 1] < 0xE000)
            c = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
        else if (c >= 0xD800 && c < 0xE000)
            c = 0xFFFD;
        char u[4];
        size_t n;
        if (c < 0x80)
            u[0] = (char)c, n = 1;
        else if (c < 0x800)
            u[0] = (char)(0xC0 | c >> 6), u[1] = (char)(0x80 | (c & 63)), n = 2;
        else if (c < 0x10000)
            u[0] = (char)(0xE0 | c >> 12), u[1] = (char)(0x80 | ((c >> 6) & 63)), u[2] = (char)(0x80 | (c & 63)), n = 3;
        else
            u[0] = (char)(0xF0 | c >> 18), u[1] = (char)(0x80 | ((c >> 12) & 63)),
            u[2] = (char)(0x80 | ((c >> 6) & 63)), u[3] = (char)(0x80 | (c & 63)), n = 4;
        text_put(t, u, n);
    }
}

void hli_clear_exception(hlffi_vm *vm) {
    hli_mem_free(&vm->mem, vm->exc_message, vm->exc_message_size);
    hli_mem_free(&vm->mem, vm->exc_stack, vm->exc_stack_size);
    vm->exc_message = vm->exc_stack = NULL;
    vm->exc_message_size = vm->exc_stack_size = 0;
}

hlffi_error_code hli_report_exception(hlffi_vm *vm) {
    hli_thread *th = vm->main_thread;
    vdynamic *v = th->exc_value;
    hli_stack_entry stack[HLI_MAX_EXC_STACK];
    uint32_t nstack = th->exc_stack_count;
    memcpy(stack, th->exc_stack, nstack * sizeof stack[0]);
    hli_clear_exception(vm);
    text msg = {vm, NULL, 0, 0}, stk = {vm, NULL, 0, 0};
    hli_root_push(th, &v);
    hli_uchar *s = NULL;
    int32_t len = 0;
    if (hli_to_string(th, v, &s, &len) == HLI_OK)
        text_put_utf16(&msg, s, len);
    else
        text_put(&msg, "<exception whose printing threw>", 32);
    hli_root_pop(th, 1);
    if (vm->module->has_debug) {
        char line[512];
        for (uint32_t i = 0; i < nstack; i++) {
            hli_format_stack_entry(vm, &stack[i], line, sizeof line);
            text_put(&stk, "Called from ", 12);
            text_put(&stk, line, strlen(line));
            text_put(&stk, "\n", 1);
        }
    }
    if (msg.buf == NULL)
        text_put(&msg, "", 0);
    if (stk.buf == NULL)
        text_put(&stk, "", 0);
    vm->exc_message = msg.buf, vm->exc_message_size = msg.cap;
    vm->exc_stack = stk.buf, vm->exc_stack_size = stk.cap;
    th->exc_value = NULL;
    return HLI_VM_FAIL(vm, HLFFI_ERROR_EXCEPTION_THROWN, "%s", vm->exc_message ? vm->exc_message : "exception");
}
