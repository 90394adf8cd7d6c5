"""Bad input through the batch: every bad file is one failed page naming the file
and the reason, in the catalog; every good file (whatever its format, name or
orientation) is processed; the batch always finishes.

The loader's own error messages are tested in ``test_scans.py``; here the same
kinds of file go through ``newsprint ingest`` (the Prefect flow, catalog in
SQLite) and ``newsprint process`` together with good pages.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from badfiles import bomb_png, good_bytes, half
from newsprint.catalog import Catalog, PageStatus
from newsprint.core.settings import Settings
from newsprint.flows.cli import app, console
from newsprint.pipeline.run import process_scan, safe_stem
from PIL import Image, PngImagePlugin
from synth import column_page, draw_photo
from typer.testing import CliRunner

pytestmark = pytest.mark.models

CHINESE_NAME = "人民日报 1949 年 第1版.png"


def _page(headline: str = "Harbour Bridge Reopens", lines: int = 4) -> Image.Image:
    return column_page(columns=2, lines_per_column=lines, size=22, col_width=240, headline=headline)


def _encoded(img: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, fmt, **options)
    return buffer.getvalue()


def bomb_tiff(width: int, height: int) -> bytes:
    """A little-endian TIFF whose one strip of 8 bytes declares ``width`` x ``height``."""
    entries = [
        (256, 4, 1, width),  # ImageWidth, LONG
        (257, 4, 1, height),  # ImageLength
        (258, 3, 1, 8),  # BitsPerSample
        (259, 3, 1, 1),  # Compression: none
        (262, 3, 1, 1),  # Photometric: BlackIsZero
        (273, 4, 1, 8),  # StripOffsets: right after the header
        (277, 3, 1, 1),  # SamplesPerPixel
        (278, 4, 1, height),  # RowsPerStrip
        (279, 4, 1, 8),  # StripByteCounts (a lie: far too few)
    ]
    ifd = struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        packed = struct.pack("<H", value) + b"\0\0" if kind == 3 else struct.pack("<I", value)
        ifd += struct.pack("<HHI", tag, kind, count) + packed
    ifd += struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 16) + b"\0" * 8 + ifd


def _tagged_png(img: Image.Image, note: str) -> bytes:
    """The same pixels in a file of its own (the catalog knows scans by content)."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", note)
    return _encoded(img, "PNG", pnginfo=info)


def _sixteen_bit(img: Image.Image) -> bytes:
    return _encoded(Image.fromarray(np.asarray(img, dtype=np.uint16) * 257), "PNG")


def _alpha(img: Image.Image) -> bytes:
    rgba = img.convert("RGBA")
    rgba.putalpha(Image.new("L", img.size, 255))
    return _encoded(rgba, "PNG")


def _palette(img: Image.Image) -> bytes:
    tinted = Image.merge("RGB", (img, img, img.point(lambda v: int(v * 0.9))))
    return _encoded(tinted.convert("P", palette=Image.Palette.ADAPTIVE, colors=16), "PNG")


def _bitonal(img: Image.Image) -> bytes:
    return _encoded(img.point(lambda v: 255 if v > 128 else 0).convert("1"), "TIFF",
                    compression="group4")  # fmt: skip


def _multi_page(img: Image.Image) -> bytes:
    second = _page("Storm Closes Schools")
    return _encoded(img, "TIFF", save_all=True, append_images=[second])


def _exif_rotated(img: Image.Image) -> bytes:
    # Stored turned 90° anticlockwise; EXIF orientation 6 says "turn clockwise to view".
    exif = Image.Exif()
    exif[0x0112] = 6
    return _encoded(img.transpose(Image.Transpose.ROTATE_90), "JPEG", quality=95, exif=exif)


def _blank(_img: Image.Image) -> bytes:
    noise = np.random.default_rng(3).normal(238, 3, (700, 500))
    return _encoded(Image.fromarray(np.clip(noise, 0, 255).astype(np.uint8)), "PNG")


def _all_photo(_img: Image.Image) -> bytes:
    page = Image.new("L", (600, 800), 240)
    draw_photo(page, (20, 20, 580, 780))
    return _encoded(page, "PNG")


