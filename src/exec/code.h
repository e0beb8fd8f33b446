/* The interpreter's internal form of a function: HashLink ops decoded once at link time into
 * type-specialised instructions with resolved operands (field offsets, function handles, absolute
 * jump targets), plus the pointer map the collector scans frames with. */
#ifndef HLI_EXEC_CODE_H
#define HLI_EXEC_CODE_H

#include "exec/vm.h"

/* Internal opcodes. Operand letters: a b c d are int32 fields of hli_iop (registers unless said),
 * x is the 8-byte payload. Jump targets are absolute op indexes. */
#define HLI_XOPS(X)                                                                                    \
    X(XNOP)          /* OLabel, ONop */                                                                \
    X(XMOV)          /* a = b (whole slot) */                                                          \
    X(XCONST)        /* a = x.reg (prepared constant slot) */                                          \
    X(XADD_I) X(XSUB_I) X(XMUL_I) X(XSDIV_I) X(XUDIV_I) X(XSMOD_I) X(XUMOD_I)                           \
    X(XSHL_I) X(XSSHR_I) X(XUSHR_I) X(XAND_I) X(XOR_I) X(XXOR_I)       /* a = b op c, i32 */          \
    X(XADD_L) X(XSUB_L) X(XMUL_L) X(XSDIV_L) X(XUDIV_L) X(XSMOD_L) X(XUMOD_L)                           \
    X(XSHL_L) X(XSSHR_L) X(XUSHR_L) X(XAND_L) X(XOR_L) X(XXOR_L)       /* i64 */                      \
    X(XADD_D) X(XSUB_D) X(XMUL_D) X(XDIV_D) X(XMOD_D)                  /* f64 */                      \
    X(XADD_F) X(XSUB_F) X(XMUL_F) X(XDIV_F) X(XMOD_F)                  /* f32 */                      \
    X(XARITH_SMALL)  /* ui8/ui16 arithmetic: a = b op c, d = HL opcode, x.i = width (1 or 2) */         \
    X(XNEG_I) X(XNEG_L) X(XNEG_D) X(XNEG_F) X(XNOT)                    /* a = op b */                 \
    X(XINCR_I) X(XDECR_I) X(XINCR_L) X(XDECR_L)                        /* a op= 1 */                  \
    X(XCALL)         /* a = x.fn(args): b = nargs, c = args offset */                                  \
    X(XCALL_METHOD)  /* a = obj->t->vobj_proto[d](args): args[0] = obj */                              \
    X(XCALL_VMETHOD) /* a = virtual obj method d (args[0] = the virtual) */                            \
    X(XCALL_CLOSURE) /* a = closure in register d (args), direct */                                    \
    X(XCALL_DYN)     /* a = closure in register d called dynamically (converted args and result) */     \
    X(XSTATIC_CLOSURE)   /* a = x.p (a closure made at link time) */                                   \
    X(XINSTANCE_CLOSURE) /* a = closure of x.fn bound to register b */                                 \
    X(XVIRTUAL_CLOSURE)  /* a = closure of b's virtual slot c, bound to b; x.t = the function type */   \
    X(XGETGLOBAL)    /* a = *x.p */                                                                    \
    X(XSETGLOBAL)    /* *x.p = b */                                                                    \
    X(XFIELD_1) X(XFIELD_2) X(XFIELD_4) X(XFIELD_8)             /* a = *(b + c) */                    \
    X(XSETFIELD_1) X(XSETFIELD_2) X(XSETFIELD_4) X(XSETFIELD_8) /* *(a + b) = c */                    \
    X(XFIELD_VIRT)   /* a = field c of virtual b (hash d) */                                           \
    X(XSETFIELD_VIRT)/* field b of virtual a = c (hash d) */                                           \
    X(XDYNGET)       /* a = b.<hash d> */                                                              \
    X(XDYNSET)       /* a.<hash d> = c */                                                              \
    X(XJTRUE) X(XJFALSE) X(XJNULL) X(XJNOTNULL)                /* if a -> d */                        \
    X(XJALWAYS)      /* -> d */                                                                        \
    X(XJSLT_I) X(XJSGTE_I) X(XJSGT_I) X(XJSLTE_I) X(XJULT_I) X(XJUGTE_I) X(XJEQ_I) X(XJNEQ_I)          \
    X(XJSLT_L) X(XJSGTE_L) X(XJSGT_L) X(XJSLTE_L) X(XJEQ_L) X(XJNEQ_L)                                 \
    X(XJSLT_D) X(XJSGTE_D) X(XJSGT_D) X(XJSLTE_D) X(XJNOTLT_D) X(XJNOTGTE_D) X(XJEQ_D) X(XJNEQ_D)      \
    X(XJEQ_P) X(XJNEQ_P)                                       /* pointer identity */                 \
    X(XJCMP)         /* if compare(a, b) -> d: c = HL opcode; the other cases (3.3 "Jumps") */         \
    X(XSWITCH)       /* if (unsigned)a < b -> targets[c + a] */                                        \
    X(XTODYN)        /* a = box of b */                                                                \
    X(XI2D)          /* a = (f64)b.i */                                                                \
    X(XD2I)          /* a = x86 cvttsd2si(b.d) */                                                      \
    X(XCONV)         /* other numeric conversions: a = b converted from kind c to kind d */            \
    X(XSAFECAST)     /* a = dynamic cast of b to a's type */                                           \
    X(XCHECKCAST)    /* a = b after checking b's runtime type fits x.t (OUnsafeCast to a typed kind) */ \
    X(XTOVIRTUAL)    /* a = virtual view (type x.t) of b */                                            \
    X(XRET)          /* return a (-1: void) */                                                         \
    X(XTHROW) X(XRETHROW)                                                                              \
    X(XNULLCHECK)    /* if !a throw "Null access[ .x.p]" */                                            \
    X(XTRAP)         /* push handler -> d, exception in a */                                           \
    X(XENDTRAP)                                                                                        \
    X(XLOAD_1) X(XLOAD_2) X(XLOAD_4) X(XLOAD_8)         /* a = *(b + c.i) (bytes + byte offset) */     \
    X(XSTORE_1) X(XSTORE_2) X(XSTORE_4) X(XSTORE_8)     /* *(a + b.i) = c */                           \
    X(XAGET_1) X(XAGET_2) X(XAGET_4) X(XAGET_8)         /* a = elem c of varray b */                   \
    X(XASET_1) X(XASET_2) X(XASET_4) X(XASET_8)         /* elem b of varray a = c */                   \
    X(XNEW)          /* a = new x.t (obj/struct/virtual/dynobj) */                                     \
    X(XARRAYSIZE)    /* a = b->size */                                                                 \
    X(XTYPE)         /* a = x.t */                                                                     \
    X(XGETTYPE)      /* a = b ? b->t : void */                                                         \
    X(XGETTID)       /* a = b->kind */                                                                 \
    X(XREF)          /* a = &b */                                                                      \
    X(XUNREF_1) X(XUNREF_2) X(XUNREF_4) X(XUNREF_8)     /* a = *b */                                   \
    X(XSETREF_1) X(XSETREF_2) X(XSETREF_4) X(XSETREF_8) /* *a = b */                                   \
    X(XMAKEENUM)     /* a = construct d of x.t with args (b = n, c = args offset) */                   \
    X(XENUMALLOC)    /* a = zeroed construct d of x.t */                                               \
    X(XENUMINDEX)    /* a = b->index */                                                                \
    X(XENUMFIELD)    /* a = param at byte offset c of enum b (width d) */                              \
    X(XSETENUMFIELD) /* param at byte offset b of enum a = c (width d) */                              \
    X(XASSERT)                                                                                         \
    X(XREFDATA)      /* a = first element of varray b */                                               \
    X(XREFOFFSET)    /* a = b + c.i * x.i */                                                           \
    /* Superinstructions (decode.c, fuse_pairs): each does the work of the ops at pc, pc+1 (and pc+2)  \
     * exactly, then continues after them; those ops stay in place for jumps that land on them. */    \
    X(XSHLK)         /* XCONST c = x.i; a = b << x.i (i32) */                                          \
    X(XSHLK_LOAD4) X(XSHLK_LOAD8)   /* XCONST; d = c << x.i; a = *(b + d) */                           \
    X(XSHLK_STORE4) X(XSHLK_STORE8) /* XCONST; b = d << x.i; *(a + b) = c */                           \
    X(XFIELD4_JULT)  /* a = *(b + c) (i32 field); if (unsigned)x.i < a -> d */                        \
    X(XFADD_D) X(XFSUB_D) X(XFMUL_D) X(XFDIV_D) /* x.i = *(c + d) (f64 field); a = b op x.i */          \
    X(XFRSUB_D) X(XFRDIV_D)                     /* the same with the field on the left: a = x.i op b */

