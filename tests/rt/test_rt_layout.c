/* Link-time layouts (hl-spec.md 4.2-4.7) and names (5.1): the spec's class, virtual and enum
 * examples, mark bits, virtual tables and method indexes, lookup tables, bindings, hidden interface
 * fields, hooks, closure types, field-name hashing with HashLink's collision rule. */
#include <string.h>

#include "rt_harness.h"

static hli_status native_void(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)args, (void)ret;
    return HLI_OK;
}

static hli_status native_add1(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i = args[0].i + 1;
    return HLI_OK;
}

static hli_status native_to_string(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    static const hli_uchar text[] = {'Q', '!', 0};
    ret->p = hli_alloc(th, sizeof text, HLI_GC_NOPTR);
    if (ret->p == NULL)
        return HLI_EXC;
    memcpy(ret->p, text, sizeof text);
    return HLI_OK;
}

static const rth_native natives[] = {
    {"m0", native_void}, {"m1p", native_void}, {"m1q", native_void}, {"m2", native_void}, {"s", native_void},
    {"qstr", native_to_string}, {"fstatic", native_add1}, {"gbound", native_void}, {NULL, NULL},
};

typedef struct types {
    int32_t A, B, C, D, S, String, V, E, P, Q, K, I2, Vi, Coll, tfun_p, tfun_kii;
} types;

