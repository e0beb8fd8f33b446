/* Value to string (hl-spec.md 5.6) and dynamic comparison (5.7): every value kind, top-level vs
 * nested float formats, hooks, hash order of virtuals, insertion order of dynobjs, cycles, the depth
 * bound; comparisons of numbers, strings (__compare), objects, views and closures. */
#include <math.h>
#include <string.h>

#include "rt_testmod.h"

static rth h;
static rtm m;

#define STR(v, want)                                                                  \
    do {                                                                              \
        const char *got_ = rth_str(&h, (vdynamic *)(v));                              \
        CHECK(strcmp(got_, want) == 0, "got \"%s\", want \"%s\"", got_, want);        \
    } while (0)

/* Roots a test value in slot i of the harness's extra roots. */
static void *keep(int i, void *v) {
    h.extra_roots[i] = v;
    return v;
}

static void test_numbers(void) {
    STR(NULL, "null");
    STR(keep(0, rtm_int(&h, 42)), "42");
    STR(keep(0, rtm_int(&h, -7)), "-7");
    STR(keep(0, rtm_float(&h, 0.1)), "0.1");
    STR(keep(0, rtm_float(&h, 1.0 / 3.0)), "0.333333333333333");
    STR(keep(0, rtm_float(&h, 1e20)), "1e+20");
    STR(keep(0, rtm_float(&h, INFINITY)), "inf");
    STR(keep(0, rtm_float(&h, -INFINITY)), "-inf");
    STR(keep(0, rtm_float(&h, -NAN)), "NaN");
    STR(keep(0, rtm_float(&h, 2.0)), "2");
    vdynamic *d = keep(0, hli_alloc_box(h.th, HLI_T(f32)));
    d->v.f = 0.1f;
    STR(d, "0.100000001");
    d = keep(0, hli_alloc_box(h.th, HLI_T(i64)));
    d->v.i64 = -1234567890123ll;
    STR(d, "-1234567890123");
    d = keep(0, hli_alloc_box(h.th, HLI_T(ui8)));
    d->v.i = 200;
    STR(d, "200");
    STR(hli_dyn_bool(true), "true");
    STR(hli_dyn_bool(false), "false");
    /* hl_to_string: numbers go through the buffer printer */
    hli_uchar *s;
    int32_t len;
    keep(0, rtm_float(&h, 0.1));
    CHECK(hli_to_string(h.th, h.extra_roots[0], &s, &len) == HLI_OK && strcmp(rth_u8(s), "0.10000000000000001") == 0,
          "hl_to_string(0.1) = %s", rth_u8(s));
    CHECK(hli_to_string(h.th, hli_dyn_bool(true), &s, &len) == HLI_OK && len == 4, "hl_to_string(true)");
    CHECK(hli_to_string(h.th, NULL, &s, &len) == HLI_OK && strcmp(rth_u8(s), "null") == 0, "hl_to_string(null)");
    /* hl_make_dyn's shared small ints */
    vdynamic *a, *b;
    int32_t v = 5;
    CHECK(hli_make_dyn(h.th, &v, HLI_T(i32), &a) == HLI_OK && hli_make_dyn(h.th, &v, HLI_T(i32), &b) == HLI_OK &&
              a == b && a->v.i == 5,
          "small int cache");
    hli_reg r;
    r.i = 5;
    a = keep(0, hli_box(h.th, &r, HLI_T(i32)));
    b = hli_box(h.th, &r, HLI_T(i32));
    CHECK(a != b && b->v.i == 5, "OToDyn allocates");
    h.extra_roots[0] = NULL;
}

static void test_objects(void) {
    vstring *str = keep(0, rth_string(&h, "h\xc3\xa9llo"));
    STR(str, "h\xc3\xa9llo");
    vdynamic *bytes = keep(1, hli_alloc_box(h.th, HLI_T(bytes)));
    bytes->v.bytes = (uint8_t *)str->bytes;
    STR(bytes, "h\xc3\xa9llo");
    STR(keep(1, rtm_point(&h, &m, 1, 2.0, "p")), "Point");
    STR(keep(1, hli_alloc_obj(h.th, rth_type(&h, m.Pt2))), "Pt2!");
    /* an exception in a __string hook propagates (genhl's __string reads this.toString().bytes) */
    const char *got = rth_str(&h, NULL);
    CHECK(strcmp(got, "null") == 0, "%s", got);
    vobj *holder = keep(1, hli_alloc_obj(h.th, rth_type(&h, m.Point)));
    *(vstring **)((char *)holder + 24) = str;
    STR(holder, "Point");
    h.extra_roots[0] = h.extra_roots[1] = NULL;
}

