"""The benchmark's scores on hand-made truth and predictions."""

from __future__ import annotations

import pytest

from bench.score import cer, order_scores, score_page

TRUTH = {
    "skew_angle": 1.0,
    "running_head": ["THE RIVERSIDE HERALD Thursday", "Page 4"],
    "articles": [
        {
            "headline": "Bridge reopens",
            "paragraphs": ["The bridge opened on Monday."],
            "captions": [],
            "byline": "By ANN LEE",
        },
        {
            "headline": "Budget passes",
            "paragraphs": ["The council voted five to two."],
            "captions": [],
            "byline": None,
        },
    ],
}


def _page(articles: list[dict], skew: float = 1.02) -> dict:
    return {"skew_angle": skew, "articles": articles}


def test_perfect_prediction_scores_full_marks() -> None:
    score = score_page("p", TRUTH, _page(TRUTH["articles"]))
    assert (score.found, score.recall, score.precision) == (2, 1.0, 1.0)
    assert score.page_cer == 0.0 and score.headline_ok == 2 and score.byline_ok == 1
    assert score.skew_error == pytest.approx(0.02)


def test_two_articles_merged_into_one_lose_recall_but_not_order() -> None:
    merged = [
        {
            "headline": "Bridge reopens",
            "byline": None,
            "captions": [],
            "paragraphs": ["The bridge opened on Monday.", "The council voted five to two."],
        }
    ]
    score = score_page("p", TRUTH, _page(merged))
    assert score.found < 2
    assert order_scores(TRUTH, _page(merged))["order_cer"] == 0.0


def test_running_head_inside_an_article_is_counted_as_a_leak() -> None:
    leaked = [dict(a) for a in TRUTH["articles"]]
    leaked[0]["paragraphs"] = ["THE RIVERSIDE HERALD Thursday The bridge opened on Monday."]
    assert score_page("p", TRUTH, _page(leaked)).running_head_leaks == 1


def test_chinese_spaces_do_not_count_as_errors() -> None:
    assert cer("记者马立新", "记者 马立新") == 0.0
    assert cer("abc", "abd") == pytest.approx(1 / 3)


def test_empty_prediction_scores_zero() -> None:
    score = score_page("p", TRUTH, _page([]))
    assert (score.found, score.recall, score.headline_ok, score.byline_ok) == (0, 0.0, 0, 0)
    assert score.page_cer == pytest.approx(1.0)
    assert order_scores(TRUTH, _page([]))["char_accuracy"] == 0.0


def test_shuffled_text_is_penalised_in_reading_order_not_in_characters() -> None:
    words = [" ".join(reversed(a["paragraphs"][0].split())) for a in TRUTH["articles"]]
    shuffled = [
        {**a, "paragraphs": [text]} for a, text in zip(TRUTH["articles"], words, strict=True)
    ]
    in_order = order_scores(TRUTH, _page(TRUTH["articles"]))
    out_of_order = order_scores(TRUTH, _page(shuffled))
    assert out_of_order["order_cer"] > 0.3 > in_order["order_cer"]
    assert out_of_order["char_accuracy"] == pytest.approx(in_order["char_accuracy"])
    assert score_page("p", TRUTH, _page(shuffled)).found < 2
