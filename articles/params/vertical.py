"""Reading a page of vertical Chinese (``articles.vertical``, ``articles.rtl``):
whether the page is vertical, which blocks make one story, which short
lines are a photo's caption, and which lines across are read right to left.
Distances are in body heights: on a vertical page, the thickness of a
column of characters.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class VerticalPageParams:
    """Whether a page is set vertically (``vertical.is_vertical_page``)."""

    min_share: float = 0.5
    """A page is vertical when its vertical text regions hold more than this
    share of its body text's characters. A share of the characters. Set by
    hand (commit 38ce4a9; no page named)."""


VERTICAL_PAGE = VerticalPageParams()


@dataclass(frozen=True)
class VerticalGroupingParams:
    """Which blocks of a vertical page are one story (``vertical._source``,
    ``_neighbour_right``, ``_neighbour_above``, ``_headline_over``)."""

    band_gap: float = 2.5
    """A block continues the block above it (or a headline set across above
    it heads it) when at most this many body heights below it. × body.
    Set by hand (commit 38ce4a9; no page named)."""

    side_gap: float = 2.0
    """A block continues the block right of it when at most this many body
    heights away. × body. Commit 38ce4a9."""

    photo_gap: float = 6.0
    """A photo (with its captions) goes with the story right of it at most
    this many body heights away (a short story ends well before its photo).
    × body. Commit 5d646b5 (generated vertical pages, seeds 5001-5006:
    article recall 0.958, precision 0.917)."""

    foot_overlap: float = 1.0
    """× body: a block at the foot of a vertical headline's column may start
    this far up into the headline's box (the detector pads both: ECPO 1940's
    女獄花 overlaps its pen name by 15 pixels, 0.6 body; the 0.5 body that
    blocks above each other may overlap elsewhere is too little). Set by
    hand."""

    pen_name_chars: int = 6
    """A one-line block at the foot of a vertical headline's column holding at
    most this many characters (brackets not counted) is the writer's name, a
    byline (``vertical.with_pen_names``): 翁丹, 澄秋, 馬二先生 on ECPO's 1921
    folds. A count; set by hand."""

    rule_reach: float = 0.5
    """A rule between two blocks side by side is looked for this many body
    heights into each (a rule set tight against the type). × body. Commit
    38ce4a9."""


VERTICAL_GROUPING = VerticalGroupingParams()


@dataclass(frozen=True)
class VerticalCaptionParams:
    """Which vertical text block is a photo's caption
    (``vertical.with_vertical_captions``, ``_beside``, ``_under``). Set by
    hand (commit 38ce4a9; no page named) for all."""

    max_lines: int = 2
    """A vertical caption beside a photo has at most this many lines. Lines."""

    max_gap: float = 1.0
    """It stands at most this many body heights from the photo's side (or
    foot, for a caption under it). × body."""

    along: float = 0.6
    """... along it for at least this share of its own length. A share of the
    caption's height (width, under the photo)."""


VERTICAL_CAPTIONS = VerticalCaptionParams()


@dataclass(frozen=True)
class RightToLeftParams:
    """Which short line of Chinese set across a vertical page reads right to
    left (``rtl.reads_right_to_left``, ``_score``). Commit 267b630
    (日十三月四年九十二國民華中, 版二第, 報晶) for all."""

    max_chars: int = 32
    """Only lines of at most this many characters (a heading, a dateline, a
    masthead's row) are looked at. Characters, spaces not counted. 16 until
    the unseen 1939 晶報 fold, whose masthead row "本報創刊於民國八年三月三日"
    and "今日兩全張售國幣貳分四厘", a gap apart, is read as one line of 25."""

    min_chinese: float = 0.9
    """At least this share of the line's characters are Chinese, the rest
    figures or Latin letters (all Chinese until the 1939 fold's dateline,
    "中華民國貳拾捌年四月廿六日星期三" with "廿" read "1": 15 of 16). Set by
    hand: a line of Latin or figures is not looked at."""

    margin: float = 1.0
    """The backward reading must score at least this much higher (on a
    vertical page most short lines across are right to left). A sum of Zipf
    values."""

    ngram_sizes: tuple[int, ...] = (2, 3)
    """A reading's score sums the Zipf values of its runs of this many
    characters (pairs and triples) that are Chinese words. Characters."""

    lean_votes: int = 3
    """A page leans right to left when at least this many of its short lines
    across read clearly better backwards (by ``margin``)... A count. Set by
    hand: ECPO's four folds have 9-22 each; a page of one masthead row
    decides nothing for the rest."""

    lean_share: float = 2 / 3
    """... and they are at least this share of the lines that read clearly
    one way or the other. Then a line whose words cannot tell (the two
    readings within ``margin``: a name, a play's title, "林樹森", "三探惡虎村")
    is read the way the page leans, right to left. ECPO 1940 p1: 22 of 29
    (the 7 the other way include names misjudged); the four folds' pages
    0.78-1.0. Set by hand."""


RIGHT_TO_LEFT = RightToLeftParams()


@dataclass(frozen=True)
class BodyColumnParams:
    """Which vertical "headline" is body text (``articles.body_columns``)."""

    min_chars: int = 8
    """A headline read as a sentence holds at least this many characters
    (ideographs, marks not counted): a title at body size with a comma in it
    ("菊影，梅影", ECPO 1919-04-12) is shorter. A count; set by hand on the
    columns of ECPO's folds and 馬祖日報 typed headline (8 to 20 characters).
    Lines of the page's vertical text this long give its median pitch."""

    pitch: float = 1.15
    """× the median pitch (length over characters) of the page's vertical
    text: a headline's lines all set this close are body type. 馬祖日報's
    story tail typed headline stands at 1.02; a deck a size up (1.25 times
    the body) is over it. Set by hand."""


BODY_COLUMNS = BodyColumnParams()
