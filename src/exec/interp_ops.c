/* Slow paths of the interpreter (see interp_ops.h): comparisons with HashLink's special rules,
 * numeric conversions, small-integer arithmetic, converted (dynamic) calls. */
#include <math.h>
#include <string.h>

#include "exec/interp_ops.h"
#include "rt/rt.h"

/* ---- comparisons (hl-spec.md 3.3 "Jumps and comparisons") --------------------------------------- */

/* The relation of HashLink opcode `rel` between two ordered numbers. */
static bool num_rel(int rel, double a, double b) {
    switch (rel) {
    case OJSLt: return a < b;
    case OJSGte: return a >= b;
    case OJSGt: return a > b;
    case OJSLte: return a <= b;
    case OJNotLt: return !(a < b);
    case OJNotGte: return !(a >= b);
    case OJEq: return a == b;
    case OJNotEq: return a != b;
    default: return false;
    }
}

static bool int_rel(int rel, int64_t a, int64_t b) {
    switch (rel) {
    case OJSLt: return a < b;
    case OJSGte: case OJNotLt: return a >= b;
    case OJSGt: return a > b;
    case OJSLte: return a <= b;
    case OJNotGte: return a < b;
    case OJULt: return (uint32_t)a < (uint32_t)b;
    case OJUGte: return (uint32_t)a >= (uint32_t)b;
    case OJEq: return a == b;
    case OJNotEq: return a != b;
    default: return false;
    }
}

/* An integer register's value, zero-extended for the small kinds (for conversions). */
static int64_t int_value(const hli_reg *r, hli_kind k) {
    switch (k) {
    case HUI8:
    case HBOOL: return r->ui8;
    case HUI16: return r->ui16;
    case HI32: return r->i;
    default: return r->i64;
    }
}

/* An integer register's value as HashLink's JIT compares it: ui8 and ui16 as *signed* 8- and 16-bit
 * quantities (hl-spec.md 3.3 and 11.20: `(b:UI8) > (c:UI8)` with b = 250, c = 5 is false). HL/C
 * compares them zero-extended; `hl` is the reference here, as for float negation. */
static int64_t compared_value(const hli_reg *r, hli_kind k) {
    switch (k) {
    case HUI8: return (int8_t)r->ui8;
    case HUI16: return (int16_t)r->ui16;
    default: return int_value(r, k);
    }
}

/* Payload equality of two null<T> boxes as T (3.3). */
static bool box_payload_equal(const vdynamic *a, const vdynamic *b, const hli_type *param) {
    switch (param->kind) {
    case HUI8:
    case HBOOL: return a->v.ui8 == b->v.ui8;
    case HUI16: return a->v.ui16 == b->v.ui16;
    case HI32: return a->v.i == b->v.i;
    case HF32: return a->v.f == b->v.f;
    case HF64: return a->v.d == b->v.d;
    default: return a->v.i64 == b->v.i64;
    }
}

static hli_fn *compare_hook(const hli_type *t) {
    if ((t->kind == HOBJ || t->kind == HSTRUCT) && t->u.obj->rt != NULL)
        return t->u.obj->rt->compare;
    return NULL;
}

