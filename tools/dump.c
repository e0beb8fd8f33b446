/* `hlffi dump FILE.hl`: loads a module (without verifying it first) and prints a readable listing of
 * every table (format: dump.h); dump_code.c prints the functions. tests/dump/crosscheck.py compares
 * the listing with an independent parser. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dump.h"
#include "tool.h"
#include "verify/verify.h"

/* ---- context ------------------------------------------------------------------------------------ */

const char *dump_type_str(dump_ctx *c, const hli_type *t) {
    if (t == NULL || t->index >= c->m->ntypes) /* the loader only makes table types */
        return "?";
    char **slot = &c->tstr[t->index];
    if (*slot == NULL) {
        char buf[1024];
        hli_type_str(c->m, t, buf, sizeof buf);
        size_t n = strlen(buf);
        if (n == sizeof buf - 1)
            memcpy(buf + n - 3, "...", 3);
        *slot = malloc(n + 1);
        if (*slot == NULL) {
            c->out->failed = true;
            return "?";
        }
        memcpy(*slot, buf, n + 1);
    }
    return *slot;
}

void dump_string(dump_ctx *c, uint32_t i, size_t max) {
    if (i >= c->m->nstrings) {
        dump_puts(c->out, "?");
        return;
    }
    uint32_t len;
    const char *s = hli_module_string(c->m, i, &len);
    dump_quoted(c->out, s, len, max, false);
}

/* A name from the string table, unquoted (class, field and native names). */
static void put_name(dump_ctx *c, uint32_t i) {
    if (i >= c->m->nstrings) {
        dump_puts(c->out, "?");
        return;
    }
    uint32_t len;
    const char *s = hli_module_string(c->m, i, &len);
    dump_escaped(c->out, s, len);
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Lengths of the bytes entries, which the file does not store: an entry runs to the next larger
 * start offset or to the end of the data. */
static bool bytes_lengths(dump_ctx *c) {
    const hli_module *m = c->m;
    uint32_t n = m->nbytes;
    uint32_t *sorted = malloc(sizeof(uint32_t) * (n + 1));
    c->bytes_len = malloc(sizeof(uint32_t) * (n + 1));
    if (sorted == NULL || c->bytes_len == NULL) {
        free(sorted);
        return false;
    }
    if (n > 0)
        memcpy(sorted, m->bytes_pos, sizeof(uint32_t) * n);
    qsort(sorted, n, sizeof(uint32_t), cmp_u32);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t start = m->bytes_pos[i], lo = 0, hi = n; /* first sorted offset > start */
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            if (sorted[mid] <= start)
                lo = mid + 1;
            else
                hi = mid;
        }
        c->bytes_len[i] = (lo < n ? sorted[lo] : m->bytes_size) - start;
    }
    free(sorted);
    return true;
}

/* ---- header and constant tables ----------------------------------------------------------------- */

static void dump_header(dump_ctx *c, const char *path) {
    const hli_module *m = c->m;
    dump_out *o = c->out;
    dump_puts(o, "file: ");
    dump_escaped(o, path, strlen(path));
    dump_printf(o, "\nsize: %zu\nversion: %u\ndebug: %u\n", m->image_size, (unsigned)m->version,
                (unsigned)m->has_debug);
    dump_printf(o, "ints: %u\nfloats: %u\nstrings: %u\nbytes: %u\n", m->nints, m->nfloats, m->nstrings, m->nbytes);
    dump_printf(o, "types: %u\nglobals: %u\nnatives: %u\nfunctions: %u\nconstants: %u\ndebugfiles: %u\n", m->ntypes,
                m->nglobals, m->nnatives, m->nfunctions, m->nconstants, m->ndebugfiles);
    static const char *const names[HLI_SECTION_COUNT] = {"header", "ints",    "floats",    "strings",
                                                         "bytes",  "debugfiles", "types",  "globals",
                                                         "natives", "functions", "constants", "end"};
    dump_puts(o, "offsets:");
    for (int s = HLI_SECTION_INTS; s < HLI_SECTION_COUNT; s++)
        dump_printf(o, " %s @%u", names[s], m->section_offset[s]);
    dump_puts(o, "\n");
    dump_printf(o, "entrypoint: f%u ", m->entrypoint);
    dump_fun_name(c, o, m->entrypoint);
    dump_puts(o, "\n");
}

