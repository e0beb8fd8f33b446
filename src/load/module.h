/* The in-memory form of a .hl file (hl-spec.md section 1), as the loader produces it after its
 * structural checks. Everything here is read-only once hli_module_load has returned. */
#ifndef HLI_LOAD_MODULE_H
#define HLI_LOAD_MODULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/mem.h"
#include "load/opcodes.h"

/* Type kinds, numbered as in the file (hl-spec.md 2.1). */
typedef enum hli_kind {
    HVOID = 0, HUI8 = 1, HUI16 = 2, HI32 = 3, HI64 = 4, HF32 = 5, HF64 = 6, HBOOL = 7, HBYTES = 8,
    HDYN = 9, HFUN = 10, HOBJ = 11, HARRAY = 12, HTYPE = 13, HREF = 14, HVIRTUAL = 15, HDYNOBJ = 16,
    HABSTRACT = 17, HENUM = 18, HNULL = 19, HMETHOD = 20, HSTRUCT = 21, HPACKED = 22, HGUID = 23,
    HLI_KIND_COUNT = 24
} hli_kind;

typedef struct hli_type hli_type;

/* A named, typed slot: an object field or a virtual field. */
typedef struct hli_field {
    uint32_t name;  /* string index */
    hli_type *type;
} hli_field;

/* A method of a class (hl-spec.md 1.7). */
typedef struct hli_proto {
    uint32_t name;   /* string index */
    uint32_t findex; /* the function implementing it */
    int32_t pindex;  /* virtual-table slot, or -1 for a non-virtual method */
} hli_proto;

/* A function bound into a field at allocation time (static methods, `dynamic` methods, ...). */
typedef struct hli_binding {
    uint32_t field;  /* absolute field index (inherited fields first) */
    uint32_t findex;
} hli_binding;

/* HOBJ / HSTRUCT payload. */
typedef struct hli_type_obj {
    uint32_t name;        /* string index, e.g. "pkg.Cls" or "pkg.$Cls" */
    hli_type *super;      /* superclass (same kind), or NULL */
    uint32_t global;      /* 1 + index of the global holding the class object, 0 = none */
    uint32_t nfields;     /* own fields */
    uint32_t nproto;
    uint32_t nbindings;
    uint32_t total_fields; /* inherited + own fields: the range of absolute field indexes */
    hli_field *fields;    /* own fields, in declaration order */
    hli_proto *proto;
    hli_binding *bindings;
    struct hli_obj_rt *rt; /* runtime layout and method tables, built at link (src/rt/layout.c) */
} hli_type_obj;

typedef struct hli_enum_construct {
    uint32_t name;     /* string index */
    uint32_t nparams;
    hli_type **params;
    uint32_t size;     /* runtime: bytes of a value of this construct (header included), built at link */
    bool hasptr;       /* runtime: some parameter is a pointer */
    uint32_t *offsets; /* runtime: byte offset of each parameter */
} hli_enum_construct;

/* HENUM payload. */
typedef struct hli_type_enum {
    uint32_t name;        /* string index */
    uint32_t global;      /* 1 + global index holding the Enum object, 0 = none */
    uint32_t nconstructs;
    hli_enum_construct *constructs;
} hli_type_enum;

/* HFUN / HMETHOD payload. The first three fields sit where HashLink's hl_type_fun has them. */
typedef struct hli_type_fun {
    hli_type **args;
    hli_type *ret;
    uint32_t nargs;
    hli_type *parent;       /* runtime: for a bound closure's derived type, the full function type */
    hli_type *closure_type; /* runtime: this type minus its first argument (bound closures), built at link */
} hli_type_fun;

/* HVIRTUAL payload. */
typedef struct hli_type_virtual {
    uint32_t nfields;
    hli_field *fields;
    struct hli_virtual_rt *rt; /* runtime layout and lookup table, built at link */
} hli_type_virtual;

/* A type of the module's type table. References between types are pointers into that table. The
 * runtime uses these same objects as its type descriptors: the first 32 bytes follow HashLink's
 * hl_type (kind @0, payload @8, vobj_proto @16, mark_bits @24, hl-spec.md 4.9). */
