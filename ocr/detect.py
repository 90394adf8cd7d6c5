"""The text detection stage: every text line on the deskewed page.

The lines are detected over the whole page once, at a scale chosen from its
type size (``ocr.line_detection``); lines the print box cut are detected
whole past its edges (``ocr.print_edges``); a page of small type is enlarged
so that layout's morphology has pixels to work with (``enlargement``); a box
holding several close-set lines is cut into them (``ocr.stacked``); on a page
set down, a column of type between two boxes that has none of its own is
boxed (``ocr.missed_columns``); type-like ink that no line covers is looked
at again and, where still unread, flagged (``ocr.unread``). Everything
returned is in working-image pixels (the deskewed page).
"""

from __future__ import annotations

import logging

import cv2
import numpy as np
from newsprint.core.page import NewspaperPage
from newsprint.core.settings import DetectionSettings, Settings
from newsprint.layout.binarize import ink_mask, is_bitonal, paper_level, to_grey
from newsprint.layout.border import scanner_artifacts
from newsprint.ocr.engine import OcrEngine
from newsprint.ocr.line_detection import DetectedLines, detect_lines, median_height, mostly_vertical
from newsprint.ocr.missed_columns import columns_between
from newsprint.ocr.orientation import positive_scan
from newsprint.ocr.print_edges import lines_past_edges
from newsprint.ocr.stacked import split_stacked_lines
from newsprint.ocr.unread import detect_unread_again, flag_unread, unread_areas

log = logging.getLogger(__name__)


def detect_text(page: NewspaperPage, settings: Settings, engine: OcrEngine) -> NewspaperPage:
    """Stage: find every text line on the deskewed page (``page.detected_lines``),
    measure the body text (``body_text_px``), cut a box that holds several
    close-set lines into its lines (``ocr.stacked``), box a column set down
    that lies between two boxes with none of its own (``ocr.missed_columns``),
    look again at type-like ink
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
        down = mostly_vertical(boxes)
        boxes = split_stacked_lines(boxes, ink, found.line_height, down)
        content = page.geometry.content_box
        unread = unread_areas(ink, boxes, found.line_height, content, down)
        if unread and settings.detection.second_pass:
            boxes = detect_unread_again(work, ink, boxes, unread, found, engine, settings)
            unread = unread_areas(ink, boxes, found.line_height, content, down)
        if unread and settings.detection.second_pass and not down:
            # What the whole area's pass left (a column curling up on film)
            # is looked at once more in strips; not across vertical lines,
            # whose neighbours a seam would join.
            more = detect_unread_again(
                work, ink, boxes, unread, found, engine, settings, in_strips=True
            )
            if len(more) > len(boxes):  # else what is unread stays as it is
                boxes = more
                unread = unread_areas(ink, boxes, found.line_height, content, down)
        if down:
            # After the finer pass, which boxes some of the columns beside
            # (the column between two boxes is looked for against them all);
            # its ink lies in boxes, so what is unread stays as it is.
            boxes = columns_between(boxes, ink, found.line_height)
    page = page.model_copy(
        update={
            "detected_lines": [tuple(round(float(v), 1) for v in b) for b in boxes],
            "detection_scale": round(found.scale, 3),
            "body_text_px": round(found.line_height * page.geometry.scan_per_work(), 1)
            if found.line_height
            else None,
        }
    )
    flag_unread(page, unread, boxes, settings.detection)
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
    return page, DetectedLines(boxes, found.scale, median_height(boxes))


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