static void test_closure_and_misc(void) {
    vclosure *c = keep(0, rtm_fun(&h, m.f_add1));
    char want[64];
    snprintf(want, sizeof want, "function#%lX", (unsigned long)(uintptr_t)c);
    STR(c, want);
    vdynamic *t = keep(0, hli_alloc_box(h.th, HLI_T(type)));
    t->v.ptr = rth_type(&h, m.Point);
    STR(t, "Point");
    t->v.ptr = rth_type(&h, m.Vxy);
    STR(t, "virtual<x:i32,y:f64>");
    t->v.ptr = rth_type(&h, m.Ni32);
    STR(t, "null<i32>");
    vdynamic *ab = keep(0, hli_alloc_box(h.th, rth_type(&h, m.Abs)));
    ab->v.ptr = (void *)0xABC0;
    STR(ab, "~hl_thing:ABC0");
    vdynamic *rf = keep(0, hli_alloc_box(h.th, rth_type(&h, m.Ri32)));
    rf->v.ptr = (void *)0x10;
    STR(rf, "ref");
    h.extra_roots[0] = NULL;
}

static venum *color(int idx) { return hli_alloc_enum(h.th, rth_type(&h, m.Color), idx); }

static void test_enums(void) {
    STR(keep(0, color(0)), "Red");
    venum *e = keep(0, color(1));
    const hli_enum_construct *c = &rth_type(&h, m.Color)->u.tenum->constructs[1];
    *(int32_t *)((char *)e + c->offsets[0]) = 1;
    double d = 0.1;
    memcpy((char *)e + c->offsets[1], &d, sizeof d);
    vstring *s = rth_string(&h, "x");
    *(vstring **)((char *)e + c->offsets[2]) = s;
    STR(e, "Rgb(1,0.10000000000000001,x)");
    uint64_t nb = 0xFFF8000000000000ull; /* 0.0/0.0 on x86 */
    memcpy((char *)e + c->offsets[1], &nb, sizeof nb);
    *(vstring **)((char *)e + c->offsets[2]) = NULL;
    STR(e, "Rgb(1,-nan,null)");
    venum *r = keep(1, color(2));
    *(venum **)((char *)r + 16) = e;
    STR(r, "Rec(Rgb(1,-nan,null))");
    /* a cycle through a Dynamic parameter */
    venum *any = keep(2, color(3));
    *(venum **)((char *)any + 16) = any;
    STR(any, "Any(...)");
    /* deep nesting: fine at 200, a Haxe exception (not a crash) past the bound */
    venum *chain = keep(3, color(0));
    for (int i = 0; i < 2000; i++) {
        venum *n = color(2);
        *(venum **)((char *)n + 16) = h.extra_roots[3];
        keep(3, n);
        if (i == 199) {
            const char *got = rth_str(&h, h.extra_roots[3]);
            CHECK(strncmp(got, "Rec(Rec(", 8) == 0 && strlen(got) == 200 * 5 + 3, "depth 200: %zu", strlen(got));
        }
    }
    (void)chain;
    const char *got = rth_str(&h, h.extra_roots[3]);
    CHECK(strcmp(got, "<exception: Stack overflow>") == 0, "deep: %.40s", got);
    for (int i = 0; i < 4; i++)
        h.extra_roots[i] = NULL;
}

