"""Outputs of a page of vertical Chinese: ALTO lines in reading order with tall boxes and
the direction tagged; articles.txt with horizontal punctuation; the PDF text layer of a
vertical line set character by character down the line."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from archival import SCHEMAS
from lxml import etree
from newsprint.core.page import NewspaperPage, TextDirection
from newsprint.core.settings import Settings
from newsprint.exports import write_outputs
from newsprint.exports.text import render_articles_text
from newsprint.ocr.engine import OcrEngine
from newsprint.pipeline.run import process_page

from pagegen.vertical import VerticalSpec, generate_vertical_page

NS = {"a": "http://www.loc.gov/standards/alto/ns-v4#"}


@pytest.fixture(scope="module")
def written(
    engine: OcrEngine, tmp_path_factory: pytest.TempPathFactory
) -> tuple[NewspaperPage, Path]:
    spec = VerticalSpec(seed=4, width=1000, height=700, bands=1, stories_per_band=2, photo=False)
    image, _ = generate_vertical_page(spec)
    arr = np.asarray(image.convert("L"))
    page = NewspaperPage(
        source="vertical.png", sha256="0" * 64, width=arr.shape[1], height=arr.shape[0], image=arr
    )
    page = process_page(page, Settings(), engine)
    folder = tmp_path_factory.mktemp("vertical")
    write_outputs(page, folder, Settings().output)
    return page, folder


def _alto(folder: Path) -> etree._ElementTree:
    return etree.parse(str(folder / "page.alto.xml"))


def test_alto_is_valid_and_tags_vertical_blocks(written: tuple[NewspaperPage, Path]) -> None:
    page, folder = written
    alto = _alto(folder)
    etree.XMLSchema(etree.parse(str(SCHEMAS / "alto-4-4.xsd"))).assertValid(alto)
    tags = {t.get("ID"): t for t in alto.iterfind(".//a:Tags/a:LayoutTag", NS)}
    assert tags["TAG_DIR_vertical-rl"].get("LABEL") == "vertical-rl"
    vertical = {r.id for r in page.regions if r.direction == TextDirection.VERTICAL_RL}
    assert vertical
    for block in alto.iterfind(".//a:TextBlock", NS):
        tagged = "TAG_DIR_vertical-rl" in (block.get("TAGREFS") or "").split()
        assert tagged == (block.get("ID") in vertical)  # region ids are valid XML ids


def test_alto_lines_are_tall_in_reading_order_right_to_left(
    written: tuple[NewspaperPage, Path],
) -> None:
    page, folder = written
    alto = _alto(folder)
    body = [
        r for r in page.regions if r.direction == TextDirection.VERTICAL_RL and len(r.lines) > 2
    ]
    assert body
    checked = 0
    for block in alto.iterfind(".//a:TextBlock", NS):
        if "TAG_DIR_vertical-rl" not in (block.get("TAGREFS") or ""):
            continue
        lines = block.findall("a:TextLine", NS)
        boxes = [
            (int(ln.get("HPOS")), int(ln.get("VPOS")), int(ln.get("WIDTH")), int(ln.get("HEIGHT")))
            for ln in lines
        ]
        if len(boxes) < 3:
            continue
        assert all(h > 2 * w for _, _, w, h in boxes)  # tall boxes
        xs = [x for x, *_ in boxes]
        assert xs == sorted(xs, reverse=True)  # right to left
        for line in lines:
            # The baseline runs down the middle of the line, top to bottom.
            (x0, y0), (x1, y1) = (
                tuple(map(int, p.split(","))) for p in line.get("BASELINE").split()
            )
            assert x0 == pytest.approx(x1, abs=2) and y1 > y0
        checked += 1
    assert checked >= 1


def test_articles_in_reading_order_match_the_alto_order(
    written: tuple[NewspaperPage, Path],
) -> None:
    page, folder = written
    alto = _alto(folder)
    groups = alto.findall(".//a:ReadingOrder/a:OrderedGroup/a:OrderedGroup", NS)
    assert len(groups) == len(page.articles) == 2
    text = (folder / "articles.txt").read_text(encoding="utf-8")
    assert text == render_articles_text(page.articles)
    # The right story comes first.
    first, second = page.articles
    right_x = {a.id: max(page.region(rid).bbox[2] for rid in a.region_ids) for a in page.articles}
    assert right_x[first.id] > right_x[second.id]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_the_pdf_text_of_a_vertical_line_comes_out_top_to_bottom(
    written: tuple[NewspaperPage, Path],
) -> None:
    page, folder = written
    run = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(folder / "page.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    extracted = "".join(run.stdout.split())
    lines = [
        "".join(ln.text.split())
        for r in page.regions
        if r.direction == TextDirection.VERTICAL_RL
        for ln in r.lines
        if len(ln.text) >= 6
    ]
    assert lines
    for text in lines:
        assert text in extracted, text
    # And in reading order: each line before the next of its block.
    body = max(
        (r for r in page.regions if r.direction == TextDirection.VERTICAL_RL),
        key=lambda r: len(r.lines),
    )
    places = [extracted.index("".join(ln.text.split())) for ln in body.lines]
    assert places == sorted(places)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_each_character_of_a_vertical_line_has_its_own_place_down_the_line(
    written: tuple[NewspaperPage, Path],
) -> None:
    page, folder = written
    run = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(folder / "page.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    words = etree.fromstring(run.stdout.encode(), etree.HTMLParser(encoding="utf-8")).iter("word")
    boxes = [(w.text, *(float(w.get(k)) for k in ("xmin", "ymin", "xmax", "ymax"))) for w in words]
    body = max(
        (r for r in page.regions if r.direction == TextDirection.VERTICAL_RL),
        key=lambda r: len(r.lines),
    )
    line = max(body.lines, key=lambda ln: len(ln.text))
    scale = 72.0 / page.dpi[0] if page.dpi else 72.0 / 300.0
    x0, y0, x1, y1 = (v * scale for v in line.bbox)  # no skew: scan and page agree
    inside = [
        b for b in boxes if x0 - 2 <= (b[1] + b[3]) / 2 <= x1 + 2 and y0 - 2 <= b[2] <= y1 + 2
    ]
    text = "".join(b[0] for b in inside)
    assert text == "".join(line.text.split())
    assert len(inside) == len(text)  # each character on its own, not one run across
    tops = [b[2] for b in inside]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # one below the other
