"""Punctuation of a vertical line moved where the turned line's recogniser
reads it (ocr.vertical_marks): drawn lines with marks centred in their cells
(Taiwan's and Hong Kong's vertical setting) and at their top-right (the
mainland's)."""

from __future__ import annotations

import numpy as np
import pytest
from newsprint.ocr.paddle import crop_line
from newsprint.ocr.vertical_marks import marks_to_reading_place
from PIL import Image, ImageDraw, ImageFont

CJK_FONT = "/usr/share/fonts/truetype/arphic/uming.ttc"
CELL = 28
MARKS = "。、，"


def _vertical_line(text: str, place: str = "centre") -> np.ndarray:
    """``text`` drawn down one column, a character to a square cell of
    ``CELL`` px, each mark of ``MARKS`` centred in its cell or at its top-right."""
    font = ImageFont.truetype(CJK_FONT, int(0.9 * CELL))
    image = Image.new("L", (CELL + 12, len(text) * CELL + 12), 255)
    draw = ImageDraw.Draw(image)
    for i, ch in enumerate(text):
        x, y = 6 + CELL / 2, 6 + i * CELL + CELL / 2
        if ch in MARKS and place == "top-right":
            x, y = x + 0.28 * CELL, y - 0.28 * CELL
        draw.text((x, y), ch, font=font, fill=0, anchor="mm")
    return np.asarray(image).copy()


def _ink_box(image: np.ndarray) -> tuple[int, int, int, int]:
    ys, xs = np.nonzero(image < 128)
    return int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())


@pytest.mark.parametrize("place", ["centre", "top-right"])
def test_a_mark_goes_to_the_top_left_of_its_cell(place):
    column = _vertical_line("中央、省", place)
    cell = column[6 + 2 * CELL : 6 + 3 * CELL]  # the 、's cell
    before = _ink_box(cell)
    moved = marks_to_reading_place(column)
    after = _ink_box(moved[6 + 2 * CELL : 6 + 3 * CELL])
    middle = column.shape[1] / 2
    assert after[2] < middle  # wholly in the column's left half
    assert after[1] < before[1] or place == "top-right"
    assert after[1] <= CELL / 3
    # Every pixel of the characters' ink is still ink: only the mark moved.
    mark = np.zeros_like(column, dtype=bool)
    mark[6 + 2 * CELL : 6 + 3 * CELL] = column[6 + 2 * CELL : 6 + 3 * CELL] < 128
    assert np.all(moved[(column < 128) & ~mark] < 128)
    assert np.count_nonzero(moved < 128) == np.count_nonzero(column < 128)


def test_a_line_without_marks_comes_back_unchanged():
    column = _vertical_line("會議傳達學習了中央")
    assert marks_to_reading_place(column) is column


def test_strokes_of_characters_are_not_marks():
    # 小 and 六 have small strokes of their own beside their other strokes.
    column = _vertical_line("小六心")
    assert marks_to_reading_place(column) is column


@pytest.mark.parametrize("text", ["中！華", "中？華", "喬治·華", "中；華", "中：華"])
def test_dots_and_marks_set_upright_are_left_where_they_are(text):
    # ！ and ？ stand upright in vertical type, a dot over or under a stroke;
    # an interpunct is a filled dot; ； and ： are dots and a comma close together.
    column = _vertical_line(text)
    assert marks_to_reading_place(column) is column


def test_a_speck_is_no_mark():
    column = _vertical_line("中央")
    column[6 + 2 * CELL - 12 : 6 + 2 * CELL - 10, 14:16] = 0  # 2 x 2 px of dust
    column = np.vstack([column, np.full((CELL, column.shape[1]), 255, np.uint8)])
    column[-15:-13, 18:20] = 0  # and at the line's blank end
    assert marks_to_reading_place(column) is column


