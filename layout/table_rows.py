"""Rows of short cells, the stuff of tables (``layout.tables``).

The body-size lines of the page's blocks become pieces of type (a long line
with wide white inside cut at it, ``CELLS.split``); pieces on one baseline
closer than ``CELLS.join`` make one cell; at least two short cells along a
baseline with no line of text or display type between them make a row; rows
stacked one under the next over the same stretch of page, close enough, are
a table's candidate (``stacked_rows``), and one is a table when enough rows hold
three cells or more that line up from row to row (``is_table``). Everything
is in working-image pixels and measured in the body line height (``body``).
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

import numpy as np
from newsprint.layout.blocks import Block
from newsprint.layout.boxes import Box, true_runs, union_all
from newsprint.layout.params.tables import CELLS, ROWS, TABLES
from newsprint.layout.params.type_size import TYPE_SIZE


@dataclass(eq=False)
class Piece:
    """A piece of body-size type that may be a cell: its ink, and the box it is read from."""

    ink: Box
    read: Box
    line: Box
    """The block line this piece is (or was cut from)."""
    block: Block


@dataclass(eq=False)
class Unit:
    """Pieces of one row that make one cell (closer than ``CELLS.join``)."""

    pieces: list[Piece]
    ink: Box
    short: bool


@dataclass(eq=False)
class Row:
    """Cells along one baseline, left to right."""

    units: list[Unit]

    @property
    def box(self) -> Box:
        """The box round the row's cells."""
        return union_all([u.ink for u in self.units])


def type_pieces(
    blocks: list[Block], ink: np.ndarray, body: float, detected_of: dict[int, list[Box]]
) -> tuple[list[Piece], list[Box]]:
    """Horizontal lines of body-size type as pieces (a long line with wide white
    inside cut at it); the rest (display type, lines set down the page) apart."""
    pieces: list[Piece] = []
    others: list[Box] = []
    for block in blocks:
        for line in block.lines:
            # Display type, or a line set down the page (a lone narrow figure,
            # "1", is a cell).
            if line.height > TYPE_SIZE.surely_display * body:
                others.append(line)
                continue
            reads = detected_of.get(id(line)) or [line.expand(CELLS.read_pad * line.height)]
            read = cell_read_box(line, reads)
            parts = _split_wide(line, ink, body) if line.width > CELLS.max_width * body else None
            if not parts:
                pieces.append(Piece(line, read, line, block))
                continue
            pad = CELLS.read_pad * line.height
            for part in parts:
                cut = Box(
                    max(read.x0, part.x0 - pad), read.y0, min(read.x1, part.x1 + pad), read.y1
                )
                pieces.append(Piece(part, cut, line, block))
    return pieces, others


def cell_read_box(ink: Box, reads: list[Box]) -> Box:
    """The box a cell of ``ink`` is read from: the detector's boxes of its line
    (``reads``), reaching no further above and below the ink than
    ``CELLS.read_reach`` of its height. Where the detector boxed two or three
    rows of small figures as one (NZZ 1909's rates), each row's cells were
    read, and placed, over all of them."""
    read = union_all(reads)
    reach = CELLS.read_reach * ink.height
    return Box(read.x0, max(read.y0, ink.y0 - reach), read.x1, min(read.y1, ink.y1 + reach))


def _split_wide(line: Box, ink: np.ndarray, body: float) -> list[Box] | None:
    """The cells of a long line parted by white at least ``CELLS.split`` wide
    (at least ``CELLS.min_split`` of them), or None."""
    x0, x1 = int(line.x0), int(np.ceil(line.x1))
    crop = ink[int(line.y0) : int(np.ceil(line.y1)), x0:x1]
    if crop.size == 0:
        return None
    inked = np.count_nonzero(crop, axis=0) > 0
    spans = true_runs(inked)
    # Join the runs of ink across narrower white (letters, word spaces).
    parts: list[list[int]] = []
    for a, b in spans:
        if parts and a - parts[-1][1] < CELLS.split * body:
            parts[-1][1] = b
        else:
            parts.append([a, b])
    if len(parts) < CELLS.min_split:
        return None
    return [Box(float(x0 + a), line.y0, float(x0 + b), line.y1) for a, b in parts]


