/* The interpreter loop: runs decoded functions (exec/code.h) with computed-goto dispatch on GCC/Clang
 * (HLI_SWITCH_DISPATCH selects the portable switch, built and tested too). Haxe-to-Haxe calls push a
 * frame and continue in this same loop, so Haxe recursion never recurses on the C stack; natives and
 * the runtime's slow paths are called from here and may re-enter through hli_call_fn (bounded).
 * Arithmetic follows x86/HashLink semantics without C undefined behaviour (hl-spec.md 3.3). */
#include <assert.h>
#include <math.h>
#include <string.h>

#include "exec/host_call.h"
#include "exec/interp_ops.h"
#include "exec/poll.h"
#include "rt/rt.h"

#if (defined(__GNUC__) || defined(__clang__)) && !defined(HLI_SWITCH_DISPATCH)
#define HLI_COMPUTED_GOTO 1
#endif

/* x86 cvttsd2si: truncation toward zero, INT_MIN for NaN and out-of-range values. */
static inline int32_t d2i(double d) {
    return (d > -2147483649.0 && d < 2147483648.0) ? (int32_t)d : INT32_MIN;
}

static inline int32_t sdiv32(int32_t a, int32_t b) {
    if (b == 0)
        return 0;
    if (b == -1)
        return (int32_t)(0u - (uint32_t)a);
    return a / b;
}

static inline int32_t smod32(int32_t a, int32_t b) { return (b == 0 || b == -1) ? 0 : a % b; }

static inline int64_t sdiv64(int64_t a, int64_t b) {
    if (b == 0)
        return 0;
    if (b == -1)
        return (int64_t)(0u - (uint64_t)a);
    return a / b;
}

static inline int64_t smod64(int64_t a, int64_t b) { return (b == 0 || b == -1) ? 0 : a % b; }

static inline int32_t sshr32(int32_t a, int32_t s) {
    s &= 31;
    return a < 0 ? ~(~a >> s) : a >> s;
}

static inline int64_t sshr64(int64_t a, int64_t s) {
    s &= 63;
    return a < 0 ? ~(~a >> s) : a >> s;
}

/* Sized loads and stores between memory and a register slot; loads zero-extend small widths. */
static inline void load_w(hli_reg *dst, const void *src, int w) {
    switch (w) {
    case 1: dst->i64 = *(const uint8_t *)src; break;
    case 2: {
        uint16_t v;
        memcpy(&v, src, 2);
        dst->i64 = v;
        break;
    }
    case 4: {
        uint32_t v; /* zero-extended to a whole slot (SET_I below) */
        memcpy(&v, src, 4);
        dst->i64 = v;
        break;
    }
    default: memcpy(dst, src, 8); break;
    }
}

static inline void store_w(void *dst, const hli_reg *src, int w) { memcpy(dst, src, (size_t)w); }

/* 32-bit results (Int, Single, 4-byte loads) are written as whole slots, zero-extended: a later
 * whole-slot read of the register (a return, a move, a call's arguments) then forwards from one store.
 * A 4-byte store under an 8-byte load cannot forward and stalls (about 3 ns on x86, measured on a typed
 * call of `return a + b`). Registers are little-endian: the value stays where .i and .f read it. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the interpreter's register slots assume a little-endian target (as HashLink does)"
#endif
#define SET_I(r, v) ((r).i64 = (int64_t)(uint32_t)(v))

/* A native's result into its destination register: natives write their result with its own width
 * (ret->i, ret->b ...), so it is read back with that width (the load forwards from the native's store)
 * and written as a whole slot, zero-extended as before. */
static inline void native_result(hli_reg *dst, const hli_reg *r, hli_kind k) {
    switch (k) {
    case HBOOL:
    case HUI8: load_w(dst, r, 1); break;
    case HUI16: load_w(dst, r, 2); break;
    case HI32:
    case HF32: load_w(dst, r, 4); break;
    default: *dst = *r;
    }
}
static inline void set_f32(hli_reg *r, float f) {
    hli_reg t;
    t.i64 = 0;
    t.f = f;
    *r = t;
}

/* The poll point's slow path (exec/poll.h), entered from backward jumps, calls and caught exceptions when
 * the countdown runs out; pc is saved first so that an abort says where it stopped. */
static hli_status poll_point(hli_thread *th, const hli_iop *pc) {
    th->frames[th->nframes - 1].pc = pc;
    return hli_poll_slow(th);
}

const int32_t *hli_interp_handlers(void) {
#ifdef HLI_COMPUTED_GOTO
    hli_reg r;
    hli_interp(NULL, 0, NULL, NULL, &r);
    return r.p;
#else
    return NULL;
#endif
}

