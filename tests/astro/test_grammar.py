"""The astronomical rule words parse, reject mistakes with a helpful message, and compose."""

from __future__ import annotations

from datetime import date

import pytest

from interkultur.calendars.hijri import PROFILES
from interkultur.rules import Context, RuleSyntaxError, parse_rule

CTX = Context(PROFILES["umm-al-qura"])


def dates(rule: str, year: int) -> list[date]:
    return [s.date for s in parse_rule(rule).starts(year, CTX)]


@pytest.mark.parametrize(
    "rule, year, expected",
    [
        ("persian 1 farvardin", 2025, [date(2025, 3, 21)]),
        ("persian 13 farvardin", 2025, [date(2025, 4, 2)]),  # Sizdah Bedar
        ("bahai 1 baha", 2025, [date(2025, 3, 20)]),
        ("bahai 1 ala", 2025, [date(2025, 3, 1)]),  # the Fast of 181 B.E.
        ("bahai birth of the bab", 2025, [date(2025, 10, 22)]),
        ("chinese 01-01", 2026, [date(2026, 2, 17)]),
        ("solar term 15", 2025, [date(2025, 4, 4)]),
        ("solar term dongzhi", 2025, [date(2025, 12, 21)]),
        ("hindu ashvin amavasya at pradosh", 2023, [date(2023, 11, 12)]),
        # Vijayadashami 2022: GoI holiday 5 Oct (Shravana); without the preference, 4 Oct.
        ("hindu ashvin shukla 10 at aparahna with shravana", 2022, [date(2022, 10, 5)]),
        ("hindu ashvin shukla 10 at aparahna", 2022, [date(2022, 10, 4)]),
        ("full moon on or after 05-01", 2025, [date(2025, 5, 12)]),
        ("new moon on or after 01-21", 2025, [date(2025, 1, 29)]),
    ],
)
def test_anchor_words(rule, year, expected):
    assert dates(rule, year) == expected


def test_rules_are_case_insensitive_and_compose_with_offsets():
    assert dates("Hindu Phalguna Purnima at Holika Dahan +1", 2025) == [date(2025, 3, 14)]
    assert dates("sunday after chinese 01-01", 2025) == [date(2025, 2, 2)]


@pytest.mark.parametrize(
    "rule, message",
    [
        ("persian 1 farvadin", "unknown Persian month"),
        ("persian 31 mehr", "does not exist"),
        ("bahai 20 baha", "does not exist"),
        ("bahai 1 ridvan", "unknown Badí' month"),
        ("chinese 13-01", "months run 01-12"),
        ("solar term 7", "multiple of 15"),
        ("solar term springfest", "unknown solar term"),
        ("hindu karthikai purnima at sunrise", "unknown Hindu"),
        ("hindu ashvin shukla 10 at aparahna with sravanam", "unknown nakshatra"),
        ("full moon on or after 02-30", "does not exist"),
    ],
)
def test_mistakes_are_reported(rule, message):
    with pytest.raises(RuleSyntaxError, match=message):
        parse_rule(rule)
