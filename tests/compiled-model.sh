#!/usr/bin/env bash
# Regenerates the EF Core compiled model of each provider into its migrations project
# (src/ProgramaInnovacion.Migrations.<Provider>/CompiledModel; never hand-edit the output), or checks
# that the committed ones match the code. See docs/migrations.md, "Compiled models".
# Usage: tests/compiled-model.sh           regenerate both (after any change to the EF model)
#        tests/compiled-model.sh --check   fail if regenerating would change them (tests/run.sh)
# CONFIGURATION (default Debug) and NO_BUILD=1 let a caller that already built reuse its build.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-write}"
configuration="${CONFIGURATION:-Debug}"
scratch="$(mktemp -d /tmp/compiled-model.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT

dotnet tool restore >/dev/null
if [ "$mode" != --check ]; then
  # From scratch: an entity class removed from the code would not compile in the old model.
  rm -rf src/ProgramaInnovacion.Migrations.Sqlite/CompiledModel src/ProgramaInnovacion.Migrations.Postgres/CompiledModel
fi
if [ "${NO_BUILD:-0}" != 1 ]; then
  dotnet build src/ProgramaInnovacion.Web -c "$configuration" >/dev/null
fi

stale=0
for provider in Sqlite Postgres; do
  project="src/ProgramaInnovacion.Migrations.$provider"
  output="$project/CompiledModel"
  [ "$mode" = --check ] && output="$scratch/$provider"
  # The design-time host builds the model from the code (a compiled model in the options is
  # ignored at design time). PostgreSQL needs a connection string to build it, not a server.
  connection=""
  [ "$provider" = Postgres ] && connection="Host=localhost;Database=programa;Username=programa"
  Database__Provider="$provider" ConnectionStrings__Default="$connection" \
  Storage__DataPath="$scratch/data" Database__MigrateOnStartup=false Seed__Demo=false \
    dotnet dotnet-ef dbcontext optimize --no-build --configuration "$configuration" \
    --project "$project" --startup-project src/ProgramaInnovacion.Web \
    --output-dir "$(realpath -m "$output")" --namespace "ProgramaInnovacion.Migrations.$provider.CompiledModel" >"$scratch/$provider.log" 2>&1 ||
    { cat "$scratch/$provider.log"; exit 1; }
  if [ "$mode" = --check ]; then
    # Every generation draws a new model id; everything else is deterministic.
    if ! diff -r -I 'modelId: new Guid(' "$project/CompiledModel" "$output"; then
      echo "--> the compiled model in $project/CompiledModel no longer matches the code"
      stale=1
    fi
  fi
done

if [ "$stale" = 1 ]; then
  echo "Modelo compilado desactualizado: regenerarlo con tests/compiled-model.sh y commitear el resultado." >&2
  exit 1
fi
[ "$mode" = --check ] && echo "Modelos compilados al día (SQLite y PostgreSQL)." || echo "Modelos compilados regenerados para SQLite y PostgreSQL."
