"""Word boxes for archival outputs, estimated from a recognised line.

PaddleOCR's recogniser returns one box per detected line. ALTO wants one
``String`` per word (English) or per word group (Chinese), each with its own
box, so the line's quadrilateral is cut in proportion to the width each
character takes in a proportional font: Chinese characters one em, Latin
letters their advance in Pillow's bundled font. The cut runs along the
line's top and bottom edges, so a line that is skewed in the scan still gets
word boxes on the printed words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from newsprint.articles.text import soft_hyphen
from newsprint.core.page import BBox, TextLine
from newsprint.core.script import CJK_CHAR
from PIL import ImageFont

_EM = 100
"""Font size the character widths are measured at; only ratios matter."""
"""A line ending in a letter and a hyphen may be hyphenated."""


@dataclass(frozen=True)
class Word:
    """One word (or Chinese word group) of a line, in scan pixels."""

    text: str
    bbox: BBox
    start: float
    """Where the word starts along the line, as a fraction of the line's length."""
    end: float


@lru_cache(maxsize=4096)
def char_width(char: str) -> float:
    """Advance of ``char`` in ems (Chinese and full-width forms are one em)."""
    if CJK_CHAR.match(char):
        return 1.0
    return max(0.1, _font().getlength(char) / _EM)


@lru_cache(maxsize=1)
def _font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=_EM)


def text_width(text: str) -> float:
    return float(sum(char_width(ch) for ch in text))


def line_corners(line: TextLine, vertical: bool = False) -> np.ndarray:
    """The line's quadrilateral (top-left, top-right, bottom-right, bottom-left)
    in the frame of its reading: for a ``vertical`` line (read top to bottom)
    the line's own top-right, bottom-right, bottom-left and top-left corners,
    so that its text runs from the first corner to the second as across a
    horizontal line."""
    if len(line.polygon) == 4:
        corners = np.asarray(line.polygon, dtype=np.float64)
    else:
        x0, y0, x1, y1 = line.bbox
        corners = np.asarray([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], dtype=np.float64)
    return corners[[1, 2, 3, 0]] if vertical else corners


def split_words(line: TextLine, page_size: tuple[int, int], vertical: bool = False) -> list[Word]:
    """The line's whitespace-separated words with boxes cut from the line's box
    (down the line when ``vertical``)."""
    text = line.text.strip()
    total = text_width(text)
    if not text or total <= 0:
        return []
    corners = line_corners(line, vertical)
    words = []
    for match in re.finditer(r"\S+", text):
        start = text_width(text[: match.start()]) / total
        end = text_width(text[: match.end()]) / total
        box = span_box(corners, start, end, page_size)
        words.append(Word(match.group(), box, start, end))
    return words


def span_box(corners: np.ndarray, start: float, end: float, page_size: tuple[int, int]) -> BBox:
    """Axis-aligned box of the part of the quadrilateral between fractions ``start`` and ``end``."""
    tl, tr, br, bl = corners
    points = np.array(
        [tl + start * (tr - tl), tl + end * (tr - tl), bl + end * (br - bl), bl + start * (br - bl)]
    )
    width, height = page_size
    xs = np.clip(points[:, 0], 0, width)
    ys = np.clip(points[:, 1], 0, height)
    x0, y0 = int(np.floor(xs.min())), int(np.floor(ys.min()))
    x1, y1 = int(np.ceil(xs.max())), int(np.ceil(ys.max()))
    return x0, y0, max(x1, x0 + 1), max(y1, y0 + 1)


def is_hyphenated(line_text: str, next_text: str | None) -> bool:
    """The line ends in a hyphen that only breaks a word across lines: the
    decision ``articles.text.join_lines`` makes (``soft_hyphen``), so that
    ALTO's HYP and SUBS_CONTENT agree with articles.txt."""
    return bool(next_text) and soft_hyphen(line_text, next_text or "")
