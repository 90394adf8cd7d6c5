"""A table in the outputs, on a hand-built page (no OCR): page.json's cells,
articles.txt's tab-separated rows in their place, ALTO's ComposedBlock of cell
TextBlocks, and tables/<region id>.csv."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
from lxml import etree
from newsprint.core.page import (
    Article,
    ArticleTable,
    NewspaperPage,
    PageGeometry,
    Region,
    RegionType,
    TableCell,
    TextLine,
)
from newsprint.core.settings import OutputSettings
from newsprint.exports import alto_xml, render_articles_text, write_outputs
from newsprint.exports.page_json import read_page_json
from newsprint.versions import make_current, write_version

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
NS = {"a": "http://www.loc.gov/standards/alto/ns-v4#"}
W, H = 1200, 900
ROWS = [
    ["華南電力", "2577", "107.63", "108.51", "+0.81%"],
    ["東海航運", "1763", "349.49", "", "+0.44%"],
    ["北嶺水泥", "2875", "15.66", "15.57", "-0.56%"],
]
XS = [(40, 140), (220, 300), (330, 430), (450, 550), (580, 690)]


def _table() -> Region:
    rows = []
    for r, texts in enumerate(ROWS):
        y = 60 + 50 * r
        rows.append(
            [
                TableCell(text=t, confidence=0.95, bbox=(x0, y, x1, y + 30), column=c)
                for c, (t, (x0, x1)) in enumerate(zip(texts, XS, strict=True))
                if t
            ]
        )
    lines = [
        TextLine(
            text=" ".join(c.text for c in row),
            confidence=0.95,
            bbox=(40, row[0].bbox[1], 690, row[0].bbox[3]),
        )
        for row in rows
    ]
    return Region(id="r002", type=RegionType.TABLE, bbox=(38, 58, 692, 212), rows=rows, lines=lines)


def _text(rid: str, y: int, text: str) -> Region:
    line = TextLine(text=text, confidence=0.9, bbox=(760, y, 1140, y + 30))
    return Region(id=rid, type=RegionType.TEXT, bbox=(760, y, 1140, y + 30), lines=[line])


def _page() -> NewspaperPage:
    table = _table()
    regions = [
        _text("r001", 60, "T01 市長再度討論市場攤販"),
        table,
        _text("r003", 300, "T02 港務局"),
    ]
    articles = [
        Article(
            id="a1",
            headline="股市行情",
            paragraphs=["昨日收市。", "成交額上升。"],
            tables=[ArticleTable(region_id="r002", after=1, rows=table.cell_grid())],
            region_ids=["r002"],
            language="zh-Hant",
        ),
        Article(
            id="a2",
            paragraphs=["T01 市長再度討論市場攤販", "T02 港務局"],
            region_ids=["r001", "r003"],
            language="zh-Hant",
        ),
    ]
    image = np.full((H, W), 240, np.uint8)
    return NewspaperPage(
        source="stocks.png",
        sha256="0" * 64,
        width=W,
        height=H,
        geometry=PageGeometry(work_size=(W, H)),
        language="zh-Hant",
        regions=regions,
        articles=articles,
        reading_order=["r002", "r001", "r003"],
        image=image,
        work_image=image,
    )


def test_a_table_reads_as_tab_separated_rows_in_its_place() -> None:
    text = render_articles_text(_page().articles)
    first = text.split("\n\n\n")[0]
    assert first.split("\n\n") == [
        "股市行情",
        "昨日收市。",
        "華南電力\t2577\t107.63\t108.51\t+0.81%\n"
        "東海航運\t1763\t349.49\t\t+0.44%\n"
        "北嶺水泥\t2875\t15.66\t15.57\t-0.56%",
        "成交額上升。",
    ]
    # Kept out of the paragraphs: the article's text has no cell in it.
    assert not any("2577" in p for a in _page().articles for p in a.paragraphs)


def test_page_json_gives_each_tables_cells_row_by_row(tmp_path: Path) -> None:
    write_outputs(_page(), tmp_path, OutputSettings(write_pdf=False, write_overlay=False))
    data = json.loads((tmp_path / "page.json").read_text(encoding="utf-8"))
    (table,) = [r for r in data["regions"] if r["type"] == "table"]
    assert [c["text"] for c in table["rows"][0]] == ROWS[0]
    assert table["rows"][1][3] == {
        "text": "+0.44%",
        "confidence": 0.95,
        "bbox": [580, 110, 690, 140],
        "column": 4,
    }
    page = read_page_json(tmp_path / "page.json")
    assert page.region("r002").cell_grid() == ROWS


def test_each_table_is_written_as_csv(tmp_path: Path) -> None:
    written = write_outputs(_page(), tmp_path, OutputSettings(write_pdf=False))
    assert tmp_path / "tables" in written
    with (tmp_path / "tables" / "r002.csv").open(encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle)) == ROWS
    assert not [p for p in (tmp_path / "tables").iterdir() if p.name.startswith(".")]
    # A run that finds no table (or another one) leaves no stale CSV behind.
    page = _page()
    page.regions = [r for r in page.regions if r.type != RegionType.TABLE]
    page.articles = page.articles[1:]
    assert tmp_path / "tables" not in write_outputs(page, tmp_path, OutputSettings())
    assert not (tmp_path / "tables").exists()


def test_a_versioned_page_links_its_tables_folder(tmp_path: Path) -> None:
    number = write_version(_page(), tmp_path, OutputSettings(write_pdf=False), {"stem": "s"})
    make_current(tmp_path, number)
    assert (tmp_path / "tables" / "r002.csv").read_text(encoding="utf-8").startswith("華南電力,")
    page = _page()
    page.regions = [r for r in page.regions if r.type != RegionType.TABLE]
    make_current(tmp_path, write_version(page, tmp_path, OutputSettings(write_pdf=False), {}))
    assert not (tmp_path / "tables").exists()


def test_a_tables_folder_written_in_place_gives_way_to_the_versions_link(tmp_path: Path) -> None:
    write_outputs(_page(), tmp_path, OutputSettings(write_pdf=False))
    assert (tmp_path / "tables").is_dir() and not (tmp_path / "tables").is_symlink()
    make_current(tmp_path, write_version(_page(), tmp_path, OutputSettings(write_pdf=False), {}))
    assert (tmp_path / "tables").is_symlink()
    assert (tmp_path / "tables" / "r002.csv").is_file()


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "alto-4-4.xsd")))


def test_alto_gives_each_cell_a_text_block_in_a_table_block(schema: etree.XMLSchema) -> None:
    alto = etree.fromstring(alto_xml(_page()))
    schema.assertValid(alto)
    (table,) = alto.findall(".//a:PrintSpace/a:ComposedBlock", NS)
    assert table.get("ID") == "r002" and table.get("TYPE") == "table"
    cells = table.findall("a:TextBlock", NS)
    assert len(cells) == 14
    assert cells[0].get("ID") == "r002_R1C1"
    assert [s.get("CONTENT") for s in cells[2].iterfind(".//a:String", NS)] == ["107.63"]
    assert cells[8].get("ID") == "r002_R2C5"  # the empty cell is left out
    for cell in cells:
        x, y = float(cell.get("HPOS")), float(cell.get("VPOS"))
        assert float(table.get("HPOS")) <= x and float(table.get("VPOS")) <= y
    # The article's reading order names the table block.
    refs = [e.get("REF") for e in alto.iterfind(".//a:ReadingOrder//a:ElementRef", NS)]
    assert "r002" in refs
