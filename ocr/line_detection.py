"""Text lines in an image: PaddleOCR's DB text detector at a scale chosen from
the image's own type size.

PaddleOCR's DB text detector (PP-OCRv6 small) runs over the image at a scale
chosen from its type size, not a fixed side length: a first pass at a modest
size measures the median detected line height, and the image is detected
again only when the lines measured there lie outside the band of heights the
detector reads alike (0.75 to 1.33 of the target height, 0.8 to 1.33 on a
page of vertical lines, ``DetectionSettings.keep_measured``): 7-pixel type on
a 72-dpi page is enlarged; 60-pixel type on a 600-dpi broadsheet is reduced,
but a page of vertical lines never below ``DetectionSettings.min_vertical_scale``
(the hairline rules between its tiers must stay visible).
A large image is detected in overlapping tiles so that memory stays bounded;
lines cut by a tile edge are joined again. Boxes are in the given image's
pixels (the working image, for the detection stage ``ocr.detect``).
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass

import cv2
import numpy as np
from newsprint.core.settings import DetectionSettings
from newsprint.layout.binarize import is_bitonal
from newsprint.ocr.display import with_display_lines
from newsprint.ocr.engine import OcrEngine

log = logging.getLogger(__name__)


@dataclass
class DetectedLines:
    """Axis-aligned text line boxes found on the page."""

    boxes: np.ndarray
    """N x 4 float array of x0, y0, x1, y1 in working-image pixels."""
    scale: float
    """The detection scale used (detection-image pixels per working pixel)."""
    line_height: float
    """Median height of the detected lines, in working-image pixels (0 if none)."""


def detect_lines(
    work: np.ndarray,
    engine: OcrEngine,
    settings: DetectionSettings,
    area: tuple[int, int, int, int] | None = None,
    scale: float | None = None,
) -> DetectedLines:
    """Text line boxes in ``work`` (8-bit grey or BGR), within ``area`` if given.

    ``scale`` forces the detection scale; by default it is measured (see the
    module's docstring). Raises nothing for a blank page: it has no lines.
    """
    x0, y0, x1, y1 = area or (0, 0, work.shape[1], work.shape[0])
    image = work[y0:y1, x0:x1]
    if image.size == 0:
        return DetectedLines(np.zeros((0, 4)), 1.0, 0.0)
    if scale is None:
        found, scale, type_scale = _measured(image, engine, settings)
    else:
        found, type_scale = _detect_scaled(image, engine, scale, settings), scale
    if settings.display_factor and len(found):
        # At the type's own scale: a floor raised for hairlines leaves the
        # coarse pass where headlines are seen whole.
        coarse = _detect_scaled(image, engine, type_scale * settings.display_factor, settings)
        found = with_display_lines(found, coarse, median_height(found), image)
    if len(found):
        found = found + np.array([x0, y0, x0, y0], dtype=np.float64)
    log.debug("detected %d lines at scale %.2f", len(found), scale)
    return DetectedLines(found, scale, median_height(found))


def _measured(
    image: np.ndarray, engine: OcrEngine, settings: DetectionSettings
) -> tuple[np.ndarray, float, float]:
    """Lines detected at the scale the image's type asks (module docstring),
    that scale raised to ``min_vertical_scale`` on a page of vertical lines:
    the lines, the scale they were found at, and the type's own scale."""
    first = min(1.0, settings.measure_side / max(image.shape[:2]))
    found = _detect_scaled(image, engine, first, settings)
    height = median_height(found)
    if height <= 0 or len(found) < settings.min_lines_to_measure:
        if first < 1.0:
            # Too few lines to measure at the reduced size: the type may be too
            # small to see there, so look at full resolution.
            return _detect_scaled(image, engine, 1.0, settings), 1.0, 1.0
        return found, first, first
    down = mostly_vertical(found)
    target = settings.target_vertical_line_px if down else settings.target_line_px
    wanted = float(np.clip(target / height, settings.min_scale, settings.max_scale))
    low, high = settings.keep_measured_vertical if down else settings.keep_measured
    # A scale clipped to within a tenth of the first is not worth a pass.
    worth = abs(wanted - first) > MIN_RESCALE * first
    type_scale = wanted if worth and not low <= height * first / target <= high else first
    # Tier rules too thin to see below the floor (``min_vertical_scale``); a
    # scale within a tenth of it is as good, and worth no pass of its own.
    floor = settings.min_vertical_scale if down else 0.0
    near_floor = (1 - MIN_RESCALE) * floor
    goal = type_scale if type_scale >= near_floor else floor
    if goal == first or (first >= near_floor and abs(goal - first) <= MIN_RESCALE * first):
        return found, first, type_scale
    lines, scale = _rescaled(image, engine, settings, found, first, goal)
    if scale == first and goal != type_scale != first:
        # The floor's pass lost most lines: the type's own scale, as without it.
        lines, scale = _rescaled(image, engine, settings, found, first, type_scale)
    return lines, scale, (type_scale if scale != first else first)


def _rescaled(
    image: np.ndarray,
    engine: OcrEngine,
    settings: DetectionSettings,
    measured: np.ndarray,
    first: float,
    wanted: float,
) -> tuple[np.ndarray, float]:
    """Lines detected at the ``wanted`` scale, and that scale; the measuring
    pass's lines and scale where the rescaled pass lost most of them.

    Type under heavy dust (a 1-bit page of six lines under 9,000 specks) is
    seen at full size and lost at 0.6 of it, where the specks are averaged
    into a grey haze: no line at all was found there."""
    found = _detect_scaled(image, engine, wanted, settings)
    if len(found) < RESCALED_KEEPS * len(measured):
        log.debug(
            "rescaled detection found %d of %d lines: kept scale %.2f",
            len(found),
            len(measured),
            first,
        )
        return measured, first
    return found, wanted


MIN_RESCALE = 0.1
"""Share of the first scale: a second pass at a scale nearer the first than
this (the wanted scale clipped to ``min_scale`` or ``max_scale``) is not run."""


RESCALED_KEEPS = 0.5
"""Share of the measuring pass's line count that the rescaled pass must find
for its lines to be taken (it finds more where small type was merged or missed
at the measuring scale, about as many where it was only measured)."""


def _detect_scaled(
    image: np.ndarray, engine: OcrEngine, scale: float, settings: DetectionSettings
) -> np.ndarray:
    """Line boxes (N x 4, in ``image`` pixels) detected at ``scale``, tile by tile."""
    h, w = image.shape[:2]
    sw, sh = max(1, round(w * scale)), max(1, round(h * scale))
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    if scale != 1:
        scaled = cv2.resize(image, (sw, sh), interpolation=interpolation)
    elif is_bitonal(image):
        scaled = cv2.GaussianBlur(image, BITONAL_SOFTENING, 0)
    else:
        scaled = image
    boxes = []
    tiles = list(_tiles(scaled, settings.tile_side, settings.tile_overlap))
    for tx, ty, tile in tiles:
        quads = engine.detect_native(tile)
        if len(quads) == 0:
            continue
        found = np.column_stack(
            [
                quads[:, :, 0].min(1),
                quads[:, :, 1].min(1),
                quads[:, :, 0].max(1),
                quads[:, :, 1].max(1),
            ]
        ).astype(np.float64)
        boxes.append(found + np.array([tx, ty, tx, ty]))
    if not boxes:
        return np.zeros((0, 4))
    merged = np.concatenate(boxes)
    if len(tiles) > 1:
        merged = _join_tile_pieces(merged, _seams(tiles), mostly_vertical(merged))
    merged /= scale
    return np.clip(merged, 0, [w, h, w, h])


BITONAL_SOFTENING = (3, 3)
"""Gaussian kernel a 1-bit image is softened with before it is detected at its
own size (every other scale resamples it, which greys its edges as a scanner
does). The detector was trained on grey images: on the hard edges of NCSE's
1-bit NS2 1843 p4, at its own size, it found no line in a 2,048-pixel tile
(666 softened) and 259 on the page where the rest of the pipeline had to look
again at twice the size to find 1,088 (5.3 s); where PaddleX's rounding of
the size to a multiple of 32 happened to resample a tile, it found them."""


def _tiles(image: np.ndarray, side: int, overlap: int):
    """(x, y, tile) covering ``image`` with tiles of at most ``side`` px that
    overlap by ``overlap`` px; one tile when the image fits. Raises
    ValueError unless 0 <= ``overlap`` < ``side``.

    Full tiles from the top left, the last of a row or column what is left
    (a sliver where the page is a little larger than a tile). Tiles of one
    size spread evenly (an A4 page at 300 dpi in two tiles, not two and two
    400-pixel slivers: 0.99x of the detection time) were tried in the
    thirty-first run and taken back: the whole NZZ 1940 page in one tile
    found no line in its black-letter nameplate, and its reading order fell
    0.976 -> 0.943."""
    if not 0 <= overlap < side:
        raise ValueError(f"tile overlap {overlap} px must be at least 0 and under the side {side}")
    h, w = image.shape[:2]
    step = side - overlap
    ys = [0] if h <= side else list(range(0, h - overlap, step))
    xs = [0] if w <= side else list(range(0, w - overlap, step))
    for y in ys:
        for x in xs:
            yield x, y, image[y : y + side, x : x + side]


def _join_tile_pieces(
    boxes: np.ndarray, seams: list[tuple[str, int, int]], down: bool = False
) -> np.ndarray:
    """One box for a line seen in two overlapping tiles (whole in one and cut in
    the other, or cut in both): boxes near a seam that lie on one line and
    overlap are joined. Within one tile the detector never gives two
    overlapping boxes on one line, so only pieces from two tiles meet this
    test. The two must be of one line: they overlap by 0.6 of the thicker's
    thickness, so that a box already joined never grows over the next line
    (in dense type across a seam one tile's box that took in two rows joined,
    piece by piece, three rows of four columns into one box: synthetic
    en-old-1000). Two lines that run down (vertical Chinese) are tested down
    the page: their padded boxes overlap their neighbours' beside them, and
    joined across, a seam through a block of vertical lines ran them all
    into one box (ECPO 1940, an advert of thirteen lines). ``down``: the
    page's lines run down (``mostly_vertical``), so that the short stubs a
    seam leaves of its vertical lines are tested down the page too."""
    near = np.zeros(len(boxes), dtype=bool)
    for axis, lo, hi in seams:
        a, b = (0, 2) if axis == "x" else (1, 3)
        near |= (boxes[:, b] >= lo) & (boxes[:, a] <= hi)
    joined: list[list[float]] = []
    for box in boxes[near][np.argsort(boxes[near][:, 0])].tolist():
        for i, other in enumerate(joined):
            if _one_line(box, other, down):
                joined[i] = [
                    min(box[0], other[0]),
                    min(box[1], other[1]),
                    max(box[2], other[2]),
                    max(box[3], other[3]),
                ]
                break
        else:
            joined.append(box)
    return np.concatenate([boxes[~near], np.array(joined).reshape(-1, 4)])


def _one_line(box: list[float], other: list[float], down_page: bool = False) -> bool:
    """Whether two overlapping boxes (x0, y0, x1, y1) are pieces of one line:
    along a row, or down a column when both run down, or on a page of
    vertical lines (``down_page``) when neither runs across."""
    ax0, ay0, ax1, ay1 = box
    bx0, by0, bx1, by1 = other
    a_down, b_down = ay1 - ay0 >= 2 * (ax1 - ax0), by1 - by0 >= 2 * (bx1 - bx0)
    a_across, b_across = ax1 - ax0 >= 2 * (ay1 - ay0), bx1 - bx0 >= 2 * (by1 - by0)
    if (a_down and b_down) or (down_page and not (a_across or b_across)):
        ax0, ay0, ax1, ay1, bx0, by0, bx1, by1 = ay0, ax0, ay1, ax1, by0, bx0, by1, bx1
    dy = min(ay1, by1) - max(ay0, by0)
    dx = min(ax1, bx1) - max(ax0, bx0)
    return bool(dx > 0 and dy >= 0.6 * max(ay1 - ay0, by1 - by0))


def _seams(tiles: list) -> list[tuple[str, int, int]]:
    """The strips where neighbouring tiles overlap, as (axis, start, end)."""
    xs = sorted({(x, tile.shape[1]) for x, _, tile in tiles})
    ys = sorted({(y, tile.shape[0]) for _, y, tile in tiles})
    seams = [("x", x, prev + wide) for (prev, wide), (x, _) in itertools.pairwise(xs)]
    return seams + [("y", y, prev + tall) for (prev, tall), (y, _) in itertools.pairwise(ys)]


def mostly_vertical(boxes: np.ndarray) -> bool:
    """Whether most of the lines that have a direction (one side at least twice
    the other) run down the page: a page of vertical Chinese."""
    heights = boxes[:, 3] - boxes[:, 1]
    widths = boxes[:, 2] - boxes[:, 0]
    down = heights >= 2 * widths
    across = widths >= 2 * heights
    return int(down.sum()) > int(across.sum())


def median_height(boxes: np.ndarray) -> float:
    """The median type size of the detected lines: the height of a line that
    runs across, the width of one that runs down (vertical Chinese)."""
    if len(boxes) == 0:
        return 0.0
    heights = boxes[:, 3] - boxes[:, 1]
    widths = boxes[:, 2] - boxes[:, 0]
    thickness = np.minimum(heights, widths)
    lines = thickness[np.maximum(heights, widths) >= 2 * thickness]
    return float(np.median(lines if len(lines) else heights))
