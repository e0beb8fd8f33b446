/* Tests of the std natives on a real VM (std_harness.c), called directly with argument slots; expected
 * values from shared/oracle (HashLink's output) and hl-spec.md 8. `--stress` runs everything with a
 * collection at every allocation. */
#define _POSIX_C_SOURCE 200809L /* setenv, tzset */

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "std_harness.h"

static sth H;

#define P(x) ((hli_reg){.p = (void *)(x)})
#define I(x) ((hli_reg){.i = (x)})
#define D(x) ((hli_reg){.d = (x)})

/* Calls a native returning a string with its length through the ref in argument `refarg`; returns its
 * UTF-8 (checking the length). */
static const char *call_str(const char *name, hli_reg *args, int refarg) {
    int32_t len = -7;
    args[refarg].p = &len;
    hli_reg r;
    hli_status st = sth_call(&H, name, args, &r);
    if (st != HLI_OK)
        return sth_exc(&H);
    const char *s = sth_u8(r.p, len);
    CHECK(len == hli_std_ustrlen(r.p) || strcmp(name, "url_decode") == 0, "%s: ref length %d for \"%s\"", name,
          len, s);
    return s;
}

static void test_format(void) {
    static const struct {
        int32_t v;
        const char *want;
    } ints[] = {{0, "0"}, {42, "42"}, {-7, "-7"}, {INT32_MIN, "-2147483648"}, {INT32_MAX, "2147483647"}};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        hli_reg a[2] = {I(ints[i].v), P(NULL)};
        const char *s = call_str("itos", a, 1);
        CHECK(strcmp(s, ints[i].want) == 0, "itos(%d) = %s", ints[i].v, s);
    }
    double negnan;
    uint64_t nb = 0xFFF8000000000000ull;
    memcpy(&negnan, &nb, sizeof nb);
    static const struct {
        double v;
        const char *want;
    } floats[] = {
        {0.1, "0.1"}, {0.1 + 0.2, "0.3"}, {1.0 / 3, "0.333333333333333"}, {1e20, "1e+20"}, {1e21, "1e+21"},
        {1e-7, "1e-07"}, {-0.0, "-0"}, {123456789012.0, "123456789012"}, {9007199254740992.0, "9.00719925474099e+15"},
        {1.4142135623730951, "1.4142135623731"}, {INFINITY, "inf"}, {-INFINITY, "-inf"}, {NAN, "NaN"}, {1.5, "1.5"},
        {4.5035996273705e+15, "4.5035996273705e+15"}, {1e10, "10000000000"},
    };
    for (size_t i = 0; i < sizeof floats / sizeof floats[0]; i++) {
        hli_reg a[2] = {D(floats[i].v), P(NULL)};
        const char *s = call_str("ftos", a, 1);
        CHECK(strcmp(s, floats[i].want) == 0, "ftos(%.17g) = %s", floats[i].v, s);
    }
    hli_reg a[2] = {D(negnan), P(NULL)};
    CHECK(strcmp(call_str("ftos", a, 1), "NaN") == 0, "ftos(-nan)");
    hli_reg v[2] = {P(NULL), P(NULL)};
    CHECK(strcmp(call_str("value_to_string", v, 1), "null") == 0, "value_to_string(null)");
    int32_t k = -12;
    vdynamic *box = NULL;
    hli_make_dyn(H.th, &k, HLI_T(i32), &box);
    hli_reg v2[2] = {P(box), P(NULL)};
    const char *s = call_str("value_to_string", v2, 1);
    CHECK(strcmp(s, "-12") == 0, "value_to_string(-12) = %s", s);
}

/* A native taking (ustr, ref len) on UTF-8 text. */
static const char *str_ref(const char *name, const char *text) {
    hli_reg a[2] = {P(sth_u16(text, NULL)), P(NULL)};
    return call_str(name, a, 1);
}

static void test_url(void) {
    const char *s = str_ref("url_encode", "a b&c=d/\xc3\xa9\xf0\x9f\x98\x80~*'()");
    CHECK(strcmp(s, "a%20b%26c%3Dd%2F%C3%A9%F0%9F%98%80%7E%2A%27%28%29") == 0, "urlEncode = %s", s);
    s = str_ref("url_encode", "AZaz09_-.");
    CHECK(strcmp(s, "AZaz09_-.") == 0, "urlEncode kept = %s", s);
    s = str_ref("url_decode", "a%20b+c%C3%A9%F0%9F%98%80");
    CHECK(strcmp(s, "a b c\xc3\xa9\xf0\x9f\x98\x80") == 0, "urlDecode = %s", s);
    s = str_ref("url_decode", "%zz%4");
    CHECK(strcmp(s, "%zz%4") == 0, "urlDecode invalid = %s", s);
    s = str_ref("url_decode", "%C3x");
    CHECK(strcmp(s, "Malformed URL encoded") == 0, "urlDecode malformed = %s", s);
    s = str_ref("url_decode", "%C3");
    CHECK(strcmp(s, "Malformed URL encoded") == 0, "urlDecode truncated = %s", s);
    /* A bad continuation after '%' is decoded as 0xFFFF, as HashLink does. */
    hli_reg a[2] = {P(sth_u16("%C3%zz", NULL)), P(NULL)};
    int32_t len = 0;
    a[1].p = &len;
    hli_reg r;
    CHECK(sth_call(&H, "url_decode", a, &r) == HLI_OK && len == 3 && ((hli_uchar *)r.p)[0] == 0xFF,
          "urlDecode %%C3%%zz: %d units, first %x", len, r.p ? ((hli_uchar *)r.p)[0] : 0);
    /* Lone surrogates are encoded in the 3-byte form of their own value. */
    hli_uchar lone[] = {0xD83D, 'x', 0xDE00, 0};
    hli_reg b[2] = {P(lone), P(NULL)};
    s = call_str("url_encode", b, 1);
    CHECK(strcmp(s, "%ED%A0%BDx%ED%B8%80") == 0, "urlEncode lone = %s", s);
}

