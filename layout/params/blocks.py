"""Blocks (``layout.blocks``): lines of one type size and leading stacked in
one column; and the segmentation stage's own choices (``layout.segmentation``:
how the body is measured, which ink lines are type, a region's column).

``body`` is the body line height, ``size`` a block's type size (its
width-weighted median line height, ``Block.line_height``); commits are those
that set the value.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StackingParams:
    """When a line joins the block above it (``group_lines``,
    ``_joinable_gap``; vertical blocks the same on the page turned a quarter,
    and their paragraph ends by ``VerticalParagraphParams``)."""

    window: float = 3
    """× the larger of body and the line's height: a block whose last line
    ends farther above the line than this is closed (no gap that far joins).
    Commit 08f9714; not tuned: a bound on time."""

    same_row: float = 0.5
    """A share of the shorter line's height: a line overlapping the block's
    last line down the page this much stands on its row. Commit a201db4."""

    over_mate: float = 0.5
    """A share of a line's width: a block over this much of a line on the
    row of a line joining it, in another column, stands over both columns
    (``blocks._over_row_mates``): the line starts a column under it. Set by
    hand (synthetic en-1004: the headline over all of the next column's
    first line). Only a block of display type stands so
    (``TYPE_SIZE.display``) ..."""

    heading_margin: float = 1.0
    """× body: a line of body type alone over two columns' first lines is a
    heading across them (``blocks._heading_over_both``) when set in this far
    from both their outer ends (NCSE's MRP 1807 p54: 3.6 and 3.6). Not
    tuned: a paragraph's indent is about one."""

    under_larger: float = 0.9
    """... and only over a line whose ink is at most this share of the
    block's type size (en-1004: 27 px under 33, 0.82): the pieces of a
    headline's own next line, as tall as it, join it."""

    piece_reach: float = 0.5
    """× size: the block's box widened by this takes in another piece of its
    last line (a piece the detector parted at a wide space). Commit a201db4."""

    piece_overlap: float = 0.9
    """A share of the line's width: a line on the last line's row lying this
    much within the widened block is another piece of that line. Commit a201db4."""

    max_overlap: float = 0.5
    """× the smaller of size and the line's height: a line may reach this far
    up into the block's last line (tall glyphs, a tight set). Commit 08f9714."""

    rule_beside: float = 0.5
    """A share of the line's height: a column rule overlapping the line down
    the page this much runs beside it (``_rule_parts``): a line never joins a
    block reaching across such a rule. Not tuned: any real overlap."""

    into_gutter: float = 0.5
    """× body: type reaching this far into the white strip beside a column
    rule, where the columns' lines beside it stop, runs across the columns
    (``blocks.rows_across_rule_ends``; a ragged line end or a hyphen
    reaches a few pixels). The Publishers' Circular 1883 p312: its centred
    footer's pieces reach 33 and 17 pixels into a 35-pixel strip (body 20).
    Not tuned beyond that page."""

    column_rule: float = 6.0
    """× body: a vertical rule this long or longer may part columns for
    ``blocks.rows_across_rule_ends`` (TTW 1867 p12's adverts hold brackets
    and rules 2-4 body lines long; a rule between two columns of an advert
    runs 24 on The Publishers' Circular 1883 p312). Set by hand."""

    column_lines: int = 3
    """... with at least this many lines beside it on each side. Set by hand."""

    under_rule: float = 3.0
    """× body: rows within this distance under a column rule's foot are
    looked at for type across its gutter (the footer set close under the
    columns). Set by hand."""

    max_gap: float = 1.3
    """× the larger of size and the line's height: a wider white gap above
    the line is a paragraph or article gap; narrower, type set with up to a
    full line of leading (widely spaced short columns) is still one block.
    Raised from 1.1 in commit 6e443eb (a full line of leading); 1.25 with
    the wider size ratios had run the columns of the 1817 page together (MRP
    1817 order 1.00 -> 0.50, set back in commit 305a21a)."""

    min_size_ratio: float = 0.75
    """The line's height over the block's size: at least this (and at most
    ``max_size_ratio``) is one type size; also for vertical blocks joined at
    a paragraph end. Back from 0.7-1/0.7, which ran the columns of the 1817
    page together (MRP 1817 order 1.00 -> 0.50, commit 305a21a)."""

    max_size_ratio: float = 1.33
    """See ``min_size_ratio`` (commit 305a21a)."""

    boxed_ratio: float = 1.15
    """A line whose ink height is not the block's size still is when its
    detector box height is within this ratio of the median of the block's
    lines' (either way): the box measures the type, the ink the descenders
    too (a probe page's column parted after two lines, ink 18 and 24 px in
    one 28-px type). Tighter than the ink's ratios: a subhead one size up
    is 1.2 times the body or more."""

    max_indent: float = 2.5
    """× size: a paragraph's indent is at most this: a short last line may
    start this far left of an indented first line above it (horizontal), and a
    vertical block's next paragraph may start this far down from the one
    beside it (``direction._continues``). Commits f91d216 and 6041e69
    (generated page 5006: six articles read as four, page CER 0.344 -> 0.047)."""

    apart: float = 0.5
    """A share of the narrower box's width: a line overlapping both the
    block's last line and its box across by less than this stands in another
    column (unless it sits under an indent). Commit 08f9714."""

    rule_across: float = 0.1
    """A share of the line's width: a horizontal rule crossing this much of it
    between it and the block parts them. Commit 08f9714 set 0.3; the dash
    between two items of an old column is a sixth of its width (51 of 313
    pixels, synthetic en-old-1001), and was read past; at 0.15 (commit
    6a5e49c) en-old-1000's 42-pixel dash over 319-pixel lines was (stories
    31 -> 32 of 33 at 0.1; no other cached page's blocks changed)."""

    rule_slack_px: int = 2
    """Pixels: a rule's middle this far outside the space between a block and
    a line still parts them (horizontal blocks down the page, vertical blocks
    across it). In pixels: a rule's middle is known to a pixel or two at any
    scale. Not tuned: a safe bound (commits 08f9714 and 6041e69)."""

    leading_slack: float = 0.6
    """× size: a gap wider than the block's own leading by more than this ends
    the block (a wider space than its leading). Commit 08f9714."""

    column_leading: float = 1.2
    """× the page's common leading (the median white between a line and the
    next one down its column): a gap up to this wide continues a block even
    where it passes ``max_gap``, so that type set double-spaced (white 1.4
    times its ink height and more) is one block, not a block a line, whose
    first and last lines became a running head and a folio (issue 16's
    tilted-two-columns case). On a page of normal leading the white is far
    under ``max_gap`` and this changes nothing."""

    column_leading_pairs: int = 8
    """The common leading is measured from at least this many pairs of lines
    one above the other in a column; fewer measure nothing. A count. Not
    tuned: a safe bound."""


STACKING = StackingParams()


@dataclass(frozen=True)
class TierParams:
    """Where a vertical block is parted at a tier's foot (``layout.tiers``).
    The 1939 ECPO fold (jb_3800, not in the shared set): its 浙東 story's six
    long columns beside a tier of fifteen short ones, and a story of seven
    columns under that tier, were one block of 65 lines read across all
    three. Sizes are × the block's type size (a character). Set by hand on
    that fold; the generated vertical pages and the shared ECPO folds read
    the same with it."""

    min_columns: int = 3
    """Columns side by side breaking together make a tier's foot; one or
    two are a paragraph's end or a space in a line. A count."""

    max_white: float = 1.5
    """The white between the pieces above and below is at most this (the
    1939 fold's tier: under one character)."""

    overlap: float = 0.3
    """... and the pieces overlap by at most this (boxes the detector
    padded)."""

    min_piece: float = 2.0
    """Each piece is this long or longer: a character or a mark alone at a
    column's end is not a tier."""

    min_tier: float = 8.0
    """Where no line runs on past the break, the pieces above and below it
    are this long or longer (at the median): a poem's halves or an advert's
    items and prices break together too, and are read line by line."""

    together: float = 1.0
    """Breaks side by side whose feet and heads lie within this of the
    first's are together; a line that is no tier column's lies above or
    below the tier's foot when it ends or starts within this of it."""

    same_column: float = 0.5
    """A share of the narrower box's width: boxes overlapping across this
    much are pieces of one column."""

    column_gap: float = 1.5
    """White across wider than this parts a part's lines into two blocks
    (a column's spacing is well under one character)."""

    max_depth: int = 4
    """A block is parted at most this many times over (tiers in tiers).
    A count; a bound."""


TIERS = TierParams()


@dataclass(frozen=True)
class VerticalParagraphParams:
    """When two vertical blocks side by side are one column of text parted at
    a paragraph end (``direction._continues``): a paragraph's short last line
    and the next one's first line, set two characters down, need not overlap.
    The type size, indent and rule tests are ``StackingParams``'. Generated
    page 5006: six articles read as four, page CER 0.344 -> 0.047 (commit
    6041e69)."""

    max_overlap: float = 0.3
    """× size: the left block may reach this far into the right one across."""

    max_gap: float = 1.5
    """× size: the left block stands at most this far left of the right one
    (a line spacing and a half)."""

    min_overlap: float = 0.5
    """A share of the shorter block's height: the blocks overlap down the
    page at least this much."""

    rule_overlap: float = 0.5
    """× size: a vertical rule between them overlapping the left block down
    the page by more than this parts them."""


VERTICAL_PARAGRAPHS = VerticalParagraphParams()


@dataclass(frozen=True)
class BlockMergeParams:
    """When two overlapping blocks are one (``merge_overlapping_blocks``:
    blocks that overlap would be read twice). Commit a201db4; no page named."""

    similar_min: float = 0.67
    """One block's size over the other's: at least this (and at most
    ``similar_max``) is a similar type size."""

    similar_max: float = 1.5
    """See ``similar_min``."""

    overlap_similar: float = 0.2
    """A share of the smaller block's area: blocks of similar size overlapping
    more than this are one. Two vertical blocks are one only where a line of
    one overlaps a line of the other by this share of the smaller line
    (``blocks._lines_collide``)."""

    inside: float = 0.9
    """A share of a one-line block's line: lying this much inside another
    block's box, the line is part of it even where it stands beside a row
    of it (``_beside_a_row``: the rest of a line, cut off at a wide space,
    sample en-6col); less, a line beside a row is a block of its own (NCSE's
    MRP 1822 p14: a running head beside a folio at a column's head, 0.49 of
    it inside). Not tuned: nearly all of it."""

    piece_lines: int = 2
    """Of two vertical blocks whose boxes overlap, and whose lines do not, the
    smaller is merged into the other when it holds this many lines or fewer,
    none thicker than the other's type (``STACKING.max_size_ratio``: a
    headline down a story's column is display type and stays a block of its
    own), and lies inside the other's box (``blocks._one_vertical_block``: a
    character or a mark between a story's columns, ECPO 1940's sliver of 了
    in 病中游道風叢林晚歸's poem; bounding their length too, at three
    characters, lost two generated pages' stories: zh-vert-1003 CER 0.61% ->
    3.54%). A count; set by hand."""

    piece_inside: float = 0.5
    """... lying more than this share of its box inside the other's box. A
    share; set by hand."""

    overlap_other: float = 0.5
    """A share of the smaller block's area: blocks of different size
    overlapping more than this are one."""


BLOCK_MERGE = BlockMergeParams()


@dataclass(frozen=True)
class BodyMeasureParams:
    """Which lines measure the body line height (``segmentation.analyse``)."""

    min_aspect: float = 4
    """× its thickness: a line at least this long measures the body (a short
    one is a figure, a heading's word, a speck); both for detected lines and
    for lines smeared from the ink. Commits ae376f7 and 35ab9fb (vertical
    Chinese: measured by thickness)."""

    em_per_glyph: float = 1.25
    """Without detected lines: the em the first smear is scaled by is the
    glyph height times this. Commit 08f9714; no page named."""

    rough_smear: float = 1.6
    """× that em: the gap the first, rough smear bridges. Commit 08f9714."""

    rough_min_aspect: float = 2
    """× its height: a rough line at least this wide measures the body (the
    rough pieces are short). Commit 08f9714."""


BODY_MEASURE = BodyMeasureParams()


@dataclass(frozen=True)
class InkLineParams:
    """Which lines smeared from the ink (layout without detection) are type
    (``segmentation.analyse``)."""

    min_height: float = 0.35
    """× body: a line lower than this (and narrower than a body height) is a
    speck or a rule's remnant. Commit 08f9714."""

    sliver_aspect: float = 0.6
    """× its height: a block of one line narrower than this is a lone tall
    sliver (a stroke of a picture, a bracket), no type. Commit 61d3c6b."""


INK_LINES = InkLineParams()


@dataclass(frozen=True)
class RegionColumnParams:
    """Which columns of the page's grid a region stands in (``_column_of``,
    ``_column_span``). Commit 08f9714; not tuned on a named page."""

    in_column: float = 0.3
    """A share of a column's width: a region covering this much of it stands
    in it (or it is the first column the region starts left of the end of)."""

    spans: float = 0.5
    """A share of a column's width: a region covering more than this of it
    spans it."""


REGION_COLUMNS = RegionColumnParams()


@dataclass(frozen=True)
class NestedHeadParams:
    """A vertical block parted under a heading inside it (``layout.nested_heads``).
    Lengths in characters of the block's type (its columns' median width)."""

    step: float = 3.0
    """A column starting this much lower than the block's top or more starts
    under something; less is a paragraph's indent (two characters)."""

    above: float = 4.0
    """The most white between a heading's foot and the head of the column
    under it (2.6 under 另二艘受創潰逃 on 馬祖日報's p. 1)."""

    across: float = 0.5
    """A share of the column's width: a heading over it spans this much of it."""

    title_chars: float = 6.0
    """A column of display type taken out of a block is fewer than this many
    of its own characters long (its length over its width): 馬祖 is 2.1 and
    張羣特使 4.6 on 馬祖日報's p. 1. A box holding two columns of body type side
    by side, as wide, is half as many as the column's characters: 6 for a
    column of 12, kept. Characters; set by hand."""

    most_display: float = 0.34
    """A share of a block's lines: columns of display type are taken out of
    a block only where they are fewer than this (one or two beside a body)."""


NESTED_HEADS = NestedHeadParams()
