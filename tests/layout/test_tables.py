"""The table finder (layout.tables) on hand-made line boxes: no models, no image
beyond the ink a test draws."""

from __future__ import annotations

import numpy as np
from newsprint.core.page import NewspaperPage, PageGeometry, Region, RegionType, TableCell
from newsprint.layout.blocks import Block, group_lines, merge_overlapping_blocks
from newsprint.layout.boxes import Box
from newsprint.layout.tables import TableBlock, find_tables, settle_tables
from newsprint.pipeline.overrides import crop_page, uncrop_page

BODY = 20.0
PITCH = 40.0
COLUMNS = [(40, 120), (200, 260), (330, 400), (450, 520), (580, 660)]
"""x ranges of a stock table's five columns: name, code, open, close, change."""


def _blocks(lines: list[Box]) -> list[Block]:
    return merge_overlapping_blocks(group_lines(lines, [], BODY))


def _table_lines(rows: int, split_prices: bool = False, top: float = 60.0) -> list[Box]:
    """Cells of a stock table, row by row; with ``split_prices`` each price is
    two pieces parted at its decimal point, as a corridor through the aligned
    points cuts them."""
    lines = []
    for r in range(rows):
        y = top + r * PITCH
        for c, (x0, x1) in enumerate(COLUMNS):
            if split_prices and c in (2, 3):
                lines += [Box(x0, y, x1 - 25, y + BODY), Box(x1 - 17, y, x1, y + BODY)]
            else:
                lines.append(Box(x0, y, x1, y + BODY))
    return lines


def _text_column(rows: int, x0: float = 740.0, pitch: float = PITCH) -> list[Box]:
    return [Box(x0, 60 + r * pitch, x0 + 380, 60 + r * pitch + BODY) for r in range(rows)]


def _ink(lines: list[Box], shape: tuple[int, int] = (800, 1300)) -> np.ndarray:
    ink = np.zeros(shape, np.uint8)
    for b in lines:
        ink[int(b.y0) : int(b.y1), int(b.x0) : int(b.x1)] = 255
    return ink


def test_an_unruled_table_beside_a_text_column_is_one_table_of_whole_cells() -> None:
    cells = _table_lines(8, split_prices=True)
    text = _text_column(12)
    blocks = _blocks(cells + text)
    tables = find_tables(blocks, _ink(cells + text), BODY)
    assert len(tables) == 1
    table = tables[0]
    assert table in blocks and table.kind == RegionType.TABLE
    assert len(table.rows) == 8
    assert all([c.column for c in row] == [0, 1, 2, 3, 4] for row in table.rows)
    # The two pieces of a price parted at its decimal point are one cell.
    price = table.rows[0][2]
    assert (price.ink.x0, price.ink.x1) == (330, 400)
    assert price.read.x0 <= 330 and price.read.x1 >= 400
    # The text column stays a block of its own, every line of it.
    rest = [b for b in blocks if not isinstance(b, TableBlock)]
    assert len(rest) == 1 and sorted(rest[0].lines, key=lambda b: b.y0) == text


def test_the_text_column_may_share_the_tables_baselines() -> None:
    cells = _table_lines(8)
    text = _text_column(8)
    blocks = _blocks(cells + text)
    (table,) = find_tables(blocks, _ink(cells + text), BODY)
    assert table.box.x1 < 700
    assert table.columns == 5


def test_a_short_first_line_of_a_text_column_on_the_first_rows_baseline_stays_text() -> None:
    # Lines of text as short as cells (ten body heights) standing between
    # the rows' baselines: only the first shares a row's baseline. It stood in the white
    # past the table's last column in every other row, and was read as the
    # end of the first row's last cell ("-1.5%T01 The fire brigade").
    cells = _table_lines(8)
    first = Box(740, 60, 940, 60 + BODY)
    text = [first] + [Box(740, 80 + 40 * k, 940, 80 + 40 * k + BODY) for k in range(1, 10)]
    blocks = _blocks(cells + text)
    (table,) = find_tables(blocks, _ink(cells + text), BODY)
    assert table.box.x1 < 700
    assert [len(row) for row in table.rows] == [5] * 8
    rest = [b for b in blocks if not isinstance(b, TableBlock)]
    assert sorted((line for b in rest for line in b.lines), key=lambda b: b.y0) == text


