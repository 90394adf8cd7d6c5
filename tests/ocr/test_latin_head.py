"""The recogniser's classifier cut to the Latin script (``ocr.latin_head``)."""

from __future__ import annotations

import numpy as np
import onnxruntime as ort
import pytest
from newsprint.ocr.latin_head import (
    CJK_START,
    LatinHead,
    kept_classes,
    reads_latin_only,
    restricted_model,
)
from newsprint.ocr.paddle import PaddleOcrEngine
from newsprint.ocr.pitch import PILOT_LINES
from synth import ink_fitted_lines

LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
CHINESE = ["市政府今天宣布新的预算方案", "记者从市教育局获悉本周开学"]
SENTENCES = [
    "The council met on Tuesday evening",
    "Grain prices rose sharply at market",
    "A new bridge will open in the spring",
    "Mr. Smith spoke of the harbour works",
    "Fire destroyed two houses on Elm St.",
    "The mayor thanked 1,200 volunteers",
]


def test_the_kept_classes_are_the_blank_and_every_label_below_the_cjk_blocks():
    labels = ["blank", "!", "A", "é", "Ж", "中", "あ", "한", "Ａ", " "]
    keep = kept_classes(labels)
    assert [labels[j] for j in keep] == ["blank", "!", "A", "é", "Ж", " "]
    assert all(ord(labels[j][0]) < CJK_START for j in keep)


SURE, UNSURE = 0.95, 0.2
ENGLISH = [(text, SURE) for text in SENTENCES]


@pytest.mark.parametrize(
    ("readings", "latin"),
    [
        ([("The council met on Tuesday", SURE), ("Grain prices rose", SURE)], True),
        ([("Die Stadt Zürich baut eine Brücke", SURE)], True),
        ([("The council met", SURE), ("市政府今天宣布", SURE)], False),  # one Chinese line
        ([("Tokyo 東京", SURE)], False),
        ([("ab", SURE), ("1", SURE)], False),  # too little read to tell
        # A worn masthead read unsure as CJK junk beside English lines: a stray.
        ([*ENGLISH, ("DE刀T口", UNSURE)], True),
        # ...but not a line of Chinese read unsure, however long the pilot,
        ([*ENGLISH, ("市政府今天宣布", UNSURE)], False),
        ([*ENGLISH * 4, ("香港華僑日報", UNSURE)], False),
        # nor a junk line read sure, nor strays over 2% of the letters.
        ([*ENGLISH, ("DE刀T口", SURE)], False),
        ([*ENGLISH, ("DE刀T口", UNSURE), ("Mr. 口口 Smith", UNSURE)], False),
    ],
)
def test_a_pilot_reads_latin_only_but_for_a_few_stray_cjk_characters(readings, latin):
    assert reads_latin_only(readings) is latin


def _labels(engine: PaddleOcrEngine) -> list[str]:
    return list(engine._rec.paddlex_predictor.post_op.character)


@pytest.mark.models
def test_the_restricted_model_scores_only_the_kept_classes(engine):
    labels = _labels(engine)
    keep = kept_classes(labels)
    assert 1000 < len(keep) < len(labels) / 5
    model = restricted_model(engine.dirs.rec / "inference.onnx", len(labels), keep)
    session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    scores = session.run(
        None, {session.get_inputs()[0].name: np.zeros((1, 3, 48, 320), np.float32)}
    )
    assert scores[0].shape[-1] == len(keep)
    with pytest.raises(ValueError, match="no weight"):
        restricted_model(engine.dirs.rec / "inference.onnx", len(labels) + 1, keep)


def _english_lines(count: int) -> list[np.ndarray]:
    return ink_fitted_lines(SENTENCES, LATIN_FONT, 26, count)


class _Counted:
    """A session that counts its runs."""

    def __init__(self, session) -> None:
        self.session = session
        self.runs = 0

    def run(self, *args, **kwargs):
        self.runs += 1
        return self.session.run(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.session, name)


@pytest.mark.models
def test_an_english_page_reads_the_same_with_the_latin_classifier(engine, ocr_settings):
    crops = _english_lines(4 * PILOT_LINES)
    full = PaddleOcrEngine(ocr_settings.model_copy(update={"latin_head": False}))
    read_full = full.recognize_lines(crops)
    assert full._latin is None
    latin = engine._latin_head(ENGLISH)  # built once, on the first English page
    assert isinstance(latin, LatinHead)
    counted = _Counted(latin.session)
    latin.session = counted
    try:
        read_latin = engine.recognize_lines(crops)
        english_runs = counted.runs
        engine.recognize_lines(ink_fitted_lines(CHINESE, CJK_FONT, 28, 4 * PILOT_LINES))
        assert counted.runs == english_runs  # a Chinese page: the full classifier
    finally:
        latin.session = counted.session
    # The pilot's lines and batches of 4 for the other 36 lines.
    assert english_runs == 9
    assert [text for text, _ in read_latin] == [text for text, _ in read_full]
    truth = [SENTENCES[k % len(SENTENCES)] for k in range(len(crops))]
    right = sum(text == t for (text, _), t in zip(read_latin, truth, strict=True))
    assert right >= 0.8 * len(truth)
    for (_, a), (_, b) in zip(read_latin, read_full, strict=True):
        assert a == pytest.approx(b, abs=0.01)
    # The engine is left as it was.
    assert engine._rec.paddlex_predictor.post_op.classes is None
    assert engine._rec.paddlex_predictor.runner.session is not latin.session
