"""A tiny axis-aligned box in working-image pixels, and the geometry tests layout needs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from newsprint.layout.params.ink import LINE_SHAPE


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def area(self) -> float:
        return max(0.0, self.width) * max(0.0, self.height)

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0),
            min(self.y0, other.y0),
            max(self.x1, other.x1),
            max(self.y1, other.y1),
        )

    def x_overlap(self, other: Box) -> float:
        return max(0.0, min(self.x1, other.x1) - max(self.x0, other.x0))

    def y_overlap(self, other: Box) -> float:
        return max(0.0, min(self.y1, other.y1) - max(self.y0, other.y0))

    def x_overlap_ratio(self, other: Box) -> float:
        """Overlap as a fraction of the narrower box."""
        return self.x_overlap(other) / max(1.0, min(self.width, other.width))

    @property
    def runs_down(self) -> bool:
        """Whether a text line runs down the page (Chinese set vertically):
        taller than wide by ``LINE_SHAPE.vertical_aspect``."""
        return self.height > LINE_SHAPE.vertical_aspect * self.width

    @property
    def thickness(self) -> float:
        """The type size of a text line: its height, or its width when it runs
        down the page (Chinese set vertically)."""
        return self.width if self.runs_down else self.height

    @property
    def length(self) -> float:
        """How far a text line runs: its width, or its height when vertical."""
        return self.height if self.runs_down else self.width

    def contains_point(self, x: float, y: float, pad: float = 0.0) -> bool:
        return self.x0 - pad <= x <= self.x1 + pad and self.y0 - pad <= y <= self.y1 + pad

    def expand(self, pad: float) -> Box:
        return Box(self.x0 - pad, self.y0 - pad, self.x1 + pad, self.y1 + pad)

    def pixels(self, shape: tuple[int, ...]) -> tuple[int, int, int, int]:
        """(x0, y0, x1, y1) of the whole pixels the box covers on an image of
        ``shape`` (H x W ...), clipped to it: the slice ``[y0:y1, x0:x1]``."""
        x0, y0 = max(0, int(self.x0)), max(0, int(self.y0))
        x1 = min(shape[1], int(np.ceil(self.x1)))
        y1 = min(shape[0], int(np.ceil(self.y1)))
        return x0, y0, x1, y1

    def scaled(self, factor: float) -> Box:
        """The box on an image ``factor`` times the size (found on a shrunk copy)."""
        return Box(self.x0 * factor, self.y0 * factor, self.x1 * factor, self.y1 * factor)


@dataclass(frozen=True)
class JoinedLine(Box):
    """The ink box of a text line joined from the detector's pieces (it
    parts a line at a wide word space), with the type size its pieces
    measure: the tallest piece's height (working-image pixels; None: the
    box's own height).

    A sloping or sagging line's pieces stand at different heights, so their
    union is taller than the type (The Park Record of 1935, p2: a story's
    first line, its pieces 27-33 px, measured 38 and was parted from the
    28-px lines under it as type of another size)."""

    type_size: float | None = None

    @property
    def thickness(self) -> float:
        if self.runs_down or self.type_size is None:
            return super().thickness
        return min(self.height, self.type_size)


def joined_line(pieces: Sequence[Box]) -> Box:
    """The union of a line's pieces (``pieces``: their ink boxes, one row of
    horizontal type) measuring the tallest piece's type size; one piece is
    returned as it is."""
    if len(pieces) == 1:
        return pieces[0]
    whole = union_all(list(pieces))
    size = max(p.height for p in pieces)
    return JoinedLine(whole.x0, whole.y0, whole.x1, whole.y1, type_size=size)


def holds_upright(line: Box, run: Box, pad: float) -> bool:
    """Whether a vertical ``run`` (a would-be rule) lies inside ``line``'s
    box: its middle within the line's width, its length within the line's
    height give or take ``pad`` (pixels): a stroke of the line's type."""
    return line.x0 <= run.cx <= line.x1 and line.y0 - pad <= run.y0 and run.y1 <= line.y1 + pad


def starts_under(top: Box, under: Box, body: float, within: float) -> bool:
    """Whether ``under`` starts right under ``top``: its top no higher than
    a ``body`` line over ``top``'s foot and no lower than ``within`` body
    lines under it, the two sharing half the narrower's width across (a
    headline over its text). ``body`` in the boxes' pixels."""
    across = min(top.x1, under.x1) - max(top.x0, under.x0)
    return top.y1 - body <= under.y0 <= top.y1 + within * body and across >= 0.5 * min(
        top.width, under.width
    )


