"""Tables (``layout.tables``): what is a cell, a row, a column and a table.

Sizes are in body line heights (``body``) unless a field says otherwise.
The table finder came with issue 16 (kind 4) in commit 70f5e2a, set by hand
on the hand-made boxes of its unit tests (``tests/layout/test_tables.py``; no
page of tables is named); columns and alignment came in commit 9fa9ada
(en-4col-bitonal had a justified line taken for a row), rows found among the
short pieces in f441525 (a weather table lost a row's figures into the text
beside it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CellParams:
    """What is a table's cell: a short piece of body-size type, its pieces
    joined across a decimal point, a long line cut at wide white."""

    max_width: float = 12.0
    """A cell is at most this many body heights wide; a longer line is text.
    × body. Set by hand on the table tests' boxes (commit 70f5e2a)."""

    join: float = 0.9
    """Pieces of a row closer than this are one cell (a decimal point, a word
    space). × body. Set by hand on the table tests' boxes (commit
    70f5e2a)."""

    split: float = 1.2
    """White this wide inside a long line parts the cells the detector read as
    one line. × body. Set by hand on the table tests' boxes (commit
    70f5e2a)."""

    min_split: int = 3
    """A long line is cut into cells only where the white parts it into at
    least this many. A count. Set by hand on the table tests' boxes
    (commit 70f5e2a)."""

    read_pad: float = 0.25
    """The box a cell is read from reaches this share of its line's height
    beyond its ink on either side (where the detector gave no box). A share
    of the line's height. Set by hand on the table tests' boxes (commits
    70f5e2a, 9fa9ada)."""

    read_reach: float = 0.5
    """A cell's box, where the detector's reaches further above or below its
    ink (rows boxed together), is cut to this much beyond the ink. A share
    of the line's height; the detector's own padding is less (unclip ratio
    1.6). Not tuned: a safe bound."""

    min_left_over: float = 0.5
    """A stretch of a line cut at a table's columns that no cell took stays
    behind as a line of its own when at least this wide (a letter). × the
    line's height. Not tuned: a safe bound."""

    text_attach: float = 1.2
    """A short piece this close to a line of text on its baseline is part of
    it (a tag or a first word that the layout cut off at a column of equal
    word spaces). × body. Set by hand on the table tests' boxes (commit
    70f5e2a)."""

    text_baseline: float = 0.5
    """... on its baseline: sharing at least this share of the shorter one's
    height. A share of a line's height. Commit f441525; not tuned: a safe
    bound."""


@dataclass(frozen=True)
class RowParams:
    """What is a row of a table: at least two cells on one baseline with no
    other type between them nor too wide a space, and when rows stack."""

    band_overlap: float = 0.5
    """A piece is on a row's baseline when it shares at least this share of
    the shorter one's height with the row's first piece. A share of a line's
    height. Commit 70f5e2a; not tuned: a safe bound."""

    band_reach: float = 2
    """A piece is looked for on the rows whose first piece's centre is at most
    this many cell heights (``TYPE_SIZE.surely_display``) above its own. × the
    largest cell height. Not tuned: a search bound (commit 70f5e2a)."""

    reach: float = 16.0
    """The widest white between two cells of one row (a short name
    left-aligned, a code right-aligned). × body. Set by hand on the table
    tests' boxes (commit 70f5e2a)."""

    others_reach: float = 4
    """Type that is no cell (text, display type) is looked for among the boxes
    whose centre is at most this many cell heights (``TYPE_SIZE.surely_display``)
    beyond the span looked at. × the largest cell height. Not tuned: a search
    bound (commit f441525)."""

    blocked: float = 0.3
    """Type standing in the space between two cells over more than this share
    of its height parts the row there. A share of the space's height. Set by
    hand on the table tests' boxes (commit 70f5e2a)."""

    max_gap: float = 2.5
    """The most white between two rows of one table (a blank line every few
    rows). × body. Set by hand on the table tests' boxes (commit 70f5e2a)."""

    stack_overlap: float = 0.5
    """Rows stacked into one table share at least this share of the narrower
    row's width. A share of a row's width. Set by hand on the table tests'
    boxes (commit 70f5e2a)."""


@dataclass(frozen=True)
class ColumnParams:
    """What is a column of a table: a band of x where the rows have cells,
    parted from the next by white down nearly every row."""

    gap: float = 0.6
    """White this wide, down nearly every row of a table, parts two of its
    columns. × body. Set by hand on the table tests' boxes (commit
    9fa9ada)."""

    white_rows: float = 0.85
    """... nearly every row: at least this share of the table's rows is white
    there in its own ink (a long cell in a row or two does not close the
    gap). A share of the rows. Set by hand on the table tests' boxes
    (commit 9fa9ada)."""

    min_share: float = 0.3
    """A column holds cells in at least this share of the table's rows (and in
    two rows at least). A share of the rows. Set by hand on the table
    tests' boxes (commit 70f5e2a)."""