hli_status hli_interp(hli_thread *th, uint32_t base, const hli_code *code, hli_reg *regs, hli_reg *result) {
#ifdef HLI_COMPUTED_GOTO
    /* Handler offsets from the first handler: decode copies them into each op (hli_iop.handler), so
     * dispatch is a load and an indirect jump. th == NULL asks for this table (hli_interp_handlers). */
    static const int32_t handlers[] = {
#define HLI_XOP_LABEL(name) (int32_t)((char *)&&L_##name - (char *)&&L_XNOP),
        HLI_XOPS(HLI_XOP_LABEL)
#undef HLI_XOP_LABEL
    };
    if (th == NULL) {
        result->p = (void *)handlers;
        return HLI_OK;
    }
#endif
    /* The entry's frame, just pushed at index base, comes with its code and registers as arguments rather
     * than read back from the frame the caller has just written: the first op's loads need not wait for
     * those stores (on the host's fast path this shortens every call's critical path). */
    assert(th->nframes == base + 1 && th->frames[base].regs == regs && th->frames[base].fn->code == code &&
           th->frames[base].pc == code->ops);
    hli_frame *fr;
    const hli_iop *ops = code->ops;
    const hli_iop *pc = ops;
    hli_status st = HLI_OK;
    hli_reg argv[256 + 1];
    hli_reg tmp;

#define FRAME() (&th->frames[th->nframes - 1])
/* The running state of the frame now on top (after a call pushed one or a return popped one); pc is set
 * by the caller of this. */
#define LOAD_FRAME() (fr = FRAME(), regs = fr->regs, code = fr->fn->code, ops = code->ops)
#define SAVE() (FRAME()->pc = pc)
#define A (regs[pc->a])
#define B (regs[pc->b])
#define C (regs[pc->c])
#define THROW(expr)     \
    do {                \
        SAVE();         \
        st = (expr);    \
        goto exception; \
    } while (0)
#define CHECK(expr)               \
    do {                          \
        SAVE();                   \
        if ((st = (expr)) != HLI_OK) \
            goto exception;       \
    } while (0)
#define NULL_ACCESS() THROW(hli_throw_error(th, "Null access"))
/* Field ops: a fused ONullCheck left the field name in x.p for HashLink's message. */
#define NULL_FIELD() \
    THROW(pc->x.p != NULL ? hli_throw_error(th, "Null access .%s", (const char *)pc->x.p) : hli_throw_error(th, "Null access"))
#define JUMP(target)                                      \
    do {                                                  \
        const hli_iop *to_ = ops + (target);              \
        if (to_ <= pc && hli_poll_charge(th, (int32_t)(pc - to_) + 1) && (st = poll_point(th, pc)) != HLI_OK) \
            goto exception;                               \
        pc = to_;                                         \
        DISPATCH();                                       \
    } while (0)
#define NEXT()     \
    do {           \
        pc++;      \
        DISPATCH(); \
    } while (0)

#ifdef HLI_COMPUTED_GOTO
#define DISPATCH() goto *(void *)((char *)&&L_XNOP + pc->handler)
#define CASE(name) L_##name:
    DISPATCH();
#else
#define DISPATCH() goto dispatch
#define CASE(name) case name:
dispatch:
    switch ((hli_xop)pc->op) {
#endif

    CASE(XNOP) NEXT();
    CASE(XMOV) A = B; NEXT();
    CASE(XCONST) A = pc->x.reg; NEXT();

    CASE(XADD_I) SET_I(A, (int32_t)((uint32_t)B.i + (uint32_t)C.i)); NEXT();
    CASE(XSUB_I) SET_I(A, (int32_t)((uint32_t)B.i - (uint32_t)C.i)); NEXT();
    CASE(XMUL_I) SET_I(A, (int32_t)((uint32_t)B.i * (uint32_t)C.i)); NEXT();
    CASE(XSDIV_I) SET_I(A, sdiv32(B.i, C.i)); NEXT();
    CASE(XUDIV_I) SET_I(A, C.i == 0 ? 0 : (int32_t)((uint32_t)B.i / (uint32_t)C.i)); NEXT();
    CASE(XSMOD_I) SET_I(A, smod32(B.i, C.i)); NEXT();
    CASE(XUMOD_I) SET_I(A, C.i == 0 ? 0 : (int32_t)((uint32_t)B.i % (uint32_t)C.i)); NEXT();
    CASE(XSHL_I) SET_I(A, (int32_t)((uint32_t)B.i << (C.i & 31))); NEXT();
    CASE(XSSHR_I) SET_I(A, sshr32(B.i, C.i)); NEXT();
    CASE(XUSHR_I) SET_I(A, (int32_t)((uint32_t)B.i >> (C.i & 31))); NEXT();
    CASE(XAND_I) SET_I(A, B.i & C.i); NEXT();
    CASE(XOR_I) SET_I(A, B.i | C.i); NEXT();
    CASE(XXOR_I) SET_I(A, B.i ^ C.i); NEXT();

    CASE(XADD_L) A.i64 = (int64_t)((uint64_t)B.i64 + (uint64_t)C.i64); NEXT();
    CASE(XSUB_L) A.i64 = (int64_t)((uint64_t)B.i64 - (uint64_t)C.i64); NEXT();
    CASE(XMUL_L) A.i64 = (int64_t)((uint64_t)B.i64 * (uint64_t)C.i64); NEXT();
    CASE(XSDIV_L) A.i64 = sdiv64(B.i64, C.i64); NEXT();
    CASE(XUDIV_L) A.i64 = C.i64 == 0 ? 0 : (int64_t)((uint64_t)B.i64 / (uint64_t)C.i64); NEXT();
    CASE(XSMOD_L) A.i64 = smod64(B.i64, C.i64); NEXT();
    CASE(XUMOD_L) A.i64 = C.i64 == 0 ? 0 : (int64_t)((uint64_t)B.i64 % (uint64_t)C.i64); NEXT();
    CASE(XSHL_L) A.i64 = (int64_t)((uint64_t)B.i64 << (C.i64 & 63)); NEXT();
    CASE(XSSHR_L) A.i64 = sshr64(B.i64, C.i64); NEXT();
    CASE(XUSHR_L) A.i64 = (int64_t)((uint64_t)B.i64 >> (C.i64 & 63)); NEXT();
    CASE(XAND_L) A.i64 = B.i64 & C.i64; NEXT();
    CASE(XOR_L) A.i64 = B.i64 | C.i64; NEXT();
    CASE(XXOR_L) A.i64 = B.i64 ^ C.i64; NEXT();

    CASE(XADD_D) A.d = B.d + C.d; NEXT();
    CASE(XSUB_D) A.d = B.d - C.d; NEXT();
    CASE(XMUL_D) A.d = B.d * C.d; NEXT();
    CASE(XDIV_D) A.d = B.d / C.d; NEXT();
    CASE(XMOD_D) A.d = fmod(B.d, C.d); NEXT();
    CASE(XADD_F) set_f32(&A, B.f + C.f); NEXT();
    CASE(XSUB_F) set_f32(&A, B.f - C.f); NEXT();
    CASE(XMUL_F) set_f32(&A, B.f * C.f); NEXT();
    CASE(XDIV_F) set_f32(&A, B.f / C.f); NEXT();
    CASE(XMOD_F) set_f32(&A, fmodf(B.f, C.f)); NEXT();
    CASE(XARITH_SMALL) hli_op_arith_small(pc, regs); NEXT();

    CASE(XNEG_I) SET_I(A, (int32_t)(0u - (uint32_t)B.i)); NEXT();
    CASE(XNEG_L) A.i64 = (int64_t)(0u - (uint64_t)B.i64); NEXT();
    CASE(XNEG_D) A.d = 0.0 - B.d; NEXT(); /* HashLink's JIT computes 0 - x: -(+0.0) is +0.0 */
    CASE(XNEG_F) set_f32(&A, 0.0f - B.f); NEXT();
    CASE(XNOT) A.i64 = B.b ^ 1; NEXT();
    CASE(XINCR_I) SET_I(A, (int32_t)((uint32_t)A.i + 1u)); NEXT();
    CASE(XDECR_I) SET_I(A, (int32_t)((uint32_t)A.i - 1u)); NEXT();
    CASE(XINCR_L) A.i64 = (int64_t)((uint64_t)A.i64 + 1u); NEXT();
    CASE(XDECR_L) A.i64 = (int64_t)((uint64_t)A.i64 - 1u); NEXT();

    /* ---- calls ---------------------------------------------------------------------------------- */
    {
        hli_fn *callee;
        const int32_t *av;
        uint32_t nargs, shift;
        void *bound;
        bool pushed; /* a converted call pushed a frame (shared by XCALL_VMETHOD and XCALL_DYN) */

    CASE(XCALL)
        callee = pc->x.fn;
        av = code->args + pc->c;
        nargs = (uint32_t)pc->b;
        shift = 0;
        bound = NULL;
        goto do_call;

    CASE(XCALL_METHOD) {
        vobj *o = regs[code->args[pc->c]].p;
        if (o == NULL)
            NULL_ACCESS();
        const hli_obj_rt *ort = o->t->kind == HOBJ ? o->t->u.obj->rt : NULL;
        if (ort == NULL || (uint32_t)pc->d >= ort->nproto || o->t->vobj_proto[pc->d] == NULL)
            THROW(hli_throw_error(th, "Invalid method call"));
        callee = o->t->vobj_proto[pc->d];
        av = code->args + pc->c;
        nargs = (uint32_t)pc->b;
        shift = 0;
        bound = NULL;
        goto do_call;
    }

    CASE(XCALL_CLOSURE) {
        vclosure *c = regs[pc->d].p;
        if (c == NULL)
            NULL_ACCESS();
        if (c->hasValue == 2)
            goto call_dyn;
        callee = c->fun;
        av = code->args + pc->c;
        nargs = (uint32_t)pc->b;
        shift = c->hasValue ? 1 : 0;
        bound = c->value;
        goto do_call;
    }

    CASE(XCALL_VMETHOD) {
        vvirtual *v = regs[code->args[pc->c]].p;
        if (v == NULL)
            NULL_ACCESS();
        hli_fn *m = hli_vfields(v)[pc->d];
        if (m != NULL) {
            /* A method of the underlying object: call it with the object in place of the virtual. */
            callee = m;
            av = code->args + pc->c + 1;
            nargs = (uint32_t)pc->b - 1;
            shift = 1;
            bound = v->value;
            goto do_call;
        }
        vclosure *c = NULL;
        CHECK(hli_op_virtual_method(th, v, (int32_t)pc->x.i, &c));
        /* Call it with the arguments after the virtual, converted as a dynamic call. */
        CHECK(hli_op_call_regs_converted(th, c, regs, code, (uint32_t)pc->c + 1, (uint32_t)pc->b - 1, pc->a,
                                         code->regs[pc->a], &tmp, &pushed));
        goto after_converted;
    }

    CASE(XCALL_DYN)
    call_dyn : {
        vclosure *c = regs[pc->d].p;
        if (c == NULL)
            NULL_ACCESS();
        if (c->t == NULL || c->t->kind != HFUN)
            THROW(hli_throw_error(th, "Can't call a value that is not a function"));
        CHECK(hli_op_call_regs_converted(th, c, regs, code, (uint32_t)pc->c, (uint32_t)pc->b, pc->a, pc->x.t, &tmp,
                                         &pushed));
    after_converted:
        if (pushed) {
            LOAD_FRAME();
            pc = ops;
            if (hli_poll_charge(th, (int32_t)code->nops) && (st = poll_point(th, pc)) != HLI_OK)
                goto exception;
            DISPATCH();
        }
        if (pc->a >= 0)
            A = tmp;
        NEXT();
    }

    do_call:
        if (callee->kind == HLI_FN_BYTECODE) {
            const hli_code *cc = callee->code;
            hli_reg *nr = th->reg_top;
            SAVE();
            if ((size_t)(th->reg_limit - nr) < cc->nregs && (nr = hli_stack_reserve(th, cc->nregs)) == NULL)
                THROW(hli_throw_error(th, "Stack overflow"));
            if (th->nframes == th->frames_cap && !hli_frames_grow(th))
                THROW(hli_throw_error(th, "Stack overflow"));
            if (shift)
                nr[0].p = bound;
            for (uint32_t i = 0; i < nargs; i++)
                nr[i + shift] = regs[av[i]];
            hli_zero_regs(nr + nargs + shift, cc->nregs - nargs - shift, th->reg_limit);
            th->reg_top = nr + cc->nregs;
            fr = &th->frames[th->nframes++];
            fr->fn = callee;
            fr->regs = nr;
            fr->ret_reg = pc->a;
            fr->ret_mode = HLI_RET_DIRECT;
            fr->ret_conv = NULL;
            regs = nr;
            code = cc;
            ops = cc->ops;
            pc = ops;
            fr->pc = pc;
            if (hli_poll_charge(th, (int32_t)cc->nops) && (st = poll_point(th, pc)) != HLI_OK)
                goto exception;
            DISPATCH();
        }
        /* A native: arguments in a local array, the result straight into the destination. */
        if (shift)
            argv[0].p = bound;
        for (uint32_t i = 0; i < nargs; i++)
            argv[i + shift] = regs[av[i]];
        SAVE();
        tmp.i64 = 0;
        if ((st = hli_native_call(th, callee, argv, &tmp)) != HLI_OK)
            goto exception;
        if (pc->a >= 0)
            native_result(&A, &tmp, callee->type->u.fun->ret->kind);
        NEXT();
    }

    CASE(XSTATIC_CLOSURE) A.p = pc->x.p; NEXT();
    CASE(XINSTANCE_CLOSURE) {
        SAVE();
        vclosure *c = hli_alloc_bound_closure(th, pc->x.fn, B.p);
        if (c == NULL)
            THROW(HLI_EXC);
        A.p = c;
        NEXT();
    }
    CASE(XVIRTUAL_CLOSURE) {
        vobj *o = B.p;
        if (o == NULL)
            NULL_ACCESS();
        const hli_obj_rt *ort = o->t->kind == HOBJ ? o->t->u.obj->rt : NULL;
        if (ort == NULL || (uint32_t)pc->c >= ort->nproto || o->t->vobj_proto[pc->c] == NULL)
            THROW(hli_throw_error(th, "Invalid method call"));
        SAVE();
        vclosure *c = hli_alloc_bound_closure(th, o->t->vobj_proto[pc->c], o);
        if (c == NULL)
            THROW(HLI_EXC);
        A.p = c;
        NEXT();
    }

    CASE(XGETGLOBAL) memcpy(&A, pc->x.p, sizeof(hli_reg)); NEXT();
    CASE(XSETGLOBAL) memcpy(pc->x.p, &B, sizeof(hli_reg)); NEXT();

    /* ---- fields --------------------------------------------------------------------------------- */
    CASE(XFIELD_1) {
        if (B.p == NULL)
            NULL_FIELD();
        A.i64 = *((uint8_t *)B.p + pc->c);
        NEXT();
    }
    CASE(XFIELD_2) {
        if (B.p == NULL)
            NULL_FIELD();
        load_w(&A, (uint8_t *)B.p + pc->c, 2);
        NEXT();
    }
    CASE(XFIELD_4) {
        if (B.p == NULL)
            NULL_FIELD();
        load_w(&A, (uint8_t *)B.p + pc->c, 4);
        NEXT();
    }
    CASE(XFIELD_8) {
        if (B.p == NULL)
            NULL_FIELD();
        memcpy(&A, (uint8_t *)B.p + pc->c, 8);
        NEXT();
    }
    CASE(XSETFIELD_1) {
        if (A.p == NULL)
            NULL_FIELD();
        *((uint8_t *)A.p + pc->b) = C.ui8;
        NEXT();
    }
    CASE(XSETFIELD_2) {
        if (A.p == NULL)
            NULL_FIELD();
        memcpy((uint8_t *)A.p + pc->b, &C, 2);
        NEXT();
    }
    CASE(XSETFIELD_4) {
        if (A.p == NULL)
            NULL_FIELD();
        memcpy((uint8_t *)A.p + pc->b, &C, 4);
        NEXT();
    }
    CASE(XSETFIELD_8) {
        if (A.p == NULL)
            NULL_FIELD();
        memcpy((uint8_t *)A.p + pc->b, &C, 8);
        NEXT();
    }
    CASE(XFIELD_VIRT) {
        vvirtual *v = B.p;
        if (v == NULL)
            NULL_ACCESS();
        void *addr = hli_vfields(v)[pc->c];
        if (addr != NULL) {
            load_w(&tmp, addr, (int)hli_type_size(pc->x.t));
            A = tmp;
            NEXT();
        }
        CHECK(hli_dyn_get(th, (vdynamic *)v, pc->d, pc->x.t, &tmp));
        A = tmp;
        NEXT();
    }
    CASE(XSETFIELD_VIRT) {
        vvirtual *v = A.p;
        if (v == NULL)
            NULL_ACCESS();
        void *addr = hli_vfields(v)[pc->b];
        if (addr != NULL) {
            store_w(addr, &C, (int)hli_type_size(pc->x.t));
            NEXT();
        }
        CHECK(hli_dyn_set(th, (vdynamic *)v, pc->d, pc->x.t, &C));
        NEXT();
    }
    CASE(XDYNGET) {
        if (B.p == NULL)
            NULL_ACCESS();
        CHECK(hli_dyn_get(th, B.p, pc->d, pc->x.t, &tmp));
        A = tmp;
        NEXT();
    }
    CASE(XDYNSET) {
        if (A.p == NULL)
            NULL_ACCESS();
        CHECK(hli_dyn_set(th, A.p, pc->d, pc->x.t, &C));
        NEXT();
    }

    /* ---- jumps ---------------------------------------------------------------------------------- */
    CASE(XJTRUE) if (A.b) JUMP(pc->d); NEXT();
    CASE(XJFALSE) if (!A.b) JUMP(pc->d); NEXT();
    CASE(XJNULL) if (A.p == NULL) JUMP(pc->d); NEXT();
    CASE(XJNOTNULL) if (A.p != NULL) JUMP(pc->d); NEXT();
    CASE(XJALWAYS) JUMP(pc->d);
    CASE(XJSLT_I) if (A.i < B.i) JUMP(pc->d); NEXT();
    CASE(XJSGTE_I) if (A.i >= B.i) JUMP(pc->d); NEXT();
    CASE(XJSGT_I) if (A.i > B.i) JUMP(pc->d); NEXT();
    CASE(XJSLTE_I) if (A.i <= B.i) JUMP(pc->d); NEXT();
    CASE(XJULT_I) if ((uint32_t)A.i < (uint32_t)B.i) JUMP(pc->d); NEXT();
    CASE(XJUGTE_I) if ((uint32_t)A.i >= (uint32_t)B.i) JUMP(pc->d); NEXT();
    CASE(XJEQ_I) if (A.i == B.i) JUMP(pc->d); NEXT();
    CASE(XJNEQ_I) if (A.i != B.i) JUMP(pc->d); NEXT();
    CASE(XJSLT_L) if (A.i64 < B.i64) JUMP(pc->d); NEXT();
    CASE(XJSGTE_L) if (A.i64 >= B.i64) JUMP(pc->d); NEXT();
    CASE(XJSGT_L) if (A.i64 > B.i64) JUMP(pc->d); NEXT();
    CASE(XJSLTE_L) if (A.i64 <= B.i64) JUMP(pc->d); NEXT();
    CASE(XJEQ_L) if (A.i64 == B.i64) JUMP(pc->d); NEXT();
    CASE(XJNEQ_L) if (A.i64 != B.i64) JUMP(pc->d); NEXT();
    CASE(XJSLT_D) if (A.d < B.d) JUMP(pc->d); NEXT();
    CASE(XJSGTE_D) if (A.d >= B.d) JUMP(pc->d); NEXT();
    CASE(XJSGT_D) if (A.d > B.d) JUMP(pc->d); NEXT();
    CASE(XJSLTE_D) if (A.d <= B.d) JUMP(pc->d); NEXT();
    CASE(XJNOTLT_D) if (!(A.d < B.d)) JUMP(pc->d); NEXT();
    CASE(XJNOTGTE_D) if (!(A.d >= B.d)) JUMP(pc->d); NEXT();
    CASE(XJEQ_D) if (A.d == B.d) JUMP(pc->d); NEXT();
    CASE(XJNEQ_D) if (A.d != B.d) JUMP(pc->d); NEXT();
    CASE(XJEQ_P) if (A.p == B.p) JUMP(pc->d); NEXT();
    CASE(XJNEQ_P) if (A.p != B.p) JUMP(pc->d); NEXT();
    CASE(XJCMP) {
        bool taken = false;
        CHECK(hli_op_compare(th, pc, regs, code, &taken));
        if (taken)
            JUMP(pc->d);
        NEXT();
    }
    CASE(XSWITCH) {
        uint32_t v = (uint32_t)A.i;
        if (v < (uint32_t)pc->b)
            JUMP(code->args[pc->c + (int32_t)v]);
        NEXT();
    }

    /* ---- conversions ---------------------------------------------------------------------------- */
    CASE(XTODYN) {
        SAVE();
        vdynamic *v = hli_box(th, &B, pc->x.t);
        if (v == NULL && (!hli_kind_is_ptr(pc->x.t->kind) || B.p != NULL))
            THROW(HLI_EXC);
        A.p = v;
        NEXT();
    }
    CASE(XI2D) A.d = (double)B.i; NEXT();
    CASE(XD2I) SET_I(A, d2i(B.d)); NEXT();
    CASE(XCONV) hli_op_convert(pc, regs); NEXT();
    CASE(XSAFECAST) {
        CHECK(hli_dyn_cast(th, &B, code->regs[pc->b], code->regs[pc->a], &tmp));
        A = tmp;
        NEXT();
    }
    CASE(XCHECKCAST) {
        vdynamic *v = B.p;
        if (v != NULL && v->t != pc->x.t && !hli_op_value_fits(v, pc->x.t))
            THROW(hli_throw_cast(th, v->t, pc->x.t));
        A = B;
        NEXT();
    }
    CASE(XTOVIRTUAL) {
        vvirtual *v = NULL;
        CHECK(hli_to_virtual(th, pc->x.t, B.p, &v));
        A.p = v;
        NEXT();
    }

    /* ---- returns and exceptions ------------------------------------------------------------------ */
    CASE(XRET) {
        fr = FRAME();
        if (fr->ret_mode != HLI_RET_DIRECT)
            goto ret_convert;
        hli_reg v;
        v.i64 = 0;
        if (pc->a >= 0)
            v = A;
        int32_t rr = fr->ret_reg;
        /* Registers that end at reg_top lie in the current segment (the usual case): popping them is one
         * store. Others (a callee took a new segment since) walk back. */
        if (HLI_LIKELY(regs + code->nregs == th->reg_top))
            th->reg_top = regs;
        else
            hli_stack_release(th, regs);
        if (--th->nframes == base) {
            *result = v;
            return HLI_OK;
        }
        LOAD_FRAME();
        pc = fr->pc;
        if (rr >= 0)
            regs[rr] = v;
        NEXT();
    }
    ret_convert: {
        /* A frame pushed by a dynamic call: its result is cast to the type the caller expects. */
        hli_reg v;
        v.i64 = 0;
        if (pc->a >= 0)
            v = A;
        int32_t rr = fr->ret_reg;
        hli_type *conv = fr->ret_conv, *from = fr->fn->type->u.fun->ret;
        hli_stack_release(th, regs);
        th->nframes--;
        if (from->kind != HVOID) {
            /* Convert while the caller's frame is on top, so an exception unwinds from there. */
            if (th->nframes > base) {
                LOAD_FRAME();
                pc = fr->pc;
            }
            hli_root_push(th, &v.p); /* the value left the callee's registers: keep it alive */
            st = hli_dyn_cast(th, &v, from, conv, &tmp);
            hli_root_pop(th, 1);
            if (st != HLI_OK) {
                if (th->nframes == base)
                    return st;
                goto exception;
            }
            v = tmp;
        } else {
            v.i64 = 0;
        }
        if (th->nframes == base) {
            *result = v;
            return HLI_OK;
        }
        LOAD_FRAME();
        pc = fr->pc;
        if (rr >= 0)
            regs[rr] = v;
        NEXT();
    }
    CASE(XTHROW) THROW(hli_throw(th, A.p));
    CASE(XRETHROW) {
        th->rethrow = true;
        THROW(hli_throw(th, A.p));
    }
    CASE(XNULLCHECK) {
        if (A.p != NULL)
            NEXT();
        if (pc->x.p != NULL)
            THROW(hli_throw_error(th, "Null access .%s", (const char *)pc->x.p));
        NULL_ACCESS();
    }
    CASE(XTRAP) {
        if (th->ntraps == th->max_traps) {
            uint32_t ncap = th->max_traps * 2;
            hli_trap *nt = hli_mem_array(&th->vm->mem, ncap, sizeof(hli_trap));
            if (nt == NULL)
                THROW(hli_throw_oom(th, ncap * sizeof(hli_trap)));
            memcpy(nt, th->traps, th->ntraps * sizeof(hli_trap));
            hli_mem_free(&th->vm->mem, th->traps, th->max_traps * sizeof(hli_trap));
            th->traps = nt;
            th->max_traps = ncap;
        }
        hli_trap *t = &th->traps[th->ntraps++];
        t->frame = th->nframes - 1;
        t->handler = ops + pc->d;
        t->exc_reg = pc->a;
        NEXT();
    }
    CASE(XENDTRAP) {
        if (th->ntraps > 0 && th->traps[th->ntraps - 1].frame == th->nframes - 1)
            th->ntraps--;
        NEXT();
    }

    /* ---- raw memory, arrays, references ------------------------------------------------------------ */
    CASE(XLOAD_1) CASE(XLOAD_2) CASE(XLOAD_4) CASE(XLOAD_8) {
        if (B.p == NULL)
            NULL_ACCESS();
        load_w(&A, (uint8_t *)B.p + C.i, 1 << (pc->op - XLOAD_1));
        NEXT();
    }
    CASE(XSTORE_1) CASE(XSTORE_2) CASE(XSTORE_4) CASE(XSTORE_8) {
        if (A.p == NULL)
            NULL_ACCESS();
        store_w((uint8_t *)A.p + B.i, &C, 1 << (pc->op - XSTORE_1));
        NEXT();
    }
    CASE(XAGET_1) CASE(XAGET_2) CASE(XAGET_4) CASE(XAGET_8) {
        varray *arr = B.p;
        if (arr == NULL)
            NULL_ACCESS();
        if ((uint32_t)C.i >= (uint32_t)arr->size)
            THROW(hli_throw_error(th, "Array index %d out of bounds (size %d)", C.i, arr->size));
        int w = 1 << (pc->op - XAGET_1);
        load_w(&A, (uint8_t *)(arr + 1) + (size_t)C.i * (size_t)w, w);
        NEXT();
    }
    CASE(XASET_1) CASE(XASET_2) CASE(XASET_4) CASE(XASET_8) {
        varray *arr = A.p;
        if (arr == NULL)
            NULL_ACCESS();
        if ((uint32_t)B.i >= (uint32_t)arr->size)
            THROW(hli_throw_error(th, "Array index %d out of bounds (size %d)", B.i, arr->size));
        int w = 1 << (pc->op - XASET_1);
        store_w((uint8_t *)(arr + 1) + (size_t)B.i * (size_t)w, &C, w);
        NEXT();
    }
    CASE(XNEW) {
        SAVE();
        void *v;
        switch (pc->x.t->kind) {
        case HOBJ:
        case HSTRUCT: v = hli_alloc_obj(th, pc->x.t); break;
        case HVIRTUAL: v = hli_alloc_virtual(th, pc->x.t); break;
        case HDYNOBJ: v = hli_alloc_dynobj(th); break;
        default: THROW(hli_throw_error(th, "ONew of an unsupported type"));
        }
        if (v == NULL)
            THROW(HLI_EXC);
        A.p = v;
        NEXT();
    }
    CASE(XARRAYSIZE) {
        if (B.p == NULL)
            NULL_ACCESS();
        SET_I(A, ((varray *)B.p)->size);
        NEXT();
    }
    CASE(XTYPE) A.p = pc->x.t; NEXT();
    CASE(XGETTYPE) A.p = B.p != NULL ? (void *)((vdynamic *)B.p)->t : (void *)HLI_T(void); NEXT();
    CASE(XGETTID) {
        if (B.p == NULL)
            NULL_ACCESS();
        SET_I(A, (int32_t)((hli_type *)B.p)->kind);
        NEXT();
    }
    CASE(XREF) A.p = &B; NEXT();
    CASE(XUNREF_1) CASE(XUNREF_2) CASE(XUNREF_4) CASE(XUNREF_8) {
        if (B.p == NULL)
            NULL_ACCESS();
        load_w(&A, B.p, 1 << (pc->op - XUNREF_1));
        NEXT();
    }
    CASE(XSETREF_1) CASE(XSETREF_2) CASE(XSETREF_4) CASE(XSETREF_8) {
        if (A.p == NULL)
            NULL_ACCESS();
        store_w(A.p, &B, 1 << (pc->op - XSETREF_1));
        NEXT();
    }

    /* ---- enums ------------------------------------------------------------------------------------ */
    CASE(XMAKEENUM) {
        SAVE();
        venum *e = hli_alloc_enum(th, pc->x.t, pc->d);
        if (e == NULL)
            THROW(HLI_EXC);
        const hli_enum_construct *c = &pc->x.t->u.tenum->constructs[pc->d];
        for (int32_t i = 0; i < pc->b; i++)
            store_w((uint8_t *)e + c->offsets[i], &regs[code->args[pc->c + i]], (int)hli_type_size(c->params[i]));
        A.p = e;
        NEXT();
    }
    CASE(XENUMALLOC) {
        SAVE();
        venum *e = hli_alloc_enum(th, pc->x.t, pc->d);
        if (e == NULL)
            THROW(HLI_EXC);
        A.p = e;
        NEXT();
    }
    CASE(XENUMINDEX) {
        if (B.p == NULL)
            NULL_ACCESS();
        SET_I(A, ((venum *)B.p)->index);
        NEXT();
    }
    CASE(XENUMFIELD) {
        if (B.p == NULL)
            NULL_ACCESS();
        load_w(&A, (uint8_t *)B.p + pc->c, pc->d);
        NEXT();
    }
    CASE(XSETENUMFIELD) {
        if (A.p == NULL)
            NULL_ACCESS();
        store_w((uint8_t *)A.p + pc->b, &C, pc->d);
        NEXT();
    }
    CASE(XASSERT) THROW(hli_throw_error(th, "assert"));
    CASE(XREFDATA) {
        if (B.p == NULL)
            NULL_ACCESS();
        A.p = (varray *)B.p + 1;
        NEXT();
    }
    CASE(XREFOFFSET) A.p = (uint8_t *)B.p + (int64_t)C.i * pc->x.i; NEXT();

    /* ---- superinstructions (decode.c, fuse_pairs) ------------------------------------------------ */
    CASE(XSHLK) {
        SET_I(regs[pc->c], pc->x.i);
        SET_I(A, (int32_t)((uint32_t)B.i << pc->x.i));
        pc += 2;
        DISPATCH();
    }
    CASE(XSHLK_LOAD4) CASE(XSHLK_LOAD8) {
        int32_t off = (int32_t)((uint32_t)C.i << pc->x.i);
        SET_I(regs[pc->d], off);
        if (B.p == NULL) {
            pc += 2; /* the read is the op that fails */
            NULL_ACCESS();
        }
        load_w(&A, (uint8_t *)B.p + off, pc->op == XSHLK_LOAD4 ? 4 : 8);
        pc += 3;
        DISPATCH();
    }
    CASE(XSHLK_STORE4) CASE(XSHLK_STORE8) {
        int32_t off = (int32_t)((uint32_t)regs[pc->d].i << pc->x.i);
        SET_I(B, off);
        if (A.p == NULL) {
            pc += 2;
            NULL_ACCESS();
        }
        store_w((uint8_t *)A.p + off, &C, pc->op == XSHLK_STORE4 ? 4 : 8);
        pc += 3;
        DISPATCH();
    }
#define FIELD_FOP(expr)                                   \
    {                                                     \
        if (C.p == NULL)                                  \
            NULL_ACCESS();                                \
        double f_;                                        \
        memcpy(&f_, (uint8_t *)C.p + pc->d, 8);           \
        regs[pc->x.i].d = f_;                             \
        A.d = (expr);                                     \
        pc += 2;                                          \
        DISPATCH();                                       \
    }
    CASE(XFADD_D) FIELD_FOP(B.d + f_)
    CASE(XFSUB_D) FIELD_FOP(B.d - f_)
    CASE(XFMUL_D) FIELD_FOP(B.d * f_)
    CASE(XFDIV_D) FIELD_FOP(B.d / f_)
    CASE(XFRSUB_D) FIELD_FOP(f_ - B.d)
    CASE(XFRDIV_D) FIELD_FOP(f_ / B.d)
#undef FIELD_FOP
    CASE(XFIELD4_JULT) {
        if (B.p == NULL)
            NULL_ACCESS();
        load_w(&A, (uint8_t *)B.p + pc->c, 4);
        if ((uint32_t)regs[pc->x.i].i < (uint32_t)A.i)
            JUMP(pc->d);
        pc += 2;
        DISPATCH();
    }

#ifndef HLI_COMPUTED_GOTO
    default: THROW(hli_throw_error(th, "invalid internal opcode %d", pc->op));
    }
#endif

exception:
    /* st is HLI_EXC (catchable) or HLI_ABORT. Resume at the innermost trap of this run, if any. */
    if (st == HLI_EXC && th->ntraps > 0 && th->traps[th->ntraps - 1].frame >= base) {
        hli_trap t = th->traps[--th->ntraps];
        while (th->nframes - 1 > t.frame) {
            hli_stack_release(th, FRAME()->regs);
            th->nframes--;
        }
        LOAD_FRAME();
        regs[t.exc_reg].p = th->exc_value;
        pc = t.handler;
        /* A poll point too: a handler may lie before its trap, so throwing can loop without a jump. */
        if (hli_poll_charge(th, 1) && (st = poll_point(th, pc)) != HLI_OK)
            goto exception;
        DISPATCH();
    }
    while (th->ntraps > 0 && th->traps[th->ntraps - 1].frame >= base)
        th->ntraps--;
    while (th->nframes > base) {
        hli_stack_release(th, FRAME()->regs);
        th->nframes--;
    }
    return st;
}
