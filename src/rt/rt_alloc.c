/* Allocation of every kind of runtime value with HashLink's GC kinds (hl-spec.md 4.2-4.10, 9.1). The
 * bool boxes, the small-int boxes and the empty Dynamic array are shared immutable constants, as in
 * HashLink. */
#include "rt/rt_internal.h"

/* ---- shared constant values ------------------------------------------------------------------ */

static const vdynamic bool_boxes[2] = {
    {(hli_type *)&hli_hlt_bool, {.b = 0}},
    {(hli_type *)&hli_hlt_bool, {.b = 1}},
};

/* hl_make_dyn's cache of i32 boxes for -128..127, indexed by the value's low byte. */
#define SMALL(k) {(hli_type *)&hli_hlt_i32, {.i = (k) < 128 ? (k) : (k)-256}}
#define SMALL4(k) SMALL(k), SMALL((k) + 1), SMALL((k) + 2), SMALL((k) + 3)
#define SMALL16(k) SMALL4(k), SMALL4((k) + 4), SMALL4((k) + 8), SMALL4((k) + 12)
#define SMALL64(k) SMALL16(k), SMALL16((k) + 16), SMALL16((k) + 32), SMALL16((k) + 48)
static const vdynamic small_ints[256] = {SMALL64(0), SMALL64(64), SMALL64(128), SMALL64(192)};
#undef SMALL
#undef SMALL4
#undef SMALL16
#undef SMALL64

/* The shared empty NativeArray<Dynamic> of hl_alloc_array(dyn, 0). */
static const varray empty_dyn_array = {(hli_type *)&hli_hlt_array, (hli_type *)&hli_hlt_dyn, 0, 0};

vdynamic *hli_dyn_bool(bool b) { return (vdynamic *)&bool_boxes[b ? 1 : 0]; }

/* ---- objects ------------------------------------------------------------------------------------- */

/* hl_alloc_obj: a zeroed instance (HSTRUCT: no header, RAW when it holds pointers; HOBJ: DYNAMIC when
 * it does, else NOPTR), then every binding stored: the shared static closure, or one bound to it. */
vobj *hli_alloc_obj(hli_thread *th, hli_type *t) {
    if (t == NULL || (t->kind != HOBJ && t->kind != HSTRUCT) || t->u.obj->rt == NULL || t->u.obj->rt->t != t) {
        char b[128];
        hli_throw_error(th, "Can't allocate %s", t ? hli_rt_type_str(th->vm, t, b, sizeof b) : "null");
        return NULL;
    }
    hli_obj_rt *rt = t->u.obj->rt;
    hli_gc_kind kind = !rt->has_ptr ? HLI_GC_NOPTR : t->kind == HSTRUCT ? HLI_GC_RAW : HLI_GC_DYNAMIC;
    vobj *o = hli_alloc(th, rt->size > 0 ? rt->size : 8, kind);
    if (o == NULL)
        return NULL;
    if (t->kind == HOBJ)
        o->t = t;
    if (rt->nbindings == 0)
        return o;
    hli_root_push(th, &o);
    for (uint32_t i = 0; i < rt->nbindings; i++) {
        const hli_obj_binding *b = &rt->bindings[i];
        void *v = b->closure;
        if (v == NULL && (v = hli_alloc_closure_ptr(th, b->fn->type, b->fn, o)) == NULL) {
            hli_root_pop(th, 1);
            return NULL;
        }
        rt_stp((char *)o + rt->fields_indexes[b->fid], v);
    }
    hli_root_pop(th, 1);
    return o;
}

/* hl_alloc_array: DYNAMIC when the element type is a pointer kind (traced by rt_trace.c). */
varray *hli_alloc_array(hli_thread *th, hli_type *at, int32_t n) {
    if (n < 0) {
        hli_throw_error(th, "Invalid array size");
        return NULL;
    }
    if (n == 0 && at->kind == HDYN)
        return (varray *)&empty_dyn_array;
    size_t size = sizeof(varray) + (size_t)hli_type_size(at) * (size_t)n;
    varray *a = hli_alloc(th, size, rt_is_ptr(at) ? HLI_GC_DYNAMIC : HLI_GC_NOPTR);
    if (a == NULL)
        return NULL;
    a->t = HLI_T(array);
    a->at = at;
    a->size = n;
    return a;
}

