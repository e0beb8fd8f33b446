/* examples/sandbox: run an untrusted Haxe script (Sandbox.hx) with limits:
 *   - no access to files, processes, sockets or the environment (denied natives);
 *   - a memory limit;
 *   - an execution budget (instructions, then time): a runaway script is stopped, and Haxe's
 *     try/catch cannot stop that; the VM stays usable afterwards;
 *   - what the script prints goes through the host (a print hook).
 * Usage: sandbox [sandbox.hl] */
#include <hlffi.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Everything the script prints arrives here, each line prefixed with "script| ". */
static void print_hook(hlffi_vm* vm, void* userdata, const char* utf8, size_t length, bool is_stderr) {
    bool* at_line_start = userdata;
    (void)vm;
    (void)is_stderr;
    for (size_t i = 0; i < length; i++) {
        if (*at_line_start)
            fputs("  script| ", stdout);
        putchar(utf8[i]);
        *at_line_start = utf8[i] == '\n';
    }
}

/* Calls Sandbox.<function>(arg) and says how it ended: a result, a Haxe exception, or stopped by a
 * limit (an error, not an exception: the script could not catch it). */
static void run(hlffi_vm* vm, const char* function, hlffi_value* arg) {
    hlffi_value* result = NULL;
    const char* error = NULL;
    switch (hlffi_try_call_static(vm, "Sandbox", function, arg ? 1 : 0, &arg, &result, &error)) {
    case HLFFI_CALL_OK: {
        char* text = hlffi_value_as_string(result);
        printf("%s: returned %s\n", function, text);
        free(text);
        break;
    }
    case HLFFI_CALL_EXCEPTION:
        printf("%s: threw \"%s\"\n", function, error);
        hlffi_clear_exception(vm);
        break;
    case HLFFI_CALL_ERROR:
        printf("%s: stopped: %s\n", function, error);
        break;
    }
    hlffi_value_free(result);
}

static double now_ms(void) {
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char** argv) {
    const char* path = argc > 1 ? argv[1] : "sandbox.hl";
    bool at_line_start = true;

    /* Limits that apply to the load itself are set before it. */
    hlffi_vm* vm = hlffi_create();
    hlffi_init(vm, 0, NULL);
    hlffi_vm_deny_natives(vm, HLFFI_NATIVES_FILES | HLFFI_NATIVES_PROCESSES | HLFFI_NATIVES_SOCKETS |
                                  HLFFI_NATIVES_ENVIRONMENT);
    hlffi_vm_set_memory_limit(vm, 32u << 20); /* 32 MiB for everything the VM allocates */
    hlffi_vm_set_print_hook(vm, print_hook, &at_line_start);
    if (hlffi_load_file(vm, path) != HLFFI_OK || hlffi_call_entry(vm) != HLFFI_OK) {
        fprintf(stderr, "%s: %s\n", path, hlffi_get_error(vm));
        hlffi_destroy(vm);
        return 1;
    }

    /* Every call from now on may run at most 10 million instructions. */
    hlffi_vm_set_instruction_budget(vm, 10 * 1000 * 1000);
    hlffi_value* n = hlffi_value_int(vm, 1000);
    run(vm, "sumTo", n);           /* well within the budget */
    run(vm, "spin", NULL);         /* an endless loop: stopped */
    run(vm, "spinAndCatch", NULL); /* its catch does not run */
    run(vm, "hoard", NULL);        /* "Out of memory", a Haxe exception it could have caught */
    hlffi_value* file = hlffi_value_string(vm, "/etc/passwd");
    run(vm, "readFile", file);     /* denied */

    /* A wall-clock budget instead: 100 ms per call. */
    hlffi_vm_set_instruction_budget(vm, 0);
    hlffi_vm_set_time_budget(vm, 100);
    double start = now_ms();
    run(vm, "spin", NULL);
    double elapsed = now_ms() - start;
    printf("spin ran for %s\n", elapsed >= 100 && elapsed < 5000 ? "about 100 ms" : "an unexpected time");

    run(vm, "sumTo", n); /* the VM is still fine */

    hlffi_value_free(n);
    hlffi_value_free(file);
    hlffi_destroy(vm);
    return 0;
}
