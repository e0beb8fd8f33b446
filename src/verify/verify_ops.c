/* The operand rules of every opcode (hl-spec.md section 3): register indexes and types, table indexes,
 * call signatures, jump targets. Registers are statically typed, so each op is checked on its own;
 * the flow-dependent rules (trap depths, falling off the end) are in verify_flow.c. Each rule is
 * listed, with its reason id, in docs/internals/verifier.md. */
#include <stdio.h>
#include <string.h>

#include "verify/verify.h"
#include "verify/verify_internal.h"

/* ---- Small helpers --------------------------------------------------------------------------- */

static bool is_int(hli_kind k) {
    return k == HUI8 || k == HUI16 || k == HI32 || k == HI64;
}

static bool is_float(hli_kind k) {
    return k == HF32 || k == HF64;
}

static bool is_num(hli_kind k) {
    return is_int(k) || is_float(k);
}

/* Kinds that can hold null (every pointer kind; HVOID is not one). */
static bool is_nullable(hli_kind k) {
    return hli_kind_is_ptr(k);
}

/* The type of register r, or NULL after a REG_INDEX rejection. */
static const hli_type *reg(hli_vctx *c, int32_t r, const char *role) {
    if (r < 0 || (uint32_t)r >= c->f->nregs) {
        hli_vfail_op(c, HLI_VR_REG_INDEX, "%s register %ld out of range (%u registers)", role, (long)r,
                     (unsigned)c->f->nregs);
        return NULL;
    }
    return c->f->regs[r];
}

/* Declares `var` as the type of register `idx`, returning false from the caller when out of range. */
#define REG(var, idx, role)                              \
    const hli_type *var = reg(c, (idx), (role));         \
    if (var == NULL)                                     \
        return false

/* A kind rejection: "<role> r<n> is <type>, expected <what>". */
static bool kind_fail(hli_vctx *c, hli_verify_reason why, const char *role, int32_t r, const hli_type *t,
                      const char *what) {
    char b[HLI_VT_STR];
    return hli_vfail_op(c, why, "%s r%ld is %s, expected %s", role, (long)r, hli_vt_str(c, t, b), what);
}

/* A type rejection between a value type and the type it must fit. */
static bool fit_fail(hli_vctx *c, hli_verify_reason why, const char *what, const hli_type *from,
                     const hli_type *to) {
    char b1[HLI_VT_STR], b2[HLI_VT_STR];
    return hli_vfail_op(c, why, "%s: %s does not fit %s", what, hli_vt_str(c, from, b1), hli_vt_str(c, to, b2));
}

/* An index into a table of n entries. */
static bool index_ok(hli_vctx *c, hli_verify_reason why, const char *table, int32_t ix, uint32_t n) {
    if (ix < 0 || (uint32_t)ix >= n)
        return hli_vfail_op(c, why, "%s index %ld out of range (%u entries)", table, (long)ix, (unsigned)n);
    return true;
}

/* A jump offset: the target pc + 1 + off must be an op of the function. */
static bool jump_ok(hli_vctx *c, int32_t off) {
    int64_t target = (int64_t)c->pc + 1 + off;
    if (target < 0 || target >= (int64_t)c->f->nops)
        return hli_vfail_op(c, HLI_VR_JUMP_TARGET, "jump offset %ld goes to %lld, outside 0..%u", (long)off,
                            (long long)target, (unsigned)c->f->nops - 1);
    return true;
}

/* The HFUN type of findex f, or NULL after a FINDEX rejection. */
static const hli_type *callee(hli_vctx *c, int32_t f) {
    const hli_type *t = f >= 0 ? hli_module_findex_type(c->m, (uint32_t)f) : NULL;
    if (t == NULL)
        hli_vfail_op(c, HLI_VR_FINDEX, "function index %ld out of range (%u functions and natives)", (long)f,
                     (unsigned)(c->m->nfunctions + c->m->nnatives));
    return t;
}

/* The argument registers of a call op, gathered in order (at most 256: a raw-byte count, plus r0 for
 * OCallThis). */
typedef struct call_args {
    uint32_t n;
    int32_t r[256];
} call_args;

/* Names a callee in messages: the function of findex, or `what` when findex < 0. Only called when a
 * check fails (naming scans the type table). */
static const char *callee_name(hli_vctx *c, int64_t findex, const char *what, char *buf, size_t size) {
    if (findex < 0)
        return what;
    return hli_verify_function_name(c->m, (uint32_t)findex, buf, size);
}

/* A call of function type ft with the registers of a, result into dst. The callee is findex (or, when
 * findex < 0, described by `what`). */
static bool call_ok(hli_vctx *c, const hli_type_fun *ft, const call_args *a, int32_t dst, int64_t findex,
                    const char *what) {
    char name[128];
    if (ft->nargs != a->n)
        return hli_vfail_op(c, HLI_VR_CALL_ARITY, "%s takes %u arguments, called with %u",
                            callee_name(c, findex, what, name, sizeof name), (unsigned)ft->nargs, (unsigned)a->n);
    for (uint32_t i = 0; i < a->n; i++) {
        REG(t, a->r[i], "argument");
        if (!hli_vt_safe(c, t, ft->args[i])) {
            char b1[HLI_VT_STR], b2[HLI_VT_STR];
            return hli_vfail_op(c, HLI_VR_CALL_ARG, "argument %u of %s: r%ld is %s, not usable as %s", (unsigned)i,
                                callee_name(c, findex, what, name, sizeof name), (long)a->r[i],
                                hli_vt_str(c, t, b1), hli_vt_str(c, ft->args[i], b2));
        }
    }
    REG(d, dst, "destination");
    if (!hli_vt_safe(c, ft->ret, d)) {
        char b1[HLI_VT_STR], b2[HLI_VT_STR];
        return hli_vfail_op(c, HLI_VR_CALL_RET, "%s returns %s, destination r%ld is %s",
                            callee_name(c, findex, what, name, sizeof name), hli_vt_str(c, ft->ret, b1),
                            (long)dst, hli_vt_str(c, d, b2));
    }
    return true;
}

