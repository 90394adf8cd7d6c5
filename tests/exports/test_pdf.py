"""page.pdf and issue.pdf: the scan as the page image, and an invisible text layer whose
text (read back with poppler's pdftotext) is the page's OCR text, on the lines.

No OCR: the sample issue's committed pages through the writers (``archival.written_issue``)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from archival import PAGES, written_issue, written_page, written_page_folder
from newsprint.core.page import NewspaperPage, PageGeometry, Region, RegionType, TextLine
from newsprint.core.settings import OutputSettings
from newsprint.exports.alto import work_box
from newsprint.exports.pdf import ExportError, lines_in_reading_order, render_pdf

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def _poppler(tool: str, *args: str) -> str:
    run = subprocess.run([tool, *args], capture_output=True, text=True, check=True)
    return run.stdout


def _pdf_text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return _poppler("pdftotext", "-raw", "-enc", "UTF-8", *pages, str(path), "-")


def _ocr_text(page: NewspaperPage) -> str:
    return " ".join(" ".join(line.text.split()) for line in lines_in_reading_order(page))


@needs_poppler
@pytest.mark.parametrize("name", PAGES)
def test_pdftotext_gives_the_ocr_text(name: str) -> None:
    page = written_page(name)
    got, expected = _pdf_text(written_page_folder(name) / "page.pdf"), _ocr_text(page)
    assert len(expected) > 300
    if (page.language or "").startswith("zh"):
        # Runs on one baseline come out joined with a space; Chinese has no spaces to check.
        assert "".join(got.split()) == "".join(expected.split())
    else:
        assert got.split() == expected.split()


@needs_poppler
def test_issue_pdf_is_the_pages_in_order() -> None:
    path = written_issue() / "issue.pdf"
    assert re.search(r"^Pages:\s+2$", _poppler("pdfinfo", str(path)), re.MULTILINE)
    for number, name in enumerate(PAGES, start=1):
        got = "".join(_pdf_text(path, number).split())
        assert got == "".join(_ocr_text(written_page(name)).split())


@needs_poppler
def test_bitonal_page_is_ccitt_and_grey_page_is_jpeg() -> None:
    listing = {
        name: _poppler(
            "pdfimages", "-list", str(written_page_folder(name) / "page.pdf")
        ).splitlines()[2:]
        for name in PAGES
    }
    (zh,), (en,) = listing["zh-hans-4col-small"], listing["en-4col-bitonal"]
    assert zh.split()[5:9] == ["gray", "1", "8", "jpeg"]
    assert en.split()[5:9] == ["gray", "1", "1", "ccitt"]


@needs_poppler
@pytest.mark.parametrize("name", PAGES)
def test_text_lies_on_the_printed_lines(name: str) -> None:
    """Each word pdftotext finds lies in a recognised line's box on the deskewed page."""
    page = written_page(name)
    dpi = page.dpi[0]
    boxes = np.array([work_box(page, ln) for ln in lines_in_reading_order(page)]) * 72 / dpi
    html = _poppler("pdftotext", "-bbox", str(written_page_folder(name) / "page.pdf"), "-")
    words = [
        tuple(float(part.split('"')[1]) for part in line.split()[1:5])
        for line in html.splitlines()
        if line.strip().startswith("<word")
    ]
    assert len(words) > 50
    tol = 2.0
    inside = [
        bool(
            np.any(
                (boxes[:, 0] - tol <= x0)
                & (boxes[:, 1] - tol <= y0)
                & (x1 <= boxes[:, 2] + tol)
                & (y1 <= boxes[:, 3] + tol)
            )
        )
        for x0, y0, x1, y1 in words
    ]
    assert all(inside)


# --- a hand-made colour page ----------------------------------------------------------


def _colour_page() -> NewspaperPage:
    rng = np.random.default_rng(3)
    image = rng.integers(0, 255, (400, 600, 3), dtype=np.uint8)
    line = TextLine(text="Harbour 城市", confidence=0.9, bbox=(50, 50, 350, 90))
    region = Region(id="r1", type=RegionType.TEXT, bbox=(50, 50, 350, 90), lines=[line])
    return NewspaperPage(
        source="/scans/colour.jpg",
        sha256="cd" * 32,
        width=600,
        height=400,
        dpi=(150.0, 150.0),
        mode="RGB",
        geometry=PageGeometry(work_size=(600, 400)),
        regions=[region],
        image=image,
    )


@needs_poppler
def test_colour_scan_stays_colour_at_its_size(tmp_path: Path) -> None:
    path = tmp_path / "page.pdf"
    path.write_bytes(render_pdf(_colour_page(), OutputSettings()))
    (image,) = _poppler("pdfimages", "-list", str(path)).splitlines()[2:]
    assert image.split()[3:9] == ["600", "400", "rgb", "3", "8", "jpeg"]
    assert re.search(r"^Page size:\s+288 x 192 pts", _poppler("pdfinfo", str(path)), re.MULTILINE)
    assert _pdf_text(path).split() == ["Harbour", "城市"]


@needs_poppler
def test_a_page_read_from_an_enlarged_working_image_keeps_the_scans_size(tmp_path: Path) -> None:
    # Small type is laid out on the scan enlarged (ocr.detect): the PDF is
    # still the printed page's size, its text where the scan has it.
    page = _colour_page()
    page.geometry = PageGeometry(work_size=(600, 400)).enlarged(2)
    page.regions[0].lines[0].work_bbox = (100.0, 100.0, 700.0, 180.0)
    path = tmp_path / "page.pdf"
    path.write_bytes(render_pdf(page, OutputSettings()))
    assert re.search(r"^Page size:\s+288 x 192 pts", _poppler("pdfinfo", str(path)), re.MULTILINE)
    # The image is the scan's, not an enlarged copy of it.
    (image,) = _poppler("pdfimages", "-list", str(path)).splitlines()[2:]
    assert image.split()[3:5] == ["600", "400"]
    words = _poppler("pdftotext", "-bbox", str(path), "-")
    first = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"', words)
    assert first is not None
    # 50 scan pixels at 150 dpi are 24 points.
    assert float(first.group(1)) == pytest.approx(24, abs=3)
    assert float(first.group(2)) == pytest.approx(24, abs=6)


def test_missing_font_is_a_clear_error(tmp_path: Path) -> None:
    settings = OutputSettings(pdf_font=tmp_path / "nofont.ttf")
    with pytest.raises(ExportError, match=r"nofont\.ttf"):
        render_pdf(_colour_page(), settings)


def test_page_without_image_is_a_clear_error() -> None:
    page = _colour_page().model_copy(update={"image": None, "work_image": None})
    with pytest.raises(ExportError, match=r"colour\.jpg"):
        render_pdf(page, OutputSettings())
