"""Vertical type set solid on a square grid, which the detector read across.

Old Chinese papers set small vertical type solid: the characters of a line
touch those above and below, and the lines touch each other, so a block of it
is a square grid of characters with as little white between the lines as
between the characters down a line. PaddleOCR's detector, trained mostly on
horizontal print, boxes such a block as rows across it (ECPO's 1919 fold: a
patent medicine's notice of 18 lines read as 18 rows of word soup, "向之難嵐楚
之可健章之矣當友腳谷國西東患", where the lines read "即如山西太谷縣巨商楊小階先
生數年前會…"); plain PaddleOCR reads it so too.

The shape of such a block tells no direction by itself, but the page does:
where the page's other text runs down (vertical lines were detected on it),
a block of rows stacked as close as the characters along them stand is read
down, cut into lines at the white between its character columns. Horizontal
type keeps its leading: its rows stand further apart than its characters
(a block of horizontal Chinese with any leading, or of Latin type, whose
letters make no grid, is left as it is).

Everything here is in working-image pixels.
"""

from __future__ import annotations

import itertools
import logging
from typing import TYPE_CHECKING

import numpy as np
from newsprint.layout.boxes import Box, share_inside, union_all
from newsprint.layout.direction import fit_vertical_to_ink
from newsprint.layout.params.direction import SET_SOLID

if TYPE_CHECKING:
    from newsprint.layout.textlines import LinePiece

log = logging.getLogger(__name__)


def solid_blocks_read_down(
    across: list[LinePiece], down: list[LinePiece], ink: np.ndarray
) -> tuple[list[LinePiece], list[LinePiece]]:
    """(across, down) with each solid-set grid of vertical type that the
    detector read as rows turned into its vertical lines.

    A grid is rows of type of one size (``SET_SOLID.same_size``) stacked with
    under ``SET_SOLID.row_gap`` of their height between them, at least
    ``SET_SOLID.min_side`` row heights tall and wide, whose ink repeats across
    and down at the same pitch (the autocorrelation's peak, each at least
    ``SET_SOLID.min_repeat``; the pitch across at least ``SET_SOLID.square`` of the
    pitch down). Looked for only where the page holds vertical lines
    (``SET_SOLID.min_vertical`` of its detected lines, and ``SET_SOLID.min_lines``).
    The grid's vertical lines replace its rows and any vertical line the
    detector found inside it; a vertical line running into it from above or
    below keeps its part, and the grid's line under it starts where it ends.

    ``across``/``down``: the detected horizontal and vertical lines;
    ``ink``: the page's ink mask (H x W, nonzero = ink)."""
    total = len(across) + len(down)
    if len(down) < SET_SOLID.min_lines or len(down) < SET_SOLID.min_vertical * total:
        return across, down
    taken: set[int] = set()
    lines: list[LinePiece] = []
    for rows in _stacked_rows(across):
        box = union_all([r.ink for r in rows])
        pitch = _grid_pitch(box, rows, ink)
        if pitch is None:
            continue
        inside = [d for d in down if share_inside(d.detected, box) >= SET_SOLID.inside]
        # pieces of rows that joined no row (of another size, or split off)
        inside += [a for a in across if share_inside(a.ink, box) >= SET_SOLID.inside]
        beside = [d for d in down if d not in inside and d.detected.x_overlap(box) > 0]
        cut = _lines_of(box, ink, pitch, float(np.median([r.ink.height for r in rows])), beside)
        if not cut:
            continue
        log.debug("%d rows at %s read down as %d vertical lines", len(rows), box, len(cut))
        taken.update(id(p) for p in rows + inside)
        lines.extend(cut)
    if not lines:
        return across, down
    return (
        [p for p in across if id(p) not in taken],
        [p for p in down if id(p) not in taken] + lines,
    )