/* ---- Calls ----------------------------------------------------------------------------------- */

/* OCall0..OCall4, OCallN: d, findex, args. */
static bool op_call(hli_vctx *c, const hli_op *o) {
    call_args a;
    a.n = 0;
    switch (o->op) {
    case OCall0: break;
    case OCall1: a.n = 1; a.r[0] = o->p3; break;
    case OCall2:
    case OCall3:
    case OCall4:
        a.n = (uint32_t)(o->op - OCall0);
        a.r[0] = o->p3;
        for (uint32_t i = 1; i < a.n; i++)
            a.r[i] = o->extra[i - 1];
        break;
    default: /* OCallN */
        a.n = (uint32_t)o->p3;
        for (uint32_t i = 0; i < a.n; i++)
            a.r[i] = o->extra[i];
        break;
    }
    const hli_type *ft = callee(c, o->p2);
    if (ft == NULL)
        return false;
    return call_ok(c, ft->u.fun, &a, o->p1, o->p2, NULL);
}

/* OCallMethod d, slot, [obj, args...] and OCallThis d, slot, [args...] (obj = r0). */
static bool op_call_method(hli_vctx *c, const hli_op *o) {
    call_args a;
    a.n = 0;
    if (o->op == OCallThis)
        a.r[a.n++] = 0;
    for (int32_t i = 0; i < o->p3; i++)
        a.r[a.n++] = o->extra[i];
    if (a.n == 0)
        return hli_vfail_op(c, HLI_VR_CALL_ARITY, "OCallMethod without an object argument");
    REG(ot, a.r[0], "object");
    if (ot->kind == HOBJ) {
        const hli_proto *p = hli_vt_proto(c, ot, o->p2);
        if (p == NULL) {
            char b[HLI_VT_STR];
            return hli_vfail_op(c, HLI_VR_PROTO_SLOT, "no method in virtual slot %ld of %s", (long)o->p2,
                                hli_vt_str(c, ot, b));
        }
        return call_ok(c, hli_module_findex_type(c->m, p->findex)->u.fun, &a, o->p1, p->findex, NULL);
    }
    if (ot->kind == HVIRTUAL && o->op == OCallMethod) {
        const hli_type_virtual *v = ot->u.virt;
        if (o->p2 < 0 || (uint32_t)o->p2 >= v->nfields) {
            char b[HLI_VT_STR];
            return hli_vfail_op(c, HLI_VR_FIELD_INDEX, "field index %ld out of range for %s (%u fields)",
                                (long)o->p2, hli_vt_str(c, ot, b), (unsigned)v->nfields);
        }
        const hli_field *fd = &v->fields[o->p2];
        if (fd->type->kind != HMETHOD) {
            char b[HLI_VT_STR];
            return hli_vfail_op(c, HLI_VR_NOT_METHOD, "virtual field %ld is %s, not a method", (long)o->p2,
                                hli_vt_str(c, fd->type, b));
        }
        call_args rest;
        rest.n = a.n - 1;
        for (uint32_t i = 1; i < a.n; i++)
            rest.r[i - 1] = a.r[i];
        return call_ok(c, fd->type->u.fun, &rest, o->p1, -1, "the virtual method");
    }
    return kind_fail(c, HLI_VR_SRC_KIND, "object", a.r[0], ot,
                     o->op == OCallThis ? "an object (this)" : "an object or a virtual");
}

/* Does a call of a closure of function type ft fit its signature exactly: as many arguments, each
 * safe-casting to its parameter, the result safe-casting to dst? No rejection is raised. */
static bool closure_call_fits(hli_vctx *c, const hli_type_fun *ft, const call_args *a, int32_t dst) {
    uint32_t nregs = c->f->nregs;
    if (ft->nargs != a->n || dst < 0 || (uint32_t)dst >= nregs)
        return false;
    for (uint32_t i = 0; i < a->n; i++)
        if (a->r[i] < 0 || (uint32_t)a->r[i] >= nregs || !hli_vt_safe(c, c->f->regs[a->r[i]], ft->args[i]))
            return false;
    return hli_vt_safe(c, ft->ret, c->f->regs[dst]);
}

/* OCallClosure d, closure, args: an HFUN register called with its own signature, or an HDYN register
 * called dynamically with dynamic-kind arguments (the result is dyn-cast to d's type). */
