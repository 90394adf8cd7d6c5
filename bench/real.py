"""The real set: newsprint on real newspaper scans, which have no transcribed
ground truth, scored against what people annotated and what other OCR reads.

    python -m bench.real [--pages GLOB] [--no-peer] [--no-tesseract] [--json FILE]

The scans live outside the repository (``../shared/real_scans/``, or the
folder in ``NEWSPRINT_REAL_SCANS``; read its README). Per page:

- coverage: the share of the characters plain PaddleOCR reads (a bag of
  characters, lower-cased, letters/digits/CJK only) that newsprint's page.json
  holds anywhere in its region lines. Plain PaddleOCR is the peer of
  ``bench.peer`` run in the same run with the settings the stored reference
  was made with (whole page, ``text_det_limit_side_len`` 4000, limit type
  ``max``); with ``--no-peer`` the stored ``plain_paddleocr/<stem>.txt``.
- order, where people annotated the regions (NCSE ``boxes.csv``, the NZZ page's
  PAGE XML): the share of consecutive lines, in article order, whose centres
  fall in different annotated regions and follow the annotated order.
- reached: the share of annotated regions that got at least one such line.
- flags raised, seconds and peak memory per page (newsprint's alone).

The same coverage/order/reached figures are given for Tesseract 5 (its TSV
lines in its own reading order; skipped when ``tesseract`` is not installed)
and order/reached for plain PaddleOCR (its lines in its own order). These are
the definitions of ``../shared/hooks/realcheck.py``, but for two points that
give the same figures on the NCSE pages: the running head and folio come
first in the sequence (ALTO and the PDF write them before the articles, and
people annotate them), and a line in regions drawn one inside another counts
for the smallest (realcheck takes the first in order). Pages are reported in two
groups, "real tuning" and "real held-out" (:data:`HELD_OUT`).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from itertools import pairwise
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from newsprint.core.page import DEFAULT_BODY_PX, PageGeometry
from newsprint.core.settings import Settings
from newsprint.exports.alto import HEAD_SLACK
from newsprint.layout.boxes import xy_cut
from newsprint.ocr.engine import load_engine
from newsprint.ocr.traditional import to_traditional_forms
from newsprint.pipeline import process_scan
from PIL import Image

from bench.memory import PeakMemory, memory_line, rss_mib
from bench.peer import PeerProcess
from bench.samples import ROOT

RESULTS = ROOT / "bench" / "results"
ENV = "NEWSPRINT_REAL_SCANS"

log = logging.getLogger(__name__)

TUNING, HELD = "real tuning", "real held-out"
HELD_OUT = ("TTW_pageid_160813", "TEC_pageid_150954", "EWJ_pageid_92551", "jb_4138")
"""Pages (by name prefix) held out: never looked at while tuning; the rest tune."""

PEER_OPTIONS: dict[str, Any] = {"text_det_limit_side_len": 4000, "text_det_limit_type": "max"}
"""Plain PaddleOCR's detection settings for the real set: those the stored
``plain_paddleocr/`` texts were made with (real_scans/README.md)."""

TESSERACT_LANGUAGES = {"ecpo": ("chi_tra", "chi_tra_vert"), "nzz": ("deu",)}
"""Tesseract's languages by the page's folder (English elsewhere, and for a
folder whose languages are not installed)."""

BBox = tuple[int, int, int, int]


def real_root() -> Path:
    """The real scans' folder: ``$NEWSPRINT_REAL_SCANS`` or ``../shared/real_scans``."""
    return Path(os.environ.get(ENV) or ROOT.parent / "shared" / "real_scans")


def group_of(page: Path | str) -> str:
    name = Path(page).name
    return HELD if name.startswith(HELD_OUT) else TUNING


