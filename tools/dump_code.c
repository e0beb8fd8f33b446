/* `hlffi dump`, the functions part: readable function names (hl-spec.md 7.3) and the listing of each
 * function's registers and ops. Op lines are "pc: OpName tok tok ..." with every operand token being
 * a role prefix and the raw value (jumps as absolute targets); annotations follow after "; ". */
#include <stdlib.h>
#include <string.h>

#include "dump.h"

/* Column where the "; ..." annotation of an op line starts. */
#define DUMP_NOTE_COL 44
/* Longest string constant shown in an annotation (bytes). */
#define DUMP_NOTE_STR 60

/* ---- names -------------------------------------------------------------------------------------- */

static bool is_bytecode(const hli_module *m, int64_t f) {
    return f >= 0 && f < (int64_t)m->nfunctions + m->nnatives && !m->findexes[f].is_native;
}

static bool is_named(const dump_fname *n) {
    return n->owner != NULL || n->is_init;
}

/* Owner assignment as the reference runtime does it at module init (hl-spec.md 7.3): protos and
 * bindings of function-typed fields name methods; then, in file order, every function that has an
 * owner (directly or through its parent) gives the bytecode functions it calls or closes over without
 * an owner that owner as parent, numbering them per owner (the last assignment wins). */
bool dump_names_init(dump_ctx *c) {
    const hli_module *m = c->m;
    uint32_t nf = m->nfunctions + m->nnatives;
    c->fnames = calloc(nf > 0 ? nf : 1, sizeof(dump_fname));
    if (c->fnames == NULL)
        return false;
    for (uint32_t i = 0; i < nf; i++) {
        c->fnames[i].field = -1;
        c->fnames[i].parent = -1;
    }
    for (uint32_t i = 0; i < m->ntypes; i++) {
        const hli_type *t = &m->types[i];
        if (t->kind != HOBJ && t->kind != HSTRUCT)
            continue;
        const hli_type_obj *o = t->u.obj;
        for (uint32_t k = 0; k < o->nproto; k++)
            if (is_bytecode(m, o->proto[k].findex)) {
                c->fnames[o->proto[k].findex].owner = t;
                c->fnames[o->proto[k].findex].field = (int32_t)o->proto[k].name;
            }
        for (uint32_t k = 0; k < o->nbindings; k++) {
            const hli_field *f = hli_obj_field(t, o->bindings[k].field);
            uint32_t fx = o->bindings[k].findex;
            if (f != NULL && (f->type->kind == HFUN || f->type->kind == HDYN) && is_bytecode(m, fx)) {
                c->fnames[fx].owner = t;
                c->fnames[fx].field = (int32_t)f->name;
            }
        }
    }
    if (is_bytecode(m, m->entrypoint) && c->fnames[m->entrypoint].owner == NULL)
        c->fnames[m->entrypoint].is_init = true;
    uint32_t maxops = 0, maxextra = 0;
    for (uint32_t i = 0; i < m->nfunctions; i++) {
        if (m->functions[i].nops > maxops)
            maxops = m->functions[i].nops;
        if (m->functions[i].nextra > maxextra)
            maxextra = m->functions[i].nextra;
    }
    hli_op *ops = malloc(sizeof(hli_op) * (maxops + 1));
    int32_t *extra = malloc(sizeof(int32_t) * (maxextra + 1));
    if (ops == NULL || extra == NULL) {
        free(ops);
        free(extra);
        return false;
    }
    for (uint32_t i = 0; i < m->nfunctions; i++) {
        const hli_function *f = &m->functions[i];
        int64_t r = f->findex;
        if (!is_named(&c->fnames[r]))
            r = c->fnames[r].parent;
        if (r < 0)
            continue;
        hli_function_decode(m, f, ops, extra);
        for (uint32_t k = 0; k < f->nops; k++) {
            hli_opcode op = ops[k].op;
            if (!((op >= OCall0 && op <= OCallN) || op == OStaticClosure || op == OInstanceClosure))
                continue;
            int32_t target = ops[k].p2;
            if (!is_bytecode(m, target) || is_named(&c->fnames[target]))
                continue;
            c->fnames[target].parent = (int32_t)r;
            c->fnames[target].n = c->fnames[r].counter++;
        }
    }
    free(ops);
    free(extra);
    return true;
}