static bool op_call_closure(hli_vctx *c, const hli_op *o) {
    call_args a;
    a.n = (uint32_t)o->p3;
    for (uint32_t i = 0; i < a.n; i++)
        a.r[i] = o->extra[i];
    REG(ft, o->p2, "closure");
    if (ft->kind == HFUN) {
        /* genhl quirk: when the analyzer propagates a method or function value into a call typed
         * through Dynamic (`var f:Dynamic = o.m; f(1, 2)`), the register is the closure's own HFUN
         * type but the arguments and the result are dynamic, in any number. Such a call does not fit
         * the signature; it is accepted when every argument is a dynamic kind, and the interpreter
         * makes it a dynamic call (verifier.md, rule CALL_CLOSURE_DYN). */
        if (closure_call_fits(c, ft->u.fun, &a, o->p1))
            return true;
        bool all_dynamic = true;
        for (uint32_t i = 0; i < a.n && all_dynamic; i++) {
            REG(t, a.r[i], "argument");
            all_dynamic = hli_kind_is_dynamic(t->kind);
        }
        if (all_dynamic && !c->out_of_fuel) {
            REG(d, o->p1, "destination");
            (void)d;
            return true;
        }
        return call_ok(c, ft->u.fun, &a, o->p1, -1, "the closure");
    }
    if (ft->kind != HDYN)
        return kind_fail(c, HLI_VR_SRC_KIND, "closure", o->p2, ft, "a function or dynamic");
    for (uint32_t i = 0; i < a.n; i++) {
        REG(t, a.r[i], "argument");
        if (!hli_kind_is_dynamic(t->kind)) {
            char b[HLI_VT_STR];
            return hli_vfail_op(c, HLI_VR_CALL_ARG, "argument %u of a dynamic call: r%ld is %s, not a dynamic kind",
                                (unsigned)i, (long)a.r[i], hli_vt_str(c, t, b));
        }
    }
    REG(d, o->p1, "destination");
    (void)d; /* any type: the result is converted with the OSafeCast rules */
    return true;
}

/* The bound value of OInstanceClosure / OVirtualClosure: the function's first argument must be a
 * pointer kind that the value's register type safe-casts to. */
static bool bind_ok(hli_vctx *c, const hli_type *ft, int32_t r, const hli_type *vt) {
    const hli_type_fun *fn = ft->u.fun;
    if (fn->nargs == 0)
        return hli_vfail_op(c, HLI_VR_CLOSURE_BIND, "the function takes no argument to bind r%ld to", (long)r);
    if (!is_nullable(fn->args[0]->kind)) {
        char b[HLI_VT_STR];
        return hli_vfail_op(c, HLI_VR_CLOSURE_BIND, "the function's first argument is %s, not a pointer kind",
                            hli_vt_str(c, fn->args[0], b));
    }
    if (!hli_vt_safe(c, vt, fn->args[0]))
        return fit_fail(c, HLI_VR_CLOSURE_BIND, "bound value", vt, fn->args[0]);
    return true;
}

/* OStaticClosure d, f / OInstanceClosure d, f, o / OVirtualClosure d, o, slot. */
static bool op_closure(hli_vctx *c, const hli_op *o) {
    REG(d, o->p1, "destination");
    const hli_type *ft;
    uint32_t skip = 0;
    if (o->op == OVirtualClosure) {
        REG(ot, o->p2, "object");
        if (ot->kind != HOBJ)
            return kind_fail(c, HLI_VR_SRC_KIND, "object", o->p2, ot, "an object");
        const hli_proto *p = hli_vt_proto(c, ot, o->p3);
        if (p == NULL) {
            char b[HLI_VT_STR];
            return hli_vfail_op(c, HLI_VR_PROTO_SLOT, "no method in virtual slot %ld of %s", (long)o->p3,
                                hli_vt_str(c, ot, b));
        }
        ft = hli_module_findex_type(c->m, p->findex);
        if (!bind_ok(c, ft, o->p2, ot))
            return false;
        skip = 1;
    } else {
        ft = callee(c, o->p2);
        if (ft == NULL)
            return false;
        if (o->op == OInstanceClosure) {
            REG(vt, o->p3, "bound value");
            if (!bind_ok(c, ft, o->p3, vt))
                return false;
            skip = 1;
        }
    }
    if (!hli_vt_fun_fits(c, ft, skip, d)) {
        char b1[HLI_VT_STR], b2[HLI_VT_STR];
        return hli_vfail_op(c, HLI_VR_CLOSURE_TYPE, "closure of %s%s does not fit destination r%ld of type %s",
                            hli_vt_str(c, ft, b1), skip ? " minus its first argument" : "", (long)o->p1,
                            hli_vt_str(c, d, b2));
    }
    return true;
}

/* ---- Fields and globals ---------------------------------------------------------------------- */

/* The type of field fid of a value of register type ot (OField/OSetField/OGetThis/OSetThis), or NULL
 * after a rejection. */
static const hli_type *field_type(hli_vctx *c, const hli_type *ot, int32_t r, int32_t fid) {
    char b[HLI_VT_STR];
    if (ot->kind == HOBJ || ot->kind == HSTRUCT) {
        const hli_field *fd = fid >= 0 ? hli_vt_obj_field(c, ot, (uint32_t)fid) : NULL;
        if (fd == NULL) {
            hli_vfail_op(c, HLI_VR_FIELD_INDEX, "field index %ld out of range for %s (%u fields)", (long)fid,
                         hli_vt_str(c, ot, b), (unsigned)ot->u.obj->total_fields);
            return NULL;
        }
        return fd->type;
    }
    if (ot->kind == HVIRTUAL) {
        if (fid < 0 || (uint32_t)fid >= ot->u.virt->nfields) {
            hli_vfail_op(c, HLI_VR_FIELD_INDEX, "field index %ld out of range for %s (%u fields)", (long)fid,
                         hli_vt_str(c, ot, b), (unsigned)ot->u.virt->nfields);
            return NULL;
        }
        return ot->u.virt->fields[fid].type;
    }
    kind_fail(c, HLI_VR_SRC_KIND, "object", r, ot, "an object, struct or virtual");
    return NULL;
}

