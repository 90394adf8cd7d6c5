"""OCR stage: PaddleOCR (PP-OCRv6 small, ONNX Runtime) behind a small interface.

Importing this package loads no model and does not import paddleocr; call
``load_engine(settings)`` (cached per configuration) when text is needed.
"""

from newsprint.ocr.engine import OcrEngine, OcrLine, clear_engine_cache, load_engine
from newsprint.ocr.models import ModelDirs, prepare_models

__all__ = [
    "ModelDirs",
    "OcrEngine",
    "OcrLine",
    "clear_engine_cache",
    "load_engine",
    "prepare_models",
]
