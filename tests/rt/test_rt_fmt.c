/* hli_fmt_g against the C library's printf("%.<p>g") in the C locale: random bit patterns, decimal
 * fractions, integers, halfway cases, subnormals and the extremes, at every precision 1..17; plus the
 * strings hl-spec.md 5.6 quotes, and independence from the host's locale. */
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rt_harness.h"

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next_rand(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static long checked;

static void check_one(double v, int prec) {
    char mine[64], ref[64];
    hli_fmt_g(v, prec, mine, sizeof mine);
    snprintf(ref, sizeof ref, "%.*g", prec, v);
    checked++;
    CHECK(strcmp(mine, ref) == 0, "%%.%dg of %a: got %s, C library %s", prec, v, mine, ref);
}

static void check_all_precisions(double v) {
    for (int p = 1; p <= 17; p++)
        check_one(v, p);
}

static void expect(double v, int prec, const char *want) {
    char buf[64];
    int n = hli_fmt_g(v, prec, buf, sizeof buf);
    CHECK(strcmp(buf, want) == 0 && n == (int)strlen(want), "%%.%dg of %a: got %s (%d), want %s", prec, v, buf, n,
          want);
}

int main(int argc, char **argv) {
    bool require_locale = argc > 1 && strcmp(argv[1], "--require-locale") == 0;
    /* hl-spec.md 5.6 examples */
    expect(INFINITY, 15, "inf");
    expect(-INFINITY, 15, "-inf");
    expect(1e20, 15, "1e+20");
    expect(1e-7, 15, "1e-07");
    expect(1.0 / 3.0, 15, "0.333333333333333");
    expect(sqrt(2.0), 15, "1.4142135623731");
    expect(123456789012.0, 15, "123456789012");
    expect(0.1, 17, "0.10000000000000001");
    expect((double)0.1f, 9, "0.100000001");
    expect(0.1 + 0.2, 15, "0.3");
    expect(0.1 + 0.2, 17, "0.30000000000000004");
    expect(9007199254740992.0, 15, "9.00719925474099e+15");
    expect(4503599627370497.0, 15, "4.5035996273705e+15");
    expect(0.0, 15, "0");
    expect(-0.0, 15, "-0");
    /* NaN: the sign bit decides (0.0/0.0 on x86 has it set: printed -nan where %.17g is used) */
    double nan_pos = NAN, nan_neg = -NAN;
    expect(nan_pos, 17, "nan");
    expect(nan_neg, 17, "-nan");
    uint64_t nb = 0xFFF8000000000000ull;
    double hw_nan;
    memcpy(&hw_nan, &nb, sizeof hw_nan);
    expect(hw_nan, 17, "-nan");
    /* small buffers truncate but stay terminated */
    char tiny[4];
    int n = hli_fmt_g(123456.0, 15, tiny, sizeof tiny);
    CHECK(n == 6 && strcmp(tiny, "123") == 0, "truncation: %d %s", n, tiny);

    /* against the C library (this process runs in the "C" locale) */
    const double specials[] = {DBL_MAX, DBL_MIN, DBL_TRUE_MIN, -DBL_MAX, DBL_EPSILON, 1.0, 0.5, 0.25, 0.125,
                               2.5, 0.5e-5, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 9.9999999999999995e14,
                               999999999999999.5, 99999999999999.95, 0.00001, 0.0001, 0.001, 123.456, 5e-324,
                               2.2250738585072009e-308, 1.7976931348623157e308, 8.5, 9.5, 0.95, 0.05, 1.5e-10};
    for (size_t i = 0; i < sizeof specials / sizeof specials[0]; i++) {
        check_all_precisions(specials[i]);
        check_all_precisions(-specials[i]);
    }
    for (int e = -330; e <= 310; e++) {
        check_all_precisions(pow(10.0, e));
        check_all_precisions(nextafter(pow(10.0, e), 0));
        check_all_precisions(nextafter(pow(10.0, e), INFINITY));
    }
    for (int e = -1074; e <= 1023; e += 7)
        check_all_precisions(ldexp(1.0, e));
    for (int i = 0; i < 20000; i++) { /* random bit patterns (finite) */
        uint64_t b = next_rand();
        double v;
        memcpy(&v, &b, sizeof v);
        if (!isfinite(v))
            continue;
        check_one(v, 15);
        check_one(v, 17);
        check_one(v, (int)(next_rand() % 17) + 1);
    }
    for (int i = 0; i < 20000; i++) { /* short decimals, the common case (halfway cases included) */
        double v = (double)(int64_t)(next_rand() % 2000001 - 1000000) / pow(10.0, (double)(next_rand() % 12));
        check_one(v, 15);
        check_one(v, 17);
        check_one(v, (int)(next_rand() % 6) + 1);
        float f = (float)v;
        check_one((double)f, 9);
    }
    for (int i = 0; i < 5000; i++) { /* integers, exact up to 2^53 and beyond */
        double v = (double)(int64_t)(next_rand() >> (next_rand() % 64));
        check_all_precisions(v);
    }

    /* locale independence: printf switches to the locale's decimal point, hli_fmt_g must not */
    const char *locales[] = {"de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", "fr_FR", "ru_RU.UTF-8", NULL};
    bool tested = false;
    for (int i = 0; locales[i] != NULL && !tested; i++) {
        if (setlocale(LC_NUMERIC, locales[i]) == NULL)
            continue;
        char ref[32];
        snprintf(ref, sizeof ref, "%.15g", 0.5);
        if (strcmp(ref, "0.5") == 0)
            continue;
        tested = true;
        expect(0.5, 15, "0.5");
        expect(1.0 / 3.0, 15, "0.333333333333333");
        setlocale(LC_NUMERIC, "C");
    }
    if (!tested && require_locale)
        CHECK(false, "no locale with a decimal comma could be activated (LOCPATH=%s)", getenv("LOCPATH"));
    else if (!tested)
        printf("note: no locale with a decimal comma is installed; locale switch not exercised\n");

    if (rth_failures != 0) {
        fprintf(stderr, "%d check(s) failed\n", rth_failures);
        return 1;
    }
    printf("rt fmt: %ld comparisons with the C library, all equal\n", checked);
    return 0;
}
