"""The scanner's dark border and punch holes: found so the analysis ignores them."""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.layout.params.page import BORDER, PRINT_BOX, PUNCH_HOLES


def scanner_artifacts(ink: np.ndarray) -> np.ndarray:
    """Mask (255) of ink that is scanner border or punch hole, not print.

    The border is ink that touches the image edge and lies almost wholly in a
    band along the edges (a frame round the whole scan is one such piece);
    punch holes are solid round blobs near an edge, far bigger than type.
    """
    P = BORDER
    h, w = ink.shape
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    # Tested on all components at once: a page holds tens of thousands.
    x, y, bw, bh, area = (stats[:, k].astype(np.int64) for k in range(5))
    band = max(P.band_min_px, int(P.band * min(h, w)))
    inside = area - _pixels_within(labels, band, count)
    # Torn or tilted paper edges reach further in; a frame of them joined at
    # a corner still keeps to a wider band along the edges.
    wide = int(P.torn_depth * min(h, w))
    deep = area - _pixels_within(labels, wide, count)
    margin = max(P.touch_margin_min_px, int(P.touch_margin * min(h, w)))
    touches = (x <= margin) | (y <= margin) | (x + bw >= w - margin) | (y + bh >= h - margin)
    long = (bw >= P.long_side * w) | (bh >= P.long_side * h)
    border = touches & (
        ((inside < P.max_inside_share * area) & (area > band))
        | (long & (deep < P.max_deep_share * area))
        | _edge_strip(x, y, bw, bh, area, w, h, margin)
    )
    holes = np.flatnonzero(_is_punch_hole(x, y, bw, bh, area, w, h) & ~border)
    round_holes = [
        i
        for i in holes
        if i > 0 and _is_round(labels[y[i] : y[i] + bh[i], x[i] : x[i] + bw[i]] == i)
    ]
    picked = border
    picked[0] = False  # the background
    picked[round_holes] = True
    return _painted(labels, stats, np.flatnonzero(picked))


def _pixels_within(labels: np.ndarray, band: int, count: int) -> np.ndarray:
    """For each of ``count`` labels, its pixels within ``band`` pixels of the
    image's edges (all of its pixels once the band meets itself across the
    image): counted over the four strips alone, not the whole page (a
    22-megapixel scan's labels copied and counted whole took a quarter second)."""
    h, w = labels.shape
    if band <= 0:
        return np.zeros(count, dtype=np.int64)
    if 2 * band >= h or 2 * band >= w:
        return np.bincount(labels.ravel(), minlength=count)
    strips = (labels[:band], labels[h - band :], labels[band : h - band, :band])
    strips += (labels[band : h - band, w - band :],)
    return sum(np.bincount(s.ravel(), minlength=count) for s in strips)


_PAINT_ONE_BY_ONE = 64
"""Components up to this many are painted each within its own box; more at once."""


def _painted(labels: np.ndarray, stats: np.ndarray, picked: np.ndarray) -> np.ndarray:
    """Mask (255) of the components labelled ``picked``; each painted within its
    own bounding box where they are few, as a border and two punch holes are."""
    mask = np.zeros(labels.shape, dtype=np.uint8)
    if len(picked) > _PAINT_ONE_BY_ONE:
        chosen = np.zeros(len(stats), dtype=bool)
        chosen[picked] = True
        mask[chosen[labels]] = 255
        return mask
    for i in picked:
        x, y, bw, bh = (int(v) for v in stats[i, :4])
        window = labels[y : y + bh, x : x + bw]
        mask[y : y + bh, x : x + bw][window == i] = 255
    return mask


Stat = np.ndarray
"""One value per connected component (a column of ``connectedComponentsWithStats``)."""


def _edge_strip(
    x: Stat, y: Stat, bw: Stat, bh: Stat, area: Stat, w: int, h: int, margin: int
) -> np.ndarray:
    """A dark strip along most of one edge (a torn or tilted paper edge against
    the scanner lid) reaches further in than the edge band, but stays thin."""
    P = BORDER
    filled = area >= P.strip_min_fill * bw * bh
    at_top_or_foot = (y <= margin) | (y + bh >= h - margin)
    at_side = (x <= margin) | (x + bw >= w - margin)
    along_top = at_top_or_foot & (bw >= P.long_side * w) & (bh <= P.torn_depth * h)
    along_side = at_side & (bh >= P.long_side * h) & (bw <= P.torn_depth * w)
    return filled & (along_top | along_side)


def _is_punch_hole(x: Stat, y: Stat, bw: Stat, bh: Stat, area: Stat, w: int, h: int) -> np.ndarray:
    """Components of a punch hole's size, shape and fill near an edge (a disc
    fills pi/4 of its box); ``_is_round`` then looks at the candidates' outlines."""
    P = PUNCH_HOLES
    side = min(w, h)
    lo, hi = P.min_size * side, P.max_size * side
    sized = (lo <= bw) & (bw <= hi) & (lo <= bh) & (bh <= hi)
    aspect = bw / np.maximum(bh, 1)
    fill = area / np.maximum(bw * bh, 1)
    cx, cy = x + bw / 2, y + bh / 2
    near = np.minimum(np.minimum(cx, cy), np.minimum(w - cx, h - cy))
    return (
        sized
        & (P.min_aspect <= aspect)
        & (aspect <= P.max_aspect)
        & (P.min_fill <= fill)
        & (fill <= P.max_fill)
        & (near < P.max_edge_distance * side)
    )


