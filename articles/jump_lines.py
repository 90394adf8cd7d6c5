"""Jump lines in text: "（下转第二版）", "Continued on Page 4", "See FIRE, Page A6",
"From Page A1" (``match_jump``), and page labels normalised from them and
from a page's folio (``page_label``, ``folio_label``).

Page numbers are normalised to page labels: Chinese and full-width numerals
to Arabic ("第二版" -> "2"), a section letter kept and leading zeros dropped
("A06" -> "A6").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newsprint.articles.roles import folio_text
from newsprint.core.page import JumpDirection, NewspaperPage, RegionType

_ZH_NUMBER = r"[0-9０-９〇零一二两三四五六七八九十百]+"
_ZH_PAGE = rf"(?:第\s*)?(?P<page>[A-Za-zＡ-Ｚａ-ｚ]?\s*{_ZH_NUMBER})\s*[版页頁]"
_EN_NUMBER_WORDS = (
    *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)
_EN_NUMBER = "|".join(_EN_NUMBER_WORDS)
_EN_PAGE = rf"(?:page|pg\.?|p\.)\s*(?P<page>[A-Z]?\s?-?\s?\d{{1,3}}|{_EN_NUMBER})"
_SECTION_PAGE = r"(?P<page>[A-Z]\s?-?\s?\d{1,3})"
"""A page named without "Page": a section letter and a number ("A6", "B-2")."""
_WORD = r"(?!(?:page|pg|on|from|continued|cont'?d)\b)[^\W\d_][\w'’&.-]*"
_KEYWORD = rf"(?P<keyword>{_WORD}(?:\s+{_WORD}){{0,3}})"
"""The NAME of "See NAME, Page X": up to four words, none of them a jump word."""
_CONTINUED = r"(?:continued|cont'?d\.?)"
_SEE = rf"(?:please\s+)?see\s+{_KEYWORD}\s*(?:,|;|:|/|\||on|—|–|-)?\s*"
_NAMED = rf"(?:{_KEYWORD}\s*(?:,|;|:|/|\||—|–|-)?\s*)?"
"""A continuation's keyword before "from" ("FIRE, from Page A1"), if any."""
_CORES: tuple[tuple[JumpDirection, str], ...] = (
    (JumpDirection.ON, rf"(?:下\s*)?[转轉]\s*{_ZH_PAGE}"),
    (JumpDirection.FROM, rf"(?:上\s*)?[接续續]\s*{_ZH_PAGE}"),
    (JumpDirection.ON, rf"{_CONTINUED}\s+on\s+{_EN_PAGE}"),
    (JumpDirection.ON, rf"{_CONTINUED}\s+on\s+{_SECTION_PAGE}"),
    (JumpDirection.ON, rf"turn\s+to\s+{_EN_PAGE}"),
    (JumpDirection.ON, rf"{_SEE}{_EN_PAGE}"),
    (JumpDirection.ON, rf"{_SEE}{_SECTION_PAGE}"),
    (JumpDirection.FROM, rf"{_NAMED}{_CONTINUED}\s+from\s+{_EN_PAGE}"),
    (JumpDirection.FROM, rf"{_NAMED}{_CONTINUED}\s+from\s+{_SECTION_PAGE}"),
    (JumpDirection.FROM, rf"{_NAMED}from\s+{_EN_PAGE}"),
)
"""Each jump's words, without brackets: Chinese, then English."""
_OPEN = r"[（(【〔［\[<《〈]"
_CLOSE = r"[）)】〕］\]>》〉]"


def _compiled(core: str, place: str) -> re.Pattern[str]:
    """``whole``: the line is the jump (brackets optional); ``end``/``start``: a jump in
    brackets ends or starts a line of text."""
    if place == "whole":
        body = rf"^\s*{_OPEN}?\s*(?:{core})\s*[.。]?\s*{_CLOSE}?\s*[.。]?\s*$"
    elif place == "end":
        body = rf"{_OPEN}\s*(?:{core})\s*{_CLOSE}\s*[.。]?\s*$"
    else:
        body = rf"^\s*{_OPEN}\s*(?:{core})\s*{_CLOSE}"
    return re.compile(body, re.IGNORECASE)