static void put_name_str(dump_ctx *c, dump_out *o, int64_t s) {
    if (s < 0 || s >= c->m->nstrings) {
        dump_puts(o, "?");
        return;
    }
    uint32_t len;
    const char *p = hli_module_string(c->m, (uint32_t)s, &len);
    dump_escaped(o, p, len);
}

/* "Owner.field" of a named function (".init" for the entry point). */
static void put_owner(dump_ctx *c, dump_out *o, const dump_fname *n, bool anon) {
    if (n->owner != NULL)
        put_name_str(c, o, n->owner->u.obj->name);
    dump_puts(o, anon ? ".~" : ".");
    if (n->owner != NULL)
        put_name_str(c, o, n->field);
    else
        dump_puts(o, "init");
}

void dump_fun_name(dump_ctx *c, dump_out *o, uint32_t f) {
    const hli_module *m = c->m;
    if (f >= m->nfunctions + m->nnatives) {
        dump_puts(o, "?");
        return;
    }
    if (m->findexes[f].is_native) {
        const hli_native *n = &m->natives[m->findexes[f].index];
        dump_puts(o, "native ");
        put_name_str(c, o, n->lib);
        dump_puts(o, ".");
        put_name_str(c, o, n->name);
        return;
    }
    const dump_fname *n = &c->fnames[f];
    if (is_named(n))
        put_owner(c, o, n, false);
    else if (n->parent >= 0) {
        put_owner(c, o, &c->fnames[n->parent], true);
        dump_printf(o, ".%u", n->n);
    } else
        dump_printf(o, "fun@%u", f);
}

/* ---- op listing --------------------------------------------------------------------------------- */

/* Operand roles of the fixed-form opcodes, one letter per operand in file order:
 * r register, i ints index, d floats index, s strings index, b bytes index (OBytes, chosen by version),
 * f findex, g global, t type, # field/slot/construct/parameter index, k literal, j jump offset. */
static const char *op_roles(hli_opcode op) {
    switch (op) {
    case OInt: return "ri";
    case OFloat: return "rd";
    case OBool: return "rk";
    case OBytes: return "rb";
    case OString: return "rs";
    case ONull:
    case OIncr:
    case ODecr:
    case ORet:
    case OThrow:
    case ORethrow:
    case ONullCheck:
    case ONew: return "r";
    case OCall0:
    case OStaticClosure: return "rf";
    case OCall1: return "rfr";
    case OCall2: return "rfrr";
    case OCall3: return "rfrrr";
    case OCall4: return "rfrrrr";
    case OInstanceClosure: return "rfr";
    case OVirtualClosure:
    case OField: return "rr#";
    case OGetGlobal: return "rg";
    case OSetGlobal: return "gr";
    case OSetField: return "r#r";
    case OGetThis: return "r#";
    case OSetThis: return "#r";
    case ODynGet: return "rrs";
    case ODynSet: return "rsr";
    case OJTrue:
    case OJFalse:
    case OJNull:
    case OJNotNull:
    case OTrap: return "rj";
    case OJSLt:
    case OJSGte:
    case OJSGt:
    case OJSLte:
    case OJULt:
    case OJUGte:
    case OJNotLt:
    case OJNotGte:
    case OJEq:
    case OJNotEq: return "rrj";
    case OJAlways: return "j";
    case OLabel:
    case OAssert:
    case ONop: return "";
    case OEndTrap: return "k";
    case OType: return "rt";
    case OEnumAlloc: return "r#";
    case OEnumField: return "rr##";
    case OSetEnumField: return "r#r";
    case OPrefetch: return "r#k";
    case OAsm: return "kkk";
    case OCatch: return "g";
    default: break;
    }
    int enc = hli_opcode_encoding(op);
    return enc == 1 ? "r" : enc == 2 ? "rr" : "rrr"; /* moves, arithmetic, conversions, memory */
}

