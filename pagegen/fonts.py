"""Font lookup: short names for the Debian fonts the generator uses."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")

# name -> (file name, face index for simplified / other scripts, face index for traditional)
FONT_FILES: dict[str, tuple[str, int, int]] = {
    "uming": ("uming.ttc", 0, 2),
    "zenhei": ("wqy-zenhei.ttc", 0, 0),
    "microhei": ("wqy-microhei.ttc", 0, 0),
    "liberation-serif": ("LiberationSerif-Regular.ttf", 0, 0),
    "liberation-serif-bold": ("LiberationSerif-Bold.ttf", 0, 0),
    "liberation-serif-italic": ("LiberationSerif-Italic.ttf", 0, 0),
    "liberation-sans": ("LiberationSans-Regular.ttf", 0, 0),
    "liberation-sans-bold": ("LiberationSans-Bold.ttf", 0, 0),
    "dejavu-serif": ("DejaVuSerif.ttf", 0, 0),
    "dejavu-serif-bold": ("DejaVuSerif-Bold.ttf", 0, 0),
    "dejavu-serif-condensed-bold": ("DejaVuSerifCondensed-Bold.ttf", 0, 0),
    "dejavu-sans-bold": ("DejaVuSans-Bold.ttf", 0, 0),
    "dejavu-sans-condensed-bold": ("DejaVuSansCondensed-Bold.ttf", 0, 0),
}

CJK_FONTS = frozenset({"uming", "zenhei", "microhei"})
FAKE_BOLD = frozenset({"zenhei", "microhei", "uming"})
"""Fonts without a bold face: headlines in them are emboldened with a stroke."""


class FontMissingError(RuntimeError):
    """A font file the generator needs is not installed."""


@functools.cache
def font_path(name: str) -> Path:
    """Absolute path of the font file behind a short name."""
    if name not in FONT_FILES:
        raise KeyError(f"unknown font {name!r}; known: {sorted(FONT_FILES)}")
    file_name = FONT_FILES[name][0]
    for root in FONT_DIRS:
        if root.is_dir():
            for path in sorted(root.rglob(file_name)):
                return path
    raise FontMissingError(f"font file {file_name} ({name}) not found under {FONT_DIRS}")


@functools.cache
def load_font(name: str, size: int, traditional: bool = False) -> ImageFont.FreeTypeFont:
    """A Pillow font for a short name; ``traditional`` picks the TW face of a TTC."""
    _, index, index_hant = FONT_FILES[name]
    face_index = index_hant if traditional else index
    # BASIC layout: the same glyph positions whether or not libraqm is installed.
    return ImageFont.truetype(
        str(font_path(name)), size, index=face_index, layout_engine=ImageFont.Layout.BASIC
    )


@dataclass(frozen=True)
class Face:
    """A font at a size, with an optional stroke to fake a bold weight."""

    name: str
    size: int
    traditional: bool = False
    bold: bool = False

    @property
    def font(self) -> ImageFont.FreeTypeFont:
        return load_font(self.name, self.size, self.traditional)

    @property
    def stroke(self) -> int:
        if not (self.bold and self.name in FAKE_BOLD):
            return 0
        return max(1, round(self.size / 36))

    def length(self, text: str) -> float:
        """Advance width of ``text`` plus the stroke on both sides."""
        return _advance(self, text) + 2 * self.stroke

    @functools.cached_property
    def extent(self) -> tuple[int, int]:
        """Top and bottom of the ink of a line, relative to the draw origin (anchor 'la')."""
        box = self.font.getbbox("中Ågy国|", anchor="la", stroke_width=self.stroke)
        return int(box[1]), int(box[3])


@functools.lru_cache(maxsize=65536)
def _advance(face: Face, text: str) -> float:
    return float(face.font.getlength(text))


def missing_glyphs(name: str, text: str, traditional: bool = False) -> set[str]:
    """Characters of ``text`` that the font draws as .notdef or draws no ink for."""
    font = load_font(name, 24, traditional)
    notdef = font.getmask("\U0010fffd")
    signature = (notdef.size, bytes(notdef))
    missing = set()
    for ch in set(text) - set(" \n\t\u3000"):
        mask = font.getmask(ch)
        if mask.getbbox() is None or (mask.size, bytes(mask)) == signature:
            missing.add(ch)
    return missing