typedef enum hli_xop {
#define HLI_XOP_ENUM(name) name,
    HLI_XOPS(HLI_XOP_ENUM)
#undef HLI_XOP_ENUM
    HLI_XOP_COUNT
} hli_xop;

typedef struct hli_iop {
    int32_t op; /* hli_xop */
    int32_t a, b, c, d;
    int32_t handler; /* computed-goto builds: the op's handler as an offset from the first one */
    union {
        hli_reg reg;  /* XCONST */
        int64_t i;
        void *p;
        hli_type *t;
        hli_fn *fn;
    } x;
} hli_iop;

struct hli_code {
    uint32_t nregs, nargs, nops;
    hli_type **regs;         /* register types (the module's) */
    uint64_t *ptr_map;       /* bit r set: register r holds a GC-visible pointer */
    hli_iop *ops;
    int32_t *args;           /* call arguments and switch targets, referenced by ops */
    size_t alloc_size;       /* bytes of this code block (one allocation) */
};

/* Decodes every bytecode function of the program into its internal form (needs the runtime layouts
 * of hli_rt_link). Fails only on memory exhaustion or a construct the interpreter does not support. */
HLI_INTERNAL hlffi_error_code hli_decode_program(hlffi_vm *vm, hli_program *p, hli_error *err);
HLI_INTERNAL void hli_free_code(hlffi_vm *vm, hli_program *p);
HLI_INTERNAL const char *hli_xop_name(hli_xop op);
/* The interpreter's handler offsets by internal opcode (NULL with switch dispatch); decode stores
 * them in hli_iop.handler so that dispatch is one load and an indirect jump. */
HLI_INTERNAL const int32_t *hli_interp_handlers(void);

#endif
