#!/usr/bin/env bash
# Run the whole suite on a throwaway PostgreSQL server, then on SQLite, then ruff and mypy.
# The server lives in a temporary folder, listens only on a private Unix socket,
# and is stopped (and the folder removed) however the run ends.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL server binaries not found (set PG_BIN); install postgresql-15." >&2
  exit 1
fi

PG_DIR="$(mktemp -d /tmp/newsroom-pg.XXXXXX)"
PG_PORT="${PG_PORT:-54329}"
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
stop_pg() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_pg EXIT

[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
  || { cat "$PG_DIR/initdb.log"; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-c listen_addresses='' -k $PG_DIR -p $PG_PORT -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$PG_DIR/server.log"; exit 1; }

status=0
# The two runs go side by side (one per core); each prints its own log when done.
PG_URL="postgres://postgres@$(python -c "import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=''))" "$PG_DIR"):$PG_PORT/newsroom"
# Tests that never touch a database run once, in the SQLite run (tests/conftest.py).
DATABASE_URL="$PG_URL" NEWSROOM_TESTS=database pytest -p no:cacheprovider "$@" \
  >"$PG_DIR/pytest-postgresql.log" 2>&1 &
pg_pid=$!
env -u DATABASE_URL pytest -p no:cacheprovider "$@" >"$PG_DIR/pytest-sqlite.log" 2>&1 &
sqlite_pid=$!
# The SQLite run ends first: its core then runs the linters while PostgreSQL finishes.
wait $sqlite_pid || status=1
{ ruff check . && ruff format --check .; } >"$PG_DIR/ruff.log" 2>&1 || status=1
mypy >"$PG_DIR/mypy.log" 2>&1 || status=1
wait $pg_pid || status=1
echo "== pytest on PostgreSQL ($("$PG_BIN/postgres" --version))"
cat "$PG_DIR/pytest-postgresql.log"
echo "== pytest on SQLite"
cat "$PG_DIR/pytest-sqlite.log"
echo "== ruff"
cat "$PG_DIR/ruff.log"
echo "== mypy"
cat "$PG_DIR/mypy.log"

exit $status
