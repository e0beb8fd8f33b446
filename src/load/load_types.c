/* Reading the type table (hl-spec.md 1.7) and checking the type graph: superclasses of the same kind
 * without cycles, structural types (functions, refs, nulls, packed) without cycles and of bounded
 * depth, binding and virtual-slot indexes in range. After this, code that walks types never loops and
 * recurses at most HLI_MAX_TYPE_DEPTH deep. */
#include "load/load_internal.h"

/* Deepest nesting of function/ref/null/packed types accepted; code recursing over types relies on it. */
#define HLI_MAX_TYPE_DEPTH 200

hli_type *hli_loader_type_ref(hli_loader *L, const char *what) {
    uint32_t i = hli_read_index(&L->r, L->m->ntypes, what);
    if (L->r.failed)
        return &L->placeholder;
    return &L->m->types[i];
}

static void read_fun(hli_loader *L, hli_type *t) {
    hli_type_fun *f = hli_loader_array(L, 1, sizeof *f);
    if (f == NULL)
        return;
    t->u.fun = f;
    f->nargs = hli_read_u8(&L->r, "a function type's argument count");
    if (f->nargs > 0 && (f->args = hli_loader_array(L, f->nargs, sizeof(hli_type *))) == NULL)
        return;
    for (uint32_t i = 0; i < f->nargs; i++)
        f->args[i] = hli_loader_type_ref(L, "an argument type");
    f->ret = hli_loader_type_ref(L, "a return type");
}

static void read_fields(hli_loader *L, uint32_t n, hli_field **out) {
    if (n == 0 || (*out = hli_loader_array(L, n, sizeof(hli_field))) == NULL)
        return;
    for (uint32_t i = 0; i < n && !L->r.failed; i++) {
        (*out)[i].name = hli_read_index(&L->r, L->m->nstrings, "a field name (string index)");
        (*out)[i].type = hli_loader_type_ref(L, "a field type");
    }
}

/* A count of entries that each take at least `least` bytes must fit in what is left of the file. */
static uint32_t read_count(hli_loader *L, unsigned least, const char *what) {
    size_t at = L->r.pos;
    uint32_t n = hli_read_uvi(&L->r, what);
    if (!L->r.failed && (uint64_t)n * least > hli_reader_left(&L->r)) {
        hli_reader_fail_at(&L->r, at, "%s %u cannot fit in the %zu bytes left", what, (unsigned)n,
                           hli_reader_left(&L->r));
        return 0;
    }
    return n;
}

/* 1 + global index, 0 = none. */
static uint32_t read_global_ref(hli_loader *L, const char *what) {
    size_t at = L->r.pos;
    uint32_t g = hli_read_uvi(&L->r, what);
    if (!L->r.failed && g > L->m->nglobals)
        hli_reader_fail_at(&L->r, at, "%s %u out of range (there are %u globals)", what, (unsigned)g - 1,
                           (unsigned)L->m->nglobals);
    return g;
}

static void read_obj(hli_loader *L, hli_type *t) {
    hli_reader *r = &L->r;
    hli_module *m = L->m;
    uint32_t nfindex = m->nfunctions + m->nnatives;
    hli_type_obj *o = hli_loader_array(L, 1, sizeof *o);
    if (o == NULL)
        return;
    t->u.obj = o;
    o->name = hli_read_index(r, m->nstrings, "a class name (string index)");
    size_t super_at = r->pos;
    int32_t super = hli_read_vi(r, "a superclass");
    if (r->failed)
        return;
    if (super < -1 || super >= (int32_t)m->ntypes) {
        hli_reader_fail_at(r, super_at, "superclass %d out of range (there are %u types)", (int)super,
                           (unsigned)m->ntypes);
        return;
    }
    o->super = super >= 0 ? &m->types[super] : NULL;
    o->global = read_global_ref(L, "a class global");
    o->nfields = read_count(L, 2, "the field count");
    o->nproto = read_count(L, 3, "the method count");
    o->nbindings = read_count(L, 2, "the binding count");
    read_fields(L, o->nfields, &o->fields);
    if (o->nproto > 0 && (o->proto = hli_loader_array(L, o->nproto, sizeof(hli_proto))) != NULL) {
        for (uint32_t i = 0; i < o->nproto && !r->failed; i++) {
            hli_proto *p = &o->proto[i];
            p->name = hli_read_index(r, m->nstrings, "a method name (string index)");
            p->findex = hli_read_index(r, nfindex, "a method's function index");
            size_t at = r->pos;
            p->pindex = hli_read_vi(r, "a virtual slot");
            if (!r->failed && p->pindex < -1)
                hli_reader_fail_at(r, at, "virtual slot %d is negative", (int)p->pindex);
        }
    }
    if (o->nbindings > 0 && (o->bindings = hli_loader_array(L, o->nbindings, sizeof(hli_binding))) != NULL) {
        for (uint32_t i = 0; i < o->nbindings && !r->failed; i++) {
            o->bindings[i].field = hli_read_uvi(r, "a binding's field"); /* range checked with the graph */
            o->bindings[i].findex = hli_read_index(r, nfindex, "a binding's function index");
        }
    }
}

