/* Natives of hl.NativeArray (hl-spec.md 8.1 "Native arrays"): allocation, element blit and the element
 * type, on the varray layout of 4.5. */
#include <string.h>

#include "std/std_families.h"
#include "std/std_internal.h"

/* alloc_array(t, n): a zeroed varray of n elements of type t ("Invalid array size" for n < 0). */
static hli_status n_alloc_array(hli_thread *th, hli_reg *args, hli_reg *ret) {
    hli_type *t = args[0].p;
    if (t == NULL)
        return hli_throw_error(th, "Null access");
    ret->p = hli_alloc_array(th, t, args[1].i);
    return ret->p != NULL ? HLI_OK : HLI_EXC;
}

/* array_blit(dst, dpos, src, spos, len): memmove of len elements of dst's element size. Unchecked
 * like HashLink's (the Haxe classes check bounds); a negative len does nothing. */
static hli_status n_array_blit(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    varray *dst = args[0].p, *src = args[2].p;
    int32_t len = args[4].i;
    if (len <= 0)
        return HLI_OK;
    if (dst == NULL || src == NULL)
        return hli_throw_error(th, "Null access");
    size_t size = hli_type_size(dst->at);
    uint8_t *d = hli_aptr(dst, uint8_t) + (ptrdiff_t)args[1].i * (ptrdiff_t)size;
    const uint8_t *s = hli_aptr(src, uint8_t) + (ptrdiff_t)args[3].i * (ptrdiff_t)size;
    memmove(d, s, (size_t)len * size);
    return HLI_OK;
}

/* array_type(a): the element type. */
static hli_status n_array_type(hli_thread *th, hli_reg *args, hli_reg *ret) {
    varray *a = args[0].p;
    if (a == NULL)
        return hli_throw_error(th, "Null access");
    ret->p = a->at;
    return HLI_OK;
}

const hli_native_def hli_std_array_natives[] = {
    {"std", "alloc_array", "PTi_A", n_alloc_array},
    {"std", "array_blit", "PAiAii_v", n_array_blit},
    {"std", "array_type", "PA_T", n_array_type},
    {NULL, NULL, NULL, NULL},
};
