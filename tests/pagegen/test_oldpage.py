"""19th-century pages (``pagegen.oldpage``) and the microfilm scan effects
(``pagegen.microfilm``): dense ruled columns, reading order down each column, bitonal
scans at low dpi, dust, broken strokes and show-through that leave the truth alone."""

from __future__ import annotations

import dataclasses
from itertools import combinations
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw

from bench.pages import page_set, page_specs
from pagegen import generate_page, load_truth, random_spec, save_page
from pagegen.__main__ import main as cli_main
from pagegen.microfilm import broken_strokes, resample, show_through, speckle, spread
from pagegen.oldrandom import random_old_spec
from pagegen.scan import Rotation
from pagegen.spec import OldArticleSpec
from pagegen.typeset import unbreak

SMALL = {"width": 1700, "height": 2300, "margin": 80, "columns": 5, "body_size": 26, "gutter": 14}
"""A small old page (fast to draw): 5 columns of about 12 ems."""


def small_old(seed: int, scan: dict | None = None, **overrides: object):
    return random_old_spec(seed, **{**SMALL, "skew": 0.0, **overrides}, scan=scan or {})


@pytest.fixture(scope="module")
def page():
    return generate_page(small_old(3, gutter=20, old={"rule_breaks": 0.0}))


def columns_of(page, xs: list[float]) -> list[int]:
    starts = [
        page.spec.margin + c * (page_col_width(page) + page.spec.gutter)
        for c in range(page.spec.columns)
    ]
    return [min(range(len(starts)), key=lambda c: abs(starts[c] - x)) for x in xs]


def page_col_width(page) -> float:
    spec = page.spec
    return (spec.width - 2 * spec.margin - (spec.columns - 1) * spec.gutter) / spec.columns


def vertical_rules(page) -> list:
    return [e for e in page.layout.elements if e.kind == "rule" and e.box[3] - e.box[1] > 500]


def test_old_page_has_a_rule_in_every_gutter_in_truth_and_image(page) -> None:
    rules = vertical_rules(page)
    xs = sorted({round((e.box[0] + e.box[2]) / 2) for e in rules})
    assert len(xs) == page.spec.columns - 1 >= 4
    scan = np.asarray(page.image.convert("L")) < 128
    for x in xs:
        el = next(e for e in rules if abs((e.box[0] + e.box[2]) / 2 - x) <= 1)
        (sx, y0), (_, y1) = page.rotation.point(x, el.box[1]), page.rotation.point(x, el.box[3])
        band = scan[round(y0) + 5 : round(y1) - 5, round(sx) - 2 : round(sx) + 3]
        assert band.any(axis=1).mean() > 0.9, x  # the rule is printed all the way down
        beside = scan[round(y0) + 5 : round(y1) - 5, round(sx) + 3]
        assert beside.mean() < 0.3, x  # a thin rule in a narrow gutter, not type


def test_reading_order_runs_down_each_column_then_the_next(page) -> None:
    flow = []
    for art in page.layout.articles:
        for el in art.elements:
            if el.kind in ("text", "headline"):
                flow.append((columns_of(page, [el.box[0] - 40])[0], el.box[1]))
    assert flow == sorted(flow)
    assert {c for c, _ in flow} == set(range(page.spec.columns))
    spans = [
        len({columns_of(page, [e.box[0] - 40])[0] for e in art.elements if e.kind == "text"})
        for art in page.layout.articles
    ]
    assert max(spans) >= 2  # an article runs from the foot of a column to the next


def test_headings_are_centred_capitals_of_body_size(page) -> None:
    heads = [e for e in page.layout.elements if e.kind == "headline"]
    assert len(heads) >= 3
    body = page.spec.body_size
    for el in heads:
        assert el.text == el.text.upper()
        col = columns_of(page, [el.box[0] - 40])[0]
        left = page.spec.margin + col * (page_col_width(page) + page.spec.gutter)
        centre = left + page_col_width(page) / 2
        assert abs((el.box[0] + el.box[2]) / 2 - centre) <= 2
        assert el.box[3] - el.box[1] <= 1.6 * body
    for art, truth in zip(page.layout.articles, page.truth["articles"], strict=True):
        heads = [e.text for e in art.elements if e.kind == "headline"]
        assert truth["headline"] == (" ".join(heads) or None)


