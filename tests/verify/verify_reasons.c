/* Negative and positive tests of the verifier on modules built with tests/support/hlbuilder:
 *  - one or more negative cases per reason id of src/verify/reasons.h: a minimal valid module plus
 *    one bad function (or class), which must be rejected with exactly that id, in the documented
 *    message format; the test fails if some id of the catalogue has no negative case;
 *  - positive cases: small modules with tricky-but-legal code (genhl's quirks) that must verify.
 * Usage: verify_reasons [-v] [--doc docs/internals/verifier.md]   (--doc: every id must have a row there) */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hlbuilder.h"
#include "verify/reasons.h"

static const char *const reason_ids[] = {
#define ID_NAME(id, text) #id,
    HLI_VERIFY_REASONS(ID_NAME)
#undef ID_NAME
};

/* ---- The environment every case starts from ---------------------------------------------------- */

/* A minimal valid module plus a few classes, an enum, a virtual and functions to call. */
typedef struct env {
    hlb_builder *b;
    hlb_std s;
    int32_t tP, tQ;          /* class P {x:i32, y:f64, m(i32):i32 in slot 0}; class Q extends P {z:i32} overrides m */
    int32_t tS;              /* struct S {a:i32} */
    int32_t tV;              /* virtual {m:method (i32)->i32, x:i32} */
    int32_t tE;              /* enum E {A(i32), B(f64, dyn), C} */
    int32_t tnull_i32, tnull_f64, tref_i32, tref_f64;
    int32_t tf_i_i, tf_f_i, tf_P_i_i, tf_Q_i_i, tm_i_i, tf_i_v;
    int32_t f_sq, f_Pm, f_Qm; /* findexes: sq (i32)->i32, P.m, Q.m */
    int32_t g_i32, g_P;       /* globals */
} env;

/* A function of type `type` with the given register types; returns its index in b->functions. */
static int32_t fun(env *e, int32_t type, uint32_t nregs, ...) {
    int32_t regs[16];
    va_list ap;
    va_start(ap, nregs);
    for (uint32_t i = 0; i < nregs; i++)
        regs[i] = va_arg(ap, int32_t);
    va_end(ap);
    return hlb_add_functionv(e->b, type, HLB_AUTO, nregs, regs);
}

/* A `() -> void` function whose r0 is void (so that `ORet 0` ends it). */
static int32_t fun0(env *e) {
    return fun(e, e->s.tfun_void, 1, e->s.tvoid);
}

static int32_t reg(env *e, int32_t f, int32_t type) {
    return hlb_reg(e->b, f, type);
}

static void emit(env *e, int32_t f, int op, int32_t p1, int32_t p2, int32_t p3) {
    hlb_emit(e->b, f, op, p1, p2, p3);
}

static void emit_n(env *e, int32_t f, int op, int32_t p1, int32_t p2, int32_t p3, uint32_t n, ...) {
    int32_t extra[16];
    va_list ap;
    va_start(ap, n);
    for (uint32_t i = 0; i < n; i++)
        extra[i] = va_arg(ap, int32_t);
    va_end(ap);
    hlb_emit_ext(e->b, f, op, p1, p2, p3, n, extra);
}

static void ret0(env *e, int32_t f) {
    emit(e, f, ORet, 0, 0, 0);
}

static int32_t findex(env *e, int32_t fi) {
    return hlb_fn(e->b, fi)->findex;
}

static void env_init(env *e, int version) {
    memset(e, 0, sizeof *e);
    e->b = hlb_minimal(version, false, &e->s);
    hlb_builder *b = e->b;
    hlb_std *s = &e->s;
    e->tnull_i32 = hlb_type_null(b, s->ti32);
    e->tnull_f64 = hlb_type_null(b, s->tf64);
    e->tref_i32 = hlb_type_ref(b, s->ti32);
    e->tref_f64 = hlb_type_ref(b, s->tf64);
    e->tf_i_i = hlb_type_fun(b, s->ti32, 1, s->ti32);
    e->tf_f_i = hlb_type_fun(b, s->ti32, 1, s->tf64);
    e->tf_i_v = hlb_type_fun(b, s->tvoid, 1, s->ti32);
    e->tm_i_i = hlb_type_method(b, s->ti32, 1, s->ti32);
    e->tP = hlb_type_obj(b, "P", -1, 0);
    e->tQ = hlb_type_obj(b, "Q", e->tP, 0);
    e->tS = hlb_type_struct(b, "S", -1, 0);
    e->tf_P_i_i = hlb_type_fun(b, s->ti32, 2, e->tP, s->ti32);
    e->tf_Q_i_i = hlb_type_fun(b, s->ti32, 2, e->tQ, s->ti32);
    e->tV = hlb_type_virtual(b, 2, "m", e->tm_i_i, "x", s->ti32);
    e->tE = hlb_type_enum(b, "E", 0);
    hlb_enum_construct(b, e->tE, "A", 1, s->ti32);
    hlb_enum_construct(b, e->tE, "B", 2, s->tf64, s->tdyn);
    hlb_enum_construct(b, e->tE, "C", 0);
    hlb_obj_field(b, e->tP, "x", s->ti32);
    hlb_obj_field(b, e->tP, "y", s->tf64);
    hlb_obj_field(b, e->tQ, "z", s->ti32);
    hlb_obj_field(b, e->tS, "a", s->ti32);

    int32_t f = fun(e, e->tf_i_i, 1, s->ti32); /* sq(x) = x */
    emit(e, f, ORet, 0, 0, 0);
    e->f_sq = findex(e, f);
    f = fun(e, e->tf_P_i_i, 2, e->tP, s->ti32);
    emit(e, f, ORet, 1, 0, 0);
    e->f_Pm = findex(e, f);
    f = fun(e, e->tf_Q_i_i, 2, e->tQ, s->ti32);
    emit(e, f, ORet, 1, 0, 0);
    e->f_Qm = findex(e, f);
    hlb_obj_proto(b, e->tP, "m", e->f_Pm, 0);
    hlb_obj_proto(b, e->tQ, "m", e->f_Qm, 0);
    e->g_i32 = hlb_global(b, s->ti32);
    e->g_P = hlb_global(b, e->tP);
}

/* ---- Negative cases: one function each that adds the bad code ----------------------------------- */

static void n_proto_type(env *e) { /* a method whose function does not take the class first */
    int32_t t = hlb_type_obj(e->b, "R", -1, 0);
    hlb_obj_proto(e->b, t, "f", e->f_sq, -1);
}

