"""Lines the print box cut, made whole from strips detected along its edges."""

from __future__ import annotations

import numpy as np
from newsprint.ocr.print_edges import lines_past_edges

BODY = 30.0
BOX = (100, 50, 700, 950)


def _grey(*ink: tuple[int, int, int, int]) -> np.ndarray:
    """A white working image 2,000 by 1,000 pixels with black in the given boxes."""
    grey = np.full((1000, 2000), 230, np.uint8)
    for x0, y0, x1, y1 in ink:
        grey[y0:y1, x0:x1] = 20
    return grey


def _strip_detector(found: list[tuple[int, int, int, int]]):
    """What the detector finds in a strip: the given lines it overlaps."""
    asked: list[tuple[int, int, int, int]] = []

    def detect(area: tuple[int, int, int, int]) -> np.ndarray:
        asked.append(area)
        x0, y0, x1, y1 = area
        hits = [b for b in found if b[0] < x1 and b[2] > x0 and b[1] < y1 and b[3] > y0]
        return np.asarray(hits, dtype=np.float64).reshape(-1, 4)

    return detect, asked


def test_a_column_cut_at_the_box_edge_is_joined_whole_and_the_box_grows() -> None:
    # A vertical column half outside the box's left edge, and its neighbour.
    boxes = np.array([[100, 300, 118, 900], [120, 300, 150, 900], [400, 60, 430, 900]], float)
    detect, asked = _strip_detector([(84, 298, 118, 902), (120, 300, 150, 900)])
    grey = _grey((86, 300, 118, 900), (122, 300, 148, 900))  # the column's outer half cut off
    joined, grown = lines_past_edges(boxes, BOX, grey, BODY, detect)
    assert joined[0].tolist() == [84, 298, 118, 902]
    assert joined[1].tolist() == [120, 300, 150, 900]  # the neighbour is left as it was
    assert grown == (84, 50, 700, 950)
    assert len(asked) == 1 and asked[0][0] == 100 - 20  # only the edge a line reached


def test_a_box_a_few_pixels_off_its_ink_changes_nothing() -> None:
    # The detector's boxes stand a little past their ink: no line is cut.
    boxes = np.array([[101, 300, 400, 330], [101, 340, 400, 370]], float)
    detect, asked = _strip_detector([(97, 299, 200, 331), (98, 339, 200, 371)])
    joined, grown = lines_past_edges(boxes, BOX, _grey((104, 304, 398, 326)), BODY, detect)
    assert joined is boxes and grown == BOX
    assert asked == []  # no ink outside the box: nothing is detected again
    # Were the strip looked at, the same lines found again would change nothing.
    grey = _grey((104, 304, 398, 326), (90, 305, 99, 325))
    joined, grown = lines_past_edges(boxes, BOX, grey, BODY, detect)
    assert asked and joined is boxes and grown == BOX


def test_lines_wholly_outside_the_box_are_not_taken() -> None:
    # A mark in the margin beside the box's edge: it does not run into the box.
    boxes = np.array([[100, 300, 400, 330]], float)
    detect, asked = _strip_detector([(93, 600, 99, 640)])
    grey = _grey((90, 305, 99, 325), (93, 600, 99, 640))  # a blot beside the line, the mark
    joined, grown = lines_past_edges(boxes, BOX, grey, BODY, detect)
    assert asked
    assert joined is boxes and grown == BOX


def test_a_box_at_the_image_edge_is_not_looked_past() -> None:
    boxes = np.array([[0, 300, 400, 330]], float)
    detect, asked = _strip_detector([(0, 300, 400, 330)])
    lines_past_edges(boxes, (0, 50, 700, 950), _grey((0, 300, 400, 330)), BODY, detect)
    assert asked == []
