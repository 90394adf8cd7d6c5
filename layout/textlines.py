"""Detected text lines made ready for layout: cut at column separators,
fitted to their ink, measured.

PaddleOCR's detector joins the lines of neighbouring columns into one when
their baselines align across a narrow gutter or a thin rule (a real 1815
two-column page gives 1,200-pixel "lines" over two 600-pixel columns). Each
detected line is therefore cut wherever a column rule crosses it, or a white
corridor runs through it (body-size lines only: a headline's word space may
line up with a corridor), or an archivist's column grid says a gutter is.

Each piece keeps two boxes: the detector's box, which the recogniser reads
(it holds the whole glyphs), and the box of its ink, which layout measures
(the thresholds of ``layout.segmentation`` are stated in ink line heights).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import cv2
import numpy as np
from newsprint.layout.boxes import Box, true_runs, union_all
from newsprint.layout.direction import fit_vertical_to_ink, is_vertical, vertical_reach
from newsprint.layout.params.separators import CORRIDORS
from newsprint.layout.params.textlines import (
    GUTTER_TEST,
    INK_FIT,
    LINE_CUTS,
    REACH,
    REPEAT,
    ROW_NEIGHBOUR,
    STACKED,
    TYPE_COLUMN,
)
from newsprint.layout.params.type_size import TYPE_SIZE
from newsprint.layout.rules import runs_beside


@dataclass(eq=False)
class LinePiece:
    """One detected text line (or a piece of one cut at a separator)."""

    ink: Box
    """The ink inside the detected box: what layout measures."""
    detected: Box
    """The detector's box (cut at separators): what the recogniser reads."""
    parent: int = -1
    """Index of the detected line this piece was cut from."""
    parts: list[Box] = field(default_factory=list)
    """For a line joined from several detected pieces: their boxes, each read
    on its own (the recogniser reads a piece better than a long joined box)."""

    def read_boxes(self) -> list[Box]:
        return self.parts or [self.detected]


def fit_to_ink(ink: np.ndarray, box: Box) -> Box | None:
    """The part of ``box`` its own ink fills, None where it holds no ink.

    The detector's padded box takes in the descenders and ascenders of the lines
    above and below (in close-set type, more): only the band of rows around the
    fullest one is kept (``_main_band``)."""
    x0, y0, x1, y1 = box.pixels(ink.shape)
    crop = ink[y0:y1, x0:x1]
    if crop.size == 0:
        return None
    rows = np.count_nonzero(crop, axis=1)
    if rows.max(initial=0) == 0:
        return None
    top, bottom = _main_band(rows)
    core = crop[top:bottom]
    cols = np.flatnonzero(np.count_nonzero(core, axis=0))
    top, bottom = _level_band(crop[:, cols[0] : cols[-1] + 1], top, bottom)
    return Box(float(x0 + cols[0]), float(y0 + top), float(x0 + cols[-1] + 1), float(y0 + bottom))


def _level_band(crop: np.ndarray, top: int, bottom: int) -> tuple[int, int]:
    """The band a line would fill if it ran level (rows of ``crop``, the
    detector's box). A line that slopes or curves (a warped microfilm page, a
    curl near the binding) fills a taller box than its type and merges with
    the lines above and below it, and would be measured as larger type (body
    text typed a headline). It is followed in slices about two type heights
    wide (narrow enough that the slope inside one does not merge lines; in
    each, the line is the one nearest the middle of the detector's box, which
    the detector centres on its line), each slice shifted to the line's
    median place, and measured like a level line on the sum."""
    height = bottom - top
    slices = crop.shape[1] // (INK_FIT.slice_heights * max(1, height))
    if slices < INK_FIT.min_slices:
        return top, bottom
    parts = [np.count_nonzero(part, axis=1) for part in np.array_split(crop, slices, axis=1)]
    centre = crop.shape[0] / 2
    found = [(rows, band) for rows in parts if (band := _band_near(rows, centre)) is not None]
    if not found:
        return top, bottom
    mids = [(lo + hi) / 2 for _, (lo, hi) in found]
    middle = float(np.median(mids))
    if max(mids) - min(mids) < INK_FIT.level_drift * height:
        return top, bottom  # level: close-set type measures as it always has
    level = np.zeros(crop.shape[0], dtype=np.int64)
    for (rows, _), mid in zip(found, mids, strict=True):
        level += _shifted(rows, round(middle - mid))
    lo, hi = _valley_band(level, int(middle))
    if hi - lo >= INK_FIT.max_level_band * height:
        return top, bottom
    return lo, hi


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


