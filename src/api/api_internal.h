/* Helpers shared by the src/api files: the VM's thread, handle checks, call failures, class members by
 * name and UTF-16 -> UTF-8 for char* results. Internal to src/api. */
#ifndef HLI_API_INTERNAL_H
#define HLI_API_INTERNAL_H

#include "api/handles.h"
#include "exec/exec.h"

/* The VM's main thread, or NULL with HLFFI_ERROR_NOT_INITIALIZED set when no module is loaded. */
HLI_INTERNAL hli_thread *hli_api_thread(hlffi_vm *vm);
/* Turns a failed call (HLI_EXC or HLI_ABORT) into the VM's error: an exception is recorded as
 * hli_report_exception does (EXCEPTION_THROWN); Sys.exit gives CALL_FAILED, an interrupt INTERRUPTED. */
HLI_INTERNAL hlffi_error_code hli_api_call_failed(hlffi_vm *vm, hli_status st);

/* The VM of a handle given alone (functions taking no VM argument; h from hli_handle_of), to check the
 * handle against with hli_api_check_handle: a freed or stale handle still names its VM (its slot, or the
 * stale stand-in, belongs to the VM's table), so the error is recorded there. NULL for a NULL handle,
 * which names no VM. */
static inline hlffi_vm *hli_api_handle_vm(const hli_handle *h) {
    return h != NULL ? h->vm : NULL;
}
/* Whether h (from hli_handle_of) is a live handle of vm; false with INVALID_ARGUMENT set ("<what>: NULL
 * / a freed / a stale (freed; its slot now holds another value) / another VM's handle") otherwise. */
HLI_INTERNAL bool hli_api_check_handle(hlffi_vm *vm, const hli_handle *h, const char *what);
/* What is wrong with handle h (from hli_handle_of) that is not a live handle of the VM at hand, for
 * messages: "NULL handle", "a freed handle", "a stale handle (freed; its slot now holds another value)"
 * or "another VM's handle". */
static inline const char *hli_api_handle_fault(const hli_handle *h) {
    return h == NULL         ? "NULL handle"
           : h->stale        ? "a stale handle (freed; its slot now holds another value)"
           : h->t == NULL    ? "a freed handle"
                             : "another VM's handle";
}

/* A class's field by name, walking the supers (inherited fields included): its absolute index and
 * declared type. False when there is none. */
HLI_INTERNAL bool hli_api_find_field(hlffi_vm *vm, hli_type *cls, const char *name, uint32_t *fid, hli_type **ft);
/* A class's method by name, walking the supers: its proto (findex, virtual slot), or NULL. */
HLI_INTERNAL const hli_proto *hli_api_find_proto(hlffi_vm *vm, hli_type *cls, const char *name);
/* The function a method call on object o (an instance of class cls or of a subclass) runs: the override
 * of o's class for virtual methods. NULL when cls has no method of that name. */
HLI_INTERNAL hli_fn *hli_api_find_method(hlffi_vm *vm, hli_type *cls, const vdynamic *o, const char *name);

/* UTF-16 s[0..len) as malloc'ed, NUL-terminated UTF-8 (the public char* convention: the caller free()s;
 * embedded NULs kept, lone surrogates U+FFFD), its byte length in *out_len (may be NULL). NULL when
 * out of memory (nothing recorded). */
HLI_INTERNAL char *hli_api_utf16_to_utf8(const hli_uchar *s, int32_t len, size_t *out_len);

/* haxe.Int64 on HashLink (Haxe 4.2) is not the native i64 but an object of class haxe._Int64.___Int64
 * with Int fields high and low (src/api/api_values_more.c). Whether t is that class (byte offsets of
 * the two fields in *high, *low); and a new one holding v in *out (false: not that class, or out of
 * memory with the error recorded). */
HLI_INTERNAL bool hli_api_haxe_int64_layout(hlffi_vm *vm, const hli_type *t, uint32_t *high, uint32_t *low);
HLI_INTERNAL bool hli_api_haxe_int64_new(hlffi_vm *vm, hli_thread *th, hli_type *t, int64_t v, hli_reg *out);

#endif
