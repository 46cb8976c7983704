#!/usr/bin/env bash
# The Slurm end-to-end test (`make test-slurm`, on a running one-node cluster: see
# cluster.sh): renders Tests/Slurm/sweep.md locally and through `folio slurm`, each with a
# fresh cache, and requires the same report: identical figure bytes, identical manifest
# (numbers, tables, inline values, keys) apart from timings, identical HTML apart from
# timings. Then a failing unit must be named with its log.
set -euo pipefail
cd "$(dirname "$0")/../.."
FOLIO=${FOLIO:-$PWD/.build/debug/folio}
WORK=$(mktemp -d /tmp/folio-slurm-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cp Tests/Slurm/sweep.md "$WORK/sweep.md"
fail() { echo "test-slurm: FAIL: $*" >&2; exit 1; }

# Local render, twice: the second one reuses the cache, as the render after `folio slurm` does.
"$FOLIO" render "$WORK/sweep.md" --output "$WORK/local" >/dev/null 2>&1 || fail "local render"
"$FOLIO" render "$WORK/sweep.md" --output "$WORK/local" >/dev/null 2>&1 || fail "local re-render"

# A stuck queue must not hang CI: each folio slurm gets SLURM_TEST_TIMEOUT seconds.
LIMIT=${SLURM_TEST_TIMEOUT:-600}
timeout "$LIMIT" "$FOLIO" slurm "$WORK/sweep.md" --output "$WORK/slurm" --cpus-per-task 1 --time 10:00 --poll-seconds 0.5 \
    > "$WORK/slurm.log" 2>&1 || { status=$?; cat "$WORK/slurm.log"; squeue || true; fail "folio slurm (exit $status; 124: timed out after ${LIMIT}s)"; }
# Round 1 computes the grid's list; round 2 (its own folder) the 12 points as one stage,
# then (--dependency=afterok) the 12 points of `leading`, which reads them point by point,
# with the figure and table of `runs`; last the table of `leading`.
grep -q "^round 2, .*round-2$" "$WORK/slurm.log" || { cat "$WORK/slurm.log"; fail "the points were not planned in a second round"; }
grep -q "stage 0: 12 units done" "$WORK/slurm.log" || { cat "$WORK/slurm.log"; fail "the 12 sweep points did not run as one stage"; }
grep -q "stage 1: 14 units done" "$WORK/slurm.log" || { cat "$WORK/slurm.log"; fail "the pointwise sweep, figure and table did not run after the points"; }
grep -q "stage 2: 1 unit done" "$WORK/slurm.log" || { cat "$WORK/slurm.log"; fail "the pointwise sweep's table did not run last"; }

diff -r "$WORK/local/sweep/figures" "$WORK/slurm/sweep/figures" || fail "figures differ"
without_timings='del(.provenance, .computeSeconds) | .cells |= map(del(.seconds, .computedSeconds)
    | if .points then .points |= map(del(.seconds, .computedSeconds)) else . end) | .inlineValues |= map(del(.status))'
diff <(jq -S "$without_timings" "$WORK/local/sweep/manifest.json") <(jq -S "$without_timings" "$WORK/slurm/sweep/manifest.json") \
    || fail "manifests differ beyond timings"
strip_timings() { sed -E 's/[0-9]+\.[0-9]+ s/N s/g; s/<td class="num">[^<]*<\/td>/<td class="num"><\/td>/g' "$1"; }
diff <(strip_timings "$WORK/local/sweep/index.html") <(strip_timings "$WORK/slurm/sweep/index.html") || fail "HTML differs beyond timings"
echo "test-slurm: the Slurm render matches the local one (figures, numbers, HTML)"

# A unit that fails is named with its log, and the render does not happen.
sed -i 's/let error = mean(singularValues(noisy)) \/ Double(kappa)/let error = [1.0, 2.0][kappa] + mean(singularValues(noisy))/' "$WORK/sweep.md"
if timeout "$LIMIT" "$FOLIO" slurm "$WORK/sweep.md" --output "$WORK/slurm" --poll-seconds 0.5 > "$WORK/failing.log" 2>&1; then
    fail "folio slurm succeeded with failing units"
fi
grep -q "error: unit runs\[kappa=2,nu=0.1,trial=0\] failed (stage 0, task [0-9]*); log: .*\.log" "$WORK/failing.log" \
    || { cat "$WORK/failing.log"; fail "the failed unit is not named with its log"; }
echo "test-slurm: a failed unit is named with its log"
