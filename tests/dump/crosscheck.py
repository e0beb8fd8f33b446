#!/usr/bin/env python3
# Cross-checks `hlffi dump` (and so hlffi's loader and op decoder) against the independent parser
# shared/tools/hlparse.py: header counts, tables, types, globals, natives, every op and its position.
"""usage: crosscheck.py HLFFI_BINARY (FILE.hl | DIR)...

A DIR stands for every .hl file under it (recursively, sorted). For each file, runs `HLFFI_BINARY dump FILE.hl` and hlparse.parse(FILE.hl) and compares: the header
(version, debug flag, every count, entry point), ints, floats, strings, bytes entries, debug files,
types, globals, natives, constants, and every function (findex, type, registers, ops with their raw
operand values in file order, and the (file, line) of each op when there is debug info). Prints the
first difference of each file; exits 1 if any file differs. The shared folder is $HLFFI_SHARED_DIR,
default <repo>/../shared. A dump that exits 1 only because verification failed is still compared."""
import math
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("HLFFI_SHARED_DIR") or os.path.join(HERE, "..", "..", "..", "shared")
sys.path.insert(0, os.path.join(SHARED, "tools"))
import hlparse  # noqa: E402

# hli_kind_name, indexed by kind number.
KIND_NAMES = ["void", "i8", "i16", "i32", "i64", "f32", "f64", "bool", "bytes", "dynamic", "fun", "obj",
              "array", "type", "ref", "virtual", "dynobj", "abstract", "enum", "null", "method", "struct",
              "packed", "guid"]

# Operand tokens of an op line: a role prefix and the raw value; jumps are printed as absolute targets.
TOKEN = re.compile(r"^(?:[a-z#]?)(-?\d+)$")
JUMP = re.compile(r"^(?:end)?->(-?\d+)$")


class Mismatch(Exception):
    pass


def esc(s, raw_bytes=False):
    """The dump's escaping (dump_escaped / dump_quoted without the quotes)."""
    b = s.encode("utf-8", "surrogatepass") if isinstance(s, str) else bytes(s)
    out = bytearray()
    simple = {0x22: b'\\"', 0x5C: b"\\\\", 0x0A: b"\\n", 0x0D: b"\\r", 0x09: b"\\t"}
    for ch in b:
        if ch in simple:
            out += simple[ch]
        elif ch < 0x20 or ch == 0x7F or (raw_bytes and ch >= 0x80):
            out += b"\\x%02x" % ch
        else:
            out.append(ch)
    return out.decode("utf-8", "surrogateescape")


def quoted(s, maxlen=0, raw_bytes=False):
    b = s.encode("utf-8", "surrogatepass") if isinstance(s, str) else bytes(s)
    cut = maxlen > 0 and len(b) > maxlen
    if cut:
        n = maxlen
        if not raw_bytes:
            while n > 0 and (b[n] & 0xC0) == 0x80:
                n -= 1
        b = b[:n]
    return '"' + esc(b, raw_bytes) + ('"...' if cut else '"')


