"""Detected boxes holding several close-set lines cut into their lines (``ocr.stacked``)."""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.ocr.stacked import split_stacked_lines
from PIL import Image, ImageDraw, ImageFont

CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

WORDS = ["the council met on tuesday night", "and voted to keep the library open", "all year"]


def _ink(lines: list[str], pitch: int, scale: float = 0.7, thickness: int = 2) -> np.ndarray:
    """Ink mask (255 on ink) of ``lines`` set ``pitch`` pixels apart, baseline to baseline."""
    ink = np.zeros((40 + pitch * len(lines), 460), np.uint8)
    for i, text in enumerate(lines):
        origin = (10, 30 + i * pitch)
        cv2.putText(ink, text, origin, cv2.FONT_HERSHEY_SIMPLEX, scale, 255, thickness)
    return ink


def _baselines(pitch: int, count: int) -> list[int]:
    return [30 + i * pitch for i in range(count)]


def test_a_box_over_three_close_set_lines_becomes_three_lines():
    pitch = 18
    ink = _ink(WORDS, pitch)
    ys = np.flatnonzero(ink.any(axis=1))
    box = np.array([[5.0, ys[0] - 3.0, 455.0, ys[-1] + 3.0]])
    out = split_stacked_lines(box, ink, body=pitch * 1.2)
    assert len(out) == 3
    # Each cut box holds one baseline, in order down the page, full width.
    for cut, baseline in zip(out, _baselines(pitch, 3), strict=True):
        assert cut[1] < baseline - 4 < cut[3]
        assert cut[0] == 5.0 and cut[2] == 455.0
    assert out[0][1] == box[0][1] and out[-1][3] == box[0][3]


def test_one_line_of_large_type_is_left_whole():
    ink = _ink(["TOWN HALL Debate"], pitch=60, scale=2.0, thickness=5)
    ys = np.flatnonzero(ink.any(axis=1))
    box = np.array([[5.0, ys[0] - 4.0, 455.0, ys[-1] + 4.0]])
    body = (ys[-1] - ys[0]) / 2.5  # the headline is 2.5 body lines tall
    assert np.array_equal(split_stacked_lines(box, ink, body), box)


def test_single_lines_and_narrow_boxes_are_left_alone():
    pitch = 18
    ink = _ink(WORDS, pitch)
    single = [5.0, 15.0, 455.0, 36.0]  # one line: not tall enough to hold two
    narrow = [5.0, 10.0, 50.0, 80.0]  # as tall as three lines but a drop cap's width
    boxes = np.array([single, narrow])
    assert np.array_equal(split_stacked_lines(boxes, ink, body=21.6), boxes)
    assert split_stacked_lines(np.zeros((0, 4)), ink, body=21.6).shape == (0, 4)


def test_lines_set_apart_by_white_are_cut_at_the_white():
    pitch = 40
    ink = _ink(WORDS[:2], pitch)
    box = np.array([[5.0, 5.0, 455.0, 85.0]])
    out = split_stacked_lines(box, ink, body=30.0)
    assert len(out) == 2
    cut = out[0][3]
    # The cut lies in the white between the first line's foot and the second's top.
    assert not ink[int(cut)].any()
    assert 30 < cut < 30 + pitch - 10


def test_one_line_of_light_capitals_is_not_cut_between_their_bars():
    # Capitals such as I and Z: a heavy bar at the cap height and one on the
    # baseline, joined by a hairline stem. Their rows make two dense bands with
    # a near-empty valley between, as two lines would; but every glyph reaches
    # into both bands, so the valley parts no lines.
    ink = np.zeros((60, 500), np.uint8)
    for x in range(10, 490, 16):
        ink[8:15, x : x + 12] = 255  # cap bar
        ink[15:45, x + 6] = 255  # hairline stem
        ink[45:52, x : x + 12] = 255  # base bar
    box = np.array([[5.0, 5.0, 495.0, 55.0]])
    body = 50 / 1.8
    assert np.array_equal(split_stacked_lines(box, ink, body), box)
    # The same bars without their stems are two rows of separate glyphs: two lines.
    ink[15:45] = 0
    assert len(split_stacked_lines(box, ink, body)) == 2


def test_two_close_set_vertical_columns_in_one_box_become_two_columns():
    font = ImageFont.truetype(CJK_FONT, 20)
    image = Image.new("L", (120, 260), 0)
    draw = ImageDraw.Draw(image)
    columns = ["市政府今天宣布新的预算", "记者从市教育局获悉本周"]
    for i, column in enumerate(columns):  # right to left, 24 px apart
        for j, char in enumerate(column):
            draw.text((60 - 24 * i, 10 + 22 * j), char, fill=255, font=font)
    ink = np.array(image)
    xs = np.flatnonzero(ink.any(axis=0))
    box = np.array([[xs[0] - 2.0, 5.0, xs[-1] + 3.0, 255.0]])
    out = split_stacked_lines(box, ink, body=24.0, down=True)
    assert len(out) == 2
    # Cut between the columns, each part the box's full height.
    left, right = sorted(out.tolist())
    assert 36 + 20 <= right[0] <= 60 + 2
    assert left[1] == right[1] == 5.0 and left[3] == right[3] == 255.0
    # Turned the other way, the same box is one line of the page's direction.
    assert len(split_stacked_lines(box, ink, body=24.0, down=False)) == 1


def test_a_sliver_of_the_line_above_taken_in_by_the_padding_is_not_a_line():
    pitch = 24
    ink = _ink(WORDS, pitch)
    # The second line's box (baseline 54), padded up into the lower half of
    # the first line (baseline 30), which has a box of its own.
    box = np.array([[5.0, 24.0, 455.0, 60.0]])
    assert np.array_equal(split_stacked_lines(box, ink, body=pitch), box)
    # The whole first line in the box is a line of its own.
    box = np.array([[5.0, 12.0, 455.0, 60.0]])
    assert len(split_stacked_lines(box, ink, body=pitch)) == 2


def test_a_row_between_lines_of_one_column_is_no_cut_through_the_next_column():
    # A box run across a gutter: two lines of the left column, and in the
    # right column a paragraph's short last line set level with the white
    # between them (its baselines are offset from the left column's).
    ink = np.zeros((80, 920), np.uint8)
    for i, text in enumerate(WORDS[:2]):
        cv2.putText(ink, text, (10, 30 + 24 * i), cv2.FONT_HERSHEY_SIMPLEX, 0.7, 255, 2)
    cv2.putText(ink, "all", (800, 44), cv2.FONT_HERSHEY_SIMPLEX, 0.7, 255, 2)
    box = np.array([[5.0, 10.0, 915.0, 62.0]])
    assert np.array_equal(split_stacked_lines(box, ink, body=24.0), box)


def test_a_box_reaching_past_the_image_is_cut_at_the_same_rows():
    pitch = 24
    ink = _ink(WORDS, pitch)
    inside = split_stacked_lines(np.array([[5.0, 2.0, 455.0, 90.0]]), ink, body=pitch)
    past = split_stacked_lines(np.array([[5.0, -14.0, 455.0, 90.0]]), ink, body=pitch)
    assert len(inside) == len(past) == 3
    assert np.array_equal(inside[1:, 1], past[1:, 1])
    assert past[0][1] == -14.0
    away = np.array([[5.0, 500.0, 455.0, 560.0]])  # wholly below the image
    assert np.array_equal(split_stacked_lines(away, ink, body=pitch), away)
