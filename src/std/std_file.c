/* Natives of files (hl-spec.md 8.1 "Files", behind sys.io.File/FileInput/FileOutput and Sys.stdin/stdout/
 * stderr): C stdio streams in finalizer blocks, and the standard streams, whose output goes through the
 * VM's print hook so that a host captures everything a program writes (design.md principle 2). */
#define _POSIX_C_SOURCE 200809L /* fileno, fcntl */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "exec/exec.h"
#include "std/std_families.h"
#include "std/std_internal.h"

/* What a handle stands for. */
enum { FD_CLOSED, FD_FILE, FD_STDIN, FD_STDOUT, FD_STDERR };

/* The `abstract<hl_fdesc>` value: a GC block of kind FINALIZER (not scanned: it holds no GC pointer). */
typedef struct fdesc {
    hli_gc_finalizer fin; /* first word: closes `f` when the handle dies (and at VM destroy) */
    FILE *f;              /* FD_FILE: the open stream; FD_STDIN: stdin; else NULL */
    hlffi_vm *vm;         /* FD_STDOUT/FD_STDERR: whose print hook receives the output */
    int kind;             /* FD_* */
} fdesc;

/* The finalizer: closes a file that the program never closed. The standard streams belong to the
 * process (or the host) and are never closed. */
static void fdesc_finalize(void *block) {
    fdesc *d = block;
    if (d->kind == FD_FILE && d->f != NULL)
        fclose(d->f);
    d->f = NULL;
    d->kind = FD_CLOSED;
}

/* A new handle, or NULL with an exception pending. */
static fdesc *fdesc_new(hli_thread *th, int kind, FILE *f) {
    fdesc *d = hli_alloc(th, sizeof(fdesc), HLI_GC_FINALIZER);
    if (d == NULL)
        return NULL;
    d->fin = fdesc_finalize;
    d->f = f;
    d->vm = th->vm;
    d->kind = kind;
    return d;
}

/* The handle argument when it is usable: a null handle and a closed one behave alike (HashLink returns
 * its "null handle" results for both; it would crash on a closed one). */
static fdesc *arg_fdesc(const hli_reg *a) {
    fdesc *d = a->p;
    return d != NULL && d->kind != FD_CLOSED ? d : NULL;
}


/* fread/fwrite retried when a signal interrupted them before anything was transferred (as HashLink);
 * errno is cleared first so that a stale EINTR cannot make them loop. */
static size_t read_retry(void *buf, size_t n, FILE *f) {
    for (;;) {
        errno = 0;
        size_t r = fread(buf, 1, n, f);
        if (r != 0 || n == 0 || !ferror(f) || errno != EINTR)
            return r;
        clearerr(f);
    }
}

static size_t write_retry(const void *buf, size_t n, FILE *f) {
    for (;;) {
        errno = 0;
        size_t r = fwrite(buf, 1, n, f);
        if (r != 0 || n == 0 || !ferror(f) || errno != EINTR)
            return r;
        clearerr(f);
    }
}

/* Byte address p + off without undefined pointer arithmetic (offsets are trusted, as HashLink does:
 * the Haxe std checks them against the Bytes length first). */
static uint8_t *at(void *p, int32_t off) { return (uint8_t *)((uintptr_t)p + (uintptr_t)(intptr_t)off); }

/* fopen with the descriptor closed on exec, so that commands the program runs do not inherit it. */
static FILE *open_cloexec(const char *path, const char *mode) {
    FILE *f = fopen(path, mode);
    if (f != NULL) {
        int fd = fileno(f);
        if (fd >= 0)
            (void)fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC);
    }
    return f;
}

/* file_open(path, mode, binary): mode 0 "r", 1 "w", 2 "a", 3 "r+" ("b" added when binary, which POSIX
 * ignores); null when the file cannot be opened (and for a null path or another mode). */
static hli_status n_file_open(hli_thread *th, hli_reg *args, hli_reg *ret) {
    static const char *const modes[8] = {"r", "w", "a", "r+", "rb", "wb", "ab", "rb+"};
    const char *path = args[0].p;
    int32_t mode = args[1].i;
    ret->p = NULL;
    if (path == NULL || mode < 0 || mode > 3)
        return HLI_OK;
    FILE *f = open_cloexec(path, modes[mode | (args[2].b ? 4 : 0)]);
    if (f == NULL)
        return HLI_OK;
    fdesc *d = fdesc_new(th, FD_FILE, f);
    if (d == NULL) {
        fclose(f);
        return HLI_EXC;
    }
    ret->p = d;
    return HLI_OK;
}

