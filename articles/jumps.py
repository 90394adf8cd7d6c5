"""Jump lines, and the two parts of a jumped article linked within an issue.

A story that does not fit its page ends in a jump line ("（下转第二版）",
"Continued on Page 4", "See FIRE, Page A6") and goes on under a jump line on
the other page ("（上接第一版）", "Continued from Page 1", "From Page A1").

- :func:`find_jumps` (page -> page, after article assembly) finds the jump
  lines of each article, gives each a region of its own typed ``jump`` (a line
  cut in two where the jump stands in brackets at its start or end), keeps
  their text out of the article's paragraphs and records them in
  ``Article.jumps``.
- :func:`link_issue_jumps` (an issue's pages in page order -> new pages) pairs
  each "continued on page N" with the "continued from" article on page N
  (``Article.continues_on`` / ``continued_from``); a jump whose other half is
  not found is kept and flagged ``jump_unmatched`` on its page.

Page numbers in a jump line are normalised to page labels: Chinese and
full-width numerals to Arabic ("第二版" -> "2"), a section letter kept and
leading zeros dropped ("A06" -> "A6"). A label is looked for among the
issue's folios first, then taken as the page's place in the issue.
"""

from __future__ import annotations

import itertools
import logging
import re
import unicodedata
from dataclasses import dataclass

from newsprint.articles.params.flags import FLAGS
from newsprint.articles.params.jumps import JUMP_LINKS, JUMP_PLACEMENT
from newsprint.articles.params.neighbours import NEIGHBOURS
from newsprint.articles.punctuation import span_as_read
from newsprint.articles.roles import folio_text
from newsprint.articles.text import join_lines
from newsprint.core.page import (
    Article,
    ArticleLink,
    Flag,
    FlagCode,
    Jump,
    JumpDirection,
    NewspaperPage,
    Region,
    RegionType,
    TextLine,
)
from newsprint.core.script import CJK_CHAR

log = logging.getLogger(__name__)

_SEARCHED = (RegionType.TEXT, RegionType.BYLINE)
"""Region types a jump line is looked for in (a jump line is set in body type)."""

# --- the jump line patterns -----------------------------------------------------------

_ZH_NUMBER = r"[0-9０-９〇零一二两三四五六七八九十百]+"
_ZH_PAGE = rf"(?:第\s*)?(?P<page>[A-Za-zＡ-Ｚａ-ｚ]?\s*{_ZH_NUMBER})\s*[版页頁]"
_EN_NUMBER_WORDS = (
    *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)
_EN_NUMBER = "|".join(_EN_NUMBER_WORDS)
_EN_PAGE = rf"(?:page|pg\.?|p\.)\s*(?P<page>[A-Z]?\s?-?\s?\d{{1,3}}|{_EN_NUMBER})"
_SECTION_PAGE = r"(?P<page>[A-Z]\s?-?\s?\d{1,3})"
"""A page named without "Page": a section letter and a number ("A6", "B-2")."""
_WORD = r"(?!(?:page|pg|on|from|continued|cont'?d)\b)[^\W\d_][\w'’&.-]*"
_KEYWORD = rf"(?P<keyword>{_WORD}(?:\s+{_WORD}){{0,3}})"
"""The NAME of "See NAME, Page X": up to four words, none of them a jump word."""
_CONTINUED = r"(?:continued|cont'?d\.?)"
_SEE = rf"(?:please\s+)?see\s+{_KEYWORD}\s*(?:,|;|:|/|\||on|—|–|-)?\s*"
_NAMED = rf"(?:{_KEYWORD}\s*(?:,|;|:|/|\||—|–|-)?\s*)?"
"""A continuation's keyword before "from" ("FIRE, from Page A1"), if any."""
_CORES: tuple[tuple[JumpDirection, str], ...] = (
    (JumpDirection.ON, rf"(?:下\s*)?[转轉]\s*{_ZH_PAGE}"),
    (JumpDirection.FROM, rf"(?:上\s*)?[接续續]\s*{_ZH_PAGE}"),
    (JumpDirection.ON, rf"{_CONTINUED}\s+on\s+{_EN_PAGE}"),
    (JumpDirection.ON, rf"{_CONTINUED}\s+on\s+{_SECTION_PAGE}"),
    (JumpDirection.ON, rf"turn\s+to\s+{_EN_PAGE}"),
    (JumpDirection.ON, rf"{_SEE}{_EN_PAGE}"),
    (JumpDirection.ON, rf"{_SEE}{_SECTION_PAGE}"),
    (JumpDirection.FROM, rf"{_NAMED}{_CONTINUED}\s+from\s+{_EN_PAGE}"),
    (JumpDirection.FROM, rf"{_NAMED}{_CONTINUED}\s+from\s+{_SECTION_PAGE}"),
    (JumpDirection.FROM, rf"{_NAMED}from\s+{_EN_PAGE}"),
)
"""Each jump's words, without brackets: Chinese, then English."""
_OPEN = r"[（(【〔［\[<《〈]"
_CLOSE = r"[）)】〕］\]>》〉]"


