"""Which way text runs (``layout.direction``): horizontal lines, or vertical
Chinese (top to bottom, lines right to left), and the vertical lines' own fit.

``body`` is the body line height, ``em`` the glyph height; commits are those
that set the value.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DirectionParams:
    """Which way a line box, and a block of them, runs (``is_vertical``,
    ``vertical_reach``, ``block_direction``)."""

    square: float = 1.15
    """× its other side: a box within this ratio of square (a character or
    two) tells no direction, and does not vote in a block's direction.
    Commit c6a3cde; no page named for the value."""


DIRECTION = DirectionParams()


@dataclass(frozen=True)
class VerticalLineParams:
    """A vertical line's own ink and pieces (``fit_vertical_to_ink``,
    ``vertical_pieces``, ``_cut_at_rules``, ``without_strokes``)."""

    solid_share: float = 0.9
    """A share of a vertical line's length: a page column inked over this much
    down the line is a rule or a picture's edge beside it (type leaves white
    between characters), not the line. Commit 9735659 (a close-set vertical
    line fitted to its own ink; generated vertical pages)."""

    rule_width: float = 1 / 3
    """A share of the width a vertical line's ink is taken from (its box, cut
    back halfway to the lines beside it: ``vertical_reach``): one piece of
    ink running ``solid_share`` of the line's length and no wider than this
    is a rule beside the line, straight or wavy, where the rest of that width
    holds more ink than it (a 1939 晶報 page frames its print in a wavy
    border, which no single page column holds all the way down: the line
    "浙東形勢" beside it was fitted to the border, 7 px wide, and lost its
    headline). Characters are pieces of their own; characters run together
    down a line hold the most ink of their box."""

    rows_across: int = 3
    """A count: a horizontal "line" lying across this many vertical lines or
    more (within their length, over half of each one's width, together
    ``rows_across_cover`` of the row) is a row of their characters the detector read across
    them, not a line of its own (``direction.without_rows_across``, on a page
    mostly of vertical lines). ECPO 1940: three rows read across
    the heads of eight vertical lines joined a story's block to the blocks
    round it, until the top half of the page was one block of 372 lines
    read across its rules. A horizontal heading stands over, under or beside
    vertical lines, never through two of them."""

    rows_across_cover: float = 0.25
    """A share of a row's width that the vertical lines it lies across must
    cover together: a line of its own that only ends over a few vertical
    lines is kept. ECPO 1940's row across eight lines is covered 0.30 (it
    runs on over the white and a heading beside them); a 1,400-pixel line
    whose end crosses three lines would be 0.05. Not tuned further."""

    first_char_share: float = 0.7
    """A share of a short box's area: a box lying this much inside a vertical
    line's box is the detector's second box round that line's first
    character, read with the line. Commit c6a3cde. A vertical box of the
    first few characters lying this much inside a longer line is that line's
    too (``part_of_longer``; ECPO 1919: "隔壁隔壁東方催眠術講習")."""

    same_width: float = 0.7
    """× the longer line's width: a vertical box inside it at least this wide
    is a piece of that line, not a line of its own beside it."""

    rule_across: float = 0.6
    """A share of a vertical line's width (the detector's box): a horizontal
    rule crossing this much of it crosses it (``layout.scratches`` counts the
    lines a scratch crosses so). Commit c6a3cde (the detector ran a column of
    one story on into the story under the rule)."""

    cut_across: float = 0.5
    """A share of a vertical line's ink width: a horizontal rule crossing this
    much of it cuts it. The detector pads its box either side, so its ink is
    the line's width. ECPO 1940 p1: the rule under 蘇州吃玩大不同's upper
    tier ends in the middle of the tier's last column, run on into the
    lower tier's (0.58 of its ink, 0.53 of its box); uncut, the lower tier's
    block reached up over the upper tier and both were read as one, column
    by column down through both. Set by hand: a rule drawn into a column of
    type half its width is not a rule that ends beside it. Ink narrower than
    a body is measured as a body wide (generated en-old-1003: a dash boxed
    down the page, 7 px of ink, was cut at a rule's end over 4 of them, and
    its piece joined a headline's row)."""

    rule_inset: float = 0.5
    """× body: a rule cuts a vertical line only this far or more inside its
    ends. Commit c6a3cde."""

    min_piece: float = 0.5
    """× body: a piece of a cut vertical line shorter than this is dropped.
    Commit c6a3cde."""

    beside_overlap: float = 0.5
    """A share of the shorter line's ink length: two vertical lines whose ink
    overlaps down the page this much stand beside each other, and neither
    reads into the other's ink (``direction.clear_of_side_ink``). Not tuned:
    lines of one column of a tier overlap wholly, a line beside the foot of
    a longer one a little."""

    stroke_pad: float = 0.5
    """× body: a vertical "rule" within a vertical line's length, give or take
    this, and its middle within the line's width, is strokes of characters set
    one under another (中, 申, 丨), no rule. Commit c6a3cde."""


VERTICAL_LINES = VerticalLineParams()


@dataclass(frozen=True)
class ScratchAcrossParams:
    """A scratch on the film across vertical type, no rule
    (``layout.scratches.is_scratch``; the counterpart of ``params.rules.SCRATCH``,
    a scratch down a column of horizontal lines). ECPO 1919: three scratches
    across the fold cut 16, 5 and 3 vertical lines, with 0.43, 0.21 and 0.21
    body lines of white round them at the median; the printed rules the
    detector ran vertical lines through on four ECPO folds (1919, 1921,
    1939, 1940) had 0.46-3.7 (one line each) and 0.71-1.5 (two or three
    lines)."""

    min_lines: int = 2
    """A "rule" crossing this many detected vertical lines or more may be a
    scratch, and this many of them at least must leave it little white
    (``max_white``); fewer is a rule the detector ran a line through. 3 until
    ECPO 1919's scratch through the 月份牌 advert's two columns ("七" and
    "有" cut, 0.24 body of white round it in both), which parted them: each
    column's head was read before the other's foot. The printed rules the
    detector ran two lines through leave 0.71 body or more."""

    reach: float = 1.0
    """× body: a vertical line coming this near a rule over it (over
    ``VERTICAL_LINES.rule_across`` of its width), above or below, reaches
    the rule ..."""

    across_share: float = 0.8
    """... and the rule is a scratch only when this share of the lines that
    reach it, or more, run on past it: the lines of a story set under a
    printed rule end at it. The three ECPO 1919 scratches: 16 of 17, 5 of 5,
    3 of 3; the printed rules the detector ran lines through on the four
    folds: at most 3 of the 8-76 lines that reach them."""

    max_white: float = 0.55
    """× body: white round the rule under this, down a line crossing it, is
    the white between two characters; a printed rule keeps more ..."""

    tight_share: float = 0.5
    """... and the rule is a scratch only when this share of the lines
    crossing it, or more, leave it so little (12 of 16 on ECPO 1919's
    longest scratch, the rest over characters set with more white)."""


SCRATCHES_ACROSS = ScratchAcrossParams()


@dataclass(frozen=True)
class SideBySideParams:
    """Vertical lines the detector ran together side by side
    (``direction.split_side_by_side``): small close-set vertical type beside
    an advert's frame, boxed three columns in one. ECPO's 1940 fold, left
    page: two such boxes (89 pixels wide, the page's vertical lines 28),
    each read as one garbled "headline" line ("號·SEE") over three columns."""

    min_width: float = 2.0
    """× body: a vertical box at least this wide is looked at (one line's box,
    padded by the detector, is about 1.4 body wide)."""

    max_gap_ink: float = 0.06
    """Share of the line's length: a page column inked less than this down the
    line is white between two lines (a speck or a touching stroke allowed)."""

    solid_ink: float = 0.85
    """Share of the line's length: a page column inked more is a frame or a
    rule beside the lines, parted from them as a gap is."""

    min_part: float = 0.75
    """× body: a line found between gaps is at least this wide (the detector's
    padding takes in slivers of the neighbouring lines, narrower: 15 pixels
    on that page, its lines 18 to 25) ..."""

    max_part: float = 1.3
    """... and at most this wide: wider is display type, whose strokes leave
    white columns inside its characters."""

    min_rows: float = 0.5
    """A share of the box's length: a line found holds ink in at least this
    many of its rows (characters set all down it; a sliver of a shorter
    line beside it holds ink only as far as that line runs)."""

    min_length: float = 5.0
    """× the widest line found: the box is at least this long (five of its
    characters or more); a short line of display type is never cut."""


SIDE_BY_SIDE = SideBySideParams()


@dataclass(frozen=True)
class PrintDirectionParams:
    """Whether a page's type is set vertically, from its characters alone
    (``print_runs_down``: each character votes for the side its nearest
    neighbour stands on, as in docstrum). Commit c6a3cde (tests: a vertical and
    a horizontal generated page); not tuned on real pages."""

    stroke_join: float = 0.15
    """× em (truncated, at least a pixel): the square the ink is dilated by, so
    that the strokes and radicals of one character join into one piece."""

    glyph_range: tuple[float, float] = (0.5, 1.6)
    """× em: a piece of ink this wide and this tall (after the strokes are
    joined) is a character; smaller are specks, larger run together."""

    neighbour_gap: float = 0.6
    """× em: a character's nearest neighbour in its line stands within this
    gap of it; farther, it casts no vote."""

    sample: int = 1500
    """At most this many characters, evenly spread, vote (the pairwise
    distances grow with its square). Not tuned: a bound on time."""


PRINT_DIRECTION = PrintDirectionParams()


@dataclass(frozen=True)
class SetSolidParams:
    """Vertical type set solid on a square grid that the detector read as
    rows (``layout.set_solid.solid_blocks_read_down``). ECPO's 1919 fold, right page:
    five blocks of small vertical type (lines 28 pixels apart, characters 28
    pixels apart down them) boxed as rows, read as word soup."""

    min_lines: int = 8
    """Vertical lines on the page: with fewer, no block of rows is read down."""

    min_vertical: float = 0.15
    """A share of the page's detected lines that are vertical: with less, the
    page is horizontal and no block of rows is read down (ECPO 1919 right
    page: 94 of 366, the rows being the grids' many pieces)."""

    same_size: float = 1.35
    """× the smaller: two rows whose heights differ more are of two sizes of
    type, not one grid."""

    row_gap: float = 0.3
    """× the smaller row's height: rows further apart than this have leading
    between them and are horizontal type (a grid's rows touch: 3 pixels of
    white under 25-pixel rows on ECPO 1919)."""

    min_side: float = 2.5
    """× the row height: a grid is at least this tall and wide (three
    characters each way)."""

    pitch: tuple[float, float] = (0.6, 1.6)
    """× the row height: the lags at which the ink's repeat is looked for."""

    min_repeat: float = 0.3
    """The autocorrelation's peak across and down must reach this (1 = the ink
    repeats exactly; the ECPO grids 0.38-0.83; Latin type makes no repeat
    across)."""

    square: float = 0.9
    """× the pitch down: the pitch across (from one line to the next) at
    least this is a grid of vertical lines; horizontal Chinese with leading
    repeats further down than across (1.2-1.5×)."""

    inside: float = 0.5
    """A share of a detected line's box inside the grid: a vertical one is one
    of the grid's lines the detector found, a horizontal one a piece of a
    row; both are replaced by the grid's lines."""

    covers: float = 0.6
    """A share of a vertical line's ink width: a line running into the grid
    from above or below that stands this much over one of the grid's lines
    is that line's end (a box the detector ran over two lines, half over
    each, is neither's: ECPO 1919, "奏奇功因其" under "專清血分")."""

    cut_reach: tuple[float, float] = (0.7, 1.3)
    """× the pitch: the next cut between lines is the whitest page column this
    far left of the last."""

    last_line: float = 0.6
    """× the pitch: a part left at the grid's left edge narrower than this is
    no line of its own."""

    min_length: float = 0.8
    """× the row height: a line cut from a grid holding less ink than this
    (a column of white at a ragged edge) is dropped."""


SET_SOLID = SetSolidParams()
