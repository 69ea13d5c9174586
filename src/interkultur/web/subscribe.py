"""Taking the calendar home: ``/subscribe`` and ``/subscribe/qr.svg``.

A resident chooses traditions and options and gets, for exactly that choice,
the feed as ``webcal://`` and ``https://``, the Google Calendar and Outlook
(personal and Microsoft 365) links, and a QR code. The QR code encodes this
page's own address for the same choice, not the bare feed: a phone that scans
a poster lands on the buttons that fit it (an iPhone opening a bare ``.ics``
would import a one-off copy instead of subscribing).

Absolute URLs come from ``urls.service_url`` (the configured base URL or an
allowed host, never an arbitrary ``Host`` header).
"""

from __future__ import annotations

import io
from urllib.parse import quote, urlencode

from flask import Blueprint, Response, current_app

from ..records import record
from . import params, state
from .feeds import feed_name
from .pages import _page
from .templating import webcal
from .urls import service_url as absolute

bp = Blueprint("subscribe", __name__)
GOOGLE = "https://calendar.google.com/calendar/render?cid={cid}"
OUTLOOK_PERSONAL = "https://outlook.live.com/calendar/0/addfromweb?{query}"
OUTLOOK_WORK = "https://outlook.office.com/calendar/0/addfromweb?{query}"


@record
class Subscription:
    """Every way to take one feed home, with absolute URLs."""

    name: str
    https: str
    webcal: str
    google: str
    outlook_personal: str
    outlook_work: str
    page: str
    qr: str


def feed_args(query: params.Query) -> tuple[str | None, dict[str, str]]:
    """The feed's path tradition (one chosen: ``/feeds/<id>.ics``) and its query; the language is
    always named, since calendar apps send no ``Accept-Language``."""
    args = query.link_args(lang=query.lang)
    if query.traditions is not None and len(query.traditions) == 1:
        (only,) = query.traditions
        args.pop("tradition", None)
        return only, args
    return None, args


def subscription(query: params.Query) -> Subscription:
    tradition, args = feed_args(query)
    if tradition is None:
        https = absolute("feeds.all_traditions", **args)
    else:
        https = absolute("feeds.tradition", tradition=tradition, **args)
    name = feed_name(query, tradition)
    feed_webcal = webcal(https)
    outlook = urlencode({"url": https, "name": name}, quote_via=quote)
    page_args = query.link_args(lang=query.lang)
    return Subscription(
        name=name,
        https=https,
        webcal=feed_webcal,
        google=GOOGLE.format(cid=quote(feed_webcal, safe="")),
        outlook_personal=OUTLOOK_PERSONAL.format(query=outlook),
        outlook_work=OUTLOOK_WORK.format(query=outlook),
        page=absolute("subscribe.page", **page_args),
        qr=absolute("subscribe.qr", **page_args),
    )


@bp.get("/subscribe")
def page() -> Response:
    query = params.parse_query(negotiate=True)
    return _page(
        "subscribe.html",
        query=query,
        subscription=subscription(query),
        catalogue=state().catalogue,
        profiles=params.islamic_profiles(),
        jewish_variants=params.JEWISH_VARIANTS,
    )


@bp.get("/subscribe/qr.svg")
def qr() -> Response:
    """The subscribe page for this choice as a QR code (segno, error correction M), black on white."""
    import segno  # only this route needs it

    query = params.parse_query(negotiate=True)
    target = subscription(query).page
    out = io.BytesIO()
    segno.make(target, error="m").save(
        out, kind="svg", scale=8, border=4, xmldecl=False, omitsize=True, title=target, dark="#000", light="#fff"
    )
    response = Response(out.getvalue(), mimetype="image/svg+xml")
    response.headers["Cache-Control"] = f"public, max-age={current_app.config['MAX_AGE']}"
    return response
