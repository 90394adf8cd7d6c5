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
and right of its close-set columns).

Boxes are in working-image pixels; the margin is measured in scan pixels, as
the blur it makes room for is the scan's.
"""

from __future__ import annotations

import cv2
import numpy as np

MARGIN_SCAN_PX = 2.0
"""Paper added above and below a level line's crop, in scan pixels."""
MOST_SHARE = 0.25
"""At most this share of the line's height, above and below (a 4-pixel line
gets 1)."""


def with_paper_margin(
    grey: np.ndarray, box: tuple[float, float, float, float], scan_per_work: float
) -> tuple[float, float, float, float]:
    """``box`` (x0, y0, x1, y1, working pixels) grown up and down by up to
    ``MARGIN_SCAN_PX`` scan pixels, as far as the rows there hold no ink
    along the box; a vertical line (taller than wide) or a box at the image's
    edge is given back as it is there.

    ``grey``: the working image (H x W, uint8); ``scan_per_work``: scan pixels
    per working pixel (``PageGeometry.scan_per_work``). Ink is told from paper
    by Otsu's threshold over the line and its margins, so a grey page's paper
    and a faint line's type are judged by their own levels."""
    x0, y0, x1, y1 = box
    height = y1 - y0
    if height <= 0 or height > x1 - x0:
        return box
    most = int(min(MOST_SHARE * height, MARGIN_SCAN_PX / max(scan_per_work, 1e-6)))
    if most < 1:
        return box
    h, w = grey.shape[:2]
    top, bottom = int(np.floor(y0)), int(np.ceil(y1))
    xa, xb = max(0, int(np.floor(x0))), min(w, int(np.ceil(x1)))
    ya, yb = max(0, top - most), min(h, bottom + most)
    if xb <= xa or yb <= ya:
        return box
    strip = np.ascontiguousarray(grey[ya:yb, xa:xb])
    _, ink = cv2.threshold(strip, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    inked = ink.any(axis=1)
    above = _paper_rows(inked[: max(0, top - ya)][::-1])
    below = _paper_rows(inked[max(0, bottom - ya) :])
    return (x0, y0 - above, x1, y1 + below)


def _paper_rows(inked: np.ndarray) -> int:
    """How many of ``inked``'s rows, from its first, hold no ink."""
    hits = np.flatnonzero(inked)
    return int(hits[0]) if hits.size else int(inked.size)
