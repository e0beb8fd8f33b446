/* Value to string (hl-spec.md 5.6, HashLink's buffer.c): text is built in a vm->mem buffer (no GC
 * allocation while printing, so printed values need no extra rooting) and copied into one GC block at the
 * end. Nested storage prints with its static type (floats %.17g), cycles print "...", depth is bounded. */
#include "rt/rt_internal.h"

typedef struct pbuf {
    hli_mem *mem;
    hli_uchar *p;
    size_t len, cap;
} pbuf;

/* The values being printed, innermost first (cycle detection). */
typedef struct vlist {
    const void *v;
    const struct vlist *next;
} vlist;

typedef struct printer {
    hli_thread *th;
    pbuf b;
    int depth;
    hli_uchar local[64]; /* the buffer until the text outgrows it: short texts (numbers) need no malloc */
} printer;

static hli_status grow(printer *pr, size_t extra) {
    pbuf *b = &pr->b;
    if (b->len + extra <= b->cap)
        return HLI_OK;
    size_t ncap = b->cap ? b->cap * 2 : 64;
    while (ncap < b->len + extra)
        ncap *= 2;
    if (ncap > (size_t)INT32_MAX)
        return hli_throw_oom(pr->th, ncap * sizeof(hli_uchar));
    hli_uchar *np = hli_mem_array(b->mem, ncap, sizeof *np);
    if (np == NULL)
        return hli_throw_oom(pr->th, ncap * sizeof(hli_uchar));
    if (b->len > 0)
        memcpy(np, b->p, b->len * sizeof *np);
    if (b->p != pr->local)
        hli_mem_free(b->mem, b->p, b->cap * sizeof *b->p);
    b->p = np;
    b->cap = ncap;
    return HLI_OK;
}

static hli_status add_units(printer *pr, const hli_uchar *s, size_t n) {
    hli_status st = grow(pr, n);
    if (st == HLI_OK && n > 0) {
        memcpy(pr->b.p + pr->b.len, s, n * sizeof *s);
        pr->b.len += n;
    }
    return st;
}

static hli_status add_ascii(printer *pr, const char *s) {
    size_t n = strlen(s);
    hli_status st = grow(pr, n);
    for (size_t i = 0; st == HLI_OK && i < n; i++)
        pr->b.p[pr->b.len++] = (uint8_t)s[i];
    return st;
}

static hli_status add_utf8(printer *pr, const char *s) {
    size_t n = strlen(s), units = hli_rt_utf8_to_utf16(s, n, NULL);
    hli_status st = grow(pr, units);
    if (st == HLI_OK) {
        hli_rt_utf8_to_utf16(s, n, pr->b.p + pr->b.len);
        pr->b.len += units;
    }
    return st;
}

/* A NUL-terminated UTF-16 string ("null" for NULL); inside a GC block, never past its end. */
static hli_status add_ustr(printer *pr, const hli_uchar *s) {
    if (s == NULL)
        return add_ascii(pr, "null");
    size_t max = SIZE_MAX, bsize;
    const char *block = pr->th->vm->gc != NULL ? hli_gc_block_of(pr->th->vm->gc, s, &bsize) : NULL;
    if (block != NULL)
        max = (size_t)(block + bsize - (const char *)s) / sizeof(hli_uchar);
    size_t n = 0;
    while (n < max && s[n] != 0)
        n++;
    return add_units(pr, s, n);
}

static hli_status add_hex(printer *pr, uintptr_t v, const char *suffix) {
    char buf[24];
    int k = 0;
    char tmp[20];
    int n = 0;
    do {
        tmp[n++] = "0123456789ABCDEF"[v & 15];
        v >>= 4;
    } while (v != 0);
    while (n > 0)
        buf[k++] = tmp[--n];
    buf[k] = 0;
    hli_status st = add_ascii(pr, buf);
    return st == HLI_OK && suffix != NULL ? add_ascii(pr, suffix) : st;
}

static hli_status add_int(printer *pr, int64_t v) {
    char buf[24], tmp[24];
    int n = 0, k = 0;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (v < 0)
        buf[k++] = '-';
    while (n > 0)
        buf[k++] = tmp[--n];
    buf[k] = 0;
    return add_ascii(pr, buf);
}

static hli_status add_float(printer *pr, double d, int prec) {
    char buf[40];
    hli_fmt_g(d, prec, buf, sizeof buf);
    return add_ascii(pr, buf);
}

