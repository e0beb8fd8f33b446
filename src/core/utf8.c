/* UTF-8 validation (see utf8.h). */
#include "core/utf8.h"

bool hli_utf8_check(const uint8_t *s, size_t n, size_t *bad_at) {
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            *bad_at = i;
            return false;
        }
        if (n - i < len) {
            *bad_at = i;
            return false;
        }
        for (size_t k = 1; k < len; k++) {
            uint8_t cc = s[i + k];
            if ((cc & 0xC0) != 0x80) {
                *bad_at = i + k;
                return false;
            }
            cp = cp << 6 | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF) {
            *bad_at = i;
            return false;
        }
        i += len;
    }
    return true;
}

size_t hli_utf8_to_utf16(const char *str, size_t n, uint16_t *out) {
    const uint8_t *s = (const uint8_t *)str;
    size_t i = 0, k = 0;
    while (i < n) {
        uint32_t c = s[i], cp = 0xFFFD;
        size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        if (len == 1) {
            cp = c;
        } else if (len > 1 && n - i >= len) {
            uint32_t v = c & (0x7F >> len);
            size_t j = 1;
            for (; j < len && (s[i + j] & 0xC0) == 0x80; j++)
                v = v << 6 | (s[i + j] & 0x3F);
            static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
            if (j == len && v >= min[len] && v <= 0x10FFFF && !(v >= 0xD800 && v < 0xE000))
                cp = v;
            else
                len = j > 1 ? j : 1;
        } else {
            len = 1;
        }
        i += len;
        if (cp >= 0x10000) {
            if (out) {
                out[k] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
                out[k + 1] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
            }
            k += 2;
        } else {
            if (out)
                out[k] = (uint16_t)cp;
            k++;
        }
    }
    return k;
}
