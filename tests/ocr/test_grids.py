"""A grid of characters on a page set in vertical lines (ocr.grids): boxed as
rows across, read down its columns where its words say so. Drawn pages of
uming type; the real recogniser."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from newsprint.core.page import NewspaperPage, Region, RegionType, TextDirection, TextLine
from newsprint.ocr.engine import OcrEngine
from newsprint.ocr.grids import (
    _agrees,
    _grid_columns,
    _judged,
    _on_ink,
    _stacked_rows,
    grids_read_down,
)
from newsprint.ocr.stage import line_cutter
from PIL import Image, ImageDraw

from pagegen.fonts import load_font

# ECPO 1940's antiques dealer: six columns of four, read right to left.
DEALER = ["買賣歷代", "金石書畫", "銅瓷古玩", "翡翠玉器", "貨高價廉", "歡迎參觀"]
SIZE, ACROSS, DOWN = 40, 46, 60  # type, column pitch, row pitch (px): closer across
LEFT, TOP = 300, 200


def _grid_page(columns: list[str], blank: int | None = None) -> np.ndarray:
    """``columns`` drawn right to left from x = LEFT + ACROSS * len, a column
    of ten vertical lines of body type beside them (the page is set down);
    column ``blank`` left out of the drawing."""
    font = load_font("uming", SIZE, traditional=True)
    image = Image.new("L", (1400, 900), 255)
    draw = ImageDraw.Draw(image)
    for i, text in enumerate(columns):
        if i == blank:
            continue
        x = LEFT + ACROSS * (len(columns) - 1 - i)
        for k, ch in enumerate(text):
            draw.text((x, TOP + DOWN * k), ch, font=font, fill=0)
    return np.array(image)


def _rows(columns: list[str]) -> list[TextLine]:
    """The grid boxed as rows across, each read left to right, as the
    detector and recogniser give them."""
    n = len(columns)
    return _row_lines(
        ["".join(columns[n - 1 - i][k] for i in range(n)) for k in range(len(columns[0]))]
    )


def _row_lines(texts: list[str]) -> list[TextLine]:
    """Rows boxed as the detector boxes them, padded past the ink (their
    boxes meet)."""
    lines = []
    for k, text in enumerate(texts):
        right = LEFT + ACROSS * len(text) - 3.0
        pad = (DOWN - SIZE) / 2
        box = (LEFT - 3.0, TOP + DOWN * k - pad, right, TOP + DOWN * k + SIZE + pad)
        lines.append(TextLine(text=text, confidence=0.9, bbox=box, work_bbox=box))
    return lines


def _page(image: np.ndarray, down: bool = True) -> NewspaperPage:
    h, w = image.shape
    # Body lines set down (or across) elsewhere on the page.
    body = [(1000 + 40 * i, 100, 1030 + 40 * i, 800) for i in range(8)]
    if not down:
        body = [(100, 700 + 12 * i, 900, 710 + 12 * i) for i in range(8)]
    return NewspaperPage(
        source="grid.png",
        sha256="0",
        width=w,
        height=h,
        image=image,
        work_image=image,
        detected_lines=body,
    )


def _read_down_better(rows: list[TextLine]) -> bool:
    """Whether the grid's columns, as its rows give them, read clearly better
    than the rows (before any is read again)."""
    columns = _grid_columns(rows)
    return columns is not None and all(_judged(rows, [c.text for c in columns]))


def _region(lines: list[TextLine]) -> Region:
    return Region(id="r1", type=RegionType.ADVERTISEMENT, bbox=(0, 0, 1, 1), lines=lines)


@pytest.mark.models
def test_a_grid_boxed_as_rows_is_read_down_its_columns(engine: OcrEngine) -> None:
    page = _page(_grid_page(DEALER))
    (region,) = grids_read_down(page, [_region(_rows(DEALER))], engine, line_cutter)
    assert [ln.text for ln in region.lines] == DEALER
    assert region.direction == TextDirection.VERTICAL_RL
    # Each column's box stands over its own characters, right to left.
    lefts = [ln.work_bbox[0] for ln in region.lines]
    assert lefts == sorted(lefts, reverse=True)
    assert all(
        ln.work_bbox[3] - ln.work_bbox[1] > ln.work_bbox[2] - ln.work_bbox[0] for ln in region.lines
    )


@pytest.mark.models
def test_a_column_read_short_keeps_the_characters_its_rows_gave(engine: OcrEngine) -> None:
    # The third column is not on the page: read again it gives nothing, and
    # keeps the characters the rows were read with.
    page = _page(_grid_page(DEALER, blank=2))
    (region,) = grids_read_down(page, [_region(_rows(DEALER))], engine, line_cutter)
    assert [ln.text for ln in region.lines] == DEALER


@pytest.mark.models
def test_rows_that_read_as_words_stay_rows(engine: OcrEngine) -> None:
    # Two headings set across, one over the other: read down they make no words.
    rows = _row_lines(["國際新聞", "經濟快訊"])
    page = _page(_grid_page(["聞訊", "新快", "際濟", "國經"]))
    (region,) = grids_read_down(page, [_region(rows)], engine, line_cutter)
    assert [ln.text for ln in region.lines] == ["國際新聞", "經濟快訊"]
    assert region.direction == TextDirection.HORIZONTAL_LTR


@pytest.mark.models
def test_a_page_set_across_keeps_its_rows(engine: OcrEngine) -> None:
    page = _page(_grid_page(DEALER), down=False)
    region = _region(_rows(DEALER))
    assert grids_read_down(page, [region], engine, line_cutter) == [region]


def test_the_columns_are_judged_by_their_words() -> None:
    # ECPO 1919's six insurers: rows of one character, columns of 保險會社.
    columns = ["保險會社"] * 5
    assert _read_down_better(_rows(columns))
    assert not _read_down_better(_row_lines(["國際新聞", "經濟快訊"]))


def test_a_heading_of_larger_type_over_a_grid_is_no_row_of_it() -> None:
    rows = _rows(DEALER)
    # "古玩 / 商場" just over the grid: rows 1.5 times as tall, characters
    # twice as far apart.
    heading = [
        TextLine(text=t, confidence=0.9, bbox=b, work_bbox=b)
        for t, b in [
            ("商古", (LEFT, TOP - 190.0, LEFT + 180.0, TOP - 100.0)),
            ("場玩", (LEFT, TOP - 100.0, LEFT + 180.0, TOP - 10.0)),
        ]
    ]
    runs = _stacked_rows(heading + rows)
    assert [[r.text for r in run] for run in runs] == [
        ["商古", "場玩"],
        [r.text for r in rows],
    ]


def test_a_character_reaching_into_a_row_from_another_line_makes_no_column() -> None:
    # The last row's box takes in a character of a line set down beside the
    # grid, in another region, one pitch to the left: it is that line's.
    rows = _rows(DEALER)
    x0, y0, x1, y1 = rows[-1].work_bbox
    rows[-1] = rows[-1].model_copy(
        update={"text": "市" + rows[-1].text, "work_bbox": (x0 - ACROSS, y0, x1, y1)}
    )
    address = _down_line("上海英大馬路中市", (x0 - ACROSS, TOP - 200.0, x0 - 2.0, TOP + 400.0))
    columns = _grid_columns(rows, [], [address])
    assert columns is not None
    assert [c.text for c in columns] == DEALER
    # With no line there, the column's other characters fell between the
    # rows (ECPO 1919's sixth insurer, set lower): the column stands.
    columns = _grid_columns(rows, [], [])
    assert [c.text for c in columns] == [*DEALER, "市"]


@pytest.mark.models
def test_a_line_set_down_in_a_column_is_read_as_part_of_it(engine: OcrEngine) -> None:
    # The detector boxed the grid's first column as a line down short of its
    # last character, and the rows across the other five and that one.
    page = _page(_grid_page(DEALER))
    first, rows = _first_column_down("買賣歷")
    (region,) = grids_read_down(page, [_region([first, *rows])], engine, line_cutter)
    assert [ln.text for ln in region.lines] == DEALER


def _first_column_down(text: str) -> tuple[TextLine, list[TextLine]]:
    """The grid's first column's first three characters boxed as a line down
    read ``text``, and the grid's rows, the first three short of that column."""
    x = LEFT + ACROSS * (len(DEALER) - 1)
    line = _down_line(text, (x - 3.0, TOP - 10.0, x + SIZE + 3.0, TOP + DOWN * 2 + SIZE + 10.0))
    rows = _rows(DEALER)
    rows[:3] = [
        r.model_copy(
            update={"text": r.text[:-1], "work_bbox": (*r.work_bbox[:2], x - 3.0, r.work_bbox[3])}
        )
        for r in rows[:3]
    ]
    return line, rows


