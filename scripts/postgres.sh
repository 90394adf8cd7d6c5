#!/usr/bin/env bash
# Start a throwaway PostgreSQL server (Debian's package) for the catalog tests and
# print its SQLAlchemy URL. `scripts/postgres.sh stop` stops it again.
# Unix socket only, trust auth for the test role: nothing listens on the network.
set -euo pipefail
DIR=${NEWSPRINT_PG_DIR:-/tmp/newsprint-pg}
PORT=${NEWSPRINT_PG_PORT:-55432}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ]; then
    echo "postgres.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
fi

as_owner() {
    # initdb and the server refuse to run as root: use the postgres account then.
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-start}" = stop ]; then
    as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
    exit 0
fi

mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres: "$DIR"
if [ ! -f "$DIR/data/PG_VERSION" ]; then
    as_owner "$PGBIN/initdb" -D "$DIR/data" -A trust -U newsprint --no-sync >"$DIR/initdb.log" 2>&1
fi
if ! as_owner "$PGBIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
        -o "-p $PORT -k $DIR -c listen_addresses='' -c fsync=off" start >/dev/null
fi
if ! as_owner "$PGBIN/psql" -h "$DIR" -p "$PORT" -U newsprint -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='newsprint_test'" | grep -q 1; then
    as_owner "$PGBIN/createdb" -h "$DIR" -p "$PORT" -U newsprint newsprint_test
fi
echo "postgresql+psycopg://newsprint@/newsprint_test?host=$DIR&port=$PORT"
