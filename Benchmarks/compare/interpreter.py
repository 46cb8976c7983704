"""CPython side of the cell-language benchmarks (Benchmarks/cells/*.swift on the Folio
side): one JSON line per program in cells/ and per mode, in the format of `make bench`.

Modes: "cell" runs the program at module level, as a Jupyter cell does (its variables
are globals); "function" runs the same lines as the body of a function (local variables,
CPython's fastest form). The value is the median of REPETITIONS timed runs after a
warm-up, in CPU seconds of the process (the machine is shared: CPU time is
steadier than wall time under load, and both interpreters run on one thread). Usage: python3 Benchmarks/compare/interpreter.py [REPETITIONS]"""
import json
import pathlib
import platform
import sys
import time

repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def median_seconds(body):
    body()
    samples = []
    for _ in range(repetitions):
        start = time.process_time()
        body()
        samples.append(time.process_time() - start)
    samples.sort()
    return samples[len(samples) // 2]


for path in sorted((pathlib.Path(__file__).parent / "cells").glob("*.py")):
    source = path.read_text()
    cell = compile(source, str(path), "exec")
    function_source = "def run():\n" + "".join("    " + line for line in source.splitlines(keepends=True))
    namespace = {}
    exec(compile(function_source, str(path), "exec"), namespace)
    timings = {
        "cell": median_seconds(lambda: exec(cell, {})),
        "function": median_seconds(namespace["run"]),
    }
    for mode, seconds in timings.items():
        print(json.dumps({
            "name": f"interpreter_{path.stem}", "value": seconds, "unit": "s (CPU)", "repetitions": repetitions,
            "parameters": {"language": "python", "mode": mode, "version": platform.python_version()},
        }, sort_keys=True), flush=True)