static void test_strings(void) {
    int32_t n;
    hli_uchar *u = sth_u16("stra\xc3\x9f" "e \xe1\xba\x9e \xc4\xb0 \xc7\x85 \xf0\x90\x90\x80", &n);
    hli_reg a[3] = {P(u), I(0), I(n)};
    hli_reg r;
    CHECK(sth_call(&H, "ucs2_upper", a, &r) == HLI_OK, "ucs2_upper");
    const char *s = sth_u8(r.p, -1);
    CHECK(strcmp(s, "STRA\xc3\x9f" "E \xe1\xba\x9e \xc4\xb0 \xc7\x85 \xf0\x90\x90\x80") == 0, "upper = %s", s);
    a[0] = P(sth_u16("stra\xc3\x9f" "e \xe1\xba\x9e \xc4\xb0 \xc7\x85 \xf0\x90\x90\x80", &n));
    CHECK(sth_call(&H, "ucs2_lower", a, &r) == HLI_OK, "ucs2_lower");
    s = sth_u8(r.p, -1);
    CHECK(strcmp(s, "stra\xc3\x9f" "e \xc3\x9f i \xc7\x86 \xf0\x90\x90\x80") == 0, "lower = %s", s);
    /* pos is a byte offset, len a unit count */
    a[0] = P(sth_u16("abcd", NULL));
    a[1] = I(2);
    a[2] = I(2);
    CHECK(sth_call(&H, "ucs2_upper", a, &r) == HLI_OK && strcmp(sth_u8(r.p, -1), "BC") == 0, "upper(pos 2, len 2)");

    hli_reg l[2] = {P(sth_u16("h\xc3\xa9llo", NULL)), I(2)};
    CHECK(sth_call(&H, "ucs2length", l, &r) == HLI_OK && r.i == 4, "ucs2length from byte 2 = %d", r.i);

    /* utf8_to_utf16: size in bytes; HashLink's handling of invalid input */
    int32_t size = -1;
    hli_reg c[3] = {P("xx\x41\xff\x42\xc3"), I(2), P(&size)};
    CHECK(sth_call(&H, "utf8_to_utf16", c, &r) == HLI_OK && size == 4 && ((hli_uchar *)r.p)[0] == 65 &&
              ((hli_uchar *)r.p)[1] == 0,
          "utf8_to_utf16 41ff42c3: size %d", size);
    c[0] = P("h\xc3\xa9llo\xf0\x9f\x98\x80");
    c[1] = I(0);
    CHECK(sth_call(&H, "utf8_to_utf16", c, &r) == HLI_OK && size == 14 &&
              strcmp(sth_u8(r.p, -1), "h\xc3\xa9llo\xf0\x9f\x98\x80") == 0,
          "utf8_to_utf16 valid: size %d", size);

    /* utf16_to_utf8: len 0 = up to the NUL, else exactly len units */
    hli_reg d[3] = {P(sth_u16("a\xf0\x9f\x98\x80" "b\xe2\x82\xac" "c", NULL)), I(0), P(&size)};
    CHECK(sth_call(&H, "utf16_to_utf8", d, &r) == HLI_OK && size == 10 &&
              strcmp(r.p, "a\xf0\x9f\x98\x80" "b\xe2\x82\xac" "c") == 0,
          "utf16_to_utf8: size %d", size);
    d[1] = I(3);
    CHECK(sth_call(&H, "utf16_to_utf8", d, &r) == HLI_OK && size == 5 && strcmp(r.p, "a\xf0\x9f\x98\x80") == 0,
          "utf16_to_utf8 len 3: size %d", size);
    d[1] = I(2); /* cuts the pair: a lone surrogate */
    CHECK(sth_call(&H, "utf16_to_utf8", d, &r) == HLI_OK && size == 4 && strcmp(r.p, "a\xef\xbf\xbd") == 0,
          "utf16_to_utf8 len 2: size %d", size);

    /* hash and field_name (hl-spec.md 5.1) */
    static const struct {
        const char *name;
        int32_t hash;
    } hashes[] = {{"length", -16280745}, {"x", 120}, {"toString", 409915697}, {"__string", -111176985}};
    for (size_t i = 0; i < sizeof hashes / sizeof hashes[0]; i++) {
        hli_reg h[1] = {P(sth_u16(hashes[i].name, NULL))};
        CHECK(sth_call(&H, "hash", h, &r) == HLI_OK && r.i == hashes[i].hash, "hash(%s) = %d", hashes[i].name, r.i);
        hli_reg f[1] = {I(hashes[i].hash)};
        CHECK(sth_call(&H, "field_name", f, &r) == HLI_OK && strcmp(sth_u8(r.p, -1), hashes[i].name) == 0,
              "field_name(%d) = %s", hashes[i].hash, sth_u8(r.p, -1));
    }
    hli_reg f[1] = {I(987654)};
    CHECK(sth_call(&H, "field_name", f, &r) == HLI_OK && strcmp(sth_u8(r.p, -1), "???") == 0, "unknown field_name");
}

