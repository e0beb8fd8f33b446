/* The linker (see link.h): module -> program. Order follows HashLink's module init (hl-spec.md 6.1):
 * function table and natives, globals, naming, runtime type data, decoding; constants are built by
 * hli_link_constants once a thread exists to allocate them. */
#include <stdio.h>
#include <string.h>

#include "exec/code.h"
#include "exec/link.h"
#include "rt/rt.h"
#include "std/natives.h"
#include "std/std_families.h"

/* The HLFFI_NATIVES_* family of a VM native (std_families.h), 0 for none. */
static unsigned native_family(const char *lib, const char *name) {
    static const struct {
        const char *name; /* a trailing '_' makes it a prefix */
        unsigned family;
    } table[] = {
#define HLI_SYSTEM_NATIVE(n, fam) {n, fam},
        HLI_STD_SYSTEM_NATIVES(HLI_SYSTEM_NATIVE)
#undef HLI_SYSTEM_NATIVE
    };
    if (strcmp(lib, "std") != 0)
        return 0;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        size_t n = strlen(table[i].name);
        if (table[i].name[n - 1] == '_' ? strncmp(name, table[i].name, n) == 0 : strcmp(name, table[i].name) == 0)
            return table[i].family;
    }
    return 0;
}

/* Resolves every native against the VM's registry, checking signatures (hl-spec.md 6.5). */
static hlffi_error_code resolve_natives(hlffi_vm *vm, hli_program *p) {
    const hli_module *m = p->m;
    for (uint32_t i = 0; i < m->nnatives; i++) {
        const hli_native *n = &m->natives[i];
        hli_fn *fn = &p->fns[n->findex];
        const char *lib = hli_module_string(m, n->lib, NULL);
        const char *name = hli_module_string(m, n->name, NULL);
        fn->lib = lib;
        fn->name = name;
        /* The host's natives first (per VM, signature-checked by the API layer that registered them). */
        int host = vm->host_natives != NULL ? vm->host_natives(vm, fn, lib[0] == '?' ? lib + 1 : lib, name) : 0;
        if (host < 0)
            return vm->error.code;
        if (host > 0)
            continue;
        const hli_native_def *def = hli_std_find(lib[0] == '?' ? lib + 1 : lib, name);
        if (def == NULL) {
            fn->kind = HLI_FN_MISSING;
            continue;
        }
        char sig[256];
        hli_type_signature(m, n->type, sig, sizeof sig);
        if (strcmp(sig, def->sig) != 0) {
            char readable[256];
            return HLI_VM_FAIL(vm, HLFFI_ERROR_MODULE_LOAD_FAILED,
                               "native %s@%s: the module declares %s (signature %s) but this VM provides %s",
                               lib, name, hli_type_str(m, n->type, readable, sizeof readable), sig, def->sig);
        }
        if ((native_family(def->lib, name) & vm->denied_natives) != 0) {
            fn->kind = HLI_FN_MISSING; /* calling it throws "... is denied by the host" (hli_native_call) */
            fn->denied = true;
            continue;
        }
        fn->kind = HLI_FN_NATIVE;
        fn->native = def->fn;
    }
    if (vm->strict_natives) {
        char list[HLI_ERROR_TEXT_MAX - 64];
        uint32_t missing = hli_missing_natives(vm, list, sizeof list);
        if (missing > 0)
            return HLI_VM_FAIL(vm, HLFFI_ERROR_MODULE_LOAD_FAILED, "%u natives are not provided: %s",
                               (unsigned)missing, list);
    }
    return HLFFI_OK;
}

uint32_t hli_missing_natives(const hlffi_vm *vm, char *buf, size_t size) {
    const hli_program *p = vm->prog;
    uint32_t count = 0;
    size_t len = 0;
    if (size > 0)
        buf[0] = 0;
    for (uint32_t i = 0; p != NULL && i < p->m->nnatives; i++) {
        const hli_fn *fn = &p->fns[p->m->natives[i].findex];
        if (fn->kind != HLI_FN_MISSING)
            continue;
        count++;
        int n = snprintf(buf + len, size > len ? size - len : 0, "%s%s@%s%s", count > 1 ? ", " : "", fn->lib,
                         fn->name, fn->denied ? " (denied by the host)" : "");
        if (n > 0)
            len = len + (size_t)n < size ? len + (size_t)n : size;
    }
    return count;
}

/* Owner names for stack traces (hl-spec.md 7.3): methods and bound fields name their function; then
 * anonymous functions take the nearest named function up their parent chain, in file order. */
