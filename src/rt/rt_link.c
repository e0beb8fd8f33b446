/* hli_rt_link: builds the runtime data of every type of a program (hl-spec.md 4.2-4.7, 5.1, 6.1 step
 * 4c): names hashed in load order, class layouts (rt_layout.c), virtual layouts, enum construct
 * layouts, closure types of bound closures; and hli_rt_unlink, which frees all of it. */
#include "rt/rt_layout.h"

static void *arena(hli_rt_link_ctx *L, size_t count, size_t size) {
    if (count == 0)
        return NULL;
    void *p = hli_arena_array(&L->st->arena, count, size);
    if (p == NULL)
        L->oom = true;
    return p;
}

/* The raw hash of an ASCII name (hook names). */
static int32_t hash_ascii(const char *s) {
    hli_uchar u[32];
    size_t n = 0;
    for (; s[n] != 0 && n + 1 < sizeof u / sizeof u[0]; n++)
        u[n] = (hli_uchar)s[n];
    u[n] = 0;
    return hli_hash_gen(u);
}

static int32_t register_string(hli_rt_link_ctx *L, uint32_t idx) {
    const hli_uchar *u = hli_rt_ustring(L->p, idx, NULL);
    if (u == NULL) {
        L->oom = true;
        return 0;
    }
    return hli_rt_register_name(L->st, u, false);
}

/* Pass 1, in file order: every HOBJ/HSTRUCT's field names then proto names, every HVIRTUAL's field
 * names, into per-type hash arrays (HashLink hashes them while reading the file). */
static void hash_names(hli_rt_link_ctx *L) {
    const hli_module *m = L->m;
    for (uint32_t i = 0; i < m->ntypes && !L->oom; i++) {
        hli_type *t = &m->types[i];
        if (t->kind == HOBJ || t->kind == HSTRUCT) {
            hli_type_obj *o = t->u.obj;
            hli_obj_rt *rt = arena(L, 1, sizeof *rt);
            if (rt == NULL)
                return;
            o->rt = rt;
            rt->field_hashes = arena(L, o->nfields, sizeof(int32_t));
            rt->proto_hashes = arena(L, o->nproto, sizeof(int32_t));
            if (L->oom)
                return;
            for (uint32_t f = 0; f < o->nfields; f++)
                rt->field_hashes[f] = register_string(L, o->fields[f].name);
            for (uint32_t f = 0; f < o->nproto; f++)
                rt->proto_hashes[f] = register_string(L, o->proto[f].name);
        } else if (t->kind == HVIRTUAL) {
            hli_type_virtual *v = t->u.virt;
            hli_virtual_rt *rt = arena(L, 1, sizeof *rt);
            if (rt == NULL)
                return;
            v->rt = rt;
            rt->hashes = arena(L, v->nfields, sizeof(int32_t));
            if (v->nfields > 0 && rt->hashes == NULL)
                return;
            for (uint32_t f = 0; f < v->nfields; f++)
                rt->hashes[f] = register_string(L, v->fields[f].name);
        }
    }
}

/* hl_init_virtual: data offsets after the fields[] array (no final padding), lookup sorted by hash,
 * mark bits for value, next and pointer data fields. */
static void link_virtual(hli_rt_link_ctx *L, hli_type *t) {
    hli_type_virtual *v = t->u.virt;
    hli_virtual_rt *rt = v->rt;
    uint32_t vsize = (uint32_t)sizeof(vvirtual) + 8 * v->nfields, size = vsize;
    rt->indexes = arena(L, v->nfields, sizeof(uint32_t));
    rt->lookup = arena(L, v->nfields, sizeof(hli_field_lookup));
    if (v->nfields > 0 && (rt->indexes == NULL || rt->lookup == NULL))
        return;
    for (uint32_t i = 0; i < v->nfields; i++) {
        hli_type *ft = v->fields[i].type;
        hli_lookup_insert(rt->lookup, rt->nlookup++, rt->hashes[i], ft, (int32_t)i);
        size += hli_type_pad(size, ft);
        rt->indexes[i] = size;
        size += hli_type_size(ft);
    }
    rt->data_size = size - vsize;
    uint32_t nwords = (size + 7) / 8;
    uint32_t *mark = arena(L, (nwords + 31) / 32, sizeof(uint32_t));
    if (mark == NULL)
        return;
    mark[0] = 2 | 4; /* value, next */
    for (uint32_t i = 0; i < v->nfields; i++)
        if (rt_is_ptr(v->fields[i].type)) {
            uint32_t pos = rt->indexes[i] / 8;
            mark[pos >> 5] |= 1u << (pos & 31);
        }
    t->mark_bits = mark;
}

