#!/usr/bin/env bash
# The one test command. From anywhere:   tests/run.sh
#
# Steps: tools -> restore -> format check -> Release build -> private PostgreSQL ->
# pending-model and compiled-model checks (both providers) -> unit tests -> integration tests on SQLite and on
# PostgreSQL -> reliability scripts (tests/faults/pg-restart.sh, tests/scale/two-instances.sh) ->
# browser tests. Stops at the first failing step; always stops the private
# PostgreSQL and ends with one line "N passed, N failed, N skipped" summed over every test run.
#
# Knobs for quick local loops (CI uses neither):
#   SKIP_BROWSER=1     skip the browser tests
#   SKIP_POSTGRES=1    skip the private PostgreSQL and the integration run against it
#   TEST_PG_PORT=5434  port of the private PostgreSQL (default 5433), so worktrees can run side by side
#   CHROMIUM_PATH=...  browser binary (default /usr/lib/chromium/chromium)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

SOLUTION="ProgramaInnovacion.sln"
WEB_PROJECT="src/ProgramaInnovacion.Web"
export TEST_PG_PORT="${TEST_PG_PORT:-5433}"
PG_CONNECTION="Host=127.0.0.1;Port=${TEST_PG_PORT};Username=postgres;Password=postgres"
CHROMIUM="${CHROMIUM_PATH:-/usr/lib/chromium/chromium}"
SKIP_BROWSER="${SKIP_BROWSER:-0}"
SKIP_POSTGRES="${SKIP_POSTGRES:-0}"
RESULTS_DIR="$ROOT/TestResults/run"
# Design-time runs of the app (dotnet ef) write their SQLite file here, not into the source tree.
SCRATCH_DIR="$(mktemp -d "${TMPDIR:-/tmp}/programa-run.XXXXXX")"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive
# Every test host would watch its appsettings files for changes (one inotify instance each); with
# hundreds of hosts in one run that exhausted the machine's 128 instances per user. Tests never edit
# configuration while running, so the hosts do not watch it.
export DOTNET_hostBuilder__reloadConfigOnChange=false

step_number=0
current_step="start"
pg_started=0

step() {
  step_number=$((step_number + 1))
  current_step="$*"
  printf '\n===== [%d] %s =====\n' "$step_number" "$*"
}

fail() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Reads one attribute of <Counters .../> from a TRX file (0 when absent).
trx_counter() {
  local attribute="$1" file="$2" value
  value="$(grep -o '<Counters [^>]*' "$file" | grep -o " ${attribute}=\"[0-9]*\"" | grep -o '[0-9][0-9]*' | head -n 1 || true)"
  printf '%s\n' "${value:-0}"
}