hli_status hli_op_compare(hli_thread *th, const hli_iop *op, hli_reg *regs, const hli_code *code, bool *taken) {
    hli_type *ta = code->regs[op->a], *tb = code->regs[op->b];
    hli_kind ka = ta->kind, kb = tb->kind;
    int rel = op->c;
    hli_reg *a = &regs[op->a], *b = &regs[op->b];
    *taken = false;
    if (ka == HDYN || ka == HFUN || kb == HDYN || kb == HFUN) {
        int32_t c = 0;
        hli_status st = hli_dyn_compare(th, a->p, b->p, &c);
        if (st != HLI_OK)
            return st;
        switch (rel) {
        case OJSGt: *taken = c != HLI_INVALID_COMPARISON && c > 0; break;
        case OJSGte: *taken = c != HLI_INVALID_COMPARISON && c >= 0; break;
        case OJSLt: *taken = c < 0; break;
        case OJSLte: *taken = c <= 0; break;
        case OJEq: *taken = c == 0; break;
        case OJNotEq: *taken = c != 0; break;
        default: break;
        }
        return HLI_OK;
    }
    bool eq_op = rel == OJEq || rel == OJNotEq;
    if (ka == HTYPE && kb == HTYPE) {
        bool eq = a->p == b->p || (a->p != NULL && b->p != NULL && hli_type_same(a->p, b->p));
        *taken = rel == OJEq ? eq : rel == OJNotEq ? !eq : false;
        return HLI_OK;
    }
    if (ka == HNULL && kb == HNULL) {
        const vdynamic *x = a->p, *y = b->p;
        bool eq = x == y || (x != NULL && y != NULL && box_payload_equal(x, y, ta->u.tparam));
        *taken = rel == OJEq ? eq : rel == OJNotEq ? !eq : false;
        return HLI_OK;
    }
    if (ka == HVIRTUAL || kb == HVIRTUAL) {
        const vvirtual *x = a->p, *y = b->p;
        bool eq;
        if (ka == HVIRTUAL && kb == HVIRTUAL)
            eq = x == y || (x != NULL && y != NULL && x->value != NULL && x->value == y->value);
        else if (ka == HVIRTUAL)
            eq = x == NULL ? b->p == NULL : (b->p != NULL && (void *)x->value == b->p);
        else
            eq = y == NULL ? a->p == NULL : (a->p != NULL && (void *)y->value == a->p);
        *taken = rel == OJEq ? eq : rel == OJNotEq ? !eq : false;
        return HLI_OK;
    }
    /* The first operand's class decides, as in HashLink's JIT: its __compare receives the second
     * operand, which may be of any class (a hook of the second's class would get the wrong `this`). */
    hli_fn *cmp = compare_hook(ta);
    if (cmp != NULL) {
        void *x = a->p, *y = b->p;
        if (eq_op && x == y) {
            *taken = rel == OJEq;
            return HLI_OK;
        }
        if (x == NULL || y == NULL) {
            *taken = rel == OJNotEq;
            return HLI_OK;
        }
        hli_reg args[2], ret;
        args[0].p = x;
        args[1].p = y;
        hli_status st = hli_call_fn(th, cmp, args, 2, &ret);
        if (st != HLI_OK)
            return st;
        *taken = int_rel(rel, ret.i, 0);
        return HLI_OK;
    }
    if (ka == HF32 || ka == HF64) {
        double x = ka == HF32 ? (double)a->f : a->d, y = kb == HF32 ? (double)b->f : b->d;
        *taken = num_rel(rel, x, y);
        return HLI_OK;
    }
    if (hli_kind_is_ptr(ka)) {
        /* Identity, and address order for the ordering ops (HashLink compares the pointers). */
        uintptr_t x = (uintptr_t)a->p, y = (uintptr_t)b->p;
        *taken = int_rel(rel == OJULt ? OJSLt : rel == OJUGte ? OJSGte : rel, x < y ? -1 : x > y ? 1 : 0, 0);
        return HLI_OK;
    }
    *taken = int_rel(rel, compared_value(a, ka), compared_value(b, kb));
    return HLI_OK;
}

/* ---- numeric conversions ------------------------------------------------------------------------ */

static int32_t to_i32(double d) { return (d > -2147483649.0 && d < 2147483648.0) ? (int32_t)d : INT32_MIN; }

static int64_t to_i64(double d) {
    return (d >= -9223372036854775808.0 && d < 9223372036854775808.0) ? (int64_t)d : INT64_MIN;
}

