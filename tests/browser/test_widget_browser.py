"""The widget in a real browser, embedded in another site's page through embed.js."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.usefixtures("browser_available")


def severe_logs(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def open_embedded(driver, url):
    """Open the host page, wait for the iframe to load and to be resized, switch into it."""
    driver.get(url)
    wait = WebDriverWait(driver, 20)
    frame = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "iframe.interkultur-widget")))
    # embed.js starts at 560px; the widget's postMessage sets the real height
    wait.until(lambda d: frame.get_attribute("style") and "560px" not in frame.get_attribute("style"))
    driver.switch_to.frame(frame)
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#ik-widget[data-ik-ready]")))
    return frame


def test_embedded_widget_click_navigate_and_screenshot(driver, host_site, artifacts):
    frame = open_embedded(driver, host_site + "/de.html")
    assert driver.find_element(By.CSS_SELECTOR, ".ik-title").text == "März 2025"
    heads = [th.text for th in driver.find_elements(By.CSS_SELECTOR, ".ik-grid thead th")]
    assert heads == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]

    # the iframe was resized to the widget's content
    driver.switch_to.default_content()
    height = frame.size["height"]
    driver.switch_to.frame(frame)
    content = driver.execute_script("return document.documentElement.getBoundingClientRect().height")
    assert abs(height - content) <= 2

    day = driver.find_element(By.CSS_SELECTOR, "td.ik-holiday[data-holidays]")
    date, ids = day.get_attribute("data-date"), day.get_attribute("data-holidays").split()
    day.click()
    panel = WebDriverWait(driver, 5).until(EC.visibility_of_element_located((By.ID, f"ik-day-{date}")))
    for hid in ids:
        link = panel.find_element(By.CSS_SELECTOR, f'a.ik-entry-name[href*="/holiday/{hid}"]')
        assert link.get_attribute("target") == "_top"
        assert link.text.strip()
    assert day.get_attribute("aria-selected") == "true"
    driver.switch_to.default_content()
    driver.save_screenshot(str(artifacts / "widget-embedded-de.png"))
    driver.switch_to.frame(frame)

    # keyboard: arrows move the focus between days, Enter chooses
    day.send_keys(Keys.ARROW_RIGHT)
    focused = driver.switch_to.active_element
    assert focused.get_attribute("data-date") > date or focused.get_attribute("data-date") == date
    focused.send_keys(Keys.ENTER)
    assert focused.get_attribute("aria-selected") == "true"

    # next month without a full reload: a marker on the window survives
    driver.execute_script("window.__stay = 42;")
    driver.find_element(By.CSS_SELECTOR, "a.ik-next").click()
    WebDriverWait(driver, 10).until(
        lambda d: (
            d.execute_script("var t = document.querySelector('.ik-title'); return t && t.textContent.trim();")
            == "April 2025"
        )
    )
    assert driver.execute_script("return window.__stay") == 42
    assert driver.find_elements(By.CSS_SELECTOR, 'td[data-date="2025-04-30"]')
    assert driver.find_element(By.CSS_SELECTOR, "#ik-widget").get_attribute("data-ik-ready") == "1"

    driver.switch_to.default_content()
    assert severe_logs(driver) == []


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_right_to_left_widget(driver, host_site, artifacts, lang):
    """Arabic and Farsi (embedded with data-lang) alike: mirrored grid, Monday on the right."""
    open_embedded(driver, host_site + f"/{lang}.html")
    html = driver.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("dir") == "rtl"
    assert html.get_attribute("lang") == lang
    assert driver.execute_script("return getComputedStyle(document.querySelector('.ik-grid')).direction") == "rtl"
    title = driver.find_element(By.CSS_SELECTOR, ".ik-title").text
    assert "2025" in title  # Latin digits
    # Monday is the first column, which in right-to-left is the rightmost one
    first, last = driver.find_elements(By.CSS_SELECTOR, ".ik-grid thead th")[::6]
    assert first.location["x"] > last.location["x"]
    driver.find_element(By.CSS_SELECTOR, "td.ik-holiday").click()
    driver.switch_to.default_content()
    driver.save_screenshot(str(artifacts / f"widget-embedded-{lang}.png"))
    assert severe_logs(driver) == []


def test_dual_dates_and_narrow_width(driver, host_site, live_server, artifacts):
    open_embedded(driver, host_site + "/dual.html")
    assert driver.find_elements(By.CSS_SELECTOR, "td.ik-day .ik-dual-hijri")
    assert driver.find_elements(By.CSS_SELECTOR, "td.ik-day .ik-dual-hebrew")
    driver.switch_to.default_content()
    driver.save_screenshot(str(artifacts / "widget-embedded-dual.png"))

    # 280 px: nothing overflows horizontally
    driver.set_window_size(280 + 16, 900)
    driver.get(live_server + "/widget/2025/3")
    WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#ik-widget[data-ik-ready]")))
    width = driver.execute_script("return document.documentElement.clientWidth")
    scroll = driver.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= width + 1, (scroll, width)
    driver.save_screenshot(str(artifacts / "widget-280px.png"))
    assert severe_logs(driver) == []


def test_landing_page_without_console_errors(driver, live_server, artifacts):
    driver.get(live_server + "/?lang=de")
    WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#ik-widget[data-ik-ready]")))
    driver.find_element(By.CSS_SELECTOR, "a.ik-next").click()
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.querySelector('#ik-widget[data-ik-ready]') !== null")
    )
    driver.save_screenshot(str(artifacts / "landing.png"))
    driver.get(live_server + "/year/2025")
    driver.save_screenshot(str(artifacts / "year-2025.png"))
    assert severe_logs(driver) == []


def test_holiday_selector_adds_categories_in_place(driver, host_site):
    # The default view (March 2025) leaves out the minor fasts: ticking "Fastenzeit" loads the widget in
    # place with category=major,fast: the Fast of Esther (13 March 2025, 13 Adar) appears, the page is not
    # reloaded and no history entry is added (Back still leaves the host page).
    open_embedded(driver, host_site + "/de.html")
    length = driver.execute_script("return history.length")
    assert "fast-of-esther" not in (
        driver.find_element(By.CSS_SELECTOR, 'td[data-date="2025-03-13"]').get_attribute("data-holidays") or ""
    )
    driver.execute_script("window.__stay = 7;")
    driver.find_element(By.CSS_SELECTOR, ".ik-choose summary").click()
    driver.find_element(By.CSS_SELECTOR, '.ik-choose input[value="fast"]').click()
    driver.find_element(By.CSS_SELECTOR, ".ik-choose-submit").click()
    # read in one script: the widget replaces its cells in place, so an element found first may be
    # detached by the time its attribute is asked for (StaleElementReferenceException)
    holidays_on_13_march = (
        "var td = document.querySelector('td[data-date=\"2025-03-13\"]');"
        " return td ? (td.getAttribute('data-holidays') || '') : '';"
    )
    WebDriverWait(driver, 10).until(lambda d: "fast-of-esther" in d.execute_script(holidays_on_13_march))
    assert driver.execute_script("return window.__stay") == 7
    assert "category=major%2Cfast" in driver.execute_script(
        "return location.search"
    ) or "category=major,fast" in driver.execute_script("return decodeURIComponent(location.search)")
    assert driver.execute_script("return history.length") == length
    driver.switch_to.default_content()
    assert severe_logs(driver) == []