total_tests=0 passed_tests=0 failed_tests=0 skipped_tests=0
sum_results() {
  total_tests=0 passed_tests=0 failed_tests=0 skipped_tests=0
  local file total executed
  shopt -s nullglob
  for file in "$RESULTS_DIR"/*.trx; do
    total="$(trx_counter total "$file")"
    executed="$(trx_counter executed "$file")"
    total_tests=$((total_tests + total))
    passed_tests=$((passed_tests + $(trx_counter passed "$file")))
    # Errors, timeouts and aborts are failures too; xunit reports skipped tests as not executed.
    failed_tests=$((failed_tests + $(trx_counter failed "$file") + $(trx_counter error "$file") + $(trx_counter timeout "$file") + $(trx_counter aborted "$file")))
    skipped_tests=$((skipped_tests + total - executed))
  done
  shopt -u nullglob
}

# dotnet test with a TRX file per run, so the final summary can add them all up.
run_tests() {
  local name="$1" project="$2"
  dotnet test "$project" -c Release --no-build \
    --logger "trx;LogFileName=${name}.trx" --results-directory "$RESULTS_DIR"
  local file="$RESULTS_DIR/${name}.trx"
  [ -f "$file" ] || fail "dotnet test wrote no $file"
  local total executed
  total="$(trx_counter total "$file")"
  executed="$(trx_counter executed "$file")"
  printf -- '--> %s: %s passed, %s failed, %s skipped (TRX: %s)\n' "$name" \
    "$(trx_counter passed "$file")" "$(trx_counter failed "$file")" "$((total - executed))" "$file"
  if [ "$total" -eq 0 ]; then
    echo "--> warning: $project contains no tests"
  fi
}

# Fails when the EF model differs from the provider's last migration.
# Note: for dotnet-ef "-c" means --context, so the build configuration must be spelled out.
check_pending_model() {
  local provider_project="$1" output
  local args=(migrations has-pending-model-changes --configuration Release
    --project "$provider_project" --startup-project "$WEB_PROJECT")
  if output="$(dotnet dotnet-ef "${args[@]}" --no-build 2>&1)"; then
    printf '%s\n' "$output"
    return 0
  fi
  printf '%s\n' "$output"
  if grep -q "Changes have been made to the model" <<<"$output"; then
    fail "the model has changes without a migration in $provider_project; generate one with tests/add-migration.sh <Name>"
  fi
  echo "--> the --no-build check failed for another reason; retrying with a build"
  dotnet dotnet-ef "${args[@]}"
}

on_exit() {
  local status=$?
  set +e
  if [ "$pg_started" = 1 ]; then
    printf '\n===== Stop private PostgreSQL =====\n'
    bash tests/pg.sh stop
  fi
  rm -rf "$SCRATCH_DIR"
  sum_results
  echo
  if [ "$status" -eq 0 ] && [ "$failed_tests" -gt 0 ]; then
    status=1
  fi
  if [ "$status" -eq 0 ] && [ "$total_tests" -eq 0 ]; then
    echo "FAILED: no tests ran"
    status=1
  elif [ "$status" -ne 0 ]; then
    echo "FAILED at step [$step_number] $current_step (exit code $status); TRX files: $RESULTS_DIR"
  else
    echo "ALL STEPS PASSED in $((SECONDS / 60))m $((SECONDS % 60))s"
  fi
  echo "${passed_tests} passed, ${failed_tests} failed, ${skipped_tests} skipped"
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# TRX files of an earlier run must not count in this run's summary.
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

# ---------------------------------------------------------------------------------------------
step "Tools (.NET SDK, Chromium, dotnet-ef)"
command -v dotnet >/dev/null 2>&1 || fail "dotnet not found: install the .NET 10 SDK (see global.json) and put it on PATH"
dotnet --version
if [ "$SKIP_BROWSER" != 1 ] && [ ! -x "$CHROMIUM" ]; then
  if is_root && [ "$CHROMIUM" = /usr/lib/chromium/chromium ]; then
    echo "--> Chromium missing; installing the Debian package"
    apt-get update -q
    apt-get install -y -q chromium
  fi
  [ -x "$CHROMIUM" ] || fail "Chromium not found at $CHROMIUM: install it (apt-get install chromium), set CHROMIUM_PATH, or use SKIP_BROWSER=1"
fi
dotnet tool restore
# The S3 store's integration tests and the two-instance script run against s3rver (npm).
bash tests/s3/s3rver.sh install

step "Restore"
dotnet restore "$SOLUTION"

step "Format check (dotnet format whitespace and using order, --verify-no-changes)"
# Plain `dotnet format` also runs every code-style and code-quality analyzer over the solution
# again: about 4.5 of its 5.5 CPU minutes, for nothing the Release build below misses (it runs the
# same analyzers, EnforceCodeStyleInBuild, and fails on their warnings, TreatWarningsAsErrors).
# What only dotnet format checks is whitespace and the order of using directives (IMPORTS).
{ dotnet format whitespace "$SOLUTION" --verify-no-changes --no-restore &&
  dotnet format style "$SOLUTION" --verify-no-changes --no-restore --diagnostics IMPORTS; } ||
  fail "code is not formatted: run 'dotnet format $SOLUTION' and commit the result"

step "Build (Release)"
dotnet build "$SOLUTION" -c Release --no-restore
if [ "$SKIP_POSTGRES" != 1 ]; then
  # The reliability scripts' driver is not in the solution; built once here, not once per script.
  dotnet build tests/faults/PortalDriver -c Release
fi

if [ "$SKIP_POSTGRES" = 1 ]; then
  step "Private PostgreSQL: skipped (SKIP_POSTGRES=1)"
else
  step "Start private PostgreSQL on 127.0.0.1:$TEST_PG_PORT"
  pg_started=1
  bash tests/pg.sh start
fi

step "Pending model changes (SQLite and PostgreSQL migrations)"
(
  export Database__Provider=Sqlite
  export Storage__DataPath="$SCRATCH_DIR/design-time"
  export Database__MigrateOnStartup=false Seed__Demo=false
  unset ConnectionStrings__Default
  echo "--> SQLite"
  check_pending_model src/ProgramaInnovacion.Migrations.Sqlite
)
(
  # Building the model needs a connection string, not a reachable server.
  export Database__Provider=Postgres
  export ConnectionStrings__Default="${PG_CONNECTION};Database=programa_design"
  export Storage__DataPath="$SCRATCH_DIR/design-time"
  export Database__MigrateOnStartup=false Seed__Demo=false
  echo "--> PostgreSQL"
  check_pending_model src/ProgramaInnovacion.Migrations.Postgres
)

step "Compiled models match the code (SQLite and PostgreSQL)"
CONFIGURATION=Release NO_BUILD=1 bash tests/compiled-model.sh --check ||
  fail "a compiled model is stale: regenerate both with tests/compiled-model.sh and commit them"

step "Unit tests"
run_tests unit tests/ProgramaInnovacion.UnitTests

step "Integration tests on SQLite"
(
  export TEST_DB_PROVIDER=Sqlite
  unset TEST_PG_CONNECTION
  run_tests integration-sqlite tests/ProgramaInnovacion.IntegrationTests
)

if [ "$SKIP_POSTGRES" = 1 ]; then
  step "Integration tests on PostgreSQL: skipped (SKIP_POSTGRES=1)"
else
  step "Integration tests on PostgreSQL (127.0.0.1:$TEST_PG_PORT)"
  (
    # The tests create and drop their own databases on this server.
    export TEST_DB_PROVIDER=Postgres
    export TEST_PG_CONNECTION="$PG_CONNECTION"
    run_tests integration-postgres tests/ProgramaInnovacion.IntegrationTests
  )
fi

if [ "$SKIP_POSTGRES" = 1 ]; then
  step "Reliability scripts: skipped (SKIP_POSTGRES=1)"
else
  # Each starts its own private PostgreSQL (ports 5464 and 5465) and the Release app just built.
  step "Reliability: PostgreSQL restart under load, then two instances on one database and one S3 store"
  reliability_started=$SECONDS
  SKIP_APP_BUILD=1 bash tests/faults/pg-restart.sh
  SKIP_APP_BUILD=1 bash tests/scale/two-instances.sh
  echo "--> reliability scripts took $((SECONDS - reliability_started)) s"
fi

if [ "$SKIP_BROWSER" = 1 ]; then
  step "Browser tests: skipped (SKIP_BROWSER=1)"
else
  step "Browser tests (Chromium at $CHROMIUM)"
  (
    export CHROMIUM_PATH="$CHROMIUM"
    run_tests browser tests/ProgramaInnovacion.BrowserTests
  )
fi
