/* Natives of Sys and sys.FileSystem beyond the core ones (hl-spec.md 8.1 "System"): environment, current
 * directory, paths, directories, commands, raw key reads, sleeping. Paths are UTF-8 bytes. setCwd and
 * putEnv change the process by nature (docs/internals/natives.md); nothing else here keeps state. */
#define _GNU_SOURCE /* pipe2 on Linux; POSIX 2008 and XSI (realpath, readlink, newlocale) elsewhere */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#if defined(__APPLE__)
#include <crt_externs.h>
#include <mach-o/dyld.h>
#define environ (*_NSGetEnviron())
#else
extern char **environ;
#endif

#include "exec/exec.h"
#include "std/std_families.h"
#include "std/std_internal.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* A new GC copy of a C string (bytes + NUL), or NULL with an exception pending. */
static hli_status ret_cstr(hli_thread *th, const char *s, hli_reg *ret) {
    ret->p = hli_std_bytes_copy(th, s, strlen(s));
    return ret->p != NULL ? HLI_OK : HLI_EXC;
}


/* ---- environment (process-wide by nature) --------------------------------------------------------- */

/* sys_put_env(name, value): setenv, or unsetenv when value is null; false on failure (a name that is
 * null, empty or contains '='). Changes the environment of the whole process. */
static hli_status n_sys_put_env(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    const char *name = args[0].p, *value = args[1].p;
    if (name == NULL)
        ret->i64 = 0;
    else if (value == NULL)
        ret->i64 = unsetenv(name) == 0;
    else
        ret->i64 = setenv(name, value, 1) == 0;
    return HLI_OK;
}

/* sys_env(): NativeArray<bytes> name, value, name, value... of every "name=value" entry (entries
 * without '=' are skipped, as HashLink). */
static hli_status n_sys_env(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    int32_t count = 0;
    for (char **e = environ; e != NULL && *e != NULL && count < INT32_MAX / 2; e++)
        if (strchr(*e, '=') != NULL)
            count++;
    varray *a = hli_alloc_array(th, HLI_T(bytes), count * 2);
    if (a == NULL)
        return HLI_EXC;
    hli_root_push(th, &a);
    int32_t k = 0;
    for (char **e = environ; e != NULL && *e != NULL && k < count * 2; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL)
            continue;
        uint8_t *name = hli_std_bytes_copy(th, *e, (size_t)(eq - *e));
        uint8_t *value = NULL;
        if (name != NULL) {
            hli_aptr(a, uint8_t *)[k++] = name;
            value = hli_std_bytes_copy(th, eq + 1, strlen(eq + 1));
        }
        if (value == NULL) {
            hli_root_pop(th, 1);
            return HLI_EXC;
        }
        hli_aptr(a, uint8_t *)[k++] = value;
    }
    hli_root_pop(th, 1);
    a->size = k; /* fewer when the environment shrank meanwhile (another thread) */
    ret->p = a;
    return HLI_OK;
}

/* sys_set_time_locale(name): whether the C library knows an LC_TIME locale of that name. It is not
 * installed: no native of this VM formats dates through the C locale (DateTools formats in Haxe), and
 * installing it would change the locale of the host's thread (HashLink calls uselocale). */
static hli_status n_sys_set_time_locale(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    const char *name = args[0].p;
    ret->i64 = 0;
    if (name == NULL)
        return HLI_OK;
    locale_t lc = newlocale(LC_TIME_MASK, name, (locale_t)0);
    if (lc != (locale_t)0) {
        freelocale(lc);
        ret->i64 = 1;
    }
    return HLI_OK;
}

/* ---- current directory (process-wide by nature) and paths ------------------------------------------ */

/* sys_get_cwd(): the current directory with a trailing '/', or null when it cannot be read. */
static hli_status n_sys_get_cwd(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    char buf[PATH_MAX + 2];
    ret->p = NULL;
    if (getcwd(buf, PATH_MAX) == NULL)
        return HLI_OK;
    size_t n = strlen(buf);
    if (n == 0 || buf[n - 1] != '/') {
        buf[n] = '/';
        buf[n + 1] = 0;
    }
    return ret_cstr(th, buf, ret);
}

/* sys_set_cwd(path): chdir, for the whole process. */
static hli_status n_sys_set_cwd(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i64 = args[0].p != NULL && chdir(args[0].p) == 0;
    return HLI_OK;
}

/* sys_exe_path(): the path of the running executable (the host's, for an embedded VM), or null. */
static hli_status n_sys_exe_path(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    char buf[PATH_MAX + 1];
    ret->p = NULL;
#if defined(__APPLE__)
    uint32_t size = PATH_MAX;
    if (_NSGetExecutablePath(buf, &size) == 0)
        return ret_cstr(th, buf, ret);
#else
    ssize_t n = readlink("/proc/self/exe", buf, PATH_MAX);
    if (n >= 0) {
        buf[n] = 0;
        return ret_cstr(th, buf, ret);
    }
#endif
    const char *p = getenv("_");
    return p != NULL ? ret_cstr(th, p, ret) : HLI_OK;
}

