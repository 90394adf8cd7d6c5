"""Whole-page text detection (ocr.detect, ocr.line_detection, ocr.unread): scale
from the page's type, tiles, display lines, the second pass and the unread_text
flag. Real models."""

from __future__ import annotations

import itertools
from pathlib import Path

import cv2
import numpy as np
import pytest
from newsprint.core.page import FlagCode, NewspaperPage, PageGeometry
from newsprint.core.settings import DetectionSettings, Settings
from newsprint.ocr.detect import detect_text, enlargement
from newsprint.ocr.display import with_display_lines
from newsprint.ocr.engine import OcrEngine
from newsprint.ocr.line_detection import DetectedLines, _tiles, detect_lines
from newsprint.ocr.unread import unread_areas
from PIL import Image, ImageDraw, ImageFont

SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
WORDS = [
    "the",
    "harbour",
    "city",
    "council",
    "met",
    "on",
    "monday",
    "to",
    "discuss",
    "the",
    "new",
    "bridge",
    "over",
    "the",
    "river",
]


def text_page(body_px: int, tiny_px: int | None = None, scale: float = 1.0) -> np.ndarray:
    """Twelve lines of body type, and optionally a paragraph of tiny type under them."""
    size = (round(1600 * scale), round(1400 * scale))
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    body = ImageFont.truetype(SERIF, round(body_px * scale))
    y = round(60 * scale)
    for i in range(12):
        draw.text((round(80 * scale), y), " ".join(WORDS[i % 5 : i % 5 + 9]), font=body, fill=0)
        y += round(body_px * 1.45 * scale)
    if tiny_px:
        tiny = ImageFont.truetype(SERIF, tiny_px)
        y += 40
        for i in range(14):
            draw.text((80, y), " ".join((WORDS * 3)[i : i + 14]), font=tiny, fill=0)
            y += round(tiny_px * 1.4)
    return np.array(image)


def _page(image: np.ndarray) -> NewspaperPage:
    h, w = image.shape[:2]
    return NewspaperPage(
        source="test.png", sha256="0", width=w, height=h, image=image, work_image=image
    )


@pytest.mark.models
def test_scale_follows_the_type_size_so_resolution_does_not_matter(engine: OcrEngine) -> None:
    settings = DetectionSettings()
    low = detect_lines(text_page(30, scale=0.5), engine, settings)
    high = detect_lines(text_page(30, scale=1.5), engine, settings)
    assert len(low.boxes) == len(high.boxes) == 12
    # The page three times the size is detected at about a third of the scale,
    # so the detector sees the same type size on both.
    assert high.scale < low.scale
    assert low.line_height * low.scale == pytest.approx(high.line_height * high.scale, rel=0.3)
    assert high.line_height == pytest.approx(3 * low.line_height, rel=0.2)


@pytest.mark.models
def test_tiles_find_the_same_lines_as_one_pass(engine: OcrEngine) -> None:
    image = text_page(30)
    whole = detect_lines(image, engine, DetectionSettings())
    tiled = detect_lines(
        image, engine, DetectionSettings(tile_side=500, tile_overlap=120), scale=whole.scale
    )
    assert len(whole.boxes) == 12
    assert len(tiled.boxes) == len(whole.boxes)
    # Lines cut by tile edges are joined again: each tiled line matches one whole line.
    for box in sorted(tiled.boxes.tolist()):
        best = min(whole.boxes.tolist(), key=lambda b: abs(b[1] - box[1]) + abs(b[0] - box[0]))
        assert abs(best[0] - box[0]) < 20 and abs(best[2] - box[2]) < 20


@pytest.mark.parametrize(
    ("width", "height", "tiles"),
    [(2480, 3508, 4), (4210, 5551, 6), (1600, 1424, 1), (2500, 2400, 2)],
)
def test_tiles_cover_the_page_within_the_memory_bound(width: int, height: int, tiles: int) -> None:
    side, overlap = 2400, 320
    image = np.zeros((height, width), dtype=np.uint8)
    found = list(_tiles(image, side, overlap))
    assert len(found) == tiles
    covered = np.zeros((height, width), dtype=bool)
    for x, y, tile in found:
        assert max(tile.shape) <= side
        covered[y : y + tile.shape[0], x : x + tile.shape[1]] = True
    assert covered.all()
    # Neighbouring tiles overlap by ``overlap``: a line cut at one tile's
    # edge lies whole in the next.
    for axis in (0, 1):
        starts = sorted({place[axis] for place in found})
        assert all(nxt - prev == side - overlap for prev, nxt in itertools.pairwise(starts))


def test_an_overlap_as_wide_as_a_tile_is_refused() -> None:
    with pytest.raises(ValueError, match="tile_overlap"):
        DetectionSettings(tile_side=500, tile_overlap=500)
    with pytest.raises(ValueError, match="overlap"):
        list(_tiles(np.zeros((3000, 3000), dtype=np.uint8), 500, 600))


