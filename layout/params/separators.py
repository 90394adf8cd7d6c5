"""What parts the columns (``layout.lines``, ``layout.columns``): lines of type
found from the ink by smearing, the white corridors and the page's gutter grid,
when two pieces on one row are one line, and the column grid read from the
blocks.

Everything is measured in ``body``, the body line height (``gutters`` calls its
argument ``em``, but every caller passes ``body``). The dots a gutter ignores
are ``DASHES.max_dot`` (``params.rules``): the dots of a dotted rule.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class LinePieceParams:
    """Pieces of lines of type from the ink alone: ink smeared along the line
    (``layout.lines.line_boxes``, ``find_lines``)."""

    smear: float = 0.75
    """The ink is closed along the line over this many × body, joining letters
    and close words (``find_lines`` smears ``body * smear``; ``line_boxes``
    takes the smear and reads the body it stands for as ``smear / smear``).
    Since the first segmentation (08f9714); not tuned since."""

    min_smear_px: int = 3
    """The smearing kernel is at least this many pixels long. Pixels: a floor for
    a measured body absurdly small. Not tuned: a safe bound."""

    min_area: float = 0.05
    """A piece has at least this many × body² of area (the smeared box's ink);
    smaller ones are specks. Since the first segmentation (08f9714)."""

    min_height: float = 0.2
    """A piece is at least this many × body high; flatter ones are specks or
    rule remains. Since the first segmentation (08f9714)."""


LINE_PIECES = LinePieceParams()


@dataclass(frozen=True)
class TouchingLinesParams:
    """When a piece is two lines whose descenders and ascenders touch, and where
    it is cut (``layout.lines.split_touching``)."""

    min_height: float = 1.6
    """A piece this many × body high or more may be two lines. Set by hand on the
    synthetic tuning set (23617b0, "touching lines split")."""

    max_height: float = 5
    """A piece more than this many × body high is not cut (a picture, a block of
    display type). Raised from 2.8 to take in a headline over its text (70d3e18,
    synthetic tuning set)."""

    min_width: float = 2
    """A piece narrower than this many × body is not cut (a drop cap, a
    bracket). Set by hand on the synthetic tuning set (23617b0)."""

    min_part: float = 0.8
    """Each part of a cut piece is at least this many × body high: a line of its
    own, not a descender. Raised from 0.6 on the synthetic tuning set (01c8cd3)."""

    max_valley: float = 0.15
    """A piece is cut where its ink per row falls below this share of its
    fullest row (the white between the two lines). Share of the fullest row;
    0.15 in 23617b0, 0.05 in 70d3e18, 0.15 again in 01c8cd3 (synthetic tuning
    set)."""


TOUCHING_LINES = TouchingLinesParams()


@dataclass(frozen=True)
class CorridorParams:
    """What white is a corridor between columns (``layout.lines.gutters``,
    ``cut_at_corridors``): word spaces never line up for several lines; the
    space between columns does, even under a headline that spans them."""

    min_height: float = 9
    """A corridor is white for at least this many × body down the page. Set by
    hand on the synthetic tuning set (cc724d4)."""

    min_width: float = 0.5
    """A corridor is at least this many × body wide (and 2 pixels). Since the
    first segmentation (08f9714)."""

    cut_level: int = 127
    """A piece is cut where the mean of the corridor mask (0 or 255) down the
    piece's rows is this or more: half or more of its rows are corridor (a line
    the smear carried over a gutter). 8-bit level, half of 255 (70d3e18)."""


CORRIDORS = CorridorParams()


@dataclass(frozen=True)
class GridParams:
    """Where the page's column gutters are (``layout.lines.grid_gutters``,
    ``forced_grid``): short columns (under a photo, at the foot of a band)
    keep to the grid the tall corridors make."""

    margin_width: float = 2.5
    """A corridor at least this many × body wide (at least ``min_margin_px``) is
    a margin or a light patch of a picture, no gutter. Set by hand on the
    synthetic tuning set (bc350d1)."""

    min_margin_px: int = 3
    """The floor under ``margin_width``, in pixels: a kernel at least 3 wide for
    a measured body absurdly small. Not tuned: a safe bound."""

    photo_margin: float = 1.0
    """Corridors within this many × body of a photo are no part of the grid.
    Set by hand on the synthetic tuning set (fc99703)."""

    min_height: float = 20
    """An x position is on the grid when corridors stand there for at least
    this many × body of the page's height. Set by hand on the synthetic tuning
    set (bc350d1)."""

    join: float = 0.2
    """Runs of grid positions this many × body apart or closer are one gutter.
    Set by hand on the synthetic tuning set (fc99703)."""

    min_width_share: float = 0.6
    """A gutter is at least this share of the widest one wide (the page's real
    gutters all have one width; a river of word spaces is narrower). Share of
    the widest gutter; set by hand on the synthetic tuning set (fc99703)."""

    forced_half_width: float = 0.75
    """An archivist's column count puts a gutter this many × body either side of
    each equal division of the printed area. Set with the test of two short
    columns with a narrow gutter (a8cb073)."""


GRID = GridParams()


@dataclass(frozen=True)
class SameRowParams:
    """When two pieces stand on one row near enough to be joined into one line
    (``layout.lines.row_groups``, ``_same_row``, ``_rule_between``)."""

    reach: float = 2.5
    """Pieces this many × body apart or closer may be joined: justified narrow
    columns stretch word spaces to two ems and more. Set by hand on the
    synthetic tuning set (cc724d4)."""

    reach_of_height: float = 0.7
    """...or up to this share of the piece's own height apart (display type has
    wide word spaces). Share of the piece's height; set by hand on the
    synthetic tuning set (cc724d4)."""

    column_reach: float = 5.0
    """× body: pieces of a row further apart than ``reach`` but no further
    than this are joined where the lines next above and below run on across
    the space (``lines.Spans``): a justified line's word space inside its
    column. Real Topaz Times 1944 p59 (typewritten, 17-pixel lines):
    "litary necessity,   but", 50 pixels of white (2.9 body), was read as two
    pieces and its column parted into two blocks there, the lower read after
    the page's last story. Not tuned: wider than any word space."""

    span_rows: float = 1.8
    """× the pieces' height: the line next above (below) a space has its
    centre within this of theirs (a line and a half of leading at most, by
    ink; by the detector's taller boxes, as ``segmentation._open_sides``
    measures, it reaches two lines, and ``Spans.next_row_runs_across``
    keeps to the nearest). Not tuned."""

    flat_overlap: float = 0.9
    """Pieces on one row overlap in height by at least this share of the
    smaller (a flat glyph, 一 or a dash, sits inside its line's height)... Share
    of the smaller piece's height; set by hand (cc724d4)."""

    stacked_gap: float = 1.0
    """... but not when the smaller is one of a stack of lines of its own
    size beside a line of display type (``lines.stacked_lines``: another
    piece over or under it, overlapping it across, no more than this many of
    its heights of white apart): a dateline's two rows set beside a
    nameplate (頭條日報 2023, not in the shared set: 6 pixels apart, 24
    tall) are lines of their own; the strokes of a display 二 stand half an
    em apart, many times their height. × the smaller piece's height. Not
    tuned."""

    stacked_overlap: float = 0.25
    """... or overlapping it in height by no more than this share of the
    smaller's height (the detector's boxes of lines set solid touch). × the
    smaller piece's height. Not tuned."""

    display_aspect: float = 2.0
    """... where the larger (the tallest piece of its row) is a line of
    display type at least this many times as wide as tall (a drop
    initial, about square, keeps the lines beside it, as before). × its
    height. Not tuned."""

    max_size_ratio: float = 1.7
    """...or the taller is at most this many times the smaller's height...
    Since the first segmentation (08f9714)."""

    min_overlap: float = 0.6
    """...and they overlap by at least this share of the smaller's height.
    Since the first segmentation (08f9714)."""

    rule_slack_px: int = 2
    """A vertical rule parts two pieces when its centre lies between them, give
    or take this many pixels. Pixels: a rule's centre is a pixel or two off
    the ink it separates whatever the type size. Set by hand (b706b4e)."""

    rule_overlap: float = 0.5
    """...and it runs beside more than this share of the right piece's height.
    Set by hand (b706b4e)."""

    rule_inside: float = 0.5
    """× body: ... or its centre lies this far inside the end of the left
    piece or the start of the right one: the detector's box takes in a rule
    set tight against the type (synthetic en-old-1000: a line of column 3
    boxed from the column rule on, 5 pixels left of the rule's found centre,
    was joined to its neighbour in column 2, and the two columns became one
    block)."""


