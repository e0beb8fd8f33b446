/* Module-level rules on classes (hl-spec.md 1.7, 4.2): what the interpreter's virtual tables and
 * allocation-time bindings rely on. A method's function takes an instance of its class first; a
 * method filling a virtual slot fits the type of the method it overrides (so that a call checked
 * against the static type's method is sound whatever the object's class); a function bound into a
 * field fits the field. And what the natives rely on for Strings: the String class's layout, and
 * String constants whose length is their string's. */
#include <string.h>

#include "core/utf8.h"
#include "verify/verify_internal.h"

/* Type name for messages ("Main", "$Main", "@S"). */
static const char *tname(hli_vctx *c, const hli_type *t, char *buf) {
    return hli_vt_str(c, t, buf);
}

/* Does override function `ov` (this first) fit slot function `base` (this first)? Callers pass the
 * arguments base declares and expect its return type; `this` is checked by PROTO_TYPE. */
static bool override_fits(hli_vctx *c, const hli_type_fun *ov, const hli_type_fun *base) {
    if (ov->nargs != base->nargs || ov->nargs == 0)
        return false;
    if (!hli_vt_safe(c, ov->ret, base->ret))
        return false;
    for (uint32_t i = 1; i < ov->nargs; i++) {
        const hli_type *mine = ov->args[i], *given = base->args[i];
        if (!hli_vt_safe(c, given, mine) && !(mine->kind == HDYN && hli_kind_is_dynamic(given->kind)))
            return false;
    }
    return true;
}

/* The protos of class t: first argument, and fit with the slot each one fills. */
static bool check_protos(hli_vctx *c, const hli_type *t) {
    const hli_type_obj *o = t->u.obj;
    char b1[HLI_VT_STR], b2[HLI_VT_STR], b3[HLI_VT_STR], n1[128], n2[128];
    for (uint32_t i = 0; i < o->nproto; i++) {
        const hli_proto *p = &o->proto[i];
        const hli_type *ft = hli_module_findex_type(c->m, p->findex);
        if (ft == NULL || ft->kind != HFUN || ft->u.fun->nargs == 0 || !hli_vt_safe(c, t, ft->u.fun->args[0]))
            return hli_vfail_module(c, HLI_VR_PROTO_TYPE,
                                    "class %s: method %s (%s) of type %s does not take a %s first",
                                    tname(c, t, b1), hli_module_string(c->m, p->name, NULL),
                                    hli_verify_function_name(c->m, p->findex, n1, sizeof n1),
                                    ft ? hli_vt_str(c, ft, b2) : "?", tname(c, t, b3));
        if (p->pindex < 0)
            continue;
        /* The method this one must fit: an earlier one of the same slot in this class, else the
         * superclasses' (the most derived). */
        const hli_proto *base = hli_vt_proto(c, t, p->pindex);
        if (base == p)
            base = o->super != NULL ? hli_vt_proto(c, o->super, p->pindex) : NULL;
        if (c->out_of_fuel)
            return hli_vfail_module(c, HLI_VR_TOO_COMPLEX, "class %s", tname(c, t, b1));
        if (base == NULL)
            continue;
        const hli_type *bt = hli_module_findex_type(c->m, base->findex);
        if (bt->kind != HFUN || !override_fits(c, ft->u.fun, bt->u.fun))
            return hli_vfail_module(c, HLI_VR_OVERRIDE_TYPE,
                                    "class %s: method %s (%s) of type %s in slot %ld does not fit %s of type %s",
                                    tname(c, t, b1), hli_module_string(c->m, p->name, NULL),
                                    hli_verify_function_name(c->m, p->findex, n1, sizeof n1),
                                    hli_vt_str(c, ft, b2), (long)p->pindex,
                                    hli_verify_function_name(c->m, base->findex, n2, sizeof n2),
                                    hli_vt_str(c, bt, b3));
    }
    return true;
}

/* The bindings of class t, as hl_get_obj_proto builds them: into an HFUN field of the function's
 * arity, a plain closure of the function; into any other HFUN field, a closure bound to the new
 * object; into an HDYN field (only `__constructor__` in genhl's output), a closure bound to the new
 * object whose first argument is not checked (docs/internals/verifier.md: dynamic calls check it). */
static bool check_bindings(hli_vctx *c, const hli_type *t) {
    const hli_type_obj *o = t->u.obj;
    char b1[HLI_VT_STR], b2[HLI_VT_STR], b3[HLI_VT_STR], n1[128];
    for (uint32_t i = 0; i < o->nbindings; i++) {
        const hli_binding *b = &o->bindings[i];
        const hli_field *fd = hli_vt_obj_field(c, t, b->field);
        const hli_type *ft = hli_module_findex_type(c->m, b->findex);
        bool ok = fd != NULL && ft != NULL && ft->kind == HFUN;
        if (ok) {
            const hli_type *dt = fd->type;
            if (dt->kind == HFUN && dt->u.fun->nargs == ft->u.fun->nargs)
                ok = hli_vt_fun_fits(c, ft, 0, dt);
            else if (dt->kind == HFUN)
                ok = ft->u.fun->nargs > 0 && hli_vt_safe(c, t, ft->u.fun->args[0]) && hli_vt_fun_fits(c, ft, 1, dt);
            else
                ok = dt->kind == HDYN && ft->u.fun->nargs > 0;
        }
        if (c->out_of_fuel)
            return hli_vfail_module(c, HLI_VR_TOO_COMPLEX, "class %s", tname(c, t, b1));
        if (!ok)
            return hli_vfail_module(c, HLI_VR_BINDING_TYPE, "class %s: field %u (%s) cannot hold %s of type %s",
                                    tname(c, t, b1), (unsigned)b->field,
                                    fd ? hli_vt_str(c, fd->type, b2) : "?",
                                    hli_verify_function_name(c->m, b->findex, n1, sizeof n1),
                                    ft ? hli_vt_str(c, ft, b3) : "?");
    }
    return true;
}

