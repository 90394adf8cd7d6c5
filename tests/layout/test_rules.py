"""Rules on old pages: worn column rules followed across their breaks, a
heavy rule under the running head, type touching a rule."""

from __future__ import annotations

import numpy as np
import pytest
from newsprint.core.settings import Settings
from newsprint.layout.boxes import Box
from newsprint.layout.rule_tracks import follow_broken_rules
from newsprint.layout.rules import find_rules

BODY = 14.0


def _ruled_columns(
    height: int,
    white: int,
    rule_rows: range,
    headline_rows: tuple[int, int] | None,
    clear: int,
) -> np.ndarray:
    """Two columns of 14-px type 20 px apart (the right one ragged), a 2-px
    column rule at x 449-451 with ``white`` px between it and the type on
    either side, drawn 150 px long from each y of ``rule_rows``;
    ``headline_rows``: a line of large type across both columns there, with
    ``clear`` px of white above and below it."""
    ink = np.zeros((height, 900), np.uint8)
    for n, y in enumerate(range(40, height - 40, 20)):
        ink[y + 3 : y + 17, 40 : 449 - white] = 255
        ink[y + 3 : y + 17, 451 + white : 850 + n % 5] = 255
        ink[y + 3 : y + 17, 40:860:31] = 0  # word spaces
    for y in rule_rows:
        ink[y : y + 150, 449:451] = 255
    if headline_rows is not None:
        top, bottom = headline_rows
        ink[top - clear : bottom + clear, :] = 0
        ink[top:bottom, 60:840] = 255
        ink[top:bottom, 60:840:45] = 0  # letter spaces of the large type
    return ink


def _columns_with_a_worn_rule(headline_rows: tuple[int, int] | None = None) -> np.ndarray:
    """A 2-px column rule 3 px from the type on either side (en-old-1000):
    the rule runs 150 px, breaks for 40 px (three lines), runs again.
    ``headline_rows``: a line of large type across both columns there, the
    rule stopping above and below it."""
    return _ruled_columns(1800, 3, range(30, 1770, 190), headline_rows, 20)


def test_a_worn_column_rule_is_followed_across_its_breaks() -> None:
    ink = _columns_with_a_worn_rule()
    seed = [Box(448, 600, 452, 750)]  # one piece found; the others too short
    rules = follow_broken_rules(ink, seed, BODY)
    assert len(rules) == 1
    assert rules[0].y0 <= 40 and rules[0].y1 >= 1700
    assert rules[0].x0 == 448 and rules[0].x1 == 452


def test_a_solid_rule_with_type_flush_against_one_side_is_followed() -> None:
    # Synthetic en-old-1002, x 640: the next column's type set flush against
    # the rule (no white between), white only on the rule's other side; the
    # rule unbroken there. It was taken for no rule, the walk stopped, and
    # the two columns' lines above were read across as one.
    ink = _columns_with_a_worn_rule()
    ink[:, 451:455] = 0
    for y in range(40, 1760, 20):
        ink[y + 3 : y + 17, 451:455] = 255  # the type reaches the rule
    ink[30:400, 449:451] = 255  # the rule, whole, above the seed
    rules = follow_broken_rules(ink, [Box(448, 600, 452, 750)], BODY)
    assert rules[0].y0 <= 60  # up to the first line
    # With type flush against *both* sides it is no rule's profile: not followed.
    ink[:, 445:449] = ink[:, 451:455]
    rules = follow_broken_rules(ink, [Box(448, 600, 452, 750)], BODY)
    assert rules[0].y0 >= 400


def test_a_broken_rule_is_not_followed_through_a_headline_across_the_columns() -> None:
    ink = _columns_with_a_worn_rule(headline_rows=(900, 950))
    rules = follow_broken_rules(ink, [Box(448, 600, 452, 750)], BODY)
    assert len(rules) == 1
    assert rules[0].y0 <= 40
    assert rules[0].y1 <= 900  # stops above the headline, never crosses it


def test_a_horizontal_rule_across_the_way_ends_the_walk() -> None:
    ink = _columns_with_a_worn_rule()
    cut_off = Box(40, 1000, 860, 1003)
    rules = follow_broken_rules(ink, [Box(448, 600, 452, 750)], BODY, [cut_off])
    assert rules[0].y1 <= 1000


def test_a_rule_walked_up_stops_under_a_line_of_display_type() -> None:
    # 东莞日报 2026 A03: the edge of a drawing's tower, ink of the drawing
    # tight either side, was walked up across the white under the deck into
    # an upright of 的 standing at its x, and cut the deck before "背后".
    ink = np.zeros((700, 900), np.uint8)
    ink[200:600, 420:447] = 255  # the drawing either side of the edge
    ink[200:600, 453:480] = 255
    ink[200:600, 449:452] = 255  # the edge, found as a rule
    ink[120:170, 449:452] = 255  # an upright of the deck's character there
    for x0 in range(100, 800, 60):  # the deck's other characters
        if not 400 < x0 < 500:
            ink[120:170, x0 : x0 + 45] = 255
    deck = Box(100, 120, 800, 170)  # 50 px high: display type
    seed = [Box(448, 200, 452, 600)]
    rules = follow_broken_rules(ink, seed, BODY, type_lines=[deck], display_lines=[deck])
    assert rules[0].y0 >= 170, "the rule stops under the deck"
    assert rules[0].y1 >= 590
    # Not known as display type, the deck line is no bound: the walk goes on.
    assert follow_broken_rules(ink, seed, BODY, type_lines=[deck])[0].y0 < 170
    # Nor where the deck is display type on one side of the rule only.
    ink[120:170, 460:800] = 0
    ink[155:168, 460:800] = 255  # body-size type right of the rule
    rules = follow_broken_rules(ink, seed, BODY, type_lines=[deck], display_lines=[deck])
    assert rules[0].y0 < 170


