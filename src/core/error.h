/* Internal error reporting: every failure inside the library is raised through hli_error_raise,
 * so a single breakpoint there catches them all. */
#ifndef HLI_CORE_ERROR_H
#define HLI_CORE_ERROR_H

#include "hlffi.h"

#if defined(__GNUC__) || defined(__clang__)
#define HLI_INTERNAL __attribute__((visibility("hidden")))
#define HLI_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define HLI_LIKELY(x) __builtin_expect(!!(x), 1)
#define HLI_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define HLI_NOINLINE __attribute__((noinline))
#define HLI_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define HLI_INTERNAL
#define HLI_PRINTF(fmt, args)
#define HLI_LIKELY(x) (x)
#define HLI_UNLIKELY(x) (x)
#define HLI_NOINLINE
#define HLI_ALWAYS_INLINE inline
#endif

#define HLI_ERROR_TEXT_MAX 512

/* The outcome of a fallible operation: a code and a message. */
typedef struct hli_error {
    hlffi_error_code code; /* HLFFI_OK when nothing failed */
    char text[HLI_ERROR_TEXT_MAX]; /* NUL-terminated, "" when nothing failed */
} hli_error;

/* Records a failure in err (which may be NULL) and returns code, so callers can write
 * `return hli_error_raise(err, CODE, "...")`. Only the first failure is kept. */
HLI_INTERNAL hlffi_error_code hli_error_raise(hli_error *err, hlffi_error_code code, const char *fmt, ...)
    HLI_PRINTF(3, 4);
HLI_INTERNAL void hli_error_clear(hli_error *err);

#endif
