/* Public enum functions (hlffi-api.md "Enums"): constructors of an enum type by name, and enum values
 * (venum, hl-spec.md 4.7) read and made from C. A parameterless constructor is one shared value per VM:
 * the entry point stores it in the enum's Enum object (`__evalues__`) and in the global that `E.A`
 * reads (hl-spec.md 6.3), so C hands out that very value and Haxe's `==` (a pointer comparison) sees
 * it as equal. */
#include <stdio.h>
#include <string.h>

#include "api/api_call.h"
#include "api/api_types.h"
#include "rt/rt.h"

#define ARGS_ON_STACK 16

/* The enum type named type_name; NULL with the error set (INVALID_TYPE when the name is another kind). */
static hli_type *enum_named(hlffi_vm *vm, const char *type_name) {
    hli_type *t = hli_api_lookup_type(vm, type_name);
    if (t != NULL && t->kind != HENUM) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "%s is not an enum", type_name);
        return NULL;
    }
    return t;
}

/* Constructor `index` of the enum named type_name (*t receives the enum type, *th when not NULL the VM's
 * thread), or NULL with the error set: nothing for a NULL vm, NOT_INITIALIZED, as enum_named,
 * INVALID_ARGUMENT for an index out of range. */
static const hli_enum_construct *construct_named(hlffi_vm *vm, const char *type_name, int index, hli_type **t,
                                                 hli_thread **th) {
    hli_thread *thread = vm != NULL ? hli_api_thread(vm) : NULL;
    if (th != NULL)
        *th = thread;
    if (thread == NULL || (*t = enum_named(vm, type_name)) == NULL)
        return NULL;
    const hli_type_enum *te = (*t)->u.tenum;
    if (index < 0 || (uint32_t)index >= te->nconstructs) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s has no constructor %d (it has %u)", type_name, index,
                    te->nconstructs);
        return NULL;
    }
    return &te->constructs[index];
}

/* The enum value a handle holds (declared as the enum, Null<E> or Dynamic); NULL with the error set:
 * INVALID_ARGUMENT for a freed or stale handle (a NULL one has no VM to record it on), NULL_VALUE,
 * INVALID_TYPE. */
static venum *enum_value(const hli_handle *h, const char *fn) {
    if (h == NULL || h->t == NULL) {
        if (h != NULL)
            HLI_VM_FAIL(h->vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s: %s", fn, hli_api_handle_fault(h));
        return NULL;
    }
    hli_kind k = h->t->kind;
    if (k == HENUM || k == HDYN || k == HNULL) {
        venum *e = h->v.p;
        if (e == NULL) {
            HLI_VM_FAIL(h->vm, HLFFI_ERROR_NULL_VALUE, "%s: the value is null", fn);
            return NULL;
        }
        if (e->t->kind == HENUM && e->index >= 0 && (uint32_t)e->index < e->t->u.tenum->nconstructs)
            return e;
    }
    char buf[128];
    HLI_VM_FAIL(h->vm, HLFFI_ERROR_INVALID_TYPE, "%s: not an enum value (%s)", fn,
                hli_rt_type_str(h->vm, hli_api_value_runtime_type(h), buf, sizeof buf));
    return NULL;
}

static const hli_enum_construct *value_construct(const venum *e) {
    return &e->t->u.tenum->constructs[e->index];
}

HLFFI_API int hlffi_enum_get_construct_count(hlffi_vm *vm, const char *type_name) {
    if (vm == NULL)
        return -1;
    hli_type *t = enum_named(vm, type_name);
    return t != NULL ? (int)t->u.tenum->nconstructs : -1;
}

HLFFI_API char *hlffi_enum_get_construct_name(hlffi_vm *vm, const char *type_name, int index) {
    hli_type *t;
    const hli_enum_construct *c = construct_named(vm, type_name, index, &t, NULL);
    return c != NULL ? hli_api_strdup(vm, hli_module_string(vm->module, c->name, NULL)) : NULL;
}

HLFFI_API int hlffi_enum_get_index(hlffi_value *value) {
    venum *e = enum_value(hli_handle_of(value), "hlffi_enum_get_index");
    return e != NULL ? e->index : -1;
}

HLFFI_API char *hlffi_enum_get_name(hlffi_value *value_ref) {
    hli_handle *value = hli_handle_of(value_ref);
    venum *e = enum_value(value, "hlffi_enum_get_name");
    return e != NULL ? hli_api_strdup(value->vm, hli_module_string(value->vm->module, value_construct(e)->name, NULL)) : NULL;
}

HLFFI_API int hlffi_enum_get_param_count(hlffi_value *value) {
    venum *e = enum_value(hli_handle_of(value), "hlffi_enum_get_param_count");
    return e != NULL ? (int)value_construct(e)->nparams : -1;
}

HLFFI_API hlffi_value *hlffi_enum_get_param(hlffi_value *value_ref, int param_index) {
    hli_handle *value = hli_handle_of(value_ref);
    venum *e = enum_value(value, "hlffi_enum_get_param");
    if (e == NULL)
        return NULL;
    const hli_enum_construct *c = value_construct(e);
    if (param_index < 0 || (uint32_t)param_index >= c->nparams) {
        HLI_VM_FAIL(value->vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s has no parameter %d (it has %u)",
                    hli_module_string(value->vm->module, c->name, NULL), param_index, c->nparams);
        return NULL;
    }
    hli_type *pt = c->params[param_index];
    hli_reg r;
    memset(&r, 0, sizeof r);
    memcpy(&r, (const uint8_t *)e + c->offsets[param_index], hli_type_size(pt));
    return hli_handle_new(value->vm, pt, &r);
}

HLFFI_API bool hlffi_enum_is(hlffi_value *value, int index) {
    venum *e = enum_value(hli_handle_of(value), "hlffi_enum_is");
    return e != NULL && e->index == index;
}

HLFFI_API bool hlffi_enum_is_named(hlffi_value *value_ref, const char *name) {
    hli_handle *value = hli_handle_of(value_ref);
    venum *e = enum_value(value, "hlffi_enum_is_named");
    if (e == NULL)
        return false;
    if (name == NULL) {
        HLI_VM_FAIL(value->vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_enum_is_named: the name is NULL");
        return false;
    }
    return strcmp(hli_module_string(value->vm->module, value_construct(e)->name, NULL), name) == 0;
}

/* The shared value of parameterless constructor `index` of t: `__evalues__[index]` of the enum's Enum
 * object. An enum without an Enum object (none in the module) has no shared value: a new one is made,
 * as the bytecode would. NULL with the error set (NOT_INITIALIZED before the entry point made it). */
static venum *shared_value(hlffi_vm *vm, hli_thread *th, hli_type *t, int index, const char *type_name) {
    const hli_type_enum *te = t->u.tenum;
    if (te->global != 0) {
        hli_program *p = vm->prog;
        vobj *eobj;
        memcpy(&eobj, p->globals + p->globals_offset[te->global - 1], sizeof eobj);
        if (eobj == NULL) {
            HLI_VM_FAIL(vm, HLFFI_ERROR_NOT_INITIALIZED,
                        "enum %s is not initialised yet (call hlffi_call_entry first)", type_name);
            return NULL;
        }
        uint32_t fid;
        hli_type *ft;
        varray *vals = NULL;
        if (eobj->t->kind == HOBJ && hli_api_find_field(vm, eobj->t, "__evalues__", &fid, &ft) && ft->kind == HARRAY)
            memcpy(&vals, (uint8_t *)eobj + eobj->t->u.obj->rt->fields_indexes[fid], sizeof vals);
        if (vals != NULL && index < vals->size) {
            venum *v = hli_aptr(vals, venum *)[index];
            if (v != NULL && v->t == t && v->index == index)
                return v;
        }
    }
    venum *v = hli_alloc_enum(th, t, index);
    if (v == NULL) {
        th->exc_value = NULL;
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory making an enum value");
    }
    return v;
}

HLFFI_API hlffi_value *hlffi_enum_alloc_simple(hlffi_vm *vm, const char *type_name, int index) {
    hli_thread *th;
    hli_type *t;
    const hli_enum_construct *c = construct_named(vm, type_name, index, &t, &th);
    if (c == NULL)
        return NULL;
    if (c->nparams != 0) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_MISMATCH, "%s.%s takes %u parameter%s (use hlffi_enum_alloc)", type_name,
                    hli_module_string(vm->module, c->name, NULL), c->nparams, c->nparams == 1 ? "" : "s");
        return NULL;
    }
    venum *v = shared_value(vm, th, t, index, type_name);
    hli_reg r = {.p = v};
    return v != NULL ? hli_handle_new(vm, t, &r) : NULL;
}

