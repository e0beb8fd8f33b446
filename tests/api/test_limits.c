/* API scenarios for execution limits and native families, using only <hlffi.h>: instruction and time
 * budgets per call, interrupts from a signal handler, another thread, a hook inside Haxe, and while
 * idle; Haxe code cannot catch any of them and the VM stays usable; denied natives in one VM while
 * another VM in the same process keeps them; bad inputs.
 * usage: test_limits ApiLimits.hl */
#define _POSIX_C_SOURCE 200809L /* setitimer, sigaction, clock_gettime, nanosleep */

#include "api_test.h"

#include <pthread.h>
#include <signal.h>
#include <sys/time.h>
#include <time.h>

static const char *module_path;

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The Int result of a static call with one Int argument; `fallback` when the call failed. */
static int call_int(hlffi_vm *vm, const char *method, int arg, int fallback) {
    hlffi_value *a = hlffi_value_int(vm, arg);
    hlffi_value *r = hlffi_call_static(vm, "ApiLimits", method, 1, &a);
    int v = r != NULL ? hlffi_value_as_int(r, fallback) : fallback;
    hlffi_value_free(a);
    hlffi_value_free(r);
    return v;
}

static int static_int(hlffi_vm *vm, const char *name) {
    hlffi_value *v = hlffi_get_static_field(vm, "ApiLimits", name);
    int n = hlffi_value_as_int(v, -12345);
    hlffi_value_free(v);
    return n;
}

/* Calls a method that never returns on its own; true when it stopped as an interrupt, with an error
 * text containing `why` and `where`. */
static bool stops(hlffi_vm *vm, const char *method, int argc, hlffi_value **argv, const char *why, const char *where) {
    hlffi_value *out = NULL;
    const char *err = NULL;
    hlffi_call_result r = hlffi_try_call_static(vm, "ApiLimits", method, argc, argv, &out, &err);
    bool ok = r == HLFFI_CALL_ERROR && out == NULL && strstr(hlffi_get_error(vm), "execution stopped: ") != NULL &&
              strstr(hlffi_get_error(vm), why) != NULL && strstr(hlffi_get_error(vm), where) != NULL;
    if (!ok)
        fprintf(stderr, "  %s: result %d, error \"%s\"\n", method, (int)r, hlffi_get_error(vm));
    hlffi_value_free(out);
    return ok;
}

static void bad_inputs(void) {
    CHECK(hlffi_vm_set_instruction_budget(NULL, 5) == HLFFI_ERROR_NULL_VM);
    CHECK(hlffi_vm_set_time_budget(NULL, 5) == HLFFI_ERROR_NULL_VM);
    hlffi_vm_interrupt(NULL);
    CHECK(hlffi_vm_deny_natives(NULL, HLFFI_NATIVES_FILES) == HLFFI_ERROR_NULL_VM);
    CHECK(hlffi_vm_allow_natives(NULL, HLFFI_NATIVES_FILES) == HLFFI_ERROR_NULL_VM);
    hlffi_vm *vm = hlffi_create();
    CHECK(hlffi_vm_deny_natives(vm, 16) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(hlffi_get_error(vm), "unknown native families") != NULL);
    CHECK(hlffi_vm_allow_natives(vm, 0x100 | HLFFI_NATIVES_FILES) == HLFFI_ERROR_INVALID_ARGUMENT);
    CHECK(hlffi_vm_deny_natives(vm, 0) == HLFFI_OK);
    /* Budgets and interrupts before a load are kept (the interrupt stays pending). */
    CHECK(hlffi_vm_set_instruction_budget(vm, 1000) == HLFFI_OK);
    CHECK(hlffi_vm_set_time_budget(vm, 1000) == HLFFI_OK);
    hlffi_vm_interrupt(vm);
    CHECK(hlffi_init(vm, 0, NULL) == HLFFI_OK);
    CHECK(hlffi_load_file(vm, module_path) == HLFFI_OK);
    CHECK(hlffi_vm_deny_natives(vm, HLFFI_NATIVES_FILES) == HLFFI_ERROR_ALREADY_INITIALIZED);
    CHECK(hlffi_vm_allow_natives(vm, HLFFI_NATIVES_FILES) == HLFFI_ERROR_ALREADY_INITIALIZED);
    /* The pending interrupt stops the entry point at its first poll point: the static init (HashLink's
     * ".init" function). The module is left half-initialised, as any aborted code leaves it. */
    CHECK(hlffi_call_entry(vm) == HLFFI_ERROR_INTERRUPTED);
    CHECK(strstr(hlffi_get_error(vm), "execution stopped: interrupted by the host in .init(") != NULL);
    CHECK(hlffi_call_entry(vm) == HLFFI_ERROR_ALREADY_INITIALIZED);
    hlffi_destroy(vm);
}

