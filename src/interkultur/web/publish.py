"""Writing an export without touching the one being served: build beside it, then switch one symlink.

``interkultur export DIR`` never writes into the live tree. It builds
``DIR.<timestamp>`` next to ``DIR`` and, when every file is written, points
``DIR`` at it by renaming a fresh symlink over the old one (``os.replace``,
one ``rename(2)``): a web server reading ``DIR`` sees the old tree or the new
one, never a mixture, and a full disk or a read-only target leaves the old
tree as it was. ``rename(2)`` cannot put a symlink in place of a directory,
so the first export into a ``DIR`` that is a real directory (an older export)
swaps the two with ``renameat2(RENAME_EXCHANGE)`` on Linux and keeps the old
directory as ``DIR.<its timestamp>``; elsewhere it is renamed aside first
(a moment without ``DIR``). The previous tree is kept (``KEEP`` trees in all),
older ones are removed; only names of this module's pattern are ever removed.

Beside every text file a ``.gz`` (``gzip``, mtime 0: the same bytes for the
same input) lets nginx's ``gzip_static`` or any CDN serve compressed answers
without compressing per request.
"""

from __future__ import annotations

import ctypes
import errno
import gzip
import os
import re
import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

#: Trees kept after a switch: the one served and the one before it.
KEEP = 2
#: Files that get a ``.gz`` beside them (the types a browser or calendar app downloads as text).
COMPRESSED_SUFFIXES = frozenset({".html", ".ics", ".json", ".js", ".css", ".svg"})
_STAMP = "%Y%m%dT%H%M%S%fZ"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class PublishError(Exception):
    """An I/O problem, worded as one line that names the path and the cause (no traceback)."""


def describe(exc: OSError, action: str) -> PublishError:
    """``cannot write /srv/x.…/de/index.html: No space left on device``."""
    where = exc.filename or "?"
    cause = exc.strerror or os.strerror(exc.errno or 0) or exc.__class__.__name__
    return PublishError(f"cannot {action} {where}: {cause}")


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(_STAMP)


def tree_pattern(target: Path) -> re.Pattern[str]:
    """Names of the trees this module builds beside ``target``: ``<name>.<YYYYMMDDTHHMMSSffffff>Z``."""
    return re.compile(re.escape(target.name) + r"\.\d{8}T\d{12}Z")


