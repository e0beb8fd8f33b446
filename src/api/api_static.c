/* Public static-member functions (hlffi-api.md "Static members"): a class is found by its full dotted
 * name through its statics type (`pkg.$Cls`, hl-spec.md 6.4) in a name index built once per VM; static
 * variables are fields of the class object (the global of that type), static methods the functions
 * bound to the statics type's fields. */
#include <stdio.h>
#include <string.h>

#include "api/handles.h"
#include "api/api_internal.h"
#include "rt/rt.h"

/* One class: its dotted name (VM memory), statics type and class-object global (1-based, 0: none). */
typedef struct hli_class_entry {
    char *name;
    size_t name_size;
    hli_type *statics;
    uint32_t global;
} hli_class_entry;

/* Open addressing, linear probing; cap is a power of two at least twice the count. */
struct hli_class_index {
    hli_class_entry *e;
    uint32_t cap;
};

void hli_class_index_free(hlffi_vm *vm) {
    struct hli_class_index *ci = vm->classes;
    if (ci == NULL)
        return;
    for (uint32_t i = 0; i < ci->cap; i++)
        hli_mem_free(&vm->mem, ci->e[i].name, ci->e[i].name_size);
    hli_mem_free(&vm->mem, ci->e, ci->cap * sizeof *ci->e);
    hli_mem_free(&vm->mem, ci, sizeof *ci);
    vm->classes = NULL;
}


static uint32_t name_hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

/* The slot of `name`: its entry, or the empty slot where it would go. */
static hli_class_entry *index_slot(struct hli_class_index *ci, const char *name) {
    uint32_t mask = ci->cap - 1;
    for (uint32_t i = name_hash(name) & mask;; i = (i + 1) & mask)
        if (ci->e[i].name == NULL || strcmp(ci->e[i].name, name) == 0)
            return &ci->e[i];
}

/* The start of the last path component of a type name if it is a statics type ("pkg.$Cls"), else NULL. */
static const char *statics_component(const hli_module *m, const hli_type *t) {
    if (t->kind != HOBJ)
        return NULL;
    const char *s = hli_module_string(m, t->u.obj->name, NULL);
    const char *dot = strrchr(s, '.');
    const char *c = dot != NULL ? dot + 1 : s;
    return c[0] == '$' && c[1] != 0 ? c : NULL;
}

static hlffi_error_code build_index(hlffi_vm *vm) {
    const hli_module *m = vm->prog->m;
    uint32_t count = 0;
    for (uint32_t i = 0; i < m->ntypes; i++)
        count += statics_component(m, &m->types[i]) != NULL;
    struct hli_class_index *ci = hli_mem_alloc(&vm->mem, sizeof *ci);
    if (ci == NULL)
        goto oom;
    ci->cap = 16;
    while (ci->cap < count * 2)
        ci->cap *= 2;
    if ((ci->e = hli_mem_array(&vm->mem, ci->cap, sizeof *ci->e)) == NULL) {
        hli_mem_free(&vm->mem, ci, sizeof *ci);
        goto oom;
    }
    vm->classes = ci;
    for (uint32_t i = 0; i < m->ntypes; i++) {
        hli_type *t = &m->types[i];
        const char *c = statics_component(m, t);
        if (c == NULL)
            continue;
        const char *s = hli_module_string(m, t->u.obj->name, NULL);
        size_t prefix = (size_t)(c - s), size = strlen(s); /* the name without its '$', NUL included */
        char *name = hli_mem_alloc(&vm->mem, size);
        if (name == NULL)
            goto oom;
        memcpy(name, s, prefix);
        memcpy(name + prefix, c + 1, size - prefix);
        hli_class_entry *e = index_slot(ci, name);
        if (e->name != NULL) { /* the same name twice: keep the first */
            hli_mem_free(&vm->mem, name, size);
            continue;
        }
        e->name = name;
        e->name_size = size;
        e->statics = t;
    }
    /* The class object: the global whose type is the statics type. */
    for (uint32_t g = 0; g < m->nglobals; g++) {
        hli_type *gt = m->globals[g];
        const char *c = statics_component(m, gt);
        if (c == NULL)
            continue;
        const char *s = hli_module_string(m, gt->u.obj->name, NULL);
        char buf[512];
        size_t prefix = (size_t)(c - s), size = strlen(s);
        if (size > sizeof buf)
            continue;
        memcpy(buf, s, prefix);
        memcpy(buf + prefix, c + 1, size - prefix);
        hli_class_entry *e = index_slot(ci, buf);
        if (e->name != NULL && e->statics == gt && e->global == 0)
            e->global = g + 1;
    }
    return HLFFI_OK;
oom:
    hli_class_index_free(vm);
    return HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while indexing the classes");
}

