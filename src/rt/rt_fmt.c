/* printf("%.<P>g") for doubles without the C library, so output never depends on the host's locale:
 * exact digits from small big integers, glibc's rounding (half-to-even on the exact binary value), %g's
 * notation rules. tests/rt/test_rt_fmt.c checks it against snprintf. */
#include <math.h>

#include "rt/rt_internal.h"

#define BN_LIMBS 48 /* 1536 bits: enough for 2 * m * 10^340 and m * 2^971 */

/* A non-negative big integer, little-endian 32-bit limbs. */
typedef struct bn {
    uint32_t d[BN_LIMBS];
    int n; /* limbs in use (no leading zero limbs) */
} bn;

static void bn_trim(bn *a) {
    while (a->n > 0 && a->d[a->n - 1] == 0)
        a->n--;
}

static void bn_set(bn *a, uint64_t v) {
    a->d[0] = (uint32_t)v;
    a->d[1] = (uint32_t)(v >> 32);
    a->n = 2;
    bn_trim(a);
}

static void bn_mul_small(bn *a, uint32_t m) {
    uint64_t carry = 0;
    for (int i = 0; i < a->n; i++) {
        uint64_t p = (uint64_t)a->d[i] * m + carry;
        a->d[i] = (uint32_t)p;
        carry = p >> 32;
    }
    if (carry != 0 && a->n < BN_LIMBS)
        a->d[a->n++] = (uint32_t)carry;
}

static void bn_mul_pow10(bn *a, int k) {
    for (; k >= 9; k -= 9)
        bn_mul_small(a, 1000000000u);
    static const uint32_t p10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    if (k > 0)
        bn_mul_small(a, p10[k]);
}

static void bn_shl(bn *a, int bits) {
    int limbs = bits / 32, rem = bits % 32;
    if (a->n == 0)
        return;
    if (rem != 0) {
        uint32_t carry = 0;
        for (int i = 0; i < a->n; i++) {
            uint32_t v = a->d[i];
            a->d[i] = (v << rem) | carry;
            carry = v >> (32 - rem);
        }
        if (carry != 0 && a->n < BN_LIMBS)
            a->d[a->n++] = carry;
    }
    if (limbs > 0) {
        int n = a->n + limbs > BN_LIMBS ? BN_LIMBS - limbs : a->n;
        memmove(a->d + limbs, a->d, (size_t)n * sizeof a->d[0]);
        memset(a->d, 0, (size_t)limbs * sizeof a->d[0]);
        a->n = n + limbs;
    }
}

/* a = floor(a / 2^bits). */
static void bn_shr(bn *a, int bits) {
    int limbs = bits / 32, rem = bits % 32;
    if (limbs >= a->n) {
        a->n = 0;
        return;
    }
    memmove(a->d, a->d + limbs, (size_t)(a->n - limbs) * sizeof a->d[0]);
    a->n -= limbs;
    if (rem != 0) {
        for (int i = 0; i < a->n; i++)
            a->d[i] = (a->d[i] >> rem) | (i + 1 < a->n ? a->d[i + 1] << (32 - rem) : 0);
    }
    bn_trim(a);
}

/* a = floor(a / d). */
static void bn_div_small(bn *a, uint32_t d) {
    uint64_t rem = 0;
    for (int i = a->n - 1; i >= 0; i--) {
        uint64_t cur = (rem << 32) | a->d[i];
        a->d[i] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    bn_trim(a);
}

static void bn_div_pow10(bn *a, int k) {
    for (; k >= 9; k -= 9)
        bn_div_small(a, 1000000000u);
    static const uint32_t p10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    if (k > 0)
        bn_div_small(a, p10[k]);
}

static int bn_cmp(const bn *a, const bn *b) {
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->d[i] != b->d[i])
            return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

static void bn_add(bn *a, const bn *b) {
    uint64_t carry = 0;
    int n = a->n > b->n ? a->n : b->n;
    for (int i = 0; i < n; i++) {
        uint64_t s = (uint64_t)(i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0) + carry;
        a->d[i] = (uint32_t)s;
        carry = s >> 32;
    }
    a->n = n;
    if (carry != 0 && a->n < BN_LIMBS)
        a->d[a->n++] = (uint32_t)carry;
}

static void bn_mul_u64(bn *a, uint64_t m) {
    bn hi = *a;
    bn_mul_small(a, (uint32_t)m);
    bn_mul_small(&hi, (uint32_t)(m >> 32));
    bn_shl(&hi, 32);
    bn_add(a, &hi);
    bn_trim(a);
}

static uint64_t bn_u64(const bn *a) {
    if (a->n > 2)
        return UINT64_MAX;
    uint64_t v = 0;
    for (int i = a->n - 1; i >= 0; i--)
        v = (v << 32) | a->d[i];
    return v;
}

static const uint64_t pow10_u64[20] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull, 100000000ull,
    1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull, 10000000000000ull,
    100000000000000ull, 1000000000000000ull, 10000000000000000ull, 100000000000000000ull,
    1000000000000000000ull, 10000000000000000000ull,
};

