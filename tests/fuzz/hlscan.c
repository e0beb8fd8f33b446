/* hlscan: records the position of every count and index field of a .hl file (see hlscan.h). It
 * follows hl-spec.md section 1 and stops quietly at the first inconsistency. */
#include "hlscan.h"

#include <stdlib.h>
#include <string.h>

#include "load/opcodes.h"

typedef struct scanner {
    const uint8_t *data;
    size_t size, pos;
    int failed;
    hlscan_result *r;
} scanner;

static void record(scanner *s, size_t at, size_t len, hlscan_class cls, int32_t value, uint32_t limit) {
    hlscan_result *r = s->r;
    if (r->nfields == r->cap) {
        size_t ncap = r->cap ? r->cap * 2 : 256;
        hlscan_field *nf = realloc(r->fields, ncap * sizeof *nf);
        if (nf == NULL) {
            s->failed = 1;
            return;
        }
        r->fields = nf;
        r->cap = ncap;
    }
    hlscan_field *f = &r->fields[r->nfields++];
    f->offset = (uint32_t)at;
    f->length = (uint8_t)len;
    f->cls = (uint8_t)cls;
    f->value = value;
    f->limit = limit;
}

static uint8_t u8(scanner *s) {
    if (s->failed || s->pos >= s->size) {
        s->failed = 1;
        return 0;
    }
    return s->data[s->pos++];
}

static int32_t vi(scanner *s) {
    uint8_t b = u8(s);
    if ((b & 0x80) == 0)
        return b;
    if ((b & 0x40) == 0) {
        int32_t m = (int32_t)((b & 0x1F) << 8 | u8(s));
        return (b & 0x20) ? -m : m;
    }
    uint32_t c = u8(s), d = u8(s), e = u8(s);
    int32_t m = (int32_t)((uint32_t)(b & 0x1F) << 24 | c << 16 | d << 8 | e);
    return (b & 0x20) ? -m : m;
}

/* A vi recorded as a field of class cls. */
static int32_t field(scanner *s, hlscan_class cls, uint32_t limit) {
    size_t at = s->pos;
    int32_t v = vi(s);
    if (!s->failed)
        record(s, at, s->pos - at, cls, v, limit);
    return v;
}

static uint32_t count(scanner *s) {
    int32_t v = field(s, HLSCAN_COUNT, 0);
    if (v < 0 || (size_t)v > s->size)
        s->failed = 1;
    return s->failed ? 0 : (uint32_t)v;
}

static uint8_t count_u8(scanner *s) {
    size_t at = s->pos;
    uint8_t v = u8(s);
    if (!s->failed)
        record(s, at, 1, HLSCAN_COUNT_U8, v, 0);
    return v;
}

static void skip(scanner *s, size_t n) {
    if (s->failed || n > s->size - s->pos)
        s->failed = 1;
    else
        s->pos += n;
}

