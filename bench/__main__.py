"""Run every benchmark and write bench/results.json.

Each metric runs in its own child process (so one crash or leak cannot skew another) and
prints one JSON line. Figures with a natural floor are ratios to that floor measured in the
same run. A metric whose feature does not exist yet is reported as missing, never as zero.

    python -m bench                 # everything
    python -m bench hit_test_us     # only the named metrics
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from bench.metrics import METRICS

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.json"
TIMEOUT_S = 240


def machine() -> dict[str, object]:
    try:
        import PySide6

        qt = PySide6.__version__
    except ImportError:
        qt = None
    return {"platform": platform.platform(), "python": platform.python_version(),
            "cpus": os.cpu_count(), "pyside6": qt, "processor": platform.processor() or None}


def run_metric(name: str) -> dict[str, object]:
    spec = METRICS[name]
    if spec.missing:
        return {"value": None, "unit": spec.unit, "goal": spec.goal, "ok": False,
                "missing": spec.missing}
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "bench.metrics", name],
                              capture_output=True, text=True, timeout=TIMEOUT_S, env=env,
                              cwd=HERE.parent)
    except subprocess.TimeoutExpired:
        return {"value": None, "unit": spec.unit, "goal": spec.goal, "ok": False,
                "error": f"timed out after {TIMEOUT_S} s"}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"value": None, "unit": spec.unit, "goal": spec.goal, "ok": False,
                "error": (proc.stderr.strip().splitlines() or ["no output"])[-1]}
    result = json.loads(lines[-1])
    value = result.pop("value")
    return {"value": value, "unit": spec.unit, "goal": spec.goal,
            "ok": spec.meets(value), **({"at_least": True} if spec.at_least else {}),
            **result,
            "seconds": round(time.perf_counter() - started, 1)}


def main(argv: list[str]) -> int:
    names = argv or list(METRICS)
    unknown = [n for n in names if n not in METRICS]
    if unknown:
        print(f"unknown metric(s): {', '.join(unknown)}; known: {', '.join(METRICS)}",
              file=sys.stderr)
        return 2
    results: dict[str, dict[str, object]] = {}
    print(f"{'metric':<22} {'value':>10} {'unit':<6} {'goal':>7}  result")
    for name in names:
        r = run_metric(name)
        results[name] = r
        value = "-" if r["value"] is None else f"{r['value']:.3g}"
        verdict = ("ok" if r["ok"] else
                   f"MISSING: {r['missing']}" if "missing" in r else
                   f"ERROR: {r['error']}" if "error" in r else "MISSED GOAL")
        print(f"{name:<22} {value:>10} {r['unit']:<6} {METRICS[name].goal_text:>7}  "
              f"{verdict}", flush=True)
    previous: dict[str, object] = {}
    if argv and RESULTS.exists():  # a partial run updates the stored table
        previous = json.loads(RESULTS.read_text()).get("metrics", {})
    RESULTS.write_text(json.dumps({"machine": machine(),
                                   "metrics": {**previous, **results}}, indent=2) + "\n")
    print(f"\nwritten: {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
