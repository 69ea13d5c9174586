"""Sun and Moon: the astronomical instants the lunisolar calendars are built on.

Positions come from ephem (apparent geocentric ecliptic longitude, equinox of
date); nothing here is a hand-made approximation of the orbits. An *instant* is
an ephem date: a float counting days from 1899-12-31 12:00 UT, which makes
"the local date of an instant" one addition and a floor.

Root finding (new moons, solar terms ...) costs a few hundred microseconds per
event in ephem, too slow for a whole catalogue per request. The events of
1880-2120 are therefore precomputed by ``scripts/generate_astronomy.py`` into
``generated/astronomy.csv`` with the very functions below (``compute_events``);
outside that span the functions compute on the fly, so the table is a cache,
never a second source of truth.

This package is split by job: ``core`` (instants, positions, root finding),
``events`` (new moons, full moons, solar terms and sankrantis, tabulated) and
``sun`` (sunrise and sunset, tabulated for New Delhi). Callers use the
package; every public name is re-exported here.
"""

from .core import *  # noqa: F401,F403
from .core import _EPOCH, _EPOCH_ORDINAL, _JD_OFFSET, _body  # noqa: F401
from .events import *  # noqa: F401,F403
from .events import _table_lines, _tithi_lines, _tithi_year, _tithis_of, _year_table  # noqa: F401
from .sun import *  # noqa: F401,F403
from .sun import _SUN_FIELD, _observer, _sun_event, _sun_seconds, _sun_table, _sun_year  # noqa: F401
