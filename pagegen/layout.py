"""What was drawn where on the clean page: elements with boxes, grouped by article."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw

from pagegen.fonts import Face
from pagegen.photo import make_photo
from pagegen.typeset import SetLine

Box = tuple[int, int, int, int]
INK = 0


@dataclass
class Element:
    """One drawn thing: a text line, a photo or a rule, in clean-page pixels."""

    kind: str
    """headline, text, caption, byline, photo, running_head, folio or rule."""
    box: Box
    text: str = ""
    article: int | None = None
    paragraph: int | None = None


@dataclass
class ArticleLayout:
    headline: str | None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    byline: str | None = None
    elements: list[Element] = field(default_factory=list)

    @property
    def bbox(self) -> Box:
        """Union of the article's elements (clean-page pixels)."""
        return union([e.box for e in self.elements])


@dataclass
class PageLayout:
    width: int
    height: int
    header: str
    folio: str
    articles: list[ArticleLayout]
    elements: list[Element]


def union(boxes: list[Box]) -> Box:
    if not boxes:
        return (0, 0, 0, 0)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


class Canvas:
    """The clean page being drawn, recording an Element for everything drawn."""

    def __init__(self, width: int, height: int, dither_photos: bool = False) -> None:
        self.image = Image.new("L", (width, height), 255)
        self.draw = ImageDraw.Draw(self.image)
        self.dither_photos = dither_photos
        self.elements: list[Element] = []

    def text(
        self, line: SetLine, x: float, y: float, face: Face, kind: str, **where: int | None
    ) -> Element:
        """Draw a typeset line with its origin (left, ascender top) at ``x, y``."""
        for dx, piece in line.pieces:
            if piece.strip():
                self.draw.text(
                    (x + dx, y),
                    piece,
                    font=face.font,
                    fill=INK,
                    stroke_width=face.stroke,
                    stroke_fill=INK,
                )
        top, bottom = face.extent
        box = (int(x + line.indent), int(y + top), math.ceil(x + line.width), math.ceil(y + bottom))
        return self.add(Element(kind, box, line.text, **where))

    def rule(self, x0: float, y0: float, x1: float, y1: float, width: int = 2) -> None:
        self.draw.line([(x0, y0), (x1, y1)], fill=30, width=width)
        half = width // 2 + 1
        box = (
            int(min(x0, x1)) - half,
            int(min(y0, y1)) - half,
            math.ceil(max(x0, x1)) + half,
            math.ceil(max(y0, y1)) + half,
        )
        self.add(Element("rule", box))

    def photo(self, box: Box, rng: np.random.Generator, frame: bool, article: int) -> Element:
        x0, y0, x1, y1 = box
        self.image.paste(make_photo(rng, x1 - x0, y1 - y0, self.dither_photos), (x0, y0))
        if frame:
            self.draw.rectangle((x0, y0, x1 - 1, y1 - 1), outline=INK, width=2)
        return self.add(Element("photo", box, article=article))

    def add(self, element: Element) -> Element:
        self.elements.append(element)
        return element
