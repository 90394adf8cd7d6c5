"""Photos told from type (``layout.photos``)."""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.core.settings import LayoutSettings
from newsprint.layout.boxes import Box
from newsprint.layout.photos import (
    absorb_frames,
    find_photos,
    frames_of_no_photo,
    is_hatched,
    without_page_photos,
    without_type,
)
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


BODY = 33.0  # the body line height of a 300-dpi page, pixels


def _hatched_map(size: tuple[int, int] = (600, 800)) -> np.ndarray:
    """A map as old papers drew one: a sea of thin lines across, 15 pixels
    apart (0.45 body), broken where the land lies, a coastline and a few
    place names on the land."""
    ink = np.zeros(size, np.uint8)
    for y in range(10, size[0] - 10, 15):
        cv2.line(ink, (10, y), (size[1] - 10, y), 255, 3)
    cv2.ellipse(ink, (500, 300), (220, 200), 0, 0, 360, 0, -1)  # the land, white
    cv2.ellipse(ink, (500, 300), (220, 200), 0, 0, 360, 255, 4)  # its coast
    for k, name in enumerate(("Oslo", "Bergen", "Hamar")):
        cv2.putText(ink, name, (380, 220 + 80 * k), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 255, 2)
    return ink


def _column_of_type(size: tuple[int, int] = (600, 800)) -> np.ndarray:
    """Lines of type a body apart, each line's words run together."""
    ink = np.zeros(size, np.uint8)
    for y in range(40, size[0] - 10, int(BODY)):
        cv2.putText(
            ink, "The minister spoke at length", (10, y), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 255, 2
        )
    return ink


def test_a_hatched_map_is_a_picture_and_type_or_ruled_rows_are_not() -> None:
    assert is_hatched(_hatched_map(), BODY)
    assert not is_hatched(_column_of_type(), BODY)
    ruled = np.zeros((600, 800), np.uint8)
    for y in range(20, 590, 40):  # a table's rules, over a body apart
        cv2.line(ruled, (10, y), (790, y), 255, 2)
        cv2.putText(ruled, "Zurich 120.50", (20, y + 30), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 255, 2)
    assert not is_hatched(ruled, BODY)
    solid = np.full((600, 800), 255, np.uint8)  # a black patch: no thin lines
    assert not is_hatched(solid, BODY)


def test_find_photos_takes_a_hatched_map_on_a_page_of_type() -> None:
    page = np.zeros((1400, 1000), np.uint8)
    page[50:650, 100:900] = _column_of_type()
    page[750:1350, 100:900] = _hatched_map()
    work = np.where(page > 0, 0, 255).astype(np.uint8)
    photos = find_photos(page, work, BODY, LayoutSettings())
    assert len(photos) == 1
    photo = photos[0]
    assert photo.y0 >= 750 and photo.y1 <= 1350 and photo.width > 700


def test_a_map_full_of_place_names_stays_a_picture_a_column_of_type_does_not() -> None:
    # Place names cover the map as lines of type cover a column (over a
    # quarter of it): only the map's hatching tells it from type.
    box = Box(0, 0, 800, 600)
    names = [
        LinePiece(Box(x, y, x + 180, y + 25), Box(x - 4, y - 4, x + 184, y + 29))
        for x in (40, 300, 560)
        for y in range(30, 580, 50)
    ]
    assert is_hatched(_hatched_map(), BODY) and not is_hatched(_column_of_type(), BODY)
    assert without_type([box], names, [box], BODY) == [box]  # hatched: line art
    assert without_type([box], names, [], BODY) == []
    # A picture that no lines fill stays, hatched or not.
    assert without_type([box], names[:2], [], BODY) == [box]


def test_heavy_bars_and_type_on_ruled_paper_are_not_hatching() -> None:
    bars = np.zeros((600, 800), np.uint8)
    for y in range(10, 590, 15):
        bars[y : y + 10] = 255  # 10-pixel bars, 5 apart: heavier than a hatch line
    assert not is_hatched(bars, BODY)
    ruled = np.zeros((600, 800), np.uint8)
    for y in range(10, 590, 15):
        cv2.line(ruled, (0, y), (799, y), 255, 2)  # thin lines ...
    for y in range(0, 600, 15):
        for x in range(0, 800, 14):
            ruled[y + 2 : y + 13, x : x + 11] = 255  # ... under heavier type
    assert not is_hatched(ruled, BODY)


def test_a_hatched_display_character_is_still_type() -> None:
    # A large character's strokes are thin lines stacked, as a map's sea is;
    # the detector boxed it as a display line, so it is type whatever its ink.
    glyph = np.zeros((600, 800), np.uint8)
    for y in range(60, 560, 15):
        cv2.line(glyph, (150, y), (650, y), 255, 3)
    assert is_hatched(glyph, BODY)
    box = Box(140, 50, 660, 570)
    character = LinePiece(Box(150, 60, 650, 560), Box(140, 50, 660, 570))
    assert without_type([box], [character], [box], BODY) == []


def test_rules_taken_into_a_photo_that_is_type_are_rules_again() -> None:
    # The Port Gibson Reveille of 1921 (seven columns of 10-px type): its
    # print was found as one "photo" over the page, which took in every
    # column rule; the photo was type, and the columns were read across.
    body = 12.0
    page = Box(60, 60, 2200, 2900)
    column_rules = [Box(x, 430, x + 4, 2560) for x in (625, 914, 1194)]
    heads = [Box(640, 1100, 900, 1102)]
    frame = [Box(300, 300, 303, 600), Box(500, 300, 503, 600)]  # round a real photo
    photo = Box(303, 300, 500, 600)
    stroke = [Box(1009, 563, 1015, 611)]  # 4 body lines: a stroke of a picture
    found = (heads, column_rules + frame + stroke)
    h, v, grown = absorb_frames(*found, [page, photo], body)
    assert h == [] and v == []
    # The page "photo" was type; the real photo stays, framed.
    kept = [grown[1]]
    h, v = frames_of_no_photo(found, (h, v), kept, body)
    assert h == heads
    assert v == column_rules
