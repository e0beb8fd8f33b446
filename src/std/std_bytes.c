/* Natives of raw memory (hl-spec.md 8.1 "Bytes / raw memory"): allocation, blit/compare/find/fill,
 * pointer arithmetic, HashLink's in-place merge sort calling a Haxe comparator, the number parsers.
 * Like HashLink's they trust their offsets; negative lengths do nothing instead of running off memory. */
#include <stdint.h>
#include <string.h>

#include "std/std_families.h"
#include "std/std_internal.h"

/* Byte address p + off without undefined pointer arithmetic. */
static uint8_t *at(void *p, int32_t off) { return (uint8_t *)((uintptr_t)p + (uintptr_t)(intptr_t)off); }

/* alloc_bytes(n): a new NOPTR block (zeroed here; HashLink leaves it uninitialised), NULL for 0,
 * "Invalid allocation size" for n < 0. */
static hli_status n_alloc_bytes(hli_thread *th, hli_reg *args, hli_reg *ret) {
    ret->p = hli_alloc_bytes(th, args[0].i);
    return ret->p != NULL || args[0].i == 0 ? HLI_OK : HLI_EXC;
}

/* bytes_blit(dst, dpos, src, spos, len): memmove. */
static hli_status n_bytes_blit(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    int32_t len = args[4].i;
    if (len <= 0)
        return HLI_OK;
    if (args[0].p == NULL || args[2].p == NULL)
        return hli_throw_error(th, "Null access");
    memmove(at(args[0].p, args[1].i), at(args[2].p, args[3].i), (size_t)len);
    return HLI_OK;
}

/* memcmp as glibc's returns it: the difference of the first differing bytes (unsigned), else 0. */
static int32_t byte_compare(const uint8_t *a, const uint8_t *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return (int32_t)a[i] - (int32_t)b[i];
    return 0;
}

/* bytes_compare(a, apos, b, bpos, len) */
static hli_status n_bytes_compare(hli_thread *th, hli_reg *args, hli_reg *ret) {
    int32_t len = args[4].i;
    ret->i = 0;
    if (len <= 0)
        return HLI_OK;
    if (args[0].p == NULL || args[2].p == NULL)
        return hli_throw_error(th, "Null access");
    ret->i = byte_compare(at(args[0].p, args[1].i), at(args[2].p, args[3].i), (size_t)len);
    return HLI_OK;
}

/* bytes_compare16(a, b, len): the difference of the first differing UTF-16 units, else 0. */
static hli_status n_bytes_compare16(hli_thread *th, hli_reg *args, hli_reg *ret) {
    const hli_uchar *a = args[0].p, *b = args[1].p;
    ret->i = 0;
    if (args[2].i <= 0)
        return HLI_OK;
    if (a == NULL || b == NULL)
        return hli_throw_error(th, "Null access");
    for (int32_t i = 0; i < args[2].i; i++)
        if (a[i] != b[i]) {
            ret->i = (int32_t)a[i] - (int32_t)b[i];
            break;
        }
    return HLI_OK;
}

/* string_compare(a, b, len): memcmp of len UTF-16 units, i.e. of their 2 * len little-endian bytes. */
static hli_status n_string_compare(hli_thread *th, hli_reg *args, hli_reg *ret) {
    ret->i = 0;
    if (args[2].i <= 0)
        return HLI_OK;
    if (args[0].p == NULL || args[1].p == NULL)
        return hli_throw_error(th, "Null access");
    ret->i = byte_compare(args[0].p, args[1].p, (size_t)args[2].i * 2);
    return HLI_OK;
}

/* bytes_find(where, pos, len, which, wpos, wlen): the offset from `where` of the first occurrence of
 * which[wpos, wpos + wlen) in where[pos, pos + len), pos for an empty pattern, else -1. */