def _upside_down(_img: Image.Image) -> bytes:
    return _encoded(_page("Library Opens Late", lines=10).rotate(180), "PNG")


def _sideways(_img: Image.Image) -> bytes:
    return _encoded(_page("Rail Fares Rise", lines=10).transpose(Image.Transpose.ROTATE_90), "PNG")


def _empty_pdf() -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 3\n0000000000 65535 f \n"
    body += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    return body + b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


GOOD = {
    "good.png": lambda img: _encoded(img, "PNG"),
    "png named as tiff.tif": lambda img: _tagged_png(img, "wrong extension"),
    CHINESE_NAME: lambda img: _tagged_png(img, "chinese name"),
    "grey16.png": _sixteen_bit,
    "cmyk.jpg": lambda img: _encoded(img.convert("CMYK"), "JPEG", quality=95),
    "palette.png": _palette,
    "alpha.png": _alpha,
    "bitonal.tif": _bitonal,
    "multi.tif": _multi_page,
    "exif6.jpg": _exif_rotated,
    "blank.png": _blank,
    "all-photo.png": _all_photo,
    "upside-down.png": _upside_down,
    "sideways.png": _sideways,
}
"""Good scans (name -> bytes from the base page); every one must be processed."""

BAD = {
    "zero.jpg": (lambda: b"", "empty file"),
    "cut.jpg": (lambda: half(_encoded(_page(), "JPEG")), "truncated"),
    "cut.png": (lambda: half(_encoded(_page(), "PNG")), "truncated"),
    "cut.tif": (lambda: half(good_bytes("TIFF")), "truncated"),
    "letter.jpg": (lambda: b"Dear editor,\nthe scan follows.\n", "text file"),
    "no-pages.pdf": (_empty_pdf, "pdf"),
    "error-page.jpg": (lambda: b"<!DOCTYPE html><html><body>503</body></html>", "HTML page"),
    "bomb.png": (lambda: bomb_png(100_000, 100_000), "refused before decoding"),
    "bomb.tif": (lambda: bomb_tiff(100_000, 100_000), "refused before decoding"),
}
"""Bad scans (name -> (bytes, a word of the reason))."""


def _fill(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    base = _page()
    for name, make in GOOD.items():
        (folder / name).write_bytes(make(base))
    for name, (make, _reason) in BAD.items():
        (folder / name).write_bytes(make())


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory):
    """One `newsprint ingest` over an inbox of every good and bad file."""
    from prefect.testing.utilities import prefect_test_harness

    root = tmp_path_factory.mktemp("ingest")
    inbox, out = root / "inbox", root / "out"
    _fill(inbox)
    saved_width = console.width
    console.width = 400  # one line per error, however long the path
    env = {"NEWSPRINT_DASK__ENABLED": "false"}
    try:
        with prefect_test_harness(server_startup_timeout=120):
            result = CliRunner().invoke(app, ["ingest", str(inbox), "--out", str(out)], env=env)
    finally:
        console.width = saved_width
    catalog = Catalog.open(None, out)
    return result, catalog, inbox, out


def _stem(name: str) -> str:
    return safe_stem(Path(name).stem)


def _page_json(out: Path, stem: str) -> dict:
    return json.loads((out / stem / "page.json").read_text(encoding="utf-8"))


def _flags(out: Path, stem: str) -> set[str]:
    return {flag["code"] for flag in _page_json(out, stem)["flags"]}


def test_ingest_finishes_the_batch_and_exits_1_when_scans_are_bad(ingested) -> None:
    result, catalog, _inbox, _out = ingested
    assert result.exit_code == 1, result.output
    counts = catalog.counts()
    assert counts["running"] == 0 and counts["pending"] == 0
    assert counts["failed"] == len(BAD)
    # multi.tif is two pages
    assert counts["done"] + counts["flagged"] == len(GOOD) + 1


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_file_is_a_failed_page_naming_file_and_reason(ingested, name: str) -> None:
    result, catalog, inbox, out = ingested
    page = next(p for p in catalog.list_pages() if p.source == str(inbox / name))
    assert page.status == PageStatus.FAILED
    assert page.error.startswith(f"{inbox / name}: ")
    assert BAD[name][1].lower() in page.error.lower()
    assert not (out / page.stem).exists()
    assert f"{name}" in result.output


