/* mutate_corpus: malformed-input test of the loader and verifier. From each given .hl file (or every
 * .hl file under a given directory) it derives malformed variants in memory - truncations at every
 * section boundary and at random points, seeded random byte edits, counts and indexes replaced by
 * huge, negative or just-out-of-range values, indexes and operands replaced by other in-range ones,
 * opcodes swapped for others of the same shape - plus builder-made modules with bad indexes, register
 * types, jumps and trap nesting, and checks that each is accepted or rejected cleanly: a known error
 * code with a message, no leak through hli_mem, load + verify peak memory within 8 x size + 64 KiB,
 * and no crash or hang (a crash or timeout saves the variant and says how to replay it).
 * With --run, every variant that passes load + verify is also executed through the public API under
 * limits (run_accepted): whatever it does, the host must survive it without a leak.
 *
 * Usage: mutate_corpus [options] PATH...      (run with --help for the options)
 * Environment: HLFFI_MUTATE_SCALE (multiplies the variant counts), HLFFI_MUTATE_TIME (time budget in
 * seconds, 0 = none), HLFFI_MUTATE_SEED. */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "exec_variant.h"
#include "hlbuilder.h"
#include "hlscan.h"
#include "verify/verify.h"

#if defined(__SANITIZE_ADDRESS__)
#define MC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MC_ASAN 1
#endif
#endif
#ifdef MC_ASAN
#include <sanitizer/allocator_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

/* ---- Options and statistics ---------------------------------------------------------------- */

static struct {
    uint64_t seed;
    unsigned flips;      /* random byte-edit variants per file */
    unsigned truncs;     /* random truncation points per file */
    unsigned fields;     /* count/index fields mutated per file (header fields always) */
    double time_budget;  /* seconds; 0 = no limit */
    unsigned timeout;    /* seconds per variant before it counts as a hang */
    const char *save_dir;
    bool verbose;
    bool no_builder;
    bool samples;        /* also mutate hlbuilder's sample modules (versions 2..5, debug on/off) */
    unsigned inrange;    /* in-range index/operand variants per file */
    unsigned opswaps;    /* opcode-swap variants per file */
    bool run;            /* execute the accepted variants (run_accepted) */
    bool fork;           /* --run: each execution in a child process, so that a crash ends only it */
    bool run_unchecked;  /* --run: also variants changing a function that uses unchecked operations */
    unsigned kinds;      /* bit k: variant kind k is generated (--kinds; bit 0: the originals are run) */
    uint32_t run_ms;     /* --run: time budget of the entry call */
    uint64_t run_ops;    /* --run: instruction budget of the entry call */
    size_t run_mem;      /* --run: the VM's memory limit */
} opt = {1, 300, 40, 250, 45.0, 20, ".", false, false, false, 200, 200, false, false, false, ~0u, 200, 3000000, (size_t)64 << 20};

typedef struct {
    uint64_t variants, accepted, invalid, verify_failed, oom, failures, skipped;
    size_t max_peak_pct; /* highest load + verify peak seen, in percent of the budget */
} mc_stats;
static mc_stats stats;

/* --run: how the executed variants ended. */
typedef struct {
    uint64_t runs, outcomes[EXEC_OUTCOMES], printed;
    uint64_t not_run; /* accepted, but changing a function that uses unchecked operations */
    double seconds;
} mc_run_stats;
static mc_run_stats rstats;

static double start_time;
static bool budget_hit;

/* The variant under test, for the crash and timeout handlers. */
static struct {
    const char *file;
    const char *kind;
    uint64_t index;
    const uint8_t *data;
    size_t size;
    bool unchecked; /* the change touches a function that uses unchecked operations (hlscan.h) */
    bool no_run;    /* an original whose run was not asked for */
} cur;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- Saving a variant (also from signal handlers: only async-signal-safe calls) -------------- */

static void append(char *buf, size_t cap, size_t *len, const char *s) {
    while (*s && *len + 1 < cap)
        buf[(*len)++] = *s++;
    buf[*len] = 0;
}

static void append_u64(char *buf, size_t cap, size_t *len, uint64_t v) {
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n > 0 && *len + 1 < cap)
        buf[(*len)++] = tmp[--n];
    buf[*len] = 0;
}

/* The base name of the file under test, with characters unfit for a file name replaced. */
static void append_base(char *buf, size_t cap, size_t *len, const char *path) {
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    while (*b && *len + 1 < cap) {
        char c = *b++;
        buf[(*len)++] = (c == '/' || c == ':' || c == ' ') ? '_' : c;
    }
    buf[*len] = 0;
}

/* Writes the current variant to <save_dir>/<prefix>-<file>-<kind>-<index>.bin and prints where. */
static void save_current(const char *prefix, const char *why) {
    char path[1024];
    size_t len = 0;
    append(path, sizeof path, &len, opt.save_dir);
    append(path, sizeof path, &len, "/");
    append(path, sizeof path, &len, prefix);
    append(path, sizeof path, &len, "-");
    append_base(path, sizeof path, &len, cur.file ? cur.file : "none");
    append(path, sizeof path, &len, "-");
    append(path, sizeof path, &len, cur.kind ? cur.kind : "none");
    append(path, sizeof path, &len, "-");
    append_u64(path, sizeof path, &len, cur.index);
    append(path, sizeof path, &len, ".bin");
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        size_t off = 0;
        while (off < cur.size) {
            ssize_t w = write(fd, cur.data + off, cur.size - off);
            if (w <= 0)
                break;
            off += (size_t)w;
        }
        close(fd);
    }
    char msg[1400];
    size_t m = 0;
    append(msg, sizeof msg, &m, "mutate_corpus: ");
    append(msg, sizeof msg, &m, why);
    append(msg, sizeof msg, &m, " on variant ");
    append(msg, sizeof msg, &m, cur.kind ? cur.kind : "?");
    append(msg, sizeof msg, &m, "#");
    append_u64(msg, sizeof msg, &m, cur.index);
    append(msg, sizeof msg, &m, " of ");
    append(msg, sizeof msg, &m, cur.file ? cur.file : "?");
    append(msg, sizeof msg, &m, " (");
    append_u64(msg, sizeof msg, &m, cur.size);
    append(msg, sizeof msg, &m, " bytes), saved as ");
    append(msg, sizeof msg, &m, fd >= 0 ? path : "(could not save)");
    append(msg, sizeof msg, &m, "\n  replay: replay_crashers ");
    append(msg, sizeof msg, &m, path);
    append(msg, sizeof msg, &m, "\n");
    ssize_t ignored = write(2, msg, m);
    (void)ignored;
}

/* --fork: in the child running a variant; in the parent, the child being waited for. */
static bool in_child;
static volatile pid_t child_pid;

static void on_timeout(int sig) {
    (void)sig;
    if (child_pid > 0) /* the child's own alarm did not end it */
        kill(child_pid, SIGKILL);
    save_current("hang", "TIMEOUT (hang?)");
    _exit(3);
}

#ifdef MC_ASAN
/* In a --fork child, a distinct status tells the parent it was a sanitizer report. */
static void on_sanitizer_death(void) {
    save_current("crash", "SANITIZER ERROR");
    if (in_child)
        _exit(70);
}
#else
static void on_fatal_signal(int sig) {
    save_current("crash", "FATAL SIGNAL");
    signal(sig, SIG_DFL);
    raise(sig);
}
#endif

static void install_handlers(void) {
    signal(SIGALRM, on_timeout);
#ifdef MC_ASAN
    __sanitizer_set_death_callback(on_sanitizer_death);
#else
    signal(SIGSEGV, on_fatal_signal);
    signal(SIGBUS, on_fatal_signal);
    signal(SIGFPE, on_fatal_signal);
    signal(SIGILL, on_fatal_signal);
    signal(SIGABRT, on_fatal_signal);
#endif
}

