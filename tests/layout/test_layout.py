"""Deskew and segmentation on small synthetic pages."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from newsprint.core.page import NewspaperPage, RegionType
from newsprint.core.settings import Settings
from newsprint.layout import deskew, estimate_skew, segment
from newsprint.layout.binarize import flatten_background, ink_mask, is_bitonal, is_negative
from newsprint.layout.border import (
    _painted,
    _pixels_within,
    grown_over_faint_print,
    scanner_artifacts,
)
from newsprint.layout.boxes import Box
from newsprint.layout.deskew import _candidate_angles
from newsprint.layout.direction import untranspose
from newsprint.layout.segmentation import analyse, read_boxes
from PIL import Image, ImageDraw
from synth import _fit, column_page, font, speckled_text_page, text_lines


def _page(img: Image.Image) -> NewspaperPage:
    arr = np.asarray(img.convert("L"))
    return NewspaperPage(
        source="synthetic.png", sha256="0" * 64, width=arr.shape[1], height=arr.shape[0], image=arr
    )


@pytest.fixture(scope="module")
def straight() -> Image.Image:
    return column_page(columns=4, lines_per_column=24, photo=True)


@pytest.mark.parametrize("angle", [0.0, 0.35, -1.7, 4.2, -9.5, 14.0])
def test_known_skew_is_recovered_within_a_tenth_of_a_degree(
    straight: Image.Image, angle: float
) -> None:
    skewed = straight.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=240)
    assert estimate_skew(np.asarray(skewed)) == pytest.approx(angle, abs=0.1)


def test_a_level_page_under_heavy_dust_reads_level() -> None:
    # 9,000 specks of 1-4 px outnumber the letters: their height is not the
    # type's, and the letters must still be what the skew is measured on.
    assert estimate_skew(speckled_text_page()) == pytest.approx(0.0, abs=0.1)


def test_near_best_coarse_angles_are_each_searched_finely() -> None:
    # Two families of rules, at -0.5 and +0.5 degrees, scoring about alike:
    # both are peaks of the coarse profile, and both go to the fine search.
    ink = np.zeros((1400, 1000), np.uint8)
    for top, slope, count in ((80, -0.5, 16), (640, 0.5, 20)):
        tilt = np.tan(np.radians(slope))
        for y in range(top, top + 30 * count, 30):
            cv2.line(ink, (0, y + round(500 * tilt)), (999, y - round(499 * tilt)), 255, 2)
    candidates = _candidate_angles(ink, np.arange(-2, 2 + 1e-9, 0.25))
    assert sorted(candidates) == pytest.approx([-0.5, 0.5], abs=0.1)


def _columns_out_of_phase(columns: int = 4, size: int = 20, lines: int = 14) -> Image.Image:
    """Columns whose lines sit half a line apart from their neighbours' and
    which end at different heights, as articles set on their own grids do."""
    margin, pitch, col_width, gutter = 50, int(size * 1.35), 260, 36
    width = 2 * margin + columns * col_width + (columns - 1) * gutter
    height = 2 * margin + (lines + 3 * columns) * pitch
    img = Image.new("L", (width, height), 240)
    draw = ImageDraw.Draw(img)
    body = font(size)
    for c in range(columns):
        x, y = margin + c * (col_width + gutter), margin + (c % 2) * pitch // 2
        for r, text in enumerate(text_lines(lines + 3 * c, seed=c)):
            draw.text((x, y + r * pitch), _fit(draw, text, body, col_width), font=body, fill=10)
    return img


@pytest.mark.parametrize("angle", [0.0, -1.0, 1.5])
def test_lines_of_neighbouring_columns_out_of_phase_do_not_pull_the_skew(angle: float) -> None:
    # A plain sum of squares of the profile lined up each line with the next
    # column's line half a pitch lower and read 2.5 degrees off here.
    skewed = _columns_out_of_phase().rotate(
        angle, resample=Image.BICUBIC, expand=True, fillcolor=240
    )
    assert estimate_skew(np.asarray(skewed)) == pytest.approx(angle, abs=0.05)


def test_deskew_maps_working_pixels_back_to_the_scan(straight: Image.Image) -> None:
    skewed = straight.rotate(3.0, resample=Image.BICUBIC, expand=True, fillcolor=240)
    page = deskew(_page(skewed), Settings())
    assert page.skew_angle == pytest.approx(3.0, abs=0.1)
    # The centre of the working image is the centre of the scan.
    w, h = page.geometry.work_size
    centre = page.geometry.to_scan_points(np.array([[w / 2, h / 2]]))[0]
    assert centre == pytest.approx([skewed.width / 2, skewed.height / 2], abs=1.0)
    back = page.geometry.to_work_points(page.geometry.to_scan_points(np.array([[10.0, 20.0]])))
    assert back[0] == pytest.approx([10.0, 20.0], abs=1e-6)


def test_columns_headline_and_photo_are_found(straight: Image.Image) -> None:
    skewed = straight.rotate(-1.2, resample=Image.BICUBIC, expand=True, fillcolor=240)
    page = segment(deskew(_page(skewed), Settings()), Settings())
    assert len(page.columns) == 4
    types = [r.type for r in page.regions]
    assert types.count(RegionType.HEADLINE) == 1
    assert types.count(RegionType.PHOTO) == 1
    assert types.count(RegionType.CAPTION) == 1
    # Body blocks never straddle a gutter: each sits in one column.
    for region in page.regions_of(RegionType.TEXT):
        assert region.column_span == 1
    # Every bbox lies inside the scan.
    for region in page.regions:
        x0, y0, x1, y1 = region.bbox
        assert 0 <= x0 < x1 <= skewed.width and 0 <= y0 < y1 <= skewed.height


def test_column_rules_become_separators_and_do_not_join_columns() -> None:
    img = column_page(columns=3, lines_per_column=20, rules=True, gutter=30)
    page = segment(deskew(_page(img), Settings()), Settings())
    separators = page.regions_of(RegionType.SEPARATOR)
    assert len(separators) == 2
    assert len(page.columns) == 3


def test_dark_scanner_border_and_punch_holes_are_left_out() -> None:
    img = column_page(columns=3, lines_per_column=20)
    arr = np.asarray(img).copy()
    arr[:, -30:] = 30  # dark strip along the right edge
    arr[-20:, :] = 35  # and the foot
    yy, xx = np.mgrid[0 : arr.shape[0], 0 : arr.shape[1]]
    for cy in (300, 600):
        arr[(yy - cy) ** 2 + (xx - 32) ** 2 < 14**2] = 20  # punch holes
    artifacts = scanner_artifacts(ink_mask(arr))
    assert artifacts[:, -25:].mean() > 200
    assert artifacts[-15:, :].mean() > 200
    assert artifacts[300, 32] == 255 and artifacts[600, 32] == 255
    page = deskew(_page(Image.fromarray(arr)), Settings())
    x0, _, x1, y1 = page.geometry.content_box
    assert x0 >= 50 and x1 <= arr.shape[1] - 30 and y1 <= arr.shape[0] - 20


@pytest.mark.parametrize("band", [0, 3, 9, 20])
def test_pixels_within_the_edge_band_are_counted_per_component(band: int) -> None:
    rng = np.random.default_rng(5)
    labels = rng.integers(0, 7, size=(30, 40)).astype(np.int32)
    h, w = labels.shape
    edge = np.ones((h, w), dtype=bool)
    edge[band : h - band, band : w - band] = False  # all of it once the band meets itself
    expected = np.bincount(labels[edge], minlength=7)
    assert _pixels_within(labels, band, 7).tolist() == expected.tolist()


@pytest.mark.parametrize("count", [3, 200])
def test_picked_components_are_painted_whole_and_alone(count: int) -> None:
    ink = np.zeros((60, 400), dtype=np.uint8)
    for k in range(count):  # small squares, each a component of its own
        x, y = 2 + (k % 100) * 4, 2 + (k // 100) * 30
        ink[y : y + 2, x : x + 2] = 255
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    picked = np.arange(1, len(stats), 2)  # every other one, one-by-one or at once
    mask = _painted(labels, stats, picked)
    assert mask.dtype == np.uint8
    assert np.array_equal(mask > 0, np.isin(labels, picked))


def test_the_flattened_page_divides_out_the_paper_and_the_mask_is_uint8_in_c_order() -> None:
    # Paper lit unevenly left to right (200 -> 240) with grey type across it.
    grey = np.tile(np.linspace(200, 240, 300), (120, 1)).astype(np.uint8)
    grey[40:60, 20:280:7] = 90
    flat = flatten_background(grey)
    assert flat.dtype == np.uint8
    assert abs(int(flat[100, 10]) - int(flat[100, 290])) <= 3  # paper is paper everywhere
    assert flat[50, 20] < 140  # and type stays dark
    mask = ink_mask(np.asfortranarray(grey))
    assert mask.dtype == np.uint8 and mask.flags.c_contiguous
    assert set(np.unique(mask).tolist()) == {0, 255}
    assert mask[50, 20] == 255 and mask[100, 150] == 0
    bitonal = np.where(grey < 128, 0, 255).astype(np.uint8)
    assert np.array_equal(ink_mask(bitonal) > 0, bitonal == 0)


def _light_grey_type_beside_a_photo(
    pitch: int, step: int, right: int
) -> tuple[np.ndarray, np.ndarray]:
    """A page (1200 x 1600) with a dark photo and, beside it, twenty lines of
    light grey type (185 on 250) ``pitch`` px apart, characters every
    ``step`` px; and the lines' boxes (N x 4) reaching to ``right``."""
    rng = np.random.default_rng(0)
    grey = np.full((1200, 1600), 250, np.uint8)
    grey[100:700, 100:800] = np.clip(rng.normal(30, 10, (600, 700)), 0, 255).astype(np.uint8)
    boxes = []
    for i in range(20):
        y = 100 + i * pitch
        for x in range(900, 1500, step):
            strokes = rng.random((20, 20)) < 0.5
            type_grey = np.clip(rng.normal(185, 6, (20, 20)), 0, 255)
            grey[y + 5 : y + 25, x : x + 20] = np.where(strokes, type_grey, 250)
        boxes.append((895, y, right, y + 30))
    return grey, np.array(boxes, dtype=float)


