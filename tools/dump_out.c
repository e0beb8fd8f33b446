/* `hlffi dump`'s output: a buffered writer that tracks the column, with locale-independent number
 * formatting and the C-style escaping that tests/dump/crosscheck.py reproduces. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dump.h"

void dump_flush(dump_out *o) {
    if (o->len > 0 && !o->failed && fwrite(o->buf, 1, o->len, o->file) != o->len)
        o->failed = true;
    o->len = 0;
}

void dump_putn(dump_out *o, const char *s, size_t n) {
    if (o->failed || n == 0)
        return;
    for (size_t i = n; i > 0; i--)
        if (s[i - 1] == '\n') {
            o->col = n - i;
            goto counted;
        }
    o->col += n;
counted:
    if (o->len + n > o->cap) {
        dump_flush(o);
        if (n > o->cap) {
            if (!o->failed && fwrite(s, 1, n, o->file) != n)
                o->failed = true;
            return;
        }
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

void dump_puts(dump_out *o, const char *s) {
    dump_putn(o, s, strlen(s));
}

void dump_printf(dump_out *o, const char *fmt, ...) {
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        o->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        dump_putn(o, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (big == NULL) {
        o->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    dump_putn(o, big, (size_t)n);
    free(big);
}

void dump_pad(dump_out *o, size_t col) {
    static const char spaces[] = "                                                  ";
    size_t want = o->col < col ? col - o->col : 1;
    while (want > 0) {
        size_t k = want < sizeof spaces - 1 ? want : sizeof spaces - 1;
        dump_putn(o, spaces, k);
        want -= k;
    }
}

/* Escapes one byte into e (at least 5 bytes); returns its length. */
static size_t escape_byte(unsigned char ch, bool raw_bytes, char *e) {
    switch (ch) {
    case '"': memcpy(e, "\\\"", 2); return 2;
    case '\\': memcpy(e, "\\\\", 2); return 2;
    case '\n': memcpy(e, "\\n", 2); return 2;
    case '\r': memcpy(e, "\\r", 2); return 2;
    case '\t': memcpy(e, "\\t", 2); return 2;
    default: break;
    }
    if (ch < 0x20 || ch == 0x7F || (raw_bytes && ch >= 0x80)) {
        static const char hex[] = "0123456789abcdef";
        e[0] = '\\', e[1] = 'x', e[2] = hex[ch >> 4], e[3] = hex[ch & 15];
        return 4;
    }
    e[0] = (char)ch;
    return 1;
}

static void put_escaped(dump_out *o, const char *s, size_t n, bool raw_bytes) {
    size_t run = 0; /* bytes of s[i - run .. i) that need no escape */
    for (size_t i = 0; i < n; i++) {
        char e[4];
        size_t k = escape_byte((unsigned char)s[i], raw_bytes, e);
        if (k == 1 && e[0] == s[i]) {
            run++;
            continue;
        }
        dump_putn(o, s + i - run, run);
        run = 0;
        dump_putn(o, e, k);
    }
    dump_putn(o, s + n - run, run);
}

void dump_escaped(dump_out *o, const char *s, size_t n) {
    put_escaped(o, s, n, false);
}

void dump_quoted(dump_out *o, const char *s, size_t n, size_t max, bool raw_bytes) {
    bool cut = max > 0 && n > max;
    if (cut) {
        n = max;
        if (!raw_bytes) /* do not split a UTF-8 sequence */
            while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
                n--;
    }
    dump_putn(o, "\"", 1);
    put_escaped(o, s, n, raw_bytes);
    dump_puts(o, cut ? "\"..." : "\"");
}

void dump_double(dump_out *o, double v) {
    if (v != v) {
        dump_puts(o, "nan");
        return;
    }
    if (v > 1.7976931348623157e308 || v < -1.7976931348623157e308) {
        dump_puts(o, v > 0 ? "inf" : "-inf");
        return;
    }
    /* The tool never calls setlocale, so printf uses the "C" locale's '.'. Shortest round trip. */
    char buf[64];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    dump_puts(o, buf);
    if (strpbrk(buf, ".en") == NULL)
        dump_puts(o, ".0");
}
