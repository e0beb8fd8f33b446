/* Dynamic field writes (hl-spec.md 5.2, hl_dyn_set* and obj_set_field/obj_delete_field/obj_copy):
 * dynobjs gain or retype fields, class instances need the field ("<Class> does not have field <f>"),
 * value-less virtuals store in place when the type fits and otherwise become dynobj-backed. */
#include "rt/rt_internal.h"

/* hl_obj_lookup_set: the storage for writing a value of type t into field `hash` of o, and the
 * field's type. */
static hli_status lookup_set(hli_thread *th, vdynamic *o, int32_t hash, hli_type *t, void **addr, hli_type **ft) {
    *addr = NULL;
    for (;;) {
        switch (o->t->kind) {
        case HDYNOBJ: {
            vdynobj *d = (vdynobj *)o;
            hli_field_lookup *f = hli_lookup_find(d->lookup, (uint32_t)d->nfields, hash);
            if (f == NULL) {
                hli_status s = hli_dynobj_add_field(th, d, hash, t, &f);
                if (s != HLI_OK)
                    return s;
            } else if (!hli_type_same(t, f->t)) {
                if (rt_is_ptr(t) != rt_is_ptr(f->t) || hli_type_size(t) != hli_type_size(f->t)) {
                    /* different storage: drop the field and add it again (it moves to the end of the
                     * insertion order) */
                    hli_dynobj_delete_field(d, f);
                    hli_status s = hli_dynobj_add_field(th, d, hash, t, &f);
                    if (s != HLI_OK)
                        return s;
                } else {
                    f->t = t; /* same size and pointer-ness: retype in place */
                    hli_dynobj_refresh_views(d);
                }
            }
            *ft = f->t;
            *addr = rt_dynobj_addr(d, f);
            return HLI_OK;
        }
        case HOBJ:
        case HSTRUCT: {
            hli_field_lookup *f = hli_obj_resolve_field(o->t, hash);
            if (f == NULL || f->field_index < 0) {
                char name[256];
                return hli_throw_error(th, "%s does not have field %s", hli_rt_obj_name(th->vm, o->t),
                                       hli_rt_field_name_utf8(th->vm, hash, name, sizeof name));
            }
            *ft = f->t;
            *addr = (char *)(o->t->kind == HSTRUCT ? o->v.ptr : (void *)o) + f->field_index;
            return HLI_OK;
        }
        case HVIRTUAL: {
            vvirtual *v = (vvirtual *)o;
            if (v->value != NULL) {
                o = v->value;
                continue;
            }
            const hli_virtual_rt *rt = v->t->u.virt->rt;
            hli_field_lookup *f = hli_lookup_find(rt->lookup, rt->nlookup, hash);
            if (f == NULL || !hli_type_safe_cast(t, f->t)) {
                hli_status s = hli_virtual_make_value(th, v, &o);
                if (s != HLI_OK)
                    return s;
                continue;
            }
            *ft = f->t;
            *addr = (char *)v + rt->indexes[f->field_index];
            return HLI_OK;
        }
        default: return hli_throw_error(th, "Invalid field access");
        }
    }
}

/* Stores the value at data (of type t) into a slot of type ft, converting (hl_dyn_set*'s switch and
 * hl_write_dyn, without temporary boxes: a value that must be boxed gets a fresh box). */
static hli_status store_converted(hli_thread *th, void *addr, hli_type *ft, const void *data, hli_type *t) {
    hli_reg r;
    hli_status s = hli_dyn_cast(th, data, t, ft, &r);
    if (s == HLI_OK)
        memcpy(addr, &r, hli_type_size(ft));
    return s;
}

/* hl_dyn_set*: the field is found or made (lookup_set), then the value converted to its type. A new
 * dynobj field gets the value's type (builtin i64/f32/f64 for those kinds, as HashLink). */
hli_status hli_dyn_set(hli_thread *th, vdynamic *o, int32_t hash, hli_type *vt, const hli_reg *v) {
    if (o == NULL)
        return hli_throw_error(th, "Null access");
    hli_type *t = vt; /* the type a new dynobj field gets */
    switch (vt->kind) {
    case HI64: t = HLI_T(i64); break;
    case HF32: t = HLI_T(f32); break;
    case HF64: t = HLI_T(f64); break;
    case HVOID: t = HLI_T(dyn); break;
    default: break;
    }
    void *addr;
    hli_type *ft;
    hli_status s = lookup_set(th, o, hash, t, &addr, &ft);
    if (s != HLI_OK)
        return s;
    if (vt->kind == HVOID) { /* no value: stores null */
        memset(addr, 0, hli_type_size(ft));
        return HLI_OK;
    }
    if (!rt_is_ptr(vt)) {
        if (ft->kind == HBOOL && (vt->kind == HI64 || vt->kind == HGUID)) { /* hl_dyn_seti64: value != 0 */
            *(uint8_t *)addr = v->i64 != 0;
            return HLI_OK;
        }
        return store_converted(th, addr, ft, v, vt);
    }
    void *p = v->p;
    if (hli_type_same(vt, ft) || (rt_is_ptr(ft) && p == NULL)) {
        rt_stp(addr, p);
        return HLI_OK;
    }
    if (rt_is_dynamic(vt))
        return hli_write_dyn(th, addr, ft, p, false);
    return store_converted(th, addr, ft, &p, vt);
}

