/* The hlffi command: check, dump and (with the interpreter milestone) run HashLink bytecode files.
 * Exit codes: 0 success, 1 the file is missing, malformed or fails verification, 2 usage errors and
 * features that are not available yet. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "exec/vm.h"
#include "hlffi.h"
#include "tool.h"

static void usage(FILE *out) {
    fprintf(out,
            "usage: hlffi COMMAND [ARGS]\n"
            "\n"
            "commands:\n"
            "  check [--strict] FILE.hl\n"
            "                         load, verify and link FILE.hl; exit 0 when it is fit to run, 1 with the\n"
            "                         reason (--strict: also when it uses natives this VM does not provide)\n"
            "  dump FILE.hl           print a readable disassembly: header counts, types, globals, natives,\n"
            "                         functions with their ops and source positions\n"
            "  run [--strict] [--max-heap SIZE] FILE.hl [ARGS...]\n"
            "                         run FILE.hl as hl does: its output, Sys.args() = ARGS, the uncaught-exception\n"
            "                         report on stdout with exit code 1, Sys.exit's code; --max-heap limits the\n"
            "                         VM's memory (e.g. 64M): allocations past it throw a catchable exception\n"
            "  --version              print the hlffi version and the HashLink version it matches\n"
            "  --help                 print this help\n"
            "\n"
            "exit codes: 0 success; 1 the file is missing, malformed or fails verification, or the program\n"
            "            ended with an uncaught exception; run: the program's Sys.exit code; 2 usage error\n");
}

/* A size in bytes with an optional K, M or G suffix (powers of 1024). */
static bool parse_size(const char *s, size_t *out) {
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k')
        shift = 10, end++;
    else if (*end == 'M' || *end == 'm')
        shift = 20, end++;
    else if (*end == 'G' || *end == 'g')
        shift = 30, end++;
    if (end == s || *end != 0 || v == 0 || v > (SIZE_MAX >> shift))
        return false;
    *out = (size_t)v << shift;
    return true;
}

/* Loads and verifies path in a fresh VM; prints the error and returns 1 on failure. */
static int check(const char *path, bool strict) {
    hlffi_vm *vm = hlffi_create();
    if (vm == NULL) {
        fprintf(stderr, "hlffi: out of memory\n");
        return 1;
    }
    hlffi_vm_set_strict(vm, strict);
    hlffi_error_code rc = hlffi_load_file(vm, path);
    if (rc != HLFFI_OK)
        fprintf(stderr, "hlffi: %s: %s\n", path, hlffi_get_error(vm));
    hlffi_destroy(vm);
    return rc == HLFFI_OK ? 0 : 1;
}

/* `hlffi run`: loads, verifies and runs FILE.hl as `hl` does: the program's output, an uncaught
 * exception reported on stdout (HashLink's format) with exit code 1, Sys.exit's code. */
static int run(const char *path, int argc, char **argv, bool strict, size_t max_heap) {
    hlffi_vm *vm = hlffi_create();
    if (vm == NULL) {
        fprintf(stderr, "hlffi: out of memory\n");
        return 1;
    }
    hlffi_vm_set_strict(vm, strict);
    hlffi_vm_set_memory_limit(vm, max_heap);
    vm->entry_runs_event_loop = true; /* as `hl` does: timers and events run before the program ends */
    hlffi_error_code rc = hlffi_init(vm, argc, argv);
    if (rc == HLFFI_OK)
        rc = hlffi_load_file(vm, path);
    if (rc != HLFFI_OK) {
        fprintf(stderr, "hlffi: %s: %s\n", path, hlffi_get_error(vm));
        hlffi_destroy(vm);
        return 1;
    }
    rc = hlffi_call_entry(vm);
    int code = 0;
    if (hlffi_vm_get_exit_code(vm, &code)) {
        /* Sys.exit */
    } else if (rc == HLFFI_ERROR_EXCEPTION_THROWN) {
        fflush(stdout);
        printf("Uncaught exception: %s\n%s", hlffi_get_exception_message(vm), hlffi_get_exception_stack(vm));
        fflush(stdout);
        code = 1;
    } else if (rc == HLFFI_ERROR_NOT_IMPLEMENTED) {
        fprintf(stderr, "hlffi: %s: %s\n", path, hlffi_get_error(vm));
        code = 2;
    } else if (rc != HLFFI_OK) {
        fprintf(stderr, "hlffi: %s: %s\n", path, hlffi_get_error(vm));
        code = 1;
    }
    hlffi_destroy(vm);
    return code;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("hlffi %s (HashLink %s bytecode, interpreted)\n", hlffi_get_version(), hlffi_get_hl_version());
        return 0;
    }
    /* Options (before FILE.hl): --strict (check, run) refuses modules that use natives this VM does not
     * provide; --max-heap SIZE (run) limits the VM's memory (bytes, or with a K/M/G suffix). */
    bool strict = false;
    size_t max_heap = 0;
    int first = 2;
    while (first < argc && argv[first][0] == '-' && argv[first][1] == '-') {
        if (strcmp(argv[first], "--strict") == 0) {
            strict = true;
            first++;
        } else if (strcmp(argv[first], "--max-heap") == 0 && first + 1 < argc && parse_size(argv[first + 1], &max_heap)) {
            first += 2;
        } else {
            fprintf(stderr, "hlffi: unknown or incomplete option '%s'\n", argv[first]);
            return 2;
        }
    }
    if (strcmp(cmd, "check") == 0 || strcmp(cmd, "dump") == 0) {
        if (argc != first + 1 || ((strict || max_heap) && cmd[0] == 'd') || (max_heap && cmd[0] == 'c')) {
            fprintf(stderr, "usage: hlffi %s%s FILE.hl\n", cmd, cmd[0] == 'c' ? " [--strict]" : "");
            return 2;
        }
        return cmd[0] == 'c' ? check(argv[first], strict) : hli_tool_dump(argv[first], stdout);
    }
    if (strcmp(cmd, "run") == 0) {
        if (argc < first + 1) {
            fprintf(stderr, "usage: hlffi run [--strict] [--max-heap SIZE] FILE.hl [ARGS...]\n");
            return 2;
        }
        return run(argv[first], argc - first - 1, argv + first + 1, strict, max_heap);
    }
    fprintf(stderr, "hlffi: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