static hli_status n_bytes_find(hli_thread *th, hli_reg *args, hli_reg *ret) {
    int32_t pos = args[1].i, len = args[2].i, wlen = args[5].i;
    ret->i = -1;
    if (len < 0 || wlen < 0 || len < wlen)
        return HLI_OK;
    if (wlen == 0) {
        ret->i = pos;
        return HLI_OK;
    }
    if (args[0].p == NULL || args[3].p == NULL)
        return hli_throw_error(th, "Null access");
    const uint8_t *where = at(args[0].p, pos), *which = at(args[3].p, args[4].i);
    for (int32_t i = 0; i <= len - wlen; i++) {
        const uint8_t *c = memchr(where + i, which[0], (size_t)(len - wlen - i) + 1);
        if (c == NULL)
            break;
        i = (int32_t)(c - where);
        if (memcmp(c, which, (size_t)wlen) == 0) {
            ret->i = (int32_t)((uint32_t)pos + (uint32_t)i);
            break;
        }
    }
    return HLI_OK;
}

/* bytes_fill(b, pos, len, value): memset. */
static hli_status n_bytes_fill(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    if (args[2].i <= 0)
        return HLI_OK;
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    memset(at(args[0].p, args[1].i), args[3].i & 0xFF, (size_t)args[2].i);
    return HLI_OK;
}

/* ---- pointers ----------------------------------------------------------------------------------- */

static hli_status n_bytes_offset(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->p = at(args[0].p, args[1].i);
    return HLI_OK;
}

static hli_status n_bytes_subtract(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i = (int32_t)(uint32_t)((uintptr_t)args[0].p - (uintptr_t)args[1].p);
    return HLI_OK;
}

/* bytes_address(b, ref high): the low 32 bits, the high ones through the ref. */
static hli_status n_bytes_address(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    uint64_t a = (uint64_t)(uintptr_t)args[0].p;
    hli_std_set_ref_i32(args[1].p, (int32_t)(uint32_t)(a >> 32));
    ret->i = (int32_t)(uint32_t)a;
    return HLI_OK;
}

static hli_status n_bytes_from_address(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    uint64_t a = ((uint64_t)(uint32_t)args[1].i << 32) | (uint32_t)args[0].i;
    ret->p = (void *)(uintptr_t)a;
    return HLI_OK;
}

/* ---- sorting: HashLink's merge sort (sort.h), the same comparisons in the same order -------------- */

/* The observable behaviour of Array.sort with an inconsistent comparator (and the number and order of
 * comparator calls) depends on the algorithm, so this is HashLink's: insertion sort below 12
 * elements, otherwise recursive halves merged in place by rotations (no extra memory). */
typedef struct sorter {
    hli_thread *th;
    vclosure *cmp;
    uint8_t *arr;   /* elements (possibly unaligned: accessed with memcpy) */
    uint32_t esize; /* 4 (i32) or 8 (f64) */
} sorter;

/* Element i as a whole register slot (an i32 zero-extended: the callee copies arguments as whole slots,
 * and a 4-byte store under that 8-byte load could not be forwarded). */
static hli_reg s_arg(const sorter *s, int32_t i) {
    hli_reg v;
    if (s->esize == 4) {
        uint32_t w;
        memcpy(&w, s->arr + (size_t)i * 4, 4);
        v.i64 = w;
    } else {
        memcpy(&v, s->arr + (size_t)i * 8, 8);
    }
    return v;
}

/* cmp(arr[a], arr[b]) into *out. */
static hli_status s_compare(sorter *s, int32_t a, int32_t b, int32_t *out) {
    hli_reg args[2], r;
    args[0] = s_arg(s, a);
    args[1] = s_arg(s, b);
    r.i64 = 0;
    hli_status st = hli_call_closure(s->th, s->cmp, args, 2, &r);
    *out = r.i;
    return st;
}

static void s_swap(sorter *s, int32_t a, int32_t b) {
    uint8_t t[8];
    memcpy(t, s->arr + (size_t)a * s->esize, s->esize);
    memcpy(s->arr + (size_t)a * s->esize, s->arr + (size_t)b * s->esize, s->esize);
    memcpy(s->arr + (size_t)b * s->esize, t, s->esize);
}