static void test_bytes(void) {
    hli_reg r;
    hli_reg a[1] = {I(-1)};
    CHECK(sth_call(&H, "alloc_bytes", a, &r) == HLI_EXC && strcmp(sth_exc(&H), "Invalid allocation size") == 0,
          "alloc_bytes(-1)");
    a[0] = I(0);
    CHECK(sth_call(&H, "alloc_bytes", a, &r) == HLI_OK && r.p == NULL, "alloc_bytes(0) is null");

    uint8_t hay[] = "abcabcd";
    hli_reg f[6] = {P(hay), I(1), I(6), P("xcd"), I(1), I(2)};
    CHECK(sth_call(&H, "bytes_find", f, &r) == HLI_OK && r.i == 5, "find cd = %d", r.i);
    f[3] = P("abc");
    f[4] = I(0);
    f[5] = I(3);
    CHECK(sth_call(&H, "bytes_find", f, &r) == HLI_OK && r.i == 3, "find abc from 1 = %d (offset from where)", r.i);
    f[5] = I(0);
    CHECK(sth_call(&H, "bytes_find", f, &r) == HLI_OK && r.i == 1, "find empty = pos (%d)", r.i);
    f[3] = P("zz");
    f[5] = I(2);
    CHECK(sth_call(&H, "bytes_find", f, &r) == HLI_OK && r.i == -1, "find missing = %d", r.i);
    f[2] = I(1);
    f[3] = P("bc");
    CHECK(sth_call(&H, "bytes_find", f, &r) == HLI_OK && r.i == -1, "pattern longer than the range = %d", r.i);

    hli_reg c[5] = {P("abc"), I(0), P("abd"), I(0), I(3)};
    CHECK(sth_call(&H, "bytes_compare", c, &r) == HLI_OK && r.i == -1, "compare abc abd = %d", r.i);
    c[2] = P("ab\xff");
    CHECK(sth_call(&H, "bytes_compare", c, &r) == HLI_OK && r.i == 'c' - 0xFF, "unsigned bytes = %d", r.i);
    hli_uchar s1[] = {0x100, 'a'}, s2[] = {0xFF, 'a'};
    hli_reg c16[3] = {P(s1), P(s2), I(2)};
    CHECK(sth_call(&H, "bytes_compare16", c16, &r) == HLI_OK && r.i == 1, "compare16 = %d", r.i);
    CHECK(sth_call(&H, "string_compare", c16, &r) == HLI_OK && r.i == -0xFF, "string_compare (memcmp) = %d", r.i);

    uint8_t buf[8] = "abcdefg";
    hli_reg bl[5] = {P(buf), I(1), P(buf), I(0), I(3)};
    CHECK(sth_call(&H, "bytes_blit", bl, &r) == HLI_OK && memcmp(buf, "aabcefg", 7) == 0, "overlapping blit");
    hli_reg fl[4] = {P(buf), I(5), I(2), I(0x12E)};
    CHECK(sth_call(&H, "bytes_fill", fl, &r) == HLI_OK && memcmp(buf, "aabce..", 7) == 0, "fill");
    fl[2] = I(-5);
    CHECK(sth_call(&H, "bytes_fill", fl, &r) == HLI_OK, "negative fill does nothing");

    int32_t high = 0;
    hli_reg ad[2] = {P(buf), P(&high)};
    CHECK(sth_call(&H, "bytes_address", ad, &r) == HLI_OK, "bytes_address");
    hli_reg fa[2] = {I(r.i), I(high)};
    CHECK(sth_call(&H, "bytes_from_address", fa, &r) == HLI_OK && r.p == (void *)buf, "address round trip");
    hli_reg off[2] = {P(buf), I(3)};
    CHECK(sth_call(&H, "bytes_offset", off, &r) == HLI_OK && r.p == (void *)(buf + 3), "offset");
    hli_reg sub[2] = {P(buf + 5), P(buf + 1)};
    CHECK(sth_call(&H, "bytes_subtract", sub, &r) == HLI_OK && r.i == 4, "subtract");
}

/* Sorts ints with comparator findex f; returns the array as "a,b,c". */
static const char *sort_i32(const int32_t *in, int32_t n, int32_t f, hli_status *st) {
    static int32_t arr[256];
    static char out[2048];
    memcpy(arr, in, (size_t)n * sizeof(int32_t));
    hli_reg a[4] = {P(arr), I(0), I(n), P(sth_closure(&H, f))};
    hli_reg r;
    *st = sth_call(&H, "bsort_i32", a, &r);
    size_t k = 0;
    out[0] = 0;
    for (int32_t i = 0; i < n; i++)
        k += (size_t)snprintf(out + k, sizeof out - k, i ? ",%d" : "%d", arr[i]);
    return out;
}

