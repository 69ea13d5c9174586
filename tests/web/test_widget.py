"""The month widget: /widget, /widget/<year>/<month>, /embed.js."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from babel.dates import get_day_names

from interkultur.calendars import hebrew, hijri

from .conftest import TODAY
from .htmlutil import parse, squash


def day_cells(doc):
    return [td for td in doc.find_all("td") if "data-date" in td.attrs]


def test_current_month_heading_weekdays_and_navigation(client):
    response = client.get("/widget")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    doc = parse(response.data)
    head = doc.find(cls="ik-head")
    assert squash(head.find("h2").text) == "März 2025"
    prev, nxt = head.find("a", cls="ik-prev"), head.find("a", cls="ik-next")
    assert prev.attrs["href"] == "/widget/2025/2" and nxt.attrs["href"] == "/widget/2025/4"
    # "< März 2025 >" as the seed widget shows it
    shown = [prev.find("span").text, head.find("h2").text, nxt.find("span").text]
    assert " ".join(shown) == "< März 2025 >"
    assert [th.text for th in doc.find("thead").find_all("th")] == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]


@pytest.mark.parametrize("lang", ["de", "en", "tr", "ar"])
def test_weeks_start_on_monday_in_every_language(client, lang):
    doc = parse(client.get(f"/widget/2018/10?lang={lang}").data)
    titles = [abbr.attrs["title"] for abbr in doc.find("thead").find_all("abbr")]
    wide = get_day_names("wide", context="stand-alone", locale=lang)
    assert titles == [wide[i] for i in range(7)]
    first_row = doc.find("tbody").find_all("tr")[0]
    assert first_row.find_all("td")[0].attrs.get("data-date") == "2018-10-01"  # a Monday


def test_every_day_has_data_date_and_holidays_match_the_engine(client, engine):
    doc = parse(client.get("/widget/2025/3?category=all").data)
    cells = day_cells(doc)
    assert [c.attrs["data-date"] for c in cells] == [date(2025, 3, d).isoformat() for d in range(1, 32)]
    for cell in cells:
        day = date.fromisoformat(cell.attrs["data-date"])
        expected = {o.id for o in engine.on(day)}
        shown = set((cell.attrs.get("data-holidays") or "").split())
        assert shown == expected, day
        if expected:
            assert cell.find("a", cls="ik-daylink").attrs["href"] == f"#ik-day-{day.isoformat()}"
            assert doc.by_id(f"ik-day-{day.isoformat()}") is not None


def test_holiday_days_are_green_and_marked_without_colour(client, app):
    doc = parse(client.get("/widget/2025/3").data)
    highlighted = doc.find_all("td", cls="ik-holiday")
    assert highlighted
    for cell in highlighted:
        # a screen-reader text names the holidays; the number is bold with a dot per tradition (CSS)
        assert ":" in cell.find("a").find("span", cls="ik-vh").text
        assert cell.find_all("span", cls="ik-mark")
    with app.test_client().get("/static/widget.css") as response:
        css = response.data.decode()
    assert "--ik-holiday-bg" in css and ".ik-mark " in css and "--ik-trad-colour" in css


def test_a_shared_day_is_one_cell_with_three_markers_and_the_rest_counted(client):
    # 21 March 2026 (full view): Nowruz and Newroz (persian), Naw-Rúz (bahai), Jamshedi Navroz
    # (zoroastrianism), Alevi Nevruz, the Day against Racism (international), Eid al-Fitr's 2nd day (islam):
    # six traditions on one day -> three markers and "+3"; the screen-reader text names all seven.
    doc = parse(client.get("/widget/2026/3?category=all").data)
    (cell,) = [c for c in day_cells(doc) if c.attrs.get("data-date") == "2026-03-21"]
    marks = cell.find_all("span", cls="ik-mark")
    assert len(marks) == 3 and len({m.attrs["class"] for m in marks}) == 3
    assert cell.find("span", cls="ik-mark-more").text == "+3"
    spoken = cell.find("span", cls="ik-vh").text
    for name in ("Nouruz", "Newroz", "Naw-Rúz", "Jamshedi Navroz", "Nevruz", "Rassismus", "Ramadanfest"):
        assert name in spoken


def test_a_season_marks_its_first_and_last_day_and_bands_the_rest(client):
    # Ramadan 1447 under Umm al-Qura: 18 February - 19 March 2026 (30 days): only the first day is
    # filled green; first and last carry the Islamic marker, the days between only the band.
    doc = parse(client.get("/widget/2026/3?tradition=islam&category=fast").data)
    cells = {c.attrs["data-date"]: c for c in day_cells(doc) if c.attrs.get("data-date")}
    assert "ik-season" in cells["2026-03-10"].classes() and not cells["2026-03-10"].find_all("span", cls="ik-mark")
    assert cells["2026-03-19"].find_all("span", cls="ik-mark")


def test_today_is_marked(client):
    doc = parse(client.get("/widget").data)
    today = [c for c in day_cells(doc) if c.attrs.get("aria-current") == "date"]
    assert [c.attrs["data-date"] for c in today] == [TODAY.isoformat()]
    assert "ik-today" in today[0].classes()
    assert "heute" in today[0].text


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_today_is_taken_in_the_configured_time_zone(make_app, zone):
    app = make_app(TODAY=None, TIMEZONE=zone)
    doc = parse(app.test_client().get("/widget").data)
    expected = datetime.now(ZoneInfo(zone)).date()
    marked = [c.attrs["data-date"] for c in day_cells(doc) if c.attrs.get("aria-current") == "date"]
    assert marked == [expected.isoformat()]


def test_day_details_evening_and_links(client, engine):
    occurrences = engine.occurrences(date(2025, 3, 1), date(2025, 3, 31))
    evening = next(o for o in occurrences if o.eve and not o.holiday.night and o.start.month == 3)
    doc = parse(client.get("/widget/2025/3?category=all").data)
    panel = doc.by_id(f"ik-day-{evening.start.isoformat()}")
    text = squash(panel.text)
    assert "Beginnt am Vorabend" in text
    assert f"{evening.eve.day}." in text and evening.holiday.description("de")[:30] in text
    links = panel.find_all("a", cls="ik-entry-name")
    assert all(a.attrs.get("target") == "_top" for a in links)
    assert any(a.attrs["href"].split("?")[0] == f"/holiday/{evening.id}" for a in links)


def test_nights_are_named_as_nights(client, engine):
    for year in range(2024, 2027):
        found = [o for o in engine.occurrences(date(year, 1, 1), date(year, 12, 31)) if o.holiday.night]
        if found:
            night = found[0]
            break
    else:
        pytest.skip("the catalogue has no nights")
    doc = parse(client.get(f"/widget/{night.start.year}/{night.start.month}?category=all").data)
    panel = doc.by_id(f"ik-day-{night.start.isoformat()}")
    assert "Die Nacht vom" in squash(panel.text)


def test_estimated_islamic_dates_are_flagged(client, engine):
    found = [
        o
        for o in engine.occurrences(date(2025, 3, 1), date(2025, 3, 31), islamic="sighting")
        if o.estimated and o.tradition == "islam" and o.start.month == 3
    ]
    assert found, "the sighting profile gives estimated dates"
    doc = parse(client.get("/widget/2025/3?islamic=sighting&category=all").data)
    panel = doc.by_id(f"ik-day-{found[0].start.isoformat()}")
    assert "kann je nach Mondsichtung um einen Tag abweichen" in squash(panel.text)


def test_month_list_below_the_grid_is_the_text_alternative(client, engine):
    doc = parse(client.get("/widget/2025/3?category=all").data)
    items = doc.find("ul", cls="ik-monthlist").find_all("li")
    expected = engine.occurrences(date(2025, 3, 1), date(2025, 3, 31))
    assert len(items) == len(expected)
    for item, occ in zip(items, expected):
        link = item.find("a")
        assert link.text == occ.holiday.name("de") and link.attrs["target"] == "_top"


def test_tradition_filter(client, engine):
    doc = parse(client.get("/widget/2025/3?tradition=judaism").data)
    ids = {i for c in day_cells(doc) for i in (c.attrs.get("data-holidays") or "").split()}
    expected = {o.id for o in engine.occurrences(date(2025, 3, 1), date(2025, 3, 31), traditions=["judaism"])}
    assert ids == expected
    # the filter travels with the month links
    assert doc.find("a", cls="ik-next").attrs["href"] == "/widget/2025/4?tradition=judaism"


def test_arabic_is_right_to_left_with_latin_digits(client):
    body = client.get("/widget/2025/3?lang=ar").data.decode()
    doc = parse(body)
    html = doc.find("html")
    assert html.attrs["dir"] == "rtl" and html.attrs["lang"] == "ar"
    assert not re.search("[\u0660-\u0669\u06f0-\u06f9]", body), "Arabic-Indic digits in the widget"
    assert "2025" in doc.find("h2", cls="ik-title").text


def test_accept_language_is_negotiated_on_html_routes(client):
    doc = parse(client.get("/widget/2025/3", headers={"Accept-Language": "tr-TR,tr;q=0.9,en;q=0.5"}).data)
    assert doc.find("html").attrs["lang"] == "tr"
    assert squash(doc.find("h2", cls="ik-title").text) == "Mart 2025"
    doc = parse(client.get("/widget/2025/3?lang=en", headers={"Accept-Language": "tr"}).data)
    assert doc.find("html").attrs["lang"] == "en"
    doc = parse(client.get("/widget/2025/3", headers={"Accept-Language": "fr, ja"}).data)
    assert doc.find("html").attrs["lang"] == "de"


def test_dual_calendars(client):
    doc = parse(client.get("/widget/2025/3?dual=hijri,hebrew&islamic=umm-al-qura").data)
    for cell in day_cells(doc):
        day = date.fromisoformat(cell.attrs["data-date"])
        hy, hm, hd = hijri.PROFILES["umm-al-qura"].from_date(day)
        ey, em, ed = hebrew.from_date(day)
        hij = cell.find("span", cls="ik-dual-hijri")
        heb = cell.find("span", cls="ik-dual-hebrew")
        assert hij.attrs["title"].startswith(f"{hd} ") and hij.attrs["title"].endswith(f" {hy}")
        assert heb.attrs["title"].startswith(f"{ed} ") and heb.attrs["title"].endswith(f" {ey}")
    assert client.get("/widget/2025/3").data.count(b"ik-dual") == 0
    response = client.get("/widget/2025/3?dual=mayan")
    assert response.status_code == 400 and b"dual" in response.data


@pytest.mark.parametrize(
    "path", ["/widget/2025/13", "/widget/2025/0", "/widget/1899/12", "/widget/2101/1", "/widget/99999999999999999999/1"]
)
def test_invalid_months_and_years_are_400(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert response.mimetype == "text/html"


@pytest.mark.parametrize("path", ["/widget/abc/1", "/widget/2025", "/widget/2025/3/1", "/widget/-1/3"])
def test_malformed_widget_routes_are_404(client, path):
    assert client.get(path).status_code == 404


def test_first_and_last_supported_months_have_no_link_beyond(client):
    doc = parse(client.get("/widget/1900/1").data)
    assert not doc.find_all("a", cls="ik-prev") and doc.find_all("a", cls="ik-next")
    doc = parse(client.get("/widget/2100/12").data)
    assert doc.find_all("a", cls="ik-prev") and not doc.find_all("a", cls="ik-next")


@pytest.mark.parametrize("param", ["lang", "tradition", "islamic", "jewish"])
def test_unknown_common_parameter_gives_a_friendly_localised_page(client, param):
    response = client.get(f"/widget/2025/3?{param}=%3Cscript%3Ealert(1)%3C/script%3E")
    assert response.status_code == 400
    body = response.data.decode()
    assert "<script>alert" not in body and "alert(1)" not in body
    doc = parse(body)
    assert param in doc.find("p", cls="ik-error-message").text
    if param == "lang":
        assert "de, en, tr, ar" in body
    if param == "islamic":
        assert ", ".join(hijri.PROFILES) in body
    if param == "jewish":
        assert "diaspora, israel" in body


def test_error_page_follows_accept_language(client):
    body = client.get("/widget/2025/13", headers={"Accept-Language": "en"}).data.decode()
    assert "The month must be a number from 1 to 12." in body
    body = client.get("/widget/2025/13").data.decode()
    assert "Der Monat muss eine Zahl von 1 bis 12 sein." in body


def test_embed_script(client):
    response = client.get("/embed.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    js = response.data.decode()
    for attribute in ("data-lang", "data-tradition", "data-islamic", "data-jewish"):
        assert attribute.replace("data-", "") in js
    assert "postMessage" not in js or "interkultur:resize" in js
    assert "interkultur:resize" in js and "iframe" in js
    assert client.get("/embed.js?lang=xx").status_code == 400
    assert client.get("/embed.js?tradition=islam,judaism").status_code == 200


def test_widget_script_posts_its_height(client):
    with client.get("/static/widget.js") as response:
        js = response.data.decode()
    assert "postMessage" in js and "interkultur:resize" in js
    assert "fetch(" in js  # month navigation without reload


def test_head_works(client):
    response = client.head("/widget/2025/3")
    assert response.status_code == 200 and response.data == b""
    assert client.head("/embed.js").status_code == 200


def test_days_in_month_for_every_month_of_a_leap_year(client):
    for month in range(1, 13):
        cells = day_cells(parse(client.get(f"/widget/2024/{month}").data))
        assert len(cells) == calendar.monthrange(2024, month)[1]


def test_default_view_is_the_editors_selection_and_category_all_shows_everything(client, engine):
    """A reader who chose nothing sees the default view; the API and feeds keep everything."""
    default = parse(client.get("/widget/2025/3").data)
    shown = {i for c in day_cells(default) for i in (c.attrs.get("data-holidays") or "").split()}
    expected = {o.id for o in engine.occurrences(date(2025, 3, 1), date(2025, 3, 31), default_view=True)}
    everything = {o.id for o in engine.occurrences(date(2025, 3, 1), date(2025, 3, 31))}
    assert shown == expected and expected < everything
    assert all(engine.catalogue.get(i).in_default_view for i in shown)
    assert "category=all" in default.find("p", cls="ik-view").find("a").attrs["href"]
    full = parse(client.get("/widget/2025/3?category=all").data)
    assert {i for c in day_cells(full) for i in (c.attrs.get("data-holidays") or "").split()} == everything
    fasts = parse(client.get("/widget/2025/3?category=fast").data)
    assert {i for c in day_cells(fasts) for i in (c.attrs.get("data-holidays") or "").split()} == {
        o.id for o in engine.occurrences(date(2025, 3, 1), date(2025, 3, 31)) if o.holiday.category == "fast"
    }
    assert client.get("/widget/2025/3?category=feasts").status_code == 400


def test_default_view_stays_readable():
    """Targets for 2026 (catalogue issue): no month over 10 days on which a holiday starts, median at most 6."""
    from statistics import median

    from interkultur.catalog import load
    from interkultur.engine import Engine

    found = Engine(load()).occurrences(date(2026, 1, 1), date(2026, 12, 31), default_view=True)
    per_month = [len({o.start for o in found if o.start.month == m}) for m in range(1, 13)]
    assert max(per_month) <= 10 and median(per_month) <= 6, per_month


def test_holiday_selector_without_javascript(client):
    # The selector is a plain GET form: its checkboxes send category=major&category=fast, which the
    # service reads as the list "major,fast" (the same answer as category=major,fast).
    doc = parse(client.get("/widget/2025/3?lang=de").data)
    boxes = {i.attrs["value"]: "checked" in i.attrs for i in doc.find_all("input") if i.attrs.get("name") == "category"}
    assert boxes == {"major": True, "minor": False, "fast": False, "memorial": False, "observance": False}
    repeated = client.get("/widget/2025/3?lang=de&category=major&category=fast")
    joined = client.get("/widget/2025/3?lang=de&category=major,fast")
    assert repeated.status_code == joined.status_code == 200
    cells = lambda r: [c.attrs.get("data-holidays") for c in day_cells(parse(r.data))]  # noqa: E731
    assert cells(repeated) == cells(joined)
    assert any("ramadan" in (h or "") for h in cells(joined))
    assert client.get("/widget/2025/3?category=major&category=nonsense").status_code == 400
