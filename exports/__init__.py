"""Writing a page's outputs: ``page.json``, ``articles.txt`` and ``overlay.png``.

Every file is written atomically (a temporary file in the same folder, then
``os.replace``), so a crash never leaves a half-written output behind.
"""

from exports.atomic import atomic_write_bytes, atomic_write_text
from exports.overlay import REGION_COLOURS, render_overlay, write_overlay
from exports.page_json import page_json_text, read_page_json, write_page_json
from exports.text import render_articles_text, write_articles_text
from exports.writer import write_outputs

__all__ = [
    "REGION_COLOURS",
    "atomic_write_bytes",
    "atomic_write_text",
    "page_json_text",
    "read_page_json",
    "render_articles_text",
    "render_overlay",
    "write_articles_text",
    "write_outputs",
    "write_overlay",
    "write_page_json",
]