static void dump_tables(dump_ctx *c) {
    const hli_module *m = c->m;
    dump_out *o = c->out;
    dump_printf(o, "\n== ints (%u)\n", m->nints);
    for (uint32_t i = 0; i < m->nints; i++)
        dump_printf(o, "  i%u = %d\n", i, (int)m->ints[i]);
    dump_printf(o, "\n== floats (%u)\n", m->nfloats);
    for (uint32_t i = 0; i < m->nfloats; i++) {
        dump_printf(o, "  d%u = ", i);
        dump_double(o, m->floats[i]);
        dump_puts(o, "\n");
    }
    dump_printf(o, "\n== strings (%u)\n", m->nstrings);
    for (uint32_t i = 0; i < m->nstrings; i++) {
        dump_printf(o, "  s%u = ", i);
        dump_string(c, i, 0);
        dump_puts(o, "\n");
    }
    if (m->version >= 5) {
        dump_printf(o, "\n== bytes (%u entries, %u bytes of data)\n", m->nbytes, m->bytes_size);
        for (uint32_t i = 0; i < m->nbytes; i++) {
            uint32_t start = m->bytes_pos[i];
            dump_printf(o, "  b%u @%u (%u bytes) = ", i, start, c->bytes_len[i]);
            dump_quoted(o, (const char *)m->image + m->bytes_offset + start, c->bytes_len[i], 64, true);
            dump_puts(o, "\n");
        }
    }
    if (m->has_debug) {
        dump_printf(o, "\n== debugfiles (%u)\n", m->ndebugfiles);
        for (uint32_t i = 0; i < m->ndebugfiles; i++) {
            const char *s = hli_module_debugfile(m, i);
            dump_printf(o, "  %u = ", i);
            dump_quoted(o, s, m->debugfile_offsets[i + 1] - m->debugfile_offsets[i] - 1, 0, false);
            dump_puts(o, "\n");
        }
    }
}

/* ---- types -------------------------------------------------------------------------------------- */

static void dump_field_line(dump_ctx *c, uint32_t index, const hli_field *f) {
    dump_printf(c->out, "      field %u ", index);
    put_name(c, f->name);
    dump_printf(c->out, ": t%u %s\n", f->type->index, dump_type_str(c, f->type));
}

static void dump_obj(dump_ctx *c, const hli_type *t) {
    dump_out *o = c->out;
    const hli_type_obj *ob = t->u.obj;
    put_name(c, ob->name);
    if (ob->super != NULL) {
        dump_printf(o, " extends t%u ", ob->super->index);
        put_name(c, ob->super->u.obj->name);
    }
    if (ob->global > 0)
        dump_printf(o, ", global g%u", ob->global - 1);
    dump_printf(o, "\n");
    uint32_t base = ob->total_fields - ob->nfields;
    for (uint32_t i = 0; i < ob->nfields; i++)
        dump_field_line(c, base + i, &ob->fields[i]);
    for (uint32_t i = 0; i < ob->nproto; i++) {
        const hli_proto *p = &ob->proto[i];
        dump_puts(o, "      proto ");
        put_name(c, p->name);
        dump_printf(o, " f%u slot %d\n", p->findex, (int)p->pindex);
    }
    for (uint32_t i = 0; i < ob->nbindings; i++) {
        const hli_binding *b = &ob->bindings[i];
        const hli_field *f = hli_obj_field(t, b->field);
        dump_printf(o, "      binding %u ", b->field);
        if (f != NULL)
            put_name(c, f->name);
        else
            dump_puts(o, "?");
        dump_printf(o, " = f%u ", b->findex);
        dump_fun_name(c, o, b->findex);
        dump_puts(o, "\n");
    }
}