static void test_virtuals_and_dynobjs(void) {
    vvirtual *v = keep(0, hli_alloc_virtual(h.th, rth_type(&h, m.Vab)));
    *(int32_t *)hli_vfields(v)[0] = 1;
    *(int32_t *)hli_vfields(v)[1] = 2;
    STR(v, "{a : 1, b : 2}");
    v = keep(0, hli_alloc_virtual(h.th, rth_type(&h, m.Vlx)));
    *(int32_t *)hli_vfields(v)[0] = 3; /* length: hash -16280745 sorts first */
    *(int32_t *)hli_vfields(v)[1] = 4;
    STR(v, "{length : 3, x : 4}");
    v = keep(0, hli_alloc_virtual(h.th, rth_type(&h, m.Vf)));
    double d = 0.1;
    memcpy(hli_vfields(v)[0], &d, sizeof d);
    *(int32_t *)hli_vfields(v)[1] = 2;
    STR(v, "{f : 0.10000000000000001, i : 2}");
    /* dynobj: insertion order */
    vdynobj *o = keep(1, hli_alloc_dynobj(h.th));
    hli_reg r;
    r.i = 1;
    CHECK(hli_dyn_set(h.th, (vdynamic *)o, rth_hash(&h, "zeta"), HLI_T(i32), &r) == HLI_OK, "set");
    r.i = 2;
    hli_dyn_set(h.th, (vdynamic *)o, rth_hash(&h, "alpha"), HLI_T(i32), &r);
    r.d = 0.5;
    hli_dyn_set(h.th, (vdynamic *)o, rth_hash(&h, "mid"), HLI_T(f64), &r);
    STR(o, "{zeta : 1, alpha : 2, mid : 0.5}");
    /* retyping to another storage moves the field to the end */
    r.p = keep(2, rth_string(&h, "s")); /* values passed in must be rooted */
    hli_dyn_set(h.th, (vdynamic *)o, rth_hash(&h, "alpha"), rth_type(&h, m.String), &r);
    STR(o, "{zeta : 1, mid : 0.5, alpha : s}");
    /* same size and pointer-ness: retyped in place, order kept */
    r.f = 1.5f;
    hli_dyn_set(h.th, (vdynamic *)o, rth_hash(&h, "zeta"), HLI_T(f32), &r);
    STR(o, "{zeta : 1.5, mid : 0.5, alpha : s}");
    /* a cycle */
    r.p = o;
    hli_dyn_set(h.th, (vdynamic *)o, rth_hash(&h, "self"), HLI_T(dynobj), &r);
    STR(o, "{zeta : 1.5, mid : 0.5, alpha : s, self : ...}");
    /* a view prints the object it views */
    vvirtual *view;
    CHECK(hli_to_virtual(h.th, rth_type(&h, m.Vxf), (vdynamic *)o, &view) == HLI_OK, "view");
    STR(view, "{zeta : 1.5, mid : 0.5, alpha : s, self : ...}");
    /* a dynobj's __string closure field is called (a toString field is not); its exceptions propagate */
    vdynobj *o2 = keep(3, hli_alloc_dynobj(h.th));
    r.p = keep(4, rtm_fun(&h, m.f_dynstr));
    hli_dyn_set(h.th, (vdynamic *)o2, rth_hash(&h, "toString"), rth_type(&h, m.tfun_s), &r);
    const char *got = rth_str(&h, (vdynamic *)o2);
    CHECK(strncmp(got, "{toString : function#", 21) == 0 && got[strlen(got) - 1] == '}', "%s", got);
    hli_dyn_set(h.th, (vdynamic *)o2, rth_hash(&h, "__string"), rth_type(&h, m.tfun_s), &r);
    STR(o2, "dyn!");
    r.p = keep(4, rtm_fun(&h, m.f_boom));
    hli_dyn_set(h.th, (vdynamic *)o2, rth_hash(&h, "__string"), rth_type(&h, m.tfun_s), &r);
    STR(o2, "<exception: boom>");
    /* NativeArrays: elements by their type, cycles */
    varray *a = keep(2, hli_alloc_array(h.th, HLI_T(i32), 3));
    for (int i = 0; i < 3; i++)
        hli_aptr(a, int32_t)[i] = i + 1;
    STR(a, "[1, 2, 3]");
    a = keep(2, hli_alloc_array(h.th, HLI_T(dyn), 3));
    hli_aptr(a, void *)[0] = rtm_float(&h, 0.5);
    hli_aptr(a, void *)[2] = a;
    STR(a, "[0.5, null, ...]");
    a = keep(2, hli_alloc_array(h.th, HLI_T(f64), 1));
    hli_aptr(a, double)[0] = 0.1;
    STR(a, "[0.10000000000000001]");
    CHECK(hli_alloc_array(h.th, HLI_T(dyn), 0) == hli_alloc_array(h.th, HLI_T(dyn), 0), "shared empty array");
    STR(hli_alloc_array(h.th, HLI_T(dyn), 0), "[]");
    for (int i = 0; i < 5; i++)
        h.extra_roots[i] = NULL;
}

