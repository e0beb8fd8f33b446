/* How a runtime operation ended. Haxe exceptions and aborts are a status plus state in the thread
 * (hli_thread.exc_value, abort reason); the interpreter unwinds to the nearest trap on HLI_EXC. */
#ifndef HLI_EXEC_STATUS_H
#define HLI_EXEC_STATUS_H

typedef enum hli_status {
    HLI_OK = 0,
    HLI_EXC = 1,   /* a Haxe exception is pending in the thread (catchable by Haxe code) */
    HLI_ABORT = 2, /* an uncatchable stop: Sys.exit, interrupt, budget; unwinds to the host */
} hli_status;

#endif
