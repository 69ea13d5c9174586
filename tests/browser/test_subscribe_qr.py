"""The subscribe page's QR code, as a phone camera sees it: rendered by Chromium, decoded by zxing-cpp."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlsplit

import pytest
import zxingcpp
from PIL import Image

pytestmark = pytest.mark.usefixtures("browser_available")


@pytest.mark.parametrize("query", ["lang=tr&tradition=islam,alevi", "lang=de&tradition=judaism&jewish=israel&state=NW"])
def test_qr_code_decodes_to_the_subscribe_page_of_the_same_choice(driver, live_server, query):
    driver.get(f"{live_server}/subscribe/qr.svg?{query}")
    png = driver.get_screenshot_as_png()
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert [code.format.name for code in found] == ["QRCode"]
    decoded = found[0].text
    # the subscribe page for this choice, on the service's own address, with the language named
    assert decoded.startswith(f"{live_server}/subscribe?")
    wanted = parse_qs(query)
    got = parse_qs(urlsplit(decoded).query)
    assert {k: ",".join(v) for k, v in got.items()} == {k: ",".join(v) for k, v in wanted.items()}
    # and that page answers with the links for it
    driver.get(decoded)
    assert driver.find_element("css selector", '[data-ik-link="webcal"]').get_attribute("href").startswith("webcal://")
