"""Lines read from noise (speckle, dust, grain, print showing through) are
dropped; a page of nothing else is blank (``ocr.noise``, issue 16 kind 2)."""

from __future__ import annotations

import numpy as np
import pytest
from newsprint.core.page import FlagCode, NewspaperPage, Region, RegionType, TextLine
from newsprint.core.settings import Settings
from newsprint.ocr.engine import OcrEngine
from newsprint.ocr.noise import without_noise
from PIL import Image, ImageDraw, ImageFont
from synth import add_dust_clusters

SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"


def _line(text: str, confidence: float, box: tuple[float, float, float, float]) -> TextLine:
    bbox = tuple(int(v) for v in box)
    return TextLine(text=text, confidence=confidence, bbox=bbox, work_bbox=box)


def _region(rid: str, lines: list[TextLine], kind: RegionType = RegionType.TEXT) -> Region:
    box = (
        min(ln.bbox[0] for ln in lines),
        min(ln.bbox[1] for ln in lines),
        max(ln.bbox[2] for ln in lines),
        max(ln.bbox[3] for ln in lines),
    )
    return Region(id=rid, type=kind, bbox=box, lines=lines)


def _texts(regions: list[Region]) -> list[str]:
    return [ln.text for r in regions for ln in r.lines]


def test_a_page_of_specks_read_as_short_unsure_lines_has_no_text() -> None:
    specks = [
        _line(t, c, (100 + 300 * i, 200 + 150 * i, 130 + 300 * i, 230 + 150 * i))
        for i, (t, c) in enumerate([("4", 0.16), ('A. "', 0.64), ("in", 0.89), ("5 1", 0.86)])
    ]
    junk = _line("2261vb m1k<a< m <2va4 103", 0.44, (50, 900, 700, 940))
    assert _texts(without_noise([_region("r1", specks), _region("r2", [junk])], 20.0)) == []


def test_on_a_page_with_text_only_marks_and_lone_unsure_specks_go() -> None:
    column = [
        _line(
            f"Line {i} of the harbour board's report", 0.97, (100, 100 + 30 * i, 600, 124 + 30 * i)
        )
        for i in range(10)
    ]
    worn = _line("Tbe harhour hoard met", 0.41, (100, 400, 600, 424))  # worn type, in its column
    near = _line("7", 0.3, (610, 130, 622, 150))  # a speck beside the text: may be a mark of it
    lone = _line("4", 0.3, (1500, 1800, 1512, 1820))  # a speck far off in the margin
    folio = _line("7", 0.98, (1500, 40, 1512, 60))  # the folio, far off but read surely
    marks = _line("• :", 0.9, (100, 700, 140, 720))
    caption = _line("A sign in the photo", 0.35, (900, 900, 1100, 920))
    regions = [
        _region("r1", [*column, worn, near, marks]),
        _region("r2", [lone]),
        _region("r3", [folio], RegionType.FOLIO),
        _region("r4", [caption], RegionType.PHOTO),
    ]
    kept = _texts(without_noise(regions, 24.0))
    assert kept == [ln.text for ln in column] + [worn.text, near.text, folio.text, caption.text]


def _rule(rid: str, box: tuple[float, float, float, float]) -> Region:
    return Region(id=rid, type=RegionType.SEPARATOR, bbox=tuple(int(v) for v in box), work_bbox=box)


def test_a_rule_read_as_text_goes_and_the_type_beside_it_stays() -> None:
    column = [
        _line(f"Line {i} of the harbour report", 0.97, (100, 200 + 30 * i, 600, 224 + 30 * i))
        for i in range(5)
    ]
    rough = _line("アーーーでに", 0.36, (140, 68, 372, 97))  # a worn rule's edge
    worn_above = _line("The Weekly Circnlar", 0.42, (560, 100, 900, 128))  # rule at its foot
    struck = _line("a word struck through", 0.9, (100, 400, 400, 424))  # read surely
    crossed = _line("Tbe harhour hoard", 0.41, (100, 450, 400, 474))  # worn, on a fold's crease
    rules = [
        _rule("s1", (50, 82, 1450, 88)),
        _rule("s2", (50, 126, 1450, 130)),
        _rule("s3", (90, 410, 420, 413)),
        _rule("s4", (90, 460, 420, 463)),
    ]
    regions = [
        *rules,
        _region("r1", [rough, worn_above]),
        _region("r2", [*column, struck, crossed]),
    ]
    kept = _texts(without_noise(regions, 24.0))
    assert kept == [
        worn_above.text,
        *(ln.text for ln in column),
        struck.text,
        crossed.text,
    ]


