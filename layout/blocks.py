"""Blocks: lines of one size and leading in one column, stacked.

Everything here is in working-image pixels and measured in the page's body
line height (``body``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from newsprint.core.page import RegionType
from newsprint.layout.boxes import Box, rows_of, union_all
from newsprint.layout.params.blocks import BLOCK_MERGE, STACKING
from newsprint.layout.params.type_size import TYPE_SIZE

log = logging.getLogger(__name__)


@dataclass
class Block:
    lines: list[Box]
    kind: RegionType = RegionType.TEXT
    box: Box = field(init=False)
    last: Box = field(init=False)
    line_height: float = field(init=False)
    leading: float | None = None
    """Median white space between this block's lines."""

    def __post_init__(self) -> None:
        self.box = union_all(self.lines)
        self.last = max(self.lines, key=lambda b: b.y1)
        self._update_stats()

    def add(self, line: Box) -> None:
        self.lines.append(line)
        self.box = self.box.union(line)
        if line.y1 >= self.last.y1:
            self.last = line
        self._update_stats()

    def _update_stats(self) -> None:
        # Weighted by width: a line's flat glyphs (一, 二, a dash) are narrow
        # pieces and must not set its type size.
        heights = np.array([ln.thickness for ln in self.lines])
        order = np.argsort(heights)
        weights = np.array([ln.length for ln in self.lines])[order]
        middle = np.searchsorted(np.cumsum(weights), weights.sum() / 2)
        self.line_height = float(heights[order][min(middle, len(order) - 1)])
        steps = [b.y0 - a.y1 for a, b in zip(self.lines, self.lines[1:], strict=False)]
        self.leading = float(np.median(steps)) if steps else None


def group_lines(
    lines: list[Box],
    h_rules: list[Box],
    body: float,
    rows_joined: bool = False,
    v_rules: Sequence[Box] = (),
    boxed: Mapping[int, float] | None = None,
) -> list[Block]:
    """Stack lines into blocks: same column, same type size, normal leading.

    ``rows_joined``: the pieces of each row are already joined (detected
    lines), so two lines side by side on one row are never one line: they
    stand in two columns. ``v_rules``: column rules; a line never joins a
    block that reaches across a rule running beside the line (the columns
    under a caption or a line spanning both stay apart). ``boxed``: the text
    detector's box height of each line, by ``id`` of its Box, where known
    (see ``_type_height``)."""
    blocks: list[Block] = []
    active: list[Block] = []
    common = common_leading(lines)
    beside = _row_neighbours(lines) if rows_joined else {}
    mates = _row_mates(lines, beside) if rows_joined else {}
    across: dict[int, list[Box]] = {}
    for rule, row in rows_across_rule_ends(lines, v_rules, body):
        for piece in row:
            across.setdefault(id(piece), []).append(rule)
    for line in sorted(lines, key=lambda b: (b.y0, b.x0)):
        reach = STACKING.window * max(body, line.height)
        active = [b for b in active if b.last.y1 > line.y0 - reach]
        best, best_gap = None, None
        for block in active:
            gap = _joinable_gap(block, line, h_rules, body, rows_joined, common, boxed or {})
            if gap is not None and any(_rule_parts(r, block.box, line) for r in v_rules):
                gap = None
            if gap is not None and any(
                rule.y_overlap(block.box) > 0 for rule in across.get(id(line), [])
            ):
                gap = None
            if gap is not None and _over_row_mates(block, line, mates.get(id(line), []), body):
                gap = None
            if gap is not None and _beside_a_heading(block, line, mates, beside, body):
                gap = None
            if gap is not None and _set_off_over_columns(block, line, mates, gap, common):
                gap = None
            if gap is not None and (best_gap is None or gap < best_gap):
                best, best_gap = block, gap
        if best is None:
            blocks.append(Block([line]))
            active.append(blocks[-1])
        else:
            best.add(line)
    return blocks


