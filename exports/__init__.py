"""Writing a page's outputs: ``page.json``, ``articles.txt``, ``overlay.png``,
``page.alto.xml`` (ALTO 4.4) and ``page.pdf`` (searchable); and an issue's
``issue.mets.xml`` and ``issue.pdf``.

Every file is written atomically (a temporary file in the same folder, then
``os.replace``), so a crash never leaves a half-written output behind.
"""

from newsprint.exports.alto import alto_xml, write_alto
from newsprint.exports.atomic import atomic_write_bytes, atomic_write_text
from newsprint.exports.issue import write_issue
from newsprint.exports.mets import mets_xml
from newsprint.exports.overlay import REGION_COLOURS, render_overlay, write_overlay
from newsprint.exports.page_json import page_json_text, read_page_json, write_page_json
from newsprint.exports.pdf import merge_pdfs, render_pdf, write_pdf
from newsprint.exports.text import render_articles_text, write_articles_text
from newsprint.exports.writer import write_outputs

__all__ = [
    "REGION_COLOURS",
    "alto_xml",
    "atomic_write_bytes",
    "atomic_write_text",
    "merge_pdfs",
    "mets_xml",
    "page_json_text",
    "read_page_json",
    "render_articles_text",
    "render_overlay",
    "render_pdf",
    "write_alto",
    "write_articles_text",
    "write_issue",
    "write_outputs",
    "write_overlay",
    "write_page_json",
    "write_pdf",
]
