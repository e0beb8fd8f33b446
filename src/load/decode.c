/* On-demand decoding of a function's ops and debug lines from the module image. The loader checked
 * both encodings when it read the file, so these walks need no bounds checks and cannot fail. */
#include "load/module.h"
#include "load/vi.h"


void hli_module_decode_sizes(const hli_module *m, uint32_t *max_ops, uint32_t *max_extra) {
    *max_ops = 1, *max_extra = 1; /* never 0: callers allocate these sizes */
    for (uint32_t i = 0; i < m->nfunctions; i++) {
        if (m->functions[i].nops > *max_ops)
            *max_ops = m->functions[i].nops;
        if (m->functions[i].nextra > *max_extra)
            *max_extra = m->functions[i].nextra;
    }
}

void hli_function_decode(const hli_module *m, const hli_function *f, hli_op *ops, int32_t *extra) {
    const uint8_t *p = m->image + f->code_offset;
    int32_t *x = extra;
    for (uint32_t i = 0; i < f->nops; i++) {
        hli_op *o = &ops[i];
        o->op = (hli_opcode)*p++;
        o->p1 = o->p2 = o->p3 = 0;
        o->extra = NULL;
        int enc = hli_opcode_encoding(o->op);
        if (enc >= 0) {
            if (enc >= 1)
                o->p1 = hli_vi_decode(&p);
            if (enc >= 2)
                o->p2 = hli_vi_decode(&p);
            if (enc >= 3)
                o->p3 = hli_vi_decode(&p);
            if (enc > 3) {
                o->extra = x;
                for (int k = 3; k < enc; k++)
                    *x++ = hli_vi_decode(&p);
            }
        } else if (enc == HLI_ENC_VAR) {
            o->p1 = hli_vi_decode(&p);
            o->p2 = hli_vi_decode(&p);
            o->p3 = *p++;
            o->extra = x;
            for (int32_t k = 0; k < o->p3; k++)
                *x++ = hli_vi_decode(&p);
        } else { /* HLI_ENC_SWITCH: the loader rejected negative values */
            o->p1 = hli_vi_decode(&p);
            o->p2 = hli_vi_decode(&p);
            o->extra = x;
            for (int32_t k = 0; k < o->p2; k++)
                *x++ = hli_vi_decode(&p);
            o->p3 = hli_vi_decode(&p);
        }
        if (o->extra == x)
            o->extra = NULL;
    }
}

void hli_function_debug_lines(const hli_module *m, const hli_function *f, uint32_t *files, uint32_t *lines) {
    if (!m->has_debug)
        return;
    const uint8_t *p = m->image + f->debug_offset;
    uint32_t i = 0, file = 0, line = 0;
    while (i < f->nops) {
        uint8_t c = *p++;
        uint32_t count = 1;
        if (c & 1) {
            file = (uint32_t)(c >> 1) << 8 | *p++;
            continue;
        }
        if (c & 2) {
            count = (c >> 2) & 15;
            for (uint32_t k = 0; k < count && i < f->nops; k++, i++) {
                if (files)
                    files[i] = file;
                if (lines)
                    lines[i] = line;
            }
            line += (uint32_t)(c >> 6);
            continue;
        }
        if (c & 4)
            line += (uint32_t)(c >> 3);
        else {
            line = (uint32_t)(c >> 3) | (uint32_t)p[0] << 5 | (uint32_t)p[1] << 13;
            p += 2;
        }
        if (files)
            files[i] = file;
        if (lines)
            lines[i] = line;
        i++;
    }
}
