/* Closures and dynamic calls (hl-spec.md 4.6, 5.4, HashLink's fun.c): hl_dyn_call/call_method, function
 * wrappers and their conversions, hl_dyn_call_obj, var-args closures, the closure natives' bodies. Calls
 * into Haxe go through exec's hli_call_fn/hli_call_closure. */
#include "rt/rt_internal.h"

/* make_var_args closures: type (void ()) like HashLink's hlt_var_args; `value` is the real closure,
 * which takes a NativeArray<Dynamic> and returns Dynamic. */
static const hli_type_fun var_args_fun = {NULL, (hli_type *)&hli_hlt_void, 0, NULL, NULL};
static const hli_type var_args_type = {HFUN, UINT32_MAX, {.fun = (hli_type_fun *)&var_args_fun}, NULL, NULL};

/* Their `fun`: a function handle that only throws, for call paths that do not know var-args closures. */
static hli_status var_args_stub(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    (void)ret;
    return hli_throw_error(th, "Variable fun args was not cast to typed function");
}
static const hli_fn var_args_fn = {.kind = HLI_FN_NATIVE, .findex = UINT32_MAX, .type = (hli_type *)&var_args_type,
                                   .native = var_args_stub, .owner_field = UINT32_MAX};

bool hli_closure_is_var_args(const vclosure *c) { return c != NULL && c->t == &var_args_type; }

/* make_var_args: a bound-looking closure whose value is the real function (see call_var_args). */
vclosure *hli_make_var_args(hli_thread *th, vclosure *f) {
    vclosure *c = hli_alloc(th, sizeof(vclosure), HLI_GC_DYNAMIC);
    if (c == NULL)
        return NULL;
    c->t = (hli_type *)&var_args_type;
    c->fun = (hli_fn *)&var_args_fn;
    c->hasValue = 1;
    c->value = f;
    return c;
}

/* A wrapper accepts any arity when it wraps a var-args closure, else only the same arity. */
hli_status hli_make_fun_wrapper(hli_thread *th, vclosure *c, hli_type *to, vclosure **out) {
    *out = NULL;
    if (to->kind != HFUN || (!hli_closure_is_var_args(c) && c->t->u.fun->nargs != to->u.fun->nargs))
        return HLI_OK;
    vclosure_wrapper *w = hli_alloc(th, sizeof(vclosure_wrapper), HLI_GC_DYNAMIC);
    if (w == NULL)
        return HLI_EXC;
    w->cl.t = to;
    w->cl.fun = c->fun; /* informative only: calls go through wrappedFun */
    w->cl.hasValue = 2;
    w->cl.value = w;
    w->wrappedFun = c;
    *out = &w->cl;
    return HLI_OK;
}

/* ---- typed calls with conversions ---------------------------------------------------------------- */

/* What a converted call invokes: a closure, or a method with its `this`. */
typedef struct call_target {
    vclosure *c;   /* a closure (its bound value, if any, is added by hli_call_closure) */
    hli_fn *fn;    /* or: this method */
    void *self;    /* with this first argument */
} call_target;

/* Boxes nargs values of the given types into a new NativeArray<Dynamic> (var-args calls). */
static hli_status box_args(hli_thread *th, hli_type *const *types, const hli_reg *args, uint32_t nargs,
                           varray **out) {
    varray *a = hli_alloc_array(th, HLI_T(dyn), (int32_t)nargs);
    if (a == NULL)
        return HLI_EXC;
    hli_root_push(th, &a);
    hli_status s = HLI_OK;
    for (uint32_t i = 0; i < nargs && s == HLI_OK; i++) {
        vdynamic *d;
        s = hli_make_dyn(th, &args[i], types[i], &d);
        if (s == HLI_OK)
            hli_aptr(a, vdynamic *)[i] = d;
    }
    hli_root_pop(th, 1);
    *out = a;
    return s;
}

/* Boxes a call's result as hl_call_method does (void: null; values: a new box; pointers as they are,
 * non-dynamic ones boxed). */
static hli_status box_result(hli_thread *th, const hli_reg *r, hli_type *t, vdynamic **out) {
    *out = hli_box(th, r, t);
    return *out == NULL && t->kind != HVOID && (!rt_is_ptr(t) || r->p != NULL) ? HLI_EXC : HLI_OK;
}

