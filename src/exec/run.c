/* Running a module: preparing it (link, collector, main thread, constants: hl-spec.md 6.1) and calling
 * its entry point with an outermost handler, turning an uncaught exception or Sys.exit into results
 * the host can read. */
#include <stdlib.h>
#include <string.h>

#include "exec/code.h"
#include "exec/exec.h"
#include "exec/link.h"
#include "exec/poll.h"
#include "rt/rt.h"

/* Builds the constant objects of hl-spec.md 1.11 (string literals) into their globals. */
static hli_status build_constants(hli_thread *th) {
    hlffi_vm *vm = th->vm;
    hli_program *p = vm->prog;
    const hli_module *m = p->m;
    for (uint32_t i = 0; i < m->nconstants; i++) {
        const hli_constant *c = &m->constants[i];
        hli_type *t = m->globals[c->global];
        vobj *o = hli_alloc_obj(th, t);
        if (o == NULL)
            return HLI_EXC;
        for (uint32_t k = 0; k < c->nfields; k++) {
            const hli_field *fd = hli_obj_field(t, k);
            uint8_t *addr = (uint8_t *)o + t->u.obj->rt->fields_indexes[k];
            uint32_t v = c->fields[k];
            switch (fd->type->kind) {
            case HI32: memcpy(addr, &m->ints[v], 4); break;
            case HBOOL: *addr = v != 0; break;
            case HF64: memcpy(addr, &m->floats[v], 8); break;
            case HBYTES: {
                const hli_uchar *s = hli_ustring(vm, v, NULL);
                if (s == NULL)
                    return hli_throw_oom(th, 0);
                memcpy(addr, &s, sizeof s);
                break;
            }
            case HTYPE: {
                hli_type *tv = &m->types[v];
                memcpy(addr, &tv, sizeof tv);
                break;
            }
            default: memcpy(addr, p->globals + p->globals_offset[v], sizeof(void *)); break;
            }
        }
        memcpy(p->globals + p->globals_offset[c->global], &o, sizeof o);
    }
    return HLI_OK;
}

/* The default print hook: the process's standard streams. */
static void default_print(void *userdata, const char *utf8, size_t len, bool is_stderr) {
    (void)userdata;
    FILE *f = is_stderr ? stderr : stdout;
    fwrite(utf8, 1, len, f);
    fflush(f);
}

void hli_vm_print(hlffi_vm *vm, const void *s, size_t n, bool is_stderr) {
    if (n > 0)
        (vm->print != NULL ? vm->print : default_print)(vm->print_userdata, s, n, is_stderr);
}

hlffi_error_code hli_prepare(hlffi_vm *vm) {
    if (vm->prog != NULL)
        return HLFFI_OK;
    if (vm->print == NULL)
        vm->print = default_print;
    hlffi_error_code rc = hli_link(vm);
    if (rc != HLFFI_OK) {
        hli_teardown(vm);
        return rc;
    }
    vm->gc = hli_gc_create(&vm->mem, hli_exec_roots, hli_rt_trace, vm);
    vm->main_thread = vm->gc != NULL ? hli_thread_new(vm) : NULL;
    if (vm->main_thread == NULL) {
        hli_teardown(vm);
        return HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while preparing the VM");
    }
    const char *stress = getenv("HLFFI_GC_STRESS");
    if (stress != NULL && atoi(stress) > 0)
        hli_gc_set_stress(vm->gc, (uint32_t)atoi(stress), getenv("HLFFI_GC_STRESS_RANDOM") != NULL);
    hli_thread *th = vm->main_thread;
    /* The out-of-memory error is made before anything can run out of memory. */
    hli_root_push(th, &vm->oom_error);
    hli_status st = hli_throw_error(th, "Out of memory");
    (void)st;
    vm->oom_error = th->exc_value;
    th->exc_value = NULL;
    hli_root_pop(th, 1);
    if (vm->oom_error == NULL || build_constants(th) != HLI_OK) {
        hli_teardown(vm);
        return HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while building the constants");
    }
    return HLFFI_OK;
}

void hli_teardown(hlffi_vm *vm) {
    hli_thread_free(vm->main_thread);
    vm->main_thread = NULL;
    vm->oom_error = NULL;
    vm->thread_handle = NULL;
    hli_gc_destroy(vm->gc);
    vm->gc = NULL;
    hli_unlink(vm);
}

hlffi_error_code hli_run_entry(hlffi_vm *vm) {
    hlffi_error_code rc = hli_prepare(vm);
    if (rc != HLFFI_OK)
        return rc;
    if (!vm->entry_runs_event_loop && (rc = hli_entry_skip_event_loop(vm)) != HLFFI_OK)
        return rc;
    hli_thread *th = vm->main_thread;
    hli_fn *entry = &vm->prog->fns[vm->module->entrypoint];
    th->exc_value = NULL;
    hli_status st = hli_call_fn(th, entry, NULL, 0, NULL);
    vm->entry_done = true;
    if (st == HLI_OK)
        return HLFFI_OK;
    if (st == HLI_ABORT && th->abort_kind == HLI_ABORT_EXIT) {
        vm->exited = true;
        return HLFFI_OK;
    }
    if (st == HLI_ABORT)
        return hli_poll_abort_error(vm);
    return hli_report_exception(vm);
}
