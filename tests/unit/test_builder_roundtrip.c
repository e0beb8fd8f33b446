/* Round trip of the module builder through the loader: modules built with hlbuilder (versions 2..5,
 * with and without debug info, in all three varint widths) are loaded with hli_module_load and every
 * table is compared with what was written. Also: golden bytes of the builder, allocation-failure
 * injection over a whole load, and the loader's memory budget. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hlbuilder.h"

static int failures;
static const char *context = "";

#define CHECK(cond, ...)                                                                 \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            failures++;                                                                  \
            fprintf(stderr, "%s:%d [%s] check failed: %s: ", __FILE__, __LINE__, context, #cond); \
            fprintf(stderr, __VA_ARGS__);                                                \
            fputc('\n', stderr);                                                         \
        }                                                                                \
    } while (0)

/* Index of a type pointer in the module's type table, -1 for NULL. */
static int32_t tidx(const hli_type *t) { return t == NULL ? -1 : (int32_t)t->index; }

static void compare_fields(const hlb_field *want, uint32_t n, const hli_field *got, const char *what) {
    for (uint32_t i = 0; i < n; i++) {
        CHECK(got[i].name == (uint32_t)want[i].name, "%s field %u name %u != %d", what, i, got[i].name,
              want[i].name);
        CHECK(tidx(got[i].type) == want[i].type, "%s field %u type %d != %d", what, i, tidx(got[i].type),
              want[i].type);
    }
}

static void compare_type(const hlb_builder *b, const hli_module *m, uint32_t i) {
    const hlb_type *w = &b->types[i];
    const hli_type *g = &m->types[i];
    char what[32];
    snprintf(what, sizeof what, "type %u", i);
    CHECK((int)g->kind == w->kind, "%s kind %d != %d", what, (int)g->kind, w->kind);
    CHECK(g->index == i, "%s index %u", what, g->index);
    if ((int)g->kind != w->kind)
        return;
    switch (w->kind) {
    case HFUN:
    case HMETHOD:
        CHECK(g->u.fun->nargs == w->nargs, "%s nargs %u != %u", what, g->u.fun->nargs, w->nargs);
        for (uint32_t k = 0; k < w->nargs && k < g->u.fun->nargs; k++)
            CHECK(tidx(g->u.fun->args[k]) == w->args[k], "%s arg %u", what, k);
        CHECK(tidx(g->u.fun->ret) == w->ret, "%s ret %d != %d", what, tidx(g->u.fun->ret), w->ret);
        break;
    case HOBJ:
    case HSTRUCT: {
        const hli_type_obj *o = g->u.obj;
        CHECK(o->name == (uint32_t)w->name, "%s name", what);
        CHECK(tidx(o->super) == w->super, "%s super %d != %d", what, tidx(o->super), w->super);
        CHECK(o->global == (uint32_t)w->global, "%s global %u != %d", what, o->global, w->global);
        CHECK(o->nfields == w->nfields && o->nproto == w->nproto && o->nbindings == w->nbindings,
              "%s member counts %u/%u/%u", what, o->nfields, o->nproto, o->nbindings);
        if (o->nfields == w->nfields)
            compare_fields(w->fields, w->nfields, o->fields, what);
        for (uint32_t k = 0; k < w->nproto && k < o->nproto; k++) {
            CHECK(o->proto[k].name == (uint32_t)w->proto[k].name, "%s proto %u name", what, k);
            CHECK(o->proto[k].findex == (uint32_t)w->proto[k].findex, "%s proto %u findex", what, k);
            CHECK(o->proto[k].pindex == w->proto[k].pindex, "%s proto %u pindex", what, k);
        }
        for (uint32_t k = 0; k < w->nbindings && k < o->nbindings; k++) {
            CHECK(o->bindings[k].field == (uint32_t)w->bindings[k].field, "%s binding %u field", what, k);
            CHECK(o->bindings[k].findex == (uint32_t)w->bindings[k].findex, "%s binding %u findex", what, k);
        }
        uint32_t total = w->nfields;
        for (int32_t s = w->super; s >= 0; s = b->types[s].super)
            total += b->types[s].nfields;
        CHECK(o->total_fields == total, "%s total_fields %u != %u", what, o->total_fields, total);
        break;
    }
    case HREF:
    case HNULL:
    case HPACKED:
        CHECK(tidx(g->u.tparam) == w->tparam, "%s tparam %d != %d", what, tidx(g->u.tparam), w->tparam);
        break;
    case HVIRTUAL:
        CHECK(g->u.virt->nfields == w->nfields, "%s nfields", what);
        if (g->u.virt->nfields == w->nfields)
            compare_fields(w->fields, w->nfields, g->u.virt->fields, what);
        break;
    case HABSTRACT:
        CHECK(g->u.abs_name == (uint32_t)w->name, "%s abstract name", what);
        break;
    case HENUM: {
        const hli_type_enum *e = g->u.tenum;
        CHECK(e->name == (uint32_t)w->name, "%s enum name", what);
        CHECK(e->global == (uint32_t)w->global, "%s enum global", what);
        CHECK(e->nconstructs == w->nconstructs, "%s nconstructs", what);
        for (uint32_t k = 0; k < w->nconstructs && k < e->nconstructs; k++) {
            CHECK(e->constructs[k].name == (uint32_t)w->constructs[k].name, "%s construct %u name", what, k);
            CHECK(e->constructs[k].nparams == w->constructs[k].nparams, "%s construct %u nparams", what, k);
            for (uint32_t p = 0; p < w->constructs[k].nparams && p < e->constructs[k].nparams; p++)
                CHECK(tidx(e->constructs[k].params[p]) == w->constructs[k].params[p], "%s construct %u param %u",
                      what, k, p);
        }
        break;
    }
    default:
        break;
    }
}

