"""/schulen in a real browser (Debian's chromium through Selenium; fixtures in conftest.py).

A teacher pastes exam dates, picks another one, submits, and reads the
conflicts table; the page is also printed to PDF to check the print layout.
"""

from __future__ import annotations

import base64

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

pytestmark = pytest.mark.usefixtures("browser_available")

PASTED = "31.03.2025 Mathematik 10a\n01.10.2025 Elternabend\n18.02.2025 Englisch 9b\n14.07.2025 – 15.07.2025 Fahrt"


def severe_logs(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def rows(driver):
    return {
        row.get_attribute("data-date"): row
        for row in driver.find_elements(By.CSS_SELECTOR, "table.ik-conflicts tbody tr[data-date]")
    }


def test_paste_dates_submit_and_see_the_conflicts(driver, live_server, artifacts):
    driver.set_window_size(1100, 1300)
    driver.get(live_server + "/schulen?lang=de")  # chromium sends Accept-Language: en-US
    wait = WebDriverWait(driver, 20)
    assert driver.find_element(By.TAG_NAME, "h1").text == "Schulen: Feiertage an Ihren Terminen"
    assert Select(driver.find_element(By.ID, "ik-state")).first_selected_option.get_attribute("value") == "NW"

    driver.find_element(By.ID, "ik-dates").send_keys(PASTED)
    # with JavaScript, "Weiteres Datum" adds a fourth date field
    add = driver.find_element(By.CSS_SELECTOR, "[data-ik-add-date]")
    assert add.is_displayed()
    add.click()
    pickers = driver.find_elements(By.CSS_SELECTOR, 'input[type="date"][name="day"]')
    assert len(pickers) == 4 and pickers[3].get_attribute("aria-label") == "Datum 4"
    # fill a date input independent of the browser's locale-specific typing order
    driver.execute_script("arguments[0].value = '2025-06-06';", pickers[3])
    driver.find_element(By.CSS_SELECTOR, "button.ik-submit").click()

    table = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "table.ik-conflicts")))
    assert driver.current_url.endswith("/schulen?lang=de#ik-results")
    found = rows(driver)
    assert list(found) == ["2025-03-31", "2025-10-01", "2025-02-18", "2025-07-14", "2025-07-15", "2025-06-06"]
    fitr = found["2025-03-31"]
    assert "Ramadanfest" in fitr.text and "Mathematik 10a" in fitr.text and "Tag 2 von 3" in fitr.text
    assert "/holiday/eid-al-fitr?" in fitr.find_element(
        By.CSS_SELECTOR, 'li[data-holiday="eid-al-fitr"] a'
    ).get_attribute("href")
    assert found["2025-10-01"].get_attribute("data-conflict") == "eve"
    assert "Jom Kippur" in found["2025-10-01"].text
    assert found["2025-02-18"].get_attribute("data-conflict") == "free"
    assert found["2025-07-14"].get_attribute("data-conflict") == "no-school"
    assert "Sommerferien" in found["2025-07-15"].text
    assert found["2025-06-06"].get_attribute("data-conflict") == "leave"
    assert "Beurlaubung möglich" in found["2025-06-06"].text
    summary = driver.find_element(By.CSS_SELECTOR, ".ik-summary").text
    assert "Geprüfte Daten: 6" in summary
    # the focus moved to the result for keyboard and screen-reader users
    assert driver.switch_to.active_element.get_attribute("id") == "ik-results"
    assert table.size["width"] > 600
    assert not severe_logs(driver)
    driver.save_screenshot(str(artifacts / "schulen.png"))

    # printable: the form and the site header disappear, the table stays
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "paperWidth": 8.27, "paperHeight": 11.69})
    data = base64.b64decode(pdf["data"])
    assert data.startswith(b"%PDF") and len(data) > 5000
    (artifacts / "schulen-print.pdf").write_bytes(data)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not driver.find_element(By.CSS_SELECTOR, "form.ik-schools-form").is_displayed()
        assert not driver.find_element(By.CSS_SELECTOR, ".ik-site-header").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, "table.ik-conflicts").is_displayed()
        driver.save_screenshot(str(artifacts / "schulen-print-media.png"))
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_arabic_page_is_right_to_left_and_works(driver, live_server, artifacts):
    driver.set_window_size(420, 1000)
    driver.get(live_server + "/schulen?lang=ar&dates=2025-06-06,2025-10-02&state=NW")
    html = driver.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("dir") == "rtl"
    found = WebDriverWait(driver, 20).until(lambda d: rows(d))
    assert list(found) == ["2025-06-06", "2025-10-02"]
    assert found["2025-06-06"].get_attribute("data-conflict") == "leave"
    # narrow screens: the table becomes stacked blocks, nothing overflows sideways
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
    assert not severe_logs(driver)
    driver.save_screenshot(str(artifacts / "schulen-ar-narrow.png"))


def test_widget_land_switch_without_javascript_form(driver, live_server, artifacts):
    driver.set_window_size(420, 1100)
    driver.get(live_server + "/widget/2025/7?lang=de")
    WebDriverWait(driver, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#ik-widget[data-ik-ready]")))
    Select(driver.find_element(By.CSS_SELECTOR, ".ik-stateform select")).select_by_value("NW")
    driver.find_element(By.CSS_SELECTOR, ".ik-stateform button").click()
    WebDriverWait(driver, 20).until(lambda d: "state=NW" in d.current_url)
    cell = driver.find_element(By.CSS_SELECTOR, 'td[data-date="2025-07-14"]')
    assert "school-break-summer" in cell.get_attribute("data-holidays").split()
    cell.click()
    panel = WebDriverWait(driver, 5).until(EC.visibility_of_element_located((By.ID, "ik-day-2025-07-14")))
    assert "Sommerferien" in panel.text
    # month navigation by fetch keeps the Land
    driver.find_element(By.CSS_SELECTOR, 'a[rel="next"]').click()
    WebDriverWait(driver, 10).until(
        lambda d: (
            d.execute_script("var w = document.getElementById('ik-widget'); return w && w.getAttribute('data-month');")
            == "8"
        )
    )
    cell = driver.find_element(By.CSS_SELECTOR, 'td[data-date="2025-08-26"]')
    assert "school-break-summer" in cell.get_attribute("data-holidays").split()
    assert not severe_logs(driver)
    driver.save_screenshot(str(artifacts / "widget-state-nw.png"))
