"""The response cache's storage: one cached answer (``Entry``) and the bounded LRU of them.

What a cached answer is and how many are kept, apart from ``web.cache``, which
decides what is cached under which key and answers requests from the entries.
An entry builds the header lists of its variants (identity and gzip, each with
its own strong ETag) once, when it is stored; the LRU is bounded by entry count
and by bytes (least recently used go first) and is safe to share between threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from werkzeug.http import quote_etag

from ..records import record

if TYPE_CHECKING:
    from typing import TypeAlias

    _Headers: TypeAlias = tuple[tuple[str, str], ...]

DEFAULT_MAX_ENTRIES = 2048
DEFAULT_MAX_BYTES = 96 * 1024 * 1024


@record(slots=True)
class Entry:
    """One cached answer: the identity body and, when worth it, a gzip body.

    The header lists of each variant are built once, when the entry is stored:
    a hit only copies them into the answer.
    """

    body: bytes
    etag: str
    headers: tuple[tuple[str, str], ...]
    not_modified: tuple[tuple[str, str], ...]
    gzip_body: bytes | None = None
    gzip_etag: str | None = None
    gzip_headers: tuple[tuple[str, str], ...] = ()
    gzip_not_modified: tuple[tuple[str, str], ...] = ()
    #: ``Last-Modified`` as Unix seconds, for ``If-Modified-Since``.
    modified: int | None = None

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzip_body or b"") + 1024

    @classmethod
    def build(
        cls,
        body: bytes,
        etag: str,
        kept: tuple[tuple[str, str], ...],
        vary: str,
        gzip_body: bytes | None = None,
        modified: int | None = None,
    ) -> Entry:
        def variant(tag: str, encoding: str | None) -> tuple[_Headers, _Headers]:
            full = [*kept, ("ETag", quote_etag(tag)), ("Vary", vary)]
            if encoding:
                full.append(("Content-Encoding", encoding))
            # a 304 repeats the validators and caching headers, no entity headers (Content-Type
            # only tells web.http which kind of answer this is; werkzeug drops it from the 304)
            short = [(k, v) for k, v in full if k in ("Content-Type", "Cache-Control", "Last-Modified", "ETag", "Vary")]
            return tuple(full), tuple(short)

        headers, not_modified = variant(etag, None)
        if gzip_body is None:
            return cls(body, etag, headers, not_modified, modified=modified)
        gzip_etag = f"{etag}-gz"
        gzip_headers, gzip_not_modified = variant(gzip_etag, "gzip")
        return cls(body, etag, headers, not_modified, gzip_body, gzip_etag, gzip_headers, gzip_not_modified, modified)


class ResponseCache:
    """A thread-safe LRU bounded by entries and bytes."""

    def __init__(
        self, max_entries: int = DEFAULT_MAX_ENTRIES, max_bytes: int = DEFAULT_MAX_BYTES, also_clear: Any = None
    ):
        #: cleared with this cache (``web.replay``'s answers, made from these entries)
        self.also_clear = also_clear
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry

    def put(self, key: Hashable, entry: Entry) -> None:
        if entry.size > self.max_bytes // 4:  # one huge answer must not flush everything else
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old.size
            self._entries[key] = entry
            self._bytes += entry.size
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= dropped.size

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0
        if self.also_clear is not None:
            self.also_clear.clear()

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def bytes(self) -> int:
        return self._bytes


__all__ = ["ResponseCache", "Entry", "DEFAULT_MAX_ENTRIES", "DEFAULT_MAX_BYTES"]
