"""Detected boxes that hold more than one line of type, cut into their lines.

PaddleOCR's DB detector finds a line as a connected region of its text
probability map, then pads it (unclip ratio 1.6). Where lines or columns are
set close (small advert type, heavy type whose strokes bleed into each
other), the regions of two or three lines touch, one box takes them all in,
and the recogniser, which reads one line at a height of 48
pixels, reads it as one line: two columns of vertical Chinese side by side
come out as one column of mixed characters, or one of them is lost (ECPO
1940: four boxes over two or three columns of small advert type).

The lines are told apart as Tesseract and Kraken tell lines apart in a block,
by the ink's horizontal projection profile: each line of type is a band of
dense rows (its x-height or its Chinese characters) and two lines are parted
by rows of little ink (the descenders of one and the ascenders of the next).
A row's ink is measured as a share of the width the ink around it spans, so
that a paragraph's short last line counts as fully as a full one. A box is
cut at the emptiest row between two such bands when both bands are of one
type size, a line's height apart, and few glyphs (connected pieces of ink)
reach into both; one band, bands of very different sizes (a capital's bar
over a headline's lowercase), or bands that the same glyphs make (the bars
of one line of light capitals) leave it whole. The row must be white all
along the box, stretch by stretch: a box run across a gutter holds two
columns whose baselines differ. A band that the box's edge cuts is the
sliver of a neighbouring line taken in by the padding, unless it is as tall
as the box's whole lines. Vertical lines (Chinese set
top to bottom) are parted the same way, turned a quarter: columns of
characters side by side with white between.
"""

from __future__ import annotations

import itertools

import cv2
import numpy as np
from newsprint.layout.boxes import true_runs

MIN_HEIGHT = 1.5
"""× the body line height (the median detected box): a box this tall or
taller may hold more than one line. A single detected line is about one."""
MAX_HEIGHT = 5.0
"""× body: a box taller than this is not cut (a picture's words, display type
too large to be two body lines)."""
MIN_WIDTH = 3.0
"""× body: a box narrower than this is not cut (a drop cap, a bracket, a
short heading whose profile is one or two glyphs)."""
CORE_SHARE = 0.25
"""A row with this share of the box's densest row's ink or more is part of
a line's core band (the x-height of Latin, the body of Chinese characters)."""
MIN_CORE = 0.2
"""× body: a core band at least this tall is a line (a serif's or a bar's
few rows are not)."""
MAX_VALLEY = 0.15
"""Share of the densest row: rows between two lines hold less ink than this
(as ``layout.params.separators.TouchingLinesParams.max_valley``)."""
MIN_PITCH = 0.5
"""× body: two core bands' middles at least this far apart (a line pitch)."""
MAX_BRIDGING = 0.35
"""Share of the glyphs of the core band with fewer: at most this many reach
into both bands of two lines (``_parted``)."""
EDGE_WHOLE = 0.8
"""× the tallest core band inside the box: a band cut by the box's edge is a
line of its own when it is this tall (``_whole_cores``)."""
SEGMENT = 4.0
"""× body: the stretches along a box in which a row between lines must be
white on its own (``_white_across``)."""
EXTENT_REACH = 0.25
"""× body: a row's density is its ink over the width the ink within this
many body lines above and below it spans (``_row_density``)."""
SAME_SIZE = 0.5
"""The shorter core band is at least this share of the taller: two lines of
one type size, not a capital's bar over lowercase."""


def split_stacked_lines(
    boxes: np.ndarray, ink: np.ndarray, body: float, down: bool = False
) -> np.ndarray:
    """``boxes`` (N x 4, x0, y0, x1, y1 in working pixels) with every box that
    holds two or more lines of type (see the module's docstring) replaced by one
    box per line, full length, cut at the emptiest row between lines. ``ink``
    (H x W, 255 on ink) is the page's ink mask; ``body`` the median detected line
    height in working pixels (the median width on a page of vertical lines).
    ``down``: the page's lines run down (vertical Chinese); its boxes are cut
    into columns the same way, turned a quarter (two close-set columns of
    small advert type that the detector boxed as one: ECPO 1940). Returns an
    M x 4 float array, M >= N."""
    if body <= 0 or len(boxes) == 0:
        return boxes
    if down:
        turned = split_stacked_lines(np.asarray(boxes)[:, TURN], ink.T, body)
        return turned[:, TURN]
    out: list[np.ndarray] = []
    for box in np.asarray(boxes, dtype=np.float64):
        cuts = _cut_rows(box, ink, body)
        if not cuts:
            out.append(box)
            continue
        edges = [box[1], *cuts, box[3]]
        out += [np.array([box[0], a, box[2], b]) for a, b in itertools.pairwise(edges)]
    return np.array(out, dtype=np.float64).reshape(-1, 4)


