/* Public type reflection (hlffi-api.md "Type reflection"): kinds and names of types, and the members of
 * classes as hlffi v3 listed them: a class's own members, the inherited ones through
 * hlffi_class_get_super. Instance fields; methods are the class's own instance methods (declared or
 * overridden in it) followed by its static methods (the functions bound to its class object). Anonymous
 * structure types (virtuals) list their fields. */
#include <string.h>

#include "api/api_classes.h"
#include "api/api_types.h"
#include "rt/rt.h"

HLFFI_API hlffi_type_kind hlffi_type_get_kind(hlffi_type *type) {
    struct hlffi_type *w = hli_api_type_check(type);
    if (w == NULL)
        return HLFFI_TYPE_VOID;
    if (w->t->kind == HGUID)
        return HLFFI_TYPE_I64; /* a 64-bit integer with its own printing */
    return (hlffi_type_kind)w->t->kind; /* hlffi_type_kind follows HashLink's kind order */
}

/* Names: classes, enums and abstracts by their Haxe name, basic kinds by the Haxe name they are found
 * by ("Int", "Float" ...), other types (functions, virtuals, Null<T> ...) by HashLink's type text. */
HLFFI_API const char *hlffi_type_get_name(hlffi_type *type) {
    struct hlffi_type *w = hli_api_type_check(type);
    if (w == NULL)
        return NULL;
    hlffi_vm *vm = w->vm;
    const char *name = hli_api_type_plain_name(vm, w->t);
    if (name != NULL)
        return name;
    if (w->name == NULL) {
        char buf[512];
        hli_rt_type_str(vm, w->t, buf, sizeof buf);
        size_t n = strlen(buf) + 1;
        if ((w->name = hli_mem_alloc(&vm->mem, n)) == NULL) {
            HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory naming a type");
            return NULL;
        }
        memcpy(w->name, buf, n);
        w->name_size = n;
    }
    return w->name;
}

/* A class or structure type (or a virtual when `virtuals`); NULL with INVALID_TYPE set otherwise. */
static struct hlffi_type *class_type(hlffi_type *type, bool virtuals, const char *fn) {
    struct hlffi_type *w = hli_api_type_check(type);
    if (w == NULL)
        return NULL;
    hli_kind k = w->t->kind;
    if (k == HOBJ || k == HSTRUCT || (virtuals && k == HVIRTUAL))
        return w;
    char buf[128];
    HLI_VM_FAIL(w->vm, HLFFI_ERROR_INVALID_TYPE, "%s: %s is not a class", fn, hli_rt_type_str(w->vm, w->t, buf, sizeof buf));
    return NULL;
}

/* Whether field i of a statics type (absolute index base + i) has a function bound: a static method. */
static bool is_static_method(const hli_type_obj *so, uint32_t base, uint32_t i) {
    for (uint32_t b = 0; b < so->nbindings; b++)
        if (so->bindings[b].field == base + i)
            return true;
    return false;
}

/* Fills w's member tables (once): named own fields, own protos, then the statics type's own fields that
 * have a function bound (static methods; static variables are not listed). Counts first, so that the
 * tables have exactly the sizes hli_api_types_free releases. */
