"""Folds: two newspaper pages side by side in one scan, parted at their gutter.

Archives scan a newspaper's folded sheet open, two pages in one landscape
image (the ECPO scans of the Shanghai 晶報 are such "folds"). Each page is
read on its own: the scan is cut where a white gutter runs down between the
two pages' print, near the middle, through nearly all of the page's height.
The gutter is looked for strip by strip (a twentieth of the height each), so
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
from newsprint.layout.direction import print_runs_down

log = logging.getLogger(__name__)

MIN_ASPECT = 1.2
"""Only a scan at least this much wider than tall can hold two pages."""
SEARCH = (0.4, 0.6)
"""The gutter is looked for in this part of the scan's width."""
STRIPS = 24
"""Strips of the print's height the gutter is followed through."""
MIN_CLEAR = 0.85
"""A gutter is clear of ink (within ``DRIFT``) in at least this share of the strips."""
DRIFT = 0.002
"""How far (a share of the width) the gutter may wander from strip to strip."""
MIN_INK_SHARE = 0.25
"""Each page holds at least this share of the other's ink (an empty half is no page)."""
_WIDTH = 1200
"""The scan is looked for a gutter at this many pixels wide."""
_DIRECTION_WIDTH = 2400
"""... and for the direction of its print at this many (type must stay 8 px or more)."""


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
    """Whether an image of this size (scan pixels) is wide enough to hold two pages."""
    return width >= MIN_ASPECT * height


def find_fold(image: np.ndarray) -> Fold | None:
    """The fold of a scan holding two pages side by side, None for one page.

    ``image``: the scan, 8-bit grey (H x W) or RGB (H x W x 3). A fold is a
    landscape scan (``MIN_ASPECT``) with a gutter in the middle fifth of its
    width that is clear of ink in ``MIN_CLEAR`` of the strips of its print's
    height, with print on both sides of it."""
    height, width = image.shape[:2]
    if not may_be_fold(width, height):
        return None
    scale = min(1.0, _WIDTH / width)
    small = cv2.resize(to_grey(image), None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = ink_mask(small) > 0
    x = _gutter(ink)
    if x is None or not _both_printed(ink, x):
        return None
    cut = round(x / scale)
    left, right = (0, 0, cut, height), (cut, 0, width, height)
    right_first = _runs_down(image)
    pages = (right, left) if right_first else (left, right)
    log.info("fold: two pages cut at x=%d, %s page first", cut, "right" if right_first else "left")
    return Fold(cut, pages, right_first)


def _gutter(ink: np.ndarray) -> int | None:
    """The x (in ``ink``'s pixels) of the clearest gutter near the middle, or None."""
    height, width = ink.shape
    band = ink[int(0.1 * height) : int(0.9 * height)]
    clear = np.array([~strip.any(axis=0) for strip in np.array_split(band, STRIPS, axis=0)])
    reach = max(1, round(DRIFT * width))
    near = clear.copy()
    for shift in range(1, reach + 1):
        near[:, shift:] |= clear[:, :-shift]
        near[:, :-shift] |= clear[:, shift:]
    lo, hi = int(SEARCH[0] * width), int(SEARCH[1] * width)
    score = near[:, lo:hi].mean(axis=0)
    best = float(score.max(initial=0.0))
    if best < MIN_CLEAR:
        return None
    # Of equally clear gutters, the one nearest the middle.
    candidates = np.flatnonzero(score >= best - 1e-9) + lo
    return int(candidates[np.argmin(np.abs(candidates - width / 2))])


def _both_printed(ink: np.ndarray, x: int) -> bool:
    left, right = int(ink[:, :x].sum()), int(ink[:, x:].sum())
    return min(left, right) >= MIN_INK_SHARE * max(left, right, 1)


def _runs_down(image: np.ndarray) -> bool:
    """Whether the print of the pages runs down the page (vertical Chinese),
    looked at up to ``_DIRECTION_WIDTH`` pixels wide (``print_runs_down``)."""
    grey = to_grey(image)
    scale = min(1.0, _DIRECTION_WIDTH / grey.shape[1])
    if scale < 1.0:
        grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return print_runs_down(grey)