static void n_override_type(env *e) { /* overriding P.m (P, i32)->i32 with (R, f64)->i32 */
    int32_t t = hlb_type_obj(e->b, "R", e->tP, 0);
    int32_t ft = hlb_type_fun(e->b, e->s.ti32, 2, t, e->s.tf64);
    int32_t f = fun(e, ft, 3, t, e->s.tf64, e->s.ti32);
    emit(e, f, ORet, 2, 0, 0);
    hlb_obj_proto(e->b, t, "m", findex(e, f), 0);
}

static void n_override_ret(env *e) { /* overriding P.m with a function returning f64 */
    int32_t t = hlb_type_obj(e->b, "R", e->tP, 0);
    int32_t ft = hlb_type_fun(e->b, e->s.tf64, 2, t, e->s.ti32);
    int32_t f = fun(e, ft, 3, t, e->s.ti32, e->s.tf64);
    emit(e, f, ORet, 2, 0, 0);
    hlb_obj_proto(e->b, t, "m", findex(e, f), 0);
}

static void n_binding_type(env *e) { /* a function bound into an i32 field */
    int32_t t = hlb_type_obj(e->b, "R", -1, 0);
    hlb_obj_field(e->b, t, "cb", e->s.ti32);
    hlb_obj_binding(e->b, t, 0, e->f_sq);
}

static void n_binding_fun(env *e) { /* (i32)->i32 bound into a (f64)->i32 field */
    int32_t t = hlb_type_obj(e->b, "R", -1, 0);
    hlb_obj_field(e->b, t, "cb", e->tf_f_i);
    hlb_obj_binding(e->b, t, 0, e->f_sq);
}

/* Two chains of distinct but structurally equal function types, T(k+1) = (Tk, Tk) -> Tk: comparing
 * them takes 3^k steps, far beyond the work bound. */
static void n_class_global(env *e) { /* the class object would live in an i32 global */
    hlb_type_obj(e->b, "R", -1, e->g_i32 + 1);
}

static void n_enum_global(env *e) {
    int32_t t = hlb_type_enum(e->b, "F", e->g_i32 + 1);
    hlb_enum_construct(e->b, t, "X", 0);
}

static void n_class_name(env *e) { /* a second class named P */
    hlb_type_obj(e->b, "P", -1, 0);
}

static void n_packed_global(env *e) { /* a packed value is an address only when read from a field */
    int32_t g = hlb_global(e->b, hlb_type_packed(e->b, e->tS));
    int32_t f = fun0(e);
    emit(e, f, OGetGlobal, reg(e, f, e->tS), g, 0);
    ret0(e, f);
}

static void n_string_class(env *e) { /* natives would write a String's length past this object */
    int32_t t = hlb_type_obj(e->b, "String", -1, 0);
    hlb_obj_field(e->b, t, "bytes", e->s.tbytes);
}

static void n_const_string(env *e) { /* a String constant claiming 9 characters for "abc" */
    int32_t t = hlb_type_obj(e->b, "String", -1, 0);
    hlb_obj_field(e->b, t, "bytes", e->s.tbytes);
    hlb_obj_field(e->b, t, "length", e->s.ti32);
    hlb_string_constant(e->b, t, "abc");
    hlb_add_constant(e->b, hlb_global(e->b, t), 2, hlb_string(e->b, "abc"), hlb_int(e->b, 9));
}

static void n_too_complex(env *e) {
    int32_t a = e->s.ti32, bb = e->s.ti32;
    for (int k = 0; k < 24; k++) {
        int32_t ts[2];
        for (int j = 0; j < 2; j++) {
            int32_t prev = j == 0 ? a : bb;
            int32_t t = hlb_type_new(e->b, HFUN);
            hlb_type *ty = hlb_type_at(e->b, t);
            ty->nargs = 2;
            ty->args = malloc(2 * sizeof(int32_t));
            ty->args[0] = ty->args[1] = prev;
            ty->ret = prev;
            ts[j] = t;
        }
        a = ts[0], bb = ts[1];
    }
    int32_t f = fun0(e);
    int32_t ra = reg(e, f, a), rb = reg(e, f, bb);
    emit(e, f, OMov, rb, ra, 0);
    ret0(e, f);
}

static void n_sig_nregs(env *e) {
    fun(e, e->tf_i_v, 0);
    emit(e, e->b->nfunctions - 1, ORet, 0, 0, 0);
}

static void n_sig_arg_type(env *e) {
    int32_t f = fun(e, e->tf_i_v, 2, e->s.tf64, e->s.tvoid);
    emit(e, f, ORet, 1, 0, 0);
}

static void n_reg_type(env *e) {
    int32_t f = fun0(e);
    reg(e, f, e->tm_i_i);
    ret0(e, f);
}

static void n_op_unsupported(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OPrefetch, 0, 0, 0);
    ret0(e, f);
}

static void n_op_catch(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OCatch, 0, 0, 0);
    ret0(e, f);
}

static void n_reg_index(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OMov, 5, 0, 0);
    ret0(e, f);
}

static void n_int_index(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OInt, reg(e, f, e->s.ti32), 99, 0);
    ret0(e, f);
}

static void n_float_index(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OFloat, reg(e, f, e->s.tf64), 99, 0);
    ret0(e, f);
}

static void n_string_index(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OString, reg(e, f, e->s.tbytes), 9999, 0);
    ret0(e, f);
}

static void n_bytes_index(env *e) { /* version 5: OBytes indexes the bytes table */
    e->b->version = 5;
    hlb_bytes(e->b, "ab", 2);
    int32_t f = fun0(e);
    emit(e, f, OBytes, reg(e, f, e->s.tbytes), 1, 0);
    ret0(e, f);
}

static void n_type_index(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OType, reg(e, f, e->s.ttype), 9999, 0);
    ret0(e, f);
}

static void n_global_index(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OGetGlobal, reg(e, f, e->s.ti32), 99, 0);
    ret0(e, f);
}

static void n_findex(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OCall0, reg(e, f, e->s.ti32), 999, 0);
    ret0(e, f);
}

static void n_field_index(env *e) {
    int32_t f = fun0(e);
    int32_t ri = reg(e, f, e->s.ti32), rp = reg(e, f, e->tP);
    emit(e, f, OField, ri, rp, 7);
    ret0(e, f);
}

