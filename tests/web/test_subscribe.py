"""/subscribe and /subscribe/qr.svg: every way to take exactly the chosen feed home."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest
from icalendar import Calendar

from .conftest import BASE_URL
from .htmlutil import parse

HOST = urlsplit(BASE_URL).netloc


def links(doc) -> dict[str, str]:
    out = {a.attrs["data-ik-link"]: a.attrs["href"] for a in doc.find_all("a") if "data-ik-link" in a.attrs}
    out["https"] = doc.find("code", data_ik_link="https").text
    out["qr"] = doc.find("img", data_ik_link="qr").attrs["src"]
    return out


def test_links_for_two_traditions_in_turkish(client):
    response = client.get("/subscribe?lang=tr&tradition=islam&tradition=alevi")
    assert response.status_code == 200
    found = links(parse(response.data))
    https = f"https://{HOST}/feeds/all.ics?lang=tr&tradition=islam,alevi"
    assert found["https"] == https
    assert found["webcal"] == f"webcal://{HOST}/feeds/all.ics?lang=tr&tradition=islam,alevi"
    # the contract's formats: Google takes the webcal URL as cid, Outlook the https URL and a name
    assert found["google"] == "https://calendar.google.com/calendar/render?cid=" + quote(found["webcal"], safe="")
    for key, host in (("outlook-personal", "outlook.live.com"), ("outlook-work", "outlook.office.com")):
        parts = urlsplit(found[key])
        assert (parts.scheme, parts.netloc, parts.path) == ("https", host, "/calendar/0/addfromweb")
        query = parse_qs(parts.query)
        assert query["url"] == [https]
        assert query["name"] == ["Kültürlerarası takvim – İslam / Alevilik"]
    assert found["qr"].startswith("/subscribe/qr.svg?") and "tradition=islam" in found["qr"]


def test_the_feed_behind_the_links_is_that_choice(client):
    found = links(parse(client.get("/subscribe?lang=tr&tradition=islam&tradition=alevi").data))
    path = found["https"].replace(BASE_URL, "")
    feed = client.get(path)
    assert feed.status_code == 200 and feed.mimetype == "text/calendar"
    cal = Calendar.from_ical(feed.data)
    name = parse_qs(urlsplit(found["outlook-personal"]).query)["name"][0]
    assert str(cal.get("X-WR-CALNAME")) == name  # Outlook shows the name the feed itself gives
    summaries = {str(e.get("SUMMARY")) for e in cal.walk("VEVENT")}
    assert any("Ramazan Bayramı" in s for s in summaries)
    ids = {str(e.get("UID")).rsplit("-", 1)[0] for e in cal.walk("VEVENT")}
    assert "eid-al-fitr" in ids and "hidrellez" in ids
    assert not ids & {"pesach", "diwali", "christmas"}


def test_one_tradition_uses_its_own_feed_path_and_keeps_options(client):
    found = links(parse(client.get("/subscribe?tradition=judaism&jewish=israel&state=NW").data))
    parts = urlsplit(found["https"])
    assert parts.path == "/feeds/judaism.ics"
    assert parse_qs(parts.query) == {"jewish": ["israel"], "lang": ["de"], "state": ["NW"]}


def test_instructions_in_the_page_language(client):
    doc = parse(client.get("/subscribe?lang=de").data)
    text = doc.text
    assert "iPhone" in text and "Android" in text and "Outlook" in text
    assert "Abonnieren" in text or "abonnieren" in text
    html = client.get("/subscribe?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in html


def test_the_form_works_without_javascript(client):
    doc = parse(client.get("/subscribe?lang=de&tradition=hinduism").data)
    form = next(f for f in doc.find_all("form") if "data-ik-subscribe" in f.attrs)
    assert form.attrs["method"] == "get" and form.attrs["action"] == "/subscribe"
    ticked = [
        i.attrs["value"] for i in form.find_all("input") if i.attrs.get("name") == "tradition" and "checked" in i.attrs
    ]
    assert ticked == ["hinduism"]


def test_qr_code_is_an_svg_of_this_page(client):
    response = client.get("/subscribe/qr.svg?lang=tr&tradition=islam")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    body = response.get_data(as_text=True)
    assert body.startswith("<svg") and "viewBox" in body
    # the SVG's title names what it encodes (decoded from the image in tests/browser/test_subscribe_qr.py)
    assert (
        unquote(body.split("<title>")[1].split("</title>")[0]).replace("&amp;", "&")
        == f"https://{HOST}/subscribe?lang=tr&tradition=islam"
    )


@pytest.mark.parametrize("query", ["tradition=nope", "lang=xx", "islamic=none", "state=ZZ", "category=bogus"])
@pytest.mark.parametrize("path", ["/subscribe", "/subscribe/qr.svg"])
def test_bad_choices_are_a_400(client, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert "nope" not in response.get_data(as_text=True) or query != "tradition=nope"


def test_linked_from_index_widget_and_detail_pages(client):
    for path in ("/", "/widget/2025/3", "/holiday/diwali"):
        doc = parse(client.get(path).data)
        hrefs = [a.attrs.get("href", "") for a in doc.find_all("a")]
        assert any(h.startswith("/subscribe") for h in hrefs), path
    doc = parse(client.get("/holiday/diwali").data)
    assert any(a.attrs.get("href", "").startswith("/subscribe?tradition=hinduism") for a in doc.find_all("a"))
