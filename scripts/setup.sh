#!/usr/bin/env bash
# Set up newsprint in ./.venv (idempotent): Python packages, the OCR weights
# carrier, and the fonts the page generator draws with.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
. .venv/bin/activate
python -m pip install -q --upgrade pip "setuptools>=68" wheel
python -m pip install -q -e ".[dev]"
# rapidocr only carries the PP-OCRv6 ONNX weights; its own dependencies are not used.
python -m pip install -q --no-deps "rapidocr==3.10.0"

# Fonts for the synthetic page generator (sample pages and the benchmark).
if ! fc-list 2>/dev/null | grep -qi "AR PL UMing"; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && apt-get install -y -qq fonts-wqy-microhei fonts-wqy-zenhei \
            fonts-arphic-uming fonts-liberation2 fonts-dejavu-core) >/dev/null 2>&1 \
            || echo "setup: could not install fonts; the page generator's tests will be skipped" >&2
    else
        echo "setup: install fonts-wqy-microhei fonts-arphic-uming fonts-liberation2 for the page generator" >&2
    fi
fi

# PostgreSQL server for the catalog tests (.ci/run starts one with scripts/postgres.sh).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && apt-get install -y -qq postgresql) >/dev/null 2>&1 \
            || echo "setup: could not install postgresql; the PostgreSQL catalog tests will be skipped" >&2
    else
        echo "setup: install postgresql to run the catalog tests against PostgreSQL" >&2
    fi
fi

# pdftotext (poppler-utils): the tests check the searchable PDFs' text layer with it.
if ! command -v pdftotext >/dev/null; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        (apt-get install -y -qq poppler-utils || (apt-get update -qq \
            && apt-get install -y -qq poppler-utils)) >/dev/null 2>&1 \
            || echo "setup: could not install poppler-utils; the PDF text tests will be skipped" >&2
    else
        echo "setup: install poppler-utils (pdftotext) for the PDF text tests" >&2
    fi
fi

# Chromium (Debian's package) for the review page's end-to-end tests; Playwright
# drives it with executable_path (no browser download).
if [ ! -x /usr/bin/chromium ]; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        (apt-get install -y -qq chromium || (apt-get update -qq \
            && apt-get install -y -qq chromium)) >/dev/null 2>&1 \
            || echo "setup: could not install chromium; the web end-to-end tests will be skipped" >&2
    else
        echo "setup: install chromium for the web end-to-end tests" >&2
    fi
fi

# Tesseract 5 (English, Chinese horizontal and vertical): the second peer of the
# benchmark's real set (python -m bench.real); without it that column is skipped.
if ! command -v tesseract >/dev/null; then
    tess=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim tesseract-ocr-chi-tra
        tesseract-ocr-chi-sim-vert tesseract-ocr-chi-tra-vert)
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        (apt-get install -y -qq "${tess[@]}" || (apt-get update -qq \
            && apt-get install -y -qq "${tess[@]}")) >/dev/null 2>&1 \
            || echo "setup: could not install tesseract-ocr; the real set skips its Tesseract figures" >&2
    else
        echo "setup: install ${tess[*]} for the real set's Tesseract figures" >&2
    fi
fi