def rows_across_rule_ends(
    lines: list[Box], v_rules: Sequence[Box], body: float
) -> list[tuple[Box, list[Box]]]:
    """The rows set across a column rule's gutter under the rule's foot, each
    with its rule: pieces of one row (``lines``), left to right, parted by
    less white than the gutter, one of them setting type in the white strip
    where the columns' lines beside the rule stop short of it (more than
    ``STACKING.into_gutter`` body lines into it), within
    ``STACKING.under_rule`` body lines of the rule's foot. Such a row (the
    centred footer of a two-column advert under its rule, The Publishers'
    Circular 1883 p312) is neither column's: joined to one column's block,
    that block took in the other column as it grew across.

    A column rule here is ``STACKING.column_rule`` body lines long or more,
    with ``STACKING.column_lines`` lines or more beside it on each side
    between it and the next rules along its rows (a bracket or a rule in an
    advert parts no columns), and not going on below a break
    (``_goes_on``)."""
    P = STACKING
    out: list[tuple[Box, list[Box]]] = []
    for rule in v_rules:
        if rule.height < P.column_rule * body or _goes_on(rule, v_rules, body):
            continue
        lo, hi = _neighbour_rules(rule, v_rules)
        near = [ln for ln in lines if ln.x0 >= lo and ln.x1 <= hi]
        beside = [ln for ln in near if rule.y_overlap(ln) > P.rule_beside * ln.height]
        left = [ln.x1 for ln in beside if ln.x1 <= rule.cx]
        right = [ln.x0 for ln in beside if ln.x0 >= rule.cx]
        if min(len(left), len(right)) < P.column_lines or min(right) <= max(left):
            continue
        gutter = min(right) - max(left)
        into = P.into_gutter * body
        strip = (max(left) + into, min(right) - into)
        under = [ln for ln in near if rule.y1 <= ln.cy <= rule.y1 + P.under_rule * body]
        for row in _rows_of(under):
            in_strip = [ln for ln in row if ln.x1 > strip[0] and ln.x0 < strip[1]]
            if in_strip:
                out.append((rule, _chained(row, in_strip[0], gutter)))
    return out


def _goes_on(rule: Box, v_rules: Sequence[Box], body: float) -> bool:
    """Whether another piece of ``rule`` (a rule within a body line of its x)
    starts within ``STACKING.under_rule`` body lines under its foot: a worn
    rule's break, or the next link of a leaning rule's chain, where the
    columns go on."""
    return any(
        other is not rule
        and abs(other.cx - rule.cx) <= body
        and rule.y1 - body <= other.y0 <= rule.y1 + STACKING.under_rule * body
        for other in v_rules
    )


def _neighbour_rules(rule: Box, v_rules: Sequence[Box]) -> tuple[float, float]:
    """The x of the nearest other rules running beside ``rule`` (over half
    its rows) on its left and on its right (infinite where none)."""
    along = [r.cx for r in v_rules if r is not rule and r.y_overlap(rule) > 0.5 * rule.height]
    return (
        max((x for x in along if x < rule.cx), default=-np.inf),
        min((x for x in along if x > rule.cx), default=np.inf),
    )


def _rows_of(lines: list[Box]) -> list[list[Box]]:
    """``lines`` grouped by row (``boxes.rows_of``), each left to right."""
    rows = rows_of([ln.as_tuple() for ln in lines])
    return [sorted((lines[i] for i in row), key=lambda b: b.x0) for row in rows]


def _chained(row: list[Box], seed: Box, gap: float) -> list[Box]:
    """The pieces of ``row`` (left to right) reached from ``seed`` across
    spaces narrower than ``gap``."""
    at = row.index(seed)
    a = b = at
    while a > 0 and row[a].x0 - row[a - 1].x1 < gap:
        a -= 1
    while b + 1 < len(row) and row[b + 1].x0 - row[b].x1 < gap:
        b += 1
    return row[a : b + 1]