@pytest.mark.models
def test_type_unseen_at_the_first_scale_is_flagged_unless_the_second_pass_reads_it(
    engine: OcrEngine,
) -> None:
    image = text_page(30, tiny_px=6)
    no_second = Settings(detection=DetectionSettings(second_pass=False))
    first = detect_text(_page(image), no_second, engine)
    flags = {f.code: f for f in first.flags}
    assert FlagCode.UNREAD_TEXT in flags
    assert first.unread_areas, "the review page needs the areas to show"
    # Every unread area lies where the tiny paragraph is (below the body lines).
    assert min(y0 for _, y0, _, _ in first.unread_areas) > 12 * 30 * 1.45
    again = detect_text(_page(image), Settings(), engine)
    assert len(again.detected_lines) > len(first.detected_lines) + 3


@pytest.mark.models
def test_a_page_of_plain_type_raises_no_unread_flag(engine: OcrEngine) -> None:
    page = detect_text(_page(text_page(30)), Settings(), engine)
    assert page.body_text_px is not None
    assert 25 < page.body_text_px < 60
    assert not page.flags and not page.unread_areas


def test_unread_vertical_type_is_found_down_the_page() -> None:
    # A vertical page: lines run down, 30 px wide. One line of glyphs (26-px
    # blobs, 4 px apart) got no detected box; as rows of glyphs it is no line.
    ink = np.zeros((900, 600), np.uint8)
    boxes = []
    for x in (500, 450, 400):  # read lines
        boxes.append((x, 50, x + 30, 800))
        for y in range(52, 790, 30):
            ink[y : y + 26, x + 2 : x + 28] = 255
    for y in range(52, 790, 30):  # the unread line
        ink[y : y + 26, 302:328] = 255
    boxes = np.array(boxes, dtype=float)
    assert unread_areas(ink, boxes, 30.0) == []
    (area,) = unread_areas(ink, boxes, 30.0, down=True)
    x0, y0, x1, y1 = area
    assert x0 <= 302 and x1 >= 328 and y0 <= 60 and y1 >= 780
    assert x1 - x0 < 60  # the one line, not the read ones


def test_a_short_line_across_a_vertical_page_is_looked_at_again() -> None:
    # ECPO 1940's running head: 第三版, three glyphs across a page of vertical
    # lines, missed at the scale set for the vertical type. Its row is 3.4
    # times as wide as tall: short of a row on a page set across.
    ink = np.zeros((900, 700), np.uint8)
    boxes = []
    for x in (600, 550, 500, 450):  # read vertical lines, 30 px wide
        boxes.append((x, 150, x + 30, 850))
        for y in range(152, 840, 30):
            ink[y : y + 26, x + 2 : x + 28] = 255
    for x in (100, 132, 164):  # the running head's three glyphs, 26 px
        ink[60:86, x : x + 26] = 255
        ink[70:76, x + 8 : x + 18] = 0  # a counter: type, not a blot
    boxes = np.array(boxes, dtype=float)
    assert unread_areas(ink, boxes, 30.0) == []  # as on a page set across
    (area,) = unread_areas(ink, boxes, 30.0, down=True)
    x0, y0, x1, y1 = area
    # The row is smeared by an even kernel: its box may sit a pixel right.
    assert 98 <= x0 <= 102 and 188 <= x1 <= 194 and y0 <= 60 and 86 <= y1 < 150


def test_unread_display_type_is_found_and_a_picture_is_not() -> None:
    # Synthetic zh-hant-5003: the detector boxed a headline's first seven
    # characters and missed its last three (80-px glyphs over 30-px body).
    ink = np.zeros((600, 1400), np.uint8)
    for x in range(100, 1000, 90):  # ten headline glyphs, 80 px, 10 apart
        ink[100:180, x : x + 80] = 255
        ink[130:150, x + 30 : x + 50] = 0  # a counter: type, not a solid blot
    boxes = np.array([(95, 95, 735, 185)], dtype=float)  # the first seven
    ink[300:560, 1000:1300] = 255  # a picture beside, wider than type
    ink[400:480, 100:180] = 255  # one lone big glyph: no row
    (area,) = unread_areas(ink, boxes, 30.0)
    x0, y0, x1, y1 = area
    assert x0 <= 740 and x1 >= 980 and y0 <= 100 and y1 >= 180 and y1 < 300


def test_unread_vertical_lines_close_set_are_counted_once() -> None:
    # Five close-set unread vertical lines are rows of glyphs across too:
    # the areas found down the page that the rows already hold are not added.
    ink = np.zeros((900, 700), np.uint8)
    boxes = np.array([(600, 50, 630, 800)], dtype=float)
    for y in range(52, 790, 30):
        ink[y : y + 26, 602:628] = 255
        for x in range(300, 500, 34):
            ink[y : y + 26, x : x + 26] = 255
    rows = unread_areas(ink, boxes, 30.0)
    both = unread_areas(ink, boxes, 30.0, down=True)
    assert rows, "as rows of glyphs they are unread type"
    assert both == rows