static void s_move(sorter *s, int32_t dst, int32_t src) {
    memcpy(s->arr + (size_t)dst * s->esize, s->arr + (size_t)src * s->esize, s->esize);
}

/* The first position in [from, to) whose element is not less than element val. */
static hli_status s_lower(sorter *s, int32_t from, int32_t to, int32_t val, int32_t *out) {
    int32_t len = to - from;
    while (len > 0) {
        int32_t half = len >> 1, mid = from + half, c;
        hli_status st = s_compare(s, mid, val, &c);
        if (st != HLI_OK)
            return st;
        if (c < 0) {
            from = mid + 1;
            len = len - half - 1;
        } else {
            len = half;
        }
    }
    *out = from;
    return HLI_OK;
}

/* The first position in [from, to) whose element is greater than element val. */
static hli_status s_upper(sorter *s, int32_t from, int32_t to, int32_t val, int32_t *out) {
    int32_t len = to - from;
    while (len > 0) {
        int32_t half = len >> 1, mid = from + half, c;
        hli_status st = s_compare(s, val, mid, &c);
        if (st != HLI_OK)
            return st;
        if (c < 0) {
            len = half;
        } else {
            from = mid + 1;
            len = len - half - 1;
        }
    }
    *out = from;
    return HLI_OK;
}

static int32_t gcd(int32_t m, int32_t n) {
    while (n != 0) {
        int32_t t = m % n;
        m = n;
        n = t;
    }
    return m;
}

/* Exchanges [from, mid) and [mid, to) by cycles (HashLink's ms_rotate). */
static void s_rotate(sorter *s, int32_t from, int32_t mid, int32_t to) {
    if (from == mid || mid == to)
        return;
    int32_t n = gcd(to - from, mid - from);
    uint8_t val[8];
    while (n-- != 0) {
        memcpy(val, s->arr + (size_t)(from + n) * s->esize, s->esize);
        int32_t shift = mid - from, p1 = from + n, p2 = from + n + shift;
        while (p2 != from + n) {
            s_move(s, p1, p2);
            p1 = p2;
            if (to - p2 > shift)
                p2 += shift;
            else
                p2 = from + (shift - (to - p2));
        }
        memcpy(s->arr + (size_t)p1 * s->esize, val, s->esize);
    }
}

/* Merges the sorted runs [from, pivot) and [pivot, to) in place. */
static hli_status s_merge(sorter *s, int32_t from, int32_t pivot, int32_t to, int32_t len1, int32_t len2) {
    if (len1 == 0 || len2 == 0)
        return HLI_OK;
    hli_status st;
    if (len1 + len2 == 2) {
        int32_t c;
        if ((st = s_compare(s, pivot, from, &c)) != HLI_OK)
            return st;
        if (c < 0)
            s_swap(s, pivot, from);
        return HLI_OK;
    }
    int32_t first_cut, second_cut, len11, len22;
    if (len1 > len2) {
        len11 = len1 >> 1;
        first_cut = from + len11;
        if ((st = s_lower(s, pivot, to, first_cut, &second_cut)) != HLI_OK)
            return st;
        len22 = second_cut - pivot;
    } else {
        len22 = len2 >> 1;
        second_cut = pivot + len22;
        if ((st = s_upper(s, from, pivot, second_cut, &first_cut)) != HLI_OK)
            return st;
        len11 = first_cut - from;
    }
    s_rotate(s, first_cut, pivot, second_cut);
    int32_t new_mid = first_cut + len22;
    if ((st = s_merge(s, from, first_cut, new_mid, len11, len22)) != HLI_OK)
        return st;
    return s_merge(s, new_mid, second_cut, to, len1 - len11, len2 - len22);
}