def _row_neighbours(lines: list[Box]) -> dict[int, list[Box]]:
    """For each line (by ``id``), the lines of any size standing on its row
    apart from it: the same row of the next columns, or a heading beside a
    folio (``rows_joined``: the pieces of one row are joined already)."""
    by_top = sorted(lines, key=lambda b: b.y0)
    tops = np.array([b.y0 for b in by_top])
    neighbours: dict[int, list[Box]] = {}
    for line in lines:
        lo, hi = np.searchsorted(tops, [line.y0 - 2 * line.height, line.y1])
        neighbours[id(line)] = [
            other
            for other in by_top[lo:hi]
            if other is not line and other.x_overlap(line) <= 0 and on_one_row(other, line)
        ]
    return neighbours


def _row_mates(lines: list[Box], neighbours: dict[int, list[Box]]) -> dict[int, list[Box]]:
    """For each line (by ``id``), its row neighbours (``_row_neighbours``)
    of its own type size."""
    P = STACKING
    return {
        id(line): [
            other
            for other in neighbours.get(id(line), [])
            if P.min_size_ratio <= other.height / max(line.height, 1.0) <= P.max_size_ratio
        ]
        for line in lines
    }


def on_one_row(a: Box, b: Box) -> bool:
    """Whether two lines stand on one row: they share ``STACKING.same_row``
    of the shorter one's height."""
    return a.y_overlap(b) >= STACKING.same_row * min(a.height, b.height)


def _over_row_mates(block: Block, line: Box, mates: list[Box], body: float) -> bool:
    """Whether ``block``, of display type, stands over ``line`` and a line
    on its row in another column (``_row_mates``), on no row of its own
    there: the headline over the columns, whose first line under it, in the
    first column, is in no way its own (synthetic en-1004: "Empty shop
    windows", capitals and descenders as tall as the headline's ink, read
    as its second line). A block of body type is so only as a heading
    across two columns (``_heading_over_both``): a column's own rows may be
    cut in pieces (a wide space, a photo's edge), the column's block over
    them all, and a row of them with neither ascenders nor descenders
    measures well under the block's size (en-5003). Nor is a
    line of the block's own size (``STACKING.under_larger``): the pieces of
    a headline's next line, parted at a wide space."""
    if block.last.y_overlap(line) > 0:
        return False
    if block.line_height <= TYPE_SIZE.display * body:
        return len(block.lines) == 1 and _heading_over_both(block.last, line, mates, body)
    if line.height > STACKING.under_larger * block.line_height:
        return False  # a piece of the block's own next line
    return any(block.box.x_overlap(mate) >= STACKING.over_mate * mate.width for mate in mates)


def _beside_a_heading(
    block: Block,
    line: Box,
    mates: dict[int, list[Box]],
    beside: dict[int, list[Box]],
    body: float,
) -> bool:
    """Whether ``block`` is one line standing on a row with a heading of any
    size (``beside``: ``_row_neighbours``) that runs over ``line``
    and a line on its row in the next column (``mates``;
    ``_heading_over_both``): a folio beside its running head's title, over
    both columns of the page. The folio belongs to the head's row, not to the
    column under it (NCSE's MRP 1809 p12: "486" took in its column's first
    lines, and the title "On the Decline of Presbyterian Congregations." was
    read inside the column's first paragraph)."""
    if len(block.lines) != 1:
        return False
    under = mates.get(id(line), [])
    return any(
        _heading_over_both(head, line, under, body) for head in beside.get(id(block.last), [])
    )


def _set_off_over_columns(
    block: Block, line: Box, mates: Mapping[int, list[Box]], gap: float, common: float
) -> bool:
    """Whether ``block`` is one line over ``line`` and a line on its row in
    another column (``_row_mates``; over ``STACKING.over_mate`` of each),
    set off from them by more white than the page's common leading
    (``common``) and ``STACKING.leading_slack`` of its size: a caption or a
    deck across the columns, not their first line. 东莞日报 of 2026, A03: a
    photo's caption ran on over the two short columns under it, flush left
    with the first, a body line of white under it; the columns' first rows
    joined it, and both columns were read as one, row by row. A first row
    that the detector joined across the gutter stands at the columns'
    leading and still joins (``_heading_over_both`` takes a centred one)."""
    if len(block.lines) != 1 or common <= 0:
        return False
    over = block.last
    if over.x_overlap(line) < STACKING.over_mate * line.width:
        return False
    if not any(over.x_overlap(m) >= STACKING.over_mate * m.width for m in mates.get(id(line), [])):
        return False
    return gap > common + STACKING.leading_slack * block.line_height


