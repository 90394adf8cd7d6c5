"""PDF scans through pypdfium2: a page's single embedded scan image, else a 300-dpi render."""

from __future__ import annotations

import logging
import math
import threading
from pathlib import Path
from typing import Any, BinaryIO

from newsprint.core.errors import ScanError
from newsprint.scans.convert import to_array
from newsprint.scans.decoded import DecodedPage, clean_dpi
from newsprint.scans.raster import check_page_index, check_pixels
from PIL import Image

try:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
except ImportError:  # PDF support is optional
    pdfium = None
    pdfium_c = None

log = logging.getLogger(__name__)

RENDER_DPI = 300
POINTS_PER_INCH = 72.0
MIN_COVERAGE = 0.9
"""An embedded image is the scan when it spans this much of the page both ways."""
ROTATE_CLOCKWISE = {
    90: Image.Transpose.ROTATE_270,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}
_PDFIUM_LOCK = threading.Lock()
"""PDFium is not thread-safe; one document at a time per process."""


def pdf_supported() -> bool:
    """True when pypdfium2 is installed, so PDF scans can be read."""
    return pdfium is not None


def load_pdf_pages(stream: BinaryIO, path: Path, max_pixels: int) -> list[DecodedPage]:
    """Decode every page of a PDF; refuse oversized pages before rasterising them."""
    if pdfium is None:
        raise ScanError(path, "PDF scans need the pypdfium2 package, which is not installed")
    with _PDFIUM_LOCK:
        document = _open_document(stream, path)
        try:
            count = len(document)
            if count == 0:
                raise ScanError(path, "PDF has no pages")
            return [_decode_page(document, i, count, path, max_pixels) for i in range(count)]
        finally:
            document.close()


def count_pdf_pages(stream: BinaryIO, path: Path) -> int:
    """The number of pages of a PDF, without rasterising any."""
    if pdfium is None:
        raise ScanError(path, "PDF scans need the pypdfium2 package, which is not installed")
    with _PDFIUM_LOCK:
        document = _open_document(stream, path)
        try:
            count = len(document)
        finally:
            document.close()
    if count == 0:
        raise ScanError(path, "PDF has no pages")
    return count


def load_pdf_page(
    stream: BinaryIO, path: Path, max_pixels: int, index: int
) -> tuple[DecodedPage, int]:
    """Decode (or render) page ``index`` only; return it with the page count."""
    if pdfium is None:
        raise ScanError(path, "PDF scans need the pypdfium2 package, which is not installed")
    with _PDFIUM_LOCK:
        document = _open_document(stream, path)
        try:
            count = len(document)
            if count == 0:
                raise ScanError(path, "PDF has no pages")
            check_page_index(path, index, count)
            return _decode_page(document, index, count, path, max_pixels), count
        finally:
            document.close()


def _open_document(stream: BinaryIO, path: Path) -> Any:
    stream.seek(0)
    try:
        return pdfium.PdfDocument(stream, autoclose=False)
    except pdfium.PdfiumError as exc:
        text = str(exc)
        if "password" in text.lower():
            raise ScanError(path, "PDF is password-protected") from None
        raise ScanError(path, f"damaged or unreadable PDF ({text})") from None


def _decode_page(document: Any, index: int, count: int, path: Path, max_pixels: int) -> DecodedPage:
    where = f"page {index + 1} of {count}: " if count > 1 else ""
    try:
        page = document[index]
    except pdfium.PdfiumError as exc:  # a damaged page tree (/Kids)
        raise ScanError(path, f"{where}damaged PDF page ({exc})") from None
    try:
        scan = _single_scan_image(page)
        if scan is not None:
            return _extract_scan_image(scan, page, path, max_pixels)
        return _render_page(page, path, max_pixels)
    except ScanError as exc:
        raise ScanError(path, where + exc.reason) from exc
    except Exception as exc:  # PdfiumError and friends
        raise ScanError(path, f"{where}cannot rasterise PDF page ({exc})") from exc
    finally:
        page.close()


def _single_scan_image(page: Any) -> Any | None:
    """The page's only image, when nothing else visible is drawn and it fills the page."""
    images, others = [], 0
    for obj in page.get_objects(max_depth=1):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images.append(obj)
        elif not _is_invisible_text(obj):
            others += 1
    if len(images) != 1 or others:
        return None
    image = images[0]
    return image if _is_upright(image) and _fills_page(image, page) else None


def _is_invisible_text(obj: Any) -> bool:
    """OCR text layers of searchable scans are drawn invisibly over the image."""
    if obj.type != pdfium_c.FPDF_PAGEOBJ_TEXT:
        return False
    mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
    return mode == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE


def _is_upright(image: Any) -> bool:
    a, b, c, d, _, _ = image.get_matrix().get()
    straight = math.isclose(b, 0.0, abs_tol=1e-6) and math.isclose(c, 0.0, abs_tol=1e-6)
    return a > 0 and d > 0 and straight


def _fills_page(image: Any, page: Any) -> bool:
    left, bottom, right, top = image.get_bounds()
    width, height = page.get_size()  # turned by /Rotate; the image bounds are not
    if page.get_rotation() in (90, 270):
        width, height = height, width
    return right - left >= MIN_COVERAGE * width and top - bottom >= MIN_COVERAGE * height


def _extract_scan_image(image: Any, page: Any, path: Path, max_pixels: int) -> DecodedPage:
    check_pixels(path, image.get_px_size(), max_pixels)
    metadata = image.get_metadata()
    picture = image.get_bitmap(render=False).to_pil()
    rotation = page.get_rotation()
    if rotation in ROTATE_CLOCKWISE:
        picture = picture.transpose(ROTATE_CLOCKWISE[rotation])
    dpi = clean_dpi((metadata.horizontal_dpi, metadata.vertical_dpi), rotation in (90, 270))
    return DecodedPage(image=to_array(picture), mode=_stored_mode(metadata, picture), dpi=dpi)


def _stored_mode(metadata: Any, picture: Image.Image) -> str:
    if metadata.bits_per_pixel == 1:
        return "1"
    if metadata.colorspace == pdfium_c.FPDF_COLORSPACE_DEVICECMYK:
        return "CMYK"
    return picture.mode


def _render_page(page: Any, path: Path, max_pixels: int) -> DecodedPage:
    scale = RENDER_DPI / POINTS_PER_INCH
    width, height = page.get_size()  # already turned by the page's /Rotate, as the render is
    check_pixels(path, (math.ceil(width * scale), math.ceil(height * scale)), max_pixels)
    picture = page.render(scale=scale).to_pil()
    log.debug("%s: rendered PDF page at %d dpi", path, RENDER_DPI)
    return DecodedPage(image=to_array(picture), mode=picture.mode, dpi=(RENDER_DPI, RENDER_DPI))
