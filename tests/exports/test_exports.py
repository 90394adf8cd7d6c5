"""Writing page.json, articles.txt and overlay.png for a hand-built page."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from handmade import CHINESE, ENGLISH, SCAN_H, SCAN_W, make_page
from newsprint.core.page import Article, NewspaperPage, PageGeometry, Region, RegionType
from newsprint.core.settings import OutputSettings
from newsprint.exports import (
    atomic_write_text,
    read_page_json,
    render_articles_text,
    write_articles_text,
    write_outputs,
    write_overlay,
    write_page_json,
)
from PIL import Image

EXPECTED_TEXT = (
    "宁波公安扫黑除恶专项斗争推进会召开\n"
    "\n"
    "7月18日上午，全市公安机关深化扫黑除恶专项斗争推进大会召开。\n"
    "\n"
    "会议充分肯定了今年以来扫黑除恶专项斗争所取得的成绩。\n"
    "\n"
    "▲民警对办事群众提交的材料进行视频远程审批。 黄冯 摄\n"
    "\n"
    "记者 张贻富 通讯员 黄冯\n"
    "\n"
    "\n"
    "The harbour reopened on Monday after the storm.\n"
    "\n"
    "Ferries run hourly.\n"
    "\n"
    "By A. Reporter\n"
)


# --- page.json ---------------------------------------------------------------------


def test_page_json_round_trip(tmp_path: Path) -> None:
    page = make_page()
    path = write_page_json(page, tmp_path)
    assert path == tmp_path / "page.json"
    raw = path.read_text(encoding="utf-8")
    assert "宁波公安" in raw  # not \\u-escaped
    assert raw.endswith("}\n")
    data = json.loads(raw)
    for key in [
        "source",
        "sha256",
        "width",
        "height",
        "skew_angle",
        "regions",
        "articles",
        "flags",
    ]:
        assert key in data
    assert data["source"] == page.source and data["width"] == SCAN_W
    first = data["regions"][0]
    assert (first["id"], first["type"], first["bbox"]) == ("r1", "headline", [100, 100, 1500, 300])
    assert first["lines"][0]["text"] == CHINESE.headline
    assert first["lines"][0]["confidence"] == 0.93
    assert set(data["articles"][0]) >= {
        "headline",
        "paragraphs",
        "captions",
        "byline",
        "region_ids",
    }
    assert data["flags"][0]["code"] == "low_confidence"
    assert "image" not in data and "work_image" not in data
    assert "work_bbox" not in raw
    back = read_page_json(path)
    assert back.model_dump(mode="json") == page.model_dump(mode="json")
    assert back.image is None


def test_page_json_stays_valid_json_with_nan(tmp_path: Path) -> None:
    page = make_page().model_copy(update={"skew_angle": float("nan")})
    data = json.loads((write_page_json(page, tmp_path)).read_text(encoding="utf-8"))
    assert data["skew_angle"] is None


# --- articles.txt ------------------------------------------------------------------


def test_articles_text_shape(tmp_path: Path) -> None:
    assert render_articles_text([CHINESE, ENGLISH]) == EXPECTED_TEXT
    path = write_articles_text(make_page(), tmp_path)
    assert path.read_bytes() == EXPECTED_TEXT.encode("utf-8")


def test_articles_text_is_clean() -> None:
    messy = Article(
        id="m",
        headline="  Headline  \n\n",
        paragraphs=["line one   \n\n   line two\t", "   ", "\u3000\u3000全角缩进的段落。"],
        captions=["", " Caption "],
    )
    text = render_articles_text([messy, Article(id="empty"), ENGLISH])
    assert text == (
        "Headline\n\nline one\nline two\n\n全角缩进的段落。\n\nCaption\n\n\n"
        "The harbour reopened on Monday after the storm.\n\nFerries run hourly.\n\nBy A. Reporter\n"
    )
    assert all(line == line.rstrip() for line in text.splitlines())
    assert "\n\n\n\n" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_no_articles_gives_an_empty_file() -> None:
    assert render_articles_text([]) == ""


# --- overlay.png -------------------------------------------------------------------


def pixel(image: Image.Image, scan_xy: tuple[float, float], scale: float) -> tuple[int, ...]:
    return image.getpixel((int(scan_xy[0] * scale), int(scan_xy[1] * scale)))


def test_overlay_size_and_colours(tmp_path: Path) -> None:
    settings = OutputSettings(overlay_max_side=600)
    path = write_overlay(make_page(), tmp_path, settings)
    with Image.open(path) as overlay:
        assert overlay.mode == "P"  # a palette image: small, quick to write
        overlay = overlay.convert("RGB")
        assert max(overlay.size) <= 600
        scale = overlay.size[1] / SCAN_H
        r, g, b = pixel(overlay, (900, 250), scale)  # inside the headline: red
        assert r > g + 40 and r > b + 40
        r, g, b = pixel(overlay, (400, 1200), scale)  # inside the text column: blue
        assert b > r + 30 and b > g + 30
        r, g, b = pixel(overlay, (1200, 800), scale)  # inside the photo: green
        assert g > r + 25 and g > b + 25
        r, g, b = pixel(overlay, (750, 350), scale)  # gutter, no region: still grey
        assert max(r, g, b) - min(r, g, b) < 5


def test_overlay_numbers_articles(tmp_path: Path) -> None:
    path = write_overlay(make_page(), tmp_path, OutputSettings(overlay_max_side=800))
    with Image.open(path) as overlay:
        pixels = np.asarray(overlay.convert("RGB")).astype(int)
    scale = overlay.size[1] / SCAN_H
    yellow = (pixels[..., 0] > 200) & (pixels[..., 1] > 180) & (pixels[..., 2] < 80)

    def yellow_near(x: int, y: int) -> bool:
        x0, y0 = int(x * scale), int(y * scale)
        return bool(yellow[y0 : y0 + 40, x0 : x0 + 40].any())

    assert yellow_near(100, 100)  # "1" on the headline, first region of article 1
    assert yellow_near(800, 1500)  # "2" on r5, first region of article 2


def test_overlay_maps_scan_coordinates_to_the_working_image(tmp_path: Path) -> None:
    # working image = scan cropped by 200 px on the left and top: work (x, y) -> scan (x+200, y+200)
    geometry = PageGeometry(to_scan=[[1, 0, 200], [0, 1, 200]], work_size=(1400, 2200))
    work = np.full((2200, 1400), 230, np.uint8)
    path = write_overlay(make_page(geometry, work), tmp_path, OutputSettings(overlay_max_side=2200))
    with Image.open(path) as picture:
        overlay = picture.convert("RGB")
        assert overlay.size == (1400, 2200)
        r, g, b = overlay.getpixel((250, 50))  # scan (450, 250): the headline
        assert r > g + 40 and r > b + 40
        r, g, b = overlay.getpixel((300, 1990))  # scan (500, 2190): the text column
        assert b > r + 30 and b > g + 30
        r, g, b = overlay.getpixel((150, 150))  # scan (350, 350): the gap under the headline
        assert max(r, g, b) - min(r, g, b) < 5


def test_overlay_without_working_image_uses_the_scan(tmp_path: Path) -> None:
    page = make_page().model_copy(update={"work_image": None})
    path = write_overlay(page, tmp_path, OutputSettings(overlay_max_side=SCAN_H))
    with Image.open(path) as picture:
        overlay = picture.convert("RGB")
        assert overlay.size == (SCAN_W, SCAN_H)
        r, g, b = overlay.getpixel((900, 250))
        assert r > g + 40 and r > b + 40


# --- all outputs, atomically -------------------------------------------------------


def test_write_outputs_writes_every_file_and_no_temp_files(tmp_path: Path) -> None:
    page = make_page()
    folder = tmp_path / "out" / page.stem
    written = write_outputs(page, folder, OutputSettings())
    every = ["page.json", "articles.txt", "overlay.png", "page.alto.xml", "page.pdf"]
    assert [p.name for p in written] == every
    assert all(p.parent == folder and p.stat().st_size > 0 for p in written)
    assert sorted(os.listdir(folder)) == sorted(every)
    off = OutputSettings(write_overlay=False, write_alto=False, write_pdf=False)
    again = write_outputs(page, folder, off)
    assert [p.name for p in again] == ["page.json", "articles.txt"]
    assert sorted(os.listdir(folder)) == sorted(every)


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = atomic_write_text(tmp_path / "articles.txt", "old\n")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_articles_text(make_page(), tmp_path)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["articles.txt"]


def test_the_overlay_outlines_unread_areas_in_red() -> None:
    from newsprint.exports.overlay import render_overlay

    image = np.full((400, 600), 255, np.uint8)
    page = NewspaperPage(
        source="p.png",
        sha256="0",
        width=600,
        height=400,
        image=image,
        unread_areas=[(100, 100, 300, 140)],
    )
    drawn = np.asarray(render_overlay(page, 600).convert("RGB")).astype(int)
    red = (drawn[:, :, 0] > 180) & (drawn[:, :, 1] < 60) & (drawn[:, :, 2] < 60)
    ys, xs = np.nonzero(red)
    assert red.sum() > 0
    assert 95 <= xs.min() <= 105 and 295 <= xs.max() <= 305
    assert 95 <= ys.min() <= 105 and 135 <= ys.max() <= 145
    plain = page.model_copy(update={"unread_areas": []})
    drawn = np.asarray(render_overlay(plain, 600).convert("RGB")).astype(int)
    assert not ((drawn[:, :, 0] > 180) & (drawn[:, :, 1] < 60) & (drawn[:, :, 2] < 60)).any()


def test_the_overlay_legend_stands_in_the_corner_it_hides_least_of() -> None:
    # The key stood in the top-right corner over a running head's end and its
    # folio (NCSE EWJ 1860); where a region fills that corner, it moves.
    from newsprint.exports.overlay import render_overlay

    def legend_at(regions: list[Region]) -> tuple[bool, bool]:
        page = NewspaperPage(
            source="p.png",
            sha256="0",
            width=600,
            height=800,
            image=np.full((800, 600), 128, np.uint8),
            regions=regions,
        )
        drawn = np.asarray(render_overlay(page, 800).convert("RGB")).astype(int)
        key = np.all(drawn > 225, axis=2)  # the key's near-white ground on a grey page
        return bool(key[:60, 450:].any()), bool(key[:60, :150].any())

    text = Region(id="r1", type=RegionType.TEXT, bbox=(100, 300, 500, 700))
    assert legend_at([text]) == (True, False)  # top right: nothing under it
    head = Region(id="r2", type=RegionType.RUNNING_HEAD, bbox=(300, 5, 595, 60))
    assert legend_at([text, head]) == (False, True)
