/* Dynamic objects (hl-spec.md 4.8): fields looked up by hash, pointer values in a RAW array, other
 * values packed in a NOPTR byte area, insertion order kept in the high bits of field_index, and the
 * virtual views sharing the storage kept coherent on every change. Also hl_virtual_make_value. */
#include "rt/rt_internal.h"

void hli_dynobj_refresh_views(vdynobj *o) {
    for (vvirtual *v = o->virtuals; v != NULL; v = v->next) {
        const hli_type_virtual *vt = v->t->u.virt;
        for (uint32_t i = 0; i < vt->nfields; i++) {
            hli_field_lookup *f = hli_lookup_find(o->lookup, (uint32_t)o->nfields, vt->rt->hashes[i]);
            hli_vfields(v)[i] = f != NULL && hli_type_same(f->t, vt->fields[i].type) ? rt_dynobj_addr(o, f) : NULL;
        }
    }
}

/* Size of the raw area if its fields were packed again in lookup order (hl_pad_size rule: each value
 * aligned to its own size). */
static uint32_t packed_raw_size(const vdynobj *o) {
    uint32_t size = 0;
    for (int32_t i = 0; i < o->nfields; i++) {
        const hli_field_lookup *f = &o->lookup[i];
        if (rt_is_ptr(f->t))
            continue;
        uint32_t sz = hli_type_size(f->t);
        if (sz > 0)
            size += (0u - size) & (sz - 1);
        size += sz;
    }
    return size;
}

/* hl_dynobj_add_field: a pointer value gets a slot at the end of `values`; a raw value goes after the
 * raw area, which is re-packed first when that saves space (after deletions). New arrays replace the
 * old ones (allocated first: a failure leaves o unchanged), then the views are re-pointed. */
hli_status hli_dynobj_add_field(hli_thread *th, vdynobj *o, int32_t hash, hli_type *t, hli_field_lookup **out) {
    *out = NULL;
    bool ptr = rt_is_ptr(t);
    uint32_t raw_size = 0, pad = 0, size = hli_type_size(t);
    if (o->nfields >= HLI_DYNOBJ_INDEX_MASK)
        return hli_throw_error(th, "Too many dynobj fields");
    if (ptr) {
        if (o->nvalues >= HLI_DYNOBJ_INDEX_MASK)
            return hli_throw_error(th, "Too many dynobj values");
    } else {
        raw_size = packed_raw_size(o);
        if (raw_size > (uint32_t)o->raw_size) /* the current mapping is better */
            raw_size = (uint32_t)o->raw_size;
        pad = size > 0 ? (0u - raw_size) & (size - 1) : 0;
        if (raw_size + pad > HLI_DYNOBJ_INDEX_MASK)
            return hli_throw_error(th, "Too many dynobj values");
    }
    /* Allocate everything first, so that a failure leaves o untouched. */
    hli_field_lookup *nl = hli_alloc(th, ((size_t)o->nfields + 1) * sizeof *nl, HLI_GC_NOPTR);
    if (nl == NULL)
        return HLI_EXC;
    hli_root_push(th, &nl);
    void *store = ptr ? hli_alloc(th, ((size_t)o->nvalues + 1) * sizeof(void *), HLI_GC_RAW)
                      : hli_alloc(th, raw_size + pad + size > 0 ? raw_size + pad + size : 8, HLI_GC_NOPTR);
    hli_root_pop(th, 1);
    if (store == NULL)
        return HLI_EXC;
    int32_t index;
    if (ptr) {
        if (o->nvalues > 0)
            memcpy(store, o->values, (size_t)o->nvalues * sizeof(void *));
        o->values = store;
        index = o->nvalues++;
    } else {
        char *nd = store;
        if (raw_size == (uint32_t)o->raw_size) {
            if (raw_size > 0)
                memcpy(nd, o->raw_data, raw_size);
        } else { /* compact: re-pack the live raw fields */
            uint32_t pos = 0;
            for (int32_t i = 0; i < o->nfields; i++) {
                hli_field_lookup *f = &o->lookup[i];
                if (rt_is_ptr(f->t))
                    continue;
                uint32_t sz = hli_type_size(f->t);
                if (sz > 0)
                    pos += (0u - pos) & (sz - 1);
                memcpy(nd + pos, o->raw_data + ((uint32_t)f->field_index & HLI_DYNOBJ_INDEX_MASK), sz);
                f->field_index = (int32_t)(pos | (rt_dynobj_order(f) << HLI_DYNOBJ_INDEX_SHIFT));
                pos += sz;
            }
        }
        o->raw_data = nd;
        index = (int32_t)(raw_size + pad);
        o->raw_size = (int32_t)(raw_size + pad + size);
    }
    uint32_t n = (uint32_t)o->nfields, pos = hli_lookup_pos(o->lookup, n, hash);
    if (pos > 0)
        memcpy(nl, o->lookup, pos * sizeof *nl);
    if (n > pos)
        memcpy(nl + pos + 1, o->lookup + pos, (n - pos) * sizeof *nl);
    nl[pos].t = t;
    nl[pos].hashed_name = hash;
    nl[pos].field_index = (int32_t)((uint32_t)index | (n << HLI_DYNOBJ_INDEX_SHIFT));
    o->lookup = nl;
    o->nfields++;
    hli_dynobj_refresh_views(o);
    *out = &nl[pos];
    return HLI_OK;
}

