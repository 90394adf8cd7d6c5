"""A generated issue of two pages with jumped articles, and its truth.

On page 1 a Chinese story ends in "（下转第二版）" and an English one in "See KEYWORD,
Page 2" (KEYWORD a word of its headline, in capitals); on page 2 each goes on under
the same headline and a jump line ("（上接第一版）", "Continued from Page 1"), with
the rest of the story's sentences. Each page has a band of Chinese articles over a
band of English ones (the jumped article first in its band, another story beside it).

The truth of each page is ``generate_page``'s, plus ``issue`` (``page``, ``pages``)
and, on a jumped article and its continuation, ``language`` and ``jump``: the jump
line as printed, ``direction`` (``on`` / ``from``) and the other half's ``page``
(from 1) and ``article`` (its index in that page's truth). Paragraphs never hold
the jump line.

``jump_issue(seed)`` gives the two ``GeneratedPage`` s; ``save_page`` writes each.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image

from pagegen.article import ArticleComposer, PageContext, line_origins, set_headline
from pagegen.corpus import ContentPool
from pagegen.fonts import Face
from pagegen.generate import GeneratedPage, build_truth
from pagegen.layout import ArticleLayout, Element, PageLayout
from pagegen.page import band_edges, column_rules, column_xs, make_context, running_head
from pagegen.scan import degrade
from pagegen.spec import ArticleSpec, BandSpec, PageSpec, ScanSpec
from pagegen.typeset import SetLine

log = logging.getLogger(__name__)
Composer = Callable[[PageContext, ArticleSpec, int, list[float], bool], ArticleComposer]

ZH_NUMERALS = "〇一二三四五六七八九"
LANGUAGES = ("zh-hans", "en")
"""The bands of each page, top to bottom: the Chinese stories, then the English ones."""


@dataclass(frozen=True)
class JumpedStory:
    """A story of page 1 that goes on on page 2."""

    language: str
    story: int
    """Index of the story in the corpus (page 2 goes on with its sentences)."""
    headline: str
    article: int
    """Its index among page 1's articles."""
    jump: str
    """The jump line printed under it on page 1."""


def jump_lines(language: str, headline: str) -> tuple[str, str]:
    """The jump line that ends the story on page 1 and the one that heads it on page 2."""
    if language != "en":
        return f"（下转第{ZH_NUMERALS[2]}版）", f"（上接第{ZH_NUMERALS[1]}版）"
    return f"See {jump_keyword(headline)}, Page 2", "Continued from Page 1"


def jump_keyword(headline: str) -> str:
    """The word of an English headline a "See KEYWORD, Page 2" line names: its longest."""
    words = re.findall(r"[A-Za-z]+", headline)
    return max(words, key=len).upper() if words else "STORY"


def jump_specs(seed: int, page_number: int, **overrides: Any) -> dict[str, PageSpec]:
    """The page's spec per language: one geometry (two bands of two articles on four
    columns), the fonts of each script, a light scan. The Chinese spec is the page's."""
    band = BandSpec(1.0, (ArticleSpec(span=2, byline=None), ArticleSpec(span=2, byline="end")))
    base = PageSpec(
        seed=seed * 10 + page_number,
        language="zh-hans",
        width=1600,
        height=2000,
        columns=4,
        bands=(band, band),
        margin=60,
        gutter=30,
        body_size=24,
        leading=1.5,
        column_rules=True,
        band_rules=True,
        folio="top",
        page_number=page_number,
        scan=ScanSpec(noise=2.0, blur=0.4, jpeg_quality=None, illumination=0.03),
        **overrides,
    )
    english = dataclasses.replace(
        base,
        language="en",
        body_font="liberation-serif",
        headline_font="liberation-sans-bold",
        caption_font="liberation-serif-italic",
        justify=False,
        hyphenate=0.0,
    )
    return {"zh-hans": base, "en": english}


def jump_issue(seed: int = 1, **overrides: Any) -> list[GeneratedPage]:
    """Two pages of one issue, each with a jumped Chinese and English article (see the
    module's docstring); ``overrides`` are ``PageSpec`` fields for both pages."""
    first, pools, jumped = _first_page(seed, overrides)
    second = _second_page(seed, overrides, pools, jumped)
    for index, entry in enumerate(second.truth["articles"]):
        if "jump" in entry:
            first.truth["articles"][entry["jump"]["article"]]["jump"]["article"] = index
    return [first, second]


