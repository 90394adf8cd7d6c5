"""Which way a block's text runs: horizontal, or vertical (traditional Chinese).

Chinese set vertically runs top to bottom in each line, the lines following
one another right to left. Its detected lines are tall boxes (a column of
stacked characters, ``Box.thickness`` is their width); a block of them is
made, measured and ordered like a block of horizontal lines turned a quarter:
the page is transposed (x, y) -> (y, -x), so a line to the left of another
comes after it, and the horizontal code (``layout.blocks.group_lines``,
``layout.textlines.fit_to_ink``) runs unchanged on the transposed boxes.

Everything here is in working-image pixels.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import cv2
import numpy as np
from newsprint.core.page import TEXT_REGION_TYPES, Region, TextDirection
from newsprint.layout.binarize import ink_mask
from newsprint.layout.blocks import Block, group_lines
from newsprint.layout.boxes import Box, holds_upright, true_runs
from newsprint.layout.foot_rows import without_foot_row
from newsprint.layout.metrics import glyph_height
from newsprint.layout.params.blocks import STACKING, VERTICAL_PARAGRAPHS
from newsprint.layout.params.direction import (
    DIRECTION,
    PRINT_DIRECTION,
    SIDE_BY_SIDE,
    VERTICAL_LINES,
)
from newsprint.layout.params.ink import LINE_SHAPE
from newsprint.layout.tiers import split_at_tiers

if TYPE_CHECKING:
    from newsprint.layout.textlines import LinePiece

log = logging.getLogger(__name__)


def is_vertical(box: Box) -> bool:
    """Whether a text line box runs down the page: taller than wide by
    ``LINE_SHAPE.vertical_aspect`` (``Box.runs_down``)."""
    return box.runs_down


def transpose(box: Box) -> Box:
    """The box on the page turned so that vertical lines lie as horizontal ones,
    read top to bottom in the order of the vertical lines (right to left):
    (x, y) -> (y, -x)."""
    return Box(box.y0, -box.x1, box.y1, -box.x0)


def untranspose(box: Box) -> Box:
    """The inverse of :func:`transpose`."""
    return Box(-box.y1, box.x0, -box.y0, box.x1)


def split_by_direction(lines: list[Box]) -> tuple[list[Box], list[Box]]:
    """The lines that run across the page and those that run down it, in that order."""
    horizontal, vertical = [], []
    for line in lines:
        (vertical if is_vertical(line) else horizontal).append(line)
    return horizontal, vertical


def without_rows_across(across: list[Box], down: list[Box]) -> list[Box]:
    """``across`` (horizontal lines) without the rows of characters the
    detector read across vertical lines (``down``) as well as down them: a
    row lying across ``VERTICAL_LINES.rows_across`` or more of them, each
    holding the row within its length (give or take half the row's height)
    over half its own width, and together covering
    ``VERTICAL_LINES.rows_across_cover`` of the row. Only on a page whose
    vertical lines outweigh its horizontal ones by length (summed, as
    ``block_direction`` weighs a block's lines): on a page of lines across, a
    few boxes of characters down the page are no reason to drop a line."""
    if len(down) < VERTICAL_LINES.rows_across:
        return across
    if sum(b.length for b in down) < sum(b.length for b in across):
        return across
    kept = [row for row in across if not _read_across(row, down)]
    if len(kept) < len(across):
        log.debug("%d rows read across vertical lines left out", len(across) - len(kept))
    return kept


def _read_across(row: Box, down: list[Box]) -> bool:
    slack = 0.5 * row.height
    crossed = [
        line
        for line in down
        if line.width > 0
        and line.y0 - slack <= row.y0
        and row.y1 <= line.y1 + slack
        and row.x_overlap(line) >= 0.5 * line.width
    ]
    return (
        len(crossed) >= VERTICAL_LINES.rows_across
        and sum(row.x_overlap(line) for line in crossed)
        >= VERTICAL_LINES.rows_across_cover * row.width
    )


def group_vertical_lines(lines: list[Box], v_rules: list[Box], body: float) -> list[Block]:
    """Vertical lines stacked into blocks as ``group_lines`` stacks horizontal
    ones: lines side by side of one type size (their width), normal line
    spacing, no rule between them; a block's lines run right to left.

    The pieces of one vertical line the detector parted (at a wide space) join
    as pieces of one row do. Returns blocks in working-image pixels with their
    ``lines`` in reading order (right to left)."""
    if not lines:
        return []
    turned = [transpose(b) for b in lines]
    # The blocks hold the very boxes given (layout keys the detector's boxes by them).
    given = {id(t): b for t, b in zip(turned, lines, strict=True)}
    blocks = []
    for block in group_lines(turned, [transpose(r) for r in v_rules], body):
        upright = Block([given[id(b)] for b in block.lines], kind=block.kind)
        upright.leading = block.leading
        blocks.append(upright)
    blocks = split_at_tiers(_join_paragraph_ends(blocks, v_rules))
    log.debug("%d vertical lines in %d blocks", len(lines), len(blocks))
    return blocks


def _join_paragraph_ends(blocks: list[Block], v_rules: list[Box]) -> list[Block]:
    """Blocks side by side that are one column of text parted at a paragraph
    end joined again: a paragraph's short last line (a character or two at the
    top of its line) and the next paragraph's first line, set two characters
    down, need not overlap at all, so the stacking leaves them apart. Two
    blocks join when the left one starts within its indent of the right one's
    top, stands at most a line spacing and a half from it, overlaps it down the
    page, is of the same type size and no rule parts them."""
    joined = True
    while joined:
        joined = False
        for right, left in itertools.permutations(blocks, 2):
            if _continues(right, left, v_rules) and not _stands_between(right, left, blocks):
                merged = Block(right.lines + left.lines, kind=right.kind)
                merged.leading = right.leading if right.leading is not None else left.leading
                blocks = [b for b in blocks if b is not right and b is not left] + [merged]
                joined = True
                break
    return blocks


def _stands_between(right: Block, left: Block, blocks: list[Block]) -> bool:
    """Whether another block stands in the white between ``right`` and
    ``left`` (its middle across within it, level with both): a headline set
    down between two stories' columns (ECPO's 1939-04-23 fold, p3: 奮鬥到底
    between two stories whose tops lie level, one story's last column a
    paragraph's short end; joined, the block took in the band's stories
    one after the other, and merged with the blocks round it into one of
    216 lines)."""
    x0, x1 = left.box.x1, right.box.x0
    top, bottom = max(right.box.y0, left.box.y0), min(right.box.y1, left.box.y1)
    size = max(right.line_height, left.line_height)
    return any(
        x0 < other.box.cx < x1 and other.box.y0 < bottom and other.box.y1 > top
        for other in blocks
        if other is not right and other is not left and not _a_speck(other, size)
    )


def _a_speck(block: Block, size: float) -> bool:
    """A block of one piece two characters long or shorter (a mark, a
    character the detector boxed alone): no headline between two columns."""
    return len(block.lines) == 1 and block.box.height <= 2 * size


def _continues(right: Block, left: Block, v_rules: list[Box]) -> bool:
    P = VERTICAL_PARAGRAPHS
    size = max(right.line_height, left.line_height)
    ratio = left.line_height / max(1.0, right.line_height)
    if not STACKING.min_size_ratio <= ratio <= STACKING.max_size_ratio:
        return False
    gap = right.box.x0 - left.box.x1
    if not -P.max_overlap * size <= gap <= P.max_gap * size:
        return False
    if abs(left.box.y0 - right.box.y0) > STACKING.max_indent * size:
        return False
    if left.box.y_overlap(right.box) < P.min_overlap * min(left.box.height, right.box.height):
        return False
    slack = STACKING.rule_slack_px
    return not any(
        left.box.x1 - slack <= r.cx <= right.box.x0 + slack
        and r.y_overlap(left.box) > P.rule_overlap * size
        for r in v_rules
    )


def block_direction(lines: list[Box]) -> TextDirection:
    """The direction of a block from its line boxes: vertical when lines that
    run down the page hold most of its text (each line weighing its length),
    else horizontal left to right. Boxes about square (a character or two) do
    not count; a block of nothing else is horizontal."""
    down = across = 0.0
    for box in lines:
        if box.height > DIRECTION.square * box.width:
            down += box.height
        elif box.width > DIRECTION.square * box.height:
            across += box.width
    return TextDirection.VERTICAL_RL if down > across else TextDirection.HORIZONTAL_LTR


def vertical_reach(boxes: np.ndarray) -> np.ndarray:
    """For each detected box (N x 4, working pixels), the columns (x0, x1) a
    vertical line may take its ink from (N x 2): up to halfway to the centres
    of the vertical lines beside it (``textlines._neighbour_reach`` turned a
    quarter: the detector pads its boxes, and in close-set vertical type a box
    takes in half the lines on either side). Rows of horizontal boxes keep
    their own x0, x1."""
    from newsprint.layout.textlines import _neighbour_reach

    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    reach = boxes[:, [0, 2]].copy()
    heights, widths = boxes[:, 3] - boxes[:, 1], boxes[:, 2] - boxes[:, 0]
    tall = np.flatnonzero(heights > LINE_SHAPE.vertical_aspect * widths)
    if len(tall) > 1:
        x0, y0, x1, y1 = boxes[tall].T
        turned = _neighbour_reach(np.stack([y0, -x1, y1, -x0], axis=1))
        reach[tall, 0] = -turned[:, 1]
        reach[tall, 1] = -turned[:, 0]
    return reach


def fit_vertical_to_ink(
    ink: np.ndarray, box: Box, reach: tuple[float, float] | None = None
) -> Box | None:
    """The part of a vertical line's box its ink fills (``fit_to_ink`` on the
    transposed page: the band of columns that holds the most ink, the rows
    from its first to its last ink), None where it holds no ink.

    ``ink`` is the page's ink mask (H x W, nonzero = ink); ``reach`` the
    columns the ink may be taken from (``vertical_reach``), default the box's."""
    from newsprint.layout.textlines import fit_to_ink  # which fits vertical lines with this

    if reach is not None:
        box = Box(max(box.x0, reach[0]), box.y0, min(box.x1, reach[1]), box.y1)
    x0, y0, x1, y1 = box.pixels(ink.shape)
    if x1 <= x0 or y1 <= y0:
        return None
    # The crop turned so that its line lies across: row j is column x1-1-j of
    # the page, column i is row y0+i (a transpose with x mirrored, as ``transpose``).
    turned = np.ascontiguousarray(ink[y0:y1, x0:x1][:, ::-1].T)
    _without_rules_beside(turned)
    # A page column inked nearly all down the line is a rule or a picture's
    # edge beside it (type leaves white between characters): not the line.
    turned[np.count_nonzero(turned, axis=1) >= VERTICAL_LINES.solid_share * turned.shape[1]] = 0
    fitted = fit_to_ink(turned, Box(0, 0, turned.shape[1], turned.shape[0]))
    if fitted is None:
        return None
    return Box(x1 - fitted.y1, y0 + fitted.x0, x1 - fitted.y0, y0 + fitted.x1)


