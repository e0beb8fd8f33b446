/* Natives of sys.io.Process (hl-spec.md 8.1 "Processes"): a child process with piped stdin, stdout and
 * stderr, started with posix_spawn (never fork: a host with threads stays safe, and no copy of a large
 * host's address space is made). The handle is a finalizer block; its finalizer closes the pipes and
 * reaps the child, so that neither descriptors nor zombies outlive the VM. */
#define _GNU_SOURCE /* pipe2 and POSIX_SPAWN_SETSID on Linux; POSIX 2008 elsewhere */

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if defined(__APPLE__)
#include <crt_externs.h>
#define environ (*_NSGetEnviron())
#else
extern char **environ;
#endif

#include "exec/exec.h"
#include "std/std_families.h"
#include "std/std_internal.h"

/* The `abstract<hl_process>` value: a GC block of kind FINALIZER (not scanned: no GC pointer). */
typedef struct process {
    hli_gc_finalizer fin; /* first word: closes the pipes and reaps the child when the handle dies */
    int in;               /* write end of the child's stdin, -1 once closed */
    int out;              /* read end of the child's stdout, -1 once closed */
    int err;              /* read end of the child's stderr, -1 once closed */
    pid_t pid;
    bool reaped;          /* the child was waited for: `status` holds its end (its pid may be reused) */
    bool lost;            /* the child cannot be waited for (someone else reaped it: ECHILD) */
    int status;           /* waitpid status once reaped */
} process;

static void close_fd(int *fd) {
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* waitpid retried on EINTR: 1 when the child ended (status recorded), 0 when it still runs (only with
 * WNOHANG), -1 when it cannot be waited for. */
static int reap(process *p, int options) {
    if (p->reaped)
        return 1;
    if (p->lost)
        return -1;
    for (;;) {
        int status = 0;
        pid_t r = waitpid(p->pid, &status, options);
        if (r == p->pid) {
            p->reaped = true;
            p->status = status;
            return 1;
        }
        if (r == 0)
            return 0;
        if (errno == EINTR)
            continue;
        p->lost = true;
        return -1;
    }
}

/* A detached thread that waits for a child still running when its handle died. */
static void *reaper_main(void *arg) {
    pid_t pid = (pid_t)(intptr_t)arg;
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
    }
    return NULL;
}

/* The finalizer (also run for live handles when the VM is destroyed): closes the pipes, which ends most
 * children (EOF on stdin, EPIPE on output), and reaps the child. A child still running after a grace
 * period of about 20 ms is left running (HashLink never kills it either) and reaped by a detached
 * thread when it ends, so the finalizer never blocks for long and leaves no zombie. */
static void process_finalize(void *block) {
    process *p = block;
    close_fd(&p->in);
    close_fd(&p->out);
    close_fd(&p->err);
    if (p->pid <= 0)
        return;
    for (int i = 0; i < 20 && reap(p, WNOHANG) == 0; i++) {
        struct timespec ms = {0, 1000000};
        nanosleep(&ms, NULL);
    }
    if (reap(p, WNOHANG) == 0) {
        pthread_t t;
        pthread_attr_t attr;
        if (pthread_attr_init(&attr) == 0) {
            if (pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) == 0 &&
                pthread_attr_setstacksize(&attr, 64 * 1024) == 0)
                (void)pthread_create(&t, &attr, reaper_main, (void *)(intptr_t)p->pid);
            pthread_attr_destroy(&attr);
        }
    }
    p->pid = 0;
}


/* Starts argv[0] (searched in PATH when `search`) with the three pipes; 0 or an errno value. */
static int spawn(pid_t *pid, char **argv, bool search, bool detached, const int in[2], const int out[2],
                 const int err[2]) {
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    int rc = posix_spawn_file_actions_init(&fa);
    if (rc != 0)
        return rc;
    rc = posix_spawnattr_init(&attr);
    if (rc != 0) {
        posix_spawn_file_actions_destroy(&fa);
        return rc;
    }
    /* The child gets default SIGPIPE handling and an empty signal mask, whatever the host's thread has. */
    sigset_t none, def;
    sigemptyset(&none);
    sigemptyset(&def);
    sigaddset(&def, SIGPIPE);
    short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    if (detached) {
        /* its own session (or process group), so that the terminal's signals do not reach it */
#if defined(POSIX_SPAWN_SETSID)
        flags |= POSIX_SPAWN_SETSID;
#else
        flags |= POSIX_SPAWN_SETPGROUP;
#endif
    }
    if ((rc = posix_spawnattr_setflags(&attr, flags)) == 0 && (rc = posix_spawnattr_setsigmask(&attr, &none)) == 0 &&
        (rc = posix_spawnattr_setsigdefault(&attr, &def)) == 0 && (rc = posix_spawnattr_setpgroup(&attr, 0)) == 0 &&
        (rc = posix_spawn_file_actions_adddup2(&fa, in[0], 0)) == 0 &&
        (rc = posix_spawn_file_actions_adddup2(&fa, out[1], 1)) == 0 &&
        (rc = posix_spawn_file_actions_adddup2(&fa, err[1], 2)) == 0) {
        if (search)
            rc = posix_spawnp(pid, argv[0], &fa, &attr, argv, environ);
        else
            rc = posix_spawn(pid, argv[0], &fa, &attr, argv, environ);
    }
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&fa);
    return rc;
}

