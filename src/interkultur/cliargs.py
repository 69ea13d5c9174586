"""The command line's grammar: the ``interkultur`` argument parser and its value checks.

Every value is checked where argparse reads it (years 1900-2100, dates in ISO or German form,
ports, counts), so a command starts only with clean arguments and bad input ends in one line
with exit status 2; ``cli`` runs the commands.
"""

from __future__ import annotations

import argparse
from datetime import date

from . import __version__, query
from .calendars.hijri import DEFAULT_PROFILE, PROFILES
from .catalog import ENV_VARIABLE
from .coverage import DESCRIPTION_SHARE, FULL_DESCRIPTIONS
from .inputs import DateInputError, parse_date, shown
from .languages import DEFAULT_LANGUAGE, EXPORT_LANGUAGES, LANGUAGES
from .query import QueryError
from .rules import DEFAULT_JEWISH, JEWISH_VARIANTS


class UsageError(Exception):
    """Bad command-line input; printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad input in one line (no usage dump), exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _date(text: str) -> date:
    """``2026-12-24``, ``24.12.2026`` or ``4.1.2026`` (``inputs.parse_date``)."""
    try:
        return parse_date(text)
    except DateInputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _year(text: str) -> int:
    try:
        return query.check_year(int(text))
    except QueryError as exc:
        raise argparse.ArgumentTypeError(exc.detail) from None
    except ValueError:
        raise argparse.ArgumentTypeError(f"{shown(text)} is not a year") from None


def _port(text: str) -> int:
    """A TCP port, 0-65535 (0: any free port); checked here so that bind() never raises OverflowError."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port {port} is outside 0-65535")
    return port


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is less than 1")
    return value


def _traditions(text: str) -> list[str]:
    """Comma-separated ids; the engine checks them against the catalogue's traditions.yaml."""
    return [t.strip() for t in text.split(",") if t.strip()]


def _add_catalogue(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalogue",
        metavar="PATH",
        help=f"holiday catalogue file, or a directory with holidays.yaml and its sibling files "
        f"(default: ${ENV_VARIABLE} or the shipped data/)",
    )


