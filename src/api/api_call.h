/* The one path from handles to a Haxe call, shared by static calls, method calls, constructors and
 * cached calls (src/api): argument conversion with a fast path for values already of the declared
 * type, the call itself, and the result handle. Internal to src/api. */
#ifndef HLI_API_CALL_H
#define HLI_API_CALL_H

#include "api/handles.h"
#include "api/api_internal.h"
#include "exec/exec.h"
#include "exec/host_call.h"
#include "rt/rt.h"

/* Converts handle h (public: converted here) to type `to` into *out by Haxe's dynamic-cast rules: the one
 * conversion of every handle the API stores or passes (call arguments, fields, elements, keys, enum
 * parameters). False with INVALID_ARGUMENT set when h is NULL, freed, stale or another VM's, or when the
 * value does not convert; the message names "<what> argument <index>", or "<what>" alone for index
 * HLI_API_NO_INDEX. May allocate
 * (boxing): *out must be rooted by the caller when it holds a pointer. hli_api_arg copies a value
 * already of that type (the same type, or the same numeric kind) inline and leaves the rest to
 * hli_api_arg_slow. */
#define HLI_API_NO_INDEX UINT32_MAX
HLI_INTERNAL bool hli_api_arg_slow(hlffi_vm *vm, hli_thread *th, hlffi_value *h, hli_type *to, hli_reg *out,
                                   const char *what, uint32_t index);
static inline bool hli_api_arg(hlffi_vm *vm, hli_thread *th, hlffi_value *h, hli_type *to, hli_reg *out,
                               const char *what, uint32_t index) {
    /* Numbers and Bool: the kind is the whole type, and a handle stores them widened to a slot. */
    const hli_handle *s = hli_handle_of(h);
    if (s != NULL && s->t != NULL && s->vm == vm && (s->t == to || (s->t->kind == to->kind && to->kind <= HBOOL))) {
        *out = s->v;
        return true;
    }
    return hli_api_arg_slow(vm, th, h, to, out, what, index);
}

/* The result handle of a call that returned *ret from a function returning type `rt`. */
static inline hlffi_value *hli_api_result(hlffi_vm *vm, hli_type *rt, const hli_reg *ret) {
    return rt->kind == HVOID ? hli_handle_new(vm, HLI_T(dyn), NULL) : hli_handle_new(vm, rt, ret);
}

/* hli_api_invoke's general path (api_call.c): natives, and arguments that need converting, which are
 * converted straight into the callee's registers (so a box made for one argument stays rooted while the
 * next converts). */
HLI_INTERNAL hlffi_value *hli_api_invoke_slow(hlffi_vm *vm, hli_thread *th, hli_fn *fn, bool has_self, void *self,
                                              uint32_t n, hlffi_value **argv, const char *what);

#define HLI_API_FAST_ARGS 8

/* Calls function handle fn: argument 0 is `self` when has_self (a method's object, kept reachable by
 * the caller), then the n handles of argv converted to fn's declared types (the caller has checked the
 * count). The result as a new handle (a handle holding null for Void), or NULL with the error set:
 * INVALID_ARGUMENT for an argument (see hli_api_arg), EXCEPTION_THROWN with the exception recorded,
 * CALL_FAILED, INTERRUPTED, OUT_OF_MEMORY. `what` names the call in messages. Inline: when every handle
 * already holds its parameter's type, the values are gathered (still rooted by their handles: nothing
 * allocates before they are in the frame) and the call is one hli_call_host. */
static HLI_ALWAYS_INLINE hlffi_value *hli_api_invoke(hlffi_vm *vm, hli_thread *th, hli_fn *fn, bool has_self, void *self,
                                          uint32_t n, hlffi_value **argv, const char *what) {
    if (fn->kind == HLI_FN_BYTECODE && n <= HLI_API_FAST_ARGS) {
        hli_type **types = fn->type->u.fun->args; /* NULL without arguments: no pointer arithmetic then */
        if (has_self)
            types++;
        hli_reg vals[HLI_API_FAST_ARGS];
        uint32_t i = 0;
        for (; i < n; i++) {
            const hli_handle *h = hli_handle_of(argv[i]);
            hli_type *to = types[i];
            if (h == NULL || h->t == NULL || h->vm != vm || (h->t != to && (h->t->kind != to->kind || to->kind > HBOOL)))
                break;
            vals[i] = h->v;
        }
        if (i == n) {
            hli_reg ret;
            th->exc_value = NULL;
            hli_status st = hli_call_host(th, fn, has_self ? self : NULL, vals, n, &ret);
            if (st != HLI_OK) {
                hli_api_call_failed(vm, st);
                return NULL;
            }
            return hli_api_result(vm, fn->type->u.fun->ret, &ret);
        }
    }
    return hli_api_invoke_slow(vm, th, fn, has_self, self, n, argv, what);
}

#endif
