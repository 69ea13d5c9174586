"""``interkultur month``: CLDR weekday abbreviations, aligned columns, translated words (issue "First contact")."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from babel.dates import get_day_names
from babel.messages.pofile import read_po

from interkultur import translations
from interkultur.languages import FSI, PDI
from interkultur.monthgrid import render_month


def grid(engine, lang, year=2026, month=4):
    return render_month(engine, year, month, lang=lang).split("\n")


def visible(line: str) -> str:
    """Without the isolate marks (zero width). Arabic letters of these names have no combining marks,
    so every other character takes one terminal column."""
    return line.replace(FSI, "").replace(PDI, "")


def msgstr(lang: str, message: str) -> str:
    with translations.po_path(lang).open("rb") as fp:
        found = read_po(fp, locale=lang).get(message)
    return found.string if found and found.string else message


@pytest.mark.parametrize("lang", ["de", "en", "tr", "ar"])
def test_seven_distinct_cldr_weekday_headers(engine, lang):
    header = visible(grid(engine, lang)[1]).split()
    # CLDR stand-alone abbreviations, Monday first (babel: 0 is Monday)
    cldr = get_day_names("abbreviated", context="stand-alone", locale=lang)
    assert header == [cldr[i] for i in range(7)]
    assert len(set(header)) == 7


@pytest.mark.parametrize("lang", ["de", "en", "tr", "ar"])
@pytest.mark.parametrize("year,month", [(2026, 4), (2025, 2), (2024, 9)])
def test_day_numbers_stand_under_their_weekday(engine, lang, year, month):
    lines = [visible(line) for line in grid(engine, lang, year, month)]
    header = lines[1]
    # right edge of each weekday header, in columns
    edges, pos = [], 0
    for name in header.split():
        pos = header.index(name, pos) + len(name)
        edges.append(pos)
    rows = lines[2 : 2 + len(calendar.monthcalendar(year, month))]
    for day in range(1, calendar.monthrange(year, month)[1] + 1):
        weekday = date(year, month, day).weekday()  # 0 Monday, from datetime, not from the grid
        week = next(i for i, w in enumerate(calendar.monthcalendar(year, month)) if day in w)
        row = rows[week]
        start = edges[weekday] - len(str(day)) - 1  # number, then the mark column, ends under the header
        assert row[start : start + len(str(day))] == str(day), (lang, day, row)


@pytest.mark.parametrize("lang", ["de", "tr", "ar"])
def test_the_grid_words_are_translated(engine, lang):
    text = render_month(engine, 2026, 4, lang=lang)
    heading = msgstr(lang, "Holidays")
    assert heading != "Holidays" and heading in text
    assert msgstr(lang, "%(mark)s holiday").replace("%(mark)s", "*") in text
    assert "Holidays" not in text and "holiday)" not in text
    # a month and a tradition with nothing in it (the catalogue has no Yazidi feast in June 2026)
    empty = render_month(engine, 2026, 6, lang=lang, traditions=["yazidi"])
    assert empty.rstrip().endswith(msgstr(lang, "No holidays this month."))
    assert "No holidays" not in empty


def test_arabic_headers_are_not_cut(engine):
    """A cut to three characters made Tuesday and Wednesday (الثلاثاء, الأربعاء) look alike."""
    header = visible(grid(engine, "ar")[1]).split()
    assert "الأربعاء" in header and "الثلاثاء" in header
