"""Detected lines cut at the column separators that cross them.

PaddleOCR's detector joins the lines of neighbouring columns into one when
their baselines align across a narrow gutter or a thin rule (a real 1815
two-column page gives 1,200-pixel "lines" over two 600-pixel columns). Each
detected line is therefore cut wherever a column rule crosses it, or a white
corridor runs through it (body-size lines only: a headline's word space may
line up with a corridor), or the lines around it are white at one x
(``layout.gutter_votes``), or an archivist's column grid says a gutter is;
a gutter found through one row runs on into the row joined across it next
above or below.
"""

from __future__ import annotations

import itertools

import cv2
import numpy as np
from newsprint.layout.boxes import Box, true_runs, union_all
from newsprint.layout.gutter_votes import (
    lines_around,
    reach_around,
    rule_widths,
    stacked_gaps,
    stacked_gutters,
    type_on_both_sides,
    white_across,
    white_in_line,
    white_in_the_line_too,
)
from newsprint.layout.lines import LineStarts
from newsprint.layout.params.separators import DISPLAY_SPACES, GUTTERS
from newsprint.layout.params.textlines import LINE_CUTS, STACKED
from newsprint.layout.params.type_size import TYPE_SIZE
from newsprint.layout.rules import runs_beside
from newsprint.layout.textlines import LinePiece, cut_piece


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
    around = lines_around(pieces, body)
    rules = v_rules if set_across else []
    widths = rule_widths(rules, ink.shape[1])
    ruled = widths > 0
    strokeless = _without_rule_strokes(ink, body)
    stacked = stacked_gutters(pieces, strokeless, body, around, rules)
    # Lines start and stop at a gutter, not at a word space: the lines of a
    # page set across (a vertical page's lines across are headings and
    # adverts, whose white is no column's).
    starts = LineStarts([p.ink for p in pieces], body) if set_across else None
    # The detector's box measures a line's type more steadily than its ink,
    # whose height goes with how many descenders and capitals it holds; the
    # ink still rules out type that is surely display.
    across = [p.detected.height for p in pieces if p.detected.width > p.detected.height]
    boxed = float(np.median(across)) if set_across and across else 0.0
    out: list[list[LinePiece]] = []
    owns: list[np.ndarray | None] = []
    reaches = reach_around(pieces, around)
    for piece, gaps, reach in zip(pieces, stacked, reaches, strict=True):
        body_size = piece.ink.height <= TYPE_SIZE.display * body or (
            piece.detected.height <= TYPE_SIZE.display * boxed
            and piece.ink.height <= TYPE_SIZE.surely_display * body
        )
        own = white_in_line(strokeless, piece.ink, body, widths, dashes=True)
        cut = _cut(
            piece, ink, v_rules, corridors, grid, gaps, body, body_size, reach, ruled, own, starts
        )
        out.append(cut)
        # Only a line left as it was is cut again where a neighbour's gutter runs on.
        whole = len(cut) == 1 and cut[0] is piece
        owns.append(own if body_size and whole else None)
    if starts is None:
        return [part for parts in out for part in parts]
    runs_on = _gutters_run_on(out, owns, starts, ink, body)
    return [part for parts in runs_on for part in parts]


def _gutters_run_on(
    cuts: list[list[LinePiece]],
    owns: list[np.ndarray | None],
    starts: LineStarts,
    ink: np.ndarray,
    body: float,
) -> list[list[LinePiece]]:
    """``cuts`` (each detected piece's parts) with a line left whole cut at the
    gutter of the row next above or below it, where it is white itself right
    across that gutter (``owns``: over each line's width, where it is white;
    None for a line not of body type, which spans the columns) and lines
    around it start or end there (``starts``, ``LineStarts.column_edge``: a word
    space that a row was cut at is no gutter to carry on, generated
    en-5001). A gutter runs on down its band: the first of two rows joined
    across it under a running head has only the running head and the short
    lines of a heading space beside it to test a corridor by (NCSE's MRP
    1815 p54, whose second row is cut). Repeated while a cut row cuts the
    next."""
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
            blocked = _gaps_through(line, own, starts, gaps, body)
            if blocked is None:
                continue
            split = _split(parts[0], ink, blocked, body)
            if len(split) > 1:
                cuts[i] = split
                changed = True
    return cuts


