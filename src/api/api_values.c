/* Public value functions (hlffi-api.md "Values"): making handles from C values and reading them back
 * with Haxe's conversion rules; and the helpers every src/api file shares (api_internal.h). */
#include <stdlib.h>
#include <string.h>

#include "api/handles.h"
#include "api/api_internal.h"
#include "exec/poll.h"
#include "rt/rt.h"
#include "std/std_internal.h"

HLFFI_API void hlffi_value_free(hlffi_value *value) { hli_handle_free(value); }

/* hlffi_value_is_null on a converted handle: true for NULL, freed and stale handles too. */
static bool is_null(const hli_handle *h) {
    if (h == NULL || h->t == NULL)
        return true;
    return hli_kind_is_ptr(h->t->kind) && h->v.p == NULL;
}

HLFFI_API bool hlffi_value_is_null(hlffi_value *value) { return is_null(hli_handle_of(value)); }

hli_thread *hli_api_thread(hlffi_vm *vm) {
    if (vm->main_thread == NULL || vm->prog == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_NOT_INITIALIZED, "no module is loaded (call hlffi_load_file first)");
        return NULL;
    }
    return vm->main_thread;
}

hlffi_error_code hli_api_call_failed(hlffi_vm *vm, hli_status st) {
    hli_thread *th = vm->main_thread;
    if (st == HLI_ABORT) {
        if (th->abort_kind == HLI_ABORT_EXIT) {
            vm->exited = true;
            return HLI_VM_FAIL(vm, HLFFI_ERROR_CALL_FAILED, "the program called Sys.exit(%d)", vm->exit_code);
        }
        return hli_poll_abort_error(vm); /* an interrupt or budget: why and where (src/exec/poll.c) */
    }
    return hli_report_exception(vm);
}

bool hli_api_check_handle(hlffi_vm *vm, const hli_handle *h, const char *what) {
    if (h != NULL && h->t != NULL && h->vm == vm)
        return true;
    HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s: %s", what, hli_api_handle_fault(h));
    return false;
}

char *hli_api_utf16_to_utf8(const hli_uchar *s, int32_t len, size_t *out_len) {
    size_t n = hli_std_utf16_to_utf8(s, (size_t)len, NULL);
    char *out = malloc(n + 1);
    if (out == NULL)
        return NULL;
    hli_std_utf16_to_utf8(s, (size_t)len, (uint8_t *)out);
    out[n] = 0;
    if (out_len != NULL)
        *out_len = n;
    return out;
}

/* A handle of a value of a builtin type, for the value constructors. */
static hlffi_value *make(hlffi_vm *vm, hli_type *t, const hli_reg *r) {
    if (vm == NULL || hli_api_thread(vm) == NULL)
        return NULL;
    return hli_handle_new(vm, t, r);
}

HLFFI_API hlffi_value *hlffi_value_int(hlffi_vm *vm, int value) {
    hli_reg r = {.i64 = 0};
    r.i = value;
    return make(vm, HLI_T(i32), &r);
}

HLFFI_API hlffi_value *hlffi_value_float(hlffi_vm *vm, double value) {
    hli_reg r = {.d = value};
    return make(vm, HLI_T(f64), &r);
}

HLFFI_API hlffi_value *hlffi_value_f32(hlffi_vm *vm, float value) {
    hli_reg r = {.i64 = 0};
    r.f = value;
    return make(vm, HLI_T(f32), &r);
}

HLFFI_API hlffi_value *hlffi_value_bool(hlffi_vm *vm, bool value) {
    hli_reg r = {.i64 = 0};
    r.b = value ? 1 : 0;
    return make(vm, HLI_T(bool), &r);
}

HLFFI_API hlffi_value *hlffi_value_null(hlffi_vm *vm) { return make(vm, HLI_T(dyn), NULL); }

HLFFI_API hlffi_value *hlffi_value_string(hlffi_vm *vm, const char *str) {
    /* NULL str: a null String (hlffi_value_string_len's NULL with length 0) */
    return hlffi_value_string_len(vm, str, str != NULL ? strlen(str) : 0);
}

/* Converts a handle's value to type `to` (Haxe's dynamic-cast rules); false when it is null or not
 * convertible (the cast's exception is dropped). */
static bool cast_to(const hlffi_value *value, hli_type *to, hli_reg *out) {
    const hli_handle *h = hli_handle_of(value);
    if (is_null(h))
        return false;
    if (h->t->kind == to->kind && !hli_kind_is_ptr(to->kind)) {
        *out = h->v;
        return true;
    }
    hli_thread *th = h->vm->main_thread;
    if (th == NULL)
        return false;
    hli_status st = hli_dyn_cast(th, &h->v, h->t, to, out);
    th->exc_value = NULL; /* a failed conversion gives the fallback, not an exception */
    return st == HLI_OK;
}

HLFFI_API int hlffi_value_as_int(hlffi_value *value, int fallback) {
    hli_reg r;
    return cast_to(value, HLI_T(i32), &r) ? r.i : fallback;
}

HLFFI_API double hlffi_value_as_float(hlffi_value *value, double fallback) {
    hli_reg r;
    return cast_to(value, HLI_T(f64), &r) ? r.d : fallback;
}

HLFFI_API float hlffi_value_as_f32(hlffi_value *value, float fallback) {
    hli_reg r;
    return cast_to(value, HLI_T(f32), &r) ? r.f : fallback;
}

HLFFI_API bool hlffi_value_as_bool(hlffi_value *value, bool fallback) {
    hli_reg r;
    return cast_to(value, HLI_T(bool), &r) ? r.b != 0 : fallback;
}

HLFFI_API char *hlffi_value_as_string(hlffi_value *value_ref) {
    const hli_handle *value = hli_handle_of(value_ref);
    if (value == NULL || value->t == NULL)
        return NULL;
    hli_thread *th = value->vm->main_thread;
    if (th == NULL)
        return NULL;
    vdynamic *d = NULL;
    hli_uchar *s = NULL;
    int32_t len = 0;
    char *out = NULL;
    hli_root_push(th, &d);
    hli_status st = hli_make_dyn(th, &value->v, value->t, &d);
    if (st == HLI_OK)
        st = hli_value_to_string(th, d, &s, &len);
    if (st == HLI_OK && (out = hli_api_utf16_to_utf8(s, len, NULL)) == NULL)
        HLI_VM_FAIL(value->vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory converting a string to UTF-8");
    hli_root_pop(th, 1);
    if (st != HLI_OK)
        hli_api_call_failed(value->vm, st); /* records why (an exception from toString, out of memory) */
    th->exc_value = NULL;
    return out;
}

