"""Small synthetic pages drawn in the tests, with Pillow's bundled font."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

WORDS = [
    "the",
    "city",
    "council",
    "voted",
    "on",
    "tuesday",
    "to",
    "approve",
    "a",
    "new",
    "budget",
    "for",
    "schools",
    "roads",
    "and",
    "parks",
    "after",
    "months",
    "of",
    "debate",
    "while",
    "residents",
    "asked",
    "for",
    "more",
    "buses",
    "and",
    "safer",
    "streets",
]


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def text_lines(n: int, seed: int, words_per_line: int = 5) -> list[str]:
    rng = np.random.default_rng(seed)
    return [" ".join(rng.choice(WORDS, words_per_line)) for _ in range(n)]


def column_page(
    columns: int = 4,
    lines_per_column: int = 30,
    size: int = 22,
    gutter: int = 40,
    col_width: int = 300,
    headline: str | None = "Council Approves Budget",
    photo: bool = False,
    rules: bool = False,
) -> Image.Image:
    """A page with a headline across all columns and body text below it."""
    margin, pitch = 60, int(size * 1.45)
    width = 2 * margin + columns * col_width + (columns - 1) * gutter
    top = margin + (int(size * 4) if headline else 0)
    height = top + lines_per_column * pitch + margin
    img = Image.new("L", (width, height), 240)
    draw = ImageDraw.Draw(img)
    if headline:
        draw.text((margin, margin), headline, font=font(int(size * 2.2)), fill=10)
    body = font(size)
    for c in range(columns):
        x = margin + c * (col_width + gutter)
        rows = text_lines(lines_per_column, seed=c)
        start = 0
        if photo and c == 0:
            draw_photo(img, (x, top, x + col_width, top + 8 * pitch))
            draw.text((x, top + 8 * pitch + 6), "A photo caption here", font=body, fill=10)
            start = 10
        for r in range(start, lines_per_column):
            draw.text(
                (x, top + r * pitch), _fit(draw, rows[r], body, col_width), font=body, fill=10
            )
        if rules and c:
            gx = x - gutter // 2
            draw.line([(gx, top), (gx, height - margin)], fill=20, width=2)
    return img


def _fit(draw: ImageDraw.ImageDraw, text: str, fnt: ImageFont.FreeTypeFont, width: int) -> str:
    while text and draw.textlength(text, font=fnt) > width:
        text = text[:-1]
    return text.rstrip()


def draw_photo(img: Image.Image, box: tuple[int, int, int, int]) -> None:
    x0, y0, x1, y1 = box
    rng = np.random.default_rng(7)
    h, w = y1 - y0, x1 - x0
    yy, xx = np.mgrid[0:h, 0:w]
    tex = 90 + 60 * np.sin(xx / 17.0) * np.cos(yy / 23.0) + rng.normal(0, 25, (h, w))
    img.paste(Image.fromarray(np.clip(tex, 0, 255).astype(np.uint8)), (x0, y0))


def speckled_text_page(
    specks: int = 9000, seed: int = 6, typeface: ImageFont.FreeTypeFont | None = None
) -> np.ndarray:
    """Six level lines of 28-px type (``typeface``, Pillow's own by default) on
    a 1-bit 1200 x 1500 page under heavy dust: ``specks`` black squares and
    blobs of 1-4 px, and 60 small clusters of them (8-bit grey, 0 or 255).
    The specks outnumber the letters."""
    image = Image.new("L", (1200, 1500), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(text_lines(6, seed, words_per_line=9)):
        draw.text((100, 200 + 48 * i), line, font=typeface or font(28), fill=0)
    page = np.where(np.asarray(image) < 140, 0, 255).astype(np.uint8)
    rng = np.random.default_rng(seed)
    for _ in range(specks):
        s = int(rng.integers(1, 5))
        y, x = int(rng.integers(0, 1500 - s)), int(rng.integers(0, 1200 - s))
        blob = rng.random((s, s)) < 0.7 if s >= 3 and rng.random() < 0.5 else np.ones((s, s), bool)
        page[y : y + s, x : x + s][blob] = 0
    add_dust_clusters(page, rng, count=60, margin=50, spread=12)
    return page


def add_dust_clusters(
    page: np.ndarray, rng: np.random.Generator, count: int, margin: int, spread: float
) -> None:
    """Ink ``count`` little patches of dust onto ``page`` (8-bit, 0 is ink): 5-24
    specks of 1-3 px each, normally spread ``spread`` px round a centre at
    least ``margin`` px from the edges, as a scanner thresholds a dirty platen."""
    h, w = page.shape
    for _ in range(count):
        cy, cx = int(rng.integers(margin, h - margin)), int(rng.integers(margin, w - margin))
        for _ in range(int(rng.integers(5, 25))):
            s = int(rng.integers(1, 4))
            y, x = cy + int(rng.normal(0, spread)), cx + int(rng.normal(0, spread))
            page[y : y + s, x : x + s] = 0


def ink_fitted_lines(
    sentences: list[str], font_path: str, size: int, count: int
) -> list[np.ndarray]:
    """``count`` drawn lines (BGR), ``sentences`` in turn at ``size`` px in the
    font at ``font_path``, each cut to its ink as newsprint cuts its lines."""
    fnt = ImageFont.truetype(font_path, size)
    crops = []
    for k in range(count):
        image = Image.new("L", (size * 24, size * 2), 255)
        ImageDraw.Draw(image).text((10, size // 3), sentences[k % len(sentences)], font=fnt, fill=0)
        grey = np.asarray(image)
        rows = np.flatnonzero((grey < 128).any(axis=1))
        cols = np.flatnonzero((grey < 128).any(axis=0))
        crop = grey[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
        crops.append(np.repeat(crop[:, :, None], 3, axis=2))
    return crops
