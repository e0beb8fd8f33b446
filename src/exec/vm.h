/* The VM object behind the public hlffi_vm handle, and the linked program it runs. Everything a VM
 * owns hangs from here, so that destroying it frees everything (design.md principle 2). */
#ifndef HLI_EXEC_VM_H
#define HLI_EXEC_VM_H

#include <pthread.h>
#include <stdio.h>

#include "core/error.h"
#include "core/mem.h"
#include "exec/status.h"
#include "gc/gc.h"
#include "load/module.h"
#include "rt/value.h"

typedef struct hli_thread hli_thread;
typedef struct hli_code hli_code;

/* A native implementation: arguments in slots (in declared order, each read with its declared type),
 * the result written to *ret. Returns HLI_EXC after hli_throw* to raise a Haxe exception. */
typedef hli_status (*hli_native_fn)(hli_thread *th, hli_reg *args, hli_reg *ret);

typedef enum hli_fn_kind {
    HLI_FN_BYTECODE,
    HLI_FN_NATIVE,
    HLI_FN_MISSING, /* a native nobody provides: calling it throws "Primitive or library is missing" */
    HLI_FN_HOST,    /* a native the host registered (hlffi_register_native): `host` with its handle */
} hli_fn_kind;

struct hli_fn;
/* A host native's entry: receives its own function handle, whose host_data says what to call. */
typedef hli_status (*hli_host_fn)(hli_thread *th, const struct hli_fn *fn, hli_reg *args, hli_reg *ret);

/* A function handle: one per findex, in the VM's function table. Closures (vclosure.fun) and virtual
 * tables (hli_type.vobj_proto) hold pointers to these, never to code. */
typedef struct hli_fn {
    hli_fn_kind kind;
    uint32_t findex;
    hli_type *type;          /* its HFUN type */
    hli_code *code;          /* bytecode: the decoded form (src/exec/decode.c) */
    const hli_function *src; /* bytecode: the module's function (debug info, registers) */
    hli_native_fn native;    /* natives */
    bool denied;             /* HLI_FN_MISSING because the host denied its family (hlffi_vm_deny_natives) */
    hli_host_fn host;        /* host natives (src/api/api_natives.c) and their registry entry */
    void *host_data;
    const char *lib, *name;  /* natives: as in the module (UTF-8, module-owned) */
    /* Naming for stack traces (hl-spec.md 7.3): the owner type and field, or the parent function. */
    hli_type *owner;
    uint32_t owner_field;    /* string index of the field/method name; UINT32_MAX = none */
    struct hli_fn *parent;   /* anonymous functions: the named function they belong to */
    uint32_t anon_index;     /* their number within the parent */
} hli_fn;

/* Everything the linker derives from the module (src/exec/link.c). */
typedef struct hli_program {
    hli_module *m;
    hli_fn *fns;              /* nfunctions + nnatives, indexed by findex */
    uint8_t *globals;         /* storage of the globals (zeroed), each at globals_offset[g] */
    uint32_t *globals_offset;
    size_t globals_size;
    hli_uchar **ustrings;     /* lazily made UTF-16 copies of the module strings (non-GC, program life) */
    uint32_t *ustring_lengths;/* their lengths in code units */
    vclosure **static_closures; /* per findex, made on first OStaticClosure (non-GC) */
    hli_type *string_type;    /* the class "String" (NULL if the module has none) */
    struct hli_hash_names *names; /* field-name hashing registry (hl-spec.md 5.1) */
} hli_program;

/* Where a VM's output goes: the host can replace it (hlffi print hook). Default: stdout/stderr. */
typedef void (*hli_print_fn)(void *userdata, const char *utf8, size_t len, bool is_stderr);

struct hlffi_vm {
    hli_mem mem;             /* every allocation of this VM */
    pthread_t owner;         /* the thread that created it: handles freed elsewhere are deferred */
    hli_error error;         /* the last failure, for hlffi_get_error */
    hli_module *module;      /* the loaded, verified module, or NULL */
    hli_program *prog;       /* the linked program, or NULL */
    hli_gc *gc;
    hli_thread *main_thread;
    bool initialized;        /* hlffi_init has run */
    bool entry_done;         /* the entry point has run */
    bool entry_runs_event_loop; /* run the event loop Haxe appends to the entry (hlffi run), or skip it (API) */
    bool strict_natives;     /* refuse modules with natives nobody provides */
    int argc;                /* program arguments (copies) */
    char **argv;
    size_t *argv_sizes;
    char *file_path;         /* the loaded file, for sys_hl_file (NULL when loaded from memory) */
    hli_print_fn print;
    void *print_userdata;
    /* Limits and host control (src/exec/poll.c, src/api/api_limits.c, src/api/api_host.c). */
    uint64_t instruction_budget;  /* per call from the host; 0: none */
    uint32_t time_budget_ms;      /* per call from the host; 0: none */
    uint32_t budgets;             /* either budget is set (one word for the host-call fast path to test) */
    _Atomic uint32_t interrupt;   /* hlffi_vm_interrupt is pending (sticky until a call stops on it) */
    unsigned denied_natives;      /* HLFFI_NATIVES_* families linked as denied (set before loading) */
    hlffi_print_func print_hook;  /* the host's print hook behind `print` (NULL: stdout/stderr) */
    void *print_hook_userdata;
    hlffi_exit_func exit_hook;    /* told of Sys.exit once the call has unwound */
    void *exit_hook_userdata;
    char abort_text[384];         /* why and where the last interrupted call stopped */
    int exit_code;           /* Sys.exit's code after an HLI_ABORT of kind exit */
    bool exited;             /* Sys.exit was called */
    vdynamic *oom_error;     /* preallocated "Out of memory" exception (thrown when nothing can be allocated) */
    int32_t gc_flags;        /* hl.Gc flags as last set (remembered, no effect) */
    int32_t track_bits_global;     /* hl.Profile tracking bits as last set (remembered, nothing is */
    int32_t track_bits_thread_off; /* tracked; the thread's stored inverted: std_profile.c) */
    void *thread_handle;     /* sys.thread.Thread.current()'s handle (a GC block, rooted below) */
    char *exc_message;       /* the recorded exception: Std.string of the value (UTF-8, VM-owned) */
    size_t exc_message_size;
    char *exc_stack;         /* and its stack, one "Called from ..." line per frame */
    size_t exc_stack_size;
    /* The embedding API (src/api): the handle table behind hlffi_value*, whose live slots are GC roots
     * marked through api_roots (called from hli_exec_roots), and the class-name index of the statics. */
    struct hli_handles *handles;
    void (*api_roots)(hli_gc *gc, hlffi_vm *vm);
    struct hli_class_index *classes;
    struct hli_api_types *types; /* wrappers behind hlffi_type* (src/api/api_types_core.c) */
    /* Callbacks, function values and host natives (src/api/api_callbacks.c, api_natives.c). The linker
     * asks host_natives (set once the host registered one) about each native before the VM's own:
     * 1 = bound (fn made HLI_FN_HOST), 0 = not the host's, -1 = refused (error set on vm). */
    struct hli_api_callbacks *callbacks;
    int (*host_natives)(hlffi_vm *vm, hli_fn *fn, const char *lib, const char *name);
    struct hli_caches *caches;   /* cached calls, live and freed (src/api/api_cache.c) */
    struct hli_api_data *data;   /* array/map/bytes classes and field offsets (src/api/api_data.c) */
};

/* Records a failure on the VM and returns code. */
#define HLI_VM_FAIL(vm, code, ...) \
    (hli_error_clear(&(vm)->error), hli_error_raise(&(vm)->error, code, __VA_ARGS__))

#endif
