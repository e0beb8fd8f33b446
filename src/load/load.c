/* The .hl loader: reads every table of hl-spec.md section 1 into an hli_module, checking structure
 * as it goes (counts against the bytes left, index ranges, string encodings, debug-info ranges). The
 * type graph is checked afterwards by load_types.c. Nothing here trusts a count before comparing it
 * with the bytes that remain, so no input can make the loader allocate or loop beyond its size. */
#include "load/load_internal.h"

#include <string.h>

#include "core/utf8.h"

/* Reads a string block (hl-spec.md 1.5) of n strings at the reader's position. offsets receives n + 1
 * image offsets: string i spans [offsets[i], offsets[i+1] - 1) and is followed by its NUL. */
static void read_string_block(hli_loader *L, uint32_t n, uint32_t **offsets_out, const char *what) {
    hli_reader *r = &L->r;
    size_t at = r->pos;
    int32_t size = hli_read_i32(r, what);
    if (r->failed)
        return;
    if (size < 0 || (size_t)size > hli_reader_left(r)) {
        hli_reader_fail_at(r, at, "%s: data size %d does not fit in the %zu bytes left", what, (int)size,
                           hli_reader_left(r));
        return;
    }
    size_t data_at = r->pos;
    hli_read_skip(r, (size_t)size, what);
    /* Each string needs at least its NUL in the data and one byte for its length. */
    if ((uint64_t)n > (uint64_t)size || (uint64_t)n > hli_reader_left(r)) {
        hli_reader_fail_at(r, at, "%s: %u strings cannot fit in the data", what, (unsigned)n);
        return;
    }
    uint32_t *offsets = hli_loader_array(L, (size_t)n + 1, sizeof(uint32_t));
    if (offsets == NULL)
        return;
    size_t pos = 0;
    const uint8_t *data = r->data + data_at;
    for (uint32_t i = 0; i < n && !r->failed; i++) {
        size_t len_at = r->pos;
        uint32_t len = hli_read_uvi(r, what);
        if (r->failed)
            break;
        if ((size_t)len >= (size_t)size - pos) {
            hli_reader_fail_at(r, len_at, "%s: string %u (length %u) runs past the end of the data", what,
                               (unsigned)i, (unsigned)len);
            break;
        }
        if (data[pos + len] != 0) {
            hli_reader_fail_at(r, data_at + pos + len, "%s: string %u is not followed by a NUL byte", what,
                               (unsigned)i);
            break;
        }
        size_t bad;
        if (!hli_utf8_check(data + pos, len, &bad)) {
            hli_reader_fail_at(r, data_at + pos + bad, "%s: string %u is not valid UTF-8", what, (unsigned)i);
            break;
        }
        offsets[i] = (uint32_t)(data_at + pos);
        pos += (size_t)len + 1;
    }
    if (r->failed)
        return;
    if (pos != (size_t)size) {
        hli_reader_fail_at(r, data_at + pos, "%s: %zu bytes of string data are not used by any string", what,
                           (size_t)size - pos);
        return;
    }
    offsets[n] = (uint32_t)(data_at + pos);
    *offsets_out = offsets;
}