def _main_band(rows: np.ndarray, peak: int | None = None) -> tuple[int, int]:
    """The rows of the line itself: grown from its fullest row while rows keep
    a twentieth of that ink. In close-set old type the detector's box reaches
    into the lines above and below; a nearly empty row parts them from it."""
    keep = rows >= max(1, INK_FIT.part_share * rows.max())
    peak = int(np.argmax(rows)) if peak is None else peak
    top = peak
    while top > 0 and keep[top - 1]:
        top -= 1
    bottom = peak + 1
    while bottom < len(rows) and keep[bottom]:
        bottom += 1
    return top, bottom


def pieces_from_detection(boxes: np.ndarray, ink: np.ndarray) -> list[LinePiece]:
    """Detected line boxes (N x 4, working pixels) with their ink; empty boxes dropped.

    The detector pads its boxes (unclip ratio 1.6): in close-set type a box
    takes in half the lines above and below, and bleed or a warped line can
    join their ink to it. Each line's ink is therefore looked for only up to
    halfway to the centres of the detected lines above and below it."""
    pieces = []
    reach = _neighbour_reach(boxes)
    across = vertical_reach(boxes)
    for n, (x0, y0, x1, y1) in enumerate(boxes):
        detected = Box(float(x0), float(y0), float(x1), float(y1))
        top, bottom = reach[n]
        if is_vertical(detected):  # a line of vertical Chinese, fitted across its width
            fitted = fit_vertical_to_ink(ink, detected, across[n])
        else:
            fitted = fit_to_ink(ink, Box(detected.x0, top, detected.x1, bottom))
        if fitted is not None:
            pieces.append(LinePiece(fitted, detected, n))
    return _clear_of_row_neighbours(pieces, ink)


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
        out.append(LinePiece(line, _read_box(piece.detected, line), piece.parent))
    return out


def _read_box(detected: Box, ink: Box) -> Box:
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


def _neighbour_reach(boxes: np.ndarray) -> np.ndarray:
    """For each box (N x 4), the rows (top, bottom) it reaches before the
    midpoint to the nearest box above and below that overlaps it across
    (N x 2). Boxes side by side on one row do not limit each other."""
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    reach = boxes[:, [1, 3]].copy()
    if len(boxes) < 2:
        return reach
    cy = (boxes[:, 1] + boxes[:, 3]) / 2
    height = boxes[:, 3] - boxes[:, 1]
    width = boxes[:, 2] - boxes[:, 0]
    overlap = np.minimum(boxes[:, None, 2], boxes[None, :, 2]) - np.maximum(
        boxes[:, None, 0], boxes[None, :, 0]
    )
    across = overlap >= REACH.min_overlap_across * np.minimum(width[:, None], width[None, :])
    step = cy[None, :] - cy[:, None]  # [i, j]: how far j lies below i
    stacked = across & (
        np.abs(step) > REACH.min_step * np.minimum(height[:, None], height[None, :])
    )
    below = np.where(stacked & (step > 0), step, np.inf).min(axis=1)
    above = np.where(stacked & (step < 0), -step, np.inf).min(axis=1)
    reach[:, 0] = np.maximum(reach[:, 0], cy - above / 2)
    reach[:, 1] = np.minimum(reach[:, 1], cy + below / 2)
    return reach


