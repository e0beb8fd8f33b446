/* What the verifier's files share: the verification context, the failure funnel that formats every
 * rejection, and fuel-bounded versions of the type relations (see verify_types.c). */
#ifndef HLI_VERIFY_INTERNAL_H
#define HLI_VERIFY_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "load/module.h"
#include "verify/reasons.h"

/* Work bound: every step of a type relation or a class-chain walk costs one unit of fuel; a module
 * gets HLI_VERIFY_FUEL_PER_BYTE units per byte of its file plus HLI_VERIFY_FUEL_BASE. Real programs
 * use a small fraction of it (docs/internals/verifier.md gives the measured figures); a module built
 * to make the relations exponential or quadratic runs out and is rejected with TOO_COMPLEX. */
#define HLI_VERIFY_FUEL_PER_BYTE 256
#define HLI_VERIFY_FUEL_BASE ((int64_t)1 << 24)

/* Deepest nesting of exception traps inside one function (the per-op state is 16 bits). */
#define HLI_VERIFY_MAX_TRAP_DEPTH 0xFFFE

/* Buffer size for one type name in a message (longer names are cut). */
#define HLI_VT_STR 96

/* One decoded op (verify_decode.c). */
typedef struct hli_vop {
    hli_op o;        /* opcode and operands; o.extra points into ex for the forms that have extra
                        operands, except OSwitch (see sw_pos) */
    uint32_t sw_pos; /* OSwitch: image offset of its first jump offset (read with hli_vswitch_next) */
    int32_t ex[256]; /* extra operands: at most 255 (a raw-byte count) */
} hli_vop;

/* Decodes the op at image offset `offset` into *v; returns the offset of the next op. */
HLI_INTERNAL uint32_t hli_vdecode(const hli_module *m, uint32_t offset, hli_vop *v);
/* The next jump offset of an OSwitch, reading at image offset *pos and advancing it. */
HLI_INTERNAL int32_t hli_vswitch_next(const hli_module *m, uint32_t *pos);

/* Each op's entry in hli_vctx.offsets: its image offset in the low 30 bits (the loader caps images at
 * 1 GiB) and, in the top 2 bits, what the flow pass needs to know without decoding it again. */
#define HLI_VFLOW_SHIFT 30
#define HLI_VFLOW_NEXT 0u   /* falls through to the next op */
#define HLI_VFLOW_END 1u    /* ends the path: OThrow, ORethrow, OAssert */
#define HLI_VFLOW_DECODE 2u /* jumps, OSwitch, OTrap, OEndTrap, ORet: decoded again by the flow pass */
#define HLI_VFLOW_OFFSET(e) ((e) & ((1u << HLI_VFLOW_SHIFT) - 1))
_Static_assert(HLI_MAX_IMAGE_SIZE <= ((size_t)1 << HLI_VFLOW_SHIFT), "op offsets must fit in 30 bits");

/* The opcode of the op whose offsets entry is e (its first byte). */
static inline hli_opcode hli_vop_code(const hli_module *m, uint32_t e) {
    return (hli_opcode)m->image[HLI_VFLOW_OFFSET(e)];
}

typedef struct hli_vctx {
    const hli_module *m;
    hli_error *err;
    int64_t fuel;           /* work units left (may go negative once: then out_of_fuel is set) */
    bool out_of_fuel;       /* a relation gave up: the module is rejected with TOO_COMPLEX */
    int64_t fuel_used_max;  /* statistics: the most fuel any one function used */
    /* the function being verified */
    const hli_function *f;
    uint32_t nargs;         /* of f's type */
    uint32_t *offsets;      /* per op: image offset and flow class (HLI_VFLOW_*), f->nops entries */
    uint16_t *depth;        /* per op: 0 = not reached yet, else trap depth + 1 (verify_flow.c) */
    uint32_t *work;         /* worklist of pcs, f->nops entries */
    uint32_t pc;            /* the op being checked, for messages */
    hli_opcode cur_op;      /* its opcode, for messages */
    hli_vop vop;            /* decode buffer for the current op */
} hli_vctx;

/* ---- The failure funnel (verify.c). Each returns false, so checks read `return vfail...`. ----- */

