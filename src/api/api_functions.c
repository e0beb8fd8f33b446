/* Host closures (see api_callbacks.h): their signature types and trampoline, function values made from
 * C (hlffi_function_new) and called from C (hlffi_function_call), and throwing from C (hlffi_throw). */
#include <stdio.h>
#include <string.h>

#include "api/api_callbacks.h"
#include "api/api_internal.h"
#include "rt/rt.h"

#define ARGS_ON_STACK 16

hli_api_callbacks *hli_callbacks_get(hlffi_vm *vm) {
    if (vm->callbacks == NULL && (vm->callbacks = hli_mem_alloc(&vm->mem, sizeof(hli_api_callbacks))) == NULL)
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory for the callback registry");
    return vm->callbacks;
}

void hli_callbacks_free(hlffi_vm *vm) {
    hli_api_callbacks *cb = vm->callbacks;
    if (cb == NULL)
        return;
    hli_named_callbacks_free(vm, cb);
    hli_host_natives_free(vm, cb);
    for (hli_host_sig *s = cb->sigs, *next; s != NULL; s = next) {
        next = s->next;
        hli_mem_free(&vm->mem, s->full_args, (s->nargs + 1) * sizeof(hli_type *));
        hli_mem_free(&vm->mem, s, sizeof *s);
    }
    hli_mem_free(&vm->mem, cb, sizeof *cb);
    vm->callbacks = NULL;
}

/* ---- calling a host closure ------------------------------------------------------------------------ */

/* The signature whose bound type is t, or NULL: how the trampoline recognises its own closures. */
static hli_host_sig *sig_of_bound_type(const hli_api_callbacks *cb, const hli_type *t) {
    for (hli_host_sig *s = cb != NULL ? cb->sigs : NULL; s != NULL; s = s->next)
        if (&s->bound == t)
            return s;
    return NULL;
}

hli_status hli_host_enter(hli_thread *th, hlffi_value **outer) {
    hli_api_callbacks *cb = th->vm->callbacks;
    if (hli_c_entry_full(th))
        return hli_throw_error(th, "Stack overflow");
    th->c_depth++;
    cb->depth++;
    *outer = cb->pending_throw;
    cb->pending_throw = NULL;
    return HLI_OK;
}

hli_status hli_host_leave(hli_thread *th, hlffi_value *outer) {
    hli_api_callbacks *cb = th->vm->callbacks;
    hlffi_value *p = cb->pending_throw;
    cb->pending_throw = outer;
    cb->depth--;
    th->c_depth--;
    if (p == NULL)
        return HLI_OK;
    vdynamic *d = NULL;
    const hli_handle *ph = hli_handle_of(p);
    hli_status st = hli_make_dyn(th, &ph->v, ph->t, &d); /* p keeps the value alive while boxing */
    hli_handle_free(p);
    return st != HLI_OK ? st : hli_throw(th, d);
}

static bool is_arg(const hlffi_value *h, hlffi_value *const *args, uint32_t nargs) {
    for (uint32_t i = 0; i < nargs; i++)
        if (args[i] == h)
            return true;
    return false;
}

void hli_host_drop_result(hlffi_value *h, hlffi_value *const *args, uint32_t nargs) {
    if (h != NULL && !is_arg(h, args, nargs))
        hli_handle_free(h);
}

hli_status hli_host_take_result(hli_thread *th, hlffi_value *result, hli_type *to, hli_reg *out,
                                hlffi_value *const *args, uint32_t nargs) {
    const hli_handle *h = hli_handle_of(result);
    out->i64 = 0;
    if (h == NULL)
        return HLI_OK;
    if (h->t == NULL)
        return hli_throw_error(th, "The host function returned %s",
                               h->stale ? "a stale value handle (freed; its slot now holds another value)"
                                        : "a freed value handle");
    if (h->vm != th->vm)
        return hli_throw_error(th, "The host function returned a value handle of another VM");
    hli_status st = to->kind == HVOID ? HLI_OK : hli_dyn_cast(th, &h->v, h->t, to, out);
    hli_host_drop_result(result, args, nargs);
    return st;
}

/* The native behind every host closure: args[0] is the closure (bound to itself), then its arguments
 * in the signature's types. Each becomes a handle for the C function, freed when it returns. */
