/* Writes hlb_sample modules (versions 2..5, with and without debug info) to OUTDIR as
 * sample_v<V>_<d|n>.hl, each with a .json description of what was written, for check_hlparse.py to
 * compare against the independent parser shared/tools/hlparse.py.
 * Usage: hlb_dump OUTDIR */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hlbuilder.h"

static void json_string(FILE *f, const uint8_t *s, size_t n) {
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void json_ints(FILE *f, const int32_t *v, uint32_t n) {
    fputc('[', f);
    for (uint32_t i = 0; i < n; i++)
        fprintf(f, "%s%d", i ? "," : "", (int)v[i]);
    fputc(']', f);
}

static void json_double(FILE *f, double d) {
    if (isnan(d))
        fputs("NaN", f);
    else if (isinf(d))
        fputs(d > 0 ? "Infinity" : "-Infinity", f);
    else {
        char buf[64];
        snprintf(buf, sizeof buf, "%.17g", d);
        /* Keep it a float for the reader (-0 would read back as the integer 0). */
        fprintf(f, "%s%s", buf, strpbrk(buf, ".e") ? "" : ".0");
    }
}

/* The op in hlparse.py's tuple form: [name, operands...]; var forms [name, a, b, [args]];
 * OSwitch [name, reg, [offsets], end]. Names are given by number; the script maps them. */
static void json_op(FILE *f, const hlb_op *o) {
    int enc = hli_opcode_encoding((hli_opcode)o->op);
    fprintf(f, "[%d", o->op);
    if (enc == HLI_ENC_VAR) {
        fprintf(f, ",%d,%d,", (int)o->p1, (int)o->p2);
        json_ints(f, o->extra, o->nextra);
    } else if (enc == HLI_ENC_SWITCH) {
        fprintf(f, ",%d,", (int)o->p1);
        json_ints(f, o->extra, o->nextra);
        fprintf(f, ",%d", (int)o->p3);
    } else {
        const int32_t p[3] = {o->p1, o->p2, o->p3};
        for (int i = 0; i < enc; i++)
            fprintf(f, ",%d", (int)(i < 3 ? p[i] : o->extra[i - 3]));
    }
    fputc(']', f);
}

static void dump_json(const hlb_builder *b, FILE *f) {
    fprintf(f, "{\"version\":%d,\"debug\":%d,\"entrypoint\":%d,\n\"ints\":", b->version, b->debug ? 1 : 0,
            (int)b->entrypoint);
    json_ints(f, b->ints, b->nints);
    fputs(",\n\"floats\":[", f);
    for (uint32_t i = 0; i < b->nfloats; i++) {
        if (i)
            fputc(',', f);
        json_double(f, b->floats[i]);
    }
    fputs("],\n\"strings\":[", f);
    for (uint32_t i = 0; i < b->nstrings; i++) {
        if (i)
            fputc(',', f);
        json_string(f, b->strings[i].data, b->strings[i].size);
    }
    fputs("],\n\"debugfiles\":[", f);
    for (uint32_t i = 0; i < b->ndebugfiles; i++) {
        if (i)
            fputc(',', f);
        json_string(f, b->debugfiles[i].data, b->debugfiles[i].size);
    }
    fputs("],\n\"bytes\":[", f);
    for (uint32_t i = 0; b->version >= 5 && i < b->nbytes; i++) {
        fprintf(f, "%s[", i ? "," : "");
        for (size_t k = 0; k < b->bytes[i].size; k++)
            fprintf(f, "%s%u", k ? "," : "", b->bytes[i].data[k]);
        fputc(']', f);
    }
    fputs("],\n\"types\":[", f);
    for (uint32_t i = 0; i < b->ntypes; i++) {
        const hlb_type *t = &b->types[i];
        fprintf(f, "%s\n{\"kind\":%d", i ? "," : "", t->kind);
        switch (t->kind) {
        case HFUN: case HMETHOD:
            fputs(",\"args\":", f);
            json_ints(f, t->args, t->nargs);
            fprintf(f, ",\"ret\":%d", (int)t->ret);
            break;
        case HOBJ: case HSTRUCT:
            fprintf(f, ",\"name\":%d,\"super\":%d,\"global\":%d,\"fields\":[", (int)t->name, (int)t->super,
                    (int)t->global);
            for (uint32_t k = 0; k < t->nfields; k++)
                fprintf(f, "%s[%d,%d]", k ? "," : "", (int)t->fields[k].name, (int)t->fields[k].type);
            fputs("],\"proto\":[", f);
            for (uint32_t k = 0; k < t->nproto; k++)
                fprintf(f, "%s[%d,%d,%d]", k ? "," : "", (int)t->proto[k].name, (int)t->proto[k].findex,
                        (int)t->proto[k].pindex);
            fputs("],\"bindings\":[", f);
            for (uint32_t k = 0; k < t->nbindings; k++)
                fprintf(f, "%s[%d,%d]", k ? "," : "", (int)t->bindings[k].field, (int)t->bindings[k].findex);
            fputc(']', f);
            break;
        case HVIRTUAL:
            fputs(",\"fields\":[", f);
            for (uint32_t k = 0; k < t->nfields; k++)
                fprintf(f, "%s[%d,%d]", k ? "," : "", (int)t->fields[k].name, (int)t->fields[k].type);
            fputc(']', f);
            break;
        case HABSTRACT:
            fprintf(f, ",\"name\":%d", (int)t->name);
            break;
        case HENUM:
            fprintf(f, ",\"name\":%d,\"global\":%d,\"constructs\":[", (int)t->name, (int)t->global);
            for (uint32_t k = 0; k < t->nconstructs; k++) {
                fprintf(f, "%s[%d,", k ? "," : "", (int)t->constructs[k].name);
                json_ints(f, t->constructs[k].params, t->constructs[k].nparams);
                fputc(']', f);
            }
            fputc(']', f);
            break;
        case HREF: case HNULL: case HPACKED:
            fprintf(f, ",\"tparam\":%d", (int)t->tparam);
            break;
        default:
            break;
        }
        fputc('}', f);
    }
    fputs("],\n\"globals\":", f);
    json_ints(f, b->globals, b->nglobals);
    fputs(",\n\"natives\":[", f);
    for (uint32_t i = 0; i < b->nnatives; i++)
        fprintf(f, "%s[%d,%d,%d,%d]", i ? "," : "", (int)b->natives[i].lib, (int)b->natives[i].name,
                (int)b->natives[i].type, (int)b->natives[i].findex);
    fputs("],\n\"functions\":[", f);
    for (uint32_t i = 0; i < b->nfunctions; i++) {
        const hlb_function *fn = &b->functions[i];
        fprintf(f, "%s\n{\"type\":%d,\"findex\":%d,\"regs\":", i ? "," : "", (int)fn->type, (int)fn->findex);
        json_ints(f, fn->regs, fn->nregs);
        fputs(",\"ops\":[", f);
        for (uint32_t k = 0; k < fn->nops; k++) {
            if (k)
                fputc(',', f);
            json_op(f, &fn->ops[k]);
        }
        fputs("],\"debug\":[", f);
        for (uint32_t k = 0; b->debug && k < fn->nops; k++)
            fprintf(f, "%s[%u,%u]", k ? "," : "", fn->ops[k].file, fn->ops[k].line);
        fputs("],\"assigns\":[", f);
        for (uint32_t k = 0; b->debug && b->version >= 3 && k < fn->nassigns; k++)
            fprintf(f, "%s[%d,%d]", k ? "," : "", (int)fn->assigns[k].name, (int)fn->assigns[k].pos);
        fputs("]}", f);
    }
    fputs("],\n\"constants\":[", f);
    for (uint32_t i = 0; b->version >= 4 && i < b->nconstants; i++) {
        fprintf(f, "%s[%d,", i ? "," : "", (int)b->constants[i].global);
        json_ints(f, b->constants[i].fields, b->constants[i].nfields);
        fputc(']', f);
    }
    fputs("]}\n", f);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
        return 2;
    }
    char path[4096];
    for (int version = 2; version <= 5; version++) {
        for (int debug = 0; debug <= 1; debug++) {
            hlb_builder *b = hlb_sample(version, debug != 0);
            snprintf(path, sizeof path, "%s/sample_v%d_%c.hl", argv[1], version, debug ? 'd' : 'n');
            if (!hlb_write_file(b, path))
                return 1;
            snprintf(path, sizeof path, "%s/sample_v%d_%c.json", argv[1], version, debug ? 'd' : 'n');
            FILE *f = fopen(path, "w");
            if (f == NULL) {
                fprintf(stderr, "cannot write %s\n", path);
                return 1;
            }
            dump_json(b, f);
            fclose(f);
            hlb_free(b);
        }
    }
    return 0;
}
