"""The recogniser with its classifier restricted to the Latin script.

PP-OCR's recognition model ends in one classifier over its whole alphabet:
18,710 classes for PP-OCRv6, nearly all of them Chinese characters. At every
output step (one per 8 input columns) it scores all of them, and the scores are
searched for the best; on an English page that is work for characters the page
cannot hold. This module builds the same model with that classifier's weights
cut to the classes below the CJK blocks (Latin, Greek, Cyrillic, punctuation,
digits: 1,750 of them, plus the CTC blank and the space), and maps its output
back to the full alphabet's indices, so PaddleX's own decoder reads it. The
best class at a step is the same wherever the full model's best is among
those kept; the confidence changes by the probability the full model gave to
Chinese classes (generated English pages: the same text on every line, mean
confidence within 0.0002).

The engine uses it for the rest of a page whose pilot lines (``ocr.pitch``)
read no character from the CJK blocks on (but a few stray ones read unsure);
Tesseract and PaddleOCR choose a model by language the same way, here the
choice is measured on the page.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

CJK_START = 0x2E80
"""The first code point of the CJK blocks (radicals, kana, ideographs, hangul
and the full-width forms lie above it): classes from here on are dropped."""


def kept_classes(labels: list[str]) -> np.ndarray:
    """Indices of the model's classes kept for Latin-script text: 0 (the CTC
    blank) and each class whose label (``labels``: the decoder's, one a class,
    the space included) begins below :data:`CJK_START`."""
    kept = [j for j, label in enumerate(labels) if j == 0 or (label and ord(label[0]) < CJK_START)]
    return np.array(kept, dtype=np.int64)


def restricted_model(onnx_path: Path, classes: int, keep: np.ndarray) -> bytes:
    """The ONNX model at ``onnx_path`` (a CTC recogniser over ``classes``
    classes) with every weight whose last axis runs over the classes (the
    classifier's matrix and bias) cut to ``keep``, serialised.

    Raises ValueError when the model has no such weight."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(onnx_path))
    cut = 0
    for weight in model.graph.initializer:
        if weight.dims and weight.dims[-1] == classes:
            values = numpy_helper.to_array(weight)[..., keep]
            weight.CopyFrom(numpy_helper.from_array(values, weight.name))
            cut += 1
    if not cut:
        raise ValueError(f"{onnx_path}: no weight over its {classes} classes to restrict")
    return model.SerializeToString()


class LatinHead:
    """An ONNX Runtime session of the restricted model, built with the full
    session's options and providers, and the class indices it keeps."""

    def __init__(self, onnx_path: Path, labels: list[str], full_session: Any) -> None:
        import onnxruntime as ort

        self.keep = kept_classes(labels)
        model = restricted_model(onnx_path, len(labels), self.keep)
        inner = getattr(full_session, "_session", full_session)
        self.session = ort.InferenceSession(
            model, _options_like(inner.get_session_options()), providers=inner.get_providers()
        )
        log.debug("Latin-script classifier: %d of %d classes", len(self.keep), len(labels))


def _options_like(full: Any) -> Any:
    """Session options with ``full``'s threads and optimisation, without the
    CPU arena and memory pattern: with them the second session kept what it
    grew to over each page's line shapes (RSS 933 -> 1506 MiB over four NCSE
    pages, against 525 -> 476 without it)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = full.intra_op_num_threads
    options.inter_op_num_threads = full.inter_op_num_threads
    options.graph_optimization_level = full.graph_optimization_level
    options.execution_mode = full.execution_mode
    options.log_severity_level = full.log_severity_level
    options.enable_cpu_mem_arena = False
    options.enable_mem_pattern = False
    return options


STRAY_CONFIDENCE = 0.5
"""A pilot line read with less confidence than this, most of its letters
Latin and a few from the CJK blocks, is a stray (``reads_latin_only``): a
masthead's worn black letter read "DE刀T口" at 0.18 (Chronicling America,
Weekly Chicago Democrat 1853 p3, whose pilot was otherwise English and whose
asterisks the full classifier then read as 水 and 米). The confidence is the
line's: a line read sure with one such misread still counts as Chinese."""

STRAY_SHARE = 0.02
"""...and the strays' CJK characters are at most this share of the pilot's
letters and digits."""


def reads_latin_only(readings: list[tuple[str, float]], least: int = 20) -> bool:
    """True when the pilot's ``readings`` (text and confidence 0..1, one per
    line) hold at least ``least`` letters or digits and no character from
    :data:`CJK_START` on, but in strays: lines read with less than
    :data:`STRAY_CONFIDENCE` whose letters are mostly not CJK, their CJK
    characters at most :data:`STRAY_SHARE` of the pilot's letters. A line
    of Chinese, however unsure, is never a stray."""
    letters = sum(1 for text, _ in readings for ch in text if ch.isalnum())
    if letters < least:
        return False
    strays = 0
    for text, confidence in readings:
        cjk = sum(1 for ch in text if ord(ch) >= CJK_START)
        if not cjk:
            continue
        own = sum(1 for ch in text if ch.isalnum())
        if confidence >= STRAY_CONFIDENCE or 2 * cjk >= own:
            return False
        strays += cjk
    return strays <= STRAY_SHARE * letters