def test_display_lines_from_the_coarse_pass_replace_partial_fine_ones() -> None:
    body = np.array([[0, 0, 400, 20], [0, 30, 400, 50]], dtype=float)
    headline_part = np.array([[600, 100, 700, 160]], dtype=float)
    fine = np.concatenate([body, headline_part])
    coarse = np.array(
        [[0, 0, 400, 50], [500, 95, 1000, 165]], dtype=float
    )  # two body lines merged; a whole headline
    out = with_display_lines(fine, coarse, body=20.0)
    rows = sorted(map(tuple, out.tolist()))
    assert (500.0, 95.0, 1000.0, 165.0) in rows  # the whole headline is taken
    assert (600.0, 100.0, 700.0, 160.0) not in rows  # its piece gives way
    assert (0.0, 0.0, 400.0, 20.0) in rows and (0.0, 30.0, 400.0, 50.0) in rows
    assert (0.0, 0.0, 400.0, 50.0) not in rows  # body lines cover the merged box


def _headline_in_two(gap: str) -> np.ndarray:
    """A headline row 80 pixels tall whose fine pieces leave x 480-560 out:
    ``gap`` holds a glyph ("W"), a column rule 8 pixels wide ("rule") or
    nothing."""
    image = Image.new("L", (1500, 200), 250)
    draw = ImageDraw.Draw(image)
    if gap == "rule":
        draw.rectangle((516, 30, 523, 160), fill=0)
    elif gap:
        draw.text((495, 50), gap, font=ImageFont.truetype(SERIF, 70), fill=0)
    return np.asarray(image)


@pytest.mark.parametrize("gap", ["", "rule", "W"])
def test_a_glyph_the_fine_pass_left_out_of_a_headline_brings_in_the_whole_line(gap: str) -> None:
    # The fine pass parted a headline round one glyph and lost it, covering
    # 90% of the coarse line; white or a rule there is two headlines side by side.
    fine = np.array([[100, 50, 480, 130], [560, 50, 900, 130]], dtype=float)
    coarse = np.array([[100, 48, 900, 132]], dtype=float)
    rows = sorted(
        map(tuple, with_display_lines(fine, coarse, 20.0, _headline_in_two(gap)).tolist())
    )
    if gap == "W":
        assert rows == [(100.0, 48.0, 900.0, 132.0)]
    else:
        assert rows == [(100.0, 50.0, 480.0, 130.0), (560.0, 50.0, 900.0, 130.0)]


def test_a_fine_line_running_on_past_the_coarse_one_keeps_it_out_whatever_its_gap_holds() -> None:
    # Taken, the coarse box would be read again over the fine line's first part.
    fine = np.array([[100, 50, 480, 130], [560, 50, 1400, 130]], dtype=float)
    coarse = np.array([[100, 48, 900, 132]], dtype=float)
    rows = with_display_lines(fine, coarse, 20.0, _headline_in_two("W"))
    assert sorted(map(tuple, rows.tolist())) == sorted(map(tuple, fine.tolist()))


def test_a_nameplate_run_together_with_the_lines_round_it_is_taken_as_its_own_line() -> None:
    # The coarse pass joins a running head, a nameplate ten body lines tall and
    # a line under it into one box; the fine pass saw only the two thin lines.
    fine = np.array([[0, 0, 1000, 20], [0, 250, 1000, 270]], dtype=float)
    coarse = np.array([[0, 0, 1000, 270]], dtype=float)
    rows = sorted(map(tuple, with_display_lines(fine, coarse, body=20.0).tolist()))
    assert rows == [
        (0.0, 0.0, 1000.0, 20.0),
        (0.0, 20.0, 1000.0, 250.0),
        (0.0, 250.0, 1000.0, 270.0),
    ]
    # The running head and the dateline read in two pieces each, the nameplate
    # inked between them: no glyph of one row was left out.
    page = Image.new("L", (1000, 280), 250)
    ImageDraw.Draw(page).rectangle((0, 40, 999, 230), fill=0)
    halves = np.array(
        [[0, 0, 400, 20], [580, 0, 1000, 20], [0, 250, 400, 270], [580, 250, 1000, 270]],
        dtype=float,
    )
    rows = sorted(map(tuple, with_display_lines(halves, coarse, 20.0, np.asarray(page)).tolist()))
    assert (0.0, 20.0, 1000.0, 250.0) in rows and len(rows) == 5
    # Lines set at body leading leave no such band: nothing is added.
    leaded = np.array([[0, 30 * i, 1000, 30 * i + 20] for i in range(9)], dtype=float)
    out = with_display_lines(leaded, np.array([[0, 0, 1000, 260]], dtype=float), body=20.0)
    assert len(out) == 9


