"""Where a column headed by a photo goes on from (``articles.assembly``).

A block continues what stands over it in its column; under a photo, that is
the photo (or its caption), which belongs to the story it illustrates. When
the photo heads its columns (no text of the column over it), the text under
it opens mid-sentence, and the column on its left breaks off mid-sentence at
its foot, the text goes on from that column, as text runs from the foot of
one column to the head of the next (东莞日报 of 2026, A03: the 污泥 feature's
diagram stands over its columns 3 to 5; column 3 opens "多，有害物质分解得更
加彻底。" after column 2's "是欧盟标准2秒的3倍", and was read after the
story's lead, before its columns 1 and 2).
Boxes are in working-image pixels; ``body`` is the body line height there.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newsprint.articles.bands import ends_a_sentence, left_neighbour, reads_on, run_of
from newsprint.articles.flow import box as _box
from newsprint.articles.params.neighbours import NEIGHBOURS
from newsprint.core.page import Region, RegionType
from newsprint.layout.boxes import Box


def column_on_under_photo(
    region: Region,
    up: Region,
    flow: list[Region],
    above: dict[str, Region | None],
    below: dict[str, Region],
    body: float,
    rules: Sequence[Box] = (),
) -> Region | None:
    """The block that the text ``region``, standing under the photo or
    caption ``up``, goes on from: the foot of the column on its left
    (``bands.left_neighbour``) when the photo heads the column (up from it,
    past other photos, captions and bylines, no text that shares
    ``NEIGHBOURS.same_column`` of its width with ``region``), the headline
    over the photo, if any, reaches over that column too (one story's
    columns), ``region`` opens mid-sentence (``bands.reads_on``) and that
    column's text breaks off mid-sentence (``bands.ends_a_sentence``). None
    otherwise: the text goes on from the photo. ``above``: each flow
    block's block over it (None where it heads its column), ``below`` its
    inverse; ``rules``: the page's rules across."""
    if region.type != RegionType.TEXT or up.type not in (RegionType.PHOTO, RegionType.CAPTION):
        return None
    photo = up if up.type == RegionType.PHOTO else _photo_over(up, above)
    if photo is None or _column_runs_over(photo, region, above):
        return None
    if not reads_on(region, body):
        return None
    left = left_neighbour(region, flow, below, body, rules)
    if left is None or left.type != RegionType.TEXT:
        return None
    headline = next((r for r in _up_from(photo, above) if r.type == RegionType.HEADLINE), None)
    if headline is not None and _box(headline).x_overlap(_box(left)) <= 0:
        return None  # the photo's story's headline stands over its own columns only
    last = run_of(left, below)[-1]
    if last.type != RegionType.TEXT or not last.lines or ends_a_sentence(last):
        return None
    return left


def _up_from(region: Region, above: dict[str, Region | None]) -> Iterator[Region]:
    """The blocks over ``region`` in its column, nearest first."""
    seen = {region.id}
    at = above.get(region.id)
    while at is not None and at.id not in seen:
        yield at
        seen.add(at.id)
        at = above.get(at.id)


def _photo_over(caption: Region, above: dict[str, Region | None]) -> Region | None:
    """The photo that the caption ``caption`` stands under."""
    over = next((r for r in _up_from(caption, above) if r.type != RegionType.CAPTION), None)
    return over if over is not None and over.type == RegionType.PHOTO else None


def _column_runs_over(photo: Region, region: Region, above: dict[str, Region | None]) -> bool:
    """Whether text over ``photo`` (past other photos, captions and bylines)
    stands in ``region``'s column: the photo is set into a column that runs
    on under it."""
    passed = (RegionType.PHOTO, RegionType.CAPTION, RegionType.BYLINE)
    over = next((r for r in _up_from(photo, above) if r.type not in passed), None)
    if over is None or over.type != RegionType.TEXT:
        return False
    return _box(over).x_overlap_ratio(_box(region)) >= NEIGHBOURS.same_column
