"""The rule grammar: every anchor form, weekday steps, offsets, conditions, and syntax errors.

Expected dates are published facts (the source is named next to each case), not
values read back from the code under test.
"""

from __future__ import annotations

from datetime import date

import pytest

from interkultur.calendars.hijri import PROFILES
from interkultur.rules import Context, RuleSyntaxError, parse_rule

D = date.fromisoformat
UQ = Context(islamic=PROFILES["umm-al-qura"])
TABULAR = Context(islamic=PROFILES["tabular"])


def dates(rule: str, year: int, ctx: Context = UQ) -> list[date]:
    return [s.date for s in parse_rule(rule).starts(year, ctx)]


# -- anchors ---------------------------------------------------------------------------

ANCHOR_CASES = [
    # (rule, year, expected starts, source)
    ("12-25", 2025, ["2025-12-25"], "Christmas, FTG NRW §2"),
    ("01-06", 2025, ["2025-01-06"], "Epiphany"),
    ("02-29", 2024, ["2024-02-29"], "2024 is a leap year"),
    ("02-29", 2000, ["2000-02-29"], "2000 is a leap year (divisible by 400)"),
    ("02-29", 2100, [], "2100 is not a Gregorian leap year"),
    ("02-29", 1900, [], "1900 is not a Gregorian leap year"),
    # Julian calendar: the difference to the Gregorian calendar is 12 days until
    # Julian 28 Feb 1900, 13 days until Julian 28 Feb 2100, then 14 days
    # (Wikipedia 'Conversion between Julian and Gregorian calendars'; README table).
    ("julian 12-25", 2025, ["2025-01-07"], "Orthodox Christmas 2025 on 7 January"),
    ("julian 12-25", 1900, ["1900-01-06"], "Julian 25 Dec 1899 (+12 days) = 6 Jan 1900"),
    ("julian 12-25", 2100, ["2100-01-07"], "Julian 25 Dec 2099 (+13) = 7 Jan 2100; Julian 25 Dec 2100 is in 2101"),
    ("julian 12-25", 2101, ["2101-01-08"], "Julian 25 Dec 2100 (+14) = 8 Jan 2101"),
    ("julian 01-01", 2025, ["2025-01-14"], "Julian New Year (Vasilica, 'Old New Year') on 14 January"),
    ("julian 01-01", 1900, ["1900-01-13"], "Julian 1 Jan 1900, still +12 days"),
    ("julian 01-01", 2100, ["2100-01-14"], "Julian 1 Jan 2100, still +13 days (before Julian 29 Feb 2100)"),
    ("julian 02-29", 2100, ["2100-03-14"], "2100 is a Julian leap year but not a Gregorian one"),
    ("julian 02-29", 2025, [], "2025 is not a Julian leap year"),
    ("julian 04-23", 2025, ["2025-05-06"], "Đurđevdan/Herdeljezi: Julian 23 April = 6 May (rombase)"),
    ("julian 04-23", 2100, ["2100-05-07"], "after Julian 29 Feb 2100 the offset is 14 days"),
    # Easter: dates from the published tables of Easter Sundays (e.g. Wikipedia 'List of dates for Easter').
    ("easter", 2025, ["2025-04-20"], "Easter 2025"),
    ("easter", 2024, ["2024-03-31"], "Easter 2024"),
    ("easter", 2038, ["2038-04-25"], "Easter 2038, the latest possible date"),
    ("easter", 2008, ["2008-03-23"], "Easter 2008"),
    ("easter -2", 2025, ["2025-04-18"], "Good Friday 2025"),
    ("easter -46", 2025, ["2025-03-05"], "Ash Wednesday 2025"),
    ("easter +39", 2025, ["2025-05-29"], "Ascension 2025"),
    ("easter +60", 2025, ["2025-06-19"], "Corpus Christi 2025"),
    ("orthodox", 2024, ["2024-05-05"], "Orthodox Easter 2024"),
    ("orthodox easter", 2023, ["2023-04-16"], "Orthodox Easter 2023"),
    ("orthodox", 2025, ["2025-04-20"], "Orthodox and Western Easter coincide in 2025"),
    ("orthodox -2", 2024, ["2024-05-03"], "Orthodox Good Friday 2024"),
    ("orthodox +39", 2025, ["2025-05-29"], "Orthodox Ascension 2025"),
    # Hebrew calendar (hebcal.com).
    ("hebrew 1 Tishrei", 2025, ["2025-09-23"], "Rosh Hashanah 5786"),
    ("hebrew 10 Tishrei", 2025, ["2025-10-02"], "Yom Kippur 5786"),
    ("hebrew 15 Nisan", 2025, ["2025-04-13"], "Pesach 5785"),
    ("hebrew 25 Kislev", 2024, ["2024-12-26"], "Chanukah 5785, first day"),
    ("hebrew 14 Adar", 2024, ["2024-03-24"], "Purim 5784 in Adar II (leap year)"),
    ("hebrew 14 Adar", 2025, ["2025-03-14"], "Purim 5785 (common year)"),
    ("hebrew 14 Adar I", 2024, ["2024-02-23"], "Purim Katan 5784 (14 Adar I)"),
    ("hebrew 14 Adar II", 2025, ["2025-03-14"], "Adar II in a common year is Adar"),
    ("hebrew 15 Nisan -1", 2025, ["2025-04-12"], "Erev Pesach 5785"),
    # Islamic calendar, Umm al-Qura profile (Saudi announcements via SPA, 2025).
    ("hijri 1 Ramadan", 2025, ["2025-03-01"], "Ramadan 1446 began 1 March 2025"),
    ("hijri 1 Shawwal", 2025, ["2025-03-30"], "Eid al-Fitr 1446: Sunday 30 March 2025"),
    ("hijri 10 Dhu al-Hijjah", 2025, ["2025-06-06"], "Eid al-Adha 1446: Friday 6 June 2025"),
    ("hijri 9 Dhu al-Hijja", 2025, ["2025-06-05"], "Day of Arafah 1446: Thursday 5 June 2025"),
    ("hijri 1 Muharram", 2025, ["2025-06-26"], "1 Muharram 1447: Thursday 26 June 2025"),
    (
        "hijri 1 Shawwal",
        2000,
        ["2000-01-08", "2000-12-27"],
        "two Eids al-Fitr in 2000 (Umm al-Qura; St. Louis Post-Dispatch 26 Dec 2000: Eid on 27 Dec)",
    ),
    # Coptic calendar: 1 Thout (Nayrouz) = 11 September, 12 September in the year
    # before a Gregorian leap year; 29 Koiak = 7 January (8 January after that)
    # (Wikipedia 'Coptic calendar'; kopten-sued.de lists 7-8 Jan 2024).
    ("coptic 1 Thout", 2025, ["2025-09-11"], "Nayrouz 2025"),
    ("coptic 1 Thout", 2023, ["2023-09-12"], "Nayrouz 2023, the year before leap year 2024"),
    ("coptic 29 Koiak", 2025, ["2025-01-07"], "Coptic Christmas 2025"),
    ("coptic 29 Koiak", 2024, ["2024-01-08"], "29 Koiak 1740 = 8 January 2024"),
]