def real_pages(root: Path, pattern: str = "*") -> list[Path]:
    """The real scans under ``root`` whose file name (or stem) matches ``pattern``."""
    found = [
        *sorted((root / "ncse").glob("*.png")),
        *sorted((root / "ecpo").glob("*.jpg")),
        *sorted((root / "nzz").glob("*.tif")),
        *sorted(root.glob("*.png")),
    ]
    return [p for p in found if fnmatch(p.name, pattern) or fnmatch(p.stem, pattern)]


# --- scorers -------------------------------------------------------------------------------


def characters(text: str) -> Counter[str]:
    """The bag of characters scored: letters, digits and CJK only, lower-cased and
    script-folded (a Chinese character read in a simplified-only form counts as
    its traditional form, as newsprint writes it on a traditional page: the same
    character read, as "A" and "a" are)."""
    return Counter(c for c in to_traditional_forms(text.lower()) if c.isalnum())


def coverage(reference: str, text: str) -> float:
    """Share of ``reference``'s characters (with their counts) found in ``text``."""
    wanted, got = characters(reference), characters(text)
    return sum((wanted & got).values()) / max(1, sum(wanted.values()))


def page_text(page: dict) -> str:
    """All the text of page.json's region lines, wherever it went."""
    return "\n".join(
        line["text"] for region in page.get("regions", []) for line in region.get("lines", [])
    )


_READ_FIRST = ("running_head", "folio")


def article_line_boxes(page: dict) -> list[BBox]:
    """The boxes of page.json's lines in reading order: the running head and
    folio (written before the articles in ALTO and the PDF, as people annotate
    them, along their row or box by box: ``exports.alto.document_order``), then the
    articles, their regions, their lines."""
    regions = {r["id"]: r for r in page.get("regions", [])}
    in_articles = [rid for a in page.get("articles", []) for rid in a.get("region_ids", [])]
    placed = set(in_articles)
    heads = [
        r for r in page.get("regions", []) if r.get("type") in _READ_FIRST and r["id"] not in placed
    ]
    rtl = bool(heads) and all(r.get("direction") == "horizontal-rtl" for r in heads)
    slack = HEAD_SLACK * _body_in_scan_pixels(page)
    boxes = [tuple(r["bbox"]) for r in heads]
    first = [heads[i]["id"] for i in xy_cut(boxes, right_to_left=rtl, slack=slack)]
    return [
        tuple(line["bbox"])
        for rid in [*first, *in_articles]
        for line in regions.get(rid, {}).get("lines", [])
    ]


def _body_in_scan_pixels(page: dict) -> float:
    """page.json's body line height (working pixels) in scan pixels, as
    ``exports.alto.document_order`` takes it."""
    body = page.get("body_line_height") or DEFAULT_BODY_PX
    return body * PageGeometry.model_validate(page.get("geometry") or {}).scan_per_work()


@dataclass(frozen=True)
class Zone:
    """One annotated text region: its place in the reading order (1 = read first)
    and its outline in scan pixels."""

    order: int
    points: tuple[tuple[float, float], ...]

    @classmethod
    def box(cls, order: int, x0: float, y0: float, x1: float, y1: float) -> Zone:
        return cls(order, ((x0, y0), (x1, y0), (x1, y1), (x0, y1)))

    @property
    def area(self) -> float:
        """Square scan pixels inside the outline."""
        return abs(float(cv2.contourArea(np.asarray(self.points, dtype=np.float32))))

    def contains(self, x: float, y: float) -> bool:
        """Inside or on the outline."""
        contour = np.asarray(self.points, dtype=np.float32).reshape(-1, 1, 2)
        return cv2.pointPolygonTest(contour, (float(x), float(y)), False) >= 0


def zone_sequence(boxes: Iterable[Sequence[float]], zones: Sequence[Zone]) -> list[int]:
    """For each line box whose centre is in an annotated region, that region's
    order. Where regions overlap, the smallest holding the centre counts: people
    draw a masthead's region round the boxes set inside it (the NZZ page's
    subscription and advert rates), and the line belongs to the box it sits in."""
    sequence = []
    for x0, y0, x1, y1 in boxes:
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        hits = [z for z in zones if z.contains(cx, cy)]
        if hits:
            sequence.append(min(hits, key=lambda z: (z.area, z.order)).order)
    return sequence


