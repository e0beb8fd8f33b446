/* The per-VM class index of the embedding API (src/api/api_classes.c): full dotted class names to the
 * class's statics type (`pkg.$Cls`, hl-spec.md 6.4), its instance type and its class object, each
 * class with a table of its static members built on first use. Every API function naming a class goes
 * through it: a hash look-up, never a scan of the module's types. Internal to src/api. */
#ifndef HLI_API_CLASSES_H
#define HLI_API_CLASSES_H

#include "exec/vm.h"

#define HLI_DCE_HINT "(removed by dead-code elimination? add @:keep or compile with -dce no)"

/* A field of a statics type (static variables and methods, and hl.Class's own fields). */
typedef struct hli_static_member {
    const char *name;   /* module string; NULL: an empty slot */
    uint32_t hash;
    uint32_t fid;       /* absolute field index in the statics type */
    hli_type *type;
    hli_fn *fn;         /* the function bound to it (static methods), or NULL (variables) */
} hli_static_member;

typedef struct hli_class_entry {
    char *name;         /* the dotted name (VM memory); NULL: an empty slot */
    size_t name_size;
    uint32_t hash;
    hli_type *statics;  /* `pkg.$Cls`, or NULL when the module has only the instance type */
    hli_type *inst;     /* `pkg.Cls` (HOBJ), or NULL (interfaces have none) */
    uint32_t global;    /* 1 + the global holding the class object, 0: none */
    hli_static_member *members; /* open addressing, members_cap slots (0: not built yet) */
    uint32_t members_cap;
} hli_class_entry;

/* FNV-1a of a NUL-terminated name (the API's name tables: classes, members, types). */
HLI_INTERNAL uint32_t hli_api_name_hash(const char *s);
/* Whether an HOBJ type name is a statics type's (`pkg.$Cls`, the type of a class object). */
HLI_INTERNAL bool hli_api_is_statics_name(const char *name);
/* The entry of class_name (statics type or instance type known); NULL with TYPE_NOT_FOUND (with the
 * DCE hint) or OUT_OF_MEMORY set on vm. */
HLI_INTERNAL hli_class_entry *hli_api_class(hlffi_vm *vm, const char *class_name);
/* The same without recording a missing class: NULL with *oom false when there is none, NULL with *oom
 * true (OUT_OF_MEMORY set) when the index cannot be built. */
HLI_INTERNAL hli_class_entry *hli_api_class_lookup(hlffi_vm *vm, const char *class_name, bool *oom);
/* The static member `name` of a class with a statics type; NULL when there is none (no error set) or
 * when its table could not be built (OUT_OF_MEMORY set: *oom true). */
HLI_INTERNAL const hli_static_member *hli_api_static_member(hlffi_vm *vm, hli_class_entry *e, const char *name,
                                                            bool *oom);
/* The class object (the value of its global), or NULL before the entry point has run. */
HLI_INTERNAL vobj *hli_api_class_object(hlffi_vm *vm, const hli_class_entry *e);

#endif
