#pragma once
// The PostgreSQL schema: the twin of store/migrations.hpp, version for version. A migration added
// there is added here under the same version and name (tests/unit/pg_migrations_test.cpp fails
// otherwise, and tests/postgres compares the resulting schemas).
#include "store/migrations.hpp"

#include <span>
#include <string>

namespace vrathaus {

// Every schema change for PostgreSQL, oldest first.
std::span<const Migration> pg_migrations();

// PostgreSQL has no PRAGMA user_version: the schema's version is the one row of this table.
inline constexpr const char* kPgSchemaVersionTable = "vrathaus_schema_version";

// One migration as a script of its own transaction: it takes a transaction-scoped advisory lock
// (so concurrent `db migrate` runs queue instead of both applying it), creates the version table
// when the database is empty, and applies the change and records its version only when the
// schema is older. Running it twice, or concurrently, applies the change once.
std::string pg_migration_script(const Migration& migration);

}  // namespace vrathaus
