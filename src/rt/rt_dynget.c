/* Dynamic field reads (hl-spec.md 5.2, hl_dyn_get* and obj_get_field/obj_has_field/obj_fields): the
 * storage of a field is found by hash in the class chain, a dynobj or a virtual; a missing data field
 * falls back to a method (as a bound closure) or the class's __get_field, else 0/null. */
#include "rt/rt_internal.h"

/* hl_obj_lookup (see rt_internal.h); a bound virtual forwards to its value. */
hli_status hli_rt_lookup(hli_thread *th, vdynamic *o, int32_t hash, void **addr, hli_type **ft) {
    *addr = NULL;
    for (;;) {
        switch (o->t->kind) {
        case HDYNOBJ: {
            vdynobj *d = (vdynobj *)o;
            hli_field_lookup *f = hli_lookup_find(d->lookup, (uint32_t)d->nfields, hash);
            if (f != NULL) {
                *ft = f->t;
                *addr = rt_dynobj_addr(d, f);
            }
            return HLI_OK;
        }
        case HOBJ:
        case HSTRUCT: {
            hli_field_lookup *f = hli_obj_resolve_field(o->t, hash);
            if (f != NULL && f->field_index >= 0) {
                *ft = f->t;
                *addr = (char *)(o->t->kind == HSTRUCT ? o->v.ptr : (void *)o) + f->field_index;
            }
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
            if (f != NULL) {
                *ft = f->t;
                *addr = (char *)v + rt->indexes[f->field_index];
            }
            return HLI_OK;
        }
        default: return hli_throw_error(th, "Invalid field access");
        }
    }
}

/* hl_obj_lookup_extra: a method of that name bound to o, or the result of __get_field; else NULL. */
static hli_status lookup_extra(hli_thread *th, vdynamic *o, int32_t hash, vdynamic **out) {
    *out = NULL;
    while (o->t->kind == HVIRTUAL && ((vvirtual *)o)->value != NULL)
        o = ((vvirtual *)o)->value;
    if (o->t->kind != HOBJ && o->t->kind != HSTRUCT)
        return HLI_OK;
    hli_obj_rt *rt = rt_obj(o->t);
    hli_field_lookup *f = hli_obj_resolve_field(o->t, hash);
    if (f != NULL && f->field_index < 0) {
        *out = (vdynamic *)hli_alloc_closure_ptr(th, f->t, rt->methods[-(f->field_index + 1)], o);
        return *out != NULL ? HLI_OK : HLI_EXC;
    }
    if (f == NULL && rt->get_field != NULL) {
        hli_reg args[2], ret;
        args[0].p = o;
        args[1].i64 = (uint32_t)hash; /* a whole slot: the callee copies it as one (interpreter.md) */
        ret.p = NULL;
        hli_status s = hli_call_fn(th, rt->get_field, args, 2, &ret);
        *out = ret.p;
        return s;
    }
    return HLI_OK;
}

/* hl_dyn_get*: the field's value converted to `want`, or the extra lookup's (method/__get_field). */
hli_status hli_dyn_get(hli_thread *th, vdynamic *o, int32_t hash, hli_type *want, hli_reg *out) {
    out->i64 = 0;
    if (o == NULL)
        return hli_throw_error(th, "Null access");
    void *addr;
    hli_type *ft = NULL;
    hli_status s = hli_rt_lookup(th, o, hash, &addr, &ft);
    if (s != HLI_OK)
        return s;
    if (addr == NULL) {
        vdynamic *d;
        if ((s = lookup_extra(th, o, hash, &d)) != HLI_OK || d == NULL)
            return s;
        hli_root_push(th, &d);
        s = hli_dyn_cast(th, &d, HLI_T(dyn), want, out);
        hli_root_pop(th, 1);
        return s;
    }
    if (rt_is_ptr(want) && hli_type_same(want, ft)) {
        out->p = rt_ldp(addr);
        return HLI_OK;
    }
    return hli_dyn_cast(th, addr, ft, want, out);
}