static int cmp_int(const void *a, const void *b) {
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

static void test_sort(void) {
    static const int32_t nums[] = {5, 3, 9, 1, 7, 3, 8};
    hli_status st;
    const char *s = sort_i32(nums, 7, H.cmp_i32, &st);
    CHECK(st == HLI_OK && strcmp(s, "1,3,3,5,7,8,9") == 0, "ascending = %s", s);
    s = sort_i32(nums, 7, H.cmp_plus1, &st);
    CHECK(st == HLI_OK && strcmp(s, "5,3,9,1,7,3,8") == 0, "comparator always 1 = %s", s);
    s = sort_i32(nums, 7, H.cmp_minus1, &st);
    CHECK(st == HLI_OK && strcmp(s, "8,3,7,1,9,3,5") == 0, "comparator always -1 = %s", s);
    s = sort_i32(nums, 1, H.cmp_throw, &st);
    CHECK(st == HLI_OK && strcmp(s, "5") == 0, "one element: no comparator call");
    s = sort_i32(nums, 7, H.cmp_throw, &st);
    vdynamic *e = H.th->exc_value;
    CHECK(st == HLI_EXC && e != NULL && e->t->kind == HI32 && e->v.i == 42, "a throwing comparator stops the sort");
    H.th->exc_value = NULL;
    /* the merge path (>= 12 elements), against qsort */
    int32_t big[200], ref[200];
    uint32_t x = 12345;
    for (int i = 0; i < 200; i++) {
        x = x * 1103515245u + 12345u;
        big[i] = ref[i] = (int32_t)((x >> 8) % 50) - 25;
    }
    qsort(ref, 200, sizeof(int32_t), cmp_int);
    s = sort_i32(big, 200, H.cmp_i32, &st);
    char want[2048];
    size_t k = 0;
    for (int i = 0; i < 200; i++)
        k += (size_t)snprintf(want + k, sizeof want - k, i ? ",%d" : "%d", ref[i]);
    CHECK(st == HLI_OK && strcmp(s, want) == 0, "200 elements:\n%s\n%s", s, want);
    s = sort_i32(big, 200, H.cmp_minus1, &st);
    CHECK(st == HLI_OK, "inconsistent comparator on 200 elements");

    /* floats with NaN, unaligned (ArraySortStability: [-1,2.5,NaN,-0.5,0,10000000000]) */
    uint8_t raw[64];
    double fl[] = {2.5, -1.0, NAN, 0.0, 1e10, -0.5};
    memcpy(raw + 1, fl, sizeof fl);
    hli_reg a[4] = {P(raw), I(1), I(6), P(sth_closure(&H, H.cmp_f64))};
    hli_reg r;
    CHECK(sth_call(&H, "bsort_f64", a, &r) == HLI_OK, "bsort_f64");
    memcpy(fl, raw + 1, sizeof fl);
    CHECK(fl[0] == -1 && fl[1] == 2.5 && fl[2] != fl[2] && fl[3] == -0.5 && fl[4] == 0 && fl[5] == 1e10,
          "floats with NaN = %g,%g,%g,%g,%g,%g", fl[0], fl[1], fl[2], fl[3], fl[4], fl[5]);
}

static void test_parse(void) {
    int32_t n;
    hli_uchar *s = sth_u16("  -0x10", &n);
    hli_reg a[3] = {P(s), I(0), I(n << 1)};
    hli_reg r;
    CHECK(sth_call(&H, "parse_int", a, &r) == HLI_OK && r.p != NULL && ((vdynamic *)r.p)->v.i == -16, "parse_int");
    a[0] = P(sth_u16("x12", &n));
    a[2] = I(n << 1);
    CHECK(sth_call(&H, "parse_int", a, &r) == HLI_OK && r.p == NULL, "parse_int x12 is null");
    a[1] = I(2);
    CHECK(sth_call(&H, "parse_int", a, &r) == HLI_OK && r.p != NULL && ((vdynamic *)r.p)->v.i == 12,
          "parse_int from byte 2");
    a[0] = P(sth_u16("99999", &n));
    a[1] = I(0);
    CHECK(sth_call(&H, "parse_int", a, &r) == HLI_OK && r.p != NULL && ((vdynamic *)r.p)->t->kind == HI32 &&
              ((vdynamic *)r.p)->v.i == 99999,
          "parse_int boxes a Null<Int>");
    a[0] = P(sth_u16("1e", &n));
    CHECK(sth_call(&H, "parse_float", a, &r) == HLI_OK && r.d == 1, "parse_float 1e");
    a[0] = P(NULL);
    CHECK(sth_call(&H, "parse_float", a, &r) == HLI_OK && r.d != r.d, "parse_float null");
}

/* Keys of a map as text ("a,b,c"). */
static const char *map_keys(const char *native, void *m, int kind) {
    static char out[4096];
    hli_reg a[1] = {P(m)};
    hli_reg r;
    CHECK(sth_call(&H, native, a, &r) == HLI_OK, "%s", native);
    varray *arr = r.p;
    size_t k = 0;
    out[0] = 0;
    for (int32_t i = 0; arr != NULL && i < arr->size; i++) {
        if (i)
            out[k++] = ',';
        if (kind == 0)
            k += (size_t)snprintf(out + k, sizeof out - k, "%s", sth_u8(hli_aptr(arr, hli_uchar *)[i], -1));
        else if (kind == 1)
            k += (size_t)snprintf(out + k, sizeof out - k, "%d", hli_aptr(arr, int32_t)[i]);
        else {
            vdynamic *v = hli_aptr(arr, vdynamic *)[i];
            k += (size_t)snprintf(out + k, sizeof out - k, "%d", v != NULL ? v->v.i : -999);
        }
    }
    return out;
}

static vdynamic *box_int(int32_t v) {
    vdynamic *b = hli_alloc_box(H.th, HLI_T(i32));
    b->v.i = v;
    return b;
}

static void test_maps(void) {
    hli_reg r, none[1] = {P(NULL)};
    /* bytes map: the example of hl-spec.md 8.4 */
    CHECK(sth_call(&H, "hballoc", none, &r) == HLI_OK, "hballoc");
    void *m = r.p;
    hli_root_push(H.th, &m);
    static const char *words[] = {"one", "two", "three", "four", "five", "six", "seven"};
    for (int i = 0; i < 7; i++) {
        hli_reg a[3] = {P(m), P(sth_gc_u16(&H, words[i])), P(NULL)};
        hli_root_push(H.th, &a[1].p);
        vdynamic *v = box_int(i);
        a[2] = P(v);
        CHECK(sth_call(&H, "hbset", a, &r) == HLI_OK, "hbset");
        hli_root_pop(H.th, 1);
    }
    const char *s = map_keys("hbkeys", m, 0);
    CHECK(strcmp(s, "two,six,one,seven,four,three,five") == 0, "string keys = %s", s);
    s = map_keys("hbvalues", m, 2);
    CHECK(strcmp(s, "1,5,0,6,3,2,4") == 0, "string values = %s", s);
    hli_reg q[2] = {P(m), P(sth_u16("three", NULL))};
    CHECK(sth_call(&H, "hbget", q, &r) == HLI_OK && r.p != NULL && ((vdynamic *)r.p)->v.i == 2, "hbget (by content)");
    CHECK(sth_call(&H, "hbexists", q, &r) == HLI_OK && r.b, "hbexists");
    CHECK(sth_call(&H, "hbremove", q, &r) == HLI_OK && r.b, "hbremove");
    CHECK(sth_call(&H, "hbremove", q, &r) == HLI_OK && !r.b, "hbremove again");
    CHECK(sth_call(&H, "hbexists", q, &r) == HLI_OK && !r.b, "hbexists after remove");
    q[1] = P(NULL);
    CHECK(sth_call(&H, "hbget", q, &r) == HLI_OK && r.p == NULL, "hbget(null)");
    s = map_keys("hbkeys", m, 0);
    CHECK(strcmp(s, "two,six,one,seven,four,five") == 0, "after remove = %s", s);
    hli_reg c[1] = {P(m)};
    CHECK(sth_call(&H, "hbclear", c, &r) == HLI_OK && strcmp(map_keys("hbkeys", m, 0), "") == 0, "hbclear");
    hli_root_pop(H.th, 1);

    /* int map: 10, 3, 7, 100, 1 iterate as 7, 1, 100, 3, 10 (8.4); IntMapOrder: 5,3,9,1,7 -> 7,1,9,3,5 */
    CHECK(sth_call(&H, "hialloc", none, &r) == HLI_OK, "hialloc");
    m = r.p;
    hli_root_push(H.th, &m);
    static const int32_t ks[] = {10, 3, 7, 100, 1};
    for (int i = 0; i < 5; i++) {
        hli_reg a[3] = {P(m), I(ks[i]), P(box_int(ks[i] * 10))};
        CHECK(sth_call(&H, "hiset", a, &r) == HLI_OK, "hiset");
    }
    s = map_keys("hikeys", m, 1);
    CHECK(strcmp(s, "7,1,100,3,10") == 0, "int keys = %s", s);
    s = map_keys("hivalues", m, 2);
    CHECK(strcmp(s, "70,10,1000,30,100") == 0, "int values = %s", s);
    hli_reg g[2] = {P(m), I(100)};
    CHECK(sth_call(&H, "higet", g, &r) == HLI_OK && ((vdynamic *)r.p)->v.i == 1000, "higet");
    g[1] = I(-5);
    CHECK(sth_call(&H, "higet", g, &r) == HLI_OK && r.p == NULL, "higet missing");
    CHECK(sth_call(&H, "hiexists", g, &r) == HLI_OK && !r.b, "hiexists missing");
    g[1] = I(3);
    CHECK(sth_call(&H, "hiremove", g, &r) == HLI_OK && r.b, "hiremove");
    hli_reg a3[3] = {P(m), I(3), P(box_int(33))};
    CHECK(sth_call(&H, "hiset", a3, &r) == HLI_OK, "re-insert");
    s = map_keys("hikeys", m, 1);
    CHECK(strcmp(s, "7,1,100,3,10") == 0, "after re-insert = %s", s);
    c[0] = P(m);
    CHECK(sth_call(&H, "hiclear", c, &r) == HLI_OK, "hiclear");
    for (int i = 0; i < 200; i++) {
        hli_reg a[3] = {P(m), I(i * 7), P(NULL)};
        CHECK(sth_call(&H, "hiset", a, &r) == HLI_OK, "hiset after clear");
    }
    hli_reg sz[1] = {P(m)};
    CHECK(sth_call(&H, "hikeys", sz, &r) == HLI_OK && ((varray *)r.p)->size == 200, "200 keys");
    hli_root_pop(H.th, 1);

    /* object map: by identity; bytes boxes by their pointer */
    CHECK(sth_call(&H, "hoalloc", none, &r) == HLI_OK, "hoalloc");
    m = r.p;
    hli_root_push(H.th, &m);
    vdynamic *k1 = box_int(1), *k2 = NULL, *b1 = NULL, *b2 = NULL;
    hli_root_push(H.th, &k1);
    hli_root_push(H.th, &k2);
    hli_root_push(H.th, &b1);
    hli_root_push(H.th, &b2);
    k2 = box_int(1);
    static uint8_t payload[4];
    b1 = hli_alloc_box(H.th, HLI_T(bytes));
    b1->v.bytes = payload;
    b2 = hli_alloc_box(H.th, HLI_T(bytes));
    b2->v.bytes = payload;
    hli_reg s1[3] = {P(m), P(k1), P(box_int(11))};
    CHECK(sth_call(&H, "hoset", s1, &r) == HLI_OK, "hoset k1");
    hli_reg s2[3] = {P(m), P(b1), P(box_int(22))};
    CHECK(sth_call(&H, "hoset", s2, &r) == HLI_OK, "hoset b1");
    hli_reg s3[3] = {P(m), P(NULL), P(box_int(33))};
    CHECK(sth_call(&H, "hoset", s3, &r) == HLI_OK, "hoset null key");
    hli_reg o[2] = {P(m), P(k2)};
    CHECK(sth_call(&H, "hoexists", o, &r) == HLI_OK && !r.b, "another box of the same value is another key");
    o[1] = P(b2);
    CHECK(sth_call(&H, "hoget", o, &r) == HLI_OK && r.p != NULL && ((vdynamic *)r.p)->v.i == 22,
          "bytes boxes are keyed by their pointer");
    o[1] = P(NULL);
    CHECK(sth_call(&H, "hoget", o, &r) == HLI_OK && r.p != NULL && ((vdynamic *)r.p)->v.i == 33, "null key");
    o[1] = P(k1);
    CHECK(sth_call(&H, "horemove", o, &r) == HLI_OK && r.b, "horemove");
    hli_reg kk[1] = {P(m)};
    CHECK(sth_call(&H, "hokeys", kk, &r) == HLI_OK && ((varray *)r.p)->size == 2 &&
              ((varray *)r.p)->at->kind == HDYN,
          "hokeys");
    hli_root_pop(H.th, 5);
}

static void test_math(void) {
    static const struct {
        const char *name;
        double x;
        int32_t want;
    } ints[] = {
        {"math_round", -2.5, -2}, {"math_round", 2.5, 3}, {"math_round", -0.5, 0}, {"math_round", NAN, INT32_MIN},
        {"math_round", 3e9, INT32_MIN}, {"math_round", 2147483647.4, 2147483647}, {"math_floor", -1.5, -2},
        {"math_floor", 1e20, INT32_MIN}, {"math_floor", -INFINITY, INT32_MIN}, {"math_ceil", -1.5, -1},
        {"math_ceil", 1.2, 2}, {"math_ceil", NAN, INT32_MIN}, {"math_ceil", -2147483648.5, INT32_MIN},
    };
    hli_reg r;
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        hli_reg a[1] = {D(ints[i].x)};
        CHECK(sth_call(&H, ints[i].name, a, &r) == HLI_OK && r.i == ints[i].want, "%s(%g) = %d", ints[i].name,
              ints[i].x, r.i);
    }
    hli_reg a[2] = {D(-0.4)};
    CHECK(sth_call(&H, "math_fround", a, &r) == HLI_OK && r.d == 0 && !signbit(r.d), "fround(-0.4) = +0");
    a[0] = D(4503599627370497.0);
    CHECK(sth_call(&H, "math_fround", a, &r) == HLI_OK && r.d == 4503599627370498.0, "fround(2^52+1)");
    a[0] = D(NAN);
    CHECK(sth_call(&H, "math_isnan", a, &r) == HLI_OK && r.b, "isnan(NaN)");
    CHECK(sth_call(&H, "math_isfinite", a, &r) == HLI_OK && !r.b, "isfinite(NaN)");
    a[0] = D(-INFINITY);
    CHECK(sth_call(&H, "math_isfinite", a, &r) == HLI_OK && !r.b, "isfinite(-inf)");
    a[0] = D(1e308);
    CHECK(sth_call(&H, "math_isfinite", a, &r) == HLI_OK && r.b, "isfinite(1e308)");
    CHECK(sth_call(&H, "math_isnan", a, &r) == HLI_OK && !r.b, "isnan(1e308)");
    a[0] = D(NAN);
    a[1] = D(0);
    CHECK(sth_call(&H, "math_pow", a, &r) == HLI_OK && r.d == 1, "pow(NaN, 0)");
    a[0] = D(1);
    a[1] = D(NAN);
    CHECK(sth_call(&H, "math_pow", a, &r) == HLI_OK && r.d == 1, "pow(1, NaN)");
    a[0] = D(1);
    a[1] = D(-1);
    CHECK(sth_call(&H, "math_atan2", a, &r) == HLI_OK && fabs(r.d - 2.356194490192345) < 1e-15, "atan2(y, x)");
    a[0] = D(-3);
    CHECK(sth_call(&H, "math_abs", a, &r) == HLI_OK && r.d == 3, "abs");

    hli_reg none[1] = {P(NULL)};
    CHECK(sth_call(&H, "rnd_init_system", none, &r) == HLI_OK && r.p != NULL, "rnd_init_system");
    void *g = r.p;
    hli_root_push(H.th, &g);
    int seen[10] = {0};
    for (int i = 0; i < 10000; i++) {
        hli_reg x[1] = {P(g)};
        CHECK(sth_call(&H, "rnd_int", x, &r) == HLI_OK, "rnd_int");
        seen[(r.i & 0x3FFFFFFF) % 10]++;
        CHECK(sth_call(&H, "rnd_float", x, &r) == HLI_OK && r.d >= 0 && r.d < 1, "rnd_float = %g", r.d);
    }
    for (int i = 0; i < 10; i++)
        CHECK(seen[i] > 800 && seen[i] < 1200, "Std.random(10) == %d: %d times in 10000", i, seen[i]);
    hli_root_pop(H.th, 1);
}

