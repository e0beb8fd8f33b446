/* Public statistics (hlffi.h hlffi_vm_get_stats): what the collector counts (src/gc/gc.h hli_gc_stats),
 * the handle table's live count and the VM's allocation choke point (core/mem.h). */
#include <string.h>

#include "api/handles.h"

HLFFI_API hlffi_error_code hlffi_vm_get_stats(hlffi_vm *vm, hlffi_stats *out) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    if (out == NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_vm_get_stats: out is NULL");
    memset(out, 0, sizeof *out);
    if (vm->gc != NULL) {
        hli_gc_stats gs;
        hli_gc_get_stats(vm->gc, &gs);
        /* What the heap holds from the system (pages in use or kept for reuse, large blocks), so that
         * the peak the collector keeps (of the same sum) is its peak. */
        out->heap_bytes = gs.heap_bytes + gs.pool_bytes;
        out->heap_peak_bytes = gs.peak_bytes > out->heap_bytes ? gs.peak_bytes : out->heap_bytes;
        out->total_allocated_bytes = (size_t)gs.allocated_bytes;
        out->collections = gs.collections;
        out->gc_pause_total_ms = gs.total_pause_ms;
        out->gc_pause_max_ms = gs.max_pause_ms;
    }
    out->live_handles = vm->handles != NULL ? vm->handles->live : 0;
    out->vm_bytes = vm->mem.used;
    return HLFFI_OK;
}
