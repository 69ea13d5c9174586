"""The interface languages and their writing direction.

Holiday names come from the catalogue (with the fallback in
``catalog.localised``); month and weekday names from CLDR through Babel.
"""

from __future__ import annotations

#: Languages with a full interface (UI strings, month names, holiday names).
LANGUAGES: tuple[str, ...] = ("de", "en", "tr", "ar")
DEFAULT_LANGUAGE = "de"
RTL_LANGUAGES: frozenset[str] = frozenset({"ar", "he", "fa", "ur"})


def check_language(lang: str) -> str:
    """Return ``lang`` if supported, else raise ValueError naming the allowed ones."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; allowed: {', '.join(LANGUAGES)}")
    return lang


def direction(lang: str) -> str:
    """``rtl`` for right-to-left scripts, else ``ltr``."""
    return "rtl" if lang.split("-")[0] in RTL_LANGUAGES else "ltr"


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