def order_score(sequence: Sequence[int]) -> float:
    """Share of consecutive lines in different regions whose second region comes
    later in the annotated order (0 when no two lines are in different regions)."""
    pairs = [(a, b) for a, b in pairwise(sequence) if a != b]
    return sum(b > a for a, b in pairs) / max(1, len(pairs))


def reached_score(sequence: Sequence[int], zones: Sequence[Zone]) -> float:
    """Share of the annotated regions that got at least one line."""
    return len(set(sequence)) / max(1, len(zones))


def order_reached(boxes: Iterable[Sequence[float]], zones: Sequence[Zone]) -> tuple[float, float]:
    sequence = zone_sequence(boxes, zones)
    return order_score(sequence), reached_score(sequence, zones)


# --- annotations ---------------------------------------------------------------------------


def read_boxes(csv_path: Path, image_name: str) -> list[Zone]:
    """NCSE ``boxes.csv``: one page's region boxes with their ``reading_order``."""
    with open(csv_path, newline="", encoding="utf-8") as stream:
        return [
            Zone.box(
                int(row["reading_order"]),
                float(row["x1"]),
                float(row["y1"]),
                float(row["x2"]),
                float(row["y2"]),
            )
            for row in csv.DictReader(stream)
            if row["image"] == image_name
        ]


def in_top_order(csv_path: Path, image_name: str) -> bool:
    """Whether NCSE ``boxes.csv`` marks the page as one column (``column_count``
    1 on every region) and orders its regions by their tops: so it is on
    every such page of the NCSE test set (17 of the 30 with boxes), however
    many columns the page has, and there the order figure rewards reading
    across the columns (printed in the notes beside the page)."""
    with open(csv_path, newline="", encoding="utf-8") as stream:
        rows = [row for row in csv.DictReader(stream) if row["image"] == image_name]
    if len(rows) < 2 or any(int(float(row.get("column_count") or 0)) != 1 for row in rows):
        return False
    by_top = sorted(rows, key=lambda row: (float(row["y1"]), float(row["x1"])))
    orders = [int(row["reading_order"]) for row in by_top]
    return orders == sorted(orders)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in element if _local(c.tag) == name), None)


def _points(coords: ET.Element) -> tuple[tuple[float, float], ...]:
    if coords.get("points"):
        pairs = (p.split(",") for p in coords.get("points", "").split())
        return tuple((float(x), float(y)) for x, y in pairs)
    # Older PAGE schemas (2010) write <Point x= y=/> children.
    return tuple(
        (float(p.get("x", 0)), float(p.get("y", 0))) for p in coords if _local(p.tag) == "Point"
    )


def read_page_xml(path: Path, size: tuple[int, int] | None = None) -> list[Zone]:
    """PAGE XML's text regions in its reading order (the first ``OrderedGroup``
    of ``ReadingOrder``, by ``RegionRefIndexed/@index``), numbered from 1.
    Regions outside the reading order are left out. With ``size`` (the image's
    width, height) the outlines are scaled from the XML's ``imageWidth``/``imageHeight``."""
    root = ET.parse(path).getroot()
    outlines: dict[str, tuple[tuple[float, float], ...]] = {}
    page = None
    refs: list[tuple[int, str]] = []
    for element in root.iter():
        name = _local(element.tag)
        if name == "Page" and page is None:
            page = element
        elif name == "TextRegion":
            coords = _child(element, "Coords")
            if coords is not None and element.get("id"):
                outlines[element.get("id", "")] = _points(coords)
        elif name == "ReadingOrder" and not refs:
            group = next((g for g in element.iter() if _local(g.tag) == "OrderedGroup"), None)
            if group is not None:
                refs = sorted(
                    (int(r.get("index", 0)), r.get("regionRef", ""))
                    for r in group
                    if _local(r.tag) == "RegionRefIndexed"
                )
    sx = sy = 1.0
    if size is not None and page is not None and page.get("imageWidth"):
        sx = size[0] / float(page.get("imageWidth", size[0]))
        sy = size[1] / float(page.get("imageHeight", size[1]))
    zones = []
    for _, ref in refs:
        if ref in outlines:
            points = tuple((x * sx, y * sy) for x, y in outlines[ref])
            zones.append(Zone(len(zones) + 1, points))
    return zones