static void n_field_index_this(env *e) { /* OSetThis out of range is not a discarded store */
    int32_t ft = hlb_type_fun(e->b, e->s.tvoid, 1, e->tP);
    int32_t f = fun(e, ft, 2, e->tP, e->s.tvoid);
    emit(e, f, OSetThis, 9, 0, 0);
    emit(e, f, ORet, 1, 0, 0);
}

static void n_field_index_virtual(env *e) {
    int32_t f = fun0(e);
    int32_t ri = reg(e, f, e->s.ti32), rv = reg(e, f, e->tV);
    emit(e, f, OSetField, rv, 2, ri);
    ret0(e, f);
}

static void n_proto_slot(env *e) {
    int32_t f = fun0(e);
    int32_t ri = reg(e, f, e->s.ti32), rp = reg(e, f, e->tP);
    emit_n(e, f, OCallMethod, ri, 5, 0, 2, rp, ri);
    ret0(e, f);
}

static void n_construct_index(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OEnumAlloc, reg(e, f, e->tE), 9, 0);
    ret0(e, f);
}

static void n_param_index(env *e) {
    int32_t f = fun0(e);
    int32_t ri = reg(e, f, e->s.ti32), re = reg(e, f, e->tE);
    emit_n(e, f, OEnumField, ri, re, 0, 1, 3);
    ret0(e, f);
}

static void n_dst_kind(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OInt, reg(e, f, e->s.tf64), 0, 0);
    ret0(e, f);
}

static void n_dst_kind_new_virtual(env *e) { /* a new virtual would have nothing behind its method m */
    int32_t f = fun0(e);
    emit(e, f, ONew, reg(e, f, e->tV), 0, 0);
    ret0(e, f);
}

static void n_src_kind(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OJTrue, reg(e, f, e->s.ti32), 0, 0);
    ret0(e, f);
}

static void n_src_kind_unsafe_cast(env *e) { /* OUnsafeCast only between dynamic kinds */
    int32_t f = fun0(e);
    int32_t rp = reg(e, f, e->tP), ri = reg(e, f, e->s.ti32);
    emit(e, f, OUnsafeCast, rp, ri, 0);
    ret0(e, f);
}

static void n_arith_type(env *e) {
    int32_t f = fun0(e);
    int32_t ri = reg(e, f, e->s.ti32), rf = reg(e, f, e->s.tf64);
    emit(e, f, OAdd, ri, ri, rf);
    ret0(e, f);
}

static void n_mov_type(env *e) {
    int32_t f = fun0(e);
    int32_t ri = reg(e, f, e->s.ti32), rf = reg(e, f, e->s.tf64);
    emit(e, f, OMov, ri, rf, 0);
    ret0(e, f);
}

static void n_mov_downcast(env *e) { /* a P is not a Q */
    int32_t f = fun0(e);
    int32_t rq = reg(e, f, e->tQ), rp = reg(e, f, e->tP);
    emit(e, f, OMov, rq, rp, 0);
    ret0(e, f);
}

static void n_call_arity(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OCall0, reg(e, f, e->s.ti32), e->f_sq, 0);
    ret0(e, f);
}

static void n_call_arg(env *e) {
    int32_t f = fun0(e);
    int32_t ri = reg(e, f, e->s.ti32), rf = reg(e, f, e->s.tf64);
    emit(e, f, OCall1, ri, e->f_sq, rf);
    ret0(e, f);
}

static void n_call_arg_dynamic(env *e) { /* a dynamic call takes dynamic-kind arguments only */
    int32_t f = fun0(e);
    int32_t rd = reg(e, f, e->s.tdyn), ri = reg(e, f, e->s.ti32);
    emit_n(e, f, OCallClosure, rd, rd, 0, 1, ri);
    ret0(e, f);
}

static void n_call_ret(env *e) {
    int32_t f = fun0(e);
    int32_t ri = reg(e, f, e->s.ti32), rf = reg(e, f, e->s.tf64);
    emit(e, f, OCall1, rf, e->f_sq, ri);
    ret0(e, f);
}

static void n_not_method(env *e) {
    int32_t f = fun0(e);
    int32_t ri = reg(e, f, e->s.ti32), rv = reg(e, f, e->tV);
    emit_n(e, f, OCallMethod, ri, 1, 0, 1, rv);
    ret0(e, f);
}

static void n_closure_bind(env *e) { /* binding to an i32 first argument */
    int32_t f = fun0(e);
    int32_t rc = reg(e, f, e->s.tdyn), ri = reg(e, f, e->s.ti32);
    emit(e, f, OInstanceClosure, rc, e->f_sq, ri);
    ret0(e, f);
}

static void n_closure_type(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OStaticClosure, reg(e, f, e->tf_f_i), e->f_sq, 0);
    ret0(e, f);
}

static void n_global_type(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OGetGlobal, reg(e, f, e->s.tf64), e->g_i32, 0);
    ret0(e, f);
}

static void n_field_type(env *e) {
    int32_t f = fun0(e);
    int32_t rf = reg(e, f, e->s.tf64), rp = reg(e, f, e->tP);
    emit(e, f, OField, rf, rp, 0);
    ret0(e, f);
}

static void n_compare_type(env *e) {
    int32_t f = fun0(e);
    int32_t ri = reg(e, f, e->s.ti32), rf = reg(e, f, e->s.tf64);
    emit(e, f, OJEq, ri, rf, 0);
    ret0(e, f);
}

static void n_compare_ordered(env *e) { /* ordered comparison of enums */
    int32_t f = fun0(e);
    int32_t r1 = reg(e, f, e->tE), r2 = reg(e, f, e->tE);
    emit(e, f, OJSLt, r1, r2, 0);
    ret0(e, f);
}

static void n_ret_type(env *e) {
    int32_t ft = hlb_type_fun(e->b, e->s.ti32, 0);
    int32_t f = fun(e, ft, 1, e->s.tf64);
    emit(e, f, ORet, 0, 0, 0);
}

static void n_ret_void(env *e) { /* a void function returns a void register */
    int32_t f = fun0(e);
    emit(e, f, ORet, reg(e, f, e->s.ti32), 0, 0);
}

static void n_box_type(env *e) {
    int32_t f = fun0(e);
    int32_t rn = reg(e, f, e->tnull_f64), ri = reg(e, f, e->s.ti32);
    emit(e, f, OToDyn, rn, ri, 0);
    ret0(e, f);
}