/* process_run(cmd, args, detached): starts `/bin/sh -c cmd` when args is null, else cmd (searched in
 * PATH, as execvp) with the arguments of the `bytes` array args (an array of another element type or
 * with a null element gives null). A program that cannot be executed gives what HashLink's forked
 * child gives: a process that writes "Command not found : cmd" to its stderr and exits with 1
 * (posix_spawn reports the failure to the parent instead; a shell stands in for the child). Null
 * when pipes or the process cannot be created. */
static hli_status n_process_run(hli_thread *th, hli_reg *args, hli_reg *ret) {
    char *cmd = args[0].p;
    varray *a = args[1].p;
    bool detached = args[2].b;
    ret->p = NULL;
    if (cmd == NULL)
        return HLI_OK;
    if (a != NULL && (a->at == NULL || a->at->kind != HBYTES || a->size < 0 || a->size > INT32_MAX / 2))
        return HLI_OK;
    /* argv: a GC block that is not scanned (the strings it points to stay reachable through args),
     * rooted while the handle is allocated. */
    size_t argc = a == NULL ? 3 : (size_t)a->size + 1;
    char **argv = hli_alloc(th, (argc + 1) * sizeof(char *), HLI_GC_NOPTR);
    if (argv == NULL)
        return HLI_EXC;
    hli_root_push(th, &argv);
    process *p = hli_alloc(th, sizeof(process), HLI_GC_FINALIZER);
    hli_root_pop(th, 1);
    if (p == NULL)
        return HLI_EXC;
    p->fin = process_finalize; /* pid 0: nothing to reap until the spawn succeeds */
    p->in = p->out = p->err = -1;
    char sh_path[] = "/bin/sh", dash_c[] = "-c"; /* argv strings are `char *` (never written) */
    if (a == NULL) {
        argv[0] = sh_path;
        argv[1] = dash_c;
        argv[2] = cmd;
    } else {
        argv[0] = cmd;
        for (int32_t i = 0; i < a->size; i++) {
            argv[i + 1] = hli_aptr(a, char *)[i];
            if (argv[i + 1] == NULL)
                return HLI_OK; /* HashLink would crash in execvp */
        }
    }
    argv[argc] = NULL;
    int in[2], out[2] = {-1, -1}, err[2] = {-1, -1};
    if (!hli_std_make_pipe(in))
        return HLI_OK;
    if (!hli_std_make_pipe(out) || !hli_std_make_pipe(err)) {
        close_fd(&in[0]), close_fd(&in[1]);
        close_fd(&out[0]), close_fd(&out[1]);
        return HLI_OK;
    }
    pid_t pid = -1;
    int rc = spawn(&pid, argv, a != NULL, detached, in, out, err);
    if (rc != 0 && a != NULL && rc != ENOMEM && rc != EAGAIN) {
        /* The program could not be executed: what HashLink's forked child does then (print to its
         * stderr and exit with 1), by a shell, so that the Haxe side sees the same process. */
        char script[] = "printf 'Command not found : %s\\n' \"$1\" >&2; exit 1";
        char sh_name[] = "sh";
        char *fallback[] = {sh_path, dash_c, script, sh_name, cmd, NULL};
        rc = spawn(&pid, fallback, false, detached, in, out, err);
    }
    close_fd(&in[0]);
    close_fd(&out[1]);
    close_fd(&err[1]);
    if (rc != 0) {
        close_fd(&in[1]);
        close_fd(&out[0]);
        close_fd(&err[0]);
        return HLI_OK;
    }
    p->pid = pid;
    p->in = in[1];
    p->out = out[0];
    p->err = err[0];
    ret->p = p;
    return HLI_OK;
}

/* Byte address p + off (offsets are trusted, as HashLink does: the Haxe std checks them first). */
static uint8_t *at(void *p, int32_t off) { return (uint8_t *)((uintptr_t)p + (uintptr_t)(intptr_t)off); }

/* read retried on EINTR: the count, -1 at end of file, on error, for a null handle or buffer, a closed
 * pipe or a negative length (HashLink: read() <= 0 gives -1, so a zero length also gives -1). */
static void read_pipe(int fd, hli_reg *args, hli_reg *ret) {
    uint8_t *buf = args[1].p;
    int32_t len = args[3].i;
    ret->i = -1;
    if (fd < 0 || buf == NULL || len < 0)
        return;
    ssize_t n;
    do
        n = read(fd, at(buf, args[2].i), (size_t)len);
    while (n < 0 && errno == EINTR);
    if (n > 0)
        ret->i = (int32_t)n;
}

static hli_status n_process_stdout_read(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    process *p = args[0].p;
    read_pipe(p == NULL ? -1 : p->out, args, ret);
    return HLI_OK;
}

static hli_status n_process_stderr_read(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    process *p = args[0].p;
    read_pipe(p == NULL ? -1 : p->err, args, ret);
    return HLI_OK;
}

