/* Unit tests of the collector (src/gc) on its own: no VM, roots and tracing supplied by the test.
 * Blocks of kind DYNAMIC here hold a tag word then pointers (the test's trace marks every word after
 * the first); RAW blocks are scanned conservatively by the collector itself. */
#define _POSIX_C_SOURCE 200809L
#include "gc/gc_internal.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int failures;
#define CHECK(cond, ...)                                                                                        \
    do {                                                                                                        \
        if (!(cond)) {                                                                                          \
            failures++;                                                                                         \
            fprintf(stderr, "%s:%d: CHECK(%s) failed: ", __FILE__, __LINE__, #cond);                            \
            fprintf(stderr, __VA_ARGS__);                                                                       \
            fprintf(stderr, "\n");                                                                              \
        }                                                                                                       \
    } while (0)

/* The test's roots: NROOTS slots marked precisely. */
#define NROOTS 64
typedef struct world {
    hli_mem mem;
    hli_gc *gc;
    void *roots[NROOTS];
    int finalized;
} world;

static void roots_cb(hli_gc *gc, void *ctx) {
    world *w = ctx;
    for (int i = 0; i < NROOTS; i++)
        hli_gc_mark(gc, w->roots[i]);
}

static void trace_cb(hli_gc *gc, void *block, size_t size, void *ctx) {
    (void)ctx;
    for (size_t off = sizeof(void *); off + sizeof(void *) <= size; off += sizeof(void *))
        hli_gc_mark(gc, *(void **)((char *)block + off));
}

static void open_world(world *w, size_t limit) {
    memset(w, 0, sizeof *w);
    hli_mem_init(&w->mem, limit);
    w->gc = hli_gc_create(&w->mem, roots_cb, trace_cb, w);
    if (w->gc == NULL) {
        fprintf(stderr, "cannot create a collector\n");
        exit(1);
    }
}

static void close_world(world *w) {
    hli_gc_destroy(w->gc);
    CHECK(w->mem.used == 0, "%zu bytes still charged after destroy", w->mem.used);
}

static hli_gc_stats stats(world *w) {
    hli_gc_stats s;
    hli_gc_get_stats(w->gc, &s);
    return s;
}

/* The resident set of this process in bytes (/proc/self/statm, second field). */
static size_t rss_bytes(void) {
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long size = 0, resident = 0;
    if (f != NULL) {
        if (fscanf(f, "%lu %lu", &size, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return (size_t)resident * (size_t)sysconf(_SC_PAGESIZE);
}

/* The offset -> block index multiplication agrees with division for every class and offset. */
static void test_block_index(void) {
    for (uint32_t c = 0; c < NCLASSES; c++) {
        gc_page p;
        p.block_size = hli_gc_class_sizes[c];
        p.recip = (uint32_t)((((uint64_t)1 << 32) + p.block_size - 1) / p.block_size);
        uint32_t bad = 0;
        for (size_t off = 0; off < PAGE_SIZE; off++)
            bad += gc_block_index(&p, off) != off / p.block_size;
        CHECK(bad == 0, "class %u (%u bytes): %u offsets map to the wrong block", c, p.block_size, bad);
        CHECK(c == 0 || hli_gc_class_sizes[c] > hli_gc_class_sizes[c - 1], "classes ascend");
        CHECK(hli_gc_class_sizes[c] % 8 == 0, "8-byte multiples");
    }
}

/* Every size gets the smallest class that holds it; blocks are zeroed, 8-byte aligned, and resolve
 * from any interior address. */
static void test_sizes(void) {
    world w;
    open_world(&w, 0);
    for (size_t size = 1; size <= SMALL_MAX + 100; size += size < 300 ? 1 : 97) {
        uint8_t *b = hli_gc_alloc(w.gc, size, HLI_GC_NOPTR);
        size_t usable = 0;
        CHECK(b != NULL && hli_gc_block_of(w.gc, b, &usable) == b, "size %zu", size);
        if (b == NULL)
            continue;
        CHECK(((uintptr_t)b & 7) == 0, "size %zu: aligned", size);
        CHECK(usable >= size, "size %zu: usable %zu", size, usable);
        if (size <= SMALL_MAX) {
            uint32_t c = 0;
            while (hli_gc_class_sizes[c] < size)
                c++;
            CHECK(usable == hli_gc_class_sizes[c], "size %zu: class of %zu bytes, want %u", size, usable,
                  hli_gc_class_sizes[c]);
        } else {
            CHECK(usable == size, "large size %zu: %zu", size, usable);
        }
        size_t zeros = 0;
        for (size_t i = 0; i < usable; i++)
            zeros += b[i] == 0;
        CHECK(zeros == usable, "size %zu: %zu of %zu bytes zero", size, zeros, usable);
        CHECK(hli_gc_block_of(w.gc, b + usable / 2, NULL) == b && hli_gc_block_of(w.gc, b + usable - 1, NULL) == b,
              "size %zu: interior addresses", size);
        memset(b, 0xA5, usable); /* dirty: the next round must get zeros again */
    }
    hli_gc_collect(w.gc);
    CHECK(stats(&w).live_bytes == 0, "everything unrooted is freed: %zu", stats(&w).live_bytes);
    for (size_t size = 8; size <= 4096; size += 8) {
        uint8_t *b = hli_gc_alloc(w.gc, size, HLI_GC_RAW);
        size_t usable = 0;
        hli_gc_block_of(w.gc, b, &usable);
        size_t nonzero = 0;
        for (size_t i = 0; i < usable; i++)
            nonzero += b[i] != 0;
        CHECK(nonzero == 0, "reused block of %zu bytes: %zu bytes not zero", size, nonzero);
    }
    CHECK(hli_gc_alloc(w.gc, 0, HLI_GC_NOPTR) == NULL, "size 0");
    CHECK(hli_gc_alloc(w.gc, 16, HLI_GC_KIND_COUNT) == NULL, "bad kind");
    close_world(&w);
}

/* A list kept alive through DYNAMIC and RAW links and an interior root survives collections intact;
 * once unrooted it is freed. */
static void test_reachability(void) {
    world w;
    open_world(&w, 0);
    void *head = NULL;
    for (int i = 0; i < 20000; i++) {
        void **node = hli_gc_alloc(w.gc, 24 + (size_t)(i % 5) * 8, i % 2 ? HLI_GC_DYNAMIC : HLI_GC_RAW);
        node[0] = (void *)(uintptr_t)(i * 2 + 1); /* tag word: odd, never a pointer */
        node[1] = head;
        head = node;
        w.roots[0] = head; /* rooted before the next allocation, which may collect */
        node[2] = hli_gc_alloc(w.gc, 40, HLI_GC_NOPTR);
        if (node[2] != NULL)
            ((int *)node[2])[0] = i;
        for (int g = 0; g < 3; g++)
            hli_gc_alloc(w.gc, 100, HLI_GC_NOPTR); /* garbage */
    }
    w.roots[0] = NULL;
    w.roots[1] = (char *)head + 12; /* an interior pointer alone keeps the list */
    for (int round = 0; round < 2; round++)
        hli_gc_collect(w.gc);
    int n = 0, ok = 1;
    for (void **node = head; node != NULL; node = node[1], n++)
        ok &= node[0] == (void *)(uintptr_t)((19999 - n) * 2 + 1) && ((int *)node[2])[0] == 19999 - n;
    CHECK(n == 20000 && ok, "list intact: %d nodes, contents %s", n, ok ? "ok" : "wrong");
    hli_gc_stats s = stats(&w);
    CHECK(s.collections >= 3 && s.allocations == 100000, "%llu collections, %llu allocations",
          (unsigned long long)s.collections, (unsigned long long)s.allocations);
    CHECK(s.live_bytes < 4 << 20, "only the list is live: %zu", s.live_bytes);
    w.roots[1] = NULL;
    hli_gc_collect(w.gc);
    s = stats(&w);
    CHECK(s.live_bytes == 0 && s.heap_bytes == 0, "unrooted: %zu live, %zu heap", s.live_bytes, s.heap_bytes);
    CHECK(s.pause_max_ns >= s.pause_median_ns && s.pause_total_ns >= s.pause_max_ns && s.pause_last_ns > 0,
          "pauses: median %llu max %llu total %llu", (unsigned long long)s.pause_median_ns,
          (unsigned long long)s.pause_max_ns, (unsigned long long)s.pause_total_ns);
    close_world(&w);
}

static void finalize(void *block) { (*((int **)block)[1])++; }

/* Finalizers run when their block dies and, for the survivors, when the collector is destroyed. */
static void test_finalizers(void) {
    world w;
    open_world(&w, 0);
    for (int i = 0; i < 10; i++) {
        void **b = hli_gc_alloc(w.gc, 2 * sizeof(void *), HLI_GC_FINALIZER);
        hli_gc_finalizer f = finalize;
        memcpy(&b[0], &f, sizeof f);
        b[1] = &w.finalized;
        if (i < 3)
            w.roots[i] = b;
    }
    hli_gc_collect(w.gc);
    CHECK(w.finalized == 7, "7 dead finalizer blocks, %d finalized", w.finalized);
    hli_gc_collect(w.gc);
    CHECK(w.finalized == 7, "finalized once: %d", w.finalized);
    int *count = &w.finalized;
    hli_gc_destroy(w.gc);
    CHECK(*count == 10, "the 3 survivors at destroy: %d", *count);
    CHECK(w.mem.used == 0, "%zu bytes left", w.mem.used);
}

/* Large blocks live in their own mappings, unmapped when they die. */
static void test_large(void) {
    world w;
    open_world(&w, 0);
    size_t n = (3 << 20) + 100;
    uint8_t *a = hli_gc_alloc(w.gc, n, HLI_GC_RAW);
    w.roots[0] = a;
    uint8_t *small = hli_gc_alloc(w.gc, 32, HLI_GC_NOPTR);
    memcpy(a + (1 << 20), &small, sizeof small); /* a RAW word keeps it */
    small[0] = 42;
    hli_gc_collect(w.gc);
    CHECK(hli_gc_block_of(w.gc, a + n - 1, NULL) == a && hli_gc_block_of(w.gc, a + n, NULL) == NULL,
          "large block bounds");
    CHECK(hli_gc_block_of(w.gc, small, NULL) == small && small[0] == 42, "kept by a word of a RAW large block");
    hli_gc_stats s = stats(&w);
    w.roots[0] = NULL;
    hli_gc_collect(w.gc);
    hli_gc_stats t = stats(&w);
    CHECK(t.heap_bytes + (3 << 20) <= s.heap_bytes && t.returned_bytes >= s.returned_bytes + (3 << 20),
          "the mapping went back: heap %zu -> %zu, returned %llu -> %llu", s.heap_bytes, t.heap_bytes,
          (unsigned long long)s.returned_bytes, (unsigned long long)t.returned_bytes);
    CHECK(hli_gc_block_of(w.gc, a, NULL) == NULL, "dead large block");
    close_world(&w);
}

/* A big structure of small blocks dies: its pages go back to the system (RSS falls), and the heap
 * kept afterwards is bounded by the policy. */
static void test_memory_returned(void) {
    world w;
    open_world(&w, 0);
    size_t rss0 = rss_bytes();
    void *head = NULL;
    for (int i = 0; i < 1000000; i++) { /* 1e6 x 48 bytes + 1e6 x 40: about 88 MB */
        void **node = hli_gc_alloc(w.gc, 48, HLI_GC_DYNAMIC);
        node[1] = head;
        head = node;
        w.roots[0] = head;
        node[2] = hli_gc_alloc(w.gc, 40, HLI_GC_NOPTR);
        memset(node[2], 1, 40); /* touched: resident */
    }
    hli_gc_collect(w.gc);
    size_t rss1 = rss_bytes();
    hli_gc_stats s1 = stats(&w);
    w.roots[0] = head = NULL;
    hli_gc_collect(w.gc);
    size_t rss2 = rss_bytes();
    hli_gc_stats s2 = stats(&w);
    printf("memory returned: RSS %.1f MB before, %.1f MB with the structure, %.1f MB after it died; heap %.1f -> "
           "%.1f MB, pool %.1f MB\n",
           rss0 / 1048576.0, rss1 / 1048576.0, rss2 / 1048576.0, s1.heap_bytes / 1048576.0,
           s2.heap_bytes / 1048576.0, s2.pool_bytes / 1048576.0);
    CHECK(s1.live_bytes >= 80u << 20, "the structure: %zu live bytes", s1.live_bytes);
    CHECK(s2.heap_bytes == 0 && s2.pool_bytes <= 4u << 20, "after: heap %zu, pool %zu", s2.heap_bytes,
          s2.pool_bytes);
#ifdef HLI_ASAN
    bool measurable = false; /* poisoning 84 MB writes 10 MB of shadow memory, which stays */
#else
    bool measurable = !HLI_ON_VALGRIND(); /* memcheck's own memory hides the process's */
#endif
    if (measurable)
        CHECK(rss1 > rss0 + (80u << 20) && rss2 < rss0 + (12u << 20), "RSS %zu -> %zu -> %zu", rss0, rss1, rss2);
    close_world(&w);
}

/* The memory limit: allocation fails cleanly past it, and works again once memory is freed. */
static void test_limit(void) {
    world w;
    open_world(&w, 8u << 20);
    int n = 0;
    for (; n < 100000; n++) {
        void **b = hli_gc_alloc(w.gc, 1000, HLI_GC_RAW);
        if (b == NULL)
            break;
        b[0] = w.roots[0];
        w.roots[0] = b;
    }
    CHECK(n > 5000 && n < 8400, "%d blocks of 1000 bytes under an 8 MB limit", n);
    CHECK(hli_gc_alloc(w.gc, 1 << 20, HLI_GC_NOPTR) == NULL, "a large block past the limit");
    w.roots[0] = NULL;
    CHECK(hli_gc_alloc(w.gc, 1 << 20, HLI_GC_NOPTR) != NULL, "after dropping: a large block (collects first)");
    CHECK(hli_gc_alloc(w.gc, 1000, HLI_GC_RAW) != NULL, "after dropping: small");
    CHECK(w.mem.used <= 8u << 20, "within the limit: %zu", w.mem.used);
    close_world(&w);
}

/* Every allocation of the collector's own (pages, chunks, lists, the map, the mark stack) failing in
 * turn: the allocation returns NULL or succeeds, the heap stays consistent, nothing leaks. */
static void test_failures(void) {
    uint64_t total = 0;
    for (uint64_t k = 1;; k++) {
        world w;
        open_world(&w, 0);
        w.mem.fail_at = k + w.mem.allocations;
        int got = 0;
        for (int i = 0; i < 3000; i++) {
            void **b = hli_gc_alloc(w.gc, (size_t)(16 + (i % 7) * 24 + (i % 500 == 0 ? 40000 : 0)), HLI_GC_RAW);
            if (b == NULL)
                continue;
            got++;
            b[0] = w.roots[i % 4];
            w.roots[i % 4] = b;
            if (i % 1000 == 999)
                hli_gc_collect(w.gc);
        }
        hli_gc_verify(w.gc);
        bool injected = w.mem.allocations >= w.mem.fail_at;
        CHECK(got >= 2990, "failure %llu: only %d allocations", (unsigned long long)k, got);
        close_world(&w);
        if (!injected) {
            total = k - 1;
            break;
        }
    }
    CHECK(total > 20, "%llu allocations swept", (unsigned long long)total);
}

/* Two allocation contexts take blocks from different pages; their counts reach the statistics. */
static void test_contexts(void) {
    world w;
    open_world(&w, 0);
    hli_gc_tctx *main_ctx = hli_gc_main_context(w.gc), *other = hli_gc_context_new(w.gc);
    CHECK(other != NULL && other != main_ctx, "a second context");
    void *a = hli_gc_alloc_in(main_ctx, 24, HLI_GC_NOPTR), *b = hli_gc_alloc_in(other, 24, HLI_GC_NOPTR);
    void *a2 = hli_gc_alloc_in(main_ctx, 24, HLI_GC_NOPTR), *b2 = hli_gc_alloc_in(other, 24, HLI_GC_NOPTR);
    CHECK(gc_page_of(w.gc, a) == gc_page_of(w.gc, a2) && gc_page_of(w.gc, b) == gc_page_of(w.gc, b2) &&
              gc_page_of(w.gc, a) != gc_page_of(w.gc, b),
          "each context has its own page");
    CHECK(gc_page_of(w.gc, a)->owner == main_ctx && gc_page_of(w.gc, b)->owner == other, "owners");
    hli_gc_safepoint(w.gc, other);
    hli_gc_safepoint(w.gc, NULL);
    CHECK(other->safepoints == 1 && main_ctx->safepoints == 1, "safepoints reach their context");
    for (int i = 0; i < 100000; i++) /* both through a collection */
        hli_gc_alloc_in(i % 2 ? other : main_ctx, 64, HLI_GC_RAW);
    hli_gc_verify(w.gc);
    hli_gc_context_free(other);
    hli_gc_context_free(main_ctx); /* ignored: the main context lives with the collector */
    CHECK(stats(&w).allocations == 100004, "%llu allocations", (unsigned long long)stats(&w).allocations);
    close_world(&w);
}

/* Stress mode collects at every allocation. */
static void test_stress(void) {
    world w;
    open_world(&w, 0);
    hli_gc_set_stress(w.gc, 1, false);
    for (int i = 0; i < 200; i++) {
        void **b = hli_gc_alloc(w.gc, 32, HLI_GC_RAW);
        b[0] = w.roots[0];
        w.roots[0] = b;
    }
    int n = 0;
    for (void **b = w.roots[0]; b != NULL; b = b[0])
        n++;
    CHECK(n == 200 && stats(&w).collections == 200, "%d nodes, %llu collections", n,
          (unsigned long long)stats(&w).collections);
    close_world(&w);
}

/* Runs fn in a child process, which must abort with `want` in its stderr. */
static void expect_abort(const char *what, void (*fn)(void), const char *want) {
    int fds[2];
    if (pipe(fds) != 0)
        return;
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 2);
        close(fds[0]);
        fn();
        _exit(0);
    }
    close(fds[1]);
    char out[4096];
    size_t n = 0;
    ssize_t r;
    while (n < sizeof out - 1 && (r = read(fds[0], out + n, sizeof out - 1 - n)) > 0)
        n += (size_t)r;
    out[n] = 0;
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "%s: the verifier aborts (status %d)", what, status);
    CHECK(strstr(out, want) != NULL, "%s: report has \"%s\":\n%s", what, want, out);
}

/* A rooted block holding a pointer to a block freed by an earlier collection. */
static void dangling(void) {
    world w;
    open_world(&w, 0);
    void **holder = hli_gc_alloc(w.gc, 32, HLI_GC_DYNAMIC);
    w.roots[0] = holder;
    void *victim = hli_gc_alloc(w.gc, 48, HLI_GC_NOPTR);
    hli_gc_alloc(w.gc, 48, HLI_GC_NOPTR); /* the victim is not alone in its page */
    hli_gc_collect(w.gc);                 /* victim unreachable: freed */
    holder[2] = victim;
    hli_gc_verify(w.gc);
}

static void corrupt_count(void) {
    world w;
    open_world(&w, 0);
    void *b = hli_gc_alloc(w.gc, 48, HLI_GC_NOPTR);
    gc_page_of(w.gc, b)->nlive++;
    hli_gc_verify(w.gc);
}

static void dangling_root(void) {
    world w;
    open_world(&w, 0);
    w.gc->verify = true; /* as HLFFI_GC_VERIFY=1: checked during the collection's own mark */
    void *victim = hli_gc_alloc(w.gc, 2000, HLI_GC_NOPTR);
    hli_gc_alloc(w.gc, 2000, HLI_GC_NOPTR);
    hli_gc_collect(w.gc);
    w.roots[5] = (char *)victim + 8;
    hli_gc_collect(w.gc);
}

static void test_verifier(void) {
    world w;
    open_world(&w, 0);
    w.gc->verify = true;
    for (int i = 0; i < 30000; i++) {
        void **b = hli_gc_alloc(w.gc, (size_t)(8 + i % 300), i % 3 ? HLI_GC_DYNAMIC : HLI_GC_RAW);
        b[1] = w.roots[i % 8];
        w.roots[i % 8] = b;
        if (i % 5000 == 0)
            hli_gc_collect(w.gc); /* a healthy heap passes */
    }
    close_world(&w);
    if (HLI_ON_VALGRIND())
        return; /* the aborting children would report their heap as lost */
    expect_abort("dangling field", dangling, "held by: block");
    expect_abort("dangling field", dangling, "the word at +16");
    expect_abort("dangling root", dangling_root, "held by: a root");
    expect_abort("wrong count", corrupt_count, "blocks allocated, the count says");
}

int main(void) {
    test_block_index();
    test_sizes();
    test_reachability();
    test_finalizers();
    test_large();
    test_memory_returned();
    test_limit();
    test_failures();
    test_contexts();
    test_stress();
    test_verifier();
    if (failures != 0) {
        fprintf(stderr, "test_gc: %d failures\n", failures);
        return 1;
    }
    printf("test_gc: ok\n");
    return 0;
}