/* OField d, o, fid / OGetThis d, fid / OSetField o, fid, a / OSetThis fid, a. */
static bool op_field(hli_vctx *c, const hli_op *o) {
    bool get = o->op == OField || o->op == OGetThis;
    bool this_ = o->op == OGetThis || o->op == OSetThis;
    int32_t obj = this_ ? 0 : (get ? o->p2 : o->p1);
    int32_t fid = this_ ? (get ? o->p2 : o->p1) : (get ? o->p3 : o->p2);
    int32_t val = get ? o->p1 : (this_ ? o->p2 : o->p3);
    REG(ot, obj, this_ ? "this" : "object");
    /* genhl quirk: the resource table initialiser (`$resources()`) always stores fields 0 and 1 of
     * haxe._Resource.ResourceContent, even when dead-code elimination removed them (a program that
     * only lists resource names). A store into a field the class does not have is accepted as a
     * discarded store, which the interpreter must compile to nothing (verifier.md, DEAD_FIELD_STORE). */
    if (o->op == OSetField && (ot->kind == HOBJ || ot->kind == HSTRUCT) && fid >= 0 &&
        (uint32_t)fid >= ot->u.obj->total_fields) {
        REG(vt, val, "value");
        (void)vt;
        return true;
    }
    const hli_type *ft = field_type(c, ot, obj, fid);
    if (ft == NULL)
        return false;
    REG(vt, val, get ? "destination" : "value");
    /* Reading an inline struct field (HPACKED, Haxe 4.3) yields its address into an HSTRUCT register. */
    if (get && ft->kind == HPACKED && vt->kind == HSTRUCT && hli_vt_safe(c, ft->u.tparam, vt))
        return true;
    if (get ? !hli_vt_safe(c, ft, vt) : !hli_vt_safe(c, vt, ft)) {
        char b1[HLI_VT_STR], b2[HLI_VT_STR];
        return hli_vfail_op(c, HLI_VR_FIELD_TYPE, "field %ld is %s, register r%ld is %s", (long)fid,
                            hli_vt_str(c, ft, b1), (long)val, hli_vt_str(c, vt, b2));
    }
    return true;
}

/* ODynGet d, o, name / ODynSet o, name, a: field access by name hash on an object, dynamic, dynobj
 * or virtual; the value is converted at run time. */
static bool op_dyn_field(hli_vctx *c, const hli_op *o) {
    bool get = o->op == ODynGet;
    int32_t obj = get ? o->p2 : o->p1, val = get ? o->p1 : o->p3, name = get ? o->p3 : o->p2;
    REG(ot, obj, "object");
    REG(vt, val, get ? "destination" : "value");
    if (!index_ok(c, HLI_VR_STRING_INDEX, "string", name, c->m->nstrings))
        return false;
    if (ot->kind != HOBJ && ot->kind != HDYN && ot->kind != HDYNOBJ && ot->kind != HVIRTUAL)
        return kind_fail(c, HLI_VR_SRC_KIND, "object", obj, ot, "an object, dynamic, dynobj or virtual");
    if (vt->kind == HVOID)
        return kind_fail(c, get ? HLI_VR_DST_KIND : HLI_VR_SRC_KIND, get ? "destination" : "value", val, vt,
                         "a value type");
    return true;
}

/* OGetGlobal d, g / OSetGlobal g, a. */
static bool op_global(hli_vctx *c, const hli_op *o) {
    bool get = o->op == OGetGlobal;
    int32_t g = get ? o->p2 : o->p1, r = get ? o->p1 : o->p2;
    REG(rt, r, get ? "destination" : "value");
    if (!index_ok(c, HLI_VR_GLOBAL_INDEX, "global", g, c->m->nglobals))
        return false;
    const hli_type *gt = c->m->globals[g];
    if (get ? !hli_vt_safe(c, gt, rt) : !hli_vt_safe(c, rt, gt)) {
        char b1[HLI_VT_STR], b2[HLI_VT_STR];
        return hli_vfail_op(c, HLI_VR_GLOBAL_TYPE, "global %ld is %s, register r%ld is %s", (long)g,
                            hli_vt_str(c, gt, b1), (long)r, hli_vt_str(c, rt, b2));
    }
    return true;
}

/* ---- Enums ------------------------------------------------------------------------------------ */

/* Construct cix of enum type et, or NULL after a rejection. */
static const hli_enum_construct *construct(hli_vctx *c, const hli_type *et, int32_t cix) {
    const hli_type_enum *e = et->u.tenum;
    if (cix < 0 || (uint32_t)cix >= e->nconstructs) {
        char b[HLI_VT_STR];
        hli_vfail_op(c, HLI_VR_CONSTRUCT_INDEX, "construct %ld out of range for %s (%u constructs)", (long)cix,
                     hli_vt_str(c, et, b), (unsigned)e->nconstructs);
        return NULL;
    }
    return &e->constructs[cix];
}

static bool param_ok(hli_vctx *c, const hli_enum_construct *k, int32_t p) {
    if (p < 0 || (uint32_t)p >= k->nparams)
        return hli_vfail_op(c, HLI_VR_PARAM_INDEX, "parameter %ld out of range (the construct has %u)", (long)p,
                            (unsigned)k->nparams);
    return true;
}

