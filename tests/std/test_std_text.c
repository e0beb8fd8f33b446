/* Unit tests of the pure helpers of src/std (no VM): strtod against the C library's, HashLink's
 * parse_int/parse_float (shared/oracle/ParseNumbers), HashLink's UTF-8 decoding of invalid input
 * (BytesBasics), UTF-16 -> UTF-8 with lone surrogates, the case tables (StringCase), float-to-int. */
#define _POSIX_C_SOURCE 200809L

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "std/std_internal.h"

static int failures;

#define CHECK(cond, ...)                                                              \
    do {                                                                              \
        if (!(cond)) {                                                                \
            failures++;                                                               \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                             \
            fputc('\n', stderr);                                                      \
        }                                                                             \
    } while (0)

static uint64_t rng = 0x243F6A8885A308D3ull;
static uint64_t next_rand(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static uint64_t bits(double d) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

/* Our strtod and the C library's agree on the value bits and the characters consumed. */
static void same_as_libc(const char *s) {
    size_t used;
    double ours = hli_std_strtod(s, strlen(s), &used);
    char *end;
    double ref = strtod(s, &end);
    size_t ref_used = (size_t)(end - s);
    CHECK(used == ref_used, "\"%s\": consumed %zu, libc %zu", s, used, ref_used);
    if (ref_used == 0)
        return;
    CHECK(bits(ours) == bits(ref), "\"%s\": %.17g (%016llx), libc %.17g (%016llx)", s, ours,
          (unsigned long long)bits(ours), ref, (unsigned long long)bits(ref));
}

static void test_strtod(void) {
    static const char *fixed[] = {
        "0", "-0", "+0", "0.0", "00000", "1", "-1", "1.5", "0.1", "3.14159265358979323846", "1e3", "1E3", "1e+3",
        "1e-3", "1e", "1e+", "1e-", ".5", "-.5", "5.", ".", "-", "+", "", "e5", ".e5", "1.2.3", "--1", "+-1",
        "123456789012345678901234567890", "9007199254740993", "9007199254740992.5", "9007199254740993.0000001",
        "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
        "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "5e-324", "3e-324",
        "1e-400", "-1e-400", "1e400", "-1e400", "1.7976931348623157e308", "1.7976931348623158e308",
        "1.7976931348623159e308", "179769313486231580793728971405301e276", "1e309", "0e999999999",
        "1e-99999999999", "1e99999999999", "0.000000000000000000000000000000000000001e39",
        "1000000000000000000000000000000000000000e-39", "4.35", "0.30000000000000004", "1e21", "1e22", "1e23",
        "8.41e21", "5e-1", "2.5", "3.5", "-2.5", "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126", "6.02214076e23", "1.602176634e-19",
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        same_as_libc(fixed[i]);

    char buf[1200];
    /* Round trips of random doubles in several precisions. */
    for (int i = 0; i < 20000; i++) {
        uint64_t b = next_rand();
        double d;
        memcpy(&d, &b, sizeof d);
        if (d != d || d - d != 0)
            continue;
        static const int precs[] = {17, 16, 15, 25, 3, 1};
        snprintf(buf, sizeof buf, i % 6 < 3 ? "%.*g" : "%.*e", precs[i % 6], d);
        same_as_libc(buf);
    }
    /* Exact decimal expansions of midpoints between neighbouring doubles (ties to even), and the
     * same cut short or nudged (just below/above the tie). */
    for (int i = 0; i < 3000; i++) {
        uint64_t b = next_rand() & 0x7FEFFFFFFFFFFFFFull;
        if (i % 10 == 0)
            b &= 0x000FFFFFFFFFFFFFull; /* subnormals */
        double d, n;
        memcpy(&d, &b, sizeof d);
        n = nextafter(d, INFINITY);
        long double mid = ((long double)d + (long double)n) / 2; /* exact: 64-bit significand */
        snprintf(buf, sizeof buf, "%.1100Le", mid);
        same_as_libc(buf);
        char *e = strchr(buf, 'e');
        if (e != NULL && e - buf > 30) {
            char cut[80];
            snprintf(cut, sizeof cut, "%.*s%s", 25, buf, e); /* 23 digits */
            same_as_libc(cut);
            size_t digits = (size_t)(e - buf);
            char low[1200];
            memcpy(low, buf, digits);
            snprintf(low + digits, sizeof low - digits, "1%s", e);
            same_as_libc(low); /* a hair above the tie */
        }
    }
    /* Random digit strings with points and exponents. */
    for (int i = 0; i < 20000; i++) {
        size_t k = 0;
        uint64_t r = next_rand();
        if (r & 1)
            buf[k++] = (r & 2) ? '-' : '+';
        int nd = 1 + (int)((r >> 2) % (i % 50 == 0 ? 900 : 40));
        int point = (int)((r >> 12) % (unsigned)(nd + 2)) - 1;
        for (int j = 0; j < nd; j++) {
            if (j == point)
                buf[k++] = '.';
            uint64_t x = next_rand();
            buf[k++] = (char)('0' + (j == 0 && (x & 0x100) ? 0 : x % 10));
        }
        if ((r >> 24) & 1) {
            int e = (int)((r >> 32) % 760) - 380;
            k += (size_t)snprintf(buf + k, sizeof buf - k, "e%d", e);
        }
        buf[k] = 0;
        same_as_libc(buf);
    }
    /* Random junk from the characters parse_float passes (value and consumed length). */
    static const char alphabet[] = "0123456789.eE+-";
    for (int i = 0; i < 20000; i++) {
        size_t n = next_rand() % 12;
        for (size_t j = 0; j < n; j++)
            buf[j] = alphabet[next_rand() % (sizeof alphabet - 1)];
        buf[n] = 0;
        same_as_libc(buf);
    }
    /* A locale with a decimal comma does not change anything (when one is installed). */
    static const char *locales[] = {"de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", "fr_FR", "C.UTF-8"};
    for (size_t i = 0; i < sizeof locales / sizeof locales[0]; i++)
        if (setlocale(LC_NUMERIC, locales[i]) != NULL) {
            size_t used;
            CHECK(hli_std_strtod("1.5", 3, &used) == 1.5 && used == 3, "locale %s", locales[i]);
            hli_uchar s[] = {'2', '.', '5', 0};
            CHECK(hli_std_parse_float(s) == 2.5, "parse_float under locale %s", locales[i]);
        }
    setlocale(LC_NUMERIC, "C");
}

/* A UTF-16 copy of UTF-8 s (BMP only; static buffer). */
static const hli_uchar *u16(const char *s, int32_t *len) {
    static hli_uchar buf[256];
    int32_t n = 0;
    for (const uint8_t *p = (const uint8_t *)s; *p != 0; p++) {
        uint32_t c = *p;
        if (c >= 0xE0) {
            c = ((c & 15) << 12) | ((p[1] & 63u) << 6) | (p[2] & 63u);
            p += 2;
        } else if (c >= 0xC0) {
            c = ((c & 31) << 6) | (p[1] & 63u);
            p += 1;
        }
        buf[n++] = (hli_uchar)c;
    }
    buf[n] = 0;
    if (len != NULL)
        *len = n;
    return buf;
}

static void test_parse_int(void) {
    static const struct {
        const char *s;
        bool ok;
        int32_t v;
    } cases[] = {
        {"0", true, 0}, {"42", true, 42}, {"-42", true, -42}, {"+42", true, 42}, {" 42", true, 42},
        {"  -7x", true, -7}, {"\t12", true, 12}, {"\n5", true, 5}, {"42abc", true, 42}, {"abc", false, 0},
        {"", false, 0}, {" ", false, 0}, {"-", false, 0}, {"+", false, 0}, {"0x1F", true, 31}, {"0X1f", true, 31},
        {"-0x10", true, -16}, {"0x", true, 0}, {"0xG", true, 0}, {"0x7FFFFFFF", true, 2147483647},
        {"0xFFFFFFFF", true, -1}, {"0x100000000", true, 0}, {"2147483647", true, 2147483647},
        {"2147483648", true, INT32_MIN}, {"-2147483648", true, INT32_MIN}, {"-2147483649", true, 2147483647},
        {"99999999999", true, 1215752191}, {"1e3", true, 1}, {"1.9", true, 1}, {"-1.9", true, -1},
        {"007", true, 7}, {"0b101", true, 0}, {"--1", false, 0}, {"+-1", false, 0}, {"1 2", true, 1},
        {"\xd9\xa1\xd9\xa2", false, 0}, {"12\xc2\xa0", true, 12},
        /* beyond the oracle: the 16-character window of utoi, and signs with hex */
        {"12345678901234567", true, (int32_t)(uint32_t)1234567890123456ull}, {"+0x10", true, 16},
        {"-1234567890123456", true, (int32_t)(uint32_t)(0ull - 123456789012345ull)}, {"\x0b\x0c\r 9", true, 9},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int32_t n, v = 12345;
        const hli_uchar *s = u16(cases[i].s, &n);
        bool ok = hli_std_parse_int(s, n << 1, &v);
        CHECK(ok == cases[i].ok && (!ok || v == cases[i].v), "parseInt(\"%s\") = %s %d", cases[i].s,
              ok ? "ok" : "null", v);
    }
}

static void test_parse_float(void) {
    static const struct {
        const char *s;
        double v; /* NAN: expect NaN */
    } cases[] = {
        {"0", 0}, {"1.5", 1.5}, {"-1.5", -1.5}, {"+1.5", 1.5}, {" 2.5", 2.5}, {"\t3.5", 3.5}, {"1e3", 1000},
        {"1E3", 1000}, {"1e+3", 1000}, {"1e-3", 0.001}, {"-1.5e-3x", -0.0015}, {"1e", 1}, {"1e+", 1}, {".5", 0.5},
        {"-.5", -0.5}, {"5.", 5}, {"1.2.3", 1.2}, {"abc", NAN}, {"", NAN}, {" ", NAN}, {"NaN", NAN}, {"nan", NAN},
        {"Infinity", NAN}, {"-Infinity", NAN}, {"inf", NAN}, {"0x10", 0}, {"1,5", 1}, {"12abc", 12},
        {"  -0", -0.0}, {"1e400", INFINITY}, {"-1e400", -INFINITY}, {"1e-400", 0}, {"0.1", 0.1},
        {"123456789012345678901234567890", 123456789012345678901234567890.0},
        {"3.14159265358979323846", 3.14159265358979323846}, {"4.35", 4.35},
        /* only 30 characters are read */
        {"1234567890123456789012345678901234", 123456789012345678901234567890.0},
        {"0.00000000000000000000000000123456", 1.2e-27}, {"0.00000000000000000000000000001234", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double v = hli_std_parse_float(u16(cases[i].s, NULL));
        if (cases[i].v != cases[i].v)
            CHECK(v != v && bits(v) == 0x7FF8000000000000ull, "parseFloat(\"%s\") = %.17g, want NaN", cases[i].s, v);
        else
            CHECK(bits(v) == bits(cases[i].v), "parseFloat(\"%s\") = %.17g, want %.17g", cases[i].s, v, cases[i].v);
    }
}

/* HashLink's decoding of UTF-8 into a buffer; returns the units and checks the terminator. */
static int32_t decode(const char *s, hli_uchar *out) {
    int32_t n = hli_std_hl_utf8_length((const uint8_t *)s);
    for (int32_t i = 0; i <= n + 1; i++)
        out[i] = 0xEEEE;
    hli_std_hl_from_utf8(out, n, (const uint8_t *)s);
    return n;
}

static void test_utf8_decode(void) {
    hli_uchar out[64];
    int32_t n = decode("\x41\xff\x42\xc3", out); /* BytesBasics: length=2 codes=[65,0] */
    CHECK(n == 2 && out[0] == 65 && out[1] == 0, "41ff42c3: %d [%u,%u]", n, out[0], out[1]);
    n = decode("\xc0\xaf\xe0\x80\xaf", out); /* overlong encodings codes=[47,47] */
    CHECK(n == 2 && out[0] == 47 && out[1] == 47 && out[2] == 0, "c0afe080af: %d [%u,%u]", n, out[0], out[1]);
    n = decode("\xc3", out); /* getString cutting a 2-byte char: length=0 */
    CHECK(n == 0 && out[0] == 0, "c3: %d", n);
    n = decode("\x41\xff\x42", out); /* BytesIO: readString of invalid UTF-8 length=2 */
    CHECK(n == 2, "41ff42: %d", n);
    n = decode("h\xc3\xa9llo\xf0\x9f\x98\x80", out);
    CHECK(n == 7 && out[1] == 0xE9 && out[5] == 0xD83D && out[6] == 0xDE00 && out[7] == 0, "h\xc3\xa9llo: %d", n);
    n = decode("\xf0\x80\x80\x80", out); /* an overlong 4-byte form wraps as HashLink's unsigned int */
    CHECK(n == 2 && out[0] == 0xD7C0 && out[1] == 0xDC00, "f0808080: %d [%x,%x]", n, out[0], out[1]);
    n = decode("a\x80z", out); /* a continuation byte in lead position ends the text */
    CHECK(n == 1 && out[0] == 'a' && out[1] == 0, "a80z: %d", n);
    n = decode("\xe2\x82", out); /* a truncated sequence ends the text (never read past the NUL) */
    CHECK(n == 0, "e282: %d", n);
    n = decode("\xf8", out);
    CHECK(n == 1 && out[0] == 0, "f8: %d [%x]", n, out[0]);
}

static void test_utf16_encode(void) {
    uint8_t out[64];
    const hli_uchar pair[] = {'a', 0xD83D, 0xDE00, 'b', 0x20AC, 'c'};
    size_t n = hli_std_utf16_to_utf8(pair, 6, out);
    CHECK(n == 10 && memcmp(out, "a\xf0\x9f\x98\x80" "b\xe2\x82\xac" "c", 10) == 0, "mixed: %zu", n);
    const hli_uchar lone[] = {0xD83D, 'A', 0xDE00, 0xD800};
    n = hli_std_utf16_to_utf8(lone, 4, out);
    CHECK(n == 10 && memcmp(out, "\xef\xbf\xbd" "A\xef\xbf\xbd\xef\xbf\xbd", 10) == 0, "lone surrogates: %zu", n);
    const hli_uchar split[] = {0xD83D, 0xDE00};
    CHECK(hli_std_utf16_to_utf8(split, 1, NULL) == 3, "a high surrogate cut by the length");
    const hli_uchar nul[] = {'x', 0, 'y'};
    n = hli_std_utf16_to_utf8(nul, 3, out);
    CHECK(n == 3 && out[1] == 0 && out[2] == 'y', "NUL units are encoded");
}

static void test_case(void) {
    /* shared/oracle/StringCase */
    static const struct {
        hli_uchar c, upper, lower;
    } cases[] = {
        {'a', 'A', 'a'}, {'Z', 'Z', 'z'}, {0xDF, 0xDF, 0xDF}, {0x1E9E, 0x1E9E, 0xDF}, {0x130, 0x130, 'i'},
        {0x131, 'I', 0x131}, {0x3A3, 0x3A3, 0x3C3}, {0x3C2, 0x3A3, 0x3C2}, {0x3CD, 0x38E, 0x3CD},
        {0xFB01, 0xFB01, 0xFB01}, {0xFF, 0x178, 0xFF}, {0x178, 0x178, 0xFF}, {0x10D0, 0x10D0, 0x10D0},
        {0x13A0, 0x13A0, 0xAB70}, {0xD801, 0xD801, 0xD801}, {0xDC00, 0xDC00, 0xDC00}, {0xFF21, 0xFF21, 0xFF41},
        {0xFF41, 0xFF21, 0xFF41}, {0xB5, 0x39C, 0xB5}, {0x212A, 0x212A, 'k'}, {0x1C5, 0x1C5, 0x1C6},
        {0x1C4, 0x1C5, 0x1C6}, {0x1C6, 0x1C5, 0x1C6}, {0x562, 0x532, 0x562}, {0x41F, 0x41F, 0x43F},
        /* Unicode 9.0+ mappings HashLink's 8.0 tables lack */
        {0x1C80, 0x1C80, 0x1C80}, {0xA7AE, 0xA7AE, 0xA7AE}, {0x1C90, 0x1C90, 0x1C90},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK(hli_std_upper(cases[i].c) == cases[i].upper, "upper(%04X) = %04X", cases[i].c,
              hli_std_upper(cases[i].c));
        CHECK(hli_std_lower(cases[i].c) == cases[i].lower, "lower(%04X) = %04X", cases[i].c,
              hli_std_lower(cases[i].c));
    }
    int nu = 0, nl = 0;
    for (uint32_t c = 0; c < 0x10000; c++) {
        nu += hli_std_upper((hli_uchar)c) != c;
        nl += hli_std_lower((hli_uchar)c) != c;
    }
    /* HashLink's unicase.h: 1118 upper and 1110 lower mappings (identity entries aside). */
    CHECK(nu == 1118 && nl == 1110, "%d upper and %d lower mappings", nu, nl);
}

static void test_f2i(void) {
    CHECK(hli_std_f2i(NAN) == INT32_MIN, "NaN");
    CHECK(hli_std_f2i(INFINITY) == INT32_MIN && hli_std_f2i(-INFINITY) == INT32_MIN, "inf");
    CHECK(hli_std_f2i(2147483647.9) == 2147483647, "max");
    CHECK(hli_std_f2i(2147483648.0) == INT32_MIN, "max + 1");
    CHECK(hli_std_f2i(-2147483648.9) == INT32_MIN && hli_std_f2i(-2147483647.9) == -2147483647, "min");
    CHECK(hli_std_f2i(-2147483649.0) == INT32_MIN && hli_std_f2i(1e20) == INT32_MIN, "below min");
    CHECK(hli_std_f2i(-1.9) == -1 && hli_std_f2i(1.9) == 1 && hli_std_f2i(-0.0) == 0, "truncation");
}

int main(void) {
    test_strtod();
    test_parse_int();
    test_parse_float();
    test_utf8_decode();
    test_utf16_encode();
    test_case();
    test_f2i();
    if (failures != 0) {
        fprintf(stderr, "test_std_text: %d failures\n", failures);
        return 1;
    }
    printf("test_std_text: ok\n");
    return 0;
}
