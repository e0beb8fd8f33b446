#!/usr/bin/env bash
# Runs corpus programs with the heap verifier at every collection (HLFFI_GC_VERIFY=1) and compares
# their output with the recorded one (tests/hx/expected), as tests/hx/run_expected.sh does.
#   usage: run_verified.sh HLFFI CORPUS_DIR NAME...
set -u
hlffi=$1 corpus=$2
shift 2
expected=$(cd "$(dirname "$0")/../hx/expected" && pwd)
failed=0
for n in "$@"; do
    work=$(mktemp -d)
    (cd "$work" && HLFFI_GC_VERIFY=1 TZ=UTC LC_ALL=C timeout 120 "$hlffi" run "$corpus/$n.hl" </dev/null \
        >"$work/.out" 2>"$work/.err")
    rc=$?
    if [ "$rc" != 0 ] || ! cmp -s "$expected/$n.expected" "$work/.out"; then
        echo "FAIL $n (exit $rc):"
        tail -n 20 "$work/.err"
        diff "$expected/$n.expected" "$work/.out" | head -n 6
        failed=$((failed + 1))
    fi
    rm -rf "$work"
done
echo "verified runs: $(($# - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