/* ---- Checking one variant ------------------------------------------------------------------ */

/* Load + verify exactly as hlffi_load_memory does, on a fresh hli_mem. */
static hlffi_error_code load_verify(const uint8_t *data, size_t size, hli_error *err, hli_mem *mem) {
    hli_mem_init(mem, 0);
    hli_error_clear(err);
    hli_module *m = hli_module_load(data, size, mem, err);
    if (m == NULL)
        return err->code;
    size_t budget = size * HLI_LOAD_MEMORY_FACTOR + HLI_LOAD_MEMORY_SLACK;
    size_t used = m->arena_used + m->image_size;
    hlffi_error_code rc = hli_verify_module(m, mem, budget > used ? budget - used : 1, err);
    hli_module_free(m);
    return rc;
}

typedef enum { EXPECT_ANY, EXPECT_REJECT, EXPECT_ORIGINAL } expectation;

/* Failures by (variant kind, check), for the summary. */
typedef struct {
    const char *kind, *check;
    uint64_t count;
} mc_fail_kind;
static mc_fail_kind fail_kinds[64];

/* Counts a failure; returns how many of its category there were so far (this one included). */
static uint64_t count_failure(const char *check) {
    for (size_t i = 0; i < sizeof fail_kinds / sizeof fail_kinds[0]; i++) {
        if (fail_kinds[i].count == 0) {
            fail_kinds[i].kind = cur.kind;
            fail_kinds[i].check = check;
        }
        if (strcmp(fail_kinds[i].check, check) == 0 && strcmp(fail_kinds[i].kind, cur.kind) == 0)
            return ++fail_kinds[i].count;
    }
    return UINT64_MAX;
}

/* Records a failed check of the current variant; `category` is a constant string naming the check. */
static void fail(const char *category, const char *fmt, ...) HLI_PRINTF(2, 3);
static void fail(const char *category, const char *fmt, ...) {
    stats.failures++;
    /* The first few of each category are printed and saved; the summary counts them all. */
    if (count_failure(category) <= 3) {
        fprintf(stderr, "FAIL %s %s#%" PRIu64 " (%zu bytes): ", cur.file, cur.kind, cur.index, cur.size);
        va_list ap;
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
        fputc('\n', stderr);
        save_current("fail", "check failed");
    }
}

static bool over_budget(void) {
    if (opt.time_budget > 0 && now() - start_time > opt.time_budget) {
        budget_hit = true;
        return true;
    }
    return false;
}

/* ---- Executing accepted variants (--run) ---------------------------------------------------- */

/* Bytes the process holds from malloc, to see what a run leaves behind: everything the VM allocates
 * goes through hli_mem (malloc) except the collector's mapped pages. Only ASan counts them exactly
 * (glibc's mallinfo counts its caches of freed chunks as used); elsewhere 0, no check (valgrind has
 * one). */
static size_t heap_in_use(void) {
#if defined(MC_ASAN)
    return __sanitizer_get_current_allocated_bytes();
#else
    return 0;
#endif
}

/* One execution as an embedding host would do it (exec_variant.c). */
static void run_once(const uint8_t *data, size_t size) {
    exec_limits limits = {opt.run_ms, opt.run_ops, opt.run_mem};
    exec_result r;
    exec_variant(data, size, &limits, &r);
    rstats.runs++;
    rstats.outcomes[r.outcome]++;
    rstats.printed += r.printed;
    if (r.outcome == EXEC_BROKEN)
        fail("run: broken promise", "%s", r.text);
    if (opt.verbose)
        fprintf(stderr, "  run: %s: %s\n", exec_outcome_names[r.outcome], r.text);
}

/* Runs an accepted variant. Memory left allocated afterwards is a leak only when a second run leaves
 * some too: the C library allocates a few things once (the time zone, stdio buffers). */
static void run_accepted(const uint8_t *data, size_t size) {
    double t0 = now();
    size_t before = heap_in_use();
    run_once(data, size);
    size_t after = heap_in_use();
    if (after > before) {
        before = after;
        run_once(data, size);
        after = heap_in_use();
        if (after > before)
            fail("run: leak", "%zu bytes still allocated after hlffi_destroy", after - before);
    }
    rstats.seconds += now() - t0;
}

/* What a --fork child hands back: its copies of the counters are the parent's plus its own run. */
typedef struct {
    mc_stats stats;
    mc_run_stats rstats;
    mc_fail_kind fail_kinds[sizeof fail_kinds / sizeof fail_kinds[0]];
} child_report;

/* Copies a crashed child's log (its stderr) next to the saved variant and prints the lines that say
 * what happened: the sanitizer's summary or runtime error and the first frames in the library. */
static void report_child_log(const char *log, const char *what) {
    char dest[1024];
    snprintf(dest, sizeof dest, "%s/%s-%s-%s-%" PRIu64 ".log", opt.save_dir, what, strrchr(cur.file, '/') ?
             strrchr(cur.file, '/') + 1 : cur.file, cur.kind, cur.index);
    rename(log, dest);
    FILE *f = fopen(dest, "r");
    if (f == NULL)
        return;
    char line[1024];
    int frames = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        bool frame = strstr(line, "    #") == line && strstr(line, "/src/") != NULL;
        if (strstr(line, "SUMMARY:") != NULL || strstr(line, "runtime error:") != NULL ||
            strstr(line, "mutate_corpus:") == line || strstr(line, "FAIL ") == line || (frame && frames++ < 4))
            fputs(line, stderr);
    }
    fclose(f);
    fprintf(stderr, "  full report: %s\n", dest);
}

/* --fork: runs an accepted variant in a child process. A crash or hang there is saved (by the child's
 * handlers), counted and reported, and the run goes on with the next variant. */
static void run_forked(const uint8_t *data, size_t size) {
    char log[1024];
    snprintf(log, sizeof log, "%s/run-%ld.log", opt.save_dir, (long)getpid());
    int fds[2];
    if (pipe(fds) != 0) {
        fprintf(stderr, "mutate_corpus: pipe: %s\n", strerror(errno));
        exit(2);
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "mutate_corpus: fork: %s\n", strerror(errno));
        exit(2);
    }
    if (pid == 0) {
        in_child = true;
        close(fds[0]);
        int lf = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (lf >= 0) {
            dup2(lf, 2);
            close(lf);
        }
        alarm(opt.timeout);
        run_accepted(data, size);
        alarm(0);
        child_report rep;
        rep.stats = stats;
        rep.rstats = rstats;
        memcpy(rep.fail_kinds, fail_kinds, sizeof fail_kinds);
        const uint8_t *p = (const uint8_t *)&rep;
        for (size_t off = 0; off < sizeof rep;) {
            ssize_t w = write(fds[1], p + off, sizeof rep - off);
            if (w <= 0)
                _exit(4);
            off += (size_t)w;
        }
        _exit(0);
    }
    close(fds[1]);
    child_pid = pid;
    child_report rep;
    size_t got = 0;
    for (;;) {
        ssize_t r = read(fds[0], (uint8_t *)&rep + got, sizeof rep - got);
        if (r > 0)
            got += (size_t)r;
        else if (r == 0 || errno != EINTR)
            break;
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    child_pid = 0;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && got == sizeof rep) {
        uint64_t failures = stats.failures;
        stats = rep.stats;
        rstats = rep.rstats;
        memcpy(fail_kinds, rep.fail_kinds, sizeof fail_kinds);
        if (stats.failures != failures) /* the child printed them into its log */
            report_child_log(log, "fail");
        else
            unlink(log);
        return;
    }
    /* The child saved the variant (crash-* or hang-*); counted here, not saved again as fail-*. */
    bool hang = WIFEXITED(status) && WEXITSTATUS(status) == 3;
    rstats.runs++;
    stats.failures++;
    count_failure(hang ? "run: hang" : "run: crash");
    fprintf(stderr, "FAIL %s %s#%" PRIu64 " (%zu bytes): the run %s (%s %d)\n", cur.file, cur.kind, cur.index,
            cur.size, hang ? "hung" : "crashed", WIFSIGNALED(status) ? "signal" : "exit status",
            WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    report_child_log(log, hang ? "hang" : "crash");
}

