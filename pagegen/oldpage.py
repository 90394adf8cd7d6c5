"""A dense 19th-century page: masthead band, narrow columns parted by thin (often broken)
rules, and one stream of articles that runs down each column and on at the head of the
next. Headings are centred capitals or small capitals of about the body size; a short
centred rule parts one article from the next (the only sign of a new article when it
has no heading).

The articles are recorded in the order they are read (down each column, then the next),
so the truth's reading order is the order of placement.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from dataclasses import dataclass

import numpy as np
from PIL import Image

from pagegen.article import PageContext, fill_paragraphs, line_origins
from pagegen.fonts import Face
from pagegen.layout import ArticleLayout, Element, PageLayout
from pagegen.page import column_xs, make_context
from pagegen.spec import OldArticleSpec, OldStyleSpec, PageSpec
from pagegen.typeset import SetLine

log = logging.getLogger(__name__)

PAPERS = (
    "THE LEADER.",
    "THE WEEKLY CHRONICLE.",
    "THE NORTHERN STAR.",
    "THE LONDON EXAMINER.",
    "THE TOMAHAWK.",
    "THE ATHENAEUM.",
    "THE PUBLISHERS' CIRCULAR.",
    "THE ENGLISH WOMAN'S JOURNAL.",
    "THE COUNTY OBSERVER.",
    "THE MONTHLY REPOSITORY.",
)
SMALL_CAPS = 0.78
"""Size of a small capital / size of a full capital."""


@dataclass
class Cursor:
    """Where the next thing goes: a column and the top of its free space (clean pixels)."""

    xs: list[float]
    top: float
    bottom: float
    column: int = 0
    y: float = 0.0

    def next_column(self) -> bool:
        """Move to the head of the next column; False when the page is full."""
        if self.column + 1 >= len(self.xs):
            return False
        self.column += 1
        self.y = self.top
        return True

    def make_room(self, height: float) -> bool:
        """Make sure ``height`` pixels are free here, moving on a column if need be."""
        return self.y + height <= self.bottom or (
            self.next_column() and self.y + height <= self.bottom
        )

    @property
    def at_head(self) -> bool:
        return self.y <= self.top + 1


def scan_px(spec: PageSpec, width: float) -> int:
    """Clean-page pixels that come out as ``width`` scan pixels."""
    return max(1, round(width / spec.scan.scale))


def compose_old_page(spec: PageSpec, rng: np.random.Generator) -> tuple[Image.Image, PageLayout]:
    """Draw a 19th-century page (``spec.old`` set) and return it with its layout."""
    if spec.old is None:
        raise ValueError("compose_old_page needs a spec with .old set")
    ctx = make_context(spec, rng)
    top, header, folio = masthead(ctx, spec.old)
    bottom = spec.height - spec.margin
    cursor = Cursor(column_xs(ctx), top, bottom, 0, top)
    articles: list[ArticleLayout] = []
    for n, art in enumerate(spec.old.articles):
        last = n == len(spec.old.articles) - 1
        placed = place_article(ctx, cursor, art, len(articles), last)
        if placed is None:
            log.debug("old page seed %d: full after %d articles", spec.seed, len(articles))
            break
        articles.append(placed)
    column_rules(ctx, spec.old, top, bottom)
    layout = PageLayout(spec.width, spec.height, header, folio, articles, ctx.canvas.elements)
    return ctx.canvas.image, layout


def old_date(rng: np.random.Generator) -> dt.date:
    """A day between 1820 and 1899."""
    return dt.date(1820, 1, 1) + dt.timedelta(days=int(rng.integers(0, 80 * 365)))


def spaced(face: Face, text: str, spacing: float) -> SetLine:
    """``text`` on one line with ``spacing`` pixels added after every letter."""
    pieces, x = [], 0.0
    for ch in text:
        pieces.append((x, ch))
        x += face.length(ch) + (spacing if ch != " " else 0.0)
    return SetLine(tuple(pieces), text, x - spacing)


def masthead(ctx: PageContext, old: OldStyleSpec) -> tuple[float, str, str]:
    """Draw the folio, the paper's name and the date across the top, and the rule under
    them; return the y where the columns start, the header text and the folio."""
    spec, canvas = ctx.spec, ctx.canvas
    small = ctx.face("liberation-serif", spec.body_size * 1.15)
    paper = PAPERS[int(ctx.rng.integers(len(PAPERS)))]
    day = old_date(ctx.rng)
    date = f"{day:%A}, {day:%B} {day.day}, {day.year}.".upper()
    folio = str(spec.page_number)
    date_line = spaced(small, date, 0.0)
    folio_line = spaced(small, folio, 0.0)
    room = spec.width - 2 * spec.margin - 2 * max(date_line.width, folio_line.width)
    big, name = masthead_name(ctx, paper, old, room - 3 * spec.body_size)
    baseline = spec.margin + big.font.getmetrics()[0]
    left, right = float(spec.margin), float(spec.width - spec.margin)
    odd = spec.page_number % 2 == 1
    drawn = [
        (folio_line, right - folio_line.width if odd else left, small, "folio"),
        (name, (spec.width - name.width) / 2, big, "running_head"),
        (date_line, left if odd else right - date_line.width, small, "running_head"),
    ]
    for line, x, face, kind in drawn:
        canvas.text(line, x, baseline - face.font.getmetrics()[0], face, kind)
    header = f"{date} {paper}" if odd else f"{paper} {date}"
    y = baseline + big.font.getmetrics()[1] + 0.3 * ctx.pitch
    return head_rule(ctx, old, y) + 0.6 * ctx.pitch, header, folio


def masthead_name(
    ctx: PageContext, paper: str, old: OldStyleSpec, room: float
) -> tuple[Face, SetLine]:
    """The paper's name, letter-spaced, made smaller (down to 1.3x body size) until it
    fits in ``room`` pixels."""
    size = ctx.spec.body_size * old.masthead_scale
    while True:
        face = ctx.face(ctx.spec.headline_font, size)
        name = spaced(face, paper, old.letter_spacing * face.size)
        if name.width <= room or size * 0.92 < 1.3 * ctx.spec.body_size:
            return face, name
        size *= 0.92


def head_rule(ctx: PageContext, old: OldStyleSpec, y: float) -> float:
    """The rule(s) under the masthead from ``y``; return the y below them."""
    spec = ctx.spec
    x0, x1 = spec.margin, spec.width - spec.margin
    widths = {"single": (2.0,), "double": (1.0, 1.0), "thick-thin": (2.5, 1.0)}[old.head_rule]
    for w in widths:
        px = scan_px(spec, w)
        ctx.canvas.rule(x0, y + px / 2, x1, y + px / 2, px)
        y += px + scan_px(spec, 2.0)
    return y


def place_article(
    ctx: PageContext, cursor: Cursor, art: OldArticleSpec, index: int, last: bool
) -> ArticleLayout | None:
    """Draw one article from the cursor on; None when the page has no room for it."""
    layout = ArticleLayout(headline=None)
    if index and (art.rule or art.heading == "none"):
        short_rule(ctx, cursor)
    if art.heading == "none":
        story: int | None = ctx.pool.story_order()[0]
    else:
        story = heading(ctx, cursor, art, layout, index)
    if story is None:
        return None
    slots = body_slots(ctx, cursor)
    room = len(slots) if last else min(art.lines, len(slots))
    if room < 1:
        return None
    used = 0
    signed = art.signature and not last and room > 2
    room -= 1 if signed else 0
    reserve = 1 if art.lead_caps and room > 1 else 0  # capitals may take a line more
    paragraphs = fill_paragraphs(ctx, story, room - reserve)
    if art.lead_caps and paragraphs:
        spare = room - sum(len(lines) for _, lines in paragraphs)
        paragraphs[0] = lead_in_caps(ctx, *paragraphs[0], spare)
    for p, (text, lines) in enumerate(paragraphs):
        layout.paragraphs.append(text)
        for line in lines:
            x, origin = slots[used]
            el = ctx.canvas.text(line, x, origin, ctx.body, "text", article=index, paragraph=p)
            layout.elements.append(el)
            used += 1
    if not used:  # a heading drawn is in the truth, even with no text fitted under it
        return layout if layout.elements else None
    if signed:
        signature(ctx, layout, slots[used], index)
        used += 1
    cursor.column = cursor.xs.index(slots[used - 1][0])
    cursor.y = slots[used - 1][1] + ctx.body.extent[0] + ctx.pitch
    return layout


def signature(
    ctx: PageContext, layout: ArticleLayout, slot: tuple[float, float], index: int
) -> None:
    """A writer's name in small capitals, set right on the body line ``slot``."""
    face = ctx.body
    text = ctx.pool.name().upper() + "."
    x = slot[0] + ctx.col_width - caps_length(face, text, True)
    layout.elements.append(draw_caps(ctx, face, text, (x, slot[1]), True, index, "byline"))
    layout.byline = text


