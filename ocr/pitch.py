"""Chinese lines narrowed to the character pitch the recogniser reads at.

The recogniser (PP-OCR's SVTR-LCNet) resizes every line to 48 pixels tall and
spends time in proportion to the width that gives: one output step per 8
columns. newsprint cuts its lines to their ink, tighter than PaddleOCR's own
detector boxes, so a square Chinese character comes out about 46 model columns
wide, six steps for one character. Narrowed to about 32 columns it is read the
same (generated Chinese pages: 0.2% of characters read differently at 0.7 of
the width, in 0.6 of the time), so Chinese pages are narrowed. Latin type is
not: its characters are some 20 columns wide already, and old condensed type
at 0.9 of its width lost 4% of its characters.

Which a page is, and its pitch, are measured on a pilot: a few long lines read
at full width first (they keep that reading), the rest after. Only print read
surely is narrowed: worn type, read less surely, loses characters.
"""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.core.script import CJK_CHAR

PILOT_LINES = 12
"""Lines read at full width to measure the page's script and pitch."""
PILOT_MIN_ASPECT = 5.0
"""A pilot line is at least this many times as wide as it is tall (several characters)."""
PILOT_MIN_CHARACTERS = 4
"""A pilot line's reading counts towards the pitch with at least this many characters."""
CJK_SHARE = 0.8
"""Share of the pilot's characters that must be Chinese for the page to be narrowed."""
SURE = 0.97
"""The pilot's median confidence must reach this: worn or faint type, read
less surely, loses characters when narrowed (the ECPO folds of 1919 and 1940,
pilots read at a median 0.93-0.95: 0.007 of their coverage lost; generated
pages read at 0.98-1.00)."""
NARROWEST = 0.5
"""Lines are never narrowed below this share of their width."""
MODEL_HEIGHT = 48
"""The recogniser's input height (PP-OCR recognition models)."""


def pilot_lines(images: list[np.ndarray], readable: list[int]) -> list[int]:
    """Up to :data:`PILOT_LINES` indices of ``readable`` images (H x W x 3 line
    crops) spread evenly over the long lines' widths; every readable line when
    there are too few for the rest to be worth narrowing."""
    if len(readable) < 2 * PILOT_LINES:
        return list(readable)
    long = [i for i in readable if images[i].shape[1] >= PILOT_MIN_ASPECT * images[i].shape[0]]
    if len(long) <= PILOT_LINES:
        return long
    long.sort(key=lambda i: images[i].shape[1] / images[i].shape[0])
    picks = np.linspace(0, len(long) - 1, PILOT_LINES).round().astype(int)
    return [long[k] for k in sorted(set(picks.tolist()))]


def narrowing(
    images: list[np.ndarray], readings: dict[int, tuple[str, float]], pitch: float | None
) -> float:
    """The share of its width each remaining line is narrowed to (1.0: none),
    from the pilot's ``readings`` (index -> text and confidence) of ``images``.

    ``pitch``: the model columns per character a Chinese line is narrowed to
    (``ocr.cjk_pitch``; 0 or None never narrows). A page is narrowed only when at
    least :data:`CJK_SHARE` of its pilot's characters are Chinese and its
    median confidence is :data:`SURE` or more."""
    if not pitch or not readings:
        return 1.0
    if np.median([confidence for _, confidence in readings.values()]) < SURE:
        return 1.0
    letters = [ch for text, _ in readings.values() for ch in text if ch.isalnum()]
    cjk = sum(1 for ch in letters if CJK_CHAR.match(ch))
    if not letters or cjk < CJK_SHARE * len(letters):
        return 1.0
    pitches = [
        MODEL_HEIGHT * images[i].shape[1] / images[i].shape[0] / len(text.replace(" ", ""))
        for i, (text, _) in readings.items()
        if len(text.replace(" ", "")) >= PILOT_MIN_CHARACTERS
    ]
    if not pitches:
        return 1.0
    return float(np.clip(pitch / np.median(pitches), NARROWEST, 1.0))


def narrowed(image: np.ndarray, factor: float) -> np.ndarray:
    """``image`` (H x W x 3) resized to ``factor`` of its width (area averaging)."""
    if factor >= 1.0:
        return image
    width = max(1, round(image.shape[1] * factor))
    return cv2.resize(image, (width, image.shape[0]), interpolation=cv2.INTER_AREA)