class Tree:
    """A new export tree beside ``target``: ``write`` files into it, then ``switch`` or ``discard``."""

    def __init__(self, target: str | Path, now: Callable[[], datetime] = lambda: datetime.now(UTC)):
        self.target = Path(target).absolute()
        self.switched = False
        self.parent = self.target.parent
        self._check_target()
        stamp = now()
        while True:
            self.root = self.parent / f"{self.target.name}.{_stamp(stamp)}"
            try:
                self.root.mkdir(parents=False)
                break
            except FileExistsError:
                stamp += timedelta(microseconds=1)
            except OSError as exc:
                raise describe(exc, "create") from None

    def _check_target(self) -> None:
        """Refuse before building when ``target`` is something this module must not replace."""
        target = self.target
        if not target.name or target == target.parent:
            raise PublishError(f"cannot export to {target}: name a directory below it")
        if target.is_symlink() or not target.exists():
            return
        if not target.is_dir():
            raise PublishError(f"cannot export to {target}: it exists and is not a directory")
        if any(target.iterdir()) and not _looks_like_export(target):
            raise PublishError(
                f"cannot export to {target}: it is a directory with files that are not "
                f"an interkultur export (choose another DIR or empty it)"
            )

    # -- writing -------------------------------------------------------------------------------
    def write(self, path: str, body: bytes) -> list[str]:
        """``path`` (relative, ``/``-separated) with ``body``, and its ``.gz`` for text types: the paths written."""
        self._write(path, body)
        if Path(path).suffix not in COMPRESSED_SUFFIXES:
            return [path]
        self._write(path + ".gz", gzip.compress(body, compresslevel=9, mtime=0))
        return [path, path + ".gz"]

    def _write(self, path: str, body: bytes) -> None:
        file = self.root / path
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            with open(file, "wb") as out:
                out.write(body)
        except OSError as exc:
            if exc.filename is None:
                exc.filename = str(file)
            raise describe(exc, "write") from None

    # -- switching -----------------------------------------------------------------------------
    def discard(self) -> None:
        """Remove the unfinished tree (best effort: the served one is untouched either way); never a served one."""
        if not self.switched:
            shutil.rmtree(self.root, ignore_errors=True)

    def switch(self, log: Callable[[str], None] = lambda message: None) -> list[Path]:
        """Point ``target`` at the new tree in one rename; return the older trees removed."""
        link = self.parent / f".{self.target.name}.{self.root.name[len(self.target.name) + 1 :]}.link"
        try:
            link.unlink(missing_ok=True)
            os.symlink(self.root.name, link)  # relative: the parent directory may move or be mounted elsewhere
        except OSError as exc:
            raise describe(exc, "create the symlink") from None
        try:
            if self.target.is_dir() and not self.target.is_symlink():
                self._replace_directory(link, log)
            else:
                os.replace(link, self.target)
        except OSError as exc:
            link.unlink(missing_ok=True)
            raise describe(exc, "switch") from None
        self.switched = True
        try:  # the new tree is served now: nothing after this point may fail the export
            return self.prune(log)
        except OSError as exc:
            log(f"could not look for old trees beside {self.target}: {exc.strerror}")
            return []

    def _replace_directory(self, link: Path, log: Callable[[str], None]) -> None:
        """The first switch of a ``target`` that is a real directory (empty, or an export from an older version).

        Once ``target`` is the new symlink nothing here raises: the switch has happened.
        """
        old = self.target
        empty = not any(old.iterdir())
        moment = datetime.fromtimestamp(old.stat().st_mtime, UTC)
        aside = self.parent / f"{old.name}.{_stamp(moment)}"
        while aside.exists():
            moment += timedelta(microseconds=1)
            aside = self.parent / f"{old.name}.{_stamp(moment)}"
        if _exchange(link, old):  # now ``old`` is the symlink and ``link`` the old directory
            try:
                link.rmdir() if empty else os.rename(link, aside)
            except OSError as exc:
                log(f"{old.name} is now a symlink; the directory it was is left as {link.name} ({exc.strerror})")
                return
            if not empty:
                log(f"{old} was a directory: kept as {aside.name}, {old.name} is now a symlink")
            return
        # no renameat2 here: a moment without ``old``
        if empty:
            old.rmdir()
        else:
            os.rename(old, aside)
        try:
            os.replace(link, old)
        except OSError:
            if not empty:
                os.rename(aside, old)  # put the served tree back
            else:
                old.mkdir()
            raise
        if not empty:
            log(f"{old} was a directory: moved to {aside.name}, {old.name} is now a symlink")

    def prune(self, log: Callable[[str], None] = lambda message: None) -> list[Path]:
        """Remove trees of this module's pattern beyond the newest ``KEEP`` (never the one served)."""
        pattern = tree_pattern(self.target)
        served = os.readlink(self.target) if self.target.is_symlink() else None
        trees = sorted(
            (p for p in self.parent.iterdir() if pattern.fullmatch(p.name) and p.is_dir() and not p.is_symlink()),
            key=lambda p: p.name,
            reverse=True,
        )
        removed = []
        for tree in trees[KEEP:]:
            if tree.name == served:
                continue
            try:
                shutil.rmtree(tree)
                removed.append(tree)
            except OSError as exc:  # the new tree is live already: say so, do not fail
                log(f"could not remove the old tree {tree}: {exc.strerror}")
        return removed


def _looks_like_export(directory: Path) -> bool:
    """An older ``interkultur export``: its landing page, embed script and static files."""
    return all((directory / name).exists() for name in ("index.html", "embed.js", "static"))


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False where that is unavailable."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # old kernel or a file system without it
        return False
    raise OSError(code, os.strerror(code), str(second))


__all__ = ["Tree", "PublishError", "KEEP", "COMPRESSED_SUFFIXES", "tree_pattern"]
