"""The OCR stage: model folders built offline, PaddleOCR read-back of rendered text."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import numpy as np
import pytest
import yaml
from newsprint.core.errors import ModelMissingError
from newsprint.core.settings import OcrSettings
from newsprint.ocr.engine import OcrEngine, OcrLine, load_engine
from newsprint.ocr.models import (
    RAPIDOCR_INSTALL,
    character_list,
    prepare_models,
    weights_file_names,
)
from newsprint.ocr.paddle import to_bgr
from offline import no_network
from PIL import Image, ImageDraw, ImageFont

LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
ENGLISH = "Harbour bridge reopens after storm"
CHINESE = "宁波公安发出扫黑除恶最强音"


def cer(got: str, want: str) -> float:
    """Character error rate (Levenshtein distance / reference length)."""
    row = list(range(len(want) + 1))
    for i, g in enumerate(got, 1):
        prev, row[0] = row[0], i
        for j, w in enumerate(want, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (g != w))
    return row[-1] / max(1, len(want))


def render(lines: list[tuple[str, str, tuple[int, int]]], size=(900, 260)):
    """A white BGR image with each (text, font, xy) drawn at 30 px; and each text's box."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    boxes = []
    for text, font_path, xy in lines:
        font = ImageFont.truetype(font_path, 30)
        draw.text(xy, text, font=font, fill="black")
        boxes.append(draw.textbbox(xy, text, font=font))
    return np.asarray(image)[:, :, ::-1].copy(), boxes


def iou(a, b) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    area = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / area


# --- no model needed -------------------------------------------------------------------------


def test_weights_file_names_follow_rapidocr_spelling():
    assert weights_file_names("PP-OCRv6_small_det")[0] == "PP-OCRv6_det_small.onnx"
    assert weights_file_names("PP-OCRv6_small_rec")[0] == "PP-OCRv6_rec_small.onnx"
    assert "PP-OCRv6_small_rec.onnx" in weights_file_names("PP-OCRv6_small_rec")


def test_missing_weights_dir_names_the_file(tmp_path):
    missing = tmp_path / "no-such-weights"
    settings = OcrSettings(weights_dir=missing, cache_dir=tmp_path / "cache")
    with pytest.raises(ModelMissingError) as err:
        prepare_models(settings)
    assert str(missing / "PP-OCRv6_det_small.onnx") in str(err.value)
    assert RAPIDOCR_INSTALL in str(err.value)
    assert not (tmp_path / "cache").exists()


def test_missing_rapidocr_says_how_to_install(tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "rapidocr" else real(name, *a)
    )
    with pytest.raises(ModelMissingError, match=re.escape(RAPIDOCR_INSTALL)):
        prepare_models(OcrSettings(cache_dir=tmp_path))


@pytest.mark.skipif(importlib.util.find_spec("paddle") is not None, reason="paddle installed")
def test_paddle_engine_without_paddlepaddle_is_a_clear_error(tmp_path):
    with pytest.raises(ImportError, match="paddlepaddle"):
        load_engine(OcrSettings(engine="paddle", cache_dir=tmp_path))


def test_to_bgr_converts_grey_and_rejects_non_8_bit():
    grey = np.full((5, 7), 100, np.uint8)
    assert to_bgr(grey).shape == (5, 7, 3)
    assert to_bgr(grey[:, :, None]).shape == (5, 7, 3)
    with pytest.raises(ValueError, match="8-bit"):
        to_bgr(grey.astype(np.float32))


# --- real models, offline ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def offline():
    """Make any network access fail loudly (and record it) while the module runs."""
    with no_network() as attempts:
        yield attempts
    assert attempts == [], f"OCR tried to reach the network: {attempts}"


@pytest.fixture(scope="module")
def settings(ocr_settings: OcrSettings, offline) -> OcrSettings:
    """The session engine's settings (``engine`` comes from conftest.py)."""
    return ocr_settings


@pytest.fixture(scope="module")
def page():
    return render([(ENGLISH, LATIN_FONT, (40, 40)), (CHINESE, CJK_FONT, (40, 150))])


