"""Settings: one documented place, environment variables, start-up validation."""

from __future__ import annotations

import pytest

from interkultur.web import config, create_app

BRIEF = [
    "INTERKULTUR_BASE_URL",
    "INTERKULTUR_UID_DOMAIN",
    "INTERKULTUR_FRAME_ANCESTORS",
    "INTERKULTUR_TIMEZONE",
    "INTERKULTUR_ISLAMIC",
    "INTERKULTUR_JEWISH",
]


def test_every_setting_is_documented():
    table = config.markdown_table()
    for name in BRIEF:
        assert f"`{name}`" in table
    assert all(s.doc for s in config.SETTINGS)
    assert config.load(environ={})["TIMEZONE"] == "Europe/Berlin"


def test_environment_and_config_dict(monkeypatch):
    env = {"INTERKULTUR_BASE_URL": "https://a.example", "INTERKULTUR_FEED_MAX_AGE": "60"}
    merged = config.load({"BASE_URL": "https://b.example"}, environ=env)
    assert merged["BASE_URL"] == "https://b.example" and merged["FEED_MAX_AGE"] == 60
    with pytest.raises(ValueError, match="INTERKULTUR_FEED_MAX_AGE"):
        config.load(environ={"INTERKULTUR_FEED_MAX_AGE": "soon"})


def test_defaults_for_islamic_and_jewish_profiles(make_app):
    client = make_app(ISLAMIC="tabular", JEWISH="israel").test_client()
    default = client.get("/api/v1/holidays?from=2025-01-01&to=2025-12-31&tradition=islam,judaism").get_json()
    explicit = client.get(
        "/api/v1/holidays?from=2025-01-01&to=2025-12-31&tradition=islam,judaism&islamic=tabular&jewish=israel"
    ).get_json()
    assert default == explicit


@pytest.mark.parametrize("setting", [{"ISLAMIC": "guess"}, {"JEWISH": "mars"}, {"TIMEZONE": "Mars/Olympus"}])
def test_bad_settings_fail_at_start_up(catalogue, setting):
    with pytest.raises((ValueError, KeyError)):  # KeyError: zoneinfo.ZoneInfoNotFoundError
        create_app({"CATALOGUE": catalogue, **setting})


def test_base_url_is_used_for_absolute_links(make_app):
    client = make_app(BASE_URL="https://kalender.stadt.example/").test_client()
    item = client.get("/api/v1/holidays?date=2025-12-25").get_json()["holidays"][0]
    assert item["url"].startswith("https://kalender.stadt.example/holiday/")