void hli_op_convert(const hli_iop *op, hli_reg *regs) {
    hli_kind from = (hli_kind)(op->c & 0xFF), to = (hli_kind)op->d;
    bool is_unsigned = (op->c & 0x100) != 0;
    const hli_reg *src = &regs[op->b];
    bool is_float = from == HF32 || from == HF64;
    double d = from == HF32 ? (double)src->f : from == HF64 ? src->d : 0;
    int64_t i = 0;
    if (!is_float)
        i = from == HI32 && is_unsigned ? (int64_t)(uint32_t)src->i : int_value(src, from);
    hli_reg out;
    out.i64 = 0;
    switch (to) {
    case HF64: out.d = is_float ? d : (double)i; break;
    case HF32: out.f = is_float ? (float)d : (float)i; break;
    case HI64: out.i64 = is_float ? to_i64(d) : i; break;
    case HUI8: out.i64 = (uint8_t)(is_float ? to_i32(d) : i); break;
    case HUI16: out.i64 = (uint16_t)(is_float ? to_i32(d) : i); break;
    case HBOOL: out.i64 = (is_float ? d != 0 : i != 0) ? 1 : 0; break;
    default: out.i = is_float ? to_i32(d) : (int32_t)(uint32_t)(uint64_t)i; break;
    }
    regs[op->a] = out;
}

void hli_op_arith_small(const hli_iop *op, hli_reg *regs) {
    uint32_t w = (uint32_t)op->x.i;
    uint32_t mask = w == 1 ? 0xFFu : 0xFFFFu;
    uint32_t x = (uint32_t)regs[op->b].i64 & mask;
    uint32_t y = op->c < 0 ? 1u : ((uint32_t)regs[op->c].i64 & mask);
    uint32_t r;
    switch (op->d) {
    case OAdd: r = x + y; break;
    case OSub: r = x - y; break;
    case OMul: r = x * y; break;
    case OSDiv:
    case OUDiv: r = y == 0 ? 0 : x / y; break;
    case OSMod:
    case OUMod: r = y == 0 ? 0 : x % y; break;
    case OShl: r = x << (y & 31); break;
    case OSShr:
    case OUShr: r = x >> (y & 31); break;
    case OAnd: r = x & y; break;
    case OOr: r = x | y; break;
    case OXor: r = x ^ y; break;
    case ONeg: r = 0u - x; break;
    default: r = 0; break;
    }
    regs[op->a].i64 = r & mask;
}

/* ---- converted calls (hl_dyn_call, 5.4) -------------------------------------------------------- */

/* A var-args closure (Reflect.makeVarArgs): its arguments boxed into a NativeArray<Dynamic> for the
 * real closure it holds as value; the Dynamic result converted to ret_type. Rare, so it goes through
 * the C call entry rather than a frame of this loop. */
static hli_status call_var_args(hli_thread *th, vclosure *c, const hli_reg *const *vals, hli_type *const *types,
                                uint32_t n, hli_type *ret_type, hli_reg *out) {
    varray *a = hli_alloc_array(th, HLI_T(dyn), (int32_t)n);
    if (a == NULL)
        return HLI_EXC;
    hli_root_push(th, &a);
    hli_root_push(th, &c);
    hli_status st = HLI_OK;
    for (uint32_t i = 0; i < n && st == HLI_OK; i++) {
        vdynamic *v = NULL;
        st = hli_make_dyn(th, vals[i], types[i], &v);
        hli_aptr(a, vdynamic *)[i] = v;
    }
    hli_reg arg, r;
    arg.p = a;
    r.i64 = 0;
    if (st == HLI_OK)
        st = hli_call_closure(th, c->value, &arg, 1, &r);
    hli_root_pop(th, 2);
    if (st != HLI_OK)
        return st;
    if (ret_type->kind == HVOID) {
        out->i64 = 0;
        return HLI_OK;
    }
    hli_root_push(th, &r.p);
    st = hli_dyn_cast(th, &r, HLI_T(dyn), ret_type, out);
    hli_root_pop(th, 1);
    return st;
}

hli_status hli_op_call_regs_converted(hli_thread *th, vclosure *c, hli_reg *regs, const hli_code *code,
                                      uint32_t first, uint32_t n, int32_t ret_reg, hli_type *ret_type,
                                      hli_reg *native_ret, bool *pushed) {
    const hli_reg *vals[256];
    hli_type *types[256];
    for (uint32_t i = 0; i < n && i < 256; i++) { /* a call op's argument count is a byte: n < 256 */
        vals[i] = &regs[code->args[first + i]];
        types[i] = code->regs[code->args[first + i]];
    }
    return hli_op_call_converted(th, c, vals, types, n < 256 ? n : 256, ret_reg, ret_type, native_ret, pushed);
}

