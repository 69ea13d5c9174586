"""Embedding on another origin: theming, month navigation without history entries, Back, and axe-core.

Accessibility: German public bodies must meet BITV 2.0 (WCAG 2.1 AA). axe-core (Deque, bundled by
selenium-axe-python) checks the widget, the embed builder, a detail page and the about page in the
light and dark themes and in a right-to-left language; the test fails on any violation of the
WCAG 2.0/2.1 A and AA rules.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

from support_http import static_server, stop

pytestmark = pytest.mark.usefixtures("browser_available")

THEMED_HOST = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Stadt Musterstadt</title><link rel="icon" href="data:,">
</head><body style="background:#202020">
<h1 style="color:#fff">Kommunales Integrationszentrum</h1>
<script src="{base}/embed.js" data-lang="de" data-month="2025-03" data-accent="004B87" data-theme="dark"></script>
</body></html>
"""
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def themed_host(tmp_path_factory, live_server):
    root = tmp_path_factory.mktemp("themed-host")
    (root / "index.html").write_text(THEMED_HOST.format(base=live_server), encoding="utf-8")
    (root / "start.html").write_text(
        "<!doctype html><title>Start</title><a href='index.html'>weiter</a>", encoding="utf-8"
    )

    proc, base = static_server(root)  # any static host: another origin than the service
    try:
        yield base
    finally:
        stop(proc)


def test_themed_widget_on_another_origin_navigates_without_history_and_back_leaves(driver, themed_host, live_server):
    assert themed_host.split(":")[-1] != live_server.split(":")[-1]  # another origin
    driver.get(themed_host + "/start.html")
    driver.find_element(By.TAG_NAME, "a").click()
    wait = WebDriverWait(driver, 20)
    frame = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "iframe.interkultur-widget")))
    assert "accent=004B87" in frame.get_attribute("src") and "theme=dark" in frame.get_attribute("src")
    length = driver.execute_script("return history.length")
    driver.switch_to.frame(frame)
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#ik-widget[data-ik-ready]")))
    holiday = driver.find_element(By.CSS_SELECTOR, "td.ik-holiday")
    assert holiday.value_of_css_property("background-color") in ("rgba(0, 75, 135, 1)", "rgb(0, 75, 135)")
    # white text on the dark blue accent (the contrast rule), the dark theme's background
    assert holiday.value_of_css_property("color") in ("rgba(255, 255, 255, 1)", "rgb(255, 255, 255)")
    widget = driver.find_element(By.ID, "ik-widget")
    assert widget.value_of_css_property("background-color") in ("rgba(17, 24, 39, 1)", "rgb(17, 24, 39)")
    title = "return (document.querySelector('.ik-title') || {}).textContent"
    colour = "return getComputedStyle(document.querySelector('td.ik-holiday')).backgroundColor"
    for expected in ("April 2025", "Mai 2025"):
        driver.execute_script("document.querySelector('a.ik-next').click()")
        wait.until(lambda d, text=expected: (d.execute_script(title) or "").strip().startswith(text))
        # the theme is kept from month to month
        assert driver.execute_script(colour) in ("rgba(0, 75, 135, 1)", "rgb(0, 75, 135)")
    driver.switch_to.default_content()
    assert driver.execute_script("return history.length") == length
    driver.back()
    wait.until(lambda d: d.title == "Start")


def violations(driver) -> list[str]:
    axe = Axe(driver)
    axe.inject()
    results = axe.run(options=WCAG_AA)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})" for v in results["violations"]
    ]


PAGES = [
    "/widget/2025/3?lang=de",
    "/widget/2025/3?lang=de&theme=dark",
    "/widget/2025/4?lang=de&state=NW&accent=ffcc00",
    "/widget/2025/3?lang=ar&theme=dark",
    "/widget/2025/3?lang=fa",
    "/embed?lang=de",
    "/embed?lang=ar&accent=004b87&theme=dark",
    "/holiday/eid-al-fitr?lang=de",
    "/holiday/eid-al-fitr?lang=ar",
    "/about?lang=de",
    "/subscribe?lang=de&tradition=islam",
    "/subscribe?lang=fa",
]


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_wcag_aa_violations(driver, live_server, path):
    driver.get(live_server + path)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert violations(driver) == []
