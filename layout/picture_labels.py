"""Labels of a picture that stand over its top edge.

A drawing's labels are read as the picture's own text (``layout.
segmentation``: a detected line whose middle lies inside a photo stays with
it). A label set over a part that reaches the drawing's top stands above
the box that the picture's ink gives, its next line inside it: 东莞日报 of
2026, A03, the 污泥 feature's process diagram, "湿法塔" over "碳性气体" and
"炉外脱硝SCR" over "NOx". Read as text, those labels went into the story
before its lead. A short line of small type just over a photo's top edge,
whose next line down is the photo's own text, is the picture's too, and the
photo's box grows over it (a photo holds the lines whose middle its box
holds: every line read ends up in one region).

Boxes are in working-image pixels; ``body`` is the body line height there.
"""

from __future__ import annotations

from newsprint.layout.boxes import Box
from newsprint.layout.params.photos import PICTURE_LABELS
from newsprint.layout.params.type_size import TYPE_SIZE
from newsprint.layout.textlines import LinePiece


def with_picture_labels(
    text: list[LinePiece], in_pictures: list[LinePiece], photos: list[Box], body: float
) -> tuple[list[LinePiece], list[LinePiece], list[Box]]:
    """``text``, ``in_pictures`` and ``photos`` with each photo's labels
    (``labels_over``) moved from the text to the pictures' lines, the
    photo's box grown up over them; a label of two lines or more is taken
    a row at a time, up to ``PICTURE_LABELS.max_rows``. A photo whose box,
    grown, would take in the middle of a line that is no label of it keeps
    its box and its labels stay text."""
    photos = list(photos)
    for _ in range(PICTURE_LABELS.max_rows):
        moved = False
        for i, photo in enumerate(photos):
            mine = [p for p in in_pictures if photo.contains_point(p.ink.cx, p.ink.cy)]
            labels = labels_over(photo, text, mine, body)
            if not labels:
                continue
            grown = Box(photo.x0, min(p.ink.y0 for p in labels), photo.x1, photo.y1)
            rest = [p for p in text if all(p is not label for label in labels)]
            if any(grown.contains_point(p.ink.cx, p.ink.cy) for p in rest):
                continue
            photos[i], text, in_pictures = grown, rest, in_pictures + labels
            moved = True
        if not moved:
            break
    return text, in_pictures, photos


def labels_over(
    photo: Box, text: list[LinePiece], in_photo: list[LinePiece], body: float
) -> list[LinePiece]:
    """The pieces of ``text`` that are labels of ``photo``, each a line
    across of type no larger than ``TYPE_SIZE.display`` body lines and no
    wider than ``PICTURE_LABELS.max_width`` of the photo, inside the photo's
    width, its foot within ``PICTURE_LABELS.edge`` body lines of the photo's
    top; a piece of the photo's own text (``in_photo``) stands under it,
    starting within ``PICTURE_LABELS.leading`` body lines of its foot and
    sharing ``PICTURE_LABELS.overlap`` of the narrower one's width with it:
    the label's next line; and no line of ``text`` stands level with it
    just outside the photo (within ``PICTURE_LABELS.beside`` body lines):
    a column's last line over a photo set into the column is no label.
    Only a photo's top: under a photo's foot stands its caption, which may
    have the picture's credit over it."""
    P = PICTURE_LABELS
    labels = []
    for piece in text:
        me = piece.ink
        if me.height > TYPE_SIZE.display * body:  # vertical type too
            continue
        if not (photo.x0 <= me.x0 and me.x1 <= photo.x1) or me.width > P.max_width * photo.width:
            continue
        if abs(me.y1 - photo.y0) > P.edge * body:
            continue
        if any(_next_line(me, p.ink, body) for p in in_photo) and not _level_outside(
            me, photo, text, body
        ):
            labels.append(piece)
    return labels


def _next_line(label: Box, under: Box, body: float) -> bool:
    """Whether ``under`` is ``label``'s next line down: starting close under
    its foot and over much the same width."""
    P = PICTURE_LABELS
    return abs(under.y0 - label.y1) <= P.leading * body and (
        label.x_overlap_ratio(under) >= P.overlap
    )


def _level_outside(label: Box, photo: Box, text: list[LinePiece], body: float) -> bool:
    """Whether a line of ``text`` stands level with ``label`` (sharing half
    the shorter one's height) just left or right of ``photo``."""
    reach = PICTURE_LABELS.beside * body
    for piece in text:
        other = piece.ink
        if other.y_overlap(label) < 0.5 * min(other.height, label.height):
            continue
        if photo.x0 - reach <= other.x1 <= photo.x0 or photo.x1 <= other.x0 <= photo.x1 + reach:
            return True
    return False
