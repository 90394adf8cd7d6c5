"""Detected lines made ready for layout: cut at column separators, never at
word spaces (layout.line_cuts, layout.gutter_votes); fitted to their ink and
'photos' of type (layout.textlines)."""

from __future__ import annotations

import numpy as np
import pytest
from newsprint.layout.boxes import Box, JoinedLine
from newsprint.layout.gutter_votes import stacked_gutters, white_across
from newsprint.layout.line_cuts import cut_at_separators
from newsprint.layout.lines import LineStarts, Spans, gutters, without_specks
from newsprint.layout.photos import without_type
from newsprint.layout.segmentation import _join_row_pieces, _open_sides
from newsprint.layout.textlines import (
    LinePiece,
    fit_to_ink,
    pieces_from_detection,
    without_repeats,
)

BODY = 20
RNG = np.random.default_rng(7)


def is_type_column(photo: Box, pieces: list[LinePiece], body: float) -> bool:
    """Whether layout takes a "photo" that is no line art for type."""
    return not without_type([photo], pieces, [], body)


def justified_line(
    ink: np.ndarray, y: int, x0: int, x1: int, rng: np.random.Generator = RNG
) -> None:
    """Words (solid blobs one x-height tall, with ascenders) from x0 to x1 exactly."""
    x = x0
    while x < x1:
        width = int(rng.integers(25, 90))
        end = min(x + width, x1)
        ink[y + 5 : y + BODY - 4, x:end] = 255
        ink[y : y + 5, x : x + 3] = 255  # an ascender
        x = end + int(rng.integers(6, 12))


def two_columns(
    gutter: int, lines: int = 14, rng: np.random.Generator = RNG
) -> tuple[np.ndarray, np.ndarray]:
    """Two justified columns parted by ``gutter`` px of white, and the boxes a
    detector gives when it joins their lines across the gutter."""
    ink = np.zeros((lines * 30 + 80, 1000), np.uint8)
    boxes = []
    for i in range(lines):
        y = 40 + 30 * i
        justified_line(ink, y, 50, 480, rng)
        justified_line(ink, y, 480 + gutter, 950, rng)
        boxes.append([46, y - 3, 954, y + BODY + 3])
    return ink, np.array(boxes, dtype=float)


def words(
    ink: np.ndarray, y: int, spaces: list[tuple[int, int]], x0: int = 50, x1: int = 950
) -> None:
    """A line of type from x0 to x1 with word spaces exactly at ``spaces``."""
    edges = [x0, *[x for space in spaces for x in space], x1]
    for a, b in zip(edges[::2], edges[1::2], strict=True):
        ink[y + 2 : y + BODY - 2, a:b] = 255


def cut(ink: np.ndarray, boxes: np.ndarray, v_rules: list[Box] | None = None) -> list[LinePiece]:
    pieces = pieces_from_detection(boxes, ink)
    corridors = gutters(without_specks(ink, BODY), BODY)
    return cut_at_separators(pieces, ink, v_rules or [], corridors, None, BODY)


def test_lines_joined_across_a_narrow_gutter_are_cut_at_it() -> None:
    ink, boxes = two_columns(gutter=14)  # 0.7 of a line: the detector bridges it
    pieces = cut(ink, boxes)
    assert len(pieces) == 2 * len(boxes)
    lefts = [p for p in pieces if p.ink.x1 <= 481]
    rights = [p for p in pieces if p.ink.x0 >= 493]
    assert len(lefts) == len(rights) == len(boxes)
    # Each piece keeps a detected box for the recogniser that holds its ink.
    for p in pieces:
        assert p.detected.x0 <= p.ink.x0 and p.detected.x1 >= p.ink.x1


def test_a_column_rule_cuts_the_lines_it_crosses() -> None:
    ink, boxes = two_columns(gutter=8)
    ink[30:460, 483:486] = 255  # a thin rule in the gutter
    pieces = cut(ink, boxes, [Box(483, 30, 486, 460)])
    assert len(pieces) == 2 * len(boxes)


def test_word_spaces_of_one_column_are_never_cut() -> None:
    ink = np.zeros((600, 700), np.uint8)
    boxes = []
    for i in range(16):
        y = 40 + 30 * i
        justified_line(ink, y, 50, 650)
        boxes.append([46, y - 3, 654, y + BODY + 3])
    pieces = cut(ink, np.array(boxes, dtype=float))
    assert len(pieces) == len(boxes)


def test_a_tag_as_wide_in_every_line_is_not_cut_from_its_line() -> None:
    # "L01 Farmers in the valley…", "L02 The water company…": the word space
    # after the tag is white down the whole column, and the tag is no column.
    ink = np.zeros((600, 700), np.uint8)
    boxes = []
    for i in range(16):
        y = 40 + 30 * i
        ink[y + 2 : y + BODY - 4, 50:84] = 255  # "L01", 1.7 lines wide
        justified_line(ink, y, 96, 600 - 10 * (i % 4))
        boxes.append([46, y - 3, 614, y + BODY + 3])
    pieces = cut(ink, np.array(boxes, dtype=float))
    assert len(pieces) == len(boxes)
    assert all(p.ink.x0 == 50 for p in pieces)


def test_a_short_line_past_a_gutter_is_still_cut_from_the_line_before_it() -> None:
    # The next column's last line of a paragraph ("it.") is short: the
    # gutter before it parts the line all the same.
    ink, boxes = two_columns(gutter=14)
    y = int(boxes[-1][1]) + 3
    ink[y : y + BODY, 494:950] = 0
    ink[y + 5 : y + BODY - 4, 494:530] = 255
    boxes[-1][2] = 534
    pieces = cut(ink, boxes)
    last = sorted((p for p in pieces if p.ink.y0 >= y - 3), key=lambda p: p.ink.x0)
    assert len(last) == 2
    assert (last[0].ink.x0, last[0].ink.x1) == (50, 480)
    assert 494 <= last[1].ink.x0 <= 498 and last[1].ink.x1 == 530


def test_a_line_boxed_with_the_last_letter_of_the_column_before_is_cut_at_the_gutter() -> None:
    # zh-hant-1008: a second column's line whose box took in the last
    # character of the first column's line; the first column's other lines
    # reach far to the left of it, so the white after that character is a
    # gutter, not a tag's word space.
    ink, _ = two_columns(gutter=14)
    boxes = []
    for i in range(14):
        y = 40 + 30 * i
        boxes.append([46, y - 3, 484, y + BODY + 3])
        boxes.append([490 if i != 7 else 462, y - 3, 954, y + BODY + 3])
    pieces = cut(ink, np.array(boxes, dtype=float))
    row = sorted(
        (p for p in pieces if 40 + 30 * 7 - 3 <= p.ink.y0 <= 40 + 30 * 7 + 3),
        key=lambda p: p.ink.x0,
    )
    assert any(p.ink.x0 >= 494 and p.ink.x1 == 950 for p in row)
    assert not any(p.ink.x0 < 480 and p.ink.x1 > 494 for p in row)


def _table_flush_right(rows: range) -> tuple[np.ndarray, np.ndarray]:
    """Two columns parted by a 14-px gutter; in ``rows`` the first column holds
    a table of two columns of figures, the second set flush right against the
    gutter and boxed by the detector with the next column's line, as the
    Deseret News of 1850 p6 ("0,208 to baffle such maneuvers")."""
    ink, _ = two_columns(gutter=14, lines=20)
    boxes = []
    for i in range(20):
        y = 40 + 30 * i
        if i in rows:
            ink[y : y + BODY, 50:480] = 0
            ink[y + 3 : y + BODY - 4, 340:380] = 255  # "0,040"
            ink[y + 3 : y + BODY - 4, 436:480] = 255  # "0,208", flush right
            boxes.append([336, y - 3, 384, y + BODY + 3])
            boxes.append([432, y - 3, 954, y + BODY + 3])
        else:
            boxes.append([46, y - 3, 484, y + BODY + 3])
            boxes.append([490, y - 3, 954, y + BODY + 3])
    return ink, np.array(boxes, dtype=float)


def test_figures_flush_right_in_their_column_are_cut_from_the_next_column() -> None:
    table = range(6, 14)
    ink, boxes = _table_flush_right(table)
    pieces = cut(ink, boxes)
    for i in table:
        y = 40 + 30 * i
        row = [p for p in pieces if abs(p.ink.y0 - (y + 3)) <= 3]
        assert not any(p.ink.x0 < 480 and p.ink.x1 > 494 for p in row), i
        assert any(p.ink.x0 == 436 and p.ink.x1 == 480 for p in row), i


