/* The verifier's driver: module-level checks, then each function in turn (signature, every op, then
 * control flow), decoding one op at a time with per-op state sized for the largest function. Also the
 * failure funnel that formats every rejection, and the readable function names used in messages. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "verify/verify.h"
#include "verify/verify_internal.h"

static const char *const reason_ids[HLI_VR__COUNT] = {
#define HLI_VR_NAME(id, text) #id,
    HLI_VERIFY_REASONS(HLI_VR_NAME)
#undef HLI_VR_NAME
};

/* ---- Function names ------------------------------------------------------------------------- */

/* Steps a naming scan may take: names are computed only for messages, but a hostile type table must
 * not make even that slow; past the bound a name is given as if not unique. */
#define NAME_SCAN_STEPS ((uint64_t)1 << 22)

/* The owner of a function as HashLink assigns it (hl-spec.md 7.3): the last class, in type-table
 * order, that lists it as a proto or binds it to an HFUN or HDYN field. */
typedef struct owner {
    const hli_type *type; /* NULL: none */
    uint32_t name;        /* string index of the method or field name */
} owner;

/* Finds the owner of findex, also telling (*unique) whether another findex has the same owner name. */
static owner find_owner(const hli_module *m, uint32_t findex, bool *unique) {
    owner best = {NULL, 0};
    uint64_t steps = 0;
    for (int pass = 0; pass < 2; pass++) {
        const char *tn = pass == 1 && best.type ? hli_module_string(m, best.type->u.obj->name, NULL) : NULL;
        const char *fn = tn ? hli_module_string(m, best.name, NULL) : NULL;
        if (pass == 1 && tn == NULL)
            break;
        for (uint32_t i = 0; i < m->ntypes; i++) {
            const hli_type *t = &m->types[i];
            if (t->kind != HOBJ && t->kind != HSTRUCT)
                continue;
            const hli_type_obj *o = t->u.obj;
            bool same_type = pass == 1 && strcmp(hli_module_string(m, o->name, NULL), tn) == 0;
            if (pass == 1 && !same_type)
                continue;
            for (uint32_t k = 0; k < o->nproto; k++) {
                const hli_proto *p = &o->proto[k];
                if (pass == 0 && p->findex == findex)
                    best.type = t, best.name = p->name;
                else if (pass == 1 && p->findex != findex && strcmp(hli_module_string(m, p->name, NULL), fn) == 0)
                    *unique = false;
            }
            for (uint32_t k = 0; k < o->nbindings; k++) {
                const hli_binding *b = &o->bindings[k];
                if (pass == 0 && b->findex != findex)
                    continue;
                if (pass == 1 && b->findex == findex)
                    continue;
                /* the field, walking the superclasses (bounded by the step budget) */
                const hli_field *fd = NULL;
                for (const hli_type *c = t; c != NULL && fd == NULL; c = c->u.obj->super) {
                    uint32_t base = c->u.obj->total_fields - c->u.obj->nfields;
                    if (b->field >= base && b->field < c->u.obj->total_fields)
                        fd = &c->u.obj->fields[b->field - base];
                    if (++steps > NAME_SCAN_STEPS)
                        break;
                }
                if (fd == NULL || (fd->type->kind != HFUN && fd->type->kind != HDYN))
                    continue;
                if (pass == 0)
                    best.type = t, best.name = fd->name;
                else if (strcmp(hli_module_string(m, fd->name, NULL), fn) == 0)
                    *unique = false;
            }
            if (++steps > NAME_SCAN_STEPS)
                *unique = false;
        }
    }
    return best;
}

/* Format (docs/internals/verifier.md "Function names"): the entry point is `.init`; a function with
 * an owner is `<Class>.<name>` (static methods belong to the `$Class` type: `$Main.main`), followed by
 * `(f<findex>)` when another function has the same name; anything else is `fun$<findex>`. */
const char *hli_verify_function_name(const hli_module *m, uint32_t findex, char *buf, size_t size) {
    if (findex == m->entrypoint) {
        snprintf(buf, size, ".init");
        return buf;
    }
    bool unique = true;
    owner o = find_owner(m, findex, &unique);
    if (o.type == NULL)
        snprintf(buf, size, "fun$%u", (unsigned)findex);
    else if (unique)
        snprintf(buf, size, "%.60s.%.60s", hli_module_string(m, o.type->u.obj->name, NULL),
                 hli_module_string(m, o.name, NULL));
    else
        snprintf(buf, size, "%.60s.%.60s(f%u)", hli_module_string(m, o.type->u.obj->name, NULL),
                 hli_module_string(m, o.name, NULL), (unsigned)findex);
    return buf;
}

const char *hli_vt_str(const hli_vctx *c, const hli_type *t, char *buf) {
    return hli_type_str(c->m, t, buf, HLI_VT_STR);
}