def test_bad_files_are_never_modified(ingested) -> None:
    _result, _catalog, inbox, _out = ingested
    for name, (make, _reason) in BAD.items():
        assert (inbox / name).read_bytes() == make()


@pytest.mark.parametrize(
    "name", ["good.png", "png named as tiff.tif", "grey16.png", "cmyk.jpg", "palette.png",
             "alpha.png", "bitonal.tif"],
)  # fmt: skip
def test_good_scan_in_any_mode_or_with_wrong_extension_is_read(ingested, name: str) -> None:
    _result, catalog, _inbox, out = ingested
    assert catalog.page(_stem(name)).status in (PageStatus.DONE, PageStatus.FLAGGED)
    page = _page_json(out, _stem(name))
    assert (page["width"], page["height"]) == _page().size
    assert page["articles"] and "Harbour" in (page["articles"][0]["headline"] or "")


def test_chinese_name_with_spaces_keeps_its_name(ingested) -> None:
    _result, catalog, _inbox, out = ingested
    stem = Path(CHINESE_NAME).stem
    assert safe_stem(stem) == stem
    assert catalog.page(stem).status in (PageStatus.DONE, PageStatus.FLAGGED)
    assert _page_json(out, stem)["source"].endswith(CHINESE_NAME)


def test_multi_page_tiff_gives_one_page_each(ingested) -> None:
    _result, catalog, _inbox, out = ingested
    heads = [_page_json(out, f"multi-p{n}")["articles"][0]["headline"] for n in (1, 2)]
    assert "Harbour" in heads[0] and "Storm" in heads[1]
    assert [p.page_index for p in catalog.pages_of(catalog.page("multi-p1").scan_id)] == [0, 1]


def test_exif_rotated_jpeg_is_read_upright_without_a_turn(ingested) -> None:
    _result, _catalog, _inbox, out = ingested
    page = _page_json(out, "exif6")
    assert (page["width"], page["height"]) == _page().size
    assert page["orientation"] == 0 and "rotated" not in _flags(out, "exif6")
    assert "Harbour" in page["articles"][0]["headline"]


@pytest.mark.parametrize(
    ("name", "flag"),
    [("blank.png", "blank"), ("all-photo.png", "no_articles"),
     ("upside-down.png", "rotated"), ("sideways.png", "rotated")],
)  # fmt: skip
def test_odd_page_is_processed_and_flagged(ingested, name: str, flag: str) -> None:
    _result, catalog, _inbox, out = ingested
    assert catalog.page(_stem(name)).status == PageStatus.FLAGGED
    assert flag in _flags(out, _stem(name))


def test_turned_pages_are_read_the_right_way_up(ingested) -> None:
    _result, _catalog, _inbox, out = ingested
    assert "Library" in _page_json(out, "upside-down")["articles"][0]["headline"]
    assert "Rail" in _page_json(out, "sideways")["articles"][0]["headline"]


def test_nothing_is_written_outside_the_output_root_for_hostile_names(tmp_path: Path) -> None:
    scans, out = tmp_path / "scans", tmp_path / "nested" / "out"
    scans.mkdir()
    hostile = scans / "..\\..\\evil.png"  # a legal file name on POSIX
    hostile.write_bytes(_encoded(_page(), "PNG"))
    before = _tree(tmp_path)
    result = CliRunner().invoke(
        app,
        ["process", str(hostile), "--out", str(out), "--issue", "../../escape"],
        env={"NEWSPRINT_DASK__ENABLED": "false"},
    )
    assert result.exit_code == 0, result.output
    new = _tree(tmp_path) - before
    root = out.resolve()
    assert new and all(p == root or root in p.parents or p in root.parents for p in new)
    assert all(p.is_dir() for p in new if p in root.parents)
    assert (out / safe_stem("..\\..\\evil") / "page.json").is_file()
    assert (out / "issues" / safe_stem("../../escape") / "issue.mets.xml").is_file()
    for stem in ["../../etc/passwd", "..", "/abs/path", "a/../../b", "..\\..\\x", "\0x"]:
        cleaned = safe_stem(stem)
        assert "/" not in cleaned and "\\" not in cleaned and cleaned not in ("", ".", "..")


