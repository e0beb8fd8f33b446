/* The rt test harness (see rt_harness.h): VM, program, collector and thread set up by hand. */
#include "rt_harness.h"
#include "rt/rt_internal.h"

#include <stdlib.h>
#include <string.h>

int rth_failures;

/* Roots: the thread's temporary roots and ranges, its exception, and the test's extra roots. */
static void roots(hli_gc *gc, void *ctx) {
    rth *h = ctx;
    hli_thread *th = h->th;
    if (th != NULL) {
        for (uint32_t i = 0; i < th->nroots; i++)
            hli_gc_mark(gc, *th->roots[i]);
        for (uint32_t i = 0; i < th->nranges; i++)
            hli_gc_mark_range(gc, th->ranges[i].base, th->ranges[i].size);
        hli_gc_mark(gc, th->exc_value);
    }
    for (size_t i = 0; i < sizeof h->extra_roots / sizeof h->extra_roots[0]; i++)
        hli_gc_mark(gc, h->extra_roots[i]);
}

bool rth_open(rth *h, hlb_builder *b, const rth_native *natives) {
    memset(h, 0, sizeof *h);
    size_t size;
    uint8_t *bytes = hlb_write(b, &size);
    if (bytes == NULL)
        return false;
    h->vm = calloc(1, sizeof *h->vm);
    hli_mem_init(&h->vm->mem, 0);
    hli_error err;
    hli_error_clear(&err);
    h->m = hli_module_load(bytes, size, &h->vm->mem, &err);
    free(bytes);
    if (h->m == NULL) {
        fprintf(stderr, "load failed: %s\n", err.text);
        return false;
    }
    h->vm->module = h->m;
    hli_program *p = hli_mem_alloc(&h->vm->mem, sizeof *p);
    h->p = p;
    p->m = h->m;
    uint32_t nfn = h->m->nfunctions + h->m->nnatives;
    p->fns = hli_mem_array(&h->vm->mem, nfn, sizeof(hli_fn));
    for (uint32_t i = 0; i < nfn; i++) {
        hli_fn *fn = &p->fns[i];
        fn->findex = i;
        fn->type = hli_module_findex_type(h->m, i);
        fn->owner_field = UINT32_MAX;
        const hli_native *n = hli_module_native(h->m, i);
        if (n == NULL) {
            fn->kind = HLI_FN_BYTECODE;
            fn->src = hli_module_function(h->m, i);
            continue;
        }
        fn->kind = HLI_FN_MISSING;
        fn->name = hli_module_string(h->m, n->name, NULL);
        for (const rth_native *d = natives; d != NULL && d->name != NULL; d++)
            if (strcmp(d->name, fn->name) == 0) {
                fn->kind = HLI_FN_NATIVE;
                fn->native = d->fn;
            }
    }
    h->vm->prog = p;
    if (hli_rt_link(h->vm, p, &err) != HLFFI_OK) {
        fprintf(stderr, "link failed: %s\n", err.text);
        return false;
    }
    h->vm->gc = hli_gc_create(&h->vm->mem, roots, hli_rt_trace, h);
    h->th = calloc(1, sizeof *h->th);
    h->th->vm = h->vm;
    h->vm->main_thread = h->th;
    return true;
}

void rth_close(rth *h) {
    if (h->vm == NULL)
        return;
    hli_gc_destroy(h->vm->gc);
    if (h->p != NULL) {
        hli_rt_unlink(h->vm, h->p);
        hli_mem_free(&h->vm->mem, h->p->fns, (h->m->nfunctions + h->m->nnatives) * sizeof(hli_fn));
        hli_mem_free(&h->vm->mem, h->p, sizeof *h->p);
    }
    hli_module_free(h->m);
    if (h->vm->mem.used != 0) {
        rth_failures++;
        fprintf(stderr, "leak: %zu bytes still allocated through vm->mem\n", h->vm->mem.used);
    }
    free(h->th);
    free(h->vm);
    memset(h, 0, sizeof *h);
}

void rth_stress(rth *h, uint32_t every) { hli_gc_set_stress(h->vm->gc, every, false); }

hli_type *rth_type(rth *h, int32_t i) { return &h->m->types[i]; }

const char *rth_u8(const hli_uchar *s) {
    static char buf[4096];
    if (s == NULL)
        return "(null)";
    size_t k = 0;
    for (; *s != 0 && k + 4 < sizeof buf; s++) {
        uint32_t c = *s;
        if (c < 0x80)
            buf[k++] = (char)c;
        else if (c < 0x800)
            buf[k++] = (char)(0xC0 | (c >> 6)), buf[k++] = (char)(0x80 | (c & 63));
        else
            buf[k++] = (char)(0xE0 | (c >> 12)), buf[k++] = (char)(0x80 | ((c >> 6) & 63)),
            buf[k++] = (char)(0x80 | (c & 63));
    }
    buf[k] = 0;
    return buf;
}

const hli_uchar *rth_u16(const char *s) {
    static hli_uchar bufs[4][512];
    static int next;
    hli_uchar *b = bufs[next++ & 3];
    size_t n = 0;
    for (; s[n] != 0 && n + 1 < 512; n++)
        b[n] = (uint8_t)s[n];
    b[n] = 0;
    return b;
}

const char *rth_exc(rth *h) {
    static char buf[1024];
    vdynamic *e = h->th->exc_value;
    h->th->exc_value = NULL;
    if (e == NULL || e->t->kind != HBYTES)
        return "";
    snprintf(buf, sizeof buf, "%s", rth_u8((const hli_uchar *)e->v.bytes));
    return buf;
}

const char *rth_str(rth *h, vdynamic *v) {
    static char buf[4096];
    hli_uchar *s = NULL;
    int32_t len = 0;
    if (hli_value_to_string(h->th, v, &s, &len) != HLI_OK) {
        snprintf(buf, sizeof buf, "<exception: %s>", rth_exc(h));
        return buf;
    }
    snprintf(buf, sizeof buf, "%s", rth_u8(s));
    if ((size_t)len != hli_ustrlen(s) && strlen(buf) + 1 < sizeof buf) {
        rth_failures++;
        fprintf(stderr, "value_to_string length %d for \"%s\"\n", (int)len, buf);
    }
    return buf;
}

int32_t rth_hash(rth *h, const char *name) { return hli_hash_utf8(h->vm, name); }

vstring *rth_string(rth *h, const char *s) { return hli_string_from_utf8(h->th, s, strlen(s)); }
