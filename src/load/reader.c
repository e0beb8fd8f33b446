/* Primitive decoding of .hl files (hl-spec.md 1.1): every read is bounds-checked and reports the byte
 * offset of what it could not read. */
#include "load/reader.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void hli_reader_init(hli_reader *r, const uint8_t *data, size_t size, hli_error *err) {
    r->data = data;
    r->size = size;
    r->pos = 0;
    r->failed = false;
    r->err = err;
}

void hli_reader_fail_at(hli_reader *r, size_t at, const char *fmt, ...) {
    if (r->failed)
        return;
    r->failed = true;
    char what[HLI_ERROR_TEXT_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    hli_error_raise(r->err, HLFFI_ERROR_INVALID_BYTECODE, "invalid bytecode at byte %zu: %s", at, what);
}

/* Makes sure n more bytes can be read; on failure the reader fails and the caller returns 0. */
static bool need(hli_reader *r, size_t n, const char *what) {
    if (r->failed)
        return false;
    if (r->size - r->pos < n) {
        hli_reader_fail_at(r, r->pos, "file ends inside %s", what);
        return false;
    }
    return true;
}

uint8_t hli_read_u8(hli_reader *r, const char *what) {
    if (!need(r, 1, what))
        return 0;
    return r->data[r->pos++];
}

int32_t hli_read_i32(hli_reader *r, const char *what) {
    if (!need(r, 4, what))
        return 0;
    const uint8_t *p = r->data + r->pos;
    r->pos += 4;
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    int32_t s;
    memcpy(&s, &v, sizeof s); /* two's complement reinterpretation without implementation-defined casts */
    return s;
}

double hli_read_f64(hli_reader *r, const char *what) {
    if (!need(r, 8, what))
        return 0;
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | r->data[r->pos + (size_t)i];
    r->pos += 8;
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}

int32_t hli_read_vi(hli_reader *r, const char *what) {
    if (!need(r, 1, what))
        return 0;
    uint8_t b = r->data[r->pos];
    if ((b & 0x80) == 0) {
        r->pos++;
        return b & 0x7F;
    }
    if ((b & 0x40) == 0) {
        if (!need(r, 2, what))
            return 0;
        int32_t m = (int32_t)((b & 0x1F) << 8 | r->data[r->pos + 1]);
        r->pos += 2;
        return (b & 0x20) ? -m : m;
    }
    if (!need(r, 4, what))
        return 0;
    const uint8_t *p = r->data + r->pos;
    int32_t m = (int32_t)((uint32_t)(b & 0x1F) << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]);
    r->pos += 4;
    return (b & 0x20) ? -m : m;
}

uint32_t hli_read_uvi(hli_reader *r, const char *what) {
    size_t at = r->pos;
    int32_t v = hli_read_vi(r, what);
    if (v < 0) {
        hli_reader_fail_at(r, at, "negative value %d for %s", (int)v, what);
        return 0;
    }
    return (uint32_t)v;
}

uint32_t hli_read_index(hli_reader *r, uint32_t limit, const char *what) {
    size_t at = r->pos;
    int32_t v = hli_read_vi(r, what);
    if (r->failed)
        return 0;
    if (v < 0 || (uint32_t)v >= limit) {
        hli_reader_fail_at(r, at, "%s %d out of range (the table has %u entries)", what, (int)v,
                           (unsigned)limit);
        return 0;
    }
    return (uint32_t)v;
}

void hli_read_skip(hli_reader *r, size_t n, const char *what) {
    if (need(r, n, what))
        r->pos += n;
}
