"""An archivist's overrides of what the pipeline guessed about one page.

Skew, column count, language, a crop, typed regions drawn by box, and merges
or splits of articles. Every box and point is in the pixels of the original
scan, as in ``page.json``; so are all coordinates of a page processed with a
crop (the crop only narrows what the stages see).

Articles and regions are named by id (``a3``, ``r012``) or, more durably
across reprocessing, by a point ``x,y`` in scan pixels: the region under the
point, or the article that region belongs to.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Literal

import numpy as np
from newsprint.articles.punctuation import span_as_read
from newsprint.core.page import Article, BBox, NewspaperPage, Region, RegionType
from newsprint.core.settings import Settings
from newsprint.layout.deskew import deskew
from pydantic import BaseModel, ConfigDict, Field, field_validator

log = logging.getLogger(__name__)

Stage = tuple[str, Callable[[NewspaperPage], NewspaperPage]]
OverrideType = Literal["photo", "advertisement", "text", "headline", "caption"]
_BLOCKS = (RegionType.PHOTO, RegionType.ADVERTISEMENT)


class OverrideError(ValueError):
    """An override that cannot apply to this page (a crop outside it, an unknown id)."""


class RegionOverride(BaseModel):
    type: OverrideType
    bbox: BBox
    """x0, y0, x1, y1 in scan pixels."""


class Overrides(BaseModel):
    model_config = ConfigDict(extra="forbid")

    skew: float | None = None
    """The scan's skew in degrees, positive counter-clockwise (as ``skew_angle``)."""
    columns: int | None = Field(default=None, ge=1, le=20)
    lang: Literal["zh", "en"] | None = None
    crop: BBox | None = None
    """Only this part of the scan is read: x0, y0, x1, y1 in scan pixels."""
    regions: list[RegionOverride] = Field(default_factory=list)
    merge: list[list[str]] = Field(default_factory=list)
    """Groups of articles (ids or ``x,y`` points) to join into one, first one leading."""
    split: list[str] = Field(default_factory=list)
    """Regions (ids or ``x,y`` points) that start a new article."""

    @field_validator("crop")
    @classmethod
    def _box_not_empty(cls, box: BBox | None) -> BBox | None:
        if box is not None and (box[2] <= box[0] or box[3] <= box[1] or min(box) < 0):
            raise ValueError(f"crop {box} is not a box x0,y0,x1,y1 with x0<x1 and y0<y1")
        return box

    def is_empty(self) -> bool:
        return not self.as_dict()

    def as_dict(self) -> dict:
        """Only what is overridden (what the catalog stores)."""
        return self.model_dump(mode="json", exclude_defaults=True)

    def updated(self, newer: Overrides) -> Overrides:
        """These overrides with every field ``newer`` sets replaced by its value
        (validated again: a region override stays a ``RegionOverride``)."""
        return Overrides.model_validate(
            {**self.model_dump(), **newer.model_dump(exclude_defaults=True)}
        )


def settings_for(settings: Settings, overrides: Overrides) -> Settings:
    """Settings with the column count and language forced."""
    update: dict = {}
    if overrides.lang:
        update["language"] = overrides.lang
    if overrides.columns:
        update["layout"] = settings.layout.model_copy(update={"columns": overrides.columns})
    return settings.model_copy(update=update) if update else settings


def adjust_stages(stages: list[Stage], settings: Settings, overrides: Overrides) -> list[Stage]:
    """Swap in a fixed-angle deskew, insert region retyping after layout and
    article edits after assembly."""
    out: list[Stage] = []
    offset = overrides.crop[:2] if overrides.crop else (0, 0)
    for name, stage in stages:
        if name == "deskew" and overrides.skew is not None:
            angle = overrides.skew
            stage = lambda p, a=angle: deskew(p, settings, a)  # noqa: E731
        out.append((name, stage))
        if name == "layout" and overrides.regions:
            out.append(("regions", lambda p: retype_regions(p, overrides.regions, offset)))
        if name == "articles" and (overrides.merge or overrides.split):
            out.append(("edits", lambda p: edit_articles(p, overrides, offset)))
    return out


# ---- crop ------------------------------------------------------------------------------


def crop_page(page: NewspaperPage, box: BBox) -> NewspaperPage:
    """The page cut down to ``box`` (scan pixels): the stages see only that part."""
    if page.image is None:
        raise ValueError(f"{page.source}: page has no image loaded")
    x0, y0, x1, y1 = box
    if x1 > page.width or y1 > page.height:
        raise OverrideError(f"crop {box} reaches outside the {page.width}x{page.height} scan")
    image = np.ascontiguousarray(page.image[y0:y1, x0:x1])
    return page.model_copy(
        update={"image": image, "width": x1 - x0, "height": y1 - y0, "work_image": None}
    )


