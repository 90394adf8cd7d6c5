"""``articles.txt``: each article's headline, paragraphs, captions and byline as plain text;
a table in its place among the paragraphs, one row a line, cells parted by tabs; a jumped
article says where it comes from (under its headline) and where it goes on (last)."""

from __future__ import annotations

from pathlib import Path

from newsprint.core.page import Article, ArticleKind, ArticleTable, JumpDirection, NewspaperPage
from newsprint.exports.atomic import atomic_write_text

ARTICLES_TXT = "articles.txt"
BLOCK_SEPARATOR = "\n\n"
"""One blank line between a headline, paragraphs, captions and the byline."""
ARTICLE_SEPARATOR = "\n\n\n"
"""Two blank lines between articles."""


def render_articles_text(articles: list[Article]) -> str:
    """The text of ``articles.txt``: clean blocks, no trailing spaces, one final newline.

    Per article: headline (an advertisement's item starts with ``[Advertisement]``
    instead), then each body paragraph (and each table where it stands
    among them: a row a line, its cells parted by tabs), each caption, the byline,
    with one blank line after each; articles are separated by two blank lines. Empty
    pieces are left out; an article with no text at all is skipped. Returns ``""``
    when there is no text.
    """
    rendered = [text for text in (_article_text(article) for article in articles) if text]
    return ARTICLE_SEPARATOR.join(rendered) + "\n" if rendered else ""


def write_articles_text(page: NewspaperPage, folder: Path) -> Path:
    """Write ``folder/articles.txt`` atomically and return its path."""
    return atomic_write_text(Path(folder) / ARTICLES_TXT, render_articles_text(page.articles))


ADVERTISEMENT_LABEL = "[Advertisement]"
"""The first line of an advertisement's item, which has no headline of its own."""


def _article_text(article: Article) -> str:
    label = ADVERTISEMENT_LABEL if article.kind == ArticleKind.ADVERTISEMENT else ""
    blocks = [label, _clean_block(article.headline or ""), _jump_block(article, JumpDirection.FROM)]
    for n in range(len(article.paragraphs) + 1):
        blocks += [_table_block(t) for t in article.tables if t.after == n]
        if n < len(article.paragraphs):
            blocks.append(_clean_block(article.paragraphs[n]))
    # A table said to stand after more paragraphs than there are goes last.
    blocks += [_table_block(t) for t in article.tables if t.after > len(article.paragraphs)]
    blocks += [_clean_block(piece) for piece in [*article.captions, article.byline] if piece]
    blocks.append(_jump_block(article, JumpDirection.ON))
    return BLOCK_SEPARATOR.join(block for block in blocks if block)


def _jump_block(article: Article, direction: JumpDirection) -> str:
    """Where a jumped article goes on ("→ continues on page 2, article a3") or comes
    from ("← continued from page 1, article a2"): the link found in the issue (page
    from 1 in the issue, its folio in brackets where it reads otherwise), else the page
    its jump line names ("→ continues on page 2 (as printed; not linked)"); "" for an
    article that does not jump."""
    on = direction == JumpDirection.ON
    arrow, words = ("→", "continues on") if on else ("←", "continued from")
    link = article.continues_on if on else article.continued_from
    if link is not None:
        folio = f" ({link.folio})" if link.folio and link.folio != str(link.page) else ""
        return f"{arrow} {words} page {link.page}{folio}, article {link.article_id}"
    jump = next((j for j in article.jumps if j.direction == direction), None)
    return f"{arrow} {words} page {jump.page_label} (as printed; not linked)" if jump else ""


def _table_block(table: ArticleTable) -> str:
    """A table's rows, cells parted by tabs (an empty cell keeps its place)."""
    rows = [[" ".join(cell.split()) for cell in row] for row in table.rows]
    return "\n".join("\t".join(row) for row in rows if any(row))


def _clean_block(text: str) -> str:
    """Strip every line, drop empty ones: a block never holds a blank line."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
