/* hlbuilder: builds .hl modules in memory and encodes them exactly as the Haxe compiler (genhl)
 * would, with switches for odd-but-valid and invalid encodings (see hlbuilder.h). */
#include "hlbuilder.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Small helpers ------------------------------------------------------------------------- */

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n == 0 ? 1 : n);
    if (q == NULL) {
        fprintf(stderr, "hlbuilder: out of memory\n");
        abort();
    }
    return q;
}

static void *xcalloc(size_t count, size_t size) {
    void *p = calloc(count == 0 ? 1 : count, size == 0 ? 1 : size);
    if (p == NULL) {
        fprintf(stderr, "hlbuilder: out of memory\n");
        abort();
    }
    return p;
}

static void *xdup(const void *src, size_t n) {
    void *p = xcalloc(1, n + 1); /* +1: strings keep a terminating NUL for convenience */
    if (n != 0)
        memcpy(p, src, n);
    return p;
}

/* Makes room for one more element in a (count, cap, array) triple; returns the new element's
 * index, the element zeroed. */
#define GROW(arr, count, cap)                                                              \
    do {                                                                                   \
        if ((count) == (cap)) {                                                            \
            size_t ncap_ = (cap) == 0 ? 8 : (size_t)(cap) * 2;                             \
            (arr) = xrealloc((arr), ncap_ * sizeof(*(arr)));                               \
            (cap) = (uint32_t)ncap_;                                                       \
        }                                                                                  \
        memset(&(arr)[(count)], 0, sizeof(*(arr)));                                        \
    } while (0)

static int32_t *dup_ints(const int32_t *v, uint32_t n) {
    int32_t *p = xcalloc(n, sizeof(int32_t));
    if (n != 0)
        memcpy(p, v, n * sizeof(int32_t));
    return p;
}

/* ---- Lifecycle ------------------------------------------------------------------------------ */

hlb_builder *hlb_new(int version, bool debug) {
    hlb_builder *b = xcalloc(1, sizeof(*b));
    b->version = version;
    b->debug = debug;
    b->vi_mode = HLB_VI_SMALLEST;
    return b;
}

static void free_type(hlb_type *t) {
    free(t->args);
    free(t->fields);
    free(t->proto);
    free(t->bindings);
    for (uint32_t i = 0; i < t->nconstructs; i++)
        free(t->constructs[i].params);
    free(t->constructs);
}

static void free_function(hlb_function *f) {
    for (uint32_t i = 0; i < f->nops; i++) {
        free(f->ops[i].extra);
        free(f->ops[i].raw);
    }
    free(f->ops);
    free(f->regs);
    free(f->assigns);
    free(f->raw_debug);
}

void hlb_free(hlb_builder *b) {
    if (b == NULL)
        return;
    for (uint32_t i = 0; i < b->nstrings; i++)
        free(b->strings[i].data);
    for (uint32_t i = 0; i < b->nbytes; i++)
        free(b->bytes[i].data);
    for (uint32_t i = 0; i < b->ndebugfiles; i++)
        free(b->debugfiles[i].data);
    for (uint32_t i = 0; i < b->ntypes; i++)
        free_type(&b->types[i]);
    for (uint32_t i = 0; i < b->nfunctions; i++)
        free_function(&b->functions[i]);
    for (uint32_t i = 0; i < b->nconstants; i++)
        free(b->constants[i].fields);
    free(b->ints);
    free(b->floats);
    free(b->strings);
    free(b->bytes);
    free(b->debugfiles);
    free(b->types);
    free(b->globals);
    free(b->natives);
    free(b->functions);
    free(b->constants);
    free(b->trailer);
    free(b);
}

/* ---- Constant tables ----------------------------------------------------------------------- */

int32_t hlb_int(hlb_builder *b, int32_t v) {
    for (uint32_t i = 0; i < b->nints; i++)
        if (b->ints[i] == v)
            return (int32_t)i;
    GROW(b->ints, b->nints, b->cap_ints);
    b->ints[b->nints] = v;
    return (int32_t)b->nints++;
}

int32_t hlb_float(hlb_builder *b, double v) {
    for (uint32_t i = 0; i < b->nfloats; i++)
        if (memcmp(&b->floats[i], &v, sizeof v) == 0)
            return (int32_t)i;
    GROW(b->floats, b->nfloats, b->cap_floats);
    b->floats[b->nfloats] = v;
    return (int32_t)b->nfloats++;
}

static int32_t blob_add(hlb_blob **arr, uint32_t *count, uint32_t *cap, const void *data, size_t n) {
    GROW(*arr, *count, *cap);
    (*arr)[*count].data = xdup(data, n);
    (*arr)[*count].size = n;
    return (int32_t)(*count)++;
}