def test_figures_flush_right_in_a_column_of_figures_alone_are_not_cut() -> None:
    # No line of text in that column ends at the white after the figures:
    # they are a list's numbers, as the tag above.
    ink, boxes = _table_flush_right(range(20))
    pieces = cut(ink, boxes)
    assert not any(p.ink.x0 == 436 and p.ink.x1 == 480 for p in pieces)


def test_the_white_beside_a_centred_heading_is_not_a_gutter() -> None:
    ink = np.zeros((700, 700), np.uint8)
    ink[60 : 60 + BODY, 200:300] = 255  # "LES"
    ink[60 : 60 + BODY, 330:480] = 255  # "MAIRES", a wide capital word space between
    boxes = [[196, 57, 484, 83]]
    for i in range(14):  # an indented poem under it: white down its left margin
        y = 110 + 30 * i
        ink[y + 4 : y + BODY - 2, 340 : 340 + int(RNG.integers(150, 300))] = 255
        boxes.append([336, y, 650, y + BODY + 2])
    pieces = cut(ink, np.array(boxes, dtype=float))
    heading = [p for p in pieces if p.ink.y0 < 90]
    assert len(heading) == 1 and heading[0].ink.x0 == 200 and heading[0].ink.x1 == 480


def test_fit_to_ink_leaves_out_the_neighbouring_lines_descenders() -> None:
    ink = np.zeros((100, 300), np.uint8)
    ink[40:60, 20:280] = 255
    ink[30:32, 50:52] = 255  # a descender of the line above, inside the padded box
    fitted = fit_to_ink(ink, Box(10, 28, 290, 66))
    assert fitted == Box(20, 40, 280, 60)
    assert fit_to_ink(ink, Box(0, 80, 300, 100)) is None


def test_a_photo_full_of_body_lines_is_type_and_a_sign_in_a_picture_is_not() -> None:
    column = [
        LinePiece(
            Box(100, 100 + 30 * i, 400, 120 + 30 * i), Box(96, 97 + 30 * i, 404, 123 + 30 * i)
        )
        for i in range(10)
    ]
    assert is_type_column(Box(90, 90, 410, 400), column, BODY)
    sign = column[:1]
    assert not is_type_column(Box(90, 90, 410, 400), sign, BODY)


def test_capitals_of_a_nameplate_are_type_not_a_photo() -> None:
    # Black-letter capitals ten body lines tall are as dense as a halftone;
    # the detector's line across the page holds them (and, beside them, the
    # box of rates they ran together with).
    nameplate = LinePiece(Box(100, 100, 3600, 330), Box(90, 95, 3610, 335))
    rates = [
        LinePiece(Box(3000, y, 3500, y + 20), Box(2995, y - 3, 3505, y + 23))
        for y in (345, 375, 405)
    ]
    assert is_type_column(Box(1600, 110, 1860, 320), [nameplate], BODY)  # one letter
    assert is_type_column(Box(2900, 110, 3600, 430), [nameplate, *rates], BODY)
    # A picture beside a body line, or under a short display line, is still a picture.
    caption = LinePiece(Box(100, 420, 600, 440), Box(95, 417, 605, 443))
    assert not is_type_column(Box(100, 100, 600, 400), [caption], BODY)
    kicker = LinePiece(Box(100, 40, 300, 90), Box(95, 35, 305, 95))
    assert not is_type_column(Box(100, 100, 600, 400), [kicker], BODY)


def test_characters_of_a_vertical_headline_are_type_not_a_photo() -> None:
    # A 1939 晶報 headline set down the page in heavy type five body lines
    # wide: each character is as dense as a halftone, and the detector's
    # line down the page holds them all.
    headline = LinePiece(Box(1840, 1310, 1950, 2200), Box(1835, 1305, 1955, 2205))
    for top in (1313, 1648, 1981):  # the "photos" its characters made
        assert is_type_column(Box(1833, top, 1945, top + 110), [headline], BODY)
    # The same picture beside a vertical line of body type is still a picture.
    body_line = LinePiece(Box(1960, 1310, 1980, 2200), Box(1957, 1305, 1983, 2205))
    assert not is_type_column(Box(1700, 1313, 1955, 1600), [body_line], BODY)


def test_an_advert_of_words_alone_is_type_and_a_picture_advert_is_a_photo() -> None:
    # A framed advert of display lines in four sizes, each line too large
    # for body type and too short to be a display line across it.
    advert = Box(380, 480, 950, 1140)
    words = [
        LinePiece(Box(400, y, 930, y + h), Box(395, y - 4, 935, y + h + 4))
        for y, h in ((500, 90), (610, 100), (730, 60), (810, 110), (940, 60), (1020, 90))
    ]
    assert is_type_column(advert, words, BODY)
    # A picture advert: the same lines beside a drawing as large as they are.
    picture_advert = Box(380, 480, 1520, 1140)
    assert not is_type_column(picture_advert, words, BODY)
    assert not is_type_column(advert, words[:2], BODY)  # a sign or two in a picture


def test_close_set_lines_are_measured_one_by_one_not_with_their_neighbours() -> None:
    # Old close-set type: no white row between lines (descenders touch the
    # next line's ascenders) and the detector's padded boxes reach half a
    # line into the neighbours. Each line measures its own height.
    ink = np.zeros((400, 600), np.uint8)
    boxes = []
    for i in range(12):
        y = 20 + 24 * i
        ink[y : y + 24, 40:560:7] = 255  # stems from one line's top to the next's
        ink[y + 6 : y + 18, 40:560] = 255  # the x-height band
        boxes.append([36, y - 6, 564, y + 30])
    pieces = pieces_from_detection(np.array(boxes, dtype=float), ink)
    heights = [p.ink.height for p in pieces]
    assert len(pieces) == 12
    assert max(heights) <= 26, heights


def _three_lines(box_reach: int) -> tuple[np.ndarray, np.ndarray]:
    """Three lines of 16-pixel type with 12 pixels of white between them;
    the middle line's detected box reaches ``box_reach`` pixels into the ink
    of the lines above and below it (the others are boxed to their own)."""
    ink = np.zeros((200, 400), np.uint8)
    tops = [20, 48, 76]
    for y in tops:
        ink[y : y + 16, 20:380:6] = 255
        ink[y + 4 : y + 12, 20:380] = 255
    boxes = [[16, y - 3, 384, y + 19] for y in tops]
    boxes[1] = [16, 36 - box_reach, 384, 76 + box_reach]
    return ink, np.array(boxes, dtype=float)


def test_a_box_straddling_half_the_next_line_is_read_short_of_its_ink() -> None:
    # The detector at a scale set for larger type boxes a small line with
    # half of each neighbour (NCSE's CLD 1853: two half lines read as one).
    ink, boxes = _three_lines(box_reach=10)
    middle = pieces_from_detection(boxes, ink)[1]
    assert (middle.ink.y0, middle.ink.y1) == (48, 64)  # the ink box is its own line
    # The recogniser's box (rows 26-86) stops halfway between the lines' ink: 42-70.
    assert middle.read_boxes() == [Box(16, 42, 384, 70)]
    # The detector's box, which layout compares type sizes by, is kept.
    assert middle.detected.as_tuple() == tuple(boxes[1])


def test_a_box_touching_its_neighbours_ink_is_read_whole() -> None:
    # Close-set lines' boxes overlap a little: the recogniser keeps the
    # detector's box (cut tighter, NZZ 1940's Fraktur lost word spaces).
    ink, boxes = _three_lines(box_reach=4)
    middle = pieces_from_detection(boxes, ink)[1]
    assert middle.read is None and middle.read_boxes() == [middle.detected]


def test_a_read_box_follows_its_line_when_an_empty_box_comes_first() -> None:
    # The pieces point at their detected boxes by index: an empty box before
    # them, dropped, must not shift which neighbours a line is cut from.
    ink, boxes = _three_lines(box_reach=10)
    boxes = np.vstack([[300, 150, 380, 170], boxes[::-1]])  # blank paper, then bottom-up
    pieces = pieces_from_detection(boxes, ink)
    middle = next(p for p in pieces if p.ink.y0 == 48)
    assert len(pieces) == 3
    assert middle.read_boxes() == [Box(16, 42, 384, 70)]


def test_a_sloping_line_is_measured_as_if_it_ran_level() -> None:
    # A line on a warped page climbs 24 px over its length: its box is twice
    # as tall as its type, which would make body text a headline.
    ink = np.zeros((200, 900), np.uint8)
    for x in range(50, 850):
        y = 120 - (x - 50) * 24 // 800
        ink[y - 18 : y, x] = 255
    fitted = fit_to_ink(ink, Box(40, 60, 860, 140))
    assert fitted is not None
    assert fitted.height <= 22 and fitted.width > 780


