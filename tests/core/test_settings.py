"""One settings object: defaults, then newsprint.toml, then NEWSPRINT_* variables."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsprint.core.settings import Settings


def test_defaults_keep_newspaper_type_readable() -> None:
    settings = Settings()
    assert settings.ocr.det_limit_side_len >= 2000
    assert settings.language == "auto"


def test_toml_file_then_environment_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "newsprint.toml").write_text(
        "[ocr]\nthreads = 1\ndet_limit_side_len = 2800\n[deskew]\nmax_angle = 10.0\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSPRINT_OCR__DET_LIMIT_SIDE_LEN", "3000")
    settings = Settings()
    assert settings.ocr.threads == 1
    assert settings.deskew.max_angle == 10.0
    assert settings.ocr.det_limit_side_len == 3000


def test_a_setting_nothing_reads_is_gone_and_an_old_file_naming_it_still_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # articles.short_line_ratio was never read: paragraph ends are decided
    # from the line's right edge and the next line (articles.paragraphs).
    (tmp_path / "newsprint.toml").write_text(
        "[articles]\nshort_line_ratio = 0.5\nindent_chars = 1.5\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    assert settings.articles.indent_chars == 1.5
    assert not hasattr(settings.articles, "short_line_ratio")