def _first_page(
    seed: int, overrides: dict[str, Any]
) -> tuple[GeneratedPage, dict[str, ContentPool], list[JumpedStory]]:
    specs = jump_specs(seed, 1, **overrides)
    contexts = _contexts(specs, np.random.default_rng([seed, 1, 11]), None)
    jumped: list[JumpedStory] = []

    def composer(
        ctx: PageContext, art: ArticleSpec, index: int, xs: list[float], first: bool
    ) -> ArticleComposer:
        if not first:
            return ArticleComposer(ctx, art, index, xs)
        return JumpingComposer(ctx, art, index, xs, jumped)

    clean, layout = _compose(specs, contexts, composer, seed)
    truth_jumps = {
        j.article: {"text": j.jump, "direction": "on", "page": 2, "language": j.language}
        for j in jumped
    }
    page = _generated(specs["zh-hans"], clean, layout, (seed, 1), truth_jumps)
    return page, {lang: ctx.pool for lang, ctx in contexts.items()}, jumped


def _second_page(
    seed: int, overrides: dict[str, Any], pools: dict[str, ContentPool], jumped: list[JumpedStory]
) -> GeneratedPage:
    specs = jump_specs(seed, 2, **overrides)
    contexts = _contexts(specs, np.random.default_rng([seed, 2, 11]), pools)
    stories = {j.language: j for j in jumped}
    continued: dict[int, JumpedStory] = {}

    def composer(
        ctx: PageContext, art: ArticleSpec, index: int, xs: list[float], first: bool
    ) -> ArticleComposer:
        story = stories.get(ctx.spec.language)
        if not first or story is None:
            return ArticleComposer(ctx, art, index, xs)
        continued[index] = story
        return ContinuationComposer(ctx, art, index, xs, story)

    clean, layout = _compose(specs, contexts, composer, seed)
    truth_jumps = {
        index: {
            "text": jump_lines(story.language, story.headline)[1],
            "direction": "from",
            "page": 1,
            "article": story.article,
            "language": story.language,
        }
        for index, story in continued.items()
    }
    return _generated(specs["zh-hans"], clean, layout, (seed, 2), truth_jumps)


def _contexts(
    specs: dict[str, PageSpec], rng: np.random.Generator, pools: dict[str, ContentPool] | None
) -> dict[str, PageContext]:
    """One context per language, drawing on one canvas (the Chinese context's)."""
    contexts: dict[str, PageContext] = {}
    canvas = None
    for language in LANGUAGES:
        ctx = make_context(specs[language], rng)
        if canvas is not None:
            ctx = dataclasses.replace(ctx, canvas=canvas)
        if pools is not None:
            ctx = dataclasses.replace(ctx, pool=pools[language])
        canvas = ctx.canvas
        contexts[language] = ctx
    return contexts


def _compose(
    specs: dict[str, PageSpec], contexts: dict[str, PageContext], composer: Composer, seed: int
) -> tuple[Image.Image, PageLayout]:
    """The clean page and its layout: running head and folio, then a band per language
    (as ``page.compose_page``), each article drawn by ``composer(ctx, spec, index,
    column xs, first in its band)``. Every page of the issue (``seed``) has the same
    paper, date and section in its running head."""
    spec, head = specs["zh-hans"], contexts["zh-hans"]
    rng = np.random.default_rng([seed, 0, 11])
    masthead = dataclasses.replace(head, rng=rng, pool=ContentPool(head.pool.corpus, rng))
    top, header, folio = running_head(masthead)
    xs = column_xs(head)
    gap = 1.2 * head.pitch
    articles: list[ArticleLayout] = []
    edges = band_edges(spec, top, spec.height - spec.margin, gap)
    for b, (language, (y0, y1)) in enumerate(zip(LANGUAGES, edges, strict=True)):
        ctx, band = contexts[language], spec.bands[b]
        if b:
            ctx.canvas.rule(spec.margin, y0 - gap / 2, spec.width - spec.margin, y0 - gap / 2)
        col = 0
        for a, art in enumerate(band.articles):
            columns = xs[col : col + art.span]
            articles.append(composer(ctx, art, len(articles), columns, a == 0).compose(y0, y1))
            if a:
                gx = xs[col] - spec.gutter / 2
                ctx.canvas.rule(gx, y0, gx, y1, 1)
            column_rules(ctx, articles[-1], False, columns, y1)
            col += art.span
    layout = PageLayout(spec.width, spec.height, header, folio, articles, head.canvas.elements)
    return head.canvas.image, layout


