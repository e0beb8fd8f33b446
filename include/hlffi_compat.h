/* hlffi_compat.h: HashLink's builtin type names for hlffi v3 sources that pass `&hlt_i32`,
 * `&hlt_f64`, `&hlt_dyn` ... as element, key and value types. Optional: include it after <hlffi.h>.
 * The names map onto immutable descriptors exported by libhlffi (shared by every VM); new code can
 * call hlffi_type_builtin(HLFFI_TYPE_I32) instead. */
#ifndef HLFFI_COMPAT_H
#define HLFFI_COMPAT_H

#include "hlffi.h"

#ifdef __cplusplus
extern "C" {
#endif

HLFFI_API extern hl_type hlffi_hlt_void, hlffi_hlt_ui8, hlffi_hlt_ui16, hlffi_hlt_i32, hlffi_hlt_i64,
    hlffi_hlt_f32, hlffi_hlt_f64, hlffi_hlt_bool, hlffi_hlt_bytes, hlffi_hlt_dyn, hlffi_hlt_array,
    hlffi_hlt_type, hlffi_hlt_dynobj, hlffi_hlt_abstract;

#ifdef __cplusplus
}
#endif

#define hlt_void hlffi_hlt_void
#define hlt_ui8 hlffi_hlt_ui8
#define hlt_ui16 hlffi_hlt_ui16
#define hlt_i32 hlffi_hlt_i32
#define hlt_i64 hlffi_hlt_i64
#define hlt_f32 hlffi_hlt_f32
#define hlt_f64 hlffi_hlt_f64
#define hlt_bool hlffi_hlt_bool
#define hlt_bytes hlffi_hlt_bytes
#define hlt_dyn hlffi_hlt_dyn
#define hlt_array hlffi_hlt_array
#define hlt_type hlffi_hlt_type
#define hlt_dynobj hlffi_hlt_dynobj
#define hlt_abstract hlffi_hlt_abstract

#endif /* HLFFI_COMPAT_H */
