/* The runtime object model (hl-spec.md sections 4 and 5): type layouts and method tables built at
 * link time, allocation of every kind of value, field-name hashing, dynamic field access, dynamic
 * casts, virtual views, comparison, value-to-string, dynamic calls, and the GC's tracing of typed
 * blocks. Natives (src/std) and the interpreter (src/exec) build on these.
 *
 * Conventions (docs/internals/runtime-objects.md):
 *  - Every function that can allocate may collect. GC pointers passed in as arguments must be
 *    reachable (registers, globals, temporary roots) for the duration of the call; pointers it
 *    returns are unrooted: root them before the next allocation.
 *  - Failures are Haxe exceptions: functions returning hli_status give HLI_EXC (or HLI_ABORT when a
 *    Haxe callback aborted); functions returning a pointer return NULL with the exception pending,
 *    except where a NULL result is documented as a value. */
#ifndef HLI_RT_RT_H
#define HLI_RT_RT_H

#include "exec/thread.h"
#include "rt/value.h"

/* ---- builtin types (HashLink's hlt_*): immutable, shared by every VM ---------------------------- */

HLI_INTERNAL extern const hli_type hli_hlt_void, hli_hlt_ui8, hli_hlt_ui16, hli_hlt_i32, hli_hlt_i64,
    hli_hlt_f32, hli_hlt_f64, hli_hlt_bool, hli_hlt_bytes, hli_hlt_dyn, hli_hlt_array, hli_hlt_type,
    hli_hlt_dynobj, hli_hlt_abstract;
/* The builtin type of a basic kind (void..dyn, array, type, dynobj, abstract); NULL for the others. */
HLI_INTERNAL hli_type *hli_builtin_type(hli_kind kind);
#define HLI_T(name) ((hli_type *)&hli_hlt_##name)

/* Size in bytes of a value of type t in a register, field or array element (hl_type_size: bool 1,
 * ui8 1, ui16 2, i32 4, f32 4, i64 8, f64 8, pointers 8, void and packed 0), its C alignment (void: 1),
 * and the padding that aligns `size` for a value of type t (hl_pad_struct). */
HLI_INTERNAL uint32_t hli_type_size(const hli_type *t);
HLI_INTERNAL uint32_t hli_type_align(const hli_type *t);
HLI_INTERNAL uint32_t hli_type_pad(uint32_t size, const hli_type *t);
/* hl_type_str of t into buf (UTF-8, NUL-terminated, truncated to size); returns buf. Handles the
 * builtin and runtime-made types as well as the module's. */
HLI_INTERNAL const char *hli_rt_type_str(hlffi_vm *vm, const hli_type *t, char *buf, size_t size);

/* ---- runtime type data (built by hli_rt_link) ----------------------------------------------------- */

/* A field binding of a class, installed into each new instance (4.2 "Allocation"). */
typedef struct hli_obj_binding {
    uint32_t fid;              /* absolute field index */
    hli_fn *fn;                /* the bound function */
    vclosure *closure;         /* static closure (module memory, shared) when the field is an HFUN of
                                  the function's arity; NULL: a closure bound to the instance is made */
} hli_obj_binding;

/* Per class (HOBJ/HSTRUCT), hl_runtime_obj (4.2, 4.9). */
typedef struct hli_obj_rt {
    hli_type *t;
    struct hli_obj_rt *parent; /* the superclass's data, or NULL */
    uint32_t nfields;          /* all fields, inherited first */
    uint32_t nproto;           /* virtual slots: max pindex + 1 over the chain */
    uint32_t size;             /* instance size in bytes */
    uint8_t pad_size, largest_field;
    bool has_ptr;
    uint8_t state;             /* link progress (rt_layout.c) */
    uint32_t *fields_indexes;  /* byte offset of each absolute field */
    int32_t *field_hashes;     /* hash of each own field's name (0 for hidden interface fields) */
    int32_t *proto_hashes;     /* hash of each own proto's name */
    uint32_t nmethods;
    hli_fn **methods;          /* every proto of the chain by method index, parent's first */
    uint32_t nlookup;
    hli_field_lookup *lookup;  /* own named fields (byte offset) and non-overriding methods
                                  (-(method_index + 1)), sorted by hash (5.2) */
    uint32_t ninterfaces;
    uint32_t *interfaces;      /* absolute indexes of the hidden interface fields ("" names), own
                                  first then the parents' */
    uint32_t nbindings;
    hli_obj_binding *bindings; /* the parent's (overridden in place) then own new ones */
    hli_fn *to_string;         /* __string, __compare, __cast, __get_field, or NULL (5.6/5.7) */
    hli_fn *compare;
    hli_fn *cast;
    hli_fn *get_field;
} hli_obj_rt;