def test_lines_read_across_a_worn_rule_in_a_narrow_gutter_are_cut_at_it() -> None:
    # A bitonal microfilm page: a narrow gutter holding what is left of a
    # column rule (strokes a line or two long, wavering by a pixel), too
    # broken to be found as a rule, which fills the gutter in most lines.
    ink, boxes = two_columns(gutter=12, lines=16)
    middle = 480 + 5
    for n, y in enumerate(range(30, ink.shape[0] - 40, 45)):
        x = middle + n % 2
        ink[y : y + 38, x : x + 2] = 255
    pieces = cut(ink, boxes)
    assert all(p.ink.x1 <= middle + 1 or p.ink.x0 >= middle + 1 for p in pieces)
    assert len(pieces) >= 2 * 16 - 2


def _gutter_with_rule_pieces() -> tuple[np.ndarray, np.ndarray]:
    """Two columns parted by 7 pixels (0.35 of a line: letter spacing
    wide) holding a 4-pixel column rule (no hairline) a pixel from the left
    column, two from the right, worn to a piece a line long beside each
    line, whole only near the foot."""
    ink, boxes = two_columns(gutter=7, lines=16, rng=np.random.default_rng(11))
    for i in range(12):
        y = 40 + 30 * i
        ink[y : y + BODY, 481:485] = 255
    ink[400:520, 481:485] = 255
    return ink, boxes


def test_a_narrow_gutter_at_a_rule_found_further_down_cuts_the_lines() -> None:
    # Synthetic en-old-1002: a worn rule found over the lower half of the
    # page only; above, its place is white but for the rule's pieces, and
    # narrower than a gutter is anywhere else (32 lines read across it).
    ink, boxes = _gutter_with_rule_pieces()
    pieces = cut(ink, boxes, [Box(481, 400, 485, 520)])
    top = [p for p in pieces if p.ink.cy < 380]
    assert len(top) == 2 * 12
    assert all(p.ink.x1 <= 481 or p.ink.x0 >= 485 for p in top)


def test_a_gap_as_narrow_with_no_rule_on_the_page_is_letter_spacing() -> None:
    ink, boxes = _gutter_with_rule_pieces()
    ink[400:520, 481:485] = 0
    pieces = cut(ink, boxes)
    assert len([p for p in pieces if p.ink.cy < 380]) == 12


def test_a_headline_across_the_columns_above_does_not_hide_the_gutter_under_it() -> None:
    # Two lines of heavy display type across both columns, then body lines
    # the detector joined across the gutter: the gutter is judged among the
    # body lines (white there in every one), not with the headline's lines,
    # which are inked across it.
    ink = np.zeros((320, 1000), np.uint8)
    boxes = []
    for y in (6, 50):
        ink[y : y + 36, 60:940] = 255
        boxes.append([56, y - 4, 944, y + 40])
    for i in range(5):
        y = 120 + 30 * i
        justified_line(ink, y, 50, 480)
        justified_line(ink, y, 510, 950)
        boxes.append([46, y - 3, 954, y + BODY + 3])
    pieces = pieces_from_detection(np.array(boxes, dtype=float), ink)
    for piece, (crossing, blank) in zip(pieces, stacked_gutters(pieces, ink, BODY), strict=True):
        if piece.ink.y0 < 110:
            continue
        x0 = int(piece.ink.x0)
        assert crossing[490 - x0] == 5
        assert blank[485 - x0 : 505 - x0].min() == 1.0


def test_a_gutter_inked_by_specks_in_a_few_lines_still_cuts_the_lines() -> None:
    # en-old-1000: a gutter 10 px wide where one x is inked (a speck, a
    # fragment of the rule) in a third of the lines: the run of nearly white
    # x is the gutter, though no x of it is white in every line around.
    ink, boxes = two_columns(gutter=10, lines=16, rng=np.random.default_rng(7))
    for i in range(0, 16, 3):  # partway down the line: no hairline of a rule
        y = 40 + 30 * i
        ink[y + 5 : y + 13, 484] = 255
    pieces = cut(ink, boxes)
    assert all(p.ink.x1 <= 484 or p.ink.x0 >= 485 for p in pieces)
    assert len(pieces) == 2 * 16


def test_the_first_line_under_a_headline_is_cut_at_the_gutter_of_indented_columns() -> None:
    # en-1000 and en-5003: under a headline, the columns' first lines, the
    # right column's paragraphs indented by two body lines, and the row's ink
    # taller than body type (its capitals and descenders); the detector read
    # the first row across the gutter.
    ink = np.zeros((700, 1000), np.uint8)
    rng = np.random.default_rng(7)
    ink[20:80, 60:470] = 255  # a headline over the left column
    boxes = [[56, 16, 474, 84]]
    for i in range(8):
        y = 120 + 30 * i
        justified_line(ink, y, 50, 480, rng)
        indent = 40 if i % 3 == 0 else 0
        justified_line(ink, y, 520 + indent, 950, rng)
        if i == 0:  # only the first row read across: too few lines tell the gutter
            boxes.append([46, y - 3, 954, y + BODY + 3])
        else:
            boxes += [[46, y - 3, 484, y + BODY + 3], [516, y - 3, 954, y + BODY + 3]]
    for x in range(60, 470, 40):  # descenders under the first row
        ink[120 + BODY : 120 + BODY + 8, x : x + 3] = 255
    pieces = cut(ink, np.array(boxes, dtype=float))
    first = [p for p in pieces if 110 < p.ink.y0 < 140]
    assert len(first) == 2
    assert first[0].ink.x1 <= 481 and first[1].ink.x0 >= 520


