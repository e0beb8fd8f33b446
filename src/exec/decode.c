/* Link-time decoding of bytecode into the interpreter's internal form (exec/code.h): every op is
 * specialised by its operand types and gets its operands resolved (field offsets from the runtime
 * layouts, function handles, absolute jump targets, field hashes), so the interpreter loop does no
 * type dispatch and no table look-ups on its fast paths. Relies on the verifier's guarantees
 * (docs/internals/verifier.md): operand indexes and types are already known to be valid. */
#include <string.h>

#include "exec/code.h"
#include "exec/link.h"
#include "rt/rt.h"
#include "verify/verify.h"

const char *hli_xop_name(hli_xop op) {
    static const char *const names[] = {
#define HLI_XOP_NAME(name) #name,
        HLI_XOPS(HLI_XOP_NAME)
#undef HLI_XOP_NAME
    };
    return (unsigned)op < HLI_XOP_COUNT ? names[op] : "X?";
}

typedef struct decoder {
    hlffi_vm *vm;
    hli_program *p;
    const hli_module *m;
    const hli_function *f;
    hli_code *code;
    const hli_op *ops;     /* the module ops of f */
    uint32_t nargs_used;   /* entries of code->args filled */
    hli_error *err;
    bool failed;
} decoder;

static void fail(decoder *D, uint32_t pc, const char *what) {
    if (D->failed)
        return;
    D->failed = true;
    hli_error_raise(D->err, HLFFI_ERROR_MODULE_LOAD_FAILED, "fun@%u@%u %s: %s", (unsigned)D->f->findex,
                    (unsigned)pc, hli_opcode_name(D->ops[pc].op), what);
}

static hli_type *rt(decoder *D, int32_t r) { return D->f->regs[r]; }

/* Appends n values to the code's argument area; returns their offset. */
static int32_t put_args(decoder *D, const int32_t *vals, uint32_t n) {
    int32_t at = (int32_t)D->nargs_used;
    memcpy(D->code->args + at, vals, n * sizeof(int32_t));
    D->nargs_used += n;
    return at;
}

/* The argument registers of a call op, in order (hl-spec.md 1.10 operand layouts). */
static uint32_t call_args(const hli_op *o, int32_t *out) {
    switch (o->op) {
    case OCall0: return 0;
    case OCall1: out[0] = o->p3; return 1;
    case OCall2: out[0] = o->p3, out[1] = o->extra[0]; return 2;
    case OCall3: out[0] = o->p3, out[1] = o->extra[0], out[2] = o->extra[1]; return 3;
    case OCall4: out[0] = o->p3, out[1] = o->extra[0], out[2] = o->extra[1], out[3] = o->extra[2]; return 4;
    default:
        for (int32_t i = 0; i < o->p3; i++)
            out[i] = o->extra[i];
        return (uint32_t)o->p3;
    }
}

static int width_op(uint32_t size, int op1) {
    switch (size) {
    case 1: return op1;
    case 2: return op1 + 1;
    case 4: return op1 + 2;
    case 8: return op1 + 3;
    default: return -1;
    }
}

/* The UTF-8 field name that ONullCheck's message names (hl-spec.md 3.3), or NULL. */
static const char *null_check_name(decoder *D, uint32_t pc) {
    int32_t reg = D->ops[pc].p1;
    for (uint32_t i = pc + 1; i < D->f->nops; i++) {
        const hli_op *o = &D->ops[i];
        if (o->op >= OInt && o->op <= ODecr)
            continue;
        if ((o->op == OField && o->p2 == reg) || (o->op == OSetField && o->p1 == reg)) {
            hli_type *t = rt(D, reg);
            uint32_t fid = (uint32_t)(o->op == OField ? o->p3 : o->p2);
            if (t->kind == HOBJ || t->kind == HSTRUCT) {
                const hli_field *fd = hli_obj_field(t, fid);
                return fd ? hli_module_string(D->m, fd->name, NULL) : NULL;
            }
            if (t->kind == HVIRTUAL && fid < t->u.virt->nfields)
                return hli_module_string(D->m, t->u.virt->fields[fid].name, NULL);
            return NULL;
        }
        if (o->op >= OCall1 && o->op <= OCallN) {
            int32_t first = o->op == OCallN ? (o->p3 > 0 ? o->extra[0] : -1) : o->p3;
            if (first != reg)
                return NULL;
            hli_fn *fn = &D->p->fns[o->p2];
            return fn->owner_field != UINT32_MAX ? hli_module_string(D->m, fn->owner_field, NULL) : NULL;
        }
        return NULL;
    }
    return NULL;
}

