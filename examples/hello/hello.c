/* examples/hello: load a Haxe module, call one of its static functions, print the result.
 * Usage: hello [hello.hl] */
#include <hlffi.h>

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char** argv) {
    const char* path = argc > 1 ? argv[1] : "hello.hl";

    /* A VM, its Sys.args() (none here), and the module compiled by `haxe -main Hello -hl hello.hl`. */
    hlffi_vm* vm = hlffi_create();
    hlffi_init(vm, 0, NULL);
    if (hlffi_load_file(vm, path) != HLFFI_OK) {
        fprintf(stderr, "cannot load %s: %s\n", path, hlffi_get_error(vm));
        hlffi_destroy(vm);
        return 1;
    }
    /* Static initialisation and main(): static variables get their values here. */
    if (hlffi_call_entry(vm) != HLFFI_OK) {
        fprintf(stderr, "main() failed: %s\n", hlffi_get_error(vm));
        hlffi_destroy(vm);
        return 1;
    }

    /* Hello.greet("world", 2). Every hlffi_value* is a handle we own until hlffi_value_free. */
    hlffi_value* args[2] = {hlffi_value_string(vm, "world"), hlffi_value_int(vm, 2)};
    hlffi_value* result = hlffi_call_static(vm, "Hello", "greet", 2, args);
    int status = 0;
    if (result == NULL) { /* the reason: a wrong name, wrong arguments, or a Haxe exception */
        fprintf(stderr, "Hello.greet failed: %s\n", hlffi_get_error(vm));
        status = 1;
    } else {
        char* text = hlffi_value_as_string(result); /* UTF-8, ours to free() */
        printf("Hello.greet returned: %s\n", text);
        free(text);
    }

    hlffi_value_free(result); /* NULL is fine */
    hlffi_value_free(args[0]);
    hlffi_value_free(args[1]);
    hlffi_destroy(vm); /* frees everything the VM allocated */
    return status;
}