static void instruction_budget(void) {
    hlffi_vm *vm = start_vm(module_path);
    CHECK(hlffi_vm_set_instruction_budget(vm, 100000) == HLFFI_OK);
    CHECK(stops(vm, "spin", 0, NULL, "instruction budget of 100000 spent", "in $ApiLimits.spin(ApiLimits.hx:"));
    /* What the aborted code wrote stays; no catch block ran. */
    int progress = static_int(vm, "progress");
    CHECK(progress > 1000 && progress < 100000);
    CHECK(static_int(vm, "caught") == 0);
    /* The budget is per call: many calls that each fit all run. */
    for (int i = 0; i < 50; i++)
        CHECK(call_int(vm, "count", 1000, -1) == 1000);
    CHECK(call_int(vm, "count", 10000000, -1) == -1);
    CHECK(strstr(hlffi_get_error(vm), "in $ApiLimits.count(ApiLimits.hx:") != NULL);
    /* Recursion without loops stops too (calls are poll points). */
    hlffi_value *n = hlffi_value_int(vm, 40);
    CHECK(stops(vm, "fib", 1, &n, "instruction budget", "in $ApiLimits.fib(ApiLimits.hx:"));
    /* A catch at every level of a deep recursion catches nothing. */
    hlffi_value *zero = hlffi_value_int(vm, 0);
    CHECK(stops(vm, "deepCatch", 1, &zero, "instruction budget", "$ApiLimits.deepCatch"));
    CHECK(static_int(vm, "caught") == 0);
    CHECK(static_int(vm, "progress") > 100);
    /* 0 lifts the limit. */
    CHECK(hlffi_vm_set_instruction_budget(vm, 0) == HLFFI_OK);
    CHECK(call_int(vm, "count", 10000000, -1) == 10000000);
    hlffi_value_free(n);
    hlffi_value_free(zero);
    hlffi_destroy(vm);
}

static void time_budget(void) {
    hlffi_vm *vm = start_vm(module_path);
    CHECK(hlffi_vm_set_time_budget(vm, 100) == HLFFI_OK);
    double t0 = now_s();
    CHECK(stops(vm, "spin", 0, NULL, "time budget of 100 ms spent", "$ApiLimits.spin"));
    double dt = now_s() - t0;
    CHECK(dt >= 0.1 && dt < 5);
    CHECK(static_int(vm, "caught") == 0);
    t0 = now_s();
    hlffi_value *n = hlffi_value_int(vm, 45);
    CHECK(stops(vm, "fib", 1, &n, "time budget", "$ApiLimits.fib"));
    CHECK(now_s() - t0 < 5);
    /* Sys.sleep(30) ends at the deadline, and the call stops there. */
    t0 = now_s();
    CHECK(stops(vm, "sleepLong", 0, NULL, "time budget of 100 ms spent", "$ApiLimits.sleepLong"));
    CHECK(now_s() - t0 < 5);
    /* Each call gets the whole budget again. */
    CHECK(call_int(vm, "count", 1000, -1) == 1000);
    CHECK(hlffi_vm_set_time_budget(vm, 0) == HLFFI_OK);
    CHECK(call_int(vm, "count", 1000, -1) == 1000);
    hlffi_value_free(n);
    hlffi_destroy(vm);
}

/* ---- interrupts ---- */

static hlffi_vm *signal_vm;

static void on_alarm(int sig) {
    (void)sig;
    hlffi_vm_interrupt(signal_vm); /* async-signal-safe */
}

