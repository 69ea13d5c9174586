"""How complete each interface language is: what ``interkultur check`` reports and ``--strict`` enforces.

Per language: holiday names and descriptions of the catalogue, names of the
Land layers (statutory holidays and school breaks), of traditions and
categories, and the interface strings of its gettext catalogue; and the texts
of its translation overlay that no native speaker has checked yet
(``review: pending``), so an integration centre can hand them to its language
mediators. ``--strict`` (CI) fails on any missing name and on descriptions
below ``DESCRIPTION_SHARE`` (all of them for the languages kept inline).
"""

from __future__ import annotations

from . import translations
from .catalog import Catalogue
from .records import record

#: Share of holidays that need a description in every interface language ...
DESCRIPTION_SHARE = 0.95
#: ... and the languages that need one for every holiday (the catalogue's inline ones).
FULL_DESCRIPTIONS: tuple[str, ...] = ("de", "en", "tr", "ar")


@record
class Coverage:
    """One language's coverage; the ``missing_*`` tuples name ids."""

    lang: str
    holidays: int
    missing_names: tuple[str, ...]
    missing_descriptions: tuple[str, ...]
    layers: int
    missing_layers: tuple[str, ...]
    missing_traditions: tuple[str, ...]
    missing_categories: tuple[str, ...]
    ui: int
    ui_total: int
    pending: tuple[str, ...]

    @property
    def names(self) -> int:
        return self.holidays - len(self.missing_names)

    @property
    def descriptions(self) -> int:
        return self.holidays - len(self.missing_descriptions)

    @property
    def description_share(self) -> float:
        return self.descriptions / self.holidays if self.holidays else 1.0

    def problems(self) -> list[str]:
        """What ``check --strict`` fails on: a missing name anywhere, descriptions below the share."""
        out = []
        for kind, missing in (
            ("holiday", self.missing_names),
            ("layer", self.missing_layers),
            ("tradition", self.missing_traditions),
            ("category", self.missing_categories),
        ):
            if missing:
                out.append(f"{self.lang}: {len(missing)} {kind} name(s) missing: {', '.join(missing)}")
        wanted = 1.0 if self.lang in FULL_DESCRIPTIONS else DESCRIPTION_SHARE
        if self.description_share < wanted:
            out.append(
                f"{self.lang}: descriptions for {self.descriptions}/{self.holidays} holidays "
                f"({self.description_share:.0%}), at least {wanted:.0%} needed; missing: "
                f"{', '.join(self.missing_descriptions)}"
            )
        return out


def _layer_ids() -> dict[str, tuple[str, str]]:
    """``{layer id: (German, English name)}`` of data/german-holidays.yaml (the names every layer has)."""
    from . import layers  # only its table of names: python-holidays is not imported

    return {
        ident: (german, english)
        for table in layers.known_names().values()
        for german, (ident, english) in table.items()
    }


def language_coverage(catalogue: Catalogue, lang: str, ui_total: set[str]) -> Coverage:
    """``lang``'s coverage of ``catalogue`` (only texts really in ``lang``: fallbacks do not count)."""
    holidays = catalogue.holidays
    layer_ids = _layer_ids()
    own_layer_languages = ("de", "en")  # german-holidays.yaml: the key and the `en` column
    reference = catalogue.reference
    ui = ui_total if lang == "en" else translations.translated_ids(lang) & ui_total
    pending = [
        item
        for overlay in (catalogue.overlays.files if catalogue.overlays else ())
        if overlay.language == lang
        for item in overlay.pending()
    ]
    return Coverage(
        lang=lang,
        holidays=len(holidays),
        missing_names=tuple(h.id for h in holidays if lang not in h.names),
        missing_descriptions=tuple(h.id for h in holidays if lang not in h.descriptions),
        layers=len(layer_ids),
        missing_layers=tuple(
            i for i in layer_ids if lang not in own_layer_languages and lang not in catalogue.layer_names(i)
        ),
        missing_traditions=tuple(t.id for t in reference.traditions if lang not in t.names),
        missing_categories=tuple(c.id for c in reference.categories if lang not in c.names),
        ui=len(ui),
        ui_total=len(ui_total),
        pending=tuple(pending),
    )


def report(catalogue: Catalogue) -> list[Coverage]:
    """Every interface language's coverage, in the order of languages.yaml."""
    languages = catalogue.reference.languages.interface
    ui_total: set[str] = set()
    for lang in languages:
        ui_total |= translations.translated_ids(lang)
    return [language_coverage(catalogue, lang, ui_total) for lang in languages]


def table(coverages: list[Coverage]) -> list[str]:
    """The coverage as aligned text lines (names, descriptions, layer names, interface strings, review)."""
    lines = [
        f"{'lang':<5} {'names':>9} {'descriptions':>13} {'layers':>7} {'traditions':>10} "
        f"{'UI strings':>11} {'awaiting review':>15}"
    ]
    for c in coverages:
        traditions = c.holidays and (len(c.missing_traditions) + len(c.missing_categories))
        lines.append(
            f"{c.lang:<5} {f'{c.names}/{c.holidays}':>9} "
            f"{f'{c.descriptions}/{c.holidays} {c.description_share:.0%}':>13} "
            f"{f'{c.layers - len(c.missing_layers)}/{c.layers}':>7} "
            f"{'ok' if not traditions else f'{traditions} missing':>10} "
            f"{f'{c.ui}/{c.ui_total}':>11} {len(c.pending):>15}"
        )
    return lines