/* The oracle's AnonPrinting lines that depend only on the runtime (hash order, %.17g, make_value). */
static void test_anon_oracle(void) {
    vvirtual *v = keep(0, hli_alloc_virtual(h.th, rth_type(&h, m.Vzeta)));
    const char *vals[] = {"a", "m", NULL, NULL, "z"};
    for (int i = 0; i < 5; i++)
        if (vals[i] != NULL)
            *(vstring **)hli_vfields(v)[i] = rth_string(&h, vals[i]);
    *(int32_t *)hli_vfields(v)[2] = 1;
    *(int32_t *)hli_vfields(v)[3] = 2;
    STR(v, "{x : 1, y : 2, mid : m, alpha : a, zeta : z}");
    v = keep(0, hli_alloc_virtual(h.th, rth_type(&h, m.Vfl)));
    uint64_t nb = 0xFFF8000000000000ull;
    double one = 1.0, zero = 0.0, dvals[5] = {0.5, one / zero, 0, one / 3, 1};
    memcpy(&dvals[2], &nb, sizeof nb);
    for (int i = 0; i < 5; i++)
        memcpy(hli_vfields(v)[i], &dvals[i], sizeof(double));
    STR(v, "{h : 0.5, i : inf, n : -nan, t : 0.33333333333333331, x : 1}");
    /* d = {}; d.zeta = 1; d.alpha = 2; d.mid = 3; delete zeta; d.zeta = 4; d.alpha = 5 */
    vdynobj *d = keep(1, hli_alloc_dynobj(h.th));
    hli_reg r;
    const char *names[] = {"zeta", "alpha", "mid"};
    for (int i = 0; i < 3; i++) {
        r.i = i + 1;
        hli_dyn_set(h.th, (vdynamic *)d, rth_hash(&h, names[i]), HLI_T(i32), &r);
    }
    STR(d, "{zeta : 1, alpha : 2, mid : 3}");
    bool del;
    hli_obj_delete_field(h.th, (vdynamic *)d, rth_hash(&h, "zeta"), &del);
    r.i = 4;
    hli_dyn_set(h.th, (vdynamic *)d, rth_hash(&h, "zeta"), HLI_T(i32), &r);
    STR(d, "{alpha : 2, mid : 3, zeta : 4}");
    r.i = 5;
    hli_dyn_set(h.th, (vdynamic *)d, rth_hash(&h, "alpha"), HLI_T(i32), &r);
    STR(d, "{alpha : 5, mid : 3, zeta : 4}");
    STR(keep(1, hli_alloc_dynobj(h.th)), "{}");
    /* o = {b: 1, a: 2, c: 3}; (o : Dynamic).extra = 9 */
    v = keep(0, hli_alloc_virtual(h.th, rth_type(&h, m.Vabc)));
    *(int32_t *)hli_vfields(v)[0] = 2;
    *(int32_t *)hli_vfields(v)[1] = 1;
    *(int32_t *)hli_vfields(v)[2] = 3;
    STR(v, "{a : 2, b : 1, c : 3}");
    r.i = 9;
    hli_dyn_set(h.th, (vdynamic *)v, rth_hash(&h, "extra"), HLI_T(i32), &r);
    STR(v, "{a : 2, b : 1, c : 3, extra : 9}");
    varray *f;
    CHECK(hli_obj_fields(h.th, (vdynamic *)v, &f) == HLI_OK && f->size == 4 &&
              strcmp(rth_u8(hli_aptr(f, hli_uchar *)[3]), "extra") == 0,
          "Reflect.fields after make_value");
    h.extra_roots[0] = h.extra_roots[1] = NULL;
}

static int32_t cmp(vdynamic *a, vdynamic *b) {
    int32_t r = 0;
    CHECK(hli_dyn_compare(h.th, a, b, &r) == HLI_OK, "compare threw %s", rth_exc(&h));
    return r;
}