/* Header (hl-spec.md 1.2): magic, version, flags and the table counts. */
static void read_header(hli_loader *L) {
    hli_reader *r = &L->r;
    hli_module *m = L->m;
    if (r->size < 4 || memcmp(r->data, "HLB", 3) != 0) {
        hli_reader_fail_at(r, 0, "not a HashLink bytecode file (no \"HLB\" signature)");
        return;
    }
    r->pos = 3;
    m->version = hli_read_u8(r, "the version");
    if (m->version < 2 || m->version > 5) {
        hli_reader_fail_at(r, 3, "unsupported bytecode version %u (supported: 2 to 5)", (unsigned)m->version);
        return;
    }
    size_t flags_at = r->pos;
    uint32_t flags = hli_read_uvi(r, "the flags");
    if (flags > 1) {
        hli_reader_fail_at(r, flags_at, "unknown flags 0x%x (only bit 0, debug info, is defined)",
                           (unsigned)flags);
        return;
    }
    m->has_debug = flags & 1;
    m->nints = hli_read_uvi(r, "the int count");
    m->nfloats = hli_read_uvi(r, "the float count");
    m->nstrings = hli_read_uvi(r, "the string count");
    m->nbytes = m->version >= 5 ? hli_read_uvi(r, "the bytes count") : 0;
    m->ntypes = hli_read_uvi(r, "the type count");
    m->nglobals = hli_read_uvi(r, "the global count");
    m->nnatives = hli_read_uvi(r, "the native count");
    m->nfunctions = hli_read_uvi(r, "the function count");
    m->nconstants = m->version >= 4 ? hli_read_uvi(r, "the constant count") : 0;
    size_t entry_at = r->pos;
    m->entrypoint = hli_read_uvi(r, "the entry point");
    if (r->failed)
        return;
    /* Every entry of every table takes at least this many bytes in the file. */
    uint64_t least = (uint64_t)m->nints * 4 + (uint64_t)m->nfloats * 8 + (uint64_t)m->nstrings * 2 +
                     (uint64_t)m->nbytes + (uint64_t)m->ntypes + (uint64_t)m->nglobals +
                     (uint64_t)m->nnatives * 4 + (uint64_t)m->nfunctions * 4 + (uint64_t)m->nconstants * 2;
    if (least > hli_reader_left(r)) {
        hli_reader_fail_at(r, 4, "the table counts need at least %llu bytes but only %zu follow the header",
                           (unsigned long long)least, hli_reader_left(r));
        return;
    }
    if ((uint64_t)m->entrypoint >= (uint64_t)m->nfunctions + m->nnatives) {
        hli_reader_fail_at(r, entry_at, "entry point %u is not a function index (there are %u)",
                           (unsigned)m->entrypoint, (unsigned)(m->nfunctions + m->nnatives));
        return;
    }
}

static void read_numbers(hli_loader *L) {
    hli_reader *r = &L->r;
    hli_module *m = L->m;
    m->section_offset[HLI_SECTION_INTS] = (uint32_t)r->pos;
    if (m->nints > 0 && (m->ints = hli_loader_array(L, m->nints, sizeof(int32_t))) != NULL)
        for (uint32_t i = 0; i < m->nints; i++)
            m->ints[i] = hli_read_i32(r, "the ints");
    m->section_offset[HLI_SECTION_FLOATS] = (uint32_t)r->pos;
    if (m->nfloats > 0 && (m->floats = hli_loader_array(L, m->nfloats, sizeof(double))) != NULL)
        for (uint32_t i = 0; i < m->nfloats; i++)
            m->floats[i] = hli_read_f64(r, "the floats");
}

/* The bytes block of version 5 (hl-spec.md 1.6): raw data and the start offset of each entry. */
static void read_bytes_block(hli_loader *L) {
    hli_reader *r = &L->r;
    hli_module *m = L->m;
    size_t at = r->pos;
    int32_t size = hli_read_i32(r, "the bytes block");
    if (r->failed)
        return;
    if (size < 0 || (size_t)size > hli_reader_left(r)) {
        hli_reader_fail_at(r, at, "bytes block: data size %d does not fit in the %zu bytes left", (int)size,
                           hli_reader_left(r));
        return;
    }
    m->bytes_offset = (uint32_t)r->pos;
    m->bytes_size = (uint32_t)size;
    hli_read_skip(r, (size_t)size, "the bytes block");
    if (m->nbytes == 0)
        return;
    if ((m->bytes_pos = hli_loader_array(L, m->nbytes, sizeof(uint32_t))) == NULL)
        return;
    for (uint32_t i = 0; i < m->nbytes && !r->failed; i++) {
        size_t pos_at = r->pos;
        uint32_t p = hli_read_uvi(r, "a bytes entry offset");
        if (!r->failed && p > m->bytes_size)
            hli_reader_fail_at(r, pos_at, "bytes entry %u starts at %u, past the %u bytes of data", (unsigned)i,
                               (unsigned)p, (unsigned)m->bytes_size);
        m->bytes_pos[i] = p;
    }
}

