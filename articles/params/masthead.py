"""What is a front page's masthead (``articles.masthead``): the nameplate and
the pieces set round it, over the rule that closes the page's head."""

from dataclasses import dataclass


@dataclass(frozen=True)
class MastheadParams:
    rule_width: float = 0.6
    """The closing rule runs across at least this share of the width the
    page's text spans. A share of that width. NZZ front pages 1890-1943 (not
    in the shared set): 0.95-1.0."""

    rule_aspect: float = 8.0
    """... and is at least this many times as wide as tall (a rule, not a
    cut: the NZZ's thick and thin rule pair is one separator 110 pixels tall
    on a 3,400-pixel-wide page, 31 times as wide)."""

    depth: float = 2.0
    """... and lies no further below the nameplate's foot than this many
    times the nameplate's height (the ears under the NZZ's nameplate reach
    1.05-1.4 of it). × the nameplate's height."""

    max_lines: int = 12
    """No piece of a masthead holds more lines than this (the NZZ's rates
    boxes hold up to eight): a region over the rule with more is a story's
    column, and the page has no masthead to read as one."""


MASTHEAD = MastheadParams()