/* A class's or enum's global slot (1 + global index, 0 = none) holds its class object, which natives
 * (type_get_global ...) read as a vdynamic*: the global must have a dynamic kind. */
static bool check_class_global(hli_vctx *c, const hli_type *t, uint32_t global) {
    if (global == 0)
        return true;
    const hli_type *gt = c->m->globals[global - 1];
    if (!hli_kind_is_dynamic(gt->kind)) {
        char b1[HLI_VT_STR], b2[HLI_VT_STR];
        return hli_vfail_module(c, HLI_VR_CLASS_GLOBAL, "type %s: its global %u has type %s, not a dynamic kind",
                                tname(c, t, b1), (unsigned)(global - 1), hli_vt_str(c, gt, b2));
    }
    return true;
}

/* hl_safe_cast treats two classes with the same name as one (hl-spec.md 2.3 rule 5: the name pointer,
 * i.e. the string index, within a module). genhl never emits two classes with one name; a module that
 * does could make an object of one class pass for the other, so it is rejected. */
static bool check_class_name(hli_vctx *c, const hli_type *t, uint8_t *seen) {
    uint32_t n = t->u.obj->name;
    if (seen[n >> 3] & (1u << (n & 7))) {
        char b[HLI_VT_STR];
        return hli_vfail_module(c, HLI_VR_CLASS_NAME, "type %u (%s): another class has the same name (string %u)",
                                (unsigned)t->index, tname(c, t, b), (unsigned)n);
    }
    seen[n >> 3] |= (uint8_t)(1u << (n & 7));
    return true;
}

/* Whether t is the class named "String" (natives find the String class by that name). */
static bool is_string_class(const hli_vctx *c, const hli_type *t) {
    uint32_t n;
    return t->kind == HOBJ && strcmp(hli_module_string(c->m, t->u.obj->name, &n), "String") == 0 && n == 6;
}

/* Natives make Strings and read them as {bytes at 8, length at 16} (HashLink's vstring): the class
 * named String must have that layout, its first two fields bytes and i32 with no superclass, or a
 * native would write past a smaller object or read a length where there is none. */
static bool check_string_class(hli_vctx *c, const hli_type *t) {
    const hli_type_obj *o = t->u.obj;
    if (o->super == NULL && o->nfields >= 2 && o->fields[0].type->kind == HBYTES && o->fields[1].type->kind == HI32)
        return true;
    char b[HLI_VT_STR];
    return hli_vfail_module(c, HLI_VR_STRING_CLASS, "type %u (%s): the class String must start with the fields "
                            "bytes and i32 and have no superclass", (unsigned)t->index, tname(c, t, b));
}

/* A String constant (hl-spec.md 1.11) becomes a String whose length natives trust to bound its
 * characters: it must be the UTF-16 length of its string (as genhl writes it). The loader has checked
 * the indexes and that the string is UTF-8. */
static bool check_constants(hli_vctx *c) {
    const hli_module *m = c->m;
    for (uint32_t i = 0; i < m->nconstants; i++) {
        const hli_constant *k = &m->constants[i];
        const hli_type *t = m->globals[k->global];
        if (!is_string_class(c, t) || k->nfields < 2)
            continue;
        uint32_t n;
        const char *s = hli_module_string(m, k->fields[0], &n);
        size_t units = hli_utf8_to_utf16(s, n, NULL);
        int32_t length = m->ints[k->fields[1]];
        if (length < 0 || (size_t)length != units)
            return hli_vfail_module(c, HLI_VR_CONST_STRING, "constant %u: a String of length %ld for string %u, "
                                    "which has %zu UTF-16 units", (unsigned)i, (long)length,
                                    (unsigned)k->fields[0], units);
    }
    return true;
}

bool hli_verify_classes(hli_vctx *c, uint8_t *seen) {
    for (uint32_t i = 0; i < c->m->ntypes; i++) {
        const hli_type *t = &c->m->types[i];
        if ((t->kind == HOBJ || t->kind == HSTRUCT) && !check_class_name(c, t, seen))
            return false;
    }
    for (uint32_t i = 0; i < c->m->ntypes; i++) {
        const hli_type *t = &c->m->types[i];
        if (t->kind == HENUM && !check_class_global(c, t, t->u.tenum->global))
            return false;
        if (t->kind != HOBJ && t->kind != HSTRUCT)
            continue;
        if (!check_class_global(c, t, t->u.obj->global))
            return false;
        if (!check_protos(c, t) || !check_bindings(c, t))
            return false;
        if (is_string_class(c, t) && !check_string_class(c, t))
            return false;
    }
    return check_constants(c);
}
