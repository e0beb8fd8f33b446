/* API scenarios for host control, using only <hlffi.h>: the print hook (Sys.print/println, trace, the
 * standard streams, long output never split inside a character, restoring the default), the exit hook
 * (Sys.exit from a call and from the entry point, uncatchable, the VM usable after), the current call
 * stack seen from inside Haxe, and statistics; bad inputs.
 * usage: test_host ApiLimits.hl */
#include "api_test.h"

static const char *module_path;

/* What a print hook received: stdout and stderr text, chunk count, and whether every chunk was whole
 * UTF-8 and came with the right VM and userdata. */
typedef struct captured {
    hlffi_vm *vm;
    char out[16384], err[1024];
    size_t out_len, err_len;
    int chunks;
    bool bad_chunk, bad_vm;
    char *stack; /* the call stack seen from the hook (first chunk) */
} captured;

/* True when s[0..n) is whole UTF-8: no sequence cut at either end. */
static bool whole_utf8(const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
        if (len == 0 || i + len > n)
            return false;
        i += len;
    }
    return true;
}

static void capture(hlffi_vm *vm, void *userdata, const char *utf8, size_t length, bool is_stderr) {
    captured *c = userdata;
    if (vm != c->vm)
        c->bad_vm = true;
    if (!whole_utf8(utf8, length))
        c->bad_chunk = true;
    char *buf = is_stderr ? c->err : c->out;
    size_t *len = is_stderr ? &c->err_len : &c->out_len;
    size_t cap = is_stderr ? sizeof c->err : sizeof c->out;
    if (*len + length < cap) {
        memcpy(buf + *len, utf8, length);
        *len += length;
        buf[*len] = 0;
    }
    if (c->chunks++ == 0)
        c->stack = hlffi_vm_get_call_stack(vm);
}

static void reset(captured *c) {
    free(c->stack);
    hlffi_vm *vm = c->vm;
    memset(c, 0, sizeof *c);
    c->vm = vm;
}

static bool call_void(hlffi_vm *vm, const char *method, hlffi_value *arg) {
    hlffi_value *r = hlffi_call_static(vm, "ApiLimits", method, arg != NULL ? 1 : 0, arg != NULL ? &arg : NULL);
    bool ok = r != NULL;
    hlffi_value_free(r);
    return ok;
}

static int static_int(hlffi_vm *vm, const char *name) {
    hlffi_value *v = hlffi_get_static_field(vm, "ApiLimits", name);
    int n = hlffi_value_as_int(v, -12345);
    hlffi_value_free(v);
    return n;
}

