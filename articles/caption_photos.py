"""The photo a caption stands beside (``articles.assembly``).

A caption under its photo belongs to what stands over it, the photo, as any
block does. A modern page also sets a caption beside its photo's foot, in
the column on its left or right, ruled off from the text above it (东莞日报
of 2026, A03: "■6月17日，东莞市污泥集中处理处置项目…… 本报记者 陈帆 摄", left
of the photo's foot under a rule): nothing stands over it, so it started an
"article" of its own, and with no text it was dropped from articles.txt.
Boxes are in working-image pixels; ``body`` is the body line height there.
"""

from __future__ import annotations

from newsprint.articles.flow import box as _box
from newsprint.articles.params.bands import CAPTION_BESIDE
from newsprint.core.page import Region, RegionType


def photo_beside(caption: Region, flow: list[Region], body: float) -> Region | None:
    """The photo of ``flow`` that ``caption`` stands beside: left or right of
    it by at most ``CAPTION_BESIDE.gap`` body lines, inside its height down
    to ``CAPTION_BESIDE.below`` body lines under its foot; the nearest
    where several are. None for a region that is no caption, or where no
    photo stands so."""
    if caption.type != RegionType.CAPTION:
        return None
    me = _box(caption)
    P = CAPTION_BESIDE
    near: list[tuple[float, Region]] = []
    for other in flow:
        if other.type != RegionType.PHOTO:
            continue
        photo = _box(other)
        gap = max(photo.x0 - me.x1, me.x0 - photo.x1)
        if 0 <= gap <= P.gap * body and me.y0 >= photo.y0 and me.y1 <= photo.y1 + P.below * body:
            near.append((gap, other))
    return min(near, key=lambda item: item[0])[1] if near else None