static hli_status host_closure_call(hli_thread *th, hli_reg *args, hli_reg *ret) {
    hlffi_vm *vm = th->vm;
    const vclosure *c = args[0].p;
    /* Haxe code can rebind this native to another value (hl.Api.makeClosure, Reflect.callMethod on
     * noClosure): only a closure of one of our signature types bound to itself is a host closure. */
    hli_host_sig *sig = c != NULL ? sig_of_bound_type(vm->callbacks, c->t) : NULL;
    if (sig == NULL || c->hasValue != 1 || c->value != c)
        return hli_throw_error(th, "Invalid call of a host function");
    const hli_host_closure *hc = (const hli_host_closure *)c;
    if (hc->dead)
        return hli_throw_error(th, "The callback %s was unregistered", hc->name);
    uint32_t n = sig->nargs;
    hlffi_value *stack_h[ARGS_ON_STACK], **hv = stack_h;
    if (n > ARGS_ON_STACK && (hv = hli_mem_array(&vm->mem, n, sizeof *hv)) == NULL)
        return hli_throw_oom(th, n * sizeof *hv);
    uint32_t made = 0;
    hli_status st = HLI_OK;
    for (; made < n; made++)
        if ((hv[made] = hli_handle_new(vm, sig->bound_fun.args[made], &args[made + 1])) == NULL)
            break;
    hlffi_value *outer = NULL, *r = NULL;
    if (made < n)
        st = hli_throw_oom(th, sizeof(hli_handle));
    else if ((st = hli_host_enter(th, &outer)) == HLI_OK) {
        int argc = (int)n;
        r = hc->kind == HLI_HOST_V3 ? hc->v3(vm, argc, hv) : hc->func(vm, hc->userdata, argc, hv);
        if ((st = hli_host_leave(th, outer)) == HLI_OK)
            st = hli_host_take_result(th, r, sig->bound_fun.ret, ret, hv, n);
        else
            hli_host_drop_result(r, hv, n); /* the throw wins */
    }
    for (uint32_t i = 0; i < made; i++)
        hli_handle_free(hv[i]);
    if (hv != stack_h)
        hli_mem_free(&vm->mem, hv, n * sizeof *hv);
    return st;
}

/* ---- signatures and closures ------------------------------------------------------------------------- */

hli_host_sig *hli_host_sig_get(hlffi_vm *vm, uint32_t nargs, hli_type *const *args, hli_type *ret) {
    hli_api_callbacks *cb = hli_callbacks_get(vm);
    if (cb == NULL)
        return NULL;
    for (hli_host_sig *s = cb->sigs; s != NULL; s = s->next) {
        if (s->nargs != nargs || s->full_fun.ret != ret)
            continue;
        uint32_t i = 0;
        while (i < nargs && s->full_args[i + 1] == args[i])
            i++;
        if (i == nargs)
            return s;
    }
    hli_host_sig *s = hli_mem_alloc(&vm->mem, sizeof *s);
    hli_type **all = hli_mem_array(&vm->mem, nargs + 1, sizeof *all);
    if (s == NULL || all == NULL) {
        hli_mem_free(&vm->mem, s, sizeof *s);
        hli_mem_free(&vm->mem, all, (nargs + 1) * sizeof *all);
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory for a host function type");
        return NULL;
    }
    all[0] = HLI_T(dyn); /* the bound value: the closure itself */
    for (uint32_t i = 0; i < nargs; i++)
        all[i + 1] = args[i];
    s->nargs = nargs;
    s->full_args = all;
    /* As rt_link.c builds bound closure types: the full type, and the one minus its first argument. */
    s->full_fun = (hli_type_fun){all, ret, nargs + 1, NULL, &s->bound};
    s->bound_fun = (hli_type_fun){nargs > 0 ? all + 1 : NULL, ret, nargs, &s->full, NULL};
    s->full = (hli_type){HFUN, UINT32_MAX, {.fun = &s->full_fun}, NULL, NULL};
    s->bound = (hli_type){HFUN, UINT32_MAX, {.fun = &s->bound_fun}, NULL, NULL};
    s->fn = (hli_fn){.kind = HLI_FN_NATIVE, .findex = UINT32_MAX, .type = &s->full, .native = host_closure_call,
                     .owner_field = UINT32_MAX};
    s->next = cb->sigs;
    cb->sigs = s;
    return s;
}

