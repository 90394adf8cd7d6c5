"""``newsprint process --issue`` with the real OCR models over the two sample scans: the
files the ALTO, METS and PDF tests check on the committed pages (``archival.written_issue``)
come out of a real run too, valid and holding the run's text; the METS lists the two pages
in the order given.

The one end-to-end run of the writers; the tests of what they write are in
``test_alto.py``, ``test_mets.py`` and ``test_pdf.py``."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from archival import PAGES, SCHEMAS, issue_folder, page_folder, page_model
from lxml import etree
from newsprint.exports.pdf import lines_in_reading_order

METS_NS = {"mets": "http://www.loc.gov/METS/"}


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.models
def test_process_issue_writes_valid_alto_mets_and_pdfs_with_the_ocr_text() -> None:
    issue = issue_folder()
    assert {p.name for p in issue.iterdir()} == {"issue.mets.xml", "issue.pdf", "issue.json"}
    alto_schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "alto-4-4.xsd")))
    for name in PAGES:
        folder = page_folder(name)
        assert {p.name for p in folder.iterdir()} >= {
            "page.json",
            "articles.txt",
            "overlay.png",
            "page.alto.xml",
            "page.pdf",
        }
        alto_schema.assertValid(etree.parse(str(folder / "page.alto.xml")))
        assert page_model(name).articles, name
    mets = etree.parse(str(issue / "issue.mets.xml"))
    etree.XMLSchema(etree.parse(str(SCHEMAS / "mets-1-12-1.xsd"))).assertValid(mets)
    pages = mets.findall(".//mets:structMap[@TYPE='PHYSICAL']//mets:div[@TYPE='page']", METS_NS)
    assert [p.get("LABEL") for p in pages] == list(PAGES)
    articles = mets.findall(".//mets:div[@TYPE='article']", METS_NS)
    assert len(articles) == sum(len(page_model(name).articles) for name in PAGES)
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed: the PDFs' text is not read back")
    info = subprocess.run(["pdfinfo", str(issue / "issue.pdf")], capture_output=True, text=True)
    assert re.search(r"^Pages:\s+2$", info.stdout, re.MULTILINE)
    for name in PAGES:
        got = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", str(page_folder(name) / "page.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        expected = " ".join(line.text for line in lines_in_reading_order(page_model(name)))
        assert _squeezed(got) == _squeezed(expected), name
