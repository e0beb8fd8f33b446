/* Precise tracing of DYNAMIC blocks for the collector (hl-spec.md 9.1): every such block starts with
 * its hli_type (module or builtin memory, never GC), which says where its GC pointers are. Nothing is
 * read beyond the block's size, and pointers outside the heap are ignored by hli_gc_mark. */
#include "rt/rt_internal.h"

static void mark_at(hli_gc *gc, const char *block, size_t size, size_t off) {
    if (off + sizeof(void *) <= size)
        hli_gc_mark(gc, rt_ldp(block + off));
}

/* Class instances: the words the class's mark bits select (word 0, the header, never is). */
static void trace_obj(hli_gc *gc, const char *b, size_t size, const hli_type *t) {
    const uint32_t *bits = t->mark_bits;
    const hli_obj_rt *rt = t->u.obj->rt;
    if (bits == NULL || rt == NULL)
        return;
    size_t nwords = (rt->size < size ? rt->size : size) / 8;
    for (size_t w = 1; w < nwords; w++)
        if (bits[w >> 5] & (1u << (w & 31)))
            hli_gc_mark(gc, rt_ldp(b + w * 8));
}

/* Virtuals: value and next; a value-less virtual's pointer data fields. The fields[] addresses are
 * not traced: they point into the virtual itself or into storage its value keeps alive. */
static void trace_virtual(hli_gc *gc, const char *b, size_t size, const hli_type *t) {
    const vvirtual *v = (const vvirtual *)b;
    hli_gc_mark(gc, v->value);
    hli_gc_mark(gc, v->next);
    const hli_type_virtual *vt = t->u.virt;
    if (v->value != NULL || vt->rt == NULL)
        return;
    for (uint32_t i = 0; i < vt->nfields; i++)
        if (rt_is_ptr(vt->fields[i].type))
            mark_at(gc, b, size, vt->rt->indexes[i]);
}

static void trace_enum(hli_gc *gc, const char *b, size_t size, const hli_type *t) {
    const venum *e = (const venum *)b;
    const hli_type_enum *te = t->u.tenum;
    if (e->index < 0 || (uint32_t)e->index >= te->nconstructs)
        return;
    const hli_enum_construct *c = &te->constructs[e->index];
    for (uint32_t j = 0; c->hasptr && j < c->nparams; j++)
        if (rt_is_ptr(c->params[j]))
            mark_at(gc, b, size, c->offsets[j]);
}

static void trace_array(hli_gc *gc, const char *b, size_t size) {
    const varray *a = (const varray *)b;
    if (a->at == NULL || !rt_is_ptr(a->at) || a->size <= 0)
        return;
    size_t n = (size - sizeof(varray)) / sizeof(void *);
    if ((size_t)a->size < n)
        n = (size_t)a->size;
    for (size_t i = 0; i < n; i++)
        hli_gc_mark(gc, rt_ldp(b + sizeof(varray) + i * sizeof(void *)));
}

void hli_rt_trace(hli_gc *gc, void *block, size_t size, void *ctx) {
    (void)ctx;
    const char *b = block;
    if (size < sizeof(void *))
        return;
    const hli_type *t = rt_ldp(b);
    if (t == NULL)
        return; /* allocated, not yet initialised */
    switch (t->kind) {
    case HOBJ: trace_obj(gc, b, size, t); break;
    case HVIRTUAL:
        if (size >= sizeof(vvirtual))
            trace_virtual(gc, b, size, t);
        break;
    case HENUM: trace_enum(gc, b, size, t); break;
    case HARRAY:
        if (size >= sizeof(varray))
            trace_array(gc, b, size);
        break;
    case HFUN:
        if (size >= sizeof(vclosure)) {
            const vclosure *c = (const vclosure *)b;
            if (c->hasValue == 1)
                hli_gc_mark(gc, c->value);
            else if (c->hasValue == 2 && size >= sizeof(vclosure_wrapper))
                hli_gc_mark(gc, ((const vclosure_wrapper *)b)->wrappedFun);
        }
        break;
    case HDYNOBJ:
        if (size >= sizeof(vdynobj)) {
            const vdynobj *o = (const vdynobj *)b;
            hli_gc_mark(gc, o->lookup);
            hli_gc_mark(gc, o->raw_data);
            hli_gc_mark(gc, o->values);
            hli_gc_mark(gc, o->virtuals);
        }
        break;
    default: /* boxes of pointer kinds (bytes, type, ref, abstract, struct...) */
        if (hli_kind_is_ptr(t->kind))
            mark_at(gc, b, size, offsetof(vdynamic, v));
        break;
    }
}
