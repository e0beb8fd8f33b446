#!/usr/bin/env python3
"""Checks the public header against the tests and the library (CTest api_coverage).

Fails when a function declared HLFFI_API in include/hlffi.h
  * is declared more than once,
  * is never called in tests/api/*.c or examples/*/*.c (comments and string literals do not count),
  * or is not exported by the shared library (nm -D).

Usage: check_api_coverage.py <source dir> <libhlffi.so> [nm]
"""
import re
import subprocess
import sys
from pathlib import Path

DECL = re.compile(r"^HLFFI_API\b[^;{]*?\b(hlffi_\w+)\s*\(", re.M)
# Comments, then string and character literals (escapes included): blanked before matching.
NOISE = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)


def declared(header):
    return DECL.findall(header.read_text())


def used_names(paths):
    words = set()
    for p in paths:
        words.update(re.findall(r"\bhlffi_\w+\b", NOISE.sub(" ", p.read_text())))
    return words


def exported(lib, nm):
    out = subprocess.run([nm, "-D", "--defined-only", str(lib)], check=True, capture_output=True, text=True).stdout
    return {line.split()[-1] for line in out.splitlines() if line.strip()}


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    src, lib = Path(sys.argv[1]), Path(sys.argv[2])
    nm = sys.argv[3] if len(sys.argv) > 3 else "nm"
    names = declared(src / "include" / "hlffi.h")
    problems = []
    seen = set()
    for n in names:
        if n in seen:
            problems.append(f"{n}: declared more than once in include/hlffi.h")
        seen.add(n)
    sources = sorted((src / "tests" / "api").glob("*.c")) + sorted((src / "examples").glob("*/*.c"))
    used = used_names(sources)
    problems += [f"{n}: never called in tests/api/*.c or examples/*/*.c" for n in sorted(seen - used)]
    problems += [f"{n}: declared but not exported by {lib.name}" for n in sorted(seen - exported(lib, nm))]
    for p in problems:
        print(p)
    print(f"{len(seen)} functions declared; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
