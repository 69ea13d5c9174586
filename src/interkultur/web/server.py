"""``interkultur serve``: the web service under waitress, a production WSGI server.

One process serves with ``threads`` worker threads; ``workers`` > 1 pre-forks
that many processes (POSIX only) that share one listening socket, so a
machine with several cores is used without another server. The application
is built once before forking: the catalogue is parsed and validated once, the
children share its memory copy-on-write, and each child keeps its own
response cache.

Behind a reverse proxy or with its process management, gunicorn works as
well (see the README, "Production"):
``gunicorn -w 4 -b 127.0.0.1:8000 'interkultur.web:create_app()'``.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from typing import Any

from ..catalog import Catalogue

log = logging.getLogger("interkultur.web.server")


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    sock.setblocking(False)
    return sock


#: Largest request body accepted (the school API's JSON, a /schulen upload):
#: waitress answers 413 from Content-Length before reading, and stops reading
#: a chunked body at this size.
MAX_BODY_BYTES = 1024 * 1024
#: Seconds an idle or slow connection may stay open, and how often waitress
#: looks for such connections (it enforces the timeout only then).
CHANNEL_TIMEOUT = 20
CLEANUP_INTERVAL = 2
#: Connections one process keeps open; poll() has no 1024-descriptor limit.
CONNECTION_LIMIT = 4000
#: Seconds a SIGTERM waits for in-flight requests before the process exits.
GRACE_SECONDS = 10
#: The queue-depth warning is logged at most once per this many seconds.
QUEUE_WARNING_INTERVAL = 60.0


def waitress_options(threads: int, trusted_proxy: str | None) -> dict[str, object]:
    """Adjustments that keep one process answering under hostile traffic.

    Bodies above ``inbuf_overflow`` are spooled to a temporary file before any
    size limit applies, so the limit on bodies is set below it: nothing a
    client sends is ever written to disk.
    """
    options: dict[str, object] = {
        "threads": max(1, threads),
        "ident": "interkultur",
        "clear_untrusted_proxy_headers": True,
        "backlog": 1024,
        "connection_limit": CONNECTION_LIMIT,
        "asyncore_use_poll": True,
        "channel_timeout": CHANNEL_TIMEOUT,
        "cleanup_interval": CLEANUP_INTERVAL,
        "max_request_body_size": MAX_BODY_BYTES,
        "inbuf_overflow": 2 * MAX_BODY_BYTES,
        "max_request_header_size": 64 * 1024,
    }
    if trusted_proxy:
        options.update(
            {
                "trusted_proxy": trusted_proxy,
                "trusted_proxy_count": 1,
                "trusted_proxy_headers": "x-forwarded-for x-forwarded-host x-forwarded-proto x-forwarded-port",
            }
        )
    return options


class OncePerInterval(logging.Filter):
    """Let a record through at most once per ``interval`` seconds, counting the rest.

    Waitress warns "Task queue depth is N" on every request that has to wait;
    under load that is one log line per request.
    """

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.interval = interval
        self.clock = clock
        self.last: float | None = None
        self.suppressed = 0

    def filter(self, record: logging.LogRecord) -> bool:
        now = self.clock()
        if self.last is not None and now - self.last < self.interval:
            self.suppressed += 1
            return False
        if self.suppressed and self.last is not None:
            record.msg = (
                f"{record.getMessage()} ({self.suppressed} more such warnings in the last {now - self.last:.0f} s)"
            )
            record.args = ()
        self.last, self.suppressed = now, 0
        return True


def _raise_open_file_limit() -> None:
    """Lift the soft limit on descriptors to the hard one (idle sockets must not lock us out)."""
    try:
        import resource
    except ImportError:  # not POSIX
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
        except (ValueError, OSError):
            pass


def _busy(server_map: dict[int, object]) -> bool:
    """True while a connection has a request in progress or a response still to send."""
    from waitress.channel import HTTPChannel

    return any(
        isinstance(ch, HTTPChannel) and (ch.requests or ch.total_outbufs_len) for ch in list(server_map.values())
    )


def _run_waitress(
    app: Any, sock: socket.socket, threads: int, trusted_proxy: str | None, grace: float = GRACE_SECONDS
) -> None:
    """Serve ``sock`` until SIGTERM, then finish in-flight requests (at most ``grace`` s) and return."""
    from waitress import wasyncore
    from waitress.server import create_server

    server_map: dict[int, object] = {}
    server = create_server(app, map=server_map, sockets=[sock], **waitress_options(threads, trusted_proxy))
    stopping: list[float] = []

    def on_term(signum: int, frame: object) -> None:  # noqa: ARG001
        if not stopping:
            stopping.append(time.monotonic() + grace)

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        while True:
            wasyncore.loop(timeout=0.5, map=server_map, use_poll=True, count=1)
            if stopping:
                server.accepting = False  # no new connections
                if not _busy(server_map) or time.monotonic() > stopping[0]:
                    break
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.task_dispatcher.shutdown(timeout=1)
        wasyncore.close_all(server_map)


class _Stop(Exception):
    """SIGTERM or SIGINT reached the supervising process."""


def _supervise(app: Any, sock: socket.socket, workers: int, threads: int, trusted_proxy: str | None) -> int:
    """Fork ``workers`` children serving ``sock``; restart one that dies; stop all on SIGTERM/SIGINT."""
    children: dict[int, float] = {}

    def spawn() -> None:
        pid = os.fork()
        if pid == 0:  # the child: default signals, serve until killed
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; SIGTERM drains
            try:
                _run_waitress(app, sock, threads, trusted_proxy)
            finally:
                os._exit(0)
        children[pid] = time.monotonic()

    def stop(signum: int, frame: object) -> None:  # noqa: ARG001
        raise _Stop  # interrupts the waitpid below (which would otherwise be resumed)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        for _ in range(workers):
            spawn()
        while True:
            try:
                pid, status = os.waitpid(-1, 0)
            except ChildProcessError:
                break
            started = children.pop(pid, None)
            if started is None:
                continue
            log.warning("worker %s exited (status %s); starting a new one", pid, status)
            if time.monotonic() - started < 1:
                time.sleep(1)  # a worker that dies at once must not spin the machine
            spawn()
    except _Stop:
        pass
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for pid in list(children):
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    for pid in list(children):
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    return 0


#: The pages most requested, rendered once before the workers fork: the engine's years, the
#: templates, Babel's locale data and the response cache are then warm in every worker, so the
#: first real request is as fast as the rest.
PRERENDERED = (
    "/",
    "/widget",
    "/widget/{year}/{month}",
    "/api/v1/holidays?date={today}",
    "/feeds/all.ics",
    "/embed.js",
    "/subscribe",
    "/api/v1/traditions",
)


def prerender(app: Any, host: str) -> None:
    """Request ``PRERENDERED`` through the app itself (no socket), in the default language, with
    ``host`` (``127.0.0.1:8000``) as the Host header: without a base URL the response cache keys
    on it, so requests to the address the server listens on find these answers."""
    from werkzeug.test import Client

    from . import params

    with app.app_context():
        today = params.today()
    client = Client(app)  # werkzeug's own: Flask's test client imports click's testing tools and pdb
    for path in PRERENDERED:
        url = path.format(year=today.year, month=today.month, today=today.isoformat())
        client.get(url, headers={"Host": host, "Accept-Encoding": "gzip"})  # fills the response cache


def serve(
    catalogue: Catalogue,
    host: str = "127.0.0.1",
    port: int = 8000,
    threads: int = 8,
    workers: int = 1,
    trusted_proxy: str | None = None,
) -> int:
    """Serve until interrupted; returns the process exit status."""
    from . import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("waitress.queue").addFilter(OncePerInterval(QUEUE_WARNING_INTERVAL))
    _raise_open_file_limit()
    try:
        app = create_app({"CATALOGUE": catalogue})
    except ValueError as exc:  # a bad INTERKULTUR_* setting
        print(f"interkultur serve: error: {exc}", file=sys.stderr)
        return 2
    listening = host.strip("[]").lower()
    if listening not in app.config["ALLOWED_HOSTS"]:
        app.config["ALLOWED_HOSTS"] = (*app.config["ALLOWED_HOSTS"], listening)
    if workers > 1 and not hasattr(os, "fork"):
        print("interkultur serve: --workers needs a POSIX system; serving with one process", file=sys.stderr)
        workers = 1
    try:
        sock = _listen(host, port)
    except (OSError, OverflowError) as exc:  # port in use or out of range, address not available, no permission
        problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"interkultur serve: error: cannot listen on {host[:64]}:{port}: {problem}", file=sys.stderr)
        return 2
    if not app.config["BASE_URL"]:
        print(
            "interkultur serve: warning: INTERKULTUR_BASE_URL is not set; absolute URLs (feeds, webcal "
            f"links) use the request's host, answered only for {', '.join(app.config['ALLOWED_HOSTS'])} "
            "(INTERKULTUR_ALLOWED_HOSTS)",
            file=sys.stderr,
        )
    bound = sock.getsockname()[1]
    prerender(app, f"[{listening}]:{bound}" if ":" in listening else f"{listening}:{bound}")
    # Everything built so far lives as long as the process: keep it out of the
    # collector's way (and, with workers, shared copy-on-write after the fork). No full
    # collection first: it found 85 objects to free and took 15-20 ms of the start-up.
    gc.freeze()
    print(
        f"interkultur: serving {len(catalogue.holidays)} holidays (catalogue {catalogue.version}) "
        f"on http://{host}:{port}/ with {workers} process(es) x {threads} thread(s)",
        file=sys.stderr,
        flush=True,
    )
    try:
        if workers > 1:
            return _supervise(app, sock, workers, threads, trusted_proxy)
        _run_waitress(app, sock, threads, trusted_proxy)
    except KeyboardInterrupt:
        return 0
    finally:
        sock.close()
    return 0
