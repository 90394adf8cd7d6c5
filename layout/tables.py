"""Tables: rows of short cells aligned in columns (stock listings, sports results,
weather and TV tables), ruled or not.

Found from the lines layout has stacked into blocks, before their roles are
decided. A cell is a short piece of type; pieces of one row closer than a word
space of display type are one cell (a number the layout cut at its decimal
point, ``107.`` and ``63``, is whole again), and a long detected line holding
several cells parted by wide white (the detector sometimes reads a whole row as
one line) is cut into its cells. A row is a run of at least two cells on one
baseline with no long line of text between them; rows stacked one under the
next with little space between make a table when at least three of them hold
three cells or more. Columns are the bands of x where the rows have cells; a
column with cells in too few rows is not part of the table.

The table becomes one block (``TableBlock``), typed ``table``, that holds its
cells row by row; every cell is read as one crop, so a cell comes out whole,
and a table is read row by row. The lines it took leave their blocks, so a
column of text beside a table stays a block (and an article) of its own.

Everything here is in working-image pixels and measured in the page's body
line height (``body``); the thresholds are in ``layout.params.tables``.
"""

from __future__ import annotations

import bisect
import itertools
import logging
from dataclasses import dataclass, field

import numpy as np
from newsprint.core.page import NewspaperPage, Region, RegionType, TableCell
from newsprint.layout.blocks import Block
from newsprint.layout.boxes import Box, true_runs, union_all
from newsprint.layout.metrics import body_line_height
from newsprint.layout.params.tables import BODY_BESIDE_TABLES, CELLS, COLUMNS, ROWS, STUB, TABLES
from newsprint.layout.params.type_size import TYPE_SIZE
from newsprint.layout.roles import within

log = logging.getLogger(__name__)


@dataclass(eq=False)
class Cell:
    """One cell of a table: its ink, and the one box the recogniser reads."""

    ink: Box
    read: Box
    column: int


