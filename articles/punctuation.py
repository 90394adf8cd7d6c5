"""Punctuation in vertical form (︐︒﹁﹂︵︶) as the horizontal forms a reader types.

Vertical Chinese is set with punctuation turned for the column: Unicode keeps
those presentation forms apart (U+FE10-FE19, U+FE30-FE48: "PRESENTATION FORM
FOR VERTICAL COMMA" ...), and a recogniser trained on vertical text may give
them. ``articles.txt`` and the articles of ``page.json`` carry the horizontal
forms (full-width, as Chinese text is typed); ALTO keeps the lines as read.
The pairs are Unicode's own (each vertical form's ``<vertical>``
compatibility decomposition), widened to the full-width forms where
Unicode's target is ASCII.
"""

from __future__ import annotations

VERTICAL_TO_HORIZONTAL = {
    "\ufe10": "，",
    "\ufe11": "、",
    "\ufe12": "。",
    "\ufe13": "：",
    "\ufe14": "；",
    "\ufe15": "！",
    "\ufe16": "？",
    "\ufe17": "〖",
    "\ufe18": "〗",
    "\ufe19": "…",
    "\ufe30": "‥",
    "\ufe31": "—",
    "\ufe32": "–",
    "\ufe33": "＿",
    "\ufe34": "＿",
    "\ufe35": "（",
    "\ufe36": "）",
    "\ufe37": "｛",
    "\ufe38": "｝",
    "\ufe39": "〔",
    "\ufe3a": "〕",
    "\ufe3b": "【",
    "\ufe3c": "】",
    "\ufe3d": "《",
    "\ufe3e": "》",
    "\ufe3f": "〈",
    "\ufe40": "〉",
    "\ufe41": "「",
    "\ufe42": "」",
    "\ufe43": "『",
    "\ufe44": "』",
    "\ufe47": "［",
    "\ufe48": "］",
}
"""Each vertical presentation form and the horizontal character it stands for."""

_TABLE = str.maketrans(VERTICAL_TO_HORIZONTAL)


def horizontal_punctuation(text: str) -> str:
    """``text`` with every vertical presentation form of punctuation replaced by
    its horizontal form ("﹁好﹂︒" -> "「好」。"); other characters unchanged."""
    return text.translate(_TABLE)
