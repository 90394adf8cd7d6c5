"""The scanner's dark border and punch holes: found so the analysis ignores them."""

from __future__ import annotations

import cv2
import numpy as np


def scanner_artifacts(ink: np.ndarray) -> np.ndarray:
    """Mask (255) of ink that is scanner border or punch hole, not print.

    The border is ink that touches the image edge and lies almost wholly in a
    band along the edges (a frame round the whole scan is one such piece);
    punch holes are solid round blobs near an edge, far bigger than type.
    """
    h, w = ink.shape
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    band = max(4, int(0.06 * min(h, w)))
    inner = labels[band : h - band, band : w - band]
    inside = np.bincount(inner.ravel(), minlength=count)
    # Torn or tilted paper edges reach further in; a frame of them joined at
    # a corner still keeps to a wider band along the edges.
    wide = int(0.15 * min(h, w))
    deep = np.bincount(labels[wide : h - wide, wide : w - wide].ravel(), minlength=count)
    margin = max(2, int(0.004 * min(h, w)))
    picked = []
    for i in range(1, count):
        x, y, bw, bh, area = stats[i]
        touches = x <= margin or y <= margin or x + bw >= w - margin or y + bh >= h - margin
        long = bw >= 0.5 * w or bh >= 0.5 * h
        border = touches and (
            (inside[i] < 0.1 * area and area > band)
            or (long and deep[i] < 0.01 * area)
            or _edge_strip(x, y, bw, bh, area, w, h, margin)
        )
        if border or (
            _is_punch_hole(x, y, bw, bh, area, w, h)
            and _is_round(labels[y : y + bh, x : x + bw] == i)
        ):
            picked.append(i)
    if not picked:
        return np.zeros_like(ink)
    return np.where(np.isin(labels, picked), 255, 0).astype(np.uint8)


def _edge_strip(x: int, y: int, bw: int, bh: int, area: int, w: int, h: int, margin: int) -> bool:
    """A dark strip along most of one edge (a torn or tilted paper edge against
    the scanner lid) reaches further in than the edge band, but stays thin."""
    if area < 0.1 * bw * bh:
        return False
    along_top = (y <= margin or y + bh >= h - margin) and bw >= 0.5 * w and bh <= 0.15 * h
    along_side = (x <= margin or x + bw >= w - margin) and bh >= 0.5 * h and bw <= 0.15 * w
    return along_top or along_side


def _is_punch_hole(x: int, y: int, bw: int, bh: int, area: int, w: int, h: int) -> bool:
    side = min(w, h)
    if not (0.012 * side <= bw <= 0.08 * side and 0.012 * side <= bh <= 0.08 * side):
        return False
    if not 0.75 <= bw / max(bh, 1) <= 1.33:
        return False
    fill = area / (bw * bh)
    if not 0.65 <= fill <= 0.9:  # a disc fills pi/4 of its box
        return False
    cx, cy = x + bw / 2, y + bh / 2
    near = min(cx, cy, w - cx, h - cy)
    return near < 0.08 * side


def _is_round(blob: np.ndarray) -> bool:
    """A disc, not a bold square glyph: 4*pi*area / perimeter**2 close to 1."""
    # A hole punched through the page is solid; a bold "o" has a hole in it.
    contours, _ = cv2.findContours(blob.astype(np.uint8), cv2.RETR_CCOMP, cv2.CHAIN_APPROX_NONE)
    if len(contours) != 1:
        return False
    area = cv2.contourArea(contours[0])
    perimeter = cv2.arcLength(contours[0], closed=True)
    return perimeter > 0 and 4 * np.pi * area / perimeter**2 > 0.8


def content_box(ink: np.ndarray, artifacts: np.ndarray, pad: int = 4) -> tuple[int, int, int, int]:
    """Bounding box of the print: ink that is not border or holes."""
    clean = cv2.bitwise_and(ink, cv2.bitwise_not(artifacts))
    # Specks of noise outside the print must not stretch the box.
    clean = cv2.morphologyEx(clean, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    ys, xs = np.nonzero(clean)
    h, w = ink.shape
    if xs.size == 0:
        return 0, 0, w, h
    lo_x, hi_x = np.percentile(xs, [0.05, 99.95])
    lo_y, hi_y = np.percentile(ys, [0.05, 99.95])
    return (
        max(0, int(lo_x) - pad),
        max(0, int(lo_y) - pad),
        min(w, int(hi_x) + pad + 1),
        min(h, int(hi_y) + pad + 1),
    )
