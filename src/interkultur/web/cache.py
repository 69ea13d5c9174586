"""Rendered-response cache, strong ETags, conditional GET and gzip.

Every successful ``GET``/``HEAD`` of a cacheable route (the widget, the pages,
the JSON API, the feeds, static assets) is stored once per

    (route, path arguments, normalised query string, negotiated language,
     catalogue version, today's date, public base URL)

so that the next identical request is answered without running the view.
Today's date is part of every key: the pages mark today, the feeds and
"next dates" start from it, and a key that changes at midnight (in the
configured zone) costs one render per route and day.

Each entry keeps the identity body and, for text formats, a gzip body, each
with its own strong ETag (``"<hash>"`` and ``"<hash>-gz"``): a cache in front
of the service never confuses the two encodings. Answers carry
``Vary: Accept-Encoding`` (and ``Accept-Language`` where the language is
negotiated from that header), the view's ``Cache-Control``, and
``If-None-Match`` gives ``304 Not Modified``. ``HEAD`` is answered from the
same entry (the WSGI layer drops the body).

The cache is bounded by entry count and by bytes (least recently used go
first); errors and ``no-store`` answers are never stored. Routes not listed
in ``CACHEABLE`` (``/healthz``, the schools check with its POST form) pass
through untouched.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Hashable

from flask import Flask, Response, current_app, g, request

from ..languages import LANGUAGES
from . import params

#: Endpoints whose 200 answers are cached, and whether they negotiate the language
#: from ``Accept-Language`` (the HTML routes do; the API and feeds take ``lang=`` only).
CACHEABLE: dict[str, bool] = {
    "widget.current": True, "widget.month": True, "widget.embed": False,
    "pages.index": True, "pages.year": True, "pages.holiday": True,
    "api.holidays": False, "api.holiday": False, "api.traditions": False, "api.openapi": False,
    "feeds.all_traditions": False, "feeds.tradition": False, "feeds.holiday": False,
    "static": False,
}
#: Worth compressing: text formats above a few hundred bytes.
COMPRESSIBLE = frozenset({"text/html", "text/calendar", "application/json", "text/javascript",
                          "application/javascript", "text/css", "image/svg+xml", "text/plain"})
MIN_GZIP_BYTES = 512
GZIP_LEVEL = 6
#: Headers of the view's answer that are replayed from the cache; the security and
#: CORS headers are added to every answer by ``web.http`` and are not stored.
KEPT_HEADERS = ("Content-Type", "Cache-Control", "Content-Disposition", "Last-Modified")
DEFAULT_MAX_ENTRIES = 2048
DEFAULT_MAX_BYTES = 96 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Entry:
    """One cached answer: the identity body and, when worth it, a gzip body."""

    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str
    gzip_body: bytes | None
    gzip_etag: str | None
    negotiates_language: bool

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzip_body or b"") + 512


class ResponseCache:
    """A thread-safe LRU bounded by entries and bytes."""

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES, max_bytes: int = DEFAULT_MAX_BYTES):
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

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def bytes(self) -> int:
        return self._bytes


def _cache() -> ResponseCache:
    return current_app.extensions["interkultur.responses"]


def cache_key() -> tuple | None:
    """The key of the current request, or None when it is not cacheable."""
    if request.method not in ("GET", "HEAD"):
        return None
    endpoint = request.endpoint
    negotiates = CACHEABLE.get(endpoint or "")
    if negotiates is None or request.routing_exception is not None:
        return None
    args = request.args
    language = None
    if negotiates and args.get("lang", "").strip() not in LANGUAGES:
        language = request.accept_languages.best_match(LANGUAGES)
    catalogue = current_app.extensions["interkultur"].catalogue
    view_args = tuple(sorted((request.view_args or {}).items()))
    query = tuple(sorted(args.items(multi=True)))
    base = current_app.config["BASE_URL"] or request.host_url
    return (endpoint, view_args, query, language, catalogue.version, catalogue.digest,
            params.today() if endpoint != "static" else None, base, request.script_root)


def _accepts_gzip() -> bool:
    return request.accept_encodings["gzip"] > 0


def _answer(entry: Entry) -> Response:
    """The entry in the encoding the client accepts; 304 when its ETag matches."""
    use_gzip = entry.gzip_body is not None and _accepts_gzip()
    etag = entry.gzip_etag if use_gzip else entry.etag
    if request.if_none_match and request.if_none_match.contains_weak(etag):
        response = Response(status=304)
        for name, value in entry.headers:
            # Content-Type only tells web.http which kind of answer this is; werkzeug drops it on a 304
            if name in ("Content-Type", "Cache-Control", "Last-Modified"):
                response.headers[name] = value
    else:
        response = Response(entry.gzip_body if use_gzip else entry.body)
        response.headers.update(entry.headers)  # replaces the default Content-Type
        if use_gzip:
            response.headers["Content-Encoding"] = "gzip"
    response.set_etag(etag)
    response.vary.add("Accept-Encoding")
    if entry.negotiates_language:
        response.vary.add("Accept-Language")
    return response


def _store(response: Response, key: tuple) -> Entry | None:
    """Turn the view's answer into an entry (None when it must not be cached)."""
    if response.status_code != 200 or response.headers.get("Content-Encoding"):
        return None
    control = response.headers.get("Cache-Control", "")
    if "no-store" in control or "private" in control:
        return None
    response.direct_passthrough = False  # static files: read the whole (small) file
    body = response.get_data()
    response.close()  # the file wrapper of a static file; the answer is rebuilt from the entry
    tag, weak = response.get_etag()  # keep a strong ETag the view chose (the feeds hash their bytes)
    digest = tag if tag and not weak else hashlib.blake2b(body, digest_size=16).hexdigest()
    compressed = None
    if response.mimetype in COMPRESSIBLE and len(body) >= MIN_GZIP_BYTES:
        # mtime=0: identical bytes for identical bodies, so the gzip ETag is stable too
        compressed = gzip.compress(body, GZIP_LEVEL, mtime=0)
        if len(compressed) >= len(body):
            compressed = None
    headers = tuple((name, response.headers[name]) for name in KEPT_HEADERS if name in response.headers)
    return Entry(headers, body, digest, compressed, f"{digest}-gz" if compressed else None,
                 CACHEABLE.get(key[0], False))


