"""Scratches on the film across vertical type are no rules (``layout.scratches``)."""

from __future__ import annotations

import numpy as np
from newsprint.layout.boxes import Box
from newsprint.layout.direction import vertical_pieces
from newsprint.layout.scratches import without_scratches
from newsprint.layout.textlines import LinePiece

BODY = 30.0
SIZE, STEP = 30, 38  # square characters, 8 px of white between two in a line


def _vertical_lines(ink: np.ndarray, xs: list[int], top: int, bottom: int) -> list[LinePiece]:
    """Vertical lines of solid square characters at ``xs``, and the detector's
    boxes round them (padded 2 px)."""
    pieces = []
    for i, x in enumerate(xs):
        for y in range(top, bottom - SIZE + 1, STEP):
            ink[y : y + SIZE, x : x + SIZE] = 255
        box = Box(x - 2, top - 2, x + SIZE + 2, bottom + 2)
        pieces.append(LinePiece(Box(x, top, x + SIZE, bottom), box, i))
    return pieces


def test_a_scratch_between_two_characters_of_many_lines_is_no_rule() -> None:
    # ECPO 1919: a scratch under the first characters of eleven lines of an
    # advert cut them all, and their first characters were read as one row.
    ink = np.zeros((700, 600), np.uint8)
    pieces = _vertical_lines(ink, [100, 160, 220, 280, 340], 100, 600)
    scratch = Box(40, 171, 560, 173)  # in the white under each line's 2nd character
    rule = Box(40, 60, 560, 63)  # a printed rule over the lines, clear of them
    assert without_scratches([scratch, rule], pieces, ink, BODY) == [rule]
    _, down, _ = vertical_pieces(pieces, ink, [], [rule], BODY)
    assert len(down) == 5 and all(p.detected.y0 < 110 and p.detected.y1 > 590 for p in down)
    # Left as a rule, it cuts every line under its first two characters.
    _, cut, _ = vertical_pieces(pieces, ink, [], [scratch, rule], BODY)
    assert len(cut) == 10


def test_a_printed_rule_the_detector_ran_lines_through_is_kept() -> None:
    # Two stories set one over the other, a rule between them with a
    # character's white round it; the detector boxed each column through it.
    ink = np.zeros((900, 600), np.uint8)
    xs = [100, 160, 220, 280, 340]
    upper = _vertical_lines(ink, xs, 100, 404)
    lower = _vertical_lines(ink, xs, 470, 800)
    rule = Box(40, 436, 560, 438)  # 32 px of white above it, 32 below
    ink[436:438, 40:560] = 255
    text_ink = ink.copy()
    text_ink[436:438] = 0  # the rule's own ink is out of the text ink
    through = [
        LinePiece(
            Box(a.ink.x0, a.ink.y0, a.ink.x1, b.ink.y1),
            Box(a.detected.x0, a.detected.y0, a.detected.x1, b.detected.y1),
            a.parent,
        )
        for a, b in zip(upper, lower, strict=True)
    ]
    assert without_scratches([rule], through, text_ink, BODY) == [rule]


def test_a_line_across_two_vertical_lines_only_stays_a_rule() -> None:
    ink = np.zeros((700, 600), np.uint8)
    pieces = _vertical_lines(ink, [100, 160], 100, 600)
    scratch = Box(40, 171, 560, 173)
    assert without_scratches([scratch], pieces, ink, BODY) == [scratch]
    # Nor does a page without vertical lines lose any rule.
    across = [LinePiece(Box(0, 100, 500, 130), Box(0, 98, 500, 132), 0)]
    assert without_scratches([scratch], across, ink, BODY) == [scratch]
    assert without_scratches([scratch], None, ink, BODY) == [scratch]