def test_truth_text_is_the_printed_text_and_lines_do_not_overlap(page) -> None:
    assert page.truth["columns"] == page.spec.columns
    for art, truth in zip(page.layout.articles, page.truth["articles"], strict=True):
        lines: dict[int, list[str]] = {}
        for el in art.elements:
            if el.kind == "text":
                lines.setdefault(el.paragraph, []).append(el.text)
        assert [unbreak(lines[p], False) for p in sorted(lines)] == truth["paragraphs"]
        assert truth["paragraphs"] and not truth["captions"]
    boxes = [e.box for e in page.layout.elements if e.kind != "rule"]
    for a, b in combinations(boxes, 2):
        assert min(a[2], b[2]) - max(a[0], b[0]) <= 1 or min(a[3], b[3]) - max(a[1], b[1]) <= 1


def test_articles_without_heading_follow_a_short_centred_rule() -> None:
    base = small_old(5)
    run_on = OldArticleSpec(heading="none", lines=12)
    old = dataclasses.replace(base.old, articles=(base.old.articles[0], run_on, run_on, run_on))
    page = generate_page(dataclasses.replace(base, old=old))
    assert [a["headline"] is None for a in page.truth["articles"][1:]] == [True] * 3
    short = [
        e
        for e in page.layout.elements
        if e.kind == "rule" and e.box[3] - e.box[1] < 10 and e.box[2] - e.box[0] < 200
    ]
    assert len(short) >= 2  # one before each, except at the head of a column
    for rule in short:
        col = columns_of(page, [rule.box[0] - 40])[0]
        left = page.spec.margin + col * (page_col_width(page) + page.spec.gutter)
        assert abs((rule.box[0] + rule.box[2]) / 2 - (left + page_col_width(page) / 2)) <= 2


def test_bitonal_page_is_one_bit_at_the_dpi_asked(tmp_path: Path) -> None:
    spec = small_old(7, dpi=96, scan={"bitonal": True, "grey": False})
    page = generate_page(spec)
    assert page.image.mode == "1"
    assert page.image.size == page.rotation.size
    assert page.image.size == (
        round(spec.width * spec.scan.scale),
        round(spec.height * spec.scan.scale),
    )
    path = save_page(page, tmp_path, "old", "tif-g4")
    with Image.open(path) as img:
        assert img.mode == "1" and round(img.info["dpi"][0]) == 96
    assert load_truth(path)["dpi"] == 96
    heights = [
        page.rotation.box(e.box)[3] - page.rotation.box(e.box)[1]
        for e in page.layout.elements
        if e.kind == "text"
    ]
    assert 12 <= float(np.median(heights)) <= 20  # body type 13-18 px, as on the NCSE scans
    scan = np.asarray(page.image.convert("L"))
    for truth in page.truth["articles"]:
        x0, y0, x1, y1 = truth["bbox"]
        assert 0 <= x0 < x1 <= scan.shape[1] and 0 <= y0 < y1 <= scan.shape[0]
        assert (scan[y0:y1, x0:x1] < 128).mean() > 0.05


def small_specks(image: Image.Image) -> int:
    ink = (np.asarray(image.convert("L")) < 128).astype(np.uint8)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return int((stats[1:, cv2.CC_STAT_AREA] <= 6).sum())


def test_speckle_is_dust_on_the_image_and_leaves_the_truth() -> None:
    clean_scan = {"bitonal": True, "grey": False, "speckle": 0.0, "dropout": 0.0}
    plain = generate_page(small_old(9, scan=clean_scan))
    dusty = generate_page(small_old(9, scan={**clean_scan, "speckle": 0.002}))
    assert dusty.truth == plain.truth
    w, h = dusty.image.size
    added = small_specks(dusty.image) - small_specks(plain.image)
    assert added > 0.3 * 0.002 * w * h  # most seeds make a speck of their own


