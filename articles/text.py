"""Joining recognised lines into running text, by script."""

from __future__ import annotations

from newsprint.core.script import CJK_CHAR


def join_lines(lines: list[str]) -> str:
    """One paragraph from its lines: Chinese joined without spaces, English
    with spaces and end-of-line hyphenation undone."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
        elif _needs_no_space(out, line):
            out += line
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        else:
            out += " " + line
    return out


def _needs_no_space(before: str, after: str) -> bool:
    return bool(CJK_CHAR.match(before[-1]) or CJK_CHAR.match(after[0]))