def test_body_lines_read_across_a_worn_rule_do_not_end_its_walk() -> None:
    # Two columns' lines read across the rule as one, the right column set
    # 6 px lower: the box is as tall as display type, each side body type.
    ink = _columns_with_a_worn_rule()
    for y in range(40, 1760, 20):
        right = ink[y + 3 : y + 17, 451:].copy()
        ink[y + 3 : y + 17, 451:] = 0
        ink[y + 9 : y + 23, 451:] = right
    merged = [Box(40, y + 3, 860, y + 23) for y in range(40, 1740, 20)]
    rules = follow_broken_rules(
        ink, [Box(448, 600, 452, 750)], BODY, type_lines=merged, display_lines=merged
    )
    assert rules[0].y0 <= 60 and rules[0].y1 >= 1700


def test_type_set_tight_against_a_column_rule_does_not_widen_it() -> None:
    # A 3-pixel rule 4 pixels from the type of the next column, 12-px body
    # (en-old-1003): at half resolution the first letters join the rule.
    ink = np.zeros((1800, 1000), np.uint8)
    for y in range(40, 1760, 18):
        ink[y + 3 : y + 15, 40:490] = 255
        ink[y + 3 : y + 15, 500:960] = 255
        ink[y + 3 : y + 15, 40:960:29] = 0
    ink[30:1770, 494:497] = 255
    _, v_rules, _ = find_rules(ink, 12.0, Settings().layout)
    assert v_rules, "the rule is found"
    assert all(r.x0 >= 492 and r.x1 <= 499 for r in v_rules)
    assert sum(r.height for r in v_rules) >= 1600


def test_a_heavy_rule_under_the_running_head_is_a_rule() -> None:
    # 7 px thick on 12-px type (en-old-1003): at half resolution it straddles
    # a cell and measures 4 pixels, more than the 3.6 a rule may be there.
    ink = np.zeros((1800, 1700), np.uint8)
    ink[40:52, 700:1000] = 255  # the paper's name
    ink[89:96, 40:1660] = 255
    for y in range(120, 1700, 18):
        ink[y + 3 : y + 15, 40:1660] = 255
        ink[y + 3 : y + 15, 40:1660:29] = 0
    h_rules, _, _ = find_rules(ink, 12.0, Settings().layout)
    assert any(r.width >= 1500 and 86 <= r.cy <= 99 for r in h_rules)


def test_a_long_clean_break_between_two_found_pieces_of_a_rule_is_bridged() -> None:
    # en-old-1000: the rule missing for nine lines between two pieces found,
    # the type either side clear of its place: one rule down the gutter. The
    # same break with no piece of the rule beyond it ends the rule.
    ink = _columns_with_a_worn_rule()
    ink[:, 448:453] = 0
    ink[40:700, 449:451] = 255
    ink[830:1700, 449:451] = 255
    pieces = [Box(448, 40, 452, 700), Box(448, 830, 452, 1700)]
    rules = follow_broken_rules(ink, pieces, BODY)
    assert len(rules) == 1 and rules[0].y0 <= 40 and rules[0].y1 >= 1700
    alone = follow_broken_rules(ink, pieces[:1], BODY)
    assert alone[0].y1 < 830


def test_a_rule_with_a_gutter_of_white_either_side_is_not_followed() -> None:
    # zh-hant-1009: a modern page's column rule stands in a gutter 12 px wide
    # each side; it stops above a story's headline band and goes on under it.
    # The white parts the columns there: the rule is left as found.
    ink = np.zeros((1200, 900), np.uint8)
    for y in range(40, 1160, 20):
        ink[y + 3 : y + 17, 40:435] = 255
        ink[y + 3 : y + 17, 465:860] = 255
    ink[400:560, :] = 0  # the band between two stories
    ink[40:400, 449:451] = 255
    ink[560:1160, 449:451] = 255
    rules = follow_broken_rules(ink, [Box(448, 40, 452, 400), Box(448, 560, 452, 1160)], BODY)
    assert sorted((r.y0, r.y1) for r in rules) == [(40, 400), (560, 1160)]


def _heavy_type(rows: range, x0: int, x1: int, ink: np.ndarray) -> None:
    """Lines of 12-px 1-bit type: a solid x-height band, word spaces, and the
    pitch 16 px (a 4-px white gap between lines)."""
    for y in rows:
        ink[y + 4 : y + 12, x0:x1] = 255
        ink[y + 4 : y + 12, x0:x1:37] = 0


def test_stems_lined_up_down_heavy_type_are_no_column_rule() -> None:
    # en-old-1003: an ascender at the same x in twelve lines running, 12 px
    # tall with the 4-px gaps between lines, joined by the pinhole close into
    # a 190-px "rule" that cut the lines there and lost letters ("sq are").
    ink = np.zeros((1200, 900), np.uint8)
    _heavy_type(range(200, 1000, 16), 40, 860, ink)
    for y in range(200, 392, 16):
        ink[y : y + 12, 300:303] = 255
    _, v_rules, _ = find_rules(ink, 12.0, Settings().layout)
    assert not any(r.x0 <= 301 <= r.x1 for r in v_rules)
    # A rule at the same place, inked on through the gaps, stays a rule.
    ink[200:392, 300:303] = 255
    ink[200:392, 297:300] = ink[200:392, 303:306] = 0
    _, v_rules, _ = find_rules(ink, 12.0, Settings().layout)
    assert any(r.x0 <= 301 <= r.x1 and r.height >= 150 for r in v_rules)


