"""Vertical type set solid on a square grid, boxed as rows by the detector,
read down (``layout.set_solid``); horizontal type with leading, Latin type and
horizontal pages left as they are. Drawn pages, no models."""

from __future__ import annotations

import numpy as np
from newsprint.core.settings import Settings
from newsprint.layout.binarize import ink_mask
from newsprint.layout.boxes import Box
from newsprint.layout.segmentation import analyse
from newsprint.layout.set_solid import solid_blocks_read_down
from newsprint.layout.textlines import LinePiece, fit_to_ink
from PIL import Image, ImageDraw, ImageFont

MING = "/usr/share/fonts/truetype/arphic/uming.ttc"
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
TEXT = (
    "飲酒過量必有酒醇之毒入血無論燒酒高梁及黃酒淡酒均含酒精也即如山西太谷縣巨商楊小階"
    "先生數年前曾患酒濕後經治愈其近日來函云前數年在廣東大德恆票號協理之時性最喜飲酒"
) * 3
SIZE = 24


def _page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("L", (1400, 1000), 255)
    return image, ImageDraw.Draw(image)


def _vertical_lines(draw: ImageDraw.ImageDraw, count: int = 10) -> list[Box]:
    """Ordinary vertical lines with white between them, at the page's right:
    what tells that the page runs down."""
    font = ImageFont.truetype(MING, SIZE)
    boxes = []
    for i in range(count):
        x = 1350 - 40 * i
        for k in range(14):
            draw.text((x, 60 + k * SIZE), TEXT[(i * 14 + k) % len(TEXT)], font=font, fill=0)
        boxes.append(Box(x - 2, 58, x + SIZE + 2, 62 + 14 * SIZE))
    return boxes


def _grid(
    draw: ImageDraw.ImageDraw, x0: int, y0: int, lines: int, chars: int, across: int, down: int
) -> None:
    """``lines`` vertical lines of ``chars`` characters, ``across`` pixels from
    one line to the next (right to left), ``down`` from one character to the next."""
    font = ImageFont.truetype(MING, SIZE)
    right = x0 + (lines - 1) * across
    for i in range(lines):
        for k in range(chars):
            draw.text(
                (right - i * across, y0 + k * down),
                TEXT[(i * chars + k) % len(TEXT)],
                font=font,
                fill=0,
            )


def _rows(ink: np.ndarray, x0: int, x1: int, y0: int, pitch: int, count: int) -> list[LinePiece]:
    """The detector's rows across a block: one box a row, fitted to its ink."""
    out = []
    for r in range(count):
        box = Box(x0, y0 + r * pitch - 1, x1, y0 + (r + 1) * pitch - 1)
        fitted = fit_to_ink(ink, box)
        assert fitted is not None
        out.append(LinePiece(fitted, box))
    return out


def _columns(ink: np.ndarray, boxes: list[Box]) -> list[LinePiece]:
    return [LinePiece(b, b) for b in boxes]


def test_a_solid_grid_read_as_rows_on_a_vertical_page_becomes_its_lines() -> None:
    image, draw = _page()
    down = _vertical_lines(draw)
    _grid(draw, 100, 500, lines=12, chars=10, across=SIZE + 3, down=SIZE + 3)
    ink = ink_mask(np.array(image))
    rows = _rows(ink, 95, 100 + 12 * (SIZE + 3), 500, SIZE + 3, 10)
    across, lines = solid_blocks_read_down(rows, _columns(ink, down), ink)
    assert across == []
    new = [p for p in lines if p.detected.x0 < 500]
    assert len(new) == 12
    # One line a column of characters, each tall and about a character wide.
    for i, line in enumerate(sorted(new, key=lambda p: -p.ink.x0)):
        right = 100 + (11 - i) * (SIZE + 3)
        assert line.ink.x0 >= right - 4 and line.ink.x1 <= right + SIZE + 4
        assert line.ink.height > 8 * SIZE
    assert len(lines) == 10 + 12  # the page's own vertical lines kept


def test_horizontal_type_with_leading_stays_rows() -> None:
    image, draw = _page()
    down = _vertical_lines(draw)
    font = ImageFont.truetype(MING, SIZE)
    pitch = int(SIZE * 1.5)
    for r in range(8):
        draw.text((100, 500 + r * pitch), TEXT[r * 12 : r * 12 + 12], font=font, fill=0)
    ink = ink_mask(np.array(image))
    rows = _rows(ink, 95, 100 + 12 * SIZE + 5, 500, pitch, 8)
    across, lines = solid_blocks_read_down(rows, _columns(ink, down), ink)
    assert across == rows and len(lines) == len(down)


