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

#endif
