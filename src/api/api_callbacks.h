/* C functions as Haxe functions (hlffi-api.md "Callbacks (Haxe calling C)", "Beyond hlffi v3": function
 * values, typed host natives, throwing from C). Internal to src/api; docs/internals/natives.md
 * "Host functions" describes the design.
 *
 * A C function becomes a Haxe function value as a *host closure*: a GC block that starts like any bound
 * closure (vclosure, hasValue 1) and is bound to itself, followed by what to call. Its function handle
 * is a per-VM native (one per signature, api_functions.c) whose argument 0 is therefore the block
 * itself. Nothing else in the VM can make a closure bound to itself, so the trampoline can trust a
 * block that passes that test. Its lifetime is the GC's: no table entry per function value. */
#ifndef HLI_API_CALLBACKS_H
#define HLI_API_CALLBACKS_H

#include "api/handles.h"
#include "exec/exec.h"

#define HLI_HOST_MAX_ARGS 255 /* arguments of a callback or host native (natives take 256 slots) */

typedef enum hli_host_kind {
    HLI_HOST_V3,   /* hlffi_register_callback(_typed): hlffi_native_func, no userdata */
    HLI_HOST_FUNC, /* hlffi_function_new: hlffi_function_func with userdata */
} hli_host_kind;

typedef struct hli_host_closure {
    vclosure cl;          /* t: the signature's bound type; fun: its native; value: this block */
    uint8_t kind;         /* hli_host_kind */
    uint8_t dead;         /* its named callback was unregistered: calling it throws */
    hlffi_native_func v3;
    hlffi_function_func func;
    void *userdata;
    char name[];          /* HLI_HOST_V3: the callback's name (for messages) */
} hli_host_closure;

/* A function type made at run time for host closures: (dyn, args...) -> ret and its bound form. */
typedef struct hli_host_sig {
    struct hli_host_sig *next;
    hli_type full, bound;
    hli_type_fun full_fun, bound_fun;
    hli_type **full_args; /* nargs + 1; bound_fun.args points past the first */
    uint32_t nargs;
    hli_fn fn;            /* the native every host closure of this signature calls */
} hli_host_sig;

struct hli_named_cb;
struct hli_host_native;

/* Per-VM state (vm->callbacks), freed by hli_callbacks_free in hlffi_destroy. */
typedef struct hli_api_callbacks {
    hli_host_sig *sigs;
    struct hli_named_cb *named;       /* v3 callbacks by name (api_callbacks.c) */
    struct hli_host_native *natives;  /* host natives (api_natives.c) */
    uint32_t nnatives, natives_cap;
    uint32_t depth;                   /* host functions running now (nested ones included) */
    hlffi_value *pending_throw;       /* what the innermost one asked to throw (hlffi_throw) */
} hli_api_callbacks;

/* vm->callbacks, made on first use; NULL with OUT_OF_MEMORY set. */
HLI_INTERNAL hli_api_callbacks *hli_callbacks_get(hlffi_vm *vm);
/* Frees the state (after hli_teardown: host closures may refer to the signature types until the heap
 * is gone). Handles it holds are not freed here: hli_handles_destroy frees every handle. */
HLI_INTERNAL void hli_callbacks_free(hlffi_vm *vm);

/* The signature type for nargs arguments of the given types returning ret (types: builtins or the
 * module's String), made on first request; NULL with OUT_OF_MEMORY set. */
HLI_INTERNAL hli_host_sig *hli_host_sig_get(hlffi_vm *vm, uint32_t nargs, hli_type *const *args, hli_type *ret);
/* A new host closure of signature sig (GC; may collect). name: NULL or the callback's name. NULL with
 * the VM error set on failure. */
HLI_INTERNAL hli_host_closure *hli_host_closure_new(hlffi_vm *vm, hli_host_sig *sig, hli_host_kind kind,
                                                    const char *name);

/* Brackets the call of a host function. hli_host_enter counts it as a C entry (HLI_MAX_C_DEPTH: past
 * it, throws "Stack overflow" and returns HLI_EXC) and saves the outer pending throw into *outer, to hand
 * back to hli_host_leave, which throws what the host function asked with hlffi_throw (HLI_EXC), if
 * anything, else returns HLI_OK. */
HLI_INTERNAL hli_status hli_host_enter(hli_thread *th, hlffi_value **outer);
HLI_INTERNAL hli_status hli_host_leave(hli_thread *th, hlffi_value *outer);

/* The handle a host function returned, converted to type `to` into *out and released (unless it is one
 * of the argument handles, which the caller frees): NULL gives null/0; a handle of another VM, a freed
 * or stale one or one that does not convert throws a Haxe exception. */
HLI_INTERNAL hli_status hli_host_take_result(hli_thread *th, hlffi_value *h, hli_type *to, hli_reg *out,
                                             hlffi_value *const *args, uint32_t nargs);

/* Releases a returned handle unless it is one of the argument handles (the exception path). */
HLI_INTERNAL void hli_host_drop_result(hlffi_value *h, hlffi_value *const *args, uint32_t nargs);

/* The linker's hook for host natives (vm->host_natives, api_natives.c). */
HLI_INTERNAL int hli_host_natives_link(hlffi_vm *vm, hli_fn *fn, const char *lib, const char *name);
/* Frees the host-native registry (part of hli_callbacks_free). */
HLI_INTERNAL void hli_host_natives_free(hlffi_vm *vm, hli_api_callbacks *cb);
/* Frees the named-callback registry (part of hli_callbacks_free). */
HLI_INTERNAL void hli_named_callbacks_free(hlffi_vm *vm, hli_api_callbacks *cb);

#endif