def test_light_grey_type_beside_a_dark_photo_is_ink_by_the_detector_s_lines() -> None:
    """An e-paper page of the 2010 农民日报: light grey type (185 on 250)
    beside a dark photo. Otsu's threshold over the whole page falls between
    the photo and the type, and the type is paper; over the detector's line
    boxes it parts the type from its paper. Boxes covering too little of
    the page leave the whole page's threshold (a box's own threshold only
    grows ink that the page's finds in it)."""
    grey, boxes = _light_grey_type_beside_a_photo(pitch=50, step=30, right=1505)
    text = grey[100:1100, 900:1500] < 220
    whole_page = ink_mask(grey)[100:1100, 900:1500] > 0
    by_lines = ink_mask(grey, boxes)
    assert whole_page[text].mean() < 0.01
    assert by_lines[100:1100, 900:1500][text].mean() > 0.95
    assert not by_lines[100:1100, 900:1500][~text].any()  # no paper taken for ink
    assert (by_lines[100:700, 100:800] > 0).all()  # the photo stays ink
    few = np.array([(895, 100, 1000, 130)], dtype=float)  # 0.2% of the page
    assert np.array_equal(ink_mask(grey, few), ink_mask(grey))


def test_a_line_printed_lighter_than_the_page_keeps_its_letters() -> None:
    """The Evening Bulletin of Honolulu, 1912: a column inked lighter than
    the rest of the page lost all but its letters' stems to the page's
    threshold. Its lines' boxes are thresholded on their own, the letters
    grown from the ink the page's threshold finds; the reverse's print
    showing through a box, with no such ink, stays paper."""
    rng = np.random.default_rng(3)
    grey = np.full((800, 1000), 250, dtype=np.uint8)
    boxes = []
    for i in range(20):
        y = 20 + i * 38
        boxes.append((45, y, 955, y + 30))
        if i in (10, 12):
            continue
        strokes = rng.random((20, 900)) < 0.4
        type_grey = np.clip(rng.normal(40, 6, (20, 900)), 0, 255)
        grey[y + 5 : y + 25, 50:950] = np.where(strokes, type_grey, 250)
    # Line 10: strokes 7 px wide, dark in the middle, lighter to their edges.
    profile = np.array([185, 170, 150, 120, 150, 170, 185], dtype=np.uint8)
    for x in range(60, 940, 14):
        grey[405:425, x : x + 7] = profile
    grey[405:425, 50:950] += rng.integers(0, 3, (20, 900), dtype=np.uint8)
    # Line 12: a few dark strokes with a light halo (205), then the reverse's
    # print showing through, as grey as line 10's light strokes.
    halo = np.array([205, 40, 40, 40, 205], dtype=np.uint8)
    for x in range(60, 130, 14):
        grey[481:501, x : x + 5] = halo
    for x in range(400, 940, 14):
        grey[481:501, x : x + 7] = 185
    light = grey[405:425, 50:950] < 220
    assert not is_bitonal(grey)
    assert (ink_mask(grey)[405:425, 50:950] > 0)[light].mean() < 0.3
    mask = ink_mask(grey, np.array(boxes, dtype=float)) > 0
    assert mask[405:425, 50:950][light].mean() > 0.85
    assert not mask[405:425, 50:950][~light].any()
    assert not mask[:, :40].any()  # paper beside the lines stays paper
    strokes = mask[481:501, 60:130]
    assert strokes[:, 1::14].all() and not strokes[:, 0::14].any()  # halo, no ink
    assert not mask[481:501, 400:950].any()
    # Where the page's ink in a box is a dark border the flattening made
    # paper, the box's paper stays paper.
    border = grey.copy()
    border[:, :300] = 10
    box = np.array([(200, 405, 700, 425)], dtype=float)
    assert not (ink_mask(border, box) > 0)[405:425, 300:700][~light[:, 250:650]].any()
    # A box too small for a histogram is left at the page's threshold, and
    # one reaching off the page is cut to it.
    tiny = ink_mask(grey, np.array([(50, 405, 58, 425)], dtype=float))
    assert np.array_equal(tiny, ink_mask(grey))
    off = np.array([(-400, -400, -30, -30), (1200, 900, 1500, 1100)], dtype=float)
    assert np.array_equal(ink_mask(grey, off), ink_mask(grey))


def test_the_grey_shadow_along_a_page_s_edge_stays_paper_in_a_line_s_box() -> None:
    """NZZ 1922-08-17: the detector took the grey shadow along the page's
    left edge (160 on 245) into a box three lines tall with the first
    letters of the type beside it. The box's own threshold (over 160)
    took the shadow in round a few dark specks in it, and the bar it made
    joined the masthead's rows into one line. Grey running through the box
    from top to foot, little of it under the page's threshold, is no
    letter: it stays paper but for its specks, and the type stays ink."""
    rng = np.random.default_rng(5)
    grey = np.clip(rng.normal(245, 3, (400, 600)), 0, 255)
    for y in (120, 160, 200):
        strokes = rng.random((20, 500)) < 0.4
        grey[y : y + 20, 50:550] = np.where(strokes, rng.normal(40, 6, (20, 500)), 245)
    grey[:, 3:20] = rng.normal(160, 6, (400, 17))  # the shadow along the edge
    for y in range(115, 225, 14):
        grey[y : y + 2, 10:12] = 40  # specks in it
    grey = np.clip(grey, 0, 255).astype(np.uint8)
    boxes = [(0, 110, 60, 228)] + [(45, y, 555, y + 20) for y in (120, 160, 200)]
    mask = ink_mask(grey, np.array(boxes, dtype=float)) > 0
    assert (ink_mask(grey) > 0)[110:228, 3:20].mean() < 0.05  # the page's threshold
    assert mask[110:228, 3:20].mean() < 0.05
    assert mask[115:225:14, 10:12].all()
    type_ink = grey[120:220, 50:550] < 100
    assert mask[120:220, 50:550][type_ink].all()


def test_a_light_letter_filling_its_box_or_against_a_rule_is_grown() -> None:
    """A light line's letters run through a tight box from top to foot, and
    the last stands against a dark rule crossing the box: they grow from
    their dark strokes (three of seven columns) as in a box with room round
    them. Only grey with little under the page's threshold in it (the
    shadow along a page's edge) is refused."""
    rng = np.random.default_rng(7)
    grey = np.clip(rng.normal(245, 3, (300, 700)), 0, 255)
    for y in (40, 80, 200, 240):
        strokes = rng.random((20, 600)) < 0.4
        grey[y : y + 20, 50:650] = np.where(strokes, rng.normal(40, 6, (20, 600)), 245)
    profile = np.array([185, 150, 90, 90, 90, 150, 185], dtype=float)
    for x in range(60, 607, 14):
        grey[140:160, x : x + 7] = profile  # strokes the box's full height
    grey[100:190, 607:611] = 30  # a rule across the box, the last stroke against it
    grey[140:160, 600:607] = profile
    grey = np.clip(grey, 0, 255).astype(np.uint8)
    others = [(45, y, 655, y + 20) for y in (40, 80, 200, 240)]
    tight = ink_mask(grey, np.array([*others, (55, 140, 620, 160)], dtype=float)) > 0
    roomy = ink_mask(grey, np.array([*others, (55, 130, 620, 170)], dtype=float)) > 0
    page = ink_mask(grey) > 0
    assert tight[140:160, 60:611].mean() > page[140:160, 60:611].mean() + 0.05
    assert np.array_equal(tight[140:160, 60:611], roomy[140:160, 60:611])


def test_layout_reads_light_grey_type_beside_a_dark_photo_as_whole_lines() -> None:
    """``analyse`` takes its ink threshold from the detector's lines: twenty
    lines of light grey type beside a dark photo are one block of twenty
    lines (by the whole page's threshold their ink was a few specks)."""
    grey, boxes = _light_grey_type_beside_a_photo(pitch=40, step=24, right=1485)
    layout = analyse(grey, None, Settings().layout, boxes)
    assert [len(b.lines) for b in layout.blocks] == [20]
    assert layout.blocks[0].box.width >= 580


def test_layout_finds_no_rule_in_a_headline_s_characters() -> None:
    """``analyse`` passes the detector's display lines to the rule search: a
    headline of characters 90 px tall (an upright, bars across it) gives no
    vertical rule and stays one line."""
    grey = np.full((900, 1400), 250, np.uint8)
    for x in range(200, 1200, 120):
        grey[100:190, x + 40 : x + 48] = 20
        grey[140:148, x + 10 : x + 80] = 20
        grey[100:108, x + 10 : x + 80] = 20
    boxes = [(180, 85, 1220, 205)]
    for column in (0, 1):
        x0 = 60 + column * 660
        for i in range(25):
            y = 240 + i * 24
            for x in range(x0, x0 + 600, 14):
                grey[y + 4 : y + 16, x : x + 10] = 30
            boxes.append((x0 - 4, y, x0 + 604, y + 20))
    layout = analyse(grey, None, Settings().layout, np.array(boxes, dtype=float))
    assert not [r for r in layout.v_rules if r.y1 < 220]
    assert len([b for b in layout.blocks if b.box.y1 < 220]) == 1


