/* Public values beyond hlffi v3 (hlffi.h "More values"): Int64, strings with an explicit length (NULs
 * kept, both ways), and empty anonymous objects that C fills with hlffi_set_field. */
#include <stdlib.h>
#include <string.h>

#include "api/api_internal.h"
#include "api/handles.h"
#include "rt/rt.h"

HLFFI_API hlffi_value *hlffi_value_i64(hlffi_vm *vm, int64_t value) {
    if (vm == NULL || hli_api_thread(vm) == NULL)
        return NULL;
    hli_reg r = {.i64 = value};
    return hli_handle_new(vm, HLI_T(i64), &r);
}

bool hli_api_haxe_int64_layout(hlffi_vm *vm, const hli_type *t, uint32_t *high, uint32_t *low) {
    if (t == NULL || t->kind != HOBJ || t->u.obj->rt == NULL || vm->prog == NULL ||
        strcmp(hli_module_string(vm->prog->m, t->u.obj->name, NULL), "haxe._Int64.___Int64") != 0)
        return false;
    int found = 0;
    for (uint32_t k = 0; k < t->u.obj->total_fields; k++) {
        const hli_field *f = hli_obj_field(t, k);
        const char *name = hli_module_string(vm->prog->m, f->name, NULL);
        int which = strcmp(name, "high") == 0 ? 0 : strcmp(name, "low") == 0 ? 1 : -1;
        if (which < 0 || f->type->kind != HI32)
            continue;
        *(which == 0 ? high : low) = t->u.obj->rt->fields_indexes[k];
        found |= 1 << which;
    }
    return found == 3;
}

bool hli_api_haxe_int64_new(hlffi_vm *vm, hli_thread *th, hli_type *t, int64_t v, hli_reg *out) {
    uint32_t high, low;
    if (!hli_api_haxe_int64_layout(vm, t, &high, &low))
        return false;
    vobj *o = hli_alloc_obj(th, t);
    if (o == NULL) {
        hli_api_call_failed(vm, HLI_EXC); /* out of memory: recorded like any exception */
        return false;
    }
    int32_t parts[2] = {(int32_t)(uint32_t)((uint64_t)v >> 32), (int32_t)(uint32_t)(uint64_t)v};
    memcpy((uint8_t *)o + high, &parts[0], 4);
    memcpy((uint8_t *)o + low, &parts[1], 4);
    out->p = o;
    return true;
}

/* *out receives the value of a haxe.Int64 object (see hli_api_haxe_int64_layout). */
static bool haxe_int64(hlffi_vm *vm, const hli_handle *value, int64_t *out) {
    /* Only values that carry their runtime type (not hl.Bytes, abstracts, structs) can be one. */
    if (!hli_kind_is_dynamic(value->t->kind) || value->v.p == NULL)
        return false;
    const vdynamic *o = value->v.p;
    uint32_t high, low;
    if (!hli_api_haxe_int64_layout(vm, o->t, &high, &low))
        return false;
    int32_t parts[2];
    memcpy(&parts[0], (const uint8_t *)o + high, 4);
    memcpy(&parts[1], (const uint8_t *)o + low, 4);
    *out = (int64_t)(((uint64_t)(uint32_t)parts[0] << 32) | (uint32_t)parts[1]);
    return true;
}

HLFFI_API int64_t hlffi_value_as_i64(hlffi_value *value_ref, int64_t fallback) {
    if (hlffi_value_is_null(value_ref))
        return fallback;
    const hli_handle *value = hli_handle_of(value_ref);
    if (value->t->kind == HI64)
        return value->v.i64;
    int64_t boxed;
    if (haxe_int64(value->vm, value, &boxed))
        return boxed;
    hli_thread *th = value->vm->main_thread;
    if (th == NULL)
        return fallback;
    hli_reg r;
    hli_status st = hli_dyn_cast(th, &value->v, value->t, HLI_T(i64), &r);
    th->exc_value = NULL; /* a value that does not convert gives the fallback, not an exception */
    return st == HLI_OK ? r.i64 : fallback;
}

