"""Labels of a picture that stand over its top edge.

A drawing's labels are read as the picture's own text (``layout.
segmentation``: a detected line whose middle lies inside a photo stays with
it). A label set over a part that reaches the drawing's top stands above
the box that the picture's ink gives, its second line inside it: 东莞日报 of
2026, A03, the 污泥 feature's process diagram, "湿法塔" over "碳性气体" and
"炉外脱硝SCR" over "NOx". Read as text, those labels went into the story
before its lead. A line just over a photo's top edge, whose next line down
is the photo's own text, is the picture's too, and the photo's box grows over it (every line read
ends up in one region: a photo holds the lines whose middle its box holds).

Boxes are in working-image pixels; ``body`` is the body line height there.
"""

from __future__ import annotations

from newsprint.layout.boxes import Box
from newsprint.layout.params.photos import PICTURE_LABELS
from newsprint.layout.textlines import LinePiece


def with_picture_labels(
    text: list[LinePiece], in_pictures: list[LinePiece], photos: list[Box], body: float
) -> tuple[list[LinePiece], list[LinePiece], list[Box]]:
    """``text``, ``in_pictures`` and ``photos`` with each photo's labels
    (``labels_over_pictures``) moved from the text to the pictures' lines,
    the photo's box grown up over them."""
    found = labels_over_pictures(text, in_pictures, photos, body)
    if not found:
        return text, in_pictures, photos
    grown = []
    for photo in photos:
        mine = [label.ink for label, owner in found if owner is photo]
        top = min((b.y0 for b in mine), default=photo.y0)
        grown.append(Box(photo.x0, min(photo.y0, top), photo.x1, photo.y1))
    labels = {id(label) for label, _ in found}
    return (
        [p for p in text if id(p) not in labels],
        in_pictures + [label for label, _ in found],
        grown,
    )


def labels_over_pictures(
    text: list[LinePiece], in_pictures: list[LinePiece], photos: list[Box], body: float
) -> list[tuple[LinePiece, Box]]:
    """The pieces of ``text`` that are labels of a photo, each with its
    photo: each stands inside the photo's width, its foot within ``PICTURE_LABELS.edge`` body lines of
    the photo's top (above it or just inside), and a piece of the photo's own
    text (``in_pictures``) stands under it, within ``PICTURE_LABELS.leading``
    of its height below its foot and sharing ``PICTURE_LABELS.overlap`` of
    the narrower one's width with it: the label's next line. Only a photo's
    top: under a photo's foot stands its caption, which may have the
    picture's credit over it."""
    P = PICTURE_LABELS
    labels = []
    for piece in text:
        me = piece.ink
        for photo in photos:
            if not (photo.x0 <= me.x0 and me.x1 <= photo.x1):
                continue
            if not (photo.y0 - P.edge * body <= me.y1 <= photo.y0 + P.edge * body):
                continue
            mine = [o.ink for o in in_pictures if photo.contains_point(o.ink.cx, o.ink.cy)]
            if any(_next_line(me, other) for other in mine):
                labels.append((piece, photo))
                break
    return labels


def _next_line(label: Box, under: Box) -> bool:
    """Whether ``under`` is ``label``'s next line down: close under it and
    over much the same width."""
    P = PICTURE_LABELS
    gap = under.y0 - label.y1
    narrower = min(label.width, under.width)
    return -P.leading * label.height <= gap <= P.leading * label.height and (
        label.x_overlap(under) >= P.overlap * narrower
    )
