"""Memory figures shared by the benchmark's sets: resident memory of this
process, the peak while a block runs, and the line printed under a table."""

from __future__ import annotations

import threading
from pathlib import Path


def rss_mib() -> float:
    """Resident memory of this process in MiB (Linux; 0 elsewhere)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class PeakMemory:
    """Peak resident memory while the block runs, sampled every 20 ms
    (the kernel's own high-water mark cannot be reset inside a container)."""

    def __enter__(self) -> PeakMemory:
        self.peak = rss_mib()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, rss_mib())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mib())


def memory_line(rows: list[dict]) -> str:
    """Resident memory after the first and the last page: growth over the set."""
    rows = [r for r in rows if "rss_mib" in r]
    if not rows:
        return "memory: no page finished"
    line = (
        f"memory (RSS after first -> last page): newsprint {rows[0]['rss_mib']:.0f} -> "
        f"{rows[-1]['rss_mib']:.0f} MiB, peak {max(r['memory_mib'] for r in rows):.0f} MiB"
    )
    if "peer_rss_mib" in rows[-1]:
        line += f"; peer {rows[0]['peer_rss_mib']:.0f} -> {rows[-1]['peer_rss_mib']:.0f} MiB"
    return line
