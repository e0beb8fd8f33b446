/* The per-VM handle table (see handles.h). */
#include <pthread.h>
#include <string.h>

#include "api/handles.h"

/* Marks the pointers of every live slot: the table's part of the VM's roots. */
static void handles_mark(hli_gc *gc, hlffi_vm *vm) {
    hli_handles *ht = vm->handles;
    if (ht == NULL)
        return;
    for (uint32_t s = 0; s < ht->nsegs; s++) {
        const hli_handle *seg = ht->segs[s];
        for (uint32_t i = 0; i < HLI_HANDLE_SEGMENT; i++)
            if (seg[i].t != NULL && hli_kind_is_ptr(seg[i].t->kind))
                hli_gc_mark(gc, seg[i].v.p);
    }
}

/* Adds a segment and threads its slots onto the free list. */
static bool handles_grow(hlffi_vm *vm, hli_handles *ht) {
    if (ht->nsegs == ht->segs_cap) {
        uint32_t ncap = ht->segs_cap ? ht->segs_cap * 2 : 8;
        hli_handle **ns = hli_mem_array(&vm->mem, ncap, sizeof *ns);
        if (ns == NULL)
            return false;
        if (ht->nsegs > 0)
            memcpy(ns, ht->segs, ht->nsegs * sizeof *ns);
        hli_mem_free(&vm->mem, ht->segs, ht->segs_cap * sizeof *ns);
        ht->segs = ns;
        ht->segs_cap = ncap;
    }
    hli_handle *seg = hli_mem_array(&vm->mem, HLI_HANDLE_SEGMENT, sizeof *seg);
    if (seg == NULL)
        return false;
    memset(seg, 0, HLI_HANDLE_SEGMENT * sizeof *seg);
    if (ht->free == NULL)
        ht->free_tail = &seg[HLI_HANDLE_SEGMENT - 1];
    for (uint32_t i = HLI_HANDLE_SEGMENT; i-- > 0;) {
        seg[i].vm = vm;
        seg[i].next = ht->free;
        ht->free = &seg[i];
    }
    ht->segs[ht->nsegs++] = seg;
    return true;
}

static void release(hli_handles *ht, hli_handle *h) {
    h->t = NULL;
    h->deferred = 0;
    memset(&h->v, 0, sizeof h->v);
#ifdef NDEBUG
    h->next = ht->free; /* LIFO: the slot just freed is warm in the cache */
    ht->free = h;
#else
    /* Debug builds: the new generation invalidates every public pointer made before this free.
     * Freed slots are still reused last (FIFO): a handle used after hlffi_value_free is then reported
     * as "freed" (the precise message) for as long as possible, each slot's 15-bit generation wraps as
     * late as possible, and untagged builds (32-bit) keep their only protection. */
    h->gen = (uint16_t)((h->gen + 1u) & HLI_HANDLE_GEN_MASK);
    h->next = NULL;
    if (ht->free == NULL)
        ht->free = h;
    else
        ht->free_tail->next = h;
    ht->free_tail = h;
#endif
    ht->live--;
}

/* Frees the slots other threads queued (on the owner's side of hli_handle_free). */
static void drain_deferred(hli_handles *ht) {
    hli_handle *h = __atomic_exchange_n(&ht->deferred, NULL, __ATOMIC_ACQUIRE);
    while (h != NULL) {
        hli_handle *next = h->next;
        release(ht, h);
        h = next;
    }
}

hli_handle *hli_handle_alloc_slow(hlffi_vm *vm, hli_type *t, const hli_reg *v) {
    hli_handles *ht = vm->handles;
    if (ht != NULL && __atomic_load_n(&ht->deferred, __ATOMIC_RELAXED) != NULL)
        drain_deferred(ht);
    if (ht == NULL) {
        if ((ht = hli_mem_alloc(&vm->mem, sizeof *ht)) == NULL)
            goto oom;
        memset(ht, 0, sizeof *ht);
        ht->stale.vm = vm;
        ht->stale.stale = 1;
        vm->handles = ht;
        vm->api_roots = handles_mark;
    }
    if (ht->free == NULL && !handles_grow(vm, ht))
        goto oom;
    return hli_handle_take(ht, t, v);
oom:
    HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while making a value handle");
    return NULL;
}

void hli_handle_free(hlffi_value *ref) {
    hli_handle *h = hli_handle_of(ref);
    if (h == NULL || h->t == NULL)
        return;
    hli_handles *ht = h->vm->handles;
    if (pthread_equal(pthread_self(), h->vm->owner)) {
        release(ht, h);
        return;
    }
    /* Another thread: claim the slot once (a second free of it is ignored), then push it. */
    if (__atomic_exchange_n(&h->deferred, 1u, __ATOMIC_ACQ_REL) != 0)
        return;
    hli_handle *head = __atomic_load_n(&ht->deferred, __ATOMIC_RELAXED);
    do
        h->next = head;
    while (!__atomic_compare_exchange_n(&ht->deferred, &head, h, true, __ATOMIC_RELEASE, __ATOMIC_RELAXED));
}

void hli_handles_destroy(hlffi_vm *vm) {
    hli_handles *ht = vm->handles;
    if (ht == NULL)
        return;
    for (uint32_t s = 0; s < ht->nsegs; s++)
        hli_mem_free(&vm->mem, ht->segs[s], HLI_HANDLE_SEGMENT * sizeof(hli_handle));
    hli_mem_free(&vm->mem, ht->segs, ht->segs_cap * sizeof(hli_handle *));
    hli_mem_free(&vm->mem, ht, sizeof *ht);
    vm->handles = NULL;
    vm->api_roots = NULL;
}