/* ---- The failure funnel ---------------------------------------------------------------------- */

/* Raises the verification error "<where><text> [<ID>]"; when a relation ran out of fuel the reason
 * is TOO_COMPLEX whatever check noticed it. */
static bool vfail(hli_vctx *c, const char *where, hli_verify_reason r, const char *fmt, va_list ap)
    HLI_PRINTF(4, 0);

static bool vfail(hli_vctx *c, const char *where, hli_verify_reason r, const char *fmt, va_list ap) {
    char text[320];
    if (c->out_of_fuel) {
        r = HLI_VR_TOO_COMPLEX;
        snprintf(text, sizeof text, "type relations exceed the verifier's work bound");
    } else
        vsnprintf(text, sizeof text, fmt, ap);
    hli_error_raise(c->err, HLFFI_ERROR_VERIFICATION_FAILED, "%s%s [%s]", where, text, reason_ids[r]);
    return false;
}

bool hli_vfail_op(hli_vctx *c, hli_verify_reason r, const char *fmt, ...) {
    char name[128], where[200];
    hli_verify_function_name(c->m, c->f->findex, name, sizeof name);
    snprintf(where, sizeof where, "%s@%u %s: ", name, (unsigned)c->pc, hli_opcode_name(c->cur_op));
    va_list ap;
    va_start(ap, fmt);
    vfail(c, where, r, fmt, ap);
    va_end(ap);
    return false;
}

bool hli_vfail_fun(hli_vctx *c, hli_verify_reason r, const char *fmt, ...) {
    char name[128], where[200];
    hli_verify_function_name(c->m, c->f->findex, name, sizeof name);
    snprintf(where, sizeof where, "%s: ", name);
    va_list ap;
    va_start(ap, fmt);
    vfail(c, where, r, fmt, ap);
    va_end(ap);
    return false;
}

bool hli_vfail_module(hli_vctx *c, hli_verify_reason r, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vfail(c, "", r, fmt, ap);
    va_end(ap);
    return false;
}

/* ---- Functions ------------------------------------------------------------------------------- */

/* Register types and the signature: the first nargs registers have exactly the argument types. */
static bool check_signature(hli_vctx *c) {
    const hli_function *f = c->f;
    const hli_type_fun *ft = f->type->u.fun;
    char b1[HLI_VT_STR], b2[HLI_VT_STR];
    if (f->nregs < ft->nargs)
        return hli_vfail_fun(c, HLI_VR_SIG_NREGS, "%u registers for %u arguments", (unsigned)f->nregs,
                             (unsigned)ft->nargs);
    for (uint32_t i = 0; i < f->nregs; i++) {
        hli_kind k = f->regs[i]->kind;
        if (k == HMETHOD || k == HPACKED)
            return hli_vfail_fun(c, HLI_VR_REG_TYPE, "register r%u has type %s of kind %s", (unsigned)i,
                                 hli_vt_str(c, f->regs[i], b1), hli_kind_name(k));
    }
    for (uint32_t i = 0; i < ft->nargs; i++)
        if (!hli_vt_same(c, f->regs[i], ft->args[i]))
            return hli_vfail_fun(c, HLI_VR_SIG_ARG_TYPE, "argument register r%u is %s, the function type says %s",
                                 (unsigned)i, hli_vt_str(c, f->regs[i], b1), hli_vt_str(c, ft->args[i], b2));
    return true;
}

/* Verifies c->f: signature, each op's operands in order (recording where each op starts), then the
 * control flow. */
static bool check_function(hli_vctx *c) {
    const hli_function *f = c->f;
    c->nargs = f->type->u.fun->nargs;
    if (!check_signature(c))
        return false;
    if (f->nops == 0)
        return hli_vfail_fun(c, HLI_VR_FALL_OFF, "the function has no ops");
    uint32_t at = f->code_offset;
    for (uint32_t pc = 0; pc < f->nops; pc++) {
        uint32_t start = at;
        at = hli_vdecode(c->m, at, &c->vop);
        hli_opcode op = c->vop.o.op;
        c->pc = pc;
        c->cur_op = op;
        if (!hli_verify_op(c, &c->vop))
            return false;
        uint32_t flow = HLI_VFLOW_NEXT;
        if (op == OThrow || op == ORethrow || op == OAssert)
            flow = HLI_VFLOW_END;
        else if ((op >= OJTrue && op <= OJAlways) || op == OSwitch || op == OTrap || op == OEndTrap || op == ORet)
            flow = HLI_VFLOW_DECODE;
        c->offsets[pc] = start | flow << HLI_VFLOW_SHIFT;
    }
    if (!hli_verify_flow(c))
        return false;
    if (c->out_of_fuel) /* a relation gave up but its answer did not reject: reject here */
        return hli_vfail_fun(c, HLI_VR_TOO_COMPLEX, "work bound exceeded");
    return true;
}

