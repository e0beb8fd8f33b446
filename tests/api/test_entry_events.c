/* hlffi_call_entry returns once main() has returned: the event loop Haxe 4.2.5 appends to the entry
 * point (timers, MainLoop, queued events) is left for the host to pump, so pending timers have not run.
 * (`hlffi run` keeps the loop, as `hl` does: tests/hx covers that.) usage: test_entry_events ApiEvents.hl */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "api_test.h"

#include <time.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s ApiEvents.hl\n", argv[0]);
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    hlffi_vm *vm = start_vm(argv[1]);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    CHECK(seconds < 30); /* a run event loop would wait for the 60-second timer */
    hlffi_value *done = hlffi_get_static_field(vm, "ApiEvents", "mainDone");
    CHECK(hlffi_value_as_bool(done, false));
    hlffi_value *fired = hlffi_get_static_field(vm, "ApiEvents", "fired");
    CHECK(hlffi_value_as_int(fired, -1) == 0); /* not even the 0 ms timer: nothing pumped the loop */
    hlffi_value_free(done);
    hlffi_value_free(fired);
    hlffi_destroy(vm);
    return test_result("test_entry_events");
}
