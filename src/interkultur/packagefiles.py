"""Files shipped inside the package (``data/``, the generated tables), by path.

The package is always installed as files: ``data/`` is read as a directory
(``reference.shipped_dir``), and people edit it in a checkout, where
``interkultur/data`` is a symlink to the top-level ``data/``. So a path from
the package's own directory is what ``importlib.resources`` would give, without
importing it: that import (it brings ``tempfile``, ``zipfile`` and ``shutil``)
was a twentieth of a one-year CLI run.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
#: The tables the scripts in ``scripts/generate_*.py`` write (astronomy, tithis, sun, Thai, Diyanet).
GENERATED = ("calendars", "generated")


def path(*parts: str) -> Path:
    """``interkultur/<parts...>``, e.g. ``path("data", "holidays.yaml")``."""
    return PACKAGE_DIR.joinpath(*parts)


def read_text(*parts: str) -> str:
    """The UTF-8 text of ``interkultur/<parts...>``."""
    return path(*parts).read_text("utf-8")