static void read_enum(hli_loader *L, hli_type *t) {
    hli_reader *r = &L->r;
    hli_type_enum *e = hli_loader_array(L, 1, sizeof *e);
    if (e == NULL)
        return;
    t->u.tenum = e;
    e->name = hli_read_index(r, L->m->nstrings, "an enum name (string index)");
    e->global = read_global_ref(L, "an enum global");
    e->nconstructs = read_count(L, 2, "the constructor count");
    if (e->nconstructs == 0 ||
        (e->constructs = hli_loader_array(L, e->nconstructs, sizeof(hli_enum_construct))) == NULL)
        return;
    for (uint32_t i = 0; i < e->nconstructs && !r->failed; i++) {
        hli_enum_construct *c = &e->constructs[i];
        c->name = hli_read_index(r, L->m->nstrings, "a constructor name (string index)");
        c->nparams = read_count(L, 1, "the parameter count");
        if (c->nparams > 0 && (c->params = hli_loader_array(L, c->nparams, sizeof(hli_type *))) != NULL)
            for (uint32_t k = 0; k < c->nparams && !r->failed; k++)
                c->params[k] = hli_loader_type_ref(L, "a constructor parameter type");
    }
}

static void read_type(hli_loader *L, hli_type *t) {
    hli_reader *r = &L->r;
    size_t at = r->pos;
    uint8_t kind = hli_read_u8(r, "a type kind");
    if (r->failed)
        return;
    if (kind >= HLI_KIND_COUNT) {
        hli_reader_fail_at(r, at, "type %u: invalid kind %u", (unsigned)t->index, (unsigned)kind);
        return;
    }
    t->kind = (hli_kind)kind;
    switch (t->kind) {
    case HFUN:
    case HMETHOD: read_fun(L, t); break;
    case HOBJ:
    case HSTRUCT: read_obj(L, t); break;
    case HREF:
    case HNULL:
    case HPACKED: t->u.tparam = hli_loader_type_ref(L, "a type parameter"); break;
    case HVIRTUAL: {
        hli_type_virtual *v = hli_loader_array(L, 1, sizeof *v);
        if (v == NULL)
            return;
        t->u.virt = v;
        v->nfields = read_count(L, 2, "the virtual field count");
        read_fields(L, v->nfields, &v->fields);
        break;
    }
    case HABSTRACT: t->u.abs_name = hli_read_index(r, L->m->nstrings, "an abstract name (string index)"); break;
    case HENUM: read_enum(L, t); break;
    default: break; /* the other kinds have no payload */
    }
}

/* Superclass chains: same kind, no cycle; computes total_fields. `chain` is scratch of ntypes entries.
 * Each type is finished once, so the whole pass is linear. */