/* hl_init_enum: per construct, parameters after the 12-byte header at their C alignment, no final
 * padding; mark bits as HashLink's (one 32-bit map per construct over the words after 16 bytes). */
static void link_enum(hli_rt_link_ctx *L, hli_type *t) {
    hli_type_enum *e = t->u.tenum;
    uint32_t mark_words = 0;
    for (uint32_t i = 0; i < e->nconstructs; i++) {
        hli_enum_construct *c = &e->constructs[i];
        c->hasptr = false;
        c->size = (uint32_t)(sizeof(void *) + sizeof(int32_t));
        c->offsets = arena(L, c->nparams, sizeof(uint32_t));
        if (c->nparams > 0 && c->offsets == NULL)
            return;
        for (uint32_t j = 0; j < c->nparams; j++) {
            hli_type *pt = c->params[j];
            c->size += hli_type_pad(c->size, pt);
            c->offsets[j] = c->size;
            c->hasptr |= rt_is_ptr(pt);
            c->size += hli_type_size(pt);
        }
        if (c->hasptr) {
            uint32_t words = i + ((c->size - 16 + 7) / 8 + 31) / 32;
            if (words > mark_words)
                mark_words = words;
        }
    }
    if (mark_words == 0)
        return;
    uint32_t *mark = arena(L, mark_words, sizeof(uint32_t));
    if (mark == NULL)
        return;
    for (uint32_t i = 0; i < e->nconstructs; i++) {
        hli_enum_construct *c = &e->constructs[i];
        for (uint32_t j = 0; c->hasptr && j < c->nparams; j++)
            if (rt_is_ptr(c->params[j])) {
                uint32_t pos = c->offsets[j] / 8 - 2;
                mark[i + (pos >> 5)] |= 1u << (pos & 31);
            }
    }
    t->mark_bits = mark;
}

/* The type of closures bound to their first argument: same function minus argument 0, with parent. */
static void link_closure_type(hli_rt_link_ctx *L, hli_type *t) {
    hli_type_fun *f = t->u.fun;
    if (f->nargs == 0)
        return;
    hli_type *ct = arena(L, 1, sizeof *ct);
    hli_type_fun *cf = arena(L, 1, sizeof *cf);
    if (ct == NULL || cf == NULL)
        return;
    cf->args = f->nargs > 1 ? f->args + 1 : NULL;
    cf->nargs = f->nargs - 1;
    cf->ret = f->ret;
    cf->parent = t;
    ct->kind = HFUN;
    ct->index = UINT32_MAX;
    ct->u.fun = cf;
    f->closure_type = ct;
}

/* The module's String class, if it has the layout natives rely on (bytes @8, length @16). */
static hli_type *find_string_type(const hli_module *m) {
    for (uint32_t i = 0; i < m->ntypes; i++) {
        hli_type *t = &m->types[i];
        if (t->kind != HOBJ || strcmp(hli_module_string(m, t->u.obj->name, NULL), "String") != 0)
            continue;
        hli_obj_rt *rt = t->u.obj->rt;
        const hli_field *f0 = hli_obj_field(t, 0), *f1 = hli_obj_field(t, 1);
        if (rt == NULL || rt->nfields < 2 || f0 == NULL || f1 == NULL || f0->type->kind != HBYTES ||
            f1->type->kind != HI32 || rt->fields_indexes[0] != 8 || rt->fields_indexes[1] != 16)
            return NULL;
        return t;
    }
    return NULL;
}