/* Whether SIGPIPE is pending for this thread or the process. */
static bool sigpipe_pending(void) {
    sigset_t pending;
    return sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1;
}

/* process_stdin_write(p, buf, pos, len): the bytes written, -1 on error (a child that closed its stdin
 * gives EPIPE: -1, which the Haxe side turns into haxe.io.Eof). No SIGPIPE reaches the host: SIGPIPE is
 * blocked in this thread around the write, and the one the write raised (thread-directed, so pending on
 * this thread) is consumed with sigtimedwait before the mask is restored. A SIGPIPE that was already
 * pending before the write is left alone. (A poll() check first could not close the race with a reader
 * that goes away during a blocking write; MSG_NOSIGNAL exists for sockets only.) */
static hli_status n_process_stdin_write(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    process *p = args[0].p;
    uint8_t *buf = args[1].p;
    int32_t len = args[3].i;
    ret->i = -1;
    if (p == NULL || p->in < 0 || buf == NULL || len < 0)
        return HLI_OK;
    sigset_t pipe_set, old;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    if (pthread_sigmask(SIG_BLOCK, &pipe_set, &old) != 0)
        return HLI_OK;
    bool was_pending = sigpipe_pending();
    ssize_t n;
    do
        n = write(p->in, at(buf, args[2].i), (size_t)len);
    while (n < 0 && errno == EINTR);
    if (n < 0 && errno == EPIPE && !was_pending) {
        struct timespec zero = {0, 0};
        while (sigtimedwait(&pipe_set, NULL, &zero) < 0 && errno == EINTR) {
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (n >= 0)
        ret->i = (int32_t)n;
    return HLI_OK;
}

/* process_stdin_close(p): closes the child's stdin; false when it was already closed (or p is null). */
static hli_status n_process_stdin_close(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    process *p = args[0].p;
    ret->b = false;
    if (p == NULL || p->in < 0)
        return HLI_OK;
    ret->b = close(p->in) == 0;
    p->in = -1;
    return HLI_OK;
}

/* process_exit(p, running): the exit code, waiting for the child when `running` is null; else without
 * blocking, setting *running to whether the child still runs (the result is then 0). As HashLink: the
 * exit status, 0x40000000 | signal for a child a signal ended, -2 for another end, -1 when the child
 * cannot be waited for. Unlike HashLink (whose second waitpid fails with -1), the status is kept, so
 * asking again gives the same answer and process_kill never signals a reused pid. */
static hli_status n_process_exit(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    process *p = args[0].p;
    bool *running = args[1].p;
    ret->i = -1;
    if (running != NULL)
        *running = false;
    if (p == NULL || p->pid <= 0)
        return HLI_OK;
    int r = reap(p, running != NULL ? WNOHANG : 0);
    if (r == 0) {
        *running = true;
        ret->i = 0;
        return HLI_OK;
    }
    if (r < 0)
        return HLI_OK;
    if (WIFEXITED(p->status))
        ret->i = WEXITSTATUS(p->status);
    else if (WIFSIGNALED(p->status))
        ret->i = 0x40000000 | WTERMSIG(p->status);
    else
        ret->i = -2;
    return HLI_OK;
}

/* process_pid(p): the child's pid (also after it ended), -1 for a null handle. */
static hli_status n_process_pid(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    process *p = args[0].p;
    ret->i = p == NULL ? -1 : (int32_t)p->pid;
    return HLI_OK;
}

/* process_close(p): closes the three pipes (as HashLink); the child stays known to the handle, so
 * process_exit still works and the finalizer still reaps it. Idempotent, null is fine. */
static hli_status n_process_close(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)ret;
    process *p = args[0].p;
    if (p != NULL) {
        close_fd(&p->in);
        close_fd(&p->out);
        close_fd(&p->err);
    }
    return HLI_OK;
}

/* process_kill(p): SIGKILL to the child, unless it was already reaped (its pid may name another
 * process by then). */
static hli_status n_process_kill(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)ret;
    process *p = args[0].p;
    if (p != NULL && p->pid > 0 && !p->reaped && !p->lost)
        (void)kill(p->pid, SIGKILL);
    return HLI_OK;
}

const hli_native_def hli_std_process_natives[] = {
    {"std", "process_run", "PBAb_Xhl_process_", n_process_run},
    {"std", "process_stdout_read", "PXhl_process_Bii_i", n_process_stdout_read},
    {"std", "process_stderr_read", "PXhl_process_Bii_i", n_process_stderr_read},
    {"std", "process_stdin_write", "PXhl_process_Bii_i", n_process_stdin_write},
    {"std", "process_stdin_close", "PXhl_process__b", n_process_stdin_close},
    {"std", "process_exit", "PXhl_process_Rb_i", n_process_exit},
    {"std", "process_pid", "PXhl_process__i", n_process_pid},
    {"std", "process_close", "PXhl_process__v", n_process_close},
    {"std", "process_kill", "PXhl_process__v", n_process_kill},
    {NULL, NULL, NULL, NULL},
};
