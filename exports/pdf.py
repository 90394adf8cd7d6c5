"""``page.pdf`` and ``issue.pdf``: the straightened scan with an invisible text layer.

The visible page is the scan deskewed and turned upright (from the scan's own
colour, not the grey working image), compressed the way OCRmyPDF and img2pdf
do: JPEG for grey and colour, CCITT Group 4 for a bitonal scan. Over it lies
the recognised text in render mode 3 (invisible), one text run per line,
scaled (font size to the line's height, horizontal scaling ``Tz`` to its
width) so that selecting and searching in a viewer hit the printed words.
Lines are written in reading order, articles first, so ``pdftotext -raw``
gives the articles' text.

The text is set in a glyphless font built for the page (``exports.glyphless``,
as Tesseract's and OCRmyPDF's "GlyphLessFont"): empty glyphs with the page's
characters and plausible widths, so nothing big is parsed or subset. With
``output.pdf_font`` set, that real font is embedded (subset) instead. fpdf2
writes the PDF (the font embedded with a ``ToUnicode`` map, so Chinese and
English both extract); pypdfium2 joins page PDFs into ``issue.pdf`` without
decoding their images again.
"""

from __future__ import annotations

import io
import logging
import tempfile
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from fpdf import FPDF
from fpdf.enums import TextMode
from newsprint.core.errors import NewsprintError
from newsprint.core.page import NewspaperPage, TextDirection, TextLine
from newsprint.core.settings import OutputSettings
from newsprint.exports.alto import article_block_order, document_order, work_box
from newsprint.exports.atomic import atomic_write_bytes
from newsprint.exports.glyphless import glyphless_font
from PIL import Image

log = logging.getLogger(__name__)

PAGE_PDF = "page.pdf"
ISSUE_PDF = "issue.pdf"
DEFAULT_DPI = 300.0
"""Assumed when a scan records no resolution (as OCRmyPDF's ``--image-dpi``)."""
_FONT = "textlayer"
_BITONAL_THRESHOLD = 128


class ExportError(NewsprintError):
    """An output cannot be written: the message names the page and the reason."""


def write_pdf(page: NewspaperPage, folder: Path, settings: OutputSettings) -> Path:
    """Write ``folder/page.pdf`` atomically and return its path."""
    return atomic_write_bytes(Path(folder) / PAGE_PDF, render_pdf(page, settings))


def render_pdf(page: NewspaperPage, settings: OutputSettings) -> bytes:
    """The searchable PDF of one page, as bytes."""
    image = deskewed_image(page)
    # Points per working-image pixel: the working image may be the scan
    # enlarged, and the image is drawn at the scan's own resolution.
    scale = 72.0 / _dpi(page) * page.geometry.scan_per_work()
    width, height = page.geometry.work_size
    if not width or not height:
        height, width = image.shape[:2]
    pdf = FPDF(unit="pt", format=(width * scale, height * scale))
    pdf.set_creator("newsprint")
    pdf.set_producer("newsprint (fpdf2)")
    pdf.set_title(Path(page.source).name)
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.add_page()
    pdf.image(
        _encoded(image, page.mode, settings.pdf_jpeg_quality), 0, 0, width * scale, height * scale
    )
    lines = [(line, " ".join(line.text.split())) for line in lines_in_reading_order(page)]
    # fpdf2 reads a font from a file, and lazily: the file must outlive pdf.output().
    with tempfile.TemporaryDirectory(prefix="newsprint-pdf-") as folder:
        chars = "".join(text for _, text in lines)
        pdf.add_font(_FONT, fname=str(_text_layer_font(settings.pdf_font, chars, Path(folder))))
        pdf.text_mode = TextMode.INVISIBLE
        vertical = _vertical_lines(page)
        for line, text in lines:
            if id(line) in vertical:
                _place_vertical_line(pdf, page, line, text, scale)
            else:
                _place_line(pdf, page, line, text, scale)
        try:
            return bytes(pdf.output())
        finally:
            for font in pdf.fonts.values():
                if hasattr(font, "ttfont"):
                    font.ttfont.close()


def lines_in_reading_order(page: NewspaperPage) -> list[TextLine]:
    """Every recognised line: running head, the articles in reading order, then the rest."""
    orders = {a.id: article_block_order(page, a) for a in page.articles}
    return [line for region in document_order(page, orders) for line in region.lines]


def deskewed_image(page: NewspaperPage) -> np.ndarray:
    """The scan turned upright and deskewed in its own colours, at the scan's
    resolution (the working image's pixels, or the scan's where the working
    image is the scan enlarged: an enlarged copy would add pixels, no detail)."""
    geometry = page.geometry
    if geometry.is_enlarged():
        geometry = geometry.enlarged(geometry.scan_per_work())
    width, height = geometry.work_size
    if page.image is not None and width > 0 and height > 0:
        image = np.asarray(page.image)
        if image.dtype != np.uint8:
            image = np.clip(image, 0, 255).astype(np.uint8)
        paper = tuple(float(v) for v in np.median(image[::7, ::7].reshape(-1, _channels(image)), 0))
        return geometry.scan_into_work(image, cv2.INTER_LINEAR, paper)
    if page.work_image is not None:
        return np.asarray(page.work_image)
    raise ExportError(f"{page.source}: no image in memory to make the PDF from")


