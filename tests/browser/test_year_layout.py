"""The year page's two-column holiday list: no item overlaps another at phone, tablet and desktop widths.

Long unbreakable words (German compounds, URLs in a name) used to run out of
their column into the next one. The test serves the shipped catalogue plus one
holiday with such a name and measures, in headless Chromium, the boxes of
every line of text of every list item (``Range.getClientRects``): no two
items may share a pixel, and no line may stick out of the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support_http import ARTIFACTS, SHIPPED_CATALOGUE, chromium, start_serve, stop

LONG_DE = "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetztag"
LONG_URL = "https://www.example.org/kalender/sehr-langer-pfad-ohne-leerzeichen-der-nicht-umbrechen-will"
EXTRA = f"""
  - id: layout-long-name
    tradition: international
    names: {{de: {LONG_DE} {LONG_URL}, en: {LONG_DE} {LONG_URL}, ar: "يوم {LONG_DE} {LONG_URL}"}}
    description:
      de: Testeintrag mit einem sehr langen Namen.
      en: Test entry with a very long name.
    rule: 03-15
    category: observance
    sources: [{{publisher: "Test", title: "test fixture"}}]
"""

#: For every list item, the rectangles of its lines of text and its own box; pairs that share area,
#: lines outside their item's box, and lines outside the page.
MEASURE = """
const items = [...document.querySelectorAll('.ik-year-list > li')];
const boxes = items.map(li => { const r = document.createRange(); r.selectNodeContents(li);
  return [...r.getClientRects()].filter(b => b.width > 0 && b.height > 0)
    .map(b => [b.left, b.top, b.right, b.bottom]); });
const overlaps = [];
for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
  for (const a of boxes[i]) for (const b of boxes[j]) {
    if (Math.min(a[2], b[2]) - Math.max(a[0], b[0]) > 0.5 && Math.min(a[3], b[3]) - Math.max(a[1], b[1]) > 0.5)
      overlaps.push([items[i].textContent.slice(0, 60), items[j].textContent.slice(0, 60)]);
  }
}
const spill = [];  // a line of an item reaching out of the item's own box (into the next column)
items.forEach((li, i) => { const own = li.getBoundingClientRect();
  if (boxes[i].some(b => b[0] < own.left - 0.5 || b[2] > own.right + 0.5)) spill.push(li.textContent.slice(0, 60)); });
for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
  const a = items[i].getBoundingClientRect(), b = items[j].getBoundingClientRect();
  if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5)
    overlaps.push([items[i].textContent.slice(0, 60), items[j].textContent.slice(0, 60)]);
}
const width = document.documentElement.clientWidth;
const outside = boxes.flat().filter(b => b[0] < -0.5 || b[2] > width + 0.5).length;
return {count: items.length, overlaps: overlaps.slice(0, 5), outside: outside, spill: spill,
        columns: new Set(items.map(li => Math.round(li.getBoundingClientRect().left))).size};
"""


@pytest.fixture(scope="module")
def long_name_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("layout")
    catalogue = root / "holidays.yaml"
    catalogue.write_text(SHIPPED_CATALOGUE.read_text(encoding="utf-8").rstrip("\n") + "\n" + EXTRA, encoding="utf-8")
    proc, base = start_serve(root / "server.log", "--catalogue", str(catalogue))
    try:
        yield base
    finally:
        stop(proc)


@pytest.mark.parametrize("lang", ["de", "ar", "fa", "uk"])
@pytest.mark.parametrize("width", [320, 768, 1280])
def test_year_list_items_never_overlap(browser_available, long_name_server, lang, width):
    with chromium(window_size=f"{width},900") as drv:
        drv.get(f"{long_name_server}/year/2026?lang={lang}&category=all")
        result = drv.execute_script(MEASURE)
        ARTIFACTS.mkdir(exist_ok=True)
        drv.save_screenshot(str(Path(ARTIFACTS) / f"year-list-{lang}-{width}.png"))
    assert result["count"] > 100  # the whole year, with the long entry
    assert result["overlaps"] == [], result["overlaps"]
    assert result["spill"] == [], result["spill"]
    assert result["outside"] == 0
    if width >= 768:
        assert result["columns"] == 2  # still the two-column list the page is designed as
