/* Queries over a loaded module's types and tables: names, hl_type_str-style printing, and HashLink's
 * type identity and subtyping rules (hl-spec.md 2.1-2.4). Recursion here is bounded by the loader's
 * depth limit on structural types; virtual types, the only other cycle, are cut when printing. */
#include <stdio.h>
#include <string.h>

#include "load/module.h"

static const char *const kind_names[HLI_KIND_COUNT] = {
    "void", "i8", "i16", "i32", "i64", "f32", "f64", "bool", "bytes", "dynamic", "fun", "obj",
    "array", "type", "ref", "virtual", "dynobj", "abstract", "enum", "null", "method", "struct",
    "packed", "guid",
};

const char *hli_kind_name(hli_kind k) {
    return (unsigned)k < HLI_KIND_COUNT ? kind_names[k] : "?";
}

const char *hli_opcode_name(hli_opcode op) {
    switch (op) {
#define HLI_OPCODE_NAME(name, num, enc) \
    case name: return #name;
        HLI_OPCODES(HLI_OPCODE_NAME)
#undef HLI_OPCODE_NAME
    default: return "OUnknown";
    }
}

int hli_opcode_encoding(hli_opcode op) {
    switch (op) {
#define HLI_OPCODE_ENC(name, num, enc) \
    case name: return enc;
        HLI_OPCODES(HLI_OPCODE_ENC)
#undef HLI_OPCODE_ENC
    default: return 0;
    }
}

bool hli_kind_is_ptr(hli_kind k) {
    return k >= HBYTES && k != HGUID && k < HLI_KIND_COUNT;
}

bool hli_kind_is_dynamic(hli_kind k) {
    switch (k) {
    case HDYN:
    case HFUN:
    case HOBJ:
    case HARRAY:
    case HVIRTUAL:
    case HDYNOBJ:
    case HENUM:
    case HNULL: return true;
    default: return false;
    }
}

const char *hli_module_string(const hli_module *m, uint32_t i, uint32_t *len) {
    uint32_t start = m->string_offsets[i];
    if (len != NULL)
        *len = m->string_offsets[i + 1] - start - 1;
    return (const char *)m->image + start;
}

const char *hli_module_debugfile(const hli_module *m, uint32_t i) {
    return (const char *)m->image + m->debugfile_offsets[i];
}

const hli_function *hli_module_function(const hli_module *m, uint32_t findex) {
    if (findex >= m->nfunctions + m->nnatives || m->findexes[findex].is_native)
        return NULL;
    return &m->functions[m->findexes[findex].index];
}

const hli_native *hli_module_native(const hli_module *m, uint32_t findex) {
    if (findex >= m->nfunctions + m->nnatives || !m->findexes[findex].is_native)
        return NULL;
    return &m->natives[m->findexes[findex].index];
}

hli_type *hli_module_findex_type(const hli_module *m, uint32_t findex) {
    if (findex >= m->nfunctions + m->nnatives)
        return NULL;
    const hli_findex_entry *e = &m->findexes[findex];
    return e->is_native ? m->natives[e->index].type : m->functions[e->index].type;
}

const hli_field *hli_obj_field(const hli_type *t, uint32_t fid) {
    if (t->kind != HOBJ && t->kind != HSTRUCT)
        return NULL;
    for (const hli_type *c = t; c != NULL; c = c->u.obj->super) {
        const hli_type_obj *o = c->u.obj;
        uint32_t base = o->total_fields - o->nfields;
        if (fid >= base)
            return fid < o->total_fields ? &o->fields[fid - base] : NULL;
    }
    return NULL;
}

const hli_proto *hli_obj_proto_by_slot(const hli_type *t, int32_t pindex) {
    if (t->kind != HOBJ && t->kind != HSTRUCT)
        return NULL;
    for (const hli_type *c = t; c != NULL; c = c->u.obj->super) {
        const hli_type_obj *o = c->u.obj;
        for (uint32_t i = 0; i < o->nproto; i++)
            if (o->proto[i].pindex == pindex)
                return &o->proto[i];
    }
    return NULL;
}

bool hli_type_same(const hli_type *a, const hli_type *b) {
    if (a == b)
        return true;
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case HREF:
    case HNULL:
    case HPACKED: return hli_type_same(a->u.tparam, b->u.tparam);
    case HFUN:
    case HMETHOD:
        if (a->u.fun->nargs != b->u.fun->nargs || !hli_type_same(a->u.fun->ret, b->u.fun->ret))
            return false;
        for (uint32_t i = 0; i < a->u.fun->nargs; i++)
            if (!hli_type_same(a->u.fun->args[i], b->u.fun->args[i]))
                return false;
        return true;
    case HOBJ:
    case HSTRUCT: return a->u.obj == b->u.obj;
    case HVIRTUAL: return a->u.virt == b->u.virt;
    case HENUM: return a->u.tenum == b->u.tenum;
    case HABSTRACT: return a->u.abs_name == b->u.abs_name; /* names are interned per module */
    default: return true; /* kinds without payload */
    }
}