static hlb_builder *build(types *t) {
    hlb_std s;
    hlb_builder *b = hlb_minimal(4, false, &s);
    int32_t tstr = t->String = hlb_type_obj(b, "String", -1, 0);
    hlb_obj_field(b, tstr, "bytes", s.tbytes);
    hlb_obj_field(b, tstr, "length", s.ti32);
    t->A = hlb_type_obj(b, "A", -1, 0);
    hlb_obj_field(b, t->A, "a", s.ti32);
    hlb_obj_field(b, t->A, "b", s.tbool);
    hlb_obj_field(b, t->A, "c", s.tf64);
    hlb_obj_field(b, t->A, "d", tstr);
    t->B = hlb_type_obj(b, "B", t->A, 0);
    hlb_obj_field(b, t->B, "e", s.ti32);
    hlb_obj_field(b, t->B, "f", s.tui8);
    hlb_obj_field(b, t->B, "g", s.tui16);
    hlb_obj_field(b, t->B, "h", s.tf32);
    t->C = hlb_type_obj(b, "C", -1, 0);
    hlb_obj_field(b, t->C, "x", s.tbool);
    t->D = hlb_type_obj(b, "D", t->C, 0);
    hlb_obj_field(b, t->D, "y", s.tbool);
    hlb_obj_field(b, t->D, "z", s.ti64);
    t->S = hlb_type_struct(b, "S", -1, 0);
    hlb_obj_field(b, t->S, "a", s.tbool);
    hlb_obj_field(b, t->S, "b", s.ti32);
    t->V = hlb_type_virtual(b, 4, "a", s.ti32, "b", s.tf64, "c", tstr, "d", s.tbool);
    t->E = hlb_type_enum(b, "E", 0);
    hlb_enum_construct(b, t->E, "E0", 0);
    hlb_enum_construct(b, t->E, "E1", 1, s.ti32);
    hlb_enum_construct(b, t->E, "E2", 3, s.tbool, s.tf64, tstr);
    /* methods: P has m0 (slot 0), m1 (slot 1), s (final); Q overrides m1, adds m2 (slot 2) and __string */
    t->P = hlb_type_obj(b, "P", -1, 0);
    t->Q = hlb_type_obj(b, "Q", t->P, 0);
    t->tfun_p = hlb_type_fun(b, s.tvoid, 1, t->P);
    int32_t tfun_q = hlb_type_fun(b, s.tvoid, 1, t->Q);
    int32_t tfun_qstr = hlb_type_fun(b, s.tbytes, 1, t->Q);
    int32_t m0 = hlb_add_native(b, "test", "m0", t->tfun_p, HLB_AUTO);
    int32_t m1p = hlb_add_native(b, "test", "m1p", t->tfun_p, HLB_AUTO);
    int32_t sf = hlb_add_native(b, "test", "s", t->tfun_p, HLB_AUTO);
    int32_t m1q = hlb_add_native(b, "test", "m1q", tfun_q, HLB_AUTO);
    int32_t m2 = hlb_add_native(b, "test", "m2", tfun_q, HLB_AUTO);
    int32_t qs = hlb_add_native(b, "test", "qstr", tfun_qstr, HLB_AUTO);
    hlb_obj_field(b, t->P, "pf", s.tdyn);
    hlb_obj_proto(b, t->P, "m0", m0, 0);
    hlb_obj_proto(b, t->P, "m1", m1p, 1);
    hlb_obj_proto(b, t->P, "s", sf, -1);
    hlb_obj_proto(b, t->Q, "m1", m1q, 1);
    hlb_obj_proto(b, t->Q, "m2", m2, 2);
    hlb_obj_proto(b, t->Q, "__string", qs, -1);
    /* bindings: f (HFUN of the same arity) gets a static closure, g (dyn) a closure bound per instance */
    t->K = hlb_type_obj(b, "$K", -1, 0);
    int32_t tfun_ii = hlb_type_fun(b, s.ti32, 1, s.ti32);
    t->tfun_kii = hlb_type_fun(b, s.ti32, 2, t->K, s.ti32);
    hlb_obj_field(b, t->K, "f", tfun_ii);
    hlb_obj_field(b, t->K, "g", s.tdyn);
    hlb_obj_binding(b, t->K, 0, hlb_add_native(b, "test", "fstatic", tfun_ii, HLB_AUTO));
    hlb_obj_binding(b, t->K, 1, hlb_add_native(b, "test", "gbound", t->tfun_kii, HLB_AUTO));
    /* a class implementing an interface: hidden "" field typed with the interface's virtual */
    t->Vi = hlb_type_virtual(b, 1, "m0", hlb_type_method(b, s.tvoid, 0));
    t->I2 = hlb_type_obj(b, "I2", t->P, 0);
    hlb_obj_field(b, t->I2, "own", s.ti32);
    hlb_obj_field(b, t->I2, "", t->Vi);
    /* two names with the same raw hash (-234477011): the second registered gets h + 1 */
    t->Coll = hlb_type_obj(b, "Coll", -1, 0);
    hlb_obj_field(b, t->Coll, "xuxkpqrx", s.ti32);
    hlb_obj_field(b, t->Coll, "nihbummm", s.ti32);
    return b;
}

static uint32_t off(rth *h, int32_t t, uint32_t fid) { return rth_type(h, t)->u.obj->rt->fields_indexes[fid]; }
static uint32_t size_of(rth *h, int32_t t) { return rth_type(h, t)->u.obj->rt->size; }
static bool bit(const uint32_t *bits, uint32_t w) { return bits != NULL && (bits[w >> 5] >> (w & 31)) & 1; }

