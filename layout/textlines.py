"""Detected text lines made ready for layout: fitted to their ink, clear of
their neighbours, each line once; and whether a "photo" is really type.
They are cut at column separators in ``layout.line_cuts``.

Each piece keeps two boxes: the detector's box, which the recogniser reads
(it holds the whole glyphs; where the ink of a line above or below
reaches well into it, its ``read`` rows stop short of that ink), and the
box of its ink, which layout measures
(the thresholds of ``layout.segmentation`` are stated in ink line heights).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from newsprint.layout.boxes import Box, share_inside, true_runs
from newsprint.layout.direction import fit_vertical_to_ink, is_vertical, vertical_reach
from newsprint.layout.params.textlines import (
    INK_FIT,
    LINE_CUTS,
    REACH,
    REPEAT,
    ROW_NEIGHBOUR,
    RULE_THROUGH,
    TYPE_COLUMN,
)
from newsprint.layout.params.type_size import TYPE_SIZE


@dataclass(eq=False)
class LinePiece:
    """One detected text line (or a piece of one cut at a separator)."""

    ink: Box
    """The ink inside the detected box: what layout measures."""
    detected: Box
    """The detector's box (cut at separators): what the recogniser reads,
    but for ``read``'s rows where they are set."""
    parent: int = -1
    """Index of the detected line this piece was cut from."""
    parts: list[Box] = field(default_factory=list)
    """For a line joined from several detected pieces: their boxes, each read
    on its own (the recogniser reads a piece better than a long joined box)."""
    read: Box | None = None
    """The part of ``detected`` the recogniser reads where it stops short of
    a neighbour's ink: the rows of a level line clear of a stacked
    neighbour's (``_clear_of_stacked_ink``), the columns of a vertical line
    clear of the lines beside it (``direction.clear_of_side_ink``); None:
    all of ``detected``. ``detected`` itself stays the detector's, which
    layout compares type sizes by."""

    def read_boxes(self) -> list[Box]:
        return self.parts or [self.read or self.detected]


def cut_piece(piece: LinePiece, ink: Box) -> LinePiece:
    """The part of ``piece`` whose ink is ``ink`` (a piece cut at a gutter or
    clear of a row neighbour): its detected and read boxes cut across to it
    (``read_box``), their rows kept."""
    read = None if piece.read is None else read_box(piece.read, ink)
    return LinePiece(ink, read_box(piece.detected, ink), piece.parent, read=read)


def fit_to_ink(ink: np.ndarray, box: Box) -> Box | None:
    """The part of ``box`` its own ink fills, None where it holds no ink.

    The detector's padded box takes in the descenders and ascenders of the lines
    above and below (in close-set type, more): only the band of rows that holds
    the most ink is kept (``_main_band``), and a rule running through the
    box at either end is no part of the line (``_without_rules_through``)."""
    x0, y0, x1, y1 = box.pixels(ink.shape)
    crop = ink[y0:y1, x0:x1]
    if crop.size == 0:
        return None
    crop = _without_rules_through(ink, crop, x0, y0)
    rows = np.count_nonzero(crop, axis=1)
    if rows.max(initial=0) == 0:
        return None
    top, bottom = _main_band(rows)
    core = crop[top:bottom]
    cols = np.flatnonzero(np.count_nonzero(core, axis=0))
    top, bottom = _level_band(crop[:, cols[0] : cols[-1] + 1], top, bottom)
    return Box(float(x0 + cols[0]), float(y0 + top), float(x0 + cols[-1] + 1), float(y0 + bottom))