static bool is_cmp_hook_obj(hli_type *t) {
    return (t->kind == HOBJ || t->kind == HSTRUCT) && t->u.obj->rt != NULL && t->u.obj->rt->compare != NULL;
}

/* Compare-and-jump ops: the specialised forms where both operands are plain numbers or identities,
 * XJCMP for everything with HashLink's special rules (dynamic, closures, null boxes, virtuals,
 * types, objects with __compare, small ints, f32). */
static void decode_jump_cmp(decoder *D, const hli_op *o, hli_iop *x, int32_t target) {
    hli_type *ta = rt(D, o->p1), *tb = rt(D, o->p2);
    x->a = o->p1, x->b = o->p2, x->d = target, x->c = (int32_t)o->op;
    hli_kind k = ta->kind;
    int rel = (int)o->op - OJSLt; /* 0 SLt 1 SGte 2 SGt 3 SLte 4 ULt 5 UGte 6 NotLt 7 NotGte 8 Eq 9 NotEq */
    x->op = XJCMP;
    if (k != tb->kind)
        return;
    if (k == HI32) {
        static const int ops[] = {XJSLT_I, XJSGTE_I, XJSGT_I, XJSLTE_I, XJULT_I, XJUGTE_I,
                                  XJSGTE_I, XJSLT_I, XJEQ_I, XJNEQ_I};
        x->op = ops[rel];
    } else if (k == HI64) {
        static const int ops[] = {XJSLT_L, XJSGTE_L, XJSGT_L, XJSLTE_L, -1, -1, XJSGTE_L, XJSLT_L, XJEQ_L, XJNEQ_L};
        if (ops[rel] >= 0)
            x->op = ops[rel];
    } else if (k == HF64) {
        static const int ops[] = {XJSLT_D, XJSGTE_D, XJSGT_D, XJSLTE_D, -1, -1, XJNOTLT_D, XJNOTGTE_D, XJEQ_D, XJNEQ_D};
        if (ops[rel] >= 0)
            x->op = ops[rel];
    } else if ((o->op == OJEq || o->op == OJNotEq) && hli_kind_is_ptr(k) && k != HDYN && k != HFUN &&
               k != HTYPE && k != HNULL && k != HVIRTUAL && !is_cmp_hook_obj(ta)) {
        x->op = o->op == OJEq ? XJEQ_P : XJNEQ_P;
    }
}

static void decode_arith(decoder *D, const hli_op *o, hli_iop *x, uint32_t pc) {
    hli_type *t = rt(D, o->p1);
    int rel = (int)o->op - OAdd; /* Add Sub Mul SDiv UDiv SMod UMod Shl SShr UShr And Or Xor */
    x->a = o->p1, x->b = o->p2, x->c = o->p3;
    switch (t->kind) {
    case HI32: x->op = XADD_I + rel; return;
    case HI64: x->op = XADD_L + rel; return;
    case HF64:
    case HF32: {
        static const int fops[] = {0, 1, 2, 3, 3, 4, 4, -1, -1, -1, -1, -1, -1};
        if (fops[rel] < 0) {
            fail(D, pc, "bitwise operation on floats");
            return;
        }
        x->op = (t->kind == HF64 ? XADD_D : XADD_F) + fops[rel];
        return;
    }
    case HUI8:
    case HUI16:
        x->op = XARITH_SMALL, x->d = (int32_t)o->op, x->x.i = t->kind == HUI8 ? 1 : 2;
        return;
    default: fail(D, pc, "arithmetic on a non-numeric register"); return;
    }
}

/* Numeric conversions (OToSFloat, OToUFloat, OToInt): the common ones get their own op. */
static void decode_conv(decoder *D, const hli_op *o, hli_iop *x) {
    hli_kind from = rt(D, o->p2)->kind, to = rt(D, o->p1)->kind;
    x->a = o->p1, x->b = o->p2;
    if (o->op != OToUFloat && from == HI32 && to == HF64)
        x->op = XI2D;
    else if (from == HF64 && to == HI32)
        x->op = XD2I;
    else if (from == to && o->op != OToUFloat)
        x->op = XMOV;
    else
        x->op = XCONV, x->c = (int32_t)from | (o->op == OToUFloat ? 0x100 : 0), x->d = (int32_t)to;
}

