"""Loading scans: every format and mode, and a clear ScanError for every bad input."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import numpy as np
import pytest
from badfiles import H, W, bomb_png, good_bytes, half
from newsprint.core.errors import ScanError
from newsprint.core.settings import ScanSettings
from newsprint.scans import load_scan, pdf_supported, scan_paths, sha256_file
from PIL import Image, ImageFile, features

SETTINGS = ScanSettings()


def gradient(width: int = W, height: int = H) -> np.ndarray:
    """Grey ramp left to right, so orientation and scaling can be checked."""
    row = np.linspace(0, 255, width)
    return np.tile(row, (height, 1)).astype(np.uint8)


def save(image: Image.Image, path: Path, fmt: str | None = None, **options: object) -> Path:
    image.save(path, format=fmt, **options)
    return path


def load_one(path: Path, settings: ScanSettings = SETTINGS) -> object:
    pages = load_scan(path, settings)
    assert len(pages) == 1
    return pages[0]


# --- formats and modes -------------------------------------------------------------


def test_grey_jpeg_with_dpi(tmp_path: Path) -> None:
    path = save(Image.fromarray(gradient()), tmp_path / "page.jpg", dpi=(300, 300))
    page = load_one(path)
    assert (page.width, page.height) == (W, H)
    assert page.mode == "L"
    assert page.dpi == (300.0, 300.0)
    assert page.image.dtype == np.uint8 and page.image.shape == (H, W)
    assert page.source == str(path)
    assert (page.page_index, page.page_count) == (0, 1)


def test_colour_jpeg_is_rgb(tmp_path: Path) -> None:
    rgb = np.zeros((H, W, 3), np.uint8)
    rgb[..., 0] = 200
    page = load_one(save(Image.fromarray(rgb), tmp_path / "colour.jpg"))
    assert page.mode == "RGB"
    assert page.image.shape == (H, W, 3)
    assert abs(int(page.image[..., 0].mean()) - 200) <= 3


def test_png_without_dpi_and_with_dpi(tmp_path: Path) -> None:
    plain = load_one(save(Image.fromarray(gradient()), tmp_path / "plain.png"))
    assert plain.dpi is None
    np.testing.assert_array_equal(plain.image, gradient())
    # pHYs stores pixels per metre: 300 dpi comes back as 299.9994 from Pillow
    marked = load_one(save(Image.fromarray(gradient()), tmp_path / "dpi.png", dpi=(300, 300)))
    assert marked.dpi == (300.0, 300.0)


def test_a_tiff_without_a_resolution_has_no_dpi(tmp_path: Path) -> None:
    # Pillow reads a TIFF whose writer set no resolution as (1, 1) dpi.
    path = save(Image.fromarray(gradient()), tmp_path / "nodpi.tif")
    assert Image.open(path).info.get("dpi") == (1, 1)
    assert load_one(path).dpi is None
    assert load_one(
        save(Image.fromarray(gradient()), tmp_path / "dpi.tif", dpi=(400, 400))
    ).dpi == (
        400.0,
        400.0,
    )


@pytest.mark.parametrize("mode", ["I;16", "I;16B"])
def test_16_bit_tiff_is_stretched_over_its_range(tmp_path: Path, mode: str) -> None:
    values = np.linspace(1000, 3000, W * H).reshape(H, W)
    dtype = "<u2" if mode == "I;16" else ">u2"
    image = Image.frombytes(mode, (W, H), values.astype(dtype).tobytes())
    page = load_one(save(image, tmp_path / "deep.tif"))
    assert page.mode == mode
    assert page.image.dtype == np.uint8 and page.image.shape == (H, W)
    assert page.image.min() == 0 and page.image.max() == 255
    assert abs(int(page.image[H // 2, W // 2]) - 128) <= 2
    assert (np.diff(page.image.ravel().astype(int)) >= 0).all()


def test_16_bit_png_is_stretched(tmp_path: Path) -> None:
    values = np.linspace(20000, 21000, W * H).reshape(H, W).astype(np.uint16)
    page = load_one(save(Image.fromarray(values), tmp_path / "deep.png"))
    assert page.mode.startswith("I")
    assert page.image.min() == 0 and page.image.max() == 255


def test_flat_16_bit_page_keeps_its_level(tmp_path: Path) -> None:
    values = np.full((H, W), 65535, np.uint16)
    page = load_one(save(Image.fromarray(values), tmp_path / "white.tif"))
    assert (page.image == 255).all()


def test_one_bit_group4_tiff(tmp_path: Path) -> None:
    bits = gradient() > 128
    path = save(Image.fromarray(bits), tmp_path / "g4.tif", compression="group4", dpi=(400, 400))
    assert Image.open(path).info["compression"] == "group4"
    page = load_one(path)
    assert page.mode == "1"
    assert page.dpi == (400.0, 400.0)
    assert set(np.unique(page.image)) == {0, 255}
    np.testing.assert_array_equal(page.image == 255, bits)


def test_three_page_tiff(tmp_path: Path) -> None:
    frames = [Image.fromarray(gradient(W + 10 * i, H)) for i in range(3)]
    path = tmp_path / "issue.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    pages = load_scan(path, SETTINGS)
    assert [p.page_index for p in pages] == [0, 1, 2]
    assert {p.page_count for p in pages} == {3}
    assert [p.width for p in pages] == [W, W + 10, W + 20]
    assert [p.stem for p in pages] == ["issue-p1", "issue-p2", "issue-p3"]
    assert len({p.sha256 for p in pages}) == 1


def test_cmyk_jpeg_becomes_rgb(tmp_path: Path) -> None:
    red = Image.new("RGB", (W, H), (255, 0, 0)).convert("CMYK")
    page = load_one(save(red, tmp_path / "cmyk.jpg"))
    assert page.mode == "CMYK"
    assert page.image.shape == (H, W, 3)
    r, g, b = page.image.reshape(-1, 3).mean(axis=0)
    assert r > 200 and g < 60 and b < 60


def test_colour_palette_png_becomes_rgb(tmp_path: Path) -> None:
    image = Image.new("P", (W, H), 0)
    image.putpalette([255, 255, 255, 0, 0, 255] + [0] * 762)
    image.paste(1, (0, 0, W // 2, H))
    page = load_one(save(image, tmp_path / "palette.png"))
    assert page.mode == "P"
    assert page.image.shape == (H, W, 3)
    assert tuple(page.image[0, 0]) == (0, 0, 255)
    assert tuple(page.image[0, W - 1]) == (255, 255, 255)


def test_grey_palette_png_becomes_grey(tmp_path: Path) -> None:
    image = Image.fromarray(gradient()).convert("P")
    image.putpalette([v for i in range(256) for v in (i, i, i)])
    page = load_one(save(image, tmp_path / "greypal.png"))
    assert page.mode == "P"
    assert page.image.shape == (H, W)


def test_rgba_png_is_composited_on_white(tmp_path: Path) -> None:
    rgba = np.zeros((H, W, 4), np.uint8)  # transparent black everywhere
    rgba[:10, :10] = (255, 0, 0, 255)  # opaque red
    rgba[20:30, :10] = (0, 0, 0, 128)  # half-transparent black
    page = load_one(save(Image.fromarray(rgba), tmp_path / "alpha.png"))
    assert page.mode == "RGBA"
    assert page.image.shape == (H, W, 3)
    assert tuple(page.image[H - 1, W - 1]) == (255, 255, 255)
    assert tuple(page.image[5, 5]) == (255, 0, 0)
    assert abs(int(page.image[25, 5, 0]) - 127) <= 1


def test_la_png_is_composited_to_grey(tmp_path: Path) -> None:
    la = np.zeros((H, W, 2), np.uint8)
    la[:10, :10] = (0, 255)
    page = load_one(save(Image.fromarray(la), tmp_path / "la.png"))
    assert page.image.shape == (H, W)
    assert page.image[0, 0] == 0 and page.image[H - 1, W - 1] == 255


def test_exif_orientation_6_is_applied(tmp_path: Path) -> None:
    stored = np.full((H, W), 255, np.uint8)
    stored[:10, :10] = 0  # dark mark at the stored top-left
    exif = Image.Exif()
    exif[0x0112] = 6  # display = stored turned 90 degrees clockwise
    path = save(Image.fromarray(stored), tmp_path / "phone.jpg", exif=exif, dpi=(300, 200))
    page = load_one(path)
    assert (page.width, page.height) == (H, W)
    assert page.image.shape == (W, H)
    assert page.image[:10, -10:].mean() < 60  # mark now at the top-right
    assert page.image[:10, :10].mean() > 200
    assert page.dpi == (200.0, 300.0)


def test_wrong_extension_is_read_by_content(tmp_path: Path) -> None:
    png_as_jpg = load_one(save(Image.fromarray(gradient()), tmp_path / "really-png.jpg", "PNG"))
    tif_as_png = load_one(save(Image.fromarray(gradient()), tmp_path / "really-tif.png", "TIFF"))
    np.testing.assert_array_equal(png_as_jpg.image, gradient())
    np.testing.assert_array_equal(tif_as_png.image, gradient())


@pytest.mark.skipif(not features.check("jpg_2000"), reason="Pillow built without OpenJPEG")
def test_jpeg_2000(tmp_path: Path) -> None:
    page = load_one(save(Image.fromarray(gradient()), tmp_path / "page.jp2"))
    assert (page.width, page.height, page.mode) == (W, H, "L")


# --- PDF ---------------------------------------------------------------------------

needs_pdf = pytest.mark.skipif(not pdf_supported(), reason="pypdfium2 not installed")


@needs_pdf
def test_scanned_pdf_gives_its_embedded_image(tmp_path: Path) -> None:
    bits = gradient() > 100
    path = save(Image.fromarray(bits), tmp_path / "scan.pdf", resolution=150)
    page = load_one(path)
    assert (page.width, page.height) == (W, H)
    assert page.mode == "1"
    assert page.dpi == (150.0, 150.0)
    np.testing.assert_array_equal(page.image == 255, bits)


@needs_pdf
def test_multi_page_pdf(tmp_path: Path) -> None:
    path = tmp_path / "issue.pdf"
    first = Image.fromarray(gradient())
    first.save(path, save_all=True, append_images=[Image.fromarray(gradient()).convert("RGB")])
    pages = load_scan(path, SETTINGS)
    assert [(p.page_index, p.page_count) for p in pages] == [(0, 2), (1, 2)]
    assert pages[0].image.ndim == 2 and pages[1].image.shape == (H, W, 3)


@needs_pdf
def test_pdf_without_a_scan_image_is_rendered_at_300_dpi(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(144, 72)  # 2 x 1 inches
    path = tmp_path / "drawn.pdf"
    document.save(path)
    document.close()
    page = load_one(path)
    assert (page.width, page.height) == (600, 300)
    assert page.dpi == (300.0, 300.0)


# --- hashing and read-only ---------------------------------------------------------


def test_sha256_matches_hashlib_and_file_is_untouched(tmp_path: Path) -> None:
    path = save(Image.fromarray(gradient()), tmp_path / "page.tif", dpi=(300, 300))
    before_bytes, before_mtime = path.read_bytes(), path.stat().st_mtime_ns
    page = load_one(path)
    expected = hashlib.sha256(before_bytes).hexdigest()
    assert page.sha256 == expected == sha256_file(path)
    assert path.read_bytes() == before_bytes
    assert path.stat().st_mtime_ns == before_mtime
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


# --- bad input ---------------------------------------------------------------------


BAD_FILES = {
    "empty.jpg": (lambda: b"", "empty"),
    "cut.jpg": (lambda: half(good_bytes("JPEG")), "truncated"),
    "cut.png": (lambda: half(good_bytes("PNG")), "truncated"),
    "cut.tif": (lambda: half(good_bytes("TIFF")), "truncated"),
    "cut-lzw.tif": (lambda: half(good_bytes("TIFF", compression="tiff_lzw")), "TIFF"),
    "notes.txt": (lambda: "扫描说明: page 1 of the 1918 issue\n".encode(), "text file"),
    "saved.jpg": (lambda: b"<!DOCTYPE html><html><body>Not found</body></html>", "HTML"),
    "noise.png": (lambda: bytes(range(256)) * 4, "not an image"),
    "bomb.png": (lambda: bomb_png(100_000, 100_000), "refused before decoding"),
    # The page tree's /Kids key damaged: the document opens, its page does not.
    "kids.pdf": (lambda: good_bytes("PDF").replace(b"/Kids", b".Kids", 1), "damaged PDF page"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_raises_scan_error(tmp_path: Path, name: str) -> None:
    make, reason = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(make())
    started = time.perf_counter()
    with pytest.raises(ScanError) as caught:
        load_scan(path, SETTINGS)
    assert time.perf_counter() - started < 2.0
    assert name in str(caught.value)
    assert reason.lower() in caught.value.reason.lower()
    assert caught.value.path == str(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ScanError, match=r"nowhere\.jpg: file not found"):
        load_scan(tmp_path / "nowhere.jpg", SETTINGS)


def test_missing_folder_in_path(tmp_path: Path) -> None:
    with pytest.raises(ScanError, match=r"page\.jpg: file not found"):
        load_scan(tmp_path / "no-such-dir" / "page.jpg", SETTINGS)


def test_directory_is_not_a_scan(tmp_path: Path) -> None:
    folder = tmp_path / "scans.jpg"
    folder.mkdir()
    with pytest.raises(ScanError, match=r"scans\.jpg: is a directory"):
        load_scan(folder, SETTINGS)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read mode 000")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.png"
    path.write_bytes(good_bytes("PNG"))
    path.chmod(0)
    try:
        with pytest.raises(ScanError, match=r"locked\.png: permission denied"):
            load_scan(path, SETTINGS)
    finally:
        path.chmod(0o644)


def test_permission_error_on_open_is_a_scan_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Works as root too: the open() the loader uses is made to refuse."""
    import newsprint.scans.files as scan_files

    path = tmp_path / "locked.png"
    path.write_bytes(good_bytes("PNG"))

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(scan_files, "open", refuse, raising=False)
    with pytest.raises(ScanError, match=r"locked\.png: permission denied"):
        load_scan(path, SETTINGS)


