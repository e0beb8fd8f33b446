/* The builder as the verifier's negative tests use it: the minimal module loads and verifies in every
 * version, with and without debug info, and the example of hlbuilder.h is rejected for its reason. */
#include <stdio.h>
#include <string.h>

#include "hlbuilder.h"

static int failures;

#define CHECK(cond, ...)                                                          \
    do {                                                                          \
        if (!(cond)) {                                                            \
            failures++;                                                           \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                         \
            fputc('\n', stderr);                                                  \
        }                                                                         \
    } while (0)

int main(void) {
    for (int version = 2; version <= 5; version++)
        for (int debug = 0; debug <= 1; debug++) {
            hlb_builder *b = hlb_minimal(version, debug != 0, NULL);
            hli_error err;
            hlffi_error_code rc = hlb_load_verify(b, &err);
            CHECK(rc == HLFFI_OK, "minimal v%d debug=%d: %d %s", version, debug, (int)rc, err.text);
            hlb_free(b);
        }

    /* The example of hlbuilder.h. */
    hlb_std s;
    hlb_builder *b = hlb_minimal(4, false, &s);
    int32_t f = hlb_add_function(b, s.tfun_void, HLB_AUTO, 3, s.ti32, s.tf64, s.tvoid);
    hlb_emit(b, f, OMov, 0, 1, 0);
    hlb_emit(b, f, ORet, 2, 0, 0);
    hli_error err;
    hlffi_error_code rc = hlb_load_verify(b, &err);
    CHECK(rc == HLFFI_ERROR_VERIFICATION_FAILED && strstr(err.text, "[MOV_TYPE]") != NULL, "example: %d %s", (int)rc,
          err.text);
    /* The same function made valid verifies. */
    b->functions[f].regs[1] = s.ti32;
    rc = hlb_load_verify(b, &err);
    CHECK(rc == HLFFI_OK, "fixed example: %d %s", (int)rc, err.text);
    /* A loader-level problem comes back as INVALID_BYTECODE. */
    b->functions[f].findex = s.entry_findex;
    rc = hlb_load_verify(b, &err);
    CHECK(rc == HLFFI_ERROR_INVALID_BYTECODE && err.text[0] != 0, "duplicate findex: %d %s", (int)rc, err.text);
    hlb_free(b);

    if (failures != 0) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("builder + verifier: all checks passed\n");
    return 0;
}
