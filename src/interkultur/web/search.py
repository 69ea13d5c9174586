"""Finding a holiday: ``/search?q=`` (a page) and ``/api/v1/search?q=&lang=`` (JSON).

The matching is ``interkultur.search`` (every name in every language, case and
diacritics ignored); each result carries its next occurrence from the engine.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, request

from .. import search as finder
from . import params, state
from .api import _json
from .i18n import N_
from .pages import _page

bp = Blueprint("search", __name__)
MSG_EMPTY = N_("Give a search text in “q”.")
MSG_LONG = N_("The search text may have at most %(max)s characters.")


def _text() -> str:
    raw = request.args.get("q")
    text = (raw or "").strip()
    if not text:
        raise params.WebError(400, MSG_EMPTY, "q")
    if len(text) > finder.MAX_QUERY:
        raise params.WebError(400, MSG_LONG, "q", max=finder.MAX_QUERY)
    return text


def results(query: params.Query, text: str) -> list[dict[str, Any]]:
    """The hits with their next occurrence (None beyond the supported years)."""
    engine = state().engine
    today = params.today()
    out = []
    for hit in finder.search(state().catalogue, text):
        upcoming = engine.upcoming(hit.holiday.id, today, count=1, islamic=query.islamic, jewish=query.jewish)
        nxt = {"start": upcoming[0].start.isoformat(), "end": upcoming[0].end.isoformat()} if upcoming else None
        out.append(
            {
                "id": hit.holiday.id,
                "name": hit.holiday.name(query.lang),
                "tradition": hit.holiday.tradition,
                "next": nxt,
                "holiday": hit.holiday,
                "occurrence": upcoming[0] if upcoming else None,
            }
        )
    return out


@bp.get("/api/v1/search")
def api() -> Response:
    query = params.parse_query()
    found = results(query, _text())
    return _json({"results": [{k: v for k, v in r.items() if k not in ("holiday", "occurrence")} for r in found]})


@bp.get("/search")
def page() -> Response:
    query = params.parse_query(negotiate=True)
    raw = request.args.get("q")
    if raw is None:  # the empty form
        return _page("search.html", query=query, text="", found=None)
    text = _text()
    return _page("search.html", query=query, text=text, found=results(query, text))