static void read_globals(hli_loader *L) {
    hli_reader *r = &L->r;
    hli_module *m = L->m;
    if (m->nglobals == 0 || (m->globals = hli_loader_array(L, m->nglobals, sizeof(hli_type *))) == NULL)
        return;
    for (uint32_t i = 0; i < m->nglobals && !r->failed; i++)
        m->globals[i] = hli_loader_type_ref(L, "a global's type");
}

/* Claims findex for a function or native; each findex is owned by exactly one of them. */
static void claim_findex(hli_loader *L, size_t at, uint32_t findex, bool is_native, uint32_t index) {
    hli_module *m = L->m;
    if (findex >= m->nfunctions + m->nnatives) {
        hli_reader_fail_at(&L->r, at, "function index %u out of range (there are %u)", (unsigned)findex,
                           (unsigned)(m->nfunctions + m->nnatives));
        return;
    }
    hli_findex_entry *e = &m->findexes[findex];
    if (e->is_native || e->index != UINT32_MAX) {
        hli_reader_fail_at(&L->r, at, "function index %u is used twice", (unsigned)findex);
        return;
    }
    e->is_native = is_native;
    e->index = index;
}

static void read_natives(hli_loader *L) {
    hli_reader *r = &L->r;
    hli_module *m = L->m;
    if (m->nnatives == 0 || (m->natives = hli_loader_array(L, m->nnatives, sizeof(hli_native))) == NULL)
        return;
    for (uint32_t i = 0; i < m->nnatives && !r->failed; i++) {
        hli_native *n = &m->natives[i];
        n->lib = hli_read_index(r, m->nstrings, "a native's library name (string index)");
        n->name = hli_read_index(r, m->nstrings, "a native's name (string index)");
        size_t type_at = r->pos;
        n->type = hli_loader_type_ref(L, "a native's type");
        if (!r->failed && n->type->kind != HFUN)
            hli_reader_fail_at(r, type_at, "native %s: its type %u is a %s, not a function type",
                               hli_module_string(m, n->name, NULL), (unsigned)n->type->index,
                               hli_kind_name(n->type->kind));
        size_t findex_at = r->pos;
        n->findex = hli_read_uvi(r, "a native's function index");
        if (!r->failed)
            claim_findex(L, findex_at, n->findex, true, i);
    }
}

/* Walks the ops of a function in their file encoding (hl-spec.md 1.10), checking the encoding and
 * counting the extra operands that decoding will need. The operand values are the verifier's business. */
static void scan_ops(hli_loader *L, hli_function *f) {
    hli_reader *r = &L->r;
    uint64_t nextra = 0;
    for (uint32_t i = 0; i < f->nops && !r->failed; i++) {
        size_t at = r->pos;
        uint8_t op = hli_read_u8(r, "an opcode");
        if (r->failed)
            break;
        if (op >= OLast) {
            hli_reader_fail_at(r, at, "function %u, op %u: unknown opcode %u", (unsigned)f->findex, (unsigned)i,
                               (unsigned)op);
            break;
        }
        int enc = hli_opcode_encoding((hli_opcode)op);
        if (enc >= 0) {
            for (int k = 0; k < enc; k++)
                hli_read_vi(r, "an operand");
            if (enc > 3)
                nextra += (uint64_t)(enc - 3);
        } else if (enc == HLI_ENC_VAR) {
            hli_read_vi(r, "an operand");
            hli_read_vi(r, "an operand");
            uint8_t n = hli_read_u8(r, "an argument count");
            for (unsigned k = 0; k < n; k++)
                hli_read_vi(r, "an argument");
            nextra += n;
        } else { /* HLI_ENC_SWITCH */
            hli_read_uvi(r, "a switch register");
            size_t n_at = r->pos;
            uint32_t n = hli_read_uvi(r, "a switch case count");
            if (!r->failed && n > hli_reader_left(r)) {
                hli_reader_fail_at(r, n_at, "function %u, op %u: %u switch cases cannot fit in the %zu bytes left",
                                   (unsigned)f->findex, (unsigned)i, (unsigned)n, hli_reader_left(r));
                break;
            }
            for (uint32_t k = 0; k < n && !r->failed; k++)
                hli_read_uvi(r, "a switch offset");
            hli_read_uvi(r, "a switch end offset");
            nextra += n;
        }
    }
    f->nextra = (uint32_t)nextra; /* bounded by the file size, which is below 1 GiB */
}

