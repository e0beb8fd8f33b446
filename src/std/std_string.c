/* Natives of strings (hl-spec.md 8.1 "Strings, UTF-16/UTF-8, hashing"): number formatting, Std.string,
 * UTF conversions, case mapping, URL encoding and field-name hashing, with HashLink's results
 * (HashLink's src/std/string.c) and no dependence on the C locale. */
#include <string.h>

#include "std/std_families.h"
#include "std/std_internal.h"

/* A new UTF-16 string from ASCII text, its length through the ref argument. */
static hli_status ascii_result(hli_thread *th, const char *s, int len, void *ref, hli_reg *ret) {
    hli_uchar *u = hli_std_ustr_ascii(th, s, (size_t)len);
    if (u == NULL)
        return HLI_EXC;
    hli_std_set_ref_i32(ref, len);
    ret->p = u;
    return HLI_OK;
}

/* itos(i, ref len): "%d" (written by hand: snprintf costs more than the rest of the call). */
static hli_status n_itos(hli_thread *th, hli_reg *args, hli_reg *ret) {
    char buf[16];
    int32_t v = args[0].i;
    uint32_t u = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
    int k = (int)sizeof buf;
    do {
        buf[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (v < 0)
        buf[--k] = '-';
    return ascii_result(th, buf + k, (int)sizeof buf - k, args[1].p, ret);
}

/* ftos(f, ref len): "NaN" for every NaN, else "%.15g" (inf, -inf, 1e+20 ...). */
static hli_status n_ftos(hli_thread *th, hli_reg *args, hli_reg *ret) {
    double d = args[0].d;
    if (d != d)
        return ascii_result(th, "NaN", 3, args[1].p, ret);
    char buf[40];
    int len = hli_fmt_g(d, 15, buf, sizeof buf);
    return ascii_result(th, buf, len, args[1].p, ret);
}

/* value_to_string(v, ref len): Std.string (hl-spec.md 5.6). */
static hli_status n_value_to_string(hli_thread *th, hli_reg *args, hli_reg *ret) {
    hli_uchar *out = NULL;
    int32_t len = 0;
    hli_root_push(th, &args[0].p);
    hli_status st = hli_value_to_string(th, args[0].p, &out, &len);
    hli_root_pop(th, 1);
    if (st != HLI_OK)
        return st;
    hli_std_set_ref_i32(args[1].p, len);
    ret->p = out;
    return HLI_OK;
}

/* ucs2length(b, pos): units before the NUL, from byte offset pos. */
static hli_status n_ucs2length(hli_thread *th, hli_reg *args, hli_reg *ret) {
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    ret->i = hli_std_ustrlen((const hli_uchar *)((uint8_t *)args[0].p + args[1].i));
    return HLI_OK;
}

/* utf8_to_utf16(b, pos, ref size): decodes the NUL-terminated UTF-8 at b + pos exactly as HashLink
 * (invalid input ends the text; see hli_std_hl_utf8_length); size = output bytes. */
static hli_status n_utf8_to_utf16(hli_thread *th, hli_reg *args, hli_reg *ret) {
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    int32_t units = hli_std_hl_utf8_length((const uint8_t *)args[0].p + args[1].i);
    hli_root_push(th, &args[0].p);
    hli_uchar *out = hli_alloc(th, ((size_t)units + 1) * sizeof(hli_uchar), HLI_GC_NOPTR);
    hli_root_pop(th, 1);
    if (out == NULL)
        return HLI_EXC;
    hli_std_hl_from_utf8(out, units, (const uint8_t *)args[0].p + args[1].i);
    hli_std_set_ref_i32(args[2].p, (int32_t)((uint32_t)units << 1));
    ret->p = out;
    return HLI_OK;
}

/* utf16_to_utf8(b, len, ref size): len units (0: until the NUL) to a new NUL-terminated UTF-8 buffer;
 * size = its byte count. Lone surrogates become U+FFFD (HashLink produces garbage for them); a
 * negative len is taken as 0 (HashLink would run off the buffer). */
static hli_status n_utf16_to_utf8(hli_thread *th, hli_reg *args, hli_reg *ret) {
    const hli_uchar *s = args[0].p;
    if (s == NULL)
        return hli_throw_error(th, "Null access");
    size_t n = args[1].i > 0 ? (size_t)args[1].i : (size_t)hli_std_ustrlen(s);
    size_t size = hli_std_utf16_to_utf8(s, n, NULL);
    if (size > INT32_MAX - 1)
        return hli_throw_error(th, "Invalid allocation size");
    hli_root_push(th, &args[0].p);
    uint8_t *out = hli_alloc(th, size + 1, HLI_GC_NOPTR);
    hli_root_pop(th, 1);
    if (out == NULL)
        return HLI_EXC;
    hli_std_utf16_to_utf8(args[0].p, n, out);
    hli_std_set_ref_i32(args[2].p, (int32_t)size);
    ret->p = out;
    return HLI_OK;
}

/* ucs2_upper/ucs2_lower(b, pos, len): a new string, each unit mapped on its own (BMP simple mappings of
 * Unicode 8.0, as HashLink's unicase.h: no special casing, surrogates unchanged). */
static hli_status map_case(hli_thread *th, hli_reg *args, hli_reg *ret, hli_uchar (*map)(hli_uchar)) {
    int32_t len = args[2].i;
    if (len < 0)
        return hli_throw_error(th, "Invalid allocation size");
    if (args[0].p == NULL && len > 0)
        return hli_throw_error(th, "Null access");
    hli_root_push(th, &args[0].p);
    hli_uchar *out = hli_alloc(th, ((size_t)len + 1) * sizeof(hli_uchar), HLI_GC_NOPTR);
    hli_root_pop(th, 1);
    if (out == NULL)
        return HLI_EXC;
    /* Only with len > 0 is b non-NULL: an empty String made by ONew (Type.createEmptyInstance) has
     * no bytes, and NULL + pos is undefined. */
    if (len > 0) {
        const hli_uchar *s = (const hli_uchar *)((uint8_t *)args[0].p + args[1].i);
        for (int32_t i = 0; i < len; i++)
            out[i] = map(s[i]);
    }
    ret->p = out;
    return HLI_OK;
}

static hli_status n_ucs2_upper(hli_thread *th, hli_reg *args, hli_reg *ret) {
    return map_case(th, args, ret, hli_std_upper);
}

static hli_status n_ucs2_lower(hli_thread *th, hli_reg *args, hli_reg *ret) {
    return map_case(th, args, ret, hli_std_lower);
}

/* ---- URL encoding (HashLink's hl_url_encode / hl_url_decode) ------------------------------------ */

static bool url_keep(uint32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
}

/* Appends %XX for byte b at out[k] (when out != NULL); returns the new k. */
static size_t put_hex(hli_uchar *out, size_t k, uint32_t b) {
    static const char hex[] = "0123456789ABCDEF";
    if (out != NULL) {
        out[k] = '%';
        out[k + 1] = (hli_uchar)hex[(b >> 4) & 15];
        out[k + 2] = (hli_uchar)hex[b & 15];
    }
    return k + 3;
}

/* Encodes the NUL-terminated s into out (NULL: count only); returns the units. A high surrogate
 * followed by a low one in DC00..DFFE is encoded as one 4-byte sequence; any other surrogate as the
 * 3-byte form of its own value (HashLink's rule, `sur < 0xDFFF` included). */
static size_t url_encode(const hli_uchar *s, hli_uchar *out) {
    size_t k = 0;
    for (;;) {
        uint32_t c = *s++;
        if (c == 0)
            return k;
        if (url_keep(c)) {
            if (out != NULL)
                out[k] = (hli_uchar)c;
            k++;
        } else if (c < 0x80) {
            k = put_hex(out, k, c);
        } else if (c < 0x800) {
            k = put_hex(out, k, 0xC0 | (c >> 6));
            k = put_hex(out, k, 0x80 | (c & 63));
        } else if (c >= 0xD800 && c <= 0xDBFF && *s >= 0xDC00 && *s < 0xDFFF) {
            c = (((c - 0xD800) << 10) | (*s++ - 0xDC00u)) + 0x10000;
            k = put_hex(out, k, 0xF0 | (c >> 18));
            k = put_hex(out, k, 0x80 | ((c >> 12) & 63));
            k = put_hex(out, k, 0x80 | ((c >> 6) & 63));
            k = put_hex(out, k, 0x80 | (c & 63));
        } else {
            k = put_hex(out, k, 0xE0 | (c >> 12));
            k = put_hex(out, k, 0x80 | ((c >> 6) & 63));
            k = put_hex(out, k, 0x80 | (c & 63));
        }
    }
}

/* url_encode(s, ref len) */
static hli_status n_url_encode(hli_thread *th, hli_reg *args, hli_reg *ret) {
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    size_t n = url_encode(args[0].p, NULL);
    if (n > INT32_MAX / 2 - 1)
        return hli_throw_error(th, "Invalid allocation size");
    hli_root_push(th, &args[0].p);
    hli_uchar *out = hli_alloc(th, (n + 1) * sizeof(hli_uchar), HLI_GC_NOPTR);
    hli_root_pop(th, 1);
    if (out == NULL)
        return HLI_EXC;
    url_encode(args[0].p, out);
    hli_std_set_ref_i32(args[1].p, (int32_t)n);
    ret->p = out;
    return HLI_OK;
}

/* A hex digit's value, or 0xFFFF. */
static hli_uchar hex_value(hli_uchar c) {
    if (c >= '0' && c <= '9')
        return (hli_uchar)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (hli_uchar)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (hli_uchar)(c - 'A' + 10);
    return 0xFFFF;
}

/* HashLink's decode_hex: two hex digits at *s (advancing past them), or 0xFFFF without advancing. */
static hli_uchar decode_hex(const hli_uchar **s) {
    const hli_uchar *c = *s;
    hli_uchar p1 = hex_value(c[0]);
    if (p1 == 0xFFFF)
        return p1;
    hli_uchar p2 = hex_value(c[1]);
    if (p2 == 0xFFFF)
        return p2;
    *s = c + 2;
    return (hli_uchar)((p1 << 4) | p2);
}

/* Decodes the NUL-terminated s into out (room for as many units as s has: the output is never
 * longer); returns the units written, or -1 for HashLink's "Malformed URL encoded" (a multi-byte
 * sequence whose next byte does not start with '%'). Undecodable "%.." continuation bytes are used
 * as 0xFFFF, as HashLink does (its `p2 < 0` checks on an unsigned type never fire). */
static int32_t url_decode(const hli_uchar *s, hli_uchar *out) {
    int32_t k = 0;
    for (;;) {
        hli_uchar c = *s++;
        if (c == 0)
            return k;
        if (c == '+') {
            c = ' ';
        } else if (c == '%') {
            hli_uchar p1 = decode_hex(&s);
            if (p1 == 0xFFFF) {
                out[k++] = '%';
                continue;
            }
            if (p1 < 0x80) {
                c = p1;
            } else if (p1 < 0xE0) {
                if (*s++ != '%')
                    return -1;
                hli_uchar p2 = decode_hex(&s);
                c = (hli_uchar)(((p1 & 0x3F) << 6) | (p2 & 0x7F));
            } else if (p1 < 0xF0) {
                if (*s++ != '%')
                    return -1;
                hli_uchar p2 = decode_hex(&s);
                if (*s++ != '%')
                    return -1;
                hli_uchar p3 = decode_hex(&s);
                c = (hli_uchar)(((p1 & 0x1F) << 12) | ((p2 & 0x7F) << 6) | (p3 & 0x7F));
            } else {
                if (*s++ != '%')
                    return -1;
                hli_uchar p2 = decode_hex(&s);
                if (*s++ != '%')
                    return -1;
                hli_uchar p3 = decode_hex(&s);
                if (*s++ != '%')
                    return -1;
                hli_uchar p4 = decode_hex(&s);
                uint32_t v = (((p1 & 0x0Fu) << 18) | ((p2 & 0x7Fu) << 12) | ((p3 & 0x7Fu) << 6) | (p4 & 0x7Fu)) -
                             0x10000u;
                out[k++] = (hli_uchar)((v >> 10) + 0xD800); /* the low 16 bits, as HashLink's int */
                c = (hli_uchar)((v & 0x3FF) | 0xDC00);
            }
        }
        out[k++] = c;
    }
}

/* url_decode(s, ref len) */
static hli_status n_url_decode(hli_thread *th, hli_reg *args, hli_reg *ret) {
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    int32_t n = hli_std_ustrlen(args[0].p);
    hli_root_push(th, &args[0].p);
    hli_uchar *out = hli_alloc(th, ((size_t)n + 1) * sizeof(hli_uchar), HLI_GC_NOPTR);
    hli_root_pop(th, 1);
    if (out == NULL)
        return HLI_EXC;
    int32_t k = url_decode(args[0].p, out);
    if (k < 0)
        return hli_throw_error(th, "Malformed URL encoded");
    out[k] = 0;
    hli_std_set_ref_i32(args[1].p, k);
    ret->p = out;
    return HLI_OK;
}

/* ---- field names (5.1) ------------------------------------------------------------------------- */

/* hash(name): the field hash, registering the name (collisions step as HashLink's). */
static hli_status n_hash(hli_thread *th, hli_reg *args, hli_reg *ret) {
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    ret->i = hli_hash_name(th->vm, args[0].p);
    return HLI_OK;
}

/* field_name(hash): the registered name (program memory, never written by Haxe code), or a new
 * "???". */
static hli_status n_field_name(hli_thread *th, hli_reg *args, hli_reg *ret) {
    const hli_uchar *name = hli_field_name(th->vm, args[0].i);
    if (name != NULL) {
        ret->p = (void *)name;
        return HLI_OK;
    }
    ret->p = hli_std_ustr_ascii(th, "???", 3);
    return ret->p != NULL ? HLI_OK : HLI_EXC;
}

const hli_native_def hli_std_string_natives[] = {
    {"std", "itos", "PiRi_B", n_itos},
    {"std", "ftos", "PdRi_B", n_ftos},
    {"std", "value_to_string", "PDRi_B", n_value_to_string},
    {"std", "ucs2length", "PBi_i", n_ucs2length},
    {"std", "utf8_to_utf16", "PBiRi_B", n_utf8_to_utf16},
    {"std", "utf16_to_utf8", "PBiRi_B", n_utf16_to_utf8},
    {"std", "ucs2_upper", "PBii_B", n_ucs2_upper},
    {"std", "ucs2_lower", "PBii_B", n_ucs2_lower},
    {"std", "url_encode", "PBRi_B", n_url_encode},
    {"std", "url_decode", "PBRi_B", n_url_decode},
    {"std", "hash", "PB_i", n_hash},
    {"std", "field_name", "Pi_B", n_field_name},
    {NULL, NULL, NULL, NULL},
};
