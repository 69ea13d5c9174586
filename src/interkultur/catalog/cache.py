"""The validated catalogue, cached on disk by the content of its files.

Reading and validating the YAML catalogue (192 holidays, their sibling files
and up to thirteen translation overlays) takes a sixth of a CLI run and most
of the service's start-up, and gives the same ``Catalogue`` for the same
files every time. So a successful load is pickled into the user's cache
directory under a key that is the SHA-256 of every file it may have read (the
catalogue's directory and its ``translations/``, and the shipped directory
whose siblings fill the gaps), the package's own source files (``code_fingerprint``:
a pickle of other classes is never read back), the Python version and the
languages asked for. An edit of any file changes the key; a broken
catalogue is never cached, so its errors are reported every time.

The cache is the user's own: ``$INTERKULTUR_CACHE_DIR``, else
``$XDG_CACHE_HOME/interkultur``, else ``~/.cache/interkultur``, created with
mode 0700; a directory owned by someone else or writable by others is not
used (unpickling runs code). ``INTERKULTUR_CACHE_DIR=off`` switches it off.
Any problem with the cache (read-only disk, a truncated file) falls back to
loading the YAML: the cache can make a run faster, never make it fail.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar, cast

from .. import __version__

T = TypeVar("T")
ENV_VARIABLE = "INTERKULTUR_CACHE_DIR"
#: Entries kept; older ones are removed when a new one is written.
KEEP = 16


def directory() -> Path | None:
    """The cache directory, or None when caching is off or the place is not safe to use."""
    configured = os.environ.get(ENV_VARIABLE)
    if configured is not None and configured.strip().lower() in ("", "off", "0", "no"):
        return None
    if configured:
        base = Path(configured)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = (Path(xdg) if xdg else Path.home() / ".cache") / "interkultur"
    try:
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = base.stat()
    except OSError:
        return None
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
        return None
    return base


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


@functools.cache
def code_fingerprint() -> str:
    """The package's own source files (path, size, modification time): a pickle of another version
    of the classes must never be read back, and the version number does not change with every edit."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(__version__.encode())
    for source in sorted(package.rglob("*.py")):
        info = source.stat()
        digest.update(f"{source.relative_to(package)}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


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
    entry = folder / f"catalogue-{entry_key}.pickle"
    try:
        with entry.open("rb") as fp:
            return cast(T, pickle.load(fp))  # noqa: S301 - the user's own 0700 directory, checked above
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged entry: rebuild it
        entry.unlink(missing_ok=True)
    value = build()
    try:
        temporary = entry.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as fp:
            pickle.dump(value, fp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
        _prune(folder)
    except Exception:  # noqa: BLE001 - a full or read-only disk: no cache, same answer
        pass
    return value


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("catalogue-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