static void put_token(dump_out *o, char role, int32_t v, uint32_t pc) {
    switch (role) {
    case 'k': dump_printf(o, " %d", (int)v); break;
    case 'j': dump_printf(o, " ->%lld", (long long)pc + 1 + v); break;
    default: dump_printf(o, " %c%d", role, (int)v); break;
    }
}

typedef struct fn_state {
    const hli_function *f;
    const hli_op *op;
    uint32_t pc;
    bool noted; /* the "; " of the annotation is written */
} fn_state;

/* Starts (or continues) the annotation of the current op line. */
static void note(dump_ctx *c, fn_state *s) {
    if (!s->noted) {
        dump_pad(c->out, DUMP_NOTE_COL);
        dump_puts(c->out, "; ");
        s->noted = true;
    } else
        dump_puts(c->out, "  ");
}

static const hli_type *reg_type(const fn_state *s, int32_t r) {
    return r >= 0 && (uint32_t)r < s->f->nregs ? s->f->regs[r] : NULL;
}

static void note_fun(dump_ctx *c, fn_state *s, int32_t f) {
    note(c, s);
    if (f < 0)
        dump_puts(c->out, "?");
    else
        dump_fun_name(c, c->out, (uint32_t)f);
}

static void note_string(dump_ctx *c, fn_state *s, int32_t i) {
    note(c, s);
    if (i < 0)
        dump_puts(c->out, "?");
    else
        dump_string(c, (uint32_t)i, DUMP_NOTE_STR);
}

static void note_type(dump_ctx *c, fn_state *s, const hli_type *t) {
    if (t == NULL)
        return;
    note(c, s);
    dump_puts(c->out, dump_type_str(c, t));
}

/* A global: the text of the String constant it holds, else its type. */
static void note_global(dump_ctx *c, fn_state *s, int32_t g) {
    const hli_module *m = c->m;
    if (g < 0 || (uint32_t)g >= m->nglobals)
        return;
    int32_t k = c->global_const[g];
    const hli_type *t = m->globals[g];
    if (k >= 0 && t->kind == HOBJ && m->constants[k].nfields == 2) {
        const hli_field *f0 = hli_obj_field(t, 0);
        if (f0 != NULL && f0->type->kind == HBYTES) {
            note_string(c, s, (int32_t)m->constants[k].fields[0]);
            return;
        }
    }
    note_type(c, s, t);
}

/* The name of field fid of a value of type t (object: absolute index; virtual: field position). */
static void note_field(dump_ctx *c, fn_state *s, const hli_type *t, int32_t fid) {
    if (t == NULL || fid < 0)
        return;
    const hli_field *f = NULL;
    if (t->kind == HOBJ || t->kind == HSTRUCT)
        f = hli_obj_field(t, (uint32_t)fid);
    else if (t->kind == HVIRTUAL && (uint32_t)fid < t->u.virt->nfields)
        f = &t->u.virt->fields[fid];
    if (f == NULL)
        return;
    note(c, s);
    dump_puts(c->out, ".");
    put_name_str(c, c->out, f->name);
}

/* The method in virtual slot `slot` of a value of type t: the statically known implementation for
 * objects, the field name for virtuals. */
static void note_method(dump_ctx *c, fn_state *s, const hli_type *t, int32_t slot) {
    if (t == NULL || slot < 0)
        return;
    if (t->kind == HOBJ || t->kind == HSTRUCT) {
        const hli_proto *p = hli_obj_proto_by_slot(t, slot);
        if (p != NULL)
            note_fun(c, s, (int32_t)p->findex);
    } else
        note_field(c, s, t, slot);
}

/* Construct k of the enum type t, with ".p<param>" when param >= 0. */
static void note_construct(dump_ctx *c, fn_state *s, const hli_type *t, int32_t k, int32_t param) {
    if (t == NULL || t->kind != HENUM || k < 0 || (uint32_t)k >= t->u.tenum->nconstructs)
        return;
    note(c, s);
    put_name_str(c, c->out, t->u.tenum->constructs[k].name);
    if (param >= 0)
        dump_printf(c->out, ".p%d", (int)param);
}

