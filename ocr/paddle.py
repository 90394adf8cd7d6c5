"""PaddleOCR behind :class:`ocr.engine.OcrEngine`.

Detection and recognition run as PaddleOCR's own ``TextDetection`` and
``TextRecognition`` models (the two stages of the ``PaddleOCR`` pipeline),
called separately so that one recognizer serves both whole images and
``recognize_lines``, crops of several images are recognized together, and
detection resolution is set per call. Cropping and ordering follow the
pipeline (min-area rectangle crop, tall crops turned, rows top to bottom).
"""

from __future__ import annotations

import importlib.util
import logging
import math
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from newsprint.core.errors import NewsprintError
from newsprint.core.settings import OcrSettings
from newsprint.ocr.engine import OcrLine
from newsprint.ocr.latin_head import LatinHead, reads_latin_only
from newsprint.ocr.memory import release_free_memory
from newsprint.ocr.models import ModelDirs, prepare_models
from newsprint.ocr.pitch import narrowed, narrowing, pilot_lines
from newsprint.ocr.vertical_marks import marks_to_reading_place

log = logging.getLogger(__name__)

PADDLEOCR_INSTALL = "pip install paddleocr==3.7.0 onnxruntime"
PADDLE_INSTALL = (
    "pip install paddlepaddle (CPU) or paddlepaddle-gpu, see "
    "https://www.paddlepaddle.org.cn/install"
)
ONNXRUNTIME_GPU_INSTALL = (
    "pip uninstall -y onnxruntime && pip install onnxruntime-gpu "
    "(with CUDA 12 and cuDNN 9 on the machine)"
)
_GRAPH_LEVELS = {"disable": 0, "basic": 1, "extended": 2, "all": 99}
"""``ocr.graph_optimization`` as ONNX Runtime's ``GraphOptimizationLevel`` values."""
_PAD = 16
"""Paper-coloured margin added around an image before detection, so that text
touching the edge of a block crop is still found."""
_BLANK_RANGE = 8
"""An image whose grey levels span less than this holds no text."""
_TALL = 1.5
"""A line crop this many times taller than wide is turned to horizontal."""


class EngineUnavailableError(NewsprintError, ImportError):
    """The inference engine ``ocr.engine`` names cannot run here; the message
    names the engine and what to install."""


def engine_options(settings: OcrSettings) -> dict[str, Any]:
    """The PaddleOCR arguments selecting the inference engine and its options:
    the one place where the engines differ. Raises :class:`EngineUnavailableError`
    when the engine cannot run on this machine."""
    threads = settings.threads or os.cpu_count() or 1
    if settings.engine == "paddle":
        return _paddle_options(settings, threads)
    config: dict[str, Any] = {
        "intra_op_num_threads": threads,
        "graph_optimization_level": _GRAPH_LEVELS[settings.graph_optimization],
        "enable_mem_pattern": settings.memory_pattern,
        "enable_cpu_mem_arena": settings.memory_arena,
        "log_severity_level": 3,
    }
    if settings.inter_op_threads:
        config["inter_op_num_threads"] = settings.inter_op_threads
    if settings.engine == "onnxruntime-gpu":
        _check_cuda_provider()
        config.update(device_type="gpu", device_id=settings.device_id)
    return {"engine": "onnxruntime", "engine_config": config}


def _paddle_options(settings: OcrSettings, threads: int) -> dict[str, Any]:
    if importlib.util.find_spec("paddle") is None:
        raise EngineUnavailableError(
            f"ocr.engine='paddle' needs PaddlePaddle, which is not installed: {PADDLE_INSTALL}; "
            "or use ocr.engine='onnxruntime'."
        )
    import paddle

    if paddle.device.is_compiled_with_cuda():
        return {"engine": "paddle", "device": f"gpu:{settings.device_id}"}
    return {"engine": "paddle", "device": "cpu", "cpu_threads": threads}