/* OMakeEnum, OEnumAlloc, OEnumIndex, OEnumField, OSetEnumField. */
static bool op_enum(hli_vctx *c, const hli_op *o) {
    switch (o->op) {
    case OMakeEnum: {
        REG(d, o->p1, "destination");
        if (d->kind != HENUM)
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "an enum");
        const hli_enum_construct *k = construct(c, d, o->p2);
        if (k == NULL)
            return false;
        if ((uint32_t)o->p3 != k->nparams)
            return hli_vfail_op(c, HLI_VR_ENUM_ARITY, "construct %ld has %u parameters, given %ld", (long)o->p2,
                                (unsigned)k->nparams, (long)o->p3);
        for (int32_t i = 0; i < o->p3; i++) {
            REG(t, o->extra[i], "parameter");
            if (!hli_vt_safe(c, t, k->params[i]))
                return fit_fail(c, HLI_VR_ENUM_TYPE, "parameter value", t, k->params[i]);
        }
        return true;
    }
    case OEnumAlloc: {
        REG(d, o->p1, "destination");
        if (d->kind != HENUM)
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "an enum");
        return construct(c, d, o->p2) != NULL;
    }
    case OEnumIndex: {
        REG(d, o->p1, "destination");
        REG(e, o->p2, "enum");
        if (d->kind != HI32)
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "i32");
        if (e->kind != HENUM && e->kind != HDYN)
            return kind_fail(c, HLI_VR_SRC_KIND, "enum", o->p2, e, "an enum or dynamic");
        return true;
    }
    case OEnumField: {
        REG(d, o->p1, "destination");
        REG(e, o->p2, "enum");
        if (e->kind != HENUM)
            return kind_fail(c, HLI_VR_SRC_KIND, "enum", o->p2, e, "an enum");
        const hli_enum_construct *k = construct(c, e, o->p3);
        if (k == NULL || !param_ok(c, k, o->extra[0]))
            return false;
        if (!hli_vt_safe(c, k->params[o->extra[0]], d))
            return fit_fail(c, HLI_VR_ENUM_TYPE, "parameter", k->params[o->extra[0]], d);
        return true;
    }
    default: { /* OSetEnumField e, p, a: always construct 0 */
        REG(e, o->p1, "enum");
        REG(a, o->p3, "value");
        if (e->kind != HENUM)
            return kind_fail(c, HLI_VR_SRC_KIND, "enum", o->p1, e, "an enum");
        const hli_enum_construct *k = construct(c, e, 0);
        if (k == NULL || !param_ok(c, k, o->p2))
            return false;
        if (!hli_vt_safe(c, a, k->params[o->p2]))
            return fit_fail(c, HLI_VR_ENUM_TYPE, "value", a, k->params[o->p2]);
        return true;
    }
    }
}

/* ---- Jumps and comparisons ------------------------------------------------------------------- */

static bool is_dyn_or_fun(hli_kind k) {
    return k == HDYN || k == HFUN;
}

/* OJSLt..OJNotEq a, b, off: the pairs of register types the interpreter's comparison supports. */
static bool op_compare(hli_vctx *c, const hli_op *o) {
    REG(a, o->p1, "left");
    REG(b, o->p2, "right");
    if (!jump_ok(c, o->p3))
        return false;
    hli_kind ka = a->kind, kb = b->kind;
    bool eq = o->op == OJEq || o->op == OJNotEq;
    bool ok;
    if (is_dyn_or_fun(ka) || is_dyn_or_fun(kb)) /* dynamic comparison of two dynamic-kind values */
        ok = hli_kind_is_dynamic(ka) && hli_kind_is_dynamic(kb);
    else if (o->op == OJULt || o->op == OJUGte) /* unsigned: integers of one kind */
        ok = is_int(ka) && ka == kb;
    else if (eq && (ka == HOBJ || ka == HVIRTUAL) && (kb == HOBJ || kb == HVIRTUAL))
        ok = true;
    else if (ka == HVOID || (!eq && !is_num(ka) && ka != HBOOL && ka != HOBJ && ka != HSTRUCT))
        ok = false; /* ordered comparisons: numbers, bools, objects (compare function) */
    else
        ok = hli_vt_safe(c, a, b) || hli_vt_safe(c, b, a);
    if (!ok) {
        char b1[HLI_VT_STR], b2[HLI_VT_STR];
        return hli_vfail_op(c, HLI_VR_COMPARE_TYPE, "cannot compare r%ld (%s) with r%ld (%s)", (long)o->p1,
                            hli_vt_str(c, a, b1), (long)o->p2, hli_vt_str(c, b, b2));
    }
    return true;
}

/* OJTrue/OJFalse/OJNull/OJNotNull a, off and OJAlways off. */
static bool op_jump(hli_vctx *c, const hli_op *o) {
    if (o->op == OJAlways)
        return jump_ok(c, o->p1);
    REG(a, o->p1, "condition");
    if (!jump_ok(c, o->p2))
        return false;
    if (o->op == OJTrue || o->op == OJFalse) {
        if (a->kind != HBOOL)
            return kind_fail(c, HLI_VR_SRC_KIND, "condition", o->p1, a, "bool");
    } else if (!is_nullable(a->kind))
        return kind_fail(c, HLI_VR_SRC_KIND, "tested", o->p1, a, "a nullable (pointer) kind");
    return true;
}

/* OSwitch a, offsets, end (the offsets are read in place: there may be any number). */
static bool op_switch(hli_vctx *c, const hli_vop *v) {
    const hli_op *o = &v->o;
    REG(a, o->p1, "index");
    if (a->kind != HI32)
        return kind_fail(c, HLI_VR_SRC_KIND, "index", o->p1, a, "i32");
    uint32_t pos = v->sw_pos;
    for (int32_t i = 0; i < o->p2; i++)
        if (!jump_ok(c, hli_vswitch_next(c->m, &pos)))
            return false;
    int64_t end = (int64_t)c->pc + 1 + o->p3;
    if (end < 0 || end > (int64_t)c->f->nops)
        return hli_vfail_op(c, HLI_VR_SWITCH_END, "end offset %ld goes to %lld, outside 0..%u", (long)o->p3,
                            (long long)end, (unsigned)c->f->nops);
    return true;
}