def lead_in_caps(ctx: PageContext, text: str, lines: list, spare: int) -> tuple[str, list]:
    """The paragraph with its first word in capitals, set again; unchanged if it would
    then take more than ``spare`` lines more."""
    first, _, rest = text.partition(" ")
    capped = f"{first.upper()} {rest}" if rest else first.upper()
    again = ctx.set_paragraph(capped)
    return (capped, again) if len(again) <= len(lines) + spare else (text, lines)


def body_slots(ctx: PageContext, cursor: Cursor) -> list[tuple[float, float]]:
    """(x, origin) of every body line left on the page, in reading order."""
    slots = []
    for c in range(cursor.column, len(cursor.xs)):
        start = cursor.y if c == cursor.column else cursor.top
        slots += [(cursor.xs[c], o) for o in line_origins(ctx, (start, cursor.bottom))]
    return slots


def short_rule(ctx: PageContext, cursor: Cursor) -> None:
    """A short centred rule between two articles (left out at the head of a column)."""
    height = 0.9 * ctx.pitch
    if cursor.at_head or not cursor.make_room(height + 2 * ctx.pitch) or cursor.at_head:
        return
    spec = ctx.spec
    length = ctx.col_width * float(ctx.rng.uniform(0.12, 0.3))
    mid_x = cursor.xs[cursor.column] + ctx.col_width / 2
    y = cursor.y + height / 2 - 0.1 * ctx.pitch
    ctx.canvas.rule(mid_x - length / 2, y, mid_x + length / 2, y, scan_px(spec, 1.2))
    cursor.y += height


