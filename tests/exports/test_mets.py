"""issue.mets.xml: schema-valid, IDs unique, files found with their checksums, pages in
order, and each article pointing at its ALTO blocks in reading order.

No OCR: the sample issue's committed pages through the writers (``archival.written_issue``)."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest
from archival import PAGES, SCHEMAS, written_issue, written_page, written_page_folder
from lxml import etree
from newsprint.exports.alto import article_block_order

NS = {
    "mets": "http://www.loc.gov/METS/",
    "mods": "http://www.loc.gov/mods/v3",
    "xlink": "http://www.w3.org/1999/xlink",
}
HREF = "{http://www.w3.org/1999/xlink}href"


@pytest.fixture(scope="module")
def mets() -> etree._ElementTree:
    return etree.parse(str(written_issue() / "issue.mets.xml"))


def test_mets_is_valid_with_unique_ids(mets: etree._ElementTree) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "mets-1-12-1.xsd")))
    schema.assertValid(mets)
    ids = [e.get("ID") for e in mets.iter() if e.get("ID")]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    known = set(ids)
    for element in mets.iter():
        for attr in ("FILEID", "DMDID"):
            if element.get(attr):
                assert element.get(attr) in known


def test_files_are_found_with_their_checksums(mets: etree._ElementTree) -> None:
    groups = {g.get("USE"): g for g in mets.iterfind(".//mets:fileGrp", NS)}
    assert set(groups) == {"IMAGE", "ALTO", "PDF"}
    for entry in mets.iterfind(".//mets:file", NS):
        href = entry.find("mets:FLocat", NS).get(HREF)
        path = (written_issue() / unquote(href)).resolve()
        assert path.is_file(), href
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry.get("CHECKSUM")
    alto = [e.find("mets:FLocat", NS).get(HREF) for e in groups["ALTO"]]
    assert alto == [f"{name}/page.alto.xml" for name in PAGES]


def test_physical_pages_in_issue_order(mets: etree._ElementTree) -> None:
    pages = mets.findall(".//mets:structMap[@TYPE='PHYSICAL']/mets:div/mets:div", NS)
    assert [p.get("LABEL") for p in pages] == list(PAGES)
    assert [p.get("ORDER") for p in pages] == ["1", "2"]
    for number, page in enumerate(pages, start=1):
        files = [f.get("FILEID") for f in page.iterfind("mets:fptr", NS)]
        assert files == [f"IMG_{number:04d}", f"ALTO_{number:04d}", f"PDF_{number:04d}"]


def test_articles_point_at_their_alto_blocks_in_reading_order(mets: etree._ElementTree) -> None:
    issue = mets.find(".//mets:structMap[@TYPE='LOGICAL']/mets:div", NS)
    assert issue.get("TYPE") == "issue"
    articles = issue.findall("mets:div[@TYPE='article']", NS)
    expected = [(n, a) for n, name in enumerate(PAGES, 1) for a in written_page(name).articles]
    assert len(articles) == len(expected) > 4
    for div, (number, article) in zip(articles, expected, strict=True):
        assert div.get("LABEL") == article.headline
        dmd = mets.find(f".//mets:dmdSec[@ID='{div.get('DMDID')}']", NS)
        assert dmd.findtext(".//mods:title", namespaces=NS) == article.headline
        areas = div.findall("mets:fptr/mets:seq/mets:area", NS)
        assert {a.get("FILEID") for a in areas} == {f"ALTO_{number:04d}"}
        page = written_page(PAGES[number - 1])
        assert [a.get("BEGIN") for a in areas] == article_block_order(page, article)
        assert sorted(a.get("BEGIN") for a in areas) == sorted(article.region_ids)
        link = mets.find(f".//mets:smLink[@xlink:from='{div.get('ID')}']", NS)
        assert link.get("{http://www.w3.org/1999/xlink}to") == f"PHYS_{number:04d}"


def test_every_area_names_a_block_in_its_alto_file(mets: etree._ElementTree) -> None:
    hrefs = {
        e.get("ID"): e.find("mets:FLocat", NS).get(HREF)
        for e in mets.iterfind(".//mets:fileGrp[@USE='ALTO']/mets:file", NS)
    }
    ids = {
        fid: {e.get("ID") for e in etree.parse(str(written_issue() / h)).iter() if e.get("ID")}
        for fid, h in hrefs.items()
    }
    areas = mets.findall(".//mets:area", NS)
    assert areas
    for area in areas:
        assert area.get("BETYPE") == "IDREF"
        assert area.get("BEGIN") in ids[area.get("FILEID")]


def test_issue_folder_holds_the_pages(mets: etree._ElementTree) -> None:
    names = {p.name for p in written_issue().iterdir()}
    assert names >= {"issue.mets.xml", "issue.pdf", *PAGES}
    for name in PAGES:
        assert Path(written_page_folder(name) / "page.alto.xml").is_file()


def test_an_advertisement_is_a_div_of_its_own_type(tmp_path: Path) -> None:
    from newsprint.core.page import Article, ArticleKind
    from newsprint.exports.mets import IssuePage, mets_xml

    page = written_page(PAGES[0])
    last = page.articles[-1]
    advert = Article(
        id="ad", kind=ArticleKind.ADVERTISEMENT, paragraphs=["SOAP"], region_ids=last.region_ids
    )
    page = page.model_copy(update={"articles": [*page.articles[:-1], advert]})
    alto = written_page_folder(PAGES[0]) / "page.alto.xml"
    root = etree.fromstring(mets_xml("issue", [IssuePage(page, alto)], written_issue()))
    issue = root.find(".//mets:structMap[@TYPE='LOGICAL']/mets:div", NS)
    kinds = [div.get("TYPE") for div in issue.findall("mets:div", NS)]
    assert kinds == ["article"] * (len(page.articles) - 1) + ["advertisement"]
    assert issue.findall("mets:div", NS)[-1].get("LABEL").startswith("untitled advertisement")
    etree.XMLSchema(etree.parse(str(SCHEMAS / "mets-1-12-1.xsd"))).assertValid(root)
