/* Dynamic casts (hl-spec.md 5.5, HashLink's cast.c): numeric conversions with x86's float-to-int
 * semantics, pointer casts (subclasses, __cast hooks, function wrappers, virtual views, boxing into
 * Dynamic/Null<T>/Ref<T>), hl_write_dyn and value_cast. Errors are "Can't cast <t> to <to>". */
#include "rt/rt_internal.h"

hli_status hli_throw_cast(hli_thread *th, const hli_type *from, const hli_type *to) {
    char a[256], b[256];
    return hli_throw_error(th, "Can't cast %s to %s", hli_rt_type_str(th->vm, from, a, sizeof a),
                           hli_rt_type_str(th->vm, to, b, sizeof b));
}

/* x86's cvttsd2si: truncation, INT_MIN for NaN and out-of-range values (design.md "Code"). */
static int32_t d2i(double d) {
    if (!(d > -2147483649.0 && d < 2147483648.0))
        return INT32_MIN;
    return (int32_t)d;
}

static int64_t d2i64(double d) {
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
        return INT64_MIN;
    return (int64_t)d;
}

/* For numeric targets: a Dynamic source is dereferenced (null gives 0) and continues with the box's
 * own type. Returns false when the value is null. */
static bool deref_dyn(const void **data, hli_type **t) {
    if ((*t)->kind != HDYN)
        return true;
    vdynamic *v = rt_ldp(*data);
    if (v == NULL)
        return false;
    *t = v->t;
    if (!rt_is_dynamic(v->t))
        *data = &v->v;
    return true;
}

/* hl_dyn_casti: integer conversions as C casts, floats truncated (x86 INT_MIN on overflow/NaN). */
hli_status hli_dyn_casti(hli_thread *th, const void *data, hli_type *t, hli_type *to, int32_t *out) {
    *out = 0;
    for (;;) {
        if (!deref_dyn(&data, &t))
            return HLI_OK;
        switch (t->kind) {
        case HUI8: *out = *(const uint8_t *)data; return HLI_OK;
        case HUI16: *out = rt_ldu16(data); return HLI_OK;
        case HI32: *out = rt_ldi(data); return HLI_OK;
        case HI64:
        case HGUID: *out = (int32_t)(uint32_t)(uint64_t)rt_ldi64(data); return HLI_OK;
        case HF32: *out = d2i(rt_ldf(data)); return HLI_OK;
        case HF64: *out = d2i(rt_ldd(data)); return HLI_OK;
        case HBOOL: *out = *(const uint8_t *)data; return HLI_OK;
        case HNULL: {
            vdynamic *v = rt_ldp(data);
            if (v == NULL)
                return HLI_OK;
            data = &v->v;
            t = t->u.tparam;
            continue;
        }
        default: return hli_throw_cast(th, t, to);
        }
    }
}

/* hl_dyn_casti64. */
hli_status hli_dyn_casti64(hli_thread *th, const void *data, hli_type *t, int64_t *out) {
    *out = 0;
    for (;;) {
        if (!deref_dyn(&data, &t))
            return HLI_OK;
        switch (t->kind) {
        case HUI8: *out = *(const uint8_t *)data; return HLI_OK;
        case HUI16: *out = rt_ldu16(data); return HLI_OK;
        case HI32: *out = rt_ldi(data); return HLI_OK;
        case HI64:
        case HGUID: *out = rt_ldi64(data); return HLI_OK;
        case HF32: *out = d2i64(rt_ldf(data)); return HLI_OK;
        case HF64: *out = d2i64(rt_ldd(data)); return HLI_OK;
        case HBOOL: *out = *(const uint8_t *)data; return HLI_OK;
        case HNULL: {
            vdynamic *v = rt_ldp(data);
            if (v == NULL)
                return HLI_OK;
            data = &v->v;
            t = t->u.tparam;
            continue;
        }
        default: return hli_throw_cast(th, t, HLI_T(i64));
        }
    }
}

/* hl_dyn_castd. */
hli_status hli_dyn_castd(hli_thread *th, const void *data, hli_type *t, double *out) {
    *out = 0;
    for (;;) {
        if (!deref_dyn(&data, &t))
            return HLI_OK;
        switch (t->kind) {
        case HF32: *out = rt_ldf(data); return HLI_OK;
        case HF64: *out = rt_ldd(data); return HLI_OK;
        case HUI8: *out = *(const uint8_t *)data; return HLI_OK;
        case HUI16: *out = rt_ldu16(data); return HLI_OK;
        case HI32: *out = rt_ldi(data); return HLI_OK;
        case HI64: *out = (double)rt_ldi64(data); return HLI_OK;
        case HBOOL: *out = *(const uint8_t *)data; return HLI_OK;
        case HNULL: {
            vdynamic *v = rt_ldp(data);
            if (v == NULL)
                return HLI_OK;
            data = &v->v;
            t = t->u.tparam;
            continue;
        }
        default: return hli_throw_cast(th, t, HLI_T(f64));
        }
    }
}