def _check_cuda_provider() -> None:
    import onnxruntime as ort

    available = ort.get_available_providers()
    if "CUDAExecutionProvider" not in available:
        raise EngineUnavailableError(
            "ocr.engine='onnxruntime-gpu' needs ONNX Runtime's CUDAExecutionProvider, "
            f"which this onnxruntime does not have (it has {', '.join(available)}): "
            f"{ONNXRUNTIME_GPU_INSTALL}; or use ocr.engine='onnxruntime'."
        )
    if hasattr(ort, "preload_dlls"):  # CUDA and cuDNN from NVIDIA's pip wheels, if there
        ort.preload_dlls()


def _check_on_gpu(model: Any) -> None:
    """ONNX Runtime falls back to the CPU, with a warning only, when CUDA fails
    to load; ``onnxruntime-gpu`` must run on the GPU or not at all."""
    session = _session_of(model)
    providers = session.get_providers() if session is not None else []
    if "CUDAExecutionProvider" not in providers:
        raise EngineUnavailableError(
            "ocr.engine='onnxruntime-gpu': ONNX Runtime could not start its CUDA "
            f"execution provider (the session runs on {', '.join(providers) or 'nothing'}); "
            f"check the driver, CUDA 12 and cuDNN 9: {ONNXRUNTIME_GPU_INSTALL}."
        )


def _session_of(model: Any) -> Any:
    """The ONNX Runtime session inside a PaddleOCR model, or None."""
    runner = getattr(getattr(model, "paddlex_predictor", None), "runner", None)
    return getattr(runner, "session", None)


class _ShrinkingSession:
    """An ONNX Runtime session whose every run ends by handing the CPU arena's
    unused chunks back (the run option ``memory.enable_memory_arena_shrinkage``):
    the arena's speed without its growth over new input shapes."""

    def __init__(self, session: Any) -> None:
        import onnxruntime as ort

        self._session = session
        self._options = ort.RunOptions()
        self._options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")

    def run(self, output_names: Any, feeds: Any, run_options: Any = None) -> Any:
        return self._session.run(output_names, feeds, run_options or self._options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


def _shrink_arena(model: Any) -> None:
    """Make the ONNX Runtime session inside a PaddleOCR model shrink its arena
    after every run (see :class:`_ShrinkingSession`)."""
    session = _session_of(model)
    if session is None or not hasattr(session, "run"):
        log.warning("no ONNX Runtime session found in %s: arena not shrunk", type(model).__name__)
        return
    model.paddlex_predictor.runner.session = _ShrinkingSession(session)


class _QuickCtcDecode:
    """PaddleX's CTC decoding of recognition output with one pass over the
    model's scores instead of three: they are not copied first, and each
    step's best score is taken at its argmax rather than found again. The
    scores span the whole character set (18,000 classes for Chinese) at every
    step, so those passes were 6% of recognition time. Same text, same
    confidence (PaddleX's own ``decode`` does the rest)."""

    def __init__(self, original: Any) -> None:
        self._original = original
        self.classes: np.ndarray | None = None
        """Set while a restricted model runs (``ocr.latin_head``): the full
        alphabet's index of each of its classes."""

    def __call__(self, pred: Any, return_word_box: bool = False, **kwargs: Any) -> Any:
        if return_word_box and self.classes is None:
            return self._original(pred, return_word_box=True, **kwargs)
        scores = np.asarray(pred[0])
        best = scores.argmax(axis=-1)
        best_score = np.take_along_axis(scores, best[..., None], axis=-1)[..., 0]
        if self.classes is not None:
            best = self.classes[best]
        decoded = self._original.decode(best, best_score, is_remove_duplicate=True)
        return [text for text, _ in decoded], [conf for _, conf in decoded]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._original, name)


def _decode_quickly(model: Any) -> None:
    """Give a PaddleOCR recognition model :class:`_QuickCtcDecode`; left as it
    is (with a warning) where its predictor is not laid out as expected."""
    predictor = getattr(model, "paddlex_predictor", None)
    post_op = getattr(predictor, "post_op", None)
    if post_op is None or not hasattr(post_op, "decode"):
        log.warning("recognition decoding not replaced: no CTC decoder found")
        return
    predictor.post_op = _QuickCtcDecode(post_op)


