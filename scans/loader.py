"""``load_scan``: one scan file in, one NewspaperPage per page out.

``inspect_scan`` hashes a scan and counts its pages from the headers alone, and
``load_scan_page`` decodes the one page asked for: a multi-page TIFF or PDF is
never decoded in full to count it or to read one of its pages."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsprint.core.errors import PageDecodeError, ScanChangedError, ScanError
from newsprint.core.page import BBox, NewspaperPage
from newsprint.core.settings import ScanSettings
from newsprint.layout.folds import find_fold, may_be_fold
from newsprint.scans.decoded import DecodedPage
from newsprint.scans.files import check_scan_file, open_read_only, sha256_stream
from newsprint.scans.pdf import count_pdf_pages, load_pdf_page, load_pdf_pages
from newsprint.scans.raster import (
    check_page_index,
    count_raster_pages,
    load_raster_page,
    load_raster_pages,
    pillow_pixel_limit,
)
from newsprint.scans.sniff import HEAD_BYTES, is_pdf
from PIL import ExifTags, Image

log = logging.getLogger(__name__)


def load_scan(path: Path, settings: ScanSettings) -> list[NewspaperPage]:
    """Read a scan (any page count) into pages carrying the 8-bit image as received.

    The format is detected from the content, never from the file name. The file is
    only ever opened for reading. Raises ``ScanError`` for every unreadable input.
    """
    source = os.fspath(path)
    path = Path(path)
    check_scan_file(path, settings.max_file_bytes)
    with open_read_only(path) as stream:
        digest = _hash(stream, path)
        decoded = _decode_pages(stream, path, settings)
    log.debug("%s: loaded %d page(s)", source, len(decoded))
    count = len(decoded)
    fold = find_fold(decoded[0].image) if count == 1 and settings.split_folds else None
    if fold is not None:
        return [
            _page_from(decoded[0], source, digest, i, 2, part) for i, part in enumerate(fold.pages)
        ]
    return [_page_from(item, source, digest, index, count) for index, item in enumerate(decoded)]


@dataclass(frozen=True)
class ScanInfo:
    sha256: str
    page_count: int


def inspect_scan(path: Path, settings: ScanSettings) -> ScanInfo:
    """The scan's SHA-256 and page count, read from its headers without decoding
    a page. A file that is not a scan, or a page over ``max_pixels``, raises
    ``ScanError``; damage inside a page's data shows only when that page is loaded."""
    path = Path(path)
    check_scan_file(path, settings.max_file_bytes)
    with open_read_only(path) as stream:
        digest = _hash(stream, path)
        head = stream.read(HEAD_BYTES)
        stream.seek(0)
        if is_pdf(head):
            count = count_pdf_pages(stream, path)
        else:
            count = count_raster_pages(stream, path, settings.max_pixels)
            if count == 1 and settings.split_folds and _fold_of(stream, path, settings):
                count = 2
    return ScanInfo(digest, count)


def load_scan_page(
    path: Path, settings: ScanSettings, index: int, *, sha256: str | None = None
) -> NewspaperPage:
    """Decode page ``index`` (from 0) of a scan, and only that page.

    With ``sha256``, raise ``ScanChangedError`` (before decoding) when the file
    no longer holds those bytes. A file that cannot be reached raises
    ``ScanError``; one read whole whose page cannot be decoded ``PageDecodeError``."""
    source = os.fspath(path)
    path = Path(path)
    check_scan_file(path, settings.max_file_bytes)
    with open_read_only(path) as stream:
        digest = _hash(stream, path)
        if sha256 is not None and digest != sha256:
            raise ScanChangedError(path, "content changed since it was catalogued")
        head = stream.read(HEAD_BYTES)
        stream.seek(0)
        try:
            if is_pdf(head):
                decoded, count = load_pdf_page(stream, path, settings.max_pixels, index)
            elif settings.split_folds and index > 0 and _frames(stream, path, settings) == 1:
                decoded, count = load_raster_page(stream, path, settings.max_pixels, 0)
            else:
                decoded, count = load_raster_page(stream, path, settings.max_pixels, index)
        except ScanError as exc:
            raise PageDecodeError(path, exc.reason) from exc
    fold = find_fold(decoded.image) if count == 1 and settings.split_folds else None
    if fold is not None:
        check_page_index(path, index, 2)
        return _page_from(decoded, source, digest, index, 2, fold.pages[index])
    check_page_index(path, index, count)
    return _page_from(decoded, source, digest, index, count)


def _frames(stream: BinaryIO, path: Path, settings: ScanSettings) -> int:
    """The raster's page count from its headers; the stream is left at its start."""
    count = count_raster_pages(stream, path, settings.max_pixels)
    stream.seek(0)
    return count


def _fold_of(stream: BinaryIO, path: Path, settings: ScanSettings) -> bool:
    """Whether a one-page raster holds two pages side by side (``layout.folds``):
    decoded only when its header gives a landscape size. A page that cannot be
    decoded is no fold here: it fails with its own reason when it is read."""
    stream.seek(0)
    try:
        with pillow_pixel_limit(settings.max_pixels), Image.open(stream) as image:
            width, height = image.size
            if image.getexif().get(ExifTags.Base.Orientation, 1) in (5, 6, 7, 8):
                width, height = height, width
        if not may_be_fold(width, height):
            return False
        stream.seek(0)
        decoded, _ = load_raster_page(stream, path, settings.max_pixels, 0)
    except (ScanError, OSError, ValueError, SyntaxError) as exc:
        log.debug("%s: not looked at for a fold: %s", path, exc)
        return False
    finally:
        stream.seek(0)
    return find_fold(decoded.image) is not None


def _hash(stream: BinaryIO, path: Path) -> str:
    try:
        return sha256_stream(stream)
    except OSError as exc:
        raise ScanError(path, f"read error: {exc.strerror or exc}") from exc


def _decode_pages(stream: BinaryIO, path: Path, settings: ScanSettings) -> list[DecodedPage]:
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    if is_pdf(head):
        return load_pdf_pages(stream, path, settings.max_pixels)
    return load_raster_pages(stream, path, settings.max_pixels)


def _page_from(
    decoded: DecodedPage,
    source: str,
    digest: str,
    index: int,
    count: int,
    part: BBox | None = None,
) -> NewspaperPage:
    height, width = decoded.image.shape[:2]
    return NewspaperPage(
        source=source,
        sha256=digest,
        page_index=index,
        page_count=count,
        width=width,
        height=height,
        dpi=decoded.dpi,
        mode=decoded.mode,
        image=decoded.image,
        part=part,
    )