/* file_close(f): closes a file (the standard streams are only detached); idempotent, null is fine. */
static hli_status n_file_close(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)ret;
    fdesc *d = args[0].p;
    if (d != NULL)
        fdesc_finalize(d);
    return HLI_OK;
}

/* file_write(f, buf, pos, len): the bytes written; -1 for a null handle. Standard output and error go
 * through the print hook and always take everything. */
static hli_status n_file_write(hli_thread *th, hli_reg *args, hli_reg *ret) {
    fdesc *d = arg_fdesc(&args[0]);
    int32_t len = args[3].i;
    ret->i = -1;
    if (d == NULL || len < 0)
        return HLI_OK;
    ret->i = 0;
    if (len == 0)
        return HLI_OK;
    if (args[1].p == NULL)
        return hli_throw_error(th, "Null access");
    const uint8_t *src = at(args[1].p, args[2].i);
    if (d->kind == FD_STDOUT || d->kind == FD_STDERR) {
        hli_vm_print(d->vm, src, (size_t)len, d->kind == FD_STDERR);
        ret->i = len;
    } else if (d->kind == FD_FILE) {
        ret->i = (int32_t)write_retry(src, (size_t)len, d->f);
    }
    return HLI_OK;
}

/* file_read(f, buf, pos, len): the bytes read, 0 at end of file; -1 for a null handle. */
static hli_status n_file_read(hli_thread *th, hli_reg *args, hli_reg *ret) {
    fdesc *d = arg_fdesc(&args[0]);
    int32_t len = args[3].i;
    ret->i = -1;
    if (d == NULL || len < 0)
        return HLI_OK;
    ret->i = 0;
    if (len == 0 || d->f == NULL)
        return HLI_OK;
    if (args[1].p == NULL)
        return hli_throw_error(th, "Null access");
    ret->i = (int32_t)read_retry(at(args[1].p, args[2].i), (size_t)len, d->f);
    return HLI_OK;
}

/* file_write_char(f, c): writes the low byte of c; false for a null handle or a failed write. */
static hli_status n_file_write_char(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    fdesc *d = arg_fdesc(&args[0]);
    uint8_t c = (uint8_t)args[1].i;
    ret->i64 = 0;
    if (d == NULL)
        return HLI_OK;
    if (d->kind == FD_STDOUT || d->kind == FD_STDERR) {
        hli_vm_print(d->vm, &c, 1, d->kind == FD_STDERR);
        ret->i64 = 1;
    } else if (d->kind == FD_FILE) {
        ret->i64 = write_retry(&c, 1, d->f) == 1;
    }
    return HLI_OK;
}

/* file_read_char(f): the next byte, -2 at end of file, on error or for a null handle. */
static hli_status n_file_read_char(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    fdesc *d = arg_fdesc(&args[0]);
    uint8_t c;
    ret->i = -2;
    if (d != NULL && d->f != NULL && read_retry(&c, 1, d->f) == 1)
        ret->i = c;
    return HLI_OK;
}

/* file_seek(f, pos, whence): whence 0 SEEK_SET, 1 SEEK_CUR, 2 SEEK_END; false on failure (the output
 * standard streams cannot seek). */
static hli_status n_file_seek(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    static const int whence[3] = {SEEK_SET, SEEK_CUR, SEEK_END};
    fdesc *d = arg_fdesc(&args[0]);
    int32_t k = args[2].i;
    ret->i64 = d != NULL && d->f != NULL && k >= 0 && k <= 2 && fseek(d->f, args[1].i, whence[k]) == 0;
    return HLI_OK;
}

/* file_tell(f): the position (low 32 bits), -1 on failure or for a null handle. */
static hli_status n_file_tell(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    fdesc *d = arg_fdesc(&args[0]);
    long p = d != NULL && d->f != NULL ? ftell(d->f) : -1;
    ret->i = (int32_t)(uint32_t)(unsigned long)p;
    return HLI_OK;
}

