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
    # text under it, its middle inside), nor one wider than the photo.
    cases = [
        (_piece(1396, 2756, 1463, 2778), _piece(1385, 2782, 1473, 2830)),
        (_piece(780, 2771, 1463, 2793), _piece(780, 2797, 1463, 2825)),
    ]
    for piece, under in cases:
        text, _, photos = with_picture_labels([piece], [under], [drawing], BODY)
        assert text == [piece] and photos == [drawing]
