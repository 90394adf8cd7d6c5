"""How much a run of Chinese characters reads as words: the sum of the Zipf
frequencies of its character pairs and triples that are Chinese words
(wordfreq's Chinese list, traditional characters mapped to simplified with
wordfreq's own table). Used where geometry cannot tell which way characters
run and the words can (``articles.rtl``, ``ocr.grids``)."""

from __future__ import annotations

import functools
import gzip
import math
from pathlib import Path


def word_score(text: str, sizes: tuple[int, ...] = (2, 3)) -> float:
    """Sum of the Zipf values (log10 of the frequency per billion words) of the
    runs of ``sizes`` characters of ``text`` that are Chinese words (0 for
    those that are not, and for text without Chinese)."""
    words = _frequencies()
    plain = text.translate(_simplified())
    total = 0.0
    for size in sizes:
        for i in range(len(plain) - size + 1):
            freq = words.get(plain[i : i + size])
            if freq:
                total += math.log10(freq) + 9.0
    return total


@functools.cache
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("zh")


@functools.cache
def _simplified() -> dict[int, str]:
    """wordfreq's own traditional-to-simplified character table (codepoint -> str)."""
    import msgpack
    import wordfreq

    path = Path(wordfreq.__file__).with_name("data") / "_chinese_mapping.msgpack.gz"
    with gzip.open(path) as stream:
        return msgpack.load(stream, raw=False, strict_map_key=False)
