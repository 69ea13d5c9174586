"""Language of a request and the translated words the views need.

UI strings come from gettext (``interkultur.translations``); month and weekday
names from CLDR through Babel; holiday names from the catalogue. Names of
traditions, categories and Hijri/Hebrew months are gettext messages too, so a
new language needs only a ``.po`` file (and catalogue columns).
"""

from __future__ import annotations

from typing import Any

from babel.dates import format_skeleton
from flask import g

from .. import cldr, translations
from ..catalog import localised
from ..catalog.model import text_language
from ..languages import DEFAULT_LANGUAGE, direction


def N_(message: str) -> str:
    """Mark a message for extraction; translated later with ``gettext``."""
    return message


#: The generated layers (state=): a Land's public holidays and school holidays. The names
#: of the catalogue's traditions and categories are data (traditions.yaml, categories.yaml).
LAYER_NAMES: dict[str, str] = {"public": N_("Public holiday"), "school-break": N_("School holidays")}
#: Index 1 = Muharram.
HIJRI_MONTHS: tuple[str, ...] = (
    "",
    N_("Muharram"),
    N_("Safar"),
    N_("Rabi al-Awwal"),
    N_("Rabi al-Thani"),
    N_("Jumada al-Ula"),
    N_("Jumada al-Akhira"),
    N_("Rajab"),
    N_("Shaban"),
    N_("Ramadan"),
    N_("Shawwal"),
    N_("Dhu al-Qada"),
    N_("Dhu al-Hijja"),
)
#: convertdate numbering: 1 = Nisan ... 12 = Adar (Adar I in leap years), 13 = Adar II.
HEBREW_MONTHS: tuple[str, ...] = (
    "",
    N_("Nisan"),
    N_("Iyyar"),
    N_("Sivan"),
    N_("Tammuz"),
    N_("Av"),
    N_("Elul"),
    N_("Tishrei"),
    N_("Cheshvan"),
    N_("Kislev"),
    N_("Tevet"),
    N_("Shevat"),
    N_("Adar"),
    N_("Adar II"),
)
ADAR_I = N_("Adar I")


def current_language() -> str:
    return getattr(g, "lang", DEFAULT_LANGUAGE)


def gettext(message: str, **variables: Any) -> str:
    text = translations.get(current_language()).gettext(message)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, n: int, **variables: Any) -> str:
    text = translations.get(current_language()).ngettext(singular, plural, n)
    variables.setdefault("num", n)
    return text % variables


def statutory_note(occ: Any) -> str | None:
    """ "Gesetzlicher Feiertag in Nordrhein-Westfalen." for an occurrence statutory in the query's Land."""
    from ..feedtext import statutory_note as note  # the feeds' wording, so widget and feed agree

    return note(occ.statutory, current_language())


def _reference() -> Any:
    from . import state

    return state().catalogue.reference


def tradition_name(tradition: str) -> str:
    """The tradition's name in the request's language (``traditions.yaml``), or a layer's."""
    if tradition in LAYER_NAMES:
        return gettext(LAYER_NAMES[tradition])
    known = _reference().tradition(tradition)
    return localised(known.names, current_language()) if known else tradition.replace("-", " ").title()


def tradition_language(tradition: str) -> str:
    """The language ``tradition_name`` is really in (a fallback where traditions.yaml and the overlay
    have no name in the request's language)."""
    known = None if tradition in LAYER_NAMES else _reference().tradition(tradition)
    return text_language(known.names, current_language()) if known else current_language()


def category_language(category: str) -> str:
    known = _reference().category(category)
    return text_language(known.names, current_language()) if known else current_language()


def category_name(category: str) -> str:
    known = _reference().category(category)
    return localised(known.names, current_language()) if known else category


def hijri_month_name(month: int) -> str:
    return gettext(HIJRI_MONTHS[month])


def hebrew_month_name(month: int, leap: bool) -> str:
    return gettext(ADAR_I if month == 12 and leap else HEBREW_MONTHS[month])


def month_name(month: int) -> str:
    """Stand-alone month name (``Oktober``), as a calendar heading uses it (CLDR, ``cldr``)."""
    return cldr.month_name(month, current_language())


def month_beside(month: int) -> str | None:
    """The month's other common name in the request's language (Arabic: the Levantine ``آذار``)."""
    return cldr.month_beside(month, current_language())


def weekday_names() -> list[tuple[str, str]]:
    """(short, full) weekday names from Monday, e.g. ("Mo", "Montag") (``cldr.weekday_names``)."""
    return list(cldr.weekday_names(current_language()))


def long_date(value: Any) -> str:
    """``29. März 2025``; Latin digits in every language (Arabic and Farsi included)."""
    return cldr.long_date(value, current_language())


def full_date(value: Any) -> str:
    """``Samstag, 29. März 2025``."""
    return cldr.full_date(value, current_language())


def text_direction() -> str:
    return direction(current_language())


def day_month(value: Any) -> str:
    """``30. März``."""
    return cldr.day_month(value, current_language())


def date_range(start: Any, end: Any, with_year: bool = False) -> str:
    """``30. März – 1. Apr.``, or one date when start == end."""
    return cldr.date_range(start, end, current_language(), with_year)


def event_when(event: Any) -> str:
    """When a local event takes place, in the reader's language: ``Sa., 20. Feb.``, a range of
    days, or the day with the local time (``Sa., 20. Feb., 18:30``), all from CLDR via Babel."""
    lang = current_language()
    if event.all_day:
        if event.last_day != event.first_day:
            return date_range(event.first_day, event.last_day)
        return cldr.latin_digits(format_skeleton("MMMEd", event.first_day, locale=lang))
    return cldr.latin_digits(
        f"{format_skeleton('MMMEd', event.first_day, locale=lang)}, {format_skeleton('Hm', event.start, locale=lang)}"
    )


def _app_places() -> Any:
    from . import state

    return state().places


def evening_begins(occ: Any) -> dict[str, str | None] | None:
    """When the evening that begins ``occ`` falls at the request's place (``place=``, or the
    service's default): ``{"time": "19:42", "place": "Duisburg", "before": "19:24" | None}``; None
    when the feast has no eve or the sun does not set there that day. ``before`` is the time a
    community customarily begins earlier (traditions.yaml ``begins_before_sunset``)."""
    from flask import current_app

    from .. import evening, languages

    if getattr(occ, "eve", None) is None:
        return None
    query = getattr(g, "query", None)
    place = (
        query.place
        if query is not None and query.place is not None
        else _app_places().get(current_app.config["PLACE"]) or _app_places().default_place
    )
    moment, _reason = evening.eve_at(occ.eve, place)
    if moment is None:
        return None
    lang = current_language()
    tradition = _reference().tradition(occ.tradition)
    minutes = tradition.begins_before_sunset if tradition is not None else None
    earlier = evening.customary_start(occ.eve, place, minutes)
    return {
        "time": cldr.clock_time(moment, lang),
        "place": place.name(lang, languages.chain(lang)),
        "before": cldr.clock_time(earlier, lang) if earlier else None,
        "minutes": str(minutes or ""),
    }
