"""The subscribe page and the embed builder update in place with JavaScript (and reload without it)."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.usefixtures("browser_available")


def test_subscribe_links_follow_the_choice_without_a_reload(driver, live_server):
    driver.get(live_server + "/subscribe?lang=de")
    driver.execute_script("window.__stay = 1;")
    webcal = "return document.querySelector('[data-ik-link=\"webcal\"]').getAttribute('href')"
    assert "tradition=" not in driver.execute_script(webcal)
    driver.find_element(By.CSS_SELECTOR, 'input[name="tradition"][value="islam"]').click()
    WebDriverWait(driver, 10).until(lambda d: "/feeds/islam.ics" in d.execute_script(webcal))
    driver.find_element(By.CSS_SELECTOR, 'input[name="tradition"][value="alevi"]').click()
    WebDriverWait(driver, 10).until(lambda d: "tradition=islam,alevi" in d.execute_script(webcal))
    assert driver.execute_script(webcal).startswith("webcal://")
    qr = driver.execute_script("return document.querySelector('[data-ik-link=\"qr\"]').getAttribute('src')")
    assert "tradition=islam" in qr and "alevi" in qr
    assert driver.execute_script("return window.__stay") == 1  # no reload
    assert "tradition=islam" in driver.execute_script("return location.search")


def test_embed_builder_updates_preview_and_snippets(driver, live_server):
    driver.get(live_server + "/embed?lang=de")
    driver.execute_script("window.__stay = 1;")
    accent = driver.find_element(By.ID, "ik-b-accent")
    accent.send_keys("004b87")
    preview = "return document.querySelector('[data-ik-preview]').getAttribute('src')"
    WebDriverWait(driver, 10).until(lambda d: "accent=004b87" in d.execute_script(preview))
    driver.find_element(By.CSS_SELECTOR, 'input[name="theme"][value="dark"]').click()
    WebDriverWait(driver, 10).until(lambda d: "theme=dark" in d.execute_script(preview))
    script = driver.find_element(By.CSS_SELECTOR, '[data-ik-snippet="script"]').text
    assert 'data-accent="004b87"' in script and 'data-theme="dark"' in script and script.startswith("<script src=")
    iframe = driver.find_element(By.CSS_SELECTOR, '[data-ik-snippet="iframe"]').text
    assert "accent=004b87" in iframe and "theme=dark" in iframe
    # an invalid colour leaves the preview as it was (the field is marked)
    accent.clear()  # empty: the default accent, a valid choice
    WebDriverWait(driver, 5).until(lambda d: "accent=" not in d.execute_script(preview))
    before = driver.execute_script(preview)
    accent.send_keys("zz")
    WebDriverWait(driver, 5).until(
        lambda d: "is-invalid" in d.find_element(By.CSS_SELECTOR, "[data-ik-builder]").get_attribute("class")
    )
    assert driver.execute_script(preview) == before and "theme=dark" in before
    assert driver.execute_script("return window.__stay") == 1