@pytest.mark.parametrize(
    ("rule", "year", "expected", "source"), ANCHOR_CASES, ids=[f"{c[0]}|{c[1]}" for c in ANCHOR_CASES]
)
def test_anchor(rule: str, year: int, expected: list[str], source: str) -> None:
    assert dates(rule, year) == [D(x) for x in expected], source


def test_rule_keeps_its_text() -> None:
    assert parse_rule("hebrew 9 Av if saturday +1").text == "hebrew 9 Av if saturday +1"
    assert parse_rule("julian 12-25").text == "julian 12-25"


def test_case_and_whitespace_do_not_matter() -> None:
    assert dates("  Hebrew   14  Adar ", 2024) == dates("hebrew 14 Adar", 2024) == [D("2024-03-24")]
    assert dates("EASTER -2", 2025) == [D("2025-04-18")]
    assert dates("Wednesday Before 11-23", 2025) == [D("2025-11-19")]


def test_hijri_month_spellings_fold_apostrophes() -> None:
    # 1 Dhu al-Qa'dah 1446 = 29 April 2025 (Umm al-Qura); three spellings, one month
    expected = dates("hijri 1 Dhu al-Qadah", 2025)
    assert expected and dates("hijri 1 Dhu al-Qa'dah", 2025) == expected
    assert dates("hijri 1 Dhu al-Qa\u2019dah", 2025) == expected
    assert expected[0].month in (4, 5)


# -- weekday steps ---------------------------------------------------------------------

