/* The two public type pointers (src/api/api_types.h): the builtin descriptors every VM shares, the
 * per-VM wrappers of module types, and the resolution of an hl_type* parameter to a VM type. */
#include <stdlib.h>
#include <string.h>

#include "api/api_types.h"
#include "hlffi_compat.h"
#include "rt/rt.h"

/* Exported under hlffi_ names; <hlffi_compat.h> maps HashLink's hlt_* names onto them. Immutable:
 * shared by every VM, nothing is ever cached in them. */
#define BUILTIN(name, kind) HLFFI_API hl_type hlffi_hlt_##name = {HLI_API_BUILTIN_MAGIC, kind};
BUILTIN(void, HLFFI_TYPE_VOID)
BUILTIN(ui8, HLFFI_TYPE_UI8)
BUILTIN(ui16, HLFFI_TYPE_UI16)
BUILTIN(i32, HLFFI_TYPE_I32)
BUILTIN(i64, HLFFI_TYPE_I64)
BUILTIN(f32, HLFFI_TYPE_F32)
BUILTIN(f64, HLFFI_TYPE_F64)
BUILTIN(bool, HLFFI_TYPE_BOOL)
BUILTIN(bytes, HLFFI_TYPE_BYTES)
BUILTIN(dyn, HLFFI_TYPE_DYN)
BUILTIN(array, HLFFI_TYPE_ARRAY)
BUILTIN(type, HLFFI_TYPE_TYPE)
BUILTIN(dynobj, HLFFI_TYPE_DYNOBJ)
BUILTIN(abstract, HLFFI_TYPE_ABSTRACT)
#undef BUILTIN

HLFFI_API hl_type *hlffi_type_builtin(hlffi_type_kind kind) {
    switch (kind) {
    case HLFFI_TYPE_VOID: return &hlffi_hlt_void;
    case HLFFI_TYPE_UI8: return &hlffi_hlt_ui8;
    case HLFFI_TYPE_UI16: return &hlffi_hlt_ui16;
    case HLFFI_TYPE_I32: return &hlffi_hlt_i32;
    case HLFFI_TYPE_I64: return &hlffi_hlt_i64;
    case HLFFI_TYPE_F32: return &hlffi_hlt_f32;
    case HLFFI_TYPE_F64: return &hlffi_hlt_f64;
    case HLFFI_TYPE_BOOL: return &hlffi_hlt_bool;
    case HLFFI_TYPE_BYTES: return &hlffi_hlt_bytes;
    case HLFFI_TYPE_DYN: return &hlffi_hlt_dyn;
    case HLFFI_TYPE_ARRAY: return &hlffi_hlt_array;
    case HLFFI_TYPE_TYPE: return &hlffi_hlt_type;
    case HLFFI_TYPE_DYNOBJ: return &hlffi_hlt_dynobj;
    case HLFFI_TYPE_ABSTRACT: return &hlffi_hlt_abstract;
    default: return NULL;
    }
}

HLFFI_API hl_type *hlffi_type_as_hl_type(hlffi_type *type) {
    return (hl_type *)type;
}

struct hlffi_type *hli_api_type_check(hlffi_type *type) {
    return type != NULL && type->magic == HLI_API_TYPE_MAGIC ? type : NULL;
}

hli_api_types *hli_api_types_state(hlffi_vm *vm) {
    if (vm->types != NULL)
        return vm->types;
    hli_api_types *ts = hli_mem_alloc(&vm->mem, sizeof *ts);
    if (ts == NULL)
        goto oom;
    memset(ts, 0, sizeof *ts);
    ts->n = vm->module != NULL ? vm->module->ntypes : 0;
    if (ts->n > 0 && (ts->by_index = hli_mem_array(&vm->mem, ts->n, sizeof *ts->by_index)) == NULL) {
        hli_mem_free(&vm->mem, ts, sizeof *ts);
        goto oom;
    }
    if (ts->by_index != NULL)
        memset(ts->by_index, 0, ts->n * sizeof *ts->by_index);
    vm->types = ts;
    return ts;
oom:
    HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory making a type descriptor");
    return NULL;
}

