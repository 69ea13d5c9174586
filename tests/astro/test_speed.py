"""Per-request cost stays small: the astronomical holidays of 1900-2100, cold, in one process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent / "catalogue.yaml"

SCRIPT = f"""
import time
from interkultur.catalog import load
from interkultur.engine import Engine
engine = Engine(load({str(CATALOGUE)!r}))
began = time.process_time()
for year in range(1900, 2101):
    engine.year(year)
print(time.process_time() - began)
"""


def test_cold_evaluation_1900_2100_is_fast():
    # Measured about 0.3 s of CPU on the 2-core development machine; the bound
    # only catches a regression to per-request ephem searches (several seconds).
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert float(out.stdout) < 1.5