/* file_eof(f): feof; true for a null handle, false for the output standard streams. */
static hli_status n_file_eof(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    fdesc *d = arg_fdesc(&args[0]);
    ret->i64 = d == NULL ? 1 : d->f != NULL && feof(d->f) != 0;
    return HLI_OK;
}

/* file_flush(f): fflush; the print hook writes through (nothing to flush) and stdin has nothing to
 * flush; false for a null handle. */
static hli_status n_file_flush(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    fdesc *d = arg_fdesc(&args[0]);
    ret->i64 = d != NULL && (d->kind != FD_FILE || fflush(d->f) == 0);
    return HLI_OK;
}

/* file_stdin/stdout/stderr(): a new handle on the standard stream each time (as HashLink). */
static hli_status n_file_stdin(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    ret->p = fdesc_new(th, FD_STDIN, stdin);
    return ret->p != NULL ? HLI_OK : HLI_EXC;
}

static hli_status n_file_stdout(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    ret->p = fdesc_new(th, FD_STDOUT, NULL);
    return ret->p != NULL ? HLI_OK : HLI_EXC;
}

static hli_status n_file_stderr(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    ret->p = fdesc_new(th, FD_STDERR, NULL);
    return ret->p != NULL ? HLI_OK : HLI_EXC;
}

/* file_contents(path, ref size): the whole file as new bytes, its size through the ref; with a null
 * ref one more byte holds a NUL (for String.fromUTF8). An empty file with a ref gives a non-null empty
 * buffer. Null when the file cannot be opened, its size is unknown (ftell fails) or above 2 GB, or it
 * shrinks while being read. */
static hli_status n_file_contents(hli_thread *th, hli_reg *args, hli_reg *ret) {
    static const uint8_t empty[1] = {0};
    const char *path = args[0].p;
    void *size_ref = args[1].p;
    ret->p = NULL;
    if (path == NULL)
        return HLI_OK;
    FILE *f = open_cloexec(path, "rb");
    if (f == NULL)
        return HLI_OK;
    long len = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (len < 0 || len > INT32_MAX - 1 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return HLI_OK;
    }
    hli_std_set_ref_i32(size_ref, (int32_t)len);
    uint8_t *content;
    if (size_ref != NULL && len == 0) {
        content = (uint8_t *)(uintptr_t)empty;
    } else {
        /* Zeroed by the collector, so the NUL after the content is already there. */
        content = hli_alloc_bytes(th, (int32_t)len + (size_ref == NULL ? 1 : 0));
        if (content == NULL) {
            fclose(f);
            return HLI_EXC;
        }
    }
    size_t done = 0;
    while (done < (size_t)len) {
        size_t d = read_retry(content + done, (size_t)len - done, f);
        if (d == 0) {
            fclose(f);
            return HLI_OK;
        }
        done += d;
    }
    fclose(f);
    ret->p = content;
    return HLI_OK;
}

const hli_native_def hli_std_file_natives[] = {
    {"std", "file_open", "PBib_Xhl_fdesc_", n_file_open},
    {"std", "file_close", "PXhl_fdesc__v", n_file_close},
    {"std", "file_write", "PXhl_fdesc_Bii_i", n_file_write},
    {"std", "file_read", "PXhl_fdesc_Bii_i", n_file_read},
    {"std", "file_write_char", "PXhl_fdesc_i_b", n_file_write_char},
    {"std", "file_read_char", "PXhl_fdesc__i", n_file_read_char},
    {"std", "file_seek", "PXhl_fdesc_ii_b", n_file_seek},
    {"std", "file_tell", "PXhl_fdesc__i", n_file_tell},
    {"std", "file_eof", "PXhl_fdesc__b", n_file_eof},
    {"std", "file_flush", "PXhl_fdesc__b", n_file_flush},
    {"std", "file_stdin", "P_Xhl_fdesc_", n_file_stdin},
    {"std", "file_stdout", "P_Xhl_fdesc_", n_file_stdout},
    {"std", "file_stderr", "P_Xhl_fdesc_", n_file_stderr},
    {"std", "file_contents", "PBRi_B", n_file_contents},
    {NULL, NULL, NULL, NULL},
};
