"""Lines the print box cut: detected again, whole, in strips along its edges.

The print box (``layout.border.content_box``) leaves out the outermost 0.05%
of the page's ink, so that specks in the margin do not stretch it; where the
outermost column of type is faint or short, that can be half of it (ECPO
1919's right page, at the fold: the signature column 上海支配人笠原正吉謹啓
was cut down its middle, and what was left of it was read into the next
column's characters). Text detection, which runs inside the box, then finds
only the part of such a line inside it.

Where a detected line reaches the box's edge with ink just outside the box
beside it (and the box is not at the image's edge), a strip along that
edge, reaching ``EDGE_MARGIN`` of the page's side past it, is detected again
at the page's scale; a line there that runs on past the edge over ink
has its end there moved out (or is added, beside no line), and the box
grows over it. Lines wholly outside the box are not taken: a sliver of the
facing page at a fold, a mark in the margin. Only the strips are detected
again, at the scale of the first pass, so the lines elsewhere stay as they
were (a whole second pass over a box 2% larger changes the detection scale
and every tile's seams; a page laid out enlarged, ``detect._enlarged``, is
detected again whole over the grown box, as over any box).
Working-image pixels throughout.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from newsprint.layout.binarize import paper_level

EDGE_MARGIN = 0.01
"""Share of the page's side (width for the left and right edges, height for
the top and foot) by which a strip reaches past the print box."""

STRIP_DEPTH = 3.0
"""How far a strip reaches into the box, in the page's body type sizes (a
cut line is found whole to its end inside; a vertical line at a side edge
lies wholly in a strip this wide)."""

MIN_GAIN = 0.15
"""A line found across the edge is taken only where it reaches this many
body type sizes further than the line inside did (a sixth of a
character: the same line found again moves by a pixel or two)."""

DARK = 0.6
"""A pixel darker than this share of the paper's grey is ink, for the look
outside the box (plain, so that a strip of bare margin finds none)."""

MIN_INK = 0.05
"""Ink over at least this share of an area outside the box, beside a line
or where a line would run on, says the box cut the line (type inks 15-30%
of its lines' area; a clean margin, or a detector's box a few pixels off
its ink, holds next to none)."""

TOUCH_PX = 2.0
"""A line whose box comes this near the print box's edge reaches it."""

Box4 = tuple[int, int, int, int]


def lines_past_edges(
    boxes: np.ndarray,
    content: Box4,
    grey: np.ndarray,
    body: float,
    detect: Callable[[Box4], np.ndarray],
) -> tuple[np.ndarray, Box4]:
    """``boxes`` (N x 4, x0 y0 x1 y1, inside ``content``) with the lines that
    run across the box's edges made whole, and the box grown over them.

    ``grey`` is the working image (H x W, 8-bit); ``detect(area)`` returns the
    lines detected within ``area`` (x0, y0, x1, y1), in working pixels;
    ``body`` is the type size of the page's lines. A strip is detected only
    along an edge where ink lies just outside the box beside a line that
    reaches it: elsewhere the box cut nothing."""
    h, w = grey.shape[:2]
    dark = grey < DARK * paper_level(grey)
    x0, y0, x1, y1 = content
    depth = max(1, round(STRIP_DEPTH * body))
    mx, my = round(EDGE_MARGIN * w), round(EDGE_MARGIN * h)
    strips = {
        0: (max(0, x0 - mx), y0, min(x1, x0 + depth), y1),
        1: (x0, max(0, y0 - my), x1, min(y1, y0 + depth)),
        2: (max(x0, x1 - depth), y0, min(w, x1 + mx), y1),
        3: (x0, max(y0, y1 - depth), x1, min(h, y1 + my)),
    }
    edge_of = {0: x0, 1: y0, 2: x1, 3: y1}
    room = {0: x0 > 0, 1: y0 > 0, 2: x1 < w, 3: y1 < h}
    out = [np.asarray(b, dtype=np.float64) for b in boxes]
    for side, strip in strips.items():
        if not room[side] or not _ink_beside(boxes, side, edge_of[side], strip, dark, body):
            continue
        for line in detect(strip):
            if _across(line, side, edge_of[side]):
                new = np.asarray(line, dtype=np.float64)
                out = _joined(out, new, side, edge_of[side], dark, body)
    if len(out) == len(boxes) and all((a == b).all() for a, b in zip(out, boxes, strict=True)):
        return boxes, tuple(content)
    joined = np.asarray(out)
    grown = (
        min(x0, int(np.floor(joined[:, 0].min()))),
        min(y0, int(np.floor(joined[:, 1].min()))),
        max(x1, int(np.ceil(joined[:, 2].max()))),
        max(y1, int(np.ceil(joined[:, 3].max()))),
    )
    return joined, grown


