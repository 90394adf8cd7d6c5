"""Faint column rules: hairlines too light for the page's ink threshold.

A column rule printed grey, or thinned to a pixel by a small scan (a city
daily kept at 60-72 dpi, a letter-size page at 72), falls on the paper's side
of ``binarize.ink_mask``'s one threshold over most of its length: the rule
search (``layout.rules``) then finds only pieces of it or nothing, and the
detector's lines joined across the narrow gutter are read row by row across
both columns. The rule still stands out from the paper beside it; this
module finds it so, as a vertical ridge of the flattened page (a dark x with
paper a little way either side) that runs down several body lines, and adds
it to the ink the rule search looks at.

Everything is in working-image pixels and measured in the body line height.
"""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.layout.binarize import flatten_background
from newsprint.layout.boxes import Box
from newsprint.layout.params.rules import FAINT_RULE, RULES


def faint_column_rules(
    grey: np.ndarray,
    body: float,
    lines: list[Box],
    min_length: float,
    full_size: bool = False,
) -> np.ndarray:
    """Mask (H x W, 255) of the faint vertical rules in ``grey`` (the working
    image, H x W, 8-bit): each x darker by ``FAINT_RULE.contrast`` than both
    xs ``FAINT_RULE.side`` body lines to its left and right, both of them
    paper, along a run of rows at least ``min_length`` body lines long
    (``Settings.layout.min_rule_length_lines``, as of any rule; breaks up to
    ``FAINT_RULE.bridge`` closed, which bridges the leading of close-set
    type too). The ridge is kept through a line of type (``lines``: their
    ink boxes) only where it crosses the whole line, from the row above it
    to the row below it, with the line's type on both sides: a rule passes
    through a line read across its gutter, while the stems of a column's
    first letters, lined up down its edge, and the stem of a headline's
    character on a rule's x ("宁" of a headline over a column rule on the
    broadsheet zh-hans-2001) are the lines' own. A page of 1,600 px a side
    or more is searched once at half its size, each pixel there the darkest
    of its four (a hairline keeps its darkness), unless ``full_size`` (a
    page enlarged for its small type), as ``layout.rules.find_rules``
    searches it."""
    if not full_size and min(grey.shape) >= RULES.half_resolution_from_px:
        half = _darkest_of_four(grey)
        lines_half = [line.scaled(0.5) for line in lines]
        small = faint_column_rules(half, body / 2, lines_half, min_length, full_size=True)
        size = (grey.shape[1], grey.shape[0])
        return cv2.resize(small, size, interpolation=cv2.INTER_NEAREST)
    P = FAINT_RULE
    flat = flatten_background(grey).astype(np.int16)
    k = max(P.side_min_px, round(P.side * body))
    if flat.shape[1] <= 2 * k:
        return np.zeros(grey.shape, np.uint8)
    side = np.full_like(flat, -1)  # no paper beyond the image's edges
    side[:, k:-k] = np.minimum(flat[:, : -2 * k], flat[:, 2 * k :])
    ridge = (side - flat >= P.contrast) & (side >= P.paper * 255)
    mask = ridge.astype(np.uint8) * 255
    bridge = np.ones((max(3, round(P.bridge * body)), 1), np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, bridge)
    run = np.ones((max(3, round(min_length * body)), 1), np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, run)
    margin = round(body)
    for line in lines:
        _only_through(mask, line, margin)
    # What is left between the lines of a column is no longer a long run.
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, run)


def _darkest_of_four(grey: np.ndarray) -> np.ndarray:
    """``grey`` at half its size, each pixel the darkest of its 2 x 2."""
    darkest = cv2.erode(grey, np.ones((2, 2), np.uint8), anchor=(0, 0))
    return np.ascontiguousarray(darkest[::2, ::2])


def _only_through(mask: np.ndarray, line: Box, margin: int) -> None:
    """Clear ``mask`` inside ``line``'s box (in place) except at the xs where
    it runs through the box, from the row above it to the row below it, with
    the line's type on both sides (``margin`` px of it at least): a gutter the
    detector read across. Where a column's lines all start with a stem (the
    capitals and long s of a Fraktur column, NZZ 1890), the ridge down its
    left edge runs through the lines' first glyphs, not between lines."""
    x0, y0, x1, y1 = line.pixels(mask.shape)
    inside = mask[y0:y1, x0:x1]
    if not inside.any():
        return
    above = mask[y0 - 1, x0:x1] if y0 > 0 else np.zeros(x1 - x0, np.uint8)
    below = mask[y1, x0:x1] if y1 < mask.shape[0] else np.zeros(x1 - x0, np.uint8)
    through = inside.all(axis=0) & (above > 0) & (below > 0)
    through[:margin] = False
    through[max(0, x1 - x0 - margin) :] = False
    inside[:, ~through] = 0