HLFFI_API hlffi_value *hlffi_value_string_len(hlffi_vm *vm, const char *utf8, size_t length) {
    if (vm == NULL)
        return NULL;
    hli_thread *th = hli_api_thread(vm);
    if (th == NULL)
        return NULL;
    hli_type *st = vm->prog->string_type;
    if (st == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_NOT_FOUND, "the module has no String class");
        return NULL;
    }
    if (utf8 == NULL && length > 0) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_value_string_len: utf8 is NULL but length is %zu",
                    length);
        return NULL;
    }
    if (utf8 == NULL) /* a null String, as hlffi_value_string(vm, NULL) */
        return hli_handle_new(vm, st, NULL);
    if (length > (size_t)INT32_MAX / 2) { /* more UTF-16 units than a String holds, at worst */
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_value_string_len: %zu bytes is too long for a String",
                    length);
        return NULL;
    }
    th->exc_value = NULL;
    vstring *s = hli_string_from_utf8(th, utf8, length);
    if (s == NULL) {
        hli_api_call_failed(vm, HLI_EXC);
        return NULL;
    }
    hli_reg r = {.p = s};
    return hli_handle_new(vm, st, &r);
}

/* UTF-16 s[0..len) to malloc'ed UTF-8 (NULs kept, lone surrogates U+FFFD, NUL-terminated); *out_len
 * its byte length. */
static char *utf16_to_utf8_len(const hli_uchar *s, int32_t len, size_t *out_len) {
    char *out = malloc((size_t)len * 3 + 1);
    if (out == NULL)
        return NULL;
    size_t n = 0;
    for (int32_t i = 0; i < len; i++) {
        uint32_t c = s[i];
        if (c >= 0xD800 && c < 0xDC00 && i + 1 < len && s[i + 1] >= 0xDC00 && s[i + 1] < 0xE000)
            c = 0x10000 + ((c - 0xD800) << 10) + (uint32_t)(s[++i] - 0xDC00);
        else if (c >= 0xD800 && c < 0xE000)
            c = 0xFFFD;
        if (c < 0x80) {
            out[n++] = (char)c;
        } else if (c < 0x800) {
            out[n++] = (char)(0xC0 | c >> 6);
            out[n++] = (char)(0x80 | (c & 63));
        } else if (c < 0x10000) {
            out[n++] = (char)(0xE0 | c >> 12);
            out[n++] = (char)(0x80 | ((c >> 6) & 63));
            out[n++] = (char)(0x80 | (c & 63));
        } else { /* a pair: two units in, four bytes out */
            out[n++] = (char)(0xF0 | c >> 18);
            out[n++] = (char)(0x80 | ((c >> 12) & 63));
            out[n++] = (char)(0x80 | ((c >> 6) & 63));
            out[n++] = (char)(0x80 | (c & 63));
        }
    }
    out[n] = 0;
    *out_len = n;
    return out;
}

/* A String is read as it is (its length, NULs included); anything else through Std.string. */
HLFFI_API char *hlffi_value_as_string_len(hlffi_value *value_ref, size_t *length) {
    const hli_handle *value = hli_handle_of(value_ref);
    size_t dummy;
    if (length == NULL)
        length = &dummy;
    *length = 0;
    if (value == NULL || value->t == NULL)
        return NULL;
    hlffi_vm *vm = value->vm;
    hli_thread *th = vm->main_thread;
    if (th == NULL)
        return NULL;
    vdynamic *d = NULL;
    hli_uchar *s = NULL;
    int32_t len = 0;
    char *out = NULL;
    hli_root_push(th, &d);
    hli_status st = hli_make_dyn(th, &value->v, value->t, &d);
    if (st == HLI_OK && d != NULL && vm->prog != NULL && d->t == vm->prog->string_type) {
        const vstring *str = (const vstring *)d;
        s = str->bytes;
        len = str->bytes != NULL ? str->length : 0;
    } else if (st == HLI_OK) {
        st = hli_value_to_string(th, d, &s, &len);
    }
    if (st == HLI_OK)
        out = utf16_to_utf8_len(s, len, length);
    hli_root_pop(th, 1);
    if (st != HLI_OK)
        hli_api_call_failed(vm, st);
    th->exc_value = NULL;
    return out;
}

HLFFI_API hlffi_value *hlffi_value_object(hlffi_vm *vm) {
    if (vm == NULL)
        return NULL;
    hli_thread *th = hli_api_thread(vm);
    if (th == NULL)
        return NULL;
    th->exc_value = NULL;
    vdynobj *o = hli_alloc_dynobj(th);
    if (o == NULL) {
        hli_api_call_failed(vm, HLI_EXC);
        return NULL;
    }
    hli_reg r = {.p = o};
    return hli_handle_new(vm, o->t, &r);
}
