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
by at most a character and a half of white (a wider break is the space in
a line of an advert's list), where lines run on past the break beside them
or the pieces above and below are a tier's height (a poem's halves, a
list's items and prices, break together too). The block is parted there
into the lines above it, the lines below it, and the lines running past
it; each part is parted again where another part's lines stand between
its own. Everything here is
in working-image pixels, lines as found (vertical boxes, not turned).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from newsprint.layout.blocks import Block
from newsprint.layout.boxes import Box
from newsprint.layout.params.blocks import TIERS

log = logging.getLogger(__name__)

Break = tuple[float, float]
"""Where a column breaks: the foot of the piece above, the head of the piece below (y)."""


@dataclass
class _Tier:
    cut: float
    """The y of the tier's foot: midway between the breaks' feet and heads (medians)."""
    columns: list[tuple[Break, list[Box]]]
    """The columns that break there, each with its own break and its pieces."""

    @property
    def pieces(self) -> list[Box]:
        """The pieces of the columns that break there."""
        return [piece for _, column in self.columns for piece in column]


def split_at_tiers(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` (vertical) with each parted at its tiers' feet, if any;
    a block without tiers is returned as it is (the same object).

    A tier's foot is looked for among the block's own lines, and where they
    show none, among them and the other blocks' lines standing within its
    width (``_tier_around``): a story's column that runs on down past its
    tier (a section's title, ECPO 1940's "五五。由黃泥堡出發") makes its block
    reach into the tier under it, and the piece of that tier's first column
    the stacking joined to the block breaks alone there; the tier's other
    columns, in the block under it, break with it."""
    everything = [line for block in blocks for line in block.lines]
    out: list[Block] = []
    for block in blocks:
        out.extend(_parted(block, TIERS.max_depth, everything))
    return out


def _parted(block: Block, depth: int, around: Sequence[Box] = ()) -> list[Block]:
    if depth <= 0:
        return [block]
    tier = _tier(block.lines, block.line_height) or _tier_around(block, around)
    if tier is None:
        return [block]
    parts = _parts_at(block.lines, tier, block.line_height)
    if len(parts) < 2:
        return [block]
    log.debug(
        "vertical block %s parted at its tier's foot (y %.0f) into %d",
        block.box.as_tuple(),
        tier.cut,
        len(parts),
    )
    out: list[Block] = []
    for lines in parts:
        part = Block(lines, kind=block.kind)
        part.leading = block.leading  # a vertical block's leading is measured turned
        out.extend(_parted(part, depth - 1, around))
    return out


def _tier_around(block: Block, around: Sequence[Box]) -> _Tier | None:
    """The tier's foot in ``block``'s lines and the lines of ``around`` (other
    blocks') whose middle stands within its width, level with it; None where
    there is none or the block's own lines do not break at it."""
    own = {id(line) for line in block.lines}
    box = block.box
    beside = [
        ln
        for ln in around
        if id(ln) not in own and box.x0 <= ln.cx <= box.x1 and ln.y_overlap(box) > 0
    ]
    if not beside:
        return None
    tier = _tier([*block.lines, *beside], block.line_height)
    if tier is None or not any(id(piece) in own for piece in tier.pieces):
        return None
    return tier


def tier_foot(lines: Sequence[Box], size: float) -> float | None:
    """The y (working pixels) of the tier's foot in ``lines`` (vertical
    boxes): where ``TIERS.min_columns`` or more columns side by side break
    together, midway between the pieces above and below; None where fewer
    do, or where no line runs past the break and the pieces are shorter than
    a tier (``TIERS.min_tier``). ``size`` is the type's size (a character),
    which measures the allowed white and alignment."""
    tier = _tier(lines, size)
    return None if tier is None else tier.cut


def _tier(lines: Sequence[Box], size: float) -> _Tier | None:
    best: list[tuple[Break, list[Box]]] = []
    run: list[tuple[Break, list[Box]]] = []
    for column in _columns(lines):
        found = _break_in(column, size)
        if found is not None and (not run or _together(run[0][0], found, size)):
            run.append((found, column))
        else:
            run = [(found, column)] if found is not None else []
        if len(run) > len(best):
            best = list(run)
    if len(best) < TIERS.min_columns:
        best = _offset_columns(lines, size)
    if len(best) < TIERS.min_columns:
        return None
    feet = [found[0] for found, _ in best]
    heads = [found[1] for found, _ in best]
    tier = _Tier((float(np.median(feet)) + float(np.median(heads))) / 2, best)
    return tier if _runs_past(lines, tier, size) or _tall(tier, size) else None


def _offset_columns(lines: Sequence[Box], size: float) -> list[tuple[Break, list[Box]]]:
    """A tier's foot where the columns of the tier under it are set at other
    places across than its own (ECPO's 1921-01-15 fold, p2: the columns of
    the story under 平劇's first tier stand a third of a column aside, so no
    column holds pieces of both, and the two stories were one block read
    across both): the height where the most pieces ``TIERS.min_piece``
    characters long or longer end together (within ``TIERS.together``) over
    pieces that start under them (at most ``TIERS.max_white`` of white, or
    ``TIERS.overlap`` overlapping), counted where both stand across. Each
    piece under it is paired, as a column, with the piece over it nearest
    across; [] where fewer than ``TIERS.min_columns`` pair."""
    P = TIERS
    long = [ln for ln in lines if ln.height >= P.min_piece * size]
    best: list[tuple[Break, list[Box]]] = []
    for foot in sorted({round(ln.y1) for ln in long}):
        above = [ln for ln in long if abs(ln.y1 - foot) <= P.together * size]
        below = [ln for ln in long if -P.overlap * size <= ln.y0 - foot <= P.max_white * size]
        if len(above) < P.min_columns or len(below) < P.min_columns:
            continue
        left = max(min(b.x0 for b in above), min(b.x0 for b in below))
        right = min(max(b.x1 for b in above), max(b.x1 for b in below))
        above = [b for b in above if left <= b.cx <= right]
        below = [b for b in below if left <= b.cx <= right]
        columns = _paired(above, below, size)
        if len(columns) > len(best):
            best = columns
    return sorted(best, key=lambda c: -c[1][1].cx)


def _paired(above: list[Box], below: list[Box], size: float) -> list[tuple[Break, list[Box]]]:
    """Pieces above a tier's foot paired one to one with pieces below it, each
    with the nearest across, at most ``TIERS.together`` characters aside and
    not overlapping it by more than ``TIERS.overlap``; each pair a column."""
    pairs: list[tuple[Break, list[Box]]] = []
    free = list(above)
    for b in sorted(below, key=lambda box: -box.cx):
        near = [
            a
            for a in free
            if abs(a.cx - b.cx) <= TIERS.together * size and a.y1 - TIERS.overlap * size <= b.y0
        ]
        if near:
            a = min(near, key=lambda box: abs(box.cx - b.cx))
            free = [f for f in free if f is not a]
            pairs.append(((a.y1, b.y0), [a, b]))
    return pairs


def _runs_past(lines: Sequence[Box], tier: _Tier, size: float) -> bool:
    """Whether a line runs on past the tier's foot: the tier is a story's
    short columns beside its long ones, not a list or a poem's halves."""
    slack = TIERS.together * size
    return any(ln.y0 < tier.cut - slack and ln.y1 > tier.cut + slack for ln in lines)


def _tall(tier: _Tier, size: float) -> bool:
    """Whether the pieces above and below the tier's breaks are each, at the
    median, ``TIERS.min_tier`` characters long or longer."""
    above = [max(p.height for p in col if p.cy < sum(b) / 2) for b, col in tier.columns]
    below = [max(p.height for p in col if p.cy >= sum(b) / 2) for b, col in tier.columns]
    return min(float(np.median(above)), float(np.median(below))) >= TIERS.min_tier * size


def _columns(lines: Sequence[Box]) -> list[list[Box]]:
    """``lines`` grouped into columns (boxes overlapping across by
    ``TIERS.same_column`` of the narrower), right to left, each column's
    pieces top down."""
    columns: list[list[Box]] = []
    for line in sorted(lines, key=lambda b: -b.cx):
        last = columns[-1] if columns else None
        if last and any(line.x_overlap_ratio(b) >= TIERS.same_column for b in last):
            last.append(line)
        else:
            columns.append([line])
    return [sorted(c, key=lambda b: b.y0) for c in columns]


def _break_in(column: list[Box], size: float) -> Break | None:
    """The first break between two pieces of ``column`` each
    ``TIERS.min_piece`` characters long or more, parted by at most
    ``TIERS.max_white`` of white (or overlapping by at most ``TIERS.overlap``)."""
    P = TIERS
    for above, below in itertools.pairwise(column):
        white = below.y0 - above.y1
        long_enough = min(above.height, below.height) >= P.min_piece * size
        if long_enough and -P.overlap * size <= white <= P.max_white * size:
            return above.y1, below.y0
    return None


def _together(first: Break, found: Break, size: float) -> bool:
    near = TIERS.together * size
    return abs(found[0] - first[0]) <= near and abs(found[1] - first[1]) <= near


def _parts_at(lines: Sequence[Box], tier: _Tier, size: float) -> list[list[Box]]:
    """``lines`` parted into those above the tier's foot, those below it and
    those running past it (``_places``), as lists of the very boxes given.
    The lines running past are parted again where a tier column stands
    between them, the lines above or below where a line running past does,
    and any of them where more than ``TIERS.column_gap`` of white parts them
    across."""
    place = _places(lines, tier, size)
    past, above, below = ([ln for ln in lines if place[id(ln)] == name] for name in _PLACES)
    parts = _runs(past, tier.pieces, size) + _runs(above, past, size) + _runs(below, past, size)
    return [part for part in parts if part]


_PLACES = ("past", "above", "below")


def _places(lines: Sequence[Box], tier: _Tier, size: float) -> dict[int, str]:
    """Where each line lies (by ``id``): "above" or "below" the tier's foot,
    or running "past" it. A tier column's pieces by its own break; another
    line by the foot, give or take ``TIERS.together``, and with the lines
    running past where one of them stands between it and the tier (a
    paragraph's short last line among the long columns is theirs)."""
    place: dict[int, str] = {}
    for (foot, head), column in tier.columns:
        for piece in column:
            place[id(piece)] = "above" if piece.cy < (foot + head) / 2 else "below"
    slack = TIERS.together * size
    for ln in lines:
        if id(ln) not in place:
            below = ln.y0 >= tier.cut - slack
            place[id(ln)] = "above" if ln.y1 <= tier.cut + slack else "below" if below else "past"
    running = [ln for ln in lines if place[id(ln)] == "past"]
    left, right = min(p.x0 for p in tier.pieces), max(p.x1 for p in tier.pieces)
    for ln in lines:
        if place[id(ln)] != "past" and not left <= ln.cx <= right:
            edge = left if ln.cx < left else right
            if any(min(ln.cx, edge) < p.cx < max(ln.cx, edge) for p in running):
                place[id(ln)] = "past"
    return place


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
