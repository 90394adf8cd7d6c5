"""Turning the clean page into a 'scan': rotation, resampling to the scan's dpi, paper
tint, lighting, blur, borders, punch holes, noise, JPEG artefacts or a 1-bit threshold,
and the microfilm effects of :mod:`pagegen.microfilm` (show-through, uneven exposure,
broken strokes, dust)."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw

from pagegen import microfilm
from pagegen.layout import Box
from pagegen.spec import PageSpec, ScanSpec


@dataclass(frozen=True)
class Rotation:
    """Where a clean-page point lands in the scan (``Image.rotate`` about the centre,
    then resampling by ``scale`` to the scan's size)."""

    angle: float
    src: tuple[int, int]
    dst: tuple[int, int]
    """Size of the rotated page before resampling."""
    scale: float = 1.0

    @property
    def size(self) -> tuple[int, int]:
        """The scan's size in pixels."""
        return microfilm.scaled_size(self.dst, self.scale)

    def point(self, x: float, y: float) -> tuple[float, float]:
        a = math.radians(self.angle)
        dx, dy = x - self.src[0] / 2, y - self.src[1] / 2
        sx, sy = self.size[0] / self.dst[0], self.size[1] / self.dst[1]
        return (
            sx * (self.dst[0] / 2 + dx * math.cos(a) + dy * math.sin(a)),
            sy * (self.dst[1] / 2 - dx * math.sin(a) + dy * math.cos(a)),
        )

    def box(self, box: Box) -> Box:
        """Bounding box of the rotated box, clipped to the scan."""
        x0, y0, x1, y1 = box
        pts = [self.point(x, y) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        w, h = self.size
        return (
            max(0, math.floor(min(xs))),
            max(0, math.floor(min(ys))),
            min(w, math.ceil(max(xs))),
            min(h, math.ceil(max(ys))),
        )


def punch_holes(image: Image.Image, scan: ScanSpec, margin: int) -> Image.Image:
    """Dark round holes along one edge of the sheet (they turn with the page)."""
    if scan.punch_holes <= 0:
        return image
    image = image.copy()
    draw = ImageDraw.Draw(image)
    w, h = image.size
    r = max(8, round(margin * 0.22))
    inset = round(margin * 0.42)
    n = scan.punch_holes
    for k in range(n):
        t = (k + 1) / (n + 1)
        cx, cy = {
            "left": (inset, t * h),
            "right": (w - inset, t * h),
            "top": (t * w, inset),
            "bottom": (t * w, h - inset),
        }[scan.punch_edge]
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=10)
    return image


def illumination(rng: np.random.Generator, h: int, w: int, strength: float) -> np.ndarray:
    """A smooth multiplicative lighting field, 1 at its brightest."""
    sh, sw = max(2, h // 16), max(2, w // 16)
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    lin = np.cos(angle) * xx / sw + np.sin(angle) * yy / sh
    lin = (lin - lin.min()) / max(float(np.ptp(lin)), 1e-6)
    cy, cx = rng.uniform(0.2, 0.8) * sh, rng.uniform(0.2, 0.8) * sw
    rad = np.hypot((yy - cy) / sh, (xx - cx) / sw)
    rad = rad / max(float(rad.max()), 1e-6)
    field = 1.0 - strength * (0.6 * lin + 0.4 * rad)
    return cv2.resize(field.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)


def border_strips(rng: np.random.Generator, pixels: np.ndarray, scan: ScanSpec) -> None:
    """Darken strips along the chosen image edges, with a slightly wavy inner edge."""
    h, w = pixels.shape[:2]
    for side in scan.borders:
        length = h if side in ("left", "right") else w
        wobble = cv2.resize(
            rng.normal(0, 1, (1, max(2, length // 200))).astype(np.float32),
            (length, 1),
            interpolation=cv2.INTER_CUBIC,
        )[0]
        profile = scan.border_width * (1 + 0.15 * wobble) + rng.normal(0, 1.0, length)
        depth = np.arange(w if side in ("left", "right") else h, dtype=np.float32)
        if side in ("right", "bottom"):
            depth = depth[::-1]
        mask = depth[None, :] < profile[:, None]
        if side in ("top", "bottom"):
            mask = mask.T
        level = rng.uniform(20, 60)
        pixels[mask] = level


def to_colour(ink_frac: np.ndarray, scan: ScanSpec) -> np.ndarray:
    """Map 0 = ink .. 1 = paper to grey levels or RGB with the paper tint."""
    paper = np.array(scan.paper, dtype=np.float32)
    if scan.grey or scan.bitonal:
        paper = paper.mean(keepdims=True)
    ink = np.float32(scan.ink)
    out = ink + (paper[None, None, :] - ink) * ink_frac[..., None]
    return out[..., 0] if out.shape[2] == 1 else out


def degrade(
    clean: Image.Image, spec: PageSpec, rng: np.random.Generator
) -> tuple[Image.Image, Rotation]:
    """The scanned image of a clean ``L`` page, and the rotation that maps its points."""
    scan = spec.scan
    sheet = punch_holes(clean, scan, spec.margin)
    rotated = sheet.rotate(
        spec.skew, resample=Image.Resampling.BICUBIC, expand=spec.expand, fillcolor=255
    )
    rotation = Rotation(spec.skew, clean.size, rotated.size, scan.scale)
    frac = np.asarray(rotated, dtype=np.float32) / 255.0
    if scan.ink_spread > 0:
        frac = microfilm.spread(frac, scan.ink_spread / scan.scale)
    frac = microfilm.resample(frac, scan.scale)
    if scan.show_through > 0:
        frac = microfilm.show_through(frac, scan.show_through, spec.skew, rng)
    if scan.blur > 0:
        frac = cv2.GaussianBlur(frac, (0, 0), scan.blur)
    pixels = to_colour(frac, scan)
    h, w = frac.shape
    light = illumination(rng, h, w, scan.illumination)
    if scan.exposure > 0:
        light = light * microfilm.exposure(rng, h, w, scan.exposure)
    pixels *= light if pixels.ndim == 2 else light[..., None]
    border_strips(rng, pixels, scan)
    if scan.noise > 0:
        noise = rng.standard_normal((h, w), dtype=np.float32) * scan.noise
        pixels += noise if pixels.ndim == 2 else noise[..., None]
    film_damage(rng, pixels, scan)
    return finish(pixels, scan), rotation


def film_damage(rng: np.random.Generator, pixels: np.ndarray, scan: ScanSpec) -> None:
    """Broken strokes and dust, in place, just before quantising."""
    paper = float(np.mean(scan.paper))
    if scan.dropout > 0:
        h, w = pixels.shape[:2]
        lift = microfilm.broken_strokes(rng, h, w, scan.dropout, paper - scan.ink)
        pixels += lift if pixels.ndim == 2 else lift[..., None]
    if scan.speckle > 0:
        microfilm.speckle(rng, pixels, scan.speckle, float(scan.ink), paper)


def finish(pixels: np.ndarray, scan: ScanSpec) -> Image.Image:
    """Quantise to the output mode: 1-bit threshold, or 8-bit with a JPEG round trip."""
    if scan.bitonal:
        level = scan.ink + scan.threshold * (float(np.mean(scan.paper)) - scan.ink)
        bits = np.where(pixels > level, 255, 0).astype(np.uint8)
        return Image.fromarray(bits, "L").convert("1", dither=Image.Dither.NONE)
    image = Image.fromarray(np.clip(pixels + 0.5, 0, 255).astype(np.uint8))
    if scan.jpeg_quality:
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=scan.jpeg_quality)
        buf.seek(0)
        image = Image.open(buf)
        image.load()
    return image
