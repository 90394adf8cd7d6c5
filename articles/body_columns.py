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
whose every column is set at the body's pitch (at most ``TYPE_SIZE.display``
body sizes) and whose words run on as a sentence (a comma or full stop among
``BODY_COLUMNS.min_chars`` characters or more) is text. A short title at the
body's size with a comma in it ("菊影，梅影") stays a headline.
"""

from __future__ import annotations

import re

from newsprint.articles.params.vertical import BODY_COLUMNS
from newsprint.core.page import Region, RegionType, TextDirection
from newsprint.core.script import is_cjk
from newsprint.layout.params.type_size import TYPE_SIZE

_SENTENCE_MARK = re.compile(r"[，。；,;︐︒]")


def with_body_columns(regions: list[Region], body: float) -> list[Region]:
    """``regions`` with each vertical headline that is body text typed
    ``text``. ``body``: the body type size in working pixels (a column's
    width); the lines' ``work_bbox`` are working pixels too."""
    return [
        region.model_copy(update={"type": RegionType.TEXT}) if _body_text(region, body) else region
        for region in regions
    ]


def _body_text(region: Region, body: float) -> bool:
    if region.type != RegionType.HEADLINE or region.direction != TextDirection.VERTICAL_RL:
        return False
    lines = [ln for ln in region.lines if ln.work_bbox and ln.text.strip()]
    if not lines or body <= 0:
        return False
    text = "".join(ln.text.strip() for ln in lines)
    if sum(is_cjk(c) for c in text) < BODY_COLUMNS.min_chars or not _SENTENCE_MARK.search(text):
        return False
    return all(_pitch(ln.work_bbox, ln.text.strip()) <= TYPE_SIZE.display * body for ln in lines)


def _pitch(box: tuple[float, float, float, float], text: str) -> float:
    """A vertical line's length over its characters (each mark takes a cell)."""
    return (box[3] - box[1]) / max(1, len(text))
