#!/usr/bin/env bash
# Scale-out on one machine: pages per minute of `newsprint process` with 1 and 2
# local Dask workers, then the multi-machine recipe tried here: a Prefect server,
# a Dask scheduler and two Dask workers started by hand (as if on other hosts),
# and `newsprint process` sent to them through dask.address.
#
#   bash bench/scaleout.sh [PAGES] [WORKDIR]     (default 12 generated pages)
#
# Every process it starts is stopped by pid on the way out.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-12}
WORK=${2:-$(mktemp -d /tmp/newsprint-scaleout-XXXX)}
BIN=$PWD/.venv/bin
mkdir -p "$WORK/inbox"
"$BIN/python" - "$WORK/inbox" "$PAGES" <<'PY'
import sys
from pathlib import Path
from bench.soak import soak_page
for seed in range(int(sys.argv[2])):
    soak_page(10_000 + seed).save(Path(sys.argv[1]) / f"page-{seed:03d}.png")
PY

timed() {  # timed LABEL OUT [env...] -- command: prints pages per minute
    local label=$1 out=$2; shift 2
    local start end
    start=$(date +%s.%N)
    env "$@" "$BIN/newsprint" process "$WORK/inbox" --out "$out" >"$out.log" 2>&1 \
        || { echo "$label: failed, see $out.log" >&2; tail -20 "$out.log" >&2; return 1; }
    end=$(date +%s.%N)
    python3 -c "s=$end-$start; print(f'$label: $PAGES pages in {s:.0f} s, {60*$PAGES/s:.2f} pages/min')"
}

timed "LocalCluster, 1 worker " "$WORK/out-1" NEWSPRINT_DASK__WORKERS=1
timed "LocalCluster, 2 workers" "$WORK/out-2" NEWSPRINT_DASK__WORKERS=2

# The multi-machine recipe, every "host" on this machine.
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
export PREFECT_HOME=$WORK/prefect PREFECT_SERVER_ANALYTICS_ENABLED=false
"$BIN/prefect" server start --host 127.0.0.1 --port 4299 >"$WORK/prefect.log" 2>&1 &
pids+=($!)
"$BIN/dask" scheduler --host 127.0.0.1 --port 8799 --dashboard-address :0 >"$WORK/scheduler.log" 2>&1 &
pids+=($!)
for n in 1 2; do
    PREFECT_API_URL=http://127.0.0.1:4299/api DASK_DISTRIBUTED__WORKER__DAEMON=False \
        "$BIN/dask" worker tcp://127.0.0.1:8799 --nworkers 1 --nthreads 1 \
        --name "host-$n" --dashboard-address :0 >"$WORK/worker-$n.log" 2>&1 &
    pids+=($!)
done
for _ in $(seq 180); do  # the server and both workers up
    if curl -sf http://127.0.0.1:4299/api/health >/dev/null \
        && [ "$(grep -l "Registered to" "$WORK"/worker-*.log 2>/dev/null | wc -l)" = 2 ]; then
        break
    fi
    sleep 1
done
timed "dask.address, 2 hand-started workers" "$WORK/out-cluster" \
    NEWSPRINT_DASK__ADDRESS=tcp://127.0.0.1:8799 NEWSPRINT_PREFECT__API_URL=http://127.0.0.1:4299/api \
    NEWSPRINT_OCR__THREADS=1
"$BIN/python" - "${pids[@]:2}" <<'PY'
import sys, psutil
for n, pid in enumerate(sys.argv[1:], 1):  # CPU seconds of each "host": its worker and page children
    tree = [psutil.Process(int(pid)), *psutil.Process(int(pid)).children(recursive=True)]
    cpu = sum(sum(p.cpu_times()[:4]) for p in tree)
    print(f"host-{n}: {cpu:.0f} CPU s in {len(tree)} processes")
PY
"$BIN/python" - "$WORK/out-cluster" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"{sys.argv[1]}/catalog.sqlite")
print("cluster run, pages by status:", dict(db.execute("select status, count(*) from pages group by status")))
PY
echo "work folder: $WORK"