static int32_t blob_find(const hlb_blob *arr, uint32_t count, const void *data, size_t n) {
    for (uint32_t i = 0; i < count; i++)
        if (arr[i].size == n && (n == 0 || memcmp(arr[i].data, data, n) == 0))
            return (int32_t)i;
    return -1;
}

int32_t hlb_string(hlb_builder *b, const char *s) {
    size_t n = strlen(s);
    int32_t i = blob_find(b->strings, b->nstrings, s, n);
    return i >= 0 ? i : blob_add(&b->strings, &b->nstrings, &b->cap_strings, s, n);
}

int32_t hlb_string_len(hlb_builder *b, const void *s, size_t len) {
    return blob_add(&b->strings, &b->nstrings, &b->cap_strings, s, len);
}

int32_t hlb_bytes(hlb_builder *b, const void *data, size_t len) {
    return blob_add(&b->bytes, &b->nbytes, &b->cap_bytes, data, len);
}

int32_t hlb_debug_file(hlb_builder *b, const char *name) {
    size_t n = strlen(name);
    int32_t i = blob_find(b->debugfiles, b->ndebugfiles, name, n);
    return i >= 0 ? i : blob_add(&b->debugfiles, &b->ndebugfiles, &b->cap_debugfiles, name, n);
}

/* ---- Types --------------------------------------------------------------------------------- */

int32_t hlb_type_new(hlb_builder *b, int kind) {
    GROW(b->types, b->ntypes, b->cap_types);
    hlb_type *t = &b->types[b->ntypes];
    t->kind = kind;
    t->super = -1;
    return (int32_t)b->ntypes++;
}

hlb_type *hlb_type_at(hlb_builder *b, int32_t t) {
    if (t < 0 || (uint32_t)t >= b->ntypes) {
        fprintf(stderr, "hlbuilder: no type %d\n", (int)t);
        abort();
    }
    return &b->types[t];
}

int32_t hlb_type_basic(hlb_builder *b, hli_kind kind) {
    for (uint32_t i = 0; i < b->ntypes; i++)
        if (b->types[i].kind == (int)kind)
            return (int32_t)i;
    return hlb_type_new(b, (int)kind);
}

static int32_t fun_like(hlb_builder *b, int kind, int32_t ret, uint32_t nargs, const int32_t *args) {
    for (uint32_t i = 0; i < b->ntypes; i++) {
        const hlb_type *t = &b->types[i];
        if (t->kind == kind && t->ret == ret && t->nargs == nargs &&
            (nargs == 0 || memcmp(t->args, args, nargs * sizeof(int32_t)) == 0))
            return (int32_t)i;
    }
    int32_t ti = hlb_type_new(b, kind);
    hlb_type *t = &b->types[ti];
    t->ret = ret;
    t->nargs = nargs;
    t->args = dup_ints(args, nargs);
    return ti;
}

int32_t hlb_type_funv(hlb_builder *b, int32_t ret, uint32_t nargs, const int32_t *args) {
    return fun_like(b, HFUN, ret, nargs, args);
}

static int32_t *va_ints(va_list ap, uint32_t n) {
    int32_t *v = xcalloc(n, sizeof(int32_t));
    for (uint32_t i = 0; i < n; i++)
        v[i] = va_arg(ap, int32_t);
    return v;
}

int32_t hlb_type_fun(hlb_builder *b, int32_t ret, uint32_t nargs, ...) {
    va_list ap;
    va_start(ap, nargs);
    int32_t *args = va_ints(ap, nargs);
    va_end(ap);
    int32_t t = fun_like(b, HFUN, ret, nargs, args);
    free(args);
    return t;
}

int32_t hlb_type_method(hlb_builder *b, int32_t ret, uint32_t nargs, ...) {
    va_list ap;
    va_start(ap, nargs);
    int32_t *args = va_ints(ap, nargs);
    va_end(ap);
    int32_t t = fun_like(b, HMETHOD, ret, nargs, args);
    free(args);
    return t;
}

static int32_t param_type(hlb_builder *b, int kind, int32_t param) {
    for (uint32_t i = 0; i < b->ntypes; i++)
        if (b->types[i].kind == kind && b->types[i].tparam == param)
            return (int32_t)i;
    int32_t t = hlb_type_new(b, kind);
    b->types[t].tparam = param;
    return t;
}

int32_t hlb_type_ref(hlb_builder *b, int32_t param) { return param_type(b, HREF, param); }
int32_t hlb_type_null(hlb_builder *b, int32_t param) { return param_type(b, HNULL, param); }
int32_t hlb_type_packed(hlb_builder *b, int32_t param) { return param_type(b, HPACKED, param); }

