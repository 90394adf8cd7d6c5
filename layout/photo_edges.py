"""A photo's box drawn back off the lines of a column that it took in.

Photos are found as patches of ink closed over a body line or so
(``layout.photos.find_photos``); a column's last line set close over a
photo's top (or its first line under its foot) closes into the patch, and
its box takes the line in: read as the picture's own text, the line left
its story (頭條日報 of 18 February 2025, p1: "濟發展面臨一些困難和挑戰，"
under "習近平強調，當前民營經", 8 pixels over the photo).

Boxes are in working-image pixels; ``body`` is the body line height there.
"""

from __future__ import annotations

import numpy as np
from newsprint.layout.boxes import Box
from newsprint.layout.params.photos import PHOTO_TRIM
from newsprint.layout.params.type_size import TYPE_SIZE
from newsprint.layout.textlines import LinePiece


def off_column_lines(
    photos: list[Box], pieces: list[LinePiece], ink: np.ndarray, body: float
) -> list[Box]:
    """Each of ``photos`` with its top drawn down under the lines of a
    column that runs on into it from above, and its foot up over those of
    one that runs on out of it below (``column_lines_in``), where a row of
    paper runs under those lines, between them and the picture
    (``_paper_under``: a picture's own label or title stands on its ink);
    a photo left less than ``PHOTO_TRIM.min_height`` body lines high stays
    as it was. ``pieces``: the page's detected lines; ``ink``: H x W,
    nonzero = ink."""
    lines = [
        p.ink for p in pieces if not p.ink.runs_down and p.ink.height <= TYPE_SIZE.display * body
    ]
    out = []
    for photo in photos:
        top, foot = column_lines_in(photo, lines, body)
        if top and not _paper_under(ink, top, body, down=True):
            top = []
        if foot and not _paper_under(ink, foot, body, down=False):
            foot = []
        y0 = max([photo.y0] + [ln.y1 + PHOTO_TRIM.pad * body for ln in top])
        y1 = min([photo.y1] + [ln.y0 - PHOTO_TRIM.pad * body for ln in foot])
        keep = y1 - y0 >= PHOTO_TRIM.min_height * body
        out.append(Box(photo.x0, y0, photo.x1, y1) if keep else photo)
    return out


def _paper_under(ink: np.ndarray, lines: list[Box], body: float, down: bool) -> bool:
    """Whether, within ``PHOTO_TRIM.paper_reach`` body lines past the
    ``lines`` taken off a photo's top (down from them when ``down``, else
    up from those off its foot), a row across their width holds ink in at
    most ``PHOTO_TRIM.paper_share`` of its pixels."""
    reach = max(1, round(PHOTO_TRIM.paper_reach * body))
    if down:
        edge = int(np.ceil(max(ln.y1 for ln in lines)))
        a, b = edge, edge + reach
    else:
        edge = int(min(ln.y0 for ln in lines))
        a, b = edge - reach, edge
    x0 = max(0, int(min(ln.x0 for ln in lines)))
    x1 = min(ink.shape[1], int(np.ceil(max(ln.x1 for ln in lines))))
    rows = ink[max(0, a) : min(ink.shape[0], b), x0:x1]
    if not rows.size:
        return False
    return bool(((rows > 0).mean(axis=1) <= PHOTO_TRIM.paper_share).any())


def column_lines_in(photo: Box, lines: list[Box], body: float) -> tuple[list[Box], list[Box]]:
    """The lines (of ``lines``, body type across) that stand inside the
    photo's box at its top, each the next line of a column line over it
    outside the box, and those at its foot, each followed by a column line
    under it outside the box; up to ``PHOTO_TRIM.max_lines`` each, taken
    one by one from the edge inwards."""
    return _run_in(photo, lines, body, down=True), _run_in(photo, lines, body, down=False)


def _run_in(photo: Box, lines: list[Box], body: float, down: bool) -> list[Box]:
    P = PHOTO_TRIM
    taken: list[Box] = []
    # Only lines near the edge can run on into the photo.
    reach = (P.max_lines + 1) * 2 * body
    edge = photo.y0 if down else photo.y1
    lines = [ln for ln in lines if abs(ln.cy - edge) <= reach and ln.x_overlap(photo) > 0]
    outside = [ln for ln in lines if (ln.cy < photo.y0 if down else ln.cy > photo.y1)]
    for _ in range(P.max_lines):
        near = [
            ln
            for ln in lines
            if photo.x0 <= ln.cx <= photo.x1
            and ln.width <= P.max_width * photo.width
            and photo.y0 <= ln.cy <= photo.y1
            and ln not in taken
        ]
        found = [ln for ln in near if any(_next_line(o, ln, body, down) for o in outside + taken)]
        if not found:
            break
        taken.append(min(found, key=lambda ln: ln.cy if down else -ln.cy))
    return taken


def _next_line(first: Box, then: Box, body: float, down: bool) -> bool:
    """Whether ``then`` is ``first``'s next line in a column (down the page
    when ``down``, else up): within ``PHOTO_TRIM.leading`` body lines of it,
    over most of its width, one of its ends in line with ``first``'s
    (within ``PHOTO_TRIM.aligned`` body lines: a column's edge), in type of
    about its size."""
    gap = then.y0 - first.y1 if down else first.y0 - then.y1
    sizes = sorted((max(first.height, 1.0), max(then.height, 1.0)))
    return (
        -PHOTO_TRIM.leading * body <= gap <= PHOTO_TRIM.leading * body
        and first.x_overlap_ratio(then) >= PHOTO_TRIM.overlap
        and min(abs(first.x0 - then.x0), abs(first.x1 - then.x1)) <= PHOTO_TRIM.aligned * body
        and sizes[1] <= PHOTO_TRIM.size_ratio * sizes[0]
    )
