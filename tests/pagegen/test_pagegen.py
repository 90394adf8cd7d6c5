"""The synthetic page generator: reproducible pages whose truth matches what was drawn."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from pagegen import generate_page, load_truth, random_spec, save_page
from pagegen.__main__ import main as cli_main
from pagegen.corpus import load_corpus
from pagegen.fonts import Face, missing_glyphs
from pagegen.samples import SAMPLES, build_sample
from pagegen.scan import Rotation
from pagegen.typeset import NO_END, NO_START, break_cjk, break_latin, unbreak

TOP_KEYS = {
    "image",
    "language",
    "script",
    "width",
    "height",
    "dpi",
    "skew_angle",
    "columns",
    "running_head",
    "articles",
}
ARTICLE_KEYS = {"headline", "paragraphs", "captions", "byline", "bbox"}
SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_scans"


def small_spec(seed: int, language: str = "zh-hans", **overrides: object):
    """A small page (fast to draw) with two bands and one photo."""
    base = {
        "width": 960,
        "height": 1280,
        "margin": 60,
        "columns": 3,
        "gutter": 28,
        "body_size": 24,
        "band_count": 2,
        "photos": 1,
    }
    return random_spec(seed, language, **{**base, **overrides})


@pytest.fixture(scope="module")
def pages():
    return {lang: generate_page(small_spec(3, lang, skew=1.5)) for lang in ("zh-hans", "en")}


def test_same_seed_gives_identical_bytes_and_truth(tmp_path: Path) -> None:
    a, b = generate_page(small_spec(5)), generate_page(small_spec(5))
    assert a.image.tobytes() == b.image.tobytes()
    assert a.truth == b.truth
    pa = save_page(a, tmp_path / "a", "p", "png")
    pb = save_page(b, tmp_path / "b", "p", "png")
    assert pa.read_bytes() == pb.read_bytes()
    assert random_spec(9, "en") == random_spec(9, "en")


def test_different_seeds_differ() -> None:
    a, b = generate_page(small_spec(1)), generate_page(small_spec(2))
    assert a.image.tobytes() != b.image.tobytes()
    assert a.truth["articles"] != b.truth["articles"]
    assert random_spec(1, "en") != random_spec(2, "en")


@pytest.mark.parametrize(
    ("language", "lang", "script"),
    [("zh-hans", "zh", "hans"), ("zh-hant", "zh", "hant"), ("en", "en", "latn")],
)
def test_truth_has_the_required_keys(language: str, lang: str, script: str) -> None:
    page = generate_page(small_spec(4, language))
    truth = page.truth
    assert set(truth) == TOP_KEYS
    assert (truth["language"], truth["script"], truth["dpi"]) == (lang, script, 200)
    assert (truth["width"], truth["height"]) == page.image.size
    assert truth["columns"] == page.spec.columns
    header, folio = truth["running_head"]
    assert header and folio
    assert truth["articles"]
    for art in truth["articles"]:
        assert set(art) == ARTICLE_KEYS
        assert art["headline"] and art["paragraphs"]
        assert all(isinstance(p, str) and p for p in art["paragraphs"])
        x0, y0, x1, y1 = art["bbox"]
        assert 0 <= x0 < x1 <= truth["width"] and 0 <= y0 < y1 <= truth["height"]
    assert sum(len(a["captions"]) for a in truth["articles"]) == 1
    json.dumps(truth)


def test_article_regions_have_ink(pages) -> None:
    for page in pages.values():
        clean = np.asarray(page.clean)
        scan = np.asarray(page.image.convert("L"))
        for art, truth in zip(page.layout.articles, page.truth["articles"], strict=True):
            x0, y0, x1, y1 = art.bbox
            assert (clean[y0:y1, x0:x1] < 128).mean() > 0.03
            x0, y0, x1, y1 = truth["bbox"]
            crop = scan[y0:y1, x0:x1]
            assert (crop < crop.mean() - 60).mean() > 0.02


def test_truth_text_is_the_printed_text(pages) -> None:
    for page in pages.values():
        cjk = page.spec.is_cjk
        for art, truth in zip(page.layout.articles, page.truth["articles"], strict=True):
            lines: dict[int, list[str]] = {}
            for el in art.elements:
                if el.kind == "text":
                    lines.setdefault(el.paragraph, []).append(el.text)
            printed = [unbreak(lines[p], cjk) for p in sorted(lines)]
            assert printed == truth["paragraphs"]
            heads = [el.text for el in art.elements if el.kind == "headline"]
            assert ("" if cjk else " ").join(heads) == truth["headline"]
            caps = [el.text for el in art.elements if el.kind == "caption"]
            if truth["captions"]:
                joined = ("" if cjk else " ").join(caps)
                assert joined.replace(" ", "") == truth["captions"][0].replace(" ", "")


def test_drawn_text_lines_do_not_overlap(pages) -> None:
    for page in pages.values():
        boxes = [e.box for e in page.layout.elements if e.kind != "rule"]
        for a, b in combinations(boxes, 2):
            overlap_x = min(a[2], b[2]) - max(a[0], b[0])
            overlap_y = min(a[3], b[3]) - max(a[1], b[1])
            assert overlap_x <= 1 or overlap_y <= 1, (a, b)


def test_paragraph_flows_into_the_next_column() -> None:
    page = generate_page(small_spec(8, "zh-hans", photos=0))
    split = 0
    for art in page.layout.articles:
        xs_by_par: dict[int, set[int]] = {}
        for el in art.elements:
            if el.kind == "text":
                xs_by_par.setdefault(el.paragraph, set()).add(el.box[0] // 100)
        split += sum(len(xs) > 1 for xs in xs_by_par.values())
    assert split >= 1


def test_skew_angle_is_the_spec_angle_and_boxes_follow_it() -> None:
    page = generate_page(small_spec(6, "en", skew=-2.5, expand=True))
    assert page.truth["skew_angle"] == page.spec.skew == -2.5
    assert page.image.size != page.clean.size
    for expand in (False, True):
        img = Image.new("L", (400, 300), 255)
        ImageDraw.Draw(img).ellipse((300, 60, 310, 70), fill=0)
        turned = img.rotate(7, resample=Image.Resampling.BICUBIC, expand=expand, fillcolor=255)
        ys, xs = np.nonzero(np.asarray(turned) < 128)
        mapped = Rotation(7, img.size, turned.size).point(305, 65)
        assert abs(xs.mean() - mapped[0]) < 1.5 and abs(ys.mean() - mapped[1]) < 1.5


def test_g4_tiff_round_trips_as_one_bit(tmp_path: Path) -> None:
    page = generate_page(small_spec(7, "en", scan={"bitonal": True}))
    assert page.image.mode == "1"
    path = save_page(page, tmp_path, "bits", "tif-g4")
    with Image.open(path) as img:
        assert img.mode == "1"
        assert img.info["compression"] == "group4"
        assert round(img.info["dpi"][0]) == 200
        assert img.size == (page.truth["width"], page.truth["height"])
    assert load_truth(path)["image"] == "bits.tif"


@pytest.mark.parametrize("fmt", ["png", "jpg"])
def test_save_writes_dpi_and_truth(tmp_path: Path, fmt: str) -> None:
    page = generate_page(small_spec(2, "zh-hant"))
    path = save_page(page, tmp_path, "page", fmt)
    with Image.open(path) as img:
        assert round(img.info["dpi"][0]) == 200
    truth = json.loads((tmp_path / "page.truth.json").read_text(encoding="utf-8"))
    assert truth["image"] == path.name
    assert truth["articles"] == page.truth["articles"]


def test_random_specs_stay_in_range() -> None:
    for seed in range(40):
        for language in ("zh-hans", "zh-hant", "en"):
            spec = random_spec(seed, language)
            assert 3 <= spec.columns <= 8
            assert 1600 <= spec.width <= 2400 and 2200 <= spec.height <= 3300
            assert 80 <= spec.margin <= 120 and 25 <= spec.gutter <= 40
            assert abs(spec.skew) <= 5 and 1.35 <= spec.leading <= 1.6
            size = spec.body_size
            assert (24 <= size <= 30) if spec.is_cjk else (26 <= size <= 32)
            for band in spec.bands:
                assert sum(a.span for a in band.articles) == spec.columns
                assert 1 <= len(band.articles) <= 3


def test_random_spec_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        random_spec(1, "fr")
    with pytest.raises(TypeError):
        random_spec(1, "en", colums=4)
    with pytest.raises(ValueError):
        random_spec(1, "en", columns=4, spans=((3,), (2, 1)))


def test_cjk_lines_obey_kinsoku_and_fill_the_column() -> None:
    face = Face("uming", 26)
    text = "".join(load_corpus("zh-hans").stories[0].sentences[:6])
    for chars in (8, 11, 13):
        lines = break_cjk(text, face, 26 * chars, indent=52)
        assert "".join(ln.text for ln in lines) == text
        assert all(ln.text[0] not in NO_START for ln in lines[1:])
        assert all(ln.text[-1] not in NO_END for ln in lines)
        assert all(abs(ln.width - 26 * chars) < 1 for ln in lines[:-1])


def test_english_hyphenation_is_undone_in_the_truth() -> None:
    face = Face("liberation-serif", 28)
    text = " ".join(load_corpus("en").stories[0].sentences[:5])
    lines = break_latin(text, face, 300, indent=42, hyphenate=1.0, rng=np.random.default_rng(0))
    assert any(ln.text.endswith("-") for ln in lines)
    assert unbreak([ln.text for ln in lines], cjk=False) == text
    assert all(ln.width <= 300.5 for ln in lines if len(ln.text.split()) > 1)


@pytest.mark.parametrize("language", ["zh-hans", "zh-hant", "en"])
def test_fonts_cover_the_corpus(language: str) -> None:
    text = load_corpus(language).all_text()
    fonts = (
        ["uming", "zenhei", "microhei"]
        if language != "en"
        else [
            "liberation-serif",
            "dejavu-serif",
            "liberation-sans-bold",
            "liberation-serif-italic",
            "dejavu-serif-bold",
        ]
    )
    for name in fonts:
        assert not missing_glyphs(name, text, language == "zh-hant"), name


def test_cli_writes_pages(tmp_path: Path) -> None:
    paths = cli_main(["--seed", "3", "--lang", "zh-hant", "--out", str(tmp_path)])
    assert len(paths) == 1 and paths[0].exists()
    truth = load_truth(paths[0])
    assert truth["image"] == paths[0].name and truth["script"] == "hant"


def test_committed_samples_match_their_truth() -> None:
    stems = {s.stem: s for s in SAMPLES}
    assert len(stems) >= 5
    for stem in stems:
        image_path = next(SAMPLE_DIR.glob(f"{stem}.[pjt][npi][gf]"))
        truth = load_truth(image_path)
        with Image.open(image_path) as img:
            assert img.size == (truth["width"], truth["height"])
        assert truth["image"] == image_path.name
    small = stems["zh-hans-4col-small"]
    rebuilt = dict(build_sample(small).truth, image=f"{small.stem}.png")
    assert rebuilt == load_truth(SAMPLE_DIR / f"{small.stem}.png")