def test_broken_strokes_take_ink_away_and_leave_the_truth() -> None:
    scan = {"bitonal": True, "grey": False, "speckle": 0.0, "dropout": 0.0}
    whole = generate_page(small_old(11, scan=scan))
    broken = generate_page(small_old(11, scan={**scan, "dropout": 0.5}))
    assert broken.truth == whole.truth
    ink_whole = (np.asarray(whole.image.convert("L")) < 128).sum()
    ink_broken = (np.asarray(broken.image.convert("L")) < 128).sum()
    assert ink_broken < 0.97 * ink_whole


def test_microfilm_functions() -> None:
    rng = np.random.default_rng(0)
    frac = np.ones((200, 300), np.float32)
    frac[50:150, 20:80] = 0.0  # ink on the left
    seen = show_through(frac, 0.3, 0.0, rng)
    assert seen[50:150, 20:80].max() == 0.0  # the recto's ink stays ink
    mirror = seen[60:140, 230:270]  # where the mirrored block falls (moved by <= 3%)
    assert 0.65 < mirror.mean() < 0.9 and seen[:, 120:180].min() > 0.95
    grown = spread(frac, 2.0)
    assert grown[48:152, 20:80].max() == 0 and grown[50:150, 18:82].max() == 0  # 2 px more
    assert grown[47].min() == 1 and grown[:, 17].min() == 1 and spread(frac, 0.4) is frac
    lift = broken_strokes(rng, 100, 100, 0.4, 200.0)
    assert lift.min() >= 0 and 20 < lift[lift > 0].mean() < 200
    pixels = np.full((100, 100), 230.0, np.float32)
    pixels[:, :50] = 20.0
    speckle(rng, pixels, 0.01, 20.0, 230.0)
    assert 50 <= (pixels[:, 50:] == 20.0).sum() <= 400
    assert (pixels[:, :50] == 230.0).sum() >= 1


def test_old_pages_are_reproducible_and_the_modern_ones_unchanged() -> None:
    a, b = generate_page(small_old(4)), generate_page(small_old(4))
    assert a.image.tobytes() == b.image.tobytes() and a.truth == b.truth
    spec = random_spec(3, "en")
    assert spec.old is None and spec.scan.scale == 1.0 and spec.scan.speckle == 0.0


def test_random_old_specs_stay_in_range() -> None:
    bitonal = 0
    for seed in range(40):
        spec = random_old_spec(seed)
        assert 4 <= spec.columns <= 7 and spec.old is not None and not spec.bands
        assert 72 <= spec.dpi <= 150 and spec.language == "en"
        assert 13 <= spec.body_size * spec.scan.scale <= 18
        assert spec.gutter <= 1.2 * spec.body_size + 1
        bitonal += spec.scan.bitonal
        assert spec.scan.speckle > 0 and spec.scan.dropout > 0
    assert 20 <= bitonal < 40


def test_benchmark_sets_hold_old_pages_and_keep_the_modern_ones() -> None:
    specs = dict(page_specs(1000, 10))
    old = [stem for stem in specs if stem.startswith("en-old-")]
    assert old == ["en-old-1000", "en-old-1001", "en-old-1002", "en-old-1003"]
    assert all(specs[s].old is not None and specs[s].dpi <= 150 for s in old)
    assert specs["en-1000"] == random_spec(1000, "en")
    assert len(specs) == 38  # and two small-scanned Chinese pages, a broadsheet, a letter page
    assert sum(s.startswith("en-old-") for s, _ in page_specs(5000, 4)) == 2