/* The operand layout of hli_op for one built op (see hlbuilder.h's struct hlb_op). */
static void compare_op(const hlb_op *w, const hli_op *g, int32_t findex, uint32_t i) {
    CHECK((int)g->op == w->op, "f%d op %u: opcode %d != %d", findex, i, (int)g->op, w->op);
    if ((int)g->op != w->op)
        return;
    int enc = hli_opcode_encoding(g->op);
    if (enc == HLI_ENC_VAR) {
        CHECK(g->p1 == w->p1 && g->p2 == w->p2 && g->p3 == (int32_t)w->nextra, "f%d op %u (%s): %d %d %d", findex,
              i, hli_opcode_name(g->op), g->p1, g->p2, g->p3);
    } else if (enc == HLI_ENC_SWITCH) {
        CHECK(g->p1 == w->p1 && g->p2 == (int32_t)w->nextra && g->p3 == w->p3, "f%d op %u (OSwitch): %d %d %d",
              findex, i, g->p1, g->p2, g->p3);
    } else {
        const int32_t want[3] = {enc >= 1 ? w->p1 : 0, enc >= 2 ? w->p2 : 0, enc >= 3 ? w->p3 : 0};
        CHECK(g->p1 == want[0] && g->p2 == want[1] && g->p3 == want[2], "f%d op %u (%s): %d %d %d != %d %d %d",
              findex, i, hli_opcode_name(g->op), g->p1, g->p2, g->p3, want[0], want[1], want[2]);
    }
    uint32_t nextra = enc > 3 ? (uint32_t)(enc - 3) : enc < 0 ? w->nextra : 0;
    CHECK((nextra == 0) == (g->extra == NULL), "f%d op %u: extra pointer", findex, i);
    for (uint32_t k = 0; k < nextra && g->extra != NULL; k++)
        CHECK(g->extra[k] == (k < w->nextra ? w->extra[k] : 0), "f%d op %u extra %u: %d", findex, i, k,
              g->extra[k]);
}

