#!/usr/bin/env python3
# Cross-checks the module builder against the independent parser shared/tools/hlparse.py: runs
# hlb_dump to write sample modules (with a .json of what was written), then parses each .hl with
# hlparse (which also checks that the file ends exactly after the last table) and compares.
# Usage: check_hlparse.py HLB_DUMP_EXE HLPARSE_PY WORKDIR
import importlib.util, json, math, os, subprocess, sys

def main():
    dump, hlparse_path, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    subprocess.run([dump, work], check=True)
    spec = importlib.util.spec_from_file_location("hlparse", hlparse_path)
    hp = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hp)
    failures = 0
    files = sorted(f for f in os.listdir(work) if f.endswith(".hl"))
    if not files:
        print("no sample written"); return 1
    for name in files:
        path = os.path.join(work, name)
        want = json.load(open(path[:-3] + ".json"))
        try:
            got = hp.parse(path)
        except Exception as e:  # hlparse asserts on malformed input
            print("%s: hlparse failed: %r" % (name, e)); failures += 1; continue
        errs = compare(hp, want, got)
        for e in errs[:20]:
            print("%s: %s" % (name, e))
        failures += len(errs)
        # The summary command, as a user would run it.
        out = subprocess.run([sys.executable, hlparse_path, path, "summary"], capture_output=True, text=True)
        expect = "version %d debug %d ints %d floats %d strings %d types %d globals %d natives %d functions %d constants %d entry %d" % (
            want["version"], want["debug"], len(want["ints"]), len(want["floats"]), len(want["strings"]),
            len(want["types"]), len(want["globals"]), len(want["natives"]), len(want["functions"]),
            len(want["constants"]), want["entrypoint"])
        if out.returncode != 0 or out.stdout.strip() != expect:
            print("%s: summary %r != %r (%s)" % (name, out.stdout.strip(), expect, out.stderr.strip()))
            failures += 1
        else:
            print("%s: ok (%s)" % (name, expect))
    if failures:
        print("%d difference(s)" % failures); return 1
    return 0

def same_float(a, b):
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return a == b and math.copysign(1, a) == math.copysign(1, b)

def compare(hp, w, g):
    errs = []
    def eq(what, a, b):
        if a != b: errs.append("%s: builder %r, hlparse %r" % (what, a, b))
    S = w["strings"]
    eq("version", w["version"], g["version"])
    eq("debug", w["debug"], g["debug"])
    eq("entrypoint", w["entrypoint"], g["entrypoint"])
    eq("ints", w["ints"], g["ints"])
    if len(w["floats"]) != len(g["floats"]) or not all(same_float(a, b) for a, b in zip(w["floats"], g["floats"])):
        errs.append("floats: %r != %r" % (w["floats"], g["floats"]))
    eq("strings", S, g["strings"])
    if w["version"] >= 5:
        data = b"".join(bytes(x) for x in w["bytes"])
        eq("bytes data", data, g["bytes_data"])
        pos, p = [], 0
        for x in w["bytes"]: pos.append(p); p += len(x)
        eq("bytes pos", pos, g["bytes_pos"])
    if w["debug"]:
        eq("debug files", w["debugfiles"], g["debugfiles"])
    eq("type count", len(w["types"]), len(g["types"]))
    for i, (wt, gt) in enumerate(zip(w["types"], g["types"])):
        k = wt["kind"]; kn = hp.KINDS[k]
        eq("type %d kind" % i, k, gt["kind"])
        if kn in ("fun", "method"):
            eq("type %d args" % i, wt["args"], gt["args"]); eq("type %d ret" % i, wt["ret"], gt["ret"])
        elif kn in ("obj", "struct"):
            eq("type %d name" % i, S[wt["name"]], gt["name"]); eq("type %d super" % i, wt["super"], gt["super"])
            eq("type %d global" % i, wt["global"], gt["global"])
            eq("type %d fields" % i, [(S[n], t) for n, t in wt["fields"]], gt["fields"])
            eq("type %d proto" % i, [(S[n], f, p) for n, f, p in wt["proto"]], gt["proto"])
            eq("type %d bindings" % i, [tuple(x) for x in wt["bindings"]], gt["bindings"])
        elif kn == "virtual":
            eq("type %d fields" % i, [(S[n], t) for n, t in wt["fields"]], gt["fields"])
        elif kn == "abstract":
            eq("type %d name" % i, S[wt["name"]], gt["name"])
        elif kn == "enum":
            eq("type %d name" % i, S[wt["name"]], gt["name"]); eq("type %d global" % i, wt["global"], gt["global"])
            eq("type %d constructs" % i, [(S[n], p) for n, p in wt["constructs"]], gt["constructs"])
        elif kn in ("ref", "null", "packed"):
            eq("type %d tparam" % i, wt["tparam"], gt["tparam"])
    eq("globals", w["globals"], g["globals"])
    eq("natives", [(S[l], S[n], t, f) for l, n, t, f in w["natives"]], g["natives"])
    eq("function count", len(w["functions"]), len(g["functions"]))
    for i, (wf, gf) in enumerate(zip(w["functions"], g["functions"])):
        eq("function %d type" % i, wf["type"], gf["type"]); eq("function %d findex" % i, wf["findex"], gf["findex"])
        eq("function %d regs" % i, wf["regs"], gf["regs"])
        ops = []
        for o in wf["ops"]:
            name = hp.OPS[o[0]]
            if hp.NARGS[name] == -1:
                ops.append((name, o[1], o[2], o[3]) if name != "OSwitch" else (name, o[1], o[2], o[3]))
            else:
                ops.append(tuple([name] + o[1:]))
        eq("function %d ops" % i, ops, gf["ops"])
        if w["debug"]:
            eq("function %d debug" % i, [tuple(x) for x in wf["debug"]], gf["debug"])
            if w["version"] >= 3:
                eq("function %d assigns" % i, [(S[n], p) for n, p in wf["assigns"]], gf["assigns"])
    eq("constants", [(gl, fl) for gl, fl in w["constants"]], g["constants"])
    return errs

if __name__ == "__main__":
    sys.exit(main())