def _columns_on_a_rule(rule_rows: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Two justified columns set tight against a 4-pixel column rule at x
    480-484 (no white beside it), inked over ``rule_rows``; the detector's
    boxes join every line across it."""
    ink = np.zeros((14 * 30 + 80, 1000), np.uint8)
    boxes = []
    for i in range(14):
        y = 40 + 30 * i
        justified_line(ink, y, 50, 480)
        justified_line(ink, y, 484, 950)
        boxes.append([46, y - 3, 954, y + BODY + 3])
    for y0, y1 in rule_rows:
        ink[y0:y1, 480:484] = 255
    return ink, np.array(boxes, dtype=float)


def test_a_line_in_a_break_of_a_worn_rule_is_cut_where_the_rule_runs() -> None:
    # The rule breaks off 20 pixels (a body line) above the seventh line and
    # starts again under it: that line is read across the columns unless the
    # rule's place cuts it too (a line like it joined a page's three middle
    # columns into one block: synthetic en-old-5001).
    ink, boxes = _columns_on_a_rule([(30, 200), (262, 460)])
    rules = [Box(480, 30, 484, 200), Box(480, 262, 484, 460)]
    pieces = cut(ink, boxes, rules)
    in_break = [p for p in pieces if 210 < p.ink.cy < 250]
    assert len(in_break) == 2
    assert all(p.ink.x1 <= 482 or p.ink.x0 >= 482 for p in pieces)


def test_a_line_over_the_start_of_a_rule_is_not_cut() -> None:
    # A caption over two columns stands just above the rule that parts them
    # (zh-hant-1009): the rule starts under it and does not go on above it.
    ink, boxes = _columns_on_a_rule([(262, 460)])
    ink[40:250, 480:484] = 0
    ink[40:250, 50:954] = 0
    for y in range(40, 250, 30):  # the caption's lines, across both columns
        justified_line(ink, y, 50, 950)
    pieces = cut(ink, boxes, [Box(480, 262, 484, 460)])
    caption = [p for p in pieces if 210 < p.ink.cy < 250]
    assert len(caption) == 1 and caption[0].ink.width > 800


def test_a_line_boxed_twice_is_one_line() -> None:
    # Synthetic en-old-1000: the detector boxed a line alone and again with
    # half of the lines above and below; it was read twice, joined into one.
    ink = np.zeros((200, 700), np.uint8)
    for y in (40, 62, 84):
        justified_line(ink, y, 50, 650)
    boxes = np.array([[46, 59, 654, 84], [46, 52, 654, 92], [46, 37, 654, 62], [46, 81, 654, 106]])
    pieces = without_repeats(pieces_from_detection(boxes.astype(float), ink))
    middle = [p for p in pieces if 60 < p.ink.cy < 84]
    assert len(middle) == 1 and middle[0].detected.height == 25
    assert len(pieces) == 3


def test_a_short_piece_of_a_line_and_a_crossing_line_are_no_repeats() -> None:
    def piece(box: Box) -> LinePiece:
        return LinePiece(box, box)

    long_line, short = piece(Box(50, 40, 650, 60)), piece(Box(300, 41, 360, 59))
    down, across = piece(Box(300, 20, 330, 320)), piece(Box(100, 150, 600, 180))
    assert len(without_repeats([long_line, short])) == 2
    assert len(without_repeats([down, across])) == 2


def test_a_line_boxed_twice_off_its_centre_is_one_line() -> None:
    # Synthetic en-old-1000 again ("WHAT w one van lo ful of wed nd"): the
    # second box took in the line and the top of the next, so its ink was
    # found 3 px lower than the line's own box, a quarter of the line's height.
    line = LinePiece(Box(1164, 2306, 1485, 2319), Box(1160, 2301, 1490, 2322))
    again = LinePiece(Box(1164, 2309, 1483, 2322), Box(1160, 2294, 1486, 2334))
    below = LinePiece(Box(1141, 2323, 1483, 2341), Box(1137, 2317, 1487, 2349))
    kept = without_repeats([again, line, below])
    assert [p.detected for p in kept] == [line.detected, below.detected]


def test_lines_set_close_are_no_repeats() -> None:
    # Solid type: each line's ink box reaches a third into the next one's.
    rows = [LinePiece(Box(50, y, 650, y + 21), Box(46, y - 2, 654, y + 23)) for y in (40, 54, 68)]
    assert len(without_repeats(rows)) == 3


def test_a_short_line_overlapping_a_long_one_is_no_repeat() -> None:
    # ECPO 1919: a long line's ink was found in the band above it, over a
    # short line of that row; the long line was dropped as that one again.
    short = LinePiece(Box(1494, 1225, 1677, 1255), Box(1488, 1216, 1676, 1264))
    long_line = LinePiece(Box(1511, 1234, 2068, 1257), Box(1511, 1234, 2076, 1301))
    assert len(without_repeats([short, long_line])) == 2


def test_a_thin_strip_across_a_line_does_not_replace_it() -> None:
    # An underline (or a line's descenders) boxed alone, in a shorter box:
    # it is no second box of the line, and the line stays.
    line = LinePiece(Box(100, 100, 500, 120), Box(96, 96, 504, 126))
    strip = LinePiece(Box(102, 116, 498, 120), Box(98, 110, 502, 124))
    kept = without_repeats([line, strip])
    assert line.detected in [p.detected for p in kept]


def test_first_lines_joined_under_a_running_head_are_cut_at_the_gutter() -> None:
    # NCSE's MRP 1815 p29: a running head across the gutter, the columns' two
    # first lines joined by the detector across it, every line below read in
    # two pieces. The rows read in pieces vote that the gutter is white; the
    # running head alone inks it.
    ink = np.zeros((14 * 30 + 80, 1000), np.uint8)
    ink[6 : 6 + BODY, 300:700] = 255  # the running head
    boxes = [[296, 3, 704, 6 + BODY + 3]]
    for i in range(13):
        y = 40 + 30 * i
        justified_line(ink, y, 50, 480)
        justified_line(ink, y, 504, 950)
        if i < 2:
            boxes.append([46, y - 3, 954, y + BODY + 3])
        else:
            boxes += [[46, y - 3, 484, y + BODY + 3], [500, y - 3, 954, y + BODY + 3]]
    pieces = cut(ink, np.array(boxes, dtype=float))
    firsts = sorted((p.ink for p in pieces if p.ink.y0 < 100 and p.ink.y0 > 30), key=lambda b: b.x0)
    assert len(firsts) == 4
    assert all(b.x1 <= 481 or b.x0 >= 503 for b in firsts)


def test_a_word_space_under_the_top_margin_is_not_a_gutter() -> None:
    # NCSE's MRP 1807 p54: the first line of a column under a deep top margin,
    # the detector's box run on over the next column; a word space of that line
    # is a tall white corridor with the margin over it, and by chance the
    # lines below are white at one x of it too (a river one pixel wide). The
    # lines around must be white across a gutter's width, not at one x.
    ink = np.zeros((240 + 8 * 30, 1000), np.uint8)
    boxes = []
    for i in range(8):
        y = 240 + 30 * i
        # The first line's word space is 14 px wide; below, white at x 299-300 only.
        words = [(50, 290), (304, 470)] if i == 0 else [(50, 299), (301, 470)]
        for a, b in words:
            ink[y + 5 : y + BODY - 4, a:b] = 255
            ink[y : y + 5, a : a + 3] = 255
        justified_line(ink, y, 500, 950)
        boxes.append([46, y - 3, 954, y + BODY + 3])
    pieces = cut(ink, np.array(boxes, dtype=float))
    first = sorted((p.ink for p in pieces if p.ink.y0 < 260), key=lambda b: b.x0)
    assert not any(b.x1 <= 292 for b in first), "cut at the word space"
    assert first[0].x0 <= 60 and first[0].x1 >= 460


def test_a_caption_across_columns_read_in_pieces_below_is_not_cut() -> None:
    # Generated en-1004: a photo's caption set across two columns, over the
    # gutter of the body around it, whose rows the detector read in two
    # pieces. Every row votes the gutter white; the caption has its letters
    # there.
    ink = np.zeros((16 * 30 + 80, 1000), np.uint8)
    boxes = []
    for i in range(15):
        y = 40 + 30 * i
        if i == 7:
            justified_line(ink, y, 50, 950, np.random.default_rng(3))
            ink[y + 5 : y + BODY - 4, 470:515] = 255  # a word over the gutter
            boxes.append([46, y - 3, 954, y + BODY + 3])
            continue
        justified_line(ink, y, 50, 480)
        justified_line(ink, y, 504, 950)
        boxes += [[46, y - 3, 484, y + BODY + 3], [500, y - 3, 954, y + BODY + 3]]
    pieces = cut(ink, np.array(boxes, dtype=float))
    caption = [p.ink for p in pieces if 245 < p.ink.cy < 265]
    assert len(caption) == 1 and caption[0].x0 <= 52 and caption[0].x1 >= 940


def test_rows_joined_under_a_running_head_over_a_heading_space_are_cut() -> None:
    # NCSE's MRP 1815 p54: the running head inks the gutter, the columns'
    # first two rows are joined across it, and below the right column holds
    # one short line and then a heading's white, its next lines on another
    # leading: only the running head and the two rows cross the gutter's x
    # (3 of 4 white), and the first row has little type beside the gutter.
    ink = np.zeros((14 * 30 + 80, 1000), np.uint8)
    ink[6 : 6 + BODY, 300:700] = 255  # the running head
    boxes = [[296, 3, 704, 6 + BODY + 3]]
    rng = np.random.default_rng(11)
    for i in range(13):
        y = 40 + 30 * i
        justified_line(ink, y, 50, 480, rng)
        if i < 2:
            justified_line(ink, y, 504, 950, rng)
            boxes.append([46, y - 3, 954, y + BODY + 3])
        else:
            boxes.append([46, y - 3, 484, y + BODY + 3])
    ink[100 : 100 + BODY, 504:800] = 255  # the right column's short line
    boxes.append([500, 97, 804, 103 + BODY])
    for y in (235, 268, 301, 334, 367):  # under the heading's white, off the left's rows
        justified_line(ink, y, 504, 950, rng)
        boxes.append([500, y - 3, 954, y + BODY + 3])
    pieces = cut(ink, np.array(boxes, dtype=float))
    firsts = sorted((p.ink for p in pieces if 30 < p.ink.y0 < 100), key=lambda b: b.x0)
    assert len(firsts) == 4
    assert all(b.x1 <= 483 or b.x0 >= 503 for b in firsts)  # an ascender may stand at 480-482


def test_a_word_space_over_a_gutter_cut_below_is_not_cut() -> None:
    # A line across two columns (a caption) over rows joined across their
    # gutter and cut at it, the columns' lines below read in two pieces
    # (they stop at the gutter): the caption's word space is white over the
    # gutter's left edge only, so the gutter does not run on into it.
    ink = np.zeros((16 * 30 + 80, 1000), np.uint8)
    rng = np.random.default_rng(5)
    boxes = []
    for i in range(15):
        y = 40 + 30 * i
        if i == 0:
            ink[y + 5 : y + BODY - 4, 50:474] = 255
            ink[y + 5 : y + BODY - 4, 488:950] = 255  # a word space at 474-488
        else:
            for x0, x1 in ((50, 480), (504, 950)):
                ink[y + 5 : y + BODY - 4, x0:x1] = 255
                for x in rng.integers(x0 + 20, x1 - 20, size=4):
                    ink[y : y + BODY, x : x + 8] = 0  # word spaces, never at a column's edge
        if i < 3:
            boxes.append([46, y - 3, 954, y + BODY + 3])
        else:
            boxes += [[46, y - 3, 484, y + BODY + 3], [500, y - 3, 954, y + BODY + 3]]
    pieces = cut(ink, np.array(boxes, dtype=float))
    caption = [p.ink for p in pieces if p.ink.cy < 62]
    assert len(caption) == 1 and caption[0].x0 <= 52 and caption[0].x1 >= 940
    assert len([p for p in pieces if 62 < p.ink.cy < 120]) == 4  # the rows below are cut


def test_a_gutter_runs_on_only_where_the_lines_around_stop_at_it() -> None:
    # A row cut at a word space (generated en-5001: the white over a band's
    # foot made one a corridor) must not cut the row above, white across the
    # same x in a wider word space; the same gap with the column's lines
    # ending at it is a gutter, carried on (NCSE's MRP 1815 p54).
    from newsprint.layout.line_cuts import _gutters_run_on
    from newsprint.layout.lines import LineStarts

    ink = np.zeros((300, 1000), np.uint8)
    above = LinePiece(Box(50, 40, 950, 60), Box(46, 37, 954, 63))
    ink[45:56, 50:470] = 255
    ink[45:56, 510:950] = 255  # white at 470-510 in the row above
    left = LinePiece(Box(50, 70, 480, 90), Box(46, 67, 484, 93))
    right = LinePiece(Box(500, 70, 950, 90), Box(496, 67, 954, 93))
    own = np.zeros(900, dtype=bool)
    own[420:460] = True  # the row above is white at x 470-510
    column = [Box(50, 100 + 30 * k, 950, 120 + 30 * k) for k in range(4)]  # lines run on
    lines = [above.ink, left.ink, right.ink]
    starts = LineStarts(lines + column, BODY)
    cuts = _gutters_run_on([[above], [left, right]], [own, None], starts, ink, BODY)
    assert len(cuts[0]) == 1
    column = [Box(50, 100 + 30 * k, 479, 120 + 30 * k) for k in range(4)]  # lines end at 479
    starts = LineStarts(lines + column, BODY)
    cuts = _gutters_run_on([[above], [left, right]], [own, None], starts, ink, BODY)
    assert [(p.ink.x0, p.ink.x1) for p in cuts[0]] == [(50, 470), (510, 950)]


def test_three_of_four_lines_white_are_a_gutter_only_where_lines_stop_at_it() -> None:
    # Four lines cross a corridor and three are white there, over a gutter's
    # width: under a running head that inks it (MRP 1815 p54) the column's
    # lines end at it; over a band's foot a word space lines up so in three
    # justified lines that run on through it (generated en-5001).
    crossing = np.full(100, 4)
    blank = np.full(100, 0.75)
    assert not white_across(crossing, blank, 40, 60, BODY)
    assert white_across(crossing, blank, 40, 60, BODY, at_column_edge=True)
    # Two white lines of three are never enough, whatever stops there.
    assert not white_across(np.full(100, 3), np.full(100, 2 / 3), 40, 60, BODY, True)
    # Four of five white is a gutter by the share alone, as before.
    assert white_across(np.full(100, 5), np.full(100, 0.8), 40, 60, BODY)
    # Lines white by turns, at word spaces that only overlap: three of three
    # over 6 px of a 10-px window (a mean of 0.87 there), two elsewhere.
    turns = np.full(100, 2 / 3)
    turns[45:50] = turns[54] = 1.0
    assert not white_across(np.full(100, 3), turns, 40, 70, BODY)
    turns[50:54] = 1.0  # three of three over 10 px but for a speck's 1 px
    turns[52] = 2 / 3
    assert white_across(np.full(100, 3), turns, 40, 70, BODY)
    # Four of five white at most x's but fewer at two (MRP 1807 p54's last
    # line of a paragraph, a word space): a mean under 0.8 is no gutter.
    most = np.full(100, 0.8)
    most[48], most[49] = 0.6, 0.4
    assert not white_across(np.full(100, 5), most, 40, 50, BODY)


def test_a_nameplate_character_the_detector_boxed_alone_is_type_not_a_photo() -> None:
    # The unseen 1939 晶報 fold's nameplate: each heavy character, on a grey
    # patch of the scan, is as dense as a halftone, and the detector boxed it
    # alone (a square box, no display line across the page).
    from newsprint.layout.textlines import _a_display_glyph

    bao = LinePiece(Box(960, 480, 1280, 770), Box(900, 374, 1337, 832))
    assert is_type_column(Box(975, 487, 1270, 769), [bao], BODY)
    # A picture the box only partly holds is a picture...
    assert not is_type_column(Box(880, 360, 1360, 850), [bao], BODY)
    # ...and so is one wholly inside a box over four times its area,
    quarter = Box(980, 480, 1230, 730)  # 0.31 of the box
    assert not is_type_column(Box(1080, 560, 1180, 660), [bao], BODY)
    assert is_type_column(quarter, [bao], BODY)
    # a small picture filling a short line of body type's box,
    word = LinePiece(Box(104, 100, 156, 120), Box(100, 96, 160, 124))
    assert not is_type_column(Box(104, 98, 156, 122), [word], BODY)
    # and one inside a display line far longer than two characters (that
    # line is ``_in_display_line``'s to judge, with the lines around).
    long_line = LinePiece(Box(100, 100, 1300, 220), Box(90, 90, 1310, 230))
    assert not _a_display_glyph(Box(300, 92, 1000, 228), [long_line], BODY)
    two_letters = LinePiece(Box(300, 100, 600, 220), Box(290, 90, 610, 230))
    assert _a_display_glyph(Box(300, 92, 600, 228), [two_letters], BODY)


def test_a_heavy_letter_of_a_black_letter_title_is_type_not_a_photo() -> None:
    # NZZ 1929's title: the detector boxed "Neue Zürcher Zeitung" in three
    # pieces, each box reaching a title's height above and below the letters
    # (16 body lines thick, 2.4 times as long); the ink of the letters'
    # bodies is a band 5 body lines thick and 8 times as long. Its heaviest
    # letters ("u", "ü", "ch") are as dense as a halftone.
    piece = LinePiece(Box(1067, 430, 2335, 584), Box(1028, 215, 2335, 753))
    for letter in (Box(1639, 293, 1877, 663), Box(1303, 390, 1491, 641)):
        assert is_type_column(letter, [piece], 33.0)
    # A picture beside the title, not wholly inside its box, is a picture.
    assert not is_type_column(Box(2200, 300, 2700, 700), [piece], 33.0)
    # A box round one or two glyphs (the ink no longer than three times its
    # thickness) is judged as a glyph's box, by how much of it the "photo"
    # fills: a small picture in a big box stays a picture.
    glyphs = LinePiece(Box(1067, 430, 1500, 584), Box(1028, 215, 1540, 753))
    assert not is_type_column(Box(1100, 400, 1250, 550), [glyphs], 33.0)
    # Nor does a line of body type hold a picture as its letter.
    words = LinePiece(Box(1000, 430, 1900, 460), Box(990, 300, 1910, 700))
    assert not is_type_column(Box(1100, 400, 1300, 600), [words], 33.0)
    # A picture the detector boxed as a line of its own (a halftone strip,
    # its ink the line's whole ink, over three times as long as thick) is a
    # picture: a letter runs along half the line's ink at most.
    strip = Box(100, 300, 1200, 500)
    boxed = LinePiece(Box(100, 300, 1200, 500), Box(50, 200, 1250, 620))
    assert not is_type_column(strip, [boxed], 33.0)


def test_each_found_rule_is_its_own_measure_of_its_worn_pieces() -> None:
    # NCSE TEC 1883 p312: a hairline column rule runs from y 430 down; a
    # line across above it has a letter at its place, and the page's heavy
    # 20-px border stands at its left edge. Measured by the border, the
    # letter was a worn piece of the hairline, white, and the line was cut.
    from newsprint.layout.gutter_votes import rule_widths, white_in_line

    ink = np.zeros((1000, 1000), np.uint8)
    ink[300:320, 100:900] = 255
    ink[300:320, 110:900:40] = 0  # letter spaces
    ink[300:320, 489:495] = 0
    ink[300:320, 507:513] = 0  # white either side of the letter at x 495-507
    ink[:, 40:60] = 255  # the border
    rules = [Box(500, 430, 502, 900), Box(40, 0, 60, 1000)]
    widths = rule_widths(rules, ink.shape[1])
    assert widths[45] == 22 and widths[501] == 4 and widths[300] == 0
    line = Box(100, 300, 900, 320)
    white = white_in_line(ink, line, 20.0, widths)
    assert not white[495 - 100 : 507 - 100].any()  # the letter stays ink
    # A worn piece of the hairline itself, as wide as the rule and half the
    # line's height (no hairline down the whole line), is white.
    ink[300:320, 495:507] = 0
    ink[300:310, 500:503] = 255
    white = white_in_line(ink, line, 20.0, widths)
    assert white[500 - 100 : 503 - 100].all()


def test_a_headline_parted_over_two_rules_feet_is_joined_again() -> None:
    # Two column rules end just over a headline; the detector parted it in two
    # (before an opening quote), each piece across one rule's foot.
    ink = np.zeros((1400, 1200), np.uint8)
    for x in range(130, 1050, 62):
        if not 616 <= x <= 651:
            ink[1212:1266, x : x + 50] = 255  # glyphs
    ink[840:1181, 416] = ink[840:1181, 1032] = 255  # the rules
    pieces = [
        LinePiece(Box(124, 1210, 616, 1269), Box(118, 1204, 621, 1271), 0),
        LinePiece(Box(651, 1207, 1056, 1269), Box(650, 1203, 1056, 1271), 1),
    ]
    # The columns' lines beside the rules, each column's own.
    for y in range(850, 1170, 30):
        for x0, x1 in ((124, 400), (432, 1016), (1048, 1160)):
            ink[y : y + 20, x0:x1] = 255
            box = Box(x0, y, x1, y + 20)
            pieces.append(LinePiece(box, box, len(pieces)))
    rules = [Box(416, 840, 417, 1181), Box(1032, 840, 1033, 1181)]
    joined = _join_row_pieces(pieces, ink, np.zeros_like(ink), 23.0, rules, None, [])
    heads = [p for p in joined if p.ink.y0 > 1200]
    assert [(p.ink.x0, p.ink.x1) for p in heads] == [(124, 1056)]
    assert len(heads[0].read_boxes()) == 2


def _rows(pieces: list[Box], gutter: tuple[int, int]) -> list[Box]:
    """``join_rows`` over ``pieces`` on a page whose column gutter lies at
    ``gutter`` (x0, x1), with two columns of body lines under them: column 1
    from x 100 to 330, column 2 from 342."""
    from newsprint.layout.lines import join_rows

    body = [Box(100, y, 330, y + 20) for y in range(1450, 1600, 30)]
    body += [Box(342, y, 600, y + 20) for y in range(1450, 1600, 30)]
    corridors = np.zeros((1700, 1000), bool)
    grid = np.zeros(1000, bool)
    grid[gutter[0] : gutter[1]] = True
    rows = join_rows([*pieces, *body], corridors, 20.0, [], grid)
    return [r for r in rows if r.y1 < 1440]


def test_a_one_column_headline_tight_against_a_larger_one_is_a_headline_of_its_own() -> None:
    """港口经济持续回暖 | 科技创新助力制造业升级 (a 66-dpi city daily): the
    one-column story's headline fills its column, the wider story's larger
    one starts past the gutter, where column 2's lines start; one headline
    keeps one size."""
    small, large = Box(100, 1364, 330, 1398), Box(342, 1360, 920, 1425)
    assert len(_rows([small, large], (330, 342))) == 2
    # Touching, they are one piece of type whatever their sizes.
    assert len(_rows([small, Box(335, 1360, 920, 1425)], (330, 335))) == 1


def test_a_headline_of_one_size_over_the_gutter_and_a_short_word_stay_one_line() -> None:
    assert len(_rows([Box(100, 1364, 330, 1424), Box(342, 1360, 920, 1425)], (330, 342))) == 1
    # "to" beside "Big": 0.65 of the line
    assert len(_rows([Box(100, 1364, 330, 1406), Box(342, 1360, 920, 1425)], (330, 342))) == 1


def _narrow_gutter_rows(
    heights: tuple[float, float], top: int = 404, speck: Box | None = None
) -> list[Box]:
    """``join_rows`` over two columns parted by 4 px (a third of a 12-px line)
    with no white corridor or rule between them (the foot of the Port Gibson
    Reveille's columns, 1921, at 10-px type), every row detected in two
    pieces, and at ``top`` a row of two pieces ``heights`` tall over the
    same space; returns what that row became."""
    from newsprint.layout.lines import join_rows

    pieces = []
    for n, y in enumerate(range(100, 700, 16)):
        if y == top:
            continue
        tall = (12, 13, 12, 11, 14, 12)[n % 6]  # as the page's: 11-14 px
        pieces += [Box(40, y, 318, y + tall), Box(322, y + 1, 600, y + 1 + tall)]
    left, right = heights
    pieces += [Box(40, top, 318, top + left), Box(322, top, 600, top + right)]
    pieces += [speck] if speck is not None else []
    rows = join_rows(pieces, np.zeros((800, 700), bool), 12.0)
    return [r for r in rows if abs(r.cy - (top + 7)) < 6]


def test_columns_four_pixels_apart_stay_apart_where_their_lines_stop_and_start() -> None:
    # The columns' own lines, 14 px with ascenders and descenders against a
    # 12-px body, were taken for larger type and joined across the gutter.
    assert len(_narrow_gutter_rows((14, 14))) == 2
    # A speck joined to the row, reaching a pixel over its type, does not
    # make it larger type (on the page it stood at the row's start; here
    # inside it, where it must not become the piece the row ends with).
    assert len(_narrow_gutter_rows((14, 14), speck=Box(20, 403, 33, 415))) == 2
    assert len(_narrow_gutter_rows((14, 14), speck=Box(200, 403, 205, 418))) == 2
    # A small headline over both columns, 1.3 body, stays one line.
    assert len(_narrow_gutter_rows((15.6, 15.6))) == 1


def test_a_list_s_numbers_boxed_apart_from_their_text_stay_on_its_lines() -> None:
    # "1." to "10." set flush right, 4 px before their text, every item's
    # number boxed apart by the detector: they line up as column edges do,
    # but no column is as narrow as a number.
    from newsprint.layout.lines import join_rows

    pieces = []
    for y in range(100, 420, 16):
        pieces += [Box(40, y, 62, y + 12), Box(66, y, 600, y + 12)]
    rows = join_rows(pieces, np.zeros((500, 700), bool), 12.0)
    assert len(rows) == 20
    assert all(r.x0 == 40 and r.x1 == 600 for r in rows)


def test_a_word_of_x_height_letters_on_the_gutter_grid_stays_in_its_headline() -> None:
    """ "Big Rise | on | Main": "on" is half the capitals' height, and the
    space before it falls on the grid by chance, but no column starts there."""
    pieces = [Box(100, 1360, 300, 1425), Box(318, 1378, 360, 1410), Box(378, 1360, 560, 1425)]
    assert len(_rows(pieces, (300, 318))) == 1


def test_a_dash_in_a_headline_is_no_headline_of_its_own() -> None:
    pieces = [Box(100, 1360, 330, 1425), Box(342, 1390, 420, 1396), Box(440, 1360, 700, 1425)]
    assert len(_rows(pieces, (330, 342))) == 1


def _glyphs_beside_a_rule(broken: bool) -> tuple[np.ndarray, Box]:
    """A paragraph's last two characters (14 px type) in a detected box that
    took in the column rule on their left, as on a 60-dpi broadsheet: the
    rule runs the page's height, faint and broken where ``broken``."""
    ink = np.zeros((200, 120), np.uint8)
    ink[:, 10:12] = 255
    if broken:  # as on zh-hans-2001: 0.86 of the box's rows, 0.6 of those beyond
        for y0, y1 in ((64, 76), (86, 90), (114, 124)):
            ink[y0:y1, 10:12] = 0
    ink[90:104, 25:39] = 255  # 构
    ink[98:102, 42:46] = 255  # 。
    return ink, Box(8, 84, 50, 112)


def test_a_rule_running_through_a_short_line_s_box_is_no_part_of_its_ink() -> None:
    for broken in (False, True):
        ink, box = _glyphs_beside_a_rule(broken)
        fitted = fit_to_ink(ink, box)
        assert fitted is not None
        assert (fitted.x0, fitted.y0, fitted.y1) == (25, 90, 104), broken


def test_a_stroke_of_the_line_s_first_glyph_stays_in_its_ink() -> None:
    # The same line with the rule cut off above and below the box: an "l" or
    # a "1" set first, its stroke as tall as the box's rows, is the line's own.
    ink, box = _glyphs_beside_a_rule(broken=False)
    ink[:85, 10:12] = 0
    ink[112:, 10:12] = 0
    fitted = fit_to_ink(ink, box)
    assert fitted is not None and fitted.x0 == 10


def test_a_rule_through_the_end_of_a_line_is_left_out_and_a_word_close_by_is_not() -> None:
    # The rule on the line's right, in the gutter before the next column; a
    # thin stroke 2 px from the line's last character is a letter of it.
    ink, box = _glyphs_beside_a_rule(broken=False)
    mirrored = np.ascontiguousarray(ink[:, ::-1])
    flipped = Box(ink.shape[1] - box.x1, box.y0, ink.shape[1] - box.x0, box.y1)
    fitted = fit_to_ink(mirrored, flipped)
    assert fitted is not None and fitted.x1 == ink.shape[1] - 25
    close = np.zeros_like(ink)
    close[:, 10:12] = 255  # the same stroke, 2 px from the glyphs: no gutter
    close[90:104, 14:28] = 255
    fitted = fit_to_ink(close, Box(8, 84, 40, 112))
    assert fitted is not None and fitted.x0 == 10


def test_a_maps_labels_in_a_row_are_read_one_by_one() -> None:
    # Two place names on one row of a map, a word space apart: outside a
    # picture the detector's two pieces are one line parted at a word space;
    # inside a map (hatched line art) they are two labels (joined, the NZZ
    # 1943 map's labels were read as "EbolAConturPotenza"); inside a photo
    # (a shop sign, a display advert's words) they are one line again.
    ink = np.zeros((800, 800), np.uint8)
    for x in range(100, 560, 24):
        if not 292 <= x < 316:
            ink[500:520, x : x + 18] = 255  # glyphs
    pieces = [
        LinePiece(Box(100, 500, 286, 520), Box(96, 496, 290, 524), 0),
        LinePiece(Box(316, 500, 550, 520), Box(312, 496, 554, 524), 1),
    ]
    corridors = np.zeros_like(ink)
    joined = _join_row_pieces(pieces, ink, corridors, 20.0, [], None, [])
    assert [(p.ink.x0, p.ink.x1) for p in joined] == [(100, 550)]
    a_map = [Box(50, 300, 700, 700)]
    apart = _join_row_pieces(pieces, ink, corridors, 20.0, [], None, a_map, a_map)
    assert sorted((p.ink.x0, p.ink.x1) for p in apart) == [(100, 286), (316, 550)]
    in_photo = _join_row_pieces(pieces, ink, corridors, 20.0, [], None, a_map, [])
    assert [(p.ink.x0, p.ink.x1) for p in in_photo] == [(100, 550)]


def test_a_dash_run_through_a_gutter_does_not_keep_the_row_across_it() -> None:
    # A typewritten page (Topaz Times 1944): a struck-out word's dashes run
    # from the left column through the one-character gutter into the right
    # one, the row's own white there filled; the lines around say gutter.
    ink, boxes = two_columns(gutter=14)
    y = 40 + 30 * 7
    for x in range(466, 506):
        lift = (x // 7) % 2  # a typed dash wavers by a row or two
        ink[y + 8 + lift : y + 13 + lift, x] = 255
    pieces = cut(ink, boxes)
    row = sorted((p.ink for p in pieces if y <= p.ink.cy <= y + BODY), key=lambda b: b.x0)
    assert len(row) == 2
    assert row[0].x1 <= 482 and row[1].x0 >= 492


@pytest.mark.parametrize(
    ("pitch", "slope"),
    [
        (None, 10),
        (None, 12),
        (50, 8),
        (50, 12),
        (None, 15),
        (None, 17),
        (None, 20),
        (50, 20),
        (60, 30),
        (40, 30),
    ],
)
def test_a_sloping_line_measures_its_ascenders_and_descenders_as_a_level_one(
    pitch: int | None, slope: int
) -> None:
    # The 1853 Chicopee Weekly Journal at 400 dpi: a line that climbs 17 px
    # over its length measured 30 px (its x-height and a little) where the
    # level lines beside it measure 50, and half the page became headlines.
    # Alone, or between lines ``pitch`` px above and below; its letters'
    # ascenders and descenders come at random, so that each slice's band
    # moves with them.
    def page(climb: int) -> np.ndarray:
        ink = np.zeros((300, 960), np.uint8)
        rng = np.random.default_rng(5)
        bases = (150,) if pitch is None else (150 - pitch, 150, 150 + pitch)
        for base in bases:
            for x0 in range(30, 930, 14):
                y = base - (x0 - 30) * climb // 900
                ink[y - 12 : y, x0 : x0 + 10] = 255  # x-height
                kind = rng.integers(0, 4)
                if kind == 0:
                    ink[y - 22 : y - 12, x0 : x0 + 3] = 255  # an ascender
                elif kind == 1:
                    ink[y : y + 7, x0 + 7 : x0 + 10] = 255  # a descender
                elif kind == 2:  # a capital T: the ink thins above the x-height, then swells
                    ink[y - 22 : y - 12, x0 + 4 : x0 + 7] = 255
                    ink[y - 22 : y - 19, x0 : x0 + 11] = 255
        return ink

    level = fit_to_ink(page(0), Box(20, 120, 940, 165))
    sloping = fit_to_ink(page(slope), Box(20, 150 - slope - 30, 940, 165))
    assert level is not None and sloping is not None
    # Climbs under a quarter of the line's height were taken as level and
    # measured as they stood, 3 px taller with neighbours, or at the
    # x-height alone (20 px for 29).
    assert abs(sloping.height - level.height) <= 1


def test_a_wide_word_space_inside_a_column_is_joined_and_a_table_gap_is_not() -> None:
    # A typewritten page (Topaz Times 1944): a justified line's word space
    # three characters wide, "litary necessity,   but", read as two pieces;
    # the lines above and below run on across it. A table's cells leave the
    # same white in every row.
    from newsprint.layout.lines import join_rows

    body = 17.0
    corridors = np.zeros((400, 800), bool)
    column = [Box(100, y, 420, y + 17) for y in (100, 124, 172, 196)]
    pieces = [Box(100, 148, 340, 165), Box(390, 148, 420, 165)]  # 50 px apart
    rows = join_rows([*column, *pieces], corridors, body)
    assert sorted((r.x0, r.x1) for r in rows if r.y0 == 148) == [(100, 420)]
    cells = [Box(100, y, 340, y + 17) for y in (100, 124, 148, 172, 196)]
    cells += [Box(390, y, 420, y + 17) for y in (100, 124, 148, 172, 196)]
    table = join_rows(cells, corridors, body)
    assert len([r for r in table if r.y0 == 148]) == 2


def test_an_underlined_word_is_not_counted_white_as_a_dash_is() -> None:
    # A helper's review: with the ink beside a dash's stroke counted
    # anywhere in the column, an underlined caption across two columns
    # counted 0.89 white and could be cut at the gutter under it.
    import cv2
    from newsprint.layout.gutter_votes import white_in_line

    widths = np.zeros(420, np.int32)
    for text in ("commerce and occasion", "SUMMER MEETING NOTICE"):
        shares = []
        for underlined in (False, True):
            ink = np.zeros((40, 420), np.uint8)
            cv2.putText(ink, text, (5, 24), cv2.FONT_HERSHEY_SIMPLEX, 0.6, 255, 1, cv2.LINE_8)
            if underlined:
                ink[27:29, 5:235] = 255
            ys, xs = np.nonzero(ink)
            line = Box(float(xs.min()), float(ys.min()), float(xs.max() + 1), float(ys.max() + 1))
            shares.append(white_in_line(ink, line, 17.0, widths, dashes=True).mean())
        assert shares[1] <= shares[0] + 0.1
    dash = np.zeros((40, 420), np.uint8)
    dash[18:22, 20:300] = 255
    line = Box(20, 18, 300, 22)
    assert white_in_line(dash, line, 17.0, widths, dashes=True).all()


def test_a_bar_with_specks_under_it_keeps_its_band() -> None:
    # Oakland Observer: a 26-px box holding a 3-row bar and specks below
    # it, cut in four slices whose middles lie nowhere near one straight
    # line: the bar is measured as it stands, not sheared along a line
    # through specks (a first version of the sloping measure lost the page
    # to an empty array here).
    from newsprint.layout.textlines import _level_band

    crop = np.zeros((27, 26), np.uint8)
    crop[0:3] = 255
    specks = [(6, 13), (7, 11), (7, 12), (7, 13), (7, 14), (8, 11), (9, 11), (10, 11)]
    specks += [(10, 19), (11, 11), (11, 12), (11, 20), (12, 11), (12, 15), (13, 9), (14, 11)]
    specks += [(14, 12), (14, 17), (15, 10), (15, 11), (15, 13), (15, 14), (16, 13), (16, 14)]
    specks += [(16, 19), (17, 14), (17, 20), (20, 17), (20, 18), (20, 19), (22, 11), (22, 12)]
    for y, x in specks:
        crop[y, x] = 255
    assert _level_band(crop, 0, 3) == (0, 3)


def test_word_spaces_of_loose_lines_that_only_overlap_are_no_gutter() -> None:
    # A Charlottetown pharmacy's advert: a paragraph's first line, loosely
    # justified (a space 1.5 body wide), under a short last line and over
    # a short line and white. Four lines cross its space, it and the three
    # full lines above, each white at a word space that overlaps it by a
    # few pixels: all four white over 6 px, three or fewer elsewhere (a
    # mean over 0.8 at places). No gutter.
    ink = np.zeros((300, 1000), np.uint8)
    rows = {
        10: [(300, 310), (596, 616), (850, 860)],
        40: [(200, 210), (400, 410), (600, 612), (800, 810)],
        70: [(150, 160), (350, 360), (606, 620), (750, 760)],
        130: [(300, 310), (590, 620), (700, 730)],
    }
    for y, spaces in rows.items():
        words(ink, y, spaces)
    words(ink, 100, [(200, 210)], x1=480)  # the last line before it, short
    words(ink, 160, [(150, 160)], x1=300)  # the next line, short
    boxes = [[46, y - 3, 954, y + BODY + 3] for y in rows]
    boxes += [[46, 97, 484, 123], [46, 157, 304, 183]]
    pieces = cut(ink, np.array(boxes, dtype=float))
    first = [p.ink for p in pieces if 120 <= p.ink.y0 <= 140]
    assert [(b.x0, b.x1) for b in first] == [(50, 950)]
    # Where the lines above are white over the whole space, it is a gutter.
    ink[: 70 + BODY, 590:620] = 0
    first = [p.ink for p in cut(ink, np.array(boxes, dtype=float)) if 120 <= p.ink.y0 <= 140]
    assert len(first) == 2 and (first[0].x0, first[0].x1) == (50, 590)
    assert 620 <= first[1].x0 <= 622 and first[1].x1 == 950


PITCH = 22
"""Pixels from one line of ``block_of_rows`` to the next: the detector's
boxes (28 px) overlap, as on a real page (Weekly Chicago Democrat 1853 p3:
33-px ink, 54-px boxes, lines 44 px apart)."""


def block_of_rows(rows: str) -> tuple[np.ndarray, list[LinePiece]]:
    """A block of lines ``PITCH`` px apart under 200 px of white, each given
    by a character: "1" a full line, "2" two columns' lines parted at x
    480-520, "3" a line set loose, boxed by the detector in three pieces at
    its word spaces (x 300-340 and 600-642), "f" a folio (x 50-110) and a
    title after it (x 150-600). Each piece's box is padded past its ink as
    the detector pads it. Returns the ink and the pieces, row by row from
    the top and left to right."""
    spaces = {"1": [], "2": [(480, 520)], "3": [(300, 340), (600, 642)], "f": [(110, 150)]}
    ink = np.zeros((200 + PITCH * len(rows) + 200, 1000), np.uint8)
    pieces = []
    for i, kind in enumerate(rows):
        y = 200 + PITCH * i
        end = 600 if kind == "f" else 950
        words(ink, y, spaces[kind], x1=end)
        edges = [50, *[x for space in spaces[kind] for x in space], end]
        for n, (a, b) in enumerate(zip(edges[::2], edges[1::2], strict=True)):
            ink_box, box = Box(a, y + 2, b, y + 18), Box(a - 5, y - 4, b + 5, y + 24)
            pieces.append(LinePiece(ink_box, box, 10 * i + n))
    return ink, pieces


def pieces_per_row_joined(rows: str) -> list[int]:
    """How many pieces each row of ``block_of_rows(rows)`` is read in once
    ``_join_row_pieces`` has joined them."""
    ink, pieces = block_of_rows(rows)
    corridors = gutters(without_specks(ink, BODY), BODY)
    joined = _join_row_pieces(pieces, ink, corridors, float(BODY), [], None, [])
    per_row = [0] * len(rows)
    for piece in joined:
        per_row[int(piece.ink.y0 - 200) // PITCH] += 1
    return per_row


def test_a_wide_word_space_of_a_block_s_first_line_is_no_gutter() -> None:
    # Park Record 1935 p2: a boxed story's first line set loose ("MMEDIATE
    # convocation   of   the"), boxed by the detector in four pieces. Each
    # word space opens on the white above the block, a tall corridor, and
    # the lines below stand beside it; but they run on across it, so no
    # column's lines stand against it and the pieces are one line. The
    # same for a block's last line.
    assert pieces_per_row_joined("3111111") == [1] * 7
    assert pieces_per_row_joined("1111113") == [1] * 7
    # Two columns' lines under the same white stay apart...
    assert pieces_per_row_joined("2222222") == [2] * 7
    # ...and so do two rows of columns over full lines, or under them (a
    # story's tail set in two columns): the row next to the full lines has
    # lines of its own size on its other side, and the detector's boxes of
    # the full line two rows away, though they reach it, are no next line.
    assert pieces_per_row_joined("2211111") == [2, 2, 1, 1, 1, 1, 1]
    assert pieces_per_row_joined("1111122") == [1, 1, 1, 1, 1, 2, 2]
    # A folio and a title over two columns: the line under the space is
    # the left column's, with the right column's beside it.
    assert pieces_per_row_joined("f222222") == [2] * 7


def test_a_joined_line_measures_its_pieces_type_on_a_page_set_across_only() -> None:
    """A block's first line in three pieces, the middle one standing 6 px
    lower (a sagging line): joined on a page set across, it measures the
    type of its tallest piece (``boxes.JoinedLine``); on a vertical page,
    whose lines across are headings measured by their whole box, it is the
    plain union."""
    ink, pieces = block_of_rows("3111111")
    first = [p for p in pieces if p.ink.y0 < 200 + PITCH]
    assert len(first) == 3
    middle = first[1]
    middle.ink = Box(middle.ink.x0, middle.ink.y0 + 6, middle.ink.x1, middle.ink.y1 + 6)
    corridors = gutters(without_specks(ink, BODY), BODY)
    for set_across, thickness in ((True, 16), (False, 22)):
        joined = _join_row_pieces(
            pieces, ink, corridors, float(BODY), [], None, [], None, set_across
        )
        line = min(joined, key=lambda p: p.ink.y0)
        assert (line.ink.width, line.ink.height, line.ink.thickness) == (900, 22, thickness)
        assert isinstance(line.ink, JoinedLine) is set_across


def test_a_space_where_column_lines_start_and_end_stays_open_on_both_sides() -> None:
    # The white over a block's first line is no gutter's where the next line
    # runs on across the space (closed below), and under its last line the
    # same (closed above). But where the lines below start and end at the
    # space it is a column's edge, though the line next under it runs on
    # across: the detector's box over a rule that layout missed (Weekly
    # Chicago Democrat 1853 p3 read a column's first line on into the next).
    def sides(rows: str, row: int) -> tuple[bool, bool]:
        _, pieces = block_of_rows(rows)
        spans = Spans([p.detected for p in pieces])
        starts = LineStarts([p.ink for p in pieces], float(BODY), None)
        left, right = sorted((p for p in pieces if p.parent // 10 == row), key=lambda p: p.ink.x0)[
            :2
        ]
        return _open_sides(spans, starts, left, right)

    assert sides("3111111", 0) == (True, False)
    assert sides("1111113", 6) == (False, True)
    assert sides("1113111", 3) == (True, True)
    assert sides("2122222", 0) == (True, True)


def test_a_dateline_s_rows_beside_a_nameplate_are_lines_of_their_own() -> None:
    """頭條日報 2023 (not in the shared set): "08/06/2023 星期四" over
    "農曆癸卯年四月廿一日", 24-px rows 6 px apart beside the 149-px
    nameplate, were joined into its line as flat glyphs and read with it."""
    from newsprint.layout.lines import join_rows

    plate = Box(71, 42, 814, 191)
    date, lunar = Box(835, 60, 952, 84), Box(836, 90, 1053, 113)
    rows = join_rows([plate, date, lunar], np.zeros((300, 1200), bool), 16.0)
    assert sorted(r.as_tuple() for r in rows) == sorted(b.as_tuple() for b in (plate, date, lunar))
    # A flat glyph of the display line (一, a dash) standing alone inside
    # its height still joins it.
    dash = Box(835, 110, 952, 124)
    assert join_rows([plate, dash], np.zeros((300, 1200), bool), 16.0) == [plate.union(dash)]


def test_lines_stacked_beside_a_drop_initial_join_it_as_before() -> None:
    # About square, an initial is no line of display type: the lines
    # stacked beside it inside its height join its row as flat pieces
    # always did (for articles.drop_capitals), whatever their order.
    from newsprint.layout.lines import join_rows

    initial = Box(100, 100, 158, 158)
    headline = Box(100, 0, 700, 80)  # a display line on the page
    for x0 in (163, 164, 165):
        first, second = Box(x0, 101, 600, 121), Box(164, 129, 600, 149)
        rows = join_rows([headline, initial, first, second], np.zeros((300, 700), bool), 20.0)
        assert sorted(r.as_tuple() for r in rows) == sorted(
            [headline.as_tuple(), initial.union(first).union(second).as_tuple()]
        )
