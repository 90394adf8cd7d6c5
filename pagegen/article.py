"""One article inside its box: headline, byline, photo with caption, and body text
flowing down the first column and on at the top of the next."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import numpy as np

from pagegen.corpus import ContentPool
from pagegen.fonts import Face
from pagegen.layout import ArticleLayout, Canvas
from pagegen.spec import ArticleSpec, PageSpec, PhotoSpec
from pagegen.typeset import SetLine, break_cjk, break_latin, cjk_tokens

log = logging.getLogger(__name__)
Segment = tuple[float, float]


@dataclass
class PageContext:
    """Everything the article composer needs from the page."""

    spec: PageSpec
    rng: np.random.Generator
    pool: ContentPool
    canvas: Canvas
    body: Face
    caption: Face
    byline: Face
    col_width: float

    @property
    def cjk(self) -> bool:
        return self.spec.is_cjk

    @property
    def pitch(self) -> int:
        return round(self.spec.body_size * self.spec.leading)

    def face(self, name: str, size: float, bold: bool = False) -> Face:
        return Face(name, round(size), self.spec.language == "zh-hant", bold)

    def set_text(self, text: str, face: Face, width: float, indent: float = 0.0) -> list[SetLine]:
        if self.cjk:
            return break_cjk(text, face, width, indent, justify=True)
        return break_latin(text, face, width, indent, justify=False)

    def set_paragraph(self, text: str) -> list[SetLine]:
        size = self.spec.body_size
        if self.cjk:
            return break_cjk(text, self.body, self.col_width, indent=2 * size)
        return break_latin(
            text,
            self.body,
            self.col_width,
            1.5 * size,
            self.spec.justify,
            self.spec.hyphenate,
            self.rng,
        )

    def joiner(self) -> str:
        return "" if self.cjk else " "


def set_headline(text: str, face: Face, width: float, cjk: bool) -> list[SetLine]:
    """A headline in one line, or two balanced lines; may be wider than ``width``."""
    units = cjk_tokens(text) if cjk else text.split()
    sep = "" if cjk else " "

    def line(parts: list[str]) -> SetLine:
        s = sep.join(parts)
        return SetLine(((0.0, s),), s, face.length(s))

    whole = line(units)
    if whole.width <= width or len(units) < 2:
        return [whole]
    splits = [(line(units[:i]), line(units[i:])) for i in range(1, len(units))]
    if cjk:  # no line may start with closing punctuation
        splits = [s for s in splits if s[1].text[:1] not in "，。、；：？！”）》"]
    best = min(splits, key=lambda s: max(s[0].width, s[1].width))
    return list(best)


def _sizes(top: float, bottom: float) -> list[float]:
    sizes, size = [], top
    while size >= bottom - 0.01:
        sizes.append(size)
        size *= 0.9
    return sizes or [bottom]


def choose_headline(ctx: PageContext, art: ArticleSpec, width: float) -> tuple[int, Face, list]:
    """A story whose headline fits the span in at most two lines, at the largest size.

    Sizes go down to 1.6x body text, then (narrow columns) to 1.25x; as a last resort
    the headline wraps onto as many lines as it needs.
    """
    body = ctx.spec.body_size
    stories = ctx.pool.story_order()
    heads = {}
    for story in stories:
        options = ctx.pool.corpus.stories[story].headlines
        heads[story] = [options[int(i)] for i in ctx.rng.permutation(len(options))]
    for sizes in (_sizes(art.headline_scale * body, 1.6 * body), _sizes(1.5 * body, 1.25 * body)):
        for story in stories:
            for size in sizes:
                face = ctx.face(ctx.spec.headline_font, size, bold=True)
                for head in heads[story]:
                    lines = set_headline(head, face, width, ctx.cjk)
                    if len(lines) <= 2 and all(ln.width <= width for ln in lines):
                        return story, face, lines
    face = ctx.face(ctx.spec.headline_font, 1.25 * body, bold=True)
    text = min(heads[stories[0]], key=len)
    return stories[0], face, ctx.set_text(text, face, width)


def line_origins(ctx: PageContext, seg: Segment, face: Face | None = None) -> list[float]:
    """Origins (ascender tops) of the body lines that fit in a vertical segment."""
    face = face or ctx.body
    top, bottom = face.extent
    first = seg[0] - top
    n = math.floor((seg[1] - (first + bottom)) / ctx.pitch) + 1
    return [first + k * ctx.pitch for k in range(max(0, n))]


class ArticleComposer:
    """Lays out and draws one article in the box of its columns and band."""

    def __init__(self, ctx: PageContext, spec: ArticleSpec, index: int, xs: list[float]) -> None:
        self.ctx, self.spec, self.index, self.xs = ctx, spec, index, xs
        self.width = xs[-1] + ctx.col_width - xs[0]
        self.story = 0
        self.layout = ArticleLayout(headline=None)

    def compose(self, y0: float, y1: float) -> ArticleLayout:
        y = self.headline(y0)
        if self.spec.byline == "top":
            y = self.top_byline(y)
        segs: list[list[Segment]] = [[(y, y1)] for _ in self.xs]
        if self.spec.photo is not None:
            self.photo(self.spec.photo, segs, y, y1)
        slots = [
            (self.xs[c], o)
            for c, col in enumerate(segs)
            for seg in col
            for o in line_origins(self.ctx, seg)
        ]
        reserve = 1 if self.spec.byline == "end" else 0
        used = self.body(slots, len(slots) - reserve)
        if self.spec.byline == "end" and used < len(slots):
            self.end_byline(*slots[used])
        return self.layout

    def headline(self, y0: float) -> float:
        ctx = self.ctx
        self.story, face, lines = choose_headline(ctx, self.spec, self.width)
        self.layout.headline = ctx.joiner().join(ln.text for ln in lines)
        top, bottom = face.extent
        hpitch = max(round(face.size * 1.18), bottom - top + 2)
        origin = y0 - top
        for k, line in enumerate(lines):
            dx = (self.width - line.width) / 2 if self.spec.headline_align == "center" else 0.0
            self.layout.elements.append(
                ctx.canvas.text(
                    line, self.xs[0] + dx, origin + k * hpitch, face, "headline", article=self.index
                )
            )
        return origin + (len(lines) - 1) * hpitch + bottom + 0.7 * ctx.pitch

    def byline_text(self, width: float) -> tuple[str, SetLine] | None:
        ctx, pool = self.ctx, self.ctx.pool
        a, b, c = pool.names(3)
        if ctx.cjk:
            rep, cor = pool.corpus.word("reporter"), pool.corpus.word("correspondent")
            variants = [
                f"{rep} {a} {cor} {b} {c}",
                f"{rep} {a} {cor} {b}",
                f"{rep} {a} {b}",
                f"{cor} {b} {rep} {a}",
                f"{rep} {a}",
            ]
        else:
            variants = [f"By {a.upper()} and {b.upper()}", f"By {a.upper()}"]
        start = int(ctx.rng.integers(len(variants)))
        for text in variants[start:] + variants[:start]:
            line = ctx.set_text(text, ctx.byline, width)
            if len(line) == 1:
                return text, line[0]
        return None

    def top_byline(self, y: float) -> float:
        found = self.byline_text(self.ctx.col_width)
        if found is None:
            return y
        self.layout.byline = found[0]
        face = self.ctx.byline
        self.layout.elements.append(
            self.ctx.canvas.text(
                found[1], self.xs[0], y - face.extent[0], face, "byline", article=self.index
            )
        )
        return y + face.extent[1] - face.extent[0] + 0.6 * self.ctx.pitch

    def end_byline(self, x: float, origin: float) -> None:
        found = self.byline_text(self.ctx.col_width)
        if found is None:
            return
        text, line = found
        dx = self.ctx.col_width - line.width if self.ctx.cjk else 0.0
        self.layout.byline = text
        origin += self.ctx.body.extent[1] - self.ctx.byline.extent[1]
        self.layout.elements.append(
            self.ctx.canvas.text(
                line, x + dx, origin, self.ctx.byline, "byline", article=self.index
            )
        )

    def caption(self, width: float) -> tuple[str, list[SetLine]] | None:
        ctx = self.ctx
        stories = [self.story] + [s for s in ctx.pool.story_order() if s != self.story]
        name = ctx.pool.name()
        for max_lines in (2, 3):
            for s in stories:
                for cap in ctx.pool.corpus.stories[s].captions:
                    if ctx.cjk:
                        text = f"▲{cap} {name} {ctx.pool.corpus.word('photo')}"
                    else:
                        text = f"{cap} (Photo by {name})"
                    lines = ctx.set_text(text, ctx.caption, width)
                    if len(lines) <= max_lines:
                        return text, lines
        return None

    def photo(self, spec: PhotoSpec, segs: list[list[Segment]], y: float, y1: float) -> None:
        ctx = self.ctx
        a, k = spec.first_column, spec.columns
        x0, x1 = self.xs[a], self.xs[a + k - 1] + ctx.col_width
        found = self.caption(x1 - x0)
        if found is None:
            return
        text, lines = found
        cap_pitch = round(ctx.caption.size * 1.3)
        cap_h = (len(lines) - 1) * cap_pitch + ctx.caption.extent[1]
        gap = 0.35 * ctx.pitch
        ph = min(spec.aspect * (x1 - x0), 0.62 * (y1 - y) - cap_h - gap)
        if ph < 3 * ctx.pitch:
            log.debug("article %d: no room for a photo", self.index)
            return
        block = ph + gap + cap_h
        top = y
        if spec.placement == "inline" and (y1 - y) - block > 6 * ctx.pitch:
            top = y + max(3, int(spec.position * ((y1 - y) - block) / ctx.pitch)) * ctx.pitch
        self.draw_photo(spec, (x0, x1), top, ph, text, lines, cap_pitch)
        for c in range(a, a + k):
            above = [(y, top - 0.5 * ctx.pitch)] if top > y else []
            segs[c] = [*above, (top + block + 0.8 * ctx.pitch, y1)]

    def draw_photo(
        self,
        spec: PhotoSpec,
        xr: tuple[float, float],
        top: float,
        ph: float,
        text: str,
        lines: list[SetLine],
        cap_pitch: int,
    ) -> None:
        ctx, face = self.ctx, self.ctx.caption
        gap = 0.35 * ctx.pitch
        cap_h = (len(lines) - 1) * cap_pitch + face.extent[1]
        photo_top = top + cap_h + gap if spec.caption_above else top
        cap_top = top if spec.caption_above else top + ph + gap
        box = (round(xr[0]), round(photo_top), round(xr[1]), round(photo_top + ph))
        self.layout.elements.append(ctx.canvas.photo(box, ctx.rng, spec.frame, self.index))
        for n, line in enumerate(lines):
            origin = cap_top - face.extent[0] + n * cap_pitch
            self.layout.elements.append(
                ctx.canvas.text(line, xr[0], origin, face, "caption", article=self.index)
            )
        self.layout.captions.append(text)

    def body(self, slots: list[tuple[float, float]], capacity: int) -> int:
        """Fill ``capacity`` slots with paragraphs; return the number of slots used."""
        paragraphs = fill_paragraphs(self.ctx, self.story, capacity)
        used = 0
        for p, (text, lines) in enumerate(paragraphs):
            self.layout.paragraphs.append(text)
            for line in lines:
                x, origin = slots[used]
                self.layout.elements.append(
                    self.ctx.canvas.text(
                        line, x, origin, self.ctx.body, "text", article=self.index, paragraph=p
                    )
                )
                used += 1
        return used


def fill_paragraphs(ctx: PageContext, story: int, capacity: int) -> list[tuple[str, list]]:
    """Paragraphs of 1-4 sentences from the story (then others) filling ``capacity`` lines."""
    queue = ctx.pool.sentence_queue(story)
    out: list[tuple[str, list]] = []
    used = 0
    while capacity - used >= 1 and queue:
        want = int(ctx.rng.choice([1, 2, 2, 3, 3, 4]))
        got = _fit_paragraph(ctx, queue, want, capacity - used)
        if got is None:
            break
        text, lines, keys = got
        out.append((text, lines))
        used += len(lines)
        ctx.pool.used_sentences.update(keys)
        for key in keys:
            queue.remove(key)
    return out


def _fit_paragraph(
    ctx: PageContext, queue: list[tuple[int, int]], want: int, room: int
) -> tuple[str, list, list] | None:
    options = [queue[:n] for n in range(min(want, len(queue)), 0, -1)]
    options += [[key] for key in queue[1:40]]
    for keys in options:
        text = ctx.joiner().join(ctx.pool.sentence(k) for k in keys)
        lines = ctx.set_paragraph(text)
        if len(lines) <= room:
            return text, lines, keys
    return None
