"""Scratches across vertical type: thin straight lines that are no rules.

Microfilmed newspapers carry scratches: thin dark lines running straight
through the print, margins and frames alike. Rule finding takes a long one
for a rule, and a rule across vertical lines cuts them
(``direction.vertical_pieces``): on ECPO's 1919 fold a scratch under the first
characters of eleven vertical lines of an advert cut them all there, and those
first characters were read as one row across ("生馬發均福六閱餘稽佳五").

A printed rule stands in white: type set above and below it keeps about a
character's white round it (0.6-1.5 body lines on the ECPO folds where the
detector ran a line through one). A scratch crosses the lines wherever they
stand, in the narrow white between two characters (0.2-0.45 body), and
crosses many of them at once.
"""

from __future__ import annotations

import logging

import numpy as np
from newsprint.layout.boxes import Box
from newsprint.layout.direction import crosses_vertical_line, is_vertical
from newsprint.layout.params.direction import SCRATCHES
from newsprint.layout.textlines import LinePiece

log = logging.getLogger(__name__)


def without_scratches(
    h_rules: list[Box], pieces: list[LinePiece] | None, text_ink: np.ndarray, body: float
) -> list[Box]:
    """``h_rules`` less the scratches across vertical type: a "rule" that
    crosses ``SCRATCHES.min_lines`` detected vertical lines or more (as a rule
    that cuts a line does: ``direction.crosses_vertical_line``), where the
    white those lines leave round it is under ``SCRATCHES.max_white`` body
    lines at the median.

    ``text_ink``: the page's ink less the rules' (255 = ink), work-image
    shape; boxes and ``body`` in work-image pixels."""
    lines = [p for p in pieces or [] if is_vertical(p.detected)]
    if not lines:
        return h_rules
    kept = []
    for rule in h_rules:
        whites = [
            _white_round(rule, p, text_ink)
            for p in lines
            if crosses_vertical_line(rule, p.detected, body)
        ]
        if len(whites) >= SCRATCHES.min_lines and np.median(whites) < SCRATCHES.max_white * body:
            log.debug("a scratch %s across %d vertical lines is no rule", rule, len(whites))
            continue
        kept.append(rule)
    return kept


def _white_round(rule: Box, line: LinePiece, text_ink: np.ndarray) -> int:
    """Pixels of white down ``line`` (its ink's width, its detected length)
    that hold the rule's middle: from the last ink above it to the first
    below it; 0 where ink stands on the rule's middle row."""
    height, width = text_ink.shape[:2]
    x0, x1 = max(0, int(line.ink.x0)), min(width, int(np.ceil(line.ink.x1)))
    y0, y1 = max(0, int(line.detected.y0)), min(height, int(np.ceil(line.detected.y1)))
    middle = int(rule.cy) - y0
    if x1 <= x0 or not 0 <= middle < y1 - y0:
        return 0
    inked = (text_ink[y0:y1, x0:x1] > 0).any(axis=1)
    if inked[middle]:
        return 0
    above = np.flatnonzero(inked[:middle])
    below = np.flatnonzero(inked[middle:])
    top = above[-1] + 1 if above.size else 0
    bottom = middle + below[0] if below.size else y1 - y0
    return int(bottom - top)
