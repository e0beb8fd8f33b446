/* hlbuilder: construct .hl files (hl-spec.md section 1) from C, for loader round-trip tests and for
 * negative tests of the verifier (one small malformed module per rejection reason).
 * Test-support code: allocation failures abort, nothing here is part of the library.
 *
 * A verifier negative test, for example (an OMov between registers of different types):
 *
 *     hlb_std s;
 *     hlb_builder *b = hlb_minimal(4, false, &s);
 *     int32_t f = hlb_add_function(b, s.tfun_void, HLB_AUTO, 3, s.ti32, s.tf64, s.tvoid);
 *     hlb_emit(b, f, OMov, 0, 1, 0);
 *     hlb_emit(b, f, ORet, 2, 0, 0);
 *     hli_error err;
 *     assert(hlb_load_verify(b, &err) == HLFFI_ERROR_VERIFICATION_FAILED);
 *     hlb_free(b);
 *
 * Indexes (types, strings, registers, findexes, ...) are plain int32_t values written as given,
 * never checked: any of them may be out of range on purpose. Functions are referred to by their
 * index in b->functions ("fi"), which is not their findex. */
#ifndef HLB_BUILDER_H
#define HLB_BUILDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "load/module.h" /* hli_kind, hli_opcode (and its operand encodings) */

