"""Julian Day numbers <-> ``datetime.date``: the one spine every calendar meets on.

convertdate converts each calendar to and from a Julian Day (``to_jd`` /
``from_jd``); its ``to_gregorian`` then turns that Julian Day into a Gregorian
date in pure Python, which was a fifth of a 200-year evaluation. The standard
library already counts days: ``date.toordinal()`` is the Julian Day minus a
constant, so the last step is one subtraction and ``date.fromordinal``.
"""

from __future__ import annotations

from datetime import date
from math import floor

#: Julian Day at noon minus ``date.toordinal()``: JD 2451544.5 began 2000-01-01 (ordinal 730120).
JD_ORDINAL_OFFSET = 1721424.5


def date_from_jd(jd: float) -> date:
    """The Gregorian date of the day that holds Julian Day ``jd`` (days begin at JD x.5)."""
    return date.fromordinal(floor(jd - JD_ORDINAL_OFFSET))


def jd_from_date(d: date) -> float:
    """The Julian Day at which (civil) date ``d`` begins, as convertdate counts: x.5."""
    return d.toordinal() + JD_ORDINAL_OFFSET
