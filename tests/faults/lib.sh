# Shared by tests/faults/pg-restart.sh and tests/scale/two-instances.sh (sourced, not run):
# a private PostgreSQL cluster through tests/pg.sh, the Release app on 127.0.0.1, and cleanup.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WEB_DIR="$ROOT/src/ProgramaInnovacion.Web"
APP_DLL="$WEB_DIR/bin/Release/net10.0/ProgramaInnovacion.Web.dll"
DRIVER_DIR="$ROOT/tests/faults/PortalDriver"
DRIVER_DLL="$DRIVER_DIR/bin/Release/net10.0/PortalDriver.dll"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/programa-reliability.XXXXXX")"
chmod 755 "$WORK"
APP_PIDS=()
OTHER_PIDS=()
PG_STARTED=0

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

say() { printf '%s\n' "$*"; }

cleanup() {
  local pid
  for pid in "${APP_PIDS[@]}" "${OTHER_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${APP_PIDS[@]}" "${OTHER_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "$PG_STARTED" = 1 ]; then
    bash "$ROOT/tests/pg.sh" stop 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then
    echo "logs and data kept in $WORK"
  else
    rm -rf "$WORK"
  fi
}

# The Release app and the driver; skipped when tests/run.sh already built both (SKIP_APP_BUILD=1).
build_release() {
  if [ "${SKIP_APP_BUILD:-0}" != 1 ] || [ ! -f "$APP_DLL" ]; then
    dotnet build "$WEB_DIR" -c Release -v q -nologo >/dev/null
  fi
  if [ "${SKIP_APP_BUILD:-0}" != 1 ] || [ ! -f "$DRIVER_DLL" ]; then
    dotnet build "$DRIVER_DIR" -c Release -v q -nologo >/dev/null
  fi
}

# pg.sh's cluster on TEST_PG_PORT; PG_BIN, PG_DATA and pg_as_owner for restarts.
start_postgres() {
  export TEST_PG_DIR="${TMPDIR:-/tmp}/programa-reliability-pg-${TEST_PG_PORT}"
  PG_CONNECTION="$(bash "$ROOT/tests/pg.sh" start)"
  PG_STARTED=1
  PG_BIN="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)"
  PG_DATA="$TEST_PG_DIR/data"
}

pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_app NAME PORT DATABASE [extra env assignments…]: the Release app on 127.0.0.1:PORT.
start_app() {
  local name="$1" port="$2" database="$3"
  shift 3
  (
    cd "$WEB_DIR"
    # Development: the driver talks plain http to 127.0.0.1, and outside Development every cookie is
    # Secure (issue 12), so it could not stay signed in. What these scripts test is the database and
    # the instances, not the deployment settings (DeploymentTests cover those). The driver signs in
    # many clients from one address, so the sign-in rate limits are lifted.
    exec env ASPNETCORE_ENVIRONMENT=Development \
      Database__Provider=Postgres \
      ConnectionStrings__Default="${PG_CONNECTION};Database=${database}" \
      Seed__Demo=true \
      Security__RateLimits__SignIn__PerIp=100000 \
      Security__RateLimits__SignIn__PerAccount=100000 \
      Email__Smtp__Host= \
      Portal__PublicUrl="http://127.0.0.1:${port}" \
      Serilog__MinimumLevel__Default=Warning \
      "$@" \
      dotnet "$APP_DLL" --urls "http://127.0.0.1:${port}"
  ) >"$WORK/$name.log" 2>&1 &
  APP_PIDS+=("$!")
}

# wait_ready URL SECONDS: until /health/ready answers 200.
wait_ready() {
  local url="$1" limit="$2" i
  for i in $(seq 1 $((limit * 5))); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = 200 ]; then
      return 0
    fi
    sleep 0.2
  done
  return 1
}