def annotation(image: Path) -> tuple[str, list[Zone]] | None:
    """The page's annotated regions and where they come from, if people annotated it.
    NCSE boxes that reach beyond the image are in another scale (the source's
    CSV gives two of its 31 pages in the pixels of a larger scan, 1 / 0.6 of
    the PNG's): the page is then taken as not annotated, with a warning, since
    the order figure would be scored against the wrong regions."""
    boxes = image.parent / "boxes.csv"
    if image.parent.name == "ncse" and boxes.exists():
        zones = read_boxes(boxes, image.name)
        if not zones:
            return None
        if image.exists() and not _within_image(zones, image):
            return None
        if in_top_order(boxes, image.name):
            return "boxes.csv, one column marked, regions in top order", zones
        return "boxes.csv", zones
    xml = image.with_name(image.stem + ".page.xml")
    if xml.exists():
        return "PAGE XML", read_page_xml(xml, _image_size(image))
    return None


def _within_image(zones: Sequence[Zone], image: Path, slack: float = 1.02) -> bool:
    """Whether every zone lies within the image (``slack`` × its size)."""
    width, height = _image_size(image)
    far_x = max(x for zone in zones for x, _ in zone.points)
    far_y = max(y for zone in zones for _, y in zone.points)
    if far_x <= slack * width and far_y <= slack * height:
        return True
    log.warning(
        "%s: its annotated boxes reach %.0f x %.0f, beyond the image (%d x %d): "
        "another scale? Its reading order is not scored",
        image,
        far_x,
        far_y,
        width,
        height,
    )
    return False


def _image_size(image: Path) -> tuple[int, int]:
    """(width, height) of the image in pixels, from its header alone."""
    with Image.open(image) as opened:
        return opened.size


def stored_plain(image: Path, root: Path) -> str | None:
    """Plain PaddleOCR's stored text for the page, if there is one."""
    stored = root / "plain_paddleocr" / (image.stem + ".txt")
    return stored.read_text(encoding="utf-8") if stored.exists() else None


# --- Tesseract -----------------------------------------------------------------------------


def parse_tsv(tsv: str) -> list[tuple[str, BBox]]:
    """Tesseract's TSV as lines in its reading order: words (level 5) grouped
    by page, block, paragraph and line; a line's box holds all its words."""
    lines: dict[tuple[str, ...], tuple[list[str], list[int]]] = {}
    for row in csv.DictReader(tsv.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
        x0, y0 = int(row["left"]), int(row["top"])
        x1, y1 = x0 + int(row["width"]), y0 + int(row["height"])
        if key not in lines:
            lines[key] = ([], [x0, y0, x1, y1])
        words, box = lines[key]
        words.append(text)
        box[:] = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
    return [(" ".join(words), (b[0], b[1], b[2], b[3])) for words, b in lines.values()]


@dataclass
class Tesseract:
    executable: str
    languages: frozenset[str]
    timeout: float

    @classmethod
    def find(cls, timeout: float) -> Tesseract | None:
        """Tesseract on PATH with its installed languages, or None."""
        executable = shutil.which("tesseract")
        if executable is None:
            return None
        listed = subprocess.run(
            [executable, "--list-langs"], capture_output=True, text=True, timeout=60
        )
        names = (listed.stdout + listed.stderr).splitlines()
        languages = frozenset(n.strip() for n in names if n.strip() and " " not in n.strip())
        return cls(executable, languages, timeout)

    def language_for(self, image: Path) -> str | None:
        wanted = [x for x in TESSERACT_LANGUAGES.get(image.parent.name, ()) if x in self.languages]
        if wanted:
            return "+".join(wanted)
        return "eng" if "eng" in self.languages else None

    def read(self, image: Path) -> tuple[list[tuple[str, BBox]], float]:
        """Tesseract's lines (``--psm 3``) and its seconds; raises on failure or timeout."""
        language = self.language_for(image)
        if language is None:
            raise RuntimeError("no suitable Tesseract language installed")
        command = [self.executable, str(image), "-", "--psm", "3", "-l", language, "tsv"]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, timeout=self.timeout)
        if done.returncode != 0:
            raise RuntimeError(f"tesseract exit {done.returncode}: {done.stderr.strip()[-200:]}")
        return parse_tsv(done.stdout), time.perf_counter() - start