static void string_block(scanner *s, uint32_t n) {
    size_t at = s->pos;
    if (s->size - s->pos < 4) {
        s->failed = 1;
        return;
    }
    const uint8_t *p = s->data + s->pos;
    int32_t size = (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
    record(s, at, 4, HLSCAN_SIZE_I32, size, 0);
    s->pos += 4;
    if (size < 0) {
        s->failed = 1;
        return;
    }
    skip(s, (size_t)size);
    for (uint32_t i = 0; i < n && !s->failed; i++)
        count(s);
}

/* Per-opcode operand encoding from the opcode table (a count, HLI_ENC_VAR or HLI_ENC_SWITCH), -3 for
 * numbers outside it. */
static int op_shape(unsigned op) {
    switch (op) {
#define HLSCAN_ENC(name, num, enc) \
    case num:                      \
        return enc;
        HLI_OPCODES(HLSCAN_ENC)
#undef HLSCAN_ENC
    default:
        return -3;
    }
}

/* Operations HashLink leaves unchecked by design (docs/internals/verifier.md section 6). */
static int unchecked_op(unsigned op) {
    switch (op) {
    case OUnsafeCast: case OGetArray: case OSetArray: case OGetI8: case OGetI16: case OGetMem: case OSetI8:
    case OSetI16: case OSetMem: case ORef: case ORefData: case ORefOffset: case OEnumField: case OSetEnumField:
        return 1;
    default:
        return 0;
    }
}

/* What the scan keeps of the types and natives to tell which natives take raw memory. */
typedef struct type_info {
    uint8_t *kinds;      /* per type */
    uint32_t *fun_first; /* per type: the first of its argument types in args (HFUN, HMETHOD) */
    uint8_t *fun_nargs;
    uint32_t *args;
    size_t nargs, cap_args;
    uint8_t *raw_native; /* per findex: a native taking bytes, an array or a reference */
    int32_t *super;      /* per type: an HOBJ/HSTRUCT's superclass, else -1 */
} type_info;

/* A growable list of u32. */
typedef struct u32_list {
    uint32_t *v;
    size_t n, cap;
} u32_list;

static void push(scanner *s, u32_list *l, uint32_t x) {
    if (l->n == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 64;
        uint32_t *nv = realloc(l->v, ncap * sizeof *nv);
        if (nv == NULL) {
            s->failed = 1;
            return;
        }
        l->v = nv;
        l->cap = ncap;
    }
    l->v[l->n++] = x;
}

/* What each function touches, for the second pass (see propagate): per function i, its entries in
 * each list lie in [first[i], first[i + 1]). */
typedef struct fn_uses {
    u32_list ints;       /* ints entries it loads (OInt) */
    u32_list reads;      /* classes whose fields it reads (OField, OGetThis) */
    u32_list writes;     /* classes whose fields it writes (OSetField, OSetThis) */
    size_t *first_int, *first_read, *first_write;
} fn_uses;

static void add_arg(scanner *s, type_info *ti, uint32_t t) {
    if (ti->nargs == ti->cap_args) {
        size_t ncap = ti->cap_args ? ti->cap_args * 2 : 256;
        uint32_t *na = realloc(ti->args, ncap * sizeof *na);
        if (na == NULL) {
            s->failed = 1;
            return;
        }
        ti->args = na;
        ti->cap_args = ncap;
    }
    ti->args[ti->nargs++] = t;
}

static int takes_raw_memory(const type_info *ti, uint32_t ntypes, int32_t t) {
    if (t < 0 || (uint32_t)t >= ntypes || (ti->kinds[t] != 10 && ti->kinds[t] != 20))
        return 0;
    for (uint32_t k = 0; k < ti->fun_nargs[t]; k++) {
        uint32_t a = ti->args[ti->fun_first[t] + k];
        if (a < ntypes && (ti->kinds[a] == 8 || ti->kinds[a] == 12 || ti->kinds[a] == 14)) /* HBYTES HARRAY HREF */
            return 1;
    }
    return 0;
}

static void record_function(scanner *s, uint32_t start, int unchecked) {
    hlscan_result *r = s->r;
    if ((r->nfunctions & (r->nfunctions - 1)) == 0) { /* 0, 1, 2, 4 ...: grow */
        hlscan_function *nf = realloc(r->functions, (r->nfunctions ? r->nfunctions * 2 : 1) * sizeof *nf);
        if (nf == NULL) {
            s->failed = 1;
            return;
        }
        r->functions = nf;
    }
    hlscan_function *f = &r->functions[r->nfunctions++];
    f->start = start;
    f->end = (uint32_t)s->pos;
    f->unchecked = unchecked;
}

void hlscan_free(hlscan_result *r) {
    free(r->fields);
    free(r->functions);
    free(r->int_unchecked);
    r->fields = NULL;
    r->functions = NULL;
    r->int_unchecked = NULL;
    r->nfields = r->cap = r->nfunctions = 0;
}

int hlscan_unchecked_at(const hlscan_result *r, size_t offset) {
    if (offset >= r->ints_offset && offset - r->ints_offset < (size_t)r->nints * 4)
        return r->int_unchecked != NULL && r->int_unchecked[(offset - r->ints_offset) / 4];
    const hlscan_function *f = hlscan_function_at(r, offset);
    return f != NULL && f->unchecked;
}

const hlscan_function *hlscan_function_at(const hlscan_result *r, size_t offset) {
    size_t lo = 0, hi = r->nfunctions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (offset < r->functions[mid].start)
            hi = mid;
        else if (offset >= r->functions[mid].end)
            lo = mid + 1;
        else
            return &r->functions[mid];
    }
    return NULL;
}

/* The second pass. An object's fields can hold an invariant that unchecked operations rely on (a
 * StringBuf's pos within its buffer): a class is "guarded" when a function using unchecked operations
 * reads its fields, and then a function writing fields of it (or of a subclass) counts as using them
 * too. Last, the ints loaded by such functions are marked (an offset or length they pass on). */
