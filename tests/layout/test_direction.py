"""Direction of text: vertical Chinese blocks, their lines, and the print of a whole page."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from newsprint.core.page import Region, RegionType, TextDirection
from newsprint.layout.boxes import Box
from newsprint.layout.direction import (
    block_direction,
    fit_vertical_to_ink,
    group_vertical_lines,
    print_runs_down,
    vertical_reach,
    with_directions,
    without_rows_across,
    without_strokes,
)
from newsprint.layout.textlines import LinePiece
from PIL import Image, ImageDraw
from synth import column_page

from pagegen.fonts import load_font
from pagegen.vertical import VerticalSpec, generate_vertical_page


def _column(x: float, top: float, chars: int, size: float = 30.0) -> Box:
    return Box(x, top, x + size, top + chars * size)


def test_a_block_of_tall_lines_is_vertical_and_of_wide_lines_horizontal() -> None:
    tall = [_column(300 - 45 * i, 100, 12) for i in range(5)]
    wide = [Box(100, 100 + 40 * i, 700, 130 + 40 * i) for i in range(5)]
    assert block_direction(tall) == TextDirection.VERTICAL_RL
    assert block_direction(wide) == TextDirection.HORIZONTAL_LTR
    # Square boxes (a character or two) say nothing: the lines decide.
    squares = [Box(50 * i, 0, 50 * i + 30, 30) for i in range(20)]
    assert block_direction(tall + squares) == TextDirection.VERTICAL_RL
    assert block_direction(squares) == TextDirection.HORIZONTAL_LTR


def test_regions_get_the_direction_of_their_detected_lines() -> None:
    def region(rid: str, lines: list[Box], kind: RegionType = RegionType.TEXT) -> Region:
        box = (min(b.x0 for b in lines), min(b.y0 for b in lines), max(b.x1 for b in lines), 900)
        return Region(
            id=rid,
            type=kind,
            bbox=tuple(int(v) for v in box),
            work_lines=[b.as_tuple() for b in lines],
        )

    down = region("r1", [_column(400 - 45 * i, 100, 12) for i in range(4)])
    across = region("r2", [Box(100, 500 + 40 * i, 700, 530 + 40 * i) for i in range(3)])
    photo = Region(id="r3", type=RegionType.PHOTO, bbox=(0, 0, 10, 10))
    out = {r.id: r.direction for r in with_directions([down, across, photo])}
    assert out == {
        "r1": TextDirection.VERTICAL_RL,
        "r2": TextDirection.HORIZONTAL_LTR,
        "r3": TextDirection.HORIZONTAL_LTR,
    }


def test_vertical_lines_stack_right_to_left_and_a_rule_parts_them() -> None:
    # Six vertical lines 45 px apart; a column rule between the third and the fourth.
    lines = [_column(600 - 45 * i, 100, 12) for i in range(6)]
    rule = Box(501, 90, 503, 470)
    blocks = group_vertical_lines(lines, [rule], body=30.0)
    assert len(blocks) == 2
    first, second = sorted(blocks, key=lambda b: -b.box.x1)
    assert first.lines == lines[:3]  # the very boxes given, right to left
    assert second.lines == lines[3:]
    assert len(group_vertical_lines(lines, [], body=30.0)) == 1


def _drawn_columns(
    texts: list[str], size: int = 32, pitch: int = 40
) -> tuple[np.ndarray, list[Box]]:
    """Ink mask (255 = ink) of vertical lines of Chinese, right to left, and their cells."""
    width, height = 60 + pitch * len(texts), 40 + size * max(len(t) for t in texts)
    image = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(image)
    font = load_font("uming", size - 4, traditional=True)
    boxes = []
    for n, text in enumerate(texts):
        x = width - 30 - size - n * pitch
        for i, ch in enumerate(text):
            draw.text(
                (x + size / 2, 20 + i * size + size / 2), ch, font=font, fill=255, anchor="mm"
            )
        boxes.append(Box(x, 20, x + size, 20 + len(text) * size))
    return np.asarray(image), boxes


def test_a_vertical_line_is_fitted_to_its_own_ink_not_its_neighbours() -> None:
    # Close-set: the ink of neighbouring lines touches (no white between them).
    ink, cells = _drawn_columns(
        ["中華民國二十九年", "四月三十日星期二", "上海晶報第二版"], pitch=27
    )
    # The detector pads its boxes: each takes in part of the lines beside it.
    padded = np.array([[b.x0 - 12, b.y0 - 10, b.x1 + 12, b.y1 + 10] for b in cells])
    reach = vertical_reach(padded)
    middle = fit_vertical_to_ink(ink, Box(*padded[1]), tuple(reach[1]))
    assert middle is not None
    assert cells[1].x0 - 3 <= middle.x0 and middle.x1 <= cells[1].x1 + 3
    assert middle.y0 == pytest.approx(cells[1].y0, abs=6)
    assert middle.y1 == pytest.approx(cells[1].y1, abs=6)
    assert middle.width >= 0.7 * cells[1].width
    # Without the reach the padded box holds three lines' ink and fits another one.
    alone = fit_vertical_to_ink(ink, Box(*padded[1]))
    assert alone is not None and (alone.x0, alone.x1) != (middle.x0, middle.x1)
    assert fit_vertical_to_ink(np.zeros_like(ink), cells[0]) is None


@pytest.mark.parametrize("wave", [0, 4])
def test_a_vertical_headline_beside_a_wavy_border_is_fitted_to_its_characters(wave: int) -> None:
    # A 1939 晶報 page frames its print in a wavy border; the detector's box
    # round the headline "浙東形勢" takes it in. The wavy border fills 85% of
    # its fullest page column, more than any column of the characters (57%),
    # but no column all the way down: it is one thin piece of ink.
    ink, cells = _drawn_columns(["浙東形勢"], pitch=90, size=80)
    ink = ink.copy()
    line = cells[0]
    border_x = int(line.x1) + 12
    for y in range(ink.shape[0]):
        x = border_x + round(wave * np.sin(y / 5))
        ink[y, x : x + 8] = 255
    detected = Box(line.x0 - 6, line.y0 - 6, border_x + wave + 11, line.y1 + 6)
    fitted = fit_vertical_to_ink(ink, detected)
    assert fitted is not None
    assert fitted.x1 <= line.x1 + 3
    assert fitted.width >= 0.7 * line.width


def test_a_vertical_line_run_together_into_one_thin_piece_is_still_fitted() -> None:
    # Heavy type set solid: the characters of a line run together into one
    # piece of ink, a third of the detector's padded box wide. It is the
    # line's own ink, not a rule beside it.
    ink = np.zeros((400, 200), np.uint8)
    for n, top in enumerate(range(20, 380, 32)):
        ink[top : top + 28, 84:116] = 255  # a character
        x = 90 if n % 2 else 108
        ink[top + 28 : top + 32, x : x + 2] = 255  # bled into the next one
    fitted = fit_vertical_to_ink(ink, Box(50, 10, 150, 390))
    assert fitted is not None
    assert 84 <= fitted.x0 < fitted.x1 <= 116
    assert fitted.y0 == pytest.approx(20, abs=2) and fitted.y1 >= 370


def test_strokes_lined_up_in_a_vertical_line_are_no_rule() -> None:
    line = LinePiece(Box(100, 100, 130, 500), Box(95, 95, 135, 505))
    stroke = Box(114, 150, 116, 300)  # 中 under 申 under 中: one long upright stroke
    rule = Box(200, 80, 202, 520)
    assert without_strokes([stroke, rule], [line], body=30.0) == [rule]


def test_the_print_of_a_page_runs_down_only_on_a_vertical_page() -> None:
    vertical, _ = generate_vertical_page(VerticalSpec(seed=3))
    assert print_runs_down(np.asarray(vertical.convert("L")))
    horizontal = column_page(columns=3, lines_per_column=20)
    assert not print_runs_down(np.asarray(horizontal.convert("L")))


def test_a_paragraph_end_and_the_next_paragraph_stay_one_block() -> None:
    # A full line, the paragraph's last character alone at the top of the next
    # line, then the next paragraph two characters down: the short line and the
    # indented one do not overlap down the page at all.
    lines = [
        _column(600, 100, 12),
        Box(555, 100, 585, 130),  # "線"
        _column(510, 160, 10),
        _column(465, 100, 12),
    ]
    blocks = group_vertical_lines(lines, [], body=30.0)
    assert len(blocks) == 1
    assert blocks[0].lines == lines  # right to left


def test_rows_read_across_the_heads_of_vertical_lines_are_left_out() -> None:
    # ECPO 1940: the detector read three rows across the heads of eight
    # vertical lines as well as the lines themselves; the rows joined the
    # story's block to those round it. A heading over the lines, a line
    # beside them and a row across two of them (a short caption across a
    # picture's edge) are no such rows.
    down = [_column(600 - 45 * i, 300, 12) for i in range(8)]
    rows = [Box(280, 300 + 30 * i, 640, 328 + 30 * i) for i in range(3)]
    heading = Box(300, 230, 640, 280)
    beside = Box(100, 400, 260, 430)
    across_two = Box(540, 500, 640, 525)
    kept = without_rows_across([*rows, heading, beside, across_two], down)
    assert kept == [heading, beside, across_two]
    long_line = Box(-900, 310, 560, 338)  # a line of its own whose end crosses three lines
    assert without_rows_across([long_line], down) == [long_line]
    assert without_rows_across(rows, down[:2]) == rows
    # On a page mostly of lines across, boxes down the page drop nothing.
    many_across = [Box(-2000, 1000 + 30 * i, 2000, 1020 + 30 * i) for i in range(6)]
    assert without_rows_across([*rows, *many_across], down) == [*rows, *many_across]


def test_a_vertical_line_crossed_by_two_rules_is_cut_in_three() -> None:
    # ECPO 1940, detected at a finer scale: a line of an advert crossed by two
    # rules made the page fail (the rules were sorted as boxes, not by height).
    from newsprint.layout.direction import _cut_at_rules

    body = 30.0
    ink = np.zeros((800, 300), np.uint8)
    for y in range(100, 700, 36):  # a column of characters, 30 px each
        ink[y : y + 30, 100:130] = 255
    rules = [Box(80, 498, 160, 501), Box(80, 300, 160, 303)]  # given bottom one first
    for r in rules:
        ink[int(r.y0) : int(r.y1), int(r.x0) : int(r.x1)] = 255
    line = Box(98, 98, 132, 700)
    pieces = _cut_at_rules(LinePiece(line, line, 0), ink, rules, body)
    assert len(pieces) == 3
    tops = [p.detected.y0 for p in pieces]
    assert tops == sorted(tops) and tops[0] == line.y0
    assert pieces[0].detected.y1 <= 300 and pieces[1].detected.y0 >= 303
    assert pieces[1].detected.y1 <= 498 and pieces[2].detected.y0 >= 501


def test_a_rule_under_a_tier_drawn_half_into_its_last_column_cuts_it() -> None:
    # ECPO 1940 p1: the rule under a story's upper tier ends in the middle of
    # the tier's last column, which the detector ran on into the lower tier's
    # (its box padded past the ink, more on one side): the column is cut at
    # the rule, which crosses most of its ink though not of its box. A rule
    # that only touches a column running on past it does not cut it.
    from newsprint.layout.direction import _cut_at_rules

    body = 24.0
    ink = np.zeros((500, 300), np.uint8)
    for y in list(range(10, 200, 28)) + list(range(230, 420, 28)):  # two tiers
        ink[y : y + 24, 108:132] = 255
    detected, inked = Box(84, 5, 140, 420), Box(108, 10, 132, 414)
    into = Box(119, 211, 290, 219)  # over 13 of its 24 px of ink, 21 of 56 of its box
    ink[211:219, 119:290] = 255
    pieces = _cut_at_rules(LinePiece(inked, detected, 0), ink, [into], body)
    assert len(pieces) == 2
    assert pieces[0].detected.y1 <= 211 and pieces[1].detected.y0 >= 219
    touching = Box(127, 211, 290, 219)  # over 5 px of it
    assert len(_cut_at_rules(LinePiece(inked, detected, 0), ink, [touching], body)) == 1
    # A sliver of ink (7 px of a dash boxed down the page, generated
    # en-old-1003) is measured as a body wide: a rule's end over 4 px of it
    # is no cut.
    sliver, boxed = Box(108, 100, 115, 160), Box(104, 90, 119, 165)
    ink[100:160, 108:115] = 255
    end = Box(60, 128, 112, 131)
    assert len(_cut_at_rules(LinePiece(sliver, boxed, 0), ink, [end], body)) == 1


def test_the_first_characters_of_a_vertical_line_boxed_again_are_read_once() -> None:
    # ECPO 1919: the detector boxed a line of an advert whole and again its
    # first three characters; both were read and joined, "隔壁隔壁東方催眠術講習".
    from newsprint.layout.direction import vertical_pieces

    ink = np.zeros((800, 300), np.uint8)
    for x in (100, 160):  # two vertical lines side by side, 30-px characters
        for y in range(100, 700, 36):
            ink[y : y + 30, x : x + 30] = 255
    whole, head = Box(98, 98, 132, 700), Box(99, 96, 131, 204)
    beside = Box(158, 98, 192, 700)
    narrow = Box(110, 300, 122, 420)  # a third as wide: no piece of the line
    pieces = [LinePiece(b, b, i) for i, b in enumerate((whole, head, beside, narrow))]
    across, down, in_pictures = vertical_pieces(pieces, ink, [], [], 30.0)
    kept = [p.detected for p in down]
    assert whole in kept and beside in kept and narrow in kept
    assert head not in kept
    assert not across and not in_pictures


def _characters(ink: np.ndarray, x: int, top: int, bottom: int, size: int, step: int) -> None:
    """A vertical line of square characters (solid blocks) from ``top`` down."""
    for y in range(top, bottom - size + 1, step):
        ink[y : y + size, x : x + size] = 255


def test_vertical_lines_boxed_together_side_by_side_are_cut_apart() -> None:
    # ECPO 1940: three close-set vertical lines beside an advert's solid
    # frame were boxed as one, read as one garbled "headline" over three.
    from newsprint.layout.direction import split_side_by_side

    ink = np.zeros((700, 400), np.uint8)
    for x in (100, 125, 150):  # 20-px characters, 5 px of white between lines
        _characters(ink, x, 100, 600, 20, 23)
    ink[100:600, 178:190] = 255  # the advert's frame
    merged = Box(98, 98, 190, 600)
    lines = split_side_by_side(LinePiece(merged, merged, 7), ink, 23.0, [merged])
    assert len(lines) == 3
    assert [round(p.ink.x0) for p in lines] == [100, 125, 150]
    assert all(p.parent == 7 for p in lines)
    # No line of the cut takes in the frame, nor its neighbour's characters.
    assert all(p.detected.x1 <= 178 and p.detected.width < 30 for p in lines)
    assert all(a.detected.x1 <= b.detected.x0 for a, b in itertools.pairwise(lines))


def test_a_vertical_line_reads_no_ink_of_the_lines_beside_it() -> None:
    # ECPO 1919: lines 58 px apart, a punctuation dot beside every character;
    # the detector's box of a line takes in part of the next line, and the
    # recogniser read it into this one.
    from newsprint.layout.direction import clear_of_side_ink, vertical_pieces

    left = LinePiece(Box(100, 100, 130, 600), Box(88, 96, 165, 604))
    middle = LinePiece(Box(160, 100, 190, 600), Box(125, 96, 205, 604))
    right = LinePiece(Box(203, 100, 233, 600), Box(196, 96, 245, 604))  # short of the middle
    above = LinePiece(Box(300, 100, 330, 300), Box(288, 96, 345, 304))
    below = LinePiece(Box(300, 320, 330, 600), Box(288, 310, 345, 604))  # stacked on it
    lines = clear_of_side_ink([left, middle, right, above, below])
    reads = [p.read_boxes()[0] for p in lines]
    # The middle line's box stops where either neighbour's ink starts, over
    # its whole length; the left line's reached into the middle's ink too.
    assert reads[1] == Box(130, 96, 203, 604)
    assert reads[0] == Box(88, 96, 160, 604)
    # The right line's box stops short of the middle line's ink: as it was.
    assert lines[2] is right
    # Lines stacked one over the other read their boxes as the detector gave them,
    assert lines[3] is above and lines[4] is below
    # as does a line whose box stops short of its neighbour's ink, however
    # near, and one beside a line of another tier (their inks level over
    # less than half the shorter).
    near = LinePiece(Box(400, 100, 430, 600), Box(388, 96, 445, 604))
    past = LinePiece(Box(450, 100, 480, 600), Box(446, 96, 490, 604))
    tier = LinePiece(Box(500, 100, 530, 600), Box(488, 96, 560, 604))
    lower = LinePiece(Box(545, 380, 575, 900), Box(533, 376, 590, 904))  # 220 of 500 px level
    kept = [near, past, tier, lower]
    assert clear_of_side_ink(kept) == kept
    # Inks 2 px apart: each box keeps the white between them.
    wide = LinePiece(Box(160, 100, 200, 600), Box(150, 96, 215, 604))
    tight = LinePiece(Box(202, 100, 232, 600), Box(190, 96, 240, 604))
    cut = [p.read_boxes()[0] for p in clear_of_side_ink([wide, tight])]
    assert (cut[0].x0, cut[0].x1, cut[1].x0, cut[1].x1) == (150, 202, 200, 240)
    # Inks that overlap across (a line's ink taking in its neighbour's) are
    # no two lines side by side: as they were.
    overlapping = LinePiece(Box(195, 100, 232, 600), Box(190, 96, 240, 604))
    assert clear_of_side_ink([wide, overlapping]) == [wide, overlapping]
    # A read box already narrower than the detector's keeps its own edges.
    narrowed = LinePiece(Box(100, 100, 130, 600), Box(80, 96, 170, 604), read=Box(95, 96, 165, 604))
    cut = clear_of_side_ink([narrowed, LinePiece(Box(160, 100, 190, 600), Box(150, 96, 200, 604))])
    assert cut[0].read_boxes()[0] == Box(95, 96, 160, 604)
    # Layout's vertical lines are read so.
    ink = np.zeros((700, 300), np.uint8)
    for x in (100, 160):
        _characters(ink, x, 100, 600, 30, 36)
    boxes = [Box(88, 96, 170, 604), Box(120, 96, 205, 604)]
    pieces = [
        LinePiece(Box(100, 100, 130, 598), boxes[0], 0),
        LinePiece(Box(160, 100, 190, 598), boxes[1], 1),
    ]
    _, down, _ = vertical_pieces(pieces, ink, [], [], 30.0)
    assert sorted((p.read_boxes()[0].x0, p.read_boxes()[0].x1) for p in down) == [
        (88, 160),
        (130, 205),
    ]


def test_a_vertical_line_padded_over_its_neighbours_or_display_type_stays_whole() -> None:
    from newsprint.layout.direction import split_side_by_side

    ink = np.zeros((900, 500), np.uint8)
    for x in (100, 125, 150):
        _characters(ink, x, 100, 600, 20, 23)
    # The middle line's box, padded over halves of the lines beside it (their
    # own boxes): one line.
    left, middle, right = Box(95, 98, 122, 600), Box(110, 98, 165, 600), Box(148, 98, 175, 600)
    kept = split_side_by_side(LinePiece(middle, middle, 1), ink, 23.0, [left, middle, right])
    assert [p.detected for p in kept] == [middle]
    # A sliver of a short line beside it (ink a third of the way down) is no line.
    ink2 = np.zeros((900, 500), np.uint8)
    _characters(ink2, 100, 100, 600, 20, 23)
    _characters(ink2, 125, 100, 260, 20, 23)
    padded = Box(98, 98, 147, 600)
    assert len(split_side_by_side(LinePiece(padded, padded, 2), ink2, 23.0, [padded])) == 1
    # Display type three body lines wide, white running down between the
    # strokes of its characters (川, strokes narrower than a body line): not cut.
    ink3 = np.zeros((900, 500), np.uint8)
    for y in range(100, 400, 75):
        for x in (100, 125, 150):
            ink3[y : y + 70, x : x + 12] = 255
    display = Box(98, 98, 165, 400)
    assert len(split_side_by_side(LinePiece(display, display, 3), ink3, 23.0, [display])) == 1


def test_two_stories_with_a_headline_between_are_not_one_paragraphs_block() -> None:
    # ECPO 1939-04-23 p3: a story whose last column is a paragraph's short end,
    # a narrow headline piece down the white beside it, and the next story's
    # columns starting level with the first's: not one column parted at a
    # paragraph's end, but two stories.
    right = [_column(900, 100, 12), _column(860, 100, 2)]
    left = [_column(785, 100, 12), _column(745, 100, 12)]
    between = Box(830, 100, 845, 220)
    blocks = group_vertical_lines([*right, between, *left], [], body=30.0)
    holding = [b for b in blocks if any(ln in b.lines for ln in right)]
    assert len(holding) == 1
    assert not any(ln in holding[0].lines for ln in left)
    # With nothing between them, the short end and the next paragraph are one block.
    blocks = group_vertical_lines(right + left, [], body=30.0)
    assert len(blocks) == 1
