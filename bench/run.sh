#!/usr/bin/env bash
# Builds the benchmark programs of ../shared/bench (and the whole std library as the largest module)
# and prints figures: load + verify throughput and peak memory per module. Running the programs comes
# with the interpreter milestone. Figures, never pass/fail. usage: bench/run.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shared=${HLFFI_SHARED_DIR:-$PWD/../shared}
cmake -S . -B "$build" -DHLFFI_WERROR=ON -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target load_bench >/dev/null
out="$build/bench"
mkdir -p "$out"
args=()
for src in "$shared"/bench/*.hx; do
    name=$(basename "$src" .hx)
    [ "$name" = Util ] && continue
    args+=(--next -cp "$shared/bench" -main "$name" -hl "$out/$name.hl")
done
# The largest module we have: the whole standard library without dead-code elimination.
if [ -f tests/hx/stdlib/AllStd.hx ]; then
    args+=(--next -cp tests/hx/stdlib -main AllStd -dce no -hl "$out/AllStd.hl")
fi
haxe "${args[@]:1}"
echo "load + verify (best round; machine: $(nproc) cores, $(uname -m))"
"$build/load_bench" "$out"/*.hl
