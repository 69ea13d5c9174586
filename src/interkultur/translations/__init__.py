"""gettext catalogues of the interface strings (not of holiday names).

Layout: ``translations/<lang>/LC_MESSAGES/messages.po`` and the compiled
``messages.mo`` beside it; both are committed and shipped as package data.
Message ids are English; a missing translation falls back to the English id.
Holiday names and descriptions come from the catalogue instead
(``catalog.localised``: requested language, base language, de, en).

``python -m interkultur.translations`` recompiles every ``.mo`` from its
``.po`` (run it after editing a ``.po``; a test fails while they differ).
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

DIRECTORY = Path(__file__).resolve().parent
DOMAIN = "messages"


def po_path(lang: str) -> Path:
    return DIRECTORY / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def available() -> tuple[str, ...]:
    """Languages that have a ``.po`` file."""
    return tuple(sorted(p.parent.parent.name for p in DIRECTORY.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


@lru_cache(maxsize=None)
def get(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang``; an identity catalogue when there is none."""
    mo = po_path(lang).with_suffix(".mo")
    if not mo.is_file():
        return NullTranslations()
    with mo.open("rb") as fp:
        return Translations(fp, domain=DOMAIN)


def compile_po(lang: str) -> bytes:
    """The ``.mo`` bytes for ``lang``'s ``.po`` (fuzzy entries are left out)."""
    with po_path(lang).open("rb") as fp:
        catalog = read_po(fp, locale=lang, domain=DOMAIN)
    out = BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def compile_all() -> list[Path]:
    """Rewrite every ``.mo`` from its ``.po``; returns the files written."""
    written = []
    for lang in available():
        target = po_path(lang).with_suffix(".mo")
        target.write_bytes(compile_po(lang))
        written.append(target)
    get.cache_clear()
    return written