WEEKDAY_CASES = [
    # Buß- und Bettag: the Wednesday before 23 November; strict "before" (FTG Sachsen).
    ("wednesday before 11-23", 2025, ["2025-11-19"], "Buß- und Bettag 2025"),
    ("wednesday before 11-23", 2022, ["2022-11-16"], "23 Nov 2022 is itself a Wednesday: one week earlier"),
    # First Sunday of Advent: the 4th Sunday before Christmas.
    ("4th sunday before 12-25", 2025, ["2025-11-30"], "1st Advent 2025"),
    ("4th sunday before 12-25", 2024, ["2024-12-01"], "1st Advent 2024"),
    ("4th sunday before 12-25", 2022, ["2022-11-27"], "25 Dec 2022 is a Sunday and does not count"),
    # Erntedank: first Sunday of October.
    ("1st sunday on or after 10-01", 2025, ["2025-10-05"], "Erntedankfest 2025"),
    ("sunday on or after 10-01", 2023, ["2023-10-01"], "1 Oct 2023 is a Sunday and counts"),
    ("saturday on or before 06-20", 2026, ["2026-06-20"], "20 Jun 2026 is a Saturday"),
    ("saturday on or before 06-20", 2025, ["2025-06-14"], "20 Jun 2025 is a Friday"),
    # Yazidi New Year (Çarşema Sor): first Wednesday of April (Julian) = first
    # Wednesday on or after 14 April (bianet.org 2024-04-17; Shafaq News 2024; Kurdistan24 2022).
    ("wednesday on or after julian 04-01", 2025, ["2025-04-16"], "Çarşema Sor 2025"),
    ("wednesday on or after julian 04-01", 2024, ["2024-04-17"], "Çarşema Sor 2024"),
    ("wednesday on or after julian 04-01", 2022, ["2022-04-20"], "Çarşema Sor 2022 (eve 19 April at Lalish)"),
    # A step may carry the date across New Year: 28 Dec 2025 is a Sunday, so the
    # strict "sunday after" is 4 Jan 2026, and 2025 has no such day at all.
    ("sunday after 12-28", 2026, ["2026-01-04"], "Sunday after 28 Dec 2025"),
    ("sunday after 12-28", 2025, [], "the one for 28 Dec 2024 is 29 Dec 2024"),
]


@pytest.mark.parametrize(
    ("rule", "year", "expected", "source"), WEEKDAY_CASES, ids=[f"{c[0]}|{c[1]}" for c in WEEKDAY_CASES]
)
def test_weekday_rule(rule: str, year: int, expected: list[str], source: str) -> None:
    assert dates(rule, year) == [D(x) for x in expected], source


# -- conditions ------------------------------------------------------------------------

CONDITION_CASES = [
    # Tisha B'Av is never on Shabbat: 9 Av on a Saturday moves to Sunday 10 Av (hebcal.com).
    ("hebrew 9 Av if saturday +1", 2022, ["2022-08-07"], "Tish'a B'Av 2022 = 10 Av 5782 (postponed)"),
    ("hebrew 9 Av if saturday +1", 2019, ["2019-08-11"], "Tish'a B'Av 2019 = 10 Av 5779 (postponed)"),
    ("hebrew 9 Av if saturday +1", 2025, ["2025-08-03"], "9 Av 5785 is itself a Sunday: no shift"),
    ("hebrew 9 Av if saturday +1", 2024, ["2024-08-13"], "9 Av 5784, a Tuesday"),
    # Yom HaShoah: 27 Nisan; Friday -> Thursday, Sunday -> Monday (reformjudaism.org;
    # dates from hmd.org.uk (2024), Wikipedia (2023, 2025, 2026), leabright (2014-2020)).
    ("hebrew 27 Nisan if friday -1 if sunday +1", 2024, ["2024-05-06"], "27 Nisan 5784 is a Sunday"),
    ("hebrew 27 Nisan if friday -1 if sunday +1", 2025, ["2025-04-24"], "27 Nisan 5785 is a Friday"),
    ("hebrew 27 Nisan if friday -1 if sunday +1", 2020, ["2020-04-21"], "27 Nisan 5780 is a Tuesday"),
    ("hebrew 27 Nisan if friday -1 if sunday +1", 2014, ["2014-04-28"], "Monday 28 April 2014"),
    ("hebrew 27 Nisan if friday -1 if sunday +1", 2015, ["2015-04-16"], "Thursday 16 April 2015"),
    # Several weekdays in one condition (weekend -> the following day, once).
    ("06-20 if saturday,sunday +1", 2026, ["2026-06-21"], "20 Jun 2026 is a Saturday"),
    ("06-20 if saturday,sunday +1", 2027, ["2027-06-21"], "20 Jun 2027 is a Sunday"),
    ("06-20 if saturday,sunday +1", 2025, ["2025-06-20"], "20 Jun 2025 is a Friday"),
    # Conditions apply in order to the date reached so far: Saturday -> Sunday -> Monday.
    ("06-20 if saturday +1 if sunday +1", 2026, ["2026-06-22"], "Saturday, then Sunday"),
]


