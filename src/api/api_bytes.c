/* Public Bytes functions (hlffi-api.md "Bytes"). The values made are haxe.io.Bytes objects, HashLink's
 * class {length:Int, b:hl.Bytes} (a buffer in the GC heap, which never moves, so get_ptr is zero-copy and
 * stable while the value is alive), built field by field as Bytes.alloc does. Every function also takes
 * a raw hl.Bytes value (a handle of type bytes, e.g. a Haxe function's hl.Bytes result): such a pointer
 * carries no length, so get_length refuses it and the other functions bound it by the end of the GC
 * block it points into (memory-safe, though not the length Haxe code had in mind); raw bytes outside the
 * GC heap (module constants) are refused. Every position and length is checked, overflow included. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_data.h"

/* The memory a handle's bytes value covers: [p, p + len). */
typedef struct bytes_view {
    uint8_t *p;
    int64_t len;
    bool raw; /* a raw hl.Bytes: len is what is left of its GC block */
} bytes_view;

static bool bytes_of(hlffi_vm *vm, const hli_handle *h, bytes_view *b) {
    memset(b, 0, sizeof *b);
    void *p = hli_kind_is_ptr(h->t->kind) ? h->v.p : NULL;
    if (h->t->kind == HBYTES || (hli_kind_is_dynamic(h->t->kind) && p != NULL && ((vdynamic *)p)->t->kind == HBYTES)) {
        b->raw = true;
        b->p = h->t->kind == HBYTES ? p : ((vdynamic *)p)->v.bytes;
        size_t size = 0;
        uint8_t *start = b->p != NULL ? hli_gc_block_of(vm->gc, b->p, &size) : NULL;
        if (b->p == NULL) {
            HLI_VM_FAIL(vm, HLFFI_ERROR_NULL_VALUE, "the bytes are null");
            return false;
        }
        if (start == NULL) {
            HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT,
                        "raw hl.Bytes outside the GC heap (a module constant?): their bounds are unknown");
            return false;
        }
        b->len = (int64_t)(start + size - b->p);
        return true;
    }
    if (hli_kind_is_dynamic(h->t->kind) && p == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_NULL_VALUE, "the bytes are null");
        return false;
    }
    if (!hli_kind_is_dynamic(h->t->kind) || hli_dc_of(vm, ((vdynamic *)p)->t) != HLI_DC_BYTES) {
        char a[128];
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "a value of type %s is not haxe.io.Bytes or hl.Bytes",
                    hli_rt_type_str(vm, p != NULL && hli_kind_is_dynamic(h->t->kind) ? ((vdynamic *)p)->t : h->t, a,
                                    sizeof a));
        return false;
    }
    const hli_dc_info *c = hli_dc_get(vm, HLI_DC_BYTES);
    b->p = hli_dc_getp(p, c, HLI_F_B);
    b->len = hli_dc_geti(p, c, HLI_F_LENGTH);
    if (b->len < 0 || (b->p == NULL && b->len > 0)) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "malformed haxe.io.Bytes (length %lld)", (long long)b->len);
        return false;
    }
    return true;
}

/* The view of a handle given alone (its VM found from it); NULL with the error set on that VM (nothing
 * for a NULL handle). */
static hlffi_vm *view(const hlffi_value *ref, bytes_view *b) {
    const hli_handle *h = hli_handle_of(ref);
    hlffi_vm *vm = hli_api_handle_vm(h);
    if (vm == NULL || hli_api_thread(vm) == NULL || !hli_api_check_handle(vm, h, "bytes") || !bytes_of(vm, h, b))
        return NULL;
    return vm;
}

/* [pos, pos + len) lies within the view (no overflow: 64-bit sums of 32-bit values). */
static bool in_range(hlffi_vm *vm, const bytes_view *b, int pos, int len, const char *what) {
    if (pos >= 0 && len >= 0 && (int64_t)pos + len <= b->len)
        return true;
    HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s: range %d+%d outside the bytes (length %lld%s)", what, pos, len,
                (long long)b->len, b->raw ? ", raw hl.Bytes bounded by their allocation" : "");
    return false;
}

/* A new haxe.io.Bytes of size bytes copied from data (zeroed when data is NULL). The buffer gets one
 * extra zero byte, as Bytes.ofString's has, so that text stays NUL-terminated for C. */
static hlffi_value *make(hlffi_vm *vm, const void *data, int size) {
    if (vm == NULL)
        return NULL;
    hli_thread *th = hli_api_thread(vm);
    if (th == NULL)
        return NULL;
    if (size < 0 || size == INT_MAX) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "bytes size %d out of range", size);
        return NULL;
    }
    const hli_dc_info *c = hli_dc_get(vm, HLI_DC_BYTES);
    if (c == NULL)
        return NULL;
    th->exc_value = NULL;
    uint8_t *b = hli_alloc_bytes(th, size + 1);
    vobj *o = NULL;
    if (b != NULL) {
        if (data != NULL && size > 0)
            memcpy(b, data, (size_t)size);
        hli_root_push(th, &b);
        o = hli_alloc_obj(th, c->t);
        hli_root_pop(th, 1);
    }
    if (o == NULL) {
        hli_api_call_failed(vm, HLI_EXC);
        return NULL;
    }
    hli_dc_setp(o, c, HLI_F_B, b);
    hli_dc_seti(o, c, HLI_F_LENGTH, size);
    hli_reg r = {.p = o};
    return hli_handle_new(vm, c->t, &r);
}

