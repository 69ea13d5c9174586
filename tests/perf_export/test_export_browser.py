"""The exported static site in a real browser: served by ``python -m http.server``, no interkultur server.

Debian's Chromium through Selenium (``/usr/bin/chromedriver``), never a
download. Without it the tests skip with the reason, except under
``CI=true``, where they fail (CI installs chromium). The helpers are in
``tests/support_http.py``.
"""

from __future__ import annotations

import urllib.request
from datetime import date

import pytest

from interkultur.web.export import export_site
from support_http import ARTIFACTS, chromium, static_server, stop

YEAR = min(max(date.today().year, 1901), 2099)


@pytest.fixture(scope="module")
def static_site(tmp_path_factory, catalogue, browser_available):
    root = tmp_path_factory.mktemp("static-site")
    export_site(root, years=range(YEAR - 1, YEAR + 2), languages=["de", "ar"], catalogue=catalogue)
    proc, base = static_server(root)
    yield base
    stop(proc)


@pytest.fixture(scope="module")
def host_page(tmp_path_factory, static_site):
    """Another origin whose page embeds the exported widget through the exported embed.js."""
    root = tmp_path_factory.mktemp("static-host")
    (root / "index.html").write_text(
        '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Stadt</title>'
        '<link rel="icon" href="data:,"></head><body><h1>Integrationszentrum</h1><aside>'
        f'<script src="{static_site}/embed.js" data-lang="de" data-month="{YEAR}-03"></script>'
        "</aside></body></html>",
        encoding="utf-8",
    )
    proc, base = static_server(root)
    yield base + "/index.html"
    stop(proc)


@pytest.fixture()
def driver(browser_available):
    with chromium(window_size="1000,1000") as drv:
        yield drv