static void compare_function(const hlb_builder *b, const hli_module *m, uint32_t i) {
    const hlb_function *w = &b->functions[i];
    const hli_function *g = &m->functions[i];
    CHECK(tidx(g->type) == w->type, "function %u type", i);
    CHECK(g->findex == (uint32_t)w->findex, "function %u findex %u != %d", i, g->findex, w->findex);
    CHECK(hli_module_function(m, g->findex) == g, "function %u: hli_module_function", i);
    CHECK(hli_module_findex_type(m, g->findex) == g->type, "function %u: hli_module_findex_type", i);
    CHECK(g->nregs == w->nregs, "function %u nregs", i);
    for (uint32_t k = 0; k < w->nregs && k < g->nregs; k++)
        CHECK(tidx(g->regs[k]) == w->regs[k], "function %u reg %u", i, k);
    CHECK(g->nops == w->nops, "function %u nops %u != %u", i, g->nops, w->nops);
    if (g->nops != w->nops)
        return;
    hli_op *ops = calloc(g->nops + 1, sizeof(hli_op));
    int32_t *extra = calloc(g->nextra + 1, sizeof(int32_t));
    uint32_t *files = calloc(g->nops + 1, sizeof(uint32_t));
    uint32_t *lines = calloc(g->nops + 1, sizeof(uint32_t));
    if (ops == NULL || extra == NULL || files == NULL || lines == NULL)
        abort();
    hli_function_decode(m, g, ops, extra);
    uint32_t want_extra = 0;
    for (uint32_t k = 0; k < w->nops; k++) {
        compare_op(&w->ops[k], &ops[k], w->findex, k);
        int enc = hli_opcode_encoding((hli_opcode)w->ops[k].op);
        want_extra += enc > 3 ? (uint32_t)(enc - 3) : enc < 0 ? w->ops[k].nextra : 0;
    }
    CHECK(g->nextra == want_extra, "function %u nextra %u != %u", i, g->nextra, want_extra);
    if (b->debug) {
        hli_function_debug_lines(m, g, files, lines);
        for (uint32_t k = 0; k < w->nops; k++)
            CHECK(files[k] == w->ops[k].file && lines[k] == w->ops[k].line,
                  "function %u op %u: debug position %u:%u != %u:%u", i, k, files[k], lines[k], w->ops[k].file,
                  w->ops[k].line);
        uint32_t want_assigns = b->version >= 3 ? w->nassigns : 0;
        CHECK(g->nassigns == want_assigns, "function %u nassigns %u != %u", i, g->nassigns, want_assigns);
    }
    free(ops);
    free(extra);
    free(files);
    free(lines);
}