def _cut_gaps(cuts: list[list[LinePiece]]) -> np.ndarray:
    """Each cut line's gaps (K x 4): its ink's middle height and height, and
    the x span between two of its neighbouring parts (start, end)."""
    gaps = []
    for parts in cuts:
        if len(parts) < 2:
            continue
        line = union_all([p.ink for p in parts])
        ordered = sorted(parts, key=lambda p: p.ink.x0)
        for left, right in itertools.pairwise(ordered):
            if right.ink.x0 > left.ink.x1:
                gaps.append((line.cy, line.height, left.ink.x1, right.ink.x0))
    return np.array(gaps, dtype=np.float64).reshape(-1, 4)


def _gaps_through(
    line: Box, own: np.ndarray, starts: LineStarts, gaps: np.ndarray, body: float
) -> np.ndarray | None:
    """Over ``line``'s width, the gaps of the rows next to it (``_cut_gaps``:
    centres at most ``LINE_CUTS.run_on_rows`` body lines away, of its type
    size) that it is white right across (``own``), that lines around it
    stop at (``starts``, ``LineStarts.column_edge``) and that lie inside it by a
    column's width; None for none."""
    least = LINE_CUTS.min_column * body
    cy, height, g0s, g1s = gaps.T
    ratio = np.maximum(height, 1.0) / max(line.height, 1.0)
    near = (
        (np.abs(cy - line.cy) <= LINE_CUTS.run_on_rows * body)
        & (ratio <= STACKED.size_ratio)
        & (ratio >= 1 / STACKED.size_ratio)
    )
    if not near.any():
        return None
    x0 = int(line.x0)
    blocked = np.zeros(len(own), dtype=bool)
    for g0, g1 in zip(g0s[near], g1s[near], strict=True):
        slack = min(int(LINE_CUTS.run_on_slack * body), int(g1 - g0) // 4)
        a, b = int(g0) - x0 + slack, int(np.ceil(g1)) - x0 - slack
        if a < least or len(own) - b < least or b <= a or not own[a:b].all():
            continue
        if not starts.column_edge(_left_of(line, g0), _right_of(line, g1)):
            continue
        blocked[a:b] = True
    return blocked if blocked.any() else None


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
    starts: LineStarts | None = None,
) -> list[LinePiece]:
    """``piece`` cut at the separators crossing it; ``body_size``: whether
    it is a line of body type (a corridor or the column grid cuts only
    those: a headline's word space may line up with a gutter below);
    ``stacked``: over the line's width, how many lines around cross each x
    and the share of them white there (``stacked_gutters``); ``around``: how
    far the lines around reach before and past it (``reach_around``); ``ruled``:
    over the page's x, the places of the rules that part lines at a narrower
    gap (``rule_widths``, ``stacked_gaps``); ``own``: over the line's
    width, where the line itself is white (``white_in_line``); ``starts``:
    where the lines around start and end (``LineStarts``; None: a page not
    set across, where that is not asked)."""
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
    white = stacked_gaps(*stacked, body, on_rule)[: x1 - x0]
    if own is not None:
        white = white_in_the_line_too(white, own, body, on_rule)
    tall: list[tuple[int, int]] = []
    if body_size:
        rows = corridors[int(line.y0) : int(np.ceil(line.y1)), x0:x1]
        if rows.size:
            for a, b in true_runs(rows.min(axis=0) > 0):
                # White in the lines that cross it too, not a word space that
                # the white under the last lines of a page (or over the first)
                # makes tall.
                edge = starts is not None and starts.column_edge(
                    _left_of(line, x0 + a), _right_of(line, x0 + b)
                )
                white_around = white_across(*stacked, a, b, body, edge)
                if white_around and type_on_both_sides(ink, x0 + a, x0 + b, line, body):
                    white[a:b] = True
                    tall.append((a, b))
    elif starts is not None:
        white |= _between_headlines(line, ink, corridors, stacked, starts, body)
    if grid is not None and body_size:
        # The column grid parts body lines (a headline spans the columns)
        # where the line is white in its gutter: cut through its ink there,
        # a caption set across two columns lost the letters under the
        # gutter ("on Wa r Street").
        crop = ink[int(line.y0) : int(np.ceil(line.y1)), x0:x1]
        blocked |= grid[x0:x1] & (np.count_nonzero(crop, axis=0) == 0)
    blocked |= _column_wide(white, blocked, body, around)
    if starts is not None:
        for a, b in tall:
            if not blocked[a:b].any() and _beside_a_wide_column(
                line, a, b, blocked, corridors, starts, body, around
            ):
                blocked[a:b] = True
    # A separator is away from the line's ends: white at an end is margin.
    margin = int(LINE_CUTS.end_margin * body)
    blocked[:margin] = False
    blocked[len(blocked) - margin :] = False
    if not blocked.any():
        return [piece]
    return _split(piece, ink, blocked, body)


