"""Roles of blocks (``layout.roles``): headlines, captions, running heads and
folios, advertisements ruled all round, the nameplate.

Sizes are in body line heights (``body``) unless a field says otherwise. The
headline size ratios an archivist may change (``headline_ratio``,
``bold_headline_ratio``, ``bold_stroke_ratio``) are in ``Settings.layout``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BlockTypeHeightParams:
    """A block's type size (``roles.type_height``): its lines' ink height, no
    taller than the step from one line to the next."""

    row_share: float = 0.5
    """Two pieces of a block whose centres lie closer than this share of the
    lower piece's height are one row (a row's centre is counted once). A
    share of a line's height. From the dense old pages (commit 8c466ff);
    not tuned: half a line parts rows of any leading."""

    neighbour_overlap: float = 0.5
    """A lone line's neighbour in its column (above or below) shares at least
    this share of the narrower line's width with it. A share of a line's
    width. From the dense old pages (commit 8c466ff); not tuned: a safe
    bound."""


@dataclass(frozen=True)
class LargeTextParams:
    """Text set large is not a headline (``roles.classify_blocks``): a notice
    or a lead paragraph runs on for many lines in type a little larger than
    the body, where a headline, even with its decks, is a few lines."""

    min_lines: int = 6
    """A block of at least this many lines (rows, or vertical lines side by
    side) in type under ``TYPE_SIZE.surely_display`` is text. A count. From
    an unseen 1939 晶報 fold: a notice of 9 vertical lines at 1.54 body
    heights was read as a headline; no generated or real headline of the
    benchmark is longer than 4 lines."""


@dataclass(frozen=True)
class BoldHeadParams:
    """What is a small bold headline (``roles.mark_bold_heads``): a short block
    of somewhat larger type with clearly heavier strokes than the body."""

    plain_min_lines: int = 3
    """A block of body text, whose strokes give the page's plain stroke width,
    has at least this many lines. A count. Set by hand on the synthetic
    tuning set (commit 0348334)."""

    plain_size: float = 0.15
    """... and its line height is within this many body heights of the body.
    × body. Set by hand on the synthetic tuning set (commit 0348334)."""

    max_lines: int = 3
    """A bold headline has at most this many lines. A count. Set by hand on
    the synthetic tuning set (commit 0348334)."""


@dataclass(frozen=True)
class AdvertParams:
    """What is an advertisement (``roles.find_adverts``, ``roles.ruled_frames``,
    ``roles.within``): a box ruled on all four sides holding display type or
    pictures but no run of body text."""

    text_run_lines: int = 4
    """A text block of at least this many lines is a run of body text; a frame
    holding one is no advertisement (the frame's body lines, counted over such
    blocks only, must be fewer than this too, which is the same test). A
    count. Set by hand on the synthetic tuning set (commit 70d3e18)."""

    rule_grow: float = 0.3
    """Rules are thickened by this many body heights on each side before the
    closed frames are looked for, so that rules that stop short of each other
    at a corner still close it (at least one pixel). × body. Set by hand on
    the synthetic tuning set (commit 70d3e18)."""

    min_width: float = 6
    """A ruled frame is at least this many body heights wide. × body. Set by
    hand on the synthetic tuning set (commit 70d3e18)."""

    min_height: float = 3
    """A ruled frame is at least this many body heights high. × body. Set by
    hand on the synthetic tuning set (commit 70d3e18)."""

    min_fill: float = 0.9
    """The hole inside the rules fills at least this share of its bounding
    rectangle (a rectangle, not the odd space between crossing rules). A
    share of an area. Set by hand on the synthetic tuning set (commit
    70d3e18)."""

    margin: float = 0.5
    """A box is in a frame when it lies inside the frame grown by this many
    body heights on every side (type set against the rule). × body. Set by
    hand on the synthetic tuning set (commit 70d3e18)."""


@dataclass(frozen=True)
class CaptionParams:
    """What is a photo's caption (``roles._caption_of``,
    ``roles._join_caption_pieces``): the short block nearest a photo, under or
    over it, and the other pieces of its line."""

    max_lines: int = 4
    """A caption has at most this many lines. A count. Set by hand on the
    synthetic tuning set (commit 08f9714)."""

    under_photo: float = 0.6
    """At least this share of a caption's width lies under (or over) its
    photo. A share of the caption's width. Set by hand on the synthetic
    tuning set (commit 08f9714)."""

    max_overlap: float = 0.2
    """A caption may reach into its photo's box by this many body heights
    (a photo's box cut a little loose). × body. Set by hand on the synthetic
    tuning set (commit 9011ae6, one caption per photo)."""

    max_gap: float = 1.5
    """A caption stands at most this many body heights from its photo. × body.
    Set by hand on the synthetic tuning set (commit 9011ae6)."""

    same_line: float = 0.5
    """Two pieces are on one caption line when they share more than this share
    of the shorter one's height. A share of a box's height. Set by hand on
    the synthetic tuning set (commits efe18ac, f91d216)."""

    join_overlap: float = 0.5
    """Pieces of one caption line may overlap by up to this many body heights
    (touching pieces) and still be joined. × body. Set by hand on the
    synthetic tuning set (commit f91d216)."""

    join_gap: float = 4
    """Pieces of one caption line are joined across white narrower than this
    many body heights (a wide space before the photographer's name). × body.
    Set by hand on the synthetic tuning set (commit efe18ac)."""


@dataclass(frozen=True)
class RunningHeadParams:
    """What is a running head or foot (folio, date, paper's name:
    ``running_heads.mark_running_heads``, ``running_heads._isolated_band_edge``): the type
    above a long rule near the top of the page (below one near the foot),
    or, without a rule, a single thin line set apart by white at the very top
    (foot)."""

    long_rule: float = 0.5
    """A rule that cuts off a running head is longer than this share of the
    printed area's width. A share of the printed width. Set by hand on the
    synthetic tuning set (commit 08f9714)."""

    top_band: float = 0.15
    """... and lies in this top share of the printed area's height. A share of
    the printed height. Set by hand on the synthetic tuning set (commit
    08f9714)."""

    foot_band: float = 0.12
    """... or in this bottom share of it (a running foot). A share of the
    printed height. Set by hand on the synthetic tuning set (commit
    08f9714)."""

    max_size: float = 1.5
    """Without a rule, a running head's line is at most this many body heights
    tall (a headline at the top is no running head). × body. Set by hand on
    the synthetic tuning set (commit 08f9714)."""

    same_band: float = 0.5
    """Blocks beside the running head that share more than this share of its
    height are in its band (the folio and the date at either end). A share of
    the running head's height. Set by hand on the synthetic tuning set
    (commit 08f9714)."""

    min_white: float = 0.8
    """Without a rule, white more than this many body heights parts the
    running head from the type below (above, for a foot). × body. Set by hand
    on the synthetic tuning set (commit 08f9714)."""

    band_width: float = 0.85
    """Between the border's rule and the next long rule near the top (foot), a
    row of single lines spread across this share of the printed width or
    more is a running head (the folio at one end, the date at the other). A
    share of the printed width. TEC 1880 p. 44: folio to date 0.98; TEC 1886
    and 1889 alike."""

    double_rule: float = 1.0
    """Two long rules this near (× body) with nothing between are one
    double rule (a border's)."""

    margin_mark: float = 0.8
    """A long rule nearest the page's edge with no type beyond it and shorter
    than this share of the next rule in may be no border but a mark in the
    margin (the sheet's edge, a scanner's shadow: ECPO 1940 p. 2's, 0.66 of
    the frame's rule under the running head). A share of the next rule's
    length."""

    margin_pieces: int = 3
    """...when between the two stand this many single lines or more in a
    row (the paper's name, the day, the date)..."""

    margin_band_width: float = 0.6
    """...spread over this share of the next rule's length or more (ECPO
    1940 p. 2: 0.72, its page number not found)."""

    ruled_max_size: float = 2.0
    """Between two long rules near the top (foot), a row of two or more single
    lines is a running head with type up to this many body heights tall (TEC
    1880 p. 44: the paper's name and the date 1.52 body heights). × body."""

    max_from_edge: float = 4
    """... and the running head stands less than this many body heights from
    the printed area's edge. × body. Set by hand on the synthetic tuning
    set (commit 08f9714)."""


@dataclass(frozen=True)
class NameplateParams:
    """What is the nameplate (``roles._mark_nameplate``): the paper's title
    across the top of the front page, no story's headline. Tuned on the NZZ
    1940 front page, whose black-letter title is ten body lines tall (commit
    fb46e3c)."""

    line_aspect: float = 2
    """A block is a line of type (not a mark in the scanner's margin) when it
    is at least this many times as wide as its line height. × the block's
    line height. Tuned on NZZ 1940 (commit fb46e3c)."""

    min_size: float = 4
    """The nameplate's type is at least this many body heights tall. × body.
    Tuned on NZZ 1940 (commit fb46e3c)."""

    lead: float = 1.5
    """... and at least this many times the next largest type on the page
    (for a nameplate beside its ears: in the page's top ``top_share``). ×
    the next largest line height. Tuned on NZZ 1940 (commit fb46e3c)."""

    min_width: float = 0.5
    """The nameplate spans at least this share of the printed area's width. A
    share of the printed width. Tuned on NZZ 1940 (commit fb46e3c)."""

    beside_width: float = 0.45
    """A nameplate set beside its ears, a date box or an advert spans at
    least this share of the printed width, and over no text (a story's
    banner headline does): 頭條日報 2023 0.49-0.50, NZZ 1921 0.50 and 1939
    0.46, Keski-Suomi 1908 0.46."""

    heads_within: float = 3.0
    """... over no block of text of two lines or more starting within this
    many body lines under its foot (頭條日報 2023's nearest is 9.5 under;
    a story's text starts a line or two under its headline). × body."""

    top_share: float = 0.2
    """The nameplate ends in this top share of the printed area. A share of
    the printed height. Tuned on NZZ 1940 (commit fb46e3c)."""

    row_size: float = 0.8
    """A one-line block of type at least this share of the largest type's
    height, in its row, may be a piece of the same title (NZZ 1890 front
    page, not in the shared set: three pieces of one height). × the largest
    line height."""

    row_height: float = 1.3
    """... no taller than this many times the largest line's box (a square
    block of two lines, or a vertical headline, beside the title is none of
    it). × the largest line's box height."""

    row_gap: float = 0.2
    """... when no more white than this parts it from the next piece along
    the row: letter and word gaps (NZZ 1890: 0.07-0.09 of the letters'
    height between its three pieces), not a gutter between two headlines nor
    an emblem. × the largest line height."""


BLOCK_TYPE_HEIGHT = BlockTypeHeightParams()
BOLD_HEADS = BoldHeadParams()
LARGE_TEXT = LargeTextParams()
ADVERTS = AdvertParams()
CAPTIONS = CaptionParams()
RUNNING_HEADS = RunningHeadParams()
NAMEPLATE = NameplateParams()
