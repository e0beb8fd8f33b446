/* The operand rules of the opcodes on numbers, constants, conversions, jumps, raw memory, arrays,
 * references and types (hl-spec.md section 3), the shared helpers of the operand rules, and the
 * dispatch; calls, closures, fields, globals and enums are in verify_calls.c. Registers are
 * statically typed, so each op is checked on its own; the flow-dependent rules (trap depths, falling
 * off the end) are in verify_flow.c. Each rule is listed, with its reason id, in
 * docs/internals/verifier.md. */
#include <stdio.h>

#include "verify/verify_internal.h"

/* ---- Shared helpers -------------------------------------------------------------------------- */

static bool is_int(hli_kind k) {
    return k == HUI8 || k == HUI16 || k == HI32 || k == HI64;
}

static bool is_float(hli_kind k) {
    return k == HF32 || k == HF64;
}

static bool is_num(hli_kind k) {
    return is_int(k) || is_float(k);
}

/* The helpers declared in verify_internal.h. */
const hli_type *hli_vreg(hli_vctx *c, int32_t r, const char *role) {
    if (r < 0 || (uint32_t)r >= c->f->nregs) {
        hli_vfail_op(c, HLI_VR_REG_INDEX, "%s register %ld out of range (%u registers)", role, (long)r,
                     (unsigned)c->f->nregs);
        return NULL;
    }
    return c->f->regs[r];
}

bool hli_vkind_fail(hli_vctx *c, hli_verify_reason why, const char *role, int32_t r, const hli_type *t,
                    const char *what) {
    char b[HLI_VT_STR];
    return hli_vfail_op(c, why, "%s r%ld is %s, expected %s", role, (long)r, hli_vt_str(c, t, b), what);
}

bool hli_vfit_fail(hli_vctx *c, hli_verify_reason why, const char *what, const hli_type *from,
                   const hli_type *to) {
    char b1[HLI_VT_STR], b2[HLI_VT_STR];
    return hli_vfail_op(c, why, "%s: %s does not fit %s", what, hli_vt_str(c, from, b1), hli_vt_str(c, to, b2));
}

bool hli_vindex_ok(hli_vctx *c, hli_verify_reason why, const char *table, int32_t ix, uint32_t n) {
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
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "condition", o->p1, a, "bool");
    } else if (!hli_kind_is_ptr(a->kind))
        return hli_vkind_fail(c, HLI_VR_SRC_KIND, "tested", o->p1, a, "a nullable (pointer) kind");
    return true;
}

/* OSwitch a, offsets, end (the offsets are read in place: there may be any number). */
static bool op_switch(hli_vctx *c, const hli_vop *v) {
    const hli_op *o = &v->o;
    REG(a, o->p1, "index");
    if (a->kind != HI32)
        return hli_vkind_fail(c, HLI_VR_SRC_KIND, "index", o->p1, a, "i32");
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
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "bool");
    } else if (ints ? !is_int(d->kind) : !is_num(d->kind))
        return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, ints ? "an integer kind" : "a numeric kind");
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
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "an integer kind");
        return hli_vindex_ok(c, HLI_VR_INT_INDEX, "int", o->p2, m->nints);
    case OFloat:
        if (!is_float(d->kind))
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "f32 or f64");
        return hli_vindex_ok(c, HLI_VR_FLOAT_INDEX, "float", o->p2, m->nfloats);
    case OBool:
        if (d->kind != HBOOL)
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "bool");
        return true; /* p2 is a literal */
    case OBytes:
    case OString:
        if (d->kind != HBYTES)
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "bytes");
        if (o->op == OBytes && m->version >= 5)
            return hli_vindex_ok(c, HLI_VR_BYTES_INDEX, "bytes", o->p2, m->nbytes);
        return hli_vindex_ok(c, HLI_VR_STRING_INDEX, "string", o->p2, m->nstrings);
    default: /* ONull */
        if (!hli_kind_is_ptr(d->kind))
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "a nullable (pointer) kind");
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
            return hli_vfit_fail(c, HLI_VR_MOV_TYPE, "move", a, d);
        return true;
    case OToDyn:
        if (hli_kind_is_dynamic(ka) || ka == HVOID)
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "source", o->p2, a, "a non-dynamic value kind");
        if (kd != HDYN && !(kd == HNULL && hli_vt_same(c, d->u.tparam, a)))
            return hli_vfit_fail(c, HLI_VR_BOX_TYPE, "box", a, d);
        return true;
    case OToSFloat:
    case OToUFloat:
        if (!is_float(kd))
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "f32 or f64");
        if (o->op == OToSFloat ? !is_num(ka) : !is_int(ka))
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "source", o->p2, a,
                                  o->op == OToSFloat ? "a numeric kind" : "an integer kind");
        return true;
    case OToInt:
        if (!is_int(kd))
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "an integer kind");
        if (!is_num(ka))
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "source", o->p2, a, "a numeric kind");
        return true;
    case OSafeCast:
        if (kd == HVOID)
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "a value type");
        if (ka == HVOID)
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "source", o->p2, a, "a value type");
        return true;
    case OUnsafeCast:
        if (!hli_kind_is_dynamic(kd))
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "a dynamic kind");
        if (!hli_kind_is_dynamic(ka))
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "source", o->p2, a, "a dynamic kind");
        return true;
    default: /* OToVirtual */
        if (kd != HVIRTUAL)
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "a virtual");
        if (ka != HOBJ && ka != HDYNOBJ && ka != HDYN && ka != HVIRTUAL)
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "source", o->p2, a, "an object, dynobj, dynamic or virtual");
        return true;
    }
}