static void n_ref_type(env *e) {
    int32_t f = fun0(e);
    int32_t rr = reg(e, f, e->tref_f64), ri = reg(e, f, e->s.ti32);
    emit(e, f, ORef, rr, ri, 0);
    ret0(e, f);
}

static void n_ref_type_null(env *e) { /* null<i32> only as ref<i32> */
    int32_t f = fun0(e);
    int32_t rr = reg(e, f, e->tref_f64), rn = reg(e, f, e->tnull_i32);
    emit(e, f, ORef, rr, rn, 0);
    ret0(e, f);
}

static void n_enum_arity(env *e) {
    int32_t f = fun0(e);
    hlb_emit_ext(e->b, f, OMakeEnum, reg(e, f, e->tE), 0, 0, 0, NULL);
    ret0(e, f);
}

static void n_enum_type(env *e) {
    int32_t f = fun0(e);
    int32_t re = reg(e, f, e->tE), rf = reg(e, f, e->s.tf64);
    emit_n(e, f, OMakeEnum, re, 0, 0, 1, rf);
    ret0(e, f);
}

static void n_jump_target(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OJAlways, 5, 0, 0);
    ret0(e, f);
}

static void n_jump_backward(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OJAlways, -2, 0, 0);
    ret0(e, f);
}

static void n_switch_end(env *e) {
    int32_t f = fun0(e);
    int32_t off = 0;
    hlb_emit_switch(e->b, f, reg(e, f, e->s.ti32), 1, &off, 100);
    ret0(e, f);
}

static void n_fall_off(env *e) {
    int32_t f = fun0(e);
    emit(e, f, ONop, 0, 0, 0);
}

static void n_fall_off_jump(env *e) { /* the last op is a conditional jump */
    int32_t f = fun0(e);
    int32_t rb = reg(e, f, e->s.tbool);
    emit(e, f, OJFalse, rb, -1, 0);
}

static void n_trap_depth(env *e) {
    int32_t f = fun0(e);
    int32_t rd = reg(e, f, e->s.tdyn);
    emit(e, f, OTrap, rd, 1, 0);  /* handler: op 2, at depth 0 */
    emit(e, f, OJAlways, 0, 0, 0); /* reaches op 2 at depth 1 */
    ret0(e, f);
}

static void n_trap_underflow(env *e) {
    int32_t f = fun0(e);
    emit(e, f, OEndTrap, 0, 0, 0);
    ret0(e, f);
}

static void n_trap_at_ret(env *e) {
    int32_t f = fun0(e);
    int32_t rd = reg(e, f, e->s.tdyn);
    emit(e, f, OTrap, rd, 1, 0);
    ret0(e, f); /* inside the trap */
    ret0(e, f); /* handler */
}

/* 65535 nested traps: each OTrap i has its own handler op (an OThrow at depth i). */
static void n_trap_too_deep(env *e) {
    const int32_t n = 65535;
    int32_t f = fun0(e);
    int32_t rd = reg(e, f, e->s.tdyn);
    for (int32_t i = 0; i < n; i++)
        emit(e, f, OTrap, rd, n - 1, 0);
    for (int32_t i = 0; i < n; i++)
        emit(e, f, OThrow, rd, 0, 0);
    ret0(e, f);
}

/* ---- Positive cases: tricky-but-legal code, as genhl emits it ----------------------------------- */

/* try { r = sq(1) } catch (e) { rethrow }: OTrap, OEndTrap (literal 1), unreachable OEndTrap after a
 * throw, the handler at the outer depth, ORethrow. */
static void p_try_catch(env *e) {
    int32_t f = fun0(e);
    int32_t rd = reg(e, f, e->s.tdyn), ri = reg(e, f, e->s.ti32);
    emit(e, f, OTrap, rd, 5, 0);        /* 0: handler at 6 */
    emit(e, f, OInt, ri, hlb_int(e->b, 1), 0);
    emit(e, f, OCall1, ri, e->f_sq, ri);
    emit(e, f, OEndTrap, 1, 0, 0);      /* 3 */
    emit(e, f, OJAlways, 3, 0, 0);      /* 4: to 8 */
    emit(e, f, OEndTrap, 1, 0, 0);      /* 5: unreachable (after a jump) */
    emit(e, f, ONullCheck, rd, 0, 0);   /* 6: handler */
    emit(e, f, ORethrow, rd, 0, 0);     /* 7 */
    emit(e, f, OLabel, 0, 0, 0);        /* 8 */
    ret0(e, f);
}

/* A loop with a backward jump to an OLabel, a switch whose end offset points one past the last op. */
static void p_loop_switch(env *e) {
    int32_t f = fun0(e);
    int32_t ri = reg(e, f, e->s.ti32), rn = reg(e, f, e->s.ti32);
    emit(e, f, OInt, ri, hlb_int(e->b, 0), 0);
    emit(e, f, OInt, rn, hlb_int(e->b, 10), 0);
    emit(e, f, OLabel, 0, 0, 0);          /* 2 */
    emit(e, f, OJSGte, ri, rn, 2);        /* 3: to 6 */
    emit(e, f, OIncr, ri, 0, 0);
    emit(e, f, OJAlways, -4, 0, 0);       /* 5: to 2 */
    int32_t offs[2] = {0, 1};
    hlb_emit_switch(e->b, f, ri, 2, offs, 2); /* 6: end = 9 = nops */
    ret0(e, f);                            /* 7 */
    ret0(e, f);                            /* 8 */
}

/* Dynamic call of an HDYN closure with dynamic-kind arguments, result into an i32; OCallClosure on an
 * HFUN; OToDyn into null<i32>; OSafeCast between unrelated kinds; OUnsafeCast dyn -> object. */
