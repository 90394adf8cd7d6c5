"""Looking at an area again in side-by-side strips: where the strips go, and
how a line's pieces from two strips are made one again.

The lines of a page that curls up towards its edge on film rise a line and
more across a column: the text detector runs each into its neighbours and
boxes none of them, while over a narrower strip each is nearly straight and
found (``ocr.unread._detect_in_strips`` calls the detector; this module is
the geometry). Boxes are (x0, y0, x1, y1) in working-image pixels.
"""

from __future__ import annotations

import itertools

import numpy as np
from newsprint.layout.boxes import true_runs

SECOND_PASS_STRIP = 16.0
"""× body line height: an unread area wider than this is looked at again in
strips this wide, overlapping by a body line. The lines of a page that curls
up towards its edge on film (NCSE's Star of Freedom 1852 p14, the top of its
third column) rise a line and more across the column: there the detector
runs each into its neighbours and boxes none of them, at any scale, while
over part of the column each is straighter and found (plain PaddleOCR finds
1 line in that 560-pixel-wide stretch, 22 in 410 pixels of it). At 20 line
heights the stretch was one strip and still unread. Set by hand."""


SECOND_PASS_SLANT = 1.5
"""A strip whose lines' median height is more than this many body line
heights holds lines that still slant across it (each box takes in part of
the next line): it is looked at again in halves
(``ocr.unread._detect_in_strips``). NCSE's Star of Freedom 1852 p14: its
curled column's right-hand strip boxed lines 1.8 body lines tall, its
halves 1.0-1.4. × body. Set by hand."""


def slanting(boxes: np.ndarray, line_height: float) -> bool:
    """Whether a strip's detected lines (N x 4) slant across it: three or
    more, their median height over ``SECOND_PASS_SLANT`` line heights, and
    stacked into each other's rows (their heights add up to a third more
    than the height they cover together), as lines rising across the strip
    are; one line of display type is tall, but stands alone."""
    if len(boxes) < 3:
        return False
    heights = boxes[:, 3] - boxes[:, 1]
    if np.median(heights) <= SECOND_PASS_SLANT * line_height:
        return False
    rows = np.zeros(int(np.ceil(boxes[:, 3].max() - boxes[:, 1].min())) + 1, dtype=bool)
    for y0, y1 in boxes[:, [1, 3]] - boxes[:, 1].min():
        rows[int(y0) : int(np.ceil(y1))] = True
    return bool(heights.sum() > SECOND_PASS_STACKED * rows.sum())


SECOND_PASS_STACKED = 4 / 3
"""See ``slanting``: a strip's lines whose heights add up to more than this
many times the rows they cover between them lie in each other's rows.
Set by hand."""


def seam(left: np.ndarray, right: np.ndarray, ink: np.ndarray) -> np.ndarray:
    """The lines of two neighbouring strips (``left``, ``right``: N x 4) as
    one list: a line's two pieces on one level (``SECOND_PASS_LEVEL``) are
    one box again; pieces of a slanted line stay apart (the recogniser reads
    each nearly straight, and layout joins a row's pieces), cut at the
    widest white where they overlap, over the rows they share: each strip
    saw the letters under the overlap, and both pieces would read them ("out
    of a" + "of a course"). A piece that grew by a join is not cut against
    the pieces looked at before it: where lines rise steeply, pieces of two
    neighbouring lines can still overlap a little (a curled column drawn
    rising 40 pixels over 700: 226 of its 242 words read, 29 words more than
    it holds, cut ends and a few read twice)."""
    left, right = left.copy(), right.copy()
    kept_left = np.ones(len(left), dtype=bool)
    kept = np.ones(len(right), dtype=bool)
    # Only the pieces that reach into the right strip can meet its lines.
    reach = right[:, 0].min() if len(right) else np.inf
    for i in np.flatnonzero(left[:, 2] > reach):
        a = left[i]  # a view: joins and cuts change ``left``
        for j, b in enumerate(right):
            shared = min(a[3], b[3]) - max(a[1], b[1])
            if not kept[j] or b[0] >= a[2] or shared < 0.5 * min(a[3] - a[1], b[3] - b[1]):
                continue
            low, high = sorted((a[3] - a[1], b[3] - b[1]))
            rise = abs((a[1] + a[3]) - (b[1] + b[3])) / 2
            if rise <= SECOND_PASS_LEVEL * high and low >= SECOND_PASS_ALIKE * high:
                a[:] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                kept[j] = False
                continue
            if b[2] <= a[2]:  # the left strip saw the whole of it
                kept[j] = False
                continue
            if a[0] >= b[0]:  # and the right strip the whole of this one
                kept_left[i] = False
                break
            x0, x1 = int(b[0]), int(np.ceil(a[2]))
            y0, y1 = int(max(a[1], b[1])), int(np.ceil(min(a[3], b[3])))
            profile = (ink[y0:y1, x0:x1] > 0).sum(axis=0)
            if not profile.size:
                continue
            cut = x0 + _widest_white(profile)
            a[2], b[0] = max(a[0] + 1, cut), min(b[2] - 1, cut)
    pieces = np.concatenate([left[kept_left], right[kept]]).reshape(-1, 4)
    # A cut near a piece's end leaves a sliver no letter fits in.
    return pieces[pieces[:, 2] - pieces[:, 0] >= 0.5 * (pieces[:, 3] - pieces[:, 1])]


SECOND_PASS_LEVEL = 0.2
"""See ``seam``: two strips' pieces of a line whose middles lie at most
this share of the taller one's height apart (and of alike heights,
``SECOND_PASS_ALIKE``) lie level: one line, cut only by the strips (their
letters' ascenders and descenders differ, so their heights do too). Set by
hand."""

SECOND_PASS_ALIKE = 0.7
"""See ``SECOND_PASS_LEVEL``: the lower piece at least this share of the
taller one's height. Set by hand."""


def _widest_white(profile: np.ndarray) -> int:
    """The middle of the widest run of the least inked x in ``profile`` (ink
    counts by x): a word space rather than the gap between two letters."""
    runs = true_runs(profile == profile.min())
    start, end = max(runs, key=lambda r: r[1] - r[0])
    return (start + end) // 2


def strips(
    area: tuple[int, int, int, int], width: int, overlap: int
) -> list[tuple[int, int, int, int]]:
    """``area`` (x0, y0, x1, y1) as side-by-side strips at most ``width``
    wide, each overlapping the next by ``overlap``; the area itself when it
    is no wider."""
    x0, y0, x1, y1 = area
    if width <= overlap or x1 - x0 <= width:
        return [area]
    count = int(np.ceil((x1 - x0 - overlap) / (width - overlap)))
    starts = [x0 + round(i * (x1 - x0 - overlap) / count) for i in range(count)] + [x1 - overlap]
    return [(start, y0, end + overlap, y1) for start, end in itertools.pairwise(starts)]