/* Debug line info (hl-spec.md 1.10): checks file indexes and that the runs cover exactly nops ops. */
static void scan_debug(hli_loader *L, hli_function *f) {
    hli_reader *r = &L->r;
    hli_module *m = L->m;
    f->debug_offset = (uint32_t)r->pos;
    uint32_t i = 0, line = 0;
    bool has_file = false;
    while (i < f->nops && !r->failed) {
        size_t at = r->pos;
        uint8_t c = hli_read_u8(r, "debug info");
        if (c & 1) {
            uint32_t file = (uint32_t)(c >> 1) << 8 | hli_read_u8(r, "debug info");
            if (!r->failed && file >= m->ndebugfiles)
                hli_reader_fail_at(r, at, "function %u: debug file %u out of range (there are %u)",
                                   (unsigned)f->findex, (unsigned)file, (unsigned)m->ndebugfiles);
            has_file = true;
            continue;
        }
        if (!has_file) {
            hli_reader_fail_at(r, at, "function %u: debug info gives a line before naming a file",
                               (unsigned)f->findex);
            break;
        }
        uint32_t count;
        if (c & 2) {
            count = (c >> 2) & 15;
            if (count > f->nops - i) {
                hli_reader_fail_at(r, at, "function %u: debug info covers more ops than the %u it has",
                                   (unsigned)f->findex, (unsigned)f->nops);
                break;
            }
            i += count;
            line += (uint32_t)(c >> 6);
        } else if (c & 4) {
            line += (uint32_t)(c >> 3);
            i++;
        } else {
            uint32_t b2 = hli_read_u8(r, "debug info"), b3 = hli_read_u8(r, "debug info");
            line = (uint32_t)(c >> 3) | b2 << 5 | b3 << 13;
            i++;
        }
        if (line >= (1u << 21)) {
            hli_reader_fail_at(r, at, "function %u: debug line %u is beyond the format's 21 bits",
                               (unsigned)f->findex, (unsigned)line);
            break;
        }
    }
    f->debug_size = (uint32_t)(r->pos - f->debug_offset);
}

/* Variable assignments of debug info (version >= 3): names and the op (or captured register) they
 * refer to (hl-spec.md 1.10). */
static void scan_assigns(hli_loader *L, hli_function *f) {
    hli_reader *r = &L->r;
    hli_module *m = L->m;
    size_t count_at = r->pos;
    f->nassigns = hli_read_uvi(r, "the assign count");
    if (!r->failed && f->nassigns > hli_reader_left(r) / 2) {
        hli_reader_fail_at(r, count_at, "function %u: %u assigns cannot fit in the %zu bytes left",
                           (unsigned)f->findex, (unsigned)f->nassigns, hli_reader_left(r));
        return;
    }
    f->assigns_offset = (uint32_t)r->pos;
    for (uint32_t i = 0; i < f->nassigns && !r->failed; i++) {
        hli_read_index(r, m->nstrings, "an assigned variable's name (string index)");
        size_t at = r->pos;
        int32_t pos = hli_read_vi(r, "an assign position");
        if (!r->failed && (pos > (int32_t)f->nops || pos < -(int32_t)f->nregs))
            hli_reader_fail_at(r, at, "function %u: assign position %d is neither an op (1..%u) nor a register",
                               (unsigned)f->findex, (int)pos, (unsigned)f->nops);
    }
}

