#!/usr/bin/env bash
# The README's first command: builds hlffi and the example hosts, then shows the game-loop example
# (examples/game_loop): Game.hx compiled by the stock Haxe compiler, checked, run on its own and
# disassembled with the `hlffi` command, then driven by its C host game_loop.c (Game.update called
# every frame through a cached call, a C callback that Haxe calls, Haxe exceptions handled in C).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DHLFFI_WERROR=ON -DHLFFI_EXAMPLES=ON >/dev/null
# game_loop_hl compiles examples/game_loop/Game.hx into build/examples/game_loop/game_loop.hl.
cmake --build build -j"$(nproc)" --target hlffi_tool game_loop game_loop_hl >/dev/null
hl=build/examples/game_loop/game_loop.hl

echo "== hlffi check $hl"
build/hlffi check "$hl" && echo "ok: the module loads and verifies"
echo
echo "== hlffi run $hl   (main() on its own, no host)"
build/hlffi run "$hl"
echo
echo "== hlffi dump $hl   (the start of the function Game.update, registers left out)"
build/hlffi dump "$hl" >build/examples/game_loop/game_loop.dump
# awk reads the whole file (no early exit: that would be a SIGPIPE under pipefail).
awk '/^fn .*[$]Game[.]update / {on=1} on && /^$/ {on=0} on && !/^  r[0-9]+:/ && n < 14 {print; n++}' \
    build/examples/game_loop/game_loop.dump
echo "   ..."
echo
echo "== build/examples/game_loop/game_loop $hl   (the C host, examples/game_loop/game_loop.c)"
build/examples/game_loop/game_loop "$hl"
