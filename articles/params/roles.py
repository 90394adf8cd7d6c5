"""Roles that only the text tells (``articles.roles``): bylines, captions, and
headings set in body-size capitals inside a column.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class BylineParams:
    """What is a credit line (``roles.is_byline``, ``_names_only``)."""

    max_chars: int = 60
    """A byline is at most this many characters long (a longer line is a
    sentence). Characters. Set by hand with the first article assembly
    (commit 08f9714)."""

    max_name_chars: int = 8
    """Between a Chinese credit's role words stand names of two or three
    characters (the recogniser drops the spaces between them); a run longer
    than this many characters is a sentence (记者昨天在市区几个主要路口).
    Characters. Commit 36f004e."""

    max_names_run: int = 6
    """Two Chinese names read without the space between them are at most this
    many characters (two and three, three and three): a line set full
    measure at a block's foot with a longer run after its only role word is
    a sentence running on (``roles._runs_on``). Characters."""


BYLINES = BylineParams()


@dataclass(frozen=True)
class SignatureParams:
    """The writer's name set flush right at a story's foot, in capitals or
    small capitals ("HENRY DAWSON."), as 19th-century papers sign a story
    (``roles.split_signatures``)."""

    min_indent: float = 0.3
    """The name stands in from its block's left edge by at least this share
    of the block's width. On synthetic en-old-1003 the five signatures stand
    in 0.50-0.54 of the column; a paragraph's last line starts at the edge."""

    max_right: float = 1.0
    """... and ends within this many letters (half its height each) of the
    block's right edge (0-4 pixels on en-old-1003, on 18-pixel lines)."""


SIGNATURES = SignatureParams()


@dataclass(frozen=True)
class CaptionParams:
    """How much of a block that starts as a caption is the caption
    (``roles._caption_lines``)."""

    max_lines: int = 4
    """A caption that opens a text block ends at the first of this many lines
    that ends as a caption does (``摄``, ``Photo)``); else it is the first
    line alone. Lines. Set by hand with the first article assembly (commit
    08f9714)."""


CAPTIONS = CaptionParams()


@dataclass(frozen=True)
class CaptionEndParams:
    """A caption's last line that layout left as a text block of its own
    (``roles.join_caption_ends``): its type measured a little smaller than
    the caption's first line, it was not grouped with it (generated en-5000:
    "department. (Photo by Grace Mitchell)")."""

    max_lines: int = 2
    """The text block holds at most this many lines. Lines."""

    max_gap: float = 0.5
    """× the caption's last line height: at most this much white between the
    caption and the block under it (they may overlap)."""

    align: float = 1.0
    """× that height: their left edges at most this far apart."""


CAPTION_ENDS = CaptionEndParams()