def row_runs(pieces: list[Piece], others: list[Box], body: float) -> list[Row]:
    """Runs of cells along each baseline: at least two short cells, with no
    other type (a line of text, display type) between them nor too wide a
    space. Rows are found among the short pieces only: a line of text set to
    another leading beside them must not part one row of cells in two."""
    long = [p.ink for p in pieces if p.ink.width > CELLS.max_width * body]
    blockers = _Others(others + long, body)
    short = [
        p for p in pieces if p.ink.width <= CELLS.max_width * body and not blockers.against(p.ink)
    ]
    bands: list[list[Piece]] = []
    anchors: list[Box] = []
    for piece in sorted(short, key=lambda p: p.ink.cy):
        home, best = None, 0.0
        for i in range(len(bands) - 1, -1, -1):
            if anchors[i].cy < piece.ink.cy - ROWS.band_reach * TYPE_SIZE.surely_display * body:
                break
            shared = _baseline_shared(piece.ink, bands[i])
            if shared >= ROWS.band_overlap and shared > best:
                home, best = i, shared
        if home is None:
            bands.append([piece])
            anchors.append(piece.ink)
        else:
            bands[home].append(piece)
    runs: list[Row] = []
    for band in bands:
        units = _units(sorted(band, key=lambda p: p.ink.x0), blockers, body)
        current: list[Unit] = []
        for unit in units:
            if current and (
                not unit.short
                or unit.ink.x0 - current[-1].ink.x1 > ROWS.reach * body
                or blockers.between(current[-1].ink, unit.ink)
            ):
                if len(current) >= 2:
                    runs.append(Row(current))
                current = []
            if unit.short:
                current.append(unit)
        if len(current) >= 2:
            runs.append(Row(current))
    return runs


def _baseline_shared(ink: Box, band: list[Piece]) -> float:
    """The share of the shorter height that ``ink`` shares with the band's
    piece nearest it along the row. A band runs across the whole page, and
    boxes a few pixels higher or lower from across it (an ear beside the
    nameplate) would otherwise decide whose row a cell is on: the NZZ
    1933's rates row "8.90 9.— 16.50 32.—", measured against a line of the
    right ear 14 px higher, was parted in two rows and the table lost."""
    near = min(band, key=lambda p: max(p.ink.x0 - ink.x1, ink.x0 - p.ink.x1, 0.0)).ink
    return near.y_overlap(ink) / min(near.height, ink.height)


def _units(band: list[Piece], blockers: _Others, body: float) -> list[Unit]:
    """The band's pieces joined into cells across spaces narrower than
    ``CELLS.join``; a cell set close against a line of text is part of it."""
    units: list[Unit] = []
    for piece in band:
        last = units[-1] if units else None
        if last is not None and piece.ink.x0 - last.ink.x1 < CELLS.join * body:
            last.pieces.append(piece)
            last.ink = last.ink.union(piece.ink)
        else:
            units.append(Unit([piece], piece.ink, True))
    for unit in units:
        unit.short = unit.ink.width <= CELLS.max_width * body and not blockers.against(unit.ink)
    return units


class _Others:
    """The type that is no cell (lines of text, display type), found by height."""

    def __init__(self, boxes: list[Box], body: float) -> None:
        self.boxes = sorted(boxes, key=lambda b: b.cy)
        self.cys = [b.cy for b in self.boxes]
        self.reach = ROWS.others_reach * TYPE_SIZE.surely_display * body
        self.body = body

    def _near(self, y0: float, y1: float) -> list[Box]:
        lo = bisect.bisect_left(self.cys, y0 - self.reach)
        hi = bisect.bisect_right(self.cys, y1 + self.reach)
        return [b for b in self.boxes[lo:hi] if b.y0 < y1 and b.y1 > y0]

    def between(self, left: Box, right: Box) -> bool:
        """Such type stands in the space between two cells of a row."""
        gap = Box(left.x1, min(left.y0, right.y0), right.x0, max(left.y1, right.y1))
        return any(
            o.x_overlap(gap) > 0 and o.y_overlap(gap) > ROWS.blocked * gap.height
            for o in self._near(gap.y0, gap.y1)
        )

    def against(self, cell: Box) -> bool:
        """A line of text on the cell's baseline starts or ends right beside it
        (a tag or a first word the layout cut off at a column of equal spaces)."""
        reach = CELLS.text_attach * self.body
        for o in self._near(cell.y0, cell.y1):
            if o.y_overlap(cell) < CELLS.text_baseline * min(o.height, cell.height):
                continue
            if 0 <= o.x0 - cell.x1 < reach or 0 <= cell.x0 - o.x1 < reach:
                return True
        return False