HLFFI_API hlffi_value *hlffi_bytes_new(hlffi_vm *vm, int size) { return make(vm, NULL, size); }

HLFFI_API hlffi_value *hlffi_bytes_from_data(hlffi_vm *vm, const void *data, int size) {
    if (vm != NULL && data == NULL && size != 0) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "data is NULL");
        return NULL;
    }
    return make(vm, data, size);
}

HLFFI_API hlffi_value *hlffi_bytes_from_string(hlffi_vm *vm, const char *str) {
    if (vm != NULL && str == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "str is NULL");
        return NULL;
    }
    size_t n = str != NULL ? strlen(str) : 0;
    if (vm != NULL && n >= INT_MAX) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "the string is too long");
        return NULL;
    }
    return make(vm, str, (int)n);
}

HLFFI_API void *hlffi_bytes_get_ptr(hlffi_value *bytes) {
    bytes_view b;
    return view(bytes, &b) != NULL ? b.p : NULL;
}

HLFFI_API int hlffi_bytes_get_length(hlffi_value *bytes) {
    bytes_view b;
    hlffi_vm *vm = view(bytes, &b);
    if (vm == NULL)
        return -1;
    if (b.raw) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "raw hl.Bytes carry no length (use haxe.io.Bytes)");
        return -1;
    }
    return (int)b.len;
}

HLFFI_API bool hlffi_bytes_blit(hlffi_value *dst, int dst_pos, hlffi_value *src, int src_pos, int len) {
    bytes_view d, s;
    hlffi_vm *vm = view(dst, &d);
    const hli_handle *sh = hli_handle_of(src);
    if (vm == NULL || !hli_api_check_handle(vm, sh, "src") || !bytes_of(vm, sh, &s))
        return false;
    if (!in_range(vm, &d, dst_pos, len, "dst") || !in_range(vm, &s, src_pos, len, "src"))
        return false;
    if (len > 0)
        memmove(d.p + dst_pos, s.p + src_pos, (size_t)len); /* overlapping ranges are fine */
    return true;
}

HLFFI_API int hlffi_bytes_compare(hlffi_value *a, int a_pos, hlffi_value *b, int b_pos, int len) {
    bytes_view x, y;
    hlffi_vm *vm = view(a, &x);
    const hli_handle *bh = hli_handle_of(b);
    if (vm == NULL || !hli_api_check_handle(vm, bh, "b") || !bytes_of(vm, bh, &y))
        return INT_MIN;
    if (!in_range(vm, &x, a_pos, len, "a") || !in_range(vm, &y, b_pos, len, "b"))
        return INT_MIN;
    int r = len > 0 ? memcmp(x.p + a_pos, y.p + b_pos, (size_t)len) : 0;
    return r < 0 ? -1 : r > 0;
}

HLFFI_API char *hlffi_bytes_to_string(hlffi_value *bytes, int length) {
    bytes_view b;
    hlffi_vm *vm = view(bytes, &b);
    if (vm == NULL || !in_range(vm, &b, 0, length, "length"))
        return NULL;
    char *s = malloc((size_t)length + 1);
    if (s == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory");
        return NULL;
    }
    if (length > 0)
        memcpy(s, b.p, (size_t)length);
    s[length] = 0;
    return s;
}

HLFFI_API int hlffi_bytes_get(hlffi_value *bytes, int index) {
    bytes_view b;
    hlffi_vm *vm = view(bytes, &b);
    if (vm == NULL || !in_range(vm, &b, index, 1, "index"))
        return -1;
    return b.p[index];
}

/* A byte value: 0..255 (what hlffi v3 accepted); INVALID_ARGUMENT otherwise. */
static bool byte_value(hlffi_vm *vm, int value) {
    if (value >= 0 && value <= 255)
        return true;
    HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "byte value %d outside 0..255", value);
    return false;
}

HLFFI_API bool hlffi_bytes_set(hlffi_value *bytes, int index, int value) {
    bytes_view b;
    hlffi_vm *vm = view(bytes, &b);
    if (vm == NULL || !in_range(vm, &b, index, 1, "index") || !byte_value(vm, value))
        return false;
    b.p[index] = (uint8_t)value;
    return true;
}

HLFFI_API bool hlffi_bytes_fill(hlffi_value *bytes, int pos, int len, int value) {
    bytes_view b;
    hlffi_vm *vm = view(bytes, &b);
    if (vm == NULL || !in_range(vm, &b, pos, len, "fill") || !byte_value(vm, value))
        return false;
    if (len > 0)
        memset(b.p + pos, value, (size_t)len);
    return true;
}
