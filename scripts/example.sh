#!/usr/bin/env bash
# Builds hlffi and shows it on the bundled example: compiles examples/game/Game.hx with the stock Haxe
# compiler, then `hlffi check` (load + verify), `hlffi dump` (disassembly) and `hlffi run` on it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DHLFFI_WERROR=ON >/dev/null
cmake --build build -j"$(nproc)" --target hlffi_tool >/dev/null
mkdir -p build/examples
haxe -cp examples/game -main Game -hl build/examples/game.hl

echo "== hlffi check build/examples/game.hl"
build/hlffi check build/examples/game.hl && echo "ok: the module loads and verifies"
echo
echo "== hlffi dump build/examples/game.hl (the function Game.update)"
build/hlffi dump build/examples/game.hl >build/examples/game.dump
awk '/^fn .*[$]Game[.]update / {on=1} on && /^$/ {exit} on' build/examples/game.dump
echo
echo "== hlffi run build/examples/game.hl"
build/hlffi run build/examples/game.hl