static void p_dynamic(env *e) {
    int32_t f = fun0(e);
    hlb_std *s = &e->s;
    int32_t rd = reg(e, f, s->tdyn), rn = reg(e, f, e->tnull_i32), ri = reg(e, f, s->ti32);
    int32_t rp = reg(e, f, e->tP), rf = reg(e, f, s->tf64), rc = reg(e, f, e->tf_i_i);
    int32_t rdo = reg(e, f, s->tdynobj);
    emit(e, f, ONull, rd, 0, 0);
    emit(e, f, OInt, ri, hlb_int(e->b, 3), 0);
    emit(e, f, OToDyn, rn, ri, 0);
    emit(e, f, OToDyn, rd, ri, 0);
    emit_n(e, f, OCallClosure, ri, rd, 0, 3, rd, rn, rp);
    emit(e, f, OStaticClosure, rc, e->f_sq, 0);
    emit(e, f, ONullCheck, rc, 0, 0);
    emit_n(e, f, OCallClosure, ri, rc, 0, 1, ri);
    emit(e, f, OSafeCast, rp, ri, 0);
    emit(e, f, OSafeCast, rf, rd, 0);
    emit(e, f, OSafeCast, ri, rn, 0);
    emit(e, f, OUnsafeCast, rp, rd, 0);
    emit(e, f, OMov, rd, rp, 0);          /* an object is dynamic */
    emit(e, f, ONew, rdo, 0, 0);
    emit(e, f, ODynSet, rdo, hlb_string(e->b, "k"), ri);
    emit(e, f, ODynGet, rf, rdo, hlb_string(e->b, "k"));
    emit(e, f, OStaticClosure, rd, e->f_sq, 0); /* a closure stored as dynamic */
    ret0(e, f);
}

/* Enums: captured-variable environments (OEnumAlloc + OSetEnumField on construct 0 + OInstanceClosure),
 * OEnumField with another construct than the one just built, OEnumIndex on a dynamic. */
static void p_enums(env *e) {
    int32_t f = fun0(e);
    hlb_std *s = &e->s;
    int32_t tenv = hlb_type_enum(e->b, "", 0);
    hlb_enum_construct(e->b, tenv, "", 2, s->ti32, e->tP);
    int32_t tfe = hlb_type_fun(e->b, s->ti32, 2, tenv, s->ti32); /* the closure body */
    int32_t body = fun(e, tfe, 2, tenv, s->ti32);
    emit(e, body, ORet, 1, 0, 0);
    int32_t re = reg(e, f, tenv), ri = reg(e, f, s->ti32), rp = reg(e, f, e->tP), rc = reg(e, f, e->tf_i_i);
    int32_t rE = reg(e, f, e->tE), rf = reg(e, f, s->tf64), rd = reg(e, f, s->tdyn);
    emit(e, f, OEnumAlloc, re, 0, 0);
    emit(e, f, OInt, ri, hlb_int(e->b, 7), 0);
    emit(e, f, OSetEnumField, re, 0, ri);
    emit(e, f, ONull, rp, 0, 0);
    emit(e, f, OSetEnumField, re, 1, rp);
    emit(e, f, OInstanceClosure, rc, findex(e, body), re);
    emit_n(e, f, OMakeEnum, rE, 0, 0, 1, ri);
    emit_n(e, f, OEnumField, rf, rE, 1, 1, 0); /* reads B's first parameter from an A value */
    emit(e, f, OEnumIndex, ri, rE, 0);
    emit(e, f, OMov, rd, rE, 0);
    emit(e, f, OEnumIndex, ri, rd, 0);
    emit_n(e, f, OEnumField, rd, rE, 1, 1, 1);
    ret0(e, f);
}

/* Objects: subclass arguments, virtual calls (OCallMethod on a Q with P's slot, OCallThis), a method
 * closure, an interface call through a virtual's method field, OJEq between a virtual and an object,
 * OToVirtual, OGetThis/OSetThis, fields through a superclass chain. */
static void p_objects(env *e) {
    hlb_std *s = &e->s;
    int32_t ft = hlb_type_fun(e->b, s->ti32, 2, e->tQ, e->tV);
    int32_t f = fun(e, ft, 2, e->tQ, e->tV);
    int32_t ri = reg(e, f, s->ti32), rp = reg(e, f, e->tP), rc = reg(e, f, e->tf_i_i), rf = reg(e, f, s->tf64);
    int32_t rd = reg(e, f, s->tdyn);
    emit(e, f, OGetThis, ri, 2, 0);             /* Q.z: absolute index 2 */
    emit(e, f, OSetThis, 0, ri, 0);             /* P.x through Q */
    emit(e, f, OGetThis, rf, 1, 0);
    emit(e, f, OMov, rp, 0, 0);                 /* Q -> P */
    emit_n(e, f, OCallMethod, ri, 0, 0, 2, 0, ri); /* Q.m via slot 0 */
    emit_n(e, f, OCallMethod, ri, 0, 0, 2, rp, ri);
    emit_n(e, f, OCallThis, ri, 0, 0, 1, ri);
    emit(e, f, OVirtualClosure, rc, rp, 0);
    emit(e, f, OInstanceClosure, rc, e->f_Pm, 0); /* P.m bound to a Q */
    emit_n(e, f, OCallMethod, ri, 0, 0, 2, 1, ri);  /* virtual method field 0 */
    emit(e, f, OField, ri, 1, 1);               /* virtual field x */
    emit(e, f, OSetField, 1, 1, ri);
    emit(e, f, OJEq, 1, rp, 0);                 /* virtual vs object */
    emit(e, f, OToVirtual, 1, rp, 0);
    emit(e, f, OGetGlobal, rp, e->g_P, 0);
    emit(e, f, OSetGlobal, e->g_P, 0, 0);      /* a Q into a P global */
    emit(e, f, OJSLt, 0, rp, 0);                /* ordered object comparison (compare function) */
    emit(e, f, OJNotEq, rd, rp, 0);             /* dynamic vs object */
    emit_n(e, f, OCall2, ri, e->f_Pm, 0, 1, ri); /* P.m(this: Q, ri) */
    emit(e, f, ORet, ri, 0, 0);
}

/* Bindings as genhl emits them: a static method into an HFUN field of its arity, a `dynamic` method
 * bound to the instance, and `__constructor__`: an HDYN field of the class object bound to a
 * function whose first argument is the instance type. An override taking dyn where the slot takes
 * an object. */