static void read_function(hli_loader *L, uint32_t index) {
    hli_reader *r = &L->r;
    hli_module *m = L->m;
    hli_function *f = &m->functions[index];
    size_t type_at = r->pos;
    f->type = hli_loader_type_ref(L, "a function's type");
    if (!r->failed && f->type->kind != HFUN) {
        hli_reader_fail_at(r, type_at, "function %u: its type %u is a %s, not a function type", (unsigned)index,
                           (unsigned)f->type->index, hli_kind_name(f->type->kind));
        return;
    }
    size_t findex_at = r->pos;
    f->findex = hli_read_uvi(r, "a function index");
    if (!r->failed)
        claim_findex(L, findex_at, f->findex, false, index);
    size_t counts_at = r->pos;
    f->nregs = hli_read_uvi(r, "a register count");
    f->nops = hli_read_uvi(r, "an op count");
    if (r->failed)
        return;
    if ((uint64_t)f->nregs + f->nops > hli_reader_left(r)) {
        hli_reader_fail_at(r, counts_at, "function %u: %u registers and %u ops cannot fit in the %zu bytes left",
                           (unsigned)f->findex, (unsigned)f->nregs, (unsigned)f->nops, hli_reader_left(r));
        return;
    }
    if (f->nregs > 0 && (f->regs = hli_loader_array(L, f->nregs, sizeof(hli_type *))) == NULL)
        return;
    for (uint32_t i = 0; i < f->nregs && !r->failed; i++)
        f->regs[i] = hli_loader_type_ref(L, "a register type");
    f->code_offset = (uint32_t)r->pos;
    scan_ops(L, f);
    f->code_size = (uint32_t)(r->pos - f->code_offset);
    if (m->has_debug && !r->failed) {
        scan_debug(L, f);
        if (m->version >= 3)
            scan_assigns(L, f);
    }
}

static void read_functions(hli_loader *L) {
    hli_module *m = L->m;
    if (m->nfunctions == 0 ||
        (m->functions = hli_loader_array(L, m->nfunctions, sizeof(hli_function))) == NULL)
        return;
    for (uint32_t i = 0; i < m->nfunctions && !L->r.failed; i++)
        read_function(L, i);
}

