#!/usr/bin/env python3
# Checks the behaviour of the hlffi command line: --version, --help, usage errors, missing and garbage
# files, `run` and `dump` on modules that verify and that only load.
"""usage: cli_test.py HLFFI_BINARY WORKDIR"""
import os
import struct
import subprocess
import sys


def vi(n):
    """The file format's variable-length index (hl-spec.md 1.1), for small non-negative values."""
    assert 0 <= n < 0x80
    return bytes([n])


def tiny_module(ret_reg):
    """A version-4 module without debug info: types void and () -> void, one function f0 (the entry
    point) with one void register whose only op is `ORet r<ret_reg>`. With ret_reg 0 it verifies;
    with an out-of-range register the loader accepts it (operands are the verifier's business)."""
    b = b"HLB" + bytes([4]) + vi(0)                # magic, version, flags
    b += vi(0) + vi(0) + vi(0)                      # ints, floats, strings
    b += vi(2) + vi(0) + vi(0) + vi(1) + vi(0)      # types, globals, natives, functions, constants
    b += vi(0)                                      # entry point
    b += struct.pack("<i", 0)                       # empty string block
    b += bytes([0]) + bytes([10, 0]) + vi(0)        # t0 void, t1 fun () -> t0
    b += vi(1) + vi(0) + vi(1) + vi(1) + vi(0)      # function: type t1, findex 0, 1 reg, 1 op, r0: t0
    b += bytes([67]) + vi(ret_reg)                  # ORet
    return b


failures = []


def run(binary, args, want_rc, stdout_has=None, stderr_has=None, stdout_empty=False):
    p = subprocess.run([binary] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    what = "hlffi " + " ".join(args)
    problems = []
    if p.returncode != want_rc:
        problems.append("exit code %d, expected %d" % (p.returncode, want_rc))
    if stdout_has is not None and stdout_has not in out:
        problems.append("stdout lacks %r" % stdout_has)
    if stderr_has is not None and stderr_has not in err:
        problems.append("stderr lacks %r" % stderr_has)
    if stdout_empty and out:
        problems.append("unexpected stdout %r" % out[:200])
    for pr in problems:
        failures.append("%s: %s (stdout %r, stderr %r)" % (what, pr, out[:200], err[:200]))
    return out


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, work = argv[1], argv[2]
    os.makedirs(work, exist_ok=True)
    good = os.path.join(work, "tiny.hl")
    unverified = os.path.join(work, "tiny_bad_register.hl")
    garbage = os.path.join(work, "garbage.hl")
    missing = os.path.join(work, "missing.hl")
    with open(good, "wb") as f:
        f.write(tiny_module(0))
    with open(unverified, "wb") as f:
        f.write(tiny_module(5))
    with open(garbage, "wb") as f:
        f.write(b"this is not HashLink bytecode\n" * 4)
    if os.path.exists(missing):
        os.remove(missing)

    run(binary, ["--version"], 0, stdout_has="hlffi")
    run(binary, ["--help"], 0, stdout_has="usage")
    run(binary, [], 2, stderr_has="usage", stdout_empty=True)
    run(binary, ["frobnicate"], 2, stderr_has="unknown command", stdout_empty=True)
    run(binary, ["check", missing], 1, stderr_has=missing, stdout_empty=True)
    run(binary, ["check", garbage], 1, stderr_has=garbage, stdout_empty=True)
    run(binary, ["check", good], 0, stdout_empty=True)
    run(binary, ["check"], 2, stdout_empty=True)
    # The tiny module's entry point just returns: nothing printed, exit code 0.
    run(binary, ["run", good], 0, stdout_empty=True)
    run(binary, ["run", "--strict", good], 0, stdout_empty=True)
    run(binary, ["check", "--strict", good], 0, stdout_empty=True)
    run(binary, ["run", missing], 1, stderr_has=missing, stdout_empty=True)
    run(binary, ["run"], 2, stdout_empty=True)
    run(binary, ["dump"], 2, stdout_empty=True)
    run(binary, ["dump", missing], 1, stderr_has=missing, stdout_empty=True)
    run(binary, ["dump", garbage], 1, stderr_has="HLB", stdout_empty=True)
    out = run(binary, ["dump", good], 0)
    for want in ("version: 4\n", "functions: 1\n", "entrypoint: f0 .init\n", "fn f0 .init t1 (void ())",
                 "  r0: t0 void\n", "     0: ORet r0\n"):
        if want not in out:
            failures.append("hlffi dump %s: output lacks %r" % (good, want))
    # A module that loads but does not verify: the listing is printed, then the verifier's reason.
    out = run(binary, ["dump", unverified], 1, stdout_has="     0: ORet r5\n", stderr_has=unverified)
    run(binary, ["check", unverified], 1, stderr_has=unverified, stdout_empty=True)
    # Deterministic output.
    if run(binary, ["dump", good], 0) != run(binary, ["dump", good], 0):
        failures.append("hlffi dump is not deterministic")

    for f in failures:
        print("cli_test: " + f)
    print("cli_test: %s" % ("%d failures" % len(failures) if failures else "all checks passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
