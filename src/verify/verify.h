/* The bytecode verifier (hl-spec.md section 3): proves every function of a loaded module fit for the
 * interpreter. docs/internals/verifier.md lists each guarantee and the rule that establishes it. */
#ifndef HLI_VERIFY_VERIFY_H
#define HLI_VERIFY_VERIFY_H

#include "load/module.h"

/* Checks every function, type use and table reference of m. On failure returns
 * HLFFI_ERROR_VERIFICATION_FAILED (or HLFFI_ERROR_OUT_OF_MEMORY) and sets err to
 * "<function>@<pc> <OpName>: <reason text> [<REASON_ID>]". Temporary memory comes from mem and is
 * freed before returning; it stays within budget bytes (0 = unlimited). */
HLI_INTERNAL hlffi_error_code hli_verify_module(const hli_module *m, hli_mem *mem, size_t budget,
                                                hli_error *err);

/* What one verification cost (for tests, benchmarks and the memory report). */
typedef struct hli_verify_stats {
    size_t temp_bytes;   /* temporary memory it needed (decode buffers and per-op state) */
    uint64_t fuel_limit; /* work units it was allowed (verify_internal.h) */
    uint64_t fuel_used;  /* work units it spent */
    uint32_t functions;  /* functions verified */
    uint64_t ops;        /* ops verified */
} hli_verify_stats;

/* hli_verify_module that also fills *stats (when not NULL), even on failure. */
HLI_INTERNAL hlffi_error_code hli_verify_module_stats(const hli_module *m, hli_mem *mem, size_t budget,
                                                      hli_error *err, hli_verify_stats *stats);

/* For the interpreter's decoder: is OCallClosure op o of verified function f a direct call (an HFUN
 * register called with arguments and a destination that fit its signature)? When false on an HFUN
 * register, the verifier accepted it as a dynamic call (docs/internals/verifier.md, CALL_CLOSURE_DYN):
 * arguments are converted to the closure's actual parameter types and the result to the destination's
 * type, as hl_dyn_call does. */
HLI_INTERNAL bool hli_verify_closure_call_direct(const hli_module *m, const hli_function *f, const hli_op *o);

#endif
