/* Text helpers of the std natives: UTF-16 strings in the GC heap, UTF-16 -> UTF-8 encoding, HashLink's
 * exact UTF-8 -> UTF-16 decoding (hl_utf8_length/hl_from_utf8 in HashLink's string.c) and the case
 * tables. */
#include <string.h>

#include "std/std_internal.h"
#include "std/std_case_tables.h"

int32_t hli_std_ustrlen(const hli_uchar *s) {
    int32_t n = 0;
    if (s != NULL)
        while (s[n] != 0)
            n++;
    return n;
}

hli_uchar *hli_std_ustr_copy(hli_thread *th, const hli_uchar *s, int32_t n) {
    hli_uchar *out = hli_alloc(th, ((size_t)n + 1) * sizeof(hli_uchar), HLI_GC_NOPTR);
    if (out != NULL && n > 0)
        memcpy(out, s, (size_t)n * sizeof(hli_uchar));
    return out;
}

hli_uchar *hli_std_ustr_ascii(hli_thread *th, const char *s, size_t n) {
    hli_uchar *out = hli_alloc(th, (n + 1) * sizeof(hli_uchar), HLI_GC_NOPTR);
    if (out != NULL)
        for (size_t i = 0; i < n; i++)
            out[i] = (uint8_t)s[i];
    return out;
}

uint8_t *hli_std_bytes_copy(hli_thread *th, const void *s, size_t n) {
    uint8_t *out = hli_alloc(th, n + 1, HLI_GC_NOPTR);
    if (out != NULL && n > 0)
        memcpy(out, s, n);
    return out;
}

size_t hli_std_utf16_to_utf8(const hli_uchar *s, size_t n, uint8_t *out) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = s[i];
        if (c >= 0xD800 && c <= 0xDFFF) {
            if (c <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00u);
                if (out != NULL) {
                    out[k] = (uint8_t)(0xF0 | (c >> 18));
                    out[k + 1] = (uint8_t)(0x80 | ((c >> 12) & 63));
                    out[k + 2] = (uint8_t)(0x80 | ((c >> 6) & 63));
                    out[k + 3] = (uint8_t)(0x80 | (c & 63));
                }
                k += 4;
                continue;
            }
            c = 0xFFFD; /* a lone surrogate */
        }
        if (c < 0x80) {
            if (out != NULL)
                out[k] = (uint8_t)c;
            k += 1;
        } else if (c < 0x800) {
            if (out != NULL) {
                out[k] = (uint8_t)(0xC0 | (c >> 6));
                out[k + 1] = (uint8_t)(0x80 | (c & 63));
            }
            k += 2;
        } else {
            if (out != NULL) {
                out[k] = (uint8_t)(0xE0 | (c >> 12));
                out[k + 1] = (uint8_t)(0x80 | ((c >> 6) & 63));
                out[k + 2] = (uint8_t)(0x80 | (c & 63));
            }
            k += 3;
        }
    }
    return k;
}

/* hl_utf8_length: every byte of a counted sequence has its high bit set, so counting never passes the
 * NUL; a byte >= 0xF8 is counted and ends the count. */
int32_t hli_std_hl_utf8_length(const uint8_t *s) {
    int32_t len = 0;
    for (;;) {
        uint8_t c = *s;
        if (c == 0)
            return len;
        if (c < 0x80) {
            len++;
            s++;
        } else if (c < 0xC0) {
            return len;
        } else if (c < 0xE0) {
            if ((s[1] & 0x80) == 0)
                return len;
            len++;
            s += 2;
        } else if (c < 0xF0) {
            if ((s[1] & 0x80) == 0 || (s[2] & 0x80) == 0)
                return len;
            len++;
            s += 3;
        } else if (c < 0xF8) {
            if ((s[1] & 0x80) == 0 || (s[2] & 0x80) == 0 || (s[3] & 0x80) == 0)
                return len;
            len += 2; /* a surrogate pair */
            s += 4;
        } else {
            return len + 1;
        }
    }
}

/* hl_from_utf8 with outLen = units. The bit operations are HashLink's (continuation bytes masked with
 * 0x7F, no validation); on the sequences hli_std_hl_utf8_length counted they read only counted bytes.
 * HashLink reads three bytes past a trailing byte >= 0xF8 before discarding it: here it stops. */
void hli_std_hl_from_utf8(hli_uchar *out, int32_t units, const uint8_t *s) {
    int32_t p = 0;
    while (p < units) {
        uint32_t c = *s++;
        p++;
        if (c < 0x80) {
            if (c == 0)
                break;
        } else if (c < 0xE0) {
            c = ((c & 0x3F) << 6) | (*s++ & 0x7Fu);
        } else if (c < 0xF0) {
            uint32_t c2 = *s++;
            c = ((c & 0x1F) << 12) | ((c2 & 0x7F) << 6) | (*s++ & 0x7Fu);
        } else {
            if (c >= 0xF8 || p == units)
                break; /* HashLink: `if (p++ == outLen) break` after reading the sequence */
            uint32_t c2 = s[0], c3 = s[1], c4 = s[2];
            s += 3;
            c = (((c & 0x0F) << 18) | ((c2 & 0x7F) << 12) | ((c3 & 0x7F) << 6) | (c4 & 0x7F)) - 0x10000u;
            p++;
            *out++ = (hli_uchar)((c >> 10) + 0xD800);
            *out++ = (hli_uchar)((c & 0x3FF) | 0xDC00);
            continue;
        }
        *out++ = (hli_uchar)c;
    }
    *out = 0;
}

hli_uchar hli_std_upper(hli_uchar c) {
    hli_uchar m = case_upper_pages[case_upper_index[c >> 8]][c & 0xFF];
    return m != 0 ? m : c;
}

hli_uchar hli_std_lower(hli_uchar c) {
    hli_uchar m = case_lower_pages[case_lower_index[c >> 8]][c & 0xFF];
    return m != 0 ? m : c;
}
