/* Public Array functions (hlffi-api.md "Arrays"): Haxe arrays made from C are the classes Haxe 4.2.5
 * compiles Array<T> to (Int, Float, Single, UI16: hl.types.ArrayBytes_*; Dynamic: ArrayDyn over an
 * ArrayObj; every other element type: ArrayObj, objects stored as they are and values boxed, as the
 * compiler's array literals do), built field by field as the compiled code and ArrayBase.alloc* do, so
 * no Haxe method is needed (dead-code elimination may have removed them). Reads accept any Haxe array
 * and hl.NativeArray. Writes follow Haxe: conversions by the dynamic-cast rules, a set past the end
 * grows the array as `a[i] = v` does (1.5x, so push is amortised O(1)). */
#include <stdio.h>
#include <string.h>

#include "api/api_arrays.h"
#include "api/api_types.h"

/* The view of a live handle of vm (hli_arr_view_of without the checks). */
static bool view_of(hlffi_vm *vm, const hli_handle *h, hli_arr_view *v) {
    memset(v, 0, sizeof *v);
    v->cls = HLI_DC_COUNT;
    if (!hli_kind_is_dynamic(h->t->kind)) { /* only these carry a type word we can look at */
        char a[128];
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "a value of type %s is not an array",
                    hli_rt_type_str(vm, h->t, a, sizeof a));
        return false;
    }
    vdynamic *d = h->v.p;
    if (d == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_NULL_VALUE, "the array is null");
        return false;
    }
    if (d->t->kind == HARRAY) {
        v->na = (varray *)d;
        v->elem = v->na->at;
        return true;
    }
    hli_dc cls = hli_dc_of(vm, d->t);
    if (cls == HLI_DC_ARR_DYN) { /* Array<Dynamic>: a view over an ArrayBytes or ArrayObj */
        d = hli_dc_getp(d, hli_dc_get(vm, HLI_DC_ARR_DYN), HLI_F_DYN_ARRAY);
        cls = d != NULL ? hli_dc_of(vm, d->t) : HLI_DC_COUNT;
    }
    if (cls > HLI_DC_ARR_OBJ) {
        char a[128];
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "a value of type %s is not an array",
                    hli_rt_type_str(vm, d != NULL ? d->t : h->t, a, sizeof a));
        return false;
    }
    v->cls = cls;
    v->c = hli_dc_get(vm, cls);
    v->o = (vobj *)d;
    if (cls == HLI_DC_ARR_OBJ) {
        varray *na = hli_dc_getp(d, v->c, HLI_F_ARRAY);
        v->elem = na != NULL ? na->at : HLI_T(dyn);
    } else {
        v->elem = hli_dc_bytes_elem(cls, &v->shift);
    }
    return true;
}

hli_thread *hli_arr_view_of(hlffi_vm *vm, const hli_handle *h, hli_arr_view *v) {
    hli_thread *th = vm != NULL ? hli_api_thread(vm) : NULL;
    if (th == NULL || !hli_api_check_handle(vm, h, "array") || !view_of(vm, h, v))
        return NULL;
    return th;
}

int32_t hli_arr_length(const hli_arr_view *v) {
    return v->na != NULL ? v->na->size : hli_dc_geti(v->o, v->c, HLI_F_LENGTH);
}

vobj *hli_arr_wrap_native(hlffi_vm *vm, hli_thread *th, varray *na) {
    const hli_dc_info *c = hli_dc_get(vm, HLI_DC_ARR_OBJ);
    if (c == NULL)
        return NULL;
    th->exc_value = NULL;
    vobj *o = hli_alloc_obj(th, c->t);
    if (o == NULL) {
        hli_api_call_failed(vm, HLI_EXC);
        return NULL;
    }
    hli_dc_setp(o, c, HLI_F_ARRAY, na);
    hli_dc_seti(o, c, HLI_F_LENGTH, na->size);
    return o;
}

/* The class Haxe 4.2.5 uses for Array<t>, and the NativeArray element type of an ArrayObj: objects and
 * other dynamic kinds are stored as they are (typed like the compiler's literals), values boxed: UI8,
 * Bool and I64 in a null<T> array so that C's stores convert to T, the rest as Dynamic. HLI_DC_COUNT
 * (OUT_OF_MEMORY set) when that null<T> type cannot be made. */
static hli_dc class_for(hlffi_vm *vm, hli_type *t, hli_type **obj_at) {
    *obj_at = HLI_T(dyn);
    switch (t->kind) {
    case HUI8: case HBOOL: case HI64:
        *obj_at = hli_dc_null_of(vm, t);
        return *obj_at != NULL ? HLI_DC_ARR_OBJ : HLI_DC_COUNT;
    case HI32: return HLI_DC_ARR_I32;
    case HF64: return HLI_DC_ARR_F64;
    case HF32: return HLI_DC_ARR_F32;
    case HUI16: return HLI_DC_ARR_UI16;
    case HDYN: return HLI_DC_ARR_DYN;
    default:
        if (hli_kind_is_dynamic(t->kind) && t->kind != HNULL)
            *obj_at = (hli_type *)t;
        return HLI_DC_ARR_OBJ;
    }
}

