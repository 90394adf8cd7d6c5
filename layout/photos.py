"""Photos: halftones, continuous-tone pictures and line art, told from type by their ink.

Everything here is in working-image pixels and measured in the page's body
line height (``body``).
"""

from __future__ import annotations

import itertools
import logging
from typing import TYPE_CHECKING

import cv2
import numpy as np
from newsprint.core.settings import LayoutSettings
from newsprint.layout.binarize import paper_level
from newsprint.layout.boxes import Box
from newsprint.layout.params.photos import (
    HATCHING,
    PAGE_PHOTO,
    PHOTO_EDGES,
    PHOTO_PIECES,
    PICTURE_INK,
)
from newsprint.layout.textlines import filled_with_body_lines, is_display_type

if TYPE_CHECKING:
    from newsprint.layout.textlines import LinePiece

log = logging.getLogger(__name__)


def blank_photos(text_ink: np.ndarray, photos: list[Box], body: float) -> None:
    pad = int(body * PHOTO_EDGES.blank_pad)
    for p in photos:
        y0, x0 = max(0, int(p.y0) - pad), max(0, int(p.x0) - pad)
        text_ink[y0 : int(p.y1) + pad, x0 : int(p.x1) + pad] = 0


def find_photos(
    ink: np.ndarray, work: np.ndarray, em: float, settings: LayoutSettings
) -> list[Box]:
    """Halftones and pictures: patches of ink (closed over
    ``PICTURE_INK.close`` × ``em``) at least ``settings.photo_min_lines`` ×
    ``em`` each way that are grey or dense without the white rows of text
    (``_looks_like_picture``) or shaded by hatching (:func:`is_hatched`).
    ``ink``: the page's ink without its rules (H x W, nonzero = ink);
    ``work``: the grey working image; ``em``: the body line height in
    working pixels. Returns the pictures' boxes, pieces of one merged."""
    k = max(PICTURE_INK.min_close_px, int(em * PICTURE_INK.close))
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
    _, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    min_side = settings.photo_min_lines * em
    paper = paper_level(work)
    photos = []
    for x, y, w, h, _area in stats[1:]:
        if w < min_side or h < min_side:
            continue
        box = Box(float(x), float(y), float(x + w), float(y + h))
        patch = ink[y : y + h, x : x + w]
        if is_hatched(patch, em) or _looks_like_picture(patch, work[y : y + h, x : x + w], paper):
            photos.append(box)
    return merge_photo_pieces(photos, em, ink)


def merge_photo_pieces(photos: list[Box], em: float, ink: np.ndarray) -> list[Box]:
    """A picture's light patches (sky, a white wall) cut it into pieces: pieces
    that touch, or stand side by side with the same top and foot, are one,
    unless clean white paper (a gutter) lies between them."""
    P = PHOTO_PIECES
    photos = _merge_overlapping(photos, pad=P.touch_pad * em)
    merged = True
    while merged:
        merged = False
        for a, b in itertools.combinations(photos, 2):
            level = abs(a.y0 - b.y0) < P.level * em and abs(a.y1 - b.y1) < P.level * em
            gap = max(a.x0, b.x0) - min(a.x1, b.x1)
            if (
                level
                and gap < P.max_gap * em
                and (gap < P.clear_gap * em or _inked(ink, a, b) > P.inked_share)
            ):
                photos = [p for p in photos if p is not a and p is not b] + [a.union(b)]
                merged = True
                break
    return photos


def _inked(ink: np.ndarray, a: Box, b: Box) -> float:
    """The share of ink in the space between two boxes side by side."""
    x0, x1 = int(min(a.x1, b.x1)), int(max(a.x0, b.x0))
    y0, y1 = int(max(a.y0, b.y0)), int(min(a.y1, b.y1))
    if x1 <= x0 or y1 <= y0:
        return 1.0
    return float(np.count_nonzero(ink[y0:y1, x0:x1])) / ((x1 - x0) * (y1 - y0))