def _without_rules_through(ink: np.ndarray, crop: np.ndarray, x0: int, y0: int) -> np.ndarray:
    """``crop`` (the page's ``ink`` from column ``x0``, row ``y0``) less a thin
    stroke at its first or last inked columns that is a rule passing through:
    it fills the box's rows and runs on above or below it. A faint column
    rule at 60-72 dpi is often not found as a separator, and a short line's
    box beside it took it in: the line measured as tall as the box, and a
    paragraph's last character ("构。") was typed a headline and began a
    story of its own (``RULE_THROUGH``)."""
    height = crop.shape[0]
    runs = true_runs(np.count_nonzero(crop, axis=0) > 0)
    if len(runs) < 2:
        return crop
    P = RULE_THROUGH
    reach = max(1, int(P.beyond * height))
    out = crop
    ends = ((runs[0], runs[1][0] - runs[0][1]), (runs[-1], runs[-1][0] - runs[-2][1]))
    for (start, stop), gap in ends:
        if stop - start > P.max_width * height or gap < P.min_gap * height:
            continue
        if _rows_inked(crop[:, start:stop]) < P.min_fill:
            continue
        strip = slice(x0 + start, x0 + stop)
        beyond = np.vstack(
            (ink[max(0, y0 - reach) : y0, strip], ink[y0 + height : y0 + height + reach, strip])
        )
        if _rows_inked(beyond) < P.min_fill_beyond:
            continue
        if out is crop:
            out = crop.copy()
        out[:, start:stop] = 0
    # Two thin strokes and nothing else ("|1|"?): the line is what they are.
    return out if out.any() else crop


def _rows_inked(strip: np.ndarray) -> float:
    """The share of ``strip``'s rows holding ink (0 for no rows)."""
    if strip.shape[0] == 0:
        return 0.0
    return float(np.count_nonzero(np.count_nonzero(strip, axis=1)) / strip.shape[0])


def _level_band(crop: np.ndarray, top: int, bottom: int) -> tuple[int, int]:
    """The band a line would fill if it ran level (rows of ``crop``, the
    detector's box). A line that slopes or curves (a warped microfilm page, a
    curl near the binding) fills a taller box than its type and merges with
    the lines above and below it, and would be measured as larger type (body
    text typed a headline). It is followed in slices about two type heights
    wide (narrow enough that the slope inside one does not merge lines; in
    each, the line is the one nearest the middle of the detector's box, which
    the detector centres on its line). A line whose slices' middles lie on
    one straight line (``_line_through``), however little it slopes, is
    sheared level along it and measured as a level line is
    (``_sheared_band``) unless its ends lie within ``INK_FIT.min_shear_px``
    of its middle's row: a line tilted less than ``INK_FIT.level_drift``
    spreads its ascenders' and descenders' rows thin, and measured as it
    stands came out taller or lower than the same type run level (on the
    1853 Chicopee Weekly Journal p3, 203 lines over 1.3 body measured so,
    121 sheared). A line too short to follow, or whose sheared band is no
    lower than its box's band (solid-set lines, which no nearly white row
    parts), is measured as it stands where its slices' middles lie level;
    a curved or stepped one (a page's last row, boxed across columns at
    different heights) has each slice shifted to the line's median place
    and is measured on the sum (``_valley_band``)."""
    height = bottom - top
    slices = crop.shape[1] // (INK_FIT.slice_heights * max(1, height))
    if slices < INK_FIT.min_slices:
        return top, bottom
    parts = np.array_split(crop, slices, axis=1)
    profiles = [np.count_nonzero(part, axis=1) for part in parts]
    centre = crop.shape[0] / 2
    found = [
        (n, rows, band)
        for n, rows in enumerate(profiles)
        if (band := _band_near(rows, centre)) is not None
    ]
    if not found:
        return top, bottom
    sheared = _sheared(crop, parts, found, height)
    if sheared is not None:
        return sheared
    mids = [(lo + hi) / 2 for _, _, (lo, hi) in found]
    if max(mids) - min(mids) < INK_FIT.level_drift * height:
        return top, bottom  # level: close-set type measures as it always has
    middle = float(np.median(mids))
    level = np.zeros(crop.shape[0], dtype=np.int64)
    for (_, rows, _), mid in zip(found, mids, strict=True):
        level += _shifted(rows, round(middle - mid))
    lo, hi = _valley_band(level, int(middle))
    if hi - lo >= INK_FIT.max_level_band * height:
        return top, bottom
    return lo, hi


