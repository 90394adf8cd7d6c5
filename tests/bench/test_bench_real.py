"""The real set's scorers and readers on hand-made pages, boxes and PAGE XML (no OCR)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from bench.real import (
    HELD,
    TUNING,
    Zone,
    annotation,
    article_line_boxes,
    coverage,
    group_of,
    in_top_order,
    order_reached,
    page_text,
    parse_tsv,
    read_boxes,
    read_page_xml,
    real_pages,
    real_root,
    speed_line,
)

# Three annotated regions stacked down one column, read top to bottom.
ZONES = [Zone.box(1, 0, 0, 100, 100), Zone.box(2, 0, 100, 100, 200), Zone.box(3, 0, 200, 100, 300)]


def _region(rid: str, top: int, texts: list[str]) -> dict:
    lines = [
        {"text": t, "bbox": [10, top + 20 * i + 5, 90, top + 20 * i + 15]}
        for i, t in enumerate(texts)
    ]
    return {"id": rid, "lines": lines}


def _page(article_regions: list[list[str]], regions: list[dict] | None = None) -> dict:
    regions = regions or [
        _region("r1", 0, ["one", "two"]),
        _region("r2", 100, ["three", "four"]),
        _region("r3", 200, ["five"]),
    ]
    return {
        "regions": regions,
        "articles": [{"region_ids": ids} for ids in article_regions],
        "flags": [],
    }


def test_perfect_order_and_every_region_reached() -> None:
    page = _page([["r1", "r2"], ["r3"]])
    assert len(article_line_boxes(page)) == 5
    assert order_reached(article_line_boxes(page), ZONES) == (1.0, 1.0)


def test_reversed_order_scores_zero() -> None:
    page = _page([["r3"], ["r2", "r1"]])
    order, reached = order_reached(article_line_boxes(page), ZONES)
    assert order == 0.0
    assert reached == 1.0


def test_one_jump_back_counts_one_pair() -> None:
    # r2, r1, r3: pairs (2 -> 1) wrong, (1 -> 3) right.
    order, _ = order_reached(article_line_boxes(_page([["r2", "r1", "r3"]])), ZONES)
    assert order == pytest.approx(0.5)


def test_missing_region_lowers_reached() -> None:
    page = _page([["r1", "r2"]])  # r3 is in no article: its region is not reached
    order, reached = order_reached(article_line_boxes(page), ZONES)
    assert order == 1.0
    assert reached == pytest.approx(2 / 3)
    # A line outside every annotated region counts for neither.
    stray = _page([["r1", "rx"]], [_region("r1", 0, ["a"]), _region("rx", 500, ["b"])])
    assert order_reached(article_line_boxes(stray), ZONES) == (0.0, pytest.approx(1 / 3))


def test_a_line_in_a_box_set_inside_a_larger_region_belongs_to_the_box() -> None:
    # A masthead's region (1) drawn round a box of rates (2) set inside it: the
    # lines in the box are the box's, whatever the larger region's order.
    zones = [Zone.box(1, 0, 0, 400, 300), Zone.box(2, 200, 100, 400, 200)]
    page = _page([["r1", "r2"]], [_region("r1", 0, ["title"]), _region("r2", 130, ["rates"])])
    page["regions"][1]["lines"][0]["bbox"] = [220, 130, 380, 150]
    assert order_reached(article_line_boxes(page), zones) == (1.0, 1.0)


def test_coverage() -> None:
    assert coverage("The Times, 1867.", "the times 1867") == 1.0
    assert coverage("The Times", "") == 0.0
    assert coverage("abcd", "ab") == 0.5
    assert coverage("aab", "ab") == pytest.approx(2 / 3)  # counts matter, not just presence
    assert coverage("中文報紙。", "中文報紙") == 1.0
    # The same character read in either script's form (newsprint writes a
    # traditional page's characters in traditional forms; a peer may not).
    assert coverage("气温", "氣溫") == 1.0
    assert coverage("氣溫", "气温") == 1.0
    assert coverage("氣溫", "氣候") == 0.5
    page = _page([["r1"]])
    text = page_text(page)  # every region's lines, in articles or not
    assert coverage("one two three four five", text) == 1.0


def test_boxes_csv(tmp_path: Path) -> None:
    csv_path = tmp_path / "boxes.csv"
    csv_path.write_text(
        "image,x1,y1,x2,y2,reading_order,column_number,column_count\n"
        "a.png,0,0,100,100,2,1,1\n"
        "a.png,0,100,100,200,1,1,1\n"
        "b.png,0,0,10,10,1,1,1\n"
    )
    zones = read_boxes(csv_path, "a.png")
    assert [z.order for z in zones] == [2, 1]
    assert zones[0].contains(50, 50) and not zones[0].contains(50, 150)
    assert order_reached([(10, 150, 20, 160), (10, 50, 20, 60)], zones) == (1.0, 1.0)


def test_a_page_marked_one_column_with_regions_in_top_order_is_told(tmp_path: Path) -> None:
    # NCSE's annotation orders the regions of a page marked as one column by
    # their tops, whatever its columns: the notes say so beside its figure.
    csv_path = tmp_path / "boxes.csv"
    csv_path.write_text(
        "image,x1,y1,x2,y2,reading_order,column_number,column_count\n"
        "a.png,0,0,100,90,1,1,1\n"
        "a.png,110,5,200,90,2,1,1\n"
        "a.png,0,100,100,200,3,1,1\n"
        "b.png,0,0,100,90,1,1,2\n"
        "b.png,0,100,100,200,3,1,2\n"
        "b.png,110,5,200,200,2,2,2\n"
        "c.png,0,0,100,90,2,1,1\n"
        "c.png,0,100,100,200,1,1,1\n"
    )
    assert in_top_order(csv_path, "a.png")
    assert not in_top_order(csv_path, "b.png")  # marked two columns
    assert not in_top_order(csv_path, "c.png")  # not by the tops
    folder = tmp_path / "ncse"
    folder.mkdir()
    (folder / "boxes.csv").write_text(csv_path.read_text())
    named = annotation(folder / "a.png")
    assert named is not None and named[0].endswith("regions in top order")
    assert annotation(folder / "b.png")[0] == "boxes.csv"


PAGE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15">
  <Page imageFilename="p.tif" imageWidth="200" imageHeight="100">
    <ReadingOrder>
      <OrderedGroup id="ro" caption="Regions reading order">
        <RegionRefIndexed index="1" regionRef="left"/>
        <RegionRefIndexed index="0" regionRef="triangle"/>
      </OrderedGroup>
    </ReadingOrder>
    <TextRegion id="left">
      <Coords points="0,0 100,0 100,100 0,100"/>
      <TextLine id="l1"><Coords points="10,10 90,10 90,20 10,20"/></TextLine>
    </TextRegion>
    <TextRegion id="triangle">
      <Coords points="100,0 200,0 200,100"/>
    </TextRegion>
    <TextRegion id="unordered">
      <Coords points="0,0 1,0 1,1"/>
    </TextRegion>
  </Page>
</PcGts>
"""


