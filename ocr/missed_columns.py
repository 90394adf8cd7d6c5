"""Vertical lines the text detector boxed none of, between two it boxed.

On a page of close-set vertical type the detector's padded boxes of two
columns can meet over the column between them, which then has no box of
its own: half of it lies in each neighbour's box, it is neither's line, and
no stage reads it (ECPO 1940, columns of 21-24 working pixels 25-30 apart,
in boxes 40-50 wide: "書寓裏頭，不論紅" between "黑先生與娘姨大" and
"四十個進去。所以"). The pass over unread ink (``ocr.unread``) does not
see it either, as its ink lies inside boxes.

Such a column is found from the ink, as ``ocr.stacked`` finds lines, by
the vertical projection profile beside each box set down: a band of ink as
wide as the page's columns of type (measured under its boxes: the band at
each box's middle) that no box is centred on, with a box set down reaching
over either edge of it along most of its length, made of pieces of
character size that lie within it (not a rule, an ornamental chain, or a
strip of larger type), is boxed as a line of its own over the rows its ink
spans. Boxes are (x0, y0, x1, y1) in working-image pixels.
"""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.layout.boxes import Box, true_runs
from newsprint.ocr.stacked import CORE_SHARE

MIN_WIDTH = 0.7
"""× the type's width (the median band under the page's boxes set down): a
band this wide or wider is a column of characters; a rule is a few pixels.
ECPO 1940's and 1919's columns found: 0.9-1.0 of it."""
MAX_WIDTH = 1.4
"""× the type's width: a band wider than this is no single column."""
CENTRED = 0.5
"""× the type's width: a box whose middle lies this close to a band's
middle holds it."""
BESIDE = 0.5
"""Share of a band's length: a box set down reaches over each of its edges
for at least this much."""
MIN_LENGTH = 1.5
"""× body (the page's median detected line size): a band at least this long
(two characters and more)."""
MAX_PIECE = 2.5
"""× body: a band's tallest connected piece of ink is at most this tall (a
character, or two that bled into each other; a rule runs on)."""
MIN_PIECES = 2
"""Pieces of glyph size (a fifth of a body or taller) in a band of type."""
WITHIN = 0.2
"""× body: a piece of ink lies within a band when it reaches past its edges
by no more than this."""
WHOLE = 0.8
"""Share of the glyph-size pieces reaching into a band that lie within it:
in the columns between boxes on ECPO 1940, 0.96-1; in strips through a
headline's characters, or through two columns of advert type, 0-0.67."""
SQUARE = (0.6, 1.3)
"""The band's pieces that lie within it are this many times as tall as the
band is wide, at the median: Chinese characters are about square (ECPO's
columns found: 0.9-1.1). A chain of rings or dots is flatter; pieces of a
strip of larger type are taller."""


def columns_between(boxes: np.ndarray, ink: np.ndarray, body: float) -> np.ndarray:
    """``boxes`` (N x 4) and a box for each column of type that lies between
    two boxes set down and has none of its own (see the module's docstring),
    appended. ``ink`` (H x W, non-zero on ink) is the page's ink mask;
    ``body`` the page's median detected line size in working pixels
    (``ocr.line_detection.median_height``). Returns an M x 4 float array,
    M >= N."""
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    tall = boxes[(boxes[:, 3] - boxes[:, 1]) >= 2 * (boxes[:, 2] - boxes[:, 0])]
    if body <= 0 or len(tall) < 2:
        return boxes
    column = _type_width(tall, ink, body)
    if column <= 0:
        return boxes
    found: list[np.ndarray] = []
    for box in tall:
        for band in _bands_beside(box, ink, body, column):
            if _held(band, boxes, column) or not _between(band, tall):
                continue
            same = [i for i, f in enumerate(found) if _same_column(band, f)]
            if not same:
                if _type_like(band, ink, body):
                    found.append(band)
                continue
            # The column as its other neighbour sees it: taken whole where
            # the whole is still a column of characters.
            joined = np.array(Box(*found[same[0]]).union(Box(*band)).as_tuple())
            if _type_like(joined, ink, body):
                found[same[0]] = joined
    if not found:
        return boxes
    return np.vstack([boxes, np.array(found)])


def _type_width(tall: np.ndarray, ink: np.ndarray, body: float) -> float:
    """The width of the page's columns of type: the median, over the boxes
    set down, of the band of ink at each box's middle (0 where there is none)."""
    widths = []
    for box in tall:
        x0, x1 = max(0, round(box[0])), min(ink.shape[1], round(box[2]))
        profile = (ink[max(0, round(box[1])) : round(box[3]), x0:x1] > 0).sum(axis=0)
        peak = profile.max(initial=0)
        if peak == 0:
            continue
        middle = (box[0] + box[2]) / 2 - x0
        for a, b in true_runs(profile >= CORE_SHARE * peak):
            if a <= middle < b:
                widths.append(b - a)
    return float(np.median(widths)) if widths else 0.0