/* ---- Arithmetic, constants, conversions ------------------------------------------------------ */

/* OAdd..OXor d, a, b; ONeg/ONot d, a; OIncr/ODecr d. */
static bool op_arith(hli_vctx *c, const hli_op *o) {
    REG(d, o->p1, "destination");
    bool ints = o->op == OUDiv || o->op == OUMod || (o->op >= OShl && o->op <= OXor) || o->op == OIncr ||
                o->op == ODecr;
    if (o->op == ONot) {
        if (d->kind != HBOOL)
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "bool");
    } else if (ints ? !is_int(d->kind) : !is_num(d->kind))
        return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, ints ? "an integer kind" : "a numeric kind");
    int nsrc = (o->op == OIncr || o->op == ODecr) ? 0 : (o->op == ONeg || o->op == ONot) ? 1 : 2;
    int32_t src[2] = {o->p2, o->p3};
    for (int i = 0; i < nsrc; i++) {
        REG(s, src[i], "operand");
        if (s->kind != d->kind) {
            char b1[HLI_VT_STR], b2[HLI_VT_STR];
            return hli_vfail_op(c, HLI_VR_ARITH_TYPE, "operand r%ld is %s, destination is %s", (long)src[i],
                                hli_vt_str(c, s, b1), hli_vt_str(c, d, b2));
        }
    }
    return true;
}

/* OInt, OFloat, OBool, OBytes, OString, ONull: constants into d. */
static bool op_const(hli_vctx *c, const hli_op *o) {
    REG(d, o->p1, "destination");
    const hli_module *m = c->m;
    switch (o->op) {
    case OInt:
        if (!is_int(d->kind))
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "an integer kind");
        return index_ok(c, HLI_VR_INT_INDEX, "int", o->p2, m->nints);
    case OFloat:
        if (!is_float(d->kind))
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "f32 or f64");
        return index_ok(c, HLI_VR_FLOAT_INDEX, "float", o->p2, m->nfloats);
    case OBool:
        if (d->kind != HBOOL)
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "bool");
        return true; /* p2 is a literal */
    case OBytes:
    case OString:
        if (d->kind != HBYTES)
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "bytes");
        if (o->op == OBytes && m->version >= 5)
            return index_ok(c, HLI_VR_BYTES_INDEX, "bytes", o->p2, m->nbytes);
        return index_ok(c, HLI_VR_STRING_INDEX, "string", o->p2, m->nstrings);
    default: /* ONull */
        if (!is_nullable(d->kind))
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "a nullable (pointer) kind");
        return true;
    }
}

/* OMov, OToDyn, OToSFloat, OToUFloat, OToInt, OSafeCast, OUnsafeCast, OToVirtual: d, a. */
static bool op_convert(hli_vctx *c, const hli_op *o) {
    REG(d, o->p1, "destination");
    REG(a, o->p2, "source");
    hli_kind kd = d->kind, ka = a->kind;
    switch (o->op) {
    case OMov:
        if (!hli_vt_safe(c, a, d))
            return fit_fail(c, HLI_VR_MOV_TYPE, "move", a, d);
        return true;
    case OToDyn:
        if (hli_kind_is_dynamic(ka) || ka == HVOID)
            return kind_fail(c, HLI_VR_SRC_KIND, "source", o->p2, a, "a non-dynamic value kind");
        if (kd != HDYN && !(kd == HNULL && hli_vt_same(c, d->u.tparam, a)))
            return fit_fail(c, HLI_VR_BOX_TYPE, "box", a, d);
        return true;
    case OToSFloat:
    case OToUFloat:
        if (!is_float(kd))
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "f32 or f64");
        if (o->op == OToSFloat ? !is_num(ka) : !is_int(ka))
            return kind_fail(c, HLI_VR_SRC_KIND, "source", o->p2, a,
                             o->op == OToSFloat ? "a numeric kind" : "an integer kind");
        return true;
    case OToInt:
        if (!is_int(kd))
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "an integer kind");
        if (!is_num(ka))
            return kind_fail(c, HLI_VR_SRC_KIND, "source", o->p2, a, "a numeric kind");
        return true;
    case OSafeCast:
        if (kd == HVOID)
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "a value type");
        if (ka == HVOID)
            return kind_fail(c, HLI_VR_SRC_KIND, "source", o->p2, a, "a value type");
        return true;
    case OUnsafeCast:
        if (!hli_kind_is_dynamic(kd))
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "a dynamic kind");
        if (!hli_kind_is_dynamic(ka))
            return kind_fail(c, HLI_VR_SRC_KIND, "source", o->p2, a, "a dynamic kind");
        return true;
    default: /* OToVirtual */
        if (kd != HVIRTUAL)
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "a virtual");
        if (ka != HOBJ && ka != HDYNOBJ && ka != HDYN && ka != HVIRTUAL)
            return kind_fail(c, HLI_VR_SRC_KIND, "source", o->p2, a, "an object, dynobj, dynamic or virtual");
        return true;
    }
}

/* ---- Memory, arrays, references, types ------------------------------------------------------- */

/* Checks register r is of kind k (role for messages). */
static bool want_kind(hli_vctx *c, int32_t r, hli_kind k, hli_verify_reason why, const char *role) {
    REG(t, r, role);
    if (t->kind != k)
        return kind_fail(c, why, role, r, t, hli_kind_name(k));
    return true;
}

