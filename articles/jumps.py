"""Jump lines found on a page, each a region of its own, out of its article's text.

A story that does not fit its page ends in a jump line ("（下转第二版）",
"Continued on Page 4", "See FIRE, Page A6") and goes on under a jump line on
the other page ("（上接第一版）", "Continued from Page 1", "From Page A1").

- :func:`find_jumps` (page -> page, after article assembly) finds the jump
  lines of each article, gives each a region of its own typed ``jump`` (a line
  cut in two where the jump stands in brackets at its start or end), keeps
  their text out of the article's paragraphs and records them in
  ``Article.jumps``.
- ``articles.issue_jumps.link_issue_jumps`` (an issue's pages in page
  order -> new pages) pairs each "continued on page N" with the "continued from" article on page N
  (``Article.continues_on`` / ``continued_from``); a jump whose other half is
  not found is kept and flagged ``jump_unmatched`` on its page.

Jump lines are told in text by ``articles.jump_lines``, which normalises
their page numbers to page labels.
"""

from __future__ import annotations

import itertools
import logging
import unicodedata

from newsprint.articles.jump_lines import JumpMatch, match_jump
from newsprint.articles.params.jumps import JUMP_PLACEMENT
from newsprint.articles.params.neighbours import NEIGHBOURS
from newsprint.articles.punctuation import span_as_read
from newsprint.articles.text import join_lines
from newsprint.core.page import (
    Article,
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
