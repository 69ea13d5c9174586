"""gettext catalogues of the interface strings (not of holiday names).

Layout: ``translations/<lang>/LC_MESSAGES/messages.po`` and the compiled
``messages.mo`` beside it; both are committed and shipped as package data.
Message ids are English; a missing translation falls back to the English id.
Holiday names and descriptions come from the catalogue instead
(``catalog.localised``: requested language, base language, de, en).

``python -m interkultur.translations`` recompiles every ``.mo`` from its
``.po`` (run it after editing a ``.po``; a test fails while they differ).

A deployment adds or overrides a language without touching the package: a
``translations/<lang>/LC_MESSAGES/messages.po`` in the directory of its
``$INTERKULTUR_CATALOGUE`` (beside its ``languages.yaml``) is compiled when
first used and wins over the shipped one.
"""

from __future__ import annotations

import gettext
from functools import cache
from io import BytesIO
from pathlib import Path

DIRECTORY = Path(__file__).resolve().parent
DOMAIN = "messages"


def po_path(lang: str) -> Path:
    return DIRECTORY / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def deployment_po(lang: str) -> Path | None:
    """A deployment's own ``.po`` for ``lang`` beside its catalogue, or None."""
    from ..languages import data_directory

    path = data_directory() / "translations" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    return path if path.is_file() else None


def available() -> tuple[str, ...]:
    """Languages that have a ``.po`` file (in the package or beside the deployment's catalogue)."""
    from ..languages import data_directory

    own = data_directory() / "translations"
    found = {p.parent.parent.name for p in DIRECTORY.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    found |= {p.parent.parent.name for p in own.glob(f"*/LC_MESSAGES/{DOMAIN}.po")} if own.is_dir() else set()
    return tuple(sorted(found))


@cache
def get(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang``; an identity catalogue when there is none."""
    from babel.support import NullTranslations, Translations

    own = deployment_po(lang)
    if own is not None:
        return Translations(BytesIO(compile_po(lang, own)), domain=DOMAIN)
    mo = po_path(lang).with_suffix(".mo")
    if not mo.is_file():
        return NullTranslations()
    with mo.open("rb") as fp:
        return Translations(fp, domain=DOMAIN)


def translated(lang: str, message: str) -> str | None:
    """``message`` in ``lang`` where ``lang``'s catalogue has it (English: the id itself), else None.

    For texts with their own fallback chain (``languages.yaml``), which must not silently show the
    English id as if it were the language's text."""
    if lang == "en":
        return get(lang).gettext(message)
    catalogue = getattr(get(lang), "_catalog", None)
    found = catalogue.get(message) if catalogue else None
    return found if isinstance(found, str) and found else None


def compile_po(lang: str, path: Path | None = None) -> bytes:
    """The ``.mo`` bytes for ``lang``'s ``.po`` (the package's, or ``path``); fuzzy entries are left out."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with (path or po_path(lang)).open("rb") as fp:
        catalog = read_po(fp, locale=lang, domain=DOMAIN)
    out = BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def translated_ids(lang: str) -> set[str]:
    """The message ids ``lang`` translates (``interkultur check`` counts them). Read from the compiled
    ``.mo`` with the standard library, so that ``check`` stays as lean as the engine commands; a
    deployment's own ``.po`` is compiled first."""
    own = deployment_po(lang)
    if own is not None:
        data = compile_po(lang, own)
    else:
        mo = po_path(lang).with_suffix(".mo")
        if not mo.is_file():
            return set()
        data = mo.read_bytes()
    catalogue = gettext.GNUTranslations(BytesIO(data))._catalog  # type: ignore[attr-defined]
    return {key if isinstance(key, str) else key[0] for key, text in catalogue.items() if key and text}


def compile_all() -> list[Path]:
    """Rewrite every ``.mo`` from its ``.po``; returns the files written."""
    written = []
    for lang in sorted(p.parent.parent.name for p in DIRECTORY.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        target = po_path(lang).with_suffix(".mo")
        target.write_bytes(compile_po(lang))
        written.append(target)
    get.cache_clear()
    return written
