/* Runtime values with HashLink's memory layouts (hl-spec.md section 4, x86-64): every value that can
 * be seen as Dynamic starts with its type pointer. The bytecode and natives depend on these layouts
 * (field offsets, raw memory access), and keeping them leaves room for HL/C and .hdll support. */
#ifndef HLI_RT_VALUE_H
#define HLI_RT_VALUE_H

#include <stddef.h>
#include <stdint.h>

#include "load/module.h"

typedef uint16_t hli_uchar; /* a UTF-16 code unit */

/* One register or argument slot: every value fits in 8 bytes. Registers are addressable (ORef), and a
 * register of type T is read and written with T's width only. */
typedef union hli_reg {
    uint8_t ui8;
    uint16_t ui16;
    int32_t i;
    int64_t i64;
    float f;
    double d;
    uint8_t b; /* bool: 0 or 1 */
    void *p;
} hli_reg;

/* A boxed value (`vdynamic`, 4.3). For pointer kinds that are dynamic (objects, arrays, ...) the box
 * *is* the value; boxes exist for numbers, bools, bytes, types, refs and abstracts. */
typedef struct vdynamic {
    hli_type *t;
    union {
        uint8_t b;
        uint8_t ui8;
        uint16_t ui16;
        int32_t i;
        float f;
        double d;
        uint8_t *bytes;
        void *ptr;
        int64_t i64;
    } v;
} vdynamic;

/* A class instance (HOBJ): the type, then the fields at the offsets of the class layout (4.2). */
typedef struct vobj {
    hli_type *t;
} vobj;

/* Haxe's String class instance (4.10): UTF-16 text, NUL-terminated, with its length in code units. */
typedef struct vstring {
    hli_type *t;
    hli_uchar *bytes;
    int32_t length;
} vstring;

/* hl.NativeArray (4.5): elements follow the header, packed at the element type's size. */
typedef struct varray {
    hli_type *t;  /* the VM's `array` type */
    hli_type *at; /* element type */
    int32_t size;
    int32_t __pad;
} varray;

#define hli_aptr(a, T) ((T *)((varray *)(a) + 1))

/* Closures (4.6). `fun` holds the VM's function handle (struct hli_fn, src/exec/), not code. */
typedef struct vclosure {
    hli_type *t;       /* the closure's function type (bound closures: without the bound argument) */
    void *fun;         /* struct hli_fn * */
    int32_t hasValue;  /* 0 plain, 1 bound (value is argument 0), 2 wrapper */
    int32_t stackCount;
    void *value;
} vclosure;

/* A wrapper converts arguments and result between its type and the wrapped closure's (5.5). */
typedef struct vclosure_wrapper {
    vclosure cl;
    vclosure *wrappedFun;
} vclosure_wrapper;

/* Enum values (4.7): the constructor index, then its parameters at the construct's offsets. */
typedef struct venum {
    hli_type *t;
    int32_t index;
} venum;

/* A virtual view (4.4): fields[i] holds the address of field i's storage, or NULL. */
typedef struct vvirtual {
    hli_type *t;
    vdynamic *value;
    struct vvirtual *next;
} vvirtual;

#define hli_vfields(v) ((void **)((vvirtual *)(v) + 1))

/* An entry of a lookup table sorted by hash (4.9 hl_field_lookup). */
typedef struct hli_field_lookup {
    hli_type *t;
    int32_t hashed_name;
    int32_t field_index;
} hli_field_lookup;

/* Dynamic objects (4.8). */
typedef struct vdynobj {
    hli_type *t;
    hli_field_lookup *lookup;
    char *raw_data;
    void **values;
    int32_t nfields;
    int32_t raw_size;
    int32_t nvalues;
    vvirtual *virtuals;
} vdynobj;

#define HLI_DYNOBJ_INDEX_SHIFT 17
#define HLI_DYNOBJ_INDEX_MASK ((1 << HLI_DYNOBJ_INDEX_SHIFT) - 1)

/* hl_dyn_compare's "these values cannot be ordered" result (5.7). */
#define HLI_INVALID_COMPARISON ((int32_t)0xAABBCCDD)

_Static_assert(sizeof(hli_reg) == 8, "registers are 8-byte slots");
_Static_assert(sizeof(vdynamic) == 16 && offsetof(vdynamic, v) == 8, "vdynamic layout (4.3)");
_Static_assert(offsetof(vstring, bytes) == 8 && offsetof(vstring, length) == 16 && sizeof(vstring) == 24,
               "String layout (4.10)");
_Static_assert(sizeof(varray) == 24 && offsetof(varray, size) == 16, "varray layout (4.5)");
_Static_assert(offsetof(vclosure, fun) == 8 && offsetof(vclosure, hasValue) == 16 &&
                   offsetof(vclosure, value) == 24 && sizeof(vclosure) == 32,
               "vclosure layout (4.6)");
_Static_assert(offsetof(vclosure_wrapper, wrappedFun) == 32, "vclosure_wrapper layout (4.6)");
_Static_assert(sizeof(venum) == 16 && offsetof(venum, index) == 8, "venum header (4.7)");
_Static_assert(sizeof(vvirtual) == 24, "vvirtual header (4.4)");
_Static_assert(sizeof(hli_field_lookup) == 16 && offsetof(hli_field_lookup, field_index) == 12,
               "hl_field_lookup layout (4.9)");
_Static_assert(offsetof(vdynobj, lookup) == 8 && offsetof(vdynobj, raw_data) == 16 &&
                   offsetof(vdynobj, values) == 24 && offsetof(vdynobj, nfields) == 32 &&
                   offsetof(vdynobj, raw_size) == 36 && offsetof(vdynobj, nvalues) == 40 &&
                   offsetof(vdynobj, virtuals) == 48,
               "vdynobj layout (4.8)");

#endif
