"""Scores of one predicted page against its ground truth (``*.truth.json``)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsprint.core.page import Article
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

FOUND_CER = 0.15
_SPACE = re.compile(r"\s+")
_CJK_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])")


def normalise(text: str) -> str:
    """Compare text as printed: one space for any run of white space, and
    none next to a Chinese character (the recogniser never writes spaces
    inside Chinese text, and a reader does not see them as characters)."""
    return _CJK_SPACE.sub("", _SPACE.sub(" ", text)).strip()


def cer(predicted: str, truth: str) -> float:
    truth, predicted = normalise(truth), normalise(predicted)
    if not truth:
        return 0.0 if not predicted else 1.0
    return Levenshtein.distance(predicted, truth) / len(truth)


def body(article: dict | Article) -> str:
    paragraphs = article["paragraphs"] if isinstance(article, dict) else article.paragraphs
    return "\n".join(paragraphs)


@dataclass
class PageScore:
    name: str
    truth_articles: int
    predicted_articles: int
    found: int = 0
    page_cer: float = 0.0
    headline_ok: int = 0
    headlines: int = 0
    caption_ok: int = 0
    captions: int = 0
    byline_ok: int = 0
    bylines: int = 0
    running_head_leaks: int = 0
    skew_error: float = 0.0
    seconds: float = 0.0
    details: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / max(1, self.truth_articles)

    @property
    def precision(self) -> float:
        return self.found / max(1, self.predicted_articles)


def score_page(name: str, truth: dict, page_json: dict, seconds: float = 0.0) -> PageScore:
    # The generator sets no advertisements: the stories are what is scored.
    predicted = [a for a in page_json["articles"] if a.get("kind", "article") == "article"]
    score = PageScore(name, len(truth["articles"]), len(predicted), seconds=seconds)
    score.skew_error = abs(page_json["skew_angle"] - truth["skew_angle"])
    used: set[int] = set()
    errors, total = 0.0, 0
    for gt in truth["articles"]:
        best, best_cer = _best_match(gt, predicted, used)
        truth_len = len(normalise(body(gt)))
        total += truth_len
        errors += min(1.0, best_cer) * truth_len
        if best is not None and best_cer <= FOUND_CER:
            used.add(best)
            score.found += 1
            _score_parts(score, gt, predicted[best])
        else:
            _score_parts(score, gt, None)
            score.details.append(
                f"missed: {(gt.get('headline') or body(gt))[:40]!r} (CER {best_cer:.2f})"
            )
    for i, art in enumerate(predicted):
        if i not in used:
            total += 0
            errors += len(normalise(body(art)))  # unmatched text counts as errors
    score.page_cer = errors / max(1, total)
    heads = [normalise(h) for h in truth.get("running_head", []) if len(normalise(h)) >= 4]
    score.running_head_leaks = sum(
        1 for art in predicted for h in heads if h and h in normalise(body(art))
    )
    return score


def _best_match(gt: dict, predicted: list[dict], used: set[int]) -> tuple[int | None, float]:
    best, best_cer = None, 1.0
    for i, art in enumerate(predicted):
        if i in used:
            continue
        value = cer(body(art), body(gt))
        if value < best_cer:
            best, best_cer = i, value
    return best, best_cer


def _score_parts(score: PageScore, gt: dict, art: dict | None) -> None:
    if gt.get("headline"):
        score.headlines += 1
        if art and art.get("headline") and cer(art["headline"], gt["headline"]) <= 0.1:
            score.headline_ok += 1
    for caption in gt.get("captions", []):
        score.captions += 1
        if art and any(cer(c, caption) <= 0.15 for c in art.get("captions", [])):
            score.caption_ok += 1
    if gt.get("byline"):
        score.bylines += 1
        if art and art.get("byline") and cer(art["byline"], gt["byline"]) <= 0.15:
            score.byline_ok += 1


def all_text(articles: list[dict]) -> str:
    parts = []
    for art in articles:
        parts += [art.get("headline") or "", *art.get("paragraphs", []), *art.get("captions", [])]
        parts.append(art.get("byline") or "")
    return "\n".join(p for p in parts if p)


def order_scores(truth: dict, page_json: dict) -> dict[str, float]:
    """Reading-order CER (each true article against the best-matching stretch
    of all predicted body text, in predicted order, however it was split into
    articles) and order-free character accuracy."""
    predicted = normalise("\n".join(body(a) for a in page_json["articles"]))
    errors, total = 0, 0
    for gt in truth["articles"]:
        gold = normalise(body(gt))
        if not gold:
            continue
        total += len(gold)
        if not predicted:
            errors += len(gold)
            continue
        window = fuzz.partial_ratio_alignment(gold, predicted)
        stretch = predicted[window.dest_start : window.dest_end]
        errors += min(len(gold), Levenshtein.distance(gold, stretch))
    gold_chars = Counter(_SPACE.sub("", all_text(truth["articles"])))
    seen = Counter(_SPACE.sub("", all_text(page_json["articles"])))
    matched = sum(min(n, seen[c]) for c, n in gold_chars.items())
    return {
        "order_cer": errors / max(1, total),
        "char_accuracy": matched / max(1, sum(gold_chars.values())),
    }
