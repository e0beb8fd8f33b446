/* The shared rt test module (see rt_testmod.h). */
#include "rt_testmod.h"

#include <string.h>

/* String.__string: its bytes. */
static hli_status str_string(hli_thread *th, hli_reg *args, hli_reg *ret) {
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access .bytes");
    ret->p = ((vstring *)args[0].p)->bytes;
    return HLI_OK;
}

/* String.__compare(other:Dynamic): code unit difference, then length difference (hl-spec.md 5.7). */
static hli_status str_compare(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    vstring *a = args[0].p;
    vdynamic *b = args[1].p;
    if (b == NULL || b->t != a->t) {
        ret->i = (uintptr_t)a > (uintptr_t)b ? 1 : -1;
        return HLI_OK;
    }
    vstring *s = (vstring *)b;
    int32_t n = a->length < s->length ? a->length : s->length;
    for (int32_t i = 0; i < n; i++)
        if (a->bytes[i] != s->bytes[i]) {
            ret->i = (int32_t)a->bytes[i] - (int32_t)s->bytes[i];
            return HLI_OK;
        }
    ret->i = a->length - s->length;
    return HLI_OK;
}

static hli_status pt2_string(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    static const hli_uchar text[] = {'P', 't', '2', '!', 0};
    if ((ret->p = hli_alloc(th, sizeof text, HLI_GC_NOPTR)) == NULL)
        return HLI_EXC;
    memcpy(ret->p, text, sizeof text);
    return HLI_OK;
}

static hli_status add1(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i = args[0].i + 1;
    return HLI_OK;
}

static hli_status add(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i = args[0].i + args[1].i;
    return HLI_OK;
}

static hli_status fadd(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->d = args[0].d + 0.5;
    return HLI_OK;
}

/* (NativeArray<Dynamic>) -> Dynamic: the number of arguments plus the sum of the Int ones, boxed. */
static hli_status varargs(hli_thread *th, hli_reg *args, hli_reg *ret) {
    varray *a = args[0].p;
    int32_t sum = a->size * 1000;
    for (int32_t i = 0; i < a->size; i++) {
        vdynamic *d = hli_aptr(a, vdynamic *)[i];
        if (d != NULL && d->t->kind == HI32)
            sum += d->v.i;
    }
    return hli_make_dyn(th, &sum, HLI_T(i32), (vdynamic **)&ret->p);
}

/* Point.mul(k:Int):Int = x * k */
static hli_status ptmul(hli_thread *th, hli_reg *args, hli_reg *ret) {
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    ret->i = *(int32_t *)((char *)args[0].p + 8) * args[1].i;
    return HLI_OK;
}

/* Holder.__get_field(hash):Dynamic = the hash boxed */
static hli_status get_field(hli_thread *th, hli_reg *args, hli_reg *ret) {
    return hli_make_dyn(th, &args[1].i, HLI_T(i32), (vdynamic **)&ret->p);
}

/* () -> bytes: "dyn!" */
static hli_status dynstr(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    static const hli_uchar text[] = {'d', 'y', 'n', '!', 0};
    if ((ret->p = hli_alloc(th, sizeof text, HLI_GC_NOPTR)) == NULL)
        return HLI_EXC;
    memcpy(ret->p, text, sizeof text);
    return HLI_OK;
}

static hli_status boom(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args, (void)ret;
    return hli_throw_error(th, "boom");
}

const rth_native rtm_natives[] = {
    {"dynstr", dynstr},         {"boom", boom},
    {"str_string", str_string}, {"str_compare", str_compare}, {"pt2_string", pt2_string},
    {"add1", add1},             {"add", add},                 {"fadd", fadd},
    {"varargs", varargs},       {"ptmul", ptmul},             {"get_field", get_field},
    {NULL, NULL},
};