/* hl_alloc_enum: the construct's size from hli_rt_link, DYNAMIC when a parameter is a pointer. */
venum *hli_alloc_enum(hli_thread *th, hli_type *t, int32_t construct) {
    if (t == NULL || t->kind != HENUM || construct < 0 || (uint32_t)construct >= t->u.tenum->nconstructs ||
        t->u.tenum->constructs[construct].size == 0) {
        hli_throw_error(th, "Invalid enum constructor");
        return NULL;
    }
    const hli_enum_construct *c = &t->u.tenum->constructs[construct];
    venum *e = hli_alloc(th, c->size, c->hasptr ? HLI_GC_DYNAMIC : HLI_GC_NOPTR);
    if (e == NULL)
        return NULL;
    e->t = t;
    e->index = construct;
    return e;
}

/* hl_alloc_virtual (ONew of a virtual): own zeroed data area, fields[i] pointing into it. */
vvirtual *hli_alloc_virtual(hli_thread *th, hli_type *t) {
    if (t == NULL || t->kind != HVIRTUAL || t->u.virt->rt == NULL) {
        hli_throw_error(th, "Invalid virtual type");
        return NULL;
    }
    const hli_virtual_rt *rt = t->u.virt->rt;
    uint32_t n = t->u.virt->nfields;
    vvirtual *v = hli_alloc(th, sizeof(vvirtual) + 8 * (size_t)n + rt->data_size, HLI_GC_DYNAMIC);
    if (v == NULL)
        return NULL;
    v->t = t;
    for (uint32_t i = 0; i < n; i++)
        hli_vfields(v)[i] = (char *)v + rt->indexes[i];
    return v;
}

vdynobj *hli_alloc_dynobj(hli_thread *th) {
    vdynobj *o = hli_alloc(th, sizeof(vdynobj), HLI_GC_DYNAMIC);
    if (o != NULL)
        o->t = HLI_T(dynobj);
    return o;
}

/* ---- boxes ------------------------------------------------------------------------------------- */

vdynamic *hli_alloc_box(hli_thread *th, hli_type *t) {
    vdynamic *d = hli_alloc(th, sizeof(vdynamic), rt_is_ptr(t) ? HLI_GC_DYNAMIC : HLI_GC_NOPTR);
    if (d != NULL)
        d->t = t;
    return d;
}

/* A box of t holding the value at data read with t's width (numbers) or as a pointer. */
static hli_status box_value(hli_thread *th, const void *data, hli_type *t, vdynamic **out) {
    vdynamic *d = hli_alloc_box(th, t);
    if (d == NULL)
        return HLI_EXC;
    switch (t->kind) {
    case HUI8: d->v.i = *(const uint8_t *)data; break;
    case HUI16: d->v.i = rt_ldu16(data); break;
    case HI32: d->v.i = rt_ldi(data); break;
    case HF32: d->v.f = rt_ldf(data); break;
    case HF64: d->v.d = rt_ldd(data); break;
    case HI64:
    case HGUID: d->v.i64 = rt_ldi64(data); break;
    default: d->v.ptr = rt_ldp(data); break;
    }
    *out = d;
    return HLI_OK;
}

/* hl_make_dyn (see rt.h); numbers are read with their type's width from any alignment. */
hli_status hli_make_dyn(hli_thread *th, const void *data, hli_type *t, vdynamic **out) {
    *out = NULL;
    switch (t->kind) {
    case HVOID: return HLI_OK;
    case HBOOL: *out = hli_dyn_bool(*(const uint8_t *)data != 0); return HLI_OK;
    case HI32: {
        int32_t v = rt_ldi(data);
        if (v >= -128 && v <= 127) {
            *out = (vdynamic *)&small_ints[v & 0xFF];
            return HLI_OK;
        }
        return box_value(th, data, t, out);
    }
    case HUI8:
    case HUI16:
    case HI64:
    case HGUID:
    case HF32:
    case HF64: return box_value(th, data, t, out);
    default:
        if (rt_is_dynamic(t)) {
            *out = rt_ldp(data);
            return HLI_OK;
        }
        /* bytes, type, ref, abstract (and structs/methods, which HashLink would return unboxed) */
        if (rt_ldp(data) == NULL)
            return HLI_OK;
        return box_value(th, data, t, out);
    }
}

