"""Orientation stage: turn a sideways or upside-down scan upright.

Geometry (``layout.orientation.sideways``) says whether lines run across or
up the page; the recogniser then reads a few sample lines both ways up and
keeps the reading it is more confident of, as Tesseract's OSD and
PaddleOCR's document-orientation model do with a classifier.
"""

from __future__ import annotations

import logging

import cv2
import numpy as np
from newsprint.core.page import FlagCode, NewspaperPage, PageGeometry
from newsprint.core.script import is_cjk
from newsprint.core.settings import Settings
from newsprint.layout.binarize import ink_mask, is_negative, to_grey
from newsprint.layout.lines import line_boxes
from newsprint.layout.metrics import body_line_height, glyph_height
from newsprint.layout.orientation import rotation_matrix, sideways
from newsprint.layout.params.blocks import BODY_MEASURE
from newsprint.ocr.engine import OcrEngine

log = logging.getLogger(__name__)

SAMPLE_LINES = 5
_SAMPLE_WIDTH = 12
"""Sample crops are at most this many line heights wide."""
MARGIN = 0.08
"""How much more confident the turned reading must be before we turn the page."""
MIN_CONFIDENCE = 0.6
"""A page is turned only to a reading at least this confident (upright text
reads at 0.85 and more; garbage across vertical columns at under 0.5)."""
MIN_CHARACTERS = 3.0
"""... and only to a reading of at least this many letters, digits or
characters a sample line, on average (a sample line is up to a dozen
characters wide): dust on a 1-bit page, sampled for lines where the specks
outnumber the letters, read "1", "x", "1" at 0.65 upside down, and a page of
six lines of text was turned over and lost."""


def orient(page: NewspaperPage, settings: Settings, engine: OcrEngine) -> NewspaperPage:
    """Stage: set ``orientation`` and an upright ``work_image`` for deskew to start from."""
    if page.image is None:
        raise ValueError(f"{page.source}: page has no image loaded")
    grey = to_grey(page.image)
    if is_negative(grey):
        page = _as_positive(page, grey)
        grey = page.work_image
    # Geometry proposes the quarter turns worth trying; the recogniser decides.
    pairs = [0, 1] if sideways(grey) else [0]
    readings: dict[int, tuple[float, float]] = {}
    for turns in pairs:
        turned = np.ascontiguousarray(np.rot90(grey, k=-turns)) if turns else grey
        readings.update(_confidences(turned, turns, engine))
    scores = {turns: confidence for turns, (confidence, _) in readings.items()}
    best = max(scores, key=lambda t: scores[t])
    if best == 0 or scores[best] <= scores.get(0, 0.0) + MARGIN:
        return page
    if scores[best] < MIN_CONFIDENCE or readings[best][1] < MIN_CHARACTERS:
        # Neither way reads as text (lines across vertical columns, a page of
        # pictures, specks): no evidence for turning the page.
        return page
    if best % 2 and reads_as_vertical_cjk(grey, best, engine, scores[best]):
        log.info("%s: vertical Chinese text, kept upright", page.source)
        return page
    upright = np.ascontiguousarray(np.rot90(grey, k=-best))
    matrix = rotation_matrix(best, page.width, page.height)
    geometry = PageGeometry(
        to_scan=matrix[:2].tolist(), work_size=(upright.shape[1], upright.shape[0])
    )
    page = page.model_copy(
        update={"orientation": 90 * best, "work_image": upright, "geometry": geometry}
    )
    page.add_flag(
        FlagCode.ROTATED, f"page was turned {90 * best}° clockwise to read it", severity=0.4
    )
    if page.part is not None and best % 2:
        _flag_doubtful_fold(page)
    log.info("%s: turned %d° to read", page.source, 90 * best)
    return page


def _flag_doubtful_fold(page: NewspaperPage) -> None:
    """Flag a page cut from a fold of vertical pages that reads sideways.

    The fold finder (``layout.folds``, at load time, without the recogniser)
    cuts a landscape scan whose print runs down the page in two: two pages of
    vertical Chinese. A page of horizontal print scanned sideways runs down
    the page too, and may be cut so; each half is then turned and read, its
    text all there but in two parts and out of order. Half of a true fold of
    vertical pages never reads sideways, so this page says so."""
    page.add_flag(
        FlagCode.FOLD_DOUBTFUL,
        "this page was cut from a scan taken for two pages side by side, but it reads "
        "sideways: the scan may be one page scanned sideways, read in two parts; "
        "read it again with scan.split_folds = false",
        severity=0.7,
    )
    log.info("%s: a fold's page reads sideways: the fold may be one page", page.source)


def positive_scan(page: NewspaperPage, grey: np.ndarray | None = None) -> np.ndarray:
    """The page's scan (``page.image``) in 8-bit grey as positive print: a
    negative's (flagged ``negative`` by ``orient``) inverted; ``grey``: the
    scan in grey when the caller has it already. Raises ValueError when the
    page has no image loaded."""
    if page.image is None:
        raise ValueError(f"{page.source}: page has no image loaded")
    if grey is None:
        grey = to_grey(page.image)
    if any(flag.code == FlagCode.NEGATIVE for flag in page.flags):
        grey = 255 - grey
    return grey


def _as_positive(page: NewspaperPage, grey: np.ndarray) -> NewspaperPage:
    """The page with its working image inverted: a negative (``is_negative``)
    read as the positive print. The scan itself is kept as it is."""
    geometry = PageGeometry(work_size=(grey.shape[1], grey.shape[0]))
    page = page.model_copy(update={"work_image": 255 - grey, "geometry": geometry})
    page.add_flag(
        FlagCode.NEGATIVE,
        "the scan is a negative (light print on dark): read inverted",
        severity=0.2,
    )
    log.info("%s: a negative, read inverted", page.source)
    return page