static void propagate(hlscan_result *r, const type_info *ti, const fn_uses *u, uint32_t ntypes) {
    uint8_t *guarded = calloc((size_t)ntypes + 1, 1);
    if (guarded == NULL)
        return;
    for (size_t f = 0; f < r->nfunctions; f++) {
        if (!r->functions[f].unchecked)
            continue;
        for (size_t k = u->first_read[f]; k < u->first_read[f + 1]; k++)
            for (int32_t t = (int32_t)u->reads.v[k], depth = 0; t >= 0 && depth < 256; t = ti->super[t], depth++)
                guarded[t] = 1;
    }
    for (size_t f = 0; f < r->nfunctions; f++) {
        for (size_t k = u->first_write[f]; k < u->first_write[f + 1] && !r->functions[f].unchecked; k++)
            for (int32_t t = (int32_t)u->writes.v[k], depth = 0; t >= 0 && depth < 256; t = ti->super[t], depth++)
                if (guarded[t])
                    r->functions[f].unchecked = 1;
        for (size_t k = u->first_int[f]; r->functions[f].unchecked && k < u->first_int[f + 1]; k++)
            r->int_unchecked[u->ints.v[k]] = 1;
    }
    free(guarded);
}

static void scan(const uint8_t *data, size_t size, hlscan_result *r, type_info *ti);

void hlscan(const uint8_t *data, size_t size, hlscan_result *r) {
    type_info ti;
    memset(&ti, 0, sizeof ti);
    scan(data, size, r, &ti);
    free(ti.kinds);
    free(ti.fun_first);
    free(ti.fun_nargs);
    free(ti.args);
    free(ti.raw_native);
    free(ti.super);
}