_PATTERNS: dict[str, list[tuple[JumpDirection, re.Pattern[str]]]] = {
    place: [(direction, _compiled(core, place)) for direction, core in _CORES]
    for place in ("whole", "end", "start")
}


@dataclass(frozen=True)
class JumpMatch:
    """A jump found in a line of text: where it stands in the line, and what it says."""

    direction: JumpDirection
    page_label: str
    keyword: str | None
    start: int
    """Index of the jump's first character in the line (0 for a whole-line jump)."""
    end: int
    """Index after its last character (the line's length for a whole-line jump)."""

    def whole(self, text: str) -> bool:
        return not text[: self.start].strip() and not text[self.end :].strip()


def match_jump(text: str) -> JumpMatch | None:
    """The jump in one line of text, or None.

    A line that is a jump ("（下转第二版）", "Continued on Page A6", "See FIRE, Page 2",
    "From Page 1") matches whole; a jump in brackets matches at the end of a line of
    text ("……工作。（下转第二版）") or at its start ("（上接第一版）本报讯……"). A jump
    word inside a sentence never matches.
    """
    text = unicodedata.normalize("NFC", text)
    for place in ("whole", "end", "start"):
        for direction, pattern in _PATTERNS[place]:
            found = pattern.search(text)
            if found is None:
                continue
            label = page_label(found.group("page"))
            if label is None:
                continue
            keyword = found.groupdict().get("keyword")
            start, end = (0, len(text)) if place == "whole" else found.span()
            return JumpMatch(direction, label, _clean_keyword(keyword), start, end)
    return None


def _clean_keyword(keyword: str | None) -> str | None:
    if not keyword:
        return None
    keyword = keyword.strip(" ,.;:-—–")
    return keyword if keyword.lower() not in {"continued", "cont'd", "contd"} else None


# --- page labels ----------------------------------------------------------------------

_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_ZH_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_LABEL = re.compile(r"^([A-Z]?)-?(\d+)$")
_FOLIO_LABEL = re.compile(
    r"(?:第\s*([A-Z]?[0-9〇零一二两三四五六七八九十百]+)\s*[版页頁])"
    r"|(?:PAGE\s+([A-Z]?-?\d{1,4}|[A-Z]+))"
    r"|^\s*([A-Z]?-?\d{1,4})\b"
)


def page_label(text: str) -> str | None:
    """A printed page number normalised: "第二版" -> "2", "A06" -> "A6", "two" -> "2".

    Returns None when ``text`` is no page number.
    """
    text = unicodedata.normalize("NFKC", text).strip().upper()
    text = text.replace(" ", "").replace("-", "")
    text = text.removeprefix("第").removesuffix("版").removesuffix("页").removesuffix("頁")
    if text.lower() in _EN_NUMBER_WORDS:
        return str(_EN_NUMBER_WORDS.index(text.lower()) + 1)
    letter, digits = (
        (text[:1], text[1:]) if text[:1].isalpha() and text[:1].isascii() else ("", text)
    )
    number = _zh_number(digits) if digits and not digits.isdigit() else digits
    if number is None or not str(number).isdigit():
        return None
    found = _LABEL.match(f"{letter}{int(number)}")
    return found.group(1) + found.group(2) if found else None


def _zh_number(text: str) -> int | None:
    """A Chinese numeral up to 999 ("二十三", "十二", "一〇五"), or None."""
    if any(ch not in _ZH_DIGITS and ch not in "十百" for ch in text):
        return None
    if "十" not in text and "百" not in text:
        return int("".join(str(_ZH_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * (10 if ch == "十" else 100)
            digit = None
    return total + (digit or 0)


def folio_label(page: NewspaperPage) -> str | None:
    """The page's printed page number as a label ("A6", "2"), from its folio, or None."""
    for region in page.regions:
        if region.type != RegionType.FOLIO or not region.lines:
            continue
        text = folio_text(unicodedata.normalize("NFKC", region.text)).upper()
        found = _FOLIO_LABEL.search(text)
        if found:
            label = page_label(next(g for g in found.groups() if g))
            if label is not None:
                return label
    return None
