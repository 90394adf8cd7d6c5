"""The orientation stage on Chinese pages whose lines run down: a vertical
page stays upright, a page of lines across scanned sideways is turned
(ocr.orientation.reads_as_vertical_cjk)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from newsprint.core.page import FlagCode, NewspaperPage
from newsprint.core.settings import Settings
from newsprint.ocr.engine import OcrEngine
from newsprint.ocr.orientation import orient
from PIL import Image, ImageDraw, ImageFont

from pagegen.corpus import load_corpus

MING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
"""A Ming (Song) typeface, as the old dailies are set in."""

pytestmark = [
    pytest.mark.models,
    pytest.mark.skipif(not MING.exists(), reason="fonts-arphic-uming is not installed"),
]


def _characters(count: int, skip: int = 0) -> str:
    text = "".join("".join(story.sentences) for story in load_corpus("zh-hant").stories)
    text = "".join(c for c in text if "\u4e00" <= c <= "\u9fff")
    return text[skip : skip + count]


def _close_set_vertical_page() -> np.ndarray:
    """申報 1872's setting: vertical lines of 44-px characters set close (a
    character every 46 px down the line), a 5-px rule between lines 78 px
    apart, so a square cell as wide as a line's box cuts characters in two.
    Each line starts a little lower than the last (a line's characters do
    not stand level with its neighbours' as in a grid)."""
    size, pitch, line = 44, 46, 78
    columns, rows = 12, 26
    image = Image.new("L", (columns * line + 120, rows * pitch + 160), 235)
    draw = ImageDraw.Draw(image)
    typeface = ImageFont.truetype(str(MING), size)
    text = iter(_characters(columns * rows))
    for c in range(columns):
        x = image.width - 60 - (c + 1) * line
        draw.rectangle((x - 3, 60, x + 2, image.height - 60), fill=20)
        for r in range(rows):
            y = 80 + (17 * c) % pitch + r * pitch
            draw.text((x + (line - size) // 2, y), next(text), font=typeface, fill=15)
    return np.asarray(image)


def _page(image: np.ndarray) -> NewspaperPage:
    h, w = image.shape[:2]
    return NewspaperPage(source="page.png", sha256="0", width=w, height=h, image=image)


def test_a_vertical_page_of_close_set_type_stays_upright(engine: OcrEngine) -> None:
    # Read turned a quarter anticlockwise the page reads at 0.99 (the
    # recogniser learned vertical lines so); its square cells cut the close
    # set characters and read at 0.78, more than 0.08 below that, but the
    # characters stand upright in them: not far below the lines turned, so
    # the page is not turned (it was).
    page = orient(_page(_close_set_vertical_page()), Settings(), engine)
    assert page.orientation == 0
    assert FlagCode.ROTATED not in {f.code for f in page.flags}


@pytest.mark.parametrize("skip", [0, 5000])
def test_lines_across_scanned_sideways_are_still_turned(engine: OcrEngine, skip: int) -> None:
    # The same type set in lines across, the sheet scanned a quarter turned
    # clockwise: its characters lie on their side and the page is turned
    # (two samples of text: some characters read alike on their side).
    size, leading, rows = 44, 70, 17
    image = Image.new("L", (2000, rows * leading + 160), 235)
    draw = ImageDraw.Draw(image)
    typeface = ImageFont.truetype(str(MING), size)
    per_line = (image.width - 120) // size
    text = _characters(rows * per_line, skip)
    for r in range(rows):
        line = text[r * per_line : (r + 1) * per_line]
        draw.text((60, 80 + r * leading), line, font=typeface, fill=15)
    sideways = np.ascontiguousarray(np.rot90(np.asarray(image), k=-1))
    assert sideways.shape[0] > sideways.shape[1]  # portrait: no fold to split
    page = orient(_page(sideways), Settings(), engine)
    assert page.orientation == 270
    assert FlagCode.ROTATED in {f.code for f in page.flags}
