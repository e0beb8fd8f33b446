/* hl.NativeArray and arrays of @:struct values (hlffi-api.md "Arrays"). A NativeArray is HashLink's
 * varray: a fixed number of elements of one type after the header, which get_ptr hands out. A
 * @:struct class (HSTRUCT) value is a pointer to header-less memory laid out like a C struct; Haxe 4.2.5
 * stores such values in an Array<S> as boxes (ArrayObj of Dynamic, as its array literals do) and in an
 * hl.NativeArray<S> as pointers. The struct arrays made here give every element its own slot in ONE
 * contiguous block of `length` structs (the GC follows interior pointers), so C can walk them as a C
 * array while Haxe code sees an ordinary Array<S> / NativeArray<S>. Haxe code storing another struct
 * into a slot breaks the contiguity: get_struct_ptr checks it. */
#include <stdio.h>
#include <string.h>

#include "api/api_arrays.h"
#include "api/api_types.h"

HLFFI_API hlffi_value *hlffi_native_array_new(hlffi_vm *vm, hl_type *element_type, int length) {
    hli_thread *th;
    hli_type *et = hli_arr_elem_type(vm, element_type, &th);
    if (et == NULL)
        return NULL;
    if (length < 0 || (uint64_t)length * hli_type_size(et) > (uint64_t)INT32_MAX) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "native array length %d out of range", length);
        return NULL;
    }
    th->exc_value = NULL;
    varray *a = hli_alloc_array(th, et, length);
    if (a == NULL) {
        hli_api_call_failed(vm, HLI_EXC);
        return NULL;
    }
    hli_reg r = {.p = a};
    return hli_handle_new(vm, HLI_T(array), &r);
}

HLFFI_API void *hlffi_native_array_get_ptr(hlffi_value *arr_ref) {
    const hli_handle *arr = hli_handle_of(arr_ref);
    hlffi_vm *vm = hli_api_handle_vm(arr);
    hli_arr_view v;
    if (hli_arr_view_of(vm, arr, &v) == NULL)
        return NULL;
    if (v.na != NULL)
        return hli_aptr(v.na, void);
    if (v.cls != HLI_DC_ARR_OBJ) { /* Array<Int/Float/Single/UI16>: its bytes (NULL while empty) */
        void *b = hli_dc_getp(v.o, v.c, HLI_F_BYTES);
        if (b == NULL)
            HLI_VM_FAIL(vm, HLFFI_ERROR_NULL_VALUE, "the array has no storage yet (it is empty)");
        return b;
    }
    HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE,
                "an Array of objects or boxed values has no native storage to share (use hlffi_array_get)");
    return NULL;
}

/* The HSTRUCT type behind an hlffi_type* of vm (INVALID_TYPE / INVALID_ARGUMENT set otherwise). */
static hli_type *struct_type(hlffi_vm *vm, hlffi_type *type) {
    struct hlffi_type *w = hli_api_type_check(type);
    if (w == NULL || w->vm != vm) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "struct_type: %s",
                    w == NULL ? "not a type (use hlffi_find_type)" : "a type of another VM");
        return NULL;
    }
    if (w->t->kind != HSTRUCT || w->t->u.obj->rt == NULL) {
        char a[128];
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "%s is not a @:struct class", hli_rt_type_str(vm, w->t, a, sizeof a));
        return NULL;
    }
    return w->t;
}

/* Bytes one struct takes in the contiguous block (its layout size, at least 1 so that elements differ). */
static uint32_t struct_size(const hli_type *st) {
    uint32_t s = st->u.obj->rt->size;
    return s > 0 ? s : 1;
}

/* A zeroed block of n structs of type st (RAW when they hold pointers, so the GC scans it); NULL with the
 * error set. */
static uint8_t *struct_block(hlffi_vm *vm, hli_thread *th, hli_type *st, int length) {
    uint64_t total = (uint64_t)struct_size(st) * (uint64_t)length;
    if (length < 0 || total > (uint64_t)INT32_MAX) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "struct array length %d out of range", length);
        return NULL;
    }
    th->exc_value = NULL;
    uint8_t *b = hli_alloc(th, total > 0 ? (size_t)total : 8, st->u.obj->rt->has_ptr ? HLI_GC_RAW : HLI_GC_NOPTR);
    if (b == NULL)
        hli_api_call_failed(vm, HLI_EXC);
    return b;
}

HLFFI_API hlffi_value *hlffi_native_array_new_struct(hlffi_vm *vm, hlffi_type *type, int length) {
    if (vm == NULL)
        return NULL;
    hli_thread *th = hli_api_thread(vm);
    hli_type *st = th != NULL ? struct_type(vm, type) : NULL;
    if (st == NULL)
        return NULL;
    uint8_t *block = struct_block(vm, th, st, length);
    if (block == NULL)
        return NULL;
    hli_root_push(th, &block);
    varray *a = hli_alloc_array(th, st, length);
    hli_root_pop(th, 1);
    if (a == NULL) {
        hli_api_call_failed(vm, HLI_EXC);
        return NULL;
    }
    for (int i = 0; i < length; i++)
        hli_aptr(a, uint8_t *)[i] = block + (size_t)i * struct_size(st);
    hli_reg r = {.p = a};
    return hli_handle_new(vm, HLI_T(array), &r);
}

