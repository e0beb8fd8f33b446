#!/usr/bin/env bash
# Builds hlffi in every configuration the project checks and runs every test:
#   1. gcc, -Werror: the whole ctest suite (corpus, verifier, loader, CLI, API, regressions), with
#      the API tests also under valgrind (memcheck: no error, no leak, nothing still reachable)
#   2. clang, -Werror: build (warnings) and the tests that do not need the Haxe corpus
#   3. the interpreter with switch dispatch instead of computed goto: interpreter tests and the oracle
#   4. AddressSanitizer + UndefinedBehaviorSanitizer (clang): the whole ctest suite, which includes
#      the oracle corpus under the GC stress mode and the corpus under the heap verifier
#   5. libFuzzer on load + verify for HLFFI_FUZZ_SECONDS (default 30) seeded from the corpus
# Ends with one line "tests: N passed, M failed"; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

jobs=$(nproc)
passed=0
failed=0
failures=()

# ctest_stage NAME BUILD_DIR CMAKE_ARGS... [-- CTEST_ARGS...]
ctest_stage() {
    local name=$1 dir=$2
    shift 2
    local cmake_args=() ctest_args=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do cmake_args+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    ctest_args=("$@")
    echo "== $name"
    mkdir -p "$dir"
    if ! cmake -S . -B "$dir" -DHLFFI_WERROR=ON "${cmake_args[@]}" >"$dir/configure.log" 2>&1; then
        cat "$dir/configure.log"; failed=$((failed + 1)); failures+=("$name: configure"); return
    fi
    if ! cmake --build "$dir" -j"$jobs" >"$dir/build.log" 2>&1; then
        grep -E "error|warning" "$dir/build.log" | head -n 40
        failed=$((failed + 1)); failures+=("$name: build"); return
    fi
    local log="$dir/ctest.log"
    (cd "$dir" && ctest --output-on-failure -j"$jobs" "${ctest_args[@]}") >"$log" 2>&1
    local p f
    p=$(grep -cE '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .* Passed' "$log")
    f=$(grep -cE '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .*(\*\*\*|Failed|Not Run|Timeout)' "$log")
    passed=$((passed + p)); failed=$((failed + f))
    tail -n 3 "$log" | sed 's/^/   /'
    if [ "$f" -gt 0 ]; then
        grep -E '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .*(\*\*\*|Failed|Not Run|Timeout)' "$log" | sed 's/^/   /'
        failures+=("$name: $f tests (see $log)")
    fi
}

ctest_stage "gcc -Werror" build -DCMAKE_C_COMPILER=gcc
ctest_stage "clang -Werror" build-clang -DCMAKE_C_COMPILER=clang -- -E "(^hx_|^dump_|valgrind|^fuzz_mutate_corpus|^fuzz_mutate_run|^verify_hx_corpus)"
ctest_stage "switch dispatch" build-switch -DHLFFI_SWITCH_DISPATCH=ON -- -R "^(exec_|oracle$)"
ctest_stage "ASan+UBSan" build-asan -DCMAKE_C_COMPILER=clang -DHLFFI_SANITIZE=address,undefined \
    -DCMAKE_BUILD_TYPE=Debug

# ThreadSanitizer: several threads creating, running and destroying their own VMs, and handles freed
# from other threads (tests/api/test_threads.c, test_handles_generation.c). Only those are built with TSan.
echo "== ThreadSanitizer (VMs in several threads)"
mkdir -p build-tsan/hx
if cmake -S . -B build-tsan -DCMAKE_C_COMPILER=clang -DHLFFI_SANITIZE=thread -DHLFFI_WERROR=ON \
        -DCMAKE_BUILD_TYPE=Debug >build-tsan/configure.log 2>&1 \
    && cmake --build build-tsan -j"$jobs" --target test_threads test_handles_generation >build-tsan/build.log 2>&1 \
    && haxe -cp tests/api/hx -main ApiBasics -hl build-tsan/hx/ApiBasics.hl >build-tsan/haxe.log 2>&1 \
    && TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/api/test_threads build-tsan/hx/ApiBasics.hl \
        >build-tsan/test.log 2>&1 \
    && TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/api/test_handles_generation build-tsan/hx/ApiBasics.hl \
        >>build-tsan/test.log 2>&1; then
    passed=$((passed + 1)); tail -n 1 build-tsan/test.log | sed 's/^/   /'
else
    failed=$((failed + 1)); failures+=("tsan (see build-tsan/*.log)"); tail -n 30 build-tsan/test.log 2>/dev/null
fi

echo "== libFuzzer (load + verify), ${HLFFI_FUZZ_SECONDS:-30} s"
mkdir -p build-fuzz
if cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DHLFFI_FUZZ=ON -DHLFFI_WERROR=ON >build-fuzz/configure.log 2>&1 \
    && cmake --build build-fuzz -j"$jobs" --target fuzz_load >build-fuzz/build.log 2>&1 \
    && bash tests/fuzz/run_fuzz.sh build-fuzz "${HLFFI_FUZZ_SECONDS:-30}" build/tests/hx/corpus >build-fuzz/fuzz.log 2>&1; then
    passed=$((passed + 1)); tail -n 2 build-fuzz/fuzz.log | sed 's/^/   /'
else
    failed=$((failed + 1)); failures+=("fuzz (see build-fuzz/fuzz.log)"); tail -n 20 build-fuzz/fuzz.log 2>/dev/null
fi

echo
for f in "${failures[@]}"; do echo "FAILED: $f"; done
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