def cut_at_separators(
    pieces: list[LinePiece],
    ink: np.ndarray,
    v_rules: list[Box],
    corridors: np.ndarray,
    grid: np.ndarray | None,
    body: float,
    set_across: bool = True,
) -> list[LinePiece]:
    """Pieces cut wherever a column separator crosses them (see the module).

    ``set_across``: the page's text runs across (not a vertical page, whose
    lines set across are its headlines): a line then counts as body type by
    its detector box too, and a narrow gap at a column rule's place parts
    its lines (``STACKED.min_gap_on_rule``; a vertical page's lines across
    are headings and adverts' lines, whose rules frame rather than part)."""
    around = _lines_around(pieces, body)
    rules = v_rules if set_across else []
    ruled = _rule_places(rules, ink.shape[1])
    strokeless = _without_rule_strokes(ink, body)
    stacked = stacked_gutters(pieces, strokeless, body, around, rules)
    rule_width = _rule_width(rules)
    # The detector's box measures a line's type more steadily than its ink,
    # whose height goes with how many descenders and capitals it holds; the
    # ink still rules out type that is surely display.
    across = [p.detected.height for p in pieces if p.detected.width > p.detected.height]
    boxed = float(np.median(across)) if set_across and across else 0.0
    out: list[list[LinePiece]] = []
    owns: list[np.ndarray | None] = []
    for piece, gaps, reach in zip(pieces, stacked, _reach(pieces, around), strict=True):
        body_size = piece.ink.height <= TYPE_SIZE.display * body or (
            piece.detected.height <= TYPE_SIZE.display * boxed
            and piece.ink.height <= TYPE_SIZE.surely_display * body
        )
        own = _white_in_line(strokeless, piece.ink, body, ruled, rule_width)
        cut = _cut(piece, ink, v_rules, corridors, grid, gaps, body, body_size, reach, ruled, own)
        out.append(cut)
        owns.append(own if body_size else None)
    return [part for parts in _gutters_run_on(out, owns, ink, body) for part in parts]


def _gutters_run_on(
    cuts: list[list[LinePiece]], owns: list[np.ndarray | None], ink: np.ndarray, body: float
) -> list[list[LinePiece]]:
    """``cuts`` (each detected piece's parts) with a line left whole cut at the
    gutter of the row next above or below it, where it is white itself right
    across that gutter (``owns``: over each line's width, where it is white;
    None for a line not of body type, which spans the columns). A gutter
    runs on down its band: the first of two rows joined across it under a
    running head has only the running head and the short lines of a heading
    space beside it to test a corridor by (NCSE's MRP 1815 p54, whose second
    row is cut). Repeated while a cut row cuts the next."""
    cuts = list(cuts)
    changed = True
    while changed:
        changed = False
        gaps = _cut_gaps(cuts)
        for i, parts in enumerate(cuts):
            own = owns[i]
            if len(parts) != 1 or own is None:
                continue
            line = parts[0].ink
            blocked = _gaps_through(line, own, gaps, body)
            if blocked is None:
                continue
            split = _split(parts[0], ink, blocked, body)
            if len(split) > 1:
                cuts[i] = split
                changed = True
    return cuts


def _cut_gaps(cuts: list[list[LinePiece]]) -> list[tuple[Box, float, float]]:
    """Each cut line's gaps: its ink box and the x span between two of its
    neighbouring parts."""
    gaps = []
    for parts in cuts:
        if len(parts) < 2:
            continue
        line = union_all([p.ink for p in parts])
        ordered = sorted(parts, key=lambda p: p.ink.x0)
        for left, right in itertools.pairwise(ordered):
            if right.ink.x0 > left.ink.x1:
                gaps.append((line, left.ink.x1, right.ink.x0))
    return gaps