hlb_builder *rtm_build(rtm *m) {
    hlb_builder *b = hlb_minimal(4, false, &m->s);
    hlb_std *s = &m->s;
    m->String = hlb_type_obj(b, "String", -1, 0);
    hlb_obj_field(b, m->String, "bytes", s->tbytes);
    hlb_obj_field(b, m->String, "length", s->ti32);
    hlb_obj_proto(b, m->String, "__string",
                  hlb_add_native(b, "test", "str_string", hlb_type_fun(b, s->tbytes, 1, m->String), HLB_AUTO), -1);
    hlb_obj_proto(b, m->String, "__compare",
                  hlb_add_native(b, "test", "str_compare", hlb_type_fun(b, s->ti32, 2, m->String, s->tdyn), HLB_AUTO),
                  -1);
    m->Point = hlb_type_obj(b, "Point", -1, 0);
    hlb_obj_field(b, m->Point, "x", s->ti32);
    hlb_obj_field(b, m->Point, "y", s->tf64);
    hlb_obj_field(b, m->Point, "name", m->String);
    m->tfun_pt_ii = hlb_type_fun(b, s->ti32, 2, m->Point, s->ti32);
    m->f_ptmul = hlb_add_native(b, "test", "ptmul", m->tfun_pt_ii, HLB_AUTO);
    hlb_obj_proto(b, m->Point, "mul", m->f_ptmul, 0);
    m->Sub = hlb_type_obj(b, "Sub", m->Point, 0);
    hlb_obj_field(b, m->Sub, "extra", s->tdyn);
    m->Pt2 = hlb_type_obj(b, "Pt2", -1, 0);
    hlb_obj_proto(b, m->Pt2, "__string",
                  hlb_add_native(b, "test", "pt2_string", hlb_type_fun(b, s->tbytes, 1, m->Pt2), HLB_AUTO), -1);
    m->Holder = hlb_type_obj(b, "Holder", -1, 0);
    hlb_obj_field(b, m->Holder, "v", s->tdyn);
    hlb_obj_proto(b, m->Holder, "__get_field",
                  hlb_add_native(b, "test", "get_field", hlb_type_fun(b, s->tdyn, 2, m->Holder, s->ti32), HLB_AUTO), -1);
    m->Color = hlb_type_enum(b, "Color", 0);
    hlb_enum_construct(b, m->Color, "Red", 0);
    hlb_enum_construct(b, m->Color, "Rgb", 3, s->ti32, s->tf64, m->String);
    hlb_enum_construct(b, m->Color, "Rec", 1, m->Color);
    hlb_enum_construct(b, m->Color, "Any", 1, s->tdyn);
    m->Vab = hlb_type_virtual(b, 2, "a", s->ti32, "b", s->ti32);
    m->Vlx = hlb_type_virtual(b, 2, "length", s->ti32, "x", s->ti32);
    m->Vf = hlb_type_virtual(b, 2, "f", s->tf64, "i", s->ti32);
    m->Vxy = hlb_type_virtual(b, 2, "x", s->ti32, "y", s->tf64);
    m->Vxf = hlb_type_virtual(b, 1, "x", s->tf64);
    m->Vpt = hlb_type_virtual(b, 2, "mul", hlb_type_method(b, s->ti32, 1, s->ti32), "x", s->ti32);
    /* hl-spec.md 5.6 / oracle AnonPrinting: anonymous structure types list their fields by name */
    m->Vzeta = hlb_type_virtual(b, 5, "alpha", m->String, "mid", m->String, "x", s->ti32, "y", s->ti32, "zeta",
                                m->String);
    m->Vfl = hlb_type_virtual(b, 5, "h", s->tf64, "i", s->tf64, "n", s->tf64, "t", s->tf64, "x", s->tf64);
    m->Vabc = hlb_type_virtual(b, 3, "a", s->ti32, "b", s->ti32, "c", s->ti32);
    m->Ni32 = hlb_type_null(b, s->ti32);
    m->Nf64 = hlb_type_null(b, s->tf64);
    m->Ri32 = hlb_type_ref(b, s->ti32);
    m->Abs = hlb_type_abstract(b, "hl_thing");
    m->tfun_ii = hlb_type_fun(b, s->ti32, 1, s->ti32);
    m->tfun_dd = hlb_type_fun(b, s->tdyn, 1, s->tdyn);
    m->tfun_iii = hlb_type_fun(b, s->ti32, 2, s->ti32, s->ti32);
    m->tfun_arr = hlb_type_fun(b, s->tdyn, 1, s->tarray);
    m->tfun_pt_i = hlb_type_fun(b, s->ti32, 1, m->Point);
    m->tfun_v = hlb_type_fun(b, s->tf64, 1, s->tf64);
    m->f_add1 = hlb_add_native(b, "test", "add1", m->tfun_ii, HLB_AUTO);
    m->f_add = hlb_add_native(b, "test", "add", m->tfun_iii, HLB_AUTO);
    m->f_varargs = hlb_add_native(b, "test", "varargs", m->tfun_arr, HLB_AUTO);
    hlb_add_native(b, "test", "fadd", m->tfun_v, HLB_AUTO);
    m->tfun_s = hlb_type_fun(b, s->tbytes, 0);
    m->f_dynstr = hlb_add_native(b, "test", "dynstr", m->tfun_s, HLB_AUTO);
    m->f_boom = hlb_add_native(b, "test", "boom", m->tfun_s, HLB_AUTO);
    return b;
}

bool rtm_open(rth *h, rtm *m, hlb_builder **b, bool stress) {
    *b = rtm_build(m);
    if (!rth_open(h, *b, rtm_natives))
        return false;
    if (stress)
        rth_stress(h, 1);
    return true;
}

vdynamic *rtm_int(rth *h, int32_t v) {
    vdynamic *d = hli_alloc_box(h->th, HLI_T(i32));
    if (d != NULL)
        d->v.i = v;
    return d;
}

vdynamic *rtm_float(rth *h, double v) {
    vdynamic *d = hli_alloc_box(h->th, HLI_T(f64));
    if (d != NULL)
        d->v.d = v;
    return d;
}

vobj *rtm_point(rth *h, rtm *m, int32_t x, double y, const char *name) {
    vstring *s = name != NULL ? rth_string(h, name) : NULL;
    hli_root_push(h->th, &s);
    vobj *p = hli_alloc_obj(h->th, rth_type(h, m->Point));
    hli_root_pop(h->th, 1);
    if (p == NULL)
        return NULL;
    *(int32_t *)((char *)p + 8) = x;
    memcpy((char *)p + 16, &y, sizeof y);
    *(vstring **)((char *)p + 24) = s;
    return p;
}

vclosure *rtm_fun(rth *h, int32_t findex) {
    hli_fn *fn = &h->p->fns[findex];
    return hli_alloc_closure(h->th, fn, fn->type, NULL, false);
}
