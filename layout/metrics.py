"""Type size of the page: everything else in layout is measured in it."""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.core.page import DEFAULT_BODY_PX


def glyph_height(ink: np.ndarray) -> float:
    """Median height of character-like connected components, in pixels."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count <= 1:
        return DEFAULT_BODY_PX
    w, h, area = stats[1:, 2], stats[1:, 3], stats[1:, 4]
    ok = (h >= 6) & (h <= 150) & (w <= 3 * h) & (w * 5 >= h) & (area >= 12)
    if ok.sum() < 20:
        return DEFAULT_BODY_PX
    return float(np.median(h[ok]))


def body_line_height(line_heights: list[float]) -> float:
    """The commonest line height: body type outnumbers every other size."""
    if not line_heights:
        return DEFAULT_BODY_PX
    values = np.asarray(line_heights, dtype=np.float64)
    hist, edges = np.histogram(values, bins=np.arange(0, values.max() + 3, 2))
    peak = int(np.argmax(hist))
    near = values[(values >= edges[peak] - 2) & (values <= edges[peak + 1] + 2)]
    return float(np.median(near))