static void test_dates(void) {
    hli_reg r;
    hli_reg n[6] = {I(2024), I(0), I(15), I(10), I(30), I(45)};
    CHECK(sth_call(&H, "date_new", n, &r) == HLI_OK && r.i == 1705314645, "date_new = %d", r.i);
    int32_t d = r.i;
    hli_reg t[1] = {I(d)};
    CHECK(sth_call(&H, "date_get_time", t, &r) == HLI_OK && r.d == 1705314645000.0, "date_get_time");
    hli_reg s[2] = {I(d), P(NULL)};
    const char *str = call_str("date_to_string", s, 1);
    CHECK(strcmp(str, "2024-01-15 10:30:45") == 0, "date_to_string = %s", str);
    int32_t y = 0, mo = 0, day = 0, h = 0, mi = 0, sec = 0, wd = 0;
    hli_reg inf[8] = {I(d), P(&y), P(&mo), P(&day), P(&h), P(&mi), P(&sec), P(&wd)};
    CHECK(sth_call(&H, "date_get_inf", inf, &r) == HLI_OK && y == 2024 && mo == 0 && day == 15 && h == 10 &&
              mi == 30 && sec == 45 && wd == 1,
          "date_get_inf");
    hli_reg inf2[8] = {I(-1), P(&y), P(NULL), P(NULL), P(&h), P(NULL), P(NULL), P(NULL)};
    CHECK(sth_call(&H, "date_get_utc_inf", inf2, &r) == HLI_OK && y == 2106 && h == 6, "date_get_utc_inf(-1)");
    /* DateBasics */
    static const struct {
        int32_t y, m, dd, hh, mm, ss;
        const char *want;
    } news[] = {
        {2023, 12, 1, 0, 0, 0, "2024-01-01 00:00:00"}, {2024, 2, 0, 0, 0, 0, "2024-02-29 00:00:00"},
        {2024, 0, 1, 0, -1, 0, "2023-12-31 23:59:00"}, {1969, 6, 20, 20, 17, 0, "2105-08-27 02:45:16"},
        {1900, 0, 1, 0, 0, 0, "2036-02-07 06:28:16"}, {1, 0, 1, 0, 0, 0, "2042-07-14 01:04:00"},
        {2038, 0, 19, 3, 14, 8, "2038-01-19 03:14:08"},
    };
    for (size_t i = 0; i < sizeof news / sizeof news[0]; i++) {
        hli_reg a[6] = {I(news[i].y), I(news[i].m), I(news[i].dd), I(news[i].hh), I(news[i].mm), I(news[i].ss)};
        CHECK(sth_call(&H, "date_new", a, &r) == HLI_OK, "date_new");
        hli_reg b[2] = {I(r.i), P(NULL)};
        str = call_str("date_to_string", b, 1);
        CHECK(strcmp(str, news[i].want) == 0, "new Date(%d,%d,...) = %s", news[i].y, news[i].m, str);
    }
    static const struct {
        double ms;
        int32_t want;
    } times[] = {{0, 0}, {-1000, -1}, {1e12, 1000000000}, {1500, 1}, {1234567, 1234}, {NAN, 0}, {1e30, 0}};
    for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
        hli_reg a[1] = {D(times[i].ms)};
        CHECK(sth_call(&H, "date_from_time", a, &r) == HLI_OK && r.i == times[i].want, "date_from_time(%g) = %d",
              times[i].ms, r.i);
    }
    static const struct {
        const char *s;
        const char *want; /* NULL: throws */
    } strs[] = {
        {"2020-05-06 07:08:09", "2020-05-06 07:08:09"}, {"2020-05-06", "2020-05-06 00:00:00"},
        {"07:08:09", "1970-01-01 07:08:09"}, {"2020/05/06", "2019-11-30 00:00:00"}, {"", NULL},
        {"2020-5-6", "1970-01-01 20:00:00"}, {"2020-13-45 99:99:99", "2021-02-18 04:40:39"}, {"garbage", NULL},
    };
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        int32_t len;
        hli_reg a[2] = {P(sth_u16(strs[i].s, &len)), I(len << 1)};
        hli_status st = sth_call(&H, "date_from_string", a, &r);
        if (strs[i].want == NULL) {
            CHECK(st == HLI_EXC && strcmp(sth_exc(&H), "Invalid date format") == 0, "fromString(\"%s\") throws",
                  strs[i].s);
            continue;
        }
        CHECK(st == HLI_OK, "fromString(\"%s\")", strs[i].s);
        hli_reg b[2] = {I(r.i), P(NULL)};
        str = call_str("date_to_string", b, 1);
        CHECK(strcmp(str, strs[i].want) == 0, "fromString(\"%s\") = %s", strs[i].s, str);
    }
    hli_reg none[1] = {P(NULL)};
    CHECK(sth_call(&H, "date_now", none, &r) == HLI_OK && (uint32_t)r.i > 1700000000u, "date_now");
}

