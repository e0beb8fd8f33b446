#!/usr/bin/env bash
# Compile the Haxe program corpus to HashLink bytecode.
#
#   tests/hx/build_corpus.sh OUTDIR
#
# Writes
#   OUTDIR/<Name>.hl          every tests/hx/*.hx program (class <Name>, static main); a line
#                             "// hx-flags: ..." in the source adds compiler flags (split at blanks,
#                             relative paths are relative to tests/hx)
#   OUTDIR/oracle/<Name>.hl   every program of $HLFFI_SHARED_DIR/oracle (compiled as its README says)
#   OUTDIR/stdlib/std-*.hl    tests/hx/stdlib/AllStd.hx with -dce no, in five variants (see below)
#
# Environment: HAXE (compiler, default `haxe`), HLFFI_SHARED_DIR (default <repo>/../shared),
# PYTHON (default python3; used to check that every output parses), HX_JOBS (parallel compiler
# processes, default: number of CPUs, at most 4).
# Prints nothing but one summary line on success; on failure prints the compiler output and exits 1.
set -u

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi

HX_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(cd "$HX_DIR/../.." && pwd)
SHARED_DIR=${HLFFI_SHARED_DIR:-$REPO_DIR/../shared}
HAXE=${HAXE:-haxe}
PYTHON=${PYTHON:-python3}
ORACLE_DIR=$SHARED_DIR/oracle
STD_DIR=$HX_DIR/stdlib

if ! command -v "$HAXE" >/dev/null 2>&1; then
  echo "build_corpus.sh: haxe compiler not found ($HAXE)" >&2
  exit 1
fi
if [ ! -d "$ORACLE_DIR" ]; then
  echo "build_corpus.sh: oracle directory not found: $ORACLE_DIR (set HLFFI_SHARED_DIR)" >&2
  exit 1
fi
ORACLE_DIR=$(cd "$ORACLE_DIR" && pwd)