/* ---- Memory, arrays, references, types ------------------------------------------------------- */

/* Checks register r is of kind k (role for messages). */
static bool want_kind(hli_vctx *c, int32_t r, hli_kind k, hli_verify_reason why, const char *role) {
    REG(t, r, role);
    if (t->kind != k)
        return hli_vkind_fail(c, why, role, r, t, hli_kind_name(k));
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
        return hli_vkind_fail(c, get ? HLI_VR_DST_KIND : HLI_VR_SRC_KIND, get ? "destination" : "value", val, vt,
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
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "a value type");
        return true;
    }
    case OSetArray: {
        REG(a, o->p3, "value");
        if (!want_kind(c, o->p1, HARRAY, HLI_VR_SRC_KIND, "array") ||
            !want_kind(c, o->p2, HI32, HLI_VR_SRC_KIND, "index"))
            return false;
        if (a->kind == HVOID)
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "value", o->p3, a, "a value type");
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
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, d, "a ref");
        if (hli_vt_same(c, d->u.tparam, a)) /* writes through the ref keep a's type */
            return true;
        /* genhl quirk: `hl.Ref.make(n)` (a Ref<T> argument given a Null<T> variable) takes the
         * reference of the null<T> register itself. Accepted as a reference to a fresh cell holding
         * the unboxed value (verifier.md, REF_CELL): writes through it cannot reach the register. */
        if (a->kind == HNULL && d->u.tparam->kind != HVOID && hli_vt_same(c, a->u.tparam, d->u.tparam))
            return true;
        return hli_vfit_fail(c, HLI_VR_REF_TYPE, "reference to a register of another type", a, d);
    }
    case OUnref: {
        REG(d, o->p1, "destination");
        REG(r, o->p2, "ref");
        if (r->kind != HREF)
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "ref", o->p2, r, "a ref");
        if (!hli_vt_safe(c, r->u.tparam, d))
            return hli_vfit_fail(c, HLI_VR_REF_TYPE, "read through a ref", r->u.tparam, d);
        return true;
    }
    case OSetref: {
        REG(r, o->p1, "ref");
        REG(a, o->p2, "value");
        if (r->kind != HREF)
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "ref", o->p1, r, "a ref");
        if (!hli_vt_safe(c, a, r->u.tparam))
            return hli_vfit_fail(c, HLI_VR_REF_TYPE, "write through a ref", a, r->u.tparam);
        return true;
    }
    default: { /* ORefOffset */
        REG(d, o->p1, "destination");
        REG(r, o->p2, "ref");
        if (r->kind != HREF)
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "ref", o->p2, r, "a ref");
        if (!want_kind(c, o->p3, HI32, HLI_VR_SRC_KIND, "offset"))
            return false;
        if (!hli_vt_same(c, r, d))
            return hli_vfit_fail(c, HLI_VR_REF_TYPE, "offset reference", r, d);
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
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, a, "an object, struct, dynobj or virtual");
        /* A new virtual owns its fields' storage and has no value behind it, so nothing could provide a
         * method field: OCallMethod would call its (zeroed) storage. genhl only makes virtuals of object
         * literals, whose function fields are HFUN; HMETHOD fields are interfaces' and typedefs'. */
        if (k == HVIRTUAL)
            for (uint32_t i = 0; i < a->u.virt->nfields; i++)
                if (a->u.virt->fields[i].type->kind == HMETHOD) {
                    char b[HLI_VT_STR];
                    return hli_vfail_op(c, HLI_VR_DST_KIND, "ONew of %s, whose field %u is a method: a new virtual "
                                        "has no value to provide it", hli_vt_str(c, a, b), (unsigned)i);
                }
        return true;
    case OType:
        if (k != HTYPE)
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, a, "type");
        return hli_vindex_ok(c, HLI_VR_TYPE_INDEX, "type", o->p2, c->m->ntypes);
    case OGetType: {
        if (k != HTYPE)
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, a, "type");
        REG(v, o->p2, "value");
        if (!hli_kind_is_dynamic(v->kind))
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "value", o->p2, v, "a dynamic kind");
        return true;
    }
    case OGetTID:
        if (k != HI32)
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "destination", o->p1, a, "i32");
        return want_kind(c, o->p2, HTYPE, HLI_VR_SRC_KIND, "type");
    case OThrow:
    case ORethrow:
        if (!hli_kind_is_dynamic(k))
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "thrown", o->p1, a, "a dynamic kind");
        return true;
    case ONullCheck:
        if (!hli_kind_is_ptr(k))
            return hli_vkind_fail(c, HLI_VR_SRC_KIND, "checked", o->p1, a, "a nullable (pointer) kind");
        return true;
    case OTrap:
        if (k != HDYN)
            return hli_vkind_fail(c, HLI_VR_DST_KIND, "exception", o->p1, a, "dynamic");
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
    case OCall0: case OCall1: case OCall2: case OCall3: case OCall4: case OCallN: case OCallMethod:
    case OCallThis: case OCallClosure: case OStaticClosure: case OInstanceClosure: case OVirtualClosure:
    case OGetGlobal: case OSetGlobal: case OField: case OSetField: case OGetThis: case OSetThis: case ODynGet:
    case ODynSet: case OMakeEnum: case OEnumAlloc: case OEnumIndex: case OEnumField: case OSetEnumField:
        return hli_verify_op_object(c, o); /* verify_calls.c */
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