bool hli_type_safe_cast(const hli_type *t, const hli_type *to) {
    if (t == to)
        return true;
    if (to->kind == HDYN)
        return hli_kind_is_dynamic(t->kind);
    if (t->kind != to->kind)
        return false;
    switch (t->kind) {
    case HVIRTUAL: {
        const hli_type_virtual *a = t->u.virt, *b = to->u.virt;
        if (b->nfields < a->nfields) {
            for (uint32_t i = 0; i < b->nfields; i++)
                if (a->fields[i].name != b->fields[i].name || !hli_type_same(a->fields[i].type, b->fields[i].type))
                    return false;
            return true;
        }
        break;
    }
    case HOBJ:
    case HSTRUCT:
        for (const hli_type *c = t; c != NULL; c = c->u.obj->super)
            if (c->u.obj == to->u.obj || c->u.obj->name == to->u.obj->name)
                return true;
        return false;
    case HFUN:
    case HMETHOD: {
        const hli_type_fun *a = t->u.fun, *b = to->u.fun;
        if (a->nargs != b->nargs)
            break;
        if (!hli_type_safe_cast(a->ret, b->ret))
            return false;
        for (uint32_t i = 0; i < a->nargs; i++) {
            const hli_type *ta = a->args[i], *tb = b->args[i];
            if (!hli_type_safe_cast(tb, ta) && !(ta->kind == HDYN && hli_kind_is_dynamic(tb->kind)))
                return false;
        }
        return true;
    }
    case HPACKED: return hli_type_safe_cast(t->u.tparam, to);
    default: break;
    }
    return hli_type_same(t, to);
}

/* Appends text to a bounded buffer. */
typedef struct out_buf {
    char *buf;
    size_t size, len;
} out_buf;

static void put(out_buf *o, const char *s) {
    size_t n = strlen(s);
    if (o->len + 1 >= o->size)
        return;
    size_t room = o->size - 1 - o->len;
    if (n > room)
        n = room;
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = 0;
}

#define TYPE_STR_DEPTH 16

static void type_str(const hli_module *m, const hli_type *t, out_buf *o, const hli_type **parents, int depth) {
    for (int i = 0; i < depth; i++)
        if (parents[i] == t) {
            put(o, "<...>");
            return;
        }
    if (depth >= TYPE_STR_DEPTH) {
        put(o, "...");
        return;
    }
    parents[depth] = t;
    switch (t->kind) {
    case HFUN:
    case HMETHOD:
        put(o, "(");
        type_str(m, t->u.fun->ret, o, parents, depth + 1);
        put(o, " (");
        for (uint32_t i = 0; i < t->u.fun->nargs; i++) {
            if (i > 0)
                put(o, ",");
            type_str(m, t->u.fun->args[i], o, parents, depth + 1);
        }
        put(o, "))");
        break;
    case HSTRUCT: put(o, "@"); /* fall through */
    case HOBJ: put(o, hli_module_string(m, t->u.obj->name, NULL)); break;
    case HREF:
    case HNULL:
    case HPACKED:
        put(o, hli_kind_name(t->kind));
        put(o, "<");
        type_str(m, t->u.tparam, o, parents, depth + 1);
        put(o, ">");
        break;
    case HVIRTUAL:
        put(o, "virtual<");
        for (uint32_t i = 0; i < t->u.virt->nfields; i++) {
            if (i > 0)
                put(o, ",");
            put(o, hli_module_string(m, t->u.virt->fields[i].name, NULL));
            put(o, ":");
            type_str(m, t->u.virt->fields[i].type, o, parents, depth + 1);
        }
        put(o, ">");
        break;
    case HABSTRACT: put(o, hli_module_string(m, t->u.abs_name, NULL)); break;
    case HENUM:
        put(o, "enum<");
        put(o, hli_module_string(m, t->u.tenum->name, NULL));
        put(o, ">");
        break;
    default: put(o, hli_kind_name(t->kind)); break;
    }
}

char *hli_type_str(const hli_module *m, const hli_type *t, char *buf, size_t size) {
    out_buf o = {buf, size, 0};
    if (size > 0)
        buf[0] = 0;
    const hli_type *parents[TYPE_STR_DEPTH];
    type_str(m, t, &o, parents, 0);
    return buf;
}
