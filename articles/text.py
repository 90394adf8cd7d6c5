"""Joining recognised lines into running text, by script."""

from __future__ import annotations

import functools
import re

from newsprint.articles.params.text import HYPHENS
from newsprint.articles.punctuation import horizontal_punctuation
from newsprint.core.script import CJK_CHAR
from wordfreq import zipf_frequency

_LAST_WORD = re.compile(r"([^\W\d_][\w'’]*)-$")
_FIRST_WORD = re.compile(r"^([\w'’]+)")


def join_lines(lines: list[str]) -> str:
    """One paragraph from its lines: Chinese joined without spaces, English
    with spaces and end-of-line hyphenation undone; punctuation in vertical
    form in its horizontal form (``articles.punctuation``)."""
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
    return out


def soft_hyphen(line: str, next_line: str) -> bool:
    """Whether the hyphen ending ``line`` only breaks a word across lines (to be
    removed) rather than belonging to it (to be kept).

    Decided with wordfreq's word frequencies, as a reader would: the hyphen
    goes when the joined form is a word and the hyphenated form is not clearly
    more common; it stays when the second part starts with a digit or a
    capital ("post-1949", "Anglo-American") or the joined form is not a word
    ("well-known": "wellknown"; "Kai-shek"; "Hong Kong-based")."""
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
    joined = zipf_frequency(head + tail, "en")
    hyphenated = zipf_frequency(f"{head}-{tail}", "en")
    return joined >= HYPHENS.word_zipf and hyphenated < joined + HYPHENS.hyphenated_more_common


def _needs_no_space(before: str, after: str) -> bool:
    return bool(CJK_CHAR.match(before[-1]) or CJK_CHAR.match(after[0]))
