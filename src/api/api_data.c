/* The standard-library classes behind arrays, maps and haxe.io.Bytes (src/api/api_data.h): one scan of
 * the module's types by name on first use, then field offsets from the runtime layouts, so that the
 * API builds and reads these objects exactly as the compiled Haxe code does. */
#include <stdio.h>
#include <string.h>

#include "api/api_data.h"

/* Names and the fields each class must have (NULL-terminated lists, in hli_dc_info.off order). */
static const struct {
    const char *name;
    const char *fields[HLI_DC_MAX_FIELDS + 1];
} classes[HLI_DC_COUNT] = {
    [HLI_DC_ARR_I32] = {"hl.types.ArrayBytes_Int", {"length", "bytes", "size", NULL}},
    [HLI_DC_ARR_F64] = {"hl.types.ArrayBytes_Float", {"length", "bytes", "size", NULL}},
    [HLI_DC_ARR_F32] = {"hl.types.ArrayBytes_hl_F32", {"length", "bytes", "size", NULL}},
    [HLI_DC_ARR_UI16] = {"hl.types.ArrayBytes_hl_UI16", {"length", "bytes", "size", NULL}},
    [HLI_DC_ARR_OBJ] = {"hl.types.ArrayObj", {"length", "array", NULL}},
    [HLI_DC_ARR_DYN] = {"hl.types.ArrayDyn", {"array", "allowReinterpret", NULL}},
    [HLI_DC_BYTES] = {"haxe.io.Bytes", {"length", "b", NULL}},
    [HLI_DC_STRING_MAP] = {"haxe.ds.StringMap", {"h", NULL}},
    [HLI_DC_INT_MAP] = {"haxe.ds.IntMap", {"h", NULL}},
    [HLI_DC_OBJECT_MAP] = {"haxe.ds.ObjectMap", {"h", NULL}},
    [HLI_DC_TREE] = {"haxe.ds.BalancedTree", {"root", NULL}},
    [HLI_DC_ENUM_MAP] = {"haxe.ds.EnumValueMap", {"root", NULL}},
    [HLI_DC_TREE_NODE] = {"haxe.ds.TreeNode", {"left", "right", "key", "value", "_height", NULL}},
};

/* The byte offset of field `name` of class t (inherited fields included), or false. */
static bool field_offset(hlffi_vm *vm, hli_type *t, const char *name, uint32_t *off) {
    uint32_t fid;
    hli_type *ft;
    if (!hli_api_find_field(vm, t, name, &fid, &ft))
        return false;
    *off = t->u.obj->rt->fields_indexes[fid];
    return true;
}

static struct hli_api_data *scan(hlffi_vm *vm) {
    struct hli_api_data *d = hli_mem_alloc(&vm->mem, sizeof *d);
    if (d == NULL)
        return NULL;
    memset(d, 0, sizeof *d);
    const hli_module *m = vm->prog->m;
    for (uint32_t i = 0; i < m->ntypes; i++) {
        hli_type *t = &m->types[i];
        if (t->kind != HOBJ || t->u.obj->rt == NULL)
            continue;
        const char *name = hli_module_string(m, t->u.obj->name, NULL);
        if (strncmp(name, "hl.types.Array", 14) != 0 && strncmp(name, "haxe.", 5) != 0)
            continue;
        for (int c = 0; c < HLI_DC_COUNT; c++) {
            if (d->c[c].t != NULL || strcmp(name, classes[c].name) != 0)
                continue;
            d->c[c].t = t;
            d->c[c].usable = true;
            for (int f = 0; classes[c].fields[f] != NULL; f++)
                if (!field_offset(vm, t, classes[c].fields[f], &d->c[c].off[f]))
                    d->c[c].usable = false;
        }
    }
    vm->data = d;
    return d;
}

const hli_dc_info *hli_dc_get(hlffi_vm *vm, hli_dc which) {
    struct hli_api_data *d = vm->data != NULL ? vm->data : scan(vm);
    if (d == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory");
        return NULL;
    }
    const hli_dc_info *c = &d->c[which];
    if (c->usable)
        return c;
    HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_NOT_FOUND,
                "class %s %s (removed by dead-code elimination? use the type in the Haxe code, add "
                "--macro keep('%s') or compile with -dce no)",
                classes[which].name, c->t == NULL ? "not found" : "lacks fields this API needs", classes[which].name);
    return NULL;
}

hli_type *hli_dc_null_of(hlffi_vm *vm, hli_type *t) {
    struct hli_api_data *d = vm->data != NULL ? vm->data : scan(vm);
    if (d == NULL || t->kind < HUI8 || t->kind > HBOOL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory");
        return NULL;
    }
    hli_type *n = &d->nulls[t->kind];
    if (n->kind != HNULL) {
        memset(n, 0, sizeof *n);
        n->kind = HNULL;
        n->index = UINT32_MAX; /* runtime-made, like the runtime's own derived types */
        n->u.tparam = hli_builtin_type(t->kind);
    }
    return n;
}

hli_dc hli_dc_of(hlffi_vm *vm, const hli_type *t) {
    if (t == NULL || t->kind != HOBJ)
        return HLI_DC_COUNT;
    struct hli_api_data *d = vm->data != NULL ? vm->data : scan(vm);
    if (d == NULL)
        return HLI_DC_COUNT;
    for (int c = 0; c < HLI_DC_COUNT; c++)
        if (d->c[c].t == t)
            return d->c[c].usable ? (hli_dc)c : HLI_DC_COUNT;
    return HLI_DC_COUNT;
}

bool hli_dc_is_tree(hlffi_vm *vm, const hli_type *t) {
    if (t == NULL || t->kind != HOBJ)
        return false;
    struct hli_api_data *d = vm->data != NULL ? vm->data : scan(vm);
    if (d == NULL || !d->c[HLI_DC_TREE].usable)
        return false;
    for (const hli_type *c = t; c != NULL; c = c->u.obj->super)
        if (c == d->c[HLI_DC_TREE].t)
            return true;
    return false;
}

hli_type *hli_dc_bytes_elem(hli_dc which, uint32_t *shift) {
    switch (which) {
    case HLI_DC_ARR_I32: *shift = 2; return HLI_T(i32);
    case HLI_DC_ARR_F64: *shift = 3; return HLI_T(f64);
    case HLI_DC_ARR_F32: *shift = 2; return HLI_T(f32);
    case HLI_DC_ARR_UI16: *shift = 1; return HLI_T(ui16);
    default: *shift = 0; return NULL;
    }
}

void hli_api_data_free(hlffi_vm *vm) {
    if (vm->data != NULL)
        hli_mem_free(&vm->mem, vm->data, sizeof *vm->data);
    vm->data = NULL;
}
