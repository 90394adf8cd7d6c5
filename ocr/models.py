"""Build the PaddleOCR model folders (``inference.onnx`` + ``inference.yml``) offline.

PaddleOCR loads a local model from a folder holding the weights and a config
file. The ONNX weights ship inside the ``rapidocr`` wheel (or sit in
``OcrSettings.weights_dir``); this module writes the two folders once under
``OcrSettings.cache_dir`` and reuses them afterwards. Nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from newsprint.core.errors import ModelMissingError
from newsprint.core.settings import OcrSettings

log = logging.getLogger(__name__)

RAPIDOCR_INSTALL = "pip install --no-deps rapidocr==3.10.0"
_STAMP = "source.sha256"
_CHARACTER_KEY = "character"


@dataclass(frozen=True)
class ModelDirs:
    """The two folders PaddleOCR loads, with the model names they hold."""

    det: Path
    rec: Path
    det_model_name: str
    rec_model_name: str
    det_sha256: str
    rec_sha256: str


def prepare_models(settings: OcrSettings) -> ModelDirs:
    """Build (or reuse) the detection and recognition model folders for ``settings``.

    For ``engine="paddle"`` the folders are PaddlePaddle-format model folders
    (``inference.json``/``.pdmodel`` + ``inference.pdiparams``) named after the
    models inside ``settings.weights_dir``, used as they are.
    """
    if settings.engine == "paddle":
        return _paddle_dirs(settings)
    weights = weights_dir(settings)
    det_onnx = find_weights(weights, settings.det_model_name)
    rec_onnx = find_weights(weights, settings.rec_model_name)
    det_dir, det_sha = _build(det_onnx, settings.det_model_name, _det_config(settings), settings)
    rec_dir, rec_sha = _build(
        rec_onnx, settings.rec_model_name, _rec_config(rec_onnx, settings), settings
    )
    return ModelDirs(
        det_dir, rec_dir, settings.det_model_name, settings.rec_model_name, det_sha, rec_sha
    )


def _paddle_dirs(settings: OcrSettings) -> ModelDirs:
    if settings.weights_dir is None:
        raise ModelMissingError(
            "ocr.engine='paddle' needs ocr.weights_dir: a folder holding the PaddlePaddle model "
            f"folders {settings.det_model_name}/ and {settings.rec_model_name}/ "
            "(inference.json + inference.pdiparams); nothing is downloaded."
        )
    dirs = [
        Path(settings.weights_dir) / name
        for name in (settings.det_model_name, settings.rec_model_name)
    ]
    for folder in dirs:
        params = folder / "inference.pdiparams"
        if not params.is_file():
            raise ModelMissingError(f"PaddlePaddle weights not found: looked for {params}")
    sha = [file_sha256(folder / "inference.pdiparams") for folder in dirs]
    return ModelDirs(dirs[0], dirs[1], settings.det_model_name, settings.rec_model_name, *sha)


def weights_dir(settings: OcrSettings) -> Path:
    """``settings.weights_dir``, or the ``models/`` folder of the installed rapidocr wheel."""
    if settings.weights_dir is not None:
        return Path(settings.weights_dir)
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissingError(
            "The OCR weights come from the rapidocr wheel, which is not installed; "
            f"install it with `{RAPIDOCR_INSTALL}` or set ocr.weights_dir."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def weights_file_names(model_name: str) -> list[str]:
    """File names an ONNX model may have: rapidocr's ``PP-OCRv6_det_small.onnx``
    spelling of ``PP-OCRv6_small_det`` first, then ``<model_name>.onnx``."""
    names = [f"{model_name}.onnx"]
    match = re.fullmatch(r"(.+)_([a-z]+)_(det|rec|cls)", model_name)
    if match:
        family, size, kind = match.groups()
        names.insert(0, f"{family}_{kind}_{size}.onnx")
    return names


def find_weights(folder: Path, model_name: str) -> Path:
    """The ONNX file of ``model_name`` in ``folder``; ModelMissingError if absent."""
    candidates = [folder / name for name in weights_file_names(model_name)]
    for path in candidates:
        if path.is_file():
            return path
    looked = " or ".join(str(p) for p in candidates)
    raise ModelMissingError(
        f"OCR weights for {model_name} not found: looked for {looked}. Install the wheel "
        f"that ships them with `{RAPIDOCR_INSTALL}`, or point ocr.weights_dir at a folder "
        "holding that file. Nothing is downloaded."
    )


def _det_config(settings: OcrSettings) -> dict[str, Any]:
    return {
        "Global": {"model_name": settings.det_model_name},
        "PreProcess": {
            "transform_ops": [
                {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
                {"DetLabelEncode": None},
                {"DetResizeForTest": {"resize_long": settings.det_limit_side_len}},
                {
                    "NormalizeImage": {
                        "mean": [0.485, 0.456, 0.406],
                        "std": [0.229, 0.224, 0.225],
                        "scale": "1./255.",
                        "order": "hwc",
                    }
                },
                {"ToCHWImage": None},
                {"KeepKeys": {"keep_keys": ["image", "shape", "polys", "ignore_tags"]}},
            ]
        },
        "PostProcess": {
            "name": "DBPostProcess",
            "thresh": settings.det_thresh,
            "box_thresh": settings.det_box_thresh,
            "max_candidates": 1000,
            "unclip_ratio": settings.det_unclip_ratio,
        },
    }


def _rec_config(onnx_path: Path, settings: OcrSettings) -> dict[str, Any]:
    return {
        "Global": {"model_name": settings.rec_model_name},
        "PreProcess": {
            "transform_ops": [
                {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
                {"MultiLabelEncode": {"gtc_encode": "NRTRLabelEncode"}},
                {"RecResizeImg": {"image_shape": [3, 48, 320]}},
                {
                    "KeepKeys": {
                        "keep_keys": ["image", "label_ctc", "label_gtc", "length", "valid_ratio"]
                    }
                },
            ]
        },
        "PostProcess": {"name": "CTCLabelDecode", "character_dict": character_list(onnx_path)},
    }


def character_list(onnx_path: Path) -> list[str]:
    """The recognition alphabet stored in the ONNX file's ``character`` metadata."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
    text = session.get_modelmeta().custom_metadata_map.get(_CHARACTER_KEY)
    if not text:
        raise ModelMissingError(f"{onnx_path} has no '{_CHARACTER_KEY}' metadata (no alphabet)")
    return text.split("\n")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _config_key(settings: OcrSettings, model_name: str) -> str:
    """What, besides the weights, changes a folder's yml (det thresholds)."""
    if model_name != settings.det_model_name:
        return "rec"
    parts = (
        settings.det_limit_side_len,
        settings.det_thresh,
        settings.det_box_thresh,
        settings.det_unclip_ratio,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:8]


