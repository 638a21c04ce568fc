#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for the integration tests.
#
#   tests/pg.sh start    create (or reuse) the cluster and print its connection string
#   tests/pg.sh status   say whether it runs; exit 0 if it does, 3 if not
#   tests/pg.sh stop     stop it and delete its folder
#
# Knobs: TEST_PG_PORT (default 5433), TEST_PG_DIR (default /tmp/programa-pg-$TEST_PG_PORT).
# It never touches the system cluster on 5432. Authentication is "trust", so any password works.
# Messages go to stderr; `start` prints only the connection string on stdout, so
# `conn=$(tests/pg.sh start)` works.
set -euo pipefail

PORT="${TEST_PG_PORT:-5433}"
DEFAULT_DIR="/tmp/programa-pg-${PORT}"
DIR="${TEST_PG_DIR:-$DEFAULT_DIR}"
DATA="$DIR/data"
LOG="$DIR/postgres.log"
# A marker file proves a folder is ours before `stop` deletes it.
MARKER="$DIR/.programa-test-cluster"
CONNECTION="Host=127.0.0.1;Port=${PORT};Username=postgres;Password=postgres"

say() { printf 'pg.sh: %s\n' "$*" >&2; }
die() {
  say "error: $*"
  exit 1
}

case "$PORT" in
  '' | *[!0-9]*) die "TEST_PG_PORT must be a number (got '$PORT')" ;;
  5432) die "port 5432 belongs to the system cluster; choose another TEST_PG_PORT" ;;
esac
case "$DIR" in
  /*) ;;
  *) die "TEST_PG_DIR must be an absolute path (got '$DIR')" ;;
esac
[ "$DIR" != "/" ] || die "TEST_PG_DIR must not be /"

is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as the cluster owner: postgres when we are root (initdb and postgres refuse root),
# otherwise the current user.
as_owner() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

newest_bin_dir() {
  local dir
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    printf '%s\n' "$dir"
  fi
}

ensure_binaries() {
  BIN="$(newest_bin_dir)"
  if [ -z "$BIN" ]; then
    is_root || die "PostgreSQL server binaries not found under /usr/lib/postgresql; install the 'postgresql' package (as root: apt-get install -y postgresql)"
    say "PostgreSQL not installed; installing it with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends postgresql >&2
    BIN="$(newest_bin_dir)"
    [ -n "$BIN" ] || die "apt-get installed postgresql, but no /usr/lib/postgresql/*/bin was found"
  fi
  if is_root; then
    id postgres >/dev/null 2>&1 || die "user 'postgres' does not exist (the 'postgresql' package creates it)"
  fi
}

cluster_running() {
  [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

port_answers() {
  "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" >/dev/null 2>&1
}

remove_dir() {
  [ -e "$DIR" ] || return 0
  if [ -f "$MARKER" ] || [ "$DIR" = "$DEFAULT_DIR" ] || [ -z "$(ls -A "$DIR" 2>/dev/null)" ]; then
    rm -rf -- "$DIR"
  else
    die "$DIR exists but was not created by this script; remove it yourself or choose another TEST_PG_DIR"
  fi
}

stop_cluster() {
  if [ -f "$DATA/PG_VERSION" ]; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  fi
  # A server killed hard can leave its postmaster behind; make sure nothing keeps the folder busy.
  if [ -f "$DATA/postmaster.pid" ]; then
    local pid
    pid="$(head -n 1 "$DATA/postmaster.pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
      grep -q postgres "/proc/$pid/comm" 2>/dev/null; then
      say "postmaster $pid did not stop; sending SIGQUIT"
      kill -QUIT "$pid" 2>/dev/null || true
      sleep 1
    fi
  fi
}

create_cluster() {
  mkdir -p "$DIR"
  touch "$MARKER"
  if is_root; then
    chown postgres:postgres "$DIR" "$MARKER"
    runuser -u postgres -- test -w "$DIR" ||
      die "user postgres cannot write to $DIR (a parent folder is not accessible); choose another TEST_PG_DIR"
  fi
  as_owner "$BIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
    as_owner "$BIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 ||
    {
      cat "$DIR/initdb.log" >&2
      die "initdb failed"
    }
  # Settings live in the cluster's own config, so a plain pg_ctl restart keeps them.
  # Durability is off on purpose: this cluster holds only test data.
  as_owner tee -a "$DATA/postgresql.conf" >/dev/null <<EOF

# --- programa test cluster (tests/pg.sh) ---
port = ${PORT}
listen_addresses = '127.0.0.1'
unix_socket_directories = '${DATA}'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

wait_until_ready() {
  local i
  for i in $(seq 1 60); do
    if port_answers; then
      return 0
    fi
    sleep 0.5
  done
  tail -n 30 "$LOG" >&2 2>/dev/null || true
  die "PostgreSQL on 127.0.0.1:$PORT did not become ready (log: $LOG)"
}

cmd_start() {
  ensure_binaries
  if cluster_running; then
    if port_answers; then
      say "reusing the cluster already running on 127.0.0.1:$PORT ($DATA)"
      printf '%s\n' "$CONNECTION"
      return 0
    fi
    say "cluster in $DATA runs but does not answer on port $PORT; restarting it"
  fi
  stop_cluster
  if port_answers; then
    die "another PostgreSQL server already listens on 127.0.0.1:$PORT; set TEST_PG_PORT to a free port"
  fi
  # Whatever is left (a stale folder from a crashed run) is thrown away: start from a clean cluster.
  remove_dir
  create_cluster
  say "starting PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT ($DATA)"
  if ! as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null; then
    tail -n 30 "$LOG" >&2 2>/dev/null || true
    die "pg_ctl start failed (log: $LOG)"
  fi
  wait_until_ready
  say "ready"
  printf '%s\n' "$CONNECTION"
}

cmd_stop() {
  ensure_binaries
  if [ -e "$DIR" ]; then
    stop_cluster
    remove_dir
    say "stopped and removed $DIR"
  else
    say "nothing to stop ($DIR does not exist)"
  fi
}

cmd_status() {
  ensure_binaries
  if cluster_running && port_answers; then
    say "running on 127.0.0.1:$PORT ($DATA)"
    printf '%s\n' "$CONNECTION"
  else
    say "not running (port $PORT, folder $DIR)"
    exit 3
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start|stop|status   (env: TEST_PG_PORT=$PORT, TEST_PG_DIR=$DIR)" >&2
    exit 2
    ;;
esac
