"""A column set down between two detected boxes that has none of its own
(ocr.missed_columns): drawn close-set uming columns, the detector's padded
boxes as ECPO 1940 has them (40-50 pixels wide for columns 25-30 apart)."""

from __future__ import annotations

import numpy as np
import pytest
from newsprint.core.page import NewspaperPage
from newsprint.layout.binarize import ink_mask
from newsprint.ocr.engine import OcrEngine
from newsprint.ocr.missed_columns import _type_like, columns_between
from newsprint.ocr.stage import line_cutter
from PIL import Image, ImageDraw

from pagegen.fonts import load_font

# ECPO 1940's columns, right to left: the middle one had no box.
COLUMNS = ["四十個進去所以", "書寓裏頭不論紅", "黑先生與娘姨大", "姐鴇太太聽見"]
SIZE, PITCH, TOP, RIGHT = 24, 28, 60, 300
BODY = 40.0  # the boxes' width: the detector pads them past the type


def _x(i: int) -> int:
    """Left edge of column ``i`` (0 the rightmost)."""
    return RIGHT - PITCH * (i + 1)


def _draw(columns: list[str], bar_at: int | None = None) -> np.ndarray:
    """``columns`` drawn right to left; a bar of ink down, as wide as the
    type, in place of column ``bar_at``."""
    font = load_font("uming", SIZE, traditional=True)
    image = Image.new("L", (400, 360), 255)
    draw = ImageDraw.Draw(image)
    for i, text in enumerate(columns):
        if i == bar_at:
            draw.rectangle((_x(i), TOP, _x(i) + SIZE - 2, TOP + SIZE * 7), fill=0)
            continue
        for k, ch in enumerate(text):
            draw.text((_x(i), TOP + SIZE * k), ch, font=font, fill=0)
    return np.array(image)


def _box(i: int, width: float = BODY) -> list[float]:
    """The detector's box of column ``i``: padded past its type on both sides."""
    middle = _x(i) + SIZE / 2
    return [middle - width / 2, TOP - 6.0, middle + width / 2, TOP + SIZE * 7 + 6.0]


def _found(image: np.ndarray, boxed: list[int], width: float = BODY) -> np.ndarray:
    boxes = np.array([_box(i, width) for i in boxed])
    out = columns_between(boxes, ink_mask(image), width)
    assert np.array_equal(out[: len(boxes)], boxes)  # the detector's boxes are kept
    return out[len(boxes) :]


def test_a_column_between_two_boxes_with_none_of_its_own_is_boxed() -> None:
    (new,) = _found(_draw(COLUMNS), [0, 2, 3])
    # Over the middle column's type, not its neighbours'.
    assert _x(1) - 3 <= new[0] and new[2] <= _x(1) + SIZE + 3
    assert new[1] <= TOP + 3 and new[3] >= TOP + SIZE * 6


def test_the_column_is_measured_against_the_type_not_the_boxes() -> None:
    # Boxes padded twice as far past the type: the column between is as
    # wide as the page's columns of type, whatever the boxes' width.
    (new,) = _found(_draw(COLUMNS), [0, 2, 3], width=52.0)
    assert _x(1) - 3 <= new[0] and new[2] <= _x(1) + SIZE + 3


def test_a_chain_of_rings_between_two_boxes_is_no_column() -> None:
    # An ornamental border's rings, half as tall as they are wide.
    image = Image.fromarray(_draw(COLUMNS, bar_at=1))
    draw = ImageDraw.Draw(image)
    draw.rectangle((_x(1), TOP, _x(1) + SIZE, TOP + SIZE * 7), fill=255)
    for k in range(12):
        y = TOP + 14 * k
        draw.ellipse((_x(1), y, _x(1) + SIZE - 2, y + 11), outline=0, width=2)
    assert len(_found(np.array(image), [0, 2, 3])) == 0


def test_a_column_with_its_own_box_gets_no_other() -> None:
    assert len(_found(_draw(COLUMNS), [0, 1, 2, 3])) == 0


def test_a_bar_of_ink_between_two_boxes_is_no_column() -> None:
    assert len(_found(_draw(COLUMNS, bar_at=1), [0, 2, 3])) == 0


def test_a_column_at_the_edge_of_a_block_is_left_to_the_detector() -> None:
    # The leftmost column has a box on its right only: the edge of a block
    # is where borders and ornaments stand.
    assert len(_found(_draw(COLUMNS), [0, 1, 2])) == 0


def test_a_strip_through_larger_type_is_no_column_of_characters() -> None:
    # A headline's characters three times the body type: a strip of them as
    # wide as a column holds pieces of strokes that run on past it.
    font = load_font("uming", 3 * SIZE, traditional=True)
    image = Image.new("L", (400, 360), 255)
    draw = ImageDraw.Draw(image)
    for k, ch in enumerate("西人公寓"[:3]):
        draw.text((100, TOP + 3 * SIZE * k), ch, font=font, fill=0)
    ink = ink_mask(np.array(image))
    strip = np.array([100 + SIZE, TOP, 100 + 2 * SIZE, TOP + 9 * SIZE], dtype=float)
    assert not _type_like(strip, ink, BODY)
    # A column of the body type, boxed as tightly, is one.
    column = np.array([_x(1) - 1, TOP, _x(1) + SIZE + 1, TOP + 7 * SIZE], dtype=float)
    assert _type_like(column, ink_mask(_draw(COLUMNS)), BODY)


@pytest.mark.models
def test_the_column_boxed_reads_as_its_text(engine: OcrEngine) -> None:
    image = _draw(COLUMNS)
    (new,) = _found(image, [0, 2, 3])
    h, w = image.shape
    page = NewspaperPage(
        source="c.png", sha256="0", width=w, height=h, image=image, work_image=image
    )
    ((text, _),) = engine.recognize_lines([line_cutter(page)(tuple(new))])
    assert text == COLUMNS[1]
