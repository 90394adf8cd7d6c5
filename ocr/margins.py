"""A margin of paper above and below a line's crop, as PaddleOCR's own crops have.

The layout fits each line's box to its ink (``layout.textlines.fit_to_ink``),
so a crop cut to the box has the tops and feet of its glyphs on its edges.
PaddleOCR's recogniser learnt from the detector's boxes, which the DB detector
pads well past the ink (unclip ratio 1.5), and small type cut tight is
misread: on a generated Chinese broadsheet shrunk to 66 dpi (8.6-pixel type),
309 of its 9,700 characters were misread or lost cut tight, 103 with two scan
pixels of paper above and below each line (plain PaddleOCR: 101).

The margin is taken only where the page is paper above or below the line (no
ink along it), never from the next line: padding every crop by a share of its
height cost NCSE's 1-bit CLD 1853 page a fifth of plain PaddleOCR's
characters (coverage 0.998 -> 0.80), its lines set close. Vertical lines keep
their crops (ECPO 1940: coverage 0.9556 -> 0.9522 with the same margin left
and right of its close-set columns), and so do lines of 16 scan pixels and
more, whose rim is a small share of them (``SMALL_LINE_SCAN_PX``).

Boxes are in working-image pixels; the margin is measured in scan pixels, as
the blur it makes room for is the scan's.
"""

from __future__ import annotations

import cv2
import numpy as np

MARGIN_SCAN_PX = 2.0
"""Paper added above and below a level line's crop, in scan pixels..."""
SMALL_LINE_SCAN_PX = 16.0
"""...of a line under this many scan pixels tall: small type, whose blurred
rim is a large share of it. Larger type read as well or a little worse so
(generated 24-pixel lines: "Jan. 17, 1880" read "Jan.17, 1880", "T02"
"TO2"; NZZ's 47-pixel lines: 0.0003 less of plain PaddleOCR's characters)."""
MOST_SHARE = 0.25
"""At most this share of the line's height, above and below (a 4-pixel line
gets 1)."""
FAINT_BELOW_PAPER = 40
"""Grey levels under the strip's paper at which a pixel is faint ink..."""
FAINT_ROW_SHARE = 0.5
"""...and a row that much of whose length is faint ink is a faint rule, not
paper (the grey rim that blur leaves round small type is no more than a
few glyphs' edges)."""


def with_paper_margin(
    grey: np.ndarray, box: tuple[float, float, float, float], scan_per_work: float
) -> tuple[float, float, float, float]:
    """``box`` (x0, y0, x1, y1, working pixels) of a line of small type
    (under ``SMALL_LINE_SCAN_PX`` scan pixels tall) grown up and down by up
    to ``MARGIN_SCAN_PX`` scan pixels, as far as the rows there are paper
    along the box; never grown taller than it is wide (a one-character line
    stays level, cut square). A larger line, a vertical line (taller than
    wide) or a box at the image's edge is given back as it is there.

    ``grey``: the working image (H x W, uint8); ``scan_per_work``: scan pixels
    per working pixel (``PageGeometry.scan_per_work``). A row is paper when
    none of it is ink by Otsu's threshold over the line and its margins (so a
    grey page's paper and a faint line's type are judged by their own
    levels) and under ``FAINT_ROW_SHARE`` of it is faint ink (a hairline
    rule printed grey)."""
    x0, y0, x1, y1 = box
    height, width = y1 - y0, x1 - x0
    if height <= 0 or height > width or height * scan_per_work >= SMALL_LINE_SCAN_PX:
        return box
    most = int(np.floor(min(MOST_SHARE * height, MARGIN_SCAN_PX / max(scan_per_work, 1e-6)) + 1e-6))
    if most < 1:
        return box
    h, w = grey.shape[:2]
    top, bottom = int(np.floor(y0)), int(np.ceil(y1))
    xa, xb = max(0, int(np.floor(x0))), min(w, int(np.ceil(x1)))
    ya, yb = max(0, top - most), min(h, bottom + most)
    if xb <= xa or yb <= ya:
        return box
    inked = _inked_rows(np.ascontiguousarray(grey[ya:yb, xa:xb]))
    above = _paper_rows(inked[: max(0, top - ya)][::-1])
    below = _paper_rows(inked[max(0, bottom - ya) :])
    room = max(0.0, width - height)
    if above + below > room:  # grown no taller than wide, shared out evenly
        above, below = _shared(above, below, room)
    return (x0, y0 - above, x1, y1 + below)


def _inked_rows(strip: np.ndarray) -> np.ndarray:
    """For each row of ``strip`` (grey, uint8), whether it holds ink."""
    threshold, _ = cv2.threshold(strip, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    paper = float(np.percentile(strip, 90))
    faint = (strip < paper - FAINT_BELOW_PAPER).mean(axis=1) >= FAINT_ROW_SHARE
    return (strip <= threshold).any(axis=1) | faint


def _paper_rows(inked: np.ndarray) -> int:
    """How many of ``inked``'s rows, from its first, hold no ink."""
    hits = np.flatnonzero(inked)
    return int(hits[0]) if hits.size else int(inked.size)


def _shared(above: int, below: int, room: float) -> tuple[int, int]:
    """``above`` and ``below`` cut down to ``room`` rows in all, each side
    keeping up to half of it."""
    half = int(room // 2)
    first = min(above, max(half, int(room) - below))
    return first, min(below, int(room) - first)
