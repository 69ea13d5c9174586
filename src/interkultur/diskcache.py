"""Validated data kept on disk between runs, keyed by content: the catalogue (``catalog.cache``), the
places, the Länder, the events, the feed revisions served for a catalogue and serialised feeds.

Reading and validating YAML is most of what a short CLI run or the service's
start-up would spend, and gives the same value for the same file every time.
So a successful load is pickled into the user's cache directory under a key
made of the file's content (or, for the catalogue, of every file it may read),
the package's own source files (``code_fingerprint``: a pickle of other
classes is never read back) and the Python version. An edit of any file
changes the key; a broken file is never cached, so its errors are reported
every time.

The cache is the user's own: ``$INTERKULTUR_CACHE_DIR``, else
``$XDG_CACHE_HOME/interkultur``, else ``~/.cache/interkultur``, created with
mode 0700; a directory owned by someone else or writable by others is not
used (unpickling runs code). ``INTERKULTUR_CACHE_DIR=off`` switches it off.
Any problem with the cache (read-only disk, a truncated file) falls back to
loading the file: the cache can make a run faster, never make it fail.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar, cast

from . import __version__

T = TypeVar("T")
ENV_VARIABLE = "INTERKULTUR_CACHE_DIR"
#: Entries kept per kind; older ones are removed when a new one is written.
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


@functools.cache
def code_fingerprint() -> str:
    """The package's own source files (path, size, modification time): a pickle of another version
    of the classes must never be read back, and the version number does not change with every edit."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    digest.update("".join(_sources(str(package), "")).encode())
    return digest.hexdigest()


def _sources(folder: str, prefix: str) -> Iterator[str]:
    """``path\0size\0mtime\0`` of every ``.py`` below ``folder``, in name order (``os.scandir``: a
    third of what ``Path.rglob`` and ``Path.stat`` cost, on every CLI run)."""
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__":
                yield from _sources(entry.path, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".py"):
            info = entry.stat()
            yield f"{prefix}{entry.name}\0{info.st_size}\0{info.st_mtime_ns}\0"


def cached_file(kind: str, path: str | Path, build: Callable[[], T], depends_on: str = "") -> T:
    """``build()``'s result for one data file (``places.yaml``: a sixth of a one-year CLI run goes to
    parsing it), keyed by its content, path and the package's code like the catalogue, and by
    ``depends_on``: whatever else the result depends on (the events' zone and known traditions)."""
    folder = directory()
    if folder is None:
        return build()
    file = Path(path)
    try:
        content = file.read_bytes()
    except OSError:
        return build()  # the build reports the problem
    digest = hashlib.sha256(f"{code_fingerprint()}\0{sys.version}\0{file.resolve()}\0{depends_on}\0".encode() + content)
    return through(folder, f"{kind}-{digest.hexdigest()[:32]}", build)


def cached_value(kind: str, key: str, build: Callable[[], T]) -> T:
    """``build()``'s result under a key that already names everything it is made of (a feed's
    ``ical.content_key``), joined here with the package's code and the Python version."""
    folder = directory()
    if folder is None:
        return build()
    digest = hashlib.sha256(f"{code_fingerprint()}\0{sys.version}\0{key}".encode())
    return through(folder, f"{kind}-{digest.hexdigest()[:32]}", build)


def through(folder: Path, name: str, build: Callable[[], T]) -> T:
    """The entry ``name`` of ``folder`` (``<kind>-<key>``), built and stored when it is missing."""
    entry = folder / f"{name}.pickle"
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
        _prune(folder, name.split("-", 1)[0])
    except Exception:  # noqa: BLE001 - a full or read-only disk: no cache, same answer
        pass
    return value


def _prune(folder: Path, kind: str) -> None:
    entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