static void test_sys(void) {
    hli_reg r, none[1] = {P(NULL)};
    H.outlen = 0;
    hli_reg p[1] = {P(sth_u16("unicode \xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80\n", NULL))};
    CHECK(sth_call(&H, "sys_print", p, &r) == HLI_OK, "sys_print");
    hli_uchar nul[] = {'b', 'e', 'f', 'o', 'r', 'e', 0, 'a', 'f', 't', 'e', 'r', 0};
    p[0] = P(nul);
    CHECK(sth_call(&H, "sys_print", p, &r) == HLI_OK, "sys_print");
    hli_uchar lone[] = {'[', 0xDC00, ']', 0};
    p[0] = P(lone);
    CHECK(sth_call(&H, "sys_print", p, &r) == HLI_OK, "sys_print");
    CHECK(strcmp(H.out, "unicode \xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80\nbefore[\xef\xbf\xbd]") == 0, "printed: %s",
          H.out);
    /* a long text goes out in chunks that never split a character */
    static hli_uchar longtext[3001];
    for (int i = 0; i < 3000; i += 2) {
        longtext[i] = 0xD83D;
        longtext[i + 1] = 0xDE00;
    }
    H.outlen = 0;
    p[0] = P(longtext);
    CHECK(sth_call(&H, "sys_print", p, &r) == HLI_OK && H.outlen == 6000, "long print: %zu bytes", H.outlen);

    CHECK(sth_call(&H, "sys_utf8_path", none, &r) == HLI_OK && r.b, "sys_utf8_path");
    CHECK(sth_call(&H, "sys_is64", none, &r) == HLI_OK && r.b == (sizeof(void *) == 8), "sys_is64");
    CHECK(sth_call(&H, "sys_string", none, &r) == HLI_OK && strcmp(sth_u8(r.p, -1), "Linux") == 0, "sys_string");
    CHECK(sth_call(&H, "sys_time", none, &r) == HLI_OK && r.d > 1.7e9, "sys_time");
    CHECK(sth_call(&H, "sys_cpu_time", none, &r) == HLI_OK && r.d >= 0, "sys_cpu_time");
    CHECK(sth_call(&H, "sys_args", none, &r) == HLI_OK && ((varray *)r.p)->size == 2 &&
              strcmp((char *)hli_aptr(r.p, uint8_t *)[1], "s\xc3\xa9") == 0,
          "sys_args");
    CHECK(sth_call(&H, "sys_hl_file", none, &r) == HLI_OK && r.p == NULL, "sys_hl_file (loaded from memory)");
    setenv("STD_TEST_VAR", "v\xc3\xa9", 1);
    hli_reg e[1] = {P("STD_TEST_VAR")};
    CHECK(sth_call(&H, "sys_get_env", e, &r) == HLI_OK && r.p != NULL && strcmp(r.p, "v\xc3\xa9") == 0, "getenv");
    e[0] = P("STD_TEST_SURELY_MISSING_VAR");
    CHECK(sth_call(&H, "sys_get_env", e, &r) == HLI_OK && r.p == NULL, "getenv missing");

    hli_reg x[1] = {I(3)};
    CHECK(sth_call(&H, "sys_exit", x, &r) == HLI_ABORT && H.th->abort_kind == HLI_ABORT_EXIT &&
              H.vm->exit_code == 3,
          "sys_exit aborts");
    H.th->abort_kind = HLI_ABORT_NONE;
}

