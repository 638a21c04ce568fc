#!/usr/bin/env bash
# Outbox delivery rate with two workers racing on one PostgreSQL database (a script, not a timed test).
# Usage: tests/bench/notifications.sh [emails=2000] ["Host=…;Port=…;Username=…;Password=…"]
# Start a PostgreSQL first, e.g.: TEST_PG_PORT=5433 bash tests/pg.sh start
set -euo pipefail
cd "$(dirname "$0")/NotificationBench"
dotnet run -c Release -- "${1:-2000}" ${2:+"$2"}
