"""Faint column rules (layout.faint_rules): a grey hairline in a narrow gutter
is a rule, a column of lines that start with a stem is not."""

from __future__ import annotations

import numpy as np
from newsprint.core.page import RegionType
from newsprint.core.settings import Settings
from newsprint.layout.boxes import Box
from newsprint.layout.faint_rules import faint_column_rules
from newsprint.layout.segmentation import analyse
from PIL import Image, ImageDraw
from synth import _fit, font, text_lines

PAPER, RULE_GREY = 232, 178
MIN_LENGTH = Settings().layout.min_rule_length_lines


def _columns_parted_by_a_hairline(rule: bool) -> tuple[np.ndarray, np.ndarray, int]:
    """Two columns of 12-px type 14 px apart, a 1-px grey rule (grey 178 on
    paper 232, as on en-3002 shrunk to 72 dpi) down the middle of the gutter
    where ``rule``, and the detector's boxes: each row read across both
    columns. Returns the page, the boxes (N x 4) and the rule's x."""
    margin, col, gutter, size, rows = 40, 260, 14, 12, 24
    pitch, top = int(size * 1.5), 40
    img = Image.new("L", (2 * margin + 2 * col + gutter, 2 * top + rows * pitch), PAPER)
    draw = ImageDraw.Draw(img)
    x_rule = margin + col + gutter // 2
    if rule:
        draw.line([(x_rule, top - 10), (x_rule, top + rows * pitch)], fill=RULE_GREY, width=1)
    body = font(size)
    boxes = []
    for r in range(rows):
        y = top + r * pitch
        ends = []
        for c, row in enumerate(text_lines(2, seed=10 * r + 1)):
            x = margin + c * (col + gutter)
            line = _fit(draw, row, body, col)
            draw.text((x, y), line, font=body, fill=30)
            ends.append(draw.textbbox((x, y), line, font=body))
        boxes.append((ends[0][0], ends[0][1] - 2, ends[1][2], ends[1][3] + 2))
    return np.asarray(img), np.asarray(boxes, np.float32), x_rule


def test_a_grey_hairline_in_a_narrow_gutter_is_found_down_its_length() -> None:
    page, boxes, x_rule = _columns_parted_by_a_hairline(rule=True)
    lines = [Box(*b) for b in boxes]
    mask = faint_column_rules(page, 12.0, lines, MIN_LENGTH)
    xs = np.flatnonzero(mask.any(axis=0))
    assert xs.size and abs(xs.mean() - x_rule) <= 1 and np.ptp(xs) <= 2
    rows = np.count_nonzero(mask[:, x_rule - 1 : x_rule + 2].any(axis=1))
    assert rows >= 0.9 * (boxes[-1][3] - boxes[0][1])
    plain, boxes, _ = _columns_parted_by_a_hairline(rule=False)
    assert not faint_column_rules(plain, 12.0, [Box(*b) for b in boxes], MIN_LENGTH).any()


def test_columns_read_across_a_faint_rule_are_parted_at_it() -> None:
    page, boxes, x_rule = _columns_parted_by_a_hairline(rule=True)
    layout = analyse(page, None, Settings().layout, boxes)
    text = [b.box for b in layout.blocks if b.kind == RegionType.TEXT]
    assert text and all(box.x1 < x_rule or box.x0 > x_rule for box in text)
    assert any(box.x1 < x_rule for box in text) and any(box.x0 > x_rule for box in text)
    # The hairline is too light for the page's ink threshold: only its ridge finds it.
    down = boxes[-1][3] - boxes[0][1]
    assert any(r.x0 <= x_rule <= r.x1 and r.height >= 0.9 * down for r in layout.v_rules)


def test_a_column_whose_lines_start_with_a_stem_has_no_rule_down_its_edge() -> None:
    # NZZ 1890's Fraktur: each line's capital or long s puts a stem at the
    # column's left edge, lined up down the page; it is the lines' own ink.
    page = np.full((400, 300), PAPER, np.uint8)
    lines = []
    for y in range(20, 380, 16):  # 4 px of leading: bridged as a worn rule's breaks
        page[y : y + 12, 60:62] = 40  # the first letter's stem
        page[y + 4 : y + 12, 66:240] = 40  # the rest of the line
        lines.append(Box(60, y, 240, y + 12))
    assert not faint_column_rules(page, 12.0, lines, MIN_LENGTH).any()


def test_a_large_page_is_searched_at_half_size_and_keeps_a_one_pixel_rule() -> None:
    # Halved, a hairline at an odd x would be averaged with the paper beside
    # it; each half-size pixel is the darkest of its four.
    for x in (801, 802):
        page = np.full((1700, 1700), PAPER, np.uint8)
        page[100:1600, x] = RULE_GREY + 12
        mask = faint_column_rules(page, 14.0, [], MIN_LENGTH)
        xs = np.flatnonzero(mask.any(axis=0))
        assert xs.size and abs(xs.mean() - x) <= 2
        assert np.count_nonzero(mask[:, xs[0]]) >= 0.9 * 1500


def test_a_one_bit_scan_is_not_searched_for_faint_rules() -> None:
    page, boxes, x_rule = _columns_parted_by_a_hairline(rule=True)
    layout = analyse(page, None, Settings().layout, boxes, bitonal=True)
    assert not any(r.x0 <= x_rule <= r.x1 for r in layout.v_rules)
