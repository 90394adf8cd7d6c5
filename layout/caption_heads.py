"""A caption's line that a column under the photo took in as its first.

A photo's caption runs under it, and the photographer's name often stands
apart at the right of the same row ("首席记者 曹丽娟 摄"), over a column
that starts a body line of white lower down. The block grouping joins a
one-line block to the line under it before it knows the block's leading,
so that column's block opens with the name: the caption lost a piece and
the column read "首席记者 曹丽娟 摄东莞将持续…" (东莞日报 of 2026, A03).
A block right under a photo whose first row stands further from the rest
than their own leading allows (``STACKING.leading_slack`` of its size, as
``blocks._joinable_gap`` ends a block) gives that row back as a block of its
own, which ``roles.classify_blocks`` then finds as a caption.

Boxes are in working-image pixels; ``body`` is the body line height there.
"""

from __future__ import annotations

from newsprint.core.page import RegionType
from newsprint.layout.blocks import Block, on_one_row
from newsprint.layout.boxes import Box, union_all
from newsprint.layout.params.blocks import STACKING
from newsprint.layout.params.roles import CAPTIONS


def caption_rows_apart(blocks: list[Block], photos: list[Box], body: float) -> list[Block]:
    """``blocks`` with the first row of each text block that stands right
    under a photo and apart from the rest of the block (see the module) as a
    block of its own, set before the rest; the others as they are."""
    out: list[Block] = []
    for block in blocks:
        head = _row_set_off_under_a_photo(block, photos, body)
        if head is None:
            out.append(block)
            continue
        rest = [ln for ln in block.lines if not any(ln is h for h in head)]
        out += [Block(head), Block(rest)]
    return out


def _row_set_off_under_a_photo(block: Block, photos: list[Box], body: float) -> list[Box] | None:
    """The pieces of ``block``'s first row when that row stands under a
    photo (over ``CAPTIONS.under_photo`` of its width, within
    ``CAPTIONS.max_gap`` body lines) and further above the block's next row
    than the rest's leading and ``STACKING.leading_slack`` of the block's
    type size; None otherwise (a block of fewer than three rows has no
    leading of its own to judge by)."""
    if block.kind != RegionType.TEXT:
        return None
    lines = sorted(block.lines, key=lambda b: b.y0)
    first = lines[0]
    head = [ln for ln in lines if on_one_row(ln, first)]
    rest = [ln for ln in lines if not any(ln is h for h in head)]
    if not rest:
        return None
    row = union_all(head)
    if not any(_under(row, photo, body) for photo in photos):
        return None
    leading = Block(rest).leading
    gap = min(ln.y0 for ln in rest) - row.y1
    if leading is None or gap <= leading + STACKING.leading_slack * block.line_height:
        return None
    return head


def _under(row: Box, photo: Box, body: float) -> bool:
    gap = row.y0 - photo.y1
    return (
        row.x_overlap(photo) >= CAPTIONS.under_photo * row.width
        and -CAPTIONS.max_overlap * body <= gap <= CAPTIONS.max_gap * body
    )
