"""Type size of the page: everything else in layout is measured in it."""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.core.page import DEFAULT_BODY_PX
from newsprint.layout.params.ink import BODY_LINE, GLYPHS


def glyph_height(ink: np.ndarray) -> float:
    """Median height of character-like connected components, in pixels."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count <= 1:
        return DEFAULT_BODY_PX
    w, h, area = stats[1:, 2], stats[1:, 3], stats[1:, 4]
    # Pixels: the type size is what is being measured (``GlyphParams``).
    g = GLYPHS
    ok = (
        (h >= g.min_height_px)
        & (h <= g.max_height_px)
        & (w <= g.max_width * h)
        & (w * g.max_slenderness >= h)
        & (area >= g.min_area_px)
    )
    if ok.sum() < g.min_count:
        return DEFAULT_BODY_PX
    return float(np.median(h[ok]))


def body_line_height(line_heights: list[float]) -> float:
    """The commonest line height: body type outnumbers every other size."""
    if not line_heights:
        return DEFAULT_BODY_PX
    values = np.asarray(line_heights, dtype=np.float64)
    step, near_px = BODY_LINE.bin_px, BODY_LINE.near_px
    # The last bin must hold the tallest line: the range ends a bin and a pixel past it.
    hist, edges = np.histogram(values, bins=np.arange(0, values.max() + (step + 1), step))
    peak = int(np.argmax(hist))
    near = values[(values >= edges[peak] - near_px) & (values <= edges[peak + 1] + near_px)]
    return float(np.median(near))
