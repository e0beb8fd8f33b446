/* Natives of sys.thread (hl-spec.md 8.1 "Threads and synchronisation") for a VM that runs one Haxe
 * thread: mutexes, locks, thread-local slots and deques behave correctly for that one thread, and
 * starting a thread throws a clear exception until Haxe threads are supported. Handles are GC blocks
 * (RAW: their words are scanned, so values they hold stay alive). */
#include <string.h>

#include "rt/rt.h"
#include "std/natives.h"
#include "std/std_families.h"
#include "std/std_internal.h"

/* A mutex or lock: a counter. A thread-local slot: the value of the one thread. */
typedef struct counter_handle {
    int64_t count;
} counter_handle;

typedef struct tls_handle {
    vdynamic *value;
} tls_handle;

/* A deque: a ring of Dynamic values in its own RAW block. */
typedef struct deque_handle {
    vdynamic **items; /* RAW block of cap slots */
    int32_t head, count, cap;
} deque_handle;

static hli_status n_thread_create(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args, (void)ret;
    return hli_throw_error(th, "Threads are not supported by this VM yet (sys.thread.Thread.create)");
}

/* The current (only) thread's handle: one stable block per VM, so identity comparisons hold. */
static hli_status n_thread_current(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    if (th->vm->thread_handle == NULL && (th->vm->thread_handle = hli_alloc(th, 8, HLI_GC_NOPTR)) == NULL)
        return HLI_EXC;
    ret->p = th->vm->thread_handle;
    return HLI_OK;
}

static hli_status n_tls_alloc(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    ret->p = hli_alloc(th, sizeof(tls_handle), HLI_GC_RAW);
    return ret->p != NULL ? HLI_OK : HLI_EXC;
}

static hli_status n_tls_get(hli_thread *th, hli_reg *args, hli_reg *ret) {
    tls_handle *t = args[0].p;
    if (t == NULL)
        return hli_throw_error(th, "Null access");
    ret->p = t->value;
    return HLI_OK;
}

static hli_status n_tls_set(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    tls_handle *t = args[0].p;
    if (t == NULL)
        return hli_throw_error(th, "Null access");
    t->value = args[1].p;
    return HLI_OK;
}

static hli_status n_counter_alloc(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    ret->p = hli_alloc(th, sizeof(counter_handle), HLI_GC_NOPTR);
    return ret->p != NULL ? HLI_OK : HLI_EXC;
}

/* Mutexes are recursive: with one thread, acquiring always succeeds and only the count matters. */
static hli_status n_mutex_acquire(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    counter_handle *m = args[0].p;
    if (m == NULL)
        return hli_throw_error(th, "Null access");
    m->count++;
    return HLI_OK;
}

static hli_status n_mutex_try_acquire(hli_thread *th, hli_reg *args, hli_reg *ret) {
    hli_status st = n_mutex_acquire(th, args, ret);
    ret->i64 = st == HLI_OK;
    return st;
}

static hli_status n_mutex_release(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    counter_handle *m = args[0].p;
    if (m == NULL)
        return hli_throw_error(th, "Null access");
    if (m->count > 0)
        m->count--;
    return HLI_OK;
}

static hli_status n_lock_release(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    counter_handle *l = args[0].p;
    if (l == NULL)
        return hli_throw_error(th, "Null access");
    l->count++;
    return HLI_OK;
}

/* lock_wait(l, timeout:Null<Float>): takes one release if there is one. With no other thread nothing
 * can release it later: a timeout is waited out as HashLink would (interruptible by the host, like
 * Sys.sleep; haxe's EventLoop waits for its next timed event this way) and gives false; waiting
 * forever would hang the host, so it throws instead. */
static hli_status n_lock_wait(hli_thread *th, hli_reg *args, hli_reg *ret) {
    counter_handle *l = args[0].p;
    if (l == NULL)
        return hli_throw_error(th, "Null access");
    if (l->count > 0) {
        l->count--;
        ret->i64 = 1;
        return HLI_OK;
    }
    vdynamic *timeout = args[1].p;
    if (timeout == NULL)
        return hli_throw_error(th, "Lock.wait would block forever: no other thread can release it");
    hli_std_sleep(th, timeout->v.d);
    ret->i64 = 0;
    return HLI_OK;
}

