"""Scratches across vertical type: thin straight lines that are no rules.

Microfilmed newspapers carry scratches: thin dark lines running straight
through the print, margins and frames alike. Rule finding takes a long one
for a rule, and a rule across vertical lines cuts them
(``direction.vertical_pieces``): on ECPO's 1919 fold a scratch under the first
characters of eleven vertical lines of an advert cut them all there, and those
first characters were read as one row across ("生馬發均福六閱餘稽佳五").

A printed rule parts what is set above it from what is set below: most
vertical lines end at it, and where the detector runs a few through it, the
type keeps a margin of white round it. A scratch runs through the lines where
they stand: nearly every line that reaches it goes on past it, in the narrow
white between two of its characters. This is the counterpart, for rules across
vertical type, of ``rules._type_runs_through`` (a scratch down a column of
horizontal lines).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import numpy as np
from newsprint.layout.boxes import Box
from newsprint.layout.direction import crosses_vertical_line, is_vertical, part_of_longer
from newsprint.layout.params.direction import SCRATCHES_ACROSS, VERTICAL_LINES

if TYPE_CHECKING:
    from newsprint.layout.textlines import LinePiece

log = logging.getLogger(__name__)


def without_scratches(
    h_rules: list[Box], pieces: list[LinePiece] | None, text_ink: np.ndarray, body: float
) -> list[Box]:
    """``h_rules`` less the scratches across vertical type (``is_scratch``).

    ``pieces``: the detector's lines (None or empty: no rule is dropped);
    ``text_ink``: H x W uint8, the page's ink less the rules' (nonzero = ink);
    boxes and ``body`` (the body line height) in work-image pixels."""
    if not h_rules:
        return h_rules
    tall = [p.detected for p in pieces or [] if is_vertical(p.detected)]
    # The detector's second box round a line's first characters is that line's.
    lines = [
        p for p in pieces or [] if is_vertical(p.detected) and not part_of_longer(p.detected, tall)
    ]
    if not lines:
        return h_rules
    kept = [r for r in h_rules if not is_scratch(r, lines, text_ink, body)]
    if len(kept) < len(h_rules):
        log.debug("%d scratches across vertical type are no rules", len(h_rules) - len(kept))
    return kept


def is_scratch(rule: Box, lines: list[LinePiece], text_ink: np.ndarray, body: float) -> bool:
    """Whether the horizontal ``rule`` is a scratch across the vertical
    ``lines``: ``SCRATCHES_ACROSS.min_lines`` of them or more cross it (as a
    rule that cuts a line does: ``direction.crosses_vertical_line``), they are
    ``across_share`` or more of the lines that reach within ``reach`` body of
    it, and ``tight_share`` of them or more, ``min_lines`` at least, leave
    less than ``max_white`` body of white round it (``white_round``)."""
    P = SCRATCHES_ACROSS
    reach = P.reach * body
    near = [
        p
        for p in lines
        if rule.x_overlap(p.detected) >= VERTICAL_LINES.rule_across * p.detected.width
        and p.detected.y0 < rule.y1 + reach
        and p.detected.y1 > rule.y0 - reach
    ]
    across = [p for p in near if crosses_vertical_line(rule, p.detected, body)]
    if len(across) < P.min_lines or len(across) < P.across_share * len(near):
        return False
    whites = [white_round(rule, p, text_ink) for p in across]
    tight = [w for w in whites if w is not None and w < P.max_white * body]
    return len(tight) >= max(P.min_lines, P.tight_share * len(across))


def white_round(rule: Box, line: LinePiece, text_ink: np.ndarray) -> int | None:
    """Pixels of white down ``line`` where the horizontal ``rule`` crosses it,
    from the line's last ink above the rule's middle row to its first ink
    below, over the page columns the line's ink and the rule share (the rule's
    own ink, masked out of ``text_ink``, counts as white). None where it
    cannot be measured: no such columns, ink on the middle row (the rule ends
    short of them), or no ink on one side within the line's detected box."""
    height, width = text_ink.shape[:2]
    x0 = max(0, int(max(line.ink.x0, rule.x0)))
    x1 = min(width, int(np.ceil(min(line.ink.x1, rule.x1))))
    y0 = max(0, int(line.detected.y0))
    y1 = min(height, int(np.ceil(line.detected.y1)))
    middle = int(rule.cy) - y0
    if x1 <= x0 or not 0 <= middle < y1 - y0:
        return None
    inked = (text_ink[y0:y1, x0:x1] > 0).any(axis=1)
    above, below = np.flatnonzero(inked[:middle]), np.flatnonzero(inked[middle:])
    if inked[middle] or not above.size or not below.size:
        return None
    return int(middle + below[0] - (above[-1] + 1))