int32_t hlb_type_abstract(hlb_builder *b, const char *name) {
    int32_t s = hlb_string(b, name);
    for (uint32_t i = 0; i < b->ntypes; i++)
        if (b->types[i].kind == HABSTRACT && b->types[i].name == s)
            return (int32_t)i;
    int32_t t = hlb_type_new(b, HABSTRACT);
    b->types[t].name = s;
    return t;
}

int32_t hlb_type_virtual(hlb_builder *b, uint32_t nfields, ...) {
    hlb_field *fields = xcalloc(nfields, sizeof(hlb_field));
    va_list ap;
    va_start(ap, nfields);
    for (uint32_t i = 0; i < nfields; i++) {
        const char *name = va_arg(ap, const char *);
        fields[i].name = hlb_string(b, name);
        fields[i].type = va_arg(ap, int32_t);
    }
    va_end(ap);
    int32_t t = hlb_type_new(b, HVIRTUAL);
    b->types[t].nfields = nfields;
    b->types[t].fields = fields;
    return t;
}

static int32_t obj_like(hlb_builder *b, int kind, const char *name, int32_t super, int32_t global) {
    int32_t s = hlb_string(b, name);
    int32_t t = hlb_type_new(b, kind);
    b->types[t].name = s;
    b->types[t].super = super;
    b->types[t].global = global;
    return t;
}

int32_t hlb_type_obj(hlb_builder *b, const char *name, int32_t super, int32_t global) {
    return obj_like(b, HOBJ, name, super, global);
}

int32_t hlb_type_struct(hlb_builder *b, const char *name, int32_t super, int32_t global) {
    return obj_like(b, HSTRUCT, name, super, global);
}

void hlb_obj_field(hlb_builder *b, int32_t t, const char *name, int32_t type) {
    int32_t s = hlb_string(b, name);
    hlb_type *ty = hlb_type_at(b, t);
    ty->fields = xrealloc(ty->fields, (ty->nfields + 1) * sizeof(hlb_field));
    ty->fields[ty->nfields].name = s;
    ty->fields[ty->nfields].type = type;
    ty->nfields++;
}

void hlb_obj_proto(hlb_builder *b, int32_t t, const char *name, int32_t findex, int32_t pindex) {
    int32_t s = hlb_string(b, name);
    hlb_type *ty = hlb_type_at(b, t);
    ty->proto = xrealloc(ty->proto, (ty->nproto + 1) * sizeof(hlb_proto));
    ty->proto[ty->nproto].name = s;
    ty->proto[ty->nproto].findex = findex;
    ty->proto[ty->nproto].pindex = pindex;
    ty->nproto++;
}

void hlb_obj_binding(hlb_builder *b, int32_t t, int32_t field, int32_t findex) {
    hlb_type *ty = hlb_type_at(b, t);
    ty->bindings = xrealloc(ty->bindings, (ty->nbindings + 1) * sizeof(hlb_binding));
    ty->bindings[ty->nbindings].field = field;
    ty->bindings[ty->nbindings].findex = findex;
    ty->nbindings++;
}

int32_t hlb_type_enum(hlb_builder *b, const char *name, int32_t global) {
    int32_t s = hlb_string(b, name);
    int32_t t = hlb_type_new(b, HENUM);
    b->types[t].name = s;
    b->types[t].global = global;
    return t;
}

void hlb_enum_construct(hlb_builder *b, int32_t t, const char *name, uint32_t nparams, ...) {
    int32_t s = hlb_string(b, name);
    va_list ap;
    va_start(ap, nparams);
    int32_t *params = va_ints(ap, nparams);
    va_end(ap);
    hlb_type *ty = hlb_type_at(b, t);
    ty->constructs = xrealloc(ty->constructs, (ty->nconstructs + 1) * sizeof(hlb_construct));
    ty->constructs[ty->nconstructs].name = s;
    ty->constructs[ty->nconstructs].nparams = nparams;
    ty->constructs[ty->nconstructs].params = params;
    ty->nconstructs++;
}

/* ---- Globals, natives, constants ----------------------------------------------------------- */

int32_t hlb_global(hlb_builder *b, int32_t type) {
    GROW(b->globals, b->nglobals, b->cap_globals);
    b->globals[b->nglobals] = type;
    return (int32_t)b->nglobals++;
}

/* Resolves HLB_AUTO and keeps next_findex past every findex handed out. */
static int32_t take_findex(hlb_builder *b, uint32_t findex) {
    if (findex == HLB_AUTO)
        findex = b->next_findex;
    if (findex < (uint32_t)INT32_MAX && findex + 1 > b->next_findex)
        b->next_findex = findex + 1;
    return (int32_t)findex;
}

int32_t hlb_add_native(hlb_builder *b, const char *lib, const char *name, int32_t type, uint32_t findex) {
    int32_t l = hlb_string(b, lib), n = hlb_string(b, name);
    GROW(b->natives, b->nnatives, b->cap_natives);
    hlb_native *nat = &b->natives[b->nnatives++];
    nat->lib = l;
    nat->name = n;
    nat->type = type;
    nat->findex = take_findex(b, findex);
    return nat->findex;
}

