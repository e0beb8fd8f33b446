/* Builtin types (HashLink's hlt_*), value sizes and alignments (hl-spec.md 2.1), and hl_type_str for
 * every type the runtime can meet, including builtin and runtime-made ones. */
#include <stdalign.h>
#include <stdio.h>

#include "rt/rt_internal.h"

#define BUILTIN(name, k) const hli_type hli_hlt_##name = {k, UINT32_MAX, {0}, NULL, NULL}
BUILTIN(void, HVOID);
BUILTIN(ui8, HUI8);
BUILTIN(ui16, HUI16);
BUILTIN(i32, HI32);
BUILTIN(i64, HI64);
BUILTIN(f32, HF32);
BUILTIN(f64, HF64);
BUILTIN(bool, HBOOL);
BUILTIN(bytes, HBYTES);
BUILTIN(dyn, HDYN);
BUILTIN(array, HARRAY);
BUILTIN(type, HTYPE);
BUILTIN(dynobj, HDYNOBJ);
/* HashLink's hlt_abstract is named "<abstract>"; abs_name UINT32_MAX marks it (no module string). */
const hli_type hli_hlt_abstract = {HABSTRACT, UINT32_MAX, {.abs_name = UINT32_MAX}, NULL, NULL};
#undef BUILTIN

_Static_assert(offsetof(hli_type, u) == 8 && offsetof(hli_type, vobj_proto) == 16 &&
                   offsetof(hli_type, mark_bits) == 24 && sizeof(hli_type) == 32,
               "hl_type layout (4.9)");
_Static_assert(offsetof(hli_type_fun, args) == 0 && offsetof(hli_type_fun, ret) == 8 &&
                   offsetof(hli_type_fun, nargs) == 16,
               "hl_type_fun's first fields (4.9)");
_Static_assert(sizeof(void *) == 8, "hlffi targets 64-bit hosts (hl-spec.md 4)");
_Static_assert(sizeof(bool) == 1, "HBOOL values are one byte");

hli_type *hli_builtin_type(hli_kind kind) {
    switch (kind) {
    case HVOID: return HLI_T(void);
    case HUI8: return HLI_T(ui8);
    case HUI16: return HLI_T(ui16);
    case HI32: return HLI_T(i32);
    case HI64: return HLI_T(i64);
    case HF32: return HLI_T(f32);
    case HF64: return HLI_T(f64);
    case HBOOL: return HLI_T(bool);
    case HBYTES: return HLI_T(bytes);
    case HDYN: return HLI_T(dyn);
    case HARRAY: return HLI_T(array);
    case HTYPE: return HLI_T(type);
    case HDYNOBJ: return HLI_T(dynobj);
    case HABSTRACT: return HLI_T(abstract);
    default: return NULL;
    }
}

uint32_t hli_type_size(const hli_type *t) {
    switch (t->kind) {
    case HVOID:
    case HPACKED: return 0;
    case HUI8:
    case HBOOL: return 1;
    case HUI16: return 2;
    case HI32:
    case HF32: return 4;
    case HI64:
    case HF64:
    case HGUID: return 8;
    default: return (uint32_t)sizeof(void *);
    }
}

uint32_t hli_type_align(const hli_type *t) {
    switch (t->kind) {
    case HVOID:
    case HUI8:
    case HBOOL: return 1;
    case HUI16: return (uint32_t)alignof(uint16_t);
    case HI32: return (uint32_t)alignof(int32_t);
    case HF32: return (uint32_t)alignof(float);
    case HI64:
    case HGUID: return (uint32_t)alignof(int64_t);
    case HF64: return (uint32_t)alignof(double);
    default: return (uint32_t)alignof(void *);
    }
}

uint32_t hli_type_pad(uint32_t size, const hli_type *t) {
    if (t->kind == HVOID)
        return 0;
    uint32_t a = hli_type_align(t);
    return (0u - size) & (a - 1);
}

const hli_module *hli_rt_module(hlffi_vm *vm) {
    if (vm == NULL)
        return NULL;
    if (vm->prog != NULL && vm->prog->m != NULL)
        return vm->prog->m;
    return vm->module;
}

const char *hli_rt_type_str(hlffi_vm *vm, const hli_type *t, char *buf, size_t size) {
    if (size == 0)
        return buf;
    if (t == NULL) {
        snprintf(buf, size, "null");
        return buf;
    }
    if (t->kind == HABSTRACT && t->u.abs_name == UINT32_MAX) {
        snprintf(buf, size, "<abstract>");
        return buf;
    }
    const hli_module *m = hli_rt_module(vm);
    if (m == NULL) { /* names need the module; kinds alone are still informative */
        snprintf(buf, size, "%s", hli_kind_name(t->kind));
        return buf;
    }
    return hli_type_str(m, t, buf, size);
}

const char *hli_rt_obj_name(hlffi_vm *vm, const hli_type *t) {
    const hli_module *m = hli_rt_module(vm);
    if (m == NULL || (t->kind != HOBJ && t->kind != HSTRUCT) || t->u.obj->name >= m->nstrings)
        return "?";
    return hli_module_string(m, t->u.obj->name, NULL);
}
