#!/usr/bin/env bash
# Case library search timings over thousands of generated cases (a script, not a timed test).
# Usage: tests/bench/case-search.sh [cases=5000] [sqlite|postgres] ["Host=…;Port=…;Username=…;Password=…"]
set -euo pipefail
cd "$(dirname "$0")/CaseSearchBench"
dotnet run -c Release -- "${1:-5000}" "${2:-sqlite}" ${3:+"$3"}