int32_t hlb_add_constant(hlb_builder *b, int32_t global, uint32_t nfields, ...) {
    va_list ap;
    va_start(ap, nfields);
    int32_t *fields = va_ints(ap, nfields);
    va_end(ap);
    GROW(b->constants, b->nconstants, b->cap_constants);
    b->constants[b->nconstants].global = global;
    b->constants[b->nconstants].nfields = nfields;
    b->constants[b->nconstants].fields = fields;
    return (int32_t)b->nconstants++;
}

/* The number of UTF-16 code units of a UTF-8 string (4-byte sequences count 2). */
static int32_t utf16_length(const char *s) {
    int32_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) != 0x80)
            n += (*p >= 0xF0) ? 2 : 1;
    }
    return n;
}

int32_t hlb_string_constant(hlb_builder *b, int32_t string_type, const char *s) {
    int32_t g = hlb_global(b, string_type);
    int32_t si = hlb_string(b, s);
    int32_t li = hlb_int(b, utf16_length(s));
    hlb_add_constant(b, g, 2, si, li);
    return g;
}

void hlb_set_entrypoint(hlb_builder *b, int32_t findex) { b->entrypoint = findex; }

/* ---- Functions ----------------------------------------------------------------------------- */

int32_t hlb_add_functionv(hlb_builder *b, int32_t type, uint32_t findex, uint32_t nregs,
                          const int32_t *regs) {
    GROW(b->functions, b->nfunctions, b->cap_functions);
    hlb_function *f = &b->functions[b->nfunctions];
    f->type = type;
    f->findex = take_findex(b, findex);
    f->nregs = nregs;
    f->regs = dup_ints(regs, nregs);
    f->cur_file = 0;
    f->cur_line = 1;
    return (int32_t)b->nfunctions++;
}

int32_t hlb_add_function(hlb_builder *b, int32_t type, uint32_t findex, uint32_t nregs, ...) {
    va_list ap;
    va_start(ap, nregs);
    int32_t *regs = va_ints(ap, nregs);
    va_end(ap);
    int32_t fi = hlb_add_functionv(b, type, findex, nregs, regs);
    free(regs);
    return fi;
}

hlb_function *hlb_fn(hlb_builder *b, int32_t fi) {
    if (fi < 0 || (uint32_t)fi >= b->nfunctions) {
        fprintf(stderr, "hlbuilder: no function %d\n", (int)fi);
        abort();
    }
    return &b->functions[fi];
}

int32_t hlb_reg(hlb_builder *b, int32_t fi, int32_t type) {
    hlb_function *f = hlb_fn(b, fi);
    f->regs = xrealloc(f->regs, (f->nregs + 1) * sizeof(int32_t));
    f->regs[f->nregs] = type;
    return (int32_t)f->nregs++;
}

void hlb_pos(hlb_builder *b, int32_t fi, uint32_t file, uint32_t line) {
    hlb_function *f = hlb_fn(b, fi);
    f->cur_file = file;
    f->cur_line = line;
}

static hlb_op *new_op(hlb_builder *b, int32_t fi, int op) {
    hlb_function *f = hlb_fn(b, fi);
    GROW(f->ops, f->nops, f->cap_ops);
    hlb_op *o = &f->ops[f->nops++];
    o->op = op;
    o->file = f->cur_file;
    o->line = f->cur_line;
    return o;
}

int32_t hlb_emit(hlb_builder *b, int32_t fi, int op, int32_t p1, int32_t p2, int32_t p3) {
    hlb_op *o = new_op(b, fi, op);
    o->p1 = p1;
    o->p2 = p2;
    o->p3 = p3;
    return (int32_t)hlb_fn(b, fi)->nops - 1;
}

int32_t hlb_emit_ext(hlb_builder *b, int32_t fi, int op, int32_t p1, int32_t p2, int32_t p3, uint32_t n,
                     const int32_t *extra) {
    hlb_op *o = new_op(b, fi, op);
    o->p1 = p1;
    o->p2 = p2;
    o->p3 = p3;
    o->nextra = n;
    o->extra = dup_ints(extra, n);
    return (int32_t)hlb_fn(b, fi)->nops - 1;
}

