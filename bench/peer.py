"""The peer: plain PaddleOCR over the whole page, as a user would run it
without newsprint (same PP-OCRv6 models, same engine, PaddleOCR's own
defaults), timed against the full newspaper pipeline in the same run.

    python -m bench.peer [--scans DIR]

Prints seconds per page for both, their ratio, and the peer's CER against the
ground-truth text read in PaddleOCR's own line order. The peer runs in a
process of its own (:class:`PeerProcess`), so each side's memory is its own.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from newsprint.core.settings import Settings
from newsprint.ocr.engine import load_engine
from newsprint.ocr.models import prepare_models
from newsprint.ocr.paddle import import_paddleocr
from newsprint.pipeline import process_scan
from newsprint.scans import load_scan

from bench.memory import rss_mib
from bench.samples import ROOT, truth_pairs
from bench.score import cer


def peer_engine_options(settings: Settings) -> dict[str, Any]:
    """ONNX Runtime as PaddleOCR sets it up by default (arena on, every
    optimisation), with the same threads as newsprint: none of newsprint's
    own ``ocr`` session options reach the peer."""
    threads = settings.ocr.threads or os.cpu_count() or 1
    config = {"intra_op_num_threads": threads, "log_severity_level": 3}
    return {"engine": "onnxruntime", "engine_config": config}


def load_peer(settings: Settings) -> Any:
    dirs = prepare_models(settings.ocr)
    paddleocr = import_paddleocr(settings.ocr.cache_dir)
    return paddleocr.PaddleOCR(
        text_detection_model_name=dirs.det_model_name,
        text_detection_model_dir=str(dirs.det),
        text_recognition_model_name=dirs.rec_model_name,
        text_recognition_model_dir=str(dirs.rec),
        use_doc_orientation_classify=False,
        use_doc_unwarping=False,
        use_textline_orientation=False,
        **peer_engine_options(settings),
    )


PeerLine = tuple[str, tuple[int, int, int, int]]
"""One line the peer read: its text and box (x0, y0, x1, y1) in scan pixels."""


def peer_lines(peer: Any, image: np.ndarray, **options: Any) -> list[PeerLine]:
    """The peer's lines in its own order; ``options`` go to ``PaddleOCR.predict``
    (e.g. ``text_det_limit_side_len``), PaddleOCR's defaults otherwise."""
    rgb = image if image.ndim == 3 else np.repeat(image[:, :, None], 3, axis=2)
    result = peer.predict(np.ascontiguousarray(rgb[:, :, ::-1]), **options)[0]
    lines = []
    for text, poly in zip(result["rec_texts"], result["rec_polys"], strict=True):
        points = np.asarray(poly, dtype=np.float64).reshape(-1, 2)
        x0, y0, x1, y1 = (int(v) for v in (*points.min(axis=0), *np.ceil(points.max(axis=0))))
        lines.append((text, (x0, y0, x1, y1)))
    return lines


def peer_text(peer: Any, image: np.ndarray, **options: Any) -> str:
    return "\n".join(text for text, _ in peer_lines(peer, image, **options))


@dataclass
class PeerReading:
    text: str
    seconds: float
    """The peer's own time on the page (loading the scan not counted)."""
    rss_mib: float
    """Resident memory of the peer's process after the page."""
    lines: list[PeerLine] = field(default_factory=list)
    """The lines behind ``text``, with their boxes, in the peer's order."""


_PEER: Any = None


def _start_peer() -> None:
    global _PEER
    _PEER = load_peer(Settings())


def _read_scan(path: str, options: dict[str, Any]) -> PeerReading:
    image = load_scan(Path(path), Settings().scan)[0].image
    start = time.perf_counter()
    lines = peer_lines(_PEER, image, **options)
    seconds = time.perf_counter() - start
    return PeerReading("\n".join(text for text, _ in lines), seconds, rss_mib(), lines)


def _peer_rss() -> float:
    return rss_mib()


class PeerProcess:
    """The peer in a spawned process of its own, models loaded once: its
    memory never counts as newsprint's (nor newsprint's as its own), and the
    two run one after the other, so neither's time includes the other's."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=_start_peer)

    def read(self, image: Path, **options: Any) -> PeerReading:
        """Read one scan; ``options`` go to ``PaddleOCR.predict`` for this page."""
        return self._pool.submit(_read_scan, str(image), options).result()

    def rss_mib(self) -> float:
        """Resident memory of the peer's process now (its models loaded)."""
        return self._pool.submit(_peer_rss).result()

    def close(self) -> None:
        self._pool.shutdown()

    def __enter__(self) -> PeerProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scans", type=Path, default=ROOT / "sample_scans")
    args = parser.parse_args(argv)
    settings = Settings()
    engine, peer = load_engine(settings.ocr), PeerProcess()
    out = Path(tempfile.mkdtemp(prefix="newsprint-peer-"))
    rows, ours_total, peer_total = [], 0.0, 0.0
    with peer:
        for image_path, truth in truth_pairs(args.scans):
            reading = peer.read(image_path)
            start = time.perf_counter()
            process_scan(image_path, out, settings, engine)
            ours_s, peer_s = time.perf_counter() - start, reading.seconds
            gold = "\n".join(p for a in truth["articles"] for p in a["paragraphs"])
            rows.append((image_path.name, ours_s, peer_s, cer(reading.text, gold)))
            ours_total, peer_total = ours_total + ours_s, peer_total + peer_s
    sys.stdout.write(
        f"{'page':28} {'newsprint s':>11} {'peer s':>7} {'ratio':>6} {'peer CER%':>9}\n"
    )
    for name, ours_s, peer_s, peer_cer in rows:
        ratio = ours_s / peer_s
        sys.stdout.write(
            f"{name[:28]:28} {ours_s:11.1f} {peer_s:7.1f} {ratio:6.2f} {100 * peer_cer:9.1f}\n"
        )
    n = max(1, len(rows))
    sys.stdout.write(
        f"{'mean':28} {ours_total / n:11.1f} {peer_total / n:7.1f} {ours_total / peer_total:6.2f}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
