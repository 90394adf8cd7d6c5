"""Folds: two newspaper pages side by side in one scan, parted at their gutter.

Archives scan a newspaper's folded sheet open, two pages in one landscape
image (the ECPO scans of the Shanghai 晶報 are such "folds"). Each page is
read on its own: the scan is cut where a white gutter runs down between the
two pages' print, near the middle, through nearly all of the page's height.
The gutter is looked for strip by strip (``FOLDS.strips`` of the height), so
a gutter that drifts a few pixels on a scan a little askew, or a rule that
crosses it here and there, is still found.

Which page comes first: for print that runs down the page (vertical
Chinese, the whole paper bound on the right and read right to left) the
right page; otherwise the left. On an inner spread of a vertical paper the
right page is the lower number (ECPO's 1940 fold: 第二版 right, 第三版
left); the outer sheet holds the first and last pages, which no order of
two makes consecutive, and the folio read on each page still names it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np
from newsprint.core.page import BBox
from newsprint.layout.binarize import ink_mask, to_grey
from newsprint.layout.boxes import true_runs
from newsprint.layout.direction import print_runs_down
from newsprint.layout.params.page import FOLDS

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fold:
    """Where a scan holding two pages is cut, in the scan's pixels."""

    cut: int
    """The x of the cut: the middle of the gutter."""
    pages: tuple[BBox, BBox]
    """The two pages' boxes (x0, y0, x1, y1), in reading order."""
    right_first: bool
    """The right page is read first (print running down the page)."""


def may_be_fold(width: int, height: int) -> bool:
    """Whether an image of this size (scan pixels) is wide enough to hold two
    pages: landscape (``FOLDS.min_aspect``) and ``FOLDS.min_width_px`` pixels or more (a page
    scanned sideways is landscape too, and small: a newspaper page under 1,000
    pixels wide holds type too small to read)."""
    return width >= FOLDS.min_aspect * height and width >= FOLDS.min_width_px


def find_fold(image: np.ndarray) -> Fold | None:
    """The fold of a scan holding two pages side by side, None for one page.

    ``image``: the scan, 8-bit grey (H x W) or RGB (H x W x 3). A fold is a
    landscape scan (``FOLDS.min_aspect``) with a gutter in the middle fifth of its
    width and print on both sides of it. Between pages of vertical print
    (framed by their own rules) the gutter is clear in ``FOLDS.min_clear`` of the
    strips of the print's height, drifting ``FOLDS.drift`` at most: a scan of an old
    fold is seldom clean along the binding. Between pages of horizontal print it
    must be straight and clear all the way down: a single landscape page of
    columns has white between its middle columns too, but a headline, a rule or
    a masthead crosses it somewhere."""
    height, width = image.shape[:2]
    if not may_be_fold(width, height):
        return None
    scale = min(1.0, FOLDS.gutter_width_px / width)
    small = cv2.resize(to_grey(image), None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = ink_mask(small) > 0
    x = _gutter(ink, round(FOLDS.drift * ink.shape[1]), FOLDS.min_clear)
    if x is None or not _both_printed(ink, x):
        return None
    right_first = _runs_down(image)
    if not right_first:
        x = _gutter(ink, 0, 1.0)  # straight and clear all the way down
        if x is None or not _both_printed(ink, x) or not _widest_corridor(ink, x):
            return None
    cut = round(x / scale)
    left, right = (0, 0, cut, height), (cut, 0, width, height)
    pages = (right, left) if right_first else (left, right)
    log.info("fold: two pages cut at x=%d, %s page first", cut, "right" if right_first else "left")
    return Fold(cut, pages, right_first)


def _gutter(ink: np.ndarray, drift: int, min_clear: float) -> int | None:
    """The x (in ``ink``'s pixels) of the clearest gutter near the middle: clear
    of ink, within ``drift`` pixels either way, in at least ``min_clear`` of the
    strips; None when there is none."""
    height, width = ink.shape
    band = ink[int(FOLDS.edge * height) : int((1 - FOLDS.edge) * height)]
    strips = np.array_split(band, FOLDS.strips, axis=0)
    clear = np.array([~strip.any(axis=0) for strip in strips])
    near = clear.copy()
    for shift in range(1, drift + 1):
        near[:, shift:] |= clear[:, :-shift]
        near[:, :-shift] |= clear[:, shift:]
    lo, hi = int(FOLDS.search[0] * width), int(FOLDS.search[1] * width)
    score = near[:, lo:hi].mean(axis=0)
    best = float(score.max(initial=0.0))
    if best < min_clear:
        return None
    # Of equally clear gutters, the one nearest the middle.
    candidates = np.flatnonzero(score >= best - 1e-9) + lo
    return int(candidates[np.argmin(np.abs(candidates - width / 2))])


def _widest_corridor(ink: np.ndarray, x: int) -> bool:
    """Whether the white corridor down the page at ``x`` is clearly wider
    (``FOLDS.margins`` times) than the corridors between the print's columns:
    the gutter of a fold holds two pages' margins, the gutter between two
    columns of one page is like its others. Both are measured strip by strip
    (``FOLDS.strips``), the median over the strips compared: old pages rule
    their columns and headlines cross them, so few column gutters run clear
    all the way down (a spread of two 1880s weeklies, every column ruled, was
    read as one page), while in each strip the widest white run between print,
    other than the one at ``x``, is a column's gutter."""
    height, width = ink.shape
    band = ink[int(FOLDS.edge * height) : int((1 - FOLDS.edge) * height)]
    mine, others = [], []
    for strip in np.array_split(band, FOLDS.strips, axis=0):
        runs = [(a, b) for a, b in true_runs(~strip.any(axis=0)) if a > 0 and b < width]
        at_x = next(((a, b) for a, b in runs if a <= x < b), None)
        if at_x is None:  # nothing printed on one side here (a page's foot, say)
            continue
        mine.append(at_x[1] - at_x[0])
        others.append(max((b - a for a, b in runs if (a, b) != at_x), default=0))
    if len(mine) < FOLDS.strips / 2:  # two pages print beside each other most of the way
        return False
    # Each page of a newspaper has columns: no other gutter, no two pages.
    typical = float(np.median(others))
    return typical > 0 and float(np.median(mine)) >= FOLDS.margins * typical


def _both_printed(ink: np.ndarray, x: int) -> bool:
    left, right = int(ink[:, :x].sum()), int(ink[:, x:].sum())
    return min(left, right) >= FOLDS.min_ink_share * max(left, right, 1)


def _runs_down(image: np.ndarray) -> bool:
    """Whether the print of the pages runs down the page (vertical Chinese),
    looked at up to ``FOLDS.direction_width_px`` pixels wide (``print_runs_down``)."""
    grey = to_grey(image)
    scale = min(1.0, FOLDS.direction_width_px / grey.shape[1])
    if scale < 1.0:
        grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return print_runs_down(grey)