def _sheared(
    crop: np.ndarray,
    parts: list[np.ndarray],
    found: list[tuple[int, np.ndarray, tuple[int, int]]],
    height: int,
) -> tuple[int, int] | None:
    """The band of a line that runs straight (``crop``'s rows at its middle
    column) measured sheared level, or None where it does not run straight
    or its sheared band is no lower than ``height``, the band it fills
    sloping. ``parts``: ``crop``'s slices; ``found``: (slice index, the
    slice's ink per row, its core band) for the slices holding ink."""
    if len(found) < INK_FIT.min_straight_slices:
        return None
    starts = np.cumsum([0] + [part.shape[1] for part in parts])
    places = np.array([(starts[n] + starts[n + 1] - 1) / 2 for n, _, _ in found])
    middles = np.array([_ink_middle(rows, band) for _, rows, band in found])
    core = float(np.median([hi - lo for _, _, (lo, hi) in found]))
    slope = _line_through(places, middles, INK_FIT.level_drift * core)
    if slope is None or abs(slope) * (crop.shape[1] - 1) / 2 < INK_FIT.min_shear_px:
        return None
    lo, hi = _sheared_band(crop, slope)
    return (lo, hi) if 0 < hi - lo < height else None


def _line_through(places: np.ndarray, middles: np.ndarray, slack: float) -> float | None:
    """The slope (rows per column) of the straight line through the slices'
    ink-weighted middles (``middles``, rows, at columns ``places``, both of
    one length, three or more, ``places`` increasing), fitted by Theil-Sen
    (the median of the slopes between every two, which a few wrong slices
    do not move); None where fewer than ``INK_FIT.on_line`` of the middles
    lie within ``slack`` rows of it: the line curves or steps (a page's last
    row boxed across columns at different heights). A slice off the line
    followed a neighbouring line or a gap in its own."""
    i, j = np.triu_indices(len(places), k=1)
    slope = float(np.median((middles[j] - middles[i]) / (places[j] - places[i])))
    offset = float(np.median(middles - slope * places))
    near = np.abs(middles - (slope * places + offset)) <= slack
    return slope if near.mean() >= INK_FIT.on_line else None


def _ink_middle(rows: np.ndarray, band: tuple[int, int]) -> float:
    """The ink-weighted middle row of ``band`` (rows of one slice of a line):
    where its type runs, whichever of its letters rise or drop. The band's
    own middle moves with them: at 400 dpi, a slice of two type heights
    holds three or four letters, one with an ascender and the next with
    none (the Chicopee Weekly Journal of 1853)."""
    lo, hi = band
    weights = rows[lo:hi].astype(np.float64)
    return float(np.average(np.arange(lo, hi) + 0.5, weights=weights))


def _sheared_band(crop: np.ndarray, slope: float) -> tuple[int, int]:
    """The band (rows of ``crop``, at its middle column, bottom exclusive,
    within 0 and its height) of the line that runs at ``slope`` rows per
    column: each column shifted level and the sum measured as a level line
    is (``_main_band``). A line sloping a degree, measured slice by slice at
    its x-height (30 px against 50 for the level lines beside it on the
    1853 Chicopee Weekly Journal, 1-bit at 400 dpi), is measured as the
    level lines are."""
    height, width = crop.shape
    shifts = np.rint(-slope * (np.arange(width) - (width - 1) / 2)).astype(int)
    reach = int(np.abs(shifts).max(initial=0))
    rows = np.zeros(height + 2 * reach, dtype=np.int64)
    # The shift grows along the line: columns of one shift are one run.
    edges = np.flatnonzero(np.diff(shifts)) + 1
    for a, b in zip(np.r_[0, edges], np.r_[edges, width], strict=True):
        at = reach + int(shifts[a])
        rows[at : at + height] += np.count_nonzero(crop[:, a:b], axis=1)
    if not rows.any():
        return 0, 0
    lo, hi = _main_band(rows)
    return max(0, int(lo) - reach), min(height, int(hi) - reach)


def _valley_band(rows: np.ndarray, start: int) -> tuple[int, int]:
    """The line around row ``start``: its core (a quarter of the fullest
    row's ink or more), grown while the ink thins out, so that it stops at
    the least-inked row between it and the next line even when no row there
    is empty (close-set type)."""
    peak = rows.max(initial=0)
    strong = rows >= INK_FIT.core_share * peak
    floor = max(1, INK_FIT.part_share * peak)
    lo = hi = min(max(start, 0), len(rows) - 1)
    hi += 1
    while lo > 0 and (strong[lo - 1] or floor <= rows[lo - 1] <= rows[lo]):
        lo -= 1
    while hi < len(rows) and (strong[hi] or floor <= rows[hi] <= rows[hi - 1]):
        hi += 1
    return lo, hi