def test_upright_cells_lays_a_vertical_line_out_as_one_row() -> None:
    from newsprint.ocr.orientation import upright_cells

    column = np.repeat(np.arange(25, dtype=np.uint8)[:, None], 10, axis=1)  # 25 x 10
    row = upright_cells(column)
    assert row.shape == (10, 20)  # two whole 10 x 10 cells; the part-cell is left out
    assert (row[:, :10] == column[:10]).all() and (row[:, 10:] == column[10:20]).all()


@pytest.mark.models
def test_print_showing_through_from_the_verso_is_not_read(engine: OcrEngine) -> None:
    """A blank page whose verso shows through (mirrored print) under speckle:
    no lines, no articles, flagged blank; the same print the right way round is read."""
    from newsprint.pipeline.run import process_page

    rng = np.random.default_rng(3)
    verso = text_page(30)[:, ::-1].copy()
    speckle = rng.random(verso.shape) < 0.01
    verso[speckle] = 0
    page = process_page(_page(verso).model_copy(update={"work_image": None}), Settings(), engine)
    assert [ln.text for r in page.regions for ln in r.lines] == []
    assert page.articles == []
    assert FlagCode.BLANK in {f.code for f in page.flags}
    recto = process_page(
        _page(text_page(30)).model_copy(update={"work_image": None}), Settings(), engine
    )
    read = " ".join(ln.text for r in recto.regions for ln in r.lines)
    assert "harbour city council" in read
    assert FlagCode.BLANK not in {f.code for f in recto.flags}


@pytest.mark.models
def test_sample_pages_are_read_whole_without_an_unread_flag() -> None:
    from archival import PAGES, page_model

    for name in PAGES:
        page = page_model(name)
        assert FlagCode.UNREAD_TEXT not in {f.code for f in page.flags}, name
        assert not page.unread_areas
        assert page.body_text_px and 15 < page.body_text_px < 60


def test_a_coarse_box_inside_a_fine_line_that_runs_on_past_it_is_no_headline() -> None:
    # en-1000: the fine pass read a row across two columns (centre in the
    # second); the coarse pass saw the first column's two lines as one tall
    # box. Taken as a headline, the first column's line was read twice.
    fine = np.array([[121, 1053, 1501, 1089], [121, 1093, 1501, 1129]], dtype=float)
    coarse = np.array([[113, 1046, 586, 1135]], dtype=float)
    rows = sorted(map(tuple, with_display_lines(fine, coarse, body=24.0).tolist()))
    assert rows == sorted(map(tuple, fine.tolist()))


def test_tile_pieces_join_into_their_line_never_into_the_rows_around() -> None:
    from newsprint.ocr.line_detection import _join_tile_pieces

    # Synthetic en-old-1000, in the strip where two tiles overlap: one tile
    # boxed the lines of two columns, their baselines apart, as one box 40
    # pixels tall; the other read a line of the row above and one of the row
    # below. Joined as "one line", they grew into a box over three rows (and,
    # piece by piece, four columns), read as a junk headline.
    seam = [("y", 2080, 2400)]
    boxes = np.array(
        [[1070, 2204, 1751, 2244], [1052, 2231, 1397, 2249], [1426, 2199, 1748, 2220]],
        dtype=float,
    )
    joined = _join_tile_pieces(boxes, seam)
    assert len(joined) == 3 and max(joined[:, 3] - joined[:, 1]) == 40
    # A line cut by the tile edge, seen in both tiles, is one line again.
    halves = np.array([[100, 2290, 700, 2308], [650, 2291, 1200, 2309]], dtype=float)
    assert _join_tile_pieces(halves, seam).tolist() == [[100, 2290, 1200, 2309]]


def test_vertical_lines_across_a_seam_join_down_never_side_by_side() -> None:
    from newsprint.ocr.line_detection import _join_tile_pieces

    # ECPO 1940: a seam across a block of close-set vertical lines. The
    # padded boxes of neighbouring lines overlap beside each other; joined as
    # pieces of one row, the whole block became one box, read across.
    seam = [("y", 2600, 2700)]
    lines = np.array(
        [[1400, 2630, 1465, 2945], [1448, 2637, 1504, 2946], [1487, 2640, 1545, 2949]],
        dtype=float,
    )
    joined = _join_tile_pieces(lines, seam)
    assert sorted(joined.tolist()) == sorted(lines.tolist())
    # A vertical line cut by the tile edge, seen in both tiles, is one again.
    halves = np.array([[1400, 2500, 1462, 2690], [1403, 2650, 1465, 2945]], dtype=float)
    assert _join_tile_pieces(halves, seam).tolist() == [[1400, 2500, 1465, 2945]]
    # The short stubs one tile keeps of lines starting in the seam's strip
    # are no taller than wide: on a page of vertical lines they too are
    # tested down the page, each joining its own line only.
    stubs = np.array(
        [[1400, 2630, 1465, 2700], [1448, 2637, 1504, 2700], [1487, 2640, 1545, 2700]],
        dtype=float,
    )
    joined = _join_tile_pieces(np.concatenate([stubs, lines]), seam, down=True)
    assert sorted(joined.tolist()) == sorted(lines.tolist())