static void scan(const uint8_t *data, size_t size, hlscan_result *r, type_info *ti) {
    scanner s = {data, size, 0, 0, r};
    r->complete = 0;
    if (size < 4 || memcmp(data, "HLB", 3) != 0)
        return;
    s.pos = 3;
    uint8_t version = u8(&s);
    uint32_t flags = count(&s);
    uint32_t nints = count(&s), nfloats = count(&s), nstrings = count(&s);
    uint32_t nbytes = version >= 5 ? count(&s) : 0;
    uint32_t ntypes = count(&s), nglobals = count(&s), nnatives = count(&s), nfunctions = count(&s);
    uint32_t nconstants = version >= 4 ? count(&s) : 0;
    uint32_t nfindex = nfunctions + nnatives;
    field(&s, HLSCAN_INDEX, nfindex); /* entrypoint */
    r->ints_offset = (uint32_t)s.pos;
    r->nints = nints;
    skip(&s, (size_t)nints * 4);
    skip(&s, (size_t)nfloats * 8);
    string_block(&s, nstrings);
    if (version >= 5) {
        size_t at = s.pos;
        if (s.size - s.pos >= 4) {
            const uint8_t *p = data + s.pos;
            int32_t bsize = (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
            record(&s, at, 4, HLSCAN_SIZE_I32, bsize, 0);
            s.pos += 4;
            skip(&s, bsize < 0 ? (size_t)-1 : (size_t)bsize);
        } else {
            s.failed = 1;
        }
        for (uint32_t i = 0; i < nbytes && !s.failed; i++)
            field(&s, HLSCAN_INDEX, 0);
    }
    uint32_t ndebug = 0;
    if (flags & 1) {
        ndebug = count(&s);
        string_block(&s, ndebug);
    }
    if (s.failed)
        return;
    ti->kinds = calloc((size_t)ntypes + 1, 1);
    ti->fun_first = calloc((size_t)ntypes + 1, sizeof *ti->fun_first);
    ti->fun_nargs = calloc((size_t)ntypes + 1, 1);
    ti->raw_native = calloc((size_t)nfindex + 1, 1);
    ti->super = malloc(((size_t)ntypes + 1) * sizeof *ti->super);
    r->int_unchecked = calloc((size_t)nints + 1, 1);
    if (ti->kinds == NULL || ti->fun_first == NULL || ti->fun_nargs == NULL || ti->raw_native == NULL ||
        ti->super == NULL || r->int_unchecked == NULL)
        return;
    for (uint32_t i = 0; i < ntypes; i++)
        ti->super[i] = -1;
    for (uint32_t i = 0; i < ntypes && !s.failed; i++) {
        size_t at = s.pos;
        uint8_t kind = u8(&s);
        record(&s, at, 1, HLSCAN_KIND, kind, 24);
        ti->kinds[i] = kind;
        switch (kind) {
        case 10: case 20: { /* HFUN, HMETHOD */
            uint8_t n = count_u8(&s);
            ti->fun_first[i] = (uint32_t)ti->nargs;
            ti->fun_nargs[i] = n;
            for (unsigned k = 0; k < n && !s.failed; k++)
                add_arg(&s, ti, (uint32_t)field(&s, HLSCAN_INDEX, ntypes));
            field(&s, HLSCAN_INDEX, ntypes); /* the return type */
            break;
        }
        case 11: case 21: { /* HOBJ, HSTRUCT */
            field(&s, HLSCAN_INDEX, nstrings);
            int32_t sup = field(&s, HLSCAN_INDEX, ntypes); /* super */
            ti->super[i] = sup >= 0 && (uint32_t)sup < ntypes ? sup : -1;
            field(&s, HLSCAN_INDEX, nglobals + 1);
            uint32_t nf = count(&s), np = count(&s), nb = count(&s);
            for (uint32_t k = 0; k < nf && !s.failed; k++) {
                field(&s, HLSCAN_INDEX, nstrings);
                field(&s, HLSCAN_INDEX, ntypes);
            }
            for (uint32_t k = 0; k < np && !s.failed; k++) {
                field(&s, HLSCAN_INDEX, nstrings);
                field(&s, HLSCAN_INDEX, nfindex);
                field(&s, HLSCAN_INDEX, 0); /* pindex */
            }
            for (uint32_t k = 0; k < nb && !s.failed; k++) {
                field(&s, HLSCAN_INDEX, 0);
                field(&s, HLSCAN_INDEX, nfindex);
            }
            break;
        }
        case 14: case 19: case 22: /* HREF, HNULL, HPACKED */
            field(&s, HLSCAN_INDEX, ntypes);
            break;
        case 15: { /* HVIRTUAL */
            uint32_t nf = count(&s);
            for (uint32_t k = 0; k < nf && !s.failed; k++) {
                field(&s, HLSCAN_INDEX, nstrings);
                field(&s, HLSCAN_INDEX, ntypes);
            }
            break;
        }
        case 17: /* HABSTRACT */
            field(&s, HLSCAN_INDEX, nstrings);
            break;
        case 18: { /* HENUM */
            field(&s, HLSCAN_INDEX, nstrings);
            field(&s, HLSCAN_INDEX, nglobals + 1);
            uint32_t nc = count(&s);
            for (uint32_t k = 0; k < nc && !s.failed; k++) {
                field(&s, HLSCAN_INDEX, nstrings);
                uint32_t np = count(&s);
                for (uint32_t p = 0; p < np && !s.failed; p++)
                    field(&s, HLSCAN_INDEX, ntypes);
            }
            break;
        }
        default:
            if (kind >= 24)
                s.failed = 1;
            break;
        }
    }
    for (uint32_t i = 0; i < nglobals && !s.failed; i++)
        field(&s, HLSCAN_INDEX, ntypes);
    for (uint32_t i = 0; i < nnatives && !s.failed; i++) {
        field(&s, HLSCAN_INDEX, nstrings);
        field(&s, HLSCAN_INDEX, nstrings);
        int32_t t = field(&s, HLSCAN_INDEX, ntypes);
        int32_t findex = field(&s, HLSCAN_INDEX, nfindex);
        if (findex >= 0 && (uint32_t)findex < nfindex)
            ti->raw_native[findex] = (uint8_t)takes_raw_memory(ti, ntypes, t);
    }
    fn_uses u;
    memset(&u, 0, sizeof u);
    u32_list regs = {0};
    u.first_int = malloc(((size_t)nfunctions + 1) * sizeof(size_t));
    u.first_read = malloc(((size_t)nfunctions + 1) * sizeof(size_t));
    u.first_write = malloc(((size_t)nfunctions + 1) * sizeof(size_t));
    if (u.first_int == NULL || u.first_read == NULL || u.first_write == NULL)
        s.failed = 1;
    for (uint32_t i = 0; i < nfunctions && !s.failed; i++) {
        uint32_t start = (uint32_t)s.pos;
        int unchecked = 0;
        u.first_int[i] = u.ints.n;
        u.first_read[i] = u.reads.n;
        u.first_write[i] = u.writes.n;
        field(&s, HLSCAN_INDEX, ntypes);
        field(&s, HLSCAN_INDEX, nfindex);
        uint32_t nregs = count(&s), nops = count(&s);
        regs.n = 0;
        for (uint32_t k = 0; k < nregs && !s.failed; k++)
            push(&s, &regs, (uint32_t)field(&s, HLSCAN_INDEX, ntypes));
        for (uint32_t k = 0; k < nops && !s.failed; k++) {
            size_t at = s.pos;
            uint8_t op = u8(&s);
            record(&s, at, 1, HLSCAN_OPCODE, op, 102);
            int shape = op_shape(op);
            unchecked |= unchecked_op(op);
            if (shape >= 0) {
                for (int p = 0; p < shape; p++) {
                    int32_t v = field(&s, HLSCAN_OPERAND, nregs);
                    /* OCall0..OCall4 f: the function is the second operand */
                    if (p == 1 && op >= OCall0 && op <= OCall4 && v >= 0 && (uint32_t)v < nfindex)
                        unchecked |= ti->raw_native[v];
                    if (p == 1 && op == OInt && v >= 0 && (uint32_t)v < nints)
                        push(&s, &u.ints, (uint32_t)v);
                    /* the object register: OField d o f, OSetField o f v; OGetThis/OSetThis: r0 */
                    int32_t obj = (op == OField && p == 1) || (op == OSetField && p == 0) ? v
                                  : (op == OGetThis || op == OSetThis) && p == 0 ? 0 : -1;
                    if (obj >= 0 && (uint32_t)obj < regs.n && regs.v[obj] < ntypes)
                        push(&s, op == OField || op == OGetThis ? &u.reads : &u.writes, regs.v[obj]);
                }
            } else if (shape == HLI_ENC_VAR) {
                field(&s, HLSCAN_OPERAND, nregs);
                int32_t v = field(&s, HLSCAN_OPERAND, nregs);
                if (op == OCallN && v >= 0 && (uint32_t)v < nfindex)
                    unchecked |= ti->raw_native[v];
                uint8_t n = count_u8(&s);
                for (unsigned p = 0; p < n && !s.failed; p++)
                    field(&s, HLSCAN_OPERAND, nregs);
            } else if (shape == HLI_ENC_SWITCH) {
                field(&s, HLSCAN_OPERAND, nregs);
                uint32_t n = count(&s);
                for (uint32_t p = 0; p < n && !s.failed; p++)
                    field(&s, HLSCAN_OPERAND, nops);
                field(&s, HLSCAN_OPERAND, nops);
            } else {
                s.failed = 1;
            }
        }
        if (flags & 1) {
            uint32_t k = 0;
            while (k < nops && !s.failed) {
                uint8_t c = u8(&s);
                if (c & 1)
                    u8(&s);
                else if (c & 2)
                    k += (c >> 2) & 15;
                else if (c & 4)
                    k++;
                else {
                    u8(&s);
                    u8(&s);
                    k++;
                }
            }
            if (version >= 3) {
                uint32_t na = count(&s);
                for (uint32_t a = 0; a < na && !s.failed; a++) {
                    field(&s, HLSCAN_INDEX, nstrings);
                    field(&s, HLSCAN_INDEX, 0);
                }
            }
        }
        if (!s.failed)
            record_function(&s, start, unchecked);
    }
    if (!s.failed && r->nfunctions == nfunctions) {
        u.first_int[nfunctions] = u.ints.n;
        u.first_read[nfunctions] = u.reads.n;
        u.first_write[nfunctions] = u.writes.n;
        propagate(r, ti, &u, ntypes);
    }
    free(regs.v);
    free(u.ints.v);
    free(u.reads.v);
    free(u.writes.v);
    free(u.first_int);
    free(u.first_read);
    free(u.first_write);
    for (uint32_t i = 0; i < nconstants && !s.failed; i++) {
        field(&s, HLSCAN_INDEX, nglobals);
        uint32_t n = count(&s);
        for (uint32_t k = 0; k < n && !s.failed; k++)
            field(&s, HLSCAN_INDEX, 0);
    }
    (void)ndebug;
    r->complete = !s.failed && s.pos == size;
}
