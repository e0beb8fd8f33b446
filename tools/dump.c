/* `hlffi dump`: placeholder until the disassembler lands. */
#include "tool.h"

int hli_tool_dump(const char *path, FILE *out) {
    (void)out;
    fprintf(stderr, "hlffi: %s: dump is not written yet\n", path);
    return 2;
}
