"""The small OCR interface the rest of newsprint uses.

``load_engine(settings)`` returns an :class:`OcrEngine`; a stage calls
``read(image)`` on a page or a block crop (detect + recognize every text line)
or ``recognize_lines(crops)`` on already-cropped single lines. Coordinates are
always in the pixels of the image passed in. Models are loaded on first use,
never at import time, and never downloaded.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import numpy as np
from newsprint.core.settings import OcrSettings


@dataclass(eq=False)
class OcrLine:
    """One recognized text line, in the pixels of the image that was read."""

    text: str
    confidence: float
    polygon: np.ndarray
    """4x2 float array: the detected quadrilateral, clockwise from top-left."""
    bbox: tuple[float, float, float, float]
    """x0, y0, x1, y1 of the polygon."""


@runtime_checkable
class OcrEngine(Protocol):
    """Detect and recognize text lines in 8-bit grey or BGR images."""

    name: str

    def info(self) -> dict[str, Any]:
        """Engine, model names and settings used (written into outputs)."""
        ...

    def read(self, image: np.ndarray) -> list[OcrLine]:
        """Every text line in ``image``, top to bottom then left to right."""
        ...

    def read_many(self, images: list[np.ndarray]) -> list[list[OcrLine]]:
        """``read`` for several images, recognizing all their lines together."""
        ...

    def detect_native(self, image: np.ndarray) -> np.ndarray:
        """Text line quadrilaterals (N x 4 x 2, float) in ``image`` pixels, detected
        at the image's own size (the caller chooses the scale)."""
        ...

    def recognize_lines(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        """Text and confidence of each crop, each holding one horizontal text line."""
        ...


def load_engine(settings: OcrSettings) -> OcrEngine:
    """The engine for ``settings``, built once per process and configuration."""
    return _load_engine(settings.model_dump_json())


@functools.lru_cache(maxsize=4)
def _load_engine(settings_json: str) -> OcrEngine:
    from newsprint.ocr.paddle import PaddleOcrEngine

    return PaddleOcrEngine(OcrSettings.model_validate_json(settings_json))


def clear_engine_cache() -> None:
    """Forget the loaded engines (tests; after changing model files on disk)."""
    _load_engine.cache_clear()