/* hl_dyn_castf. */
hli_status hli_dyn_castf(hli_thread *th, const void *data, hli_type *t, float *out) {
    *out = 0;
    for (;;) {
        if (!deref_dyn(&data, &t))
            return HLI_OK;
        switch (t->kind) {
        case HF32: *out = rt_ldf(data); return HLI_OK;
        case HF64: *out = (float)rt_ldd(data); return HLI_OK;
        case HUI8: *out = *(const uint8_t *)data; return HLI_OK;
        case HUI16: *out = rt_ldu16(data); return HLI_OK;
        case HI32: *out = (float)rt_ldi(data); return HLI_OK;
        case HI64: *out = (float)rt_ldi64(data); return HLI_OK;
        case HBOOL: *out = *(const uint8_t *)data; return HLI_OK;
        case HNULL: {
            vdynamic *v = rt_ldp(data);
            if (v == NULL)
                return HLI_OK;
            data = &v->v;
            t = t->u.tparam;
            continue;
        }
        default: return hli_throw_cast(th, t, HLI_T(f32));
        }
    }
}

/* Boxes the value at data (type t) converted to the basic type `to` (Null<basic> targets). */
static hli_status box_converted(hli_thread *th, const void *data, hli_type *t, hli_type *to, void **out) {
    hli_reg r;
    r.i64 = 0;
    hli_status s;
    switch (to->kind) {
    case HUI8:
    case HUI16:
    case HI32:
    case HBOOL: s = hli_dyn_casti(th, data, t, to, &r.i); break;
    case HI64:
    case HGUID: s = hli_dyn_casti64(th, data, t, &r.i64); break;
    case HF32: s = hli_dyn_castf(th, data, t, &r.f); break;
    case HF64: s = hli_dyn_castd(th, data, t, &r.d); break;
    default: return hli_throw_cast(th, t, to);
    }
    if (s != HLI_OK)
        return s;
    return hli_make_dyn(th, &r, to, (vdynamic **)out);
}

/* A Ref<to> cell holding the value converted to `to` (numbers NOPTR, pointers RAW). */
static hli_status ref_cell(hli_thread *th, const void *data, hli_type *t, hli_type *to, void **out) {
    bool ptr = rt_is_ptr(to);
    void *cell = hli_alloc(th, 8, ptr ? HLI_GC_RAW : HLI_GC_NOPTR);
    if (cell == NULL)
        return HLI_EXC;
    hli_root_push(th, &cell);
    hli_status s = hli_dyn_cast(th, data, t, to, (hli_reg *)cell);
    hli_root_pop(th, 1);
    *out = s == HLI_OK ? cell : NULL;
    return s;
}

#define TK2(a, b) ((a) | ((b) << 5))

/* hl_dyn_castp (hl-spec.md 5.5): pointer targets. Boxes and dynamic values are dereferenced to their
 * runtime type first; then safe casts, the per-kind rules, and boxing into dyn/Null<T>/Ref<T>. */
