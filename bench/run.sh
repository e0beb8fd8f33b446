#!/usr/bin/env bash
# Benchmarks (figures, never pass/fail): builds hlffi in Release, compiles the programs of
# ../shared/bench, checks each prints HashLink's checksum, and reports wall time, peak RSS and the ratio
# to HashLink's JIT figures of ../shared/bench/anchors.md (best of RUNS runs, default 3), and the
# collector's collections, pauses and allocation rate for the allocating programs (GC_PROGS); then load +
# verify throughput and memory per module (the whole std library is the largest); then the embedding
# API's calling paths (api_bench: ns per call and the ratio to a C function-pointer call).
#   usage: bench/run.sh [BUILD_DIR]      environment: RUNS=N, ONLY="Fib NBody" (ONLY=api: the API only)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-bench}
shared=${HLFFI_SHARED_DIR:-$PWD/../shared}
runs=${RUNS:-3}
cmake -S . -B "$build" -DHLFFI_WERROR=OFF -DCMAKE_BUILD_TYPE=Release -DHLFFI_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target hlffi_tool load_bench api_bench >/dev/null
out="$build/bench"
mkdir -p "$out"
haxe -cp bench/hx -main ApiBench -hl "$out/api/ApiBench.hl" # not in the load + verify list
api_figures() {
    echo
    echo "embedding API (best of 7 rounds)"
    "$build/bench/api_bench" "$out/api/ApiBench.hl"
}
if [ "${ONLY:-}" = api ]; then
    api_figures
    exit 0
fi
progs=$(cd "$shared/bench" && ls *.hx | sed 's/\.hx$//' | grep -v '^Util$')
[ -n "${ONLY:-}" ] && progs=$ONLY
args=()
for p in $progs; do args+=(--next -cp "$shared/bench" -main "$p" -hl "$out/$p.hl"); done
[ -f tests/hx/stdlib/AllStd.hx ] && args+=(--next -cp tests/hx/stdlib -main AllStd -dce no -hl "$out/AllStd.hl")
haxe "${args[@]:1}"

# HashLink's JIT time from anchors.md: the lower of its two columns (default and 1 GC thread).
anchor() {
    awk -F'|' -v n="$1" '$2 ~ "^ *"n"[ (]" {a = $4 + 0; b = $5 + 0; print (b > 0 && b < a) ? b : a; exit}' \
        "$shared/bench/anchors.md"
}

printf '%-13s %9s %9s %8s %9s  %s\n' program "time s" "HL JIT s" ratio "RSS MB" checksum
for p in $progs; do
    [ "$p" = Hello ] && continue
    best="" rss="" line=""
    for _ in $(seq "$runs"); do
        res=$( { /usr/bin/time -f '%e %M' "$build/hlffi" run "$out/$p.hl" >"$out/$p.out"; } 2>&1 | tail -n 1)
        t=${res% *} m=${res#* }
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$t; rss=$m; fi
    done
    line=$(tail -n 1 "$out/$p.out")
    want=$(grep -o "\`${line%%[ =]*}[^\`]*\`" "$shared/bench/anchors.md" | head -n 1 | tr -d '`')
    ok=$([ "$line" = "$want" ] && echo "ok" || echo "MISMATCH: $line")
    jit=$(anchor "$p")
    ratio=$(awk -v a="$best" -v b="$jit" 'BEGIN{ if (b > 0) printf "%.2fx", a/b; else print "-" }')
    printf '%-13s %9s %9s %8s %9.1f  %s\n' "$p" "$best" "${jit:--}" "$ratio" "$(awk -v k="$rss" 'BEGIN{print k/1024}')" "$ok"
done
# The collector's own figures (one more run each, HLFFI_GC_STATS=1: docs/internals/gc.md "Statistics").
echo
echo "collector: collections, pauses, allocation (HLFFI_GC_STATS=1, one run)"
for p in ${GC_PROGS:-BinaryTrees Strings MapString MapInt MapRemove ArraySort Dyn Closures Exceptions}; do
    [[ " $progs " == *" $p "* ]] || continue
    line=$(HLFFI_GC_STATS=1 "$build/hlffi" run "$out/$p.hl" 2>&1 >/dev/null | grep '^hlffi gc:' || true)
    printf '%-13s %s\n' "$p" "${line#hlffi gc: }"
done
if [ -f "$out/Hello.hl" ]; then
    start=$(date +%s%N)
    for _ in $(seq 100); do "$build/hlffi" run "$out/Hello.hl" >/dev/null; done
    end=$(date +%s%N)
    awk -v ns="$((end - start))" 'BEGIN { printf "Hello: process start to exit %.2f ms per run (mean of 100; HL JIT 3.25 ms)\n", ns / 100 / 1e6 }'
fi
echo
echo "load + verify (best round)"
"$build/bench/load_bench" "$out"/*.hl
api_figures
