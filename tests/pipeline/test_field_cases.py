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