static void p_bindings(env *e) {
    hlb_std *s = &e->s;
    int32_t tC = hlb_type_obj(e->b, "C", -1, 0);
    int32_t tCs = hlb_type_obj(e->b, "$C", -1, 0);
    hlb_obj_field(e->b, tC, "dm", e->tf_i_i);
    hlb_obj_field(e->b, tCs, "sq", e->tf_i_i);
    hlb_obj_field(e->b, tCs, "__constructor__", s->tdyn);
    int32_t tf_C_i_i = hlb_type_fun(e->b, s->ti32, 2, tC, s->ti32);
    int32_t dm = fun(e, tf_C_i_i, 2, tC, s->ti32);
    emit(e, dm, ORet, 1, 0, 0);
    int32_t tf_C_v = hlb_type_fun(e->b, s->tvoid, 1, tC);
    int32_t ctor = fun(e, tf_C_v, 1, tC);
    int32_t rv = reg(e, ctor, s->tvoid);
    emit(e, ctor, ORet, rv, 0, 0);
    hlb_obj_binding(e->b, tC, 0, findex(e, dm));
    hlb_obj_binding(e->b, tCs, 0, e->f_sq);
    hlb_obj_binding(e->b, tCs, 1, findex(e, ctor));
    /* D extends P, overriding m with (D, i32) -> i32 and adding n(D, dyn) -> void; E2 extends D,
     * overriding n with (E2, dyn) -> void (genhl keeps the parent's erased signature). */
    int32_t tD = hlb_type_obj(e->b, "D", e->tP, 0);
    int32_t tf_D_i_i = hlb_type_fun(e->b, s->ti32, 2, tD, s->ti32);
    int32_t dmm = fun(e, tf_D_i_i, 2, tD, s->ti32);
    emit(e, dmm, ORet, 1, 0, 0);
    hlb_obj_proto(e->b, tD, "m", findex(e, dmm), 0);
}

/* genhl's resource table initialiser stores fields that dead-code elimination removed. */
static void p_string_constants(env *e) { /* lengths in UTF-16 units: 2 for U+1D11E */
    int32_t t = hlb_type_obj(e->b, "String", -1, 0);
    hlb_obj_field(e->b, t, "bytes", e->s.tbytes);
    hlb_obj_field(e->b, t, "length", e->s.ti32);
    hlb_string_constant(e->b, t, "");
    hlb_string_constant(e->b, t, "plain");
    hlb_string_constant(e->b, t, "h\xC3\xA9 \xE2\x82\xAC \xF0\x9D\x84\x9E");
}

static void p_dead_field_store(env *e) {
    hlb_std *s = &e->s;
    int32_t t = hlb_type_obj(e->b, "haxe._Resource.ResourceContent", -1, 0);
    hlb_obj_field(e->b, t, "name", s->tbytes);
    int32_t f = fun0(e);
    int32_t ro = reg(e, f, t), rb = reg(e, f, s->tbytes);
    emit(e, f, ONew, ro, 0, 0);
    emit(e, f, OString, rb, hlb_string(e->b, "res"), 0);
    emit(e, f, OSetField, ro, 0, rb);
    emit(e, f, OSetField, ro, 1, rb); /* field 1 was removed */
    emit(e, f, OSetField, ro, 2, ro);
    ret0(e, f);
}

/* Raw memory, native arrays and references. */
static void p_memory(env *e) {
    hlb_std *s = &e->s;
    int32_t f = fun0(e);
    int32_t rb = reg(e, f, s->tbytes), ri = reg(e, f, s->ti32), rl = reg(e, f, s->ti64), rf = reg(e, f, s->tf32);
    int32_t ra = reg(e, f, s->tarray), rr = reg(e, f, e->tref_i32), rp = reg(e, f, e->tP), ru8 = reg(e, f, s->tui8);
    int32_t rt = reg(e, f, s->ttype);
    emit(e, f, OString, rb, hlb_string(e->b, "abc"), 0);
    emit(e, f, OInt, ri, hlb_int(e->b, 0), 0);
    emit(e, f, OGetI8, ri, rb, ri);
    emit(e, f, OGetI16, ru8, rb, ri);
    emit(e, f, OGetMem, rl, rb, ri);
    emit(e, f, OSetMem, rb, ri, rf);
    emit(e, f, OSetI8, rb, ri, ri);
    emit(e, f, ONull, ra, 0, 0);
    emit(e, f, OGetArray, rp, ra, ri);          /* element size from the destination */
    emit(e, f, OGetArray, rf, ra, ri);
    emit(e, f, OSetArray, ra, ri, rl);
    emit(e, f, OArraySize, ri, ra, 0);
    emit(e, f, ORef, rr, ri, 0);
    int32_t rn = reg(e, f, e->tnull_i32);
    emit(e, f, ONull, rn, 0, 0);
    emit(e, f, ORef, rr, rn, 0);                /* REF_CELL: genhl's hl.Ref.make(nullInt) */
    emit(e, f, OUnref, ri, rr, 0);
    emit(e, f, OSetref, rr, ri, 0);
    emit(e, f, ORefData, rr, ra, 0);
    emit(e, f, ORefOffset, rr, rr, ri);
    emit(e, f, OType, rt, e->tP, 0);
    emit(e, f, OGetType, rt, rp, 0);
    emit(e, f, OGetTID, ri, rt, 0);
    emit(e, f, OToInt, rl, ri, 0);
    emit(e, f, OToSFloat, rf, rl, 0);
    emit(e, f, OToUFloat, rf, ri, 0);
    emit(e, f, ONew, rp, 0, 0);
    ret0(e, f);
}

/* ---- Random functions: every op with random operands must be accepted or rejected cleanly ------- */

static uint32_t rng_state = 12345;

static uint32_t rnd(uint32_t n) {
    rng_state = rng_state * 1103515245u + 12345u;
    return ((rng_state >> 8) & 0xFFFFFF) % n;
}

/* A small operand: mostly a valid register or index, sometimes negative or out of range. */
static int32_t rnd_operand(void) {
    uint32_t k = rnd(20);
    return k < 16 ? (int32_t)rnd(12) : k < 18 ? -(int32_t)rnd(3) - 1 : (int32_t)rnd(100000);
}

