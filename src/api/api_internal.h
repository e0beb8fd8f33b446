/* Helpers shared by the src/api files that run Haxe code (runtime builds only). */
#ifndef HLI_API_INTERNAL_H
#define HLI_API_INTERNAL_H

#include "api/handles.h"
#include "exec/exec.h"

/* The VM's main thread, or NULL with HLFFI_ERROR_NOT_INITIALIZED set when no module is loaded. */
HLI_INTERNAL hli_thread *hli_api_thread(hlffi_vm *vm);
/* Turns a failed call (HLI_EXC or HLI_ABORT) into the VM's error: an exception is recorded as
 * hli_report_exception does (EXCEPTION_THROWN); Sys.exit gives CALL_FAILED, an interrupt INTERRUPTED. */
HLI_INTERNAL hlffi_error_code hli_api_call_failed(hlffi_vm *vm, hli_status st);
/* The statics type (`pkg.$Cls`) of the class with full dotted name class_name, through the VM's class
 * index (built on first use, src/api/api_static.c); NULL with TYPE_NOT_FOUND or OUT_OF_MEMORY set. */
HLI_INTERNAL hli_type *hli_api_find_class(hlffi_vm *vm, const char *class_name);

#endif
