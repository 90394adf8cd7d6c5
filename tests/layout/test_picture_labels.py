"""A drawing's labels standing over its top edge are the picture's text."""

from __future__ import annotations

from newsprint.layout.boxes import Box
from newsprint.layout.picture_labels import with_picture_labels
from newsprint.layout.textlines import LinePiece

BODY = 24.0


def _piece(x0: float, y0: float, x1: float, y1: float) -> LinePiece:
    return LinePiece(Box(x0, y0, x1, y1), Box(x0 - 3, y0 - 3, x1 + 3, y1 + 3))


def test_a_label_over_the_top_of_a_drawing_goes_with_it() -> None:
    # 东莞日报 2026 A03, at twice the scan's size: "湿法塔" stands 10 px over
    # the diagram's box, "碳性气体" under it inside the box.
    drawing = Box(800, 2803, 1790, 3140)
    label = _piece(1396, 2771, 1463, 2793)
    deck = _piece(430, 2672, 1480, 2718)  # the headline's deck over the drawing
    inside = [_piece(1385, 2797, 1473, 2825)]
    text, pictures, photos = with_picture_labels([label, deck], inside, [drawing], BODY)
    assert text == [deck]
    assert label in pictures and inside[0] in pictures
    assert photos[0].y0 <= label.ink.y0 and photos[0].y1 == drawing.y1
    assert photos[0].contains_point(label.ink.cx, label.ink.cy)


def test_a_line_over_a_photo_with_no_next_line_inside_stays_text() -> None:
    drawing = Box(800, 2803, 1790, 3140)
    label = _piece(1396, 2771, 1463, 2793)
    cases = [
        [],  # nothing of the picture's text under it
        [_piece(1600, 2797, 1700, 2825)],  # the picture's text, elsewhere across
        [_piece(1385, 2830, 1473, 2858)],  # far under it
    ]
    for inside in cases:
        text, pictures, photos = with_picture_labels([label], inside, [drawing], BODY)
        assert text == [label] and label not in pictures and photos == [drawing]
    # Nor one a body line over the photo's top (a tall line of the picture's
    # text under it, its middle inside), nor a wide one, nor one over its side.
    cases = [
        (_piece(1396, 2756, 1463, 2778), _piece(1385, 2782, 1473, 2830)),
        (_piece(820, 2771, 1500, 2793), _piece(820, 2797, 1500, 2825)),  # over half as wide
        (_piece(760, 2771, 830, 2793), _piece(770, 2797, 840, 2825)),  # over its side
    ]
    for piece, under in cases:
        text, _, photos = with_picture_labels([piece], [under], [drawing], BODY)
        assert text == [piece] and photos == [drawing]


def test_a_label_of_two_rows_goes_with_the_drawing_row_by_row() -> None:
    drawing = Box(800, 2803, 1790, 3140)
    upper, lower = _piece(1396, 2744, 1463, 2766), _piece(1396, 2771, 1463, 2793)
    inside = [_piece(1385, 2797, 1473, 2825)]
    text, pictures, photos = with_picture_labels([upper, lower], inside, [drawing], BODY)
    assert text == [] and upper in pictures and lower in pictures
    assert photos[0].y0 <= upper.ink.y0


def test_no_line_of_a_column_headline_or_vertical_type_is_taken_for_a_label() -> None:
    drawing = Box(800, 2803, 1790, 3140)
    inside = [_piece(1385, 2797, 1473, 2825)]
    headline = _piece(1300, 2723, 1500, 2793)  # 70 px type over a chart's title
    vertical = _piece(1420, 2300, 1444, 2793)  # a line of vertical type
    for piece in (headline, vertical):
        text, _, photos = with_picture_labels([piece], inside, [drawing], BODY)
        assert text == [piece] and photos == [drawing]
    # A column's last line over a photo set into it: its neighbour in the
    # next column stands level with it just outside the photo.
    label = _piece(1396, 2771, 1463, 2793)
    beside = _piece(1800, 2771, 2100, 2793)
    text, _, photos = with_picture_labels([label, beside], inside, [drawing], BODY)
    assert text == [label, beside] and photos == [drawing]


def test_a_photo_is_not_grown_over_the_middle_of_a_line_that_is_no_label() -> None:
    drawing = Box(800, 2803, 1790, 3140)
    label = _piece(1396, 2771, 1463, 2793)
    other = _piece(900, 2765, 1300, 2787)  # a line of the page over the drawing
    inside = [_piece(1385, 2797, 1473, 2825)]
    text, pictures, photos = with_picture_labels([label, other], inside, [drawing], BODY)
    assert text == [label, other] and pictures == inside and photos == [drawing]