hli_host_closure *hli_host_closure_new(hlffi_vm *vm, hli_host_sig *sig, hli_host_kind kind, const char *name) {
    hli_thread *th = vm->main_thread;
    size_t size = sizeof(hli_host_closure) + (name != NULL ? strlen(name) + 1 : 1);
    hli_host_closure *hc = hli_alloc(th, size, HLI_GC_DYNAMIC);
    if (hc == NULL) {
        th->exc_value = NULL;
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory for a host function");
        return NULL;
    }
    hc->cl.t = &sig->bound;
    hc->cl.fun = &sig->fn;
    hc->cl.hasValue = 1;
    hc->cl.value = hc;
    hc->kind = (uint8_t)kind;
    if (name != NULL)
        memcpy(hc->name, name, strlen(name) + 1);
    return hc;
}

/* ---- public functions ------------------------------------------------------------------------------ */

HLFFI_API hlffi_value *hlffi_function_new(hlffi_vm *vm, hlffi_function_func fn, int nargs, void *userdata) {
    if (vm == NULL || hli_api_thread(vm) == NULL)
        return NULL;
    if (fn == NULL || nargs < 0 || nargs > HLI_HOST_MAX_ARGS) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_function_new: %s", fn == NULL ? "fn is NULL" :
                    "nargs must be 0..255");
        return NULL;
    }
    hli_type *dyn[HLI_HOST_MAX_ARGS];
    for (int i = 0; i < nargs; i++)
        dyn[i] = HLI_T(dyn);
    hli_host_sig *sig = hli_host_sig_get(vm, (uint32_t)nargs, dyn, HLI_T(dyn));
    hli_host_closure *hc = sig != NULL ? hli_host_closure_new(vm, sig, HLI_HOST_FUNC, NULL) : NULL;
    if (hc == NULL)
        return NULL;
    hc->func = fn;
    hc->userdata = userdata;
    hli_reg r = {.p = hc};
    return hli_handle_new(vm, &sig->bound, &r);
}

/* The closure a handle holds (a function type, or Dynamic/Null holding a function), or NULL with the
 * error set. */
static vclosure *closure_of(const hli_handle *h) {
    hlffi_vm *vm = h->vm;
    /* Only values that carry their runtime type can be looked into (not hl.Bytes, abstracts, structs). */
    bool typed = hli_kind_is_dynamic(h->t->kind);
    vdynamic *v = typed ? h->v.p : NULL;
    if (h->t->kind != HFUN && (!typed || (v != NULL && v->t->kind != HFUN))) {
        char b[128];
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_function_call: the value is a %s, not a function",
                    hli_rt_type_str(vm, v != NULL ? v->t : h->t, b, sizeof b));
        return NULL;
    }
    if (v == NULL)
        HLI_VM_FAIL(vm, HLFFI_ERROR_NULL_VALUE, "hlffi_function_call: the function value is null");
    return (vclosure *)v;
}

/* Converts argument handle h to type `to`; false with the error set. */
static bool convert_arg(hlffi_vm *vm, hli_thread *th, const hli_handle *h, hli_type *to, hli_reg *out, int i) {
    if (h == NULL || h->t == NULL || h->vm != vm) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_function_call: argument %d is %s", i,
                    h == NULL ? "a NULL handle" : hli_api_handle_fault(h));
        return false;
    }
    if (hli_dyn_cast(th, &h->v, h->t, to, out) == HLI_OK)
        return true;
    th->exc_value = NULL;
    char a[128], b[128];
    HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_function_call: argument %d: cannot convert %s to %s", i,
                hli_rt_type_str(vm, h->t, a, sizeof a), hli_rt_type_str(vm, to, b, sizeof b));
    return false;
}

