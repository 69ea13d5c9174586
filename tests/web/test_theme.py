"""Theming the widget: accent=, theme=, bg=, /widget/theme.css, school breaks hatched."""

from __future__ import annotations

import re

import pytest

from interkultur.web import theme

from .htmlutil import parse

PROPERTY = re.compile(r"(--ik-[a-z-]+): ([^;]+);")


def root_properties(css: str, dark: bool = False) -> dict[str, str]:
    """The custom properties of the light :root block (or of the dark one in an ``auto`` sheet)."""
    blocks = re.findall(r":root \{([^}]*)\}", css)
    block = blocks[1] if dark and len(blocks) > 1 else blocks[0]
    return dict(PROPERTY.findall(block))


def test_contrast_ratio_matches_published_values():
    # WebAIM Contrast Checker (https://webaim.org/resources/contrastchecker/): black on white 21:1,
    # #767676 on white 4.54:1 (the lightest grey that passes AA), #777777 on white 4.48:1.
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


ACCENTS = ["ffcc00", "004B87", "E30613", "7FD17A", "ffffff", "000000", "808080", "00a0e3", "6b21a8", "f59e0b"]


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("accent", ACCENTS)
def test_text_on_the_accent_and_the_accent_as_text_reach_wcag_aa(client, accent, mode):
    response = client.get(f"/widget/theme.css?accent={accent}&theme={mode}")
    assert response.status_code == 200 and response.mimetype == "text/css"
    props = root_properties(response.get_data(as_text=True))
    base = props.get("--ik-bg", "#ffffff")
    assert props["--ik-holiday-bg"] == "#" + accent.lower()
    assert theme.contrast(props["--ik-holiday-fg"], props["--ik-holiday-bg"]) >= 4.5
    assert theme.contrast(props["--ik-control-fg"], props["--ik-control-bg"]) >= 4.5
    assert theme.contrast(props["--ik-accent"], base) >= 4.5
    assert theme.contrast(props["--ik-holiday-fg"], props["--ik-selected-bg"]) >= 4.5


@pytest.mark.parametrize("bg", ["fdf6e3", "222222", "0a5c36"])
def test_own_background_gets_readable_text(client, bg):
    props = root_properties(client.get(f"/widget/theme.css?bg={bg}").get_data(as_text=True))
    assert props["--ik-bg"] == "#" + bg
    assert theme.contrast(props["--ik-fg"], props["--ik-bg"]) >= 4.5
    assert theme.contrast(props["--ik-muted"], props["--ik-bg"]) >= 4.5


def test_auto_follows_the_colour_scheme_and_dark_palette_is_readable(client):
    css = client.get("/widget/theme.css?theme=auto").get_data(as_text=True)
    assert "@media (prefers-color-scheme: dark)" in css
    dark = root_properties(css, dark=True)
    for fg in ("--ik-fg", "--ik-muted", "--ik-accent", "--ik-dual-hebrew"):
        assert theme.contrast(dark[fg], dark["--ik-bg"]) >= 4.5, fg
    assert theme.contrast(dark["--ik-holiday-fg"], dark["--ik-holiday-bg"]) >= 4.5
    assert theme.contrast(dark["--ik-fg"], dark["--ik-panel-bg"]) >= 4.5


def test_transparent_background(client):
    props = root_properties(client.get("/widget/theme.css?bg=transparent").get_data(as_text=True))
    assert props == {"--ik-bg": "transparent"}


def test_widget_links_the_theme_sheet_and_keeps_it_while_navigating(client):
    response = client.get("/widget/2025/3?accent=FFCC00&theme=dark&bg=transparent")
    assert response.status_code == 200
    doc = parse(response.data)
    sheets = [link.attrs["href"] for link in doc.find_all("link") if link.attrs.get("rel") == "stylesheet"]
    assert "/widget/theme.css?accent=ffcc00&theme=dark&bg=transparent" in sheets
    nxt = doc.find("a", cls="ik-next").attrs["href"]
    assert nxt.startswith("/widget/2025/4?") and "accent=ffcc00" in nxt and "theme=dark" in nxt
    # the holiday selector's form keeps the colours as well
    hidden = {i.attrs["name"]: i.attrs["value"] for i in doc.find_all("input") if i.attrs.get("type") == "hidden"}
    assert hidden.get("accent") == "ffcc00" and hidden.get("bg") == "transparent"
    # the policy stays strict: no inline styles were needed
    csp = response.headers["Content-Security-Policy"]
    assert "style-src 'self'" in csp and "unsafe-inline" not in csp


def test_default_widget_links_no_theme_sheet(client):
    doc = parse(client.get("/widget/2025/3").data)
    assert not [link for link in doc.find_all("link") if "theme.css" in link.attrs.get("href", "")]


@pytest.mark.parametrize(
    "query",
    [
        "accent=%23ffcc00",
        "accent=fc0",
        "accent=ggcc00",
        "bg=red",
        "bg=%3Cscript%3Ealert(1)%3C/script%3E",
        "theme=neon",
        "accent=ffcc00ff",
    ],
)
@pytest.mark.parametrize("path", ["/widget", "/widget/2025/3", "/widget/theme.css"])
def test_invalid_theme_values_are_a_400_that_does_not_echo_them(client, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "<script>alert" not in body and "ggcc00" not in body and "neon" not in body.replace("none", "")
    assert "accent" in body or "bg" in body or "theme" in body


def test_school_breaks_are_hatched_not_filled(client):
    # NRW Easter holidays 2025: 14-26 April (Ministerium für Schule und Bildung NRW, Ferienordnung)
    doc = parse(client.get("/widget/2025/4?state=NW&tradition=public,school-break").data)
    cells = {td.attrs["data-date"]: td.attrs["class"] for td in doc.find_all("td") if "data-date" in td.attrs}
    assert "ik-break" in cells["2025-04-23"] and "ik-holiday" not in cells["2025-04-23"]
    assert "ik-season" not in cells["2025-04-23"]
    assert "ik-break" not in cells["2025-04-13"] and "ik-break" not in cells["2025-04-28"]
    # Easter Monday, a public holiday inside the break: filled and hatched
    assert "ik-holiday" in cells["2025-04-21"] and "ik-break" in cells["2025-04-21"]
    assert doc.find("span", cls="ik-key-break") is not None