def _compiled(core: str, place: str) -> re.Pattern[str]:
    """``whole``: the line is the jump (brackets optional); ``end``/``start``: a jump in
    brackets ends or starts a line of text."""
    if place == "whole":
        body = rf"^\s*{_OPEN}?\s*(?:{core})\s*[.。]?\s*{_CLOSE}?\s*[.。]?\s*$"
    elif place == "end":
        body = rf"{_OPEN}\s*(?:{core})\s*{_CLOSE}\s*[.。]?\s*$"
    else:
        body = rf"^\s*{_OPEN}\s*(?:{core})\s*{_CLOSE}"
    return re.compile(body, re.IGNORECASE)


_PATTERNS: dict[str, list[tuple[JumpDirection, re.Pattern[str]]]] = {
    place: [(direction, _compiled(core, place)) for direction, core in _CORES]
    for place in ("whole", "end", "start")
}


@dataclass(frozen=True)
class JumpMatch:
    """A jump found in a line of text: where it stands in the line, and what it says."""

    direction: JumpDirection
    page_label: str
    keyword: str | None
    start: int
    """Index of the jump's first character in the line (0 for a whole-line jump)."""
    end: int
    """Index after its last character (the line's length for a whole-line jump)."""

    def whole(self, text: str) -> bool:
        return not text[: self.start].strip() and not text[self.end :].strip()


def match_jump(text: str) -> JumpMatch | None:
    """The jump in one line of text, or None.

    A line that is a jump ("（下转第二版）", "Continued on Page A6", "See FIRE, Page 2",
    "From Page 1") matches whole; a jump in brackets matches at the end of a line of
    text ("……工作。（下转第二版）") or at its start ("（上接第一版）本报讯……"). A jump
    word inside a sentence never matches.
    """
    text = unicodedata.normalize("NFC", text)
    for place in ("whole", "end", "start"):
        for direction, pattern in _PATTERNS[place]:
            found = pattern.search(text)
            if found is None:
                continue
            label = page_label(found.group("page"))
            if label is None:
                continue
            keyword = found.groupdict().get("keyword")
            start, end = (0, len(text)) if place == "whole" else found.span()
            return JumpMatch(direction, label, _clean_keyword(keyword), start, end)
    return None


def _clean_keyword(keyword: str | None) -> str | None:
    if not keyword:
        return None
    keyword = keyword.strip(" ,.;:-—–")
    return keyword if keyword.lower() not in {"continued", "cont'd", "contd"} else None


# --- page labels ----------------------------------------------------------------------

_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_ZH_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_LABEL = re.compile(r"^([A-Z]?)-?(\d+)$")
_FOLIO_LABEL = re.compile(
    r"(?:第\s*([A-Z]?[0-9〇零一二两三四五六七八九十百]+)\s*[版页頁])"
    r"|(?:PAGE\s+([A-Z]?-?\d{1,4}|[A-Z]+))"
    r"|^\s*([A-Z]?-?\d{1,4})\b"
)


def page_label(text: str) -> str | None:
    """A printed page number normalised: "第二版" -> "2", "A06" -> "A6", "two" -> "2".

    Returns None when ``text`` is no page number.
    """
    text = unicodedata.normalize("NFKC", text).strip().upper()
    text = text.replace(" ", "").replace("-", "")
    text = text.removeprefix("第").removesuffix("版").removesuffix("页").removesuffix("頁")
    if text.lower() in _EN_NUMBER_WORDS:
        return str(_EN_NUMBER_WORDS.index(text.lower()) + 1)
    letter, digits = (
        (text[:1], text[1:]) if text[:1].isalpha() and text[:1].isascii() else ("", text)
    )
    number = _zh_number(digits) if digits and not digits.isdigit() else digits
    if number is None or not str(number).isdigit():
        return None
    found = _LABEL.match(f"{letter}{int(number)}")
    return found.group(1) + found.group(2) if found else None


