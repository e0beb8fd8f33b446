/* The collector's statistics: pause times (a monotonic clock read at the start and end of each
 * collection, the last HLI_GC_PAUSE_RING kept for the median), counts and bytes, and the one-line
 * summary HLFFI_GC_STATS=1 prints on stderr when the collector is destroyed. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "gc/gc_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

uint64_t gc_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void gc_record_pause(hli_gc *gc, uint64_t pause_ns, uint64_t mark_ns) {
    gc->pauses[gc->collections % HLI_GC_PAUSE_RING] = pause_ns;
    gc->collections++;
    gc->pause_total_ns += pause_ns;
    gc->mark_total_ns += mark_ns;
    gc->pause_last_ns = pause_ns;
    if (pause_ns > gc->pause_max_ns)
        gc->pause_max_ns = pause_ns;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static uint64_t median_pause(const hli_gc *gc) {
    size_t n = gc->collections < HLI_GC_PAUSE_RING ? (size_t)gc->collections : HLI_GC_PAUSE_RING;
    if (n == 0)
        return 0;
    uint64_t sorted[HLI_GC_PAUSE_RING];
    for (size_t i = 0; i < n; i++)
        sorted[i] = gc->pauses[i];
    qsort(sorted, n, sizeof sorted[0], cmp_u64);
    return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

static size_t live_bytes(const hli_gc *gc) {
    size_t live = 0;
    for (size_t c = 0; c < NCLASSES; c++)
        for (int k = 0; k < HLI_GC_KIND_COUNT; k++) {
            const page_list *l = &gc->lists[c][k];
            for (uint32_t i = 0; i < l->count; i++)
                live += (size_t)l->pages[i]->nlive * l->pages[i]->block_size;
        }
    for (uint32_t i = 0; i < gc->large.count; i++)
        live += gc->large.pages[i]->size;
    return live;
}

void hli_gc_get_stats(const hli_gc *gc, hli_gc_stats *out) {
    hli_gc_stats s = {0};
    s.collections = gc->collections;
    s.allocations = gc->folded_allocations + gc->main_ctx.allocations;
    s.allocated_bytes = gc->folded_bytes + gc->main_ctx.allocated_bytes;
    for (const hli_gc_tctx *t = gc->contexts; t != NULL; t = t->next) {
        s.allocations += t->allocations;
        s.allocated_bytes += t->allocated_bytes;
    }
    s.live_bytes = live_bytes(gc);
    s.heap_bytes = gc->heap_bytes;
    s.pool_bytes = gc->pool_count * PAGE_SIZE;
    s.peak_bytes = gc->peak_bytes;
    s.returned_bytes = gc->returned_bytes;
    s.pause_total_ns = gc->pause_total_ns;
    s.pause_max_ns = gc->pause_max_ns;
    s.pause_last_ns = gc->pause_last_ns;
    s.pause_median_ns = median_pause(gc);
    s.mark_total_ns = gc->mark_total_ns;
    s.elapsed_ns = gc_now_ns() - gc->created_ns;
    s.last_pause_ms = (double)s.pause_last_ns / 1e6;
    s.max_pause_ms = (double)s.pause_max_ns / 1e6;
    s.total_pause_ms = (double)s.pause_total_ns / 1e6;
    *out = s;
}

void gc_print_summary(const hli_gc *gc) {
    hli_gc_stats s;
    hli_gc_get_stats(gc, &s);
    double secs = (double)s.elapsed_ns / 1e9, mb = 1024.0 * 1024.0;
    fprintf(stderr,
            "hlffi gc: %llu collections, pause median %.3f ms max %.3f ms total %.1f ms (mark %.1f ms); "
            "%.1f MB allocated in %llu blocks, %.0f MB/s over %.2f s; peak heap %.1f MB, live %.1f MB, "
            "returned %.1f MB\n",
            (unsigned long long)s.collections, (double)s.pause_median_ns / 1e6, (double)s.pause_max_ns / 1e6,
            (double)s.pause_total_ns / 1e6, (double)s.mark_total_ns / 1e6, (double)s.allocated_bytes / mb,
            (unsigned long long)s.allocations, secs > 0 ? (double)s.allocated_bytes / mb / secs : 0.0, secs,
            (double)s.peak_bytes / mb, (double)s.live_bytes / mb, (double)s.returned_bytes / mb);
}

void gc_print_collection(const hli_gc *gc, size_t free_bytes) {
    double mb = 1024.0 * 1024.0;
    fprintf(stderr,
            "hlffi gc #%llu: pause %.3f ms; live %.2f MB, heap %.2f MB (free in pages %.2f MB), pool %.2f MB, "
            "next after %.2f MB\n",
            (unsigned long long)gc->collections, (double)gc->pause_last_ns / 1e6, (double)gc->live_after / mb,
            (double)gc->heap_bytes / mb, (double)free_bytes / mb, (double)(gc->pool_count * PAGE_SIZE) / mb,
            (double)gc->trigger / mb);
}
