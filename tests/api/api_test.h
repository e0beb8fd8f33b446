/* What every API scenario program shares: CHECK (counts failures and goes on), string comparison of
 * malloc'ed results, error-text checks, starting a VM on a module, and the exit status. Uses only
 * <hlffi.h>. */
#ifndef HLFFI_API_TEST_H
#define HLFFI_API_TEST_H

#include <hlffi.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

#define CHECK(cond)                                                                    \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                                \
        }                                                                              \
    } while (0)

/* True when s is a malloc'ed string equal to want; frees it. */
static inline int str_is(char *s, const char *want) {
    int ok = s != NULL && strcmp(s, want) == 0;
    if (!ok)
        fprintf(stderr, "  got \"%s\", want \"%s\"\n", s ? s : "(NULL)", want);
    free(s);
    return ok;
}

/* True when the VM's last error text contains part (says what it is otherwise). */
static inline int error_has(hlffi_vm *vm, const char *part) {
    int ok = strstr(hlffi_get_error(vm), part) != NULL;
    if (!ok)
        fprintf(stderr, "  error \"%s\" lacks \"%s\"\n", hlffi_get_error(vm), part);
    return ok;
}

/* A call's result handle converted and freed: the fallback (take_int) or NULL (take_str, a malloc'ed
 * Std.string otherwise) when the call failed. */
static inline int take_int(hlffi_value *r, int fallback) {
    int v = hlffi_value_as_int(r, fallback);
    hlffi_value_free(r);
    return v;
}
static inline char *take_str(hlffi_value *r) {
    char *s = r != NULL ? hlffi_value_as_string(r) : NULL;
    hlffi_value_free(r);
    return s;
}

/* A VM with the module at path loaded and its entry point run. */
static inline hlffi_vm *start_vm(const char *path) {
    hlffi_vm *vm = hlffi_create();
    CHECK(vm != NULL);
    CHECK(hlffi_init(vm, 0, NULL) == HLFFI_OK);
    CHECK(hlffi_load_file(vm, path) == HLFFI_OK);
    CHECK(hlffi_call_entry(vm) == HLFFI_OK);
    return vm;
}

/* main's return value: prints the verdict. */
static inline int test_result(const char *name) {
    if (failures)
        fprintf(stderr, "%s: %d check(s) failed\n", name, failures);
    else
        printf("%s: ok\n", name);
    return failures ? 1 : 0;
}

#endif
