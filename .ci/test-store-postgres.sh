#!/usr/bin/env bash
# Runs the store's test suite against a throw-away PostgreSQL 15 server on 127.0.0.1, to prove the SQL is portable.
# Needs Debian's postgresql-15 package (apt-get install postgresql-15); run as root (the server runs as "postgres")
# or as a user who may run initdb. The server and its data are removed at the end, whatever happens.
set -euo pipefail
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${PG_PORT:-54329}
DIR=$(mktemp -d /tmp/mojaz-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
cleanup() { as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT
as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U postgres -E UTF8 >/dev/null
as_pg "$BIN/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" -l "$DIR/log" -w start >/dev/null
"$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE mojaz"
cd "$(dirname "$0")/.."
MOJAZ_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PORT/mojaz?user=postgres" \
    mvn -q test -Dtest='dev.mojaz.store.**' -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo "store tests passed on $("$BIN/postgres" --version)"