def _zh_number(text: str) -> int | None:
    """A Chinese numeral up to 999 ("二十三", "十二", "一〇五"), or None."""
    if any(ch not in _ZH_DIGITS and ch not in "十百" for ch in text):
        return None
    if "十" not in text and "百" not in text:
        return int("".join(str(_ZH_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * (10 if ch == "十" else 100)
            digit = None
    return total + (digit or 0)


def folio_label(page: NewspaperPage) -> str | None:
    """The page's printed page number as a label ("A6", "2"), from its folio, or None."""
    for region in page.regions:
        if region.type != RegionType.FOLIO or not region.lines:
            continue
        text = folio_text(unicodedata.normalize("NFKC", region.text)).upper()
        found = _FOLIO_LABEL.search(text)
        if found:
            label = page_label(next(g for g in found.groups() if g))
            if label is not None:
                return label
    return None


# --- finding jump lines on a page -----------------------------------------------------


def find_jumps(page: NewspaperPage) -> NewspaperPage:
    """Jump lines of each article as regions of their own (type ``jump``), out of the
    article's paragraphs and in ``Article.jumps``; returns a new page.

    Looks at every line of the articles' text and byline regions. A line that is a
    jump becomes (part of) a jump region; a jump in brackets at the start or end of a
    line of text is cut off it (the line's box shared by characters). An article left
    with nothing but jump lines (a jump line layout set apart) gives them to the
    article before it ("continued on") or after it ("continued from").
    """
    known = {r.id: r for r in page.regions}
    replaced: dict[str, list[Region]] = {}
    articles: list[Article] = []
    for article in page.articles:
        jumps: list[Jump] = []
        region_ids: list[str] = []
        for rid in article.region_ids:
            region = known.get(rid)
            parts = _split_region(region) if region and region.type in _SEARCHED else None
            if parts is None:
                region_ids.append(rid)
                continue
            replaced[rid] = [part for part, _ in parts]
            region_ids += [part.id for part, _ in parts]
            jumps += [found for _, found in parts if found is not None]
        if jumps:
            article = _without_jump_text(article, jumps, region_ids)
        articles.append(article)
    if not replaced:
        return page
    regions = [part for r in page.regions for part in replaced.get(r.id, [r])]
    body = page.body_px
    articles = _fold_bare_jumps(_rehome_jumps(articles, regions, body))
    for article in articles:
        for jump in article.jumps:
            log.debug(
                "%s: %s jump %r (page %s)", article.id, jump.direction, jump.text, jump.page_label
            )
    order = [rid for a in articles for rid in a.region_ids]
    return page.model_copy(
        update={"regions": regions, "articles": articles, "reading_order": order}
    )


def _split_region(region: Region) -> list[tuple[Region, Jump | None]] | None:
    """The region in runs of lines, each jump line a region of its own with its
    ``Jump``; None when the region holds no jump."""
    runs: list[tuple[list[TextLine], Jump | None]] = []
    found_any = False
    for line in region.lines:
        found = match_jump(line.text)
        if found is None:
            _add_line(runs, line)
            continue
        found_any = True
        before, jump_line, after = _cut_line(line, found)
        if before is not None:
            _add_line(runs, before)
        runs.append(([jump_line], _jump(found, jump_line.text)))
        if after is not None:
            _add_line(runs, after)
    if not found_any:
        return None
    parts: list[tuple[Region, Jump | None]] = []
    texts = jumps = 0
    whole = len(runs) == 1
    for lines, jump in runs:
        if jump is not None:
            jumps += 1
            rid = region.id if whole else f"{region.id}j{jumps}"
            part = _sub_region(region, lines, rid, RegionType.JUMP)
            parts.append((part, jump.model_copy(update={"region_id": rid})))
        else:
            texts += 1
            rid = region.id if texts == 1 else f"{region.id}t{texts}"
            parts.append((_sub_region(region, lines, rid, region.type), None))
    return parts


def _add_line(runs: list[tuple[list[TextLine], Jump | None]], line: TextLine) -> None:
    if runs and runs[-1][1] is None:
        runs[-1][0].append(line)
    else:
        runs.append(([line], None))


def _jump(found: JumpMatch, text: str) -> Jump:
    return Jump(
        region_id="",
        direction=found.direction,
        text=text.strip(),
        page_label=found.page_label,
        keyword=found.keyword,
    )


def _cut_line(
    line: TextLine, found: JumpMatch
) -> tuple[TextLine | None, TextLine, TextLine | None]:
    """The text before the jump, the jump and the text after it, as lines whose boxes
    share the line's box by characters (a wide Chinese character counting two)."""
    text = unicodedata.normalize("NFC", line.text)
    if found.whole(text):
        return None, line, None
    cuts = [0, found.start, found.end, len(text)]
    pieces = [text[a:b] for a, b in itertools.pairwise(cuts)]
    widths = [sum(2 if CJK_CHAR.match(ch) else 1 for ch in piece) for piece in pieces]
    total = max(1, sum(widths))
    lines: list[TextLine | None] = []
    done = 0
    for piece, width in zip(pieces, widths, strict=True):
        share = (done / total, (done + width) / total)
        done += width
        lines.append(_part_line(line, piece.strip(), share) if piece.strip() else None)
    jump_line = lines[1]
    assert jump_line is not None  # the jump has text
    return lines[0], jump_line, lines[2]


def _part_line(line: TextLine, text: str, share: tuple[float, float]) -> TextLine:
    x0, y0, x1, y1 = line.bbox
    left, right = x0 + share[0] * (x1 - x0), x0 + share[1] * (x1 - x0)
    work = line.work_bbox
    if work is not None:
        w0, _, w1, _ = work
        work = (w0 + share[0] * (w1 - w0), work[1], w0 + share[1] * (w1 - w0), work[3])
    box = (int(left), y0, max(int(left) + 1, round(right)), y1)
    polygon = [(box[0], y0), (box[2], y0), (box[2], y1), (box[0], y1)]
    return line.model_copy(
        update={"text": text, "bbox": box, "polygon": polygon, "work_bbox": work}
    )


def _sub_region(region: Region, lines: list[TextLine], rid: str, kind: RegionType) -> Region:
    if kind == region.type and rid == region.id and lines == region.lines:
        return region
    sx0 = min(ln.bbox[0] for ln in lines)
    sy0 = min(ln.bbox[1] for ln in lines)
    sx1 = max(ln.bbox[2] for ln in lines)
    sy1 = max(ln.bbox[3] for ln in lines)
    works = [ln.work_bbox for ln in lines if ln.work_bbox is not None]
    work = region.work_bbox
    if works and len(works) == len(lines):
        work = (
            min(w[0] for w in works),
            min(w[1] for w in works),
            max(w[2] for w in works),
            max(w[3] for w in works),
        )
    return region.model_copy(
        update={
            "id": rid,
            "type": kind,
            "lines": lines,
            "bbox": (sx0, sy0, sx1, sy1),
            "polygon": [(sx0, sy0), (sx1, sy0), (sx1, sy1), (sx0, sy1)],
            "work_bbox": work,
            "work_lines": [],
        }
    )


def _without_jump_text(article: Article, jumps: list[Jump], region_ids: list[str]) -> Article:
    """The article with each jump's text taken out of its paragraphs (a jump that
    continues on is looked for from the end, one continued from from the start)."""
    paragraphs = list(article.paragraphs)
    tables = list(article.tables)
    byline = article.byline
    for jump in jumps:
        # The article's text is joined, its punctuation widened (``join_lines``);
        # the jump's text is the line as read: found with both folded alike.
        if byline and (span := span_as_read(byline, jump.text)) is not None:
            byline = _cut_text(byline, span) or None
            continue
        paragraphs, dropped = _cut_paragraphs(paragraphs, jump.text, jump.direction)
        if dropped is not None:
            tables = [
                t.model_copy(update={"after": t.after - 1}) if t.after > dropped else t
                for t in tables
            ]
    return article.model_copy(
        update={
            "paragraphs": paragraphs,
            "tables": tables,
            "byline": byline,
            "region_ids": region_ids,
            "jumps": [*article.jumps, *jumps],
        }
    )


def _cut_paragraphs(
    paragraphs: list[str], piece: str, direction: JumpDirection
) -> tuple[list[str], int | None]:
    """Paragraphs with a jump's text, ``piece`` (as read), cut out of one of
    them (the last that holds it for a jump on, else the first), and the index
    of the paragraph dropped when nothing else was in it (else None)."""
    order = range(len(paragraphs))
    last = direction == JumpDirection.ON
    for i in reversed(order) if last else order:
        span = span_as_read(paragraphs[i], piece, last)
        if span is not None:
            rest = _cut_text(paragraphs[i], span)
            if rest:
                return [*paragraphs[:i], rest, *paragraphs[i + 1 :]], None
            return [*paragraphs[:i], *paragraphs[i + 1 :]], i
    log.debug("jump %r not found in the article's paragraphs", piece)
    return paragraphs, None


def _cut_text(text: str, span: tuple[int, int]) -> str:
    return join_lines([text[: span[0]], text[span[1] :]])


def _rehome_jumps(articles: list[Article], regions: list[Region], body: float) -> list[Article]:
    """A jump line set as a block of its own goes with the story it ends (the block
    right above it in its column, for "continued on") or heads (the block right
    below it, for "continued from"), whichever article assembly gave it to."""
    known = {r.id: r for r in regions}
    owner = {rid: a.id for a in articles for rid in a.region_ids}
    moves: dict[str, str] = {}
    for article in articles:
        for jump in article.jumps:
            region = known[jump.region_id]
            below = jump.direction == JumpDirection.FROM
            near = _next_in_column(region, regions, owner, body, below)
            if near is not None and owner[near.id] != article.id:
                moves[jump.region_id] = owner[near.id]
    if not moves:
        return articles
    jumps = {j.region_id: j for a in articles for j in a.jumps}
    out = []
    for article in articles:
        kept = [rid for rid in article.region_ids if rid not in moves]
        gained = [rid for rid, host in moves.items() if host == article.id]
        out.append(
            article.model_copy(
                update={
                    "region_ids": kept + gained,
                    "jumps": [j for j in article.jumps if j.region_id not in moves]
                    + [jumps[rid] for rid in gained],
                }
            )
        )
    return [a for a in out if _has_text(a) or a.jumps]


def _next_in_column(
    region: Region, regions: list[Region], owner: dict[str, str], body: float, below: bool
) -> Region | None:
    """The article block nearest above (or below) ``region``, sharing most of its
    width, at most three body lines away (``JUMP_PLACEMENT``)."""
    x0, y0, x1, y1 = region.work_bbox or region.bbox
    best: tuple[float, Region] | None = None
    for other in regions:
        if other.id == region.id or other.id not in owner or other.type == RegionType.JUMP:
            continue
        ox0, oy0, ox1, oy1 = other.work_bbox or other.bbox
        overlap = min(x1, ox1) - max(x0, ox0)
        gap = oy0 - y1 if below else y0 - oy1
        if overlap < NEIGHBOURS.same_column * min(x1 - x0, ox1 - ox0) or not (
            -NEIGHBOURS.overlap * body <= gap <= JUMP_PLACEMENT.max_gap * body
        ):
            continue
        if best is None or gap < best[0]:
            best = (gap, other)
    return best[1] if best else None


def _fold_bare_jumps(articles: list[Article]) -> list[Article]:
    """An article holding nothing but jump lines gives them to its neighbour: the one
    before it for a jump that continues on, else the one after it."""
    out = list(articles)
    i = 0
    while i < len(out):
        article = out[i]
        if not article.jumps or _has_text(article) or len(out) == 1:
            i += 1
            continue
        on = any(j.direction == JumpDirection.ON for j in article.jumps)
        k = i - 1 if (on and i > 0) or i == len(out) - 1 else i + 1
        host = out[k]
        ids = (
            [*host.region_ids, *article.region_ids]
            if k < i
            else [*article.region_ids, *host.region_ids]
        )
        out[k] = host.model_copy(update={"region_ids": ids, "jumps": [*host.jumps, *article.jumps]})
        del out[i]
        i = max(0, i - 1)
    return out


def _has_text(article: Article) -> bool:
    return bool(
        (article.headline or "").strip()
        or any(p.strip() for p in article.paragraphs)
        or article.tables
        or article.captions
        or (article.byline or "").strip()
    )


# --- linking an issue -------------------------------------------------------------------


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
