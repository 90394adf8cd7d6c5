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