def _add_variants(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        default=DEFAULT_LANGUAGE,
        choices=list(LANGUAGES),
        help=f"language of names ({', '.join(LANGUAGES)}; default {DEFAULT_LANGUAGE})",
    )
    parser.add_argument(
        "--tradition",
        type=_traditions,
        metavar="A,B",
        help="only these traditions (ids of the catalogue's traditions.yaml, public, school-break)",
    )
    parser.add_argument(
        "--islamic",
        default=DEFAULT_PROFILE,
        choices=list(PROFILES),
        help=f"Islamic observance profile (default {DEFAULT_PROFILE})",
    )
    parser.add_argument(
        "--jewish",
        default=DEFAULT_JEWISH,
        choices=list(JEWISH_VARIANTS),
        help=f"Jewish observance (default {DEFAULT_JEWISH})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="interkultur", description="Intercultural holiday calendar.")
    parser.add_argument("--version", action="version", version=f"interkultur {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("holidays", help="list holidays of a year, a range or a date")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--year", type=_year, help="a Gregorian year (default: the current year)")
    when.add_argument("--date", type=_date, help="one date (2026-12-24 or 24.12.2026)")
    when.add_argument("--from", dest="start", type=_date, metavar="DATE", help="range start (with --to)")
    p.add_argument("--to", dest="end", type=_date, metavar="DATE", help="range end, inclusive")
    p.add_argument("--format", choices=("text", "json", "ics"), default="text")
    p.add_argument(
        "--state", help="add this Land's public holidays and school breaks (NW, DE-NW, NRW, Nordrhein-Westfalen, ...)"
    )
    p.add_argument(
        "--place",
        help="where evenings begin (eve_at): an id of data/places.yaml such as duisburg, "
        "or LAT,LON (default: duisburg)",
    )
    p.add_argument("--tz", help="IANA time zone for --place LAT,LON (default: looked up from the coordinates)")
    _add_variants(p)
    _add_catalogue(p)

    p = sub.add_parser("month", help="print a month grid with holidays marked")
    p.add_argument("year", type=_year)
    p.add_argument("month", type=int)
    _add_variants(p)
    _add_catalogue(p)

    p = sub.add_parser("check-dates", help="which holidays touch these dates (exam planning)")
    p.add_argument("dates", nargs="+", metavar="DATE", help="dates (2026-12-24 or 24.12.2026)")
    p.add_argument(
        "--state", help="German Land (NW, DE-NW, NRW, Nordrhein-Westfalen, ...) for leave rules and holidays"
    )
    p.add_argument("--json", action="store_true", help="print the API's JSON answer")
    p.add_argument(
        "--place",
        help="where evenings begin (eve_at): an id of data/places.yaml such as duisburg, "
        "or LAT,LON (default: duisburg)",
    )
    p.add_argument("--tz", help="IANA time zone for --place LAT,LON (default: looked up from the coordinates)")
    _add_variants(p)
    _add_catalogue(p)

    p = sub.add_parser(
        "check",
        help="validate the catalogue (with its translation coverage) and the events file, or one FILE of either kind",
    )
    p.add_argument(
        "file",
        nargs="?",
        help="a catalogue or an events file (.yaml with 'events:', or .ics); default: the catalogue "
        "in use and the configured events file",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="fail on a missing name in any interface language and on descriptions below "
        f"{DESCRIPTION_SHARE:.0%} ({', '.join(FULL_DESCRIPTIONS)}: all); without it they are "
        "warnings",
    )

    p = sub.add_parser("events", help="local events: fetch the city's event calendar")
    events_sub = p.add_subparsers(dest="events_command", required=True, metavar="ACTION")
    pull = events_sub.add_parser(
        "pull",
        help="fetch an .ics URL into the events file (for cron); "
        "keeps the last good copy when the fetch or parse fails",
    )
    pull.add_argument("url", metavar="URL")
    pull.add_argument(
        "--output", metavar="FILE", help="where to keep it (default: $INTERKULTUR_EVENTS, which must name an .ics file)"
    )
    pull.add_argument("--timeout", type=_positive, default=30, help="seconds to wait for the server (default 30)")

    p = sub.add_parser("serve", help="run the web service (widget, API, feeds)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=_port, default=8000, help="TCP port, 0-65535 (default 8000)")
    p.add_argument("--threads", type=_positive, default=8, help="worker threads per process (default 8)")
    p.add_argument(
        "--workers",
        type=_positive,
        default=None,
        help="processes sharing the port (default: the machine's cores; POSIX; or run gunicorn, see the README)",
    )
    p.add_argument(
        "--trusted-proxy", metavar="ADDR", help="address of a reverse proxy whose X-Forwarded-* headers are believed"
    )
    _add_catalogue(p)

    p = sub.add_parser("export", help="write the public site as static files (any static host or CDN)")
    p.add_argument(
        "directory",
        metavar="DIR",
        help="target: a symlink to the newest tree DIR.<timestamp> beside it, switched atomically "
        "when the new tree is complete (the previous tree is kept)",
    )
    p.add_argument(
        "--years",
        metavar="FIRST-LAST",
        help="years of the widget, year pages and JSON (default: last year to three years ahead)",
    )
    p.add_argument(
        "--lang",
        default=",".join(EXPORT_LANGUAGES),
        metavar="A,B",
        help=f"languages ({', '.join(LANGUAGES)}; default {','.join(EXPORT_LANGUAGES)})",
    )
    p.add_argument(
        "--base-url",
        metavar="URL",
        help="public URL of the exported site, for absolute links in feeds and JSON and webcal:// links",
    )
    p.add_argument(
        "--pdf",
        action="store_true",
        help="also write <lang>/year/<y>.pdf and <lang>/month/<y>/<mm>.pdf (A4; needs WeasyPrint's Pango "
        "and Noto fonts; about a second per PDF)",
    )
    _add_catalogue(p)
    return parser
