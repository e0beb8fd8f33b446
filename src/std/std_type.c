/* Natives of types and enums (hl-spec.md 8.1 "Types and enums"): names, globals, supers, enum
 * constructors and values, structural enum equality. */
#include <string.h>

#include "rt/rt.h"
#include "std/natives.h"
#include "std/std_families.h"

/* A type's name as a module UTF-16 string, or NULL. */
static const hli_uchar *type_name_u16(hlffi_vm *vm, const hli_type *t) {
    switch (t->kind) {
    case HOBJ:
    case HSTRUCT: return hli_ustring(vm, t->u.obj->name, NULL);
    case HENUM: return hli_ustring(vm, t->u.tenum->name, NULL);
    case HABSTRACT: return hli_ustring(vm, t->u.abs_name, NULL);
    default: return NULL;
    }
}

static hli_status n_type_name(hli_thread *th, hli_reg *args, hli_reg *ret) {
    hli_type *t = args[0].p;
    ret->p = t != NULL ? (void *)type_name_u16(th->vm, t) : NULL;
    return HLI_OK;
}

static hli_status n_type_safe_cast(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    hli_type *a = args[0].p, *b = args[1].p;
    ret->i64 = a != NULL && b != NULL && hli_type_safe_cast(a, b);
    return HLI_OK;
}

/* The global slot holding a class's or enum's runtime object, or NULL. */
static void **type_global(hlffi_vm *vm, const hli_type *t) {
    uint32_t g = 0;
    if (t->kind == HOBJ || t->kind == HSTRUCT)
        g = t->u.obj->global;
    else if (t->kind == HENUM)
        g = t->u.tenum->global;
    if (g == 0 || vm->prog == NULL)
        return NULL;
    return (void **)(vm->prog->globals + vm->prog->globals_offset[g - 1]);
}

static hli_status n_type_get_global(hli_thread *th, hli_reg *args, hli_reg *ret) {
    void **slot = args[0].p ? type_global(th->vm, args[0].p) : NULL;
    ret->p = slot ? *slot : NULL;
    return HLI_OK;
}

static hli_status n_type_set_global(hli_thread *th, hli_reg *args, hli_reg *ret) {
    void **slot = args[0].p ? type_global(th->vm, args[0].p) : NULL;
    if (slot != NULL)
        *slot = args[1].p;
    ret->i64 = slot != NULL;
    return HLI_OK;
}

static hli_status n_type_args_count(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    hli_type *t = args[0].p;
    ret->i = t != NULL && (t->kind == HFUN || t->kind == HMETHOD) ? (int32_t)t->u.fun->nargs : 0;
    return HLI_OK;
}

static hli_status n_type_super(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    hli_type *t = args[0].p;
    hli_type *s = t != NULL && (t->kind == HOBJ || t->kind == HSTRUCT) ? t->u.obj->super : NULL;
    ret->p = s != NULL ? s : HLI_T(void);
    return HLI_OK;
}

/* A NativeArray of bytes (module UTF-16 strings) from string indexes. */
static hli_status names_array(hli_thread *th, const uint32_t *names, uint32_t n, size_t stride, varray **out) {
    varray *a = hli_alloc_array(th, HLI_T(bytes), (int32_t)n);
    if (a == NULL)
        return HLI_EXC;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t idx;
        memcpy(&idx, (const uint8_t *)names + i * stride, sizeof idx);
        hli_aptr(a, const hli_uchar *)[i] = hli_ustring(th->vm, idx, NULL);
    }
    *out = a;
    return HLI_OK;
}

static hli_status n_type_enum_fields(hli_thread *th, hli_reg *args, hli_reg *ret) {
    hli_type *t = args[0].p;
    ret->p = NULL;
    if (t == NULL || t->kind != HENUM)
        return HLI_OK;
    const hli_type_enum *e = t->u.tenum;
    /* An enum without constructors (an empty `enum` or an extern one) has no constructs array. */
    const uint32_t *names = e->nconstructs != 0 ? &e->constructs[0].name : NULL;
    return names_array(th, names, e->nconstructs, sizeof(hli_enum_construct), (varray **)&ret->p);
}

