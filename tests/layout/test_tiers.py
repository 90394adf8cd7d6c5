"""Tiers of a vertical page: a block parted where its columns break together."""

from __future__ import annotations

from newsprint.layout.blocks import Block
from newsprint.layout.boxes import Box
from newsprint.layout.direction import group_vertical_lines
from newsprint.layout.tiers import split_at_tiers, tier_foot

SIZE = 30.0
PITCH = 40.0


def _column(x: float, top: float, chars: int) -> Box:
    return Box(x, top, x + SIZE, top + chars * SIZE)


def _l_shaped_story_over_another() -> tuple[list[Box], list[Box], list[Box]]:
    """A story's six long columns at the right (20 characters), its eight
    short ones left of them (12 characters, a tier), and a story of five
    columns under that tier's right half, a third of a character below it,
    lined up with its columns, as the 1939 ECPO fold sets them."""
    right = 1000.0
    past = [_column(right - PITCH * i, 100, 20) for i in range(6)]
    above = [_column(right - PITCH * (6 + i), 100, 12) for i in range(8)]
    below = [_column(right - PITCH * (6 + i), 100 + 12 * SIZE + 10, 8) for i in range(5)]
    return past, above, below


def _ids(boxes: list[Box]) -> set[int]:
    # Boxes compare by value; the parts must hold the very boxes given.
    return {id(b) for b in boxes}


def test_an_l_shaped_story_and_the_story_under_its_tier_are_three_blocks() -> None:
    past, above, below = _l_shaped_story_over_another()
    foot = tier_foot(past + above + below, SIZE)
    assert foot is not None and 100 + 12 * SIZE <= foot <= 100 + 12 * SIZE + 10
    parts = split_at_tiers([Block(past + above + below)])
    assert len(parts) == 3
    assert {frozenset(_ids(p.lines)) for p in parts} == {
        frozenset(_ids(group)) for group in (past, above, below)
    }


def test_stacking_leaves_the_story_under_a_tier_out_of_the_story_above() -> None:
    past, above, below = _l_shaped_story_over_another()
    blocks = group_vertical_lines(past + above + below, [], body=SIZE)
    for block in blocks:
        held = _ids(block.lines)
        assert not (held & _ids(below) and held & _ids(above + past)), block.box


def _parted_as(parts: list[Block], groups: list[list[Box]]) -> bool:
    return len(parts) == len(groups) and {frozenset(_ids(p.lines)) for p in parts} == {
        frozenset(_ids(g)) for g in groups
    }


def test_a_piece_of_the_tier_below_stacked_into_the_block_above_is_parted_from_it() -> None:
    # ECPO 1940 p1, 西康日記: a section's title column runs down past the
    # story's tier, so the tier's block reaches into the tier under it and
    # took in the piece of that tier's first column under its own first
    # column ("着烏雲低垂的陰霾" + "黃泥堡出發" read as one). The tier's
    # other columns, in the block under it, break with it there.
    right = 1000.0
    title = _column(right, 100, 18)
    above = [_column(right - PITCH * (1 + i), 100, 7) for i in range(6)]
    stray = _column(right - PITCH, 100 + 7 * SIZE + 10, 5)
    below = [_column(right - PITCH * (2 + i), 100 + 7 * SIZE + 10, 7) for i in range(8)]
    parts = split_at_tiers([Block([title, *above, stray]), Block(below)])
    held = [_ids(p.lines) for p in parts]
    assert not any(_ids([stray]) <= ids and ids & _ids(above) for ids in held), held
    assert any(_ids(above) == ids for ids in held)
    # The block under the tier, and a block with no tier near it, are left whole.
    assert any(_ids(below) == ids for ids in held)
    alone = Block([_column(right - PITCH * i, 100, 12) for i in range(4)])
    assert split_at_tiers([alone]) == [alone]


def test_a_tier_column_breaking_a_little_lower_stays_in_its_tier() -> None:
    past, above, below = _l_shaped_story_over_another()
    # The tier's third column breaks 0.8 of a character lower than the others.
    shift = 0.8 * SIZE
    above[2] = Box(above[2].x0, above[2].y0, above[2].x1, above[2].y1 + shift)
    below[2] = Box(below[2].x0, below[2].y0 + shift, below[2].x1, below[2].y1 + shift)
    parts = split_at_tiers([Block(past + above + below)])
    assert _parted_as(parts, [past, above, below])


def test_a_paragraph_end_among_the_long_columns_stays_with_them() -> None:
    past, above, below = _l_shaped_story_over_another()
    past[2] = _column(past[2].x0, 100, 5)  # a paragraph's short last line
    parts = split_at_tiers([Block(past + above + below)])
    assert _parted_as(parts, [past, above, below])


def test_a_column_broken_alone_or_two_are_no_tier() -> None:
    story = [_column(1000 - PITCH * i, 100, 12) for i in range(6)]
    broken = [_column(760 - PITCH * i, 100, 8) for i in range(2)]
    broken += [_column(760 - PITCH * i, 100 + 8 * SIZE + 10, 4) for i in range(2)]
    assert tier_foot(story + broken, SIZE) is None


def test_a_list_or_a_poem_broken_together_with_nothing_past_it_is_no_tier() -> None:
    # An advert's items and prices, a character of white between: no line
    # runs past, and the pieces are short; read line by line, as stacked.
    items = [_column(1000 - PITCH * i, 100, 5) for i in range(6)]
    prices = [_column(1000 - PITCH * i, 100 + 6 * SIZE, 3) for i in range(6)]
    block = Block(items + prices)
    out = split_at_tiers([block])
    assert len(out) == 1 and out[0] is block
    # Two stories stacked, each a tier's height, no line past: two blocks.
    upper = [_column(1000 - PITCH * i, 100, 12) for i in range(6)]
    lower = [_column(1000 - PITCH * i, 100 + 12 * SIZE + 10, 10) for i in range(6)]
    assert _parted_as(split_at_tiers([Block(upper + lower)]), [upper, lower])


