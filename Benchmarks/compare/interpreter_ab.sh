#!/usr/bin/env bash
# The cell language against CPython, side by side: ROUNDS interleaved runs of
# `FolioBenchmarks interpreter` and interpreter.py (so both see the same machine load),
# then per program the median CPU seconds of each and the ratio Python / Folio (above 1:
# Folio is faster). Usage: Benchmarks/compare/interpreter_ab.sh [ROUNDS] [FOLIOBENCHMARKS]
set -euo pipefail
rounds=${1:-3}
folio=${2:-.build/release/FolioBenchmarks}
python=${PYTHON:-python3}
here=$(cd "$(dirname "$0")" && pwd)
lines=$(mktemp)
trap 'rm -f "$lines"' EXIT
for _ in $(seq "$rounds"); do
    "$folio" interpreter >>"$lines"
    "$python" "$here/interpreter.py" >>"$lines"
done
"$python" "$here/summarize_ab.py" <"$lines"
