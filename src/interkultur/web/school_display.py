"""How the school area shows Länder and leave rules: the helpers the templates call.

``school_states`` (the widget's Land switch), ``school_coverage``,
``school_rule`` (a leave rule ready for display), ``has_detail_page``,
``land_name`` and ``school_sources``; ``web.schools`` hands them to every
template. Apart from the routes (``web/schools.py``) so that other views
(the feeds name the Land with ``land_name``) need not import the blueprint
and its request code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import laender, layers
from ..catalog import LAENDER, localised
from ..engine import Occurrence
from ..records import record
from . import params
from . import state as app_state
from .i18n import N_, gettext

if TYPE_CHECKING:
    from ..catalog import Source

LEAVE_NAMES: dict[str, str] = {
    "statutory": N_("No school (public holiday or school holidays)"),
    "without-application": N_("Pupils may stay away without an application"),
    "on-application": N_("Leave on application"),
    "discretion": N_("At the school's discretion"),
    "none": N_("No leave"),
}
NO_RULE = N_("No rule recorded for this Land")


def land_name(code: str) -> str:
    """The Land's name in the request's language: its English name (data/laender.yaml) through gettext."""
    land = laender.BY_CODE.get(code)
    return gettext(land.en) if land else code


def school_states() -> list[tuple[str, str]]:
    """(code, localised name) of every Land, sorted by name in the request's language."""
    return sorted(((code, land_name(code)) for code in LAENDER), key=lambda item: item[1])


def school_coverage(
    query: params.Query | None, first_year: int, last_year: int | None = None
) -> dict[str, dict[str, Any]]:
    """``layers.coverage_report`` for the query's state and filter."""
    if query is None:
        return {}
    return layers.coverage_report(query.state, first_year, last_year or first_year, query.traditions)


def has_detail_page(occ: Occurrence) -> bool:
    """Public holidays and school breaks are generated, not catalogue entries: no /holiday page."""
    return occ.tradition not in layers.LAYERS


def note_text(rule: Mapping[str, Any] | None, lang: str) -> str | None:
    """A rule's note: a text (German, as the sources are) or ``{de: …, en: …}``."""
    note = rule.get("note") if rule else None
    if isinstance(note, Mapping):
        return localised(note, lang)
    return note or None


def school_sources(land: str | None) -> tuple[Source, ...]:
    """The published rules (catalog.Source) behind a Land's leave entries; empty without a Land."""
    if not land:
        return ()
    return app_state().catalogue.school_sources.get(land, ())


@record
class Rule:
    """A leave rule ready for display."""

    kind: str | None
    label: str
    days: tuple[int, ...] | None
    note: str | None


def school_rule(occ: Occurrence, state: str | None, lang: str) -> Rule | None:
    """The leave rule of ``occ`` in ``state`` for display; None without a state."""
    if not state:
        return None
    rule = occ.school(state).get(state)
    if not rule:
        return Rule(None, gettext(NO_RULE), None, None)
    days = rule.get("days")
    return Rule(
        rule["leave"],
        gettext(LEAVE_NAMES.get(rule["leave"], rule["leave"])),
        tuple(days) if days else None,
        note_text(rule, lang),
    )
