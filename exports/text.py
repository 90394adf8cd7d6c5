"""``articles.txt``: each article's headline, paragraphs, captions and byline as plain text."""

from __future__ import annotations

from pathlib import Path

from newsprint.core.page import Article, NewspaperPage
from newsprint.exports.atomic import atomic_write_text

ARTICLES_TXT = "articles.txt"
BLOCK_SEPARATOR = "\n\n"
"""One blank line between a headline, paragraphs, captions and the byline."""
ARTICLE_SEPARATOR = "\n\n\n"
"""Two blank lines between articles."""


def render_articles_text(articles: list[Article]) -> str:
    """The text of ``articles.txt``: clean blocks, no trailing spaces, one final newline.

    Per article: headline, then each body paragraph, each caption, the byline, with
    one blank line after each; articles are separated by two blank lines. Empty
    pieces are left out; an article with no text at all is skipped. Returns ``""``
    when there is no text.
    """
    rendered = [text for text in (_article_text(article) for article in articles) if text]
    return ARTICLE_SEPARATOR.join(rendered) + "\n" if rendered else ""


def write_articles_text(page: NewspaperPage, folder: Path) -> Path:
    """Write ``folder/articles.txt`` atomically and return its path."""
    return atomic_write_text(Path(folder) / ARTICLES_TXT, render_articles_text(page.articles))


def _article_text(article: Article) -> str:
    pieces = [article.headline, *article.paragraphs, *article.captions, article.byline]
    blocks = [_clean_block(piece) for piece in pieces if piece]
    return BLOCK_SEPARATOR.join(block for block in blocks if block)


def _clean_block(text: str) -> str:
    """Strip every line, drop empty ones: a block never holds a blank line."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
