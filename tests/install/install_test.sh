#!/usr/bin/env bash
# The install test (tests/install/CMakeLists.txt):
#   install_test.sh SOURCE_DIR BUILD_DIR WORK_DIR CC HAXE [SANITIZERS]
# Installs BUILD_DIR into WORK_DIR/prefix, checks the installed files, builds examples/hello four ways
# against that prefix only (find_package shared and static, pkg-config shared and static), runs each
# on hello.hl (compiled by the standalone build) and compares the output with examples/hello/expected_output.txt. Then a DESTDIR install.
set -euo pipefail
src=$1 build=$2 work=$3 cc=$4 haxe=$5 sanitize=${6:-}
prefix=$work/prefix
rm -rf "$work"
mkdir -p "$work"

fail() { echo "install test: $*" >&2; exit 1; }
step() { echo "== $*"; }

# Sanitizer builds of the library need the same runtime in the host.
cflags=() ldflags=()
if [ -n "$sanitize" ]; then
    cflags=(-fsanitize="$sanitize" -fno-omit-frame-pointer)
    ldflags=(-fsanitize="$sanitize")
fi

step "cmake --install $build --prefix $prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
libdir=$(cd "$prefix" && ls -d lib*/ | head -n 1)
libdir=$prefix/${libdir%/}
for f in include/hlffi.h include/hlffi_compat.h bin/hlffi; do
    [ -f "$prefix/$f" ] || fail "missing $prefix/$f"
done
for f in libhlffi.a libhlffi.so libhlffi.so.3 pkgconfig/hlffi.pc cmake/hlffi/hlffiConfig.cmake \
         cmake/hlffi/hlffiConfigVersion.cmake cmake/hlffi/hlffiTargets.cmake; do
    [ -e "$libdir/$f" ] || fail "missing $libdir/$f"
done
soname=$(readelf -d "$libdir/libhlffi.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = libhlffi.so.3 ] || fail "SONAME is '$soname', want libhlffi.so.3"
[ "$(readlink "$libdir/libhlffi.so.3")" != "" ] || fail "libhlffi.so.3 is not a link to the versioned file"
"$prefix/bin/hlffi" --version >/dev/null || fail "the installed hlffi command does not run"

expected=$src/examples/hello/expected_output.txt

# run_host NAME EXE: runs the host on hello.hl and compares its output.
run_host() {
    local out
    out=$("$2" "$hl") || fail "$1: exit code $?"
    [ "$out" = "$(cat "$expected")" ] || fail "$1: output
$out
differs from $expected"
    echo "ok: $1"
}

# Nothing outside the prefix may be found: no CMAKE_PREFIX_PATH or PKG_CONFIG_PATH from the caller.
unset CMAKE_PREFIX_PATH PKG_CONFIG_PATH hlffi_DIR || true

step "find_package(hlffi): examples/hello as a standalone CMake project, shared library"
cmake -S "$src/examples/hello" -B "$work/cmake-shared" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="${cflags[*]:-}" -DCMAKE_EXE_LINKER_FLAGS="${ldflags[*]:-}" \
    -DHAXE_EXECUTABLE="$haxe" >"$work/cmake-shared.log" 2>&1 \
    || { cat "$work/cmake-shared.log"; fail "configure (find_package, shared)"; }
cmake --build "$work/cmake-shared" >>"$work/cmake-shared.log" 2>&1 \
    || { cat "$work/cmake-shared.log"; fail "build (find_package, shared)"; }
# Its build compiled Hello.hx too (haxe -main Hello -hl hello.hl): the module every host runs.
hl=$work/cmake-shared/hello.hl
[ -f "$hl" ] || fail "the standalone build did not compile hello.hl"
# The imported target gives the executable a run path to the installed library.
run_host "find_package, hlffi::hlffi" "$work/cmake-shared/hello"
# (grep without -q throughout: under pipefail, an early-exiting grep can kill ldd with SIGPIPE.)
ldd "$work/cmake-shared/hello" | grep "$libdir/libhlffi.so.3" >/dev/null || fail "hello does not use the installed libhlffi.so.3"

step "find_package(hlffi): hlffi::hlffi_static"
cmake -S "$src/tests/install/static" -B "$work/cmake-static" -DCMAKE_PREFIX_PATH="$prefix" \
    -DHELLO_SOURCE="$src/examples/hello/hello.c" \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="${cflags[*]:-}" -DCMAKE_EXE_LINKER_FLAGS="${ldflags[*]:-}" \
    >"$work/cmake-static.log" 2>&1 || { cat "$work/cmake-static.log"; fail "configure (find_package, static)"; }
cmake --build "$work/cmake-static" >>"$work/cmake-static.log" 2>&1 \
    || { cat "$work/cmake-static.log"; fail "build (find_package, static)"; }
run_host "find_package, hlffi::hlffi_static" "$work/cmake-static/hello_static"
if ldd "$work/cmake-static/hello_static" | grep libhlffi >/dev/null; then fail "hello_static uses libhlffi.so"; fi

export PKG_CONFIG_PATH=$libdir/pkgconfig
step "pkg-config: cc hello.c \$(pkg-config --cflags --libs hlffi)"
[ "$(pkg-config --modversion hlffi)" = "$(sed -n 's/^#define HLFFI_VERSION_STRING "\(.*\)"/\1/p' "$src/include/hlffi.h")" ] \
    || fail "pkg-config --modversion hlffi differs from HLFFI_VERSION_STRING"
read -r -a pc_cflags <<<"$(pkg-config --cflags hlffi)"
read -r -a pc_libs <<<"$(pkg-config --libs hlffi)"
"$cc" -std=c11 -Wall -Wextra -Werror "${cflags[@]}" "$src/examples/hello/hello.c" "${pc_cflags[@]}" "${pc_libs[@]}" \
    "${ldflags[@]}" -Wl,-rpath,"$libdir" -o "$work/hello_pc"
run_host "pkg-config, shared" "$work/hello_pc"

step "pkg-config: cc hello.c \$(pkg-config --cflags --libs --static hlffi), the archive"
read -r -a pc_static <<<"$(pkg-config --libs --static hlffi | sed 's/-lhlffi\b/-l:libhlffi.a/')"
"$cc" -std=c11 -Wall -Wextra -Werror "${cflags[@]}" "$src/examples/hello/hello.c" "${pc_cflags[@]}" "${pc_static[@]}" \
    "${ldflags[@]}" -o "$work/hello_pc_static"
run_host "pkg-config --static" "$work/hello_pc_static"
if ldd "$work/hello_pc_static" | grep libhlffi >/dev/null; then fail "hello_pc_static uses libhlffi.so"; fi

step "DESTDIR=$work/stage cmake --install --prefix /opt/hlffi"
DESTDIR=$work/stage cmake --install "$build" --prefix /opt/hlffi >"$work/destdir.log"
staged=$(ls -d "$work"/stage/opt/hlffi/lib*/ | head -n 1)
[ -e "${staged}libhlffi.so.3" ] || fail "DESTDIR: no libhlffi.so.3 under $work/stage/opt/hlffi"
grep -qx "prefix=/opt/hlffi" "${staged}pkgconfig/hlffi.pc" || fail "DESTDIR: hlffi.pc's prefix is not /opt/hlffi"
echo "ok: DESTDIR"
echo "install test: all passed"