/* Everything in m against the builder it came from. */
static void compare_module(const hlb_builder *b, const hli_module *m, const uint32_t *sections, size_t size) {
    CHECK(m->version == b->version, "version %u", m->version);
    CHECK(m->has_debug == b->debug, "debug flag");
    CHECK(m->image_size == size, "image size");
    CHECK(m->nints == b->nints && m->nfloats == b->nfloats && m->nstrings == b->nstrings, "number counts");
    CHECK(m->nbytes == (b->version >= 5 ? b->nbytes : 0), "nbytes %u", m->nbytes);
    CHECK(m->ntypes == b->ntypes && m->nglobals == b->nglobals && m->nnatives == b->nnatives &&
              m->nfunctions == b->nfunctions,
          "table counts");
    CHECK(m->nconstants == (b->version >= 4 ? b->nconstants : 0), "nconstants %u", m->nconstants);
    CHECK(m->ndebugfiles == (b->debug ? b->ndebugfiles : 0), "ndebugfiles %u", m->ndebugfiles);
    CHECK(m->entrypoint == (uint32_t)b->entrypoint, "entrypoint");
    for (int s = 0; s < HLI_SECTION_COUNT; s++)
        CHECK(m->section_offset[s] == sections[s], "section %d at %u, written at %u", s, m->section_offset[s],
              sections[s]);
    if (m->nints != b->nints || m->ntypes != b->ntypes || m->nfunctions != b->nfunctions)
        return;
    for (uint32_t i = 0; i < b->nints; i++)
        CHECK(m->ints[i] == b->ints[i], "int %u", i);
    for (uint32_t i = 0; i < b->nfloats && i < m->nfloats; i++)
        CHECK(memcmp(&m->floats[i], &b->floats[i], sizeof(double)) == 0, "float %u", i);
    for (uint32_t i = 0; i < b->nstrings && i < m->nstrings; i++) {
        uint32_t len = 0;
        const char *s = hli_module_string(m, i, &len);
        CHECK(len == b->strings[i].size && memcmp(s, b->strings[i].data, len) == 0 && s[len] == 0, "string %u", i);
    }
    if (b->version >= 5) {
        size_t pos = 0;
        for (uint32_t i = 0; i < b->nbytes && i < m->nbytes; i++) {
            CHECK(m->bytes_pos[i] == pos, "bytes %u at %u", i, m->bytes_pos[i]);
            CHECK(b->bytes[i].size == 0 ||
                      memcmp(m->image + m->bytes_offset + m->bytes_pos[i], b->bytes[i].data, b->bytes[i].size) == 0,
                  "bytes %u data", i);
            pos += b->bytes[i].size;
        }
        CHECK(m->bytes_size == pos, "bytes size");
    }
    if (b->debug)
        for (uint32_t i = 0; i < b->ndebugfiles && i < m->ndebugfiles; i++)
            CHECK(strcmp(hli_module_debugfile(m, i), (const char *)b->debugfiles[i].data) == 0, "debug file %u", i);
    for (uint32_t i = 0; i < b->ntypes; i++)
        compare_type(b, m, i);
    for (uint32_t i = 0; i < b->nglobals && i < m->nglobals; i++)
        CHECK(tidx(m->globals[i]) == b->globals[i], "global %u", i);
    for (uint32_t i = 0; i < b->nnatives && i < m->nnatives; i++) {
        const hli_native *n = &m->natives[i];
        const hlb_native *w = &b->natives[i];
        CHECK(n->lib == (uint32_t)w->lib && n->name == (uint32_t)w->name && tidx(n->type) == w->type &&
                  n->findex == (uint32_t)w->findex,
              "native %u", i);
        CHECK(hli_module_native(m, n->findex) == n, "native %u: hli_module_native", i);
        CHECK(hli_module_function(m, n->findex) == NULL, "native %u: hli_module_function", i);
    }
    for (uint32_t i = 0; i < b->nfunctions; i++)
        compare_function(b, m, i);
    if (b->version >= 4)
        for (uint32_t i = 0; i < b->nconstants && i < m->nconstants; i++) {
            const hli_constant *c = &m->constants[i];
            const hlb_constant *w = &b->constants[i];
            CHECK(c->global == (uint32_t)w->global && c->nfields == w->nfields, "constant %u", i);
            for (uint32_t k = 0; k < w->nfields && k < c->nfields; k++)
                CHECK(c->fields[k] == (uint32_t)w->fields[k], "constant %u field %u", i, k);
        }
    uint32_t nf = m->nfunctions + m->nnatives;
    CHECK(hli_module_function(m, nf) == NULL && hli_module_native(m, nf) == NULL &&
              hli_module_findex_type(m, nf) == NULL,
          "findex out of range gives NULL");
}

/* Writes, loads and compares one builder; frees it. */
static void roundtrip(hlb_builder *b, const char *what) {
    char ctx[128];
    snprintf(ctx, sizeof ctx, "%s v%d %s vi%d", what, b->version, b->debug ? "debug" : "nodebug", (int)b->vi_mode);
    context = ctx;
    uint32_t sections[HLI_SECTION_COUNT];
    size_t size = 0;
    uint8_t *data = hlb_write_sections(b, &size, sections);
    CHECK(data != NULL, "hlb_write failed");
    if (data == NULL) {
        hlb_free(b);
        return;
    }
    hli_mem mem;
    hli_mem_init(&mem, 0);
    hli_error err;
    hli_error_clear(&err);
    hli_module *m = hli_module_load(data, size, &mem, &err);
    CHECK(m != NULL, "load failed: %s", err.text);
    if (m != NULL) {
        compare_module(b, m, sections, size);
        size_t budget = size * HLI_LOAD_MEMORY_FACTOR + HLI_LOAD_MEMORY_SLACK;
        CHECK(mem.peak <= budget, "load peak %zu bytes for a %zu-byte file (budget %zu)", mem.peak, size, budget);
        hli_module_free(m);
    }
    CHECK(mem.used == 0, "%zu bytes still allocated after hli_module_free", mem.used);
    free(data);
    hlb_free(b);
}

