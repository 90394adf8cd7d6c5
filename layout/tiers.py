"""Tiers: a vertical block parted where its columns break together.

A vertical page sets a story in tiers, one above the other, often with no
rule between them, and the columns of one tier line up with the next's. The
text detector parts most columns at the tier's foot, as it parts a line at a
wide space, and stacking joins the pieces again as pieces of one line
(``direction.group_vertical_lines``): two stories became one block, read
column by column down through both. On the 1939 ECPO fold (jb_3800, not in
the shared set) the 浙東 story, its long columns beside a tier of short ones,
and the flag story under that tier were one block of 65 lines; 浙東's text
read "又爲日機三架良往膚家灣捕房…" across both.

A tier's foot is where three columns or more side by side break together,
by less than a character and a half of white (a wider break is the space in
a line of an advert's list). The block is parted there into the lines above
it, the lines below it, and the lines running past it; each part is parted
again where another part's lines stand between its own. Everything here is
in working-image pixels, lines as found (vertical boxes, not turned).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence

import numpy as np
from newsprint.layout.blocks import Block
from newsprint.layout.boxes import Box
from newsprint.layout.params.blocks import TIERS

log = logging.getLogger(__name__)


def split_at_tiers(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` (vertical) with each parted at its tiers' feet, if any;
    blocks without tiers are returned as they are (the same objects)."""
    out: list[Block] = []
    for block in blocks:
        out.extend(_parted(block, TIERS.max_depth))
    return out


def _parted(block: Block, depth: int) -> list[Block]:
    found = _tier(block.lines, block.line_height)
    if found is None or depth <= 0:
        return [block]
    cut, tier = found
    parts = _parts_at(block.lines, cut, tier, block.line_height)
    if len(parts) < 2:
        return [block]
    log.debug(
        "vertical block %s parted at its tier's foot (y %.0f) into %d",
        block.box.as_tuple(),
        cut,
        len(parts),
    )
    out: list[Block] = []
    for lines in parts:
        out.extend(_parted(Block(lines, kind=block.kind), depth - 1))
    return out


def tier_foot(lines: Sequence[Box], size: float) -> float | None:
    """The y (working pixels) where ``TIERS.min_columns`` or more columns of
    ``lines`` side by side break together, in the white between the pieces
    above and below; None when no columns do. ``size`` is the type's size
    (a character), which measures the allowed white and alignment."""
    found = _tier(lines, size)
    return None if found is None else found[0]


def _tier(lines: Sequence[Box], size: float) -> tuple[float, list[Box]] | None:
    """``tier_foot``, and the pieces of the columns that break there."""
    best: list[tuple[tuple[float, float], list[Box]]] = []
    run: list[tuple[tuple[float, float], list[Box]]] = []
    for column in _columns(lines):
        found = _break_in(column, size)
        if found is not None and (not run or _together(run[-1][0], found, size)):
            run.append((found, column))
        else:
            run = [(found, column)] if found is not None else []
        if len(run) > len(best):
            best = list(run)
    if len(best) < TIERS.min_columns:
        return None
    ends = [found[0] for found, _ in best]
    starts = [found[1] for found, _ in best]
    cut = (float(np.median(ends)) + float(np.median(starts))) / 2
    return cut, [piece for _, column in best for piece in column]


def _columns(lines: Sequence[Box]) -> list[list[Box]]:
    """``lines`` grouped into columns (boxes overlapping across by half the
    narrower), right to left, each column's pieces top down."""
    columns: list[list[Box]] = []
    for line in sorted(lines, key=lambda b: -b.cx):
        last = columns[-1] if columns else None
        if last and any(line.x_overlap_ratio(b) >= TIERS.same_column for b in last):
            last.append(line)
        else:
            columns.append([line])
    return [sorted(c, key=lambda b: b.y0) for c in columns]


def _break_in(column: list[Box], size: float) -> tuple[float, float] | None:
    """The first break (foot of the piece above, head of the piece below)
    between two pieces of ``column`` each ``TIERS.min_piece`` characters
    long or more, parted by at most ``TIERS.max_white`` of white."""
    P = TIERS
    for above, below in itertools.pairwise(column):
        white = below.y0 - above.y1
        long_enough = min(above.height, below.height) >= P.min_piece * size
        if long_enough and -P.overlap * size <= white <= P.max_white * size:
            return above.y1, below.y0
    return None


def _together(last: tuple[float, float], found: tuple[float, float], size: float) -> bool:
    near = TIERS.together * size
    return abs(found[0] - last[0]) <= near and abs(found[1] - last[1]) <= near


def _parts_at(lines: Sequence[Box], cut: float, tier: list[Box], size: float) -> list[list[Box]]:
    """``lines`` parted into those above ``cut``, those below it and those
    running past it; the lines running past parted again where a column of
    the ``tier`` stands between them, the lines above or below where lines
    running past do, and any of them where more than ``TIERS.column_gap``
    of white parts them across. As lists of the very boxes given."""
    slack = TIERS.together * size / 2
    above = [ln for ln in lines if ln.y1 <= cut + slack]
    below = [ln for ln in lines if ln.y0 >= cut - slack and ln.y1 > cut + slack]
    held = {id(ln) for ln in above + below}
    past = [ln for ln in lines if id(ln) not in held]
    parts = _runs(past, tier, size)
    parts += _runs(above, past, size) + _runs(below, past, size)
    return [part for part in parts if part]


def _runs(own: list[Box], between: list[Box], size: float) -> list[list[Box]]:
    """``own`` in runs side by side, right to left, parted where a line of
    ``between`` stands between two of them across and overlaps the run down
    the page, or a gap wider than ``TIERS.column_gap`` parts them."""
    runs: list[list[Box]] = []
    for line in sorted(own, key=lambda b: -b.cx):
        if runs and not _parted_from(runs[-1], line, between, size):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _parted_from(run: list[Box], line: Box, between: list[Box], size: float) -> bool:
    leftmost = min(run, key=lambda b: b.cx)
    if leftmost.x0 - line.x1 > TIERS.column_gap * size:
        return True
    top, bottom = min(b.y0 for b in run), max(b.y1 for b in run)
    return any(
        line.cx < o.cx < leftmost.cx and min(o.y1, bottom) - max(o.y0, top) > 0 for o in between
    )
