"""Grey conversion and ink masks robust to paper tint and uneven light."""

from __future__ import annotations

import cv2
import numpy as np
from newsprint.layout.params.ink import INK, NEGATIVE, PAPER


def to_grey(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    return cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)


def flatten_background(grey: np.ndarray) -> np.ndarray:
    """Divide out the paper's illumination so one threshold fits the whole page."""
    h, w = grey.shape
    scale = max(1, max(h, w) // INK.background_width_px)
    small = cv2.resize(grey, (max(1, w // scale), max(1, h // scale)), interpolation=cv2.INTER_AREA)
    # A max filter wider than any glyph stroke sees only paper; the median
    # removes specks and photo highlights.
    bg = cv2.dilate(small, np.ones((INK.paper_filter_px, INK.paper_filter_px), np.uint8))
    bg = cv2.medianBlur(bg, INK.speck_filter_px)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)
    # grey / max(bg, 1) * 255 in float32, in place: a broadsheet's page is
    # 20 megapixels, and each temporary as many floats.
    flat = grey.astype(np.float32)
    paper = bg.astype(np.float32)
    np.maximum(paper, 1.0, out=paper)
    np.divide(flat, paper, out=flat)
    np.multiply(flat, np.float32(255.0), out=flat)
    np.clip(flat, 0, 255, out=flat)
    return flat.astype(np.uint8, order="C")


def is_bitonal(grey: np.ndarray) -> bool:
    """Whether an 8-bit grey image holds two values only (a 1-bit scan), judged
    on a grid of about ``INK.bitonal_samples`` samples each way."""
    rows, cols = grey.shape[0] // INK.bitonal_samples, grey.shape[1] // INK.bitonal_samples
    return np.unique(grey[:: max(1, rows), :: max(1, cols)]).size <= 2


def ink_mask(grey: np.ndarray, text_boxes: np.ndarray | None = None) -> np.ndarray:
    """255 where there is ink, 0 on paper (H x W, uint8, as ``grey``).

    The page is flattened (``flatten_background``) and thresholded by Otsu's
    method; where the text detector's line boxes are known (``text_boxes``:
    N x 4, x0 y0 x1 y1 in ``grey``'s pixels), never below Otsu's over their
    pixels alone, type against its paper: a page's photos and black bars
    pull a threshold over the whole page towards their dark, and light grey
    type (an e-paper page of the 2010 农民日报) fell on the paper's side of
    it, its lines cut at the white left in them (``_otsu``); and each line's
    box by Otsu over its own pixels where that is higher
    (``_light_lines_inked``)."""
    if is_bitonal(grey):  # no flattening needed
        return mask_of(grey < 128)
    flat = flatten_background(grey)
    thresh = _otsu(flat, text_boxes)
    # Otsu on a mostly-white page can land too close to paper; cap it.
    thresh = min(thresh, INK.max_threshold)
    # Flattening turns the middle of a wide dark border into "paper"; what is
    # dark in absolute terms is ink all the same.
    inked = (flat < thresh) | (grey < INK.dark_share * paper_level(grey))
    if text_boxes is not None:
        _light_lines_inked(inked, flat, text_boxes, thresh)
    return mask_of(inked)


def _light_lines_inked(
    inked: np.ndarray, flat: np.ndarray, text_boxes: np.ndarray, thresh: float
) -> None:
    """``inked`` (H x W, bool) with each text line's box thresholded again
    by Otsu's method over its own pixels, where that lands higher than the
    page's ``thresh`` by ``INK.lighter_by`` grey levels or more (never over
    ``INK.max_threshold``): a column printed lighter than the rest of the
    page keeps its letters whole. On the
    Evening Bulletin of Honolulu, 1912 (a grey microfilm, black headlines),
    the page's threshold of 162 left only the stems of a lightly inked
    column's letters, white between them in nearly every line at the same
    places; its lines were cut there into words and the words read apart
    (a line's own threshold: 196). Only pieces under the line's threshold
    that hold ink under the page's are kept (hysteresis): the letters grow
    from their dark strokes, and the print of the page's reverse showing
    through a box of little ink, with nothing under the page's threshold,
    stays paper. ``flat``: the flattened page; ``text_boxes``: N x 4, x0 y0
    x1 y1 in its pixels. A piece running through a box from its top row to
    its foot, little of it under the page's threshold
    (``INK.min_seed_share``), is grey paper the line's box crosses, not a
    letter: the shadow along a page's edge, grown from a few specks, made
    a bar that joined NZZ 1922-08-17's masthead rows into one line. Only
    what the page's threshold finds of it is ink. A light letter filling
    a tight box, or touching a rule across it, grows from strokes a good
    share of it, and is grown."""
    height, width = flat.shape
    for x0, y0, x1, y1 in np.asarray(text_boxes, dtype=np.float64).reshape(-1, 4):
        a, b = max(0, int(y0)), min(height, int(np.ceil(y1)))
        c, d = max(0, int(x0)), min(width, int(np.ceil(x1)))
        if b <= a or d <= c or (b - a) * (d - c) < INK.min_line_px:
            continue
        crop = flat[a:b, c:d]
        line = min(_otsu_level(crop), INK.max_threshold)
        if line < thresh + INK.lighter_by:
            continue  # type as dark as the page's: only its halo to add
        seeds = inked[a:b, c:d]
        if not seeds.any():
            continue
        count, labels, stats, _ = cv2.connectedComponentsWithStats(
            (crop < line).view(np.uint8), connectivity=8
        )
        seeded = np.bincount(labels[seeds], minlength=count)
        through = (stats[:, cv2.CC_STAT_TOP] == 0) & (stats[:, cv2.CC_STAT_HEIGHT] == b - a)
        faint = seeded < INK.min_seed_share * stats[:, cv2.CC_STAT_AREA]
        grown = (seeded > 0) & ~(through & faint)
        grown[0] = False
        seeds |= grown[labels]


def _otsu(flat: np.ndarray, text_boxes: np.ndarray | None) -> float:
    """Otsu's threshold of ``flat``; where ``text_boxes`` hold at least
    ``INK.min_text_share`` of the page, the higher of it and Otsu's over
    their pixels (a dark photo pulls the whole page's down below light grey
    type; where the page's is the higher, as on the ECPO folds, it stays).
    The boxes' pixels are sampled on a grid of about ``INK.text_samples``
    points (a broadsheet's 126 megapixels need no more for a histogram)."""
    page = _otsu_level(flat)
    if text_boxes is not None and len(text_boxes):
        h, w = flat.shape
        step = max(1, int(np.sqrt(h * w / INK.text_samples)))
        grid = flat[::step, ::step]
        inside = np.zeros(grid.shape, dtype=bool)
        for x0, y0, x1, y1 in np.asarray(text_boxes, dtype=np.float64).reshape(-1, 4) / step:
            inside[
                max(0, int(y0)) : max(0, int(np.ceil(y1))),
                max(0, int(x0)) : max(0, int(np.ceil(x1))),
            ] = True
        if inside.mean() >= INK.min_text_share:
            return max(page, _otsu_level(grid[inside]))
    return page


def _otsu_level(values: np.ndarray) -> float:
    """Otsu's threshold (0-255) of 8-bit grey ``values``, any shape."""
    pixels = np.ascontiguousarray(values).reshape(-1, 1)
    level, _ = cv2.threshold(pixels, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return float(level)


def mask_of(inked: np.ndarray) -> np.ndarray:
    """255 where ``inked`` (a bool array) is true, 0 elsewhere: uint8, C order,
    with no wider array on the way (``np.where(inked, 255, 0)`` makes an int64
    one, eight bytes a pixel of a 20-megapixel page). Raises TypeError for an
    array that is not bool."""
    if inked.dtype != np.bool_:
        raise TypeError(f"an ink mask is made from a bool array, not {inked.dtype}")
    return np.multiply(inked.view(np.uint8), np.uint8(255), order="C")


def paper_level(grey: np.ndarray) -> int:
    """The paper's grey level: the brightest common value."""
    step = PAPER.sample_step_px
    return int(np.percentile(grey[::step, ::step], PAPER.percentile))


def is_negative(grey: np.ndarray) -> bool:
    """Whether ``grey`` (8-bit, H x W) is a negative: light print on dark paper,
    as a microfilm negative scanned without inverting. Of the middle of the
    page, less than half is light and the median grey is near the dark end
    (``NEGATIVE``): on a positive the paper is light and most of the page; on
    a negative the paper is dark and the print, the lesser part, light. The
    layout measures dark ink on light paper, so such a page is read inverted
    (``ocr.orientation``), as Tesseract inverts a line it reads white on black."""
    grey = _without_dark_surround(grey)
    h, w = grey.shape
    dy, dx = int(NEGATIVE.inner * h), int(NEGATIVE.inner * w)
    middle = grey[dy : h - dy, dx : w - dx]
    step = max(1, min(middle.shape) // NEGATIVE.samples)
    values = middle[::step, ::step]
    if values.size == 0:
        return False
    dark, median, light = np.percentile(values, [1, 50, 99])
    if light - dark < NEGATIVE.min_contrast:
        return False  # a blank or washed-out page: nothing to tell
    light_share = float(np.mean(values > (dark + light) / 2))
    median_place = (median - dark) / (light - dark)
    return light_share <= NEGATIVE.max_light_share and median_place <= NEGATIVE.max_median_place


def _without_dark_surround(grey: np.ndarray) -> np.ndarray:
    """``grey`` less the rows and columns at its edges that are solid dark (nearly
    all darker than a tenth of the way from its darkest to its lightest): a
    positive page scanned in a microfilm frame or on a black scanner bed, the
    page a third of the frame, is not a negative. A negative's own rows and
    columns hold its light print, and stay."""
    step = max(1, min(grey.shape) // NEGATIVE.samples)
    sample = grey[::step, ::step]
    dark, light = np.percentile(sample, [1, 99])
    solid = sample <= dark + 0.1 * (light - dark)
    rows = np.flatnonzero(solid.mean(axis=1) < NEGATIVE.solid_share)
    cols = np.flatnonzero(solid.mean(axis=0) < NEGATIVE.solid_share)
    if rows.size == 0 or cols.size == 0:
        return grey
    return grey[rows[0] * step : (rows[-1] + 1) * step, cols[0] * step : (cols[-1] + 1) * step]