def _generated(
    spec: PageSpec,
    clean: Image.Image,
    layout: PageLayout,
    place: tuple[int, int],
    jumps: dict[int, dict[str, Any]],
) -> GeneratedPage:
    """The scan of a clean page and its truth (``place``: the issue's seed, page number)."""
    seed, number = place
    image, rotation = degrade(clean, spec, np.random.default_rng([seed, number, 12]))
    truth = build_truth(spec, layout, rotation, image.size)
    truth["image"] = f"jump-issue-{seed}-p{number}.png"
    truth["issue"] = {"page": number, "pages": 2}
    for index, jump in jumps.items():
        entry = truth["articles"][index]
        entry["language"] = jump.pop("language")
        entry["jump"] = jump
    return GeneratedPage(spec, image, clean, truth, layout, rotation)


class JumpingComposer(ArticleComposer):
    """A story that does not fit: its body ends in a jump line to page 2."""

    def __init__(
        self,
        ctx: PageContext,
        spec: ArticleSpec,
        index: int,
        xs: list[float],
        jumped: list[JumpedStory],
    ) -> None:
        super().__init__(ctx, spec, index, xs)
        self.jumped = jumped

    def compose(self, y0: float, y1: float) -> ArticleLayout:
        y = self.headline(y0)
        slots = _slots(self.ctx, self.xs, y, y1)
        used = self.body(slots, len(slots) - 1)
        headline = self.layout.headline or ""
        text = jump_lines(self.ctx.spec.language, headline)[0]
        self.layout.elements.append(_draw_jump(self.ctx, text, slots[used], self.index, True))
        self.jumped.append(
            JumpedStory(self.ctx.spec.language, self.story, headline, self.index, text)
        )
        return self.layout


class ContinuationComposer(ArticleComposer):
    """The rest of a jumped story: its headline again, a jump line back to page 1, then
    the story's sentences not printed on page 1."""

    def __init__(
        self, ctx: PageContext, spec: ArticleSpec, index: int, xs: list[float], story: JumpedStory
    ) -> None:
        super().__init__(ctx, spec, index, xs)
        self.jumped = story

    def headline(self, y0: float) -> float:
        ctx, body = self.ctx, self.ctx.spec.body_size
        self.story = self.jumped.story
        size = self.spec.headline_scale * body
        face = ctx.face(ctx.spec.headline_font, size, bold=True)
        lines = set_headline(self.jumped.headline, face, self.width, ctx.cjk)
        while size * 0.9 >= 1.25 * body and (
            len(lines) > 2 or any(ln.width > self.width for ln in lines)
        ):
            size *= 0.9
            face = ctx.face(ctx.spec.headline_font, size, bold=True)
            lines = set_headline(self.jumped.headline, face, self.width, ctx.cjk)
        self.layout.headline = ctx.joiner().join(ln.text for ln in lines)
        top, bottom = face.extent
        pitch = max(round(face.size * 1.18), bottom - top + 2)
        origin = y0 - top
        for k, line in enumerate(lines):
            self.layout.elements.append(
                ctx.canvas.text(
                    line, self.xs[0], origin + k * pitch, face, "headline", article=self.index
                )
            )
        return origin + (len(lines) - 1) * pitch + bottom + 0.7 * ctx.pitch

    def compose(self, y0: float, y1: float) -> ArticleLayout:
        y = self.headline(y0)
        slots = _slots(self.ctx, self.xs, y, y1)
        text = jump_lines(self.jumped.language, self.jumped.headline)[1]
        self.layout.elements.append(_draw_jump(self.ctx, text, slots[0], self.index, False))
        reserve = 1 if self.spec.byline == "end" else 0
        used = 1 + self.body(slots[1:], len(slots) - 1 - reserve)
        if self.spec.byline == "end" and used < len(slots):
            self.end_byline(*slots[used])
        return self.layout


def _slots(ctx: PageContext, xs: list[float], y: float, y1: float) -> list[tuple[float, float]]:
    """Every body line's origin in the article's columns, column by column."""
    return [(x, o) for x in xs for o in line_origins(ctx, (y, y1))]


def _draw_jump(
    ctx: PageContext, text: str, slot: tuple[float, float], article: int, right: bool
) -> Element:
    """A jump line in a body line's slot: body type for Chinese, bold sans for English;
    set flush right (the end of a story) or flush left (the head of its rest)."""
    face: Face = ctx.body if ctx.cjk else ctx.face("liberation-sans-bold", ctx.body.size * 0.85)
    line = SetLine(((0.0, text),), text, face.length(text))
    x, origin = slot
    dx = ctx.col_width - line.width if right else 0.0
    origin += ctx.body.extent[1] - face.extent[1]
    return ctx.canvas.text(line, x + dx, origin, face, "jump", article=article)
