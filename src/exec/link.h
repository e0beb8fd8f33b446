/* Linking a verified module into a runnable program (hl-spec.md section 6): the function table with
 * natives resolved and signature-checked, globals, naming for stack traces, runtime layouts, decoded
 * code, then (at the first run) the constants. */
#ifndef HLI_EXEC_LINK_H
#define HLI_EXEC_LINK_H

#include "exec/vm.h"

/* Builds vm->prog from vm->module. Fails with HLFFI_ERROR_MODULE_LOAD_FAILED (a native signature
 * mismatch, or in strict mode natives nobody provides) or HLFFI_ERROR_OUT_OF_MEMORY. */
HLI_INTERNAL hlffi_error_code hli_link(hlffi_vm *vm);
HLI_INTERNAL void hli_unlink(hlffi_vm *vm);
/* The shared closure of function findex with no bound value (OStaticClosure), made on first use in
 * program memory (not GC). NULL on exhaustion. */
HLI_INTERNAL vclosure *hli_program_static_closure(hlffi_vm *vm, hli_program *p, uint32_t findex);
/* Names the natives of the module that nobody provides into buf ("lib@name, ..."); returns how many. */
HLI_INTERNAL uint32_t hli_missing_natives(const hlffi_vm *vm, char *buf, size_t size);

#endif