static void interrupt_from_signal(void) {
    hlffi_vm *vm = start_vm(module_path);
    CHECK(hlffi_vm_set_time_budget(vm, 20000) == HLFFI_OK); /* a safety net only: the message tells */
    signal_vm = vm;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(SIGALRM, &sa, NULL) == 0);
    struct itimerval it = {{0, 0}, {0, 50000}};
    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
    CHECK(stops(vm, "spin", 0, NULL, "interrupted by the host", "in $ApiLimits.spin(ApiLimits.hx:"));
    CHECK(static_int(vm, "caught") == 0);
    /* The interrupt was used up: the next call runs. */
    CHECK(call_int(vm, "count", 100, -1) == 100);
    signal(SIGALRM, SIG_DFL);
    hlffi_destroy(vm);
}

typedef struct watchdog {
    hlffi_vm *vm;
    long delay_ms;
} watchdog;

static void *watchdog_main(void *arg) {
    watchdog *w = arg;
    struct timespec ts = {w->delay_ms / 1000, (w->delay_ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
    hlffi_vm_interrupt(w->vm);
    return NULL;
}

static void interrupt_from_thread(void) {
    hlffi_vm *vm = start_vm(module_path);
    CHECK(hlffi_vm_set_time_budget(vm, 20000) == HLFFI_OK);
    watchdog w = {vm, 50};
    pthread_t t;
    CHECK(pthread_create(&t, NULL, watchdog_main, &w) == 0);
    hlffi_value *n = hlffi_value_int(vm, 50);
    CHECK(stops(vm, "fib", 1, &n, "interrupted by the host", "$ApiLimits.fib"));
    pthread_join(t, NULL);
    /* Sys.sleep wakes up for it. */
    CHECK(pthread_create(&t, NULL, watchdog_main, &w) == 0);
    double t0 = now_s();
    CHECK(stops(vm, "sleepLong", 0, NULL, "interrupted by the host", "$ApiLimits.sleepLong"));
    CHECK(now_s() - t0 < 10);
    pthread_join(t, NULL);
    CHECK(static_int(vm, "caught") == 0);
    hlffi_value_free(n);
    hlffi_destroy(vm);
}

/* While no Haxe code runs, an interrupt waits for the next call and stops it at its first poll point. */
static void interrupt_while_idle(void) {
    hlffi_vm *vm = start_vm(module_path);
    CHECK(call_int(vm, "count", 5, -1) == 5);
    hlffi_vm_interrupt(vm);
    hlffi_vm_interrupt(vm); /* twice is still one request */
    CHECK(call_int(vm, "count", 5, -1) == -1);
    CHECK(strstr(hlffi_get_error(vm), "interrupted by the host in $ApiLimits.count(ApiLimits.hx:") != NULL);
    CHECK(call_int(vm, "count", 5, -1) == 5);
    hlffi_destroy(vm);
}

/* An abort inside an API call made by a hook does not let the Haxe code around it go on. */
static void nested_print(hlffi_vm *vm, void *userdata, const char *utf8, size_t length, bool is_stderr) {
    (void)utf8, (void)length, (void)is_stderr;
    int *calls = userdata;
    (*calls)++;
    hlffi_vm_interrupt(vm);
    /* This nested call stops (within a slice of the poll point: a long loop) and returns its error to
     * us; we ignore it, as careless hooks do. */
    CHECK(call_int(vm, "count", 1000000, -1) == -1);
    CHECK(strstr(hlffi_get_error(vm), "interrupted by the host") != NULL);
}

static void interrupt_inside_hook(void) {
    hlffi_vm *vm = start_vm(module_path);
    CHECK(hlffi_vm_set_time_budget(vm, 20000) == HLFFI_OK);
    int calls = 0;
    hlffi_vm_set_print_hook(vm, nested_print, &calls);
    CHECK(stops(vm, "printThenSpin", 0, NULL, "interrupted by the host", "$ApiLimits."));
    CHECK(calls == 1);
    CHECK(static_int(vm, "reached") == 1);
    CHECK(static_int(vm, "caught") == 0);
    hlffi_vm_set_print_hook(vm, NULL, NULL);
    CHECK(call_int(vm, "count", 7, -1) == 7);
    hlffi_destroy(vm);
}

/* Haxe code that a callback runs counts toward the call around it: the budget is the outer call's. */
static int host_calls;

static hlffi_value *cb_interrupt(hlffi_vm *vm, int argc, hlffi_value **argv) {
    (void)argc, (void)argv;
    if (host_calls++ == 0)
        hlffi_vm_interrupt(vm);
    return hlffi_value_int(vm, 0);
}

static hlffi_value *cb_count(hlffi_vm *vm, int argc, hlffi_value **argv) {
    (void)argc, (void)argv;
    host_calls++;
    int r = call_int(vm, "count", 20000, -1); /* some 70,000 instructions; the last one fails */
    return hlffi_value_int(vm, r);
}

static void budget_through_callbacks(void) {
    hlffi_vm *vm = start_vm(module_path);
    CHECK(hlffi_register_callback(vm, "count", cb_count, 1));
    hlffi_value *fn = hlffi_get_callback(vm, "count");
    CHECK(hlffi_set_static_field(vm, "ApiLimits", "hostFn", fn) == HLFFI_OK);
    hlffi_value_free(fn);
    /* Alone, each nested call fits; around them, the loop would call the host 1000 times. */
    CHECK(hlffi_vm_set_instruction_budget(vm, 500000) == HLFFI_OK);
    CHECK(call_int(vm, "count", 20000, -1) == 20000);
    host_calls = 0;
    hlffi_value *n = hlffi_value_int(vm, 1000);
    CHECK(stops(vm, "loopHost", 1, &n, "instruction budget of 500000 spent", "ApiLimits."));
    CHECK(host_calls >= 2 && host_calls <= 20);
    CHECK(static_int(vm, "caught") == 0);
    /* The callback whose nested call failed returned normally; the loop stopped at its next backward
     * jump, right after counting that iteration. */
    CHECK(static_int(vm, "progress") == host_calls);
    /* And an interrupt from inside a callback stops the Haxe code around it. */
    CHECK(hlffi_vm_set_instruction_budget(vm, 0) == HLFFI_OK);
    CHECK(hlffi_register_callback(vm, "interrupt", cb_interrupt, 1));
    fn = hlffi_get_callback(vm, "interrupt");
    CHECK(hlffi_set_static_field(vm, "ApiLimits", "hostFn", fn) == HLFFI_OK);
    hlffi_value_free(fn);
    host_calls = 0;
    CHECK(hlffi_vm_set_time_budget(vm, 20000) == HLFFI_OK); /* a safety net only */
    hlffi_value_free(n);
    n = hlffi_value_int(vm, 1000000000);
    CHECK(stops(vm, "loopHost", 1, &n, "interrupted by the host", "ApiLimits."));
    CHECK(host_calls >= 1 && host_calls < 100000);
    CHECK(static_int(vm, "caught") == 0);
    hlffi_value_free(n);
    hlffi_destroy(vm);
}

/* The entry point is a call from the host like any other. */
static void entry_point(void) {
    hlffi_vm *vm = hlffi_create();
    char *args[] = {"spin"};
    CHECK(hlffi_init(vm, 1, args) == HLFFI_OK);
    CHECK(hlffi_load_file(vm, module_path) == HLFFI_OK);
    CHECK(hlffi_vm_set_instruction_budget(vm, 200000) == HLFFI_OK);
    CHECK(hlffi_call_entry(vm) == HLFFI_ERROR_INTERRUPTED);
    CHECK(strstr(hlffi_get_error(vm), "execution stopped: instruction budget of 200000 spent in $ApiLimits.spin") != NULL);
    CHECK(hlffi_call_entry(vm) == HLFFI_ERROR_ALREADY_INITIALIZED);
    CHECK(call_int(vm, "count", 3, -1) == 3);
    hlffi_destroy(vm);
}

/* ---- native families ---- */

static char *call_str(hlffi_vm *vm, const char *method, const char *arg) {
    hlffi_value *a = arg != NULL ? hlffi_value_string(vm, arg) : NULL;
    hlffi_value *r = hlffi_call_static(vm, "ApiLimits", method, arg != NULL ? 1 : 0, arg != NULL ? &a : NULL);
    char *s = r != NULL ? hlffi_value_as_string(r) : NULL;
    hlffi_value_free(a);
    hlffi_value_free(r);
    return s;
}

static bool has(char *s, const char *want) {
    bool ok = s != NULL && strstr(s, want) != NULL;
    if (!ok)
        fprintf(stderr, "  got \"%s\", want it to contain \"%s\"\n", s ? s : "(NULL)", want);
    free(s);
    return ok;
}

static hlffi_vm *start_denying(unsigned deny, unsigned allow) {
    hlffi_vm *vm = hlffi_create();
    CHECK(hlffi_init(vm, 0, NULL) == HLFFI_OK);
    CHECK(hlffi_vm_deny_natives(vm, deny) == HLFFI_OK);
    CHECK(hlffi_vm_allow_natives(vm, allow) == HLFFI_OK);
    CHECK(hlffi_load_file(vm, module_path) == HLFFI_OK);
    CHECK(hlffi_call_entry(vm) == HLFFI_OK);
    return vm;
}

static void native_families(void) {
    setenv("HLFFI_LIMITS_TEST", "visible", 1);
    hlffi_vm *open = start_denying(0, 0);
    hlffi_vm *sandbox = start_denying(HLFFI_NATIVES_ALL_SYSTEM, 0);
    hlffi_vm *files_only = start_denying(HLFFI_NATIVES_ALL_SYSTEM, HLFFI_NATIVES_FILES);
    /* The sandbox can neither read a file nor look at the filesystem, start a process, open a socket
     * or read the environment; each attempt is a catchable Haxe exception naming the native. */
    CHECK(has(call_str(sandbox, "readFile", module_path), "error: std@file_contents is denied by the host"));
    CHECK(has(call_str(sandbox, "fileExists", module_path), "error: std@sys_exists is denied by the host"));
    CHECK(has(call_str(sandbox, "runProcess", NULL), "error: std@process_run is denied by the host"));
    CHECK(has(call_str(sandbox, "command", NULL), "error: std@sys_command is denied by the host"));
    CHECK(has(call_str(sandbox, "socket", NULL), "error: std@socket_new is denied by the host"));
    CHECK(has(call_str(sandbox, "env", NULL), "error: std@sys_get_env is denied by the host"));
    /* The other VM of the same process keeps them all. */
    CHECK(has(call_str(open, "readFile", module_path), "HLB"));
    CHECK(has(call_str(open, "fileExists", module_path), "yes"));
    CHECK(has(call_str(open, "runProcess", NULL), "hi\n"));
    CHECK(has(call_str(open, "command", NULL), "code 0"));
    CHECK(has(call_str(open, "socket", NULL), "ok"));
    CHECK(has(call_str(open, "env", NULL), "visible"));
    /* allow gives a family back. */
    CHECK(has(call_str(files_only, "readFile", module_path), "HLB"));
    CHECK(has(call_str(files_only, "runProcess", NULL), "denied by the host"));
    /* Printing is never denied. */
    hlffi_value *s = hlffi_value_string(sandbox, "");
    hlffi_value *r = hlffi_call_static(sandbox, "ApiLimits", "say", 1, &s);
    CHECK(r != NULL);
    hlffi_value_free(r);
    hlffi_value_free(s);
    hlffi_destroy(files_only);
    hlffi_destroy(sandbox);
    hlffi_destroy(open);
    unsetenv("HLFFI_LIMITS_TEST");

    /* Strict mode refuses a module that needs a denied native, and names it. */
    hlffi_vm *strict = hlffi_create();
    CHECK(hlffi_vm_set_strict(strict, true) == HLFFI_OK);
    CHECK(hlffi_load_file(strict, module_path) == HLFFI_OK); /* nothing else is missing */
    hlffi_destroy(strict);
    strict = hlffi_create();
    CHECK(hlffi_vm_set_strict(strict, true) == HLFFI_OK);
    CHECK(hlffi_vm_deny_natives(strict, HLFFI_NATIVES_SOCKETS) == HLFFI_OK);
    CHECK(hlffi_load_file(strict, module_path) == HLFFI_ERROR_MODULE_LOAD_FAILED);
    CHECK(strstr(hlffi_get_error(strict), "std@socket_new (denied by the host)") != NULL);
    CHECK(strstr(hlffi_get_error(strict), "file_open") == NULL);
    hlffi_destroy(strict);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_limits ApiLimits.hl\n");
        return 2;
    }
    module_path = argv[1];
    bad_inputs();
    instruction_budget();
    time_budget();
    interrupt_from_signal();
    interrupt_from_thread();
    interrupt_while_idle();
    interrupt_inside_hook();
    budget_through_callbacks();
    entry_point();
    native_families();
    return test_result("test_limits");
}