/* Calls a var-args closure's real function with the arguments in an array; *ret is Dynamic. */
static hli_status call_var_args(hli_thread *th, vclosure *va, varray *a, vdynamic **ret) {
    vclosure *real = va->value;
    hli_reg arg, r;
    arg.p = a;
    r.i64 = 0;
    *ret = NULL;
    hli_status s = hli_call_closure(th, real, &arg, 1, &r);
    if (s != HLI_OK)
        return s;
    return box_result(th, &r, real->t->u.fun->ret, ret);
}

/* hl_wrapper_call's core: args are in the types of `from` (an HFUN/HMETHOD); they are converted to
 * the target's argument types, the target is called, and its result converted to from's return
 * type into *ret. */
static hli_status call_converted(hli_thread *th, const hli_type_fun *from, call_target tg, const hli_reg *args,
                                 uint32_t nargs, hli_reg *ret) {
    hli_reg conv[HLI_MAX_DYN_ARGS + 1], r;
    hli_type *rtype;
    hli_status s = HLI_OK;
    r.i64 = 0;
    if (tg.c != NULL && hli_closure_is_var_args(tg.c)) {
        varray *a;
        vdynamic *d = NULL;
        if ((s = box_args(th, from->args, args, nargs < from->nargs ? nargs : from->nargs, &a)) == HLI_OK) {
            hli_root_push(th, &a);
            s = call_var_args(th, tg.c, a, &d);
            hli_root_pop(th, 1);
        }
        r.p = d;
        rtype = HLI_T(dyn);
    } else {
        const hli_type_fun *to = tg.c != NULL ? tg.c->t->u.fun : tg.fn->type->u.fun;
        uint32_t skip = tg.c != NULL ? 0 : 1, base = skip;
        if (to->nargs < skip)
            return hli_throw_error(th, "Can't call closure with value");
        uint32_t n = to->nargs - skip, avail = nargs < from->nargs ? nargs : from->nargs;
        if (n > HLI_MAX_DYN_ARGS)
            return hli_throw_error(th, "Too many arguments");
        if (n > avail)
            return hli_throw_error(th, "Missing arguments : %u expected but %u passed", n, avail);
        uint32_t nroots = 0;
        if (skip)
            conv[0].p = tg.self;
        for (uint32_t i = 0; i < n && s == HLI_OK; i++) {
            s = hli_dyn_cast(th, &args[i], from->args[i], to->args[i + skip], &conv[base + i]);
            if (s == HLI_OK && rt_is_ptr(to->args[i + skip])) {
                hli_root_push(th, &conv[base + i].p);
                nroots++;
            }
        }
        if (s == HLI_OK)
            s = tg.c != NULL ? hli_call_closure(th, tg.c, conv, n, &r) : hli_call_fn(th, tg.fn, conv, n + 1, &r);
        hli_root_pop(th, nroots);
        rtype = to->ret;
    }
    if (s != HLI_OK)
        return s;
    if (from->ret->kind == HVOID) {
        if (ret != NULL)
            ret->i64 = 0;
        return HLI_OK;
    }
    hli_reg tmp;
    if (ret == NULL)
        ret = &tmp;
    if (rt_is_ptr(rtype))
        hli_root_push(th, &r.p);
    s = hli_dyn_cast(th, &r, rtype, from->ret, ret);
    if (rt_is_ptr(rtype))
        hli_root_pop(th, 1);
    return s;
}

/* Calls a wrapper from C (exec's hli_call_closure may use this for hasValue 2). */
hli_status hli_wrapper_call(hli_thread *th, vclosure_wrapper *w, const hli_reg *args, uint32_t nargs, hli_reg *ret) {
    call_target tg = {w->wrappedFun, NULL, NULL};
    return call_converted(th, w->cl.t->u.fun, tg, args, nargs, ret);
}