hli_type *hli_api_find_class(hlffi_vm *vm, const char *class_name) {
    if (vm->classes == NULL && build_index(vm) != HLFFI_OK)
        return NULL;
    hli_class_entry *e = index_slot(vm->classes, class_name);
    if (e->name == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_NOT_FOUND,
                    "class %s not found (removed by dead-code elimination? add @:keep or compile with -dce no)",
                    class_name);
        return NULL;
    }
    return e->statics;
}

#define DCE_HINT "(removed by dead-code elimination? add @:keep or compile with -dce no)"

/* A static member: the class, the field's absolute index and type, and the bound function (methods). */
typedef struct member {
    hli_class_entry *cls;
    uint32_t fid;
    hli_type *type;
    hli_fn *fn;
} member;

/* Finds class_name.member_name; on failure sets the VM's error (missing_code for an unknown member)
 * and returns NULL. */
static hli_thread *find_member(hlffi_vm *vm, const char *class_name, const char *member_name,
                               hlffi_error_code missing_code, member *out) {
    if (vm == NULL)
        return NULL;
    hli_thread *th = hli_api_thread(vm);
    if (th == NULL)
        return NULL;
    if (class_name == NULL || member_name == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "the class or member name is NULL");
        return NULL;
    }
    if (vm->classes == NULL && build_index(vm) != HLFFI_OK)
        return NULL;
    hli_class_entry *e = index_slot(vm->classes, class_name);
    if (e->name == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_NOT_FOUND, "class %s not found " DCE_HINT, class_name);
        return NULL;
    }
    const hli_module *m = vm->prog->m;
    for (hli_type *t = e->statics; t != NULL; t = t->u.obj->super) {
        const hli_type_obj *o = t->u.obj;
        uint32_t base = o->super != NULL ? o->super->u.obj->total_fields : 0;
        for (uint32_t i = 0; i < o->nfields; i++) {
            if (strcmp(hli_module_string(m, o->fields[i].name, NULL), member_name) != 0)
                continue;
            out->cls = e;
            out->fid = base + i;
            out->type = o->fields[i].type;
            out->fn = NULL;
            const hli_obj_rt *rt = e->statics->u.obj->rt;
            for (uint32_t b = 0; b < rt->nbindings; b++)
                if (rt->bindings[b].fid == out->fid)
                    out->fn = rt->bindings[b].fn;
            return th;
        }
    }
    HLI_VM_FAIL(vm, missing_code, "%s %s.%s not found " DCE_HINT,
                missing_code == HLFFI_ERROR_METHOD_NOT_FOUND ? "static method" : "static field", class_name,
                member_name);
    return NULL;
}

/* The address of a static variable in the class object, or NULL (error set) before initialisation. */
static uint8_t *field_addr(hlffi_vm *vm, const member *mb, const char *class_name) {
    vobj *cls = NULL;
    if (mb->cls->global != 0) {
        hli_program *p = vm->prog;
        memcpy(&cls, p->globals + p->globals_offset[mb->cls->global - 1], sizeof cls);
    }
    if (cls == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_NOT_INITIALIZED,
                    "class %s has no class object yet (call hlffi_call_entry first)", class_name);
        return NULL;
    }
    return (uint8_t *)cls + mb->cls->statics->u.obj->rt->fields_indexes[mb->fid];
}

/* Converts handle h to type `to` into *out; false (error set, naming what) when it cannot. */
static bool convert_arg(hlffi_vm *vm, hli_thread *th, hlffi_value *h, hli_type *to, hli_reg *out,
                        const char *what) {
    if (h == NULL || h->t == NULL || h->vm != vm) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s: %s handle", what,
                    h == NULL ? "NULL" : h->t == NULL ? "a freed" : "another VM's");
        return false;
    }
    memset(out, 0, sizeof *out);
    if (hli_dyn_cast(th, &h->v, h->t, to, out) == HLI_OK)
        return true;
    th->exc_value = NULL;
    char a[128], b[128];
    HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s: cannot convert %s to %s", what,
                hli_rt_type_str(vm, h->t, a, sizeof a), hli_rt_type_str(vm, to, b, sizeof b));
    return false;
}

