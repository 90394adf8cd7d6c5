"""Fixtures shared by the stages' tests (tests/<stage>/test_*.py).

Helpers shared as plain code sit beside this file and are imported by name
(``tests`` is on pytest's pythonpath): ``synth`` (drawn pages), ``archival`` (the
sample issue), ``badfiles`` (broken image files), ``handmade`` (a hand-built page),
``offline`` (no network).
"""

from __future__ import annotations

import pytest
from newsprint.core.settings import OcrSettings
from newsprint.ocr.engine import OcrEngine, load_engine
from offline import no_network


@pytest.fixture(scope="session")
def ocr_settings(tmp_path_factory: pytest.TempPathFactory) -> OcrSettings:
    """The default OCR settings, with the model folders built in a fresh folder of the
    session's and two threads."""
    return OcrSettings(cache_dir=tmp_path_factory.mktemp("ocr-models"), threads=2)


@pytest.fixture(scope="session")
def engine(ocr_settings: OcrSettings) -> OcrEngine:
    """The real OCR engine (the models the rapidocr wheel ships), loaded once per test
    session, offline: loading it must not reach the network."""
    with no_network() as attempts:
        loaded = load_engine(ocr_settings)
    assert attempts == [], f"loading the OCR models tried to reach the network: {attempts}"
    return loaded