def test_page_xml_regions_in_reading_order(tmp_path: Path) -> None:
    xml = tmp_path / "p.page.xml"
    xml.write_text(PAGE_XML, encoding="utf-8")
    zones = read_page_xml(xml)
    assert [z.order for z in zones] == [1, 2]  # the region outside the reading order is left out
    triangle, left = zones
    assert triangle.points == ((100, 0), (200, 0), (200, 100))
    assert triangle.contains(190, 10) and not triangle.contains(110, 90)  # polygon, not its box
    assert left.contains(50, 50) and not left.contains(150, 50)
    # Triangle first, then the left region: that is the annotated order.
    assert order_reached([(180, 5, 195, 15), (40, 40, 60, 60)], zones) == (1.0, 1.0)
    assert order_reached([(40, 40, 60, 60), (180, 5, 195, 15)], zones) == (0.0, 1.0)
    # The XML's pixels are scaled to the image's when the sizes differ.
    half = read_page_xml(xml, size=(100, 50))
    assert half[0].points == ((50, 0), (100, 0), (100, 50))


def test_annotation_from_page_xml_next_to_the_image(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("L", (400, 200), 255).save(tmp_path / "p.tif")
    (tmp_path / "p.page.xml").write_text(PAGE_XML, encoding="utf-8")
    source, zones = annotation(tmp_path / "p.tif")
    assert source == "PAGE XML"
    assert zones[0].points == ((200, 0), (400, 0), (400, 200))  # scaled 2x to the image


def test_tesseract_tsv_lines() -> None:
    fields = "level page_num block_num par_num line_num word_num left top width height conf text"
    head = fields.replace(" ", "\t")
    rows = [
        "1\t1\t0\t0\t0\t0\t0\t0\t500\t500\t-1\t",
        "4\t1\t1\t1\t1\t0\t10\t10\t100\t20\t-1\t",
        "5\t1\t1\t1\t1\t1\t10\t10\t40\t20\t91.5\tHello",
        '5\t1\t1\t1\t1\t2\t60\t12\t50\t20\t90.0\t"world"',
        "5\t1\t1\t1\t1\t3\t120\t12\t5\t20\t95.0\t ",
        "5\t1\t2\t1\t1\t1\t10\t300\t30\t15\t80.0\tNext",
    ]
    assert parse_tsv("\n".join([head, *rows])) == [
        ('Hello "world"', (10, 10, 110, 32)),
        ("Next", (10, 300, 40, 315)),
    ]


def test_held_out_split_and_page_listing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert group_of("TTW_pageid_160813_pagenum_5_1868-05-16_page_1.png") == HELD
    assert group_of("jb_4138_1940-04-30_p2-p3.jpg") == HELD
    assert group_of("TTW_pageid_160323_pagenum_1_1867-09-14_page_1.png") == TUNING
    assert group_of("nzz_19400429_p1.tif") == TUNING
    for name in ("ncse/a_1.png", "ncse/b_2.png", "ecpo/c.jpg", "nzz/d.tif", "e.png"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in real_pages(tmp_path)] == [
        "a_1.png",
        "b_2.png",
        "c.jpg",
        "d.tif",
        "e.png",
    ]
    assert [p.name for p in real_pages(tmp_path, "b_*")] == ["b_2.png"]
    monkeypatch.setenv("NEWSPRINT_REAL_SCANS", str(tmp_path))
    assert real_root() == tmp_path
    monkeypatch.delenv("NEWSPRINT_REAL_SCANS")
    assert real_root().parts[-2:] == ("shared", "real_scans")


def test_speed_is_put_per_page_and_per_thousand_characters_read() -> None:
    # A page where plain PaddleOCR reads a quarter of the characters in a
    # quarter of the time: 4x a page, the same per character.
    rows = [
        {"seconds": 20.0, "plain_seconds": 5.0, "characters": 6000, "plain_characters": 1500},
        {"seconds": 4.0, "plain_seconds": 5.0, "characters": 2000, "plain_characters": 2000},
        {"seconds": 3.0, "characters": 900},  # no peer on this page: left out
    ]
    line = speed_line(rows)
    assert line is not None and "on 2 pages" in line
    assert "(2.40x)" in line  # 24 s against 10 s
    assert "3.00 against 2.86" in line  # 24 s / 8,000 characters, 10 s / 3,500
    assert speed_line([{"seconds": 3.0, "characters": 900}]) is None


def test_boxes_in_another_scale_than_the_image_are_not_scored(tmp_path: Path) -> None:
    # The source's CSV gives two NCSE pages' boxes in a larger scan's pixels:
    # scored as they are, the order figure would be of the wrong regions.
    folder = tmp_path / "ncse"
    folder.mkdir()
    for name in ("small.png", "right.png"):
        Image.new("L", (200, 300), 255).save(folder / name)
    (folder / "boxes.csv").write_text(
        "image,x1,y1,x2,y2,reading_order,column_number,column_count\n"
        "small.png,10,10,330,240,1,1,1\n"
        "small.png,10,250,330,490,2,1,1\n"
        "right.png,10,10,190,140,1,1,1\n"
        "right.png,10,150,190,290,2,1,1\n"
    )
    assert annotation(folder / "small.png") is None
    named = annotation(folder / "right.png")
    assert named is not None and len(named[1]) == 2