def _before_request() -> Response | None:
    key = cache_key()
    if key is None:
        return None
    g.ik_cache_key = key
    entry = _cache().get(key)
    if entry is None:
        return None
    g.ik_cache_hit = True
    return _answer(entry)


def _after_request(response: Response) -> Response:
    """Runs after every other after-request function (``init_app`` puts it first in the list)."""
    key = g.get("ik_cache_key")
    if key is not None and not g.get("ik_cache_hit"):
        entry = _store(response, key)
        if entry is not None:
            _cache().put(key, entry)
            cached = _answer(entry)
            # keep what other hooks added (security headers, CORS), take body and validators from the entry
            for name, value in response.headers.items():
                if name not in cached.headers and name not in ("Content-Length", "ETag", "Vary"):
                    cached.headers.add(name, value)
            for value in response.vary:
                cached.vary.add(value)
            response = cached
    if "Vary" in response.headers:  # one Vary header, each value once
        values = dict.fromkeys(v.strip() for h in response.headers.getlist("Vary") for v in h.split(",")
                               if v.strip())
        response.headers["Vary"] = ", ".join(values)
    return response


def init_app(app: Flask, max_entries: int = DEFAULT_MAX_ENTRIES, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Install the cache; call after ``web.http.init_app`` (its request guard runs first)."""
    app.extensions["interkultur.responses"] = ResponseCache(max_entries, max_bytes)
    app.before_request(_before_request)
    # after-request functions run in reverse order: index 0 runs last, after web.http added its headers
    app.after_request_funcs.setdefault(None, []).insert(0, _after_request)


__all__ = ["ResponseCache", "Entry", "CACHEABLE", "init_app", "cache_key"]
