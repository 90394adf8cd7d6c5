"""An issue's outputs: ``issue.mets.xml`` and ``issue.pdf`` over pages already written.

Works from the page folders on disk (``page.json``, ``page.alto.xml``,
``page.pdf``), not from pages in memory, so an issue of any length is put
together with flat memory, and again later without running OCR. The parts of
an article that jumps pages are linked here, over the whole issue.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from newsprint.articles.issue_jumps import link_issue_jumps
from newsprint.core.settings import OutputSettings
from newsprint.exports.alto import ALTO_XML
from newsprint.exports.atomic import atomic_write_bytes
from newsprint.exports.mets import IssuePage, mets_xml
from newsprint.exports.page_json import PAGE_JSON, read_page_json
from newsprint.exports.pdf import ISSUE_PDF, PAGE_PDF, write_merged_pdf

log = logging.getLogger(__name__)

ISSUE_METS = "issue.mets.xml"


def write_issue(
    issue_id: str, page_folders: list[Path], folder: Path, settings: OutputSettings
) -> list[Path]:
    """Write ``folder/issue.pdf`` (when page PDFs are written) and ``folder/issue.mets.xml``
    for the pages in ``page_folders``, in that order; returns the paths written.

    The parts of jumped articles are linked (``articles.issue_jumps.link_issue_jumps``) over
    the pages read, so the METS has one article over both pages. The page folders are
    only read: the caller links the pages and writes them (``page.json`` with
    ``continues_on`` / ``continued_from``, ``articles.txt``) before calling this;
    linking again here gives the same links.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    pages = _linked([_issue_page(Path(f)) for f in page_folders])
    written: list[Path] = []
    pdfs = [p.pdf for p in pages if p.pdf is not None]
    issue_pdf = None
    if settings.write_pdf and pdfs:
        if len(pdfs) < len(pages):
            log.warning("issue %s: %d page(s) have no page.pdf", issue_id, len(pages) - len(pdfs))
        issue_pdf = write_merged_pdf(pdfs, folder / ISSUE_PDF)
        written.append(issue_pdf)
    mets = mets_xml(issue_id, pages, folder, issue_pdf)
    written.append(atomic_write_bytes(folder / ISSUE_METS, mets))
    return written


def _linked(pages: list[IssuePage]) -> list[IssuePage]:
    linked = link_issue_jumps([item.page for item in pages])
    return [replace(item, page=page) for item, page in zip(pages, linked, strict=True)]


def _issue_page(page_folder: Path) -> IssuePage:
    page = read_page_json(page_folder / PAGE_JSON)
    alto, pdf = page_folder / ALTO_XML, page_folder / PAGE_PDF
    return IssuePage(
        page=page, alto=alto if alto.is_file() else None, pdf=pdf if pdf.is_file() else None
    )