/* Constants (hl-spec.md 1.11): objects built at start-up, one table index per field of their type. */
static void read_constants(hli_loader *L) {
    hli_reader *r = &L->r;
    hli_module *m = L->m;
    if (m->nconstants == 0 ||
        (m->constants = hli_loader_array(L, m->nconstants, sizeof(hli_constant))) == NULL)
        return;
    for (uint32_t i = 0; i < m->nconstants && !r->failed; i++) {
        hli_constant *c = &m->constants[i];
        size_t at = r->pos;
        c->global = hli_read_index(r, m->nglobals, "a constant's global");
        if (r->failed)
            break;
        const hli_type *t = m->globals[c->global];
        if (t->kind != HOBJ) {
            hli_reader_fail_at(r, at, "constant %u: global %u is a %s, not an object", (unsigned)i,
                               (unsigned)c->global, hli_kind_name(t->kind));
            break;
        }
        size_t n_at = r->pos;
        c->nfields = hli_read_uvi(r, "a constant's field count");
        if (r->failed)
            break;
        if (c->nfields != t->u.obj->total_fields) {
            hli_reader_fail_at(r, n_at, "constant %u: %u values for an object of %u fields", (unsigned)i,
                               (unsigned)c->nfields, (unsigned)t->u.obj->total_fields);
            break;
        }
        if (c->nfields > hli_reader_left(r)) {
            hli_reader_fail_at(r, n_at, "constant %u: %u values cannot fit in the %zu bytes left", (unsigned)i,
                               (unsigned)c->nfields, hli_reader_left(r));
            break;
        }
        if (c->nfields > 0 && (c->fields = hli_loader_array(L, c->nfields, sizeof(uint32_t))) == NULL)
            break;
        for (uint32_t k = 0; k < c->nfields && !r->failed; k++) {
            const hli_field *fd = hli_obj_field(t, k);
            size_t v_at = r->pos;
            uint32_t v = hli_read_uvi(r, "a constant's value");
            if (r->failed)
                break;
            c->fields[k] = v;
            uint32_t limit;
            const char *table;
            switch (fd->type->kind) {
            case HI32: limit = m->nints, table = "ints"; break;
            case HBOOL: limit = UINT32_MAX, table = "bools"; break;
            case HF64: limit = m->nfloats, table = "floats"; break;
            case HBYTES: limit = m->nstrings, table = "strings"; break;
            case HTYPE: limit = m->ntypes, table = "types"; break;
            default:
                if (!hli_kind_is_ptr(fd->type->kind)) {
                    hli_reader_fail_at(r, v_at, "constant %u: field %u has type %s, which constants cannot hold",
                                       (unsigned)i, (unsigned)k, hli_kind_name(fd->type->kind));
                    continue;
                }
                limit = m->nglobals, table = "globals";
                if (v < limit && !hli_type_safe_cast(m->globals[v], fd->type)) {
                    hli_reader_fail_at(r, v_at, "constant %u: field %u takes global %u, whose type does not fit it",
                                       (unsigned)i, (unsigned)k, (unsigned)v);
                    continue;
                }
                break;
            }
            if (v >= limit)
                hli_reader_fail_at(r, v_at, "constant %u: field %u refers to %s entry %u, out of range (%u entries)",
                                   (unsigned)i, (unsigned)k, table, (unsigned)v, (unsigned)limit);
        }
    }
}

/* The entry point must be a bytecode function of type () -> void (hl-spec.md 1.12). */
static void check_entrypoint(hli_loader *L) {
    hli_module *m = L->m;
    const hli_findex_entry *e = &m->findexes[m->entrypoint];
    if (e->is_native) {
        hli_reader_fail_at(&L->r, 0, "the entry point %u is a native, not a bytecode function",
                           (unsigned)m->entrypoint);
        return;
    }
    const hli_type_fun *ft = m->functions[e->index].type->u.fun;
    if (ft->nargs != 0 || ft->ret->kind != HVOID)
        hli_reader_fail_at(&L->r, 0, "the entry point %u does not have type () -> void", (unsigned)m->entrypoint);
}

static void load_sections(hli_loader *L) {
    hli_reader *r = &L->r;
    hli_module *m = L->m;
    m->section_offset[HLI_SECTION_HEADER] = 0;
    read_header(L);
    if (r->failed)
        return;
    uint32_t nfindex = m->nfunctions + m->nnatives;
    if ((m->findexes = hli_loader_array(L, nfindex, sizeof(hli_findex_entry))) == NULL)
        return;
    for (uint32_t i = 0; i < nfindex; i++)
        m->findexes[i].index = UINT32_MAX;
    read_numbers(L);
    m->section_offset[HLI_SECTION_STRINGS] = (uint32_t)r->pos;
    if (!r->failed)
        read_string_block(L, m->nstrings, &m->string_offsets, "the string block");
    m->section_offset[HLI_SECTION_BYTES] = (uint32_t)r->pos;
    if (m->version >= 5 && !r->failed)
        read_bytes_block(L);
    m->section_offset[HLI_SECTION_DEBUGFILES] = (uint32_t)r->pos;
    if (m->has_debug && !r->failed) {
        size_t at = r->pos;
        m->ndebugfiles = hli_read_uvi(r, "the debug file count");
        if (!r->failed && m->ndebugfiles > hli_reader_left(r) / 2)
            hli_reader_fail_at(r, at, "%u debug files cannot fit in the %zu bytes left", (unsigned)m->ndebugfiles,
                               hli_reader_left(r));
        if (!r->failed)
            read_string_block(L, m->ndebugfiles, &m->debugfile_offsets, "the debug file names");
    }
    m->section_offset[HLI_SECTION_TYPES] = (uint32_t)r->pos;
    if (!r->failed)
        hli_load_types(L);
    m->section_offset[HLI_SECTION_GLOBALS] = (uint32_t)r->pos;
    if (!r->failed)
        read_globals(L);
    m->section_offset[HLI_SECTION_NATIVES] = (uint32_t)r->pos;
    if (!r->failed)
        read_natives(L);
    m->section_offset[HLI_SECTION_FUNCTIONS] = (uint32_t)r->pos;
    if (!r->failed)
        read_functions(L);
    m->section_offset[HLI_SECTION_CONSTANTS] = (uint32_t)r->pos;
    if (!r->failed)
        read_constants(L);
    m->section_offset[HLI_SECTION_END] = (uint32_t)r->pos;
    if (!r->failed && r->pos != r->size)
        hli_reader_fail_at(r, r->pos, "%zu unexpected bytes after the last table", r->size - r->pos);
    /* n distinct claims of findexes below n make the findex table a permutation: nothing left to check. */
    if (!r->failed)
        check_entrypoint(L);
}

