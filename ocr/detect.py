"""Text detection over the whole deskewed page: where the text is.

PaddleOCR's DB text detector (PP-OCRv6 small) runs once over the page at a
scale chosen from the page's own type size, not a fixed side length: a first
pass at a modest size measures the median detected line height, and the page is
detected again only when the lines measured there lie outside the band of
heights the detector reads alike (0.75 to 1.33 of the target height, 0.8 to
1.33 on a page of vertical lines, ``DetectionSettings.keep_measured``):
7-pixel type on a 72-dpi page is enlarged; 60-pixel type on a 600-dpi
broadsheet is reduced. A large page is detected in overlapping tiles so that
memory stays bounded; lines cut by a tile edge are joined again.

Everything returned is in working-image pixels (the deskewed page).
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass

import cv2
import numpy as np
from newsprint.core.page import FlagCode, NewspaperPage
from newsprint.core.settings import DetectionSettings, Settings
from newsprint.layout.binarize import ink_mask, is_bitonal, paper_level, to_grey
from newsprint.layout.border import scanner_artifacts
from newsprint.ocr.display import with_display_lines
from newsprint.ocr.engine import OcrEngine
from newsprint.ocr.orientation import positive_scan
from newsprint.ocr.print_edges import lines_past_edges
from newsprint.ocr.stacked import TURN, split_stacked_lines
from newsprint.ocr.strips import SECOND_PASS_STRIP, seam, slanting, strips

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
        first = min(1.0, settings.measure_side / max(image.shape[:2]))
        found = _detect_scaled(image, engine, first, settings)
        height = _median_height(found)
        scale = first
        if height > 0 and len(found) >= settings.min_lines_to_measure:
            down = _mostly_vertical(found)
            target = settings.target_vertical_line_px if down else settings.target_line_px
            wanted = float(np.clip(target / height, settings.min_scale, settings.max_scale))
            low, high = settings.keep_measured_vertical if down else settings.keep_measured
            # A scale clipped to within a tenth of the first is not worth a pass.
            worth = abs(wanted - first) > MIN_RESCALE * first
            if worth and not low <= height * first / target <= high:
                found, scale = _rescaled(image, engine, settings, found, first, wanted)
        elif first < 1.0:
            # Too few lines to measure at the reduced size: the type may be too
            # small to see there, so look at full resolution.
            scale = 1.0
            found = _detect_scaled(image, engine, scale, settings)
    else:
        found = _detect_scaled(image, engine, scale, settings)
    if settings.display_factor and len(found):
        coarse = _detect_scaled(image, engine, scale * settings.display_factor, settings)
        found = with_display_lines(found, coarse, _median_height(found), image)
    if len(found):
        found = found + np.array([x0, y0, x0, y0], dtype=np.float64)
    log.debug("detected %d lines at scale %.2f", len(found), scale)
    return DetectedLines(found, scale, _median_height(found))


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
        merged = _join_tile_pieces(merged, _seams(tiles), _mostly_vertical(merged))
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
    page's lines run down (``_mostly_vertical``), so that the short stubs a
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


def _mostly_vertical(boxes: np.ndarray) -> bool:
    """Whether most of the lines that have a direction (one side at least twice
    the other) run down the page: a page of vertical Chinese."""
    heights = boxes[:, 3] - boxes[:, 1]
    widths = boxes[:, 2] - boxes[:, 0]
    down = heights >= 2 * widths
    across = widths >= 2 * heights
    return int(down.sum()) > int(across.sum())


def _median_height(boxes: np.ndarray) -> float:
    """The median type size of the detected lines: the height of a line that
    runs across, the width of one that runs down (vertical Chinese)."""
    if len(boxes) == 0:
        return 0.0
    heights = boxes[:, 3] - boxes[:, 1]
    widths = boxes[:, 2] - boxes[:, 0]
    thickness = np.minimum(heights, widths)
    lines = thickness[np.maximum(heights, widths) >= 2 * thickness]
    return float(np.median(lines if len(lines) else heights))


def detect_text(page: NewspaperPage, settings: Settings, engine: OcrEngine) -> NewspaperPage:
    """Stage: find every text line on the deskewed page (``page.detected_lines``),
    measure the body text (``body_text_px``), cut a box that holds several
    close-set lines into its lines (``ocr.stacked``), look again at type-like ink
    that no line covers, and flag ``unread_text`` with what is still unread.

    Raises ValueError when deskew has not run.
    """
    if page.work_image is None:
        raise ValueError(f"{page.source}: deskew must run before text detection")
    found = detect_lines(page.work_image, engine, settings.detection, page.geometry.content_box)
    page, found = _past_the_print_box(page, found, engine, settings.detection)
    scan = page.image if page.image is not None else page.work_image
    grey = not is_bitonal(_first_channel(scan))
    factor = enlargement(found, page.work_image.shape, settings.detection, grey)
    if factor > 1:
        page, found = _enlarged(page, found, factor, engine, settings.detection)
    work = page.work_image
    boxes = found.boxes
    unread: list[tuple[int, int, int, int]] = []
    if len(boxes):
        ink = ink_mask(work)
        down = _mostly_vertical(boxes)
        boxes = split_stacked_lines(boxes, ink, found.line_height, down)
        content = page.geometry.content_box
        unread = unread_areas(ink, boxes, found.line_height, content, down)
        if unread and settings.detection.second_pass:
            boxes = _look_again(work, ink, boxes, unread, found, engine, settings)
            unread = unread_areas(ink, boxes, found.line_height, content, down)
        if unread and settings.detection.second_pass and not down:
            # What the whole area's pass left (a column curling up on film)
            # is looked at once more in strips; not across vertical lines,
            # whose neighbours a seam would join.
            more = _look_again(work, ink, boxes, unread, found, engine, settings, in_strips=True)
            if len(more) > len(boxes):  # else what is unread stays as it is
                boxes = more
                unread = unread_areas(ink, boxes, found.line_height, content, down)
    page = page.model_copy(
        update={
            "detected_lines": [tuple(round(float(v), 1) for v in b) for b in boxes],
            "detection_scale": round(found.scale, 3),
            "body_text_px": round(found.line_height * page.geometry.scan_per_work(), 1)
            if found.line_height
            else None,
        }
    )
    _flag_unread(page, unread, boxes, settings.detection)
    return page


def _past_the_print_box(
    page: NewspaperPage, found: DetectedLines, engine: OcrEngine, settings: DetectionSettings
) -> tuple[NewspaperPage, DetectedLines]:
    """The lines the print box cut, detected whole in strips along its edges
    (``ocr.print_edges``, at the page's detection scale), and the page with
    its box grown over them."""
    content = page.geometry.content_box
    if content is None or not len(found.boxes):
        return page, found

    def detect(area: tuple[int, int, int, int]) -> np.ndarray:
        return detect_lines(page.work_image, engine, settings, area, scale=found.scale).boxes

    grey = to_grey(page.work_image)
    boxes, grown = lines_past_edges(found.boxes, content, grey, found.line_height, detect)
    if grown == tuple(content):
        return page, found
    log.debug("%s: print box %s grown to %s over the lines it cut", page.source, content, grown)
    geometry = page.geometry.model_copy(update={"content_box": grown})
    page = page.model_copy(update={"geometry": geometry})
    return page, DetectedLines(boxes, found.scale, _median_height(boxes))


def _first_channel(image: np.ndarray) -> np.ndarray:
    return image[..., 0] if image.ndim == 3 else image


def enlargement(
    found: DetectedLines,
    shape: tuple[int, ...],
    settings: DetectionSettings,
    grey: bool = False,
) -> int:
    """How many times to enlarge the working image (1: not at all) so that its
    detected lines are at least ``settings.min_work_line_px`` tall
    (``grey_line_factor`` times that where ``grey``: a grey or colour scan).

    Layout measures rules, gutters and line spaces in pixels of the working
    image, and its morphology needs a few of them: on a 55-dpi page of 6-pixel
    type (Chronicling America's 1921 Port Gibson Reveille, 1,114 pixels wide)
    a 1-pixel column rule closed up with the lines beside it and a 2-pixel
    gutter was no corridor, so every column was read across into the next.
    Enlarged twice, the page's rules and gutters are found (Tesseract's
    guide likewise has small type rescaled before recognition, and OCRmyPDF
    oversamples low-resolution scans). An integer factor, and
    never past ``max_enlargement`` nor ``max_enlarged_pixels``; only on at
    least ``min_lines_to_measure`` lines."""
    height = found.line_height
    least = settings.min_work_line_px * (settings.grey_line_factor if grey else 1.0)
    if len(found.boxes) < settings.min_lines_to_measure or height >= least:
        return 1  # a few specks measure nothing
    factor = min(settings.max_enlargement, int(np.ceil(least / height)))
    pixels = shape[0] * shape[1]
    while factor > 1 and pixels * factor * factor > settings.max_enlarged_pixels:
        factor -= 1
    return factor


def _enlarged(
    page: NewspaperPage,
    found: DetectedLines,
    factor: int,
    engine: OcrEngine,
    settings: DetectionSettings,
) -> tuple[NewspaperPage, DetectedLines]:
    """The page with its working image enlarged ``factor`` times, and its lines
    detected again there at the same scale to the scan.

    The enlarged image is cut from the scan in one bicubic resampling (turn,
    deskew and enlargement together), as the scanner's own pixels hold more
    than the straightened working image: turned by 0.017 degrees with linear
    interpolation, the Port Gibson page's 6-pixel type gave the detector 336
    lines where the scan gave 876; enlarged from the scan, 891. A 1-bit
    scan comes out grey-edged, as a deskewed one does (its lines are read
    from the working image, ``ocr.stage``, and the recogniser reads grey
    edges better)."""
    h, w = page.work_image.shape[:2]
    geometry = page.geometry.model_copy(update={"work_size": (w, h)}).enlarged(factor)
    if page.image is None:  # no scan in memory: the working image itself
        work = cv2.resize(page.work_image, geometry.work_size, interpolation=cv2.INTER_CUBIC)
    else:
        grey = positive_scan(page)
        paper = paper_level(grey)
        work = geometry.scan_into_work(grey, cv2.INTER_CUBIC, paper)
        work[scanner_artifacts(ink_mask(work)) > 0] = paper
    log.debug("%s: working image enlarged %d times for its small type", page.source, factor)
    page = page.model_copy(update={"work_image": work, "geometry": geometry})
    found = detect_lines(work, engine, settings, geometry.content_box, scale=found.scale / factor)
    return page, found


def unread_areas(
    ink: np.ndarray,
    boxes: np.ndarray,
    line_height: float,
    content: tuple[int, int, int, int] | None = None,
    down: bool = False,
) -> list[tuple[int, int, int, int]]:
    """Boxes (working pixels) of ink that looks like lines of type but lies
    outside every detected line: glyph-sized pieces in a row, wider than tall,
    of body size or display size (up to ``DISPLAY_GLYPH`` body lines tall).
    Pictures, rules and specks are not type-like and are left out.

    ``down``: the page is set in vertical lines (``_mostly_vertical``); its
    type-like ink is looked for in columns of glyphs as well as in rows (a
    vertical advert's lines the first pass missed: ECPO 1919, 15 lines)."""
    areas = _unread_rows(ink, boxes, line_height, content)
    if down:
        turned = _unread_rows(
            np.ascontiguousarray(ink.T),
            np.asarray(boxes).reshape(-1, 4)[:, TURN],
            line_height,
            None if content is None else (content[1], content[0], content[3], content[2]),
        )
        # Close-set unread vertical lines are rows of glyphs too: an area
        # found both ways is counted once.
        down_areas = np.array([(y0, x0, y1, x1) for x0, y0, x1, y1 in turned]).reshape(-1, 4)
        found = np.array(areas).reshape(-1, 4)
        areas += [tuple(int(v) for v in a) for a in _mostly_new(down_areas, found, ink.shape)]
    return areas


def _unread_rows(
    ink: np.ndarray,
    boxes: np.ndarray,
    line_height: float,
    content: tuple[int, int, int, int] | None,
) -> list[tuple[int, int, int, int]]:
    """``unread_areas`` of lines that run across."""
    residue = ink.copy()
    if content is not None:
        x0, y0, x1, y1 = content
        mask = np.zeros_like(residue)
        mask[y0:y1, x0:x1] = 255
        residue = cv2.bitwise_and(residue, mask)
    pad = max(1, round(0.15 * line_height))
    for x0, y0, x1, y1 in boxes:
        residue[max(0, int(y0) - pad) : int(y1) + pad, max(0, int(x0) - pad) : int(x1) + pad] = 0
    _, labels, stats, _ = cv2.connectedComponentsWithStats(residue, connectivity=8)
    w, h, area = stats[:, 2], stats[:, 3], stats[:, 4]
    glyph = (h >= 3) & (h <= 1.5 * line_height) & (w <= 3 * line_height) & (area >= 4)
    glyph[0] = False
    areas = _glyph_rows(labels, glyph, line_height, min_aspect=4)
    # Display type the detector missed at both its scales (the last three
    # characters of a headline, "試運營" on synthetic zh-hant-5003): glyphs
    # up to DISPLAY_GLYPH body lines tall, about as wide as tall or narrower,
    # solid enough to be type (a picture's edge or a frame is not).
    display = (
        (h > 1.5 * line_height)
        & (h <= DISPLAY_GLYPH * line_height)
        & (w <= 1.5 * h)
        & (area >= 0.15 * w * h)
    )
    display[0] = False
    areas += _glyph_rows(labels, display, DISPLAY_SMEAR * line_height, min_aspect=3)
    return areas


DISPLAY_GLYPH = 5.0
"""Body lines: the tallest glyph looked for again as display type."""
DISPLAY_SMEAR = 2.0
"""Body lines: display glyphs this near each other make one row (their
letter and word spaces)."""


def _glyph_rows(
    labels: np.ndarray, glyph: np.ndarray, height: float, min_aspect: float
) -> list[tuple[int, int, int, int]]:
    """Boxes of the rows that the components marked ``glyph`` (by label) make
    when smeared along the row by 0.6 ``height``: at least ``min_aspect``
    times as wide as tall and two ``height`` wide, and a third filled."""
    glyphs = np.where(glyph[labels], 255, 0).astype(np.uint8)
    smear = max(2, round(0.6 * height))
    rows = cv2.morphologyEx(glyphs, cv2.MORPH_CLOSE, np.ones((1, smear), np.uint8))
    _count, _, stats, _ = cv2.connectedComponentsWithStats(rows, connectivity=8)
    areas = []
    for x, y, bw, bh, filled in stats[1:]:
        if bw >= min_aspect * bh and bw >= 2 * height and bh >= 3 and filled >= 0.3 * bw * bh:
            areas.append((int(x), int(y), int(x + bw), int(y + bh)))
    return areas


def _look_again(
    work: np.ndarray,
    ink: np.ndarray,
    boxes: np.ndarray,
    unread: list[tuple[int, int, int, int]],
    found: DetectedLines,
    engine: OcrEngine,
    settings: Settings,
    in_strips: bool = False,
) -> np.ndarray:
    """A finer detection pass over the unread areas (joined into a few
    rectangles with a margin); returns the page's lines with the new ones.
    ``in_strips``: only the areas wider than ``SECOND_PASS_STRIP`` line
    heights, each in strips (``_detect_in_strips``).

    A new line that half lies on lines already found is dropped: the pass is
    for the ink no line reached, and over an area's margin it boxes again
    pieces of lines already read (TTW 1867: "près Malhert" in "(D'après
    Malherbe.)", read twice and set as a story of its own)."""
    scale = min(settings.detection.max_scale, found.scale * settings.detection.second_pass_factor)
    margin = round(found.line_height)
    h, w = work.shape[:2]
    extra = []
    for x0, y0, x1, y1 in _join_areas(unread, margin):
        area = (max(0, x0 - margin), max(0, y0 - margin), min(w, x1 + margin), min(h, y1 + margin))
        if not in_strips:
            more = detect_lines(work, engine, settings.detection, area, scale=scale).boxes
        elif area[2] - area[0] > SECOND_PASS_STRIP * found.line_height:
            more = _detect_in_strips(
                work, ink, area, scale, found.line_height, engine, settings.detection
            )
        else:
            continue
        if len(more):
            extra.append(more)
    if not extra:
        return boxes
    new = _mostly_new(np.concatenate(extra), boxes, (h, w))
    return np.concatenate([boxes, new]) if len(new) else boxes


def _detect_in_strips(
    work: np.ndarray,
    ink: np.ndarray,
    area: tuple[int, int, int, int],
    scale: float,
    line_height: float,
    engine: OcrEngine,
    settings: DetectionSettings,
) -> np.ndarray:
    """Lines detected in ``area`` (N x 4, working-image pixels), in strips
    at most ``SECOND_PASS_STRIP`` line heights wide, a strip whose lines
    still slant (``ocr.strips.slanting``) in two halves where they find as
    many lines, less tall; a line's
    pieces from two strips are one again, or cut apart where they overlap
    (``ocr.strips.seam``). ``ink``: the page's ink mask (H x W, nonzero =
    ink); ``line_height``: the body line height in working pixels."""
    margin = max(1, round(line_height))
    boxes = np.zeros((0, 4))
    for strip in strips(area, round(SECOND_PASS_STRIP * line_height), margin):
        more = detect_lines(work, engine, settings, strip, scale=scale).boxes.reshape(-1, 4)
        if slanting(more, line_height):
            halves = _detect_in_halves(work, ink, strip, scale, margin, engine, settings)
            if len(halves) >= len(more) and _box_height(halves) < _box_height(more):
                more = halves
        boxes = seam(boxes, more, ink) if len(boxes) else more
    return boxes


def _box_height(boxes: np.ndarray) -> float:
    """The median height of boxes (N x 4), 0 for none."""
    return float(np.median(boxes[:, 3] - boxes[:, 1])) if len(boxes) else 0.0


def _detect_in_halves(
    work: np.ndarray,
    ink: np.ndarray,
    strip: tuple[int, int, int, int],
    scale: float,
    overlap: int,
    engine: OcrEngine,
    settings: DetectionSettings,
) -> np.ndarray:
    """Lines detected in ``strip``'s two halves (N x 4), overlapping by
    ``overlap`` pixels, seamed as the strips are (``ocr.strips.seam``)."""
    boxes = np.zeros((0, 4))
    for half in strips(strip, (strip[2] - strip[0] + overlap) // 2 + 1, overlap):
        more = detect_lines(work, engine, settings, half, scale=scale).boxes.reshape(-1, 4)
        boxes = seam(boxes, more, ink) if len(boxes) else more
    return boxes


def _mostly_new(new: np.ndarray, old: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """The boxes of ``new`` (N x 4) less than half of whose area ``old``'s
    boxes already cover (``shape``: the page's height and width)."""
    covered = np.zeros(shape, dtype=bool)
    for x0, y0, x1, y1 in old.astype(int):
        covered[max(0, y0) : y1, max(0, x0) : x1] = True
    keep = [
        (part := covered[max(0, y0) : y1, max(0, x0) : x1]).size == 0 or part.mean() < 0.5
        for x0, y0, x1, y1 in new.astype(int)
    ]
    return new[np.array(keep, dtype=bool)]


def _join_areas(
    areas: list[tuple[int, int, int, int]], margin: int
) -> list[tuple[int, int, int, int]]:
    """Unread areas near each other as one rectangle (one detector call each)."""
    joined: list[list[int]] = []
    for a in sorted(areas, key=lambda b: (b[1], b[0])):
        for j in joined:
            if a[0] <= j[2] + margin and a[2] >= j[0] - margin and a[1] <= j[3] + margin:
                j[0], j[1], j[2], j[3] = (
                    min(j[0], a[0]),
                    min(j[1], a[1]),
                    max(j[2], a[2]),
                    max(j[3], a[3]),
                )
                break
        else:
            joined.append(list(a))
    return [tuple(j) for j in joined]  # type: ignore[misc]


def _flag_unread(
    page: NewspaperPage,
    unread: list[tuple[int, int, int, int]],
    boxes: np.ndarray,
    settings: DetectionSettings,
) -> None:
    if not unread:
        return
    unread_px = sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in unread)
    read_px = float(np.sum((boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])))
    share = unread_px / max(1.0, unread_px + read_px)
    if share < settings.unread_flag_share:
        return
    scan_size = (page.width, page.height)
    page.unread_areas = [page.geometry.box_to_scan(a, scan_size)[0] for a in unread]
    page.add_flag(
        FlagCode.UNREAD_TEXT,
        f"{share:.1%} of the page's text area looks like type but was not read "
        f"({len(unread)} areas)",
        severity=min(1.0, 0.3 + 2 * share),
    )