/* Runs one variant; returns its code. */
static hlffi_error_code check_err(const char *file, const char *kind, uint64_t index, const uint8_t *data,
                                  size_t size, expectation expect, hli_error *err_out) {
    cur.file = file;
    cur.kind = kind;
    cur.index = index;
    cur.data = data;
    cur.size = size;
    stats.variants++;
    hli_error err;
    hli_mem mem;
    alarm(opt.timeout);
    hlffi_error_code rc = load_verify(data, size, &err, &mem);
    if (rc == HLFFI_OK && opt.run && !cur.no_run) {
        if (cur.unchecked && !opt.run_unchecked) {
            rstats.not_run++;
        } else if (opt.fork) {
            alarm(opt.timeout + 10); /* the child has its own */
            run_forked(data, size);
        } else {
            run_accepted(data, size);
        }
    }
    alarm(0);
    switch (rc) {
    case HLFFI_OK: stats.accepted++; break;
    case HLFFI_ERROR_INVALID_BYTECODE: stats.invalid++; break;
    case HLFFI_ERROR_VERIFICATION_FAILED: stats.verify_failed++; break;
    case HLFFI_ERROR_OUT_OF_MEMORY: stats.oom++; break;
    default: fail("unexpected error code", "unexpected error code %d: %s", (int)rc, err.text); break;
    }
    if (rc != HLFFI_OK && err.text[0] == 0)
        fail("no message", "rejected (code %d) without a message", (int)rc);
    if (mem.used != 0)
        fail("leak", "%zu bytes still allocated after hli_module_free", mem.used);
    size_t limit = size * HLI_LOAD_MEMORY_FACTOR + HLI_LOAD_MEMORY_SLACK;
    if (mem.peak > limit)
        fail("memory over budget", "load + verify peak %zu bytes, over the budget %zu (8 x %zu + 64 KiB)", mem.peak, limit, size);
    if (mem.peak * 100 / limit > stats.max_peak_pct)
        stats.max_peak_pct = mem.peak * 100 / limit;
    if (expect == EXPECT_REJECT && rc == HLFFI_OK)
        fail("invalid module accepted", "accepted, but the module is invalid");
    if (expect == EXPECT_ORIGINAL && rc != HLFFI_OK)
        fprintf(stderr, "warning: the unmodified file %s is rejected: %s\n", file, err.text);
    if (opt.verbose)
        fprintf(stderr, "%s %s#%" PRIu64 ": %d %s\n", file, kind, index, (int)rc, err.text);
    if (err_out != NULL)
        *err_out = err;
    return rc;
}

static hlffi_error_code check(const char *file, const char *kind, uint64_t index, const uint8_t *data, size_t size,
                              expectation expect) {
    return check_err(file, kind, index, data, size, expect, NULL);
}

/* ---- Random numbers (reproducible per variant) ---------------------------------------------- */

typedef struct { uint64_t s; } rng;

static uint64_t rng_next(rng *r) {
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint64_t rng_below(rng *r, uint64_t n) { return n ? rng_next(r) % n : 0; }

static uint64_t hash_str(const char *s) {
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 1099511628211ull;
    return h;
}

/* The generator of variant `index` of kind `kind` for file `file`: independent of the others, so any
 * variant can be regenerated alone. */
static rng variant_rng(const char *file, const char *kind, uint64_t index) {
    /* The base name, so that the variants do not depend on where the file lies (the ctests of
     * different build directories run the same ones). */
    const char *base = strrchr(file, '/');
    base = base != NULL ? base + 1 : file;
    rng r = {opt.seed * 0x100000001B3ull ^ hash_str(base) ^ (hash_str(kind) << 1) ^ (index * 0x9E3779B97F4A7C15ull)};
    rng_next(&r);
    return r;
}

/* ---- Buffers ------------------------------------------------------------------------------- */

typedef struct { uint8_t *data; size_t size, cap; } buf;

static void buf_reserve(buf *b, size_t n) {
    if (n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < n)
            cap *= 2;
        uint8_t *d = realloc(b->data, cap);
        if (d == NULL) {
            fprintf(stderr, "mutate_corpus: out of memory\n");
            exit(2);
        }
        b->data = d;
        b->cap = cap;
    }
}

static void buf_set(buf *b, const uint8_t *data, size_t n) {
    buf_reserve(b, n + 1);
    memcpy(b->data, data, n);
    b->size = n;
}

/* Replaces [off, off + len) of b with n bytes of rep. */
static void buf_splice(buf *b, size_t off, size_t len, const uint8_t *rep, size_t n) {
    buf_reserve(b, b->size - len + n + 1);
    memmove(b->data + off + n, b->data + off + len, b->size - off - len);
    if (n > 0)
        memcpy(b->data + off, rep, n);
    b->size = b->size - len + n;
}

/* ---- Variants of a file -------------------------------------------------------------------- */

static const uint8_t interesting[] = {0x00, 0x01, 0x7F, 0x80, 0x81, 0xBF, 0xC0, 0xDF, 0xE0, 0xFF, 0x20, 0x9F};

/* Replacement values for a field of the given class. Returns how many were written to out. */
static int replacements(const hlscan_field *f, int64_t *out) {
    int n = 0;
    switch ((hlscan_class)f->cls) {
    case HLSCAN_COUNT:
        out[n++] = 0x1FFFFFFF;
        out[n++] = 0x0FFFFFFF;
        out[n++] = 0x1FFF;
        out[n++] = (int64_t)f->value + 1;
        if (f->value > 0)
            out[n++] = (int64_t)f->value - 1;
        out[n++] = 0;
        out[n++] = -1;
        break;
    case HLSCAN_COUNT_U8:
        out[n++] = 0xFF;
        out[n++] = (f->value + 1) & 0xFF;
        if (f->value > 0)
            out[n++] = f->value - 1;
        out[n++] = 0;
        break;
    case HLSCAN_SIZE_I32:
        out[n++] = INT32_MAX;
        out[n++] = (int64_t)f->value + 1;
        if (f->value > 0)
            out[n++] = (int64_t)f->value - 1;
        out[n++] = -1;
        out[n++] = 0;
        break;
    case HLSCAN_INDEX:
    case HLSCAN_OPERAND:
        if (f->limit > 0) {
            out[n++] = f->limit;
            out[n++] = (int64_t)f->limit + 1;
        }
        out[n++] = 0x1FFFFFFF;
        out[n++] = -1;
        out[n++] = -0x1FFFFFFF;
        out[n++] = (int64_t)f->value + 1;
        break;
    case HLSCAN_OPCODE:
        out[n++] = OLast;
        out[n++] = 0xFF;
        out[n++] = OPrefetch;
        out[n++] = OSwitch;
        out[n++] = OCallN;
        out[n++] = OTrap;
        out[n++] = OEndTrap;
        out[n++] = ((f->value * 7) + 13) % OLast;
        break;
    case HLSCAN_KIND:
        out[n++] = HLI_KIND_COUNT;
        out[n++] = 0xFF;
        out[n++] = HOBJ;
        out[n++] = HFUN;
        out[n++] = HENUM;
        out[n++] = HVIRTUAL;
        out[n++] = HVOID;
        break;
    }
    return n;
}

