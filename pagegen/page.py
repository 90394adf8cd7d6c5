"""The whole clean page: running head, folio, bands of articles and rules."""

from __future__ import annotations

import datetime as dt

import numpy as np
from PIL import Image

from pagegen.article import ArticleComposer, PageContext
from pagegen.corpus import ContentPool, load_corpus
from pagegen.fonts import Face
from pagegen.layout import ArticleLayout, Canvas, PageLayout
from pagegen.spec import PageSpec
from pagegen.typeset import SetLine

WEEKDAYS_ZH = "一二三四五六日"


def make_context(spec: PageSpec, rng: np.random.Generator) -> PageContext:
    hant = spec.language == "zh-hant"
    size = spec.body_size
    inner = spec.width - 2 * spec.margin - (spec.columns - 1) * spec.gutter
    if spec.is_cjk:
        caption = Face(spec.caption_font, max(18, round(size * 0.88)), hant)
        byline = Face(spec.caption_font, max(18, round(size * 0.9)), hant)
    else:
        caption = Face(spec.caption_font, max(18, round(size * 0.85)))
        byline = Face("liberation-sans-bold", max(18, round(size * 0.8)))
    return PageContext(
        spec=spec,
        rng=rng,
        pool=ContentPool(load_corpus(spec.language), rng),
        canvas=Canvas(spec.width, spec.height, spec.scan.bitonal),
        body=Face(spec.body_font, size, hant),
        caption=caption,
        byline=byline,
        col_width=inner / spec.columns,
    )


def column_xs(ctx: PageContext) -> list[float]:
    spec = ctx.spec
    return [spec.margin + c * (ctx.col_width + spec.gutter) for c in range(spec.columns)]


def masthead_texts(ctx: PageContext) -> tuple[str, str, str, str]:
    """Paper name, date, section and folio for the running head."""
    rng, spec = ctx.rng, ctx.spec
    day = dt.date(2012, 1, 1) + dt.timedelta(days=int(rng.integers(0, 12 * 365)))
    paper, section = ctx.pool.choice("paper"), ctx.pool.choice("section")
    n = spec.page_number
    if spec.is_cjk:
        date = f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS_ZH[day.weekday()]}"
        folio = f"A{n:02d}" if rng.random() < 0.7 else f"第{n}版"
    else:
        date = f"{day:%A, %B} {day.day}, {day.year}"
        folio = f"Page {n}" if rng.random() < 0.5 else f"A{n}"
    return paper, date, section, folio


def _line(face: Face, text: str) -> SetLine:
    return SetLine(((0.0, text),), text, face.length(text))


def running_head(ctx: PageContext) -> tuple[float, str, str]:
    """Draw the running head (and folio); return the y where the body may start."""
    spec, canvas = ctx.spec, ctx.canvas
    paper, date, section, folio = masthead_texts(ctx)
    small = ctx.face(
        spec.caption_font if spec.is_cjk else "liberation-serif", spec.body_size * 0.95
    )
    big = ctx.face(spec.headline_font, spec.body_size * 1.35, bold=True)
    baseline = spec.margin + big.font.getmetrics()[0]
    left, right = float(spec.margin), float(spec.width - spec.margin)
    if spec.folio == "top":
        left, right = top_folio(ctx, folio, baseline)
    gap = 1.5 * spec.body_size
    lines = [_line(small, date), _line(small, section)]
    while big.size > spec.body_size and (
        big.length(paper) + lines[0].width + lines[1].width + 2 * gap > right - left
    ):
        big = ctx.face(spec.headline_font, big.size * 0.9, bold=True)
    lines.insert(0, _line(big, paper))
    date_x = max((spec.width - lines[1].width) / 2, left + lines[0].width + gap)
    date_x = min(date_x, right - lines[2].width - gap - lines[1].width)
    xs = [left, date_x, right - lines[2].width]
    for face, line, x in zip((big, small, small), lines, xs, strict=True):
        canvas.text(line, x, baseline - face.font.getmetrics()[0], face, "running_head")
    rule_y = baseline + big.font.getmetrics()[1] + 10
    canvas.rule(spec.margin, rule_y, spec.width - spec.margin, rule_y, 3)
    if spec.double_head_rule:
        rule_y += 6
        canvas.rule(spec.margin, rule_y, spec.width - spec.margin, rule_y, 1)
    header = f"{paper} {date} {section}"
    return rule_y + 0.9 * ctx.pitch, header, folio