SAME_ROW = SameRowParams()


@dataclass(frozen=True)
class DisplaySpaceParams:
    """When a space between two pieces is a word space of display type (wider
    than a gutter of body type) and when two headlines stand apart
    (``layout.lines.row_groups``, ``_headlines_apart``)."""

    close_gap: float = 0.5
    """See ``tallest``: share of the taller piece's height (b5e911b)."""

    headlines_gap: float = 0.8
    """Two display pieces on a column gutter of the grid are two headlines when
    the space between them is at least this share of the taller one's height
    (a display word space next to a short word like 'to' came close to 0.6).
    Tuned in 0716d7c, on the synthetic tuning set."""

    size_ratio: float = 1.6
    """...or, closer, when two neighbouring pieces are display type of two
    sizes, the taller at least this many times the other's height, and a
    column of lines starts or ends at the space between them: a one-column
    story's headline set tight against a wider story's larger one, a gutter
    between (a generated city daily at 66 dpi: 港口经济持续回暖 |
    科技创新助力制造业升级, 34 and 65 pixels, 12 apart). A headline's
    word of x-height letters ("on", "era") is half its capitals' height, so
    the column edge is what tells a gutter from its word space."""

    sizes_min_gap: float = 0.25
    """...the space between them at least this share of the smaller one's
    height (a gutter, not two pieces touching)."""


