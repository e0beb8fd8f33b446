/* Allocation-failure sweep: loads, links and runs a program once per allocation k, making allocation k
 * fail (the allocator's failure injection), for every k up to the total the program needs. Each run must
 * end in a clean result (success, or an error / a Haxe out-of-memory exception), never a crash, and
 * leave nothing allocated (ASan's leak checker and valgrind see the whole process).
 * usage: test_alloc_sweep FILE.hl... */
#include <stdio.h>
#include <stdlib.h>

#include "exec/exec.h"

static void quiet(void *userdata, const char *s, size_t n, bool is_stderr) {
    (void)userdata, (void)s, (void)n, (void)is_stderr;
}

static unsigned char *read_file(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    unsigned char *b = n > 0 ? malloc((size_t)n) : NULL;
    if (b == NULL || fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *size = (size_t)n;
    return b;
}

/* One run with allocation fail_at failing (0: none); returns how many allocations the VM made. */
static uint64_t run(const unsigned char *data, size_t size, uint64_t fail_at, hlffi_error_code *rc) {
    hlffi_vm *vm = hlffi_create();
    if (vm == NULL) {
        *rc = HLFFI_ERROR_OUT_OF_MEMORY;
        return 0;
    }
    vm->print = quiet;
    vm->mem.fail_at = fail_at;
    *rc = hlffi_load_memory(vm, data, size);
    if (*rc == HLFFI_OK)
        *rc = hlffi_call_entry(vm);
    uint64_t n = vm->mem.allocations;
    hlffi_destroy(vm);
    return n;
}

int main(int argc, char **argv) {
    int bad = 0;
    for (int a = 1; a < argc; a++) {
        size_t size = 0;
        unsigned char *data = read_file(argv[a], &size);
        if (data == NULL) {
            fprintf(stderr, "cannot read %s\n", argv[a]);
            return 2;
        }
        hlffi_error_code rc;
        uint64_t total = run(data, size, 0, &rc);
        if (rc != HLFFI_OK) {
            fprintf(stderr, "%s: fails without injected failures (%d)\n", argv[a], (int)rc);
            bad++;
        }
        unsigned ok = 0, failed = 0;
        for (uint64_t k = 1; k <= total; k++) {
            run(data, size, k, &rc);
            if (rc == HLFFI_OK)
                ok++; /* the failure hit an allocation that a collection could retry */
            else if (rc == HLFFI_ERROR_OUT_OF_MEMORY || rc == HLFFI_ERROR_EXCEPTION_THROWN ||
                     rc == HLFFI_ERROR_INVALID_BYTECODE || rc == HLFFI_ERROR_MODULE_LOAD_FAILED ||
                     rc == HLFFI_ERROR_VERIFICATION_FAILED)
                failed++;
            else {
                fprintf(stderr, "%s: allocation %llu failing gave unexpected code %d\n", argv[a],
                        (unsigned long long)k, (int)rc);
                bad++;
            }
        }
        printf("%s: %llu allocations swept: %u runs succeeded, %u failed cleanly\n", argv[a],
               (unsigned long long)total, ok, failed);
        free(data);
    }
    return bad == 0 ? 0 : 1;
}