def share_inside(box: Box, outer: Box) -> float:
    """The share of ``box``'s area that lies inside ``outer`` (0 for a box of
    no area)."""
    return box.x_overlap(outer) * box.y_overlap(outer) / max(1.0, box.area)


def union_all(boxes: list[Box]) -> Box:
    out = boxes[0]
    for box in boxes[1:]:
        out = out.union(box)
    return out


def true_runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(start, stop) of each run of True in a 1-D mask, stop exclusive."""
    edges = np.flatnonzero(np.diff(np.r_[0, mask.astype(np.int8), 0]))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def in_rows(
    boxes: Sequence[tuple[float, float, float, float]], right_to_left: bool = False
) -> list[int]:
    """The order (indices into ``boxes``, each x0, y0, x1, y1) in which a
    reader takes boxes set along one or more rows, as a running head's
    pieces: row by row from the top (``rows_of``), and along each row left
    to right (``right_to_left``: right to left)."""
    sign = -1 if right_to_left else 1
    return [i for row in rows_of(boxes) for i in sorted(row, key=lambda j: sign * boxes[j][0])]


def rows_of(boxes: Sequence[tuple[float, float, float, float]]) -> list[list[int]]:
    """``boxes`` (indices, each box x0, y0, x1, y1) grouped in rows from the
    top: a box is on the row of the one above it when it shares half the
    shorter one's height with the row's box of median height (the row's
    line: a block of several lines on it, reaching far down, must not take
    the boxes under that line into the row, nor a speck of a box set the
    row; NZZ 1909's rates table, under its header, was read before it
    beside a block of three lines from the header's row down)."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i][1])
    rows: list[list[int]] = []
    for i in order:
        y0, y1 = boxes[i][1], boxes[i][3]
        row = rows[-1] if rows else None
        if row is not None:
            line = sorted(row, key=lambda j: boxes[j][3] - boxes[j][1])[len(row) // 2]
            top, bottom = boxes[line][1], boxes[line][3]
            shared = min(y1, bottom) - max(y0, top)
            if shared >= 0.5 * min(y1 - y0, bottom - top):
                row.append(i)
                continue
        rows.append([i])
    return rows


def xy_cut(
    boxes: Sequence[tuple[float, float, float, float]],
    right_to_left: bool = False,
    slack: float = 0.0,
) -> list[int]:
    """The order (indices into ``boxes``, each x0, y0, x1, y1) of boxes read by
    recursive X-Y cut (Nagy and Seth, 1984; the order docling, surya and
    PP-Structure fall back on): parted first into bands at every run of white
    across them, read top to bottom; a band with no such white into columns
    at every run of white down it, read left to right (``right_to_left``:
    right to left); each part cut again the same way. Boxes that no white
    parts either way are read along rows (``in_rows``). Boxes overlapping by
    up to ``slack`` (pixels) count as parted: a detector's box stands a few
    pixels off its ink, and a nameplate's over an ear's by as much."""

    def cut(indices: list[int]) -> list[int]:
        if len(indices) < 2:
            return indices
        for axis in (1, 0):
            parts = _white_parted(boxes, indices, axis, slack)
            if len(parts) > 1:
                if axis == 0 and right_to_left:
                    parts.reverse()
                return [i for part in parts for i in cut(part)]
        rows = in_rows([boxes[i] for i in indices], right_to_left)
        return [indices[k] for k in rows]

    return cut(list(range(len(boxes))))


def _white_parted(
    boxes: Sequence[tuple[float, float, float, float]],
    indices: list[int],
    axis: int,
    slack: float,
) -> list[list[int]]:
    """``indices`` in runs along ``axis`` (0: x, 1: y) with white between runs:
    no box of one run reaches into the next by more than ``slack``."""
    ordered = sorted(indices, key=lambda i: boxes[i][axis])
    parts = [[ordered[0]]]
    reach = boxes[ordered[0]][axis + 2]
    for i in ordered[1:]:
        if boxes[i][axis] > reach - slack:
            parts.append([i])
        else:
            parts[-1].append(i)
        reach = max(reach, boxes[i][axis + 2])
    return parts
