"""Decoding raster scans (JPEG, PNG, TIFF, JPEG 2000...) with Pillow."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from newsprint.core.errors import ScanError
from newsprint.scans.convert import to_array
from newsprint.scans.decoded import DecodedPage, clean_dpi
from newsprint.scans.sniff import describe_unreadable
from PIL import ExifTags, Image, ImageFile, ImageOps, UnidentifiedImageError

log = logging.getLogger(__name__)

RASTER_FORMATS = ("JPEG", "PNG", "TIFF", "JPEG2000", "BMP", "GIF", "WEBP", "PPM")
"""Decoders tried, whatever the file name says; exotic ones (EPS...) are never used."""
MULTI_PAGE_FORMATS = frozenset({"TIFF"})
QUARTER_TURN_ORIENTATIONS = frozenset({5, 6, 7, 8})
_PILLOW_LIMIT_LOCK = threading.Lock()


def load_raster_pages(stream: BinaryIO, path: Path, max_pixels: int) -> list[DecodedPage]:
    """Decode every page of an image file; refuse oversized pages before decoding them."""
    with pillow_pixel_limit(max_pixels), _open_image(stream, path, max_pixels) as image:
        count = _page_count(image, path)
        return [_decode_page(image, index, count, path, max_pixels) for index in range(count)]


def count_raster_pages(stream: BinaryIO, path: Path, max_pixels: int) -> int:
    """The number of pages, from the headers alone (no pixel is decoded); a page
    that declares more than ``max_pixels`` is refused here already."""
    with pillow_pixel_limit(max_pixels), _open_image(stream, path, max_pixels) as image:
        count = _page_count(image, path)
        for index in range(count):
            where = f"page {index + 1} of {count}: " if count > 1 else ""
            try:
                image.seek(index)
                check_pixels(path, image.size, max_pixels)
            except ScanError as exc:
                raise ScanError(path, where + exc.reason) from None
            except Exception as exc:  # a damaged directory of a multi-page TIFF
                raise ScanError(path, where + _decode_failure(exc, image.format)) from exc
        return count


def load_raster_page(
    stream: BinaryIO, path: Path, max_pixels: int, index: int
) -> tuple[DecodedPage, int]:
    """Decode page ``index`` only (a TIFF's other pages are skipped by their
    headers); return it with the file's page count."""
    with pillow_pixel_limit(max_pixels), _open_image(stream, path, max_pixels) as image:
        count = _page_count(image, path)
        check_page_index(path, index, count)
        return _decode_page(image, index, count, path, max_pixels), count


def check_page_index(path: Path, index: int, count: int) -> None:
    if not 0 <= index < count:
        raise ScanError(path, f"has {count} page(s), no page {index + 1}")


@contextmanager
def pillow_pixel_limit(max_pixels: int) -> Iterator[None]:
    """Let ``ScanSettings.max_pixels`` decide instead of Pillow's smaller default guard.

    ``Image.MAX_IMAGE_PIXELS`` is process-wide: it is raised (never lowered) only
    while one scan decodes, under a lock, and restored afterwards.
    """
    with _PILLOW_LIMIT_LOCK:
        saved = Image.MAX_IMAGE_PIXELS
        if saved is not None and saved < max_pixels:
            Image.MAX_IMAGE_PIXELS = max_pixels
        try:
            yield
        finally:
            Image.MAX_IMAGE_PIXELS = saved


def check_pixels(path: Path, size: tuple[int, int], max_pixels: int) -> None:
    """Refuse a page whose declared size is over the pixel limit (a decompression bomb)."""
    width, height = size
    if width <= 0 or height <= 0:
        raise ScanError(path, f"image declares an empty size {width}x{height}")
    if width * height > max_pixels:
        raise ScanError(
            path,
            f"image declares {width}x{height} = {width * height} pixels, over the "
            f"{max_pixels}-pixel limit (refused before decoding)",
        )


def _open_image(stream: BinaryIO, path: Path, max_pixels: int) -> ImageFile.ImageFile:
    try:
        return Image.open(stream, formats=RASTER_FORMATS)
    except Image.DecompressionBombError as exc:
        raise ScanError(path, _bomb_reason(exc, max_pixels)) from None
    except UnidentifiedImageError:
        stream.seek(0)
        raise ScanError(path, describe_unreadable(stream.read(1024))) from None
    except Exception as exc:  # a decoder's header parser can raise almost anything
        raise ScanError(path, f"damaged image header ({_exception_text(exc)})") from exc


def _bomb_reason(exc: Image.DecompressionBombError, max_pixels: int) -> str:
    declared = re.search(r"\((\d+) pixels\)", str(exc))
    size = f"{declared.group(1)} pixels" if declared else "too many pixels"
    return f"image declares {size}, over the {max_pixels}-pixel limit (refused before decoding)"


def _page_count(image: ImageFile.ImageFile, path: Path) -> int:
    if image.format not in MULTI_PAGE_FORMATS:
        return 1
    try:
        # Counting walks every page directory of a TIFF: a damaged one
        # raises whatever its tag parser meets (TypeError, KeyError...).
        return max(1, int(getattr(image, "n_frames", 1)))
    except Exception as exc:
        raise ScanError(path, f"damaged page directory ({_exception_text(exc)})") from exc


def _decode_page(
    image: ImageFile.ImageFile, index: int, count: int, path: Path, max_pixels: int
) -> DecodedPage:
    where = f"page {index + 1} of {count}: " if count > 1 else ""
    try:
        image.seek(index)
        check_pixels(path, image.size, max_pixels)
        image.load()
        upright = _upright(image, path)
        array = to_array(upright)
    except ScanError as exc:
        raise ScanError(path, where + exc.reason) from None
    except Exception as exc:  # Pillow decoders raise OSError, SyntaxError, EOFError...
        raise ScanError(path, where + _decode_failure(exc, image.format)) from exc
    swap = _orientation(image) in QUARTER_TURN_ORIENTATIONS
    return DecodedPage(image=array, mode=image.mode, dpi=clean_dpi(image.info.get("dpi"), swap))


def _upright(image: Image.Image, path: Path) -> Image.Image:
    """The image turned as its EXIF orientation says (unchanged if that tag is unreadable)."""
    try:
        return ImageOps.exif_transpose(image)
    except Exception as exc:  # a corrupt EXIF block must not lose the scan
        log.warning("%s: ignoring unreadable EXIF orientation (%s)", path, exc)
        return image


def _orientation(image: Image.Image) -> int:
    try:
        return int(image.getexif().get(ExifTags.Base.Orientation, 1))
    except Exception:  # corrupt EXIF: treated as upright, as _upright does
        return 1


def _decode_failure(exc: Exception, image_format: str | None) -> str:
    text = _exception_text(exc)
    name = image_format or "image"
    if isinstance(exc, EOFError) or "truncated" in text or "broken" in text:
        return f"truncated or corrupt {name} data ({text})"
    if isinstance(exc, Image.DecompressionBombError):
        return f"refused as a decompression bomb: {text}"
    if isinstance(exc, MemoryError):
        return "not enough memory to decode the image"
    return f"cannot decode {name} data ({text})"


def _exception_text(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
