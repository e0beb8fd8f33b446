/* Helpers shared by the files of src/rt/ only: the per-program runtime state, sorted lookup tables,
 * unaligned-safe loads and stores, type predicates on possibly builtin types, and error helpers. */
#ifndef HLI_RT_RT_INTERNAL_H
#define HLI_RT_RT_INTERNAL_H

#include <string.h>

#include "load/arena.h"
#include "rt/rt.h"

/* One entry of the field-name registry (5.1): an open-addressing table keyed by hash. */
typedef struct hli_name_slot {
    const hli_uchar *name; /* NULL = empty slot */
    int32_t hash;
} hli_name_slot;

/* The per-program runtime state, hung at hli_program.names: the field-name registry and the arena of
 * every runtime table (layouts, lookups, virtual tables, closure types, UTF-16 strings). */
struct hli_hash_names {
    hli_mem *mem;
    hli_arena arena;
    hli_name_slot *slots;
    uint32_t cap, count;  /* cap is a power of two (or 0) */
    int32_t hash_string, hash_compare, hash_cast, hash_get_field; /* hooks' raw hashes */
    bool own_ustrings;    /* p->ustrings/ustring_lengths were made here (freed with the arena) */
    bool own_string_type; /* p->string_type was found here */
};
typedef struct hli_hash_names hli_rt_state;

/* ---- loads and stores (memcpy: no alignment or aliasing assumptions) ------------------------- */

static inline void *rt_ldp(const void *p) { void *v; memcpy(&v, p, sizeof v); return v; }
static inline void rt_stp(void *p, const void *v) { memcpy(p, &v, sizeof v); }
static inline int32_t rt_ldi(const void *p) { int32_t v; memcpy(&v, p, sizeof v); return v; }
static inline int64_t rt_ldi64(const void *p) { int64_t v; memcpy(&v, p, sizeof v); return v; }
static inline float rt_ldf(const void *p) { float v; memcpy(&v, p, sizeof v); return v; }
static inline double rt_ldd(const void *p) { double v; memcpy(&v, p, sizeof v); return v; }
static inline uint16_t rt_ldu16(const void *p) { uint16_t v; memcpy(&v, p, sizeof v); return v; }

/* ---- types ------------------------------------------------------------------------------------ */

static inline bool rt_is_ptr(const hli_type *t) { return hli_kind_is_ptr(t->kind); }
static inline bool rt_is_dynamic(const hli_type *t) { return hli_kind_is_dynamic(t->kind); }
static inline hli_obj_rt *rt_obj(const hli_type *t) { return t->u.obj->rt; }

/* The module the VM runs (for names), or NULL. */
HLI_INTERNAL const hli_module *hli_rt_module(hlffi_vm *vm);
HLI_INTERNAL hli_rt_state *hli_rt_state_of(hlffi_vm *vm);

/* ---- lookup tables sorted by signed hash (hl_lookup_*) ---------------------------------------- */

HLI_INTERNAL hli_field_lookup *hli_lookup_find(hli_field_lookup *l, uint32_t n, int32_t hash);
/* The position where `hash` is or would be inserted (before equal hashes). */
HLI_INTERNAL uint32_t hli_lookup_pos(const hli_field_lookup *l, uint32_t n, int32_t hash);
/* Inserts into l[0..n) (room for n + 1), keeping it sorted; returns the new entry. */
HLI_INTERNAL hli_field_lookup *hli_lookup_insert(hli_field_lookup *l, uint32_t n, int32_t hash, hli_type *t,
                                                 int32_t index);

/* ---- names -------------------------------------------------------------------------------------- */

/* UTF-16 -> UTF-8 into buf (NUL-terminated, truncated at a character boundary). */
HLI_INTERNAL void hli_rt_utf16_to_utf8(const hli_uchar *s, char *buf, size_t size);
/* The name of a field hash as UTF-8 into buf ("???" when unknown). */
HLI_INTERNAL const char *hli_rt_field_name_utf8(hlffi_vm *vm, int32_t hash, char *buf, size_t size);
/* The name of a class (UTF-8, module-owned). */
HLI_INTERNAL const char *hli_rt_obj_name(hlffi_vm *vm, const hli_type *t);
/* Registers `name` with its raw hash in st (collision stepping); used at link and by hli_hash_name. */
HLI_INTERNAL int32_t hli_rt_register_name(hli_rt_state *st, const hli_uchar *name, bool copy);
HLI_INTERNAL const hli_uchar *hli_rt_ustring(hli_program *p, uint32_t i, int32_t *len);
/* UTF-8 -> UTF-16 (out may be NULL to count); malformed bytes give U+FFFD. Returns the units. */
HLI_INTERNAL size_t hli_rt_utf8_to_utf16(const char *s, size_t n, hli_uchar *out);
/* Length of a NUL-terminated UTF-16 string. */
HLI_INTERNAL size_t hli_ustrlen(const hli_uchar *s);

/* ---- dynamic objects (rt_dynobj.c) ----------------------------------------------------------- */

/* Address of the storage of a dynobj field. */
static inline void *rt_dynobj_addr(vdynobj *o, const hli_field_lookup *f) {
    uint32_t i = (uint32_t)f->field_index & HLI_DYNOBJ_INDEX_MASK;
    return rt_is_ptr(f->t) ? (void *)(o->values + i) : (void *)(o->raw_data + i);
}
static inline uint32_t rt_dynobj_order(const hli_field_lookup *f) {
    return (uint32_t)f->field_index >> HLI_DYNOBJ_INDEX_SHIFT;
}
/* Adds field `hash` of type t (zeroed); *out = its lookup entry (valid until the next change). */
HLI_INTERNAL hli_status hli_dynobj_add_field(hli_thread *th, vdynobj *o, int32_t hash, hli_type *t,
                                             hli_field_lookup **out);
HLI_INTERNAL void hli_dynobj_delete_field(vdynobj *o, hli_field_lookup *f);
/* Recomputes every view's field addresses from o's current storage: slot i points at the field of
 * the same name when it has the same type, else NULL (the invariant hl_to_virtual establishes). */
HLI_INTERNAL void hli_dynobj_refresh_views(vdynobj *o);

/* ---- misc --------------------------------------------------------------------------------------- */

/* The storage address and type of a data field `hash` of o for reading (hl_obj_lookup): NULL when
 * there is none. Throws "Invalid field access" (returns HLI_EXC) for kinds without fields. */
HLI_INTERNAL hli_status hli_rt_lookup(hli_thread *th, vdynamic *o, int32_t hash, void **addr, hli_type **ft);

#define RT_MAX_DEPTH 512 /* nesting bound of the C-recursive printer/comparer (design.md principle 6) */

#endif
