/* Natives that only make sense inside HashLink's own tooling (hl-spec.md 8.1 "Allocation tracking /
 * profiling", and resolve_symbol from "Exceptions and debugging"): hl.Profile's allocation, cast and
 * dynamic-access tracking, the sampling profiler's events and the symbol resolution of its raw stack
 * addresses. This VM has no tracker and no sampling profiler, so they are documented no-ops
 * (docs/internals/natives.md): nothing is ever recorded, and hl.Profile then behaves as HashLink's
 * does when nothing was tracked yet (getData() is empty, dump() writes "Nothing"). hl.Profile's static
 * initialiser calls track_init, so every program that references the class calls one of these. */
#include "exec/vm.h"
#include "std/natives.h"
#include "std/std_families.h"

/* HashLink's tracking flags: 1 alloc, 2 cast, 4 dynfield, 8 dyncall. */
#define TRACK_MASK 15

static hli_status n_nothing(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)args, (void)ret;
    return HLI_OK;
}

/* track_count(ref maxDepth): the number of recorded entries (0) and the deepest recorded stack (0). */
static hli_status n_track_count(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    if (args[0].p != NULL)
        *(int32_t *)args[0].p = 0;
    ret->i = 0;
    return HLI_OK;
}

/* track_entry(id, ref type, ref count, ref info, stack): every id is out of range (-1), the refs and
 * the stack array stay as they are. */
static hli_status n_track_entry(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)args;
    ret->i = -1;
    return HLI_OK;
}

/* The flags are remembered so that hl.Profile.globalBits/threadBits read back what was set (masked
 * as HashLink masks them), though nothing is tracked. A VM runs one Haxe thread, so the thread's bits
 * live in the VM too. HashLink starts with global 0 and thread 15 (every kind); the thread's bits are
 * stored inverted so that the zeroed VM starts with 15. */
static hli_status n_track_get_bits(hli_thread *th, hli_reg *args, hli_reg *ret) {
    ret->i = args[0].b ? (th->vm->track_bits_thread_off ^ TRACK_MASK) : th->vm->track_bits_global;
    return HLI_OK;
}

static hli_status n_track_set_bits(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    int32_t bits = args[0].i & TRACK_MASK;
    if (args[1].b)
        th->vm->track_bits_thread_off = bits ^ TRACK_MASK;
    else
        th->vm->track_bits_global = bits;
    return HLI_OK;
}

/* resolve_symbol(symbol, buf, ref size): symbols only come from track_entry's stacks, which stay
 * empty; an unknown address resolves to null, as in HashLink (hl.Profile prints it as "<???>"). */
static hli_status n_resolve_symbol(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)args;
    ret->p = NULL;
    return HLI_OK;
}

const hli_native_def hli_std_profile_natives[] = {
    {"std", "track_init", "P_v", n_nothing},
    {"std", "track_lock", "Pb_v", n_nothing},
    {"std", "track_set_depth", "Pi_v", n_nothing},
    {"std", "track_reset", "P_v", n_nothing},
    {"std", "track_count", "PRi_i", n_track_count},
    {"std", "track_entry", "PiRTRiRiA_i", n_track_entry},
    {"std", "track_get_bits", "Pb_i", n_track_get_bits},
    {"std", "track_set_bits", "Pib_v", n_track_set_bits},
    {"std", "sys_profile_event", "PiBi_v", n_nothing},
    {"std", "resolve_symbol", "PXhl_symbol_BRi_B", n_resolve_symbol},
    {NULL, NULL, NULL, NULL},
};