def test_a_tier_over_columns_set_at_other_places_across_is_still_parted() -> None:
    # ECPO 1921-01-15 p2: a story's tier of eight columns over another story's
    # eight, set 20 px aside, a third of a character under it: no column holds
    # a piece of both, yet the two are two blocks.
    right = 1000.0
    above = [_column(right - PITCH * i, 100, 12) for i in range(8)]
    below = [_column(right - 20 - PITCH * i, 100 + 12 * SIZE + 10, 12) for i in range(8)]
    parts = split_at_tiers([Block(above + below)])
    assert _parted_as(parts, [above, below])


def test_one_piece_above_is_no_tier_of_three_columns() -> None:
    # Three pieces under one piece above (and two far aside): no tier.
    above = [_column(800, 100, 12), _column(1000, 100, 12), _column(1200, 100, 12)]
    below = [_column(x, 100 + 12 * SIZE + 10, 12) for x in (950, 990, 1030)]
    assert tier_foot(above + below, SIZE) is None


def test_columns_set_aside_that_break_at_other_heights_are_no_tier() -> None:
    # The same columns, but each breaks at its own height (a paragraph's end
    # here and there): no tier.
    right = 1000.0
    lines = []
    for i in range(8):
        foot = 100 + (6 + i) * SIZE
        lines += [Box(right - PITCH * i, 100, right - PITCH * i + SIZE, foot)]
        lines += [Box(right - 20 - PITCH * i, foot + 10, right - 20 - PITCH * i + SIZE, 800)]
    parts = split_at_tiers([Block(lines)])
    assert len(parts) == 1


def test_vertical_stories_set_round_each_other_stay_two_blocks() -> None:
    # An L-shaped story (long columns right, a short tier left of them) and a
    # story under that tier, inside the L's box: their boxes overlap, their
    # lines do not, and no line would be read twice. Two blocks, as they were
    # stacked (merged, ECPO 1939-04-23 p3 grew block by block into one).
    from newsprint.layout.blocks import merge_overlapping_blocks

    past, above, below = _l_shaped_story_over_another()
    merged = merge_overlapping_blocks([Block(past + above), Block(below)])
    assert {frozenset(_ids(b.lines)) for b in merged} == {
        frozenset(_ids(past + above)),
        frozenset(_ids(below)),
    }
    # Blocks whose lines lie over each other are merged still: the story under
    # the tier and its lines boxed again 5 px aside are one block.
    twice = [Box(b.x0 + 5, b.y0, b.x1 + 5, b.y1) for b in below]
    merged = merge_overlapping_blocks([Block(past + above), Block(below), Block(twice)])
    assert {frozenset(_ids(b.lines)) for b in merged} == {
        frozenset(_ids(past + above)),
        frozenset(_ids(below + twice)),
    }
    # A character boxed alone between the tier's columns goes with the story.
    speck = Box(1000 - PITCH * 7 + SIZE + 2, 300, 1000 - PITCH * 7 + SIZE + 18, 330)
    merged = merge_overlapping_blocks([Block(past + above), Block([speck])])
    assert len(merged) == 1


def test_a_heading_set_across_over_vertical_columns_stays_a_block_of_its_own() -> None:
    # ECPO 1919, an advert: "已出六期每冊角半" set across over eleven
    # vertical lines, its ink's foot 15 px over their heads. Merged into their
    # block, it was read as the top of the column under its middle
    # ("半角冊每期六出己六期同購贈萬").
    from newsprint.layout.blocks import merge_overlapping_blocks

    columns = [Box(1000 - 54 * i, 1867, 1042 - 54 * i, 2150) for i in range(10)]
    heading = Box(560, 1826, 1010, 1882)
    merged = merge_overlapping_blocks([Block([heading]), Block(list(columns))])
    assert {frozenset(_ids(b.lines)) for b in merged} == {
        frozenset(_ids([heading])),
        frozenset(_ids(columns)),
    }
    # A row lying over the columns' lines, as a row read across them does, is
    # one block with them: it would be read twice.
    across = Box(560, 1900, 1010, 1950)
    assert len(merge_overlapping_blocks([Block([across]), Block(list(columns))])) == 1
    # Two blocks of lines across merge as before when their boxes overlap.
    rows = [Box(100, 100 + 40 * i, 900, 130 + 40 * i) for i in range(5)]
    more = [Box(300, 200 + 40 * i, 1100, 230 + 40 * i) for i in range(5)]
    assert len(merge_overlapping_blocks([Block(rows), Block(more)])) == 1


def test_a_drop_capital_set_down_is_merged_into_its_column() -> None:
    # A two-line drop capital "I" (DejaVu Serif Bold, 70 px) at the head of a
    # column of 22-px type: its ink is taller than wide, a line "set down",
    # and wider than the body type, no piece. Kept apart it became a
    # headline of its own, and the column's story was parted from its head.
    from newsprint.layout.blocks import group_lines, merge_overlapping_blocks
    from newsprint.layout.direction import group_vertical_lines, split_by_direction

    cap = Box(63, 226, 90, 274)
    lines = [Box(104 if i < 2 else 60, 230 + 31 * i, 379, 246 + 31 * i) for i in range(16)]
    across, down = split_by_direction([cap, *lines])
    assert down == [cap]
    blocks = group_lines(across, [], 16.0, rows_joined=True) + group_vertical_lines(down, [], 16.0)
    assert len(blocks) == 2
    merged = merge_overlapping_blocks(blocks)
    assert len(merged) == 1 and len(merged[0].lines) == 17