def test_the_second_pass_adds_only_lines_over_ink_no_line_reached() -> None:
    from newsprint.ocr.unread import _mostly_new

    # TTW 1867: over an unread area's margin the finer pass boxed "près
    # Malhert" inside the line "(D'après Malherbe.)" already found; it was
    # read twice and set as a story of its own.
    old = np.array([[301, 813, 460, 833]], dtype=float)
    new = np.array([[338, 814, 434, 825], [300, 900, 460, 915]], dtype=float)
    assert _mostly_new(new, old, (1000, 1000)).tolist() == [[300, 900, 460, 915]]


@pytest.mark.models
def test_a_vertical_page_is_detected_at_its_own_finer_scale(engine: OcrEngine) -> None:
    """Vertical lines of small type set close are run together at the scale
    that suits lines running across (ECPO 1940): a page whose lines run down
    is scaled so its median line is ``target_vertical_line_px`` wide."""
    from newsprint.ocr.line_detection import mostly_vertical

    from pagegen.vertical import VerticalSpec, generate_vertical_page

    spec = VerticalSpec(seed=3, width=1800, height=2600, char=28, bands=2, stories_per_band=2)
    image = np.asarray(generate_vertical_page(spec)[0].convert("L"))
    found = detect_lines(image, engine, DetectionSettings())
    assert mostly_vertical(found.boxes)
    assert found.line_height * found.scale == pytest.approx(32, rel=0.25)
    across = detect_lines(image, engine, DetectionSettings(target_vertical_line_px=22))
    assert across.scale < found.scale


@pytest.mark.models
def test_a_vertical_page_of_large_type_is_never_detected_below_its_floor(
    engine: OcrEngine,
) -> None:
    """Large vertical type asks for a reduced scale, where a tier's hairline
    rule fades (ECPO's 晶報 of April 1919): the page is detected at
    ``min_vertical_scale`` instead, its lines found as well."""
    from pagegen.vertical import VerticalSpec, generate_vertical_page

    spec = VerticalSpec(seed=5, width=1800, height=2600, char=60, bands=2, photo=False)
    image = np.asarray(generate_vertical_page(spec)[0].convert("L"))
    unfloored = detect_lines(image, engine, DetectionSettings(min_vertical_scale=0.0))
    assert unfloored.scale < 0.6
    found = detect_lines(image, engine, DetectionSettings())
    assert found.scale == pytest.approx(0.8)
    assert len(found.boxes) >= 0.9 * len(unfloored.boxes)


class _Columns:
    """A detector that sees ``count`` lines ``size`` image pixels thick on an
    image ``height`` pixels tall, down the page (or across it), at whatever
    scale it is given (one tile: the scale is the tile's height over the
    image's); it notes each scale it runs at."""

    def __init__(self, height: int, size: float, down: bool = True, count: int = 8) -> None:
        self.height, self.size, self.down, self.count = height, size, down, count
        self.scales: list[float] = []

    def detect_native(self, tile: np.ndarray) -> np.ndarray:
        s = tile.shape[0] / self.height
        self.scales.append(round(s, 2))
        thick, long = self.size * s, 0.5 * tile.shape[0] if self.down else 0.5 * tile.shape[1]
        quads = []
        for i in range(self.count):
            a = i * 2 * thick
            w, h = (thick, long) if self.down else (long, thick)
            x, y = (a, 0.0) if self.down else (0.0, a)
            quads.append([[x, y], [x + w, y], [x + w, y + h], [x, y + h]])
        return np.array(quads)


@pytest.mark.parametrize(
    ("height", "size", "scales"),
    [
        (2000, 70, [0.8]),  # measured at 0.8, which the floor keeps (unfloored: 0.46)
        (2600, 60, [0.62, 0.8]),  # in the band at 0.62, under the floor: again at 0.8
        (1700, 100, [0.94, 0.8]),  # the type asks 0.32; the floor gives 0.8
        (2100, 40, [0.76]),  # in the band at 0.76, within a tenth of the floor: kept
        (3456, 40.7, [0.46, 0.79]),  # the type asks 0.79, within a tenth of the floor
    ],
)
def test_vertical_lines_are_detected_at_the_floor_and_display_type_at_the_types_scale(
    height: int, size: float, scales: list[float]
) -> None:
    image = np.full((height, height), 255, np.uint8)
    detector = _Columns(height, size)
    found = detect_lines(image, detector, DetectionSettings(display_factor=0, tile_side=4000))  # type: ignore[arg-type]
    assert detector.scales == pytest.approx(scales, abs=0.01)
    assert found.scale == pytest.approx(scales[-1], abs=0.01)
    # The coarse pass for display type stays at 0.4 of the type's own scale.
    detector = _Columns(height, size)
    detect_lines(image, detector, DetectionSettings(display_factor=0.4, tile_side=4000))  # type: ignore[arg-type]
    unfloored = _Columns(height, size)
    detect_lines(image, unfloored, DetectionSettings(min_vertical_scale=0.0, tile_side=4000))  # type: ignore[arg-type]
    assert detector.scales[-1] == pytest.approx(unfloored.scales[-1], abs=0.01)


