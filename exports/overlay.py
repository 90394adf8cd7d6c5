"""``overlay.png``: the working image with regions coloured by type and articles numbered."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from newsprint.core.page import NewspaperPage, Region, RegionType
from newsprint.core.settings import OutputSettings
from newsprint.exports.atomic import atomic_write_bytes
from newsprint.layout.boxes import Box
from PIL import Image, ImageDraw, ImageFont

log = logging.getLogger(__name__)

OVERLAY_PNG = "overlay.png"
Colour = tuple[int, int, int]
REGION_COLOURS: dict[RegionType, Colour] = {
    RegionType.HEADLINE: (220, 20, 20),
    RegionType.TEXT: (25, 80, 230),
    RegionType.CAPTION: (255, 140, 0),
    RegionType.PHOTO: (20, 160, 50),
    RegionType.BYLINE: (140, 40, 190),
    RegionType.RUNNING_HEAD: (128, 128, 128),
    RegionType.FOLIO: (128, 128, 128),
    RegionType.NAMEPLATE: (90, 90, 90),
    RegionType.SEPARATOR: (0, 0, 0),
    RegionType.ADVERTISEMENT: (140, 80, 30),
    RegionType.TABLE: (0, 150, 150),
    RegionType.JUMP: (200, 0, 130),
}
FILL_ALPHA = 85
LABEL_BACKGROUND = (255, 230, 0, 235)
LEGEND_BACKGROUND = (255, 255, 255, 220)
FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
)
PointMap = Callable[[np.ndarray], np.ndarray]
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


OVERLAY_PNG_LEVEL = 3
"""zlib level of overlay.png (Pillow's default is 6)."""
OVERLAY_COLOURS = 256
"""overlay.png is a palette image of at most this many colours."""


def write_overlay(page: NewspaperPage, folder: Path, settings: OutputSettings) -> Path:
    """Write ``folder/overlay.png`` (a palette PNG, ``OVERLAY_COLOURS``) atomically
    and return its path."""
    picture = render_overlay(page, settings.overlay_max_side)
    # A grey page under a dozen translucent region colours needs no more than
    # a 256-colour palette (Pillow's fast octree): a 2000-px overlay encodes in
    # 0.09 s instead of 0.45 s as RGB, and is a quarter of the size (0.6 MB).
    # zlib level 3 instead of Pillow's 6: a third of the time, no larger.
    picture = picture.quantize(colors=OVERLAY_COLOURS, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", compress_level=OVERLAY_PNG_LEVEL)
    return atomic_write_bytes(Path(folder) / OVERLAY_PNG, buffer.getvalue())


def render_overlay(page: NewspaperPage, max_side: int) -> Image.Image:
    """The overlay as an RGB image whose longest side is at most ``max_side``.

    Drawn on ``page.work_image`` (regions mapped with ``page.geometry``); without one,
    on ``page.image`` in scan coordinates; without either, on a white page.
    """
    grey, to_base = _base_image(page)
    small, scale = _downscale(grey, max_side)
    to_canvas = _scaled(to_base, scale)
    canvas = Image.fromarray(cv2.cvtColor(small, cv2.COLOR_GRAY2RGB)).convert("RGBA")
    canvas = Image.alpha_composite(canvas, _regions_layer(page.regions, canvas.size, to_canvas))
    draw = ImageDraw.Draw(canvas)
    _draw_unread(draw, page, to_canvas)
    _number_articles(draw, page, to_canvas, canvas.size)
    boxes = [_canvas_box(to_canvas(_outline(r))) for r in page.regions]
    _draw_legend(draw, page.regions, canvas.size, boxes)
    return canvas.convert("RGB")


def _canvas_box(points: np.ndarray) -> Box:
    (x0, y0), (x1, y1) = points.min(axis=0), points.max(axis=0)
    return Box(float(x0), float(y0), float(x1), float(y1))


def _base_image(page: NewspaperPage) -> tuple[np.ndarray, PointMap]:
    if page.work_image is not None:
        return _as_grey(page.work_image), page.geometry.to_work_points
    if page.image is not None:
        return _as_grey(page.image), _identity
    log.warning("%s: no image to draw the overlay on; using a blank page", page.source)
    blank = np.full((max(page.height, 1), max(page.width, 1)), 255, dtype=np.uint8)
    return blank, _identity


def _identity(points: np.ndarray) -> np.ndarray:
    return np.asarray(points, dtype=np.float64).reshape(-1, 2)


def _as_grey(image: np.ndarray) -> np.ndarray:
    array = np.asarray(image)
    if array.dtype != np.uint8:
        array = np.clip(array, 0, 255).astype(np.uint8)
    if array.ndim == 3:
        code = cv2.COLOR_RGBA2GRAY if array.shape[2] == 4 else cv2.COLOR_RGB2GRAY
        return cv2.cvtColor(array, code)
    return array


def _downscale(grey: np.ndarray, max_side: int) -> tuple[np.ndarray, tuple[float, float]]:
    height, width = grey.shape[:2]
    factor = min(1.0, max(1, max_side) / max(height, width))
    if factor >= 1.0:
        return grey, (1.0, 1.0)
    size = (max(1, int(width * factor)), max(1, int(height * factor)))
    small = cv2.resize(grey, size, interpolation=cv2.INTER_AREA)
    return small, (size[0] / width, size[1] / height)


def _scaled(to_base: PointMap, scale: tuple[float, float]) -> PointMap:
    factors = np.asarray(scale, dtype=np.float64)
    return lambda points: to_base(points) * factors


def _outline(region: Region) -> np.ndarray:
    """The region's polygon in scan pixels, or its bbox corners when it has none."""
    if len(region.polygon) >= 3:
        return np.asarray(region.polygon, dtype=np.float64)
    x0, y0, x1, y1 = region.bbox
    return np.asarray([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], dtype=np.float64)


def _regions_layer(
    regions: list[Region], size: tuple[int, int], to_canvas: PointMap
) -> Image.Image:
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    width = max(2, round(max(size) / 700))
    for region in regions:
        colour = REGION_COLOURS.get(region.type, (255, 0, 255))
        points = [(float(x), float(y)) for x, y in to_canvas(_outline(region))]
        draw.polygon(points, fill=(*colour, FILL_ALPHA), outline=(*colour, 255), width=width)
    return layer


def _draw_unread(draw: ImageDraw.ImageDraw, page: NewspaperPage, to_canvas: PointMap) -> None:
    """Areas of type-like ink that no line covers (flag ``unread_text``), outlined in red."""
    for x0, y0, x1, y1 in page.unread_areas:
        corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float64)
        points = [(float(x), float(y)) for x, y in to_canvas(corners)]
        draw.polygon(points, outline=(220, 0, 0, 255), width=3)


def _number_articles(
    draw: ImageDraw.ImageDraw, page: NewspaperPage, to_canvas: PointMap, size: tuple[int, int]
) -> None:
    """A big reading-order number at the top-left of each article's first region."""
    font = _font(max(14, round(max(size) / 28)))
    known = {region.id: region for region in page.regions}
    for number, article in enumerate(page.articles, start=1):
        first = next((known[rid] for rid in article.region_ids if rid in known), None)
        if first is not None:
            x, y = to_canvas(_outline(first)).min(axis=0)
            _draw_label(draw, (round(x), round(y)), str(number), font)


def _draw_label(draw: ImageDraw.ImageDraw, corner: tuple[int, int], text: str, font: Font) -> None:
    """``text`` on a yellow box whose top-left corner is just inside ``corner``."""
    pad = max(2, round(_font_size(font) / 8))
    x, y = corner[0] + pad, corner[1] + pad
    left, top, right, bottom = draw.textbbox((x, y), text, font=font)
    box = (left - pad, top - pad, right + pad, bottom + pad)
    draw.rectangle(box, fill=LABEL_BACKGROUND, outline=(0, 0, 0, 255), width=max(1, pad // 2))
    draw.text((x, y), text, font=font, fill=(0, 0, 0, 255))


def _legend_entries(regions: list[Region]) -> list[tuple[str, Colour]]:
    present = {region.type for region in regions}
    entries = [(kind.value, colour) for kind, colour in REGION_COLOURS.items() if kind in present]
    return [*entries, ("1, 2... article order", LABEL_BACKGROUND[:3])] if entries else []


def _draw_legend(
    draw: ImageDraw.ImageDraw,
    regions: list[Region],
    size: tuple[int, int],
    boxes: list[Box],
) -> None:
    """A small key, a swatch per region type present, in the corner of the
    overlay where it covers least of the regions' ``boxes`` (canvas pixels):
    the top-right one unless it covers more (there it hid a running head's
    end and its folio, and an article's number)."""
    entries = _legend_entries(regions)
    if not entries:
        return
    font = _font(max(10, round(max(size) / 90)))
    row = round(_font_size(font) * 1.4)
    width = round(max(draw.textlength(label, font=font) for label, _ in entries)) + 2 * row
    height = row * len(entries) + row // 2
    left, top = row // 2, row // 2
    right, bottom = max(0, size[0] - width - row // 2), max(0, size[1] - height - row // 2)
    frames = [
        Box(x, y, x + width, y + height)
        for x, y in ((right, top), (left, top), (right, bottom), (left, bottom))
    ]
    frame = min(frames, key=lambda f: _covered(f, boxes)).as_tuple()
    x0, y0 = frame[0], frame[1]
    draw.rectangle(frame, fill=LEGEND_BACKGROUND, outline=(0, 0, 0, 255))
    for index, (label, colour) in enumerate(entries):
        top = y0 + row // 4 + index * row
        swatch = (x0 + row // 4, top + row // 6, x0 + row, top + row - row // 6)
        draw.rectangle(swatch, fill=(*colour, 255), outline=(0, 0, 0, 255))
        draw.text((x0 + row * 5 // 4, top), label, font=font, fill=(0, 0, 0, 255))


def _covered(frame: Box, boxes: list[Box]) -> float:
    """How much of ``boxes`` a legend in ``frame`` would cover (px²)."""
    return sum(frame.x_overlap(b) * frame.y_overlap(b) for b in boxes)


def _font_size(font: Font) -> float:
    return float(getattr(font, "size", 11))


@lru_cache(maxsize=16)
def _font(size: int) -> Font:
    for file in FONT_FILES:
        if Path(file).is_file():
            return ImageFont.truetype(file, size)
    log.warning("DejaVu Sans Bold not found; overlay labels use Pillow's default font")
    return ImageFont.load_default(size=size)
