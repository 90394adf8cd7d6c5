"""Rules: long thin horizontal and vertical lines (column rules, cut-offs, frames),
dashed and dotted ones too.

Everything here is in working-image pixels and measured in the page's body
line height (``body``).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence

import cv2
import numpy as np
from newsprint.core.settings import LayoutSettings
from newsprint.layout.binarize import mask_of
from newsprint.layout.boxes import Box, true_runs
from newsprint.layout.display_strokes import character_of_display_type, stroke_of_display_type
from newsprint.layout.params.rules import (
    BROKEN_RUN,
    DASHES,
    LONE_DASH,
    PARALLEL_RULES,
    RULE_BESIDE_TYPE,
    RULE_IN_LINE,
    RULE_IN_PICTURE,
    RULES,
    SCRATCH,
    STEM_STACK,
)
from newsprint.layout.rule_tracks import follow_broken_rules

log = logging.getLogger(__name__)


def find_rules(
    ink: np.ndarray,
    em: float,
    settings: LayoutSettings,
    type_lines: list[Box] | None = None,
    full_size: bool = False,
    display_lines: Sequence[Box] = (),
) -> tuple[list[Box], list[Box], np.ndarray]:
    """Long thin horizontal and vertical lines (column rules, cut-offs, frames).

    ``ink``: the page's ink mask (H x W, 255 = ink); ``em``: the body line
    height in its pixels; ``type_lines``: the text detector's lines, where
    known (a run inside one is type); ``full_size``: never search at half
    resolution (a page enlarged for its small type: halving it would undo
    that); ``display_lines``: the detector's boxes of lines of display type
    across the page (a stroke of their characters, down or across, is no
    rule: ``layout.display_strokes``).
    Returns the horizontal rules, the vertical rules (boxes in ``ink``'s
    pixels) and a mask of both (H x W)."""
    # Rules are long: half the resolution finds them as well, four times faster.
    big = min(ink.shape) >= RULES.half_resolution_from_px
    scale = 2 if big and not full_size else 1
    small = _shrink(ink, scale)
    em_s = em / scale
    length = max(RULES.min_length_px // scale, int(settings.min_rule_length_lines * em_s))
    join = max(2, int(RULES.dash_join * em_s))
    # Dashed and dotted rules: only dash-shaped pieces are joined, so that
    # the aligned strokes of a line of type never pass for a rule.
    h_dashes, v_dashes = _dashes(
        small, em_s, length, min_dot=max(1, DASHES.min_dot_px // scale), straddle=scale - 1
    )
    # A thin column rule scanned through noise wavers by a pixel and has
    # pinholes; thickening across it and closing tiny gaps keeps it whole.
    # (Not for horizontal rules: the serifs along a line of type would pass.)
    widen = np.ones((1, RULES.pinhole_widen_px), np.uint8)
    across_v = _close_along(cv2.dilate(small, widen), (1, RULES.pinhole_close_px // scale + 1))
    horiz = cv2.bitwise_or(
        _open_along(small, (length, 1)),
        _open_along(_close_along(h_dashes, (join, 1)), (length, 1)),
    )
    dashed_v = _open_along(_close_along(v_dashes, (1, join)), (1, length))
    vert = cv2.bitwise_or(_open_along(across_v, (1, length)), dashed_v)
    # A rule straddling a cell boundary at half resolution measures a pixel
    # thicker there (a 7-pixel rule under the running head on 12-pixel type
    # is 4 half-resolution pixels: synthetic en-old-1003).
    straddle = scale - 1
    h_boxes = [
        b.scaled(scale)
        for b in _thin_components(horiz, em_s, horizontal=True, widened=straddle)
        if not _in_dark_area(small, b, em_s, horizontal=True) and not _along_type(small, b, em_s)
    ]
    h_boxes += _parallel_rules(horiz, ink, em, scale, h_boxes)
    h_boxes = [
        b
        for b in h_boxes
        if not _inside_type_lines(b, type_lines or [], em)
        and not _feet_of_type(ink, b, type_lines or [], em)
        and not character_of_display_type(ink, b, display_lines, em)
    ]
    h_boxes += _lone_dashes(ink, em, h_boxes)
    v_boxes = [
        b.scaled(scale)
        for b in _thin_components(
            vert, em_s, horizontal=False, widened=RULES.pinhole_widen_px - 1 + straddle
        )
        if not _in_dark_area(small, b, em_s, horizontal=False)
        and (_is_dashed(dashed_v, b) or _runs_through_line_gaps(ink, b.scaled(scale), em))
    ]
    # A headline's stroke is dropped before broken rules are followed: a
    # stroke followed down through the body under it is a rule no more.
    v_boxes = [b for b in v_boxes if not stroke_of_display_type(ink, b, display_lines, em)]
    v_boxes = follow_broken_rules(ink, v_boxes, em, h_boxes, type_lines, display_lines)
    v_boxes = [b for b in v_boxes if not _type_runs_through(ink, b, type_lines or [], em)]
    pad = max(1, int(em * RULES.mask_pad))
    return h_boxes, v_boxes, rules_mask(ink.shape, h_boxes + v_boxes, pad)


def _parallel_rules(
    horiz: np.ndarray, ink: np.ndarray, em: float, scale: int, found: list[Box]
) -> list[Box]:
    """Double and triple rules across the page (a thick and a thin rule a
    hairline apart, as under a masthead) that ``horiz`` (at 1/``scale``
    size) shows as one bar too thick for a rule: at full size (``ink``)
    its rows are two or three strokes, each thin enough for a rule
    (``RULES.max_thickness``), parted by paper (``PARALLEL_RULES``). Levelled
    exactly, the double rule under the running head of generated en-old-5000
    was one 5-pixel bar at half size and was lost, and the running head with
    it; tilted by 0.12 degrees it had passed as one thin rule."""
    P = PARALLEL_RULES
    _, _, stats, _ = cv2.connectedComponentsWithStats(horiz, connectivity=8)
    out = []
    for x, y, w, h, _area in stats[1:]:
        box = Box(float(x), float(y), float(x + w), float(y + h)).scaled(scale)
        if box.width < RULES.mean_thickness_from_length * em or any(
            f.x_overlap(box) > 0 and f.y_overlap(box) > 0 for f in found
        ):
            continue
        y0, y1 = max(0, int(box.y0) - scale), min(ink.shape[0], int(box.y1) + scale)
        rows = np.count_nonzero(ink[y0:y1, int(box.x0) : int(box.x1)], axis=1)
        strokes = true_runs(rows >= P.stroke_share * box.width)
        if not P.min_strokes <= len(strokes) <= P.max_strokes:
            continue
        gaps = [rows[a:b] for (_, a), (b, _) in itertools.pairwise(strokes)]
        thin = all(b - a <= RULES.max_thickness * em for a, b in strokes)
        parted = all(g.size and g.min() <= P.gap_share * box.width for g in gaps)
        if thin and parted:
            out.append(Box(box.x0, float(y0 + strokes[0][0]), box.x1, float(y0 + strokes[-1][1])))
    return out


def _lone_dashes(ink: np.ndarray, em: float, found: list[Box]) -> list[Box]:
    """Dashes standing alone between two stories of a column, that the rule
    search (``found``) missed: a thin horizontal stroke at least
    ``LONE_DASH.min_length`` body lines long, its wear closed, with paper
    above, below and on either side of it (``LONE_DASH.white``, ``clear``).
    19th-century papers part short items by such a dash, often a sixth of
    the column or less (synthetic en-old-1001: 55 pixels of a 313-pixel
    column, under the 4 body lines a rule needs); one long enough for a rule
    but worn into pieces is missed there too (horizontal rules are not
    closed: the serifs along a line of type would pass; synthetic
    en-old-5001: a 105-pixel dash in eight pieces)."""
    P = LONE_DASH
    # A closing of width k fills gaps of k - 1 pixels: the wear is closed up to its length.
    closed = _close_along(ink, (max(2, round(P.join * em)) + 1, 1))
    _, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    w, h = stats[:, 2], stats[:, 3]
    thin = (h <= P.max_thickness_px) & (w >= P.min_length * em)
    candidates = np.flatnonzero(thin)
    white, clear = round(P.white * em), round(P.clear * em)
    out = []
    for n in candidates[candidates > 0]:
        x, y, cw, ch = (int(v) for v in stats[n, :4])
        dash = Box(x, y, x + cw, y + ch)
        if any(f.x_overlap(dash) > 0 and f.y_overlap(dash) > 0 for f in found):
            continue
        y0, y1 = max(0, y - white), min(ink.shape[0], y + ch + white)
        x0, x1 = max(0, x - clear), min(ink.shape[1], x + cw + clear)
        around = np.count_nonzero(ink[y0:y1, x0:x1]) - np.count_nonzero(ink[y : y + ch, x : x + cw])
        if around <= P.speck_share * ((y1 - y0) * (x1 - x0) - ch * cw):
            out.append(dash)
    return out


def rules_mask(
    shape: tuple[int, ...],
    rules: list[Box],
    pad: int,
    ink: np.ndarray | None = None,
    em: float | None = None,
) -> np.ndarray:
    """A mask (``shape``'s height and width, 255 on a rule) of ``rules``,
    each grown by ``pad`` pixels on every side.

    A rule's box is the rule where the rule is level and thin. One printed
    or scanned aslant has a box much thicker than its stroke, and the type
    beside it lies inside that box (NZZ 1900: the rule under the head drops
    55 px across 3,500, its box 70 px tall; the first line of a column under
    its high end was taken for rule and dropped). Given ``ink`` (H x W, 255
    = ink) and ``em`` (the body line height in its pixels), a horizontal
    rule whose box is thicker than ``RULES.aslant_from`` ems is masked along
    its own ink: strip by strip along it (``RULES.aslant_strip`` ems long),
    the rows of the box that its ink fills across (``RULES.aslant_fill``),
    grown by ``pad``; a strip where no row is filled so (a dotted, worn or
    broken stretch) is masked as its part of the box. Raises ValueError for
    ``ink`` without a positive ``em``."""
    if ink is not None and not (em and em > 0):
        raise ValueError("rules_mask: ink given without the body line height em")
    mask = np.zeros(shape[:2], np.uint8)
    for b in rules:
        if ink is not None and em and b.width >= b.height > RULES.aslant_from * em:
            _mask_along_ink(mask, ink, b, pad, max(8, int(RULES.aslant_strip * em)))
            continue
        y0, x0 = max(0, int(b.y0) - pad), max(0, int(b.x0) - pad)
        mask[y0 : int(b.y1) + pad, x0 : int(b.x1) + pad] = 255
    return mask


def _mask_along_ink(mask: np.ndarray, ink: np.ndarray, rule: Box, pad: int, strip: int) -> None:
    """Set in ``mask`` the rows of the horizontal ``rule``'s box that its ink
    fills across, strip by strip (``strip`` pixels long, a short last piece
    joined to the strip before it), each grown by ``pad``; a strip with no
    such row, all its part of the box."""
    height, width = ink.shape[:2]
    x0, y0 = max(0, int(rule.x0)), max(0, int(rule.y0))
    x1, y1 = min(width, int(np.ceil(rule.x1))), min(height, int(np.ceil(rule.y1)))
    if x1 <= x0 or y1 <= y0:
        return
    crop = ink[y0:y1, x0:x1] > 0
    top, left = max(0, y0 - pad), max(0, x0 - pad)
    bottom, right = min(height, y1 + pad), min(width, x1 + pad)
    on = np.zeros((bottom - top, right - left), np.uint8)
    inside = on[y0 - top : y1 - top, x0 - left : x1 - left]
    length = crop.shape[1]
    bounds = list(range(0, length, strip))[1:]
    if bounds and length - bounds[-1] < strip // 2:
        bounds.pop()
    for a, z in itertools.pairwise([0, *bounds, length]):
        rows = crop[:, a:z].mean(axis=1) >= RULES.aslant_fill
        inside[:, a:z] = 255 if not rows.any() else rows[:, None].astype(np.uint8) * 255
    if pad:
        on = cv2.dilate(on, np.ones((2 * pad + 1, 2 * pad + 1), np.uint8))
    window = mask[top:bottom, left:right]
    np.maximum(window, on, out=window)


def runs_beside(
    rule: Box,
    line: Box,
    overlap: float,
    v_rules: Sequence[Box] = (),
    reach: float = -1.0,
    span: float = 0.0,
) -> bool:
    """Whether the vertical ``rule`` runs down past ``line``'s rows: over
    ``overlap`` of the line's height; or it breaks off ``reach`` pixels or
    less short of the line and goes on past it (another of ``v_rules`` at its
    x starts again within ``span`` pixels on the line's other side). A worn
    rule's pieces end ragged, short of a line read across the break between
    them; a rule that only starts under a line (a caption over two columns,
    a photo above it) does not part it. -1: never by ``reach``. Boxes in one
    image's pixels."""
    if rule.y_overlap(line) >= overlap * line.height:
        return True
    if rule.y1 <= line.cy:
        short, ahead = line.y0 - rule.y1, lambda o: o.y0 >= line.cy and o.y0 - line.y1 <= span
    else:
        short, ahead = rule.y0 - line.y1, lambda o: o.y1 <= line.cy and line.y0 - o.y1 <= span
    if short > reach:
        return False
    slack = max(2.0, rule.width)
    return any(o is not rule and abs(o.cx - rule.cx) <= slack and ahead(o) for o in v_rules)


def _along_type(ink: np.ndarray, rule: Box, em: float) -> bool:
    """A short run along the foot or head of a line of small, heavy type (its
    serifs run together, more so at half resolution) is no rule: the line's
    letters stand against it all along one side, where a cut-off rule has
    white above and below. A long rule keeps its place whatever is near it
    (the second rule of a double rule lies close along it)."""
    if rule.width >= RULE_BESIDE_TYPE.keep_from_length * em:
        return False
    side = max(2, int(RULE_BESIDE_TYPE.band * em))
    x0, y0, x1, y1 = (int(v) for v in rule.as_tuple())
    # Read a pixel clear of the run: a thin rule's own grey fringe is no letter
    # (a 1-pixel cut-off rule on en-old-1003 was "type" by its fringe).
    y0, y1 = y0 - 1, y1 + 1
    for band in (ink[max(0, y0 - side) : max(0, y0), x0:x1], ink[y1 : y1 + side, x0:x1]):
        if band.size and np.mean(band.max(axis=0) > 0) > RULE_BESIDE_TYPE.lettered_share:
            return True
    return False


def _type_runs_through(ink: np.ndarray, rule: Box, lines: list[Box], em: float) -> bool:
    """Whether the detector's lines of type (``lines``, across the page) run
    straight through a vertical stroke: nearly all of those that come near it
    go on past both its sides, their letters against it. A column rule parts
    two columns: most lines end at it, and where the detector joins some
    across a thin one, a hairline of white stands between the rule and the
    type; a scratch or a crease down a microfilmed page runs through the
    middle of the words (NCSE's NS2 1843 p4: a scratch down its fifth column,
    found as a rule, cut each of 191 lines in two, and the column was read
    as its left halves, then its right). ``ink``: H x W, nonzero = ink."""
    P = SCRATCH
    reach = P.reach * em
    beside = [
        line
        for line in lines
        if line.width > 2 * line.height
        and line.y1 > rule.y0
        and line.y0 < rule.y1
        and line.x0 < rule.x1 + reach
        and line.x1 > rule.x0 - reach
    ]
    if len(beside) < P.min_lines:
        return False
    across = [line for line in beside if line.x0 < rule.x0 - reach and line.x1 > rule.x1 + reach]
    if len(across) < P.across_share * len(beside):
        return False
    flank = max(1, round(P.flank * em))
    x0, x1 = int(rule.x0), int(np.ceil(rule.x1))
    touched = 0
    for line in across:
        y0, y1 = max(int(line.y0), int(rule.y0)), min(int(np.ceil(line.y1)), int(np.ceil(rule.y1)))
        sides = (ink[y0:y1, max(0, x0 - flank) : x0], ink[y0:y1, x1 : x1 + flank])
        touched += any(side.size and np.count_nonzero(side) for side in sides)
    return touched >= P.touched_share * len(across)


def _inside_type_lines(rule: Box, lines: list[Box], em: float) -> bool:
    """Whether a horizontal run lies inside a detected line of type, well
    within its height, and is narrower than it or as thick as an x-height:
    the x-height of heavy type run solid, no rule."""
    P = RULE_IN_LINE
    return any(
        line.y0 + P.middle * line.height <= rule.cy <= line.y1 - P.middle * line.height
        and line.x0 <= rule.cx <= line.x1
        and (rule.width < P.max_width_share * line.width or rule.height >= P.x_height * em)
        for line in lines
    )


def _feet_of_type(ink: np.ndarray, rule: Box, lines: list[Box], em: float) -> bool:
    """Whether a horizontal run is broken (its rows inked over less than
    ``BROKEN_RUN.solid_share`` of its length) and lies inside the box of a
    detected line of type that reaches ``BROKEN_RUN.type_above`` body lines
    above it: the feet of the line's letters, that the dashed rule search
    joined, and no rule. A dashed cut-off stands in the white between two
    lines, or is boxed by the detector as a line of its own, no taller than
    itself. ``ink``: H x W, nonzero = ink; ``em``: the body line height."""
    above = BROKEN_RUN.type_above * em
    inside = any(
        line.x0 <= rule.cx <= line.x1 and line.y0 <= rule.y0 - above and rule.cy <= line.y1
        for line in lines
    )
    if not inside:
        return False
    x0, y0 = max(0, int(rule.x0)), max(0, int(rule.y0))
    x1, y1 = int(np.ceil(rule.x1)), max(y0 + 1, int(np.ceil(rule.y1)))
    run = ink[y0:y1, x0:x1]
    return bool(run.size) and np.mean(run.max(axis=0) > 0) < BROKEN_RUN.solid_share


def _in_dark_area(ink: np.ndarray, rule: Box, em: float, horizontal: bool) -> bool:
    """A rule stands on paper; a dark streak inside a picture, or the stems
    of close-set letters lined up down a few lines of type, has ink on both
    sides of it. A long column rule set tight against the type of both
    columns (old pages, no gutter) has ink on both sides too, but in lines:
    many of the rows beside it are white (the space between lines), where a
    picture leaves few; and it runs down many more lines than stems line up."""
    P = RULE_IN_PICTURE
    side = max(2, int(P.band * em))
    x0, y0, x1, y1 = (int(v) for v in rule.as_tuple())
    if horizontal:
        before, after = ink[max(0, y0 - side) : y0, x0:x1].T, ink[y1 : y1 + side, x0:x1].T
    else:
        before, after = ink[y0:y1, max(0, x0 - side) : x0], ink[y0:y1, x1 : x1 + side]
    if not all(
        part.size and np.count_nonzero(part) > P.inked_share * part.size for part in (before, after)
    ):
        return False
    between_lines = all(
        np.mean(np.count_nonzero(p, axis=1) == 0) >= P.white_rows_share for p in (before, after)
    )
    return not (between_lines and max(rule.width, rule.height) >= P.tight_rule_from_length * em)


def _is_dashed(dashed: np.ndarray, rule: Box) -> bool:
    """Whether a vertical rule was found as dashes or dots (``dashed``: the
    mask of joined dashes), in half its length or more."""
    x0, y0, x1, y1 = (int(v) for v in rule.as_tuple())
    rows = dashed[y0:y1, x0:x1]
    return bool(rows.size) and np.mean(rows.max(axis=1) > 0) >= 0.5


def _runs_through_line_gaps(ink: np.ndarray, rule: Box, em: float) -> bool:
    """Whether a vertical rule's stroke goes on through the white between the
    lines of type beside it. The stems of heavy 1-bit type (l, d, h, p, and
    capitals down an even left edge) line up down 5-12 lines into a thin
    vertical streak that the pinhole close joins across the gaps between
    lines, and cutting lines there loses letters ("sq are-foot": synthetic
    en-old-1003). Such a streak stops at every gap, where a rule, even worn,
    is inked on. ``rule`` in the pixels of ``ink``; ``em``: body line height
    there."""
    P = STEM_STACK
    x0, y0, x1, y1 = (int(v) for v in rule.as_tuple())
    x0, x1 = max(0, x0 - P.core_pad_px), x1 + P.core_pad_px
    side = max(2, int(P.band * em))
    core = ink[y0:y1, x0:x1].max(axis=1) > 0
    left = ink[y0:y1, max(0, x0 - side) : x0]
    right = ink[y0:y1, x1 : x1 + side]
    gaps = np.ones(y1 - y0, bool)
    for band in (left, right):
        if band.shape[1]:
            gaps &= band.max(axis=1) == 0
    if gaps.sum() < P.min_gap_rows * max(1, y1 - y0):
        return True
    return bool(np.mean(core[gaps]) >= P.inked_share)


def _shrink(mask: np.ndarray, scale: int) -> np.ndarray:
    """A binary mask at 1/scale size: a cell is ink when any of its pixels is."""
    if scale == 1:
        return mask
    h, w = mask.shape[0] // scale * scale, mask.shape[1] // scale * scale
    cells = mask[:h, :w].reshape(h // scale, scale, w // scale, scale)
    return cells.max(axis=(1, 3))


def _dashes(
    ink: np.ndarray, em: float, length: int, min_dot: int = DASHES.min_dot_px, straddle: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the dash-shaped pieces of ``ink`` lying across and down (and
    of dots, in both). ``straddle``: pixels a piece may measure thicker at
    reduced resolution (a 2-pixel dash straddling a cell boundary at half
    resolution is 2 cells thick: the worn cut-off rule of synthetic
    en-old-5001, 1 pixel a cell at half resolution where unbroken)."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    w, h = stats[:, 2], stats[:, 3]
    thin, short = DASHES.max_thickness * em + straddle, DASHES.max_length * em
    dots = (w <= DASHES.max_dot * em) & (h <= DASHES.max_dot * em) & (w >= min_dot) & (h >= min_dot)
    horizontal = ((h <= thin) & (w >= DASHES.min_length * em) & (w <= short)) | dots
    # Type has no hairline taller than a line and a half, so a broken
    # vertical rule's longer pieces are dashes too.
    vertical = ((w <= thin) & (h >= DASHES.min_length * em) & (h < length)) | dots
    horizontal[0] = vertical[0] = False
    return (
        mask_of(horizontal[labels]),
        mask_of(vertical[labels]),
    )


def _close_along(mask: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, size)
    return cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel)


def _open_along(mask: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, size)
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)


def _thin_components(mask: np.ndarray, em: float, horizontal: bool, widened: int = 0) -> list[Box]:
    """Components of ``mask`` thin enough to be rules; ``widened``: pixels
    the mask was thickened by across the rule (the pinhole close, the half
    resolution's rounding), not counted in its thickness (a 3-pixel column
    rule on a page of 12-pixel type, widened to 4 half-resolution pixels,
    measured as too thick: synthetic en-old-1003). A vertical component is
    measured, and boxed, by its core: the columns inked in half its rows or
    more (type set tight against a column rule joins it in a few rows, and
    would widen its box over the first letters of the column)."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for n, (x, y, w, h, area) in enumerate(stats[1:], start=1):
        if not horizontal and w > 1:
            x, w = _core_columns(labels[y : y + h, x : x + w] == n, x)
        thickness, length = (h, w) if horizontal else (w, h)
        thickness = max(1, thickness - widened)
        # A long rule scanned a little askew or wavering fills a wider box
        # than its stroke: its mean thickness is its area over its length
        # (the NZZ's double rule under the masthead, across 3,500 pixels,
        # rises 7 pixels from end to end). Across the page only: a shorter
        # dark band, such as the shaded foot of a photo, is judged by its box.
        long_enough = not horizontal or length >= RULES.mean_thickness_from_length * em
        thin = RULES.max_thickness * em
        if thickness <= thin or _heavy_and_solid(thickness, area / length, em):
            out.append(Box(float(x), float(y), float(x + w), float(y + h)))
        elif (
            long_enough and area / length <= thin and thickness <= thin + RULES.askew_rise * length
        ):
            if horizontal or length < RULES.askew_chain_from * em:
                out.append(Box(float(x), float(y), float(x + w), float(y + h)))
            else:
                sx, sy, sw, sh = stats[n][:4]
                component = labels[sy : sy + sh, sx : sx + sw] == n
                stroke = int(np.ceil(area / length)) + 1  # its mean thickness, a pixel's waver
                out += _askew_pieces(component, sx, sy, stroke)
        elif horizontal and h > 1:
            core = _core_rows(labels[y : y + h, x : x + w] == n, x, y)
            if core is not None and max(1.0, core.height - widened) <= thin:
                out.append(core)
    return out


def _core_rows(component: np.ndarray, x: int, y: int) -> Box | None:
    """The box of the rows of a horizontal ``component`` (its box, H x W
    bool, at ``x``, ``y``) inked across at least ``RULES.core_share`` of the
    fullest row, when they lie together and make at most half of its rows: a
    rule that a photo's top or foot touches along part of its length (the
    photo's dark rows survive the opening along the rule, and the whole
    measured too thick: the rule under a story's band on ECPO's 1921-01-15
    fold, the photo of Norma Talmadge set tight under a third of it). A band
    that is nearly all core is a bar or a frame too thick for a rule, as
    before (the frame over NZZ 1943's map, with its hatching: its order fell
    when it was taken for one). None otherwise."""
    counts = component.sum(axis=1)
    core = np.flatnonzero(counts >= RULES.core_share * counts.max())
    if core[-1] - core[0] + 1 > len(core) + 1 or 2 * (core[-1] - core[0] + 1) > len(counts):
        return None
    cols = np.flatnonzero(component[core[0] : core[-1] + 1].any(axis=0))
    return Box(
        float(x + cols[0]), float(y + core[0]), float(x + cols[-1] + 1), float(y + core[-1] + 1)
    )


def _heavy_and_solid(thickness: float, mean: float, em: float) -> bool:
    """Whether ink too thick for a thin rule is a heavy one (an advert's
    frame): up to ``RULES.max_heavy_thickness`` × body thick and solid, its
    ``mean`` thickness (area over length, pixels) ``RULES.heavy_solid`` of
    its box's ``thickness`` or more. A thin line slanting across a box as
    tall is no heavy rule."""
    return thickness <= RULES.max_heavy_thickness * em and mean >= RULES.heavy_solid * thickness


def _askew_pieces(component: np.ndarray, x: int, y: int, width: int) -> list[Box]:
    """A vertical rule that runs askew (``component``: its box, H x W bool, at
    ``x``, ``y``) as a chain of boxes down it, each at most ``width`` pixels
    wide: boxed whole, it covered the first letters of the column it drifts
    into (NCSE's Star of Freedom 1852 p14: its column rules lean 1.1° off
    the page's lines, 54 pixels over the page, and the lines beside them lost
    their first letters to the rule's box). Rows without ink go with the
    piece they fall in."""
    rows = np.flatnonzero(component.any(axis=1))
    left = np.argmax(component[rows], axis=1)
    right = component.shape[1] - 1 - np.argmax(component[rows, ::-1], axis=1)
    pieces: list[Box] = []
    start, lo, hi = 0, left[0], right[0]
    for i in range(1, len(rows) + 1):
        if i < len(rows) and max(hi, right[i]) - min(lo, left[i]) + 1 <= width:
            lo, hi = min(lo, left[i]), max(hi, right[i])
            continue
        top, bottom = rows[start], (rows[i - 1] + 1 if i == len(rows) else rows[i])
        pieces.append(Box(float(x + lo), float(y + top), float(x + hi + 1), float(y + bottom)))
        if i < len(rows):
            start, lo, hi = i, left[i], right[i]
    return pieces


def _core_columns(component: np.ndarray, x: int) -> tuple[int, int]:
    """The x and width of the columns of ``component`` (its box, H x W bool,
    starting at ``x``) inked in at least half as many rows as the fullest."""
    counts = component.sum(axis=0)
    core = np.flatnonzero(counts >= RULES.core_share * counts.max())
    return x + int(core[0]), int(core[-1] - core[0] + 1)


def with_borders(
    h_rules: list[Box], v_rules: list[Box], mask: np.ndarray, borders: list[Box], em: float
) -> tuple[list[Box], list[Box], np.ndarray]:
    """``find_rules``' rules and mask with borders of ornaments
    (``ornaments.find_borders``) added as rules: those across the page to
    the horizontal rules, those down it to the vertical ones. They are
    found and judged apart from the rules, whose tests for type (a run
    inside a detected line, a stroke of vertical type) a border boxed by
    the detector as a line would fail. Boxes and ``mask`` (H x W) in the
    pixels of the ink searched; ``em``: the body line height there."""
    across = [b for b in borders if b.width > b.height]
    down = [b for b in borders if b.height >= b.width]
    pad = max(1, int(em * RULES.mask_pad))
    mask = cv2.bitwise_or(mask, rules_mask(mask.shape, borders, pad))
    return h_rules + across, v_rules + down, mask