def _gaps_through(
    line: Box, own: np.ndarray, gaps: list[tuple[Box, float, float]], body: float
) -> np.ndarray | None:
    """Over ``line``'s width, the gaps of the rows next to it (``_cut_gaps``:
    centres at most ``LINE_CUTS.run_on_rows`` body lines away, of its type
    size) that it is white right across (``own``) and that lie inside it
    by a column's width; None for none."""
    x0 = int(line.x0)
    blocked = np.zeros(len(own), dtype=bool)
    least = LINE_CUTS.min_column * body
    for row, g0, g1 in gaps:
        small, big = sorted((max(row.height, 1.0), max(line.height, 1.0)))
        if abs(row.cy - line.cy) > LINE_CUTS.run_on_rows * body or big > STACKED.size_ratio * small:
            continue
        slack = min(int(LINE_CUTS.run_on_slack * body), int(g1 - g0) // 4)
        a, b = int(g0) - x0 + slack, int(np.ceil(g1)) - x0 - slack
        if a < least or len(own) - b < least or b <= a or not own[a:b].all():
            continue
        blocked[a:b] = True
    return blocked if blocked.any() else None


def stacked_gutters(
    pieces: list[LinePiece],
    ink: np.ndarray,
    body: float,
    around: list[np.ndarray] | None = None,
    v_rules: list[Box] | None = None,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each line, over its width: how many lines around it cross each x,
    and what share of them is white there. A word space is white in one line
    and inked in the next; the gap between two columns whose lines the
    detector joined is white in nearly every line around it (found band by
    band from the lines themselves, for gutters too narrow or too often
    bridged to leave a tall white corridor). ``around``: the lines that vote
    for each line (``_lines_around``), when already found; ``v_rules``: the
    page's column rules, whose pieces cross a line as white wherever else
    down the page the rule was found (a worn rule's short fragment is as
    wide as the rule, wider than a hairline)."""
    width = ink.shape[1]
    rule_width = _rule_width(v_rules or [])
    ruled = _rule_places(v_rules or [], width)
    white = np.zeros((len(pieces), width), dtype=bool)
    spans = np.zeros((len(pieces), width), dtype=bool)
    # The detector reads a row of two columns as one line or as two pieces:
    # either way the row votes once, over its whole width, and the gap
    # between its pieces is white in it (NCSE's MRP 1815 p29: two joined
    # first lines and a running head crossed a gutter that every row
    # below, read in two pieces, left out of the vote).
    for members in _rows(pieces):
        line = union_all([pieces[i].ink for i in members])
        x0, x1 = int(line.x0), int(np.ceil(line.x1))
        spans[members[0], x0:x1] = True
        white[members[0], x0:x1] = _white_in_line(ink, line, body, ruled, rule_width)
    out = []
    for piece, near in zip(pieces, around or _lines_around(pieces, body), strict=True):
        x0, x1 = int(piece.ink.x0), int(np.ceil(piece.ink.x1))
        crossing = spans[near, x0:x1].sum(axis=0)
        blank = white[near, x0:x1].sum(axis=0) / np.maximum(1, crossing)
        out.append((crossing, blank))
    return out


def _white_in_line(
    ink: np.ndarray, line: Box, body: float, ruled: np.ndarray, rule_width: int
) -> np.ndarray:
    """Over the line's width (x0 to x1, whole pixels): where it is white.
    A thin column rule crossing the line counts as white (the gutter of an
    old dense page is a hairline between two narrow strips), and so does a
    found rule's worn piece (``ruled``: where rules stand over the page's x;
    ``rule_width``: their width, 0 for none)."""
    x0, x1 = int(line.x0), int(np.ceil(line.x1))
    core = ink[int(line.y0) : int(np.ceil(line.y1)), x0:x1]
    if not core.size:
        return np.ones(max(0, x1 - x0), dtype=bool)
    filled = np.count_nonzero(core, axis=0)
    full = filled >= STACKED.full_share * core.shape[0]
    white = (filled == 0) | _hairlines(full, body)
    if rule_width:
        # A speck or a letter's serif touching the rule's piece inks a few
        # of the line's rows beside it.
        stroke = filled > STACKED.rule_piece_rows * core.shape[0]
        white |= ruled[x0:x1] & _narrow_runs(stroke, rule_width)
    return white


def _rows(pieces: list[LinePiece]) -> list[list[int]]:
    """The pieces as rows: pieces of one type size side by side on one line
    (each overlapping the row's first piece over ``STACKED.row_overlap`` of
    the shorter of the two, in height within ``STACKED.size_ratio`` of it,
    and clear of every piece of the row in x); a piece alone is a row of
    its own."""
    rows: list[list[int]] = []
    active: list[int] = []  # rows whose first piece may still overlap
    for k in sorted(range(len(pieces)), key=lambda k: pieces[k].ink.cy):
        box = pieces[k].ink
        active = [r for r in active if pieces[rows[r][0]].ink.y1 >= box.y0 - box.height]
        for r in active:
            first = pieces[rows[r][0]].ink
            small, big = sorted((max(box.height, 1.0), max(first.height, 1.0)))
            if (
                big <= STACKED.size_ratio * small
                and first.y_overlap(box) >= STACKED.row_overlap * small
                and all(box.x_overlap(pieces[m].ink) <= 0 for m in rows[r])
            ):
                rows[r].append(k)
                break
        else:
            rows.append([k])
            active.append(len(rows) - 1)
    return rows


def _lines_around(pieces: list[LinePiece], body: float) -> list[np.ndarray]:
    """For each line, which lines vote on its gutters: those of its own size
    (a headline across the columns above says nothing of the gutter between
    the body lines under it) within ``STACKED.window`` of it."""
    centres = np.array([p.ink.cy for p in pieces])
    heights = np.array([p.ink.height for p in pieces])
    masks = []
    for piece in pieces:
        ratio = np.maximum(heights, 1.0) / max(piece.ink.height, 1.0)
        masks.append(
            (np.abs(centres - piece.ink.cy) <= STACKED.window * body)
            & (ratio <= STACKED.size_ratio)
            & (ratio >= 1 / STACKED.size_ratio)
        )
    return masks


def _reach(pieces: list[LinePiece], around: list[np.ndarray]) -> list[tuple[float, float]]:
    """For each line, how far before its start and past its end the lines
    around it (``_lines_around``) that it overlaps reach (their lower and
    upper quartiles; pixels, 0 at least): a line that starts inside a column
    or stops short of one that the lines around run on in."""
    x0 = np.array([p.ink.x0 for p in pieces])
    x1 = np.array([p.ink.x1 for p in pieces])
    out = []
    for piece, near in zip(pieces, around, strict=True):
        overlapping = near & (x0 < piece.ink.x1) & (x1 > piece.ink.x0)
        if not overlapping.any():
            out.append((0.0, 0.0))
            continue
        back = piece.ink.x0 - float(np.percentile(x0[overlapping], 25))
        on = float(np.percentile(x1[overlapping], 75)) - piece.ink.x1
        out.append((max(0.0, back), max(0.0, on)))
    return out


def _without_rule_strokes(ink: np.ndarray, body: float) -> np.ndarray:
    """Ink less the strokes that run on taller than a line of body type: the
    pieces of a worn column rule on a bitonal page, too short and broken to
    be found as a rule, which run on through the white between lines where
    a letter's stem stops at its line. They leave the gutter white."""
    # odd: an even kernel loses a row
    length = max(STACKED.stroke_length_min_px, round(STACKED.stroke_length * body)) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (1, length))
    strokes = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
    # and their ragged edges, a pixel either side
    strokes = cv2.dilate(strokes, np.ones((1, 3), np.uint8))
    return cv2.bitwise_and(ink, cv2.bitwise_not(strokes))


