#!/usr/bin/env bash
# Quick start, command 2: set everything up, then lint and run the tests.
# The catalog tests run against SQLite and, when a PostgreSQL server can be
# started here (Debian's package, installed by setup.sh as root), against it too.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
if [ -z "${NEWSPRINT_TEST_POSTGRES_URL:-}" ] && url=$(bash scripts/postgres.sh); then
    export NEWSPRINT_TEST_POSTGRES_URL=$url
    trap 'bash scripts/postgres.sh stop' EXIT
fi
ruff check .
python -m pytest -q "$@"
