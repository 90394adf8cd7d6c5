"""Punctuation in vertical form (︐︒﹁﹂︵︶) as the horizontal forms a reader types.

Vertical Chinese is set with punctuation turned for the column: Unicode keeps
those presentation forms apart (U+FE10-FE19, U+FE30-FE48: "PRESENTATION FORM
FOR VERTICAL COMMA" ...), and a recogniser trained on vertical text may give
them. ``articles.txt`` and the articles of ``page.json`` carry the horizontal
forms (full-width, as Chinese text is typed); ALTO keeps the lines as read.
The pairs are Unicode's own (each vertical form's ``<vertical>``
compatibility decomposition), widened to the full-width forms where
Unicode's target is ASCII.

Chinese text is typed with full-width punctuation (W3C, "Requirements for
Chinese Text Layout", 3.1), and the recogniser, whose dictionary holds both
"(" and "（", often gives the ASCII form of a bracket or comma set in
Chinese ("(大雄)" for "（大雄）"). ``chinese_punctuation_widths`` gives such
marks their full-width form where the text round them is Chinese.
"""

from __future__ import annotations

import re

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


FULL_WIDTH = {
    "(": "（",
    ")": "）",
    ",": "，",
    ";": "；",
    ":": "：",
    "?": "？",
    "!": "！",
}
"""The ASCII marks given their full-width form in Chinese text. A full stop
is left alone: "." between ideographs may be a decimal point or a dot
leader as well as a misread "。"."""

# An ideograph, kana or hangul syllable: the characters that make text Chinese
# here. Full-width punctuation is left out so that "，(" does not count.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")
_PAIR = re.compile(r"[(（]([^()（）]*)[)）]")
_MARK = re.compile(r"(?<=\S)\s*([,;:?!])(\s*)")


def chinese_punctuation_widths(text: str) -> str:
    """``text`` with ASCII brackets and marks set in Chinese in full-width form
    (``FULL_WIDTH``): a pair of round brackets when what they hold, or the
    character just outside either, is an ideograph ("(大雄)" -> "（大雄）",
    "新華社(北京)" -> "新華社（北京）"); a comma, semicolon, colon, question
    or exclamation mark that follows an ideograph, or a bracket just made
    full-width ("好,他說" -> "好，他說"), with any space round it dropped (a
    full-width mark holds its own space). A pair read half in each width
    ("（雲寒)") is made whole. English and numbers are left as they are
    ("1,000", "Reuters (London)", "(1)" between Latin words)."""
    text = _PAIR.sub(lambda m: _bracket_pair(m, text), text)
    return _MARK.sub(_mark, text)


def _bracket_pair(match: re.Match[str], text: str) -> str:
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    pair = match.group(0)
    if pair[0] + pair[-1] == "()" and not (
        _HAN.search(match.group(1)) or _HAN.match(before) or _HAN.match(after)
    ):
        return pair
    return f"（{match.group(1)}）"


def _mark(match: re.Match[str]) -> str:
    before = match.string[: match.start(1)].rstrip()[-1:]
    if not (_HAN.match(before) or (before and before in "）」』》")):
        return match.group(0)
    return FULL_WIDTH[match.group(1)]