def test_the_x_height_of_heavy_type_run_solid_is_no_rule_inside_a_detected_line() -> None:
    # en-old-1003: at half resolution the x-height of 12-px 1-bit type runs
    # solid for 50-100 px; a short last line of a paragraph holds nothing else.
    ink = np.zeros((600, 900), np.uint8)
    ink[300:308, 60:150] = 255  # "Wednesday." run together
    line = Box(56, 294, 152, 314)
    h_rules, _, _ = find_rules(ink, 12.0, Settings().layout, [line])
    assert not h_rules
    # A 2-px cut-off rule, white above and below but for its own grey fringe,
    # is a rule, even where the detector read it as a line of its own.
    ink = np.zeros((1700, 1700), np.uint8)  # searched at half resolution
    ink[302:304, 380:442] = 255
    ink[304, 380:442:3] = 255
    h_rules, _, _ = find_rules(ink, 12.0, Settings().layout, [Box(378, 296, 444, 312)])
    assert len(h_rules) == 1 and h_rules[0].width >= 55
    h_rules, _, _ = find_rules(ink, 12.0, Settings().layout)
    assert len(h_rules) == 1


def test_a_line_boxed_from_the_column_rule_on_is_not_joined_across_it() -> None:
    # en-old-1000: the detector boxed a line of column 3 from the column rule
    # on (x 784, the rule's stroke at 784-786); the rule was found 5 px right
    # of its stroke, inside the box, and the line was joined to its
    # neighbour in column 2: the two columns became one block.
    from newsprint.layout.lines import join_rows

    corridors = np.zeros((3000, 1200), np.uint8)
    left, right = Box(434, 2529, 779, 2544), Box(784, 2529, 1131, 2544)
    rule = Box(788, 2454, 790, 2692)
    assert len(join_rows([left, right], corridors, BODY, [rule])) == 2
    # A rule well inside a line's type parts nothing.
    assert len(join_rows([left, right], corridors, BODY, [Box(900, 2454, 902, 2692)])) == 1


def test_a_dash_the_detector_boxed_as_a_line_is_no_line_of_type() -> None:
    # TTW 1867: the short dash under a poem's title, boxed by the detector and
    # read "1", stood as a story's first line and parted the poem from it.
    from newsprint.layout.segmentation import _on_a_rule

    ink = np.zeros((200, 400), np.uint8)
    ink[102:104, 150:210] = 255  # the dash, a found rule
    ink[60:72, 40:360:3] = 255  # a line of type above it
    from newsprint.layout.rules import rules_mask

    on_dash = rules_mask(ink.shape, [Box(150, 102, 210, 104)], 1)
    assert _on_a_rule(Box(150, 100, 163, 105), ink, on_dash)
    assert not _on_a_rule(Box(40, 58, 360, 74), ink, on_dash)
    assert not _on_a_rule(Box(150, 100, 163, 105), ink, np.zeros_like(ink))


def test_a_boxed_heading_fitted_to_its_frame_is_fitted_again_off_it() -> None:
    # ECPO 1919: the detector's box of a framed heading took in the frame's
    # top rule, the fullest row of the box; the line was fitted to the rule
    # and dropped as one. Its characters hold more ink than the rule: they
    # are the line (ECPO 1939's masthead: a line boxed between two wavy rules).
    from newsprint.layout.rules import rules_mask
    from newsprint.layout.segmentation import _off_the_rules
    from newsprint.layout.textlines import LinePiece, fit_to_ink

    ink = np.zeros((300, 600), np.uint8)
    ink[100:104, 40:560] = 255  # the frame's top rule
    for x in range(80, 500, 90):  # five heavy characters, 60 px tall
        ink[118:178, x : x + 60 : 4] = 255
        ink[118:178:6, x : x + 60] = 255
    detected = Box(45, 98, 555, 190)
    fitted = fit_to_ink(ink, detected)
    assert fitted is not None and fitted.y0 >= 110 and fitted.height >= 55
    # A short heading in a long frame: the rule holds more ink than its one
    # character, the line is fitted to the rule, and fitted again off it.
    ink[118:178, 160:560] = 0
    fitted = fit_to_ink(ink, detected)
    assert fitted is not None and fitted.height < 10
    on_rule = rules_mask(ink.shape, [Box(40, 100, 560, 104)], 1)
    no_v_rules = np.zeros_like(ink)
    piece = _off_the_rules(LinePiece(fitted, detected, 0), ink, on_rule, no_v_rules)
    assert piece is not None
    assert piece.ink.y0 >= 110 and piece.ink.y1 <= 180 and piece.ink.height >= 55
    assert piece.detected == detected  # what is read is the detector's box
    # A dash boxed as a line leaves nothing off its rule: still dropped.
    dash = np.zeros_like(ink)
    dash[100:104, 40:560] = 255
    assert _off_the_rules(LinePiece(fitted, detected, 0), dash, on_rule, no_v_rules) is None