def _down_line(text: str, box: tuple[float, float, float, float]) -> TextLine:
    return TextLine(text=text, confidence=0.9, bbox=box, work_bbox=box)


@pytest.mark.models
def test_a_column_read_again_mends_a_row_misread(engine: OcrEngine) -> None:
    # The first row read "寶" for "賣" in the first column; the column, read
    # again from the page, has it right.
    rows = _rows(DEALER)
    rows[1] = rows[1].model_copy(update={"text": rows[1].text.replace("賣", "寶")})
    page = _page(_grid_page(DEALER))
    (region,) = grids_read_down(page, [_region(rows)], engine, line_cutter)
    assert [ln.text for ln in region.lines] == DEALER


def test_a_table_of_prices_set_across_stays_rows() -> None:
    assert not _read_down_better(_row_lines(["三元一角", "十元十角", "七元七角"]))


@pytest.mark.models
def test_a_row_cut_in_two_is_read_once(engine: OcrEngine) -> None:
    # The detector cut the third row in two; its right half is a line of
    # its own, inside the grid, read again with the columns.
    rows = _rows(DEALER)
    x0, y0, x1, y1 = rows[2].work_bbox
    middle = x0 + ACROSS * 3
    left = rows[2].model_copy(update={"text": rows[2].text[:3], "work_bbox": (x0, y0, middle, y1)})
    right = rows[2].model_copy(update={"text": rows[2].text[3:], "work_bbox": (middle, y0, x1, y1)})
    page = _page(_grid_page(DEALER))
    lines = [rows[0], rows[1], left, right, rows[3]]
    (region,) = grids_read_down(page, [_region(lines)], engine, line_cutter)
    assert [ln.text for ln in region.lines] == DEALER


