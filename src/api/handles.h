/* The per-VM handle table behind the public hlffi_value* (hlffi-api.md "Rules that hold for the whole
 * API"; docs/internals/api-handles.md): each handle is a slot (hli_handle) holding a value with its type
 * (a GC pointer or an unboxed number), in fixed-size segments that never move, so a handle stays valid
 * however many are made. Free slots form a list (O(1) new and free). Every live slot holding a pointer
 * is a GC root: the table registers a roots hook in the VM (vm->api_roots, called from hli_exec_roots).
 *
 * struct hlffi_value is never defined: the public pointer is converted once at each entry with
 * hli_handle_of and every handle given out goes through hli_handle_ref (hli_handle_new does), so a field
 * read on an unconverted hlffi_value* does not compile. Release builds (NDEBUG): both are casts, the
 * public pointer is the slot's address. Debug builds on x86-64 and aarch64: the public pointer also
 * carries the slot's generation (bumped at each free) in its top bits, and a handle whose slot was freed
 * and reused is refused as stale instead of aliasing the new value. Internal to src/api. */
#ifndef HLI_API_HANDLES_H
#define HLI_API_HANDLES_H

#include "exec/vm.h"

#define HLI_HANDLE_SEGMENT 256 /* slots per segment */

typedef struct hli_handle {
    hlffi_vm *vm;              /* its VM, so that functions taking only a handle find it */
    hli_type *t;               /* the value's type (a builtin or the module's); NULL: a free slot */
    hli_reg v;                 /* the value, written with t's width */
    struct hli_handle *next;   /* free slots: the next free one; slots freed from another thread: the
                                  next on the deferred list */
    uint32_t deferred;         /* set (atomically) once a free from another thread has queued it */
    uint16_t gen;              /* debug builds: bumped at each free (HLI_HANDLE_GEN_MASK wide) */
    uint8_t stale;             /* set on the table's stale stand-in only (see hli_handle_of) */
} hli_handle;

typedef struct hli_handles {
    hli_handle **segs;         /* segments of HLI_HANDLE_SEGMENT slots (the pointer array may grow) */
    uint32_t nsegs, segs_cap;
    hli_handle *free;          /* free list head */
    hli_handle *free_tail;     /* its last slot (debug builds append freed slots there) */
    size_t live;               /* handles in use */
    /* Handles freed by threads other than the VM's owner: a lock-free stack (__atomic builtins) that
     * the owner drains at its next handle allocation, so the single-thread path takes no lock. */
    hli_handle *deferred;
    /* What hli_handle_of returns for a stale handle (debug builds): t NULL (so every "freed" check
     * refuses it, and hli_handle_free ignores it), vm this VM (the error is recorded there), stale 1
     * (hli_api_check_handle says "stale"). Never written after the table is made. */
    hli_handle stale;
} hli_handles;

/* Generation tags: debug builds on 64-bit targets whose user addresses never set bit 63 (x86-64, aarch64
 * without top-byte pointer tagging, so not Android nor HWASan); -DHLI_HANDLE_NO_TAGS turns them off. A
 * tagged public pointer is the slot's address | 1 << 63 | gen << 48 (gen 15 bits), so bit 63 tells a
 * tagged pointer from a plain one; a slot whose address does not fit in 48 bits is handed out untagged
 * (its plain address) and goes unchecked. */
#if !defined(NDEBUG) && (defined(__x86_64__) || defined(__aarch64__) || defined(_M_X64) || defined(_M_ARM64)) && \
    !defined(__ANDROID__) && !defined(__SANITIZE_HWADDRESS__)
#if defined(__has_feature)
#if __has_feature(hwaddress_sanitizer)
#define HLI_HANDLE_NO_TAGS
#endif
#endif
#ifndef HLI_HANDLE_NO_TAGS
#define HLI_HANDLE_TAGS 1
#endif
#endif

#define HLI_HANDLE_GEN_MASK 0x7FFFu

#ifdef HLI_HANDLE_TAGS
#define HLI_HANDLE_TAG_SHIFT 48
#define HLI_HANDLE_TAGGED ((uintptr_t)1 << 63)

