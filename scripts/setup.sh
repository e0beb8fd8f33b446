#!/usr/bin/env bash
# Installs what building and testing hlffi needs on Debian (run as root), only what is missing:
# the Haxe compiler, CMake, gcc and clang (with its libFuzzer runtime), python3, valgrind, PCRE2 (EReg),
# zlib (haxe.zip).
set -euo pipefail

need_pkgs=()
want() { # want COMMAND-OR-FILE PACKAGE
    if [[ "$1" == /* ]]; then [ -e "$1" ] || need_pkgs+=("$2")
    else command -v "$1" >/dev/null 2>&1 || need_pkgs+=("$2"); fi
}
want haxe haxe
want cmake cmake
want make make
want gcc gcc
want g++ g++
want clang clang
want python3 python3
want valgrind valgrind
# memcheck's client requests (the collector describes its blocks: src/gc/gc_debug.h); Debian's valgrind
# package ships the header. Without it the build leaves them out.
want /usr/include/valgrind/memcheck.h valgrind
want nm binutils
want pkg-config pkg-config
# PCRE2 headers and the 16-bit library (EReg's natives, src/std/std_regexp.c).
want /usr/include/pcre2.h libpcre2-dev
# zlib headers and library (haxe.zip's natives, src/std/std_fmt.c).
want /usr/include/zlib.h zlib1g-dev
# libFuzzer and the sanitizer runtimes for clang (the fuzz target and clang sanitizer builds).
clang_rt_dir=$(ls -d /usr/lib/llvm-*/lib/clang/*/lib/linux 2>/dev/null | head -n 1 || true)
if [ -z "$clang_rt_dir" ] || ! ls "$clang_rt_dir"/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
    if command -v clang >/dev/null 2>&1; then
        ver=$(clang --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -n 1)
        need_pkgs+=("libclang-rt-${ver:-14}-dev")
    else
        need_pkgs+=("libclang-rt-14-dev")
    fi
fi

if [ ${#need_pkgs[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "setup: missing packages: ${need_pkgs[*]} (run as root, or install them)" >&2
        exit 1
    fi
    echo "setup: installing ${need_pkgs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi
