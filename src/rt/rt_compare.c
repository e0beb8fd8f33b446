/* Dynamic comparison (hl-spec.md 5.7, hl_dyn_compare): numbers by value (mixed Int/Float pairs as
 * doubles), objects by their __compare hook or by address, closures by function and bound value,
 * virtuals by the value they view; anything else is HLI_INVALID_COMPARISON. */
#include "rt/rt_internal.h"

#define TK2(a, b) ((a) | ((b) << 5))

static int32_t fcompare(float a, float b) {
    float d = a - b;
    if (d != d)
        return a == b ? 0 : HLI_INVALID_COMPARISON; /* +inf == +inf */
    return d == 0.f ? 0 : (d > 0.f ? 1 : -1);
}

static int32_t dcompare(double a, double b) {
    double d = a - b;
    if (d != d)
        return a == b ? 0 : HLI_INVALID_COMPARISON;
    return d == 0. ? 0 : (d > 0. ? 1 : -1);
}

static int32_t ptr_order(const void *a, const void *b) {
    if (a == b)
        return 0;
    return (uintptr_t)a > (uintptr_t)b ? 1 : -1;
}

/* Whether a bound closure's value is a Dynamic-compatible value (a vdynamic with its type). */
static bool bound_is_dynamic(const vclosure *c) {
    const hli_type *p = c->t->u.fun->parent;
    return p == NULL || p->u.fun->nargs == 0 || hli_kind_is_dynamic(p->u.fun->args[0]->kind);
}

/* hl_dyn_compare as a loop: the cases that compare other values (views, wrapped or bound closures)
 * continue with them instead of recursing. */
static hli_status compare(hli_thread *th, vdynamic *a, vdynamic *b, int depth, int32_t *out) {
    for (;;) {
        if (a == b) {
            *out = 0;
            return HLI_OK;
        }
        if (a == NULL || b == NULL) {
            *out = a == NULL ? -1 : 1;
            return HLI_OK;
        }
        if (depth >= RT_MAX_DEPTH)
            return hli_throw_error(th, "Stack overflow");
        *out = HLI_INVALID_COMPARISON;
        switch (TK2(a->t->kind, b->t->kind)) {
        case TK2(HUI8, HUI8): *out = (int32_t)a->v.ui8 - (int32_t)b->v.ui8; return HLI_OK;
        case TK2(HUI16, HUI16): *out = (int32_t)a->v.ui16 - (int32_t)b->v.ui16; return HLI_OK;
        case TK2(HBOOL, HBOOL): *out = (int32_t)a->v.b - (int32_t)b->v.b; return HLI_OK;
        case TK2(HI32, HI32): *out = a->v.i == b->v.i ? 0 : (a->v.i > b->v.i ? 1 : -1); return HLI_OK;
        case TK2(HI64, HI64): *out = a->v.i64 == b->v.i64 ? 0 : (a->v.i64 > b->v.i64 ? 1 : -1); return HLI_OK;
        case TK2(HF32, HF32): *out = fcompare(a->v.f, b->v.f); return HLI_OK;
        case TK2(HF64, HF64): *out = dcompare(a->v.d, b->v.d); return HLI_OK;
        case TK2(HF64, HI32): *out = dcompare(a->v.d, (double)b->v.i); return HLI_OK;
        case TK2(HI32, HF64): *out = dcompare((double)a->v.i, b->v.d); return HLI_OK;
        case TK2(HF64, HF32): *out = dcompare(a->v.d, (double)b->v.f); return HLI_OK;
        case TK2(HF32, HF64): *out = dcompare((double)a->v.f, b->v.d); return HLI_OK;
        case TK2(HOBJ, HOBJ):
        case TK2(HSTRUCT, HSTRUCT): {
            hli_obj_rt *rt = rt_obj(a->t);
            if (rt != NULL && rt->compare != NULL) {
                hli_reg args[2], ret;
                args[0].p = a;
                args[1].p = b;
                ret.i64 = 0;
                hli_status s = hli_call_fn(th, rt->compare, args, 2, &ret);
                *out = ret.i;
                return s;
            }
            *out = ptr_order(a, b) > 0 ? 1 : -1;
            return HLI_OK;
        }
        case TK2(HENUM, HENUM): *out = ptr_order(a, b) > 0 ? 1 : -1; return HLI_OK;
        case TK2(HTYPE, HTYPE):
        case TK2(HBYTES, HBYTES): *out = a->v.ptr != b->v.ptr; return HLI_OK;
        case TK2(HOBJ, HVIRTUAL):
        case TK2(HDYNOBJ, HVIRTUAL): b = ((vvirtual *)b)->value; break;
        case TK2(HVIRTUAL, HOBJ):
        case TK2(HVIRTUAL, HDYNOBJ): a = ((vvirtual *)a)->value; break;
        case TK2(HFUN, HFUN): {
            vclosure *ca = (vclosure *)a, *cb = (vclosure *)b;
            if (ca->hasValue == 2) {
                a = (vdynamic *)((vclosure_wrapper *)ca)->wrappedFun;
                break;
            }
            if (cb->hasValue == 2) {
                b = (vdynamic *)((vclosure_wrapper *)cb)->wrappedFun;
                break;
            }
            if (ca->fun != cb->fun)
                return HLI_OK;
            if (ca->value != cb->value && ((ca->hasValue && !bound_is_dynamic(ca)) || (cb->hasValue && !bound_is_dynamic(cb)))) {
                /* values that are not Dynamic-compatible: equal only when identical */
                *out = HLI_INVALID_COMPARISON;
                return HLI_OK;
            }
            a = ca->value;
            b = cb->value;
            break;
        }
        case TK2(HVIRTUAL, HVIRTUAL):
            if (((vvirtual *)a)->value == NULL || ((vvirtual *)b)->value == NULL)
                return HLI_OK;
            a = ((vvirtual *)a)->value;
            b = ((vvirtual *)b)->value;
            break;
        default: return HLI_OK;
        }
        depth++;
    }
}

hli_status hli_dyn_compare(hli_thread *th, vdynamic *a, vdynamic *b, int32_t *out) {
    return compare(th, a, b, 0, out);
}
