/* Natives of Math (hl-spec.md 8.1 "Math") with HashLink's results (libm, floor(x + 0.5) rounding, x86's
 * float-to-int conversion written out: C leaves it undefined) and the random generator behind
 * Std.random and Math.random (a per-VM handle seeded from the clock, the pid and its address). */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, getpid */

#include <math.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "std/std_families.h"
#include "std/std_internal.h"

#define F64(name, expr)                                                          \
    static hli_status n_math_##name(hli_thread *th, hli_reg *args, hli_reg *ret) { \
        (void)th;                                                                \
        double x = args[0].d;                                                    \
        ret->d = (expr);                                                         \
        return HLI_OK;                                                           \
    }

F64(abs, fabs(x))
F64(acos, acos(x))
F64(asin, asin(x))
F64(atan, atan(x))
F64(cos, cos(x))
F64(exp, exp(x))
F64(log, log(x))
F64(sin, sin(x))
F64(sqrt, sqrt(x))
F64(tan, tan(x))
F64(fceil, ceil(x))
F64(ffloor, floor(x))
F64(fround, floor(x + 0.5)) /* so fround(-2.5) = -2 and fround(0.49999999999999994) = 1, as HashLink */

static hli_status n_math_atan2(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->d = atan2(args[0].d, args[1].d);
    return HLI_OK;
}

static hli_status n_math_pow(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->d = pow(args[0].d, args[1].d);
    return HLI_OK;
}

static hli_status n_math_round(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i = hli_std_f2i(floor(args[0].d + 0.5));
    return HLI_OK;
}

static hli_status n_math_ceil(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i = hli_std_f2i(ceil(args[0].d));
    return HLI_OK;
}

static hli_status n_math_floor(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i = hli_std_f2i(floor(args[0].d));
    return HLI_OK;
}

/* By the bits, so that no compiler option (-ffast-math) can fold the tests away. */
static uint64_t bits_of(double d) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static hli_status n_math_isnan(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    uint64_t b = bits_of(args[0].d);
    ret->i64 = (b & 0x7FF0000000000000ull) == 0x7FF0000000000000ull && (b & 0x000FFFFFFFFFFFFFull) != 0;
    return HLI_OK;
}

static hli_status n_math_isfinite(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i64 = (bits_of(args[0].d) & 0x7FF0000000000000ull) != 0x7FF0000000000000ull;
    return HLI_OK;
}

/* ---- random ------------------------------------------------------------------------------------- */

/* The generator state (an `abstract` NOPTR block): xoshiro128**, seeded through splitmix64. HashLink
 * uses a TT800-like generator; the sequence is not meant to be reproduced (hl-spec.md 8.1). */
typedef struct hli_rnd {
    uint32_t s[4];
} hli_rnd;

static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static uint32_t rnd_next(hli_rnd *r) {
    uint32_t *s = r->s;
    uint32_t result = rotl(s[1] * 5, 7) * 9;
    uint32_t t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
}

static hli_status n_rnd_init_system(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    hli_rnd *r = hli_alloc(th, sizeof(hli_rnd), HLI_GC_NOPTR);
    if (r == NULL)
        return HLI_EXC;
    struct timespec ts = {0, 0};
    clock_gettime(CLOCK_REALTIME, &ts);
    /* The block's address tells apart generators made in the same nanosecond (several VMs). */
    uint64_t seed = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
    seed ^= ((uint64_t)getpid() << 32) ^ (uint64_t)(uintptr_t)r;
    for (int i = 0; i < 4; i += 2) {
        uint64_t z = splitmix64(&seed);
        r->s[i] = (uint32_t)z;
        r->s[i + 1] = (uint32_t)(z >> 32);
    }
    if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0)
        r->s[0] = 1;
    ret->p = r;
    return HLI_OK;
}

/* rnd_int(r): 32 random bits (Std.random(n) is (rnd_int & 0x3FFFFFFF) % n in Haxe code). */
static hli_status n_rnd_int(hli_thread *th, hli_reg *args, hli_reg *ret) {
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    ret->i = (int32_t)rnd_next(args[0].p);
    return HLI_OK;
}

/* rnd_float(r): in [0, 1), HashLink's formula from three draws. */
static hli_status n_rnd_float(hli_thread *th, hli_reg *args, hli_reg *ret) {
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    const double big = 4294967296.0;
    double a = rnd_next(args[0].p), b = rnd_next(args[0].p), c = rnd_next(args[0].p);
    ret->d = ((a / big + b) / big + c) / big;
    return HLI_OK;
}

const hli_native_def hli_std_math_natives[] = {
    {"std", "math_abs", "Pd_d", n_math_abs},
    {"std", "math_acos", "Pd_d", n_math_acos},
    {"std", "math_asin", "Pd_d", n_math_asin},
    {"std", "math_atan", "Pd_d", n_math_atan},
    {"std", "math_atan2", "Pdd_d", n_math_atan2},
    {"std", "math_ceil", "Pd_i", n_math_ceil},
    {"std", "math_cos", "Pd_d", n_math_cos},
    {"std", "math_exp", "Pd_d", n_math_exp},
    {"std", "math_fceil", "Pd_d", n_math_fceil},
    {"std", "math_ffloor", "Pd_d", n_math_ffloor},
    {"std", "math_floor", "Pd_i", n_math_floor},
    {"std", "math_fround", "Pd_d", n_math_fround},
    {"std", "math_isfinite", "Pd_b", n_math_isfinite},
    {"std", "math_isnan", "Pd_b", n_math_isnan},
    {"std", "math_log", "Pd_d", n_math_log},
    {"std", "math_pow", "Pdd_d", n_math_pow},
    {"std", "math_round", "Pd_i", n_math_round},
    {"std", "math_sin", "Pd_d", n_math_sin},
    {"std", "math_sqrt", "Pd_d", n_math_sqrt},
    {"std", "math_tan", "Pd_d", n_math_tan},
    {"std", "rnd_init_system", "P_Xhl_random_", n_rnd_init_system},
    {"std", "rnd_int", "PXhl_random__i", n_rnd_int},
    {"std", "rnd_float", "PXhl_random__d", n_rnd_float},
    {NULL, NULL, NULL, NULL},
};
