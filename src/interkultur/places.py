"""Places for "when the evening begins": ``data/places.yaml`` and ``place=`` in any accepted form.

A place is a named city of the table (``place=duisburg``) or coordinates
(``place=51.43,6.76`` with an optional ``tz=Europe/Berlin``; without it the
time zone is looked up from the coordinates with timezonefinder). Coordinates
are rounded to three decimals (about 100 m, far under a second of sunset)
before anything else sees them, so caches and ETags key on the rounded form
and a request cannot mint endless variants.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .records import field, record
from .yamllines import DataFileError, parse, read

#: Shipped beside holidays.yaml (``interkultur/data`` is a symlink to the top-level ``data/``).
PATH = Path(__file__).resolve().parent / "data" / "places.yaml"
_SLUG = re.compile(r"[a-z][a-z0-9-]{0,39}")
_COORDINATES = re.compile(r"(-?\d{1,3}(?:\.\d{1,10})?),\s*(-?\d{1,3}(?:\.\d{1,10})?)")
_KEYS = frozenset({"id", "name", "lat", "lon", "tz"})
#: Longer input is never a place id nor coordinates: refused before any parsing.
MAX_INPUT = 64


def N_(message: str) -> str:
    """Marks a message for translation (gettext extraction); the web layer translates it."""
    return message


MSG_TZ_WITHOUT_COORDINATES = N_("“tz” needs coordinates in “place” (LAT,LON).")
MSG_PLACE = N_("“place” must be a place id from /api/v1/places or LAT,LON.")
MSG_TZ_WITH_ID = N_("“tz” can only be given with coordinates; a place id has its own time zone.")
MSG_LATITUDE = N_("The latitude in “place” must be from -90 to 90.")
MSG_LONGITUDE = N_("The longitude in “place” must be from -180 to 180.")
MSG_TZ = N_("“tz” must be an IANA time zone name such as Europe/Berlin.")


class PlaceError(ValueError):
    """A place, coordinate or time zone that cannot be used; ``parameter`` names the culprit."""

    def __init__(self, message: str, parameter: str = "place"):
        super().__init__(message)
        self.parameter = parameter


@record
class Place:
    """A place: ``id`` (a table id, or ``"51.434,6.762"`` for coordinates), names, position, zone."""

    id: str
    lat: float
    lon: float
    tz: str
    names: Mapping[str, str] = field(default_factory=dict)

    def name(self, lang: str, fallback: tuple[str, ...] = ("de", "en")) -> str:
        """The name in ``lang``, else along ``fallback``, else any; coordinates name themselves."""
        for code in (lang, *fallback):
            if code in self.names:
                return self.names[code]
        return next(iter(self.names.values()), self.id)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)


@record
class Places:
    """The table: its places in file order and the default id."""

    places: tuple[Place, ...]
    default: str

    def get(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    @property
    def default_place(self) -> Place:
        found = self.get(self.default)
        assert found is not None  # checked on load
        return found


def _zone(name: Any, where: str) -> str:
    if not isinstance(name, str) or not name:
        raise DataFileError([f"{where}: 'tz' must be an IANA time zone name such as Europe/Berlin"])
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a directory such as 'Europe'
        raise DataFileError([f"{where}: unknown time zone {name!r}"]) from None
    return name


def load(path: Path | str = PATH) -> Places:
    """Read and check a places file; a ``DataFileError`` names the file and line of each problem."""
    text, _raw = read(str(path), "places")
    document = parse(text, str(path))
    if not isinstance(document, dict) or not isinstance(document.get("places"), list):
        raise DataFileError([f"{path}: expected a list under 'places'"])
    out: list[Place] = []
    seen: set[str] = set()
    for row in document["places"]:
        where = f"{path}:{getattr(row, 'line', 0)}"
        if not isinstance(row, dict) or not set(row) <= _KEYS or not {"id", "name", "lat", "lon", "tz"} <= set(row):
            raise DataFileError([f"{where}: a place needs id, name, lat, lon and tz (and nothing else)"])
        pid = row["id"]
        if not isinstance(pid, str) or not _SLUG.fullmatch(pid) or pid in seen:
            raise DataFileError([f"{where}: 'id' must be a new lowercase slug (a-z, 0-9, -)"])
        seen.add(pid)
        lat, lon = row["lat"], row["lon"]
        if not isinstance(lat, (int, float)) or not -90 <= lat <= 90:
            raise DataFileError([f"{where}: 'lat' must be a number from -90 to 90"])
        if not isinstance(lon, (int, float)) or not -180 <= lon <= 180:
            raise DataFileError([f"{where}: 'lon' must be a number from -180 to 180"])
        names = row["name"]
        if isinstance(names, str):
            names = {"de": names, "en": names}
        if not isinstance(names, dict) or not names or not all(isinstance(v, str) and v for v in names.values()):
            raise DataFileError([f"{where}: 'name' must be a text or a mapping of language codes to texts"])
        out.append(Place(pid, float(lat), float(lon), _zone(row["tz"], where), dict(names)))
    default = document.get("default", out[0].id if out else None)
    if not out or not any(p.id == default for p in out):
        raise DataFileError([f"{path}: 'default' must be the id of one of its places"])
    return Places(tuple(out), cast(str, default))


@cache
def shipped() -> Places:
    """The shipped table, read once (and kept between runs, ``diskcache``)."""
    return _load_cached(str(PATH))


FILE = "places.yaml"


@cache
def _load_cached(path: str) -> Places:
    from .diskcache import cached_file  # validated data files kept between runs

    return cached_file("places", path, lambda: load(path))


def for_catalogue(catalogue_path: str | Path | None) -> Places:
    """The places beside a catalogue (a deployment's own ``places.yaml``), else the shipped ones; like
    the catalogue's other sibling files. A broken file raises ``DataFileError`` with file and line."""
    if catalogue_path is None:
        return shipped()
    folder = Path(catalogue_path)
    folder = folder if folder.is_dir() else folder.parent
    own = folder / FILE
    if own.is_file() and own.resolve() != PATH.resolve():
        return _load_cached(str(own))
    return shipped()


def zone_at(lat: float, lon: float) -> str | None:
    """The IANA zone at the coordinates (timezonefinder, imported only when coordinates come without tz)."""
    from timezonefinder import TimezoneFinder

    return cast(str | None, _finder(TimezoneFinder).timezone_at(lng=lon, lat=lat))


@cache
def _finder(kind: Any) -> Any:
    return kind()


def canonical(text: str) -> str:
    """``place=`` in the form caches key on: a table id in lower case, coordinates rounded to three
    decimals (``51.43441,6.76232`` -> ``51.434,6.762``); anything else unchanged (it gets a 400)."""
    text = text.strip()
    match = _COORDINATES.fullmatch(text) if len(text) <= MAX_INPUT else None
    if match is None:
        return text.lower()
    return f"{round(float(match[1]), 3):.3f},{round(float(match[2]), 3):.3f}"


def resolve(text: str | None, tz: str | None, table: Places, default: str | None = None) -> Place:
    """``place=`` (and ``tz=``) as a request gives them -> a Place; ``PlaceError`` names the problem.

    None gives the default place (``default`` or the table's). A table id takes no ``tz=``: its zone
    is part of the place.
    """
    found: Place | None
    if text is None or not text.strip():
        if tz:
            raise PlaceError(MSG_TZ_WITHOUT_COORDINATES, "tz")
        found = table.get(default or table.default) or table.default_place
        return found
    text = text.strip()
    if len(text) > MAX_INPUT:
        raise PlaceError(MSG_PLACE)
    found = table.get(text.lower())
    if found is not None:
        if tz:
            raise PlaceError(MSG_TZ_WITH_ID, "tz")
        return found
    match = _COORDINATES.fullmatch(text)
    if match is None:
        raise PlaceError(MSG_PLACE)
    lat, lon = round(float(match[1]), 3), round(float(match[2]), 3)
    if not -90 <= lat <= 90:
        raise PlaceError(MSG_LATITUDE)
    if not -180 <= lon <= 180:
        raise PlaceError(MSG_LONGITUDE)
    if tz:
        if len(tz) > MAX_INPUT:
            raise PlaceError(MSG_TZ, "tz")
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a directory such as 'Europe'
            raise PlaceError(MSG_TZ, "tz") from None
        zone = tz
    else:
        zone = zone_at(lat, lon) or "Etc/UTC"
    label = f"{lat:.3f},{lon:.3f}"
    return Place(label, lat, lon, zone, {})