def heading(
    ctx: PageContext, cursor: Cursor, art: OldArticleSpec, layout: ArticleLayout, index: int
) -> int | None:
    """Draw a centred heading in capitals or small capitals; return its story, or None
    when the page has no room for a heading and two lines of text under it."""
    face = ctx.face(ctx.spec.headline_font, ctx.spec.body_size * art.heading_scale)
    small = art.heading == "small-caps"
    story, lines = heading_lines(ctx, face, small)
    hpitch = max(round(face.size * 1.2), face.extent[1] - face.extent[0] + 2)
    height = len(lines) * hpitch + 0.35 * ctx.pitch
    space = 0.0 if cursor.at_head else 0.4 * ctx.pitch
    if not cursor.make_room(space + height + 2 * ctx.pitch):
        return None
    cursor.y += 0.0 if cursor.at_head else space
    x0 = cursor.xs[cursor.column]
    for k, words in enumerate(lines):
        text = " ".join(words)
        x = x0 + (ctx.col_width - caps_length(face, text, small)) / 2
        origin = cursor.y - face.extent[0] + k * hpitch
        layout.elements.append(draw_caps(ctx, face, text, (x, origin), small, index))
    layout.headline = " ".join(" ".join(words) for words in lines)
    cursor.y += height
    return story


