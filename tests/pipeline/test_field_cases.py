"""Field faults of the kinds in issue 16, on pages drawn here: the right output
as a test of the project's own. Real models."""

from __future__ import annotations

import re

import numpy as np
import pytest
from newsprint.core.page import NewspaperPage, RegionType
from newsprint.core.settings import Settings
from newsprint.ocr.engine import OcrEngine
from newsprint.pipeline.run import process_page
from PIL import Image, ImageDraw, ImageFont

SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
PHRASES = [
    "Dock workers questioned a new road to the",
    "The mayor announced plans for a night school",
    "Members of the chamber of commerce outlined",
    "The fire brigade reviewed a survey of the flood",
]


def tagged_columns(rows: int, tilt: float, foot_margin: int, pitch: int = 36) -> np.ndarray:
    """Two plain columns of lines tagged L01.. and R01.., ``pitch`` px from one
    baseline to the next (24 px type), the last line ``foot_margin`` px from
    the foot, the page tilted by ``tilt`` degrees."""
    size, top = 24, 80
    height = top + rows * pitch + foot_margin
    image = Image.new("L", (1500, height), 255)
    draw = ImageDraw.Draw(image)
    body = ImageFont.truetype(SERIF, size)
    for r in range(rows):
        for side, x in (("L", 60), ("R", 790)):
            text = f"{side}{r + 1:02d} {PHRASES[(r + (side == 'R')) % len(PHRASES)]}"
            draw.text((x, top + r * pitch), text, font=body, fill=0)
    return np.array(image.rotate(tilt, resample=Image.BICUBIC, fillcolor=255))


def _run(image: np.ndarray, engine: OcrEngine) -> NewspaperPage:
    h, w = image.shape[:2]
    page = NewspaperPage(source="case.png", sha256="0", width=w, height=h, image=image)
    return process_page(page, Settings(), engine)


@pytest.mark.models
@pytest.mark.parametrize(
    "tilt, foot_margin, pitch",
    # The last: double-spaced type, its white wider than its ink is tall.
    [(-0.5, 60, 36), (0.5, 25, 36), (-0.5, 60, 50)],
)
def test_first_and_last_lines_of_columns_are_body_text(
    engine: OcrEngine, tilt: float, foot_margin: int, pitch: int
) -> None:
    rows = 20
    page = _run(tagged_columns(rows, tilt, foot_margin, pitch), engine)
    kinds = {r.type for r in page.regions}
    assert RegionType.RUNNING_HEAD not in kinds and RegionType.FOLIO not in kinds
    text = " ".join(p for a in page.articles for p in [a.headline or "", *a.paragraphs])
    tags = re.findall(r"\b([LR]\d\d)\b", text)
    expected = [f"L{i:02d}" for i in range(1, rows + 1)] + [f"R{i:02d}" for i in range(1, rows + 1)]
    assert tags == expected
    assert page.skew_angle == pytest.approx(tilt, abs=0.1)


def ruled_heading_page(head: list[tuple[int, str, int]], rows: int = 30) -> np.ndarray:
    """Two columns of tagged body lines (24 px type) under a heading band set
    between a double rule and a single rule across the page, as 19th-century
    weeklies print their running head. ``head``: (x, text, type size) each."""
    image = Image.new("L", (1500, 160 + rows * 36 + 80), 255)
    draw = ImageDraw.Draw(image)
    for y in (40, 48):
        draw.rectangle((50, y, 1450, y + 3), fill=0)
    for x, text, size in head:
        draw.text((x, 70), text, font=ImageFont.truetype(SERIF, size), fill=0)
    draw.rectangle((50, 125, 1450, 128), fill=0)
    body = ImageFont.truetype(SERIF, 24)
    for r in range(rows):
        for side, x in (("L", 60), ("R", 790)):
            text = f"{side}{r + 1:02d} {PHRASES[(r + (side == 'R')) % len(PHRASES)]}"
            draw.text((x, 160 + r * 36), text, font=body, fill=0)
    return np.array(image)


@pytest.mark.models
def test_a_running_head_between_rules_is_no_story(engine: OcrEngine) -> None:
    """The folio, the paper's name and the date between the border's double
    rule and the rule under them (type a little larger than the body's) are
    the running head, not three stories (TEC 1880 p. 44)."""
    head = [(70, "44", 28), (560, "The Weekly Circular", 34), (1230, "Jan. 17, 1880", 30)]
    page = _run(ruled_heading_page(head), engine)
    kinds = {ln.text.strip(): r.type for r in page.regions for ln in r.lines}
    assert kinds.get("44") == RegionType.FOLIO
    assert kinds.get("The Weekly Circular") == RegionType.RUNNING_HEAD
    assert kinds.get("Jan. 17, 1880") == RegionType.RUNNING_HEAD
    text = " ".join(p for a in page.articles for p in [a.headline or "", *a.paragraphs])
    assert "Circular" not in text and "1880" not in text
    assert re.findall(r"\b([LR]\d\d)\b", text)[:2] == ["L01", "L02"]


@pytest.mark.models
def test_a_headline_between_rules_at_the_top_stays_a_headline(engine: OcrEngine) -> None:
    """A story's one-line headline ruled off at the top of the page, in type
    twice the body's, is no running head."""
    page = _run(ruled_heading_page([(300, "HARBOUR BOARD MEETS", 44)]), engine)
    heads = [a.headline or "" for a in page.articles]
    assert any("HARBOUR BOARD" in h for h in heads)
    assert not [r for r in page.regions if r.type == RegionType.RUNNING_HEAD]