static void test_arrays(void) {
    hli_reg r;
    hli_reg a[2] = {P(HLI_T(i32)), I(4)};
    CHECK(sth_call(&H, "alloc_array", a, &r) == HLI_OK && ((varray *)r.p)->size == 4, "alloc_array");
    varray *arr = r.p;
    hli_root_push(H.th, &arr);
    for (int i = 0; i < 4; i++)
        hli_aptr(arr, int32_t)[i] = i + 1;
    hli_reg b[5] = {P(arr), I(1), P(arr), I(0), I(3)};
    CHECK(sth_call(&H, "array_blit", b, &r) == HLI_OK && hli_aptr(arr, int32_t)[1] == 1 &&
              hli_aptr(arr, int32_t)[3] == 3,
          "array_blit overlapping");
    hli_reg t[1] = {P(arr)};
    CHECK(sth_call(&H, "array_type", t, &r) == HLI_OK && r.p == HLI_T(i32), "array_type");
    a[1] = I(-1);
    CHECK(sth_call(&H, "alloc_array", a, &r) == HLI_EXC && strcmp(sth_exc(&H), "Invalid array size") == 0,
          "alloc_array(-1)");
    hli_root_pop(H.th, 1);
}

/* The registry: every entry well formed, found by hli_std_find, listed once. */
static void test_registry(void) {
    size_t n = 0;
    for (const hli_native_def *d; (d = hli_std_native_at(n)) != NULL; n++) {
        CHECK(d->lib != NULL && d->name != NULL && d->sig != NULL && d->fn != NULL && d->sig[0] == 'P',
              "entry %zu", n);
        CHECK(hli_std_find(d->lib, d->name) == d, "%s@%s is listed twice", d->lib, d->name);
    }
    CHECK(n >= 86, "%zu natives", n);
    CHECK(hli_std_find("std", "no_such_native") == NULL && hli_std_find("fmt", "itos") == NULL, "lookups");
}

