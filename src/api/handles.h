/* The per-VM handle table behind the public hlffi_value* (hlffi-api.md "Rules that hold for the whole
 * API"): each handle is a slot holding a value with its type (a GC pointer or an unboxed number), in
 * fixed-size segments that never move, so a handle's address stays valid however many are made. Free
 * slots form a LIFO list (O(1) new and free). Every live slot holding a pointer is a GC root: the table
 * registers a roots hook in the VM (vm->api_roots, called from hli_exec_roots). Internal to src/api. */
#ifndef HLI_API_HANDLES_H
#define HLI_API_HANDLES_H

#include "exec/vm.h"

#define HLI_HANDLE_SEGMENT 256 /* slots per segment */

struct hlffi_value {
    hlffi_vm *vm;              /* its VM, so that functions taking only a handle find it */
    hli_type *t;               /* the value's type (a builtin or the module's); NULL: a free slot */
    hli_reg v;                 /* the value, written with t's width */
    struct hlffi_value *next;  /* free slots: the next free one; slots freed from another thread: the
                                  next on the deferred list */
    uint32_t deferred;         /* set (atomically) once a free from another thread has queued it */
};

typedef struct hli_handles {
    struct hlffi_value **segs; /* segments of HLI_HANDLE_SEGMENT slots (the pointer array may grow) */
    uint32_t nsegs, segs_cap;
    struct hlffi_value *free;  /* free list head */
    struct hlffi_value *free_tail; /* its last slot (debug builds append freed slots there) */
    size_t live;               /* handles in use */
    /* Handles freed by threads other than the VM's owner: a lock-free stack (__atomic builtins) that
     * the owner drains at its next handle allocation, so the single-thread path takes no lock. */
    struct hlffi_value *deferred;
} hli_handles;

/* A new handle holding *v of type t (NULL v: zero). NULL with HLFFI_ERROR_OUT_OF_MEMORY set on the VM
 * when the table cannot grow. Allocates no GC memory, so an unrooted pointer in *v is safe here. */
HLI_INTERNAL hlffi_value *hli_handle_new(hlffi_vm *vm, hli_type *t, const hli_reg *v);
/* Returns the slot to the free list; NULL and already-free slots are ignored. Called from a thread other
 * than the VM's owner (vm->owner, the thread that created it), it only queues the slot on the deferred
 * list: the value stays rooted until the owner's next handle allocation. */
HLI_INTERNAL void hli_handle_free(hlffi_value *h);
/* Frees the whole table (hlffi_destroy): every handle of the VM becomes invalid. */
HLI_INTERNAL void hli_handles_destroy(hlffi_vm *vm);

/* Frees the class-name index of the statics (src/api/api_static.c), if it was built. */
HLI_INTERNAL void hli_class_index_free(hlffi_vm *vm);

#endif
