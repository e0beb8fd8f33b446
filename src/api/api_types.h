/* Types as the public API sees them (hlffi-api.md "Type reflection", "Element types"). Two public
 * pointer types name types:
 *  - hlffi_type*: a VM-owned record wrapping one of the module's types, made on first request and
 *    kept until hlffi_destroy (so the pointer is stable and comparable);
 *  - hl_type*: what element/key/value type parameters take. Either one of the immutable builtin
 *    descriptors shared by every VM (hlffi_type_builtin, hlffi_hlt_* behind <hlffi_compat.h>) or an
 *    hlffi_type* passed through hlffi_type_as_hl_type.
 * Both records start with a magic word, so hli_api_resolve_type tells them apart (and rejects a
 * pointer that is neither) without any global registry. Internal to src/api. */
#ifndef HLI_API_TYPES_H
#define HLI_API_TYPES_H

#include "exec/vm.h"

#define HLI_API_BUILTIN_MAGIC 0x424c5448u /* "HTLB" */
#define HLI_API_TYPE_MAGIC 0x59544c48u    /* "HLTY" */

/* A builtin descriptor: the kind only; each VM maps it to the runtime's builtin type of that kind. */
struct hl_type {
    uint32_t magic;
    hlffi_type_kind kind;
};

struct hlffi_type {
    uint32_t magic;
    hlffi_vm *vm;
    hli_type *t;
    char *name;             /* hlffi_type_get_name's text, made on first request (VM memory) */
    size_t name_size;
    struct hlffi_type *next_runtime; /* runtime-made types (no module index): a list */
};

/* The per-VM table of wrappers: one slot per module type, plus the list of runtime-made ones. */
typedef struct hli_api_types {
    struct hlffi_type **by_index; /* module->ntypes slots, NULL until requested */
    uint32_t n;
    struct hlffi_type *runtime;
} hli_api_types;

/* The wrapper of t (made on first request); NULL with OUT_OF_MEMORY set. */
HLI_INTERNAL hlffi_type *hli_api_type_wrap(hlffi_vm *vm, hli_type *t);
/* The VM type an hl_type* parameter names: a builtin descriptor gives the runtime builtin of its kind,
 * a wrapped type its hli_type (it must belong to vm). NULL with INVALID_ARGUMENT (or INVALID_TYPE for a
 * kind with no builtin) set on vm otherwise. */
HLI_INTERNAL hli_type *hli_api_resolve_type(hlffi_vm *vm, const hl_type *p);
/* The wrapper behind a public hlffi_type*, or NULL when the pointer is NULL or not one. */
HLI_INTERNAL struct hlffi_type *hli_api_type_check(hlffi_type *type);
/* Frees the wrappers (hlffi_destroy). */
HLI_INTERNAL void hli_api_types_free(hlffi_vm *vm);

#endif
