"""``load_scan``: one scan file in, one NewspaperPage per page out."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import BinaryIO

from newsprint.core.errors import ScanError
from newsprint.core.page import NewspaperPage
from newsprint.core.settings import ScanSettings
from newsprint.scans.decoded import DecodedPage
from newsprint.scans.files import check_scan_file, open_read_only, sha256_stream
from newsprint.scans.pdf import load_pdf_pages
from newsprint.scans.raster import load_raster_pages
from newsprint.scans.sniff import HEAD_BYTES, is_pdf

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
    return [_page_from(item, source, digest, index, count) for index, item in enumerate(decoded)]


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
    decoded: DecodedPage, source: str, digest: str, index: int, count: int
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
    )
