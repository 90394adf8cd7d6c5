"""Page segmentation: rules, photos, column gutters, text lines and blocks.

Runs on the deskewed working image. The approach is the classical one of
newspaper layout analysis (rule removal, halftone detection, whitespace
gutters, run-length smearing into lines, lines into blocks): cheap next to OCR
and readable. Every measure is in units of the page's own body type size.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np
from newsprint.core.page import NewspaperPage, Region, RegionType
from newsprint.core.settings import LayoutSettings, Settings
from newsprint.layout.binarize import ink_mask, paper_level
from newsprint.layout.boxes import Box, union_all
from newsprint.layout.metrics import body_line_height, glyph_height
from newsprint.layout.textlines import (
    LinePiece,
    cut_at_separators,
    is_type_column,
    pieces_from_detection,
)

log = logging.getLogger(__name__)


@dataclass
class Block:
    lines: list[Box]
    kind: RegionType = RegionType.TEXT
    box: Box = field(init=False)
    last: Box = field(init=False)
    line_height: float = field(init=False)
    leading: float | None = None
    """Median white space between this block's lines."""

    def __post_init__(self) -> None:
        self.box = union_all(self.lines)
        self.last = max(self.lines, key=lambda b: b.y1)
        self._update_stats()

    def add(self, line: Box) -> None:
        self.lines.append(line)
        self.box = self.box.union(line)
        if line.y1 >= self.last.y1:
            self.last = line
        self._update_stats()

    def _update_stats(self) -> None:
        # Weighted by width: a line's flat glyphs (一, 二, a dash) are narrow
        # pieces and must not set its type size.
        heights = np.array([ln.height for ln in self.lines])
        order = np.argsort(heights)
        weights = np.array([ln.width for ln in self.lines])[order]
        middle = np.searchsorted(np.cumsum(weights), weights.sum() / 2)
        self.line_height = float(heights[order][min(middle, len(order) - 1)])
        steps = [b.y0 - a.y1 for a, b in zip(self.lines, self.lines[1:], strict=False)]
        self.leading = float(np.median(steps)) if steps else None


@dataclass
class Layout:
    """Everything segmentation found, in working-image pixels."""

    body: float
    """Body line height, the unit every measure here is taken in."""
    blocks: list[Block]
    photos: list[Box]
    h_rules: list[Box]
    v_rules: list[Box]
    columns: list[tuple[int, int]]
    adverts: list[Box] = field(default_factory=list)
    picture_text: list[LinePiece] = field(default_factory=list)
    """Detected lines inside photos: they stay with the picture, out of articles."""
    detected_of: dict[int, list[Box]] = field(default_factory=dict)
    """The detector's box of each line (by the ``id`` of its ink box in a block):
    what the recogniser reads. Empty when layout ran without detection."""


def segment(page: NewspaperPage, settings: Settings) -> NewspaperPage:
    """Stage: find the page's regions (before OCR gives them text)."""
    if page.work_image is None:
        raise ValueError(f"{page.source}: deskew must run before segmentation")
    detected = np.asarray(page.detected_lines).reshape(-1, 4) if page.detected_lines else None
    layout = analyse(page.work_image, page.geometry.content_box, settings.layout, detected)
    regions = _to_regions(page, layout)
    return page.model_copy(
        update={
            "regions": regions,
            "body_line_height": round(layout.body, 2),
            "columns": layout.columns,
        }
    )


def analyse(
    work: np.ndarray,
    content: tuple[int, int, int, int] | None,
    settings: LayoutSettings,
    detected: np.ndarray | None = None,
) -> Layout:
    """The page's layout in working-image pixels.

    ``detected`` holds the text detector's line boxes (N x 4, ``ocr.detect``):
    they decide where the text is. Without them (layout alone, no OCR engine)
    lines are found from the ink by run-length smearing.
    """
    ink = ink_mask(work)
    box = content or (0, 0, work.shape[1], work.shape[0])
    if content is not None:
        x0, y0, x1, y1 = content
        keep = np.zeros_like(ink)
        keep[y0:y1, x0:x1] = 255
        ink = cv2.bitwise_and(ink, keep)
    pieces = pieces_from_detection(detected, ink) if detected is not None else None
    if pieces:
        body = body_line_height([p.ink.height for p in pieces if p.ink.width > 4 * p.ink.height])
    else:
        em = glyph_height(ink) * 1.25
        # A first smear measures the body line height, the unit everything else
        # is measured in; glyph height alone misjudges Latin type.
        rough = line_boxes(ink, np.zeros_like(ink), em * 1.6)
        body = body_line_height([ln.height for ln in rough if ln.width > 2 * ln.height])
    h_rules, v_rules, rule_mask = find_rules(ink, body, settings)
    text_ink = cv2.bitwise_and(ink, cv2.bitwise_not(rule_mask))
    photos = find_photos(text_ink, work, body, settings)
    h_rules, v_rules, photos = _absorb_frames(h_rules, v_rules, photos, body)
    photos = merge_photo_pieces(photos, body, ink)
    if pieces:
        photos = [p for p in photos if not is_type_column(p, pieces, body)]
    _blank_photos(text_ink, photos, body)
    forced = _forced_grid(box, settings.columns, body, work.shape[1]) if settings.columns else None
    detected_of: dict[int, list[Box]] = {}
    if pieces:
        text_pieces, picture_text = _detected_lines(pieces, text_ink, photos, v_rules, body, forced)
        lines = [p.ink for p in text_pieces]
        detected_of = {id(p.ink): p.read_boxes() for p in text_pieces}
    else:
        lines, picture_text = find_lines(text_ink, rule_mask, photos, v_rules, body, forced), []
        # Whole lines measure the body type better than the rough first pieces.
        body = body_line_height([ln.height for ln in lines if ln.width > 4 * ln.height]) or body
        lines = [ln for ln in lines if ln.height >= 0.35 * body or ln.width >= body]
    blocks = merge_overlapping_blocks(group_lines(lines, h_rules, body))
    if not pieces:
        # A lone tall sliver (a stroke of a picture, a bracket) is not type;
        # a line the detector found is type whatever its shape.
        blocks = [b for b in blocks if len(b.lines) > 1 or b.box.width >= 0.6 * b.box.height]
    _mark_bold_heads(blocks, text_ink, body, settings)
    classify_blocks(blocks, photos, h_rules, body, settings, box)
    adverts = find_adverts(work.shape, h_rules + v_rules, blocks, photos, body)
    columns = find_columns(blocks, body, settings.columns)
    return Layout(
        body, blocks, photos, h_rules, v_rules, columns, adverts, picture_text, detected_of
    )


