"""Turning a decoded Pillow image of any mode into an 8-bit grey or RGB array."""

from __future__ import annotations

import numpy as np
from PIL import Image

GREY_MODES = frozenset({"1", "L"})
HIGH_DEPTH_MODES = frozenset({"I", "F"})
ALPHA_MODES = frozenset({"RGBA", "RGBa", "LA", "La", "PA"})


def to_array(image: Image.Image) -> np.ndarray:
    """8-bit (H, W) grey for 1-bit/grey/16-bit scans, (H, W, 3) RGB for colour ones.

    1-bit becomes 0/255; 16- and 32-bit grey is stretched over its actual value
    range; CMYK and other colour spaces become RGB; palette images become grey
    when their palette is all greys, else RGB; transparency is composited on white.
    """
    mode = image.mode
    if mode in GREY_MODES:
        return np.asarray(image.convert("L"), dtype=np.uint8)
    if mode.startswith("I") or mode in HIGH_DEPTH_MODES:
        return stretch_to_uint8(np.asarray(image), full_scale=_full_scale(mode))
    if mode == "P":
        return _palette_to_array(image)
    if mode in ALPHA_MODES:
        return _alpha_to_array(image)
    return np.asarray(image.convert("RGB"), dtype=np.uint8)


def stretch_to_uint8(values: np.ndarray, full_scale: float) -> np.ndarray:
    """Map the actual min..max of ``values`` linearly onto 0..255.

    A flat image (min == max) keeps its level relative to ``full_scale``.
    """
    if values.dtype.kind == "u" and values.dtype.itemsize == 2:
        return _stretch_uint16(values, full_scale)
    data = np.nan_to_num(values.astype(np.float32), nan=0.0, posinf=0.0, neginf=0.0)
    low, high = float(data.min()), float(data.max())
    if high <= low:
        return _flat(data.shape, low, full_scale)
    data -= low
    data *= 255.0 / (high - low)
    return np.clip(np.rint(data, out=data), 0, 255).astype(np.uint8)


def _stretch_uint16(values: np.ndarray, full_scale: float) -> np.ndarray:
    """Through a 65536-entry lookup table: no full-size float copy of a big scan."""
    low, high = int(values.min()), int(values.max())
    if high <= low:
        return _flat(values.shape, low, full_scale)
    levels = (np.arange(65536, dtype=np.float64) - low) * (255.0 / (high - low))
    table = np.clip(np.rint(levels), 0, 255).astype(np.uint8)
    return table[values]


def _flat(shape: tuple[int, ...], level: float, full_scale: float) -> np.ndarray:
    fraction = min(max(level / full_scale, 0.0), 1.0) if full_scale > 0 else 0.0
    return np.full(shape, round(fraction * 255.0), dtype=np.uint8)


def _full_scale(mode: str) -> float:
    return 65535.0 if mode.startswith("I;16") else 1.0 if mode == "F" else 2.0**31 - 1


def _palette_to_array(image: Image.Image) -> np.ndarray:
    if image.has_transparency_data:
        return _alpha_to_array(image.convert("RGBA"))
    target = "L" if _palette_is_grey(image) else "RGB"
    return np.asarray(image.convert(target), dtype=np.uint8)


def _palette_is_grey(image: Image.Image) -> bool:
    palette = image.getpalette(rawmode="RGB")
    if not palette:
        return True
    colours = np.asarray(palette, dtype=np.int32).reshape(-1, 3)
    return bool((colours == colours[:, :1]).all())


def _alpha_to_array(image: Image.Image) -> np.ndarray:
    grey = image.mode in {"LA", "La"}
    rgba = np.asarray(image.convert("LA" if grey else "RGBA"), dtype=np.float64)
    colour, alpha = rgba[..., :-1], rgba[..., -1:] / 255.0
    composited = colour * alpha + 255.0 * (1.0 - alpha)
    out = np.clip(np.rint(composited), 0, 255).astype(np.uint8)
    return out[..., 0] if grey else out