struct hli_type {
    hli_kind kind;
    uint32_t index; /* position in the module's type table (UINT32_MAX for runtime-made types) */
    union {
        hli_type_fun *fun;      /* HFUN, HMETHOD */
        hli_type_obj *obj;      /* HOBJ, HSTRUCT */
        hli_type_virtual *virt; /* HVIRTUAL */
        hli_type_enum *tenum;   /* HENUM */
        hli_type *tparam;       /* HREF, HNULL, HPACKED */
        uint32_t abs_name;      /* HABSTRACT: string index */
    } u;
    void **vobj_proto;    /* runtime, HOBJ: the virtual table (function handles by slot), built at link */
    uint32_t *mark_bits;  /* runtime: which pointer-sized words of a value hold GC pointers */
};

typedef struct hli_native {
    uint32_t lib;    /* string index: "std", "fmt", "?ui" (a leading '?' marks it optional) ... */
    uint32_t name;   /* string index */
    hli_type *type;  /* an HFUN */
    uint32_t findex;
} hli_native;

/* A bytecode function. Its ops stay in the module image in their file encoding and are decoded on
 * demand (hli_function_decode): this keeps a loaded module within a small multiple of its file size. */
typedef struct hli_function {
    hli_type *type;        /* an HFUN */
    uint32_t findex;
    uint32_t nregs;
    uint32_t nops;
    uint32_t nextra;       /* operands beyond p1..p3 over all ops (the decode buffer size) */
    hli_type **regs;       /* nregs register types; the first nargs are the arguments */
    uint32_t code_offset;  /* image offset of the first op */
    uint32_t code_size;
    uint32_t debug_offset; /* image offset of the debug line info (hl-spec.md 1.10), if the module has it */
    uint32_t debug_size;
    uint32_t assigns_offset; /* image offset of the assigns (version >= 3 with debug info) */
    uint32_t nassigns;
} hli_function;

/* A constant object (hl-spec.md 1.11). */
typedef struct hli_constant {
    uint32_t global;
    uint32_t nfields;
    uint32_t *fields; /* one table index per field; its meaning depends on the field's type */
} hli_constant;

/* What a findex names. */
typedef struct hli_findex_entry {
    bool is_native;
    uint32_t index; /* into functions[] or natives[] */
} hli_findex_entry;

/* The sections of a file, in file order (hl-spec.md 1.4). */
typedef enum hli_section {
    HLI_SECTION_HEADER, HLI_SECTION_INTS, HLI_SECTION_FLOATS, HLI_SECTION_STRINGS, HLI_SECTION_BYTES,
    HLI_SECTION_DEBUGFILES, HLI_SECTION_TYPES, HLI_SECTION_GLOBALS, HLI_SECTION_NATIVES,
    HLI_SECTION_FUNCTIONS, HLI_SECTION_CONSTANTS, HLI_SECTION_END, HLI_SECTION_COUNT
} hli_section;

typedef struct hli_module {
    uint32_t section_offset[HLI_SECTION_COUNT]; /* image offset where each section starts (END: the
                                                   file size); absent sections start where the next does */
    uint8_t *image;        /* the whole file, copied; ops and debug info are read from here */
    size_t image_size;
    uint8_t version;       /* 2..5 */
    bool has_debug;
    uint32_t nints, nfloats, nstrings, nbytes, ntypes, nglobals, nnatives, nfunctions, nconstants;
    uint32_t ndebugfiles;
    uint32_t entrypoint;   /* a findex */
    int32_t *ints;
    double *floats;
    uint32_t *string_offsets;    /* nstrings + 1 offsets into image: string i is
                                    [string_offsets[i], string_offsets[i+1] - 1), NUL-terminated */
    uint32_t *debugfile_offsets; /* ndebugfiles + 1, same scheme */
    uint32_t bytes_offset;       /* v5: image offset of the bytes block data */
    uint32_t bytes_size;
    uint32_t *bytes_pos;         /* v5: nbytes start offsets inside the bytes block */
    hli_type *types;
    hli_type **globals;          /* nglobals global types */
    hli_native *natives;
    hli_function *functions;
    hli_constant *constants;
    hli_findex_entry *findexes;  /* nfunctions + nnatives entries */
    hli_mem *mem;                /* the allocator everything above came from */
    size_t arena_used;           /* bytes of the module's arena in use (for the memory report) */
    struct hli_arena_chunk *arena; /* owns every table above except image */
} hli_module;

/* A decoded instruction, in the file's operand order (as HashLink's own hl_opcode):
 *   fixed forms:  p1, p2, p3, then extra[] for OCall2..4 and OEnumField (their 4th.. operands);
 *   OCallN/OCallMethod/OCallThis/OCallClosure/OMakeEnum: p1, p2, p3 = n, extra[0..n-1];
 *   OSwitch: p1 = register, p2 = n, extra[0..n-1] = offsets, p3 = end offset. */
