"""Strokes of display type that the rule search takes for rules.

A headline's characters, 5 to 10 body lines tall, have strokes as long and
thin as a short rule: the upright of 推 or 向, the sides and top of 国's
frame, the top stroke of 市. Found as rules, they cut the headline into
pieces read as headlines of their own ("深耕中", "国市场", "赋能制": 东莞日报
of 18 June 2026, page A03, enlarged twice for its 14-pixel body type). A
run is let go as a stroke when it lies inside the detector's box of a line
of display type and either is part of a piece of ink shaped like one
character (``character_of_display_type``), or has the character's other
strokes across it or close on both sides (``stroke_of_display_type``).

Everything is in the pixels of the ink mask searched; ``em`` is the body
line height there.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
from newsprint.layout.boxes import Box, holds_upright
from newsprint.layout.params.rules import DISPLAY_STROKE


def character_of_display_type(ink: np.ndarray, run: Box, lines: Sequence[Box], em: float) -> bool:
    """Whether a run across or down (a would-be rule) is part of one
    character of a line of display type: it lies inside the detector's box
    of such a line (``lines``, give or take ``DISPLAY_STROKE.pad`` body
    lines), and the piece of ink it belongs to is about as wide as high
    (the narrower side at least ``DISPLAY_STROKE.square`` of the wider),
    no bigger than the line is high (``DISPLAY_STROKE.glyph_size``): 国's
    frame, 刂 with its hook, 土. A rule is a thin piece; a frame round a
    headline, or a rule under it that its letters touch, is a piece far
    wider than high. A short rule that a letter touches is as like a
    character as 刂, and goes as one. ``ink``: H x W, nonzero = ink."""
    P = DISPLAY_STROKE
    pad = P.pad * em
    held = [
        line
        for line in lines
        if line.contains_point(run.x0, run.y0, pad) and line.contains_point(run.x1, run.y1, pad)
    ]
    if not held:
        return False
    line = max(held, key=lambda b: b.height)
    found = _piece_under(ink, run, line.expand(pad))
    if found is None:
        return False
    rows, cols = np.nonzero(found)
    across = int(cols.max() - cols.min() + 1)
    down = int(rows.max() - rows.min() + 1)
    if min(across, down) < P.square * max(across, down):
        return False
    return max(across, down) <= P.glyph_size * line.height


def _piece_under(ink: np.ndarray, run: Box, within: Box) -> np.ndarray | None:
    """The connected piece of ink (inside the box ``within``) that holds
    most of ``run``'s ink, as a mask over the box's pixels; None when the
    run has no ink there or no piece holds ``DISPLAY_STROKE.own_share`` of
    it."""
    x0, y0, x1, y1 = within.pixels(ink.shape)
    crop = ink[y0:y1, x0:x1]
    if not crop.size:
        return None
    _, labels = cv2.connectedComponents((crop > 0).astype(np.uint8), connectivity=8)
    rx0, ry0 = max(0, int(run.x0) - x0), max(0, int(run.y0) - y0)
    rx1, ry1 = int(np.ceil(run.x1)) - x0, int(np.ceil(run.y1)) - y0
    # The piece with most ink inside the run's box: a rule drawn aslant has
    # a box rows deep, that may reach a letter just above it, bigger than
    # the rule but little of it inside. A run of dashes is many pieces, none
    # of them most of the run: no one character's stroke.
    counts = np.bincount(labels[ry0:ry1, rx0:rx1].ravel())
    counts[0] = 0
    if not counts.any() or counts.max() < DISPLAY_STROKE.own_share * counts.sum():
        return None
    return labels == int(np.argmax(counts))


def stroke_of_display_type(ink: np.ndarray, rule: Box, lines: Sequence[Box], em: float) -> bool:
    """Whether a vertical run is an upright stroke of a character in a line
    of display type: it lies within the detector's box of such a line
    (``lines``), give or take ``DISPLAY_STROKE.pad``, and in a row clear of
    its ends (``DISPLAY_STROKE.ends``) its ink runs on unbroken across it
    and ``beyond_px`` past each side (a cross stroke), or ink stands within
    ``flank`` of its length on both sides (the other strokes of its
    character and the next). ``ink``: H x W, nonzero = ink;
    ``em``: the body line height."""
    P = DISPLAY_STROKE
    pad = P.pad * em
    if not any(holds_upright(line, rule, pad) for line in lines):
        return False
    if character_of_display_type(ink, rule, lines, em):
        return True
    cut = P.ends * rule.height
    y0, y1 = max(0, int(rule.y0 + cut)), min(ink.shape[0], int(np.ceil(rule.y1 - cut)))
    x0, x1 = int(rule.x0), int(np.ceil(rule.x1))
    if any(_crossed(ink[y], x0, x1, P.beyond_px) for y in range(y0, y1)):
        return True
    # An upright with nothing across it (向's left side) has its character's
    # strokes and the next character's close by on both sides.
    near = max(1, int(P.flank * rule.height))
    left = ink[y0:y1, max(0, x0 - near) : max(0, x0 - 1)]
    right = ink[y0:y1, x1 + 1 : x1 + near]
    return bool(left.size and right.size and np.count_nonzero(left) and np.count_nonzero(right))


def _crossed(row: np.ndarray, x0: int, x1: int, beyond: int) -> bool:
    """Whether ``row``'s ink (1-D) runs unbroken across the columns
    ``x0``..``x1`` and on ``beyond`` pixels past each side of them."""
    a, b = x0 - beyond, x1 + beyond
    return a >= 0 and b <= row.size and bool(np.all(row[a:b]))
