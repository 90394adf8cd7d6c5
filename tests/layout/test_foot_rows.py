"""A name signed across under a vertical title, boxed with it, is cut off as a
line of its own; a vertical line's own last mark is not."""

from __future__ import annotations

import numpy as np
from newsprint.layout.boxes import Box
from newsprint.layout.foot_rows import without_foot_row
from newsprint.layout.textlines import LinePiece


def _title(ink: np.ndarray, x0: int = 100, glyphs: int = 9, size: int = 40) -> int:
    """A vertical title of ``glyphs`` square characters from y 50; its foot's y."""
    y = 50
    for _ in range(glyphs):
        ink[y + 4 : y + size - 4, x0 + 4 : x0 + size - 4 : 3] = 255  # strokes down
        ink[y + 4 : y + size - 4 : 5, x0 + 4 : x0 + size - 4] = 255  # strokes across
        y += size + 4
    return y


def _piece(ink: np.ndarray, y1: int) -> LinePiece:
    rows = np.flatnonzero(ink[:, 100:140].any(axis=1))
    fitted = Box(104, float(rows[0]), 136, float(min(rows[-1] + 1, y1)))
    return LinePiece(fitted, Box(95, 45, 145, y1 + 5))


def test_a_pen_name_under_a_title_s_foot_is_a_line_of_its_own() -> None:
    ink = np.zeros((600, 300), np.uint8)
    foot = _title(ink)
    top = foot + 30
    for k, x in enumerate((96, 106, 120, 134)):  # （ 天 笑 ）, the brackets standing out
        width = 3 if k in (0, 3) else 10
        ink[top : top + 12, x : x + width] = 255
    line, row = without_foot_row(_piece(ink, top + 12), ink)
    assert row is not None
    assert (row.ink.x0, row.ink.y0, row.ink.x1, row.ink.y1) == (96, top, 137, top + 12)
    assert row.detected.width > row.detected.height  # read as a row, level
    assert line.ink.y1 <= foot and line.detected.y1 < top


def test_a_full_stop_or_a_flat_character_at_a_line_s_foot_stays_in_the_line() -> None:
    for mark in ((slice(0, 8), slice(104, 112)), (slice(0, 4), slice(104, 136))):  # 。 一
        ink = np.zeros((600, 300), np.uint8)
        top = _title(ink) + 30
        ink[top + mark[0].start : top + mark[0].stop, mark[1]] = 255
        piece = _piece(ink, top + 12)
        assert without_foot_row(piece, ink) == (piece, None)


def test_small_characters_close_under_a_line_are_its_own() -> None:
    """Set under the title no further than they are tall, they are its text."""
    ink = np.zeros((600, 300), np.uint8)
    top = _title(ink) - 4  # 4 pixels under the last character
    for x in (100, 112, 124):
        ink[top : top + 12, x : x + 10] = 255
    piece = _piece(ink, top + 12)
    assert without_foot_row(piece, ink) == (piece, None)


def _signed(gap: int = 30) -> tuple[np.ndarray, int]:
    ink = np.zeros((600, 300), np.uint8)
    top = _title(ink) + gap
    for x in (100, 112, 124):
        ink[top : top + 12, x : x + 10] = 255
    return ink, top


def test_a_name_the_detector_boxed_on_its_own_is_left_to_that_box() -> None:
    """ECPO 1921-02-27: the title's box reached over the top of "(雄大)",
    boxed apart; cut there, title's foot and name's top read "(10)"."""
    ink, top = _signed()
    piece = _piece(ink, top + 12)
    own_box = LinePiece(Box(96, top, 140, top + 12), Box(96, top - 3, 140, top + 15), parent=7)
    assert without_foot_row(piece, ink, [piece, own_box]) == (piece, None)
    elsewhere = LinePiece(Box(200, 50, 240, 400), Box(200, 50, 240, 400), parent=8)
    assert without_foot_row(piece, ink, [piece, elsewhere])[1] is not None


def test_type_running_on_past_the_box_s_end_is_no_row_at_its_foot() -> None:
    ink, top = _signed()
    ink[top + 12 : top + 30, 100:134] = 255  # the "row" is the top of something larger
    piece = _piece(ink, top + 12)
    assert without_foot_row(piece, ink) == (piece, None)