def _heading_over_both(heading: Box, line: Box, mates: list[Box], body: float) -> bool:
    """Whether a line of body type standing alone over ``line`` and a line
    on its row in another column (``_row_mates``) is a heading across both:
    over ``STACKING.over_mate`` of each, and set in from both their outer
    ends by ``STACKING.heading_margin`` body lines, as a centred line is (a
    column's first line runs to its column's edge at one end at least). The
    names over NCSE's MRP 1807 p54 obituaries ("Robert Aiken—Nathaniel
    Hulme—W. Disney"): both columns' first lines joined them, then each
    column's next line, into one block read row by row across the page."""
    if heading.x_overlap(line) < STACKING.over_mate * line.width:
        return False
    margin = STACKING.heading_margin * body
    for mate in mates:
        both = line.union(mate)
        if (
            heading.x_overlap(mate) >= STACKING.over_mate * mate.width
            and heading.x0 >= both.x0 + margin
            and heading.x1 <= both.x1 - margin
        ):
            return True
    return False


def _rule_parts(rule: Box, block: Box, line: Box) -> bool:
    """True when ``rule`` runs down beside ``line`` (over half its height, off
    its ends) and inside ``block``'s width: below a line spanning two columns,
    the columns' lines on either side of their rule."""
    inside = block.x0 < rule.cx < block.x1
    beside = rule.cx < line.x0 or rule.cx > line.x1
    return inside and beside and rule.y_overlap(line) > STACKING.rule_beside * line.height


def merge_overlapping_blocks(blocks: list[Block]) -> list[Block]:
    """Blocks that overlap would be read twice: each pair becomes one block
    (``BLOCK_MERGE``), but for a line standing beside a row of the other
    (``_beside_a_row``), and for a pair ``_kept_apart`` whose lines do not
    lie over each other (``_one_vertical_block``: a heading set across over a
    vertical story's columns, ECPO 1919's "已出六期每冊角半", was read as
    the top of the column under its middle)."""
    blocks = sorted(blocks, key=lambda b: (b.box.y0, b.box.x0))
    # Pairs of vertical blocks found apart line by line are not looked at
    # again after each merge elsewhere (blocks are never changed here, only
    # replaced; ``held`` keeps them alive so that their ids stay theirs).
    apart: set[tuple[int, int]] = set()
    held: list[Block] = []
    changed = True
    while changed:
        changed = False
        for i, a in enumerate(blocks):
            for j in range(i + 1, len(blocks)):
                b = blocks[j]
                if b.box.y0 > a.box.y1:
                    break
                boxes = a.box.x_overlap(b.box) * a.box.y_overlap(b.box)
                if boxes <= 0:
                    continue
                ratio = a.line_height / b.line_height
                similar = BLOCK_MERGE.similar_min <= ratio <= BLOCK_MERGE.similar_max
                share = BLOCK_MERGE.overlap_similar if similar else BLOCK_MERGE.overlap_other
                if boxes <= share * min(a.box.area, b.box.area) or _beside_a_row(a, b):
                    continue
                if (id(a), id(b)) in apart:
                    continue
                # A block set down overlaps others' boxes, not their lines: the
                # boxes of vertical stories set round each other, a heading set
                # across over a story's columns, its foot over their heads.
                if _kept_apart(a, b) and not _one_vertical_block(a, b, share):
                    apart.add((id(a), id(b)))
                    held += [a, b]
                    continue
                blocks[i] = Block(a.lines + b.lines)
                del blocks[j]
                changed = True
                break
            if changed:
                break
    return blocks


