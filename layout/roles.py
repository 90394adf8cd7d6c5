"""Roles of blocks: headlines (display size, or bold and short), captions under or over
their photo, running heads and folios, advertisements ruled all round.

Everything here is in working-image pixels and measured in the page's body
line height (``body``).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable

import cv2
import numpy as np
from newsprint.core.page import RegionType
from newsprint.core.settings import LayoutSettings
from newsprint.layout.blocks import Block
from newsprint.layout.boxes import Box, starts_under, union_all
from newsprint.layout.direction import is_vertical, transpose
from newsprint.layout.params.roles import (
    ADVERTS,
    BLOCK_TYPE_HEIGHT,
    BOLD_HEADS,
    CAPTIONS,
    LARGE_TEXT,
    NAMEPLATE,
)
from newsprint.layout.params.type_size import TYPE_SIZE
from newsprint.layout.running_heads import mark_running_heads

log = logging.getLogger(__name__)


def stroke_width(ink: np.ndarray, box: Box) -> float:
    """Mean stroke thickness of the ink in a box: a stroke of width w and
    length L has area wL and about 2L boundary pixels."""
    crop = ink[int(box.y0) : int(box.y1), int(box.x0) : int(box.x1)]
    area = cv2.countNonZero(crop)
    if area == 0:
        return 0.0
    boundary = area - cv2.countNonZero(cv2.erode(crop, np.ones((3, 3), np.uint8)))
    return 2.0 * area / max(1, boundary)


def type_height(block: Block, blocks: list[Block], body: float) -> float:
    """A block's type size (working pixels): its lines' ink height, but never
    more than the lines' spacing allows. Close-set old type, a warped line or
    show-through can join a line's ink to its neighbours' and measure it as
    display type; no line's type is taller than the step from it to the next
    line (median step for a block of several lines; for a lone line, the
    space between the lines above and below it in its column, less half a
    body line on each side). A block of vertical lines is measured turned a
    quarter (``direction.transpose``): its step is from one line to the next
    on its left (a 1939 notice in close-set vertical lines, their boxes
    joined to twice the type's width, was taken for a headline)."""
    turn = _turn_for(block.lines)
    lines = [turn(ln) for ln in block.lines]
    rows = _row_centres(lines)
    if len(rows) >= 2:
        return min(block.line_height, float(np.median(np.diff(rows))))
    line = lines[0]
    others = [turn(ln) for other in blocks if other is not block for ln in other.lines]
    in_column = [
        ln
        for ln in others
        if ln.x_overlap(line) >= BLOCK_TYPE_HEIGHT.neighbour_overlap * min(ln.width, line.width)
    ]
    above = [ln.cy for ln in in_column if ln.cy < line.cy]
    below = [ln.cy for ln in in_column if ln.cy > line.cy]
    if not above or not below:
        return block.line_height
    return min(block.line_height, min(below) - max(above) - body)


def _set_large(block: Block, height: float, body: float) -> bool:
    """Whether a block is text set a little larger than the body (a notice, a
    lead) rather than a headline: many lines, under display size."""
    return (
        height < TYPE_SIZE.surely_display * body and _row_count(block.lines) >= LARGE_TEXT.min_lines
    )


def _row_count(lines: list[Box]) -> int:
    """How many rows a block's lines stand in (vertical lines side by side
    counted as rows)."""
    turn = _turn_for(lines)
    return len(_row_centres([turn(ln) for ln in lines]))


def _turn_for(lines: list[Box]) -> Callable[[Box], Box]:
    """How a block's boxes are measured: turned a quarter
    (``direction.transpose``) where most of its lines are vertical, so that
    its lines follow one another down as rows do, else as they are."""
    if 2 * sum(is_vertical(ln) for ln in lines) > len(lines):
        return transpose
    return _as_is


def _as_is(box: Box) -> Box:
    return box


def _row_centres(lines: list[Box]) -> list[float]:
    """The centres of a block's rows (pieces of one row counted once)."""
    rows: list[float] = []
    for cy, height in sorted((ln.cy, ln.height) for ln in lines):
        if not rows or cy - rows[-1] > BLOCK_TYPE_HEIGHT.row_share * height:
            rows.append(cy)
    return rows


def mark_bold_heads(
    blocks: list[Block], ink: np.ndarray, body: float, settings: LayoutSettings
) -> None:
    """Small headlines are set barely larger than the body but bold: a short
    block of somewhat larger type with clearly heavier strokes is one."""
    P = BOLD_HEADS
    plain = [
        b
        for b in blocks
        if len(b.lines) >= P.plain_min_lines and abs(b.line_height - body) < P.plain_size * body
    ]
    if not plain:
        return
    body_stroke = float(np.median([stroke_width(ink, b.box) for b in plain]))
    low, high = settings.bold_headline_ratio * body, settings.headline_ratio * body
    for block in blocks:
        height = type_height(block, blocks, body)
        if len(block.lines) > P.max_lines or not low <= height < high:
            continue
        # Larger type has thicker strokes too: bold is thick for its size.
        size = height / body
        if stroke_width(ink, block.box) >= settings.bold_stroke_ratio * body_stroke * size:
            block.kind = RegionType.HEADLINE


def classify_blocks(
    blocks: list[Block],
    photos: list[Box],
    h_rules: list[Box],
    body: float,
    settings: LayoutSettings,
    content: tuple[int, int, int, int],
    v_rules: list[Box] | None = None,
) -> None:
    """Type each block: headline (display size, not text set a little
    large), running head, nameplate, caption (under or over a photo; pieces
    of one caption row joined unless a rule of ``v_rules`` parts them)."""
    for block in blocks:
        height = type_height(block, blocks, body)
        if height >= settings.headline_ratio * body and not _set_large(block, height, body):
            block.kind = RegionType.HEADLINE
    mark_running_heads(blocks, h_rules, body, content)
    _mark_nameplate(blocks, body, content)
    for photo in photos:
        for block in _caption_of(photo, blocks, body):
            block.kind = RegionType.CAPTION
    _join_caption_pieces(blocks, body, v_rules or [])


def find_adverts(
    shape: tuple[int, ...], rules: list[Box], blocks: list[Block], photos: list[Box], body: float
) -> list[Box]:
    """Boxes ruled all round that hold display type or pictures but no run of
    body text: advertisements. Their blocks leave the article flow."""
    adverts = []
    for frame in ruled_frames(shape, rules, body):
        inside = [b for b in blocks if within(b.box, frame, body)]
        pictures = [p for p in photos if within(p, frame, body)]
        body_lines = sum(
            len(b.lines)
            for b in inside
            if b.kind == RegionType.TEXT and len(b.lines) >= ADVERTS.text_run_lines
        )
        display = sum(1 for b in inside if b.line_height > TYPE_SIZE.display * body)
        if (inside or pictures) and body_lines < ADVERTS.text_run_lines and (display or pictures):
            adverts.append(frame)
            for b in inside:
                b.kind = RegionType.ADVERTISEMENT
    return adverts


def ruled_frames(shape: tuple[int, ...], rules: list[Box], body: float) -> list[Box]:
    """Rectangles closed on four sides by rules, at least a few lines each way."""
    mask = np.zeros(shape[:2], np.uint8)
    grow = max(1, int(ADVERTS.rule_grow * body))
    for r in rules:
        cv2.rectangle(
            mask,
            (int(r.x0) - grow, int(r.y0) - grow),
            (int(r.x1) + grow, int(r.y1) + grow),
            255,
            -1,
        )
    contours, hierarchy = cv2.findContours(mask, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    frames = []
    if hierarchy is None:
        return frames
    for contour, (_, _, _, parent) in zip(contours, hierarchy[0], strict=True):
        if parent < 0:
            continue  # an outer edge, not a hole
        x, y, w, h = cv2.boundingRect(contour)
        if (
            w < ADVERTS.min_width * body
            or h < ADVERTS.min_height * body
            or cv2.contourArea(contour) < ADVERTS.min_fill * w * h
        ):
            continue
        frames.append(
            Box(float(x - grow), float(y - grow), float(x + w + grow), float(y + h + grow))
        )
    return frames


def within(box: Box, frame: Box, body: float) -> bool:
    return frame.expand(ADVERTS.margin * body).contains_point(box.x0, box.y0) and frame.expand(
        ADVERTS.margin * body
    ).contains_point(box.x1, box.y1)


def _join_caption_pieces(blocks: list[Block], body: float, v_rules: list[Box]) -> None:
    """A caption line cut at a wide space (before the photographer's name) is
    one caption; two captions with a column rule between them are two, each
    its own photo's (generated en-3005 at 72 dpi: a one-column photo's
    caption beside a wide one's, a heavy rule between, became one caption
    over both stories)."""
    joined = True
    while joined:
        joined = False
        captions = [b for b in blocks if b.kind == RegionType.CAPTION]
        for left, right in itertools.permutations(captions, 2):
            same_rows = left.box.y_overlap(right.box) > CAPTIONS.same_line * min(
                left.box.height, right.box.height
            )
            gap = right.box.x0 - left.box.x1
            near = -CAPTIONS.join_overlap * body <= gap < CAPTIONS.join_gap * body
            if same_rows and near and not _rule_between(left.box, right.box, v_rules):
                for line in right.lines:
                    left.add(line)
                blocks.remove(right)
                joined = True
                break


def _rule_between(left: Box, right: Box, v_rules: list[Box]) -> bool:
    """Whether a vertical rule stands between two boxes of one row, along
    their rows."""
    return any(
        left.x1 <= rule.cx <= right.x0
        and rule.y0 < max(left.y1, right.y1)
        and rule.y1 > min(left.y0, right.y0)
        for rule in v_rules
    )


def _mark_nameplate(blocks: list[Block], body: float, content: tuple[int, int, int, int]) -> None:
    """The nameplate (the paper's title across the top of the front page) is
    no story's headline: one line of type at least four body lines tall,
    half the page wide or more, in the top fifth of the page, and the
    largest type on it by half again (among lines of type, wider than
    tall: a mark in the scanner's margin is no line). A nameplate set
    beside its ears, a date or an advert is found by a second test
    (``_beside_its_ears``).

    A title the detector gave in pieces close together along its row (a
    black-letter name cut at its widest letter gaps, as NZZ 1890's "Zü |
    rcher- | Zeitung") is that line of type too: the pieces become one
    block, ``blocks`` changing in place. Where the pieces make no nameplate,
    the largest line alone is judged as before."""
    P = NAMEPLATE
    lines = [b for b in blocks if b.box.width >= P.line_aspect * b.line_height]
    if not lines:
        return
    biggest = max(lines, key=lambda b: b.line_height)
    row = _title_row(biggest, blocks)
    for pieces in ([row] if len(row) > 1 else []) + [[biggest]]:
        if _title_at_the_top(pieces, body, content) and (
            _is_nameplate(pieces, lines, content)
            or _beside_its_ears(pieces, lines, blocks, body, content)
        ):
            plate = biggest
            if len(pieces) > 1:
                parts = sorted((ln for b in pieces for ln in b.lines), key=lambda ln: ln.x0)
                plate = Block(parts)
                blocks[:] = [b for b in blocks if b not in pieces] + [plate]
            plate.kind = RegionType.NAMEPLATE
            return


def _is_nameplate(
    pieces: list[Block], lines: list[Block], content: tuple[int, int, int, int]
) -> bool:
    """Whether ``pieces`` (one line of type at the top, or its pieces along
    one row: ``_title_at_the_top``) make the nameplate: half the page wide
    and the page's largest type by half again; ``lines``: the page's lines
    of type, to compare sizes with."""
    cx0, _, cx1, _ = content
    P = NAMEPLATE
    size = max(b.line_height for b in pieces)
    others = max((b.line_height for b in lines if b not in pieces), default=0.0)
    x0, x1 = min(b.box.x0 for b in pieces), max(b.box.x1 for b in pieces)
    return size >= P.lead * others and x1 - x0 >= P.min_width * (cx1 - cx0)


def _beside_its_ears(
    pieces: list[Block],
    lines: list[Block],
    blocks: list[Block],
    body: float,
    content: tuple[int, int, int, int],
) -> bool:
    """Whether ``pieces`` (one line of type at the top: ``_title_at_the_top``)
    make a nameplate set beside its ears, a date or an advert: nearly half
    the page wide (``NAMEPLATE.beside_width``), the
    largest type in the top fifth by half again, and over no text. A
    tabloid may set a story's headline further down nearly as large
    (頭條日報 2023-06-08: a nameplate of 149 px 0.49 of the page wide, a
    second story's headline of 106 px at 0.45 of its height); a story's
    headline, an inside page's banner among them, stands right over its
    text (``_over_text``)."""
    cx0, cy0, cx1, cy1 = content
    P = NAMEPLATE
    size = max(b.line_height for b in pieces)
    head = cy0 + P.top_share * (cy1 - cy0)
    others = max((b.line_height for b in lines if b not in pieces and b.box.y0 < head), default=0.0)
    x0, x1 = min(b.box.x0 for b in pieces), max(b.box.x1 for b in pieces)
    return (
        size >= P.lead * others
        and x1 - x0 >= P.beside_width * (cx1 - cx0)
        and not _over_text(pieces, blocks, body)
    )


def _title_at_the_top(pieces: list[Block], body: float, content: tuple[int, int, int, int]) -> bool:
    """One line of type (in one or more pieces) at least ``NAMEPLATE.min_size``
    body lines tall, ending in the top ``NAMEPLATE.top_share`` of the page."""
    _, cy0, _, cy1 = content
    P = NAMEPLATE
    return (
        all(len(b.lines) == 1 for b in pieces)
        and max(b.line_height for b in pieces) >= P.min_size * body
        and max(b.box.y1 for b in pieces) <= cy0 + P.top_share * (cy1 - cy0)
    )


def _over_text(pieces: list[Block], blocks: list[Block], body: float) -> bool:
    """Whether a block of text of two lines or more starts within
    ``NAMEPLATE.heads_within`` body lines under ``pieces``' foot, across half
    the narrower's width."""
    title = union_all([b.box for b in pieces])
    return any(
        b.kind == RegionType.TEXT
        and len(b.lines) >= 2
        and starts_under(title, b.box, body, NAMEPLATE.heads_within)
        for b in blocks
    )


def _title_row(biggest: Block, blocks: list[Block]) -> list[Block]:
    """``biggest`` and the one-line blocks of type of like size that continue
    it along its row, letter gaps apart (``NAMEPLATE.row_size``,
    ``row_height``, ``row_gap``), left to right. A piece need not be a line
    wider than tall: a single letter is a piece too (NZZ 1890's "Zü")."""
    P = NAMEPLATE
    size, height = biggest.line_height, biggest.box.height
    like = sorted(
        (
            b
            for b in blocks
            if b is biggest
            or (
                len(b.lines) == 1
                and b.line_height >= P.row_size * size
                and b.box.height <= P.row_height * height
                and b.box.y_overlap(biggest.box) >= 0.5 * min(b.box.height, height)
            )
        ),
        key=lambda b: b.box.x0,
    )
    at = next(i for i, b in enumerate(like) if b is biggest)
    start, end = at, at + 1
    while start > 0 and like[start].box.x0 - like[start - 1].box.x1 <= P.row_gap * size:
        start -= 1
    while end < len(like) and like[end].box.x0 - like[end - 1].box.x1 <= P.row_gap * size:
        end += 1
    return like[start:end]


def _caption_of(photo: Box, blocks: list[Block], body: float) -> list[Block]:
    """The short block nearest a photo, under or over it (and any other piece
    of the same caption line). One photo, one caption: the body text that
    happens to follow the caption is not a second one."""
    P = CAPTIONS
    scored = []
    for block in blocks:
        if block.kind != RegionType.TEXT or len(block.lines) > P.max_lines:
            continue
        if block.box.x_overlap(photo) < P.under_photo * block.box.width:
            continue
        gap = min(
            (
                g
                for g in (block.box.y0 - photo.y1, photo.y0 - block.box.y1)
                if g >= -P.max_overlap * body
            ),
            default=None,
        )
        if gap is not None and gap <= P.max_gap * body:
            scored.append((gap, block))
    if not scored:
        return []
    _, nearest = min(scored, key=lambda item: item[0])
    return [
        b
        for _, b in scored
        if b.box.y_overlap(nearest.box) > P.same_line * min(b.box.height, nearest.box.height)
    ]
