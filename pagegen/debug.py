"""Pictures for checking a generated page by eye: truth boxes drawn over the scan."""

from __future__ import annotations

from PIL import Image, ImageDraw

from pagegen.generate import GeneratedPage

COLOURS = ((220, 30, 30), (30, 140, 30), (30, 60, 220), (200, 120, 0), (160, 0, 160))


def overlay(page: GeneratedPage, clean: bool = False) -> Image.Image:
    """The scan (or the clean page, with element boxes) with article boxes in colour."""
    base = (page.clean if clean else page.image).convert("RGB")
    draw = ImageDraw.Draw(base)
    for n, art in enumerate(page.layout.articles):
        colour = COLOURS[n % len(COLOURS)]
        if clean:
            for el in art.elements:
                draw.rectangle(el.box, outline=colour, width=1)
            draw.rectangle(art.bbox, outline=colour, width=4)
        else:
            draw.rectangle(page.truth["articles"][n]["bbox"], outline=colour, width=4)
    return base
