"""A photo's box drawn back off the lines of a column it took in."""

from __future__ import annotations

import numpy as np
from newsprint.layout.boxes import Box
from newsprint.layout.photo_edges import off_column_lines
from newsprint.layout.textlines import LinePiece

BODY = 20.0


def _picture(top: float, foot: float) -> np.ndarray:
    """The page's ink: a picture from ``top`` to ``foot``, paper round it."""
    ink = np.zeros((1800, 1400), np.uint8)
    ink[int(top) : int(foot), 85:1053] = 255
    return ink


def _piece(x0: float, y0: float, x1: float, y1: float) -> LinePiece:
    return LinePiece(Box(x0, y0, x1, y1), Box(x0 - 2, y0 - 2, x1 + 2, y1 + 2))


def _column(x0: float, x1: float, tops: list[float]) -> list[LinePiece]:
    return [_piece(x0, y, x1, y + 18) for y in tops]


def test_a_column_s_last_line_taken_into_a_photo_s_top_is_given_back() -> None:
    # 頭條日報 of 18 February 2025, p1: "習近平強調，當前民營經" over the
    # photo, "濟發展面臨一些困難和挑戰，" inside its box, 8 px over the picture.
    photo = Box(85, 1137, 1053, 1636)
    column = _column(550, 775, [1050, 1072, 1094, 1116, 1140])
    other = _column(800, 1015, [1094, 1116, 1138, 1160])  # two lines in it
    caption = [_piece(100, 1600, 700, 1618)]  # inside, at its foot: the photo's own
    ink = _picture(1184, 1636)
    trimmed = off_column_lines([photo], column + other + caption, ink, BODY)[0]
    assert trimmed.y0 >= 1178 and trimmed.y0 <= 1182
    assert (trimmed.x0, trimmed.x1, trimmed.y1) == (photo.x0, photo.x1, photo.y1)


def test_a_column_running_on_out_of_a_photo_s_foot_is_given_back() -> None:
    photo = Box(85, 1137, 1053, 1636)
    column = _column(550, 775, [1620, 1642, 1664, 1686])
    trimmed = off_column_lines([photo], column, _picture(1137, 1612), BODY)[0]
    assert trimmed.y1 <= 1620 and trimmed.y0 == photo.y0
    # The picture's ink running down to the line: the picture's own text.
    assert off_column_lines([photo], column, _picture(1137, 1622), BODY) == [photo]


def test_lines_inside_a_photo_with_no_column_beside_them_stay_with_it() -> None:
    photo = Box(85, 1137, 1053, 1636)
    cases = [
        _column(550, 775, [1140]),  # nothing over it outside
        _column(550, 775, [1090, 1140]),  # its line over it too far up
        _column(100, 1040, [1116, 1140]),  # lines across the photo: a title
        [*_column(550, 775, [1116]), _piece(550, 1300, 775, 1318)],  # deep inside
        [*_column(300, 520, [1116]), *_column(550, 775, [1140])],  # not its column
        [*_column(550, 775, [1116]), _piece(550, 1140, 775, 1166)],  # larger type
        _column(1100, 1300, [1116, 1140, 1162]),  # a column beside the photo
    ]
    ink = _picture(1166, 1636)
    for pieces in cases:
        assert off_column_lines([photo], pieces, ink, BODY) == [photo]
    # A picture's own title under a column's line, standing on its ink (no
    # row of paper under it), or a label under it not in line with it.
    column = _column(550, 775, [1116, 1140])
    assert off_column_lines([photo], column, _picture(1158, 1636), BODY) == [photo]
    label = [*_column(550, 775, [1116]), _piece(600, 1140, 700, 1158)]
    assert off_column_lines([photo], label, ink, BODY) == [photo]
    # Drawn back to less than three body lines, a photo stays as it was.
    low = Box(85, 1137, 1053, 1190)
    lines = _column(550, 775, [1116, 1140, 1162])
    assert off_column_lines([low], lines, _picture(1185, 1190), BODY) == [low]
