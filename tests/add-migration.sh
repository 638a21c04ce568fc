#!/usr/bin/env bash
# Generates a migration with the same name for both providers (never hand-edit the output), and
# regenerates both compiled models (tests/compiled-model.sh) so that none is left stale.
# Usage: tests/add-migration.sh NombreDeLaMigracion
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?Uso: tests/add-migration.sh NombreDeLaMigracion}"
dotnet tool restore >/dev/null
# Regenerated from scratch below: an entity class removed from the code would not compile in the old ones.
rm -rf src/ProgramaInnovacion.Migrations.Sqlite/CompiledModel src/ProgramaInnovacion.Migrations.Postgres/CompiledModel
dotnet build src/ProgramaInnovacion.Web >/dev/null
Database__Provider=Sqlite dotnet ef migrations add "$name" --no-build \
  --project src/ProgramaInnovacion.Migrations.Sqlite --startup-project src/ProgramaInnovacion.Web --output-dir Migrations
# A connection string is needed to build the model, not to reach a server.
Database__Provider=Postgres ConnectionStrings__Default="Host=localhost;Database=programa;Username=programa" \
  dotnet ef migrations add "$name" --no-build \
  --project src/ProgramaInnovacion.Migrations.Postgres --startup-project src/ProgramaInnovacion.Web --output-dir Migrations
NO_BUILD=1 bash tests/compiled-model.sh
echo "Migración «$name» generada para SQLite y PostgreSQL."