static void dump_type(dump_ctx *c, const hli_type *t) {
    dump_out *o = c->out;
    dump_printf(o, "  t%u: %s", t->index, hli_kind_name(t->kind));
    switch (t->kind) {
    case HFUN:
    case HMETHOD: {
        const hli_type_fun *f = t->u.fun;
        dump_printf(o, " %s ; (", dump_type_str(c, t));
        for (uint32_t i = 0; i < f->nargs; i++)
            dump_printf(o, i > 0 ? " t%u" : "t%u", f->args[i]->index);
        dump_printf(o, ") -> t%u\n", f->ret->index);
        break;
    }
    case HOBJ:
    case HSTRUCT:
        dump_puts(o, " ");
        dump_obj(c, t);
        break;
    case HREF:
    case HNULL:
    case HPACKED: dump_printf(o, " %s ; t%u\n", dump_type_str(c, t), t->u.tparam->index); break;
    case HVIRTUAL:
        dump_printf(o, " (%u fields)\n", t->u.virt->nfields);
        for (uint32_t i = 0; i < t->u.virt->nfields; i++)
            dump_field_line(c, i, &t->u.virt->fields[i]);
        break;
    case HABSTRACT:
        dump_puts(o, " ");
        put_name(c, t->u.abs_name);
        dump_puts(o, "\n");
        break;
    case HENUM: {
        const hli_type_enum *e = t->u.tenum;
        dump_puts(o, " ");
        put_name(c, e->name);
        if (e->global > 0)
            dump_printf(o, ", global g%u", e->global - 1);
        dump_puts(o, "\n");
        for (uint32_t i = 0; i < e->nconstructs; i++) {
            const hli_enum_construct *k = &e->constructs[i];
            dump_printf(o, "      construct %u ", i);
            put_name(c, k->name);
            dump_puts(o, "(");
            for (uint32_t p = 0; p < k->nparams; p++)
                dump_printf(o, "%st%u %s", p > 0 ? ", " : "", k->params[p]->index, dump_type_str(c, k->params[p]));
            dump_puts(o, ")\n");
        }
        break;
    }
    default: dump_puts(o, "\n"); break;
    }
}

/* ---- globals, natives, constants ---------------------------------------------------------------- */

static void dump_globals(dump_ctx *c) {
    const hli_module *m = c->m;
    dump_out *o = c->out;
    /* Which class or enum object each global holds. */
    uint32_t *owner = calloc(m->nglobals > 0 ? m->nglobals : 1, sizeof(uint32_t));
    if (owner == NULL) {
        o->failed = true;
        return;
    }
    for (uint32_t i = 0; i < m->ntypes; i++) {
        const hli_type *t = &m->types[i];
        uint32_t g = (t->kind == HOBJ || t->kind == HSTRUCT) ? t->u.obj->global
                     : t->kind == HENUM                     ? t->u.tenum->global
                                                            : 0;
        if (g > 0 && owner[g - 1] == 0)
            owner[g - 1] = i + 1;
    }
    dump_printf(o, "\n== globals (%u)\n", m->nglobals);
    for (uint32_t i = 0; i < m->nglobals; i++) {
        const hli_type *t = m->globals[i];
        dump_printf(o, "  g%u: t%u %s", i, t->index, dump_type_str(c, t));
        if (owner[i] > 0)
            dump_printf(o, " ; object of t%u %s", owner[i] - 1, dump_type_str(c, &m->types[owner[i] - 1]));
        else if (c->global_const[i] >= 0)
            dump_printf(o, " ; constant c%d", (int)c->global_const[i]);
        dump_puts(o, "\n");
    }
    free(owner);
}

static void dump_natives(dump_ctx *c) {
    const hli_module *m = c->m;
    dump_out *o = c->out;
    dump_printf(o, "\n== natives (%u)\n", m->nnatives);
    for (uint32_t i = 0; i < m->nnatives; i++) {
        const hli_native *n = &m->natives[i];
        dump_printf(o, "  f%u: ", n->findex);
        put_name(c, n->lib);
        dump_puts(o, " ");
        put_name(c, n->name);
        dump_printf(o, " t%u %s\n", n->type->index, dump_type_str(c, n->type));
    }
}

/* One line per constant: the raw table index of each field (core), then the values they give. */
static void dump_constants(dump_ctx *c) {
    const hli_module *m = c->m;
    dump_out *o = c->out;
    dump_printf(o, "\n== constants (%u)\n", m->nconstants);
    for (uint32_t i = 0; i < m->nconstants; i++) {
        const hli_constant *k = &m->constants[i];
        const hli_type *t = m->globals[k->global];
        dump_printf(o, "  c%u: g%u", i, k->global);
        for (uint32_t f = 0; f < k->nfields; f++) {
            static const char roles[HLI_KIND_COUNT] = {[HI32] = 'i', [HBOOL] = 'k', [HF64] = 'd', [HBYTES] = 's',
                                                       [HTYPE] = 't'};
            char role = roles[hli_obj_field(t, f)->type->kind];
            if (role == 'k')
                dump_printf(o, " %u", k->fields[f]);
            else
                dump_printf(o, " %c%u", role != 0 ? role : 'g', k->fields[f]);
        }
        dump_printf(o, " ; %s {", dump_type_str(c, t));
        for (uint32_t f = 0; f < k->nfields; f++) {
            const hli_field *fd = hli_obj_field(t, f); /* the loader matched nfields to the type */
            uint32_t v = k->fields[f];               /* and checked v against the table it indexes */
            dump_puts(o, f > 0 ? ", " : "");
            put_name(c, fd->name);
            dump_puts(o, ": ");
            switch (fd->type->kind) {
            case HI32: dump_printf(o, "%d", (int)m->ints[v]); break;
            case HBOOL: dump_puts(o, v != 0 ? "true" : "false"); break;
            case HF64: dump_double(o, m->floats[v]); break;
            case HBYTES: dump_string(c, v, 0); break;
            case HTYPE: dump_puts(o, dump_type_str(c, &m->types[v])); break;
            default: dump_puts(o, dump_type_str(c, m->globals[v])); break;
            }
        }
        dump_puts(o, "}\n");
    }
}

