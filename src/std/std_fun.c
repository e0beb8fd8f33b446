/* Natives of closures and calls (hl-spec.md 8.1 "Closures and calls"), over the runtime's closure
 * helpers (src/rt/rt_call.c). */
#include "rt/rt.h"
#include "std/natives.h"
#include "std/std_families.h"

/* call_method(f, args:NativeArray<Dynamic>): a dynamic call of an unbound function (5.4). */
static hli_status n_call_method(hli_thread *th, hli_reg *args, hli_reg *ret) {
    vclosure *f = args[0].p;
    varray *a = args[1].p;
    if (f == NULL)
        return hli_throw_error(th, "Null access");
    int32_t n = a != NULL ? a->size : 0;
    vdynamic *r = NULL;
    hli_status st = hli_call_method(th, f, n > 0 ? hli_aptr(a, vdynamic *) : NULL, n, &r);
    ret->p = r;
    return st;
}

static hli_status n_get_closure_value(hli_thread *th, hli_reg *args, hli_reg *ret) {
    vdynamic *v = NULL;
    hli_status st = args[0].p ? hli_get_closure_value(th, args[0].p, &v) : HLI_OK;
    ret->p = v;
    return st;
}

static hli_status n_make_closure(hli_thread *th, hli_reg *args, hli_reg *ret) {
    vclosure *c = NULL;
    hli_status st = args[0].p ? hli_make_closure(th, args[0].p, args[1].p, &c) : HLI_OK;
    ret->p = c;
    return st;
}

static hli_status n_no_closure(hli_thread *th, hli_reg *args, hli_reg *ret) {
    vclosure *c = NULL;
    hli_status st = args[0].p ? hli_no_closure(th, args[0].p, &c) : HLI_OK;
    ret->p = c;
    return st;
}

static hli_status n_make_var_args(hli_thread *th, hli_reg *args, hli_reg *ret) {
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    ret->p = hli_make_var_args(th, args[0].p);
    return ret->p != NULL ? HLI_OK : HLI_EXC;
}

static hli_status n_fun_compare(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i64 = hli_fun_compare(args[0].p, args[1].p);
    return HLI_OK;
}

/* is_prim_loaded(f): false for the stub of a native nobody provides. */
static hli_status n_is_prim_loaded(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    vclosure *c = args[0].p;
    ret->i64 = c != NULL && c->t != NULL && c->t->kind == HFUN && ((hli_fn *)c->fun)->kind != HLI_FN_MISSING;
    return HLI_OK;
}

const hli_native_def hli_std_fun_natives[] = {
    {"std", "call_method", "PDA_D", n_call_method},
    {"std", "get_closure_value", "PD_D", n_get_closure_value},
    {"std", "make_closure", "PDD_D", n_make_closure},
    {"std", "no_closure", "PD_D", n_no_closure},
    {"std", "make_var_args", "PPA_D_D", n_make_var_args},
    {"std", "fun_compare", "PDD_b", n_fun_compare},
    {"std", "is_prim_loaded", "PD_b", n_is_prim_loaded},
    {NULL, NULL, NULL, NULL},
};
