"""The ends of rows of display type that the detector boxed as one piece down.

A Chinese heading set across in two rows of large type, its leading tight
(馬祖日報, 1957: "我擊沉匪艇一艘 / 另二艘受創潰逃", set right to left), is
often boxed by PaddleOCR's detector as each row's run less its last character
and, apart, those two last characters one over the other: the gap down
between the rows is smaller there than the gap across to the rest of each row.
The piece is tall, so it is read as a vertical line ("艘逃") and kept as a line
of its own between the rows, and each row comes out a character short.

:func:`rows_with_their_ends` gives each character of such a piece back to the
row it stands in. A piece is taken apart only where everything says it is
the rows' ends: the rows are display type (``TYPE_SIZE.display`` times the
body or taller: body text is set with leading enough that the detector never
boxes it so), its characters are Chinese, one per row, of the rows' type size
(square cells as high as the rows' boxes), each cell's middle inside its
row's box, and the piece tight against that row's end (``REACH``: at most a
fifth of a character of paper between; its padded box usually overlaps the
row's). A vertical line of its own (a label or a tag beside a heading, a
column of an advert) is of another size, stands apart, or holds more
characters than there are rows beside it, and is left as it is.
"""

from __future__ import annotations

import numpy as np
from newsprint.core.script import is_cjk
from newsprint.layout.params.type_size import TYPE_SIZE
from newsprint.ocr.engine import OcrLine

CELL_SPREAD = (0.7, 1.5)
"""A row's box height and the piece's width, each over the piece's cell
(its height over its number of characters): within these the type is one
size (detection pads a box by about a tenth of its height each way)."""
REACH = 0.2
"""Cells: the most paper between the piece and the row's end."""
OVERLAP = 0.8
"""Cells: the most the piece's box may overlap the row's end (both are
padded; 0.57 of a cell on 馬祖日報's heading, where the row read no part of
the character)."""
READ_ALREADY = 0.7
"""Cells: a piece overlapping the row's end this much or more covers the
character the row ends with, which the row then read too; less, a row
ending in the piece's character holds it twice (節節, 紛紛)."""


def rows_with_their_ends(
    rows: list[OcrLine], tall: list[OcrLine], body: float
) -> tuple[list[OcrLine], list[OcrLine]]:
    """``rows`` (lines across, in the pixels of their boxes) with the
    characters of each ``tall`` piece that stands at their ends joined to
    them, one each, before or after as the piece stands left or right of the
    row; and the tall pieces left as they were. Text stays in the order it was
    read, left to right (``articles.rtl`` turns a row set right to left).
    ``body``: the body line height in the same pixels."""
    rows = list(rows)
    kept = []
    for piece in tall:
        targets = _rows_of_piece(piece, rows, body)
        if targets is None:
            kept.append(piece)
            continue
        for i, row_index in enumerate(targets):
            rows[row_index] = _joined(rows[row_index], piece, i)
    return rows, kept


def _rows_of_piece(piece: OcrLine, rows: list[OcrLine], body: float) -> list[int] | None:
    """The index of the row each of ``piece``'s characters ends, top to
    bottom, or None where the piece is not those rows' ends."""
    text = piece.text.strip()
    n = len(text)
    if n < 2 or not all(is_cjk(c) for c in text):
        return None
    x0, y0, x1, y1 = piece.bbox
    cell = (y1 - y0) / n
    if cell <= 0 or not _one_size(x1 - x0, cell):
        return None
    targets = []
    for i in range(n):
        middle = y0 + (i + 0.5) * cell
        near = [
            j
            for j, row in enumerate(rows)
            if row.bbox[1] <= middle <= row.bbox[3]
            and row.bbox[3] - row.bbox[1] >= TYPE_SIZE.display * body
            and _one_size(row.bbox[3] - row.bbox[1], cell)
            and _at_end(row, piece, cell)
        ]
        if not near:
            return None
        targets.append(
            min(near, key=lambda j: abs((rows[j].bbox[1] + rows[j].bbox[3]) / 2 - middle))
        )
    return targets if len(set(targets)) == n else None


def _one_size(length: float, cell: float) -> bool:
    return CELL_SPREAD[0] <= length / cell <= CELL_SPREAD[1]


def _at_end(row: OcrLine, piece: OcrLine, cell: float) -> bool:
    gap_left = row.bbox[0] - piece.bbox[2]  # piece left of the row
    gap_right = piece.bbox[0] - row.bbox[2]  # piece right of the row
    return any(-OVERLAP * cell <= gap <= REACH * cell for gap in (gap_left, gap_right))


def _joined(row: OcrLine, piece: OcrLine, index: int) -> OcrLine:
    char = piece.text.strip()[index]
    cell = (piece.bbox[3] - piece.bbox[1]) / len(piece.text.strip())
    top = piece.bbox[1] + index * cell
    left = piece.bbox[0] < row.bbox[0]
    overlap = piece.bbox[2] - row.bbox[0] if left else row.bbox[2] - piece.bbox[0]
    text = row.text.strip()
    read = len(text)
    confidence = row.confidence
    if overlap < READ_ALREADY * cell or (text[:1] if left else text[-1:]) != char:
        text = char + text if left else text + char
        confidence = (row.confidence * read + piece.confidence) / (read + 1)
    box = (
        min(row.bbox[0], piece.bbox[0]),
        min(row.bbox[1], top),
        max(row.bbox[2], piece.bbox[2]),
        max(row.bbox[3], top + cell),
    )
    x0, y0, x1, y1 = box
    polygon = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)
    return OcrLine(text=text, confidence=float(confidence), polygon=polygon, bbox=box)
