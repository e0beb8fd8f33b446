/* Typed calls (hlffi-api.md "Beyond hlffi v3", "Typed calls"): a cached function called with
 * hlffi_slot values in and out, read and written by the function's declared types. Numbers and Bool
 * go straight into the callee's registers and come back unboxed, with no handle and no allocation;
 * the other kinds pass as handles (slot.value). The fastest way from C into Haxe. */
#include <string.h>

#include "api/api_cache.h"
#include "api/api_call.h"
#include "api/api_internal.h"
#include "rt/rt.h"

#define NATIVE_ARGS 16

_Static_assert(sizeof(hlffi_slot) == sizeof(hli_reg), "typed calls copy slots into registers as they are");

/* Writes slot s, holding a value of declared type `to`, into register r. False with the error set when
 * a handle does not convert (pointer kinds). */
static inline bool slot_in(hlffi_cached_call *c, hli_thread *th, const hlffi_slot *s, hli_type *to, hli_reg *r,
                           uint32_t index) {
    switch (to->kind) {
    case HUI8: r->i64 = (uint8_t)s->i32; return true;
    case HUI16: r->i64 = (uint16_t)s->i32; return true;
    case HI32: r->i = s->i32; return true;
    case HI64:
    case HGUID: r->i64 = s->i64; return true;
    case HF32: r->f = s->f32; return true;
    case HF64: r->d = s->f64; return true;
    case HBOOL: r->i64 = s->b ? 1 : 0; return true;
    default:
        if (s->value == NULL) { /* a NULL handle passes null */
            r->p = NULL;
            return true;
        }
        return hli_api_arg(c->vm, th, s->value, to, r, c->name, index);
    }
}

/* Writes register r, holding the result of declared type rt, into *out (a new handle for the pointer
 * kinds). False with OUT_OF_MEMORY set when the handle cannot be made. */
static inline bool slot_out(hlffi_vm *vm, hli_type *rt, const hli_reg *r, hlffi_slot *out) {
    out->i64 = 0;
    switch (rt->kind) {
    case HVOID: return true;
    case HUI8: out->i32 = r->ui8; return true;
    case HUI16: out->i32 = r->ui16; return true;
    case HI32: out->i32 = r->i; return true;
    case HI64:
    case HGUID: out->i64 = r->i64; return true;
    case HF32: out->f32 = r->f; return true;
    case HF64: out->f64 = r->d; return true;
    case HBOOL: out->b = r->b != 0; return true;
    default: return (out->value = hli_handle_new(vm, rt, r)) != NULL;
    }
}

/* Natives behind a static method: the arguments in a rooted local array, then the common entry. */
static hlffi_error_code call_native(hlffi_cached_call *c, hli_thread *th, hli_fn *fn, const hlffi_slot *args,
                                    hli_reg *ret) {
    hlffi_vm *vm = c->vm;
    const hli_type_fun *ft = fn->type->u.fun;
    if (ft->nargs > NATIVE_ARGS)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s: typed calls of natives take at most %d arguments",
                           c->name, NATIVE_ARGS);
    hli_reg regs[NATIVE_ARGS];
    memset(regs, 0, sizeof regs);
    hli_root_range_push(th, regs, sizeof regs);
    bool ok = true;
    for (uint32_t i = 0; i < ft->nargs && ok; i++)
        ok = slot_in(c, th, &args[i], ft->args[i], &regs[i], i);
    hli_status st = HLI_OK;
    if (ok) {
        th->exc_value = NULL;
        st = hli_call_fn(th, fn, regs, ft->nargs, ret);
    }
    hli_root_range_pop(th);
    if (!ok)
        return vm->error.code;
    return st == HLI_OK ? HLFFI_OK : hli_api_call_failed(vm, st);
}

