/* The VM object behind the public hlffi_vm handle. For now it holds the loaded module and the
 * program arguments; the interpreter milestone moves it to src/exec/ and grows it. */
#ifndef HLI_API_VM_H
#define HLI_API_VM_H

#include "core/error.h"
#include "core/mem.h"
#include "load/module.h"

struct hlffi_vm {
    hli_mem mem;          /* every allocation of this VM */
    hli_error error;      /* the last failure, for hlffi_get_error */
    hli_module *module;   /* the loaded, verified module, or NULL */
    bool initialized;     /* hlffi_init has run */
    int argc;             /* program arguments (copies) */
    char **argv;
    size_t *argv_sizes;   /* allocation sizes of argv[i], for the allocator's accounting */
};

/* Records a failure on the VM and returns code. */
#define HLI_VM_FAIL(vm, code, ...) (hli_error_clear(&(vm)->error), hli_error_raise(&(vm)->error, code, __VA_ARGS__))

#endif