#ifdef __cplusplus
extern "C" {
#endif

/* Passed as a findex to hlb_add_function / hlb_add_native: take the next unused findex. */
#define HLB_AUTO UINT32_MAX

/* How hlb_write encodes every `vi`/`uvi` (hl-spec.md 1.1). The raw bytes of the format (the opcode
 * byte, HFUN's nargs, the OCallN-family count, the type kind) are never affected. */
typedef enum hlb_varint_mode {
    HLB_VI_SMALLEST = 0, /* as genhl: 1 byte for 0..127, 2 bytes below 0x2000, else 4 bytes */
    HLB_VI_WIDE2,        /* never the 1-byte form: 2 bytes below 0x2000, else 4 bytes */
    HLB_VI_WIDE4         /* always the 4-byte form */
} hlb_varint_mode;

/* The counts of the header, for hlb_set_header_count (which writes a count that disagrees with the
 * tables that follow). */
typedef enum hlb_count {
    HLB_COUNT_INTS, HLB_COUNT_FLOATS, HLB_COUNT_STRINGS, HLB_COUNT_BYTES, HLB_COUNT_TYPES,
    HLB_COUNT_GLOBALS, HLB_COUNT_NATIVES, HLB_COUNT_FUNCTIONS, HLB_COUNT_CONSTANTS,
    HLB_COUNT_DEBUGFILES, HLB_COUNT__N
} hlb_count;

/* A field of an object, struct or virtual. */
typedef struct hlb_field {
    int32_t name; /* string index */
    int32_t type; /* type index */
} hlb_field;

typedef struct hlb_proto {
    int32_t name;   /* string index */
    int32_t findex;
    int32_t pindex; /* virtual slot, -1 = not virtual */
} hlb_proto;

typedef struct hlb_binding {
    int32_t field;  /* absolute field index */
    int32_t findex;
} hlb_binding;

typedef struct hlb_construct {
    int32_t name;     /* string index */
    uint32_t nparams;
    int32_t *params;  /* type indexes */
} hlb_construct;

/* One entry of the type table. Every index is kept as written, unchecked, so a test may set any
 * field to an out-of-range value before hlb_write. */
typedef struct hlb_type {
    int kind;                 /* hli_kind; any byte value is written as is */
    /* HFUN, HMETHOD */
    uint32_t nargs;           /* written as one raw byte (values > 255 are truncated, as genhl would fail) */
    int32_t *args;
    int32_t ret;
    /* HOBJ, HSTRUCT (name also HABSTRACT, HENUM) */
    int32_t name;             /* string index */
    int32_t super;            /* type index, -1 = none */
    int32_t global;           /* 1 + global index, 0 = none (also HENUM) */
    uint32_t nfields;         /* also HVIRTUAL */
    hlb_field *fields;
    uint32_t nproto;
    hlb_proto *proto;
    uint32_t nbindings;
    hlb_binding *bindings;
    /* HENUM */
    uint32_t nconstructs;
    hlb_construct *constructs;
    /* HREF, HNULL, HPACKED */
    int32_t tparam;
} hlb_type;

/* One instruction, with operands in the order of hli_op (module.h):
 *   fixed forms: p1, p2, p3 (unused ones ignored), extra[] = 4th.. operands of OCall2..4/OEnumField;
 *   OCallN/OCallMethod/OCallThis/OCallClosure/OMakeEnum: p1, p2, nextra = n (written as a raw byte), extra;
 *   OSwitch: p1 = register, nextra = n, extra = offsets, p3 = end offset.
 * When raw != NULL the op is written as those bytes instead (any encoding, valid or not). */
typedef struct hlb_op {
    int op;              /* opcode number; numbers >= OLast are written followed by p1 p2 p3 */
    int32_t p1, p2, p3;
    uint32_t nextra;
    int32_t *extra;
    uint8_t *raw;
    size_t raw_size;
    uint32_t file, line; /* debug position (used when the module has debug info) */
} hlb_op;

typedef struct hlb_assign {
    int32_t name; /* string index */
    int32_t pos;  /* as genhl: op index + 1, or -(r+1) for a captured variable */
} hlb_assign;

/* A bytecode function under construction. Ops are appended with hlb_emit and friends. */
typedef struct hlb_function {
    int32_t type;    /* an HFUN type index */
    int32_t findex;
    uint32_t nregs;
    int32_t *regs;   /* type indexes */
    uint32_t nops, cap_ops;
    hlb_op *ops;
    uint32_t cur_file, cur_line; /* debug position given to the next op (hlb_pos) */
    uint32_t nassigns;
    hlb_assign *assigns;
    uint8_t *raw_debug;   /* when set (with raw_debug_size), written instead of the encoded lines */
    size_t raw_debug_size;
} hlb_function;

typedef struct hlb_native {
    int32_t lib, name; /* string indexes */
    int32_t type;      /* HFUN type index */
    int32_t findex;
} hlb_native;

typedef struct hlb_constant {
    int32_t global;
    uint32_t nfields;
    int32_t *fields;
} hlb_constant;

/* A byte string (strings and bytes entries, debug files). */
typedef struct hlb_blob {
    uint8_t *data;
    size_t size;
} hlb_blob;

/* The whole module. Tables are plain arrays that a test may edit directly between the calls below
 * and hlb_write (e.g. b->types[3].super = 99, b->functions[0].findex = 7). Pointers into the
 * tables (hlb_type *, hlb_function *) stay valid only until the next addition to the same table;
 * keep indexes, and use hlb_fn() to get the pointer back. */
typedef struct hlb_builder {
    int version;             /* 2..5 written as is (any byte value is allowed, for negative tests) */
    bool debug;              /* header flag bit 0: debug files, per-op lines, assigns (v >= 3) */
    uint32_t extra_flags;    /* other flag bits to set in the header (normally 0) */
    hlb_varint_mode vi_mode;
    int32_t entrypoint;      /* a findex */
    uint32_t next_findex;    /* the findex HLB_AUTO gives next */

    uint32_t nints, cap_ints;
    int32_t *ints;
    uint32_t nfloats, cap_floats;
    double *floats;
    uint32_t nstrings, cap_strings;
    hlb_blob *strings;
    uint32_t nbytes, cap_bytes;
    hlb_blob *bytes;
    uint32_t ndebugfiles, cap_debugfiles;
    hlb_blob *debugfiles;
    uint32_t ntypes, cap_types;
    hlb_type *types;
    uint32_t nglobals, cap_globals;
    int32_t *globals;
    uint32_t nnatives, cap_natives;
    hlb_native *natives;
    uint32_t nfunctions, cap_functions;
    hlb_function *functions;
    uint32_t nconstants, cap_constants;
    hlb_constant *constants;

    bool count_override[HLB_COUNT__N]; /* set by hlb_set_header_count */
    uint32_t count_value[HLB_COUNT__N];
    uint8_t *trailer;        /* bytes appended after the constants (hlb_append_raw) */
    size_t trailer_size;
} hlb_builder;

/* ---- Lifecycle and output ------------------------------------------------------------------- */

/* An empty module of the given version (2..5) and debug flag, entrypoint 0. */
hlb_builder *hlb_new(int version, bool debug);
void hlb_free(hlb_builder *b);

/* Encodes the module in the file format. Returns malloc'ed bytes (free them with free()) and their
 * count in *size. Version rules: v2 writes no assigns and no constants, v3 adds assigns (debug
 * only), v4 adds the constants, v5 adds the bytes table (ignored below v5). Returns NULL (and
 * prints why on stderr) only when a value cannot be encoded: a vi whose magnitude is >= 2^29. */
uint8_t *hlb_write(const hlb_builder *b, size_t *size);
/* The same, also storing in sections[HLI_SECTION_COUNT] where each section starts (as the loader's
 * section_offset: absent sections start where the next one does; HLI_SECTION_END is where the
 * constants end, i.e. before any hlb_append_raw trailer). */
uint8_t *hlb_write_sections(const hlb_builder *b, size_t *size, uint32_t *sections);
/* hlb_write into a file; returns false (with a message on stderr) on failure. */
bool hlb_write_file(const hlb_builder *b, const char *path);

/* ---- Constant tables (each returns the index of the entry) --------------------------------- */

int32_t hlb_int(hlb_builder *b, int32_t v);           /* finds an equal entry or appends */
int32_t hlb_float(hlb_builder *b, double v);          /* finds a bit-identical entry or appends */
int32_t hlb_string(hlb_builder *b, const char *s);    /* finds an equal string or appends */
/* Appends len bytes as a string even if an equal one exists (embedded NULs and invalid UTF-8 are
 * written as given). */
int32_t hlb_string_len(hlb_builder *b, const void *s, size_t len);
int32_t hlb_bytes(hlb_builder *b, const void *data, size_t len); /* v5 bytes entry, always appended */
int32_t hlb_debug_file(hlb_builder *b, const char *name);        /* finds or appends */

/* ---- Types (each returns the type index) --------------------------------------------------- */

/* Appends an empty type of any kind (no dedup); fill its payload through hlb_type_at. */
int32_t hlb_type_new(hlb_builder *b, int kind);
hlb_type *hlb_type_at(hlb_builder *b, int32_t t);
/* A payload-less kind (HVOID..HDYN, HARRAY, HTYPE, HDYNOBJ, HGUID): finds an equal entry or appends. */
int32_t hlb_type_basic(hlb_builder *b, hli_kind kind);
/* HFUN (ret, then nargs argument types), found or appended. hlb_type_method: HMETHOD. */
int32_t hlb_type_fun(hlb_builder *b, int32_t ret, uint32_t nargs, ...);
int32_t hlb_type_funv(hlb_builder *b, int32_t ret, uint32_t nargs, const int32_t *args);
int32_t hlb_type_method(hlb_builder *b, int32_t ret, uint32_t nargs, ...);
/* HREF / HNULL / HPACKED of a parameter type, found or appended. */
int32_t hlb_type_ref(hlb_builder *b, int32_t param);
int32_t hlb_type_null(hlb_builder *b, int32_t param);
int32_t hlb_type_packed(hlb_builder *b, int32_t param);
int32_t hlb_type_abstract(hlb_builder *b, const char *name);
/* HVIRTUAL with nfields (name, type) pairs: hlb_type_virtual(b, 2, "x", ti32, "y", tf64). */
int32_t hlb_type_virtual(hlb_builder *b, uint32_t nfields, ...);
/* HOBJ / HSTRUCT with no fields yet (always appended). super = -1 for none; global = 1 + global
 * index or 0. Add members with hlb_obj_field / hlb_obj_proto / hlb_obj_binding. */
int32_t hlb_type_obj(hlb_builder *b, const char *name, int32_t super, int32_t global);
int32_t hlb_type_struct(hlb_builder *b, const char *name, int32_t super, int32_t global);
void hlb_obj_field(hlb_builder *b, int32_t t, const char *name, int32_t type);
void hlb_obj_proto(hlb_builder *b, int32_t t, const char *name, int32_t findex, int32_t pindex);
void hlb_obj_binding(hlb_builder *b, int32_t t, int32_t field, int32_t findex);
/* HENUM with no constructors yet; add them with hlb_enum_construct(b, t, "Name", nparams, types...). */
int32_t hlb_type_enum(hlb_builder *b, const char *name, int32_t global);
void hlb_enum_construct(hlb_builder *b, int32_t t, const char *name, uint32_t nparams, ...);

/* ---- Globals, natives, constants, entry point ---------------------------------------------- */

int32_t hlb_global(hlb_builder *b, int32_t type); /* returns the global index */
/* Returns the findex used (HLB_AUTO: the next free one). */
int32_t hlb_add_native(hlb_builder *b, const char *lib, const char *name, int32_t type, uint32_t findex);
/* Constant object for a global: nfields values (table indexes) follow. Returns its index. */
int32_t hlb_add_constant(hlb_builder *b, int32_t global, uint32_t nfields, ...);
/* A String constant as Haxe 4.2.5 emits it: a global of type `string_type` (an HOBJ with fields
 * bytes, length) and a constant [string index, ints index of the UTF-16 length]. Returns the global. */
int32_t hlb_string_constant(hlb_builder *b, int32_t string_type, const char *s);
void hlb_set_entrypoint(hlb_builder *b, int32_t findex);

/* ---- Functions ----------------------------------------------------------------------------- */

/* Appends a function of HFUN type `type` with nregs registers of the given types (the first ones must
 * be the arguments for a valid module). Returns the index in b->functions; its findex is
 * b->functions[i].findex (HLB_AUTO: the next free one). */
int32_t hlb_add_function(hlb_builder *b, int32_t type, uint32_t findex, uint32_t nregs, ...);
int32_t hlb_add_functionv(hlb_builder *b, int32_t type, uint32_t findex, uint32_t nregs,
                          const int32_t *regs);
hlb_function *hlb_fn(hlb_builder *b, int32_t fi);
/* Adds a register; returns its number. */
int32_t hlb_reg(hlb_builder *b, int32_t fi, int32_t type);

/* The debug position (file index, line) of the ops appended next (default 0, 1). */
void hlb_pos(hlb_builder *b, int32_t fi, uint32_t file, uint32_t line);
/* Appends an op with up to three operands (unused ones are ignored: hlb_emit(b, f, ORet, 0, 0, 0)).
 * For OCall2..4/OEnumField/var forms/OSwitch use hlb_emit_ext. Returns the op's index. */
int32_t hlb_emit(hlb_builder *b, int32_t fi, int op, int32_t p1, int32_t p2, int32_t p3);
/* Appends an op with extra operands, laid out as in struct hlb_op (OSwitch: p2 is ignored,
 * n = offsets count, p3 = end offset; OCallN family: p3 is ignored, n = argument count). */
int32_t hlb_emit_ext(hlb_builder *b, int32_t fi, int op, int32_t p1, int32_t p2, int32_t p3,
                     uint32_t n, const int32_t *extra);
/* A call to findex with nargs argument registers, with the opcode genhl would pick (OCall0..4, else
 * OCallN). */
int32_t hlb_emit_call(hlb_builder *b, int32_t fi, int32_t dst, int32_t findex, uint32_t nargs, ...);
/* OSwitch reg [offsets...] end. */
int32_t hlb_emit_switch(hlb_builder *b, int32_t fi, int32_t reg, uint32_t n, const int32_t *offsets,
                        int32_t end);
/* An op written as the given bytes verbatim (counts as one op in nops). */
int32_t hlb_emit_raw(hlb_builder *b, int32_t fi, const void *bytes, size_t size);
/* An assign entry (written for v >= 3 with debug). */
void hlb_assign_add(hlb_builder *b, int32_t fi, const char *name, int32_t pos);
/* Debug info written verbatim instead of being encoded from the ops' positions. */
void hlb_raw_debug(hlb_builder *b, int32_t fi, const void *bytes, size_t size);

/* ---- Odd encodings ------------------------------------------------------------------------- */

/* Writes `value` as header count c instead of the table's real size (the table is still written). */
void hlb_set_header_count(hlb_builder *b, hlb_count c, uint32_t value);
/* Bytes appended after the last section. */
void hlb_append_raw(hlb_builder *b, const void *bytes, size_t size);
/* Encodes one vi in the given mode into out (at least 4 bytes); returns its length, 0 if the
 * magnitude is >= 2^29. */
size_t hlb_encode_vi(int32_t v, hlb_varint_mode mode, uint8_t *out);

/* ---- The minimal valid module -------------------------------------------------------------- */

/* What hlb_minimal created, for tests to build on. */
typedef struct hlb_std {
    int32_t tvoid, tui8, tui16, ti32, ti64, tf32, tf64, tbool, tbytes, tdyn, tarray, ttype, tdynobj;
    int32_t tfun_void;   /* () -> void */
    int32_t entry;       /* index in b->functions of the entry function */
    int32_t entry_findex;
} hlb_std;

/* A valid module: the payload-less types void ui8 ui16 i32 i64 f32 f64 bool bytes dyn array type
 * dynobj, the HFUN () -> void, and the entry function `() -> void` (one void register, `ORet 0`) as
 * findex 0, set as the entrypoint. Debug file 0 is "Main.hx" (written only with debug). std may
 * be NULL. */
hlb_builder *hlb_minimal(int version, bool debug, hlb_std *std);

/* A structurally valid module using every feature of the format: every type kind, every operand
 * encoding (one op of each opcode), 1/2/4-byte varints, every debug-line form, > 255 debug files,
 * assigns, bytes (v5) and string constants (v >= 4). Its code does not verify. (hlb_sample.c) */
hlb_builder *hlb_sample(int version, bool debug);

/* ---- Checking (tests/support/hlb_check.c; links the loader and the verifier) ---------------- */

/* Writes b, loads it with hli_module_load and, if that succeeds, verifies it. Returns the first
 * failing code (HLFFI_OK when both pass) with its message in err (err may be NULL). */
hlffi_error_code hlb_load_verify(const hlb_builder *b, hli_error *err);

#ifdef __cplusplus
}
#endif

#endif
