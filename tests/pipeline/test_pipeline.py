"""End to end with the real PaddleOCR models on small pages, and the CLI on a bad batch."""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from newsprint.core.settings import Settings
from newsprint.flows.cli import app
from newsprint.ocr.engine import OcrEngine
from newsprint.pipeline import process_scan
from PIL import Image, ImageOps
from synth import column_page, text_lines
from typer.testing import CliRunner

pytestmark = pytest.mark.models


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


@pytest.fixture(scope="module")
def small_scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    img = column_page(
        columns=3, lines_per_column=12, size=24, col_width=320, headline="Harbour Bridge Reopens"
    )
    path = tmp_path_factory.mktemp("scans") / "small page.png"
    img.rotate(1.5, resample=Image.BICUBIC, expand=True, fillcolor=240).save(path, dpi=(200, 200))
    return path


@pytest.fixture(scope="module")
def result(small_scan: Path, tmp_path_factory: pytest.TempPathFactory, engine: OcrEngine):
    out = tmp_path_factory.mktemp("out")
    return process_scan(small_scan, out, Settings(), engine), out


def test_small_page_becomes_one_article_with_its_text(result) -> None:
    res, _ = result
    assert res.ok, res.error
    page = res.pages[0].page
    assert page.skew_angle == pytest.approx(1.5, abs=0.1)
    assert len(page.articles) == 1
    art = page.articles[0]
    assert _similar(art.headline or "", "Harbour Bridge Reopens") > 0.9
    # The body reads column 1, then 2, then 3: compare with the drawn lines.
    expected = " ".join(" ".join(text_lines(12, seed=c)) for c in range(3))
    got = " ".join(art.paragraphs)
    assert _similar(got, expected) > 0.85


def test_outputs_are_written_in_scan_coordinates(result, small_scan: Path) -> None:
    _, out = result
    folder = out / "small page"
    assert {p.name for p in folder.iterdir()} >= {"page.json", "articles.txt", "overlay.png"}
    data = json.loads((folder / "page.json").read_text(encoding="utf-8"))
    width, height = Image.open(small_scan).size
    assert (data["width"], data["height"]) == (width, height)
    assert data["source"] == str(small_scan) and len(data["sha256"]) == 64
    for region in data["regions"]:
        x0, y0, x1, y1 = region["bbox"]
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height
        for line in region["lines"]:
            lx0, ly0, lx1, ly1 = line["bbox"]
            assert x0 - 15 <= lx0 and lx1 <= x1 + 15 and y0 - 15 <= ly0 and ly1 <= y1 + 15
    text = (folder / "articles.txt").read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("Harbour") and text.splitlines()[1] == ""


