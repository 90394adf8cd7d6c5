"""Vertical lines the text detector boxed none of, between two it boxed.

On a page of close-set vertical type the detector's padded boxes of two
columns can meet over the column between them, which then has no box of
its own: half of it lies in each neighbour's box, it is neither's line, and
no stage reads it (ECPO 1940, columns 25-30 working pixels apart in boxes
40-50 wide: "書寓裏頭，不論紅" between "黑先生與娘姨大" and
"四十個進去。所以"). The pass over unread ink (``ocr.unread``) does not
see it either, as its ink lies inside boxes.

Such a column is found from the ink, as ``ocr.stacked`` finds lines, by
the vertical projection profile beside each box set down: a band of ink as
wide as a column of the page's type that no box is centred on, with a box
set down on either side of it along most of its length, made of
glyph-sized pieces (not a rule), is boxed as a line of its own over the
rows its ink spans. Boxes are (x0, y0, x1, y1) in working-image pixels.
"""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.layout.boxes import true_runs

CORE_SHARE = 0.25
"""A column of the profile with this share of its densest column's ink or
more is part of a band of type (as ``ocr.stacked.CORE_SHARE``)."""
MIN_WIDTH = 0.5
"""× body (the median width of the lines set down): a band this wide or
wider is a column of characters; a rule is a few pixels."""
MAX_WIDTH = 1.5
"""× body: a band wider than this is no single column."""
CENTRED = 0.3
"""× body: a box whose middle lies this close to a band's middle holds it."""
BESIDE = 0.5
"""Share of a band's length: a box set down runs beside it on either side
for at least this much."""
MIN_LENGTH = 1.5
"""× body: a band at least this long (two characters and more)."""
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
SQUARE = 1.3
"""The band's glyph-size pieces are at most this many times as tall as the
band is wide, at the median: Chinese characters are square, and a band cut
from display type beside (ECPO 1940: a strip of a headline's characters
three times its width) is no column of its own."""


def columns_between(boxes: np.ndarray, ink: np.ndarray, body: float) -> np.ndarray:
    """``boxes`` (N x 4) and a box for each column of type that lies between
    two boxes set down and has none of its own (see the module's docstring),
    appended. ``ink`` (H x W, non-zero on ink) is the page's ink mask;
    ``body`` the median width of the lines set down, in working pixels.
    Returns an M x 4 float array, M >= N."""
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    tall = boxes[(boxes[:, 3] - boxes[:, 1]) >= 2 * (boxes[:, 2] - boxes[:, 0])]
    if body <= 0 or len(tall) < 2:
        return boxes
    found: list[np.ndarray] = []
    for box in tall:
        for band in _bands_beside(box, ink, body):
            if _held(band, boxes, body) or not _between(band, tall):
                continue
            same = [i for i, f in enumerate(found) if _same_column(band, f)]
            if same:
                found[same[0]] = _union(found[same[0]], band)
            elif _type_like(band, ink, body):
                found.append(band)
    if not found:
        return boxes
    return np.vstack([boxes, np.array(found)])


def _bands_beside(box: np.ndarray, ink: np.ndarray, body: float) -> list[np.ndarray]:
    """The bands of ink (columns of the vertical projection profile) over
    ``box``'s rows, from a body's width left of it to a body's width right of
    it, each boxed over the rows its ink spans."""
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
        if not MIN_WIDTH * body <= b - a <= MAX_WIDTH * body:
            continue
        rows = np.flatnonzero(crop[:, a:b].any(axis=1))
        if len(rows) and rows[-1] + 1 - rows[0] >= MIN_LENGTH * body:
            bands.append(np.array([x0 + a, y0 + rows[0], x0 + b, y0 + rows[-1] + 1], float))
    return bands


def _held(band: np.ndarray, boxes: np.ndarray, body: float) -> bool:
    """Whether boxes centred on the band (a line set down, or the pieces the
    detector cut a line into) hold half of its length or more."""
    middles = (boxes[:, 0] + boxes[:, 2]) / 2
    on = boxes[np.abs(middles - (band[0] + band[2]) / 2) <= CENTRED * body]
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


def _union(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.array([min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])])


def _type_like(band: np.ndarray, ink: np.ndarray, body: float) -> bool:
    """Whether the band's ink is a column of characters: of the glyph-size
    pieces of ink (a fifth of a body tall or taller) that reach into it,
    ``MIN_PIECES`` or more, and ``WHOLE`` of them, lie within it (a strip
    cut through larger type beside holds pieces of glyphs that run on past
    it); none of them taller than ``MAX_PIECE`` bodies (a rule), and about
    as tall as the band is wide at the median (``SQUARE``: Chinese
    characters are square; a strip of display type three times its width,
    ECPO 1940, is not)."""
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
    return (
        int(inside.sum()) >= max(MIN_PIECES, WHOLE * int(reach.sum()))
        and heights[reach].max(initial=0) <= MAX_PIECE * body
        and float(np.median(heights[inside])) <= SQUARE * (x1 - x0)
    )
