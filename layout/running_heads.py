"""Running heads and feet: the folio, the paper's name and the date over (under)
the columns, told from the stories by the long rules near the page's edges, a
margin mark passed over, a vertical page's row over its columns, or white
alone (``mark_running_heads``). A running head the text tells (a folio read
at one end of the top row) is found once OCR has read the page
(``articles.roles.running_head_row``).

Everything here is in working-image pixels and measured in the page's body
line height (``body``).
"""

from __future__ import annotations

import numpy as np
from newsprint.core.page import RegionType
from newsprint.layout.blocks import Block
from newsprint.layout.boxes import Box
from newsprint.layout.direction import is_vertical
from newsprint.layout.params.roles import RUNNING_HEADS


def mark_running_heads(
    blocks: list[Block], h_rules: list[Box], body: float, content: tuple[int, int, int, int]
) -> None:
    """Type as ``RUNNING_HEAD`` the blocks of the page's running head and
    foot, ``blocks`` changing in place: at the top, what lies above the cut
    the long rules give (``_ruled_band_edge``), else a vertical page's row
    over its columns (``_vertical_page_head``), else a thin line set apart
    by white (``_isolated_band_edge``); at the foot alike, but for the
    vertical page's row. ``h_rules``: the page's horizontal rules;
    ``content``: the printed area (x0, y0, x1, y1); ``body``: the body line
    height. All in working-image pixels."""
    cx0, cy0, cx1, cy1 = content
    width, height = cx1 - cx0, cy1 - cy0
    P = RUNNING_HEADS
    long_rules = [r for r in h_rules if r.width > P.long_rule * width]
    top_rules = [r for r in long_rules if r.cy < cy0 + P.top_band * height]
    bottom_rules = [r for r in long_rules if r.cy > cy1 - P.foot_band * height]
    top_cut = _ruled_band_edge(blocks, top_rules, body, width, from_top=True)
    bottom_cut = _ruled_band_edge(blocks, bottom_rules, body, width, from_top=False)
    if top_cut is None:
        top_cut = _vertical_page_head(blocks, body, width)
    if top_cut is None:
        top_cut = _isolated_band_edge(blocks, cy0, body, from_top=True)
    if bottom_cut is None:
        bottom_cut = _isolated_band_edge(blocks, cy1, body, from_top=False)
    for block in blocks:
        if (top_cut is not None and block.box.y1 <= top_cut) or (
            bottom_cut is not None and block.box.y0 >= bottom_cut
        ):
            block.kind = RegionType.RUNNING_HEAD


def _ruled_band_edge(
    blocks: list[Block], rules: list[Box], body: float, width: float, from_top: bool
) -> float | None:
    """Where the running head ends (the foot begins) among the long rules near
    the top (foot) of the printed area: the rule nearest the edge; or, where
    that rule is the border (no type beyond it), its second rule
    (``RUNNING_HEADS.double_rule``) and then the next rule in when what lies
    between is one running head's band: one row of single lines of type no
    larger than ``RUNNING_HEADS.max_size`` body lines (``ruled_max_size`` for
    a row of two or more: the folio and the date beside the paper's name)
    across ``RUNNING_HEADS.band_width`` of the printed width or more (TEC
    1880 p. 44: folio, name and date between the border's double rule and
    the rule under them were read as three stories). One band at most is
    taken. ``rules``: the long rules near that edge.

    The rule nearest the edge may be no border but a mark in the margin
    (``_margin_band_edge``): then the band between it and the next rule in
    is judged against that rule."""
    boxes = sorted(rules, key=lambda r: r.cy, reverse=not from_top)
    if not boxes:
        return None
    past_mark = _margin_band_edge(blocks, boxes, body, from_top)
    if past_mark is not None:
        return past_mark
    ordered = [r.cy for r in boxes]
    edge = ordered[0]
    if _type_beyond(blocks, edge, from_top):
        return edge  # type beyond the first rule: it is no border
    for inner in ordered[1:]:
        between = [b for b in blocks if _between(b.box, edge, inner)]
        inside = [
            b for b in between if min(edge, inner) <= b.box.y0 and b.box.y1 <= max(edge, inner)
        ]
        if not inside and abs(inner - edge) <= RUNNING_HEADS.double_rule * body:
            # The border's second rule (a corner's ornament may cross both).
            edge = inner
            continue
        if not _is_running_band(between, body, width):
            return edge
        return _band_cut(inner, between, from_top)
    return edge


def _margin_band_edge(
    blocks: list[Block], rules: list[Box], body: float, from_top: bool
) -> float | None:
    """The running head's edge where the rule nearest the page's edge
    (``rules[0]``, sorted from it) is a mark in the margin: no type wholly
    beyond it, under ``RUNNING_HEADS.margin_mark`` of the next rule's length
    (the sheet's edge, a scanner's shadow), and between the two (the blocks
    across the mark left out: its own ink, boxed by the detector) a running
    head's band of ``RUNNING_HEADS.margin_pieces`` single lines or more
    spread over ``RUNNING_HEADS.margin_band_width`` of the next rule. ECPO
    1940 p. 2: the sheet's edge at the top of the scan, 0.66 of the frame's
    top rule, over the paper's name, the day and the date (read as two
    stories), which span 0.72 of the frame (the page number beside them
    was not found). None where there is no such mark or band."""
    if len(rules) < 2:
        return None
    mark, frame = rules[0], rules[1]
    P = RUNNING_HEADS
    if _type_beyond(blocks, mark.cy, from_top) or mark.width >= P.margin_mark * frame.width:
        return None
    band = [
        b
        for b in blocks
        if _between(b.box, mark.cy, frame.cy) and not (b.box.y0 <= mark.cy <= b.box.y1)
    ]
    if not _is_loose_band(band, body, frame.width):
        return None
    return _band_cut(frame.cy, band, from_top)


