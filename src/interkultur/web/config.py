"""Every setting of the web service, in one place.

Each setting has a Flask config key, an environment variable and a default.
``create_app(config)`` merges, from weakest to strongest: the defaults below,
the environment, then the ``config`` dict passed in. ``python -m
interkultur.web.config`` prints the table that the README shows.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from ..records import record


@record
class Setting:
    key: str
    env: str
    default: Any
    doc: str
    parse: Callable[[str], Any] = str


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError(f"{text!r} is negative")
    return value


def _host_list(text: str) -> tuple[str, ...]:
    hosts = tuple(h.strip().lower() for h in text.replace(",", " ").split() if h.strip())
    if not hosts:
        raise ValueError("no host named")
    return hosts


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "BASE_URL",
        "INTERKULTUR_BASE_URL",
        "",
        "Public base URL such as https://kalender.example.de, used for absolute links in the API, "
        "feeds and embed snippets. Empty: taken from each request's Host header.",
    ),
    Setting(
        "ALLOWED_HOSTS",
        "INTERKULTUR_ALLOWED_HOSTS",
        ("localhost", "127.0.0.1", "::1"),
        "Used only while INTERKULTUR_BASE_URL is empty: the host names (any port) whose requests are "
        'answered and written into absolute URLs, separated by commas or spaces; ".example.org" '
        'also allows its subdomains, "*" any host. Any other Host header gets 400. '
        "`interkultur serve` adds the --host it listens on.",
        lambda text: _host_list(text),
    ),
    Setting(
        "UID_DOMAIN",
        "INTERKULTUR_UID_DOMAIN",
        "interkultur.invalid",
        "Domain part of the stable iCalendar UIDs (<id>-<yyyymmdd>@<domain>). "
        "Set it once and never change it, or subscribers see every event twice.",
    ),
    Setting(
        "FRAME_ANCESTORS",
        "INTERKULTUR_FRAME_ANCESTORS",
        "*",
        "CSP frame-ancestors for the widget routes (/widget...), e.g. "
        '"https://www.duisburg.de https://*.example.org". Other pages are never framed.',
    ),
    Setting(
        "PLACE",
        "INTERKULTUR_PLACE",
        "duisburg",
        "Default place (an id of data/places.yaml) for the sunset that begins a feast (eve_at, the "
        'widget\'s "begins on the evening before, 19:42 in Duisburg") when a request names none.',
    ),
    Setting(
        "TIMEZONE",
        "INTERKULTUR_TIMEZONE",
        "Europe/Berlin",
        'IANA time zone in which "today" is determined (widget marker, feed window, next dates).',
    ),
    Setting(
        "ISLAMIC",
        "INTERKULTUR_ISLAMIC",
        "umm-al-qura",
        "Default Islamic observance profile (one of calendars.hijri.PROFILES) when a request names none.",
    ),
    Setting(
        "SIGHTING_BASE",
        "INTERKULTUR_SIGHTING_BASE",
        "umm-al-qura",
        "The profile the `sighting` profile follows one day later (umm-al-qura, diyanet or tabular).",
    ),
    Setting(
        "JEWISH",
        "INTERKULTUR_JEWISH",
        "diaspora",
        "Default Jewish observance (diaspora or israel) when a request names none.",
    ),
    Setting(
        "CATALOGUE",
        "INTERKULTUR_CATALOGUE",
        None,
        "Path of the holiday catalogue, or of a directory holding holidays.yaml and its sibling "
        "traditions.yaml, categories.yaml, languages.yaml (a Catalogue object is accepted in the "
        "config dict). Default: the shipped data/holidays.yaml.",
    ),
    Setting(
        "EVENTS",
        "INTERKULTUR_EVENTS",
        None,
        'Local events shown under the widget ("Coming up"), in /api/v1/events and /feeds/events.ics: a '
        "YAML file (grammar in the README) or an .ics file, e.g. the one `interkultur events pull URL` keeps. "
        "Default: events.yaml beside the catalogue, if there is one. A broken file stops the service from "
        "starting, with file:line messages.",
    ),
    Setting(
        "MAX_AGE",
        "INTERKULTUR_MAX_AGE",
        300,
        "Cache-Control max-age in seconds for HTML pages and the API.",
        _positive_int,
    ),
    Setting(
        "FEED_MAX_AGE",
        "INTERKULTUR_FEED_MAX_AGE",
        3600,
        "Cache-Control max-age in seconds for iCalendar feeds (they also carry an ETag).",
        _positive_int,
    ),
    Setting(
        "RESPONSE_CACHE_ENTRIES",
        "INTERKULTUR_RESPONSE_CACHE_ENTRIES",
        2048,
        "Rendered answers kept per process (widget, pages, API, feeds; least recently used go first). "
        "0 switches the response cache off.",
        _positive_int,
    ),
    Setting(
        "RESPONSE_CACHE_MB",
        "INTERKULTUR_RESPONSE_CACHE_MB",
        96,
        "Memory budget of the response cache per process, in MiB (bodies, identity and gzip); the answers "
        "replayed in front of Flask (web.replay, at most 1024) hold up to half as much, mostly the same bodies.",
        _positive_int,
    ),
    Setting(
        "TODAY", "INTERKULTUR_TODAY", None, 'Testing only: a fixed YYYY-MM-DD used as "today" instead of the clock.'
    ),
)

BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


def load(config: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Defaults, overridden by the environment, overridden by ``config``."""
    environ = os.environ if environ is None else environ
    merged: dict[str, Any] = {}
    for setting in SETTINGS:
        value = setting.default
        raw = environ.get(setting.env)
        if raw not in (None, ""):
            try:
                value = setting.parse(raw)
            except ValueError as exc:
                raise ValueError(f"{setting.env}: {exc}") from None
        merged[setting.key] = value
    merged.update(config or {})
    return merged


def markdown_table() -> str:
    """The configuration table for the README."""
    rows = ["| Environment variable | Config key | Default | Meaning |", "|---|---|---|---|"]
    for s in SETTINGS:
        shown = " ".join(s.default) if isinstance(s.default, tuple) else s.default
        default = "" if shown in (None, "") else f"`{shown}`"
        rows.append(f"| `{s.env}` | `{s.key}` | {default} | {s.doc} |")
    return "\n".join(rows)


if __name__ == "__main__":  # pragma: no cover
    print(markdown_table())
