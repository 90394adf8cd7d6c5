"""A two-page generated issue (``pagegen.jumps``) with a Chinese and an English story
that jump from page 1 to page 2, through the real pipeline (real models): each jumped
story comes out as one linked article, in ``page.json`` (``continues_on`` /
``continued_from``), in ``articles.txt`` and in ``issue.mets.xml`` (one article over
both pages' ALTO blocks), with its jump lines kept out of the text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from lxml import etree
from newsprint.articles.issue_jumps import link_issue_jumps
from newsprint.core.page import Article, FlagCode, NewspaperPage, RegionType
from newsprint.core.script import is_cjk
from newsprint.core.settings import OutputSettings, Settings
from newsprint.exports import write_issue, write_outputs
from newsprint.exports.alto import block_id
from newsprint.exports.page_json import read_page_json
from newsprint.ocr.engine import OcrEngine
from newsprint.pipeline.run import process_page
from newsprint.scans import load_scan

from pagegen import save_page
from pagegen.jumps import jump_issue

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
NS = {"mets": "http://www.loc.gov/METS/", "alto": "http://www.loc.gov/standards/alto/ns-v4#"}
ISSUE = "jump-issue-1"


@pytest.fixture(scope="module")
def issue(tmp_path_factory: pytest.TempPathFactory, engine: OcrEngine) -> tuple[Path, list[dict]]:
    """The issue's folder (pages processed, linked, written; then the issue written) and
    the generator's truth of each page."""
    root = tmp_path_factory.mktemp("jump-issue")
    generated = jump_issue(1)
    settings = Settings()
    pages = []
    for number, page in enumerate(generated, start=1):
        scan = save_page(page, root / "scans", f"page-{number}")
        pages.append(process_page(load_scan(scan, settings.scan)[0], settings, engine))
    folder = root / ISSUE
    output = OutputSettings(write_overlay=False)
    folders = []
    for number, page in enumerate(link_issue_jumps(pages), start=1):
        folders.append(folder / f"page-{number}")
        write_outputs(page, folders[-1], output)
    write_issue(ISSUE, folders, folder, output)
    return folder, [page.truth for page in generated]


def _pages(folder: Path) -> list[NewspaperPage]:
    return [read_page_json(folder / f"page-{n}" / "page.json") for n in (1, 2)]


def _likeness(a: str, b: str) -> float:
    """Share of ``a``'s characters found in ``b`` (spaces, case and full-width forms aside)."""
    a, b = ("".join(unicodedata.normalize("NFKC", t).split()).casefold() for t in (a, b))
    return sum(ch in b for ch in a) / max(1, len(a))


def _truth_jumped(truth: dict) -> list[dict]:
    return [a for a in truth["articles"] if "jump" in a]


def _article_like(page: NewspaperPage, headline: str) -> Article:
    best = max(page.articles, key=lambda a: _likeness(headline, a.headline or ""))
    assert _likeness(headline, best.headline or "") > 0.8, (headline, best.headline)
    return best


@pytest.mark.models
def test_each_jumped_story_is_one_linked_article_in_page_json(issue) -> None:
    folder, truths = issue
    first, second = _pages(folder)
    jumped = _truth_jumped(truths[0])
    assert {"zh" if a["language"] != "en" else "en" for a in jumped} == {"zh", "en"}
    for story in jumped:
        start = _article_like(first, story["headline"])
        rest_truth = truths[1]["articles"][story["jump"]["article"]]
        rest = _article_like(second, rest_truth["headline"])
        assert start.continues_on is not None, story["headline"]
        assert (start.continues_on.page, start.continues_on.article_id) == (2, rest.id)
        assert rest.continued_from is not None
        assert (rest.continued_from.page, rest.continued_from.article_id) == (1, start.id)
        # The jump lines are regions of their own, kept out of the text.
        for article, page, line in (
            (start, first, story["jump"]["text"]),
            (rest, second, rest_truth["jump"]["text"]),
        ):
            (jump,) = article.jumps
            assert page.region(jump.region_id).type == RegionType.JUMP
            assert _likeness(line, jump.text) > 0.8, (line, jump.text)
            body = " ".join(article.paragraphs)
            for word in ("下转", "上接", "See ", "Continued"):
                assert word not in body, (word, body)
        assert is_cjk(start.headline or "") == (story["language"] != "en")
    linked = [a for p in (first, second) for a in p.articles if a.continues_on or a.continued_from]
    assert len(linked) == 4, "only the two jumped stories are linked"
    assert not [f for p in (first, second) for f in p.flags if f.code == FlagCode.JUMP_UNMATCHED]