def _rule_width(v_rules: list[Box]) -> int:
    """The widest found column rule's stroke and its waver (pixels; 0 when
    none is found)."""
    widest = max((rule.width for rule in v_rules), default=0.0)
    return int(np.ceil(widest)) + STACKED.rule_x_slack_px if widest else 0


def _narrow_runs(mask: np.ndarray, widest: float) -> np.ndarray:
    """The runs of ``mask`` no wider than ``widest`` pixels. At a column
    rule's place, the runs of inked x as narrow as the rule are pieces of the
    worn rule, inside a line or at its end (the detector starts a line at
    the rule beside it); a letter there is one line's, and the white counted
    down the lines tells them apart."""
    thin = np.zeros_like(mask)
    for a, b in true_runs(mask):
        if b - a <= widest:
            thin[a:b] = True
    return thin


def _hairlines(full: np.ndarray, body: float) -> np.ndarray:
    """The runs of full columns thin enough to be a rule (a solid blot is not)."""
    return _narrow_runs(full, max(STACKED.hairline_max_px, STACKED.hairline_max * body))


def _stacked_gaps(
    crossing: np.ndarray, blank: np.ndarray, body: float, ruled: np.ndarray | None = None
) -> np.ndarray:
    """Where enough lines cross, nearly all white, and wider than letter
    spacing; ``ruled`` (over the same x): where a column rule found
    elsewhere on the page stands, a narrower run is enough
    (``STACKED.min_gap_on_rule``)."""
    enough = crossing >= STACKED.min_lines
    white = enough & (blank >= STACKED.white_share)
    # A speck or a fragment of a worn rule inks an x of the gutter in a few
    # lines: a run of nearly white x counts when most of it is white.
    gap = enough & (blank >= STACKED.speck_share)
    for a, b in true_runs(gap):
        if np.count_nonzero(white[a:b]) < _narrowest_gap(ruled, a, b, body):
            gap[a:b] = False
    return gap


def _narrowest_gap(ruled: np.ndarray | None, a: int, b: int, body: float) -> float:
    """Pixels: how much white a gap at x = a..b must hold to part a line
    (``STACKED.min_gap``, ``min_gap_on_rule`` where ``ruled`` says a column
    rule stands there, never under ``min_gap_px``)."""
    on_rule = ruled is not None and bool(ruled[a:b].any())
    least = STACKED.min_gap_on_rule if on_rule else STACKED.min_gap
    return max(STACKED.min_gap_px, least * body)


