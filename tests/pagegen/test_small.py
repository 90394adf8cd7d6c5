"""Modern Chinese pages scanned small (72-100 dpi), broadsheets kept small (56-72
dpi), English pages kept small (68-80 dpi), and their place in the benchmark."""

from __future__ import annotations

from pathlib import Path

from bench.pages import (
    BROADSHEET_GENERATOR,
    LETTER_GENERATOR,
    SMALL_GENERATOR,
    broadsheet_page_count,
    letter_page_count,
    page_set,
    page_specs,
    small_page_count,
)
from pagegen import (
    load_truth,
    random_broadsheet_spec,
    random_letter_spec,
    random_small_spec,
    random_spec,
)
from pagegen.__main__ import main as cli_main


def test_a_small_page_is_chinese_at_72_to_100_dpi_and_never_one_bit() -> None:
    for seed in range(20):
        spec = random_small_spec(seed)
        assert spec.language == ("zh-hans", "zh-hant")[seed % 2]
        assert 72 <= spec.dpi <= 100 and spec.dpi == round(200 * spec.scan.scale)
        assert not spec.scan.bitonal
        assert spec.scan.border_width <= 0.5 * 70  # in the margin, not over the print
        assert spec.scan.blur <= 0.5 * 1.0
    # Its layout is its own, not that of the modern page of the same seed.
    assert random_small_spec(1000).bands != random_spec(1000, "zh-hans").bands
    assert random_small_spec(1000) == random_small_spec(1000)


def test_benchmark_sets_hold_small_chinese_pages() -> None:
    assert small_page_count(10) == 2 and small_page_count(4) == 1
    stems = [stem for stem, _ in page_specs(1000, 10) if stem.startswith("zh-small-")]
    assert stems == ["zh-small-1000", "zh-small-1001"]
    assert [s for s, _ in page_specs(5000, 4) if s.startswith("zh-small-")] == ["zh-small-5000"]


def test_cli_writes_a_small_page_at_its_dpi(tmp_path: Path) -> None:
    paths = cli_main(["--style", "small", "--seed", "3", "--out", str(tmp_path)])
    assert [p.stem for p in paths] == ["zh-small-3"]
    truth = load_truth(paths[0])
    assert truth["dpi"] == random_small_spec(3).dpi and truth["script"] == "hant"
    assert truth["width"] < 1300 and truth["articles"]


def test_a_cached_small_page_of_an_older_generator_is_drawn_again(tmp_path: Path) -> None:
    paths = [p for p in page_set(tmp_path, 5000, 1) if p.stem.startswith("zh-small-")]
    truth = tmp_path / "zh-small-5000.truth.json"
    assert load_truth(paths[0])["generator"] == SMALL_GENERATOR
    stale = truth.read_text(encoding="utf-8").replace(SMALL_GENERATOR, "small-0")
    truth.write_text(stale, encoding="utf-8")
    page_set(tmp_path, 5000, 1)
    assert load_truth(paths[0])["generator"] == SMALL_GENERATOR


def test_a_broadsheet_is_six_to_eight_columns_of_chinese_at_56_to_72_dpi() -> None:
    for seed in range(300):
        spec = random_broadsheet_spec(seed)
        assert spec.language == ("zh-hans", "zh-hant")[seed % 2]
        assert 56 <= spec.dpi <= 72 and spec.dpi == round(200 * spec.scan.scale)
        assert 6 <= spec.columns <= 8 and not spec.scan.bitonal
        assert 3000 <= spec.width <= 3400  # 15-17 inches
        assert 6.5 <= spec.body_size * spec.scan.scale <= 10  # body type in scan pixels
        assert spec.height * spec.scan.scale < 1800
    assert random_broadsheet_spec(1000) == random_broadsheet_spec(1000)
    assert random_broadsheet_spec(1000).bands != random_spec(1000, "zh-hans").bands


def test_benchmark_sets_hold_a_broadsheet_and_stamp_its_generator(tmp_path: Path) -> None:
    assert broadsheet_page_count(10) == 1 and broadsheet_page_count(4) == 1
    assert [s for s, _ in page_specs(1000, 10) if s.startswith("zh-broad-")] == ["zh-broad-1000"]
    paths = [p for p in page_set(tmp_path, 5000, 1) if p.stem.startswith("zh-broad-")]
    truth = load_truth(paths[0])
    assert truth["generator"] == BROADSHEET_GENERATOR and truth["dpi"] <= 72
    assert max(truth["width"], truth["height"]) < 1800


def test_cli_writes_a_broadsheet(tmp_path: Path) -> None:
    paths = cli_main(["--style", "broadsheet", "--seed", "2", "--out", str(tmp_path)])
    assert [p.stem for p in paths] == ["zh-broad-2"] and load_truth(paths[0])["script"] == "hans"


def test_a_letter_page_is_english_at_68_to_80_dpi_and_never_one_bit() -> None:
    for seed in range(50):
        spec = random_letter_spec(seed)
        assert spec.language == "en" and not spec.scan.bitonal
        assert 68 <= spec.dpi <= 80 and spec.dpi == round(200 * spec.scan.scale)
        assert spec.width * spec.scan.scale < 1000  # about a letter page at 72 dpi
        assert 8.5 <= spec.body_size * spec.scan.scale <= 13  # body type in scan pixels
    assert random_letter_spec(1000) == random_letter_spec(1000)
    assert random_letter_spec(1000).bands != random_spec(1000, "en").bands


def test_benchmark_sets_hold_a_small_english_page_and_stamp_its_generator(
    tmp_path: Path,
) -> None:
    assert letter_page_count(10) == 1 and letter_page_count(4) == 1
    assert [s for s, _ in page_specs(1000, 10) if s.startswith("en-small-")] == ["en-small-1000"]
    paths = [p for p in page_set(tmp_path, 5000, 1) if p.stem.startswith("en-small-")]
    truth = load_truth(paths[0])
    assert truth["generator"] == LETTER_GENERATOR and 68 <= truth["dpi"] <= 80
    assert truth["language"] == "en" and truth["articles"]


def test_cli_writes_a_small_english_page(tmp_path: Path) -> None:
    paths = cli_main(["--style", "letter", "--seed", "4", "--out", str(tmp_path)])
    assert [p.stem for p in paths] == ["en-small-4"]
    assert load_truth(paths[0])["dpi"] == random_letter_spec(4).dpi