def _tree(root: Path) -> set[Path]:
    return {p.resolve() for p in root.rglob("*")}


def test_unreadable_file_is_a_failed_page_naming_file_and_reason(tmp_path: Path) -> None:
    """chmod 000. Root reads anything through CAP_DAC_OVERRIDE, so as root the
    batch step runs in a child whose capability bounding set lacks
    CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (util-linux ``setpriv``): a real
    permission error, as an unprivileged user gets."""
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    locked = inbox / "locked.png"
    locked.write_bytes(_encoded(_page(), "PNG"))
    locked.chmod(0)
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a file unreadable")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    code = (
        "import sys; from pathlib import Path; from newsprint.catalog import Catalog;"
        "from newsprint.core.settings import Settings;"
        "from newsprint.pipeline.jobs import register_scan;"
        "from newsprint.store import open_store;"
        "r = register_scan(Catalog.open(None, Path(sys.argv[2])), open_store(sys.argv[1]),"
        " sys.argv[3], Settings()); print(r.error)"
    )
    done = subprocess.run(
        [*prefix, sys.executable, "-c", code, str(inbox), str(out), str(locked)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    page = Catalog.open(None, out).page("locked")
    assert page.status == PageStatus.FAILED
    assert str(locked) in page.error and "permission denied" in page.error
    assert locked.stat().st_mode & 0o777 == 0  # the scan is left as it was


def test_directory_passed_as_a_file_is_a_clean_error_and_the_batch_goes_on(
    tmp_path: Path, engine
) -> None:
    folder = tmp_path / "page.jpg"
    folder.mkdir()
    good = tmp_path / "good.png"
    good.write_bytes(_encoded(_page(), "PNG"))
    settings = Settings()
    results = [process_scan(p, tmp_path / "out", settings, engine) for p in (folder, good)]
    assert results[0].error == f"{folder}: is a directory, not a scan file"
    assert results[1].ok and results[1].pages[0].folder.joinpath("page.json").is_file()


def test_process_command_reports_each_bad_file_and_finishes(tmp_path: Path) -> None:
    scans, out = tmp_path / "scans", tmp_path / "out"
    _fill(scans)
    notes = scans / "notes.txt"
    notes.write_text("scanning notes, not a page\n", encoding="utf-8")
    chosen = [scans / n for n in ("zero.jpg", "bomb.tif", "good.png", "letter.jpg")] + [notes]
    saved_width = console.width
    console.width = 400
    try:
        result = CliRunner().invoke(
            app,
            ["process", *map(str, chosen), "--out", str(out)],
            env={"NEWSPRINT_DASK__ENABLED": "false"},
        )
    finally:
        console.width = saved_width
    assert result.exit_code == 1, result.output
    failures = [line for line in result.output.splitlines() if line.startswith("✗")]
    assert len(failures) == 4, result.output
    assert any(str(notes) in line and "text file" in line for line in failures)
    assert any("bomb.tif" in line and "refused before decoding" in line for line in failures)
    assert (out / "good" / "page.json").is_file()


def test_a_400_dpi_broadsheet_is_under_the_pixel_limit_and_loads(tmp_path: Path) -> None:
    """9,000 x 14,000 (126 Mpx) must pass the default limit that stops bombs."""
    from newsprint.scans import load_scan

    path = tmp_path / "broadsheet.png"
    Image.new("L", (9000, 14000), 235).save(path, dpi=(400, 400))
    settings = Settings().scan
    assert settings.max_pixels >= 9000 * 14000
    (page,) = load_scan(path, settings)
    assert (page.width, page.height) == (9000, 14000) and page.image.dtype == np.uint8
