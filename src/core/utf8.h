/* UTF-8 checks with no VM knowledge. */
#ifndef HLI_CORE_UTF8_H
#define HLI_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

/* True when s[0..n) is well-formed UTF-8, with two allowances the Haxe compiler needs: NUL bytes, and
 * encoded surrogate code points (U+D800..U+DFFF), which Haxe writes for lone surrogates in string
 * literals. Overlong forms, code points above U+10FFFF and truncated sequences are rejected. On failure
 * *bad_at receives the offset of the first bad byte. */
HLI_INTERNAL bool hli_utf8_check(const uint8_t *s, size_t n, size_t *bad_at);

/* Decodes UTF-8 s[0..n) to UTF-16 into out (NULL: only count); malformed sequences become U+FFFD,
 * code points above U+FFFF surrogate pairs. Returns the number of UTF-16 units. */
HLI_INTERNAL size_t hli_utf8_to_utf16(const char *s, size_t n, uint16_t *out);

#endif