def _detected_lines(
    pieces: list[LinePiece],
    text_ink: np.ndarray,
    photos: list[Box],
    v_rules: list[Box],
    body: float,
    grid: np.ndarray | None,
) -> tuple[list[LinePiece], list[LinePiece]]:
    """Detected lines cut at the column separators, and apart from them the
    lines inside pictures, which stay with the picture."""
    obstacles = _without_specks(text_ink, body)
    for p in photos:
        obstacles[int(p.y0) : int(p.y1), int(p.x0) : int(p.x1)] = 255
    corridors = gutters(obstacles, body)
    cut = cut_at_separators(pieces, text_ink, v_rules, corridors, grid, body)
    cut = _join_row_pieces(cut, corridors, body, v_rules, grid, photos)
    in_picture = [p for p in cut if any(ph.contains_point(p.ink.cx, p.ink.cy) for ph in photos)]
    picture_ids = {id(p) for p in in_picture}
    return [p for p in cut if id(p) not in picture_ids], in_picture


def _join_row_pieces(
    pieces: list[LinePiece],
    corridors: np.ndarray,
    body: float,
    v_rules: list[Box],
    grid: np.ndarray | None,
    photos: list[Box],
) -> list[LinePiece]:
    """The detector's pieces of one line (it parts a line at a wide word space)
    joined again, never across a gutter or a rule, nor where a cut at a
    separator parted them (``join_rows``)."""
    if grid is None:
        grid = grid_gutters(corridors, photos, body)
    parent = {id(p.ink): p.parent for p in pieces}
    groups = row_groups(
        [p.ink for p in pieces],
        corridors,
        body,
        v_rules,
        grid,
        apart=lambda a, b: parent[id(a)] == parent[id(b)],
    )
    out = []
    for group in groups:
        members = [pieces[i] for i in group]
        if len(members) == 1:
            out.append(members[0])
        else:
            ink = union_all([p.ink for p in members])
            parts = [box for p in members for box in p.read_boxes()]
            out.append(LinePiece(ink, union_all(parts), members[0].parent, parts))
    return out


def _blank_photos(text_ink: np.ndarray, photos: list[Box], body: float) -> None:
    pad = int(body * 0.2)
    for p in photos:
        y0, x0 = max(0, int(p.y0) - pad), max(0, int(p.x0) - pad)
        text_ink[y0 : int(p.y1) + pad, x0 : int(p.x1) + pad] = 0


def find_lines(
    text_ink: np.ndarray,
    rule_mask: np.ndarray,
    photos: list[Box],
    v_rules: list[Box],
    body: float,
    grid: np.ndarray | None = None,
) -> list[Box]:
    """Lines of type, each cut at gutters and rules and joined across word
    spaces; ``grid`` (an archivist's column count) replaces the page's own."""
    # A photo stands in the way of a corridor: word spaces that happen to line
    # up under a picture are not a gutter running through it.
    obstacles = _without_specks(text_ink, body)
    for p in photos:
        obstacles[int(p.y0) : int(p.y1), int(p.x0) : int(p.x1)] = 255
    corridors = gutters(obstacles, body)
    # Pieces are cut at every tall white corridor; join_rows then joins again
    # those that are word spaces rather than gutters.
    cuts = cv2.bitwise_or(rule_mask, corridors)
    pieces = split_touching(line_boxes(text_ink, cuts, body * 0.75), text_ink, body)
    pieces = cut_at_corridors(pieces, corridors)
    if grid is None:
        grid = grid_gutters(corridors, photos, body)
    return join_rows(pieces, corridors, body, v_rules, grid)


def _forced_grid(
    content: tuple[int, int, int, int], count: int, body: float, width: int
) -> np.ndarray:
    """Gutters of ``count`` equal columns over the printed area."""
    grid = np.zeros(width, dtype=bool)
    x0, x1 = content[0], content[2]
    for i in range(1, count):
        x = x0 + i * (x1 - x0) / count
        grid[max(0, int(x - 0.75 * body)) : int(x + 0.75 * body)] = True
    return grid