void *hli_loader_array(hli_loader *L, size_t count, size_t size) {
    if (L->r.failed)
        return NULL;
    void *p = hli_arena_array(&L->arena, count, size);
    if (p == NULL && count > 0 && size > 0) {
        L->r.failed = true;
        if (L->arena.used + count * size > L->arena.budget)
            hli_error_raise(L->r.err, HLFFI_ERROR_INVALID_BYTECODE,
                            "invalid bytecode at byte %zu: the module needs more memory than %d times its size",
                            L->r.pos, HLI_LOAD_MEMORY_FACTOR);
        else
            hli_error_raise(L->r.err, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while loading the module");
    }
    return p;
}

hli_module *hli_module_load(const void *data, size_t size, hli_mem *mem, hli_error *err) {
    if (data == NULL && size > 0) {
        hli_error_raise(err, HLFFI_ERROR_INVALID_ARGUMENT, "no data to load");
        return NULL;
    }
    if (size > HLI_MAX_IMAGE_SIZE) {
        hli_error_raise(err, HLFFI_ERROR_INVALID_BYTECODE,
                        "invalid bytecode: the file has %zu bytes, more than the 1 GiB this VM loads", size);
        return NULL;
    }
    hli_module *m = hli_mem_alloc(mem, sizeof(hli_module)); /* zeroed */
    uint8_t *image = size > 0 ? hli_mem_alloc(mem, size) : NULL;
    if (m == NULL || (size > 0 && image == NULL)) {
        hli_mem_free(mem, m, sizeof(hli_module));
        hli_mem_free(mem, image, size);
        hli_error_raise(err, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while loading the module");
        return NULL;
    }
    if (size > 0)
        memcpy(image, data, size);
    m->image = image;
    m->image_size = size;
    m->mem = mem;
    hli_loader L;
    memset(&L, 0, sizeof L);
    hli_reader_init(&L.r, image, size, err);
    size_t budget = size * HLI_LOAD_MEMORY_FACTOR + HLI_LOAD_MEMORY_SLACK;
    hli_arena_init(&L.arena, mem, budget - size - sizeof(hli_module));
    L.m = m;
    load_sections(&L);
    m->arena = L.arena.chunks;
    m->arena_used = L.arena.used;
    if (L.r.failed) {
        hli_module_free(m);
        return NULL;
    }
    return m;
}

void hli_module_free(hli_module *m) {
    if (m == NULL)
        return;
    hli_mem *mem = m->mem;
    hli_arena_free_chunks(mem, m->arena);
    hli_mem_free(mem, m->image, m->image_size);
    hli_mem_free(mem, m, sizeof(hli_module));
}
