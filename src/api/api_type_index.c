/* The name index behind hlffi_find_type, hlffi_abstract_find and hlffi_list_types (hlffi-api.md "Type
 * reflection": hash look-ups, not scans): built once per VM in one pass over the module's types. */
#include <string.h>

#include "api/api_classes.h"
#include "api/api_types.h"
#include "rt/rt.h"

/* The names a user would try for the basic kinds, and what they stand for. The first entry of a kind
 * is the name hlffi_type_get_name gives it. */
static const struct {
    const char *name;
    hli_kind kind;
} basic_names[] = {
    {"Void", HVOID},        {"hl.UI8", HUI8},     {"hl.UI16", HUI16},   {"Int", HI32},
    {"hl.I64", HI64},       {"Single", HF32},     {"Float", HF64},      {"Bool", HBOOL},
    {"hl.Bytes", HBYTES},   {"Dynamic", HDYN},    {"hl.Type", HTYPE},   {"hl.NativeArray", HARRAY},
    {"hl.F32", HF32},       {"hl.F64", HF64},     {"Any", HDYN},        {"UInt", HI32},
};

/* The slot of `name`: its entry, or the empty slot where it would go. */
static hli_api_name *names_slot(const hli_api_names *nt, const char *name) {
    uint32_t mask = nt->cap - 1;
    for (uint32_t i = hli_api_name_hash(name) & mask;; i = (i + 1) & mask)
        if (nt->e[i].name == NULL || strcmp(nt->e[i].name, name) == 0)
            return &nt->e[i];
}

hli_type *hli_api_names_get(const hli_api_names *nt, const char *name) {
    if (nt->cap == 0 || name == NULL)
        return NULL;
    return names_slot(nt, name)->t;
}

static bool names_init(hlffi_vm *vm, hli_api_names *nt, uint32_t count) {
    nt->cap = 16;
    while (nt->cap < count * 2)
        nt->cap *= 2;
    if ((nt->e = hli_mem_array(&vm->mem, nt->cap, sizeof *nt->e)) == NULL) {
        nt->cap = 0;
        return false;
    }
    memset(nt->e, 0, nt->cap * sizeof *nt->e);
    return true;
}

/* Adds name -> t unless the name is taken (the first one wins). */
static void names_put(hli_api_names *nt, const char *name, hli_type *t) {
    hli_api_name *e = names_slot(nt, name);
    if (e->name == NULL) {
        e->name = name;
        e->t = t;
    }
}

const char *hli_api_abstract_name(hlffi_vm *vm, const hli_type *t) {
    if (t->u.abs_name == UINT32_MAX || vm->module == NULL)
        return "<abstract>";
    return hli_module_string(vm->module, t->u.abs_name, NULL);
}

const char *hli_api_type_plain_name(hlffi_vm *vm, const hli_type *t) {
    const hli_module *m = vm->module;
    bool in_module = m != NULL && t->index < m->ntypes && &m->types[t->index] == t;
    switch (t->kind) {
    case HOBJ:
    case HSTRUCT: return in_module ? hli_module_string(m, t->u.obj->name, NULL) : NULL;
    case HENUM: return in_module ? hli_module_string(m, t->u.tenum->name, NULL) : NULL;
    case HABSTRACT: return hli_api_abstract_name(vm, t);
    default:
        for (size_t i = 0; i < sizeof basic_names / sizeof basic_names[0]; i++)
            if (basic_names[i].kind == t->kind)
                return basic_names[i].name;
        return NULL;
    }
}

/* Builds the two tables and the basic kinds' types. Statics types (`pkg.$Cls`, the class objects' types)
 * are left out: the class index (api_classes.c) has them. */
static bool build(hlffi_vm *vm, hli_api_types *ts) {
    const hli_module *m = vm->module;
    uint32_t nclasses = 0, nabstracts = 0;
    for (uint32_t i = 0; i < m->ntypes; i++) {
        const hli_type *t = &m->types[i];
        if ((t->kind == HOBJ || t->kind == HSTRUCT) && !hli_api_is_statics_name(hli_module_string(m, t->u.obj->name, NULL)))
            nclasses++;
        else if (t->kind == HENUM)
            nclasses++;
        else if (t->kind == HABSTRACT)
            nabstracts++;
    }
    uint32_t nbasic = (uint32_t)(sizeof basic_names / sizeof basic_names[0]);
    if (!names_init(vm, &ts->by_name, nclasses + nabstracts + nbasic) || !names_init(vm, &ts->abstracts, nabstracts))
        return false;
    for (uint32_t i = 0; i < m->ntypes; i++) {
        hli_type *t = &m->types[i];
        if (t->kind != HABSTRACT && hli_builtin_type(t->kind) != NULL && ts->basic[t->kind] == NULL)
            ts->basic[t->kind] = t;
        if ((t->kind == HOBJ || t->kind == HSTRUCT) && !hli_api_is_statics_name(hli_module_string(m, t->u.obj->name, NULL))) {
            names_put(&ts->by_name, hli_module_string(m, t->u.obj->name, NULL), t);
        } else if (t->kind == HENUM) {
            const char *name = hli_module_string(m, t->u.tenum->name, NULL);
            if (name[0] != 0)
                names_put(&ts->by_name, name, t);
        }
    }
    /* Abstracts after classes and enums: a class of the same name wins in hlffi_find_type. */
    for (uint32_t i = 0; i < m->ntypes; i++) {
        hli_type *t = &m->types[i];
        if (t->kind != HABSTRACT)
            continue;
        const char *name = hli_module_string(m, t->u.abs_name, NULL);
        names_put(&ts->abstracts, name, t);
        names_put(&ts->by_name, name, t);
    }
    for (uint32_t i = 0; i < nbasic; i++) {
        hli_kind k = basic_names[i].kind;
        if (ts->basic[k] == NULL)
            ts->basic[k] = hli_builtin_type(k);
        names_put(&ts->by_name, basic_names[i].name, ts->basic[k]);
    }
    for (int k = 0; k < HLI_KIND_COUNT; k++) /* basic kinds without a name above (dynobj) */
        if (k != HABSTRACT && ts->basic[k] == NULL)
            ts->basic[k] = hli_builtin_type((hli_kind)k);
    return true;
}