@pytest.mark.models
def test_lines_beside_the_grid_keep_their_place(engine: OcrEngine) -> None:
    # The columns stand where the grid's first row stood; the region's other
    # lines keep their order, each read once.
    page = _page(_grid_page(DEALER))
    x_right = LEFT + ACROSS * len(DEALER) + 40.0
    beside = [
        _down_line("右邊一行", (x_right, TOP - 10.0, x_right + 44.0, TOP + DOWN * 4)),
        _down_line("左邊一行", (LEFT - 90.0, TOP - 10.0, LEFT - 46.0, TOP + DOWN * 4)),
    ]
    lines = [beside[0], *_rows(DEALER), beside[1]]
    (region,) = grids_read_down(page, [_region(lines)], engine, line_cutter)
    assert [ln.text for ln in region.lines] == ["右邊一行", *DEALER, "左邊一行"]
    assert region.direction == TextDirection.VERTICAL_RL


@pytest.mark.models
def test_a_line_of_other_text_over_the_grid_leaves_it_as_rows(engine: OcrEngine) -> None:
    # A caption set across under the grid's short columns, inside its box.
    columns = [*DEALER[:4], DEALER[4][:3], DEALER[5][:3]]
    rows = _rows(DEALER)
    x0, y0, x1, y1 = rows[-1].work_bbox
    rows[-1] = rows[-1].model_copy(
        update={"text": rows[-1].text[2:], "work_bbox": (x0 + 2 * ACROSS, y0, x1, y1)}
    )
    caption = _down_line("電話２３４５", (x0, y0 + 5.0, x0 + 2 * ACROSS + 60.0, y1 - 5.0))
    page = _page(_grid_page(columns))
    region = _region([*rows, caption])
    assert grids_read_down(page, [region], engine, line_cutter) == [region]


@pytest.mark.models
def test_a_line_down_of_other_text_in_a_column_leaves_the_grid_as_rows(engine: OcrEngine) -> None:
    page = _page(_grid_page(DEALER))
    other, rows = _first_column_down("買賣：歷")
    region = _region([other, *rows])
    assert grids_read_down(page, [region], engine, line_cutter) == [region]


def test_a_row_read_twice_is_no_row_under_it() -> None:
    # The detector gave the second row twice, two pixels apart: no run of
    # rows stacks the two (its columns would read the row's characters twice).
    rows = _rows(DEALER)
    twice = rows[1].model_copy(update={"work_bbox": tuple(v + 2.0 for v in rows[1].work_bbox)})
    runs = _stacked_rows([rows[0], rows[1], twice, rows[2], rows[3]])
    assert sum(len(run) for run in runs) == 5
    assert not any(any(r is twice for r in run) and any(r is rows[1] for r in run) for run in runs)


def test_four_names_set_across_stay_rows() -> None:
    # Read down, the names' given names make a word or two ("平安", "國志")
    # by chance: more in all than the rows, but not for the runs scored.
    assert not _read_down_better(_row_lines(["楊民秋", "許東小", "黃國平", "戴志安"]))


