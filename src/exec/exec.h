/* Internal interface of the execution layer (threads, stacks, the interpreter, exceptions) for the
 * files of src/exec and for src/api. */
#ifndef HLI_EXEC_EXEC_H
#define HLI_EXEC_EXEC_H

#include "exec/thread.h"

/* How a returning frame hands its result to its caller (hli_frame.ret_mode). */
enum {
    HLI_RET_DIRECT = 0,  /* copy the slot into the caller's register ret_reg */
    HLI_RET_CONVERT = 1, /* dynamic-cast from the callee's return type to ret_conv */
};

HLI_INTERNAL hli_thread *hli_thread_new(hlffi_vm *vm);
HLI_INTERNAL void hli_thread_free(hli_thread *th);
/* Room for nregs registers at the top of the register stack (NULL: stack exhausted). The frame that
 * uses them must then be pushed; hli_stack_release gives them back when it pops. */
HLI_INTERNAL hli_reg *hli_stack_reserve(hli_thread *th, uint32_t nregs);
HLI_INTERNAL void hli_stack_release(hli_thread *th, hli_reg *regs);
HLI_INTERNAL bool hli_frames_grow(hli_thread *th);
/* The collector's root callback (ctx is the VM). */
HLI_INTERNAL void hli_exec_roots(hli_gc *gc, void *ctx);

/* Runs the frame just pushed at index `base` (the top one, at its first op; its code and registers
 * passed as they are) until it returns; its result goes to *result (not NULL). On HLI_EXC/HLI_ABORT
 * every frame from base up has been popped. */
HLI_INTERNAL hli_status hli_interp(hli_thread *th, uint32_t base, const hli_code *code, hli_reg *regs,
                                   hli_reg *result);

/* Pushes a frame for bytecode function fn with its registers zeroed; arguments are written by the
 * caller into the returned registers. Throws "Stack overflow" (returns NULL) at the depth limit. */
HLI_INTERNAL hli_reg *hli_push_frame(hli_thread *th, hli_fn *fn, int32_t ret_reg, uint8_t ret_mode,
                                     hli_type *ret_conv);
HLI_INTERNAL void hli_pop_frame(hli_thread *th);

/* The text of a stack entry as HashLink prints it ("$Main.main(Main.hx:7)"), UTF-8, into buf. */
HLI_INTERNAL void hli_format_stack_entry(hlffi_vm *vm, const hli_stack_entry *e, char *buf, size_t size);
/* Captures the thread's current call stack into out (innermost first); returns the count. */
HLI_INTERNAL uint32_t hli_capture_stack(hli_thread *th, hli_stack_entry *out, uint32_t max);

/* Runs the module's entry point (static init and main) on the main thread; the result is an error
 * code with the VM's error text set (an uncaught exception: HLFFI_ERROR_EXCEPTION_THROWN). */
HLI_INTERNAL hlffi_error_code hli_run_entry(hlffi_vm *vm);
/* Unless vm->entry_runs_event_loop, makes the event-loop call Haxe appends to the entry point a no-op
 * (src/exec/entry_loop.c), so that the entry returns once main() has. */
HLI_INTERNAL hlffi_error_code hli_entry_skip_event_loop(hlffi_vm *vm);
/* Prepares a loaded module for running: link, collector, main thread, constants. */
HLI_INTERNAL hlffi_error_code hli_prepare(hlffi_vm *vm);
HLI_INTERNAL void hli_teardown(hlffi_vm *vm);
/* Writes n bytes of program output through the VM's print hook (the host's, or stdout/stderr). */
HLI_INTERNAL void hli_vm_print(hlffi_vm *vm, const void *s, size_t n, bool is_stderr);
/* Records the main thread's pending exception on the VM (message and stack texts, as HashLink's
 * uncaught report shows them) and returns HLFFI_ERROR_EXCEPTION_THROWN with the message as error. */
HLI_INTERNAL hlffi_error_code hli_report_exception(hlffi_vm *vm);
HLI_INTERNAL void hli_clear_exception(hlffi_vm *vm);

#endif
