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
    grey: np.ndarray, body: float, lines: list[Box], full_size: bool = False
) -> np.ndarray:
    """Mask (H x W, 255) of the faint vertical rules in ``grey`` (the working
    image, H x W, 8-bit): each x darker by ``FAINT_RULE.contrast`` than the
    lighter of the two xs ``FAINT_RULE.side`` body lines to its left and
    right, both of them paper, along a run of rows at least
    ``FAINT_RULE.min_length`` body lines long (breaks up to ``bridge``
    closed). A glyph's stem makes a ridge one line of type long at most: the
    white between lines parts it from the next line's. A page of 1,600 px a
    side or more is searched at half its size unless ``full_size`` (enlarged
    for its small type), as ``layout.rules.find_rules`` searches it. Where
    the ridge runs
    into a line of type (``lines``: their ink boxes), it is kept only at an x
    where it runs through the line from above it to below it: a rule passes
    through a line read across its gutter, but the stem of a headline's
    character set on the rule's x ("宁" of a headline over a column rule on
    the broadsheet zh-hans-2001) only joins it."""
    if not full_size and min(grey.shape) >= RULES.half_resolution_from_px:
        half = cv2.resize(grey, (grey.shape[1] // 2, grey.shape[0] // 2), cv2.INTER_AREA)
        small = faint_column_rules(half, body / 2, [line.scaled(0.5) for line in lines])
        return cv2.resize(small, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_NEAREST)
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
    run = np.ones((max(3, round(P.min_length * body)), 1), np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, run)
    margin = round(body)
    for line in lines:
        _only_through(mask, line, margin)
    # What is left between the lines of a column is no longer a long run.
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, run)


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
