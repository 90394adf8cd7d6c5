"""Which script a text is in: Chinese (simplified or traditional) or Latin.

Shared by the OCR stage (page language) and article assembly (how to join lines)."""

from __future__ import annotations

import re

CJK_CHAR = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""One Chinese character (CJK Unified Ideographs, Extension A, Compatibility
Ideographs): no punctuation, no full-width forms, unlike ``CJK_CHAR``."""
_LATIN = re.compile(r"[A-Za-z]")
# Characters that exist only in one of the two Chinese scripts, common in news.
_HANT_ONLY = set(
    "們這個時會來對說國過發後還點開學於與為實當業從關動種經現長問題體區場機務報設統線議與邊將歲書員記錄導"
)
_HANS_ONLY = set(
    "们这个时会来对说国过发后还点开学于与为实当业从关动种经现长问题体区场机务报设统线议与边将岁书员记录导"
)


def is_cjk(text: str) -> bool:
    """True when most letters in ``text`` are Chinese characters."""
    cjk = len(CJK_CHAR.findall(text))
    latin = len(_LATIN.findall(text))
    return cjk > 0 and cjk >= latin / 3


def detect_language(texts: list[str]) -> str:
    """``zh-Hans``, ``zh-Hant`` or ``en`` from the page's recognised text."""
    joined = "".join(texts)
    cjk = len(CJK_CHAR.findall(joined))
    latin = len(_LATIN.findall(joined))
    if cjk == 0 or cjk * 3 < latin:
        return "en"
    hant = sum(ch in _HANT_ONLY for ch in joined)
    hans = sum(ch in _HANS_ONLY for ch in joined)
    return "zh-Hant" if hant > hans else "zh-Hans"
