"""Loading newspaper page scans (JPEG, PNG, TIFF, JPEG 2000, PDF) into pages.

``load_scan`` turns one file into one :class:`~core.page.NewspaperPage` per page,
with the scan as an 8-bit numpy image; ``inspect_scan`` counts the pages from
the headers and ``load_scan_page`` decodes one page; every bad input raises
:class:`~core.errors.ScanError` naming the file and the reason.
"""

from newsprint.scans.files import SCAN_SUFFIXES, scan_paths, sha256_file
from newsprint.scans.loader import ScanInfo, inspect_scan, load_scan, load_scan_page
from newsprint.scans.pdf import pdf_supported

__all__ = [
    "SCAN_SUFFIXES",
    "ScanInfo",
    "inspect_scan",
    "load_scan",
    "load_scan_page",
    "pdf_supported",
    "scan_paths",
    "sha256_file",
]
