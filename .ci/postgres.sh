#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on 127.0.0.1:${PGPORT:-55432} for the tests, installing
# the Debian package first if it is missing. Prints the URL to use as CLUSTERBOT_TEST_PG_URL.
set -euo pipefail
PORT=${PGPORT:-55432}
DIR=${PGDATA_DIR:-/tmp/clusterbot-pg-$PORT}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "installing PostgreSQL (Debian package postgresql)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
  BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
RUN_AS=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  RUN_AS=(runuser -u postgres --)
fi
URL="postgresql+psycopg://clusterbot@127.0.0.1:$PORT/clusterbot"
if "${RUN_AS[@]}" "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q 2>/dev/null; then
  echo "$URL"; exit 0
fi
if [ ! -f "$DIR/PG_VERSION" ]; then
  rm -rf "$DIR"; mkdir -p "$DIR"
  [ "$(id -u)" = "0" ] && chown postgres "$DIR"
  "${RUN_AS[@]}" "$BIN/initdb" -D "$DIR" -U clusterbot --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
[ "$(id -u)" = "0" ] && chown postgres "$DIR"
rm -f "$DIR/postmaster.pid" "$DIR"/.s.PGSQL.*   # not answering above: lock files left by a killed server
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
"${RUN_AS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U clusterbot clusterbot 2>/dev/null || true
echo "$URL"
