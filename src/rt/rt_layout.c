/* Class layouts and method tables (hl-spec.md 4.2, hl_get_obj_rt + hl_get_obj_proto), built parent
 * first at link time: field offsets (reusing the parent's tail padding), mark bits, lookup tables, method
 * indexes, virtual tables, interface fields, bindings with their static closures, hooks. */
#include "rt/rt_layout.h"

#define MAX_OBJ_SIZE ((uint32_t)1 << 30) /* packed structs nest: refuse absurd instance sizes */

enum { STATE_HASHED = 0, STATE_BUSY = 1, STATE_DONE = 2 };

static void *arena(hli_rt_link_ctx *L, size_t count, size_t size) {
    if (count == 0)
        return NULL;
    void *p = hli_arena_array(&L->st->arena, count, size);
    if (p == NULL)
        L->oom = true;
    return p;
}

/* hl_lookup_find: binary search by signed hash. */
hli_field_lookup *hli_lookup_find(hli_field_lookup *l, uint32_t n, int32_t hash) {
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) >> 1;
        int32_t h = l[mid].hashed_name;
        if (h < hash)
            lo = mid + 1;
        else if (h > hash)
            hi = mid;
        else
            return &l[mid];
    }
    return NULL;
}

/* The first position whose hash is >= hash (hl_lookup_insert's insertion point). */
uint32_t hli_lookup_pos(const hli_field_lookup *l, uint32_t n, int32_t hash) {
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) >> 1;
        if (l[mid].hashed_name < hash)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* hl_lookup_insert: keeps l sorted; an equal hash goes before the existing entries. */
hli_field_lookup *hli_lookup_insert(hli_field_lookup *l, uint32_t n, int32_t hash, hli_type *t, int32_t index) {
    uint32_t pos = hli_lookup_pos(l, n, hash);
    memmove(l + pos + 1, l + pos, (n - pos) * sizeof *l);
    l[pos].t = t;
    l[pos].hashed_name = hash;
    l[pos].field_index = index;
    return &l[pos];
}

/* obj_resolve_field: the class's own table, then each parent's. */
hli_field_lookup *hli_obj_resolve_field(hli_type *t, int32_t hash) {
    if (t == NULL || (t->kind != HOBJ && t->kind != HSTRUCT))
        return NULL;
    for (hli_obj_rt *rt = t->u.obj->rt; rt != NULL; rt = rt->parent) {
        hli_field_lookup *f = hli_lookup_find(rt->lookup, rt->nlookup, hash);
        if (f != NULL)
            return f;
    }
    return NULL;
}

/* The method a lookup entry names in class rt, or NULL for data fields. */
static hli_fn *method_of(hli_obj_rt *rt, const hli_field_lookup *f) {
    if (f == NULL || f->field_index >= 0)
        return NULL;
    uint32_t mi = (uint32_t)(-(f->field_index + 1));
    return mi < rt->nmethods ? rt->methods[mi] : NULL;
}

static void set_bit(uint32_t *bits, uint32_t pos) { bits[pos >> 5] |= 1u << (pos & 31); }

/* Field offsets, size, padding, pointer-ness and the data-field half of the lookup table. */
static hlffi_error_code layout_fields(hli_rt_link_ctx *L, hli_type *t, hli_obj_rt *rt, hli_obj_rt *parent) {
    hli_type_obj *o = t->u.obj;
    uint32_t start = parent ? parent->nfields : 0;
    uint32_t size = parent ? parent->size - parent->pad_size : (t->kind == HSTRUCT ? 0 : 8);
    uint32_t largest = parent ? parent->largest_field : size;
    rt->has_ptr = parent ? parent->has_ptr : false;
    if (parent != NULL && parent->nfields > 0)
        memcpy(rt->fields_indexes, parent->fields_indexes, parent->nfields * sizeof(uint32_t));
    for (uint32_t i = 0; i < o->nfields; i++) {
        hli_type *ft = o->fields[i].type;
        hli_obj_rt *packed = NULL;
        if (ft->kind == HPACKED) {
            hlffi_error_code rc = hli_rt_link_obj(L, ft->u.tparam);
            if (rc != HLFFI_OK)
                return rc;
            packed = rt_obj(ft->u.tparam);
            uint32_t large = packed->largest_field;
            if (large > 0 && size % large != 0)
                size += large - size % large;
            if (large > largest)
                largest = large;
        } else {
            size += hli_type_pad(size, ft);
        }
        rt->fields_indexes[start + i] = size;
        if (o->fields[i].name < L->m->nstrings && hli_module_string(L->m, o->fields[i].name, NULL)[0] != 0)
            hli_lookup_insert(rt->lookup, rt->nlookup++, rt->field_hashes[i], ft, (int32_t)size);
        if (packed != NULL) {
            size += packed->size;
            rt->has_ptr |= packed->has_ptr;
        } else {
            uint32_t sz = hli_type_size(ft);
            size += sz;
            if (sz > largest)
                largest = sz;
            rt->has_ptr |= rt_is_ptr(ft);
        }
        if (size > MAX_OBJ_SIZE)
            return hli_error_raise(L->err, HLFFI_ERROR_INVALID_BYTECODE, "class %s is too large",
                                   hli_module_string(L->m, o->name, NULL));
    }
    rt->size = size;
    rt->pad_size = 0;
    if (largest > 0 && size % largest != 0) {
        rt->pad_size = (uint8_t)(largest - size % largest);
        rt->size += rt->pad_size;
    }
    rt->largest_field = (uint8_t)largest;
    return HLFFI_OK;
}