hli_type *hli_arr_elem_type(hlffi_vm *vm, hl_type *element_type, hli_thread **th) {
    if (vm == NULL || (*th = hli_api_thread(vm)) == NULL)
        return NULL;
    hli_type *et = hli_api_resolve_type(vm, element_type);
    if (et != NULL && (et->kind == HVOID || et->kind == HMETHOD || et->kind == HPACKED || et->kind == HGUID)) {
        char a[128];
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "no array has elements of type %s", hli_rt_type_str(vm, et, a, sizeof a));
        return NULL;
    }
    return et;
}

HLFFI_API hlffi_value *hlffi_array_new(hlffi_vm *vm, hl_type *element_type, int length) {
    hli_thread *th;
    hli_type *et = hli_arr_elem_type(vm, element_type, &th);
    if (et == NULL)
        return NULL;
    hli_type *at;
    hli_dc cls = class_for(vm, et, &at);
    if (cls == HLI_DC_COUNT)
        return NULL; /* out of memory (the kinds no array holds are refused above) */
    uint32_t shift = 0;
    hli_dc_bytes_elem(cls, &shift);
    if (length < 0 || (uint32_t)length > (uint32_t)INT32_MAX >> shift) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "array length %d out of range", length);
        return NULL;
    }
    const hli_dc_info *c = hli_dc_get(vm, cls == HLI_DC_ARR_DYN ? HLI_DC_ARR_OBJ : cls);
    const hli_dc_info *cd = cls == HLI_DC_ARR_DYN ? hli_dc_get(vm, HLI_DC_ARR_DYN) : NULL;
    if (c == NULL || (cls == HLI_DC_ARR_DYN && cd == NULL))
        return NULL;
    bool is_obj = cls == HLI_DC_ARR_OBJ || cls == HLI_DC_ARR_DYN;
    void *store = NULL; /* the elements' storage, then the array object, then the ArrayDyn */
    vobj *o = NULL;
    th->exc_value = NULL;
    hli_root_push(th, &store);
    hli_root_push(th, &o);
    if (is_obj)
        store = hli_alloc_array(th, at, length);
    else if (length > 0)
        store = hli_alloc_bytes(th, length << shift); /* zeroed, as `new hl.Bytes` */
    if ((store != NULL || length == 0) && (o = hli_alloc_obj(th, c->t)) != NULL) {
        hli_dc_seti(o, c, HLI_F_LENGTH, length);
        if (is_obj) {
            hli_dc_setp(o, c, HLI_F_ARRAY, store);
        } else {
            hli_dc_setp(o, c, HLI_F_BYTES, store);
            hli_dc_seti(o, c, HLI_F_SIZE, length);
        }
        if (cd != NULL) { /* new ArrayDyn(): a view over the ArrayObj, reinterpretable */
            store = o;
            if ((o = hli_alloc_obj(th, cd->t)) != NULL) {
                hli_dc_setp(o, cd, HLI_F_DYN_ARRAY, store);
                ((uint8_t *)o)[cd->off[HLI_F_DYN_REINTERPRET]] = 1;
            }
        }
    }
    hli_root_pop(th, 2);
    if (o == NULL) {
        hli_api_call_failed(vm, HLI_EXC);
        return NULL;
    }
    hli_reg r = {.p = o};
    return hli_handle_new(vm, o->t, &r);
}

HLFFI_API int hlffi_array_length(hlffi_value *arr_ref) {
    const hli_handle *arr = hli_handle_of(arr_ref);
    hli_arr_view v;
    return hli_arr_view_of(hli_api_handle_vm(arr), arr, &v) != NULL ? hli_arr_length(&v) : -1;
}

/* The start of an ArrayObj's elements or a native array's, and the element size. */
static uint8_t *elements(const hli_arr_view *v, uint32_t *esize) {
    if (v->na != NULL) {
        *esize = hli_type_size(v->elem);
        return hli_aptr(v->na, uint8_t);
    }
    if (v->cls == HLI_DC_ARR_OBJ) {
        *esize = sizeof(void *);
        return hli_aptr(hli_dc_getp(v->o, v->c, HLI_F_ARRAY), uint8_t);
    }
    *esize = 1u << v->shift;
    return hli_dc_getp(v->o, v->c, HLI_F_BYTES);
}

HLFFI_API hlffi_value *hlffi_array_get(hlffi_vm *vm, hlffi_value *arr, int index) {
    hli_arr_view v;
    if (hli_arr_view_of(vm, hli_handle_of(arr), &v) == NULL)
        return NULL;
    int32_t len = hli_arr_length(&v);
    if (index < 0 || index >= len) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "index %d out of range (length %d)", index, len);
        return NULL;
    }
    uint32_t esize;
    uint8_t *e = elements(&v, &esize) + (size_t)index * esize;
    hli_reg r;
    memset(&r, 0, sizeof r);
    memcpy(&r, e, esize);
    /* An ArrayObj's elements are what its NativeArray's type says: objects, or boxes (Dynamic). */
    return hli_handle_new(vm, v.elem, &r);
}