/* OGetI8/OGetI16/OGetMem d, bytes, offset and OSetI8/OSetI16/OSetMem bytes, offset, a. */
static bool op_mem(hli_vctx *c, const hli_op *o) {
    bool get = o->op == OGetI8 || o->op == OGetI16 || o->op == OGetMem;
    int32_t val = get ? o->p1 : o->p3, base = get ? o->p2 : o->p1, off = get ? o->p3 : o->p2;
    REG(vt, val, get ? "destination" : "value");
    if (!want_kind(c, base, HBYTES, HLI_VR_SRC_KIND, "base") || !want_kind(c, off, HI32, HLI_VR_SRC_KIND, "offset"))
        return false;
    hli_kind k = vt->kind;
    bool ok = (o->op == OGetMem || o->op == OSetMem) ? (k == HI32 || k == HI64 || k == HF32 || k == HF64)
                                                     : (k == HUI8 || k == HUI16 || k == HI32);
    if (!ok)
        return kind_fail(c, get ? HLI_VR_DST_KIND : HLI_VR_SRC_KIND, get ? "destination" : "value", val, vt,
                         (o->op == OGetMem || o->op == OSetMem) ? "i32, i64, f32 or f64" : "ui8, ui16 or i32");
    return true;
}

/* OGetArray d, arr, i / OSetArray arr, i, a / OArraySize d, arr / ORefData d, arr. */
static bool op_array(hli_vctx *c, const hli_op *o) {
    switch (o->op) {
    case OGetArray: {
        REG(d, o->p1, "destination");
        if (!want_kind(c, o->p2, HARRAY, HLI_VR_SRC_KIND, "array") ||
            !want_kind(c, o->p3, HI32, HLI_VR_SRC_KIND, "index"))
            return false;
        if (d->kind == HVOID)
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "a value type");
        return true;
    }
    case OSetArray: {
        REG(a, o->p3, "value");
        if (!want_kind(c, o->p1, HARRAY, HLI_VR_SRC_KIND, "array") ||
            !want_kind(c, o->p2, HI32, HLI_VR_SRC_KIND, "index"))
            return false;
        if (a->kind == HVOID)
            return kind_fail(c, HLI_VR_SRC_KIND, "value", o->p3, a, "a value type");
        return true;
    }
    case OArraySize:
        return want_kind(c, o->p1, HI32, HLI_VR_DST_KIND, "destination") &&
               want_kind(c, o->p2, HARRAY, HLI_VR_SRC_KIND, "array");
    default: /* ORefData */
        return want_kind(c, o->p1, HREF, HLI_VR_DST_KIND, "destination") &&
               want_kind(c, o->p2, HARRAY, HLI_VR_SRC_KIND, "array");
    }
}

/* ORef d, a / OUnref d, r / OSetref r, a / ORefOffset d, r, i. */
static bool op_ref(hli_vctx *c, const hli_op *o) {
    switch (o->op) {
    case ORef: {
        REG(d, o->p1, "destination");
        REG(a, o->p2, "referenced");
        if (d->kind != HREF)
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "a ref");
        if (hli_vt_same(c, d->u.tparam, a)) /* writes through the ref keep a's type */
            return true;
        /* genhl quirk: `hl.Ref.make(n)` (a Ref<T> argument given a Null<T> variable) takes the
         * reference of the null<T> register itself. Accepted as a reference to a fresh cell holding
         * the unboxed value (verifier.md, REF_CELL): writes through it cannot reach the register. */
        if (a->kind == HNULL && d->u.tparam->kind != HVOID && hli_vt_same(c, a->u.tparam, d->u.tparam))
            return true;
        return fit_fail(c, HLI_VR_REF_TYPE, "reference to a register of another type", a, d);
    }
    case OUnref: {
        REG(d, o->p1, "destination");
        REG(r, o->p2, "ref");
        if (r->kind != HREF)
            return kind_fail(c, HLI_VR_SRC_KIND, "ref", o->p2, r, "a ref");
        if (!hli_vt_safe(c, r->u.tparam, d))
            return fit_fail(c, HLI_VR_REF_TYPE, "read through a ref", r->u.tparam, d);
        return true;
    }
    case OSetref: {
        REG(r, o->p1, "ref");
        REG(a, o->p2, "value");
        if (r->kind != HREF)
            return kind_fail(c, HLI_VR_SRC_KIND, "ref", o->p1, r, "a ref");
        if (!hli_vt_safe(c, a, r->u.tparam))
            return fit_fail(c, HLI_VR_REF_TYPE, "write through a ref", a, r->u.tparam);
        return true;
    }
    default: { /* ORefOffset */
        REG(d, o->p1, "destination");
        REG(r, o->p2, "ref");
        if (r->kind != HREF)
            return kind_fail(c, HLI_VR_SRC_KIND, "ref", o->p2, r, "a ref");
        if (!want_kind(c, o->p3, HI32, HLI_VR_SRC_KIND, "offset"))
            return false;
        if (!hli_vt_same(c, r, d))
            return fit_fail(c, HLI_VR_REF_TYPE, "offset reference", r, d);
        return true;
    }
    }
}