static hli_status add_module_string(printer *pr, uint32_t idx) {
    const hli_uchar *s = hli_ustring(pr->th->vm, idx, NULL);
    if (s == NULL) {
        const hli_module *m = hli_rt_module(pr->th->vm);
        return add_utf8(pr, m != NULL && idx < m->nstrings ? hli_module_string(m, idx, NULL) : "?");
    }
    return add_ustr(pr, s);
}

static bool on_stack(const vlist *stack, const void *v) {
    for (; stack != NULL; stack = stack->next)
        if (stack->v == v)
            return true;
    return false;
}

/* The bytes returned by a __string hook (fn: (this) -> bytes). */
static hli_status call_to_string(printer *pr, hli_fn *fn, void *self) {
    hli_reg arg, ret;
    arg.p = self;
    ret.p = NULL;
    hli_status st = hli_call_fn(pr->th, fn, &arg, 1, &ret);
    return st == HLI_OK ? add_ustr(pr, ret.p) : st;
}

static hli_status rec(printer *pr, vdynamic *v, const vlist *stack);

/* A value stored at data with static type t (array elements, enum parameters, object fields). */
static hli_status addr(printer *pr, const void *data, hli_type *t, const vlist *stack) {
    switch (t->kind) {
    case HUI8: return add_int(pr, *(const uint8_t *)data);
    case HUI16: return add_int(pr, rt_ldu16(data));
    case HI32: return add_int(pr, rt_ldi(data));
    case HI64: return add_int(pr, rt_ldi64(data));
    case HF32: return add_float(pr, rt_ldf(data), 9);
    case HF64: return add_float(pr, rt_ldd(data), 17);
    case HBOOL: return add_ascii(pr, *(const uint8_t *)data ? "true" : "false");
    case HBYTES: return add_ustr(pr, rt_ldp(data));
    case HVOID: return add_ascii(pr, "void");
    case HGUID:
    case HTYPE:
    case HREF:
    case HABSTRACT:
    case HMETHOD: {
        vdynamic tmp;
        tmp.t = t;
        tmp.v.i64 = 0;
        memcpy(&tmp.v, data, hli_type_size(t));
        return rec(pr, t->kind != HGUID && tmp.v.ptr == NULL ? NULL : &tmp, stack);
    }
    case HSTRUCT: {
        hli_obj_rt *rt = rt_obj(t);
        void *p = rt_ldp(data);
        if (rt != NULL && rt->to_string != NULL && p != NULL)
            return call_to_string(pr, rt->to_string, p);
        hli_status st = add_ascii(pr, "@");
        return st == HLI_OK ? add_module_string(pr, t->u.obj->name) : st;
    }
    default: return rec(pr, rt_ldp(data), stack);
    }
}

static hli_status print_array(printer *pr, varray *a, const vlist *stack) {
    if (on_stack(stack, a))
        return add_ascii(pr, "...");
    vlist l = {a, stack};
    hli_type *at = a->at;
    uint32_t stride = hli_type_size(at);
    hli_status st = add_ascii(pr, "[");
    for (int32_t i = 0; st == HLI_OK && i < a->size; i++) {
        if (i > 0)
            st = add_ascii(pr, ", ");
        if (st == HLI_OK)
            st = addr(pr, hli_aptr(a, char) + (size_t)i * stride, at, &l);
    }
    return st == HLI_OK ? add_ascii(pr, "]") : st;
}

static hli_status add_field_name(printer *pr, int32_t hash) {
    const hli_uchar *name = hli_field_name(pr->th->vm, hash);
    hli_status st = name != NULL ? add_ustr(pr, name) : add_ascii(pr, "???");
    return st == HLI_OK ? add_ascii(pr, " : ") : st;
}

static hli_status print_virtual(printer *pr, vvirtual *v, const vlist *stack) {
    if (v->value != NULL)
        return rec(pr, v->value, stack);
    if (on_stack(stack, v))
        return add_ascii(pr, "...");
    vlist l = {v, stack};
    const hli_virtual_rt *rt = v->t->u.virt->rt;
    hli_status st = add_ascii(pr, "{");
    for (uint32_t i = 0; st == HLI_OK && i < rt->nlookup; i++) { /* hash order */
        const hli_field_lookup *f = &rt->lookup[i];
        if (i > 0)
            st = add_ascii(pr, ", ");
        if (st == HLI_OK)
            st = add_field_name(pr, f->hashed_name);
        if (st == HLI_OK)
            st = addr(pr, (char *)v + rt->indexes[f->field_index], f->t, &l);
    }
    return st == HLI_OK ? add_ascii(pr, "}") : st;
}

