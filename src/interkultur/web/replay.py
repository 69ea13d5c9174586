"""Cached answers replayed in front of Flask: the final status, headers and body, by the raw request.

A hit in the response cache (``web.cache``) still runs all of Flask's request
handling: the request context, routing, the request guard (``web.http``), the
cache lookup, the security headers and werkzeug's header checks. That is most
of the cost of a cached answer, as much again as ``/healthz`` costs. So the
answer that Flask gave for a cacheable request is also kept as it left the
app (status line, header list, body), under everything of the request that
the app reads, and the next request that is the same in all of it gets those
bytes without entering Flask:

    method, SCRIPT_NAME, PATH_INFO, QUERY_STRING, Host (or the server's name
    and port), scheme, Accept-Language, Accept-Encoding, today's date in the
    configured zone, the settings the answer's headers come from, and a
    proxy's forwarding headers

Only ``GET``/``HEAD`` requests without a body and without conditional or range
headers (``If-*``, ``Range``: Flask answers those, with 304 where they match)
are replayed, and only answers that ``web.cache`` served from an entry with
status 200 (it marks them, ``REPLAYABLE``) are kept: every kept answer has
passed the request guard for exactly this path, query and host. Clearing the
response cache clears these too; they are bounded by count and bytes (full:
all are dropped, and refilled by the next requests).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterable
from typing import Any

from . import params

#: ``environ`` key through which ``web.cache`` hands over the body it answered with.
REPLAYABLE = "interkultur.replayable"
#: Request headers whose presence sends the request through Flask.
_THROUGH = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
    "HTTP_IF_RANGE",
    "HTTP_RANGE",
)
#: A proxy's headers.
_FORWARDED = (
    "HTTP_FORWARDED",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_FORWARDED_PREFIX",
)
#: Settings that the stored answers' headers or their validity depend on.
_SETTINGS = ("BASE_URL", "ALLOWED_HOSTS", "FRAME_ANCESTORS", "TIMEZONE", "TODAY")
#: Cached bodies from this size on go to the server as a file (``wsgi.file_wrapper``), here and in
#: ``web.cache``: waitress sends a file from the file, while it first copies a body this large into a
#: BytesIO of its own (measured: the full feed, 130 KB gzipped, 246 -> 226 us of server CPU per request).
FILE_WRAPPER_BYTES = 32 * 1024

StartResponse = Callable[..., Any]
Answer = tuple[str, tuple[tuple[str, str], ...], bytes]


class Replays:
    """The kept answers: a dict bounded by count and bytes, emptied when full (thread-safe)."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._answers: dict[tuple[Any, ...], Answer] = {}
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> Answer | None:
        return self._answers.get(key)

    def put(self, key: tuple[Any, ...], answer: Answer) -> None:
        with self._lock:
            if len(self._answers) >= self.max_entries or self._bytes + len(answer[2]) > self.max_bytes:
                self._answers.clear()
                self._bytes = 0
            old = self._answers.get(key)
            if old is not None:
                self._bytes -= len(old[2])
            self._answers[key] = answer
            self._bytes += len(answer[2])

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._answers)


class ReplayMiddleware:
    """WSGI middleware over ``app.wsgi_app`` (installed by ``web.cache.init_app``)."""

    def __init__(self, wsgi_app: Callable[..., Iterable[bytes]], config: dict[str, Any], replays: Replays) -> None:
        self.wsgi_app = wsgi_app
        self.config = config
        self.replays = replays

    def key(self, environ: dict[str, Any]) -> tuple[Any, ...] | None:
        """Everything of the request the app reads, or None when Flask must answer it."""
        method = environ.get("REQUEST_METHOD")
        if method not in ("GET", "HEAD") or environ.get("CONTENT_LENGTH") not in (None, "", "0"):
            return None
        if environ.get("HTTP_TRANSFER_ENCODING") or any(name in environ for name in _THROUGH):
            return None
        config = self.config
        today = params.today_for(config)
        host = environ.get("HTTP_HOST")
        return (
            method,
            environ.get("SCRIPT_NAME", ""),
            environ.get("PATH_INFO", ""),
            environ.get("QUERY_STRING", ""),
            host if host is not None else (None, environ.get("SERVER_NAME"), environ.get("SERVER_PORT")),
            environ.get("wsgi.url_scheme"),
            environ.get("HTTP_ACCEPT_LANGUAGE"),
            environ.get("HTTP_ACCEPT_ENCODING"),
            today,
            tuple(str(config.get(name)) for name in _SETTINGS),
            # not read by the app (waitress applies a trusted proxy's before it), but a proxy-fixing
            # middleware between would: kept apart all the same
            tuple(environ.get(name) for name in _FORWARDED),
        )

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        key = self.key(environ)
        if key is None:
            return self.wsgi_app(environ, start_response)
        found = self.replays.get(key)
        if found is not None:
            status, headers, body = found
            start_response(status, list(headers))
            if key[0] == "HEAD":
                return []
            wrapper = environ.get("wsgi.file_wrapper") if len(body) >= FILE_WRAPPER_BYTES else None
            return wrapper(io.BytesIO(body)) if wrapper else [body]
        seen: list[tuple[str, list[tuple[str, str]]]] = []

        def recording(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            seen.append((status, list(headers)))
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        result = self.wsgi_app(environ, recording)
        answered = environ.get(REPLAYABLE)
        if answered is not None and seen and seen[-1][0].startswith("200 "):
            self.replays.put(key, (seen[-1][0], tuple(seen[-1][1]), answered))
        return result


__all__ = ["REPLAYABLE", "ReplayMiddleware", "Replays"]
