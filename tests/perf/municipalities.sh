#!/usr/bin/env bash
# Issue 18's benchmark case — the municipalities of a federal survey at ~2,300 (not part of tests/run.sh).
#
#   tests/perf/municipalities.sh            # 2,300 municipalities; MUNICIPALITIES=N for another size
#
# Release build, a fresh SQLite demo, then tests/perf/municipalities.py: a deterministic CSV of N
# municipalities imported through the import page (preview, confirm; again unchanged; again with a
# tenth changed) and the pages that list municipalities timed at that size. Prints the figures.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${PERF_WORK:-/tmp/programa-perf-municipios}"
rm -rf "$WORK" && mkdir -p "$WORK"
echo "Compilando (Release)…" >&2
dotnet publish "$ROOT/src/ProgramaInnovacion.Web" -c Release -o "$WORK/app" --nologo -v q >"$WORK/publish.log"
python3 "$ROOT/tests/perf/municipalities.py" --app "$WORK/app/ProgramaInnovacion.Web.dll" --work "$WORK" --count "${MUNICIPALITIES:-2300}"
