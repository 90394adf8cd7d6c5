"""Jump lines (``articles.jumps``, ``articles.issue_jumps``): which story a
jump line set apart goes with, and which article on the other page continues
a story. The numerals and patterns a jump line is read with are data, in
``articles.jump_lines``.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class JumpPlacementParams:
    """Which block a jump line set as a block of its own goes with
    (``jumps._next_in_column``): the one right above it in its column, or
    right below it (with ``NEIGHBOURS.overlap`` and ``.same_column``)."""

    max_gap: float = 3
    """That block is at most this many body lines away. × body. Commit cbe462d
    (tests: a jump line under a byline, an article of nothing but a jump
    line)."""


JUMP_PLACEMENT = JumpPlacementParams()


@dataclass(frozen=True)
class JumpLinkParams:
    """Which article on page N continues a story that jumps to it
    (``issue_jumps._score``, ``_names``). Commit 45de3d0 (issue 13) for all; set by
    hand, no page named."""

    back_reference: float = 2.0
    """Score of an article whose own jump line sends back to the story's page
    (a headline likeness adds 0-1). Score points."""

    keyword: float = 2.0
    """Score of an article that "See NAME" names (in its jump line, headline or
    first line). Score points."""

    keyword_reach: int = 4
    """NAME is looked for at the start of the article's first paragraph,
    within this many times its own length. × the keyword's length."""


JUMP_LINKS = JumpLinkParams()