/* ---- entry -------------------------------------------------------------------------------------- */

/* Reads a file into a malloc'd buffer, at most one byte more than the loader accepts (it reports the
 * size); NULL with the reason in why on failure. */
static unsigned char *read_file(const char *path, size_t *size, char *why, size_t why_size) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(why, why_size, "cannot open the file: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    unsigned char *buf = malloc(cap);
    while (buf != NULL) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap || cap > HLI_MAX_IMAGE_SIZE) /* one byte more than the limit is enough */
            break;
        size_t next = cap * 2 > HLI_MAX_IMAGE_SIZE ? HLI_MAX_IMAGE_SIZE + 1 : cap * 2;
        unsigned char *bigger = realloc(buf, next);
        if (bigger == NULL) {
            free(buf);
            buf = NULL;
        } else {
            buf = bigger;
            cap = next;
        }
    }
    if (buf == NULL)
        snprintf(why, why_size, "out of memory while reading the file");
    else if (ferror(f)) {
        snprintf(why, why_size, "cannot read the file: %s", strerror(errno));
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *size = len;
    return buf;
}

int hli_tool_dump(const char *path, FILE *out) {
    size_t size = 0;
    char why[256];
    unsigned char *data = read_file(path, &size, why, sizeof why);
    if (data == NULL) {
        fprintf(stderr, "hlffi: %s: %s\n", path, why);
        return 1;
    }
    hli_mem mem;
    hli_mem_init(&mem, 0);
    hli_error err;
    hli_error_clear(&err);
    hli_module *m = hli_module_load(data, size, &mem, &err);
    free(data);
    if (m == NULL) {
        fprintf(stderr, "hlffi: %s: %s\n", path, err.text);
        return 1;
    }
    dump_out o = {out, malloc(DUMP_BUF_SIZE), 0, DUMP_BUF_SIZE, 0, false};
    dump_ctx c = {m, &o, calloc(m->ntypes + 1, sizeof(char *)), NULL,
                  malloc(sizeof(int32_t) * (m->nglobals + 1)), NULL};
    int rc = 0;
    if (o.buf == NULL || c.tstr == NULL || c.global_const == NULL || !bytes_lengths(&c) || !dump_names_init(&c)) {
        fprintf(stderr, "hlffi: %s: out of memory\n", path);
        rc = 1;
    } else {
        for (uint32_t i = 0; i < m->nglobals; i++)
            c.global_const[i] = -1;
        for (uint32_t i = 0; i < m->nconstants; i++)
            c.global_const[m->constants[i].global] = (int32_t)i;
        dump_header(&c, path);
        dump_tables(&c);
        dump_printf(&o, "\n== types (%u)\n", m->ntypes);
        for (uint32_t i = 0; i < m->ntypes; i++)
            dump_type(&c, &m->types[i]);
        dump_globals(&c);
        dump_natives(&c);
        dump_functions(&c);
        dump_constants(&c);
        dump_flush(&o);
        if (o.failed || fflush(out) != 0) {
            fprintf(stderr, "hlffi: %s: cannot write the listing\n", path);
            rc = 1;
        }
    }
    if (rc == 0) {
        hli_error_clear(&err);
        if (hli_verify_module(m, &mem, 0, &err) != HLFFI_OK) {
            fprintf(stderr, "hlffi: %s: %s\n", path, err.text);
            rc = 1;
        }
    }
    if (c.tstr != NULL)
        for (uint32_t i = 0; i < m->ntypes; i++)
            free(c.tstr[i]);
    free(c.tstr);
    free(c.fnames);
    free(c.global_const);
    free(c.bytes_len);
    free(o.buf);
    hli_module_free(m);
    return rc;
}
