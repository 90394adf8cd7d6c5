"""The benchmark: newsprint and the plain-PaddleOCR peer on generated pages
with exact ground truth (and the pages in ``sample_scans/``).

    python -m bench [--pages N] [--held-out M] [--no-peer] [--no-real] [--no-tesseract]
                    [--json FILE]

Prints one table per set (per page and mean) and writes them as JSON under
``bench/results/`` so a change can be compared with the last run. The peer
runs in a process of its own, so newsprint's memory figures (peak per page,
resident memory at the start and end of each set) are newsprint's alone.
The real set (``bench.real``: real scans without transcribed text, scored
for coverage and reading order, in a tuning and a held-out group) runs last.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from newsprint.core.settings import Settings
from newsprint.ocr.engine import load_engine
from newsprint.pipeline import process_scan

from bench import real
from bench.memory import PeakMemory, memory_line, rss_mib
from bench.pages import HELD_OUT_SEED, TUNING_SEED, page_set
from bench.peer import PeerProcess
from bench.samples import ROOT
from bench.score import order_scores, score_page

CACHE = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results"


def run_page(image: Path, out: Path, settings: Settings, engine, peer: PeerProcess | None) -> dict:
    truth = json.loads(image.with_name(image.name.split(".")[0] + ".truth.json").read_text("utf-8"))
    with PeakMemory() as memory:
        start = time.perf_counter()
        result = process_scan(image, out, settings, engine)
        seconds = time.perf_counter() - start
    if not result.ok:
        return {"page": image.name, "error": result.error}
    page = json.loads((result.pages[0].folder / "page.json").read_text(encoding="utf-8"))
    score = score_page(image.name, truth, page, seconds)
    row = {"page": image.name, **asdict(score), **order_scores(truth, page)}
    row["memory_mib"] = memory.peak
    row["rss_mib"] = rss_mib()
    if peer is not None:
        reading = peer.read(image)
        row["peer_seconds"] = reading.seconds
        row["peer_rss_mib"] = reading.rss_mib
        paragraphs = {"articles": [{"paragraphs": [reading.text]}]}
        row.update({f"peer_{k}": v for k, v in order_scores(truth, paragraphs).items()})
    return row


COLUMNS = (
    ("page", "page", "{:26.26}"),
    ("recall", "recall", "{:6.2f}"),
    ("prec", "precision", "{:5.2f}"),
    ("CER%", "page_cer", "{:6.2f}"),
    ("ordCER%", "order_cer", "{:7.2f}"),
    ("chars", "char_accuracy", "{:5.3f}"),
    ("head", "headline_acc", "{:5.2f}"),
    ("capt", "caption_acc", "{:5.2f}"),
    ("byl", "byline_acc", "{:5.2f}"),
    ("leak", "running_head_leaks", "{:4d}"),
    ("skew°", "skew_error", "{:6.3f}"),
    ("s/page", "seconds", "{:6.1f}"),
    ("MiB", "memory_mib", "{:6.0f}"),
    ("peer s", "peer_seconds", "{:6.1f}"),
    ("peerOrd%", "peer_order_cer", "{:8.1f}"),
)
_PERCENT = {"page_cer", "order_cer", "peer_order_cer"}


def _derived(row: dict) -> dict:
    row = dict(row)
    row["recall"] = row["found"] / max(1, row["truth_articles"])
    row["precision"] = row["found"] / max(1, row["predicted_articles"])
    # A page without captions has no caption accuracy (blank, not zero).
    for part, ok, total in _PARTS:
        row[part] = row[ok] / row[total] if row[total] else None
    return row


_PARTS = (
    ("headline_acc", "headline_ok", "headlines"),
    ("caption_acc", "caption_ok", "captions"),
    ("byline_acc", "byline_ok", "bylines"),
)


def _cell(row: dict, key: str, fmt: str) -> str:
    value = row.get(key)
    if value is None:
        return " " * len(fmt.format(0) if "d" in fmt else fmt.format(0.0))
    return fmt.format(100 * value if key in _PERCENT else value)


def table(title: str, rows: list[dict]) -> str:
    rows = [_derived(r) for r in rows if "error" not in r]
    head = " ".join(
        f"{name:>{len(_cell({'x': 0}, 'x', fmt))}}" if name != "page" else f"{name:26}"
        for name, _, fmt in COLUMNS
    )
    lines = [title, head, "-" * len(head)]
    lines += [" ".join(_cell(r, key, fmt) for _, key, fmt in COLUMNS) for r in rows]
    if rows:
        mean = {"page": "mean"}
        for _, key, _fmt in COLUMNS[1:]:
            values = [r[key] for r in rows if r.get(key) is not None]
            if values:
                mean[key] = max(values) if key == "skew_error" else sum(values) / len(values)
        mean["running_head_leaks"] = sum(r["running_head_leaks"] for r in rows)
        # Parts are scored over all the set's headlines, captions and bylines.
        for part, ok, total in _PARTS:
            count = sum(r[total] for r in rows)
            mean[part] = sum(r[ok] for r in rows) / count if count else None
        lines += ["-" * len(head), " ".join(_cell(mean, key, fmt) for _, key, fmt in COLUMNS)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=10, help="tuning pages per language")
    parser.add_argument("--held-out", type=int, default=4, help="held-out pages per language")
    parser.add_argument("--no-peer", action="store_true", help="skip plain PaddleOCR")
    parser.add_argument("--no-real", action="store_true", help="skip the real set")
    parser.add_argument("--no-tesseract", action="store_true", help="real set without Tesseract")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument(
        "--out", type=Path, default=None, help="page outputs here (default: a new temporary folder)"
    )
    args = parser.parse_args(argv)
    settings = Settings()
    engine = load_engine(settings.ocr)
    peer = None if args.no_peer else PeerProcess()
    out = args.out or Path(tempfile.mkdtemp(prefix="newsprint-bench-"))
    sets = {
        "tuning": page_set(CACHE / "tuning", TUNING_SEED, args.pages),
        "held-out": page_set(CACHE / "held-out", HELD_OUT_SEED, args.held_out),
        "sample_scans": sorted(
            p for p in (ROOT / "sample_scans").iterdir() if p.suffix in {".png", ".jpg", ".tif"}
        ),
    }
    report: dict = {}
    memory = {"newsprint_loaded_mib": rss_mib()}
    if peer is not None:
        memory["peer_loaded_mib"] = peer.rss_mib()
    for name, images in sets.items():
        rows = [run_page(image, out / name, settings, engine, peer) for image in images]
        report[name] = rows
        sys.stdout.write(table(f"== {name} ({len(rows)} pages)", rows) + "\n")
        sys.stdout.write(memory_line(rows) + "\n\n")
        for row in rows:
            if "error" in row:
                sys.stdout.write(f"  failed: {row['page']}: {row['error']}\n")
    if not args.no_real:
        groups = real.run_real(
            out / "real", settings, engine, peer, tesseract=not args.no_tesseract
        )
        for name, rows in groups.items():
            report[name] = rows
            sys.stdout.write(real.table(f"== {name} ({len(rows)} pages)", rows) + "\n")
            sys.stdout.write(real.notes(rows) + "\n\n")
    if peer is not None:
        peer.close()
    done = [r for rows in report.values() for r in rows if "rss_mib" in r]
    if done:
        memory.update(newsprint_first_page_mib=done[0]["rss_mib"], newsprint_end_mib=rss_mib())
        if "peer_rss_mib" in done[0]:
            memory.update(peer_first_page_mib=done[0]["peer_rss_mib"])
            memory.update(peer_end_mib=done[-1]["peer_rss_mib"])
    sys.stdout.write(
        "memory over the whole run (MiB): "
        + ", ".join(f"{k.removesuffix('_mib')} {v:.0f}" for k, v in memory.items())
        + "\n"
    )
    report["memory"] = memory
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = args.json or RESULTS / time.strftime("bench-%Y%m%d-%H%M%S.json")
    target.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    sys.stdout.write(f"results: {target}\npage outputs (articles, page.json, overlays): {out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