static void test_hashes(rth *h, types *t) {
    CHECK(hli_hash_gen(rth_u16("length")) == -16280745, "length");
    CHECK(hli_hash_gen(rth_u16("x")) == 120, "x");
    CHECK(hli_hash_gen(rth_u16("toString")) == 409915697, "toString");
    CHECK(hli_hash_gen(rth_u16("__string")) == -111176985, "__string");
    const hli_uchar ea[] = {0xE9, 0xE0, 0};
    CHECK(hli_hash_gen(ea) == 52183, "UTF-16 hash of \"\xc3\xa9\xc3\xa0\": %d", hli_hash_gen(ea));
    CHECK(hli_hash_utf8(h->vm, "\xc3\xa9\xc3\xa0") == 52183, "UTF-8 name hashes as its UTF-16 units");
    /* registration in load order; the colliding name stepped to h + 1 */
    hli_obj_rt *rt = rth_type(h, t->Coll)->u.obj->rt;
    CHECK(rt->field_hashes[0] == -234477011 && rt->field_hashes[1] == -234477010, "collision: %d %d",
          rt->field_hashes[0], rt->field_hashes[1]);
    CHECK(rth_hash(h, "nihbummm") == -234477010 && rth_hash(h, "xuxkpqrx") == -234477011, "lookups agree");
    CHECK(strcmp(rth_u8(hli_field_name(h->vm, -234477010)), "nihbummm") == 0, "reverse of h+1");
    CHECK(strcmp(rth_u8(hli_field_name(h->vm, -234477011)), "xuxkpqrx") == 0, "reverse of h");
    CHECK(hli_field_name(h->vm, 12345) == NULL, "unknown hash");
    /* a new name is registered on first use and keeps its hash */
    int32_t nh = rth_hash(h, "brandNewName");
    CHECK(strcmp(rth_u8(hli_field_name(h->vm, nh)), "brandNewName") == 0, "runtime registration");
    CHECK(hli_hash_name(h->vm, rth_u16("brandNewName")) == nh, "stable");
    int32_t len;
    CHECK(strcmp(rth_u8(hli_ustring(h->vm, (uint32_t)rth_type(h, t->A)->u.obj->fields[0].name, &len)), "a") == 0 &&
              len == 1,
          "module strings as UTF-16");
}

static void test_layouts(rth *h, types *t) {
    CHECK(off(h, t->A, 0) == 8 && off(h, t->A, 1) == 12 && off(h, t->A, 2) == 16 && off(h, t->A, 3) == 24 &&
              size_of(h, t->A) == 32,
          "A: %u %u %u %u size %u", off(h, t->A, 0), off(h, t->A, 1), off(h, t->A, 2), off(h, t->A, 3),
          size_of(h, t->A));
    CHECK(off(h, t->B, 4) == 32 && off(h, t->B, 5) == 36 && off(h, t->B, 6) == 38 && off(h, t->B, 7) == 40 &&
              size_of(h, t->B) == 48 && off(h, t->B, 3) == 24,
          "B: %u %u %u %u size %u", off(h, t->B, 4), off(h, t->B, 5), off(h, t->B, 6), off(h, t->B, 7),
          size_of(h, t->B));
    CHECK(off(h, t->C, 0) == 8 && size_of(h, t->C) == 16 && rth_type(h, t->C)->u.obj->rt->pad_size == 7,
          "C: %u size %u", off(h, t->C, 0), size_of(h, t->C));
    CHECK(off(h, t->D, 1) == 9 && off(h, t->D, 2) == 16 && size_of(h, t->D) == 24, "D: y %u z %u size %u",
          off(h, t->D, 1), off(h, t->D, 2), size_of(h, t->D));
    CHECK(off(h, t->String, 0) == 8 && off(h, t->String, 1) == 16 && size_of(h, t->String) == 24, "String");
    CHECK(h->p->string_type == rth_type(h, t->String), "String class found");
    CHECK(off(h, t->S, 0) == 0 && off(h, t->S, 1) == 4 && size_of(h, t->S) == 8, "struct S: %u %u size %u",
          off(h, t->S, 0), off(h, t->S, 1), size_of(h, t->S));
    /* mark bits: word 3 of A (d), inherited by B; no pointers in C/D */
    hli_type *ta = rth_type(h, t->A), *tb = rth_type(h, t->B);
    CHECK(bit(ta->mark_bits, 3) && !bit(ta->mark_bits, 0) && !bit(ta->mark_bits, 1) && !bit(ta->mark_bits, 2),
          "A mark bits");
    CHECK(bit(tb->mark_bits, 3) && !bit(tb->mark_bits, 4) && !bit(tb->mark_bits, 5), "B mark bits");
    CHECK(rth_type(h, t->D)->mark_bits == NULL && !rth_type(h, t->D)->u.obj->rt->has_ptr, "D has no pointers");
    /* virtual {a:Int, b:Float, c:String, d:Bool} */
    const hli_virtual_rt *vr = rth_type(h, t->V)->u.virt->rt;
    CHECK(vr->indexes[0] == 56 && vr->indexes[1] == 64 && vr->indexes[2] == 72 && vr->indexes[3] == 80 &&
              vr->data_size == 25,
          "virtual: %u %u %u %u data %u", vr->indexes[0], vr->indexes[1], vr->indexes[2], vr->indexes[3],
          vr->data_size);
    for (uint32_t i = 1; i < vr->nlookup; i++)
        CHECK(vr->lookup[i - 1].hashed_name < vr->lookup[i].hashed_name, "virtual lookup sorted");
    const uint32_t *vm = rth_type(h, t->V)->mark_bits;
    CHECK(bit(vm, 1) && bit(vm, 2) && bit(vm, 9) && !bit(vm, 7) && !bit(vm, 8) && !bit(vm, 10), "virtual mark bits");
    /* enum E0, E1(i:Int), E2(b:Bool, d:Float, s:String) */
    const hli_type_enum *e = rth_type(h, t->E)->u.tenum;
    CHECK(e->constructs[0].size == 12 && !e->constructs[0].hasptr, "E0 size %u", e->constructs[0].size);
    CHECK(e->constructs[1].size == 16 && e->constructs[1].offsets[0] == 12 && !e->constructs[1].hasptr, "E1");
    CHECK(e->constructs[2].size == 32 && e->constructs[2].offsets[0] == 12 && e->constructs[2].offsets[1] == 16 &&
              e->constructs[2].offsets[2] == 24 && e->constructs[2].hasptr,
          "E2: %u %u %u size %u", e->constructs[2].offsets[0], e->constructs[2].offsets[1],
          e->constructs[2].offsets[2], e->constructs[2].size);
}