def test_a_column_reading_is_taken_only_where_it_agrees_with_the_rows() -> None:
    assert _agrees("買賣歷代", "買寶歷代", 4)
    assert not _agrees("名", "名點", 2)  # short: the rows' characters are kept
    assert not _agrees("歡迎參觀", "貨高價廉", 4)  # a neighbour's column, as long
    assert not _agrees("買賣歷代金石書畫", "買賣歷代", 4)  # two columns read as one
    # ECPO 1919's sixth insurer: a column set closer, nine beside eight rows.
    assert _agrees("千代田火災保險會社", "千代火英社", 8)
    assert not _agrees("千代田火災保險會社社", "千代火英社", 8)


# ECPO 1919's insurers' grid as the detector boxed and the recogniser read
# its rows (working pixels): a row's box reaches past the sixth column's
# smaller type, and the fourth row ("火災" across, misread) is taller.
INSURERS = [
    ("千東共日明東", (1389, 1719, 1640, 1782)),
    ("代京同本治京", (1390, 1767, 1631, 1828)),
    ("火火火火火海", (1422, 1817, 1631, 1875)),
    ("英英英英員上", (1419, 1867, 1653, 1952)),
    ("保保保保保", (1423, 1931, 1627, 2008)),
    ("險險險險險", (1421, 1984, 1627, 2058)),
    ("會會會會會", (1423, 2039, 1629, 2110)),
    ("社社社社社社", (1381, 2095, 1636, 2160)),
]


def test_a_row_boxed_unevenly_puts_its_characters_in_their_columns() -> None:
    rows = [TextLine(text=t, confidence=0.9, bbox=b, work_bbox=b) for t, b in INSURERS]
    (run,) = _stacked_rows(rows)
    assert len(run) == len(INSURERS)
    columns = _grid_columns(run)
    assert columns is not None
    assert [c.text for c in columns] == [
        "東京海上保險會社",
        "明治火員保險會社",
        "日本火英保險會社",
        "共同火英保險會社",
        "東京火英保險會社",
        "千代火英社",
    ]


def _split(
    lines: list[TextLine], cuts: list[int], headlines: tuple[int, ...] | None = None
) -> list[Region]:
    """``lines`` in regions one over the other, cut before each index in
    ``cuts``; those numbered in ``headlines`` (from 0) headlines, by default
    the middle ones (as layout took ECPO 1919's taller row)."""
    bounds = [0, *cuts, len(lines)]
    regions = []
    for k, (a, b) in enumerate(itertools.pairwise(bounds)):
        part = lines[a:b]
        box = (
            min(ln.bbox[0] for ln in part),
            min(ln.bbox[1] for ln in part),
            max(ln.bbox[2] for ln in part),
            max(ln.bbox[3] for ln in part),
        )
        middle = 0 < k < len(cuts)
        kind = RegionType.HEADLINE if (k in headlines if headlines else middle) else RegionType.TEXT
        regions.append(Region(id=f"r{k + 1}", type=kind, bbox=box, work_bbox=box, lines=part))
    return regions


@pytest.mark.models
def test_a_grid_whose_rows_lie_in_regions_one_over_another_is_read_as_one(
    engine: OcrEngine,
) -> None:
    page = _page(_grid_page(DEALER))
    rows = _rows(DEALER)
    regions = _split(rows, [2, 3])
    # The middle region also holds a line set down beside the grid.
    x = LEFT + ACROSS * len(DEALER) + 40.0
    beside = _down_line("右邊一行", (x, TOP + DOWN * 2 - 10.0, x + 44.0, TOP + DOWN * 5))
    regions[1] = regions[1].model_copy(
        update={"lines": [*regions[1].lines, beside], "bbox": (LEFT - 3.0, 300.0, x + 44.0, 500.0)}
    )
    first, middle, last = grids_read_down(page, regions, engine, line_cutter)
    assert [ln.text for ln in first.lines] == DEALER
    assert first.direction == TextDirection.VERTICAL_RL
    assert middle.lines == [beside] and last.lines == []
    # The region holding most of the rows grew to hold the columns; the one
    # that keeps a line shrank to it.
    assert first.bbox[3] >= rows[-1].bbox[3] - 1
    assert all(first.bbox[1] <= ln.bbox[1] and ln.bbox[3] <= first.bbox[3] for ln in first.lines)
    assert middle.bbox == tuple(round(v) for v in beside.bbox)


@pytest.mark.models
def test_a_grid_whose_top_row_layout_took_for_a_headline_goes_to_the_text_under_it(
    engine: OcrEngine,
) -> None:
    page = _page(_grid_page(DEALER))
    heading, body = grids_read_down(
        page, _split(_rows(DEALER), [1], headlines=(0,)), engine, line_cutter
    )
    assert heading.lines == []
    assert body.type == RegionType.TEXT
    assert [ln.text for ln in body.lines] == DEALER