def is_hatched(ink: np.ndarray, em: float) -> bool:
    """Whether a patch of ink is line art shaded by hatching (a map's sea as
    old newspapers drew it): at least ``HATCHING.min_share`` of its square
    tiles (``HATCHING.tile`` × ``em`` wide) hold ``HATCHING.tile_ink`` of
    ink, ``HATCHING.tile_share`` of it in thin lines across (each at least
    ``HATCHING.min_length`` × ``em`` long and thinner than
    ``HATCHING.max_thickness`` × ``em``), ``HATCHING.tile_lines`` of them one
    over another. ``ink``: H x W uint8, nonzero = ink; ``em``: the body
    line height in pixels. Hatch lines further apart than the closing in
    :func:`find_photos` make one patch only through what joins them (a
    coast, a frame); a grid of thin lines (a crossword) is hatched too, and
    a large character's strokes may be (see :func:`without_type`)."""
    P = HATCHING
    side = max(4, int(P.tile * em))
    rows, cols = ink.shape[0] // side, ink.shape[1] // side
    if rows == 0 or cols == 0:
        return False
    length = max(2, int(P.min_length * em))
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    thick = max(2, int(P.max_thickness * em))
    heavy = cv2.morphologyEx(across, cv2.MORPH_OPEN, np.ones((thick, 1), np.uint8))
    thin = ((across > 0) & (heavy == 0))[: rows * side, : cols * side]
    inked = (ink[: rows * side, : cols * side] > 0).reshape(rows, side, cols, side).sum(axis=(1, 3))
    per_row = thin.reshape(rows, side, cols, side).sum(axis=3)  # (rows, side, cols)
    hatch_ink = per_row.sum(axis=1)
    line_rows = per_row >= length / 2
    starts = line_rows[:, 0, :] + (line_rows[:, 1:, :] & ~line_rows[:, :-1, :]).sum(axis=1)
    hatched = (
        (inked >= P.tile_ink * side * side)
        & (hatch_ink >= P.tile_share * inked)
        & (starts >= P.tile_lines)
    )
    return float(hatched.mean()) >= P.min_share


def without_type(
    photos: list[Box], pieces: list[LinePiece], line_art: list[Box], em: float
) -> list[Box]:
    """The photos but those that are type: display type
    (``textlines.is_display_type``: a headline's heavy characters, an advert
    of words), or filled with body-size lines
    (``textlines.filled_with_body_lines``) unless in ``line_art`` (the
    photos :func:`hatched_within` the ink): a map's place names cover it as
    a column's type covers the column (the unseen NZZ 1943's map of southern
    Italy: 40 names over 0.28 of it, where ECPO's vertical columns taken for
    pictures are covered 0.27-0.29), its hatching does not. Hatching never
    rescues display type: a large Chinese character's strokes are thin lines
    stacked too. ``em``: the body line height."""
    return [
        photo
        for photo in photos
        if not is_display_type(photo, pieces, em)
        and (photo in line_art or not filled_with_body_lines(photo, pieces, em))
    ]


def hatched_within(ink: np.ndarray, box: Box, em: float) -> bool:
    """:func:`is_hatched` for the part of ``ink`` (H x W uint8) under ``box``."""
    x0, y0, x1, y1 = box.pixels(ink.shape)
    return is_hatched(ink[y0:y1, x0:x1], em)


def _looks_like_picture(ink: np.ndarray, grey: np.ndarray, paper: int) -> bool:
    P = PICTURE_INK
    rows = ink.mean(axis=1) / 255.0
    white_rows = float((rows < P.white_row_ink).mean())
    density = float(ink.mean() / 255.0)
    mid = float(((grey > P.mid_grey_dark * paper) & (grey < P.mid_grey_light * paper)).mean())
    if white_rows > P.max_white_rows:  # text has white leading between its lines
        return False
    return mid > P.min_mid_grey or density > P.min_density