/* Runs the class checks with their temporary bitmap (one bit per string, for class names). */
static hlffi_error_code verify_classes(hli_vctx *c, hli_mem *mem, size_t budget) {
    size_t size = ((size_t)c->m->nstrings + 8) / 8;
    if (budget != 0 && size > budget)
        return hli_error_raise(c->err, HLFFI_ERROR_OUT_OF_MEMORY,
                               "verifier: %zu bytes of temporary memory for the class checks, over the budget of %zu",
                               size, budget);
    uint8_t *seen = hli_mem_alloc(mem, size);
    if (seen == NULL)
        return hli_error_raise(c->err, HLFFI_ERROR_OUT_OF_MEMORY, "verifier: out of memory (%zu bytes)", size);
    bool ok = hli_verify_classes(c, seen);
    hli_mem_free(mem, seen, size);
    return ok ? HLFFI_OK : HLFFI_ERROR_VERIFICATION_FAILED;
}

/* Verifies every function with buffers sized for the largest one: each op's image offset and flow
 * class, its trap depth and a worklist of pcs, 10 bytes per op (the decode buffer for one op lives in
 * the context). */
static hlffi_error_code verify_functions(hli_vctx *c, hli_mem *mem, size_t budget, hli_verify_stats *st) {
    const hli_module *m = c->m;
    uint32_t max_ops = 0, big = 0;
    for (uint32_t i = 0; i < m->nfunctions; i++)
        if (m->functions[i].nops > max_ops)
            max_ops = m->functions[i].nops, big = i;
    size_t n = (size_t)max_ops + 1;
    size_t need = n * (sizeof(uint32_t) + sizeof(uint16_t) + sizeof(uint32_t));
    st->temp_bytes = need;
    if (budget != 0 && need > budget) {
        char name[128];
        return hli_error_raise(c->err, HLFFI_ERROR_OUT_OF_MEMORY,
                               "verifier: function %s (%u ops) needs %zu bytes of temporary memory, "
                               "over the budget of %zu",
                               hli_verify_function_name(m, m->functions[big].findex, name, sizeof name),
                               (unsigned)max_ops, need, budget);
    }
    c->offsets = hli_mem_array(mem, n, sizeof(uint32_t));
    c->depth = hli_mem_array(mem, n, sizeof(uint16_t));
    c->work = hli_mem_array(mem, n, sizeof(uint32_t));
    hlffi_error_code rc = HLFFI_OK;
    if (c->offsets == NULL || c->depth == NULL || c->work == NULL)
        rc = hli_error_raise(c->err, HLFFI_ERROR_OUT_OF_MEMORY, "verifier: out of memory (%zu bytes)", need);
    for (uint32_t i = 0; rc == HLFFI_OK && i < m->nfunctions; i++) {
        c->f = &m->functions[i];
        c->pc = 0;
        int64_t before = c->fuel;
        if (!check_function(c)) {
            rc = HLFFI_ERROR_VERIFICATION_FAILED;
            break;
        }
        if (before - c->fuel > c->fuel_used_max)
            c->fuel_used_max = before - c->fuel;
        st->functions++;
        st->ops += c->f->nops;
    }
    hli_mem_free(mem, c->offsets, n * sizeof(uint32_t));
    hli_mem_free(mem, c->depth, n * sizeof(uint16_t));
    hli_mem_free(mem, c->work, n * sizeof(uint32_t));
    c->offsets = c->work = NULL;
    c->depth = NULL;
    return rc;
}

hlffi_error_code hli_verify_module_stats(const hli_module *m, hli_mem *mem, size_t budget, hli_error *err,
                                         hli_verify_stats *stats) {
    hli_vctx c;
    memset(&c, 0, sizeof c);
    c.m = m;
    c.err = err;
    int64_t limit = (int64_t)m->image_size * HLI_VERIFY_FUEL_PER_BYTE + HLI_VERIFY_FUEL_BASE;
    c.fuel = limit;
    hli_verify_stats st;
    memset(&st, 0, sizeof st);
    st.fuel_limit = (uint64_t)limit;
    hlffi_error_code rc = verify_classes(&c, mem, budget);
    if (rc == HLFFI_OK)
        rc = verify_functions(&c, mem, budget, &st);
    st.fuel_used = (uint64_t)(limit - (c.fuel < 0 ? 0 : c.fuel));
    if (stats != NULL)
        *stats = st;
    return rc;
}

hlffi_error_code hli_verify_module(const hli_module *m, hli_mem *mem, size_t budget, hli_error *err) {
    return hli_verify_module_stats(m, mem, budget, err, NULL);
}
