/* Control flow of one function: walks every path from op 0 with a worklist and gives each reached op
 * its exception-trap depth (OTrap pushes, OEndTrap pops, a handler runs at the depth before its
 * OTrap). Every op is reached at one depth only, OEndTrap never pops below zero, ORet runs with no
 * trap of the function pushed, and no path runs past the last op. Linear: each op enters the worklist
 * at most once; state is 2 bytes per op plus a 4-byte worklist entry; jumps, switches, traps and
 * returns are decoded again from their recorded offsets (other ops only need their flow class).
 * Unreached ops are not walked (their operands were still checked by verify_ops.c and
 * verify_calls.c). */
#include "verify/verify_internal.h"

/* Records that `target` is reached from c->pc at trap depth d; queues it the first time. */
static bool reach(hli_vctx *c, uint32_t target, uint32_t d, uint32_t *top) {
    if (target >= c->f->nops)
        return hli_vfail_op(c, HLI_VR_FALL_OFF, "execution continues past the last op (%u ops)",
                            (unsigned)c->f->nops);
    if (d > HLI_VERIFY_MAX_TRAP_DEPTH)
        return hli_vfail_op(c, HLI_VR_TRAP_TOO_DEEP, "exception traps nested deeper than %u",
                            (unsigned)HLI_VERIFY_MAX_TRAP_DEPTH);
    uint16_t want = (uint16_t)(d + 1);
    if (c->depth[target] == 0) {
        c->depth[target] = want;
        c->work[(*top)++] = target;
    } else if (c->depth[target] != want)
        return hli_vfail_op(c, HLI_VR_TRAP_DEPTH, "op %u is reached with %u trap(s) pushed here and %u elsewhere",
                            (unsigned)target, (unsigned)d, (unsigned)(c->depth[target] - 1));
    return true;
}

/* Jump target of an offset operand (already range-checked by verify_ops.c). */
static uint32_t target_of(uint32_t pc, int32_t off) {
    return (uint32_t)((int64_t)pc + 1 + off);
}

bool hli_verify_flow(hli_vctx *c) {
    uint32_t n = c->f->nops, top = 0;
    for (uint32_t i = 0; i < n; i++)
        c->depth[i] = 0;
    c->pc = 0;
    if (!reach(c, 0, 0, &top))
        return false;
    while (top > 0) {
        uint32_t pc = c->work[--top];
        uint32_t d = c->depth[pc] - 1u;
        uint32_t flow = c->offsets[pc] >> HLI_VFLOW_SHIFT;
        if (flow == HLI_VFLOW_END)
            continue;
        if (flow == HLI_VFLOW_NEXT) { /* most ops: no need to decode them again */
            c->pc = pc;
            c->cur_op = hli_vop_code(c->m, c->offsets[pc]);
            if (!reach(c, pc + 1, d, &top))
                return false;
            continue;
        }
        hli_vdecode(c->m, HLI_VFLOW_OFFSET(c->offsets[pc]), &c->vop);
        const hli_op *o = &c->vop.o;
        c->pc = pc;
        c->cur_op = o->op;
        bool ok = true;
        switch (o->op) {
        case ORet:
            if (d != 0)
                return hli_vfail_op(c, HLI_VR_TRAP_AT_RET, "returns with %u trap(s) of the function pushed",
                                    (unsigned)d);
            break;
        case OThrow:
        case ORethrow:
        case OAssert: /* throws "assert" */
            break;
        case OJAlways: ok = reach(c, target_of(pc, o->p1), d, &top); break;
        case OJTrue:
        case OJFalse:
        case OJNull:
        case OJNotNull:
            ok = reach(c, target_of(pc, o->p2), d, &top) && reach(c, pc + 1, d, &top);
            break;
        case OJSLt: case OJSGte: case OJSGt: case OJSLte: case OJULt: case OJUGte: case OJNotLt:
        case OJNotGte: case OJEq: case OJNotEq:
            ok = reach(c, target_of(pc, o->p3), d, &top) && reach(c, pc + 1, d, &top);
            break;
        case OSwitch: {
            uint32_t pos = c->vop.sw_pos;
            for (int32_t i = 0; ok && i < o->p2; i++)
                ok = reach(c, target_of(pc, hli_vswitch_next(c->m, &pos)), d, &top);
            ok = ok && reach(c, pc + 1, d, &top);
            break;
        }
        case OTrap: /* the handler runs after the trap is popped, at the depth before the OTrap */
            ok = reach(c, target_of(pc, o->p2), d, &top) && reach(c, pc + 1, d + 1, &top);
            break;
        case OEndTrap:
            if (d == 0)
                return hli_vfail_op(c, HLI_VR_TRAP_UNDERFLOW, "no exception trap of the function to pop");
            ok = reach(c, pc + 1, d - 1, &top);
            break;
        default: ok = reach(c, pc + 1, d, &top); break;
        }
        if (!ok)
            return false;
    }
    return true;
}
