"""Whether a gutter runs through a line at some x: what the lines around it
say (white there in nearly all of them, though the detector joined them
across it), whether a white corridor through it has type standing against
both sides, and whether a hairline rule or a gutter parts two pieces of a
row. ``layout.line_cuts`` cuts the lines where these say so.
"""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.layout.boxes import Box, true_runs, union_all
from newsprint.layout.params.separators import CORRIDORS
from newsprint.layout.params.textlines import GUTTER_TEST, STACKED
from newsprint.layout.textlines import LinePiece


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
    for each line (``lines_around``), when already found; ``v_rules``: the
    page's column rules, whose pieces cross a line as white wherever else
    down the page the rule was found (a worn rule's short fragment is as
    wide as the rule, wider than a hairline)."""
    width = ink.shape[1]
    widths = rule_widths(v_rules or [], width)
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
        white[members[0], x0:x1] = white_in_line(ink, line, body, widths)
    out = []
    for piece, near in zip(pieces, around or lines_around(pieces, body), strict=True):
        x0, x1 = int(piece.ink.x0), int(np.ceil(piece.ink.x1))
        crossing = spans[near, x0:x1].sum(axis=0)
        blank = white[near, x0:x1].sum(axis=0) / np.maximum(1, crossing)
        out.append((crossing, blank))
    return out


def white_in_line(
    ink: np.ndarray, line: Box, body: float, widths: np.ndarray, dashes: bool = False
) -> np.ndarray:
    """Over the line's width (x0 to x1, whole pixels): where it is white.
    A thin column rule crossing the line counts as white (the gutter of an
    old dense page is a hairline between two narrow strips), and so does a
    found rule's worn piece (``widths``: over the page's x, the width of the
    rule standing there, ``rule_widths``). ``dashes``: a dash or a line
    drawn along the line (``STACKED.dash_length``) counts as white too: the
    line's own white at a gutter that the lines around say is there
    (``line_cuts``)."""
    x0, x1 = int(line.x0), int(np.ceil(line.x1))
    core = ink[int(line.y0) : int(np.ceil(line.y1)), x0:x1]
    if not core.size:
        return np.ones(max(0, x1 - x0), dtype=bool)
    filled = np.count_nonzero(core, axis=0)
    full = filled >= STACKED.full_share * core.shape[0]
    white = (filled == 0) | _hairlines(full, body)
    if dashes:
        white |= _dash_columns(np.ascontiguousarray(core), body)
    on_rules = widths[x0:x1]
    if on_rules.any():
        # A speck or a letter's serif touching the rule's piece inks a few
        # of the line's rows beside it.
        stroke = filled > STACKED.rule_piece_rows * core.shape[0]
        white |= _rule_pieces(stroke, on_rules)
    return white


def _dash_columns(inked: np.ndarray, body: float) -> np.ndarray:
    """Over a line's columns (``inked``: its rows x columns, 255 on ink):
    where all its ink lies on or within ``STACKED.dash_rest`` body lines of
    a horizontal stroke at least ``STACKED.dash_length`` body lines long,
    and is at most ``STACKED.dash_thickness`` body lines tall (a dash, a
    typed strike-out, an underline, wavering a little); columns with no
    ink at all are not counted here. A letter standing on an underline
    rises above that band, so an underlined caption keeps its letters."""
    length = max(3, round(STACKED.dash_length * body))
    bars = cv2.morphologyEx(inked, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    reach = max(1, round(STACKED.dash_rest * body))
    band = cv2.dilate(bars, np.ones((2 * reach + 1, 1), np.uint8))
    stray = np.count_nonzero(cv2.bitwise_and(inked, cv2.bitwise_not(band)), axis=0) == 0
    thin = np.count_nonzero(inked, axis=0) <= STACKED.dash_thickness * body
    return stray & thin & (np.count_nonzero(bars, axis=0) > 0)


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


def lines_around(pieces: list[LinePiece], body: float) -> list[np.ndarray]:
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


def reach_around(pieces: list[LinePiece], around: list[np.ndarray]) -> list[tuple[float, float]]:
    """For each line, how far before its start and past its end the lines
    around it (``lines_around``) that it overlaps reach (their lower and
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


def _narrow_runs(mask: np.ndarray, widest: float) -> np.ndarray:
    """The runs of ``mask`` no wider than ``widest`` pixels."""
    thin = np.zeros_like(mask)
    for a, b in true_runs(mask):
        if b - a <= widest:
            thin[a:b] = True
    return thin


def _rule_pieces(stroke: np.ndarray, widths: np.ndarray) -> np.ndarray:
    """The runs of ``stroke`` that stand on a found rule's place no wider than
    that rule (``widths``: over the same x, the rule's width there, 0 where
    none): a worn rule's pieces, inside a line or at its end (the detector
    starts a line at the rule beside it); a letter there is one line's, and
    the white counted down the lines tells them apart. Each rule is its own
    measure: measured by the page's widest rule, NCSE TEC 1883 p312's heavy
    20-px border made a letter at a hairline column rule's place white, and
    the lines across above the column rule were cut there."""
    pieces = np.zeros_like(stroke)
    for a, b in true_runs(stroke):
        widest = int(widths[a:b].max())
        if widest and b - a <= widest:
            pieces[a:b] = True
    return pieces & (widths > 0)


def _hairlines(full: np.ndarray, body: float) -> np.ndarray:
    """The runs of full columns thin enough to be a rule (a solid blot is not)."""
    return _narrow_runs(full, max(STACKED.hairline_max_px, STACKED.hairline_max * body))


def stacked_gaps(
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


def white_in_the_line_too(
    gaps: np.ndarray, own: np.ndarray, body: float, ruled: np.ndarray | None = None
) -> np.ndarray:
    """The runs of ``gaps`` (the lines around white, ``stacked_gaps``) where
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


def rule_widths(v_rules: list[Box], width: int) -> np.ndarray:
    """Over the page's x (``width`` of them): the stroke width, with its
    waver (pixels), of the found column rule that stands there at any height
    of the page (a pixel or two of drift either side), the widest where
    several do; 0 elsewhere."""
    widths = np.zeros(width, dtype=np.int32)
    slack = STACKED.rule_x_slack_px
    for rule in v_rules:
        a, b = max(0, int(rule.x0) - slack), max(0, int(np.ceil(rule.x1)) + slack)
        widths[a:b] = np.maximum(widths[a:b], int(np.ceil(rule.width)) + slack)
    return widths


def white_across(
    crossing: np.ndarray,
    blank: np.ndarray,
    a: int,
    b: int,
    body: float,
    at_column_edge: bool = False,
) -> bool:
    """Whether the lines around a line are white across a corridor at x = a..b
    of it (``crossing``, ``blank``: how many lines around cross each x and
    the share of them white there, ``stacked_gutters``): somewhere in the
    run, over a gutter's narrowest width (``CORRIDORS.min_width``; over the
    whole run where it is narrower, as at a line's end),
    ``STACKED.corridor_white_share`` of them on average and at
    ``STACKED.corridor_white_width`` of its x's, or on average all of them but
    ``STACKED.corridor_inked_lines`` with ``STACKED.corridor_min_white``
    white where lines start or end at the corridor (``at_column_edge``:
    ``layout.lines.LineStarts.column_edge``). A gutter is white that wide in
    every line of its column band but one that crosses the band's head (a
    running head: NCSE's MRP 1807 p54, 5 of 6; MRP 1815 p54, 3 of 4, with
    the first column's lines ending at it); word spaces that the white over
    a column's first line makes a corridor line up at one x now and then,
    never that wide (MRP 1807 p54's first line: all 5 lines white at one x,
    0.55 on average over 13 px), and the justified lines over a band's foot
    leave the same three of four white at a word space, but run on through
    it (generated en-5001)."""
    run = blank[a:b]
    if run.size == 0:
        return False
    width = max(1, min(run.size, int(CORRIDORS.min_width * body)))
    window = np.ones(width) / width
    means = np.convolve(run, window, mode="valid")
    # And nearly every x: lines white in turn at word spaces that only
    # overlap make as high an average.
    white_at = (run >= STACKED.corridor_white_share - 1e-6).astype(np.float64)
    least = min(STACKED.corridor_white_width, (width - 1) / width) if width > 1 else 1.0
    shares = np.convolve(white_at, window, mode="valid")
    if ((means >= STACKED.corridor_white_share) & (shares >= least - 1e-6)).any():
        return True
    if not at_column_edge:
        return False
    white = np.convolve(run * crossing[a:b], window, mode="valid")
    inked = np.convolve(crossing[a:b], window, mode="valid") - white
    # The counts are whole lines averaged: a hair of slack for the float sums.
    one_inked = (inked <= STACKED.corridor_inked_lines + 1e-6) & (
        white >= STACKED.corridor_min_white - 1e-6
    )
    return bool(one_inked.any())


def type_on_both_sides(
    ink: np.ndarray,
    a: int,
    b: int,
    line: Box,
    body: float,
    *,
    open_above: bool = True,
    open_below: bool = True,
) -> bool:
    """Whether a white corridor through a line at x = a..b is a gutter: the
    next column's lines start against its right side in most rows around the
    line, and type stands against its left side too (a ragged column reaches
    it less often), in the rows around it, or in those above it or below it
    alone. The white beside a centred heading, or a river of word spaces
    down a margin, has type against it in a few rows only. Where the
    corridor is closed above (below) the line (``open_above``,
    ``open_below`` false: the next line runs on across it), the rows there
    are no gutter's and are not looked at; closed on both sides, the line's
    own rows are too few to make it a gutter."""
    P = GUTTER_TEST
    around = P.rows_around * body
    above = max(0, int(line.y0 - around)) if open_above else int(line.y0)
    below = min(ink.shape[0], int(line.y1 + around)) if open_below else int(np.ceil(line.y1))
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
    of ``type_on_both_sides``)."""
    P = GUTTER_TEST
    inked = int((left | right).sum())
    if inked < P.min_inked_rows * body:
        return False
    return bool(right.sum() >= P.right_share * inked and left.sum() >= P.left_share * inked)


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
    ink: np.ndarray,
    corridors: np.ndarray,
    left: Box,
    right: Box,
    body: float,
    *,
    open_above: bool = True,
    open_below: bool = True,
) -> bool:
    """Whether the space between two pieces of a row holds a column gutter: a
    tall white corridor through it that the next column's lines start against
    (the test ``cut_at_separators`` makes inside one detected line). Where
    the next line above (below) closes the corridor, ``open_above``
    (``open_below``) is false and only the line's own rows and those on the
    other side count (``type_on_both_sides``): the white over a block's
    first line joins a word space of that line to a tall corridor, but no
    column's lines stand beside it."""
    x0, x1 = int(np.ceil(left.x1)), int(right.x0)
    y0, y1 = int(max(left.y0, right.y0)), int(np.ceil(min(left.y1, right.y1)))
    if x1 - x0 < GUTTER_TEST.min_space_px or y1 <= y0:
        return False
    rows = corridors[y0:y1, x0:x1]
    row = left.union(right)
    return any(
        type_on_both_sides(
            ink, x0 + a, x0 + b, row, body, open_above=open_above, open_below=open_below
        )
        for a, b in true_runs(rows.min(axis=0) > 0)
    )
