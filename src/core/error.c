/* The one place internal errors are raised (see error.h). */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>

hlffi_error_code hli_error_raise(hli_error *err, hlffi_error_code code, const char *fmt, ...) {
    if (err == NULL || err->code != HLFFI_OK)
        return code;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
    return code;
}

void hli_error_clear(hli_error *err) {
    err->code = HLFFI_OK;
    err->text[0] = 0;
}