hli_status hli_dyn_call_obj(hli_thread *th, vdynamic *o, hli_type *ft, int32_t hash, const hli_reg *args,
                            uint32_t nargs, hli_reg *ret) {
    char a[128], b[256];
    if (o == NULL)
        return hli_throw_error(th, "Null access");
    switch (o->t->kind) {
    case HDYNOBJ: {
        vdynobj *d = (vdynobj *)o;
        hli_field_lookup *l = hli_lookup_find(d->lookup, (uint32_t)d->nfields, hash);
        if (l != NULL && l->t->kind != HFUN)
            return hli_throw_error(th, "Field %s is of type %s and cannot be called",
                                   hli_rt_field_name_utf8(th->vm, hash, a, sizeof a),
                                   hli_rt_type_str(th->vm, l->t, b, sizeof b));
        vclosure *c = l != NULL ? rt_ldp(rt_dynobj_addr(d, l)) : NULL;
        if (c != NULL) {
            call_target tg = {c, NULL, NULL};
            return call_converted(th, ft->u.fun, tg, args, nargs, ret);
        }
        return hli_throw_error(th, "%s has no method %s", hli_rt_type_str(th->vm, o->t, b, sizeof b),
                               hli_rt_field_name_utf8(th->vm, hash, a, sizeof a));
    }
    case HOBJ: {
        for (hli_obj_rt *rt = rt_obj(o->t); rt != NULL; rt = rt->parent) {
            hli_field_lookup *l = hli_lookup_find(rt->lookup, rt->nlookup, hash);
            if (l == NULL)
                continue;
            if (l->t->kind != HFUN)
                return hli_throw_error(th, "Field %s is of type %s and cannot be called",
                                       hli_rt_field_name_utf8(th->vm, hash, a, sizeof a),
                                       hli_rt_type_str(th->vm, l->t, b, sizeof b));
            call_target tg = {NULL, NULL, o};
            if (l->field_index < 0) {
                tg.fn = rt_obj(o->t)->methods[-(l->field_index + 1)];
            } else {
                tg.c = rt_ldp((char *)o + l->field_index);
                if (tg.c == NULL)
                    break;
            }
            return call_converted(th, ft->u.fun, tg, args, nargs, ret);
        }
        return hli_throw_error(th, "%s has no method %s", hli_rt_obj_name(th->vm, o->t),
                               hli_rt_field_name_utf8(th->vm, hash, a, sizeof a));
    }
    case HVIRTUAL:
        if (((vvirtual *)o)->value != NULL)
            return hli_dyn_call_obj(th, ((vvirtual *)o)->value, ft, hash, args, nargs, ret);
        /* fall through */
    default: return hli_throw_error(th, "Invalid field access");
    }
}

/* ---- boxed calls ---------------------------------------------------------------------------------- */

/* call_method (hl_call_method): every argument converted from Dynamic to the declared type (null gives
 * 0 for value types), the function called, the result boxed. */
hli_status hli_call_method(hli_thread *th, vclosure *c, vdynamic **args, int32_t n, vdynamic **ret) {
    *ret = NULL;
    if (c == NULL)
        return hli_throw_error(th, "Null access");
    if (n > HLI_MAX_DYN_ARGS)
        return hli_throw_error(th, "Too many arguments");
    vclosure *cl = c;
    if (cl->hasValue) {
        if (cl->hasValue == 2)
            cl = ((vclosure_wrapper *)cl)->wrappedFun;
        if (!hli_closure_is_var_args(cl))
            return hli_throw_error(th, "Can't call closure with value");
        varray *a = hli_alloc_array(th, HLI_T(dyn), n);
        if (a == NULL)
            return HLI_EXC;
        for (int32_t i = 0; i < n; i++)
            hli_aptr(a, vdynamic *)[i] = args[i];
        hli_root_push(th, &a);
        hli_status s = call_var_args(th, cl, a, ret);
        hli_root_pop(th, 1);
        return s;
    }
    const hli_type_fun *ft = cl->t->u.fun;
    hli_fn *fn = cl->fun;
    if ((uint32_t)n < ft->nargs)
        return hli_throw_error(th, "Missing arguments : %u expected but %d passed", ft->nargs, n);
    if (fn == NULL || fn->type == NULL || fn->type->u.fun->nargs != ft->nargs)
        return hli_throw_error(th, "Invalid function");
    hli_reg conv[HLI_MAX_DYN_ARGS], r;
    hli_status s = HLI_OK;
    uint32_t nroots = 0;
    for (uint32_t i = 0; i < ft->nargs && s == HLI_OK; i++) {
        s = hli_dyn_cast(th, &args[i], HLI_T(dyn), ft->args[i], &conv[i]);
        if (s == HLI_OK && rt_is_ptr(ft->args[i])) {
            hli_root_push(th, &conv[i].p);
            nroots++;
        }
    }
    r.i64 = 0;
    if (s == HLI_OK)
        s = hli_call_fn(th, fn, conv, ft->nargs, &r);
    hli_root_pop(th, nroots);
    if (s != HLI_OK)
        return s;
    return box_result(th, &r, ft->ret, ret);
}

