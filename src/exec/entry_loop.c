/* Haxe 4.2.5 ends every HashLink entry point with a call to the main thread's event loop
 * (`sys.thread.Thread.processEvents()`, which runs timers, MainLoop callbacks and queued events until
 * none are left). `hlffi run` keeps that, as `hl` does. An embedding host does not: the contract says
 * hlffi_call_entry returns once main() has returned, and the host pumps the events itself (hlffi_update,
 * the event-loop milestone). So, unless the VM asks for the loop, that final call is turned into a
 * no-op in the entry function's decoded code before it runs. */
#include <string.h>

#include "exec/code.h"
#include "exec/exec.h"

#define EVENT_LOOP_OWNER "sys.thread._Thread.$Thread_Impl_"
#define EVENT_LOOP_FIELD "processEvents"

/* Whether fn is the event loop's entry (by its owner class and field name). */
static bool is_event_loop(const hli_module *m, const hli_fn *fn) {
    if (fn->owner == NULL || fn->owner_field == UINT32_MAX || fn->owner->kind != HOBJ)
        return false;
    return strcmp(hli_module_string(m, fn->owner->u.obj->name, NULL), EVENT_LOOP_OWNER) == 0 &&
           strcmp(hli_module_string(m, fn->owner_field, NULL), EVENT_LOOP_FIELD) == 0;
}

hlffi_error_code hli_entry_skip_event_loop(hlffi_vm *vm) {
    const hli_module *m = vm->module;
    hli_fn *entry = &vm->prog->fns[m->entrypoint];
    if (entry->kind != HLI_FN_BYTECODE || entry->code == NULL)
        return HLFFI_OK;
    const hli_function *f = entry->src;
    if (f->nops < 2 || entry->code->nops != f->nops)
        return HLFFI_OK;
    hli_op *ops = hli_mem_array(&vm->mem, f->nops, sizeof *ops);
    int32_t *extra = f->nextra > 0 ? hli_mem_array(&vm->mem, f->nextra, sizeof *extra) : NULL;
    if (ops == NULL || (f->nextra > 0 && extra == NULL)) {
        hli_mem_free(&vm->mem, ops, f->nops * sizeof *ops);
        hli_mem_free(&vm->mem, extra, f->nextra * sizeof *extra);
        return HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory preparing the entry point");
    }
    hli_function_decode(m, f, ops, extra);
    /* The pattern genhl emits: ... OCall0 rX processEvents; ORet rY (the last two ops). */
    uint32_t pc = f->nops - 2;
    hli_iop *call = &entry->code->ops[pc];
    if (ops[pc + 1].op == ORet && ops[pc].op == OCall0 && (uint32_t)ops[pc].p2 < m->nfunctions + m->nnatives &&
        is_event_loop(m, &vm->prog->fns[ops[pc].p2]) && call->op == XCALL && call[1].op == XRET) {
        const int32_t *handlers = hli_interp_handlers();
        call->op = XNOP;
        if (handlers != NULL)
            call->handler = handlers[XNOP];
    }
    hli_mem_free(&vm->mem, ops, f->nops * sizeof *ops);
    hli_mem_free(&vm->mem, extra, f->nextra * sizeof *extra);
    return HLFFI_OK;
}