def _aslant_rule_and_type() -> tuple[np.ndarray, np.ndarray]:
    """A 4-px rule falling 50 px from right to left across 1,800 px (box
    y 20-74), and a line of 28-px type under its high end (x 1450-1760,
    y 38-66): the rule's ink and the type's."""
    rule_ink = np.zeros((200, 1800), np.uint8)
    for x in range(0, 1800, 4):
        y = 70 - x * 50 // 1800
        rule_ink[y : y + 4, x : x + 4] = 255
    type_ink = np.zeros_like(rule_ink)
    for x in range(1450, 1760, 22):
        type_ink[38:66, x : x + 10 : 3] = 255
        type_ink[38:66:5, x : x + 10] = 255
    return rule_ink, type_ink


def test_a_line_of_type_under_the_high_end_of_a_rule_printed_aslant_is_kept() -> None:
    # NZZ 1900: the rule under the page's head drops 55 px across 3,500, so
    # its box is 70 px tall; the first line of the last column, set under
    # the rule's high end inside that box, was masked as rule and dropped.
    from newsprint.layout.rules import rules_mask
    from newsprint.layout.segmentation import _off_the_rules
    from newsprint.layout.textlines import LinePiece

    rule_ink, type_ink = _aslant_rule_and_type()
    ink = rule_ink | type_ink
    rule, line, body = Box(0, 20, 1800, 74), Box(1450, 38, 1760, 66), 35.0
    as_box = rules_mask(ink.shape, [rule], 1)
    along = rules_mask(ink.shape, [rule], 1, ink, body)
    no_borders = np.zeros_like(ink)
    assert _off_the_rules(LinePiece(line, line, 0), ink, as_box, no_borders) is None
    kept = _off_the_rules(LinePiece(line, line, 0), ink, along, no_borders)
    assert kept is not None and kept.ink.height >= 25
    # The rule's own ink is all in the mask, the type's not.
    assert np.all(along[rule_ink > 0] > 0)
    assert np.count_nonzero(along[type_ink > 0]) == 0
    # A level rule, thin, is masked as its box, as before.
    level = Box(0, 150, 1800, 154)
    assert np.array_equal(
        rules_mask(ink.shape, [level], 1, ink, body), rules_mask(ink.shape, [level], 1)
    )
    with pytest.raises(ValueError, match="em"):
        rules_mask(ink.shape, [rule], 1, ink)


def test_a_dotted_stretch_of_a_rule_aslant_is_masked_as_its_box() -> None:
    # Where no row of a strip is filled across (dots, wear, a break), the
    # rule is not followed there: that strip of its box is masked whole.
    from newsprint.layout.rules import rules_mask

    rule_ink, type_ink = _aslant_rule_and_type()
    rule_ink[:, :600] = 0
    for x in range(0, 600, 12):  # the left third dotted
        y = 70 - x * 50 // 1800
        rule_ink[y : y + 4, x : x + 4] = 255
    ink = rule_ink | type_ink
    along = rules_mask(ink.shape, [Box(0, 20, 1800, 74)], 1, ink, 35.0)
    assert np.all(along[19:75, 0:560] > 0)
    assert np.all(along[rule_ink > 0] > 0)
    assert np.count_nonzero(along[type_ink > 0]) == 0


def _columns_with_a_guttered_worn_rule(display_rows: tuple[int, int] | None = None) -> np.ndarray:
    """A 2-px column rule 6 px from the type on either side (synthetic
    en-old-5001), broken into pieces 150 px long with 60-px breaks (four
    lines); ``display_rows``: a line of display type across both columns
    there."""
    return _ruled_columns(1200, 6, range(40, 1160, 210), display_rows, 10)


def test_a_worn_rule_in_a_narrow_gutter_is_bridged_between_its_pieces_where_lines_are_known() -> (
    None
):
    # Synthetic en-old-5001: the detector read lines across the breaks of the
    # rule, so the columns' lines there were read as one. With the page's
    # lines known, each break between two pieces of the rule is bridged.
    ink = _columns_with_a_guttered_worn_rule()
    pieces = [Box(448, y, 452, y + 150) for y in range(40, 1160, 210)]
    lines = [Box(40, y + 3, 860, y + 17) for y in range(40, 1160, 20)]
    rules = follow_broken_rules(ink, pieces, BODY, type_lines=lines)
    assert [(r.y0, r.y1) for r in rules] == [(40, pieces[-1].y1)]
    # A break one row longer than a whole number of windows (43 rows, the
    # window 42) is bridged too: its last sliver of a row shows no profile.
    sliver = _ruled_columns(1200, 6, range(40, 1160, 193), None, 10)
    cut = [Box(448, y, 452, y + 150) for y in range(40, 1160, 193)]
    assert len(follow_broken_rules(sliver, cut, BODY, type_lines=lines)) == 1
    # Without the lines the pieces stay as found (as the gutter test above).
    assert len(follow_broken_rules(ink, pieces, BODY)) == len(pieces)
    # A line of display type across a break interrupts the rule there, by
    # its detected line alone (its ink kept off the rule's place).
    ink = _columns_with_a_guttered_worn_rule(display_rows=(600, 630))
    ink[590:640, 430:470] = 0
    headline = Box(60, 600, 840, 630)
    rules = follow_broken_rules(ink, pieces, BODY, type_lines=[*lines, headline])
    assert not any(r.y0 < 600 and r.y1 > 630 for r in rules)
    # Nor is a break bridged where no columns of type run on beside it (the
    # white band between two stories, a headline on one side: zh-hant-1009).
    ink = _columns_with_a_guttered_worn_rule()
    ink[395:465, :] = 0
    apart = [ln for ln in lines if ln.y1 <= 395 or ln.y0 >= 465]
    rules = follow_broken_rules(ink, pieces, BODY, type_lines=apart)
    assert not any(r.y0 < 400 and r.y1 > 460 for r in rules)
    # So does a rule across the columns in a break (zh-hant-1000: the rule
    # over a band of stories, the column rules stopping short of it).
    ink = _columns_with_a_guttered_worn_rule()
    band_rule = Box(40, 400, 860, 403)
    rules = follow_broken_rules(ink, pieces, BODY, [band_rule], type_lines=lines)
    assert not any(r.y0 < 400 and r.y1 > 403 for r in rules)
    # Nor where a line set across the columns fills the gutter in the break
    # (the centred footer of a two-column advert under its rule, The
    # Publishers' Circular 1883 p312), even with a word space on the
    # rule's own place.
    ink = _columns_with_a_guttered_worn_rule()
    ink[190:250, :] = 0
    ink[203:217, 300:446] = 255
    ink[203:217, 454:600] = 255
    footer = [ln for ln in lines if ln.y1 <= 190 or ln.y0 >= 250] + [Box(300, 203, 600, 217)]
    rules = follow_broken_rules(ink, pieces, BODY, type_lines=footer)
    assert not any(r.y0 < 203 and r.y1 > 217 for r in rules)


