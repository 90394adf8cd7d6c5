"""``issue.mets.xml``: a newspaper issue as METS 1.12, over the pages' ALTO files.

Modelled on the METS/ALTO profile of Europeana Newspapers and the national
libraries that follow it (and the DFG viewer's structure types):

- ``fileSec``: one ``fileGrp`` per use: ``IMAGE`` (the scans, with their
  SHA-256), ``ALTO`` (each page's ``page.alto.xml``) and ``PDF`` (each
  ``page.pdf`` and the whole ``issue.pdf``).
- ``structMap TYPE="PHYSICAL"``: the issue as a sequence of pages, each page
  pointing at its image, ALTO and PDF; ``ORDERLABEL`` is the printed page
  number where the folio was read.
- ``structMap TYPE="LOGICAL"``: the issue, then one ``div TYPE="article"`` per
  article (``TYPE="advertisement"`` for an advert, Europeana Newspapers'
  ADVERTISEMENT; ``TYPE="nameplate"`` for the paper's title) with its
  headline as ``LABEL`` and a MODS title; its ``fptr`` holds a
  ``seq`` of ``area`` elements pointing at ALTO block IDs (``BETYPE="IDREF"``),
  in reading order and across pages, and child ``div``\\ s type each part
  (heading, byline, body, illustration, caption, jump). A jumped article is one
  ``div`` whose areas run over both pages' ALTO blocks (``logical_articles``).
- ``structLink``: each article linked to the pages it lies on (both, for a jumped one).

Paths in ``FLocat`` are relative to the folder of ``issue.mets.xml``.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from lxml import etree
from newsprint.articles.roles import folio_text
from newsprint.core.page import Article, NewspaperPage, Region, RegionType
from newsprint.exports.alto import article_block_order, block_id, software_version

METS_NS = "http://www.loc.gov/METS/"
MODS_NS = "http://www.loc.gov/mods/v3"
XLINK_NS = "http://www.w3.org/1999/xlink"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
METS_SCHEMA_LOCATION = (
    f"{METS_NS} http://www.loc.gov/standards/mets/mets.xsd "
    f"{MODS_NS} http://www.loc.gov/standards/mods/v3/mods.xsd"
)
PART_TYPES = {
    RegionType.HEADLINE: "heading",
    RegionType.BYLINE: "byline",
    RegionType.TEXT: "body",
    RegionType.PHOTO: "illustration",
    RegionType.CAPTION: "caption",
    RegionType.NAMEPLATE: "heading",
}


@dataclass(frozen=True)
class IssuePage:
    """One page of an issue: its model (from ``page.json``) and the files written for it."""

    page: NewspaperPage
    alto: Path | None = None
    pdf: Path | None = None


def mets_xml(
    issue_id: str, pages: list[IssuePage], folder: Path, issue_pdf: Path | None = None
) -> bytes:
    """The METS document of an issue whose ``issue.mets.xml`` is written in ``folder``."""
    nsmap = {"mets": METS_NS, "mods": MODS_NS, "xlink": XLINK_NS, "xsi": XSI_NS}
    root = etree.Element(_m("mets"), nsmap=nsmap)
    root.set(f"{{{XSI_NS}}}schemaLocation", METS_SCHEMA_LOCATION)
    root.set("OBJID", issue_id)
    root.set("TYPE", "newspaper issue")
    root.set("LABEL", issue_id)
    _header(root)
    _dmd(root, "DMD_ISSUE", _issue_mods(issue_id, pages))
    for parts in logical_articles(pages):
        number, article = parts[0]
        language = article.language or pages[number - 1].page.language
        mods = _mods(title=_title(parts), language=language)
        _dmd(root, f"DMD_{_article_id(number, article.id)}", mods)
    _file_sec(root, pages, Path(folder), issue_pdf)
    _physical(root, pages, issue_pdf is not None)
    _logical(root, issue_id, pages)
    _struct_links(root, pages)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _m(name: str) -> str:
    return f"{{{METS_NS}}}{name}"


def _x(name: str) -> str:
    return f"{{{XLINK_NS}}}{name}"


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, **attrs: object
) -> etree._Element:
    element = etree.SubElement(parent, tag)
    for key, value in attrs.items():
        if value is not None:
            element.set(key, str(value))
    if text is not None:
        element.text = text
    return element


def _header(root: etree._Element) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    header = _sub(root, _m("metsHdr"), CREATEDATE=now)
    agent = _sub(header, _m("agent"), ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE")
    _sub(agent, _m("name"), f"newsprint {software_version()}")


def _dmd(root: etree._Element, dmd_id: str, mods: etree._Element) -> None:
    section = _sub(root, _m("dmdSec"), ID=dmd_id)
    wrap = _sub(section, _m("mdWrap"), MDTYPE="MODS")
    _sub(wrap, _m("xmlData")).append(mods)


def _mods(title: str | None = None, language: str | None = None) -> etree._Element:
    mods = etree.Element(f"{{{MODS_NS}}}mods")
    if title:
        info = _sub(mods, f"{{{MODS_NS}}}titleInfo")
        _sub(info, f"{{{MODS_NS}}}title", title)
    if language:
        lang = _sub(mods, f"{{{MODS_NS}}}language")
        _sub(lang, f"{{{MODS_NS}}}languageTerm", language, type="code", authority="rfc5646")
    return mods


def _issue_mods(issue_id: str, pages: list[IssuePage]) -> etree._Element:
    languages = Counter(p.page.language for p in pages if p.page.language)
    language = languages.most_common(1)[0][0] if languages else None
    mods = _mods(language=language)
    _sub(mods, f"{{{MODS_NS}}}identifier", issue_id, type="local")
    _sub(mods, f"{{{MODS_NS}}}genre", "issue", authority="marcgt")
    return mods


def _page_key(number: int) -> str:
    return f"{number:04d}"


def _article_id(number: int, article_id: str) -> str:
    return f"ART_{_page_key(number)}_{block_id(article_id)}"


def _file_sec(
    root: etree._Element, pages: list[IssuePage], folder: Path, issue_pdf: Path | None
) -> None:
    files = _sub(root, _m("fileSec"))
    images = _sub(files, _m("fileGrp"), USE="IMAGE")
    for number, item in enumerate(pages, start=1):
        source = Path(item.page.source)
        mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        entry = _sub(
            images,
            _m("file"),
            ID=f"IMG_{_page_key(number)}",
            MIMETYPE=mime,
            SEQ=item.page.page_index + 1,
            CHECKSUM=item.page.sha256,
            CHECKSUMTYPE="SHA-256",
        )
        _flocat(entry, source, folder)
    if any(item.alto for item in pages):
        group = _sub(files, _m("fileGrp"), USE="ALTO")
        for number, item in enumerate(pages, start=1):
            if item.alto:
                _own_file(group, f"ALTO_{_page_key(number)}", "text/xml", item.alto, folder)
    if issue_pdf or any(item.pdf for item in pages):
        group = _sub(files, _m("fileGrp"), USE="PDF")
        for number, item in enumerate(pages, start=1):
            if item.pdf:
                _own_file(group, f"PDF_{_page_key(number)}", "application/pdf", item.pdf, folder)
        if issue_pdf:
            _own_file(group, "PDF_ISSUE", "application/pdf", issue_pdf, folder)


def _own_file(group: etree._Element, file_id: str, mime: str, path: Path, folder: Path) -> None:
    """A file newsprint wrote: with its size and SHA-256."""
    data = Path(path).read_bytes()
    entry = _sub(
        group,
        _m("file"),
        ID=file_id,
        MIMETYPE=mime,
        SIZE=len(data),
        CHECKSUM=hashlib.sha256(data).hexdigest(),
        CHECKSUMTYPE="SHA-256",
    )
    _flocat(entry, Path(path), folder)


def _flocat(entry: etree._Element, path: Path, folder: Path) -> None:
    _sub(entry, _m("FLocat"), LOCTYPE="URL", **{_x("href"): _href(path, folder)})


def _href(path: Path, folder: Path) -> str:
    """``path`` relative to ``folder`` as a URL path; an absolute file URL across drives."""
    try:
        relative = os.path.relpath(Path(path).resolve(), Path(folder).resolve())
    except ValueError:
        return Path(path).resolve().as_uri()
    return quote(Path(relative).as_posix())


def _physical(root: etree._Element, pages: list[IssuePage], has_issue_pdf: bool) -> None:
    struct = _sub(root, _m("structMap"), TYPE="PHYSICAL")
    sequence = _sub(struct, _m("div"), ID="PHYS_0000", TYPE="physSequence")
    if has_issue_pdf:
        _sub(sequence, _m("fptr"), FILEID="PDF_ISSUE")
    for number, item in enumerate(pages, start=1):
        key = _page_key(number)
        div = _sub(
            sequence,
            _m("div"),
            ID=f"PHYS_{key}",
            TYPE="page",
            ORDER=number,
            ORDERLABEL=_folio(item.page),
            LABEL=item.page.stem,
        )
        _sub(div, _m("fptr"), FILEID=f"IMG_{key}")
        if item.alto:
            _sub(div, _m("fptr"), FILEID=f"ALTO_{key}")
        if item.pdf:
            _sub(div, _m("fptr"), FILEID=f"PDF_{key}")


def _folio(page: NewspaperPage) -> str | None:
    """The printed page number, where the folio was read (without a speck read
    before it, ``articles.roles.folio_text``)."""
    folios = [folio_text(r.text) for r in page.regions if r.type == RegionType.FOLIO and r.lines]
    return folios[0] if folios else None


def logical_articles(pages: list[IssuePage]) -> list[list[tuple[int, Article]]]:
    """The issue's articles, each as its parts in reading order: ``(page number from 1,
    article)``. A jumped article's continuation (linked both ways by ``continues_on`` and
    ``continued_from``) is a part of the article it continues, not an article of its own."""
    by_place = {
        (number, a.id): a for number, item in enumerate(pages, start=1) for a in item.page.articles
    }

    def next_part(number: int, article: Article) -> tuple[int, Article] | None:
        link = article.continues_on
        target = by_place.get((link.page, link.article_id)) if link else None
        back = target.continued_from if target else None
        if link is None or target is None or back is None:
            return None
        return (link.page, target) if (back.page, back.article_id) == (number, article.id) else None

    continuations = {
        (found[0], found[1].id)
        for (number, _), article in by_place.items()
        if (found := next_part(number, article)) is not None
    }
    out = []
    for (number, aid), article in by_place.items():
        if (number, aid) in continuations:
            continue
        parts = [(number, article)]
        while (found := next_part(*parts[-1])) is not None and found not in parts:
            parts.append(found)
        out.append(parts)
    return out


def _title(parts: list[tuple[int, Article]]) -> str | None:
    return next((a.headline for _, a in parts if a.headline), None)


def _logical(root: etree._Element, issue_id: str, pages: list[IssuePage]) -> None:
    struct = _sub(root, _m("structMap"), TYPE="LOGICAL")
    issue = _sub(struct, _m("div"), ID="LOG_ISSUE", TYPE="issue", LABEL=issue_id, DMDID="DMD_ISSUE")
    for order, parts in enumerate(logical_articles(pages), start=1):
        aid = _article_id(parts[0][0], parts[0][1].id)
        kind = parts[0][1].kind.value
        div = _sub(
            issue,
            _m("div"),
            ID=f"LOG_{aid}",
            TYPE=kind,
            ORDER=order,
            LABEL=_title(parts) or f"untitled {kind} {order}",
            DMDID=f"DMD_{aid}",
        )
        blocks = [
            (f"ALTO_{_page_key(number)}", region)
            for number, article in parts
            if pages[number - 1].alto is not None
            for region in _blocks(pages[number - 1].page, article)
        ]
        if not blocks:
            continue
        seq = _sub(_sub(div, _m("fptr")), _m("seq"))
        for alto_id, region in blocks:
            _area(seq, alto_id, region.id)
        for part, (alto_id, region) in enumerate(blocks, start=1):
            kind = PART_TYPES.get(region.type, region.type.value)
            child = _sub(div, _m("div"), ID=f"LOG_{aid}_{part}", TYPE=kind, ORDER=part)
            _area(_sub(child, _m("fptr")), alto_id, region.id)


def _blocks(page: NewspaperPage, article: Article) -> list[Region]:
    known = {r.id: r for r in page.regions}
    return [known[rid] for rid in article_block_order(page, article)]


def _area(parent: etree._Element, file_id: str, region_id: str) -> None:
    _sub(parent, _m("area"), FILEID=file_id, BEGIN=block_id(region_id), BETYPE="IDREF")


def _struct_links(root: etree._Element, pages: list[IssuePage]) -> None:
    links = [
        (f"LOG_{_article_id(parts[0][0], parts[0][1].id)}", f"PHYS_{_page_key(number)}")
        for parts in logical_articles(pages)
        for number in dict.fromkeys(number for number, _ in parts)
    ]
    if not links:
        return
    struct_link = _sub(root, _m("structLink"))
    for source, target in links:
        _sub(struct_link, _m("smLink"), **{_x("from"): source, _x("to"): target})