class _FewerFine(_Columns):
    """... but only two lines at 0.75 of the image's size or more."""

    def detect_native(self, tile: np.ndarray) -> np.ndarray:
        quads = super().detect_native(tile)
        return quads[:2] if tile.shape[0] >= 0.75 * self.height else quads


def test_lines_the_floors_pass_loses_are_detected_at_the_types_scale_instead() -> None:
    # 1919 fold p. 1 (shared ECPO): at 0.8 the detector boxed 190 lines where
    # the measuring pass had 430, so the floor's pass is dropped; the page is
    # detected at 0.64, the scale its type asks, as without the floor.
    image = np.full((2600, 2600), 255, np.uint8)
    detector = _FewerFine(2600, 80)  # 80 px lines measure 49 at 0.615: out of the band
    found = detect_lines(image, detector, DetectionSettings(display_factor=0, tile_side=4000))  # type: ignore[arg-type]
    assert detector.scales == pytest.approx([0.62, 0.8, 0.4], abs=0.01)
    assert found.scale == pytest.approx(32 / 80, abs=0.01)


def test_lines_across_are_detected_at_their_types_scale_below_the_vertical_floor() -> None:
    image = np.full((2000, 1400), 255, np.uint8)
    detector = _Columns(2000, 70, down=False)
    found = detect_lines(image, detector, DetectionSettings(display_factor=0))  # type: ignore[arg-type]
    assert detector.scales == pytest.approx([0.8, 22 / 70], abs=0.01)
    assert found.scale == pytest.approx(22 / 70, abs=0.01)


@pytest.mark.models
def test_lines_lost_at_the_measured_scale_are_kept_from_the_measuring_pass(
    engine: OcrEngine,
) -> None:
    # Under heavy dust the six lines are seen at full size and lost at the
    # 0.6 their type height asks for, where the specks blur into a haze.
    dusty = Path(__file__).parents[1] / "fixtures" / "pages" / "text-under-dust.png"
    image = np.asarray(Image.open(dusty).convert("L"))
    found = detect_lines(image, engine, DetectionSettings())
    centres = (found.boxes[:, 1] + found.boxes[:, 3]) / 2
    for top in range(200, 200 + 6 * 48, 48):  # where each line was set
        on_line = (centres > top) & (centres < top + 40)
        widths = found.boxes[on_line, 2] - found.boxes[on_line, 0]
        assert widths.sum() > 300, f"line at y={top} not found"
    assert found.line_height == pytest.approx(36, abs=8)


class _CountingDetector:
    """The engine, counting its whole-image detection runs."""

    def __init__(self, engine: OcrEngine) -> None:
        self.engine = engine
        self.runs = 0

    def detect_native(self, image: np.ndarray) -> np.ndarray:
        self.runs += 1
        return self.engine.detect_native(image)

    def __getattr__(self, name: str):
        return getattr(self.engine, name)


@pytest.mark.models
def test_lines_measured_near_the_target_height_are_kept_without_a_second_pass(
    engine: OcrEngine,
) -> None:
    image = text_page(14)  # lines about 17 px tall: 0.75-0.8 of the 22-px target
    counting = _CountingDetector(engine)
    kept = detect_lines(image, counting, DetectionSettings(display_factor=0))  # type: ignore[arg-type]
    assert counting.runs == 1 and kept.scale == 1.0
    assert len(kept.boxes) == 12
    assert 0.75 <= kept.line_height / 22 < 0.8
    # A narrower band sends the same page through a second pass at the target.
    counting.runs = 0
    narrow = DetectionSettings(display_factor=0, keep_measured=(0.8, 1.33))
    again = detect_lines(image, counting, narrow)  # type: ignore[arg-type]
    assert counting.runs == 2 and again.scale > 1.0
    assert len(again.boxes) == 12


def _found(line_height: float, lines: int = 100) -> DetectedLines:
    return DetectedLines(np.zeros((lines, 4)), 1.0, line_height)


