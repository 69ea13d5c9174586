"""Command-line interface: ``interkultur holidays | month | check | check-dates | serve | export``.

Kept lean: the web stack (Flask, waitress) and icalendar are imported only by
the commands that need them, so ``interkultur holidays`` starts quickly.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence
from datetime import date

from . import places, query, revisions
from .calendars.hijri import PROFILES, SIGHTING_BASE_VARIABLE
from .catalog import CatalogueError, default_path, holidays_file, load
from .cliargs import UsageError, build_parser
from .engine import Engine, InvalidQuery, Occurrence
from .jsonout import json_objects, write_array
from .languages import LANGUAGES, chain, isolate
from .query import QueryError
from .rules import JEWISH_VARIANTS
from .yamllines import DataFileError


def _range(args: argparse.Namespace) -> tuple[date, date]:
    if args.start or args.end:
        if not (args.start and args.end):
            raise UsageError("--from and --to must be given together")
        return query.check_range(args.start, args.end)
    if args.date:
        return query.check_range(args.date, args.date, "date", "date")
    year = args.year or date.today().year
    return date(year, 1, 1), date(year, 12, 31)


def _query(args: argparse.Namespace, engine: Engine) -> query.Query:
    """The command's query, checked by ``query`` as the HTTP service's is (argparse already limits choices).

    Traditions are the catalogue's own (traditions.yaml) plus the generated layers.
    """
    traditions = query.choose_all(args.tradition or (), engine.all_traditions, "tradition")
    return query.Query(
        lang=query.choose(args.lang, LANGUAGES, "lang"),
        traditions=frozenset(traditions) or None,
        islamic=query.choose(args.islamic, PROFILES, "islamic"),
        jewish=query.choose(args.jewish, JEWISH_VARIANTS, "jewish"),
        state=query.land(args.state),
        place=_place(args),
    )


def _place(args: argparse.Namespace) -> places.Place:
    """``--place`` / ``--tz`` as ``places.resolve`` reads them (the shipped default without them)."""
    try:
        table = places.for_catalogue(holidays_file(args.catalogue or default_path()))
        return places.resolve(getattr(args, "place", None), getattr(args, "tz", None), table)
    except places.PlaceError as exc:
        raise UsageError(str(exc).replace("“place”", "--place").replace("“tz”", "--tz")) from None


def _engine(args: argparse.Namespace) -> Engine:
    """The engine over the catalogue, with the translation overlays of ``--lang``'s fallback chain only
    (one language need not parse thirteen files); an iCalendar feed reads them all, since its events'
    revisions (``revisions``) are fingerprints of every language's texts."""
    every = getattr(args, "format", None) == "ics"
    engine = Engine(
        load(args.catalogue, languages=None if every else chain(args.lang)), sighting_base=args.sighting_base
    )
    # The catalogue lives as long as the command: keep its objects out of the collector's scans.
    gc.freeze()
    return engine


def _text_line(occ: Occurrence, lang: str) -> str:
    when = occ.start.isoformat() if occ.start == occ.end else f"{occ.start.isoformat()} – {occ.end.isoformat()}"
    extras = []
    if occ.eve:
        extras.append(f"eve {occ.eve.isoformat()}")
    if occ.estimated:
        extras.append("estimated")
    if occ.statutory:
        extras.append(f"statutory {','.join(occ.statutory) if len(occ.statutory) < 16 else 'DE'}")
    suffix = f"  ({'; '.join(extras)})" if extras else ""
    # In Arabic output a German fallback name or the tradition id would be reordered: isolate them.
    return f"{when:<25} {isolate(occ.holiday.name(lang), lang)}  {isolate(f'[{occ.tradition}]', lang)}{suffix}"


def cmd_holidays(args: argparse.Namespace) -> int:
    start, end = _range(args)
    engine = _engine(args)
    q = _query(args, engine)
    found = engine.occurrences(start, end, **q.engine_kwargs())
    if args.format == "json":
        state = q.state
        # One object per line: readable, and the repeated fields of a holiday encoded once.
        objects = json_objects(
            found, q.lang, state, school=state is not None, place=q.place, evening=args.place is not None
        )
        write_array(objects, sys.stdout.write)
    elif args.format == "ics":
        from .ical import build_calendar  # icalendar only when asked for

        history = revisions.serving(engine.catalogue)
        sys.stdout.write(
            build_calendar(
                found,
                lang=args.lang,
                catalogue=engine.catalogue,
                history=history,
                place=q.place if args.place else None,
            ).decode("utf-8")
        )
    else:
        for occ in found:
            print(_text_line(occ, args.lang))
    return 0


