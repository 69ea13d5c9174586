"""interkultur benchmarks: one command, prints a table.

    python benchmarks/run.py [--runs N] [--quick]

Each figure is the median of several runs, side by side with its baseline from
the same run. Results are recorded by hand in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent


def median_seconds(command: list[str], runs: int) -> tuple[float, int]:
    """Median wall time of a whole process and the size of its output."""
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(command, check=True, stdout=subprocess.PIPE).stdout
        times.append(time.perf_counter() - start)
        size = len(out)
    return statistics.median(times), size


def in_process(runs: int) -> dict[str, float]:
    from interkultur.catalog import load
    from interkultur.engine import Engine

    figures: dict[str, float] = {}
    start = time.perf_counter()
    catalogue = load()
    figures["catalogue load + validate (ms)"] = (time.perf_counter() - start) * 1000
    cold = []
    for _ in range(runs):
        engine = Engine(catalogue)
        start = time.perf_counter()
        engine.occurrences(date(1901, 1, 1), date(2100, 12, 31))
        cold.append(time.perf_counter() - start)
    figures["cold 1901-2100, all holidays (ms)"] = statistics.median(cold) * 1000
    engine.occurrences(date(2025, 1, 1), date(2025, 12, 31))
    n = 2000
    start = time.perf_counter()
    for _ in range(n):
        engine.occurrences(date(2025, 1, 1), date(2025, 12, 31))
    figures["cached year query (ms)"] = (time.perf_counter() - start) / n * 1000
    figures["holidays in catalogue"] = len(catalogue.holidays)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}")
    print()
    print("1. Engine, whole process, 1901-2100 (median of", args.runs, "runs)")
    script = Path(sys.executable).with_name("interkultur")  # the console script, not a shell shim
    ours, our_size = median_seconds(
        [str(script) if script.exists() else "interkultur", "holidays", "--from", "1901-01-01", "--to", "2100-12-31", "--format", "json"], args.runs)
    base, base_size = median_seconds([sys.executable, str(HERE / "baseline_python_holidays.py")], args.runs)
    print(f"   {'interkultur holidays --format json':<45} {ours * 1000:8.0f} ms  ({our_size // 1024} KiB)")
    print(f"   {'python-holidays DE+GR+IL+TR+SA (baseline)':<45} {base * 1000:8.0f} ms  ({base_size // 1024} KiB)")
    print(f"   ratio interkultur / baseline: {ours / base:.2f} (goal <= 0.50)")
    print()
    print("   in-process:")
    for label, value in in_process(args.runs).items():
        print(f"   {label:<45} {value:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
