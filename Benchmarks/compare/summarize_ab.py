"""Reads the JSON lines of interpreter_ab.sh and prints one table row per program: the
median of the rounds for Folio and for CPython (as a cell, and inside a function), and
the ratios CPython / Folio."""
import collections
import json
import statistics
import sys

seconds = collections.defaultdict(list)
for line in sys.stdin:
    result = json.loads(line)
    parameters = result["parameters"]
    side = "folio" if parameters["language"] == "folio" else "python-" + parameters["mode"]
    seconds[(result["name"].removeprefix("interpreter_"), side)].append(result["value"])

print(f"{'program':<12} {'folio s':>9} {'cpython cell s':>15} {'cpython func s':>15} {'cell/folio':>11} {'func/folio':>11}")
for program in sorted({name for name, _ in seconds}):
    folio, cell, function = (statistics.median(seconds[(program, side)]) for side in ("folio", "python-cell", "python-function"))
    print(f"{program:<12} {folio:9.4f} {cell:15.4f} {function:15.4f} {cell / folio:10.2f}x {function / folio:10.2f}x")
