/* Dynamic field access (hl-spec.md 5.2), casts (5.5), virtual views and dynobj coherence (5.3, 4.8),
 * dynamic calls, wrappers and var-args closures (5.4), the closure natives, the error messages of 7.1,
 * and the collector's tracing of every value kind (a graph that must survive collections intact). */
#include <math.h>
#include <string.h>

#include "rt_testmod.h"

static rth h;
static rtm m;

static void *keep(int i, void *v) {
    h.extra_roots[i] = v;
    return v;
}

static void clear_roots(void) { memset(h.extra_roots, 0, sizeof h.extra_roots); }

#define EXC(expr, msg)                                                                   \
    do {                                                                                 \
        hli_status st_ = (expr);                                                         \
        const char *e_ = rth_exc(&h);                                                    \
        CHECK(st_ == HLI_EXC && strcmp(e_, msg) == 0, "%s: status %d, \"%s\"", #expr, (int)st_, e_); \
    } while (0)

#define OK(expr) CHECK((expr) == HLI_OK, "%s threw \"%s\"", #expr, rth_exc(&h))

static int32_t H(const char *name) { return rth_hash(&h, name); }

static void test_object_access(void) {
    vobj *p = keep(0, rtm_point(&h, &m, 3, 2.75, "pt"));
    hli_reg r;
    OK(hli_dyn_get(h.th, (vdynamic *)p, H("x"), HLI_T(f64), &r));
    CHECK(r.d == 3.0, "x as Float: %g", r.d);
    OK(hli_dyn_get(h.th, (vdynamic *)p, H("y"), HLI_T(i32), &r));
    CHECK(r.i == 2, "y as Int: %d", r.i);
    OK(hli_dyn_get(h.th, (vdynamic *)p, H("y"), HLI_T(dyn), &r));
    CHECK(r.p != NULL && ((vdynamic *)r.p)->t->kind == HF64 && ((vdynamic *)r.p)->v.d == 2.75, "y as Dynamic");
    OK(hli_dyn_get(h.th, (vdynamic *)p, H("name"), rth_type(&h, m.String), &r));
    CHECK(r.p == *(void **)((char *)p + 24), "name");
    /* missing fields read as 0/null, no error */
    OK(hli_dyn_get(h.th, (vdynamic *)p, H("missing"), HLI_T(dyn), &r));
    CHECK(r.p == NULL, "missing -> null");
    OK(hli_dyn_get(h.th, (vdynamic *)p, H("missing"), HLI_T(i32), &r));
    CHECK(r.i == 0, "missing -> 0");
    /* a method reads as a closure bound to the object */
    OK(hli_dyn_get(h.th, (vdynamic *)p, H("mul"), HLI_T(dyn), &r));
    vclosure *c = keep(1, r.p);
    CHECK(c != NULL && c->hasValue == 1 && c->value == p && c->t->u.fun->nargs == 1, "method closure");
    vdynamic *arg = keep(2, rtm_int(&h, 5)), *ret = NULL;
    OK(hli_dyn_call(h.th, c, &arg, 1, &ret));
    CHECK(ret != NULL && ret->t->kind == HI32 && ret->v.i == 15, "call bound method: %d", ret ? ret->v.i : -1);
    /* writes convert to the field's type */
    r.d = 7.9;
    OK(hli_dyn_set(h.th, (vdynamic *)p, H("x"), HLI_T(f64), &r));
    CHECK(*(int32_t *)((char *)p + 8) == 7, "x = 7.9 -> 7");
    r.p = rtm_int(&h, 4);
    OK(hli_dyn_set(h.th, (vdynamic *)p, H("y"), HLI_T(dyn), &r));
    CHECK(*(double *)((char *)p + 16) == 4.0, "y = Dynamic 4");
    EXC(hli_dyn_set(h.th, (vdynamic *)p, H("missing"), HLI_T(i32), &r), "Point does not have field missing");
    r.p = rth_string(&h, "s");
    EXC(hli_dyn_set(h.th, (vdynamic *)p, H("x"), rth_type(&h, m.String), &r), "Can't cast String to i32");
    EXC(hli_dyn_get(h.th, NULL, H("x"), HLI_T(i32), &r), "Null access");
    r.p = rtm_int(&h, 1);
    EXC(hli_dyn_get(h.th, r.p, H("x"), HLI_T(i32), &r), "Invalid field access");
    /* inherited fields, __get_field */
    vobj *sub = keep(3, hli_alloc_obj(h.th, rth_type(&h, m.Sub)));
    r.i = 9;
    OK(hli_dyn_set(h.th, (vdynamic *)sub, H("x"), HLI_T(i32), &r));
    OK(hli_dyn_get(h.th, (vdynamic *)sub, H("x"), HLI_T(i32), &r));
    CHECK(r.i == 9, "inherited field");
    vobj *holder = keep(4, hli_alloc_obj(h.th, rth_type(&h, m.Holder)));
    OK(hli_dyn_get(h.th, (vdynamic *)holder, H("anything"), HLI_T(i32), &r));
    CHECK(r.i == H("anything"), "__get_field");
    /* obj_* natives */
    CHECK(hli_obj_has_field((vdynamic *)sub, H("x")) && hli_obj_has_field((vdynamic *)sub, H("extra")) &&
              !hli_obj_has_field((vdynamic *)sub, H("mul")),
          "has_field: data fields only");
    varray *names;
    OK(hli_obj_fields(h.th, (vdynamic *)sub, &names));
    CHECK(names != NULL && names->size == 4 && strcmp(rth_u8(hli_aptr(names, hli_uchar *)[0]), "extra") == 0 &&
              strcmp(rth_u8(hli_aptr(names, hli_uchar *)[1]), "x") == 0 &&
              strcmp(rth_u8(hli_aptr(names, hli_uchar *)[3]), "name") == 0,
          "obj_fields: own then parent's");
    vdynamic *copy;
    OK(hli_obj_copy(h.th, (vdynamic *)sub, &copy));
    CHECK(copy == NULL, "obj_copy of a class instance is null");
    vdynamic *got;
    OK(hli_obj_get_field(h.th, (vdynamic *)p, H("x"), &got));
    CHECK(got != NULL && got->v.i == 7, "obj_get_field");
    OK(hli_obj_set_field(h.th, (vdynamic *)p, H("x"), NULL));
    CHECK(*(int32_t *)((char *)p + 8) == 0, "obj_set_field null -> 0");
    EXC(hli_obj_set_field(h.th, NULL, H("x"), NULL), "Null access");
    clear_roots();
}

static void test_dynobj_views(void) {
    vdynobj *o = keep(0, hli_alloc_dynobj(h.th));
    hli_reg r;
    r.i = 1;
    OK(hli_dyn_set(h.th, (vdynamic *)o, H("x"), HLI_T(i32), &r));
    r.d = 2.5;
    OK(hli_dyn_set(h.th, (vdynamic *)o, H("y"), HLI_T(f64), &r));
    vvirtual *v;
    OK(hli_to_virtual(h.th, rth_type(&h, m.Vxy), (vdynamic *)o, &v));
    keep(1, v);
    CHECK(v->value == (vdynamic *)o && o->virtuals == v && hli_vfields(v)[0] != NULL && hli_vfields(v)[1] != NULL,
          "view of dynobj");
    vvirtual *again;
    OK(hli_to_virtual(h.th, rth_type(&h, m.Vxy), (vdynamic *)o, &again));
    CHECK(again == v, "views are shared per virtual type");
    /* writes through the view are seen by the object, and the other way round */
    *(int32_t *)hli_vfields(v)[0] = 7;
    OK(hli_dyn_get(h.th, (vdynamic *)o, H("x"), HLI_T(i32), &r));
    CHECK(r.i == 7, "view -> object");
    r.i = 8;
    OK(hli_dyn_set(h.th, (vdynamic *)o, H("x"), HLI_T(i32), &r));
    CHECK(*(int32_t *)hli_vfields(v)[0] == 8, "object -> view");
    /* adding fields reallocates the storage: the view follows */
    for (int i = 0; i < 40; i++) {
        char name[16];
        snprintf(name, sizeof name, "f%d", i);
        if (i % 2) {
            r.p = rth_string(&h, name);
            keep(2, r.p);
            OK(hli_dyn_set(h.th, (vdynamic *)o, H(name), rth_type(&h, m.String), &r));
        } else {
            r.i = i;
            OK(hli_dyn_set(h.th, (vdynamic *)o, H(name), HLI_T(i32), &r));
        }
    }
    CHECK(*(int32_t *)hli_vfields(v)[0] == 8 && *(double *)hli_vfields(v)[1] == 2.5, "view after growth");
    OK(hli_dyn_get(h.th, (vdynamic *)v, H("f7"), rth_type(&h, m.String), &r));
    CHECK(r.p != NULL && strcmp(rth_u8(((vstring *)r.p)->bytes), "f7") == 0, "get through the view");
    /* retyping x to a pointer type detaches the view slot; deleting clears it */
    bool del;
    OK(hli_obj_delete_field(h.th, (vdynamic *)o, H("y"), &del));
    CHECK(del && hli_vfields(v)[1] == NULL && !hli_obj_has_field((vdynamic *)o, H("y")), "delete");
    OK(hli_dyn_get(h.th, (vdynamic *)o, H("f8"), HLI_T(i32), &r));
    CHECK(r.i == 8, "raw data compacted correctly after delete");
    r.d = 1.25;
    OK(hli_dyn_set(h.th, (vdynamic *)o, H("y"), HLI_T(f64), &r));
    CHECK(hli_vfields(v)[1] != NULL && *(double *)hli_vfields(v)[1] == 1.25, "re-added field reattached");
    varray *names;
    OK(hli_obj_fields(h.th, (vdynamic *)o, &names));
    CHECK(names->size == 42 && strcmp(rth_u8(hli_aptr(names, hli_uchar *)[0]), "x") == 0 &&
              strcmp(rth_u8(hli_aptr(names, hli_uchar *)[41]), "y") == 0,
          "insertion order kept");
    /* a view whose field type differs: the dynobj field is re-set with the view's type (first view only) */
    vdynobj *o2 = keep(3, hli_alloc_dynobj(h.th));
    r.i = 3;
    OK(hli_dyn_set(h.th, (vdynamic *)o2, H("x"), HLI_T(i32), &r));
    vvirtual *vf;
    OK(hli_to_virtual(h.th, rth_type(&h, m.Vxf), (vdynamic *)o2, &vf));
    keep(4, vf);
    CHECK(hli_vfields(vf)[0] != NULL && *(double *)hli_vfields(vf)[0] == 3.0 && o2->lookup[0].t->kind == HF64,
          "recast Int field to Float");
    /* value-less virtuals: stored in place; an unknown field turns them into dynobj-backed ones */
    vvirtual *nv = keep(5, hli_alloc_virtual(h.th, rth_type(&h, m.Vab)));
    r.i = 1;
    OK(hli_dyn_set(h.th, (vdynamic *)nv, H("a"), HLI_T(i32), &r));
    CHECK(nv->value == NULL && *(int32_t *)hli_vfields(nv)[0] == 1, "in place");
    r.i = 5;
    OK(hli_dyn_set(h.th, (vdynamic *)nv, H("c"), HLI_T(i32), &r));
    CHECK(nv->value != NULL && nv->value->t->kind == HDYNOBJ && *(int32_t *)hli_vfields(nv)[0] == 1, "make_value");
    OK(hli_dyn_get(h.th, (vdynamic *)nv, H("c"), HLI_T(i32), &r));
    CHECK(r.i == 5, "new field through the view");
    OK(hli_dyn_get(h.th, nv->value, H("a"), HLI_T(i32), &r));
    CHECK(r.i == 1, "old field in the dynobj");
    *(int32_t *)hli_vfields(nv)[1] = 6;
    OK(hli_dyn_get(h.th, nv->value, H("b"), HLI_T(i32), &r));
    CHECK(r.i == 6, "view slots repointed into the dynobj");
    /* obj_copy of a dynobj */
    vdynamic *copy;
    OK(hli_obj_copy(h.th, (vdynamic *)o2, &copy));
    keep(6, copy);
    OK(hli_dyn_get(h.th, copy, H("x"), HLI_T(f64), &r));
    CHECK(r.d == 3.0 && ((vdynobj *)copy)->virtuals == NULL, "obj_copy");
    clear_roots();
}

static void test_object_views(void) {
    vobj *p = keep(0, rtm_point(&h, &m, 6, 0.5, NULL));
    vvirtual *v;
    OK(hli_to_virtual(h.th, rth_type(&h, m.Vxy), (vdynamic *)p, &v));
    keep(1, v);
    CHECK(v->value == (vdynamic *)p && hli_vfields(v)[0] == (char *)p + 8 && hli_vfields(v)[1] == (char *)p + 16,
          "object view maps fields");
    vvirtual *vf;
    OK(hli_to_virtual(h.th, rth_type(&h, m.Vxf), (vdynamic *)p, &vf));
    CHECK(hli_vfields(vf)[0] == NULL, "field of another type is not mapped");
    vvirtual *vm;
    OK(hli_to_virtual(h.th, rth_type(&h, m.Vpt), (vdynamic *)p, &vm));
    CHECK(hli_vfields(vm)[0] == &h.p->fns[m.f_ptmul] && hli_vfields(vm)[1] == (char *)p + 8, "method slot");
    /* interface -> class */
    hli_reg r;
    r.p = v;
    hli_reg out;
    OK(hli_dyn_cast(h.th, &r, rth_type(&h, m.Vxy), rth_type(&h, m.Point), &out));
    CHECK(out.p == p, "virtual -> object");
    EXC(hli_dyn_cast(h.th, &r, rth_type(&h, m.Vxy), rth_type(&h, m.Pt2), &out), "Can't cast Point to Pt2");
    /* dyn_call_obj: a method of an object, through a virtual */
    hli_reg args[1], ret;
    args[0].i = 7;
    OK(hli_dyn_call_obj(h.th, (vdynamic *)p, rth_type(&h, m.tfun_ii), H("mul"), args, 1, &ret));
    CHECK(ret.i == 42, "dyn_call_obj method: %d", ret.i);
    EXC(hli_dyn_call_obj(h.th, (vdynamic *)p, rth_type(&h, m.tfun_ii), H("x"), args, 1, &ret),
        "Field x is of type i32 and cannot be called");
    EXC(hli_dyn_call_obj(h.th, (vdynamic *)p, rth_type(&h, m.tfun_ii), H("nope"), args, 1, &ret),
        "Point has no method nope");
    clear_roots();
}

static void test_casts(void) {
    hli_reg r, out;
    r.i = 5;
    EXC(hli_dyn_cast(h.th, &r, HLI_T(i32), rth_type(&h, m.String), &out), "Can't cast i32 to String");
    r.p = keep(0, rth_string(&h, "5"));
    EXC(hli_dyn_cast(h.th, &r, HLI_T(dyn), HLI_T(i32), &out), "Can't cast String to i32");
    EXC(hli_dyn_cast(h.th, &r, HLI_T(dyn), HLI_T(f64), &out), "Can't cast String to f64");
    double nan = NAN, big = 1e10, neg = -1.5;
    OK(hli_dyn_cast(h.th, &nan, HLI_T(f64), HLI_T(i32), &out));
    CHECK(out.i == INT32_MIN, "NaN -> INT_MIN");
    OK(hli_dyn_cast(h.th, &big, HLI_T(f64), HLI_T(i32), &out));
    CHECK(out.i == INT32_MIN, "1e10 -> INT_MIN");
    OK(hli_dyn_cast(h.th, &neg, HLI_T(f64), HLI_T(i32), &out));
    CHECK(out.i == -1, "-1.5 -> -1");
    r.p = NULL;
    OK(hli_dyn_cast(h.th, &r, HLI_T(dyn), HLI_T(i32), &out));
    CHECK(out.i == 0, "null -> 0");
    OK(hli_dyn_cast(h.th, &r, HLI_T(dyn), rth_type(&h, m.Point), &out));
    CHECK(out.p == NULL, "null -> null");
    /* Null<T> boxing */
    r.i = 300;
    OK(hli_dyn_cast(h.th, &r, HLI_T(i32), rth_type(&h, m.Ni32), &out));
    CHECK(out.p != NULL && ((vdynamic *)out.p)->v.i == 300 && ((vdynamic *)out.p)->t->kind == HI32, "i32 -> Null<i32>");
    OK(hli_dyn_cast(h.th, &r, HLI_T(i32), rth_type(&h, m.Nf64), &out));
    CHECK(out.p != NULL && ((vdynamic *)out.p)->v.d == 300.0 && ((vdynamic *)out.p)->t->kind == HF64, "i32 -> Null<f64>");
    r.p = keep(1, rtm_float(&h, 2.9));
    OK(hli_dyn_cast(h.th, &r, HLI_T(dyn), rth_type(&h, m.Ni32), &out));
    CHECK(out.p != NULL && ((vdynamic *)out.p)->v.i == 2 && ((vdynamic *)out.p)->t->kind == HI32, "Float -> Null<i32>");
    OK(hli_dyn_cast(h.th, &r, rth_type(&h, m.Nf64), HLI_T(dyn), &out));
    CHECK(out.p == r.p, "Null<f64> -> Dynamic keeps the box");
    /* Ref<T> */
    r.i = 12;
    OK(hli_dyn_cast(h.th, &r, HLI_T(i32), rth_type(&h, m.Ri32), &out));
    CHECK(out.p != NULL && *(int32_t *)out.p == 12, "i32 -> ref<i32>");
    /* subclasses */
    r.p = keep(2, hli_alloc_obj(h.th, rth_type(&h, m.Sub)));
    OK(hli_dyn_cast(h.th, &r, rth_type(&h, m.Sub), rth_type(&h, m.Point), &out));
    CHECK(out.p == r.p, "Sub -> Point");
    r.p = keep(3, rtm_point(&h, &m, 0, 0, NULL));
    EXC(hli_dyn_cast(h.th, &r, rth_type(&h, m.Point), rth_type(&h, m.Sub), &out), "Can't cast Point to Sub");
    /* value_cast and write_dyn */
    vdynamic *vc;
    EXC(hli_value_cast(h.th, r.p, rth_type(&h, m.Sub), &vc), "Can't cast Point to Sub");
    OK(hli_value_cast(h.th, r.p, HLI_T(dyn), &vc));
    CHECK(vc == r.p, "value_cast to dyn");
    uint8_t slot[8] = {0};
    vdynamic *t = keep(4, hli_dyn_bool(true));
    OK(hli_write_dyn(h.th, slot, HLI_T(bool), t, false));
    CHECK(slot[0] == 1, "write_dyn bool");
    clear_roots();
}

static void test_calls(void) {
    vclosure *add = keep(0, rtm_fun(&h, m.f_add));
    vdynamic *args[10], *ret;
    args[0] = keep(1, rtm_int(&h, 2));
    args[1] = keep(2, rtm_float(&h, 3.9));
    OK(hli_dyn_call(h.th, add, args, 2, &ret));
    CHECK(ret != NULL && ret->v.i == 5, "args converted: 2 + (int)3.9");
    args[2] = args[1];
    OK(hli_dyn_call(h.th, add, args, 3, &ret));
    CHECK(ret != NULL && ret->v.i == 5, "extra arguments ignored");
    EXC(hli_dyn_call(h.th, add, args, 1, &ret), "Missing arguments : 2 expected but 1 passed");
    for (int i = 0; i < 10; i++)
        args[i] = NULL;
    EXC(hli_dyn_call(h.th, add, args, 10, &ret), "Too many arguments");
    args[0] = args[1] = NULL;
    OK(hli_dyn_call(h.th, add, args, 2, &ret));
    CHECK(ret != NULL && ret->v.i == 0, "null arguments -> 0");
    /* bound closures: call_method refuses them, dyn_call re-inserts the value */
    vobj *p = keep(1, rtm_point(&h, &m, 4, 0, NULL));
    vclosure *b = keep(2, hli_alloc_bound_closure(h.th, &h.p->fns[m.f_ptmul], p));
    args[0] = keep(3, rtm_int(&h, 3));
    OK(hli_dyn_call(h.th, b, args, 1, &ret));
    CHECK(ret != NULL && ret->v.i == 12, "bound call");
    EXC(hli_call_method(h.th, b, args, 1, &ret), "Can't call closure with value");
    vclosure *nc;
    OK(hli_no_closure(h.th, b, &nc));
    keep(15, nc);
    CHECK(nc != NULL && nc->hasValue == 0 && nc->t == h.p->fns[m.f_ptmul].type, "no_closure");
    vdynamic *cv;
    OK(hli_get_closure_value(h.th, b, &cv));
    CHECK(cv == (vdynamic *)p, "get_closure_value");
    vclosure *rb;
    OK(hli_make_closure(h.th, nc, (vdynamic *)p, &rb));
    CHECK(rb != NULL && rb->value == p && rb->hasValue == 1, "make_closure");
    OK(hli_make_closure(h.th, nc, args[0], &rb));
    CHECK(rb == NULL, "make_closure with a value of the wrong type");
    /* wrappers: (i32) -> i32 seen as (dyn) -> dyn */
    vclosure *add1 = keep(4, rtm_fun(&h, m.f_add1)), *w;
    OK(hli_make_fun_wrapper(h.th, add1, rth_type(&h, m.tfun_dd), &w));
    keep(5, w);
    CHECK(w != NULL && w->hasValue == 2 && ((vclosure_wrapper *)w)->wrappedFun == add1, "wrapper");
    hli_reg wa[1], wr;
    wa[0].p = keep(6, rtm_float(&h, 41.5));
    OK(hli_wrapper_call(h.th, (vclosure_wrapper *)w, wa, 1, &wr));
    CHECK(wr.p != NULL && ((vdynamic *)wr.p)->t->kind == HI32 && ((vdynamic *)wr.p)->v.i == 42, "wrapper call");
    OK(hli_make_fun_wrapper(h.th, add1, rth_type(&h, m.tfun_iii), &w));
    CHECK(w == NULL, "arity mismatch: no wrapper");
    hli_reg fr, fo;
    fr.p = add1;
    OK(hli_dyn_cast(h.th, &fr, rth_type(&h, m.tfun_ii), rth_type(&h, m.tfun_dd), &fo));
    CHECK(fo.p != NULL && ((vclosure *)fo.p)->hasValue == 2, "fun -> fun cast makes a wrapper");
    EXC(hli_dyn_cast(h.th, &fr, rth_type(&h, m.tfun_ii), rth_type(&h, m.tfun_iii), &fo),
        "Can't cast (i32 (i32)) to (i32 (i32,i32))");
    /* var-args */
    vclosure *real = keep(7, rtm_fun(&h, m.f_varargs));
    vclosure *va = keep(8, hli_make_var_args(h.th, real));
    CHECK(hli_closure_is_var_args(va), "var-args recognised");
    args[0] = keep(9, rtm_int(&h, 5));
    args[1] = keep(10, rtm_int(&h, 6));
    args[2] = NULL;
    OK(hli_dyn_call(h.th, va, args, 3, &ret));
    CHECK(ret != NULL && ret->v.i == 3011, "var-args dyn_call: %d", ret ? ret->v.i : -1);
    OK(hli_make_fun_wrapper(h.th, va, rth_type(&h, m.tfun_iii), &w));
    keep(11, w);
    hli_reg ta[2];
    ta[0].i = 1;
    ta[1].i = 2;
    OK(hli_wrapper_call(h.th, (vclosure_wrapper *)w, ta, 2, &wr));
    CHECK(wr.i == 2003, "var-args through a typed wrapper: %d", wr.i);
    OK(hli_get_closure_value(h.th, va, &cv));
    CHECK(cv == NULL, "var-args closure has no value");
    /* dyn_call_obj on a dynobj closure field */
    vdynobj *o = keep(12, hli_alloc_dynobj(h.th));
    hli_reg r;
    r.p = add;
    OK(hli_dyn_set(h.th, (vdynamic *)o, H("f"), rth_type(&h, m.tfun_iii), &r));
    hli_reg ca[2], cr;
    ca[0].p = keep(13, rtm_int(&h, 20));
    ca[1].p = keep(14, rtm_int(&h, 22));
    EXC(hli_dyn_call_obj(h.th, (vdynamic *)o, rth_type(&h, m.tfun_dd), H("f"), ca, 1, &cr),
        "Missing arguments : 2 expected but 1 passed");
    hli_type *dd2 = rth_type(&h, m.tfun_iii);
    ca[0].i = 20;
    ca[1].i = 22;
    OK(hli_dyn_call_obj(h.th, (vdynamic *)o, dd2, H("f"), ca, 2, &cr));
    CHECK(cr.i == 42, "dynobj closure field call");
    EXC(hli_dyn_call_obj(h.th, (vdynamic *)o, dd2, H("g"), ca, 2, &cr), "dynobj has no method g");
    clear_roots();
}

/* A graph holding every traced kind, reachable from one root, survives collections intact. */
static void test_gc(void) {
    hli_gc_stats before, after;
    varray *root = keep(0, hli_alloc_array(h.th, HLI_T(dyn), 12));
    for (int round = 0; round < 3; round++) {
        vstring *s = keep(1, rth_string(&h, "payload"));
        venum *e = hli_alloc_enum(h.th, rth_type(&h, m.Color), 1);
        *(vstring **)((char *)e + 24) = s;
        hli_aptr(root, void *)[0] = e;
        vobj *p = rtm_point(&h, &m, 1, 2, "in object");
        hli_aptr(root, void *)[1] = p;
        vdynobj *o = hli_alloc_dynobj(h.th);
        hli_aptr(root, void *)[2] = o;
        hli_reg r;
        r.p = rth_string(&h, "in dynobj");
        keep(2, r.p);
        hli_dyn_set(h.th, (vdynamic *)o, H("s"), rth_type(&h, m.String), &r);
        vvirtual *vv;
        hli_to_virtual(h.th, rth_type(&h, m.Vxy), (vdynamic *)o, &vv);
        vvirtual *nv = hli_alloc_virtual(h.th, rth_type(&h, m.Vab));
        hli_aptr(root, void *)[3] = nv;
        /* arguments must be rooted by the caller: the allocation may collect */
        vclosure *bc = hli_alloc_bound_closure(h.th, &h.p->fns[m.f_ptmul], keep(2, rtm_point(&h, &m, 5, 0, "bound")));
        hli_aptr(root, void *)[4] = bc;
        vclosure *w;
        hli_make_fun_wrapper(h.th, keep(2, rtm_fun(&h, m.f_add1)), rth_type(&h, m.tfun_dd), &w);
        hli_aptr(root, void *)[5] = w;
        vdynamic *bytes = hli_alloc_box(h.th, HLI_T(bytes));
        hli_aptr(root, void *)[6] = bytes;
        bytes->v.bytes = (uint8_t *)rth_string(&h, "in bytes box")->bytes;
        varray *strs = hli_alloc_array(h.th, rth_type(&h, m.String), 2);
        hli_aptr(root, void *)[7] = strs;
        hli_aptr(strs, void *)[1] = rth_string(&h, "in array");
        hli_aptr(root, void *)[8] = hli_make_var_args(h.th, keep(2, rtm_fun(&h, m.f_varargs)));
        h.extra_roots[1] = h.extra_roots[2] = NULL;
        /* garbage */
        for (int i = 0; i < 200; i++)
            rtm_point(&h, &m, i, i, "garbage");
        hli_gc_get_stats(h.vm->gc, &before);
        hli_gc_collect(h.vm->gc);
        hli_gc_collect(h.vm->gc);
        hli_gc_get_stats(h.vm->gc, &after);
        CHECK(after.live_bytes < before.live_bytes, "garbage freed: %zu -> %zu", before.live_bytes, after.live_bytes);
        /* everything reachable is intact */
        const char *got = rth_str(&h, (vdynamic *)root);
        CHECK(strstr(got, "Rgb(0,0,payload)") != NULL && strstr(got, "s : in dynobj") != NULL &&
                  strstr(got, "{a : 0, b : 0}") != NULL && strstr(got, "in bytes box") != NULL &&
                  strstr(got, "[null, in array]") != NULL,
              "graph after collection: %s", got);
        CHECK(strcmp(rth_u8(((vstring *)*(void **)((char *)p + 24))->bytes), "in object") == 0, "object field");
        vclosure *c = hli_aptr(root, vclosure *)[4];
        CHECK(*(int32_t *)((char *)c->value + 8) == 5 &&
                  strcmp(rth_u8((*(vstring **)((char *)c->value + 24))->bytes), "bound") == 0,
              "closure value");
        vclosure_wrapper *ww = hli_aptr(root, vclosure_wrapper *)[5];
        CHECK(ww->wrappedFun->fun == &h.p->fns[m.f_add1], "wrapped closure");
        CHECK(((vdynobj *)o)->virtuals == vv && vv->value == (vdynamic *)o, "views kept by their dynobj");
        CHECK(((vclosure *)hli_aptr(root, vclosure *)[8])->value != NULL &&
                  ((vclosure *)((vclosure *)hli_aptr(root, vclosure *)[8])->value)->fun == &h.p->fns[m.f_varargs],
              "var-args target");
    }
    clear_roots();
    hli_gc_collect(h.vm->gc);
    hli_gc_get_stats(h.vm->gc, &after);
    CHECK(after.live_bytes < 1024, "everything freed once unrooted: %zu bytes live", after.live_bytes);
}

int main(int argc, char **argv) {
    bool stress = argc > 1 && strcmp(argv[1], "--stress") == 0;
    hlb_builder *b;
    if (!rtm_open(&h, &m, &b, stress))
        return 1;
    test_object_access();
    test_dynobj_views();
    test_object_views();
    test_casts();
    test_calls();
    test_gc();
    CHECK(h.th->nroots == 0 && h.th->nranges == 0, "roots balanced: %u %u", h.th->nroots, h.th->nranges);
    rth_close(&h);
    hlb_free(b);
    if (rth_failures != 0) {
        fprintf(stderr, "%d check(s) failed\n", rth_failures);
        return 1;
    }
    printf("rt dynamic: all checks passed%s\n", stress ? " (GC stress)" : "");
    return 0;
}
