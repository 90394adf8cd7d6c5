"""Chinese lines narrowed to the recogniser's character pitch (``ocr.pitch``)."""

from __future__ import annotations

import numpy as np
import pytest
from newsprint.ocr.paddle import PaddleOcrEngine, model_width
from newsprint.ocr.pitch import NARROWEST, PILOT_LINES, narrowing, pilot_lines
from synth import ink_fitted_lines

CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
SENTENCES = [
    "市政府今天宣布新的预算方案",
    "记者从市教育局获悉本周开学",
    "气象台发布高温预警信号提醒",
    "港口货物吞吐量稳步增长明显",
    "社区广场上的居民在跳舞唱歌",
    "图书馆延长开放时间至晚上十点",
]


def _crops(widths: list[int], height: int = 20) -> list[np.ndarray]:
    return [np.full((height, w, 3), 255, np.uint8) for w in widths]


def test_a_chinese_page_read_surely_is_narrowed_to_the_pitch():
    # 10 characters on lines 460 model columns wide: a pitch of 46.
    images = _crops([192] * 12)
    readings = {i: ("市政府今天宣布新预算", 0.99) for i in range(12)}
    assert narrowing(images, readings, 32.0) == pytest.approx(32 / 46, abs=0.01)


@pytest.mark.parametrize(
    "readings",
    [
        {i: ("The council met on Tuesday", 0.99) for i in range(12)},  # Latin
        {i: ("市政府今天宣布新的预算", 0.90) for i in range(12)},  # read unsurely
        {i: ("", 0.0) for i in range(12)},  # nothing read
    ],
)
def test_latin_and_unsure_pages_keep_their_width(readings):
    assert narrowing(_crops([192] * 12), readings, 32.0) == 1.0


def test_narrowing_is_off_without_a_pitch_and_never_below_the_floor():
    images = _crops([192] * 12)
    readings = {i: ("市政府今", 0.99) for i in range(12)}  # a pitch of 115
    assert narrowing(images, readings, None) == 1.0
    assert narrowing(images, readings, 0.0) == 1.0  # off, as a TOML file says it
    assert narrowing(images, readings, 32.0) == NARROWEST
    # Lines already narrower than the pitch are never widened.
    assert narrowing(images, readings, 200.0) == 1.0


def test_the_pilot_spreads_over_the_long_lines_and_a_short_call_is_all_pilot():
    few = _crops([200] * (2 * PILOT_LINES - 1))
    assert pilot_lines(few, list(range(len(few)))) == list(range(len(few)))
    widths = [60] * 10 + list(range(100, 1100, 20))  # 10 short, 50 long lines
    images = _crops(widths)
    pilot = pilot_lines(images, list(range(len(images))))
    assert len(pilot) == PILOT_LINES
    assert all(images[i].shape[1] >= 100 for i in pilot)  # no short line
    chosen = sorted(images[i].shape[1] for i in pilot)
    assert chosen[0] == 100 and chosen[-1] == 1080  # the narrowest and widest long lines


def _chinese_lines(count: int) -> list[np.ndarray]:
    return ink_fitted_lines(SENTENCES, CJK_FONT, 28, count)


@pytest.mark.models
def test_narrowed_chinese_lines_read_the_same_in_fewer_model_columns(engine, ocr_settings):
    crops = _chinese_lines(4 * PILOT_LINES)
    seen: dict[str, list[int]] = {"narrowed": [], "full": []}

    def counting(engine: PaddleOcrEngine, key: str) -> None:
        predict = engine._rec.predict

        def spy(batch, **kwargs):
            seen[key].extend(model_width(image.shape) for image in batch)
            return predict(batch, **kwargs)

        engine._rec.predict = spy

    full = PaddleOcrEngine(ocr_settings.model_copy(update={"cjk_pitch": None}))
    narrow = PaddleOcrEngine(ocr_settings.model_copy(update={"cjk_pitch": 32.0}))
    counting(full, "full")
    counting(narrow, "narrowed")
    read_full = [text for text, _ in full.recognize_lines(crops)]
    read_narrow = [text for text, _ in narrow.recognize_lines(crops)]
    truth = [SENTENCES[k % len(SENTENCES)] for k in range(len(crops))]
    assert sum(a == b for a, b in zip(read_full, truth, strict=True)) >= 0.9 * len(truth)
    assert sum(a == b for a, b in zip(read_narrow, truth, strict=True)) >= 0.9 * len(truth)
    assert sum(seen["narrowed"]) < 0.85 * sum(seen["full"])
