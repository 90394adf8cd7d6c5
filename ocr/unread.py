"""Type-like ink that no detected line covers: found, looked at again with a
finer detection pass, and what is still unread flagged ``unread_text``.

Ink counts as type when it makes rows of glyph-sized pieces, wider than tall,
of body or display size; pictures, rules and specks do not. The second pass
detects those areas at a finer scale (``detection.second_pass_factor``), a
wide one in strips as well (a column curling up on film). Boxes are in
working-image pixels; ``line_height`` is the page's median detected line
height there.
"""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.core.page import FlagCode, NewspaperPage
from newsprint.core.settings import DetectionSettings, Settings
from newsprint.layout.binarize import mask_of
from newsprint.ocr.engine import OcrEngine
from newsprint.ocr.line_detection import DetectedLines, detect_lines
from newsprint.ocr.stacked import TURN
from newsprint.ocr.strips import SECOND_PASS_STRIP, seam, slanting, strips


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

    ``down``: the page is set in vertical lines (``line_detection.mostly_vertical``); its
    type-like ink is looked for in columns of glyphs as well as in rows (a
    vertical advert's lines the first pass missed: ECPO 1919, 15 lines), and
    its rows from ``ROW_ASPECT_ON_VERTICAL_PAGE`` times as wide as tall."""
    aspect = ROW_ASPECT_ON_VERTICAL_PAGE if down else ROW_ASPECT
    areas = _unread_rows(ink, boxes, line_height, content, aspect)
    if down:
        turned = _unread_rows(
            np.ascontiguousarray(ink.T),
            np.asarray(boxes).reshape(-1, 4)[:, TURN],
            line_height,
            None if content is None else (content[1], content[0], content[3], content[2]),
            ROW_ASPECT,
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
    min_aspect: float,
) -> list[tuple[int, int, int, int]]:
    """``unread_areas`` of lines that run across: rows of body-size glyphs at
    least ``min_aspect`` times as wide as tall, and rows of display glyphs."""
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
    areas = _glyph_rows(labels, glyph, line_height, min_aspect=min_aspect)
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


ROW_ASPECT = 4.0
"""Width over height: the least a row of unread body-size glyphs is looked
for at, so that a picture's grain and the edges of a photo, in short runs,
are not (at 3, pieces of halftones on en-1001 and zh-hans-2004 were)..."""

ROW_ASPECT_ON_VERTICAL_PAGE = 3.0
"""...and on a page set in vertical lines, whose lines across are short (a
running head's 第三版 and 星期二, an advert's "Cigarettes": ECPO 1940 and
1919, read by plain PaddleOCR and missed at the page's scale for its
vertical type)."""

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
    glyphs = mask_of(glyph[labels])
    smear = max(2, round(0.6 * height))
    rows = cv2.morphologyEx(glyphs, cv2.MORPH_CLOSE, np.ones((1, smear), np.uint8))
    _count, _, stats, _ = cv2.connectedComponentsWithStats(rows, connectivity=8)
    areas = []
    for x, y, bw, bh, filled in stats[1:]:
        if bw >= min_aspect * bh and bw >= 2 * height and bh >= 3 and filled >= 0.3 * bw * bh:
            areas.append((int(x), int(y), int(x + bw), int(y + bh)))
    return areas


def detect_unread_again(
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


def flag_unread(
    page: NewspaperPage,
    unread: list[tuple[int, int, int, int]],
    boxes: np.ndarray,
    settings: DetectionSettings,
) -> None:
    """Flag ``unread_text`` on ``page`` (in place), with ``page.unread_areas`` in
    scan pixels, when the ``unread`` areas (working pixels) are at least
    ``settings.unread_flag_share`` of the page's text area (the detected
    lines' ``boxes``, N x 4, and the unread areas together); else nothing."""
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