def find_rules(
    ink: np.ndarray, em: float, settings: LayoutSettings
) -> tuple[list[Box], list[Box], np.ndarray]:
    """Long thin horizontal and vertical lines (column rules, cut-offs, frames)."""
    # Rules are long: half the resolution finds them as well, four times faster.
    scale = 2 if min(ink.shape) >= 1600 else 1
    small = _shrink(ink, scale)
    em_s = em / scale
    length = max(20 // scale, int(settings.min_rule_length_lines * em_s))
    join = max(2, int(0.8 * em_s))
    # Dashed and dotted rules: only dash-shaped pieces are joined, so that
    # the aligned strokes of a line of type never pass for a rule.
    h_dashes, v_dashes = _dashes(small, em_s, length, min_dot=max(1, 2 // scale))
    # A thin column rule scanned through noise wavers by a pixel and has
    # pinholes; thickening across it and closing tiny gaps keeps it whole.
    # (Not for horizontal rules: the serifs along a line of type would pass.)
    across_v = _close_along(cv2.dilate(small, np.ones((1, 3), np.uint8)), (1, 5 // scale + 1))
    horiz = cv2.bitwise_or(
        _open_along(small, (length, 1)),
        _open_along(_close_along(h_dashes, (join, 1)), (length, 1)),
    )
    vert = cv2.bitwise_or(
        _open_along(across_v, (1, length)),
        _open_along(_close_along(v_dashes, (1, join)), (1, length)),
    )
    h_boxes = [
        b.scaled(scale)
        for b in _thin_components(horiz, em_s, horizontal=True)
        if not _in_dark_area(small, b, em_s, horizontal=True)
    ]
    v_boxes = [
        b.scaled(scale)
        for b in _thin_components(vert, em_s, horizontal=False)
        if not _in_dark_area(small, b, em_s, horizontal=False)
    ]
    mask = np.zeros_like(ink)
    pad = max(1, int(em * 0.08))
    for b in h_boxes + v_boxes:
        y0, x0 = max(0, int(b.y0) - pad), max(0, int(b.x0) - pad)
        mask[y0 : int(b.y1) + pad, x0 : int(b.x1) + pad] = 255
    return h_boxes, v_boxes, mask


def _in_dark_area(ink: np.ndarray, rule: Box, em: float, horizontal: bool) -> bool:
    """A rule stands on paper; a dark streak inside a picture has ink on both
    sides of it."""
    side = max(2, int(0.5 * em))
    x0, y0, x1, y1 = (int(v) for v in rule.as_tuple())
    if horizontal:
        before, after = ink[max(0, y0 - side) : y0, x0:x1], ink[y1 : y1 + side, x0:x1]
    else:
        before, after = ink[y0:y1, max(0, x0 - side) : x0], ink[y0:y1, x1 : x1 + side]
    return all(part.size and np.count_nonzero(part) > 0.2 * part.size for part in (before, after))


def _shrink(mask: np.ndarray, scale: int) -> np.ndarray:
    """A binary mask at 1/scale size: a cell is ink when any of its pixels is."""
    if scale == 1:
        return mask
    h, w = mask.shape[0] // scale * scale, mask.shape[1] // scale * scale
    cells = mask[:h, :w].reshape(h // scale, scale, w // scale, scale)
    return cells.max(axis=(1, 3))


def _dashes(
    ink: np.ndarray, em: float, length: int, min_dot: int = 2
) -> tuple[np.ndarray, np.ndarray]:
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    w, h = stats[:, 2], stats[:, 3]
    thin, short = 0.25 * em, 1.5 * em
    dots = (w <= 0.3 * em) & (h <= 0.3 * em) & (w >= min_dot) & (h >= min_dot)
    horizontal = ((h <= thin) & (w >= 0.25 * em) & (w <= short)) | dots
    # Type has no hairline taller than a line and a half, so a broken
    # vertical rule's longer pieces are dashes too.
    vertical = ((w <= thin) & (h >= 0.25 * em) & (h < length)) | dots
    horizontal[0] = vertical[0] = False
    return (
        np.where(horizontal[labels], 255, 0).astype(np.uint8),
        np.where(vertical[labels], 255, 0).astype(np.uint8),
    )


def _close_along(mask: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, size)
    return cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel)


def _open_along(mask: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, size)
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)


def _thin_components(mask: np.ndarray, em: float, horizontal: bool) -> list[Box]:
    _, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for x, y, w, h, _area in stats[1:]:
        thickness = h if horizontal else w
        if thickness <= 0.6 * em:
            out.append(Box(float(x), float(y), float(x + w), float(y + h)))
    return out


def find_photos(
    ink: np.ndarray, work: np.ndarray, em: float, settings: LayoutSettings
) -> list[Box]:
    """Halftones and pictures: big, dense, without the white rows of text."""
    k = max(3, int(em * 0.25))
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
    _, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    min_side = settings.photo_min_lines * em
    paper = paper_level(work)
    photos = []
    for x, y, w, h, _area in stats[1:]:
        if w < min_side or h < min_side:
            continue
        box = Box(float(x), float(y), float(x + w), float(y + h))
        if _looks_like_picture(ink[y : y + h, x : x + w], work[y : y + h, x : x + w], paper):
            photos.append(box)
    return merge_photo_pieces(photos, em, ink)


def merge_photo_pieces(photos: list[Box], em: float, ink: np.ndarray) -> list[Box]:
    """A picture's light patches (sky, a white wall) cut it into pieces: pieces
    that touch, or stand side by side with the same top and foot, are one,
    unless clean white paper (a gutter) lies between them."""
    photos = _merge_overlapping(photos, pad=0.3 * em)
    merged = True
    while merged:
        merged = False
        for a, b in itertools.combinations(photos, 2):
            level = abs(a.y0 - b.y0) < 0.5 * em and abs(a.y1 - b.y1) < 0.5 * em
            gap = max(a.x0, b.x0) - min(a.x1, b.x1)
            if level and gap < 3 * em and (gap < 1.5 * em or _inked(ink, a, b) > 0.02):
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


def _looks_like_picture(ink: np.ndarray, grey: np.ndarray, paper: int) -> bool:
    rows = ink.mean(axis=1) / 255.0
    white_rows = float((rows < 0.01).mean())
    density = float(ink.mean() / 255.0)
    mid = float(((grey > 0.25 * paper) & (grey < 0.8 * paper)).mean())
    if white_rows > 0.12:  # text has white leading between its lines
        return False
    return mid > 0.2 or density > 0.4


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


def _absorb_frames(
    h_rules: list[Box], v_rules: list[Box], photos: list[Box], em: float
) -> tuple[list[Box], list[Box], list[Box]]:
    """A thin frame drawn round a photo is part of the photo, not a rule."""
    tol = em * 0.8
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


def line_boxes(text_ink: np.ndarray, cuts: np.ndarray, smear: float) -> list[Box]:
    """Pieces of text lines: ink smeared along the line, cut at rules (and gutters)."""
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(smear)), 1))
    closed = cv2.morphologyEx(text_ink, cv2.MORPH_CLOSE, kernel)
    closed = cv2.bitwise_and(closed, cv2.bitwise_not(cuts))
    _, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    em = smear / 0.75
    boxes = []
    for x, y, w, h, area in stats[1:]:
        if area < 0.05 * em * em or h < 0.2 * em:
            continue
        boxes.append(Box(float(x), float(y), float(x + w), float(y + h)))
    return boxes


def split_touching(pieces: list[Box], ink: np.ndarray, body: float) -> list[Box]:
    """Lines whose descenders and ascenders touch (two body lines, or a
    headline and the line under it), cut at the valley between them."""
    out: list[Box] = []
    stack = list(pieces)
    while stack:
        piece = stack.pop()
        if not 1.6 * body <= piece.height <= 5 * body or piece.width < 2 * body:
            out.append(piece)
            continue
        rows = ink[int(piece.y0) : int(piece.y1), int(piece.x0) : int(piece.x1)].mean(axis=1)
        # Each part must be a line of its own, not a descender.
        lo, hi = int(0.8 * body), len(rows) - int(0.8 * body)
        if hi <= lo:
            out.append(piece)
            continue
        cut = lo + int(np.argmin(rows[lo:hi]))
        if rows[cut] < 0.15 * rows.max():
            y = piece.y0 + cut
            stack += [
                Box(piece.x0, piece.y0, piece.x1, y),
                Box(piece.x0, y + 1, piece.x1, piece.y1),
            ]
        else:
            out.append(piece)
    return out


def cut_at_corridors(pieces: list[Box], corridors: np.ndarray) -> list[Box]:
    """A piece that a corridor crosses for most of its height is two pieces
    (a touching line that the smear carried over a gutter)."""
    out: list[Box] = []
    for piece in pieces:
        x0, y0, x1, y1 = (int(v) for v in piece.as_tuple())
        band = corridors[y0:y1, x0:x1]
        if band.size == 0:
            out.append(piece)
            continue
        open_cols = band.mean(axis=0) < 127  # fewer than half the rows are corridor
        start = None
        for i, keep in enumerate([*open_cols.tolist(), False]):
            if keep and start is None:
                start = i
            elif not keep and start is not None:
                out.append(Box(float(x0 + start), piece.y0, float(x0 + i), piece.y1))
                start = None
    return out


def _without_specks(ink: np.ndarray, body: float) -> np.ndarray:
    """Ink less the dots of a dotted rule and other specks, which must not close a gutter."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small = (stats[:, 2] <= 0.3 * body) & (stats[:, 3] <= 0.3 * body)
    small[0] = True
    return np.where(small[labels], 0, ink).astype(np.uint8)


def join_rows(
    pieces: list[Box],
    corridors: np.ndarray,
    body: float,
    v_rules: list[Box] | None = None,
    grid: np.ndarray | None = None,
    apart: Callable[[Box, Box], bool] | None = None,
) -> list[Box]:
    """Join the pieces of one line across wide word spaces, never across a gutter
    (nor where ``apart(last piece of the row, piece)`` says so)."""
    groups = row_groups(pieces, corridors, body, v_rules, grid, apart)
    return [union_all([pieces[i] for i in group]) for group in groups]


def row_groups(
    pieces: list[Box],
    corridors: np.ndarray,
    body: float,
    v_rules: list[Box] | None = None,
    grid: np.ndarray | None = None,
    apart: Callable[[Box, Box], bool] | None = None,
) -> list[list[int]]:
    """``join_rows`` as the indices of the pieces each joined line is made of."""
    rows: list[Box] = []
    tails: list[Box] = []
    groups: list[list[int]] = []
    open_rows: list[int] = []
    starts = _LineStarts(pieces, body, grid)
    for n in sorted(range(len(pieces)), key=lambda k: pieces[k].x0):
        piece = pieces[n]
        # Justified narrow columns stretch word spaces to two ems and more.
        reach = max(2.5 * body, 0.7 * piece.height)
        open_rows = [i for i in open_rows if rows[i].x1 >= piece.x0 - reach]
        best = None
        for i in open_rows:
            row = rows[i]
            if not _same_row(row, piece) or row.x1 < piece.x0 - reach:
                continue
            # Display type has word spaces wider than a gutter of body type.
            tallest = max(row.height, piece.height)
            display = min(row.height, piece.height) > 1.4 * body or (
                tallest > 1.3 * body and piece.x0 - row.x1 < 0.5 * tallest
            )
            if _rule_between(row, piece, v_rules or []):
                continue
            if apart is not None and apart(tails[i], piece):
                continue
            if not display and _is_gutter(row, piece, corridors, starts, body):
                continue
            if display and _headlines_apart(row, piece, starts):
                continue
            if best is None or row.y_overlap(piece) > rows[best].y_overlap(piece):
                best = i
        if best is None:
            rows.append(piece)
            tails.append(piece)
            groups.append([n])
            open_rows.append(len(rows) - 1)
        else:
            rows[best] = rows[best].union(piece)
            tails[best] = piece
            groups[best].append(n)
    return groups


class _LineStarts:
    """Where lines start and end. A gutter has a column's left edge on its
    right (shared by the lines above and below, or inside the gap when this
    line is indented) or a justified column's right edge on its left; a word
    space inside a column, even a river of them, has neither."""

    def __init__(self, pieces: list[Box], body: float, grid: np.ndarray | None = None) -> None:
        self.x0 = np.array([p.x0 for p in pieces], dtype=np.float64)
        self.x1 = np.array([p.x1 for p in pieces], dtype=np.float64)
        self.cy = np.array([p.cy for p in pieces], dtype=np.float64)
        self.body = body
        self.grid = grid

    def on_grid(self, left: Box, right: Box) -> bool:
        """The space lies where the page's columns have their gutters."""
        if self.grid is None:
            return False
        x0, x1 = int(left.x1), int(right.x0)
        return x1 > x0 and bool(self.grid[max(0, x0) : max(0, x1)].any())

    def column_edge(self, left: Box, right: Box) -> bool:
        near = np.abs(self.cy - right.cy) < 8 * self.body
        tol = 0.3 * self.body
        starts = np.count_nonzero(near & (np.abs(self.x0 - right.x0) < tol))
        ends = np.count_nonzero(near & (np.abs(self.x1 - left.x1) < tol))
        inside = np.count_nonzero(near & (self.x0 > left.x1 + tol) & (self.x0 < right.x0 - tol))
        return starts >= 3 or ends >= 3 or inside >= 5

    def both_edges(self, left: Box, right: Box) -> bool:
        near = np.abs(self.cy - right.cy) < 8 * self.body
        tol = 0.45 * self.body
        starts = np.count_nonzero(near & (np.abs(self.x0 - right.x0) < tol))
        ends = np.count_nonzero(near & (np.abs(self.x1 - left.x1) < tol))
        return starts >= 3 and ends >= 3


def _rule_between(left: Box, right: Box, v_rules: list[Box]) -> bool:
    return any(
        left.x1 - 2 <= r.cx <= right.x0 + 2 and r.y_overlap(right) > 0.5 * right.height
        for r in v_rules
    )


def _headlines_apart(left: Box, right: Box, starts: _LineStarts) -> bool:
    """Two headlines set side by side over neighbouring stories: the space
    between them falls on a column gutter and is far wider than a word space
    of their type (a third to a half of its height; "to" is shorter than its
    line, so the taller piece gives the size)."""
    gap = right.x0 - left.x1
    return gap >= 0.8 * max(left.height, right.height) and starts.on_grid(left, right)


def _is_gutter(
    left: Box, right: Box, corridors: np.ndarray, starts: _LineStarts, body: float
) -> bool:
    """A tall white corridor beside a column edge, or, for columns too short
    to make a tall corridor, a clear space with column edges on both sides or
    on the page's column grid."""
    gap = right.x0 - left.x1
    # Word spaces of larger type (a small bold headline over a gutter) are
    # wider than body type's: only a full body line of white parts them.
    if max(left.height, right.height) >= 1.1 * body and gap < body:
        return False
    if _gutter_between(left, right, corridors) and starts.column_edge(left, right):
        return True
    if gap < 0.5 * body:
        return False
    return starts.both_edges(left, right) or (
        starts.on_grid(left, right) and (gap >= body or starts.column_edge(left, right))
    )


def _same_row(row: Box, piece: Box) -> bool:
    small, big = sorted((row.height, piece.height))
    overlap = row.y_overlap(piece)
    # A flat glyph (一, 二, a dash) sits inside its line's height.
    return overlap >= 0.9 * small or (big <= 1.7 * small and overlap >= 0.6 * small)


def _gutter_between(left: Box, right: Box, corridors: np.ndarray) -> bool:
    x0, x1 = int(min(left.x1, right.x0)), int(max(left.x1, right.x0))
    if x1 <= x0:
        return False
    y = int((max(left.y0, right.y0) + min(left.y1, right.y1)) / 2)
    return bool(corridors[y, x0:x1].any())


def grid_gutters(corridors: np.ndarray, photos: list[Box], body: float) -> np.ndarray:
    """The x positions of the page's column gutters: where tall white
    corridors stand for a good part of the page's height. Short columns (under
    a photo, at the foot of a band) keep to the same grid."""
    # Only narrow corridors: the white of a margin is no gutter, nor is a
    # light patch of a picture (photos are blanked out of the text ink).
    wide = _open_along(corridors, (max(3, int(2.5 * body)), 1))
    narrow = cv2.bitwise_and(corridors, cv2.bitwise_not(wide))
    for photo in photos:
        p = photo.expand(body)
        narrow[max(0, int(p.y0)) : int(p.y1), max(0, int(p.x0)) : int(p.x1)] = 0
    grid = np.count_nonzero(narrow, axis=0) >= 20 * body
    # A river of word spaces lines up for a few lines only, and is narrower
    # than the page's real gutters, which all have the same width.
    runs = _runs(grid, join=max(1, int(0.2 * body)))
    widest = max((x1 - x0 for x0, x1 in runs), default=0)
    keep = np.zeros_like(grid)
    for x0, x1 in runs:
        if x1 - x0 >= 0.6 * widest:
            keep[x0:x1] = True
    return keep


def _runs(flags: np.ndarray, join: int) -> list[tuple[int, int]]:
    edges = np.flatnonzero(np.diff(np.r_[0, flags.astype(np.int8), 0]))
    runs: list[tuple[int, int]] = []
    for x0, x1 in zip(edges[::2], edges[1::2], strict=True):
        if runs and x0 - runs[-1][1] <= join:
            runs[-1] = (runs[-1][0], int(x1))
        else:
            runs.append((int(x0), int(x1)))
    return runs


def gutters(text_ink: np.ndarray, em: float) -> np.ndarray:
    """White vertical corridors at least half an em wide and a few lines tall.

    Word spaces never line up for several lines; the space between columns
    does, even under a headline that spans them.
    """
    free = cv2.bitwise_not(text_ink)
    tall = cv2.morphologyEx(
        free, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, int(em * 9)))
    )
    wide = cv2.morphologyEx(
        tall, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(2, int(em * 0.5)), 1))
    )
    return wide