def _build(
    onnx_path: Path, model_name: str, config: dict[str, Any], settings: OcrSettings
) -> tuple[Path, str]:
    """The folder for ``onnx_path`` + ``config``: written to a temp folder, then renamed."""
    sha = file_sha256(onnx_path)
    key = _config_key(settings, model_name)
    target = Path(settings.cache_dir) / f"{model_name}-{sha[:12]}-{key}"
    if _is_built(target, onnx_path, sha):
        return target, sha
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{model_name}-", dir=target.parent))
    try:
        shutil.copyfile(onnx_path, tmp / "inference.onnx")
        _write_yaml(tmp / "inference.yml", config)
        (tmp / _STAMP).write_text(sha + "\n", encoding="utf-8")
        if not _rename(tmp, target, lambda: _is_built(target, onnx_path, sha)):
            raise ModelMissingError(f"could not write the OCR model folder {target}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("OCR model folder %s ready (from %s)", target, onnx_path)
    return target, sha


def _is_built(target: Path, onnx_path: Path, sha: str) -> bool:
    try:
        stamp = (target / _STAMP).read_text(encoding="utf-8").strip()
        same_size = (target / "inference.onnx").stat().st_size == onnx_path.stat().st_size
        return stamp == sha and same_size and (target / "inference.yml").is_file()
    except OSError:
        return False


def _write_yaml(path: Path, config: dict[str, Any]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        yaml.safe_dump(config, fh, allow_unicode=True, sort_keys=False, width=1000)


def _rename(tmp: Path, target: Path, target_ok: Callable[[], bool]) -> bool:
    """Move ``tmp`` into place. If another process got there first with a good
    folder, keep theirs; a stale or broken ``target`` is swapped out."""
    try:
        os.rename(tmp, target)
        return True
    except OSError:
        if target_ok():
            return True
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    try:
        os.rename(target, old)
        os.rename(tmp, target)
    except OSError:
        return target_ok()
    shutil.rmtree(old, ignore_errors=True)
    return True