/* One bit per pointer-sized word of an instance holding a GC pointer (word 0 is the header). */
static void layout_mark_bits(hli_rt_link_ctx *L, hli_type *t, hli_obj_rt *rt, hli_obj_rt *parent) {
    if (!rt->has_ptr)
        return;
    uint32_t nwords = (rt->size + 7) / 8;
    uint32_t *mark = arena(L, (nwords + 31) / 32, sizeof(uint32_t));
    if (mark == NULL)
        return;
    t->mark_bits = mark;
    if (parent != NULL && parent->t->mark_bits != NULL)
        memcpy(mark, parent->t->mark_bits, ((parent->size + 7) / 8 + 31) / 32 * sizeof(uint32_t));
    hli_type_obj *o = t->u.obj;
    uint32_t start = parent ? parent->nfields : 0;
    for (uint32_t i = 0; i < o->nfields; i++) {
        hli_type *ft = o->fields[i].type;
        uint32_t pos = rt->fields_indexes[start + i] / 8;
        if (ft->kind == HPACKED) {
            hli_obj_rt *s = rt_obj(ft->u.tparam);
            if (s->t->mark_bits != NULL)
                for (uint32_t w = 0; w < (s->size + 7) / 8; w++)
                    if (s->t->mark_bits[w >> 5] & (1u << (w & 31)))
                        set_bit(mark, pos + w);
        } else if (rt_is_ptr(ft)) {
            set_bit(mark, pos);
        }
    }
}

/* Method indexes, the method half of the lookup table, the methods array and the virtual table. */
static void layout_methods(hli_rt_link_ctx *L, hli_type *t, hli_obj_rt *rt, hli_obj_rt *parent, bool *compare_ok) {
    hli_type_obj *o = t->u.obj;
    uint32_t *mindex = arena(L, o->nproto, sizeof(uint32_t));
    if (o->nproto > 0 && mindex == NULL)
        return;
    rt->nmethods = parent ? parent->nmethods : 0;
    rt->nproto = parent ? parent->nproto : 0;
    *compare_ok = false;
    for (uint32_t i = 0; i < o->nproto; i++) {
        const hli_proto *pr = &o->proto[i];
        hli_fn *fn = &L->p->fns[pr->findex];
        bool override = parent != NULL && pr->pindex >= 0 && (uint32_t)pr->pindex < parent->nproto;
        if (override) {
            hli_field_lookup *f = hli_obj_resolve_field(o->super, rt->proto_hashes[i]);
            if (f != NULL && f->field_index < 0) {
                mindex[i] = (uint32_t)(-(f->field_index + 1));
                continue;
            }
            /* an override of nothing: give it its own method index (HashLink would misbehave) */
        }
        mindex[i] = rt->nmethods++;
        if (pr->pindex >= 0 && (uint32_t)pr->pindex >= rt->nproto)
            rt->nproto = (uint32_t)pr->pindex + 1;
        hli_lookup_insert(rt->lookup, rt->nlookup++, rt->proto_hashes[i], fn->type, -(int32_t)mindex[i] - 1);
        /* HashLink only honours a __compare declared (not overridden) by the class itself, with the
         * signature (this, dyn) -> i32. */
        const hli_type_fun *ft = fn->type->u.fun;
        if (rt->proto_hashes[i] == L->st->hash_compare && ft->nargs == 2 && ft->args[1]->kind == HDYN &&
            ft->ret->kind == HI32)
            *compare_ok = true;
    }
    rt->methods = arena(L, rt->nmethods, sizeof(hli_fn *));
    if (rt->nmethods > 0 && rt->methods == NULL)
        return;
    if (parent != NULL && parent->nmethods > 0)
        memcpy(rt->methods, parent->methods, parent->nmethods * sizeof(hli_fn *));
    for (uint32_t i = 0; i < o->nproto; i++)
        rt->methods[mindex[i]] = &L->p->fns[o->proto[i].findex];
    if (rt->nproto > 0) {
        void **vt = arena(L, rt->nproto, sizeof(void *));
        if (vt == NULL)
            return;
        if (parent != NULL && parent->nproto > 0 && o->super->vobj_proto != NULL)
            memcpy(vt, o->super->vobj_proto, parent->nproto * sizeof(void *));
        for (uint32_t i = 0; i < o->nproto; i++)
            if (o->proto[i].pindex >= 0)
                vt[o->proto[i].pindex] = &L->p->fns[o->proto[i].findex];
        t->vobj_proto = vt;
    }
}

