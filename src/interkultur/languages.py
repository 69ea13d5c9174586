"""The interface languages and their writing direction, read from ``languages.yaml``.

The list is data (``data/languages.yaml``, or the one beside
``$INTERKULTUR_CATALOGUE``): adding a language is one entry there, its ``.po``
file and its names in the catalogue. It is read once at start-up, because the
command line and the web service offer the languages before any catalogue is
loaded. Holiday names come from the catalogue (with the fallback chain of
``chain``); month and weekday names from CLDR through Babel.
"""

from __future__ import annotations

import os
from pathlib import Path

from .diskcache import cached_file
from .reference import LANGUAGES_FILE, Languages, load_languages, shipped_dir, sibling

ENV_VARIABLE = "INTERKULTUR_CATALOGUE"


def data_directory() -> Path:
    """The directory whose ``languages.yaml`` applies: that of ``$INTERKULTUR_CATALOGUE``, else the shipped one."""
    env = os.environ.get(ENV_VARIABLE)
    if env:
        path = Path(env)
        return path if path.is_dir() else path.parent
    return shipped_dir()


def _load() -> Languages:
    """The table, from the disk cache (``diskcache``) while ``languages.yaml`` is unchanged: this module
    is imported by every command, and reading YAML would cost a tenth of a short one."""
    directory = data_directory()
    return cached_file("languages", sibling(directory, LANGUAGES_FILE), lambda: load_languages(directory)[0])


DATA: Languages = _load()
#: Languages with a full interface (UI strings, month names, holiday names).
LANGUAGES: tuple[str, ...] = DATA.interface
DEFAULT_LANGUAGE: str = DATA.default
#: What ``interkultur export`` writes without ``--lang``: the languages the catalogue keeps inline
#: (every interface language works with ``--lang``; each adds a full copy of the site).
EXPORT_LANGUAGES: tuple[str, ...] = tuple(code for code in ("de", "en", "tr", "ar") if code in LANGUAGES)


def check_language(lang: str) -> str:
    """Return ``lang`` if supported, else raise ValueError naming the allowed ones."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; allowed: {', '.join(LANGUAGES)}")
    return lang


def direction(lang: str) -> str:
    """``rtl`` for right-to-left scripts, else ``ltr``."""
    known = DATA.get(lang) or DATA.get(lang.split("-")[0])
    return known.direction if known else "ltr"


def chain(lang: str) -> tuple[str, ...]:
    """The languages to try, in order, for a text wanted in ``lang``."""
    return DATA.chain(lang)


#: FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (Unicode Bidirectional Algorithm, UAX #9).
FSI, PDI = "\u2068", "\u2069"


def isolate(text: str, lang: str) -> str:
    """``text`` between FSI and PDI in right-to-left plain text (CLI output), so a Latin fragment
    (a German fallback name, a tradition id, a year) keeps its place; unchanged in left-to-right text."""
    return f"{FSI}{text}{PDI}" if text and direction(lang) == "rtl" else text


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: combining marks and format characters (isolates) take none,
    wide and full-width East Asian characters two, everything else one."""
    import unicodedata

    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int, align: str = ">") -> str:
    """``text`` padded with spaces to ``width`` terminal columns (``display_width``), right- or left-aligned."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if align == ">" else text + fill