mkdir -p "$1" || exit 1
OUT=$(cd "$1" && pwd)
mkdir -p "$OUT/oracle" "$OUT/stdlib" || exit 1
# Start from a clean corpus: stale outputs of renamed or removed programs would otherwise linger.
rm -f "$OUT"/*.hl "$OUT"/oracle/*.hl "$OUT"/stdlib/*.hl

start=$(date +%s)

# Each compile unit is one line of arguments for one `haxe` compilation; units are joined with --next.
# Arguments never contain blanks here (paths are checked below), so a line splits safely at blanks.
units=()
expected=()
case "$HX_DIR$ORACLE_DIR$OUT" in
  *[[:space:]]*)
    echo "build_corpus.sh: paths with blanks are not supported: $HX_DIR $ORACLE_DIR $OUT" >&2
    exit 1 ;;
esac

for src in "$HX_DIR"/*.hx; do
  [ -e "$src" ] || continue
  name=$(basename "$src" .hx)
  flags=$(sed -n 's#^// *hx-flags:##p' "$src" | head -n 1)
  # Absolute classpath: positions (trace, CallStack) then name the file "Name.hx", independent of the cwd.
  units+=("-cp $HX_DIR -main $name $flags -hl $OUT/$name.hl")
  expected+=("$OUT/$name.hl")
done
for src in "$ORACLE_DIR"/*.hx; do
  [ -e "$src" ] || continue
  name=$(basename "$src" .hx)
  units+=("-cp $ORACLE_DIR -main $name -hl $OUT/oracle/$name.hl")
  expected+=("$OUT/oracle/$name.hl")
done
RES="-resource $HX_DIR/data/greeting.txt@greeting -resource $HX_DIR/data/blob.bin@blob"
STD="-cp $STD_DIR -main AllStd -dce no"
units+=("$STD -hl $OUT/stdlib/std-v4-debug.hl")
units+=("$STD -D hl-no-debug -hl $OUT/stdlib/std-v4-nodebug.hl")
units+=("$STD $RES -hl $OUT/stdlib/std-v5-debug.hl")
units+=("$STD $RES -D hl-no-debug -hl $OUT/stdlib/std-v5-nodebug.hl")
units+=("$STD -D hl-ver=1.12.0 -hl $OUT/stdlib/std-hlver112.hl")
for v in std-v4-debug std-v4-nodebug std-v5-debug std-v5-nodebug std-hlver112; do
  expected+=("$OUT/stdlib/$v.hl")
done

jobs=${HX_JOBS:-}
if [ -z "$jobs" ]; then
  jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
  [ "$jobs" -gt 4 ] && jobs=4
fi
[ "$jobs" -ge 1 ] 2>/dev/null || jobs=1

logdir=$(mktemp -d "${TMPDIR:-/tmp}/hx-corpus.XXXXXX") || exit 1
trap 'rm -rf "$logdir"' EXIT

# Round-robin the units over $jobs compiler processes; run them from tests/hx so that relative
# paths in "hx-flags" (e.g. -resource data/x@y) resolve there.
pids=()
for ((j = 0; j < jobs; j++)); do
  args=()
  first=1
  for ((i = j; i < ${#units[@]}; i += jobs)); do
    [ $first -eq 1 ] || args+=(--next)
    first=0
    # shellcheck disable=SC2206
    args+=(${units[$i]})
  done
  [ ${#args[@]} -gt 0 ] || continue
  (cd "$HX_DIR" && exec "$HAXE" "${args[@]}") >"$logdir/job$j.log" 2>&1 &
  pids+=($!)
done

failed=0
for pid in "${pids[@]}"; do
  wait "$pid" || failed=1
done

missing=()
for f in "${expected[@]}"; do
  [ -s "$f" ] || missing+=("$f")
done
if [ $failed -ne 0 ] || [ ${#missing[@]} -ne 0 ]; then
  for log in "$logdir"/job*.log; do
    [ -s "$log" ] && cat "$log"
  done
  for f in "${missing[@]}"; do
    echo "build_corpus.sh: not produced: $f" >&2
  done
  echo "build_corpus.sh: compilation failed" >&2
  exit 1
fi

# Every output must parse to its last byte with the independent parser; stdlib v5 variants (and
# programs compiled with -resource) must be version 5, everything else version 4; -D hl-no-debug
# variants must carry no debug info.
if command -v "$PYTHON" >/dev/null 2>&1; then
  if ! "$PYTHON" - "$SHARED_DIR/tools" "$HX_DIR" "$OUT" "${expected[@]}" <<'EOF'
import os, re, sys
tools, hxdir, out, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
sys.path.insert(0, tools)
import hlparse
bad = 0
for f in files:
    try:
        c = hlparse.parse(f)
    except Exception as e:
        print("build_corpus.sh: %s does not parse: %r" % (f, e))
        bad += 1
        continue
    base = os.path.basename(f)[:-3]
    want_v5 = base.startswith("std-v5")
    want_debug = not base.endswith("nodebug")
    src = os.path.join(hxdir, base + ".hx")
    if os.path.dirname(f) == out and os.path.exists(src):
        flags = re.findall(r"^// *hx-flags:(.*)$", open(src, encoding="utf-8").read(), re.M)
        flags = flags[0].split() if flags else []
        want_v5 = "-resource" in flags
        want_debug = not ("hl-no-debug" in flags)
    if (c["version"] == 5) != want_v5:
        print("build_corpus.sh: %s has bytecode version %d" % (f, c["version"]))
        bad += 1
    if bool(c["debug"]) != want_debug:
        print("build_corpus.sh: %s has debug flag %d" % (f, c["debug"]))
        bad += 1
sys.exit(1 if bad else 0)
EOF
  then
    echo "build_corpus.sh: output check failed" >&2
    exit 1
  fi
fi

end=$(date +%s)
echo "hx corpus: ${#expected[@]} files built in $((end - start))s with $jobs compiler process(es) -> $OUT"