typedef struct hli_op {
    hli_opcode op;
    int32_t p1, p2, p3;
    const int32_t *extra; /* into the decode buffer; NULL when the op has no extra operands */
} hli_op;

/* Limits enforced on every module: beyond them a file is rejected rather than risked. */
#define HLI_MAX_IMAGE_SIZE ((size_t)1 << 30)    /* 1 GiB: every offset fits in 32 bits */
#define HLI_LOAD_MEMORY_FACTOR 8                 /* load + verify stay within 8 x the file size */
#define HLI_LOAD_MEMORY_SLACK ((size_t)64 << 10) /* plus this much for fixed costs */

/* Reads and checks a module. On failure returns NULL and sets err (HLFFI_ERROR_INVALID_BYTECODE with
 * what is wrong and its byte offset, or HLFFI_ERROR_OUT_OF_MEMORY). The data is copied. */
HLI_INTERNAL hli_module *hli_module_load(const void *data, size_t size, hli_mem *mem, hli_error *err);
HLI_INTERNAL void hli_module_free(hli_module *m);

/* String i of the module (UTF-8, NUL-terminated); *len receives its byte length if len != NULL.
 * i must be < nstrings. */
HLI_INTERNAL const char *hli_module_string(const hli_module *m, uint32_t i, uint32_t *len);
HLI_INTERNAL const char *hli_module_debugfile(const hli_module *m, uint32_t i);
/* The function or native of a findex (< nfunctions + nnatives), or NULL. */
HLI_INTERNAL const hli_function *hli_module_function(const hli_module *m, uint32_t findex);
HLI_INTERNAL const hli_native *hli_module_native(const hli_module *m, uint32_t findex);
/* The HFUN type of whatever a findex names (function or native), or NULL when out of range. */
HLI_INTERNAL hli_type *hli_module_findex_type(const hli_module *m, uint32_t findex);

/* The largest nops and nextra over the module's functions: the buffer sizes for decoding any of them. */
HLI_INTERNAL void hli_module_decode_sizes(const hli_module *m, uint32_t *max_ops, uint32_t *max_extra);
/* Decodes function f's ops into ops[f->nops] with extra operands in extra[f->nextra]. The loader has
 * checked the encoding, so this cannot fail. */
HLI_INTERNAL void hli_function_decode(const hli_module *m, const hli_function *f, hli_op *ops,
                                      int32_t *extra);
/* Decodes f's debug info into files[f->nops] and lines[f->nops] (either may be NULL). Does nothing
 * when the module has no debug info. A copy of f with a smaller nops decodes just that prefix. */
HLI_INTERNAL void hli_function_debug_lines(const hli_module *m, const hli_function *f,
                                           uint32_t *files, uint32_t *lines);

/* Object helpers: the field of absolute index fid (walking the superclasses), or NULL. */
HLI_INTERNAL const hli_field *hli_obj_field(const hli_type *t, uint32_t fid);
/* The proto with virtual slot pindex in t or its superclasses (the most derived first), or NULL. */
HLI_INTERNAL const hli_proto *hli_obj_proto_by_slot(const hli_type *t, int32_t pindex);

/* Names (hl-spec.md 2.1/2.4). */
HLI_INTERNAL const char *hli_kind_name(hli_kind k);
HLI_INTERNAL const char *hli_opcode_name(hli_opcode op);
/* The operand encoding of an opcode (a count, HLI_ENC_VAR or HLI_ENC_SWITCH). */
HLI_INTERNAL int hli_opcode_encoding(hli_opcode op);
/* Writes hl_type_str-style text of t into buf (at most size bytes, always NUL-terminated); returns
 * buf. Recursion is cut as `<...>`. */
HLI_INTERNAL char *hli_type_str(const hli_module *m, const hli_type *t, char *buf, size_t size);

/* Type predicates (hl-spec.md 2.1, 2.3). */
HLI_INTERNAL bool hli_kind_is_ptr(hli_kind k);
HLI_INTERNAL bool hli_kind_is_dynamic(hli_kind k);
HLI_INTERNAL bool hli_type_same(const hli_type *a, const hli_type *b);
HLI_INTERNAL bool hli_type_safe_cast(const hli_type *t, const hli_type *to);

#endif
