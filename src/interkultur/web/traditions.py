"""``/static/traditions.css``: the tradition colours of ``traditions.yaml`` as CSS custom properties.

The content security policy allows only same-origin stylesheets (``style-src
'self'``, no inline styles), so the colours reach the widget as a stylesheet
generated from the data: ``.ik-trad-<id> { --ik-trad-colour: #rrggbb; }``.
``widget.css`` uses the property; pages link the sheet with the digest of the
sibling files in its address, so it is cached for long and an edit of
``traditions.yaml`` is seen at once.
"""

from __future__ import annotations

from flask import Blueprint, Response, request

from ..reference import Reference
from . import state

bp = Blueprint("traditions", __name__)
#: A year: the address changes with the data (``?v=<digest>``).
MAX_AGE = 365 * 86400


def stylesheet_text(reference: Reference) -> str:
    """The CSS for ``reference``'s traditions; ids are slugs and colours #rrggbb, checked on load."""
    lines = ["/* Generated from traditions.yaml: one custom property per tradition. */"]
    lines += [f".ik-trad-{t.id} {{ --ik-trad-colour: {t.colour}; }}" for t in reference.traditions]
    return "\n".join(lines) + "\n"


@bp.get("/static/traditions.css")
def stylesheet() -> Response:
    reference = state().catalogue.reference
    etag = f'"{reference.digest}"'
    if request.if_none_match.contains(reference.digest):
        response = Response(status=304)
    else:
        response = Response(stylesheet_text(reference), mimetype="text/css")
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response