/* N = v * 10^s rounded half-to-even, where v = m * 2^e exactly. Returns floor in *fl too. */
static uint64_t scaled_round(uint64_t m, int e, int s, uint64_t *fl) {
    bn num, den, q;
    bn_set(&num, m);
    bn_set(&den, 1);
    if (e >= 0)
        bn_shl(&num, e);
    else
        bn_shl(&den, -e);
    if (s >= 0)
        bn_mul_pow10(&num, s);
    else
        bn_mul_pow10(&den, -s);
    /* floor(num / den) with den = 2^a * 10^k: nested floors are exact */
    q = num;
    if (s < 0)
        bn_div_pow10(&q, -s);
    if (e < 0)
        bn_shr(&q, -e);
    uint64_t n = bn_u64(&q);
    *fl = n;
    /* compare 2*num with (2n+1)*den: above -> round up, equal -> to even */
    bn two = num, mid = den;
    bn_shl(&two, 1);
    bn_mul_u64(&mid, 2 * n + 1);
    int c = bn_cmp(&two, &mid);
    if (c > 0 || (c == 0 && (n & 1)))
        n++;
    return n;
}

static size_t put(char *buf, size_t size, size_t k, char c) {
    if (k + 1 < size)
        buf[k] = c;
    return k + 1;
}

/* See rt.h. The decimal exponent X is estimated with log10, corrected exactly, and rounding may carry
 * into a new digit; then %g: exponential when X < -4 or X >= P, trailing zeros dropped. */
int hli_fmt_g(double v, int prec, char *buf, size_t size) {
    size_t k = 0;
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    bool neg = (bits >> 63) != 0;
    if (prec < 1)
        prec = 1;
    if (prec > 17)
        prec = 17;
    if (size == 0)
        return 0;
    const char *special = NULL;
    if (v != v)
        special = neg ? "-nan" : "nan";
    else if (isinf(v))
        special = neg ? "-inf" : "inf";
    else if (v == 0)
        special = neg ? "-0" : "0";
    if (special != NULL) {
        for (const char *s = special; *s; s++)
            k = put(buf, size, k, *s);
        buf[k < size ? k : size - 1] = 0;
        return (int)k;
    }
    if (neg)
        k = put(buf, size, k, '-');
    /* v = m * 2^e exactly */
    int exp2 = (int)((bits >> 52) & 0x7FF);
    uint64_t m = bits & ((1ull << 52) - 1);
    if (exp2 == 0)
        exp2 = 1;
    else
        m |= 1ull << 52;
    int e = exp2 - 1075;
    /* decimal exponent X: estimate, then correct so that 10^(P-1) <= floor(|v| 10^(P-1-X)) < 10^P */
    int X = (int)floor(log10(fabs(v)));
    uint64_t n, fl;
    for (int tries = 0;; tries++) {
        n = scaled_round(m, e, prec - 1 - X, &fl);
        if (tries < 4 && fl >= pow10_u64[prec])
            X++;
        else if (tries < 4 && fl < pow10_u64[prec - 1])
            X--;
        else
            break;
    }
    if (n >= pow10_u64[prec]) { /* rounding carried into a new digit: 9.99 -> 10.0 */
        n /= 10;
        X++;
    }
    char digits[20];
    for (int i = prec - 1; i >= 0; i--) {
        digits[i] = (char)('0' + n % 10);
        n /= 10;
    }
    int last = prec - 1; /* %g drops trailing zeros */
    if (X < -4 || X >= prec) {
        while (last > 0 && digits[last] == '0')
            last--;
        k = put(buf, size, k, digits[0]);
        if (last > 0) {
            k = put(buf, size, k, '.');
            for (int i = 1; i <= last; i++)
                k = put(buf, size, k, digits[i]);
        }
        k = put(buf, size, k, 'e');
        k = put(buf, size, k, X < 0 ? '-' : '+');
        int ax = X < 0 ? -X : X;
        if (ax >= 100)
            k = put(buf, size, k, (char)('0' + ax / 100));
        k = put(buf, size, k, (char)('0' + ax / 10 % 10));
        k = put(buf, size, k, (char)('0' + ax % 10));
    } else if (X >= 0) {
        while (last > X && digits[last] == '0')
            last--;
        for (int i = 0; i <= X; i++)
            k = put(buf, size, k, digits[i]);
        if (last > X) {
            k = put(buf, size, k, '.');
            for (int i = X + 1; i <= last; i++)
                k = put(buf, size, k, digits[i]);
        }
    } else {
        while (last > 0 && digits[last] == '0')
            last--;
        k = put(buf, size, k, '0');
        k = put(buf, size, k, '.');
        for (int i = 0; i < -X - 1; i++)
            k = put(buf, size, k, '0');
        for (int i = 0; i <= last; i++)
            k = put(buf, size, k, digits[i]);
    }
    buf[k < size ? k : size - 1] = 0;
    return (int)k;
}
