"""Display lines (headlines, nameplates) that the text detector sees whole
only at a coarse scale, put in among the lines of its fine pass
(``ocr.line_detection.detect_lines`` runs both passes). Pixels of the area detected.
"""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.layout.binarize import to_grey
from newsprint.layout.boxes import true_runs

GAP = 0.6
"""A space between two fine lines inside a coarse display line, at least this
many times the line's height wide, may hold a glyph the fine pass left out
(a word space in a headline is a third of its height, a CJK glyph nine
tenths)."""

GLYPH_INK = 0.1
"""... and does when ink covers this share of it (a glyph's strokes 20-40%
of its box; the white between two headlines set side by side a few
percent)..."""

GLYPH_SPREAD = 0.5
"""... over this share of its width (a glyph inks most of its columns; a
column rule between two headlines, a tenth)."""


def with_display_lines(
    fine: np.ndarray, coarse: np.ndarray, body: float, image: np.ndarray | None = None
) -> np.ndarray:
    """``fine`` with the display lines (headlines) that only the coarse pass saw whole.

    ``fine`` and ``coarse`` are line boxes (N x 4, x0 y0 x1 y1) in the pixels
    of ``image`` (8-bit grey or BGR, the area detected), ``body`` the fine
    lines' median height. At the scale that suits body type the detector can
    miss a large bold headline or see only part of it; at a fraction of that
    scale it sees it whole. A coarse line at least 1.4 body lines tall is
    taken when the fine lines inside it cover under 80% of its width, or
    when they leave out a glyph between them (``_glyph_left_out``: at one
    scale the detector parted "志願服務走進千家萬戶" round its 進 and lost
    it); it replaces them. (A coarse box that merged two body lines is
    covered by them, and is not taken.)

    Type far larger still (a nameplate's letters, ten body lines tall) is seen
    by neither pass alone: the coarse pass runs it together with the lines
    above and below, and those fine lines span its width. The band of the
    coarse box that no fine line reaches, when 1.4 body lines tall or more, is
    then taken as a line of its own, and the fine lines are kept."""
    keep = np.ones(len(fine), dtype=bool)
    extra = []
    cx, cy = (fine[:, 0] + fine[:, 2]) / 2, (fine[:, 1] + fine[:, 3]) / 2
    for box in coarse:
        if box[3] - box[1] < 1.4 * body:
            continue
        inside = (cx >= box[0]) & (cx <= box[2]) & (cy >= box[1]) & (cy <= box[3])
        # A fine line that runs on past the coarse box (across a gutter)
        # covers it too: the coarse box is then a piece of it, no headline.
        across = (fine[:, 0] < box[2]) & (fine[:, 2] > box[0]) & (cy >= box[1]) & (cy <= box[3])
        covered = np.zeros(max(1, int(box[2] - box[0])), dtype=bool)
        for x0, _, x1, _ in fine[across]:
            covered[max(0, int(x0 - box[0])) : max(0, int(x1 - box[0]))] = True
        # Only pieces of one line that lie wholly inside may have left a
        # glyph out: a line running on past the box would be read twice.
        pieces = fine[across] if (inside == across).all() else fine[:0]
        if covered.mean() < 0.8 or _glyph_left_out(box, pieces, image):
            keep &= ~inside
            extra.append(box)
            continue
        extra.extend(_unreached_bands(box, fine[across], body))
    return np.concatenate([fine[keep], np.array(extra).reshape(-1, 4)])


def _unreached_bands(box: np.ndarray, fine: np.ndarray, body: float) -> list[np.ndarray]:
    """The parts of a coarse box, full width, in the rows no fine line reaches
    that are at least 1.4 body lines tall."""
    top = int(box[1])
    reached = np.zeros(max(1, int(box[3]) - top), dtype=bool)
    for _, y0, _, y1 in fine:
        reached[max(0, int(y0) - top) : max(0, int(y1) - top)] = True
    bands = []
    for start, stop in true_runs(~reached):
        if stop - start >= 1.4 * body:
            bands.append(np.array([box[0], top + start, box[2], top + stop], dtype=np.float64))
    return bands


def _glyph_left_out(box: np.ndarray, fine: np.ndarray, image: np.ndarray | None) -> bool:
    """Whether the ``fine`` lines, pieces of one row inside the coarse
    ``box``, leave out a glyph between two of them: a space ``GAP`` times the
    row's height or wider, in which ink (told from paper by Otsu's threshold
    over the row) covers ``GLYPH_INK`` of the space over ``GLYPH_SPREAD`` of
    its width (a rule in the space between two headlines is narrow)."""
    if image is None or len(fine) < 2 or not _one_row(fine):
        return False
    h, w = image.shape[:2]
    x0, x1 = max(0, int(np.floor(box[0]))), min(w, int(np.ceil(box[2])))
    y0 = max(0, int(np.floor(fine[:, 1].min())))
    y1 = min(h, int(np.ceil(fine[:, 3].max())))
    if x1 <= x0 or y1 <= y0:
        return False
    patch = to_grey(image[y0:y1, x0:x1])
    _, ink = cv2.threshold(patch, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    covered = np.zeros(x1 - x0, dtype=bool)
    for a, _, b, _ in fine:
        covered[max(0, int(a) - x0) : max(0, int(np.ceil(b)) - x0)] = True
    inside = np.flatnonzero(covered)
    if inside.size == 0:
        return False
    for a, b in true_runs(~covered[inside[0] : inside[-1] + 1]):
        space = ink[:, inside[0] + a : inside[0] + b]
        if b - a < GAP * (y1 - y0):
            continue
        if space.mean() >= GLYPH_INK and space.any(axis=0).mean() >= GLYPH_SPREAD:
            return True
    return False


def _one_row(fine: np.ndarray) -> bool:
    """Whether the lines all share half the height of the shortest."""
    top, foot = fine[:, 1].max(), fine[:, 3].min()
    return foot - top >= 0.5 * float((fine[:, 3] - fine[:, 1]).min())