def test_small_type_enlarges_the_working_image_by_a_whole_factor_within_memory() -> None:
    settings = DetectionSettings(
        min_work_line_px=12.0, max_enlargement=3, max_enlarged_pixels=40_000_000
    )
    assert enlargement(_found(6.0), (1500, 1100), settings) == 2
    assert enlargement(_found(11.2), (1500, 1100), settings) == 2
    assert enlargement(_found(4.5), (1500, 1100), settings) == 3
    assert enlargement(_found(1.5), (1500, 1100), settings) == 3  # never more
    assert enlargement(_found(12.0), (1500, 1100), settings) == 1
    # A few specks measure nothing.
    assert enlargement(_found(2.0, lines=3), (1500, 1100), settings) == 1
    assert enlargement(_found(0.0, lines=0), (1500, 1100), settings) == 1
    # A broadsheet of small type is enlarged only as far as memory allows.
    assert enlargement(_found(5.0), (9000, 4000), settings) == 1
    assert enlargement(_found(5.0), (3000, 2000), settings) == 2
    # A grey scan wants more pixels to a line than a 1-bit one.
    grey = DetectionSettings(min_work_line_px=12.0, grey_line_factor=1.25)
    assert enlargement(_found(14.5), (1100, 850), grey) == 1
    assert enlargement(_found(14.5), (1100, 850), grey, grey=True) == 2
    assert enlargement(_found(15.0), (1100, 850), grey, grey=True) == 1


@pytest.mark.models
def test_a_page_of_small_type_is_laid_out_on_an_enlarged_image_in_scan_pixels(
    engine: OcrEngine,
) -> None:
    image = text_page(30, scale=0.22)  # 6.6-pixel type, as a 55-dpi scan
    page = _page(image)
    page.geometry = PageGeometry(work_size=(image.shape[1], image.shape[0]))
    done = detect_text(page, Settings(), engine)
    factor = done.work_image.shape[1] / image.shape[1]
    assert factor >= 2 and done.work_image.shape[0] == image.shape[0] * factor
    assert done.geometry.scan_per_work() == pytest.approx(1 / factor)
    assert len(done.detected_lines) == 12
    # The lines are found on the enlarged image and map back onto the scan's
    # lines; the body size is given in scan pixels.
    rows = np.flatnonzero((image < 128).any(axis=1))
    for x0, y0, x1, y1 in done.detected_lines:
        (_, sy0, sx1, sy1), _ = done.geometry.box_to_scan(
            (x0, y0, x1, y1), (page.width, page.height)
        )
        assert rows[0] - 4 <= (sy0 + sy1) / 2 <= rows[-1] + 4
        assert sx1 <= image.shape[1]
    assert 5 < done.body_text_px < 15


@pytest.mark.models
def test_a_page_of_body_type_keeps_its_working_image(engine: OcrEngine) -> None:
    image = text_page(30)
    page = _page(image)
    page.geometry = PageGeometry(work_size=(image.shape[1], image.shape[0]))
    done = detect_text(page, Settings(), engine)
    assert done.work_image is image
    assert done.geometry.scan_per_work() == 1.0


def test_a_1_bit_page_detected_at_its_own_size_finds_its_lines(engine: OcrEngine) -> None:
    # The detector, trained on grey images, loses lines on a 1-bit page's hard
    # edges at its own size (NCSE's NS2 1843 p4: 259 lines where there are
    # 1,088), while any other scale resamples the page grey: softened first,
    # it finds as many at its own size as a twentieth larger.
    from pagegen import generate_page
    from pagegen.oldrandom import random_old_spec

    page = np.asarray(generate_page(random_old_spec(1000)).image.convert("L"))[:1024, :1024]
    assert np.unique(page).size == 2
    settings = Settings().detection
    native = detect_lines(page, engine, settings, scale=1.0).boxes
    resampled = detect_lines(page, engine, settings, scale=1.06).boxes
    assert len(resampled) > 80
    assert len(native) >= 0.9 * len(resampled)


def _curled_column(rise: float) -> np.ndarray:
    """22 lines of 16-px type on a 1-bit page whose lines rise ``rise`` px
    towards their right ends (a page curling up on film)."""
    width = 700
    image = Image.new("L", (width, 700), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SERIF, 16)
    for i in range(22):
        draw.text((40, 60 + i * 22), " ".join((WORDS * 2)[i % 5 : i % 5 + 11]), font=font, fill=0)
    flat = np.array(image)
    xs, ys = np.meshgrid(np.arange(width, dtype=np.float32), np.arange(700, dtype=np.float32))
    bent = cv2.remap(flat, xs, ys + rise * (xs / width) ** 2, cv2.INTER_LINEAR, borderValue=255)
    return np.where(bent < 128, 0, 255).astype(np.uint8)


