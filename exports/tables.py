"""``tables/<region id>.csv``: each table of the page as CSV, a row a line.

One file per region with cells (a ``table``, or a table of rates taken into
the running head), named by its ID in ``page.json``; one entry per
column in every row ("" for an empty cell), UTF-8, fields quoted only where
they must be. Each file is written atomically; CSV files of tables the page no
longer has (an earlier run into the same folder) are removed, and the folder
goes when the page has no table.
"""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path

from newsprint.core.page import NewspaperPage, Region
from newsprint.exports.atomic import atomic_write_text

TABLES_DIR = "tables"


def table_csv(region: Region) -> str:
    """The CSV text of one table region."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(region.cell_grid())
    return out.getvalue()


def write_tables(page: NewspaperPage, folder: Path) -> Path | None:
    """Write ``folder/tables/<region id>.csv`` for each table of the page (each region
    with cells: a table taken into the running head keeps them,
    ``articles.masthead.tables_in_the_head``) and return the ``tables`` folder, or
    None when the page has no table (any old folder removed)."""
    tables = [r for r in page.regions if r.rows]
    target = Path(folder) / TABLES_DIR
    names = {f"{r.id}.csv" for r in tables}
    if target.is_symlink():
        target.unlink()  # a link into a version's folder (never written through)
    if target.is_dir():
        for old in target.glob("*.csv"):
            if old.name not in names:
                old.unlink()
    if not tables:
        with contextlib.suppress(OSError):
            target.rmdir()  # only when empty: files newsprint did not write stay
        return None
    for region in tables:
        atomic_write_text(target / f"{region.id}.csv", table_csv(region))
    return target