HLFFI_API hlffi_value *hlffi_enum_alloc(hlffi_vm *vm, const char *type_name, int index, int nparam,
                                        hlffi_value **params) {
    hli_thread *th;
    hli_type *t;
    const hli_enum_construct *c = construct_named(vm, type_name, index, &t, &th);
    if (c == NULL)
        return NULL;
    const char *cname = hli_module_string(vm->module, c->name, NULL);
    if (nparam < 0 || (nparam > 0 && params == NULL)) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s.%s: nparam is %d and params %s", type_name, cname, nparam,
                    params == NULL ? "NULL" : "set");
        return NULL;
    }
    if ((uint32_t)nparam != c->nparams) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_MISMATCH, "%s.%s takes %u parameter%s, %d given", type_name, cname,
                    c->nparams, c->nparams == 1 ? "" : "s", nparam);
        return NULL;
    }
    if (nparam == 0)
        return hlffi_enum_alloc_simple(vm, type_name, index);
    hli_reg stack_args[ARGS_ON_STACK], *args = stack_args;
    if (c->nparams > ARGS_ON_STACK && (args = hli_mem_array(&vm->mem, c->nparams, sizeof *args)) == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory for the parameters");
        return NULL;
    }
    memset(args, 0, c->nparams * sizeof *args);
    hli_root_range_push(th, args, c->nparams * sizeof *args); /* conversions and the value allocate */
    hlffi_value *result = NULL;
    bool ok = true;
    for (uint32_t i = 0; i < c->nparams && ok; i++)
        ok = hli_api_arg(vm, th, params[i], c->params[i], &args[i], cname, i);
    if (ok) {
        venum *e = hli_alloc_enum(th, t, index);
        if (e == NULL) {
            th->exc_value = NULL;
            HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory making an enum value");
        } else {
            for (uint32_t i = 0; i < c->nparams; i++)
                memcpy((uint8_t *)e + c->offsets[i], &args[i], hli_type_size(c->params[i]));
            hli_reg r = {.p = e};
            result = hli_handle_new(vm, t, &r);
        }
    }
    hli_root_range_pop(th);
    if (args != stack_args)
        hli_mem_free(&vm->mem, args, c->nparams * sizeof *args);
    return result;
}
