#!/usr/bin/env python3
# Checks the signature of every native in the registry's tables (src/std/std_*.c) against the
# natives that real Haxe 4.2.5 modules declare (hl-spec.md 6.5 encoding).

# The modules: tests/hx/stdlib/AllStd.hx (the whole std library, -dce no) with the default hl-ver and
# with -D hl-ver=1.12.0, plus tests/std/hx/DynOp.hx (dyn_op, which the 4.2.5 std never declares). The
# signature of a module's native is computed from its type with shared/tools/hlparse.py. Fails when a
# table entry's signature differs, when a native is listed twice, when a native of the tables is
# referenced by none of the modules, or when a std native of the modules is in no table (all 232 of
# hl-spec.md 8.1 are provided; the tooling ones as documented no-ops, docs/internals/natives.md).
#
#   check_signatures.py --haxe HAXE --repo REPO --shared SHARED --out OUTDIR
import argparse
import glob
import os
import re
import subprocess
import sys

CODES = "vcsilfdbBDPOATR??X?N?S?g"
ENTRY = re.compile(r'\{\s*"(\w+)"\s*,\s*"(\w+)"\s*,\s*"([^"]*)"\s*,\s*\w+\s*\}')


def signature(c, ti, kinds, depth=0):
    t = c["types"][ti]
    k = t["kind"]
    s = CODES[k] if k < len(CODES) else "?"
    kn = kinds[k]
    if depth > 32:
        return "?"
    if kn == "fun":
        s += "".join(signature(c, a, kinds, depth + 1) for a in t["args"]) + "_" + signature(c, t["ret"], kinds, depth + 1)
    elif kn in ("ref", "null"):
        s += signature(c, t["tparam"], kinds, depth + 1)
    elif kn == "obj":
        chain = []
        cur = ti
        while cur is not None and cur >= 0 and len(chain) < 64:
            chain.append(cur)
            sup = c["types"][cur]["super"]
            cur = sup if sup is not None and sup >= 0 else None
        for o in reversed(chain):
            for _, ft in c["types"][o]["fields"]:
                s += signature(c, ft, kinds, depth + 1)
        s += "_"
    elif kn == "abstract":
        s += t["name"] + "_"
    return s


def table_entries(repo):
    entries = []
    for path in sorted(glob.glob(os.path.join(repo, "src", "std", "std_*.c"))):
        text = open(path, encoding="utf-8").read()
        for m in ENTRY.finditer(text):
            entries.append((m.group(1), m.group(2), m.group(3), os.path.basename(path)))
    return entries


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--haxe", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    sys.path.insert(0, os.path.join(args.shared, "tools"))
    import hlparse

    os.makedirs(args.out, exist_ok=True)
    stdlib = os.path.join(args.repo, "tests", "hx", "stdlib")
    extra = os.path.join(args.repo, "tests", "std", "hx")
    outs = [os.path.join(args.out, n) for n in ("std-default.hl", "std-hlver112.hl", "dynop.hl")]
    cmd = [args.haxe, "-cp", stdlib, "-main", "AllStd", "-dce", "no", "-hl", outs[0], "--next",
           "-cp", stdlib, "-main", "AllStd", "-dce", "no", "-D", "hl-ver=1.12.0", "-hl", outs[1], "--next",
           "-cp", extra, "-main", "DynOp", "-hl", outs[2]]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        print("haxe failed:\n" + res.stdout + res.stderr)
        return 1

    module = {}  # (lib, name) -> set of signatures
    for path in outs:
        c = hlparse.parse(path)
        for lib, name, t, _ in c["natives"]:
            module.setdefault((lib.lstrip("?"), name), set()).add(signature(c, t, hlparse.KINDS))

    errors = []
    seen = {}
    for lib, name, sig, fname in table_entries(args.repo):
        if (lib, name) in seen:
            errors.append("%s@%s is listed twice (%s and %s)" % (lib, name, seen[(lib, name)], fname))
        seen[(lib, name)] = fname
        sigs = module.get((lib, name))
        if sigs is None:
            errors.append("%s@%s (%s) is referenced by no Haxe 4.2.5 module" % (lib, name, fname))
        elif sigs != {sig}:
            errors.append("%s@%s (%s): table says %s, modules declare %s" % (lib, name, fname, sig, " / ".join(sorted(sigs))))
    missing = sorted(n for (l, n) in module if l == "std" and ("std", n) not in seen)
    for n in missing:
        errors.append("std@%s is declared by the std library but provided by no table" % n)
    for e in errors:
        print("error: " + e)
    print("check_signatures: %d natives in the tables, %d std natives in the modules, %d not provided: %s"
          % (len(seen), sum(1 for (l, _) in module if l == "std"), len(missing), " ".join(missing)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
