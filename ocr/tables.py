"""Reading tables: every cell of a ``table`` region read as one line crop.

A cell is read whole (``107.63``, never ``107.`` and ``63``), on its own (the
cells of a row are never run together into one line), and the table is given
row by row: ``Region.rows`` holds each cell's text and box, and ``Region.lines``
one line per row, its cells joined by spaces (what the PDF text layer and a
plain reader see).
"""

from __future__ import annotations

import numpy as np
from newsprint.core.page import NewspaperPage, Region, RegionType, TableCell, TextLine
from newsprint.ocr.engine import OcrEngine
from newsprint.ocr.paddle import crop_line, to_bgr


def read_tables(page: NewspaperPage, regions: list[Region], engine: OcrEngine) -> list[Region]:
    """``regions`` with every table's cells read (all the page's cells in one
    batch); empty cells are left out, and a table none of whose cells holds
    text goes."""
    tables = [r for r in regions if r.type == RegionType.TABLE and r.rows]
    if not tables:
        return regions
    work = to_bgr(page.work_image)
    crops = [_crop(work, cell) for table in tables for row in table.rows for cell in row]
    results = iter(engine.recognize_lines(crops))
    read: dict[str, Region] = {}
    for table in tables:
        rows = []
        for row in table.rows:
            cells = []
            for cell in row:
                text, conf = next(results)
                text = " ".join(text.split())
                if text:
                    cells.append(
                        cell.model_copy(update={"text": text, "confidence": round(conf, 4)})
                    )
            if cells:
                rows.append(cells)
        if rows:
            lines = [_row_line(page, row) for row in rows]
            read[table.id] = table.model_copy(update={"rows": rows, "lines": lines})
    dropped = {t.id for t in tables} - set(read)
    return [read.get(r.id, r) for r in regions if r.id not in dropped]


def _crop(work: np.ndarray, cell: TableCell) -> np.ndarray:
    x0, y0, x1, y1 = cell.work_bbox or cell.bbox
    # A one-figure cell is narrower than high: widen it so it is not read as
    # a line set down the page.
    grow = max(0.0, (y1 - y0) - (x1 - x0)) / 2
    x0, x1 = max(0.0, x0 - grow), min(float(work.shape[1]), x1 + grow)
    quad = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float32)
    return crop_line(work, quad)


def _row_line(page: NewspaperPage, row: list[TableCell]) -> TextLine:
    boxes = [c.work_bbox or c.bbox for c in row]
    box = (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
    bbox, polygon = page.geometry.box_to_scan(box, (page.width, page.height))
    weights = np.array([max(1, len(c.text)) for c in row], dtype=float)
    conf = float(np.average([c.confidence for c in row], weights=weights))
    return TextLine(
        text=" ".join(c.text for c in row),
        confidence=round(conf, 4),
        bbox=bbox,
        polygon=polygon,
        work_bbox=tuple(round(float(v), 1) for v in box),
    )