def run_dump(binary, path):
    p = subprocess.run([binary, "dump", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = p.stdout.decode("utf-8", "surrogateescape")
    err = p.stderr.decode("utf-8", "replace").strip()
    if p.returncode not in (0, 1) or (p.returncode == 1 and not out):
        raise Mismatch("hlffi dump exited %d: %s" % (p.returncode, err))
    return out.split("\n")


def split_sections(lines):
    """{'header': [...], 'ints': [...], ...}: the lines of each '== name' section."""
    sections = {"header": []}
    cur = sections["header"]
    for line in lines:
        if line.startswith("== "):
            cur = sections.setdefault(line[3:].split(" ")[0], [])
        elif line:
            cur.append(line)
    return sections


def expect(what, got, want):
    if got != want:
        raise Mismatch("%s: dump has %r, hlparse has %r" % (what, got, want))


def expect_lines(what, got, want):
    """Compares line lists; each wanted entry is a full line or a (prefix,) tuple."""
    for i in range(max(len(got), len(want))):
        g = got[i] if i < len(got) else "<missing>"
        if i >= len(want):
            raise Mismatch("%s: extra line %r" % (what, g))
        w = want[i]
        if isinstance(w, tuple):
            if not g.startswith(w[0]):
                raise Mismatch("%s: line %d is %r, expected it to start with %r" % (what, i, g, w[0]))
        elif g != w:
            raise Mismatch("%s: line %d is %r, expected %r" % (what, i, g, w))


def after_note(line):
    """The part of a line after its last ' ; ' (the raw indexes of type lines)."""
    i = line.rfind(" ; ")
    return line[i + 3:] if i >= 0 else None


def check_header(sec, c):
    h = {}
    for line in sec:
        k, _, v = line.partition(": ")
        h[k] = v
    counts = [("version", c["version"]), ("debug", c["debug"]), ("ints", len(c["ints"])),
              ("floats", len(c["floats"])), ("strings", len(c["strings"])),
              ("bytes", len(c.get("bytes_pos", []))), ("types", len(c["types"])),
              ("globals", len(c["globals"])), ("natives", len(c["natives"])),
              ("functions", len(c["functions"])), ("constants", len(c["constants"])),
              ("debugfiles", len(c.get("debugfiles", [])))]
    for k, v in counts:
        expect("header " + k, h.get(k), str(v))
    expect("header entrypoint", (h.get("entrypoint") or "").split(" ")[0], "f%d" % c["entrypoint"])


def check_tables(secs, c):
    expect_lines("ints", secs.get("ints", []), ["  i%d = %d" % (i, v) for i, v in enumerate(c["ints"])])
    got = secs.get("floats", [])
    expect("float count", len(got), len(c["floats"]))
    for i, v in enumerate(c["floats"]):
        text = got[i].partition(" = ")[2]
        g = float(text)
        same = (math.isnan(g) and math.isnan(v)) or (g == v and math.copysign(1, g) == math.copysign(1, v))
        if not got[i].startswith("  d%d = " % i) or not same:
            raise Mismatch("float %d: dump has %r, hlparse has %r" % (i, got[i], v))
    expect_lines("strings", secs.get("strings", []),
                 ["  s%d = %s" % (i, quoted(s)) for i, s in enumerate(c["strings"])])
    if c["version"] >= 5:
        pos, data = c["bytes_pos"], c["bytes_data"]
        want = []
        for i, p in enumerate(pos):
            end = min([q for q in pos if q > p] + [len(data)])
            want.append("  b%d @%d (%d bytes) = %s" % (i, p, end - p, quoted(data[p:end], 64, True)))
        expect_lines("bytes", secs.get("bytes", []), want)
    if c["debug"]:
        expect_lines("debugfiles", secs.get("debugfiles", []),
                     ["  %d = %s" % (i, quoted(s)) for i, s in enumerate(c["debugfiles"])])


def obj_fields(c, ti):
    """All fields (inherited first) of object type ti: [(name, type)]."""
    chain = []
    while ti >= 0:
        chain.append(c["types"][ti])
        ti = c["types"][ti]["super"]
    return [f for t in reversed(chain) for f in t["fields"]]


def check_types(sec, c):
    types = c["types"]
    i = 0  # line index in sec
    for ti, t in enumerate(types):
        kn = KIND_NAMES[t["kind"]]
        head = "  t%d: %s" % (ti, kn)
        if i >= len(sec):
            raise Mismatch("types: missing t%d" % ti)
        line = sec[i]
        i += 1
        want = []
        if not (line == head or line.startswith(head + " ")):
            raise Mismatch("types: line %r, expected %r" % (line, head))
        if kn in ("fun", "method"):
            expect("t%d raw" % ti, after_note(line),
                   "(%s) -> t%d" % (" ".join("t%d" % a for a in t["args"]), t["ret"]))
        elif kn in ("ref", "null", "packed"):
            expect("t%d raw" % ti, after_note(line), "t%d" % t["tparam"])
        elif kn == "abstract":
            expect("t%d" % ti, line, head + " " + esc(t["name"]))
        elif kn in ("obj", "struct"):
            w = head + " " + esc(t["name"])
            if t["super"] >= 0:
                w += " extends t%d %s" % (t["super"], esc(types[t["super"]]["name"]))
            if t["global"]:
                w += ", global g%d" % (t["global"] - 1)
            expect("t%d" % ti, line, w)
            allf = obj_fields(c, ti)
            base = len(allf) - len(t["fields"])
            for k, (n, ft) in enumerate(t["fields"]):
                want.append(("      field %d %s: t%d " % (base + k, esc(n), ft),))
            for n, fx, slot in t["proto"]:
                want.append("      proto %s f%d slot %d" % (esc(n), fx, slot))
            for fid, fx in t["bindings"]:
                want.append(("      binding %d %s = f%d " % (fid, esc(allf[fid][0]), fx),))
        elif kn == "virtual":
            expect("t%d" % ti, line, "%s (%d fields)" % (head, len(t["fields"])))
            for k, (n, ft) in enumerate(t["fields"]):
                want.append(("      field %d %s: t%d " % (k, esc(n), ft),))
        elif kn == "enum":
            w = head + " " + esc(t["name"])
            if t["global"]:
                w += ", global g%d" % (t["global"] - 1)
            expect("t%d" % ti, line, w)
            for k, (n, params) in enumerate(t["constructs"]):
                want.append(("      construct %d %s(" % (k, esc(n)), params))
        else:
            expect("t%d" % ti, line, head)
        for w in want:
            g = sec[i] if i < len(sec) else "<missing>"
            i += 1
            if isinstance(w, str):
                expect("t%d member" % ti, g, w)
            elif not g.startswith(w[0]):
                raise Mismatch("t%d member: %r, expected it to start with %r" % (ti, g, w[0]))
            elif len(w) > 1:  # enum construct parameters: "(t3 i32, t13 String)"
                got = [int(x) for x in re.findall(r"(?:\(|, )t(\d+) ", g[len(w[0]) - 1:])]
                expect("t%d construct params" % ti, got, w[1])
    if i != len(sec):
        raise Mismatch("types: extra line %r" % sec[i])


def check_globals_natives_constants(secs, c):
    expect_lines("globals", secs.get("globals", []),
                 [("  g%d: t%d " % (g, t),) for g, t in enumerate(c["globals"])])
    expect_lines("natives", secs.get("natives", []),
                 [("  f%d: %s %s t%d " % (fx, esc(lib), esc(name), t),) for lib, name, t, fx in c["natives"]])
    want = []
    for k, (g, vals) in enumerate(c["constants"]):
        kinds = [c["types"][ft]["kind"] for _, ft in obj_fields(c, c["globals"][g])]
        toks = []
        for kind, v in zip(kinds, vals):
            role = {3: "i", 7: "", 6: "d", 8: "s", 13: "t"}.get(kind, "g")
            toks.append("%s%d" % (role, v))
        want.append(("  c%d: g%d %s ; " % (k, g, " ".join(toks)),))
    expect_lines("constants", secs.get("constants", []), want)


def norm_hlparse_op(o):
    """(name, [raw operand values in file order, without the argument counts])."""
    name = o[0]
    if name == "OSwitch":
        return name, [o[1]] + list(o[2]) + [o[3]]
    if len(o) == 4 and isinstance(o[3], list):
        return name, [o[1], o[2]] + list(o[3])
    return name, list(o[1:])


def norm_dump_op(core, pc):
    toks = core.split()
    vals = []
    for t in toks[2:]:
        m = JUMP.match(t)
        if m:
            vals.append(int(m.group(1)) - pc - 1)
            continue
        m = TOKEN.match(t)
        if not m:
            raise Mismatch("op %d: cannot read operand %r in %r" % (pc, t, core))
        vals.append(int(m.group(1)))
    return toks[1], vals


def check_functions(sec, c, stats):
    funs = c["functions"]
    i = 0
    dbg_files = c.get("debugfiles", [])
    for fi, f in enumerate(funs):
        where = "function %d (f%d)" % (fi, f["findex"])
        line = sec[i] if i < len(sec) else "<missing>"
        i += 1
        if not line.startswith("fn f%d " % f["findex"]):
            raise Mismatch("%s: header %r" % (where, line))
        tail = " t%d " % f["type"]
        counts = "(function %d: %d regs, %d ops, code @" % (fi, len(f["regs"]), len(f["ops"]))
        if tail not in line or counts not in line:
            raise Mismatch("%s: header %r, expected type t%d, %d regs, %d ops" %
                           (where, line, f["type"], len(f["regs"]), len(f["ops"])))
        for r, rt in enumerate(f["regs"]):
            g = sec[i] if i < len(sec) else "<missing>"
            i += 1
            if not g.startswith("  r%d: t%d " % (r, rt)):
                raise Mismatch("%s: register line %r, expected r%d: t%d" % (where, g, r, rt))
        for pc, o in enumerate(f["ops"]):
            g = sec[i] if i < len(sec) else "<missing>"
            i += 1
            core, sep, note = g.partition(";")
            core = core.strip()
            if not core.startswith("%d: " % pc) and core != "%d:" % pc:
                raise Mismatch("%s: op %d line %r" % (where, pc, g))
            got = norm_dump_op(core, pc)
            want = norm_hlparse_op(o)
            if got != want:
                raise Mismatch("%s op %d: dump has %s %s, hlparse has %s %s" %
                               (where, pc, got[0], got[1], want[0], want[1]))
            if c["debug"]:
                fidx, ln = f["debug"][pc]
                pos = "%s:%d" % (esc(dbg_files[fidx]) if 0 <= fidx < len(dbg_files) else "?", ln)
                note = note[1:] if note.startswith(" ") else note
                if not (note == pos or note.startswith(pos + "  ")):
                    raise Mismatch("%s op %d: position %r, hlparse has %r" % (where, pc, note, pos))
                stats["positions"] += 1
            stats["ops"] += 1
        if i < len(sec) and sec[i].startswith("  assigns:"):
            names = re.findall(r" (\S+?)@(r?-?\d+)", sec[i])
            want = [(esc(n), ("r%d" % (-p - 1)) if p < 0 else str(p)) for n, p in f.get("assigns", [])]
            expect(where + " assigns", names, want)
            i += 1
        elif f.get("assigns"):
            raise Mismatch("%s: assigns missing" % where)
        stats["functions"] += 1
    if i != len(sec):
        raise Mismatch("functions: extra line %r" % sec[i])


def check_file(binary, path, stats):
    c = hlparse.parse(path)
    secs = split_sections(run_dump(binary, path))
    check_header(secs["header"], c)
    check_tables(secs, c)
    check_types(secs.get("types", []), c)
    check_globals_natives_constants(secs, c)
    check_functions(secs.get("functions", []), c, stats)


def expand(args):
    """The files named by args: files as given, directories as every .hl file under them."""
    files = []
    for a in args:
        if os.path.isdir(a):
            found = []
            for root, _, names in os.walk(a):
                found += [os.path.join(root, n) for n in names if n.endswith(".hl")]
            files += sorted(found)
        else:
            files.append(a)
    return files


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    binary = argv[1]
    files = expand(argv[2:])
    if not files:
        print("crosscheck: no .hl file in %s" % " ".join(argv[2:]))
        return 1
    stats = {"files": 0, "functions": 0, "ops": 0, "positions": 0}
    differences = 0
    for path in files:
        try:
            check_file(binary, path, stats)
        except Mismatch as e:
            differences += 1
            print("crosscheck: %s: %s" % (path, e))
        except Exception as e:  # hlparse failing on a file is a difference too
            differences += 1
            print("crosscheck: %s: %s: %s" % (path, type(e).__name__, e))
        stats["files"] += 1
    print("crosscheck: %d files, %d functions, %d ops compared, %d differences" %
          (stats["files"], stats["functions"], stats["ops"], differences))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
