"""Breaking text into lines: Chinese by character with kinsoku rules, English by word
with occasional hyphenation, both optionally justified."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from pagegen.fonts import Face

NO_START = frozenset("，。、；：？！”’）》」』〉】…%·,.;:?!)]")
"""Characters a Chinese line must not begin with."""
NO_END = frozenset("“‘（《「『〈【([")
"""Characters a Chinese line must not end with."""
_CJK_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%:/\-]*|\s|.")
_WORD_CORE = re.compile(r"^([a-z]+)([,.;:!?\"')]*)$")
VOWELS = frozenset("aeiouy")
DIGRAPHS = frozenset({"th", "ch", "sh", "ph", "wh", "ck", "gh", "qu", "ng", "wr", "kn"})
ONSETS = frozenset({"st", "pr", "tr", "bl", "cl", "pl", "gr", "br", "cr", "dr", "fr", "fl", "sp"})


@dataclass(frozen=True)
class SetLine:
    """One typeset line: pieces to draw at x offsets, and the text as printed."""

    pieces: tuple[tuple[float, str], ...]
    text: str
    width: float
    indent: float = 0.0


def cjk_tokens(text: str) -> list[str]:
    """CJK characters one by one; runs of Latin letters and digits stay together."""
    return _CJK_TOKEN.findall(text)


def _kinsoku(tokens: list[str], i: int, j: int) -> int:
    """Move the break ``j`` back so no line starts or ends with a forbidden character."""
    while j < len(tokens) and j - i > 2 and tokens[j] in NO_START:
        j -= 1
    while j - i > 2 and tokens[j - 1] in NO_END:
        j -= 1
    return j


def _place(tokens: list[str], widths: list[float], start: float, extra: float) -> SetLine:
    gaps = max(len(tokens) - 1, 1)
    x, pieces = start, []
    for k, (tok, w) in enumerate(zip(tokens, widths, strict=True)):
        pieces.append((x, tok))
        x += w + (extra / gaps if k < len(tokens) - 1 else 0.0)
    return SetLine(tuple(pieces), "".join(tokens), x, start)


def break_cjk(
    text: str, face: Face, width: float, indent: float = 0.0, justify: bool = True
) -> list[SetLine]:
    """Chinese text in lines of ``width`` px; the first line is indented by ``indent``."""
    tokens = cjk_tokens(text)
    widths = [face.length(t) - 2 * face.stroke for t in tokens]
    lines: list[SetLine] = []
    i = 0
    while i < len(tokens):
        start = indent if not lines else 0.0
        if not lines or tokens[i] != " ":
            j, used = i, 0.0
            while j < len(tokens) and used + widths[j] <= width - start + 0.5:
                used += widths[j]
                j += 1
            j = _kinsoku(tokens, i, max(j, i + 1))
        else:  # a space at the start of a continuation line is not printed
            i += 1
            continue
        toks, ws = tokens[i:j], widths[i:j]
        while toks and toks[-1] == " ":
            toks, ws = toks[:-1], ws[:-1]
        last = j >= len(tokens)
        extra = 0.0 if last or not justify else max(0.0, width - start - sum(ws))
        lines.append(_place(toks, ws, start, extra))
        i = j
    return lines


def hyphen_splits(word: str) -> list[int]:
    """Positions where a lower-case word may be hyphenated (simple syllable rules)."""
    m = _WORD_CORE.match(word)
    if not m or len(m.group(1)) < 6:
        return []
    core = m.group(1)
    return [i for i in range(3, len(core) - 2) if _good_split(core, i)]


def _good_split(core: str, i: int) -> bool:
    a, b, c = core[i - 1], core[i], core[i + 1]
    if core[i - 1 : i + 1] in DIGRAPHS | ONSETS or b == "x":
        return False
    if not any(v in VOWELS for v in core[:i]) or not any(v in VOWELS for v in core[i:]):
        return False
    if core[i:].endswith("ly") and len(core) - i <= 4:
        return False
    single_before = core[i - 2] not in VOWELS
    vc_cv = a not in VOWELS and b not in VOWELS and c in VOWELS and not single_before
    v_cv = a in VOWELS and b not in VOWELS and c in VOWELS and single_before
    return vc_cv or v_cv


def _try_hyphen(
    word: str, room: float, face: Face, chance: float, rng: np.random.Generator
) -> tuple[str, str] | None:
    """Split ``word`` so that its first part plus '-' fits in ``room`` px."""
    if chance <= 0 or rng.random() >= chance:
        return None
    for i in reversed(hyphen_splits(word)):
        head = word[:i] + "-"
        if face.length(head) <= room:
            return head, word[i:]
    return None


def break_latin(
    text: str,
    face: Face,
    width: float,
    indent: float = 0.0,
    justify: bool = True,
    hyphenate: float = 0.0,
    rng: np.random.Generator | None = None,
) -> list[SetLine]:
    """English text in lines of ``width`` px, words joined by spaces."""
    rng = rng if rng is not None else np.random.default_rng(0)
    space = face.length(" ") - 2 * face.stroke
    words, lines, used, k = text.split(), [[]], 0.0, 0
    while k < len(words):
        avail = width - (indent if len(lines) == 1 else 0.0)
        w = face.length(words[k]) - 2 * face.stroke
        need = used + space + w if lines[-1] else w
        if need <= avail + 0.5 or not lines[-1]:
            lines[-1].append(words[k])
            used, k = need, k + 1
            continue
        room = avail - used - space
        split = _try_hyphen(words[k], room, face, hyphenate, rng) if room > 0.12 * avail else None
        if split:
            lines[-1].append(split[0])
            words[k] = split[1]
        lines.append([])
        used = 0.0
    return _set_latin(lines, face, width, indent, justify, space)


def _set_latin(
    lines: list[list[str]], face: Face, width: float, indent: float, justify: bool, space: float
) -> list[SetLine]:
    out = []
    lines = [ln for ln in lines if ln]
    for n, words in enumerate(lines):
        start = indent if n == 0 else 0.0
        ws = [face.length(w) - 2 * face.stroke for w in words]
        natural = sum(ws) + space * (len(words) - 1)
        last = n == len(lines) - 1
        extra = width - start - natural if justify and not last and len(words) > 1 else 0.0
        if extra > 3 * space * (len(words) - 1):  # too loose: leave the line ragged
            extra = 0.0
        x, pieces = start, []
        for word, w in zip(words, ws, strict=True):
            pieces.append((x, word))
            x += w + space + (max(extra, 0.0) / (len(words) - 1) if len(words) > 1 else 0)
        out.append(SetLine(tuple(pieces), " ".join(words), pieces[-1][0] + ws[-1], start))
    return out


def unbreak(lines: list[str], cjk: bool) -> str:
    """The text of a paragraph from its printed lines (undoes our hyphenation)."""
    if cjk:
        return "".join(lines)
    text = ""
    for line in lines:
        if text.endswith("-") and text[-2:-1].isalpha() and line[:1].islower():
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return text