/* A function of random register types (drawn from the environment's types) and random ops. */
static void random_function(env *e) {
    int32_t pool[] = {e->s.tvoid, e->s.tui8, e->s.tui16, e->s.ti32, e->s.ti64, e->s.tf32, e->s.tf64,
                      e->s.tbool, e->s.tbytes, e->s.tdyn, e->s.tarray, e->s.ttype, e->s.tdynobj, e->tP, e->tQ,
                      e->tS, e->tV, e->tE, e->tnull_i32, e->tnull_f64, e->tref_i32, e->tref_f64, e->tf_i_i,
                      e->tf_f_i, e->tf_P_i_i};
    int32_t f = fun0(e);
    uint32_t nregs = 1 + rnd(10);
    for (uint32_t i = 0; i < nregs; i++)
        reg(e, f, pool[rnd(sizeof pool / sizeof pool[0])]);
    uint32_t nops = 1 + rnd(6);
    for (uint32_t i = 0; i < nops; i++) {
        int op = (int)rnd(OLast);
        int enc = hli_opcode_encoding((hli_opcode)op);
        int32_t extra[8];
        uint32_t n = enc == HLI_ENC_VAR || enc == HLI_ENC_SWITCH ? rnd(5) : enc > 3 ? (uint32_t)(enc - 3) : 0;
        for (uint32_t k = 0; k < n; k++)
            extra[k] = rnd_operand();
        if (enc == HLI_ENC_SWITCH)
            for (uint32_t k = 0; k < n; k++)
                extra[k] = (int32_t)rnd(8);
        int32_t p1 = rnd_operand(), p2 = rnd_operand(), p3 = rnd_operand();
        if (enc == HLI_ENC_SWITCH && p1 < 0)
            p1 = 0;
        if (enc == HLI_ENC_SWITCH && p3 < 0)
            p3 = 0;
        hlb_emit_ext(e->b, f, op, p1, p2, p3, n, extra);
    }
    ret0(e, f);
}

/* ---- The tables -------------------------------------------------------------------------------- */

typedef struct ncase {
    const char *id;           /* expected reason id */
    const char *name;
    void (*build)(env *e);
    int version;              /* 0 = 4 */
} ncase;

static const ncase negatives[] = {
    {"PROTO_TYPE", "method not taking its class first", n_proto_type, 0},
    {"OVERRIDE_TYPE", "override with another argument type", n_override_type, 0},
    {"OVERRIDE_TYPE", "override with another return type", n_override_ret, 0},
    {"BINDING_TYPE", "function bound into an i32 field", n_binding_type, 0},
    {"BINDING_TYPE", "function bound into a field of another function type", n_binding_fun, 0},
    {"CLASS_GLOBAL", "class object in an i32 global", n_class_global, 0},
    {"CLASS_GLOBAL", "enum object in an i32 global", n_enum_global, 0},
    {"CLASS_NAME", "two classes named P", n_class_name, 0},
    {"STRING_CLASS", "a class String without a length field", n_string_class, 0},
    {"CONST_STRING", "a String constant longer than its string", n_const_string, 0},
    {"GLOBAL_TYPE", "packed global read as a struct", n_packed_global, 0},
    {"TOO_COMPLEX", "exponential function-type comparison", n_too_complex, 0},
    {"SIG_NREGS", "fewer registers than arguments", n_sig_nregs, 0},
    {"SIG_ARG_TYPE", "argument register of the wrong type", n_sig_arg_type, 0},
    {"REG_TYPE", "register of method type", n_reg_type, 0},
    {"OP_UNSUPPORTED", "OPrefetch", n_op_unsupported, 0},
    {"OP_UNSUPPORTED", "OCatch", n_op_catch, 0},
    {"REG_INDEX", "register out of range", n_reg_index, 0},
    {"INT_INDEX", "OInt index out of range", n_int_index, 0},
    {"FLOAT_INDEX", "OFloat index out of range", n_float_index, 0},
    {"STRING_INDEX", "OString index out of range", n_string_index, 0},
    {"BYTES_INDEX", "OBytes index out of range (v5)", n_bytes_index, 5},
    {"TYPE_INDEX", "OType index out of range", n_type_index, 0},
    {"GLOBAL_INDEX", "OGetGlobal index out of range", n_global_index, 0},
    {"FINDEX", "call of a findex out of range", n_findex, 0},
    {"FIELD_INDEX", "OField index out of range", n_field_index, 0},
    {"FIELD_INDEX", "OSetField on a virtual out of range", n_field_index_virtual, 0},
    {"FIELD_INDEX", "OSetThis out of range", n_field_index_this, 0},
    {"PROTO_SLOT", "OCallMethod of an undefined slot", n_proto_slot, 0},
    {"CONSTRUCT_INDEX", "OEnumAlloc construct out of range", n_construct_index, 0},
    {"PARAM_INDEX", "OEnumField parameter out of range", n_param_index, 0},
    {"DST_KIND", "OInt into f64", n_dst_kind, 0},
    {"DST_KIND", "ONew of a virtual with a method field", n_dst_kind_new_virtual, 0},
    {"SRC_KIND", "OJTrue on i32", n_src_kind, 0},
    {"SRC_KIND", "OUnsafeCast from i32", n_src_kind_unsafe_cast, 0},
    {"ARITH_TYPE", "OAdd i32 + f64", n_arith_type, 0},
    {"MOV_TYPE", "OMov f64 -> i32", n_mov_type, 0},
    {"MOV_TYPE", "OMov superclass -> subclass", n_mov_downcast, 0},
    {"CALL_ARITY", "OCall0 of a 1-argument function", n_call_arity, 0},
    {"CALL_ARG", "f64 argument for i32", n_call_arg, 0},
    {"CALL_ARG", "i32 argument of a dynamic call", n_call_arg_dynamic, 0},
    {"CALL_RET", "i32 result into f64", n_call_ret, 0},
    {"NOT_METHOD", "OCallMethod of a virtual's data field", n_not_method, 0},
    {"CLOSURE_BIND", "OInstanceClosure binding an i32 argument", n_closure_bind, 0},
    {"CLOSURE_TYPE", "OStaticClosure into another function type", n_closure_type, 0},
    {"GLOBAL_TYPE", "i32 global into f64", n_global_type, 0},
    {"FIELD_TYPE", "i32 field into f64", n_field_type, 0},
    {"COMPARE_TYPE", "OJEq i32 f64", n_compare_type, 0},
    {"COMPARE_TYPE", "OJSLt on enums", n_compare_ordered, 0},
    {"RET_TYPE", "f64 returned as i32", n_ret_type, 0},
    {"RET_TYPE", "i32 returned from a void function", n_ret_void, 0},
    {"BOX_TYPE", "OToDyn i32 into null<f64>", n_box_type, 0},
    {"REF_TYPE", "ORef ref<f64> of an i32", n_ref_type, 0},
    {"REF_TYPE", "ORef ref<f64> of a null<i32>", n_ref_type_null, 0},
    {"ENUM_ARITY", "OMakeEnum without the parameter", n_enum_arity, 0},
    {"ENUM_TYPE", "OMakeEnum with an f64 for an i32", n_enum_type, 0},
    {"JUMP_TARGET", "jump past the end", n_jump_target, 0},
    {"JUMP_TARGET", "jump before the start", n_jump_backward, 0},
    {"SWITCH_END", "switch end offset past the end", n_switch_end, 0},
    {"FALL_OFF", "last op falls through", n_fall_off, 0},
    {"FALL_OFF", "last op is a conditional jump", n_fall_off_jump, 0},
    {"TRAP_DEPTH", "op reached at two trap depths", n_trap_depth, 0},
    {"TRAP_UNDERFLOW", "OEndTrap without OTrap", n_trap_underflow, 0},
    {"TRAP_AT_RET", "ORet inside a trap", n_trap_at_ret, 0},
    {"TRAP_TOO_DEEP", "65535 nested traps", n_trap_too_deep, 0},
};

