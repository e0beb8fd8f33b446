#!/usr/bin/env python3
"""Opcode and type-kind coverage of a set of .hl files.

Usage: coverage.py [--shared DIR] [--quiet] [--flat] FILE.hl|DIR ...

Directories are searched recursively for *.hl (with --flat: only the directory's own files, e.g.
the corpus's programs without its oracle/ and stdlib/ subdirectories). --quiet leaves out the tables. For every opcode 0..98 (the ones Haxe 4.2.5 can write,
hl-spec.md 3.2) the report gives how many times it appears and in how many files, then the list of
opcodes never seen; the same for type kinds 0..23 (hl-spec.md 2.1). Opcodes and kinds that Haxe 4.2.5
cannot emit are listed separately with the reason. Exit status: 0 when every emittable opcode and kind
was seen, 1 when one is missing, 2 on usage or parse errors.

The parser is shared/tools/hlparse.py, found in --shared DIR, else $HLFFI_SHARED_DIR, else
<repository>/../shared.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared"))

# Opcodes 0..98 are the ones hlcode.ml (Haxe 4.2.5) knows. These are in that list but never written:
NOT_EMITTED_OPS = {
    "ONop": "genhl never generates it; only the optimizer (hlopt.ml) rewrites dead ops to ONop, and "
            "remap_fun drops every ONop before the function is written; with -D hl-no-opt the optimizer "
            "does not run at all",
}
# Opcodes 99..101 are newer than Haxe 4.2.5 (not in hlcode.ml): they are outside the checked range.
NEWER_OPS = {"OPrefetch": "HL >= 1.14, not in Haxe 4.2.5's hlcode.ml",
             "OAsm": "HL >= 1.14, not in Haxe 4.2.5's hlcode.ml",
             "OCatch": "HL 1.16 / Haxe 5, not in Haxe 4.2.5's hlcode.ml"}
NOT_EMITTED_KINDS = {
    "packed": "HPACKED is Haxe 4.3+ (@:packed fields); Haxe 4.2.5's hlcode.ml has no such type",
    "guid": "HGUID is HL 1.15+; no Haxe 4.x version emits it",
}


def load_hlparse(shared):
    tools = os.path.join(shared, "tools")
    if not os.path.isfile(os.path.join(tools, "hlparse.py")):
        sys.stderr.write("coverage.py: hlparse.py not found in %s\n" % tools)
        sys.exit(2)
    sys.path.insert(0, tools)
    import hlparse  # noqa: E402
    return hlparse


def collect(paths, flat):
    files = []
    for p in paths:
        if os.path.isdir(p) and flat:
            files.extend(os.path.join(p, n) for n in sorted(os.listdir(p)) if n.endswith(".hl"))
        elif os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                for n in sorted(names):
                    if n.endswith(".hl"):
                        files.append(os.path.join(root, n))
        else:
            files.append(p)
    return files


def main(argv):
    shared = os.environ.get("HLFFI_SHARED_DIR") or DEFAULT_SHARED
    quiet = False
    flat = False
    args = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--shared":
            i += 1
            shared = argv[i]
        elif a == "--quiet":
            quiet = True
        elif a == "--flat":
            flat = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            args.append(a)
        i += 1
    if not args:
        sys.stderr.write(__doc__)
        return 2
    hp = load_hlparse(shared)
    files = collect(args, flat)
    if not files:
        sys.stderr.write("coverage.py: no .hl files given\n")
        return 2

    nops = 99  # 0..98
    op_count = [0] * len(hp.OPS)
    op_files = [0] * len(hp.OPS)
    kind_count = [0] * len(hp.KINDS)
    kind_files = [0] * len(hp.KINDS)
    op_index = {name: i for i, name in enumerate(hp.OPS)}
    bad = 0
    for f in files:
        try:
            c = hp.parse(f)
        except Exception as e:  # report and go on: the file is broken, the others still count
            sys.stderr.write("coverage.py: cannot parse %s: %r\n" % (f, e))
            bad += 1
            continue
        seen_ops = set()
        for fn in c["functions"]:
            for o in fn["ops"]:
                k = op_index[o[0]]
                op_count[k] += 1
                seen_ops.add(k)
        for k in seen_ops:
            op_files[k] += 1
        seen_kinds = set()
        for t in c["types"]:
            kind_count[t["kind"]] += 1
            seen_kinds.add(t["kind"])
        for k in seen_kinds:
            kind_files[k] += 1

    out = []
    out.append("hl files: %d%s" % (len(files), (" (%d unparsable)" % bad) if bad else ""))
    if not quiet:
        out.append("")
        out.append("%-4s %-18s %10s %6s" % ("#", "opcode", "count", "files"))
        for i in range(len(hp.OPS)):
            out.append("%-4d %-18s %10d %6d" % (i, hp.OPS[i], op_count[i], op_files[i]))
        out.append("")
        out.append("%-4s %-10s %8s %6s" % ("#", "kind", "types", "files"))
        for i in range(len(hp.KINDS)):
            out.append("%-4d %-10s %8d %6d" % (i, hp.KINDS[i], kind_count[i], kind_files[i]))
        out.append("")

    missing_ops = [hp.OPS[i] for i in range(nops) if op_count[i] == 0 and hp.OPS[i] not in NOT_EMITTED_OPS]
    missing_kinds = [hp.KINDS[i] for i in range(len(hp.KINDS)) if kind_count[i] == 0 and hp.KINDS[i] not in NOT_EMITTED_KINDS]
    out.append("opcodes seen: %d of %d emittable (0..98 minus %d not emitted by Haxe 4.2.5)"
               % (sum(1 for i in range(nops) if op_count[i] and hp.OPS[i] not in NOT_EMITTED_OPS),
                  nops - len(NOT_EMITTED_OPS), len(NOT_EMITTED_OPS)))
    out.append("missing opcodes: " + (" ".join(missing_ops) if missing_ops else "none"))
    for name, why in sorted(NOT_EMITTED_OPS.items()):
        seen = op_count[op_index[name]]
        out.append("not emitted by Haxe 4.2.5: %s (%s)%s" % (name, why, " -- SEEN %d times!" % seen if seen else ""))
    for name, why in NEWER_OPS.items():
        seen = op_count[op_index[name]] if name in op_index else 0
        out.append("not emitted by Haxe 4.2.5: %s (%s)%s" % (name, why, " -- SEEN %d times!" % seen if seen else ""))
    out.append("type kinds seen: %d of %d emittable"
               % (sum(1 for i in range(len(hp.KINDS)) if kind_count[i] and hp.KINDS[i] not in NOT_EMITTED_KINDS),
                  len(hp.KINDS) - len(NOT_EMITTED_KINDS)))
    out.append("missing type kinds: " + (" ".join(missing_kinds) if missing_kinds else "none"))
    for name, why in NOT_EMITTED_KINDS.items():
        seen = kind_count[hp.KINDS.index(name)]
        out.append("not emitted by Haxe 4.2.5: kind %s (%s)%s" % (name, why, " -- SEEN %d times!" % seen if seen else ""))
    print("\n".join(out))
    if bad:
        return 2
    return 1 if (missing_ops or missing_kinds) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
