#!/usr/bin/env bash
# Records the expected outputs of the corpus programs from a *reference HashLink* (`hl`, built
# separately from HashLink's public repository; nothing here builds or fetches it): for each
# CORPUS_DIR/<Name>.hl, tests/hx/expected/<Name>.expected (stdout) and <Name>.exit (exit code when
# not 0), run as the oracle was: TZ=UTC LC_ALL=C, no arguments, empty stdin, in a fresh directory.
# Programs whose output depends on the machine are listed in tests/hx/expected/SKIP and not recorded.
#   usage: record_expected.sh HL_BINARY CORPUS_DIR [NAME...]
set -eu
hl=$1 corpus=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
out="$here/expected"
mkdir -p "$out"
names=${*:-$(cd "$corpus" && ls *.hl | sed 's/\.hl$//')}
for n in $names; do
    grep -qx "$n" "$out/SKIP" 2>/dev/null && continue
    work=$(mktemp -d)
    rc=0
    (cd "$work" && TZ=UTC LC_ALL=C timeout 20 "$hl" "$corpus/$n.hl" </dev/null >"$out/$n.expected" 2>/dev/null) || rc=$?
    rm -rf "$work"
    rm -f "$out/$n.exit"
    [ "$rc" != 0 ] && echo "$rc" >"$out/$n.exit"
    echo "$n: exit $rc, $(wc -l <"$out/$n.expected") lines"
done