/* The variant of data with field f set to value v. */
static void set_field(buf *b, const uint8_t *data, size_t size, const hlscan_field *f, int64_t v) {
    buf_set(b, data, size);
    uint8_t enc[4];
    size_t n;
    switch ((hlscan_class)f->cls) {
    case HLSCAN_COUNT_U8:
    case HLSCAN_OPCODE:
    case HLSCAN_KIND:
        enc[0] = (uint8_t)v;
        n = 1;
        break;
    case HLSCAN_SIZE_I32: {
        uint32_t u = (uint32_t)(int32_t)v;
        enc[0] = (uint8_t)u, enc[1] = (uint8_t)(u >> 8), enc[2] = (uint8_t)(u >> 16), enc[3] = (uint8_t)(u >> 24);
        n = 4;
        break;
    }
    default:
        if (v >= 0x20000000 || v <= -0x20000000)
            v = v > 0 ? 0x1FFFFFFF : -0x1FFFFFFF;
        n = hlb_encode_vi((int32_t)v, HLB_VI_SMALLEST, enc);
        break;
    }
    buf_splice(b, f->offset, f->length, enc, n);
}

/* One random edit: flip a bit, write an interesting or random byte, insert, delete, or duplicate a
 * small chunk. Returns where (the first byte changed). */
static size_t random_edit(rng *r, buf *b) {
    if (b->size == 0)
        return 0;
    size_t pos = (size_t)rng_below(r, b->size);
    switch (rng_below(r, 7)) {
    case 0: case 1:
        b->data[pos] ^= (uint8_t)(1u << rng_below(r, 8));
        break;
    case 2:
        b->data[pos] = interesting[rng_below(r, sizeof interesting)];
        break;
    case 3:
        b->data[pos] = (uint8_t)rng_next(r);
        break;
    case 4: {
        uint8_t c = (uint8_t)rng_next(r);
        buf_splice(b, pos, 0, &c, 1);
        break;
    }
    case 5:
        buf_splice(b, pos, 1, NULL, 0);
        break;
    default: {
        size_t len = 1 + (size_t)rng_below(r, 16);
        if (len > b->size - pos)
            len = b->size - pos;
        uint8_t chunk[16];
        memcpy(chunk, b->data + pos, len);
        size_t to = (size_t)rng_below(r, b->size);
        buf_splice(b, to, 0, chunk, len);
        return to;
    }
    }
    return pos;
}

/* ---- Builder-made invalid modules ----------------------------------------------------------- */

/* A function `() -> void` with registers i32, f64, bool, void, dyn, bytes, type (0..6), added to a
 * minimal module. */
static int32_t bad_fn(hlb_builder *b, const hlb_std *s) {
    return hlb_add_function(b, s->tfun_void, HLB_AUTO, 7, s->ti32, s->tf64, s->tbool, s->tvoid, s->tdyn, s->tbytes,
                            s->ttype);
}

#define R_I32 0
#define R_F64 1
#define R_BOOL 2
#define R_VOID 3
#define R_DYN 4
#define R_BYTES 5
#define R_TYPE 6

/* Builder case `which`: an invalid module in *out, its name, and the text its rejection should contain
 * (the verifier's reason id, or "invalid bytecode" for the loader). Returns 0 past the last case. */