/* The common part: fn called with `self` first (methods) and the slots. */
static HLI_NOINLINE hlffi_error_code call_typed(hlffi_cached_call *c, hli_thread *th, hli_fn *fn,
                                                vdynamic *self, const hlffi_slot *args, hlffi_slot *ret) {
    hlffi_vm *vm = c->vm;
    hli_reg r;
    r.i64 = 0;
    if (fn->kind != HLI_FN_BYTECODE) { /* a static method bound to a native (methods are bytecode) */
        hlffi_error_code rc = call_native(c, th, fn, args, &r);
        if (rc != HLFFI_OK)
            return rc;
    } else {
        hli_type **types = fn->type->u.fun->args;
        hli_reg *regs = hli_call_begin(th, fn);
        if (regs == NULL)
            return hli_api_call_failed(vm, HLI_EXC);
        uint32_t first = 0;
        if (self != NULL) {
            regs[0].p = self;
            first = 1;
        }
        for (uint32_t i = 0; i < c->nargs; i++)
            if (!slot_in(c, th, &args[i], types[first + i], &regs[first + i], i)) {
                hli_call_cancel(th);
                return vm->error.code;
            }
        th->exc_value = NULL;
        hli_status st = hli_call_run(th, &r);
        if (st != HLI_OK)
            return hli_api_call_failed(vm, st);
    }
    if (ret != NULL && !slot_out(vm, fn->type->u.fun->ret, &r, ret))
        return vm->error.code;
    return HLFFI_OK;
}

/* The fast path (a plain record calling bytecode, see api_cache.h): the slots are copied into the
 * callee's frame and its return writes the caller's result slot itself (a slot is laid out as a
 * register; a Void function returns 0), nothing else. Small, so that it needs few registers; the rest
 * is out of line. */
static inline hlffi_error_code call_plain(hlffi_cached_call *c, hli_thread *th, hli_fn *fn, vdynamic *self,
                                          const hlffi_slot *args, hlffi_slot *ret) {
    hli_reg unused;
    th->exc_value = NULL;
    hli_status st = hli_call_host(th, fn, self, args, c->nargs, ret != NULL ? (hli_reg *)(void *)ret : &unused);
    if (HLI_UNLIKELY(st != HLI_OK))
        return hli_api_call_failed(c->vm, st);
    return HLFFI_OK;
}

/* Why a typed call cannot start (NULL, freed or wrong-kind cache, no module, wrong argc): the error,
 * recorded on the cache's VM. Out of the fast path. */
static HLI_NOINLINE hlffi_error_code refuse(hlffi_cached_call *c, bool method, int argc, const hlffi_slot *args) {
    hli_thread *th;
    if (c == NULL)
        return HLFFI_ERROR_INVALID_ARGUMENT;
    if (hli_cache_check(c, method, &th) == NULL)
        return c->vm->error.code;
    hli_cache_bad_argc(c, argc, args == NULL);
    return c->vm->error.code;
}

HLFFI_API hlffi_error_code hlffi_call_typed(hlffi_cached_call *cached, const hlffi_slot *args, int argc,
                                           hlffi_slot *ret) {
    hli_thread *th;
    if (HLI_UNLIKELY(!HLI_CACHE_OK(cached, false, argc, args, th)))
        return refuse(cached, false, argc, args);
    hli_fn *fn = cached->fn;
    if (HLI_LIKELY(cached->plain && fn->kind == HLI_FN_BYTECODE))
        return call_plain(cached, th, fn, NULL, args, ret);
    return call_typed(cached, th, fn, NULL, args, ret);
}

HLFFI_API hlffi_error_code hlffi_call_typed_method(hlffi_cached_call *cached, hlffi_value *instance,
                                                  const hlffi_slot *args, int argc, hlffi_slot *ret) {
    hli_thread *th;
    if (HLI_UNLIKELY(!HLI_CACHE_OK(cached, true, argc, args, th)))
        return refuse(cached, true, argc, args);
    vdynamic *o = hli_cache_object(cached, instance);
    hli_fn *fn = o != NULL ? hli_cache_method_fn(cached, o) : NULL;
    if (fn == NULL)
        return cached->vm->error.code;
    if (cached->plain && fn->kind == HLI_FN_BYTECODE)
        return call_plain(cached, th, fn, o, args, ret);
    return call_typed(cached, th, fn, o, args, ret);
}