def _shifted(rows: np.ndarray, by: int) -> np.ndarray:
    out = np.zeros_like(rows)
    if by >= 0:
        out[by:] = rows[: len(rows) - by]
    else:
        out[:by] = rows[-by:]
    return out


def _band_near(rows: np.ndarray, centre: float) -> tuple[int, int] | None:
    """The core rows (a quarter of the fullest row's ink or more) of the line
    nearest ``centre``; None for no ink."""
    peak = rows.max(initial=0)
    if peak == 0:
        return None
    strong = np.flatnonzero(rows >= INK_FIT.core_share * peak)
    runs = np.split(strong, np.flatnonzero(np.diff(strong) > 1) + 1)
    run = min(runs, key=lambda r: max(0.0, r[0] - centre, centre - r[-1]))
    return int(run[0]), int(run[-1]) + 1


def _main_band(rows: np.ndarray) -> tuple[int, int]:
    """The rows of the line itself, (top, bottom) with bottom exclusive, from
    ``rows`` (ink per row of the detector's box, some nonzero): the band,
    among those parted by nearly empty rows (under ``INK_FIT.part_share`` of
    the fullest row's ink), that holds the most ink; of two as full, the one
    nearer the box's middle, where the detector centres its line. In
    close-set old type the detector's box reaches into the lines above and
    below; a rule along the line (the unseen 1939 晶報 fold's masthead: a
    line boxed between two wavy rules) fills the fullest row, but the type
    holds more ink than it."""
    keep = rows >= max(1, INK_FIT.part_share * rows.max())
    middle = len(rows) / 2

    def weight(band: tuple[int, int]) -> tuple[int, float]:
        return int(rows[band[0] : band[1]].sum()), -abs((band[0] + band[1]) / 2 - middle)

    return max(true_runs(keep), key=weight)


def pieces_from_detection(boxes: np.ndarray, ink: np.ndarray) -> list[LinePiece]:
    """Detected line boxes (N x 4, working pixels) with their ink; empty boxes dropped.

    The detector pads its boxes (unclip ratio 1.6): in close-set type a box
    takes in half the lines above and below, and bleed or a warped line can
    join their ink to it. Each line's ink is therefore looked for only up to
    halfway to the centres of the detected lines above and below it. What
    the recogniser reads of a level line stops short of the ink of a line
    stacked above or below that reaches well into its box
    (``_clear_of_stacked_ink``)."""
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    pairs = _stacked(boxes)
    reach = _neighbour_reach(boxes, pairs)
    across = vertical_reach(boxes)
    pieces = []
    for n, (x0, y0, x1, y1) in enumerate(boxes):
        detected = Box(float(x0), float(y0), float(x1), float(y1))
        top, bottom = reach[n]
        if is_vertical(detected):  # a line of vertical Chinese, fitted across its width
            fitted = fit_vertical_to_ink(ink, detected, across[n])
        else:
            fitted = fit_to_ink(ink, Box(detected.x0, top, detected.x1, bottom))
        if fitted is not None:
            pieces.append(LinePiece(fitted, detected, n))
    pieces = _clear_of_row_neighbours(pieces, ink)
    return _clear_of_stacked_ink(pieces, pairs)


