#include "store/migrations.hpp"
#include "store/pg_migrations.hpp"

#include <doctest/doctest.h>

#include <string_view>

using namespace vrathaus;

TEST_CASE("every SQLite migration has its PostgreSQL twin, same version, same name") {
  auto sqlite = migrations();
  auto postgres = pg_migrations();
  REQUIRE(sqlite.size() == postgres.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) {
    CAPTURE(sqlite[i].name);
    CHECK(postgres[i].version == sqlite[i].version);
    CHECK(std::string_view(postgres[i].name) == sqlite[i].name);
  }
}

TEST_CASE("a PostgreSQL migration script applies its change once") {
  for (const auto& m : pg_migrations()) {
    CAPTURE(m.version);
    // The change is quoted with this tag inside the script, so it must not appear in the change.
    CHECK(std::string_view(m.sql).find("$vrathaus_schema$") == std::string_view::npos);
    auto script = pg_migration_script(m);
    CHECK(script.starts_with("CREATE TABLE IF NOT EXISTS vrathaus_schema_version"));
    CHECK(script.find("< " + std::to_string(m.version) + " THEN") != std::string::npos);
    CHECK(script.find("SET version = " + std::to_string(m.version) + ";") != std::string::npos);
    // The caller's transaction holds it together.
    CHECK(script.find("BEGIN;") == std::string::npos);
    CHECK(script.find("COMMIT") == std::string::npos);
  }
}