def _is_round(blob: np.ndarray) -> bool:
    """A disc, not a bold square glyph: 4*pi*area / perimeter**2 close to 1."""
    # A hole punched through the page is solid; a bold "o" has a hole in it.
    contours, _ = cv2.findContours(blob.astype(np.uint8), cv2.RETR_CCOMP, cv2.CHAIN_APPROX_NONE)
    if len(contours) != 1:
        return False
    area = cv2.contourArea(contours[0])
    perimeter = cv2.arcLength(contours[0], closed=True)
    return perimeter > 0 and 4 * np.pi * area / perimeter**2 > PUNCH_HOLES.min_roundness


def content_box(
    ink: np.ndarray, artifacts: np.ndarray, pad: int = PRINT_BOX.pad_px
) -> tuple[int, int, int, int]:
    """Bounding box of the print: ink that is not border or holes."""
    # Specks of noise outside the print must not stretch the box.
    return _box_of(_without_specks(cv2.bitwise_and(ink, cv2.bitwise_not(artifacts))), pad)


def _box_of(clean: np.ndarray, pad: int = PRINT_BOX.pad_px) -> tuple[int, int, int, int]:
    """The print box of ``clean``, ink without border, holes or specks: its
    ink's extent less ``PRINT_BOX.trim_percent`` at each end, padded."""
    ys, xs = np.nonzero(clean)
    h, w = clean.shape
    if xs.size == 0:
        return 0, 0, w, h
    trim = [PRINT_BOX.trim_percent, 100 - PRINT_BOX.trim_percent]
    lo_x, hi_x = np.percentile(xs, trim)
    lo_y, hi_y = np.percentile(ys, trim)
    return (
        max(0, int(lo_x) - pad),
        max(0, int(lo_y) - pad),
        min(w, int(hi_x) + pad + 1),
        min(h, int(hi_y) + pad + 1),
    )


def grown_over_faint_print(
    box: tuple[int, int, int, int], ink: np.ndarray, artifacts: np.ndarray
) -> tuple[int, int, int, int]:
    """``box`` (the print box, x0 y0 x1 y1) grown on each side over faint type
    that the first ink mask missed.

    A dark scanner border pulls the page's one ink threshold (Otsu) down to
    between the border and the paper; small type printed grey then falls on
    the paper's side, and the print box can stop a line or two short of the
    page's last lines (a city daily scanned at 84 dpi lost the foot of its
    last band). ``ink`` is the mask found again with the border painted out.
    The box it gives is taken on a side only where what it adds is type:
    ink over ``PRINT_BOX.faint_min_ink`` of the added band's inked part,
    along ``PRINT_BOX.faint_min_span`` of the side, not paper grain or a
    stained margin spread thin along it."""
    # The border's edge, grey where it was resampled or blurred, is no print.
    rim = 2 * PRINT_BOX.rim_px + 1
    border = cv2.dilate(artifacts, np.ones((rim, rim), np.uint8))
    print_ink = cv2.bitwise_and(ink, cv2.bitwise_not(border))
    clean = _without_specks(print_ink)
    wider = _box_of(clean)
    out = list(box)
    # A band runs along its side as far as the box reaches now: a side taken
    # lengthens the others' bands (on a page of grey type under a black
    # headline, the box is the headline's, short of the type on two sides),
    # and grain beside the box is no part of the band under it.
    grown = True
    while grown:  # at most five passes: each grows a side for good
        grown = False
        for side in range(4):
            if out[side] == wider[side]:
                continue
            a, b, c, d = out
            band = {
                0: (wider[0], b, a, d),
                1: (a, wider[1], c, b),
                2: (c, b, wider[2], d),
                3: (a, d, c, wider[3]),
            }[side]
            if _band_holds_type(clean, print_ink, band, along=side % 2 == 0):
                out[side], grown = wider[side], True
    return out[0], out[1], out[2], out[3]


def _without_specks(ink: np.ndarray) -> np.ndarray:
    """``ink`` opened by a square ``PRINT_BOX.speck_px`` wide: specks gone."""
    speck = np.ones((PRINT_BOX.speck_px, PRINT_BOX.speck_px), np.uint8)
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, speck)


def _band_holds_type(
    clean: np.ndarray, raw: np.ndarray, area: tuple[int, int, int, int], along: bool
) -> bool:
    """Whether the ink in ``area`` (x0 y0 x1 y1) is type: glyphs, not a rule or
    a paper edge (``_glyphs``), dense in their own bounding box (the density
    of ``raw``, all the ink, as a thin stroke of small type is opened away
    with the specks) and spread along the side (``along``: the side runs
    down, a left or right band; else across)."""
    x0, y0, x1, y1 = area
    if x1 <= x0 or y1 <= y0:
        return False  # the wider box is no wider on this side
    band = _glyphs(np.ascontiguousarray(clean[y0:y1, x0:x1]))
    ys, xs = np.nonzero(band)
    if ys.size == 0:
        return False
    inked = raw[y0:y1, x0:x1][ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    if along:
        span = (ys.max() - ys.min() + 1) / band.shape[0]
    else:
        span = (xs.max() - xs.min() + 1) / band.shape[1]
    dense = float((inked > 0).mean()) >= PRINT_BOX.faint_min_ink
    return dense and span >= PRINT_BOX.faint_min_span


def _glyphs(ink: np.ndarray) -> np.ndarray:
    """``ink`` without its pieces drawn out long and thin (``PRINT_BOX.line_aspect``
    times as long as thick: a rule, a paper edge, a crease), and empty unless
    ``PRINT_BOX.min_glyphs`` pieces are left."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    w, h = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]
    glyph = np.maximum(w, h) < PRINT_BOX.line_aspect * np.minimum(w, h)
    if int(glyph.sum()) < PRINT_BOX.min_glyphs:
        return np.zeros_like(ink)
    return np.isin(labels, 1 + np.flatnonzero(glyph)) & (ink > 0)