# --- one page, one run ---------------------------------------------------------------------


def run_page(
    image: Path,
    out: Path,
    settings: Settings,
    engine: Any,
    peer: PeerProcess | None,
    tesseract: Tesseract | None,
    root: Path,
) -> dict:
    row: dict[str, Any] = {"page": image.name, "group": group_of(image)}
    annotated = annotation(image)
    zones = annotated[1] if annotated else None
    row["annotation"] = f"{annotated[0]}, {len(zones)} regions" if annotated else None
    with PeakMemory() as memory:
        start = time.perf_counter()
        result = process_scan(image, out, settings, engine)
        seconds = time.perf_counter() - start
    if not result.ok:
        row["error"] = result.error
        return row
    # A fold (two pages side by side in one scan) gives two pages: both are scored.
    pages = [
        json.loads((done.folder / "page.json").read_text(encoding="utf-8")) for done in result.pages
    ]
    row.update(seconds=seconds, memory_mib=memory.peak, rss_mib=rss_mib())
    row["flags"] = [f.get("code", "?") for page in pages for f in page.get("flags", [])]
    stored = stored_plain(image, root)
    plain = stored
    row["plain_source"] = "stored" if stored is not None else None
    if peer is not None:
        reading = peer.read(image, **PEER_OPTIONS)
        plain = reading.text
        row.update(plain_source="peer", plain_seconds=reading.seconds, peer_rss_mib=reading.rss_mib)
        if stored is not None:
            row["plain_stored_coverage"] = coverage(stored, plain)
        if zones:
            order, reached = order_reached((box for _, box in reading.lines), zones)
            row.update(plain_order=order, plain_reached=reached)
    text = "\n".join(page_text(page) for page in pages)
    row["coverage"] = coverage(plain, text) if plain is not None else None
    row["characters"] = sum(characters(text).values())
    if plain is not None:
        row["plain_characters"] = sum(characters(plain).values())
    if zones:
        boxes = [box for page in pages for box in article_line_boxes(page)]
        row["order"], row["reached"] = order_reached(boxes, zones)
    if tesseract is not None:
        try:
            lines, tess_seconds = tesseract.read(image)
        except subprocess.TimeoutExpired:
            row["tesseract_skipped"] = f"timed out after {tesseract.timeout:.0f} s"
        except (OSError, RuntimeError) as exc:
            row["tesseract_skipped"] = str(exc)
        else:
            row.update(
                tesseract_language=tesseract.language_for(image), tesseract_seconds=tess_seconds
            )
            tess_text = "\n".join(t for t, _ in lines)
            if plain is not None:
                row["tesseract_coverage"] = coverage(plain, tess_text)
            if zones:
                order, reached = order_reached((box for _, box in lines), zones)
                row.update(tesseract_order=order, tesseract_reached=reached)
    return row


def run_groups(
    images: list[Path],
    out: Path,
    settings: Settings,
    engine: Any,
    peer: PeerProcess | None,
    tesseract: Tesseract | None,
    root: Path,
) -> dict[str, list[dict]]:
    """Every page, newsprint then the peers, grouped into tuning and held-out."""
    groups: dict[str, list[dict]] = {TUNING: [], HELD: []}
    for image in images:
        folder = out / group_of(image).replace(" ", "-")
        row = run_page(image, folder, settings, engine, peer, tesseract, root)
        groups[row["group"]].append(row)
    return {name: rows for name, rows in groups.items() if rows}


