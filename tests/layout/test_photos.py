"""Photos told from type (``layout.photos``)."""

from __future__ import annotations

from newsprint.layout.boxes import Box
from newsprint.layout.photos import without_page_photos
from newsprint.layout.textlines import LinePiece


def test_a_photo_over_most_of_a_page_full_of_vertical_lines_is_text() -> None:
    content = (0, 0, 2000, 3000)
    lines = [
        LinePiece(Box(x, 200, x + 30, 800), Box(x - 5, 195, x + 35, 805))
        for x in range(300, 1700, 50)
    ]
    page_photo = Box(100, 100, 1900, 2900)
    picture = Box(100, 2000, 900, 2900)  # a real picture: no lines in it
    assert without_page_photos([page_photo, picture], lines, content) == [picture]
    # A picture as large holding a few lines (a sign, a caption) stays.
    assert without_page_photos([page_photo], lines[:5], content) == [page_photo]


def test_a_photo_over_most_of_a_page_full_of_horizontal_lines_is_text() -> None:
    # A page's columns run together into one "photo" by a scanner frame that
    # floats inside the scan (the Oakland page turned 2 degrees and padded).
    content = (0, 0, 2000, 3000)
    lines = [
        LinePiece(Box(x, y, x + 500, y + 30), Box(x - 5, y - 5, x + 505, y + 35))
        for x in (150, 800, 1400)
        for y in range(200, 1400, 60)
    ]
    page_photo = Box(100, 100, 1900, 2900)
    picture = Box(100, 2000, 900, 2900)
    assert without_page_photos([page_photo, picture], lines, content) == [picture]
    # A photo over a smaller share of the page keeps its lines (a display
    # advert's words), however many.
    half = Box(100, 100, 1100, 1500)
    assert without_page_photos([half], lines, content) == [half]