static void decode_op(decoder *D, uint32_t pc, hli_iop *x) {
    const hli_op *o = &D->ops[pc];
    const hli_module *m = D->m;
    hli_program *p = D->p;
    int32_t next = (int32_t)pc + 1;
    int32_t args[256 + 1];
    memset(x, 0, sizeof *x);
    switch (o->op) {
    case OMov: x->op = XMOV, x->a = o->p1, x->b = o->p2; break;
    case OUnsafeCast: {
        /* A reinterpreting move. Where the destination's kind is accessed by layout (objects, enums,
         * virtuals, arrays, closures) and the source type does not already guarantee it, the value's
         * runtime type is checked, so that a wrong value (genhl does emit such casts, e.g. a Dynamic
         * Int read from an array into a String register) throws instead of corrupting memory. */
        hli_type *to = rt(D, o->p1), *from = rt(D, o->p2);
        bool layout = to->kind == HOBJ || to->kind == HENUM || to->kind == HVIRTUAL || to->kind == HARRAY ||
                      to->kind == HFUN || to->kind == HDYNOBJ;
        x->op = layout && !hli_type_safe_cast(from, to) ? XCHECKCAST : XMOV, x->a = o->p1, x->b = o->p2;
        x->x.t = to;
        break;
    }
    case OInt:
    case OFloat:
    case OBool:
    case OBytes:
    case OString:
    case ONull: {
        hli_type *t = rt(D, o->p1);
        x->op = XCONST, x->a = o->p1;
        hli_reg v;
        v.i64 = 0;
        switch (o->op) {
        case OInt:
            if (t->kind == HI64)
                v.i64 = m->ints[o->p2]; /* sign-extended (genhl loads Int constants into i64 registers) */
            else if (t->kind == HF64)
                v.d = m->ints[o->p2];
            else
                v.i = m->ints[o->p2];
            if (t->kind == HUI8)
                v.i64 = (uint8_t)m->ints[o->p2];
            else if (t->kind == HUI16)
                v.i64 = (uint16_t)m->ints[o->p2];
            break;
        case OFloat: {
            /* HashLink's JIT loads a zero constant by clearing the register, so -0.0 loads as +0.0;
             * the compiler's float table merges 0.0 and -0.0, which makes this observable (the
             * oracle's JsonFormat and SerializerFormat: 1 / 0 is +inf even where the entry is -0.0). */
            double d = m->floats[o->p2] == 0 ? 0.0 : m->floats[o->p2];
            if (t->kind == HF32)
                v.f = (float)d;
            else
                v.d = d;
            break;
        }
        case OBool: v.b = o->p2 != 0; break;
        case OBytes:
            v.p = m->version >= 5 ? m->image + m->bytes_offset + m->bytes_pos[o->p2]
                                  : (void *)hli_module_string(m, (uint32_t)o->p2, NULL);
            break;
        case OString: v.p = (void *)hli_ustring(D->vm, (uint32_t)o->p2, NULL); break;
        default: break;
        }
        x->x.reg = v;
        break;
    }
    case OAdd: case OSub: case OMul: case OSDiv: case OUDiv: case OSMod: case OUMod:
    case OShl: case OSShr: case OUShr: case OAnd: case OOr: case OXor: decode_arith(D, o, x, pc); break;
    case ONeg: {
        hli_kind k = rt(D, o->p1)->kind;
        x->a = o->p1, x->b = o->p2;
        if (k == HI32) x->op = XNEG_I;
        else if (k == HI64) x->op = XNEG_L;
        else if (k == HF64) x->op = XNEG_D;
        else if (k == HF32) x->op = XNEG_F;
        else x->op = XARITH_SMALL, x->d = ONeg, x->x.i = k == HUI8 ? 1 : 2;
        break;
    }
    case ONot: x->op = XNOT, x->a = o->p1, x->b = o->p2; break;
    case OIncr:
    case ODecr: {
        hli_kind k = rt(D, o->p1)->kind;
        x->a = o->p1;
        if (k == HI32) x->op = o->op == OIncr ? XINCR_I : XDECR_I;
        else if (k == HI64) x->op = o->op == OIncr ? XINCR_L : XDECR_L;
        else if (k == HUI8 || k == HUI16)
            x->op = XARITH_SMALL, x->b = o->p1, x->c = -1, x->d = o->op == OIncr ? OAdd : OSub,
            x->x.i = k == HUI8 ? 1 : 2;
        else fail(D, pc, "increment of a non-integer register");
        break;
    }
    case OCall0: case OCall1: case OCall2: case OCall3: case OCall4: case OCallN: {
        uint32_t n = call_args(o, args);
        x->op = XCALL, x->a = o->p1, x->b = (int32_t)n, x->c = put_args(D, args, n), x->x.fn = &p->fns[o->p2];
        break;
    }
    case OCallMethod:
    case OCallThis: {
        uint32_t n = 0;
        if (o->op == OCallThis)
            args[n++] = 0;
        for (int32_t i = 0; i < o->p3; i++)
            args[n++] = o->extra[i];
        if (n == 0) {
            fail(D, pc, "method call without an object");
            break;
        }
        hli_kind k = rt(D, args[0])->kind;
        x->op = k == HVIRTUAL ? XCALL_VMETHOD : XCALL_METHOD;
        x->a = o->p1, x->b = (int32_t)n, x->c = put_args(D, args, n), x->d = o->p2;
        if (k == HVIRTUAL) {
            hli_type *vt = rt(D, args[0]);
            x->x.i = hli_hash_utf8(D->vm, hli_module_string(m, vt->u.virt->fields[o->p2].name, NULL));
        }
        break;
    }
    case OCallClosure: {
        uint32_t n = (uint32_t)o->p3;
        for (uint32_t i = 0; i < n; i++)
            args[i] = o->extra[i];
        bool direct = rt(D, o->p2)->kind == HFUN && hli_verify_closure_call_direct(m, D->f, o);
        x->op = direct ? XCALL_CLOSURE : XCALL_DYN;
        x->a = o->p1, x->b = (int32_t)n, x->c = put_args(D, args, n), x->d = o->p2, x->x.t = rt(D, o->p1);
        break;
    }
    case OStaticClosure: {
        vclosure *c = hli_program_static_closure(D->vm, p, (uint32_t)o->p2);
        if (c == NULL) {
            fail(D, pc, "out of memory");
            break;
        }
        x->op = XSTATIC_CLOSURE, x->a = o->p1, x->x.p = c;
        break;
    }
    case OInstanceClosure: x->op = XINSTANCE_CLOSURE, x->a = o->p1, x->b = o->p3, x->x.fn = &p->fns[o->p2]; break;
    case OVirtualClosure: {
        const hli_proto *pr = hli_obj_proto_by_slot(rt(D, o->p2), o->p3);
        if (pr == NULL) {
            fail(D, pc, "no method in that virtual slot");
            break;
        }
        x->op = XVIRTUAL_CLOSURE, x->a = o->p1, x->b = o->p2, x->c = o->p3;
        x->x.t = hli_module_findex_type(m, pr->findex);
        break;
    }
    case OGetGlobal: x->op = XGETGLOBAL, x->a = o->p1, x->x.p = p->globals + p->globals_offset[o->p2]; break;
    case OSetGlobal: x->op = XSETGLOBAL, x->b = o->p2, x->x.p = p->globals + p->globals_offset[o->p1]; break;
    case OField:
    case OGetThis:
    case OSetField:
    case OSetThis: {
        bool set = o->op == OSetField || o->op == OSetThis;
        int32_t obj = o->op == OField ? o->p2 : o->op == OSetField ? o->p1 : 0;
        int32_t fid = o->op == OField ? o->p3 : o->op == OSetField ? o->p2 : o->op == OGetThis ? o->p2 : o->p1;
        int32_t val = o->op == OField || o->op == OGetThis ? o->p1 : o->op == OSetField ? o->p3 : o->p2;
        hli_type *t = rt(D, obj);
        if (t->kind == HVIRTUAL) {
            x->op = set ? XSETFIELD_VIRT : XFIELD_VIRT;
            x->a = set ? obj : val, x->b = set ? fid : obj, x->c = set ? val : fid;
            x->d = hli_hash_utf8(D->vm, hli_module_string(m, t->u.virt->fields[fid].name, NULL));
            x->x.t = rt(D, val);
            break;
        }
        if ((uint32_t)fid >= t->u.obj->total_fields) {
            /* genhl stores into fields that DCE removed ($resources() on ResourceContent); the
             * verifier accepts it as a store to nowhere (docs/internals/verifier.md). */
            x->op = XNOP;
            break;
        }
        const hli_field *fd = hli_obj_field(t, (uint32_t)fid);
        uint32_t off = t->u.obj->rt->fields_indexes[fid];
        int op = width_op(hli_type_size(fd->type), set ? XSETFIELD_1 : XFIELD_1);
        if (op < 0) {
            x->op = XNOP; /* a void field: nothing to move */
            break;
        }
        x->op = op;
        if (set)
            x->a = obj, x->b = (int32_t)off, x->c = val;
        else
            x->a = val, x->b = obj, x->c = (int32_t)off;
        break;
    }
    case ODynGet:
        x->op = XDYNGET, x->a = o->p1, x->b = o->p2, x->x.t = rt(D, o->p1);
        x->d = hli_hash_name(D->vm, hli_ustring(D->vm, (uint32_t)o->p3, NULL));
        break;
    case ODynSet:
        x->op = XDYNSET, x->a = o->p1, x->c = o->p3, x->x.t = rt(D, o->p3);
        x->d = hli_hash_name(D->vm, hli_ustring(D->vm, (uint32_t)o->p2, NULL));
        break;
    case OJTrue: x->op = XJTRUE, x->a = o->p1, x->d = next + o->p2; break;
    case OJFalse: x->op = XJFALSE, x->a = o->p1, x->d = next + o->p2; break;
    case OJNull: x->op = XJNULL, x->a = o->p1, x->d = next + o->p2; break;
    case OJNotNull: x->op = XJNOTNULL, x->a = o->p1, x->d = next + o->p2; break;
    case OJSLt: case OJSGte: case OJSGt: case OJSLte: case OJULt: case OJUGte:
    case OJNotLt: case OJNotGte: case OJEq: case OJNotEq: decode_jump_cmp(D, o, x, next + o->p3); break;
    case OJAlways: x->op = XJALWAYS, x->d = next + o->p1; break;
    case OToDyn: x->op = XTODYN, x->a = o->p1, x->b = o->p2, x->x.t = rt(D, o->p2); break;
    case OToSFloat:
    case OToUFloat:
    case OToInt: decode_conv(D, o, x); break;
    case OSafeCast: x->op = XSAFECAST, x->a = o->p1, x->b = o->p2; break;
    case OToVirtual: x->op = XTOVIRTUAL, x->a = o->p1, x->b = o->p2, x->x.t = rt(D, o->p1); break;
    case OLabel:
    case ONop: x->op = XNOP; break;
    case ORet: x->op = XRET, x->a = rt(D, o->p1)->kind == HVOID ? -1 : o->p1; break;
    case OThrow: x->op = XTHROW, x->a = o->p1; break;
    case ORethrow: x->op = XRETHROW, x->a = o->p1; break;
    case OSwitch: {
        for (int32_t i = 0; i < o->p2; i++)
            args[i] = next + o->extra[i];
        x->op = XSWITCH, x->a = o->p1, x->b = o->p2, x->c = put_args(D, args, (uint32_t)o->p2);
        break;
    }
    case ONullCheck: x->op = XNULLCHECK, x->a = o->p1, x->x.p = (void *)null_check_name(D, pc); break;
    case OTrap: x->op = XTRAP, x->a = o->p1, x->d = next + o->p2; break;
    case OEndTrap: x->op = XENDTRAP; break;
    case OGetI8:
    case OGetI16:
    case OGetMem: {
        uint32_t size = o->op == OGetI8 ? 1 : o->op == OGetI16 ? 2 : hli_type_size(rt(D, o->p1));
        x->op = width_op(size, XLOAD_1), x->a = o->p1, x->b = o->p2, x->c = o->p3;
        if (x->op < 0)
            fail(D, pc, "memory read of an unsupported width");
        break;
    }
    case OSetI8:
    case OSetI16:
    case OSetMem: {
        uint32_t size = o->op == OSetI8 ? 1 : o->op == OSetI16 ? 2 : hli_type_size(rt(D, o->p3));
        x->op = width_op(size, XSTORE_1), x->a = o->p1, x->b = o->p2, x->c = o->p3;
        if (x->op < 0)
            fail(D, pc, "memory write of an unsupported width");
        break;
    }
    case OGetArray:
    case OSetArray: {
        bool get = o->op == OGetArray;
        if (rt(D, get ? o->p2 : o->p1)->kind != HARRAY) {
            fail(D, pc, "array access on a non-array (hl.CArray is not supported)");
            break;
        }
        uint32_t size = hli_type_size(rt(D, get ? o->p1 : o->p3));
        x->op = width_op(size, get ? XAGET_1 : XASET_1), x->a = o->p1, x->b = o->p2, x->c = o->p3;
        if (x->op < 0)
            fail(D, pc, "array element of an unsupported width");
        break;
    }
    case ONew: x->op = XNEW, x->a = o->p1, x->x.t = rt(D, o->p1); break;
    case OArraySize: x->op = XARRAYSIZE, x->a = o->p1, x->b = o->p2; break;
    case OType: x->op = XTYPE, x->a = o->p1, x->x.t = &m->types[o->p2]; break;
    case OGetType: x->op = XGETTYPE, x->a = o->p1, x->b = o->p2; break;
    case OGetTID: x->op = XGETTID, x->a = o->p1, x->b = o->p2; break;
    case ORef:
        /* hl.Ref.make on a Null<T> variable: a fresh cell holding the value (the null<X> -> ref<X>
         * cast), never the register's address, whose slot holds a box pointer, not an X. */
        x->op = rt(D, o->p2)->kind == HNULL ? XSAFECAST : XREF, x->a = o->p1, x->b = o->p2;
        break;
    case OUnref:
        x->op = width_op(hli_type_size(rt(D, o->p1)), XUNREF_1), x->a = o->p1, x->b = o->p2;
        if (x->op < 0)
            x->op = XNOP;
        break;
    case OSetref:
        x->op = width_op(hli_type_size(rt(D, o->p2)), XSETREF_1), x->a = o->p1, x->b = o->p2;
        if (x->op < 0)
            x->op = XNOP;
        break;
    case OMakeEnum: {
        for (int32_t i = 0; i < o->p3; i++)
            args[i] = o->extra[i];
        x->op = XMAKEENUM, x->a = o->p1, x->b = o->p3, x->c = put_args(D, args, (uint32_t)o->p3), x->d = o->p2;
        x->x.t = rt(D, o->p1);
        break;
    }
    case OEnumAlloc: x->op = XENUMALLOC, x->a = o->p1, x->d = o->p2, x->x.t = rt(D, o->p1); break;
    case OEnumIndex: x->op = XENUMINDEX, x->a = o->p1, x->b = o->p2; break;
    case OEnumField: {
        const hli_enum_construct *c = &rt(D, o->p2)->u.tenum->constructs[o->p3];
        int32_t param = o->extra[0];
        x->op = XENUMFIELD, x->a = o->p1, x->b = o->p2, x->c = (int32_t)c->offsets[param];
        x->d = (int32_t)hli_type_size(c->params[param]);
        break;
    }
    case OSetEnumField: {
        const hli_enum_construct *c = &rt(D, o->p1)->u.tenum->constructs[0];
        x->op = XSETENUMFIELD, x->a = o->p1, x->b = (int32_t)c->offsets[o->p2], x->c = o->p3;
        x->d = (int32_t)hli_type_size(c->params[o->p2]);
        break;
    }
    case OAssert: x->op = XASSERT; break;
    case ORefData: x->op = XREFDATA, x->a = o->p1, x->b = o->p2; break;
    case ORefOffset:
        x->op = XREFOFFSET, x->a = o->p1, x->b = o->p2, x->c = o->p3;
        x->x.i = hli_type_size(rt(D, o->p1)->u.tparam);
        break;
    default: fail(D, pc, "opcode not supported by the interpreter"); break;
    }
}