# --- report --------------------------------------------------------------------------------

COLUMNS = (
    ("page", "page", "{:26.26}"),
    ("cover", "coverage", "{:5.3f}"),
    ("order", "order", "{:5.3f}"),
    ("reach", "reached", "{:5.3f}"),
    ("flags", "flags", "{:18.18}"),
    ("s/page", "seconds", "{:6.1f}"),
    ("MiB", "memory_mib", "{:6.0f}"),
    ("tesCov", "tesseract_coverage", "{:6.3f}"),
    ("tesOrd", "tesseract_order", "{:6.3f}"),
    ("tesRch", "tesseract_reached", "{:6.3f}"),
    ("tes s", "tesseract_seconds", "{:6.1f}"),
    ("ppOrd", "plain_order", "{:5.3f}"),
    ("ppRch", "plain_reached", "{:5.3f}"),
    ("pp s", "plain_seconds", "{:5.1f}"),
)


def _cell(row: dict, key: str, fmt: str) -> str:
    value = row.get(key)
    if key == "flags" and isinstance(value, list):
        value = ",".join(value) or "none"
    width = len(fmt.format("" if key in {"page", "flags"} else 0.0))
    if value is None:
        return " " * width
    return fmt.format(value)


def _mean_row(rows: list[dict]) -> dict:
    mean: dict[str, Any] = {"page": "mean"}
    for _, key, _fmt in COLUMNS[1:]:
        values = [r[key] for r in rows if isinstance(r.get(key), int | float)]
        if values:
            mean[key] = sum(values) / len(values)
    flagged = [r for r in rows if r.get("flags")]
    mean["flags"] = f"{sum(len(r['flags']) for r in flagged)} on {len(flagged)} pages"
    return mean


def table(title: str, rows: list[dict]) -> str:
    done = [r for r in rows if "error" not in r]
    head = " ".join(
        f"{name:{len(_cell({}, key, fmt))}}"
        if key in {"page", "flags"}
        else f"{name:>{len(_cell({}, key, fmt))}}"
        for name, key, fmt in COLUMNS
    )
    lines = [title, head, "-" * len(head)]
    lines += [" ".join(_cell(r, key, fmt) for _, key, fmt in COLUMNS) for r in done]
    if done:
        mean = _mean_row(done)
        lines += ["-" * len(head), " ".join(_cell(mean, key, fmt) for _, key, fmt in COLUMNS)]
    return "\n".join(lines)


def notes(rows: list[dict]) -> str:
    """What the table cannot say: where plain PaddleOCR's text came from, what
    was annotated, what Tesseract skipped, which pages failed."""
    out = []
    sources = {r.get("plain_source") for r in rows if "error" not in r}
    if "peer" in sources:
        agree = [r["plain_stored_coverage"] for r in rows if "plain_stored_coverage" in r]
        line = "plain PaddleOCR: run now (bench.peer, whole page, det limit 4000 max)"
        if agree:
            line += f"; it reads {sum(agree) / len(agree):.3f} of the stored reference's characters"
        out.append(line)
    if "stored" in sources:
        out.append(
            "plain PaddleOCR: not run (--no-peer); coverage is against the stored "
            "plain_paddleocr/<stem>.txt, and its order/reached are not shown (no boxes stored)"
        )
    if None in sources:
        out.append("plain PaddleOCR: no text for some pages (no coverage)")
    annotated = [f"{r['page'][:24]} ({r['annotation']})" for r in rows if r.get("annotation")]
    out.append("reading order annotated: " + ("; ".join(annotated) or "no page in this group"))
    for r in rows:
        if "tesseract_skipped" in r:
            out.append(f"tesseract skipped on {r['page']}: {r['tesseract_skipped']}")
        if "error" in r:
            out.append(f"failed: {r['page']}: {r['error']}")
    out.append(memory_line(rows))
    speed = speed_line(rows)
    if speed:
        out.append(speed)
    return "\n".join(out)


