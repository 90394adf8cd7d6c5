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

from newsprint.core.script import is_cjk

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

# An ideograph (CJK Unified Ideographs and their extensions, compatibility
# ideographs, 〇) or kana: the characters round a mark that make it Chinese.
_HAN = re.compile(
    r"[\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
)
_CLOSES = frozenset("）」』》〉】〕”’\"'！？，。；：、…")
"""After these, in Chinese text, a mark is Chinese too ("“好”,他" -> "“好”，他")."""
_OPEN, _SHUT = "(（", ")）"


def chinese_punctuation_widths(text: str) -> str:
    """``text`` with ASCII brackets and marks set in Chinese in full-width form
    (``FULL_WIDTH``), when ``text`` is Chinese (``core.script.is_cjk``: an
    English paragraph quoting a Chinese word is left as it is).

    A pair of round brackets (paired as nested, innermost first) is made
    full-width when what it holds, or the character just outside either
    (past any space), is an ideograph or a pair made full-width ("(大雄)" ->
    "（大雄）", "新華社 (北京)" -> "新華社（北京）", "(a(大雄)b)" ->
    "（a（大雄）b）"); a pair read half in each width ("（雲寒)") is made
    whole. A comma, semicolon, colon, question or exclamation mark is made
    full-width after an ideograph, a closing quote or bracket, or a mark
    made full-width, or before an ideograph ("好,他說" -> "好，他說", "真的?!"
    -> "真的？！", "10:30,開始" -> "10:30，開始"). Spaces
    round what is made full-width are dropped: a full-width mark holds its
    own space. Numbers are left as they are ("1,000", "10:30")."""
    if not is_cjk(text):
        return text
    chars = list(text)
    drop: set[int] = set()
    for start, end in _pairs(text):
        inner = "".join(chars[start + 1 : end])
        before, after = _outside(chars, start, -1), _outside(chars, end, 1)
        if text[start] + text[end] == "()" and not (
            _HAN.search(inner) or "（" in inner or _chinese(before) or _chinese(after)
        ):
            continue
        chars[start], chars[end] = "（", "）"
        drop |= _spaces_beside(chars, start, -1) | _spaces_beside(chars, end, 1)
    out: list[str] = []
    for i, ch in enumerate(chars):
        if i in drop:
            continue
        mark = ch in FULL_WIDTH and ch not in "()"
        if mark and (_after_chinese(out) or _HAN.match(_outside(chars, i, 1))):
            while out and out[-1].isspace():
                out.pop()
            out.append(FULL_WIDTH[ch])
            drop |= _spaces_beside(chars, i, 1)
            continue
        out.append(ch)
    return "".join(out)


def _pairs(text: str) -> list[tuple[int, int]]:
    """The round brackets (either width) of ``text`` paired as nested, as
    (opening, closing) indices, innermost first; an unpaired one is left out."""
    stack: list[int] = []
    pairs = []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _SHUT and stack:
            pairs.append((stack.pop(), i))
    return pairs


def _outside(chars: list[str], at: int, step: int) -> str:
    """The first character past any space or ASCII mark from ``at`` going
    ``step`` (the ASCII marks are made full-width later, in Chinese text)."""
    i = at + step
    while 0 <= i < len(chars) and (chars[i].isspace() or chars[i] in ",;:?!"):
        i += step
    return chars[i] if 0 <= i < len(chars) else ""


def _spaces_beside(chars: list[str], at: int, step: int) -> set[int]:
    i, out = at + step, set()
    while 0 <= i < len(chars) and chars[i].isspace():
        out.add(i)
        i += step
    return out


def _chinese(ch: str) -> bool:
    return bool(ch) and (bool(_HAN.match(ch)) or ch in "（）")


def _after_chinese(out: list[str]) -> bool:
    """Whether the text written so far ends (past any space) in an ideograph,
    a closing quote or bracket, or a full-width mark."""
    last = next((ch for ch in reversed(out) if not ch.isspace()), "")
    return bool(last) and (bool(_HAN.match(last)) or last in _CLOSES)


def span_as_read(text: str, piece: str, last: bool = False) -> tuple[int, int] | None:
    """Where ``piece`` (a line as read) stands in ``text`` (an article's joined
    text), as (start, end) indices into ``text``, or None.

    The two are compared with their punctuation folded to one form (vertical
    forms to horizontal, full-width to ASCII) and their spaces left out, as
    joining and ``chinese_punctuation_widths`` change both in the article
    ("記者(北京)報道:" is found in "記者（北京）報道："). ``last``: the last
    place it stands, else the first."""
    folded_text, places = _folded(text)
    folded_piece, _ = _folded(piece)
    if not folded_piece:
        return None
    at = folded_text.rfind(folded_piece) if last else folded_text.find(folded_piece)
    if at < 0:
        return None
    return places[at], places[at + len(folded_piece) - 1] + 1


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` with punctuation in one form and without spaces, and the index
    in ``text`` of each character kept."""
    chars, places = [], []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        ch = VERTICAL_TO_HORIZONTAL.get(ch, ch)
        if "\uff01" <= ch <= "\uff5e":
            ch = chr(ord(ch) - 0xFEE0)
        chars.append(ch)
        places.append(i)
    return "".join(chars), places
