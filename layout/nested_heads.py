"""A vertical block parted where a story's headline stands inside it.

On a page set vertically a story's headline often stands at the top of the
story's own columns, and the story's first columns start under it: the
columns of the story before it, on its right, run the band's full height,
and nothing but the step down of the column tops (no rule, no white gutter)
tells the two stories apart. Stacking joins all of those columns into one
block (``direction.group_vertical_lines``): on 馬祖日報 (1957, p. 1) the
block of 葉外長's story took in the 海戰 story set under 我擊沉匪艇一艘 /
另二艘受創潰逃, and the 海戰 story's text was read as 葉外長's. PaddleOCR's
layout models (PP-Structure) and eynollah cut a text region at a heading
the same way.

:func:`parted_under_headings` parts such a block between a column that
starts level with the columns before it and the next one, which starts
under a heading, lower by ``NESTED_HEADS.step`` characters or more; the
heading's lines are display type (``TYPE_SIZE.surely_display`` of the body
size or more), set across or down, directly over that column. A title's
column of display type that stacking took into a block of body type (張羣特使
beside its story on the same page) is taken out of it into a block of its
own.
Everything here is in working-image pixels, lines as found.
"""

from __future__ import annotations

import itertools
import logging
import statistics

from newsprint.layout.blocks import Block, set_down
from newsprint.layout.boxes import Box
from newsprint.layout.params.blocks import NESTED_HEADS
from newsprint.layout.params.type_size import TYPE_SIZE

log = logging.getLogger(__name__)


def parted_under_headings(blocks: list[Block], body: float) -> list[Block]:
    """``blocks`` with each vertical block of body type parted under the
    headings that stand inside it, and its columns of display type taken out
    as blocks of their own; every other block is returned as it is (the same
    object). ``body``: the body type size in working pixels."""
    heads = [ln for b in blocks for ln in b.lines if _display(ln, body)]
    out: list[Block] = []
    for block in blocks:
        if not set_down(block) or len(block.lines) < 2:
            out.append(block)
            continue
        display = _display_columns(block, body)
        body_lines = [ln for ln in block.lines if all(ln is not d for d in display)]
        parts = _parts(sorted(body_lines, key=lambda ln: -ln.cx), heads)
        if len(parts) == 1 and not display:
            out.append(block)
            continue
        log.debug("block %s: %d parts, %d display lines", block.box, len(parts), len(display))
        out += [_like(block, part) for part in parts]
        out += [_like(block, [ln]) for ln in display]
    return out


def _parts(lines: list[Box], heads: list[Box]) -> list[list[Box]]:
    """``lines`` (a block's columns, right to left) cut before each column
    that starts under a heading while the column before it starts level
    with the columns before it (the median of their tops: a stray box
    sticking up moves it little)."""
    size = statistics.median(ln.thickness for ln in lines)
    level = NESTED_HEADS.step * size
    parts = [[lines[0]]]
    for before, line in itertools.pairwise(lines):
        top = statistics.median(ln.y0 for ln in parts[-1])
        if before.y0 - top < level <= line.y0 - top and _heading_over(line, heads, top, size):
            parts.append([])
        parts[-1].append(line)
    return parts


def _heading_over(line: Box, heads: list[Box], top: float, size: float) -> bool:
    """Whether a line of display type stands directly over ``line``: across
    ``NESTED_HEADS.across`` of its width or more, its foot at most
    ``NESTED_HEADS.above`` characters (``size``, pixels) over ``line``'s head
    (boxes padded, they may overlap by a character), and inside the band
    (its head no higher than ``top``, the columns' before it, less a
    character)."""
    P = NESTED_HEADS
    return any(
        head.x_overlap(line) >= P.across * line.width
        and -size <= line.y0 - head.y1 <= P.above * size
        and head.y0 >= top - size
        for head in heads
    )


def _display_columns(block: Block, body: float) -> list[Box]:
    """The columns of display type that stacking took into ``block``, a block
    of body type (its median column at most ``TYPE_SIZE.display`` times
    ``body`` wide): ``TYPE_SIZE.surely_display`` times the block's median
    column width or wider (a detector's box may be a third wider than its
    type, padded over a rule or a mark beside it, so the block's own type
    is the measure, not the page's body), and a title's few characters long
    (``NESTED_HEADS.title_chars``, characters being square: a box twice a
    column's width that holds two columns of body type side by side, which
    OCR parts, is twelve of its characters long or more), where they are
    few (``NESTED_HEADS.most_display``). A block of headline type (a title
    column beside its subtitles) keeps its columns."""
    size = statistics.median(ln.thickness for ln in block.lines)
    if size > TYPE_SIZE.display * body:
        return []
    display = [
        ln
        for ln in block.lines
        if ln.thickness >= TYPE_SIZE.surely_display * size
        and ln.length < NESTED_HEADS.title_chars * ln.thickness
    ]
    return display if len(display) <= NESTED_HEADS.most_display * len(block.lines) else []


def _display(line: Box, body: float) -> bool:
    return line.thickness >= TYPE_SIZE.surely_display * body


def _like(block: Block, lines: list[Box]) -> Block:
    part = Block(lines, kind=block.kind)
    part.leading = block.leading
    return part