def _without_rules_beside(turned: np.ndarray) -> None:
    """Clears from a vertical line's turned crop (``fit_vertical_to_ink``: the
    line runs along its rows) each piece of ink that runs nearly its whole
    length (``VERTICAL_LINES.solid_share``) and is thin across it
    (``VERTICAL_LINES.rule_width`` of the crop): a rule, straight or wavy, not
    type. Only where the rest of the crop holds more ink than such pieces: a
    line whose characters ran together into one thin piece is its own ink."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        (turned > 0).astype(np.uint8), connectivity=8
    )
    long = VERTICAL_LINES.solid_share * turned.shape[1]
    thin = VERTICAL_LINES.rule_width * turned.shape[0]
    widths, heights = stats[:count, cv2.CC_STAT_WIDTH], stats[:count, cv2.CC_STAT_HEIGHT]
    rules = np.flatnonzero((widths >= long) & (heights <= thin))
    rules = rules[rules > 0]  # 0 is the paper
    if not rules.size:
        return
    rule_ink = int(stats[rules, cv2.CC_STAT_AREA].sum())
    if int(stats[1:count, cv2.CC_STAT_AREA].sum()) - rule_ink > rule_ink:
        turned[np.isin(labels, rules)] = 0


def with_directions(regions: list[Region]) -> list[Region]:
    """``regions`` each given the direction of its detected lines
    (:func:`block_direction` over ``work_lines``); a region without them
    (a photo, a rule, layout run without detection) stays horizontal."""
    out = []
    for region in regions:
        if region.type in TEXT_REGION_TYPES and region.work_lines:
            direction = block_direction([Box(*b) for b in region.work_lines])
            if direction != region.direction:
                region = region.model_copy(update={"direction": direction})
        out.append(region)
    return out


def print_runs_down(grey: np.ndarray) -> bool:
    """Whether the page's type is set vertically, from its characters alone
    (no detector): each character-sized piece of ink votes for the side its
    nearest neighbour stands on, as in docstrum (O'Gorman 1993): within a line
    characters stand closer than the lines do, so in vertical Chinese most
    nearest neighbours are above or below, in horizontal print beside.

    ``grey``: 8-bit grey page (H x W); the type should be at least 8 px."""
    ink = ink_mask(grey)
    em = glyph_height(ink)
    # strokes and radicals of one character joined
    side = max(1, int(PRINT_DIRECTION.stroke_join * em))
    _, _, stats, centres = cv2.connectedComponentsWithStats(
        cv2.dilate(ink, np.ones((side, side), np.uint8))
    )
    w, h = stats[1:, 2].astype(float), stats[1:, 3].astype(float)
    lo, hi = PRINT_DIRECTION.glyph_range
    glyph = (w >= lo * em) & (w <= hi * em) & (h >= lo * em) & (h <= hi * em)
    down, across = _neighbour_votes(centres[1:][glyph], w[glyph], h[glyph], em)
    log.debug("print direction: %d characters vote down, %d across", down, across)
    return down > across


def _neighbour_votes(
    centres: np.ndarray,
    w: np.ndarray,
    h: np.ndarray,
    em: float,
    sample: int = PRINT_DIRECTION.sample,
) -> tuple[int, int]:
    """Of up to ``sample`` of the boxes (centres N x 2, sizes N), evenly spread,
    how many have their nearest box (by the gap between the boxes, within
    ``PRINT_DIRECTION.neighbour_gap`` ems) above or below, and how many beside."""
    if len(centres) < 2:
        return 0, 0
    rows = np.unique(np.linspace(0, len(centres) - 1, min(sample, len(centres))).astype(int))
    near = PRINT_DIRECTION.neighbour_gap * em
    # Only boxes within ``near`` plus the widest box across can be a close
    # neighbour: each box is compared with those, found on the boxes sorted
    # by x (the whole page at once took 1 s on an ECPO fold's 30,000 pieces).
    by_x = np.argsort(centres[:, 0], kind="stable")
    xs = centres[by_x, 0]
    reach = near + float(w.max())
    down = across = 0
    for i in rows:
        lo, hi = np.searchsorted(xs, [centres[i, 0] - reach, centres[i, 0] + reach])
        others = np.sort(by_x[lo:hi])
        others = others[others != i]
        if not len(others):
            continue
        dx = np.abs(centres[others, 0] - centres[i, 0])
        dy = np.abs(centres[others, 1] - centres[i, 1])
        gap = np.hypot(
            np.maximum(0.0, dx - (w[i] + w[others]) / 2),
            np.maximum(0.0, dy - (h[i] + h[others]) / 2),
        )
        k = int(gap.argmin())
        if gap[k] < near:
            if dy[k] > dx[k]:
                down += 1
            else:
                across += 1
    return down, across


def vertical_pieces(
    pieces: list[LinePiece], ink: np.ndarray, photos: list[Box], h_rules: list[Box], body: float
) -> tuple[list[LinePiece], list[LinePiece], list[LinePiece]]:
    """The detected lines parted by direction: (the horizontal ones, as given;
    the vertical ones in the text; the vertical ones inside pictures, which
    stay with the picture).

    A vertical line is cut where a rule across the page crosses it (the
    detector can run a column of one story on into the story under the rule)
    and each piece fitted to its ink again; the column separators and word
    spaces that horizontal lines are cut and joined at do not apply to it.
    A row of small type under its foot, boxed with it, is cut off and given
    with the horizontal lines (``layout.foot_rows``). A line in the text
    reads no ink of the lines beside it (``clear_of_side_ink``)."""
    tall = [p.detected for p in pieces if is_vertical(p.detected)]
    # The detector finds the first character of a vertical line again on its own:
    # a short box inside a vertical line's box is that line's, read with it.
    across = [p for p in pieces if not is_vertical(p.detected) and not _inside(p.detected, tall)]
    down = [
        cut
        for p in pieces
        if is_vertical(p.detected) and not part_of_longer(p.detected, tall)
        for line in split_side_by_side(p, ink, body, tall)
        for cut in _cut_at_rules(line, ink, h_rules, body)
    ]
    # A name signed across under a title's foot, boxed with the title.
    footed = [without_foot_row(p, ink, pieces) for p in down]
    down = [line for line, _ in footed]
    across += [row for _, row in footed if row is not None]
    in_picture = [p for p in down if any(ph.contains_point(p.ink.cx, p.ink.cy) for ph in photos)]
    inside = {id(p) for p in in_picture}
    text = clear_of_side_ink([p for p in down if id(p) not in inside])
    return across, text, in_picture


def clear_of_side_ink(down: list[LinePiece]) -> list[LinePiece]:
    """``down`` (vertical lines; boxes in working pixels) with the ``read``
    box of each set where its box reaches into the ink of a line beside it,
    however little: it stops where that ink starts, and the line reads its
    own ink and the white beside it, no ink of the next line. Two lines
    stand beside each other where their ink overlaps down the page over
    ``VERTICAL_LINES.beside_overlap`` of the shorter and the other's ink
    lies wholly to one side. Lines not narrowed are returned as they are.
    The detector pads a vertical line's box by half a line either side, and
    where the lines stand close (ECPO's 晶報 of 1919, a punctuation dot beside
    every character, lines 58 px apart) its box takes in part of the next
    line, which the recogniser read into this one (two unseen 1919 folds:
    coverage of plain PaddleOCR's characters 0.912 -> 0.933, 0.920 ->
    0.923). Stopped halfway between the two inks instead, the box cut into
    the edges of wide characters of small close-set type (the unseen 1939
    fold of 26 April: "如怡和之裝和輪" read "如怡和之和輪", coverage 0.968 ->
    0.963; stopped at the next ink, 0.967). Plain PaddleOCR reads its boxes
    as they are. A level line's box is cut only where a stacked neighbour
    reaches deep into it (``textlines._clear_of_stacked_ink``): type set
    across has descenders and ascenders to keep."""
    if len(down) < 2:
        return down
    ink = np.array([p.ink.as_tuple() for p in down], dtype=np.float64)
    ix0, iy0, ix1, iy1 = (ink[:, k] for k in range(4))
    out = []
    for k, piece in enumerate(down):
        box = piece.read or piece.detected
        shared = np.minimum(iy1, iy1[k]) - np.maximum(iy0, iy0[k])
        shorter = np.minimum(iy1 - iy0, iy1[k] - iy0[k])
        beside = shared >= VERTICAL_LINES.beside_overlap * shorter
        # The box stops at the nearest ink beside it, if it reaches that far.
        x1 = min(box.x1, float(ix0[beside & (ix0 >= ix1[k])].min(initial=np.inf)))
        x0 = max(box.x0, float(ix1[beside & (ix1 <= ix0[k])].max(initial=-np.inf)))
        if (x0, x1) == (box.x0, box.x1):
            out.append(piece)
        else:
            out.append(replace(piece, read=Box(x0, box.y0, x1, box.y1)))
    return out


def _inside(box: Box, lines: list[Box], share: float = VERTICAL_LINES.first_char_share) -> bool:
    """Whether ``share`` of ``box``'s area lies inside one of ``lines``."""
    return any(box.x_overlap(line) * box.y_overlap(line) >= share * box.area for line in lines)


def part_of_longer(box: Box, lines: list[Box]) -> bool:
    """Whether ``box``, a vertical line, is a piece of a longer one that the
    detector boxed again on its own (its first few characters): it lies
    ``first_char_share`` inside that line's box and is as wide, give or take
    ``same_width`` (a narrower box inside a box run over two lines is a line
    of its own). It would be read twice, joined into one line."""
    longer = [
        line
        for line in lines
        if line.height > box.height and box.width >= VERTICAL_LINES.same_width * line.width
    ]
    return _inside(box, longer)


def split_side_by_side(
    piece: LinePiece, ink: np.ndarray, body: float, others: Sequence[Box] = ()
) -> list[LinePiece]:
    """A vertical box the detector ran over several lines set side by side,
    cut into those lines; any other piece as it is.

    The lines are the runs of page columns between white ones (inked under
    ``SIDE_BY_SIDE.max_gap_ink`` of the way down) and solid ones (a frame
    beside them): two or more, each of about body width and inked all down
    the box (``SIDE_BY_SIDE.min_rows``), in a box at least
    ``SIDE_BY_SIDE.min_width`` body wide and five lines' widths long. Display
    type is left whole: its characters are wider than body type, and white
    inside one character does not run down a whole line of them. Each line's
    box is its run, out to halfway across the white on either side (as the
    detector pads a line), over the whole box's length, fitted to its ink.
    A run that lies half or more inside another of the detected vertical
    boxes (``others``) is that line's, taken in by this box's padding: it
    is no line of this box.
    ``ink``: the page's ink mask (H x W, nonzero = ink); ``body`` in pixels."""
    from newsprint.layout.textlines import LinePiece  # which fits vertical lines with this module

    P = SIDE_BY_SIDE
    box = piece.detected
    if box.width < P.min_width * body:
        return [piece]
    x0, y0, x1, y1 = box.pixels(ink.shape)
    if x1 - x0 < 2 or y1 <= y0:
        return [piece]
    crop = ink[y0:y1, x0:x1] > 0
    share = crop.mean(axis=0)
    apart = (share < P.max_gap_ink) | (share > P.solid_ink)
    others = [o for o in others if o is not box]
    runs = [
        (a, b)
        for a, b in true_runs(~apart)
        if b - a >= P.min_part * body
        and crop[:, a:b].any(axis=1).mean() >= P.min_rows
        and not _inside(Box(x0 + a, y0, x0 + b, y1), others, 0.5)
    ]
    if len(runs) < 2 or any(b - a > P.max_part * body for a, b in runs):
        return [piece]
    if y1 - y0 < P.min_length * max(b - a for a, b in runs):
        return [piece]
    gaps = [a2 - b for (_, b), (a2, _) in itertools.pairwise(runs)]
    pad = min(gaps) // 2  # the outer lines padded as the inner ones, never over a frame
    inner = [(b + a2) // 2 for (_, b), (a2, _) in itertools.pairwise(runs)]
    bounds = [max(0, runs[0][0] - pad), *inner, min(x1 - x0, runs[-1][1] + pad)]
    out = []
    for left, right in itertools.pairwise(bounds):
        part = Box(float(x0 + left), box.y0, float(x0 + right), box.y1)
        fitted = fit_vertical_to_ink(ink, part)
        if fitted is not None:
            out.append(LinePiece(fitted, part, piece.parent))
    log.debug("a vertical box %s cut into %d lines side by side", box, len(out))
    return out or [piece]


def crosses_vertical_line(
    rule: Box,
    line: Box,
    body: float,
    share: float = VERTICAL_LINES.rule_across,
    width: float | None = None,
) -> bool:
    """Whether a horizontal ``rule`` crosses the vertical ``line`` (boxes in
    work-image pixels): over ``share`` of its width (or of ``width`` where
    given), its middle ``VERTICAL_LINES.rule_inset`` body lines or more
    inside the line's ends."""
    inset = VERTICAL_LINES.rule_inset * body
    inside = line.y0 + inset < rule.cy < line.y1 - inset
    return inside and rule.x_overlap(line) >= share * (line.width if width is None else width)


def _cut_at_rules(
    piece: LinePiece, ink: np.ndarray, h_rules: list[Box], body: float
) -> list[LinePiece]:
    """A vertical line cut at the rules across it (a rule crossing
    ``VERTICAL_LINES.cut_across`` of the line's ink width, or of a body where
    the ink is narrower, at least half a body height inside its ends); each
    piece refitted to its ink, pieces without ink or shorter than half a body
    height dropped."""
    P = VERTICAL_LINES
    box = piece.detected
    inked = Box(piece.ink.x0, box.y0, piece.ink.x1, box.y1)
    # A sliver of ink (a figure one, a dash boxed down the page) is measured
    # as a body wide: a rule's end over it is no cut.
    wide = max(inked.width, body)
    cuts = sorted(
        (r for r in h_rules if crosses_vertical_line(r, inked, body, P.cut_across, wide)),
        key=lambda r: r.cy,
    )
    if not cuts:
        return [piece]
    from newsprint.layout.textlines import LinePiece  # which fits vertical lines with this module

    out = []
    edges = [box.y0, *[v for r in cuts for v in (r.y0, r.y1)], box.y1]
    for top, bottom in zip(edges[::2], edges[1::2], strict=True):
        part = Box(box.x0, top, box.x1, bottom)
        if part.height < P.min_piece * body:
            continue
        fitted = fit_vertical_to_ink(ink, part)
        if fitted is not None:
            out.append(LinePiece(fitted, part, piece.parent))
    return out


def without_strokes(v_rules: list[Box], pieces: list[LinePiece] | None, body: float) -> list[Box]:
    """The vertical rules that are no strokes of type: in vertical Chinese the
    upright strokes of characters set one under another (中, 申, 丨) line up
    into what looks like a thin rule. A "rule" that lies inside a detected
    vertical line (its middle within the line's width, its length within the
    line's, give or take half a body height) is dropped."""
    lines = [p.detected for p in pieces or [] if is_vertical(p.detected)]
    if not lines:
        return v_rules
    pad = VERTICAL_LINES.stroke_pad * body
    return [r for r in v_rules if not any(holds_upright(line, r, pad) for line in lines)]