def _clear_of_stacked_ink(
    pieces: list[LinePiece], pairs: tuple[np.ndarray, np.ndarray]
) -> list[LinePiece]:
    """``pieces`` with the ``read`` box of each level line set where the ink
    of a line stacked above or below it reaches ``REACH.read_intrusion`` of
    its ink height (pixels) into its detected box: the rows between the two
    lines' ink are halved, and the line reads its own. A detector run at a
    scale set for larger type boxes a small close-set line with half of
    each neighbour, and the recogniser read two half lines as one (NCSE's
    CLD 1853 and TEC 1880 pages). Each neighbour is judged against the
    detected box; the read box never cuts into the line's own ink box. Two
    boxes stacked over one line share its ink between them (each line's ink
    is looked for only halfway to its neighbours), and may so be cut at
    each other's part: ``without_repeats`` keeps one of them. A line that
    slopes is measured as if level (``_level_band``), and its read box may
    then leave out the ends of its glyphs that climb past that band: the
    straddling boxes this is for measure as sloping too, so no test on the
    slope tells them apart. ``pairs``: ``_stacked`` of the detected boxes the pieces'
    ``parent`` indices point into."""
    level = [p for p in pieces if not is_vertical(p.detected)]
    if len(level) < 2:
        return pieces
    rows = np.array([p.parent for p in level])
    stacked, step = (m[np.ix_(rows, rows)] for m in pairs)
    detected = np.array([p.detected.as_tuple() for p in level], dtype=np.float64)
    ink = np.array([p.ink.as_tuple() for p in level], dtype=np.float64)
    i, j = np.nonzero(stacked)
    deep = REACH.read_intrusion * (ink[i, 3] - ink[i, 1])
    below = (step[i, j] > 0) & (detected[i, 3] - ink[j, 1] > deep)
    above = (step[i, j] < 0) & (ink[j, 3] - detected[i, 1] > deep)
    bottom, top = detected[:, 3].copy(), detected[:, 1].copy()
    np.minimum.at(bottom, i[below], np.maximum(ink[i, 3], (ink[i, 3] + ink[j, 1]) / 2)[below])
    np.maximum.at(top, i[above], np.minimum(ink[i, 1], (ink[i, 1] + ink[j, 3]) / 2)[above])
    cut = {}
    for k in np.flatnonzero((top != detected[:, 1]) | (bottom != detected[:, 3])):
        piece = level[k]
        read = Box(piece.detected.x0, float(top[k]), piece.detected.x1, float(bottom[k]))
        cut[id(piece)] = replace(piece, read=read)
    return [cut.get(id(p), p) for p in pieces]


def _clear_of_row_neighbours(pieces: list[LinePiece], ink: np.ndarray) -> list[LinePiece]:
    """``pieces`` with a fragment of ink at either end handed to the line
    beside it on its row (``_trimmed``). Two columns' lines boxed apart
    overlap at the gutter: the right column's box took in the left one's
    last hyphen (NCSE's MRP 1807 p54, "RO-" beside "March 28"), its ink then
    started in the gutter, and the two pieces, touching, were joined as one
    line across both columns."""
    boxes = np.array([p.detected.as_tuple() for p in pieces], dtype=np.float64).reshape(-1, 4)
    out = []
    for n, piece in enumerate(pieces):
        line = piece.ink
        if not is_vertical(piece.detected):
            for m in _row_neighbours(boxes, n):
                line = _trimmed(ink, line, pieces[m])
        if line is piece.ink:
            out.append(piece)
            continue
        # The recogniser reads the detected box: cut as a separator cuts it.
        out.append(cut_piece(piece, line))
    return out


def read_box(detected: Box, ink: Box) -> Box:
    """The part of a detected box the recogniser reads for a piece cut out of
    its line: the piece's ink across, padded by ``LINE_CUTS.read_pad`` of its
    height, within the detected box; the detected box's rows."""
    pad = LINE_CUTS.read_pad * ink.height
    return Box(
        max(detected.x0, ink.x0 - pad), detected.y0, min(detected.x1, ink.x1 + pad), detected.y1
    )


def _row_neighbours(boxes: np.ndarray, n: int) -> np.ndarray:
    """Indices of the boxes (N x 4) that overlap box ``n`` across and share
    ``ROW_NEIGHBOUR.same_row`` of the lower one's height with it."""
    box = boxes[n]
    down = np.minimum(boxes[:, 3], box[3]) - np.maximum(boxes[:, 1], box[1])
    lower = np.minimum(boxes[:, 3] - boxes[:, 1], box[3] - box[1])
    across = (boxes[:, 0] < box[2]) & (boxes[:, 2] > box[0])
    found = np.flatnonzero(across & (down >= ROW_NEIGHBOUR.same_row * lower))
    return found[found != n]