/* Per virtual type (4.4). */
typedef struct hli_virtual_rt {
    uint32_t *indexes;         /* byte offset of field i's storage inside a value-less virtual */
    int32_t *hashes;           /* hash of field i's name */
    uint32_t data_size;
    uint32_t nlookup;
    hli_field_lookup *lookup;  /* (type, hash, field number) sorted by hash */
} hli_virtual_rt;

/* Builds everything above for every type of the program's module (p->m): hashes field names in load
 * order (5.1), lays out classes, virtuals and enum constructs, builds virtual tables, method and
 * lookup tables, bindings and hooks, derives the closure types of bound closures, and sets
 * vobj_proto and mark_bits. Needs p->fns (every findex with its type). Creates the per-program rt
 * state at p->names (registry + arena); makes p->ustrings/ustring_lengths only when the linker left
 * them NULL (else the strings it converts are hli_mem_alloc'ed, (len + 1) units, for the linker to
 * free), and finds p->string_type when unset. Memory comes from vm->mem; hli_rt_unlink frees it (it is
 * also called on a failed link) and must run while p->m is alive. */
HLI_INTERNAL hlffi_error_code hli_rt_link(hlffi_vm *vm, hli_program *p, hli_error *err);
HLI_INTERNAL void hli_rt_unlink(hlffi_vm *vm, hli_program *p);

/* ---- names (5.1) -------------------------------------------------------------------------------- */

/* hl_hash_gen without the registry: the raw hash of a NUL-terminated UTF-16 name. */
HLI_INTERNAL int32_t hli_hash_gen(const hli_uchar *name);
/* The field hash of a UTF-16 name, registering it in the VM's registry: a hash already registered
 * for another name steps to h+1, h+2... (HashLink's collision rule). Without a linked program, or
 * when the registry cannot grow, the hash is returned unregistered. */
HLI_INTERNAL int32_t hli_hash_name(hlffi_vm *vm, const hli_uchar *name);
/* The same for a UTF-8 name (decoded to UTF-16 first, so it agrees with hli_hash_name for every
 * name; HashLink's own hl_hash_utf8 differs only for non-ASCII names). */
HLI_INTERNAL int32_t hli_hash_utf8(hlffi_vm *vm, const char *name);
/* The name registered for a hash (UTF-16, NUL-terminated, program lifetime), or NULL. */
HLI_INTERNAL const hli_uchar *hli_field_name(hlffi_vm *vm, int32_t hash);
/* The module string i as UTF-16 (program lifetime, NUL-terminated); *len in code units if not NULL.
 * NULL when i is out of range or memory is exhausted. */
HLI_INTERNAL const hli_uchar *hli_ustring(hlffi_vm *vm, uint32_t i, int32_t *len);

/* ---- allocation ------------------------------------------------------------------------------- */

HLI_INTERNAL vobj *hli_alloc_obj(hli_thread *th, hli_type *t);          /* zeroed, bindings installed */
HLI_INTERNAL varray *hli_alloc_array(hli_thread *th, hli_type *at, int32_t n); /* n < 0 throws */
HLI_INTERNAL venum *hli_alloc_enum(hli_thread *th, hli_type *t, int32_t construct); /* zeroed params */
HLI_INTERNAL vvirtual *hli_alloc_virtual(hli_thread *th, hli_type *t);  /* value-less, own storage */
HLI_INTERNAL vdynobj *hli_alloc_dynobj(hli_thread *th);
HLI_INTERNAL vdynamic *hli_alloc_box(hli_thread *th, hli_type *t);      /* a box of type t, payload 0 */
/* The two shared bool boxes (never allocated). */
HLI_INTERNAL vdynamic *hli_dyn_bool(bool b);
/* Boxes the value at data (of type t) as hl_make_dyn does: bool singletons, shared boxes for i32 in
 * -128..127, NULL for void and null pointers, dynamic kinds returned as they are. */
HLI_INTERNAL hli_status hli_make_dyn(hli_thread *th, const void *data, hli_type *t, vdynamic **out);
/* OToDyn's boxing: no small-int cache, bool singletons, a null pointer stays null, dynamic kinds are
 * returned as they are (3.3). NULL means an exception only when t is a value kind or v->p was not
 * null (void also gives NULL). */