hlffi_type *hli_api_type_wrap(hlffi_vm *vm, hli_type *t) {
    hli_api_types *ts = hli_api_types_state(vm);
    if (ts == NULL)
        return NULL;
    bool in_module = t->index < ts->n && &vm->module->types[t->index] == t;
    if (in_module && ts->by_index[t->index] != NULL)
        return ts->by_index[t->index];
    if (!in_module)
        for (struct hlffi_type *w = ts->runtime; w != NULL; w = w->next_runtime)
            if (w->t == t)
                return w;
    struct hlffi_type *w = hli_mem_alloc(&vm->mem, sizeof *w);
    if (w == NULL)
        goto oom;
    memset(w, 0, sizeof *w);
    w->magic = HLI_API_TYPE_MAGIC;
    w->vm = vm;
    w->t = t;
    if (in_module) {
        ts->by_index[t->index] = w;
    } else {
        w->next_runtime = ts->runtime;
        ts->runtime = w;
    }
    return w;
oom:
    HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory making a type descriptor");
    return NULL;
}

/* The basic kinds: those reported as one type per kind (hli_api_type_public). */
static bool is_basic_kind(hli_kind k) {
    return k <= HDYN || k == HTYPE || k == HARRAY || k == HDYNOBJ;
}

hlffi_type *hli_api_type_public(hlffi_vm *vm, hli_type *t) {
    if (is_basic_kind(t->kind)) {
        hli_api_types *ts = hli_api_types_indexed(vm);
        if (ts == NULL)
            return NULL;
        if (ts->basic[t->kind] != NULL)
            t = ts->basic[t->kind];
    }
    return hli_api_type_wrap(vm, t);
}

static hli_kind kind_of(hlffi_type_kind k) {
    return (hli_kind)k; /* hlffi_type_kind follows HashLink's kind order, as hli_kind does */
}

hli_type *hli_api_resolve_type(hlffi_vm *vm, const hl_type *p) {
    if (p == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "type is NULL");
        return NULL;
    }
    if (p->magic == HLI_API_BUILTIN_MAGIC) {
        hli_type *t = hli_builtin_type(kind_of(p->kind));
        if (t == NULL)
            HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "no builtin type of kind %d", (int)p->kind);
        return t;
    }
    const struct hlffi_type *w = (const struct hlffi_type *)(const void *)p;
    if (w->magic != HLI_API_TYPE_MAGIC) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT,
                    "not a type (pass hlffi_type_builtin(kind) or hlffi_type_as_hl_type(hlffi_find_type(...)))");
        return NULL;
    }
    if (w->vm != vm) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "the type belongs to another VM");
        return NULL;
    }
    return w->t;
}

/* A wrapper and what it made on request (its name text, its member tables). */
static void wrapper_free(hlffi_vm *vm, struct hlffi_type *w) {
    hli_mem_free(&vm->mem, w->name, w->name_size);
    hli_mem_free(&vm->mem, w->fields, w->nfields * sizeof *w->fields);
    hli_mem_free(&vm->mem, w->methods, w->nmethods * sizeof *w->methods);
    w->magic = 0;
    hli_mem_free(&vm->mem, w, sizeof *w);
}

static void names_free(hlffi_vm *vm, hli_api_names *nt) {
    hli_mem_free(&vm->mem, nt->e, nt->cap * sizeof *nt->e);
    nt->e = NULL;
    nt->cap = 0;
}

void hli_api_types_free(hlffi_vm *vm) {
    hli_api_types *ts = vm->types;
    if (ts == NULL)
        return;
    for (uint32_t i = 0; i < ts->n; i++)
        if (ts->by_index[i] != NULL)
            wrapper_free(vm, ts->by_index[i]);
    for (struct hlffi_type *w = ts->runtime, *next; w != NULL; w = next) {
        next = w->next_runtime;
        wrapper_free(vm, w);
    }
    if (ts->by_index != NULL)
        hli_mem_free(&vm->mem, ts->by_index, ts->n * sizeof *ts->by_index);
    names_free(vm, &ts->by_name);
    names_free(vm, &ts->abstracts);
    hli_mem_free(&vm->mem, ts, sizeof *ts);
    vm->types = NULL;
}

char *hli_api_strdup(hlffi_vm *vm, const char *s) {
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory copying a name");
        return NULL;
    }
    memcpy(c, s, n);
    return c;
}