hli_status hli_obj_get_field(hli_thread *th, vdynamic *o, int32_t hash, vdynamic **out) {
    *out = NULL;
    if (o == NULL)
        return HLI_OK;
    switch (o->t->kind) {
    case HOBJ:
    case HVIRTUAL:
    case HDYNOBJ:
    case HSTRUCT: {
        hli_reg r;
        hli_status s = hli_dyn_get(th, o, hash, HLI_T(dyn), &r);
        *out = r.p;
        return s;
    }
    default: return HLI_OK;
    }
}

bool hli_obj_has_field(vdynamic *o, int32_t hash) {
    while (o != NULL) {
        switch (o->t->kind) {
        case HOBJ:
        case HSTRUCT: {
            hli_field_lookup *l = hli_obj_resolve_field(o->t, hash);
            return l != NULL && l->field_index >= 0;
        }
        case HDYNOBJ: {
            vdynobj *d = (vdynobj *)o;
            return hli_lookup_find(d->lookup, (uint32_t)d->nfields, hash) != NULL;
        }
        case HVIRTUAL: {
            vvirtual *v = (vvirtual *)o;
            if (v->value != NULL) {
                o = v->value;
                continue;
            }
            const hli_virtual_rt *rt = v->t->u.virt->rt;
            return hli_lookup_find(rt->lookup, rt->nlookup, hash) != NULL;
        }
        default: return false;
        }
    }
    return false;
}

static const hli_uchar unknown_name[] = {'?', '?', '?', 0};

/* obj_fields: dynobj names in insertion order; class fields own first then the parents' (hidden
 * interface fields excluded); value-less virtuals: the type's fields. Names are non-GC UTF-16. */
hli_status hli_obj_fields(hli_thread *th, vdynamic *o, varray **out) {
    *out = NULL;
    while (o != NULL && o->t->kind == HVIRTUAL && ((vvirtual *)o)->value != NULL)
        o = ((vvirtual *)o)->value;
    if (o == NULL)
        return HLI_OK;
    varray *a;
    switch (o->t->kind) {
    case HDYNOBJ: {
        vdynobj *d = (vdynobj *)o;
        if ((a = hli_alloc_array(th, HLI_T(bytes), d->nfields)) == NULL)
            return HLI_EXC;
        for (int32_t i = 0; i < d->nfields; i++) { /* insertion order */
            const hli_field_lookup *f = &d->lookup[i];
            const hli_uchar *name = hli_field_name(th->vm, f->hashed_name);
            uint32_t pos = rt_dynobj_order(f);
            if (pos < (uint32_t)a->size)
                hli_aptr(a, const hli_uchar *)[pos] = name != NULL ? name : unknown_name;
        }
        break;
    }
    case HOBJ:
    case HSTRUCT: { /* own named fields first, then the parents' */
        if ((a = hli_alloc_array(th, HLI_T(bytes), (int32_t)rt_obj(o->t)->nfields)) == NULL)
            return HLI_EXC;
        int32_t n = 0;
        for (const hli_type *c = o->t; c != NULL; c = c->u.obj->super)
            for (uint32_t i = 0; i < c->u.obj->nfields; i++) {
                int32_t len;
                const hli_uchar *name = hli_ustring(th->vm, c->u.obj->fields[i].name, &len);
                if (name != NULL && len > 0)
                    hli_aptr(a, const hli_uchar *)[n++] = name;
            }
        a->size = n;
        break;
    }
    case HVIRTUAL: {
        const hli_type_virtual *vt = o->t->u.virt;
        if ((a = hli_alloc_array(th, HLI_T(bytes), (int32_t)vt->nfields)) == NULL)
            return HLI_EXC;
        for (uint32_t i = 0; i < vt->nfields; i++) {
            const hli_uchar *name = hli_ustring(th->vm, vt->fields[i].name, NULL);
            hli_aptr(a, const hli_uchar *)[i] = name != NULL ? name : unknown_name;
        }
        break;
    }
    default: return HLI_OK;
    }
    *out = a;
    return HLI_OK;
}