@pytest.mark.models
def test_the_jump_lines_are_alto_text_blocks_tagged_jump(issue) -> None:
    folder, _ = issue
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "alto-4-4.xsd")))
    for number, page in enumerate(_pages(folder), start=1):
        alto = etree.parse(str(folder / f"page-{number}" / "page.alto.xml"))
        schema.assertValid(alto)
        jumps = [j for a in page.articles for j in a.jumps]
        assert len(jumps) == 2
        for jump in jumps:
            (block,) = alto.findall(f".//alto:TextBlock[@ID='{block_id(jump.region_id)}']", NS)
            assert "LAYOUT_JUMP" in block.get("TAGREFS").split()
            words = " ".join(s.get("CONTENT") for s in block.iter(f"{{{NS['alto']}}}String"))
            assert "".join(words.split()) == "".join(jump.text.split())


@pytest.mark.models
def test_articles_txt_of_the_first_page_says_where_each_story_goes_on(issue) -> None:
    folder, _ = issue
    first = _pages(folder)[0]
    text = (folder / "page-1" / "articles.txt").read_text("utf-8")
    assert text.count("→ continues on page 2") == 2
    for article in first.articles:
        if article.continues_on is None:
            continue
        line = f"→ continues on page 2, article {article.continues_on.article_id}"
        if article.continues_on.folio not in (None, "2"):
            line = line.replace("page 2,", f"page 2 ({article.continues_on.folio}),")
        assert line in text
    inside = (folder / "page-2" / "articles.txt").read_text("utf-8")
    assert inside.count("← continued from page 1") == 2


@pytest.mark.models
def test_the_issue_mets_has_one_article_over_both_pages_for_each_jumped_story(issue) -> None:
    folder, _ = issue
    first, second = _pages(folder)
    mets = etree.parse(str(folder / "issue.mets.xml"))
    etree.XMLSchema(etree.parse(str(SCHEMAS / "mets-1-12-1.xsd"))).assertValid(mets)
    articles = mets.findall(".//mets:div[@TYPE='article']", NS)
    assert len(articles) == len(first.articles) + len(second.articles) - 2
    alto_ids = {
        n: {e.get("ID") for e in etree.parse(str(folder / f"page-{n}" / "page.alto.xml")).iter()}
        for n in (1, 2)
    }
    spanning = []
    for div in articles:
        areas = div.findall("mets:fptr/mets:seq/mets:area", NS)
        files = [a.get("FILEID") for a in areas]
        for area in areas:
            assert area.get("BEGIN") in alto_ids[int(area.get("FILEID")[-1])]
        if set(files) == {"ALTO_0001", "ALTO_0002"}:
            assert files == sorted(files), "page 1's blocks come first"
            spanning.append(div)
    assert len(spanning) == 2
    starts = {f"LOG_ART_0001_{block_id(a.id)}": a for a in first.articles if a.continues_on}
    for div in spanning:
        start = starts[div.get("ID")]
        rest = next(a for a in second.articles if a.id == start.continues_on.article_id)
        areas = [
            (a.get("FILEID"), a.get("BEGIN"))
            for a in div.findall("mets:fptr/mets:seq/mets:area", NS)
        ]
        assert len(areas) == len(start.region_ids) + len(rest.region_ids)
        assert set(areas) == {("ALTO_0001", block_id(r)) for r in start.region_ids} | {
            ("ALTO_0002", block_id(r)) for r in rest.region_ids
        }
        parts = [d.get("TYPE") for d in div.findall("mets:div", NS)]
        assert parts.count("jump") == 2 and parts.count("heading") >= 2
        links = {
            link.get("{http://www.w3.org/1999/xlink}to")
            for link in mets.findall(".//mets:smLink", NS)
            if link.get("{http://www.w3.org/1999/xlink}from") == div.get("ID")
        }
        assert links == {"PHYS_0001", "PHYS_0002"}