typedef struct pcase {
    const char *name;
    void (*build)(env *e);
} pcase;

static const pcase positives[] = {
    {"try/catch as genhl emits it", p_try_catch},
    {"loop and switch", p_loop_switch},
    {"dynamic calls and casts", p_dynamic},
    {"enum environments and fields", p_enums},
    {"objects, virtual calls, interfaces", p_objects},
    {"bindings and overrides", p_bindings},
    {"raw memory, arrays, references", p_memory},
    {"stores into fields DCE removed", p_dead_field_store},
    {"String constants, ASCII and not", p_string_constants},
};

/* ---- Driver -------------------------------------------------------------------------------------- */

static int verbose;

/* Checks the message format: "<function>@<pc> <OpName>: <text> [<ID>]" or "<where>: <text> [<ID>]". */
static int well_formed(const char *text, const char *id) {
    char tail[64];
    snprintf(tail, sizeof tail, " [%s]", id);
    size_t n = strlen(text), k = strlen(tail);
    return n > k && strcmp(text + n - k, tail) == 0 && strstr(text, ": ") != NULL;
}

/* Every reason id must be documented in the contract (docs/internals/verifier.md). */
static int check_doc(const char *path, size_t nreasons) {
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        printf("FAIL cannot read %s\n", path);
        return 1;
    }
    static char doc[1 << 20];
    size_t n = fread(doc, 1, sizeof doc - 1, fp);
    fclose(fp);
    doc[n] = 0;
    int failures = 0;
    for (size_t r = 0; r < nreasons; r++) {
        char cell[80];
        snprintf(cell, sizeof cell, "| %s |", reason_ids[r]);
        if (strstr(doc, cell) == NULL) {
            printf("FAIL reason %s has no row in %s\n", reason_ids[r], path);
            failures++;
        }
    }
    return failures;
}

int main(int argc, char **argv) {
    const char *doc = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (strcmp(argv[i], "--doc") == 0 && i + 1 < argc)
            doc = argv[++i];
    }
    int failures = 0;
    size_t nreasons = sizeof reason_ids / sizeof reason_ids[0];
    if (doc != NULL)
        failures += check_doc(doc, nreasons);
    unsigned *covered = calloc(nreasons, sizeof(unsigned));

    for (size_t i = 0; i < sizeof negatives / sizeof negatives[0]; i++) {
        const ncase *t = &negatives[i];
        env e;
        env_init(&e, t->version ? t->version : 4);
        t->build(&e);
        hli_error err;
        hlffi_error_code rc = hlb_load_verify(e.b, &err);
        hlb_free(e.b);
        int ok = rc == HLFFI_ERROR_VERIFICATION_FAILED && well_formed(err.text, t->id);
        size_t r;
        for (r = 0; r < nreasons && strcmp(reason_ids[r], t->id) != 0; r++)
            ;
        if (r == nreasons) {
            printf("FAIL negative \"%s\": %s is not in the catalogue\n", t->name, t->id);
            failures++;
            continue;
        }
        if (ok)
            covered[r]++;
        if (!ok || verbose)
            printf("%s negative %-16s %-55s -> (%d) %s\n", ok ? "ok  " : "FAIL", t->id, t->name, (int)rc, err.text);
        failures += !ok;
    }
    for (size_t r = 0; r < nreasons; r++)
        if (covered[r] == 0) {
            printf("FAIL reason %s has no passing negative test\n", reason_ids[r]);
            failures++;
        }

    for (size_t i = 0; i < sizeof positives / sizeof positives[0]; i++) {
        const pcase *t = &positives[i];
        env e;
        env_init(&e, 4);
        t->build(&e);
        hli_error err;
        hlffi_error_code rc = hlb_load_verify(e.b, &err);
        hlb_free(e.b);
        int ok = rc == HLFFI_OK;
        if (!ok || verbose)
            printf("%s positive %-40s -> (%d) %s\n", ok ? "ok  " : "FAIL", t->name, (int)rc, err.text);
        failures += !ok;
    }
    /* Random functions: only a clean accept or reject is allowed (run under sanitizers in CI). */
    {
        unsigned accepted = 0, rejected = 0, invalid = 0;
        for (int i = 0; i < 20000; i++) {
            env e;
            env_init(&e, 4);
            random_function(&e);
            hli_error err;
            hlffi_error_code rc = hlb_load_verify(e.b, &err);
            hlb_free(e.b);
            if (rc == HLFFI_OK)
                accepted++;
            else if (rc == HLFFI_ERROR_VERIFICATION_FAILED && strstr(err.text, " [") != NULL)
                rejected++;
            else if (rc == HLFFI_ERROR_INVALID_BYTECODE)
                invalid++;
            else {
                printf("FAIL random function %d: code %d: %s\n", i, (int)rc, err.text);
                failures++;
            }
        }
        if (verbose)
            printf("random functions: %u accepted, %u rejected, %u refused by the loader\n", accepted, rejected, invalid);
    }
    /* The environment alone must verify. */
    {
        env e;
        env_init(&e, 4);
        hli_error err;
        hlffi_error_code rc = hlb_load_verify(e.b, &err);
        hlb_free(e.b);
        if (rc != HLFFI_OK) {
            printf("FAIL the base environment does not verify: %s\n", err.text);
            failures++;
        }
    }
    free(covered);
    printf("verify_reasons: %zu reasons, %zu negative and %zu positive cases, %d failure(s)\n", nreasons,
           sizeof negatives / sizeof negatives[0], sizeof positives / sizeof positives[0], failures);
    return failures ? 1 : 0;
}
