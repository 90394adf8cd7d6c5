"""Grey conversion and ink masks robust to paper tint and uneven light."""

from __future__ import annotations

import cv2
import numpy as np


def to_grey(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    return cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)


def flatten_background(grey: np.ndarray) -> np.ndarray:
    """Divide out the paper's illumination so one threshold fits the whole page."""
    h, w = grey.shape
    scale = max(1, max(h, w) // 400)
    small = cv2.resize(grey, (max(1, w // scale), max(1, h // scale)), interpolation=cv2.INTER_AREA)
    # A max filter wider than any glyph stroke sees only paper; the median
    # removes specks and photo highlights.
    bg = cv2.dilate(small, np.ones((15, 15), np.uint8))
    bg = cv2.medianBlur(bg, 15)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)
    flat = grey.astype(np.float32) / np.maximum(bg.astype(np.float32), 1.0) * 255.0
    return np.clip(flat, 0, 255).astype(np.uint8)


def ink_mask(grey: np.ndarray) -> np.ndarray:
    """255 where there is ink, 0 on paper."""
    values = np.unique(grey[:: max(1, grey.shape[0] // 200), :: max(1, grey.shape[1] // 200)])
    if values.size <= 2:  # already bitonal: no flattening needed
        return np.where(grey < 128, 255, 0).astype(np.uint8)
    flat = flatten_background(grey)
    thresh, _ = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    # Otsu on a mostly-white page can land too close to paper; cap it.
    thresh = min(thresh, 200)
    # Flattening turns the middle of a wide dark border into "paper"; what is
    # dark in absolute terms is ink all the same.
    dark = grey < 0.45 * paper_level(grey)
    return np.where((flat < thresh) | dark, 255, 0).astype(np.uint8)


def paper_level(grey: np.ndarray) -> int:
    """The paper's grey level: the brightest common value."""
    return int(np.percentile(grey[::4, ::4], 90))
