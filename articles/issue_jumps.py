"""The two parts of a jumped article linked within an issue (``link_issue_jumps``).

Each "continued on page N" is paired with the "continued from" article on
page N (``Article.continues_on`` / ``continued_from``); a label is looked for
among the issue's folios first (``articles.jump_lines.folio_label``), then
taken as the page's place in the issue. A jump whose other half is not found
is kept and flagged ``jump_unmatched`` on its page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from newsprint.articles.jump_lines import folio_label
from newsprint.articles.params.flags import FLAGS
from newsprint.articles.params.jumps import JUMP_LINKS
from newsprint.core.page import (
    Article,
    ArticleLink,
    Flag,
    FlagCode,
    Jump,
    JumpDirection,
    NewspaperPage,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Half:
    page: int
    """Index of the page in the issue, from 0."""
    article: Article
    jump: Jump


def link_issue_jumps(pages: list[NewspaperPage]) -> list[NewspaperPage]:
    """An issue's pages (in page order) with the parts of each jumped article linked.

    Each jump that continues on page N ("转第二版", "See FIRE, Page A6") is paired
    with an article on page N continued from this page ("接第一版", "From Page A1"),
    or, for "See NAME", with an article on page N whose headline or first line holds
    NAME; among several, the one whose headline is most like this article's. Page N
    is the page whose folio reads N, else the N-th page. The pair get
    ``continues_on`` / ``continued_from`` (``ArticleLink``: page from 1, article id,
    folio). A jump left without its other half is flagged ``jump_unmatched`` on its
    page with its article. Links and ``jump_unmatched`` flags already on the pages
    are replaced, so linking again gives the same pages. The input is not changed.
    """
    pages = [_unlinked(page) for page in pages]
    labels = [folio_label(page) for page in pages]
    ends = [
        _Half(i, article, jump)
        for i, page in enumerate(pages)
        for article in page.articles
        for jump in article.jumps
        if jump.direction == JumpDirection.ON
    ]
    links: dict[tuple[int, str], tuple[int, str]] = {}
    taken: set[tuple[int, str]] = set()
    for end in ends:
        if (end.page, end.article.id) in links:
            continue
        found = _continuation(end, pages, labels, taken)
        if found is None:
            continue
        links[(end.page, end.article.id)] = found
        taken.add(found)
    return _with_links(pages, labels, links)


def _unlinked(page: NewspaperPage) -> NewspaperPage:
    articles = [
        a.model_copy(update={"continues_on": None, "continued_from": None}) for a in page.articles
    ]
    flags = [f for f in page.flags if f.code != FlagCode.JUMP_UNMATCHED]
    return page.model_copy(update={"articles": articles, "flags": flags})


def _pages_for(label: str, labels: list[str | None], count: int) -> list[int]:
    """Indices of the pages a jump's page label names: the pages whose folio reads it
    ("A6"; "6" for a jump that gives no section letter, or a folio read without one),
    else the page in that place of the issue when its folio was not read."""
    named = [i for i, own in enumerate(labels) if own == label]
    if named:
        return named
    number = _number(label)
    named = [
        i
        for i, own in enumerate(labels)
        if own is not None and _number(own) == number and (own.isdigit() or label.isdigit())
    ]
    if named:
        return named
    if 1 <= number <= count and labels[number - 1] is None:
        return [number - 1]
    return []


def _number(label: str) -> int:
    return int(label.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") or 0)


def _continuation(
    end: _Half, pages: list[NewspaperPage], labels: list[str | None], taken: set[tuple[int, str]]
) -> tuple[int, str] | None:
    best: tuple[float, int, str] | None = None
    for j in _pages_for(end.jump.page_label, labels, len(pages)):
        if j == end.page:
            continue
        for article in pages[j].articles:
            if (j, article.id) in taken:
                continue
            score = _score(end, j, article, labels, len(pages))
            if score is not None and (best is None or score > best[0]):
                best = (score, j, article.id)
    return (best[1], best[2]) if best else None


def _score(
    end: _Half, j: int, article: Article, labels: list[str | None], count: int
) -> float | None:
    """How well ``article`` (on page ``j``) fits as the continuation of ``end``; None
    when it cannot be one."""
    starts = [jump for jump in article.jumps if jump.direction == JumpDirection.FROM]
    back = [s for s in starts if end.page in _pages_for(s.page_label, labels, count)]
    keyword = end.jump.keyword
    named = keyword is not None and _names(article, starts, keyword)
    if starts and not back:
        return None  # continued from another page
    if not back and not named:
        return None
    score = (JUMP_LINKS.back_reference if back else 0.0) + (JUMP_LINKS.keyword if named else 0.0)
    return score + _likeness(end.article.headline, article.headline)


def _names(article: Article, starts: list[Jump], keyword: str) -> bool:
    """Whether the continuation is the one "See ``keyword``" sends to: the keyword of
    its own jump line, its headline or its first line."""
    key = _letters(keyword)
    if not key:
        return False
    if any(s.keyword and _letters(s.keyword) == key for s in starts):
        return True
    reach = JUMP_LINKS.keyword_reach * len(keyword)
    first = article.paragraphs[0][:reach] if article.paragraphs else ""
    return key in _letters(article.headline or "") or _letters(first).startswith(key)


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _likeness(a: str | None, b: str | None) -> float:
    """Share of the shorter headline's characters found in the other (0..1)."""
    x, y = _letters(a or ""), _letters(b or "")
    if not x or not y:
        return 0.0
    short, long = sorted((x, y), key=len)
    return sum(ch in long for ch in short) / len(short)


def _with_links(
    pages: list[NewspaperPage],
    labels: list[str | None],
    links: dict[tuple[int, str], tuple[int, str]],
) -> list[NewspaperPage]:
    back = {to: start for start, to in links.items()}

    def link(place: tuple[int, str]) -> ArticleLink:
        return ArticleLink(page=place[0] + 1, article_id=place[1], folio=labels[place[0]])

    out = []
    for i, page in enumerate(pages):
        articles = [
            a.model_copy(
                update={
                    "continues_on": link(links[(i, a.id)]) if (i, a.id) in links else None,
                    "continued_from": link(back[(i, a.id)]) if (i, a.id) in back else None,
                }
            )
            for a in page.articles
        ]
        page = page.model_copy(update={"articles": articles})
        for article in articles:
            for jump in article.jumps:
                linked = (
                    article.continues_on
                    if jump.direction == JumpDirection.ON
                    else article.continued_from
                )
                if linked is None:
                    _flag_unmatched(page, article, jump)
        out.append(page)
    return out


def _flag_unmatched(page: NewspaperPage, article: Article, jump: Jump) -> None:
    where = "continued on" if jump.direction == JumpDirection.ON else "continued from"
    message = (
        f"article {article.id}: jump line {jump.text!r} ({where} page {jump.page_label}): "
        "its other half was not found in the issue"
    )
    log.info("%s: %s", page.source, message)
    flag = Flag(
        code=FlagCode.JUMP_UNMATCHED,
        message=message,
        severity=FLAGS.jump_unmatched,
        article_id=article.id,
    )
    page.flags = [*page.flags, flag]