def _between_headlines(
    line: Box,
    ink: np.ndarray,
    corridors: np.ndarray,
    stacked: tuple[np.ndarray, np.ndarray],
    starts: LineStarts,
    body: float,
) -> np.ndarray:
    """Over a display line's width, the white that parts two headlines the
    detector read as one line, set side by side over neighbouring stories:
    a corridor down a gutter through the line (white in the lines around),
    where the line's own space is far wider than a word space of its type:
    ``DISPLAY_SPACES.headlines_gap`` of the taller
    part's height, as ``layout.lines`` parts two such pieces detected apart,
    and twice the line's other word spaces (two of them at least), each
    part over the first column of a story (``_opens_a_column``). A
    headline over several columns whose word space falls on a gutter is not
    cut (its spaces are a third to a half of its height), nor a Chinese
    headline whose two phrases a full-width space parts (an em wide, and no
    other spaces to be wider than).
    Generated en-3008 at 72 dpi: "Council Passes $48" and "Parents Split on
    Bell Schedule", 35 px apart on 40-px type, were one headline over two
    stories."""
    x0, x1 = int(line.x0), int(np.ceil(line.x1))
    white = np.zeros(x1 - x0, dtype=bool)
    rows = corridors[int(line.y0) : int(np.ceil(line.y1)), x0:x1]
    if not rows.size:
        return white
    spaces = _word_spaces(ink, line)
    for a, b in true_runs(rows.min(axis=0) > 0):
        left = _fit_box(ink, _left_of(line, x0 + a))
        right = _fit_box(ink, _right_of(line, x0 + b))
        if left is None or right is None:
            continue
        gap = right.x0 - left.x1
        if gap < DISPLAY_SPACES.headlines_gap * max(left.height, right.height):
            continue
        others = [w for w in spaces if w < gap]
        if len(others) < 2 or gap < 2 * float(np.median(others)):
            continue
        if not (_opens_a_column(ink, left, body) and _opens_a_column(ink, right, body)):
            continue
        if white_across(*stacked, a, b, body, starts.column_edge(left, right)):
            white[a:b] = True
    return white


def _opens_a_column(ink: np.ndarray, head: Box, body: float) -> bool:
    """Whether lines of type (``LINE_CUTS.head_lines`` or more) start under
    ``head``'s left edge, with paper before them, within
    ``LINE_CUTS.head_reach`` body lines below it: a headline set flush
    over its story's first column. (The parts of a title centred over the
    page, or of a headline centred over two columns, stand over the middle
    of a column or over nothing.)"""
    P = LINE_CUTS
    y0, y1 = int(np.ceil(head.y1)), int(head.y1 + P.head_reach * body)
    # The text's first letters may stand a little left of the headline's
    # (side bearings, a larger first letter's).
    x = int(head.x0) - round(GUTTERS.edge_tolerance * body)
    reach = max(2, round(P.head_edge * body))
    before = ink[y0:y1, max(0, x - reach) : max(0, x)]
    after = ink[y0:y1, max(0, x) : x + reach]
    if before.size == 0 or after.size == 0:
        return False
    typed = np.count_nonzero(after, axis=1) > 0
    clear = np.count_nonzero(before, axis=1) == 0
    return len(true_runs(typed)) >= P.head_lines and bool(clear[typed].all())