/* hl_dynobj_delete_field: pointer slots above it move down; raw space is reclaimed by the next add;
 * later insertion orders shift down by one. */
void hli_dynobj_delete_field(vdynobj *o, hli_field_lookup *f) {
    uint32_t order = rt_dynobj_order(f);
    int32_t index = (int32_t)((uint32_t)f->field_index & HLI_DYNOBJ_INDEX_MASK);
    if (rt_is_ptr(f->t)) {
        memmove(o->values + index, o->values + index + 1, (size_t)(o->nvalues - (index + 1)) * sizeof(void *));
        o->nvalues--;
        o->values[o->nvalues] = NULL;
        for (int32_t i = 0; i < o->nfields; i++) {
            hli_field_lookup *g = &o->lookup[i];
            if (rt_is_ptr(g->t) && (int32_t)((uint32_t)g->field_index & HLI_DYNOBJ_INDEX_MASK) > index)
                g->field_index--;
        }
    } /* raw data is compacted by the next addition */
    int32_t field = (int32_t)(f - o->lookup);
    memmove(o->lookup + field, o->lookup + field + 1, (size_t)(o->nfields - (field + 1)) * sizeof *o->lookup);
    o->nfields--;
    for (int32_t i = 0; i < o->nfields; i++) {
        hli_field_lookup *g = &o->lookup[i];
        if (rt_dynobj_order(g) > order)
            g->field_index = (int32_t)((uint32_t)g->field_index - (1u << HLI_DYNOBJ_INDEX_SHIFT));
    }
    hli_dynobj_refresh_views(o);
}

/* The storage of a value-less virtual moves into a new dynobj (in the virtual's hash order), and the
 * virtual becomes its first view. */
hli_status hli_virtual_make_value(hli_thread *th, vvirtual *v, vdynamic **out) {
    *out = v->value;
    if (v->value != NULL)
        return HLI_OK;
    const hli_type_virtual *vt = v->t->u.virt;
    uint32_t n = vt->nfields, raw_size = 0, nvalues = 0;
    if (n >= HLI_DYNOBJ_INDEX_MASK)
        return hli_throw_error(th, "Too many dynobj fields");
    vdynobj *o = hli_alloc_dynobj(th);
    if (o == NULL)
        return HLI_EXC;
    hli_root_push(th, &o);
    hli_status s = HLI_OK;
    if (n > 0 && (o->lookup = hli_alloc(th, n * sizeof(hli_field_lookup), HLI_GC_NOPTR)) == NULL)
        s = HLI_EXC;
    for (uint32_t i = 0; s == HLI_OK && i < n; i++) {
        hli_field_lookup *f = &o->lookup[i];
        *f = vt->rt->lookup[i];
        uint32_t index;
        if (rt_is_ptr(f->t)) {
            index = nvalues++;
        } else {
            uint32_t sz = hli_type_size(f->t);
            if (sz > 0)
                raw_size += (0u - raw_size) & (sz - 1);
            index = raw_size;
            raw_size += sz;
        }
        if (index > HLI_DYNOBJ_INDEX_MASK)
            s = hli_throw_error(th, "Too many dynobj fields");
        f->field_index = (int32_t)(index | (i << HLI_DYNOBJ_INDEX_SHIFT));
    }
    if (s == HLI_OK && raw_size > 0 && (o->raw_data = hli_alloc(th, raw_size, HLI_GC_NOPTR)) == NULL)
        s = HLI_EXC;
    if (s == HLI_OK && nvalues > 0 && (o->values = hli_alloc(th, nvalues * sizeof(void *), HLI_GC_RAW)) == NULL)
        s = HLI_EXC;
    hli_root_pop(th, 1);
    if (s != HLI_OK)
        return s;
    o->nfields = (int32_t)n;
    o->raw_size = (int32_t)raw_size;
    o->nvalues = (int32_t)nvalues;
    for (uint32_t i = 0; i < n; i++) {
        hli_field_lookup *f = &o->lookup[i];
        void **vaddr = &hli_vfields(v)[vt->rt->lookup[i].field_index];
        void *dst = rt_dynobj_addr(o, f);
        if (*vaddr != NULL)
            memcpy(dst, *vaddr, hli_type_size(f->t));
        *vaddr = dst;
    }
    memset(&hli_vfields(v)[n], 0, vt->rt->data_size);
    o->virtuals = v;
    v->value = (vdynamic *)o;
    *out = (vdynamic *)o;
    return HLI_OK;
}
