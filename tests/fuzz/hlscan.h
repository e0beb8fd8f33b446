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

typedef struct hlscan_result {
    hlscan_field *fields; /* malloc'ed, in file order */
    size_t nfields, cap;
    int complete;         /* 1 when the whole file was walked to its end */
} hlscan_result;

/* Walks data; fields are recorded up to the point where the walk fails (a malformed file).
 * Free r->fields with free(). */
void hlscan(const uint8_t *data, size_t size, hlscan_result *r);

#endif