static hli_status print_dynobj(printer *pr, vdynobj *o, const vlist *stack) {
    if (on_stack(stack, o))
        return add_ascii(pr, "...");
    vlist l = {o, stack};
    hli_rt_state *rs = hli_rt_state_of(pr->th->vm);
    hli_field_lookup *f = rs != NULL ? hli_lookup_find(o->lookup, (uint32_t)o->nfields, rs->hash_string) : NULL;
    if (f != NULL && f->t->kind == HFUN && f->t->u.fun->nargs == 0 && f->t->u.fun->ret->kind == HBYTES) {
        vclosure *c = rt_ldp(rt_dynobj_addr(o, f));
        if (c != NULL) {
            hli_reg ret;
            ret.p = NULL;
            hli_status st = hli_call_closure(pr->th, c, NULL, 0, &ret);
            return st == HLI_OK ? add_ustr(pr, ret.p) : st;
        }
    }
    /* insertion order: position -> lookup index */
    uint32_t n = (uint32_t)o->nfields, small[64], *order = small;
    if (n > 64 && (order = hli_mem_array(pr->b.mem, n, sizeof *order)) == NULL)
        return hli_throw_oom(pr->th, n * sizeof *order);
    for (uint32_t i = 0; i < n; i++)
        order[i] = UINT32_MAX;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t pos = rt_dynobj_order(&o->lookup[i]);
        if (pos < n)
            order[pos] = i;
    }
    hli_status st = add_ascii(pr, "{");
    bool first = true;
    for (uint32_t i = 0; st == HLI_OK && i < n; i++) {
        /* a __string hook called below may change o: re-check each index against the live table */
        if (order[i] >= (uint32_t)o->nfields)
            continue;
        f = &o->lookup[order[i]];
        if (!first)
            st = add_ascii(pr, ", ");
        first = false;
        if (st == HLI_OK)
            st = add_field_name(pr, f->hashed_name);
        if (st == HLI_OK)
            st = addr(pr, rt_dynobj_addr(o, f), f->t, &l);
    }
    if (order != small)
        hli_mem_free(pr->b.mem, order, n * sizeof *order);
    return st == HLI_OK ? add_ascii(pr, "}") : st;
}

static hli_status print_enum(printer *pr, venum *e, const vlist *stack) {
    const hli_type_enum *te = e->t->u.tenum;
    if (e->index < 0 || (uint32_t)e->index >= te->nconstructs)
        return add_ascii(pr, "?");
    const hli_enum_construct *c = &te->constructs[e->index];
    if (c->nparams == 0)
        return add_module_string(pr, c->name);
    if (on_stack(stack, e))
        return add_ascii(pr, "...");
    vlist l = {e, stack};
    hli_status st = add_module_string(pr, c->name);
    if (st == HLI_OK)
        st = add_ascii(pr, "(");
    for (uint32_t i = 0; st == HLI_OK && i < c->nparams; i++) {
        if (i > 0)
            st = add_ascii(pr, ",");
        if (st == HLI_OK)
            st = addr(pr, (char *)e + c->offsets[i], c->params[i], &l);
    }
    return st == HLI_OK ? add_ascii(pr, ")") : st;
}

static hli_status print_guid(printer *pr, int64_t g) {
    static const char chars[] = "#&0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    if (g == 0)
        return add_ascii(pr, "0");
    char buf[16];
    int k = 0;
    for (int i = 0; i < 11; i++) {
        if (i == 4 || i == 8)
            buf[k++] = '-';
        buf[k++] = chars[((uint64_t)g >> (60 - i * 6)) & 63];
    }
    buf[k] = 0;
    return add_ascii(pr, buf);
}