static void note_bytes(dump_ctx *c, fn_state *s, int32_t i) {
    const hli_module *m = c->m;
    if (m->version < 5) {
        note_string(c, s, i);
        return;
    }
    if (i < 0 || (uint32_t)i >= m->nbytes)
        return;
    note(c, s);
    dump_quoted(c->out, (const char *)m->image + m->bytes_offset + m->bytes_pos[i], c->bytes_len[i],
                DUMP_NOTE_STR, true);
}

/* What the operands of one op refer to, after its position. */
static void annotate(dump_ctx *c, fn_state *s) {
    const hli_module *m = c->m;
    const hli_op *o = s->op;
    switch (o->op) {
    case OInt:
        if (o->p2 >= 0 && (uint32_t)o->p2 < m->nints) {
            note(c, s);
            dump_printf(c->out, "%d", (int)m->ints[o->p2]);
        }
        break;
    case OFloat:
        if (o->p2 >= 0 && (uint32_t)o->p2 < m->nfloats) {
            note(c, s);
            dump_double(c->out, m->floats[o->p2]);
        }
        break;
    case OBytes: note_bytes(c, s, o->p2); break;
    case OString:
    case ODynSet: note_string(c, s, o->p2); break;
    case ODynGet: note_string(c, s, o->p3); break;
    case OCall0:
    case OCall1:
    case OCall2:
    case OCall3:
    case OCall4:
    case OCallN:
    case OStaticClosure:
    case OInstanceClosure: note_fun(c, s, o->p2); break;
    case OCallMethod:
        if (o->p3 > 0)
            note_method(c, s, reg_type(s, o->extra[0]), o->p2);
        break;
    case OCallThis: note_method(c, s, reg_type(s, 0), o->p2); break;
    case OVirtualClosure: note_method(c, s, reg_type(s, o->p2), o->p3); break;
    case OGetGlobal: note_global(c, s, o->p2); break;
    case OSetGlobal:
    case OCatch: note_global(c, s, o->p1); break;
    case OField: note_field(c, s, reg_type(s, o->p2), o->p3); break;
    case OSetField: note_field(c, s, reg_type(s, o->p1), o->p2); break;
    case OGetThis: note_field(c, s, reg_type(s, 0), o->p2); break;
    case OSetThis: note_field(c, s, reg_type(s, 0), o->p1); break;
    case OMakeEnum:
    case OEnumAlloc: note_construct(c, s, reg_type(s, o->p1), o->p2, -1); break;
    case OEnumField: note_construct(c, s, reg_type(s, o->p2), o->p3, o->extra[0]); break;
    case OSetEnumField: note_construct(c, s, reg_type(s, o->p1), 0, o->p2); break;
    case OType:
        if (o->p2 >= 0 && (uint32_t)o->p2 < m->ntypes)
            note_type(c, s, &m->types[o->p2]);
        break;
    case ONew:
    case OToDyn:
    case OSafeCast:
    case OUnsafeCast:
    case OToVirtual: note_type(c, s, reg_type(s, o->p1)); break;
    default: break;
    }
}

/* The core of an op line: "pc: OpName" and its operand tokens in file order. */
static void put_op_core(dump_ctx *c, const hli_op *o, uint32_t pc) {
    dump_out *out = c->out;
    dump_printf(out, "%6u: %s", pc, hli_opcode_name(o->op));
    int enc = hli_opcode_encoding(o->op);
    if (enc == HLI_ENC_SWITCH) {
        put_token(out, 'r', o->p1, pc);
        for (int32_t k = 0; k < o->p2; k++)
            put_token(out, 'j', o->extra[k], pc);
        dump_printf(out, " end->%lld", (long long)pc + 1 + o->p3);
        return;
    }
    if (enc == HLI_ENC_VAR) {
        put_token(out, 'r', o->p1, pc);
        char role2 = o->op == OCallN ? 'f' : o->op == OCallClosure ? 'r' : '#';
        put_token(out, role2, o->p2, pc);
        for (int32_t k = 0; k < o->p3; k++)
            put_token(out, 'r', o->extra[k], pc);
        return;
    }
    const char *roles = op_roles(o->op);
    for (int k = 0; roles[k] != 0; k++) {
        char role = roles[k];
        if (role == 'b' && c->m->version < 5)
            role = 's';
        int32_t v = k == 0 ? o->p1 : k == 1 ? o->p2 : k == 2 ? o->p3 : o->extra[k - 3];
        put_token(out, role, v, pc);
    }
}

