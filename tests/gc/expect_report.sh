#!/usr/bin/env bash
# Runs a command that must fail with PATTERN in its output (a memory checker's report).
#   usage: expect_report.sh PATTERN COMMAND...
set -u
pattern=$1
shift
out=$("$@" 2>&1)
rc=$?
if [ "$rc" -eq 0 ]; then
    echo "expected a failure with \"$pattern\", the command succeeded:"
    echo "$out" | tail -n 20
    exit 1
fi
if ! grep -q -- "$pattern" <<<"$out"; then
    echo "expected \"$pattern\" in the output (exit $rc):"
    echo "$out" | tail -n 30
    exit 1
fi
echo "reported as expected: $pattern"
