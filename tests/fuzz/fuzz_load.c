/* libFuzzer target: load + verify arbitrary bytes exactly as hlffi_load_memory does, and turn every
 * broken promise into a crash the fuzzer reports: an unknown error code, a rejection without a
 * message, memory left allocated, or load + verify peak memory above 8 x size + 64 KiB. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "load/module.h"
#include "verify/verify.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void broken(const char *what, const hli_error *err, size_t a, size_t b) {
    fprintf(stderr, "fuzz_load: %s (%zu, %zu; code %d: %s)\n", what, a, b, (int)err->code, err->text);
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    hli_mem mem;
    hli_mem_init(&mem, 0);
    hli_error err;
    hli_error_clear(&err);
    hlffi_error_code rc;
    size_t budget = size * HLI_LOAD_MEMORY_FACTOR + HLI_LOAD_MEMORY_SLACK;
    hli_module *m = hli_module_load(data, size, &mem, &err);
    if (m == NULL) {
        rc = err.code;
    } else {
        size_t used = m->arena_used + m->image_size;
        rc = hli_verify_module(m, &mem, budget > used ? budget - used : 1, &err);
        hli_module_free(m);
    }
    if (rc != HLFFI_OK && rc != HLFFI_ERROR_INVALID_BYTECODE && rc != HLFFI_ERROR_VERIFICATION_FAILED &&
        rc != HLFFI_ERROR_OUT_OF_MEMORY)
        broken("unexpected error code", &err, (size_t)rc, 0);
    if (rc != HLFFI_OK && err.text[0] == 0)
        broken("rejection without a message", &err, (size_t)rc, 0);
    if (mem.used != 0)
        broken("memory still allocated after hli_module_free", &err, mem.used, 0);
    if (mem.peak > budget)
        broken("peak memory over 8 x size + 64 KiB", &err, mem.peak, budget);
    return 0;
}