/* ONullCheck r directly followed by a field access on r: the access checks r itself, so the check
 * becomes a no-op and the access carries the field name for HashLink's "Null access .x" message. */
static void fuse_null_checks(hli_code *code) {
    for (uint32_t pc = 0; pc + 1 < code->nops; pc++) {
        hli_iop *nc = &code->ops[pc], *f = &code->ops[pc + 1];
        if (nc->op != XNULLCHECK || nc->x.p == NULL)
            continue;
        bool get = f->op >= XFIELD_1 && f->op <= XFIELD_8 && f->b == nc->a;
        bool set = f->op >= XSETFIELD_1 && f->op <= XSETFIELD_8 && f->a == nc->a;
        if (!get && !set)
            continue;
        f->x.p = nc->x.p;
        nc->op = XNOP;
    }
}

/* Superinstructions for the patterns genhl emits in array code (hl-spec.md 3): the constant shift of
 * an index (`OInt k; OShl i k`) with the hl.Bytes read or write it feeds, and a field read followed by
 * an unsigned bound check on it. The fused op replaces only the first op; the others stay as they
 * were, so a jump landing on them runs them one by one. */
static void fuse_pairs(hli_code *code) {
    hli_iop *ops = code->ops;
    for (uint32_t pc = 0; pc + 1 < code->nops; pc++) {
        hli_iop *o = &ops[pc], *n1 = &ops[pc + 1];
        if (o->op == XCONST && n1->op == XSHL_I && n1->c == o->a && n1->b != o->a) {
            int32_t k = o->x.reg.i & 31, rk = o->a, rd = n1->a, rs = n1->b;
            const hli_iop *n2 = pc + 2 < code->nops ? &ops[pc + 2] : NULL;
            hli_iop f;
            memset(&f, 0, sizeof f);
            f.x.i = k;
            if (rd == rk && n2 != NULL && (n2->op == XLOAD_4 || n2->op == XLOAD_8) && n2->c == rd &&
                n2->b != rd) {
                f.op = n2->op == XLOAD_4 ? XSHLK_LOAD4 : XSHLK_LOAD8;
                f.a = n2->a, f.b = n2->b, f.c = rs, f.d = rd;
            } else if (rd == rk && n2 != NULL && (n2->op == XSTORE_4 || n2->op == XSTORE_8) && n2->b == rd &&
                       n2->a != rd && n2->c != rd) {
                f.op = n2->op == XSTORE_4 ? XSHLK_STORE4 : XSHLK_STORE8;
                f.a = n2->a, f.b = rd, f.c = n2->c, f.d = rs;
            } else {
                f.op = XSHLK;
                f.a = rd, f.b = rs, f.c = rk;
            }
            *o = f;
        } else if (o->op == XFIELD_8 && o->x.p == NULL && n1->op >= XADD_D && n1->op <= XDIV_D &&
                   (n1->b == o->a) != (n1->c == o->a) && o->b != o->a) {
            /* A f64 field read straight into a float operation. */
            bool right = n1->c == o->a;
            int32_t ld = o->a, obj = o->b, off = o->c, other = right ? n1->b : n1->c;
            int op = n1->op;
            if (!right && op == XSUB_D)
                op = XFRSUB_D;
            else if (!right && op == XDIV_D)
                op = XFRDIV_D;
            else
                op = XFADD_D + (op - XADD_D);
            o->op = op;
            o->a = n1->a, o->b = other, o->c = obj, o->d = off;
            o->x.i = ld;
        } else if (o->op == XFIELD_4 && o->x.p == NULL && n1->op == XJULT_I && n1->b == o->a && n1->a != o->a &&
                   o->b != o->a) {
            int32_t index = n1->a, target = n1->d;
            o->op = XFIELD4_JULT;
            o->d = target;
            o->x.i = index;
        }
    }
}

