/* Decoding a `vi` (hl-spec.md 1.1) from bytes the loader already checked: no bounds checks. Shared by
 * the op decoder (decode.c) and the verifier's one-op decoder (verify_decode.c). */
#ifndef HLI_LOAD_VI_H
#define HLI_LOAD_VI_H

#include <stdint.h>

/* The vi at *p, advancing *p past it. */
static inline int32_t hli_vi_decode(const uint8_t **p) {
    const uint8_t *s = *p;
    uint8_t b = s[0];
    if ((b & 0x80) == 0) {
        *p = s + 1;
        return b;
    }
    if ((b & 0x40) == 0) {
        int32_t m = (int32_t)((b & 0x1F) << 8 | s[1]);
        *p = s + 2;
        return (b & 0x20) ? -m : m;
    }
    int32_t m = (int32_t)((uint32_t)(b & 0x1F) << 24 | (uint32_t)s[1] << 16 | (uint32_t)s[2] << 8 | s[3]);
    *p = s + 4;
    return (b & 0x20) ? -m : m;
}

#endif
