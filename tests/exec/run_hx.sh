#!/usr/bin/env bash
# Compiles tests/exec/hx/NAME.hx and runs it with `hlffi run OPTIONS...`, comparing stdout with
# NAME.expected. These programs test hlffi's own features (limits...), so their expectations come from
# hlffi's requirements, not from HashLink (which has no such features).
#   usage: run_hx.sh HLFFI NAME OUTDIR [OPTIONS...]
set -u
hlffi=$1 name=$2 out=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
haxe -cp "$here/hx" -main "$name" -hl "$out/$name.hl" || exit 1
"$hlffi" run "$@" "$out/$name.hl" </dev/null >"$out/$name.out"
rc=$?
if ! cmp -s "$here/hx/$name.expected" "$out/$name.out"; then
    diff "$here/hx/$name.expected" "$out/$name.out" | head -n 10
    exit 1
fi
exit $rc