hli_api_types *hli_api_types_indexed(hlffi_vm *vm) {
    if (vm->module == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_NOT_INITIALIZED, "no module is loaded (call hlffi_load_file first)");
        return NULL;
    }
    hli_api_types *ts = hli_api_types_state(vm);
    if (ts == NULL)
        return NULL;
    if (ts->indexed)
        return ts;
    if (!build(vm, ts)) {
        hli_mem_free(&vm->mem, ts->by_name.e, ts->by_name.cap * sizeof *ts->by_name.e);
        hli_mem_free(&vm->mem, ts->abstracts.e, ts->abstracts.cap * sizeof *ts->abstracts.e);
        memset(&ts->by_name, 0, sizeof ts->by_name);
        memset(&ts->abstracts, 0, sizeof ts->abstracts);
        memset(ts->basic, 0, sizeof ts->basic);
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while indexing the types");
        return NULL;
    }
    ts->indexed = true;
    return ts;
}

hli_type *hli_api_lookup_type(hlffi_vm *vm, const char *name) {
    hli_api_types *ts = hli_api_types_indexed(vm);
    if (ts == NULL)
        return NULL;
    if (name == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "the type name is NULL");
        return NULL;
    }
    hli_type *t = hli_api_names_get(&ts->by_name, name);
    if (t == NULL)
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_NOT_FOUND, "type %s not found " HLI_DCE_HINT, name);
    return t;
}

HLFFI_API hlffi_type *hlffi_find_type(hlffi_vm *vm, const char *name) {
    if (vm == NULL)
        return NULL;
    hli_type *t = hli_api_lookup_type(vm, name);
    return t != NULL ? hli_api_type_public(vm, t) : NULL;
}

HLFFI_API hlffi_type *hlffi_abstract_find(hlffi_vm *vm, const char *name) {
    if (vm == NULL)
        return NULL;
    hli_api_types *ts = hli_api_types_indexed(vm);
    if (ts == NULL)
        return NULL;
    if (name == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "the abstract name is NULL");
        return NULL;
    }
    hli_type *t = hli_api_names_get(&ts->abstracts, name);
    if (t == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_NOT_FOUND, "no hl.Abstract<\"%s\"> in the module " HLI_DCE_HINT, name);
        return NULL;
    }
    return hli_api_type_wrap(vm, t);
}

/* Every type hlffi_find_type can return, once: the module's classes, enums and abstracts in type-table
 * order (a type whose name an earlier one took is skipped), then the basic kinds. */
HLFFI_API hlffi_error_code hlffi_list_types(hlffi_vm *vm, hlffi_type_callback callback, void *userdata) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    hli_api_types *ts = hli_api_types_indexed(vm);
    if (ts == NULL)
        return vm->error.code;
    if (callback == NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_list_types: the callback is NULL");
    const hli_module *m = vm->module;
    for (uint32_t i = 0; i < m->ntypes; i++) {
        hli_type *t = &m->types[i];
        const hli_api_names *nt = t->kind == HABSTRACT ? &ts->abstracts : &ts->by_name;
        if (t->kind != HOBJ && t->kind != HSTRUCT && t->kind != HENUM && t->kind != HABSTRACT)
            continue;
        const char *name = hli_api_type_plain_name(vm, t);
        if (name == NULL || hli_api_names_get(nt, name) != t)
            continue; /* statics types, nameless enums, duplicates */
        hlffi_type *w = hli_api_type_wrap(vm, t);
        if (w == NULL)
            return vm->error.code;
        callback(w, userdata);
    }
    for (size_t i = 0; i < sizeof basic_names / sizeof basic_names[0]; i++) {
        bool first = true; /* each kind once, under its first name */
        for (size_t j = 0; j < i; j++)
            first = first && basic_names[j].kind != basic_names[i].kind;
        if (!first)
            continue;
        hlffi_type *w = hli_api_type_wrap(vm, ts->basic[basic_names[i].kind]);
        if (w == NULL)
            return vm->error.code;
        callback(w, userdata);
    }
    return HLFFI_OK;
}
