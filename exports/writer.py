"""``write_outputs``: every output of one page into its folder."""

from __future__ import annotations

from pathlib import Path

from newsprint.core.page import NewspaperPage
from newsprint.core.settings import OutputSettings
from newsprint.exports.alto import write_alto
from newsprint.exports.overlay import write_overlay
from newsprint.exports.page_json import write_page_json
from newsprint.exports.pdf import write_pdf
from newsprint.exports.tables import write_tables
from newsprint.exports.text import write_articles_text


def write_outputs(page: NewspaperPage, folder: Path, settings: OutputSettings) -> list[Path]:
    """Write ``page.json``, ``articles.txt``, (each unless turned off) ``overlay.png``,
    ``page.alto.xml`` and ``page.pdf``, and ``tables/<region id>.csv`` for each table.

    ``folder`` is the page's own folder (``DIR/<page.stem>``); it is created if missing.
    Returns the paths written, in that order (the ``tables`` folder for the CSV files,
    when the page has a table).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = [write_page_json(page, folder), write_articles_text(page, folder)]
    if settings.write_overlay:
        written.append(write_overlay(page, folder, settings))
    if settings.write_alto:
        written.append(write_alto(page, folder))
    if settings.write_pdf:
        written.append(write_pdf(page, folder, settings))
    tables = write_tables(page, folder)
    if tables is not None:
        written.append(tables)
    return written
