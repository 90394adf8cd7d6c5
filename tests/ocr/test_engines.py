"""The inference engine and its ONNX Runtime options, chosen in the settings
(``ocr.engine``, ``ocr.graph_optimization``, ``ocr.memory_arena`` …): an engine
this machine cannot run is a clear error naming it and what to install; the
options reach the sessions; the arena that shrinks after every run reads
exactly what the default engine reads."""

from __future__ import annotations

import importlib.util

import numpy as np
import onnxruntime as ort
import pytest
from newsprint.core.settings import OcrSettings, load_settings
from newsprint.flows import cli
from newsprint.ocr.engine import load_engine
from newsprint.ocr.paddle import (
    EngineUnavailableError,
    PaddleOcrEngine,
    crop_line,
    engine_options,
    model_width,
    to_bgr,
    width_batches,
)
from PIL import Image, ImageDraw, ImageFont
from typer.testing import CliRunner

NO_CUDA = "CUDAExecutionProvider" not in ort.get_available_providers()
LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def _two_lines() -> np.ndarray:
    """A white BGR image with an English and a Chinese line drawn at 30 px."""
    image = Image.new("RGB", (700, 200), "white")
    draw = ImageDraw.Draw(image)
    draw.text(
        (30, 30),
        "The council met on Tuesday",
        font=ImageFont.truetype(LATIN_FONT, 30),
        fill="black",
    )
    draw.text(
        (30, 110), "市政府今天宣布新的预算", font=ImageFont.truetype(CJK_FONT, 30), fill="black"
    )
    return np.asarray(image)[:, :, ::-1].copy()


@pytest.mark.skipif(not NO_CUDA, reason="this onnxruntime has CUDA")
def test_onnxruntime_gpu_without_cuda_names_the_engine_and_what_to_install(tmp_path):
    with pytest.raises(EngineUnavailableError) as raised:
        load_engine(OcrSettings(engine="onnxruntime-gpu", cache_dir=tmp_path))
    message = str(raised.value)
    assert "ocr.engine='onnxruntime-gpu'" in message
    assert "pip install onnxruntime-gpu" in message
    assert "CPUExecutionProvider" in message  # what this onnxruntime has instead
    assert isinstance(raised.value, ImportError)


@pytest.mark.skipif(importlib.util.find_spec("paddle") is not None, reason="paddle installed")
def test_paddle_engine_without_paddlepaddle_names_it(tmp_path):
    with pytest.raises(EngineUnavailableError, match=r"ocr.engine='paddle'.*paddlepaddle-gpu"):
        engine_options(OcrSettings(engine="paddle", cache_dir=tmp_path))


@pytest.mark.skipif(not NO_CUDA, reason="this onnxruntime has CUDA")
def test_process_refuses_an_engine_it_cannot_run_before_any_page(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSPRINT_CONFIG", raising=False)
    monkeypatch.setenv("NEWSPRINT_OCR__ENGINE", "onnxruntime-gpu")
    monkeypatch.setenv("NEWSPRINT_OCR__CACHE_DIR", str(tmp_path / "models"))
    scans = tmp_path / "scans"
    scans.mkdir()
    (scans / "page.png").write_bytes(b"not read")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli.app, ["process", str(scans), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "onnxruntime-gpu" in result.output and "unavailable" in result.output
    assert not (out / "catalog.sqlite").exists()


def test_engine_setting_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSPRINT_OCR__ENGINE", "onnxruntime-gpu")
    assert load_settings().ocr.engine == "onnxruntime-gpu"
    monkeypatch.setenv("NEWSPRINT_OCR__ENGINE", "tensorflow")
    with pytest.raises(ValueError, match="onnxruntime-gpu"):
        load_settings()


def test_session_options_follow_the_settings():
    chosen = OcrSettings(
        threads=3,
        inter_op_threads=2,
        graph_optimization="basic",
        memory_pattern=False,
        memory_arena=True,
    )
    config = engine_options(chosen)["engine_config"]
    assert config["intra_op_num_threads"] == 3
    assert config["inter_op_num_threads"] == 2
    assert config["graph_optimization_level"] == ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
    assert config["enable_mem_pattern"] is False and config["enable_cpu_mem_arena"] is True
    assert "device_type" not in config  # CPU
    default = engine_options(OcrSettings())["engine_config"]
    assert default["graph_optimization_level"] == ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    assert "inter_op_num_threads" not in default


def _session(engine: PaddleOcrEngine):
    return engine._rec.paddlex_predictor.runner.session


@pytest.mark.models
def test_sessions_are_built_with_the_options_and_the_shrinking_arena_reads_alike(
    engine, ocr_settings
):
    plain = PaddleOcrEngine(
        ocr_settings.model_copy(
            update={
                "memory_arena": False,
                "graph_optimization": "extended",
                "memory_pattern": False,
            }
        )
    )
    options = _session(plain).get_session_options()
    assert not options.enable_cpu_mem_arena and not options.enable_mem_pattern
    assert options.graph_optimization_level == ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    assert not hasattr(_session(plain), "_options")  # no arena, nothing to shrink
    # The default: the arena on, and every run ends with it shrunk.
    assert _session(engine).get_session_options().enable_cpu_mem_arena
    entry = "memory.enable_memory_arena_shrinkage"
    assert _session(engine)._options.get_run_config_entry(entry) == "cpu:0"
    image = to_bgr(_two_lines())
    crops = [crop_line(image, quad) for quad in engine.detect_native(image)]
    assert len(crops) == 2
    read = engine.recognize_lines(crops)
    assert [text for text, _ in read] == [text for text, _ in plain.recognize_lines(crops)]
    assert "council" in read[0][0] + read[1][0] and "预算" in read[0][0] + read[1][0]


def test_lines_are_batched_by_width_within_the_bounds():
    widths = sorted([320, 320, 330, 400, 480, 800, 1000, 1200, 3000, 3200])
    for most, pixels in ((4, None), (16, 2400), (3, 1000), (1, None)):
        batches = width_batches(widths, most, pixels)
        # Every line once, in order, in contiguous batches.
        assert [i for a, b in batches for i in range(a, b)] == list(range(len(widths)))
        for a, b in batches:
            assert 1 <= b - a <= most
            if pixels is not None and b - a > 1:
                assert (b - a) * widths[b - 1] <= pixels
    # Narrow lines go many to a batch, wide ones one each.
    assert width_batches(widths, 16, 2400) == [(0, 5), (5, 7), (7, 8), (8, 9), (9, 10)]
    assert width_batches([], 4, None) == []


def test_model_width_is_the_resized_width_at_least_the_padding():
    assert model_width((24, 240, 3)) == 480  # 48 px tall: twice as wide
    assert model_width((48, 100)) == 320  # padded to PaddleOCR's least width


def test_quick_ctc_decoding_reads_what_paddlex_decoding_reads(engine) -> None:
    """The recogniser's own CTC decoder and newsprint's one-pass replacement
    give the same text and confidence for the same model output."""
    predictor = engine._rec.paddlex_predictor
    quick = predictor.post_op
    assert quick.__class__.__name__ == "_QuickCtcDecode"
    image = _two_lines()
    crops = [image[20:80, 20:560], image[100:160, 20:420], image[20:160, 20:300]]
    original = quick._original
    try:
        predictor.post_op = original
        expected = engine.recognize_lines(crops)
    finally:
        predictor.post_op = quick
    got = engine.recognize_lines(crops)
    assert got == expected
    assert "council" in got[0][0] and "预算" in got[1][0]