/* hl_dyn_call: a bound closure is called as its full function with the value boxed as argument 0. */
hli_status hli_dyn_call(hli_thread *th, vclosure *c, vdynamic **args, int32_t n, vdynamic **ret) {
    *ret = NULL;
    if (c == NULL)
        return hli_throw_error(th, "Null access");
    if (n > HLI_MAX_DYN_ARGS || n < 0)
        return hli_throw_error(th, "Too many arguments");
    if (c->hasValue == 1 && !hli_closure_is_var_args(c) && c->t->u.fun->parent != NULL) {
        /* re-insert the bound value as argument 0 and call the full function type */
        vclosure tmp = {c->t->u.fun->parent, c->fun, 0, 0, NULL};
        vdynamic *all[HLI_MAX_DYN_ARGS + 1];
        hli_status s = hli_make_dyn(th, &c->value, tmp.t->u.fun->args[0], &all[0]);
        if (s != HLI_OK)
            return s;
        for (int32_t i = 0; i < n; i++)
            all[i + 1] = args[i];
        hli_root_push(th, &all[0]);
        s = hli_call_method(th, &tmp, all, n + 1, ret);
        hli_root_pop(th, 1);
        return s;
    }
    return hli_call_method(th, c, args, n, ret);
}

/* ---- closure natives ------------------------------------------------------------------------------ */

/* no_closure: the unbound function of a bound closure (wrappers are unwrapped). */
hli_status hli_no_closure(hli_thread *th, vclosure *c, vclosure **out) {
    *out = c;
    if (c == NULL || !c->hasValue)
        return HLI_OK;
    if (c->hasValue == 2)
        return hli_no_closure(th, ((vclosure_wrapper *)c)->wrappedFun, out);
    if (c->t->u.fun->parent == NULL)
        return HLI_OK;
    *out = hli_alloc_closure(th, c->fun, c->t->u.fun->parent, NULL, false);
    return *out != NULL ? HLI_OK : HLI_EXC;
}

/* make_closure: rebinds the function to v when v's type fits its first argument. */
hli_status hli_make_closure(hli_thread *th, vclosure *c, vdynamic *v, vclosure **out) {
    *out = NULL;
    if (c == NULL)
        return HLI_OK;
    if (c->hasValue == 2)
        return hli_make_closure(th, ((vclosure_wrapper *)c)->wrappedFun, v, out);
    hli_type *t = c->hasValue ? c->t->u.fun->parent : c->t;
    if (t == NULL || t->u.fun->nargs == 0 || v == NULL || !hli_type_safe_cast(v->t, t->u.fun->args[0]))
        return HLI_OK;
    *out = hli_alloc_closure_ptr(th, t, c->fun, v);
    return *out != NULL ? HLI_OK : HLI_EXC;
}

/* get_closure_value: the bound value boxed with the first argument's type. */
hli_status hli_get_closure_value(hli_thread *th, vclosure *c, vdynamic **out) {
    *out = NULL;
    if (c == NULL || !c->hasValue)
        return HLI_OK;
    if (c->hasValue == 2)
        return hli_get_closure_value(th, ((vclosure_wrapper *)c)->wrappedFun, out);
    if (hli_closure_is_var_args(c) || c->t->u.fun->parent == NULL)
        return HLI_OK;
    return hli_make_dyn(th, &c->value, c->t->u.fun->parent->u.fun->args[0], out);
}

/* fun_compare: same pointer, or same function and (unbound or same value). */
bool hli_fun_compare(const vdynamic *a, const vdynamic *b) {
    if (a == b)
        return true;
    if (a == NULL || b == NULL || a->t->kind != HFUN || b->t->kind != HFUN)
        return false;
    const vclosure *ca = (const vclosure *)a, *cb = (const vclosure *)b;
    if (ca->fun != cb->fun)
        return false;
    return !(ca->hasValue && ca->value != cb->value);
}
