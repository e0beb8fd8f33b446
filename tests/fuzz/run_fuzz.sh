#!/usr/bin/env bash
# Runs the libFuzzer target fuzz_load (load + verify of arbitrary bytes) for a given time, seeded from
# .hl files, and fails if it found a crash, hang, leak or broken promise.
#   usage: tests/fuzz/run_fuzz.sh BUILD_DIR SECONDS CORPUS_DIR...
# BUILD_DIR is a build configured with -DCMAKE_C_COMPILER=clang -DHLFFI_FUZZ=ON (target fuzz_load).
# The .hl files under each CORPUS_DIR (recursively) are copied into BUILD_DIR/fuzz-work/corpus, which
# keeps what the fuzzer learns between runs. Findings go to BUILD_DIR/fuzz-work/artifacts; each one
# should become tests/regression/crashers/<name>.bin once the bug is fixed.
# Environment: FUZZ_JOBS (parallel workers, default 1), FUZZ_ARGS (extra libFuzzer arguments).
set -uo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 BUILD_DIR SECONDS CORPUS_DIR..." >&2
    exit 2
fi
build=$1
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
fuzzer=$build/tests/fuzz/fuzz_load
if [ ! -x "$fuzzer" ]; then
    echo "run_fuzz.sh: $fuzzer not found: configure $build with -DCMAKE_C_COMPILER=clang -DHLFFI_FUZZ=ON" \
         "and build the target fuzz_load" >&2
    exit 2
fi

work=$build/fuzz-work
mkdir -p "$work/corpus" "$work/artifacts"
# Findings of an earlier run are reported again below only if this run reproduces them.
rm -f "$work/artifacts"/*

seeds=0
for dir in "$@"; do
    if [ ! -d "$dir" ]; then
        echo "run_fuzz.sh: warning: corpus directory $dir does not exist" >&2
        continue
    fi
    while IFS= read -r -d '' f; do
        cp "$f" "$work/corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
        seeds=$((seeds + 1))
    done < <(find "$dir" -name '*.hl' -type f -print0)
done
# The builder's sample modules (every type kind and op encoding, a few KiB each) are quick seeds.
if [ -x "$build/tests/unit/hlb_dump" ]; then
    mkdir -p "$work/samples"
    if "$build/tests/unit/hlb_dump" "$work/samples" >/dev/null 2>&1; then
        for f in "$work/samples"/*.hl; do cp "$f" "$work/corpus/builder-$(basename "$f")"; done
    fi
fi
# Earlier crashers are seeds too: the fuzzer starts from what broke before.
for f in "$here/../regression/crashers"/*.bin; do
    [ -f "$f" ] && cp "$f" "$work/corpus/crasher-$(basename "$f")"
done
echo "run_fuzz.sh: $seeds seed file(s), $(find "$work/corpus" -type f | wc -l) corpus entries, ${seconds} s"

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
jobs=${FUZZ_JOBS:-1}
args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -use_value_profile=1
      -dict="$here/hl.dict" -artifact_prefix="$work/artifacts/")
if [ "$jobs" -gt 1 ]; then
    args+=(-jobs="$jobs" -workers="$jobs")
fi
# shellcheck disable=SC2086
"$fuzzer" "${args[@]}" ${FUZZ_ARGS:-} "$work/corpus" 2>&1 | tee "$work/fuzz.log" | grep -vE '^#[0-9]+\s+(NEW|REDUCE|pulse)'
status=${PIPESTATUS[0]}

found=$(find "$work/artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \
        -o -name 'leak-*' -o -name 'slow-unit-*' \) | sort)
if [ -n "$found" ] || [ "$status" -ne 0 ]; then
    echo "run_fuzz.sh: FAILED (libFuzzer exit status $status)"
    for f in $found; do
        echo "  finding: $f ($(stat -c %s "$f") bytes)"
        echo "    replay: $fuzzer $f"
        echo "    keep:   cp $f tests/regression/crashers/<name>.bin"
    done
    exit 1
fi
echo "run_fuzz.sh: no crash in ${seconds} s ($(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$work/fuzz.log" | tail -1))"
