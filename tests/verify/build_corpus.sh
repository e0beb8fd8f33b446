#!/usr/bin/env bash
# Compiles the verifier's real-world corpus into OUTDIR: every program of ../shared/oracle, tests/hx
# (with its "// hx-flags:" line), tests/hx/stdlib and tests/verify/hx, each in several genhl
# configurations, through a private Haxe compilation server. Usage:
#   build_corpus.sh [--full] OUTDIR [SHARED_DIR]
# Default configurations: -dce no, -D analyzer-optimize (+ user-var-fusion). --full adds the default
# flags, -debug, -D hl-no-debug, -D hl-ver=1.12.0, --no-inline, --no-opt, -dce full and a -resource
# build (a version 5 file).
# Outputs are OUTDIR/<dir>-<Class>.<config>.hl. Programs that fail to compile are listed in
# OUTDIR/failed.txt and skipped (the corpus is whatever genhl produced); exits 1 only when nothing
# could be built.
set -u
full=0
if [ "${1:-}" = "--full" ]; then full=1; shift; fi
out=${1:?usage: build_corpus.sh [--full] OUTDIR [SHARED_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=${2:-$repo/../shared}
haxe=${HAXE:-haxe}
mkdir -p "$out"
out=$(cd "$out" && pwd)
printf 'verifier corpus resource\n' > "$out/resource.txt"
: > "$out/failed.txt"

# The default set complements tests/hx's own corpus build (which ctest verifies with hx_check_corpus).
configs="dceno:-dce no|opt:-D analyzer-optimize -D analyzer-user-var-fusion"
if [ $full = 1 ]; then
    configs="$configs|default:|debug:-debug|nodebug:-D hl-no-debug|hlver:-D hl-ver=1.12.0|noinline:--no-inline|noopt:--no-opt|dcefull:-dce full|res:-resource $out/resource.txt@res"
fi

# A private compilation server on a free port, stopped on exit.
port=$(( 20000 + $$ % 20000 ))
"$haxe" --wait $port > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do
    "$haxe" --connect $port --version > /dev/null 2>&1 && break
    sleep 0.3
done

# One shell command per (program, configuration), run 2 (HX_JOBS) at a time.
jobs="$out/jobs.sh"
: > "$jobs"
add_dir() { # tag dir
    local hx cls extra name flags cfg
    for hx in "$2"/*.hx; do
        [ -f "$hx" ] || continue
        grep -q 'function main' "$hx" || continue # helpers (macros, utilities) are not programs
        cls=$(basename "$hx" .hx)
        extra=$(sed -n 's|^// hx-flags:||p' "$hx" | head -1)
        IFS='|'
        for cfg in $configs; do
            name=${cfg%%:*}
            flags=${cfg#*:}
            dst="$out/$1-$cls.$name"
            # A compilation server keeps resources from one build to the next (later builds without
            # -resource still embed them): builds with resources go without it.
            conn="--connect $port"
            case "$flags $extra" in *-resource*) conn="";; esac
            echo "cd '$2' && '$haxe' $conn -cp '$2' -main $cls $extra $flags -hl '$dst.hl' > '$dst.log' 2>&1 && rm -f '$dst.log' || { echo '$1-$cls.$name' >> '$out/failed.txt'; rm -f '$dst.hl'; }" >> "$jobs"
        done
        unset IFS
    done
}
add_dir oracle "$shared/oracle"
add_dir hx "$repo/tests/hx"
add_dir std "$repo/tests/hx/stdlib"
add_dir vhx "$here/hx"
add_dir bench "$shared/bench"
tr '\n' '\0' < "$jobs" | xargs -0 -P "${HX_JOBS:-2}" -n 1 sh -c
n=$(ls "$out"/*.hl 2>/dev/null | wc -l)
echo "build_corpus: $n files in $out ($(wc -l < "$out/failed.txt") compile failures, see failed.txt)"
[ "$n" -gt 0 ]
