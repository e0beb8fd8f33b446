/* hlb_load_verify: write a built module, load it and verify it, as a negative test needs. Kept apart
 * from hlbuilder.c so that tests which only build modules do not pull in the verifier. */
#include <stdlib.h>

#include "hlbuilder.h"
#include "verify/verify.h"

hlffi_error_code hlb_load_verify(const hlb_builder *b, hli_error *err) {
    hli_error local;
    if (err == NULL)
        err = &local;
    hli_error_clear(err);
    size_t size;
    uint8_t *data = hlb_write(b, &size);
    if (data == NULL)
        return hli_error_raise(err, HLFFI_ERROR_INVALID_ARGUMENT, "hlbuilder could not encode the module");
    hli_mem mem;
    hli_mem_init(&mem, 0);
    hli_module *m = hli_module_load(data, size, &mem, err);
    free(data);
    if (m == NULL)
        return err->code;
    hlffi_error_code code = hli_verify_module(m, &mem, 0, err);
    hli_module_free(m);
    return code;
}
