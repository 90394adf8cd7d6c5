"""Lines are cut for the recogniser from the scan itself, in one resampling at
most: a line that is level but for a slight tilt is cut square with its pixels
as they are (small type blurs when resampled), a tilted one turned level."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from newsprint.core.page import Flag, FlagCode, NewspaperPage, PageGeometry, Region, RegionType
from newsprint.ocr.paddle import UPRIGHT_DRIFT, crop_quad
from newsprint.ocr.stage import line_crops, line_cutter, scan_for_crops


def _page_image() -> np.ndarray:
    rng = np.random.default_rng(1)
    return rng.integers(0, 256, (120, 300, 3), dtype=np.uint8)


def test_a_nearly_level_line_is_cut_with_its_pixels_as_they_are() -> None:
    image = _page_image()
    height = 20
    drift = 0.5 * UPRIGHT_DRIFT * height  # the top edge falls this much end to end
    quad = np.float32([[40.3, 30.2], [240.6, 30.2 + drift], [240.6, 50.4 + drift], [40.3, 50.4]])
    crop = crop_quad(image, quad)
    assert np.array_equal(crop, image[30 : int(np.ceil(50.4 + drift)), 40:241])


def test_a_tilted_line_is_turned_level() -> None:
    image = np.full((300, 400, 3), 255, np.uint8)
    angle = np.radians(8)
    start, length, height = np.array([50.0, 80.0]), 260.0, 24.0
    along = np.array([np.cos(angle), np.sin(angle)])
    down = np.array([-np.sin(angle), np.cos(angle)])
    quad = np.float32(
        [
            start,
            start + length * along,
            start + length * along + height * down,
            start + height * down,
        ]
    )
    # A dark bar down the middle of the line, tilted with it.
    for t in np.linspace(0, length, 2000):
        x, y = (start + t * along + height / 2 * down).astype(int)
        image[y - 2 : y + 3, x] = 0
    crop = crop_quad(image, quad)
    assert crop.shape[:2] == pytest.approx((height, length), abs=1)
    dark_rows = np.flatnonzero((crop[:, :, 0] < 128).mean(axis=1) > 0.5)
    assert dark_rows.size and dark_rows.max() - dark_rows.min() <= 6  # level: a few rows


def test_a_turned_line_keeps_its_reading_direction() -> None:
    """Corners given in reading order (a page turned 180° in its scan): the crop
    is the line as read, not as it lies in the scan."""
    yy, xx = np.mgrid[0:120, 0:300]
    image = np.dstack([xx * 255 // 300, yy * 255 // 120, np.zeros_like(xx)]).astype(np.uint8)
    quad = np.float32([[240, 50], [40, 50], [40, 30], [240, 30]])  # upside down
    crop = crop_quad(image, quad)
    assert crop.shape[:2] == (20, 200)
    # x falls from left to right along the crop, y from top to bottom: turned.
    assert crop[10, 0, 0] > crop[10, -1, 0] + 150 and crop[0, 100, 1] > crop[-1, 100, 1] + 30


def test_a_negative_is_cut_as_its_positive() -> None:
    grey = np.full((50, 80), 30, np.uint8)
    grey[20:30, 10:70] = 220  # light print on dark paper
    page = NewspaperPage(source="neg.png", sha256="0", width=80, height=50, image=grey)
    assert scan_for_crops(page)[25, 40].tolist() == [220, 220, 220]
    page.flags.append(Flag(code=FlagCode.NEGATIVE, message="read inverted"))
    assert scan_for_crops(page)[25, 40].tolist() == [35, 35, 35]


def _page(image: np.ndarray, work: np.ndarray, shift: float) -> NewspaperPage:
    """A page whose working image is its scan moved ``shift`` pixels right."""
    geometry = PageGeometry(
        to_scan=[[1.0, 0.0, -shift], [0.0, 1.0, 0.0]], work_size=(work.shape[1], work.shape[0])
    )
    return NewspaperPage(
        source="p.png",
        sha256="0",
        width=image.shape[1],
        height=image.shape[0],
        image=image,
        work_image=work,
        geometry=geometry,
    )


def test_lines_of_a_grey_scan_are_cut_from_the_scan() -> None:
    scan = np.asarray(_page_image()[:, :, 0])
    work = np.full((120, 310), 255, np.uint8)  # a working image unlike the scan
    cut = line_cutter(_page(scan, work, shift=10))
    crop = cut((50.0, 30.0, 250.0, 50.0))  # work pixels: scan x 40-240
    assert np.array_equal(crop[:, :, 0], scan[30:50, 40:240])


def test_lines_of_a_one_bit_scan_are_cut_from_the_working_image() -> None:
    """Its resampling greys the hard edges of faded, broken type."""
    scan = np.where(_page_image()[:, :, 0] > 128, 255, 0).astype(np.uint8)
    work = np.full((120, 310), 200, np.uint8)
    cut = line_cutter(_page(scan, work, shift=10))
    crop = cut((50.0, 30.0, 250.0, 50.0))
    assert crop.shape[:2] == (20, 200) and int(crop.min()) == int(crop.max()) == 200


def _one_line_region(page: NewspaperPage, line: tuple[float, float, float, float]) -> None:
    """A text region of one line (working pixels) on ``page``, at scan (30, 40, 270, 50)."""
    page.regions.append(
        Region(id="r1", type=RegionType.TEXT, bbox=(30, 40, 270, 50), work_lines=[line])
    )


def test_line_crops_take_the_paper_above_and_below_a_line() -> None:
    """The crop holds two scan pixels of paper over and under the line's
    fitted box (``ocr.margins``); the box the line keeps is its own."""
    scan = np.full((120, 300), 240, np.uint8)
    scan[40:50, 30:270:5] = 20  # a line of type, rows 40-49
    scan[40:50, 31:270:5] = 20
    page = _page(scan, scan.copy(), shift=0)
    _one_line_region(page, (30.0, 40.0, 270.0, 50.0))
    owners, boxes, crops = line_crops(page)
    assert owners == ["r1"] and boxes == [(30.0, 40.0, 270.0, 50.0)]
    assert crops[0].shape[:2] == (14, 240)
    assert (crops[0][:2] == 240).all() and (crops[0][-2:] == 240).all()


def test_line_crops_of_an_enlarged_page_take_two_scan_pixels_of_paper() -> None:
    """Small type laid out enlarged twice: the margin is two scan pixels, four
    working ones, and the crop comes from the scan at its own size."""
    scan = np.full((120, 300), 235, np.uint8)
    scan[40:50, 30:270:5] = 25  # grey page (paper 235): cut from the scan
    scan[40:50, 31:270:5] = 90
    work = cv2.resize(scan, None, fx=2, fy=2, interpolation=cv2.INTER_NEAREST)
    geometry = PageGeometry(to_scan=[[0.5, 0.0, 0.0], [0.0, 0.5, 0.0]], work_size=(600, 240))
    page = _page(scan, work, shift=0).model_copy(update={"geometry": geometry})
    _one_line_region(page, (60.0, 80.0, 540.0, 100.0))
    _, _, crops = line_crops(page)
    assert crops[0].shape[:2] == (14, 240)


@pytest.mark.parametrize("kind", [RegionType.TEXT, RegionType.HEADLINE])
def test_a_vertical_texts_lone_mark_is_cut_with_its_line(kind: RegionType) -> None:
    """A comma the detector boxed alone at a vertical line's head is cut with
    that line, in a block of text (``ocr.vertical_marks``); a headline's
    boxes, whose sizes may differ, are cut as they are."""
    from newsprint.core.page import TextDirection

    scan = np.full((300, 200), 240, np.uint8)
    scan[40:260, 60:90] = 30  # two vertical lines of type
    scan[40:260, 110:140] = 30
    scan[28:38, 80:88] = 30  # a comma at the first line's head, right of its middle
    page = _page(scan, scan.copy(), shift=0)
    lines = [(110.0, 40.0, 140.0, 260.0), (60.0, 40.0, 90.0, 260.0), (80.0, 28.0, 88.0, 38.0)]
    page.regions.append(
        Region(
            id="r1",
            type=kind,
            direction=TextDirection.VERTICAL_RL,
            bbox=(60, 28, 140, 260),
            work_lines=lines,
        )
    )
    owners, boxes, crops = line_crops(page)
    if kind == RegionType.TEXT:
        assert boxes == [(110.0, 40.0, 140.0, 260.0), (60.0, 28.0, 90.0, 260.0)]
        assert crops[1].shape[:2] == (30, 232)  # turned a quarter: 232 long, 30 across
    else:
        assert boxes == lines and len(crops) == 3
    assert owners == ["r1"] * len(boxes)
