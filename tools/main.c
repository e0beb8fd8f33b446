/* The hlffi command: check, dump and (with the interpreter milestone) run HashLink bytecode files.
 * Exit codes: 0 success, 1 the file is missing, malformed or fails verification, 2 usage errors and
 * features that are not available yet. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

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
            "  run [--strict] FILE.hl [ARGS...]\n"
            "                         run FILE.hl as hl does: its output, Sys.args() = ARGS, the uncaught-exception\n"
            "                         report on stdout with exit code 1, Sys.exit's code\n"
            "  --version              print the hlffi version and the HashLink version it matches\n"
            "  --help                 print this help\n"
            "\n"
            "exit codes: 0 success; 1 the file is missing, malformed or fails verification;\n"
            "            2 usage error or a feature that is not available yet\n");
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
static int run(const char *path, int argc, char **argv, bool strict) {
    hlffi_vm *vm = hlffi_create();
    if (vm == NULL) {
        fprintf(stderr, "hlffi: out of memory\n");
        return 1;
    }
    hlffi_vm_set_strict(vm, strict);
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
    /* --strict (check, run): refuse modules that use natives this VM does not provide. */
    bool strict = argc >= 3 && strcmp(argv[2], "--strict") == 0;
    int first = strict ? 3 : 2;
    if (strcmp(cmd, "check") == 0 || strcmp(cmd, "dump") == 0) {
        if (argc != first + 1 || (strict && cmd[0] == 'd')) {
            fprintf(stderr, "usage: hlffi %s%s FILE.hl\n", cmd, cmd[0] == 'c' ? " [--strict]" : "");
            return 2;
        }
        return cmd[0] == 'c' ? check(argv[first], strict) : hli_tool_dump(argv[first], stdout);
    }
    if (strcmp(cmd, "run") == 0) {
        if (argc < first + 1) {
            fprintf(stderr, "usage: hlffi run [--strict] FILE.hl [ARGS...]\n");
            return 2;
        }
        return run(argv[first], argc - first - 1, argv + first + 1, strict);
    }
    fprintf(stderr, "hlffi: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
