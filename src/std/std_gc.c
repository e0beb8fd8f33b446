/* Natives of hl.Gc (hl-spec.md 8.1 "GC control") over the VM's collector. Heap dumps (HashLink's HMD
 * format for its own tools) are a documented no-op. */
#include "gc/gc.h"
#include "rt/rt.h"
#include "std/natives.h"
#include "std/std_families.h"

static hli_status n_gc_major(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args, (void)ret;
    hli_gc_collect(th->vm->gc);
    return HLI_OK;
}

static hli_status n_gc_enable(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    hli_gc_enable(th->vm->gc, args[0].b != 0);
    return HLI_OK;
}

/* gc_stats(ref totalAllocated, ref allocationCount, ref currentMemory), as f64. */
static hli_status n_gc_stats(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    hli_gc_stats st;
    hli_gc_get_stats(th->vm->gc, &st);
    double values[3] = {(double)st.allocated_bytes, (double)st.allocations, (double)st.heap_bytes};
    for (int i = 0; i < 3; i++)
        if (args[i].p != NULL)
            *(double *)args[i].p = values[i];
    return HLI_OK;
}

static hli_status n_gc_dump_memory(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)args, (void)ret;
    return HLI_OK;
}

/* The flags HashLink keeps (profile, dump on OOM, no threads, force major, profile memory) have no
 * effect on this collector; they are remembered so that a get returns what a set stored. */
static hli_status n_gc_get_flags(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    ret->i = th->vm->gc_flags;
    return HLI_OK;
}

static hli_status n_gc_set_flags(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    th->vm->gc_flags = args[0].i;
    return HLI_OK;
}

/* blocking(true/false): brackets code that waits outside the VM; with one thread per VM there is no
 * collection to let through, so it only checks the nesting as HashLink does. */
static hli_status n_blocking(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    if (args[0].b)
        th->blocking++;
    else if (th->blocking == 0)
        return hli_throw_error(th, "Unblocked thread");
    else
        th->blocking--;
    return HLI_OK;
}

const hli_native_def hli_std_gc_natives[] = {
    {"std", "gc_major", "P_v", n_gc_major},
    {"std", "gc_enable", "Pb_v", n_gc_enable},
    {"std", "gc_stats", "PRdRdRd_v", n_gc_stats},
    {"std", "gc_dump_memory", "PB_v", n_gc_dump_memory},
    {"std", "gc_get_flags", "P_i", n_gc_get_flags},
    {"std", "gc_set_flags", "Pi_v", n_gc_set_flags},
    {"std", "blocking", "Pb_v", n_blocking},
    {NULL, NULL, NULL, NULL},
};
