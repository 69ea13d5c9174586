"""query.py: the one place that decides which years and dates a query may name (1900-2100, the engine's span)."""

from __future__ import annotations

from datetime import date

import pytest

from interkultur import query


@pytest.mark.parametrize("year", [1899, 2101, -5, 100000])
def test_years_outside_the_span_are_refused_with_one_message(year):
    with pytest.raises(query.QueryError) as caught:
        query.check_year(year, "from")
    assert caught.value.detail == f"year {year} is outside the supported range 1900-2100"
    assert caught.value.english() == "The parameter “from” must be a year from 1900 to 2100."


@pytest.mark.parametrize("year", [1900, 2026, 2100])
def test_years_of_the_span_pass(year):
    assert query.check_year(year) == year


def test_a_date_that_does_not_exist_names_the_month_length():
    with pytest.raises(query.QueryError) as caught:
        query.parse_date("2026-02-30", "date", iso_only=True)
    assert caught.value.english() == (
        "The parameter “date” must be a date in the form YYYY-MM-DD that exists: 2026-02 has only 28 days."
    )


def test_unbounded_input_is_not_repeated():
    with pytest.raises(query.QueryError) as caught:
        query.parse_date("x" * 10_000, "date")
    assert len(str(caught.value)) < 100 and "x" * 30 not in caught.value.english()


def test_range_order_and_clamping():
    assert query.check_range(date(2026, 1, 1), date(2026, 12, 31)) == (date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(query.QueryError):
        query.check_range(date(2026, 2, 1), date(2026, 1, 1))
    assert query.clamp_years(1898, 1902) == range(1900, 1903)
    assert query.clamp_years(2099, 2103) == range(2099, 2101)
