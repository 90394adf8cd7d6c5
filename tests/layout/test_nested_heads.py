"""A vertical block parted where a story's headline stands inside it (``layout.nested_heads``)."""

from __future__ import annotations

from newsprint.layout.blocks import Block
from newsprint.layout.boxes import Box
from newsprint.layout.nested_heads import parted_under_headings

SIZE = 30.0
"""The body type, working pixels."""
PITCH = 40.0
TOP = 100.0


def _column(x1: float, top: float, chars: int, size: float = SIZE) -> Box:
    return Box(x1 - size, top, x1, top + chars * size)


def _band(heading_foot: float = 240.0) -> tuple[list[Box], list[Box], list[Box], Block]:
    """A band 12 characters tall, as 馬祖日報 (1957) sets it: a story's six
    full columns at the right; left of them another story's headline, two
    rows of display type set across, and that story's four columns under it
    (starting a third of a character under its foot), then its three full
    columns left of it. The rows are 50 pixels tall, their foot at
    ``heading_foot``."""
    right = [_column(1000 - PITCH * i, TOP, 12) for i in range(6)]
    start = heading_foot + 10
    under = [
        _column(1000 - PITCH * (6 + i), start, int((TOP + 12 * SIZE - start) // SIZE))
        for i in range(4)
    ]
    left = [_column(1000 - PITCH * (10 + i), TOP, 12) for i in range(3)]
    heading_x1 = 1000 - PITCH * 6 + 5
    heading_x0 = heading_x1 - 4 * 60 - 20
    rows = [
        Box(heading_x0, heading_foot - 50 * (i + 1), heading_x1, heading_foot - 50 * i)
        for i in range(2)
    ]
    return right, under, left, Block(rows)


def _ids(boxes: list[Box]) -> set[int]:
    return {id(b) for b in boxes}


def test_a_block_is_parted_under_a_headline_standing_inside_its_band() -> None:
    right, under, left, heading = _band()
    parts = parted_under_headings([Block(right + under + left), heading], SIZE)
    assert heading in parts
    columns = sorted((p for p in parts if p is not heading), key=lambda p: -p.box.x1)
    assert [_ids(p.lines) for p in columns] == [_ids(right), _ids(under + left)]


def test_a_block_without_a_heading_over_its_low_columns_is_left_whole() -> None:
    right, under, left, _ = _band()
    block = Block(right + under + left)
    assert parted_under_headings([block], SIZE) == [block]


def test_columns_starting_an_indent_lower_are_no_story_s_start() -> None:
    # A paragraph's first column set two characters down, a line of display
    # type just over it: an indent, not a story under a headline.
    right, under, left, heading = _band(heading_foot=TOP + 2 * SIZE - 10)
    heading = Block(heading.lines[:1])
    block = Block(right + under + left)
    assert parted_under_headings([block, heading], SIZE) == [block, heading]


def test_a_heading_s_column_taken_into_a_body_block_stands_apart() -> None:
    body = [_column(1000 - PITCH * i, TOP, 12) for i in range(6)]
    title = _column(1000 - PITCH * 6 - 20, TOP, 4, size=2 * SIZE)
    parts = parted_under_headings([Block([*body, title])], SIZE)
    assert sorted(len(p.lines) for p in parts) == [1, 6]
    assert any(p.lines == [title] for p in parts)


def test_a_column_boxed_a_third_wider_than_its_block_s_stays_in_it() -> None:
    # 馬祖日報's 胡適將在聯大演說 story: its columns 18 px wide on a page of
    # 12-px body type, one boxed 23 px wide; display type to the page's body,
    # but its own block's type.
    columns = [_column(1000 - PITCH * i, TOP, 6, size=1.5 * SIZE) for i in range(4)]
    columns.append(_column(1000 - PITCH * 4 - 10, TOP, 4, size=1.9 * SIZE))
    block = Block(columns)
    assert parted_under_headings([block], SIZE) == [block]


def _parted(heading: list[Box]) -> list[Block]:
    right, under, left, _ = _band()
    return parted_under_headings([Block(right + under + left), Block(heading)], SIZE)


def test_a_heading_beside_the_low_columns_not_over_them_parts_nothing() -> None:
    # Display type right of the step, over the first story's columns only.
    assert len(_parted([Box(900, 140, 1000, 190)])) == 2


def test_a_heading_far_above_the_low_columns_parts_nothing() -> None:
    # The columns start 350 px down; the heading's foot stands six
    # characters over them: no story's title.
    right, under, left, _ = _band(heading_foot=340)
    heading = Block([Box(505, 110, 765, 350 - 6 * SIZE)])
    assert len(parted_under_headings([Block(right + under + left), heading], SIZE)) == 2


def test_a_headline_over_the_whole_band_parts_nothing() -> None:
    # A headline whose head stands above the band's top heads the whole band.
    assert len(_parted([Box(505, TOP - 3 * SIZE, 765, 240)])) == 2


def test_a_box_of_two_body_columns_stays_in_its_block() -> None:
    # Twice the width of a column and as long: two columns of body type the
    # detector boxed as one, which OCR parts.
    body = [_column(1000 - PITCH * i, TOP, 12) for i in range(6)]
    double = _column(1000 - PITCH * 6 - 30, TOP, 12, size=2 * SIZE)
    double = Box(double.x0, TOP, double.x1, TOP + 12 * SIZE)
    block = Block([*body, double])
    assert parted_under_headings([block], SIZE) == [block]


def test_a_title_column_beside_its_subtitles_stays_with_them() -> None:
    # A headline block: a title twice the subtitles' size, beside three
    # subtitle columns at 1.5 times the body.
    subtitles = [_column(1000 - 60 * i, TOP, 6, size=1.5 * SIZE) for i in range(3)]
    title = _column(1100, TOP, 2, size=3 * SIZE)
    block = Block([title, *subtitles])
    assert parted_under_headings([block], SIZE) == [block]


def test_display_columns_are_taken_out_only_where_they_are_few() -> None:
    body = [_column(1000 - PITCH * i, TOP, 12) for i in range(3)]
    titles = [_column(860 - 80 * i, TOP, 3, size=2 * SIZE) for i in range(2)]
    block = Block(body + titles)
    assert parted_under_headings([block], SIZE) == [block]


def test_a_box_sticking_up_over_the_band_does_not_hide_the_step() -> None:
    # One of the first story's columns boxed four characters higher (a mark
    # over it taken in): the other columns' tops still say where the band
    # starts.
    right, under, left, heading = _band()
    right[2] = Box(right[2].x0, TOP - 4 * SIZE, right[2].x1, right[2].y1)
    parts = parted_under_headings([Block(right + under + left), heading], SIZE)
    assert len(parts) == 3


def test_a_block_is_parted_only_where_the_step_down_and_the_heading_meet() -> None:
    # The story under the heading starts a column before the heading's right
    # end: parted between two low columns, its first column would stay with
    # the story on its right. The block is left whole.
    right, under, left, heading = _band()
    heading = Block([Box(b.x0, b.y0, b.x1 - PITCH, b.y1) for b in heading.lines])
    block = Block(right + under + left)
    assert parted_under_headings([block, heading], SIZE) == [block, heading]
