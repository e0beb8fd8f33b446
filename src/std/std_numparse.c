/* Locale-free number parsing: a correctly rounded strtod for decimal text (exact big-integer
 * arithmetic, no dependence on the C locale or the FPU rounding of a scaled estimate), and HashLink's
 * parse_int/parse_float scanners on UTF-16 text (hl-spec.md 8.1). */
#include <float.h>
#include <string.h>

#include "std/std_internal.h"

/* ---- big unsigned integers ---------------------------------------------------------------------- */

/* Enough for every operand of hli_std_strtod: at most MAX_DIGITS + 1 significant digits (2600 bits)
 * shifted left by up to 56 bits, and 5^(324 + MAX_DIGITS + 1) (2570 bits) shifted likewise. */
#define MAX_DIGITS 780
#define BN_WORDS 88

typedef struct bn {
    uint32_t w[BN_WORDS]; /* little-endian words */
    int n;                /* words in use (w[n-1] != 0 unless n == 0) */
} bn;

static void bn_trim(bn *a) {
    while (a->n > 0 && a->w[a->n - 1] == 0)
        a->n--;
}

/* a = a * m + add. The operands never exceed BN_WORDS (see above), so a carry out of the last word
 * cannot happen; it is dropped defensively. */
static void bn_mul_add(bn *a, uint32_t m, uint32_t add) {
    uint64_t carry = add;
    for (int i = 0; i < a->n; i++) {
        uint64_t v = (uint64_t)a->w[i] * m + carry;
        a->w[i] = (uint32_t)v;
        carry = v >> 32;
    }
    if (carry != 0 && a->n < BN_WORDS)
        a->w[a->n++] = (uint32_t)carry;
}

