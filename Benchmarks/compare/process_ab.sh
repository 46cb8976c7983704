#!/bin/bash
# Interleaved wall-clock times of whole processes: folio rendering the three-panel notebook
# (parse, check, run, 2x PNG, HTML report, manifest) and matplotlib (Agg) saving the same
# figure as a 2x PNG. Usage: process_ab.sh N FOLIO
N=$1; FOLIO=$2; PY=${PYTHON:-python3}
NB="$(dirname "$0")/../notebooks/three-panel.md"
run_folio() { $FOLIO render $NB --no-cache --output /tmp/ab-out >/dev/null 2>&1; }
run_mpl() { $PY "$(dirname "$0")/three_panel.py" /tmp/folio-compare-mpl.png; }
run_folio; run_mpl
F=""; M=""
for i in $(seq $N); do
  s=$(date +%s%N); run_folio; e=$(date +%s%N); F+="$(( (e-s)/1000 )) "
  s=$(date +%s%N); run_mpl; e=$(date +%s%N); M+="$(( (e-s)/1000 )) "
done
python3 - "$F" "$M" <<'PY'
import sys, statistics
f=[int(x)/1000 for x in sys.argv[1].split()]; m=[int(x)/1000 for x in sys.argv[2].split()]
print("folio      median %.1f ms  min %.1f  max %.1f" % (statistics.median(f), min(f), max(f)))
print("matplotlib median %.1f ms  min %.1f  max %.1f" % (statistics.median(m), min(m), max(m)))
print("ratio of medians %.2fx" % (statistics.median(m) / statistics.median(f)))
PY
