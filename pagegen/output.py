"""Writing a generated page: the image (PNG, JPEG or TIFF) and its ``.truth.json``."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from pagegen.generate import GeneratedPage

log = logging.getLogger(__name__)

FORMATS = {"png": "png", "jpg": "jpg", "jpeg": "jpg", "tif": "tif", "tif-g4": "tif"}


def save_page(
    page: GeneratedPage, out_dir: str | Path, stem: str, fmt: str = "png", quality: int = 85
) -> Path:
    """Write ``<stem>.<ext>`` and ``<stem>.truth.json`` into ``out_dir``; return the image path.

    ``fmt``: ``png``, ``jpg``, ``tif`` (LZW) or ``tif-g4`` (1-bit, CCITT Group 4).
    The DPI of the spec is written into the file.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {sorted(FORMATS)}, not {fmt!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{stem}.{FORMATS[fmt]}"
    dpi = (page.spec.dpi, page.spec.dpi)
    image = page.image
    if fmt == "tif-g4":
        bits = image if image.mode == "1" else image.convert("L").convert("1")
        bits.save(path, format="TIFF", compression="group4", dpi=dpi)
    elif FORMATS[fmt] == "jpg":
        rgb = image.convert("L") if image.mode == "1" else image
        rgb.save(path, format="JPEG", quality=quality, dpi=dpi)
    elif fmt == "tif":
        image.save(path, format="TIFF", compression="tiff_lzw", dpi=dpi)
    else:
        image.save(path, format="PNG", dpi=dpi)
    truth = dict(page.truth, image=path.name)
    truth_path = out / f"{stem}.truth.json"
    truth_path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    log.info("wrote %s and %s", path, truth_path.name)
    return path


def load_truth(image_path: str | Path) -> dict:
    """The truth written next to an image by ``save_page``."""
    path = Path(image_path)
    return json.loads(path.with_name(f"{path.stem}.truth.json").read_text(encoding="utf-8"))
