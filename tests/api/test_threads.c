/* Several VMs in several threads: each thread creates, runs and destroys its own VMs while the others
 * do the same (no process-global mutable state may be shared unsynchronised: the test command runs
 * this under ThreadSanitizer), and handles freed from a thread other than their VM's owner are
 * deferred safely. usage: test_threads ApiBasics.hl */
#include "api_test.h"

#include <pthread.h>

#define THREADS 4
#define ROUNDS 3
#define HANDLES 200

static const char *module_path;

/* Thread-safe failure counting for the worker threads (CHECK's counter is not atomic). */
static int thread_failures;
#define TCHECK(cond)                                                                   \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            __atomic_add_fetch(&thread_failures, 1, __ATOMIC_RELAXED);                 \
        }                                                                              \
    } while (0)

static void *vm_rounds(void *arg) {
    int id = (int)(intptr_t)arg;
    for (int r = 0; r < ROUNDS; r++) {
        hlffi_vm *vm = hlffi_create();
        TCHECK(vm != NULL);
        TCHECK(hlffi_init(vm, 0, NULL) == HLFFI_OK);
        TCHECK(hlffi_load_file(vm, module_path) == HLFFI_OK);
        TCHECK(hlffi_call_entry(vm) == HLFFI_OK);
        hlffi_value *args[2] = {hlffi_value_int(vm, id), hlffi_value_int(vm, r)};
        hlffi_value *sum = hlffi_call_static(vm, "ApiBasics", "add", 2, args);
        TCHECK(hlffi_value_as_int(sum, -1) == id + r);
        char text[32];
        snprintf(text, sizeof text, "thread %d round %d", id, r);
        hlffi_value *s = hlffi_value_string(vm, text);
        char *back = hlffi_value_as_string(s);
        TCHECK(back != NULL && strcmp(back, text) == 0);
        free(back);
        hlffi_value_free(s);
        hlffi_value_free(sum);
        hlffi_value_free(args[0]);
        hlffi_value_free(args[1]);
        hlffi_destroy(vm);
    }
    return NULL;
}

typedef struct {
    hlffi_value **handles;
    int from, to;
} free_job;

static void *free_range(void *arg) {
    free_job *job = arg;
    for (int i = job->from; i < job->to; i++)
        hlffi_value_free(job->handles[i]);
    return NULL;
}

/* Handles of one VM freed by two other threads at once while the owner keeps allocating. */
static void cross_thread_free(void) {
    hlffi_vm *vm = start_vm(module_path);
    hlffi_value *handles[HANDLES];
    for (int i = 0; i < HANDLES; i++)
        handles[i] = hlffi_value_string(vm, "kept until freed");
    pthread_t t[2];
    free_job jobs[2] = {{handles, 0, HANDLES / 2}, {handles, HANDLES / 2, HANDLES}};
    for (int i = 0; i < 2; i++)
        CHECK(pthread_create(&t[i], NULL, free_range, &jobs[i]) == 0);
    /* Meanwhile the owner makes and frees handles of its own (draining whatever was queued). */
    for (int i = 0; i < 1000; i++) {
        hlffi_value *v = hlffi_value_int(vm, i);
        CHECK(hlffi_value_as_int(v, -1) == i);
        hlffi_value_free(v);
    }
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    hlffi_value *after = hlffi_value_int(vm, 7); /* drains the rest */
    CHECK(hlffi_value_as_int(after, 0) == 7);
    hlffi_value_free(after);
    hlffi_destroy(vm); /* valgrind: nothing left behind */
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s ApiBasics.hl\n", argv[0]);
        return 2;
    }
    module_path = argv[1];
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        CHECK(pthread_create(&t[i], NULL, vm_rounds, (void *)(intptr_t)i) == 0);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    cross_thread_free();
    failures += thread_failures;
    return test_result("test_threads");
}