def _stacked_rows(across: list[LinePiece]) -> list[list[LinePiece]]:
    """The horizontal pieces in groups of rows of one type size that overlap
    across and stand (nearly) touching one above another."""
    n = len(across)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(n), key=lambda i: across[i].ink.y0)
    for k, i in enumerate(order):
        a = across[i].ink
        reach = a.y1 + SET_SOLID.row_gap * SET_SOLID.same_size * a.height
        for j in order[k + 1 :]:
            b = across[j].ink
            if b.y0 > reach:
                break  # sorted by top: every later piece starts lower still
            low, high = sorted((a.height, b.height))
            if high > SET_SOLID.same_size * low or b.y0 - a.y1 > SET_SOLID.row_gap * low:
                continue
            if a.x_overlap(b) > 0:
                parent[root(i)] = root(j)
    groups: dict[int, list[LinePiece]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(across[i])
    return [g for g in groups.values() if len(g) > 1]


def _grid_pitch(box: Box, rows: list[LinePiece], ink: np.ndarray) -> int | None:
    """The pitch across (pixels from one line to the next) where ``box`` is
    type on a square grid (see :func:`solid_blocks_read_down`), else None."""
    size = float(np.median([r.ink.height for r in rows]))
    if box.height < SET_SOLID.min_side * size or box.width < SET_SOLID.min_side * size:
        return None
    x0, y0, x1, y1 = box.pixels(ink.shape)
    crop = ink[y0:y1, x0:x1] > 0
    across, strength_across = repeat(crop.mean(axis=0), size)
    down, strength_down = repeat(crop.mean(axis=1), size)
    if across is None or down is None:
        return None
    if min(strength_across, strength_down) < SET_SOLID.min_repeat:
        return None
    return across if across >= SET_SOLID.square * down else None


def repeat(profile: np.ndarray, size: float) -> tuple[int | None, float]:
    """(pitch, strength) of the strongest repeat of ``profile`` at a lag of
    ``SET_SOLID.pitch`` × ``size``: the lag of the autocorrelation's highest peak
    there and its height (1 = the profile repeats exactly); (None, 0) where
    the profile is too short or flat."""
    lo = max(1, int(SET_SOLID.pitch[0] * size))
    hi = int(np.ceil(SET_SOLID.pitch[1] * size))
    centred = profile - profile.mean()
    if len(centred) < 2 * hi or not centred.any():
        return None, 0.0
    corr = np.correlate(centred, centred, "full")[len(centred) - 1 :]
    corr = corr / corr[0]
    lag = lo + int(np.argmax(corr[lo : hi + 1]))
    return lag, float(corr[lag])


def _lines_of(
    box: Box, ink: np.ndarray, pitch: int, size: float, beside: list[LinePiece]
) -> list[LinePiece]:
    """The grid's vertical lines: ``box`` cut at the whitest page column
    about one ``pitch`` along from the last cut, right to left; each line's part
    under or over a vertical line that runs into the grid (``beside``) left
    to that line; each fitted to its ink."""
    from newsprint.layout.textlines import LinePiece  # which fits vertical lines with this module

    x0, y0, x1, y1 = box.pixels(ink.shape)
    crop = ink[y0:y1, x0:x1] > 0
    profile = np.convolve(crop.mean(axis=0), np.ones(3) / 3, mode="same")
    cuts = [x1 - x0]
    while cuts[-1] > SET_SOLID.last_line * pitch:
        right = cuts[-1]
        lo = max(0, right - int(SET_SOLID.cut_reach[1] * pitch))
        hi = max(lo + 1, right - int(SET_SOLID.cut_reach[0] * pitch))
        cuts.append(lo + int(np.argmin(profile[lo:hi])) if lo > 0 else 0)
        if cuts[-1] == 0:
            break
    if cuts[-1] != 0:
        cuts[-1] = 0  # a last sliver narrower than a line belongs to the line beside it
    out = []
    for right, left in itertools.pairwise(cuts):
        part = Box(float(x0 + left), float(y0), float(x0 + right), float(y1))
        part = _clear_of(part, beside)
        if part is None:
            continue
        fitted = fit_vertical_to_ink(ink, part)
        if fitted is not None and fitted.height >= SET_SOLID.min_length * size:
            out.append(LinePiece(fitted, Box(part.x0, fitted.y0, part.x1, fitted.y1)))
    return out


def _clear_of(part: Box, beside: list[LinePiece]) -> Box | None:
    """``part`` without its ends that a vertical line running into it covers
    (measured on the line's ink: the detector's box is padded over the
    neighbouring line)."""
    top, bottom = part.y0, part.y1
    for line in beside:
        ink = line.ink
        if ink.x_overlap(part) < SET_SOLID.covers * ink.width:
            continue
        if ink.y0 <= top < ink.y1:
            top = ink.y1
        if ink.y0 < bottom <= ink.y1:
            bottom = ink.y0
    return Box(part.x0, top, part.x1, bottom) if bottom > top else None
