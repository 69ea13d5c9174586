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


def _run_waitress(app, sock: socket.socket, threads: int, trusted_proxy: str | None) -> None:
    from waitress import serve as waitress_serve

    options = {}
    if trusted_proxy:
        options = {"trusted_proxy": trusted_proxy, "trusted_proxy_count": 1,
                   "trusted_proxy_headers": "x-forwarded-for x-forwarded-host x-forwarded-proto x-forwarded-port"}
    waitress_serve(app, sockets=[sock], threads=max(1, threads), ident="interkultur",
                   clear_untrusted_proxy_headers=True, backlog=1024, connection_limit=1000, **options)


class _Stop(Exception):
    """SIGTERM or SIGINT reached the supervising process."""


def _supervise(app, sock: socket.socket, workers: int, threads: int, trusted_proxy: str | None) -> int:
    """Fork ``workers`` children serving ``sock``; restart one that dies; stop all on SIGTERM/SIGINT."""
    children: dict[int, float] = {}

    def spawn() -> None:
        pid = os.fork()
        if pid == 0:  # the child: default signals, serve until killed
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides
            try:
                _run_waitress(app, sock, threads, trusted_proxy)
            finally:
                os._exit(0)
        children[pid] = time.monotonic()

    def stop(signum, frame) -> None:  # noqa: ARG001
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


def serve(catalogue: Catalogue, host: str = "127.0.0.1", port: int = 8000, threads: int = 8,
          workers: int = 1, trusted_proxy: str | None = None) -> int:
    """Serve until interrupted; returns the process exit status."""
    from . import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        app = create_app({"CATALOGUE": catalogue})
    except ValueError as exc:  # a bad INTERKULTUR_* setting
        print(f"interkultur serve: error: {exc}", file=sys.stderr)
        return 2
    if workers > 1 and not hasattr(os, "fork"):
        print("interkultur serve: --workers needs a POSIX system; serving with one process", file=sys.stderr)
        workers = 1
    try:
        sock = _listen(host, port)
    except (OSError, OverflowError) as exc:  # port in use or out of range, address not available, no permission
        problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"interkultur serve: error: cannot listen on {host[:64]}:{port}: {problem}", file=sys.stderr)
        return 2
    # Everything built so far lives as long as the process: keep it out of the
    # collector's way (and, with workers, shared copy-on-write after the fork).
    gc.collect()
    gc.freeze()
    print(f"interkultur: serving {len(catalogue.holidays)} holidays (catalogue {catalogue.version}) "
          f"on http://{host}:{port}/ with {workers} process(es) x {threads} thread(s)",
          file=sys.stderr, flush=True)
    try:
        if workers > 1:
            return _supervise(app, sock, workers, threads, trusted_proxy)
        _run_waitress(app, sock, threads, trusted_proxy)
    except KeyboardInterrupt:
        return 0
    finally:
        sock.close()
    return 0