def _channels(image: np.ndarray) -> int:
    return 1 if image.ndim == 2 else image.shape[2]


def _dpi(page: NewspaperPage) -> float:
    if page.dpi and page.dpi[0] and page.dpi[0] > 1:
        return float(page.dpi[0])
    log.info("%s: no resolution recorded; the PDF assumes %d dpi", page.source, DEFAULT_DPI)
    return DEFAULT_DPI


def _encoded(image: np.ndarray, mode: str | None, quality: int) -> Image.Image | io.BytesIO:
    """A bitonal scan as a 1-bit image (fpdf2 encodes it CCITT G4); others as JPEG bytes
    (fpdf2 embeds them as they are, DCTDecode)."""
    if image.ndim == 3 and image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_RGBA2RGB)
    if mode == "1":
        grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
        return Image.fromarray(grey >= _BITONAL_THRESHOLD).convert("1")
    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, format="JPEG", quality=quality, optimize=True)
    buffer.seek(0)
    return buffer


def _text_layer_font(configured: Path | None, chars: str, folder: Path) -> Path:
    """``output.pdf_font`` if set, else a glyphless font for ``chars`` written in ``folder``."""
    if configured is not None:
        return text_font(configured)
    path = folder / "glyphless.ttf"
    path.write_bytes(glyphless_font(chars))
    return path


def text_font(configured: Path) -> Path:
    """``output.pdf_font``, checked: a real font to embed instead of the glyphless one."""
    if not Path(configured).is_file():
        raise ExportError(f"output.pdf_font {configured}: no such font file")
    return Path(configured)


def _place_line(pdf: FPDF, page: NewspaperPage, line: TextLine, text: str, scale: float) -> None:
    x0, y0, x1, y1 = (v * scale for v in work_box(page, line))
    if not text or x1 <= x0 or y1 <= y0:
        return
    # Size the font so its ascent-to-descent span fills the line box: viewers and
    # pdftotext then put each selected word exactly on the printed line.
    ascent, descent = _font_extent(pdf)
    size = max(1.0, (y1 - y0) / (ascent - descent))
    pdf.set_font(_FONT, size=size)
    # fpdf2 measures with the current horizontal scaling; undo it to get the natural width.
    natural = pdf.get_string_width(text) * 100.0 / pdf.font_stretching
    if natural <= 0:
        return
    pdf.set_stretching(100.0 * (x1 - x0) / natural)
    pdf.text(x0, y0 + ascent * size, text)


def _vertical_lines(page: NewspaperPage) -> set[int]:
    """The ``id`` of every line of a region read top to bottom."""
    return {
        id(line)
        for region in page.regions
        if region.direction == TextDirection.VERTICAL_RL
        for line in region.lines
    }


def _place_vertical_line(
    pdf: FPDF, page: NewspaperPage, line: TextLine, text: str, scale: float
) -> None:
    """A line read top to bottom: each character set on its own, in its share of
    the line's height, one after another down the line (the order a viewer
    selects them in and ``pdftotext -raw`` gives them in)."""
    x0, y0, x1, y1 = (v * scale for v in work_box(page, line))
    chars = [ch for ch in text if not ch.isspace()]
    if not chars or x1 <= x0 or y1 <= y0:
        return
    ascent, descent = _font_extent(pdf)
    step = (y1 - y0) / len(chars)
    size = max(1.0, min(step, x1 - x0) / (ascent - descent))
    pdf.set_font(_FONT, size=size)
    for i, char in enumerate(chars):
        natural = pdf.get_string_width(char) * 100.0 / pdf.font_stretching
        if natural <= 0:
            continue
        pdf.set_stretching(100.0 * (x1 - x0) / natural)
        pdf.text(x0, y0 + i * step + ascent * size, char)


def _font_extent(pdf: FPDF) -> tuple[float, float]:
    """Ascent and descent (negative) of the text-layer font, in ems."""
    if pdf.font_family != _FONT.lower():
        pdf.set_font(_FONT, size=10)
    desc = pdf.current_font.desc
    return desc.ascent / 1000.0, min(-0.01, desc.descent / 1000.0)


def merge_pdfs(paths: list[Path]) -> bytes:
    """The pages of several PDFs, in order, as one PDF (images and fonts copied as they are)."""
    merged = pdfium.PdfDocument.new()
    try:
        for path in paths:
            source = pdfium.PdfDocument(str(path))
            try:
                merged.import_pages(source)
            finally:
                source.close()
        buffer = io.BytesIO()
        merged.save(buffer)
        return buffer.getvalue()
    finally:
        merged.close()


def write_merged_pdf(paths: list[Path], target: Path) -> Path:
    """Write ``target`` (e.g. ``issue.pdf``) atomically from the page PDFs in ``paths``."""
    return atomic_write_bytes(Path(target), merge_pdfs(paths))