DISPLAY_SPACES = DisplaySpaceParams()


@dataclass(frozen=True)
class GutterParams:
    """When the space between two pieces on a row is a gutter
    (``layout.lines._is_gutter``, ``LineStarts``): a tall white corridor
    beside a column edge, or a clear space with column edges on both sides or
    on the page's grid."""

    larger_type_min_gap: float = 1.0
    """...and only a space of at least this many × body parts them (their word
    spaces are wider than body type's). Set in 3f12352, as above."""

    min_gap: float = 0.5
    """No space under this many × body is a gutter, corridor or not (3f12352),
    unless lines a column wide end and start there (``LineStarts.columns_meet``)."""

    own_lines: float = 1.2
    """Two pieces of a row no taller than this many times the median height
    of the lines ending and starting where they do are those columns' own
    lines, not larger type (``LineStarts.edges_as_tall``): a line with both
    ascenders and descenders measures 14-15 px against a 12-px body (the
    Port Gibson Reveille, 1921), a small headline 1.3 body or more. Not
    tuned beyond that page."""

    grid_min_gap: float = 1.0
    """A space on the page's grid at least this many × body wide is a gutter
    without a column edge beside it (3f12352)."""

    edge_reach: float = 8
    """Column edges are looked for among the pieces whose centres lie within this
    many × body above and below. Set by hand on the synthetic tuning set
    (ab40df5, b706b4e)."""

    edge_tolerance: float = 0.3
    """Pieces start (or end) at one column edge when within this many × body of
    each other: one edge beside a corridor. Set by hand (ab40df5, b5e911b)."""

    both_edges_tolerance: float = 0.45
    """The same, wider, for a clear space with column edges on both sides (short
    columns, no tall corridor). Set by hand (b706b4e, b5e911b)."""

    min_edge_lines: int = 3
    """A column edge is where at least this many nearby pieces start (or end)
    (ab40df5, b706b4e)."""

    min_lines_inside: int = 5
    """...or where at least this many nearby pieces start inside the space (the
    line beside it is indented) (ab40df5)."""


GUTTERS = GutterParams()


@dataclass(frozen=True)
class ColumnParams:
    """The page's column grid from where its body blocks stand
    (``layout.columns``)."""

    min_block_lines: int = 3
    """A text block of at least this many lines is body text the grid is read
    from (headlines and captions are shorter). Since the first segmentation
    (08f9714)."""

    single_width: float = 1.4
    """A block narrower than this many times the median body block's width is
    one column wide (wider ones span columns). Share of the median width; since
    the first segmentation (08f9714)."""

    same_start: float = 0.5
    """Blocks that start within this share of the median block width of each
    other start one column (and the column's end is the median end of the
    blocks starting there). Since the first segmentation (08f9714)."""

    even_gutter: float = 1.0
    """An archivist's column count lays out equal columns with gutters this many
    × body wide (a newspaper gutter is about one body line high). Set by hand
    (d6f7624)."""


COLUMNS = ColumnParams()
