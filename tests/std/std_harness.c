/* The std test harness (see std_harness.h): a VM loaded from an hlbuilder module, natives called
 * through the registry. */
#include "std_harness.h"

#include <stdlib.h>
#include <string.h>

#include "exec/exec.h"
#include "exec/link.h"

int sth_failures;

static void capture(void *userdata, const char *utf8, size_t len, bool is_stderr) {
    sth *h = userdata;
    (void)is_stderr;
    for (size_t i = 0; i < len && h->outlen + 1 < sizeof h->out; i++)
        h->out[h->outlen++] = utf8[i];
    h->out[h->outlen] = 0;
}

/* A function (a, b) -> result of type `ft` (args of type `at`, result i32) whose body is emitted by
 * the caller; returns the index in b->functions. */
static int32_t cmp_fun(hlb_builder *b, int32_t ft, int32_t at, int32_t ti32) {
    return hlb_add_function(b, ft, HLB_AUTO, 3, at, at, ti32);
}

static hlb_builder *build(sth *h) {
    hlb_std s;
    hlb_builder *b = hlb_minimal(4, false, &s);
    int32_t tiii = hlb_type_fun(b, s.ti32, 2, s.ti32, s.ti32);
    int32_t tddi = hlb_type_fun(b, s.ti32, 2, s.tf64, s.tf64);
    int32_t zero = hlb_int(b, 0), one = hlb_int(b, 1), minus1 = hlb_int(b, -1), k42 = hlb_int(b, 42);

    int32_t f = cmp_fun(b, tiii, s.ti32, s.ti32);
    hlb_emit(b, f, OSub, 2, 0, 1);
    hlb_emit(b, f, ORet, 2, 0, 0);
    h->cmp_i32 = hlb_fn(b, f)->findex;

    f = cmp_fun(b, tddi, s.tf64, s.ti32);
    hlb_emit(b, f, OJSLt, 0, 1, 3);  /* -> 4 */
    hlb_emit(b, f, OJSGt, 0, 1, 4);  /* -> 6 */
    hlb_emit(b, f, OInt, 2, zero, 0);
    hlb_emit(b, f, ORet, 2, 0, 0);
    hlb_emit(b, f, OInt, 2, minus1, 0);
    hlb_emit(b, f, ORet, 2, 0, 0);
    hlb_emit(b, f, OInt, 2, one, 0);
    hlb_emit(b, f, ORet, 2, 0, 0);
    h->cmp_f64 = hlb_fn(b, f)->findex;

    f = cmp_fun(b, tiii, s.ti32, s.ti32);
    hlb_emit(b, f, OInt, 2, minus1, 0);
    hlb_emit(b, f, ORet, 2, 0, 0);
    h->cmp_minus1 = hlb_fn(b, f)->findex;

    f = cmp_fun(b, tiii, s.ti32, s.ti32);
    hlb_emit(b, f, OInt, 2, one, 0);
    hlb_emit(b, f, ORet, 2, 0, 0);
    h->cmp_plus1 = hlb_fn(b, f)->findex;

    f = hlb_add_function(b, tiii, HLB_AUTO, 4, s.ti32, s.ti32, s.ti32, s.tdyn);
    hlb_emit(b, f, OInt, 2, k42, 0);
    hlb_emit(b, f, OToDyn, 3, 2, 0);
    hlb_emit(b, f, OThrow, 3, 0, 0);
    h->cmp_throw = hlb_fn(b, f)->findex;
    return b;
}

bool sth_open(sth *h, int argc, char **argv, bool stress) {
    memset(h, 0, sizeof *h);
    hlb_builder *b = build(h);
    size_t size;
    uint8_t *bytes = hlb_write(b, &size);
    hlb_free(b);
    if (bytes == NULL)
        return false;
    h->vm = hlffi_create();
    h->vm->print = capture;
    h->vm->print_userdata = h;
    hlffi_error_code rc = hlffi_init(h->vm, argc, argv);
    if (rc == HLFFI_OK)
        rc = hlffi_load_memory(h->vm, bytes, size);
    free(bytes);
    if (rc != HLFFI_OK) {
        fprintf(stderr, "std harness: loading the test module failed: %s\n", hlffi_get_error(h->vm));
        return false;
    }
    h->th = h->vm->main_thread;
    if (stress)
        hli_gc_set_stress(h->vm->gc, 1, false);
    return true;
}

void sth_close(sth *h) {
    if (h->vm != NULL)
        hlffi_destroy(h->vm);
    h->vm = NULL;
}

hli_status sth_call(sth *h, const char *name, hli_reg *args, hli_reg *ret) {
    const hli_native_def *d = hli_std_find("std", name);
    if (d == NULL) {
        fprintf(stderr, "std harness: no native std@%s\n", name);
        exit(1);
    }
    ret->i64 = 0;
    return d->fn(h->th, args, ret);
}

const char *sth_exc(sth *h) {
    vdynamic *e = h->th->exc_value;
    h->th->exc_value = NULL;
    if (e == NULL || e->t->kind != HBYTES)
        return "";
    return sth_u8((const hli_uchar *)e->v.bytes, -1);
}

vclosure *sth_closure(sth *h, int32_t findex) {
    return hli_program_static_closure(h->vm, h->vm->prog, (uint32_t)findex);
}

const char *sth_u8(const hli_uchar *s, int32_t n) {
    static char bufs[4][4096];
    static int next;
    char *buf = bufs[next++ & 3];
    if (s == NULL)
        return "(null)";
    size_t units = n >= 0 ? (size_t)n : (size_t)hli_std_ustrlen(s);
    size_t k = hli_std_utf16_to_utf8(s, units, NULL);
    if (k >= sizeof bufs[0])
        return "(too long)";
    hli_std_utf16_to_utf8(s, units, (uint8_t *)buf);
    buf[k] = 0;
    return buf;
}

hli_uchar *sth_u16(const char *s, int32_t *n) {
    static hli_uchar bufs[4][2048];
    static int next;
    hli_uchar *b = bufs[next++ & 3];
    const uint8_t *p = (const uint8_t *)s;
    int32_t k = 0;
    while (*p != 0 && k < 2040) {
        uint32_t c = *p++;
        if (c >= 0xF0) {
            c = ((c & 7) << 18) | ((p[0] & 63u) << 12) | ((p[1] & 63u) << 6) | (p[2] & 63u);
            p += 3;
        } else if (c >= 0xE0) {
            c = ((c & 15) << 12) | ((p[0] & 63u) << 6) | (p[1] & 63u);
            p += 2;
        } else if (c >= 0xC0) {
            c = ((c & 31) << 6) | (p[0] & 63u);
            p += 1;
        }
        if (c >= 0x10000) {
            c -= 0x10000;
            b[k++] = (hli_uchar)(0xD800 | (c >> 10));
            b[k++] = (hli_uchar)(0xDC00 | (c & 0x3FF));
        } else {
            b[k++] = (hli_uchar)c;
        }
    }
    b[k] = 0;
    if (n != NULL)
        *n = k;
    return b;
}

hli_uchar *sth_gc_u16(sth *h, const char *s) {
    int32_t n;
    hli_uchar *u = sth_u16(s, &n);
    return hli_std_ustr_copy(h->th, u, n);
}
