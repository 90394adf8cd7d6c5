"""Joining recognised lines into running text, by script."""

from __future__ import annotations

import functools
import re
from collections.abc import Set as AbstractSet

from newsprint.articles.params.text import HYPHENS, SMALL_CAPS
from newsprint.articles.punctuation import chinese_punctuation_widths, horizontal_punctuation
from newsprint.core.script import CJK_CHAR
from wordfreq import zipf_frequency

_LAST_WORD = re.compile(r"([^\W\d_][\w'’]*)-$")
_MIXED_WORD = re.compile(r"[^\W\d_]*[a-z][A-Z][^\W\d_]*")
_FIRST_WORD = re.compile(r"^([\w'’]+)")


_SENTENCE_ENDS = (".", "!", "?", "…", "⋯", "。", "！", "？", "．", "﹒")
_CLOSING_QUOTES = "\"”’'」』》"
_CLOSING_BRACKETS = (")", "）", "]", "】")


def ends_a_sentence(text: str, colons: bool = False) -> bool:
    """Whether a line of text ends a sentence or an item: a full stop, a
    mark of exclamation or question or an ellipsis (their Chinese forms
    too), alone or before a closing quote, or a closing bracket (a jump line
    "(Continued on Page 6)", a credit "（记者 张三）"); with ``colons``, a
    colon too (a Chinese paragraph ending "他说：" before a quoted one). A
    quote closed after a word ("the farmers’", 「一國兩制」) ends nothing."""
    last = text.rstrip()
    if last.endswith(_CLOSING_BRACKETS):
        return True
    ends = (*_SENTENCE_ENDS, "：", ":") if colons else _SENTENCE_ENDS
    return last.rstrip(_CLOSING_QUOTES).endswith(ends)


def join_lines(lines: list[str]) -> str:
    """One paragraph from its lines: Chinese joined without spaces, English
    with spaces and end-of-line hyphenation undone; punctuation in vertical
    form in its horizontal form, and ASCII brackets and marks set in Chinese
    in full-width form (``articles.punctuation``)."""
    out = ""
    for raw in lines:
        line = horizontal_punctuation(raw.strip())
        if not line:
            continue
        if not out:
            out = line
        elif _needs_no_space(out, line):
            out += line
        elif _LAST_WORD.search(out):
            # A line-end hyphen: a soft break is undone, a hyphen that belongs
            # to the word ("well-known", "post-1949") stays, without a space.
            out = (out[:-1] if soft_hyphen(out, line) else out) + line
        else:
            out += " " + line
    return chinese_punctuation_widths(out)


def small_caps_as_capitals(heading: str) -> str:
    """``heading`` (a headline's text) in capitals when it was set in small
    capitals and read in mixed case (``SMALL_CAPS``): a small capital has
    the shape of its lower-case letter, and the recogniser reads it so.
    Tesseract and ABBYY FineReader give small capitals as capitals too
    (FineReader marks them as a font attribute besides). Any other heading,
    and one without Latin letters, is returned as it is."""
    if not _MIXED_WORD.search(heading):
        return heading
    letters = [c for c in heading if c.isascii() and c.isalpha()]
    upper = sum(c.isupper() for c in letters) / max(1, len(letters))
    return heading.upper() if upper >= SMALL_CAPS.min_upper_share else heading


def soft_hyphen(line: str, next_line: str) -> bool:
    """Whether the hyphen ending ``line`` only breaks a word across lines (to be
    removed) rather than belonging to it (to be kept).

    Decided as a reader would, with a dictionary's word list (GCIDE, the 1913
    Webster's, and Webster's Second, through the ``english-words`` package:
    both old enough for 19th-century spellings; a plural counts as listed
    when its singular is: "firemen", "fortnights") and wordfreq's frequencies.
    The hyphen stays when the second part starts with a digit or a capital
    ("post-1949", "Anglo-American"); when the dictionary lists the hyphenated
    form and not the joined one ("well-known", "long-term", "so-called"); and
    when neither form is listed and the joined one is no word, or is clearly
    rarer than its parts as a phrase ("Kai-shek", "Hong Kong-based",
    "re-elected"). It goes when the dictionary lists the joined form only
    ("fort-/night", "may-/or", "there-/of", "on-/to"), unless the first part
    is a prefix that English often hyphenates (``HYPHENS.prefixes``) and the
    two parts as a phrase are far more common than the joined word
    ("anti-war": "antiwar"); and when both are listed and the joined form is
    common today ("to-day", "week-end"; "by-law" stays). wordfreq splits a
    hyphenated word into its parts, so its figure for "fort-night" is that of
    the phrase "fort night", no evidence that the hyphenated word is used:
    the dictionary is."""
    halves = _halves(line, next_line)
    if halves is None:
        return False
    head, tail = halves
    if not tail[:1].isalpha() or tail[:1].isupper():
        return False
    return _is_soft(head.lower(), tail.lower())


def broken_word(line: str, next_line: str) -> str:
    """The whole word that a line-end hyphen broke, without the punctuation
    around it ("him-" / "self," gives "himself"): ALTO's ``SUBS_CONTENT``.
    Empty when ``line`` does not end in a word's first half."""
    halves = _halves(line, next_line)
    return "".join(halves) if halves else ""


def _halves(line: str, next_line: str) -> tuple[str, str] | None:
    """The word's first half before ``line``'s end hyphen and its second half
    at ``next_line``'s start, without punctuation; None where either is not."""
    before = _LAST_WORD.search(line.rstrip())
    after = _FIRST_WORD.match(next_line.lstrip())
    if before is None or after is None:
        return None
    return before.group(1), after.group(1)


@functools.lru_cache(maxsize=4096)
def _is_soft(head: str, tail: str) -> bool:
    joined, hyphenated = head + tail, f"{head}-{tail}"
    joined_listed, hyphenated_listed = _listed(joined), _listed(hyphenated)
    joined_zipf = zipf_frequency(joined, "en")
    phrase_zipf = zipf_frequency(hyphenated, "en")
    if hyphenated_listed:
        return joined_listed and joined_zipf >= HYPHENS.both_listed_zipf
    if joined_listed:
        if head not in HYPHENS.prefixes:
            return True
        return phrase_zipf < joined_zipf + HYPHENS.listed_phrase_more_common
    is_word = joined_zipf >= HYPHENS.word_zipf
    return is_word and phrase_zipf < joined_zipf + HYPHENS.hyphenated_more_common


_PLURAL = ((r"men$", "man"), (r"ies$", "y"), (r"(?:(?<=[sxz])|(?<=[cs]h))es$", ""), (r"s$", ""))
"""A plural's singular, as the dictionary lists headwords only (regular
English plurals and compounds of "man": "firemen", "fortnights")."""


def _listed(word: str) -> bool:
    words = _dictionary()
    if word in words:
        return True
    singulars = (re.sub(ending, singular, word) for ending, singular in _PLURAL)
    return any(stem != word and stem in words for stem in singulars)


@functools.cache
def _dictionary() -> AbstractSet[str]:
    """The lower-cased words of GCIDE and Webster's Second (264,000, hyphenated
    compounds among them; about 0.2 s and 55 MiB to load, once per process,
    at the first line-end hyphen). Read only: never changed."""
    from english_words import get_english_words_set

    return get_english_words_set(["gcide", "web2"], lower=True)


def _needs_no_space(before: str, after: str) -> bool:
    return bool(CJK_CHAR.match(before[-1]) or CJK_CHAR.match(after[0]))
