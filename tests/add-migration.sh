#!/usr/bin/env bash
# Generates a migration with the same name for both providers (never hand-edit the output).
# Usage: tests/add-migration.sh NombreDeLaMigracion
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?Uso: tests/add-migration.sh NombreDeLaMigracion}"
dotnet tool restore >/dev/null
dotnet build src/ProgramaInnovacion.Web >/dev/null
Database__Provider=Sqlite dotnet ef migrations add "$name" --no-build \
  --project src/ProgramaInnovacion.Migrations.Sqlite --startup-project src/ProgramaInnovacion.Web --output-dir Migrations
# A connection string is needed to build the model, not to reach a server.
Database__Provider=Postgres ConnectionStrings__Default="Host=localhost;Database=programa;Username=programa" \
  dotnet ef migrations add "$name" --no-build \
  --project src/ProgramaInnovacion.Migrations.Postgres --startup-project src/ProgramaInnovacion.Web --output-dir Migrations
echo "Migración «$name» generada para SQLite y PostgreSQL."
