"""Scratches on the film across vertical type are no rules (``layout.scratches``)."""

from __future__ import annotations

import numpy as np
from newsprint.core.settings import Settings
from newsprint.layout.boxes import Box
from newsprint.layout.direction import is_vertical, vertical_pieces
from newsprint.layout.scratches import white_round, without_scratches
from newsprint.layout.segmentation import analyse
from newsprint.layout.textlines import LinePiece
from PIL import Image, ImageDraw

from pagegen.fonts import load_font

BODY = 30.0
SIZE, STEP = 30, 38  # square characters, 8 px of white between two in a line
XS = [100, 160, 220, 280, 340]


def _vertical_lines(ink: np.ndarray, xs: list[int], top: int, bottom: int) -> list[LinePiece]:
    """Vertical lines of solid square characters at ``xs``, from ``top`` down to
    ``bottom``, and the detector's boxes round them (padded 2 px)."""
    pieces = []
    for i, x in enumerate(xs):
        for y in range(top, bottom - SIZE + 1, STEP):
            ink[y : y + SIZE, x : x + SIZE] = 255
        pieces.append(
            LinePiece(
                Box(x, top, x + SIZE, bottom), Box(x - 2, top - 2, x + SIZE + 2, bottom + 2), i
            )
        )
    return pieces


def _ruled(ink: np.ndarray, rule: Box) -> np.ndarray:
    """The text ink ``analyse`` measures with: the rule's box, padded a pixel,
    masked out."""
    text = ink.copy()
    text[int(rule.y0) - 1 : int(rule.y1) + 1, int(rule.x0) : int(rule.x1)] = 0
    return text


def test_a_scratch_between_two_characters_of_many_lines_is_no_rule() -> None:
    # ECPO 1919: a scratch under the first characters of eleven lines of an
    # advert cut them all, and their first characters were read as one row.
    ink = np.zeros((700, 600), np.uint8)
    pieces = _vertical_lines(ink, XS, 100, 600)
    scratch = Box(40, 171, 560, 173)  # in the white under each line's 2nd character
    ink[171:173, 40:560] = 255
    rule = Box(40, 60, 560, 63)  # a printed rule over the lines, clear of them
    text = _ruled(_ruled(ink, scratch), rule)
    assert without_scratches([scratch, rule], pieces, text, BODY) == [rule]
    assert [white_round(scratch, p, text) for p in pieces] == [8] * 5
    _, down, _ = vertical_pieces(pieces, text, [], [rule], BODY)
    assert len(down) == 5 and all(p.detected.y0 < 110 and p.detected.y1 > 590 for p in down)
    # Left as a rule, it cuts every line under its first two characters.
    _, cut, _ = vertical_pieces(pieces, text, [], [scratch, rule], BODY)
    assert len(cut) == 10


def test_a_scratch_crossing_three_lines_or_two_only_is_still_one() -> None:
    ink = np.zeros((700, 600), np.uint8)
    pieces = _vertical_lines(ink, XS[:3], 100, 600)
    scratch = Box(80, 171, 260, 173)
    assert without_scratches([scratch], pieces, _ruled(ink, scratch), BODY) == []
    # ECPO 1919: a scratch through an advert's two columns, little white
    # round it in both, parted them (each column's head read before the
    # other's foot).
    assert without_scratches([scratch], pieces[:2], _ruled(ink, scratch), BODY) == []
    # One line is too few to tell it from a rule the detector ran it through.
    assert without_scratches([scratch], pieces[:1], _ruled(ink, scratch), BODY) == [scratch]
    # Of two, both must leave it little white: beside a line with a wide
    # margin round it, it is a rule the detector ran both lines through.
    ink[100:600, 160:190] = 0
    for top in (100, *range(210, 600 - SIZE + 1, STEP)):
        ink[top : top + SIZE, 160:190] = 255
    assert white_round(scratch, pieces[1], _ruled(ink, scratch)) == 80
    assert without_scratches([scratch], pieces[:2], _ruled(ink, scratch), BODY) == [scratch]


def _two_stories(lower_top: int) -> tuple[np.ndarray, Box, list[LinePiece], list[LinePiece]]:
    """Two stories of five vertical lines set one over the other (the upper
    one's ink down to 396), a 2-px rule at 404 between them: the text ink less
    the rule, the rule, and the lines of each story."""
    ink = np.zeros((900, 600), np.uint8)
    upper = _vertical_lines(ink, XS, 100, 404)
    lower = _vertical_lines(ink, XS, lower_top, 800)
    rule = Box(40, 404, 560, 406)
    ink[404:406, 40:560] = 255
    return _ruled(ink, rule), rule, upper, lower