@pytest.mark.models
def test_model_folders_are_built_once_with_the_full_alphabet(settings):
    dirs = prepare_models(settings)
    for folder in (dirs.det, dirs.rec):
        assert (folder / "inference.onnx").is_file()
        assert (folder / "inference.yml").is_file()
    det = yaml.safe_load((dirs.det / "inference.yml").read_text(encoding="utf-8"))
    post = det["PostProcess"]
    assert (post["thresh"], post["box_thresh"], post["unclip_ratio"]) == (
        settings.det_thresh,
        settings.det_box_thresh,
        settings.det_unclip_ratio,
    )
    rec = yaml.safe_load((dirs.rec / "inference.yml").read_text(encoding="utf-8"))
    alphabet = character_list(dirs.rec / "inference.onnx")
    assert len(alphabet) > 18000
    assert rec["PostProcess"]["character_dict"] == alphabet
    stamp = (dirs.rec / "inference.yml").stat().st_mtime_ns
    assert prepare_models(settings) == dirs
    assert (dirs.rec / "inference.yml").stat().st_mtime_ns == stamp


@pytest.mark.models
def test_a_damaged_model_folder_is_rebuilt(tmp_path):
    settings = OcrSettings(cache_dir=tmp_path)
    dirs = prepare_models(settings)
    (dirs.det / "inference.onnx").write_bytes(b"truncated")
    assert prepare_models(settings) == dirs
    assert (dirs.det / "inference.onnx").stat().st_size > 1_000_000
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.models
def test_reads_rendered_english_and_chinese_in_place(engine, page):
    image, boxes = page
    lines = engine.read(image)
    assert [type(line) for line in lines] == [OcrLine, OcrLine]
    assert cer(lines[0].text, ENGLISH) <= 0.05, lines[0].text
    assert cer(lines[1].text, CHINESE) <= 0.1, lines[1].text
    for line, box in zip(lines, boxes, strict=True):
        assert line.polygon.shape == (4, 2)
        assert iou(line.bbox, box) > 0.6, (line.bbox, box)
        assert 0.8 < line.confidence <= 1.0


@pytest.mark.models
def test_grey_input_and_a_tight_block_crop(engine, page):
    image, boxes = page
    grey = image[:, :, 1].copy()
    assert [line.text for line in engine.read(grey)] == [line.text for line in engine.read(image)]
    x0, y0, x1, y1 = boxes[0]
    crop = grey[y0 - 2 : y1 + 2, x0 - 2 : x1 + 2]
    (line,) = engine.read(crop)
    assert cer(line.text, ENGLISH) <= 0.05
    assert line.bbox[0] >= 0 and line.bbox[3] <= crop.shape[0]


@pytest.mark.models
def test_blank_images_have_no_lines(engine):
    assert engine.read(np.full((300, 500), 255, np.uint8)) == []
    assert engine.read(np.zeros((0, 0, 3), np.uint8)) == []
    assert engine.read_many([np.full((50, 50, 3), 240, np.uint8)]) == [[]]


@pytest.mark.models
def test_read_many_and_recognize_lines(engine, page):
    image, boxes = page
    many = engine.read_many([image, np.full((100, 100), 255, np.uint8), image])
    assert [len(lines) for lines in many] == [2, 0, 2]
    crops = [image[y0 - 4 : y1 + 4, x0 - 4 : x1 + 4] for x0, y0, x1, y1 in boxes]
    crops.append(np.zeros((0, 10, 3), np.uint8))
    results = engine.recognize_lines(crops)
    assert cer(results[0][0], ENGLISH) <= 0.05
    assert cer(results[1][0], CHINESE) <= 0.1
    assert results[2] == ("", 0.0)
    for crop, (text, score) in zip(crops[:2], results, strict=False):
        # one at a time: no padding to the batch's widest crop, so scores differ slightly
        alone_text, alone_score = engine.recognize_lines([crop])[0]
        assert alone_text == text
        assert alone_score == pytest.approx(score, abs=0.05)
    assert engine.recognize_lines([]) == []


@pytest.mark.models
def test_engine_is_cached_per_configuration(engine, settings, capfd):
    assert load_engine(settings.model_copy()) is engine
    other = load_engine(settings.model_copy(update={"rec_batch_size": 8}))
    assert other is not engine
    captured = capfd.readouterr()
    assert "Creating model" not in captured.out + captured.err
    info = engine.info()
    assert info["det_model"] == settings.det_model_name
    assert info["rec_model"] == settings.rec_model_name
    assert info["settings"]["det_limit_side_len"] == settings.det_limit_side_len


@pytest.mark.models
def test_nothing_was_downloaded(engine, settings):
    assert isinstance(engine, OcrEngine)
    cache = Path(settings.cache_dir)
    assert not list(cache.rglob("official_models"))