/* The builder's output for the minimal module, byte by byte (hl-spec.md 1.2-1.10). */
static void test_golden(void) {
    context = "golden";
    static const uint8_t want[] = {
        'H', 'L', 'B', 4,       /* magic, version */
        0,                      /* flags */
        0, 0, 0,                /* ints floats strings */
        14, 0, 0, 1, 0,         /* types globals natives functions constants */
        0,                      /* entrypoint */
        0, 0, 0, 0,             /* string block: size 0 */
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 16, /* payload-less types */
        10, 0, 0,               /* HFUN () -> void */
        13, 0, 1, 1, 0,         /* function: type 13, findex 0, 1 reg, 1 op, reg type void */
        67, 0,                  /* ORet 0 */
    };
    hlb_builder *b = hlb_minimal(4, false, NULL);
    size_t size;
    uint8_t *got = hlb_write(b, &size);
    CHECK(size == sizeof want && memcmp(got, want, size) == 0, "minimal module bytes differ (size %zu)", size);
    free(got);
    hlb_free(b);

    /* Debug info of a few ops as genhl encodes it: file change, a run, a delta, an absolute line. */
    b = hlb_minimal(2, true, NULL);
    hlb_fn(b, 0)->nops = 0;
    hlb_pos(b, 0, 0, 0);
    hlb_emit(b, 0, ONop, 0, 0, 0);
    hlb_emit(b, 0, ONop, 0, 0, 0);
    hlb_pos(b, 0, 0, 2);
    hlb_emit(b, 0, ONop, 0, 0, 0);
    hlb_pos(b, 0, 0, 12);
    hlb_emit(b, 0, ONop, 0, 0, 0);
    hlb_pos(b, 0, 0, 100);
    hlb_emit(b, 0, ORet, 0, 0, 0);
    got = hlb_write(b, &size);
    /* ... function: type, findex, nregs, nops, reg, 5 ops (4 ONop + ORet 0), then debug. */
    static const uint8_t want_dbg[] = {98, 98, 98, 98, 67, 0, 0x01, 0x00, /* file 0 */
                                       (2 << 6) | (2 << 2) | 2,            /* 2 ops on line 0, then +2 */
                                       (1 << 2) | 2,                       /* 1 op on line 2 */
                                       (10 << 3) | 4,                      /* +10: line 12 */
                                       (100 << 3) & 0xFF, 100 >> 5, 0};    /* absolute 100 */
    CHECK(size > sizeof want_dbg && memcmp(got + size - sizeof want_dbg, want_dbg, sizeof want_dbg) == 0,
          "debug encoding differs");
    free(got);
    hlb_free(b);
}

