"""/year/<y>.pdf, /month/<y>/<m>.pdf, /schoolyear/<y>.pdf: A4, fonts embedded, every script's text there."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader


def _renderer_missing() -> str | None:
    """Why WeasyPrint cannot render here (no Pango, no Noto fonts), or None."""
    try:
        import weasyprint  # noqa: F401
    except OSError as exc:  # Pango missing
        return f"WeasyPrint cannot load its libraries: {exc}"
    if shutil.which("fc-list") is None:
        return "fontconfig is missing"
    found = subprocess.run(["fc-list", ":lang=ar", "family"], capture_output=True, text=True).stdout
    if "Noto" not in found:
        return "Debian's fonts-noto-core is not installed"
    return None


_MISSING = _renderer_missing()
if _MISSING and os.environ.get("CI") == "true":
    raise RuntimeError(f"the PDF tests need their system packages under CI: {_MISSING}")
pytestmark = pytest.mark.skipif(bool(_MISSING), reason=_MISSING or "")

A4 = (595.28, 841.89)  # ISO 216: 210 mm x 297 mm in PostScript points


def pdf(client, url: str) -> PdfReader:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/pdf"
    return PdfReader(io.BytesIO(response.data))


def size(reader: PdfReader) -> tuple[float, float]:
    box = reader.pages[0].mediabox
    return float(box.width), float(box.height)


def text(reader: PdfReader) -> str:
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() or "" for page in reader.pages))


def fonts(reader: PdfReader) -> list[tuple[str, bool]]:
    """(font name, whether its program is embedded) for every font the pages use."""
    out = []
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            out.append((str(font.get("/BaseFont")), embedded))
    return out


def contains(haystack: str, word: str) -> bool:
    """``word`` in the extracted text, in either reading order (right-to-left text may come reversed)."""
    squashed = "".join(haystack.split())
    needle = "".join(unicodedata.normalize("NFKC", word).split())
    return needle in squashed or needle[::-1] in squashed


def test_year_pdf_is_a4_landscape_with_embedded_fonts(client):
    reader = pdf(client, "/year/2025.pdf?lang=de")
    width, height = size(reader)
    assert (round(width, 1), round(height, 1)) == (round(A4[1], 1), round(A4[0], 1))
    used = fonts(reader)
    assert used and all(embedded for _name, embedded in used), used
    body = text(reader)
    assert "2025" in body and contains(body, "Ostersonntag") and contains(body, "Ramadanfest")


def test_month_pdf_is_a4_portrait_in_turkish(client):
    reader = pdf(client, "/month/2025/3.pdf?lang=tr")
    width, height = size(reader)
    assert (round(width, 1), round(height, 1)) == (round(A4[0], 1), round(A4[1], 1))
    body = text(reader)
    assert contains(body, "Ramazan Bayramı") and contains(body, "Mart 2025")
    assert all(embedded for _name, embedded in fonts(reader))


def test_arabic_pdf_has_the_arabic_names(client):
    body = text(pdf(client, "/month/2025/3.pdf?lang=ar"))
    assert contains(body, "عيد الفطر")
    assert contains(body, "2025")


def test_school_year_runs_august_to_july(client):
    reader = pdf(client, "/schoolyear/2025.pdf?lang=de&state=NW")
    width, _height = size(reader)
    assert round(width, 1) == round(A4[1], 1)
    body = text(reader)
    assert contains(body, "Schuljahr") and contains(body, "August") and contains(body, "Juli")
    # NRW's autumn holidays 2025 (13-25 October) and Christmas 2025 are in it; Easter 2025 is not
    assert contains(body, "Herbstferien") and contains(body, "Weihnachtsferien")


@pytest.mark.parametrize(
    "url", ["/month/2025/13.pdf", "/year/1800.pdf", "/schoolyear/2100.pdf", "/year/2025.pdf?lang=xx"]
)
def test_bad_pdf_requests_are_a_400(client, url):
    assert client.get(url).status_code == 400


def test_export_writes_pdfs_and_csv_and_links_them(tmp_path, catalogue):
    from datetime import date

    from interkultur.web.export import export_site

    report = export_site(
        tmp_path / "site",
        years=range(2025, 2026),
        languages=["tr"],
        catalogue=catalogue,
        today=date(2025, 3, 30),
        pdf=True,
    )
    root = report.directory
    assert report.files["pdf"] == 13 and report.files["csv"] == 2
    month = PdfReader(root / "tr" / "month" / "2025" / "03.pdf")
    assert contains(text(month), "Ramazan Bayramı")
    assert (root / "tr" / "year" / "2025.pdf").read_bytes().startswith(b"%PDF")
    rows = (root / "tr" / "holidays" / "2025.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0] == "id,tradition,name,start,end,eve,estimated,category" and len(rows) > 100
    assert 'href="../../month/2025/03.pdf"' in (root / "tr" / "widget" / "2025" / "03.html").read_text("utf-8")
    year_page = (root / "tr" / "year" / "2025.html").read_text("utf-8")
    assert 'href="2025.pdf"' in year_page and 'href="../holidays/2025-excel.csv"' in year_page


def test_native_scripts_get_their_own_fonts(client):
    # January 2025: Chinese New Year (29 January, native name 春节); October 2025: Diwali (दिवाली)
    january = pdf(client, "/month/2025/1.pdf?lang=de&category=all")
    names = {name.split("+")[-1] for name, _embedded in fonts(january)}
    assert any("CJK" in name for name in names), names  # not boxes: a font that has the glyphs
    assert contains(text(january), "春节")
    october = pdf(client, "/month/2025/10.pdf?lang=de&category=all")
    assert any("Devanagari" in name.split("+")[-1] for name, _embedded in fonts(october))
