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
three cells or more (``layout.table_rows``). Columns are the bands of x where the rows have cells; a
column with cells in too few rows is not part of the table.

The table becomes one block (``TableBlock``), typed ``table``, that holds its
cells row by row; every cell is read as one crop, so a cell comes out whole,
and a table is read row by row. The lines it took leave their blocks, so a
column of text beside a table stays a block (and an article) of its own.

Everything here is in working-image pixels and measured in the page's body
line height (``body``); the thresholds are in ``layout.params.tables``.
"""

from __future__ import annotations

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
from newsprint.layout.table_rows import (
    Piece,
    Row,
    Unit,
    cell_read_box,
    is_table,
    row_runs,
    stacked_rows,
    type_pieces,
)

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
    pieces, others = type_pieces(blocks, ink, body, detected_of)
    rows = row_runs(pieces, others, body)
    grids = [_grid(t, ink, body) for t in stacked_rows(rows, body) if is_table(t, body)]
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


def _grid(rows: list[Row], ink: np.ndarray, body: float) -> tuple[TableBlock, list[Piece]] | None:
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
    grid: list[dict[int, list[Piece]]] = []
    for row in rows:
        cells: dict[int, list[Piece]] = {}
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
    unit: Unit, bands: list[tuple[int, int]], x0: int, ink: np.ndarray
) -> list[tuple[int, Piece]]:
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
            out.append((c, Piece(part, read, piece.line, piece.block)))
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


def _cell(pieces: list[Piece], column: int) -> Cell:
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
            return [Cell(line, cell_read_box(line, detected_of.get(id(line)) or [line]), 0)]

        on_rows = [(line, r) for line, r, between in stub if not between]
        for r in sorted({r for _, r in on_rows}):
            # A label in pieces on its row (the detector's lines) is one cell.
            labels = [line for line, row in on_rows if row == r]
            reads = [box for line in labels for box in detected_of.get(id(line)) or [line]]
            cells[r].insert(0, Cell(union_all(labels), cell_read_box(union_all(labels), reads), 0))
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
    taken: list[Piece],
    all_pieces: list[Piece],
    ink: np.ndarray,
    body: float,
    detected_of: dict[int, list[Box]],
) -> None:
    """The tables' lines leave their blocks (a block left empty goes); of a line
    cut into cells only some of which are in a table, the other parts stay
    behind as lines of their own."""
    of_line: dict[int, list[Piece]] = {}
    for p in taken:
        of_line.setdefault(id(p.line), []).append(p)
    lines_taken = set(of_line)
    left_over: dict[int, list[Piece]] = {}
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


def _not_in(piece: Piece, parts: list[Piece], ink: np.ndarray, body: float) -> list[Piece]:
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
        rest.append(Piece(fitted, Box(x0, read.y0, x1, read.y1), piece.line, piece.block))
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