/* a = a * 10^k */
static void bn_mul_pow10(bn *a, int k) {
    for (; k >= 9; k -= 9)
        bn_mul_add(a, 1000000000u, 0);
    static const uint32_t small[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    if (k > 0)
        bn_mul_add(a, small[k], 0);
}

/* a = 5^k */
static void bn_pow5(bn *a, int k) {
    a->n = 1;
    a->w[0] = 1;
    for (; k >= 13; k -= 13)
        bn_mul_add(a, 1220703125u, 0); /* 5^13 */
    uint32_t m = 1;
    while (k-- > 0)
        m *= 5;
    bn_mul_add(a, m, 0);
}

static int bn_bitlen(const bn *a) {
    if (a->n == 0)
        return 0;
    uint32_t top = a->w[a->n - 1];
    int b = 0;
    while (top != 0) {
        top >>= 1;
        b++;
    }
    return (a->n - 1) * 32 + b;
}

/* out = a << k (out may not alias a). */
static void bn_shl(const bn *a, int k, bn *out) {
    int words = k / 32, bits = k % 32;
    int top = a->n + words + 1 < BN_WORDS ? a->n + words + 1 : BN_WORDS; /* words that can be set */
    memset(out->w, 0, (size_t)top * sizeof out->w[0]);
    for (int i = a->n - 1; i >= 0; i--) {
        int j = i + words;
        if (j < BN_WORDS)
            out->w[j] |= a->w[i] << bits;
        if (bits != 0 && j + 1 < BN_WORDS)
            out->w[j + 1] |= a->w[i] >> (32 - bits);
    }
    out->n = top;
    bn_trim(out);
}

static int bn_cmp(const bn *a, const bn *b) {
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

/* a -= b, with a >= b. */
static void bn_sub(bn *a, const bn *b) {
    int64_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        int64_t v = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
        borrow = v < 0;
        a->w[i] = (uint32_t)(v + (borrow << 32));
    }
    bn_trim(a);
}

/* Bits [from, from + 64) of a as an integer, and whether any bit below `from` is set. */
static uint64_t bn_bits(const bn *a, int from, bool *sticky_below) {
    uint64_t v = 0;
    for (int k = 63; k >= 0; k--) {
        int bit = from + k;
        int w = bit / 32;
        v <<= 1;
        if (w < a->n)
            v |= (a->w[w] >> (bit % 32)) & 1;
    }
    bool sticky = false;
    for (int bit = 0; bit < from && !sticky; bit++)
        sticky = (a->w[bit / 32] >> (bit % 32)) & 1;
    *sticky_below = sticky;
    return v;
}

/* ---- rounding to a double ------------------------------------------------------------------------ */

static double from_bits(uint64_t bits) {
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

#define INF_BITS 0x7FF0000000000000ull

/* The double nearest to (q + f) * 2^e2, where 0 <= f < 1 is nonzero exactly when `sticky` (round half
 * to even; subnormals; overflow to infinity). q > 0. */
static double make_double(uint64_t q, int e2, bool sticky) {
    int len = 64;
    while (!(q >> (len - 1)))
        len--;
    int lead = len - 1 + e2; /* exponent of the leading bit */
    if (lead > 1023)
        return from_bits(INF_BITS);
    bool normal = lead >= -1022;
    int shift = normal ? len - 53 : -1074 - e2; /* bits of q below the result's unit */
    uint64_t m;
    if (shift <= 0) {
        m = q << -shift; /* exact: the callers give >= 55 bits whenever sticky is set */
    } else {
        bool half, rest;
        if (shift > 64) {
            m = 0, half = false, rest = true;
        } else if (shift == 64) {
            m = 0, half = q >> 63, rest = (q << 1) != 0 || sticky;
        } else {
            m = q >> shift;
            half = (q >> (shift - 1)) & 1;
            rest = (shift > 1 && (q << (65 - shift)) != 0) || sticky;
        }
        if (half && (rest || (m & 1)))
            m++;
    }
    if (!normal)
        return from_bits(m); /* 2^52 after rounding up is the smallest normal: the encoding agrees */
    if (m == (1ull << 53)) {
        m >>= 1;
        if (++lead > 1023)
            return from_bits(INF_BITS);
    }
    return from_bits(((uint64_t)(lead + 1023) << 52) | (m & ((1ull << 52) - 1)));
}

/* Clinger's fast path: D < 2^53 and 10^|e| <= 10^22 are exact doubles, so one IEEE multiplication or
 * division rounds (D * 10^e) correctly, as the exact path would. Needs double evaluation (not x87's
 * extended precision) and the default rounding mode; false where it does not apply. */
static bool decimal_fast(const bn *d, int nd, int e, double *out) {
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
    static const double p10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (nd > 15 || e < -22 || e > 22)
        return false;
    uint64_t v = 0; /* < 10^15 < 2^53 */
    for (int i = d->n - 1; i >= 0; i--)
        v = (v << 32) | d->w[i];
    *out = e >= 0 ? (double)v * p10[e] : (double)v / p10[-e];
    return true;
#else
    (void)d, (void)nd, (void)e, (void)out;
    return false;
#endif
}

/* The double nearest to D * 10^e (D has nd decimal digits, nonzero). */
static double decimal_to_double(const bn *d, int nd, int e) {
    double fast;
    if (decimal_fast(d, nd, e, &fast))
        return fast;
    if (nd + e > 309)
        return from_bits(INF_BITS); /* >= 10^309 */
    if (nd + e < -324)
        return 0.0; /* < 10^-325, less than half the smallest subnormal */
    bn a, b;
    if (e >= 0) {
        a = *d;
        bn_mul_pow10(&a, e); /* < 10^309: about 1030 bits */
        int len = bn_bitlen(&a);
        bool sticky = false;
        uint64_t q = len <= 64 ? bn_bits(&a, 0, &sticky) : bn_bits(&a, len - 64, &sticky);
        return make_double(q, len <= 64 ? 0 : len - 64, sticky);
    }
    /* D / 5^-e * 2^e: long division giving a 55- or 56-bit quotient plus a sticky remainder. */
    bn p;
    bn_pow5(&p, -e);
    int s = 55 + bn_bitlen(&p) - bn_bitlen(d);
    if (s >= 0) {
        bn_shl(d, s, &a);
        b = p;
    } else {
        a = *d;
        bn_shl(&p, -s, &b);
    }
    uint64_t q = 0;
    bn t;
    for (int bit = 56; bit >= 0; bit--) {
        bn_shl(&b, bit, &t);
        if (bn_cmp(&a, &t) >= 0) {
            bn_sub(&a, &t);
            q |= 1ull << bit;
        }
    }
    return make_double(q, e - s, a.n != 0);
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

double hli_std_strtod(const char *s, size_t n, size_t *used) {
    size_t i = 0;
    bool neg = false;
    *used = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    bn d;
    d.n = 0;
    int nd = 0;          /* significant digits kept in d */
    int e = 0;           /* decimal exponent of d's last digit */
    bool any = false;    /* some digit was seen */
    bool dropped = false;/* a nonzero digit beyond MAX_DIGITS was dropped */
    for (; i < n && is_digit(s[i]); i++) {
        any = true;
        if (nd == 0 && s[i] == '0')
            continue;
        if (nd < MAX_DIGITS) {
            bn_mul_add(&d, 10, (uint32_t)(s[i] - '0'));
            nd++;
        } else {
            e++;
            dropped |= s[i] != '0';
        }
    }
    if (i < n && s[i] == '.') {
        size_t j = i + 1;
        bool frac = false;
        for (; j < n && is_digit(s[j]); j++) {
            frac = true;
            if (nd == 0 && s[j] == '0') {
                e--;
                continue;
            }
            if (nd < MAX_DIGITS) {
                bn_mul_add(&d, 10, (uint32_t)(s[j] - '0'));
                nd++;
                e--;
            } else {
                dropped |= s[j] != '0';
            }
        }
        if (any || frac)
            i = j; /* "5." consumes the point; "." alone is no number */
        any |= frac;
    }
    if (!any)
        return 0.0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        bool eneg = false;
        if (j < n && (s[j] == '+' || s[j] == '-'))
            eneg = s[j++] == '-';
        if (j < n && is_digit(s[j])) {
            long x = 0;
            for (; j < n && is_digit(s[j]); j++)
                if (x < 100000000)
                    x = x * 10 + (s[j] - '0');
            e += (int)(eneg ? -x : x);
            i = j;
        }
    }
    *used = i;
    if (nd == 0)
        return neg ? -0.0 : 0.0;
    if (dropped) {
        /* Stands for the dropped tail: strictly between D and D + 1 at the last kept digit, and
         * 780 digits are more than any halfway point between doubles needs. */
        bn_mul_add(&d, 10, 1);
        nd++;
        e--;
    }
    double v = decimal_to_double(&d, nd, e);
    return neg ? -v : v;
}

/* ---- HashLink's scanners (bytes.c hl_parse_float / hl_parse_int, ucs2.c utod / utoi) -------------- */

static bool is_space_unit(hli_uchar c) { return c == 32 || (c > 8 && c < 14); }

double hli_std_parse_float(const hli_uchar *s) {
    while (is_space_unit(*s))
        s++;
    char buf[31];
    size_t k = 0;
    while (k < 30) {
        hli_uchar c = s[k];
        if ((c < '0' || c > '9') && c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+')
            break;
        buf[k++] = (char)c;
    }
    size_t used;
    double d = hli_std_strtod(buf, k, &used);
    if (used == 0)
        return from_bits(0x7FF8000000000000ull); /* hl_nan(): C's NAN, sign bit clear */
    return d;
}

bool hli_std_parse_int(const hli_uchar *s, int32_t len, int32_t *out) {
    const hli_uchar *start = s;
    while (is_space_unit(*s))
        s++;
    hli_uchar sign = s[0];
    bool is_signed = sign == '-' || sign == '+';
    /* HashLink's bound: the byte length minus the units skipped. */
    int64_t remain = (int64_t)len - (s - start);
    bool hex = is_signed ? remain >= 3 && s[1] == '0' && (s[2] == 'x' || s[2] == 'X')
                         : remain >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    if (hex) {
        uint32_t h = 0;
        for (s += is_signed ? 3 : 2; *s != 0; s++) {
            hli_uchar k = *s;
            if (k >= '0' && k <= '9')
                h = (h << 4) | (uint32_t)(k - '0');
            else if (k >= 'A' && k <= 'F')
                h = (h << 4) | (uint32_t)(k - 'A' + 10);
            else if (k >= 'a' && k <= 'f')
                h = (h << 4) | (uint32_t)(k - 'a' + 10);
            else
                break;
        }
        if (sign == '-')
            h = 0u - h;
        *out = (int32_t)h;
        return true;
    }
    /* utoi: the sign and digits among the first 16 units, through strtol, truncated to 32 bits. */
    int i = is_signed ? 1 : 0;
    uint64_t v = 0;
    int digits = 0;
    for (; i < 16 && s[i] >= '0' && s[i] <= '9'; i++, digits++)
        v = v * 10 + (uint64_t)(s[i] - '0'); /* at most 16 digits: no overflow */
    if (digits == 0)
        return false;
    if (sign == '-')
        v = 0 - v;
    *out = (int32_t)(uint32_t)v;
    return true;
}