int32_t hlb_emit_call(hlb_builder *b, int32_t fi, int32_t dst, int32_t findex, uint32_t nargs, ...) {
    va_list ap;
    va_start(ap, nargs);
    int32_t *args = va_ints(ap, nargs);
    va_end(ap);
    int32_t r;
    switch (nargs) {
    case 0: r = hlb_emit(b, fi, OCall0, dst, findex, 0); break;
    case 1: r = hlb_emit(b, fi, OCall1, dst, findex, args[0]); break;
    case 2: case 3: case 4:
        r = hlb_emit_ext(b, fi, (int)OCall2 + (int)nargs - 2, dst, findex, args[0], nargs - 1, args + 1);
        break;
    default: r = hlb_emit_ext(b, fi, OCallN, dst, findex, 0, nargs, args); break;
    }
    free(args);
    return r;
}

int32_t hlb_emit_switch(hlb_builder *b, int32_t fi, int32_t reg, uint32_t n, const int32_t *offsets,
                        int32_t end) {
    return hlb_emit_ext(b, fi, OSwitch, reg, (int32_t)n, end, n, offsets);
}

int32_t hlb_emit_raw(hlb_builder *b, int32_t fi, const void *bytes, size_t size) {
    hlb_op *o = new_op(b, fi, -1);
    o->raw = xdup(bytes, size);
    o->raw_size = size;
    return (int32_t)hlb_fn(b, fi)->nops - 1;
}

void hlb_assign_add(hlb_builder *b, int32_t fi, const char *name, int32_t pos) {
    int32_t s = hlb_string(b, name);
    hlb_function *f = hlb_fn(b, fi);
    f->assigns = xrealloc(f->assigns, (f->nassigns + 1) * sizeof(hlb_assign));
    f->assigns[f->nassigns].name = s;
    f->assigns[f->nassigns].pos = pos;
    f->nassigns++;
}

void hlb_raw_debug(hlb_builder *b, int32_t fi, const void *bytes, size_t size) {
    hlb_function *f = hlb_fn(b, fi);
    free(f->raw_debug);
    f->raw_debug = xdup(bytes, size);
    f->raw_debug_size = size;
}

/* ---- Odd encodings ------------------------------------------------------------------------- */

void hlb_set_header_count(hlb_builder *b, hlb_count c, uint32_t value) {
    b->count_override[c] = true;
    b->count_value[c] = value;
}

void hlb_append_raw(hlb_builder *b, const void *bytes, size_t size) {
    b->trailer = xrealloc(b->trailer, b->trailer_size + size);
    memcpy(b->trailer + b->trailer_size, bytes, size);
    b->trailer_size += size;
}

size_t hlb_encode_vi(int32_t v, hlb_varint_mode mode, uint8_t *out) {
    uint32_t neg = v < 0 ? 1u : 0u;
    uint32_t m = neg ? (uint32_t)0 - (uint32_t)v : (uint32_t)v;
    if (m >= 0x20000000u)
        return 0;
    if (!neg && m < 0x80 && mode == HLB_VI_SMALLEST) {
        out[0] = (uint8_t)m;
        return 1;
    }
    if (m < 0x2000 && mode != HLB_VI_WIDE4) {
        out[0] = (uint8_t)(0x80 | (neg << 5) | (m >> 8));
        out[1] = (uint8_t)(m & 0xFF);
        return 2;
    }
    out[0] = (uint8_t)(0xC0 | (neg << 5) | (m >> 24));
    out[1] = (uint8_t)((m >> 16) & 0xFF);
    out[2] = (uint8_t)((m >> 8) & 0xFF);
    out[3] = (uint8_t)(m & 0xFF);
    return 4;
}

/* ---- Writer -------------------------------------------------------------------------------- */

typedef struct outbuf {
    uint8_t *data;
    size_t size, cap;
    hlb_varint_mode mode;
    bool failed;
} outbuf;

static void put(outbuf *o, const void *p, size_t n) {
    if (o->size + n > o->cap) {
        size_t ncap = o->cap ? o->cap : 256;
        while (ncap < o->size + n)
            ncap *= 2;
        o->data = xrealloc(o->data, ncap);
        o->cap = ncap;
    }
    if (n != 0)
        memcpy(o->data + o->size, p, n);
    o->size += n;
}

static void put_u8(outbuf *o, uint32_t v) {
    uint8_t c = (uint8_t)(v & 0xFF);
    put(o, &c, 1);
}

static void put_i32(outbuf *o, int32_t v) {
    uint32_t u = (uint32_t)v;
    uint8_t c[4] = {(uint8_t)u, (uint8_t)(u >> 8), (uint8_t)(u >> 16), (uint8_t)(u >> 24)};
    put(o, c, 4);
}

static void put_f64(outbuf *o, double d) {
    uint64_t u;
    memcpy(&u, &d, 8);
    uint8_t c[8];
    for (int i = 0; i < 8; i++)
        c[i] = (uint8_t)(u >> (8 * i));
    put(o, c, 8);
}