def _trimmed(ink: np.ndarray, line: Box, other: LinePiece) -> Box:
    """``line`` less a fragment of ink at its start (end) that is the line
    beside it's (``other``, whose detected box overlaps that end): no wider
    than ``ROW_NEIGHBOUR.max_fragment`` of the line's height (a hyphen, a
    stop), parted from the rest of the line by at least
    ``ROW_NEIGHBOUR.min_white`` of it, the other's box ending (starting) in
    that white, and nearer the other line's own ink than the rest of this
    one. A line of the same column, stacked under or over this one, has a
    box that runs on past the white; a word the two boxes share across a
    gutter stays with the line it stands nearer."""
    x0, y0, x1, y1 = line.pixels(ink.shape)
    cols = np.flatnonzero(np.count_nonzero(ink[y0:y1, x0:x1], axis=0)) + x0
    if cols.size < 2:
        return line
    gaps = np.flatnonzero(np.diff(cols) > ROW_NEIGHBOUR.min_white * line.height)
    if not gaps.size:
        return line
    widest = ROW_NEIGHBOUR.max_fragment * line.height
    box = other.detected
    if box.x0 < line.x0 < box.x1 < line.x1:
        end, start = int(cols[gaps[0]]), int(cols[gaps[0] + 1])
        if (
            end < box.x1 <= start
            and end + 1 - cols[0] <= widest
            and _white_beside(ink, other.ink, int(cols[0]), before=True) < start - end - 1
        ):
            return Box(float(start), line.y0, line.x1, line.y1)
    if line.x0 < box.x0 < line.x1 < box.x1:
        end, start = int(cols[gaps[-1]]), int(cols[gaps[-1] + 1])
        if (
            end < box.x0 <= start
            and cols[-1] + 1 - start <= widest
            and _white_beside(ink, other.ink, int(cols[-1]) + 1, before=False) < start - end - 1
        ):
            return Box(line.x0, line.y0, float(end + 1), line.y1)
    return line


def _white_beside(ink: np.ndarray, line: Box, x: int, before: bool) -> float:
    """Pixels of white in ``line``'s rows between x and its nearest ink
    before (after) it, within the line's ink box; the line's width where it
    has none there."""
    x0, y0, x1, y1 = line.pixels(ink.shape)
    lo, hi = (x0, min(x, x1)) if before else (max(x, x0), x1)
    cols = np.flatnonzero(np.count_nonzero(ink[y0:y1, lo:hi], axis=0)) if hi > lo else []
    if len(cols) == 0:
        return float(line.width)
    return float(hi - lo - 1 - cols[-1]) if before else float(cols[0])


def without_repeats(pieces: list[LinePiece]) -> list[LinePiece]:
    """``pieces`` less those that are another piece's line again: two
    detected boxes over one line (``REPEAT``: their ink spans one stretch
    across and mostly one band down), the one whose detected box is the
    taller dropped (it takes in half of the lines beside it, and reads
    worse)."""
    if len(pieces) < 2:
        return pieces
    ink = np.array([p.ink.as_tuple() for p in pieces], dtype=np.float64)
    x0, y0, x1, y1 = ink.T
    width, height = np.maximum(x1 - x0, 0), np.maximum(y1 - y0, 0)
    keep = np.zeros(len(pieces), dtype=bool)
    for i in np.argsort([p.detected.height for p in pieces], kind="stable"):
        kept = np.flatnonzero(keep)
        across = np.minimum(x1[kept], x1[i]) - np.maximum(x0[kept], x0[i])
        down = np.minimum(y1[kept], y1[i]) - np.maximum(y0[kept], y0[i])
        wider = np.maximum(width[kept], width[i])
        shorter = np.minimum(height[kept], height[i])
        taller = np.maximum(height[kept], height[i])
        repeats = (
            (shorter > 0)
            & (shorter >= REPEAT.size * taller)
            & (across >= REPEAT.same_stretch * wider)
            & (down >= REPEAT.covered * shorter)
        )
        keep[i] = not repeats.any()
    return [p for p, k in zip(pieces, keep, strict=True) if k]