def stacked_rows(rows: list[Row], body: float) -> list[list[Row]]:
    """Runs stacked one under the next, over the same stretch of the page."""
    tables: list[list[Row]] = []
    for row in sorted(rows, key=lambda r: r.box.y0):
        box = row.box
        best, best_gap = None, None
        for table in tables:
            last = table[-1].box
            gap = box.y0 - last.y1
            if box.cy <= last.cy or gap > ROWS.max_gap * body:
                continue
            if box.x_overlap(last) < ROWS.stack_overlap * min(box.width, last.width):
                continue
            if best_gap is None or gap < best_gap:
                best, best_gap = table, gap
        if best is None:
            tables.append([row])
        else:
            best.append(row)
    return tables


def is_table(rows: list[Row], body: float) -> bool:
    """Enough rows of three cells or more, cells short and well apart, and
    lined up from row to row: not the short lines of narrow columns of text
    that happen to share baselines, nor the words of justified lines parted by
    wide spaces."""
    P = TABLES
    if sum(1 for r in rows if len(r.units) >= P.min_columns) < P.min_rows:
        return False
    fills = [sum(u.ink.width for u in r.units) / max(1.0, r.box.width) for r in rows]
    widths = [u.ink.width for r in rows for u in r.units]
    gaps = [b.ink.x0 - a.ink.x1 for r in rows for a, b in itertools.pairwise(r.units)]
    typical = float(np.median(widths))
    if typical > P.typical_cell * body or float(np.median(gaps)) < P.min_spacing * typical:
        return False
    if _through_text_columns(rows):
        return False
    return float(np.median(fills)) <= P.max_fill and _aligned(rows, body) >= P.min_aligned


def _through_text_columns(rows: list[Row]) -> bool:
    """Whether the rows are a slice through columns of text: their cells come
    from two blocks or more that each go on both above and below the rows
    for at least ``TABLES.text_around`` lines. A table's lines are stacked
    into blocks of their own, or into blocks that hold its heading or the
    notes under it (NZZ 1909's rates, in blocks with the address lines
    under them); justified lines of two or three columns, their word spaces
    wide, share baselines and their columns' flush edges line up like a
    table's."""
    top = min(r.box.y0 for r in rows)
    bottom = max(r.box.y1 for r in rows)
    blocks = {id(p.block): p.block for r in rows for u in r.units for p in u.pieces}
    least = TABLES.text_around
    running = [
        block
        for block in blocks.values()
        if sum(1 for ln in block.lines if ln.y1 <= top) >= least
        and sum(1 for ln in block.lines if ln.y0 >= bottom) >= least
    ]
    return len(running) >= 2


def _aligned(rows: list[Row], body: float) -> float:
    """The share of inner cells (neither first nor last of their row) whose left
    edge, right edge or centre lines up with a cell in at least half the
    other rows: a table's cells stand in columns, a justified line's words
    wherever the spacing puts them."""
    edges = [np.array([(u.ink.x0, u.ink.x1, u.ink.cx) for u in r.units]) for r in rows]
    tol = TABLES.align_tolerance * body
    inner = lined = 0
    for i, row in enumerate(edges):
        for cell in row[1:-1]:
            inner += 1
            hits = sum(
                1
                for j, other in enumerate(edges)
                if j != i and (np.abs(other - cell) < tol).any(axis=0).any()
            )
            lined += hits >= TABLES.align_rows * (len(rows) - 1)
    return lined / inner if inner else 0.0
