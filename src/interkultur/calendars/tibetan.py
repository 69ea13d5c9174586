"""The Tibetan Phugpa calendar: the first day of the year (Losar).

The Phugpa calendar is the one the Dalai Lama's Men-Tsee-Khang institute in
Dharamsala publishes and most Tibetan communities abroad keep. It is purely
arithmetical: mean motions of moon and sun as exact fractions, corrected by two
small tables (the "moon equation" and the "sun equation"), with no observation
at all. Svante Janson, *Tibetan calendar mathematics* (Uppsala University, 2007,
revised 2014; arXiv:1401.6285) gives the complete arithmetic; the constants
below are those of his epoch E806 for the Phugpa version (§5 and Appendix C).
No Python library implements this calendar, so it is written here, in exact
``Fraction`` arithmetic, as a small transcription of Janson's formulas.

Terms: a *tithi* is a lunar day (1/30 of a lunation); a month's days are
numbered by the tithi that ends during the day, so a date can be skipped or
doubled. Months are numbered by the sun's sign; when two lunations fall in one
sign the month number is doubled and in Phugpa the first of the two is the
leap month. The year begins with the first month numbered 1, leap or not:
Losar is the day after the day on which the last tithi of month 12 ends.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from functools import lru_cache

# Janson, Appendix C, epoch E806 (Phugpa): mean date (m), mean sun (s) and
# moon anomaly (a) at the epoch and per month / per tithi.
M0 = 2015501 + Fraction(4783, 5656)
M1 = Fraction(167025, 5656)
M2 = M1 / 30
S0 = Fraction(743, 804)
S1 = Fraction(65, 804)
S2 = S1 / 30
A0 = Fraction(475, 3528)
A1 = Fraction(253, 3528)
A2 = Fraction(1, 28)
#: The sun's position at the start of the year count (Janson's p0 for E806).
P0 = Fraction(139, 180)
EPOCH_YEAR = 806

#: The moon equation for 0..7 twenty-eighths of the anomaly and the sun
#: equation for 0..3 twelfths, in sixtieths of a day (Janson §5.2, §5.3).
MOON_TABLE = (0, 5, 10, 15, 19, 22, 24, 25)
SUN_TABLE = (0, 6, 10, 11)

#: Julian day number of 1 January of year 1 (proleptic Gregorian) minus one.
_JDN_OF_ORDINAL_ZERO = 1721425

ALPHA = 12 * (S0 - P0)
BETA = -((-67 * ALPHA.numerator) // ALPHA.denominator)  # ceil(67 * alpha)


def _table(value: Fraction, table: tuple[int, ...]) -> Fraction:
    """The table extended to a full period by symmetry (up a quarter, down, then the
    negative half) and interpolated linearly between whole steps, as Janson defines it."""
    quarter = len(table) - 1
    period = 4 * quarter
    position = value % period

    def at(step: int) -> int:
        step %= period
        if step <= quarter:
            return table[step]
        if step <= 2 * quarter:
            return table[2 * quarter - step]
        if step <= 3 * quarter:
            return -table[step - 2 * quarter]
        return -table[period - step]

    whole = int(position)
    return at(whole) + (position - whole) * (at(whole + 1) - at(whole))


def true_date(month_count: int, tithi: int) -> Fraction:
    """The moment (in Julian days, Tibetan local reckoning) at which ``tithi`` of the
    true month ``month_count`` ends: the mean date plus the moon equation minus the
    sun equation (Janson §5: true_date = mean_date + moon_equ/60 - sun_equ/60)."""
    mean_date = month_count * M1 + tithi * M2 + M0
    mean_sun = month_count * S1 + tithi * S2 + S0
    anomaly = month_count * A1 + tithi * A2 + A0
    moon_equation = _table(28 * anomaly, MOON_TABLE)
    sun_equation = _table(12 * (mean_sun - Fraction(1, 4)), SUN_TABLE)
    return mean_date + (moon_equation - sun_equation) / 60


def _month_index(year: int, month: int) -> int:
    """Janson's M' = 12 (Y - Y0) + M: months since the epoch, by number."""
    return 12 * (year - EPOCH_YEAR) + month


def is_doubled(year: int, month: int) -> bool:
    """True when month ``month`` of the year beginning in Gregorian ``year`` occurs twice
    (the leap month comes first): 2 M' - beta is 0 or 1 modulo 65 (Janson eq. C.27)."""
    return (2 * _month_index(year, month) - BETA) % 65 in (0, 1)


def month_count(year: int, month: int, leap: bool = False) -> int:
    """The true month count n of a month (Janson eq. C.25: n = floor(67 (M' - alpha) / 65));
    a doubled month's leap (first) occurrence is the lunation before."""
    count = int((67 * (_month_index(year, month) - ALPHA)) // 65)
    return count - 1 if leap and is_doubled(year, month) else count


def _from_jdn(jdn: int) -> date:
    return date.fromordinal(jdn - _JDN_OF_ORDINAL_ZERO)


def month_start(year: int, month: int, leap: bool = False) -> date:
    """The first day of a month: the day after the one on which the previous month's
    last tithi (30) ends."""
    previous = month_count(year, month, leap) - 1
    return _from_jdn(int(true_date(previous, 30) // 1) + 1)


@lru_cache(maxsize=512)
def losar(year: int) -> date:
    """Losar, the first day of the Tibetan year that begins in Gregorian ``year``: the
    first day of month 1, of the leap month 1 when month 1 is doubled (as in 2019)."""
    return month_start(year, 1, leap=True)
