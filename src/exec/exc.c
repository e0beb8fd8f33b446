/* Exceptions: throwing values and HashLink's runtime errors (bytes boxes, hl-spec.md 7.1), capturing
 * the call stack, and formatting stack entries as HashLink names them (7.3). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "exec/code.h"
#include "exec/exec.h"
#include "rt/rt.h"

uint32_t hli_capture_stack(hli_thread *th, hli_stack_entry *out, uint32_t max) {
    uint32_t n = 0;
    for (uint32_t i = th->nframes; i > 0 && n < max; i--) {
        const hli_frame *fr = &th->frames[i - 1];
        out[n].fn = fr->fn;
        out[n].pc = (uint32_t)(fr->pc - fr->fn->code->ops);
        n++;
    }
    return n;
}

hli_status hli_throw(hli_thread *th, vdynamic *v) {
    if (!th->rethrow)
        th->exc_stack_count = hli_capture_stack(th, th->exc_stack, HLI_MAX_EXC_STACK);
    th->rethrow = false;
    th->exc_value = v;
    return HLI_EXC;
}

hli_status hli_throw_oom(hli_thread *th, size_t request) {
    (void)request;
    if (th->vm->oom_error == NULL) {
        th->abort_kind = HLI_ABORT_OOM;
        return HLI_ABORT;
    }
    return hli_throw(th, th->vm->oom_error);
}

/* A bytes box holding the UTF-16 form of a UTF-8 message: how HashLink throws runtime errors. */
static vdynamic *error_value(hli_thread *th, const char *msg) {
    size_t n = strlen(msg), units = hli_utf8_to_utf16(msg, n, NULL);
    hli_uchar *text = hli_alloc(th, (units + 1) * sizeof(hli_uchar), HLI_GC_NOPTR);
    if (text == NULL)
        return NULL;
    hli_utf8_to_utf16(msg, n, text);
    text[units] = 0;
    hli_root_push(th, &text);
    vdynamic *box = hli_alloc_box(th, HLI_T(bytes));
    hli_root_pop(th, 1);
    if (box == NULL)
        return NULL;
    box->v.bytes = (uint8_t *)text;
    return box;
}

hli_status hli_throw_error(hli_thread *th, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    vdynamic *v = error_value(th, msg);
    if (v == NULL)
        return hli_throw_oom(th, 0);
    return hli_throw(th, v);
}

/* The owner name of a function for stack traces: its class's name (UTF-8, module-owned). */
static const char *owner_name(const hli_module *m, const hli_fn *fn) {
    return hli_module_string(m, fn->owner->u.obj->name, NULL);
}

void hli_format_stack_entry(hlffi_vm *vm, const hli_stack_entry *e, char *buf, size_t size) {
    const hli_module *m = vm->module;
    const hli_fn *fn = e->fn;
    if (fn->findex == m->entrypoint) {
        snprintf(buf, size, ".init(?:1)");
        return;
    }
    char name[256];
    if (fn->owner != NULL)
        snprintf(name, sizeof name, "%s.%s", owner_name(m, fn), hli_module_string(m, fn->owner_field, NULL));
    else if (fn->parent != NULL)
        snprintf(name, sizeof name, "%s.~%s.%u", owner_name(m, fn->parent),
                 hli_module_string(m, fn->parent->owner_field, NULL), (unsigned)fn->anon_index);
    else
        snprintf(name, sizeof name, "fun$%u", (unsigned)fn->findex);
    const char *file = "?";
    uint32_t line = 0;
    if (m->has_debug && fn->src != NULL && e->pc < fn->src->nops) {
        /* Decode just enough of the function's line info: the entries up to pc. */
        uint32_t files[1], lines[1];
        hli_function src_prefix = *fn->src;
        src_prefix.nops = e->pc + 1;
        uint32_t *fbuf = hli_mem_array(&vm->mem, src_prefix.nops, sizeof(uint32_t));
        uint32_t *lbuf = hli_mem_array(&vm->mem, src_prefix.nops, sizeof(uint32_t));
        if (fbuf != NULL && lbuf != NULL) {
            hli_function_debug_lines(m, &src_prefix, fbuf, lbuf);
            files[0] = fbuf[e->pc];
            lines[0] = lbuf[e->pc];
            file = hli_module_debugfile(m, files[0]);
            line = lines[0];
        }
        hli_mem_free(&vm->mem, fbuf, src_prefix.nops * sizeof(uint32_t));
        hli_mem_free(&vm->mem, lbuf, src_prefix.nops * sizeof(uint32_t));
    }
    snprintf(buf, size, "%s(%s:%u)", name, file, (unsigned)line);
}
