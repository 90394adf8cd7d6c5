"""A multi-page scan is never decoded in full to count its pages or to read one page."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from newsprint.catalog import Catalog
from newsprint.core.settings import Settings
from newsprint.pipeline.jobs import load_catalogued_page, register_scan
from newsprint.scans import pdf, pdf_supported, raster
from newsprint.store import open_store
from PIL import Image

PAGES = 4


def _pages() -> list[Image.Image]:
    # Each page a different grey, so the page read can be told from the others.
    return [Image.new("L", (160, 120), 40 + 50 * i) for i in range(PAGES)]


def _tiff(folder: Path) -> Path:
    first, *rest = _pages()
    path = folder / "issue.tif"
    first.save(path, save_all=True, append_images=rest, compression="tiff_deflate")
    return path


def _pdf(folder: Path) -> Path:
    first, *rest = _pages()
    path = folder / "issue.pdf"
    first.save(path, save_all=True, append_images=rest, resolution=100)
    return path


@pytest.fixture
def decodes(monkeypatch) -> list[int]:
    """One entry per page turned into pixels, by the raster or the PDF decoder."""
    seen: list[int] = []
    for module in (raster, pdf):
        real = module.to_array

        def counting(image, _real=real):
            seen.append(1)
            return _real(image)

        monkeypatch.setattr(module, "to_array", counting)
    return seen


@pytest.mark.parametrize(
    "make",
    [
        _tiff,
        pytest.param(_pdf, marks=pytest.mark.skipif(not pdf_supported(), reason="no pypdfium2")),
    ],
)
def test_registering_decodes_nothing_and_loading_a_page_decodes_that_page(
    tmp_path: Path, decodes: list[int], make
) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    scan = make(inbox)
    catalog = Catalog.open(None, out)
    settings = Settings()
    found = register_scan(catalog, open_store(inbox), str(scan.resolve()), settings)
    assert found.error is None and len(found.page_ids) == PAGES
    assert decodes == []  # counted from the headers

    info = catalog.page(found.page_ids[2])
    page = load_catalogued_page(catalog, info, settings)
    assert decodes == [1]
    assert (page.page_index, page.page_count) == (2, PAGES)
    assert int(np.median(page.image)) == pytest.approx(140, abs=2)


def test_a_page_past_the_end_or_changed_bytes_are_clear_errors(tmp_path: Path) -> None:
    from newsprint.core.errors import ScanChangedError, ScanError
    from newsprint.scans import inspect_scan, load_scan_page

    scan = _tiff(tmp_path)
    settings = Settings().scan
    found = inspect_scan(scan, settings)
    assert found.page_count == PAGES
    with pytest.raises(ScanError, match=f"has {PAGES} page\\(s\\), no page {PAGES + 1}"):
        load_scan_page(scan, settings, PAGES)
    with pytest.raises(ScanChangedError, match="content changed"):
        load_scan_page(scan, settings, 0, sha256="0" * 64)
    assert load_scan_page(scan, settings, 1, sha256=found.sha256).page_index == 1


def test_a_page_that_cannot_be_decoded_fails_with_its_own_reason(tmp_path: Path) -> None:
    """The header reads (so the scan is catalogued with its page), the data is cut
    short: the page fails when it runs, in the child process of the per-page time
    limit, with the decoder's reason (not as a dead child)."""
    import io
    import pickle

    from newsprint.catalog import claimant_id
    from newsprint.core.errors import PageDecodeError, ScanChangedError
    from newsprint.pipeline import limits
    from newsprint.pipeline.jobs import run_page

    for error in (PageDecodeError("a.png", "truncated"), ScanChangedError("a.png", "changed")):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error) and str(again) == str(error)

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    data = io.BytesIO()
    Image.effect_noise((400, 300), 60).save(data, "PNG")
    cut = inbox / "cut.png"
    cut.write_bytes(data.getvalue()[: len(data.getvalue()) // 2])
    catalog = Catalog.open(None, out)
    settings = Settings()
    prefect = settings.prefect.model_copy(update={"page_timeout_seconds": 300})
    settings = settings.model_copy(update={"prefect": prefect})
    found = register_scan(catalog, open_store(inbox), str(cut.resolve()), settings)
    assert found.error is None and len(found.page_ids) == 1
    try:
        outcome = run_page(catalog, found.page_ids[0], out, settings, claimant_id("t"))
    finally:
        limits.stop_children()
    assert outcome.status == "failed"
    assert outcome.error.startswith(f"{cut.resolve()}: ") and "truncated" in outcome.error
    assert not (out / "cut").exists()