def test_a_worn_cut_off_rule_is_found_at_half_resolution() -> None:
    # A 2-pixel dash 100 pixels long, worn to pieces, between two stories of
    # a column on a page searched at half resolution: its pieces straddle a
    # cell boundary there (2 cells thick) and were taken for no dashes, so
    # the stories ran together (en-old-5001's worn dashes are 2 pixels).
    ink = np.zeros((1700, 1700), np.uint8)
    for y in list(range(100, 500, 20)) + list(range(540, 900, 20)):
        ink[y + 3 : y + 17, 40:440] = 255
        ink[y + 3 : y + 17, 40:440:31] = 0
    ink[521, 190:290] = 255
    ink[522, 200:280] = 255
    for x in range(203, 290, 16):
        ink[521:523, x : x + 3] = 0  # the rule's wear
    h_rules, _, _ = find_rules(ink, BODY, Settings().layout)
    assert any(abs(r.cy - 522) <= 2 and r.width >= 80 for r in h_rules)


def test_a_short_dash_alone_between_two_stories_is_a_rule_and_a_dash_in_a_line_is_not() -> None:
    # Synthetic en-old-1001: a 55-pixel dash, worn, centred in a 313-pixel
    # column between two stories, under the four body lines a rule needs;
    # specks of the 1-bit scan round it. An em dash set in a line of type
    # (letters on its row) is no rule.
    ink = np.zeros((900, 800), np.uint8)
    for y in list(range(100, 400, 20)) + list(range(450, 750, 20)):
        ink[y + 3 : y + 17, 40:353] = 255
        ink[y + 3 : y + 17, 40:353:31] = 0
    ink[425:428, 170:225] = 255
    ink[425:428, 190:192] = 0  # worn through
    ink[418, 200] = ink[433, 180:182] = 255  # specks
    ink[250:253, 420:460] = 255  # a dash of the text, type either side
    ink[243:257, 390:418] = ink[243:257, 462:500] = 255
    h_rules, _, _ = find_rules(ink, BODY, Settings().layout)
    assert any(r.y0 >= 424 and r.y1 <= 429 and r.width >= 50 for r in h_rules)
    assert not any(r.y0 >= 248 and r.y1 <= 255 for r in h_rules)


def test_a_dash_long_enough_for_a_rule_but_worn_into_pieces_is_found() -> None:
    # Synthetic en-old-5001: a 105-pixel dash between two stories of a
    # column, worn into pieces by gaps of up to 4 pixels (0.3 body), its two
    # rows worn apart (the rows as scanned). Long enough for a rule, it was
    # no lone dash, and the rule search does not close horizontal strokes:
    # the two stories ran together.
    ink = np.zeros((900, 800), np.uint8)
    for y in list(range(100, 400, 20)) + list(range(450, 750, 20)):
        ink[y + 3 : y + 17, 40:353] = 255
        ink[y + 3 : y + 17, 40:353:31] = 0
    worn = (
        "##############....##....###.#############.#########...###########...#########...###############..##",
        "...................##.......######..######.######################...##.................###...###.##",
    )
    for dy, row in enumerate(worn):
        ink[425 + dy, 150 : 150 + len(row)] = [255 if c == "#" else 0 for c in row]
    h_rules, _, _ = find_rules(ink, BODY, Settings().layout)
    assert any(r.y0 >= 424 and r.y1 <= 428 and r.width >= 90 for r in h_rules)


def test_a_double_rule_across_the_page_is_a_rule() -> None:
    # A 6-px and a 3-px rule a pixel apart under the running head of 11-px
    # type, level: at half resolution one 6-px bar, too thick for a rule, and
    # lost with the running head it sets off (generated en-old-5000).
    body = 11.0
    ink = np.zeros((1700, 1800), np.uint8)
    ink[40:52, 60:300] = 255  # the running head's dateline
    ink[103:109, 50:1750] = 255
    ink[110:113, 50:1750] = 255
    for y in range(130, 1650, 16):  # body type in four columns
        for x in (60, 480, 900, 1320):
            ink[y : y + 9, x : x + 380] = 255
    h_rules, _, _ = find_rules(ink, body, Settings().layout)
    across = [r for r in h_rules if r.width > 1500]
    assert len(across) == 1
    assert across[0].y0 <= 103 and across[0].y1 >= 112
    assert across[0].height < 2 * body


