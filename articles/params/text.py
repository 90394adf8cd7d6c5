"""The text of the articles (``articles.paragraphs``, ``articles.text``): where a
paragraph starts and ends, which line-end hyphens go, and how little text
is no story.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ParagraphParams:
    """Where a paragraph ends (``paragraphs.paragraphs_of``, ``_edges``,
    ``_char_width``, ``_ends_paragraph``). The indent that starts one is a
    user setting (``Settings.articles.indent_chars``)."""

    left_edge_percentile: int = 25
    """A line's left edge, that its indent is measured from, is this percentile
    of the left ends of the block's lines round it (``edge_window``; an
    indented first line, a stray mark, do not move it). A percentile (0-100).
    Set by hand with the first article assembly (commit 08f9714)."""

    edge_window: int = 4
    """... over the lines this many either side of the line measured (the
    column's edge drifts down a page scanned curved; a window of nine lines
    holds one or two paragraphs' first lines at most). Lines. Set by hand on
    NCSE's CLD 1853 p2, whose column edge drifts 10 pixels in 46 lines."""

    right_edge_percentile: int = 90
    """A block's right edge, that short last lines are measured from, is this
    percentile of its lines' right ends. A percentile (0-100). Commit 8ec149d
    (English paragraph ends)."""

    min_char_width: float = 0.3
    """A line's character width (its width over its characters) is at least
    this many body lines (a line read as a few characters is not measured
    as having wide ones). × body. Commit 8ec149d."""

    zh_end_room: float = 1.2
    """A line of Chinese ends its paragraph when it stops short of the block's
    right edge by more than this many characters. × char (a body height).
    Set by hand with the first article assembly (commit 08f9714)."""

    foot_end_room: int = 6
    """At a column's foot, where the next line is unknown, a line of a Latin
    script ends its paragraph when it stops short by more than this many
    characters (elsewhere: when the next line's first word would have
    fitted). × char. Commit 8ec149d."""

    centred_margin: float = 2.0
    """A centred heading stands in from both edges of its block by more than
    this many characters (a line set round a picture on one side may stop
    short on the other by a character or so). × char. Not tuned."""

    centred_slack: float = 1.5
    """A line of Chinese set in from both edges by amounts within this many
    characters of each other is centred: a heading in the block, its own
    paragraph, though it ends no sentence. × char. Not tuned: lines set
    round a picture are in from one edge far more than the other."""

    set_round_lines: int = 2
    """A block of Chinese with this many lines or more (its last apart)
    stopping short in mid-sentence is set round something (a picture): its
    paragraphs start only after a sentence's end, a heading or a
    paragraph's indent. Elsewhere a heading in body type over an indented
    line (东莞日报 2026 A03, "七百八十六个日夜的坚守") parts as before."""

    indent_span: tuple[float, float] = (1.5, 2.5)
    """In a block of Chinese set round something, a line set in by this
    many characters (from, to) after a short line is a paragraph's first
    line though the line before ends no sentence (its stop not read), where
    the lines before and after it stand at the edge. × char. Chinese sets a
    paragraph in by two characters."""

    edge_slack: float = 0.5
    """... within this many characters of the edge. × char."""

    heading_size: float = 1.3
    """... and so is one in type this many times as tall as the block's
    other lines (their median box; the page's body line where the block has
    fewer than two others) or more, wherever it stands, ending no sentence:
    信報 of 2024, A13, "輪候時間超指引目標", 60 px in a block of 42-px
    lines, set off centre beside a portrait. The boxes of a page's lines
    differ by up to a quarter (联合早报 2025 p2: "作。" 1.29 times its
    block's), so no smaller ratio tells type. Not tuned."""


PARAGRAPHS = ParagraphParams()


@dataclass(frozen=True)
class HyphenParams:
    """Whether a line-end hyphen only breaks a word (``text.soft_hyphen``)."""

    word_zipf: float = 2.5
    """The joined form is a word when at least this common. Zipf (wordfreq:
    3 is once per million words). Commit 517be72 (issue 16; well-known,
    post-1949, Kai-shek, Hong Kong-based)."""

    hyphenated_more_common: float = 1.0
    """Where the dictionary lists neither form: the hyphen stays when the
    hyphenated form (wordfreq: the phrase of its parts) is at least this much
    more common than the joined one. Zipf. Commit 517be72."""

    prefixes: tuple[str, ...] = (
        "anti", "co", "counter", "ex", "mid", "multi", "neo", "non", "post",
        "pre", "pro", "quasi", "semi", "self", "ultra", "vice",
    )  # fmt: skip
    """Prefixes that English often sets with a hyphen: with one of them first,
    a hyphen stays even where the dictionary lists the joined form, if the
    parts as a phrase are far more common (``listed_phrase_more_common``).
    Any other first part joins ("there-/of", "where-/by", "on-/to", "can-/did":
    common words as a phrase, and wordfreq rates a phrase by its rarer part)."""

    listed_phrase_more_common: float = 2.0
    """Where the dictionary lists the joined form only and the first part is
    one of ``prefixes``: the hyphen still stays when the phrase of the parts
    is at least this much more common ("anti-war" 2.3, "pre-war" 2.2 stay;
    "non-profit" 0.7, "co-operation" 0.4 join). Zipf."""

    both_listed_zipf: float = 4.0
    """Where the dictionary lists both forms: joined when the joined form is
    at least this common today ("today" 5.6, "weekend"; "bylaw" stays
    "by-law"). Zipf."""


HYPHENS = HyphenParams()


@dataclass(frozen=True)
class StoryParams:
    """How little text is no story (``assembly._substantial``): a stray mark (a
    bar beside a photo, a speck) reads as a character or two."""

    min_headline_letters: int = 3
    """A story's headline has at least this many letters or digits. Letters.
    Commit f91d216 (a stray mark read as a one-letter headline)."""

    min_text_letters: int = 4
    """... or its paragraphs (or, apart, its tables' cells) at least this many.
    Letters. Commits 43026bf (a bar or speck read as '1') and 9b1c27d
    (tables)."""


STORIES = StoryParams()


@dataclass(frozen=True)
class SmallCapsParams:
    """A heading set in small capitals, read in mixed case
    (``articles.text.small_caps_as_capitals``): the recogniser reads a small
    capital as the lower-case letter of its shape ("HIGH SCHoOL TeAm
    HeaDs", synthetic en-old-1003), a case change inside a word that an
    ordinary heading has only in a name ("McDonald", "iPhone", "PayPal"),
    and then among letters mostly lower-case."""

    min_upper_share: float = 0.6
    """A heading with a word changing from lower to upper case inside it is
    small capitals when at least this share of its letters are capitals
    (en-old-1003's 0.77; "McDonald Meets McCarthy" 0.24)."""


SMALL_CAPS = SmallCapsParams()


@dataclass(frozen=True)
class DropCapitalParams:
    """What a drop capital is (``articles.drop_capitals``): a story's first
    letter set two or three lines tall at the head of its first column. All
    are × the median box height of the block's other lines; set by hand from
    The Park Record of 1935, p2 (Chronicling America), whose stories open
    with drop capitals boxed 1.2-1.5 lines tall."""

    min_height: float = 1.15
    """A drop capital's box is at least this tall: detected boxes are padded,
    so a letter two lines tall boxes at about 1.2-1.5 lines."""

    max_height: float = 4.0
    """... and at most this tall (a bracket or a rule's fragment read "I"
    runs on down the column)."""

    min_width: float = 0.4
    """... and at least this wide (a padded box round a capital I is)."""

    top_slack: float = 0.5
    """Its top stands within this of the first line's top."""

    below_first: float = 0.25
    """It reaches down at least this far past the first line's foot."""

    edge_slack: float = 0.5
    """It stands at the block's left edge, and the first line starts at its
    right (their padded boxes may overlap by this much)."""

    word_space: float = 0.5
    """A first line starting at least this far right of the capital's box
    starts a word of its own ("A LONG the line"); nearer, the capital is the
    first word's letter ("A" + "CCORDING")."""

    beside_first: float = 1.6
    """A block's first line at least this tall, the drop capital in its box
    ("A LONG the line of providing help", boxed 1.7 lines tall), stands
    beside the lines whose middles lie within its rows: their indent clears
    the capital and starts no paragraph (``articles.paragraphs``). A drop
    capital read as a line of its own and joined to the first line
    (``TextLine.drop_capital``) is measured by its own box instead."""


DROP_CAPITALS = DropCapitalParams()
