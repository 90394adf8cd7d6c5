"""Reading a page set in plain columns (``articles.flow``): how wide a column
is, whether the page is such a page, where its columns and bands are, and
where a cut-off rule ends a story.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ColumnWidthParams:
    """The width of the page's column (``flow.column_width``)."""

    min_lines: int = 3
    """Only text blocks of at least this many lines are measured (of all blocks
    where none is that long): a short line or a number is no column. Lines.
    Commit bdb39fc (NCSE pages; synthetic en-old-1001)."""

    percentile: int = 80
    """The column width is this percentile of those blocks' widths: verse, lists
    and centred notices set narrower than their column are many on a
    weekly's page; full columns are wider. A percentile (0-100). Commit
    b9505a0 (TTW 1867's column was read as three narrow ones)."""


COLUMN_WIDTH = ColumnWidthParams()


@dataclass(frozen=True)
class ColumnPageParams:
    """Whether a page is set in plain columns, read down each column, or laid
    out in bands (``flow.is_column_page``)."""

    top_margin: float = 1.0
    """Headlines starting within this many body lines of the top of the page's
    text (a nameplate, a title over the whole page) are not looked at. ×
    body. Commit bdb39fc (NCSE pages)."""

    max_heading_size: float = 2.3
    """A headline whose lines are taller than this many body lines is display
    type: with a headline across more than ``COLUMN_SPANS.max_width`` (1.3)
    columns anywhere on the page, the page is a modern one, in bands (with
    none, display type names the adverts of a page of them in columns:
    NCSE's TTW 1867 p12). × body. Commit bdb39fc (NCSE
    pages; synthetic en-old-1001) set 1.8; the old pages' capitals measure up
    to 2.14 (synthetic en-old-1000, -1002, -5000, -5001: 1.86, 2.14, 1.91,
    2.11), the largest headline of every modern synthetic page 2.67 or more
    (zh-hant-1000), so 2.3."""

    max_heading_width: float = 1.5
    """A headline wider than this many columns runs across columns: the page is
    in bands. × the column width. Commit bdb39fc."""

    level: float = 1.0
    """Two headlines whose tops are within this many body lines of each other
    are level; level in two columns, the page is in bands. × body. Commit
    bdb39fc."""

    level_share: float = 0.5
    """... when at least this share of the headlines below the top stand level
    with one in another column (a page of many short stories in narrow
    columns has a pair level by chance: synthetic en-old-1003, 2 of 19)."""

    above_chance: float = 0.25
    """... and, of the room between the share that chance would set level
    (``flow._level_by_chance``) and all of them, at least this much more
    than chance: (share - chance) / (1 - chance). On a page of many short
    items in columns half of them stand level with one in another column as
    it happens (NCSE's TTW 1867 p12, 47 adverts in 4 columns: 32 to 34 of 65
    headings level as one advert's lines were grouped one way or another,
    0.49 by chance; at 33 the page turned from columns to bands, order 0.978
    -> 0.6). Pages in bands stand level far above chance: synthetic modern
    pages 0.5 to 1.0 against 0.11 at most (0.44 and more of the room), the
    real ones 1.0 against 0.02. A share of that room."""


COLUMN_PAGE = ColumnPageParams()


@dataclass(frozen=True)
class ColumnSpanParams:
    """Where the page's columns are (``flow._column_spans``, ``_column_of``)."""

    min_width: float = 0.5
    """A text block at least this many columns wide marks a column (a number
    or a short line does not). × the column width. Commit bdb39fc."""

    max_width: float = 1.3
    """... and at most this many (a line run across two columns does not).
    × the column width. Commit bdb39fc."""

    short_clear: float = 0.25
    """A block of fewer than ``COLUMN_WIDTH.min_lines`` lines marks a column
    only where it overlaps every column the longer blocks mark by less than
    this share of its own width (``flow._column_spans``): a column of one-
    and two-line notices whose boxes reach a few pixels into the next is
    still a column; a running title centred over a gutter, over a third of
    it in each column (NCSE's MRP 1815 p29), is none. Not tuned."""

    start_share: float = 0.3
    """A region starts in the leftmost column it covers this share of (of the
    column's width or its own, the narrower), so that a title over two
    columns is read before both. A share of the narrower width. Commit
    b9505a0 (the flows tests' small pages)."""

    margin: float = 0.02
    """A region whose left edge lies within this share of the next column's
    width of that column's left edge starts in it, whatever
    the first's span reaches into it (NCSE's NS2 1843 p4: "yon." 2 px right
    of column 3's edge, column 2's span 14 px over it; 0.02 of a 400-px
    column is 8 px; a title centred over the gutter starts a quarter of a
    column or more left of it). A share of the column's width."""


COLUMN_SPANS = ColumnSpanParams()


@dataclass(frozen=True)
class CutOffParams:
    """Where a story ends down a column (``flow._cut_off``, ``_band_cuts``)."""

    rule_width: float = 0.12
    """A cut-off rule between two regions read one after the other covers at
    least this share of the lower one's width (or of the column's, the
    narrower): a short rule across the column between two stories. A share
    of that width. Commit bdb39fc (NCSE pages: 0.3); the dense old pages'
    centred dash is a quarter of its column (60 of 235 pixels, synthetic
    en-old-1003), or as little as a seventh where ``layout.rules`` finds it
    standing alone (35 of 235 on en-old-1003, 55 of 313 on en-old-1001); a
    speck of a rule, a tenth, ends nothing."""

    line_pad: float = 0.75
    """× body: a cut-off rule may lie this far inside the box of the line
    above it or below it (the detector's boxes reach past the ink; a block's
    box after ``roles`` is its lines'): synthetic en-old-1003, a dash 8
    pixels inside the box of the last line of the story it ends (body 12),
    which then ran on into the next; stories 21 -> 23 of 25. Set by hand."""

    dash: float = 0.6
    """A rule between two blocks of a column shorter than this share of the
    column (or of the lower block, the narrower) is a dash (``flow.is_dash``):
    on a page laid out in bands the block under it starts a story of its
    own, headed or not, rather than going on from the column on its left.
    The synthetic old pages' dash is a fifth to a third of its column
    (en-old-1000: 75 of 352 pixels); a column rule is the whole column. A
    share of that width. Set by hand."""

    lead_width: float = 1.5
    """A dash under a story's lead this many times as wide as the block under
    it or more (set across two columns, over two blocks) is the lead's: it parts
    the lead from the columns it runs into, which go on with it, and ends
    no item (The Murray Pioneer of 1922, not in the shared set: the dash
    under a lead across two columns lay across 42 pixels of the left
    column's block and 25 of the right one's, so the left column started a
    story of its own and the right one was read on under the lead before
    it). × the lower block's width. Not tuned: a lead across two columns is
    about twice as wide."""

    lead_blocks: int = 3
    """... and the lead stands under its headline (or a heading in
    capitals) through at most this many text blocks as wide as it (a lead
    read in paragraphs: the Murray Pioneer's, two blocks under a deck in
    capitals). A count of blocks. Not tuned."""

    lead_block_width: float = 0.9
    """... a block of the lead is as wide as the lead's last when it is at
    least this share of its width. A share of that width. Not tuned."""

    band_rule: float = 0.7
    """A rule across at least this share of the span of the page's columns
    ends a band of stories. A share of the columns' span. Commit bdb39fc."""

    rule_level: float = 0.5
    """× body: rules whose middles lie this near each other down the page are
    one rule found in pieces, or a double rule, for ``band_rule`` (NCSE's
    MRP 1807 p54: pieces 5 and 7 px apart). Not tuned: half a line."""


CUT_OFF = CutOffParams()