static void print_hook(void) {
    hlffi_vm *vm = start_vm(module_path);
    captured c;
    memset(&c, 0, sizeof c);
    c.vm = vm;
    hlffi_vm_set_print_hook(vm, capture, &c);

    hlffi_value *s = hlffi_value_string(vm, "h\xc3\xa9llo \xf0\x9f\x98\x80");
    CHECK(call_void(vm, "say", s));
    CHECK(strcmp(c.out, "h\xc3\xa9llo \xf0\x9f\x98\x80\n") == 0);
    CHECK(c.err_len == 0 && !c.bad_vm && !c.bad_chunk);
    hlffi_value_free(s);

    /* trace goes through the same hook, with HashLink's "file:line: " prefix. */
    reset(&c);
    hlffi_value *v = hlffi_value_int(vm, 5);
    CHECK(call_void(vm, "traceIt", v));
    CHECK(strncmp(c.out, "ApiLimits.hx:", 13) == 0 && strstr(c.out, ": value, 5\n") != NULL);
    hlffi_value_free(v);

    /* Sys.stderr() and Sys.stdout() writes: is_stderr tells them apart. */
    reset(&c);
    s = hlffi_value_string(vm, "e!");
    CHECK(call_void(vm, "toStderr", s));
    CHECK(strcmp(c.err, "e!") == 0 && strcmp(c.out, "out:e!") == 0);
    hlffi_value_free(s);

    /* Long output arrives in chunks, none of them cutting a character. */
    reset(&c);
    char big[9001];
    for (int i = 0; i < 3000; i++)
        memcpy(big + i * 3, "\xe2\x82\xac", 3); /* U+20AC, 3 bytes */
    big[9000] = 0;
    s = hlffi_value_string(vm, big);
    CHECK(call_void(vm, "say", s));
    CHECK(c.out_len == 9001 && memcmp(c.out, big, 9000) == 0 && c.out[9000] == '\n');
    CHECK(c.chunks > 1 && !c.bad_chunk);
    hlffi_value_free(s);

    /* An uncaught exception is the host's to report: nothing is printed. */
    reset(&c);
    CHECK(!call_void(vm, "fail", NULL));
    CHECK(strcmp(hlffi_get_exception_message(vm), "boom") == 0);
    CHECK(c.chunks == 0);

    /* NULL restores the process's stdout: the hook hears nothing more. */
    reset(&c);
    hlffi_vm_set_print_hook(vm, NULL, &c);
    s = hlffi_value_string(vm, "[test_host: this line goes to stdout]");
    CHECK(call_void(vm, "say", s));
    CHECK(c.chunks == 0);
    hlffi_value_free(s);
    hlffi_vm_set_print_hook(NULL, capture, &c);
    reset(&c);
    hlffi_destroy(vm);
}

/* Set before the load, the hook hears the entry point too; two VMs keep their own hooks. */
static void print_hook_per_vm(void) {
    captured a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    a.vm = hlffi_create();
    b.vm = hlffi_create();
    hlffi_vm_set_print_hook(a.vm, capture, &a);
    hlffi_vm_set_print_hook(b.vm, capture, &b);
    for (int i = 0; i < 2; i++) {
        hlffi_vm *vm = i == 0 ? a.vm : b.vm;
        CHECK(hlffi_init(vm, 0, NULL) == HLFFI_OK);
        CHECK(hlffi_load_file(vm, module_path) == HLFFI_OK);
        CHECK(hlffi_call_entry(vm) == HLFFI_OK);
    }
    hlffi_value *s = hlffi_value_string(a.vm, "to a");
    CHECK(call_void(a.vm, "say", s));
    hlffi_value_free(s);
    s = hlffi_value_string(b.vm, "to b");
    CHECK(call_void(b.vm, "say", s));
    hlffi_value_free(s);
    CHECK(strcmp(a.out, "to a\n") == 0 && strcmp(b.out, "to b\n") == 0);
    CHECK(!a.bad_vm && !b.bad_vm);
    reset(&a);
    reset(&b);
    hlffi_destroy(a.vm);
    hlffi_destroy(b.vm);
}

static void call_stack(void) {
    CHECK(hlffi_vm_get_call_stack(NULL) == NULL);
    hlffi_vm *vm = hlffi_create();
    CHECK(str_is(hlffi_vm_get_call_stack(vm), "")); /* nothing loaded */
    hlffi_destroy(vm);
    vm = start_vm(module_path);
    CHECK(str_is(hlffi_vm_get_call_stack(vm), "")); /* no Haxe code running */
    captured c;
    memset(&c, 0, sizeof c);
    c.vm = vm;
    hlffi_vm_set_print_hook(vm, capture, &c);
    hlffi_value *s = hlffi_value_string(vm, "x");
    CHECK(call_void(vm, "outer", s));
    hlffi_value_free(s);
    /* Innermost first: Sys.print (which called the native that printed), inner, then outer; one
     * "Called from" line each, as HashLink names static methods ($Class.method). */
    const char *st = c.stack != NULL ? c.stack : "";
    CHECK(strncmp(st, "Called from $Sys.print(", 23) == 0);
    const char *second = strchr(st, '\n');
    CHECK(second != NULL && strncmp(second + 1, "Called from $ApiLimits.inner(ApiLimits.hx:", 42) == 0);
    const char *third = second != NULL ? strchr(second + 1, '\n') : NULL;
    CHECK(third != NULL && strncmp(third + 1, "Called from $ApiLimits.outer(ApiLimits.hx:", 42) == 0);
    CHECK(st[0] != 0 && st[strlen(st) - 1] == '\n');
    reset(&c);
    CHECK(str_is(hlffi_vm_get_call_stack(vm), "")); /* returned to the host */
    hlffi_destroy(vm);
}

