#!/usr/bin/env python3
# Cross-checks the iteration order of the map natives (src/std/std_maps.c) against
# shared/tools/mapsim.py, the model of HashLink's hash maps, on random insert/remove sequences.

# The sequences cover string and int keys, clear, collisions, growth past the 8-bit/32-bit index
# switch at 128 entries, and non-BMP keys. mapsim.py has no remove: HLMap adds HashLink's (maps.h: unlink, give the slot back to
# the free list with hl_freelist_add). Keys and values are compared after every `K` command.
#
#   check_maps.py DRIVER [--stress] [--sequences N] [--seed S]
import argparse
import contextlib
import io
import os
import random
import subprocess
import sys


def load_mapsim():
    shared = os.environ.get("HLFFI_SHARED_DIR") or os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")
    sys.path.insert(0, os.path.join(shared, "tools"))
    with contextlib.redirect_stdout(io.StringIO()):  # the module prints its own examples
        import mapsim
    return mapsim


mapsim = load_mapsim()


class HLMap(mapsim.Map):
    def remove(s, k):
        """HashLink's remove (maps.h): unlink from the chain, slot back to the free list."""
        if s.cells is None:
            return False
        ck = s.h(k) % s.ncells
        c = s.cells[ck]
        prev = -1
        while c >= 0:
            if s.keys[c] == k:
                s.fl.add_range(c, 1)
                s.nentries -= 1
                s.keys[c] = None
                s.vals[c] = None
                if prev >= 0:
                    s.nexts[prev] = s.nexts[c]
                else:
                    s.cells[ck] = s.nexts[c]
                return True
            prev = c
            c = s.nexts[c]
        return False

    def items(s):
        out = []
        for i in range(s.ncells):
            c = s.cells[i]
            while c >= 0:
                out.append((s.keys[c], s.vals[c]))
                c = s.nexts[c]
        return out


def int_hash(k):
    return k & 0xFFFFFFFF


WORDS = ["one", "two", "three", "four", "five", "six", "seven", "apple", "banana", "cherry", "date", "elder",
         "x", "y", "z", "length", "toString", "h\u00e9llo", "\u65e5\u672c", "\U0001F600", "a\U0001F600b"]


def string_pool(rnd, n):
    pool = list(WORDS)
    while len(pool) < n:
        pool.append("".join(rnd.choice("abcdefghijklmnopqrstuvwxyz0123456789_\u00e9\u4e2d")
                            for _ in range(rnd.randint(1, 12))))
    rnd.shuffle(pool)
    return pool[:n]


def int_pool(rnd, n):
    pool = set()
    while len(pool) < n:
        kind = rnd.random()
        if kind < 0.3:
            pool.add(rnd.randint(-50, 200))
        elif kind < 0.6:
            pool.add(rnd.choice([7, 17, 37, 79, 163]) * rnd.randint(-20, 40))
        elif kind < 0.8:
            pool.add(rnd.randint(-2**31, 2**31 - 1))
        else:
            pool.add(rnd.randint(0, 100000))
    return list(pool)


def make_sequence(rnd, bytes_map):
    """A script for the driver and the expected output from the model."""
    size = rnd.choice([5, 12, 30, 100, 140, 300])
    pool = string_pool(rnd, size) if bytes_map else int_pool(rnd, size)
    model = HLMap(mapsim.hhash if bytes_map else int_hash)
    script = ["B" if bytes_map else "I"]
    expected = []
    steps = rnd.randint(20, 900)
    p_remove = rnd.choice([0.0, 0.1, 0.3, 0.5])
    for step in range(steps):
        r = rnd.random()
        k = rnd.choice(pool)
        if r < 0.004:
            script.append("C")
            model = HLMap(model.h)  # HashLink's clear: back to an empty table
        elif r < 0.004 + p_remove:
            script.append("- %s" % k)
            expected.append("1" if model.remove(k) else "0")
        else:
            model.set(k, step)
            script.append("+ %s %d" % (k, step))
        if rnd.random() < 0.08 or step == steps - 1:
            script.append("K")
            expected.append(" ".join("%s=%d" % kv for kv in model.items()))
    return script, expected


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("driver")
    ap.add_argument("--stress", action="store_true")
    ap.add_argument("--sequences", type=int, default=400)
    ap.add_argument("--seed", type=int, default=20240601)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    script, expected, origin = [], [], []
    # The examples of hl-spec.md 8.4 and the oracle (IntMapOrder, StringMapOrder) first.
    fixed = [("B", ["one", "two", "three", "four", "five", "six", "seven"],
              "two six one seven four three five"),
             ("I", ["10", "3", "7", "100", "1"], "7 1 100 3 10"),
             ("I", ["5", "3", "9", "1", "7"], "7 1 9 3 5"),
             ("B", ["apple", "banana", "cherry", "date", "elder"], "cherry elder date apple banana")]
    for kind, keys, order in fixed:
        script.append(kind)
        for i, k in enumerate(keys):
            script.append("+ %s %d" % (k, i))
        script.append("K")
        expected.append(" ".join("%s=%d" % (k, keys.index(k)) for k in order.split()))
        origin.append("hl-spec/oracle example %s" % order)
    for n in range(args.sequences):
        s, e = make_sequence(rnd, n % 2 == 0)
        script += s
        expected += e
        origin += ["sequence %d (%s map)" % (n, "string" if n % 2 == 0 else "int")] * len(e)
    cmd = [args.driver] + (["--stress"] if args.stress else [])
    res = subprocess.run(cmd, input="\n".join(script) + "\n", capture_output=True, text=True, encoding="utf-8")
    if res.returncode != 0:
        print("driver failed (%d): %s" % (res.returncode, res.stderr))
        return 1
    got = res.stdout.split("\n")[:-1]
    if len(got) != len(expected):
        print("driver printed %d lines, expected %d" % (len(got), len(expected)))
    bad = 0
    for i, (g, e) in enumerate(zip(got, expected)):
        if g != e:
            bad += 1
            if bad <= 5:
                print("mismatch in %s, output line %d:\n  got      %s\n  expected %s" % (origin[i], i + 1, g[:400], e[:400]))
    if bad or len(got) != len(expected):
        print("check_maps: %d mismatches" % bad)
        return 1
    print("check_maps: %d sequences, %d checks, all in HashLink's order" % (args.sequences, len(expected)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