/* Hidden interface fields: own ones first, then the parents' (the order hl_to_virtual searches). */
static void layout_interfaces(hli_rt_link_ctx *L, hli_type *t, hli_obj_rt *rt, hli_obj_rt *parent) {
    hli_type_obj *o = t->u.obj;
    uint32_t start = parent ? parent->nfields : 0, n = 0;
    for (uint32_t i = 0; i < o->nfields; i++)
        if (hli_module_string(L->m, o->fields[i].name, NULL)[0] == 0)
            n++;
    n += parent ? parent->ninterfaces : 0;
    rt->interfaces = arena(L, n, sizeof(uint32_t));
    if (n > 0 && rt->interfaces == NULL)
        return;
    for (uint32_t i = 0; i < o->nfields; i++)
        if (hli_module_string(L->m, o->fields[i].name, NULL)[0] == 0)
            rt->interfaces[rt->ninterfaces++] = start + i;
    for (uint32_t i = 0; parent != NULL && i < parent->ninterfaces; i++)
        rt->interfaces[rt->ninterfaces++] = parent->interfaces[i];
}

/* Bindings: the parent's, overridden in place by own bindings of the same field, then new ones. A
 * binding into an HFUN field of the function's arity gets one static closure in module memory. */
static hlffi_error_code layout_bindings(hli_rt_link_ctx *L, hli_type *t, hli_obj_rt *rt, hli_obj_rt *parent) {
    hli_type_obj *o = t->u.obj;
    uint32_t max = (parent ? parent->nbindings : 0) + o->nbindings;
    rt->bindings = arena(L, max, sizeof(hli_obj_binding));
    if (max > 0 && rt->bindings == NULL)
        return HLFFI_OK; /* L->oom reports it */
    if (parent != NULL && parent->nbindings > 0)
        memcpy(rt->bindings, parent->bindings, parent->nbindings * sizeof(hli_obj_binding));
    rt->nbindings = parent ? parent->nbindings : 0;
    for (uint32_t i = 0; i < o->nbindings; i++) {
        const hli_binding *b = &o->bindings[i];
        const hli_field *f = hli_obj_field(t, b->field);
        hli_fn *fn = b->findex < L->nfns ? &L->p->fns[b->findex] : NULL;
        if (f == NULL || fn == NULL || fn->type == NULL || fn->type->kind != HFUN)
            return hli_error_raise(L->err, HLFFI_ERROR_INVALID_BYTECODE, "class %s: invalid binding",
                                   hli_module_string(L->m, o->name, NULL));
        hli_obj_binding *dst = NULL;
        for (uint32_t j = 0; j < (parent ? parent->nbindings : 0); j++)
            if (rt->bindings[j].fid == b->field)
                dst = &rt->bindings[j];
        if (dst == NULL)
            dst = &rt->bindings[rt->nbindings++];
        dst->fid = b->field;
        dst->fn = fn;
        dst->closure = NULL;
        if (f->type->kind == HFUN && f->type->u.fun->nargs == fn->type->u.fun->nargs) {
            vclosure *c = arena(L, 1, sizeof(vclosure));
            if (c == NULL)
                return HLFFI_OK;
            c->t = fn->type;
            c->fun = fn;
            dst->closure = c;
        } else if ((f->type->kind != HFUN && f->type->kind != HDYN) || fn->type->u.fun->nargs == 0) {
            return hli_error_raise(L->err, HLFFI_ERROR_INVALID_BYTECODE, "class %s: invalid bind field %u",
                                   hli_module_string(L->m, o->name, NULL), b->field);
        }
    }
    return HLFFI_OK;
}

