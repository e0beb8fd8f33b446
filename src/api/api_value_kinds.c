/* The kind and type of any value (hlffi-api.md "Beyond hlffi v3", "More values"): what a handle holds
 * at run time, so that a host can tell an Int from a String inside a Dynamic, or a subclass instance
 * behind a base-class handle. */
#include "api/api_types.h"
#include "api/handles.h"
#include "api/api_internal.h"
#include "rt/rt.h"

/* Values of the dynamic kinds start with their type word (hl-spec.md 4.1): an object's class, a box's
 * type, an enum's, a closure's, a virtual's. Structs, bytes, abstracts, refs and types carry none. */
hli_type *hli_api_value_runtime_type(const struct hli_handle *h) {
    if (hli_kind_is_dynamic(h->t->kind) && h->v.p != NULL)
        return ((const vdynamic *)h->v.p)->t;
    return h->t;
}

static bool is_null(const hli_handle *h) {
    return hli_kind_is_ptr(h->t->kind) && h->v.p == NULL;
}

HLFFI_API hlffi_type_kind hlffi_value_get_kind(hlffi_value *value) {
    const hli_handle *v = hli_handle_of(value);
    if (v == NULL || v->t == NULL)
        return HLFFI_TYPE_VOID;
    if (is_null(v))
        return HLFFI_TYPE_NULL;
    hli_kind k = hli_api_value_runtime_type(v)->kind;
    return k == HGUID ? HLFFI_TYPE_I64 : (hlffi_type_kind)k;
}

HLFFI_API hlffi_type *hlffi_value_get_type(hlffi_value *value) {
    const hli_handle *v = hli_handle_of(value);
    if (v == NULL || v->t == NULL) {
        if (v != NULL)
            HLI_VM_FAIL(v->vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_value_get_type: %s", hli_api_handle_fault(v));
        return NULL;
    }
    return hli_api_type_public(v->vm, is_null(v) ? v->t : hli_api_value_runtime_type(v));
}
