"""Borders of printer's ornaments: found as rules, their pieces never read as
type, and letters of type never taken for them."""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.core.settings import Settings
from newsprint.layout.boxes import Box
from newsprint.layout.ornaments import find_borders, ornament_chains
from newsprint.layout.rules import find_rules, with_borders

BODY = 12.0


def _borders(ink: np.ndarray) -> list[Box]:
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return ornament_chains(labels, stats, BODY)


def _squares(ink: np.ndarray, x: int, ys: range, size: int = 11) -> None:
    """Hollow squares (a printer's ornament) ``size`` px wide down at ``x``."""
    for y in ys:
        ink[y : y + size, x : x + size] = 255
        ink[y + 3 : y + size - 3, x + 3 : x + size - 3] = 0


def test_a_column_of_like_squares_is_a_border_and_a_row_of_them_too() -> None:
    # The Port Gibson Reveille, 1921: 11-px squares every 15 px frame an advert.
    ink = np.zeros((700, 700), np.uint8)
    _squares(ink, 600, range(100, 600, 15))
    for x in range(100, 560, 15):
        ink[80:91, x : x + 11] = 255
    borders = _borders(ink)
    down = [b for b in borders if b.height > b.width]
    across = [b for b in borders if b.width > b.height]
    assert len(down) == 1 and len(across) == 1
    assert down[0].x0 == 600 and down[0].x1 == 611 and down[0].y0 == 100 and down[0].y1 >= 590
    assert across[0].y0 == 80 and across[0].x0 == 100 and across[0].x1 >= 550


def test_a_border_with_a_worn_and_a_run_together_piece_is_one_border() -> None:
    ink = np.zeros((700, 300), np.uint8)
    _squares(ink, 100, range(100, 600, 15))
    ink[250:262, 100:111] = 0  # a worn square
    ink[250:262, 103:105] = 255
    ink[400:426, 100:111] = 255  # two squares run together
    borders = _borders(ink)
    assert len(borders) == 1
    assert borders[0].y0 == 100 and borders[0].y1 >= 590


def test_letters_of_type_are_no_border() -> None:
    ink = np.zeros((700, 700), np.uint8)
    # x-height letters run along a line, a letter's width apart: too small.
    for x in range(100, 400, 7):
        ink[50:55, x : x + 5] = 255
    # Capitals down a column, one a line, set solid: one size and pitch,
    # clear beside, but each unlike the next.
    for n, y in enumerate(range(100, 600, 12)):
        cv2.putText(ink, "MOHWBDNQ"[n % 8], (300, y + 9), cv2.FONT_HERSHEY_PLAIN, 0.75, 255, 2)
    # Too few: six squares.
    _squares(ink, 600, range(100, 190, 15))
    assert _borders(ink) == []


def test_a_table_of_heavy_figures_is_no_border() -> None:
    """A page of 1,700 pixels (the rule search halves such a page, and there
    two heavy figures are blobs as like as two ornaments): figures down the
    columns of a table, set solid, are found no border, so none of them is
    dropped as one."""
    rng = np.random.default_rng(3)
    ink = np.zeros((1700, 700), np.uint8)
    for x in range(40, 640, 70):
        for y in range(40, 1660, 12):
            figures = str(rng.integers(0, 10))
            cv2.putText(ink, figures, (x, y + 10), cv2.FONT_HERSHEY_SIMPLEX, 0.4, 255, 2)
    assert find_borders(ink, BODY) == []


def test_a_border_down_a_large_page_is_a_vertical_rule() -> None:
    """On a page of 1,700 pixels, searched at full resolution (halved, the
    squares run together), between two columns of type."""
    ink = np.zeros((1700, 900), np.uint8)
    for y in range(60, 1640, 16):  # a column of type either side
        ink[y + 3 : y + 13, 60:420] = 255
        ink[y + 3 : y + 13, 60:420:29] = 0
        ink[y + 3 : y + 13, 470:860] = 255
        ink[y + 3 : y + 13, 470:860:29] = 0
    _squares(ink, 436, range(60, 1640, 15))
    h_rules, v_rules, mask = find_rules(ink, BODY, Settings().layout)
    assert not any(r.x0 <= 440 and r.x1 >= 443 and r.height > 600 for r in v_rules)
    h_rules, v_rules, mask = with_borders(h_rules, v_rules, mask, find_borders(ink, BODY), BODY)
    assert any(r.x0 <= 437 and r.x1 >= 446 and r.height > 1500 for r in v_rules)
    assert mask[800, 441] and not mask[800, 400]


def test_a_detected_piece_of_a_border_is_dropped_as_rule() -> None:
    """The detector boxes a border's squares as lines of type, read "I H 2 I
    0 a"; a piece whose ink lies on a border is no type."""
    from newsprint.layout.rules import rules_mask
    from newsprint.layout.segmentation import _off_the_rules
    from newsprint.layout.textlines import LinePiece

    ink = np.zeros((400, 400), np.uint8)
    _squares(ink, 200, range(50, 350, 15))
    ink[100:110, 230:380] = 255  # a line of type beside the border
    on_border = rules_mask(ink.shape, [Box(200, 50, 211, 346)], 1)
    none = np.zeros_like(ink)
    square = Box(200, 95, 211, 106)
    assert _off_the_rules(LinePiece(square, square, 0), ink, none, on_border) is None
    line = Box(230, 100, 380, 110)
    assert _off_the_rules(LinePiece(line, line, 0), ink, none, on_border) is not None


def test_a_column_of_figures_of_one_size_and_pitch_is_no_border() -> None:
    """Figures down a table's column, set solid, each as wide as high: one
    size, one pitch, clear beside, but each unlike the next. The same column
    of one ornament is a border."""
    rng = np.random.default_rng(7)
    ink = np.zeros((500, 300), np.uint8)
    for y in range(40, 460, 13):
        figure = rng.random((10, 10)) < 0.55
        figure[[0, -1], :] = figure[:, [0, -1]] = True  # a solid outline: one piece
        ink[y : y + 10, 100:110] = figure * 255
    assert _borders(ink) == []
    for y in range(40, 460, 13):
        ink[y : y + 10, 200:210] = figure * 255
    assert [(b.x0, b.x1) for b in _borders(ink)] == [(200, 210)]


def test_like_pieces_with_type_a_hairline_beside_them_are_no_border() -> None:
    """The last words of justified lines, boxed by 1-bit ink as like blocks
    down the column's edge, have the word before a pixel away on their row:
    type, not a border standing clear."""
    ink = np.zeros((700, 600), np.uint8)
    for y in range(40, 660, 18):
        ink[y + 3 : y + 15, 40:475] = 255
        ink[y + 3 : y + 15, 40:475:29] = 0  # word spaces: the last word 476-490
        ink[y + 3 : y + 15, 476:490] = 255
    assert _borders(ink) == []
    ink[:, 475] = 0
    ink[:, 470:476] = 0  # the last words now stand clear
    assert len(_borders(ink)) == 1
