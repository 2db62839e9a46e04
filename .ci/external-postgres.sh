#!/usr/bin/env bash
# Proves the app against an external PostgreSQL (Debian's 15), as SECURITY.md tells an operator to run it: an
# owner role for migrations (DATABASE_OWNER_URL) and a login-only app role (DATABASE_URL) that `db migrate`
# grants rows, not structure. Migrates an empty database, loads the demo as the app, then the schema (roles
# included) and API integration tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
DIR=$(mktemp -d)
chmod 755 "$DIR"
PORT=${EXTERNAL_PG_PORT:-55432}
RUN=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$DIR"
  RUN=(runuser -u postgres --)
fi
cleanup() { "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" stop -m fast >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT

"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust >/dev/null
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" -l "$DIR/log" -w start >/dev/null
PSQL=("${RUN[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -q)
"${PSQL[@]}" -c "CREATE ROLE marginalia_owner LOGIN CREATEDB PASSWORD 'ext-owner'" >/dev/null
"${PSQL[@]}" -c "CREATE ROLE marginalia_app LOGIN PASSWORD 'ext-app'" >/dev/null
"${PSQL[@]}" -c "CREATE DATABASE marginalia OWNER marginalia_owner" >/dev/null

export DATABASE_OWNER_URL="postgres://marginalia_owner:ext-owner@127.0.0.1:$PORT/marginalia"
export DATABASE_URL="postgres://marginalia_app:ext-app@127.0.0.1:$PORT/marginalia"
echo "external PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on port $PORT"
npm run --silent marginalia -- db migrate
npm run --silent marginalia -- db seed
npx vitest run --project integration tests/integration/schema.test.ts tests/integration/posts-api.test.ts