static int builder_case(int which, hlb_builder **out, const char **name, const char **reason) {
    hlb_std s;
    hlb_builder *b = hlb_minimal(5, false, &s);
    int32_t f = bad_fn(b, &s);
    hlb_int(b, 7);
    /* (i32) -> void, for calls */
    int32_t g = hlb_add_function(b, hlb_type_fun(b, s.tvoid, 1, s.ti32), HLB_AUTO, 2, s.ti32, s.tvoid);
    hlb_emit(b, g, ORet, 1, 0, 0);
    int32_t gf = b->functions[g].findex;
    *out = b;
    *reason = "invalid bytecode";
    switch (which) {
    /* out-of-range indexes */
    case 0: *name = "int-index", *reason = "[INT_INDEX]"; hlb_emit(b, f, OInt, R_I32, (int32_t)b->nints, 0); break;
    case 1: *name = "float-index", *reason = "[FLOAT_INDEX]"; hlb_emit(b, f, OFloat, R_F64, 5, 0); break;
    case 2: *name = "string-index", *reason = "[STRING_INDEX]"; hlb_emit(b, f, OString, R_BYTES, 1000, 0); break;
    case 3: *name = "bytes-index", *reason = "[BYTES_INDEX]"; hlb_emit(b, f, OBytes, R_BYTES, 3, 0); break;
    case 4: *name = "global-index", *reason = "[GLOBAL_INDEX]"; hlb_emit(b, f, OGetGlobal, R_I32, 0, 0); break;
    case 5: *name = "findex-call", *reason = "[FINDEX]"; hlb_emit(b, f, OCall0, R_VOID, 99, 0); break;
    case 6:
        *name = "findex-closure", *reason = "[FINDEX]";
        hlb_emit(b, f, OStaticClosure, R_DYN, 0x1FFFFFF, 0);
        break;
    case 7: *name = "register-index", *reason = "[REG_INDEX]"; hlb_emit(b, f, OMov, R_I32, 7, 0); break;
    case 8: *name = "register-negative", *reason = "[REG_INDEX]"; hlb_emit(b, f, OMov, -1, R_I32, 0); break;
    case 9: *name = "type-index", *reason = "[TYPE_INDEX]"; hlb_emit(b, f, OType, R_TYPE, 1000, 0); break;
    case 10: {
        *name = "field-index", *reason = "[FIELD_INDEX]";
        int32_t t = hlb_type_obj(b, "Obj", -1, 0);
        hlb_obj_field(b, t, "x", s.ti32);
        int32_t r = hlb_reg(b, f, t);
        hlb_emit(b, f, ONew, r, 0, 0);
        hlb_emit(b, f, OField, R_I32, r, 1);
        break;
    }
    case 11: *name = "register-huge", *reason = "[REG_INDEX]"; hlb_emit(b, f, OIncr, 0x1FFFFFFF, 0, 0); break;
    case 12: *name = "call-arg-register", *reason = "[REG_INDEX]"; hlb_emit_call(b, f, R_VOID, gf, 1, 9); break;
    /* wrong register types */
    case 13: *name = "add-mixed", *reason = "[ARITH_TYPE]"; hlb_emit(b, f, OAdd, R_I32, R_I32, R_F64); break;
    case 14: *name = "mov-type", *reason = "[MOV_TYPE]"; hlb_emit(b, f, OMov, R_F64, R_I32, 0); break;
    case 15: *name = "jtrue-float", *reason = "[SRC_KIND]"; hlb_emit(b, f, OJTrue, R_F64, 0, 0); break;
    case 16: *name = "int-into-float", *reason = "[DST_KIND]"; hlb_emit(b, f, OInt, R_F64, 0, 0); break;
    case 17: *name = "call-arity", *reason = "[CALL_ARITY]"; hlb_emit_call(b, f, R_VOID, gf, 2, R_I32, R_I32); break;
    case 18: *name = "call-arg-type", *reason = "[CALL_ARG]"; hlb_emit_call(b, f, R_VOID, gf, 1, R_F64); break;
    case 19: *name = "call-ret-type", *reason = "[CALL_RET]"; hlb_emit_call(b, f, R_F64, gf, 1, R_I32); break;
    case 20: *name = "field-of-int", *reason = "[SRC_KIND]"; hlb_emit(b, f, OField, R_I32, R_I32, 0); break;
    case 21: *name = "ret-type", *reason = "[RET_TYPE]"; hlb_emit(b, f, ORet, R_I32, 0, 0); break;
    case 22:
        *name = "arg-type", *reason = "[SIG_ARG_TYPE]";
        b->functions[g].regs[0] = s.tf64;
        break;
    case 23: {
        *name = "too-few-regs", *reason = "[SIG_NREGS]";
        int32_t h = hlb_add_function(b, hlb_type_fun(b, s.tvoid, 2, s.ti32, s.ti32), HLB_AUTO, 1, s.ti32);
        hlb_emit(b, h, ORet, 0, 0, 0);
        break;
    }
    case 24: *name = "neg-float-into-int", *reason = "[ARITH_TYPE]"; hlb_emit(b, f, ONeg, R_I32, R_F64, 0); break;
    /* bad jumps */
    case 25: *name = "jump-past-end", *reason = "[JUMP_TARGET]"; hlb_emit(b, f, OJAlways, 100, 0, 0); break;
    case 26: *name = "jump-before-start", *reason = "[JUMP_TARGET]"; hlb_emit(b, f, OJAlways, -5, 0, 0); break;
    case 27: /* pc 0 + 1 + 1 = 2 = nops */
        *name = "jump-to-nops", *reason = "[JUMP_TARGET]";
        hlb_emit(b, f, OJFalse, R_BOOL, 1, 0);
        break;
    case 28: {
        *name = "switch-offset", *reason = "[JUMP_TARGET]";
        int32_t offs[2] = {0, 50};
        hlb_emit_switch(b, f, R_I32, 2, offs, 0);
        break;
    }
    case 29: *name = "trap-handler-out", *reason = "[JUMP_TARGET]"; hlb_emit(b, f, OTrap, R_DYN, 40, 0); break;
    case 30:
        *name = "jump-huge", *reason = "[JUMP_TARGET]";
        hlb_emit(b, f, OJAlways, -0x1FFFFFFF, 0, 0);
        break;
    case 31:
        *name = "fall-off", *reason = "[FALL_OFF]";
        hlb_emit(b, f, ONop, 0, 0, 0);
        hlb_emit(b, f, ONop, 0, 0, 0);
        return 1;
    case 32: {
        *name = "switch-end", *reason = "[SWITCH_END]";
        int32_t offs[1] = {0};
        hlb_emit_switch(b, f, R_I32, 1, offs, 77);
        break;
    }
    /* broken trap nesting */
    case 33: *name = "endtrap-without-trap", *reason = "[TRAP_UNDERFLOW]"; hlb_emit(b, f, OEndTrap, 0, 0, 0); break;
    case 34:
        *name = "ret-inside-trap", *reason = "[TRAP_AT_RET]";
        hlb_emit(b, f, OTrap, R_DYN, 1, 0);
        hlb_emit(b, f, ORet, R_VOID, 0, 0);
        break;
    case 35: /* op 3 is reached with trap depth 1 (from the jump) and 0 (after the OEndTrap) */
        *name = "trap-depth-mismatch", *reason = "[TRAP_DEPTH]";
        hlb_emit(b, f, OTrap, R_DYN, 3, 0);
        hlb_emit(b, f, OJTrue, R_BOOL, 1, 0);
        hlb_emit(b, f, OEndTrap, 0, 0, 0);
        hlb_emit(b, f, ORet, R_VOID, 0, 0);
        hlb_emit(b, f, ORet, R_VOID, 0, 0);
        return 1;
    case 36:
        *name = "double-endtrap", *reason = "[TRAP_UNDERFLOW]";
        hlb_emit(b, f, OTrap, R_DYN, 2, 0);
        hlb_emit(b, f, OEndTrap, 0, 0, 0);
        hlb_emit(b, f, OEndTrap, 0, 0, 0);
        break;
    case 37: /* a trap pushed on every iteration of a loop */
        *name = "trap-loop", *reason = "[TRAP_DEPTH]";
        hlb_emit(b, f, OTrap, R_DYN, 1, 0);
        hlb_emit(b, f, OJAlways, -2, 0, 0);
        hlb_emit(b, f, ORet, R_VOID, 0, 0);
        return 1;
    case 38: { /* traps nested far deeper than any real program */
        *name = "trap-too-deep", *reason = "[TRAP_TOO_DEEP]";
        const int depth = 0xFFFF + 8; /* just past the verifier's limit, 0xFFFE */
        b->vi_mode = HLB_VI_WIDE4;   /* wide ops: the file is big enough for the verifier's memory budget */
        for (int i = 0; i < depth; i++)
            hlb_emit(b, f, OTrap, R_DYN, 2 * (depth - i) - 1, 0);
        for (int i = 0; i < depth; i++)
            hlb_emit(b, f, OEndTrap, 0, 0, 0);
        break;
    }
    /* unsupported opcodes and bad module-level pieces (the loader's) */
    case 39: *name = "oprefetch", *reason = "[OP_UNSUPPORTED]"; hlb_emit(b, f, OPrefetch, R_I32, R_I32, 0); break;
    case 40:
        *name = "entry-not-void";
        b->functions[s.entry].type = hlb_type_fun(b, s.ti32, 0);
        b->functions[s.entry].regs[0] = s.ti32;
        break;
    case 41: *name = "huge-type-count"; hlb_set_header_count(b, HLB_COUNT_TYPES, 0x1FFFFFFF); break;
    case 42: *name = "huge-function-count"; hlb_set_header_count(b, HLB_COUNT_FUNCTIONS, 0x1FFFFFF); break;
    case 43: *name = "duplicate-findex"; b->functions[f].findex = s.entry_findex; break;
    case 44: *name = "string-count-lies"; hlb_set_header_count(b, HLB_COUNT_STRINGS, 0x1FFF); break;
    case 45: *name = "unknown-opcode"; hlb_emit(b, f, OLast, 0, 0, 0); break;
    case 46: {
        *name = "type-self-reference";
        int32_t t = hlb_type_new(b, HNULL);
        hlb_type_at(b, t)->tparam = t;
        break;
    }
    case 47: {
        *name = "superclass-loop";
        int32_t a = hlb_type_obj(b, "A", -1, 0), c = hlb_type_obj(b, "C", a, 0);
        hlb_type_at(b, a)->super = c;
        break;
    }
    case 48: *name = "debug-file-out-of-range"; b->debug = true; hlb_pos(b, f, 7, 1); break;
    case 49: *name = "trailing-bytes"; hlb_append_raw(b, "\0", 1); break;
    default:
        hlb_free(b);
        *out = NULL;
        return 0;
    }
    hlb_emit(b, f, ORet, R_VOID, 0, 0);
    return 1;
}

static void builder_variants(void) {
    for (int i = 0;; i++) {
        hlb_builder *b;
        const char *name, *reason;
        if (!builder_case(i, &b, &name, &reason))
            break;
        size_t size;
        uint8_t *data = hlb_write(b, &size);
        hlb_free(b);
        if (data == NULL) {
            fprintf(stderr, "FAIL builder case %s could not be encoded\n", name);
            stats.failures++;
            continue;
        }
        hli_error err;
        hlffi_error_code rc = check_err("builder", name, (uint64_t)i, data, size, EXPECT_REJECT, &err);
        if (rc != HLFFI_OK && strstr(err.text, reason) == NULL)
            fprintf(stderr, "note: builder case %s is rejected, but not for %s: %s\n", name, reason, err.text);
        free(data);
    }
    /* The valid minimal module is accepted (the harness itself works). */
    hlb_builder *b = hlb_minimal(5, true, NULL);
    size_t size;
    uint8_t *data = hlb_write(b, &size);
    hlb_free(b);
    if (check("builder", "minimal-valid", 0, data, size, EXPECT_ANY) != HLFFI_OK)
        fail("valid module rejected", "the minimal valid module is rejected");
    free(data);
}

/* ---- Files --------------------------------------------------------------------------------- */

