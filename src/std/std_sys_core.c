/* Natives of Sys and Date that the core language needs (hl-spec.md 8.1 "System", "Date"): printing
 * through the VM's print hook, platform queries, clocks, Sys.exit as an abort (never exit()), arguments,
 * environment, and dates as unsigned 32-bit Unix seconds in local time. Paths are UTF-8 bytes. */
#define _POSIX_C_SOURCE 200809L /* localtime_r, gmtime_r, clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "exec/exec.h"
#include "std/std_families.h"
#include "std/std_internal.h"

/* ---- printing ------------------------------------------------------------------------------------ */

/* sys_print(s): the UTF-16 text up to its NUL (so a NUL ends the output, as HashLink's printf("%s")),
 * as UTF-8 through the print hook, in chunks that never split a character. */
static hli_status n_sys_print(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    const hli_uchar *s = args[0].p;
    if (s == NULL)
        return HLI_OK;
    uint8_t buf[1024];
    size_t k = 0;
    while (*s != 0) {
        size_t n = *s >= 0xD800 && *s <= 0xDBFF && s[1] >= 0xDC00 && s[1] <= 0xDFFF ? 2 : 1;
        if (k + 4 > sizeof buf) {
            hli_vm_print(th->vm, buf, k, false);
            k = 0;
        }
        k += hli_std_utf16_to_utf8(s, n, buf + k);
        s += n;
    }
    hli_vm_print(th->vm, buf, k, false);
    return HLI_OK;
}

/* ---- platform ----------------------------------------------------------------------------------- */

static hli_status n_sys_utf8_path(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)args;
    ret->i64 = 1;
    return HLI_OK;
}

static hli_status n_sys_is64(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)args;
    ret->i64 = sizeof(void *) == 8;
    return HLI_OK;
}

/* sys_string(): the platform name, as HashLink names it (a new string: Haxe code may not write it,
 * but a copy costs nothing). */
static hli_status n_sys_string(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
#if defined(_WIN32)
    static const char name[] = "Windows";
#elif defined(__APPLE__)
    static const char name[] = "Mac";
#elif defined(__ANDROID__)
    static const char name[] = "Android";
#elif defined(__FreeBSD__) || defined(__NetBSD__) || defined(__OpenBSD__) || defined(__DragonFly__)
    static const char name[] = "BSD";
#elif defined(__EMSCRIPTEN__)
    static const char name[] = "Emscripten";
#else
    static const char name[] = "Linux";
#endif
    ret->p = hli_std_ustr_ascii(th, name, sizeof name - 1);
    return ret->p != NULL ? HLI_OK : HLI_EXC;
}

/* sys_time(): wall-clock seconds since the epoch, with HashLink's microsecond resolution. */
static hli_status n_sys_time(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)args;
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0) {
        ret->d = 0.0;
        return HLI_OK;
    }
    ret->d = (double)ts.tv_sec + (double)(ts.tv_nsec / 1000) / 1000000.0;
    return HLI_OK;
}

/* sys_cpu_time(): CPU seconds (user + system) used by the process. */
static hli_status n_sys_cpu_time(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)args;
    struct timespec ts;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0) {
        ret->d = 0.0;
        return HLI_OK;
    }
    ret->d = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
    return HLI_OK;
}

/* sys_exit(code): never exit(): an uncatchable abort that unwinds to the host, which reads the code
 * (hlffi_vm_get_exit_code). */
static hli_status n_sys_exit(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    th->vm->exit_code = args[0].i;
    th->vm->exited = true;
    th->abort_kind = HLI_ABORT_EXIT;
    return HLI_ABORT;
}

/* sys_args(): NativeArray<bytes> of the program arguments (UTF-8 copies). */
static hli_status n_sys_args(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    hlffi_vm *vm = th->vm;
    varray *a = hli_alloc_array(th, HLI_T(bytes), vm->argc);
    if (a == NULL)
        return HLI_EXC;
    hli_root_push(th, &a);
    for (int i = 0; i < vm->argc; i++) {
        const char *s = vm->argv[i] != NULL ? vm->argv[i] : "";
        uint8_t *b = hli_std_bytes_copy(th, s, strlen(s));
        if (b == NULL) {
            hli_root_pop(th, 1);
            return HLI_EXC;
        }
        hli_aptr(a, uint8_t *)[i] = b;
    }
    hli_root_pop(th, 1);
    ret->p = a;
    return HLI_OK;
}