static void check_supers(hli_loader *L, const uint32_t *offsets, uint8_t *state, hli_type **chain,
                         uint32_t *chain_protos) {
    hli_module *m = L->m;
    enum { TODO, ACTIVE, DONE };
    for (uint32_t i = 0; i < m->ntypes && !L->r.failed; i++) {
        hli_type *t = &m->types[i];
        uint32_t depth = 0;
        while ((t->kind == HOBJ || t->kind == HSTRUCT) && state[t->index] == TODO) {
            hli_type *s = t->u.obj->super;
            if (s != NULL && s->kind != t->kind) {
                hli_reader_fail_at(&L->r, offsets[t->index], "type %u: its superclass %u is a %s, not a %s",
                                   (unsigned)t->index, (unsigned)s->index, hli_kind_name(s->kind),
                                   hli_kind_name(t->kind));
                return;
            }
            state[t->index] = ACTIVE;
            chain[depth++] = t;
            if (s == NULL)
                break;
            if (state[s->index] == ACTIVE) {
                hli_reader_fail_at(&L->r, offsets[t->index], "type %u: its superclass chain loops",
                                   (unsigned)t->index);
                return;
            }
            t = s;
        }
        while (depth > 0) {
            hli_type *c = chain[--depth];
            hli_type_obj *o = c->u.obj;
            uint32_t base = o->super ? o->super->u.obj->total_fields : 0;
            uint32_t protos = o->super ? chain_protos[o->super->index] : 0;
            o->total_fields = base + o->nfields;
            chain_protos[c->index] = protos + o->nproto;
            state[c->index] = DONE;
        }
    }
}

/* Bindings name absolute fields, and virtual slots stay below the number of methods of the chain, so
 * that virtual tables stay proportional to the file. */
static void check_members(hli_loader *L, const uint32_t *offsets, const uint32_t *chain_protos) {
    hli_module *m = L->m;
    for (uint32_t i = 0; i < m->ntypes && !L->r.failed; i++) {
        hli_type *t = &m->types[i];
        if (t->kind != HOBJ && t->kind != HSTRUCT)
            continue;
        const hli_type_obj *o = t->u.obj;
        for (uint32_t k = 0; k < o->nbindings; k++)
            if (o->bindings[k].field >= o->total_fields) {
                hli_reader_fail_at(&L->r, offsets[i], "type %u: binding %u names field %u of %u", (unsigned)i,
                                   (unsigned)k, (unsigned)o->bindings[k].field, (unsigned)o->total_fields);
                return;
            }
        for (uint32_t k = 0; k < o->nproto; k++)
            if (o->proto[k].pindex >= 0 && (uint32_t)o->proto[k].pindex >= chain_protos[i]) {
                hli_reader_fail_at(&L->r, offsets[i], "type %u: method %u has virtual slot %d but the class "
                                   "and its superclasses have only %u methods", (unsigned)i, (unsigned)k,
                                   (int)o->proto[k].pindex, (unsigned)chain_protos[i]);
                return;
            }
    }
}

/* How many component types a structural type has (function arguments and result, or the parameter);
 * 0 for the nominal and basic kinds, which end the walk. */
static uint32_t structural_child_count(const hli_type *t) {
    switch (t->kind) {
    case HFUN:
    case HMETHOD: return t->u.fun->nargs + 1;
    case HREF:
    case HNULL:
    case HPACKED: return 1;
    default: return 0;
    }
}

static hli_type *child_at(const hli_type *t, uint32_t k) {
    if (t->kind == HFUN || t->kind == HMETHOD)
        return k < t->u.fun->nargs ? t->u.fun->args[k] : t->u.fun->ret;
    return t->u.tparam;
}

/* Depth-first walk over function/ref/null/packed edges (the others are nominal and end the walk), with
 * an explicit stack: no cycles, depth <= HLI_MAX_TYPE_DEPTH. height[] memoises finished types. */
