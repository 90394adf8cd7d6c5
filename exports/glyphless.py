"""A glyphless TrueType font for the invisible text layer of ``page.pdf``.

Text in render mode 3 is never drawn, so its glyphs need no outlines: what
matters is the character map (so the PDF's ``ToUnicode`` map makes search and
copy work) and advance widths (so a selection falls on the printed words).
Tesseract and OCRmyPDF write their text layers in such a "GlyphLessFont".
Here the font is built for one page: a cmap over exactly the page's
characters, each mapped to its own empty glyph, 1 em wide for CJK and other
wide characters and as wide as in Times for Latin. Building and embedding it
takes milliseconds, where parsing and subsetting a 5 MB CJK font took seconds.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable

from fontTools.fontBuilder import FontBuilder
from fontTools.misc.timeTools import timestampSinceEpoch
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fpdf.fonts import CORE_FONTS_CHARWIDTHS

UNITS_PER_EM = 1000
ASCENT = 880
DESCENT = -120
"""Ascent minus descent is 1 em, so a font size equal to a line's height fills its box."""
FAMILY = "GlyphLessFont"
_WIDE = ("W", "F")
_DEFAULT_WIDTH = 500
_FIXED_TIME = timestampSinceEpoch(0)
_LATIN_WIDTHS: dict[str, int] = dict(CORE_FONTS_CHARWIDTHS["times"])
"""Adobe's Times-Roman metrics (in fpdf2 for its core fonts): newspaper body type is a serif."""


def advance_width(char: str) -> int:
    """Advance width of ``char`` in font units (1000 per em)."""
    if unicodedata.east_asian_width(char) in _WIDE:
        return UNITS_PER_EM
    if unicodedata.combining(char):
        return 0
    width = _LATIN_WIDTHS.get(char)
    if width is None:
        # An accented letter is as wide as its base letter.
        base = unicodedata.normalize("NFD", char)[:1]
        width = _LATIN_WIDTHS.get(base, _DEFAULT_WIDTH)
    return width


def glyphless_font(chars: Iterable[str]) -> bytes:
    """A TrueType font mapping each of ``chars`` (and the space) to its own empty glyph."""
    codepoints = sorted({ord(c) for c in chars} | {ord(" ")})
    names = {cp: _glyph_name(cp) for cp in codepoints}
    order = [".notdef", *names.values()]
    empty = TTGlyphPen(None).glyph()
    builder = FontBuilder(UNITS_PER_EM, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(names)
    builder.setupGlyf(dict.fromkeys(order, empty), calcGlyphBounds=False)
    metrics = {name: (advance_width(chr(cp)), 0) for cp, name in names.items()}
    builder.setupHorizontalMetrics({".notdef": (_DEFAULT_WIDTH, 0), **metrics})
    builder.setupHorizontalHeader(ascent=ASCENT, descent=DESCENT)
    builder.setupOS2(
        sTypoAscender=ASCENT,
        sTypoDescender=DESCENT,
        usWinAscent=ASCENT,
        usWinDescent=-DESCENT,
        sCapHeight=700,
        sxHeight=500,
        fsType=0,  # installable: may be embedded
    )
    builder.setupNameTable({"familyName": FAMILY, "styleName": "Regular"})
    builder.setupPost(keepGlyphNames=False)  # the cmap is all a PDF reader needs
    # The glyphs have no outlines; a bounding box of one em keeps viewers' text
    # boxes sane (an all-zero FontBBox confuses some).
    builder.font.recalcBBoxes = False
    head = builder.font["head"]
    head.xMin, head.yMin, head.xMax, head.yMax = 0, DESCENT, UNITS_PER_EM, ASCENT
    head.created = head.modified = _FIXED_TIME  # the same page gives the same bytes
    buffer = io.BytesIO()
    builder.save(buffer)
    return buffer.getvalue()


def _glyph_name(codepoint: int) -> str:
    return f"uni{codepoint:04X}" if codepoint <= 0xFFFF else f"u{codepoint:05X}"