static void put_vi(outbuf *o, int32_t v) {
    uint8_t c[4];
    size_t n = hlb_encode_vi(v, o->mode, c);
    if (n == 0) {
        fprintf(stderr, "hlbuilder: index %ld cannot be encoded (|v| >= 2^29)\n", (long)v);
        o->failed = true;
        return;
    }
    put(o, c, n);
}

/* A count of the header: the table's real size unless overridden. */
static void put_count(outbuf *o, const hlb_builder *b, hlb_count c, uint32_t real) {
    put_vi(o, (int32_t)(b->count_override[c] ? b->count_value[c] : real));
}

/* A string block (hl-spec.md 1.5): total size, data with a NUL after each string, lengths. */
static void put_strings(outbuf *o, const hlb_blob *s, uint32_t n) {
    size_t total = 0;
    for (uint32_t i = 0; i < n; i++)
        total += s[i].size + 1;
    put_i32(o, (int32_t)total);
    for (uint32_t i = 0; i < n; i++) {
        put(o, s[i].data, s[i].size);
        put_u8(o, 0);
    }
    for (uint32_t i = 0; i < n; i++)
        put_vi(o, (int32_t)s[i].size);
}

static void put_type(outbuf *o, const hlb_type *t) {
    put_u8(o, (uint32_t)t->kind);
    switch (t->kind) {
    case HFUN:
    case HMETHOD:
        put_u8(o, t->nargs);
        for (uint32_t i = 0; i < t->nargs; i++)
            put_vi(o, t->args[i]);
        put_vi(o, t->ret);
        break;
    case HOBJ:
    case HSTRUCT:
        put_vi(o, t->name);
        put_vi(o, t->super);
        put_vi(o, t->global);
        put_vi(o, (int32_t)t->nfields);
        put_vi(o, (int32_t)t->nproto);
        put_vi(o, (int32_t)t->nbindings);
        for (uint32_t i = 0; i < t->nfields; i++) {
            put_vi(o, t->fields[i].name);
            put_vi(o, t->fields[i].type);
        }
        for (uint32_t i = 0; i < t->nproto; i++) {
            put_vi(o, t->proto[i].name);
            put_vi(o, t->proto[i].findex);
            put_vi(o, t->proto[i].pindex);
        }
        for (uint32_t i = 0; i < t->nbindings; i++) {
            put_vi(o, t->bindings[i].field);
            put_vi(o, t->bindings[i].findex);
        }
        break;
    case HREF:
    case HNULL:
    case HPACKED:
        put_vi(o, t->tparam);
        break;
    case HVIRTUAL:
        put_vi(o, (int32_t)t->nfields);
        for (uint32_t i = 0; i < t->nfields; i++) {
            put_vi(o, t->fields[i].name);
            put_vi(o, t->fields[i].type);
        }
        break;
    case HABSTRACT:
        put_vi(o, t->name);
        break;
    case HENUM:
        put_vi(o, t->name);
        put_vi(o, t->global);
        put_vi(o, (int32_t)t->nconstructs);
        for (uint32_t i = 0; i < t->nconstructs; i++) {
            const hlb_construct *c = &t->constructs[i];
            put_vi(o, c->name);
            put_vi(o, (int32_t)c->nparams); /* genhl writes a byte: identical below 128 */
            for (uint32_t j = 0; j < c->nparams; j++)
                put_vi(o, c->params[j]);
        }
        break;
    default:
        break; /* payload-less kinds, and invalid ones written bare */
    }
}

/* The operand encoding of an opcode number: a count, HLI_ENC_VAR, HLI_ENC_SWITCH, or 3 for numbers
 * outside the table. */
static int op_encoding(int op) {
    switch (op) {
#define HLB_ENC_CASE(name, num, enc) \
    case num:                        \
        return enc;
        HLI_OPCODES(HLB_ENC_CASE)
#undef HLB_ENC_CASE
    default:
        return 3;
    }
}

static void put_op(outbuf *o, const hlb_op *op) {
    if (op->raw != NULL) {
        put(o, op->raw, op->raw_size);
        return;
    }
    put_u8(o, (uint32_t)op->op);
    int enc = op_encoding(op->op);
    if (enc == HLI_ENC_SWITCH) {
        put_vi(o, op->p1);
        put_vi(o, (int32_t)op->nextra);
        for (uint32_t i = 0; i < op->nextra; i++)
            put_vi(o, op->extra[i]);
        put_vi(o, op->p3);
    } else if (enc == HLI_ENC_VAR) {
        put_vi(o, op->p1);
        put_vi(o, op->p2);
        put_u8(o, op->nextra);
        for (uint32_t i = 0; i < op->nextra; i++)
            put_vi(o, op->extra[i]);
    } else {
        const int32_t p[3] = {op->p1, op->p2, op->p3};
        for (int i = 0; i < enc; i++) {
            if (i < 3)
                put_vi(o, p[i]);
            else
                put_vi(o, (uint32_t)(i - 3) < op->nextra ? op->extra[i - 3] : 0);
        }
    }
}

