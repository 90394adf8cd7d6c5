"""Regenerate the traditional Chinese corpus files from the simplified ones.

``python -m pagegen.build_corpus`` (needs ``opencc-python-reimplemented``, a dev extra).
"""

from __future__ import annotations

import logging
from pathlib import Path

from pagegen.corpus import CORPUS_DIR

log = logging.getLogger(__name__)


def build_traditional() -> list[Path]:
    """Rewrite ``zh_hant*.txt`` from ``zh_hans*.txt`` with OpenCC s2tw (dev-only dependency)."""
    from opencc import OpenCC  # only needed to regenerate the corpus

    converter = OpenCC("s2tw")
    written = []
    for src in sorted(CORPUS_DIR.glob("zh_hans*.txt")):
        dst = src.with_name(src.name.replace("zh_hans", "zh_hant"))
        dst.write_text(converter.convert(src.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(dst)
        log.info("wrote %s", dst)
    return written


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    build_traditional()


if __name__ == "__main__":
    main()