def _white_in_the_line_too(
    gaps: np.ndarray, own: np.ndarray, body: float, ruled: np.ndarray | None = None
) -> np.ndarray:
    """The runs of ``gaps`` (the lines around white, ``_stacked_gaps``) where
    the line itself is white too (``own``): over ``STACKED.own_white_share``
    of the run and as much as a gap must be wide. A speck in its gutter
    leaves most of it white; a caption or a deck run on across the columns
    has its letters there, white only between them (generated en-1004: a
    photo's caption over three columns was cut at their gutters, its words
    there lost, once every row of the columns below voted)."""
    out = gaps.copy()
    for a, b in true_runs(gaps):
        least = max(_narrowest_gap(ruled, a, b, body), STACKED.own_white_share * (b - a))
        if np.count_nonzero(own[a:b]) < least:
            out[a:b] = False
    return out


def _rule_places(v_rules: list[Box], width: int) -> np.ndarray:
    """Over the page's x (``width`` of them): where a found column rule
    stands at any height of the page (a pixel or two of drift either side)."""
    ruled = np.zeros(width, dtype=bool)
    slack = STACKED.rule_x_slack_px
    for rule in v_rules:
        ruled[max(0, int(rule.x0) - slack) : max(0, int(np.ceil(rule.x1)) + slack)] = True
    return ruled


def _column_wide(
    gaps: np.ndarray, blocked: np.ndarray, body: float, reach: tuple[float, float] = (0.0, 0.0)
) -> np.ndarray:
    """The runs of ``gaps`` (white corridors and gaps stacked down the lines,
    along one line) with a column's width on either side: of the line, back
    to its start or on to its end or the next separator (``blocked``), and
    past its ends the lines around it, which reach ``reach`` pixels (before,
    after) beyond. A list's numbers or a tag as wide in every line ("L17
    Police in the old town") leave a white run after it down the column, and
    close-set CJK type the white between its characters near a column's
    edge ("央、", "求，" down a column's first characters): a word space, no
    gutter. But past a real gutter the line may hold only the next column's
    short last line of a paragraph ("it.", 38 px on the 1817 page), or
    before it the last character of the column to the left, and the lines
    around then run on into that column. Runs nearer each other than a
    column's width are one gutter (a speck or a rule's fragment parts it)."""
    least = LINE_CUTS.min_column * body
    kept = np.zeros_like(gaps)
    groups: list[list[tuple[int, int]]] = []
    for a, b in true_runs(gaps):
        if groups and a - groups[-1][-1][1] < least:
            groups[-1].append((a, b))
        else:
            groups.append([(a, b)])
    for group in groups:
        start, stop = group[0][0], group[-1][1]
        before = np.flatnonzero(blocked[:start] | kept[:start])
        after = np.flatnonzero(blocked[stop:])
        left = start - before[-1] - 1 if before.size else start + reach[0]
        right = after[0] if after.size else len(gaps) - stop + reach[1]
        if left >= least and right >= least:
            for a, b in group:
                kept[a:b] = True
    return kept