/* sys_get_env(name): the UTF-8 value (a copy) or null. */
static hli_status n_sys_get_env(hli_thread *th, hli_reg *args, hli_reg *ret) {
    ret->p = NULL;
    if (args[0].p == NULL)
        return HLI_OK;
    const char *v = getenv((const char *)args[0].p);
    if (v == NULL)
        return HLI_OK;
    ret->p = hli_std_bytes_copy(th, v, strlen(v));
    return ret->p != NULL ? HLI_OK : HLI_EXC;
}

/* sys_hl_file(): the path of the loaded .hl (UTF-8 copy), null when it was loaded from memory. */
static hli_status n_sys_hl_file(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    const char *f = th->vm->file_path;
    ret->p = NULL;
    if (f == NULL)
        return HLI_OK;
    ret->p = hli_std_bytes_copy(th, f, strlen(f));
    return ret->p != NULL ? HLI_OK : HLI_EXC;
}

/* ---- dates: unsigned 32-bit seconds, local time through the C library ----------------------------- */

/* A time_t as HashLink's int: its low 32 bits. */
static int32_t time_to_i32(time_t t) { return (int32_t)(uint32_t)(uint64_t)(int64_t)t; }

static hli_status n_date_now(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)args;
    ret->i = time_to_i32(time(NULL));
    return HLI_OK;
}

/* date_new(y, month0, d, h, mi, s): mktime with DST decided by the C library. */
static hli_status n_date_new(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    struct tm t;
    memset(&t, 0, sizeof t);
    t.tm_year = (int)((uint32_t)args[0].i - 1900u);
    t.tm_mon = args[1].i;
    t.tm_mday = args[2].i;
    t.tm_hour = args[3].i;
    t.tm_min = args[4].i;
    t.tm_sec = args[5].i;
    t.tm_isdst = -1;
    ret->i = time_to_i32(mktime(&t));
    return HLI_OK;
}

/* date_get_time(d): milliseconds as a float. */
static hli_status n_date_get_time(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->d = (double)(uint32_t)args[0].i * 1000.0;
    return HLI_OK;
}

/* date_from_time(ms): (int)(unsigned)(ms / 1000) as x86-64 compilers emit it (a 64-bit truncating
 * conversion, then the low 32 bits; NaN and out-of-range give 0). */
static hli_status n_date_from_time(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    double t = args[0].d / 1000.0;
    ret->i = t >= -9223372036854775808.0 && t < 9223372036854775808.0 ? (int32_t)(uint32_t)(uint64_t)(int64_t)t : 0;
    return HLI_OK;
}

static bool is_c_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* sscanf in the C locale for formats made of %<width>d, blanks and literal characters: returns when the
 * input stops matching (the remaining outputs keep their values). */
static void scan_ints(const char *s, const char *fmt, int *out[]) {
    int n = 0;
    while (*fmt != 0) {
        if (*fmt == '%') {
            int width = fmt[1] - '0';
            fmt += 3; /* "%Nd" */
            while (is_c_space(*s))
                s++;
            const char *p = s;
            bool neg = false;
            if ((*p == '+' || *p == '-') && width > 0) {
                neg = *p == '-';
                p++;
            }
            long v = 0;
            int digits = 0;
            while (p - s < width && *p >= '0' && *p <= '9') {
                v = v * 10 + (*p - '0');
                p++;
                digits++;
            }
            if (digits == 0)
                return;
            *out[n++] = (int)(neg ? -v : v);
            s = p;
        } else if (is_c_space(*fmt)) {
            while (is_c_space(*s))
                s++;
            fmt++;
        } else {
            if (*s != *fmt)
                return;
            s++;
            fmt++;
        }
    }
}

/* date_from_string(s, len): by the UTF-8 length of s: 19 "YYYY-MM-DD hh:mm:ss" and 10 "YYYY-MM-DD"
 * in local time, 8 "hh:mm:ss" as seconds since midnight; fields that do not scan stay 0 (then
 * mktime normalises: "2020/05/06" is 2019-11-30); other lengths throw "Invalid date format". */