def group_lines(lines: list[Box], h_rules: list[Box], body: float) -> list[Block]:
    """Stack lines into blocks: same column, same type size, normal leading."""
    blocks: list[Block] = []
    active: list[Block] = []
    for line in sorted(lines, key=lambda b: (b.y0, b.x0)):
        active = [b for b in active if b.last.y1 > line.y0 - 3 * max(body, line.height)]
        best, best_gap = None, None
        for block in active:
            gap = _joinable_gap(block, line, h_rules, body)
            if gap is not None and (best_gap is None or gap < best_gap):
                best, best_gap = block, gap
        if best is None:
            blocks.append(Block([line]))
            active.append(blocks[-1])
        else:
            best.add(line)
    return blocks


def merge_overlapping_blocks(blocks: list[Block]) -> list[Block]:
    """Blocks that overlap would be read twice: each pair becomes one block."""
    blocks = sorted(blocks, key=lambda b: (b.box.y0, b.box.x0))
    changed = True
    while changed:
        changed = False
        for i, a in enumerate(blocks):
            for j in range(i + 1, len(blocks)):
                b = blocks[j]
                if b.box.y0 > a.box.y1:
                    break
                inter = a.box.x_overlap(b.box) * a.box.y_overlap(b.box)
                smaller = min(a.box.area, b.box.area)
                similar = 0.67 <= a.line_height / b.line_height <= 1.5
                if inter > (0.2 if similar else 0.5) * smaller:
                    merged = Block(a.lines + b.lines)
                    blocks[i] = merged
                    del blocks[j]
                    changed = True
                    break
            if changed:
                break
    return blocks


