"""A line's crop takes a margin of the paper above and below it, never the next line."""

from __future__ import annotations

import numpy as np
import pytest
from newsprint.ocr.margins import MARGIN_SCAN_PX, with_paper_margin


def _page_with_line(top: int, bottom: int, grey: int = 235) -> np.ndarray:
    page = np.full((120, 300), grey, np.uint8)
    page[top:bottom, 20:280:6] = 30  # glyph strokes
    page[top:bottom, 21:280:6] = 30
    return page


def test_a_level_line_gets_paper_above_and_below():
    page = _page_with_line(50, 60)
    box = (20.0, 50.0, 280.0, 60.0)
    assert with_paper_margin(page, box, 1.0) == (
        20.0,
        50.0 - MARGIN_SCAN_PX,
        280.0,
        60.0 + MARGIN_SCAN_PX,
    )


def test_the_margin_is_in_scan_pixels():
    page = _page_with_line(50, 70)
    box = (20.0, 50.0, 280.0, 70.0)
    # a working image enlarged twice: two scan pixels are four working pixels
    assert with_paper_margin(page, box, 0.5) == (20.0, 46.0, 280.0, 74.0)


def test_the_margin_stops_at_the_next_line():
    page = _page_with_line(50, 60)
    page[48, 100:110] = 40  # the foot of a descender from the line above
    grown = with_paper_margin(page, (20.0, 50.0, 280.0, 60.0), 1.0)
    assert grown[1] == 49.0  # row 49 is paper, row 48 is not
    assert grown[3] == 60.0 + MARGIN_SCAN_PX


def test_a_faint_rule_over_the_line_is_not_paper():
    page = _page_with_line(50, 60)
    page[48, :] = 170  # a hairline rule printed grey, lighter than Otsu's threshold
    assert with_paper_margin(page, (20.0, 50.0, 280.0, 60.0), 1.0)[1] == 49.0


def test_a_one_character_line_is_never_grown_taller_than_wide():
    """It would be cut turned a quarter, as a vertical line is."""
    page = _page_with_line(50, 58)
    assert with_paper_margin(page, (100.0, 50.0, 108.0, 58.0), 1.0) == (100.0, 50.0, 108.0, 58.0)
    assert with_paper_margin(page, (100.0, 50.0, 110.0, 58.0), 1.0) == (100.0, 49.0, 110.0, 59.0)


def test_a_rotation_s_rounding_keeps_the_whole_margin():
    page = _page_with_line(50, 60)
    scan_per_work = 1.0000000000000002  # a deskewed page's geometry
    assert with_paper_margin(page, (20.0, 50.0, 280.0, 60.0), scan_per_work)[1] == 48.0


def test_no_margin_where_a_rule_runs_right_over_the_line():
    page = _page_with_line(50, 60)
    page[49, :] = 20
    assert with_paper_margin(page, (20.0, 50.0, 280.0, 60.0), 1.0)[1] == 50.0


@pytest.mark.parametrize("box", [(100.0, 10.0, 112.0, 110.0), (20.0, 0.0, 280.0, 0.0)])
def test_vertical_and_empty_boxes_are_left_as_they_are(box):
    page = _page_with_line(10, 110)
    assert with_paper_margin(page, box, 1.0) == box


def test_a_tiny_line_gets_at_most_a_quarter_of_its_height():
    page = _page_with_line(50, 54)
    assert with_paper_margin(page, (20.0, 50.0, 280.0, 54.0), 1.0) == (20.0, 49.0, 280.0, 55.0)


def test_a_line_at_the_image_edge_is_grown_only_inward():
    page = _page_with_line(0, 10)
    assert with_paper_margin(page, (20.0, 0.0, 280.0, 10.0), 1.0) == (20.0, 0.0, 280.0, 12.0)


def test_a_line_of_larger_type_keeps_its_crop():
    page = _page_with_line(40, 60)
    box = (20.0, 40.0, 280.0, 60.0)
    assert with_paper_margin(page, box, 1.0) == box  # 20 scan pixels
    assert with_paper_margin(page, box, 0.5) != box  # 10 scan pixels, enlarged twice
