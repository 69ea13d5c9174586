"""The validated catalogue, cached on disk by the content of its files (``diskcache``).

A catalogue load reads many files: the holiday file, its sibling files and up
to thirteen translation overlays. Its key is the SHA-256 of every file it may
have read (the catalogue's directory and its ``translations/``, and the
shipped directory whose siblings fill the gaps), the package's own source
files, the Python version and the languages asked for. Where the cache lives,
who may use it and how it fails safe: ``diskcache``.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from ..diskcache import ENV_VARIABLE, code_fingerprint, directory, through

__all__ = ["ENV_VARIABLE", "cached", "code_fingerprint", "directory", "key"]

T = TypeVar("T")


def _files(path: Path) -> list[Path]:
    """Every YAML file a load of the holiday file ``path`` may read, in a stable order."""
    from ..reference import shipped_dir

    folders = [path.parent, path.parent / "translations"]
    shipped = shipped_dir()
    if shipped.resolve() != path.parent.resolve():
        folders += [shipped, shipped / "translations"]
    found: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return found


def key(path: str, languages: Iterable[str] | None) -> str | None:
    """The cache key of a load; None when a file cannot be read (the load then reports it)."""
    digest = hashlib.sha256(
        f"{code_fingerprint()}\0{sys.version}\0{sorted(languages) if languages is not None else '*'}".encode()
    )
    holiday_file = Path(path)
    try:
        for file in [holiday_file, *_files(holiday_file)]:
            digest.update(str(file.resolve()).encode() + b"\0" + file.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()[:32]


def cached(path: str, languages: Iterable[str] | None, build: Callable[[], T]) -> T:
    """``build()``'s result for these files, from the cache when it is there (and stored when not)."""
    folder = directory()
    entry_key = key(path, languages) if folder is not None else None
    if folder is None or entry_key is None:
        return build()
    return through(folder, f"catalogue-{entry_key}", build)
