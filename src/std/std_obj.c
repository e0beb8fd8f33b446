/* Natives of objects and dynamic values (hl-spec.md 8.1 "Objects, reflection, dynamic values"): thin
 * adapters from the native calling convention to the runtime object model (src/rt). */
#include <math.h>

#include "rt/rt.h"
#include "std/natives.h"
#include "std/std_families.h"

#define ARG_P(i) (args[i].p)

static hli_status n_alloc_obj(hli_thread *th, hli_reg *args, hli_reg *ret) {
    hli_type *t = ARG_P(0);
    if (t == NULL || (t->kind != HOBJ && t->kind != HSTRUCT))
        return hli_throw_error(th, "alloc_obj: not an object type");
    ret->p = hli_alloc_obj(th, t);
    return ret->p != NULL ? HLI_OK : HLI_EXC;
}

static hli_status n_obj_get_field(hli_thread *th, hli_reg *args, hli_reg *ret) {
    vdynamic *v = NULL;
    hli_status st = hli_obj_get_field(th, ARG_P(0), args[1].i, &v);
    ret->p = v;
    return st;
}

static hli_status n_obj_set_field(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    return hli_obj_set_field(th, ARG_P(0), args[1].i, ARG_P(2));
}

static hli_status n_obj_has_field(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i64 = hli_obj_has_field(ARG_P(0), args[1].i);
    return HLI_OK;
}

static hli_status n_obj_delete_field(hli_thread *th, hli_reg *args, hli_reg *ret) {
    bool deleted = false;
    hli_status st = hli_obj_delete_field(th, ARG_P(0), args[1].i, &deleted);
    ret->i64 = deleted;
    return st;
}

static hli_status n_obj_fields(hli_thread *th, hli_reg *args, hli_reg *ret) {
    varray *a = NULL;
    hli_status st = hli_obj_fields(th, ARG_P(0), &a);
    ret->p = a;
    return st;
}

static hli_status n_obj_copy(hli_thread *th, hli_reg *args, hli_reg *ret) {
    vdynamic *v = NULL;
    hli_status st = hli_obj_copy(th, ARG_P(0), &v);
    ret->p = v;
    return st;
}

static hli_status n_get_virtual_value(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    vdynamic *v = ARG_P(0);
    ret->p = v != NULL && v->t->kind == HVIRTUAL ? ((vvirtual *)v)->value : NULL;
    return HLI_OK;
}

static hli_status n_value_cast(hli_thread *th, hli_reg *args, hli_reg *ret) {
    vdynamic *v = NULL;
    hli_status st = hli_value_cast(th, ARG_P(0), ARG_P(1), &v);
    ret->p = v;
    return st;
}

static hli_status n_dyn_compare(hli_thread *th, hli_reg *args, hli_reg *ret) {
    int32_t c = 0;
    hli_status st = hli_dyn_compare(th, ARG_P(0), ARG_P(1), &c);
    ret->i = c;
    return st;
}

static hli_status n_ptr_compare(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    uintptr_t a = (uintptr_t)ARG_P(0), b = (uintptr_t)ARG_P(1);
    ret->i = a == b ? 0 : a > b ? 1 : -1;
    return HLI_OK;
}

/* A dynamic operand of dyn_op as a double (numbers and bools only). */
static bool dyn_number(const vdynamic *v, double *out) {
    switch (v->t->kind) {
    case HUI8: *out = v->v.ui8; return true;
    case HUI16: *out = v->v.ui16; return true;
    case HI32: *out = v->v.i; return true;
    case HI64: *out = (double)v->v.i64; return true;
    case HF32: *out = v->v.f; return true;
    case HF64: *out = v->v.d; return true;
    case HBOOL: *out = v->v.b; return true;
    default: return false;
    }
}

static int32_t to_int(double d) { return (d > -2147483649.0 && d < 2147483648.0) ? (int32_t)d : INT32_MIN; }

/* dyn_op(op, a, b): arithmetic on Dynamic operands, emitted by genhl for `- * % / << >> >>> & | ^`.
 * add/sub/mul/div/mod in f64, the bit operations in i32 (hl-spec.md 8.1). */
static hli_status n_dyn_op(hli_thread *th, hli_reg *args, hli_reg *ret) {
    static const char *const names[] = {"+", "-", "*", "%", "/", "<<", ">>", ">>>", "&", "|", "^"};
    int32_t op = args[0].i;
    vdynamic *a = ARG_P(1), *b = ARG_P(2);
    if (op < 0 || op > 10)
        return hli_throw_error(th, "Invalid dyn op %d", op);
    if (a == NULL && b == NULL) {
        if (op == 3 || op == 4) {
            double nan = NAN;
            return hli_make_dyn(th, &nan, HLI_T(f64), (vdynamic **)&ret->p);
        }
        ret->p = NULL;
        return HLI_OK;
    }
    double x = 0, y = 0;
    if ((a != NULL && !dyn_number(a, &x)) || (b != NULL && !dyn_number(b, &y))) {
        char ta[64], tb[64];
        hli_rt_type_str(th->vm, a ? a->t : HLI_T(void), ta, sizeof ta);
        hli_rt_type_str(th->vm, b ? b->t : HLI_T(void), tb, sizeof tb);
        return hli_throw_error(th, "Can't perform dyn op %s %s %s", ta, names[op], tb);
    }
    if (op <= 4) {
        double r = op == 0 ? x + y : op == 1 ? x - y : op == 2 ? x * y : op == 3 ? fmod(x, y) : x / y;
        return hli_make_dyn(th, &r, HLI_T(f64), (vdynamic **)&ret->p);
    }
    uint32_t ix = (uint32_t)to_int(x), iy = (uint32_t)to_int(y), r;
    switch (op) {
    case 5: r = ix << (iy & 31); break;
    case 6: r = (uint32_t)((int32_t)ix < 0 ? ~(~(int32_t)ix >> (iy & 31)) : (int32_t)ix >> (iy & 31)); break;
    case 7: r = ix >> (iy & 31); break;
    case 8: r = ix & iy; break;
    case 9: r = ix | iy; break;
    default: r = ix ^ iy; break;
    }
    int32_t ri = (int32_t)r;
    return hli_make_dyn(th, &ri, HLI_T(i32), (vdynamic **)&ret->p);
}

const hli_native_def hli_std_obj_natives[] = {
    {"std", "alloc_obj", "PT_D", n_alloc_obj},
    {"std", "obj_get_field", "PDi_D", n_obj_get_field},
    {"std", "obj_set_field", "PDiD_v", n_obj_set_field},
    {"std", "obj_has_field", "PDi_b", n_obj_has_field},
    {"std", "obj_delete_field", "PDi_b", n_obj_delete_field},
    {"std", "obj_fields", "PD_A", n_obj_fields},
    {"std", "obj_copy", "PD_D", n_obj_copy},
    {"std", "get_virtual_value", "PD_D", n_get_virtual_value},
    {"std", "value_cast", "PDT_D", n_value_cast},
    {"std", "dyn_compare", "PDD_i", n_dyn_compare},
    {"std", "ptr_compare", "PDD_i", n_ptr_compare},
    {"std", "dyn_op", "PiDD_D", n_dyn_op},
    {NULL, NULL, NULL, NULL},
};