/* A tag that does not match: the slot was freed since the handle was made. Still free: the slot itself
 * (t NULL: reported as a freed handle); reused: the stale stand-in. */
static inline hli_handle *hli_handle_mismatch(hli_handle *h) {
    return h->t == NULL ? h : &h->vm->handles->stale;
}
#endif

/* The slot behind a public handle (NULL for NULL). Debug builds: a handle whose slot was freed gives the
 * freed slot while it stays free and the VM's stale stand-in once it was reused (t NULL either way). */
static inline hli_handle *hli_handle_of(const hlffi_value *p) {
    uintptr_t u = (uintptr_t)p;
#ifdef HLI_HANDLE_TAGS
    if (u & HLI_HANDLE_TAGGED) {
        hli_handle *h = (hli_handle *)(u & (((uintptr_t)1 << HLI_HANDLE_TAG_SHIFT) - 1));
        if (((u >> HLI_HANDLE_TAG_SHIFT) & HLI_HANDLE_GEN_MASK) != h->gen)
            return hli_handle_mismatch(h);
        return h;
    }
#endif
    return (hli_handle *)u;
}

/* The public pointer of slot h (NULL for NULL): what the API gives out. */
static inline hlffi_value *hli_handle_ref(hli_handle *h) {
    uintptr_t u = (uintptr_t)h;
#ifdef HLI_HANDLE_TAGS
    if (h != NULL && (u >> HLI_HANDLE_TAG_SHIFT) == 0)
        u |= HLI_HANDLE_TAGGED | (uintptr_t)h->gen << HLI_HANDLE_TAG_SHIFT;
#endif
    return (hlffi_value *)u;
}

/* A new handle holding *v of type t (NULL v: zero): its slot. NULL with HLFFI_ERROR_OUT_OF_MEMORY set on
 * the VM when the table cannot grow. Allocates no GC memory, so an unrooted pointer in *v is safe here.
 * Inline for the usual case (a free slot at hand, no frees from other threads to take in first): every
 * call from C makes its result handle here, so this is on the embedding API's fastest paths. */
HLI_INTERNAL hli_handle *hli_handle_alloc_slow(hlffi_vm *vm, hli_type *t, const hli_reg *v);
/* Takes the first free slot of ht (there is one) for a value. */
static inline hli_handle *hli_handle_take(hli_handles *ht, hli_type *t, const hli_reg *v) {
    hli_handle *h = ht->free;
    ht->free = h->next;
    h->next = NULL;
    h->t = t;
    if (v != NULL)
        h->v = *v;
    else
        h->v.i64 = 0;
    ht->live++;
    return h;
}
static inline hli_handle *hli_handle_alloc(hlffi_vm *vm, hli_type *t, const hli_reg *v) {
    hli_handles *ht = vm->handles;
    if (HLI_UNLIKELY(ht == NULL || ht->free == NULL || __atomic_load_n(&ht->deferred, __ATOMIC_RELAXED) != NULL))
        return hli_handle_alloc_slow(vm, t, v);
    return hli_handle_take(ht, t, v);
}
/* The same in its public form (hli_handle_ref): what API functions return. */
static inline hlffi_value *hli_handle_new(hlffi_vm *vm, hli_type *t, const hli_reg *v) {
    return hli_handle_ref(hli_handle_alloc(vm, t, v));
}
/* Returns the slot of public handle h to the free list; NULL, freed and stale handles are ignored.
 * Called from a thread other than the VM's owner (vm->owner, the thread that created it), it only queues
 * the slot on the deferred list: the value stays rooted until the owner's next handle allocation. */
HLI_INTERNAL void hli_handle_free(hlffi_value *h);
/* Frees the whole table (hlffi_destroy): every handle of the VM becomes invalid. */
HLI_INTERNAL void hli_handles_destroy(hlffi_vm *vm);

/* Frees the class-name index of the statics (src/api/api_static.c), if it was built. */
HLI_INTERNAL void hli_class_index_free(hlffi_vm *vm);

#endif