/* A rejection at op c->pc of c->f: "<function>@<pc> <OpName>: <text> [<ID>]". */
HLI_INTERNAL bool hli_vfail_op(hli_vctx *c, hli_verify_reason r, const char *fmt, ...) HLI_PRINTF(3, 4);
/* A rejection of c->f as a whole: "<function>: <text> [<ID>]". */
HLI_INTERNAL bool hli_vfail_fun(hli_vctx *c, hli_verify_reason r, const char *fmt, ...) HLI_PRINTF(3, 4);
/* A rejection of the module's type table: "<text> [<ID>]" (the text names the type). */
HLI_INTERNAL bool hli_vfail_module(hli_vctx *c, hli_verify_reason r, const char *fmt, ...) HLI_PRINTF(3, 4);

/* The readable name of a findex (docs/internals/verifier.md "Function names"), into buf. */
HLI_INTERNAL const char *hli_verify_function_name(const hli_module *m, uint32_t findex, char *buf, size_t size);
/* hl_type_str-style name of t into buf[HLI_VT_STR]. */
HLI_INTERNAL const char *hli_vt_str(const hli_vctx *c, const hli_type *t, char *buf);

/* ---- Type relations with fuel (verify_types.c): same results as module.h's helpers, except that
 *      they answer false once the fuel is gone (and set out_of_fuel), and that hli_vt_safe does not
 *      apply hl_safe_cast's rule for HPACKED (a packed value used as its struct): a packed field's
 *      "value" is its address, which only OField produces (verify_calls.c handles that case), so
 *      anywhere else a packed type only fits itself. ---------------------------------------------- */

HLI_INTERNAL bool hli_vt_same(hli_vctx *c, const hli_type *a, const hli_type *b);
HLI_INTERNAL bool hli_vt_safe(hli_vctx *c, const hli_type *t, const hli_type *to);
/* The field of absolute index fid of an HOBJ/HSTRUCT, or NULL. */
HLI_INTERNAL const hli_field *hli_vt_obj_field(hli_vctx *c, const hli_type *t, uint32_t fid);
/* The proto filling virtual slot `slot` for HOBJ t (the most derived one), or NULL. */
HLI_INTERNAL const hli_proto *hli_vt_proto(hli_vctx *c, const hli_type *t, int32_t slot);
/* Can a closure of function type ft whose first `skip` arguments are bound be stored in a register
 * (or field) of type dt? (hl_safe_cast of the derived function type; HDYN accepts any closure.) */
HLI_INTERNAL bool hli_vt_fun_fits(hli_vctx *c, const hli_type *ft, uint32_t skip, const hli_type *dt);

/* ---- Operand-rule helpers (verify_ops.c) ------------------------------------------------------- */

/* The type of register r of c->f, or NULL after a REG_INDEX rejection (role names it in messages). */
HLI_INTERNAL const hli_type *hli_vreg(hli_vctx *c, int32_t r, const char *role);
/* Declares `var` as the type of register `idx`, returning false from the caller when out of range. */
#define REG(var, idx, role)                          \
    const hli_type *var = hli_vreg(c, (idx), (role)); \
    if (var == NULL)                                 \
    return false
/* A kind rejection: "<role> r<n> is <type>, expected <what>". */
HLI_INTERNAL bool hli_vkind_fail(hli_vctx *c, hli_verify_reason why, const char *role, int32_t r,
                                 const hli_type *t, const char *what);
/* A type rejection: "<what>: <from> does not fit <to>". */
HLI_INTERNAL bool hli_vfit_fail(hli_vctx *c, hli_verify_reason why, const char *what, const hli_type *from,
                                const hli_type *to);
/* An index into a table of n entries, else a rejection for `why`. */
HLI_INTERNAL bool hli_vindex_ok(hli_vctx *c, hli_verify_reason why, const char *table, int32_t ix, uint32_t n);

/* ---- The passes ------------------------------------------------------------------------------ */

/* verify_module.c: class names, globals, protos, overrides and bindings of every class, the String
 * class's layout and the String constants. seen is a
 * zeroed bitmap of nstrings bits (one per string index) for the class-name check. */
HLI_INTERNAL bool hli_verify_classes(hli_vctx *c, uint8_t *seen);
/* verify_ops.c: the operand rules of op c->pc, decoded in *v. */
HLI_INTERNAL bool hli_verify_op(hli_vctx *c, const hli_vop *v);
/* verify_calls.c: the same for calls, closures, fields, globals and enums (called by hli_verify_op). */
HLI_INTERNAL bool hli_verify_op_object(hli_vctx *c, const hli_op *o);
/* verify_flow.c: trap depths along every path from op 0, no fall-off past the last op. Needs every
 * jump target already checked by hli_verify_op. */
HLI_INTERNAL bool hli_verify_flow(hli_vctx *c);

#endif
