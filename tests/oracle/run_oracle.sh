#!/usr/bin/env bash
# Runs HashLink's oracle corpus (../shared/oracle: programs with HashLink's real output) on hlffi and
# compares the failures with tests/oracle/pending.txt, the programs that wait for natives of a later
# milestone (each listed with the natives it waits for). Fails when a program outside that list fails,
# and when a listed program passes (so the list stays true).
#   usage: run_oracle.sh HLFFI_BINARY ORACLE_DIR PENDING_FILE [SKIP...]
# Programs named in SKIP are not run (e.g. too slow for a stress mode). Environment variables (such
# as HLFFI_GC_STRESS) reach the VM.
set -u
hlffi=$1 oracle=$2 pending=$3
shift 3
skip=" $* "
names=""
for src in "$oracle"/*.hx; do
    n=$(basename "$src" .hx)
    [[ "$skip" == *" $n "* ]] || names="$names $n"
done
out=$(ORACLE_ONLY="$names" bash "$oracle/check.sh" "$hlffi" run 2>/dev/null)
echo "$out" | tail -n 1
status=0
want=$(grep -v '^#' "$pending" | awk 'NF {print $1}')
failed=$(echo "$out" | sed -n 's/^FAIL \([A-Za-z0-9_]*\):.*/\1/p')
for n in $failed; do
    if ! grep -qx "$n" <<<"$want"; then
        echo "$out" | grep "^FAIL $n:"
        status=1
    fi
done
for n in $want; do
    [[ "$skip" == *" $n "* ]] && continue
    if ! grep -qx "$n" <<<"$failed"; then
        echo "PASSES NOW $n: remove it from $(basename "$pending")"
        status=1
    fi
done
exit $status