def reads_as_vertical_cjk(
    grey: np.ndarray, turns: int, engine: OcrEngine, turned_score: float
) -> bool:
    """Whether lines that run up the page are Chinese set vertically (read top
    to bottom) rather than a page scanned sideways: the sample lines, cut into
    square character cells laid side by side upright, read as Chinese, and
    about as confidently as the turned page reads (``MARGIN``).

    Or, where the page reads best turned three quarters (a quarter
    anticlockwise: PaddleOCR's pipeline turns a vertical line's crop so for
    its recogniser, which learned to read them so, and a vertical page
    always reads best so), no more than ``CELL_MARGIN`` less confidently
    than the same sample lines read turned. Square cells cut through type set
    closer than its lines are wide (申報 1872: the cells read at 0.70, the
    page turned at 0.96, so it was turned; its sample lines turned 0.75),
    but its characters stand upright in them; the characters of a page of
    lines across scanned sideways lie on their side in the cells, which
    read far worse (0.20-0.24, the lines turned 0.96-0.99, on 信報 2019 and
    a generated page).
    """
    turned = np.ascontiguousarray(np.rot90(grey, k=-turns))
    # Each sample line as the turned page holds it, and as the scan does.
    samples = [
        (line, column)
        for line in sample_line_crops(turned, 5)
        if (column := np.ascontiguousarray(np.rot90(line, k=turns))).shape[0] >= 2 * column.shape[1]
    ]
    if not samples:
        return False
    results = engine.recognize_lines([upright_cells(column) for _, column in samples])
    text = "".join(t for t, _ in results)
    cjk = sum(1 for ch in text if is_cjk(ch)) / max(1, len(text))
    confidence, _ = _mean_reading(results)
    if cjk < 0.6:
        return False
    if confidence >= turned_score - MARGIN:
        return True
    if turns % 4 != 3:
        return False
    lines_confidence, _ = _mean_reading(engine.recognize_lines([line for line, _ in samples]))
    log.debug("cells read %.2f upright, the lines %.2f turned", confidence, lines_confidence)
    return confidence >= lines_confidence - CELL_MARGIN


CELL_MARGIN = 0.4
"""How much less confidently a vertical page's character cells may read
upright than its lines read turned: midway between vertical pages (0.05
on 申報 1872, 0.22 on the close-set page of the tests) and pages of lines
across scanned sideways (0.72-0.78 on 信報 2019, a generated page and the
tests' pages)."""


def upright_cells(column: np.ndarray) -> np.ndarray:
    """A vertical line of Chinese as one horizontal row of its characters, each
    upright: the column cut into square cells as wide as it, side by side."""
    side = column.shape[1]
    cells = [column[i : i + side] for i in range(0, column.shape[0] - side + 1, side)]
    return np.ascontiguousarray(np.hstack(cells)) if cells else column


def _confidences(grey: np.ndarray, turns: int, engine: OcrEngine) -> dict[int, tuple[float, float]]:
    """Sample lines read this way up and upside down: for each, the mean
    recognition confidence and the mean count of letters, digits and
    characters read a line."""
    crops = sample_line_crops(grey, SAMPLE_LINES)
    if not crops:
        return {turns: (0.0, 0.0)}
    flipped = [np.ascontiguousarray(np.rot90(c, k=2)) for c in crops]
    results = engine.recognize_lines(crops + flipped)
    return {
        turns: _mean_reading(results[: len(crops)]),
        turns + 2: _mean_reading(results[len(crops) :]),
    }


def _mean_reading(results: list[tuple[str, float]]) -> tuple[float, float]:
    confidence = float(np.mean([conf for _, conf in results]))
    characters = float(np.mean([sum(c.isalnum() for c in text) for text, _ in results]))
    return confidence, characters


def sample_line_crops(grey: np.ndarray, count: int) -> list[np.ndarray]:
    """Crops of a few typical body-text lines, spread over the page."""
    # Lines are found on a half-size copy (a quarter of the pixels to smear
    # and label) and cut from the full-size page for the recogniser.
    scale = 2 if min(grey.shape) >= 1600 else 1
    small = (
        grey if scale == 1 else cv2.resize(grey, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    )
    ink = ink_mask(small)
    em = glyph_height(ink) * BODY_MEASURE.em_per_glyph
    lines = [b.scaled(scale) for b in line_boxes(ink, np.zeros_like(ink), em)]
    body = body_line_height([b.height for b in lines if b.width > 3 * b.height])
    typical = [b for b in lines if 0.7 * body <= b.height <= 1.4 * body and b.width > 5 * b.height]
    if not typical:
        return []
    typical.sort(key=lambda b: (b.y0, b.x0))
    step = max(1, len(typical) // count)
    pad = int(0.2 * body)
    h, w = grey.shape
    crops = []
    for b in typical[::step][:count]:
        y0, y1 = max(0, int(b.y0) - pad), min(h, int(b.y1) + pad)
        # A dozen characters tell which way up as well as a whole line, and
        # the recogniser's time grows with the width it reads.
        x0 = max(0, int(b.x0) - pad)
        x1 = min(w, int(b.x1) + pad, x0 + int(_SAMPLE_WIDTH * body))
        crops.append(grey[y0:y1, x0:x1])
    return crops
