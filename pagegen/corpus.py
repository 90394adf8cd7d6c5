"""The text the pages are made of: news stories, names and masthead words.

Corpus files live in ``pagegen/corpus/`` (package data). A story file holds stories
separated by blank lines; in a story, ``# `` lines are headline variants, ``@ `` lines
are photo captions and every other line is one sentence of the body, in order.
Traditional Chinese files (``zh_hant*``) are the simplified ones converted once with
OpenCC (``python -m pagegen.build_corpus``), so generation needs no converter.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

CORPUS_DIR = Path(__file__).with_name("corpus")
PREFIX = {"zh-hans": "zh_hans", "zh-hant": "zh_hant", "en": "en"}


@dataclass(frozen=True)
class Story:
    headlines: tuple[str, ...]
    captions: tuple[str, ...]
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Corpus:
    language: str
    stories: tuple[Story, ...]
    names: tuple[str, ...]
    misc: dict[str, tuple[str, ...]]

    def word(self, key: str) -> str:
        """The first value of a misc key (e.g. the local word for 'reporter')."""
        return self.misc[key][0]

    def all_text(self) -> str:
        parts = [*self.names, *(v for vals in self.misc.values() for v in vals)]
        for story in self.stories:
            parts += [*story.headlines, *story.captions, *story.sentences]
        return "\n".join(parts)


def parse_stories(text: str) -> tuple[Story, ...]:
    stories = []
    for block in text.split("\n\n"):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        heads = tuple(ln[2:].strip() for ln in lines if ln.startswith("# "))
        caps = tuple(ln[2:].strip() for ln in lines if ln.startswith("@ "))
        sents = tuple(ln for ln in lines if not ln.startswith(("# ", "@ ")))
        if heads and sents:
            stories.append(Story(heads, caps, sents))
    return tuple(stories)


def parse_misc(text: str) -> dict[str, tuple[str, ...]]:
    misc: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            misc.setdefault(key.strip(), []).append(value.strip())
    return {k: tuple(v) for k, v in misc.items()}


@functools.cache
def load_corpus(language: str) -> Corpus:
    """The corpus of one language ("zh-hans", "zh-hant" or "en")."""
    prefix = PREFIX[language]

    def read(suffix: str) -> str:
        return (CORPUS_DIR / f"{prefix}{suffix}.txt").read_text(encoding="utf-8")

    names = tuple(n.strip() for n in read("_names").splitlines() if n.strip())
    return Corpus(language, parse_stories(read("")), names, parse_misc(read("_misc")))


class ContentPool:
    """Hands out stories and sentences for one page, avoiding repeats while it can."""

    def __init__(self, corpus: Corpus, rng: np.random.Generator) -> None:
        self.corpus = corpus
        self.rng = rng
        self.used_stories: set[int] = set()
        self.used_sentences: set[tuple[int, int]] = set()

    def story_order(self) -> list[int]:
        """Story indices, unused ones first, each group shuffled."""
        order = [int(i) for i in self.rng.permutation(len(self.corpus.stories))]
        return [i for i in order if i not in self.used_stories] + [
            i for i in order if i in self.used_stories
        ]

    def sentence_queue(self, story: int) -> list[tuple[int, int]]:
        """Sentences for an article: its story in order, then other stories' sentences."""
        self.used_stories.add(story)
        keys = [(story, j) for j in range(len(self.corpus.stories[story].sentences))]
        for other in reversed(self.story_order()):  # the stories headlines will use come last
            if other != story:
                keys += [(other, j) for j in range(len(self.corpus.stories[other].sentences))]
        fresh = [k for k in keys if k not in self.used_sentences]
        return fresh + [k for k in keys if k in self.used_sentences]

    def sentence(self, key: tuple[int, int]) -> str:
        return self.corpus.stories[key[0]].sentences[key[1]]

    def name(self) -> str:
        return self.corpus.names[int(self.rng.integers(len(self.corpus.names)))]

    def names(self, n: int) -> list[str]:
        """``n`` different people."""
        picks = self.rng.choice(len(self.corpus.names), size=n, replace=False)
        return [self.corpus.names[int(i)] for i in picks]

    def choice(self, key: str) -> str:
        values = self.corpus.misc[key]
        return values[int(self.rng.integers(len(values)))]
