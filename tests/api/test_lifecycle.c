/* API scenarios for the lifecycle and load functions, using only <hlffi.h>: create/init/load/destroy,
 * every load error of the contract's table, NULL and repeated calls, many VMs at once.
 * usage: test_lifecycle VALID.hl */
#include "api_test.h"

static unsigned char *read_file(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    unsigned char *buf = malloc((size_t)n);
    if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    *size = (size_t)n;
    return buf;
}

static void null_vm(void) {
    CHECK(hlffi_init(NULL, 0, NULL) == HLFFI_ERROR_NULL_VM);
    CHECK(hlffi_load_file(NULL, "x.hl") == HLFFI_ERROR_NULL_VM);
    CHECK(hlffi_load_memory(NULL, "x", 1) == HLFFI_ERROR_NULL_VM);
    CHECK(hlffi_call_entry(NULL) == HLFFI_ERROR_NULL_VM);
    CHECK(hlffi_get_error(NULL) != NULL);
    hlffi_destroy(NULL);
}

static void init_rules(void) {
    hlffi_vm *vm = hlffi_create();
    CHECK(vm != NULL);
    CHECK(strcmp(hlffi_get_error(vm), "") == 0);
    CHECK(hlffi_init(vm, -1, NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_init(vm, 2, NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
    char *argv[] = {"one", "two", NULL};
    CHECK(hlffi_init(vm, 3, argv) == HLFFI_OK); /* a NULL entry becomes "" */
    CHECK(hlffi_init(vm, 0, NULL) == HLFFI_ERROR_ALREADY_INITIALIZED);
    CHECK(strstr(hlffi_get_error(vm), "already") != NULL);
    hlffi_destroy(vm);
}

static void load_errors(const char *valid_path) {
    hlffi_vm *vm = hlffi_create();
    CHECK(hlffi_load_file(vm, NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_load_file(vm, "/nonexistent/dir/game.hl") == HLFFI_ERROR_FILE_NOT_FOUND);
    CHECK(strstr(hlffi_get_error(vm), "/nonexistent/dir/game.hl") != NULL);
    CHECK(hlffi_load_file(vm, "/") != HLFFI_OK); /* a directory: unreadable */
    CHECK(hlffi_load_memory(vm, NULL, 10) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_load_memory(vm, "", 0) == HLFFI_ERROR_INVALID_BYTECODE);
    CHECK(hlffi_load_memory(vm, "not bytecode at all", 19) == HLFFI_ERROR_INVALID_BYTECODE);
    CHECK(strstr(hlffi_get_error(vm), "HLB") != NULL);
    CHECK(hlffi_load_memory(vm, "HLB\x09", 4) == HLFFI_ERROR_INVALID_BYTECODE);
    CHECK(strstr(hlffi_get_error(vm), "version 9") != NULL);
    CHECK(hlffi_load_memory(vm, "HLB\x04\x01", 5) == HLFFI_ERROR_INVALID_BYTECODE);
    CHECK(strstr(hlffi_get_error(vm), "byte") != NULL);
    /* Nothing loaded yet: running is an error that says what is missing. */
    CHECK(hlffi_call_entry(vm) == HLFFI_ERROR_NOT_INITIALIZED);
    /* Failed loads leave the VM usable: a valid module loads afterwards. */
    CHECK(hlffi_load_file(vm, valid_path) == HLFFI_OK);
    CHECK(hlffi_load_file(vm, valid_path) == HLFFI_ERROR_ALREADY_INITIALIZED);
    CHECK(hlffi_call_entry(vm) == HLFFI_OK);
    CHECK(hlffi_call_entry(vm) == HLFFI_ERROR_ALREADY_INITIALIZED); /* static init runs once */
    CHECK(!hlffi_has_exception(vm));
    hlffi_destroy(vm);
}

/* Truncating a valid module anywhere gives a clean INVALID_BYTECODE. */
static void truncations(const unsigned char *data, size_t size) {
    hlffi_vm *vm = hlffi_create();
    size_t step = size / 97 + 1;
    for (size_t n = 0; n < size; n += step) {
        hlffi_error_code rc = hlffi_load_memory(vm, data, n);
        CHECK(rc == HLFFI_ERROR_INVALID_BYTECODE);
        CHECK(hlffi_get_error(vm)[0] != 0);
    }
    hlffi_destroy(vm);
}

/* Several VMs alive at once, created and destroyed in any order, loading the same bytes. */
static void many_vms(const unsigned char *data, size_t size) {
    enum { N = 8 };
    hlffi_vm *vms[N];
    for (int i = 0; i < N; i++) {
        vms[i] = hlffi_create();
        CHECK(vms[i] != NULL);
        CHECK(hlffi_load_memory(vms[i], data, size) == HLFFI_OK);
    }
    for (int i = 0; i < N; i += 2)
        hlffi_destroy(vms[i]);
    for (int i = 1; i < N; i += 2)
        hlffi_destroy(vms[i]);
    for (int round = 0; round < 20; round++) {
        hlffi_vm *vm = hlffi_create();
        CHECK(hlffi_load_memory(vm, data, size) == HLFFI_OK);
        hlffi_destroy(vm);
    }
}

static void strings_and_versions(void) {
    for (int c = HLFFI_OK; c <= HLFFI_ERROR_INTERRUPTED; c++) {
        const char *s = hlffi_get_error_string((hlffi_error_code)c);
        CHECK(s != NULL && s[0] != 0 && strcmp(s, "unknown error code") != 0);
    }
    CHECK(strcmp(hlffi_get_error_string((hlffi_error_code)999), "unknown error code") == 0);
    CHECK(strcmp(hlffi_get_version(), HLFFI_VERSION_STRING) == 0);
    CHECK(strncmp(hlffi_get_hl_version(), "1.", 2) == 0);
    CHECK(!hlffi_is_jit_mode());
    /* v3 compatibility no-ops. */
    HLFFI_ENTER_SCOPE();
    hlffi_update_stack_top(NULL);
    hlffi_gc_block();
    hlffi_gc_unblock();
    /* v3's numbering is kept: new codes come after HLFFI_ERROR_UNKNOWN. */
    CHECK(HLFFI_ERROR_UNKNOWN == 32);
    CHECK(HLFFI_ERROR_VERIFICATION_FAILED == 33);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: test_lifecycle VALID.hl\n");
        return 2;
    }
    size_t size = 0;
    unsigned char *data = read_file(argv[1], &size);
    if (data == NULL) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    null_vm();
    init_rules();
    load_errors(argv[1]);
    truncations(data, size);
    many_vms(data, size);
    strings_and_versions();
    free(data);
    return test_result("test_lifecycle");
}
