"""Textured stand-ins for news photos: gradients, shapes and grain, never a flat box."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image


def _gradient(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    ramp = (np.cos(angle) * xx / w + np.sin(angle) * yy / h) * 0.5 + 0.5
    return rng.uniform(70, 150) + rng.uniform(40, 110) * (ramp - 0.5)


def _shapes(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    canvas = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(4, 10))):
        tone = float(rng.uniform(-90, 90))
        center = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        if rng.random() < 0.6:
            axes = (int(rng.integers(w // 12, w // 3 + 2)), int(rng.integers(h // 12, h // 3 + 2)))
            cv2.ellipse(canvas, center, axes, float(rng.uniform(0, 180)), 0, 360, tone, -1)
        else:
            pts = rng.integers(0, [w, h], size=(int(rng.integers(3, 6)), 2)).astype(np.int32)
            cv2.fillPoly(canvas, [pts], tone)
    horizon = int(rng.uniform(0.3, 0.7) * h)
    canvas[horizon:] += float(rng.uniform(-40, 40))
    for _ in range(int(rng.integers(0, 5))):  # buildings, boxes, posts
        x0, bw = int(rng.integers(0, w)), int(rng.integers(w // 20 + 1, w // 5 + 2))
        y0 = int(rng.integers(h // 5, horizon + 1))
        cv2.rectangle(canvas, (x0, y0), (x0 + bw, h), float(rng.uniform(-70, 50)), -1)
    sigma = max(1.0, min(h, w) / 150)
    return cv2.GaussianBlur(canvas, (0, 0), sigma)


def _detail(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    small = rng.normal(0, 1, (max(2, h // 16), max(2, w // 16))).astype(np.float32)
    texture = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC) * 18
    return texture + rng.normal(0, 9, (h, w)).astype(np.float32)


def make_photo(
    rng: np.random.Generator, width: int, height: int, dither: bool = False
) -> Image.Image:
    """A grey ``L`` picture of the given size; ``dither`` gives a 1-bit halftone look."""
    h, w = max(2, height), max(2, width)
    pixels = _gradient(rng, h, w) + _shapes(rng, h, w) + _detail(rng, h, w)
    photo = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")
    if dither:
        photo = photo.convert("1").convert("L")
    return photo
