"""Islamic feasts carry the moon-sighting note in the widget and the feeds (issue 5).

Even the published Umm al-Qura table is only the Saudi civil calendar: mosques
in Germany may begin a month a day earlier or later (research §5, S8
via-bayern: "islamische Feiertage ±1 Tag"), so the note belongs to every
Hijri-based feast, estimated or not, and to no solar feast.
"""

from __future__ import annotations

from icalendar import Calendar

MOON_DE = "Mondsichtung"


def _events(client, url):
    cal = Calendar.from_ical(client.get(url).data)
    return {str(e["uid"]).split("@")[0]: str(e["description"]) for e in cal.walk("VEVENT")}


def test_feed_marks_umm_al_qura_eid_with_the_sighting_note(client):
    events = _events(client, "/feeds/islam.ics?lang=de")
    # Eid al-Fitr 2025 began on 30 March 2025 (Umm al-Qura; KRM and NRW Beirat agreed, research §5)
    assert MOON_DE in events["eid-al-fitr-20250330"]


def test_feed_does_not_mark_solar_feasts(client):
    events = _events(client, "/feeds/christianity.ics?lang=de")
    assert MOON_DE not in events["christmas-20251225"]


def test_widget_day_details_carry_the_note_for_eid(client):
    html = client.get("/widget/2025/3?lang=de").get_data(as_text=True)
    assert MOON_DE in html
    html = client.get("/widget/2025/12?lang=de&tradition=christianity").get_data(as_text=True)
    assert MOON_DE not in html
