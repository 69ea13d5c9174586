"""``interkultur serve``: the web service under waitress, a production WSGI server.

Behind a reverse proxy, or with more processes, gunicorn works as well:
``gunicorn -w 4 -b 0.0.0.0:8000 'interkultur.web:create_app()'``.
"""

from __future__ import annotations

import logging
import sys

from ..catalog import Catalogue


def serve(catalogue: Catalogue, host: str = "127.0.0.1", port: int = 8000, threads: int = 8) -> int:
    """Serve until interrupted; returns the process exit status."""
    from waitress import serve as waitress_serve

    from . import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        app = create_app({"CATALOGUE": catalogue})
    except ValueError as exc:  # a bad INTERKULTUR_* setting
        print(f"interkultur serve: error: {exc}", file=sys.stderr)
        return 2
    print(f"interkultur: serving {len(catalogue.holidays)} holidays (catalogue {catalogue.version}) "
          f"on http://{host}:{port}/", file=sys.stderr, flush=True)
    try:
        waitress_serve(app, host=host, port=port, threads=max(1, threads), ident="interkultur",
                       clear_untrusted_proxy_headers=True)
    except OSError as exc:  # port in use, address not available, no permission
        print(f"interkultur serve: error: cannot listen on {host}:{port}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    return 0