def severe(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def title(driver) -> str:
    return driver.execute_script("var t = document.querySelector('.ik-title'); return t && t.textContent.trim();")


def wait_title(driver, text: str) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(
        lambda d: (
            title(d) == text and d.execute_script("return document.querySelector('#ik-widget[data-ik-ready]') !== null")
        )
    )


def ready(driver) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#ik-widget[data-ik-ready]")))


def test_static_widget_navigates_months_without_reload(driver, static_site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(f"{static_site}/de/widget/{YEAR}/03.html")
    ready(driver)
    assert title(driver) == f"März {YEAR}"
    driver.execute_script("window.__stay = 42;")
    driver.find_element(By.CSS_SELECTOR, "a.ik-next").click()
    wait_title(driver, f"April {YEAR}")
    assert driver.execute_script("return window.__stay") == 42  # fetched, not reloaded
    assert driver.current_url.endswith(f"/de/widget/{YEAR}/04.html")
    driver.find_element(By.CSS_SELECTOR, "a.ik-prev").click()
    wait_title(driver, f"März {YEAR}")
    driver.find_element(By.CSS_SELECTOR, "a.ik-prev").click()
    wait_title(driver, f"Februar {YEAR}")
    assert driver.execute_script("return window.__stay") == 42

    # across New Year and back: the links of a fetched widget still point at the right files
    driver.get(f"{static_site}/de/widget/{YEAR}/12.html")
    ready(driver)
    driver.execute_script("window.__stay = 7;")
    driver.find_element(By.CSS_SELECTOR, "a.ik-next").click()
    wait_title(driver, f"Januar {YEAR + 1}")
    assert driver.current_url.endswith(f"/de/widget/{YEAR + 1}/01.html")
    driver.find_element(By.CSS_SELECTOR, "a.ik-next").click()
    wait_title(driver, f"Februar {YEAR + 1}")
    driver.find_element(By.CSS_SELECTOR, "a.ik-prev").click()
    wait_title(driver, f"Januar {YEAR + 1}")
    driver.find_element(By.CSS_SELECTOR, "a.ik-prev").click()
    wait_title(driver, f"Dezember {YEAR}")
    assert driver.execute_script("return window.__stay") == 7

    # a day with holidays: its panel, and a detail link that exists on the static host
    day = driver.find_element(By.CSS_SELECTOR, "td.ik-holiday[data-holidays]")
    day.click()
    panel = WebDriverWait(driver, 5).until(
        EC.visibility_of_element_located((By.ID, f"ik-day-{day.get_attribute('data-date')}"))
    )
    link = panel.find_element(By.CSS_SELECTOR, "a.ik-entry-name")
    assert link.get_attribute("target") == "_top"
    href = link.get_attribute("href")
    assert href.startswith(static_site + "/de/holiday/") and href.endswith(".html")
    with urllib.request.urlopen(href, timeout=10) as response:
        assert response.status == 200
    assert severe(driver) == []


def test_today_is_marked_in_the_browser(driver, static_site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(f"{static_site}/de/widget/index.html")
    ready(driver)
    today = driver.execute_script(
        "var d = new Date(); return d.getFullYear() + '-' + ('0' + (d.getMonth() + 1)).slice(-2)"
        " + '-' + ('0' + d.getDate()).slice(-2);"
    )
    # the page was written for the export day's month (Europe/Berlin); around midnight at a month's
    # end the browser may be in another month, and widget.js then fetches that one: wait for it
    WebDriverWait(driver, 10).until(
        lambda d: (
            d.execute_script(
                "var w = document.querySelector('#ik-widget[data-ik-ready]');"
                "return w && w.getAttribute('data-year') + '-' + ('0' + w.getAttribute('data-month')).slice(-2);"
            )
            == today[:7]
        )
    )
    marked = driver.find_elements(By.CSS_SELECTOR, "td.ik-today")
    assert [c.get_attribute("data-date") for c in marked] == [today]
    assert marked[0].get_attribute("aria-current") == "date"
    driver.get(f"{static_site}/ar/year/{YEAR}.html")
    cells = driver.find_elements(By.CSS_SELECTOR, "td.ik-today")
    if today.startswith(str(YEAR)):
        assert [c.get_attribute("data-date") for c in cells] == [today]
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    assert severe(driver) == []


def test_exported_widget_embedded_on_another_site(driver, host_page, static_site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(host_page)
    wait = WebDriverWait(driver, 20)
    frame = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "iframe.interkultur-widget")))
    assert frame.get_attribute("src") == f"{static_site}/de/widget/{YEAR}/03.html"
    wait.until(lambda d: "560px" not in (frame.get_attribute("style") or "560px"))  # resized by postMessage
    driver.switch_to.frame(frame)
    ready(driver)
    assert title(driver) == f"März {YEAR}"
    driver.find_element(By.CSS_SELECTOR, "a.ik-next").click()
    wait_title(driver, f"April {YEAR}")
    driver.switch_to.default_content()
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "export-embedded-de.png"))
    assert severe(driver) == []


def test_current_month_page_follows_the_visitors_date(driver, tmp_path, catalogue, browser_available):
    """An export written in another month: its "current month" page opens the visitor's month."""
    from selenium.webdriver.support.ui import WebDriverWait

    now = date.today()
    written = date(YEAR, 1 if now.month != 1 else 7, 15)
    export_site(tmp_path, years=range(YEAR, YEAR + 1), languages=["de"], catalogue=catalogue, today=written)
    assert f'data-month="{written.month}"' in (tmp_path / "de/widget/index.html").read_text(encoding="utf-8")
    proc, base = static_server(tmp_path)
    try:
        driver.get(f"{base}/de/widget/index.html")
        ready(driver)
        month = driver.execute_script("var d = new Date(); return [d.getFullYear(), d.getMonth() + 1];")
        if month[0] != YEAR:
            pytest.skip("the browser's year is outside the exported year")
        WebDriverWait(driver, 10).until(
            lambda d: (
                d.execute_script(
                    "var w = document.querySelector('#ik-widget[data-ik-ready]');"
                    "return w && [+w.getAttribute('data-year'), +w.getAttribute('data-month')];"
                )
                == month
            )
        )
        assert driver.current_url.endswith(f"/de/widget/{month[0]}/{month[1]:02d}.html")
        assert len(driver.find_elements("css selector", "td.ik-today")) == 1
        assert severe(driver) == []
    finally:
        stop(proc)