def _small_type_columns_enlarged() -> np.ndarray:
    """Two columns of small type set solid (4-pixel x-height on a 6-pixel
    pitch, ascenders and descenders bridging the lines), parted by a
    1-pixel column rule with 2 pixels of white either side, as on a 55-dpi
    scan of a 1921 weekly; the page enlarged twice (as ``ocr.detect``
    enlarges small type) to 1,700 pixels a side, body 12."""
    rng = np.random.default_rng(5)
    ink = np.zeros((850, 850), np.uint8)
    for y in range(20, 580, 6):
        for x0, x1 in ((20, 168), (173, 330)):
            ink[y + 1 : y + 5, x0:x1] = 255
            ink[y + 1 : y + 5, x0:x1:4] = 0  # letter spaces
            ink[y + 1 : y + 5, x0 + rng.integers(0, 20) : x1 : 23] = 0  # word spaces
            for x in rng.integers(x0, x1, 20):
                ink[y - 1 : y + 7, x] = 255  # ascenders and descenders
    ink[20:580, 170] = 255
    return np.kron(ink, np.ones((2, 2), np.uint8))


def test_a_page_enlarged_for_its_small_type_is_searched_for_rules_at_full_size() -> None:
    # Halved back to its scan's size, the pinhole closing joins the lines
    # and the rule into one wall of ink too thick for a rule (the Port
    # Gibson page: every line read across its first two columns).
    ink = _small_type_columns_enlarged()
    _, v_rules, _ = find_rules(ink, 12.0, Settings().layout, full_size=True)
    assert any(abs(r.cx - 341) <= 2 and r.height >= 800 for r in v_rules)
    _, halved, _ = find_rules(ink, 12.0, Settings().layout)
    assert not any(abs(r.cx - 341) <= 2 and r.height >= 800 for r in halved)


def _column_with_a_stroke(
    type_against_it: bool, lines_across: bool
) -> tuple[np.ndarray, list[Box]]:
    """A solid 2-px stroke down x 449-451 over 30 lines of 14-px type: the
    type running through it (a scratch in the film down the middle of a
    column) or parted from it by 3 px of white either side (a column rule);
    with the detector's line boxes run across it, or ending 3 px short of
    it on the left and starting 3 px past it on the right."""
    ink = np.zeros((700, 900), np.uint8)
    lines = []
    for y in range(40, 640, 20):
        ink[y + 3 : y + 17, 40:860] = 255
        ink[y + 3 : y + 17, 40:860:31] = 0  # word spaces
        if not type_against_it:
            ink[y + 3 : y + 17, 446:454] = 0  # the white either side of the rule
        if lines_across:
            lines.append(Box(40.0, float(y), 860.0, float(y + 20)))
        else:
            lines += [Box(40.0, float(y), 446.0, float(y + 20))]
            lines += [Box(454.0, float(y), 860.0, float(y + 20))]
    ink[30:660, 449:451] = 255
    return ink, lines


def test_a_scratch_down_a_column_that_its_lines_run_through_is_no_rule() -> None:
    # NCSE's NS2 1843 p4: a scratch down the middle of a column, found as a
    # rule, cut each of its 191 lines in two.
    ink, lines = _column_with_a_stroke(type_against_it=True, lines_across=True)
    _, v_rules, _ = find_rules(ink, BODY, Settings().layout, lines)
    assert not any(r.x0 <= 450 <= r.x1 for r in v_rules)
    ink, lines = _column_with_a_stroke(type_against_it=False, lines_across=False)
    _, v_rules, _ = find_rules(ink, BODY, Settings().layout, lines)
    assert any(r.x0 <= 450 <= r.x1 and r.height > 500 for r in v_rules)


def test_a_column_rule_the_detector_joined_every_line_across_stays_a_rule() -> None:
    # A thin rule with a hairline of white either side: the detector may box
    # the two columns' lines as one, and the rule is what parts them.
    ink, lines = _column_with_a_stroke(type_against_it=False, lines_across=True)
    _, v_rules, _ = find_rules(ink, BODY, Settings().layout, lines)
    assert any(r.x0 <= 450 <= r.x1 and r.height > 500 for r in v_rules)


def test_a_column_rule_leaning_off_the_lines_is_boxed_as_a_chain_down_it() -> None:
    # Star of Freedom 1852 p14: the film leans the column rules 1.1° off the
    # page's lines (54 px over the page). Boxed whole, the rule covered the
    # first letters of the column it drifts into, and they were lost.
    body, height = 20.0, 2400
    ink = np.zeros((height, 900), np.uint8)
    for y in range(40, height - 40, 24):  # columns of type, each line clear of the rule
        x = 430 + round(50 * y / height)  # where the rule is on this line's rows
        ink[y + 5 : y + 17, 40 : x - 8] = 255
        ink[y + 5 : y + 17, x + 10 : 860] = 255
        ink[y + 5 : y + 17, 40:860:37] = 0  # word spaces
    for y in range(20, height - 20):
        x = 430 + round(50 * y / height)
        ink[y, x : x + 2] = 255
    _, v_rules, _ = find_rules(ink, body, Settings().layout)

    def rule_x(y: float) -> int:
        return 430 + round(50 * y / height)

    # (The even edge of the synthetic type beside it may pass for a short rule.)
    on_rule = [r for r in v_rules if r.x0 - 1 <= rule_x(r.cy) <= r.x1 + 1]
    assert len(on_rule) > 1
    assert max(r.width for r in on_rule) <= 0.6 * body  # each box a stroke wide
    covered = np.zeros(height, bool)
    for r in on_rule:
        covered[int(r.y0) : int(r.y1)] = True
        # No box reaches into the type beside the rule on its rows.
        rows = slice(int(r.y0), int(r.y1))
        beside = ink[rows, int(r.x0) : int(np.ceil(r.x1))].copy()
        for y in range(int(r.y0), int(r.y1)):
            x = rule_x(y)
            beside[y - int(r.y0), max(0, x - int(r.x0) - 2) : x - int(r.x0) + 4] = 0
        assert not beside.any()
    assert covered[40 : height - 40].mean() > 0.95


