/* hlb_sample: one module that uses every feature of the file format (every type kind, every operand
 * encoding, every debug-line form, 1-, 2- and 4-byte varints), for round-trip tests and as a fuzzing
 * seed. It is structurally valid (the loader accepts it) but its code is not meant to verify. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hlbuilder.h"

/* One op of every opcode 0..OLast-1 with small operands (registers 0..2, table index 0..2, jump
 * offsets that stay inside the function). */
static void emit_every_opcode(hlb_builder *b, int32_t f, bool v5) {
    static const int32_t three[3] = {0, 1, 2};
    (void)v5;
    for (int op = 0; op < OLast; op++) {
        hlb_pos(b, f, (uint32_t)(op % 3 == 0 ? 1 : 0), 10 + (uint32_t)op / 4);
        switch (op) {
        case OCall2: case OEnumField:
            hlb_emit_ext(b, f, op, 0, 1, 2, 1, three + 2);
            break;
        case OCall3:
            hlb_emit_ext(b, f, op, 0, 1, 2, 2, three + 1);
            break;
        case OCall4:
            hlb_emit_ext(b, f, op, 0, 1, 2, 3, three);
            break;
        case OCallN: case OCallMethod: case OCallThis: case OCallClosure: case OMakeEnum:
            hlb_emit_ext(b, f, op, 1, 0, 0, 3, three);
            break;
        case OSwitch:
            hlb_emit_switch(b, f, 1, 3, three, 2);
            break;
        case OJAlways:
            hlb_emit(b, f, op, -3, 0, 0); /* a negative operand: the 2-byte form */
            break;
        case OInt:
            hlb_emit(b, f, op, 0, 140, 0); /* ints index 140: 2 bytes */
            break;
        case OString:
            hlb_emit(b, f, op, 0, 150, 0);
            break;
        default:
            hlb_emit(b, f, op, 2, 1, 0);
            break;
        }
    }
}

