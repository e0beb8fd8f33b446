/* Cached calls (hlffi-api.md "Caching (the fast path)", "Typed calls"): the record behind the public
 * hlffi_cached_call*, resolved once by name and then called with no look-up. Records belong to their
 * VM: freed ones stay in the VM's pool for reuse (so freeing twice, or calling a freed one, is detected
 * and reported instead of touching freed memory) and hlffi_destroy frees them all, forgotten ones
 * included. Internal to src/api. */
#ifndef HLI_API_CACHE_H
#define HLI_API_CACHE_H

#include "api/handles.h"
#include "exec/exec.h"


#define HLI_CACHE_LIVE 0x4c434348u  /* "HCCL" */
#define HLI_CACHE_FREED 0x46434348u /* "HCCF" */

struct hlffi_cached_call {
    uint32_t magic;          /* HLI_CACHE_LIVE, or HLI_CACHE_FREED while in the pool */
    bool method;             /* an instance method: the object is argument 0 */
    uint32_t nargs;          /* the arguments the caller passes (the object not counted) */
    bool plain;              /* typed calls: every argument is an Int, I64, Single or Float and the result
                                one of those or Void, so slots are copied in and out as they are */
    bool ret_void;
    hlffi_vm *vm;
    /* The function, by its place in the VM's function table (never its code), so that a hot reload
     * that swaps code behind a function handle is followed: &vm->prog->fns[index], a table that never
     * moves (one load per call rather than four). Methods with a virtual slot (pindex >= 0) dispatch
     * through the object's virtual table, so a subclass's override is called. */
    hli_fn *fn;
    int32_t pindex;
    hli_type *cls;           /* methods: the class the name was resolved in */
    hli_type *seen;          /* methods: the last object type found to be cls or a subclass */
    const char *cls_name;    /* for messages: the class index's copy (VM-owned) */
    const char *name;        /* and the member (a module string) */
    struct hlffi_cached_call *prev, *next; /* the VM's live list; the pool through next */
};

/* The VM's records (vm->caches). */
typedef struct hli_caches {
    struct hlffi_cached_call *live;
    struct hlffi_cached_call *pool;
} hli_caches;

/* Frees every record of the VM, live or pooled (hlffi_destroy). */
HLI_INTERNAL void hli_caches_free(hlffi_vm *vm);

/* The VM of a live record of the wanted kind (method or static) with its main thread in *th; NULL with
 * the error set on the record's VM when it was freed or is of the other kind (nothing is recorded for
 * a NULL record). */
HLI_INTERNAL hlffi_vm *hli_cache_check(hlffi_cached_call *c, bool method, hli_thread **th);
/* The function a method record calls on object o (the override of o's class), checking that o is an
 * instance of the record's class or of a subclass; NULL with the error set otherwise. Inline for the
 * object type seen last. */
HLI_INTERNAL hli_fn *hli_cache_method_fn_slow(hlffi_cached_call *c, vdynamic *o);
static inline hli_fn *hli_cache_method_fn(hlffi_cached_call *c, vdynamic *o) {
    hli_type *t = o->t;
    if (t == c->seen) {
        if (c->pindex < 0)
            return c->fn;
        if (t->vobj_proto != NULL && t->vobj_proto[c->pindex] != NULL)
            return (hli_fn *)t->vobj_proto[c->pindex];
    }
    return hli_cache_method_fn_slow(c, o);
}
/* The fast check of a call: a live record of the right kind, a loaded module, the right argc. */
#define HLI_CACHE_OK(c, want_method, argc, args, th)                                                     \
    ((c) != NULL && (c)->magic == HLI_CACHE_LIVE && (c)->method == (want_method) &&                      \
     ((th) = (c)->vm->main_thread) != NULL && (uint32_t)(argc) == (c)->nargs && ((argc) == 0 || (args) != NULL))
/* The object held by handle `instance` for a method record (the object underneath a virtual), or NULL
 * with the error set (NULL, freed, stale or another VM's handle: INVALID_ARGUMENT; null: NULL_VALUE; not
 * an object: INVALID_TYPE). Inline for a handle holding an object. */
HLI_INTERNAL vdynamic *hli_cache_object_slow(hlffi_cached_call *c, const hli_handle *h);
static inline vdynamic *hli_cache_object(hlffi_cached_call *c, const hlffi_value *instance) {
    const hli_handle *h = hli_handle_of(instance);
    if (h != NULL && h->t != NULL && h->t->kind == HOBJ && h->vm == c->vm && h->v.p != NULL)
        return h->v.p;
    return hli_cache_object_slow(c, h);
}
/* Records a wrong argument count for a call of c. */
HLI_INTERNAL void hli_cache_bad_argc(hlffi_cached_call *c, int argc, bool null_args);

#endif