def _word_spaces(ink: np.ndarray, line: Box) -> list[int]:
    """The widths (pixels) of a line's spaces wider than a sixth of its
    height: word spaces, not the gaps between letters."""
    x0, y0, x1, y1 = line.pixels(ink.shape)
    inked = np.count_nonzero(ink[y0:y1, x0:x1], axis=0) > 0
    least = line.height / 6
    return [b - a for a, b in true_runs(~inked) if a > 0 and b < len(inked) and b - a > least]


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
        out.append(cut_piece(piece, fitted))
    return out or [piece]


def _fit_columns(ink: np.ndarray, box: Box) -> Box | None:
    crop = ink[int(box.y0) : int(np.ceil(box.y1)), int(box.x0) : int(np.ceil(box.x1))]
    cols = np.flatnonzero(np.count_nonzero(crop, axis=0))
    if cols.size == 0:
        return None
    return Box(box.x0 + cols[0], box.y0, box.x0 + cols[-1] + 1, box.y1)


def _fit_box(ink: np.ndarray, box: Box) -> Box | None:
    """``box`` shrunk to its ink both ways; None where it holds none."""
    x0, y0, x1, y1 = box.pixels(ink.shape)
    crop = ink[y0:y1, x0:x1]
    cols = np.flatnonzero(np.count_nonzero(crop, axis=0))
    if cols.size == 0:
        return None
    rows = np.flatnonzero(np.count_nonzero(crop, axis=1))
    return Box(x0 + cols[0], y0 + rows[0], x0 + cols[-1] + 1, y0 + rows[-1] + 1)


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


def _beside_a_wide_column(
    line: Box,
    a: int,
    b: int,
    blocked: np.ndarray,
    corridors: np.ndarray,
    starts: LineStarts,
    body: float,
    reach: tuple[float, float] = (0.0, 0.0),
) -> bool:
    """Whether a tall corridor at x = a..b of ``line`` (white in the lines
    around it, type against both sides) that leaves less than a column's
    width on one side (``_column_wide``) is a gutter all the same: the
    lines of that side's column end at it (or start at it) down the
    corridor's height, and run on a column's width beyond the part of this
    line there. A table of figures set flush right in its column, a
    hairline from the next column's text, is joined to it by the detector
    in every row (the Deseret News of 1850, p6: "0,208 to baffle such
    maneuvers"); a list's numbers before the text of their column have no
    column ending at their white (``LINE_CUTS.min_column``)."""
    least = LINE_CUTS.min_column * body
    before = np.flatnonzero(blocked[:a])
    after = np.flatnonzero(blocked[b:])
    left = a - before[-1] - 1 if before.size else a + reach[0]
    right = after[0] if after.size else len(blocked) - b + reach[1]
    narrow = min(left, right)
    if narrow >= least or max(left, right) < least or narrow < LINE_CUTS.min_piece * body:
        return False
    span = _run_at(corridors[:, int(line.x0) + (a + b) // 2] > 0, int(line.cy))
    if span is None:
        return False
    y0, y1 = span
    gap_left, gap_right = int(line.x0) + a, int(line.x0) + b
    if left < right:
        return starts.wide_lines_end_at(gap_left, y0, y1, least)
    return starts.wide_lines_start_at(gap_right, y0, y1, least)


def _run_at(mask: np.ndarray, y: int) -> tuple[int, int] | None:
    """The run of ``mask`` (start, stop) that holds index ``y``; None where
    ``mask`` is false there."""
    return next(((a, b) for a, b in true_runs(mask) if a <= y < b), None)


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


def _left_of(line: Box, x: float) -> Box:
    """The part of ``line`` before x: the piece a gutter there would end."""
    return Box(line.x0, line.y0, x, line.y1)


def _right_of(line: Box, x: float) -> Box:
    """The part of ``line`` after x: the piece a gutter there would start."""
    return Box(x, line.y0, line.x1, line.y1)