def _joinable_gap(block: Block, line: Box, h_rules: list[Box], body: float) -> float | None:
    last = block.last
    gap = line.y0 - last.y1
    size = block.line_height
    same_row = line.y_overlap(last) >= 0.5 * min(last.height, line.height)
    if same_row and block.box.expand(0.5 * size).x_overlap(line) >= 0.9 * line.width:
        return 0.0  # another piece of the block's last line
    if gap < -0.5 * min(size, line.height) or gap > 0.9 * max(size, line.height):
        return None
    if not 0.75 <= line.height / size <= 1.33:
        return None
    # An indented first line over a short last one ("…关" / "键期。") overlaps
    # little, but the short line starts at the column edge just left of it.
    under_indent = 0 <= block.box.x0 - line.x0 <= 2.5 * size and line.x1 > block.box.x0
    apart = last.x_overlap_ratio(line) < 0.5 and block.box.x_overlap_ratio(line) < 0.5
    if apart and not under_indent:
        return None
    if any(
        r.x_overlap(line) > 0.3 * line.width and last.y1 - 2 <= r.cy <= line.y0 + 2 for r in h_rules
    ):
        return None
    if block.leading is not None and gap > block.leading + 0.6 * size:
        return None  # a wider space than this block's leading ends the block
    return gap