def heading_lines(ctx: PageContext, face: Face, small: bool) -> tuple[int, list[list[str]]]:
    """A story whose headline, in capitals and ending in a full stop, takes the fewest
    lines of the column (at most two when one does)."""
    best: tuple[int, list[list[str]]] | None = None
    for story in ctx.pool.story_order()[:12]:
        for head in ctx.pool.corpus.stories[story].headlines:
            text = head.upper().rstrip(".") + "."
            lines = wrap_caps(face, text, ctx.col_width, small)
            if best is None or len(lines) < len(best[1]):
                best = (story, lines)
            if len(lines) <= 2:
                return story, lines
    assert best is not None
    return best


def cap_runs(text: str) -> list[tuple[str, bool]]:
    """Small capitals: runs of ``text`` with whether each is set in full capitals (the
    first letter of a word and anything not a letter)."""
    runs: list[tuple[str, bool]] = []
    for i, ch in enumerate(text):
        full = not ch.isalpha() or i == 0 or not text[i - 1].isalpha()
        if runs and runs[-1][1] == full:
            runs[-1] = (runs[-1][0] + ch, full)
        else:
            runs.append((ch, full))
    return runs


def small_face(face: Face) -> Face:
    return Face(face.name, max(6, round(face.size * SMALL_CAPS)), face.traditional, face.bold)


def caps_length(face: Face, text: str, small: bool) -> float:
    """Width of ``text`` in pixels, in capitals or small capitals."""
    if not small:
        return face.length(text)
    little = small_face(face)
    return sum((face if full else little).length(run) for run, full in cap_runs(text))


def wrap_caps(face: Face, text: str, width: float, small: bool) -> list[list[str]]:
    """Words of ``text`` in lines no wider than ``width`` (a long word stays whole)."""
    lines: list[list[str]] = [[]]
    for word in text.split():
        trial = " ".join([*lines[-1], word])
        if lines[-1] and caps_length(face, trial, small) > width:
            lines.append([word])
        else:
            lines[-1].append(word)
    return lines


def draw_caps(
    ctx: PageContext,
    face: Face,
    text: str,
    at: tuple[float, float],
    small: bool,
    index: int,
    kind: str = "headline",
) -> Element:
    """Draw one line in capitals or small capitals with its origin (left, ascender top)
    at ``at``; record it as an element of ``kind``."""
    x, origin = at
    if not small:
        line = SetLine(((0.0, text),), text, face.length(text))
        return ctx.canvas.text(line, x, origin, face, kind, article=index)
    baseline = origin + face.font.getmetrics()[0]
    little = small_face(face)
    cx = x
    for run, full in cap_runs(text):
        use = face if full else little
        if run.strip():
            ctx.canvas.draw.text((cx, baseline), run, font=use.font, fill=0, anchor="ls")
        cx += use.length(run)
    top, bottom = face.extent
    box = (int(x), int(origin + top), math.ceil(cx), math.ceil(origin + bottom))
    return ctx.canvas.add(Element(kind, box, text, article=index))


def column_rules(ctx: PageContext, old: OldStyleSpec, top: float, bottom: float) -> None:
    """Thin vertical rules in the gutters, from the masthead rule to the foot, with
    gaps making up about ``old.rule_breaks`` of their length."""
    spec = ctx.spec
    width = scan_px(spec, old.rule_width)
    start = top - 0.4 * ctx.pitch
    for x in column_xs(ctx)[1:]:
        gx = x - spec.gutter / 2
        for y0, y1 in rule_pieces(ctx.rng, start, bottom, old.rule_breaks, ctx.pitch):
            ctx.canvas.rule(gx, y0, gx, y1, width)


def rule_pieces(
    rng: np.random.Generator, top: float, bottom: float, breaks: float, pitch: float
) -> list[tuple[float, float]]:
    """Pieces of a rule from ``top`` to ``bottom`` leaving out about ``breaks`` of it in
    gaps of 0.3-3 line pitches."""
    if breaks <= 0:
        return [(top, bottom)]
    mean_gap = 1.65 * pitch
    mean_piece = mean_gap * (1 - breaks) / breaks
    pieces, y = [], top
    while y < bottom:
        piece = float(rng.exponential(mean_piece)) + 0.5 * pitch
        pieces.append((y, min(bottom, y + piece)))
        y += piece + float(rng.uniform(0.3, 3.0)) * pitch
    return pieces