static hli_status n_date_from_string(hli_thread *th, hli_reg *args, hli_reg *ret) {
    const hli_uchar *u = args[0].p;
    char s[24];
    size_t units = (size_t)hli_std_ustrlen(u);
    size_t n = hli_std_utf16_to_utf8(u, units, NULL);
    if (n != 19 && n != 10 && n != 8)
        return hli_throw_error(th, "Invalid date format");
    hli_std_utf16_to_utf8(u, units, (uint8_t *)s);
    s[n] = 0;
    struct tm t;
    memset(&t, 0, sizeof t);
    if (n == 8) {
        int *out[3] = {&t.tm_hour, &t.tm_min, &t.tm_sec};
        scan_ints(s, "%2d:%2d:%2d", out);
        ret->i = (int32_t)((uint32_t)t.tm_sec + (uint32_t)t.tm_min * 60u + (uint32_t)t.tm_hour * 3600u);
        return HLI_OK;
    }
    int *out[6] = {&t.tm_year, &t.tm_mon, &t.tm_mday, &t.tm_hour, &t.tm_min, &t.tm_sec};
    scan_ints(s, n == 19 ? "%4d-%2d-%2d %2d:%2d:%2d" : "%4d-%2d-%2d", out);
    t.tm_isdst = -1;
    t.tm_year -= 1900;
    t.tm_mon--;
    ret->i = time_to_i32(mktime(&t));
    return HLI_OK;
}

/* date_to_string(d, ref len): "%Y-%m-%d %H:%M:%S" in local time. */
static hli_status n_date_to_string(hli_thread *th, hli_reg *args, hli_reg *ret) {
    time_t d = (time_t)(uint32_t)args[0].i;
    struct tm t;
    if (localtime_r(&d, &t) == NULL)
        return hli_throw_error(th, "Invalid date");
    char buf[64];
    int len = snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday,
                       t.tm_hour, t.tm_min, t.tm_sec);
    if (len < 0 || (size_t)len >= sizeof buf)
        return hli_throw_error(th, "Invalid date");
    hli_uchar *out = hli_std_ustr_ascii(th, buf, (size_t)len);
    if (out == NULL)
        return HLI_EXC;
    hli_std_set_ref_i32(args[1].p, len);
    ret->p = out;
    return HLI_OK;
}

/* date_get_inf / date_get_utc_inf(d, ref y, ref month0, ref day, ref h, ref mi, ref s, ref wday). */
static hli_status date_inf(hli_thread *th, hli_reg *args, bool utc) {
    time_t d = (time_t)(uint32_t)args[0].i;
    struct tm t;
    if ((utc ? gmtime_r(&d, &t) : localtime_r(&d, &t)) == NULL)
        return hli_throw_error(th, "invalid date");
    hli_std_set_ref_i32(args[1].p, t.tm_year + 1900);
    hli_std_set_ref_i32(args[2].p, t.tm_mon);
    hli_std_set_ref_i32(args[3].p, t.tm_mday);
    hli_std_set_ref_i32(args[4].p, t.tm_hour);
    hli_std_set_ref_i32(args[5].p, t.tm_min);
    hli_std_set_ref_i32(args[6].p, t.tm_sec);
    hli_std_set_ref_i32(args[7].p, t.tm_wday);
    return HLI_OK;
}

static hli_status n_date_get_inf(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    return date_inf(th, args, false);
}

static hli_status n_date_get_utc_inf(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    return date_inf(th, args, true);
}

const hli_native_def hli_std_sys_core_natives[] = {
    {"std", "sys_print", "PB_v", n_sys_print},
    {"std", "sys_utf8_path", "P_b", n_sys_utf8_path},
    {"std", "sys_is64", "P_b", n_sys_is64},
    {"std", "sys_string", "P_B", n_sys_string},
    {"std", "sys_time", "P_d", n_sys_time},
    {"std", "sys_cpu_time", "P_d", n_sys_cpu_time},
    {"std", "sys_exit", "Pi_v", n_sys_exit},
    {"std", "sys_args", "P_A", n_sys_args},
    {"std", "sys_get_env", "PB_B", n_sys_get_env},
    {"std", "sys_hl_file", "P_B", n_sys_hl_file},
    {"std", "date_new", "Piiiiii_i", n_date_new},
    {"std", "date_now", "P_i", n_date_now},
    {"std", "date_to_string", "PiRi_B", n_date_to_string},
    {"std", "date_get_time", "Pi_d", n_date_get_time},
    {"std", "date_from_time", "Pd_i", n_date_from_time},
    {"std", "date_from_string", "PBi_i", n_date_from_string},
    {"std", "date_get_inf", "PiRiRiRiRiRiRiRi_v", n_date_get_inf},
    {"std", "date_get_utc_inf", "PiRiRiRiRiRiRiRi_v", n_date_get_utc_inf},
    {NULL, NULL, NULL, NULL},
};
