"""Loading newspaper page scans (JPEG, PNG, TIFF, JPEG 2000, PDF) into pages.

``load_scan`` turns one file into one :class:`~core.page.NewspaperPage` per page,
with the scan as an 8-bit numpy image; every bad input raises
:class:`~core.errors.ScanError` naming the file and the reason.
"""

from newsprint.scans.files import SCAN_SUFFIXES, scan_paths, sha256_file
from newsprint.scans.loader import load_scan
from newsprint.scans.pdf import pdf_supported

__all__ = ["SCAN_SUFFIXES", "load_scan", "pdf_supported", "scan_paths", "sha256_file"]