/* sys_full_path(path): realpath (absolute, symbolic links resolved), or null when it does not exist. */
static hli_status n_sys_full_path(hli_thread *th, hli_reg *args, hli_reg *ret) {
    char buf[PATH_MAX + 1];
    ret->p = NULL;
    if (args[0].p == NULL || realpath(args[0].p, buf) == NULL)
        return HLI_OK;
    return ret_cstr(th, buf, ret);
}

/* ---- files and directories ------------------------------------------------------------------------ */

static hli_status n_sys_exists(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    struct stat st;
    ret->i64 = args[0].p != NULL && stat(args[0].p, &st) == 0;
    return HLI_OK;
}

static hli_status n_sys_delete(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i64 = args[0].p != NULL && unlink(args[0].p) == 0;
    return HLI_OK;
}

static hli_status n_sys_rename(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i64 = args[0].p != NULL && args[1].p != NULL && rename(args[0].p, args[1].p) == 0;
    return HLI_OK;
}

/* The low 32 bits of a stat field, as HashLink stores it in an int. */
static int32_t lo32(long long v) { return (int32_t)(uint32_t)(unsigned long long)v; }

/* sys_stat(path): i32 NativeArray [gid, uid, atime, mtime, ctime, size, dev, ino, nlink, rdev, mode, 0]
 * (each truncated to 32 bits), or null when stat fails. */
static hli_status n_sys_stat(hli_thread *th, hli_reg *args, hli_reg *ret) {
    struct stat s;
    ret->p = NULL;
    if (args[0].p == NULL || stat(args[0].p, &s) != 0)
        return HLI_OK;
    varray *a = hli_alloc_array(th, HLI_T(i32), 12);
    if (a == NULL)
        return HLI_EXC;
    int32_t *v = hli_aptr(a, int32_t);
    v[0] = lo32(s.st_gid);
    v[1] = lo32(s.st_uid);
    v[2] = lo32(s.st_atime);
    v[3] = lo32(s.st_mtime);
    v[4] = lo32(s.st_ctime);
    v[5] = lo32(s.st_size);
    v[6] = lo32((long long)s.st_dev);
    v[7] = lo32((long long)s.st_ino);
    v[8] = lo32((long long)s.st_nlink);
    v[9] = lo32((long long)s.st_rdev);
    v[10] = lo32(s.st_mode);
    v[11] = 0;
    ret->p = a;
    return HLI_OK;
}

/* sys_is_dir(path): HashLink tests (st_mode & S_IFDIR) != 0, which also holds for block devices and
 * sockets (their type bits include S_IFDIR's); kept as it is. */
static hli_status n_sys_is_dir(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    struct stat s;
    ret->i64 = args[0].p != NULL && stat(args[0].p, &s) == 0 && (s.st_mode & S_IFDIR) != 0;
    return HLI_OK;
}

/* sys_create_dir(path, mode): mkdir (one level; sys.FileSystem creates the parents). */
static hli_status n_sys_create_dir(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i64 = args[0].p != NULL && mkdir(args[0].p, (mode_t)args[1].i) == 0;
    return HLI_OK;
}

static hli_status n_sys_remove_dir(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i64 = args[0].p != NULL && rmdir(args[0].p) == 0;
    return HLI_OK;
}

/* sys_read_dir(path): NativeArray<bytes> of the entry names except "." and "..", in the order the
 * system lists them; null when the directory cannot be opened. Like HashLink, the array grows by
 * doubling and its size is then set to the count. */
static hli_status n_sys_read_dir(hli_thread *th, hli_reg *args, hli_reg *ret) {
    ret->p = NULL;
    if (args[0].p == NULL)
        return HLI_OK;
    DIR *d = opendir(args[0].p);
    if (d == NULL)
        return HLI_OK;
    varray *a = hli_alloc_array(th, HLI_T(bytes), 16);
    if (a == NULL) {
        closedir(d);
        return HLI_EXC;
    }
    hli_root_push(th, &a);
    int32_t n = 0;
    hli_status st = HLI_OK;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        const char *name = e->d_name;
        if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0)))
            continue;
        if (n == a->size) {
            varray *b = n < INT32_MAX / 2 ? hli_alloc_array(th, HLI_T(bytes), n * 2) : NULL;
            if (b == NULL) {
                st = n < INT32_MAX / 2 ? HLI_EXC : hli_throw_error(th, "Invalid array size");
                break;
            }
            memcpy(hli_aptr(b, uint8_t *), hli_aptr(a, uint8_t *), (size_t)n * sizeof(uint8_t *));
            a = b;
        }
        uint8_t *copy = hli_std_bytes_copy(th, name, strlen(name));
        if (copy == NULL) {
            st = HLI_EXC;
            break;
        }
        hli_aptr(a, uint8_t *)[n++] = copy;
    }
    closedir(d);
    hli_root_pop(th, 1);
    if (st != HLI_OK)
        return st;
    a->size = n;
    ret->p = a;
    return HLI_OK;
}

