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

from newsprint.layout.boxes import Box
from newsprint.layout.params.photos import PHOTO_TRIM
from newsprint.layout.params.type_size import TYPE_SIZE
from newsprint.layout.textlines import LinePiece


def off_column_lines(photos: list[Box], pieces: list[LinePiece], body: float) -> list[Box]:
    """Each of ``photos`` with its top drawn down under the lines of a
    column that runs on into it from above, and its foot up over those of
    one that runs on out of it below (``column_lines_in``); a photo left
    less than ``PHOTO_TRIM.min_height`` body lines high stays as it was.
    ``pieces``: the page's detected lines."""
    lines = [
        p.ink for p in pieces if not p.ink.runs_down and p.ink.height <= TYPE_SIZE.display * body
    ]
    out = []
    for photo in photos:
        top, foot = column_lines_in(photo, lines, body)
        y0 = max([photo.y0] + [ln.y1 + PHOTO_TRIM.pad * body for ln in top])
        y1 = min([photo.y1] + [ln.y0 - PHOTO_TRIM.pad * body for ln in foot])
        keep = y1 - y0 >= PHOTO_TRIM.min_height * body
        out.append(Box(photo.x0, y0, photo.x1, y1) if keep else photo)
    return out


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
    over most of its width, in type of about its size."""
    gap = then.y0 - first.y1 if down else first.y0 - then.y1
    sizes = sorted((max(first.height, 1.0), max(then.height, 1.0)))
    return (
        -PHOTO_TRIM.leading * body <= gap <= PHOTO_TRIM.leading * body
        and first.x_overlap_ratio(then) >= PHOTO_TRIM.overlap
        and sizes[1] <= PHOTO_TRIM.size_ratio * sizes[0]
    )
