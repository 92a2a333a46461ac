#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1:55432 (Debian's postgresql package), for the PostgreSQL tests.
# Prints the admin JDBC URL; the tests create a fresh database per run in it. Run it again: it reuses a running cluster.
#   export GATEHOUSE_POSTGRES_URL=$(scripts/throwaway-postgres.sh)
set -euo pipefail
PORT=${GATEHOUSE_POSTGRES_PORT:-55432}
DIR=${GATEHOUSE_POSTGRES_DIR:-/tmp/gatehouse-postgres}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$BIN" ]; then
  echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
  exit 1
fi
run() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
mkdir -p "$DIR"
[ "$(id -u)" = "0" ] && chown postgres "$DIR"
if [ ! -f "$DIR/data/PG_VERSION" ]; then
  run "'$BIN/initdb' -D '$DIR/data' -U postgres -A trust" >"$DIR/initdb.log" 2>&1
fi
if ! run "'$BIN/pg_ctl' -D '$DIR/data' status" >/dev/null 2>&1; then
  run "'$BIN/pg_ctl' -D '$DIR/data' -w -l '$DIR/server.log' -o \"-p $PORT -k '$DIR' -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null
fi
echo "jdbc:postgresql://127.0.0.1:$PORT/postgres?user=postgres"