/* One fresh value per parameterless constructor, null for the others. */
static hli_status n_type_enum_values(hli_thread *th, hli_reg *args, hli_reg *ret) {
    hli_type *t = args[0].p;
    ret->p = NULL;
    if (t == NULL || t->kind != HENUM)
        return HLI_OK;
    const hli_type_enum *e = t->u.tenum;
    varray *a = hli_alloc_array(th, HLI_T(dyn), (int32_t)e->nconstructs);
    if (a == NULL)
        return HLI_EXC;
    hli_root_push(th, &a);
    for (uint32_t i = 0; i < e->nconstructs; i++) {
        if (e->constructs[i].nparams != 0)
            continue;
        venum *v = hli_alloc_enum(th, t, (int32_t)i);
        if (v == NULL) {
            hli_root_pop(th, 1);
            return HLI_EXC;
        }
        hli_aptr(a, venum *)[i] = v;
    }
    hli_root_pop(th, 1);
    ret->p = a;
    return HLI_OK;
}

/* Instance fields and methods of a class chain (not overridden ones twice), or a virtual's fields. */
static hli_status n_type_instance_fields(hli_thread *th, hli_reg *args, hli_reg *ret) {
    hli_type *t = args[0].p;
    ret->p = NULL;
    if (t == NULL)
        return HLI_OK;
    if (t->kind == HVIRTUAL)
        return names_array(th, &t->u.virt->fields[0].name, t->u.virt->nfields, sizeof(hli_field), (varray **)&ret->p);
    if (t->kind != HOBJ && t->kind != HSTRUCT)
        return HLI_OK;
    uint32_t count = 0;
    for (int pass = 0; pass < 2; pass++) {
        varray *a = NULL;
        if (pass == 1 && (a = hli_alloc_array(th, HLI_T(bytes), (int32_t)count)) == NULL)
            return HLI_EXC;
        uint32_t n = 0;
        for (const hli_type *c = t; c != NULL; c = c->u.obj->super) {
            const hli_type_obj *o = c->u.obj;
            for (uint32_t i = 0; i < o->nproto; i++) {
                /* A method overriding a parent's slot is listed once, by the parent. */
                bool overrides = false;
                if (o->proto[i].pindex >= 0 && o->super != NULL)
                    overrides = hli_obj_proto_by_slot(o->super, o->proto[i].pindex) != NULL;
                if (overrides)
                    continue;
                if (pass == 1)
                    hli_aptr(a, const hli_uchar *)[n] = hli_ustring(th->vm, o->proto[i].name, NULL);
                n++;
            }
            for (uint32_t i = 0; i < o->nfields; i++) {
                uint32_t len = 0;
                hli_module_string(th->vm->module, o->fields[i].name, &len);
                if (len == 0)
                    continue; /* hidden interface slots */
                if (pass == 1)
                    hli_aptr(a, const hli_uchar *)[n] = hli_ustring(th->vm, o->fields[i].name, NULL);
                n++;
            }
        }
        if (pass == 1)
            ret->p = a;
        count = n;
    }
    return HLI_OK;
}

/* Builds an enum value from Dynamic arguments (Type.createEnum); null when the arguments do not fit. */
static hli_status n_alloc_enum_dyn(hli_thread *th, hli_reg *args, hli_reg *ret) {
    hli_type *t = args[0].p;
    int32_t index = args[1].i, nargs = args[3].i;
    varray *av = args[2].p;
    ret->p = NULL;
    if (t == NULL || t->kind != HENUM || index < 0 || (uint32_t)index >= t->u.tenum->nconstructs)
        return HLI_OK;
    const hli_enum_construct *c = &t->u.tenum->constructs[index];
    if (nargs < 0 || (uint32_t)nargs > c->nparams || (nargs > 0 && (av == NULL || av->size < nargs)))
        return HLI_OK;
    for (uint32_t i = (uint32_t)nargs; i < c->nparams; i++)
        if (!hli_kind_is_ptr(c->params[i]->kind))
            return HLI_OK; /* a missing argument of a non-nullable type */
    venum *e = hli_alloc_enum(th, t, index);
    if (e == NULL)
        return HLI_EXC;
    hli_root_push(th, &e);
    for (int32_t i = 0; i < nargs; i++) {
        hli_status st = hli_write_dyn(th, (uint8_t *)e + c->offsets[i], c->params[i], hli_aptr(av, vdynamic *)[i], false);
        if (st != HLI_OK) {
            hli_root_pop(th, 1);
            return st;
        }
    }
    hli_root_pop(th, 1);
    ret->p = e;
    return HLI_OK;
}