/* The hooks, found by raw hash through the class chain as HashLink does; a hook whose signature
 * cannot be called safely is ignored. */
static void layout_hooks(hli_rt_link_ctx *L, hli_type *t, hli_obj_rt *rt, bool compare_ok) {
    hli_fn *f = method_of(rt, hli_obj_resolve_field(t, L->st->hash_string));
    if (f != NULL && f->type->u.fun->nargs == 1 && f->type->u.fun->ret->kind == HBYTES)
        rt->to_string = f;
    f = method_of(rt, hli_obj_resolve_field(t, L->st->hash_compare));
    if (compare_ok && f != NULL && f->type->u.fun->nargs == 2 && f->type->u.fun->ret->kind == HI32)
        rt->compare = f;
    f = method_of(rt, hli_obj_resolve_field(t, L->st->hash_cast));
    if (f != NULL && f->type->u.fun->nargs == 2 && f->type->u.fun->args[1]->kind == HTYPE &&
        rt_is_ptr(f->type->u.fun->ret))
        rt->cast = f;
    f = method_of(rt, hli_obj_resolve_field(t, L->st->hash_get_field));
    if (f != NULL && f->type->u.fun->nargs == 2 && f->type->u.fun->args[1]->kind == HI32 &&
        rt_is_ptr(f->type->u.fun->ret))
        rt->get_field = f;
}

/* hl_get_obj_rt + hl_get_obj_proto for one class, its parent (and packed structs) first. */
hlffi_error_code hli_rt_link_obj(hli_rt_link_ctx *L, hli_type *t) {
    hli_type_obj *o = t->u.obj;
    hli_obj_rt *rt = o->rt;
    if (rt->state == STATE_DONE)
        return HLFFI_OK;
    if (rt->state == STATE_BUSY)
        return hli_error_raise(L->err, HLFFI_ERROR_INVALID_BYTECODE, "class %s contains itself",
                               hli_module_string(L->m, o->name, NULL));
    rt->state = STATE_BUSY;
    hli_obj_rt *parent = NULL;
    if (o->super != NULL) {
        hlffi_error_code rc = hli_rt_link_obj(L, o->super);
        if (rc != HLFFI_OK)
            return rc;
        parent = rt_obj(o->super);
    }
    for (uint32_t i = 0; i < o->nproto; i++)
        if (o->proto[i].findex >= L->nfns || L->p->fns[o->proto[i].findex].type == NULL ||
            L->p->fns[o->proto[i].findex].type->kind != HFUN)
            return hli_error_raise(L->err, HLFFI_ERROR_INVALID_BYTECODE, "class %s: invalid method",
                                   hli_module_string(L->m, o->name, NULL));
    rt->t = t;
    rt->parent = parent;
    rt->nfields = (parent ? parent->nfields : 0) + o->nfields;
    rt->fields_indexes = arena(L, rt->nfields, sizeof(uint32_t));
    rt->lookup = arena(L, (size_t)o->nfields + o->nproto, sizeof(hli_field_lookup));
    if (L->oom)
        return HLFFI_OK;
    hlffi_error_code rc = layout_fields(L, t, rt, parent);
    if (rc != HLFFI_OK)
        return rc;
    bool compare_ok = false;
    layout_mark_bits(L, t, rt, parent);
    layout_methods(L, t, rt, parent, &compare_ok);
    layout_interfaces(L, t, rt, parent);
    rc = layout_bindings(L, t, rt, parent);
    if (rc != HLFFI_OK || L->oom)
        return rc;
    layout_hooks(L, t, rt, compare_ok);
    rt->state = STATE_DONE;
    return HLFFI_OK;
}