def _cut(
    piece: LinePiece,
    ink: np.ndarray,
    v_rules: list[Box],
    corridors: np.ndarray,
    grid: np.ndarray | None,
    stacked: tuple[np.ndarray, np.ndarray],
    body: float,
    body_size: bool,
    around: tuple[float, float] = (0.0, 0.0),
    ruled: np.ndarray | None = None,
    own: np.ndarray | None = None,
) -> list[LinePiece]:
    """``piece`` cut at the separators crossing it; ``body_size``: whether
    it is a line of body type (a corridor or the column grid cuts only
    those: a headline's word space may line up with a gutter below);
    ``stacked``: over the line's width, how many lines around cross each x
    and the share of them white there (``stacked_gutters``); ``around``: how
    far the lines around reach before and past it (``_reach``); ``ruled``:
    over the page's x, the places of the rules that part lines at a narrower
    gap (``_rule_places``, ``_stacked_gaps``); ``own``: over the line's
    width, where the line itself is white (``_white_in_line``)."""
    line = piece.ink
    x0, x1 = int(line.x0), int(np.ceil(line.x1))
    if x1 - x0 < LINE_CUTS.min_length * body:
        return [piece]
    blocked = np.zeros(x1 - x0, dtype=bool)
    # A worn rule's piece ends ragged, a few pixels short of the body line
    # that it parts (a line read across two columns just under one's end
    # joined their blocks into one across the page: synthetic en-old-5001).
    reach = LINE_CUTS.rule_reach * body if body_size else -1.0
    span = LINE_CUTS.rule_break * body
    for rule in v_rules:
        if x0 < rule.cx < x1 and runs_beside(
            rule, line, LINE_CUTS.rule_overlap, v_rules, reach, span
        ):
            blocked[max(0, int(rule.x0) - x0) : int(np.ceil(rule.x1)) - x0] = True
    on_rule = ruled[x0:x1] if ruled is not None else None
    white = _stacked_gaps(*stacked, body, on_rule)[: x1 - x0]
    if own is not None:
        white = _white_in_the_line_too(white, own, body, on_rule)
    if body_size:
        rows = corridors[int(line.y0) : int(np.ceil(line.y1)), x0:x1]
        if rows.size:
            for a, b in true_runs(rows.min(axis=0) > 0):
                # White in the lines that cross it too, not a word space that
                # the white under the last lines of a page (or over the first)
                # makes tall.
                white_around = _white_across(*stacked, a, b, body)
                if white_around and _type_on_both_sides(ink, x0 + a, x0 + b, line, body):
                    white[a:b] = True
    if grid is not None and body_size:
        # The column grid parts body lines; a headline spans the columns.
        blocked |= grid[x0:x1]
    blocked |= _column_wide(white, blocked, body, around)
    # A separator is away from the line's ends: white at an end is margin.
    margin = int(LINE_CUTS.end_margin * body)
    blocked[:margin] = False
    blocked[len(blocked) - margin :] = False
    if not blocked.any():
        return [piece]
    return _split(piece, ink, blocked, body)


def _split(piece: LinePiece, ink: np.ndarray, blocked: np.ndarray, body: float) -> list[LinePiece]:
    """``piece`` cut where ``blocked`` (over its ink's width, whole pixels)
    is true, each part fitted to its ink; parts under ``LINE_CUTS.min_piece``
    body lines wide are dropped (a speck), and ``piece`` itself is returned
    when nothing is left."""
    line = piece.ink
    x0 = int(line.x0)
    out = []
    for a, b in true_runs(~blocked):
        ink_box = Box(float(x0 + a), line.y0, float(x0 + b), line.y1)
        fitted = _fit_columns(ink, ink_box)
        if fitted is None or fitted.width < LINE_CUTS.min_piece * body:
            continue
        out.append(LinePiece(fitted, _read_box(piece.detected, fitted), piece.parent))
    return out or [piece]


def _white_across(crossing: np.ndarray, blank: np.ndarray, a: int, b: int, body: float) -> bool:
    """Whether the lines around a line are white across a corridor at x = a..b
    of it (``crossing``, ``blank``: how many lines around cross each x and
    the share of them white there, ``stacked_gutters``): somewhere in the
    run, over a gutter's narrowest width (``CORRIDORS.min_width``; over the
    whole run where it is narrower, as at a line's end),
    ``STACKED.corridor_white_share`` of them on average, or all of them but
    ``STACKED.corridor_inked_lines`` with ``STACKED.corridor_min_white``
    white. A gutter is white that wide in every line of its column band but
    one that crosses the band's head (a running head: NCSE's MRP 1807 p54,
    5 of 6; MRP 1815 p54, 3 of 4); word spaces that the white over a
    column's first line makes a corridor line up at one x now and then,
    never that wide (MRP 1807 p54's first line: all 5 lines white at one x,
    0.55 over 13 px)."""
    run = blank[a:b]
    if run.size == 0:
        return False
    width = max(1, min(run.size, int(CORRIDORS.min_width * body)))
    window = np.ones(width) / width
    share = np.convolve(run, window, mode="valid")
    white = np.convolve(run * crossing[a:b], window, mode="valid")
    inked = np.convolve(crossing[a:b], window, mode="valid") - white
    # The counts are whole lines averaged: a hair of slack for the float sums.
    one_inked = (inked <= STACKED.corridor_inked_lines + 1e-6) & (
        white >= STACKED.corridor_min_white - 1e-6
    )
    return bool(share.max() >= STACKED.corridor_white_share or one_inked.any())


