/* exec_variant: runs a module that passed load + verify the way an embedding host that distrusts it
 * would (public API only): memory limit, instruction and time budgets, every system native denied,
 * output dropped, Sys.exit reported to a hook. Used by mutate_corpus --run, replay_crashers and the
 * libFuzzer target fuzz_run, so that all three hold executions to the same promises. */
#ifndef EXEC_VARIANT_H
#define EXEC_VARIANT_H

#include <stddef.h>
#include <stdint.h>

#include "hlffi.h"

typedef struct exec_limits {
    uint32_t time_ms;   /* time budget of the entry call */
    uint64_t ops;       /* instruction budget of the entry call */
    size_t memory;      /* the VM's memory limit */
} exec_limits;

#define EXEC_LIMITS_DEFAULT {200, 3000000, (size_t)64 << 20}

typedef enum exec_outcome {
    EXEC_LOAD_REFUSED, /* hlffi_load_memory refused it (linking, layouts, the memory limit) */
    EXEC_RETURNED,     /* the entry point returned */
    EXEC_THREW,        /* an uncaught Haxe exception */
    EXEC_INTERRUPTED,  /* a budget ran out */
    EXEC_OOM,          /* out of memory */
    EXEC_EXITED,       /* Sys.exit */
    EXEC_BROKEN,       /* a broken promise: an undocumented code, a failure without a message */
    EXEC_OUTCOMES
} exec_outcome;

extern const char *const exec_outcome_names[EXEC_OUTCOMES];

typedef struct exec_result {
    exec_outcome outcome;
    hlffi_error_code load_rc, entry_rc;
    uint64_t printed;   /* bytes the program printed (dropped) */
    char text[256];     /* the error or exception text; for EXEC_BROKEN, what broke */
} exec_result;

/* Creates a VM, loads data into it, calls the entry point and destroys the VM. */
void exec_variant(const uint8_t *data, size_t size, const exec_limits *limits, exec_result *out);

/* Makes stdin read end-of-file (/dev/null), so that a program reading it cannot block. 0 on success. */
int exec_stdin_from_null(void);

#endif