/* Jumps land past no-op instructions (labels, fused null checks) instead of dispatching them. */
static int32_t skip_nops(const hli_code *code, int32_t t) {
    while ((uint32_t)t < code->nops && code->ops[t].op == XNOP)
        t++;
    return (uint32_t)t < code->nops ? t : t - 1;
}

static void skip_nops_at_targets(hli_code *code) {
    for (uint32_t pc = 0; pc < code->nops; pc++) {
        hli_iop *o = &code->ops[pc];
        if ((o->op >= XJTRUE && o->op <= XJCMP) || o->op == XTRAP)
            o->d = skip_nops(code, o->d);
        else if (o->op == XSWITCH)
            for (int32_t i = 0; i < o->b; i++)
                code->args[o->c + i] = skip_nops(code, code->args[o->c + i]);
    }
}

/* Bytes of the arguments area a function needs: call arguments, enum values and switch targets. */
static uint32_t args_needed(const hli_function *f, const hli_op *ops) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < f->nops; i++) {
        const hli_op *o = &ops[i];
        switch (o->op) {
        case OCall1: case OCall2: case OCall3: case OCall4: n += (uint32_t)(o->op - OCall0); break;
        case OCallN: case OCallClosure: case OMakeEnum: n += (uint32_t)o->p3; break;
        case OCallMethod: case OCallThis: n += (uint32_t)o->p3 + 1; break;
        case OSwitch: n += (uint32_t)o->p2; break;
        default: break;
        }
    }
    return n;
}

