/* hlscan: a lenient walk over a well-formed .hl file that records where each count and each index
 * field is encoded, so that malformed variants can change exactly one field (tests/fuzz only). */
#ifndef HLSCAN_H
#define HLSCAN_H

#include <stddef.h>
#include <stdint.h>

/* What a field is, which decides the replacement values worth trying. */
typedef enum hlscan_class {
    HLSCAN_COUNT,      /* a vi/uvi count: table sizes, fields, ops, registers, switch cases ... */
    HLSCAN_COUNT_U8,   /* a raw byte count: HFUN nargs, OCallN-family argument count */
    HLSCAN_SIZE_I32,   /* the i32 byte size of a string or bytes block */
    HLSCAN_INDEX,      /* a vi index into a table (limit = that table's size) */
    HLSCAN_OPERAND,    /* an op operand (register, offset, index ...: limit = nregs) */
    HLSCAN_OPCODE,     /* an opcode byte */
    HLSCAN_KIND        /* a type kind byte */
} hlscan_class;

typedef struct hlscan_field {
    uint32_t offset;   /* where the encoding starts */
    uint8_t length;    /* its byte length */
    uint8_t cls;       /* hlscan_class */
    int32_t value;     /* the value it encodes */
    uint32_t limit;    /* HLSCAN_INDEX/OPERAND: the size of the table it indexes (0 if unknown) */
} hlscan_field;

/* A function's bytes in the file, and whether it uses an operation HashLink leaves unchecked by design
 * (docs/internals/verifier.md section 6: raw memory, OUnsafeCast, array element types, references,
 * enum fields) or calls a native taking raw memory (a bytes, array or reference argument). Changing
 * such a function can make it corrupt memory exactly as on HashLink, which is no verifier gap. */
typedef struct hlscan_function {
    uint32_t start, end;  /* [start, end): its header, registers, ops and debug information */
    int unchecked;
} hlscan_function;

typedef struct hlscan_result {
    hlscan_field *fields; /* malloc'ed, in file order */
    size_t nfields, cap;
    hlscan_function *functions; /* malloc'ed, in file order */
    size_t nfunctions;
    uint32_t ints_offset;       /* where the ints table starts (4 bytes per entry) */
    uint32_t nints;
    uint8_t *int_unchecked;     /* malloc'ed, per int: OInt loads it in a function using unchecked ops */
    int complete;         /* 1 when the whole file was walked to its end */
} hlscan_result;

/* Walks data; fields and functions are recorded up to the point where the walk fails (a malformed
 * file). Free r->fields and r->functions with free() (hlscan_free). */
void hlscan(const uint8_t *data, size_t size, hlscan_result *r);
void hlscan_free(hlscan_result *r);
/* The function whose bytes contain offset, or NULL. */
const hlscan_function *hlscan_function_at(const hlscan_result *r, size_t offset);
/* Whether a change at offset can reach an unchecked operation directly: it lies in a function that
 * uses one, or in an ints entry such a function loads (an offset or a length it passes on). */
int hlscan_unchecked_at(const hlscan_result *r, size_t offset);

#endif
