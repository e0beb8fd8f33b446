/* The operand rules of the opcodes on functions and objects (hl-spec.md section 3): calls, closures,
 * field access by index and by name, globals and enums; and the interpreter's query on closure calls
 * (hli_verify_closure_call_direct). The shared helpers and the dispatch are in verify_ops.c. */
#include <stdio.h>
#include <string.h>

#include "verify/verify.h"
#include "verify/verify_internal.h"

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
    return hli_vkind_fail(c, HLI_VR_SRC_KIND, "object", a.r[0], ot,
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
        return hli_vkind_fail(c, HLI_VR_SRC_KIND, "closure", o->p2, ft, "a function or dynamic");
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
    if (!hli_kind_is_ptr(fn->args[0]->kind)) {
        char b[HLI_VT_STR];
        return hli_vfail_op(c, HLI_VR_CLOSURE_BIND, "the function's first argument is %s, not a pointer kind",
                            hli_vt_str(c, fn->args[0], b));
    }
    if (!hli_vt_safe(c, vt, fn->args[0]))
        return hli_vfit_fail(c, HLI_VR_CLOSURE_BIND, "bound value", vt, fn->args[0]);
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
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "object", o->p2, ot, "an object");
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
    hli_vkind_fail(c, HLI_VR_SRC_KIND, "object", r, ot, "an object, struct or virtual");
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
    if (!hli_vindex_ok(c, HLI_VR_STRING_INDEX, "string", name, c->m->nstrings))
        return false;
    if (ot->kind != HOBJ && ot->kind != HDYN && ot->kind != HDYNOBJ && ot->kind != HVIRTUAL)
        return hli_vkind_fail(c, HLI_VR_SRC_KIND, "object", obj, ot, "an object, dynamic, dynobj or virtual");
    if (vt->kind == HVOID)
        return hli_vkind_fail(c, get ? HLI_VR_DST_KIND : HLI_VR_SRC_KIND, get ? "destination" : "value", val, vt,
                              "a value type");
    return true;
}

/* OGetGlobal d, g / OSetGlobal g, a. */
static bool op_global(hli_vctx *c, const hli_op *o) {
    bool get = o->op == OGetGlobal;
    int32_t g = get ? o->p2 : o->p1, r = get ? o->p1 : o->p2;
    REG(rt, r, get ? "destination" : "value");
    if (!hli_vindex_ok(c, HLI_VR_GLOBAL_INDEX, "global", g, c->m->nglobals))
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
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "an enum");
        const hli_enum_construct *k = construct(c, d, o->p2);
        if (k == NULL)
            return false;
        if ((uint32_t)o->p3 != k->nparams)
            return hli_vfail_op(c, HLI_VR_ENUM_ARITY, "construct %ld has %u parameters, given %ld", (long)o->p2,
                                (unsigned)k->nparams, (long)o->p3);
        for (int32_t i = 0; i < o->p3; i++) {
            REG(t, o->extra[i], "parameter");
            if (!hli_vt_safe(c, t, k->params[i]))
                return hli_vfit_fail(c, HLI_VR_ENUM_TYPE, "parameter value", t, k->params[i]);
        }
        return true;
    }
    case OEnumAlloc: {
        REG(d, o->p1, "destination");
        if (d->kind != HENUM)
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "an enum");
        return construct(c, d, o->p2) != NULL;
    }
    case OEnumIndex: {
        REG(d, o->p1, "destination");
        REG(e, o->p2, "enum");
        if (d->kind != HI32)
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "i32");
        if (e->kind != HENUM && e->kind != HDYN)
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "enum", o->p2, e, "an enum or dynamic");
        return true;
    }
    case OEnumField: {
        REG(d, o->p1, "destination");
        REG(e, o->p2, "enum");
        if (e->kind != HENUM)
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "enum", o->p2, e, "an enum");
        const hli_enum_construct *k = construct(c, e, o->p3);
        if (k == NULL || !param_ok(c, k, o->extra[0]))
            return false;
        if (!hli_vt_safe(c, k->params[o->extra[0]], d))
            return hli_vfit_fail(c, HLI_VR_ENUM_TYPE, "parameter", k->params[o->extra[0]], d);
        return true;
    }
    default: { /* OSetEnumField e, p, a: always construct 0 */
        REG(e, o->p1, "enum");
        REG(a, o->p3, "value");
        if (e->kind != HENUM)
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "enum", o->p1, e, "an enum");
        const hli_enum_construct *k = construct(c, e, 0);
        if (k == NULL || !param_ok(c, k, o->p2))
            return false;
        if (!hli_vt_safe(c, a, k->params[o->p2]))
            return hli_vfit_fail(c, HLI_VR_ENUM_TYPE, "value", a, k->params[o->p2]);
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
    c.fuel = (int64_t)m->image_size * HLI_VERIFY_FUEL_PER_BYTE + HLI_VERIFY_FUEL_BASE; /* as verification had */
    if (o->op != OCallClosure || o->p2 < 0 || (uint32_t)o->p2 >= f->nregs || f->regs[o->p2]->kind != HFUN)
        return false;
    call_args a;
    a.n = (uint32_t)o->p3;
    for (uint32_t i = 0; i < a.n; i++)
        a.r[i] = o->extra[i];
    return closure_call_fits(&c, f->regs[o->p2]->u.fun, &a, o->p1);
}

/* ---- Dispatch of this group (from hli_verify_op) ---------------------------------------------- */

bool hli_verify_op_object(hli_vctx *c, const hli_op *o) {
    switch (o->op) {
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
    default: /* OMakeEnum, OEnumAlloc, OEnumIndex, OEnumField, OSetEnumField */
        return op_enum(c, o);
    }
}
