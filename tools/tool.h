/* The hlffi command's subcommands (tools/). */
#ifndef HLI_TOOL_H
#define HLI_TOOL_H

#include <stdio.h>

/* `hlffi dump FILE.hl`: a readable disassembly on out. Returns the process exit code. */
int hli_tool_dump(const char *path, FILE *out);

#endif
