"""Lines the recogniser read from noise, not type: scanner speckle and dust on a
page thresholded to 1-bit, grain, print showing through the paper broken
into specks.

The detector boxes clusters of specks as short "lines" and the recogniser,
which always answers, reads them as "4", "A.", "•", ":" or as long runs of
junk ("2261vb m1k<a< m"), at low confidence. A page on which no line is
real text (three or more characters read surely) holds no text at all: every
line on it is noise, and the page is flagged ``blank`` (``ocr.stage``). On a
page with text, a line is noise when it holds no letter, digit or character
at all, when it is a rule read as text (read very unsurely, with a rule along
its middle), or when it is one or two characters read very unsurely that stand
apart from every line of real text (the page's folio, a single character of
display type or a word in a caption is read surely, or stands by the
text). A long line read unsurely on a page with text is kept: worn real
type reads as low (ECPO's 1919 fold: 17 lines under 0.5 inside its
columns), and what it holds may be the page's only reading of that text.
Tesseract and OCRmyPDF decide from word confidences in the same way; the
thresholds are the recogniser's own scale (PP-OCR's mean character
probability).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from newsprint.core.page import Region, RegionType, TextLine

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NoiseParams:
    sure: float = 0.8
    """A line of ``real_length`` characters or more read at this confidence or
    more is real text: a page without one holds no text."""

    real_length: int = 3
    """Characters (letters, digits, CJK) a line of real text holds at least."""

    short: int = 2
    """A line of this many characters or fewer, read under ``short_sure``,
    standing more than ``reach`` body heights from every line of real text,
    is noise."""

    short_sure: float = 0.5
    """Confidence a short line apart from the text needs to be kept. Specks
    read as "4", ":", "id" score 0.13-0.89 (a helper-made 1-bit page of
    dust); a folio reads 0.95 and more; small real type in an advert's corner
    read badly scores 0.5-0.7 (ECPO 1940: "愛", "膠險", kept), so only the
    very unsure are taken: a page of specks alone is caught whole (``sure``)."""

    reach: float = 2.0
    """× body height: how near a line of real text a short line must stand."""

    rule_piece: float = 1.0
    """× body height: a line on a vertical rule is at most this wide (NS2
    1843 p. 4: 0.75-0.9 of its body line height)..."""

    rule_piece_off: float = 0.5
    """... and its middle at most this far from the rule's (NS2 1843 p. 4:
    0.4-0.45; a column's first character stands a gutter off). × body."""

    rule_like: float = 1 / 3
    """A line read unsurely on a rule is the rule read as text when at least
    this share of its characters are strokes along a line (``_RULE_LIKE``;
    "アーーーでに": a half)."""


NOISE = NoiseParams()


def without_noise(regions: list[Region], body: float) -> list[Region]:
    """``regions`` with the lines read from noise taken out of their ``lines``
    (photos' lines as they are: a picture's words stay with it). ``body``:
    the body line height in working-image pixels."""
    lines = [ln for r in regions if r.type != RegionType.PHOTO for ln in r.lines]
    real = [ln for ln in lines if _is_real(ln)]
    rules = [r for r in regions if r.type == RegionType.SEPARATOR]
    noise = {
        id(ln)
        for ln in lines
        if not real
        or _is_noise(ln, real, body)
        or _read_from_a_rule(ln, rules)
        or _on_a_column_rule(ln, rules, body)
    }
    if not noise:
        return regions
    log.info("%d of %d lines read from noise (speckle, grain)", len(noise), len(lines))
    return [
        r.model_copy(update={"lines": [ln for ln in r.lines if id(ln) not in noise]})
        if r.type != RegionType.PHOTO and any(id(ln) in noise for ln in r.lines)
        else r
        for r in regions
    ]


def _characters(line: TextLine) -> int:
    return sum(c.isalnum() for c in line.text)