hli_status hli_op_call_converted(hli_thread *th, vclosure *c, const hli_reg *const *vals, hli_type *const *types,
                                 uint32_t n, int32_t ret_reg, hli_type *ret_type, hli_reg *native_ret,
                                 bool *pushed) {
    *pushed = false;
    while (c != NULL && c->hasValue == 2)
        c = ((vclosure_wrapper *)c)->wrappedFun;
    if (c == NULL)
        return hli_throw_error(th, "Null access");
    if (hli_closure_is_var_args(c))
        return call_var_args(th, c, vals, types, n, ret_type, native_ret);
    hli_fn *fn = c->fun;
    const hli_type_fun *ft = fn->type->u.fun;
    uint32_t fixed = c->hasValue ? 1 : 0;
    if (ft->nargs < fixed)
        return hli_throw_error(th, "Can't call closure with value");
    uint32_t expected = ft->nargs - fixed;
    if (n < expected)
        return hli_throw_error(th, "Missing arguments : %u expected but %u passed", (unsigned)ft->nargs,
                               (unsigned)(n + fixed));
    if (fn->kind == HLI_FN_BYTECODE) {
        hli_reg *regs = hli_push_frame(th, fn, ret_reg, HLI_RET_CONVERT, ret_type);
        if (regs == NULL)
            return HLI_EXC;
        if (fixed)
            regs[0].p = c->value;
        for (uint32_t i = 0; i < expected; i++) {
            hli_status st = hli_dyn_cast(th, vals[i], types[i], ft->args[i + fixed], &regs[i + fixed]);
            if (st != HLI_OK) {
                hli_pop_frame(th);
                return st;
            }
        }
        *pushed = true;
        return HLI_OK;
    }
    hli_reg args[256 + 1];
    memset(args, 0, sizeof args);
    if (fixed)
        args[0].p = c->value;
    hli_root_range_push(th, args, (expected + fixed) * sizeof(hli_reg));
    hli_status st = HLI_OK;
    for (uint32_t i = 0; i < expected && st == HLI_OK; i++)
        st = hli_dyn_cast(th, vals[i], types[i], ft->args[i + fixed], &args[i + fixed]);
    hli_reg r;
    r.i64 = 0;
    if (st == HLI_OK)
        st = hli_native_call(th, fn, args, &r);
    hli_root_range_pop(th);
    if (st != HLI_OK)
        return st;
    if (ft->ret->kind == HVOID || ret_type->kind == HVOID) {
        native_ret->i64 = 0;
        return HLI_OK;
    }
    hli_root_push(th, &r.p);
    st = hli_dyn_cast(th, &r, ft->ret, ret_type, native_ret);
    hli_root_pop(th, 1);
    return st;
}

hli_status hli_op_virtual_method(hli_thread *th, vvirtual *v, int32_t hash, vclosure **out) {
    vdynamic *target = v->value != NULL ? v->value : (vdynamic *)v;
    hli_reg r;
    hli_status st = hli_dyn_get(th, target, hash, HLI_T(dyn), &r);
    if (st != HLI_OK)
        return st;
    vclosure *c = r.p;
    if (c == NULL || c->t == NULL || c->t->kind != HFUN) {
        const hli_uchar *name = hli_field_name(th->vm, hash);
        char buf[128];
        size_t k = 0;
        for (; name != NULL && name[k] != 0 && k + 1 < sizeof buf; k++)
            buf[k] = name[k] < 128 ? (char)name[k] : '?';
        buf[k] = 0;
        return hli_throw_error(th, "%s has no method %s", c == NULL ? "Object" : "Value", buf);
    }
    *out = c;
    return HLI_OK;
}

bool hli_op_value_fits(const vdynamic *v, const hli_type *to) {
    const hli_type *t = v->t;
    if (t == NULL || t->kind != to->kind)
        return false;
    switch (to->kind) {
    case HOBJ:
    case HVIRTUAL: return hli_type_safe_cast(t, to);
    case HENUM: return t->u.tenum == to->u.tenum;
    default: return true; /* arrays, closures, dynobjs: same kind, same layout */
    }
}
