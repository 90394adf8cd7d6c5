"""Reading a page laid out in bands (``articles.assembly``, ``articles.bands``,
``articles.draft``): what stands above
a block in its column, which headline heads it, which column it flows in
from, and in which order the stories and an article's blocks are read.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class AboveParams:
    """What stands above a block in its column (``bands.block_over``), and when
    the white space between them starts a new band."""

    column_overlap: float = 0.3
    """A block is above another in its column when they share at least this
    share of the narrower one's width (looser than
    ``NEIGHBOURS.same_column``: a block set a little aside still counts). A
    share of the narrower width. Set by hand with the first article assembly
    (commit 08f9714)."""

    new_band_gap: float = 1.5
    """A gap taller than this many body lines between a block and the one above
    it, holding a headline, starts a new band of stories. × body. Set by
    hand (commit 107141e; no page named)."""

    headline_reach: float = 1.0
    """× body: such a headline stands over the column when it reaches this
    far into the column's width (or runs across columns elsewhere). A
    headline over a story's two columns on generated en-1000 reaches 6
    body lines into the second; a padded box reaches a few pixels into the
    next column; a one-column headline in the next column (the Port Gibson
    Reveille of 1921) none. Set by hand between them."""


ABOVE = AboveParams()


@dataclass(frozen=True)
class HeadlineBesideParams:
    """When a headline to the right of a column's top block heads it: a
    headline centred over the article's other columns
    (``bands.headline_beside``). A block overlapping the space between
    them by more than ``NEIGHBOURS.overlap`` stands in the way."""

    foot_level: float = 0.5
    """A headline's foot and a block's are level within this many body lines:
    a headline lower than that is not above the block (a byline set beside
    it still is), and a block whose foot is lower by more than that is taller
    than the headline level with its top (NZZ's subtitle beside the
    subscription rates). × body. Commits ae376f7 (a headline beside a byline
    owns it) and b61180e (NZZ 1940: order 0.945 -> 0.956)."""

    max_rise: float = 3
    """The headline's foot stands at most this many body lines above the
    block's top. × body. Set by hand (commit ccacfa2)."""

    rule_along: float = 1.0
    """A vertical rule through that space, along it for more than this many
    body lines, stands in the way. × body. Commit 3f420a1."""


BESIDE = HeadlineBesideParams()


@dataclass(frozen=True)
class ColumnHeadsParams:
    """Two columns' headings side by side under a heading across both
    (``bands.column_heads``): each opens its own column's story rather
    than both being decks of the heading over them. The Publishers'
    Circular 1883 p312 (NCSE, not in the shared set): two heads 0.6 body
    apart in height, parted by a column rule, each over a block of 18-21
    lines."""

    under: float = 0.5
    """A text block is under a heading when they share this share of the
    narrower one's width. A share of the width."""

    level: float = 0.5
    """... and its top is below the middle of the one across, give or take
    this many body lines. × body."""

    near: float = 2.0
    """... and its top, or a text block's under it, no further below than
    this many body lines. × body."""

    level_share: float = 0.5
    """The two headings share at least this share of the smaller one's
    height: they stand level. A share of the height."""

    apart: float = 0.1
    """A column's text block reaches under the other heading by at most this
    share of its width, and the two headings overlap by at most this share
    of the narrower one's (detected boxes reach past their ink). A share of
    the width."""


COLUMN_HEADS = ColumnHeadsParams()


@dataclass(frozen=True)
class CentredParams:
    """Whether a headline is centred over the block's column
    (``bands._centred_over``): the block's mirror image about the
    headline's centre is on the page, ends where a column of the story
    ends, and is under no other headline."""

    mirror_off_page: float = 1.0
    """The mirror's centre lies more than this many body lines right of the
    page's text: off the page. × body. Commit 107141e; no page named."""

    same_band: float = 0.3
    """Another headline is in the same band when level with this one for more
    than this share of its height. A share of the headline's height. Commit
    107141e."""

    mirror_clash: float = 1.0
    """The mirror is under that other headline when they overlap across by more
    than this many body lines. × body. Commit 107141e."""

    edge_share: float = 0.2
    """The mirror ends at a column: a block level with this one ends within
    this share of the block's width of the mirror's outer edge (or
    ``edge_slack`` body lines, if more). A headline set at the head of its own
    column, beside a column of the story on its left, balances nothing: on
    the generated 60-dpi broadsheet zh-hans-2001, 家门口的书房受欢迎 stood at
    its column's left edge and its mirror of the column before ended 57 and
    75 px (of 130) from the columns' edges; it took that column from its
    story."""

    edge_slack: float = 1.5
    """× body: the least slack for ``edge_share`` (narrow columns: a third
    of zh-hans-2001's 57-px miss at 7.5-px body). Also how far a headline
    right of the block may stand past the edges of the one column it heads
    (``bands._heads_a_column_beside``). Not tuned."""


CENTRED = CentredParams()


