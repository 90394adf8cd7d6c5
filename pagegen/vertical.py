"""Pages of vertical traditional Chinese with exact ground truth.

The page is set as Chinese papers were before the 1950s (and Taiwan and Hong
Kong dailies long after): bands of stories across the page, parted by rules;
in each band stories side by side, parted by rules; in a story a headline set
vertically at its right (or across over it), then its body in vertical lines,
each read top to bottom, lines right to left, a paragraph starting a new line
two characters down; a photo at a story's left with a one-line vertical
caption beside it. Reading order: bands from the top, stories in a band right
to left. Every character is drawn in its own square cell (as type is set
vertically), so the truth is exactly what is drawn.

Quotation marks are set as corner brackets (「」, as vertical type sets them),
and only sentences of Chinese characters and punctuation are used (digits and
Latin letters are turned sideways in vertical type, which this does not draw).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from pagegen.corpus import load_corpus
from pagegen.fonts import load_font

log = logging.getLogger(__name__)

_LATIN_OR_DIGIT = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ%.]")
_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
_FONT = "uming"
_HANGING = "，。、；：！？」』）"


GENERATOR = "vertical-2"
"""The truth's ``generator``: which version of this module drew the page
(2: stories signed at the foot of their titles' columns). A page cached by an
earlier version is drawn again (``bench.pages.page_set``)."""


@dataclass(frozen=True)
class VerticalSpec:
    """What a generated vertical page looks like; every size in pixels."""

    seed: int
    width: int = 1400
    height: int = 1000
    char: int = 28
    """Body type: the side of a character's cell."""
    bands: int = 2
    stories_per_band: int = 2
    photo: bool = True
    """One story gets a photo at its left with a vertical caption."""
    headline_across: bool = False
    """The first story's headline is set across over its body, not down its right."""
    bitonal: bool = False
    tint: tuple[int, int, int] | None = None
    """Paper colour (an RGB page); None: white, grey page."""
    pen_names: float = 0.0
    """The share of stories headed down their right that are signed with a
    writer's name in brackets, "（翁丹）", set across in small type at the foot
    of the headline's column, well under it (as the 1920s 晶報 signs its
    pieces): the truth's byline. Drawn from a random stream of its own, so the
    rest of the page is as without it but for the signed stories' titles,
    cut short to leave the name room."""
    dpi: int = 200


@dataclass
class _Story:
    headline: str
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    bbox: tuple[int, int, int, int] = (0, 0, 0, 0)
    byline: str | None = None


def generate_vertical_page(spec: VerticalSpec) -> tuple[Image.Image, dict[str, Any]]:
    """The page image (L, RGB or 1) and its truth (``sample_scans/README.md``'s
    schema, articles in reading order, ``direction`` ``vertical-rl``)."""
    rng = np.random.default_rng([spec.seed, 21])
    corpus = load_corpus("zh-hant")
    page = Image.new("L", (spec.width, spec.height), 255)
    draw = ImageDraw.Draw(page)
    stories = _compose(draw, spec, rng, corpus)
    truth = {
        "image": f"zh-hant-vertical-{spec.seed}.png",
        "language": "zh",
        "script": "hant",
        "direction": "vertical-rl",
        "generator": GENERATOR,
        "width": spec.width,
        "height": spec.height,
        "dpi": spec.dpi,
        "skew_angle": 0.0,
        "columns": spec.stories_per_band,
        "running_head": [],
        "articles": [
            {
                "headline": s.headline,
                "paragraphs": s.paragraphs,
                "captions": s.captions,
                "byline": s.byline,
                "bbox": list(s.bbox),
            }
            for s in stories
        ],
    }
    return _finish(page, spec), truth


def _finish(page: Image.Image, spec: VerticalSpec) -> Image.Image:
    if spec.bitonal:
        return page.point(lambda v: 255 if v >= 160 else 0).convert("1")
    if spec.tint is None:
        return page
    grey = np.asarray(page, dtype=np.float32) / 255.0
    paper = np.array(spec.tint, dtype=np.float32)
    rgb = grey[..., None] * paper + (1.0 - grey[..., None]) * np.array([30, 25, 20])
    return Image.fromarray(rgb.astype(np.uint8), "RGB")


def _compose(
    draw: ImageDraw.ImageDraw, spec: VerticalSpec, rng: np.random.Generator, corpus
) -> list[_Story]:
    margin, gap = 2 * spec.char, spec.char
    band_h = (spec.height - 2 * margin - (spec.bands - 1) * gap) // spec.bands
    order = [int(i) for i in rng.permutation(len(corpus.stories))]
    signing = np.random.default_rng([spec.seed, 23])
    stories: list[_Story] = []
    photo_at = int(rng.integers(spec.bands * spec.stories_per_band)) if spec.photo else -1
    for band in range(spec.bands):
        y0 = margin + band * (band_h + gap)
        if band:
            draw.line(
                [(margin, y0 - gap // 2), (spec.width - margin, y0 - gap // 2)], fill=0, width=2
            )
        edges = _story_edges(spec, rng, margin, gap)
        # Stories right to left: the reading order.
        for k, (x0, x1) in enumerate(reversed(edges)):
            n = band * spec.stories_per_band + k
            if k:
                draw.line([(x1 + gap // 2, y0), (x1 + gap // 2, y0 + band_h)], fill=0, width=2)
            story = corpus.stories[order[n % len(order)]]
            across = spec.headline_across and n == 0
            signed = _signature(signing, spec)
            box = (x0, y0, x1, y0 + band_h)
            stories.append(_set_story(draw, spec, rng, story, box, across, n == photo_at, signed))
    return stories


def _story_edges(
    spec: VerticalSpec, rng: np.random.Generator, margin: int, gap: int
) -> list[tuple[int, int]]:
    """The x ranges of a band's stories, left to right."""
    width = spec.width - 2 * margin - (spec.stories_per_band - 1) * gap
    shares = rng.uniform(0.8, 1.2, spec.stories_per_band)
    widths = (shares / shares.sum() * width).astype(int)
    edges, x = [], margin
    for w in widths:
        edges.append((x, x + int(w)))
        x += int(w) + gap
    return edges


def _set_story(
    draw: ImageDraw.ImageDraw,
    spec: VerticalSpec,
    rng: np.random.Generator,
    story,
    box: tuple[int, int, int, int],
    across: bool,
    photo: bool,
    signed: tuple[str, int] | None = None,
) -> _Story:
    """Draw one story into ``box`` (x0, y0, x1, y1); its truth. ``signed``:
    a writer's name and how many characters of white under the headline it
    stands (for a headline down the story's right)."""
    x0, y0, x1, y1 = box
    c = spec.char
    head = _clean(story.headlines[int(rng.integers(len(story.headlines)))])
    hc = int(1.6 * c)
    byline = None
    if across:
        head = _title(head, max(2, (x1 - x0) // hc))
        start = x1 - (x1 - x0 - len(head) * hc) // 2 - len(head) * hc
        _draw_row(draw, head, start, y0, hc, spec)
        top, right = y0 + hc + c, x1  # a line of white under the headline
    else:
        room = y1 - y0
        if signed is not None:  # the title ends well up its column, the name under it
            room -= (signed[1] + 2) * c + _small(spec)
        head = _title(head, max(2, room // hc))
        _draw_column(draw, head, x1 - hc, y0, hc, spec)
        top, right = y0, x1 - hc - c
        byline = _sign(draw, spec, signed, x1, y0 + len(head) * hc, y1)
    left = x0
    captions: list[str] = []
    if photo and story.captions:
        pw = max(3 * c, (x1 - x0) // 3)
        draw.rectangle([x0, top + c, x0 + pw, y1 - c], fill=110, outline=0)
        # The caption in smaller type close beside the photo, well apart from the body.
        small = int(0.75 * c)
        rows = (y1 - top - 2 * c) // small
        caption = _clean(story.captions[0])[:rows]
        _draw_column(draw, caption, x0 + pw + c // 3, top + c, small, spec)
        captions = [caption]
        left = x0 + pw + c // 3 + small + int(1.5 * c)
    paragraphs = _set_body(draw, spec, story, right, top, left, y1)
    return _Story(head, paragraphs, captions, box, byline)


def _title(head: str, most: int) -> str:
    """``head`` cut to ``most`` characters, never ending on an opening bracket
    or quote (a compositor cuts a title at a word, not inside a quotation)."""
    cut = head[:most]
    stripped = cut.rstrip("「『（《〈(【〔［“‘")
    return stripped or cut


# No name is another read backwards (雲寒 and 寒雲 would hide a name turned round).
_PEN_NAMES = ("翁丹", "秋涵", "雲寒", "得凌", "澄秋", "天笑")
_PEN_NAMES += ("老槍", "獨鶴", "病蝶", "海鳴", "小隱", "大雄")


def _signature(rng: np.random.Generator, spec: VerticalSpec) -> tuple[str, int] | None:
    """A story's signature, drawn from its own stream: a name and the white
    under the headline (characters), or None (``spec.pen_names`` of stories
    are signed)."""
    signed = rng.random() < spec.pen_names
    name = f"（{_PEN_NAMES[int(rng.integers(len(_PEN_NAMES)))]}）"
    white = int(rng.integers(1, 5))
    return (name, white) if signed else None


def _small(spec: VerticalSpec) -> int:
    """The size of a writer's name's type: half the body's."""
    return max(10, spec.char // 2)


def _sign(
    draw, spec: VerticalSpec, signed: tuple[str, int] | None, right: int, foot: int, bottom: int
) -> str | None:
    """Set the writer's name across in small type, its right end at the
    story's ``right``, under a headline ending at ``foot``; the name, or
    None when there is none or no room above ``bottom``."""
    if signed is None:
        return None
    name, white = signed
    small = _small(spec)
    y = foot + white * spec.char
    if y + small > bottom - spec.char:
        return None
    _draw_row(draw, name, right - len(name) * small, y, small, spec)
    return name


def _set_body(
    draw, spec: VerticalSpec, story, right: int, top: int, left: int, bottom: int
) -> list[str]:
    """Fill vertical lines from ``right`` leftwards down to ``left``; the paragraphs drawn."""
    c = spec.char
    pitch = int(1.5 * c)
    rows = (bottom - top) // c - 2  # room for punctuation hanging below
    x = right - c
    paragraphs: list[str] = []
    sentences = [_clean(s) for s in story.sentences if not _LATIN_OR_DIGIT.search(s)]
    for sentence in sentences:
        text, row = sentence, 2  # a paragraph starts two characters down
        drawn = ""
        while text and x >= left:
            take = text[: rows - row]
            if len(text) - len(take) <= 2 and all(ch in _HANGING for ch in text[len(take) :]):
                take = text  # closing punctuation hangs below the line, never alone
            _draw_column(draw, take, x, top + row * c, c, spec)
            drawn += take
            text = text[len(take) :]
            row = 0
            x -= pitch
        if drawn:
            paragraphs.append(drawn)
        if x < left:
            break
    return paragraphs


def _clean(text: str) -> str:
    return text.translate(_QUOTES).replace(" ", "")


def _draw_column(draw, text: str, x: int, y: int, size: int, spec: VerticalSpec) -> None:
    font = load_font(_FONT, int(0.9 * size), traditional=True)
    for i, ch in enumerate(text):
        draw.text((x + size / 2, y + i * size + size / 2), ch, font=font, fill=0, anchor="mm")


def _draw_row(draw, text: str, x: int, y: int, size: int, spec: VerticalSpec) -> None:
    font = load_font(_FONT, int(0.9 * size), traditional=True)
    for i, ch in enumerate(text):
        draw.text((x + i * size + size / 2, y + size / 2), ch, font=font, fill=0, anchor="mm")


def save_vertical_page(spec: VerticalSpec, out_dir: str | Path, stem: str) -> Path:
    """Write ``<stem>.png`` (``.tif``, CCITT Group 4, for a bitonal page) and
    ``<stem>.truth.json`` into ``out_dir``; return the image path."""
    image, truth = generate_vertical_page(spec)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    dpi = (spec.dpi, spec.dpi)
    if spec.bitonal:
        path = out / f"{stem}.tif"
        image.convert("1").save(path, format="TIFF", compression="group4", dpi=dpi)
    else:
        path = out / f"{stem}.png"
        image.save(path, format="PNG", dpi=dpi)
    truth = dict(truth, image=path.name)
    text = json.dumps(truth, ensure_ascii=False, indent=1) + "\n"
    (out / f"{stem}.truth.json").write_text(text, encoding="utf-8")
    log.info("wrote %s", path)
    return path


def random_vertical_spec(seed: int) -> VerticalSpec:
    """A vertical page drawn from ``seed``: 2-3 bands of 2-3 stories, 24-32 px
    type, a headline across over the first story now and then, a photo on most
    pages; white, tinted or bitonal paper."""
    rng = np.random.default_rng([seed, 22])
    paper = rng.choice(["white", "tint", "bitonal"], p=[0.5, 0.3, 0.2])
    return VerticalSpec(
        seed=seed,
        width=int(rng.integers(1300, 1800)),
        height=int(rng.integers(1400, 2000)),
        char=int(rng.integers(24, 33)),
        bands=int(rng.integers(2, 4)),
        stories_per_band=int(rng.integers(2, 4)),
        photo=bool(rng.random() < 0.7),
        headline_across=bool(rng.random() < 0.4),
        bitonal=paper == "bitonal",
        tint=(236, 226, 200) if paper == "tint" else None,
        pen_names=0.5,
    )