def cmd_month(args: argparse.Namespace) -> int:
    from .monthgrid import render_month  # babel only when asked for

    if not 1 <= args.month <= 12:
        raise UsageError(f"month {args.month} is not between 1 and 12")
    engine = _engine(args)
    print(
        render_month(
            engine,
            args.year,
            args.month,
            lang=args.lang,
            traditions=args.tradition,
            islamic=args.islamic,
            jewish=args.jewish,
            colour=sys.stdout.isatty(),
        )
    )
    return 0


def cmd_check_dates(args: argparse.Namespace) -> int:
    from .schools import check_dates, parse_dates

    engine = _engine(args)
    state = engine.check_state(args.state)
    results = check_dates(
        engine, parse_dates(args.dates), state, traditions=args.tradition, islamic=args.islamic, jewish=args.jewish
    )
    if args.json:
        payload = {
            "state": state,
            "results": [
                {
                    "date": day.isoformat(),
                    "holidays": [
                        m.as_dict(
                            args.lang, state, _place(args) if args.place else None, evening=args.place is not None
                        )
                        for m in matches
                    ],
                }
                for day, matches in results
            ],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for day, matches in results:
        print(f"{day.isoformat()}:" + ("" if matches else " no holiday"))
        for m in matches:
            what = f"day {m.day_of_feast}" if m.match == "day" else "eve (begins that evening)"
            leave = m.leave["leave"] if m.leave else "no rule recorded"
            flag = "LEAVE" if m.grants_leave else "     "
            name = isolate(m.occurrence.holiday.name(args.lang), args.lang)
            print(f"  {flag} {name} {isolate(f'[{m.occurrence.tradition}]', args.lang)}, {what}; {leave}")
    return 0


def _is_events_file(path: str) -> bool:
    """An ``.ics`` file, or YAML whose top level has ``events:`` and no ``holidays:``."""
    from . import events  # only the commands that read events files import them

    if events.is_ics(path):
        return True
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return False  # the catalogue loader words the error
    keys = {line.split(":", 1)[0] for line in head.splitlines() if line[:1].isalpha() and ":" in line}
    return "events" in keys and "holidays" not in keys


def _timezone() -> str:
    """``INTERKULTUR_TIMEZONE`` (default Europe/Berlin), checked: a bad value is one line, not a traceback."""
    from zoneinfo import ZoneInfo

    name = os.environ.get("INTERKULTUR_TIMEZONE") or "Europe/Berlin"
    try:
        ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # not found; not a normalised key; a directory such as 'Europe'
        raise UsageError(
            f"INTERKULTUR_TIMEZONE: {name[:64]!r} is not an IANA time zone such as Europe/Berlin"
        ) from None
    return name


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the catalogue (every overlay included), report each language's coverage and the
    texts awaiting a native speaker's review (``--strict`` turns missing texts into errors), then
    the configured events file; or check the one FILE given, a catalogue or an events file."""
    from . import events  # only the commands that read events files import them

    if args.file and _is_events_file(args.file):
        source = events.load_for(load(None), _timezone(), args.file)
        print(f"{args.file}: OK, {len(source.events)} events" + (" (and recurring ones)" if source.calendar else ""))
        return 0
    catalogue = load(args.file)
    print(
        f"{catalogue.path}: OK, {len(catalogue.holidays)} holidays, "
        f"{len(catalogue.traditions)} traditions, version {catalogue.version}"
    )
    from . import coverage  # only this command reports it (it reads every language's interface strings)

    coverages = coverage.report(catalogue)
    print("translation coverage (texts really in the language; fallbacks not counted):")
    for line in coverage.table(coverages):
        print(f"  {line}")
    waiting = [c for c in coverages if c.pending]
    if waiting:
        print("awaiting review by a native speaker (review: pending in translations/<lang>.yaml):")
        for c in waiting:
            shown = ", ".join(c.pending[:8]) + (f", … ({len(c.pending) - 8} more)" if len(c.pending) > 8 else "")
            print(f"  {c.lang}: {len(c.pending)} texts: {shown}")
    problems = [problem for c in coverages for problem in c.problems()]
    for problem in problems:
        if args.strict:
            print(f"error: {problem}", file=sys.stderr)
        else:
            print(f"warning: {problem}")
    table = places.for_catalogue(catalogue.path)  # the catalogue's own places.yaml, else the shipped one
    where = next((p.id for p in table.places if p.id == table.default), "?")
    print(f"places: OK, {len(table.places)} places, default {where}")
    if not args.file:
        path = events.configured_path(catalogue.path)
        if path is not None:
            source = events.load_for(catalogue, _timezone())
            print(f"{path}: OK, {len(source.events)} events" + (" (and recurring ones)" if source.calendar else ""))
    return 1 if problems and args.strict else 0


def cmd_events(args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from . import events  # only the commands that read events files import them

    target = args.output or os.environ.get(events.ENV_VARIABLE)
    if not target:
        raise UsageError("name the file to keep with --output FILE or INTERKULTUR_EVENTS")
    if not events.is_ics(target):
        raise UsageError(f"{target}: the pulled calendar is kept as an .ics file; name one ending in .ics")
    print(events.pull(args.url, target, ZoneInfo(_timezone()), timeout=args.timeout))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from . import events  # only the commands that read events files import them
    from .web.server import serve  # the web stack only for this command

    catalogue = load(args.catalogue)  # refuse to start on a broken catalogue
    events.load_for(catalogue, _timezone())  # or on a broken events file
    places.for_catalogue(catalogue.path)  # or on a broken places file
    workers = args.workers or max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )
    return serve(
        catalogue,
        host=args.host,
        port=args.port,
        threads=args.threads,
        workers=workers,
        trusted_proxy=args.trusted_proxy,
    )


def cmd_export(args: argparse.Namespace) -> int:
    from .web.export import export_site, parse_languages, parse_years  # the web stack only for this command
    from .web.publish import PublishError

    try:
        years = parse_years(args.years) if args.years else None
        languages = parse_languages(args.lang)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    base_url = args.base_url
    if base_url and not base_url.startswith(("https://", "http://")):
        raise UsageError(f"--base-url {base_url!r} must start with https:// or http://")
    catalogue = load(args.catalogue)
    try:
        report = export_site(
            args.directory,
            years=years,
            languages=languages,
            base_url=base_url,
            catalogue=catalogue,
            pdf=args.pdf,
            log=lambda message: print(f"interkultur export: {message}", file=sys.stderr),
        )
    except PublishError as exc:  # full disk, read-only or foreign target: one line, the served tree untouched
        print(f"interkultur export: {exc}; the previous export is unchanged", file=sys.stderr)
        return 1
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(report.files.items()))
    print(
        f"{report.directory}: {report.total} files ({kinds}); years {report.years[0]}-{report.years[-1]}, "
        f"languages {', '.join(report.languages)}"
    )
    return 0


COMMANDS = {
    "holidays": cmd_holidays,
    "month": cmd_month,
    "check": cmd_check,
    "events": cmd_events,
    "check-dates": cmd_check_dates,
    "serve": cmd_serve,
    "export": cmd_export,
}


#: Commands that only read and print. Run from the console script, such a command ends with
#: ``os._exit`` once its output is flushed: the interpreter's teardown would free every object of
#: a 200-year listing one by one (measured: 5-7 % of its wall time), and they hold no files, threads
#: or temporary directories that an exit handler would have to close.
PRINT_ONLY = frozenset({"holidays", "month", "check-dates"})


def run() -> None:
    """The console script (and ``python -m interkultur``): ``main``, then exit without teardown
    after a print-only command (``PRINT_ONLY``)."""
    sys.exit(main(skip_teardown=True))


def main(argv: Sequence[str] | None = None, skip_teardown: bool = False) -> int:
    """Run one command; the exit status. ``skip_teardown`` (the console script only, never a
    caller in the same process): end the process right after a print-only command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if skip_teardown and args.command in PRINT_ONLY:
        # The process ends with the listing, which makes no reference cycles to free: the collector's
        # passes over a 200-year listing found 24 objects (measured; peak memory is the same without
        # them, and about 3 % of the time is not spent).
        gc.disable()
    code = _dispatch(args)
    if skip_teardown and args.command in PRINT_ONLY:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BrokenPipeError:  # piped into head: the reader has gone, nothing is lost
            pass
        os._exit(code)
    return code


def _dispatch(args: argparse.Namespace) -> int:
    """The command ``args`` names, with its errors turned into messages and exit statuses."""
    if args.command != "serve":
        # A command is one batch: collect the young generation less often (measured: a tenth of a
        # 200-year listing went to collections that found nothing to free).
        gc.set_threshold(50_000, 20, 20)
    # The configuration, read once here (never written): the profile ``sighting`` follows.
    args.sighting_base = os.environ.get(SIGHTING_BASE_VARIABLE) or None
    try:
        return COMMANDS[args.command](args)
    except (CatalogueError, DataFileError) as exc:  # an events file's EventsError is a DataFileError
        for line in exc.errors:
            print(f"error: {line}", file=sys.stderr)
        if args.command in ("serve", "export"):
            from . import events

            what = (
                "the events file"
                if isinstance(exc, events.EventsError)
                else "the catalogue"
                if isinstance(exc, CatalogueError)
                else "the data file"
            )
            print(
                f"interkultur {args.command}: not starting: fix {what} "
                f"({len(exc.errors)} error{'s' if len(exc.errors) != 1 else ''} above)",
                file=sys.stderr,
            )
        return 1
    except (UsageError, InvalidQuery, QueryError) as exc:
        print(f"interkultur {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
