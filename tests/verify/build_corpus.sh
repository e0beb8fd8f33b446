#!/bin/sh
# Compiles the verifier's real-world corpus into OUTDIR: every oracle program of ../shared/oracle and the
# std-library sweep tests/verify/hx/AllStd.hx, each in several genhl configurations (default, -debug,
# -D hl-no-debug, -D hl-ver=1.12.0, -dce no, a resource for a version-5 file). Usage:
#   build_corpus.sh OUTDIR [SHARED_DIR]
# Programs that fail to compile are reported and skipped (the corpus is what genhl produced).
set -u
out=${1:?usage: build_corpus.sh OUTDIR [SHARED_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
shared=${2:-$here/../../../shared}
mkdir -p "$out"
res="$out/resource.txt"
printf 'verifier corpus resource\n' > "$res"

# One haxe invocation per configuration, all programs of it chained with --next.
build_config() {
    name=$1; shift
    args=""
    for hx in "$shared"/oracle/*.hx "$here"/hx/*.hx; do
        cls=$(basename "$hx" .hx)
        dir=$(dirname "$hx")
        args="$args --next -cp $dir -main $cls -hl $out/$cls.$name.hl $*"
    done
    # shellcheck disable=SC2086
    haxe ${args# --next} > "$out/build.$name.log" 2>&1 || echo "build_corpus: configuration $name had errors (see $out/build.$name.log)" >&2
}

build_config default &
build_config debug -debug &
wait
build_config nodebug -D hl-no-debug &
build_config hlver -D hl-ver=1.12.0 &
wait
build_config dceno -dce no &
build_config res -resource "$res@res" -D analyzer-optimize &
wait
ls "$out"/*.hl | wc -l