static void name_functions(hlffi_vm *vm, hli_program *p) {
    const hli_module *m = p->m;
    for (uint32_t i = 0; i < m->ntypes; i++) {
        hli_type *t = &m->types[i];
        if (t->kind != HOBJ && t->kind != HSTRUCT)
            continue;
        const hli_type_obj *o = t->u.obj;
        for (uint32_t k = 0; k < o->nproto; k++) {
            hli_fn *fn = &p->fns[o->proto[k].findex];
            fn->owner = t;
            fn->owner_field = o->proto[k].name;
        }
        for (uint32_t k = 0; k < o->nbindings; k++) {
            const hli_field *fd = hli_obj_field(t, o->bindings[k].field);
            if (fd != NULL && (fd->type->kind == HFUN || fd->type->kind == HDYN)) {
                hli_fn *fn = &p->fns[o->bindings[k].findex];
                fn->owner = t;
                fn->owner_field = fd->name;
            }
        }
    }
    uint32_t max_ops, max_extra;
    hli_module_decode_sizes(m, &max_ops, &max_extra);
    hli_op *ops = hli_mem_array(&vm->mem, max_ops, sizeof(hli_op));
    int32_t *extra = hli_mem_array(&vm->mem, max_extra, sizeof(int32_t));
    uint32_t *counters = hli_mem_array(&vm->mem, m->nfunctions + m->nnatives, sizeof(uint32_t));
    if (ops != NULL && extra != NULL && counters != NULL) {
        for (uint32_t i = 0; i < m->nfunctions; i++) {
            const hli_function *f = &m->functions[i];
            hli_fn *fn = &p->fns[f->findex];
            hli_fn *named = fn->owner != NULL ? fn : fn->parent;
            if (named == NULL)
                continue;
            hli_function_decode(m, f, ops, extra);
            for (uint32_t k = 0; k < f->nops; k++) {
                const hli_op *o = &ops[k];
                bool refers = (o->op >= OCall0 && o->op <= OCallN) || o->op == OStaticClosure ||
                              o->op == OInstanceClosure;
                if (!refers)
                    continue;
                hli_fn *target = &p->fns[o->p2];
                if (target->kind != HLI_FN_BYTECODE || target->owner != NULL)
                    continue;
                target->parent = named;
                target->anon_index = counters[named->findex]++;
            }
        }
    }
    hli_mem_free(&vm->mem, ops, max_ops * sizeof(hli_op));
    hli_mem_free(&vm->mem, extra, max_extra * sizeof(int32_t));
    hli_mem_free(&vm->mem, counters, (m->nfunctions + m->nnatives) * sizeof(uint32_t));
}

vclosure *hli_program_static_closure(hlffi_vm *vm, hli_program *p, uint32_t findex) {
    if (p->static_closures[findex] == NULL) {
        vclosure *c = hli_mem_alloc(&vm->mem, sizeof(vclosure));
        if (c == NULL)
            return NULL;
        c->t = p->fns[findex].type;
        c->fun = &p->fns[findex];
        p->static_closures[findex] = c;
    }
    return p->static_closures[findex];
}

hlffi_error_code hli_link(hlffi_vm *vm) {
    hli_module *m = vm->module;
    hli_program *p = hli_mem_alloc(&vm->mem, sizeof *p);
    if (p == NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while linking");
    vm->prog = p;
    p->m = m;
    uint32_t nfn = m->nfunctions + m->nnatives;
    p->fns = hli_mem_array(&vm->mem, nfn, sizeof(hli_fn));
    p->static_closures = hli_mem_array(&vm->mem, nfn, sizeof(vclosure *));
    p->globals_offset = hli_mem_array(&vm->mem, m->nglobals ? m->nglobals : 1, sizeof(uint32_t));
    p->globals_size = (size_t)(m->nglobals ? m->nglobals : 1) * sizeof(hli_reg);
    p->globals = hli_mem_alloc(&vm->mem, p->globals_size);
    if (p->fns == NULL || p->static_closures == NULL || p->globals_offset == NULL || p->globals == NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while linking");
    /* Globals: one 8-byte slot each (every value fits), zeroed. */
    for (uint32_t g = 0; g < m->nglobals; g++)
        p->globals_offset[g] = g * (uint32_t)sizeof(hli_reg);
    for (uint32_t i = 0; i < nfn; i++) {
        hli_fn *fn = &p->fns[i];
        fn->findex = i;
        fn->type = hli_module_findex_type(m, i);
        fn->owner_field = UINT32_MAX;
        const hli_function *f = hli_module_function(m, i);
        if (f != NULL) {
            fn->kind = HLI_FN_BYTECODE;
            fn->src = f;
        }
    }
    for (uint32_t i = 0; i < m->ntypes; i++) {
        hli_type *t = &m->types[i];
        if (t->kind == HOBJ && strcmp(hli_module_string(m, t->u.obj->name, NULL), "String") == 0)
            p->string_type = t;
    }
    hlffi_error_code rc = resolve_natives(vm, p);
    if (rc != HLFFI_OK)
        return rc;
    name_functions(vm, p);
    if ((rc = hli_rt_link(vm, p, &vm->error)) != HLFFI_OK)
        return rc;
    return hli_decode_program(vm, p, &vm->error);
}

void hli_unlink(hlffi_vm *vm) {
    hli_program *p = vm->prog;
    if (p == NULL)
        return;
    const hli_module *m = p->m;
    uint32_t nfn = m->nfunctions + m->nnatives;
    if (p->fns != NULL) {
        hli_free_code(vm, p);
        hli_rt_unlink(vm, p);
    }
    for (uint32_t i = 0; p->static_closures != NULL && i < nfn; i++)
        hli_mem_free(&vm->mem, p->static_closures[i], sizeof(vclosure));
    hli_mem_free(&vm->mem, p->fns, nfn * sizeof(hli_fn));
    hli_mem_free(&vm->mem, p->static_closures, nfn * sizeof(vclosure *));
    hli_mem_free(&vm->mem, p->globals_offset, (m->nglobals ? m->nglobals : 1) * sizeof(uint32_t));
    hli_mem_free(&vm->mem, p->globals, p->globals_size);
    hli_mem_free(&vm->mem, p, sizeof *p);
    vm->prog = NULL;
}