def _ink_beside(
    boxes: np.ndarray, side: int, edge: int, strip: Box4, dark: np.ndarray, body: float
) -> bool:
    """Whether, beside a line that reaches the edge on ``side``, ink lies
    outside the box within the strip (``MIN_INK`` of the area beside it)."""
    beyond = _outside(np.asarray(strip, dtype=np.float64), side, edge)
    for line in boxes[_touching(boxes, side, edge)]:
        if _inked(dark, _alongside(line, beyond, side)):
            return True
    return False


def _touching(boxes: np.ndarray, side: int, edge: float) -> np.ndarray:
    """Which lines reach the box's edge on ``side`` (0 left, 1 top, 2 right,
    3 foot)."""
    if side < 2:
        return boxes[:, side] <= edge + TOUCH_PX
    return boxes[:, side] >= edge - TOUCH_PX


def _alongside(line: np.ndarray, area: Box4, side: int) -> Box4:
    """The part of ``area`` level with the line along the edge (the rows it
    spans at a left or right edge, its columns at the top or foot)."""
    x0, y0, x1, y1 = area
    if side in (0, 2):
        return x0, max(y0, int(line[1])), x1, min(y1, int(np.ceil(line[3])))
    return max(x0, int(line[0])), y0, min(x1, int(np.ceil(line[2]))), y1


def _inked(dark: np.ndarray, area: Box4) -> bool:
    """Whether ``MIN_INK`` of the area is ink."""
    x0, y0, x1, y1 = (max(0, v) for v in area)
    patch = dark[y0:y1, x0:x1]
    return patch.size > 0 and float(patch.mean()) >= MIN_INK


def _across(line: np.ndarray, side: int, edge: float) -> bool:
    """A line that runs from inside the box out past its edge."""
    if side < 2:
        return line[side] < edge - TOUCH_PX and line[side + 2] > edge + TOUCH_PX
    return line[side] > edge + TOUCH_PX and line[side - 2] < edge - TOUCH_PX


def _joined(
    lines: list[np.ndarray], new: np.ndarray, side: int, edge: float, dark: np.ndarray, body: float
) -> list[np.ndarray]:
    """``lines`` with the line ``new`` continues past the edge run on to its
    end there, or with ``new`` added where it lies over no line.

    The line it continues ends within ``2 * MIN_GAIN`` body sizes of the
    edge and shares half of the two's joint extent along the edge (a strip
    line run over two close lines continues neither). Only the line's end
    at the edge moves, and only by ``MIN_GAIN`` body sizes or more over ink
    (``MIN_INK``): the detector's boxes stand a few pixels off their ink
    either way."""
    gain = MIN_GAIN * body
    a, b = (1, 3) if side in (0, 2) else (0, 2)  # extent along the edge
    best, share = None, 0.5
    for i, line in enumerate(lines):
        near = (line[side] - edge if side < 2 else edge - line[side]) <= 2 * gain
        joint = max(line[b], new[b]) - min(line[a], new[a])
        shared = min(line[b], new[b]) - max(line[a], new[a])
        if near and joint > 0 and shared / joint > share:
            best, share = i, shared / joint
    if best is None:
        past = edge - new[side] if side < 2 else new[side] - edge
        outside = _outside(new, side, edge)
        enough = past >= gain and _inked(dark, outside)
        return [*lines, new] if enough and not _mostly_under(new, lines) else lines
    old = lines[best]
    further = old[side] - new[side] if side < 2 else new[side] - old[side]
    run_on = old.copy()
    run_on[side] = new[side]
    if further < gain or not _inked(dark, _outside(run_on, side, old[side])):
        return lines
    return [run_on if i == best else line for i, line in enumerate(lines)]


def _outside(line: np.ndarray, side: int, edge: float) -> Box4:
    """The part of a line's box past the edge on ``side`` (past another
    line's end there: what running on to it gains)."""
    x0, y0, x1, y1 = (_px(v) for v in line)
    e = _px(edge)
    return {0: (x0, y0, e, y1), 1: (x0, y0, x1, e), 2: (e, y0, x1, y1), 3: (x0, e, x1, y1)}[side]


def _mostly_under(new: np.ndarray, lines: list[np.ndarray]) -> bool:
    """Whether half of ``new`` lies under ``lines`` (the same line found again
    a little off, or two close lines run together)."""
    area = max(1.0, float((new[2] - new[0]) * (new[3] - new[1])))
    under = 0.0
    for line in lines:
        w = min(line[2], new[2]) - max(line[0], new[0])
        h = min(line[3], new[3]) - max(line[1], new[1])
        under += max(0.0, w) * max(0.0, h)
    return under > 0.5 * area


def _px(value: float) -> int:
    return round(float(value))