static void test_methods(rth *h, types *t) {
    hli_type *tp = rth_type(h, t->P), *tq = rth_type(h, t->Q);
    hli_obj_rt *rp = tp->u.obj->rt, *rq = tq->u.obj->rt;
    hli_fn *fns = h->p->fns;
    const hli_type_obj *op = tp->u.obj, *oq = tq->u.obj;
    hli_fn *m0 = &fns[op->proto[0].findex], *m1p = &fns[op->proto[1].findex], *sf = &fns[op->proto[2].findex];
    hli_fn *m1q = &fns[oq->proto[0].findex], *m2 = &fns[oq->proto[1].findex], *qs = &fns[oq->proto[2].findex];
    CHECK(rp->nproto == 2 && tp->vobj_proto[0] == m0 && tp->vobj_proto[1] == m1p, "P vtable");
    CHECK(rq->nproto == 3 && tq->vobj_proto[0] == m0 && tq->vobj_proto[1] == m1q && tq->vobj_proto[2] == m2,
          "Q vtable: parent's copied, override replaces, new slot");
    CHECK(rp->nmethods == 3 && rp->methods[0] == m0 && rp->methods[1] == m1p && rp->methods[2] == sf, "P methods");
    CHECK(rq->nmethods == 5 && rq->methods[0] == m0 && rq->methods[1] == m1q && rq->methods[2] == sf &&
              rq->methods[3] == m2 && rq->methods[4] == qs,
          "Q methods (override keeps the parent's method index)");
    /* lookup: Q's own table has only non-overriding methods; m1 resolves through P to index 1 */
    CHECK(rq->nlookup == 2, "Q lookup entries: %u", rq->nlookup);
    hli_field_lookup *f = hli_obj_resolve_field(tq, rth_hash(h, "m1"));
    CHECK(f != NULL && f->field_index == -2 && rq->methods[-(f->field_index + 1)] == m1q, "m1 resolves to Q's");
    f = hli_obj_resolve_field(tq, rth_hash(h, "pf"));
    CHECK(f != NULL && f->field_index == 8, "inherited data field");
    for (uint32_t i = 1; i < rp->nlookup; i++)
        CHECK(rp->lookup[i - 1].hashed_name <= rp->lookup[i].hashed_name, "P lookup sorted");
    CHECK(rq->to_string == qs && rp->to_string == NULL, "__string hook");
    /* closure type of (P) -> void: no arguments, parent = the full type */
    hli_type *ft = rth_type(h, t->tfun_p), *ct = ft->u.fun->closure_type;
    CHECK(ct != NULL && ct->kind == HFUN && ct->u.fun->nargs == 0 && ct->u.fun->parent == ft &&
              ct->u.fun->ret == ft->u.fun->ret,
          "closure type");
    char buf[128];
    CHECK(strcmp(hli_rt_type_str(h->vm, ct, buf, sizeof buf), "(void ())") == 0, "closure type str: %s", buf);
    /* hidden interface field */
    hli_obj_rt *ri = rth_type(h, t->I2)->u.obj->rt;
    CHECK(ri->ninterfaces == 1 && ri->interfaces[0] == 2, "interfaces: %u", ri->ninterfaces);
    CHECK(hli_obj_resolve_field(rth_type(h, t->I2), 0) == NULL, "hidden fields are not in the lookup");
}