def test_latin_type_set_close_stays_rows() -> None:
    image, draw = _page()
    down = _vertical_lines(draw)
    font = ImageFont.truetype(SERIF, 22)
    for r in range(8):
        draw.text((100, 500 + r * 25), "Members of the chamber outlined a plan", font=font, fill=0)
    ink = ink_mask(np.array(image))
    rows = _rows(ink, 95, 600, 498, 25, 8)
    across, lines = solid_blocks_read_down(rows, _columns(ink, down), ink)
    assert across == rows and len(lines) == len(down)


def test_a_solid_grid_on_a_horizontal_page_stays_rows() -> None:
    image, draw = _page()
    _grid(draw, 100, 500, lines=12, chars=10, across=SIZE + 3, down=SIZE + 3)
    ink = ink_mask(np.array(image))
    rows = _rows(ink, 95, 100 + 12 * (SIZE + 3), 500, SIZE + 3, 10)
    across, lines = solid_blocks_read_down(rows, [], ink)
    assert across == rows and lines == []


def test_a_line_running_into_the_grid_keeps_its_part() -> None:
    """The grid's first line continues a vertical line from above (ECPO 1919:
    "…酒精也即如" over the rule, "山西太谷縣…" in the grid under it): the
    detector's line keeps what it holds, the grid's line starts under it."""
    image, draw = _page()
    down = _vertical_lines(draw)
    across_pitch = SIZE + 3
    _grid(draw, 100, 500, lines=8, chars=10, across=across_pitch, down=across_pitch)
    right = 100 + 7 * across_pitch
    font = ImageFont.truetype(MING, SIZE)
    for k in range(8):
        draw.text((right, 500 - (8 - k) * across_pitch), TEXT[k], font=font, fill=0)
    ink = ink_mask(np.array(image))
    above = Box(right - 2, 500 - 8 * across_pitch - 2, right + SIZE + 2, 500 + 2 * across_pitch - 2)
    rows = _rows(ink, 95, right + SIZE + 5, 500, across_pitch, 10)
    _, lines = solid_blocks_read_down(rows, _columns(ink, [*down, above]), ink)
    first = [
        p
        for p in lines
        if p.detected.x0 >= right - 4 and p.detected.x1 < 500 and p.detected is not above
    ]
    assert len(first) == 1
    assert first[0].ink.y0 >= above.y1 - 2  # what the long line holds is not read twice
    assert any(p.detected is above for p in lines)


def test_layout_reads_a_grid_the_detector_boxed_as_rows_down() -> None:
    """Through the layout stage: detected rows over the grid, detected vertical
    lines beside it; the grid's block is made of vertical lines."""
    image, draw = _page()
    down = _vertical_lines(draw)
    pitch = SIZE + 3
    _grid(draw, 100, 500, lines=12, chars=10, across=pitch, down=pitch)
    rows = [
        Box(95, 500 + r * pitch - 1, 100 + 12 * pitch, 500 + (r + 1) * pitch - 1) for r in range(10)
    ]
    detected = np.array([b.as_tuple() for b in [*down, *rows]], dtype=float)
    layout = analyse(np.array(image), None, Settings().layout, detected)
    in_grid = [
        line for block in layout.blocks for line in block.lines if line.x1 < 500 and line.y0 > 450
    ]
    assert len(in_grid) == 12
    assert all(line.height > 8 * SIZE for line in in_grid)


def test_layout_leaves_out_rows_read_across_the_heads_of_vertical_lines() -> None:
    """Through the layout stage: the detector boxed three rows across the
    heads of ten ordinary vertical lines (white between them, so no grid) as
    well as the lines (ECPO 1940). The rows are in no block; the lines are."""
    image, draw = _page()
    down = _vertical_lines(draw)
    heads = [Box(1000, 58 + r * SIZE, 1380, 58 + (r + 1) * SIZE) for r in range(3)]
    detected = np.array([b.as_tuple() for b in [*down, *heads]], dtype=float)
    layout = analyse(np.array(image), None, Settings().layout, detected)
    lines = [line for block in layout.blocks for line in block.lines]
    assert not [line for line in lines if line.width > 3 * line.height]
    assert len([line for line in lines if line.height > 10 * SIZE]) == 10