typedef struct {
    char *path;
    uint8_t *data;
    size_t size;
    uint32_t sections[HLI_SECTION_COUNT];
    bool has_sections;
    hlscan_result scan;
    bool is_sample;       /* hlbuilder's sample: its code is not meant to verify */
    size_t header_fields; /* scan.fields[0 .. header_fields) are the header's */
    uint32_t *inrange;    /* positions in scan.fields of the indexes and operands with a known limit */
    size_t ninrange;
    uint32_t *opcodes;    /* positions in scan.fields of the opcodes */
    size_t nopcodes;
    uint64_t next[16];    /* per variant kind: the next index to run */
    int last_kind;        /* the kind run last (kinds take turns) */
} input;

static input *inputs;
static size_t ninputs, cap_inputs;

static bool read_file(const char *path, uint8_t **data, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return false;
    size_t cap = 1 << 16, n = 0;
    uint8_t *d = malloc(cap);
    for (;;) {
        if (d == NULL) {
            fclose(f);
            return false;
        }
        n += fread(d + n, 1, cap - n, f);
        if (n < cap)
            break;
        cap *= 2;
        d = realloc(d, cap);
    }
    fclose(f);
    *data = d;
    *size = n;
    return true;
}

static void add_input_data(const char *path, uint8_t *data, size_t size) {
    if (ninputs == cap_inputs) {
        cap_inputs = cap_inputs ? cap_inputs * 2 : 64;
        inputs = realloc(inputs, cap_inputs * sizeof *inputs);
        if (inputs == NULL)
            exit(2);
    }
    input *in = &inputs[ninputs++];
    memset(in, 0, sizeof *in);
    in->path = strdup(path);
    in->data = data;
    in->size = size;
}

static void add_input(const char *path) {
    uint8_t *data;
    size_t size;
    if (!read_file(path, &data, &size)) {
        fprintf(stderr, "mutate_corpus: cannot read %s\n", path);
        stats.failures++;
        return;
    }
    add_input_data(path, data, size);
}

/* hlb_sample modules as inputs, named sample_v<V>_<d|n>. */
static void add_samples(void) {
    for (int version = 2; version <= 5; version++)
        for (int debug = 0; debug <= 1; debug++) {
            hlb_builder *b = hlb_sample(version, debug != 0);
            size_t size;
            uint8_t *data = hlb_write(b, &size);
            hlb_free(b);
            char name[32];
            snprintf(name, sizeof name, "sample_v%d_%c", version, debug ? 'd' : 'n');
            if (data != NULL) {
                add_input_data(name, data, size);
                inputs[ninputs - 1].is_sample = true;
            }
        }
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Adds every *.hl file under dir (recursively, in sorted order for reproducibility). */
static void add_dir(const char *dir) {
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            if (names == NULL)
                exit(2);
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (n > 0)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            add_dir(path);
        else if (strlen(names[i]) > 3 && strcmp(names[i] + strlen(names[i]) - 3, ".hl") == 0)
            add_input(path);
        free(names[i]);
    }
    free(names);
}

/* Section offsets and field positions of an input, from the loader and from hlscan. */
static void analyse(input *in) {
    hli_mem mem;
    hli_mem_init(&mem, 0);
    hli_error err;
    hli_error_clear(&err);
    hli_module *m = hli_module_load(in->data, in->size, &mem, &err);
    if (m != NULL) {
        memcpy(in->sections, m->section_offset, sizeof in->sections);
        in->has_sections = true;
        hli_module_free(m);
    }
    hlscan(in->data, in->size, &in->scan);
    /* The header: the counts (all before the ints, at most 40 bytes in) and the entry point. */
    size_t h = 0;
    while (h < in->scan.nfields && in->scan.fields[h].offset < 40 && in->scan.fields[h].cls == HLSCAN_COUNT)
        h++;
    in->header_fields = h < in->scan.nfields ? h + 1 : h;
    if (!in->scan.complete)
        fprintf(stderr, "warning: %s: the field scan stopped early (%zu fields found)\n", in->path,
                in->scan.nfields);
    in->inrange = malloc((in->scan.nfields + 1) * sizeof *in->inrange);
    in->opcodes = malloc((in->scan.nfields + 1) * sizeof *in->opcodes);
    if (in->inrange == NULL || in->opcodes == NULL)
        exit(2);
    for (size_t i = in->header_fields; i < in->scan.nfields; i++) {
        const hlscan_field *f = &in->scan.fields[i];
        if ((f->cls == HLSCAN_INDEX || f->cls == HLSCAN_OPERAND) && f->limit > 0)
            in->inrange[in->ninrange++] = (uint32_t)i;
        else if (f->cls == HLSCAN_OPCODE)
            in->opcodes[in->nopcodes++] = (uint32_t)i;
    }
}

/* The operand encoding of an opcode (its operand count, HLI_ENC_VAR or HLI_ENC_SWITCH), -3 for numbers
 * outside the table. */
static int op_shape(unsigned op) {
    switch (op) {
#define MC_OP_SHAPE(name, num, enc) \
    case num:                       \
        return enc;
        HLI_OPCODES(MC_OP_SHAPE)
#undef MC_OP_SHAPE
    default:
        return -3;
    }
}

/* A random opcode other than op with op's operand encoding (op itself when there is none). */
static int32_t swap_opcode(rng *r, int32_t op) {
    int shape = op_shape((unsigned)op);
    int32_t same[256];
    int n = 0;
    for (int32_t o = 0; o < OLast; o++)
        if (o != op && op_shape((unsigned)o) == shape)
            same[n++] = o;
    return n > 0 ? same[rng_below(r, (uint64_t)n)] : op;
}

/* ---- Variants of a file: kinds that take turns, so that a time budget spreads over all -------- */

enum {
    K_TRUNC_SECTION = 1, K_TRUNC_HEADER, K_FIELD_HEADER, K_FIELD, K_TRUNC_RANDOM, K_FLIP, K_INRANGE, K_OPSWAP,
    K_COUNT
};
static const char *const kind_names[K_COUNT] = {"original", "trunc-section", "trunc-header", "field-header", "field",
                                                "trunc-random", "flip", "field-inrange", "opcode-swap"};

/* How many indexes kind k has for input in (some indexes may give no variant). */
static uint64_t kind_total(const input *in, int k) {
    if (!(opt.kinds & (1u << k)))
        return 0;
    switch (k) {
    case K_TRUNC_SECTION: return in->has_sections ? 3 * HLI_SECTION_COUNT : 0;
    case K_TRUNC_HEADER: return in->size < 48 ? in->size : 48;
    case K_FIELD_HEADER: return (uint64_t)in->header_fields * 16;
    case K_FIELD: return in->scan.nfields > in->header_fields ? opt.fields : 0;
    case K_TRUNC_RANDOM: return in->size > 0 ? opt.truncs : 0;
    case K_FLIP: return opt.flips;
    case K_INRANGE: return in->ninrange > 0 ? opt.inrange : 0;
    case K_OPSWAP: return in->nopcodes > 0 ? opt.opswaps : 0;
    default: return 0;
    }
}

/* Whether a change at offset can reach an unchecked operation directly (hlscan.h). */
static bool touches_unchecked(const input *in, size_t offset) {
    return hlscan_unchecked_at(&in->scan, offset) != 0;
}

/* Runs variant i of kind k; returns false when that index gives no variant. */
static bool run_variant_kind(input *in, int k, uint64_t i, buf *b);
static bool run_variant(input *in, int k, uint64_t i, buf *b) {
    bool done = run_variant_kind(in, k, i, b);
    cur.unchecked = false;
    return done;
}