def _framed_advert(stroke: int) -> np.ndarray:
    """The unseen 1939 晶報 fold's masthead band, drawn: a framed advert of
    display lines (23-px body) in a frame ``stroke`` px thick, on a page big
    enough to be searched at half resolution."""
    ink = np.zeros((1800, 1700), np.uint8)
    x0, y0, x1, y1 = 380, 570, 940, 1130
    ink[y0 : y0 + stroke, x0:x1] = 255
    ink[y1 - stroke : y1, x0:x1] = 255
    ink[y0:y1, x0 : x0 + stroke] = 255
    ink[y0:y1, x1 - stroke : x1] = 255
    for y in range(620, 1040, 90):  # the advert's lines: characters 50 px, 12 px apart
        for x in range(420, 880, 62):
            ink[y : y + 50, x : x + 50 : 5] = 255
            ink[y : y + 50 : 6, x : x + 50] = 255
    return ink


def test_a_heavy_frame_round_an_advert_is_a_rule_and_a_bar_is_not() -> None:
    # The unseen 1939 晶報 fold: the frames of the adverts either side of the
    # nameplate are drawn 14-17 px thick on 23-px body lines; taken for no
    # rules, the frames joined the adverts and the nameplate into one "photo".
    h_rules, v_rules, _ = find_rules(_framed_advert(15), 23.0, Settings().layout)
    assert any(abs(r.cx - 387) <= 6 and r.height >= 500 for r in v_rules)
    assert any(abs(r.cx - 933) <= 6 and r.height >= 500 for r in v_rules)
    assert any(abs(r.cy - 577) <= 6 and r.width >= 500 for r in h_rules)
    assert any(abs(r.cy - 1123) <= 6 and r.width >= 500 for r in h_rules)
    # A bar 0.87 body thick is no rule.
    h_rules, v_rules, _ = find_rules(_framed_advert(20), 23.0, Settings().layout)
    assert not v_rules and not h_rules


def test_a_rule_a_photo_touches_along_part_of_its_length_is_a_rule() -> None:
    # ECPO 1921-01-15: a rule under a story's band, 4 px on 29-px body, with a
    # photo set tight under it along a third of its length, its top dark: the
    # photo's dark rows, run along the rule, made the whole too thick for one.
    body = 29.0
    ink = np.zeros((2400, 2000), np.uint8)
    ink[500:504, 100:1900] = 255
    ink[504:560, 300:900] = 255  # the photo's dark top
    photo = np.random.default_rng(3).random((300, 600)) < 0.5
    ink[560:860, 300:900][photo] = 255
    h_rules, _, _ = find_rules(ink, body, Settings().layout)
    across = [r for r in h_rules if r.width > 1500]
    assert len(across) == 1, h_rules
    assert across[0].y0 >= 496 and across[0].y1 <= 508
    # A dark band as thick all along is no rule.
    ink[504:530, 100:1900] = 255
    h_rules, _, _ = find_rules(ink, body, Settings().layout)
    assert not [r for r in h_rules if r.width > 1500 and r.y0 < 520]


def test_the_feet_of_a_line_of_type_are_no_rule() -> None:
    """The serifs along the foot of worn, bold type, joined by the dashed-rule
    search (Deseret News 1850 p7: the feet of "intends emigrating", 94
    pixels), lie inside the detector's box of their line and are inked over
    half their length: no rule. A solid rule inside a line's box, a broken
    one in the white between two lines, and a broken one that the detector
    boxed as a line of its own stay rules."""
    from newsprint.layout.rules import _feet_of_type

    ink = np.zeros((80, 400), np.uint8)
    for x in range(100, 300, 10):  # letter feet: 5 pixels inked, 5 of paper
        ink[40:42, x : x + 5] = 255
    ink[60:62, 100:300] = 255  # a solid rule
    line = Box(90, 20, 310, 64)
    feet = Box(100, 40, 300, 42)
    solid = Box(100, 60, 300, 62)
    em = 20.0
    assert _feet_of_type(ink, feet, [line], em)
    assert not _feet_of_type(ink, solid, [line], em)
    assert not _feet_of_type(ink, feet, [Box(90, 50, 310, 70)], em)  # outside: a dashed rule
    assert not _feet_of_type(ink, feet, [Box(100, 39, 300, 43)], em)  # the rule boxed as a line


