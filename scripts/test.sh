#!/usr/bin/env bash
# Quick start, command 2: set everything up, then lint and run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
ruff check .
python -m pytest -q "$@"