@pytest.mark.parametrize(
    ("rule", "year", "expected", "source"), CONDITION_CASES, ids=[f"{c[0]}|{c[1]}" for c in CONDITION_CASES]
)
def test_condition(rule: str, year: int, expected: list[str], source: str) -> None:
    assert dates(rule, year) == [D(x) for x in expected], source


# -- what a start carries ----------------------------------------------------------------


def test_estimated_flag_follows_the_islamic_profile() -> None:
    uq = parse_rule("hijri 1 Shawwal").starts(2025, UQ)
    tabular = parse_rule("hijri 1 Shawwal").starts(2025, TABULAR)
    assert [s.estimated for s in uq] == [False]
    assert [s.estimated for s in tabular] == [True]
    # outside the Umm al-Qura table (1924-08-01 .. 2077-11-16) the profile only estimates
    assert all(s.estimated for s in parse_rule("hijri 1 Shawwal").starts(1910, UQ))
    assert all(s.estimated for s in parse_rule("hijri 1 Shawwal").starts(2090, UQ))
    # solar rules are exact
    assert [s.estimated for s in parse_rule("easter -2").starts(2025, UQ)] == [False]


def test_lunar_starts_carry_their_month_length() -> None:
    # Ramadan 1446 had 29 days under Umm al-Qura: 1 March .. 29 March, Eid on 30 March 2025.
    (ramadan,) = parse_rule("hijri 1 Ramadan").starts(2025, UQ)
    assert ramadan.month_length == 29
    # 5785 ran from Rosh Hashanah 3 Oct 2024 to 22 Sep 2025: 355 days, a "complete"
    # year, in which Kislev has 30 days (Rosh Chodesh Tevet on 31 Dec 2024 and 1 Jan 2025, hebcal.com)
    (kislev,) = parse_rule("hebrew 25 Kislev").starts(2024, UQ)
    assert kislev.month_length == 30
    (solar,) = parse_rule("12-25").starts(2025, UQ)
    assert solar.month_length is None


def test_rule_in_a_step_keeps_the_estimate_of_its_anchor() -> None:
    (start,) = parse_rule("hijri 10 Dhu al-Hijjah -1").starts(2025, TABULAR)
    assert start.estimated


# -- syntax errors -------------------------------------------------------------------------

ERROR_CASES = [
    ("13-01", "month 13 is not between 01 and 12"),
    ("00-10", "month 0 is not between 01 and 12"),
    ("02-31", "day 31 does not exist in month 02"),
    ("04-31", "day 31 does not exist in month 04"),
    ("02-30", "day 30 does not exist in month 02"),
    ("julian 02-30", "day 30 does not exist in month 02"),
    ("julian 13-01", "month 13 is not between 01 and 12"),
    ("hebrew 14 Adr", "unknown Hebrew month 'adr'"),
    ("hebrew 30 Iyyar", "day 30 does not exist in Hebrew month"),
    ("hebrew 0 Nisan", "day 0 does not exist in Hebrew month"),
    ("hijri 1 Shawal", "unknown Hijri month"),
    ("hijri 31 Ramadan", "day 31 does not exist in a Hijri month"),
    ("coptic 1 Thot", "unknown Coptic month"),
    ("coptic 31 Thout", "day 31 does not exist in a Coptic month"),
    ("garbage text", "cannot read rule 'garbage text'"),
    ("easter +", "cannot read rule"),
    ("1-1", "cannot read rule '1-1'"),
    ("0th sunday before 12-25", "ordinal"),
    ("funday before 12-25", "funday"),
    ("12-25 if funday +1", "funday"),
    ("wednesday before", "cannot read rule"),
    ("", "non-empty"),
    ("   ", "non-empty"),
]


@pytest.mark.parametrize(("rule", "message"), ERROR_CASES, ids=[repr(c[0]) for c in ERROR_CASES])
def test_syntax_error_names_the_problem(rule: str, message: str) -> None:
    with pytest.raises(RuleSyntaxError) as caught:
        parse_rule(rule)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value), "one line per error, for file:line reports"


@pytest.mark.parametrize("value", [None, 1225, ["12-25"]])
def test_a_rule_must_be_a_string(value: object) -> None:
    with pytest.raises(RuleSyntaxError, match="non-empty string"):
        parse_rule(value)  # type: ignore[arg-type]


def test_syntax_error_is_a_value_error() -> None:
    # the web API maps ValueError to HTTP 400; a RuleSyntaxError must never escape as a 500
    assert issubclass(RuleSyntaxError, ValueError)