def _is_real(line: TextLine) -> bool:
    return _characters(line) >= NOISE.real_length and line.confidence >= NOISE.sure


def _is_noise(line: TextLine, real: list[TextLine], body: float) -> bool:
    count = _characters(line)
    if count == 0:
        return True
    if count > NOISE.short or line.confidence >= NOISE.short_sure:
        return False
    return not any(_near(line, other, NOISE.reach * body) for other in real)


def _read_from_a_rule(line: TextLine, rules: list[Region]) -> bool:
    """Whether the line is a rule's rough edge read as text: read under
    ``NOISE.short_sure``, a third or more of what it reads strokes along a
    line ("ー", "—", "一", "_"), and a horizontal rule along its middle half
    for at least half its width (TEC 1880 p. 44: a border's worn double rule
    read "アーーーでに" at 0.36). Type above or below a rule has the rule at
    its edge; worn type crossed by a rule reads letters."""
    if line.confidence >= NOISE.short_sure or not line.text.strip():
        return False
    text = "".join(line.text.split())
    if sum(c in _RULE_LIKE for c in text) < NOISE.rule_like * len(text):
        return False
    for rule in rules:
        (x0, y0, x1, y1), (rx0, ry0, rx1, ry1) = _in_one_space(line, rule)
        quarter = (y1 - y0) / 4
        along = min(x1, rx1) - max(x0, rx0)
        horizontal = rx1 - rx0 > ry1 - ry0
        if (
            horizontal
            and along >= 0.5 * (x1 - x0)
            and y0 + quarter <= (ry0 + ry1) / 2 <= y1 - quarter
        ):
            return True
    return False


def _on_a_column_rule(line: TextLine, rules: list[Region], body: float) -> bool:
    """Whether the line is a piece of a vertical rule read as text: one or
    two characters read under ``NOISE.sure``, in a box no wider than
    ``NOISE.rule_piece`` body lines that overlaps a vertical rule running
    past its middle, its middle within ``rule_piece_off`` of the rule's
    (NCSE's Northern Star 1843 p. 4, not in the shared set: a worn column
    rule's thicker stretches read "1", "t", "7", "12" at 0.32-0.78, set
    among the next column's lines and read out of its order). A character
    of type stands beside a column's rule, not on it, and a figure set
    against a rule reads surely."""
    if _characters(line) > NOISE.short or line.confidence >= NOISE.sure:
        return False
    for rule in rules:
        (x0, y0, x1, y1), (rx0, ry0, rx1, ry1) = _in_one_space(line, rule)
        if (
            ry1 - ry0 > rx1 - rx0
            and min(x1, rx1) > max(x0, rx0)
            and x1 - x0 <= NOISE.rule_piece * body
            and abs((x0 + x1) / 2 - (rx0 + rx1) / 2) <= NOISE.rule_piece_off * body
            and ry0 <= (y0 + y1) / 2 <= ry1
        ):
            return True
    return False


def _in_one_space(line: TextLine, rule: Region) -> tuple[tuple, tuple]:
    """The boxes of a line and a rule in one space: working-image pixels
    where both have them, else the scan's."""
    if line.work_bbox is not None and rule.work_bbox is not None:
        return line.work_bbox, rule.work_bbox
    return line.bbox, rule.bbox


_RULE_LIKE = frozenset("ー－—–-_‐‑‒―─━一=~～＿﹏…·.")
"""Characters a rule's edge is read as: strokes along the line."""


def _near(line: TextLine, other: TextLine, reach: float) -> bool:
    """Whether the boxes of two lines come within ``reach`` of each other
    (working-image boxes where there are, else the scan's)."""
    a = line.work_bbox or line.bbox
    b = other.work_bbox or other.bbox
    dx = max(0.0, max(a[0], b[0]) - min(a[2], b[2]))
    dy = max(0.0, max(a[1], b[1]) - min(a[3], b[3]))
    return dx <= reach and dy <= reach