HLFFI_API hlffi_value *hlffi_function_call(hlffi_value *fn_ref, int argc, hlffi_value **argv) {
    hli_handle *fn = hli_handle_of(fn_ref);
    if (fn == NULL)
        return NULL;
    hlffi_vm *vm = fn->vm;
    if (fn->t == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_function_call: the function is %s",
                    hli_api_handle_fault(fn));
        return NULL;
    }
    hli_thread *th = hli_api_thread(vm);
    if (th == NULL)
        return NULL;
    vclosure *c = closure_of(fn);
    if (c == NULL)
        return NULL;
    if (argc < 0 || (argc > 0 && argv == NULL)) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_function_call: argc is %d and argv %s", argc,
                    argv == NULL ? "NULL" : "set");
        return NULL;
    }
    bool var_args = hli_closure_is_var_args(c);
    const hli_type_fun *ft = c->t->u.fun;
    uint32_t n = var_args ? (uint32_t)argc : ft->nargs;
    if (var_args ? argc > HLI_MAX_DYN_ARGS : (uint32_t)argc != ft->nargs) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_MISMATCH, "hlffi_function_call: the function takes %s%u argument%s, %d given",
                    var_args ? "at most " : "", var_args ? HLI_MAX_DYN_ARGS : ft->nargs,
                    (var_args ? HLI_MAX_DYN_ARGS : ft->nargs) == 1 ? "" : "s", argc);
        return NULL;
    }
    hli_reg stack_args[ARGS_ON_STACK], *args = stack_args;
    if (n > ARGS_ON_STACK && (args = hli_mem_array(&vm->mem, n, sizeof *args)) == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory for the arguments");
        return NULL;
    }
    memset(args, 0, (n > 0 ? n : 1) * sizeof *args);
    hli_root_push(th, &c);
    hli_root_range_push(th, args, n * sizeof *args); /* conversions may allocate (boxing) */
    bool ok = true;
    for (uint32_t i = 0; i < n && ok; i++)
        ok = convert_arg(vm, th, hli_handle_of(argv[i]), var_args ? HLI_T(dyn) : ft->args[i], &args[i], (int)i);
    hlffi_value *result = NULL;
    if (ok) {
        hli_reg ret = {.i64 = 0};
        hli_type *rt = var_args ? HLI_T(dyn) : ft->ret;
        th->exc_value = NULL;
        hli_status st;
        if (var_args) { /* boxed arguments in an array (they stay rooted in args meanwhile) */
            vdynamic *dargs[HLI_MAX_DYN_ARGS + 1], *d = NULL;
            for (uint32_t i = 0; i < n; i++)
                dargs[i] = args[i].p;
            st = hli_call_method(th, c, dargs, (int32_t)n, &d);
            ret.p = d;
        } else {
            st = hli_call_closure(th, c, args, n, &ret);
        }
        if (st != HLI_OK)
            hli_api_call_failed(vm, st);
        else
            result = hli_handle_new(vm, rt->kind == HVOID ? HLI_T(dyn) : rt, rt->kind == HVOID ? NULL : &ret);
    }
    hli_root_range_pop(th);
    hli_root_pop(th, 1);
    if (args != stack_args)
        hli_mem_free(&vm->mem, args, n * sizeof *args);
    return result;
}

/* The registry when a host function is running, else NULL with INVALID_ARGUMENT set naming `what`. */
static hli_api_callbacks *inside_host_function(hlffi_vm *vm, const char *what) {
    hli_api_callbacks *cb = vm->callbacks;
    if (cb == NULL || cb->depth == 0) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT,
                    "%s is only meaningful inside a callback, function value or host native", what);
        return NULL;
    }
    return cb;
}

static void set_pending(hli_api_callbacks *cb, hlffi_value *h) {
    hli_handle_free(cb->pending_throw);
    cb->pending_throw = h;
}

HLFFI_API void hlffi_throw(hlffi_vm *vm, hlffi_value *value_ref) {
    hli_handle *value = hli_handle_of(value_ref);
    if (vm == NULL)
        return;
    hli_api_callbacks *cb = inside_host_function(vm, "hlffi_throw");
    if (cb == NULL)
        return;
    if (value == NULL || value->t == NULL || value->vm != vm) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_throw: %s",
                    value == NULL ? "a NULL handle" : hli_api_handle_fault(value));
        return;
    }
    hlffi_value *copy = hli_handle_new(vm, value->t, &value->v);
    if (copy != NULL)
        set_pending(cb, copy);
}

HLFFI_API void hlffi_throw_string(hlffi_vm *vm, const char *message) {
    if (vm == NULL)
        return;
    hli_api_callbacks *cb = inside_host_function(vm, "hlffi_throw_string");
    if (cb == NULL)
        return;
    if (message == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_throw_string: message is NULL");
        return;
    }
    hli_thread *th = vm->main_thread;
    th->exc_value = NULL;
    vstring *s = hli_string_from_utf8(th, message, strlen(message));
    if (s == NULL) {
        th->exc_value = NULL;
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "hlffi_throw_string: cannot make the String (out of memory)");
        return;
    }
    hli_reg r = {.p = s};
    hlffi_value *h = hli_handle_new(vm, vm->prog->string_type, &r);
    if (h != NULL)
        set_pending(cb, h);
}
