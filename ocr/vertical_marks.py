"""Punctuation of a vertical line moved to where the recogniser looks for it.

A vertical line is read turned a quarter counter-clockwise (PaddleOCR's way:
the recogniser reads rows), so the top of each character cell becomes its
left and the cell's left side its foot. In horizontal type a full stop or an
enumeration comma sits at the foot-left of its cell, which is the *top-left*
of a cell in the vertical line. Vertical type puts those marks elsewhere:
centred in their cell (Taiwan and Hong Kong) or at its top-right (the
mainland's rule for vertical setting). Turned, such a mark is where no
horizontal line has one, and the recogniser drops it: on generated vertical
lines it read 45 of 65 centred marks and 30 of 65 top-right ones, and all 65
once the marks were moved to the top-left of their cells.

:func:`marks_to_reading_place` finds the marks by their geometry (a small
blob alone in its stretch of the line, beside no other ink across the line)
and moves each to the top-left of the space it has; characters are not
touched, and a line with no such mark comes back unchanged.
"""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.core.page import WorkBox
from newsprint.layout.boxes import true_runs

MARK_SIDE = 0.45
"""A mark is at most this share of the glyph column's width, either way."""
MIN_MARK_AREA = 0.012
"""…and at least this share of its square, smaller being a speck, left
alone (a comma of 25-px type is 9 px in a glyph column 22 px wide: 0.019)."""
DOT_FILL = 0.75
"""A blob filling this share of its box or more is a dot (an interpunct ·,
the dot of ！ or ？, a speck), left where it is: 。 is a ring, 、 and ， are
strokes (0.4-0.6 of their boxes in AR PL UMing)."""
CLEAR = 0.12
"""Glyph-widths of clear paper a mark needs above and below it to be alone."""
DOT_NEAR = 0.35
"""Glyph-widths: a stroke with a dot this near above or below it is half of
a compound mark set upright (the comma of ；), left where it is."""
GROW = 1
"""Pixels the mark's ink is grown by when it is moved: its soft grey edge,
which Otsu's threshold leaves out, goes with it."""
INSET = 0.08
"""Where a moved mark's corner goes: this many glyph-widths in from the
cell's top and from the column's left edge."""
INK_SHARE = 0.15
"""Share of the busiest pixel column that counts as the glyph column."""
STRAY_WIDTH = 0.5
"""A detected box at most this share of its region's vertical lines' width
wide..."""
STRAY_LENGTH = 1.0
"""...and at most that width (this many times) long is a mark the detector
boxed apart from its line (``marks_joined_to_lines``)."""
LINE_ASPECT = 2.0
"""A vertical line is at least this many times as long as it is wide."""
STRAY_GAP = 0.5
"""Line widths: such a mark this near a line's end, across from it, is of
that line."""


def marks_to_reading_place(column: np.ndarray) -> np.ndarray:
    """``column`` (H x W 8-bit grey or H x W x 3 8-bit BGR, H > W: a vertical
    line, top to bottom) with its punctuation marks moved to the top-left of
    their cells, the place the turned line's recogniser reads them in.
    Returns ``column`` itself when it holds no mark to move, else a new array
    of the same shape and type. Raises ``cv2.error`` for other dtypes."""
    grey = column if column.ndim == 2 else cv2.cvtColor(column, cv2.COLOR_BGR2GRAY)
    _, ink = cv2.threshold(grey, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    span = _glyph_column(ink)
    if span is None:
        return column
    x0, x1 = span
    width = x1 - x0
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    # Ink per row within the glyph column: neighbouring lines' ink at the
    # crop's sides does not count.
    row_ink = ink[:, x0:x1].sum(axis=1, dtype=np.int64)
    dots = [
        (int(x), int(y), int(w), int(h))
        for x, y, w, h, area in stats[1:]
        if area >= DOT_FILL * w * h and max(w, h) <= MARK_SIDE * width
    ]
    moved = None
    for i in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[i])
        if not _is_mark(x, w, h, area, x0, width) or _dot_beside(dots, (x, y, w, h), width):
            continue
        own = (labels[y : y + h, x0:x1] == i).sum(axis=1, dtype=np.int64)
        above, below = _ink_bounds(row_ink, own, y, width)
        if above is None:
            continue
        if moved is None:
            moved = column.copy()
        mask = _grown((labels == i) | (labels == 0), labels == i)
        _move(moved, column, mask, (x, y, w, h), (x0, above, below, width))
    return column if moved is None else moved