def top_folio(ctx: PageContext, folio: str, baseline: float) -> tuple[float, float]:
    """Draw the folio in the top outer corner; return the x range left for the head."""
    spec = ctx.spec
    face = ctx.face(spec.headline_font, spec.body_size * 1.2, bold=True)
    line = _line(face, folio)
    left, right = float(spec.margin), float(spec.width - spec.margin)
    odd = spec.page_number % 2 == 1
    x = right - line.width if odd else left
    ctx.canvas.text(line, x, baseline - face.font.getmetrics()[0], face, "folio")
    gap = 1.5 * spec.body_size + line.width
    return (left, right - gap) if odd else (left + gap, right)


def bottom_folio(ctx: PageContext, folio: str) -> float:
    """Draw the folio in the bottom outer corner; return the lowest y the body may use."""
    spec = ctx.spec
    face = ctx.face(spec.headline_font, spec.body_size * 1.1, bold=True)
    line = _line(face, folio)
    y = spec.height - spec.margin - face.extent[1]
    x = spec.width - spec.margin - line.width if spec.page_number % 2 else spec.margin
    ctx.canvas.text(line, x, y, face, "folio")
    return y + face.extent[0] - 0.9 * ctx.pitch


def band_edges(spec: PageSpec, top: float, bottom: float, gap: float) -> list[tuple[float, float]]:
    weights = np.array([b.weight for b in spec.bands], dtype=float)
    usable = bottom - top - gap * (len(weights) - 1)
    heights = usable * weights / weights.sum()
    edges, y = [], top
    for h in heights:
        edges.append((y, y + h))
        y += h + gap
    return edges


def compose_page(spec: PageSpec, rng: np.random.Generator) -> tuple[Image.Image, PageLayout]:
    """Draw the clean page and return it with its layout."""
    ctx = make_context(spec, rng)
    top, header, folio = running_head(ctx)
    bottom = bottom_folio(ctx, folio) if spec.folio == "bottom" else spec.height - spec.margin
    xs = column_xs(ctx)
    gap = 1.2 * ctx.pitch
    articles: list[ArticleLayout] = []
    for b, (band, (y0, y1)) in enumerate(
        zip(spec.bands, band_edges(spec, top, bottom, gap), strict=True)
    ):
        if b and spec.band_rules:
            ctx.canvas.rule(spec.margin, y0 - gap / 2, spec.width - spec.margin, y0 - gap / 2)
        col = 0
        for a, art in enumerate(band.articles):
            composer = ArticleComposer(ctx, art, len(articles), xs[col : col + art.span])
            articles.append(composer.compose(y0, y1))
            if a and (spec.band_rules or spec.column_rules):
                gx = xs[col] - spec.gutter / 2
                ctx.canvas.rule(gx, y0, gx, y1, 1)
            column_rules(ctx, articles[-1], art.byline == "top", xs[col : col + art.span], y1)
            col += art.span
    layout = PageLayout(spec.width, spec.height, header, folio, articles, ctx.canvas.elements)
    return ctx.canvas.image, layout


def column_rules(
    ctx: PageContext, art: ArticleLayout, top_byline: bool, xs: list[float], y1: float
) -> None:
    """Thin vertical rules in the gutters between an article's columns, below the headline."""
    if not ctx.spec.column_rules or len(xs) < 2:
        return
    kinds = ("headline", "byline") if top_byline else ("headline",)
    heads = [e.box[3] for e in art.elements if e.kind in kinds]
    start = max(heads, default=art.bbox[1]) + 0.4 * ctx.pitch
    pad = 0.3 * ctx.pitch
    for x in xs[1:]:
        gx = x - ctx.spec.gutter / 2
        blocked = sorted((b[1] - pad, b[3] + pad) for b in photo_blocks(art) if b[0] < gx < b[2])
        y = start
        for b0, b1 in [*blocked, (y1, y1)]:
            if b0 > y:
                ctx.canvas.rule(gx, y, gx, min(b0, y1), 1)
            y = max(y, b1)


def photo_blocks(art: ArticleLayout) -> list[tuple[int, int, int, int]]:
    """Box of each photo together with its caption lines (all as wide as the photo)."""
    blocks = []
    for photo in (e for e in art.elements if e.kind == "photo"):
        x0, y0, x1, y1 = photo.box
        for cap in (e for e in art.elements if e.kind == "caption" and abs(e.box[0] - x0) <= 2):
            y0, y1 = min(y0, cap.box[1]), max(y1, cap.box[3])
        blocks.append((x0, y0, x1, y1))
    return blocks