/* The stack seen from a callback: the frames that led to it. */
static char *callback_stack;

static hlffi_value *cb_stack(hlffi_vm *vm, int argc, hlffi_value **argv) {
    CHECK(argc == 1);
    free(callback_stack);
    callback_stack = hlffi_vm_get_call_stack(vm);
    return hlffi_value_int(vm, hlffi_value_as_int(argv[0], 0) + 1);
}

static void call_stack_in_callback(void) {
    hlffi_vm *vm = start_vm(module_path);
    CHECK(hlffi_register_callback(vm, "stack", cb_stack, 1));
    hlffi_value *fn = hlffi_get_callback(vm, "stack");
    CHECK(hlffi_set_static_field(vm, "ApiLimits", "hostFn", fn) == HLFFI_OK);
    hlffi_value *x = hlffi_value_int(vm, 41);
    hlffi_value *r = hlffi_call_static(vm, "ApiLimits", "callHost", 1, &x);
    CHECK(hlffi_value_as_int(r, -1) == 42);
    const char *st = callback_stack != NULL ? callback_stack : "";
    CHECK(strncmp(st, "Called from $ApiLimits.viaHost(ApiLimits.hx:", 44) == 0);
    const char *second = strchr(st, '\n');
    CHECK(second != NULL && strncmp(second + 1, "Called from $ApiLimits.callHost(ApiLimits.hx:", 45) == 0);
    CHECK(second != NULL && strchr(second + 1, '\n') != NULL && strchr(second + 1, '\n')[1] == 0);
    free(callback_stack);
    callback_stack = NULL;
    hlffi_value_free(r);
    hlffi_value_free(x);
    hlffi_value_free(fn);
    hlffi_destroy(vm);
}

typedef struct exits {
    hlffi_vm *vm;
    int calls, code;
    bool bad_vm;
} exits;

static void on_exit_hook(hlffi_vm *vm, void *userdata, int code) {
    exits *e = userdata;
    e->calls++;
    e->code = code;
    if (vm != e->vm)
        e->bad_vm = true;
    /* The call has unwound: no Haxe frame is left. */
    CHECK(str_is(hlffi_vm_get_call_stack(vm), ""));
}

static void exit_hook(void) {
    hlffi_vm *vm = start_vm(module_path);
    exits e = {vm, 0, 0, false};
    hlffi_vm_set_exit_hook(vm, on_exit_hook, &e);
    int code = -1;
    CHECK(!hlffi_vm_get_exit_code(vm, &code));
    hlffi_value *v = hlffi_value_int(vm, 3);
    CHECK(!call_void(vm, "exitWith", v)); /* the call itself fails: the program "ended" */
    CHECK(e.calls == 1 && e.code == 3 && !e.bad_vm);
    CHECK(hlffi_vm_get_exit_code(vm, &code) && code == 3);
    CHECK(static_int(vm, "caught") == 0);  /* catch (e:Dynamic) did not stop it */
    CHECK(static_int(vm, "reached") == 0); /* nor did the code after it run */
    /* The VM stays usable. */
    hlffi_value *n = hlffi_value_int(vm, 4);
    hlffi_value *r = hlffi_call_static(vm, "ApiLimits", "count", 1, &n);
    CHECK(hlffi_value_as_int(r, -1) == 4);
    hlffi_value_free(r);
    CHECK(e.calls == 1);
    /* Without a hook, Sys.exit still only records the code. */
    hlffi_vm_set_exit_hook(vm, NULL, &e);
    hlffi_value_free(v);
    v = hlffi_value_int(vm, 9);
    CHECK(!call_void(vm, "exitWith", v));
    CHECK(e.calls == 1);
    CHECK(hlffi_vm_get_exit_code(vm, &code) && code == 9);
    hlffi_value_free(v);
    hlffi_value_free(n);
    hlffi_vm_set_exit_hook(NULL, on_exit_hook, &e);
    hlffi_destroy(vm);

    /* Sys.exit in the entry point: the entry returns normally, the hook has the code. */
    vm = hlffi_create();
    exits e2 = {vm, 0, 0, false};
    char *args[] = {"exit"};
    CHECK(hlffi_init(vm, 1, args) == HLFFI_OK);
    hlffi_vm_set_exit_hook(vm, on_exit_hook, &e2);
    CHECK(hlffi_load_file(vm, module_path) == HLFFI_OK);
    CHECK(hlffi_call_entry(vm) == HLFFI_OK);
    CHECK(e2.calls == 1 && e2.code == 7 && !e2.bad_vm);
    CHECK(hlffi_vm_get_exit_code(vm, &code) && code == 7);
    hlffi_destroy(vm);
}

