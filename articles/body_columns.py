"""Columns of body text that layout typed headline, on a page set vertically.

Layout types a block of vertical lines a headline by the width of its
detected boxes, before anything is read. A column of body type set next to
a frame or a rule, or with its punctuation hung beside it, is boxed a third
to four fifths wider than its neighbours, and a story's last column then
starts a story of its own, its sentence as the headline: "九分，發生在連江口，
我艦隊始終勇猛沉着" (馬祖日報, 1957, the 海戰 story's tail), "本報自四月一日起，"
(ECPO's 1939-04-21 fold, a notice).

Once read, the text tells the type size: a column's length over its number of
characters is its characters' pitch, whatever its box's width. A "headline"
whose every column is set at the pitch of the page's vertical text (at most
``BODY_COLUMNS.pitch`` times its median) and whose words run on as a
sentence (a comma or full stop among ``BODY_COLUMNS.min_chars`` ideographs or
more, marks not counted) is text. A short title at the body's size with a
comma in it ("菊影，梅影") stays a headline, as does a deck set a size up, and
a region an archivist typed.
"""

from __future__ import annotations

import re
import statistics

from newsprint.articles.params.vertical import BODY_COLUMNS
from newsprint.core.page import Region, RegionType, TextDirection
from newsprint.core.script import IDEOGRAPH

_SENTENCE_MARK = re.compile(r"[，。；,;︐︒]")


def with_body_columns(regions: list[Region], body: float) -> list[Region]:
    """``regions`` with each vertical headline that is body text typed
    ``text`` (never one an archivist typed). ``body``: the body type size in
    working pixels (a column's width), the measure where the page has no
    vertical text to take the body's pitch from; the lines' ``work_bbox``
    are working pixels too."""
    pitch = body_pitch(regions, body)
    return [
        region.model_copy(update={"type": RegionType.TEXT}) if _body_text(region, pitch) else region
        for region in regions
    ]


def _body_text(region: Region, pitch: float) -> bool:
    if region.type != RegionType.HEADLINE or region.direction != TextDirection.VERTICAL_RL:
        return False
    if region.typed_by_archivist:
        return False
    lines = [ln for ln in region.lines if ln.work_bbox and ln.text.strip()]
    if not lines or pitch <= 0:
        return False
    text = "".join(ln.text.strip() for ln in lines)
    if len(IDEOGRAPH.findall(text)) < BODY_COLUMNS.min_chars or not _SENTENCE_MARK.search(text):
        return False
    return all(_pitch(ln.work_bbox, ln.text.strip()) <= BODY_COLUMNS.pitch * pitch for ln in lines)


def body_pitch(regions: list[Region], body: float) -> float:
    """The median pitch of the characters in the page's vertical text (its
    lines of ``BODY_COLUMNS.min_chars`` characters or more, as read),
    working pixels; ``body`` (a column's width) where there are none."""
    pitches = [
        _pitch(ln.work_bbox, ln.text.strip())
        for r in regions
        if r.type == RegionType.TEXT and r.direction == TextDirection.VERTICAL_RL
        for ln in r.lines
        if ln.work_bbox and len(ln.text.strip()) >= BODY_COLUMNS.min_chars
    ]
    return statistics.median(pitches) if pitches else body


def _pitch(box: tuple[float, float, float, float], text: str) -> float:
    """A vertical line's length over its characters (each mark takes a cell)."""
    return (box[3] - box[1]) / max(1, len(text))