static void test_compare(void) {
    vdynamic *one = keep(0, rtm_int(&h, 1)), *two = keep(1, rtm_int(&h, 2)), *onef = keep(2, rtm_float(&h, 1.0));
    CHECK(cmp(one, two) == -1 && cmp(two, one) == 1 && cmp(one, one) == 0, "ints");
    CHECK(cmp(one, onef) == 0 && cmp(onef, two) == -1, "mixed Int/Float");
    vdynamic *nan1 = keep(3, rtm_float(&h, NAN)), *nan2 = keep(4, rtm_float(&h, NAN));
    CHECK(cmp(nan1, nan1) == 0 && cmp(nan1, nan2) == HLI_INVALID_COMPARISON, "NaN");
    vdynamic *inf1 = keep(3, rtm_float(&h, INFINITY)), *inf2 = keep(4, rtm_float(&h, INFINITY));
    CHECK(cmp(inf1, inf2) == 0, "inf == inf");
    CHECK(cmp(NULL, one) == -1 && cmp(one, NULL) == 1 && cmp(NULL, NULL) == 0, "null");
    vdynamic *i64 = keep(3, hli_alloc_box(h.th, HLI_T(i64)));
    CHECK(cmp(one, i64) == HLI_INVALID_COMPARISON, "i32 vs i64");
    CHECK(cmp(hli_dyn_bool(true), hli_dyn_bool(false)) == 1, "bools");
    vstring *s1 = keep(3, rth_string(&h, "abc")), *s2 = keep(4, rth_string(&h, "abd"));
    vstring *s3 = keep(5, rth_string(&h, "a")), *s4 = keep(6, rth_string(&h, "A")), *s5 = keep(7, rth_string(&h, "abc"));
    CHECK(cmp((vdynamic *)s1, (vdynamic *)s2) == -1 && cmp((vdynamic *)s3, (vdynamic *)s4) == 32 &&
              cmp((vdynamic *)s1, (vdynamic *)s5) == 0 && cmp((vdynamic *)s3, (vdynamic *)s1) == -2,
          "strings through __compare");
    CHECK(cmp((vdynamic *)s1, one) == HLI_INVALID_COMPARISON, "String vs Int");
    vobj *p1 = keep(3, rtm_point(&h, &m, 1, 1, NULL)), *p2 = keep(4, rtm_point(&h, &m, 1, 1, NULL));
    int32_t c12 = cmp((vdynamic *)p1, (vdynamic *)p2);
    CHECK((c12 == 1 || c12 == -1) && cmp((vdynamic *)p2, (vdynamic *)p1) == -c12, "objects by address");
    vvirtual *view;
    CHECK(hli_to_virtual(h.th, rth_type(&h, m.Vxy), (vdynamic *)p1, &view) == HLI_OK, "view");
    keep(5, view);
    CHECK(cmp((vdynamic *)view, (vdynamic *)p1) == 0 && cmp((vdynamic *)p1, (vdynamic *)view) == 0, "object vs its view");
    vclosure *f1 = keep(6, rtm_fun(&h, m.f_add1)), *f2 = keep(7, rtm_fun(&h, m.f_add1)), *f3 = keep(8, rtm_fun(&h, m.f_add));
    CHECK(cmp((vdynamic *)f1, (vdynamic *)f2) == 0 && cmp((vdynamic *)f1, (vdynamic *)f3) == HLI_INVALID_COMPARISON,
          "closures");
    CHECK(hli_fun_compare((vdynamic *)f1, (vdynamic *)f2) && !hli_fun_compare((vdynamic *)f1, (vdynamic *)f3),
          "fun_compare");
    vclosure *b1 = keep(6, hli_alloc_bound_closure(h.th, &h.p->fns[m.f_ptmul], p1));
    vclosure *b2 = keep(7, hli_alloc_bound_closure(h.th, &h.p->fns[m.f_ptmul], p1));
    vclosure *b3 = keep(8, hli_alloc_bound_closure(h.th, &h.p->fns[m.f_ptmul], p2));
    CHECK(cmp((vdynamic *)b1, (vdynamic *)b2) == 0 && cmp((vdynamic *)b1, (vdynamic *)b3) == c12, "bound closures");
    venum *e1 = keep(6, color(0)), *e2 = keep(7, color(0));
    int32_t ce = cmp((vdynamic *)e1, (vdynamic *)e2);
    CHECK(ce == 1 || ce == -1, "enums by address");
    for (int i = 0; i < 9; i++)
        h.extra_roots[i] = NULL;
}

int main(int argc, char **argv) {
    bool stress = argc > 1 && strcmp(argv[1], "--stress") == 0;
    hlb_builder *b;
    if (!rtm_open(&h, &m, &b, stress))
        return 1;
    test_numbers();
    test_objects();
    test_closure_and_misc();
    test_enums();
    test_virtuals_and_dynobjs();
    test_anon_oracle();
    test_compare();
    CHECK(h.th->nroots == 0 && h.th->nranges == 0, "roots balanced: %u %u", h.th->nroots, h.th->nranges);
    rth_close(&h);
    hlb_free(b);
    if (rth_failures != 0) {
        fprintf(stderr, "%d check(s) failed\n", rth_failures);
        return 1;
    }
    printf("rt print/compare: all checks passed%s\n", stress ? " (GC stress)" : "");
    return 0;
}
