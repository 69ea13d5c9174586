"""Merging the translation overlays into the catalogue: holiday texts, tradition and category names,
the names of the public-holiday and school-break layers.

A text may stand inline (``holidays.yaml``, ``traditions.yaml``,
``categories.yaml``, ``german-holidays.yaml``) or in an overlay; where both
exist they must be the same, else ``file:line`` names the conflict. Separate
from ``overlay.py``, which reads and checks one overlay file at a time on its
own: this step works on the catalogue's objects and makes one new object per
changed holiday, tradition or category.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from ..records import replace
from ..reference import Reference
from .model import Holiday
from .overlay import DIRECTORY, Overlay, OverlayEntry, Overlays, _layer_ids


def _merged(inline: Mapping[str, str], extra: Mapping[str, str], conflict: Any) -> dict[str, str]:
    """``inline`` with the overlay's texts added; a different text for the same language is a conflict."""
    out = dict(inline)
    for lang, text in extra.items():
        if lang in out and out[lang] != text:
            conflict(lang, out[lang])
            continue
        out[lang] = text
    return out


def apply(
    overlays: Overlays, holidays: tuple[Holiday, ...], reference: Reference, errors: list[str]
) -> tuple[tuple[Holiday, ...], Reference, Overlays]:
    """The holidays, reference and overlays with the overlays' texts merged in (and the layers' table);
    one new object per changed holiday."""
    by_holiday: dict[str, list[tuple[Overlay, OverlayEntry]]] = {}
    for overlay in overlays.files:
        for hid, entry in overlay.holidays.items():
            by_holiday.setdefault(hid, []).append((overlay, entry))
    merged = tuple(
        _holiday_with(holiday, by_holiday[holiday.id], errors) if holiday.id in by_holiday else holiday
        for holiday in holidays
    )
    table = layer_table(overlays, merged, errors)
    return merged, _reference_with(overlays, reference, errors), replace(overlays, layers=table)


def _holiday_with(holiday: Holiday, found: list[tuple[Overlay, OverlayEntry]], errors: list[str]) -> Holiday:
    """``holiday`` with the texts of its overlay entries; a text that differs from the inline one is an error."""
    texts = {"name": dict(holiday.names), "description": dict(holiday.descriptions)}
    review, name_sources = dict(holiday.review), dict(holiday.name_sources)
    for overlay, entry in found:
        lang = overlay.language
        if entry.name is None and lang not in texts["name"]:
            errors.append(
                f"{overlay.path}:{entry.line}: holiday {holiday.id!r}: missing required field "
                f"'name' (holidays.yaml has no {lang!r} name for it)"
            )
        for key, text in (("name", entry.name), ("description", entry.description)):
            if text is None:
                continue
            inline = texts[key].get(lang)
            if inline is not None and inline != text:
                errors.append(
                    f"{overlay.path}:{entry.lines.get(key, entry.line)}: holiday {holiday.id!r}: the "
                    f"{key} differs from the inline {lang!r} text of {holiday.id!r} in holidays.yaml "
                    f"(line {holiday.line}): keep one of them"
                )
                continue
            texts[key][lang] = text
        review[lang] = entry.review
        if entry.source is not None:
            name_sources[lang] = entry.source
    return replace(
        holiday, names=texts["name"], descriptions=texts["description"], review=review, name_sources=name_sources
    )


def layer_table(overlays: Overlays, holidays: tuple[Holiday, ...], errors: list[str]) -> dict[str, dict[str, str]]:
    """Names of every statutory holiday and school break beyond python-holidays' German and English.

    In order of precedence: the overlays (``layers:``), the further columns of
    data/german-holidays.yaml (an overlay that says otherwise is a conflict), and
    the names of the catalogue holiday that is the day's only statutory twin
    (``statutory_as: public-good-friday``: Good Friday is called in Bulgarian
    what the catalogue calls it)."""
    from .. import layers  # imported late: layers imports the catalogue

    inline = layers.inline_names()
    twins = {h.statutory_as[0]: h for h in holidays if len(h.statutory_as) == 1}
    table: dict[str, dict[str, str]] = {}
    for ident in _layer_ids():
        names = dict(twins[ident].names) if ident in twins else {}
        names.update(inline.get(ident, {}))
        for overlay in overlays.files:
            text = overlay.layers.get(ident)
            if text is None:
                continue
            own = inline.get(ident, {}).get(overlay.language)
            if own is not None and own != text:
                errors.append(
                    f"{overlay.path}:{overlay.lines.get(f'layers:{ident}', 1)}: layers: {ident!r}: the "
                    f"name differs from the {overlay.language!r} name in german-holidays.yaml "
                    f"({own!r}): keep one of them"
                )
                continue
            names[overlay.language] = text
        table[ident] = names
    return table


def _reference_with(overlays: Overlays, reference: Reference, errors: list[str]) -> Reference:
    """Traditions and categories with the overlays' names (a conflict with traditions.yaml is an error)."""
    traditions, categories = [], []
    for tradition in reference.traditions:
        extra = {o.language: o.traditions[tradition.id] for o in overlays.files if tradition.id in o.traditions}
        names = _merged(
            tradition.names,
            extra,
            lambda lang, inline, t=tradition: errors.append(
                f"{_where(overlays, lang, 'traditions', t.id)}: traditions: {t.id!r}: the name differs from the {lang!r} name "
                f"in traditions.yaml (line {t.line}): keep one of them"
            ),
        )
        traditions.append(replace(tradition, names=names) if extra else tradition)
    for category in reference.categories:
        extra = {o.language: o.categories[category.id] for o in overlays.files if category.id in o.categories}
        names = _merged(
            category.names,
            extra,
            lambda lang, inline, c=category: errors.append(
                f"{_where(overlays, lang, 'categories', c.id)}: categories: {c.id!r}: the name differs from the {lang!r} name "
                f"in categories.yaml (line {c.line}): keep one of them"
            ),
        )
        categories.append(replace(category, names=names) if extra else category)
    digest = reference.digest
    if overlays.digest:
        digest = hashlib.sha256(f"{reference.digest}:{overlays.digest}".encode()).hexdigest()[:12]
    return replace(reference, traditions=tuple(traditions), categories=tuple(categories), digest=digest)


def _where(overlays: Overlays, lang: str, section: str, ident: str) -> str:
    """``file:line`` of a tradition or category name in ``lang``'s overlay."""
    found = next((o for o in overlays.files if o.language == lang), None)
    return f"{found.path}:{found.lines.get(f'{section}:{ident}', 1)}" if found else DIRECTORY