def test_cli_writes_an_old_page_as_group4_tiff(tmp_path: Path) -> None:
    paths = cli_main(["--style", "old", "--seed", "2", "--out", str(tmp_path)])
    assert [p.name for p in paths] == ["en-old-2.tif"]
    truth = load_truth(paths[0])
    assert truth["dpi"] == random_old_spec(2).dpi and truth["script"] == "latn"
    header, folio = truth["running_head"]
    assert folio.isdigit() and header.startswith(
        ("THE ", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
    )


def test_lead_in_capitals_are_printed_and_in_the_truth() -> None:
    base = small_old(6)
    arts = tuple(dataclasses.replace(a, heading="caps", lead_caps=True) for a in base.old.articles)
    page = generate_page(
        dataclasses.replace(base, old=dataclasses.replace(base.old, articles=arts))
    )
    for art, truth in zip(page.layout.articles, page.truth["articles"], strict=True):
        word = truth["paragraphs"][0].split()[0]
        first = next(e for e in art.elements if e.kind == "text")
        assert word == word.upper() and first.text.startswith(word)


def test_rotation_maps_points_through_the_resampling() -> None:
    img = Image.new("L", (800, 600), 255)
    ImageDraw.Draw(img).ellipse((600, 120, 620, 140), fill=0)
    turned = img.rotate(4, resample=Image.Resampling.BICUBIC, fillcolor=255)
    rotation = Rotation(4, img.size, turned.size, 0.37)
    frac = resample(np.asarray(turned, np.float32) / 255, 0.37)
    assert frac.shape[::-1] == rotation.size
    ys, xs = np.nonzero(frac < 0.8)
    x, y = rotation.point(610, 130)
    assert abs(xs.mean() + 0.5 - x) < 0.6 and abs(ys.mean() + 0.5 - y) < 0.6


def test_signatures_are_bylines_set_right_at_the_foot() -> None:
    base = small_old(8)
    arts = tuple(dataclasses.replace(a, signature=True) for a in base.old.articles)
    page = generate_page(
        dataclasses.replace(base, old=dataclasses.replace(base.old, articles=arts))
    )
    signed = 0
    for art, truth in zip(page.layout.articles[:-1], page.truth["articles"][:-1], strict=True):
        sig = [e for e in art.elements if e.kind == "byline"]
        if not sig:
            continue
        signed += 1
        assert truth["byline"] == sig[0].text == sig[0].text.upper()
        col = columns_of(page, [sig[0].box[0] - 40])[0]
        right = page.spec.margin + col * (page_col_width(page) + page.spec.gutter)
        assert abs(sig[0].box[2] - (right + page_col_width(page))) <= 2
        last = max(
            (e for e in art.elements if e.kind == "text"), key=lambda e: (e.box[0], e.box[1])
        )
        assert (columns_of(page, [last.box[0] - 40])[0], last.box[1]) < (col, sig[0].box[1])
    assert signed >= len(page.layout.articles) - 2


def test_benchmark_sets_hold_vertical_pages(tmp_path: Path) -> None:
    from bench.pages import vertical_page_count

    assert vertical_page_count(10) == 4 and vertical_page_count(4) == 2
    # A set of one page per language: three modern, one old and one vertical page.
    paths = page_set(tmp_path, 5000, 1)
    assert [p.stem for p in paths][-1] == "zh-vert-5000"
    truth = load_truth(paths[-1])
    assert truth["direction"] == "vertical-rl" and truth["articles"]
    # Generated once: a second call finds the pages already there.
    stamp = paths[-1].stat().st_mtime_ns
    assert page_set(tmp_path, 5000, 1) == paths and paths[-1].stat().st_mtime_ns == stamp


def test_cli_writes_a_vertical_page(tmp_path: Path) -> None:
    from pagegen.vertical import random_vertical_spec

    paths = cli_main(["--style", "vertical", "--seed", "4", "--out", str(tmp_path)])
    assert [p.stem for p in paths] == ["zh-vert-4"]
    assert paths[0].suffix == (".tif" if random_vertical_spec(4).bitonal else ".png")
    truth = load_truth(paths[0])
    assert truth["image"] == paths[0].name and truth["direction"] == "vertical-rl"
    with Image.open(paths[0]) as image:
        assert image.size == (truth["width"], truth["height"])


def test_vertical_stories_are_signed_at_the_foot_of_their_titles_column() -> None:
    from pagegen.vertical import VerticalSpec, generate_vertical_page

    _, plain = generate_vertical_page(VerticalSpec(seed=3))
    assert not any(a["byline"] for a in plain["articles"])
    _, signed = generate_vertical_page(VerticalSpec(seed=3, pen_names=1.0))
    bylines = [a["byline"] for a in signed["articles"]]
    assert bylines and all(b and b[0] == "（" and b[-1] == "）" and len(b) == 4 for b in bylines)
    # The rest of the page comes from the same draws: the same stories in the same order.
    assert [a["paragraphs"] for a in signed["articles"]] == [
        a["paragraphs"] for a in plain["articles"]
    ]