def test_a_tag_cut_off_the_start_of_text_lines_is_no_table_column() -> None:
    # "T01 ..." whose tag the layout parted from its line at a column of equal
    # word spaces: the tag stays with its text, out of the table beside it.
    cells = _table_lines(8)
    tags = [Box(740, 60 + r * PITCH, 775, 80 + r * PITCH) for r in range(8)]
    text = [Box(792, 60 + r * PITCH, 1150, 80 + r * PITCH) for r in range(8)]
    blocks = _blocks(cells + tags + text)
    (table,) = find_tables(blocks, _ink(cells + tags + text), BODY)
    assert table.columns == 5 and table.box.x1 < 700
    left = [ln for b in blocks if not isinstance(b, TableBlock) for ln in b.lines]
    assert sorted(left, key=lambda b: (b.y0, b.x0)) == sorted(
        tags + text, key=lambda b: (b.y0, b.x0)
    )


def test_a_row_the_detector_read_as_one_line_is_cut_into_its_cells() -> None:
    rows = [Box(40, 60 + r * PITCH, 660, 80 + r * PITCH) for r in range(6)]
    ink = _ink(_table_lines(6))
    blocks = _blocks(rows)
    detected = {id(b): [b.expand(4)] for b in rows}
    (table,) = find_tables(blocks, ink, BODY, detected)
    assert len(table.rows) == 6 and table.columns == 5
    cell = table.rows[3][1]
    assert (cell.ink.x0, cell.ink.x1) == (200, 260)
    # Each cell is read from its own box, cut from the detected line's.
    assert detected[id(cell.ink)] == [cell.read]
    assert 190 <= cell.read.x0 < 200 and 260 < cell.read.x1 <= 270


def test_narrow_columns_of_text_on_one_baseline_are_no_table() -> None:
    # Five columns of ten-character lines, a body line apart: baselines shared,
    # but the lines are many times wider than the gutters between them.
    lines = []
    for c in range(5):
        x0 = 40 + c * 230
        for r in range(12):
            width = 200 if r % 5 != 4 else 90  # a short last line now and then
            lines.append(Box(x0, 60 + r * 30, x0 + width, 80 + r * 30))
    blocks = _blocks(lines)
    assert find_tables(blocks, _ink(lines), BODY) == []
    assert len(blocks) == 5


def test_two_rows_are_no_table() -> None:
    cells = _table_lines(2)
    blocks = _blocks(cells)
    assert find_tables(blocks, _ink(cells), BODY) == []


def test_a_list_of_two_columns_is_no_table() -> None:
    lines = []
    for r in range(8):
        y = 60 + r * PITCH
        lines += [Box(40, y, 160, y + BODY), Box(300, y, 360, y + BODY)]
    blocks = _blocks(lines)
    assert find_tables(blocks, _ink(lines), BODY) == []