static hli_status s_sort(sorter *s, int32_t from, int32_t to) {
    hli_status st;
    if (to - from < 12) {
        for (int32_t i = from + 1; i < to; i++)
            for (int32_t j = i; j > from; j--) {
                int32_t c;
                if ((st = s_compare(s, j, j - 1, &c)) != HLI_OK)
                    return st;
                if (c >= 0)
                    break;
                s_swap(s, j - 1, j);
            }
        return HLI_OK;
    }
    int32_t middle = (int32_t)(((int64_t)from + to) >> 1);
    if ((st = s_sort(s, from, middle)) != HLI_OK || (st = s_sort(s, middle, to)) != HLI_OK)
        return st;
    return s_merge(s, from, middle, to, middle - from, to - middle);
}

/* bsort_i32/bsort_f64(b, pos, len, cmp): sorts len elements at byte offset pos. A comparator that
 * throws stops the sort (the array is left partly sorted) and the exception propagates. */
static hli_status bsort(hli_thread *th, hli_reg *args, uint32_t esize) {
    int32_t len = args[2].i;
    if (len < 2)
        return HLI_OK;
    if (args[0].p == NULL || args[3].p == NULL)
        return hli_throw_error(th, "Null access");
    /* The comparator may allocate and collect: the buffer and the closure stay rooted (the buffer
     * even if the comparator drops the array's reference to it, as HashLink's conservative GC would
     * keep it). */
    hli_root_push(th, &args[0].p);
    hli_root_push(th, &args[3].p);
    sorter s = {th, args[3].p, at(args[0].p, args[1].i), esize};
    hli_status st = s_sort(&s, 0, len);
    hli_root_pop(th, 2);
    return st;
}

static hli_status n_bsort_i32(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    return bsort(th, args, 4);
}

static hli_status n_bsort_f64(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    return bsort(th, args, 8);
}

/* ---- number parsing ------------------------------------------------------------------------------ */

/* parse_int(b, pos, len): Null<Int> (hli_std_parse_int); null for a null b. */
static hli_status n_parse_int(hli_thread *th, hli_reg *args, hli_reg *ret) {
    ret->p = NULL;
    int32_t v;
    if (args[0].p == NULL || !hli_std_parse_int((const hli_uchar *)at(args[0].p, args[1].i), args[2].i, &v))
        return HLI_OK;
    vdynamic *box = NULL;
    hli_status st = hli_make_dyn(th, &v, HLI_T(i32), &box);
    ret->p = box;
    return st;
}

/* parse_float(b, pos, len): hli_std_parse_float; NaN for a null b. */
static hli_status n_parse_float(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    if (args[0].p == NULL) {
        uint64_t nan = 0x7FF8000000000000ull;
        memcpy(&ret->d, &nan, sizeof nan);
        return HLI_OK;
    }
    ret->d = hli_std_parse_float((const hli_uchar *)at(args[0].p, args[1].i));
    return HLI_OK;
}

const hli_native_def hli_std_bytes_natives[] = {
    {"std", "alloc_bytes", "Pi_B", n_alloc_bytes},
    {"std", "bytes_blit", "PBiBii_v", n_bytes_blit},
    {"std", "bytes_compare", "PBiBii_i", n_bytes_compare},
    {"std", "bytes_compare16", "PBBi_i", n_bytes_compare16},
    {"std", "bytes_find", "PBiiBii_i", n_bytes_find},
    {"std", "bytes_fill", "PBiii_v", n_bytes_fill},
    {"std", "bytes_offset", "PBi_B", n_bytes_offset},
    {"std", "bytes_subtract", "PBB_i", n_bytes_subtract},
    {"std", "bytes_address", "PBRi_i", n_bytes_address},
    {"std", "bytes_from_address", "Pii_B", n_bytes_from_address},
    {"std", "bsort_i32", "PBiiPii_i_v", n_bsort_i32},
    {"std", "bsort_f64", "PBiiPdd_i_v", n_bsort_f64},
    {"std", "parse_int", "PBii_Ni", n_parse_int},
    {"std", "parse_float", "PBii_d", n_parse_float},
    {"std", "string_compare", "PBBi_i", n_string_compare},
    {NULL, NULL, NULL, NULL},
};
