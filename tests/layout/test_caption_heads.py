"""A caption's piece that a column under the photo took in as its first row."""

from __future__ import annotations

from newsprint.layout.blocks import Block
from newsprint.layout.boxes import Box
from newsprint.layout.caption_heads import caption_rows_apart

BODY = 28.0
PHOTO = Box(390, 646, 1430, 1280)  # 东莞日报 of 2026, A03, enlarged twice
ROWS = [Box(1108, 1340 + 30 * i, 1426, 1364 + 30 * i) for i in range(4)]  # 6 px of leading


def _lines(blocks: list[Block]) -> list[list[tuple[int, int]]]:
    return [sorted((round(b.x0), round(b.y0)) for b in block.lines) for block in blocks]


def test_the_photographer_s_name_over_a_column_goes_back_to_the_caption_row() -> None:
    credit = Box(1228, 1284, 1426, 1316)  # "首席记者 曹丽娟 摄", 24 px over the column
    blocks = caption_rows_apart([Block([credit, *ROWS])], [PHOTO], BODY)
    assert _lines(blocks) == [[(1228, 1284)], [(1108, 1340 + 30 * i) for i in range(4)]]


def test_a_column_s_first_row_at_its_own_leading_stays_in_its_block() -> None:
    first = Box(1108, 1308, 1426, 1332)  # 8 px over the next row
    assert len(caption_rows_apart([Block([first, *ROWS])], [PHOTO], BODY)) == 1


def test_a_row_set_off_with_no_photo_over_it_stays_in_its_block() -> None:
    credit = Box(1228, 1284, 1426, 1316)
    elsewhere = Box(390, 100, 1430, 600)
    assert len(caption_rows_apart([Block([credit, *ROWS])], [elsewhere], BODY)) == 1
    beside = Box(0, 646, 1100, 1280)  # a photo ending left of the row, level with the one above
    assert len(caption_rows_apart([Block([credit, *ROWS])], [beside], BODY)) == 1
    # Nor is a block of two rows parted: one row gives no leading to judge by.
    assert len(caption_rows_apart([Block([credit, *ROWS[:1]])], [PHOTO], BODY)) == 1
    assert len(caption_rows_apart([Block([credit])], [PHOTO], BODY)) == 1