HLFFI_API hlffi_value *hlffi_array_new_struct(hlffi_vm *vm, hlffi_type *type, int length) {
    if (vm == NULL)
        return NULL;
    hli_thread *th = hli_api_thread(vm);
    hli_type *st = th != NULL ? struct_type(vm, type) : NULL;
    if (st == NULL || hli_dc_get(vm, HLI_DC_ARR_OBJ) == NULL)
        return NULL;
    uint8_t *block = struct_block(vm, th, st, length);
    if (block == NULL)
        return NULL;
    varray *a = NULL;
    vobj *o = NULL;
    hli_root_push(th, &block);
    hli_root_push(th, &a);
    a = hli_alloc_array(th, HLI_T(dyn), length); /* as the compiler's literals: boxes in a Dynamic array */
    for (int i = 0; a != NULL && i < length; i++) {
        vdynamic *box = hli_alloc_box(th, st);
        if (box == NULL) {
            a = NULL;
            break;
        }
        box->v.ptr = block + (size_t)i * struct_size(st);
        hli_aptr(a, vdynamic *)[i] = box;
    }
    if (a != NULL)
        o = hli_arr_wrap_native(vm, th, a);
    else
        hli_api_call_failed(vm, HLI_EXC);
    hli_root_pop(th, 2);
    if (o == NULL)
        return NULL;
    hli_reg r = {.p = o};
    return hli_handle_new(vm, o->t, &r);
}

/* The struct pointer held by element i of a view and its type: a NativeArray<S> element, or a box of an
 * HSTRUCT type in an Array. NULL (error set) for other elements, null ones and bad indexes. */
static uint8_t *struct_at(hlffi_vm *vm, const hli_arr_view *v, int index, hli_type **st) {
    int32_t len = hli_arr_length(v);
    if (index < 0 || index >= len) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "index %d out of range (length %d)", index, len);
        return NULL;
    }
    uint8_t *p = NULL;
    *st = NULL;
    if (v->na != NULL && v->elem->kind == HSTRUCT) {
        p = hli_aptr(v->na, uint8_t *)[index];
        *st = v->elem;
    } else if (v->cls == HLI_DC_ARR_OBJ) {
        vdynamic *d = hli_aptr(hli_dc_getp(v->o, v->c, HLI_F_ARRAY), vdynamic *)[index];
        if (d != NULL && d->t->kind == HSTRUCT) {
            p = d->v.ptr;
            *st = d->t;
        } else if (d != NULL) {
            char a[128];
            HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "element %d is a %s, not a struct", index,
                        hli_rt_type_str(vm, d->t, a, sizeof a));
            return NULL;
        }
    } else {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "not an array of structs");
        return NULL;
    }
    if (p == NULL)
        HLI_VM_FAIL(vm, HLFFI_ERROR_NULL_VALUE, "element %d is null", index);
    return p;
}

HLFFI_API void *hlffi_array_get_struct(hlffi_value *arr_ref, int index) {
    const hli_handle *arr = hli_handle_of(arr_ref);
    hlffi_vm *vm = hli_api_handle_vm(arr);
    hli_arr_view v;
    hli_type *st;
    return hli_arr_view_of(vm, arr, &v) != NULL ? struct_at(vm, &v, index, &st) : NULL;
}

HLFFI_API bool hlffi_array_set_struct(hlffi_vm *vm, hlffi_value *arr, int index, void *struct_ptr, int size) {
    hli_arr_view v;
    if (hli_arr_view_of(vm, hli_handle_of(arr), &v) == NULL)
        return false;
    if (struct_ptr == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "struct_ptr is NULL");
        return false;
    }
    hli_type *st;
    uint8_t *p = struct_at(vm, &v, index, &st);
    if (p == NULL)
        return false;
    if (size < 0 || (uint32_t)size != st->u.obj->rt->size) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_MISMATCH, "struct_size %d differs from the struct's layout size %u", size,
                    st->u.obj->rt->size);
        return false;
    }
    memmove(p, struct_ptr, (size_t)size); /* into the element's own memory: the array stays contiguous */
    return true;
}

HLFFI_API void *hlffi_native_array_get_struct_ptr(hlffi_value *arr_ref) {
    const hli_handle *arr = hli_handle_of(arr_ref);
    hlffi_vm *vm = hli_api_handle_vm(arr);
    hli_arr_view v;
    if (hli_arr_view_of(vm, arr, &v) == NULL)
        return NULL;
    int32_t len = hli_arr_length(&v);
    if (len == 0) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "the array is empty");
        return NULL;
    }
    hli_type *st;
    uint8_t *base = struct_at(vm, &v, 0, &st);
    if (base == NULL)
        return NULL;
    /* Hand the block out only while every element still lies where C expects it. */
    uint32_t size = struct_size(st);
    for (int32_t i = 1; i < len; i++) {
        hli_type *sti;
        uint8_t *p = struct_at(vm, &v, i, &sti);
        if (p != base + (size_t)i * size || sti != st) {
            if (p != NULL)
                HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT,
                            "element %d is not stored contiguously (Haxe code replaced it)", (int)i);
            return NULL;
        }
    }
    return base;
}
