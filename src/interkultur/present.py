"""The occurrence as data: one list of fields for every JSON output and the OpenAPI document.

CLI ``--format json`` (through the fast writer ``jsonout``), ``check-dates
--json``, the API (``/api/v1/holidays``, ``/api/v1/schulen``) and the exported
JSON all give an occurrence as ``occurrence_dict``: the same names, types and
order. A field is added here, once: its name, JSON-schema type, description
and how it is read from an occurrence; ``web/openapi.py`` builds the schema
from ``OCCURRENCE_FIELDS``. Only ``url`` depends on the view (a detail page
the HTTP service knows; ``None`` in the CLI), so it is passed in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from . import evening, places
from .places import Place
from .records import field, record

if TYPE_CHECKING:  # occurrence.py imports this module (Occurrence.as_dict)
    from .occurrence import Occurrence


@record
class Field:
    """One key of the occurrence object.

    ``per_holiday``: the same in every occurrence of a holiday (of one
    statutory status), so ``jsonout`` may encode it once per holiday.
    """

    name: str
    schema: dict[str, Any]
    description: str = ""
    get: Callable[[Occurrence, str, str | None, Place], Any] | None = None
    required: bool = True
    per_holiday: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def native_json(holiday: Any, lang: str) -> dict[str, str] | None:
    """``{"lang": "he", "text": "ראש השנה"}``: the name in the community's own script (``native:`` in
    holidays.yaml), beside the reader's language; None when there is none other than ``lang``."""
    found = holiday.native_name(lang)
    return {"lang": found[0], "text": found[1]} if found else None


#: The schema of ``native_json``.
NATIVE_SCHEMA: dict[str, Any] = {
    "type": ["object", "null"],
    "required": ["lang", "text"],
    "properties": {
        "lang": {"type": "string", "description": "BCP 47 code (languages.yaml)"},
        "text": {"type": "string"},
    },
}


#: The occurrence object, in its key order. ``school`` is left out where leave rules are not asked
#: for (the CLI without ``--state``); ``url`` is given by the view.
OCCURRENCE_FIELDS: tuple[Field, ...] = (
    Field("id", {"type": "string"}, get=lambda o, lang, state, place: o.id),
    Field("tradition", {"type": "string"}, get=lambda o, lang, state, place: o.tradition),
    Field("community", {"type": ["string", "null"]}, get=lambda o, lang, state, place: o.community),
    Field("name", {"type": "string"}, get=lambda o, lang, state, place: o.holiday.name(lang)),
    Field("description", {"type": "string"}, get=lambda o, lang, state, place: o.holiday.description(lang)),
    Field(
        "native",
        NATIVE_SCHEMA,
        "The name in the community's own script (ראש השנה), when the catalogue "
        "has one in a language other than lang; null otherwise.",
        lambda o, lang, state, place: native_json(o.holiday, lang),
    ),
    Field(
        "start",
        {"type": "string", "format": "date"},
        "First daytime date.",
        lambda o, lang, state, place: o.start.isoformat(),
        per_holiday=False,
    ),
    Field(
        "end",
        {"type": "string", "format": "date"},
        "Last daytime date (inclusive).",
        lambda o, lang, state, place: o.end.isoformat(),
        per_holiday=False,
    ),
    Field(
        "eve",
        {"type": ["string", "null"], "format": "date"},
        "The evening the feast begins, where days start at sunset.",
        lambda o, lang, state, place: _iso(o.eve),
        per_holiday=False,
    ),
    Field(
        "eve_at",
        {"type": ["string", "null"], "format": "date-time"},
        "Sunset on the date eve at the place (place=, default duisburg): local ISO 8601 date-time with "
        "UTC offset, upper limb with standard refraction as NOAA computes it. Null when eve is null or "
        "the sun does not set there that day (see eve_at_note).",
        lambda o, lang, state, place: evening.eve_at_iso(o.eve, place),
        per_holiday=False,
    ),
    Field(
        "eve_at_note",
        {"type": ["string", "null"]},
        "Why eve_at is null although eve is not (polar day or night at the place); null otherwise.",
        lambda o, lang, state, place: evening.eve_at_note(o.eve, place),
        per_holiday=False,
    ),
    Field("night", {"type": "boolean"}, get=lambda o, lang, state, place: o.holiday.night, required=False),
    Field(
        "estimated",
        {"type": "boolean"},
        "Calculated, may differ by a day.",
        lambda o, lang, state, place: o.estimated,
        per_holiday=False,
    ),
    Field("category", {"type": "string"}, get=lambda o, lang, state, place: o.category),
    Field(
        "statutory",
        {"type": "array", "uniqueItems": True, "items": {"type": "string"}},
        "Länder in which this occurrence is a statutory public holiday: the requested state (or all 16 "
        "for a nationwide holiday when tradition=public is asked without one); empty otherwise. A "
        "statutory day that is also a catalogue holiday (Good Friday) is that holiday's occurrence, "
        "listed once, under its own id and tradition; it also matches tradition=public.",
        lambda o, lang, state, place: list(o.statutory),
    ),
    Field(
        "school",
        {"$ref": "#/components/schemas/School"},
        get=lambda o, lang, state, place: o.school(state),
        required=False,
    ),
    Field(
        "url",
        {"type": ["string", "null"], "format": "uri"},
        "Detail page; null for public holidays and school breaks (generated layers), and in the CLI.",
    ),
)
#: The fields the occurrence gives by itself (all but ``url``).
COMPUTED = tuple(f for f in OCCURRENCE_FIELDS if f.get is not None)


#: The fields a sunset computation fills: left out where no place is asked for (the CLI without
#: ``--place``, which would otherwise compute ten thousand sunsets for a 200-year listing).
EVENING_FIELDS = frozenset({"eve_at", "eve_at_note"})


def occurrence_dict(
    occ: Occurrence,
    lang: str,
    state: str | None = None,
    *,
    school: bool = True,
    url: str | None = None,
    place: Place | None = None,
    evening: bool = True,
) -> dict[str, Any]:
    """The occurrence object (``school=False`` leaves out the leave rules); ``eve_at`` at ``place``
    (the shipped default place when None; ``evening=False`` leaves ``eve_at`` and ``eve_at_note`` out)."""
    where = place or places.shipped().default_place
    out = {
        f.name: f.get(occ, lang, state, where)  # type: ignore[misc]
        for f in COMPUTED
        if (school or f.name != "school") and (evening or f.name not in EVENING_FIELDS)
    }
    out["url"] = url
    return out


def occurrence_schema(traditions: tuple[str, ...], laender: tuple[str, ...]) -> dict[str, Any]:
    """The JSON schema of ``occurrence_dict`` (for ``web/openapi.py``), with the allowed values filled in."""
    properties: dict[str, Any] = {}
    for f in OCCURRENCE_FIELDS:
        schema = dict(f.schema)
        if f.name == "tradition":
            schema["enum"] = list(traditions)
        elif f.name == "statutory":
            schema["items"] = {"type": "string", "enum": list(laender)}
        if f.description:
            schema["description"] = f.description
        properties[f.name] = schema
    return {"type": "object", "required": [f.name for f in OCCURRENCE_FIELDS if f.required], "properties": properties}
