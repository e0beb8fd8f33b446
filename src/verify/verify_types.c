/* HashLink's type relations (hl-spec.md 2.3) for the verifier, with a work bound. They give the same
 * answers as hli_type_same / hli_type_safe_cast / hli_obj_field / hli_obj_proto_by_slot (src/load/
 * types.c), but every step costs fuel, so that a module whose structurally equal but distinct function
 * types make the relations exponential, or whose class chains make them quadratic, cannot stall the
 * verifier. Recursion goes through function/ref/null/packed types only, which the loader bounds to
 * HLI_MAX_TYPE_DEPTH levels, so the C stack depth does not depend on the input beyond that constant. */
#include "verify/verify_internal.h"

/* Spends one unit; false (and out_of_fuel) when none is left. */
static bool burn(hli_vctx *c) {
    if (c->fuel <= 0) {
        c->out_of_fuel = true;
        return false;
    }
    c->fuel--;
    return true;
}

bool hli_vt_same(hli_vctx *c, const hli_type *a, const hli_type *b) {
    if (a == b)
        return true;
    if (!burn(c) || a->kind != b->kind)
        return false;
    switch (a->kind) {
    case HREF:
    case HNULL:
    case HPACKED: return hli_vt_same(c, a->u.tparam, b->u.tparam);
    case HFUN:
    case HMETHOD: {
        const hli_type_fun *fa = a->u.fun, *fb = b->u.fun;
        if (fa->nargs != fb->nargs || !hli_vt_same(c, fa->ret, fb->ret))
            return false;
        for (uint32_t i = 0; i < fa->nargs; i++)
            if (!hli_vt_same(c, fa->args[i], fb->args[i]))
                return false;
        return true;
    }
    case HOBJ:
    case HSTRUCT: return a->u.obj == b->u.obj;
    case HVIRTUAL: return a->u.virt == b->u.virt;
    case HENUM: return a->u.tenum == b->u.tenum;
    case HABSTRACT: return a->u.abs_name == b->u.abs_name;
    default: return true;
    }
}

/* Function-type subtyping over the arguments from `skip` on: a closure of type t (with its first
 * `skip` arguments bound) used as `to`: the return covariant, each argument contravariant or t's
 * argument dynamic and to's a dynamic kind. */
static bool fun_args_fit(hli_vctx *c, const hli_type_fun *t, uint32_t skip, const hli_type_fun *to) {
    if (t->nargs < skip || t->nargs - skip != to->nargs)
        return false;
    if (!hli_vt_safe(c, t->ret, to->ret))
        return false;
    for (uint32_t i = 0; i < to->nargs; i++) {
        const hli_type *ta = t->args[i + skip], *tb = to->args[i];
        if (!hli_vt_safe(c, tb, ta) && !(ta->kind == HDYN && hli_kind_is_dynamic(tb->kind)))
            return false;
    }
    return true;
}

bool hli_vt_safe(hli_vctx *c, const hli_type *t, const hli_type *to) {
    if (t == to)
        return true;
    if (!burn(c))
        return false;
    if (to->kind == HDYN)
        return hli_kind_is_dynamic(t->kind);
    if (t->kind != to->kind)
        return false;
    switch (t->kind) {
    case HVIRTUAL: {
        const hli_type_virtual *a = t->u.virt, *b = to->u.virt;
        if (b->nfields < a->nfields) {
            for (uint32_t i = 0; i < b->nfields; i++)
                if (!burn(c) || a->fields[i].name != b->fields[i].name ||
                    !hli_vt_same(c, a->fields[i].type, b->fields[i].type))
                    return false;
            return true;
        }
        break;
    }
    case HOBJ:
    case HSTRUCT:
        for (const hli_type *k = t; k != NULL; k = k->u.obj->super) {
            if (k->u.obj == to->u.obj || k->u.obj->name == to->u.obj->name)
                return true;
            if (!burn(c))
                return false;
        }
        return false;
    case HFUN:
    case HMETHOD:
        if (t->u.fun->nargs != to->u.fun->nargs)
            break;
        return fun_args_fit(c, t->u.fun, 0, to->u.fun);
    default: break; /* HPACKED: see the header comment in verify_internal.h */
    }
    return hli_vt_same(c, t, to);
}

bool hli_vt_fun_fits(hli_vctx *c, const hli_type *ft, uint32_t skip, const hli_type *dt) {
    if (ft->kind != HFUN)
        return false;
    if (dt->kind == HDYN)
        return ft->u.fun->nargs >= skip;
    if (dt->kind != HFUN)
        return false;
    if (skip == 0 && ft == dt)
        return true;
    return fun_args_fit(c, ft->u.fun, skip, dt->u.fun);
}

const hli_field *hli_vt_obj_field(hli_vctx *c, const hli_type *t, uint32_t fid) {
    if (t->kind != HOBJ && t->kind != HSTRUCT)
        return NULL;
    for (const hli_type *k = t; k != NULL; k = k->u.obj->super) {
        const hli_type_obj *o = k->u.obj;
        uint32_t base = o->total_fields - o->nfields;
        if (fid >= base)
            return fid < o->total_fields ? &o->fields[fid - base] : NULL;
        if (!burn(c))
            return NULL;
    }
    return NULL;
}

const hli_proto *hli_vt_proto(hli_vctx *c, const hli_type *t, int32_t slot) {
    if (t->kind != HOBJ || slot < 0)
        return NULL;
    for (const hli_type *k = t; k != NULL; k = k->u.obj->super) {
        const hli_type_obj *o = k->u.obj;
        for (uint32_t i = 0; i < o->nproto; i++) {
            if (o->proto[i].pindex == slot)
                return &o->proto[i];
            if (!burn(c))
                return NULL;
        }
        if (!burn(c))
            return NULL;
    }
    return NULL;
}
