"""``params.today_in``: the day in the configured zone, remembered until its last instant.

Checked against ``zoneinfo`` itself (the independent reference) at instants around
midnights and the two DST changes of 2026 in Berlin and in New York, walking forwards
and backwards in time, so a remembered day is never served outside its own span.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from interkultur.web import params


def _instants(zone: str) -> list[float]:
    tz = ZoneInfo(zone)
    found = []
    for y, m, d in ((2026, 3, 28), (2026, 3, 29), (2026, 10, 24), (2026, 10, 25), (2026, 12, 31), (2027, 1, 1)):
        midnight = datetime(y, m, d, tzinfo=tz).timestamp()
        found += [midnight + offset for offset in (-3601, -1, 0, 1, 3599, 3600, 7200, 43200)]
    return sorted(found)


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"])
def test_today_in_matches_zoneinfo_forwards_and_backwards(zone: str) -> None:
    params._DAYS.clear()
    instants = _instants(zone)
    for t in instants + instants[::-1] + instants[::3]:
        assert params.today_in(zone, t) == datetime.fromtimestamp(t, ZoneInfo(zone)).date(), t


def test_today_in_keeps_zones_apart() -> None:
    params._DAYS.clear()
    t = datetime(2026, 12, 3, 23, 30, tzinfo=ZoneInfo("UTC")).timestamp()
    assert str(params.today_in("UTC", t)) == "2026-12-03"
    assert str(params.today_in("Europe/Berlin", t)) == "2026-12-04"  # 00:30 in Berlin
    assert str(params.today_in("America/New_York", t)) == "2026-12-03"