def test_a_bad_file_fails_alone_and_the_batch_finishes(small_scan: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    truncated = tmp_path / "cut.png"
    truncated.write_bytes(small_scan.read_bytes()[:3000])
    not_image = tmp_path / "notes.tif"
    not_image.write_text("this is not a scan", encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    res = runner.invoke(
        app,
        ["process", str(empty), str(truncated), str(not_image), str(small_scan), "--out", str(out)],
        env={"NEWSPRINT_DASK__ENABLED": "false"},
    )
    assert res.exit_code == 1
    for bad in (empty, truncated, not_image):
        lines = [ln for ln in res.output.splitlines() if bad.name in ln and "✗" in ln]
        assert len(lines) == 1, res.output
    assert (out / "small page" / "articles.txt").exists()
    assert not (out / "empty").exists()
    # The cut PNG ran a page that failed; the other two ran none: they are
    # counted as scans unreadable, and the pages run add up.
    summary = " ".join(res.output.split())
    assert "2 page(s) run: 1 done, 0 flagged, 1 failed, 2 scan(s) unreadable" in summary, summary


@pytest.mark.parametrize(("turn", "orientation"), [(180, 180), (90, 90)])
def test_turned_scan_is_read_upright_and_mapped_back(
    result, small_scan: Path, tmp_path: Path, engine: OcrEngine, turn: int, orientation: int
) -> None:
    upright_res, _ = result
    upright = upright_res.pages[0].page
    turned_path = tmp_path / "turned.png"
    with Image.open(small_scan) as img:
        width, height = img.size
        img.rotate(turn, expand=True).save(turned_path)
    res = process_scan(turned_path, tmp_path / "out", Settings(), engine)
    page = res.pages[0].page
    assert page.orientation == orientation
    assert any(f.code.value == "rotated" for f in page.flags)
    assert _similar(page.articles[0].headline or "", "Harbour Bridge Reopens") > 0.9
    # The headline's box is the upright one's, turned with the scan.
    x0, y0, x1, y1 = next(r.bbox for r in upright.regions if r.type.value == "headline")
    expected = (
        (width - x1, height - y1, width - x0, height - y0)
        if turn == 180
        else (y0, width - x1, y1, width - x0)
    )
    got = next(r.bbox for r in page.regions if r.type.value == "headline")
    assert got == pytest.approx(expected, abs=3)


def test_a_negative_scan_is_read_as_its_positive(
    result, small_scan: Path, tmp_path: Path, engine: OcrEngine
) -> None:
    """A microfilm negative (light print on dark) gets the positive's layout and
    text, and a ``negative`` flag; the scan file is left as it is."""
    upright_res, _ = result
    upright = upright_res.pages[0].page
    negative_path = tmp_path / "negative.png"
    with Image.open(small_scan) as img:
        ImageOps.invert(img.convert("L")).save(negative_path)
    before = negative_path.read_bytes()
    page = process_scan(negative_path, tmp_path / "out", Settings(), engine).pages[0].page
    assert [f.code.value for f in page.flags] == ["negative"]
    assert len(page.articles) == 1
    assert _similar(page.articles[0].headline or "", "Harbour Bridge Reopens") > 0.9
    text, upright_text = (" ".join(p.articles[0].paragraphs) for p in (page, upright))
    assert _similar(text, upright_text) > 0.95
    got = next(r.bbox for r in page.regions if r.type.value == "headline")
    expected = next(r.bbox for r in upright.regions if r.type.value == "headline")
    assert got == pytest.approx(expected, abs=3)
    assert negative_path.read_bytes() == before


def test_multi_page_tiff_gives_one_folder_per_page(
    small_scan: Path, tmp_path: Path, engine: OcrEngine
) -> None:
    with Image.open(small_scan) as img:
        first = img.convert("L")
    second = first.rotate(-0.8, resample=Image.BICUBIC, fillcolor=240)
    tiff = tmp_path / "issue.tif"
    first.save(tiff, save_all=True, append_images=[second], compression="tiff_lzw")
    res = process_scan(tiff, tmp_path / "out", Settings(), engine)
    assert res.ok, res.error
    assert [p.stem for p in res.pages] == ["issue-p1", "issue-p2"]
    for page in res.pages:
        assert (page.folder / "articles.txt").read_text(encoding="utf-8").startswith("Harbour")
    assert res.pages[1].page.skew_angle == pytest.approx(1.5 - 0.8, abs=0.1)


def test_a_folds_page_that_reads_sideways_is_flagged(
    small_scan: Path, tmp_path: Path, engine: OcrEngine
) -> None:
    """Half of a fold of vertical pages never reads sideways: when one does, the
    "fold" was likely one page scanned sideways, and the page says so."""
    from newsprint.pipeline import process_page
    from newsprint.scans import load_scan

    turned_path = tmp_path / "sideways.png"
    with Image.open(small_scan) as img:
        img.rotate(90, expand=True).save(turned_path)
    loaded = load_scan(turned_path, Settings().scan)[0]
    whole = (0, 0, loaded.width, loaded.height)
    as_fold_page = process_page(loaded.model_copy(update={"part": whole}), Settings(), engine)
    codes = [f.code.value for f in as_fold_page.flags]
    assert "rotated" in codes and "fold_doubtful" in codes
    alone = process_page(loaded, Settings(), engine)
    assert [f.code.value for f in alone.flags] == ["rotated"]