def _dust_page(seed: int) -> np.ndarray:
    """A blank 1-bit page under dense dust: 2,500 specks of 1-4 pixels and
    20 little clusters of them (as a scanner thresholds a dirty platen)."""
    rng = np.random.default_rng(seed)
    page = np.full((1000, 800), 255, np.uint8)
    for _ in range(2500):
        s = int(rng.integers(1, 5))
        y, x = int(rng.integers(0, 1000 - s)), int(rng.integers(0, 800 - s))
        page[y : y + s, x : x + s] = 0
    add_dust_clusters(page, rng, count=20, margin=40, spread=10)
    return page


def _run(image: np.ndarray, engine: OcrEngine) -> NewspaperPage:
    from newsprint.pipeline.run import process_page

    h, w = image.shape
    page = NewspaperPage(source="dust.png", sha256="0", width=w, height=h, image=image)
    return process_page(page, Settings(), engine)


@pytest.mark.models
def test_a_dusty_blank_page_reads_no_lines_and_is_flagged_blank(engine: OcrEngine) -> None:
    page = _run(_dust_page(2), engine)
    assert _texts(page.regions) == []
    assert page.articles == []
    assert FlagCode.BLANK in {f.code for f in page.flags}


def test_a_blank_page_is_not_flagged_for_the_skew_of_its_dust() -> None:
    from newsprint.ocr.stage import _flag_confidence

    page = NewspaperPage(source="dust.png", sha256="0", width=800, height=1000)
    page.add_flag(FlagCode.UNUSUAL_SKEW, "skew of -4.20° is unusually large", 0.3)
    _flag_confidence(page, Settings())
    assert [f.code for f in page.flags] == [FlagCode.BLANK]


@pytest.mark.models
def test_text_under_the_same_dust_is_read(engine: OcrEngine) -> None:
    image = Image.fromarray(_dust_page(2))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SERIF, 24)
    for i, words in enumerate(["The harbour board met on Monday", "to discuss plans for a ferry"]):
        draw.text((80, 300 + 40 * i), words, font=font, fill=0)
    page = _run(np.array(image), engine)
    read = " ".join(_texts(page.regions))
    assert "harbour board" in read and "ferry" in read
    assert FlagCode.BLANK not in {f.code for f in page.flags}


@pytest.mark.models
@pytest.mark.parametrize("seed", [7, 8])
def test_text_under_dust_that_outnumbers_it_is_not_turned_over(
    engine: OcrEngine, seed: int
) -> None:
    """The orientation stage samples lines where the dust outnumbers the
    letters; specks read upside down as "1", "x" (seed 7: at 0.65) are no
    reason to turn the page: six lines of text stay upright and are read."""
    from synth import speckled_text_page

    page = _run(speckled_text_page(4000 if seed == 7 else 2000, seed), engine)
    assert page.orientation == 0
    assert FlagCode.ROTATED not in {f.code for f in page.flags}
    words = " ".join(_texts(page.regions)).split()
    assert len(words) >= 40  # six lines of nine words, some run together


def test_a_worn_column_rule_read_as_characters_goes_and_the_type_beside_it_stays() -> None:
    # NS2 1843 p. 4: a worn column rule's thicker stretches were boxed as
    # lines and read "1", "t", "7", "12", set among the next column's lines.
    left = [
        _line(f"Line {i} of the left column", 0.97, (100, 100 + 30 * i, 600, 124 + 30 * i))
        for i in range(12)
    ]
    right = [
        _line(f"Line {i} of the right column", 0.97, (640, 100 + 30 * i, 1100, 124 + 30 * i))
        for i in range(12)
    ]
    pieces = [_line("1", 0.78, (612, 150, 626, 174)), _line("12", 0.45, (611, 300, 627, 326))]
    numeral = _line("I.", 0.9, (640, 460, 662, 484))  # a numbered item's mark, beside the rule
    past_the_foot = _line("7", 0.98, (612, 560, 624, 584))  # under the rule's foot: kept
    figure = _line("7", 0.97, (602, 130, 611, 154))  # a price's figure set against the rule
    regions = [
        _rule("v", (615, 80, 620, 500)),
        _region("r1", [*left, figure]),
        _region("r2", [*right, *pieces, numeral, past_the_foot]),
    ]
    kept = _texts(without_noise(regions, 24.0))
    assert kept == [ln.text for ln in left] + ["7"] + [ln.text for ln in right] + ["I.", "7"]