hli_status hli_dyn_castp(hli_thread *th, const void *data, hli_type *t, hli_type *to, void **out) {
    *out = NULL;
    if (to->kind == HDYN && rt_is_dynamic(t)) {
        *out = rt_ldp(data);
        return HLI_OK;
    }
    if (t->kind == HDYN || t->kind == HNULL) {
        vdynamic *v = rt_ldp(data);
        if (v == NULL)
            return HLI_OK;
        if (to->kind == HNULL && v->t == to->u.tparam) { /* the box already has the wanted type */
            *out = v;
            return HLI_OK;
        }
        t = v->t;
        if (!rt_is_dynamic(t))
            data = &v->v;
    } else if (rt_is_dynamic(t)) {
        vdynamic *v = rt_ldp(data);
        if (v == NULL)
            return HLI_OK;
        t = v->t;
    }
    if (t == to || hli_type_safe_cast(t, to)) {
        *out = rt_ldp(data);
        return HLI_OK;
    }
    switch (TK2(t->kind, to->kind)) {
    case TK2(HOBJ, HOBJ):
    case TK2(HSTRUCT, HSTRUCT): {
        for (const hli_type *c = t; c != NULL; c = c->u.obj->super)
            if (c->u.obj == to->u.obj || c->u.obj->name == to->u.obj->name) {
                *out = rt_ldp(data);
                return HLI_OK;
            }
        hli_obj_rt *rt = rt_obj(t);
        if (rt != NULL && rt->cast != NULL) {
            hli_reg args[2], ret;
            args[0].p = rt_ldp(data);
            args[1].p = to;
            ret.p = NULL;
            hli_status s = hli_call_fn(th, rt->cast, args, 2, &ret);
            if (s != HLI_OK)
                return s;
            if (ret.p != NULL) {
                *out = ret.p;
                return HLI_OK;
            }
        }
        break;
    }
    case TK2(HFUN, HFUN): {
        vclosure *c = rt_ldp(data), *w;
        if (c == NULL)
            return HLI_OK;
        hli_status s = hli_make_fun_wrapper(th, c, to, &w);
        if (s != HLI_OK)
            return s;
        if (w != NULL) {
            *out = w;
            return HLI_OK;
        }
        break;
    }
    case TK2(HOBJ, HVIRTUAL):
    case TK2(HDYNOBJ, HVIRTUAL):
    case TK2(HVIRTUAL, HVIRTUAL): return hli_to_virtual(th, to, rt_ldp(data), (vvirtual **)out);
    case TK2(HVIRTUAL, HOBJ): {
        vvirtual *v = rt_ldp(data);
        if (v->value == NULL)
            break;
        return hli_dyn_castp(th, &v->value, v->value->t, to, out);
    }
    case TK2(HOBJ, HDYN):
    case TK2(HDYNOBJ, HDYN):
    case TK2(HFUN, HDYN):
    case TK2(HNULL, HDYN):
    case TK2(HARRAY, HDYN): *out = rt_ldp(data); return HLI_OK;
    default: break;
    }
    if (to->kind == HDYN)
        return hli_make_dyn(th, data, t, (vdynamic **)out);
    if (to->kind == HNULL) {
        if (to->u.tparam->kind == t->kind)
            return hli_make_dyn(th, data, t, (vdynamic **)out);
        switch (to->u.tparam->kind) {
        case HUI8:
        case HUI16:
        case HI32:
        case HBOOL:
        case HI64:
        case HGUID:
        case HF32:
        case HF64: return box_converted(th, data, t, to->u.tparam, out);
        default: break;
        }
    }
    if (to->kind == HREF)
        return ref_cell(th, data, t, to->u.tparam, out);
    return hli_throw_cast(th, t, to);
}

/* The conversion for any target type, written with the target's width. */
hli_status hli_dyn_cast(hli_thread *th, const void *data, hli_type *t, hli_type *to, hli_reg *out) {
    hli_status s = HLI_OK;
    int32_t i;
    out->i64 = 0;
    switch (to->kind) {
    case HVOID: break;
    case HUI8:
        s = hli_dyn_casti(th, data, t, to, &i);
        out->ui8 = (uint8_t)i;
        break;
    case HUI16:
        s = hli_dyn_casti(th, data, t, to, &i);
        out->ui16 = (uint16_t)i;
        break;
    case HI32: s = hli_dyn_casti(th, data, t, to, &out->i); break;
    case HBOOL:
        s = hli_dyn_casti(th, data, t, to, &i);
        out->b = i != 0;
        break;
    case HI64:
    case HGUID: s = hli_dyn_casti64(th, data, t, &out->i64); break;
    case HF32: s = hli_dyn_castf(th, data, t, &out->f); break;
    case HF64: s = hli_dyn_castd(th, data, t, &out->d); break;
    default: s = hli_dyn_castp(th, data, t, to, &out->p); break;
    }
    return s;
}

/* hl_write_dyn: numbers through the numeric casts, pointers kept when the type matches, else cast. */
hli_status hli_write_dyn(hli_thread *th, void *data, hli_type *t, vdynamic *v, bool is_tmp) {
    hli_reg r;
    if (t->kind != HVOID && !rt_is_ptr(t)) {
        hli_status s = hli_dyn_cast(th, &v, HLI_T(dyn), t, &r);
        if (s == HLI_OK)
            memcpy(data, &r, hli_type_size(t));
        return s;
    }
    if (t->kind == HVOID)
        return HLI_OK;
    void *ret;
    if (v != NULL && hli_type_same(t, v->t)) {
        ret = v;
    } else {
        hli_status s = hli_dyn_castp(th, &v, HLI_T(dyn), t, &ret);
        if (s != HLI_OK)
            return s;
    }
    if (is_tmp && ret == v && v != NULL) { /* never store a caller's temporary box */
        vdynamic *c = hli_alloc_box(th, v->t);
        if (c == NULL)
            return HLI_EXC;
        c->v = v->v;
        ret = c;
    }
    rt_stp(data, ret);
    return HLI_OK;
}

hli_status hli_value_cast(hli_thread *th, vdynamic *v, hli_type *t, vdynamic **out) {
    *out = v;
    if (t->kind == HDYN || v == NULL || hli_type_safe_cast(v->t, t))
        return HLI_OK;
    *out = NULL;
    return hli_throw_cast(th, v->t, t);
}