/* obj_set_field: stores a Dynamic by its runtime type (null: as a null Dynamic). */
hli_status hli_obj_set_field(hli_thread *th, vdynamic *o, int32_t hash, vdynamic *v) {
    if (o == NULL)
        return hli_throw_error(th, "Null access");
    if (v == NULL) {
        hli_reg r;
        r.p = NULL;
        return hli_dyn_set(th, o, hash, HLI_T(dyn), &r);
    }
    void *addr;
    hli_type *ft;
    hli_status s = lookup_set(th, o, hash, v->t, &addr, &ft);
    if (s != HLI_OK)
        return s;
    return hli_write_dyn(th, addr, ft, v, false);
}

/* obj_delete_field: dynobjs only (value-less virtuals are converted first). */
hli_status hli_obj_delete_field(hli_thread *th, vdynamic *o, int32_t hash, bool *deleted) {
    *deleted = false;
    while (o != NULL) {
        if (o->t->kind == HDYNOBJ) {
            vdynobj *d = (vdynobj *)o;
            hli_field_lookup *f = hli_lookup_find(d->lookup, (uint32_t)d->nfields, hash);
            if (f != NULL) {
                hli_dynobj_delete_field(d, f);
                *deleted = true;
            }
            return HLI_OK;
        }
        if (o->t->kind != HVIRTUAL)
            return HLI_OK;
        vvirtual *v = (vvirtual *)o;
        if (v->value == NULL) {
            const hli_virtual_rt *rt = v->t->u.virt->rt;
            if (hli_lookup_find(rt->lookup, rt->nlookup, hash) == NULL)
                return HLI_OK;
            hli_status s = hli_virtual_make_value(th, v, &o);
            if (s != HLI_OK)
                return s;
        } else {
            o = v->value;
        }
    }
    return HLI_OK;
}

/* obj_copy: a shallow copy of a dynobj (without its views) or of a value-less virtual's data. */
hli_status hli_obj_copy(hli_thread *th, vdynamic *o, vdynamic **out) {
    *out = NULL;
    while (o != NULL && o->t->kind == HVIRTUAL && ((vvirtual *)o)->value != NULL)
        o = ((vvirtual *)o)->value;
    if (o == NULL)
        return HLI_OK;
    if (o->t->kind == HVIRTUAL) {
        vvirtual *v = (vvirtual *)o, *c = hli_alloc_virtual(th, v->t);
        if (c == NULL)
            return HLI_EXC;
        uint32_t n = v->t->u.virt->nfields;
        memcpy(&hli_vfields(c)[n], &hli_vfields(v)[n], v->t->u.virt->rt->data_size);
        *out = (vdynamic *)c;
        return HLI_OK;
    }
    if (o->t->kind != HDYNOBJ)
        return HLI_OK;
    vdynobj *d = (vdynobj *)o, *c = hli_alloc_dynobj(th);
    if (c == NULL)
        return HLI_EXC;
    hli_root_push(th, &c);
    hli_status s = HLI_OK;
    if (d->nfields > 0 && (c->lookup = hli_alloc(th, (size_t)d->nfields * sizeof(hli_field_lookup), HLI_GC_NOPTR)) == NULL)
        s = HLI_EXC;
    if (s == HLI_OK && d->raw_size > 0 && (c->raw_data = hli_alloc(th, (size_t)d->raw_size, HLI_GC_NOPTR)) == NULL)
        s = HLI_EXC;
    if (s == HLI_OK && d->nvalues > 0 &&
        (c->values = hli_alloc(th, (size_t)d->nvalues * sizeof(void *), HLI_GC_RAW)) == NULL)
        s = HLI_EXC;
    hli_root_pop(th, 1);
    if (s != HLI_OK)
        return s;
    if (d->nfields > 0)
        memcpy(c->lookup, d->lookup, (size_t)d->nfields * sizeof(hli_field_lookup));
    if (d->raw_size > 0)
        memcpy(c->raw_data, d->raw_data, (size_t)d->raw_size);
    if (d->nvalues > 0)
        memcpy(c->values, d->values, (size_t)d->nvalues * sizeof(void *));
    c->nfields = d->nfields;
    c->raw_size = d->raw_size;
    c->nvalues = d->nvalues;
    *out = (vdynamic *)c;
    return HLI_OK;
}