def _bands_beside(box: np.ndarray, ink: np.ndarray, body: float, column: float) -> list[np.ndarray]:
    """The bands of ink (runs of the vertical projection profile) as wide as
    a column of type (``MIN_WIDTH``-``MAX_WIDTH`` × ``column``), over
    ``box``'s rows, from a body's width left of it to a body's width right
    of it, each boxed over the rows its ink spans."""
    height, width = ink.shape[:2]
    y0, y1 = max(0, round(box[1])), min(height, round(box[3]))
    x0, x1 = max(0, round(box[0] - body)), min(width, round(box[2] + body))
    crop = ink[y0:y1, x0:x1] > 0
    profile = crop.sum(axis=0)
    peak = profile.max(initial=0)
    if peak == 0:
        return []
    bands = []
    for a, b in true_runs(profile >= CORE_SHARE * peak):
        if not MIN_WIDTH * column <= b - a <= MAX_WIDTH * column:
            continue
        rows = np.flatnonzero(crop[:, a:b].any(axis=1))
        if len(rows) and rows[-1] + 1 - rows[0] >= MIN_LENGTH * body:
            bands.append(np.array([x0 + a, y0 + rows[0], x0 + b, y0 + rows[-1] + 1], float))
    return bands


def _held(band: np.ndarray, boxes: np.ndarray, column: float) -> bool:
    """Whether boxes centred on the band (``CENTRED``: a line set down, or the
    pieces the detector cut a line into) hold half of its length or more."""
    middles = (boxes[:, 0] + boxes[:, 2]) / 2
    on = boxes[np.abs(middles - (band[0] + band[2]) / 2) <= CENTRED * column]
    y0, y1 = int(band[1]), int(band[3])
    rows = np.zeros(max(1, y1 - y0), dtype=bool)
    for box in on:
        rows[max(0, int(box[1]) - y0) : max(0, int(np.ceil(box[3])) - y0)] = True
    return bool(rows.sum() >= 0.5 * len(rows))


def _between(band: np.ndarray, tall: np.ndarray) -> bool:
    """Whether boxes set down reach over the band's edges from both sides,
    each beside it for ``BESIDE`` of its length (the band stands inside a
    block of columns, not at its edge, where a border or an ornament is)."""
    middles = (tall[:, 0] + tall[:, 2]) / 2
    down = np.minimum(tall[:, 3], band[3]) - np.maximum(tall[:, 1], band[1])
    beside = down >= BESIDE * (band[3] - band[1])
    left = beside & (middles < band[0]) & (tall[:, 2] >= band[0])
    right = beside & (middles > band[2]) & (tall[:, 0] <= band[2])
    return bool(left.any() and right.any())


def _same_column(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two bands are one column found from its two neighbours:
    overlapping for half the narrower's width, and in height."""
    across = min(a[2], b[2]) - max(a[0], b[0])
    down = min(a[3], b[3]) - max(a[1], b[1])
    return across >= 0.5 * min(a[2] - a[0], b[2] - b[0]) and down > 0


def _type_like(band: np.ndarray, ink: np.ndarray, body: float) -> bool:
    """Whether the band's ink is a column of characters: of the glyph-size
    pieces of ink (a fifth of a body tall or taller) that reach into it,
    ``MIN_PIECES`` or more, and ``WHOLE`` of them, lie within it (a strip
    cut through larger type beside holds pieces of glyphs that run on past
    it); none of them taller than ``MAX_PIECE`` bodies (a rule), and those
    within about as tall as the band is wide at the median (``SQUARE``)."""
    x0, y0, x1, y1 = (int(v) for v in band)
    left = max(0, round(x0 - body))
    crop = (ink[y0:y1, left : round(x1 + body)] > 0).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(crop, connectivity=8)
    pieces = stats[1:count]
    starts = left + pieces[:, cv2.CC_STAT_LEFT]
    ends = starts + pieces[:, cv2.CC_STAT_WIDTH]
    heights = pieces[:, cv2.CC_STAT_HEIGHT]
    reach = (heights >= 0.2 * body) & (ends > x0) & (starts < x1)
    margin = WITHIN * body
    inside = reach & (starts >= x0 - margin) & (ends <= x1 + margin)
    if int(inside.sum()) < max(MIN_PIECES, WHOLE * int(reach.sum())):
        return False
    if heights[reach].max(initial=0) > MAX_PIECE * body:
        return False
    low, high = SQUARE
    return low <= float(np.median(heights[inside])) / (x1 - x0) <= high