def _neighbour_reach(
    boxes: np.ndarray, pairs: tuple[np.ndarray, np.ndarray] | None = None
) -> np.ndarray:
    """For each box (N x 4), the rows (top, bottom) it reaches before the
    midpoint to the nearest box above and below that overlaps it across
    (N x 2). Boxes side by side on one row do not limit each other.
    ``pairs``: ``_stacked(boxes)`` where the caller has it."""
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    reach = boxes[:, [1, 3]].copy()
    if len(boxes) < 2:
        return reach
    cy = (boxes[:, 1] + boxes[:, 3]) / 2
    stacked, step = pairs if pairs is not None else _stacked(boxes)
    below = np.where(stacked & (step > 0), step, np.inf).min(axis=1)
    above = np.where(stacked & (step < 0), -step, np.inf).min(axis=1)
    reach[:, 0] = np.maximum(reach[:, 0], cy - above / 2)
    reach[:, 1] = np.minimum(reach[:, 1], cy + below / 2)
    return reach


def _stacked(boxes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For boxes (N x 4): which pairs stand one above the other in a column
    (N x N bool: overlapping across by ``REACH.min_overlap_across`` of the
    narrower, centres ``REACH.min_step`` of the smaller height apart), and
    how far each box's centre lies below another's (N x N, pixels; [i, j]:
    j below i)."""
    cy = (boxes[:, 1] + boxes[:, 3]) / 2
    height = boxes[:, 3] - boxes[:, 1]
    width = boxes[:, 2] - boxes[:, 0]
    overlap = np.minimum(boxes[:, None, 2], boxes[None, :, 2]) - np.maximum(
        boxes[:, None, 0], boxes[None, :, 0]
    )
    across = overlap >= REACH.min_overlap_across * np.minimum(width[:, None], width[None, :])
    step = cy[None, :] - cy[:, None]
    stacked = across & (
        np.abs(step) > REACH.min_step * np.minimum(height[:, None], height[None, :])
    )
    return stacked, step


def filled_with_body_lines(photo: Box, pieces: list[LinePiece], body: float) -> bool:
    """Whether at least ``TYPE_COLUMN.min_lines`` body-size detected lines fill
    ``TYPE_COLUMN.covered_share`` of a "photo" (a picture holds at most a
    sign or a few words; a map's place names are the exception,
    ``photos.without_type``)."""
    covered = [
        p.ink.x_overlap(photo) * p.ink.y_overlap(photo)
        for p in pieces
        if TYPE_COLUMN.min_line * body <= p.ink.thickness <= TYPE_SIZE.surely_display * body
    ]
    covered = [a for a in covered if a > 0]
    return (
        len(covered) >= TYPE_COLUMN.min_lines
        and sum(covered) >= TYPE_COLUMN.covered_share * photo.area
    )


def is_display_type(photo: Box, pieces: list[LinePiece], body: float) -> bool:
    """Whether a "photo" is display type: a display line runs through it
    (``_in_display_line``), detected lines of any size cover most of it
    (``_covered_by_lines``: an advert of words alone), or it is a display
    glyph the detector boxed (``_a_display_glyph``) or a letter of a
    display line (``_a_letter_of_a_display_line``)."""
    return (
        _in_display_line(photo, pieces, body)
        or _covered_by_lines(photo, pieces)
        or _a_display_glyph(photo, pieces, body)
        or _a_letter_of_a_display_line(photo, pieces, body)
    )


def _a_letter_of_a_display_line(photo: Box, pieces: list[LinePiece], body: float) -> bool:
    """Whether a "photo" is a letter or two of a line of display type: a
    detected line holds ``TYPE_COLUMN.glyph_inside`` of it, and the line's
    ink (``LinePiece.ink``: the band of its letters' bodies) is over
    ``TYPE_SIZE.surely_display`` × ``body`` thick and at least
    ``TYPE_COLUMN.display_aspect`` times as long. The NZZ's black-letter
    title of 1890-1943 (but 1940's, in the shared set): its heaviest letters ("u",
    "ü", "ch") are as dense as a halftone, and the detector's box round a
    piece of the title reaches a title's height above and below it (16 body
    lines thick, only 2.0-2.4 times as long: too short for
    ``_in_display_line``, far larger than a glyph for ``_a_display_glyph``),
    while the ink of its letters' bodies runs 5-8 times as long as thick. A
    picture's box holds the lines set in it, no line holds the picture; and
    the "photo" runs along at most ``TYPE_COLUMN.letter_share`` of the
    line's ink (the NZZ's letters 0.15-0.19): a picture the detector boxed
    as a line of its own is that line's ink, whatever its shape."""
    P = TYPE_COLUMN
    return any(
        p.ink.thickness > TYPE_SIZE.surely_display * body
        and p.ink.length >= P.display_aspect * p.ink.thickness
        and share_inside(photo, p.detected) >= P.glyph_inside
        and (photo.height if p.ink.runs_down else photo.width) <= P.letter_share * p.ink.length
        for p in pieces
    )