static void test_varints(void) {
    context = "varints";
    struct { int32_t v; hlb_varint_mode mode; size_t n; uint8_t bytes[4]; } cases[] = {
        {0, HLB_VI_SMALLEST, 1, {0}},
        {127, HLB_VI_SMALLEST, 1, {0x7F}},
        {128, HLB_VI_SMALLEST, 2, {0x80, 0x80}},
        {-1, HLB_VI_SMALLEST, 2, {0xA0, 0x01}},
        {0x1FFF, HLB_VI_SMALLEST, 2, {0x9F, 0xFF}},
        {-0x1FFF, HLB_VI_SMALLEST, 2, {0xBF, 0xFF}},
        {0x2000, HLB_VI_SMALLEST, 4, {0xC0, 0x00, 0x20, 0x00}},
        {-0x2000, HLB_VI_SMALLEST, 4, {0xE0, 0x00, 0x20, 0x00}},
        {0x1FFFFFFF, HLB_VI_SMALLEST, 4, {0xDF, 0xFF, 0xFF, 0xFF}},
        {5, HLB_VI_WIDE2, 2, {0x80, 0x05}},
        {5, HLB_VI_WIDE4, 4, {0xC0, 0, 0, 5}},
        {0x20000000, HLB_VI_SMALLEST, 0, {0}},
        {INT32_MIN, HLB_VI_SMALLEST, 0, {0}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint8_t out[4] = {0};
        size_t n = hlb_encode_vi(cases[i].v, cases[i].mode, out);
        CHECK(n == cases[i].n && memcmp(out, cases[i].bytes, n) == 0, "vi %" PRId32 " mode %d", cases[i].v,
              (int)cases[i].mode);
    }
}

/* Every allocation of a load fails in turn: each failure is a clean OUT_OF_MEMORY with nothing leaked. */
static void test_alloc_failures(int version, bool debug) {
    char ctx[64];
    snprintf(ctx, sizeof ctx, "alloc failures v%d %s", version, debug ? "debug" : "nodebug");
    context = ctx;
    hlb_builder *b = hlb_sample(version, debug);
    size_t size;
    uint8_t *data = hlb_write(b, &size);
    hlb_free(b);
    for (uint64_t k = 1; k < 100000; k++) {
        hli_mem mem;
        hli_mem_init(&mem, 0);
        mem.fail_at = k;
        hli_error err;
        hli_error_clear(&err);
        hli_module *m = hli_module_load(data, size, &mem, &err);
        if (m != NULL) {
            hli_module_free(m);
            CHECK(mem.used == 0, "leak after success with fail_at %" PRIu64, k);
            CHECK(k > 1, "no allocation at all?");
            break;
        }
        CHECK(err.code == HLFFI_ERROR_OUT_OF_MEMORY && err.text[0] != 0, "fail_at %" PRIu64 ": code %d (%s)", k,
              (int)err.code, err.text);
        CHECK(mem.used == 0, "fail_at %" PRIu64 ": %zu bytes leaked", k, mem.used);
    }
    free(data);
}

/* A memory limit makes the load fail cleanly rather than exceed it. */
static void test_mem_limit(void) {
    context = "mem limit";
    hlb_builder *b = hlb_sample(5, true);
    size_t size;
    uint8_t *data = hlb_write(b, &size);
    hlb_free(b);
    for (size_t limit = 64; limit < size * 16; limit = limit * 3 / 2) {
        hli_mem mem;
        hli_mem_init(&mem, limit);
        hli_error err;
        hli_error_clear(&err);
        hli_module *m = hli_module_load(data, size, &mem, &err);
        CHECK(mem.peak <= limit, "peak %zu over limit %zu", mem.peak, limit);
        if (m == NULL)
            CHECK(err.code == HLFFI_ERROR_OUT_OF_MEMORY, "limit %zu: code %d (%s)", limit, (int)err.code, err.text);
        hli_module_free(m);
        CHECK(mem.used == 0, "limit %zu: leak", limit);
    }
    free(data);
}

int main(void) {
    test_varints();
    test_golden();
    for (int version = 2; version <= 5; version++) {
        for (int debug = 0; debug <= 1; debug++) {
            for (int mode = HLB_VI_SMALLEST; mode <= HLB_VI_WIDE4; mode++) {
                hlb_builder *b = hlb_minimal(version, debug != 0, NULL);
                b->vi_mode = (hlb_varint_mode)mode;
                roundtrip(b, "minimal");
                b = hlb_sample(version, debug != 0);
                b->vi_mode = (hlb_varint_mode)mode;
                roundtrip(b, "sample");
            }
        }
    }
    test_alloc_failures(5, true);
    test_alloc_failures(3, false);
    test_mem_limit();
    if (failures != 0) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("builder round trip: all checks passed\n");
    return 0;
}