def _grey_type_under_a_black_headline(border: bool, edge: bool = False) -> np.ndarray:
    """Small type printed grey (150 on 235) under a black headline: a page
    scanned small, whose strokes the scanner greyed."""
    img = Image.new("L", (780, 560), 235)
    draw = ImageDraw.Draw(img)
    draw.text((70, 50), "Council Approves Budget", font=font(30), fill=10)
    body = font(16)
    for c in range(3):
        for r, text in enumerate(text_lines(17, seed=c)):
            draw.text(
                (70 + c * 224, 110 + r * 22), _fit(draw, text, body, 200), font=body, fill=150
            )
    arr = np.asarray(img).copy()
    if edge:
        arr[503:505, 60:720] = 180  # a faint paper edge over the foot border
    if border:
        arr[:, :40] = arr[:, -40:] = arr[-40:, :] = 25
    return arr


def test_grey_type_beside_a_dark_scanner_border_is_inside_the_print_box() -> None:
    # The border pulled the page's ink threshold below the grey type, and the
    # print box was the headline's alone: nothing under it was detected.
    bare = deskew(_page(Image.fromarray(_grey_type_under_a_black_headline(False))), Settings())
    page = deskew(_page(Image.fromarray(_grey_type_under_a_black_headline(True))), Settings())
    _, _, x1, y1 = page.geometry.content_box
    assert x1 >= 70 + 2 * 224 + 150 and y1 >= 110 + 16 * 22 + 12
    assert x1 <= 780 - 40 and y1 <= 560 - 40
    assert page.geometry.content_box == pytest.approx(bare.geometry.content_box, abs=2)
    # A faint line along the foot is no type: the box does not reach down to it.
    edged = _grey_type_under_a_black_headline(True, edge=True)
    assert deskew(_page(Image.fromarray(edged)), Settings()).geometry.content_box == (
        page.geometry.content_box
    )