static bool run_variant_kind(input *in, int k, uint64_t i, buf *b) {
    const char *kind = kind_names[k];
    int64_t vals[16];
    switch (k) {
    case K_TRUNC_SECTION: { /* at every section boundary, and one byte either side */
        int64_t len = (int64_t)in->sections[i / 3] + (int64_t)(i % 3) - 1;
        if (len < 0 || (size_t)len >= in->size)
            return false;
        check(in->path, kind, i, in->data, (size_t)len, EXPECT_ANY);
        return true;
    }
    case K_TRUNC_HEADER:
        check(in->path, kind, i, in->data, (size_t)i, EXPECT_ANY);
        return true;
    case K_FIELD_HEADER: { /* every replacement value of every header field */
        const hlscan_field *f = &in->scan.fields[i / 16];
        int n = replacements(f, vals);
        if ((int)(i % 16) >= n)
            return false;
        set_field(b, in->data, in->size, f, vals[i % 16]);
        check(in->path, kind, i, b->data, b->size, EXPECT_ANY);
        return true;
    }
    case K_FIELD: { /* a random field past the header, set to one of its replacement values */
        rng r = variant_rng(in->path, kind, i);
        size_t rest = in->scan.nfields - in->header_fields;
        const hlscan_field *f = &in->scan.fields[in->header_fields + rng_below(&r, rest)];
        int n = replacements(f, vals);
        set_field(b, in->data, in->size, f, vals[rng_below(&r, (uint64_t)n)]);
        cur.unchecked = touches_unchecked(in, f->offset);
        check(in->path, kind, i, b->data, b->size, EXPECT_ANY);
        return true;
    }
    case K_TRUNC_RANDOM: {
        rng r = variant_rng(in->path, kind, i);
        check(in->path, kind, i, in->data, (size_t)rng_below(&r, in->size), EXPECT_ANY);
        return true;
    }
    case K_FLIP: { /* 1 to 4 random edits */
        rng r = variant_rng(in->path, kind, i);
        buf_set(b, in->data, in->size);
        unsigned edits = 1 + (unsigned)rng_below(&r, 4);
        for (unsigned e = 0; e < edits; e++)
            cur.unchecked |= touches_unchecked(in, random_edit(&r, b));
        check(in->path, kind, i, b->data, b->size, EXPECT_ANY);
        return true;
    }
    case K_INRANGE: { /* an index or operand set to another value within its table or register count */
        rng r = variant_rng(in->path, kind, i);
        const hlscan_field *f = &in->scan.fields[in->inrange[rng_below(&r, in->ninrange)]];
        int64_t v = rng_below(&r, 4) != 0 ? (int64_t)rng_below(&r, f->limit)
                                          : (int64_t)f->value + (int64_t)rng_below(&r, 5) - 2;
        if (v == f->value)
            v = v + 1 < (int64_t)f->limit ? v + 1 : v - 1;
        set_field(b, in->data, in->size, f, v);
        cur.unchecked = touches_unchecked(in, f->offset);
        check(in->path, kind, i, b->data, b->size, EXPECT_ANY);
        return true;
    }
    case K_OPSWAP: { /* an opcode replaced by another with the same operand encoding */
        rng r = variant_rng(in->path, kind, i);
        const hlscan_field *f = &in->scan.fields[in->opcodes[rng_below(&r, in->nopcodes)]];
        int32_t op = swap_opcode(&r, f->value);
        if (op == f->value)
            return false;
        set_field(b, in->data, in->size, f, op);
        cur.unchecked = touches_unchecked(in, f->offset);
        check(in->path, kind, i, b->data, b->size, EXPECT_ANY);
        return true;
    }
    default:
        return false;
    }
}

/* Runs the next variant of input in, the kinds taking turns; returns false when all are done. */
static bool step(input *in, buf *b) {
    for (int tries = 0; tries < K_COUNT - 1; tries++) {
        int k = in->last_kind % (K_COUNT - 1) + 1;
        in->last_kind = k;
        uint64_t total = kind_total(in, k);
        while (in->next[k] < total) {
            if (run_variant(in, k, in->next[k]++, b))
                return true;
        }
    }
    return false;
}

/* --kinds a,b,c: only those variant kinds ("original": with --run, the unmodified files are run too). */
static bool parse_kinds(const char *list) {
    opt.kinds = 0;
    while (*list) {
        size_t n = strcspn(list, ",");
        int k = 0;
        while (k < K_COUNT && (strlen(kind_names[k]) != n || strncmp(kind_names[k], list, n) != 0))
            k++;
        if (k == K_COUNT) {
            fprintf(stderr, "mutate_corpus: unknown variant kind '%.*s' (kinds:", (int)n, list);
            for (k = 0; k < K_COUNT; k++)
                fprintf(stderr, " %s", kind_names[k]);
            fprintf(stderr, ")\n");
            return false;
        }
        opt.kinds |= 1u << k;
        list += n + (list[n] == ',');
    }
    return true;
}

static void usage(const char *argv0) {
    fprintf(stderr,
            "usage: %s [options] PATH...\n"
            "  PATH                  a .hl file or a directory searched recursively for .hl files\n"
            "  --seed N              random seed (default 1; env HLFFI_MUTATE_SEED)\n"
            "  --flips N             random byte-edit variants per file (default %u)\n"
            "  --truncs N            random truncations per file (default %u)\n"
            "  --fields N            count/index field variants per file besides the header (default %u)\n"
            "  --inrange N           variants with an index or operand set to another in-range value (default %u)\n"
            "  --opswaps N           variants with an opcode swapped for one of the same shape (default %u)\n"
            "  --scale K             multiply the five counts above (env HLFFI_MUTATE_SCALE)\n"
            "  --kinds K1,K2...      only these variant kinds (default all: original trunc-section trunc-header\n"
            "                        field-header field trunc-random flip field-inrange opcode-swap; without\n"
            "                        'original' the unmodified files are still checked, but not run)\n"
            "  --time SECONDS        stop starting new variants after this long, 0 = never (default %.0f;\n"
            "                        env HLFFI_MUTATE_TIME)\n"
            "  --timeout SECONDS     a variant running longer is a hang (default %u)\n"
            "  --save-dir DIR        where failing variants are written (default .)\n"
            "  --no-builder          skip the builder-made invalid modules\n"
            "  --samples             also mutate the builder's sample modules (then PATH is optional)\n"
            "  --verbose             print every variant's outcome\n"
            "  --run                 also execute every variant that passes load + verify (hlffi_load_memory,\n"
            "                        hlffi_call_entry, hlffi_destroy) with the system natives denied, output\n"
            "                        dropped, stdin from /dev/null, and the limits below\n"
            "  --run-ms MS           time budget of each execution (default %u)\n"
            "  --run-ops N           instruction budget of each execution (default %" PRIu64 ")\n"
            "  --run-mem MB          memory limit of each execution's VM (default %zu)\n"
            "  --fork                run each execution in a child process: a crash or hang is saved and\n"
            "                        reported, and the run goes on (for long runs)\n"
            "  --run-unchecked       also run variants that change a function using operations HashLink\n"
            "                        leaves unchecked by design (raw memory, OUnsafeCast ...: they may crash)\n",
            argv0, opt.flips, opt.truncs, opt.fields, opt.inrange, opt.opswaps, opt.time_budget, opt.timeout,
            opt.run_ms, opt.run_ops, opt.run_mem >> 20);
}

