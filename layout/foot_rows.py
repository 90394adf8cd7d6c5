"""A row of small type under a vertical line's foot, boxed with the line.

A story headed down its right is often signed at the foot of its title's
column, the writer's name in brackets set across in small type ("（天笑）").
Where the name stands close under the title, PaddleOCR's detector boxes both
as one vertical line, and the recogniser, reading the line turned a quarter,
drops the name's characters lying on their sides: the name was lost, and no
flag said so (a generated vertical page: "（天笑）" 30 pixels under
志願服務走進千家萬, one box).

Down a vertical line the characters are runs of inked rows parted by white.
The last run is such a row of small type when it is much shorter than the
characters above it, stands further below them than it is tall, and holds
three or more glyphs side by side, the row wider than tall (a full stop or
一 at a line's foot is one mark). It is cut off as a horizontal line of its
own. Everything here is in working-image pixels.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from newsprint.layout.boxes import Box, true_runs

if TYPE_CHECKING:
    from newsprint.layout.textlines import LinePiece

MAX_HEIGHT = 0.5
"""× the median run above: the row's height at most (type half the size or smaller)."""
MIN_GLYPHS = 3
"""Glyphs side by side in the row, at least (a bracket, a character, a bracket)."""
MIN_RUNS_ABOVE = 2
"""Runs of the line's own characters above the row, at least."""
OVERLAP = 0.5
"""Share of the row's box inside another detected box that makes it that box's."""
PAD = 2
"""Pixels above and below the row's ink in the box the recogniser reads..."""
PAD_ALONG = 0.5
"""...and × its height before and after it (the detector pads a line's
ends so: cut at the ink, a thin opening bracket was not read)."""


def without_foot_row(
    piece: LinePiece, ink: np.ndarray, detected: Sequence[LinePiece] = ()
) -> tuple[LinePiece, LinePiece | None]:
    """``piece`` (a vertical line) without the row of small type at its foot,
    and that row as a horizontal line piece; ``piece`` and None where its foot
    holds no such row. ``ink``: the page's ink mask (H x W, nonzero = ink).

    The row must end inside the line's box, white under it (type running on
    past the box's end is more than a row), and lie in no box the detector
    found for another line (``detected``, the page's detected lines): a name
    the detector boxed on its own is read so already
    (ECPO 1921-02-27: "(雄大)" boxed apart, the title's box reaching over its
    top; cut there, the title's foot and the name's top were read "(10)")."""
    from newsprint.layout.textlines import LinePiece  # which imports this module's callers

    box = piece.ink
    x0, y0, x1, y1 = box.pixels(ink.shape)
    crop = ink[y0:y1, x0:x1] > 0
    if crop.size == 0:
        return piece, None
    runs = true_runs(crop.any(axis=1))
    if len(runs) < MIN_RUNS_ABOVE + 1:
        return piece, None
    (top, bottom), above = runs[-1], runs[:-1]
    height = bottom - top
    if bottom >= crop.shape[0] and y1 < ink.shape[0] and ink[y1, x0:x1].any():
        return piece, None
    glyph = float(np.median([b - a for a, b in above]))
    if height > MAX_HEIGHT * glyph or top - above[-1][1] < height:
        return piece, None
    # The row may stand out past the title's ink, within the detector's box.
    wx0, _, wx1, _ = piece.detected.pixels(ink.shape)
    wx0, wx1 = min(wx0, x0), max(wx1, x1)
    columns = true_runs(ink[y0 + top : y0 + bottom, wx0:wx1].any(axis=0))
    if len(columns) < MIN_GLYPHS or columns[-1][1] - columns[0][0] < 2 * height:
        return piece, None
    row = Box(
        float(wx0 + columns[0][0]), float(y0 + top), float(wx0 + columns[-1][1]), float(y0 + bottom)
    )
    others = (q.detected for q in detected if q.parent != piece.parent)
    if any(row.x_overlap(o) * row.y_overlap(o) >= OVERLAP * row.area for o in others):
        return piece, None
    line = Box(box.x0, box.y0, box.x1, float(y0 + above[-1][1]))
    along = PAD_ALONG * height
    read = Box(row.x0 - along, row.y0 - PAD, row.x1 + along, row.y1 + PAD)
    cut = Box(piece.detected.x0, piece.detected.y0, piece.detected.x1, row.y0 - PAD)
    kept = None if piece.read is None else Box(piece.read.x0, piece.read.y0, piece.read.x1, cut.y1)
    return LinePiece(line, cut, piece.parent, read=kept), LinePiece(row, read, piece.parent)