def test_an_upright_stroke_of_a_headline_s_character_is_no_rule() -> None:
    """A 2010 city daily at 72 dpi, enlarged (农民日报): the upright strokes of
    a headline's characters, 90 px tall on 16-px body type, were found as
    rules and cut the headline into three. Inside the detector's box of a
    line of display type, an upright with a stroke across it (推) or its
    character's strokes and the next one's close on both sides (向) is no
    rule; a rule standing in white between two headlines on one row (half a
    body line of it, or more) and the side of a frame round a headline,
    whose strokes meet it only at its ends, stay rules. A piece of ink
    shaped like one character (国's frame on 东莞日报 of 2026: a frame the
    size of a character, or a short rule a letter sticks to) is a stroke."""
    em = 16.0
    ink = np.zeros((700, 1500), np.uint8)
    for y in range(260, 680, 22):  # two columns of body type under the headline
        ink[y + 3 : y + 15, 40:700] = 255
        ink[y + 3 : y + 15, 740:1460] = 255
        ink[y + 3 : y + 15, 40:1460:23] = 0
    top, bottom = 125, 215
    ink[top:bottom, 200:208] = 255  # an upright with a cross stroke mid-length
    ink[168:176, 170:240] = 255
    ink[top:bottom, 400:408] = 255  # an upright, strokes 4 px off on both sides
    ink[140:150, 390:396] = 255
    ink[180:190, 412:418] = 255
    for x, white in ((700, 34), (850, 8)):  # rules between two headlines
        ink[top:bottom, x : x + 6] = 255
        ink[140:200, x - white - 30 : x - white] = 255
        ink[140:200, x + 6 + white : x + 36 + white] = 255
    ink[top:bottom, 1000:1006] = 255  # the side of a frame round three characters
    ink[top : top + 6, 720:1006] = 255
    ink[bottom - 6 : bottom, 720:1006] = 255
    ink[top:bottom, 1200:1206] = 255  # a frame the size of one character (国)
    ink[top : top + 6, 1200:1280] = 255
    ink[bottom - 6 : bottom, 1200:1280] = 255
    ink[top:bottom, 1320:1326] = 255  # a short rule with a letter stuck to its left side
    ink[160:180, 1290:1320] = 255
    headline = Box(150, 110, 1400, 230)

    def uprights(display: list[Box]) -> list[int]:
        _, v_rules, _ = find_rules(ink, em, Settings().layout, display_lines=display)
        return sorted(round(r.cx) for r in v_rules if r.y1 < 240)

    assert uprights([]) == [204, 404, 703, 853, 1003, 1203, 1323]
    assert uprights([headline]) == [703, 853, 1003]


def test_a_stroke_across_in_a_headline_s_character_is_no_rule() -> None:
    """东莞日报 of 2026, A03 (enlarged twice): the top of 国's frame, 市's
    top stroke and 土 under 型, 130-pixel characters on 28-pixel body type,
    were found as rules across and cut the headline. Inside the detector's
    box of a line of display type, a run across that belongs to a piece of
    ink shaped like one character is no rule; a rule under the headline that
    its letters touch (a piece far wider than high) and a rule across the
    page outside the box stay."""
    em = 28.0
    ink = np.zeros((600, 1600), np.uint8)
    top, bottom = 120, 250
    ink[top : top + 8, 300:430] = 255  # 口: a frame the size of a character
    ink[bottom - 8 : bottom, 300:430] = 255
    ink[top:bottom, 300:308] = 255
    ink[top:bottom, 422:430] = 255
    ink[200:208, 500:640] = 255  # 土: two strokes across, one down between
    ink[242:250, 480:660] = 255
    ink[160:250, 566:574] = 255
    ink[252:258, 700:1500] = 255  # a rule under letters that touch it
    ink[200:252, 720:1480:60] = 255
    ink[400:405, 40:1560] = 255  # a rule across the page, under the headline
    headline = Box(280, 110, 1520, 262)

    def rules_across(display: list[Box]) -> list[tuple[int, int]]:
        h_rules, _, _ = find_rules(ink, em, Settings().layout, display_lines=display)
        return sorted((round(r.x0 / 10) * 10, round(r.cy)) for r in h_rules)

    assert rules_across([]) == [
        (40, 402),
        (300, 124),
        (300, 246),
        (480, 246),
        (500, 204),
        (700, 255),
    ]
    assert rules_across([headline]) == [(40, 402), (700, 255)]


def test_a_rule_aslant_just_under_a_headline_s_character_stays_a_rule() -> None:
    """A rule under a headline, drawn 8 pixels aslant over 600, passes 2
    pixels under a character it does not touch: its box takes in the
    character's foot, a bigger piece of ink than the rule. The piece judged
    is the one with most ink in the run's box, the rule (a helper's review)."""
    em = 28.0
    ink = np.zeros((500, 1000), np.uint8)
    ink[120:128, 300:430] = 255  # 口
    ink[242:250, 300:430] = 255
    ink[120:250, 300:308] = 255
    ink[120:250, 422:430] = 255
    for x in range(250, 850):  # 8 pixels aslant: its box reaches 口's foot
        y = round(256 - 8 * (x - 250) / 600)
        ink[y - 2 : y + 2, x] = 255
    headline = Box(240, 110, 900, 262)
    h_rules, _, _ = find_rules(ink, em, Settings().layout, display_lines=[headline])
    assert any(r.width > 500 and r.y0 < 249 and 245 <= r.cy <= 260 for r in h_rules)


def test_a_dashed_rule_under_a_headline_stays_a_rule() -> None:
    """晶報 of 1919 (the ECPO fold): a dashed rule under a headline in a
    frame, 20 x 5-pixel dashes. A dash is a quarter as high as wide, as
    square as 土 by that measure, but holds a tenth of the run's ink: no
    character's stroke."""
    em = 25.0
    ink = np.zeros((400, 900), np.uint8)
    for x in range(100, 400, 28):
        ink[300:305, x : x + 20] = 255
    headline = Box(80, 160, 620, 310)

    def dashed(display: list[Box]) -> bool:
        h_rules, _, _ = find_rules(ink, em, Settings().layout, display_lines=display)
        return any(r.width > 200 and 296 <= r.cy <= 306 for r in h_rules)

    assert dashed([]) and dashed([headline])