HLI_INTERNAL vdynamic *hli_box(hli_thread *th, const hli_reg *v, hli_type *t);
/* A closure {t, fn, value}: has_value = bound (DYNAMIC block), else plain (NOPTR). */
HLI_INTERNAL vclosure *hli_alloc_closure(hli_thread *th, hli_fn *fn, hli_type *t, void *bound, bool has_value);
/* A bound closure of fn (whose type is fn->type) to value v: its type is the derived closure type. */
HLI_INTERNAL vclosure *hli_alloc_bound_closure(hli_thread *th, hli_fn *fn, void *v);
/* hl_alloc_closure_ptr: the same with an explicit full function type (its closure_type is used). */
HLI_INTERNAL vclosure *hli_alloc_closure_ptr(hli_thread *th, hli_type *fullt, hli_fn *fn, void *v);
HLI_INTERNAL uint8_t *hli_alloc_bytes(hli_thread *th, int32_t n);      /* n == 0 gives NULL, n < 0 throws */
/* A new Haxe String (the module's String class) holding a copy of len UTF-16 units. */
HLI_INTERNAL vstring *hli_string_new(hli_thread *th, const hli_uchar *s, int32_t len);
/* The same from UTF-8 (malformed sequences become U+FFFD). */
HLI_INTERNAL vstring *hli_string_from_utf8(hli_thread *th, const char *s, size_t len);

/* ---- dynamic access (5.2) -------------------------------------------------------------------------- */

/* The lookup entry for `hash` in class t or its parents (obj_resolve_field), or NULL. */
HLI_INTERNAL hli_field_lookup *hli_obj_resolve_field(hli_type *t, int32_t hash);
/* Reads field `hash` of o converted to type want into *out (missing fields give 0/null; methods give
 * bound closures; __get_field is consulted). o == NULL throws "Null access". */
HLI_INTERNAL hli_status hli_dyn_get(hli_thread *th, vdynamic *o, int32_t hash, hli_type *want, hli_reg *out);
/* Writes value v (of type vt) into field `hash` of o (dynobjs grow; objects need the field). */
HLI_INTERNAL hli_status hli_dyn_set(hli_thread *th, vdynamic *o, int32_t hash, hli_type *vt, const hli_reg *v);
/* The natives obj_get_field/obj_set_field/obj_has_field/obj_delete_field/obj_fields/obj_copy. */
HLI_INTERNAL hli_status hli_obj_get_field(hli_thread *th, vdynamic *o, int32_t hash, vdynamic **out);
HLI_INTERNAL hli_status hli_obj_set_field(hli_thread *th, vdynamic *o, int32_t hash, vdynamic *v);
HLI_INTERNAL bool hli_obj_has_field(vdynamic *o, int32_t hash);
HLI_INTERNAL hli_status hli_obj_delete_field(hli_thread *th, vdynamic *o, int32_t hash, bool *deleted);
/* Field names as a NativeArray of bytes (UTF-16), or *out = NULL for other kinds. */
HLI_INTERNAL hli_status hli_obj_fields(hli_thread *th, vdynamic *o, varray **out);
HLI_INTERNAL hli_status hli_obj_copy(hli_thread *th, vdynamic *o, vdynamic **out);

/* ---- casts (5.5) and virtual views (5.3) ------------------------------------------------------------ */

/* Converts the value at data (of static type t) to type to, into *out written with to's width
 * (hl_dyn_cast*). */
HLI_INTERNAL hli_status hli_dyn_cast(hli_thread *th, const void *data, hli_type *t, hli_type *to, hli_reg *out);
/* The individual conversions: hl_dyn_casti (to is ui8/ui16/i32/bool, the result is an int as C
 * converts it), casti64, castf, castd, castp. */
HLI_INTERNAL hli_status hli_dyn_casti(hli_thread *th, const void *data, hli_type *t, hli_type *to, int32_t *out);
HLI_INTERNAL hli_status hli_dyn_casti64(hli_thread *th, const void *data, hli_type *t, int64_t *out);
HLI_INTERNAL hli_status hli_dyn_castf(hli_thread *th, const void *data, hli_type *t, float *out);
HLI_INTERNAL hli_status hli_dyn_castd(hli_thread *th, const void *data, hli_type *t, double *out);
HLI_INTERNAL hli_status hli_dyn_castp(hli_thread *th, const void *data, hli_type *t, hli_type *to, void **out);
/* hl_write_dyn: stores dynamic v into a slot of type t (numbers converted, pointers cast; is_tmp:
 * v is a temporary box that must not be stored as is). */
HLI_INTERNAL hli_status hli_write_dyn(hli_thread *th, void *data, hli_type *t, vdynamic *v, bool is_tmp);
/* value_cast: v if t is dyn, v is null or v's type safe-casts to t; else the cast error. */
HLI_INTERNAL hli_status hli_value_cast(hli_thread *th, vdynamic *v, hli_type *t, vdynamic **out);
/* Throws "Can't cast <from> to <to>". */
HLI_INTERNAL hli_status hli_throw_cast(hli_thread *th, const hli_type *from, const hli_type *to);

HLI_INTERNAL hli_status hli_to_virtual(hli_thread *th, hli_type *vt, vdynamic *v, vvirtual **out);
/* Converts a value-less virtual to a dynobj-backed one (hl_virtual_make_value); *out = its value. */
HLI_INTERNAL hli_status hli_virtual_make_value(hli_thread *th, vvirtual *v, vdynamic **out);