/* Per-op (file, line) pairs, encoded as genhl's write_debug_infos does (hl-spec.md 1.10): a file
 * change before the first op and at each change, runs of up to 15 equal lines (the run byte also
 * carries a following line delta of 1..3), 1-byte deltas 1..31, else a 3-byte absolute line. */
static void put_debug(outbuf *o, const hlb_function *f) {
    int64_t curfile = -1;
    uint32_t curpos = 0, rcount = 0;
#define FLUSH(p)                                                                        \
    do {                                                                                \
        while (rcount > 15) {                                                           \
            put_u8(o, (15u << 2) | 2u);                                                 \
            rcount -= 15;                                                               \
        }                                                                               \
        if (rcount > 0) {                                                               \
            uint32_t d_ = (p) > curpos && (p) - curpos < 4 ? (p) - curpos : 0;          \
            put_u8(o, (d_ << 6) | (rcount << 2) | 2u);                                  \
            rcount = 0;                                                                 \
            curpos += d_;                                                               \
        }                                                                               \
    } while (0)
    for (uint32_t i = 0; i < f->nops; i++) {
        uint32_t file = f->ops[i].file, p = f->ops[i].line;
        if ((int64_t)file != curfile) {
            FLUSH(p);
            curfile = file;
            put_u8(o, ((file >> 8) << 1) | 1u);
            put_u8(o, file & 0xFF);
        }
        if (p != curpos)
            FLUSH(p);
        if (p == curpos) {
            rcount++;
        } else {
            uint32_t delta = p - curpos;
            if (p > curpos && delta < 32) {
                put_u8(o, (delta << 3) | 4u);
            } else {
                put_u8(o, (p << 3) & 0xFF);
                put_u8(o, (p >> 5) & 0xFF);
                put_u8(o, (p >> 13) & 0xFF);
            }
            curpos = p;
        }
    }
    FLUSH(curpos);
#undef FLUSH
}

static void put_function(outbuf *o, const hlb_builder *b, const hlb_function *f) {
    put_vi(o, f->type);
    put_vi(o, f->findex);
    put_vi(o, (int32_t)f->nregs);
    put_vi(o, (int32_t)f->nops);
    for (uint32_t i = 0; i < f->nregs; i++)
        put_vi(o, f->regs[i]);
    for (uint32_t i = 0; i < f->nops; i++)
        put_op(o, &f->ops[i]);
    if (!b->debug)
        return;
    if (f->raw_debug != NULL)
        put(o, f->raw_debug, f->raw_debug_size);
    else
        put_debug(o, f);
    if (b->version >= 3) {
        put_vi(o, (int32_t)f->nassigns);
        for (uint32_t i = 0; i < f->nassigns; i++) {
            put_vi(o, f->assigns[i].name);
            put_vi(o, f->assigns[i].pos);
        }
    }
}

uint8_t *hlb_write(const hlb_builder *b, size_t *size) {
    return hlb_write_sections(b, size, NULL);
}

