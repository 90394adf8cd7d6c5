"""When two blocks are neighbours: one above the other in a column, or side
by side in a band. Shared by the readers of horizontal pages
(``articles.bands``, ``articles.draft``, ``articles.flow``), of vertical ones
(``articles.vertical``) and by the placing of jump lines (``articles.jumps``).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class NeighbourParams:
    """How far two blocks' boxes may overlap and still stand one after the
    other, and how much they must share to be in one column or one row."""

    overlap: float = 0.5
    """Two boxes that overlap by at most this many body lines only touch (the
    detector's boxes are padded): the one still stands above or beside the
    other. The block above a column's block (``bands.block_over``), a headline
    in the white space between two blocks (``bands._headline_across``),
    the column on a block's left (``bands.left_neighbour``), a block in
    the way of a headline beside a column (``bands._blocks``: only one
    overlapping by more blocks it), the block or headline above on a
    vertical page (``vertical._neighbour_above``, ``_headline_over``), a
    caption by its photo (``vertical._beside``, ``_under``) and the block next
    to a jump line (``jumps._next_in_column``). × body. Set by hand with the
    first article assembly (commit 08f9714) and reused since (3f420a1: a
    block that only touches is not in the way; 8c466ff: dense old pages;
    38ce4a9; cbe462d)."""

    line_touch: float = 0.5
    """... or the upper block's last line's box reaches less than this share
    of the shorter of it and the lower block's first line's box into that
    box (``bands._stands_over``): two lines whose padded boxes overlap by
    less than half their height stand one over the other, however much the
    detector padded them. A share of a line's box height. Set by hand
    (Deseret News 1850 p7)."""

    same_column: float = 0.5
    """Two blocks are in one column when they share at least this share of
    the narrower one's width: the left column's blocks (``bands.
    left_neighbour``), an article's columns (``draft.column_order``), the
    page's columns (``flow._column_spans``), the block above on a vertical page
    (``vertical._neighbour_above``) and the block next to a jump line
    (``jumps._next_in_column``). A share of the narrower width. Set by hand
    (commits 01c8cd3: an indented first line stays in its column; 8c466ff:
    dense old pages; bdb39fc; 38ce4a9; cbe462d)."""

    level: float = 0.5
    """Two blocks side by side are level when they overlap down the page for at
    least this share of the shorter one's height: the block on the left a
    column's top flows in from (``bands.left_neighbour``), the block on
    the right on a vertical page (``vertical._neighbour_right``). A share of
    the shorter height. Set by hand (commits 8c466ff, dense old pages;
    38ce4a9)."""

    rule_along: float = 0.5
    """A rule parts two blocks when it runs along more than this share of the
    space between them (``vertical._ruled``), or of the lower block's width
    (``bands.ruled_off``). A share of that space's length. Set by hand with
    the first article assembly (commit 08f9714), reused for vertical pages
    (38ce4a9)."""

    edge_slack_px: int = 2
    """A rule's centre line, or a box's edge, counts as lying between two
    blocks when within this many pixels of their facing edges
    (``bands.ruled_off``, ``flow._cut_off``, ``vertical._neighbour_above``).
    Pixels: it absorbs the rounding of box edges, not anything the type's
    size scales. Not tuned: a safe bound (commit 08f9714)."""


NEIGHBOURS = NeighbourParams()
