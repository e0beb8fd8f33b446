/* The interpreter's slow paths (src/exec/interp_ops.c): operations too rare or too involved to sit in
 * the dispatch loop. Each returns a status; HLI_EXC means an exception is pending in the thread. */
#ifndef HLI_EXEC_INTERP_OPS_H
#define HLI_EXEC_INTERP_OPS_H

#include "exec/code.h"
#include "exec/exec.h"

/* XJCMP: the comparisons of hl-spec.md 3.3 with HashLink's special rules; *taken receives the
 * branch decision. */
HLI_INTERNAL hli_status hli_op_compare(hli_thread *th, const hli_iop *op, hli_reg *regs, const hli_code *code,
                                       bool *taken);
/* XCONV: numeric conversions between any two numeric kinds (bit 0x100 of op->c: unsigned source). */
HLI_INTERNAL void hli_op_convert(const hli_iop *op, hli_reg *regs);
/* XARITH_SMALL: ui8/ui16 arithmetic done in 32 bits and truncated. */
HLI_INTERNAL void hli_op_arith_small(const hli_iop *op, hli_reg *regs);
/* Calls closure c with n arguments given as values of the given static types, converting them to the
 * target's argument types (hl_dyn_call rules, 5.4) and the result to ret_type: pushes a frame for a
 * bytecode target (returning with HLI_RET_CONVERT into ret_reg of the current frame) or completes a
 * native call at once (storing into *native_ret). *pushed tells which happened. */
HLI_INTERNAL hli_status hli_op_call_converted(hli_thread *th, vclosure *c, const hli_reg *const *vals,
                                              hli_type *const *types, uint32_t n, int32_t ret_reg,
                                              hli_type *ret_type, hli_reg *native_ret, bool *pushed);
/* hli_op_call_converted with the n arguments of the running frame's call op: the registers named by
 * code->args[first .. first + n), in their declared types. Out of the interpreter so that the argument
 * arrays are not part of its frame (every C entry into the interpreter pays for that frame's size). */
HLI_INTERNAL hli_status hli_op_call_regs_converted(hli_thread *th, vclosure *c, hli_reg *regs, const hli_code *code,
                                                   uint32_t first, uint32_t n, int32_t ret_reg, hli_type *ret_type,
                                                   hli_reg *native_ret, bool *pushed);
/* Resolves what OCallMethod on a virtual without a direct method calls (hl_dyn_call_obj): a closure
 * of the underlying object's method or closure field named by hash. */
HLI_INTERNAL hli_status hli_op_virtual_method(hli_thread *th, vvirtual *v, int32_t hash, vclosure **out);
/* XCHECKCAST: does value v (non-null) have a runtime type that an unsafe cast to `to` may assume? */
HLI_INTERNAL bool hli_op_value_fits(const vdynamic *v, const hli_type *to);

#endif