def stroke_width(ink: np.ndarray, box: Box) -> float:
    """Mean stroke thickness of the ink in a box: a stroke of width w and
    length L has area wL and about 2L boundary pixels."""
    crop = ink[int(box.y0) : int(box.y1), int(box.x0) : int(box.x1)]
    area = cv2.countNonZero(crop)
    if area == 0:
        return 0.0
    boundary = area - cv2.countNonZero(cv2.erode(crop, np.ones((3, 3), np.uint8)))
    return 2.0 * area / max(1, boundary)


def _mark_bold_heads(
    blocks: list[Block], ink: np.ndarray, body: float, settings: LayoutSettings
) -> None:
    """Small headlines are set barely larger than the body but bold: a short
    block of somewhat larger type with clearly heavier strokes is one."""
    plain = [b for b in blocks if len(b.lines) >= 3 and abs(b.line_height - body) < 0.15 * body]
    if not plain:
        return
    body_stroke = float(np.median([stroke_width(ink, b.box) for b in plain]))
    low, high = settings.bold_headline_ratio * body, settings.headline_ratio * body
    for block in blocks:
        if len(block.lines) > 3 or not low <= block.line_height < high:
            continue
        # Larger type has thicker strokes too: bold is thick for its size.
        size = block.line_height / body
        if stroke_width(ink, block.box) >= settings.bold_stroke_ratio * body_stroke * size:
            block.kind = RegionType.HEADLINE