def _kept_apart(a: Block, b: Block) -> bool:
    """Whether two overlapping blocks are one only where their lines collide
    (``_one_vertical_block``): both set down, or one set down in more than
    ``BLOCK_MERGE.piece_lines`` lines (a vertical story's columns) beside one
    set across. A line or two set down in a block set across (a drop capital
    "I", a stroke boxed as type) is merged as before."""
    down_a, down_b = set_down(a), set_down(b)
    if down_a and down_b:
        return True
    if down_a or down_b:
        down = a if down_a else b
        return len(down.lines) > BLOCK_MERGE.piece_lines
    return False


def set_down(block: Block) -> bool:
    """Whether most of ``block``'s lines run down the page (``Box.runs_down``)."""
    return 2 * sum(ln.runs_down for ln in block.lines) > len(block.lines)


def _one_vertical_block(a: Block, b: Block, share: float) -> bool:
    """Whether two blocks whose boxes overlap, both vertical or one a
    vertical story's columns (``_kept_apart``), are one: a line of one lies
    over a line of the other by more than ``share`` of the smaller line, or
    the smaller block is a piece or two (``BLOCK_MERGE.piece_lines`` lines
    at most) lying mostly inside the other's box (a character or a mark
    between its columns, which read alone takes the block beside it from
    its story: ECPO 1940's 病中游道風叢林晚歸 lost its poem so). The boxes of
    vertical stories overlap without their lines doing so (a story set round
    the corner of another, in tiers; ECPO's 1939-04-23 fold, p3, where blocks
    merged box by box until the page's top two thirds were one block of 216
    lines, its headlines in it)."""
    small, big = (a, b) if len(a.lines) <= len(b.lines) else (b, a)
    inside = small.box.x_overlap(big.box) * small.box.y_overlap(big.box)
    pieces = len(small.lines) <= BLOCK_MERGE.piece_lines and all(
        ln.thickness <= STACKING.max_size_ratio * big.line_height for ln in small.lines
    )
    if pieces and inside > BLOCK_MERGE.piece_inside * small.box.area:
        return True
    return _lines_collide(a, b, share)


def _lines_collide(a: Block, b: Block, share: float) -> bool:
    """Whether a line of one block lies over a line of the other by more than
    ``share`` of the smaller line: only then would a line be read twice."""
    for line in a.lines:
        if line.x_overlap(b.box) * line.y_overlap(b.box) <= 0:
            continue
        for other in b.lines:
            inter = line.x_overlap(other) * line.y_overlap(other)
            if inter > share * min(line.area, other.area):
                return True
    return False


def _beside_a_row(a: Block, b: Block) -> bool:
    """Whether the smaller of two blocks whose boxes overlap is one line
    that stands on a row of the other's, beside that row's line and clear of
    it, and no more than partly inside the other's box (``BLOCK_MERGE.inside``):
    a running head beside the folio that a column's block took in at its head
    (NCSE's MRP 1822 p14: merged, the head's block reached over the next
    column, and blocks merged one into the next until both columns were one
    block read row by row across). The rest of a line, cut off at a wide
    space, lies inside its block's box: it is still merged."""
    one, other = (a, b) if a.box.area <= b.box.area else (b, a)
    if len(one.lines) != 1:
        return False
    line = one.lines[0]
    inside = line.x_overlap(other.box) * line.y_overlap(other.box)
    if inside >= BLOCK_MERGE.inside * line.area:
        return False
    return any(on_one_row(line, mate) and line.x_overlap(mate) <= 0 for mate in other.lines)