@dataclass(frozen=True)
class CapitalHeadingParams:
    """Which lines of a text block are a heading set in body-size capitals
    (``roles.split_headings``, ``_in_capitals``, ``_margins``,
    ``_short_line``, ``_centred``). Commit bdb39fc (NCSE pages: TTW 1868 p5
    0.571 -> 0.833; synthetic en-old-1001: 0 -> 6 of 9 stories) for all."""

    min_letters: int = 4
    """A line in capitals has at least this many letters. Letters."""

    max_words: int = 12
    """... and at most this many words (a longer line is a sentence). Words."""

    min_capitals: float = 0.6
    """... and at least this share of its letters are capitals (OCR reads a
    few as small letters: "HIGH SCHoOL Team HeaDs", 0.63, synthetic
    en-old-1003, whose story then ran on from the one above; 0.8 until
    2026-12-01: en-old-1003 stories 23 -> 25 of 25, en-old-1001 headlines
    6 -> 7 of 8, no other cached page, synthetic or real, changed). A share
    of its letters; a line of sentence text holds a tenth or less."""

    max_lines: int = 3
    """A heading is a run of at most this many lines in capitals. Lines."""

    letter_width: float = 0.5
    """A capital's width, that margins are measured in, is this share of its
    line's height. A share of the line's height (= 1 letter)."""

    short_line: float = 3
    """A line stopping at least this many letters short of its block's right
    edge ends a paragraph (a heading may follow it). × letter."""

    min_margin: float = 1.0
    """A heading inside a block stands centred: clear of both edges by at
    least this many letters ... × letter."""

    max_offset: float = 3
    """... its left and right margins differing by at most this many letters
    ... × letter."""

    max_offset_share: float = 0.3
    """... or by this share of the two margins together, if more. A share of
    the margins' sum."""

    min_letters_last: int = 3
    """A heading block's lines after its first may be shorter, down to this
    many letters ("JOBS.", "WING."). Letters. This and the four fields below
    (``roles.headings_over_text``): synthetic en-old-1000, stories found 12 ->
    13 of 33; not tuned further (safe bounds)."""

    max_gap: float = 2.0
    """A heading block stands at most this many body lines above the text it
    heads. × body."""

    max_overlap: float = 0.5
    """... or overlaps it by at most this much (boxes of close-set type touch).
    × body."""

    min_overlap: float = 0.8
    """The text under it spans at least this share of the heading's width.
    A share of the heading's width."""

    min_size: float = 0.9
    """A heading's type is at least this share of the text's under it (a
    line of small capitals over a poem, TTW 1867, is no story's heading).
    A share of the text's line height."""

    edge_slack: float = 1.0
    """... and the heading reaches past the text's edges by at most this
    much (a heading is no wider than its column). × body."""


CAPITAL_HEADINGS = CapitalHeadingParams()


@dataclass(frozen=True)
class BodyLineParams:
    """Whether a line runs on as body text (``roles._fills_line``): a byline
    at a block's head does not fill its line."""

    fill_margin: float = 1.0
    """A line ending less than this many of its heights short of its block's
    right edge fills the line: it is body text, not a byline. × the line's
    height. Commit efe18ac (bylines are not sentences)."""


BODY_LINES = BodyLineParams()


@dataclass(frozen=True)
class TopFolioParams:
    """A folio set close over the columns at one end of the page's top row,
    the page's title or date level with it (``roles.running_head_row``)."""

    same_row: float = 0.5
    """Two lines are in one row when their heights overlap by this share of
    the shorter. Set by hand."""

    max_folio_width: float = 4.0
    """× body: a folio is a few figures wide. Set by hand (MRP 1822 p. 14:
    "598", 75 pixels on 20-pixel body type)."""

    edge: float = 2.0
    """× body: the folio stands within this distance of the left or right
    edge of the page's text. Set by hand (MRP 1822 p. 14: 3 pixels)."""

    max_size: float = 1.5
    """× body: the folio and the lines level with it are no taller than this,
    as ``layout``'s running heads (``RUNNING_HEADS.max_size``): a headline set
    level with a page number is no running head."""

    max_title_share: float = 0.6
    """A title that layout set as the first line of a column's block is at
    most this share of the block's width (a column's own first line fills
    it). Set by hand (MRP 1807 p54: "Obituary.", 0.3 of its column)."""

    gap_ratio: float = 1.5
    """...and has at least this many times the block's median white between
    lines under it. Set by hand (MRP 1807 p54: 35 pixels under the title,
    12 between the column's lines)."""

    min_gap: float = 0.25
    """× body: the block's white between lines is taken as at least this
    (type set solid, lines touching, makes no white a title stands apart
    from). Set by hand (MRP 1807 p54: 12 pixels on 23-pixel body type)."""


TOP_FOLIO = TopFolioParams()


@dataclass(frozen=True)
class BylineUnderParams:
    """Where a byline is read in a story not read down its columns
    (``draft._leads``)."""

    across: float = 0.5
    """A text block above the byline across this share of the narrower of the
    two or more puts the byline after the text (a neighbouring column's
    block reaching a few pixels past the gutter does not). Set by hand."""


BYLINE_UNDER = BylineUnderParams()