def _type_on_both_sides(ink: np.ndarray, a: int, b: int, line: Box, body: float) -> bool:
    """Whether a white corridor through a line at x = a..b is a gutter: the
    next column's lines start against its right side in most rows around the
    line, and type stands against its left side too (a ragged column reaches
    it less often), in the rows around it, or in those above it or below it
    alone. The white beside a centred heading, or a river of word spaces
    down a margin, has type against it in a few rows only."""
    P = GUTTER_TEST
    above = max(0, int(line.y0 - P.rows_around * body))
    below = min(ink.shape[0], int(line.y1 + P.rows_around * body))
    reach = max(P.reach_min_px, int(P.reach * body))
    indent = int(P.indent * body)
    left = ink[above:below, max(0, a - reach) : a].max(axis=1, initial=0) > 0
    right = ink[above:below, b : b + reach + indent].max(axis=1, initial=0) > 0
    # Looked at above the line and below it apart too: at a column's foot
    # (head) the rows below (above) hold another band, a headline across.
    top, bottom = int(np.ceil(line.y1)) - above, int(line.y0) - above
    return any(
        _type_against(left[rows], right[rows], body)
        for rows in (slice(None), slice(None, top), slice(bottom, None))
    )


def _type_against(left: np.ndarray, right: np.ndarray, body: float) -> bool:
    """Whether type stands against both sides of a corridor: ``left`` and
    ``right`` say, row by row, whether ink lies beside it there (the shares
    of ``_type_on_both_sides``)."""
    P = GUTTER_TEST
    inked = int((left | right).sum())
    if inked < P.min_inked_rows * body:
        return False
    return bool(right.sum() >= P.right_share * inked and left.sum() >= P.left_share * inked)


def _fit_columns(ink: np.ndarray, box: Box) -> Box | None:
    crop = ink[int(box.y0) : int(np.ceil(box.y1)), int(box.x0) : int(np.ceil(box.x1))]
    cols = np.flatnonzero(np.count_nonzero(crop, axis=0))
    if cols.size == 0:
        return None
    return Box(box.x0 + cols[0], box.y0, box.x0 + cols[-1] + 1, box.y1)


def hairline_between(ink: np.ndarray, left: Box, right: Box, body: float) -> bool:
    """Whether a column rule stands in the space between two pieces of a row:
    a thin run of ink at one x through most rows around them. Old dense pages
    part their columns by such hairlines, often broken (too broken for
    ``layout.rules``) and with little white either side."""
    P = GUTTER_TEST
    x0, x1 = int(left.x1), int(np.ceil(right.x0))
    if x1 - x0 < P.min_space_px:
        return False
    y0 = max(0, int(min(left.y0, right.y0) - P.hairline_rows_around * body))
    y1 = min(ink.shape[0], int(max(left.y1, right.y1) + P.hairline_rows_around * body))
    strip = ink[y0:y1, x0:x1]
    if strip.size == 0:
        return False
    share = np.count_nonzero(strip, axis=0) / strip.shape[0]
    return bool((share >= P.hairline_share).any())


def gutter_between(
    ink: np.ndarray, corridors: np.ndarray, left: Box, right: Box, body: float
) -> bool:
    """Whether the space between two pieces of a row holds a column gutter: a
    tall white corridor through it that the next column's lines start against
    (the test ``cut_at_separators`` makes inside one detected line)."""
    x0, x1 = int(np.ceil(left.x1)), int(right.x0)
    y0, y1 = int(max(left.y0, right.y0)), int(np.ceil(min(left.y1, right.y1)))
    if x1 - x0 < GUTTER_TEST.min_space_px or y1 <= y0:
        return False
    rows = corridors[y0:y1, x0:x1]
    row = left.union(right)
    return any(
        _type_on_both_sides(ink, x0 + a, x0 + b, row, body)
        for a, b in true_runs(rows.min(axis=0) > 0)
    )


def is_type_column(photo: Box, pieces: list[LinePiece], body: float) -> bool:
    """Whether a "photo" is really type: body-size detected lines fill much
    of it (a picture holds at most a sign or a few words), a display line
    runs through it (``_in_display_line``), or detected lines of any size
    cover most of it (``_covered_by_lines``: an advert of words alone)."""
    covered = [
        p.ink.x_overlap(photo) * p.ink.y_overlap(photo)
        for p in pieces
        if TYPE_COLUMN.min_line * body <= p.ink.thickness <= TYPE_SIZE.surely_display * body
    ]
    covered = [a for a in covered if a > 0]
    if (
        len(covered) >= TYPE_COLUMN.min_lines
        and sum(covered) >= TYPE_COLUMN.covered_share * photo.area
    ):
        return True
    return _in_display_line(photo, pieces, body) or _covered_by_lines(photo, pieces)


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
