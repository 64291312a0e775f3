#pragma once
// The PostgreSQL schema: the twin of store/migrations.hpp, version for version. A migration added
// there is added here under the same version and name (tests/unit/pg_migrations_test.cpp fails
// otherwise, and tests/postgres compares the resulting schemas).
#include "store/migrations.hpp"
#include "store/sql/connection.hpp"

#include <span>
#include <string>

namespace vrathaus {

// Every schema change for PostgreSQL, oldest first.
std::span<const Migration> pg_migrations();

// PostgreSQL has no PRAGMA user_version: the schema's version is the one row of this table.
inline constexpr const char* kPgSchemaVersionTable = "vrathaus_schema_version";

// One migration as a script to run in a writing transaction (which holds the writer lock,
// store/pg_locks.hpp, so concurrent `db migrate` runs queue): it creates the version table when the
// database is empty, and applies the change and records its version only when the schema is
// older. Running it twice, or concurrently, applies the change once.
std::string pg_migration_script(const Migration& migration);

// The schema version of a PostgreSQL database; 0 when it has none yet.
int pg_schema_version(sql::Connection& db);

// Applies every migration the database lacks, each in its own transaction; how many were applied.
int pg_migrate(sql::Connection& db);

}  // namespace vrathaus