def test_pixel_limit_from_settings_refuses_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    path.write_bytes(good_bytes("PNG"))
    with pytest.raises(ScanError, match=r"big\.png: image declares 120x80") as caught:
        load_scan(path, ScanSettings(max_pixels=W * H - 1))
    assert "before decoding" in caught.value.reason


def test_bomb_with_a_huge_limit_still_refused_by_settings(tmp_path: Path) -> None:
    """3 Gpx declared: under Pillow's guard once raised to ours, but over our own limit."""
    path = tmp_path / "bomb.png"
    path.write_bytes(bomb_png(60_000, 50_000))
    pillow_limit = Image.MAX_IMAGE_PIXELS
    with pytest.raises(ScanError, match="over the"):
        load_scan(path, ScanSettings(max_pixels=2_000_000_000))
    assert pillow_limit == Image.MAX_IMAGE_PIXELS  # Pillow's process-wide guard is restored


def test_file_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "page.png"
    path.write_bytes(good_bytes("PNG"))
    with pytest.raises(ScanError, match=r"page\.png: file is \d+ bytes, over"):
        load_scan(path, ScanSettings(max_file_bytes=100))


# --- finding scans -----------------------------------------------------------------


def test_scan_paths_expands_folders(tmp_path: Path) -> None:
    for name in ["b.PNG", "a.jpg", "notes.txt", "sub/c.tif", ".hidden/x.jpg", "._a.jpg"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    loose = tmp_path / "loose.dat"
    missing = tmp_path / "missing.jpg"
    found = scan_paths([tmp_path, loose, missing, tmp_path / "a.jpg"])
    assert found == [
        tmp_path / "a.jpg",
        tmp_path / "b.PNG",
        tmp_path / "sub" / "c.tif",
        loose,
        missing,
    ]


def test_a_tiff_whose_second_page_directory_is_damaged_is_a_scan_error(tmp_path: Path) -> None:
    # Found by the fuzz test: counting a TIFF's pages walks every directory,
    # and Pillow raised TypeError ("Missing dimensions") for one without its
    # width, past the loader.
    import struct

    pages = [Image.new("L", (64, 48), 255), Image.new("L", (64, 48), 0)]
    path = tmp_path / "two.tif"
    pages[0].save(path, save_all=True, append_images=pages[1:])
    data = bytearray(path.read_bytes())
    first = struct.unpack_from("<I", data, 4)[0]
    entries = struct.unpack_from("<H", data, first)[0]
    second = struct.unpack_from("<I", data, first + 2 + 12 * entries)[0]
    for n in range(struct.unpack_from("<H", data, second)[0]):
        at = second + 2 + 12 * n
        if struct.unpack_from("<H", data, at)[0] == 256:  # ImageWidth
            struct.pack_into("<H", data, at, 0xFFFE)
    path.write_bytes(bytes(data))
    with pytest.raises(ScanError) as caught:
        load_scan(path, ScanSettings())
    assert caught.value.path == str(path) and "damaged page directory" in caught.value.reason