def _run_through(upper: list[LinePiece], lower: list[LinePiece]) -> list[LinePiece]:
    """Each column of two stories boxed as one line, as the detector can."""
    return [
        LinePiece(
            Box(a.ink.x0, a.ink.y0, a.ink.x1, b.ink.y1),
            Box(a.detected.x0, a.detected.y0, a.detected.x1, b.detected.y1),
            a.parent,
        )
        for a, b in zip(upper, lower, strict=True)
    ]


def test_a_rule_with_a_margin_of_white_the_detector_ran_lines_through_is_kept() -> None:
    # 0.6 body of white round the rule (just over the 0.55 allowed a
    # scratch); the detector boxed each column through it.
    text, rule, upper, lower = _two_stories(414)
    through = _run_through(upper, lower)
    assert [white_round(rule, p, text) for p in through] == [18] * 5
    assert without_scratches([rule], through, text, BODY) == [rule]
    # Set closer, 0.4 body of white, the same five lines make it a scratch ...
    text, rule, upper, lower = _two_stories(408)
    assert without_scratches([rule], _run_through(upper, lower), text, BODY) == []
    # ... but not where most lines that reach it end at it, as a story's lines
    # end at the rule under it: two run through, three stop short.
    stopped = [*_run_through(upper[:2], lower[:2]), *upper[2:], *lower[2:]]
    assert without_scratches([rule], stopped, text, BODY) == [rule]
    # Two columns boxed through a rule with its margin of white keep it.
    text, rule, upper, lower = _two_stories(414)
    assert without_scratches([rule], _run_through(upper[:2], lower[:2]), text, BODY) == [rule]


def test_a_rule_ending_over_a_line_or_a_line_without_ink_on_one_side_is_not_measured() -> None:
    ink = np.zeros((700, 600), np.uint8)
    (line,) = _vertical_lines(ink, [100], 100, 600)
    assert white_round(Box(40, 171, 560, 173), line, ink) == 8
    # The rule's middle row holds the line's ink: it stands over a character.
    assert white_round(Box(40, 150, 560, 152), line, ink) is None
    # No ink above it within the line's box (the detector's padding).
    assert white_round(Box(40, 99, 560, 100), line, ink) is None
    # A rule that stops short of the line's ink.
    assert white_round(Box(40, 171, 90, 173), line, ink) is None


def test_a_page_of_lines_across_loses_no_rule() -> None:
    ink = np.zeros((700, 600), np.uint8)
    scratch = Box(40, 171, 560, 173)
    across = [LinePiece(Box(0, 100, 500, 130), Box(0, 98, 500, 132), 0)]
    assert without_scratches([scratch], across, ink, BODY) == [scratch]
    assert without_scratches([scratch], None, ink, BODY) == [scratch]


def test_a_page_with_a_scratch_across_its_vertical_lines_reads_them_whole() -> None:
    # The whole layout stage on drawn vertical type: ten lines of 24-px
    # characters, a 2-px scratch in the white under each line's second one.
    font = load_font("uming", 24, traditional=True)
    text = "飲酒過量必有酒醇之毒入血無論燒酒高梁及黃酒淡酒均含酒精也即如山西太谷縣"
    image = Image.new("L", (1000, 1000), 255)
    draw = ImageDraw.Draw(image)
    xs = [900 - 40 * i for i in range(10)]
    for i, x in enumerate(xs):
        for k in range(30):
            draw.text((x, 60 + 28 * k), text[(i + k) % len(text)], font=font, fill=0)
    page = np.array(image)
    # The white between the 2nd and 3rd characters of the first line.
    rows = np.flatnonzero((page[60 + 28 : 60 + 56, xs[0] : xs[0] + 24] < 128).any(axis=1))
    y = 60 + 28 + int(rows[-1]) + 2
    page[y : y + 2, 20:980] = 0
    detected = np.array([(x - 2, 58, x + 26, 62 + 30 * 28) for x in xs], dtype=float)
    layout = analyse(page, None, Settings().layout, detected)
    lines = [ln for b in layout.blocks for ln in b.lines if is_vertical(ln)]
    assert len(lines) == 10
    assert all(ln.y0 < y - 28 and ln.y1 > y + 28 for ln in lines)
    assert not any(r.y0 - 4 < y < r.y1 + 4 for r in layout.h_rules)
