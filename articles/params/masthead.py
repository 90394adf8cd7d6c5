"""What is a front page's masthead (``articles.masthead``): the nameplate and
the pieces set round it, over the rule that closes the page's head."""

from dataclasses import dataclass


@dataclass(frozen=True)
class MastheadParams:
    rule_width: float = 0.6
    """The closing rule runs across at least this share of the width the
    page's text spans. A share of that width. NZZ front pages 1890-1943 (not
    in the shared set): 0.95-1.0."""

    piece_width: float = 0.3
    """Where layout found the rule in pieces along one row, which together
    run across ``rule_width``, the longest runs across at least this share
    (NZZ 1881: 0.89, 1907: 0.58): short rules closing a row of columns'
    stories at one height are no closing rule. A share of that width."""

    piece_gap: float = 0.5
    """... pieces end to end along one row, no further apart than this, being
    one rule (NZZ 1881's four pieces touch or overlap); rules closing
    stories in columns side by side stand a gutter apart. × body."""

    rule_aspect: float = 8.0
    """... and is at least this many times as wide as tall (a rule, not a
    cut: the NZZ's thick and thin rule pair is one separator 110 pixels tall
    on a 3,400-pixel-wide page, 31 times as wide)."""

    depth: float = 2.0
    """... and lies no further below the nameplate's foot than this many
    times the nameplate's height (the ears under the NZZ's nameplate reach
    1.05-1.4 of it). × the nameplate's height."""

    plate_width: float = 0.6
    """The nameplate runs across at least this share of the rule's length: a
    narrower name may stand beside a story over the same rule (a modern
    tabloid's lead teaser by its flag), and no masthead is taken. The NZZ's
    runs across 0.95-1.0 of it."""

    above: float = 1.0
    """Pieces standing higher than this many nameplate heights over its top
    (teasers over a modern flag) are not the masthead's: they are left to
    the stories. × the nameplate's height."""

    on_rule: float = 0.5
    """Every piece of the masthead stands over the rule's length by at least
    this share of its width; a piece off it makes the page's head no
    masthead. A share of the piece's width."""

    slack: float = 0.25
    """Pieces overlapping by up to this many body lines count as parted by
    white when the masthead is cut into bands and columns (a detector's box
    stands a few pixels off its ink). × body."""

    max_lines: int = 12
    """A region over the rule with more lines than this (the NZZ's rates
    boxes hold up to eight rows) ... A count of lines."""

    max_depth: float = 12.0
    """... and deeper than this (those rates boxes, small type, 5-7) is a
    story's column, and the page has no masthead to read as one. Both: a
    rates box read cell by cell holds 18-20 lines in its eight rows (NZZ
    1895, 1898, 1908), and an ear beside the name may run deep with few
    lines. × body."""

    dateline_gap: float = 4.0
    """Two long rules under the nameplate at most this far apart, rule to
    rule, with one row of short pieces between, rule off a dateline, which
    is the masthead's (``masthead._under_the_dateline``): Port Gibson
    Reveille 1921, 3.4. × body."""

    dateline_height: float = 2.5
    """... each piece at most this tall (one line of type; the Reveille's
    are 1.5). × body."""

    head_table_reach: float = 2.0
    """A table level with the running head's pieces is one of them when it
    ends within this of the lowest of those pieces
    (``masthead.tables_in_the_head``): the NZZ 1933's rates end 0.5 body
    lines above its ears' feet; a table running on down the page beside a
    head is a story's. × body."""


MASTHEAD = MastheadParams()


@dataclass(frozen=True)
class DatelineParams:
    """What is a page's dateline (``articles.datelines``): the row at its head
    that gives its volume, place and date."""

    top_share: float = 0.15
    """The row's dated line starts in this top share of the height the
    page's lines span (as ``layout``'s running heads keep to the top 0.15 of
    the printed area). The Murray Pioneer 1922 (not in the shared set):
    0.12. A share of that height."""

    max_size: float = 3.0
    """The dated line and the lines of its row are at most this many body
    lines tall, as their boxes measure (the detector's, which reach above
    and below the ink): a dateline is set in small type or small capitals
    (the Murray Pioneer's capitals: boxes 2.1-2.6 body lines tall, ink
    1.6), a headline naming a date in display type is a story's, and a
    nameplate level with the date (頭條日報 2023's) is not of its row. ×
    body."""

    min_span: float = 0.5
    """The row runs across at least this share of the width the page's lines
    span (the Murray Pioneer's: 0.97) ... A share of that width. Not
    tuned."""

    title_size: float = 4.0
    """... or stands level with a line this many body lines tall or more,
    the nameplate (頭條日報 2023's, 9 body lines, beside its date), or with
    a region typed nameplate: a dated kicker over a story's headline does
    neither. × body. As ``layout``'s nameplate (``NAMEPLATE.min_size``)."""

    column_lines: int = 3
    """The row stands above every block of text of this many lines or more
    (a column's text; a headline's decks do not count): a one-line date
    over the columns is the page's, a dated line at the head of a story's
    column is the story's. A count of lines."""

    heads_within: float = 3.0
    """... and no region of the row has such a block starting within this
    many body lines under it (a story's headline that names a date stands
    over its own text; the Murray Pioneer's dateline stands 10 body lines
    over the first column's text, the stories' headlines between). ×
    body. Not tuned."""


DATELINE = DatelineParams()
