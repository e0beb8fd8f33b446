/* The registry of natives: every family table (src/std/std_<family>.c) listed once, looked up by
 * library and name, and the signature encoding the linker compares (hl-spec.md 6.5). */
#include <string.h>

#include "std/natives.h"
#include "std/std_families.h"
#include "std/std_internal.h"

/* Every family's table, each ending in a {NULL} entry. */
static const hli_native_def *const families[] = {
#define HLI_STD_FAMILY(name) hli_std_##name##_natives,
    HLI_STD_FAMILIES(HLI_STD_FAMILY)
#undef HLI_STD_FAMILY
};

const hli_native_def *hli_std_find(const char *lib, const char *name) {
    for (size_t f = 0; f < sizeof families / sizeof families[0]; f++)
        for (const hli_native_def *d = families[f]; d->lib != NULL; d++)
            if (strcmp(d->name, name) == 0 && strcmp(d->lib, lib) == 0)
                return d;
    return NULL;
}

const hli_native_def *hli_std_native_at(size_t i) {
    for (size_t f = 0; f < sizeof families / sizeof families[0]; f++)
        for (const hli_native_def *d = families[f]; d->lib != NULL; d++)
            if (i-- == 0)
                return d;
    return NULL;
}

/* Appends to a bounded buffer. */
typedef struct sig_buf {
    char *buf;
    size_t size, len;
} sig_buf;

static void put(sig_buf *b, const char *s) {
    for (; *s; s++)
        if (b->len + 1 < b->size)
            b->buf[b->len++] = *s;
    if (b->size > 0)
        b->buf[b->len < b->size ? b->len : b->size - 1] = 0;
}

static void sig(const hli_module *m, const hli_type *t, sig_buf *b, int depth) {
    static const char codes[] = "vcsilfdbBDPOATR??X?N?S?g";
    if (depth > 32) {
        put(b, "?");
        return;
    }
    char one[2] = {(unsigned)t->kind < sizeof codes - 1 ? codes[t->kind] : '?', 0};
    put(b, one);
    switch (t->kind) {
    case HFUN:
        for (uint32_t i = 0; i < t->u.fun->nargs; i++)
            sig(m, t->u.fun->args[i], b, depth + 1);
        put(b, "_");
        sig(m, t->u.fun->ret, b, depth + 1);
        break;
    case HOBJ: {
        /* All fields, parents first. */
        const hli_type *chain[64];
        int n = 0;
        for (const hli_type *c = t; c != NULL && n < 64; c = c->u.obj->super)
            chain[n++] = c;
        while (n-- > 0)
            for (uint32_t i = 0; i < chain[n]->u.obj->nfields; i++)
                sig(m, chain[n]->u.obj->fields[i].type, b, depth + 1);
        put(b, "_");
        break;
    }
    case HREF:
    case HNULL: sig(m, t->u.tparam, b, depth + 1); break;
    case HABSTRACT:
        put(b, hli_module_string(m, t->u.abs_name, NULL));
        put(b, "_");
        break;
    default: break;
    }
}

void hli_type_signature(const hli_module *m, const hli_type *t, char *buf, size_t size) {
    sig_buf b = {buf, size, 0};
    if (size > 0)
        buf[0] = 0;
    sig(m, t, &b, 0);
}