static bool build_members(struct hlffi_type *w) {
    if (w->members_built)
        return true;
    hlffi_vm *vm = w->vm;
    const hli_module *m = vm->module;
    bool virt = w->t->kind == HVIRTUAL;
    uint32_t nf = virt ? w->t->u.virt->nfields : w->t->u.obj->nfields;
    const hli_field *fs = virt ? w->t->u.virt->fields : w->t->u.obj->fields;
    const hli_type_obj *o = virt ? NULL : w->t->u.obj;
    const hli_type_obj *so = NULL;
    uint32_t sbase = 0;
    if (o != NULL && w->t->kind == HOBJ) {
        bool oom;
        hli_class_entry *e = hli_api_class_lookup(vm, hli_module_string(m, o->name, NULL), &oom);
        if (oom)
            return false;
        if (e != NULL && e->statics != NULL && e->inst == w->t) {
            so = e->statics->u.obj;
            sbase = so->super != NULL ? so->super->u.obj->total_fields : 0;
        }
    }
    uint32_t nfields = 0, nmethods = o != NULL ? o->nproto : 0;
    for (uint32_t i = 0; i < nf; i++)
        nfields += hli_module_string(m, fs[i].name, NULL)[0] != 0; /* hidden interface fields: no name */
    for (uint32_t i = 0; so != NULL && i < so->nfields; i++)
        nmethods += is_static_method(so, sbase, i);
    uint32_t *fields = nfields > 0 ? hli_mem_array(&vm->mem, nfields, sizeof *fields) : NULL;
    hli_api_method *methods = nmethods > 0 ? hli_mem_array(&vm->mem, nmethods, sizeof *methods) : NULL;
    if ((nfields > 0 && fields == NULL) || (nmethods > 0 && methods == NULL)) {
        hli_mem_free(&vm->mem, fields, nfields * sizeof *fields);
        hli_mem_free(&vm->mem, methods, nmethods * sizeof *methods);
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory listing the members of a type");
        return false;
    }
    uint32_t f = 0, k = 0;
    for (uint32_t i = 0; i < nf; i++)
        if (hli_module_string(m, fs[i].name, NULL)[0] != 0)
            fields[f++] = i;
    for (uint32_t i = 0; o != NULL && i < o->nproto; i++)
        methods[k++] = (hli_api_method){o->proto[i].name, false};
    for (uint32_t i = 0; so != NULL && i < so->nfields; i++)
        if (is_static_method(so, sbase, i))
            methods[k++] = (hli_api_method){so->fields[i].name, true};
    w->fields = fields;
    w->nfields = nfields;
    w->methods = methods;
    w->nmethods = nmethods;
    w->members_built = true;
    return true;
}

/* The class of a member query with its tables built and index in range; NULL with the error set. */
static struct hlffi_type *member_query(hlffi_type *type, bool virtuals, int index, bool method, const char *fn) {
    struct hlffi_type *w = class_type(type, virtuals, fn);
    if (w == NULL || !build_members(w))
        return NULL;
    uint32_t n = method ? w->nmethods : w->nfields;
    if (index < 0 || (uint32_t)index >= n) {
        HLI_VM_FAIL(w->vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s: index %d out of range (0..%d)", fn, index, (int)n - 1);
        return NULL;
    }
    return w;
}

static const hli_field *own_field(const struct hlffi_type *w, int index) {
    const hli_field *fs = w->t->kind == HVIRTUAL ? w->t->u.virt->fields : w->t->u.obj->fields;
    return &fs[w->fields[index]];
}

HLFFI_API hlffi_type *hlffi_class_get_super(hlffi_type *type) {
    struct hlffi_type *w = class_type(type, true, "hlffi_class_get_super");
    if (w == NULL || w->t->kind == HVIRTUAL || w->t->u.obj->super == NULL)
        return NULL; /* a root class has no superclass: not an error */
    return hli_api_type_wrap(w->vm, w->t->u.obj->super);
}

HLFFI_API int hlffi_class_get_field_count(hlffi_type *type) {
    struct hlffi_type *w = class_type(type, true, "hlffi_class_get_field_count");
    return w != NULL && build_members(w) ? (int)w->nfields : -1;
}

HLFFI_API const char *hlffi_class_get_field_name(hlffi_type *type, int index) {
    struct hlffi_type *w = member_query(type, true, index, false, "hlffi_class_get_field_name");
    return w != NULL ? hli_module_string(w->vm->module, own_field(w, index)->name, NULL) : NULL;
}

HLFFI_API hlffi_type *hlffi_class_get_field_type(hlffi_type *type, int index) {
    struct hlffi_type *w = member_query(type, true, index, false, "hlffi_class_get_field_type");
    return w != NULL ? hli_api_type_public(w->vm, own_field(w, index)->type) : NULL;
}

HLFFI_API int hlffi_class_get_method_count(hlffi_type *type) {
    struct hlffi_type *w = class_type(type, true, "hlffi_class_get_method_count");
    return w != NULL && build_members(w) ? (int)w->nmethods : -1;
}

HLFFI_API const char *hlffi_class_get_method_name(hlffi_type *type, int index) {
    struct hlffi_type *w = member_query(type, true, index, true, "hlffi_class_get_method_name");
    return w != NULL ? hli_module_string(w->vm->module, w->methods[index].name, NULL) : NULL;
}

HLFFI_API bool hlffi_class_method_is_static(hlffi_type *type, int index) {
    struct hlffi_type *w = member_query(type, true, index, true, "hlffi_class_method_is_static");
    return w != NULL && w->methods[index].is_static;
}
