#!/usr/bin/env bash
# PostgreSQL restarted (fast shutdown) under a bounded load of writes: nothing acknowledged is lost.
#
#   tests/faults/pg-restart.sh
#
# The Release app on a private PostgreSQL (tests/pg.sh, port FAULT_PG_PORT, default 5464), 16
# connections from 127.0.0.1 saving drafts, commenting and uploading (PortalDriver); PostgreSQL is
# restarted with `pg_ctl restart -m fast` a third of the way through. Then every write the app
# answered with success is looked up in the database and the file store, and /health/ready is
# shown to report the database down and to recover by itself.
# Prints the figures; exits non-zero when an acknowledged write is missing or recovery > 5 s.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap cleanup EXIT

export TEST_PG_PORT="${FAULT_PG_PORT:-5464}"
WORKERS="${FAULT_WORKERS:-16}"
WRITES_PER_WORKER="${FAULT_WRITES_PER_WORKER:-24}"
MAX_RECOVERY_SECONDS=5

build_release
start_postgres
APP_PORT="$(free_port)"
APP_URL="http://127.0.0.1:$APP_PORT"
start_app app "$APP_PORT" programa_fault Storage__DataPath="$WORK/data"
wait_ready "$APP_URL" 90 || { tail -n 40 "$WORK/app.log"; echo "the app did not become ready"; exit 1; }
RESTART="$(printf '%q ' pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 restart) >/dev/null"
export -f pg_as_owner

say "== Carga: $WORKERS conexiones × $WRITES_PER_WORKER escrituras; PostgreSQL se reinicia (fast) a un tercio =="
dotnet "$DRIVER_DLL" load --url "$APP_URL" --pg "${PG_CONNECTION};Database=programa_fault" \
  --workers "$WORKERS" --writes-per-worker "$WRITES_PER_WORKER" \
  --restart "$RESTART" --acks "$WORK/acks.tsv"

say "== Verificación de cada escritura confirmada =="
status=0
dotnet "$DRIVER_DLL" check --pg "${PG_CONNECTION};Database=programa_fault" --acks "$WORK/acks.tsv" --store "$WORK/data/uploads" || status=1
recovery="$(cat "$WORK/acks.tsv.recovery")"

say "== /health/ready con PostgreSQL detenido y otra vez en marcha =="
pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
down="$(curl -s -o /dev/null -m 30 -w '%{http_code}' "$APP_URL/health/ready" || true)"
say "PostgreSQL detenido:   /health/ready → $down"
pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$TEST_PG_DIR/postgres.log" -w -t 60 start >/dev/null
started=$SECONDS
up=000
for _ in $(seq 1 50); do
  up="$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$APP_URL/health/ready" || true)"
  [ "$up" = 200 ] && break
  sleep 0.2
done
say "PostgreSQL en marcha:  /health/ready → $up (en $((SECONDS - started)) s, sin reiniciar la app)"
[ "$down" = 503 ] || { say "FALLA: con la base detenida /health/ready debía responder 503"; status=1; }
[ "$up" = 200 ] || { say "FALLA: /health/ready no volvió a 200"; status=1; }

if awk -v r="$recovery" -v m="$MAX_RECOVERY_SECONDS" 'BEGIN { exit !(r > m) }'; then
  say "FALLA: la recuperación tardó $recovery s (máximo $MAX_RECOVERY_SECONDS s)"
  status=1
fi
[ "$status" = 0 ] && say "pg-restart: ninguna escritura confirmada se perdió; recuperación en $recovery s." || say "pg-restart: FALLÓ (registro de la app: se borra al salir; ejecutá con KEEP=1 para conservarlo)"
exit "$status"