def _rows_page(rows: list[str]) -> np.ndarray:
    """``rows`` drawn left to right, one under another, as ``_row_lines`` boxes them."""
    font = load_font("uming", SIZE, traditional=True)
    image = Image.new("L", (1400, 1200), 255)
    draw = ImageDraw.Draw(image)
    for k, text in enumerate(rows):
        for i, ch in enumerate(text):
            draw.text((LEFT + ACROSS * i, TOP + DOWN * k), ch, font=font, fill=0)
    return np.array(image)


@pytest.mark.models
def test_two_grids_one_over_the_other_in_their_regions_stay_two(engine: OcrEngine) -> None:
    # Read as one grid, the dealer's and the insurers' columns run on into
    # each other ("金石書畫明治火災保險"): no more words than read apart.
    insurers = ["明治火災保險", "日本火災保險", "共同火災保險", "東京火災保險"]
    texts = [ln.text for ln in _rows(DEALER) + _rows(insurers)]
    page = _page(_rows_page(texts))
    regions = _split(_row_lines(texts), [len(DEALER[0])])
    upper, lower = grids_read_down(page, regions, engine, line_cutter)
    assert [ln.text for ln in upper.lines] == DEALER
    assert [ln.text for ln in lower.lines] == insurers


@pytest.mark.models
def test_a_price_list_under_a_grid_in_its_own_region_stays_rows(engine: OcrEngine) -> None:
    prices = ["每斤三元", "每兩五角"]
    texts = [ln.text for ln in _rows(DEALER)] + prices
    page = _page(_rows_page(texts))
    upper, lower = grids_read_down(
        page, _split(_row_lines(texts), [len(DEALER[0])]), engine, line_cutter
    )
    assert [ln.text for ln in upper.lines] == DEALER
    assert [ln.text for ln in lower.lines] == prices


@pytest.mark.models
def test_rows_misread_are_judged_on_their_columns_read_again(engine: OcrEngine) -> None:
    # Four insurers, "火災保險" down each; the fourth row ("災" across) was
    # misread "英英英英", which hides the columns' words from the judgement:
    # read again, the columns say them.
    columns = ["明治火災保險", "日本火災保險", "共同火災保險", "東京火災保險"]
    rows = _rows(columns)
    rows[3] = rows[3].model_copy(update={"text": "英英英英"})
    assert not _read_down_better(rows)
    page = _page(_grid_page(columns))
    (region,) = grids_read_down(page, [_region(rows)], engine, line_cutter)
    assert [ln.text for ln in region.lines] == columns


@pytest.mark.models
def test_names_set_across_stay_rows_when_their_columns_are_read_again(
    engine: OcrEngine,
) -> None:
    # Read down, the names score more in all but not for each run: their
    # columns are read again from the page and make no more words.
    names = ["楊民秋", "許東小", "黃國平", "戴志安"]
    columns = ["".join(name[len(name) - 1 - j] for name in names) for j in range(3)]
    rows = _rows(columns)
    assert [ln.text for ln in rows] == names
    page = _page(_grid_page(columns))
    region = _region(rows)
    assert grids_read_down(page, [region], engine, line_cutter) == [region]


def test_a_column_is_cut_on_its_ink() -> None:
    image = _grid_page(DEALER)
    rows = (TOP - 5.0, TOP + DOWN * 4.0)
    # The third column from the right: its ink's middle, whatever the place
    # its rows' boxes gave it (a few pixels aside).
    ink = np.flatnonzero((image[TOP : TOP + DOWN * 4, :] < 128).any(axis=0))
    x = LEFT + ACROSS * 3
    drawn = ink[(ink >= x - 5) & (ink < x + SIZE + 5)]
    middle = (drawn.min() + drawn.max() + 1) / 2
    for aside in (-7.0, 0.0, 7.0):
        assert abs(_on_ink(image, middle + aside, ACROSS, rows) - middle) <= 2
    # Two half-width columns of smaller type stand where a column would:
    # the place stays.
    font = load_font("uming", SIZE // 2, traditional=True)
    small = Image.new("L", (400, 400), 255)
    draw = ImageDraw.Draw(small)
    for k, pair in enumerate(["海火", "上災"]):
        draw.text((100, 100 + SIZE * k), pair, font=font, fill=0)
    assert _on_ink(np.array(small), 100 + SIZE / 2 + 6, ACROSS, (95.0, 160.0)) == 100 + SIZE / 2 + 6