static hli_status n_enum_parameters(hli_thread *th, hli_reg *args, hli_reg *ret) {
    venum *e = args[0].p;
    ret->p = NULL;
    if (e == NULL || e->t->kind != HENUM)
        return HLI_OK;
    const hli_enum_construct *c = &e->t->u.tenum->constructs[e->index];
    varray *a = hli_alloc_array(th, HLI_T(dyn), (int32_t)c->nparams);
    if (a == NULL)
        return HLI_EXC;
    hli_root_push(th, &a);
    hli_root_push(th, &e);
    for (uint32_t i = 0; i < c->nparams; i++) {
        vdynamic *v = NULL;
        hli_status st = hli_make_dyn(th, (uint8_t *)e + c->offsets[i], c->params[i], &v);
        if (st != HLI_OK) {
            hli_root_pop(th, 2);
            return st;
        }
        hli_aptr(a, vdynamic *)[i] = v;
    }
    hli_root_pop(th, 2);
    ret->p = a;
    return HLI_OK;
}

static double load_float(const uint8_t *p, const hli_type *t) {
    if (t->kind == HF64) {
        double d;
        memcpy(&d, p, 8);
        return d;
    }
    float f;
    memcpy(&f, p, 4);
    return f;
}

/* Type.enumEq: same type and index, parameters equal (enums structurally, others by dyn_compare). */
static hli_status enum_eq(hli_thread *th, venum *a, venum *b, int depth, bool *out) {
    *out = false;
    if (a == b) {
        *out = true;
        return HLI_OK;
    }
    if (a == NULL || b == NULL || a->t != b->t || a->index != b->index || a->t->kind != HENUM)
        return HLI_OK;
    if (depth > 200)
        return hli_throw_error(th, "Stack overflow");
    const hli_enum_construct *c = &a->t->u.tenum->constructs[a->index];
    for (uint32_t i = 0; i < c->nparams; i++) {
        hli_type *pt = c->params[i];
        const uint8_t *pa = (const uint8_t *)a + c->offsets[i], *pb = (const uint8_t *)b + c->offsets[i];
        bool eq;
        if (pt->kind == HENUM) {
            venum *x, *y;
            memcpy(&x, pa, sizeof x);
            memcpy(&y, pb, sizeof y);
            hli_status st = enum_eq(th, x, y, depth + 1, &eq);
            if (st != HLI_OK)
                return st;
        } else if (pt->kind == HF64 || pt->kind == HF32) {
            eq = load_float(pa, pt) == load_float(pb, pt);
        } else if (!hli_kind_is_ptr(pt->kind)) {
            eq = memcmp(pa, pb, hli_type_size(pt)) == 0;
        } else {
            vdynamic *x = NULL, *y = NULL;
            hli_root_push(th, &a);
            hli_root_push(th, &b);
            hli_status st = hli_make_dyn(th, pa, pt, &x);
            hli_root_push(th, &x);
            if (st == HLI_OK)
                st = hli_make_dyn(th, pb, pt, &y);
            int32_t cmp = 1;
            if (st == HLI_OK)
                st = hli_dyn_compare(th, x, y, &cmp);
            hli_root_pop(th, 3);
            if (st != HLI_OK)
                return st;
            eq = cmp == 0;
        }
        if (!eq)
            return HLI_OK;
    }
    *out = true;
    return HLI_OK;
}

static hli_status n_type_enum_eq(hli_thread *th, hli_reg *args, hli_reg *ret) {
    bool eq = false;
    hli_status st = enum_eq(th, args[0].p, args[1].p, 0, &eq);
    ret->i64 = eq;
    return st;
}

const hli_native_def hli_std_type_natives[] = {
    {"std", "type_name", "PT_B", n_type_name},
    {"std", "type_safe_cast", "PTT_b", n_type_safe_cast},
    {"std", "type_instance_fields", "PT_A", n_type_instance_fields},
    {"std", "type_get_global", "PT_D", n_type_get_global},
    {"std", "type_set_global", "PTD_b", n_type_set_global},
    {"std", "type_args_count", "PT_i", n_type_args_count},
    {"std", "type_super", "PT_T", n_type_super},
    {"std", "type_enum_fields", "PT_A", n_type_enum_fields},
    {"std", "type_enum_values", "PT_A", n_type_enum_values},
    {"std", "type_enum_eq", "PDD_b", n_type_enum_eq},
    {"std", "alloc_enum_dyn", "PTiAi_D", n_alloc_enum_dyn},
    {"std", "enum_parameters", "PD_A", n_enum_parameters},
    {NULL, NULL, NULL, NULL},
};