@pytest.mark.parametrize("rise", [40, 80])
def test_a_curled_column_is_looked_at_again_in_strips_and_its_words_read(
    engine: OcrEngine, rise: int
) -> None:
    # Star of Freedom 1852 p14: where a column curls up, one box across it
    # takes in a line and a half or more, and the recogniser reads nothing
    # of it; in strips (halved where their lines still slant: at a rise of
    # 80 pixels the strips alone read 144 of the 242 words) each piece of a
    # line is nearly straight and read.
    from collections import Counter

    from newsprint.layout.binarize import ink_mask
    from newsprint.ocr.unread import _detect_in_strips

    image = _curled_column(rise)
    area = (0, 0, image.shape[1], image.shape[0])
    truth = Counter(w for i in range(22) for w in (WORDS * 2)[i % 5 : i % 5 + 11])
    straight = detect_lines(_curled_column(0), engine, DetectionSettings(), area, scale=1.0)
    pitch = straight.line_height

    def words(boxes: np.ndarray) -> Counter[str]:
        crops = [image[int(y0) : int(y1), int(x0) : int(x1)] for x0, y0, x1, y1 in boxes]
        return Counter(w for text, _ in engine.recognize_lines(crops) for w in text.split())

    whole = detect_lines(image, engine, DetectionSettings(), area, scale=1.0).boxes
    pieces = _detect_in_strips(
        image, ink_mask(image), area, 1.0, pitch, engine, DetectionSettings()
    )
    total = sum(truth.values())
    assert sum((words(whole) & truth).values()) < 0.2 * total
    read = words(pieces)
    assert sum((read & truth).values()) >= 0.8 * total
    assert sum((read - truth).values()) <= 0.3 * total  # word ends cut, few read twice
    # A straight line's pieces from two strips lie level: one line again.
    flat = _curled_column(0)
    again = _detect_in_strips(flat, ink_mask(flat), area, 1.0, pitch, engine, DetectionSettings())
    assert len(again) == len(straight.boxes)


def test_a_strip_slants_where_its_lines_stand_in_each_others_rows() -> None:
    from newsprint.ocr.strips import slanting

    rising = np.array([[0, 10 + 20 * i, 300, 50 + 20 * i] for i in range(5)], dtype=float)
    display = np.array([[0, 0, 300, 60]], dtype=float)  # a line of display type
    spaced = np.array([[0, 80 * i, 300, 50 + 80 * i] for i in range(3)], dtype=float)
    assert slanting(rising, 20)
    assert not slanting(display, 20)
    assert not slanting(spaced, 20)


def test_a_lines_pieces_from_two_strips_are_one_again_or_cut_without_slivers() -> None:
    from newsprint.ocr.strips import seam

    ink = np.zeros((200, 600), dtype=np.uint8)
    ink[20:40, 10:590] = 255
    ink[20:40, 300:310] = 0  # a word space in the strips' overlap
    ink[100:120, 10:280] = 255
    ink[113:133, 290:590] = 255  # a line rising across the strips
    left = np.array([[5, 18, 320, 42], [5, 98, 320, 128], [250, 140, 318, 160]], dtype=float)
    right = np.array([[280, 19, 595, 41], [280, 108, 595, 140], [285, 143, 300, 155]], dtype=float)
    pieces = seam(left, right, ink)
    assert [5, 18, 595, 42] in pieces.tolist()  # level: one box again
    slanted = sorted(p for p in pieces.tolist() if p[1] in (98, 108))
    assert len(slanted) == 2 and slanted[0][2] == slanted[1][0]  # cut where they meet
    assert 280 <= slanted[0][2] <= 292  # at the white between the two pieces' ink
    assert all(x1 - x0 >= 0.5 * (y1 - y0) for x0, y0, x1, y1 in pieces)
    assert len(pieces) == 4  # the piece inside the left one's reach is dropped


@pytest.mark.models
def test_lines_the_print_box_cuts_are_read_whole_and_the_box_grows_over_them(
    engine: OcrEngine,
) -> None:
    # ECPO 1919: the print box, which leaves out the outermost 0.05% of the
    # ink, cut a faint column at the fold down its middle; its characters
    # were read as half of the next column's. The strip along an edge where
    # a line runs on past the box is detected again, and the box grows.
    image = text_page(30)
    ink = image < 128
    ink_left = int(np.flatnonzero(ink.any(axis=0)).min())
    ink_right = int(np.flatnonzero(ink.any(axis=0)).max())
    cut = (ink_left - 2, 40, ink_right - 12, 640)  # the left edge at the ink, as found
    image[600:606, cut[2] + 6 : cut[2] + 12] = 0  # a speck past the box, beside no line
    page = _page(image)
    page.geometry = PageGeometry(work_size=(image.shape[1], image.shape[0]), content_box=cut)
    done = detect_text(page, Settings(), engine)
    lines = np.asarray(done.detected_lines)
    assert len(lines) == 12
    assert lines[:, 2].max() >= ink_right - 2  # the longest line whole
    assert (lines[:, 0] < cut[2]).all()  # no line wholly past the box
    assert done.geometry.content_box[2] >= ink_right - 2
    assert done.geometry.content_box[:2] == cut[:2]  # no ink past the left edge: as it was
