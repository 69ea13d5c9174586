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

Every entry also carries ``Last-Modified`` (``web.lastmodified``: the latest
of the catalogue's revisions, the installed software and, for answers whose
content moves with the date, the moment it last moved).
``If-Modified-Since`` gives ``304`` when nothing changed since, unless the
request has ``If-None-Match``, which takes precedence (RFC 9110, 13.2.2).

The cache is bounded by entry count and by bytes, least recently used go
first (``web.cache_store``: the entries and the LRU); errors and ``no-store``
answers are never stored. Routes not listed in ``CACHEABLE`` (``/healthz``,
the schools check with its POST form) pass through untouched. A cached answer
as it left the app is also replayed in front of Flask (``web.replay``).
"""

from __future__ import annotations

import gzip
import hashlib
import io
from datetime import UTC, datetime
from email.utils import format_datetime
from functools import lru_cache
from typing import Any, cast

from flask import Flask, Response, current_app, g, request
from werkzeug.datastructures import Headers, LanguageAccept
from werkzeug.http import parse_accept_header, parse_date

from .. import laender, places
from ..languages import LANGUAGES
from . import params
from .cache_store import DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES, Entry, ResponseCache
from .lastmodified import last_modified
from .replay import FILE_WRAPPER_BYTES, REPLAYABLE, ReplayMiddleware, Replays

#: Endpoints whose 200 answers are cached, and whether they negotiate the language
#: from ``Accept-Language`` (the HTML routes do; the API and feeds take ``lang=`` only).
CACHEABLE: dict[str, bool] = {
    "widget.current": True,
    "widget.month": True,
    "widget.embed": False,
    "pages.index": True,
    "pages.year": True,
    "pages.holiday": True,
    "api.holidays": False,
    "api.holiday": False,
    "api.traditions": False,
    "api.openapi": False,
    "feeds.all_traditions": False,
    "feeds.tradition": False,
    "feeds.holiday": False,
    "static": False,
}
#: Worth compressing: text formats above a few hundred bytes.
COMPRESSIBLE = frozenset(
    {
        "text/html",
        "text/calendar",
        "application/json",
        "text/javascript",
        "application/javascript",
        "text/css",
        "image/svg+xml",
        "text/plain",
    }
)
MIN_GZIP_BYTES = 512
#: Answers kept as they left the app (``web.replay``), at most; each also counts its body.
REPLAYS_KEPT = 1024
GZIP_LEVEL = 6
#: Headers of the view's answer that are replayed from the cache; the security and
#: CORS headers are added to every answer by ``web.http`` and are not stored.
KEPT_HEADERS = ("Content-Type", "Cache-Control", "Content-Disposition", "Last-Modified")


def _cache() -> ResponseCache:
    return cast(ResponseCache, current_app.extensions["interkultur.responses"])


def cache_key() -> tuple[Any, ...] | None:
    """The key of the current request, or None when it is not cacheable."""
    req = request._get_current_object()  # type: ignore[attr-defined]  # one proxy lookup, not twenty
    if req.method not in ("GET", "HEAD"):
        return None
    endpoint = req.endpoint
    negotiates = CACHEABLE.get(endpoint or "")
    if negotiates is None or req.routing_exception is not None:
        return None
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    environ = req.environ
    args = req.args
    language = None
    if negotiates and args.get("lang", "").strip() not in LANGUAGES:
        language = _best_language(environ.get("HTTP_ACCEPT_LANGUAGE", ""))
    catalogue = app.extensions["interkultur"].catalogue
    view_args = tuple(sorted(req.view_args.items())) if req.view_args else ()
    query = tuple(sorted(_canonical(k, v) for k, v in args.items(multi=True))) if args else ()
    # absolute links use BASE_URL, or else the request's scheme and host (raw: cheaper than host_url)
    # (the server's own name and port matter only without a Host header: with one, URLs use it)
    host = environ.get("HTTP_HOST")
    base = app.config["BASE_URL"] or (
        (environ.get("wsgi.url_scheme"), host)
        if host
        else (environ.get("wsgi.url_scheme"), None, environ.get("SERVER_NAME"), environ.get("SERVER_PORT"))
    )
    return (
        endpoint,
        view_args,
        query,
        language,
        catalogue.version,
        catalogue.digest,
        params.today() if endpoint != "static" else None,
        base,
        environ.get("SCRIPT_NAME", ""),
    )


def _canonical(name: str, value: str) -> tuple[str, str]:
    """``state=nrw`` and ``state=DE-NW`` share the entry of ``state=NW`` (the answers are the same)."""
    if name == "state":
        return name, laender.resolve(value.strip()) or value
    if name == "place":  # coordinates share the entry of their rounded form (places.resolve rounds them)
        return name, places.canonical(value)
    return name, value


@lru_cache(maxsize=512)
def _best_language(header: str) -> str | None:
    """``Accept-Language`` -> one of LANGUAGES; browsers send few distinct values, so memoised."""
    return parse_accept_header(header, LanguageAccept).best_match(LANGUAGES)


@lru_cache(maxsize=256)
def _gzip_ok(header: str) -> bool:
    return parse_accept_header(header)["gzip"] > 0


def _answer(entry: Entry) -> Response:
    """The entry in the encoding the client accepts; 304 when its ETag matches."""
    environ = request.environ
    use_gzip = entry.gzip_body is not None and _gzip_ok(environ.get("HTTP_ACCEPT_ENCODING", ""))
    etag = entry.gzip_etag if use_gzip else entry.etag
    if environ.get("HTTP_IF_NONE_MATCH"):  # RFC 9110, 13.2.2: If-Modified-Since is then ignored
        if request.if_none_match.contains_weak(cast(str, etag)):  # gzip_etag is set with gzip_body
            return Response(status=304, headers=entry.gzip_not_modified if use_gzip else entry.not_modified)
    elif entry.modified is not None and _not_modified_since(entry.modified, environ.get("HTTP_IF_MODIFIED_SINCE")):
        return Response(status=304, headers=entry.gzip_not_modified if use_gzip else entry.not_modified)
    body = cast(bytes, entry.gzip_body) if use_gzip else entry.body
    environ[REPLAYABLE] = body  # web.replay may keep this answer as it leaves the app
    return _prebuilt(body, entry.gzip_headers if use_gzip else entry.headers, environ)


#: Whether werkzeug's Headers keeps its (name, value) pairs in ``_list``, as it has since 0.x.
_HEADER_LIST = isinstance(getattr(Headers(), "_list", None), list)


def _prebuilt(body: bytes, headers: tuple[tuple[str, str], ...], environ: dict[str, Any]) -> Response:
    """A response with headers that were validated when the entry was stored: handing werkzeug the
    list skips re-checking every name and value on every hit (a third of a cached answer's cost)."""
    if not _HEADER_LIST:
        return Response(body, headers=headers)
    wrapper = environ.get("wsgi.file_wrapper") if len(body) >= FILE_WRAPPER_BYTES else None
    response = Response(wrapper(io.BytesIO(body)), direct_passthrough=True) if wrapper else Response(body)
    fresh = Headers()
    fresh._list = list(headers)
    if wrapper:  # werkzeug counts a body it holds; a file it hands over it does not (HEAD needs the length)
        fresh._list.append(("Content-Length", str(len(body))))
    response.headers = fresh
    return response


def _not_modified_since(modified: int, header: str | None) -> bool:
    """``If-Modified-Since`` is a valid date at or after ``modified`` (an invalid one is ignored)."""
    if not header:
        return False
    since = parse_date(header)
    return since is not None and modified <= since.timestamp()


def _http_date(seconds: int) -> str:
    return format_datetime(datetime.fromtimestamp(seconds, UTC), usegmt=True)


def _store(response: Response, key: tuple[Any, ...]) -> Entry | None:
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
    if "Last-Modified" in response.headers:  # static files: the file's own time
        given = parse_date(response.headers["Last-Modified"])
        modified = int(given.timestamp()) if given is not None else None
    else:
        modified = last_modified(key[0], params.today())
        response.headers["Last-Modified"] = _http_date(modified)
    kept = tuple((name, response.headers[name]) for name in KEPT_HEADERS if name in response.headers)
    vary = "Accept-Encoding, Accept-Language" if CACHEABLE.get(key[0]) else "Accept-Encoding"
    return Entry.build(body, digest, kept, vary, compressed, modified)


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
            for value in response.headers.getlist("Vary"):
                cached.headers.add("Vary", value)
            response = cached
        elif response.status_code == 304:  # the view's own conditional answer (feeds): same Vary
            response.headers.add("Vary", "Accept-Encoding")
    varies = response.headers.getlist("Vary")
    if len(varies) > 1:  # one Vary header, each value once
        response.headers["Vary"] = ", ".join(
            dict.fromkeys(v.strip() for h in varies for v in h.split(",") if v.strip())
        )
    return response


def init_app(app: Flask) -> None:
    """Install the cache; call after ``web.http.init_app`` (its request guard runs first).

    Sized by ``RESPONSE_CACHE_ENTRIES`` and ``RESPONSE_CACHE_MB``; 0 entries: no cache.
    """
    entries = int(app.config.get("RESPONSE_CACHE_ENTRIES", DEFAULT_MAX_ENTRIES))
    megabytes = int(app.config.get("RESPONSE_CACHE_MB", DEFAULT_MAX_BYTES // 2**20))
    if entries <= 0:
        return
    replays = Replays(min(entries, REPLAYS_KEPT), megabytes * 2**20 // 2)
    app.extensions["interkultur.responses"] = ResponseCache(entries, megabytes * 2**20, also_clear=replays)
    app.wsgi_app = ReplayMiddleware(app.wsgi_app, app.config, replays)  # type: ignore[method-assign]
    app.before_request(_before_request)
    # after-request functions run in reverse order: index 0 runs last, after web.http added its headers
    app.after_request_funcs.setdefault(None, []).insert(0, _after_request)


__all__ = ["CACHEABLE", "init_app", "cache_key"]