def test_a_moved_mark_leaves_no_grey_ring_behind():
    column = _vertical_line("中央、省")
    cell = slice(6 + 2 * CELL + CELL // 3, 6 + 3 * CELL)  # where the centred 、 was
    before = column[cell, column.shape[1] // 2 :]
    after = marks_to_reading_place(column)[cell, column.shape[1] // 2 :]
    assert before.min() < 128  # the mark was there
    assert after.min() > 230  # paper now, its soft edge too


def test_grey_and_bgr_lines_move_their_marks_alike():
    grey = _vertical_line("中央、省")
    bgr = np.stack([grey] * 3, axis=2)
    assert np.array_equal(marks_to_reading_place(bgr)[:, :, 0], marks_to_reading_place(grey))


def test_a_vertical_line_is_read_with_its_marks(engine):
    # Read turned a quarter as drawn, the recogniser drops both commas of
    # this line (read: 會議傳達學習了中央省市掃).
    text = "會議傳達學習了中央、省、市掃"
    for place in ("centre", "top-right"):
        column = np.stack([_vertical_line(text, place)] * 3, axis=2)
        h, w = column.shape[:2]
        quad = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
        ((read, _),) = engine.recognize_lines([crop_line(column, quad)])
        assert read == text, place


def test_a_mark_boxed_apart_at_a_lines_head_is_read_with_its_line():
    """ECPO 1940 p. 2: a comma at the top-right of the first cell, boxed
    alone by the detector and read alone as "9" or "2", joins the line under
    it; a mark beyond half a line's width from any line's end, a line across
    and a one-character line stay as they are."""
    from newsprint.ocr.vertical_marks import marks_joined_to_lines

    first, second = (100.0, 20.0, 140.0, 400.0), (50.0, 18.0, 90.0, 402.0)
    mark = (124.0, 4.0, 137.0, 24.0)  # overlaps the head of ``first``
    foot = (60.0, 410.0, 72.0, 425.0)  # 8 px under ``second``
    far = (110.0, 460.0, 122.0, 475.0)  # 60 px under ``first``: 1.5 widths
    across = (40.0, 440.0, 160.0, 452.0)  # a line across: no mark, no host
    single = (100.0, 500.0, 139.0, 538.0)  # a character alone: no mark
    joined = marks_joined_to_lines([first, mark, second, foot, far, across, single])
    assert joined == [
        (100.0, 4.0, 140.0, 400.0),
        (50.0, 18.0, 90.0, 425.0),
        far,
        across,
        single,
    ]
    # Lines across are no block of vertical lines: left alone.
    rows = [(0.0, 0.0, 400.0, 30.0), (0.0, 40.0, 400.0, 70.0), (10.0, 72.0, 20.0, 80.0)]
    assert marks_joined_to_lines(rows) == rows


@pytest.mark.parametrize("order", [0, 1])
def test_a_mark_between_close_set_columns_joins_its_own(order: int):
    """Close-set columns' boxes overlap (28-pixel pitch, 40-pixel boxes); a
    comma at the right of its own cell's head lies in both. It joins the
    column whose middle is nearer, whichever box comes first."""
    from newsprint.ocr.vertical_marks import marks_joined_to_lines

    own, right = (100.0, 20.0, 140.0, 400.0), (128.0, 20.0, 168.0, 400.0)
    comma = (127.0, 5.0, 137.0, 18.0)
    lines = [own, right] if order == 0 else [right, own]
    joined = marks_joined_to_lines([*lines, comma])
    assert (100.0, 5.0, 140.0, 400.0) in joined and right in joined and len(joined) == 2


def test_a_mark_reaching_past_its_line_lengthens_it_and_never_widens_it():
    """Widened, the line's crop would be scaled down whole when read (ECPO
    1940 p. 2: "聚墟落散花竹，漁漁" read "聚墟散花竹酒" so)."""
    from newsprint.ocr.vertical_marks import marks_joined_to_lines

    line, other = (100.0, 20.0, 140.0, 400.0), (50.0, 20.0, 90.0, 400.0)
    mark = (132.0, 2.0, 146.0, 22.0)  # its middle inside the line, its right past it
    assert marks_joined_to_lines([line, other, mark]) == [(100.0, 2.0, 140.0, 400.0), other]