int main(int argc, char **argv) {
    double scale = 1.0;
    const char *env;
    if ((env = getenv("HLFFI_MUTATE_SCALE")) != NULL)
        scale = atof(env);
    if ((env = getenv("HLFFI_MUTATE_TIME")) != NULL)
        opt.time_budget = atof(env);
    if ((env = getenv("HLFFI_MUTATE_SEED")) != NULL)
        opt.seed = strtoull(env, NULL, 0);
    /* File-scope, so that the early error returns below leave nothing LeakSanitizer calls lost. */
    static char **paths;
    paths = calloc((size_t)argc + 1, sizeof *paths);
    int npaths = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(argv[0]);
            return 0;
        } else if (strcmp(a, "--seed") == 0 && has_value) {
            opt.seed = strtoull(argv[++i], NULL, 0);
        } else if (strcmp(a, "--flips") == 0 && has_value) {
            opt.flips = (unsigned)atoi(argv[++i]);
        } else if (strcmp(a, "--truncs") == 0 && has_value) {
            opt.truncs = (unsigned)atoi(argv[++i]);
        } else if (strcmp(a, "--fields") == 0 && has_value) {
            opt.fields = (unsigned)atoi(argv[++i]);
        } else if (strcmp(a, "--scale") == 0 && has_value) {
            scale = atof(argv[++i]);
        } else if (strcmp(a, "--time") == 0 && has_value) {
            opt.time_budget = atof(argv[++i]);
        } else if (strcmp(a, "--timeout") == 0 && has_value) {
            opt.timeout = (unsigned)atoi(argv[++i]);
        } else if (strcmp(a, "--save-dir") == 0 && has_value) {
            opt.save_dir = argv[++i];
        } else if (strcmp(a, "--no-builder") == 0) {
            opt.no_builder = true;
        } else if (strcmp(a, "--samples") == 0) {
            opt.samples = true;
        } else if (strcmp(a, "--verbose") == 0) {
            opt.verbose = true;
        } else if (strcmp(a, "--inrange") == 0 && has_value) {
            opt.inrange = (unsigned)atoi(argv[++i]);
        } else if (strcmp(a, "--opswaps") == 0 && has_value) {
            opt.opswaps = (unsigned)atoi(argv[++i]);
        } else if (strcmp(a, "--run") == 0) {
            opt.run = true;
        } else if (strcmp(a, "--fork") == 0) {
            opt.fork = true;
        } else if (strcmp(a, "--run-unchecked") == 0) {
            opt.run_unchecked = true;
        } else if (strcmp(a, "--kinds") == 0 && has_value) {
            if (!parse_kinds(argv[++i]))
                return 2;
        } else if (strcmp(a, "--run-ms") == 0 && has_value) {
            opt.run_ms = (uint32_t)strtoul(argv[++i], NULL, 0);
        } else if (strcmp(a, "--run-ops") == 0 && has_value) {
            opt.run_ops = strtoull(argv[++i], NULL, 0);
        } else if (strcmp(a, "--run-mem") == 0 && has_value) {
            opt.run_mem = (size_t)strtoull(argv[++i], NULL, 0) << 20;
        } else if (a[0] == '-') {
            usage(argv[0]);
            return 2;
        } else {
            paths[npaths++] = argv[i];
        }
    }
    if (scale > 0 && scale != 1.0) {
        opt.flips = (unsigned)(opt.flips * scale);
        opt.truncs = (unsigned)(opt.truncs * scale);
        opt.fields = (unsigned)(opt.fields * scale);
        opt.inrange = (unsigned)(opt.inrange * scale);
        opt.opswaps = (unsigned)(opt.opswaps * scale);
    }
    if (opt.run && (opt.run_ms == 0 || opt.run_ops == 0)) {
        fprintf(stderr, "mutate_corpus: --run needs a time and an instruction budget (a mutant may loop forever)\n");
        return 2;
    }
    /* A mutant may read stdin (Sys.stdin, Sys.getChar): give it end-of-file rather than a terminal or a
     * pipe that never ends. Everything else that could block is denied (files, processes, sockets) or
     * woken by the time budget (Sys.sleep, Lock.wait with a timeout; without one it throws). */
    if (opt.run && exec_stdin_from_null() != 0) {
        fprintf(stderr, "mutate_corpus: cannot redirect stdin from /dev/null: %s\n", strerror(errno));
        return 2;
    }
    if (npaths == 0 && !opt.samples) {
        usage(argv[0]);
        return 2;
    }
    mkdir(opt.save_dir, 0755);
    for (int i = 0; i < npaths; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0) {
            fprintf(stderr, "mutate_corpus: %s does not exist (%s). For the ctest, the hx_corpus fixture "
                            "(tests/hx/build_corpus.sh) must have compiled the corpus there.\n",
                    paths[i], strerror(errno));
            return 2;
        }
        size_t before = ninputs;
        if (S_ISDIR(st.st_mode))
            add_dir(paths[i]);
        else
            add_input(paths[i]);
        if (ninputs == before) {
            fprintf(stderr, "mutate_corpus: no .hl file in %s\n", paths[i]);
            return 2;
        }
    }
    free(paths);
    if (opt.samples)
        add_samples();
    install_handlers();
    start_time = now();
    printf("mutate_corpus: %zu file(s), seed %" PRIu64 ", per file %u flips, %u random truncations, %u fields,"
           " %u in-range, %u opcode swaps; time budget %.0f s%s\n",
           ninputs, opt.seed, opt.flips, opt.truncs, opt.fields, opt.inrange, opt.opswaps, opt.time_budget,
           opt.run ? "; accepted variants are run" : "");
    fflush(stdout);

    buf b = {0};
    if (!opt.no_builder)
        builder_variants();
    /* The originals first, then every file's variants in rounds, one variant per file per round. */
    for (size_t i = 0; i < ninputs && !over_budget(); i++) {
        input *in = &inputs[i];
        analyse(in);
        cur.no_run = !(opt.kinds & 1u); /* not run unless 'original' is among the kinds */
        check(in->path, "original", 0, in->data, in->size, in->is_sample ? EXPECT_ANY : EXPECT_ORIGINAL);
        cur.no_run = false;
    }
    for (bool more = true; more && !over_budget();) {
        more = false;
        for (size_t i = 0; i < ninputs && !over_budget(); i++)
            if (step(&inputs[i], &b))
                more = true;
    }

    double elapsed = now() - start_time;
    printf("mutate_corpus: %" PRIu64 " variants in %.1f s: %" PRIu64 " accepted, %" PRIu64 " invalid bytecode, %" PRIu64
           " verification failed, %" PRIu64 " out of memory; highest peak %zu%% of the budget; %" PRIu64 " failure(s)\n",
           stats.variants, elapsed, stats.accepted, stats.invalid, stats.verify_failed, stats.oom, stats.max_peak_pct,
           stats.failures);
    if (opt.run) {
        printf("mutate_corpus: %" PRIu64 " runs in %.1f s:", rstats.runs, rstats.seconds);
        for (int i = 0; i < EXEC_OUTCOMES; i++)
            printf("%s %" PRIu64 " %s", i ? "," : "", rstats.outcomes[i], exec_outcome_names[i]);
        printf("; %" PRIu64 " bytes printed; %" PRIu64 " accepted variants not run (they change a function that"
               " uses unchecked operations)\n", rstats.printed, rstats.not_run);
    }
    for (size_t i = 0; i < sizeof fail_kinds / sizeof fail_kinds[0] && fail_kinds[i].count; i++)
        printf("  %" PRIu64 " x %s on %s variants\n", fail_kinds[i].count, fail_kinds[i].check, fail_kinds[i].kind);
    if (budget_hit)
        printf("mutate_corpus: the time budget ended the run early (set HLFFI_MUTATE_TIME=0 for all variants)\n");
    for (size_t i = 0; i < ninputs; i++) {
        free(inputs[i].path);
        free(inputs[i].data);
        hlscan_free(&inputs[i].scan);
        free(inputs[i].inrange);
        free(inputs[i].opcodes);
    }
    free(inputs);
    free(b.data);
    return stats.failures ? 1 : 0;
}
