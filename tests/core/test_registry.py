"""Calendars register themselves: the grammar reads whatever ``rules.calendars`` holds.

A new calendar is one module; this test writes such a module (the Indian
national calendar, Saka era, dated with convertdate) into a temporary
directory on the package's path and the grammar reads its rules without any
other change.
"""

from __future__ import annotations

import sys
import textwrap
from datetime import date

import pytest

from interkultur.calendars.hijri import DEFAULT_PROFILE, PROFILES
from interkultur.rules import Context, RuleSyntaxError, parse_rule, registry
from interkultur.rules import calendars as calendar_package

CTX = Context(islamic=PROFILES[DEFAULT_PROFILE], jewish="diaspora")

SAKA_MODULE = '''
"""The Indian national calendar (Saka era): ``saka 1 chaitra``."""
from __future__ import annotations

import re
from dataclasses import dataclass

from convertdate import indian_civil

from interkultur.calendars.daynumber import date_from_jd
from interkultur.rules.base import CalendarDay, Context, Rule, RuleSyntaxError, Start
from interkultur.rules.registry import anchor, conversion

ORDER = 500
MONTHS = {name.lower(): number for number, name in enumerate(indian_civil.MONTHS, 1)}


def to_date(year, month, day):
    return date_from_jd(indian_civil.to_jd(year, month, day))


conversion("saka", to_date, lambda d: indian_civil.from_gregorian(d.year, d.month, d.day))


@dataclass(frozen=True, repr=False)
class SakaDate(CalendarDay):
    day: int
    month: int
    text: str = ""

    def calendar_years(self, year):
        return year - 79, year - 78

    def day_in(self, saka_year, ctx):
        return Start(to_date(saka_year, self.month, self.day))


@anchor("saka", r"saka (\\d{1,2}) ([a-z]+)", "saka 1 chaitra")
def _saka(m: re.Match[str]) -> Rule:
    if m[2] not in MONTHS:
        raise RuleSyntaxError(f"unknown Saka month {m[2]!r}")
    return SakaDate(int(m[1]), MONTHS[m[2]], text=m[0])
'''


#: The same calendar through ``registry.month_day_calendar``: a calendar of named months is this short.
SAKA_SHORT_MODULE = '''
"""The Indian national calendar (Saka era), short form: ``sakashort 1 chaitra``."""
from convertdate import indian_civil

from interkultur.calendars.daynumber import date_from_jd
from interkultur.rules.registry import month_day_calendar

ORDER = 510
month_day_calendar(
    "sakashort", {name.lower(): number for number, name in enumerate(indian_civil.MONTHS, 1)},
    to_date=lambda y, m, d: date_from_jd(indian_civil.to_jd(y, m, d)),
    month_length=lambda y, m: indian_civil.month_length(y, m),
    years_touching=lambda year: (year - 79, year - 78), label="Saka", max_day=31)
'''


@pytest.fixture
def saka_module(tmp_path):
    """``saka.py`` dropped beside the shipped calendar modules, removed again afterwards."""
    (tmp_path / "saka.py").write_text(textwrap.dedent(SAKA_MODULE), encoding="utf-8")
    (tmp_path / "sakashort.py").write_text(textwrap.dedent(SAKA_SHORT_MODULE), encoding="utf-8")
    calendar_package.__path__.append(str(tmp_path))
    try:
        registry.rediscover()
        yield
    finally:
        calendar_package.__path__.remove(str(tmp_path))
        for name in ("saka", "sakashort"):
            registry.unregister(name)
            sys.modules.pop(f"interkultur.rules.calendars.{name}", None)


def test_a_new_calendar_module_is_read_by_the_grammar(saka_module):
    # Government of India, Know India portal, "National Calendar"
    # (https://knowindia.india.gov.in/national-identity-elements/national-calendar.php):
    # "Chaitra 1 falls on 22 March normally and on 21 March in leap year."
    rule = parse_rule("saka 1 chaitra")
    assert [s.date for s in rule.starts(2025, CTX)] == [date(2025, 3, 22)]
    assert [s.date for s in rule.starts(2024, CTX)] == [date(2024, 3, 21)]
    # the grammar's steps compose with the new anchor as with any other
    assert [s.date for s in parse_rule("saka 1 chaitra +1").starts(2025, CTX)] == [date(2025, 3, 23)]
    assert "saka" in registry.calendars()
    assert registry.conversions()["saka"].to_day(1947, 1, 1) == date(2025, 3, 22).toordinal()
    with pytest.raises(RuleSyntaxError, match="unknown Saka month"):
        parse_rule("saka 1 nomonth")


def test_a_calendar_of_named_months_is_one_call(saka_module):
    # the same published dates as above, through registry.month_day_calendar
    assert [s.date for s in parse_rule("sakashort 1 chaitra").starts(2025, CTX)] == [date(2025, 3, 22)]
    assert [s.date for s in parse_rule("sakashort 1 chaitra").starts(2024, CTX)] == [date(2024, 3, 21)]
    # Know India, same page: the year has Chaitra of 30 days (31 in a leap year), then five months
    # of 31 days: 1 Vaishakha is 21 April in every year
    assert [s.date for s in parse_rule("sakashort 1 vaishākha").starts(2025, CTX)] == [date(2025, 4, 21)]
    assert [s.date for s in parse_rule("sakashort 1 vaishākha").starts(2024, CTX)] == [date(2024, 4, 21)]
    with pytest.raises(RuleSyntaxError, match="unknown Saka month 'nomonth' \\(known: chaitra, "):
        parse_rule("sakashort 1 nomonth")
    assert "'sakashort 1 chaitra'" in _unknown_message()
    forms = registry.forms()
    assert [f.calendar for f in forms].index("saka") < [f.calendar for f in forms].index("sakashort")


def _unknown_message() -> str:
    with pytest.raises(RuleSyntaxError) as err:
        parse_rule("no such anchor")
    return str(err.value)


def test_without_the_module_the_form_is_unknown():
    with pytest.raises(RuleSyntaxError, match="expected a date such as") as err:
        parse_rule("saka 1 chaitra")
    assert "saka" not in str(err.value).split("expected")[1]


def test_every_registered_example_parses():
    """The error message names the forms by their examples: each must be a rule the grammar reads."""
    forms = registry.forms()
    assert {f.calendar for f in forms} >= {
        "gregorian",
        "julian",
        "easter",
        "hebrew",
        "hijri",
        "coptic",
        "persian",
        "bahai",
        "chinese",
        "hindu",
        "moon",
    }
    for form in forms:
        if form.example:
            assert parse_rule(form.example).starts(2025, CTX), form.example


def test_conversions_map_published_dates_to_day_numbers():
    conversions = registry.conversions()
    # Hebcal, "Rosh Hashana 2024" (https://www.hebcal.com/holidays/rosh-hashana-2024):
    # 1 Tishrei 5785 is Thursday, 3 October 2024 (convertdate numbers Tishrei 7).
    assert conversions["hebrew"].to_day(5785, 7, 1) == date(2024, 10, 3).toordinal()
    assert conversions["hebrew"].from_day(date(2024, 10, 3).toordinal()) == (5785, 7, 1)
    # Orthodox Christmas, 25 December (Julian), is 7 January in 1900-2100 (Gregorian).
    assert conversions["julian"].from_day(date(2025, 1, 7).toordinal()) == (2024, 12, 25)
    assert "hijri" not in conversions  # a Hijri date's day depends on the Islamic profile