def import_paddleocr(cache_dir: Path) -> Any:
    """Import paddleocr offline and route PaddleX's own console logging into ``logging``."""
    os.environ["PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK"] = "True"
    os.environ.setdefault("PADDLE_PDX_CACHE_HOME", str(Path(cache_dir) / "paddlex"))
    try:
        import paddleocr
    except ImportError as exc:
        raise ImportError(f"The OCR stage needs PaddleOCR: {PADDLEOCR_INSTALL}") from exc
    route_library_logging()
    return paddleocr


def route_library_logging() -> None:
    """PaddleX and PaddleOCR print through their own handlers; send their
    records to the application's logging configuration instead."""
    for name in ("paddlex", "paddleocr"):
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.setLevel(logging.NOTSET)
        logger.propagate = True


class PaddleOcrEngine:
    """PaddleOCR text detection + recognition (PP-OCRv6 small by default)."""

    def __init__(self, settings: OcrSettings) -> None:
        self.settings = settings
        options = engine_options(settings)
        self.name = f"paddleocr-{settings.engine}"
        self.dirs: ModelDirs = prepare_models(settings)
        paddleocr = import_paddleocr(settings.cache_dir)
        self.version = str(paddleocr.__version__)
        self._lock = threading.Lock()
        self._det = paddleocr.TextDetection(
            model_name=self.dirs.det_model_name,
            model_dir=str(self.dirs.det),
            limit_side_len=settings.det_limit_side_len,
            limit_type="max",
            thresh=settings.det_thresh,
            box_thresh=settings.det_box_thresh,
            unclip_ratio=settings.det_unclip_ratio,
            **options,
        )
        self._rec = paddleocr.TextRecognition(
            model_name=self.dirs.rec_model_name, model_dir=str(self.dirs.rec), **options
        )
        _decode_quickly(self._rec)
        self._latin: LatinHead | None = None
        self._latin_tried = False
        if settings.engine == "onnxruntime-gpu":
            _check_on_gpu(self._det)
            _check_on_gpu(self._rec)
        if settings.engine == "onnxruntime" and settings.memory_arena and settings.arena_shrink:
            _shrink_arena(self._det)
            _shrink_arena(self._rec)
        log.info(
            "loaded %s (%s, %s)", self.name, self.dirs.det_model_name, self.dirs.rec_model_name
        )

    def info(self) -> dict[str, Any]:
        return {
            "engine": self.name,
            "paddleocr_version": self.version,
            "det_model": self.dirs.det_model_name,
            "rec_model": self.dirs.rec_model_name,
            "det_weights_sha256": self.dirs.det_sha256,
            "rec_weights_sha256": self.dirs.rec_sha256,
            "threads": self.settings.threads or os.cpu_count(),
            "settings": self.settings.model_dump(mode="json", exclude={"cache_dir"}),
        }

    def read(self, image: np.ndarray) -> list[OcrLine]:
        return self.read_many([image])[0]

    def read_many(self, images: list[np.ndarray]) -> list[list[OcrLine]]:
        pages = [pad_for_detection(image) for image in images]
        quads = [self.detect(page) if page is not None else _no_quads() for page in pages]
        crops = [crop_line(page, q) for page, qs in zip(pages, quads, strict=True) for q in qs]
        texts = iter(self.recognize_lines(crops))
        lines = [_image_lines(image, qs, texts) for image, qs in zip(images, quads, strict=True)]
        del pages, crops
        # One call reads a whole page: what it freed goes back to the system,
        # so a long batch does not grow (see ocr/memory.py).
        release_free_memory()
        return lines

    def detect(self, image: np.ndarray) -> np.ndarray:
        """Text line quadrilaterals (N x 4 x 2, float) in the pixels of a BGR image
        from ``pad_for_detection`` (whose margin does not count against the size limit)."""
        limit = self.settings.det_limit_side_len + 2 * _PAD
        with self._lock:
            result = self._det.predict(
                image, limit_side_len=limit, limit_type="max", max_side_limit=max(limit, 4000)
            )[0]
        polys = np.asarray(result["dt_polys"], dtype=np.float32)
        return polys.reshape(-1, 4, 2)

    def detect_native(self, image: np.ndarray) -> np.ndarray:
        padded = pad_for_detection(image)
        if padded is None:
            return _no_quads()
        side = max(padded.shape[:2])
        with self._lock:
            result = self._det.predict(
                padded, limit_side_len=side, limit_type="max", max_side_limit=max(side, 4000)
            )[0]
        quads = np.asarray(result["dt_polys"], dtype=np.float32).reshape(-1, 4, 2) - _PAD
        return np.clip(quads, 0, [image.shape[1], image.shape[0]])

    def recognize_lines(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        images = [to_bgr(crop) for crop in crops]
        results: list[tuple[str, float]] = [("", 0.0)] * len(images)
        readable = [i for i, im in enumerate(images) if im.shape[0] > 0 and im.shape[1] > 0]
        pilot = pilot_lines(images, readable)
        self._read(images, pilot, results)
        readings = {i: results[i] for i in pilot}
        factor = narrowing(images, readings, self.settings.cjk_pitch)
        chosen = set(pilot)
        rest = [i for i in readable if i not in chosen]
        if factor < 1.0:
            log.debug("%d lines narrowed to %.2f of their width", len(rest), factor)
            for i in rest:
                images[i] = narrowed(images[i], factor)
        latin = self._latin_head(list(readings.values())) if rest else None
        self._read(images, rest, results, latin)
        return results

    def _latin_head(self, pilot: list[tuple[str, float]]) -> LatinHead | None:
        """The Latin-script classifier (``ocr.latin_head``) when the ``pilot``
        readings (text, confidence) are Latin script (``reads_latin_only``)
        and it can be built here; else None."""
        if not self.settings.latin_head or not reads_latin_only(pilot):
            return None
        if not self._latin_tried:
            self._latin_tried = True
            predictor = self._rec.paddlex_predictor
            session = _session_of(self._rec)
            if isinstance(predictor.post_op, _QuickCtcDecode) and session is not None:
                labels = list(predictor.post_op.character)
                try:
                    self._latin = LatinHead(self.dirs.rec / "inference.onnx", labels, session)
                except (ValueError, OSError) as exc:  # a model of another shape
                    log.warning("no Latin-script classifier, the full one reads: %s", exc)
        return self._latin

    def _read(
        self,
        images: list[np.ndarray],
        indices: list[int],
        results: list[tuple[str, float]],
        latin: LatinHead | None = None,
    ) -> None:
        """Recognise ``images[i]`` for each ``i`` of ``indices`` into ``results[i]``,
        sorted by width and batched (``width_batches``); with ``latin``, by the
        Latin-script classifier."""
        order = sorted(indices, key=lambda i: images[i].shape[1] / images[i].shape[0])
        if not order:
            return
        widths = [model_width(images[i].shape) for i in order]
        batches = width_batches(
            widths, self.settings.rec_batch_size, self.settings.rec_batch_pixels
        )
        with self._lock, self._classifier(latin):
            for start, end in batches:
                batch = [images[i] for i in order[start:end]]
                outputs = self._rec.predict(batch, batch_size=len(batch))
                for i, out in zip(order[start:end], outputs, strict=True):
                    results[i] = (str(out["rec_text"]), float(out["rec_score"]))

    @contextmanager
    def _classifier(self, latin: LatinHead | None) -> Iterator[None]:
        """The recogniser runs ``latin``'s session and decodes its classes for the
        duration (hold the lock); nothing changes with None."""
        if latin is None:
            yield
            return
        predictor = self._rec.paddlex_predictor
        full = predictor.runner.session
        predictor.runner.session = latin.session
        predictor.post_op.classes = latin.keep
        try:
            yield
        finally:
            predictor.runner.session = full
            predictor.post_op.classes = None


REC_HEIGHT = 48
"""The recognition model's input height; a line is resized to it."""
REC_MIN_WIDTH = 320
"""PaddleOCR pads every line to at least this width (10:1.5 of the height)."""


def model_width(shape: tuple[int, ...]) -> int:
    """The width, in model-input pixels, that a crop of ``shape`` (h, w, …) takes
    in recognition (resized to ``REC_HEIGHT`` tall, at least ``REC_MIN_WIDTH``)."""
    return max(REC_MIN_WIDTH, math.ceil(REC_HEIGHT * shape[1] / max(1, shape[0])))


def width_batches(widths: list[int], most: int, pixels: int | None) -> list[tuple[int, int]]:
    """Cut lines sorted by width into batches ``(start, end)`` of at most ``most``
    lines whose padded size (lines x the widest) stays within ``pixels`` model
    columns (None: no such bound). Narrow lines go many to a batch, wide lines few,
    and a batch pads little because its lines are of like width. Each batch
    holds at least one line."""
    batches: list[tuple[int, int]] = []
    start = 0
    for end in range(1, len(widths) + 1):
        size = end - start
        if size > most or (pixels is not None and size > 1 and size * widths[end - 1] > pixels):
            batches.append((start, end - 1))
            start = end - 1
    if start < len(widths):
        batches.append((start, len(widths)))
    return batches


def to_bgr(image: np.ndarray) -> np.ndarray:
    """An 8-bit grey, BGR or BGRA image as contiguous 3-channel BGR."""
    image = np.asarray(image)
    if image.dtype != np.uint8:
        raise ValueError(f"OCR expects an 8-bit image, got dtype {image.dtype}")
    if image.ndim == 2 or (image.ndim == 3 and image.shape[2] == 1):
        return cv2.cvtColor(image.reshape(image.shape[:2]), cv2.COLOR_GRAY2BGR)
    if image.ndim == 3 and image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    if image.ndim == 3 and image.shape[2] == 3:
        return np.ascontiguousarray(image)
    raise ValueError(f"OCR expects a grey or BGR image, got shape {image.shape}")


def pad_for_detection(image: np.ndarray) -> np.ndarray | None:
    """The image in BGR with a paper-coloured margin of ``_PAD`` px; None if blank."""
    bgr = to_bgr(image)
    if bgr.size == 0 or int(bgr.max()) - int(bgr.min()) < _BLANK_RANGE:
        return None
    frame = np.concatenate([bgr[0], bgr[-1], bgr[:, 0], bgr[:, -1]])
    paper = [int(v) for v in np.median(frame, axis=0)]
    return cv2.copyMakeBorder(bgr, _PAD, _PAD, _PAD, _PAD, cv2.BORDER_CONSTANT, value=paper)


def crop_line(image: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The min-area rectangle around ``quad``, warped upright (PaddleOCR's crop).

    A vertical line (``_TALL`` times taller than wide) is turned a quarter
    counter-clockwise to be read as a row, its punctuation first moved where
    a row's recogniser looks for it (:mod:`newsprint.ocr.vertical_marks`)."""
    corners = _order_corners(cv2.boxPoints(cv2.minAreaRect(quad.astype(np.float32))))
    return crop_quad(image, corners, square=False)


def crop_quad(image: np.ndarray, quad: np.ndarray, square: bool = True) -> np.ndarray:
    """The quadrilateral ``quad`` of ``image`` warped to an upright rectangle in one
    resampling (bicubic): 4 x 2 corners, top-left, top-right, bottom-right,
    bottom-left of the line as it is read, in ``image``'s pixels, wherever they
    lie in it (a line of a page turned or skewed in its scan). The rectangle's
    sides are the quad's longer opposite sides, in those pixels. With
    ``square``, a quad level but for a tilt under ``UPRIGHT_DRIFT`` of its height
    is cut square instead, its pixels as they are. A vertical line is turned
    as in :func:`crop_line`."""
    box = np.asarray(quad, dtype=np.float32).reshape(4, 2)
    width = int(max(np.linalg.norm(box[0] - box[1]), np.linalg.norm(box[3] - box[2])))
    height = int(max(np.linalg.norm(box[0] - box[3]), np.linalg.norm(box[1] - box[2])))
    if width < 1 or height < 1:
        return np.zeros((0, 0, 3), np.uint8)
    if square and _nearly_upright(box, height):
        x0, y0 = np.floor(box.min(axis=0)).astype(int)
        x1, y1 = np.ceil(box.max(axis=0)).astype(int)
        h, w = image.shape[:2]
        crop = np.ascontiguousarray(image[max(0, y0) : min(h, y1), max(0, x0) : min(w, x1)])
    else:
        target = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
        matrix = cv2.getPerspectiveTransform(box, target)
        crop = cv2.warpPerspective(
            image, matrix, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
        )
    if height >= _TALL * width:
        return np.rot90(marks_to_reading_place(crop))
    return crop


UPRIGHT_DRIFT = 0.1
"""A line whose top edge climbs or falls less than this share of its height from
end to end is cut square from the image, pixels as they are: resampled to turn
it level, small type blurs more than the tilt costs the recogniser. Chosen
while 1-bit pages were cut from the scan too (they are not now,
``ocr.stage.line_cutter``): 0.2 let the tilted lines of dense en-old-1000 take
in their neighbours' ascenders and descenders (5 headlines lost); at 0.1 the
10 generated pages that moved read better, on the whole, than turned level
(0.0)."""


def _nearly_upright(box: np.ndarray, height: int) -> bool:
    """Whether the quad (TL, TR, BR, BL) stands as read (its top-right right of
    its top-left, its bottom-left below) and its top edge climbs or falls, and
    its left edge leans, by at most ``UPRIGHT_DRIFT`` of its height or of its
    width, whichever is less."""
    across = abs(box[1, 1] - box[0, 1]), abs(box[3, 0] - box[0, 0])
    upright = box[1, 0] > box[0, 0] and box[3, 1] > box[0, 1]
    return upright and max(across) <= UPRIGHT_DRIFT * min(height, max(1, box[1, 0] - box[0, 0]))


def _order_corners(points: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left (as PaddleOCR orders them)."""
    pts = sorted(points.tolist(), key=lambda p: p[0])
    left = sorted(pts[:2], key=lambda p: p[1])
    right = sorted(pts[2:], key=lambda p: p[1])
    return np.float32([left[0], right[0], right[1], left[1]])


def reading_order(lines: list[OcrLine]) -> list[OcrLine]:
    """Top to bottom; lines whose tops differ by under half a line height, left to right."""
    lines = sorted(lines, key=lambda line: (line.bbox[1], line.bbox[0]))
    for i in range(len(lines) - 1):
        for j in range(i, -1, -1):
            a, b = lines[j], lines[j + 1]
            tolerance = 0.5 * min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1])
            if abs(b.bbox[1] - a.bbox[1]) >= tolerance or b.bbox[0] >= a.bbox[0]:
                break
            lines[j], lines[j + 1] = b, a
    return lines


def _image_lines(
    image: np.ndarray, quads: np.ndarray, texts: Iterator[tuple[str, float]]
) -> list[OcrLine]:
    """Lines of one image: padding removed, clipped to the image, empty text dropped."""
    height, width = image.shape[:2]
    lines = []
    for quad in quads:
        text, confidence = next(texts)
        if text.strip():
            polygon = np.clip(quad - _PAD, 0, [width, height])
            lines.append(_line(polygon, text, confidence))
    return reading_order(lines)


def _line(quad: np.ndarray, text: str, confidence: float) -> OcrLine:
    polygon = quad.astype(np.float64)
    x0, y0 = polygon.min(axis=0)
    x1, y1 = polygon.max(axis=0)
    return OcrLine(text, confidence, polygon, (float(x0), float(y0), float(x1), float(y1)))


def _no_quads() -> np.ndarray:
    return np.zeros((0, 4, 2), np.float32)
