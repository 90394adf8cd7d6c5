"""How much the article stage's flags weigh (``Flag.severity``, 0-1: how
likely the page needs a person to look at it)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class FlagParams:
    """The severity of each flag the article stage raises."""

    no_articles: float = 0.9
    """No article was found on the page (``assembly.assemble``). Set by hand
    with the first article assembly (commit 08f9714)."""

    jump_unmatched: float = 0.4
    """A jump line's other half was not found in the issue
    (``issue_jumps.link_issue_jumps``). Set by hand (commit 45de3d0, issue 13)."""


FLAGS = FlagParams()