@dataclass(frozen=True)
class LeftNeighbourParams:
    """Which block a column's top block flows in from: the foot of the column
    on its left (``bands.left_neighbour``; a block is left of this one
    when it reaches at most ``NEIGHBOURS.overlap`` into it, level with it by
    ``NEIGHBOURS.level``)."""

    deck_gap: float = 3.0
    """A headline level with a column's head heads the text of the column on
    its left when that text is reached down from it through its decks and a
    byline, each no more than this many body lines under the one over it
    (``bands._text_under``; Keski-Suomi 1908 p1, not in the shared set: its
    essay's dateline, title and text 1.5-1.7 body lines apart); a header
    over adverts, the next thing under it far down, heads none. × body.
    Not tuned."""

    run_end_margin: float = 1.0
    """A block of the left column that starts less than this many body lines
    above the end of this column's run is not the one continuing here (a
    story that starts lower cannot). × body. Commit 8c466ff (dense old
    pages)."""

    indent: float = 0.5
    """× body: a block whose first line starts this far in from its left
    edge opens a paragraph, not a sentence carried on from the foot of the
    column on its left (``bands.reads_on``). An indent is a letter or two
    (an em on Latin type, two characters on Chinese); a line's box may start
    a few pixels off its block's edge. Not tuned."""


LEFT = LeftNeighbourParams()


@dataclass(frozen=True)
class CaptionBesideParams:
    """Which photo a caption with nothing over it stands beside
    (``caption_photos.photo_beside``)."""

    gap: float = 2.0
    """× body: at most this much white between the caption and the photo's
    side. 东莞日报 of 2026, A03: 1.3 (a gutter). Not tuned."""

    below: float = 1.0
    """× body: the caption's foot at most this far under the photo's foot
    (set level with it, give or take a line's descent). Not tuned."""


CAPTION_BESIDE = CaptionBesideParams()


@dataclass(frozen=True)
class StoryOrderParams:
    """In which order a page's stories are read: band by band from the top
    (``assembly._order``, ``vertical._order``)."""

    same_band_within: float = 2.5
    """A story whose top lies within this many body lines below the top of a
    band's first story starts in that band (read left to right, or right to
    left on a vertical page). × body. Set by hand with the first article
    assembly (commit 08f9714), reused for vertical pages (38ce4a9)."""

    band_middle: float = 0.5
    """On a vertical page a story also starts in the band when its top lies
    above this share of the band's first story's height. A share of that
    height. Set by hand (commit 38ce4a9; no page named)."""

    strip: float = 0.6
    """On a vertical page a strip down the page's edge (a slogan set down
    it) runs down more than this share of the height its page's articles
    take, and sets no band's reach beyond ``same_band_within``: the 1939
    ECPO fold's 本報具有廿一年… strip, 2,530 pixels tall, made one band of
    the whole top half, whose stories were read right to left only, those
    under 浙東形勢 before it. A share. Set by hand on that page."""

    strip_width: float = 6.0
    """× body: such a strip is at most this wide (that strip: 85 pixels,
    3.5 body heights) and stands within this of the left or right of the
    page's articles. Set by hand on that page."""

    cut_part: float = 0.5
    """On a vertical page, a part cut down the page (``vertical._xy_cut``)
    shorter than this share of the height of what was cut is read with the
    part beside it, not as a part of its own: a mark in the margin by ECPO
    1940's bottom band, 2N12, was read first of the page. A strip down the
    page's edge, a column of adverts, is long. A share; set by hand."""

    stacked_overlap: float = 0.5
    """Two stories of one band whose tops overlap across by this share of
    the narrower top or more start one over the other, and are read top
    first (``assembly._left_to_right``); less, they stand side by side and
    are read left to right. Not tuned: half, as stories side by side overlap
    by a gutter's few pixels. NCSE's EWJ 1859 p66."""


STORY_ORDER = StoryOrderParams()


@dataclass(frozen=True)
class BlockColumnsParams:
    """How an article's blocks are grouped into its columns
    (``draft.column_order``)."""

    narrow_block: float = 0.25
    """A block narrower than this share of the article's widest (a price at a
    line's end, a stray word) makes no column of its own: it goes down the
    nearest column. A share of the widest block's width. Commit bdb39fc
    (NCSE pages; synthetic en-old-1001)."""

    level: float = 0.5
    """A share of the shorter block's height: blocks in one of an article's
    columns that each overlap every other down the page over this much are
    on one row, read left to right (``draft._down_the_column``). The share
    ``CAPTION_ROWS.level`` asks of a caption's pieces; not tuned."""

    row_height: float = 1.5
    """× the shorter block's height: blocks on one row are none more than
    this much taller than another (pieces of one line; a one-line block
    beside a paragraph is not on a row with it). Not tuned."""


BLOCK_COLUMNS = BlockColumnsParams()


@dataclass(frozen=True)
class CaptionRowParams:
    """Which pieces of caption are one caption (``draft._caption_texts``)."""

    level: float = 0.5
    """A caption piece is on the row of the one before it when they overlap down
    the page for more than this share of its height. A share of the piece's
    height. Set by hand (commit cc724d4; no page named)."""


CAPTION_ROWS = CaptionRowParams()
