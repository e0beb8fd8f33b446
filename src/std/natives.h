/* The registry of natives the VM provides (HashLink's "std" library and the parts of "fmt" the standard
 * library needs). Each family file src/std/std_<family>.c defines a table of hli_native_def ending in
 * a {NULL} entry and lists it in std_registry.c. The linker resolves every native of a module here by
 * library and name and checks its signature. */
#ifndef HLI_STD_NATIVES_H
#define HLI_STD_NATIVES_H

#include "exec/thread.h"

typedef struct hli_native_def {
    const char *lib;  /* "std", "fmt" */
    const char *name; /* as in the module, e.g. "itos" (HashLink exports it as hlp_itos) */
    /* The native's HL function type in HashLink's signature encoding (hl-spec.md 6.5):
     * void v, ui8 c, ui16 s, i32 i, i64 l, f32 f, f64 d, bool b, bytes B, dyn D, fun P<args>_<ret>,
     * obj O<field types, parents first>_, array A, type T, ref R<t>, abstract X<name>_, null N<t>,
     * struct S, guid g, other kinds ?. e.g. itos: (i32, ref<i32>) -> bytes is "PiRi_B". */
    const char *sig;
    hli_native_fn fn;
} hli_native_def;

/* The definition for lib/name, or NULL when the VM does not provide it. */
HLI_INTERNAL const hli_native_def *hli_std_find(const char *lib, const char *name);
/* Writes the signature encoding of type t into buf (NUL-terminated, truncated to size). */
HLI_INTERNAL void hli_type_signature(const hli_module *m, const hli_type *t, char *buf, size_t size);

#endif