static void check_structure(hli_loader *L, const uint32_t *offsets, uint8_t *state, hli_type **stack,
                            uint32_t *next_child, uint32_t *height) {
    hli_module *m = L->m;
    enum { TODO, ACTIVE, DONE };
    for (uint32_t i = 0; i < m->ntypes; i++)
        state[i] = TODO;
    for (uint32_t i = 0; i < m->ntypes && !L->r.failed; i++) {
        if (state[i] != TODO)
            continue;
        uint32_t sp = 0;
        stack[sp] = &m->types[i];
        next_child[sp] = 0;
        state[i] = ACTIVE;
        sp++;
        while (sp > 0) {
            hli_type *t = stack[sp - 1];
            uint32_t n = structural_child_count(t);
            if (next_child[sp - 1] < n) {
                hli_type *c = child_at(t, next_child[sp - 1]++);
                if (state[c->index] == ACTIVE) {
                    hli_reader_fail_at(&L->r, offsets[t->index], "type %u: it contains itself through type %u",
                                       (unsigned)t->index, (unsigned)c->index);
                    return;
                }
                if (state[c->index] == TODO) {
                    state[c->index] = ACTIVE;
                    stack[sp] = c;
                    next_child[sp] = 0;
                    sp++;
                }
                continue;
            }
            uint32_t h = 0;
            for (uint32_t k = 0; k < n; k++) {
                uint32_t ch = height[child_at(t, k)->index] + 1;
                if (ch > h)
                    h = ch;
            }
            if (h > HLI_MAX_TYPE_DEPTH) {
                hli_reader_fail_at(&L->r, offsets[t->index], "type %u: nested more than %d levels deep",
                                   (unsigned)t->index, HLI_MAX_TYPE_DEPTH);
                return;
            }
            if (t->kind == HPACKED && t->u.tparam->kind != HSTRUCT) {
                hli_reader_fail_at(&L->r, offsets[t->index], "type %u: packed type of a %s, not of a struct",
                                   (unsigned)t->index, hli_kind_name(t->u.tparam->kind));
                return;
            }
            height[t->index] = h;
            state[t->index] = DONE;
            sp--;
        }
    }
}

void hli_load_types(hli_loader *L) {
    hli_module *m = L->m;
    hli_mem *mem = m->mem;
    if (m->ntypes == 0)
        return;
    if ((m->types = hli_loader_array(L, m->ntypes, sizeof(hli_type))) == NULL)
        return;
    size_t n = m->ntypes;
    /* Scratch for the graph checks, freed below; it counts against the load budget like the tables. */
    size_t scratch = n * (3 * sizeof(uint32_t) + sizeof(hli_type *) + 1);
    if (L->arena.used + scratch > L->arena.budget) {
        L->r.failed = true;
        hli_error_raise(L->r.err, HLFFI_ERROR_INVALID_BYTECODE,
                        "invalid bytecode at byte %zu: the module needs more memory than %d times its size",
                        L->r.pos, HLI_LOAD_MEMORY_FACTOR);
        return;
    }
    L->arena.budget -= scratch; /* reserved while the scratch lives */
    uint32_t *offsets = hli_mem_array(mem, n, sizeof(uint32_t));
    uint32_t *aux = hli_mem_array(mem, n, sizeof(uint32_t));
    uint32_t *aux2 = hli_mem_array(mem, n, sizeof(uint32_t));
    hli_type **stack = hli_mem_array(mem, n, sizeof(hli_type *));
    uint8_t *state = hli_mem_array(mem, n, 1);
    if (offsets == NULL || aux == NULL || aux2 == NULL || stack == NULL || state == NULL) {
        L->r.failed = true;
        hli_error_raise(L->r.err, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while loading the types");
    }
    for (uint32_t i = 0; i < m->ntypes && !L->r.failed; i++) {
        m->types[i].index = i;
        offsets[i] = (uint32_t)L->r.pos;
        read_type(L, &m->types[i]);
    }
    if (!L->r.failed)
        check_supers(L, offsets, state, stack, aux);
    if (!L->r.failed)
        check_members(L, offsets, aux);
    if (!L->r.failed)
        check_structure(L, offsets, state, stack, aux, aux2);
    hli_mem_free(mem, offsets, n * sizeof(uint32_t));
    hli_mem_free(mem, aux, n * sizeof(uint32_t));
    hli_mem_free(mem, aux2, n * sizeof(uint32_t));
    hli_mem_free(mem, stack, n * sizeof(hli_type *));
    hli_mem_free(mem, state, n);
    L->arena.budget += scratch;
}