def _merge_overlapping(boxes: list[Box], pad: float = 0.0) -> list[Box]:
    boxes = list(boxes)
    merged = True
    while merged:
        merged = False
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                near = boxes[i].expand(pad)
                if near.x_overlap(boxes[j]) > 0 and near.y_overlap(boxes[j]) > 0:
                    boxes[i] = boxes[i].union(boxes.pop(j))
                    merged = True
                    break
            if merged:
                break
    return boxes


def absorb_frames(
    h_rules: list[Box], v_rules: list[Box], photos: list[Box], em: float
) -> tuple[list[Box], list[Box], list[Box]]:
    """A thin frame drawn round a photo is part of the photo, not a rule."""
    tol = em * PHOTO_EDGES.frame_reach
    keep_h, keep_v, grown = [], [], list(photos)
    for rules, keep in ((h_rules, keep_h), (v_rules, keep_v)):
        for rule in rules:
            host = next(
                (
                    i
                    for i, p in enumerate(grown)
                    if p.expand(tol).contains_point(rule.x0, rule.y0)
                    and p.expand(tol).contains_point(rule.x1, rule.y1)
                ),
                None,
            )
            if host is None:
                keep.append(rule)
            else:
                grown[host] = grown[host].union(rule)
    return keep_h, keep_v, grown


def frames_of_no_photo(
    found: tuple[list[Box], list[Box]],
    kept: tuple[list[Box], list[Box]],
    photos: list[Box],
    em: float,
) -> tuple[list[Box], list[Box]]:
    """The page's rules (horizontal, vertical) once its photos are settled:
    those ``absorb_frames`` kept, and those it took into a photo that is a
    photo no more (``without_type``, ``without_page_photos``: no photo left
    holds them) and that are ``PHOTO_EDGES.rule_back`` body lines long or
    more, in the order found. ``found``: the rules before
    ``absorb_frames``; ``kept``: those it kept; ``photos``: the photos left.
    A "photo" over a whole page of small type (the Port Gibson Reveille of
    1921, 1,114 px wide: its seven columns at 10 px) took in every column
    rule of the page; the photo was found to be type, and the columns, their
    rules gone, were read across."""
    tol = em * PHOTO_EDGES.frame_reach
    least = em * PHOTO_EDGES.rule_back

    def framed(rule: Box) -> bool:
        return max(rule.width, rule.height) < least or any(
            p.expand(tol).contains_point(rule.x0, rule.y0)
            and p.expand(tol).contains_point(rule.x1, rule.y1)
            for p in photos
        )

    out = []
    for rules, keep in zip(found, kept, strict=True):
        kept_ids = {id(r) for r in keep}
        out.append([r for r in rules if id(r) in kept_ids or not framed(r)])
    return out[0], out[1]


def without_page_photos(
    photos: list[Box], pieces: list[LinePiece], content: tuple[int, int, int, int]
) -> list[Box]:
    """The photos but those that are a page's print run together: on a page of
    adverts and pictures set among vertical type (ECPO's 1919 晶報) the
    pictures, display type and rules join into one "photo" over most of the
    page, and so do the columns of a page whose dark scanner frame floats
    inside the scan (the Oakland page turned 2° and padded with white: no
    article at all); every line in it would be lost to the picture. Such a
    "photo" (over ``PAGE_PHOTO.min_share`` of ``content``, x0, y0, x1, y1 in
    working pixels, holding ``PAGE_PHOTO.min_lines`` detected lines or more,
    either direction) is dropped: its lines are read as text."""
    x0, y0, x1, y1 = content
    area = max(1.0, float((x1 - x0) * (y1 - y0)))
    out = []
    for photo in photos:
        if photo.area <= PAGE_PHOTO.min_share * area:
            out.append(photo)
            continue
        # Pieces cut from one detected line at a separator count once.
        inside = len(
            {
                p.parent if p.parent >= 0 else id(p)
                for p in pieces
                if photo.contains_point(p.ink.cx, p.ink.cy)
            }
        )
        if inside >= PAGE_PHOTO.min_lines:
            log.info(
                "a 'photo' over %.0f%% of the page holds %d lines: text",
                100 * photo.area / area,
                inside,
            )
            continue
        out.append(photo)
    return out
