/* Decoding one op at a time at a byte offset of the module image (the encoding of hl-spec.md 1.10,
 * which the loader checked, so no bounds checks are needed). The verifier keeps only each op's offset
 * (4 bytes per op) instead of a decoded array (24+ bytes per op): a compiler-generated initialiser of
 * a large array literal is hundreds of thousands of ops, and verification must stay within the load
 * memory budget. OSwitch's jump offsets are not copied (a switch may have any number): they are read
 * in place with hli_vswitch_next. Same decoding as src/load/decode.c's hli_function_decode. */
#include "verify/verify_internal.h"
#include "load/vi.h"


/* Operand encodings by opcode (from the opcode table), for the decoder's hot loop. */
static const signed char encodings[OLast] = {
#define HLI_VD_ENC(name, num, enc) [num] = (signed char)(enc),
    HLI_OPCODES(HLI_VD_ENC)
#undef HLI_VD_ENC
};

uint32_t hli_vdecode(const hli_module *m, uint32_t offset, hli_vop *v) {
    const uint8_t *base = m->image, *p = base + offset;
    hli_op *o = &v->o;
    o->op = (hli_opcode)*p++;
    o->p1 = o->p2 = o->p3 = 0;
    o->extra = NULL;
    v->sw_pos = 0;
    int enc = (unsigned)o->op < OLast ? encodings[o->op] : 3; /* the loader allows only < OLast */
    if (enc >= 0) {
        if (enc >= 1)
            o->p1 = hli_vi_decode(&p);
        if (enc >= 2)
            o->p2 = hli_vi_decode(&p);
        if (enc >= 3)
            o->p3 = hli_vi_decode(&p);
        for (int k = 3; k < enc; k++)
            v->ex[k - 3] = hli_vi_decode(&p);
        if (enc > 3)
            o->extra = v->ex;
    } else if (enc == HLI_ENC_VAR) {
        o->p1 = hli_vi_decode(&p);
        o->p2 = hli_vi_decode(&p);
        o->p3 = *p++;
        for (int32_t k = 0; k < o->p3; k++)
            v->ex[k] = hli_vi_decode(&p);
        o->extra = v->ex;
    } else { /* HLI_ENC_SWITCH: p1 register, p2 count, the offsets in place, p3 end */
        o->p1 = hli_vi_decode(&p);
        o->p2 = hli_vi_decode(&p);
        v->sw_pos = (uint32_t)(p - base);
        for (int32_t k = 0; k < o->p2; k++)
            (void)hli_vi_decode(&p);
        o->p3 = hli_vi_decode(&p);
    }
    return (uint32_t)(p - base);
}

int32_t hli_vswitch_next(const hli_module *m, uint32_t *pos) {
    const uint8_t *p = m->image + *pos;
    int32_t off = hli_vi_decode(&p);
    *pos = (uint32_t)(p - m->image);
    return off;
}
