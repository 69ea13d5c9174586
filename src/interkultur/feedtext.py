"""The words of a feed, localised: its messages, and the notes and DESCRIPTION of an occurrence.

An occurrence's remarks (public holiday in which Länder, begins the evening
before, the night from ... to ..., a calculated date) are plain localised text:
``ical.py`` puts them into the DESCRIPTION of a VEVENT, and the widget shows the
same statutory note (``web/i18n.py``), so both say the same. They are separate
from ``ical.py`` because they need the gettext catalogues and Babel's dates but
no ``icalendar``. The messages are marked with ``N_`` for extraction
(``translations/babel.cfg``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from babel.dates import format_date

from . import laender, translations
from .catalog import LAENDER
from .cldr import latin_digits
from .engine import Occurrence


def N_(message: str) -> str:
    return message


EVE_NOTE = N_("Begins on the evening before (%(date)s) at sunset.")
NIGHT_NOTE = N_("The night from %(eve)s to %(date)s.")
MOON_NOTE = N_("Calculated date: it may differ by one day depending on the sighting of the moon.")
ESTIMATED_NOTE = N_("Calculated date: it may differ by a day.")
STATUTORY_NOTE = N_("Public holiday in %(lands)s.")
NATIONWIDE_NOTE = N_("Public holiday throughout Germany.")
EVE_SUMMARY = N_("%(name)s begins (sunset)")
EVE_DESCRIPTION = N_("Sunset in %(place)s: the feast begins this evening.")
CALENDAR_NAME = N_("Intercultural calendar")
CALENDAR_DESCRIPTION = N_("Holidays of religions and cultures from the intercultural calendar.")


def _(lang: str, message: str, **variables: str) -> str:
    text = translations.get(lang).gettext(message)
    return text % variables if variables else text


def land_name(code: str, lang: str) -> str:
    """A Land's name in ``lang``: its English name (data/laender.yaml) is the gettext message id."""
    land = laender.BY_CODE.get(code)
    return _(lang, land.en) if land else code


def statutory_note(lands: Iterable[str], lang: str) -> str | None:
    """ "Public holiday in North Rhine-Westphalia." for an occurrence's ``statutory`` Länder, localised.

    All sixteen (a nationwide holiday asked for without a state) read
    "throughout Germany"; None when the day is statutory nowhere the query asked.
    """
    lands = tuple(lands)
    if not lands:
        return None
    if set(lands) >= set(LAENDER):
        return _(lang, NATIONWIDE_NOTE)
    return _(lang, STATUTORY_NOTE, lands=", ".join(land_name(code, lang) for code in lands))


def notes(occ: Occurrence, lang: str, long_date: Callable[[date], str] | None = None) -> list[str]:
    """The statutory / evening / night / estimate remarks of an occurrence, localised.

    ``long_date`` formats a date in ``lang`` (Babel's long format); a feed
    build passes its own, which parses the locale once and remembers each date.
    """
    if long_date is None:

        def long_date(day: date) -> str:
            return latin_digits(format_date(day, "long", locale=lang))

    out = []
    statutory = statutory_note(occ.statutory, lang)
    if statutory:
        out.append(statutory)
    if occ.eve and occ.holiday.night:
        out.append(_(lang, NIGHT_NOTE, eve=long_date(occ.eve), date=long_date(occ.start)))
    elif occ.eve:
        out.append(_(lang, EVE_NOTE, date=long_date(occ.eve)))
    # every Hijri date carries the sighting note, even from a published table:
    # mosques in Germany may begin the month a day earlier or later
    if occ.holiday.moon_sighted:
        out.append(_(lang, MOON_NOTE))
    elif occ.estimated:
        out.append(_(lang, ESTIMATED_NOTE))
    return out


def describe(
    occ: Occurrence, lang: str, link: str | None = None, long_date: Callable[[date], str] | None = None
) -> str:
    """The DESCRIPTION text: meaning, statutory note, evening note, estimate note, link."""
    parts = [occ.holiday.description(lang), *notes(occ, lang, long_date)]
    if link:
        parts.append(link)
    return "\n\n".join(parts)
