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