def common_leading(lines: list[Box]) -> float:
    """The page's common leading: the median white (working pixels) between a
    line and the next one down its column (the nearest line below that shares
    half the narrower one's width); 0 when fewer than
    ``STACKING.column_leading_pairs`` such pairs are found."""
    if len(lines) < 2:
        return 0.0
    boxes = np.array([(b.x0, b.y0, b.x1, b.y1) for b in lines], dtype=np.float64)
    x0, y0, x1, y1 = boxes.T
    widths = x1 - x0
    gaps = []
    for i in range(len(boxes)):
        overlap = np.minimum(x1, x1[i]) - np.maximum(x0, x0[i])
        below = (y0 >= y1[i]) & (overlap >= STACKING.apart * np.minimum(widths, widths[i]))
        if below.any():
            gaps.append(float(y0[below].min() - y1[i]))
    if len(gaps) < STACKING.column_leading_pairs:
        return 0.0
    return float(np.median(gaps))


def _joinable_gap(
    block: Block,
    line: Box,
    h_rules: list[Box],
    body: float,
    rows_joined: bool = False,
    common: float = 0.0,
    boxed: Mapping[int, float] | None = None,
) -> float | None:
    P = STACKING
    last = block.last
    gap = line.y0 - last.y1
    size = block.line_height
    same_row = on_one_row(line, last)
    if same_row and rows_joined and last.x_overlap(line) <= 0:
        return None  # a line beside the block's last one: the next column
    widened = block.box.expand(P.piece_reach * size)
    if same_row and widened.x_overlap(line) >= P.piece_overlap * line.width:
        return 0.0  # another piece of the block's last line
    # Type set with a full line of leading (widely spaced short columns) is
    # still one block; a paragraph or article gap is wider than that.
    height = _type_height(block, line, boxed or {})
    if height is None:
        return None
    widest = max(P.max_gap * max(size, height), P.column_leading * common)
    if gap < -P.max_overlap * min(size, height) or gap > widest:
        return None
    # An indented first line over a short last one ("…关" / "键期。") overlaps
    # little, but the short line starts at the column edge just left of it.
    under_indent = 0 <= block.box.x0 - line.x0 <= P.max_indent * size and line.x1 > block.box.x0
    apart = last.x_overlap_ratio(line) < P.apart and block.box.x_overlap_ratio(line) < P.apart
    if apart and not under_indent:
        return None
    slack = P.rule_slack_px
    if any(
        r.x_overlap(line) > P.rule_across * line.width
        and last.y1 - slack <= r.cy <= line.y0 + slack
        for r in h_rules
    ):
        return None
    if block.leading is not None and gap > block.leading + P.leading_slack * size:
        return None  # a wider space than this block's leading ends the block
    return gap


def _type_height(block: Block, line: Box, boxed: Mapping[int, float]) -> float | None:
    """``line``'s type height when it is set in ``block``'s type size, None
    when it is not: its ink height within ``STACKING``'s size ratios of the
    block's, or else (its ink the taller) its detector box height within
    ``boxed_ratio`` of the median of the block's lines' (where all are
    known), and then the block's size is its height. A line's ink height
    goes with its descenders (rows under a twentieth of the fullest row are
    not its own): 18 px for a line of few, 24 for one of many in the same
    28-px type, and a column's third line was parted from the first two by
    it; a line joined from pieces is measured by its tallest piece
    (``boxes.JoinedLine``), not by their union, which a sloping line makes
    taller. The detector's box measures the type; the white allowed above the
    line stays the block's (measured by the ink, a story's first line after
    a wide gap joined the story above: synthetic en-1000)."""
    P = STACKING
    ratio = line.thickness / block.line_height
    if P.min_size_ratio <= ratio <= P.max_size_ratio:
        return line.thickness
    if ratio < P.min_size_ratio:
        # Ink shorter than the block's: a heading in capitals over the body
        # (no descenders) in a box as tall as the body's is no body line.
        return None
    own = boxed.get(id(line))
    theirs = [boxed.get(id(b)) for b in block.lines]
    if own is None or any(t is None for t in theirs):
        return None
    if 1 / P.boxed_ratio <= own / float(np.median(theirs)) <= P.boxed_ratio:
        return block.line_height
    return None