/* ---- comparison (5.7) and printing (5.6) ------------------------------------------------------- */

/* Formats v as C's printf("%.<prec>g") does in the C locale, whatever the host's locale: "nan" or
 * "-nan" for NaNs (by sign bit), "inf"/"-inf". prec is clamped to 1..17. Returns the length written
 * (buf always NUL-terminated, size >= 32 is enough). Shared by the printer and the natives (ftos). */
HLI_INTERNAL int hli_fmt_g(double v, int prec, char *buf, size_t size);

/* hl_dyn_compare: <0, 0, >0 or HLI_INVALID_COMPARISON into *out; may call __compare. */
HLI_INTERNAL hli_status hli_dyn_compare(hli_thread *th, vdynamic *a, vdynamic *b, int32_t *out);
/* value_to_string (Std.string): null -> "null", top-level i32 "%d" and f64 "%.15g" ("NaN"), the rest
 * through the buffer printer. *out: a new GC UTF-16 buffer, NUL-terminated; *len its length in units. */
HLI_INTERNAL hli_status hli_value_to_string(hli_thread *th, vdynamic *v, hli_uchar **out, int32_t *len);
/* hl_to_string (uncaught exception reports): like the above but numbers go through the buffer
 * printer too (f64 as %.17g). */
HLI_INTERNAL hli_status hli_to_string(hli_thread *th, vdynamic *v, hli_uchar **out, int32_t *len);

/* ---- closures and dynamic calls (5.4) ------------------------------------------------------------ */

#define HLI_MAX_DYN_ARGS 9 /* hl_dyn_call / call_method limit */

/* hl_dyn_call: calls closure c with n boxed arguments (converted to its argument types) and boxes the
 * result into *ret (void -> NULL). */
HLI_INTERNAL hli_status hli_dyn_call(hli_thread *th, vclosure *c, vdynamic **args, int32_t n, vdynamic **ret);
/* The native call_method: as hli_dyn_call without re-inserting a bound value (a bound closure throws
 * "Can't call closure with value" unless it is a var-args closure). */
HLI_INTERNAL hli_status hli_call_method(hli_thread *th, vclosure *c, vdynamic **args, int32_t n, vdynamic **ret);
/* Calls a wrapper (hasValue 2): converts args (in the wrapper type's argument types) to the wrapped
 * closure's, calls it through hli_call_closure, converts the result back into *ret (wrapper's return
 * type). Var-args targets receive their arguments boxed in a NativeArray<Dynamic>. */
HLI_INTERNAL hli_status hli_wrapper_call(hli_thread *th, vclosure_wrapper *w, const hli_reg *args, uint32_t nargs,
                                         hli_reg *ret);
/* hl_dyn_call_obj: calls method or closure field `hash` of o (object or dynobj) with args in the types
 * of ft (an HFUN/HMETHOD without `this`), converting to and from the target's types. */
HLI_INTERNAL hli_status hli_dyn_call_obj(hli_thread *th, vdynamic *o, hli_type *ft, int32_t hash, const hli_reg *args,
                                         uint32_t nargs, hli_reg *ret);
/* hl_make_fun_wrapper: a wrapper of c typed `to`, or NULL (no exception) if the arities differ. */
HLI_INTERNAL hli_status hli_make_fun_wrapper(hli_thread *th, vclosure *c, hli_type *to, vclosure **out);
/* make_var_args: a closure of any arity that calls f (a NativeArray<Dynamic> -> Dynamic closure) with
 * its arguments boxed in an array. Recognised by hli_closure_is_var_args (its type is a builtin). */
HLI_INTERNAL vclosure *hli_make_var_args(hli_thread *th, vclosure *f);
HLI_INTERNAL bool hli_closure_is_var_args(const vclosure *c);
/* no_closure, make_closure (NULL when v does not fit), get_closure_value, fun_compare (5.4). */
HLI_INTERNAL hli_status hli_no_closure(hli_thread *th, vclosure *c, vclosure **out);
HLI_INTERNAL hli_status hli_make_closure(hli_thread *th, vclosure *c, vdynamic *v, vclosure **out);
HLI_INTERNAL hli_status hli_get_closure_value(hli_thread *th, vclosure *c, vdynamic **out);
HLI_INTERNAL bool hli_fun_compare(const vdynamic *a, const vdynamic *b);

/* ---- GC ------------------------------------------------------------------------------------------ */

/* The collector's trace callback for DYNAMIC blocks: marks the GC pointers of the value at block,
 * using its type (objects by mark bits, virtuals, enums, arrays, closures, dynobjs, boxes). */
HLI_INTERNAL void hli_rt_trace(hli_gc *gc, void *block, size_t size, void *ctx);

#endif