def uncrop_page(page: NewspaperPage, original: NewspaperPage, box: BBox) -> NewspaperPage:
    """Every coordinate of a page processed cropped, moved back to the whole scan."""
    dx, dy = box[0], box[1]
    matrix = page.geometry.matrix().copy()
    matrix[:, 2] += (dx, dy)
    geometry = page.geometry.model_copy(update={"to_scan": matrix.tolist()})
    regions = [
        r.model_copy(
            update={
                "bbox": _shift_box(r.bbox, dx, dy),
                "polygon": _shift_points(r.polygon, dx, dy),
                "lines": [
                    ln.model_copy(
                        update={
                            "bbox": _shift_box(ln.bbox, dx, dy),
                            "polygon": _shift_points(ln.polygon, dx, dy),
                        }
                    )
                    for ln in r.lines
                ],
                "rows": [
                    [c.model_copy(update={"bbox": _shift_box(c.bbox, dx, dy)}) for c in row]
                    for row in r.rows
                ],
            }
        )
        for r in page.regions
    ]
    return page.model_copy(
        update={
            "regions": regions,
            "geometry": geometry,
            "width": original.width,
            "height": original.height,
            "image": original.image,
            "unread_areas": [_shift_box(b, dx, dy) for b in page.unread_areas],
        }
    )


def _shift_box(box: BBox, dx: int, dy: int) -> BBox:
    return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)


def _shift_points(points: list, dx: int, dy: int) -> list:
    return [(round(x + dx, 1), round(y + dy, 1)) for x, y in points]


# ---- regions ---------------------------------------------------------------------------


def retype_regions(
    page: NewspaperPage, boxes: list[RegionOverride], offset: tuple[int, int] = (0, 0)
) -> NewspaperPage:
    """Regions drawn by the archivist: a photo or advertisement box replaces
    every region inside it; a text, headline or caption box retypes the regions
    inside it, or becomes a new region to read when there are none."""
    regions = list(page.regions)
    serial = len(regions)
    for override in boxes:
        box = _shift_box(override.bbox, -offset[0], -offset[1])
        kind = RegionType(override.type)
        inside = [r for r in regions if r.type != RegionType.SEPARATOR and _covers(box, r.bbox)]
        if kind in _BLOCKS or not inside:
            regions = [r for r in regions if r not in inside or kind not in _BLOCKS]
            serial += 1
            regions.append(_drawn_region(page, f"r{serial:03d}", kind, box))
        else:
            regions = [
                r.model_copy(update={"type": kind, "typed_by_archivist": True})
                if r in inside
                else r
                for r in regions
            ]
    regions.sort(key=lambda r: (r.bbox[1], r.bbox[0]))
    return page.model_copy(update={"regions": regions})


def _covers(box: BBox, inner: BBox) -> bool:
    """Most of ``inner`` lies inside ``box``."""
    w = min(box[2], inner[2]) - max(box[0], inner[0])
    h = min(box[3], inner[3]) - max(box[1], inner[1])
    area = max(1, (inner[2] - inner[0]) * (inner[3] - inner[1]))
    return w > 0 and h > 0 and w * h >= 0.6 * area


def _drawn_region(page: NewspaperPage, rid: str, kind: RegionType, box: BBox) -> Region:
    x0, y0, x1, y1 = box
    corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float64)
    work = page.geometry.to_work_points(corners)
    work_box = (
        float(work[:, 0].min()),
        float(work[:, 1].min()),
        float(work[:, 0].max()),
        float(work[:, 1].max()),
    )
    bbox, polygon = page.geometry.box_to_scan(work_box, (page.width, page.height))
    return Region(
        id=rid,
        type=kind,
        bbox=bbox,
        polygon=polygon,
        work_bbox=work_box,
        typed_by_archivist=True,
    )


# ---- articles --------------------------------------------------------------------------


def edit_articles(
    page: NewspaperPage, overrides: Overrides, offset: tuple[int, int] = (0, 0)
) -> NewspaperPage:
    """Merge and split articles as asked, then number them again in reading order."""
    articles = list(page.articles)
    for group in overrides.merge:
        articles = _merge(articles, [_article_of(page, articles, t, offset) for t in group])
    for target in overrides.split:
        articles = _split(page, articles, _region_at(page, target, offset))
    articles = [a.model_copy(update={"id": f"a{n}"}) for n, a in enumerate(articles, start=1)]
    order = [rid for a in articles for rid in a.region_ids]
    return page.model_copy(update={"articles": articles, "reading_order": order})


def _region_at(page: NewspaperPage, target: str, offset: tuple[int, int]) -> Region:
    point = parse_point(target)
    if point is None:
        try:
            return page.region(target)
        except KeyError:
            raise OverrideError(f"{page.source}: no region {target!r}") from None
    x, y = point[0] - offset[0], point[1] - offset[1]
    hits = [r for r in page.regions if r.type != RegionType.SEPARATOR and _holds(r.bbox, x, y)]
    if not hits:
        raise OverrideError(f"{page.source}: no region at {target}")
    return min(hits, key=lambda r: (r.bbox[2] - r.bbox[0]) * (r.bbox[3] - r.bbox[1]))