/* ---- commands ------------------------------------------------------------------------------------- */

/* A pipe whose two ends are close-on-exec (so that other children never inherit them) and above the
 * standard descriptors (so that dup2 onto 0, 1 and 2 in a child always makes a fresh, inherited copy).
 * Shared with std_process.c (std_internal.h). */
bool hli_std_make_pipe(int fds[2]) {
#if defined(__linux__)
    if (pipe2(fds, O_CLOEXEC) != 0)
        return false;
#else
    if (pipe(fds) != 0)
        return false;
    for (int i = 0; i < 2; i++)
        (void)fcntl(fds[i], F_SETFD, FD_CLOEXEC);
#endif
    for (int i = 0; i < 2; i++) {
        if (fds[i] > 2)
            continue;
        int moved = fcntl(fds[i], F_DUPFD_CLOEXEC, 3);
        close(fds[i]);
        fds[i] = moved;
    }
    if (fds[0] < 0 || fds[1] < 0) {
        if (fds[0] >= 0)
            close(fds[0]);
        if (fds[1] >= 0)
            close(fds[1]);
        return false;
    }
    return true;
}

/* Forwards the child's output (fds[0] stdout, fds[1] stderr) to the print hook and waits for the child:
 * until both pipes close or, when a background process of the command keeps them open, until the shell
 * has exited and what it left in the pipes is read (system() returns when the shell exits). Returns
 * false when the child cannot be waited for. */
static bool forward_and_wait(hlffi_vm *vm, int fds[2], pid_t pid, int *status) {
    char buf[4096];
    struct pollfd p[2] = {{fds[0], POLLIN, 0}, {fds[1], POLLIN, 0}};
    int open_count = 2;
    bool exited = false;
    while (open_count > 0) {
        int n = poll(p, 2, exited ? 0 : 50);
        if (n < 0 && errno != EINTR)
            break;
        bool got = false;
        for (int i = 0; i < 2 && n > 0; i++) {
            if (p[i].fd < 0 || p[i].revents == 0)
                continue;
            ssize_t k = read(p[i].fd, buf, sizeof buf);
            if (k > 0) {
                hli_vm_print(vm, buf, (size_t)k, i == 1);
                got = true;
            } else if (k == 0 || errno != EINTR) {
                p[i].fd = -1; /* poll ignores negative descriptors */
                open_count--;
            }
        }
        if (exited && !got)
            break;
        if (!exited) {
            pid_t w = waitpid(pid, status, WNOHANG);
            if (w == pid)
                exited = true;
            else if (w < 0 && errno != EINTR)
                return false;
        }
    }
    while (!exited) {
        pid_t w = waitpid(pid, status, 0);
        if (w == pid)
            exited = true;
        else if (w < 0 && errno != EINTR)
            return false;
    }
    return true;
}

/* sys_command(cmd): runs `/bin/sh -c cmd` (posix_spawn, no fork of the host) and waits for it; returns
 * the exit status with the terminating signal number in bits 8+ (HashLink's WEXITSTATUS | WTERMSIG << 8
 * of system()). The child inherits stdin and the environment; its stdout and stderr are piped to the
 * print hook, so that a host capturing the program's output captures the command's too (output that a
 * background process writes after the shell has exited is lost: the pipes are closed). 127 when the
 * shell cannot be started (as system()), -1 when the child cannot be waited for. Unlike system(), no
 * signal disposition of the process is changed while waiting. */
static hli_status n_sys_command(hli_thread *th, hli_reg *args, hli_reg *ret) {
    char *cmd = args[0].p;
    ret->i = -1;
    if (cmd == NULL)
        return HLI_OK;
    int out[2], err[2];
    if (!hli_std_make_pipe(out))
        return HLI_OK;
    if (!hli_std_make_pipe(err)) {
        close(out[0]);
        close(out[1]);
        return HLI_OK;
    }
    posix_spawn_file_actions_t fa;
    pid_t pid = -1;
    int rc = posix_spawn_file_actions_init(&fa);
    if (rc == 0) {
        char sh[] = "sh", dash_c[] = "-c";
        char *argv[] = {sh, dash_c, cmd, NULL};
        if ((rc = posix_spawn_file_actions_adddup2(&fa, out[1], 1)) == 0 &&
            (rc = posix_spawn_file_actions_adddup2(&fa, err[1], 2)) == 0)
            rc = posix_spawn(&pid, "/bin/sh", &fa, NULL, argv, environ);
        posix_spawn_file_actions_destroy(&fa);
    }
    close(out[1]);
    close(err[1]);
    int status = 0;
    bool waited = false;
    if (rc == 0) {
        int fds[2] = {out[0], err[0]};
        waited = forward_and_wait(th->vm, fds, pid, &status);
    }
    close(out[0]);
    close(err[0]);
    if (rc != 0) {
        ret->i = 127;
        return HLI_OK;
    }
    if (waited) {
        int code = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
        int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
        ret->i = code | (sig << 8);
    }
    return HLI_OK;
}

