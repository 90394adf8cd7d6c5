"""Columns: the page's column grid, from where its blocks stand.

Everything here is in working-image pixels and measured in the page's body
line height (``body``).
"""

from __future__ import annotations

import logging

import numpy as np
from newsprint.core.page import RegionType
from newsprint.layout.blocks import Block
from newsprint.layout.params.separators import COLUMNS

log = logging.getLogger(__name__)


def find_columns(
    blocks: list[Block], body: float, count: int | None = None
) -> list[tuple[int, int]]:
    """Column x-ranges from where body blocks start and end; ``count`` (an
    archivist's override) forces that many equal columns over the body text
    when the detected ones disagree."""
    body_blocks = [
        b for b in blocks if b.kind == RegionType.TEXT and len(b.lines) >= COLUMNS.min_block_lines
    ]
    if not body_blocks:
        return []
    widths = np.array([b.box.width for b in body_blocks])
    unit = float(np.median(widths))
    single = [b for b in body_blocks if b.box.width < COLUMNS.single_width * unit]
    starts: list[list[float]] = []
    for b in sorted(single, key=lambda b: b.box.x0):
        if starts and b.box.x0 - np.mean(starts[-1]) < COLUMNS.same_start * unit:
            starts[-1].append(b.box.x0)
        else:
            starts.append([b.box.x0])
    cols = []
    for group in starts:
        x0 = float(np.median(group))
        ends = [b.box.x1 for b in single if abs(b.box.x0 - x0) < COLUMNS.same_start * unit]
        cols.append((int(x0), int(np.median(ends))))
    if count and len(cols) != count:
        return _even_columns(body_blocks, count, body)
    return cols


def _even_columns(blocks: list[Block], count: int, body: float) -> list[tuple[int, int]]:
    left = min(b.box.x0 for b in blocks)
    right = max(b.box.x1 for b in blocks)
    gutter = COLUMNS.even_gutter * body  # a newspaper gutter is about one body line high
    width = (right - left - (count - 1) * gutter) / count
    return [
        (int(left + i * (width + gutter)), int(left + i * (width + gutter) + width))
        for i in range(count)
    ]