hlb_builder *hlb_sample(int version, bool debug) {
    hlb_std s;
    hlb_builder *b = hlb_minimal(version, debug, &s);

    /* Numbers: enough ints for 2-byte indexes, and the float edge cases. */
    int32_t special[] = {0, -1, 1, INT32_MIN, INT32_MAX, 127, 128, 0x1FFF, 0x2000};
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
        hlb_int(b, special[i]);
    for (int i = 0; i < 150; i++)
        hlb_int(b, 1000 + i);
    hlb_float(b, 0.0);
    hlb_float(b, -0.0);
    hlb_float(b, 1.5);
    hlb_float(b, -1e300);
    hlb_float(b, INFINITY);
    hlb_float(b, NAN);

    /* Strings: ASCII, UTF-8 of 2, 3 and 4 bytes, an empty one, and enough for 2-byte indexes. */
    hlb_string(b, "");
    hlb_string(b, "h\xC3\xA9llo \xE2\x82\xAC");   /* "héllo €" */
    hlb_string(b, "\xF0\x9F\x98\x80 smile");     /* U+1F600 */
    char name[32];
    for (int i = 0; i < 200; i++) {
        snprintf(name, sizeof name, "s%d", i);
        hlb_string(b, name);
    }
    /* A string of 200 bytes: its length is a 2-byte varint. */
    char longs[201];
    memset(longs, 'x', 200);
    longs[200] = 0;
    hlb_string(b, longs);

    if (version >= 5) {
        hlb_bytes(b, "abc", 3);
        hlb_bytes(b, "", 0);
        hlb_bytes(b, "\0\1\2\3", 4);
    }

    /* Debug files: 300, so that file indexes above 255 use the high bits of the file-change byte. */
    for (int i = 1; i < 300; i++) {
        snprintf(name, sizeof name, "src/F%d.hx", i);
        hlb_debug_file(b, name);
    }

    /* Types of every kind. */
    int32_t tfun2 = hlb_type_fun(b, s.ti32, 2, s.ti32, s.tf64);
    int32_t tmeth = hlb_type_method(b, s.tvoid, 1, s.tdyn);
    int32_t tstring = hlb_type_obj(b, "String", -1, 0);
    hlb_obj_field(b, tstring, "bytes", s.tbytes);
    hlb_obj_field(b, tstring, "length", s.ti32);
    int32_t tbase = hlb_type_obj(b, "pkg.Base", -1, 0);
    hlb_obj_field(b, tbase, "x", s.ti32);
    int32_t tderived = hlb_type_obj(b, "pkg.Derived", tbase, 0);
    hlb_obj_field(b, tderived, "y", s.tf64);
    hlb_obj_field(b, tderived, "cb", tfun2);
    int32_t tvec = hlb_type_struct(b, "Vec", -1, 0);
    hlb_obj_field(b, tvec, "x", s.tf32);
    hlb_obj_field(b, tvec, "y", s.tf32);
    int32_t tvirt = hlb_type_virtual(b, 2, "a", s.ti32, "b", s.tdyn);
    int32_t tabs = hlb_type_abstract(b, "hl_fdesc");
    int32_t tenum = hlb_type_enum(b, "Color", 0);
    hlb_enum_construct(b, tenum, "Red", 0);
    hlb_enum_construct(b, tenum, "Rgb", 3, s.ti32, s.ti32, s.ti32);
    int32_t tref = hlb_type_ref(b, s.ti32);
    int32_t tnull = hlb_type_null(b, s.ti32);
    int32_t tpacked = hlb_type_packed(b, tvec);
    int32_t tguid = hlb_type_basic(b, HGUID);
    int32_t tprint = hlb_type_fun(b, s.tvoid, 1, s.tbytes);
    /* A type referring forward to a later type. */
    int32_t tfwd = hlb_type_new(b, HNULL);
    int32_t tlater = hlb_type_obj(b, "Later", -1, 0);
    hlb_type_at(b, tfwd)->tparam = tlater;
    (void)tmeth; (void)tvirt; (void)tabs; (void)tref; (void)tnull; (void)tpacked; (void)tguid;

    /* Globals: the enum's, a class global, and the string constants (v >= 4). */
    int32_t genum = hlb_global(b, s.ttype);
    hlb_type_at(b, tenum)->global = genum + 1;
    int32_t gclass = hlb_global(b, tderived);
    hlb_type_at(b, tbase)->global = gclass + 1;
    if (version >= 4) {
        hlb_string_constant(b, tstring, "hello");
        hlb_string_constant(b, tstring, "h\xC3\xA9llo \xE2\x82\xAC");
        hlb_string_constant(b, tstring, "\xF0\x9F\x98\x80 smile");
    }

    /* Natives, with findexes interleaved with the functions'. */
    hlb_add_native(b, "std", "sys_print", tprint, HLB_AUTO);

    /* A function with every opcode. */
    int32_t fall = hlb_add_function(b, tfun2, HLB_AUTO, 4, s.ti32, s.tf64, s.tdyn, tderived);
    emit_every_opcode(b, fall, version >= 5);
    hlb_assign_add(b, fall, "x", 1);
    hlb_assign_add(b, fall, "captured", -2);

    hlb_add_native(b, "?ui", "ui_poll", s.tfun_void, HLB_AUTO);

    /* Debug-line forms: runs longer than 15, run deltas 1..3, deltas up to 31, a delta of 32, a
     * backward jump, the largest line, and files above 255. */
    int32_t flines = hlb_add_function(b, s.tfun_void, HLB_AUTO, 1, s.tvoid);
    uint32_t line = 1;
    for (int i = 0; i < 40; i++)
        hlb_emit(b, flines, ONop, 0, 0, 0);
    static const uint32_t steps[] = {1, 2, 3, 4, 31, 32, 100, 5000};
    for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++) {
        line += steps[k];
        hlb_pos(b, flines, 0, line);
        hlb_emit(b, flines, ONop, 0, 0, 0);
        hlb_emit(b, flines, ONop, 0, 0, 0);
    }
    hlb_pos(b, flines, 0, 3); /* backward */
    hlb_emit(b, flines, ONop, 0, 0, 0);
    hlb_pos(b, flines, 257, 3);
    hlb_emit(b, flines, ONop, 0, 0, 0);
    hlb_pos(b, flines, 299, (1u << 21) - 1);
    hlb_emit(b, flines, ONop, 0, 0, 0);
    hlb_pos(b, flines, 128, 0);
    hlb_emit(b, flines, ORet, 0, 0, 0);
    hlb_assign_add(b, flines, "s0", 41);

    /* Members that need findexes. */
    int32_t fmeth = hlb_add_function(b, hlb_type_fun(b, s.tvoid, 1, tbase), HLB_AUTO, 1, tbase);
    hlb_emit(b, fmeth, ORet, 0, 0, 0);
    int32_t fm = b->functions[fmeth].findex;
    hlb_obj_proto(b, tbase, "foo", fm, 0);
    hlb_obj_proto(b, tbase, "bar", fm, -1);
    hlb_obj_proto(b, tderived, "foo", fm, 0);
    hlb_obj_binding(b, tderived, 2, b->functions[fall].findex);
    hlb_obj_proto(b, tstring, "toString", fm, -1);

    /* A function with no ops and no registers (legal in the format). */
    hlb_add_function(b, s.tfun_void, HLB_AUTO, 0);
    return b;
}