/* ONew, OType, OGetType, OGetTID, OThrow, ORethrow, ONullCheck, OTrap, ORet. */
static bool op_misc(hli_vctx *c, const hli_op *o) {
    REG(a, o->p1, o->op == ORet ? "returned" : "operand");
    hli_kind k = a->kind;
    switch (o->op) {
    case ONew:
        if (k != HOBJ && k != HSTRUCT && k != HDYNOBJ && k != HVIRTUAL)
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, a, "an object, struct, dynobj or virtual");
        return true;
    case OType:
        if (k != HTYPE)
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, a, "type");
        return index_ok(c, HLI_VR_TYPE_INDEX, "type", o->p2, c->m->ntypes);
    case OGetType: {
        if (k != HTYPE)
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, a, "type");
        REG(v, o->p2, "value");
        if (!hli_kind_is_dynamic(v->kind))
            return kind_fail(c, HLI_VR_SRC_KIND, "value", o->p2, v, "a dynamic kind");
        return true;
    }
    case OGetTID:
        if (k != HI32)
            return kind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, a, "i32");
        return want_kind(c, o->p2, HTYPE, HLI_VR_SRC_KIND, "type");
    case OThrow:
    case ORethrow:
        if (!hli_kind_is_dynamic(k))
            return kind_fail(c, HLI_VR_SRC_KIND, "thrown", o->p1, a, "a dynamic kind");
        return true;
    case ONullCheck:
        if (!is_nullable(k))
            return kind_fail(c, HLI_VR_SRC_KIND, "checked", o->p1, a, "a nullable (pointer) kind");
        return true;
    case OTrap:
        if (k != HDYN)
            return kind_fail(c, HLI_VR_DST_KIND, "exception", o->p1, a, "dynamic");
        return jump_ok(c, o->p2);
    default: { /* ORet */
        const hli_type *rt = c->f->type->u.fun->ret;
        if (!hli_vt_safe(c, a, rt)) {
            char b1[HLI_VT_STR], b2[HLI_VT_STR];
            return hli_vfail_op(c, HLI_VR_RET_TYPE, "returns r%ld of type %s from a function returning %s",
                                (long)o->p1, hli_vt_str(c, a, b1), hli_vt_str(c, rt, b2));
        }
        return true;
    }
    }
}

/* ---- For the interpreter --------------------------------------------------------------------- */

bool hli_verify_closure_call_direct(const hli_module *m, const hli_function *f, const hli_op *o) {
    hli_vctx c;
    memset(&c, 0, sizeof c);
    c.m = m;
    c.f = f;
    c.fuel = HLI_VERIFY_FUEL_BASE;
    if (o->op != OCallClosure || o->p2 < 0 || (uint32_t)o->p2 >= f->nregs || f->regs[o->p2]->kind != HFUN)
        return false;
    call_args a;
    a.n = (uint32_t)o->p3;
    for (uint32_t i = 0; i < a.n; i++)
        a.r[i] = o->extra[i];
    return closure_call_fits(&c, f->regs[o->p2]->u.fun, &a, o->p1);
}

/* ---- Dispatch -------------------------------------------------------------------------------- */

bool hli_verify_op(hli_vctx *c, const hli_vop *v) {
    const hli_op *o = &v->o;
    switch (o->op) {
    case OMov: case OToDyn: case OToSFloat: case OToUFloat: case OToInt: case OSafeCast: case OUnsafeCast:
    case OToVirtual:
        return op_convert(c, o);
    case OInt: case OFloat: case OBool: case OBytes: case OString: case ONull:
        return op_const(c, o);
    case OAdd: case OSub: case OMul: case OSDiv: case OUDiv: case OSMod: case OUMod: case OShl: case OSShr:
    case OUShr: case OAnd: case OOr: case OXor: case ONeg: case ONot: case OIncr: case ODecr:
        return op_arith(c, o);
    case OCall0: case OCall1: case OCall2: case OCall3: case OCall4: case OCallN:
        return op_call(c, o);
    case OCallMethod: case OCallThis:
        return op_call_method(c, o);
    case OCallClosure:
        return op_call_closure(c, o);
    case OStaticClosure: case OInstanceClosure: case OVirtualClosure:
        return op_closure(c, o);
    case OGetGlobal: case OSetGlobal:
        return op_global(c, o);
    case OField: case OSetField: case OGetThis: case OSetThis:
        return op_field(c, o);
    case ODynGet: case ODynSet:
        return op_dyn_field(c, o);
    case OJTrue: case OJFalse: case OJNull: case OJNotNull: case OJAlways:
        return op_jump(c, o);
    case OJSLt: case OJSGte: case OJSGt: case OJSLte: case OJULt: case OJUGte: case OJNotLt: case OJNotGte:
    case OJEq: case OJNotEq:
        return op_compare(c, o);
    case OSwitch:
        return op_switch(c, v);
    case OGetI8: case OGetI16: case OGetMem: case OSetI8: case OSetI16: case OSetMem:
        return op_mem(c, o);
    case OGetArray: case OSetArray: case OArraySize: case ORefData:
        return op_array(c, o);
    case ORef: case OUnref: case OSetref: case ORefOffset:
        return op_ref(c, o);
    case OMakeEnum: case OEnumAlloc: case OEnumIndex: case OEnumField: case OSetEnumField:
        return op_enum(c, o);
    case ONew: case OType: case OGetType: case OGetTID: case OThrow: case ORethrow: case ONullCheck: case OTrap:
    case ORet:
        return op_misc(c, o);
    case OLabel: case OAssert: case ONop: case OEndTrap: /* OEndTrap's operand is a literal */
        return true;
    default: /* OPrefetch, OAsm, OCatch (and anything the loader would not decode) */
        return hli_vfail_op(c, HLI_VR_OP_UNSUPPORTED, "opcode %d is not supported (Haxe 4.x emits 0..98)",
                            (int)o->op);
    }
}