def speed_line(rows: list[dict]) -> str | None:
    """newsprint's time against plain PaddleOCR's on the pages both read in
    this run, per page and per 1,000 characters read: plain PaddleOCR reads
    a quarter of an ECPO fold's characters (its vertical lines in pieces)
    and takes less time there for it, so time per page alone says little
    where the two do not read the same. None without the peer's times."""
    both = [
        r for r in rows if r.get("plain_seconds") and r.get("seconds") and r.get("plain_characters")
    ]
    if not both:
        return None
    ours, plain = sum(r["seconds"] for r in both), sum(r["plain_seconds"] for r in both)
    ours_chars = sum(r["characters"] for r in both)
    plain_chars = sum(r["plain_characters"] for r in both)
    per_ours = 1000 * ours / max(1, ours_chars)
    per_plain = 1000 * plain / max(1, plain_chars)
    pages = f"{len(both)} page{'s' if len(both) != 1 else ''}"
    return (
        f"speed on {pages}: newsprint {ours / len(both):.1f} s a page, plain "
        f"PaddleOCR {plain / len(both):.1f} ({ours / plain:.2f}x); characters read "
        f"{ours_chars / len(both):.0f} against {plain_chars / len(both):.0f} a page; "
        f"seconds per 1,000 characters read {per_ours:.2f} against {per_plain:.2f} "
        f"({per_ours / per_plain:.2f}x)"
    )


def report(groups: dict[str, list[dict]]) -> str:
    return "\n\n".join(
        table(f"== {name} ({len(rows)} pages)", rows) + "\n" + notes(rows)
        for name, rows in groups.items()
    )


def run_real(
    out: Path,
    settings: Settings,
    engine: Any,
    peer: PeerProcess | None,
    *,
    pattern: str = "*",
    tesseract: bool = True,
    tesseract_timeout: float = 600,
) -> dict[str, list[dict]]:
    """The real set as ``python -m bench`` and ``python -m bench.real`` run it:
    the groups' rows (none when the scans are not there, said on stdout)."""
    root = real_root()
    images = real_pages(root, pattern)
    if not images:
        sys.stdout.write(f"real set: no scan matching {pattern!r} in {root}; skipped\n")
        return {}
    reader = Tesseract.find(tesseract_timeout) if tesseract else None
    if tesseract and reader is None:
        sys.stdout.write("tesseract: not installed (scripts/setup.sh installs it); skipped\n")
    return run_groups(images, out, settings, engine, peer, reader, root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", default="*", help="glob on the scans' file names")
    parser.add_argument("--no-peer", action="store_true", help="use the stored plain PaddleOCR")
    parser.add_argument("--no-tesseract", action="store_true", help="skip Tesseract")
    parser.add_argument("--tesseract-timeout", type=float, default=600, help="seconds per page")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument(
        "--out", type=Path, default=None, help="page outputs here (default: a new temporary folder)"
    )
    args = parser.parse_args(argv)
    settings = Settings()
    engine = load_engine(settings.ocr)
    peer = None if args.no_peer else PeerProcess()
    out = args.out or Path(tempfile.mkdtemp(prefix="newsprint-real-"))
    try:
        groups = run_real(
            out,
            settings,
            engine,
            peer,
            pattern=args.pages,
            tesseract=not args.no_tesseract,
            tesseract_timeout=args.tesseract_timeout,
        )
    finally:
        if peer is not None:
            peer.close()
    if not groups:
        return 1
    sys.stdout.write(report(groups) + "\n")
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = args.json or RESULTS / time.strftime("real-%Y%m%d-%H%M%S.json")
    target.write_text(json.dumps(groups, indent=2, ensure_ascii=False), encoding="utf-8")
    sys.stdout.write(f"results: {target}\npage outputs (articles, page.json, overlays): {out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
