/* Allocation-failure sweep over the embedding API: with a module loaded and its entry point run, a
 * scenario of API calls runs once per allocation k, making the VM's allocation k fail, for every k up
 * to the total the scenario needs. Every call must then either succeed or return its failure value
 * with an error recorded (out of memory, or the Haxe out-of-memory exception); nothing crashes, nothing
 * leaks (ASan's leak checker / valgrind see the whole process), and afterwards the same VM runs the
 * scenario cleanly again. Uses the internal failure injection, so it links the static library.
 * usage: test_api_alloc_sweep ApiBasics.hl */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exec/exec.h"

static int bad;

static void quiet(void *userdata, const char *s, size_t n, bool is_stderr) {
    (void)userdata, (void)s, (void)n, (void)is_stderr;
}

/* A failed call must say why. */
static void check_failure(hlffi_vm *vm, const char *what, bool strict) {
    const char *e = hlffi_get_error(vm);
    if (e == NULL || e[0] == 0) {
        fprintf(stderr, "%s failed without an error text\n", what);
        bad++;
    } else if (strict) {
        fprintf(stderr, "%s failed with no injected failure: %s\n", what, e);
        bad++;
    }
}

#define TRY(vm, expr, strict) ((expr) ? 1 : (check_failure(vm, #expr, strict), 0))

/* Calls a spread of API functions; with strict set every call must succeed. Returns the successes. */
static int scenario(hlffi_vm *vm, bool strict) {
    int ok = 0;
    hlffi_value *s = hlffi_value_string(vm, "abc");
    ok += TRY(vm, s != NULL, strict);
    hlffi_value *len = hlffi_call_static(vm, "ApiBasics", "strLen", 1, &s);
    ok += TRY(vm, len != NULL && hlffi_value_as_int(len, -1) == 3, strict);
    hlffi_value *n = hlffi_value_int(vm, 40);
    hlffi_value *churn = hlffi_call_static(vm, "ApiBasics", "churn", 1, &n);
    ok += TRY(vm, churn != NULL && hlffi_value_as_int(churn, -1) == 40 * 16, strict);
    hlffi_value *animal = hlffi_new(vm, "Animal", 1, &s);
    ok += TRY(vm, animal != NULL, strict);
    hlffi_value *speak = animal ? hlffi_call_method(animal, "speak", 0, NULL) : NULL;
    ok += TRY(vm, speak != NULL, strict);
    ok += TRY(vm, animal != NULL && hlffi_set_field_string(vm, animal, "name", "Rex"), strict);
    char *name = animal ? hlffi_get_field_string(animal, "name") : NULL;
    ok += TRY(vm, name != NULL && strcmp(name, "Rex") == 0, strict);
    free(name);
    hlffi_value *greeting = hlffi_get_static_field(vm, "ApiBasics", "greeting");
    ok += TRY(vm, greeting != NULL, strict);
    ok += TRY(vm, hlffi_set_static_field(vm, "ApiBasics", "greeting", s) == HLFFI_OK, strict);
    /* Enough handles to need new table segments. */
    enum { MANY = 600 };
    hlffi_value *many[MANY];
    for (int i = 0; i < MANY; i++)
        many[i] = hlffi_value_int(vm, i);
    int made = 0;
    for (int i = 0; i < MANY; i++)
        made += many[i] != NULL && hlffi_value_as_int(many[i], -1) == i;
    ok += TRY(vm, made == MANY, strict);
    for (int i = 0; i < MANY; i++)
        hlffi_value_free(many[i]);
    hlffi_value *handles[] = {s, len, n, churn, animal, speak, greeting};
    for (size_t i = 0; i < sizeof handles / sizeof *handles; i++)
        hlffi_value_free(handles[i]);
    hlffi_clear_exception(vm);
    return ok;
}

static hlffi_vm *start(const char *path) {
    hlffi_vm *vm = hlffi_create();
    if (vm == NULL)
        return NULL;
    vm->print = quiet;
    if (hlffi_load_file(vm, path) != HLFFI_OK || hlffi_call_entry(vm) != HLFFI_OK) {
        fprintf(stderr, "cannot start %s: %s\n", path, hlffi_get_error(vm));
        hlffi_destroy(vm);
        return NULL;
    }
    return vm;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s ApiBasics.hl\n", argv[0]);
        return 2;
    }
    hlffi_vm *vm = start(argv[1]);
    if (vm == NULL)
        return 1;
    uint64_t before = vm->mem.allocations;
    int full = scenario(vm, true);
    uint64_t total = vm->mem.allocations - before;
    hlffi_destroy(vm);
    unsigned clean = 0;
    for (uint64_t k = 1; k <= total; k++) {
        vm = start(argv[1]);
        if (vm == NULL)
            return 1;
        vm->mem.fail_at = vm->mem.allocations + k;
        if (scenario(vm, false) < full)
            clean++;
        vm->mem.fail_at = 0;
        if (scenario(vm, true) != full) { /* the VM goes on once memory is back */
            fprintf(stderr, "allocation %llu failing left the VM unusable\n", (unsigned long long)k);
            bad++;
        }
        hlffi_destroy(vm);
    }
    printf("test_api_alloc_sweep: %llu allocations swept (%u runs saw a failure), %s\n",
           (unsigned long long)total, clean, bad ? "FAILED" : "ok");
    return bad == 0 ? 0 : 1;
}