/* ---- terminal and time ---------------------------------------------------------------------------- */

/* sys_get_char(echo): one byte from stdin with the terminal in raw mode (restored after), -1 at end of
 * input; with echo, the byte is printed through the print hook. When stdin is not a terminal the byte
 * is read as it is. */
static hli_status n_sys_get_char(hli_thread *th, hli_reg *args, hli_reg *ret) {
    int fd = fileno(stdin);
    struct termios old, raw;
    bool tty = fd >= 0 && tcgetattr(fd, &old) == 0;
    if (tty) {
        raw = old; /* cfmakeraw, spelled out (it is not POSIX) */
        raw.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
        raw.c_oflag &= ~(tcflag_t)OPOST;
        raw.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
        raw.c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
        raw.c_cflag |= CS8;
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        tcsetattr(fd, TCSANOW, &raw);
    }
    int c = getchar();
    if (tty)
        tcsetattr(fd, TCSANOW, &old);
    if (args[0].b && c != EOF) {
        uint8_t b = (uint8_t)c;
        hli_vm_print(th->vm, &b, 1, false);
    }
    ret->i = c;
    return HLI_OK;
}

/* Sleeps in slices of at most 100 ms, returning early when the thread's poll flag is raised (a host
 * interrupt), so that the interpreter can act on it. NaN, negative and zero return at once. */
void hli_std_sleep(hli_thread *th, double seconds) {
    double left = seconds;
    if (!(left > 0))
        return;
    if (left > 1e9)
        left = 1e9;
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        double elapsed = (double)(now.tv_sec - start.tv_sec) + (double)(now.tv_nsec - start.tv_nsec) / 1e9;
        double slice = left - elapsed;
        if (slice <= 0 || th->poll)
            return;
        if (slice > 0.1)
            slice = 0.1;
        /* A time budget ends the sleep at its deadline: the next poll point then stops the call. */
        if (th->deadline_ns != 0) {
            uint64_t now_ns = (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
            if (now_ns >= th->deadline_ns)
                return;
            if (slice > (double)(th->deadline_ns - now_ns) / 1e9)
                slice = (double)(th->deadline_ns - now_ns) / 1e9;
        }
        struct timespec t;
        t.tv_sec = (time_t)slice;
        t.tv_nsec = (long)((slice - (double)t.tv_sec) * 1e9);
        nanosleep(&t, NULL);
    }
}

/* sys_sleep(seconds): hli_std_sleep. */
static hli_status n_sys_sleep(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    hli_std_sleep(th, args[0].d);
    return HLI_OK;
}

const hli_native_def hli_std_sys_natives[] = {
    {"std", "sys_put_env", "PBB_b", n_sys_put_env},
    {"std", "sys_env", "P_A", n_sys_env},
    {"std", "sys_set_time_locale", "PB_b", n_sys_set_time_locale},
    {"std", "sys_get_cwd", "P_B", n_sys_get_cwd},
    {"std", "sys_set_cwd", "PB_b", n_sys_set_cwd},
    {"std", "sys_exe_path", "P_B", n_sys_exe_path},
    {"std", "sys_full_path", "PB_B", n_sys_full_path},
    {"std", "sys_exists", "PB_b", n_sys_exists},
    {"std", "sys_delete", "PB_b", n_sys_delete},
    {"std", "sys_rename", "PBB_b", n_sys_rename},
    {"std", "sys_stat", "PB_A", n_sys_stat},
    {"std", "sys_is_dir", "PB_b", n_sys_is_dir},
    {"std", "sys_create_dir", "PBi_b", n_sys_create_dir},
    {"std", "sys_remove_dir", "PB_b", n_sys_remove_dir},
    {"std", "sys_read_dir", "PB_A", n_sys_read_dir},
    {"std", "sys_command", "PB_i", n_sys_command},
    {"std", "sys_get_char", "Pb_i", n_sys_get_char},
    {"std", "sys_sleep", "Pd_v", n_sys_sleep},
    {NULL, NULL, NULL, NULL},
};
