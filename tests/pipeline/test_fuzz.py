"""Fuzzing, bounded in time: mutated real images into the loader give pages or a
clean ``ScanError``; mutated real ``page.json`` into the page model gives a page
or a clean ``pydantic.ValidationError``. Nothing else may escape."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import numpy as np
import pydantic
import pytest
from handmade import make_page
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newsprint.core.errors import ScanError
from newsprint.core.page import NewspaperPage
from newsprint.core.settings import ScanSettings
from newsprint.exports.page_json import read_page_json, write_page_json
from newsprint.scans import load_scan
from PIL import Image

SMALL = ScanSettings(max_pixels=4_000_000)
"""A low pixel limit keeps each example fast: a mutated header may declare a big image."""
FUZZ = settings(
    max_examples=150, deadline=3000, suppress_health_check=[HealthCheck.too_slow], database=None
)


def _seed_images() -> list[bytes]:
    rng = np.random.default_rng(5)
    grey = Image.fromarray(rng.integers(0, 255, (48, 64), np.uint8))
    seeds = []
    for fmt, image, options in [
        ("PNG", grey, {}),
        ("JPEG", grey.convert("RGB"), {"quality": 80}),
        ("TIFF", grey, {"compression": "tiff_lzw"}),
        ("TIFF", grey.convert("1"), {"compression": "group4"}),
        ("GIF", grey, {}),
        ("BMP", grey, {}),
        ("PDF", grey, {"resolution": 72.0}),
    ]:
        buffer = io.BytesIO()
        image.save(buffer, fmt, **options)
        seeds.append(buffer.getvalue())
    return seeds


SEEDS = _seed_images()


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        kind = draw(st.sampled_from(["flip", "byte", "cut", "insert", "zero-run"]))
        if kind == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "byte" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "zero-run":
            data[at : at + draw(st.integers(1, 64))] = b"\0" * 8
    return bytes(data)


@FUZZ
@given(data=mutated(SEEDS))
def test_mutated_images_give_pages_or_a_clean_scan_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.jpg"
        path.write_bytes(data)
        try:
            pages = load_scan(path, SMALL)
        except ScanError as exc:
            assert exc.path == str(path) and exc.reason
            return
        for page in pages:
            assert page.image.dtype == np.uint8 and page.image.shape[:2] == (
                page.height,
                page.width,
            )


@FUZZ
@given(data=st.binary(max_size=2048))
def test_random_bytes_give_a_clean_scan_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.png"
        path.write_bytes(data)
        with pytest.raises(ScanError):
            load_scan(path, SMALL)


@pytest.fixture(scope="module")
def page_json_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("page")
    return write_page_json(make_page(), folder).read_bytes()


def _json_values() -> st.SearchStrategy:
    scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=3), max_leaves=6)


@FUZZ
@given(data=st.data())
def test_mutated_page_json_gives_a_page_or_a_validation_error(
    page_json_bytes: bytes, data: st.DataObject
) -> None:
    document = json.loads(page_json_bytes)
    for _ in range(data.draw(st.integers(1, 4))):
        _mutate(document, data)
    text = json.dumps(document, allow_nan=True).encode()
    if data.draw(st.booleans()):
        cut = data.draw(st.integers(0, len(text)))
        text = text[:cut]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.json"
        path.write_bytes(text)
        try:
            page = read_page_json(path)
        except pydantic.ValidationError:
            return
        assert isinstance(page, NewspaperPage)


def _mutate(node: object, data: st.DataObject) -> None:
    """Replace, delete or retype one value somewhere in the JSON tree."""
    path = []
    while isinstance(node, (dict, list)) and node and data.draw(st.booleans()):
        key = data.draw(
            st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node)))
        )
        path.append((node, key))
        node = node[key]
    if not path:
        return
    parent, key = path[-1]
    if data.draw(st.booleans()):
        parent[key] = data.draw(_json_values())
    elif isinstance(parent, dict):
        del parent[key]
    else:
        parent.pop(key)
