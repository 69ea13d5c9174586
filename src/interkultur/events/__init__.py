"""Local events: what an integration centre announces under the calendar ("Demnächst in DU").

Editors keep them in ``data/events.yaml`` (or the file ``$INTERKULTUR_EVENTS``
names), or point at an ``.ics`` file exported from the city's event calendar.
Both are read into the same ``Event`` values; ``.ics`` events keep their UIDs
and recurring ones are expanded with recurring-ical-events for the range asked.
Every problem is reported as ``file:line`` (YAML) or ``file: event UID``
(iCalendar), so ``interkultur check`` and the server's refusal to start word it
alike. Events are not holidays: the engine never sees them, and they carry
their own time zone (``INTERKULTUR_TIMEZONE`` for YAML times without one).

YAML grammar (``data/events.yaml``)::

    heading: {de: Demnächst in DU, en: Coming up in Duisburg}   # optional, per language
    shown: 5                                                     # optional: how many the widget lists
    events:
      - id: fastenbrechen-2027          # optional: stable UID in feeds (default: from title and start)
        title: {de: Gemeinsames Fastenbrechen, tr: Ortak iftar}  # or one string
        start: 2027-02-20 18:30          # a date, or a date and time (local time)
        end: 2027-02-20 21:00            # optional, not before start
        location: Rathaus, Burgplatz 19  # optional
        url: https://www.example.de/iftar  # optional, http(s)
        lang: de                         # optional: the language of title and location
        tradition: islam                 # optional: a tradition id; the widget's tradition= filters on it
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..diskcache import cached_file
from .icsfile import loads_ics
from .model import (  # noqa: F401 - the package's names, re-exported
    _FIELDS,
    _ID,
    DEFAULT_SHOWN,
    MAX_BYTES,
    MAX_TEXT,
    Event,
    EventsError,
    EventSource,
    _sort_key,
    _text,
)
from .yamlfile import loads_yaml

# -- files -------------------------------------------------------------------------------------------


def is_ics(path: str | Path) -> bool:
    return str(path).lower().endswith((".ics", ".ical", ".ifb"))


def load(path: str | Path, zone: ZoneInfo, traditions: Iterable[str], languages: Iterable[str]) -> EventSource:
    """The events file at ``path`` (YAML or iCalendar, by its name), or ``EventsError``."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise EventsError([f"{name}: cannot read the events file: {exc.strerror or exc}"]) from None
    if len(raw) > MAX_BYTES:
        raise EventsError([f"{name}: the events file is larger than {MAX_BYTES // (1024 * 1024)} MiB"])
    if is_ics(name):
        source = loads_ics(raw, name, zone)
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise EventsError(
                [f"{name}: the events file is not UTF-8 text ({exc.reason} at byte {exc.start})"]
            ) from None
        known_traditions, known_languages = sorted(traditions), sorted(languages)
        # from the disk cache when the file and what validates it are unchanged: every start of
        # the service reads it, and PyYAML is then not even imported
        source = cached_file(
            "events",
            path,
            lambda: loads_yaml(text, name, zone, known_traditions, known_languages),
            depends_on=f"{zone.key}\0{known_traditions}\0{known_languages}",
        )
    source.modified = datetime.fromtimestamp(int(Path(path).stat().st_mtime), tz=UTC)
    return source


def pull(url: str, target: str | Path, zone: ZoneInfo, timeout: float = 30.0) -> str:
    """Fetch an iCalendar URL into ``target``, replacing it only with a file that parses.

    For cron: when the fetch or the parse fails, the last good copy stays and ``EventsError``
    says why; the new file is written beside the target and moved over it atomically."""
    import urllib.error
    import urllib.request

    if not re.fullmatch(r"https?://\S+", url):
        raise EventsError([f"{url[:80]}: only http:// and https:// URLs can be pulled"])
    request = urllib.request.Request(
        url, headers={"User-Agent": "interkultur events pull", "Accept": "text/calendar, */*;q=0.5"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked
            data = response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise EventsError([f"{url[:200]}: cannot fetch ({str(reason)[:160]}); the last good copy is kept"]) from None
    if len(data) > MAX_BYTES:
        raise EventsError([f"{url[:200]}: larger than {MAX_BYTES // (1024 * 1024)} MiB; the last good copy is kept"])
    try:
        source = loads_ics(data, url[:200], zone)
    except EventsError as exc:
        raise EventsError([*exc.errors, "the last good copy is kept"]) from None
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=target.parent, prefix=f".{target.name}.", delete=False) as tmp:
            tmp.write(data)
        Path(tmp.name).replace(target)
    except OSError as exc:
        raise EventsError([f"{target}: cannot write ({exc.strerror or exc}); the last good copy is kept"]) from None
    return f"{target}: {len(source.events)} events written from {url[:200]}"


# -- which file ---------------------------------------------------------------------------------------

#: The environment variable naming the events file (YAML or .ics), for the CLI and the service alike.
ENV_VARIABLE = "INTERKULTUR_EVENTS"


def configured_path(catalogue_path: str | None, named: str | None = None) -> Path | None:
    """The events file in use: ``named`` (``$INTERKULTUR_EVENTS``), else ``events.yaml`` beside the
    catalogue, if there is one (the shipped one lists none)."""
    import os

    named = named or os.environ.get(ENV_VARIABLE) or None
    if named:
        return Path(named)
    if catalogue_path:
        beside = Path(catalogue_path).parent / "events.yaml"
        if beside.is_file():
            return beside
    return None


def load_for(catalogue: Any, zone_name: str, named: str | None = None) -> EventSource:
    """The configured events for ``catalogue`` (its traditions and languages validate them)."""
    path = configured_path(getattr(catalogue, "path", None), named)
    zone = ZoneInfo(zone_name)
    if path is None:
        return EventSource(zone=zone)
    reference = catalogue.reference
    return load(path, zone, reference.tradition_ids, [lang.code for lang in reference.languages.languages])


__all__ = [
    "DEFAULT_SHOWN",
    "ENV_VARIABLE",
    "MAX_BYTES",
    "MAX_TEXT",
    "Event",
    "EventSource",
    "EventsError",
    "configured_path",
    "is_ics",
    "load",
    "load_for",
    "loads_ics",
    "loads_yaml",
    "pull",
]
