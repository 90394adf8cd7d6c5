#!/usr/bin/env bash
# Quick start, command 1: set everything up, then run the main job on sample_scans/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
newsprint process sample_scans --out "${1:-out}"