TURN = [1, 0, 3, 2]
"""Box columns that swap x and y: a box of a vertical line seen as a row."""


def _cut_rows(box: np.ndarray, ink: np.ndarray, body: float) -> list[int]:
    """Rows (in ``ink``'s pixels) where ``box`` is cut into lines; empty for one line."""
    x0, y0, x1, y1 = (round(float(v)) for v in box)
    height, width = y1 - y0, x1 - x0
    if not (MIN_HEIGHT * body <= height <= MAX_HEIGHT * body) or width < MIN_WIDTH * body:
        return []
    top = max(0, y0)
    crop = ink[top:y1, max(0, x0) : x1]
    if crop.size == 0:
        return []
    rows = _row_density(crop, body)
    peak = rows.max(initial=0)
    if peak == 0:
        return []
    cores = _whole_cores(
        [(a, b) for a, b in true_runs(rows >= CORE_SHARE * peak) if b - a >= MIN_CORE * body],
        len(rows),
    )
    if len(cores) < 2:
        return []
    _, labels = cv2.connectedComponents((crop > 0).astype(np.uint8), connectivity=8)
    cuts = []
    for (a0, a1), (b0, b1) in itertools.pairwise(cores):
        if min(a1 - a0, b1 - b0) < SAME_SIZE * max(a1 - a0, b1 - b0):
            continue
        if (b0 + b1) / 2 - (a0 + a1) / 2 < MIN_PITCH * body:
            continue
        valley = a1 + int(np.argmin(rows[a1:b0])) if b0 > a1 else a1
        if (
            rows[valley] <= MAX_VALLEY * peak
            and _white_across(crop, valley, body)
            and _parted(labels, (a0, a1), (b0, b1))
        ):
            cuts.append(top + valley)
    return cuts


def _whole_cores(cores: list[tuple[int, int]], height: int) -> list[tuple[int, int]]:
    """The core bands that are whole lines. A band the box's edge cuts is the
    sliver of a neighbouring line that the detector's padding took in (a line
    with a box of its own) unless it is as tall as the box's whole bands: in
    close-set bold type the detector boxes a line with the two around it, and
    often not those two on their own (synthetic en-old-1002)."""
    inner = [(a, b) for a, b in cores if a > 0 and b < height]
    tallest = max((b - a for a, b in inner), default=0)
    return [(a, b) for a, b in cores if (a, b) in inner or b - a >= EDGE_WHOLE * tallest > 0]


def _white_across(crop: np.ndarray, row: int, body: float) -> bool:
    """Whether ``row`` is white between lines all along the box, stretch by
    stretch (``SEGMENT`` body lines long): a box the detector ran across a
    gutter holds two columns whose lines need not align, and a row between
    two lines of one column can cross the middle of a line of the other
    (synthetic en-old-1000: "WHAT was once a vacant lot" beside "Goalkeeper
    Priya Raman made seven saves" half a line higher)."""
    step = max(1, round(SEGMENT * body))
    for x in range(0, crop.shape[1], step):
        part = crop[:, x : x + step] > 0
        fullest = part.sum(axis=1).max(initial=0)
        if fullest and part[row].sum() > MAX_VALLEY * fullest:
            return False
    return True


def _parted(labels: np.ndarray, above: tuple[int, int], below: tuple[int, int]) -> bool:
    """Whether two core bands are two lines rather than one line's two halves:
    few glyphs (connected pieces of ink) reach into both. Across one line of
    light capitals, whose bars make two dense bands with thin stems between,
    nearly every glyph does (Oakland's "AUDREY HEPBURN · REX HARRISON");
    between two close-set lines only a descender that touches an ascender
    below, or strokes that bled into each other."""
    top, bottom = (set(np.unique(labels[slice(*band)]).tolist()) - {0} for band in (above, below))
    return len(top & bottom) <= MAX_BRIDGING * max(1, min(len(top), len(bottom)))


def _row_density(crop: np.ndarray, body: float) -> np.ndarray:
    """Each row's ink as a share of the width that the ink around it (within a
    quarter body line) spans: a paragraph's short last line fills its own
    width as densely as a full line fills the column, where a count of ink
    alone would make it a faint row beside the full line above it."""
    inked = (crop > 0).astype(np.uint8)
    reach = max(1, round(EXTENT_REACH * body))
    around = cv2.dilate(inked, np.ones((2 * reach + 1, 1), np.uint8))
    any_ink = around.any(axis=1)
    first = np.argmax(around, axis=1)
    last = around.shape[1] - np.argmax(around[:, ::-1], axis=1)
    extent = np.where(any_ink, last - first, 1)
    return inked.sum(axis=1) / np.maximum(extent, 1)
