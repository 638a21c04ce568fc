#!/usr/bin/env bash
# Two app instances on one PostgreSQL and one S3-compatible store (s3rver on 127.0.0.1, no Docker).
#
#   tests/scale/two-instances.sh
#
# Steps, each printed with its result: sign in on A and use the cookie on B; a form rendered by A
# posted to B; a file uploaded on A and downloaded from B. Exits non-zero when a step fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../faults/lib.sh"
trap cleanup EXIT

export TEST_PG_PORT="${SCALE_PG_PORT:-5465}"

build_release
S3RVER="$(bash "$ROOT/tests/s3/s3rver.sh" path)"
S3_PORT="$(free_port)"
mkdir -p "$WORK/s3"
"$S3RVER" -d "$WORK/s3" -a 127.0.0.1 -p "$S3_PORT" --silent &
OTHER_PIDS+=("$!")
start_postgres

# Same database, same bucket, separate data folders (nothing shared on disk).
S3_SETTINGS=(Storage__Provider=S3 Storage__S3__ServiceUrl="http://127.0.0.1:$S3_PORT" Storage__S3__Bucket=programa
  Storage__S3__AccessKey=S3RVER Storage__S3__SecretKey=S3RVER Storage__S3__ForcePathStyle=true Storage__S3__CreateBucket=true)
PORT_A="$(free_port)"
start_app a "$PORT_A" programa_scale Storage__DataPath="$WORK/a" "${S3_SETTINGS[@]}"
wait_ready "http://127.0.0.1:$PORT_A" 90 || { tail -n 40 "$WORK/a.log"; echo "instance A did not become ready"; exit 1; }
# B starts once A has migrated and seeded (B would wait on the migration lock anyway).
PORT_B="$(free_port)"
start_app b "$PORT_B" programa_scale Storage__DataPath="$WORK/b" "${S3_SETTINGS[@]}"
wait_ready "http://127.0.0.1:$PORT_B" 90 || { tail -n 40 "$WORK/b.log"; echo "instance B did not become ready"; exit 1; }

say "== Dos instancias: A en :$PORT_A, B en :$PORT_B, una base PostgreSQL, un bucket S3 (s3rver :$S3_PORT) =="
dotnet "$DRIVER_DLL" two-instances --a "http://127.0.0.1:$PORT_A" --b "http://127.0.0.1:$PORT_B" --pg "${PG_CONNECTION};Database=programa_scale"