HLFFI_API hlffi_value *hlffi_get_static_field(hlffi_vm *vm, const char *class_name, const char *field_name) {
    member mb;
    if (find_member(vm, class_name, field_name, HLFFI_ERROR_FIELD_NOT_FOUND, &mb) == NULL)
        return NULL;
    uint8_t *addr = field_addr(vm, &mb, class_name);
    if (addr == NULL)
        return NULL;
    hli_reg r;
    memset(&r, 0, sizeof r);
    memcpy(&r, addr, hli_type_size(mb.type));
    return hli_handle_new(vm, mb.type, &r);
}

HLFFI_API hlffi_error_code hlffi_set_static_field(hlffi_vm *vm, const char *class_name, const char *field_name,
                                                  hlffi_value *value) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    member mb;
    hli_thread *th = find_member(vm, class_name, field_name, HLFFI_ERROR_FIELD_NOT_FOUND, &mb);
    if (th == NULL)
        return vm->error.code;
    if (mb.fn != NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_MISMATCH, "%s.%s is a method, not a variable", class_name, field_name);
    hli_reg r;
    if (!convert_arg(vm, th, value, mb.type, &r, field_name))
        return vm->error.code;
    uint8_t *addr = field_addr(vm, &mb, class_name); /* after the conversion, which may collect */
    if (addr == NULL)
        return vm->error.code;
    memcpy(addr, &r, hli_type_size(mb.type));
    return HLFFI_OK;
}

#define ARGS_ON_STACK 16

HLFFI_API hlffi_value *hlffi_call_static(hlffi_vm *vm, const char *class_name, const char *method_name, int argc,
                                         hlffi_value **argv) {
    member mb;
    hli_thread *th = find_member(vm, class_name, method_name, HLFFI_ERROR_METHOD_NOT_FOUND, &mb);
    if (th == NULL)
        return NULL;
    if (mb.fn == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_METHOD_NOT_FOUND, "%s.%s is a variable, not a static method", class_name,
                    method_name);
        return NULL;
    }
    const hli_type_fun *ft = mb.fn->type->u.fun;
    if (argc < 0 || (argc > 0 && argv == NULL)) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s.%s: argc is %d and argv %s", class_name, method_name, argc,
                    argv == NULL ? "NULL" : "set");
        return NULL;
    }
    if ((uint32_t)argc != ft->nargs) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_MISMATCH, "%s.%s takes %u argument%s, %d given", class_name, method_name,
                    ft->nargs, ft->nargs == 1 ? "" : "s", argc);
        return NULL;
    }
    hli_reg stack_args[ARGS_ON_STACK], *args = stack_args;
    if (ft->nargs > ARGS_ON_STACK && (args = hli_mem_array(&vm->mem, ft->nargs, sizeof *args)) == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory for the arguments");
        return NULL;
    }
    memset(args, 0, (ft->nargs > 0 ? ft->nargs : 1) * sizeof *args);
    hlffi_value *result = NULL;
    hli_root_range_push(th, args, ft->nargs * sizeof *args); /* conversions may allocate (boxing) */
    bool ok = true;
    for (uint32_t i = 0; i < ft->nargs && ok; i++) {
        char what[64];
        snprintf(what, sizeof what, "argument %u", i);
        ok = convert_arg(vm, th, argv[i], ft->args[i], &args[i], what);
    }
    if (ok) {
        hli_reg ret;
        memset(&ret, 0, sizeof ret);
        th->exc_value = NULL;
        hli_status st = hli_call_fn(th, mb.fn, args, ft->nargs, &ret);
        if (st != HLI_OK)
            hli_api_call_failed(vm, st);
        else if (ft->ret->kind == HVOID)
            result = hli_handle_new(vm, HLI_T(dyn), NULL);
        else
            result = hli_handle_new(vm, ft->ret, &ret);
    }
    hli_root_range_pop(th);
    if (args != stack_args)
        hli_mem_free(&vm->mem, args, ft->nargs * sizeof *args);
    return result;
}