@dataclass(frozen=True)
class TableParams:
    """What is a table: enough rows of three cells or more, cells short and
    well apart, lined up from row to row."""

    min_rows: int = 3
    """A table has at least this many rows of ``min_columns`` cells or more. A
    count. Set by hand on the table tests' boxes (commit 70f5e2a)."""

    min_columns: int = 3
    """... and at least this many columns. A count. Set by hand on the
    table tests' boxes (commit 70f5e2a)."""

    typical_cell: float = 6.0
    """A table's cells are mostly short: their median width is at most this
    many body heights (a narrow column of text is wider). × body. Set by hand
    on the table tests' boxes (commit 70f5e2a)."""

    min_spacing: float = 0.3
    """The space between a table's cells is at least this share of a cell's
    width (medians): narrow columns of text are many times wider than their
    gutters. A share of the median cell width. Set by hand on the table
    tests' boxes (commit 70f5e2a)."""

    max_fill: float = 0.8
    """Cells fill at most this share of a typical row's width: more is columns
    of text. A share of the row's width (median over rows). Set by hand on
    the table tests' boxes (commit 70f5e2a)."""

    min_aligned: float = 0.7
    """At least this share of a table's inner cells line up with cells of
    other rows. A share of the inner cells. Set on en-4col-bitonal, whose
    justified line parted by wide spaces must not line up (commit 9fa9ada)."""

    align_tolerance: float = 0.4
    """A cell's left edge, right edge or centre lines up with another's when
    they are closer than this many body heights. × body. Set on
    en-4col-bitonal (commit 9fa9ada)."""

    align_rows: float = 0.5
    """... in at least this share of the other rows. A share of the other
    rows. Set on en-4col-bitonal (commit 9fa9ada)."""

    text_around: int = 3
    """Rows whose cells come from two blocks or more that each hold at least
    this many lines above the rows and as many below are a slice through
    columns of justified text, no table (``table_rows._through_text_columns``): the
    Topaz Times of 1944 (typewritten, three justified columns) had three of
    its rows across all three columns read as a table, their word spaces
    wide enough to part cells and the columns' flush edges lined up (their
    blocks 20 and 17, 20 and 4 lines above and below). NZZ 1909's rates
    table stays one: its blocks hold 2 lines above and 7 below, and 8
    below. A count of lines. Set by hand."""


@dataclass(frozen=True)
class BodyBesideTablesParams:
    """The body line height measured again without the tables' cells
    (``tables.body_beside_tables``), on a page that is mostly table."""

    line_aspect: float = 4
    """A line counts for the body measure when it is more than this many times
    as long as it is thick (a lone figure or a mark does not). × the line's
    thickness. Set by hand on the table tests' boxes (commit 70f5e2a);
    the same bound as the first body measure in ``layout.segmentation``."""

    min_lines: int = 3
    """The body is measured again only from at least this many lines (else
    the first measure stands). A count. Not tuned: a safe bound (commit
    70f5e2a)."""


CELLS = CellParams()
ROWS = RowParams()
COLUMNS = ColumnParams()


@dataclass(frozen=True)
class StubParams:
    """A table's stub: the column of row labels on its left, found as a
    block of text (``layout.tables._with_stub``). Set on the NZZ 1940's
    subscription rates (labels running on into the first column of
    figures, every label on its row's baseline, a note under the table)."""

    reach: float = 0.5
    """The stub's longest label reaches to within this of the table's left
    edge, or runs on into it (a label and a figure read as one line); a
    block of text ending further off, a gutter between, is a column of
    text beside the table. × body."""

    led: float = 0.5
    """Where no label reaches up to the table, at least this share of them
    must be led to their figures by dot leaders (the NZZ 1933's rates:
    "Zürich bei der Administration oder Ablage . . . . Fr. 2.60", the
    label's line ending 3 body lines short of the figures). A share of the
    labels."""

    lone_dot_reach: float = 1.0
    """A leader of one dot stands within this of the figures (the NZZ 1909's
    labels end ". Fr. 5.50": the dot 0.5-0.7 body lines short of them);
    further off, two dots at least make a leader. × body."""

    dot_width: float = 0.4
    """A dot is at most this wide (a full stop, a short dash). × body."""

    dot_size: float = 0.07
    """... and at least this big each way: a speck of 1-bit noise is
    smaller (the NZZ 1909's full stops are 3-6 px wide and 7-9 tall at a
    body of 34 px, 0.09-0.26). × body."""

    dot_top: float = 0.4
    """... and its ink no higher than this share of the line's height from
    its top (a full stop sits on the baseline; a speck over the line, a
    letter, a rule reach higher). A share of the line's height."""

    letter_edge: int = 2
    """Ink within this many pixels of the label's end is the edge of its
    last letter, which the detector's box cut, not part of a leader. Pixels."""

    baseline: float = 0.5
    """A label shares at least this share of the shorter one's height with
    its row. A share of a line's height."""

    between: float = 0.1
    """A line of the stub sharing at most this share of its height with any
    row stands in the white between rows: a section's label over the row
    its figures are on (the NZZ 1933's "Ausland ..." in two lines over
    "Bezug unter Privatadresse (Streifband)"). More, and less than
    ``baseline``, it is a line set across a row's edge: text of another
    leading beside the table. A share of a line's height."""

    min_rows: float = 0.5
    """The stub labels at least this share of the table's rows."""

    max_notes: int = 2
    """At most this many lines under the table's last row are its notes
    (the NZZ's one line); more, and it is a story running on under the
    table in the column. Set by hand."""


TABLES = TableParams()
STUB = StubParams()
BODY_BESIDE_TABLES = BodyBesideTablesParams()
