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

/* A method as hlffi_class_get_method_name lists it. */
typedef struct hli_api_method {
    uint32_t name;  /* module string index */
    bool is_static; /* a static method (a function bound to the class object), else an instance method */
} hli_api_method;

struct hlffi_type {
    uint32_t magic;
    hlffi_vm *vm;
    hli_type *t;
    char *name;             /* hlffi_type_get_name's text when it is not a module string (VM memory) */
    size_t name_size;
    struct hlffi_type *next_runtime; /* runtime-made types (no module index): a list */
    /* Members as the class functions list them, built on first request (src/api/api_reflect.c). */
    bool members_built;
    uint32_t nfields;       /* named own fields: their positions in the type's own field array */
    uint32_t *fields;
    uint32_t nmethods;      /* own instance methods, then the class's static methods */
    hli_api_method *methods;
};

/* A name -> type hash table (open addressing, linear probing; names are module strings or literals,
 * never copied). */
typedef struct hli_api_name {
    const char *name;
    hli_type *t;
} hli_api_name;

typedef struct hli_api_names {
    hli_api_name *e;
    uint32_t cap; /* a power of two, at least twice the count; 0 until built */
} hli_api_names;

/* The per-VM table of wrappers: one slot per module type, plus the list of runtime-made ones; and the
 * name index behind hlffi_find_type (built once, src/api/api_type_index.c). */
typedef struct hli_api_types {
    struct hlffi_type **by_index; /* module->ntypes slots, NULL until requested */
    uint32_t n;
    struct hlffi_type *runtime;
    bool indexed;                 /* the tables below are built */
    hli_api_names by_name;        /* classes (instance types), enums, abstracts, basic names */
    hli_api_names abstracts;      /* hl.Abstract<"name"> types by name */
    hli_type *basic[HLI_KIND_COUNT]; /* the type each basic kind is reported as (module's or builtin) */
} hli_api_types;

/* The VM's type state (made on first use, its by_index table sized for the loaded module); NULL with
 * OUT_OF_MEMORY set. */
HLI_INTERNAL hli_api_types *hli_api_types_state(hlffi_vm *vm);
/* The wrapper of t (made on first request); NULL with OUT_OF_MEMORY set. */
HLI_INTERNAL hlffi_type *hli_api_type_wrap(hlffi_vm *vm, hli_type *t);
/* The wrapper the public API hands out for t: every type of a basic kind (Int, Float, Dynamic ...) is
 * reported as one type per kind, so that hlffi_find_type("Int"), a field's type and an Int value's type
 * are the same pointer. NULL with the error set (OUT_OF_MEMORY). Needs a loaded module. */
HLI_INTERNAL hlffi_type *hli_api_type_public(hlffi_vm *vm, hli_type *t);
/* The VM type an hl_type* parameter names: a builtin descriptor gives the runtime builtin of its kind,
 * a wrapped type its hli_type (it must belong to vm). NULL with INVALID_ARGUMENT (or INVALID_TYPE for a
 * kind with no builtin) set on vm otherwise. */
HLI_INTERNAL hli_type *hli_api_resolve_type(hlffi_vm *vm, const hl_type *p);
/* The wrapper behind a public hlffi_type*, or NULL when the pointer is NULL or not one. */
HLI_INTERNAL struct hlffi_type *hli_api_type_check(hlffi_type *type);
/* Frees the wrappers and the name index (hlffi_destroy). */
HLI_INTERNAL void hli_api_types_free(hlffi_vm *vm);

/* A malloc'ed copy of s (the public char* convention: the caller free()s); NULL with OUT_OF_MEMORY set. */
HLI_INTERNAL char *hli_api_strdup(hlffi_vm *vm, const char *s);

/* ---- the name index (src/api/api_type_index.c) ---- */

/* The VM's type state with its name index built (on first use: one pass over the module's types).
 * NULL with the error set: NOT_INITIALIZED without a module, OUT_OF_MEMORY. */
HLI_INTERNAL hli_api_types *hli_api_types_indexed(hlffi_vm *vm);
/* The type named `name` as hlffi_find_type resolves it; NULL with TYPE_NOT_FOUND (and the
 * dead-code-elimination hint), NOT_INITIALIZED, INVALID_ARGUMENT (NULL name) or OUT_OF_MEMORY set. */
HLI_INTERNAL hli_type *hli_api_lookup_type(hlffi_vm *vm, const char *name);
/* Look-up in one table: the type, or NULL (no error set). */
HLI_INTERNAL hli_type *hli_api_names_get(const hli_api_names *nt, const char *name);
/* The name a type is found by (classes, enums, abstracts, basic kinds), or NULL for unnamed types. */
HLI_INTERNAL const char *hli_api_type_plain_name(hlffi_vm *vm, const hli_type *t);
/* The module string of an abstract's name ("<abstract>" for the runtime's nameless builtin). */
HLI_INTERNAL const char *hli_api_abstract_name(hlffi_vm *vm, const hli_type *t);

/* ---- values (src/api/api_value_kinds.c) ---- */

struct hli_handle;
/* The type of the value a handle holds: the runtime type (an object's class, what a Dynamic holds) for
 * non-null values of the kinds that carry one, else the handle's declared type. */
HLI_INTERNAL hli_type *hli_api_value_runtime_type(const struct hli_handle *h);

#endif