def marks_joined_to_lines(boxes: list[WorkBox]) -> list[WorkBox]:
    """A vertical block's detected line boxes (x0, y0, x1, y1, working
    pixels), each box of a lone punctuation mark that the detector boxed
    apart from its line joined to that line's box: ``boxes`` in their order,
    less the marks, the lines that took one lengthened to reach over it
    (never widened: the recogniser scales a line to its width turned, and
    a wider crop reads its characters smaller).

    A comma or full stop set at the top-right of its cell stands off the
    middle of the column, and the detector may box it alone at the line's
    head or foot; read alone, such a crop is a letter or a figure (ECPO 1940
    p. 2: "9又可得若干金", "2均篇不習上進" for "，又可得若干金", "，均爲…").
    A mark is a box at most ``STRAY_WIDTH`` of the block's median line's
    width wide and at most ``STRAY_LENGTH`` of it long; the width is
    measured over the lines at least ``LINE_ASPECT`` times as long as wide
    (no mark is). Give it a block of body type: beside a headline's or an
    advert's display lines, a short column of small type would pass for a
    mark. A mark joins the vertical line whose x span holds its middle and whose
    nearer end lies within ``STRAY_GAP`` line widths of it (or which it
    overlaps): of several, the one whose end is nearest, then the one whose
    middle is nearest across (close-set columns' boxes overlap, and a mark
    at the right of its own cell is nearer its own column's middle than the
    next column's)."""
    tall = [b for b in boxes if b[3] - b[1] >= LINE_ASPECT * (b[2] - b[0])]
    if not tall:
        return boxes
    width = float(np.median([b[2] - b[0] for b in tall]))
    grown: dict[int, WorkBox] = {}
    strays: set[int] = set()
    for i, mark in enumerate(boxes):
        if not _is_stray(mark, width):
            continue
        host = _host_line(mark, boxes, width)
        if host is None:
            continue
        line = grown.get(host, boxes[host])
        # Lengthened only: widened, the line would be read at a smaller scale.
        grown[host] = (line[0], min(line[1], mark[1]), line[2], max(line[3], mark[3]))
        strays.add(i)
    return [grown.get(i, b) for i, b in enumerate(boxes) if i not in strays]


def _is_stray(box: WorkBox, width: float) -> bool:
    w, h = box[2] - box[0], box[3] - box[1]
    return 0 < w <= STRAY_WIDTH * width and 0 < h <= STRAY_LENGTH * width


def _host_line(mark: WorkBox, boxes: list[WorkBox], width: float) -> int | None:
    """The index of the vertical line ``mark`` belongs to, or None."""
    middle = (mark[0] + mark[2]) / 2
    best, best_key = None, None
    for j, line in enumerate(boxes):
        long = line[3] - line[1] > line[2] - line[0]
        if line is mark or not long or _is_stray(line, width):
            continue
        if not line[0] <= middle <= line[2]:
            continue
        gap = max(0.0, line[1] - mark[3], mark[1] - line[3])
        if gap > STRAY_GAP * width:
            continue
        key = (gap, abs((line[0] + line[2]) / 2 - middle))
        if best_key is None or key < best_key:
            best, best_key = j, key
    return best


def _glyph_column(ink: np.ndarray) -> tuple[int, int] | None:
    """The x span of the line's own glyphs: the run of busy pixel columns
    around the busiest (neighbouring lines' ink at the crop's sides is thin)."""
    profile = ink.sum(axis=0)
    if profile.max() == 0:
        return None
    peak = int(np.argmax(profile))
    runs = true_runs(profile >= INK_SHARE * profile.max())
    left, right = next((a, b) for a, b in runs if a <= peak < b)
    return (left, right) if right - left >= 4 else None