/* hl_buffer_rec: a value by its runtime type. */
static hli_status rec(printer *pr, vdynamic *v, const vlist *stack) {
    if (v == NULL)
        return add_ascii(pr, "null");
    if (pr->depth >= RT_MAX_DEPTH)
        return hli_throw_error(pr->th, "Stack overflow");
    pr->depth++;
    hli_status st;
    switch (v->t->kind) {
    case HVOID: st = add_ascii(pr, "void"); break;
    case HUI8: st = add_int(pr, v->v.ui8); break;
    case HUI16: st = add_int(pr, v->v.ui16); break;
    case HI32: st = add_int(pr, v->v.i); break;
    case HI64: st = add_int(pr, v->v.i64); break;
    case HF32: st = add_float(pr, v->v.f, 9); break;
    case HF64: st = add_float(pr, v->v.d, 17); break;
    case HBOOL: st = add_ascii(pr, v->v.b ? "true" : "false"); break;
    case HBYTES: st = add_ustr(pr, (const hli_uchar *)v->v.bytes); break;
    case HFUN:
        st = add_ascii(pr, "function#");
        if (st == HLI_OK)
            st = add_hex(pr, (uintptr_t)v, NULL);
        break;
    case HMETHOD:
        st = add_ascii(pr, "method#");
        if (st == HLI_OK)
            st = add_hex(pr, (uintptr_t)v->v.ptr, NULL);
        break;
    case HOBJ:
    case HSTRUCT: {
        hli_obj_rt *rt = rt_obj(v->t);
        if (rt != NULL && rt->to_string != NULL) {
            st = call_to_string(pr, rt->to_string, v->t->kind == HSTRUCT ? v->v.ptr : (void *)v);
        } else {
            st = v->t->kind == HSTRUCT ? add_ascii(pr, "@") : HLI_OK;
            if (st == HLI_OK)
                st = add_module_string(pr, v->t->u.obj->name);
        }
        break;
    }
    case HARRAY: st = print_array(pr, (varray *)v, stack); break;
    case HTYPE: {
        char buf[512];
        st = add_utf8(pr, hli_rt_type_str(pr->th->vm, v->v.ptr, buf, sizeof buf));
        break;
    }
    case HREF: st = add_ascii(pr, "ref"); break;
    case HVIRTUAL: st = print_virtual(pr, (vvirtual *)v, stack); break;
    case HDYNOBJ: st = print_dynobj(pr, (vdynobj *)v, stack); break;
    case HABSTRACT:
        st = add_ascii(pr, "~");
        if (st == HLI_OK)
            st = v->t->u.abs_name == UINT32_MAX ? add_ascii(pr, "<abstract>") : add_module_string(pr, v->t->u.abs_name);
        if (st == HLI_OK)
            st = add_ascii(pr, ":");
        if (st == HLI_OK)
            st = add_hex(pr, (uintptr_t)v->v.ptr, NULL);
        break;
    case HENUM: st = print_enum(pr, (venum *)v, stack); break;
    case HNULL: st = add_ascii(pr, "_null_"); break;
    case HGUID: st = print_guid(pr, v->v.i64); break;
    default: st = add_hex(pr, (uintptr_t)v, "H"); break;
    }
    pr->depth--;
    return st;
}

/* Copies the printed text into a new GC block (NUL-terminated). */
static hli_status finish(printer *pr, hli_status st, hli_uchar **out, int32_t *len) {
    *out = NULL;
    if (len != NULL)
        *len = 0;
    if (st == HLI_OK) {
        hli_uchar *s = hli_alloc(pr->th, (pr->b.len + 1) * sizeof *s, HLI_GC_NOPTR);
        if (s == NULL) {
            st = HLI_EXC;
        } else {
            if (pr->b.len > 0)
                memcpy(s, pr->b.p, pr->b.len * sizeof *s);
            s[pr->b.len] = 0;
            *out = s;
            if (len != NULL)
                *len = (int32_t)pr->b.len;
        }
    }
    if (pr->b.p != pr->local)
        hli_mem_free(pr->b.mem, pr->b.p, pr->b.cap * sizeof *pr->b.p);
    return st;
}

static hli_status print_value(hli_thread *th, vdynamic *v, bool numbers_top, hli_uchar **out, int32_t *len) {
    printer pr;
    pr.th = th;
    pr.b = (pbuf){&th->vm->mem, pr.local, 0, sizeof pr.local / sizeof pr.local[0]};
    pr.depth = 0;
    hli_status st;
    if (v == NULL)
        st = add_ascii(&pr, "null");
    else if (v->t->kind == HI32 && numbers_top)
        st = add_int(&pr, v->v.i);
    else if (v->t->kind == HF64 && numbers_top)
        st = v->v.d != v->v.d ? add_ascii(&pr, "NaN") : add_float(&pr, v->v.d, 15);
    else if (v->t->kind == HBOOL && !numbers_top)
        st = add_ascii(&pr, v->v.b ? "true" : "false");
    else
        st = rec(&pr, v, NULL);
    return finish(&pr, st, out, len);
}

hli_status hli_value_to_string(hli_thread *th, vdynamic *v, hli_uchar **out, int32_t *len) {
    return print_value(th, v, true, out, len);
}

hli_status hli_to_string(hli_thread *th, vdynamic *v, hli_uchar **out, int32_t *len) {
    return print_value(th, v, false, out, len);
}