def _holds(box: BBox, x: int, y: int) -> bool:
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def _article_of(
    page: NewspaperPage, articles: list[Article], target: str, offset: tuple[int, int]
) -> Article:
    if parse_point(target) is None:
        found = [a for a in articles if a.id == target]
        if found:
            return found[0]
        if not any(r.id == target for r in page.regions):  # neither an article nor a region
            ids = ", ".join(a.id for a in articles) or "none"
            raise OverrideError(f"{page.source}: no article {target!r} (its articles: {ids})")
    region = _region_at(page, target, offset)
    for article in articles:
        if region.id in article.region_ids:
            return article
    raise OverrideError(f"{page.source}: {target} is in no article")


def _merge(articles: list[Article], group: list[Article]) -> list[Article]:
    """``articles`` with the members of ``group`` joined into the first of
    them, in the order they are read. The joined article keeps the first
    headline and byline; another member's headline and byline stay in its
    text, where they stood (an archivist joins two stories the layout
    parted, and what was read is never dropped)."""
    members = [a for a in articles if any(a is g for g in group)]
    if len(members) < 2:
        return articles
    lead = members[0]
    headline = lead.headline or next((a.headline for a in members if a.headline), None)
    byline = next((a.byline for a in members if a.byline), None)
    paragraphs: list[str] = []
    tables = []
    for member in members:
        own = [t for t in (member.headline, member.byline) if t and t not in (headline, byline)]
        start = len(paragraphs) + len(own)
        tables += [t.model_copy(update={"after": t.after + start}) for t in member.tables]
        paragraphs += own + member.paragraphs
    joined = lead.model_copy(
        update={
            "paragraphs": paragraphs,
            "captions": [c for a in members for c in a.captions],
            "tables": tables,
            "jumps": [j for a in members for j in a.jumps],
            "byline": byline,
            "region_ids": [r for a in members for r in a.region_ids],
            "headline": headline,
        }
    )
    return [joined if a is lead else a for a in articles if not any(a is m for m in members[1:])]


def _split(page: NewspaperPage, articles: list[Article], region: Region) -> list[Article]:
    """Cut the article holding ``region`` before it: the region and the text
    after it form a new article right after the first."""
    index = next((i for i, a in enumerate(articles) if region.id in a.region_ids), None)
    if index is None:
        raise OverrideError(f"{page.source}: region {region.id} is in no article")
    article = articles[index]
    ids = article.region_ids
    cut = ids.index(region.id)
    if cut == 0:
        return articles
    headline = region.text.replace("\n", " ") if region.type == RegionType.HEADLINE else None
    text_regions = [page.region(r) for r in ids[cut:] if page.region(r).type == RegionType.TEXT]
    before, after = _cut_paragraphs(article.paragraphs, text_regions[0] if text_regions else None)
    first = article.model_copy(update={"paragraphs": before, "region_ids": ids[:cut]})
    second = article.model_copy(
        update={
            "headline": headline,
            "paragraphs": after,
            "captions": [],
            "byline": None,
            "region_ids": ids[cut:],
        }
    )
    return [*articles[:index], first, second, *articles[index + 1 :]]


def _cut_paragraphs(paragraphs: list[str], region: Region | None) -> tuple[list[str], list[str]]:
    """Paragraphs before and after the first line of ``region``, found by its text."""
    if region is None or not region.lines:
        return paragraphs, []
    needle = region.lines[0].text.strip()[:24]
    for i, para in enumerate(paragraphs):
        # The paragraphs are joined text, their punctuation widened; the line
        # is as read (``span_as_read`` compares them folded alike).
        span = span_as_read(para, needle)
        if span is not None:
            head, tail = para[: span[0]].rstrip(), para[span[0] :]
            return [*paragraphs[:i], *([head] if head else [])], [tail, *paragraphs[i + 1 :]]
    return paragraphs, []


def parse_point(text: str) -> tuple[int, int] | None:
    """``"x,y"`` as two ints, or None for an id."""
    parts = text.split(",")
    if len(parts) == 2 and all(p.strip().lstrip("-").isdigit() for p in parts):
        return int(parts[0]), int(parts[1])
    return None


def parse_box(text: str) -> BBox:
    """``"x0,y0,x1,y1"`` as four ints."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 4 or not all(p.lstrip("-").isdigit() for p in parts):
        raise ValueError(f"{text!r} is not a box x0,y0,x1,y1 in scan pixels")
    x0, y0, x1, y1 = (int(p) for p in parts)
    return (x0, y0, x1, y1)