def test_cells_missing_from_a_row_keep_the_columns_of_the_others() -> None:
    cells = _table_lines(6)
    # Row 3 has no code and no change.
    gone = {(3, 1), (3, 4)}
    kept = [b for i, b in enumerate(cells) if (i // 5, i % 5) not in gone]
    blocks = _blocks(kept)
    (table,) = find_tables(blocks, _ink(kept), BODY)
    assert [c.column for c in table.rows[3]] == [0, 2, 3]
    assert all(len(row) == 5 for i, row in enumerate(table.rows) if i != 3)


def test_a_table_stays_a_table_whatever_the_role_tests_said() -> None:
    cells = _table_lines(5)
    blocks = _blocks(cells)
    (table,) = find_tables(blocks, _ink(cells), BODY)
    table.kind = RegionType.RUNNING_HEAD
    heading = Block([Box(60, 20, 300, 50)], kind=RegionType.ADVERTISEMENT)
    frame = table.box.union(heading.box).expand(10)
    blocks.append(heading)
    adverts = settle_tables(blocks, [frame], BODY)
    assert table.kind == RegionType.TABLE
    # A ruled frame round a table is the table's, not an advertisement.
    assert adverts == []
    assert heading.kind == RegionType.HEADLINE


def test_two_cells_read_as_one_line_are_cut_where_the_columns_part() -> None:
    # Close and change set a body line apart: the detector reads them as one
    # line in every row; the ink is white there down every row.
    cells = _table_lines(6)
    lines = []
    for r in range(6):
        row = cells[5 * r : 5 * r + 5]
        lines += [*row[:3], Box(row[3].x0, row[3].y0, row[4].x1, row[4].y1)]
    ink = _ink(cells)
    blocks = _blocks(lines)
    (table,) = find_tables(blocks, ink, BODY)
    assert table.columns == 5
    close, change = table.rows[2][3], table.rows[2][4]
    assert (close.ink.x0, close.ink.x1, change.ink.x0, change.ink.x1) == (450, 520, 580, 660)
    assert close.read.x1 <= change.read.x0
    # The line cut in two is in the table as its two cells, not left behind.
    assert not [line for b in blocks if not isinstance(b, TableBlock) for line in b.lines]


def test_words_of_justified_lines_parted_by_wide_spaces_are_no_table() -> None:
    # A narrow justified column whose word spaces the detector cut at: short
    # pieces, well apart, on shared baselines, but nowhere in columns.
    rng = np.random.default_rng(3)
    lines = []
    for r in range(6):
        x, y = 40.0, 60 + r * 30
        while x < 400:
            width = float(rng.uniform(40, 100))
            lines.append(Box(x, y, min(x + width, 420), y + BODY))
            x += width + float(rng.uniform(26, 32))
    blocks = _blocks(lines)
    assert find_tables(blocks, _ink(lines), BODY) == []


def test_a_row_stays_whole_beside_text_set_to_another_leading() -> None:
    # Names in taller type than the figures; beside them tagged lines of text
    # ("T01 ...", the tag cut off) every 36 px, straddling the table's rows.
    cells = []
    for r in range(8):
        y = 60 + r * PITCH
        cells.append(Box(40, y - 3, 120, y + 20))
        cells += [Box(x0, y + 2, x1, y + 17) for x0, x1 in COLUMNS[1:]]
    tags = [Box(740, 50 + r * 36, 775, 73 + r * 36) for r in range(10)]
    text = [Box(792, 50 + r * 36, 1150, 73 + r * 36) for r in range(10)]
    lines = cells + tags + text
    blocks = _blocks(lines)
    (table,) = find_tables(blocks, _ink(lines), BODY)
    assert [len(row) for row in table.rows] == [5] * 8


def test_a_cropped_pages_table_cells_are_moved_back_to_scan_pixels() -> None:
    image = np.full((800, 1000), 240, np.uint8)
    page = NewspaperPage(source="p.png", sha256="0", width=1000, height=800, image=image)
    cropped = crop_page(page, (100, 50, 600, 450))
    cell = TableCell(text="107.63", bbox=(10, 20, 60, 40), column=2)
    table = Region(id="r001", type=RegionType.TABLE, bbox=(5, 15, 200, 45), rows=[[cell]])
    found = cropped.model_copy(
        update={"geometry": PageGeometry(work_size=(500, 400)), "regions": [table]}
    )
    whole = uncrop_page(found, page, (100, 50, 600, 450))
    assert whole.regions[0].rows[0][0].bbox == (110, 70, 160, 90)


def _rates_table(label_end: float) -> tuple[list[Box], list[Box], Box]:
    """A rates table: six rows of three figures (x 330-660), each row's
    label a long line of text on its baseline (x 40 to ``label_end``), and
    a note under the table."""
    labels, cells = [], []
    for r in range(6):
        y = 60 + r * PITCH
        labels.append(Box(40, y, label_end, y + BODY))
        cells += [Box(x0, y, x1, y + BODY) for x0, x1 in COLUMNS[2:]]
    note = Box(40, 60 + 6 * PITCH, 640, 60 + 6 * PITCH + BODY)
    return labels, cells, note


def test_row_labels_too_long_for_cells_are_the_tables_first_column() -> None:
    # The NZZ 1940's subscription rates: the labels ("Zürich am Schalter
    # oder bei Ablagen"), one running on into the first figure, were read
    # as one article and the figures as another.
    labels, cells, note = _rates_table(label_end=300)
    labels[1] = Box(40, labels[1].y0, 345, labels[1].y1)
    text = _text_column(6)
    blocks = _blocks(labels + cells + [note] + text)
    (table,) = find_tables(blocks, _ink(labels + cells + [note] + text), BODY)
    assert table.columns == 4
    assert [row[0].ink for row in table.rows[:6]] == labels
    assert all([c.column for c in row] == [0, 1, 2, 3] for row in table.rows[:6])
    # The note under the table is its last row; the text column stays apart.
    assert [c.ink for c in table.rows[6]] == [note]
    rest = [line for b in blocks if not isinstance(b, TableBlock) for line in b.lines]
    assert sorted(rest, key=lambda b: b.y0) == text


def test_a_story_running_on_under_a_table_with_a_stub_is_no_note() -> None:
    labels, cells, note = _rates_table(label_end=300)
    labels[1] = Box(40, labels[1].y0, 345, labels[1].y1)
    story = [Box(40, 60 + k * PITCH, 640, 60 + k * PITCH + BODY) for k in range(7, 12)]
    lines = labels + cells + [note] + story
    blocks = _blocks(lines)
    (table,) = find_tables(blocks, _ink(lines), BODY)
    assert len(table.rows) == 6
    rest = [line for b in blocks if not isinstance(b, TableBlock) for line in b.lines]
    assert sorted(rest, key=lambda b: b.y0) == [note, *story]


def test_a_text_column_left_of_a_table_past_a_gutter_is_no_stub() -> None:
    labels, cells, note = _rates_table(label_end=290)  # 2 body lines short of it
    blocks = _blocks(labels + cells + [note])
    (table,) = find_tables(blocks, _ink(labels + cells + [note]), BODY)
    assert table.columns == 3
    rest = [line for b in blocks if not isinstance(b, TableBlock) for line in b.lines]
    assert sorted(rest, key=lambda b: b.y0) == [*labels, note]


def test_a_row_is_measured_against_its_neighbour_not_a_line_across_the_page() -> None:
    # The NZZ 1933's masthead: a line of the right ear, 14 px higher, was
    # the anchor of the band a row of figures went on; the row's first
    # cells shared over half their height with it, its last cells (2 px
    # lower) less, and were put in a band of their own: two rows of two
    # cells or so, no table.
    cells = _table_lines(4)
    row = cells[10:15]
    cells[12:15] = [Box(b.x0, b.y0 + 2, b.x1, b.y1 + 2) for b in row[2:]]
    ear = Box(1000, row[0].y0 - 9, 1200, row[0].y1 - 9)
    lines = [*cells, ear]
    blocks = _blocks(lines)
    (table,) = find_tables(blocks, _ink(lines), BODY)
    assert [len(row) for row in table.rows] == [5, 5, 5, 5]


def _led_rates(section: bool) -> tuple[list[Box], list[Box], np.ndarray]:
    """A rates table whose labels end two body lines short of the figures,
    a leader of dots between (x 330-660 figures, labels x 10-290: too
    long for cells); with
    ``section`` a label of two lines over the fifth row stands in the white
    between the fourth and fifth rows."""
    labels, cells = [], []
    rows = [60 + r * PITCH for r in range(5)]
    if section:  # set close, as the NZZ's: the rows 1.75 pitches apart there
        rows[4] = rows[3] + 70
    for y in rows:
        labels.append(Box(10, y, 290, y + BODY))
        cells += [Box(x0, y, x1, y + BODY) for x0, x1 in COLUMNS[2:]]
    extra = [Box(10, rows[3] + 22, 300, rows[3] + 22 + BODY)]
    extra.append(Box(30, rows[3] + 46, 300, rows[3] + 46 + BODY))
    labels = labels + (extra if section else [])
    ink = _ink(labels + cells)
    for y in rows:
        for x in range(296, 326, 8):  # the leader's dots
            ink[int(y) + 14 : int(y) + 18, x : x + 4] = 255
    return labels, cells, ink


def test_labels_led_to_their_figures_by_dots_are_the_tables_stub() -> None:
    labels, cells, ink = _led_rates(section=False)
    blocks = _blocks(labels + cells)
    (table,) = find_tables(blocks, ink, BODY)
    assert table.columns == 4
    assert [row[0].ink for row in table.rows] == labels


def test_labels_past_a_gutter_without_leaders_stay_a_column_of_text() -> None:
    labels, cells, _ = _led_rates(section=False)
    blocks = _blocks(labels + cells)
    (table,) = find_tables(blocks, _ink(labels + cells), BODY)
    assert table.columns == 3
    rest = [line for b in blocks if not isinstance(b, TableBlock) for line in b.lines]
    assert sorted(rest, key=lambda b: b.y0) == labels


def test_a_section_label_between_two_rows_is_a_row_of_its_own() -> None:
    # "Ausland (ausgen. Brit. Reich u. U.S.A.) Bestellung / und Auskunft über
    # Preis beim Postbureau" over "Bezug unter Privatadresse ... 6.50 18.-".
    labels, cells, ink = _led_rates(section=True)
    blocks = _blocks(labels + cells)
    (table,) = find_tables(blocks, ink, BODY)
    firsts = [row[0].ink for row in table.rows]
    assert firsts == [*labels[:4], *labels[5:], labels[4]]
    assert [len(row) for row in table.rows] == [4, 4, 4, 4, 1, 1, 4]
    assert not [line for b in blocks if not isinstance(b, TableBlock) for line in b.lines]


def test_what_no_cell_took_of_a_line_cut_at_the_columns_stays_behind() -> None:
    # NZZ 1943: the label "Lieferung unter Streifband" ran over two column
    # bands; the part in a band dropped for too few cells was lost with the
    # line ("Lieferung unterE" read in the table, "Streifband" nowhere).
    from newsprint.layout.table_rows import Piece
    from newsprint.layout.tables import _not_in

    line = Box(40, 60, 300, 80)
    block = Block([line])
    ink = _ink([Box(40, 60, 120, 80), Box(140, 60, 300, 80)])
    whole = Piece(line, line.expand(5), line, block)
    cell = Piece(Box(40, 60, 120, 80), Box(35, 55, 125, 85), line, block)
    (rest,) = _not_in(whole, [cell], ink, BODY)
    assert (rest.ink.x0, rest.ink.x1) == (140, 300)
    assert rest.read.x0 >= 120  # read within its stretch, not into the cell
    assert not _not_in(whole, [whole], ink, BODY)  # taken whole: nothing left
    assert _not_in(whole, [], ink, BODY) == [whole]
    # A stretch holding nothing but a leader's dots is no line.
    dots = _ink([Box(40, 60, 120, 80), Box(220, 60, 300, 80)])
    for x in range(140, 200, 10):
        dots[74:78, x : x + 4] = 255
    label = Box(40, 60, 120, 80)
    figures = Piece(Box(220, 60, 300, 80), Box(215, 55, 305, 85), line, block)
    assert not _not_in(whole, [Piece(label, label, line, block), figures], dots, BODY)


def test_one_dot_before_the_figures_leads_but_a_rule_in_the_gutter_does_not() -> None:
    # NZZ 1909: "Zürich wenn die Zeitung abgeholt wird . Fr. 5.50", one dot.
    labels, cells, _ = _led_rates(section=False)
    dotted = _ink(labels + cells)
    ruled = _ink(labels + cells)
    for label in labels:
        y = int(label.y0)
        dotted[y + 14 : y + 18, 310:314] = 255
        ruled[y : y + 20, 310:313] = 255  # a rule's stretch, as tall as the line
    (table,) = find_tables(_blocks(labels + cells), dotted, BODY)
    assert table.columns == 4
    (table,) = find_tables(_blocks(labels + cells), ruled, BODY)
    assert table.columns == 3


def test_specks_in_a_gutter_lead_no_text_column_into_a_table() -> None:
    # A 1-bit scan's specks beside a text column's lines are no leaders.
    labels, cells, _ = _led_rates(section=False)
    ink = _ink(labels + cells)
    for label in labels[:3]:
        y = int(label.y0)
        ink[y + 15 : y + 16, 305:306] = 255
    (table,) = find_tables(_blocks(labels + cells), ink, BODY)
    assert table.columns == 3


def test_ink_in_a_gap_between_columns_stays_in_a_cell() -> None:
    # NZZ 1940's header "1 Monat 3 Mte. 6 Mte. 12 Mte.", one detected line:
    # the "3" and "6" stand in the white the other rows leave between the
    # columns, and fell between the cells (left behind as slivers of their
    # own, which then kept the labels from being the table's stub).
    cells = _table_lines(6)
    head = Box(450, cells[3].y0, 660, cells[3].y1)
    lines = [*cells[:3], head, *cells[5:]]
    ink = _ink([*cells, Box(530, head.y0, 540, head.y1)])
    blocks = _blocks(lines)
    (table,) = find_tables(blocks, ink, BODY)
    assert [(c.ink.x0, c.ink.x1) for c in table.rows[0][3:]] == [(450, 540), (580, 660)]
    assert not [line for b in blocks if not isinstance(b, TableBlock) for line in b.lines]


def test_a_cell_is_read_from_its_own_row_where_the_detector_boxed_rows_together() -> None:
    # NZZ 1909's rates: the detector boxed two or three rows of figures as
    # one; each row's cell was read, and placed, over all of them.
    cells = _table_lines(6)
    lines = list(cells)
    tall = Box(440, cells[7].y0 - 5, 530, cells[17].y1 + 5)  # rows 1-3 of a column
    detected_of = {id(line): [line.expand(4)] for line in lines}
    for k in (8, 13, 18):  # the close column of rows 1, 2, 3
        detected_of[id(lines[k])] = [tall]
    blocks = _blocks(lines)
    (table,) = find_tables(blocks, _ink(lines), BODY, detected_of)
    cell = table.rows[2][3]
    assert cell.read.y0 >= cell.ink.y0 - 0.5 * BODY and cell.read.y1 <= cell.ink.y1 + 0.5 * BODY


def test_rows_through_three_justified_columns_are_no_table() -> None:
    """Three justified columns of typewritten text (the Topaz Times, 1944):
    on three rows the word spaces of every column are wide enough to part
    cells, and the columns' flush edges line up from row to row like a
    table's. The columns go on above and below those rows, so the rows are
    text: no table takes them across the three columns."""
    columns = [(40.0, 360.0), (390.0, 700.0), (720.0, 1030.0)]
    words = [(0, 80), (105, 190), (215, 250), (275, 320)]
    lines, inked = [], []
    for x0, x1 in columns:
        for r in range(12):
            y = 60 + r * PITCH
            lines.append(Box(x0, y, x1, y + BODY))
            if 4 <= r <= 6:  # the detector's whole line, its ink in words
                inked += [Box(x0 + a, y, min(x0 + b, x1), y + BODY) for a, b in words]
            else:
                inked.append(lines[-1])
    blocks = _blocks(lines)
    assert len(blocks) == 3
    assert find_tables(blocks, _ink(inked), BODY) == []