static hli_status n_deque_alloc(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    ret->p = hli_alloc(th, sizeof(deque_handle), HLI_GC_RAW);
    return ret->p != NULL ? HLI_OK : HLI_EXC;
}

/* Makes room for one more item (q is rooted by the caller's argument slots). */
static hli_status deque_reserve(hli_thread *th, deque_handle *q) {
    if (q->count < q->cap)
        return HLI_OK;
    int32_t ncap = q->cap ? q->cap * 2 : 8;
    vdynamic **items = hli_alloc(th, (size_t)ncap * sizeof(vdynamic *), HLI_GC_RAW);
    if (items == NULL)
        return HLI_EXC;
    for (int32_t i = 0; i < q->count; i++)
        items[i] = q->items[(q->head + i) % q->cap];
    q->items = items;
    q->head = 0;
    q->cap = ncap;
    return HLI_OK;
}

static hli_status deque_insert(hli_thread *th, hli_reg *args, bool front) {
    deque_handle *q = args[0].p;
    if (q == NULL)
        return hli_throw_error(th, "Null access");
    hli_root_push(th, &args[1].p);
    hli_status st = deque_reserve(th, q);
    hli_root_pop(th, 1);
    if (st != HLI_OK)
        return st;
    if (front) {
        q->head = (q->head + q->cap - 1) % q->cap;
        q->items[q->head] = args[1].p;
    } else {
        q->items[(q->head + q->count) % q->cap] = args[1].p;
    }
    q->count++;
    return HLI_OK;
}

static hli_status n_deque_add(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    return deque_insert(th, args, false);
}

static hli_status n_deque_push(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    return deque_insert(th, args, true);
}

/* deque_pop(q, block): the first item; empty: null, or (block) an exception, since no other thread
 * could ever add one. */
static hli_status n_deque_pop(hli_thread *th, hli_reg *args, hli_reg *ret) {
    deque_handle *q = args[0].p;
    if (q == NULL)
        return hli_throw_error(th, "Null access");
    if (q->count == 0) {
        if (args[1].b)
            return hli_throw_error(th, "Deque.pop would block forever: no other thread can add to it");
        ret->p = NULL;
        return HLI_OK;
    }
    ret->p = q->items[q->head];
    q->items[q->head] = NULL;
    q->head = (q->head + 1) % q->cap;
    q->count--;
    return HLI_OK;
}

const hli_native_def hli_std_thread_natives[] = {
    {"std", "thread_create", "PP_v_Xhl_thread_", n_thread_create},
    {"std", "thread_current", "P_Xhl_thread_", n_thread_current},
    {"std", "tls_alloc", "Pb_Xhl_tls_", n_tls_alloc},
    {"std", "tls_get", "PXhl_tls__D", n_tls_get},
    {"std", "tls_set", "PXhl_tls_D_v", n_tls_set},
    {"std", "mutex_alloc", "Pb_Xhl_mutex_", n_counter_alloc},
    {"std", "mutex_acquire", "PXhl_mutex__v", n_mutex_acquire},
    {"std", "mutex_try_acquire", "PXhl_mutex__b", n_mutex_try_acquire},
    {"std", "mutex_release", "PXhl_mutex__v", n_mutex_release},
    {"std", "deque_alloc", "P_Xhl_deque_", n_deque_alloc},
    {"std", "deque_add", "PXhl_deque_D_v", n_deque_add},
    {"std", "deque_push", "PXhl_deque_D_v", n_deque_push},
    {"std", "deque_pop", "PXhl_deque_b_D", n_deque_pop},
    {"std", "lock_create", "P_Xhl_lock_", n_counter_alloc},
    {"std", "lock_release", "PXhl_lock__v", n_lock_release},
    {"std", "lock_wait", "PXhl_lock_Nd_b", n_lock_wait},
    {NULL, NULL, NULL, NULL},
};