def classify_blocks(
    blocks: list[Block],
    photos: list[Box],
    h_rules: list[Box],
    body: float,
    settings: LayoutSettings,
    content: tuple[int, int, int, int],
) -> None:
    for block in blocks:
        if block.line_height >= settings.headline_ratio * body:
            block.kind = RegionType.HEADLINE
    _mark_running_heads(blocks, h_rules, body, content)
    for photo in photos:
        for block in _caption_of(photo, blocks, body):
            block.kind = RegionType.CAPTION
    _join_caption_pieces(blocks, body)


def find_adverts(
    shape: tuple[int, ...], rules: list[Box], blocks: list[Block], photos: list[Box], body: float
) -> list[Box]:
    """Boxes ruled all round that hold display type or pictures but no run of
    body text: advertisements. Their blocks leave the article flow."""
    adverts = []
    for frame in ruled_frames(shape, rules, body):
        inside = [b for b in blocks if _within(b.box, frame, body)]
        pictures = [p for p in photos if _within(p, frame, body)]
        body_lines = sum(
            len(b.lines) for b in inside if b.kind == RegionType.TEXT and len(b.lines) >= 4
        )
        display = sum(1 for b in inside if b.line_height > 1.3 * body)
        if (inside or pictures) and body_lines < 4 and (display or pictures):
            adverts.append(frame)
            for b in inside:
                b.kind = RegionType.ADVERTISEMENT
    return adverts


