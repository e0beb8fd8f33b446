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

void hlscan(const uint8_t *data, size_t size, hlscan_result *r) {
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
    for (uint32_t i = 0; i < ntypes && !s.failed; i++) {
        size_t at = s.pos;
        uint8_t kind = u8(&s);
        record(&s, at, 1, HLSCAN_KIND, kind, 24);
        switch (kind) {
        case 10: case 20: { /* HFUN, HMETHOD */
            uint8_t n = count_u8(&s);
            for (unsigned k = 0; k <= n && !s.failed; k++)
                field(&s, HLSCAN_INDEX, ntypes);
            break;
        }
        case 11: case 21: { /* HOBJ, HSTRUCT */
            field(&s, HLSCAN_INDEX, nstrings);
            field(&s, HLSCAN_INDEX, ntypes); /* super */
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
        field(&s, HLSCAN_INDEX, ntypes);
        field(&s, HLSCAN_INDEX, nfindex);
    }
    for (uint32_t i = 0; i < nfunctions && !s.failed; i++) {
        field(&s, HLSCAN_INDEX, ntypes);
        field(&s, HLSCAN_INDEX, nfindex);
        uint32_t nregs = count(&s), nops = count(&s);
        for (uint32_t k = 0; k < nregs && !s.failed; k++)
            field(&s, HLSCAN_INDEX, ntypes);
        for (uint32_t k = 0; k < nops && !s.failed; k++) {
            size_t at = s.pos;
            uint8_t op = u8(&s);
            record(&s, at, 1, HLSCAN_OPCODE, op, 102);
            int shape = op_shape(op);
            if (shape >= 0) {
                for (int p = 0; p < shape; p++)
                    field(&s, HLSCAN_OPERAND, nregs);
            } else if (shape == HLI_ENC_VAR) {
                field(&s, HLSCAN_OPERAND, nregs);
                field(&s, HLSCAN_OPERAND, nregs);
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
    }
    for (uint32_t i = 0; i < nconstants && !s.failed; i++) {
        field(&s, HLSCAN_INDEX, nglobals);
        uint32_t n = count(&s);
        for (uint32_t k = 0; k < n && !s.failed; k++)
            field(&s, HLSCAN_INDEX, 0);
    }
    (void)ndebug;
    r->complete = !s.failed && s.pos == size;
}