def _a_display_glyph(photo: Box, pieces: list[LinePiece], body: float) -> bool:
    """Whether a "photo" is one or two letters of display type: a detected
    line of display size (over ``TYPE_SIZE.surely_display`` × ``body``), no
    longer than ``TYPE_COLUMN.glyph_aspect`` × its thickness, holds
    ``TYPE_COLUMN.glyph_inside`` of it and is at most 1 / ``glyph_fill`` times
    its area. A nameplate's heavy characters, each boxed by the detector on
    its own (the unseen 1939 晶報 fold's nameplate, the 1940 fold's running
    head 晶報, the "N" of the NZZ's black-letter title), are as dense as a
    halftone; the detector gives a picture no such box."""
    P = TYPE_COLUMN
    return any(
        line.thickness > TYPE_SIZE.surely_display * body
        and line.length <= P.glyph_aspect * line.thickness
        and share_inside(photo, line) >= P.glyph_inside
        and photo.area >= P.glyph_fill * line.area
        for line in (p.detected for p in pieces)
    )


def _covered_by_lines(photo: Box, pieces: list[LinePiece]) -> bool:
    """Whether detected lines of any size (``TYPE_COLUMN.min_lines`` or more)
    cover ``TYPE_COLUMN.lines_cover`` of a "photo": the union of their boxes,
    measured pixel by pixel in working-image pixels."""
    inside = [
        p.detected for p in pieces if p.detected.x_overlap(photo) * p.detected.y_overlap(photo) > 0
    ]
    if len(inside) < TYPE_COLUMN.min_lines:
        return False
    x0, y0 = int(np.floor(photo.x0)), int(np.floor(photo.y0))
    x1, y1 = int(np.ceil(photo.x1)), int(np.ceil(photo.y1))
    if x1 <= x0 or y1 <= y0:
        return False
    covered = np.zeros((y1 - y0, x1 - x0), bool)
    for box in inside:
        bx0, by0 = max(round(box.x0), x0), max(round(box.y0), y0)
        bx1, by1 = min(round(box.x1), x1), min(round(box.y1), y1)
        covered[by0 - y0 : by1 - y0, bx0 - x0 : bx1 - x0] = True
    return float(covered.mean()) >= TYPE_COLUMN.lines_cover


def _in_display_line(photo: Box, pieces: list[LinePiece], body: float) -> bool:
    """Whether a "photo" is letters of display type: it meets a detected line
    of type far larger than the body (``Box.thickness``) and far longer than
    thick, across or down the page, and detected lines cover most of it. A
    nameplate's black-letter capitals are as dense as a halftone (and run
    together with the box of rates beside them), as is each heavy character
    of a vertical headline; a picture gives the detector no line three times
    as long as thick through it."""

    def overlap(p: LinePiece) -> float:
        return p.detected.x_overlap(photo) * p.detected.y_overlap(photo)

    P = TYPE_COLUMN
    display = [
        p
        for p in pieces
        if p.detected.thickness > TYPE_SIZE.surely_display * body
        and p.detected.length >= P.display_aspect * p.detected.thickness
        and overlap(p) >= P.display_overlap * photo.area
    ]
    if not display:
        return False
    covered = sum(overlap(p) for p in pieces if p.detected.thickness >= P.min_line * body)
    return covered >= P.display_cover * photo.area