def test_the_print_box_does_not_grow_over_grain_or_a_blot_in_the_margin() -> None:
    ink = np.zeros((600, 800), np.uint8)
    artifacts = np.zeros_like(ink)
    artifacts[:, 760:] = 255
    strokes = (np.arange(600) // 2) % 3 == 0  # strokes 2 pixels wide, a third inked
    ink[100:500, 100:700][:, strokes] = 255  # the print the box holds
    rng = np.random.default_rng(0)
    for y, x in zip(rng.integers(0, 598, 500), rng.integers(710, 748, 500), strict=True):
        ink[y : y + 2, x : x + 2] = 255  # grain along the right margin, 3-4% inked
    ink[520:540, 100:160] = 255  # a blot under the print, a tenth of its width
    box = (96, 96, 704, 504)
    assert grown_over_faint_print(box, ink, artifacts) == box
    ink[510:525, 100:700][:, strokes] = 255  # a line of type under the print
    assert grown_over_faint_print(box, ink, artifacts)[3] >= 525


def test_a_ruled_box_of_display_type_is_an_advertisement_not_an_article() -> None:
    img = column_page(columns=3, lines_per_column=24, headline=None)
    draw = ImageDraw.Draw(img)
    # A boxed advertisement over the foot of the third column.
    x0, y0 = 60 + 2 * (300 + 40), 60 + 14 * 31
    draw.rectangle([x0, y0, x0 + 300, y0 + 240], fill=240, outline=10, width=3)
    draw.text((x0 + 20, y0 + 30), "SALE", font=font(70), fill=10)
    draw.text((x0 + 20, y0 + 140), "Shoes 50% off", font=font(36), fill=10)
    page = segment(deskew(_page(img), Settings()), Settings())
    adverts = page.regions_of(RegionType.ADVERTISEMENT)
    assert len(adverts) == 1
    ax0, ay0, ax1, ay1 = adverts[0].bbox
    assert abs(ax0 - x0) < 15 and abs(ay0 - y0) < 15 and abs(ax1 - (x0 + 300)) < 15
    # Nothing inside the box is left as a headline or text block of its own.
    for region in page.regions_of(RegionType.HEADLINE, RegionType.TEXT):
        rx0, ry0, rx1, ry1 = region.bbox
        assert not (rx0 >= ax0 and ry0 >= ay0 and rx1 <= ax1 and ry1 <= ay1)
    # The text columns themselves are no advertisement.
    assert len(page.regions_of(RegionType.TEXT)) >= 3


def test_a_broken_column_rule_with_long_dashes_is_one_rule() -> None:
    img = column_page(columns=2, lines_per_column=20, headline=None)
    draw = ImageDraw.Draw(img)
    gx = 60 + 300 + 20
    for y in range(80, 600, 78):  # dashes three lines long, short gaps: a worn rule
        draw.line([(gx, y), (gx, y + 70)], fill=20, width=2)
    page = segment(deskew(_page(img), Settings()), Settings())
    rules = [r for r in page.regions_of(RegionType.SEPARATOR) if r.bbox[3] - r.bbox[1] > 300]
    assert len(rules) == 1 and abs(rules[0].bbox[0] - gx) < 6
    # No text region reaches across the rule.
    for region in page.regions_of(RegionType.TEXT, RegionType.HEADLINE):
        assert not region.bbox[0] < gx < region.bbox[2]


@pytest.mark.parametrize("bold", [True, False])
def test_a_short_bold_headline_barely_larger_than_the_body_is_a_headline(bold: bool) -> None:
    img = column_page(columns=2, lines_per_column=20, headline=None)
    draw = ImageDraw.Draw(img)
    draw.rectangle([60, 60 + 10 * 31, 360, 60 + 14 * 31], fill=240)
    # About 1.2 times the body's line height: too small to be a headline by size alone.
    draw.text((60, 60 + 11 * 31), "Plant Hires", font=font(32), fill=10, stroke_width=int(bold))
    page = segment(deskew(_page(img), Settings()), Settings())
    heads = page.regions_of(RegionType.HEADLINE)
    assert len(heads) == (1 if bold else 0)
    if bold:
        assert abs(heads[0].bbox[1] - (60 + 11 * 31)) < 15


def test_photo_pieces_split_by_a_light_patch_are_one_photo_but_not_across_a_gutter() -> None:
    from newsprint.layout.photos import merge_photo_pieces

    ink = np.zeros((400, 900), np.uint8)
    left, right = Box(0, 100, 300, 300), Box(360, 100, 700, 300)
    ink[100:300, 0:300] = ink[100:300, 360:700] = 255
    assert len(merge_photo_pieces([left, right], 25.0, ink)) == 2  # white paper between
    ink[150:250, 300:360] = 255  # the picture goes on, lighter, between the pieces
    assert merge_photo_pieces([left, right], 25.0, ink) == [Box(0, 100, 700, 300)]


def test_a_torn_dark_strip_along_the_top_edge_is_scanner_border() -> None:
    img = column_page(columns=3, lines_per_column=20)
    arr = np.asarray(img).copy()
    xs = np.arange(arr.shape[1])
    reach = (0.09 * arr.shape[0] + 12 * np.sin(xs / 37.0)).astype(int)  # torn, past the band
    for x, r in zip(xs, reach, strict=True):
        arr[:r, x] = 25
    artifacts = scanner_artifacts(ink_mask(arr))
    assert artifacts[: int(0.07 * arr.shape[0]), :].mean() > 240


def test_an_archivists_column_count_splits_lines_read_across_a_narrow_gutter() -> None:
    # Two columns of two lines with a narrow gutter: nothing on the page says
    # they are columns, so the pipeline reads straight across.
    img = column_page(columns=2, lines_per_column=2, gutter=16, headline=None)
    middle = img.width / 2
    guessed = segment(deskew(_page(img), Settings()), Settings())
    assert any(r.bbox[0] < middle < r.bbox[2] for r in guessed.regions_of(RegionType.TEXT))
    told = Settings()
    told.layout.columns = 2
    page = segment(deskew(_page(img), told), told)
    texts = page.regions_of(RegionType.TEXT)
    assert len(texts) == 2 and not any(r.bbox[0] < middle < r.bbox[2] for r in texts)


def test_dark_strips_along_two_edges_joined_at_a_corner_are_border() -> None:
    img = column_page(columns=3, lines_per_column=20)
    arr = np.asarray(img).copy()
    h, w = arr.shape
    ys, xs = np.arange(h), np.arange(w)
    top = (0.05 * h + 0.04 * h * xs / w).astype(int)  # tilted: deeper to the right
    right = (0.03 * w + 0.06 * w * ys / h).astype(int)  # and deeper downwards
    for x, r in zip(xs, top, strict=True):
        arr[:r, x] = 25
    for y, r in zip(ys, right, strict=True):
        arr[y, w - r :] = 25
    artifacts = scanner_artifacts(ink_mask(arr))
    assert artifacts[: int(0.05 * h), :].mean() > 240
    assert artifacts[:, w - int(0.03 * w) :].mean() > 240
    assert artifacts[int(0.2 * h) : int(0.8 * h), int(0.2 * w) : int(0.7 * w)].max() == 0


def _tight_columns(rule: bool) -> np.ndarray:
    """Two columns of close type with no gutter: only a thin, worn rule
    (broken every few lines, wavering by a pixel, touching the type of both
    columns) parts them (TEC 1889)."""
    ink = np.zeros((1400, 900), np.uint8)
    for n, y in enumerate(range(40, 1360, 24)):
        ink[y + 5 : y + 17, 40:448] = 255
        ink[y + 5 : y + 17, 452 : 852 + n % 7] = 255  # a ragged right edge
        ink[y + 5 : y + 17, 40:860:37] = 0  # word spaces
    if rule:
        for n, y in enumerate(range(30, 1370, 210)):
            x = 449 + n % 2
            ink[y : y + 200, x : x + 2] = 255
    return ink


@pytest.mark.parametrize("rule", [True, False])
def test_a_worn_column_rule_tight_against_the_type_is_a_rule(rule: bool) -> None:
    from newsprint.layout.rules import find_rules

    _, v_rules, _ = find_rules(_tight_columns(rule), 20.0, Settings().layout)
    between = [r for r in v_rules if 446 <= r.cx <= 456]
    assert sum(r.height for r in between) >= (1000 if rule else 0)
    assert len(v_rules) == len(between)  # the type itself makes no rule
    if not rule:
        assert not between


@pytest.mark.parametrize("top", [100, 1500])
def test_the_nameplate_is_told_from_a_headline(top: int) -> None:
    # The paper's title across the top of the front page opens no story; the
    # same line of display type lower down is a headline.
    from newsprint.layout.blocks import Block
    from newsprint.layout.roles import classify_blocks

    title = Block([Box(100, top, 1800, top + 200)])
    headline = Block([Box(100, 400 if top > 400 else 1800, 900, 440 if top > 400 else 1840)])
    text = Block([Box(100, 500 + 24 * i, 900, 520 + 24 * i) for i in range(10)])
    margin_mark = Block([Box(1950, 2500, 1990, 2800)])  # a scanner's margin, no line of type
    blocks = [title, headline, text, margin_mark]
    classify_blocks(blocks, [], [], 20.0, Settings().layout, (0, 0, 2000, 3000))
    assert title.kind == (RegionType.NAMEPLATE if top < 400 else RegionType.HEADLINE)
    assert headline.kind == RegionType.HEADLINE
    assert text.kind == RegionType.TEXT


@pytest.mark.parametrize("case", ["corner", "narrow", "rival_at_the_head", "banner"])
def test_a_nameplate_beside_its_ears_over_a_big_headline_further_down(case: str) -> None:
    """頭條日報 2023-06-08: the nameplate (149 px) fills the top left, 0.49 of
    the page wide, a date and an advert beside it; the second story's
    headline further down is 106 px, more than two thirds of it. Its type
    is compared with the rest of the page's top fifth: there it leads by
    half again, and over no text it is the nameplate. A line of like size
    in the top fifth beside it, a title 0.44 of the page wide, or an
    inside page's banner headline right over its text, makes none."""
    from newsprint.layout.blocks import Block
    from newsprint.layout.roles import classify_blocks

    width = 880 if case == "narrow" else 940
    title = Block([Box(100, 60, 100 + width, 210)])
    beside = Block([Box(1100, 60, 1900, 60 + (110 if case == "rival_at_the_head" else 40))])
    lead = Block([Box(100, 320, 1900, 370)])
    text_top = 240 if case == "banner" else 400
    text = Block([Box(100, text_top + 24 * i, 900, text_top + 20 + 24 * i) for i in range(10)])
    second = Block([Box(100, 1400, 1900, 1506)])
    blocks = [title, beside, text, second] + ([] if case == "banner" else [lead])
    classify_blocks(blocks, [], [], 20.0, Settings().layout, (0, 0, 2000, 3000))
    assert title.kind == (RegionType.NAMEPLATE if case == "corner" else RegionType.HEADLINE)
    assert second.kind == RegionType.HEADLINE


@pytest.mark.parametrize("gap", [30, 400])
def test_a_nameplate_the_detector_gave_in_pieces_along_its_row_is_one_nameplate(gap: int) -> None:
    # NZZ 1890's black-letter title came as "Zü | rcher- | Zeitung", three
    # blocks of one height, none half the page wide: the stories under it
    # each took a piece as their headline. Pieces parted by more white than
    # half their height are not one title: each stays a headline.
    from newsprint.layout.blocks import Block
    from newsprint.layout.roles import classify_blocks

    x0 = 300
    pieces = []
    for width in (320, 900, 1000):
        pieces.append(Block([Box(x0, 100, x0 + width, 400)]))
        x0 += width + gap
    ears = Block([Box(100, 450, 900, 470 + 24 * i) for i in range(1, 6)])
    text = Block([Box(100, 600 + 24 * i, 900, 620 + 24 * i) for i in range(10)])
    blocks = [*pieces, ears, text]
    classify_blocks(blocks, [], [], 20.0, Settings().layout, (0, 0, 3600, 5000))
    plates = [b for b in blocks if b.kind == RegionType.NAMEPLATE]
    # The detector's boxes, each a title's height above and below its letters.
    detected_of = {
        id(ln): [Box(ln.x0 - 150, ln.y0 - 150, ln.x1 + 150, ln.y1 + 150)]
        for b in pieces
        for ln in b.lines
    }
    if gap < 150:
        assert len(plates) == 1 and all(p not in blocks for p in pieces)
        assert [ln.x0 for ln in plates[0].lines] == [300, 650, 1580]
        assert plates[0].box.as_tuple() == (300, 100, 2580, 400)
        # Read as one line over its pieces' boxes (NZZ 1929's title, read
        # piece by piece: "Jeüe : Julüer. Zeitmug").
        assert read_boxes(plates[0], detected_of) == [Box(150, -50, 2730, 550)]
    else:
        assert not plates
        assert all(p in blocks and p.kind == RegionType.HEADLINE for p in pieces)
        # A headline's lines are read each in its own box.
        assert read_boxes(pieces[1], detected_of) == detected_of[id(pieces[1].lines[0])]
        decks = Block([Box(100, 900, 900, 960), Box(100, 980, 900, 1040)], RegionType.HEADLINE)
        own = {id(ln): [Box(ln.x0 - 5, ln.y0 - 5, ln.x1 + 5, ln.y1 + 5)] for ln in decks.lines}
        assert read_boxes(decks, own) == [own[id(ln)][0] for ln in decks.lines]
    assert text in blocks and text.kind == RegionType.TEXT


def test_two_headlines_a_gutter_apart_and_a_block_beside_the_flag_make_no_title_row() -> None:
    # A gutter between two headlines is no letter gap: they stay headlines.
    # A two-line block of like size beside the flag is none of it, and the
    # flag is the nameplate alone, as before title rows were joined.
    from newsprint.layout.blocks import Block
    from newsprint.layout.roles import classify_blocks

    text = Block([Box(100, 900 + 24 * i, 900, 920 + 24 * i) for i in range(10)])
    left = Block([Box(100, 300, 1800, 420)])
    right = Block([Box(1840, 300, 3400, 420)])
    blocks = [left, right, text]
    classify_blocks(blocks, [], [], 20.0, Settings().layout, (0, 0, 3600, 5000))
    assert blocks[:2] == [left, right]
    assert left.kind == right.kind == RegionType.HEADLINE

    flag = Block([Box(300, 100, 2600, 400)])
    number = Block([Box(2650, 60, 3100, 320), Box(2650, 330, 3100, 590)])
    blocks = [flag, number, text]
    classify_blocks(blocks, [], [], 20.0, Settings().layout, (0, 0, 3600, 5000))
    assert flag in blocks and flag.kind == RegionType.NAMEPLATE


def _turned_if(vertical: bool, box: Box, right: float) -> Box:
    """``box`` as it is, or turned a quarter (rows become vertical lines read
    right to left) and moved ``right`` pixels so that it lies on the page."""
    if not vertical:
        return box
    turned = untranspose(box)
    return Box(turned.x0 + right, turned.y0, turned.x1 + right, turned.y1)


@pytest.mark.parametrize("vertical", [False, True])
def test_a_notice_of_many_lines_set_a_little_large_is_text_not_a_headline(
    vertical: bool,
) -> None:
    # A 1939 晶報 notice runs nine vertical lines of type 1.5 body lines
    # wide; a headline of that size, even with its deck, is a few lines.
    from newsprint.layout.blocks import Block
    from newsprint.layout.roles import classify_blocks

    def placed(box: Box) -> Box:
        return _turned_if(vertical, box, 2500)

    body = 20.0
    notice = Block([placed(Box(100, 100 + 45 * i, 900, 130 + 45 * i)) for i in range(9)])
    deck = Block([placed(Box(1000, 100 + 45 * i, 1600, 130 + 45 * i)) for i in range(3)])
    display = Block([placed(Box(100, 800 + 60 * i, 900, 850 + 60 * i)) for i in range(6)])
    classify_blocks([notice, deck, display], [], [], body, Settings().layout, (0, 0, 3000, 2000))
    assert notice.kind == RegionType.TEXT
    assert deck.kind == RegionType.HEADLINE
    assert display.kind == RegionType.HEADLINE  # display size, however many lines
    five = Block([placed(Box(1000, 800 + 45 * i, 1600, 830 + 45 * i)) for i in range(5)])
    six = Block([placed(Box(1000, 1100 + 45 * i, 1600, 1130 + 45 * i)) for i in range(6)])
    classify_blocks([five, six], [], [], body, Settings().layout, (0, 0, 3000, 2000))
    assert (five.kind, six.kind) == (RegionType.HEADLINE, RegionType.TEXT)


@pytest.mark.parametrize("vertical", [False, True])
def test_body_lines_measured_taller_than_their_spacing_are_no_headline(vertical: bool) -> None:
    # Bleed and a warped page measure five body lines as display type, but
    # lines 24 px apart cannot hold 34-px type; nor can vertical lines 24 px
    # apart from right to left.
    from newsprint.layout.blocks import Block
    from newsprint.layout.roles import classify_blocks

    def placed(box: Box) -> Box:
        return _turned_if(vertical, box, 1000)

    body = 20.0
    spaced = Block([placed(Box(100, 100 + 24 * i, 500, 134 + 24 * i)) for i in range(5)])
    display = Block([placed(Box(600, 100 + 40 * i, 900, 134 + 40 * i)) for i in range(2)])
    classify_blocks([spaced, display], [], [], body, Settings().layout, (0, 0, 1000, 1000))
    assert spaced.kind == RegionType.TEXT
    assert display.kind == RegionType.HEADLINE


def test_the_foot_of_a_line_of_small_heavy_type_is_no_rule_and_a_cut_off_rule_is() -> None:
    # 14-px type on a bitonal microfilm page: the serifs along a word's foot
    # run together (more so at half resolution) into a short bar with the
    # letters standing on it; a short cut-off rule between two stories has
    # white above and below.
    from newsprint.layout.rules import find_rules

    ink = np.zeros((400, 900), np.uint8)
    for y in range(40, 240, 20):
        for x in range(40, 840, 90):
            for stem in range(x, x + 70, 3):
                ink[y : y + 9, stem : stem + 2] = 255  # the letters' stems
            ink[y + 2 : y + 4, x : x + 70] = 255  # their tops
            ink[y + 8 : y + 10, x : x + 70] = 255  # their feet, run together
    ink[300:302, 380:480] = 255  # a cut-off rule, 7 body lines long
    h_rules, _, _ = find_rules(ink, 14.0, Settings().layout)
    assert len(h_rules) == 1
    assert abs(h_rules[0].y0 - 300) <= 2 and abs(h_rules[0].x0 - 380) <= 2


def test_a_long_double_rule_scanned_askew_is_a_rule() -> None:
    # Under a nameplate: a thick rule and a thin one beside it, 3,000 pixels
    # long, rising 24 pixels from end to end; their box is taller than a rule
    # is thick, their mean thickness is not. Type lies above and below.
    import cv2
    from newsprint.layout.rules import find_rules

    ink = np.zeros((1700, 3200), np.uint8)  # found at half resolution, as pages are
    cv2.line(ink, (100, 318), (3100, 294), 255, 6)
    cv2.line(ink, (100, 328), (3100, 304), 255, 2)
    for x in range(100, 3100, 40):
        ink[200:230, x : x + 28] = 255  # a line of type above
        ink[400:430, x : x + 28] = 255  # and one below
    h_rules, _, _ = find_rules(ink, 33.0, Settings().layout)
    across = [r for r in h_rules if r.width >= 2500]
    assert across and all(290 <= r.cy <= 330 for r in across)


def test_a_short_dark_band_askew_is_judged_by_its_box() -> None:
    # The shaded foot of a photo, a column and a half wide, slanting across
    # a box taller than a rule is thick: only a rule across the page is
    # judged by its mean thickness.
    import cv2
    from newsprint.layout.rules import find_rules

    ink = np.zeros((1700, 1700), np.uint8)
    cv2.line(ink, (100, 318), (1000, 294), 255, 6)
    cv2.line(ink, (100, 328), (1000, 304), 255, 2)
    h_rules, _, _ = find_rules(ink, 27.0, Settings().layout)
    assert not [r for r in h_rules if r.width >= 500]


def test_double_spaced_columns_are_one_block_each_and_a_wider_gap_still_parts() -> None:
    """Type set with white wider than its ink is tall (1.4x and more) stacks
    into one block a column, at the page's common leading; a gap clearly wider
    than that leading still ends the block."""
    from newsprint.layout.blocks import common_leading, group_lines

    ink, pitch = 18, 44  # 26 px of white under each line
    lines = [
        Box(x, 100 + i * pitch, x + 450, 100 + i * pitch + ink)
        for x in (50, 600)
        for i in range(12)
    ]
    # A second story under the left column, after a gap of three lines' white.
    top = 100 + 12 * pitch + 3 * pitch
    lines += [Box(50, top + i * pitch, 500, top + i * pitch + ink) for i in range(4)]
    assert common_leading(lines) == pytest.approx(pitch - ink)
    blocks = group_lines(lines, [], body=float(ink))
    assert sorted(len(b.lines) for b in blocks) == [4, 12, 12]


@pytest.mark.parametrize(("third_ink", "third_box", "blocks"), [(24, 29, [4]), (24, 36, [2, 2])])
def test_a_line_of_many_descenders_is_the_column_s_type_when_its_box_says_so(
    third_ink: int, third_box: int, blocks: list[int]
) -> None:
    """A probe page's column (28-px type): the first two lines' ink 19 and 18
    px (few descenders), the third's 24 (many), 1.33 times the block's. The
    detector's boxes, 29 px each, say it is one type; a line whose box is
    taller too is a size up, and starts a block of its own."""
    from newsprint.layout.blocks import group_lines

    inks = [19, 18, third_ink, 19]
    lines = [Box(57, 122 + 40 * i, 520, 122 + 40 * i + h) for i, h in enumerate(inks)]
    boxes = [29.0, 29.0, float(third_box), 36.0 if third_box == 36 else 29.0]
    boxed = {id(line): box for line, box in zip(lines, boxes, strict=True)}
    grouped = group_lines(lines, [], body=19.0, rows_joined=True, boxed=boxed)
    assert [len(b.lines) for b in grouped] == blocks
    # Without the detector's boxes the ink alone parts them.
    assert len(group_lines(lines, [], body=19.0, rows_joined=True)) > 1


def test_a_sloping_line_joined_from_pieces_is_the_type_of_the_lines_under_it() -> None:
    """The Park Record of 1935, p2 (working pixels): a boxed story's first
    line, "IMMEDIATE convocation of the", detected in four pieces (ink
    27-33 px) that sag along the line, so their union is 38 px tall; the
    28-px lines under it are its story's. Measured by the union it was a
    block of its own; measured by its tallest piece it heads the story.
    Pieces a size larger than the lines under them still stand apart."""
    from newsprint.layout.blocks import group_lines
    from newsprint.layout.boxes import JoinedLine, joined_line, union_all

    pieces = [
        Box(2493, 344, 2728, 377),
        Box(2778, 345, 2969, 372),
        Box(3020, 341, 3057, 368),
        Box(3104, 339, 3154, 368),
    ]
    below = [Box(2534, 385, 3153, 413), Box(2489, 428, 3154, 457), Box(2489, 469, 3155, 499)]
    first = joined_line(pieces)
    assert isinstance(first, JoinedLine)
    assert first.as_tuple() == union_all(pieces).as_tuple()
    assert (first.height, first.thickness) == (38, 33)
    blocks = group_lines([first, *below], [], body=28.0, rows_joined=True)
    assert [len(b.lines) for b in blocks] == [4]
    # The same box measured by its height alone starts a block of its own.
    union = union_all(pieces)
    assert len(group_lines([union, *below], [], body=28.0, rows_joined=True)) == 2
    # A heading set a size up (pieces 40 px) is no line of the story under it.
    heading = joined_line([Box(2493, 342, 2728, 382), Box(2778, 343, 3154, 383)])
    assert heading.thickness == 40
    assert len(group_lines([heading, *below], [], body=28.0, rows_joined=True)) == 2
    # One piece is returned as it is.
    assert joined_line(pieces[:1]) is pieces[0]
    # A sagging line in mid-column is measured the same way.
    above = [Box(2489, 262 + 42 * i, 3154, 290 + 42 * i) for i in range(2)]
    mid = [first, *below[:2]]
    assert [len(b.lines) for b in group_lines([*above, *mid], [], 28.0, rows_joined=True)] == [5]
    assert len(group_lines([*above, union, *below[:2]], [], 28.0, rows_joined=True)) > 1
    # A narrow piece (a lone capital boxed alone) counts by its height.
    assert joined_line([Box(100, 100, 112, 140), Box(130, 106, 160, 136)]).thickness == 40


def test_a_caption_over_two_short_columns_is_not_their_first_line() -> None:
    """东莞日报 of 2026, A03 (enlarged twice, 28-px body): a photo's caption
    runs on over the two short columns under the photo, flush left with the
    first, a body line of white under it; the columns' rows stand 6 px
    apart. Their first rows joined the caption, and the block took in both
    columns, read row by row across them. The columns are blocks of their
    own; a first row the detector joined across the gutter, at the
    columns' leading, still joins the rows under it."""
    from newsprint.layout.blocks import group_lines

    caption = Box(394, 1291, 1111, 1312)
    left = [Box(392, 1340 + 30 * i, 714, 1364 + 30 * i) for i in range(4)]
    right = [Box(750, 1340 + 30 * i, 1072, 1364 + 30 * i) for i in range(4)]
    above = [Box(40, 1000 + 30 * i, 360, 1024 + 30 * i) for i in range(12)]  # the page's leading
    blocks = group_lines([*above, caption, *left, *right], [], body=28.0, rows_joined=True)
    members = sorted(sorted(round(ln.x0) for ln in b.lines) for b in blocks)
    assert [392] * 4 in members and [750] * 4 in members and [394] in members
    # Set at the columns' leading, the line over both is their first row.
    joined = Box(392, 1310, 1072, 1334)
    blocks = group_lines([*above, joined, *left, *right], [], body=28.0, rows_joined=True)
    assert any(joined in b.lines and len(b.lines) > 1 for b in blocks)


def test_the_first_column_s_first_line_under_a_headline_across_two_is_not_the_headline_s() -> None:
    """Synthetic en-1004: a headline (ink 33 px, no descenders) over two
    columns; the left column's first line (capitals and descenders: ink 27
    px, 0.82 of it) 41 px under it. Its row holds the right column's first
    line under the headline too: it starts a column, not the headline's
    second line."""
    from newsprint.layout.blocks import group_lines

    headline = Box(1424, 1037, 2022, 1070)
    left = [Box(1388, 1111, 1675, 1138)] + [
        Box(1346, 1149 + 38 * i, 1670, 1170 + 38 * i) for i in range(8)
    ]
    right = [Box(1741, 1111 + 38 * i, 2090, 1132 + 38 * i) for i in range(9)]
    blocks = group_lines([headline, *left, *right], [], body=22.0, rows_joined=True)
    assert sorted(len(b.lines) for b in blocks) == [1, 9, 9]
    head = next(b for b in blocks if headline in b.lines)
    assert head.lines == [headline]
    # A headline over one column only keeps a line as tall under it.
    blocks = group_lines([headline, left[0]], [], body=22.0, rows_joined=True)
    assert len(blocks) == 1
    # A headline's own next line, in two pieces, joins it.
    head = [Box(100, 100, 700, 140), Box(100, 150, 380, 190), Box(420, 150, 700, 190)]
    assert len(group_lines(head, [], body=20.0, rows_joined=True)) <= 2
    # A column's own row cut in pieces (wide word spaces: en-1001) joins it.
    column = [Box(870, 848 + 44 * i, 1195, 868 + 44 * i) for i in range(3)]
    pieces = [Box(871, 980, 1038, 1000), Box(1061, 980, 1091, 1000), Box(1110, 980, 1196, 1000)]
    blocks = group_lines(column + pieces, [], body=20.0, rows_joined=True)
    assert pieces[0] in next(b for b in blocks if column[0] in b.lines).lines


def test_a_folio_beside_its_running_head_over_two_columns_takes_in_no_column_line() -> None:
    """NCSE's MRP 1809 p12 (detected lines, scan pixels): the folio "486" at
    the left column's head, beside the running head's title (a size larger)
    over both columns. The folio stays a line of its own; the columns'
    lines under it are the columns' blocks."""
    from newsprint.layout.blocks import group_lines

    folio = Box(250, 194, 312, 221)
    left = [Box(250, 256 + 40 * i, 805, 288 + 40 * i) for i in range(8)]
    right = [Box(833, 256 + 40 * i, 1365, 288 + 40 * i) for i in range(8)]
    # The title as detected (36 px), and a size larger still: the rule holds for any size.
    for bottom in (232, 240, 250):
        title = Box(438, 196, 1208, bottom)
        blocks = group_lines([folio, title, *left, *right], [], body=26.0, rows_joined=True)
        assert sorted(len(b.lines) for b in blocks) == [1, 1, 8, 8]
        assert next(b for b in blocks if folio in b.lines).lines == [folio]
    # A short first line at a column's head with no heading beside it is the column's.
    blocks = group_lines([folio, *left, *right], [], body=26.0, rows_joined=True)
    assert sorted(len(b.lines) for b in blocks) == [8, 9]


def test_a_dash_a_sixth_of_a_line_wide_parts_the_block_there() -> None:
    """Synthetic en-old-1001: a 51-px dash centred under a 313-px column's
    last line of a story, the next story's lines below it at the column's
    leading: two blocks (one, with the dash read past, ran two stories
    together)."""
    from newsprint.layout.blocks import group_lines

    lines = [Box(680, 1500 + i * 22, 993, 1514 + i * 22) for i in range(8)]
    lines.append(Box(700, 1676, 880, 1690))  # "The new fiscal year begins July 1."
    lines += [Box(680, 1704 + i * 22, 993, 1718 + i * 22) for i in range(4)]
    dash = Box(814, 1696, 865, 1698)
    blocks = group_lines(lines, [dash], body=14.0)
    assert sorted(len(b.lines) for b in blocks) == [4, 9]


def test_a_dash_an_eighth_of_a_line_wide_parts_the_block_there() -> None:
    """Synthetic en-old-1000: a 42-px dash under a short last line ("families
    hoping for a plot."), off centre towards its end, over 319-px lines of
    the next story (which the block ran on into)."""
    from newsprint.layout.blocks import group_lines

    lines = [Box(1164, 2339 + i * 22, 1483, 2351 + i * 22) for i in range(2)]
    lines.append(Box(1142, 2384, 1308, 2398))
    lines += [Box(1164, 2414 + i * 18, 1483, 2428 + i * 18) for i in range(3)]
    dash = Box(1291, 2401, 1333, 2404)
    blocks = group_lines(lines, [dash], body=14.0)
    assert sorted(len(b.lines) for b in blocks) == [3, 3]


def test_columns_under_a_line_spanning_their_rule_stay_apart() -> None:
    """A caption set across two columns, and under it the two columns parted
    by a rule that starts below the caption: the columns' lines never join the
    caption's block, so the two columns are two blocks (not one block read
    row by row across the rule, as zh-hant-1009 was)."""
    from newsprint.layout.blocks import group_lines, merge_overlapping_blocks

    ink, pitch = 23, 34
    caption = Box(50, 100, 930, 100 + ink)
    top = 100 + ink + 24
    lines = [caption] + [
        Box(x, top + i * pitch, x + 420, top + i * pitch + ink) for x in (50, 510) for i in range(8)
    ]
    rule = Box(488, top - 10, 493, top + 8 * pitch)

    def blocks(v_rules: list[Box]) -> list[list[Box]]:
        grouped = merge_overlapping_blocks(
            group_lines(lines, [], float(ink), rows_joined=True, v_rules=v_rules)
        )
        return sorted((sorted(b.lines, key=lambda b: (b.y0, b.x0)) for b in grouped), key=len)

    parted = blocks([rule])
    assert [len(b) for b in parted] == [1, 8, 8]
    assert parted[0] == [caption]
    assert {b.x0 for b in parted[1]} == {50} and {b.x0 for b in parted[2]} == {510}
    # Without the rule nothing parts them: the columns run through the caption's block.
    assert len(blocks([])) < 3


def test_a_headline_whose_word_space_falls_over_a_gutter_is_one_line() -> None:
    """A headline set across two columns, the space between its words right
    over the body's gutter (zh-hant-5002: "努力實現 “寧波無黑”", parted at the
    wide side bearing of the quote): the detector's two pieces are one
    headline line, not two headlines over two stories."""
    from newsprint.layout.segmentation import analyse
    from synth import _fit, font, text_lines

    margin, col, gutter, size = 60, 300, 40, 22
    pitch, top = int(size * 1.45), 200
    img = Image.new("L", (2 * margin + 2 * col + gutter, top + 14 * pitch + margin), 240)
    draw = ImageDraw.Draw(img)
    boxes = []
    head = font(80)
    for text, x in (("Budget", margin + col - 250), ("Passes", margin + col + gutter)):
        draw.text((x, 80), text, font=head, fill=10)
        boxes.append(draw.textbbox((x, 80), text, font=head))
    body = font(size)
    for c in range(2):
        x = margin + c * (col + gutter)
        for r, row in enumerate(text_lines(14, seed=c)):
            line = _fit(draw, row, body, col)
            draw.text((x, top + r * pitch), line, font=body, fill=10)
            boxes.append(draw.textbbox((x, top + r * pitch), line, font=body))
    (a, b) = boxes[:2]
    assert b[0] - a[2] < 0.8 * (a[3] - a[1])  # a display word space, over the gutter
    layout = analyse(np.asarray(img), None, Settings().layout, np.asarray(boxes, np.float32))
    heads = [blk for blk in layout.blocks if blk.kind == RegionType.HEADLINE]
    assert len(heads) == 1 and len(heads[0].lines) == 1
    assert heads[0].box.x0 < margin + col and heads[0].box.x1 > margin + col + gutter
    assert heads[0].box.width >= 0.9 * (b[2] - a[0])
    body_blocks = [blk for blk in layout.blocks if blk.kind != RegionType.HEADLINE]
    assert all(
        blk.box.x1 < margin + col + 5 or blk.box.x0 > margin + col + gutter - 5
        for blk in body_blocks
    )


def test_a_negative_is_told_from_a_positive() -> None:
    """Light print on dark paper is a negative; dark print on light paper, a
    blank page and a dark photo over most of the page are not."""
    page = np.asarray(column_page(columns=3, lines_per_column=20).convert("L"))
    assert not is_negative(page)
    assert is_negative(255 - page)
    assert not is_negative(np.full_like(page, 250))
    assert not is_negative(np.full_like(page, 20))
    rng = np.random.default_rng(3)
    photo = np.clip(rng.normal(110, 60, page.shape), 0, 255).astype(np.uint8)
    assert not is_negative(photo)  # light shades all over: not print on dark paper
    # A positive page a third of a black microfilm frame is no negative.
    framed = np.full((page.shape[0] + 100, 3 * page.shape[1]), 15, np.uint8)
    framed[50 : 50 + page.shape[0], page.shape[1] : 2 * page.shape[1]] = page
    assert not is_negative(framed)


def _ruled_page(band: list[tuple[int, int]], above: bool = False, foot: bool = False) -> tuple:
    """Blocks and long rules of a 1500 x 3000 page (body type 20 px): a border's
    double rule at the top (at the foot with ``foot``), a row of single lines
    at ``band`` (x0, x1 of each) between it and a long rule, body columns
    beyond; ``above``: a line of type outside the first rule as well."""
    from newsprint.layout.blocks import Block

    def y(v: float) -> float:
        return 3000 - v if foot else v

    def row(x0: float, x1: float, y0: float, y1: float) -> Box:
        return Box(x0, min(y(y0), y(y1)), x1, max(y(y0), y(y1)))

    rules = [row(50, 1450, r, r + 3) for r in (40, 48, 130)]
    heads = [Block([row(x0, x1, 75, 103)]) for x0, x1 in band]
    body = [
        Block([row(x, x + 600, 180 + 24 * i, 200 + 24 * i) for i in range(20)]) for x in (60, 790)
    ]
    outside = [Block([row(600, 900, 5, 30)])] if above else []
    return heads, body, outside, rules


@pytest.mark.parametrize("foot", [False, True])
def test_a_row_between_the_borders_double_rule_and_the_next_rule_is_the_running_head(
    foot: bool,
) -> None:
    from newsprint.layout.roles import classify_blocks

    heads, body, _, rules = _ruled_page([(70, 110), (560, 910), (1230, 1430)], foot=foot)
    classify_blocks(heads + body, [], rules, 20.0, Settings().layout, (50, 0, 1450, 3000))
    assert [h.kind for h in heads] == [RegionType.RUNNING_HEAD] * 3
    assert [b.kind for b in body] == [RegionType.TEXT] * 2


@pytest.mark.parametrize("edge_length", [924, 1400])
def test_the_sheets_edge_over_the_running_head_is_no_border(edge_length: int) -> None:
    """ECPO 1940 p. 2: the sheet's edge at the top of the scan is a dark
    stroke 0.66 as long as the frame's top rule, with nothing beyond it (the
    detector boxed its shadow as a line across it); the paper's name, the
    day and the date stand in a row between it and the frame, spread over
    0.72 of it. A stroke that short is a mark in the margin: the row over
    the frame is the running head. As long as the frame's rule, it is the
    border, and a row spread over less than the band's width between it and
    the frame is left alone (``_is_running_band``)."""
    from newsprint.layout.blocks import Block
    from newsprint.layout.roles import classify_blocks

    edge = Box(300, 40, 300 + edge_length, 46)
    rules = [edge, Box(50, 130, 1450, 136)]
    shadow = Block([Box(1000, 30, 1420, 55)])
    heads = [Block([Box(x0, 80, x1, 108)]) for x0, x1 in ((300, 440), (620, 800), (950, 1310))]
    body = [
        Block([Box(x, 180 + 24 * i, x + 600, 200 + 24 * i) for i in range(20)]) for x in (60, 790)
    ]
    content = (50, 0, 1450, 3000)
    classify_blocks([shadow, *heads, *body], [], rules, 20.0, Settings().layout, content)
    head_kinds = {h.kind for h in heads}
    if edge_length < 0.8 * 1400:
        assert head_kinds == {RegionType.RUNNING_HEAD}
    else:
        assert RegionType.RUNNING_HEAD not in head_kinds
    assert [b.kind for b in body] == [RegionType.TEXT] * 2


@pytest.mark.parametrize("foot", [False, True])
def test_stories_past_a_short_rule_at_the_edge_are_no_running_head(foot: bool) -> None:
    """A short rule at the top of a front page over its ears (blocks of
    several lines) and the date, the full rule under them; or, at the
    foot, two stories between the full rule and a short one under them:
    what lies between is no running head's band (a helper's review of the
    margin-mark rule, which first took them all for the running head)."""
    from newsprint.layout.blocks import Block
    from newsprint.layout.roles import classify_blocks

    def at(y0: float, y1: float) -> tuple[float, float]:
        return (3000 - y1, 3000 - y0) if foot else (y0, y1)

    def box(x0: float, y0: float, x1: float, y1: float) -> Box:
        a, b = at(y0, y1)
        return Box(x0, a, x1, b)

    rules = [box(250, 20, 1250, 26), box(50, 330, 1450, 336)]
    ears = [
        Block([box(x, 60 + 24 * i, x + 200, 80 + 24 * i) for i in range(5)]) for x in (80, 1150)
    ]
    date = Block([box(500, 290, 900, 310)])
    body = [
        Block([box(x, 380 + 24 * i, x + 600, 400 + 24 * i) for i in range(20)]) for x in (60, 790)
    ]
    content = (50, 0, 1450, 3000)
    classify_blocks([*ears, date, *body], [], rules, 20.0, Settings().layout, content)
    assert RegionType.RUNNING_HEAD not in {b.kind for b in [*ears, *body]}


@pytest.mark.parametrize(
    ("band", "above"),
    [
        ([(560, 910)], False),  # one heading in the middle: a story's, not the page's band
        ([(70, 110), (560, 910), (1230, 1430)], True),  # the first rule is no border
    ],
)
def test_what_is_no_running_heads_band_between_rules_is_left_alone(
    band: list[tuple[int, int]], above: bool
) -> None:
    from newsprint.layout.roles import classify_blocks

    heads, body, outside, rules = _ruled_page(band, above=above)
    classify_blocks(heads + body + outside, [], rules, 20.0, Settings().layout, (50, 0, 1450, 3000))
    assert all(h.kind != RegionType.RUNNING_HEAD for h in heads)
    assert [o.kind for o in outside] == [RegionType.RUNNING_HEAD] * len(outside)


def test_a_folio_atop_a_column_does_not_merge_the_page_into_one_block() -> None:
    """NCSE's MRP 1822 p14: the folio grouped at the head of the left column,
    the running head beside it on its row, the right column's first lines in
    a block of their own. The running head stands beside the folio's row,
    its box only partly inside the column's: each stays a block of its own
    (merged, the blocks grew one into the next, both columns into one block
    read row by row across)."""
    from newsprint.layout.blocks import Block, merge_overlapping_blocks

    left = Block(
        [Box(234, 171, 292, 199)] + [Box(233, 236 + 33 * i, 848, 262 + 33 * i) for i in range(30)]
    )
    head = Block([Box(644, 171, 1062, 205)])
    right_top = Block([Box(888, 236, 1495, 267), Box(888, 270, 1495, 300)])
    right = Block([Box(886, 308 + 33 * i, 1506, 334 + 33 * i) for i in range(50)])
    merged = merge_overlapping_blocks([left, head, right_top, right])
    assert len(merged) == 4
    # The rest of a line, cut off at a wide space, lies inside its block's
    # box beside its row's first piece: it is part of the block.
    column = Block([Box(233, 236 + 33 * i, 848, 262 + 33 * i) for i in range(5)])
    cut_short = Block([*column.lines, Box(233, 401, 600, 427)])
    assert len(merge_overlapping_blocks([cut_short, Block([Box(640, 401, 848, 427)])])) == 1
    # Blocks that overlap are still one block.
    twice = Block([Box(240, 236 + 33 * i, 840, 262 + 33 * i) for i in range(5)])
    assert len(merge_overlapping_blocks([left, twice])) == 1


def test_a_body_size_heading_centred_over_two_columns_keeps_their_lines_apart() -> None:
    """NCSE's MRP 1807 p54: the obituaries' names in italic of body size,
    centred over both columns; under it both columns' first lines joined
    it, then each column's next line, and the two columns were one block
    read row by row across the page."""
    from newsprint.layout.blocks import group_lines

    heading = Box(364, 1175, 1287, 1201)
    left = [Box(231, 1216 + 31 * i, 794, 1242 + 31 * i) for i in range(6)]
    right = [Box(824, 1216 + 31 * i, 1385, 1242 + 31 * i) for i in range(6)]
    blocks = group_lines([heading, *left, *right], [], body=27.0, rows_joined=True)
    assert sorted(len(b.lines) for b in blocks) == [1, 6, 6]
    assert next(b for b in blocks if heading in b.lines).lines == [heading]
    # A column's first line runs to the column's edge: the row under it,
    # cut in two at a wide space, still joins it.
    first = Box(231, 1175, 794, 1201)
    halves = [Box(231, 1216, 480, 1242), Box(520, 1216, 794, 1242)]
    blocks = group_lines([first, *halves], [], body=27.0, rows_joined=True)
    assert len(next(b for b in blocks if first in b.lines).lines) >= 2


def test_a_hyphen_before_the_gutter_stays_with_its_column_s_line() -> None:
    """NCSE's MRP 1807 p54: the right column's detected box took in the
    left column's last hyphen ("RO-" beside "March 28"); its ink started in
    the gutter, touching the left line's, and the two were joined into one
    line across both columns. The hyphen is left to the left line."""
    from newsprint.layout.textlines import pieces_from_detection

    ink = np.zeros((120, 900), np.uint8)
    ink[40:60, 20:380] = 255  # "March 24, at Ayr, Scotland, RO"
    ink[49:52, 386:396] = 255  # "-"
    ink[40:60, 440:880] = 255  # "March 28, at Pluckley, Kent. the"
    boxes = np.array([[10, 32, 402, 68], [384, 32, 890, 68]], dtype=np.float64)
    left, right = pieces_from_detection(boxes, ink)
    assert left.ink.x1 == 396
    assert right.ink.x0 == 440
    assert right.detected.x0 > 396  # the recogniser does not read it twice
    # Word spaces inside a line whose boxes do not overlap stay as found.
    boxes = np.array([[10, 32, 383, 68], [384, 32, 890, 68]], dtype=np.float64)
    _, right = pieces_from_detection(boxes, ink)
    assert right.ink.x0 == 386


def test_a_word_or_a_line_of_the_same_column_is_not_taken_as_a_neighbour_s_fragment() -> None:
    """The hyphen rule's bounds: a whole word that two lines' boxes share
    across a gutter stays where it was found (overlapping boxes traded
    words on synthetic en-old-1002), and a short word at the start of a
    column's indented line keeps it, though the padded box of the line
    above, on half its rows, overlaps it."""
    from newsprint.layout.textlines import pieces_from_detection

    ink = np.zeros((120, 900), np.uint8)
    ink[40:60, 20:360] = 255
    ink[40:60, 372:420] = 255  # a word, 2.4 type heights wide
    ink[40:60, 440:880] = 255
    boxes = np.array([[10, 32, 430, 68], [366, 32, 890, 68]], dtype=np.float64)
    _, right = pieces_from_detection(boxes, ink)
    assert right.ink.x0 == 372
    # One column: "it." ends a paragraph; under it "A" starts the next,
    # indented, after a justified space.
    ink = np.zeros((200, 700), np.uint8)
    ink[40:60, 20:300] = 255
    ink[66:86, 50:62] = 255  # "A"
    ink[66:86, 80:600] = 255
    boxes = np.array([[10, 24, 310, 76], [40, 50, 610, 102]], dtype=np.float64)
    _, second = pieces_from_detection(boxes, ink)
    assert second.ink.x0 == 50


def test_a_centred_line_under_a_column_rule_is_neither_columns() -> None:
    """Two columns parted by a rule that stops at their foot, and two centred
    lines set across both under it, the first parted by the detector at a
    wide space right under the rule (The Publishers' Circular 1883 p312):
    the lines are one block over both columns, read after them, and each
    column keeps its own block (joined to one column, the footer's block
    took in the other column beside it, read row by row across)."""
    from newsprint.layout.segmentation import analyse
    from synth import _fit, font, text_lines

    margin, col, gutter, size = 60, 300, 60, 20
    pitch, top, rows = int(size * 1.45), 60, 12
    rule_x = margin + col + gutter // 2
    foot = top + rows * pitch
    img = Image.new("L", (2 * margin + 2 * col + gutter, foot + 3 * pitch + margin), 240)
    draw = ImageDraw.Draw(img)
    draw.line([(rule_x, top), (rule_x, foot - 4)], fill=10, width=2)
    body = font(size)
    boxes = []
    for c in range(2):
        x = margin + c * (col + gutter)
        for r, row in enumerate(text_lines(rows, seed=c + 3)):
            line = _fit(draw, row, body, col)
            draw.text((x, top + r * pitch), line, font=body, fill=10)
            boxes.append(draw.textbbox((x, top + r * pitch), line, font=body))
    first = ("RETAIL PRICES.", "POST-FREE. TRADE SUPPLIED.")
    y = foot + 4
    left = draw.textbbox((0, y), first[0], font=body)
    x = rule_x - 8 - (left[2] - left[0])
    for text in first:  # the wide space right under the rule's place
        draw.text((x, y), text, font=body, fill=10)
        boxes.append(draw.textbbox((x, y), text, font=body))
        x = rule_x + 8
    second = "BEAL & CO., Fancy Stationers, 47 St. Paul's Churchyard"
    width = draw.textlength(second, font=body)
    draw.text((rule_x - width / 2, y + pitch), second, font=body, fill=10)
    boxes.append(draw.textbbox((rule_x - width / 2, y + pitch), second, font=body))
    layout = analyse(np.asarray(img), None, Settings().layout, np.asarray(boxes, np.float32))
    footer = [blk for blk in layout.blocks if blk.box.y0 > foot - 2]
    columns = [blk for blk in layout.blocks if blk.box.y0 < foot - 2]
    assert len(footer) == 1 and footer[0].box.x0 < rule_x - 100 < rule_x + 100 < footer[0].box.x1
    assert {blk.box.x0 < rule_x for blk in columns} == {True, False}
    assert all(blk.box.x1 < rule_x or blk.box.x0 > rule_x for blk in columns)
    assert all(blk.box.y1 < foot for blk in columns)


@pytest.mark.parametrize("ruled", [True, False])
def test_captions_of_two_photos_with_a_rule_between_stay_two(ruled: bool) -> None:
    # Generated en-3005 at 72 dpi: a one-column photo's caption beside a wide
    # photo's, a heavy column rule between; joined, they made one caption and
    # the one-column story's text under it went to the other story.
    from newsprint.layout.blocks import Block
    from newsprint.layout.roles import classify_blocks

    narrow, wide = Box(60, 100, 300, 400), Box(320, 100, 1000, 440)
    left = Block([Box(60, 410 + 22 * i, 290, 428 + 22 * i) for i in range(3)])
    right = Block([Box(330, 450, 960, 468)])
    rules = [Box(308, 80, 312, 900)] if ruled else []
    blocks = [left, right]
    classify_blocks(blocks, [narrow, wide], [], 20.0, Settings().layout, (0, 0, 1100, 1000), rules)
    captions = [b for b in blocks if b.kind == RegionType.CAPTION]
    assert len(captions) == (2 if ruled else 1)


@pytest.mark.parametrize(
    ("space", "flush", "headlines"), [(0.9, True, 2), (0.35, True, 1), (0.9, False, 1)]
)
def test_two_headlines_the_detector_read_as_one_line_are_parted_at_the_gutter(
    space: float, flush: bool, headlines: int
) -> None:
    """Generated en-3008 at 72 dpi: "Council Passes $48" over one column and
    "Parents Split on Bell Schedule" over the next, each flush over its
    story's first column, 35 px apart on 40-px type, came as one detected
    line and one headline over two stories. A space a third of the type's
    height is a word space of one headline; a headline centred over both
    columns (its parts over the middle of a column) is one, however wide its
    space over the gutter (TTW 1867's title)."""
    from newsprint.layout.segmentation import analyse
    from synth import _fit, font, text_lines

    margin, gutter, size = 60, 30, 20
    head = font(44)
    probe = ImageDraw.Draw(Image.new("L", (10, 10)))
    left = probe.textbbox((0, 0), "Budget Passes", font=head)
    height = left[3] - left[1]
    # Each headline flush over its column: the column ends where the space does.
    col = int(left[2] - left[0] + space * height) - gutter + (0 if flush else 120)
    pitch, top = int(size * 1.45), 200
    img = Image.new("L", (2 * margin + 2 * col + gutter, top + 14 * pitch + margin), 240)
    draw = ImageDraw.Draw(img)
    x_right = margin + col + gutter
    x_left = x_right - int(space * height) - (left[2] - left[0])
    draw.text((x_left - left[0], 100), "Budget Passes", font=head, fill=10)
    draw.text((x_right, 100), "Schools Reopen", font=head, fill=10)
    both = draw.textbbox((x_right, 100), "Schools Reopen", font=head)
    boxes = [(x_left - 4, both[1] - 6, both[2] + 4, both[3] + 6)]
    body = font(size)
    for c in range(2):
        x = margin + c * (col + gutter)
        for r, row in enumerate(text_lines(14, seed=c + 3)):
            line = _fit(draw, row, body, col)
            draw.text((x, top + r * pitch), line, font=body, fill=10)
            boxes.append(draw.textbbox((x, top + r * pitch), line, font=body))
    layout = analyse(np.asarray(img), None, Settings().layout, np.asarray(boxes, np.float32))
    heads = [blk for blk in layout.blocks if blk.kind == RegionType.HEADLINE]
    assert len(heads) == headlines


@pytest.mark.parametrize("headline", ["稳增长\u3000促发展", "全市稳增长\u3000促发展见实效"])
def test_a_chinese_headline_whose_full_width_space_falls_on_a_gutter_is_one(
    headline: str,
) -> None:
    """A full-width space (an em) parts a Chinese headline's two phrases; set
    centred over two columns it falls on their gutter, as wide as the space
    between two stories' headlines, but the line has no word spaces for it
    to be far wider than: one headline."""
    from newsprint.layout.segmentation import analyse

    from pagegen.fonts import load_font

    margin, col, gutter, size = 60, 300, 30, 20
    pitch, top = int(size * 1.6), 200
    img = Image.new("L", (2 * margin + 2 * col + gutter, top + 14 * pitch + margin), 240)
    draw = ImageDraw.Draw(img)
    head, body = load_font("zenhei", 44), load_font("zenhei", size)
    left = headline.partition("\u3000")[0]
    width_left = draw.textlength(left, font=head)
    x_space = margin + col + gutter // 2 - 22  # the em's middle on the gutter's
    draw.text((x_space - width_left, 100), headline, font=head, fill=10)
    box = draw.textbbox((x_space - width_left, 100), headline, font=head)
    boxes = [(box[0] - 4, box[1] - 6, box[2] + 4, box[3] + 6)]
    text = "市民可以通过手机查询公交到站时间出行更加方便快捷"
    per_line = col // size
    for c in range(2):
        x = margin + c * (col + gutter)
        for r in range(14):
            start = (r * 7 + c * 3) % (len(text) - per_line)
            draw.text((x, top + r * pitch), text[start : start + per_line], font=body, fill=10)
            boxes.append(
                draw.textbbox((x, top + r * pitch), text[start : start + per_line], font=body)
            )
    layout = analyse(np.asarray(img), None, Settings().layout, np.asarray(boxes, np.float32))
    heads = [blk for blk in layout.blocks if blk.kind == RegionType.HEADLINE]
    assert len(heads) == 1


@pytest.mark.parametrize(("page", "size"), [("vertical", 30), ("vertical", 60), ("across", 30)])
def test_the_row_over_a_vertical_pages_columns_is_its_running_head(page: str, size: int) -> None:
    """ECPO 1940 p. 3: no rule under its running head (its frame's top is
    wavy), the paper's name, the day, the date and the page number stand in
    a row over every vertical line: its running head. Headlines' size type
    (2.5 body lines) is no running head's, nor is a row over lines across."""
    from newsprint.layout.blocks import Block
    from newsprint.layout.running_heads import _vertical_page_head

    body = 24.0
    head = [Block([Box(x0, 100, x0 + 200, 100 + size)]) for x0 in (100, 600, 1000, 1500)]
    if page == "vertical":
        columns = [
            Block([Box(x, 200, x + 30, 1200) for x in range(x0, x0 + 400, 40)]) for x0 in (100, 900)
        ]
    else:
        columns = [
            Block([Box(x0, 200 + 30 * i, x0 + 600, 224 + 30 * i) for i in range(30)])
            for x0 in (100, 900)
        ]
    cut = _vertical_page_head([*head, *columns], body, 1800.0)
    if page == "vertical" and size == 30:
        assert cut == 130
    else:
        assert cut is None