/* OToDyn (see rt.h): unlike hl_make_dyn, an i32 always gets a fresh box. */
vdynamic *hli_box(hli_thread *th, const hli_reg *v, hli_type *t) {
    if (t->kind == HVOID)
        return NULL;
    if (t->kind == HBOOL)
        return hli_dyn_bool(v->b != 0);
    if (rt_is_dynamic(t) || (rt_is_ptr(t) && v->p == NULL))
        return v->p;
    vdynamic *d = NULL;
    box_value(th, v, t, &d);
    return d;
}

/* ---- closures ------------------------------------------------------------------------------------ */

vclosure *hli_alloc_closure(hli_thread *th, hli_fn *fn, hli_type *t, void *bound, bool has_value) {
    vclosure *c = hli_alloc(th, sizeof(vclosure), has_value ? HLI_GC_DYNAMIC : HLI_GC_NOPTR);
    if (c == NULL)
        return NULL;
    c->t = t;
    c->fun = fn;
    c->hasValue = has_value ? 1 : 0;
    c->value = has_value ? bound : NULL;
    return c;
}

vclosure *hli_alloc_closure_ptr(hli_thread *th, hli_type *fullt, hli_fn *fn, void *v) {
    if (fullt == NULL || fullt->kind != HFUN || fullt->u.fun->closure_type == NULL) {
        hli_throw_error(th, "Can't bind a closure to a function without arguments");
        return NULL;
    }
    return hli_alloc_closure(th, fn, fullt->u.fun->closure_type, v, true);
}

vclosure *hli_alloc_bound_closure(hli_thread *th, hli_fn *fn, void *v) {
    return hli_alloc_closure_ptr(th, fn->type, fn, v);
}

/* ---- bytes and strings ------------------------------------------------------------------------- */

uint8_t *hli_alloc_bytes(hli_thread *th, int32_t n) {
    if (n < 0) {
        hli_throw_error(th, "Invalid allocation size");
        return NULL;
    }
    return n == 0 ? NULL : hli_alloc(th, (size_t)n, HLI_GC_NOPTR);
}

/* A String object around a UTF-16 buffer of len units (+ NUL) filled by the caller's callback. */
static vstring *string_alloc(hli_thread *th, int32_t len, hli_uchar **buf) {
    hli_type *st = th->vm->prog != NULL ? th->vm->prog->string_type : NULL;
    if (st == NULL) {
        hli_throw_error(th, "The module has no String class");
        return NULL;
    }
    if (len < 0 || len > INT32_MAX / 2 - 1) {
        hli_throw_error(th, "Invalid allocation size");
        return NULL;
    }
    hli_uchar *b = hli_alloc(th, ((size_t)len + 1) * sizeof(hli_uchar), HLI_GC_NOPTR);
    if (b == NULL)
        return NULL;
    hli_root_push(th, &b);
    vstring *s = (vstring *)hli_alloc_obj(th, st);
    hli_root_pop(th, 1);
    if (s == NULL)
        return NULL;
    s->bytes = b;
    s->length = len;
    *buf = b;
    return s;
}

/* A String holding a copy of s[0..len). */
vstring *hli_string_new(hli_thread *th, const hli_uchar *s, int32_t len) {
    hli_uchar *b;
    vstring *str = string_alloc(th, len, &b);
    if (str != NULL && len > 0)
        memcpy(b, s, (size_t)len * sizeof(hli_uchar));
    return str;
}

/* A String decoded from UTF-8 (malformed bytes become U+FFFD). */
vstring *hli_string_from_utf8(hli_thread *th, const char *s, size_t len) {
    size_t units = hli_rt_utf8_to_utf16(s, len, NULL);
    if (units > INT32_MAX / 2) {
        hli_throw_error(th, "Invalid allocation size");
        return NULL;
    }
    hli_uchar *b;
    vstring *str = string_alloc(th, (int32_t)units, &b);
    if (str != NULL)
        hli_rt_utf8_to_utf16(s, len, b);
    return str;
}