static void stats(void) {
    hlffi_stats st;
    CHECK(hlffi_vm_get_stats(NULL, &st) == HLFFI_ERROR_NULL_VM);
    hlffi_vm *vm = hlffi_create();
    CHECK(hlffi_vm_get_stats(vm, NULL) == HLFFI_ERROR_INVALID_ARGUMENT);
    memset(&st, 0xff, sizeof st);
    CHECK(hlffi_vm_get_stats(vm, &st) == HLFFI_OK); /* before a load: no heap, no handles */
    CHECK(st.heap_bytes == 0 && st.collections == 0 && st.live_handles == 0 && st.gc_pause_total_ms == 0);
    CHECK(st.vm_bytes > 0); /* the VM object itself */
    hlffi_destroy(vm);

    vm = start_vm(module_path);
    hlffi_stats a, b;
    CHECK(hlffi_vm_get_stats(vm, &a) == HLFFI_OK);
    CHECK(a.vm_bytes > a.heap_bytes && a.heap_bytes > 0 && a.total_allocated_bytes > 0);
    CHECK(a.heap_peak_bytes >= a.heap_bytes);
    hlffi_value *h[3];
    for (int i = 0; i < 3; i++)
        h[i] = hlffi_value_int(vm, i);
    CHECK(hlffi_vm_get_stats(vm, &b) == HLFFI_OK);
    CHECK(b.live_handles == a.live_handles + 3);
    for (int i = 0; i < 3; i++)
        hlffi_value_free(h[i]);
    /* Allocating a lot makes collections, whose pauses are measured. */
    hlffi_value *n = hlffi_value_int(vm, 20000);
    hlffi_value *r = hlffi_call_static(vm, "ApiLimits", "churn", 1, &n);
    CHECK(hlffi_value_as_int(r, -1) == 20000 * 16);
    hlffi_value_free(r);
    hlffi_value_free(n);
    CHECK(hlffi_vm_get_stats(vm, &b) == HLFFI_OK);
    CHECK(b.live_handles == a.live_handles);
    CHECK(b.total_allocated_bytes > a.total_allocated_bytes + 20000 * 16 * 8);
    CHECK(b.collections > a.collections);
    CHECK(b.gc_pause_total_ms >= b.gc_pause_max_ms && b.gc_pause_max_ms >= 0);
    CHECK(b.heap_peak_bytes >= b.heap_bytes && b.heap_peak_bytes >= a.heap_peak_bytes);
    hlffi_destroy(vm);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_host ApiLimits.hl\n");
        return 2;
    }
    module_path = argv[1];
    print_hook();
    print_hook_per_vm();
    call_stack();
    call_stack_in_callback();
    exit_hook();
    stats();
    return test_result("test_host");
}
