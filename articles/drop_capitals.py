"""Drop capitals: a story's first letter set two or three lines tall at the
head of its first column, the lines beside it indented to clear it.

The text detector boxes such a letter as a line of its own, which the
recogniser reads as one letter ("A" beside "CCORDING to the Daily Herald",
"0" beside "PPONENTS of the AAA": The Park Record of 1935, p2), or takes it
into the first line's box, then two lines tall ("A LONG the line of
providing help"). A drop capital read as a line of its own is put back at
the head of the first line, as ABBYY FineReader does and as PAGE's
``DropCapitalRegion`` is read: the first word's first letter. Either way the
lines beside it are no paragraph starts (``articles.paragraphs``). Boxes are
in scan pixels.
"""

from __future__ import annotations

import numpy as np
from newsprint.articles.params.text import DROP_CAPITALS
from newsprint.core.page import BBox, Region, RegionType, TextDirection, TextLine
from newsprint.layout.boxes import Box

_READ_FOR = {"0": "O"}
"""A drop capital is a letter: what the recogniser reads for one alone."""


def with_drop_capitals(regions: list[Region]) -> list[Region]:
    """``regions`` with each text block's drop capital, read as a line of its
    own (``drop_capital``), joined to the head of the block's first line:
    its letter before the line's text, the line's box taken round both."""
    return [_joined(region) for region in regions]


def drop_capital(region: Region) -> tuple[TextLine, TextLine] | None:
    """The drop capital of a block of horizontal text and the first line it
    opens, or None: a line read as one capital letter (or "0"), boxed
    ``DROP_CAPITALS.min_height`` to ``max_height`` times as tall as the
    block's other lines (those read as something) and at least
    ``min_width`` times as wide, at the block's left edge, its top level
    with the first line's, reaching down past that line beside a line that
    starts right of it."""
    if region.type != RegionType.TEXT or region.direction != TextDirection.HORIZONTAL_LTR:
        return None
    if len(region.lines) < 3:
        return None
    for cap in region.lines:
        letter = cap.text.strip()
        if len(letter) != 1 or not (("A" <= letter <= "Z") or letter in _READ_FOR):
            continue
        others = [ln for ln in region.lines if ln is not cap and ln.text.strip()]
        if len(others) >= 2 and _opens(cap.bbox, [ln.bbox for ln in others]):
            return cap, min(others, key=lambda ln: ln.bbox[1])
    return None


def _line_size(lines: list[BBox]) -> float:
    """The median height of ``lines``' boxes (scan pixels)."""
    return float(np.median([b[3] - b[1] for b in lines]))


def _opens(cap: BBox, lines: list[BBox]) -> bool:
    P = DROP_CAPITALS
    size = _line_size(lines)
    first = min(lines, key=lambda b: b[1])
    left = min(b[0] for b in lines)
    height = cap[3] - cap[1]
    shaped = P.min_height * size <= height <= P.max_height * size
    wide = cap[2] - cap[0] >= P.min_width * size
    level = abs(cap[1] - first[1]) <= P.top_slack * size
    below = cap[3] >= first[3] + P.below_first * size
    clear = cap[2] - P.edge_slack * size
    at_edge = cap[0] <= left + P.edge_slack * size and first[0] >= clear
    beside = any(
        b is not first and cap[1] <= (b[1] + b[3]) / 2 <= cap[3] and b[0] >= clear for b in lines
    )
    return shaped and wide and level and below and at_edge and beside


def _joined(region: Region) -> Region:
    found = drop_capital(region)
    if found is None:
        return region
    cap, first = found
    read = [ln for ln in region.lines if ln is not cap and ln.text.strip()]
    size = _line_size([ln.bbox for ln in read])
    letter = cap.text.strip()
    letter = _READ_FOR.get(letter, letter)
    space = " " if first.bbox[0] - cap.bbox[2] >= DROP_CAPITALS.word_space * size else ""
    text = letter + space + first.text.lstrip()
    chars = len(text)
    both = cap.work_bbox is not None and first.work_bbox is not None
    line = first.model_copy(
        update={
            "text": text,
            "confidence": (cap.confidence + first.confidence * (chars - 1)) / chars,
            "bbox": Box(*cap.bbox).union(Box(*first.bbox)).as_tuple(),
            "polygon": [],
            "work_bbox": (
                Box(*cap.work_bbox).union(Box(*first.work_bbox)).as_tuple() if both else None
            ),
            "drop_capital": cap.work_bbox if both else tuple(map(float, cap.bbox)),
        }
    )
    lines = [line if ln is first else ln for ln in region.lines if ln is not cap]
    return region.model_copy(update={"lines": lines})
