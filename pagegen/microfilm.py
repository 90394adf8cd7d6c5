"""Low-resolution and microfilm scan effects: resampling to the scan's dpi, the verso
showing through, blotchy exposure, broken strokes and dust.

All work on the page as floats: ``frac`` is 0 = ink .. 1 = paper (before the paper
colour is applied), ``pixels`` are grey levels (0..255) of one channel or three. Each
function draws from the generator only when its effect is asked for, so a page without
these effects gets the same pixels as before they existed.
"""

from __future__ import annotations

import cv2
import numpy as np


def scaled_size(size: tuple[int, int], scale: float) -> tuple[int, int]:
    """The scan's size (width, height) in pixels for a rotated page of ``size`` pixels."""
    if scale == 1.0:
        return size
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def spread(frac: np.ndarray, radius: float) -> np.ndarray:
    """Strokes grown by ``radius`` pixels on each side (a round minimum filter)."""
    r = round(radius)
    if r < 1:
        return frac
    disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1))
    return cv2.erode(frac, disc)


def resample(frac: np.ndarray, scale: float) -> np.ndarray:
    """The page at ``scale`` times its size (area averaging, as a scanner's sensor does)."""
    if scale == 1.0:
        return frac
    h, w = frac.shape
    return cv2.resize(frac, scaled_size((w, h), scale), interpolation=cv2.INTER_AREA)


def show_through(
    frac: np.ndarray, strength: float, angle: float, rng: np.random.Generator
) -> np.ndarray:
    """The page with its verso's print seen through the paper.

    The verso is the page itself mirrored left to right, turned by ``2 * angle`` degrees
    so that its lines run parallel to the recto's (``angle`` is the page's skew), moved
    by up to 3% of the page each way and blurred (sigma 0.6-1.4 pixels, the paper
    scatters the light). It darkens the paper by up to ``strength`` of the ink.
    """
    h, w = frac.shape
    verso = np.ascontiguousarray(frac[:, ::-1])
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), 2 * angle, 1.0)
    turn[:, 2] += rng.uniform(-0.03, 0.03, 2) * (w, h)
    verso = cv2.warpAffine(
        verso, turn, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=1.0
    )
    verso = cv2.GaussianBlur(verso, (0, 0), float(rng.uniform(0.6, 1.4)))
    return frac * (1.0 - strength * (1.0 - verso))


def smooth_field(rng: np.random.Generator, h: int, w: int, cells: int) -> np.ndarray:
    """A smooth random field in -1..1 with about ``cells`` blotches across the page's
    longer side (float32, ``h`` x ``w``)."""
    step = max(h, w) / max(1, cells)
    sh, sw = max(2, round(h / step) + 1), max(2, round(w / step) + 1)
    field = rng.standard_normal((sh, sw)).astype(np.float32)
    field = cv2.resize(field, (w, h), interpolation=cv2.INTER_CUBIC)
    return field / max(float(np.abs(field).max()), 1e-6)


def exposure(rng: np.random.Generator, h: int, w: int, strength: float) -> np.ndarray:
    """A multiplicative exposure field: patches up to ``strength`` darker or lighter."""
    return 1.0 + strength * smooth_field(rng, h, w, int(rng.integers(4, 9)))


def broken_strokes(
    rng: np.random.Generator, h: int, w: int, strength: float, contrast: float
) -> np.ndarray:
    """Grey levels to add before quantising so thin strokes break up: fine noise about
    a stroke wide (blurred by 0.7 pixels), brightening only, with a standard deviation
    of ``strength`` x ``contrast`` (the paper-ink difference in grey levels)."""
    noise = cv2.GaussianBlur(rng.standard_normal((h, w)).astype(np.float32), (0, 0), 0.7)
    noise /= max(float(noise.std()), 1e-6)
    return np.maximum(noise, 0.0) * (strength * contrast)


def speckle(
    rng: np.random.Generator, pixels: np.ndarray, rate: float, ink: float, paper: float
) -> None:
    """Dust on the film, in place: black specks of 1-3 pixels seeded at ``rate`` of the
    pixels, and white pinholes at a fifth of that rate where there is ink."""
    h, w = pixels.shape[:2]
    seeds = (rng.random((h, w), dtype=np.float32) < rate).astype(np.uint8)
    grow = rng.random((h, w), dtype=np.float32) < 0.35
    big = cv2.dilate(seeds, np.ones((2, 2), np.uint8)).astype(bool)
    dark = seeds.astype(bool) | (big & grow)
    holes = rng.random((h, w), dtype=np.float32) < rate / 5
    holes &= (pixels if pixels.ndim == 2 else pixels.mean(axis=2)) < (ink + paper) / 2
    pixels[dark] = ink
    pixels[holes] = paper
