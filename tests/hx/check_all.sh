#!/usr/bin/env bash
# Run `HLFFI check FILE` on every .hl file under OUTDIR (recursively).
#
#   tests/hx/check_all.sh HLFFI OUTDIR
#
# Prints one line per failing file (with the first lines of the tool's output) and a summary line;
# exits 1 if any file fails or if OUTDIR holds no .hl file, 2 on usage errors.
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 HLFFI OUTDIR" >&2
  exit 2
fi
tool=$1
dir=$2
if [ ! -x "$tool" ]; then
  echo "check_all.sh: $tool is not an executable" >&2
  exit 2
fi
if [ ! -d "$dir" ]; then
  echo "check_all.sh: $dir is not a directory (build the corpus first)" >&2
  exit 1
fi

total=0
failed=0
while IFS= read -r -d '' f; do
  total=$((total + 1))
  if ! out=$("$tool" check "$f" 2>&1); then
    failed=$((failed + 1))
    echo "FAIL $f"
    printf '%s\n' "$out" | head -n 5 | sed 's/^/    /'
  fi
done < <(find "$dir" -name '*.hl' -type f -print0 | sort -z)

if [ "$total" -eq 0 ]; then
  echo "check_all.sh: no .hl files under $dir" >&2
  exit 1
fi
echo "hlffi check: $((total - failed)) of $total files passed"
[ "$failed" -eq 0 ]