/* See rt.h. Order matters: names are hashed for every type before any layout (HashLink hashes while
 * reading the file), classes are laid out parent first. */
hlffi_error_code hli_rt_link(hlffi_vm *vm, hli_program *p, hli_error *err) {
    if (p->names != NULL)
        return HLFFI_OK;
    const hli_module *m = p->m;
    hli_rt_state *st = hli_mem_alloc(&vm->mem, sizeof *st);
    if (st == NULL)
        return hli_error_raise(err, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory linking the runtime types");
    st->mem = &vm->mem;
    hli_arena_init(&st->arena, &vm->mem, SIZE_MAX);
    st->hash_string = hash_ascii("__string");
    st->hash_compare = hash_ascii("__compare");
    st->hash_cast = hash_ascii("__cast");
    st->hash_get_field = hash_ascii("__get_field");
    p->names = st;
    hli_rt_link_ctx L = {vm, p, m, st, err, m->nfunctions + m->nnatives, false};
    hlffi_error_code rc = HLFFI_OK;
    if (p->ustrings == NULL && m->nstrings > 0) {
        p->ustrings = arena(&L, m->nstrings, sizeof(hli_uchar *));
        p->ustring_lengths = arena(&L, m->nstrings, sizeof(uint32_t));
        st->own_ustrings = true;
    }
    if (!L.oom)
        hash_names(&L);
    for (uint32_t i = 0; i < m->ntypes && rc == HLFFI_OK && !L.oom; i++) {
        hli_type *t = &m->types[i];
        switch (t->kind) {
        case HOBJ:
        case HSTRUCT: rc = hli_rt_link_obj(&L, t); break;
        case HVIRTUAL: link_virtual(&L, t); break;
        case HENUM: link_enum(&L, t); break;
        case HFUN: link_closure_type(&L, t); break;
        default: break;
        }
    }
    if (rc == HLFFI_OK && L.oom)
        rc = hli_error_raise(err, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory linking the runtime types");
    if (rc != HLFFI_OK) {
        hli_rt_unlink(vm, p);
        return rc;
    }
    if (p->string_type == NULL) {
        p->string_type = find_string_type(m);
        st->own_string_type = p->string_type != NULL;
    }
    return HLFFI_OK;
}

/* Clears the runtime pointers stored in the module's types, then frees the arena and the registry. */
void hli_rt_unlink(hlffi_vm *vm, hli_program *p) {
    hli_rt_state *st = p->names;
    if (st == NULL)
        return;
    const hli_module *m = p->m;
    for (uint32_t i = 0; m != NULL && i < m->ntypes; i++) {
        hli_type *t = &m->types[i];
        t->vobj_proto = NULL;
        t->mark_bits = NULL;
        switch (t->kind) {
        case HOBJ:
        case HSTRUCT: t->u.obj->rt = NULL; break;
        case HVIRTUAL: t->u.virt->rt = NULL; break;
        case HFUN:
        case HMETHOD: t->u.fun->closure_type = NULL; break;
        case HENUM:
            for (uint32_t c = 0; c < t->u.tenum->nconstructs; c++) {
                t->u.tenum->constructs[c].offsets = NULL;
                t->u.tenum->constructs[c].size = 0;
                t->u.tenum->constructs[c].hasptr = false;
            }
            break;
        default: break;
        }
    }
    if (st->own_ustrings) {
        p->ustrings = NULL;
        p->ustring_lengths = NULL;
    }
    if (st->own_string_type)
        p->string_type = NULL;
    hli_arena_free_chunks(&vm->mem, st->arena.chunks);
    hli_mem_free(&vm->mem, st->slots, (size_t)st->cap * sizeof *st->slots);
    hli_mem_free(&vm->mem, st, sizeof *st);
    p->names = NULL;
}