static hlffi_error_code decode_function(decoder *D, hli_fn *fn, hli_op *ops, int32_t *extra) {
    const hli_function *f = fn->src;
    hli_function_decode(D->m, f, ops, extra);
    D->f = f;
    D->ops = ops;
    uint32_t nargs_area = args_needed(f, ops);
    size_t map_words = ((size_t)f->nregs + 63) / 64;
    size_t size = sizeof(hli_code) + (size_t)f->nops * sizeof(hli_iop) + map_words * 8 +
                  (size_t)nargs_area * sizeof(int32_t);
    uint8_t *block = hli_mem_alloc(&D->vm->mem, size);
    if (block == NULL)
        return hli_error_raise(D->err, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while decoding functions");
    hli_code *code = (hli_code *)block;
    code->alloc_size = size;
    code->nregs = f->nregs;
    code->nargs = f->type->u.fun->nargs;
    code->nops = f->nops;
    code->regs = f->regs;
    code->ops = (hli_iop *)(block + sizeof(hli_code));
    code->ptr_map = (uint64_t *)(block + sizeof(hli_code) + (size_t)f->nops * sizeof(hli_iop));
    code->args = (int32_t *)((uint8_t *)code->ptr_map + map_words * 8);
    for (uint32_t r = 0; r < f->nregs; r++)
        if (hli_kind_is_ptr(f->regs[r]->kind))
            code->ptr_map[r / 64] |= (uint64_t)1 << (r % 64);
    fn->code = code;
    D->code = code;
    D->nargs_used = 0;
    for (uint32_t pc = 0; pc < f->nops && !D->failed; pc++)
        decode_op(D, pc, &code->ops[pc]);
    if (D->failed)
        return D->err->code;
    fuse_null_checks(code);
    skip_nops_at_targets(code);
    fuse_pairs(code);
    const int32_t *handlers = hli_interp_handlers();
    for (uint32_t pc = 0; handlers != NULL && pc < f->nops; pc++)
        code->ops[pc].handler = handlers[code->ops[pc].op];
    return HLFFI_OK;
}

hlffi_error_code hli_decode_program(hlffi_vm *vm, hli_program *p, hli_error *err) {
    const hli_module *m = p->m;
    uint32_t max_ops, max_extra;
    hli_module_decode_sizes(m, &max_ops, &max_extra);
    hli_op *ops = hli_mem_array(&vm->mem, max_ops, sizeof(hli_op));
    int32_t *extra = hli_mem_array(&vm->mem, max_extra, sizeof(int32_t));
    hlffi_error_code rc = HLFFI_OK;
    if (ops == NULL || extra == NULL)
        rc = hli_error_raise(err, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while decoding functions");
    decoder D = {vm, p, m, NULL, NULL, NULL, 0, err, false};
    for (uint32_t i = 0; i < m->nfunctions && rc == HLFFI_OK; i++)
        rc = decode_function(&D, &p->fns[m->functions[i].findex], ops, extra);
    hli_mem_free(&vm->mem, ops, max_ops * sizeof(hli_op));
    hli_mem_free(&vm->mem, extra, max_extra * sizeof(int32_t));
    return rc;
}

void hli_free_code(hlffi_vm *vm, hli_program *p) {
    for (uint32_t i = 0; i < p->m->nfunctions + p->m->nnatives; i++) {
        hli_code *c = p->fns[i].code;
        if (c != NULL)
            hli_mem_free(&vm->mem, c, c->alloc_size);
        p->fns[i].code = NULL;
    }
}