def _band_cut(inner: float, band: list[Block], from_top: bool) -> float:
    """The cut under a running head's band (over a foot's) at the rule
    ``inner``: a piece of the band may run over the rule (the date's box
    joined to the border's upright on TEC 1886), and the cut takes it in."""
    if from_top:
        return max(inner, *(b.box.y1 for b in band))
    return min(inner, *(b.box.y0 for b in band))


def _type_beyond(blocks: list[Block], height: float, from_top: bool) -> bool:
    """Whether a block lies wholly above (below, for a foot) the height."""
    return any((b.box.y1 <= height) if from_top else (b.box.y0 >= height) for b in blocks)


def _between(box: Box, a: float, b: float) -> bool:
    """Whether the box's middle lies between the heights ``a`` and ``b``."""
    return min(a, b) <= (box.y0 + box.y1) / 2 <= max(a, b)


def _is_loose_band(blocks: list[Block], body: float, width: float) -> bool:
    """Whether ``blocks`` are a running head's band that no border frames:
    ``RUNNING_HEADS.margin_pieces`` single lines or more in one row, spread
    over ``RUNNING_HEADS.margin_band_width`` of ``width`` (the paper's name,
    the day, the date; a page number the detector may miss)."""
    P = RUNNING_HEADS
    return len(blocks) >= P.margin_pieces and _is_running_band(
        blocks, body, width, P.margin_band_width
    )


def _is_running_band(
    blocks: list[Block], body: float, width: float, share: float | None = None
) -> bool:
    """Whether ``blocks`` are one running head's band: single lines in one
    row, of a running head's size, spread over ``share`` of ``width``
    (``RUNNING_HEADS.band_width`` by default)."""
    P = RUNNING_HEADS
    share = P.band_width if share is None else share
    largest = P.max_size if len(blocks) < 2 else P.ruled_max_size
    if not blocks or any(len(b.lines) > 1 for b in blocks):
        return False
    if float(np.median([b.line_height for b in blocks])) > largest * body:
        return False
    shared = min(b.box.y1 for b in blocks) - max(b.box.y0 for b in blocks)
    spread = max(b.box.x1 for b in blocks) - min(b.box.x0 for b in blocks)
    return shared > 0 and spread >= share * width


def _vertical_page_head(blocks: list[Block], body: float, width: float) -> float | None:
    """Where the running head of a page of vertical type ends, no rule under
    it: the lines across that stand over every vertical line on the page,
    when they are ``RUNNING_HEADS.margin_pieces`` single lines or more in one
    row spread over ``RUNNING_HEADS.margin_band_width`` of the printed
    ``width`` (the paper's name, the day, the date, the page number). A
    vertical page's stories run down from the top of its frame, and their
    headlines across stand among or over their own columns, under that
    row: ECPO 1940 p. 3, whose frame's wavy top is no rule, and the 1921
    fold's, read as stories' headlines. None on a page of lines across
    (most of its lines not vertical) or where there is no such row."""
    lines = [ln for b in blocks for ln in b.lines]
    upright = [ln for ln in lines if is_vertical(ln)]
    if not lines or 2 * len(upright) <= len(lines):
        return None
    first_down = min(ln.y0 for ln in upright)
    band = [
        b
        for b in blocks
        if b.box.y1 <= first_down and len(b.lines) == 1 and not is_vertical(b.lines[0])
    ]
    if not _is_loose_band(band, body, width):
        return None
    return max(b.box.y1 for b in band)


def _isolated_band_edge(
    blocks: list[Block], edge: float, body: float, from_top: bool
) -> float | None:
    """Without a rule, a single thin line of type at the very top (or foot),
    set apart by white space, is the running head (or foot)."""
    if not blocks:
        return None
    ordered = sorted(blocks, key=lambda b: b.box.y0 if from_top else -b.box.y1)
    P = RUNNING_HEADS
    first = ordered[0]
    if len(first.lines) > 1 or first.line_height > P.max_size * body:
        return None
    band = [b for b in blocks if b.box.y_overlap(first.box) > P.same_band * first.box.height]
    rest = [b for b in blocks if b not in band]
    if not rest:
        return None
    if from_top:
        limit = max(b.box.y1 for b in band)
        nxt = min(b.box.y0 for b in rest)
        apart = nxt - limit > P.min_white * body
        return limit + 1 if apart and abs(first.box.y0 - edge) < P.max_from_edge * body else None
    limit = min(b.box.y0 for b in band)
    nxt = max(b.box.y1 for b in rest)
    apart = limit - nxt > P.min_white * body
    return limit - 1 if apart and abs(edge - first.box.y1) < P.max_from_edge * body else None
