"""``Last-Modified`` of the cached answers: when an answer last changed.

The latest of the catalogue's revision history (``revisions.serving``: the
recorded times, or the catalogue file's modification time for an edited copy),
the installed software's files (an upgrade changes the pages too) and, for
answers whose content moves with the date, the moment it last moved (midnight
in the configured zone for pages that mark today or list the next dates;
1 January for the feeds, whose window moves with the year). Never the time of
the request: the value is the same on every replica and every request of a day.

Apart from ``web.cache`` (which stores the value with each entry and answers
``If-Modified-Since`` with it): what the date of an answer is, not how answers are cached.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from flask import current_app

#: Answers whose content moves with the date, and how often: "day" (today marked, next dates
#: listed) or "year" (the feeds' window, ``ical.feed_window``). The others change with the catalogue only.
DATED: dict[str, str] = {
    "widget.current": "day",
    "widget.month": "day",
    "pages.index": "day",
    "pages.year": "day",
    "pages.holiday": "day",
    "api.holiday": "day",
    "feeds.holiday": "day",
    "feeds.all_traditions": "year",
    "feeds.tradition": "year",
}


#: The files of the installed package whose change changes what the service answers.
SOFTWARE_SUFFIXES = (".py", ".html", ".css", ".js", ".svg", ".mo", ".yaml", ".json", ".csv")


@lru_cache(maxsize=1)
def software_modified() -> int:
    """The newest file of the installed package (code, templates, static files, translations)."""
    return int(_newest(str(Path(__file__).resolve().parents[1])))


def _newest(folder: str) -> float:
    """The latest modification time below ``folder`` (``os.scandir``: a third of what ``Path.rglob``
    and a ``stat`` per path cost, at every start)."""
    newest = 0.0
    try:
        with os.scandir(folder) as found:
            for entry in found:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name != "__pycache__":
                            newest = max(newest, _newest(entry.path))
                    elif entry.name.endswith(SOFTWARE_SUFFIXES):
                        newest = max(newest, entry.stat().st_mtime)
                except OSError:
                    pass
    except OSError:
        pass
    return newest


def catalogue_modified() -> int:
    """The latest revision in the history served for the catalogue (``revisions.serving``)."""
    history = current_app.extensions["interkultur"].history
    stamps = [revision.last_modified for revision in history.holidays.values()]
    return int(max([history.generated, *stamps]).timestamp())


def last_modified(endpoint: str, today: date) -> int:
    """Unix seconds of the answer's ``Last-Modified`` (see the module docstring)."""
    moment = max(catalogue_modified(), software_modified())
    moves = DATED.get(endpoint)
    if moves is not None:
        since = today if moves == "day" else date(today.year, 1, 1)
        zone = ZoneInfo(current_app.config["TIMEZONE"])
        moment = max(moment, int(datetime.combine(since, time(), zone).timestamp()))
    return moment