def ruled_frames(shape: tuple[int, ...], rules: list[Box], body: float) -> list[Box]:
    """Rectangles closed on four sides by rules, at least a few lines each way."""
    mask = np.zeros(shape[:2], np.uint8)
    grow = max(1, int(0.3 * body))
    for r in rules:
        cv2.rectangle(
            mask,
            (int(r.x0) - grow, int(r.y0) - grow),
            (int(r.x1) + grow, int(r.y1) + grow),
            255,
            -1,
        )
    contours, hierarchy = cv2.findContours(mask, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    frames = []
    if hierarchy is None:
        return frames
    for contour, (_, _, _, parent) in zip(contours, hierarchy[0], strict=True):
        if parent < 0:
            continue  # an outer edge, not a hole
        x, y, w, h = cv2.boundingRect(contour)
        if w < 6 * body or h < 3 * body or cv2.contourArea(contour) < 0.9 * w * h:
            continue
        frames.append(
            Box(float(x - grow), float(y - grow), float(x + w + grow), float(y + h + grow))
        )
    return frames


def _within(box: Box, frame: Box, body: float) -> bool:
    return frame.expand(0.5 * body).contains_point(box.x0, box.y0) and frame.expand(
        0.5 * body
    ).contains_point(box.x1, box.y1)


def _join_caption_pieces(blocks: list[Block], body: float) -> None:
    """A caption line cut at a wide space (before the photographer's name) is one caption."""
    joined = True
    while joined:
        joined = False
        captions = [b for b in blocks if b.kind == RegionType.CAPTION]
        for left, right in itertools.permutations(captions, 2):
            same_rows = left.box.y_overlap(right.box) > 0.5 * min(left.box.height, right.box.height)
            if same_rows and -0.5 * body <= right.box.x0 - left.box.x1 < 4 * body:
                for line in right.lines:
                    left.add(line)
                blocks.remove(right)
                joined = True
                break


def _mark_running_heads(
    blocks: list[Block], h_rules: list[Box], body: float, content: tuple[int, int, int, int]
) -> None:
    cx0, cy0, cx1, cy1 = content
    width, height = cx1 - cx0, cy1 - cy0
    long_rules = [r for r in h_rules if r.width > 0.5 * width]
    top_rules = [r for r in long_rules if r.cy < cy0 + 0.15 * height]
    bottom_rules = [r for r in long_rules if r.cy > cy1 - 0.12 * height]
    top_cut = min((r.cy for r in top_rules), default=None)
    bottom_cut = max((r.cy for r in bottom_rules), default=None)
    if top_cut is None:
        top_cut = _isolated_band_edge(blocks, cy0, body, from_top=True)
    if bottom_cut is None:
        bottom_cut = _isolated_band_edge(blocks, cy1, body, from_top=False)
    for block in blocks:
        if (top_cut is not None and block.box.y1 <= top_cut) or (
            bottom_cut is not None and block.box.y0 >= bottom_cut
        ):
            block.kind = RegionType.RUNNING_HEAD


def _isolated_band_edge(
    blocks: list[Block], edge: float, body: float, from_top: bool
) -> float | None:
    """Without a rule, a single thin line of type at the very top (or foot),
    set apart by white space, is the running head (or foot)."""
    if not blocks:
        return None
    ordered = sorted(blocks, key=lambda b: b.box.y0 if from_top else -b.box.y1)
    first = ordered[0]
    if len(first.lines) > 1 or first.line_height > 1.5 * body:
        return None
    band = [b for b in blocks if b.box.y_overlap(first.box) > 0.5 * first.box.height]
    rest = [b for b in blocks if b not in band]
    if not rest:
        return None
    if from_top:
        limit = max(b.box.y1 for b in band)
        nxt = min(b.box.y0 for b in rest)
        return (
            limit + 1 if nxt - limit > 0.8 * body and abs(first.box.y0 - edge) < 4 * body else None
        )
    limit = min(b.box.y0 for b in band)
    nxt = max(b.box.y1 for b in rest)
    return limit - 1 if limit - nxt > 0.8 * body and abs(edge - first.box.y1) < 4 * body else None


def _caption_of(photo: Box, blocks: list[Block], body: float) -> list[Block]:
    """The short block nearest a photo, under or over it (and any other piece
    of the same caption line). One photo, one caption: the body text that
    happens to follow the caption is not a second one."""
    scored = []
    for block in blocks:
        if block.kind != RegionType.TEXT or len(block.lines) > 4:
            continue
        if block.box.x_overlap(photo) < 0.6 * block.box.width:
            continue
        gap = min(
            (g for g in (block.box.y0 - photo.y1, photo.y0 - block.box.y1) if g >= -0.2 * body),
            default=None,
        )
        if gap is not None and gap <= 1.5 * body:
            scored.append((gap, block))
    if not scored:
        return []
    _, nearest = min(scored, key=lambda item: item[0])
    return [
        b
        for _, b in scored
        if b.box.y_overlap(nearest.box) > 0.5 * min(b.box.height, nearest.box.height)
    ]


def find_columns(
    blocks: list[Block], body: float, count: int | None = None
) -> list[tuple[int, int]]:
    """Column x-ranges from where body blocks start and end; ``count`` (an
    archivist's override) forces that many equal columns over the body text
    when the detected ones disagree."""
    body_blocks = [b for b in blocks if b.kind == RegionType.TEXT and len(b.lines) >= 3]
    if not body_blocks:
        return []
    widths = np.array([b.box.width for b in body_blocks])
    unit = float(np.median(widths))
    single = [b for b in body_blocks if b.box.width < 1.4 * unit]
    starts: list[list[float]] = []
    for b in sorted(single, key=lambda b: b.box.x0):
        if starts and b.box.x0 - np.mean(starts[-1]) < 0.5 * unit:
            starts[-1].append(b.box.x0)
        else:
            starts.append([b.box.x0])
    cols = []
    for group in starts:
        x0 = float(np.median(group))
        ends = [b.box.x1 for b in single if abs(b.box.x0 - x0) < 0.5 * unit]
        cols.append((int(x0), int(np.median(ends))))
    if count and len(cols) != count:
        return _even_columns(body_blocks, count, body)
    return cols


def _even_columns(blocks: list[Block], count: int, body: float) -> list[tuple[int, int]]:
    left = min(b.box.x0 for b in blocks)
    right = max(b.box.x1 for b in blocks)
    gutter = body  # a newspaper gutter is about one body line high
    width = (right - left - (count - 1) * gutter) / count
    return [
        (int(left + i * (width + gutter)), int(left + i * (width + gutter) + width))
        for i in range(count)
    ]


def _to_regions(page: NewspaperPage, layout: Layout) -> list[Region]:
    scan_size = (page.width, page.height)
    items: list[tuple[RegionType, Box, float | None, list[Box]]] = []
    advert_lines = _advert_lines(layout)
    # An advertisement is one region, read as a whole; its pieces are not listed.
    items += [
        (RegionType.PHOTO, p, None, _picture_lines(p, layout))
        for p in layout.photos
        if not any(_within(p, a, layout.body) for a in layout.adverts)
    ]
    items += [(RegionType.SEPARATOR, r, None, []) for r in layout.h_rules + layout.v_rules]
    items += [
        (b.kind, b.box, b.line_height, [d for ln in b.lines for d in layout.detected_of[id(ln)]])
        if layout.detected_of
        else (b.kind, b.box, b.line_height, [])
        for b in layout.blocks
        if b.kind != RegionType.ADVERTISEMENT
    ]
    items += [
        (RegionType.ADVERTISEMENT, a, None, advert_lines[i]) for i, a in enumerate(layout.adverts)
    ]
    items.sort(key=lambda it: (it[1].y0, it[1].x0))
    regions = []
    for n, (kind, box, line_h, lines) in enumerate(items, start=1):
        bbox, polygon = page.geometry.box_to_scan(box.as_tuple(), scan_size)
        regions.append(
            Region(
                id=f"r{n:03d}",
                type=kind,
                bbox=bbox,
                polygon=polygon,
                work_bbox=tuple(round(v, 1) for v in box.as_tuple()),
                work_lines=[tuple(round(v, 1) for v in ln.as_tuple()) for ln in lines],
                line_height=round(line_h, 1) if line_h else None,
                column=_column_of(box, layout.columns),
                column_span=_column_span(box, layout.columns),
            )
        )
    return regions


def _picture_lines(photo: Box, layout: Layout) -> list[Box]:
    return [p.detected for p in layout.picture_text if photo.contains_point(p.ink.cx, p.ink.cy)]


def _advert_lines(layout: Layout) -> list[list[Box]]:
    """The detected lines each advertisement holds: its blocks' and its pictures'."""
    out: list[list[Box]] = [[] for _ in layout.adverts]
    if not layout.detected_of:
        return out
    for block in layout.blocks:
        if block.kind != RegionType.ADVERTISEMENT:
            continue
        for i, advert in enumerate(layout.adverts):
            if _within(block.box, advert, layout.body):
                out[i] += [d for ln in block.lines for d in layout.detected_of[id(ln)]]
                break
    for piece in layout.picture_text:
        for i, advert in enumerate(layout.adverts):
            if advert.contains_point(piece.ink.cx, piece.ink.cy):
                out[i] += piece.read_boxes()
                break
    return out


def _column_of(box: Box, columns: list[tuple[int, int]]) -> int | None:
    for i, (x0, x1) in enumerate(columns):
        if box.x_overlap(Box(x0, 0, x1, 1)) > 0.3 * (x1 - x0) or box.x0 < x1:
            return i
    return None


def _column_span(box: Box, columns: list[tuple[int, int]]) -> int:
    n = sum(1 for x0, x1 in columns if box.x_overlap(Box(x0, 0, x1, 1)) > 0.5 * (x1 - x0))
    return max(1, n)
