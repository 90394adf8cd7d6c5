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


def test_a_column_broken_alone_or_an_advert_list_is_no_tier() -> None:
    # One column broken at a paragraph's end: one block, as stacked.
    story = [_column(1000 - PITCH * i, 100, 12) for i in range(6)]
    broken = [Box(760, 100, 790, 400), Box(760, 410, 790, 460)]
    assert tier_foot(story + broken, SIZE) is None
    # A list in an advert: items and prices parted by two characters of white.
    items = [_column(1000 - PITCH * i, 100, 5) for i in range(6)]
    prices = [_column(1000 - PITCH * i, 100 + 7 * SIZE, 3) for i in range(6)]
    block = Block(items + prices)
    assert split_at_tiers([block]) == [block]
