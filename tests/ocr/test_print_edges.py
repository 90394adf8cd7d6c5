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
    assert joined[0].tolist() == [84, 300, 118, 900]  # only its end at the edge moves
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


def test_a_line_cut_at_the_right_edge_or_the_foot_runs_on_past_it() -> None:
    # A line of type cut at the right edge, a folio cut at the foot.
    boxes = np.array([[400, 300, 700, 330], [380, 930, 460, 950]], float)
    found = [(600, 299, 730, 331), (380, 928, 461, 975)]
    detect, asked = _strip_detector(found)
    grey = _grey((410, 305, 726, 325), (385, 935, 455, 972))
    joined, grown = lines_past_edges(boxes, BOX, grey, BODY, detect)
    assert joined.tolist() == [[400, 300, 730, 330], [380, 930, 460, 975]]
    assert grown == (100, 50, 730, 975)
    assert len(asked) == 2


def test_a_strip_line_over_two_lines_continues_neither() -> None:
    # The detector ran two close lines together in the strip: neither line
    # takes the other's rows, and none is added over them.
    boxes = np.array([[100, 300, 400, 330], [100, 340, 400, 370]], float)
    detect, _ = _strip_detector([(80, 300, 190, 370)])
    grey = _grey((84, 305, 398, 326), (84, 345, 398, 366))
    joined, grown = lines_past_edges(boxes, BOX, grey, BODY, detect)
    assert joined is boxes and grown == BOX


def test_only_a_line_with_ink_past_the_edge_runs_on() -> None:
    # Ink outside the box beside one line sends the strip to the detector;
    # the line beside it, whose box the detector set a little wider there,
    # has no ink past the edge and stays as it was.
    boxes = np.array([[100, 300, 400, 330], [100, 400, 400, 430]], float)
    detect, _ = _strip_detector([(84, 300, 190, 330), (88, 400, 190, 430)])
    grey = _grey((86, 305, 398, 326), (104, 405, 398, 426))
    joined, _ = lines_past_edges(boxes, BOX, grey, BODY, detect)
    assert joined.tolist() == [[84, 300, 400, 330], [100, 400, 400, 430]]


def test_a_line_found_across_the_edge_beside_no_line_is_added() -> None:
    # The top row: the title, cut at the top edge, and a short line (a
    # folio) beside it that the box cut so far that nothing of it was found.
    boxes = np.array([[300, 50, 600, 80]], float)
    detect, _ = _strip_detector([(300, 38, 600, 80), (120, 40, 220, 70)])
    grey = _grey((305, 42, 595, 78), (125, 42, 215, 68))
    joined, grown = lines_past_edges(boxes, BOX, grey, BODY, detect)
    assert joined.tolist() == [[300, 38, 600, 80], [120, 40, 220, 70]]
    assert grown == (100, 38, 700, 950)
