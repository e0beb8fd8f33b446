/* Virtual views (hl-spec.md 5.3, hl_to_virtual): an object's view maps fields of the same name and type
 * (and methods) and is cached in the class's hidden interface field; views of a dynobj share its storage
 * and are listed in it (fields of a convertible type are re-set once with the view's type). */
#include "rt/rt_internal.h"

/* HashLink's should_recast: a dynobj field of type t that a view typed vt can use after conversion. */
static bool should_recast(const hli_type *t, const hli_type *vt) {
    if (vt->kind == HF64 && t->kind == HI32)
        return true;
    if (vt->kind == HNULL && vt->u.tparam->kind == t->kind)
        return true;
    if (vt->kind == HNULL && vt->u.tparam->kind == HF64 && t->kind == HI32)
        return true;
    if (vt->kind == HVIRTUAL && t->kind == HDYNOBJ)
        return true;
    if (vt->kind == HOBJ && t->kind == HOBJ && rt_obj(vt) != NULL && rt_obj(vt)->cast != NULL)
        return true;
    return false;
}

static vvirtual *alloc_view(hli_thread *th, hli_type *vt, vdynamic *value) {
    vvirtual *v = hli_alloc(th, sizeof(vvirtual) + 8 * (size_t)vt->u.virt->nfields, HLI_GC_DYNAMIC);
    if (v != NULL) {
        v->t = vt;
        v->value = value;
    }
    return v;
}

/* A view of class instance obj (cached in its interface field when the class implements vt). */
static hli_status view_of_object(hli_thread *th, hli_type *vt, vdynamic *obj, vvirtual **out) {
    hli_obj_rt *rt = rt_obj(obj->t);
    const hli_type_virtual *virt = vt->u.virt;
    void **slot = NULL; /* the hidden interface field typed exactly vt (own class first) */
    for (uint32_t i = 0; i < rt->ninterfaces && slot == NULL; i++) {
        const hli_field *f = hli_obj_field(obj->t, rt->interfaces[i]);
        if (f != NULL && f->type == vt)
            slot = (void **)((char *)obj + rt->fields_indexes[rt->interfaces[i]]);
    }
    if (slot != NULL && *slot != NULL) {
        *out = *slot;
        return HLI_OK;
    }
    vvirtual *v = alloc_view(th, vt, obj);
    if (v == NULL)
        return HLI_EXC;
    for (uint32_t i = 0; i < virt->nfields; i++) {
        hli_type *ft = virt->fields[i].type;
        hli_field_lookup *f = hli_obj_resolve_field(obj->t, virt->rt->hashes[i]);
        void *addr = NULL;
        if (f != NULL && f->field_index < 0) {
            /* a method: usable if its type without `this` safe-casts to the field's (HMETHOD) */
            const hli_type_fun *mf = f->t->u.fun;
            if (mf->nargs > 0) {
                hli_type_fun tf = {mf->nargs > 1 ? mf->args + 1 : NULL, mf->ret, mf->nargs - 1, NULL, NULL};
                hli_type tmp = {HMETHOD, UINT32_MAX, {.fun = &tf}, NULL, NULL};
                if (hli_type_safe_cast(&tmp, ft))
                    addr = rt->methods[-(f->field_index + 1)];
            }
        } else if (f != NULL && hli_type_same(f->t, ft)) {
            addr = (char *)obj + f->field_index;
        }
        hli_vfields(v)[i] = addr;
    }
    if (slot != NULL)
        rt_stp(slot, v);
    *out = v;
    return HLI_OK;
}

/* The dynobj's existing view of vt, or a new one linked into its list. */
static hli_status view_of_dynobj(hli_thread *th, hli_type *vt, vdynobj *o, vvirtual **out) {
    for (vvirtual *v = o->virtuals; v != NULL; v = v->next)
        if (v->t->u.virt == vt->u.virt) {
            *out = v;
            return HLI_OK;
        }
    const hli_type_virtual *virt = vt->u.virt;
    vvirtual *v = alloc_view(th, vt, (vdynamic *)o);
    if (v == NULL)
        return HLI_EXC;
    bool first = o->virtuals == NULL, recast = false;
    for (uint32_t i = 0; i < virt->nfields; i++) {
        hli_field_lookup *f = hli_lookup_find(o->lookup, (uint32_t)o->nfields, virt->rt->hashes[i]);
        hli_type *vft = virt->fields[i].type;
        void *addr = f != NULL && hli_type_same(f->t, vft) ? rt_dynobj_addr(o, f) : NULL;
        if (addr == NULL && f != NULL && first && should_recast(f->t, vft))
            recast = true;
        hli_vfields(v)[i] = addr;
    }
    v->next = o->virtuals;
    o->virtuals = v; /* from here v is reachable through o */
    *out = v;
    if (!recast)
        return HLI_OK;
    /* Re-set the convertible fields with the view's types (the dynobj's fields are retyped and the
     * views, this one included, are re-pointed). The decision is taken again per field because a
     * __cast hook may have changed the object meanwhile. */
    for (uint32_t i = 0; i < virt->nfields; i++) {
        int32_t h = virt->rt->hashes[i];
        hli_type *vft = virt->fields[i].type;
        hli_field_lookup *f = hli_lookup_find(o->lookup, (uint32_t)o->nfields, h);
        if (f == NULL || hli_type_same(f->t, vft) || !should_recast(f->t, vft))
            continue;
        hli_reg r;
        hli_status s;
        if (rt_is_ptr(vft)) {
            if ((s = hli_dyn_get(th, (vdynamic *)o, h, vft, &r)) != HLI_OK)
                return s;
            hli_root_push(th, &r.p);
            s = hli_dyn_set(th, (vdynamic *)o, h, vft, &r);
            hli_root_pop(th, 1);
        } else if (vft->kind == HF64) {
            if ((s = hli_dyn_get(th, (vdynamic *)o, h, HLI_T(f64), &r)) == HLI_OK)
                s = hli_dyn_set(th, (vdynamic *)o, h, HLI_T(f64), &r);
        } else {
            s = HLI_OK;
        }
        if (s != HLI_OK)
            return s;
    }
    return HLI_OK;
}

hli_status hli_to_virtual(hli_thread *th, hli_type *vt, vdynamic *v, vvirtual **out) {
    *out = NULL;
    for (;;) {
        if (v == NULL)
            return HLI_OK;
        if (vt->kind != HVIRTUAL || vt->u.virt->rt == NULL)
            return hli_throw_cast(th, v->t, vt);
        switch (v->t->kind) {
        case HOBJ: return view_of_object(th, vt, v, out);
        case HDYNOBJ: return view_of_dynobj(th, vt, (vdynobj *)v, out);
        case HVIRTUAL: {
            if (hli_type_safe_cast(v->t, vt)) {
                *out = (vvirtual *)v;
                return HLI_OK;
            }
            hli_status s = hli_virtual_make_value(th, (vvirtual *)v, &v);
            if (s != HLI_OK)
                return s;
            continue;
        }
        default: return hli_throw_cast(th, v->t, vt);
        }
    }
}