/* A vi (hl-spec.md 1.1) from the module image; the loader checked the encoding. */
static int32_t read_vi(const uint8_t **p) {
    const uint8_t *b = *p;
    if ((b[0] & 0x80) == 0) {
        *p = b + 1;
        return b[0];
    }
    if ((b[0] & 0x40) == 0) {
        int32_t v = (int32_t)((b[0] & 0x1F) << 8 | b[1]);
        *p = b + 2;
        return (b[0] & 0x20) ? -v : v;
    }
    int32_t v = (int32_t)((uint32_t)(b[0] & 0x1F) << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3]);
    *p = b + 4;
    return (b[0] & 0x20) ? -v : v;
}

/* Debug variable names (version >= 3): "name@op" from the op where it holds its value, "name@rN" for a
 * variable captured in register N's environment (hl-spec.md 1.10). */
static void dump_assigns(dump_ctx *c, const hli_function *f) {
    if (f->nassigns == 0)
        return;
    dump_out *o = c->out;
    const uint8_t *p = c->m->image + f->assigns_offset;
    dump_puts(o, "  assigns:");
    for (uint32_t i = 0; i < f->nassigns; i++) {
        int32_t name = read_vi(&p), pos = read_vi(&p);
        dump_puts(o, " ");
        put_name_str(c, o, name);
        if (pos < 0)
            dump_printf(o, "@r%lld", -(long long)pos - 1);
        else
            dump_printf(o, "@%d", (int)pos);
    }
    dump_puts(o, "\n");
}

void dump_functions(dump_ctx *c) {
    const hli_module *m = c->m;
    dump_out *out = c->out;
    uint32_t maxops = 0, maxextra = 0;
    for (uint32_t i = 0; i < m->nfunctions; i++) {
        if (m->functions[i].nops > maxops)
            maxops = m->functions[i].nops;
        if (m->functions[i].nextra > maxextra)
            maxextra = m->functions[i].nextra;
    }
    hli_op *ops = malloc(sizeof(hli_op) * (maxops + 1));
    int32_t *extra = malloc(sizeof(int32_t) * (maxextra + 1));
    uint32_t *files = malloc(sizeof(uint32_t) * (maxops + 1));
    uint32_t *lines = malloc(sizeof(uint32_t) * (maxops + 1));
    if (ops == NULL || extra == NULL || files == NULL || lines == NULL) {
        out->failed = true;
        goto done;
    }
    dump_printf(out, "\n== functions (%u)\n", m->nfunctions);
    for (uint32_t i = 0; i < m->nfunctions && !out->failed; i++) {
        const hli_function *f = &m->functions[i];
        dump_printf(out, "\nfn f%u ", f->findex);
        dump_fun_name(c, out, f->findex);
        dump_printf(out, " t%u %s (function %u: %u regs, %u ops, code @%u)\n", f->type->index,
                    dump_type_str(c, f->type), i, f->nregs, f->nops, f->code_offset);
        for (uint32_t r = 0; r < f->nregs; r++)
            dump_printf(out, "  r%u: t%u %s\n", r, f->regs[r]->index, dump_type_str(c, f->regs[r]));
        hli_function_decode(m, f, ops, extra);
        hli_function_debug_lines(m, f, files, lines);
        fn_state s = {f, NULL, 0, false};
        for (uint32_t pc = 0; pc < f->nops; pc++) {
            s.op = &ops[pc];
            s.pc = pc;
            s.noted = false;
            put_op_core(c, s.op, pc);
            if (m->has_debug) {
                note(c, &s);
                const char *file = hli_module_debugfile(m, files[pc]);
                dump_escaped(out, file, m->debugfile_offsets[files[pc] + 1] - m->debugfile_offsets[files[pc]] - 1);
                dump_printf(out, ":%u", lines[pc]);
            }
            annotate(c, &s);
            dump_puts(out, "\n");
        }
        dump_assigns(c, f);
    }
done:
    free(ops);
    free(extra);
    free(files);
    free(lines);
}