static void test_bindings(rth *h, types *t) {
    hli_type *tk = rth_type(h, t->K);
    hli_obj_rt *rk = tk->u.obj->rt;
    CHECK(rk->nbindings == 2 && rk->bindings[0].closure != NULL && rk->bindings[1].closure == NULL, "bindings");
    vobj *a = hli_alloc_obj(h->th, tk);
    h->extra_roots[0] = a;
    vobj *b = hli_alloc_obj(h->th, tk);
    h->extra_roots[1] = b;
    CHECK(a != NULL && b != NULL, "alloc");
    if (a == NULL || b == NULL)
        return;
    vclosure *fa = *(vclosure **)((char *)a + rk->fields_indexes[0]), *fb = *(vclosure **)((char *)b + rk->fields_indexes[0]);
    CHECK(fa == fb && fa->hasValue == 0 && fa->t == h->p->fns[fa == NULL ? 0 : ((hli_fn *)fa->fun)->findex].type,
          "static closure shared by instances");
    CHECK(hli_gc_block_of(h->vm->gc, fa, NULL) == NULL, "static closures are module memory");
    vclosure *ga = *(vclosure **)((char *)a + rk->fields_indexes[1]);
    CHECK(ga != NULL && ga->hasValue == 1 && ga->value == a && ga->t == rth_type(h, t->tfun_kii)->u.fun->closure_type,
          "bound closure per instance");
    /* calling the static closure dynamically */
    vdynamic *arg = NULL, *ret = NULL;
    int32_t v = 41;
    CHECK(hli_make_dyn(h->th, &v, HLI_T(i32), &arg) == HLI_OK, "box");
    CHECK(hli_dyn_call(h->th, fa, &arg, 1, &ret) == HLI_OK && ret != NULL && ret->v.i == 42, "call static closure");
    h->extra_roots[0] = h->extra_roots[1] = NULL;
}

int main(int argc, char **argv) {
    bool stress = argc > 1 && strcmp(argv[1], "--stress") == 0;
    types t;
    hlb_builder *b = build(&t);
    rth h;
    if (!rth_open(&h, b, natives)) {
        hlb_free(b);
        return 1;
    }
    if (stress)
        rth_stress(&h, 1);
    test_hashes(&h, &t);
    test_layouts(&h, &t);
    test_methods(&h, &t);
    test_bindings(&h, &t);
    rth_close(&h);
    hlb_free(b);
    if (rth_failures != 0) {
        fprintf(stderr, "%d check(s) failed\n", rth_failures);
        return 1;
    }
    printf("rt layout: all checks passed%s\n", stress ? " (GC stress)" : "");
    return 0;
}
