// The public header must compile as C++ (and link from it).
#include <hlffi.h>

int main() {
    hlffi_vm* vm = hlffi_create();
    hlffi_error_code rc = hlffi_load_memory(vm, "x", 1);
    hlffi_destroy(vm);
    return rc == HLFFI_ERROR_INVALID_BYTECODE ? 0 : 1;
}