def _is_mark(x: int, w: int, h: int, area: int, x0: int, width: int) -> bool:
    """Whether a blob (box x, w, h and ``area`` in pixels) could be a mark of
    the glyph column starting at ``x0``, ``width`` wide: small, inside the
    column, no speck, and no filled dot."""
    small = w <= MARK_SIDE * width and h <= MARK_SIDE * width
    inside = x + w > x0 and x < x0 + width
    dot = area >= DOT_FILL * w * h
    return small and inside and not dot and area >= MIN_MARK_AREA * width * width


def _dot_beside(
    dots: list[tuple[int, int, int, int]], box: tuple[int, int, int, int], width: int
) -> bool:
    """Whether a dot (x, y, w, h) lies within ``DOT_NEAR`` glyph-widths above
    or below ``box``, over the same x."""
    x, y, w, h = box
    near = DOT_NEAR * width
    for dx, dy, dw, dh in dots:
        across = dx < x + w and dx + dw > x
        gap = max(dy - (y + h), y - (dy + dh))
        if across and 0 <= gap <= near:
            return True
    return False


def _grown(free: np.ndarray, mark: np.ndarray) -> np.ndarray:
    """``mark`` grown by ``GROW`` pixels into ``free`` (paper or the mark)."""
    grown = cv2.dilate(mark.astype(np.uint8), np.ones((2 * GROW + 1,) * 2, np.uint8))
    return grown.astype(bool) & free


def _ink_bounds(
    row_ink: np.ndarray, own: np.ndarray, top: int, width: int
) -> tuple[int, int] | tuple[None, None]:
    """The row after the last of other ink above the mark (``own``: its ink
    per row from ``top``) and the first row of ink below it (the line's ends
    when there is none); (None, None) when other ink comes within ``CLEAR``
    glyph-widths of it or shares its rows (the mark is a stroke of a character)."""
    bottom = top + len(own)
    clear = max(1, round(CLEAR * width))
    near = row_ink[max(0, top - clear) : bottom + clear].copy()
    start = top - max(0, top - clear)
    near[start : start + len(own)] -= own
    if near.any():
        return None, None
    before = np.flatnonzero(row_ink[:top])
    after = np.flatnonzero(row_ink[bottom:])
    above = int(before[-1]) + 1 if len(before) else 0
    below = bottom + int(after[0]) if len(after) else len(row_ink)
    return above, below


def _move(
    out: np.ndarray,
    source: np.ndarray,
    mask: np.ndarray,
    box: tuple[int, int, int, int],
    room: tuple[int, int, int, int],
) -> None:
    """Paint the mark's pixels over with paper and draw them again at the
    top-left of the space between the ink above and below it."""
    x, y, w, h = box
    x0, above, below, width = room
    # The grown mask reaches GROW pixels past the blob's box.
    g = GROW
    x, y = max(0, x - g), max(0, y - g)
    w, h = min(mask.shape[1] - x, w + 2 * g), min(mask.shape[0] - y, h + 2 * g)
    inset = round(INSET * width)
    new_x = max(0, x0 + inset)
    new_y = min(max(above + inset, 0), max(0, below - h))
    if (new_x, new_y) == (x, y):
        return
    cut = mask[y : y + h, x : x + w]
    patch = source[y : y + h, x : x + w].copy()
    out[y : y + h, x : x + w][cut] = _paper(source, mask)
    target = out[new_y : new_y + h, new_x : new_x + w]
    fits = cut[: target.shape[0], : target.shape[1]]
    target[fits] = patch[: target.shape[0], : target.shape[1]][fits]


def _paper(source: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The median colour of the paper around the mark."""
    ring = cv2.dilate(mask.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool) & ~mask
    values = source[ring] if ring.any() else source.reshape(-1, *source.shape[2:])
    return np.median(values, axis=0).astype(source.dtype)