uint8_t *hlb_write_sections(const hlb_builder *b, size_t *size, uint32_t *sections) {
    uint32_t sec_local[HLI_SECTION_COUNT];
    uint32_t *sec = sections != NULL ? sections : sec_local;
    outbuf o = {0};
    o.mode = b->vi_mode;
    sec[HLI_SECTION_HEADER] = 0;
    put(&o, "HLB", 3);
    put_u8(&o, (uint32_t)b->version);
    put_vi(&o, (int32_t)((b->debug ? 1u : 0u) | b->extra_flags));
    put_count(&o, b, HLB_COUNT_INTS, b->nints);
    put_count(&o, b, HLB_COUNT_FLOATS, b->nfloats);
    put_count(&o, b, HLB_COUNT_STRINGS, b->nstrings);
    if (b->version >= 5)
        put_count(&o, b, HLB_COUNT_BYTES, b->nbytes);
    put_count(&o, b, HLB_COUNT_TYPES, b->ntypes);
    put_count(&o, b, HLB_COUNT_GLOBALS, b->nglobals);
    put_count(&o, b, HLB_COUNT_NATIVES, b->nnatives);
    put_count(&o, b, HLB_COUNT_FUNCTIONS, b->nfunctions);
    if (b->version >= 4)
        put_count(&o, b, HLB_COUNT_CONSTANTS, b->nconstants);
    put_vi(&o, b->entrypoint);

    sec[HLI_SECTION_INTS] = (uint32_t)o.size;
    for (uint32_t i = 0; i < b->nints; i++)
        put_i32(&o, b->ints[i]);
    sec[HLI_SECTION_FLOATS] = (uint32_t)o.size;
    for (uint32_t i = 0; i < b->nfloats; i++)
        put_f64(&o, b->floats[i]);
    sec[HLI_SECTION_STRINGS] = (uint32_t)o.size;
    put_strings(&o, b->strings, b->nstrings);
    sec[HLI_SECTION_BYTES] = (uint32_t)o.size;
    if (b->version >= 5) {
        size_t total = 0;
        for (uint32_t i = 0; i < b->nbytes; i++)
            total += b->bytes[i].size;
        put_i32(&o, (int32_t)total);
        for (uint32_t i = 0; i < b->nbytes; i++)
            put(&o, b->bytes[i].data, b->bytes[i].size);
        size_t pos = 0;
        for (uint32_t i = 0; i < b->nbytes; i++) {
            put_vi(&o, (int32_t)pos);
            pos += b->bytes[i].size;
        }
    }
    sec[HLI_SECTION_DEBUGFILES] = (uint32_t)o.size;
    if (b->debug) {
        put_count(&o, b, HLB_COUNT_DEBUGFILES, b->ndebugfiles);
        put_strings(&o, b->debugfiles, b->ndebugfiles);
    }
    sec[HLI_SECTION_TYPES] = (uint32_t)o.size;
    for (uint32_t i = 0; i < b->ntypes; i++)
        put_type(&o, &b->types[i]);
    sec[HLI_SECTION_GLOBALS] = (uint32_t)o.size;
    for (uint32_t i = 0; i < b->nglobals; i++)
        put_vi(&o, b->globals[i]);
    sec[HLI_SECTION_NATIVES] = (uint32_t)o.size;
    for (uint32_t i = 0; i < b->nnatives; i++) {
        const hlb_native *n = &b->natives[i];
        put_vi(&o, n->lib);
        put_vi(&o, n->name);
        put_vi(&o, n->type);
        put_vi(&o, n->findex);
    }
    sec[HLI_SECTION_FUNCTIONS] = (uint32_t)o.size;
    for (uint32_t i = 0; i < b->nfunctions; i++)
        put_function(&o, b, &b->functions[i]);
    sec[HLI_SECTION_CONSTANTS] = (uint32_t)o.size;
    if (b->version >= 4) {
        for (uint32_t i = 0; i < b->nconstants; i++) {
            const hlb_constant *c = &b->constants[i];
            put_vi(&o, c->global);
            put_vi(&o, (int32_t)c->nfields);
            for (uint32_t j = 0; j < c->nfields; j++)
                put_vi(&o, c->fields[j]);
        }
    }
    sec[HLI_SECTION_END] = (uint32_t)o.size;
    put(&o, b->trailer, b->trailer_size);
    if (o.failed) {
        free(o.data);
        return NULL;
    }
    *size = o.size;
    return o.data;
}

bool hlb_write_file(const hlb_builder *b, const char *path) {
    size_t n;
    uint8_t *data = hlb_write(b, &n);
    if (data == NULL)
        return false;
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        fprintf(stderr, "hlbuilder: cannot write %s\n", path);
        free(data);
        return false;
    }
    bool ok = fwrite(data, 1, n, f) == n;
    ok = (fclose(f) == 0) && ok;
    free(data);
    if (!ok)
        fprintf(stderr, "hlbuilder: write error on %s\n", path);
    return ok;
}

/* ---- The minimal valid module -------------------------------------------------------------- */

hlb_builder *hlb_minimal(int version, bool debug, hlb_std *std) {
    hlb_std s;
    hlb_builder *b = hlb_new(version, debug);
    s.tvoid = hlb_type_basic(b, HVOID);
    s.tui8 = hlb_type_basic(b, HUI8);
    s.tui16 = hlb_type_basic(b, HUI16);
    s.ti32 = hlb_type_basic(b, HI32);
    s.ti64 = hlb_type_basic(b, HI64);
    s.tf32 = hlb_type_basic(b, HF32);
    s.tf64 = hlb_type_basic(b, HF64);
    s.tbool = hlb_type_basic(b, HBOOL);
    s.tbytes = hlb_type_basic(b, HBYTES);
    s.tdyn = hlb_type_basic(b, HDYN);
    s.tarray = hlb_type_basic(b, HARRAY);
    s.ttype = hlb_type_basic(b, HTYPE);
    s.tdynobj = hlb_type_basic(b, HDYNOBJ);
    s.tfun_void = hlb_type_fun(b, s.tvoid, 0);
    hlb_debug_file(b, "Main.hx");
    s.entry = hlb_add_function(b, s.tfun_void, HLB_AUTO, 1, s.tvoid);
    s.entry_findex = b->functions[s.entry].findex;
    hlb_emit(b, s.entry, ORet, 0, 0, 0);
    hlb_set_entrypoint(b, s.entry_findex);
    if (std != NULL)
        *std = s;
    return b;
}
