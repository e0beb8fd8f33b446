/* A bounds-checked cursor over the bytes of a .hl file. The first failure is sticky: later reads
 * return 0, so callers check `r->failed` once per loop iteration instead of after every read. */
#ifndef HLI_LOAD_READER_H
#define HLI_LOAD_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

typedef struct hli_reader {
    const uint8_t *data;
    size_t size;
    size_t pos;
    bool failed;
    hli_error *err;
} hli_reader;

HLI_INTERNAL void hli_reader_init(hli_reader *r, const uint8_t *data, size_t size, hli_error *err);
/* Fails the read at byte offset `at` with a formatted message (HLFFI_ERROR_INVALID_BYTECODE). */
HLI_INTERNAL void hli_reader_fail_at(hli_reader *r, size_t at, const char *fmt, ...) HLI_PRINTF(3, 4);
HLI_INTERNAL uint8_t hli_read_u8(hli_reader *r, const char *what);
HLI_INTERNAL int32_t hli_read_i32(hli_reader *r, const char *what);
HLI_INTERNAL double hli_read_f64(hli_reader *r, const char *what);
/* A signed variable-length index (hl-spec.md 1.1). */
HLI_INTERNAL int32_t hli_read_vi(hli_reader *r, const char *what);
/* An unsigned one: negative values fail. */
HLI_INTERNAL uint32_t hli_read_uvi(hli_reader *r, const char *what);
/* A uvi that must be < limit (an index into a table of `limit` entries). */
HLI_INTERNAL uint32_t hli_read_index(hli_reader *r, uint32_t limit, const char *what);
/* Skips n bytes. */
HLI_INTERNAL void hli_read_skip(hli_reader *r, size_t n, const char *what);

static inline size_t hli_reader_left(const hli_reader *r) { return r->size - r->pos; }

#endif