/* Makes index idx (>= 0) part of a Haxe array as ArrayBytes/ArrayObj.__expand does: the length becomes
 * idx + 1 when that is larger, the capacity grows to max(1.5 x, idx + 1); new elements are zero/null.
 * v->o must be rooted (by its handle). INVALID_ARGUMENT when the size would overflow. */
static bool expand(hlffi_vm *vm, hli_thread *th, const hli_arr_view *v, int32_t idx) {
    int32_t len = hli_dc_geti(v->o, v->c, HLI_F_LENGTH);
    if (idx < len)
        return true;
    uint32_t esize = v->cls == HLI_DC_ARR_OBJ ? (uint32_t)sizeof(void *) : 1u << v->shift;
    int64_t need = (int64_t)idx + 1;
    if (need > (int64_t)(INT32_MAX / (int32_t)esize)) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "index %d: the array would be too large", (int)idx);
        return false;
    }
    bool obj = v->cls == HLI_DC_ARR_OBJ;
    varray *na = obj ? hli_dc_getp(v->o, v->c, HLI_F_ARRAY) : NULL;
    int32_t cap = obj ? (na != NULL ? na->size : 0) : hli_dc_geti(v->o, v->c, HLI_F_SIZE);
    if (need > cap) {
        int64_t next = (int64_t)cap * 3 / 2;
        if (next < need)
            next = need;
        if (next > (int64_t)(INT32_MAX / (int32_t)esize))
            next = need;
        th->exc_value = NULL;
        void *fresh = obj ? (void *)hli_alloc_array(th, na != NULL ? na->at : HLI_T(dyn), (int32_t)next)
                          : (void *)hli_alloc_bytes(th, (int32_t)(next * esize));
        if (fresh == NULL) {
            hli_api_call_failed(vm, HLI_EXC);
            return false;
        }
        /* The old storage is still reachable from the (rooted) array object: copy from it now. */
        if (obj) {
            na = hli_dc_getp(v->o, v->c, HLI_F_ARRAY);
            if (na != NULL)
                memcpy(hli_aptr(fresh, void *), hli_aptr(na, void *), (size_t)len * esize);
            hli_dc_setp(v->o, v->c, HLI_F_ARRAY, fresh);
        } else {
            uint8_t *old = hli_dc_getp(v->o, v->c, HLI_F_BYTES);
            if (old != NULL && len > 0)
                memcpy(fresh, old, (size_t)len * esize);
            hli_dc_setp(v->o, v->c, HLI_F_BYTES, fresh);
            hli_dc_seti(v->o, v->c, HLI_F_SIZE, (int32_t)next);
        }
    } else { /* within the capacity: clear what a pop or resize may have left */
        uint8_t *e = obj ? hli_aptr(na, uint8_t) : (uint8_t *)hli_dc_getp(v->o, v->c, HLI_F_BYTES);
        memset(e + (size_t)len * esize, 0, (size_t)(need - len) * esize);
    }
    hli_dc_seti(v->o, v->c, HLI_F_LENGTH, (int32_t)need);
    return true;
}

/* Stores value at index of the array in arr (growing Haxe arrays; native arrays have a fixed size). */
static bool store(hlffi_vm *vm, hlffi_value *arr, int64_t index, hlffi_value *value, const char *what) {
    hli_arr_view v;
    hli_thread *th = hli_arr_view_of(vm, hli_handle_of(arr), &v);
    if (th == NULL || !hli_api_check_handle(vm, hli_handle_of(value), what))
        return false;
    int32_t len = hli_arr_length(&v);
    if (index < 0 || index > INT32_MAX - 1 || (v.na != NULL && index >= len)) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "index %lld out of range (length %d%s)", (long long)index,
                    len, v.na != NULL ? ", a native array does not grow" : "");
        return false;
    }
    /* The value as the array stores it: converted to the element type (boxed for Dynamic elements, as
     * ArrayObj.setDyn's safeCast does; an ArrayObj's element type is Dynamic or an object type). */
    hli_reg r;
    if (!hli_api_arg(vm, th, value, v.elem, &r, what, HLI_API_NO_INDEX))
        return false;
    bool ok = true;
    if (v.na == NULL) {
        hli_root_push(th, &r.p); /* harmless for numbers: the GC ignores non-heap words */
        ok = expand(vm, th, &v, (int32_t)index);
        hli_root_pop(th, 1);
    }
    if (!ok)
        return false;
    uint32_t esize;
    uint8_t *e = elements(&v, &esize) + (size_t)index * esize;
    memcpy(e, &r, esize);
    return true;
}

HLFFI_API bool hlffi_array_set(hlffi_vm *vm, hlffi_value *arr, int index, hlffi_value *value) {
    return store(vm, arr, index, value, "value");
}

HLFFI_API bool hlffi_array_push(hlffi_vm *vm, hlffi_value *arr, hlffi_value *value) {
    hli_arr_view v;
    if (hli_arr_view_of(vm, hli_handle_of(arr), &v) == NULL)
        return false;
    if (v.na != NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "cannot push to an hl.NativeArray (its size is fixed)");
        return false;
    }
    return store(vm, arr, hli_arr_length(&v), value, "value");
}
