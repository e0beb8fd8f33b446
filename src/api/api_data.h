/* What the array, map and bytes functions of the public API share (src/api/api_arrays*.c, api_maps*.c,
 * api_bytes.c): the standard-library classes behind Haxe's Array<T>, Map<K,V> and haxe.io.Bytes on
 * HashLink (hl.types.ArrayBytes_*, ArrayObj, ArrayDyn, haxe.ds.*Map, haxe.io.Bytes), found by name once
 * per VM with the byte offsets of the fields these functions read and write. Internal to src/api. */
#ifndef HLI_API_DATA_H
#define HLI_API_DATA_H

#include <string.h>

#include "api/handles.h"
#include "api/api_call.h"
#include "rt/rt.h"

/* The classes, in the order of the name table in api_data.c. */
typedef enum hli_dc {
    HLI_DC_ARR_I32,    /* hl.types.ArrayBytes_Int: Array<Int> */
    HLI_DC_ARR_F64,    /* hl.types.ArrayBytes_Float: Array<Float> */
    HLI_DC_ARR_F32,    /* hl.types.ArrayBytes_hl_F32: Array<Single> */
    HLI_DC_ARR_UI16,   /* hl.types.ArrayBytes_hl_UI16: Array<hl.UI16> */
    HLI_DC_ARR_OBJ,    /* hl.types.ArrayObj: every other element type, boxed or as objects */
    HLI_DC_ARR_DYN,    /* hl.types.ArrayDyn: Array<Dynamic>, a view over one of the above */
    HLI_DC_BYTES,      /* haxe.io.Bytes */
    HLI_DC_STRING_MAP, /* haxe.ds.StringMap (native map "hb") */
    HLI_DC_INT_MAP,    /* haxe.ds.IntMap ("hi") */
    HLI_DC_OBJECT_MAP, /* haxe.ds.ObjectMap ("ho") */
    HLI_DC_TREE,       /* haxe.ds.BalancedTree (EnumValueMap's base: a Haxe AVL tree) */
    HLI_DC_ENUM_MAP,   /* haxe.ds.EnumValueMap: Map<EnumType, V> */
    HLI_DC_TREE_NODE,  /* haxe.ds.TreeNode */
    HLI_DC_COUNT
} hli_dc;

#define HLI_DC_MAX_FIELDS 5

/* Fields by class (index into hli_dc_info.off):
 *  ArrayBytes_*: 0 length, 1 bytes, 2 size      ArrayObj: 0 length, 1 array
 *  ArrayDyn: 0 array, 1 allowReinterpret        Bytes: 0 length, 1 b
 *  *Map: 0 h       BalancedTree/EnumValueMap: 0 root
 *  TreeNode: 0 left, 1 right, 2 key, 3 value, 4 _height */
enum { HLI_F_LENGTH = 0, HLI_F_BYTES = 1, HLI_F_SIZE = 2, HLI_F_ARRAY = 1, HLI_F_DYN_ARRAY = 0,
       HLI_F_DYN_REINTERPRET = 1, HLI_F_B = 1, HLI_F_H = 0, HLI_F_ROOT = 0, HLI_F_LEFT = 0, HLI_F_RIGHT = 1,
       HLI_F_KEY = 2, HLI_F_VALUE = 3, HLI_F_HEIGHT = 4 };

typedef struct hli_dc_info {
    hli_type *t;                     /* the class's instance type, NULL when the module lacks it */
    uint32_t off[HLI_DC_MAX_FIELDS]; /* byte offsets of its fields (table above) */
    bool usable;                     /* the class and every field listed for it were found */
} hli_dc_info;

/* Per VM (vm->data), made on first use. */
struct hli_api_data {
    hli_dc_info c[HLI_DC_COUNT];
    hli_type nulls[HBOOL + 1]; /* null<T> of the builtin value kinds, made on request (kind 0: unmade) */
};

/* The class `which` of vm's module with its field offsets; NULL with TYPE_NOT_FOUND set (naming the
 * class and how to keep it from dead-code elimination) when the module lacks it, or OUT_OF_MEMORY. */
HLI_INTERNAL const hli_dc_info *hli_dc_get(hlffi_vm *vm, hli_dc which);
/* Which of the classes above runtime type t is exactly (HLI_DC_COUNT: none of them). For EnumValueMap
 * and BalancedTree subclasses, use hli_dc_is_tree. */
HLI_INTERNAL hli_dc hli_dc_of(hlffi_vm *vm, const hli_type *t);
/* True when class t is haxe.ds.BalancedTree or a subclass (EnumValueMap). */
HLI_INTERNAL bool hli_dc_is_tree(hlffi_vm *vm, const hli_type *t);
/* The element type of an ArrayBytes class (i32, f64, f32, ui16) and its log2 size. */
HLI_INTERNAL hli_type *hli_dc_bytes_elem(hli_dc which, uint32_t *shift);
/* The type null<t> (a box pointer) for a builtin value kind t (ui8..bool): the element type of the
 * NativeArray inside an ArrayObj made for Array<UI8/Bool/I64>, so that stores convert to t as Haxe's
 * ArrayObj.setDyn does (safeCast to the array's type). NULL with OUT_OF_MEMORY set. */
HLI_INTERNAL hli_type *hli_dc_null_of(hlffi_vm *vm, hli_type *t);
/* Frees vm->data (hlffi_destroy). */
HLI_INTERNAL void hli_api_data_free(hlffi_vm *vm);

/* Field access at the offsets above (objects never move; unaligned-safe). */
static inline void *hli_dc_getp(const void *o, const hli_dc_info *c, int f) {
    void *p;
    memcpy(&p, (const uint8_t *)o + c->off[f], sizeof p);
    return p;
}
static inline void hli_dc_setp(void *o, const hli_dc_info *c, int f, const void *p) {
    memcpy((uint8_t *)o + c->off[f], &p, sizeof p);
}
static inline int32_t hli_dc_geti(const void *o, const hli_dc_info *c, int f) {
    int32_t v;
    memcpy(&v, (const uint8_t *)o + c->off[f], sizeof v);
    return v;
}
static inline void hli_dc_seti(void *o, const hli_dc_info *c, int f, int32_t v) {
    memcpy((uint8_t *)o + c->off[f], &v, sizeof v);
}

#endif
