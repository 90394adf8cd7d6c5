"""Tables (issue 16, kind 4) through the real pipeline: an unruled stock table
drawn beside a column of text is found, read row by row with each cell whole,
and written to page.json, articles.txt, ALTO and tables/<region id>.csv; the
text column beside it stays an article of its own. Real models."""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

import numpy as np
import pytest
from lxml import etree
from newsprint.core.page import NewspaperPage, RegionType
from newsprint.core.settings import OutputSettings, Settings
from newsprint.exports import write_outputs
from newsprint.ocr.engine import OcrEngine
from newsprint.pipeline.run import process_page
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
MING = "/usr/share/fonts/truetype/arphic/uming.ttc"
NAMES = {
    "zh": [
        "華南電力",
        "東海航運",
        "北嶺水泥",
        "新城百貨",
        "大同紡織",
        "中興銀行",
        "永安保險",
        "建業地產",
    ],
    "en": [
        "Harbour Power",
        "East Sea Ship",
        "North Cement",
        "New Town Stores",
        "Datong Mills",
        "Union Bank",
        "Yongan Insure",
        "Jianye Estates",
    ],
}
TEXT = {
    "zh": [
        "市長再度討論市場攤販的新規定",
        "東區居民正式通過市場攤販的新",
        "港務局昨日宣布水災街道的調查",
    ],
    "en": [
        "Dock workers questioned a new road",
        "The mayor announced plans for a",
        "Members of the chamber of commerce",
    ],
}
ROWS = 8
NS = {"a": "http://www.loc.gov/standards/alto/ns-v4#"}


def stock_page(language: str, text_left: bool) -> tuple[np.ndarray, list[list[str]]]:
    """An unruled table of ``ROWS`` rows (name, code, open, close, change; the
    figures right-aligned, their decimal points one under the other) and a
    column of text tagged T01.. beside it, set to another leading."""
    rnd = random.Random(7)
    size, pitch, text_pitch = 24, 46, 36
    name_font = ImageFont.truetype(MING if language == "zh" else SERIF, size)
    figures = ImageFont.truetype(SERIF, size)
    table_x = 680 if text_left else 40
    ends = [None, 300, 430, 560, 690] if language == "zh" else [None, 400, 530, 660, 790]
    text_x = 40 if text_left else ends[-1] + 80
    image = Image.new("L", (1300 if language == "zh" else 1500, 80 + 12 * text_pitch + 60), 255)
    draw = ImageDraw.Draw(image)
    rows = []
    for r in range(ROWS):
        opened = rnd.uniform(10, 400)
        closed = opened * (1 + rnd.uniform(-0.025, 0.025))
        cells = [
            NAMES[language][r],
            str(rnd.randint(1000, 9999)),
            f"{opened:.2f}",
            f"{closed:.2f}",
            f"{(closed / opened - 1) * 100:+.2f}%",
        ]
        y = 80 + r * pitch
        draw.text((table_x, y), cells[0], font=name_font, fill=0)
        for text, end in zip(cells[1:], ends[1:], strict=True):
            x = table_x + end - 40 - draw.textlength(text, font=figures)
            draw.text((x, y), text, font=figures, fill=0)
        rows.append(cells)
    for r in range(12):
        line = f"T{r + 1:02d} {TEXT[language][r % 3]}"
        draw.text((text_x, 80 + r * text_pitch), line, font=name_font, fill=0)
    return np.array(image), rows


def _run(image: np.ndarray, engine: OcrEngine) -> NewspaperPage:
    h, w = image.shape[:2]
    page = NewspaperPage(source="stocks.png", sha256="0", width=w, height=h, image=image)
    return process_page(page, Settings(), engine)


@pytest.mark.models
@pytest.mark.parametrize("language, text_left", [("zh", False), ("en", True)])
def test_a_stock_table_beside_a_text_column_is_read_row_by_row(
    engine: OcrEngine, tmp_path: Path, language: str, text_left: bool
) -> None:
    image, drawn = stock_page(language, text_left)
    page = _run(image, engine)

    tables = page.regions_of(RegionType.TABLE)
    assert len(tables) == 1
    table = tables[0]
    got = [[c.text for c in row] for row in table.rows]
    assert len(got) == ROWS
    for cells, want in zip(got, drawn, strict=True):
        # Each row's cells together and whole: a price is one cell, never "107." and "63".
        assert cells[1:] == want[1:]
    names = [cells[0] for cells in got]
    assert sum(n == w[0] for n, w in zip(names, drawn, strict=True)) >= ROWS - 1

    # The text column beside is an article of its own, every line of it, no
    # running head taken from its first line, and no cell in it.
    assert not page.regions_of(RegionType.RUNNING_HEAD, RegionType.FOLIO)
    owner = [a for a in page.articles if table.id in a.region_ids]
    assert len(owner) == 1 and not owner[0].paragraphs
    prose = [a for a in page.articles if a.paragraphs]
    assert len(prose) == 1 and not prose[0].tables
    tags = re.findall(r"T\d\d", " ".join(prose[0].paragraphs))
    assert tags == [f"T{i:02d}" for i in range(1, 13)]
    assert not any(w[2] in " ".join(prose[0].paragraphs) for w in drawn)

    folder = tmp_path / "stocks"
    write_outputs(page, folder, OutputSettings(write_pdf=False))
    text = (folder / "articles.txt").read_text(encoding="utf-8")
    for want in drawn:
        assert "\t".join(want[1:]) + "\n" in text + "\n"
    with (folder / "tables" / f"{table.id}.csv").open(encoding="utf-8", newline="") as handle:
        assert [row[1:] for row in csv.reader(handle)] == [w[1:] for w in drawn]

    alto = etree.parse(str(folder / "page.alto.xml"))
    etree.XMLSchema(etree.parse(str(ROOT / "schemas" / "alto-4-4.xsd"))).assertValid(alto)
    (block,) = alto.findall(".//a:ComposedBlock[@TYPE='table']", NS)
    assert block.get("ID") == table.id
    strings = [s.get("CONTENT") for s in block.iterfind("a:TextBlock//a:String", NS)]
    assert drawn[0][2] in strings and drawn[0][4] in strings
