/* Views over Haxe arrays shared by the array functions (api_arrays.c, api_native_arrays.c) and the
 * map functions that return arrays (api_maps.c). Internal to src/api. */
#ifndef HLI_API_ARRAYS_H
#define HLI_API_ARRAYS_H

#include "api/api_data.h"

/* Any array a handle can hold, seen through what stores its elements. */
typedef struct hli_arr_view {
    hli_dc cls;           /* HLI_DC_ARR_I32..HLI_DC_ARR_OBJ, or HLI_DC_COUNT for a native array */
    const hli_dc_info *c; /* the class's fields (NULL for a native array) */
    vobj *o;              /* the ArrayBytes_* / ArrayObj object (the one inside an ArrayDyn) */
    varray *na;           /* native arrays: the array itself */
    hli_type *elem;       /* element type: ArrayBytes' number type, or the NativeArray's `at` */
    uint32_t shift;       /* ArrayBytes: log2 of the element size */
} hli_arr_view;

/* The view of the array handle h (from hli_handle_of) holds (a Haxe Array of any class, an ArrayDyn over
 * one, or an hl.NativeArray) for a function of vm (a handle given alone: pass hli_api_handle_vm(h)).
 * vm's main thread, or NULL with the error set on vm: NOT_INITIALIZED, INVALID_ARGUMENT for a NULL,
 * freed, stale or other VM's handle, NULL_VALUE for null, INVALID_TYPE for other values (nothing for a
 * NULL vm). */
HLI_INTERNAL hli_thread *hli_arr_view_of(hlffi_vm *vm, const hli_handle *h, hli_arr_view *v);
/* The start of the functions making an array: vm's main thread in *th and the VM type element_type
 * names (hli_api_resolve_type); NULL with the error set, INVALID_TYPE for the kinds no array holds
 * (Void, methods). */
HLI_INTERNAL hli_type *hli_arr_elem_type(hlffi_vm *vm, hl_type *element_type, hli_thread **th);
/* The element count of a view. */
HLI_INTERNAL int32_t hli_arr_length(const hli_arr_view *v);
/* A new Haxe Array (ArrayObj) wrapping native array na (as ArrayObj.alloc: no copy); NULL with the
 * error set. na must be reachable (rooted) by the caller. */
HLI_INTERNAL vobj *hli_arr_wrap_native(hlffi_vm *vm, hli_thread *th, varray *na);

#endif
