"""Detected pieces of one line joined again (``ocr.stage._merge_fragments``)."""

from __future__ import annotations

from newsprint.ocr.engine import OcrLine
from newsprint.ocr.stage import _merge_fragments, box_corners


def _line(text: str, box: tuple[float, float, float, float]) -> OcrLine:
    return OcrLine(text, 0.9, box_corners(box), box)


def _band_of_columns(count: int) -> list[OcrLine]:
    """``count`` vertical lines of 8 characters (30 x 210 pixels) side by side,
    28 pixels apart, at one height: a band of a vertical story."""
    text = "字" * 7
    return [_line(f"列{i}{text}", (100 + 28 * i, 500, 130 + 28 * i, 710)) for i in range(count)]


def _fragments(count: int) -> list[OcrLine]:
    """Small square pieces (one character each) the detector found in a worn block."""
    return [_line("口", (1000 + 40 * i, 520, 1030 + 40 * i, 550)) for i in range(count)]


def test_pieces_of_a_row_are_joined_left_to_right():
    merged = _merge_fragments(
        [_line("world", (300, 100, 500, 130)), _line("hello", (50, 102, 250, 131))]
    )
    assert [ln.text for ln in merged] == ["hello world"]


def test_vertical_lines_are_never_joined_into_a_row_across_a_band():
    # Tall lines a minority among a worn block's fragments: each stays a line
    # of its own (read once as one 315-character "row", ECPO 1940).
    lines = _band_of_columns(5) + _fragments(8)
    merged = _merge_fragments(lines)
    tall = [ln for ln in merged if ln.text.startswith("列")]
    assert sorted(ln.text for ln in tall) == sorted(ln.text for ln in _band_of_columns(5))
    assert max(len(ln.text) for ln in merged) < 20


def test_a_vertical_region_gives_its_lines_right_to_left():
    lines = _band_of_columns(3) + _fragments(5)
    merged = _merge_fragments(lines, vertical=True)
    columns = [ln.text for ln in merged if ln.text.startswith("列")]
    assert columns == ["列2字字字字字字字", "列1字字字字字字字", "列0字字字字字字字"]
