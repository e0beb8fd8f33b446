#!/usr/bin/env bash
# Runs every corpus program that has a recorded expected output (tests/hx/expected, recorded from a
# reference HashLink: see record_expected.sh) on hlffi and compares stdout byte for byte and the exit
# code. Same conditions as the recording: TZ=UTC LC_ALL=C, no arguments, empty stdin, fresh directory.
# Environment variables (HLFFI_GC_STRESS...) reach the VM.
#   usage: run_expected.sh HLFFI_BINARY CORPUS_DIR [SKIP...]
set -u
hlffi=$1 corpus=$2
shift 2
skip=" $* "
here=$(cd "$(dirname "$0")" && pwd)
passed=0 failed=0
for exp in "$here"/expected/*.expected; do
    n=$(basename "$exp" .expected)
    [[ "$skip" == *" $n "* ]] && continue
    if [ ! -f "$corpus/$n.hl" ]; then
        echo "FAIL $n: $corpus/$n.hl is missing"
        failed=$((failed + 1))
        continue
    fi
    work=$(mktemp -d)
    (cd "$work" && TZ=UTC LC_ALL=C timeout 20 "$hlffi" run "$corpus/$n.hl" </dev/null >"$work/.out" 2>"$work/.err")
    rc=$?
    want=0
    [ -f "$here/expected/$n.exit" ] && want=$(cat "$here/expected/$n.exit")
    if ! cmp -s "$exp" "$work/.out"; then
        echo "FAIL $n: stdout differs (exit $rc):"
        diff "$exp" "$work/.out" | head -n 6 | sed 's/^/    /'
        failed=$((failed + 1))
    elif [ "$rc" != "$want" ]; then
        echo "FAIL $n: exit code $rc, expected $want"
        failed=$((failed + 1))
    else
        passed=$((passed + 1))
    fi
    rm -rf "$work"
done
echo "hx expected outputs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