@dataclass(eq=False)
class TableBlock(Block):
    """A table: ``lines`` are its cells' ink, row by row; ``rows`` its cells."""

    rows: list[list[Cell]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__post_init__()
        self.kind = RegionType.TABLE
        reads = [c.read for row in self.rows for c in row]
        if reads:
            # The region holds every box a cell is read from.
            self.box = self.box.union(union_all(reads))

    @property
    def columns(self) -> int:
        return 1 + max((c.column for row in self.rows for c in row), default=-1)


@dataclass(eq=False)
class _Piece:
    ink: Box
    read: Box
    line: Box
    """The block line this piece is (or was cut from)."""
    block: Block


@dataclass(eq=False)
class _Unit:
    """Pieces of one row that make one cell (closer than ``CELLS.join``)."""

    pieces: list[_Piece]
    ink: Box
    short: bool


@dataclass(eq=False)
class _Row:
    units: list[_Unit]

    @property
    def box(self) -> Box:
        return union_all([u.ink for u in self.units])


def find_tables(
    blocks: list[Block],
    ink: np.ndarray,
    body: float,
    detected_of: dict[int, list[Box]] | None = None,
) -> list[TableBlock]:
    """Find the tables among ``blocks`` and put them in: each table's lines
    leave their blocks (a block left empty goes) and the table is added as a
    ``TableBlock``. ``detected_of`` (the detector's boxes of each line, by the
    ``id`` of its ink box) is read for the cells' boxes and given theirs."""
    detected_of = detected_of if detected_of is not None else {}
    pieces, others = _pieces(blocks, ink, body, detected_of)
    rows = _row_runs(pieces, others, body)
    grids = [_grid(t, ink, body) for t in _stack(rows, body) if _is_table(t, body)]
    grids = [g for g in grids if g is not None]
    if not grids:
        return []
    found = [table for table, _ in grids]
    taken = [p for _, parts in grids for p in parts]
    _take_out(blocks, taken, pieces, ink, body, detected_of)
    found = [_with_stub(table, blocks, ink, body, detected_of) for table in found]
    for table in found:
        for row in table.rows:
            for cell in row:
                if detected_of:
                    detected_of[id(cell.ink)] = [cell.read]
    blocks.extend(found)
    log.info("%d table(s): %s", len(found), [f"{len(t.rows)}x{t.columns}" for t in found])
    return found


def body_beside_tables(blocks: list[Block], body: float) -> float:
    """The body line height measured again without the tables' cells: a page
    mostly table (small figures) would otherwise take its figures for the body
    type and its text for headlines."""
    if not any(isinstance(b, TableBlock) for b in blocks):
        return body
    heights = [
        ln.thickness
        for b in blocks
        if not isinstance(b, TableBlock)
        for ln in b.lines
        if ln.length > BODY_BESIDE_TABLES.line_aspect * ln.thickness
    ]
    return body_line_height(heights) if len(heights) >= BODY_BESIDE_TABLES.min_lines else body


def table_cells(page: NewspaperPage, region: Region, block: TableBlock) -> list[list[TableCell]]:
    """The region's cells, row by row, in scan pixels (text is filled by OCR)."""
    size = (page.width, page.height)
    rows = []
    for row in block.rows:
        cells = []
        for cell in row:
            bbox, _ = page.geometry.box_to_scan(cell.read.as_tuple(), size)
            work = tuple(round(v, 1) for v in cell.read.as_tuple())
            cells.append(TableCell(column=cell.column, bbox=bbox, work_bbox=work))
        rows.append(cells)
    return rows


def with_cells(page: NewspaperPage, regions: list[Region], blocks: list[Block]) -> list[Region]:
    """``regions`` with each table region given its cells (matched to its block by box)."""
    tables = {
        tuple(round(v, 1) for v in b.box.as_tuple()): b for b in blocks if isinstance(b, TableBlock)
    }
    out = []
    for region in regions:
        block = tables.get(region.work_bbox) if region.type == RegionType.TABLE else None
        if block is not None:
            region = region.model_copy(update={"rows": table_cells(page, region, block)})
        out.append(region)
    return out


def _pieces(
    blocks: list[Block], ink: np.ndarray, body: float, detected_of: dict[int, list[Box]]
) -> tuple[list[_Piece], list[Box]]:
    """Horizontal lines of body-size type as pieces (a long line with wide white
    inside cut at it); the rest (display type, lines set down the page) apart."""
    pieces: list[_Piece] = []
    others: list[Box] = []
    for block in blocks:
        for line in block.lines:
            # Display type, or a line set down the page (a lone narrow figure,
            # "1", is a cell).
            if line.height > TYPE_SIZE.surely_display * body:
                others.append(line)
                continue
            reads = detected_of.get(id(line)) or [line.expand(CELLS.read_pad * line.height)]
            read = _read_box(line, reads)
            parts = _split_wide(line, ink, body) if line.width > CELLS.max_width * body else None
            if not parts:
                pieces.append(_Piece(line, read, line, block))
                continue
            pad = CELLS.read_pad * line.height
            for part in parts:
                cut = Box(
                    max(read.x0, part.x0 - pad), read.y0, min(read.x1, part.x1 + pad), read.y1
                )
                pieces.append(_Piece(part, cut, line, block))
    return pieces, others


def _read_box(ink: Box, reads: list[Box]) -> Box:
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


def _row_runs(pieces: list[_Piece], others: list[Box], body: float) -> list[_Row]:
    """Runs of cells along each baseline: at least two short cells, with no
    other type (a line of text, display type) between them nor too wide a
    space. Rows are found among the short pieces only: a line of text set to
    another leading beside them must not part one row of cells in two."""
    long = [p.ink for p in pieces if p.ink.width > CELLS.max_width * body]
    blockers = _Others(others + long, body)
    short = [
        p for p in pieces if p.ink.width <= CELLS.max_width * body and not blockers.against(p.ink)
    ]
    bands: list[list[_Piece]] = []
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
    runs: list[_Row] = []
    for band in bands:
        units = _units(sorted(band, key=lambda p: p.ink.x0), blockers, body)
        current: list[_Unit] = []
        for unit in units:
            if current and (
                not unit.short
                or unit.ink.x0 - current[-1].ink.x1 > ROWS.reach * body
                or blockers.between(current[-1].ink, unit.ink)
            ):
                if len(current) >= 2:
                    runs.append(_Row(current))
                current = []
            if unit.short:
                current.append(unit)
        if len(current) >= 2:
            runs.append(_Row(current))
    return runs


def _baseline_shared(ink: Box, band: list[_Piece]) -> float:
    """The share of the shorter height that ``ink`` shares with the band's
    piece nearest it along the row. A band runs across the whole page, and
    boxes a few pixels higher or lower from across it (an ear beside the
    nameplate) would otherwise decide whose row a cell is on: the NZZ
    1933's rates row "8.90 9.— 16.50 32.—", measured against a line of the
    right ear 14 px higher, was parted in two rows and the table lost."""
    near = min(band, key=lambda p: max(p.ink.x0 - ink.x1, ink.x0 - p.ink.x1, 0.0)).ink
    return near.y_overlap(ink) / min(near.height, ink.height)


def _units(band: list[_Piece], blockers: _Others, body: float) -> list[_Unit]:
    """The band's pieces joined into cells across spaces narrower than
    ``CELLS.join``; a cell set close against a line of text is part of it."""
    units: list[_Unit] = []
    for piece in band:
        last = units[-1] if units else None
        if last is not None and piece.ink.x0 - last.ink.x1 < CELLS.join * body:
            last.pieces.append(piece)
            last.ink = last.ink.union(piece.ink)
        else:
            units.append(_Unit([piece], piece.ink, True))
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


def _stack(rows: list[_Row], body: float) -> list[list[_Row]]:
    """Runs stacked one under the next, over the same stretch of the page."""
    tables: list[list[_Row]] = []
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


def _is_table(rows: list[_Row], body: float) -> bool:
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
    return float(np.median(fills)) <= P.max_fill and _aligned(rows, body) >= P.min_aligned


def _aligned(rows: list[_Row], body: float) -> float:
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


def _grid(rows: list[_Row], ink: np.ndarray, body: float) -> tuple[TableBlock, list[_Piece]] | None:
    """The table's columns and its cells, with the pieces it is made of.

    Columns are parted where nearly every row is white in its own ink (a decimal
    point is ink: a column of them parts nothing): two cells the detector read
    as one line are cut there, and the pieces of one cell that layout parted
    (at a column of decimal points) are one cell again."""
    x0 = int(min(r.box.x0 for r in rows))
    x1 = int(np.ceil(max(r.box.x1 for r in rows)))
    inked = np.zeros((len(rows), x1 - x0), dtype=bool)
    for i, row in enumerate(rows):
        for unit in row.units:
            a, b = int(unit.ink.x0), int(np.ceil(unit.ink.x1))
            crop = ink[int(unit.ink.y0) : int(np.ceil(unit.ink.y1)), a:b]
            if crop.size:
                inked[i, a - x0 : a - x0 + crop.shape[1]] |= crop.max(axis=0) > 0
    # A long cell in a row or two does not close the white between two columns;
    # white at the table's end that one row's piece crosses (the first line
    # of a text column beside the table, on the first row's baseline) is no
    # column of the table: that piece is left out.
    white = (~inked).mean(axis=0) >= COLUMNS.white_rows
    gaps = [(a, b) for a, b in true_runs(white) if b - a >= COLUMNS.gap * body]
    edges = [0, *[v for gap in gaps for v in gap], len(white)]
    bands = [
        (edges[k], edges[k + 1])
        for k in range(0, len(edges), 2)
        if inked[:, edges[k] : edges[k + 1]].any()
    ]
    if len(bands) < TABLES.min_columns:
        return None
    span = Box(x0 + bands[0][0], 0, x0 + bands[-1][1], 1)
    grid: list[dict[int, list[_Piece]]] = []
    for row in rows:
        cells: dict[int, list[_Piece]] = {}
        for unit in row.units:
            for c, piece in _cut_at_bands(unit, bands, x0, ink):
                if piece.ink.x_overlap(span) > 0:
                    cells.setdefault(c, []).append(piece)
        grid.append(cells)
    counts = [sum(1 for cells in grid if c in cells) for c in range(len(bands))]
    keep = [c for c, n in enumerate(counts) if n >= max(2, COLUMNS.min_share * len(rows))]
    if len(keep) < TABLES.min_columns:
        return None
    number = {c: i for i, c in enumerate(keep)}
    table_rows = [[(number[c], cells[c]) for c in sorted(cells) if c in number] for cells in grid]
    table_rows = [row for row in table_rows if row]
    while table_rows and len(table_rows[0]) < 2:
        table_rows.pop(0)
    while table_rows and len(table_rows[-1]) < 2:
        table_rows.pop()
    if sum(1 for row in table_rows if len(row) >= TABLES.min_columns) < TABLES.min_rows:
        return None
    cells_rows = [[_cell(pieces, c) for c, pieces in row] for row in table_rows]
    taken = [p for row in table_rows for _, pieces in row for p in pieces]
    block = TableBlock([c.ink for row in cells_rows for c in row], rows=cells_rows)
    return block, taken


def _cut_at_bands(
    unit: _Unit, bands: list[tuple[int, int]], x0: int, ink: np.ndarray
) -> list[tuple[int, _Piece]]:
    """The unit's pieces by column; a piece that runs over a column gap (two
    cells read as one line) is cut in the middle of each gap, each part
    fitted to its ink: ink in a gap that the other rows leave white (the
    "3" of a header's "3 Mte.", set left of its column's figures) stays in
    a part, never falls between two."""
    out = []
    for piece in unit.pieces:
        hits = [
            c
            for c, (a, b) in enumerate(bands)
            if min(piece.ink.x1, x0 + b) - max(piece.ink.x0, x0 + a) > 0
        ]
        if len(hits) <= 1:
            out.append((hits[0] if hits else _column_of(piece.ink, bands, x0), piece))
            continue
        pad = CELLS.read_pad * piece.ink.height
        cuts = [x0 + (bands[c][1] + bands[d][0]) / 2 for c, d in itertools.pairwise(hits)]
        for c, a, b in zip(hits, [piece.ink.x0, *cuts], [*cuts, piece.ink.x1], strict=True):
            part = _fit_x(ink, Box(a, piece.ink.y0, b, piece.ink.y1))
            if part is None:
                continue
            read = Box(
                max(piece.read.x0, part.x0 - pad),
                piece.read.y0,
                min(piece.read.x1, part.x1 + pad),
                piece.read.y1,
            )
            out.append((c, _Piece(part, read, piece.line, piece.block)))
    return out


def _fit_x(ink: np.ndarray, box: Box) -> Box | None:
    crop = ink[int(box.y0) : int(np.ceil(box.y1)), int(box.x0) : int(np.ceil(box.x1))]
    cols = np.flatnonzero(crop.max(axis=0) > 0) if crop.size else []
    if len(cols) == 0:
        return None
    return Box(int(box.x0) + float(cols[0]), box.y0, int(box.x0) + float(cols[-1] + 1), box.y1)


def _column_of(box: Box, bands: list[tuple[int, int]], x0: int) -> int:
    """The column a cell stands in: the band it overlaps most (else the nearest)."""
    overlaps = [max(0.0, min(box.x1, x0 + b) - max(box.x0, x0 + a)) for a, b in bands]
    if max(overlaps) > 0:
        return int(np.argmax(overlaps))
    return int(np.argmin([min(abs(box.cx - (x0 + a)), abs(box.cx - (x0 + b))) for a, b in bands]))


def _cell(pieces: list[_Piece], column: int) -> Cell:
    return Cell(union_all([p.ink for p in pieces]), union_all([p.read for p in pieces]), column)


def _with_stub(
    table: TableBlock,
    blocks: list[Block],
    ink: np.ndarray,
    body: float,
    detected_of: dict[int, list[Box]],
) -> TableBlock:
    """``table`` with its stub, the column of row labels on its left, when a
    block of lines stands there on the table's rows (``STUB``): the labels
    are text, too long to be cells ("Zürich am Schalter oder bei Ablagen"),
    and the table finder left them a block of their own, read apart from
    the figures of their rows (the NZZ 1940's subscription rates: the labels
    read as one article, the figures as another). The stub's lines leave
    their block, and so do the lines of it right under the table's last
    row (a note on the table: ``_notes_under``), each a row of one cell;
    a label line in the white between two rows (a section's heading,
    "Ausland (ausgen. Brit. Reich u. U.S.A.) Bestellung", over the row its
    figures are on) is a row of one cell there; others (a title above)
    stay in the block."""
    rows = [union_all([c.ink for c in row]) for row in table.rows]
    for block in blocks:
        if isinstance(block, TableBlock):
            continue
        stub = _stub_lines(block, table, rows, ink, body)
        if stub is None:
            continue
        cells = [[Cell(c.ink, c.read, c.column + 1) for c in row] for row in table.rows]

        def own_row(line: Box) -> list[Cell]:  # a row of one cell: the line
            return [Cell(line, _read_box(line, detected_of.get(id(line)) or [line]), 0)]

        on_rows = [(line, r) for line, r, between in stub if not between]
        for r in sorted({r for _, r in on_rows}):
            # A label in pieces on its row (the detector's lines) is one cell.
            labels = [line for line, row in on_rows if row == r]
            reads = [box for line in labels for box in detected_of.get(id(line)) or [line]]
            cells[r].insert(0, Cell(union_all(labels), _read_box(union_all(labels), reads), 0))
        # Rows of one label between the table's rows, inserted from the last.
        for line, r, _ in sorted((s for s in stub if s[2]), key=lambda s: -s[0].y0):
            cells.insert(r, own_row(line))
        notes = _notes_under(block, table, on_rows, body)
        for note in notes:  # a row of its own, read after the table's rows
            cells.append(own_row(note))
        taken = {id(line) for line, _, _ in stub} | {id(note) for note in notes}
        block.lines = [ln for ln in block.lines if id(ln) not in taken]
        if block.lines:
            blocks[blocks.index(block)] = Block(block.lines)
        else:
            blocks.remove(block)
        log.info("a table's stub of %d row labels taken in", len(on_rows))
        return TableBlock([c.ink for row in cells for c in row], rows=cells)
    return table


def _notes_under(
    block: Block, table: TableBlock, stub: list[tuple[Box, int]], body: float
) -> list[Box]:
    """The lines of the stub's ``block`` under its last label, each at most
    ``ROWS.max_gap`` under the one before, none reaching past the table's
    right edge: the table's notes ("Bei postamtlichem Bezug niedrigere
    Ansätze"), when there are ``STUB.max_notes`` at most. More are a story
    running on under the table in its column: they stay text."""
    labels = {id(label) for label, _ in stub}
    last = max(label.y0 for label, _ in stub)
    below = sorted(
        (ln for ln in block.lines if ln.y0 > last and id(ln) not in labels), key=lambda b: b.y0
    )
    above = max(table.box.y1, max(label.y1 for label, _ in stub))
    notes = []
    for line in below:
        if line.y0 - above > ROWS.max_gap * body or line.x1 > table.box.x1:
            break
        notes.append(line)
        above = line.y1
    # More lines running on under the table are a story, not its notes.
    return notes if len(notes) <= STUB.max_notes else []


def _stub_lines(
    block: Block, table: TableBlock, rows: list[Box], ink: np.ndarray, body: float
) -> list[tuple[Box, int, bool]] | None:
    """The lines of ``block`` that are ``table``'s row labels, each with its
    row (index into ``rows``, the rows' boxes) and False; a line between
    two labels that stands in the white between two rows (the first line
    or two of a section's label, its figures on the row of its last line)
    with the row it stands over and True. None when the block is no stub:
    it stands left of the table, its longest label reaching up to the
    table or into it or half its labels led to their figures by dot
    leaders (``_led``), its lines on the table's rows each starting left of
    its row's figures (a label and a figure may be read as one line), the
    rest above or below them or in the white between rows, and on enough
    of the rows. A row's label may be in pieces (a line each)."""
    if block.box.x0 >= table.box.x0 or len(block.lines) < TABLES.min_rows:
        return None
    lines = sorted(block.lines, key=lambda b: b.y0)
    matched: list[tuple[int, Box, int]] = []
    off: list[int] = []
    for i, line in enumerate(lines):
        shared = [line.y_overlap(row) / max(1.0, min(line.height, row.height)) for row in rows]
        r = int(np.argmax(shared))
        if shared[r] < STUB.baseline:
            if shared[r] <= STUB.between:
                off.append(i)
            continue
        if line.x0 >= min(cell.ink.x0 for cell in table.rows[r]):
            return None  # a label starts left of its row's figures
        matched.append((i, line, r))
    if not matched:
        return None
    short = [(line, r) for _, line, r in matched if line.x1 < table.box.x0 - STUB.reach * body]
    if len(short) == len(matched) and sum(
        _led(line, table.box.x0, ink, body) for line, _ in short
    ) < STUB.led * len(short):
        return None  # a column of text beside the table, its gutter between
    first, last = matched[0][0], matched[-1][0]
    between = [i for i in off if first < i < last]
    if last - first + 1 != len(matched) + len(between):
        return None  # a line across a row's edge between two labels
    labelled = {r for _, _, r in matched}
    if len(labelled) < max(TABLES.min_rows, STUB.min_rows * len(rows)):
        return None
    stub = [(line, r, False) for _, line, r in matched]
    for i in between:
        # Before the first row under the line's middle (a row a label is on
        # follows it: ``first < i < last``).
        cy = lines[i].cy
        over = next((r for r, row in enumerate(rows) if row.cy > cy), matched[-1][2])
        stub.append((lines[i], over, True))
    return stub


def _led(label: Box, figures: float, ink: np.ndarray, body: float) -> bool:
    """Whether a leader runs from ``label``'s end towards the x ``figures``
    where the table's figures start: dots (``_dots``) in the white between,
    two or more (". . . .") or one within ``STUB.lone_dot_reach`` of the
    figures (the NZZ 1909's ". Fr. 5.50"), and nothing else there but the
    edge of the label's last letter where the detector's box cut it. The
    detector leaves a leader out of the label's line. A gutter between a
    text column and a table is white; a rule in it is as tall as the line;
    a speck is smaller than a dot."""
    x0, x1 = int(np.ceil(label.x1)), int(figures)
    y0, y1 = max(0, int(label.y0)), int(np.ceil(label.y1))
    gap = ink[y0:y1, max(0, x0) : max(0, x1)] > 0
    if gap.size == 0:
        return False
    dots, others = _dots(gap, body)
    if any(a > STUB.letter_edge for a, _ in others):
        return False
    if len(dots) >= 2:
        return True
    return len(dots) == 1 and gap.shape[1] - dots[0][1] <= STUB.lone_dot_reach * body


def _dots(gap: np.ndarray, body: float) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The runs of inked columns of ``gap`` (a line's height of ink, as a
    bool array) that are dots (a full stop, a leader's dot: no wider than
    ``STUB.dot_width`` and as big as ``STUB.dot_size`` each way, its ink in
    the line's lower part, from ``STUB.dot_top`` down), and the others."""
    dots, others = [], []
    for a, b in true_runs(gap.any(axis=0)):
        rows = np.flatnonzero(gap[:, a:b].any(axis=1))
        small = b - a <= STUB.dot_width * body
        big_enough = min(b - a, rows[-1] - rows[0] + 1) >= STUB.dot_size * body
        low = rows[0] >= STUB.dot_top * gap.shape[0]
        (dots if small and big_enough and low else others).append((a, b))
    return dots, others


def _take_out(
    blocks: list[Block],
    taken: list[_Piece],
    all_pieces: list[_Piece],
    ink: np.ndarray,
    body: float,
    detected_of: dict[int, list[Box]],
) -> None:
    """The tables' lines leave their blocks (a block left empty goes); of a line
    cut into cells only some of which are in a table, the other parts stay
    behind as lines of their own."""
    of_line: dict[int, list[_Piece]] = {}
    for p in taken:
        of_line.setdefault(id(p.line), []).append(p)
    lines_taken = set(of_line)
    left_over: dict[int, list[_Piece]] = {}
    for piece in all_pieces:
        parts = of_line.get(id(piece.line), [])
        if parts:
            rest = _not_in(piece, parts, ink, body)
            left_over.setdefault(id(piece.line), []).extend(rest)
    kept: list[Block] = []
    for block in blocks:
        if not any(id(line) in lines_taken for line in block.lines):
            kept.append(block)
            continue
        lines = []
        for line in block.lines:
            if id(line) not in lines_taken:
                lines.append(line)
                continue
            for piece in left_over.get(id(line), []):
                lines.append(piece.ink)
                if detected_of:
                    detected_of[id(piece.ink)] = [piece.read]
        if lines:
            kept.append(Block(sorted(lines, key=lambda b: (b.y0, b.x0))))
    blocks[:] = kept


def _not_in(piece: _Piece, parts: list[_Piece], ink: np.ndarray, body: float) -> list[_Piece]:
    """What of ``piece`` no taken part of its line covers: the piece itself
    where none overlaps it, the stretches between and beside the parts a
    piece cut at the table's columns left out (``_cut_at_bands``: a label
    run over into a column dropped for too few cells, NZZ 1943's "Lieferung
    unter Streifband", read "Lieferung unterE" in the table), each as wide
    as a letter at least, fitted to its ink and read within its stretch (not
    into the next cell), as pieces of their own; a stretch of nothing but a
    leader's dots (``_dots``) goes. Nothing when it is in the table whole."""
    if any(p is piece for p in parts):
        return []
    box, read = piece.ink, piece.read
    covered = sorted((p.ink.x0, p.ink.x1) for p in parts if p.ink.x_overlap(box) > 0)
    if not covered:
        return [piece]
    gaps, x = [], box.x0
    for a, b in covered:
        gaps.append((x, a))
        x = max(x, b)
    gaps.append((x, box.x1))
    pad = CELLS.read_pad * box.height
    rest = []
    for a, b in gaps:
        if b - a < CELLS.min_left_over * box.height:
            continue
        fitted = _fit_x(ink, Box(a, box.y0, b, box.y1))
        if fitted is None or fitted.width < CELLS.min_left_over * box.height:
            continue
        stretch = ink[int(box.y0) : int(np.ceil(box.y1)), int(fitted.x0) : int(fitted.x1)] > 0
        if not _dots(stretch, body)[1]:
            continue  # a leader between a label and its figures
        x0, x1 = max(read.x0, fitted.x0 - pad, a), min(read.x1, fitted.x1 + pad, b)
        rest.append(_Piece(fitted, Box(x0, read.y0, x1, read.y1), piece.line, piece.block))
    return rest


def settle_tables(blocks: list[Block], adverts: list[Box], body: float) -> list[Box]:
    """After the role tests: a table stays a table, and a ruled frame round a
    table is the table's rules, not an advertisement (the blocks in it get
    their roles back). Returns the advertisements left."""
    tables = [b for b in blocks if isinstance(b, TableBlock)]
    for table in tables:
        table.kind = RegionType.TABLE
    framing = [a for a in adverts if any(within(t.box, a, body) for t in tables)]
    for frame in framing:
        for block in blocks:
            if block.kind == RegionType.ADVERTISEMENT and within(block.box, frame, body):
                headline = block.line_height >= TYPE_SIZE.display * body
                block.kind = RegionType.HEADLINE if headline else RegionType.TEXT
    return [a for a in adverts if a not in framing]
