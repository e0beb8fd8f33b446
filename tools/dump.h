/* Shared pieces of `hlffi dump` (tools/dump*.c): the buffered writer, the dump context (cached type
 * strings, function names, string-constant globals) and the printers of each part. */
#ifndef HLI_TOOL_DUMP_H
#define HLI_TOOL_DUMP_H

/* The listing, in order (tests/dump/crosscheck.py parses it; keep the two in step):
 *
 *   header      "key: value" lines: file, size, version, debug, the counts of every table, the byte
 *               offset of each section ("offsets: ints @19 floats @203 ... end @N"), entrypoint
 *   sections    "== name (count)" then one line per entry: ints "i3 = 42", floats "d0 = 1.5",
 *               strings "s7 = \"text\"" (C escapes), bytes (v5) "b0 @offset (n bytes) = \"...\"",
 *               debugfiles, types, globals, natives "f12: lib name t5 <type>", functions, constants
 *   types       "t12: obj Name extends t10 Super, global g4" followed by "field <absolute index> name: tN",
 *               "proto name fN slot S", "binding <field> name = fN <function name>"; enums list their
 *               constructs "construct 3 Name(tN <type>, ...)"; fun/ref/null/packed end with their raw
 *               type indexes after " ; "
 *   functions   "fn f12 Main.move t15 <type> (function <table index>: <n> regs, <n> ops, code @<offset>)", one
 *               "rN: tN <type>" line per register, one line per op, then "assigns: name@op name@rN"
 *   constants   "c0: g3 s34 i0 ; String {bytes: \"text\", length: 4}"
 *
 * An op line is "<pc>: <OpName> <operands>" where every operand is one token, a role prefix and the
 * raw value in file order: rN register, fN function index, gN global, tN type, iN/dN/sN/bN ints,
 * floats, strings and bytes tables, #N field/slot/construct/parameter index, a bare number for a
 * literal, "->N" for a jump (absolute target pc = pc + 1 + offset; OSwitch ends with "end->N");
 * argument counts are implied by the number of tokens. An annotation may follow after "; ": the
 * source position "file:line" first when the module has debug info, then, two spaces apart, what
 * the operands name (callee, field, string constant, constructor, type ...). */

/* Size of the writer's buffer. */
#define DUMP_BUF_SIZE (1u << 16)

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "load/module.h"

/* A buffered writer to a FILE that tracks the current column (for aligning annotations). */
typedef struct dump_out {
    FILE *file;
    char *buf;
    size_t len, cap;
    size_t col;  /* characters since the last newline */
    bool failed; /* a write failed or memory ran out */
} dump_out;

/* The owner of a function, as the reference runtime names frames (hl-spec.md 7.3). */
typedef struct dump_fname {
    const hli_type *owner; /* the HOBJ/HSTRUCT whose proto or binding names this function, or NULL */
    int32_t field;         /* its field/proto name (string index), or -1 */
    bool is_init;          /* the entry point without an owner: ".init" */
    int32_t parent;        /* anonymous function: findex of the named function it belongs to, or -1 */
    uint32_t n;            /* anonymous function: its number under parent */
    uint32_t counter;      /* named function: anonymous functions numbered so far */
} dump_fname;

typedef struct dump_ctx {
    const hli_module *m;
    dump_out *out;
    char **tstr;          /* per type index: hli_type_str text, computed on first use */
    dump_fname *fnames;   /* per findex */
    int32_t *global_const; /* per global: index of the constant that initialises it, or -1 */
    uint32_t *bytes_len;  /* per bytes entry (v5): its length, up to the next larger start offset */
} dump_ctx;

/* Writer. Every function is a no-op once out->failed is set. */
void dump_puts(dump_out *o, const char *s);
void dump_putn(dump_out *o, const char *s, size_t n);
void dump_printf(dump_out *o, const char *fmt, ...) HLI_PRINTF(2, 3);
/* Spaces up to column col (at least one space). */
void dump_pad(dump_out *o, size_t col);
/* s[0..n) in double quotes with C escapes; bytes >= 0x80 are kept (UTF-8 text) unless raw_bytes.
 * At most max bytes are shown (0 = all), followed by "..." after the closing quote when cut. */
void dump_quoted(dump_out *o, const char *s, size_t n, size_t max, bool raw_bytes);
/* As dump_quoted without the quotes and with no limit (file names in positions). */
void dump_escaped(dump_out *o, const char *s, size_t n);
/* A double that reads back to the same value, independent of the locale ("nan", "inf", "-inf"). */
void dump_double(dump_out *o, double v);
void dump_flush(dump_out *o);

/* Context queries. */
const char *dump_type_str(dump_ctx *c, const hli_type *t);
/* The readable name of findex f (see hl-spec.md 7.3): "Main.move", "$Main.~main.0", ".init",
 * "native std.print", "fun@12"; "?" when f is out of range. */
void dump_fun_name(dump_ctx *c, dump_out *o, uint32_t f);
/* Prints string i of the module quoted (cut after max bytes, 0 = all), or "?" when out of range. */
void dump_string(dump_ctx *c, uint32_t i, size_t max);

/* Builds the function names (hl-spec.md 7.3); returns false when memory runs out. */
bool dump_names_init(dump_ctx *c);
/* The functions section: every function with its registers, ops and positions. */
void dump_functions(dump_ctx *c);

#endif
