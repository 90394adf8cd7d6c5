"""Folds: two newspaper pages side by side in one scan are read as two pages."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from newsprint.core.settings import ScanSettings
from newsprint.layout.folds import find_fold
from newsprint.scans import inspect_scan, load_scan, load_scan_page
from PIL import Image, ImageDraw
from synth import column_page

from pagegen.vertical import VerticalSpec, generate_vertical_page

GUTTER = 60


def _fold(left: Image.Image, right: Image.Image, gutter: int = GUTTER) -> Image.Image:
    """Two pages side by side on one sheet, ``gutter`` pixels of paper between them."""
    width = left.width + gutter + right.width
    sheet = Image.new("L", (width, max(left.height, right.height)), 255)
    sheet.paste(left.convert("L"), (0, 0))
    sheet.paste(right.convert("L"), (left.width + gutter, 0))
    return sheet


@pytest.fixture(scope="module")
def vertical_fold() -> Image.Image:
    spec = VerticalSpec(seed=5, width=1100, height=1500, stories_per_band=2, bands=3)
    left, _ = generate_vertical_page(spec)
    right, _ = generate_vertical_page(VerticalSpec(seed=6, width=1100, height=1500, bands=3))
    return _fold(left, right)


def test_a_vertical_fold_is_cut_in_its_gutter_right_page_first(vertical_fold: Image.Image) -> None:
    fold = find_fold(np.asarray(vertical_fold))
    assert fold is not None
    assert 1100 <= fold.cut <= 1100 + GUTTER
    assert fold.right_first
    (first, second) = fold.pages
    assert first == (fold.cut, 0, vertical_fold.width, vertical_fold.height)
    assert second == (0, 0, fold.cut, vertical_fold.height)


def test_a_horizontal_fold_reads_the_left_page_first() -> None:
    page = column_page(columns=3, lines_per_column=42, col_width=340, headline=None)
    fold = find_fold(np.asarray(_fold(page, page)))
    assert fold is not None and not fold.right_first
    assert fold.pages[0][0] == 0


def test_a_fold_of_pages_with_ruled_columns_is_cut_between_them() -> None:
    """Old pages rule their columns and cross them with rules (under a
    headline, between stories): no gutter between columns runs clear all the
    way down, yet the fold's gutter is clearly wider than a column's, strip
    by strip."""
    pages = []
    for _ in range(2):
        page = column_page(columns=3, lines_per_column=42, col_width=330, rules=True)
        draw = ImageDraw.Draw(page)
        for y in (150, 700):  # a rule across the page's columns, margin to margin
            draw.line([(60, y), (page.width - 60, y)], fill=20, width=3)
        pages.append(page)
    fold = find_fold(np.asarray(_fold(*pages)))
    assert fold is not None and not fold.right_first
    assert pages[0].width <= fold.cut <= pages[0].width + GUTTER


def test_one_page_is_no_fold() -> None:
    portrait, _ = generate_vertical_page(VerticalSpec(seed=7, width=900, height=1300))
    assert find_fold(np.asarray(portrait)) is None
    # A page of vertical print is landscape when scanned sideways, but small.
    assert find_fold(np.asarray(portrait.transpose(Image.Transpose.ROTATE_90))) is None
    # A landscape page whose print runs across its middle has no gutter there.
    wide = column_page(columns=1, lines_per_column=20, col_width=2100, headline=None)
    assert wide.width >= 1.2 * wide.height
    assert find_fold(np.asarray(wide)) is None
    # A landscape page of four columns: white between its middle columns all the
    # way down, but no wider than between its others.
    columns = column_page(columns=6, lines_per_column=40, col_width=330)
    assert columns.width >= 1.2 * columns.height
    assert find_fold(np.asarray(columns.convert("L"))) is None


def test_a_fold_scan_loads_as_two_pages_each_its_part(
    vertical_fold: Image.Image, tmp_path: Path
) -> None:
    path = tmp_path / "jb_1919-03-06_p1-p4.png"
    vertical_fold.save(path)
    settings = ScanSettings()
    pages = load_scan(path, settings)
    assert [p.stem for p in pages] == ["jb_1919-03-06_p1-p4-p1", "jb_1919-03-06_p1-p4-p2"]
    right, left = pages
    assert right.part is not None and left.part is not None
    assert right.part[0] == left.part[2] and right.part[2] == vertical_fold.width
    # Each page keeps the whole scan, unmodified: its part says what it reads.
    assert right.image.shape[1] == vertical_fold.width
    assert np.array_equal(right.image, np.asarray(vertical_fold))
    assert inspect_scan(path, settings).page_count == 2
    second = load_scan_page(path, settings, 1)
    assert second.part == left.part and second.page_count == 2
    whole = ScanSettings(split_folds=False)
    assert [p.part for p in load_scan(path, whole)] == [None]
    assert inspect_scan(path, whole).page_count == 1
