#!/usr/bin/env bash
# Load benchmark (issue 14) — not part of tests/run.sh; about 5 to 10 minutes on 2 cores.
#
#   tests/perf/run.sh
#
# Release build; a private PostgreSQL cluster (tests/pg.sh on PERF_PG_PORT, default 5474) and a
# SQLite file; on each, the synthetic edition (seed-synthetic, PERF_PROJECTS × PERF_REVISIONS,
# default 500 × 10); the portal on 127.0.0.1 with Perf:Enabled (SQL command counter); wrk with
# 2 threads × 32 connections × PERF_DURATION seconds (default 5) per page, after PERF_WARMUP seconds
# (default 3) of the same load that are not counted. Prints the table and
# writes it to docs/performance.md with the command and the machine; exits 1 when a goal is missed.
# While working on one page: PERF_PROVIDERS=Postgres (or Sqlite), PERF_PAGES=tablero,proyecto (page
# names holding one of the words; the login baseline always runs), PERF_OUTPUT=/tmp/perf.md (keeps
# docs/performance.md for full runs), PERF_APP_PORT (default 5590: SQLite there, PostgreSQL one above).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${PERF_WORK:-/tmp/programa-perf}"
PG_PORT="${PERF_PG_PORT:-5474}"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk >/dev/null; else echo "Falta wrk: apt-get install -y wrk" >&2; exit 2; fi
fi

rm -rf "$WORK" && mkdir -p "$WORK"
echo "Compilando (Release)…" >&2
dotnet publish "$ROOT/src/ProgramaInnovacion.Web" -c Release -o "$WORK/app" --nologo -v q >"$WORK/publish.log"

PG_CONNECTION="$(TEST_PG_PORT="$PG_PORT" bash "$ROOT/tests/pg.sh" start)"
trap 'TEST_PG_PORT="$PG_PORT" bash "$ROOT/tests/pg.sh" stop' EXIT

python3 "$ROOT/tests/perf/perf.py" \
  --app "$WORK/app/ProgramaInnovacion.Web.dll" --work "$WORK" --pg "$PG_CONNECTION" \
  --projects "${PERF_PROJECTS:-500}" --revisions "${PERF_REVISIONS:-10}" --duration "${PERF_DURATION:-5}" \
  --app-port "${PERF_APP_PORT:-5590}" --warmup "${PERF_WARMUP:-3}" --providers "${PERF_PROVIDERS:-Postgres,Sqlite}" --pages "${PERF_PAGES:-}" \
  --output "${PERF_OUTPUT:-$ROOT/docs/performance.md}" --command "tests/perf/run.sh"