int main(int argc, char **argv) {
    bool stress = argc > 1 && strcmp(argv[1], "--stress") == 0;
    setenv("TZ", "UTC", 1);
    tzset();
    char *args[] = {"first", "s\xc3\xa9"};
    if (!sth_open(&H, 2, args, stress))
        return 1;
    test_registry();
    test_format();
    test_url();
    test_strings();
    test_bytes();
    test_sort();
    test_parse();
    test_maps();
    test_math();
    test_dates();
    test_sys();
    test_arrays();
    CHECK(H.th->nroots == 0, "%u temporary roots left", H.th->nroots);
    hli_gc_stats gs;
    hli_gc_get_stats(H.vm->gc, &gs);
    CHECK(!stress || gs.collections + 10 >= gs.allocations, "stress mode: %llu collections for %llu allocations",
          (unsigned long long)gs.collections, (unsigned long long)gs.allocations);
    sth_close(&H);
    if (sth_failures != 0) {
        fprintf(stderr, "test_std_natives%s: %d failures\n", stress ? " --stress" : "", sth_failures);
        return 1;
    }
    printf("test_std_natives%s: ok (%llu allocations, %llu collections)\n", stress ? " --stress" : "",
           (unsigned long long)gs.allocations, (unsigned long long)gs.collections);
    return 0;
}
